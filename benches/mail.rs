//! Mail delivery throughput: N queued messages sent by one worker pass to a
//! local SMTP sink, over 1, 4, 16 and 64 connections, on SQLite. Prints
//! messages a second for each.
//!
//! Run: cargo bench --bench mail        (`--profile dev` for a quick run;
//!      QUORATE_BENCH_MESSAGES=10000 for the figure)

use std::sync::Arc;
use std::time::Instant;

use chrono::{TimeZone, Utc};
use quorate::clock::MockClock;
use quorate::config::Settings;
use quorate::mail::messages::Notice;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A sink that accepts every message (a real SMTP dialogue, nothing kept).
async fn sink() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("port");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let _ = socket.set_nodelay(true);
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read);
                let _ = write.write_all(b"220 sink\r\n").await;
                let mut line = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let cmd = line.trim_end().to_ascii_uppercase();
                    let reply: &[u8] = if cmd.starts_with("EHLO") {
                        b"250-sink\r\n250 8BITMIME\r\n"
                    } else if cmd == "DATA" {
                        let _ = write.write_all(b"354 go\r\n").await;
                        loop {
                            line.clear();
                            if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                                return;
                            }
                            if line == ".\r\n" {
                                break;
                            }
                        }
                        b"250 queued\r\n"
                    } else if cmd == "QUIT" {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        b"250 OK\r\n"
                    };
                    if write.write_all(reply).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    port
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n: usize = std::env::var("QUORATE_BENCH_MESSAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let port = sink().await;
    for connections in [1u32, 4, 16, 64] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut settings = Settings::defaults().expect("settings");
        settings.database_url = Some(quorate::config::Secret::new(format!(
            "sqlite://{}",
            dir.path().join("bench.db").display()
        )));
        settings.data_dir = dir.path().to_path_buf();
        settings.mail.connections = connections;
        let url = format!("smtp://127.0.0.1:{port}");
        settings.smtp_url = Some(quorate::config::Secret::new(url.as_str()));
        let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
        let clock = Arc::new(MockClock::new(now));
        let state = quorate::startup::build_state(settings, clock, None, true).expect("state");
        state
            .tx(move |c| {
                for i in 0..n {
                    Notice {
                        template: "bench",
                        to: format!("person{i}@example.org"),
                        name: format!("Person {i}"),
                        subject: "Your action is due".into(),
                        lines: vec!["A line of text about the action.".into(); 4],
                        link_text: "Open the action".into(),
                        link: "https://quorate.example/actions/1".into(),
                    }
                    .render()?
                    .enqueue(c, Some(format!("bench:{i}")), now.naive_utc())?;
                }
                Ok(())
            })
            .await
            .expect("queue");
        let start = Instant::now();
        let report = quorate::jobs::run_once(&state).await.expect("run");
        let took = start.elapsed();
        assert_eq!(report.sent, n, "{report:?}");
        println!(
            "{n} messages over {connections:>2} connection(s): {:.2} s, {:.0} messages/s",
            took.as_secs_f64(),
            n as f64 / took.as_secs_f64()
        );
    }
}
