//! Settings: the built-in `config/default.toml`, then the file named by
//! `QUORATE_CONFIG`, then `QUORATE_*` environment variables.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use serde::Deserialize;

/// The defaults, compiled in so the binary needs no file beside it.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// Top-level keys; any other `QUORATE_SECTION_KEY` variable names a section key.
const TOP_LEVEL_KEYS: &[&str] = &[
    "database_url",
    "bind",
    "base_url",
    "data_dir",
    "smtp_url",
    "mail_from",
    "secret_key",
    "log",
    "log_format",
];
const SECTIONS: &[&str] = &[
    "database",
    "mail",
    "worker",
    "uploads",
    "security",
    "accessibility",
    "open_data",
];

/// Section keys whose environment variables are taken as written: figment
/// would read `01632960001` as a number, losing its leading zero and then
/// refusing it as text.
const RAW_TEXT_KEYS: &[&str] = &[
    "accessibility_organisation",
    "accessibility_contact_email",
    "accessibility_contact_phone",
    "open_data_licence",
    "open_data_licence_url",
];

/// A value that must never appear in logs or error messages.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub database_url: Option<Secret>,
    pub bind: String,
    pub base_url: String,
    pub data_dir: PathBuf,
    pub smtp_url: Option<Secret>,
    pub mail_from: String,
    pub secret_key: Option<Secret>,
    pub log: String,
    pub log_format: LogFormat,
    pub database: DatabaseSettings,
    pub mail: MailSettings,
    pub worker: WorkerSettings,
    pub uploads: UploadSettings,
    pub security: SecuritySettings,
    pub accessibility: AccessibilitySettings,
    pub open_data: OpenDataSettings,
}

/// The licence public data is published under.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenDataSettings {
    pub licence: String,
    pub licence_url: String,
}

