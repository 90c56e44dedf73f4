//! A pool of SMTP connections whose sockets set `TCP_NODELAY`.
//!
//! lettre 0.11 opens its own sockets without `TCP_NODELAY`, so each message
//! waits on the peer's delayed acknowledgement (about 40 ms on Linux): some
//! 23 messages a second per connection. Here the socket is opened, set and
//! handed to lettre's own SMTP client (`connect_with_transport`), which
//! still speaks the protocol, STARTTLS and AUTH. Used for `smtp://` URLs
//! (plain, `?tls=required`, `?tls=opportunistic`); `smtps://` (TLS from the
//! first byte) goes through lettre's transport.

use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use tokio::sync::{Mutex, Semaphore};

use super::transport::{Failure, SendError};

/// What lettre reports, as the outbox sees it: a 5xx is final.
fn smtp(e: lettre::transport::smtp::Error) -> SendError {
    let failure = if e.is_permanent() {
        Failure::Permanent
    } else {
        Failure::Transient
    };
    SendError(e.to_string(), failure)
}

/// How the connection is encrypted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StartTls {
    /// Not at all (`smtp://host`): a relay on a trusted network.
    No,
    /// STARTTLS or no mail (`?tls=required`).
    Required,
    /// STARTTLS when the server offers it (`?tls=opportunistic`).
    Opportunistic,
}

/// An idle connection is closed after this long: servers drop them anyway.
const IDLE: Duration = Duration::from_secs(60);

pub struct SmtpPool {
    host: String,
    port: u16,
    starttls: StartTls,
    credentials: Option<Credentials>,
    hello: ClientId,
    timeout: Duration,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
    permits: Semaphore,
}

impl std::fmt::Debug for SmtpPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpPool")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("starttls", &self.starttls)
            .finish_non_exhaustive()
    }
}

impl SmtpPool {
    /// A pool for an `smtp://` URL, read as lettre reads it (port 25, or
    /// 587 with `tls`; `user:password@`; a path naming the EHLO name).
    /// `None` for any other scheme.
    pub fn from_url(
        url: &str,
        connections: u32,
        timeout: Duration,
    ) -> Result<Option<SmtpPool>, String> {
        let parsed = url::Url::parse(url).map_err(|e| e.to_string())?;
        if parsed.scheme() != "smtp" {
            return Ok(None);
        }
        let host = parsed
            .host_str()
            .ok_or("smtp host undefined")?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let tls = parsed
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.to_string());
        let (starttls, default_port) = match tls.as_deref() {
            None => (StartTls::No, 25),
            Some("required") => (StartTls::Required, 587),
            Some("opportunistic") => (StartTls::Opportunistic, 587),
            Some(other) => return Err(format!("unknown tls parameter '{other}'")),
        };
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .map(|c| c.into_owned())
                .map_err(|e| e.to_string())
        };
        let credentials = match parsed.password() {
            Some(password) => Some(Credentials::new(
                decode(parsed.username())?,
                decode(password)?,
            )),
            None => None,
        };
        let path = parsed.path().trim_matches('/');
        Ok(Some(SmtpPool {
            port: parsed.port().unwrap_or(default_port),
            host,
            starttls,
            credentials,
            hello: if path.is_empty() {
                ClientId::default()
            } else {
                ClientId::Domain(path.to_string())
            },
            timeout,
            idle: Mutex::new(Vec::new()),
            permits: Semaphore::new(usize::try_from(connections.max(1)).unwrap_or(1)),
        }))
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, SendError> {
        let stream = tokio::net::TcpStream::connect((self.host.as_str(), self.port))
            .await
            .map_err(|e| transient(format!("connecting to {}:{}: {e}", self.host, self.port)))?;
        stream
            .set_nodelay(true)
            .map_err(|e| transient(e.to_string()))?;
        let mut conn = AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello)
            .await
            .map_err(smtp)?;
        let encrypt = match self.starttls {
            StartTls::No => false,
            StartTls::Required => true,
            StartTls::Opportunistic => conn.can_starttls(),
        };
        if encrypt {
            let tls = TlsParameters::new(self.host.clone()).map_err(smtp)?;
            conn.starttls(tls, &self.hello).await.map_err(smtp)?;
        }
        if let Some(credentials) = &self.credentials {
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .await
                .map_err(smtp)?;
        }
        Ok(conn)
    }

    /// Sends one message, on an idle connection if there is one (a fresh
    /// one if that has gone stale), at most `connections` at once. A
    /// connection is kept for the next message after a success; after an
    /// error lettre has closed it.
    pub async fn send(&self, envelope: &Envelope, email: &[u8]) -> Result<(), SendError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| transient(e.to_string()))?;
        let reused = {
            let mut idle = self.idle.lock().await;
            let now = Instant::now();
            idle.retain(|(c, at)| !c.has_broken() && now.duration_since(*at) < IDLE);
            idle.pop()
        };
        if let Some((mut conn, _)) = reused {
            match self
                .timed(async { conn.send(envelope, email).await.map_err(smtp) })
                .await
            {
                Ok(_) => {
                    self.keep(conn).await;
                    return Ok(());
                }
                // Refused for good: the message, not the connection.
                Err(e) if e.1 == Failure::Permanent => return Err(e),
                // The server may have closed it while idle: a fresh one.
                Err(_) => {}
            }
        }
        let mut conn = self.timed(self.connect()).await?;
        self.timed(async { conn.send(envelope, email).await.map_err(smtp) })
            .await?;
        self.keep(conn).await;
        Ok(())
    }

    async fn keep(&self, conn: AsyncSmtpConnection) {
        if !conn.has_broken() {
            self.idle.lock().await.push((conn, Instant::now()));
        }
    }

    /// A step that takes longer than the configured timeout fails (the
    /// socket here has no timeout of its own).
    async fn timed<T>(
        &self,
        step: impl std::future::Future<Output = Result<T, SendError>>,
    ) -> Result<T, SendError> {
        match tokio::time::timeout(self.timeout, step).await {
            Ok(result) => result,
            Err(_) => Err(transient(format!(
                "no answer from the SMTP server within {} s",
                self.timeout.as_secs()
            ))),
        }
    }
}

fn transient(message: String) -> SendError {
    SendError(message, Failure::Transient)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(url: &str) -> SmtpPool {
        SmtpPool::from_url(url, 4, Duration::from_secs(5))
            .expect("a good URL")
            .expect("an smtp URL")
    }

    #[test]
    fn urls_read_as_lettre_reads_them() {
        let p = pool("smtp://relay.council.example");
        assert_eq!((p.port, p.starttls), (25, StartTls::No));
        assert!(p.credentials.is_none());
        let p = pool("smtp://quorate:p%40ss@mail.example?tls=required");
        assert_eq!((p.port, p.starttls), (587, StartTls::Required));
        assert!(p.credentials.is_some());
        let p = pool("smtp://mail.example:2525/quorate.council.example?tls=opportunistic");
        assert_eq!((p.port, p.starttls), (2525, StartTls::Opportunistic));
        assert_eq!(
            p.hello,
            ClientId::Domain("quorate.council.example".to_string())
        );
        assert!(
            SmtpPool::from_url("smtps://mail.example", 4, Duration::from_secs(5))
                .expect("fine")
                .is_none()
        );
        assert!(
            SmtpPool::from_url(
                "smtp://mail.example?tls=sometimes",
                4,
                Duration::from_secs(5)
            )
            .is_err()
        );
    }
}
