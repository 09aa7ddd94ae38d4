//! The `nagorik` command.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = nagorik::cli::Cli::parse();
    match nagorik::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            let message = format!("{err:#}").replace('\n', " ");
            eprintln!("error: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}
