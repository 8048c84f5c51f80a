//! The `claimgraph` binary: everything happens in [`claimgraph::cli`].

/// mimalloc instead of the system allocator: loading and exporting make millions of small,
/// short-lived strings, and glibc's malloc returned freed memory to the system only to fault
/// it back in (see `benches/README.md`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    claimgraph::cli::main()
}
