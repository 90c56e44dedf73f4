//! `quorate check`: is this database whole, up to date, and what does it
//! hold? Used after a restore, and before one on the copy to restore.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel_migrations::MigrationHarness;

use super::{DbConn, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS};

/// What a check found.
#[derive(Debug, Default)]
pub struct Report {
    /// Problems that make the database unfit to serve from.
    pub problems: Vec<String>,
    /// (what, how many): the main records, to compare with what was expected.
    pub counts: Vec<(&'static str, i64)>,
    /// Migrations this build has that the database has not had yet (an
    /// older copy: `quorate migrate` or the next start applies them).
    pub pending_migrations: usize,
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = diesel::sql_types::Text)]
    line: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

const COUNTED: [(&str, &str); 8] = [
    ("organisations", "organisations"),
    ("people", "users"),
    ("bodies", "bodies"),
    ("meetings", "meetings"),
    ("papers", "papers"),
    ("published agenda versions", "agenda_versions"),
    ("decisions", "decisions"),
    ("actions", "actions"),
];

/// Checks the database behind `conn`: its migrations can be read (and how
/// many this build would still apply), SQLite's own integrity and foreign
/// key checks pass, and the main tables can be read.
pub fn check(conn: &mut DbConn) -> Report {
    let mut report = Report::default();
    let pending = match conn {
        DbConn::Sqlite(c) => c.pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        DbConn::Postgresql(c) => c.pending_migrations(POSTGRES_MIGRATIONS).map(|v| v.len()),
    };
    match pending {
        Ok(n) => report.pending_migrations = n,
        Err(e) => report
            .problems
            .push(format!("The migrations could not be read: {e}.")),
    }
    if let DbConn::Sqlite(c) = conn {
        match diesel::sql_query("SELECT integrity_check AS line FROM pragma_integrity_check")
            .load::<Line>(c)
        {
            Ok(lines) if lines.len() == 1 && lines[0].line == "ok" => {}
            Ok(lines) => report.problems.push(format!(
                "SQLite's integrity check failed: {}",
                lines
                    .into_iter()
                    .map(|l| l.line)
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            Err(e) => report
                .problems
                .push(format!("SQLite's integrity check could not run: {e}.")),
        }
        match diesel::sql_query(
            "SELECT \"table\" || ' row ' || rowid || ' names a missing ' || parent AS line \
             FROM pragma_foreign_key_check",
        )
        .load::<Line>(c)
        {
            Ok(lines) if lines.is_empty() => {}
            Ok(lines) => report.problems.push(format!(
                "{} broken reference(s), for example: {}",
                lines.len(),
                lines[0].line
            )),
            Err(e) => report
                .problems
                .push(format!("SQLite's foreign key check could not run: {e}.")),
        }
        let _ = c.batch_execute("PRAGMA optimize");
    }
    for (what, table) in COUNTED {
        match diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
            .get_result::<Count>(conn)
        {
            Ok(c) => report.counts.push((what, c.n)),
            Err(e) => report
                .problems
                .push(format!("The {what} could not be read: {e}.")),
        }
    }
    report
}
