//! Delivery through the outbox to a real SMTP server, retries, and the
//! file mailer.

use chrono::Duration;
use serde_json::json;

use crate::helpers::{TestApp, json};

#[tokio::test]
async fn mail_survives_an_smtp_outage_and_is_sent_once() {
    let app = TestApp::spawn().await;
    let (admin, token) = app.admin().await;
    app.smtp.refuse_next(2);
    let resp = app
        .post_json("/api/v1/users", Some(&token), &json!({"email": "ann@test.example", "name": "Ann <b>Bold</b>", "organisation_id": admin.organisation_id}))
        .await;
    assert_eq!(resp.status(), 201);

    let first = app.run_pending_jobs().await;
    assert_eq!((first.sent, first.failed), (0, 1));
    assert!(app.emails().is_empty());

    // Not retried before its back-off (30 s) has passed.
    let early = app.run_pending_jobs().await;
    assert_eq!((early.sent, early.failed), (0, 0));

    app.clock.advance(Duration::seconds(31));
    let second = app.run_pending_jobs().await;
    assert_eq!((second.sent, second.failed), (0, 1));

    app.clock.advance(Duration::seconds(61));
    let third = app.run_pending_jobs().await;
    assert_eq!((third.sent, third.failed), (1, 0));

    app.clock.advance(Duration::hours(1));
    assert_eq!(app.run_pending_jobs().await.sent, 0);
    let mails = app.emails();
    assert_eq!(mails.len(), 1, "sent exactly once");
    let text = mails[0].text();
    assert!(
        text.contains("Dear Ann <b>Bold</b>,"),
        "the plain-text part is plain"
    );
    assert!(
        text.contains("Ann &#60;b&#62;Bold&#60;/b&#62;")
            || text.contains("Ann &lt;b&gt;Bold&lt;/b&gt;"),
        "the HTML part escapes the name: {text}"
    );
    assert!(
        !text.contains("<p>Dear Ann <b>"),
        "no live markup from a name"
    );

    let row = app
        .state
        .db(|c| Ok(quorate::db::outbox::recent(c, 1)?))
        .await
        .expect("outbox")
        .remove(0);
    assert_eq!(row.attempts, 3);
    assert!(row.sent_at.is_some() && row.failed_at.is_none());
}

#[tokio::test]
async fn mail_gives_up_after_the_configured_attempts() {
    let app = TestApp::spawn_with(|s| s.mail.retry_max_attempts = 2).await;
    let (admin, token) = app.admin().await;
    app.smtp.refuse_next(10);
    app.post_json("/api/v1/users", Some(&token), &json!({"email": "bob@test.example", "name": "Bob", "organisation_id": admin.organisation_id})).await;
    app.run_pending_jobs().await;
    app.clock.advance(Duration::minutes(5));
    app.run_pending_jobs().await;
    app.clock.advance(Duration::days(1));
    let report = app.run_pending_jobs().await;
    assert_eq!((report.sent, report.failed), (0, 0), "no more attempts");
    let row = app
        .state
        .db(|c| Ok(quorate::db::outbox::recent(c, 1)?))
        .await
        .expect("outbox")
        .remove(0);
    assert!(row.failed_at.is_some());
    assert!(row.last_error.is_some_and(|e| e.contains("451")));
}

#[tokio::test]
async fn without_smtp_mail_is_written_as_eml_files() {
    let app = TestApp::spawn().await;
    let (admin, token) = app.admin().await;
    // A second state on the same database, with the default file mailer.
    let mut settings = (*app.state.settings).clone();
    settings.smtp_url = None;
    let state =
        quorate::startup::build_state(settings, app.clock.clone(), None, false).expect("state");
    let resp = app.post_json("/api/v1/users", Some(&token), &json!({"email": "cara@test.example", "name": "Cara", "organisation_id": admin.organisation_id})).await;
    assert_eq!(json(resp).await["email"], "cara@test.example");
    let report = quorate::jobs::run_once(&state).await.expect("run");
    assert_eq!(report.sent, 1);
    let dir = app.dir.path().join("mail");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("mail dir")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(files.len(), 1);
    let eml = std::fs::read_to_string(files[0].path()).expect("eml");
    assert!(eml.contains("To: cara@test.example"));
    assert!(eml.contains("has invited you to Quorate"));
}
