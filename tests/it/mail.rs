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

    // Not retried before its back-off (30 s, give or take a fifth at
    // random) has passed.
    let early = app.run_pending_jobs().await;
    assert_eq!((early.sent, early.failed), (0, 0));

    app.clock.advance(Duration::seconds(37));
    let second = app.run_pending_jobs().await;
    assert_eq!((second.sent, second.failed), (0, 1));

    app.clock.advance(Duration::seconds(73));
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

/// A recipient the server refuses for good (550) fails that message at
/// once, with the server's reason; the others go.
#[tokio::test]
async fn a_refused_recipient_fails_only_its_own_message_at_once() {
    let app = TestApp::spawn().await;
    let (admin, token) = app.admin().await;
    app.smtp.refuse_recipient("gone@test.example");
    for email in ["gone@test.example", "here@test.example"] {
        let resp = app
            .post_json("/api/v1/users", Some(&token), &json!({"email": email, "name": "Someone", "organisation_id": admin.organisation_id}))
            .await;
        assert_eq!(resp.status(), 201);
    }
    let report = app.run_pending_jobs().await;
    assert_eq!((report.sent, report.failed), (1, 1));
    assert_eq!(app.emails().len(), 1);
    assert_eq!(app.emails()[0].to, ["here@test.example"]);
    let rows = app
        .state
        .db(|c| Ok(quorate::db::outbox::recent(c, 10)?))
        .await
        .expect("outbox");
    let gone = rows
        .iter()
        .find(|r| r.recipient.contains("gone@"))
        .expect("the refused message");
    assert!(gone.failed_at.is_some(), "failed at once, no retry");
    assert_eq!(gone.attempts, 1);
    assert!(
        gone.last_error
            .as_deref()
            .is_some_and(|e| e.contains("550") || e.contains("no such mailbox")),
        "{:?}",
        gone.last_error
    );
    app.clock.advance(Duration::days(1));
    assert_eq!(
        app.run_pending_jobs().await,
        Default::default(),
        "never retried"
    );
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

/// The mail page as each kind of person meets it: a body's secretariat sees
/// only the mail about their body, addresses shortened, and cannot touch
/// other mail by its id; an administrator sees all of it in full.
#[tokio::test]
async fn the_mail_page_shows_each_secretariat_only_its_bodys_mail() {
    let app = TestApp::spawn().await;
    let b = crate::builders::board(&app).await;
    let resp = app
        .post_json("/api/v1/users", Some(&b.admin), &json!({"email": "newcomer@test.example", "name": "Newcomer", "organisation_id": b.district}))
        .await;
    assert_eq!(resp.status(), 201);
    let invitation = app
        .state
        .db(|c| Ok(quorate::db::outbox::recent(c, 50)?))
        .await
        .expect("outbox")
        .into_iter()
        .find(|r| r.recipient.contains("newcomer@"))
        .expect("the invitation")
        .id;

    let clerk = app
        .login("clerk@test.example", crate::helpers::PASSWORD)
        .await;
    let page = clerk
        .get(app.url("/bodies/psb/mail"))
        .send()
        .await
        .expect("mail page");
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("html");
    assert!(html.contains("Call for papers"), "{html}");
    assert!(html.contains("a…@ashby.example"), "masked");
    assert!(!html.contains("author@ashby.example"), "no address in full");
    assert!(
        !html.contains("newcomer"),
        "not another body's or no body's mail"
    );
    let all = clerk
        .get(app.url("/admin/mail"))
        .send()
        .await
        .expect("all mail");
    assert_eq!(all.status(), 403);
    let resp = app
        .submit_form(
            &clerk,
            "/bodies/psb/mail",
            &format!("/bodies/psb/mail/{invitation}/cancel"),
            &[],
        )
        .await;
    assert_eq!(
        resp.status(),
        404,
        "mail about no body is not theirs to cancel"
    );

    let admin_browser = app
        .login("admin@test.example", crate::helpers::PASSWORD)
        .await;
    let html = admin_browser
        .get(app.url("/admin/mail"))
        .send()
        .await
        .expect("all mail")
        .text()
        .await
        .expect("html");
    assert!(html.contains("newcomer@test.example") && html.contains("author@ashby.example"));
    app.run_pending_jobs().await;
    let sent = admin_browser
        .get(app.url("/admin/mail?state=sent"))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("html");
    assert!(sent.contains("newcomer@test.example") && !sent.contains("Send again"));
}

/// Two workers (two instances on one database, each with its own pool)
/// deliver a queue together: every message exactly once.
#[tokio::test]
async fn two_workers_deliver_every_message_exactly_once() {
    let app = TestApp::spawn().await;
    let now = crate::helpers::NaiveNow::now_naive_utc(&*app.clock);
    app.state
        .tx(move |c| {
            for i in 0..60 {
                quorate::mail::messages::Notice {
                    template: "test",
                    to: format!("person{i}@test.example"),
                    name: format!("Person {i}"),
                    subject: format!("Message {i}"),
                    lines: vec!["Hello.".into()],
                    link_text: "Open".into(),
                    link: "http://localhost/".into(),
                }
                .render()?
                .enqueue(c, Some(format!("two-workers:{i}")), now)?;
            }
            Ok(())
        })
        .await
        .expect("queued");
    let settings = (*app.state.settings).clone();
    let mailer = quorate::mail::Mailer::from_settings(
        Some(&app.smtp.url()),
        &settings.data_dir,
        settings.mail.connections,
    )
    .expect("mailer");
    let other = quorate::startup::build_state(settings, app.clock.clone(), Some(mailer), false)
        .expect("a second instance");
    let (a, b) = tokio::join!(
        quorate::jobs::run_once(&app.state),
        quorate::jobs::run_once(&other)
    );
    let (a, b) = (a.expect("first worker"), b.expect("second worker"));
    assert_eq!(a.sent + b.sent, 60, "{a:?} {b:?}");
    assert_eq!((a.failed, b.failed), (0, 0));
    let mut to: Vec<String> = app.emails().into_iter().flat_map(|m| m.to).collect();
    assert_eq!(to.len(), 60, "nothing twice");
    to.sort();
    to.dedup();
    assert_eq!(to.len(), 60, "everyone once");
}
