//! Open data exports as a civic-tech tool reads them: a meeting in the
//! Open Civic Data event shape, whose every document link works and
//! answers with the media type it declares, with nothing exempt in it.

use serde_json::json;

use crate::builders::{accepted_paper, board, complete, post, published_agenda};
use crate::helpers::{TestApp, json};

#[tokio::test]
async fn a_meeting_exports_as_an_open_civic_data_event() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let paper = accepted_paper(&app, &b, complete(&b)).await;
    let mut secret = complete(&b);
    secret["title"] = json!("ZQXSECRET site purchase");
    secret["exempt_category"] = json!(3);
    secret["exempt_reason"] = json!("The price under negotiation.");
    let _ = accepted_paper(&app, &b, secret).await;
    let _ = published_agenda(&app, &b).await;
    let agenda = json(
        app.get(&format!("/api/v1/meetings/{}/agenda", b.meeting), None)
            .await,
    )
    .await;
    let item = agenda["items"]
        .as_array()
        .and_then(|v| v.iter().find(|i| i["paper_id"] == paper.as_str()))
        .and_then(|i| i["id"].as_str())
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/decisions", b.meeting),
        &b.clerk,
        json!({"item_id": item, "text": "Funded two youth clubs in Ashby."}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );

    let resp = app
        .get(&format!("/api/v1/meetings/{}/ocd", b.meeting), None)
        .await;
    assert_eq!(resp.status(), 200);
    let event = json(resp).await;
    let text = event.to_string();
    assert!(!text.contains("ZQXSECRET"), "nothing exempt: {text}");
    assert_eq!(event["id"], format!("ocd-event/{}", b.meeting));
    assert_eq!(event["name"], "Northshire Public Service Board meeting");
    assert_eq!(event["start_date"], "2027-01-12T14:00:00Z");
    assert_eq!(event["status"], "confirmed");
    assert_eq!(event["location"]["name"], "County Hall, Committee Room 1");
    assert_eq!(event["extras"]["licence"], "Open Government Licence v3.0");
    let agenda = event["agenda"].as_array().cloned().unwrap_or_default();
    let orders: Vec<String> = agenda
        .iter()
        .map(|i| i["order"].as_str().unwrap_or_default().to_string())
        .collect();
    let expected: Vec<String> = (1..=agenda.len()).map(|n| n.to_string()).collect();
    assert_eq!(orders, expected, "in order");
    let clubs = agenda
        .iter()
        .find(|i| i["description"] == "Youth clubs in Ashby")
        .expect("the paper's item");
    assert_eq!(clubs["related_entities"][0]["entity_type"], "decision");
    assert_eq!(
        clubs["related_entities"][0]["note"],
        "Funded two youth clubs in Ashby."
    );
    assert!(
        agenda
            .iter()
            .any(|i| i["notes"].as_array().is_some_and(|n| n
                .iter()
                .any(|x| x.as_str().is_some_and(|x| x.contains("paragraph 3"))))),
        "the exempt item says why, not what"
    );
    // Every document link works and is what it says it is.
    let mut links = 0;
    for doc in event["documents"].as_array().into_iter().flatten() {
        for link in doc["links"].as_array().into_iter().flatten() {
            let url = link["url"].as_str().unwrap_or_default();
            let path = url.strip_prefix(&app.address).unwrap_or(url);
            let resp = app.get(path, None).await;
            assert_eq!(resp.status(), 200, "{url}");
            let kind = resp
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string();
            let declared = link["media_type"].as_str().unwrap_or_default();
            assert!(
                kind.starts_with(declared),
                "{url}: {kind} is not {declared}"
            );
            links += 1;
        }
    }
    assert!(
        links >= 5,
        "agenda, pack (PDF and page), the paper (page and PDF)"
    );
    assert_eq!(
        app.get("/api/v1/meetings/no-such-meeting/ocd", None)
            .await
            .status(),
        404
    );
}