/// What the accessibility statement (`/accessibility`) says of who runs
/// this Quorate and how to reach them.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessibilitySettings {
    pub organisation: String,
    /// Empty: the address in `mail_from`.
    pub contact_email: String,
    pub contact_phone: String,
    pub response_days: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    pub pool_size: u32,
    pub sqlite_busy_timeout_ms: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSettings {
    pub retry_initial_seconds: u64,
    pub retry_max_attempts: u32,
    /// SMTP connections the worker sends over at once.
    pub connections: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerSettings {
    pub tick_seconds: u64,
    pub reminder_grace_hours: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UploadSettings {
    pub max_bytes: u64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecuritySettings {
    pub session_hours: u32,
    pub session_idle_minutes: u32,
    pub invitation_days: u32,
    pub login_attempts_per_client_per_minute: u32,
    pub login_attempts_per_account_per_minute: u32,
    pub password_reset_minutes: u32,
    pub password_resets_per_account_per_hour: u32,
}

#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(pub String);

/// Maps `QUORATE_MAIL_RETRY_INITIAL_SECONDS` (already lower-cased, prefix
/// removed) to `mail.retry_initial_seconds`; top-level names stay as they are.
fn env_key_to_path(key: &str) -> String {
    if TOP_LEVEL_KEYS.contains(&key) {
        return key.to_string();
    }
    for section in SECTIONS {
        if let Some(rest) = key.strip_prefix(section).and_then(|r| r.strip_prefix('_')) {
            return format!("{section}.{rest}");
        }
    }
    key.to_string()
}

impl Settings {
    /// Loads from the defaults, `QUORATE_CONFIG` and the process environment.
    pub fn load() -> Result<Settings, ConfigError> {
        let file = std::env::var_os("QUORATE_CONFIG").map(PathBuf::from);
        Self::load_from(file.as_deref(), true)
    }

    /// The defaults alone, for tests and tools.
    pub fn defaults() -> Result<Settings, ConfigError> {
        Self::load_from(None, false)
    }

    fn load_from(file: Option<&Path>, with_env: bool) -> Result<Settings, ConfigError> {
        let mut figment = Figment::from(Toml::string(DEFAULT_TOML));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(ConfigError(format!(
                    "QUORATE_CONFIG names {}, which is not a readable file",
                    path.display()
                )));
            }
            figment = figment.merge(Toml::file(path));
        }
        if with_env {
            // figment hands these closures the name as the environment has
            // it (`DATABASE_POOL_SIZE`): compare and map it lower-cased.
            let env = Env::prefixed("QUORATE_")
                .filter(|key| {
                    let key = key.as_str().to_ascii_lowercase();
                    key != "config"
                        && !key.starts_with("test_")
                        && !key.starts_with("ci_")
                        && !RAW_TEXT_KEYS.contains(&key.as_str())
                })
                .map(|key| env_key_to_path(&key.as_str().to_ascii_lowercase()).into());
            figment = figment.merge(env);
        }
        let mut settings: Settings = figment.extract().map_err(|e| {
            let messages: Vec<String> = e.into_iter().map(describe_figment_error).collect();
            ConfigError(messages.join("; "))
        })?;
        if with_env {
            settings.take_raw_text_from_env();
        }
        settings.validate()?;
        Ok(settings)
    }

    /// The text settings in `RAW_TEXT_KEYS`, from their variables as written.
    fn take_raw_text_from_env(&mut self) {
        let raw = |key: &str| std::env::var(format!("QUORATE_{}", key.to_ascii_uppercase())).ok();
        if let Some(v) = raw("accessibility_organisation") {
            self.accessibility.organisation = v;
        }
        if let Some(v) = raw("accessibility_contact_email") {
            self.accessibility.contact_email = v;
        }
        if let Some(v) = raw("accessibility_contact_phone") {
            self.accessibility.contact_phone = v;
        }
        if let Some(v) = raw("open_data_licence") {
            self.open_data.licence = v;
        }
        if let Some(v) = raw("open_data_licence_url") {
            self.open_data.licence_url = v;
        }
    }

    /// Checks every value and reports all problems together, naming each key.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let mut problems = Vec::new();
        if self.bind.parse::<SocketAddr>().is_err() {
            problems.push(format!(
                "bind: '{}' is not an address and port such as 127.0.0.1:8080",
                self.bind
            ));
        }
        match url::Url::parse(&self.base_url) {
            Ok(u) if u.scheme() == "http" || u.scheme() == "https" => {}
            _ => problems.push(format!(
                "base_url: '{}' is not an http:// or https:// address",
                self.base_url
            )),
        }
        if let Err(e) = crate::db::DatabaseUrl::parse(&self.database_url()) {
            problems.push(format!("database_url: {e}"));
        }
        if self.accessibility.organisation.trim().is_empty() {
            problems.push("accessibility.organisation: name who runs this Quorate".to_string());
        }
        let contact = self.accessibility.contact_email.trim();
        if !contact.is_empty() && contact.parse::<lettre::Address>().is_err() {
            problems.push(format!(
                "accessibility.contact_email: '{contact}' is not an email address"
            ));
        }
        if self.open_data.licence.trim().is_empty() {
            problems.push(
                "open_data.licence: name the licence public data is published under".to_string(),
            );
        }
        if !self.open_data.licence_url.is_empty()
            && !matches!(url::Url::parse(&self.open_data.licence_url), Ok(u) if u.scheme() == "https" || u.scheme() == "http")
        {
            problems.push(format!(
                "open_data.licence_url: '{}' is not an http:// or https:// address",
                self.open_data.licence_url
            ));
        }
        if self.accessibility.response_days == 0 {
            problems.push("accessibility.response_days: must be at least 1".to_string());
        }
        if let Some(smtp) = &self.smtp_url {
            match url::Url::parse(smtp.expose()) {
                Ok(u) if u.scheme() == "smtp" || u.scheme() == "smtps" => {}
                _ => problems.push("smtp_url: must be an smtp:// or smtps:// address".to_string()),
            }
        }
        if self.mail_from.parse::<lettre::message::Mailbox>().is_err() {
            problems.push(format!(
                "mail_from: '{}' is not a mailbox such as 'Quorate <quorate@example.org>'",
                self.mail_from
            ));
        }
        if let Some(key) = &self.secret_key
            && key.expose().len() < 32
        {
            problems.push("secret_key: must be at least 32 characters".to_string());
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log).is_err() {
            problems.push(format!("log: '{}' is not a valid log filter", self.log));
        }
        if self.database.pool_size == 0 {
            problems.push("database.pool_size: must be at least 1".to_string());
        }
        if self.worker.tick_seconds == 0 {
            problems.push("worker.tick_seconds: must be at least 1".to_string());
        }
        if self.mail.connections == 0 || self.mail.connections > 64 {
            problems.push("mail.connections: must be from 1 to 64".to_string());
        }
        if self.mail.retry_max_attempts == 0 {
            problems.push("mail.retry_max_attempts: must be at least 1".to_string());
        }
        if self.uploads.max_bytes == 0 {
            problems.push("uploads.max_bytes: must be at least 1".to_string());
        }
        if self.security.session_hours == 0 || self.security.invitation_days == 0 {
            problems.push(
                "security.session_hours and security.invitation_days: must be at least 1"
                    .to_string(),
            );
        }
        if self.security.session_idle_minutes < 5 {
            problems.push("security.session_idle_minutes: must be at least 5".to_string());
        }
        if self.security.password_reset_minutes == 0
            || self.security.password_resets_per_account_per_hour == 0
        {
            problems.push(
                "security.password_reset_minutes and security.password_resets_per_account_per_hour: must be at least 1"
                    .to_string(),
            );
        }
        if self.security.login_attempts_per_client_per_minute == 0
            || self.security.login_attempts_per_account_per_minute == 0
        {
            problems.push("security.login_attempts_*: must be at least 1".to_string());
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ConfigError(problems.join("; ")))
        }
    }

    /// The database URL, defaulting to the SQLite file in the data folder.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.expose().to_string(),
            None => format!("sqlite://{}", self.data_dir.join("quorate.db").display()),
        }
    }

    /// Every setting in effect as `key = value` lines, in the documented
    /// order; a secret shows only whether it is set.
    pub fn describe(&self) -> String {
        let secret = |s: &Option<Secret>| match s {
            Some(_) => "(set, hidden)".to_string(),
            None => "(unset)".to_string(),
        };
        let log_format = match self.log_format {
            LogFormat::Text => "text",
            LogFormat::Json => "json",
        };
        // The scheme, host and database of a URL are not secret; a password is.
        let without_password = |url: &Secret| match url::Url::parse(url.expose()) {
            Ok(mut u) => {
                if u.password().is_some() {
                    let _ = u.set_password(Some("***"));
                }
                u.to_string()
            }
            Err(_) => "(set, hidden)".to_string(),
        };
        let database_url = match &self.database_url {
            Some(url) => without_password(url),
            None => self.database_url(),
        };
        let smtp_url = match &self.smtp_url {
            Some(url) => without_password(url),
            None => "(unset)".to_string(),
        };
        let rows: Vec<(&str, String)> = vec![
            ("database_url", database_url),
            ("bind", self.bind.clone()),
            ("base_url", self.base_url.clone()),
            ("data_dir", self.data_dir.display().to_string()),
            ("smtp_url", smtp_url),
            ("mail_from", self.mail_from.clone()),
            ("secret_key", secret(&self.secret_key)),
            ("log", self.log.clone()),
            ("log_format", log_format.to_string()),
            ("database.pool_size", self.database.pool_size.to_string()),
            (
                "database.sqlite_busy_timeout_ms",
                self.database.sqlite_busy_timeout_ms.to_string(),
            ),
            (
                "mail.retry_initial_seconds",
                self.mail.retry_initial_seconds.to_string(),
            ),
            (
                "mail.retry_max_attempts",
                self.mail.retry_max_attempts.to_string(),
            ),
            ("mail.connections", self.mail.connections.to_string()),
            ("worker.tick_seconds", self.worker.tick_seconds.to_string()),
            (
                "worker.reminder_grace_hours",
                self.worker.reminder_grace_hours.to_string(),
            ),
            ("uploads.max_bytes", self.uploads.max_bytes.to_string()),
            (
                "security.session_hours",
                self.security.session_hours.to_string(),
            ),
            (
                "security.session_idle_minutes",
                self.security.session_idle_minutes.to_string(),
            ),
            (
                "security.invitation_days",
                self.security.invitation_days.to_string(),
            ),
            (
                "security.login_attempts_per_client_per_minute",
                self.security
                    .login_attempts_per_client_per_minute
                    .to_string(),
            ),
            (
                "security.login_attempts_per_account_per_minute",
                self.security
                    .login_attempts_per_account_per_minute
                    .to_string(),
            ),
            (
                "security.password_reset_minutes",
                self.security.password_reset_minutes.to_string(),
            ),
            (
                "security.password_resets_per_account_per_hour",
                self.security
                    .password_resets_per_account_per_hour
                    .to_string(),
            ),
            (
                "accessibility.organisation",
                self.accessibility.organisation.clone(),
            ),
            (
                "accessibility.contact_email",
                self.accessibility.contact_email.clone(),
            ),
            (
                "accessibility.contact_phone",
                self.accessibility.contact_phone.clone(),
            ),
            (
                "accessibility.response_days",
                self.accessibility.response_days.to_string(),
            ),
            ("open_data.licence", self.open_data.licence.clone()),
            ("open_data.licence_url", self.open_data.licence_url.clone()),
        ];
        rows.into_iter()
            .map(|(k, v)| format!("{k} = {v}\n"))
            .collect()
    }

    /// Listens on `bind` instead; a base URL left at the default (this
    /// machine's) follows it, so links and the form Origin check match the
    /// address people open. A configured base URL is kept.
    pub fn rebind(&mut self, bind: String) {
        if let Ok(defaults) = Settings::defaults()
            && self.base_url == defaults.base_url
            && bind.parse::<SocketAddr>().is_ok()
        {
            self.base_url = format!("http://{bind}");
        }
        self.bind = bind;
    }

    /// The base URL without a trailing slash, for building links.
    pub fn base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}

