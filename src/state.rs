//! What every request and the worker share.

use std::sync::Arc;

use actix_web::cookie::Key;
use lettre::message::Mailbox;

use crate::clock::SharedClock;
use crate::config::Settings;
use crate::db::{DbConn, DbPool};
use crate::error::{AppError, AppResult};
use crate::mail::Mailer;
use crate::web::ratelimit::LoginLimiter;

#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub clock: SharedClock,
    pub settings: Arc<Settings>,
    pub mailer: Mailer,
    pub mail_from: Mailbox,
    pub cookie_key: Key,
    pub login_limiter: Arc<LoginLimiter>,
}

impl AppState {
    /// Runs blocking database work off the async threads.
    pub async fn db<F, T>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConn) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::rt::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
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
            use diesel::Connection;
            conn.transaction(f)
        })
        .await
    }

    pub fn base_url(&self) -> &str {
        self.settings.base()
    }
}
