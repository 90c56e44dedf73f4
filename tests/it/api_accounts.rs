//! Accounts: invitations by mail, choosing a password, API tokens.

use chrono::Duration;
use serde_json::json;

use crate::helpers::{TestApp, csrf_token, json};

/// The invitation link in a delivered message.
fn invitation_link(text: &str, base: &str) -> String {
    crate::helpers::link_in(text, &format!("{base}/invitations/"))
}

#[tokio::test]
async fn a_new_user_is_invited_by_mail_and_chooses_a_password_once() {
    let app = TestApp::spawn().await;
    let (admin, token) = app.admin().await;

    let resp = app.post_json("/api/v1/users", Some(&token), &json!({"email": "Priya.Shah@Ashby.example", "name": "Cllr Priya Shah", "organisation_id": admin.organisation_id})).await;
    assert_eq!(resp.status(), 201);
    let user = json(resp).await;
    assert_eq!(user["email"], "priya.shah@ashby.example");
    assert_eq!(user["is_admin"], false);
    assert!(
        app.emails().is_empty(),
        "mail goes out from the worker, not the request"
    );

    let report = app.run_pending_jobs().await;
    assert_eq!((report.sent, report.failed), (1, 0));
    let mails = app.emails();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.to, ["priya.shah@ashby.example"]);
    assert_eq!(mail.from, "quorate@localhost", "the configured sender");
    assert_eq!(
        mail.header("Subject").as_deref(),
        Some("Test admin has invited you to Quorate")
    );
    let link = invitation_link(&mail.text(), &app.address);

    // Running the worker again sends nothing more.
    assert_eq!(app.run_pending_jobs().await.sent, 0);
    assert_eq!(app.emails().len(), 1);

    let browser = app.browser();
    let page = browser.get(&link).send().await.expect("invitation page");
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("html");
    assert!(html.contains("Cllr Priya Shah"));
    let token_field = csrf_token(&html);

    // Too short and mismatched: both reported.
    let resp = browser
        .post(&link)
        .header("Origin", &app.address)
        .form(&[
            ("csrf_token", token_field.as_str()),
            ("password", "short"),
            ("confirm_password", "other"),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.expect("html");
    assert!(
        html.contains("at least 12 characters") && html.contains("do not match"),
        "{html}"
    );
    assert!(html.contains("href=\"#password\"") && html.contains("href=\"#confirm-password\""));

    let pw = "river stone lantern moss";
    let resp = browser
        .post(&link)
        .header("Origin", &app.address)
        .form(&[
            ("csrf_token", token_field.as_str()),
            ("password", pw),
            ("confirm_password", pw),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 303, "password accepted and signed in");
    let account = browser
        .get(app.url("/account"))
        .send()
        .await
        .expect("account");
    assert_eq!(account.status(), 200);
    assert!(
        account
            .text()
            .await
            .expect("html")
            .contains("priya.shah@ashby.example")
    );

    // The link works once.
    let again = app.browser().get(&link).send().await.expect("again");
    assert_eq!(again.status(), 400);
    assert!(
        again
            .text()
            .await
            .expect("html")
            .contains("expired or has already been used")
    );

    // And the new password signs in.
    app.login("priya.shah@ashby.example", pw).await;
}

#[tokio::test]
async fn invitations_expire() {
    let app = TestApp::spawn().await;
    let (admin, token) = app.admin().await;
    app.post_json("/api/v1/users", Some(&token), &json!({"email": "late@test.example", "name": "Late", "organisation_id": admin.organisation_id})).await;
    app.run_pending_jobs().await;
    let link = invitation_link(&app.emails()[0].text(), &app.address);
    app.clock.advance(Duration::days(8));
    let page = app.browser().get(&link).send().await.expect("page");
    assert_eq!(page.status(), 400);
}

#[tokio::test]
async fn tokens_are_issued_to_self_or_by_admins_and_can_be_revoked() {
    let app = TestApp::spawn().await;
    let (admin, admin_token) = app.admin().await;
    let ann = app
        .create_user("ann@test.example", &admin.organisation_id, false)
        .await;
    let bob = app
        .create_user("bob@test.example", &admin.organisation_id, false)
        .await;
    let ann_token = app.token_for(&ann.id).await;

    let resp = app
        .post_json(
            &format!("/api/v1/users/{}/tokens", bob.id),
            Some(&ann_token),
            &json!({}),
        )
        .await;
    assert_eq!(resp.status(), 403, "a user cannot mint tokens for another");

    let resp = app
        .post_json(
            &format!("/api/v1/users/{}/tokens", ann.id),
            Some(&ann_token),
            &json!({"label": "export script"}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let issued = json(resp).await;
    let secret = issued["token"].as_str().expect("token").to_string();
    assert!(secret.starts_with("qrt_"));

    // An empty body is fine for an action route.
    let resp = app
        .api
        .post(app.url(&format!("/api/v1/users/{}/tokens", bob.id)))
        .bearer_auth(&admin_token)
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status(), 201);

    // The new token works; the list never shows secrets.
    let list = json(
        app.get(&format!("/api/v1/users/{}/tokens", ann.id), Some(&secret))
            .await,
    )
    .await;
    let text = list.to_string();
    assert!(!text.contains(&secret) && text.contains("export script"));

    let resp = app
        .api
        .delete(app.url(&format!(
            "/api/v1/users/{}/tokens/{}",
            ann.id,
            issued["id"].as_str().unwrap_or("")
        )))
        .bearer_auth(&ann_token)
        .send()
        .await
        .expect("revoke");
    assert_eq!(resp.status(), 204);
    let resp = app
        .get(&format!("/api/v1/users/{}/tokens", ann.id), Some(&secret))
        .await;
    assert_eq!(resp.status(), 401, "a revoked token stops working at once");

    let audit = app
        .state
        .db(|c| Ok(quorate::db::audit::recent(c, 100)?))
        .await
        .expect("audit");
    assert!(
        audit
            .iter()
            .any(|a| a.action == "token.revoke" && a.actor == "Test ann")
    );
}

/// What the password-reset page answers, with the address typed taken
/// out: it must not depend on whether the address has an account.
async fn ask_for_reset(app: &TestApp, email: &str) -> (u16, String) {
    let b = app.browser();
    let resp = app
        .submit_form(
            &b,
            "/password-reset",
            "/password-reset",
            &[("email", email)],
        )
        .await;
    let status = resp.status().as_u16();
    let html = resp.text().await.expect("html");
    (status, html.replace(email, "ADDRESS"))
}

/// Forgotten passwords, as an attacker would try them: the page tells no
/// one who has an account; one account gets at most three links an hour
/// and one client is slowed down; each link works once, within its hour,
/// ends every other sign-in, retires the account's other links, and the
/// owner is told.
#[tokio::test]
async fn a_password_reset_link_works_once_and_tells_no_one_who_has_an_account() {
    // Sign-in attempts for one account are limited per minute too (asking
    // counts as one); here the hourly limit on links is what is tried.
    let app = TestApp::spawn_with(|s| s.security.login_attempts_per_account_per_minute = 10).await;
    let (admin, _) = app.admin().await;
    let who = app
        .create_user("priya.shah@ashby.example", &admin.organisation_id, false)
        .await;
    let earlier = app
        .login("priya.shah@ashby.example", crate::helpers::PASSWORD)
        .await;

    // The same answer for an account and for no account.
    let (known_status, known) = ask_for_reset(&app, "Priya.Shah@Ashby.example").await;
    let (unknown_status, unknown) = ask_for_reset(&app, "nobody@ashby.example").await;
    assert_eq!((known_status, unknown_status), (200, 200));
    assert_eq!(known, unknown, "the page does not tell who has an account");
    assert!(known.contains("Check your email") && known.contains("within 60 minutes"));
    // Hostile and malformed addresses are refused for their form alone.
    for bad in ["not an address", "<script>@x", &"a".repeat(10_000)] {
        let (status, html) = ask_for_reset(&app, bad).await;
        assert_eq!(status, 422, "{bad:.20}");
        assert!(html.contains("Enter an email address in the correct format"));
    }
    app.run_pending_jobs().await;
    let mails = app.emails();
    assert_eq!(mails.len(), 1, "one message, to the account that exists");
    assert_eq!(mails[0].to, ["priya.shah@ashby.example"]);
    assert_eq!(
        mails[0].header("Subject").as_deref(),
        Some("Choose a new password for Quorate")
    );
    let first = crate::helpers::link_in(
        &mails[0].text(),
        &format!("{}/password-reset/", app.address),
    );

    // Three links an hour for one account; more asks look the same and
    // send nothing.
    for _ in 0..3 {
        let (status, html) = ask_for_reset(&app, "priya.shah@ashby.example").await;
        assert_eq!((status, html), (200, known.clone()));
    }
    app.run_pending_jobs().await;
    let links: Vec<String> = app
        .emails()
        .iter()
        .filter(|m| m.header("Subject").as_deref() == Some("Choose a new password for Quorate"))
        .map(|m| crate::helpers::link_in(&m.text(), &format!("{}/password-reset/", app.address)))
        .collect();
    assert_eq!(links.len(), 3, "three links in the hour");

    // The link: not cached, not passed on as a referrer to other sites.
    let b = app.browser();
    let page = b.get(&first).send().await.expect("reset page");
    assert_eq!(page.status(), 200);
    assert_eq!(
        page.headers()
            .get("referrer-policy")
            .and_then(|v| v.to_str().ok()),
        Some("same-origin")
    );
    assert_eq!(
        page.headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let html = page.text().await.expect("html");
    assert!(html.contains("Choose a new password") && html.contains("priya.shah@ashby.example"));
    let token = crate::helpers::csrf_token(&html);
    let send = |password: &'static str, confirm: &'static str| {
        b.post(&first)
            .header("Origin", &app.address)
            .form(&[
                ("csrf_token", token.as_str()),
                ("password", password),
                ("confirm_password", confirm),
            ])
            .send()
    };
    let resp = send("short", "other").await.expect("post");
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.expect("html");
    assert!(html.contains("at least 12 characters") && html.contains("do not match"));
    let pw = "harbour lantern thistle oak";
    let resp = send(pw, pw).await.expect("post");
    assert_eq!(resp.status(), 303);
    assert_eq!(
        resp.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/account?notice=password-reset")
    );
    assert_eq!(
        b.get(app.url("/account"))
            .send()
            .await
            .expect("account")
            .status(),
        200,
        "signed in here"
    );
    let elsewhere = earlier
        .get(app.url("/account"))
        .send()
        .await
        .expect("account");
    assert_eq!(elsewhere.status(), 303, "the earlier sign-in has ended");

    // Used once; the account's other links are retired with it.
    for link in [&first, &links[1]] {
        let again = app
            .browser()
            .get(link.as_str())
            .send()
            .await
            .expect("again");
        assert_eq!(again.status(), 404);
        assert!(
            again
                .text()
                .await
                .expect("html")
                .contains("This link does not work")
        );
    }
    app.run_pending_jobs().await;
    assert!(
        app.emails()
            .iter()
            .any(|m| m.to == ["priya.shah@ashby.example"]
                && m.header("Subject").as_deref()
                    == Some("Your Quorate password has been changed")
                && m.text().contains("If this was not you")),
        "the owner is told"
    );
    let old = app.browser();
    let resp = app
        .submit_form(
            &old,
            "/login",
            "/login",
            &[
                ("email", "priya.shah@ashby.example"),
                ("password", crate::helpers::PASSWORD),
            ],
        )
        .await;
    assert_eq!(resp.status(), 422, "the old password no longer works");
    let uid = who.id.clone();
    let audit = app
        .state
        .db(move |c| Ok(quorate::db::audit::for_entity(c, "user", &uid)?))
        .await
        .expect("audit");
    assert!(audit.iter().any(|e| e.action == "user.password_reset_sent"));
    assert!(audit.iter().any(|e| e.action == "user.password_reset"));

    // A link expires after its hour.
    app.clock.advance(chrono::Duration::minutes(61));
    ask_for_reset(&app, "priya.shah@ashby.example").await;
    app.run_pending_jobs().await;
    let latest = app
        .emails()
        .iter()
        .rev()
        .find(|m| m.header("Subject").as_deref() == Some("Choose a new password for Quorate"))
        .map(|m| crate::helpers::link_in(&m.text(), &format!("{}/password-reset/", app.address)))
        .expect("a new link after the hour");
    assert!(!links.contains(&latest));
    assert_eq!(
        app.browser()
            .get(&latest)
            .send()
            .await
            .expect("fresh")
            .status(),
        200
    );
    app.clock.advance(chrono::Duration::minutes(61));
    assert_eq!(
        app.browser()
            .get(&latest)
            .send()
            .await
            .expect("stale")
            .status(),
        404,
        "expired after an hour"
    );

    // One client asking about many addresses is slowed down.
    let mut statuses = Vec::new();
    for n in 0..25 {
        statuses.push(ask_for_reset(&app, &format!("guess{n}@ashby.example")).await);
    }
    let limited = statuses
        .iter()
        .find(|(s, _)| *s == 429)
        .expect("a client asking too often is told to wait");
    assert!(limited.1.contains("Too many attempts from here"));
}
