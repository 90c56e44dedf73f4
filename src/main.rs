use std::process::ExitCode;

use clap::Parser;
use quorate::cli::{Cli, run};
use quorate::config::{LogFormat, Settings};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("quorate: {e}");
            return ExitCode::from(2);
        }
    };
    let filter = tracing_subscriber::EnvFilter::new(&settings.log);
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if settings.log_format == LogFormat::Json {
        builder.json().init();
    } else {
        builder.init();
    }
    // The runtime is shut down (its threads stopped, the database pool
    // dropped) before the process exits, rather than exiting under it.
    let outcome = actix_web::rt::System::new().block_on(run(cli, settings));
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("quorate: {message}");
            ExitCode::FAILURE
        }
    }
}
