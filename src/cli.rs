//! The command line (see docs/operations.md).

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use diesel::Connection;

use crate::clock::SystemClock;
use crate::config::Settings;
use crate::db::{self, DatabaseUrl};
use crate::services::Actor;
use crate::services::accounts::{self, InviteContext, NewUser};
use crate::services::directory::{self, NewOrganisation};
use crate::startup::{Application, RunOptions, build_state};

#[derive(Debug, Parser)]
#[command(
    name = "quorate",
    version,
    about = "Meeting agendas, board papers, decisions and actions for partnership boards"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply migrations, run the background worker, and serve.
    Serve {
        /// Address to listen on (overrides QUORATE_BIND).
        #[arg(long)]
        bind: Option<String>,
        /// Do not apply pending migrations at start.
        #[arg(long)]
        no_migrate: bool,
        /// Do not run the background worker in this process.
        #[arg(long)]
        no_worker: bool,
    },
    /// Load demo data into an empty database, then serve.
    Demo {
        /// Empty the database first (everything in it is lost).
        #[arg(long)]
        reset: bool,
        /// Address to listen on (overrides QUORATE_BIND).
        #[arg(long)]
        bind: Option<String>,
        /// `large` adds a benchmark data set: 50 bodies, 5,000 meetings,
        /// 20,000 decisions, 200,000 actions, 100,000 papers.
        #[arg(long, value_parser = ["normal", "large"], default_value = "normal")]
        scale: String,
        /// Load the data and exit instead of serving.
        #[arg(long)]
        no_serve: bool,
    },
    /// Apply pending migrations and exit.
    Migrate,
    /// Run only the background worker (mail, reminders).
    Worker,
    /// Administration tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Bank-holiday calendars.
    Holidays {
        #[command(subcommand)]
        command: HolidaysCommand,
    },
    /// Import data from files.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Print the settings in effect (from the defaults, QUORATE_CONFIG and
    /// QUORATE_* variables), one `key = value` a line, secrets hidden; exit.
    Config,
    /// Write a consistent copy of the SQLite database to a file.
    Backup {
        #[arg(long)]
        to: PathBuf,
    },
    /// Put a backup made by `quorate backup` in place of the SQLite database
    /// (stop Quorate first). The copy is checked before anything is moved,
    /// and the database it replaces is kept beside it.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
    /// Check the database: SQLite's integrity and foreign keys, migrations
    /// still to apply, and how many of the main records it holds. Exit code
    /// 1 if anything is wrong.
    Check,
    /// Typeset a board pack (`pdf`) or check a paper (`check`) from standard
    /// input: run by Quorate itself, so that typesetting's memory is held
    /// only while it works.
    #[command(hide = true)]
    Typeset {
        #[arg(value_parser = ["pdf", "check"])]
        what: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import an action log from CSV (UTF-8, with a header row). Nothing is
    /// imported unless every row is valid, unless --skip-invalid.
    Actions {
        file: PathBuf,
        /// The body the actions belong to.
        #[arg(long)]
        body: String,
        /// Import the valid rows and report the others.
        #[arg(long)]
        skip_invalid: bool,
        /// Map a field to a column header, like --map owner_email="Lead officer".
        /// Fields: description, owner_email, due_on, status, decision, closed_on, note.
        #[arg(long = "map", value_name = "FIELD=HEADER")]
        map: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HolidaysCommand {
    /// Replace the bank holidays with a file in the GOV.UK bank-holidays.json
    /// format. A malformed file is rejected whole and changes nothing.
    Import { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a user. The password is read from standard input when it is
    /// piped; otherwise an invitation is mailed.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Organisation name; created if it does not exist.
        #[arg(long)]
        organisation: String,
        /// Make the user a site administrator.
        #[arg(long)]
        admin: bool,
    },
    /// Print a new API token for a user on standard output, and nothing else.
    Token {
        #[arg(long)]
        email: String,
    },
}

pub type CliResult = Result<(), String>;

pub async fn run(cli: Cli, mut settings: Settings) -> CliResult {
    match cli.command {
        Command::Serve {
            bind,
            no_migrate,
            no_worker,
        } => {
            if let Some(b) = bind {
                settings.rebind(b);
                settings.validate().map_err(|e| e.to_string())?;
            }
            serve(
                settings,
                RunOptions {
                    migrate: !no_migrate,
                    worker: !no_worker,
                },
                None,
            )
            .await
        }
        Command::Demo {
            reset,
            bind,
            scale,
            no_serve,
        } => {
            if let Some(b) = bind {
                settings.rebind(b);
                settings.validate().map_err(|e| e.to_string())?;
            }
            let url = settings.database_url();
            if reset {
                db_reset(&url)?;
            }
            let state = build_state(settings.clone(), Arc::new(SystemClock), None, true)
                .map_err(|e| e.to_string())?;
            let base = state.base_url().to_string();
            let logins = state
                .tx(move |c| {
                    if crate::demo::is_loaded(c)? {
                        tracing::info!("the demo is already loaded; serving it");
                        return Ok(crate::demo::logins());
                    }
                    if !db::is_empty(c)? {
                        return Err(crate::error::AppError::conflict(
                            "database",
                            "The database already holds data. Run `quorate demo --reset` to replace it with the demo (everything in it is lost), or `quorate serve` to use it.",
                        ));
                    }
                    crate::demo::load(c, chrono::Utc::now().naive_utc(), &base)
                })
                .await
                .map_err(describe)?;
            if scale == "large" {
                load_large(&state).await?;
            }
            if no_serve {
                return Ok(());
            }
            let intro = crate::demo::describe(&logins, state.base_url());
            serve(
                settings,
                RunOptions {
                    migrate: false,
                    worker: true,
                },
                Some(intro),
            )
            .await
        }
        Command::Migrate => {
            let pool = db::connect(
                &settings.database_url(),
                1,
                settings.database.sqlite_busy_timeout_ms,
            )
            .map_err(|e| e.to_string())?;
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            let n = db::run_migrations(&mut conn).map_err(|e| e.to_string())?;
            println!("Applied {n} migration(s); the database is up to date.");
            Ok(())
        }
        Command::Worker => {
            let state = build_state(settings, Arc::new(SystemClock), None, false)
                .map_err(|e| e.to_string())?;
            crate::jobs::run_forever(state).await;
            Ok(())
        }
        Command::Admin { command } => admin(command, settings).await,
        Command::Holidays {
            command: HolidaysCommand::Import { file },
        } => import_holidays(settings, &file).await,
        Command::Config => {
            print!("{}", settings.describe());
            Ok(())
        }
        Command::Backup { to } => backup(&settings, &to),
        Command::Restore { from } => restore(&settings, &from),
        Command::Check => check(&settings),
        Command::Typeset { what } => match crate::render::pack_pdf::typeset_standard_input(&what) {
            c if c == std::process::ExitCode::SUCCESS => Ok(()),
            _ => Err("typesetting failed".into()),
        },
        Command::Import {
            command:
                ImportCommand::Actions {
                    file,
                    body,
                    skip_invalid,
                    map,
                },
        } => import_actions(settings, &file, &body, skip_invalid, &map).await,
    }
}

/// Adds the benchmark data set (once), with a progress bar.
async fn load_large(state: &crate::state::AppState) -> CliResult {
    let loaded = state
        .db(|c| Ok(crate::db::bodies::find_by_slug(c, "large-00")?.is_some()))
        .await
        .map_err(describe)?;
    if loaded {
        println!("The large data set is already loaded.");
        return Ok(());
    }
    let bar = indicatif::ProgressBar::new(1);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta} left)")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message("Writing the large data set:");
    let tick = bar.clone();
    let now = state.clock.now_naive();
    let started = std::time::Instant::now();
    state
        .tx(move |c| {
            crate::demo_large::load(c, now, |_, done, total| {
                tick.set_length(total);
                tick.set_position(done);
            })
        })
        .await
        .map_err(describe)?;
    bar.finish_and_clear();
    println!(
        "Large data set written in {:.1} s: {} bodies, {} meetings, {} decisions, {} actions; {} meetings to come with {} papers.",
        started.elapsed().as_secs_f64(),
        crate::demo_large::BODIES,
        crate::demo_large::BODIES * crate::demo_large::MEETINGS_PER_BODY,
        crate::demo_large::BODIES
            * crate::demo_large::MEETINGS_PER_BODY
            * crate::demo_large::DECISIONS_PER_MEETING,
        crate::demo_large::BODIES
            * crate::demo_large::MEETINGS_PER_BODY
            * crate::demo_large::DECISIONS_PER_MEETING
            * crate::demo_large::ACTIONS_PER_DECISION,
        crate::demo_large::BODIES * crate::demo_large::UPCOMING_PER_BODY,
        crate::demo_large::BODIES
            * crate::demo_large::UPCOMING_PER_BODY
            * crate::demo_large::PAPERS_PER_UPCOMING
    );
    Ok(())
}

