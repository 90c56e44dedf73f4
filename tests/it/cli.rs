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

/// A command that fails after opening the database exits with status 1 and
/// its message, every time. Before OpenSSL was started without its exit
/// handler, about one run in eight against a TLS-enabled PostgreSQL crashed
/// with SIGSEGV as the process exited.
#[test]
fn a_failing_command_exits_cleanly_every_time() {
    let cli = Cli::new();
    let (code, _, err) = cli.run(&["migrate"], None);
    assert_eq!(code, 0, "{err}");
    for attempt in 1..=40 {
        let (code, out, err) = cli.run(
            &["admin", "token", "--email", "nobody@northshire.example"],
            None,
        );
        assert_eq!(
            (code, out.as_str()),
            (1, ""),
            "attempt {attempt} ended with {code}: {err}"
        );
        assert!(err.contains("no user with that email"), "{err}");
    }
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

/// A backup restores whole: what was there at the backup is back, what came
/// after is gone (kept aside in the replaced file), and `quorate check`
/// passes. A file that is not a good backup changes nothing.
#[test]
fn a_backup_restores_whole_and_check_says_so() {
    let cli = Cli::new();
    let person = |email: &str| {
        let (code, _, err) = cli.run(
            &[
                "admin",
                "create-user",
                "--email",
                email,
                "--name",
                "A person",
                "--organisation",
                "Org",
            ],
            Some("a long cli passphrase\n"),
        );
        assert_eq!(code, 0, "{err}");
    };
    person("before@b.example");
    let (code, out, err) = cli.run(&["check"], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("people: 1"), "{out}");
    if cli.db.is_postgres() {
        let (code, _, err) = cli.run(&["restore", "--from", "/tmp/never.db"], None);
        assert_eq!(code, 1);
        assert!(err.contains("pg_restore"), "{err}");
        return;
    }
    let backup = cli.dir.path().join("backup.db");
    let (code, _, err) = cli.run(&["backup", "--to", &backup.to_string_lossy()], None);
    assert_eq!(code, 0, "{err}");
    person("after@b.example");

    // Not a backup: refused, and the database keeps both people.
    let junk = cli.dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not a database").expect("junk");
    let (code, _, err) = cli.run(&["restore", "--from", &junk.to_string_lossy()], None);
    assert_eq!(code, 1);
    assert!(err.contains("nothing was changed"), "{err}");
    let (_, out, _) = cli.run(&["check"], None);
    assert!(out.contains("people: 2"), "{out}");

    let (code, out, err) = cli.run(&["restore", "--from", &backup.to_string_lossy()], None);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("people: 1") && out.contains("kept as"),
        "{out}"
    );
    let (code, out, err) = cli.run(&["check"], None);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("The database is whole") && out.contains("people: 1"),
        "{out}"
    );
    // The replaced database is kept, with the person added after the backup.
    let kept = std::fs::read_dir(cli.dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy().contains("before-restore")
                    && !n.to_string_lossy().ends_with("-wal")
                    && !n.to_string_lossy().ends_with("-shm")
            })
        })
        .expect("the replaced database is kept");
    let pool = quorate::db::connect(&format!("sqlite://{}", kept.display()), 1, 1000)
        .expect("open the kept database");
    let mut conn = pool.get().expect("conn");
    use diesel::prelude::*;
    let n: i64 = quorate::db::schema::users::table
        .count()
        .get_result(&mut *conn)
        .expect("count");
    assert_eq!(n, 2, "nothing is lost: the replaced database keeps both");
    // The backup file itself was not touched by restoring from it.
    assert!(!cli.dir.path().join("backup.db-wal").exists());
}

