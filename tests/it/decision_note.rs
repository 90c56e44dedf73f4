//! The rapid decision note: drafted from the record, the secretariat
//! reminded the working day before it falls due, published on the day,
//! public without what is exempt.

use chrono::TimeZone;
use serde_json::{Value, json};

use crate::builders::post;
use crate::helpers::{TestApp, json};
use crate::rules::{attend, body_with_policy, seat};

fn at(y: i32, m: u32, d: u32, h: u32) -> chrono::DateTime<chrono::Utc> {
    chrono::Utc
        .with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .expect("a real time")
}

async fn verbal_item(app: &TestApp, clerk: &str, meeting: &str, item: Value) -> String {
    let resp = post(
        app,
        &format!("/api/v1/meetings/{meeting}/agenda/items"),
        clerk,
        item,
    )
    .await;
    assert_eq!(resp.status(), 201);
    json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn note(app: &TestApp, meeting: &str, token: Option<&str>) -> (u16, Value) {
    let resp = app
        .get(&format!("/api/v1/meetings/{meeting}/decision-note"), token)
        .await;
    let status = resp.status().as_u16();
    (status, json(resp).await)
}

#[tokio::test]
async fn the_decision_note_is_published_on_time_without_exempt_decisions() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    let (clerk, _, meeting) = body_with_policy(&app, &admin, "note", json!({})).await;
    let ids = seat(
        &app,
        &admin,
        "note",
        &[
            ("a", "member", None),
            ("b", "member", None),
            ("c", "member", None),
            ("d", "member", None),
        ],
    )
    .await;
    let member = app.token_for(&ids[0]).await;
    let open = verbal_item(&app, &clerk, &meeting, json!({"title": "Meeting dates for 2027", "item_type": "decision", "verbal_reason": "Agreed dates"})).await;
    let exempt = verbal_item(&app, &clerk, &meeting, json!({"title": "Tender award", "item_type": "decision", "verbal_reason": "Prices are confidential", "exempt_category": 3})).await;

    // Before the meeting: nothing for the public; the secretariat sees a
    // draft and when it falls due (Thursday 14th + 2 working days).
    assert_eq!(note(&app, &meeting, None).await.0, 404);
    assert_eq!(note(&app, &meeting, Some(&member)).await.0, 404);
    let (status, draft) = note(&app, &meeting, Some(&clerk)).await;
    assert_eq!(status, 200);
    assert_eq!(draft["status"], "draft");
    assert_eq!(draft["due_on"], "2027-01-18");
    let publish = format!("/api/v1/meetings/{meeting}/decision-note/publish");
    let resp = post(&app, &publish, &clerk, json!({})).await;
    assert_eq!(resp.status(), 422, "not before the meeting");

    // The meeting: three present, one apology, an interest declared on the
    // confidential item, a vote on the open one.
    app.clock.set(at(2027, 1, 14, 11));
    for (id, status) in [
        (&ids[0], "present"),
        (&ids[1], "apologies"),
        (&ids[2], "present"),
        (&ids[3], "present"),
    ] {
        attend(&app, &clerk, &meeting, id, json!({ "status": status })).await;
    }
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{meeting}/declarations"),
        &clerk,
        json!({"item_id": exempt, "user_id": ids[2], "interest": "Director of ZQXBIDDER Ltd"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    for (item, text, vote) in [
        (
            &open,
            "Approved the meeting dates for 2027.",
            json!({"for": 2, "against": 1}),
        ),
        (&exempt, "Awarded the contract to ZQXBIDDER.", json!(null)),
    ] {
        let resp = post(
            &app,
            &format!("/api/v1/meetings/{meeting}/decisions"),
            &clerk,
            json!({"item_id": item, "text": text, "vote": vote}),
        )
        .await;
        assert_eq!(resp.status(), 201);
    }

    // Friday, the working day before it falls due: the secretariat is
    // reminded, once however often the worker runs.
    app.clock.set(at(2027, 1, 15, 9));
    quorate::jobs::schedule(&app.state).await;
    quorate::jobs::schedule(&app.state).await;
    app.run_pending_jobs().await;
    let reminders: Vec<String> = app
        .emails()
        .iter()
        .filter(|m| {
            m.header("subject")
                .is_some_and(|s| s.starts_with("Decision note due"))
        })
        .map(|m| m.text())
        .collect();
    assert_eq!(reminders.len(), 1, "{reminders:?}");
    assert!(reminders[0].contains("Monday 18 January 2027"));
    assert!(reminders[0].contains(&format!("/meetings/{meeting}/decision-note")));
    assert_eq!(note(&app, &meeting, None).await.0, 404, "not published yet");

    // Monday: Quorate publishes it from the record.
    app.clock.set(at(2027, 1, 18, 8));
    quorate::jobs::schedule(&app.state).await;
    let (status, public) = note(&app, &meeting, None).await;
    assert_eq!(status, 200);
    assert_eq!(public["status"], "published");
    assert_eq!(public["marking"], "Not yet approved minutes");
    assert_eq!(public["published_by"], "Quorate, on the day it fell due");
    assert_eq!(public["apologies"], json!(["Test b (Partner of note)"]));
    assert_eq!(public["present"].as_array().map(Vec::len), Some(3));
    assert_eq!(public["decisions"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        public["decisions"][0]["vote_words"],
        json!(["Carried: 2 for, 1 against, 0 abstentions."])
    );
    assert_eq!(public["withheld"], 1);
    assert_eq!(public["declarations"][0]["interest"], "");
    assert!(
        !public.to_string().contains("ZQXBIDDER") && !public.to_string().contains("Tender"),
        "{public}"
    );
    // A member of the body sees the confidential decision and interest.
    let (_, theirs) = note(&app, &meeting, Some(&member)).await;
    assert!(theirs.to_string().contains("ZQXBIDDER"), "{theirs}");
    assert_eq!(theirs["withheld"], 0);

    // The public page, the meeting page and the feed carry it.
    let page = app
        .get(&format!("/meetings/{meeting}/decision-note"), None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(page.contains("Not yet approved minutes"), "{page}");
    assert!(page.contains("Approved the meeting dates for 2027."));
    assert!(page.contains("1 decision on a confidential item is not shown."));
    assert!(!page.contains("ZQXBIDDER"));
    let meeting_page = app
        .get(&format!("/meetings/{meeting}"), None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(meeting_page.contains("Decision note (not yet approved minutes)"));
    assert!(
        !meeting_page.contains("ZQXBIDDER"),
        "an interest declared on a confidential item stays out"
    );
    let feed = app
        .get("/bodies/note/feed.atom", None)
        .await
        .text()
        .await
        .unwrap_or_default();
    let parsed = feed
        .parse::<atom_syndication::Feed>()
        .expect("an Atom feed");
    let entry = parsed
        .entries()
        .iter()
        .find(|e| e.title().as_str().starts_with("Decision note"))
        .expect("the note is in the feed");
    assert!(
        entry.links()[0]
            .href()
            .ends_with(&format!("/meetings/{meeting}/decision-note"))
    );
    assert!(!feed.contains("ZQXBIDDER"));

    // Published once.
    let resp = post(&app, &publish, &clerk, json!({})).await;
    assert_eq!(resp.status(), 409);
}