async fn import_actions(
    settings: Settings,
    file: &std::path::Path,
    slug: &str,
    skip_invalid: bool,
    map: &[String],
) -> CliResult {
    let mut mapping = std::collections::HashMap::new();
    for m in map {
        let (field, header) = m
            .split_once('=')
            .ok_or_else(|| format!("--map {m}: write it as FIELD=HEADER."))?;
        mapping.insert(field.trim().to_string(), header.trim().to_string());
    }
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let state =
        build_state(settings, Arc::new(SystemClock), None, true).map_err(|e| e.to_string())?;
    let now = state.clock.now_naive();
    let slug = slug.to_string();
    let lines = bytes.iter().filter(|b| **b == b'\n').count().max(1) as u64;
    let bar = indicatif::ProgressBar::new(lines);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} rows checked ({per_sec})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let tick = bar.clone();
    let started = std::time::Instant::now();
    let report = state
        .tx(move |c| {
            let body = crate::db::bodies::find_by_slug(c, &slug)?.ok_or_else(|| {
                crate::error::AppError::BadRequest(format!("No body has the slug {slug}."))
            })?;
            crate::services::import::import(
                c,
                &Actor::system("Command line import"),
                &body,
                &bytes,
                &mapping,
                skip_invalid,
                now,
                |n| tick.set_position(n as u64),
            )
        })
        .await
        .map_err(describe)?;
    bar.finish_and_clear();
    for p in &report.problems {
        eprintln!(
            "{}",
            if p.message.starts_with("Line") {
                p.message.clone()
            } else {
                format!("Line {}: {}", p.line, p.message)
            }
        );
    }
    if report.imported == 0 && !report.problems.is_empty() {
        return Err(format!(
            "Nothing imported: {} of {} rows have problems (listed above). Fix them, or use --skip-invalid.",
            report.problems.len(),
            report.rows
        ));
    }
    let secs = started.elapsed().as_secs_f64().max(0.001);
    let (took, rate) = (
        format!("{secs:.2}"),
        format!("{:.0}", report.rows as f64 / secs),
    );
    println!(
        "{}",
        crate::i18n::text_with(
            crate::i18n::Lang::English,
            "cli-actions-imported",
            &[
                ("imported", crate::i18n::Arg::count(report.imported)),
                ("skipped", crate::i18n::Arg::count(report.skipped)),
                ("seconds", crate::i18n::Arg::Text(&took)),
                ("rate", crate::i18n::Arg::Text(&rate)),
            ],
        )
    );
    Ok(())
}

