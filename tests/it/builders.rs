//! One place for the fixtures the integration tests build on: a board with
//! its people and a meeting, a complete cover sheet, a paper taken to
//! accepted, and a published agenda. Each is made through the API, as a
//! client would.

use serde_json::{Value, json};

use crate::helpers::{TestApp, json};

/// A board with a chair, a secretariat, a district-council officer (author),
/// that council's chief executive (sponsor), a member, and a meeting on
/// Tuesday 12 January 2027 at 14:00.
pub(crate) struct Board {
    pub(crate) admin: String,
    pub(crate) clerk: String,
    pub(crate) chair: String,
    pub(crate) author: String,
    pub(crate) author_id: String,
    pub(crate) sponsor: String,
    pub(crate) sponsor_id: String,
    pub(crate) member: String,
    pub(crate) officer_elsewhere: String,
    pub(crate) district: String,
    pub(crate) police: String,
    pub(crate) priority: String,
    pub(crate) meeting: String,
}

pub(crate) async fn board(app: &TestApp) -> Board {
    board_with_policy(app, json!({})).await
}

/// As `board`, under the policy given (`{"rules": "wales-psb"}` for a
/// bilingual Welsh board).
pub(crate) async fn board_with_policy(app: &TestApp, policy: Value) -> Board {
    let (admin, admin_token) = app.admin().await;
    let resp = app
        .post_json(
            "/api/v1/bodies",
            Some(&admin_token),
            &json!({"name": "Northshire Public Service Board", "slug": "psb", "kind": "board", "policy": policy}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let district = app.create_organisation("Ashby District Council").await;
    let police = app.create_organisation("Northshire Police Authority").await;
    let mut tokens = Vec::new();
    let mut ids = Vec::new();
    for (email, org, role) in [
        (
            "clerk@test.example",
            admin.organisation_id.as_str(),
            "secretariat",
        ),
        (
            "chair@test.example",
            admin.organisation_id.as_str(),
            "chair",
        ),
        ("author@ashby.example", district.as_str(), "officer"),
        ("ceo@ashby.example", district.as_str(), "member"),
        ("member@police.example", police.as_str(), "member"),
        ("officer@police.example", police.as_str(), "officer"),
    ] {
        let u = app.create_user(email, org, false).await;
        app.put_json(
            &format!("/api/v1/bodies/psb/members/{}", u.id),
            Some(&admin_token),
            &json!({"role": role}),
        )
        .await;
        tokens.push(app.token_for(&u.id).await);
        ids.push(u.id);
    }
    let priority = json(
        app.post_json(
            "/api/v1/bodies/psb/priorities",
            Some(&tokens[0]),
            &json!({"title": "Narrowing the gap"}),
        )
        .await,
    )
    .await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = app
        .post_json("/api/v1/bodies/psb/meetings", Some(&tokens[0]), &json!({"starts_at": "2027-01-12T14:00:00Z", "ends_at": "2027-01-12T16:00:00Z", "location": "County Hall, Committee Room 1"}))
        .await;
    assert_eq!(resp.status(), 201);
    let meeting = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    Board {
        admin: admin_token,
        clerk: tokens[0].clone(),
        chair: tokens[1].clone(),
        author: tokens[2].clone(),
        author_id: ids[2].clone(),
        sponsor: tokens[3].clone(),
        sponsor_id: ids[3].clone(),
        member: tokens[4].clone(),
        officer_elsewhere: tokens[5].clone(),
        district,
        police,
        priority,
        meeting,
    }
}

/// A cover sheet that meets every requirement.
pub(crate) fn complete(b: &Board) -> Value {
    json!({
        "title": "Youth clubs in Ashby",
        "item_type": "decision",
        "presenting_organisation_id": b.district,
        "presenter_user_id": b.author_id,
        "sponsor_user_id": b.sponsor_id,
        "purpose": "To agree funding for two youth clubs.",
        "summary": "Two clubs would open on Friday nights from April.",
        "recommendations": ["Approve £20,000 from the partnership fund for two youth clubs."],
        "implications": {"financial": "£20,000 from the partnership fund.", "legal": "none", "risk": "Low.", "equality": "Assessment attached; no adverse impact.", "equality_assessment": "done", "environment": "none"},
        "consulted_organisation_ids": [b.police],
        "priority_id": b.priority,
        "body_markdown": "## Background\n\nYoung people asked for somewhere to go on Friday nights.\n\n| Club | Cost |\n|---|--:|\n| North | £10,000 |\n| South | £10,000 |\n"
    })
}

pub(crate) async fn post(app: &TestApp, path: &str, token: &str, body: Value) -> reqwest::Response {
    app.post_json(path, Some(token), &body).await
}

/// Creates something through the API (201 expected) and answers its id.
pub(crate) async fn created(app: &TestApp, path: &str, token: &str, body: Value) -> String {
    let resp = post(app, path, token, body).await;
    let status = resp.status();
    let answer = json(resp).await;
    assert_eq!(status, 201, "{path}: {answer}");
    answer["id"].as_str().unwrap_or_default().to_string()
}

pub(crate) async fn patch(
    app: &TestApp,
    path: &str,
    token: &str,
    version: Option<i64>,
    body: &Value,
) -> reqwest::Response {
    let mut req = app.api.patch(app.url(path)).bearer_auth(token).json(body);
    if let Some(v) = version {
        req = req.header("If-Match", format!("\"{v}\""));
    }
    req.send().await.expect("patch")
}

/// Takes a paper from draft to accepted; returns its id.
pub(crate) async fn accepted_paper(app: &TestApp, b: &Board, body: Value) -> String {
    let resp = post(
        app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        body,
    )
    .await;
    assert_eq!(resp.status(), 201);
    let id = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    submit_sign_accept(app, b, &id).await;
    id
}

pub(crate) async fn submit_sign_accept(app: &TestApp, b: &Board, id: &str) {
    let resp = post(
        app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
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
        app,
        &format!("/api/v1/papers/{id}/sign-off"),
        &b.sponsor,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let resp = post(
        app,
        &format!("/api/v1/papers/{id}/accept"),
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
}

pub(crate) fn exempt_paper(b: &Board, marker: &str) -> Value {
    let mut p = complete(b);
    for field in [
        "title",
        "purpose",
        "summary",
        "body_markdown",
        "no_priority_reason",
    ] {
        p[field] = json!(format!("{marker} {field} text"));
    }
    p["recommendations"] = json!([format!("{marker} recommendation")]);
    p["implications"] = json!({
        "financial": format!("{marker} financial"), "legal": format!("{marker} legal"),
        "risk": format!("{marker} risk"), "equality": format!("{marker} equality"),
        "equality_assessment": "done", "environment": format!("{marker} environment")
    });
    p["exempt_category"] = json!(3);
    p["exempt_reason"] = json!(format!("{marker} commercially sensitive tender prices"));
    p["item_type"] = json!("decision");
    p
}

/// Publishes the meeting's agenda as its secretariat; the API's answer
/// (version, publication time, recipients).
pub(crate) async fn published_agenda(app: &TestApp, b: &Board) -> Value {
    let resp = post(
        app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
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
    json(resp).await
}

/// A smaller board for the body and account pages: a secretariat (clerk),
/// a police officer as vice-chair, two priorities; returns the admin's token
/// and organisation.
pub(crate) async fn body_page_board(app: &TestApp) -> (String, String) {
    let (admin, token) = app.admin().await;
    app.post_json(
        "/api/v1/bodies",
        Some(&token),
        &json!({"name": "Northshire Public Service Board", "slug": "psb", "kind": "board"}),
    )
    .await;
    let police = app.create_organisation("Northshire Police Authority").await;
    let clerk = app
        .create_user("clerk@test.example", &admin.organisation_id, false)
        .await;
    let officer = app
        .create_user("officer@test.example", &police, false)
        .await;
    app.put_json(
        &format!("/api/v1/bodies/psb/members/{}", clerk.id),
        Some(&token),
        &json!({"role": "secretariat"}),
    )
    .await;
    app.put_json(
        &format!("/api/v1/bodies/psb/members/{}", officer.id),
        Some(&token),
        &json!({"role": "vice_chair"}),
    )
    .await;
    for t in ["Narrowing the gap", "Economic recovery"] {
        app.post_json(
            "/api/v1/bodies/psb/priorities",
            Some(&token),
            &json!({"title": t}),
        )
        .await;
    }
    (token, admin.organisation_id)
}
