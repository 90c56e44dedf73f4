//! The rules each body runs under (its rule profile): the notice period in
//! the timeline, the exempt catalogue a paper or item may cite, the public
//! interest test in Wales, and the public "reasons restricted" page.

use serde_json::{Value, json};

use crate::builders::post;
use crate::helpers::{TestApp, error_fields, json};

/// A body under `rules` with a clerk and a meeting on Thursday 14 January
/// 2027 at 10:00; returns (clerk token, author token, meeting id).
async fn body_with_meeting(
    app: &TestApp,
    admin: &str,
    slug: &str,
    rules: &str,
) -> (String, String, String) {
    let resp = post(
        app,
        "/api/v1/bodies",
        admin,
        json!({"name": format!("Board {slug}"), "slug": slug, "kind": "board", "policy": {"rules": rules}}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let org = app.create_organisation(&format!("Council {slug}")).await;
    let mut tokens = Vec::new();
    for (who, role) in [("clerk", "secretariat"), ("author", "officer")] {
        let u = app
            .create_user(&format!("{who}@{slug}.example"), &org, false)
            .await;
        let resp = app
            .put_json(
                &format!("/api/v1/bodies/{slug}/members/{}", u.id),
                Some(admin),
                &json!({"role": role}),
            )
            .await;
        assert!(resp.status().is_success());
        tokens.push(app.token_for(&u.id).await);
    }
    let resp = post(
        app,
        &format!("/api/v1/bodies/{slug}/meetings"),
        &tokens[0],
        json!({"starts_at": "2027-01-14T10:00:00Z", "ends_at": "2027-01-14T12:00:00Z", "location": "County Hall"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let meeting = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    (tokens[0].clone(), tokens[1].clone(), meeting)
}

fn publication_day(meeting: &Value) -> String {
    meeting["timeline"]["publication_deadline"]
        .as_str()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect()
}

#[tokio::test]
async fn a_welsh_board_gives_three_clear_days_notice_and_cites_part_4() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    let (_, english_author, english) = body_with_meeting(&app, &admin, "north", "england").await;
    let (clerk, author, welsh) = body_with_meeting(&app, &admin, "tawel", "wales-psb").await;

    // The body says which law it follows, in plain English, with its numbers.
    let body = json(app.get("/api/v1/bodies/tawel", None).await).await;
    assert_eq!(body["policy"]["rules"], "wales-psb");
    assert_eq!(body["policy"]["publication_clear_days"], 3);
    assert!(
        body["rules_summary"]
            .as_str()
            .is_some_and(|s| s.contains("every statutory member")),
        "{body}"
    );
    let page = app
        .get("/bodies/tawel", None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        page.contains("Well-being of Future Generations (Wales) Act 2015"),
        "{page}"
    );
    assert!(
        page.contains("legislation.gov.uk/anaw/2015/2"),
        "the sources are linked"
    );

    // Three clear working days in Wales, five in England, for the same day.
    let w = json(app.get(&format!("/api/v1/meetings/{welsh}"), None).await).await;
    let e = json(app.get(&format!("/api/v1/meetings/{english}"), None).await).await;
    assert_eq!(publication_day(&w), "2027-01-08", "{w}");
    assert_eq!(publication_day(&e), "2027-01-06", "{e}");

    // A paragraph from England's catalogue is refused, naming Wales's.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{welsh}/papers"),
        &author,
        json!({"title": "Leisure transfer", "exempt_category": 3}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    assert_eq!(error_fields(&problem), vec!["exempt_category"]);
    assert!(problem.to_string().contains("12 to 18"), "{problem}");
    // And an English body refuses a Welsh paragraph, naming its own.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{english}/papers"),
        &english_author,
        json!({"title": "Leisure transfer", "exempt_category": 14}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert!(json(resp).await.to_string().contains("1 to 7"));

    // A confidential verbal item in Wales needs its public interest test.
    let items = format!("/api/v1/meetings/{welsh}/agenda/items");
    let item = json!({"title": "Leisure centre negotiations SECRETMARK", "item_type": "decision",
        "verbal_reason": "Reported orally.", "exempt_category": 14});
    let resp = post(&app, &items, &clerk, item.clone()).await;
    assert_eq!(resp.status(), 422);
    assert_eq!(
        error_fields(&json(resp).await),
        vec!["exempt_public_interest"]
    );
    let mut item = item;
    item["exempt_public_interest"] =
        json!("Disclosure now would weaken the council's negotiating position.");
    let resp = post(&app, &items, &clerk, item).await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{welsh}/agenda/publish"),
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

    // The public agenda names the paragraph and the test, and links to why.
    let agenda = app
        .get(&format!("/meetings/{welsh}/agenda/versions/1"), None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        agenda.contains("Exempt – Schedule 12A, paragraph 14"),
        "{agenda}"
    );
    assert!(agenda.contains("Disclosure now would weaken"),);
    assert!(!agenda.contains("SECRETMARK"));
    let link = crate::helpers::link_in(
        &agenda,
        &format!("/meetings/{welsh}/agenda/versions/1/restricted/"),
    );
    let restricted = app.get(&link, None).await;
    assert_eq!(restricted.status(), 200, "{link}");
    let restricted = restricted.text().await.unwrap_or_default();
    for words in [
        "Schedule 12A, paragraph 14",
        "financial or business affairs",
        "The public interest test",
        "negotiating position",
    ] {
        assert!(restricted.contains(words), "{words}: {restricted}");
    }
    assert!(!restricted.contains("SECRETMARK"));

    // An item that is not restricted has no such page.
    let public = json(
        app.get(&format!("/api/v1/meetings/{welsh}/agenda/versions/1"), None)
            .await,
    )
    .await;
    let open_item = public["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["exempt_category"].is_null()))
        .and_then(|i| i["id"].as_str())
        .unwrap_or_default()
        .to_string();
    let resp = app
        .get(
            &format!("/meetings/{welsh}/agenda/versions/1/restricted/{open_item}"),
            None,
        )
        .await;
    assert_eq!(resp.status(), 404);
}

#[tokio::test]
async fn unknown_rules_are_refused_by_name() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    let resp = post(
        &app,
        "/api/v1/bodies",
        &admin,
        json!({"name": "Board", "slug": "ni", "kind": "board", "policy": {"rules": "northern-ireland", "publication_clear_days": 99}}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(
        fields,
        vec!["policy.publication_clear_days", "policy.rules"]
    );
    assert!(
        problem
            .to_string()
            .contains("england, wales, wales-psb, scotland or nhs-1960")
    );
}

#[tokio::test]
async fn a_psb_without_statutory_members_warns_and_still_serves_its_page() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    body_with_meeting(&app, &admin, "bare", "wales-psb").await;
    let body = json(app.get("/api/v1/bodies/bare", None).await).await;
    assert!(
        body["quorum_warning"]
            .as_str()
            .is_some_and(|w| w.contains("never be quorate")),
        "{body}"
    );
    let page = app.get("/bodies/bare", None).await;
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .unwrap_or_default()
            .contains("never be quorate")
    );
}
