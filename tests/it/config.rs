//! Configuration as the IT team meets it: the real binary, the documented
//! variables and the documented example files. Every setting that
//! docs/configuration.md lists is set here and must show in `quorate config`;
//! a setting added to the docs without a value here fails the test.

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DOCS: &str = include_str!("../../docs/configuration.md");
const EXAMPLE: &str = include_str!("../../config/production.example.toml");

fn quorate(dir: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quorate"));
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// `quorate config` as `key = value` pairs; panics with stderr on failure.
fn effective(cmd: &mut Command) -> BTreeMap<String, String> {
    let out = cmd.arg("config").output().expect("run quorate config");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        out.status.success(),
        "quorate config failed ({:?}): {stderr}",
        out.status
    );
    stdout
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The environment variables the docs list, and the section keys (which
/// are set as `QUORATE_<SECTION>_<KEY>`), in the docs' words.
fn documented() -> (Vec<String>, Vec<String>) {
    let mut vars = Vec::new();
    let mut keys = Vec::new();
    for line in DOCS.lines() {
        let Some(rest) = line.strip_prefix("| `") else {
            continue;
        };
        let Some((name, _)) = rest.split_once('`') else {
            continue;
        };
        if name.starts_with("QUORATE_") {
            vars.push(name.to_string());
        } else if name.contains('.') {
            keys.push(name.to_string());
        }
    }
    (vars, keys)
}

/// A value for a documented setting that differs from its default, and
/// what `quorate config` must then print for it.
fn sample(key: &str, dir: &std::path::Path) -> Option<(String, String)> {
    let db = format!("sqlite://{}", dir.join("elsewhere.db").display());
    let v = |set: &str, shown: &str| Some((set.to_string(), shown.to_string()));
    match key {
        "database_url" => Some((db.clone(), db)),
        "bind" => v("127.0.0.1:18099", "127.0.0.1:18099"),
        "base_url" => v(
            "https://boards.example.gov.uk",
            "https://boards.example.gov.uk",
        ),
        "data_dir" => {
            let d = dir.join("state").display().to_string();
            Some((d.clone(), d))
        }
        "smtp_url" => v(
            "smtp://relay.example.gov.uk:2525",
            "smtp://relay.example.gov.uk:2525",
        ),
        "mail_from" => v(
            "Test Board <board@example.gov.uk>",
            "Test Board <board@example.gov.uk>",
        ),
        "secret_key" => v(
            "a-secret-key-for-the-config-test-0123456789",
            "(set, hidden)",
        ),
        "log" => v(
            "quorate=debug,actix_web=warn",
            "quorate=debug,actix_web=warn",
        ),
        "log_format" => v("json", "json"),
        "database.pool_size" => v("16", "16"),
        "database.sqlite_busy_timeout_ms" => v("7000", "7000"),
        "mail.retry_initial_seconds" => v("45", "45"),
        "mail.retry_max_attempts" => v("9", "9"),
        "mail.connections" => v("8", "8"),
        "worker.tick_seconds" => v("15", "15"),
        "worker.reminder_grace_hours" => v("3", "3"),
        "uploads.max_bytes" => v("1048576", "1048576"),
        "security.session_hours" => v("8", "8"),
        "security.session_idle_minutes" => v("45", "45"),
        "security.invitation_days" => v("3", "3"),
        "security.login_attempts_per_client_per_minute" => v("30", "30"),
        "security.login_attempts_per_account_per_minute" => v("4", "4"),
        "security.password_reset_minutes" => v("30", "30"),
        "security.password_resets_per_account_per_hour" => v("2", "2"),
        "accessibility.organisation" => v(
            "Northshire County Council, for the partnership",
            "Northshire County Council, for the partnership",
        ),
        "accessibility.contact_email" => v(
            "access@northshire.example.gov.uk",
            "access@northshire.example.gov.uk",
        ),
        "accessibility.contact_phone" => v("01632960001", "01632960001"),
        "accessibility.response_days" => v("5", "5"),
        "open_data.licence" => v(
            "Creative Commons Attribution 4.0",
            "Creative Commons Attribution 4.0",
        ),
        "open_data.licence_url" => v(
            "https://creativecommons.org/licenses/by/4.0/",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        _ => None,
    }
}

fn env_name(key: &str) -> String {
    format!("QUORATE_{}", key.replace('.', "_").to_uppercase())
}

#[test]
fn every_documented_variable_takes_effect_in_the_real_binary() {
    let dir = tempfile::tempdir().expect("dir");
    let (vars, keys) = documented();
    assert!(
        vars.len() >= 9,
        "the variables table was not found: {vars:?}"
    );
    assert!(keys.len() >= 10, "the keys table was not found: {keys:?}");

    let mut cmd = quorate(dir.path());
    let mut expected = BTreeMap::new();
    let mut missing = Vec::new();
    let settings = vars
        .iter()
        .filter(|v| v.as_str() != "QUORATE_CONFIG")
        .map(|v| v.trim_start_matches("QUORATE_").to_lowercase())
        .chain(keys.iter().cloned());
    for key in settings {
        match sample(&key, dir.path()) {
            Some((set, shown)) => {
                cmd.env(env_name(&key), &set);
                expected.insert(key, shown);
            }
            None => missing.push(key),
        }
    }
    assert!(
        missing.is_empty(),
        "docs/configuration.md lists settings this test has no value for: {missing:?}"
    );
    let got = effective(&mut cmd);
    for (key, want) in &expected {
        assert_eq!(
            got.get(key),
            Some(want),
            "{} did not take effect (quorate config printed {:?})",
            env_name(key),
            got.get(key)
        );
    }
    let printed: String = got.values().cloned().collect();
    assert!(
        !printed.contains("a-secret-key-for-the-config-test"),
        "the secret key was printed"
    );
}

#[test]
fn a_bad_variable_stops_the_start_naming_it() {
    let dir = tempfile::tempdir().expect("dir");
    let out = quorate(dir.path())
        .env("QUORATE_DATABASE_POOL_SIZE", "lots")
        .env("QUORATE_WORKER_TICK_SECONDS", "0")
        .arg("config")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("database.pool_size"), "{err}");

    let out = quorate(dir.path())
        .env("QUORATE_COLOUR", "blue")
        .arg("config")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("colour"), "{err}");
}

/// `key = value` lines of a flat TOML example, with section prefixes.
fn toml_settings(text: &str) -> Vec<(String, String)> {
    let mut section = String::new();
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = format!("{name}.");
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            out.push((
                format!("{section}{}", k.trim()),
                v.trim().trim_matches('"').to_string(),
            ));
        }
    }
    out
}

