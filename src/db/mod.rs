//! Storage: one connection type for SQLite and PostgreSQL, a pool, migrations,
//! and one module of queries per table.

pub mod actions;
pub mod agenda;
pub mod attachments;
pub mod audit;
pub mod bodies;
pub mod check;
pub mod holidays;
pub mod interests;
pub mod invitations;
pub mod meetings;
pub mod memberships;
pub mod minutes;
pub mod organisations;
pub mod outbox;
pub mod outcomes;
pub mod papers;
pub mod password_resets;
pub mod preferences;
pub mod priorities;
pub mod proposals;
pub mod record;
pub mod schema;
pub mod search;
pub mod sessions;
pub mod tokens;
pub mod translations;
pub mod users;

use std::path::PathBuf;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Lock key for migrations, so several instances can start at once.
const MIGRATION_LOCK_KEY: i64 = 0x0051_554f_5241_5445; // "QUORATE"

/// One connection to either backend. `Sqlite` stays the last variant.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

pub type DbPool = Pool<DbManager>;
pub type PooledConn = PooledConnection<DbManager>;

/// Which database a URL selects. Anything but `sqlite:` or `postgres(ql):` is
/// refused: a typo never silently creates an SQLite file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<DatabaseUrl, String> {
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if rest.is_empty() {
                return Err("an sqlite:// URL needs a file path".to_string());
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(rest)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_string()));
        }
        Err("must start with sqlite:// or postgres://".to_string())
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, DatabaseUrl::Postgres(_))
    }
}

/// Which exempt (confidential) records a search may return, decided in the
/// query so that a page's limit counts only what the reader may see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ExemptScope {
    /// None: the public, exports, feeds.
    #[default]
    None,
    /// All: site administrators, and the system itself.
    All,
    /// Those of these bodies (where the reader's role sees exempt material)
    /// and, for actions, those the reader owns.
    Visible {
        bodies: Vec<String>,
        owner: Option<String>,
    },
}

impl ExemptScope {
    /// What this reader may see (`user_id` for the actions they own).
    pub fn seen_by(
        grants: Option<&crate::domain::roles::Grants>,
        user_id: Option<&str>,
    ) -> ExemptScope {
        match grants {
            None => ExemptScope::None,
            Some(g) if g.is_admin => ExemptScope::All,
            Some(g) => ExemptScope::Visible {
                bodies: g
                    .roles
                    .iter()
                    .filter(|(_, r)| r.sees_exempt())
                    .map(|(b, _)| b.clone())
                    .collect(),
                owner: user_id.map(str::to_string),
            },
        }
    }
}

/// Opens a PostgreSQL connection. Every PostgreSQL connection in Quorate
/// (and its tests) goes through here: libpq starts OpenSSL for a TLS
/// connection, and left to itself OpenSSL registers an exit handler that frees
/// its state while other threads may still hold TLS connections, so the
/// process sometimes crashed (SIGSEGV) as it exited. Starting OpenSSL first,
/// without that handler, prevents it: the first initialisation decides.
///
/// The server's notices (a search of symbols alone: "query contains only
/// stop words") would otherwise be written to standard error by libpq;
/// warnings and errors still come.
pub fn establish_pg(url: &str) -> diesel::ConnectionResult<diesel::PgConnection> {
    openssl_sys::init();
    let mut conn = diesel::PgConnection::establish(url)?;
    conn.batch_execute("SET client_min_messages = warning")
        .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
    Ok(conn)
}

/// r2d2 manager that opens the backend the URL names, and sets SQLite up for
/// a web server: WAL, foreign keys, a busy timeout.
#[derive(Clone, Debug)]
pub struct DbManager {
    url: DatabaseUrl,
    busy_timeout_ms: u32,
}

impl DbManager {
    pub fn new(url: DatabaseUrl, busy_timeout_ms: u32) -> Self {
        DbManager {
            url,
            busy_timeout_ms,
        }
    }
}

impl ManageConnection for DbManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Postgres(url) => establish_pg(url)
                .map(DbConn::Postgresql)
                .map_err(r2d2::Error::ConnectionError),
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_string_lossy();
                let mut conn = diesel::SqliteConnection::establish(&path)
                    .map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                    self.busy_timeout_ms
                ))
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error("database URL: {0}")]
    Url(String),
    #[error("could not create the data folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error("could not connect to the database: {0}")]
    Connect(String),
    #[error("migrations failed: {0}")]
    Migrate(String),
}

/// Opens a pool. For SQLite the folder is created; the database file is
/// created by SQLite on first open.
pub fn connect(url: &str, pool_size: u32, busy_timeout_ms: u32) -> Result<DbPool, DbSetupError> {
    let parsed = DatabaseUrl::parse(url).map_err(DbSetupError::Url)?;
    if let DatabaseUrl::Sqlite(path) = &parsed
        && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).map_err(|source| DbSetupError::Folder {
            path: parent.display().to_string(),
            source,
        })?;
    }
    Pool::builder()
        .max_size(pool_size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(10))
        .build(DbManager::new(parsed, busy_timeout_ms))
        .map_err(|e| DbSetupError::Connect(e.to_string()))
}

