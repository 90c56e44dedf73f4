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