/// The ```toml example in docs/configuration.md.
fn docs_example() -> String {
    let start = DOCS.find("```toml").expect("a toml example in the docs") + "```toml".len();
    let len = DOCS[start..].find("```").expect("the example ends");
    DOCS[start..start + len].to_string()
}

#[test]
fn the_documented_example_files_load_as_written() {
    for (name, text) in [
        ("config/production.example.toml", EXAMPLE.to_string()),
        ("the example in docs/configuration.md", docs_example()),
    ] {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("quorate.toml");
        std::fs::write(&path, &text).expect("write");
        let got = effective(quorate(dir.path()).env("QUORATE_CONFIG", &path));
        let settings = toml_settings(&text);
        assert!(settings.len() >= 5, "{name}: nothing read from it");
        for (key, value) in settings {
            let shown = got.get(&key).cloned().unwrap_or_default();
            // Passwords in URLs are hidden; everything else shows as written.
            let want = if key == "secret_key" {
                "(set, hidden)".to_string()
            } else {
                match url::Url::parse(&value) {
                    Ok(mut u) if u.password().is_some() => {
                        let _ = u.set_password(Some("***"));
                        u.to_string()
                    }
                    _ => value.clone(),
                }
            };
            assert!(!shown.contains("secret@"), "{name}: a password was printed");
            assert!(
                shown == want || shown.trim_end_matches('/') == want.trim_end_matches('/'),
                "{name}: {key} is {shown:?}, the file says {value:?}"
            );
        }
    }
}

#[test]
fn the_server_starts_with_a_config_file_and_section_variables() {
    let dir = tempfile::tempdir().expect("dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    // The docs' example, pointed at this machine: an embedded database, a
    // free port, no mail relay.
    let text: String = docs_example()
        .lines()
        .filter(|l| {
            !["database_url", "bind", "base_url", "data_dir", "smtp_url"]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let path = dir.path().join("quorate.toml");
    std::fs::write(
        &path,
        format!(
            "bind = \"127.0.0.1:{port}\"\nbase_url = \"http://127.0.0.1:{port}\"\ndata_dir = \"{}\"\n{text}",
            dir.path().display()
        ),
    )
    .expect("write");
    let mut child = quorate(dir.path())
        .env("QUORATE_CONFIG", &path)
        .env("QUORATE_DATABASE_POOL_SIZE", "3")
        .env("QUORATE_WORKER_TICK_SECONDS", "5")
        .env("QUORATE_SECURITY_SESSION_HOURS", "2")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .arg("serve")
        .spawn()
        .expect("start quorate serve");
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut up = false;
    while Instant::now() < deadline {
        if let Ok(None) = child.try_wait() {
            if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
                use std::io::{Read, Write};
                let _ = s.write_all(b"GET /healthz HTTP/1.0\r\nHost: x\r\n\r\n");
                let mut answer = String::new();
                let _ = s.read_to_string(&mut answer);
                if answer.starts_with("HTTP/1.0 200") || answer.starts_with("HTTP/1.1 200") {
                    up = true;
                    break;
                }
            }
        } else {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = child.kill();
    let out = child.wait_with_output().expect("wait");
    assert!(
        up,
        "quorate serve did not answer /healthz: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        dir.path().join("quorate.db").exists(),
        "data_dir from the file was not used"
    );
}