async fn serve(settings: Settings, options: RunOptions, intro: Option<String>) -> CliResult {
    let app = Application::build(settings, options).map_err(|e| e.to_string())?;
    let base = app.state.base_url().to_string();
    match intro {
        Some(text) => println!("{text}"),
        None => println!(
            "Quorate is serving at {base} (listening on port {}).",
            app.port()
        ),
    }
    app.run_until_stopped().await.map_err(|e| e.to_string())
}

/// Empties the database: the SQLite file is removed; a PostgreSQL schema is
/// dropped and recreated.
fn db_reset(url: &str) -> CliResult {
    match DatabaseUrl::parse(url)? {
        DatabaseUrl::Sqlite(path) => {
            for suffix in ["", "-wal", "-shm"] {
                let p = PathBuf::from(format!("{}{suffix}", path.display()));
                if p.exists() {
                    std::fs::remove_file(&p)
                        .map_err(|e| format!("removing {}: {e}", p.display()))?;
                }
            }
            Ok(())
        }
        DatabaseUrl::Postgres(url) => {
            use diesel::connection::SimpleConnection;
            let mut conn = crate::db::establish_pg(&url).map_err(|e| e.to_string())?;
            conn.batch_execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
                .map_err(|e| e.to_string())
        }
    }
}