/// A plain HTTP/1.0 GET over a socket: the body, or None if nothing answers.
fn http_get(port: u16, path: &str) -> Option<String> {
    use std::io::Read;
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .ok()?;
    s.write_all(format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").as_bytes())
        .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    out.split_once("\r\n\r\n").map(|(_, body)| body.to_string())
}

#[test]
fn the_demo_loads_serves_and_serves_again() {
    let cli = Cli::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    for round in 0..2 {
        let mut child = cli
            .command(&["demo", "--bind", &format!("127.0.0.1:{port}")])
            .env("QUORATE_BASE_URL", format!("http://127.0.0.1:{port}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn demo");
        let mut health = None;
        for _ in 0..150 {
            health = http_get(port, "/healthz");
            if health.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let board = http_get(port, "/api/v1/bodies/northshire-psb").unwrap_or_default();
        let orgs = http_get(port, "/api/v1/organisations?limit=100").unwrap_or_default();
        let bodies = http_get(port, "/api/v1/bodies").unwrap_or_default();
        let welsh = http_get(port, "/api/v1/bodies/dyffryn-tawel-psb").unwrap_or_default();
        let feed = http_get(port, "/bodies/northshire-psb/feed.atom").unwrap_or_default();
        let _ = child.kill();
        let out = child.wait_with_output().expect("demo output");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            health.as_deref(),
            Some("{\"status\":\"ok\"}"),
            "round {round}"
        );
        assert!(
            stdout.contains("sam.clarke@northshire.example") && stdout.contains("northshire-demo"),
            "logins printed: {stdout}"
        );
        assert!(
            feed.contains("Supplement 2: Northshire Public Service Board")
                && feed.contains("Agenda: Northshire Public Service Board"),
            "a past meeting has a published agenda and a supplement: {feed}"
        );
        let board: serde_json::Value = serde_json::from_str(&board).expect("board JSON");
        let priorities: Vec<_> = board["priorities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["title"].as_str())
            .collect();
        assert_eq!(
            priorities,
            [
                "Narrowing the gap",
                "Preparing for an ageing population",
                "Economic recovery"
            ]
        );
        let roles: Vec<_> = board["members"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m["role"].as_str())
            .collect();
        for role in [
            "chair",
            "vice_chair",
            "member",
            "substitute",
            "secretariat",
            "officer",
            "observer",
        ] {
            assert!(roles.contains(&role), "the board has a {role}");
        }
        let orgs: serde_json::Value = serde_json::from_str(&orgs).expect("orgs JSON");
        assert_eq!(
            orgs["items"].as_array().map(Vec::len),
            Some(16),
            "twelve English partners and four Welsh"
        );
        let welsh: serde_json::Value = serde_json::from_str(&welsh).expect("Welsh board JSON");
        assert_eq!(welsh["policy"]["rules"], "wales-psb", "{welsh}");
        assert_eq!(welsh["policy"]["publication_clear_days"], 3);
        let bodies: serde_json::Value = serde_json::from_str(&bodies).expect("bodies JSON");
        let kinds: Vec<_> = bodies
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|b| b["kind"].as_str())
            .collect();
        assert_eq!(kinds.iter().filter(|k| **k == "theme_group").count(), 6);
        assert_eq!(kinds.iter().filter(|k| **k == "partnership").count(), 5);
        assert_eq!(kinds.iter().filter(|k| **k == "forum").count(), 1);
        assert_eq!(kinds.iter().filter(|k| **k == "board").count(), 2);
    }
}

#[test]
fn holidays_import_replaces_the_calendars_and_rejects_bad_files_whole() {
    let cli = Cli::new();
    let bad = cli.dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"england-and-wales": {"events": [{"title": "X", "date": "2030-02-30"}]}}"#,
    )
    .expect("write");
    let (code, _, err) = cli.run(&["holidays", "import", &bad.to_string_lossy()], None);
    assert_eq!(code, 1);
    assert!(
        err.contains("not imported") && err.contains("2030-02-30"),
        "{err}"
    );

    // A file that adds a one-off bank holiday on Friday 8 January 2027.
    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/config/bank-holidays.json"
    ))
    .expect("shipped file");
    let mut doc: serde_json::Value = serde_json::from_str(&shipped).expect("json");
    if let Some(events) = doc["england-and-wales"]["events"].as_array_mut() {
        events.push(serde_json::json!({"title": "Extra bank holiday", "date": "2027-01-08", "notes": "", "bunting": true}));
    }
    let good = cli.dir.path().join("good.json");
    std::fs::write(&good, doc.to_string()).expect("write");
    let (code, out, err) = cli.run(&["holidays", "import", &good.to_string_lossy()], None);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("england-and-wales: bank holidays for 2024 to 2028"),
        "{out}"
    );

    // The imported calendar is in force: with 8 January a holiday, publication
    // for a meeting on Tuesday 12 January 2027 moves back to Thursday 31 December.
    let pool = quorate::db::connect(cli.db.url(), 1, 1000).expect("connect");
    let mut conn = pool.get().expect("conn");
    let cals = quorate::services::meetings::calendars_in_force(&mut conn).expect("calendars");
    let ew = cals.get("england-and-wales").expect("e&w");
    let rules =
        quorate::domain::timeline::Rules::from_policy(&quorate::domain::policy::Policy::default());
    let day = chrono::NaiveDate::from_ymd_opt(2027, 1, 12).expect("date");
    assert_eq!(
        quorate::domain::timeline::compute(day, &rules, ew).publication_day,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 31).expect("date")
    );
}

