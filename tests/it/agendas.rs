//! Agendas end to end: building from papers, ordering, the pre-flight,
//! publishing versions and supplements, the agenda email with its
//! invitation, feeds parsed by real parsers, and the exempt rule.

use serde_json::{Value, json};

use crate::builders::{
    Board, accepted_paper, board, complete, exempt_paper, post, published_agenda,
    submit_sign_accept,
};
use crate::helpers::{PASSWORD, TestApp, error_fields, json};

async fn agenda(
    app: &TestApp,
    b: &Board,
    token: Option<&str>,
) -> (reqwest::StatusCode, Option<String>, Value) {
    let resp = app
        .get(&format!("/api/v1/meetings/{}/agenda", b.meeting), token)
        .await;
    let status = resp.status();
    let etag = resp
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (status, etag, resp.json().await.unwrap_or(Value::Null))
}

fn kinds(a: &Value) -> Vec<String> {
    a["items"]
        .as_array()
        .map(|v| {
            v.iter()
                .map(|i| i["kind"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn substantive_ids(a: &Value) -> Vec<String> {
    a["items"]
        .as_array()
        .map(|v| {
            v.iter()
                .filter(|i| i["movable"] == true)
                .map(|i| i["id"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

async fn put_order(
    app: &TestApp,
    b: &Board,
    etag: Option<&str>,
    ids: &[String],
) -> reqwest::Response {
    let mut req = app
        .api
        .put(app.url(&format!("/api/v1/meetings/{}/agenda/order", b.meeting)))
        .bearer_auth(&b.clerk)
        .json(&json!({ "item_ids": ids }));
    if let Some(e) = etag {
        req = req.header("If-Match", e);
    }
    req.send().await.expect("order")
}

#[tokio::test]
async fn the_secretariat_builds_checks_and_publishes_an_agenda_with_a_supplement() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let first = accepted_paper(&app, &b, complete(&b)).await;
    let mut info = complete(&b);
    info["title"] = json!("Community safety update");
    info["item_type"] = json!("information");
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        info,
    )
    .await;
    let second = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/papers/{second}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);

    // Standard items frame the business; the submitted paper is on it.
    let (status, etag, a) = agenda(&app, &b, Some(&b.clerk)).await;
    assert_eq!(status, 200);
    assert_eq!(
        kinds(&a),
        [
            "apologies",
            "declarations",
            "minutes",
            "action_log",
            "substantive",
            "substantive",
            "next_meeting"
        ]
    );
    assert_eq!(a["state"], "working");
    assert_eq!(a["balance"]["substantive_items"], 2);

    // The pre-flight blocks an unaccepted paper, and says which.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    assert!(
        error_fields(&problem)
            .iter()
            .any(|f| f.starts_with("items.")),
        "{problem}"
    );
    assert!(
        problem.to_string().contains("Community safety update"),
        "{problem}"
    );
    assert!(
        problem.to_string().contains("paper_not_accepted"),
        "{problem}"
    );

    // A verbal item needs a type and a reason; both are reported at once.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/items", b.meeting),
        &b.clerk,
        json!({"title": "Flood response"}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let fields = error_fields(&json(resp).await);
    assert!(
        fields.contains(&"item_type".to_string()) && fields.contains(&"verbal_reason".to_string()),
        "{fields:?}"
    );
    let resp = post(&app, &format!("/api/v1/meetings/{}/agenda/items", b.meeting), &b.clerk,
        json!({"title": "Flood response", "item_type": "discussion", "verbal_reason": "Events this week", "minutes_allocated": 10})).await;
    assert_eq!(resp.status(), 201);
    let verbal = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();

    // Reordering: stale version, then unknown, missing and duplicated ids.
    let (_, etag2, a) = agenda(&app, &b, Some(&b.clerk)).await;
    assert_ne!(etag, etag2, "adding an item raises the version");
    let ids = substantive_ids(&a);
    assert_eq!(ids.len(), 3);
    let reversed: Vec<String> = ids.iter().rev().cloned().collect();
    let resp = put_order(&app, &b, etag.as_deref(), &reversed).await;
    assert_eq!(resp.status(), 412);
    let bad = vec![ids[0].clone(), ids[0].clone(), "no-such-item".to_string()];
    let resp = put_order(&app, &b, etag2.as_deref(), &bad).await;
    assert_eq!(resp.status(), 422);
    let text = json(resp).await.to_string();
    for code in ["duplicate", "unknown", "missing"] {
        assert!(text.contains(code), "{code} not reported: {text}");
    }
    let resp = put_order(&app, &b, etag2.as_deref(), &reversed).await;
    assert_eq!(resp.status(), 200);
    let a = json(resp).await;
    assert_eq!(substantive_ids(&a), reversed);
    assert_eq!(
        a["items"][4]["id"],
        json!(verbal),
        "the verbal item is now item 5"
    );
    assert_eq!(a["items"][4]["number"], 5);

    // Accept the second paper; now it publishes, and members are emailed.
    let resp = post(
        &app,
        &format!("/api/v1/papers/{second}/sign-off"),
        &b.sponsor,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let resp = post(
        &app,
        &format!("/api/v1/papers/{second}/accept"),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let out = published_agenda(&app, &b).await;
    assert_eq!(out["version"], 1);
    assert_eq!(out["recipients"], 3, "chair and two members");
    let paper = json(app.get(&format!("/api/v1/papers/{first}"), None).await).await;
    assert_eq!(paper["status"], "published", "the public can read it now");
    let (status, _, public) = agenda(&app, &b, None).await;
    assert_eq!(status, 200);
    assert_eq!(public["state"], "published");
    assert_eq!(public["version"], 1);

    app.run_pending_jobs().await;
    let mails = app.emails();
    let to_member: Vec<_> = mails
        .iter()
        .filter(|m| {
            m.to.iter().any(|t| t.contains("member@police.example"))
                && m.header("Subject")
                    .is_some_and(|s| s.contains("Agenda published"))
        })
        .collect();
    assert_eq!(
        to_member.len(),
        1,
        "one agenda mail (besides the call for papers)"
    );
    let data = &to_member[0].data;
    assert!(data.contains("Agenda published"), "{data}");
    use mail_parser::MimeHeaders;
    // The invitation, as a mail client finds it: an attached text/calendar
    // part, method PUBLISH in both its type and its body, one event at the
    // meeting's time.
    let parsed = to_member[0].parsed().expect("MIME");
    let invite = parsed
        .attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|t| t.ctype() == "text" && t.subtype() == Some("calendar"))
        })
        .expect("an invitation is attached");
    assert_eq!(
        invite
            .content_type()
            .and_then(|t| t.attribute("method"))
            .map(str::to_ascii_uppercase)
            .as_deref(),
        Some("PUBLISH")
    );
    let ics = invite.text_contents().unwrap_or_default().to_string();
    let calendars: Vec<_> = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()))
        .collect::<Result<Vec<_>, _>>()
        .expect("a calendar a parser reads");
    assert_eq!(calendars.len(), 1);
    let prop = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(prop(&calendars[0].properties, "METHOD"), "PUBLISH");
    assert_eq!(calendars[0].events.len(), 1);
    let event = &calendars[0].events[0].properties;
    assert_eq!(prop(event, "DTSTART"), "20270112T140000Z");
    assert!(!prop(event, "UID").is_empty());
    assert!(
        prop(event, "SUMMARY").contains("Northshire Public Service Board"),
        "{ics}"
    );
    assert!(
        data.contains("To agree funding for two youth clubs."),
        "the briefing has the purpose"
    );
    assert!(
        !mails.iter().any(|m| {
            m.to.iter().any(|t| t.contains("officer@police.example"))
                && m.header("Subject")
                    .is_some_and(|s| s.contains("Agenda published"))
        }),
        "officers are not sent the agenda"
    );

    // Publishing again: a supplement needs a reason, and a change.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert!(
        json(resp)
            .await
            .to_string()
            .contains("supplement_reason_required")
    );
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
        &b.clerk,
        json!({"supplement_reason": "Nothing"}),
    )
    .await;
    assert_eq!(resp.status(), 409);

    // The author revises the published paper; the supplement replaces it.
    let resp = post(
        &app,
        &format!("/api/v1/papers/{first}/return"),
        &b.clerk,
        json!({"reason": "Add the April figures"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let v = json(
        app.get(&format!("/api/v1/papers/{first}"), Some(&b.author))
            .await,
    )
    .await["version"]
        .as_i64();
    let resp = crate::builders::patch(&app, &format!("/api/v1/papers/{first}"), &b.author, v, &json!({"summary": "Two clubs would open on Friday nights from April; April figures added."})).await;
    assert_eq!(resp.status(), 200);
    submit_sign_accept(&app, &b, &first).await;
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
        &b.clerk,
        json!({"supplement_reason": "Revised youth clubs paper with April figures"}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let v2 = json(
        app.get(
            &format!("/api/v1/meetings/{}/agenda/versions/2", b.meeting),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(
        v2["supplement_reason"],
        "Revised youth clubs paper with April figures"
    );
    assert!(
        v2["changes"].to_string().contains("Replaced the paper"),
        "{v2}"
    );
    let replaced = v2["items"]
        .as_array()
        .and_then(|v| v.iter().find(|i| i["paper_id"] == json!(first)).cloned())
        .unwrap_or_default();
    assert_eq!(
        replaced["supplement"],
        "Revised youth clubs paper with April figures"
    );
    // Version 1 is still there, unchanged.
    let v1 = json(
        app.get(
            &format!("/api/v1/meetings/{}/agenda/versions/1", b.meeting),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(v1["version"], 1);
    assert!(v1["items"].to_string().contains("Youth clubs in Ashby"));
    // The public can find the published paper, and the hit opens the copy
    // published with the latest version (not a page that asks them to sign in).
    let hits = json(app.get("/api/v1/search?q=youth%20clubs", None).await).await;
    let hit = hits["items"]
        .as_array()
        .and_then(|h| {
            h.iter()
                .find(|x| x["kind"] == "paper" && x["id"] == json!(first))
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        hit["url"],
        json!(format!(
            "/meetings/{}/agenda/versions/2/papers/{first}",
            b.meeting
        )),
        "{hits}"
    );
    let resp = app
        .api
        .get(app.url(hit["url"].as_str().unwrap_or_default()))
        .send()
        .await
        .expect("copy");
    assert_eq!(resp.status(), 200);
}

#[tokio::test]
async fn two_publishes_at_once_produce_one_version() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    accepted_paper(&app, &b, complete(&b)).await;
    let url = app.url(&format!("/api/v1/meetings/{}/agenda/publish", b.meeting));
    let send = || {
        app.api
            .post(url.clone())
            .bearer_auth(&b.clerk)
            .json(&json!({}))
            .send()
    };
    let (r1, r2) = tokio::join!(send(), send());
    let mut codes = vec![
        r1.expect("one").status().as_u16(),
        r2.expect("two").status().as_u16(),
    ];
    codes.sort_unstable();
    assert_eq!(codes[0], 200);
    assert!(
        matches!(codes[1], 409 | 422),
        "the second is refused: {codes:?}"
    );
    let resp = app
        .get(
            &format!("/api/v1/meetings/{}/agenda/versions/2", b.meeting),
            None,
        )
        .await;
    assert_eq!(resp.status(), 404, "only one version exists");
}

#[tokio::test]
async fn publishing_late_needs_a_reason_shown_publicly() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    accepted_paper(&app, &b, complete(&b)).await;
    // Past the publication deadline (Monday 4 January 2027, end of day).
    app.clock.set(
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 1, 6, 10, 0, 0)
            .single()
            .expect("time"),
    );
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert!(
        json(resp)
            .await
            .to_string()
            .contains("late_reason_required")
    );
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
        &b.clerk,
        json!({"late_reason": "The budget figures arrived on 5 January"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let page = app
        .api
        .get(app.url(&format!("/meetings/{}/agenda/versions/1", b.meeting)))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), 200);
    let etag = page
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let html = page.text().await.unwrap_or_default();
    assert!(html.contains("The budget figures arrived on 5 January"));
    assert!(html.contains("Published late"));
    // Published versions do not change: a repeat fetch is answered 304.
    let again = app
        .api
        .get(app.url(&format!("/meetings/{}/agenda/versions/1", b.meeting)))
        .header("If-None-Match", etag.unwrap_or_default())
        .send()
        .await
        .expect("page");
    assert_eq!(again.status(), 304);
    // A supplement supersedes it: the cached page of version 1 says so.
    let mut info = complete(&b);
    info["title"] = json!("Bus routes review");
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        info,
    )
    .await;
    let second = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/papers/{second}/submit"),
        &b.author,
        json!({"late_reason": "New data"}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    post(
        &app,
        &format!("/api/v1/papers/{second}/sign-off"),
        &b.sponsor,
        json!({}),
    )
    .await;
    post(
        &app,
        &format!("/api/v1/papers/{second}/late-decision"),
        &b.chair,
        json!({"approve": true, "note": "Urgent"}),
    )
    .await;
    let resp = post(
        &app,
        &format!("/api/v1/papers/{second}/accept"),
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
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
        &b.clerk,
        json!({"supplement_reason": "Bus routes paper added"}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let v1 = app
        .api
        .get(app.url(&format!("/meetings/{}/agenda/versions/1", b.meeting)))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        v1.contains("Superseded") && v1.contains("See version 2"),
        "{v1}"
    );
}

#[tokio::test]
async fn the_body_calendar_and_feed_parse_and_track_changes() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    accepted_paper(&app, &b, complete(&b)).await;
    let ics = |app: &TestApp| {
        let url = app.url("/bodies/psb/meetings.ics");
        let client = app.api.clone();
        async move {
            let resp = client.get(url).send().await.expect("ics");
            assert_eq!(resp.status(), 200);
            assert!(
                resp.headers()["content-type"]
                    .to_str()
                    .unwrap_or_default()
                    .starts_with("text/calendar")
            );
            resp.text().await.unwrap_or_default()
        }
    };
    let parse = |text: &str| -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for cal in ical::IcalParser::new(std::io::BufReader::new(text.as_bytes())) {
            let cal = cal.expect("valid iCalendar");
            for e in cal.events {
                let prop = |n: &str| {
                    e.properties
                        .iter()
                        .find(|p| p.name == n)
                        .and_then(|p| p.value.clone())
                        .unwrap_or_default()
                };
                out.push((prop("UID"), prop("SEQUENCE"), prop("STATUS")));
            }
        }
        out
    };
    let before = parse(&ics(&app).await);
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].2, "CONFIRMED");
    // Publishing raises SEQUENCE; cancelling marks it cancelled; UID stays.
    published_agenda(&app, &b).await;
    let published = parse(&ics(&app).await);
    assert_eq!(published[0].0, before[0].0);
    assert!(published[0].1.parse::<i32>().unwrap_or(0) > before[0].1.parse::<i32>().unwrap_or(0));
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/cancel", b.meeting),
        &b.clerk,
        json!({"reason": "Storm warning"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let cancelled = parse(&ics(&app).await);
    assert_eq!(cancelled[0].0, before[0].0);
    assert_eq!(cancelled[0].2, "CANCELLED");
    assert!(
        cancelled[0].1.parse::<i32>().unwrap_or(0) > published[0].1.parse::<i32>().unwrap_or(0)
    );

    let atom = app
        .api
        .get(app.url("/bodies/psb/feed.atom"))
        .send()
        .await
        .expect("atom");
    assert_eq!(atom.status(), 200);
    let feed = feed_rs::parser::parse(atom.bytes().await.unwrap_or_default().as_ref())
        .expect("valid Atom");
    assert_eq!(feed.entries.len(), 1);
    let entry = &feed.entries[0];
    assert!(
        entry
            .title
            .as_ref()
            .map(|t| t.content.clone())
            .unwrap_or_default()
            .starts_with("Agenda: Northshire Public Service Board")
    );
    assert!(entry.links[0].href.ends_with("/agenda/versions/1"));
}

#[tokio::test]
async fn a_personal_calendar_feed_is_secret_and_revocable() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        json!({"title": "Draft on buses"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let minutes_item = json(
        app.get(
            &format!("/api/v1/meetings/{}/agenda", b.meeting),
            Some(&b.clerk),
        )
        .await,
    )
    .await["items"]
        .as_array()
        .and_then(|v| v.iter().find(|i| i["kind"] == "minutes"))
        .and_then(|i| i["id"].as_str())
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        "/api/v1/actions",
        &b.clerk,
        json!({"item_id": minutes_item, "description": "Circulate the bus timetable", "owner_user_id": b.author_id, "due_on": "2027-01-29"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let browser = app.login("author@ashby.example", PASSWORD).await;
    let resp = app
        .submit_form(
            &browser,
            "/account",
            "/account/calendar",
            &[("action", "new")],
        )
        .await;
    assert_eq!(resp.status(), 200);
    let page = resp.text().await.unwrap_or_default();
    // The link is shown once: only its digest is kept.
    let again = browser
        .get(app.url("/account"))
        .send()
        .await
        .expect("account")
        .text()
        .await
        .unwrap_or_default();
    assert!(!again.contains("/calendar/cal_"), "shown only once");
    assert!(again.contains("Your feed is on"));
    let start = page.find("/calendar/cal_").expect("feed link shown");
    let end = page[start..]
        .find(".ics")
        .map(|e| start + e + 4)
        .expect("link end");
    let link = page[start..end].to_string();
    let secret = link
        .trim_start_matches("/calendar/")
        .trim_end_matches(".ics")
        .to_string();
    let author = b.author_id.clone();
    let stored = app
        .state
        .db(move |c| Ok(quorate::db::users::calendar_secret(c, &author)?))
        .await
        .expect("stored");
    assert!(
        stored.is_some_and(|s| !s.contains(&secret) && !s.contains("cal_")),
        "the database holds a digest, not the link's secret"
    );
    let text = app
        .api
        .get(app.url(&link))
        .send()
        .await
        .expect("feed")
        .text()
        .await
        .unwrap_or_default();
    let events: Vec<String> = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
        .flat_map(|c| c.expect("valid").events)
        .map(|e| {
            e.properties
                .iter()
                .find(|p| p.name == "SUMMARY")
                .and_then(|p| p.value.clone())
                .unwrap_or_default()
        })
        .collect();
    assert!(
        events.iter().any(|s| s == "Paper due: Draft on buses"),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|s| s == "Northshire Public Service Board"),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|s| s == "Action due: Circulate the bus timetable"),
        "{events:?}"
    );
    // A new link revokes the old one.
    let resp = app
        .submit_form(
            &browser,
            "/account",
            "/account/calendar",
            &[("action", "new")],
        )
        .await;
    assert_eq!(resp.status(), 200);
    let old = app.api.get(app.url(&link)).send().await.expect("feed");
    assert_eq!(old.status(), 404);
}

#[tokio::test]
async fn exempt_material_never_reaches_a_public_output() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let marker = "ZQXMARKER7";
    accepted_paper(&app, &b, complete(&b)).await;
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        exempt_paper(&b, marker),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let secret = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let pdf: &[u8] = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n";
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(pdf.to_vec()).file_name(format!("{marker} tender.pdf")),
    );
    let resp = app
        .api
        .post(app.url(&format!("/api/v1/papers/{secret}/attachments")))
        .bearer_auth(&b.author)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(resp.status(), 201);
    submit_sign_accept(&app, &b, &secret).await;
    published_agenda(&app, &b).await;

    // Members do see it: the marker test would be meaningless otherwise.
    let member_view = json(
        app.get(
            &format!("/api/v1/meetings/{}/agenda/versions/1", b.meeting),
            Some(&b.member),
        )
        .await,
    )
    .await;
    assert!(member_view.to_string().contains(marker));
    let (_, _, clerk_view) = agenda(&app, &b, Some(&b.clerk)).await;
    assert_eq!(
        kinds(&clerk_view).last().map(String::as_str),
        Some("substantive"),
        "exempt item last"
    );
    assert!(
        kinds(&clerk_view).contains(&"exclusion".to_string()),
        "after the resolution to exclude the public"
    );

    let m = &b.meeting;
    // The exempt item's public "reasons restricted" page.
    let public_agenda = json(
        app.get(&format!("/api/v1/meetings/{m}/agenda/versions/1"), None)
            .await,
    )
    .await;
    let restricted_item = public_agenda["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| !i["exempt_category"].is_null()))
        .and_then(|i| i["id"].as_str())
        .unwrap_or_default()
        .to_string();
    assert!(!restricted_item.is_empty(), "{public_agenda}");
    let restricted = format!("/meetings/{m}/agenda/versions/1/restricted/{restricted_item}");
    let page = app.get(&restricted, None).await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap_or_default();
    assert!(
        page.contains("Schedule 12A, paragraph 3")
            || page.contains("financial or business affairs"),
        "{page}"
    );
    let mut outputs: Vec<(String, String)> = Vec::new();
    for path in [
        restricted.clone(),
        format!("/meetings/{m}"),
        format!("/meetings/{m}/agenda/versions/1"),
        format!("/meetings/{m}/pack"),
        format!("/meetings/{m}/agenda/versions/1/pack"),
        format!("/meetings/{m}/members-pack"),
        format!("/meetings/{m}/agenda/versions/1/members-pack"),
        format!("/meetings/{m}/briefing"),
        format!("/meetings/{m}/agenda/versions/1/papers/{secret}"),
        format!("/papers/{secret}"),
        "/bodies/psb/meetings.ics".to_string(),
        "/bodies/psb/feed.atom".to_string(),
        "/bodies/psb".to_string(),
        format!("/api/v1/meetings/{m}/agenda"),
        format!("/api/v1/meetings/{m}/agenda/versions/1"),
        format!("/api/v1/papers/{secret}"),
        format!("/api/v1/papers/{secret}/attachments"),
        format!("/api/v1/meetings/{m}/papers"),
        format!("/api/v1/search?q={marker}"),
        "/api/v1/search?q=commercially".to_string(),
    ] {
        for (who, token) in [
            ("public", None),
            ("non-member officer", Some(b.officer_elsewhere.as_str())),
        ] {
            let resp = app.get(&path, token).await;
            let status = resp.status();
            let text = resp.text().await.unwrap_or_default();
            outputs.push((format!("{who} {path} ({status})"), text));
        }
    }
    // The public board pack, read as text by a PDF parser.
    for path in [
        format!("/meetings/{m}/pack.pdf"),
        format!("/meetings/{m}/agenda/versions/1/pack.pdf"),
    ] {
        for (who, token) in [
            ("public", None),
            ("non-member officer", Some(b.officer_elsewhere.as_str())),
        ] {
            let resp = app.get(&path, token).await;
            assert_eq!(resp.status(), 200, "{path}");
            let bytes = resp.bytes().await.unwrap_or_default();
            let text = pdf_extract::extract_text_from_mem(&bytes).expect("PDF text");
            assert!(text.contains("Exempt item"), "{text}");
            outputs.push((format!("{who} {path} (PDF text)"), text));
        }
    }
    app.run_pending_jobs().await;
    // Mail to people who may not see it, and the agenda email itself
    // (which withholds exempt items even from members).
    let mails = app.emails();
    assert!(mails.iter().any(|m| m.data.contains("Agenda published")));
    for mail in mails {
        let non_member = mail.to.iter().any(|t| t.contains("officer@police.example"));
        if non_member || mail.data.contains("Agenda published") {
            outputs.push((format!("email to {:?}", mail.to), mail.data.clone()));
        }
    }
    let public_agenda = &outputs[2].1;
    assert!(
        public_agenda.contains("Exempt item – category 3"),
        "the neutral title is shown"
    );
    for (what, text) in &outputs {
        assert!(!text.contains(marker), "exempt material leaked in {what}");
    }
}

#[tokio::test]
async fn the_builder_page_moves_items_without_javascript_and_publishes() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    accepted_paper(&app, &b, complete(&b)).await;
    let mut second = complete(&b);
    second["title"] = json!("Bus routes review");
    accepted_paper(&app, &b, second).await;
    let mut secret = complete(&b);
    secret["title"] = json!("Depot sale");
    secret["exempt_category"] = json!(3);
    secret["exempt_reason"] = json!("Commercial terms");
    accepted_paper(&app, &b, secret).await;
    let clerk = app.login("clerk@test.example", PASSWORD).await;
    let page_url = format!("/meetings/{}/agenda", b.meeting);
    let html = clerk
        .get(app.url(&page_url))
        .send()
        .await
        .expect("builder")
        .text()
        .await
        .unwrap_or_default();
    // Items move within their section: the lone exempt item (9) cannot, and
    // the last business item (6) moves only up.
    assert!(html.contains("move item 5 down") && html.contains("move item 6 up"));
    assert!(
        !html.contains("move item 6 down") && !html.contains("move item 9 up"),
        "{html}"
    );
    let html = clerk
        .get(app.url(&page_url))
        .send()
        .await
        .expect("builder")
        .text()
        .await
        .unwrap_or_default();
    assert!(html.contains("<h1>Build the agenda</h1>"));
    assert!(html.contains("Northshire Public Service Board") && html.contains("of 120 minutes"));
    let youth = html.find("Youth clubs in Ashby").expect("first paper");
    let buses = html.find("Bus routes review").expect("second paper");
    assert!(youth < buses);
    // "Down" on the first paper swaps them.
    let (_, _, a) = agenda(&app, &b, Some(&b.clerk)).await;
    let first_id = substantive_ids(&a)[0].clone();
    let resp = app
        .submit_form(
            &clerk,
            &page_url,
            &format!("/meetings/{}/agenda/items/{first_id}/move", b.meeting),
            &[("direction", "down")],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let html = clerk
        .get(app.url(&page_url))
        .send()
        .await
        .expect("builder")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.find("Bus routes review") < html.find("Youth clubs in Ashby"),
        "moved down"
    );
    // Minutes per item, with the running total.
    let resp = app
        .submit_form(
            &clerk,
            &page_url,
            &format!("/meetings/{}/agenda/items/{first_id}/change", b.meeting),
            &[("minutes_allocated", "200")],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let html = clerk
        .get(app.url(&page_url))
        .send()
        .await
        .expect("builder")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("Over by"),
        "the running total shows the overrun"
    );
    assert!(
        html.contains("minutes over"),
        "and the balance report warns"
    );
    // Publish from the check page.
    let resp = app
        .submit_form(
            &clerk,
            &format!("{page_url}/publish"),
            &format!("{page_url}/publish"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let location = resp.headers()["location"]
        .to_str()
        .unwrap_or_default()
        .to_string();
    let html = clerk
        .get(app.url(&location))
        .send()
        .await
        .expect("meeting")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("Agenda version 1 published and sent to 3 members."),
        "{location}"
    );
    // A member reads the briefing.
    let member = app.login("member@police.example", PASSWORD).await;
    let brief = member
        .get(app.url(&format!("/meetings/{}/briefing", b.meeting)))
        .send()
        .await
        .expect("briefing");
    assert_eq!(brief.status(), 200);
    let html = brief.text().await.unwrap_or_default();
    assert!(
        [
            "Members&#x27; briefing",
            "Members&#39; briefing",
            "Members' briefing"
        ]
        .iter()
        .any(|w| html.contains(w)),
        "{html}"
    );
    assert!(
        html.contains("Approve £20,000 from the partnership fund"),
        "the decision asked for"
    );
    assert!(
        html.contains("£20,000 from the partnership fund."),
        "material implications"
    );
    assert!(
        !html.contains("<dt>Legal implications</dt>"),
        "'none' implications are left out"
    );
}

#[tokio::test]
async fn an_item_referred_up_arrives_as_a_proposal_and_its_outcome_shows_on_both_sides() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    // A theme group under the Board, run by the same clerk, meeting before it.
    let resp = post(&app, "/api/v1/bodies", &b.admin, json!({"name": "Safer Communities Group", "slug": "safer", "kind": "theme_group", "parent_slug": "psb"})).await;
    assert_eq!(resp.status(), 201);
    let resp = post(
        &app,
        "/api/v1/bodies",
        &b.admin,
        json!({"name": "Unrelated Forum", "slug": "elsewhere", "kind": "forum"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let clerk_id = app
        .state
        .db(|c| Ok(quorate::db::users::find_by_email(c, "clerk@test.example")?))
        .await
        .expect("lookup")
        .map(|u| u.id)
        .unwrap_or_default();
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/safer/members/{clerk_id}"),
            Some(&b.admin),
            &json!({"role": "secretariat"}),
        )
        .await;
    assert!(
        resp.status().is_success(),
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let resp = post(&app, "/api/v1/bodies/safer/meetings", &b.clerk, json!({"starts_at": "2026-12-01T10:00:00Z", "ends_at": "2026-12-01T12:00:00Z", "location": "Police HQ"})).await;
    assert_eq!(resp.status(), 201);
    let group_meeting = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(&app, &format!("/api/v1/meetings/{group_meeting}/agenda/items"), &b.clerk,
        json!({"title": "Knife crime hotspots need Board funding", "item_type": "decision", "verbal_reason": "Data arrived this week", "minutes_allocated": 20})).await;
    assert_eq!(resp.status(), 201);
    let item = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let refer_path = format!("/api/v1/meetings/{group_meeting}/agenda/items/{item}/refer");
    let refer = |slug: &str| {
        post(
            &app,
            &refer_path,
            &b.clerk,
            json!({"body_slug": slug, "note": "Decide whether to fund two youth outreach workers"}),
        )
    };
    let resp = refer("elsewhere").await;
    assert_eq!(resp.status(), 422);
    assert!(json(resp).await.to_string().contains("not_related"));
    let resp = refer("psb").await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let proposal = json(resp).await;
    assert_eq!(
        proposal["meeting_id"],
        json!(b.meeting),
        "the Board's next open meeting"
    );
    assert_eq!(proposal["referred_from_item_id"], json!(item));
    assert!(
        proposal["no_priority_reason"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Referred by the Safer Communities Group")
    );
    let resp = refer("psb").await;
    assert_eq!(resp.status(), 409, "referred once");

    // The Board's meeting page names the origin; the Board declines it.
    let clerk_browser = app.login("clerk@test.example", PASSWORD).await;
    let html = clerk_browser
        .get(app.url(&format!("/meetings/{}", b.meeting)))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("Referred by the Safer Communities Group"),
        "origin shown on the receiving side"
    );
    let id = proposal["id"].as_str().unwrap_or_default();
    let resp = post(
        &app,
        &format!("/api/v1/proposals/{id}/decline"),
        &b.clerk,
        json!({"reason": "Funding is for the Community Safety Partnership"}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let html = clerk_browser
        .get(app.url(&format!("/meetings/{group_meeting}/agenda")))
        .send()
        .await
        .expect("builder")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("Referred to the Northshire Public Service Board: declined: Funding is for the Community Safety Partnership"),
        "outcome shown on the referring side"
    );
}

#[tokio::test]
async fn before_publication_the_bodys_people_see_the_draft_agenda_without_exempt_detail() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let open = accepted_paper(&app, &b, complete(&b)).await;
    let mut secret = complete(&b);
    secret["title"] = json!("Sale of the ZQXDRAFT site");
    secret["exempt_category"] = json!(3);
    secret["exempt_reason"] = json!("Commercial terms");
    accepted_paper(&app, &b, secret).await;
    let page = format!("/meetings/{}", b.meeting);
    let public = app
        .api
        .get(app.url(&page))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(!public.contains("Draft agenda") && !public.contains("ZQXDRAFT"));
    let officer = app.login("officer@police.example", PASSWORD).await;
    let html = officer
        .get(app.url(&page))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("Draft agenda: not yet published") && html.contains("Youth clubs in Ashby"),
        "{html}"
    );
    assert!(
        html.contains("Exempt item – category 3") && !html.contains("ZQXDRAFT"),
        "officers do not see exempt detail"
    );
    let member = app.login("member@police.example", PASSWORD).await;
    let html = member
        .get(app.url(&page))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(html.contains("Sale of the ZQXDRAFT site"), "members do");
    // An observer sees the draft agenda, but an accepted paper is not theirs
    // to open until it is published: no link that would end in "not found".
    let org = b.police.clone();
    let observer = app
        .create_user("observer@police.example", &org, false)
        .await;
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/psb/members/{}", observer.id),
            Some(&b.admin),
            &json!({"role": "observer"}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let watcher = app.login("observer@police.example", PASSWORD).await;
    let html = watcher
        .get(app.url(&page))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("Youth clubs in Ashby")
            && !html.contains(&format!("href=\"/papers/{open}\"")),
        "{html}"
    );
    let resp = watcher
        .get(app.url(&format!("/papers/{open}")))
        .send()
        .await
        .expect("paper");
    assert_eq!(resp.status(), 404, "the paper itself stays closed to them");
}

#[tokio::test]
async fn the_public_meeting_page_links_each_paper_to_its_published_copy() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let paper = accepted_paper(&app, &b, complete(&b)).await;
    published_agenda(&app, &b).await;
    let page = format!("/meetings/{}", b.meeting);
    let public = app
        .api
        .get(app.url(&page))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    let copy = format!("/meetings/{}/agenda/versions/1/papers/{paper}", b.meeting);
    assert!(
        public.contains(&format!("href=\"{copy}\"")) && !public.contains("href=\"/papers/"),
        "the public never gets a link that asks them to sign in: {public}"
    );
    let resp = app.api.get(app.url(&copy)).send().await.expect("copy");
    assert_eq!(resp.status(), 200);
    let author = app.login("author@ashby.example", PASSWORD).await;
    let html = author
        .get(app.url(&page))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains(&format!("href=\"/papers/{paper}\"")),
        "those signed in open the paper's own page"
    );
}
