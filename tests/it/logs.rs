//! No secret is ever written to a log. One person goes through everything
//! that handles a secret (an invitation, choosing and using a password, a
//! session, an API token, a personal calendar link, signing out), then the
//! log of every server in this test process so far is searched for each
//! secret they used. Logging runs at debug level for Quorate.

use serde_json::json;

use crate::helpers::{TestApp, captured_logs, csrf_token, json, link_in};

#[tokio::test]
async fn no_password_token_session_or_secret_link_reaches_the_log() {
    let app = TestApp::spawn().await;
    let (admin, admin_token) = app.admin().await;
    let password = format!("log-scan passphrase {}", uuid::Uuid::now_v7().simple());

    // An invitation, accepted with a new password.
    let resp = app
        .post_json(
            "/api/v1/users",
            Some(&admin_token),
            &json!({"email": "logscan@example.gov.uk", "name": "Log Scan", "organisation_id": admin.organisation_id}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    app.run_pending_jobs().await;
    let mail = app
        .emails()
        .into_iter()
        .find(|m| m.to.iter().any(|t| t == "logscan@example.gov.uk"))
        .expect("invitation sent");
    let invitation = link_in(&mail.text(), &format!("{}/invitations/", app.address));
    let invitation_secret = invitation
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let browser = app.browser();
    let html = browser
        .get(&invitation)
        .send()
        .await
        .expect("invitation")
        .text()
        .await
        .unwrap_or_default();
    let resp = browser
        .post(&invitation)
        .header("Origin", &app.address)
        .form(&[
            ("csrf_token", csrf_token(&html).as_str()),
            ("password", password.as_str()),
            ("confirm_password", password.as_str()),
        ])
        .send()
        .await
        .expect("accept");
    assert_eq!(resp.status(), 303);

    // Signing in (a second browser): the session cookie is a secret too.
    let browser = app.browser();
    let resp = app
        .submit_form(
            &browser,
            "/login",
            "/login",
            &[("email", "logscan@example.gov.uk"), ("password", &password)],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let session = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("quorate_session="))
        .and_then(|c| c.split(';').next())
        .map(|c| c.trim_start_matches("quorate_session=").to_string())
        .expect("a session cookie");

    // An API token, made on the account page and used.
    let resp = app
        .submit_form(
            &browser,
            "/account",
            "/account/tokens",
            &[("label", "log scan")],
        )
        .await;
    assert_eq!(resp.status(), 200);
    let page = resp.text().await.unwrap_or_default();
    let start = page.find("qrt_").expect("the new token is shown");
    let api_token: String = page[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    let resp = app.get("/api/v1/bodies", Some(&api_token)).await;
    assert_eq!(resp.status(), 200);
    let _ = json(resp).await;

    // A calendar link, made and read.
    let resp = app
        .submit_form(
            &browser,
            "/account",
            "/account/calendar",
            &[("action", "new")],
        )
        .await;
    let page = resp.text().await.unwrap_or_default();
    let start = page.find("/calendar/cal_").expect("feed link shown");
    let feed: String = page[start..]
        .chars()
        .take_while(|c| *c != '<' && *c != '"' && !c.is_whitespace())
        .collect();
    let calendar_secret = feed
        .trim_start_matches("/calendar/")
        .trim_end_matches(".ics")
        .to_string();
    let resp = app.api.get(app.url(&feed)).send().await.expect("feed");
    assert_eq!(resp.status(), 200);

    // A wrong password, then signing out.
    let resp = app
        .submit_form(
            &app.browser(),
            "/login",
            "/login",
            &[
                ("email", "logscan@example.gov.uk"),
                ("password", "wrong guess 12345"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 422);
    let resp = app.submit_form(&browser, "/account", "/logout", &[]).await;
    assert_eq!(resp.status(), 303);

    let logs = captured_logs();
    // The capture works: the requests above are in it, their secrets masked.
    assert!(
        logs.contains("/calendar/[secret].ics") && logs.contains("/invitations/[secret]"),
        "the access log is captured, with secret links masked"
    );
    for (what, secret) in [
        ("password", password.as_str()),
        ("wrong password", "wrong guess 12345"),
        ("invitation link", invitation_secret.as_str()),
        ("session cookie", session.as_str()),
        ("API token", api_token.as_str()),
        ("calendar link", calendar_secret.as_str()),
    ] {
        assert!(secret.len() >= 12, "{what} is a real secret: {secret}");
        assert!(!logs.contains(secret), "the {what} is in the log");
    }
}