/// The rows of a CSV download, read by a CSV parser, by header.
async fn csv_rows(app: &TestApp, path: &str) -> Vec<std::collections::HashMap<String, String>> {
    let resp = app.get(path, None).await;
    assert_eq!(resp.status(), 200, "{path}");
    assert!(
        resp.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/csv")),
        "{path}"
    );
    let text = resp.text().await.unwrap_or_default();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Every public list is JSON and CSV: bodies, a body's meetings (with the
/// links to what is published), its follow-through and its forward plan;
/// the two forms agree, and nothing confidential is in either.
#[tokio::test]
async fn every_public_list_is_json_and_csv() {
    let app = TestApp::spawn_demo().await;
    let bodies = json(app.get("/api/v1/bodies", None).await).await;
    let csv_bodies = csv_rows(&app, "/bodies.csv").await;
    let listed = bodies
        .as_array()
        .or(bodies["items"].as_array())
        .map(Vec::len)
        .unwrap_or_default();
    assert_eq!(csv_bodies.len(), listed, "{bodies}");
    let board = csv_bodies
        .iter()
        .find(|b| b["slug"] == "northshire-psb")
        .expect("the board");
    assert_eq!(board["name"], "Northshire Public Service Board");
    assert!(
        csv_bodies
            .iter()
            .any(|b| b["reports_to"] == "northshire-psb")
    );

    // Meetings: newest first; a past meeting links its agenda, pack and
    // minutes, and each link opens for the public.
    let meetings = json(
        app.get("/api/v1/bodies/northshire-psb/meetings", None)
            .await,
    )
    .await;
    let list = meetings.as_array().cloned().unwrap_or_default();
    let rows = csv_rows(&app, "/bodies/northshire-psb/meetings.csv").await;
    assert_eq!(rows.len(), list.len());
    assert!(rows.len() >= 3);
    let starts: Vec<&String> = rows.iter().map(|r| &r["starts_at"]).collect();
    let mut sorted = starts.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(starts, sorted, "newest first");
    for (row, json) in rows.iter().zip(&list) {
        assert_eq!(json["starts_at"].as_str(), Some(row["starts_at"].as_str()));
    }
    let with_minutes = rows
        .iter()
        .find(|r| !r["minutes_url"].is_empty())
        .expect("a meeting with approved minutes");
    for link in ["url", "agenda_url", "pack_url", "minutes_url"] {
        let path = with_minutes[link].trim_start_matches(&app.url(""));
        assert_eq!(app.get(path, None).await.status(), 200, "{link}: {path}");
    }

    // Follow-through: the same figures as the JSON.
    let follow = json(
        app.get("/api/v1/bodies/northshire-psb/follow-through", None)
            .await,
    )
    .await;
    let rows = csv_rows(&app, "/bodies/northshire-psb/follow-through.csv").await;
    let orgs = follow["organisations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(rows.len(), orgs.len(), "{follow}");
    assert!(!rows.is_empty());
    for row in &rows {
        let same = orgs
            .iter()
            .find(|o| o["organisation"].as_str() == Some(row["organisation"].as_str()))
            .unwrap_or_else(|| panic!("{row:?} not in {follow}"));
        assert_eq!(same["overdue"].to_string(), row["overdue"], "{row:?}");
    }

    // The forward plan: one row per planned item, confidential ones by
    // their paragraph only.
    let plan = json(
        app.get("/api/v1/bodies/northshire-psb/forward-plan", None)
            .await,
    )
    .await;
    let items: usize = plan["meetings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| m["items"].as_array().map(Vec::len).unwrap_or_default())
        .sum();
    let rows = csv_rows(&app, "/bodies/northshire-psb/forward-plan.csv").await;
    assert_eq!(rows.len(), items);
    assert!(rows.iter().any(|r| r["key_decision"] == "true"));
    for r in rows
        .iter()
        .filter(|r| !r["confidential_paragraph"].is_empty())
    {
        assert_eq!(r["title"], "Confidential item");
        assert_eq!(r["organisation"], "");
    }
    for path in [
        "/bodies.csv",
        "/bodies/northshire-psb/meetings.csv",
        "/bodies/northshire-psb/follow-through.csv",
        "/bodies/northshire-psb/forward-plan.csv",
        "/api/v1/bodies/northshire-psb/meetings",
    ] {
        let text = app.get(path, None).await.text().await.unwrap_or_default();
        assert!(!text.contains("Housing first"), "{path}");
    }
    for path in [
        "/bodies/nobody/meetings.csv",
        "/api/v1/bodies/nobody/meetings",
    ] {
        assert_eq!(app.get(path, None).await.status(), 404, "{path}");
    }
    drop(app);
}