async fn admin(command: AdminCommand, settings: Settings) -> CliResult {
    let state =
        build_state(settings, Arc::new(SystemClock), None, true).map_err(|e| e.to_string())?;
    let now = state.clock.now_naive();
    let actor = Actor::system("Command line");
    match command {
        AdminCommand::CreateUser {
            email,
            name,
            organisation,
            admin,
        } => {
            let password = if std::io::stdin().is_terminal() {
                None
            } else {
                let mut line = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut line)
                    .map_err(|e| format!("reading the password: {e}"))?;
                let pw = line.trim_end_matches(['\r', '\n']).to_string();
                (!pw.is_empty()).then_some(pw)
            };
            let base = state.base_url().to_string();
            let days = state.settings.security.invitation_days;
            let has_password = password.is_some();
            let user = state
                .tx(move |c| {
                    let org = match crate::db::organisations::find_by_name(c, &organisation)? {
                        Some(o) => o,
                        None => {
                            let short: String = organisation
                                .split_whitespace()
                                .filter_map(|w| w.chars().next())
                                .filter(|ch| ch.is_uppercase())
                                .collect();
                            let short = if short.is_empty() {
                                organisation.chars().take(10).collect()
                            } else {
                                short
                            };
                            directory::create_organisation(
                                c,
                                &actor,
                                &NewOrganisation {
                                    name: Some(organisation.clone()),
                                    short_name: Some(short),
                                },
                                now,
                            )?
                        }
                    };
                    let input = NewUser {
                        email: Some(email),
                        name: Some(name),
                        organisation_id: Some(org.id),
                        is_admin: Some(admin),
                    };
                    accounts::create_user(
                        c,
                        &actor,
                        &input,
                        password.as_deref(),
                        &InviteContext {
                            base_url: &base,
                            days,
                        },
                        now,
                    )
                })
                .await
                .map_err(describe)?;
            if has_password {
                println!(
                    "Created {} <{}> (id {}). They can sign in now.",
                    user.name, user.email, user.id
                );
            } else {
                println!(
                    "Created {} <{}> (id {}). An invitation is queued; the server's worker sends it.",
                    user.name, user.email, user.id
                );
            }
            Ok(())
        }
        AdminCommand::Token { email } => {
            let email = email.trim().to_lowercase();
            let token = state
                .tx(move |c| {
                    let user = crate::db::users::find_by_email(c, &email)?
                        .ok_or(crate::error::AppError::NotFound)?;
                    accounts::issue_token(c, &actor, &user.id, "command line", now).map(|(t, _)| t)
                })
                .await
                .map_err(|e| match e {
                    crate::error::AppError::NotFound => {
                        "There is no user with that email address.".to_string()
                    }
                    other => describe(other),
                })?;
            println!("{token}");
            Ok(())
        }
    }
}

async fn import_holidays(settings: Settings, file: &std::path::Path) -> CliResult {
    const MAX: u64 = 2 * 1024 * 1024;
    let size = std::fs::metadata(file)
        .map_err(|e| format!("{}: {e}", file.display()))?
        .len();
    if size > MAX {
        return Err(format!(
            "{} is {size} bytes; a bank-holidays file is far smaller (the limit is {MAX}).",
            file.display()
        ));
    }
    let content = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let state =
        build_state(settings, Arc::new(SystemClock), None, true).map_err(|e| e.to_string())?;
    let now = state.clock.now_naive();
    let cals = state
        .tx(move |c| {
            crate::services::meetings::import_holidays(
                c,
                &Actor::system("Command line"),
                &content,
                now,
            )
        })
        .await
        .map_err(describe)?;
    for division in crate::domain::calendar::DIVISIONS {
        if let Some((from, to)) = cals.get(division).and_then(|c| c.years()) {
            println!("{division}: bank holidays for {from} to {to}");
        }
    }
    println!(
        "Imported. Running servers pick up the new calendars within a minute (at their worker's next tick)."
    );
    Ok(())
}

