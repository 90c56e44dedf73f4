//! Meetings, their timelines, and papers from draft to acceptance, including
//! the late-paper gate, on a real server and database.

use chrono::{Duration, TimeZone, Utc};
use serde_json::json;

use crate::builders::{board, complete, patch, post};
use crate::helpers::{TestApp, error_fields, json};

#[tokio::test]
async fn a_meeting_carries_its_timeline() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let resp = app
        .get(&format!("/api/v1/meetings/{}", b.meeting), None)
        .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["etag"], "\"1\"");
    let m = json(resp).await;
    // DOMAIN.md's worked example.
    assert_eq!(m["timeline"]["paper_deadline"], "2026-12-23T12:00:00Z");
    assert_eq!(
        m["timeline"]["publication_deadline"],
        "2027-01-04T17:00:00Z"
    );
    assert_eq!(m["timeline"]["proposal_deadline"], "2026-12-09T12:00:00Z");

    let resp = post(&app, "/api/v1/bodies/psb/meetings", &b.clerk, json!({})).await;
    assert_eq!(resp.status(), 422);
    assert_eq!(
        error_fields(&json(resp).await),
        ["starts_at", "ends_at", "location"]
    );
    let resp = post(&app, "/api/v1/bodies/psb/meetings", &b.clerk, json!({"starts_at": "2027-02-01T14:00:00Z", "ends_at": "2027-02-01T13:00:00Z", "location": "x"})).await;
    assert_eq!(error_fields(&json(resp).await), ["ends_at"]);
    let resp = post(
        &app,
        "/api/v1/bodies/psb/meetings",
        &b.clerk,
        json!({"starts_at": "12/01/2027", "ends_at": "2027-02-01T13:00:00Z", "location": "x"}),
    )
    .await;
    assert_eq!(error_fields(&json(resp).await), ["starts_at"]);
    let resp = post(&app, "/api/v1/bodies/psb/meetings", &b.member, json!({"starts_at": "2027-02-01T14:00:00Z", "ends_at": "2027-02-01T16:00:00Z", "location": "x"})).await;
    assert_eq!(resp.status(), 403);
}

#[tokio::test]
async fn a_paper_goes_from_draft_to_accepted() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        json!({"title": "Youth clubs"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let draft = json(resp).await;
    let id = draft["id"].as_str().unwrap_or_default().to_string();
    assert_eq!(draft["status"], "draft");
    assert!(
        draft["briefing_problems"]
            .as_array()
            .is_some_and(|p| p.len() > 5),
        "the author sees what is missing"
    );

    // Submitting now lists every unmet requirement at once.
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let fields = error_fields(&json(resp).await);
    for f in [
        "item_type",
        "sponsor_user_id",
        "purpose",
        "summary",
        "implications.financial",
        "priority_id",
        "body_markdown",
    ] {
        assert!(
            fields.contains(&f.to_string()),
            "{f} missing from {fields:?}"
        );
    }

    // Stale If-Match is refused; the right one saves a new version.
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        Some(7),
        &complete(&b),
    )
    .await;
    assert_eq!(resp.status(), 412);
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        Some(1),
        &complete(&b),
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["etag"], "\"2\"");
    let saved = json(resp).await;
    assert_eq!(saved["briefing_problems"], json!([]));
    assert!(
        saved["body_html"]
            .as_str()
            .is_some_and(|h| h.contains("<h2>Background</h2>") && h.contains("<table>"))
    );
    assert!(saved["word_count"].as_u64().is_some_and(|n| n > 10));

    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let submitted = json(resp).await;
    assert_eq!(
        (submitted["status"].as_str(), submitted["late"].as_bool()),
        (Some("submitted"), Some(false))
    );

    // Submitted papers are frozen for editing.
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        None,
        &json!({"title": "Changed"}),
    )
    .await;
    assert_eq!(resp.status(), 409);

    // The sponsor is asked to sign off.
    app.run_pending_jobs().await;
    assert!(app.emails().iter().any(|m| {
        m.to == ["ceo@ashby.example"]
            && m.header("Subject")
                .is_some_and(|s| s.contains("Sign-off needed"))
    }));

    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/accept"),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(json(resp).await["errors"][0]["code"], "sign_off_required");
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/sign-off"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 403, "only the sponsor signs off");
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/sign-off"),
        &b.sponsor,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/accept"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 403, "only the secretariat accepts");
    let resp = app
        .api
        .post(app.url(&format!("/api/v1/papers/{id}/accept")))
        .bearer_auth(&b.clerk)
        .send()
        .await
        .expect("accept");
    assert_eq!(resp.status(), 200, "an empty body is fine for an action");
    assert_eq!(json(resp).await["status"], "accepted");

    let audit = app
        .state
        .db(move |c| Ok(quorate::db::audit::for_entity(c, "paper", &id)?))
        .await
        .expect("audit");
    let actions: Vec<_> = audit.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "paper.create",
            "paper.update",
            "paper.submit",
            "paper.sign_off",
            "paper.accept"
        ]
    );
}

