//! The meeting record and follow-through as people use them: the clerk
//! records live, the owner closes the action, the next agenda's action log
//! shows it, and the public sees the register, follow-through and minutes.

use serde_json::json;

use crate::builders::accepted_paper;
use crate::builders::{board, complete, post, published_agenda};
use crate::helpers::{PASSWORD, TestApp, csrf_token, json};

#[tokio::test]
async fn recorded_live_followed_through_and_published() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let paper = accepted_paper(&app, &b, complete(&b)).await;
    published_agenda(&app, &b).await;
    let agenda = json(
        app.get(
            &format!("/api/v1/meetings/{}/agenda", b.meeting),
            Some(&b.clerk),
        )
        .await,
    )
    .await;
    let item = agenda["items"]
        .as_array()
        .and_then(|v| v.iter().find(|i| i["kind"] == "substantive"))
        .and_then(|i| i["id"].as_str())
        .unwrap_or_default()
        .to_string();

    // The meeting day: the clerk records it on the record page.
    app.clock.set(
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 1, 12, 14, 30, 0)
            .single()
            .expect("time"),
    );
    let clerk = app.login("clerk@test.example", PASSWORD).await;
    let record = format!("/meetings/{}/record", b.meeting);
    let html = clerk
        .get(app.url(&record))
        .send()
        .await
        .expect("record")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("<h1>Meeting record</h1>") && html.contains("Not quorate"),
        "nobody is marked present yet"
    );
    let mut present = Vec::new();
    for email in [
        "chair@test.example",
        "ceo@ashby.example",
        "member@police.example",
    ] {
        let id = app
            .state
            .db(move |c| Ok(quorate::db::users::find_by_email(c, email)?))
            .await
            .expect("member")
            .map(|u| u.id)
            .unwrap_or_default();
        present.push(format!("status-{id}"));
    }
    // The three voting members are there: the meeting is quorate (a third
    // of the members, at least three), so it may decide.
    let fields: Vec<(&str, &str)> = present.iter().map(|f| (f.as_str(), "present")).collect();
    let resp = app
        .submit_form(&clerk, &record, &format!("{record}/attendance"), &fields)
        .await;
    assert_eq!(resp.status(), 303);
    // A decision form submitted twice (a double click) records one decision.
    let html = clerk
        .get(app.url(&record))
        .send()
        .await
        .expect("record")
        .text()
        .await
        .unwrap_or_default();
    let marker = "name=\"idempotency_key\" value=\"";
    let key_start = html
        .find(&format!("{marker}dec-"))
        .expect("decision form key")
        + marker.len();
    let key: String = html[key_start..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    assert!(key.starts_with("dec-") && key.len() > 10, "{key}");
    let token = csrf_token(&html);
    for _ in 0..2 {
        let resp = clerk
            .post(app.url(&format!("{record}/items/{item}/decisions")))
            .header("Origin", &app.address)
            .form(&[
                ("csrf_token", token.as_str()),
                ("idempotency_key", key.as_str()),
                ("text", "Approved £20,000 for two youth clubs."),
            ])
            .send()
            .await
            .expect("decision");
        assert_eq!(resp.status(), 303);
    }
    let register = json(app.get("/api/v1/decisions?body=psb", None).await).await["items"].clone();
    assert_eq!(register.as_array().map(Vec::len), Some(1), "{register}");
    let decision = register[0]["id"].as_str().unwrap_or_default().to_string();
    // An action with its owner; the form shows every missing field at once.
    let resp = app
        .submit_form(
            &clerk,
            &record,
            &format!("{record}/items/{item}/actions"),
            &[("description", "Open the two clubs")],
        )
        .await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap_or_default();
    assert!(
        html.contains("Choose who owns the action") && html.contains("Enter the due date"),
        "both problems shown"
    );
    let resp = app
        .submit_form(
            &clerk,
            &record,
            &format!("{record}/items/{item}/actions"),
            &[
                ("description", "Open the two clubs by the end of March."),
                ("owner_user_id", &b.author_id),
                ("due_on-day", "26"),
                ("due_on-month", "2"),
                ("due_on-year", "2027"),
                ("decision_id", &decision),
            ],
        )
        .await;
    assert_eq!(
        resp.status(),
        303,
        "{}",
        resp.text().await.unwrap_or_default()
    );

    // The owner sees it on "Your actions" and closes it.
    let author = app.login("author@ashby.example", PASSWORD).await;
    let mine = author
        .get(app.url("/my/actions"))
        .send()
        .await
        .expect("mine")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        mine.contains("Open the two clubs") && mine.contains("On track"),
        "{mine}"
    );
    let actions = json(
        app.get(
            &format!("/api/v1/actions?owner={}", b.author_id),
            Some(&b.author),
        )
        .await,
    )
    .await;
    let action = actions["items"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let page = format!("/actions/{action}");
    let resp = app
        .submit_form(
            &author,
            &page,
            &page,
            &[
                ("note", "Both clubs opened on Friday"),
                ("status", "done"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let html = author
        .get(app.url(&page))
        .send()
        .await
        .expect("action")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("Both clubs opened on Friday") && html.contains("Status: Done"),
        "{html}"
    );

    // The next meeting's agenda carries the action log.
    let resp = post(&app, "/api/v1/bodies/psb/meetings", &b.clerk, json!({"starts_at": "2027-03-09T14:00:00Z", "ends_at": "2027-03-09T16:00:00Z", "location": "County Hall"})).await;
    let next = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{next}/agenda/publish"),
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
    let public = app
        .api
        .get(app.url(&format!("/meetings/{next}/agenda/versions/1")))
        .send()
        .await
        .expect("agenda")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        public.contains("Open the two clubs")
            && public.contains("Both clubs opened on Friday")
            && public.contains("Done"),
        "the action log shows the closed action"
    );
    // And so does the agenda in the API, for the public.
    let agenda = json(
        app.get(&format!("/api/v1/meetings/{next}/agenda"), None)
            .await,
    )
    .await;
    let log: Vec<serde_json::Value> = agenda["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["kind"] == "action_log")
        .flat_map(|i| i["action_log"].as_array().cloned().unwrap_or_default())
        .collect();
    assert!(
        log.iter().any(|a| a["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("Open the two clubs"))
            && a["status"] == "done"
            && a["latest_note"]
                .as_str()
                .is_some_and(|n| n.contains("Both clubs opened on Friday"))
            && a["exempt"] == false),
        "{agenda}"
    );

    // Follow-through and the register, for the public.
    let ft = app
        .api
        .get(app.url("/bodies/psb/follow-through"))
        .send()
        .await
        .expect("ft")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        ft.contains("<svg role=\"img\"") && ft.contains("Ashby District Council"),
        "{ft}"
    );
    assert!(
        ft.contains("<caption>Follow-through by organisation</caption>"),
        "a data table beside the chart"
    );
    // Counts in words that agree with their numbers.
    assert!(
        ft.contains("1 action: 1 done (1 on time), 0 overdue."),
        "{ft}"
    );
    let org_page = ft
        .split("href=\"/organisations/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|path| format!("/organisations/{path}"))
        .expect("a link to the organisation's follow-through");
    let org = app
        .api
        .get(app.url(&org_page))
        .send()
        .await
        .expect("organisation")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        org.contains("1 action owned across 1 body; 0 overdue."),
        "{org}"
    );
    let reg = app
        .api
        .get(app.url("/decisions?body=psb"))
        .send()
        .await
        .expect("register")
        .text()
        .await
        .unwrap_or_default();
    assert!(reg.contains("psb/2027/001") && reg.contains("Approved £20,000"));
    let by_priority = app
        .api
        .get(app.url(&format!("/decisions?priority={}", b.priority)))
        .send()
        .await
        .expect("register")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        by_priority.contains("psb/2027/001"),
        "the paper serves this priority"
    );
    let api_priority = json(
        app.get(&format!("/api/v1/decisions?priority={}", b.priority), None)
            .await,
    )
    .await;
    assert_eq!(
        api_priority["items"][0]["reference"], "psb/2027/001",
        "{api_priority}"
    );
    let api_other = json(app.get("/api/v1/decisions?priority=none-such", None).await).await;
    assert_eq!(
        api_other["items"].as_array().map(Vec::len),
        Some(0),
        "{api_other}"
    );
    let published_paper = format!("/meetings/{}/agenda/versions/1/papers/{paper}", b.meeting);
    assert!(
        reg.contains(&format!("href=\"{published_paper}\"")),
        "the public register links to the paper as published"
    );
    let resp = app
        .api
        .get(app.url(&published_paper))
        .send()
        .await
        .expect("paper");
    assert_eq!(resp.status(), 200);
    assert!(
        !reg.contains("href=\"/actions?") && reg.contains("Actions recorded"),
        "the tracker is for those signed in; the public sees that actions exist"
    );
    let signed_in_reg = author
        .get(app.url("/decisions?body=psb"))
        .send()
        .await
        .expect("register")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        signed_in_reg.contains("href=\"/actions?decision=psb/2027/001\""),
        "the register links a signed-in reader to the decision's actions"
    );
    let tracked = author
        .get(app.url("/actions?decision=psb/2027/001"))
        .send()
        .await
        .expect("tracker")
        .text()
        .await
        .unwrap_or_default();
    assert!(tracked.contains("Open the two clubs"), "{tracked}");
    let other = app
        .api
        .get(app.url("/decisions?priority=none-such"))
        .send()
        .await
        .expect("register")
        .text()
        .await
        .unwrap_or_default();
    assert!(other.contains("No decisions match."));
    // Dates as people type them filter the register; a date that does not
    // exist is said so, not an error page.
    let typed = app
        .api
        .get(app.url("/decisions?body=psb&from=1%2F1%2F2027&to=31+Dec+2027"))
        .send()
        .await
        .expect("register")
        .text()
        .await
        .unwrap_or_default();
    assert!(typed.contains("psb/2027/001"), "{typed}");
    let wrong = app
        .api
        .get(app.url("/decisions?body=psb&from=31%2F2%2F2027"))
        .send()
        .await
        .expect("register");
    assert_eq!(wrong.status(), 200);
    assert!(
        wrong
            .text()
            .await
            .unwrap_or_default()
            .contains("Enter the dates as day, month and year, for example 1/9/2027.")
    );
    // A body that is not there is not there, on the page and in the API alike.
    let page = app
        .api
        .get(app.url("/decisions?body=no-such-body"))
        .send()
        .await
        .expect("register");
    assert_eq!(page.status(), 404);
    assert!(
        page.text()
            .await
            .unwrap_or_default()
            .contains("Page not found")
    );
    assert_eq!(
        app.get("/api/v1/decisions?body=no-such-body", None)
            .await
            .status(),
        404
    );
    let csv_text = app
        .api
        .get(app.url("/bodies/psb/actions.csv"))
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .unwrap_or_default();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader
            .headers()
            .map(|h| h.iter().map(str::to_string).collect::<Vec<_>>())
            .unwrap_or_default()[..3],
        ["id", "decision", "description"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][1], "psb/2027/001");
    assert_eq!(&rows[0][6], "done");

    // Minutes: drafted from the record, public only once approved at the next meeting.
    let minutes = format!("/meetings/{}/minutes", b.meeting);
    let html = clerk
        .get(app.url(&minutes))
        .send()
        .await
        .expect("minutes")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("Resolved (psb/2027/001)") && html.contains("Open the two clubs"),
        "drafted from the record: {html}"
    );
    // One sentence per action, without the description's full stop doubled.
    assert!(
        html.contains("Open the two clubs by the end of March – Test author")
            && !html.contains("March.:")
            && !html.contains("March. –"),
        "{html}"
    );
    let public = app
        .api
        .get(app.url(&minutes))
        .send()
        .await
        .expect("minutes")
        .text()
        .await
        .unwrap_or_default();
    assert!(!public.contains("psb/2027/001"), "drafts are not public");
    let resp = app
        .submit_form(
            &clerk,
            &minutes,
            &minutes,
            &[
                ("action", "approve"),
                ("confirm", "yes"),
                (
                    "body_markdown",
                    "# Minutes\n\nResolved (psb/2027/001): approved.",
                ),
                ("exempt_markdown", ""),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 422, "not before the next meeting");
    app.clock.set(
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 3, 9, 14, 10, 0)
            .single()
            .expect("time"),
    );
    let clerk = app.login("clerk@test.example", PASSWORD).await;
    let resp = app
        .submit_form(
            &clerk,
            &minutes,
            &minutes,
            &[
                ("action", "approve"),
                ("confirm", "yes"),
                (
                    "body_markdown",
                    "# Minutes\n\nResolved (psb/2027/001): approved.",
                ),
                ("exempt_markdown", "Tender prices discussed."),
                // The refused approval kept the text it was sent with.
                ("version", "2"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let public = app
        .api
        .get(app.url(&minutes))
        .send()
        .await
        .expect("minutes")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        public.contains("Resolved (psb/2027/001): approved."),
        "{public}"
    );
    assert!(
        !public.contains("Tender prices discussed."),
        "the exempt part is withheld"
    );
}

#[tokio::test]
async fn an_action_log_uploaded_on_the_page_reports_each_bad_row() {
    let app = TestApp::spawn().await;
    let _b = board(&app).await;
    let clerk = app.login("clerk@test.example", PASSWORD).await;
    let page = clerk
        .get(app.url("/bodies/psb/actions/import"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(page.contains("<h1>Import an action log</h1>"));
    let token = csrf_token(&page);
    let csv = "Action,Lead,Due date\nOpen the clubs,author@ashby.example,2027-02-01\nSurvey halls,nobody@example.org,2027-02-01\n";
    let send = |skip: bool| {
        let mut form = reqwest::multipart::Form::new()
            .text("csrf_token", token.clone())
            .text("map_owner_email", "Lead")
            .part(
                "file",
                reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("log.csv"),
            );
        if skip {
            form = form.text("skip_invalid", "true");
        }
        clerk
            .post(app.url("/bodies/psb/actions/import"))
            .header("Origin", &app.address)
            .multipart(form)
            .send()
    };
    let resp = send(false).await.expect("upload");
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.unwrap_or_default();
    assert!(
        html.contains("Line 3: unknown owner nobody@example.org")
            && html.contains("Nothing was imported."),
        "{html}"
    );
    let resp = send(true).await.expect("upload");
    assert_eq!(resp.status(), 200);
    assert!(
        resp.text()
            .await
            .unwrap_or_default()
            .contains("Imported 1 action (1 row skipped).")
    );
    let officer = app.login("officer@police.example", PASSWORD).await;
    let resp = officer
        .get(app.url("/bodies/psb/actions/import"))
        .send()
        .await
        .expect("page");
    assert_eq!(resp.status(), 403, "only the secretariat imports");
}

/// An action's owner who may not read exempt material sees the action, but
/// not the text of the exempt decision it carries out (the page showed it;
/// the API did not).
#[tokio::test]
async fn an_owner_does_not_read_the_exempt_decision_behind_their_action() {
    let app = TestApp::spawn_demo().await;
    let exempt = app
        .state
        .db(|c| {
            Ok(quorate::db::record::search_decisions(
                c,
                &quorate::db::record::DecisionFilter {
                    exempt: quorate::db::ExemptScope::All,
                    limit: 1000,
                    ..Default::default()
                },
            )?)
        })
        .await
        .expect("decisions")
        .into_iter()
        .find(|d| d.exempt)
        .expect("the demo has an exempt decision");
    let find = |email: &'static str| {
        let app = &app;
        async move {
            app.state
                .db(move |c| Ok(quorate::db::users::find_by_email(c, email)?))
                .await
                .expect("user")
                .expect("demo user")
        }
    };
    let clerk = find("sam.clarke@northshire.example").await;
    let officer = find("nadia.hussain@ashby.example").await;
    let token = app.token_for(&clerk.id).await;
    let resp = app
        .post_json(
            "/api/v1/actions",
            Some(&token),
            &serde_json::json!({"decision_id": exempt.id, "description": "Arrange the valuation visit", "owner_user_id": officer.id, "due_on": "2027-03-31"}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let action = crate::helpers::json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();

    let owner = app
        .login("nadia.hussain@ashby.example", quorate::demo::DEMO_PASSWORD)
        .await;
    let page = owner
        .get(app.url(&format!("/actions/{action}")))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        page.contains("Arrange the valuation visit"),
        "the owner sees their action"
    );
    assert!(page.contains(&exempt.reference));
    assert!(
        !page.contains(&exempt.text),
        "the exempt decision's text was shown to the action's owner"
    );
    // The secretariat still reads it.
    let clerk_page = app
        .login(
            "sam.clarke@northshire.example",
            quorate::demo::DEMO_PASSWORD,
        )
        .await
        .get(app.url(&format!("/actions/{action}")))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(clerk_page.contains(&exempt.text));
}
