//! `watch`: the binary runs on a temporary copy of a fixture while the test edits it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::test::{cache_dir, data};

/// Generous: the binary may be slow to start on a loaded machine; waits end as soon as met.
const PATIENCE: Duration = Duration::from_secs(120);

/// A running `claimgraph watch` whose stderr is collected as it comes.
struct Watch {
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl Watch {
    fn start(claims: &Path, out: &Path) -> Watch {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("claimgraph"))
            .arg("--color=never")
            .arg("--claims")
            .arg(claims)
            .args(["watch", "--renderer", "embedded", "--out"])
            .arg(out)
            .env("CLAIMGRAPH_CACHE_DIR", cache_dir())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().unwrap();
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Watch { child, stderr }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until `ready` holds, failing with `what` and the stderr so far after [`PATIENCE`].
    #[track_caller]
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while !ready(&self.stderr()) {
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {what}; stderr:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn watch_rebuilds_on_change_and_keeps_the_last_good_output_while_broken() {
    let claims = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    for name in ["sources.yaml", "claims.yaml"] {
        std::fs::copy(data("small").join(name), claims.path().join(name)).unwrap();
    }
    let file = claims.path().join("claims.yaml");
    let good = std::fs::read_to_string(&file).unwrap();
    let watch = Watch::start(claims.path(), out.path());
    let watching = |n: usize| move |e: &str| e.matches("watching ").count() >= n;
    watch.wait_for("the first build", watching(1));
    assert!(
        watch.stderr().contains("9 files written"),
        "{}",
        watch.stderr()
    );
    let built = read(out.path().join("all.dot"));
    assert!(built.contains("China is gaining ground in AI."), "{built}");
    assert!(out.path().join("index.html").is_file());

    // A broken edit: diagnostics on stderr, the output untouched.
    std::fs::write(&file, good.replace("[compute-gap]", "[compute-gapp]")).unwrap();
    watch.wait_for("the broken build", |e| {
        e.contains("keeps the last good build") && watching(2)(e)
    });
    let stderr = watch.stderr();
    assert!(stderr.contains("compute-gapp"), "{stderr}");
    assert!(stderr.contains("claims.yaml:"), "{stderr}");
    assert!(stderr.contains("keeps the last good build"), "{stderr}");
    assert_eq!(read(out.path().join("all.dot")), built);

    // Fixed, with a change: rebuilt.
    let fixed = good.replace("gaining ground in AI.", "gaining ground in AI fast.");
    std::fs::write(&file, fixed).unwrap();
    watch.wait_for("the fixed build", |e| {
        e.contains("files written, ") && watching(3)(e)
    });
    let rebuilt = read(out.path().join("all.dot"));
    assert!(
        rebuilt.contains("China is gaining ground in AI fast."),
        "{rebuilt}"
    );
    assert!(read(out.path().join("index.html")).contains("gaining ground in AI fast."));
    // One build per edit: reading the files (as each build does) is no change.
    let stderr = watch.stderr();
    assert_eq!(
        stderr.matches("keeps the last good build").count(),
        1,
        "{stderr}"
    );
    assert_eq!(stderr.matches("3 claims, 3 sources").count(), 2, "{stderr}");
}