#[tokio::test]
async fn after_the_deadline_a_paper_needs_a_reason_and_the_chair() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let mut sheet = complete(&b);
    sheet["title"] = json!("Urgent: winter pressures");
    let id = json(
        post(
            &app,
            &format!("/api/v1/meetings/{}/papers", b.meeting),
            &b.author,
            sheet,
        )
        .await,
    )
    .await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/sign-off"),
        &b.sponsor,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200, "the sponsor can sign off a draft");

    // One minute after the 12:00 cut-off on Wednesday 23 December 2026.
    app.clock.set(
        Utc.with_ymd_and_hms(2026, 12, 23, 12, 1, 0)
            .single()
            .expect("time"),
    );
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    assert_eq!(problem["errors"][0]["code"], "late_reason_required");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("Wednesday 23 December 2026 at 12:00"))
    );

    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({"late_reason": "Hospital discharge figures were published on 22 December."}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let p = json(resp).await;
    assert_eq!(
        (p["late"].as_bool(), p["late_decision"].is_null()),
        (Some(true), true)
    );

    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/accept"),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(json(resp).await["errors"][0]["code"], "late_not_approved");
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/late-decision"),
        &b.clerk,
        json!({"approve": true, "note": "ok"}),
    )
    .await;
    assert_eq!(resp.status(), 403, "only the chair decides");
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/late-decision"),
        &b.chair,
        json!({"approve": true}),
    )
    .await;
    assert_eq!(resp.status(), 422, "the decision needs a note");
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/late-decision"),
        &b.chair,
        json!({"approve": true, "note": "Urgent: the figures arrived after the deadline."}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/accept"),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);

    app.run_pending_jobs().await;
    let subjects: Vec<(Vec<String>, String)> = app
        .emails()
        .iter()
        .map(|m| (m.to.clone(), m.header("Subject").unwrap_or_default()))
        .collect();
    assert!(
        subjects
            .iter()
            .any(|(to, s)| to == &["chair@test.example"] && s.contains("Late paper to decide")),
        "{subjects:?}"
    );
    assert!(
        subjects
            .iter()
            .any(|(to, s)| to == &["author@ashby.example"] && s.contains("Late paper approved")),
        "{subjects:?}"
    );
}

#[tokio::test]
async fn word_limits_state_the_count_and_a_rejected_submission_loses_nothing() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let mut sheet = complete(&b);
    sheet["body_markdown"] = json!("word ".repeat(2501));
    sheet["summary"] = json!("word ".repeat(251));
    let created = json(
        post(
            &app,
            &format!("/api/v1/meetings/{}/papers", b.meeting),
            &b.author,
            sheet.clone(),
        )
        .await,
    )
    .await;
    let id = created["id"].as_str().unwrap_or_default().to_string();
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    let messages: Vec<&str> = problem["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["message"].as_str())
        .collect();
    assert!(
        messages.contains(&"The paper has 2501 words; the limit is 2500."),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"The executive summary has 251 words; the limit is 250."),
        "{messages:?}"
    );

    let after = json(
        app.get(&format!("/api/v1/papers/{id}"), Some(&b.author))
            .await,
    )
    .await;
    assert_eq!(after["status"], "draft");
    assert_eq!(after["body_markdown"], sheet["body_markdown"]);
    assert_eq!(after["recommendations"], sheet["recommendations"]);
    assert_eq!(after["version"], created["version"], "nothing was written");
}

