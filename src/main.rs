//! The `newsmine` command: parses arguments and maps the outcome to an exit
//! status (0 all records processed, 1 some records failed, 2 usage or I/O
//! error, 130 interrupted by SIGINT).

mod cli;

use clap::Parser;

// The stages allocate many small, short-lived strings and vectors per article on
// every worker thread; mimalloc serves them in fewer instructions than glibc
// malloc and keeps large buffers mapped instead of faulting them in again.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = cli::Cli::parse();
    let code = match cli::run(cli) {
        Ok(cli::Ending::Done { some_failed: false }) => 0,
        Ok(cli::Ending::Done { some_failed: true }) => 1,
        Ok(cli::Ending::Interrupted) => cli::EXIT_INTERRUPTED,
        Err(cli::Fatal(msg)) => {
            eprintln!("newsmine: error: {msg}");
            2
        }
    };
    std::process::exit(code);
}