#[test]
fn an_action_log_imports_from_csv_only_when_every_row_is_valid() {
    let cli = Cli::new();
    let (code, _, err) = cli.run(&["migrate"], None);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = cli.run(
        &[
            "admin",
            "create-user",
            "--email",
            "lead@ashby.example",
            "--name",
            "Lee Ashby",
            "--organisation",
            "Ashby District Council",
        ],
        Some("a long cli passphrase\n"),
    );
    assert_eq!(code, 0, "{err}");
    let pool = quorate::db::connect(cli.db.url(), 1, 5000).expect("db");
    let mut conn = pool.get().expect("conn");
    let now = chrono::Utc::now().naive_utc();
    quorate::db::bodies::insert(
        &mut conn,
        &quorate::db::bodies::Body::new(
            "b1".into(),
            "Board".into(),
            "psb".into(),
            "board",
            None,
            &quorate::domain::policy::Policy::default(),
            now,
        ),
    )
    .expect("body");
    let count = |conn: &mut quorate::db::DbConn| {
        quorate::db::actions::search(
            conn,
            &quorate::db::actions::ActionFilter {
                exempt: quorate::db::ExemptScope::All,
                limit: 1000,
                ..Default::default()
            },
        )
        .map(|v| v.len())
        .unwrap_or(0)
    };
    let file = cli.dir.path().join("log.csv");
    std::fs::write(
        &file,
        "Action,Owner email,Due date,Status,Progress\n\
         Open the youth clubs,lead@ashby.example,31/01/2027,In progress,Venues booked\n\
         Report on patrols,nobody@police.example,2027-02-01,Open,\n\
         \"Publish the decision, with costs\",LEAD@ashby.example,next week,Done,\n",
    )
    .expect("csv");
    let path = file.to_string_lossy().to_string();
    let (code, _, err) = cli.run(&["import", "actions", &path, "--body", "psb"], None);
    assert_ne!(code, 0, "invalid rows stop the import");
    assert!(
        err.contains("Line 3: unknown owner nobody@police.example"),
        "{err}"
    );
    assert!(err.contains("Line 4: bad due date \"next week\""), "{err}");
    assert!(err.contains("Nothing imported"), "{err}");
    assert_eq!(count(&mut conn), 0);
    let (code, out, err) = cli.run(
        &[
            "import",
            "actions",
            &path,
            "--body",
            "psb",
            "--skip-invalid",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Imported 1 action (2 rows skipped)"), "{out}");
    assert_eq!(count(&mut conn), 1);

    // Wrong encoding, and columns it does not know or cannot find.
    std::fs::write(
        &file,
        b"Action,Owner email,Due date\nCaf\xe9 review,lead@ashby.example,2027-01-31\n",
    )
    .expect("latin-1");
    let (code, _, err) = cli.run(&["import", "actions", &path, "--body", "psb"], None);
    assert_ne!(code, 0);
    assert!(err.contains("not UTF-8"), "{err}");
    std::fs::write(
        &file,
        "Action,Lead officer,Colour\nX,lead@ashby.example,red\n",
    )
    .expect("csv");
    let (code, _, err) = cli.run(&["import", "actions", &path, "--body", "psb"], None);
    assert_ne!(code, 0);
    assert!(
        err.contains("Missing column for owner_email") && err.contains("Missing column for due_on"),
        "{err}"
    );
    assert!(err.contains("Unknown column \"Colour\""), "{err}");
    // A mapping names the spreadsheet's own headers.
    std::fs::write(
        &file,
        "Action,Lead officer,Target\nX,lead@ashby.example,2027-03-01\n",
    )
    .expect("csv");
    let (code, out, err) = cli.run(
        &[
            "import",
            "actions",
            &path,
            "--body",
            "psb",
            "--map",
            "owner_email=Lead officer",
            "--map",
            "due_on=Target",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Imported 1 action (0 rows skipped)"), "{out}");
    assert_eq!(count(&mut conn), 2);
}

/// Starts `quorate <command>` on `port` and waits until it answers.
fn start(cli: &Cli, command: &str, port: u16) -> std::process::Child {
    let mut child = cli
        .command(&[command, "--bind", &format!("127.0.0.1:{port}")])
        .env("QUORATE_BASE_URL", format!("http://127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn quorate");
    for _ in 0..300 {
        if http_get(port, "/healthz").is_some() {
            return child;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("quorate {command} did not answer on {port}");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port()
}

/// 100 writes at once (50 new papers with long reports, 50 progress notes),
/// the server killed with SIGKILL while they run, then started again: every
/// write that was acknowledged is there and whole, no paper is half-written,
/// and the database passes `quorate check` (SQLite's integrity and foreign
/// key checks; on PostgreSQL, that it reads back whole).
#[test]
fn acknowledged_writes_survive_a_kill_and_nothing_is_half_written() {
    use quorate::db::{actions, bodies, meetings, papers};
    let cli = Cli::new();
    let port = free_port();
    let mut server = start(&cli, "demo", port);
    let token = |email: &str| {
        let (code, out, err) = cli.run(&["admin", "token", "--email", email], None);
        assert_eq!(code, 0, "{err}");
        out.lines().last().unwrap_or_default().trim().to_string()
    };
    let author = token("nadia.hussain@ashby.example");
    let clerk = token("sam.clarke@northshire.example");
    let pool = quorate::db::connect(cli.db.url(), 2, 5000).expect("database");
    let now = chrono::Utc::now().naive_utc();
    let (meeting, action_ids) = {
        let mut c = pool.get().expect("conn");
        let psb = bodies::find_by_slug(&mut c, "northshire-psb")
            .expect("read")
            .expect("board");
        let next = meetings::of_body(&mut c, &psb.id)
            .expect("meetings")
            .into_iter()
            .filter(|m| m.starts_at > now && m.status != "cancelled")
            .min_by_key(|m| m.starts_at)
            .expect("a meeting ahead");
        let acts: Vec<String> = actions::open_actions(&mut c)
            .expect("actions")
            .into_iter()
            .filter(|a| a.body_id == psb.id)
            .map(|a| a.id)
            .collect();
        assert!(!acts.is_empty());
        (next.id, acts)
    };
    let report = |i: usize| {
        format!(
            "Crash report {i}. {}End of crash report {i}.",
            "A sentence that makes the report long enough to take a while to write. ".repeat(400)
        )
    };
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let base = format!("http://127.0.0.1:{port}");
    let (acked_papers, acked_notes, cut_off) = rt.block_on(async {
        let client = reqwest::Client::new();
        let acked = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for i in 0..100usize {
            let client = client.clone();
            let acked = acked.clone();
            let (req, what) = if i % 2 == 0 {
                (
                    client
                        .post(format!("{base}/api/v1/meetings/{meeting}/papers"))
                        .bearer_auth(&author)
                        .json(&serde_json::json!({"title": format!("Crash paper {i}"), "body_markdown": report(i)})),
                    format!("paper {i}"),
                )
            } else {
                let action = &action_ids[i % action_ids.len()];
                (
                    client
                        .patch(format!("{base}/api/v1/actions/{action}"))
                        .bearer_auth(&clerk)
                        .json(&serde_json::json!({"note": format!("Crash note {i}")})),
                    format!("note {i} on {action}"),
                )
            };
            tasks.push(tokio::spawn(async move {
                let resp = req.send().await.ok()?;
                if !resp.status().is_success() {
                    return None;
                }
                let body: serde_json::Value = resp.json().await.ok()?;
                acked.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                Some((i, what, body))
            }));
        }
        // Kill it while the writes are under way.
        for _ in 0..2000 {
            if acked.load(std::sync::atomic::Ordering::SeqCst) >= 10 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        }
        let _ = server.kill();
        let _ = server.wait();
        let mut papers_done = Vec::new();
        let mut notes_done = Vec::new();
        let mut lost = 0;
        for t in tasks {
            match t.await.ok().flatten() {
                Some((i, _, body)) if i % 2 == 0 => papers_done.push((
                    i,
                    body["id"].as_str().unwrap_or_default().to_string(),
                )),
                Some((i, what, _)) => notes_done.push((i, what)),
                None => lost += 1,
            }
        }
        (papers_done, notes_done, lost)
    });
    assert!(
        !acked_papers.is_empty() || !acked_notes.is_empty(),
        "some writes were acknowledged before the kill"
    );
    eprintln!(
        "killed with {} papers and {} notes acknowledged, {cut_off} requests cut off",
        acked_papers.len(),
        acked_notes.len()
    );
    let mut server = start(&cli, "serve", port);
    let mut c = pool.get().expect("conn");
    for (i, id) in &acked_papers {
        let p = papers::find(&mut c, id)
            .expect("read")
            .unwrap_or_else(|| panic!("acknowledged paper {i} is missing"));
        assert_eq!(p.body_markdown, report(*i), "paper {i} whole");
        assert!(
            !papers::history(&mut c, id).expect("versions").is_empty(),
            "paper {i} has its first version"
        );
    }
    for (i, what) in &acked_notes {
        let action = what.rsplit(' ').next().unwrap_or_default();
        let events = actions::events_of(&mut c, action).expect("events");
        assert!(
            events.iter().any(|e| e.note == format!("Crash note {i}")),
            "acknowledged {what} is missing"
        );
    }
    // Nothing half-written: every crash paper that exists is whole.
    for p in papers::of_meeting(&mut c, &meeting).expect("papers") {
        if let Some(n) = p.title.strip_prefix("Crash paper ") {
            let i: usize = n.parse().expect("number");
            assert_eq!(p.body_markdown, report(i), "paper {i} is whole");
        }
    }
    drop(c);
    drop(pool);
    let _ = server.kill();
    let _ = server.wait();
    let (code, out, err) = cli.run(&["check"], None);
    assert_eq!(code, 0, "the database is whole after the kill: {out}{err}");
}

/// Two instances on one PostgreSQL, started at the same moment on an empty
/// database, as behind a load balancer (same base address and secret, shared
/// data folder): the migrations run once; a session made on one works on
/// the other and signing out on one ends it on both; mail queued on either
/// goes out once; an agenda asked to publish on both publishes once.
#[test]
fn two_instances_share_one_postgresql() {
    let cli = Cli::new();
    if !cli.db.is_postgres() {
        eprintln!("two_instances_share_one_postgresql: PostgreSQL only; skipped on SQLite");
        return;
    }
    let (port_a, port_b) = (free_port(), free_port());
    let base = format!("http://127.0.0.1:{port_a}");
    let launch = |port: u16| {
        cli.command(&["serve", "--bind", &format!("127.0.0.1:{port}")])
            .env("QUORATE_BASE_URL", &base)
            .env(
                "QUORATE_SECRET_KEY",
                "one-secret-for-every-instance-0123456789",
            )
            .env("QUORATE_WORKER_TICK_SECONDS", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn")
    };
    let mut a = launch(port_a);
    let mut b = launch(port_b);
    let up = |port| {
        (0..300).any(|_| {
            let ok = http_get(port, "/healthz").is_some();
            if !ok {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            ok
        })
    };
    let both_up = up(port_a) && up(port_b);
    let stop = |a: &mut std::process::Child, b: &mut std::process::Child| {
        let _ = a.kill();
        let _ = b.kill();
        let _ = a.wait();
        let _ = b.wait();
    };
    if !both_up {
        stop(&mut a, &mut b);
        panic!("both instances start on an empty database at once");
    }
    let pool = quorate::db::connect(cli.db.url(), 2, 5000).expect("database");
    let applied: Vec<String> = {
        use diesel::prelude::*;
        #[derive(QueryableByName)]
        struct V {
            #[diesel(sql_type = diesel::sql_types::Text)]
            version: String,
        }
        let mut c = pool.get().expect("conn");
        diesel::sql_query("SELECT version FROM __diesel_schema_migrations")
            .load::<V>(&mut *c)
            .expect("versions")
            .into_iter()
            .map(|v| v.version)
            .collect()
    };
    let unique: std::collections::BTreeSet<&String> = applied.iter().collect();
    assert_eq!(unique.len(), applied.len(), "each migration once");
    assert_eq!(
        applied.len(),
        std::fs::read_dir("migrations/postgres")
            .expect("dir")
            .count()
    );
    // Data: the demo, loaded beside the running instances.
    let (code, _, err) = cli.run(&["demo", "--no-serve"], None);
    assert_eq!(code, 0, "{err}");

    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let url = |port: u16, path: &str| format!("http://127.0.0.1:{port}{path}");
        let browser = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let page = browser
            .get(url(port_a, "/login"))
            .send()
            .await
            .expect("login page")
            .text()
            .await
            .unwrap_or_default();
        let resp = browser
            .post(url(port_a, "/login"))
            .header("Origin", &base)
            .form(&[
                ("csrf_token", crate::helpers::csrf_token(&page).as_str()),
                ("email", "sam.clarke@northshire.example"),
                ("password", quorate::demo::DEMO_PASSWORD),
            ])
            .send()
            .await
            .expect("sign in");
        assert_eq!(resp.status(), 303, "signed in on A");
        let on = |port: u16| {
            let browser = browser.clone();
            async move {
                browser
                    .get(url(port, "/account"))
                    .send()
                    .await
                    .expect("account")
                    .status()
                    .as_u16()
            }
        };
        assert_eq!(on(port_b).await, 200, "the session made on A works on B");
        // Sign out on B: the session ends on A too.
        let page = browser
            .get(url(port_b, "/account"))
            .send()
            .await
            .expect("account")
            .text()
            .await
            .unwrap_or_default();
        let resp = browser
            .post(url(port_b, "/logout"))
            .header("Origin", &base)
            .form(&[("csrf_token", crate::helpers::csrf_token(&page).as_str())])
            .send()
            .await
            .expect("sign out");
        assert_eq!(resp.status(), 303);
        assert_eq!(on(port_a).await, 303, "signed out on B ends it on A");

        // Publishing on both at once: one version.
        let (code, out, err) = cli.run(
            &["admin", "token", "--email", "sam.clarke@northshire.example"],
            None,
        );
        assert_eq!(code, 0, "{err}");
        let token = out.lines().last().unwrap_or_default().trim().to_string();
        let api = reqwest::Client::new();
        let meeting = {
            let resp = api
                .post(url(port_a, "/api/v1/bodies/northshire-psb/meetings"))
                .bearer_auth(&token)
                .json(&serde_json::json!({"starts_at": "2027-09-14T13:00:00Z", "ends_at": "2027-09-14T15:00:00Z", "location": "County Hall"}))
                .send()
                .await
                .expect("meeting");
            assert_eq!(resp.status(), 201);
            let m: serde_json::Value = resp.json().await.expect("json");
            m["id"].as_str().unwrap_or_default().to_string()
        };
        let publish = |port: u16| {
            api.post(url(port, &format!("/api/v1/meetings/{meeting}/agenda/publish")))
                .bearer_auth(&token)
                .json(&serde_json::json!({}))
                .send()
        };
        let (ra, rb) = tokio::join!(publish(port_a), publish(port_b));
        let mut answers = Vec::new();
        for r in [ra, rb] {
            let r = r.expect("publish");
            let code = r.status().as_u16();
            answers.push((code, r.text().await.unwrap_or_default()));
        }
        answers.sort();
        // One publishes. The other is refused: with a conflict when the two
        // overlap (409: the version, or the new meeting's first agenda, was
        // written a moment ago by the other), or, when the machine ran it
        // only after the first had committed, asked for a supplement's
        // reason (422) as anyone publishing again would be.
        assert_eq!(answers[0].0, 200, "{answers:?}");
        assert!(
            !answers[1].1.contains("duplicate key") && !answers[1].1.contains("_pkey"),
            "the database's words stay in the log: {answers:?}"
        );
        assert!(
            answers[1].0 == 409
                || answers[1].0 == 422 && answers[1].1.contains("supplement_reason_required"),
            "{answers:?}"
        );
        let versions = {
            let mut c = pool.get().expect("conn");
            quorate::db::agenda::version_list(&mut c, &meeting).expect("versions")
        };
        assert_eq!(versions.len(), 1, "one version");

    });
    // Mail: invitations queued on A and on B each go out once, with both
    // workers running.
    let (code, out, err) = cli.run(
        &["admin", "token", "--email", "admin@northshire.example"],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let admin = out.lines().last().unwrap_or_default().trim().to_string();
    let org = {
        let mut c = pool.get().expect("conn");
        quorate::db::organisations::all_by_name(&mut c).expect("orgs")[0]
            .id
            .clone()
    };
    rt.block_on(async {
        let api = reqwest::Client::new();
        for i in 0..6 {
            let port = if i % 2 == 0 { port_a } else { port_b };
            let resp = api
                .post(format!("http://127.0.0.1:{port}/api/v1/users"))
                .bearer_auth(&admin)
                .json(&serde_json::json!({"email": format!("twice-{i}@example.gov.uk"), "name": format!("Person {i}"), "organisation_id": org}))
                .send()
                .await
                .expect("user");
            assert_eq!(resp.status(), 201);
        }
    });
    let mail_dir = cli.dir.path().join("mail");
    let count = |i: usize| {
        std::fs::read_dir(&mail_dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| {
                        std::fs::read_to_string(e.path())
                            .is_ok_and(|t| t.contains(&format!("twice-{i}@example.gov.uk")))
                    })
                    .count()
            })
            .unwrap_or(0)
    };
    let mut sent = vec![0; 6];
    for _ in 0..100 {
        sent = (0..6).map(count).collect();
        if sent.iter().all(|n| *n >= 1) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    // One more worker tick on each, to see a double send if there were one.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let sent_after: Vec<usize> = (0..6).map(count).collect();
    drop(pool);
    stop(&mut a, &mut b);
    assert_eq!(
        sent_after,
        vec![1; 6],
        "each invitation once (first seen {sent:?})"
    );
    // Both workers also queued the demo's action reminders: every message,
    // reminders included, was written once (its Message-ID names the
    // queued message; a second send would repeat it).
    let mut ids = std::collections::BTreeMap::new();
    let mut reminders = 0;
    for entry in std::fs::read_dir(&mail_dir)
        .expect("mail")
        .filter_map(Result::ok)
    {
        let data = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let mail = crate::helpers::ReceivedMail {
            from: String::new(),
            to: Vec::new(),
            data,
        };
        let subject = mail.header("Subject").unwrap_or_default();
        if subject.contains("Overdue action") || subject.starts_with("Action due") {
            reminders += 1;
        }
        *ids.entry(mail.header("Message-ID").unwrap_or_default())
            .or_insert(0) += 1;
    }
    assert!(reminders > 0, "the workers sent the demo's reminders");
    let twice: Vec<_> = ids.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "sent twice: {twice:?}");
}

/// The server typesets packs and checks papers by running itself as a child
/// (`quorate typeset`), so that typst's memory is held only while it works.
/// Run as the server runs it: the source on standard input.
#[test]
fn the_typesetting_child_answers_on_its_pipes() {
    let cli = Cli::new();
    let mut cmd = cli.command(&["typeset", "pdf"]);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn quorate");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"= Board pack\nHello, board.")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.starts_with(b"%PDF-"), "a PDF on standard output");
    let text = pdf_extract::extract_text_from_mem(&out.stdout).expect("a PDF that reads");
    assert!(text.contains("Hello, board."), "{text}");

    // Typst that cannot be laid out: exit 1 and typst's reason, nothing else.
    let broken = format!("{}x{}", "#quote[".repeat(200), "]".repeat(200));
    let (code, out, err) = cli.run(&["typeset", "check"], Some(&broken));
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert!(!err.trim().is_empty() && !err.contains("panicked"), "{err}");
    let (code, _, err) = cli.run(&["typeset", "check"], Some("A plain *report*."));
    assert_eq!(code, 0, "{err}");

    // Not something a deployer runs: not in the help.
    let (_, help, _) = cli.run(&["--help"], None);
    assert!(
        help.contains("serve") && !help.contains("typeset"),
        "{help}"
    );
}
