//! "What we achieved", from the outside: a decision appears once every
//! action it set is done, under its paper's priority, with the owners'
//! organisations; never while one is open, and never when it or one of its
//! actions is confidential.

use serde_json::{Value, json};

use crate::builders::{Board, board, complete, post};
use crate::helpers::{TestApp, json};

/// Records a decision on the agenda item of `kind` (or a new verbal item,
/// exempt when `exempt`), with one action per owner; returns the decision
/// id and the actions' ids.
async fn decision_with_actions(
    app: &TestApp,
    b: &Board,
    item: &str,
    text: &str,
    owners: &[&str],
) -> (String, Vec<String>) {
    let resp = post(
        app,
        &format!("/api/v1/meetings/{}/decisions", b.meeting),
        &b.clerk,
        json!({"item_id": item, "text": text}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let decision = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut actions = Vec::new();
    for (n, owner) in owners.iter().enumerate() {
        let resp = post(
            app,
            "/api/v1/actions",
            &b.clerk,
            json!({"decision_id": decision, "description": format!("{text}: step {n}"), "owner_user_id": owner, "due_on": "2026-12-10"}),
        )
        .await;
        assert_eq!(
            resp.status(),
            201,
            "{}",
            resp.text().await.unwrap_or_default()
        );
        actions.push(
            json(resp).await["id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    (decision, actions)
}

async fn done(app: &TestApp, b: &Board, action: &str) {
    let resp = crate::builders::patch(
        app,
        &format!("/api/v1/actions/{action}"),
        &b.clerk,
        Some(1),
        &json!({"status": "done", "note": "Finished."}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
}

async fn outcomes(app: &TestApp, path: &str) -> Value {
    let resp = app.get(path, None).await;
    assert_eq!(resp.status(), 200);
    json(resp).await
}

#[tokio::test]
async fn a_decision_is_an_achievement_once_every_action_is_done() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    // A paper serving the Board's priority, on the agenda.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        complete(&b),
    )
    .await;
    let paper = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/papers/{paper}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let agenda = json(
        app.get(
            &format!("/api/v1/meetings/{}/agenda", b.meeting),
            Some(&b.clerk),
        )
        .await,
    )
    .await;
    let item = |kind: &str| {
        agenda["items"]
            .as_array()
            .and_then(|v| v.iter().find(|i| i["kind"] == kind))
            .and_then(|i| i["id"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    let (author, member) = (b.author_id.clone(), b.sponsor_id.clone());
    let (_, clubs) = decision_with_actions(
        &app,
        &b,
        &item("substantive"),
        "Funded two youth clubs in Ashby",
        &[&author, &member],
    )
    .await;
    // A confidential item's decision, and one with a confidential action.
    let resp = post(&app, &format!("/api/v1/meetings/{}/agenda/items", b.meeting), &b.clerk,
        json!({"title": "Tender award", "item_type": "decision", "verbal_reason": "Prices are confidential", "exempt_category": 3})).await;
    let secret_item = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let (_, secret) = decision_with_actions(
        &app,
        &b,
        &secret_item,
        "Awarded the ZQXTENDER contract",
        &[&author],
    )
    .await;
    for a in clubs.iter().take(1).chain(&secret) {
        done(&app, &b, a).await;
    }

    // One of the clubs' two actions is still open: nothing achieved yet.
    let none = outcomes(&app, "/api/v1/bodies/psb/outcomes").await;
    assert_eq!(none["total"], 0, "{none}");
    assert!(!none.to_string().contains("ZQXTENDER"));

    done(&app, &b, &clubs[1]).await;
    let body = outcomes(&app, "/api/v1/bodies/psb/outcomes").await;
    assert_eq!(body["total"], 1, "{body}");
    assert_eq!(body["body"], "psb");
    let group = &body["groups"][0];
    assert_eq!(group["priority"], "Narrowing the gap");
    let o = &group["outcomes"][0];
    assert_eq!(o["text"], "Funded two youth clubs in Ashby");
    assert_eq!(o["achieved_on"], "2026-11-26");
    assert_eq!(
        o["organisations"],
        json!(["Ashby District Council"]),
        "both owners are Ashby's"
    );
    let all = outcomes(&app, "/api/v1/outcomes").await;
    assert_eq!(
        all["groups"], body["groups"],
        "the partnership lists it too"
    );
    assert!(
        !all.to_string().contains("ZQXTENDER"),
        "confidential: {all}"
    );

    // The pages, as the public reads them, and as the secretariat.
    for who in [None, Some("clerk@test.example")] {
        let page = match who {
            None => app
                .get("/bodies/psb/outcomes", None)
                .await
                .text()
                .await
                .unwrap_or_default(),
            Some(email) => app.page_as(email, "/outcomes").await,
        };
        assert!(page.contains("<h2>Narrowing the gap</h2>"), "{page}");
        assert!(page.contains("Funded two youth clubs in Ashby"));
        assert!(
            page.contains(
                "Actions done by Ashby District Council; the last on Thursday 26 November 2026."
            ),
            "{page}"
        );
        assert!(!page.contains("ZQXTENDER"), "never listed, whoever reads");
    }
    // As a spreadsheet: a CSV a parser reads, a row per achievement.
    for path in ["/outcomes.csv", "/bodies/psb/outcomes.csv"] {
        let resp = app.get(path, None).await;
        assert_eq!(resp.status(), 200);
        let body = resp.text().await.unwrap_or_default();
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .expect("a header")
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(
            header,
            [
                "priority",
                "reference",
                "body",
                "decided_on",
                "achieved_on",
                "organisations",
                "decision"
            ]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        assert_eq!(rows.len(), 1, "{body}");
        assert_eq!(&rows[0][0], "Narrowing the gap");
        assert_eq!(&rows[0][4], "2026-11-26");
        assert_eq!(&rows[0][6], "Funded two youth clubs in Ashby");
        assert!(!body.contains("ZQXTENDER"));
    }
    let home = app.get("/", None).await.text().await.unwrap_or_default();
    assert!(
        home.contains("href=\"/outcomes\""),
        "linked from the home page"
    );
    assert_eq!(
        app.get("/api/v1/bodies/no-such-body/outcomes", None)
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get("/bodies/no-such-body/outcomes", None)
            .await
            .status(),
        404
    );
}
