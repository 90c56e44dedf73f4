//! Registers of interests: kept by each person, read as their
//! organisation's policy says, and warned of on agendas; members declare
//! from their briefing, and the declaration reaches the record.

use serde_json::{Value, json};

use crate::builders::post;
use crate::helpers::{TestApp, error_fields, json};
use crate::rules::{body_with_policy, seat};

async fn register(app: &TestApp, user: &str, token: Option<&str>) -> (u16, Value) {
    let resp = app
        .get(&format!("/api/v1/users/{user}/interests"), token)
        .await;
    let status = resp.status().as_u16();
    (status, json(resp).await)
}

#[tokio::test]
async fn a_register_is_kept_checked_read_as_policy_says_and_warns_of_conflicts() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    let (clerk, _, meeting) = body_with_policy(&app, &admin, "reg", json!({})).await;
    let ids = seat(
        &app,
        &admin,
        "reg",
        &[("ann", "member", None), ("bob", "member", None)],
    )
    .await;
    let (ann, bob) = (app.token_for(&ids[0]).await, app.token_for(&ids[1]).await);
    let trust = app.create_organisation("Northshire Housing Trust").await;
    let path = format!("/api/v1/users/{}/interests", ids[0]);

    // Every problem at once, each at its field.
    let resp = post(&app, &path, &ann, json!({"kind": "gifts", "organisation_id": "nowhere", "starts_on": "2026-02-30", "ends_on": "2025-01-01"})).await;
    assert_eq!(resp.status(), 422);
    assert_eq!(
        error_fields(&json(resp).await),
        vec!["description", "organisation_id", "value", "starts_on"]
    );
    // A gift under the organisation's threshold (£50 unless set) is not
    // registered; one over it is, with its value.
    let gift = |value: &str| json!({"kind": "gifts", "description": "Tickets to the county show", "value": value, "starts_on": "2026-06-01", "ends_on": "2026-06-01"});
    let resp = post(&app, &path, &ann, gift("£40")).await;
    assert_eq!(resp.status(), 422);
    assert!(json(resp).await.to_string().contains("under £50.00"));
    let resp = post(&app, &path, &ann, gift("£65.50")).await;
    assert_eq!(resp.status(), 201);
    assert_eq!(json(resp).await["value_pence"], 6550);
    let resp = post(&app, &path, &ann, json!({"kind": "memberships", "description": "Trustee", "organisation_id": trust, "starts_on": "2025-04-01", "ends_on": "2025-03-01"})).await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), vec!["ends_on"]);
    let resp = post(&app, &path, &ann, json!({"kind": "memberships", "description": "Trustee", "organisation_id": trust, "starts_on": "2025-04-01"})).await;
    assert_eq!(resp.status(), 201);
    // Nobody else keeps her register.
    let resp = post(
        &app,
        &path,
        &bob,
        json!({"kind": "land", "description": "A field", "starts_on": "2025-04-01"}),
    )
    .await;
    assert_eq!(resp.status(), 404);

    // Her organisation does not publish registers: she, the secretariat and
    // administrators read it; the public and other members do not.
    assert_eq!(register(&app, &ids[0], None).await.0, 404);
    assert_eq!(register(&app, &ids[0], Some(&bob)).await.0, 404);
    let (status, hers) = register(&app, &ids[0], Some(&clerk)).await;
    assert_eq!(status, 200);
    assert_eq!(hers["interests"].as_array().map(Vec::len), Some(2));
    assert_eq!(register(&app, &ids[0], Some(&ann)).await.0, 200);
    // Her organisation decides to publish: now anyone may read it, on her
    // public profile too.
    let org = hers["organisation"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let org_id = json(app.get("/api/v1/organisations", Some(&admin)).await).await["items"]
        .as_array()
        .and_then(|v| v.iter().find(|o| o["name"] == org.as_str()))
        .and_then(|o| o["id"].as_str())
        .unwrap_or_default()
        .to_string();
    let policy = format!("/api/v1/organisations/{org_id}/interest-policy");
    let resp = app
        .put_json(
            &policy,
            Some(&clerk),
            &json!({"gift_threshold": "100", "publish": true}),
        )
        .await;
    assert_eq!(resp.status(), 403, "administrators only");
    let resp = app
        .put_json(
            &policy,
            Some(&admin),
            &json!({"gift_threshold": "100", "publish": true}),
        )
        .await;
    assert_eq!(resp.status(), 200);
    let (status, public) = register(&app, &ids[0], None).await;
    assert_eq!(status, 200);
    assert_eq!(public["published"], true);
    assert_eq!(public["gift_threshold"], "£100.00");
    let profile = app
        .get(&format!("/people/{}/interests", ids[0]), None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(profile.contains("Trustee") && profile.contains("Northshire Housing Trust"));
    assert!(profile.contains("£65.50"), "the gift, now ended, is listed");

    // An item presented by the trust: the secretariat is warned on the
    // agenda builder, and Ann on her briefing.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{meeting}/agenda/items"),
        &clerk,
        json!({"title": "Supported housing plan", "item_type": "decision", "verbal_reason": "Presented on the day", "organisation_id": trust}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let item = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let builder = app
        .page_as("clerk@reg.example", &format!("/meetings/{meeting}/agenda"))
        .await;
    assert!(
        builder.contains("Test ann has registered an interest in Northshire Housing Trust"),
        "{builder}"
    );
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{meeting}/agenda/publish"),
        &clerk,
        json!({}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let briefing = app
        .page_as("ann@reg.example", &format!("/meetings/{meeting}/briefing"))
        .await;
    assert!(
        briefing.contains("has registered an interest in Northshire Housing Trust"),
        "{briefing}"
    );
    let theirs = app
        .page_as("bob@reg.example", &format!("/meetings/{meeting}/briefing"))
        .await;
    assert!(theirs.contains("Nothing on this agenda names an organisation in your register"));

    // Someone who is not at the body's table cannot declare on its
    // items, however the request is made (the form itself is driven in
    // the browser journeys).
    let org2 = app.create_organisation("Elsewhere").await;
    app.create_user("stranger@reg.example", &org2, false).await;
    let browser = app
        .login("stranger@reg.example", crate::helpers::PASSWORD)
        .await;
    let resp = app
        .submit_form(
            &browser,
            "/account",
            &format!("/meetings/{meeting}/briefing/declarations"),
            &[("item_id", item.as_str()), ("interest", "Anything")],
        )
        .await;
    assert_eq!(resp.status(), 403);
}
