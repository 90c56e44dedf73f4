//! A small real SMTP server (RFC 5321 subset: EHLO/HELO, MAIL, RCPT, DATA,
//! RSET, NOOP, QUIT) on a loopback port, for delivery tests. It can be told
//! to refuse mail, to test retries.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Clone, Debug)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent (headers and body, dot-unstuffed).
    pub data: String,
}

impl ReceivedMail {
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_ascii_lowercase());
        self.data
            .split("\r\n\r\n")
            .next()
            .unwrap_or("")
            .split("\r\n")
            .find(|l| l.to_ascii_lowercase().starts_with(&prefix))
            .map(|l| l[prefix.len()..].trim().to_string())
    }

    /// The body parts, with quoted-printable soft line breaks undone.
    pub fn text(&self) -> String {
        self.data.replace("=\r\n", "").replace("=3D", "=")
    }
}

#[derive(Clone)]
pub struct SmtpServer {
    port: u16,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    refuse: Arc<AtomicUsize>,
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("smtp port");
        let port = listener.local_addr().expect("addr").port();
        let server = SmtpServer {
            port,
            received: Arc::default(),
            refuse: Arc::default(),
        };
        let s = server.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let s = s.clone();
                tokio::spawn(async move {
                    let _ = s.session(socket).await;
                });
            }
        });
        server
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn received(&self) -> Vec<ReceivedMail> {
        self.received.lock().map(|v| v.clone()).unwrap_or_default()
    }

    /// Refuse the next `n` messages with a temporary failure (451).
    pub fn refuse_next(&self, n: usize) {
        self.refuse.store(n, Ordering::SeqCst);
    }

    async fn session(&self, socket: tokio::net::TcpStream) -> std::io::Result<()> {
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read);
        write.write_all(b"220 localhost test SMTP\r\n").await?;
        let (mut from, mut to) = (String::new(), Vec::new());
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let cmd = line.trim_end().to_string();
            let upper = cmd.to_ascii_uppercase();
            if upper.starts_with("EHLO") {
                write
                    .write_all(b"250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                    .await?;
            } else if upper.starts_with("HELO") {
                write.write_all(b"250 localhost\r\n").await?;
            } else if upper.starts_with("MAIL FROM:") {
                let refusing = self.refuse.load(Ordering::SeqCst);
                if refusing > 0 {
                    self.refuse.store(refusing - 1, Ordering::SeqCst);
                    write.write_all(b"451 4.3.0 try again later\r\n").await?;
                } else {
                    from = address(&cmd[10..]);
                    to.clear();
                    write.write_all(b"250 OK\r\n").await?;
                }
            } else if upper.starts_with("RCPT TO:") {
                to.push(address(&cmd[8..]));
                write.write_all(b"250 OK\r\n").await?;
            } else if upper == "DATA" {
                write.write_all(b"354 end with .\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    let l = line.strip_prefix('.').unwrap_or(&line);
                    data.push_str(l);
                }
                if let Ok(mut v) = self.received.lock() {
                    v.push(ReceivedMail {
                        from: from.clone(),
                        to: to.clone(),
                        data,
                    });
                }
                write.write_all(b"250 OK queued\r\n").await?;
            } else if upper == "RSET" || upper == "NOOP" {
                write.write_all(b"250 OK\r\n").await?;
            } else if upper == "QUIT" {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            } else {
                write.write_all(b"502 not implemented\r\n").await?;
            }
        }
    }
}

fn address(s: &str) -> String {
    let s = s.trim();
    let end = s.find('>').map(|i| i + 1).unwrap_or(s.len());
    s[..end].trim_matches(|c| c == '<' || c == '>').to_string()
}