fn describe(e: crate::error::AppError) -> String {
    // The command line is the operator's: say what went wrong inside.
    if let crate::error::AppError::Internal(cause) = &e {
        return format!("something went wrong: {cause}");
    }
    let errors = e.field_errors();
    if errors.is_empty() {
        e.detail()
    } else {
        errors
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn backup(settings: &Settings, to: &std::path::Path) -> CliResult {
    match DatabaseUrl::parse(&settings.database_url())? {
        DatabaseUrl::Sqlite(path) => {
            if to.exists() {
                return Err(format!(
                    "{} already exists; choose a new file name.",
                    to.display()
                ));
            }
            use diesel::connection::SimpleConnection;
            let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy())
                .map_err(|e| e.to_string())?;
            let target = to.to_string_lossy().replace('\'', "''");
            conn.batch_execute(&format!("VACUUM INTO '{target}'"))
                .map_err(|e| format!("backup failed: {e}"))?;
            println!("Backed up {} to {}.", path.display(), to.display());
            Ok(())
        }
        DatabaseUrl::Postgres(_) => {
            Err("For PostgreSQL use pg_dump; see docs/operations.md.".into())
        }
    }
}

/// Checks the database at `url` and says what it found: the report, or
/// every problem at once.
fn check_database(url: &str, busy_timeout_ms: u32) -> Result<db::check::Report, String> {
    let pool = db::connect(url, 1, busy_timeout_ms).map_err(|e| e.to_string())?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let report = db::check::check(&mut conn);
    if report.problems.is_empty() {
        Ok(report)
    } else {
        Err(report.problems.join("\n"))
    }
}

fn print_counts(report: &db::check::Report) {
    for (what, n) in &report.counts {
        println!("  {what}: {n}");
    }
}

fn check(settings: &Settings) -> CliResult {
    let report = check_database(
        &settings.database_url(),
        settings.database.sqlite_busy_timeout_ms,
    )?;
    println!("The database is whole. It holds:");
    print_counts(&report);
    if report.pending_migrations > 0 {
        return Err(format!(
            "{} migration(s) are not applied yet: run `quorate migrate`.",
            report.pending_migrations
        ));
    }
    Ok(())
}

fn restore(settings: &Settings, from: &std::path::Path) -> CliResult {
    let target = match DatabaseUrl::parse(&settings.database_url())? {
        DatabaseUrl::Sqlite(path) => path,
        DatabaseUrl::Postgres(_) => {
            return Err("For PostgreSQL use pg_restore, then `quorate check`; \
                        see docs/operations.md."
                .into());
        }
    };
    if !from.is_file() {
        return Err(format!("{} is not a file.", from.display()));
    }
    // Check a copy beside the database, never the backup itself (opening it
    // would change it) nor the database in use.
    let incoming = target.with_extension("db.restoring");
    std::fs::copy(from, &incoming).map_err(|e| format!("copying {}: {e}", from.display()))?;
    let checked = check_database(
        &format!("sqlite://{}", incoming.display()),
        settings.database.sqlite_busy_timeout_ms,
    );
    let report = match checked {
        Ok(r) => r,
        Err(problems) => {
            let _ = std::fs::remove_file(&incoming);
            return Err(format!(
                "{} cannot be restored; nothing was changed:\n{problems}",
                from.display()
            ));
        }
    };
    // Keep what is there now, with its journal files, under one new name.
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let kept = target.with_extension(format!("db.before-restore-{stamp}"));
    if target.exists() {
        for suffix in ["", "-wal", "-shm"] {
            let from_name = format!("{}{suffix}", target.display());
            if std::path::Path::new(&from_name).exists() {
                std::fs::rename(&from_name, format!("{}{suffix}", kept.display()))
                    .map_err(|e| format!("moving {from_name} aside: {e}"))?;
            }
        }
    }
    std::fs::rename(&incoming, &target).map_err(|e| format!("putting the copy in place: {e}"))?;
    println!(
        "Restored {} to {}. It holds:",
        from.display(),
        target.display()
    );
    print_counts(&report);
    if target
        .with_extension(format!("db.before-restore-{stamp}"))
        .exists()
    {
        println!("The database it replaced is kept as {}.", kept.display());
    }
    if report.pending_migrations > 0 {
        println!(
            "The copy is {} migration(s) behind this version; the next start applies them.",
            report.pending_migrations
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_valid() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
