//! Both migration folders give the same tables and columns; migrations
//! run down and up; the audit log refuses changes.

use diesel::connection::SimpleConnection;

use crate::helpers::{TestApp, TestDb, postgres_url};

fn tables(url: &str) -> Vec<(String, Vec<String>)> {
    let pool = quorate::db::connect(url, 1, 5000).expect("connect");
    let mut conn = pool.get().expect("conn");
    quorate::db::run_migrations(&mut conn).expect("migrate");
    quorate::db::describe_tables(&mut conn).expect("describe")
}

#[tokio::test]
async fn sqlite_and_postgres_schemas_match() {
    let Some(pg) = postgres_url() else {
        use std::io::Write;
        let _ = std::io::stderr().write_all(b"\n[quorate tests] SKIPPED sqlite_and_postgres_schemas_match: QUORATE_TEST_POSTGRES_URL unset\n");
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let sqlite = tables(&format!("sqlite://{}", dir.path().join("s.db").display()));
    // SAFETY of the test: TestDb::create makes a PostgreSQL database because the variable is set.
    let db = TestDb::create(dir.path());
    assert!(db.is_postgres(), "{pg}");
    let postgres = tables(db.url());
    assert!(!sqlite.is_empty());
    assert_eq!(
        sqlite, postgres,
        "migrations/sqlite and migrations/postgres disagree"
    );
}

#[tokio::test]
async fn migrations_run_down_and_up() {
    let dir = tempfile::tempdir().expect("dir");
    let db = TestDb::create(dir.path());
    let pool = quorate::db::connect(db.url(), 1, 5000).expect("connect");
    let mut conn = pool.get().expect("conn");
    assert!(quorate::db::run_migrations(&mut conn).expect("up") >= 1);
    let before = quorate::db::describe_tables(&mut conn).expect("describe");
    quorate::db::revert_all_migrations(&mut conn).expect("down");
    assert!(
        quorate::db::describe_tables(&mut conn)
            .expect("describe")
            .is_empty()
    );
    quorate::db::run_migrations(&mut conn).expect("up again");
    assert_eq!(
        before,
        quorate::db::describe_tables(&mut conn).expect("describe")
    );
    assert_eq!(
        quorate::db::run_migrations(&mut conn).expect("idempotent"),
        0
    );
}

#[tokio::test]
async fn the_audit_log_is_append_only() {
    let app = TestApp::spawn().await;
    app.admin().await;
    let result = app
        .state
        .db(|c| {
            let update = c.batch_execute("UPDATE audit_log SET summary = 'rewritten'");
            let delete = c.batch_execute("DELETE FROM audit_log");
            Ok((update.is_err(), delete.is_err()))
        })
        .await
        .expect("db");
    assert_eq!(
        result,
        (true, true),
        "the database refuses to change history"
    );
    let entries = app
        .state
        .db(|c| Ok(quorate::db::audit::recent(c, 100)?))
        .await
        .expect("audit");
    assert!(
        entries
            .iter()
            .any(|e| e.action == "user.create" && e.summary.contains("admin@test.example"))
    );
}
