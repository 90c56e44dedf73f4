//! What each person lets Quorate email them, through a real SMTP server:
//! the one-click unsubscribe a mail client follows (RFC 8058), notices of
//! meetings that cannot be turned off, and the daily digest that holds
//! routine mail until 07:00.

use chrono::{TimeZone, Utc};
use serde_json::json;

use crate::builders::{board, post, published_agenda};
use crate::helpers::{ReceivedMail, TestApp, json};

const MEMBER: &str = "member@police.example";
const AUTHOR: &str = "author@ashby.example";

fn to<'a>(mails: &'a [ReceivedMail], who: &str, subject: &str) -> Vec<&'a ReceivedMail> {
    mails
        .iter()
        .filter(|m| {
            m.to.iter().any(|t| t == who)
                && m.header("Subject").is_some_and(|s| s.contains(subject))
        })
        .collect()
}

/// Schedules another meeting of the board (which calls for papers).
async fn another_meeting(app: &TestApp, clerk: &str, day: u32) -> String {
    let resp = post(
        app,
        "/api/v1/bodies/psb/meetings",
        clerk,
        json!({"starts_at": format!("2027-02-{day:02}T14:00:00Z"), "ends_at": format!("2027-02-{day:02}T16:00:00Z"), "location": "County Hall"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// A call for papers carries `List-Unsubscribe` with one-click; a mail
/// client's POST (no cookie, no page, no Origin) turns calls off for that
/// person only; an altered link does nothing; the agenda, a statutory
/// notice, carries no link and still arrives.
#[tokio::test]
async fn a_mail_clients_one_click_unsubscribe_stops_calls_for_papers_only() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    app.run_pending_jobs().await;
    let mails = app.emails();
    let call = to(&mails, MEMBER, "Call for papers")
        .pop()
        .expect("the member's call");
    let header = call.header("List-Unsubscribe").expect("List-Unsubscribe");
    let prefix = format!("<{}/unsubscribe/", app.address);
    assert!(
        header.starts_with(&prefix) && header.ends_with('>'),
        "{header}"
    );
    assert_eq!(
        call.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let url = header.trim_start_matches('<').trim_end_matches('>');
    assert!(
        url.contains(".calls."),
        "the link names what it stops: {url}"
    );

    // An altered link (another topic, or another person) does nothing.
    let forged = url.replace(".calls.", ".updates.");
    let client = reqwest::Client::new();
    let one_click = |u: String| {
        client
            .post(u)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
    };
    assert_eq!(one_click(forged).await.expect("post").status(), 404);
    let prefs = app
        .get("/api/v1/me/mail-preferences", Some(&b.member))
        .await;
    assert_eq!(json(prefs).await["off"], json!([]));

    // Opening the link only asks (a link checker must not unsubscribe).
    let page = client.get(url).send().await.expect("get");
    assert_eq!(page.status(), 200);
    assert_eq!(
        page.headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let html = page.text().await.unwrap_or_default();
    assert!(html.contains("calls for papers"), "{html}");
    let prefs = app
        .get("/api/v1/me/mail-preferences", Some(&b.member))
        .await;
    assert_eq!(json(prefs).await["off"], json!([]));

    let resp = one_click(url.to_string()).await.expect("post");
    assert_eq!(resp.status(), 200);
    let prefs = app
        .get("/api/v1/me/mail-preferences", Some(&b.member))
        .await;
    assert_eq!(
        json(prefs).await,
        json!({"delivery": "immediate", "off": ["calls"]})
    );

    // The next meeting's call reaches the author, not the member; its
    // agenda reaches the member, without an unsubscribe link.
    let second = another_meeting(&app, &b.clerk, 9).await;
    app.run_pending_jobs().await;
    let mails = app.emails();
    assert_eq!(to(&mails, AUTHOR, "Call for papers").len(), 2);
    assert_eq!(to(&mails, MEMBER, "Call for papers").len(), 1);
    let _ = published_agenda(&app, &b).await;
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{second}/agenda/publish"),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    app.run_pending_jobs().await;
    let mails = app.emails();
    let agendas = to(&mails, MEMBER, "Agenda");
    assert_eq!(agendas.len(), 2, "statutory notices still come");
    assert!(
        agendas
            .iter()
            .all(|m| m.header("List-Unsubscribe").is_none())
    );

    // Following the same link again is harmless.
    assert_eq!(
        one_click(url.to_string()).await.expect("post").status(),
        200
    );
    let prefs = app
        .get("/api/v1/me/mail-preferences", Some(&b.member))
        .await;
    assert_eq!(json(prefs).await["off"], json!(["calls"]));
}

/// Notices of meetings cannot be turned off, and every problem with a
/// choice is named at once.
#[tokio::test]
async fn members_cannot_turn_off_notices_of_meetings() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let resp = app
        .put_json(
            "/api/v1/me/mail-preferences",
            Some(&b.member),
            &json!({"delivery": "weekly", "off": ["agenda", "calls", "'; DROP TABLE users; --"]}),
        )
        .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    let messages: Vec<String> = problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| format!("{}: {}", e["field"], e["message"]))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("off") && m.contains("cannot be turned off")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("delivery")),
        "{messages:?}"
    );
    // Nothing was saved.
    let prefs = app
        .get("/api/v1/me/mail-preferences", Some(&b.member))
        .await;
    assert_eq!(
        json(prefs).await,
        json!({"delivery": "immediate", "off": []})
    );
    // Without a token there is nothing to see.
    let anon = app.get("/api/v1/me/mail-preferences", None).await;
    assert_eq!(anon.status(), 401);
}

async fn daily_digests_at(app: &TestApp, at: (u32, u32, u32)) -> usize {
    let (d, h, mi) = at;
    app.clock.set(
        Utc.with_ymd_and_hms(2026, 11, d, h, mi, 0)
            .single()
            .expect("time"),
    );
    let parts = app.state.ctx_parts();
    let n = app
        .state
        .tx(move |c| quorate::services::preferences::send_daily_digests(c, &parts.ctx()))
        .await
        .expect("daily digests");
    app.run_pending_jobs().await;
    n
}

/// A member who chose a daily digest gets routine mail held until 07:00
/// the next morning, in one message, once; the mail page says where each
/// held message went; switching back sends what is still held at once.
#[tokio::test]
async fn a_daily_digest_holds_routine_mail_until_seven_and_sends_it_once() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    app.run_pending_jobs().await;
    let resp = app
        .put_json(
            "/api/v1/me/mail-preferences",
            Some(&b.member),
            &json!({"delivery": "daily", "off": []}),
        )
        .await;
    assert_eq!(resp.status(), 200);

    // Thursday 26 November, 09:00: a meeting is scheduled.
    let second = another_meeting(&app, &b.clerk, 9).await;
    app.run_pending_jobs().await;
    let mails = app.emails();
    assert_eq!(to(&mails, AUTHOR, "Call for papers").len(), 2);
    assert_eq!(
        to(&mails, MEMBER, "Call for papers").len(),
        1,
        "the second call waits for the digest"
    );
    let page = app.page_as("clerk@test.example", "/bodies/psb/mail").await;
    assert!(
        page.contains("held for the recipient&#39;s daily digest")
            || page.contains("held for the recipient's daily digest"),
        "{page}"
    );

    // Not before 07:00 the next morning (London time; 07:00 UTC in winter).
    assert_eq!(daily_digests_at(&app, (27, 6, 59)).await, 0);
    assert_eq!(daily_digests_at(&app, (27, 7, 0)).await, 1);
    assert_eq!(daily_digests_at(&app, (27, 12, 0)).await, 0, "once a day");
    let mails = app.emails();
    let digests = to(&mails, MEMBER, "Your Quorate digest");
    assert_eq!(digests.len(), 1);
    let digest = digests[0];
    assert_eq!(
        digest.header("Subject").as_deref(),
        Some("Your Quorate digest for Friday 27 November 2026: 1 message")
    );
    let text = digest.text();
    assert!(
        text.contains("Call for papers: Northshire Public Service Board, Tuesday 9 February 2027"),
        "{text}"
    );
    let link = crate::helpers::link_in(&text, &format!("{}/meetings/", app.address));
    assert_eq!(link, format!("{}/meetings/{second}", app.address));
    let unsubscribe = digest.header("List-Unsubscribe").expect("a link");
    assert!(unsubscribe.contains(".all."), "{unsubscribe}");
    assert!(
        text.contains(&format!("{}/account#mail", app.address)),
        "{text}"
    );
    assert_eq!(
        to(&mails, MEMBER, "Call for papers").len(),
        1,
        "not also on its own"
    );
    let page = app.page_as("clerk@test.example", "/bodies/psb/mail").await;
    assert!(page.contains("sent in the recipient"), "{page}");

    // Held mail goes at once when the member switches back.
    let _third = another_meeting(&app, &b.clerk, 16).await;
    app.run_pending_jobs().await;
    assert_eq!(to(&app.emails(), MEMBER, "Call for papers").len(), 1);
    let resp = app
        .put_json(
            "/api/v1/me/mail-preferences",
            Some(&b.member),
            &json!({"delivery": "immediate"}),
        )
        .await;
    assert_eq!(resp.status(), 200);
    app.run_pending_jobs().await;
    assert_eq!(to(&app.emails(), MEMBER, "Call for papers").len(), 2);
    assert_eq!(daily_digests_at(&app, (28, 7, 0)).await, 0);
}
