//! `jtel-emulator`: runs the jtel REST emulator until Ctrl-C. See `--help`.

use jtel_emulator::cli::{self, Command, Options};
use std::io;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let options = match cli::parse(std::env::args().skip(1)) {
        Ok(Command::Run(options)) => options,
        Ok(Command::Help) => {
            print!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("jtel-emulator: {message}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    match run(options).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("jtel-emulator: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Serves until Ctrl-C; the first stdout line says where.
async fn run(options: Options) -> io::Result<()> {
    let emulator = jtel_emulator::spawn_at(options.listen, options.config()?).await?;
    println!("jtel emulator listening on {}/", emulator.base_url());
    tokio::signal::ctrl_c().await
}
