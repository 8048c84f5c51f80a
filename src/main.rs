//! The `claimgraph` binary: everything happens in [`claimgraph::cli`].

fn main() -> std::process::ExitCode {
    claimgraph::cli::main()
}
