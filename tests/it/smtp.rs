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
    /// The message as a MIME parser reads it.
    pub fn parsed(&self) -> Option<mail_parser::Message<'_>> {
        mail_parser::MessageParser::default().parse(self.data.as_bytes())
    }

    /// A header's value as a reader sees it: unfolded and decoded (the
    /// subject), or its raw text on one line.
    pub fn header(&self, name: &str) -> Option<String> {
        let m = self.parsed()?;
        if name.eq_ignore_ascii_case("subject") {
            return m.subject().map(str::to_string);
        }
        m.header_raw(name)
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// What a reader reads: the subject, then every text and HTML part and
    /// text attachment, decoded.
    pub fn text(&self) -> String {
        let Some(m) = self.parsed() else {
            return String::new();
        };
        let mut out = format!("Subject: {}\n", m.subject().unwrap_or_default());
        for i in 0..m.text_body_count() {
            out.push_str(&m.body_text(i).unwrap_or_default());
            out.push('\n');
        }
        for i in 0..m.html_body_count() {
            out.push_str(&m.body_html(i).unwrap_or_default());
            out.push('\n');
        }
        for a in m.attachments() {
            if let Some(t) = a.text_contents() {
                out.push_str(t);
                out.push('\n');
            }
        }
        out
    }
}

#[derive(Clone)]
pub struct SmtpServer {
    port: u16,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    refuse: Arc<AtomicUsize>,
    /// Addresses refused for good (550) at RCPT.
    unknown: Arc<Mutex<Vec<String>>>,
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("smtp port");
        let port = listener.local_addr().expect("addr").port();
        let server = SmtpServer {
            port,
            received: Arc::default(),
            refuse: Arc::default(),
            unknown: Arc::default(),
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

    /// Refuse mail to `address` for good, as a server with no such mailbox
    /// does (550 at RCPT).
    pub fn refuse_recipient(&self, address: &str) {
        if let Ok(mut v) = self.unknown.lock() {
            v.push(address.to_string());
        }
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
                let rcpt = address(&cmd[8..]);
                let unknown = self
                    .unknown
                    .lock()
                    .map(|v| v.iter().any(|u| rcpt.contains(u.as_str())))
                    .unwrap_or(false);
                if unknown {
                    write
                        .write_all(b"550 5.1.1 no such mailbox here\r\n")
                        .await?;
                } else {
                    to.push(rcpt);
                    write.write_all(b"250 OK\r\n").await?;
                }
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
