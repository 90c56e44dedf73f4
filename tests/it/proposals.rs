//! Item proposals: before the proposal deadline, decided by the secretariat,
//! and the proposer told.

use chrono::{TimeZone, Utc};
use serde_json::json;

use crate::helpers::{TestApp, error_fields, json};

#[tokio::test]
async fn proposals_are_made_before_the_deadline_and_decided_by_the_secretariat() {
    let app = TestApp::spawn().await;
    let (admin, token) = app.admin().await;
    app.post_json(
        "/api/v1/bodies",
        Some(&token),
        &json!({"name": "Board", "slug": "psb", "kind": "board"}),
    )
    .await;
    let district = app.create_organisation("Ashby District Council").await;
    let officer = app
        .create_user("officer@ashby.example", &district, false)
        .await;
    let clerk = app
        .create_user("clerk@test.example", &admin.organisation_id, false)
        .await;
    app.put_json(
        &format!("/api/v1/bodies/psb/members/{}", officer.id),
        Some(&token),
        &json!({"role": "officer"}),
    )
    .await;
    app.put_json(
        &format!("/api/v1/bodies/psb/members/{}", clerk.id),
        Some(&token),
        &json!({"role": "secretariat"}),
    )
    .await;
    let (officer_t, clerk_t) = (
        app.token_for(&officer.id).await,
        app.token_for(&clerk.id).await,
    );
    let priority = json(
        app.post_json(
            "/api/v1/bodies/psb/priorities",
            Some(&clerk_t),
            &json!({"title": "Economic recovery"}),
        )
        .await,
    )
    .await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut meetings = Vec::new();
    for day in ["2027-01-12", "2027-02-09"] {
        let m = json(app.post_json("/api/v1/bodies/psb/meetings", Some(&clerk_t), &json!({"starts_at": format!("{day}T14:00:00Z"), "ends_at": format!("{day}T16:00:00Z"), "location": "County Hall"})).await).await;
        meetings.push(m["id"].as_str().unwrap_or_default().to_string());
    }
    let path = format!("/api/v1/meetings/{}/proposals", meetings[0]);

    let resp = app.post_json(&path, Some(&officer_t), &json!({})).await;
    assert_eq!(resp.status(), 422);
    assert_eq!(
        error_fields(&json(resp).await),
        [
            "title",
            "item_type",
            "presenting_organisation_id",
            "priority_id"
        ]
    );

    let item = json!({"title": "Town-centre grants", "item_type": "decision", "presenting_organisation_id": district, "priority_id": priority, "minutes_estimate": 15});
    let mut ids = Vec::new();
    for n in 0..3 {
        let mut body = item.clone();
        body["title"] = json!(format!("Town-centre grants {n}"));
        let resp = app.post_json(&path, Some(&officer_t), &body).await;
        assert_eq!(resp.status(), 201);
        ids.push(
            json(resp).await["id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }

    assert_eq!(
        app.post_json(
            &format!("/api/v1/proposals/{}/accept", ids[0]),
            Some(&officer_t),
            &json!({})
        )
        .await
        .status(),
        403
    );
    let accepted = json(
        app.post_json(
            &format!("/api/v1/proposals/{}/accept", ids[0]),
            Some(&clerk_t),
            &json!({}),
        )
        .await,
    )
    .await;
    assert_eq!(accepted["status"], "accepted");
    let paper = json(
        app.get(
            &format!(
                "/api/v1/papers/{}",
                accepted["paper_id"].as_str().unwrap_or_default()
            ),
            Some(&officer_t),
        )
        .await,
    )
    .await;
    assert_eq!(
        (
            paper["status"].as_str(),
            paper["title"].as_str(),
            paper["author_user_id"].as_str()
        ),
        (
            Some("draft"),
            Some("Town-centre grants 0"),
            Some(officer.id.as_str())
        )
    );
    assert_eq!(paper["minutes_allocated"], 15);
    assert_eq!(
        app.post_json(
            &format!("/api/v1/proposals/{}/decline", ids[0]),
            Some(&clerk_t),
            &json!({"reason": "x"})
        )
        .await
        .status(),
        409,
        "decided once"
    );

    let deferred = json(
        app.post_json(
            &format!("/api/v1/proposals/{}/defer", ids[1]),
            Some(&clerk_t),
            &json!({"meeting_id": meetings[1]}),
        )
        .await,
    )
    .await;
    assert_eq!(deferred["status"], "deferred");
    let later = json(
        app.get(
            &format!("/api/v1/meetings/{}/proposals", meetings[1]),
            Some(&officer_t),
        )
        .await,
    )
    .await;
    assert_eq!(later[0]["title"], "Town-centre grants 1");
    assert_eq!(later[0]["status"], "proposed");

    let resp = app
        .post_json(
            &format!("/api/v1/proposals/{}/decline", ids[2]),
            Some(&clerk_t),
            &json!({}),
        )
        .await;
    assert_eq!(resp.status(), 422, "a decline needs a reason");
    let resp = app
        .post_json(
            &format!("/api/v1/proposals/{}/decline", ids[2]),
            Some(&clerk_t),
            &json!({"reason": "Covered by the economic strategy item."}),
        )
        .await;
    assert_eq!(json(resp).await["status"], "declined");

    app.run_pending_jobs().await;
    let subjects: Vec<String> = app
        .emails()
        .iter()
        .filter(|m| m.to == ["officer@ashby.example"])
        .filter_map(|m| m.header("Subject"))
        .collect();
    for expected in ["accepted", "deferred", "declined"] {
        assert!(
            subjects.iter().any(|s| s.ends_with(expected)),
            "{expected} not in {subjects:?}"
        );
    }

    // After the proposal deadline (Wednesday 9 December 2026, 12:00), no more.
    app.clock.set(
        Utc.with_ymd_and_hms(2026, 12, 9, 12, 1, 0)
            .single()
            .expect("time"),
    );
    let resp = app.post_json(&path, Some(&officer_t), &item).await;
    assert_eq!(resp.status(), 422);
    assert_eq!(
        json(resp).await["errors"][0]["code"],
        "proposal_deadline_passed"
    );
}