#[tokio::test]
async fn papers_are_only_for_scheduled_future_meetings_and_authors_hear_of_changes() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let past = json(post(&app, "/api/v1/bodies/psb/meetings", &b.clerk, json!({"starts_at": "2026-10-01T14:00:00Z", "ends_at": "2026-10-01T16:00:00Z", "location": "County Hall"})).await).await;
    let resp = post(
        &app,
        &format!(
            "/api/v1/meetings/{}/papers",
            past["id"].as_str().unwrap_or_default()
        ),
        &b.author,
        json!({"title": "Too late"}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(json(resp).await["errors"][0]["code"], "meeting_past");

    let id = json(
        post(
            &app,
            &format!("/api/v1/meetings/{}/papers", b.meeting),
            &b.author,
            complete(&b),
        )
        .await,
    )
    .await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();

    // Moving the meeting a week later recomputes the timeline and tells the author.
    let move_to = json!({"starts_at": "2027-01-19T14:00:00Z", "ends_at": "2027-01-19T16:00:00Z"});
    let resp = patch(
        &app,
        &format!("/api/v1/meetings/{}", b.meeting),
        &b.clerk,
        Some(9),
        &move_to,
    )
    .await;
    assert_eq!(resp.status(), 412);
    let resp = patch(
        &app,
        &format!("/api/v1/meetings/{}", b.meeting),
        &b.clerk,
        Some(1),
        &move_to,
    )
    .await;
    assert_eq!(resp.status(), 200);
    let moved = json(resp).await;
    assert_eq!(
        moved["location"], "County Hall, Committee Room 1",
        "unchanged fields stay"
    );
    assert_eq!(moved["timeline"]["paper_deadline"], "2027-01-04T12:00:00Z");
    app.run_pending_jobs().await;
    let mail = app
        .emails()
        .into_iter()
        .find(|m| m.to == ["author@ashby.example"] && m.text().contains("has changed"))
        .expect("the author is told");
    assert!(
        mail.text().contains("Monday 4 January 2027 at 12:00"),
        "{}",
        mail.text()
    );

    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/cancel", b.meeting),
        &b.clerk,
        json!({"reason": "Not quorate"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(json(resp).await["errors"][0]["code"], "meeting_cancelled");
    app.clock.advance(Duration::seconds(1));
    app.run_pending_jobs().await;
    assert!(app.emails().iter().any(|m| {
        m.to == ["author@ashby.example"]
            && m.header("Subject")
                .is_some_and(|s| s.starts_with("Cancelled:"))
    }));
}

#[tokio::test]
async fn who_sees_a_paper() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let id = json(
        post(
            &app,
            &format!("/api/v1/meetings/{}/papers", b.meeting),
            &b.author,
            complete(&b),
        )
        .await,
    )
    .await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let path = format!("/api/v1/papers/{id}");
    assert_eq!(
        app.get(&path, None).await.status(),
        404,
        "the public cannot see a draft"
    );
    assert_eq!(
        app.get(&path, Some(&b.member)).await.status(),
        404,
        "members see papers once submitted"
    );
    assert_eq!(app.get(&path, Some(&b.clerk)).await.status(), 200);
    post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(app.get(&path, Some(&b.member)).await.status(), 200);

    // An exempt paper: never to the public or to officers, always to members.
    let mut sheet = complete(&b);
    sheet["title"] = json!("Commercial property disposal");
    sheet["exempt_category"] = json!(3);
    sheet["exempt_reason"] = json!("Financial affairs of a named company.");
    let exempt = json(
        post(
            &app,
            &format!("/api/v1/meetings/{}/papers", b.meeting),
            &b.author,
            sheet,
        )
        .await,
    )
    .await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    post(
        &app,
        &format!("/api/v1/papers/{exempt}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    let path = format!("/api/v1/papers/{exempt}");
    assert_eq!(app.get(&path, None).await.status(), 404);
    assert_eq!(
        app.get(&path, Some(&b.officer_elsewhere)).await.status(),
        404
    );
    assert_eq!(app.get(&path, Some(&b.member)).await.status(), 200);
    let listed = json(
        app.get(
            &format!("/api/v1/meetings/{}/papers", b.meeting),
            Some(&b.officer_elsewhere),
        )
        .await,
    )
    .await;
    assert!(
        !listed.to_string().contains("Commercial property"),
        "the list hides it too"
    );
    let _ = &b.admin;
}

#[tokio::test]
async fn returned_papers_keep_their_content_and_can_be_resubmitted() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let id = json(
        post(
            &app,
            &format!("/api/v1/meetings/{}/papers", b.meeting),
            &b.author,
            complete(&b),
        )
        .await,
    )
    .await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/return"),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422, "a return needs a reason");
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/return"),
        &b.clerk,
        json!({"reason": "Add the running costs for year two."}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let returned = json(resp).await;
    assert_eq!(returned["status"], "returned");
    assert_eq!(
        returned["summary"],
        "Two clubs would open on Friday nights from April."
    );
    app.run_pending_jobs().await;
    assert!(app.emails().iter().any(|m| m.to == ["author@ashby.example"]
        && m.text().contains("Add the running costs for year two.")));
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        None,
        &json!({"summary": "Two clubs, with running costs for two years."}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(json(resp).await["status"], "submitted");
}

/// An author cannot name themselves sponsor and sign off their own paper.
#[tokio::test]
async fn an_author_cannot_sponsor_their_own_paper() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        json!({"title": "Youth clubs"}),
    )
    .await;
    let id = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut cover = complete(&b);
    cover["sponsor_user_id"] = json!(b.author_id);
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        Some(1),
        &cover,
    )
    .await;
    assert_eq!(resp.status(), 200);
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/sign-off"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 409, "no signing off one's own paper");
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    assert!(
        problem["errors"].as_array().is_some_and(|e| e
            .iter()
            .any(|e| e["code"] == "sponsor_is_author" && e["field"] == "sponsor_user_id")),
        "{problem}"
    );
}