/// Applies pending migrations for the connection's backend. PostgreSQL holds
/// an advisory lock meanwhile, so instances starting together take turns.
pub fn run_migrations(conn: &mut DbConn) -> Result<usize, DbSetupError> {
    let err = |e: Box<dyn std::error::Error + Send + Sync>| DbSetupError::Migrate(e.to_string());
    let names = |v: Vec<diesel::migration::MigrationVersion<'_>>| {
        v.iter().map(ToString::to_string).collect::<Vec<_>>()
    };
    let applied = match conn {
        DbConn::Postgresql(pg) => {
            pg.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))
                .map_err(|e| DbSetupError::Migrate(e.to_string()))?;
            let result = pg.run_pending_migrations(POSTGRES_MIGRATIONS).map(names);
            let unlock =
                pg.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"));
            let applied = result.map_err(err)?;
            unlock.map_err(|e| DbSetupError::Migrate(e.to_string()))?;
            applied
        }
        DbConn::Sqlite(sqlite) => sqlite
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map(names)
            .map_err(err)?,
    };
    // Only the instance that applied the migration indexes what was there.
    if applied.iter().any(|v| v == SEARCH_MIGRATION) {
        search::rebuild(conn).map_err(|e| DbSetupError::Migrate(e.to_string()))?;
    }
    Ok(applied.len())
}

/// The migration that adds the search index: a database upgraded past it
/// has everything indexed at once.
const SEARCH_MIGRATION: &str = "20261206000015";

/// Reverts every migration (used by the down/up test and `demo --reset`).
pub fn revert_all_migrations(conn: &mut DbConn) -> Result<(), DbSetupError> {
    let err = |e: Box<dyn std::error::Error + Send + Sync>| DbSetupError::Migrate(e.to_string());
    match conn {
        DbConn::Postgresql(pg) => pg
            .revert_all_migrations(POSTGRES_MIGRATIONS)
            .map(|_| ())
            .map_err(err),
        DbConn::Sqlite(sqlite) => sqlite
            .revert_all_migrations(SQLITE_MIGRATIONS)
            .map(|_| ())
            .map_err(err),
    }
}

/// Tables and their columns, sorted, as the database reports them. Each
/// backend's own full-text index (SQLite's `search_fts` tables, PostgreSQL's
/// `search_documents.tsv` column) is left out: the rest must match.
pub fn describe_tables(conn: &mut DbConn) -> QueryResult<Vec<(String, Vec<String>)>> {
    #[derive(QueryableByName)]
    struct Column {
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        column_name: String,
    }
    let rows: Vec<Column> = match conn {
        DbConn::Postgresql(pg) => diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name \
             FROM information_schema.columns WHERE table_schema = current_schema() \
             AND table_name <> '__diesel_schema_migrations' \
             AND NOT (table_name = 'search_documents' AND column_name = 'tsv')",
        )
        .load(pg)?,
        DbConn::Sqlite(sqlite) => diesel::sql_query(
            "SELECT m.name AS table_name, p.name AS column_name \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             AND m.name NOT LIKE 'search_fts%' \
             AND m.name <> '__diesel_schema_migrations'",
        )
        .load(sqlite)?,
    };
    let mut tables: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for row in rows {
        tables
            .entry(row.table_name)
            .or_default()
            .push(row.column_name);
    }
    Ok(tables
        .into_iter()
        .map(|(t, mut cols)| {
            cols.sort();
            (t, cols)
        })
        .collect())
}

/// True when the database holds no organisations (the demo refuses otherwise).
pub fn is_empty(conn: &mut DbConn) -> QueryResult<bool> {
    use schema::organisations::dsl::*;
    let n: i64 = organisations.count().get_result(conn)?;
    Ok(n == 0)
}

/// Answers when the database does (for `/healthz`).
pub fn ping(conn: &mut DbConn) -> QueryResult<()> {
    conn.batch_execute("SELECT 1")
}

diesel::define_sql_function! {
    /// SQL `lower()`: text searches compare lower-cased text, so they ignore
    /// case on PostgreSQL as they do on SQLite.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_select_a_backend_or_are_refused() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/quorate.db"),
            Ok(DatabaseUrl::Sqlite(PathBuf::from("data/quorate.db")))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/q.db"),
            Ok(DatabaseUrl::Sqlite(PathBuf::from("/var/lib/q.db")))
        );
        assert!(DatabaseUrl::parse("postgres://u@h/db").is_ok_and(|u| u.is_postgres()));
        assert!(DatabaseUrl::parse("postgresql://u@h/db").is_ok_and(|u| u.is_postgres()));
        assert!(DatabaseUrl::parse("postgress://u@h/db").is_err());
        assert!(DatabaseUrl::parse("data/quorate.db").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }
}
