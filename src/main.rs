use clap::Parser;
use quorate::cli::{Cli, run};
use quorate::config::{LogFormat, Settings};

#[actix_web::main]
async fn main() {
    let cli = Cli::parse();
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("quorate: {e}");
            std::process::exit(2);
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
    if let Err(message) = run(cli, settings).await {
        eprintln!("quorate: {message}");
        std::process::exit(1);
    }
}
