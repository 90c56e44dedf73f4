//! The binary's command line, run as a deployer would.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::helpers::TestDb;

struct Cli {
    dir: tempfile::TempDir,
    db: TestDb,
}

impl Cli {
    fn new() -> Cli {
        let dir = tempfile::tempdir().expect("dir");
        let db = TestDb::create(dir.path());
        Cli { dir, db }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_quorate"));
        c.args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("QUORATE_DATA_DIR", self.dir.path())
            .env("QUORATE_DATABASE_URL", self.db.url())
            .env("QUORATE_LOG", "warn")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
        let mut cmd = self.command(args);
        if stdin.is_some() {
            cmd.stdin(Stdio::piped());
        }
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn quorate");
        if let Some(input) = stdin {
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(input.as_bytes())
                .expect("write");
        }
        let out = child.wait_with_output().expect("wait");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into(),
            String::from_utf8_lossy(&out.stderr).into(),
        )
    }
}

#[test]
fn admin_commands_create_a_user_and_print_only_a_token() {
    let cli = Cli::new();
    let (code, out, err) = cli.run(&["migrate"], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("up to date"));

    let (code, out, err) = cli.run(
        &[
            "admin",
            "create-user",
            "--email",
            "Clerk@Northshire.example",
            "--name",
            "Sam Clarke",
            "--organisation",
            "Northshire County Council",
            "--admin",
        ],
        Some("a long cli passphrase\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("clerk@northshire.example") && out.contains("can sign in now"),
        "{out}"
    );

    let (code, out, err) = cli.run(
        &["admin", "token", "--email", "clerk@northshire.example"],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let token = out.trim();
    assert!(
        token.starts_with("qrt_")
            && !token.contains(char::is_whitespace)
            && out.lines().count() == 1,
        "{out:?}"
    );

    let (code, _, err) = cli.run(
        &["admin", "token", "--email", "nobody@northshire.example"],
        None,
    );
    assert_eq!(code, 1);
    assert!(err.contains("no user with that email"), "{err}");

    let (code, _, err) = cli.run(
        &[
            "admin",
            "create-user",
            "--email",
            "not-an-email",
            "--name",
            "X",
            "--organisation",
            "Northshire County Council",
        ],
        Some("a long cli passphrase\n"),
    );
    assert_eq!(code, 1);
    assert!(err.contains("email:"), "{err}");

    // The demo refuses a database that already holds data.
    let (code, _, err) = cli.run(&["demo", "--bind", "127.0.0.1:0"], None);
    assert_eq!(code, 1);
    assert!(err.contains("--reset"), "{err}");
}

#[test]
fn bad_configuration_stops_the_start_naming_the_key() {
    let cli = Cli::new();
    let mut cmd = cli.command(&["migrate"]);
    cmd.env("QUORATE_WORKER_TICK_SECONDS", "soon")
        .env("QUORATE_COLOUR", "blue");
    let out = cmd.output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("colour") || err.contains("worker.tick_seconds"),
        "{err}"
    );

    let mut cmd = cli.command(&["migrate"]);
    cmd.env("QUORATE_DATABASE_URL", "postgress://typo@localhost/db");
    let out = cmd.output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("database_url"));
    assert!(
        !cli.dir.path().join("postgress:").exists(),
        "no SQLite file from a typo"
    );

    let mut cmd = cli.command(&["migrate"]);
    cmd.env("QUORATE_CONFIG", cli.dir.path().join("missing.toml"));
    let out = cmd.output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("QUORATE_CONFIG"));
}

#[test]
fn sqlite_backup_is_a_consistent_copy() {
    let cli = Cli::new();
    if cli.db.is_postgres() {
        let (code, _, err) = cli.run(&["backup", "--to", "/tmp/never.db"], None);
        assert_eq!(code, 1);
        assert!(err.contains("pg_dump"));
        return;
    }
    cli.run(
        &[
            "admin",
            "create-user",
            "--email",
            "a@b.example",
            "--name",
            "A",
            "--organisation",
            "Org",
        ],
        Some("a long cli passphrase\n"),
    );
    let target = cli.dir.path().join("backup.db");
    let (code, _, err) = cli.run(&["backup", "--to", &target.to_string_lossy()], None);
    assert_eq!(code, 0, "{err}");
    let pool = quorate::db::connect(&format!("sqlite://{}", target.display()), 1, 1000)
        .expect("open backup");
    let mut conn = pool.get().expect("conn");
    use diesel::prelude::*;
    let n: i64 = quorate::db::schema::users::table
        .count()
        .get_result(&mut *conn)
        .expect("count");
    assert_eq!(n, 1);
    let (code, _, _) = cli.run(&["backup", "--to", &target.to_string_lossy()], None);
    assert_eq!(code, 1, "never overwrites");
}
