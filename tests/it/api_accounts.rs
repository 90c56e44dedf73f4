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
