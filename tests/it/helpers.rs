//! The test harness: `TestApp` starts Quorate on a free port with its own
//! database (a fresh SQLite file, or a fresh PostgreSQL database when
//! QUORATE_TEST_POSTGRES_URL is set) and its own in-process SMTP server.

use std::net::TcpListener;
use std::sync::{Arc, Once};

use chrono::{TimeZone, Utc};
use diesel::connection::SimpleConnection;
use quorate::clock::MockClock;
use quorate::config::{Secret, Settings};
use quorate::db::users::User;
use quorate::jobs::{self, RunReport};
use quorate::mail::Mailer;
use quorate::services::Actor;
use quorate::services::accounts::{self, InviteContext, NewUser};
use quorate::services::directory::{self, NewOrganisation};
use quorate::startup::{Application, build_state};
use quorate::state::AppState;
use serde_json::Value;

pub use crate::smtp::{ReceivedMail, SmtpServer};

pub const PASSWORD: &str = "a long test passphrase";

/// A test client drops a kept connection after this long idle: well inside
/// the server's 5 s keep-alive, so on a busy machine it never sends on a
/// connection the server is closing ("IncompleteMessage").
pub const IDLE: std::time::Duration = std::time::Duration::from_secs(2);

/// Everything the suite's servers log (the access log and Quorate's own
/// events, at debug level), kept in memory for the test that looks for
/// secrets in it.
static LOGS: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());
const LOG_LIMIT: usize = 256 * 1024 * 1024;

struct LogCapture;

impl std::io::Write for LogCapture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut logs = LOGS.lock().unwrap_or_else(|p| p.into_inner());
        if logs.len() + bytes.len() <= LOG_LIMIT {
            logs.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Sends all logging to the in-memory capture (once per test process).
fn capture_logs() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("info,quorate=debug"))
            .with_writer(|| LogCapture)
            .with_ansi(false)
            .try_init();
    });
}

/// What every server in this test process has logged so far.
pub fn captured_logs() -> String {
    String::from_utf8_lossy(&LOGS.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
}

/// Prints, once and outside libtest's capture, which database the suite uses.
fn announce_backend(pg: Option<&str>) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use std::io::Write;
        let msg = match pg {
            Some(_) => "\n[quorate tests] backend: PostgreSQL (QUORATE_TEST_POSTGRES_URL is set)\n"
                .to_string(),
            None => "\n\
                ************************************************************************\n\
                * [quorate tests] PostgreSQL SKIPPED: QUORATE_TEST_POSTGRES_URL unset.  *\n\
                * This run tests SQLite only. .ci/run tests both.                      *\n\
                ************************************************************************\n"
                .to_string(),
        };
        let _ = std::io::stderr().write_all(msg.as_bytes());
    });
}

