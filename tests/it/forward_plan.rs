//! The forward plan from the outside: items proposed and accepted with the
//! presenting partner and priority, key decisions with their notice day, a
//! missing paper visible once its deadline passes; as a page, JSON and a
//! calendar a real parser reads; a confidential item's words nowhere.

use serde_json::{Value, json};

use crate::builders::{board, post};
use crate::helpers::{TestApp, json};

const SECRET: &str = "ZQXFORWARD tender shortlist";

fn item<'a>(plan: &'a Value, title: &str) -> &'a Value {
    plan["meetings"][0]["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["title"] == title))
        .unwrap_or_else(|| panic!("no {title:?} in {plan}"))
}

#[tokio::test]
async fn the_forward_plan_shows_the_next_meetings_items_key_decisions_and_missing_papers() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let proposals = format!("/api/v1/meetings/{}/proposals", b.meeting);
    let resp = post(
        &app,
        &proposals,
        &b.author,
        json!({"title": "Town-centre grants", "item_type": "decision", "presenting_organisation_id": b.district, "priority_id": b.priority, "key_decision": true}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let grants = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &proposals,
        &b.author,
        json!({"title": SECRET, "item_type": "decision", "presenting_organisation_id": b.district, "priority_id": b.priority, "exempt_category": 3}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    // A paragraph that is not in Schedule 12A is refused by name.
    let resp = post(
        &app,
        &proposals,
        &b.author,
        json!({"title": "Other", "item_type": "decision", "presenting_organisation_id": b.district, "priority_id": b.priority, "exempt_category": 9}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(
        crate::helpers::error_fields(&json(resp).await),
        ["exempt_category"]
    );

    let plan = json(app.get("/api/v1/bodies/psb/forward-plan", None).await).await;
    assert_eq!(plan["meetings"][0]["starts_at"], "2027-01-12T14:00:00Z");
    let g = item(&plan, "Town-centre grants");
    assert_eq!(g["status"], "proposed");
    assert_eq!(g["organisation"], "Ashby District Council");
    assert!(g["priority"].is_string(), "{g}");
    assert_eq!(g["key_decision"], true);
    // 28 clear days before Tuesday 12 January 2027.
    assert_eq!(g["notice_by"], "2026-12-14");
    assert_eq!(g["short_notice"], false);
    assert_eq!(g["paper"], "awaiting_acceptance");
    let secret = item(&plan, "Confidential item");
    assert_eq!(secret["confidential_paragraph"], 3);
    assert!(secret["organisation"].is_null());

    // Accepted, its paper is due; past the paper deadline, it is missing.
    let resp = post(
        &app,
        &format!("/api/v1/proposals/{grants}/accept"),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let plan = json(app.get("/api/v1/bodies/psb/forward-plan", None).await).await;
    let g = item(&plan, "Town-centre grants");
    assert_eq!(
        (g["status"].as_str(), g["paper"].as_str()),
        (Some("accepted"), Some("due"))
    );
    assert_eq!(g["key_decision"], true, "the paper carries the flag on");
    let papers = json(
        app.get(
            &format!("/api/v1/meetings/{}/papers", b.meeting),
            Some(&b.author),
        )
        .await,
    )
    .await;
    let started = papers
        .as_array()
        .or(papers["items"].as_array())
        .and_then(|l| l.iter().find(|p| p["title"] == "Town-centre grants"))
        .cloned()
        .unwrap_or_default();
    let id = started["id"].as_str().unwrap_or_default();
    let paper = json(
        app.get(&format!("/api/v1/papers/{id}"), Some(&b.author))
            .await,
    )
    .await;
    assert_eq!(paper["key_decision"], true, "{paper}");
    app.clock.set(
        chrono::NaiveDate::from_ymd_opt(2026, 12, 23)
            .and_then(|d| d.and_hms_opt(13, 0, 0))
            .unwrap_or_default()
            .and_utc(),
    );
    let plan = json(app.get("/api/v1/bodies/psb/forward-plan", None).await).await;
    assert_eq!(item(&plan, "Town-centre grants")["paper"], "missing");

    // The page, as the public reads it.
    let page = app
        .api
        .get(app.url("/bodies/psb/forward-plan"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    for words in [
        "Forward plan",
        "Town-centre grants",
        "Key decision",
        "Notice due by Monday 14 December 2026",
        "Paper missing: the deadline has passed",
        "Confidential item (Schedule 12A paragraph 3)",
    ] {
        assert!(page.contains(words), "{words:?} not on the page:\n{page}");
    }
    let body = app
        .api
        .get(app.url("/bodies/psb"))
        .send()
        .await
        .expect("body page")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        body.contains("/bodies/psb/forward-plan"),
        "linked from the body page"
    );

    // The calendar: the meeting with its items, and the notice day.
    let resp = app.get("/bodies/psb/forward-plan.ics", None).await;
    assert_eq!(resp.status(), 200);
    assert!(
        resp.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/calendar"))
    );
    let text = resp.text().await.unwrap_or_default();
    let calendars: Vec<_> = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
        .collect::<Result<Vec<_>, _>>()
        .expect("a calendar a parser reads");
    let prop = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    let events = &calendars[0].events;
    let meeting = events
        .iter()
        .find(|e| prop(&e.properties, "DTSTART") == "20270112T140000Z")
        .expect("the meeting");
    assert!(prop(&meeting.properties, "DESCRIPTION").contains("Town-centre grants"));
    assert!(events.iter().any(|e| {
        prop(&e.properties, "DTSTART").starts_with("20261214")
            && prop(&e.properties, "SUMMARY")
                .contains("Key decision notice due: Town-centre grants")
    }));

    // The confidential item's words appear in none of the three.
    for path in [
        "/bodies/psb/forward-plan",
        "/api/v1/bodies/psb/forward-plan",
        "/bodies/psb/forward-plan.ics",
    ] {
        for token in [
            None,
            Some(b.officer_elsewhere.as_str()),
            Some(b.member.as_str()),
        ] {
            let text = app.get(path, token).await.text().await.unwrap_or_default();
            assert!(!text.contains("ZQXFORWARD"), "{path}: {text}");
        }
    }
    // Nor in the meeting's proposals, for a role that does not see exempt
    // material; the board's members and its proposer see it.
    let listed = format!("/api/v1/meetings/{}/proposals", b.meeting);
    let text = app
        .get(&listed, Some(&b.officer_elsewhere))
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        text.contains("Town-centre grants") && !text.contains("ZQXFORWARD"),
        "{text}"
    );
    let page = app
        .page_as(
            "officer@police.example",
            &format!("/meetings/{}", b.meeting),
        )
        .await;
    assert!(
        page.contains("Town-centre grants") && !page.contains("ZQXFORWARD"),
        "{page}"
    );
    for token in [&b.member, &b.author, &b.clerk] {
        let text = app
            .get(&listed, Some(token))
            .await
            .text()
            .await
            .unwrap_or_default();
        assert!(text.contains("ZQXFORWARD"), "{text}");
    }
    assert_eq!(
        app.get("/api/v1/bodies/nobody/forward-plan", None)
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get("/bodies/nobody/forward-plan", None).await.status(),
        404
    );
    drop(app);
}
