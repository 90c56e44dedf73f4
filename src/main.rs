use std::process::ExitCode;

use clap::Parser;
use quorate::cli::{Cli, Command, run};
use quorate::config::{LogFormat, Settings};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A child of a running server, typesetting: no settings, no runtime.
    if let Command::Typeset { what } = &cli.command {
        return quorate::render::pack_pdf::typeset_standard_input(what);
    }
    // Everything else typesets in a child process of this same program
    // (`/proc/self/exe` still runs it after the file is replaced on upgrade).
    let program = std::path::PathBuf::from("/proc/self/exe");
    quorate::render::pack_pdf::typeset_in_child(if program.exists() {
        program
    } else {
        std::env::current_exe().unwrap_or_else(|_| std::path::PathBuf::from("quorate"))
    });
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