fn describe_figment_error(e: figment::Error) -> String {
    let key = e.path.join(".");
    let what = match &e.kind {
        figment::error::Kind::UnknownField(field, _) => {
            let full = if key.is_empty() {
                field.clone()
            } else {
                format!("{key}.{field}")
            };
            return format!("unknown key '{full}'");
        }
        figment::error::Kind::MissingField(field) => {
            let full = if key.is_empty() {
                field.to_string()
            } else {
                format!("{key}.{field}")
            };
            return format!("missing key '{full}'");
        }
        other => other.to_string(),
    };
    if key.is_empty() {
        what
    } else {
        format!("{key}: {what}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_names_map_to_keys() {
        assert_eq!(env_key_to_path("database_url"), "database_url");
        assert_eq!(env_key_to_path("mail_from"), "mail_from");
        assert_eq!(
            env_key_to_path("mail_retry_initial_seconds"),
            "mail.retry_initial_seconds"
        );
        assert_eq!(
            env_key_to_path("worker_tick_seconds"),
            "worker.tick_seconds"
        );
        assert_eq!(env_key_to_path("nonsense"), "nonsense");
    }

    #[test]
    fn defaults_load_and_match_the_contract() {
        let s = Settings::defaults().expect("defaults are valid");
        assert_eq!(s.bind, "127.0.0.1:8080");
        assert_eq!(s.database_url(), "sqlite://data/quorate.db");
        assert_eq!(s.mail.retry_initial_seconds, 30);
        assert_eq!(s.mail.retry_max_attempts, 12);
        assert_eq!(s.worker.tick_seconds, 60);
        assert_eq!(s.uploads.max_bytes, 20_971_520);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("q.toml");
        std::fs::write(
            &path,
            "colour = \"blue\"\n[mail]\nretry_initial_seconds = 30\n",
        )
        .expect("write");
        let err = Settings::load_from(Some(&path), false).expect_err("unknown key");
        assert!(err.0.contains("colour"), "{}", err.0);

        std::fs::write(&path, "[worker]\ntick_seconds = \"soon\"\n").expect("write");
        let err = Settings::load_from(Some(&path), false).expect_err("bad value");
        assert!(err.0.contains("worker.tick_seconds"), "{}", err.0);

        std::fs::write(&path, "bind = \"everywhere\"\nbase_url = \"ftp://x\"\n").expect("write");
        let err = Settings::load_from(Some(&path), false).expect_err("bad values");
        assert!(
            err.0.contains("bind") && err.0.contains("base_url"),
            "{}",
            err.0
        );
    }

    #[test]
    fn secrets_do_not_print() {
        let s = Secret::new("hunter2-hunter2");
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
