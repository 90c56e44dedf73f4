//! What every request and the worker share.

use std::sync::{Arc, RwLock};

use actix_web::cookie::Key;
use lettre::message::Mailbox;

use crate::clock::SharedClock;
use crate::config::Settings;
use crate::db::{DbConn, DbPool};
use crate::domain::calendar::Calendars;
use crate::error::{AppError, AppResult};
use crate::mail::Mailer;
use crate::ratelimit::LoginLimiter;

#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    /// One permit per pooled connection: database work waits here, on the
    /// async threads, rather than as a blocked thread queueing for a
    /// connection (each such thread costs a context switch or two).
    pub db_gate: Arc<tokio::sync::Semaphore>,
    pub clock: SharedClock,
    pub settings: Arc<Settings>,
    pub mailer: Mailer,
    pub mail_from: Mailbox,
    pub cookie_key: Key,
    pub login_limiter: Arc<LoginLimiter>,
    /// Bank holidays in force: the shipped file, or the newest import.
    pub calendars: Arc<RwLock<Arc<Calendars>>>,
}

/// Moves on every committed write (see `web::page_cache`): public answers
/// kept from before are no longer served.
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Something was written.
pub fn written() {
    GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// How many writes there have been (in this process).
pub fn generation() -> u64 {
    GENERATION.load(std::sync::atomic::Ordering::Relaxed)
}

impl AppState {
    /// Runs blocking database work off the async threads.
    pub async fn db<F, T>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConn) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let permit = Arc::clone(&self.db_gate)
            .acquire_owned()
            .await
            .map_err(|e| AppError::internal(format!("database gate: {e}")))?;
        let lang = crate::i18n::current();
        actix_web::rt::task::spawn_blocking(move || {
            let _permit = permit;
            let mut conn = pool.get()?;
            crate::i18n::for_reader(lang, || f(&mut conn))
        })
        .await
        .map_err(|e| AppError::internal(format!("blocking task: {e}")))?
    }

    /// As `db`, inside one transaction: all of it is written, or none.
    pub async fn tx<F, T>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConn) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        self.db(move |conn| {
            use diesel::{Connection, RunQueryDsl};
            // What is written (stored documents such as draft minutes and
            // published agendas, queued email, the audit log) is in English
            // until content and mail are bilingual, whatever the language of
            // the page that asked; what is read for a page follows the page.
            crate::i18n::with(crate::i18n::Lang::English, || {
                conn.transaction(|c| {
                    // SQLite: take the write lock first. A transaction that reads
                    // and then writes cannot wait for another writer (SQLITE_BUSY
                    // at once); one that starts by writing waits its turn.
                    if let DbConn::Sqlite(s) = c {
                        diesel::sql_query("UPDATE outbox SET attempts = attempts WHERE 1 = 0")
                            .execute(s)?;
                    }
                    f(c)
                })
            })
        })
        .await
        .inspect(|_| written())
    }

    /// The calendars in force (shared, not copied).
    pub fn calendars(&self) -> Arc<Calendars> {
        self.calendars
            .read()
            .map(|c| Arc::clone(&c))
            .unwrap_or_else(|p| Arc::clone(&p.into_inner()))
    }

    /// Replaces the calendars in force (after an import).
    pub fn set_calendars(&self, cals: Calendars) {
        match self.calendars.write() {
            Ok(mut c) => *c = Arc::new(cals),
            Err(p) => *p.into_inner() = Arc::new(cals),
        }
    }

    pub fn base_url(&self) -> &str {
        self.settings.base()
    }
}
