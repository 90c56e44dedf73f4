//! Where mail goes: an SMTP server, `.eml` files in the data folder (the
//! embedded default), or memory (unit tests only).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::db::outbox::Claimed;
use crate::mail::smtp_pool::SmtpPool;

#[derive(Clone)]
pub enum Mailer {
    /// `smtp://`: Quorate's pool of `TCP_NODELAY` connections.
    Smtp(Arc<SmtpPool>),
    /// `smtps://` (TLS from the first byte): lettre's own pooled transport.
    Smtps(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
    Memory(Arc<Mutex<Vec<Message>>>),
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SendError(pub String, pub Failure);

/// Whether trying again could help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The server or the network may recover: try again later.
    Transient,
    /// The server refused for good (an SMTP 5xx, a malformed address).
    Permanent,
}

impl SendError {
    fn transient(message: String) -> SendError {
        SendError(message, Failure::Transient)
    }

    fn permanent(message: String) -> SendError {
        SendError(message, Failure::Permanent)
    }
}

impl Mailer {
    /// SMTP when a URL is configured, otherwise files under `<data>/mail`.
    pub fn from_settings(
        smtp_url: Option<&str>,
        data_dir: &std::path::Path,
        connections: u32,
    ) -> Result<Mailer, SendError> {
        const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
        match smtp_url {
            Some(url) => {
                // lettre checks every URL (and serves smtps://).
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| SendError::permanent(format!("smtp_url: {e}")))?
                    .timeout(Some(TIMEOUT))
                    .pool_config(lettre::transport::smtp::PoolConfig::new().max_size(connections))
                    .build();
                match SmtpPool::from_url(url, connections, TIMEOUT)
                    .map_err(|e| SendError::permanent(format!("smtp_url: {e}")))?
                {
                    Some(pool) => Ok(Mailer::Smtp(Arc::new(pool))),
                    None => Ok(Mailer::Smtps(transport)),
                }
            }
            None => Ok(Mailer::Files(data_dir.join("mail"))),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Mailer::Smtp(_) => "SMTP".to_string(),
            Mailer::Smtps(_) => "SMTP over TLS".to_string(),
            Mailer::Files(dir) => format!(".eml files in {}", dir.display()),
            Mailer::Memory(_) => "memory".to_string(),
        }
    }

    /// Sends one message. `unsubscribe` is the one-click link routine mail
    /// carries in `List-Unsubscribe` (RFC 2369, RFC 8058).
    pub async fn send(
        &self,
        from: &Mailbox,
        mail: &Claimed,
        unsubscribe: Option<&str>,
    ) -> Result<(), SendError> {
        let to: Mailbox = mail
            .recipient
            .parse()
            .map_err(|e| SendError::permanent(format!("bad recipient: {e}")))?;
        let mut builder = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(&mail.subject)
            .message_id(Some(message_id(from, mail)));
        if let Some(url) = unsubscribe {
            builder = builder
                .header(ListUnsubscribe(format!("<{url}>")))
                .header(ListUnsubscribePost);
        }
        let message = builder
            .multipart(with_attachment(
                MultiPart::alternative_plain_html(mail.body_text.clone(), mail.body_html.clone()),
                mail,
            ))
            .map_err(|e| SendError::permanent(format!("building message: {e}")))?;
        match self {
            Mailer::Smtp(pool) => pool.send(message.envelope(), &message.formatted()).await,
            Mailer::Smtps(t) => t.send(message).await.map(|_| ()).map_err(|e| {
                if e.is_permanent() {
                    SendError::permanent(e.to_string())
                } else {
                    SendError::transient(e.to_string())
                }
            }),
            Mailer::Files(dir) => {
                tokio::fs::create_dir_all(dir).await.map_err(|e| {
                    SendError::transient(format!("creating {}: {e}", dir.display()))
                })?;
                AsyncFileTransport::<Tokio1Executor>::new(dir)
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| SendError::transient(e.to_string()))
            }
            Mailer::Memory(store) => {
                store
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(message);
                Ok(())
            }
        }
    }
}

/// `List-Unsubscribe: <https://…/unsubscribe/…>`.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click`: a mail client may
/// unsubscribe with one POST, without opening a page (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_string())
    }
}

/// A `Message-ID` derived from the event the message is about (its dedupe
/// key), so a retry, or the same event queued again, is recognisably the
/// same message; from the outbox row where there is no key. The right-hand
/// side is the sender's domain.
fn message_id(from: &Mailbox, mail: &Claimed) -> String {
    use sha2::{Digest, Sha256};
    let left = match &mail.dedupe_key {
        Some(key) => hex::encode(&Sha256::digest(key.as_bytes())[..16]),
        None => mail.id.clone(),
    };
    format!("<{left}@{}>", from.email.domain())
}

/// The message body, with its attachment (an `.ics` invitation) if it has one.
fn with_attachment(body: MultiPart, mail: &Claimed) -> MultiPart {
    match (&mail.attachment_name, &mail.attachment_content) {
        (Some(name), Some(content)) => {
            let kind = if name.ends_with(".ics") {
                "text/calendar; charset=utf-8; method=PUBLISH"
            } else {
                "text/plain; charset=utf-8"
            };
            let kind = ContentType::parse(kind).unwrap_or(ContentType::TEXT_PLAIN);
            MultiPart::mixed()
                .multipart(body)
                .singlepart(Attachment::new(name.clone()).body(content.clone(), kind))
        }
        _ => body,
    }
}
