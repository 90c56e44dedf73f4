//! Builds the application from settings: used by `main` and by the tests.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::cookie::Key;
use actix_web::dev::Server;
use actix_web::middleware::{Logger, from_fn};
use actix_web::{App, HttpServer, web};

use crate::clock::{SharedClock, SystemClock};
use crate::config::Settings;
use crate::db;
use crate::mail::Mailer;
use crate::ratelimit::LoginLimiter;
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Db(#[from] db::DbSetupError),
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Other(String),
}

/// Options the command line sets.
#[derive(Clone, Debug)]
pub struct RunOptions {
    pub migrate: bool,
    pub worker: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            migrate: true,
            worker: true,
        }
    }
}

/// Everything needed to serve, except the listening socket.
pub fn build_state(
    settings: Settings,
    clock: SharedClock,
    mailer: Option<Mailer>,
    migrate: bool,
) -> Result<AppState, StartError> {
    let pool = db::connect(
        &settings.database_url(),
        settings.database.pool_size,
        settings.database.sqlite_busy_timeout_ms,
    )?;
    if migrate {
        let mut conn = pool
            .get()
            .map_err(|e| db::DbSetupError::Connect(e.to_string()))?;
        let applied = db::run_migrations(&mut conn)?;
        if applied > 0 {
            tracing::info!(applied, "database migrated");
        }
    }
    let mailer = match mailer {
        Some(m) => m,
        None => Mailer::from_settings(
            settings.smtp_url.as_ref().map(|s| s.expose()),
            &settings.data_dir,
            settings.mail.connections,
        )
        .map_err(|e| StartError::Other(e.0))?,
    };
    let mail_from = settings
        .mail_from
        .parse()
        .map_err(|e| StartError::Other(format!("mail_from: {e}")))?;
    let cookie_key = cookie_key(&settings)?;
    let login_limiter = Arc::new(LoginLimiter::new(
        settings.security.login_attempts_per_client_per_minute,
        settings.security.login_attempts_per_account_per_minute,
    ));
    let calendars = {
        let mut conn = pool
            .get()
            .map_err(|e| db::DbSetupError::Connect(e.to_string()))?;
        crate::services::meetings::calendars_in_force(&mut conn)
            .map_err(|e| StartError::Other(e.to_string()))?
    };
    let db_gate = Arc::new(tokio::sync::Semaphore::new(
        usize::try_from(settings.database.pool_size).unwrap_or(1),
    ));
    Ok(AppState {
        pool,
        db_gate,
        clock,
        settings: Arc::new(settings),
        mailer,
        mail_from,
        cookie_key,
        login_limiter,
        calendars: Arc::new(std::sync::RwLock::new(Arc::new(calendars))),
    })
}

/// The key that signs cookies: from the settings, or generated once and kept
/// in the data folder (readable only by its owner).
fn cookie_key(settings: &Settings) -> Result<Key, StartError> {
    use sha2::{Digest, Sha512};
    let secret = match &settings.secret_key {
        Some(s) => s.expose().to_string(),
        None => {
            let path = settings.data_dir.join("secret.key");
            match std::fs::read_to_string(&path) {
                Ok(s) if s.trim().len() >= 32 => s.trim().to_string(),
                _ => {
                    std::fs::create_dir_all(&settings.data_dir).map_err(|e| {
                        StartError::Other(format!("data_dir {}: {e}", settings.data_dir.display()))
                    })?;
                    let s = crate::services::accounts::random_token("");
                    write_private(&path, &s).map_err(|e| {
                        StartError::Other(format!("writing {}: {e}", path.display()))
                    })?;
                    s
                }
            }
        }
    };
    // Stretch any secret of 32+ characters to the 64 bytes a Key needs.
    Ok(Key::from(&Sha512::digest(secret.as_bytes())))
}

fn write_private(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(contents.as_bytes())
}

pub struct Application {
    port: u16,
    server: Server,
    pub state: AppState,
}

impl Application {
    /// Builds the app with the system clock and the configured mailer.
    pub fn build(settings: Settings, options: RunOptions) -> Result<Application, StartError> {
        let state = build_state(settings, Arc::new(SystemClock), None, options.migrate)?;
        Self::with_state(state, options.worker)
    }

    /// Binds and prepares the server for a ready state (tests inject theirs).
    pub fn with_state(state: AppState, worker: bool) -> Result<Application, StartError> {
        let addr = state.settings.bind.clone();
        let listener = TcpListener::bind(&addr).map_err(|source| StartError::Bind {
            addr: addr.clone(),
            source,
        })?;
        Self::with_listener(state, listener, worker)
    }

    /// Serves on a socket bound by the caller (tests bind port 0 first).
    pub fn with_listener(
        state: AppState,
        listener: TcpListener,
        worker: bool,
    ) -> Result<Application, StartError> {
        let addr = listener
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or_default();
        let port = listener
            .local_addr()
            .map_err(|e| StartError::Other(e.to_string()))?
            .port();
        let data = web::Data::new(state.clone());
        let public_pages =
            web::Data::new(crate::web::pages::agenda::published::PublicPages::default());
        let page_cache = web::Data::new(crate::web::page_cache::PageCache::default());
        let holders = web::Data::new(crate::web::auth::Holders::default());
        let server = HttpServer::new(move || {
            App::new()
                .wrap(from_fn(crate::web::page_cache::keep))
                .wrap(from_fn(crate::web::security::protect))
                .wrap(from_fn(crate::web::language::choose))
                .wrap(
                    Logger::new("%a \"%{request}xi\" %s %b %Dms")
                        .custom_request_replace("request", |req| {
                            crate::web::security::loggable_request_line(
                                req.method().as_str(),
                                req.uri()
                                    .path_and_query()
                                    .map(|p| p.as_str())
                                    .unwrap_or("/"),
                                &format!("{:?}", req.version()),
                            )
                        })
                        .exclude("/healthz"),
                )
                .app_data(data.clone())
                .app_data(public_pages.clone())
                .app_data(page_cache.clone())
                .app_data(holders.clone())
                .configure(crate::web::configure)
        })
        .workers(2)
        .listen(listener)
        .map_err(|source| StartError::Bind { addr, source })?
        .run();
        if worker {
            let s = state.clone();
            tokio::spawn(crate::jobs::run_forever(s));
        }
        Ok(Application {
            port,
            server,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
