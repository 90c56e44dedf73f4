//! Writing and submitting a paper through the pages, as an officer of a
//! district council would, and the chair's late-paper decision.

use chrono::{TimeZone, Utc};
use serde_json::json;

use crate::builders::board;
use crate::helpers::{PASSWORD, TestApp, json};

struct Setup {
    meeting: String,
    district: String,
    police: String,
    sponsor: String,
    priority: String,
}

async fn setup(app: &TestApp) -> Setup {
    let b = board(app).await;
    Setup {
        meeting: b.meeting,
        district: b.district,
        police: b.police,
        sponsor: b.sponsor_id,
        priority: b.priority,
    }
}

fn field<'a>(pairs: &mut Vec<(&'a str, String)>, k: &'a str, v: &str) {
    pairs.push((k, v.to_string()));
}

#[tokio::test]
async fn an_officer_writes_fixes_and_submits_a_paper() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let officer = app.login("author@ashby.example", PASSWORD).await;

    let page = officer
        .get(app.url(&format!("/meetings/{}", s.meeting)))
        .send()
        .await
        .expect("meeting")
        .text()
        .await
        .expect("html");
    assert!(
        page.contains("Papers due") && page.contains("Wednesday 23 December 2026 at 12:00"),
        "the deadline is shown"
    );
    assert!(
        page.contains("in 19 working days"),
        "with a plain countdown from Thursday 26 November"
    );
    assert!(page.contains("<time datetime=\"2026-12-23T12:00:00Z\">"));

    let resp = app
        .submit_form(
            &officer,
            &format!("/meetings/{}", s.meeting),
            &format!("/meetings/{}/papers", s.meeting),
            &[("title", "Youth clubs in Ashby")],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let edit = resp.headers()["location"]
        .to_str()
        .unwrap_or_default()
        .to_string();
    let paper = edit
        .trim_start_matches("/papers/")
        .trim_end_matches("/edit")
        .to_string();

    // The check page lists every unmet requirement, each linking to its field.
    let check = officer
        .get(app.url(&format!("/papers/{paper}/submit")))
        .send()
        .await
        .expect("check");
    assert_eq!(check.status(), 422);
    let html = check.text().await.expect("html");
    assert!(html.contains("There is a problem"));
    for anchor in [
        "#item-type",
        "#purpose",
        "#summary",
        "#implications-financial",
        "#priority-id",
        "#body-markdown",
    ] {
        assert!(
            html.contains(&format!("/papers/{paper}/edit?check=1{anchor}")),
            "{anchor} not linked"
        );
    }

    // Fill in the cover sheet through the form.
    let edit_html = officer
        .get(app.url(&edit))
        .send()
        .await
        .expect("edit")
        .text()
        .await
        .expect("html");
    assert!(
        edit_html.contains(
            "<title>Write your paper – Northshire Public Service Board – Quorate</title>"
        ),
        "the page title names the body"
    );
    assert!(
        edit_html.contains("Not started") && !edit_html.contains(">Completed<"),
        "the task list shows what is left, and a paper with only a title has nothing completed"
    );
    let token = crate::helpers::csrf_token(&edit_html);
    let mut form: Vec<(&str, String)> = vec![
        ("csrf_token", token),
        ("version", "1".into()),
        ("next", "check".into()),
    ];
    for (k, v) in [
        ("title", "Youth clubs in Ashby"),
        ("item_type", "decision"),
        ("presenting_organisation_id", s.district.as_str()),
        ("sponsor_user_id", s.sponsor.as_str()),
        ("purpose", "To agree funding for two youth clubs."),
        ("summary", "Two clubs would open on Friday nights."),
        (
            "recommendations",
            "Approve £20,000 for two youth clubs.\nAsk for a report in a year.",
        ),
        ("implications.financial", "£20,000."),
        ("implications.legal", "none"),
        ("implications.risk", "none"),
        ("equality_assessment", "not_needed"),
        ("implications.equality", "Open to every young person."),
        ("implications.environment", "none"),
        ("consulted_organisation_ids", s.police.as_str()),
        ("priority_id", s.priority.as_str()),
        (
            "body_markdown",
            "## Background\n\nYoung people asked for somewhere to go.",
        ),
    ] {
        field(&mut form, k, v);
    }
    // The presenter is left out on purpose: the save keeps everything else.
    let resp = officer
        .post(app.url(&edit))
        .header("Origin", &app.address)
        .form(&form)
        .send()
        .await
        .expect("save");
    assert_eq!(resp.status(), 303);
    let html = officer
        .get(app.url(&format!("/papers/{paper}/submit")))
        .send()
        .await
        .expect("check")
        .text()
        .await
        .expect("html");
    assert!(
        html.contains("Choose who will present the item."),
        "only the presenter is missing now"
    );
    assert!(
        html.contains("Approve £20,000 for two youth clubs.")
            && html.contains("Ask for a report in a year.")
    );

    let edit_html = officer
        .get(app.url(&edit))
        .send()
        .await
        .expect("edit")
        .text()
        .await
        .expect("html");
    let presenter = edit_html
        .split("<option value=\"")
        .skip(1)
        .find(|chunk| chunk.contains("Test author"))
        .and_then(|chunk| chunk.split('"').next())
        .unwrap_or_default()
        .to_string();
    let mut form2: Vec<(&str, String)> = form
        .iter()
        .map(|(k, v)| (*k, v.clone()))
        .filter(|(k, _)| *k != "csrf_token" && *k != "version")
        .collect();
    form2.push(("csrf_token", crate::helpers::csrf_token(&edit_html)));
    form2.push(("version", "2".into()));
    form2.push(("presenter_user_id", presenter));
    let resp = officer
        .post(app.url(&edit))
        .header("Origin", &app.address)
        .form(&form2)
        .send()
        .await
        .expect("save");
    let status = resp.status();
    let body = resp.text().await.unwrap_or_default();
    let errors: Vec<&str> = body
        .split("<li><a href=")
        .skip(1)
        .map(|x| x.split("</a>").next().unwrap_or(""))
        .collect();
    assert_eq!(status, 303, "{errors:?}");

    let resp = app
        .submit_form(
            &officer,
            &format!("/papers/{paper}/submit"),
            &format!("/papers/{paper}/submit"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), 303, "submitted");
    let html = officer
        .get(app.url(&format!("/papers/{paper}?notice=paper-submitted")))
        .send()
        .await
        .expect("paper")
        .text()
        .await
        .expect("html");
    assert!(html.contains("Paper submitted.") && html.contains(">Submitted</strong>"));
    let mine = officer
        .get(app.url("/my/papers"))
        .send()
        .await
        .expect("mine")
        .text()
        .await
        .expect("html");
    assert!(mine.contains("Youth clubs in Ashby"));

    // The sponsor signs off on the page; the secretariat accepts.
    let ceo = app.login("ceo@ashby.example", PASSWORD).await;
    let resp = app
        .submit_form(
            &ceo,
            &format!("/papers/{paper}"),
            &format!("/papers/{paper}/sign-off"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let clerk = app.login("clerk@test.example", PASSWORD).await;
    let resp = app
        .submit_form(
            &clerk,
            &format!("/papers/{paper}"),
            &format!("/papers/{paper}/accept"),
            &[],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let html = clerk
        .get(app.url(&format!("/meetings/{}", s.meeting)))
        .send()
        .await
        .expect("meeting")
        .text()
        .await
        .expect("html");
    assert!(html.contains(">Accepted</strong>"));
}

#[tokio::test]
async fn a_late_paper_asks_for_a_reason_and_waits_for_the_chair() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let token = app
        .token_for(
            &app.state
                .db(|c| {
                    Ok(
                        quorate::db::users::find_by_email(c, "author@ashby.example")?
                            .map(|u| u.id)
                            .unwrap_or_default(),
                    )
                })
                .await
                .expect("id"),
        )
        .await;
    let body = json!({
        "title": "Winter pressures", "item_type": "information", "presenting_organisation_id": s.district,
        "sponsor_user_id": s.sponsor, "purpose": "To inform.", "summary": "Pressures are rising.",
        "implications": {"financial": "none", "legal": "none", "risk": "none", "equality": "none needed", "equality_assessment": "not_needed", "environment": "none"},
        "priority_id": s.priority, "body_markdown": "Figures arrived late."
    });
    let paper = json(
        app.post_json(
            &format!("/api/v1/meetings/{}/papers", s.meeting),
            Some(&token),
            &body,
        )
        .await,
    )
    .await;
    let id = paper["id"].as_str().unwrap_or_default().to_string();
    let presenter = app
        .state
        .db(|c| Ok(quorate::db::users::find_by_email(c, "author@ashby.example")?.map(|u| u.id)))
        .await
        .expect("id");
    app.api
        .patch(app.url(&format!("/api/v1/papers/{id}")))
        .bearer_auth(&token)
        .json(&json!({"presenter_user_id": presenter}))
        .send()
        .await
        .expect("patch");

    // Sessions run on the same clock: sign in after moving it.
    app.clock.set(
        Utc.with_ymd_and_hms(2026, 12, 29, 10, 0, 0)
            .single()
            .expect("time"),
    );
    let officer = app.login("author@ashby.example", PASSWORD).await;
    let html = officer
        .get(app.url(&format!("/papers/{id}/submit")))
        .send()
        .await
        .expect("check")
        .text()
        .await
        .expect("html");
    assert!(
        html.contains("Why is this paper urgent?")
            && html.contains("Papers were due Wednesday 23 December 2026 at 12:00"),
        "{html}"
    );
    let resp = app
        .submit_form(
            &officer,
            &format!("/papers/{id}/submit"),
            &format!("/papers/{id}/submit"),
            &[("late_reason", "")],
        )
        .await;
    assert_eq!(resp.status(), 422);
    assert!(
        resp.text()
            .await
            .expect("html")
            .contains("href=\"#late-reason\"")
    );
    let resp = app
        .submit_form(
            &officer,
            &format!("/papers/{id}/submit"),
            &format!("/papers/{id}/submit"),
            &[(
                "late_reason",
                "The December figures came out on 24 December.",
            )],
        )
        .await;
    assert_eq!(resp.status(), 303);

    let chair = app.login("chair@test.example", PASSWORD).await;
    let mine = chair
        .get(app.url("/my/papers"))
        .send()
        .await
        .expect("queue")
        .text()
        .await
        .expect("html");
    assert!(
        mine.contains("Late papers waiting for your decision") && mine.contains("Winter pressures")
    );
    let resp = app
        .submit_form(
            &chair,
            &format!("/papers/{id}"),
            &format!("/papers/{id}/late-decision"),
            &[("note", "Agreed")],
        )
        .await;
    assert_eq!(resp.status(), 422, "the chair must choose");
    let resp = app
        .submit_form(
            &chair,
            &format!("/papers/{id}"),
            &format!("/papers/{id}/late-decision"),
            &[
                ("approve", "false"),
                ("note", "Bring it to the next meeting."),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let html = chair
        .get(app.url(&format!("/papers/{id}")))
        .send()
        .await
        .expect("paper")
        .text()
        .await
        .expect("html");
    assert!(html.contains("The chair rejected it: Bring it to the next meeting."));
    let mine = chair
        .get(app.url("/my/papers"))
        .send()
        .await
        .expect("queue")
        .text()
        .await
        .expect("html");
    assert!(
        !mine.contains("Late papers waiting"),
        "decided papers leave the queue"
    );
}

#[tokio::test]
async fn an_item_is_proposed_and_accepted_on_the_meeting_page() {
    let app = TestApp::spawn().await;
    let s = setup(&app).await;
    let officer = app.login("author@ashby.example", PASSWORD).await;
    let page = format!("/meetings/{}", s.meeting);
    let html = officer
        .get(app.url(&page))
        .send()
        .await
        .expect("meeting")
        .text()
        .await
        .expect("html");
    assert!(html.contains("Propose an item"));
    let resp = app
        .submit_form(
            &officer,
            &page,
            &format!("{page}/proposals"),
            &[
                ("title", ""),
                ("item_type", ""),
                ("presenting_organisation_id", ""),
                ("priority_id", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.expect("html");
    assert!(
        html.contains("href=\"#proposal-title\"")
            && html.contains("href=\"#proposal-item-type\"")
            && html.contains("href=\"#proposal-priority-id\"")
    );
    let resp = app
        .submit_form(
            &officer,
            &page,
            &format!("{page}/proposals"),
            &[
                ("title", "Apprenticeship fair"),
                ("item_type", "information"),
                ("presenting_organisation_id", s.district.as_str()),
                ("priority_id", s.priority.as_str()),
                ("minutes_estimate", "10"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);

    let clerk = app.login("clerk@test.example", PASSWORD).await;
    let html = clerk
        .get(app.url(&page))
        .send()
        .await
        .expect("meeting")
        .text()
        .await
        .expect("html");
    assert!(html.contains("Apprenticeship fair") && html.contains("Awaiting decision"));
    let action = html
        .split("action=\"/proposals/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_default()
        .to_string();
    assert!(action.ends_with("/accept"), "{action}");
    let resp = app
        .submit_form(&clerk, &page, &format!("/proposals/{action}"), &[])
        .await;
    assert_eq!(resp.status(), 303);
    let mine = officer
        .get(app.url("/my/papers"))
        .send()
        .await
        .expect("mine")
        .text()
        .await
        .expect("html");
    assert!(
        mine.contains("Your proposed items")
            && mine.contains(">Accepted</strong>")
            && mine.contains("Write the paper")
    );
    let _ = (&s.police, &s.sponsor);
}