pub fn postgres_url() -> Option<String> {
    std::env::var("QUORATE_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

/// A database that exists for one test and is dropped after it.
pub enum TestDb {
    Sqlite {
        url: String,
    },
    Postgres {
        admin_url: String,
        name: String,
        url: String,
    },
}

impl TestDb {
    pub fn create(dir: &std::path::Path) -> TestDb {
        let pg = postgres_url();
        announce_backend(pg.as_deref());
        match pg {
            None => TestDb::Sqlite {
                url: format!("sqlite://{}", dir.join("quorate.db").display()),
            },
            Some(admin_url) => {
                let name = format!("quorate_test_{}", uuid::Uuid::now_v7().simple());
                let mut conn =
                    quorate::db::establish_pg(&admin_url).expect("connect to the test PostgreSQL");
                conn.batch_execute(&format!("CREATE DATABASE {name}"))
                    .expect("create test database");
                let mut url =
                    url::Url::parse(&admin_url).expect("QUORATE_TEST_POSTGRES_URL is a URL");
                url.set_path(&format!("/{name}"));
                TestDb::Postgres {
                    admin_url,
                    name,
                    url: url.to_string(),
                }
            }
        }
    }

    pub fn url(&self) -> &str {
        match self {
            TestDb::Sqlite { url } | TestDb::Postgres { url, .. } => url,
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, TestDb::Postgres { .. })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres {
            admin_url, name, ..
        } = self
            && let Ok(mut conn) = quorate::db::establish_pg(admin_url)
        {
            let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub state: AppState,
    pub clock: Arc<MockClock>,
    pub smtp: SmtpServer,
    /// An API client: no cookies, no redirects followed.
    pub api: reqwest::Client,
    /// Held so the database lives as long as the app (dropped after it).
    pub _db: TestDb,
    pub dir: tempfile::TempDir,
}

pub fn settings_for(
    dir: &std::path::Path,
    db_url: &str,
    base_url: &str,
    smtp_url: Option<String>,
) -> Settings {
    let mut s = Settings::defaults().expect("default settings");
    s.database_url = Some(Secret::new(db_url));
    s.data_dir = dir.to_path_buf();
    s.base_url = base_url.to_string();
    s.bind = "127.0.0.1:0".into();
    s.smtp_url = smtp_url.map(Secret::new);
    s.secret_key = Some(Secret::new(
        "test-secret-key-that-is-long-enough-0123456789",
    ));
    s.database.pool_size = 4;
    s
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// Starts the app; `tweak` may change the settings first.
    pub async fn spawn_with(tweak: impl FnOnce(&mut Settings)) -> TestApp {
        capture_logs();
        // Packs and paper checks are typeset by the real program, in a child
        // process, as the server does.
        quorate::render::pack_pdf::typeset_in_child(env!("CARGO_BIN_EXE_quorate").into());
        let dir = tempfile::tempdir().expect("temp dir");
        let db = TestDb::create(dir.path());
        let smtp = SmtpServer::start().await;
        let listener = TcpListener::bind("127.0.0.1:0").expect("free port");
        let port = listener.local_addr().expect("addr").port();
        let address = format!("http://127.0.0.1:{port}");
        let mut settings = settings_for(dir.path(), db.url(), &address, Some(smtp.url()));
        tweak(&mut settings);
        // A fixed "now" that tests move by hand: Thursday 26 November 2026, 09:00 London.
        let clock = Arc::new(MockClock::new(
            Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0)
                .single()
                .expect("valid time"),
        ));
        let mailer = Mailer::from_settings(
            settings.smtp_url.as_ref().map(|s| s.expose()),
            dir.path(),
            settings.mail.connections,
        )
        .expect("mailer");
        let state = build_state(settings, clock.clone(), Some(mailer), true).expect("app state");
        let app = Application::with_listener(state.clone(), listener, false).expect("app");
        tokio::spawn(app.run_until_stopped());
        let api = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(IDLE)
            .build()
            .expect("client");
        TestApp {
            address,
            state,
            clock,
            smtp,
            api,
            _db: db,
            dir,
        }
    }

    /// Starts the app with the Northshire demo loaded, as `quorate demo`
    /// loads it, relative to the test clock's "now".
    pub async fn spawn_demo() -> TestApp {
        let app = Self::spawn().await;
        let now = app.clock.now_naive_utc();
        let base = app.address.clone();
        app.state
            .tx(move |c| quorate::demo::load(c, now, &base))
            .await
            .expect("demo data");
        app
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Runs the mail worker once, as the background worker would.
    pub async fn run_pending_jobs(&self) -> RunReport {
        jobs::run_once(&self.state).await.expect("worker pass")
    }

    pub fn emails(&self) -> Vec<ReceivedMail> {
        self.smtp.received()
    }

    pub async fn create_organisation(&self, name: &str) -> String {
        let name = name.to_string();
        let now = self.clock.now_naive_utc();
        self.state
            .tx(move |c| {
                directory::create_organisation(
                    c,
                    &Actor::system("test"),
                    &NewOrganisation {
                        short_name: Some(name.chars().take(10).collect()),
                        name: Some(name),
                    },
                    now,
                )
            })
            .await
            .expect("organisation")
            .id
    }

    /// A user with a password (no invitation mail).
    pub async fn create_user(&self, email: &str, org_id: &str, admin: bool) -> User {
        let input = NewUser {
            email: Some(email.into()),
            name: Some(format!("Test {}", email.split('@').next().unwrap_or(email))),
            organisation_id: Some(org_id.into()),
            is_admin: Some(admin),
        };
        let now = self.clock.now_naive_utc();
        let base = self.address.clone();
        self.state
            .tx(move |c| {
                accounts::create_user(
                    c,
                    &Actor::system("test"),
                    &input,
                    Some(PASSWORD),
                    &InviteContext {
                        base_url: &base,
                        days: 7,
                    },
                    now,
                )
            })
            .await
            .expect("user")
    }

    pub async fn token_for(&self, user_id: &str) -> String {
        let id = user_id.to_string();
        let now = self.clock.now_naive_utc();
        self.state
            .tx(move |c| accounts::issue_token(c, &Actor::system("test"), &id, "test", now))
            .await
            .expect("token")
            .0
    }

    /// An admin with an API token, in a fresh organisation.
    pub async fn admin(&self) -> (User, String) {
        let org = self.create_organisation("Test County Council").await;
        let user = self.create_user("admin@test.example", &org, true).await;
        let token = self.token_for(&user.id).await;
        (user, token)
    }

    pub async fn post_json(
        &self,
        path: &str,
        token: Option<&str>,
        body: &Value,
    ) -> reqwest::Response {
        let mut req = self.api.post(self.url(path)).json(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.expect("request")
    }

    pub async fn put_json(
        &self,
        path: &str,
        token: Option<&str>,
        body: &Value,
    ) -> reqwest::Response {
        let mut req = self.api.put(self.url(path)).json(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.expect("request")
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut req = self.api.get(self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.expect("request")
    }

    /// A browser: keeps cookies, does not follow redirects.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(IDLE)
            .build()
            .expect("client")
    }

    /// Signs a browser in through the login form.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Client {
        let b = self.browser();
        let resp = self
            .submit_form(
                &b,
                "/login",
                "/login",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(
            resp.status(),
            303,
            "login as {email} failed: {}",
            resp.text().await.unwrap_or_default()
        );
        b
    }

    /// The HTML of `path` as `email` (test password) sees it, signed in
    /// afresh.
    pub async fn page_as(&self, email: &str, path: &str) -> String {
        self.login(email, PASSWORD)
            .await
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .text()
            .await
            .unwrap_or_default()
    }

    /// The form token of `page`, loaded by `browser` (which keeps its cookie).
    pub async fn form_token(&self, browser: &reqwest::Client, page: &str) -> String {
        let html = browser
            .get(self.url(page))
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("html");
        csrf_token(&html)
    }

    /// Loads `page`, takes its CSRF token, and posts `fields` to `action`.
    pub async fn submit_form(
        &self,
        browser: &reqwest::Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let token = self.form_token(browser, page).await;
        let mut form: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        form.extend_from_slice(fields);
        browser
            .post(self.url(action))
            .header("Origin", &self.address)
            .form(&form)
            .send()
            .await
            .expect("post")
    }
}

/// The link in a message or page that starts with `start` (an address),
/// up to the first space, quote or tag.
pub fn link_in(text: &str, start: &str) -> String {
    let at = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start}… link in: {text}"));
    text[at..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .next()
        .unwrap_or("")
        .to_string()
}

/// The CSRF token in a page's first form.
pub fn csrf_token(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    html.find(marker)
        .map(|i| {
            let rest = &html[i + marker.len()..];
            rest[..rest.find('"').unwrap_or(0)].to_string()
        })
        .unwrap_or_default()
}

pub async fn json(resp: reqwest::Response) -> Value {
    resp.json().await.expect("JSON body")
}

/// The `field` of every entry in a problem's `errors`.
pub fn error_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["field"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

pub trait NaiveNow {
    fn now_naive_utc(&self) -> chrono::NaiveDateTime;
}

impl NaiveNow for MockClock {
    fn now_naive_utc(&self) -> chrono::NaiveDateTime {
        use quorate::clock::Clock;
        self.now_naive()
    }
}
