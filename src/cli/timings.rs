//! `--timings`: where a command spent its time, printed to stderr when it ends.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use crate::load::Stats;

/// The phases timed so far (nothing is kept when `--timings` is off).
#[derive(Debug)]
pub struct Timings {
    start: Instant,
    enabled: bool,
    rows: RefCell<Vec<(&'static str, Duration, String)>>,
}

impl Timings {
    /// Starts the clock.
    pub fn new(enabled: bool) -> Timings {
        Timings {
            start: Instant::now(),
            enabled,
            rows: RefCell::new(Vec::new()),
        }
    }

    fn push(&self, name: &'static str, took: Duration, note: String) {
        if self.enabled {
            self.rows.borrow_mut().push((name, took, note));
        }
    }

    /// Records the phases of a load.
    pub fn load(&self, stats: &Stats, cache: bool) {
        self.push("discover", stats.discover, String::new());
        let note = if let Some((read, all)) = stats.focused {
            format!("cache: corpus unchanged; {read} of {all} items read")
        } else if stats.corpus_cached {
            "cache: corpus unchanged".to_string()
        } else if cache {
            format!(
                "cache: {} hit, {} miss",
                stats.cache_hits, stats.cache_misses
            )
        } else {
            "cache: off".to_string()
        };
        let note = match stats.reused {
            0 => note,
            n => format!("{note}; {n} reused from the other version"),
        };
        self.push("read+parse", stats.parse, note);
        self.push("resolve", stats.resolve, String::new());
        if cache {
            self.push("cache write", stats.cache_write, String::new());
        }
    }

    /// Runs `f`, recording how long it took as `name`.
    pub fn time<T>(&self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.push(name, start.elapsed(), String::new());
        out
    }

    /// Prints the table: each phase, the rest as `command`, and the total.
    pub fn print(&self) {
        if !self.enabled {
            return;
        }
        let total = self.start.elapsed();
        let rows = self.rows.borrow();
        let timed: Duration = rows.iter().map(|(_, d, _)| *d).sum();
        let mut text = String::from("timings:\n");
        let all = rows
            .iter()
            .map(|(n, d, note)| (*n, *d, note.as_str()))
            .chain([
                ("command", total.saturating_sub(timed), ""),
                ("total", total, ""),
            ]);
        for (name, took, note) in all {
            let ms = took.as_secs_f64() * 1000.0;
            let line = format!("  {name:<12} {ms:>10.1} ms  {note}");
            text.push_str(line.trim_end());
            text.push('\n');
        }
        super::stderr::text(&text);
    }
}
