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
    body_with_policy(app, admin, slug, json!({ "rules": rules })).await
}

/// As `body_with_meeting`, with the body's policy as given.
pub async fn body_with_policy(
    app: &TestApp,
    admin: &str,
    slug: &str,
    policy: Value,
) -> (String, String, String) {
    let resp = post(
        app,
        "/api/v1/bodies",
        admin,
        json!({"name": format!("Board {slug}"), "slug": slug, "kind": "board", "policy": policy}),
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
    // In Wales the notice says how to attend remotely: not published
    // without it.
    let publish = format!("/api/v1/meetings/{welsh}/agenda/publish");
    let resp = post(&app, &publish, &clerk, json!({})).await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), vec!["remote_access"]);
    let resp = app
        .api
        .patch(app.url(&format!("/api/v1/meetings/{welsh}")))
        .bearer_auth(&clerk)
        .json(&json!({"remote_access": "Join on Teams: tawel.example/live"}))
        .send()
        .await
        .expect("patch");
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let resp = post(&app, &publish, &clerk, json!({})).await;
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
    assert!(
        agenda.contains("How to attend remotely") && agenda.contains("tawel.example/live"),
        "the notice says how to attend remotely"
    );
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

/// Adds people to a body with roles; answers their user ids in order.
pub async fn seat(
    app: &TestApp,
    admin: &str,
    slug: &str,
    people: &[(&str, &str, Option<usize>)],
) -> Vec<String> {
    let org = app.create_organisation(&format!("Partner of {slug}")).await;
    let mut ids: Vec<String> = Vec::new();
    for (who, role, stands_in_for) in people {
        let u = app
            .create_user(&format!("{who}@{slug}.example"), &org, false)
            .await;
        let mut body = json!({"role": role});
        if let Some(i) = stands_in_for {
            body["substitute_for"] = json!(ids[*i]);
        }
        let resp = app
            .put_json(
                &format!("/api/v1/bodies/{slug}/members/{}", u.id),
                Some(admin),
                &body,
            )
            .await;
        assert!(
            resp.status().is_success(),
            "{who}: {}",
            resp.text().await.unwrap_or_default()
        );
        ids.push(u.id);
    }
    ids
}

/// An English body with three members (a quorum of 3) and a meeting;
/// returns (clerk token, meeting id, the members' ids).
async fn english_board_of_three(
    app: &TestApp,
    admin: &str,
    slug: &str,
) -> (String, String, Vec<String>) {
    let (clerk, _, meeting) = body_with_meeting(app, admin, slug, "england").await;
    let ids = seat(
        app,
        admin,
        slug,
        &[
            ("a", "member", None),
            ("b", "member", None),
            ("c", "member", None),
        ],
    )
    .await;
    (clerk, meeting, ids)
}

pub async fn attend(app: &TestApp, clerk: &str, meeting: &str, user: &str, body: Value) -> Value {
    let resp = app
        .put_json(
            &format!("/api/v1/meetings/{meeting}/attendance/{user}"),
            Some(clerk),
            &body,
        )
        .await;
    let status = resp.status();
    let answer = json(resp).await;
    assert!(status.is_success(), "{answer}");
    answer["quorum"].clone()
}

#[tokio::test]
async fn a_psb_is_quorate_only_with_every_statutory_member_or_their_designated_substitute() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    let (clerk, _, meeting) = body_with_meeting(&app, &admin, "psb", "wales-psb").await;
    let ids = seat(
        &app,
        &admin,
        "psb",
        &[
            ("council", "statutory_member", None),
            ("health", "statutory_member", None),
            ("fire", "statutory_member", None),
            ("nrw", "statutory_member", None),
            ("health-deputy", "designated_substitute", Some(1)),
            ("police", "invited_participant", None),
            ("voluntary", "member", None),
        ],
    )
    .await;
    // A designated substitute must be named for a statutory member.
    let org = app.create_organisation("Elsewhere").await;
    let stray = app.create_user("stray@psb.example", &org, false).await;
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/psb/members/{}", stray.id),
            Some(&admin),
            &json!({"role": "designated_substitute", "substitute_for": ids[6]}),
        )
        .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), vec!["substitute_for"]);
    // The body no longer warns: it has statutory members.
    let body = json(app.get("/api/v1/bodies/psb", None).await).await;
    assert!(body["quorum_warning"].is_null(), "{body}");

    // Three of four statutory members, one of them remotely, with the
    // invited participant and another member: not quorate.
    attend(
        &app,
        &clerk,
        &meeting,
        &ids[0],
        json!({"status": "present"}),
    )
    .await;
    attend(
        &app,
        &clerk,
        &meeting,
        &ids[2],
        json!({"status": "present", "mode": "remote"}),
    )
    .await;
    attend(
        &app,
        &clerk,
        &meeting,
        &ids[3],
        json!({"status": "present"}),
    )
    .await;
    attend(
        &app,
        &clerk,
        &meeting,
        &ids[5],
        json!({"status": "present"}),
    )
    .await;
    let q = attend(
        &app,
        &clerk,
        &meeting,
        &ids[6],
        json!({"status": "present"}),
    )
    .await;
    assert_eq!(
        q,
        json!({"members": 4, "needed": 4, "present": 3, "met": false})
    );
    attend(
        &app,
        &clerk,
        &meeting,
        &ids[1],
        json!({"status": "apologies"}),
    )
    .await;
    // The health board's designated substitute attends for it: quorate.
    let q = attend(
        &app,
        &clerk,
        &meeting,
        &ids[4],
        json!({"status": "present", "substitute_for": ids[1], "mode": "remote"}),
    )
    .await;
    assert_eq!(
        q,
        json!({"members": 4, "needed": 4, "present": 4, "met": true})
    );
    // Standing in for the other member is refused: not statutory.
    let resp = app
        .put_json(
            &format!("/api/v1/meetings/{meeting}/attendance/{}", ids[4]),
            Some(&clerk),
            &json!({"status": "present", "substitute_for": ids[6]}),
        )
        .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), vec!["substitute_for"]);
}

#[tokio::test]
async fn in_england_members_attending_remotely_do_not_count_towards_quorum() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    let (clerk, meeting, ids) = english_board_of_three(&app, &admin, "eng").await;
    attend(
        &app,
        &clerk,
        &meeting,
        &ids[0],
        json!({"status": "present"}),
    )
    .await;
    attend(
        &app,
        &clerk,
        &meeting,
        &ids[1],
        json!({"status": "present"}),
    )
    .await;
    let q = attend(
        &app,
        &clerk,
        &meeting,
        &ids[2],
        json!({"status": "present", "mode": "remote"}),
    )
    .await;
    assert_eq!(
        q,
        json!({"members": 3, "needed": 3, "present": 2, "met": false})
    );
    let q = attend(
        &app,
        &clerk,
        &meeting,
        &ids[2],
        json!({"status": "present", "mode": "in_person"}),
    )
    .await;
    assert_eq!(q["met"], true);
    // Nor does a substitute attending remotely for a member who sent
    // apologies; in person, they do.
    let org = app.create_organisation("Substitutes of eng").await;
    let sub = app.create_user("sub@eng.example", &org, false).await;
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/eng/members/{}", sub.id),
            Some(&admin),
            &json!({"role": "substitute", "substitute_for": ids[2]}),
        )
        .await;
    assert!(resp.status().is_success());
    let sub = [sub.id];
    attend(
        &app,
        &clerk,
        &meeting,
        &ids[2],
        json!({"status": "apologies"}),
    )
    .await;
    let q = attend(
        &app,
        &clerk,
        &meeting,
        &sub[0],
        json!({"status": "present", "substitute_for": ids[2], "mode": "remote"}),
    )
    .await;
    assert_eq!(q["met"], false, "{q}");
    let q = attend(
        &app,
        &clerk,
        &meeting,
        &sub[0],
        json!({"status": "present", "substitute_for": ids[2], "mode": "in_person"}),
    )
    .await;
    assert_eq!(q["met"], true, "{q}");
    let resp = app
        .put_json(
            &format!("/api/v1/meetings/{meeting}/attendance/{}", ids[2]),
            Some(&clerk),
            &json!({"status": "present", "mode": "by carrier pigeon"}),
        )
        .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), vec!["mode"]);
}

#[tokio::test]
async fn a_member_who_leaves_the_room_does_not_count_and_an_inquorate_item_cannot_decide() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    let (clerk, meeting, ids) = english_board_of_three(&app, &admin, "leave").await;
    for id in &ids {
        attend(&app, &clerk, &meeting, id, json!({"status": "present"})).await;
    }
    let agenda = json(
        app.get(&format!("/api/v1/meetings/{meeting}/agenda"), Some(&clerk))
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
    let (minutes, apologies) = (item("minutes"), item("apologies"));
    assert!(!minutes.is_empty() && !apologies.is_empty(), "{agenda}");
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{meeting}/declarations"),
        &clerk,
        json!({"item_id": minutes, "user_id": ids[2], "interest": "Named in the minutes", "left_room": true}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    assert_eq!(json(resp).await["left_room"], true);
    // Two of three present for that item: a quorum of 3 is not met.
    let decisions = format!("/api/v1/meetings/{meeting}/decisions");
    let decide = |item: String| {
        post(
            &app,
            &decisions,
            &clerk,
            json!({"item_id": item, "text": "Agreed."}),
        )
    };
    let resp = decide(minutes.clone()).await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    assert_eq!(error_fields(&problem), vec!["item_id"]);
    assert!(
        problem.to_string().contains("not quorate for this item"),
        "{problem}"
    );
    // The other items keep the meeting's quorum.
    assert_eq!(decide(apologies).await.status(), 201);
    // The record sheet says so against the item.
    let sheet = app
        .page_as(
            "clerk@leave.example",
            &format!("/meetings/{meeting}/record"),
        )
        .await;
    assert!(sheet.contains("left the room for this item"), "{sheet}");
    assert!(sheet.contains("so it cannot decide"));
}

/// The meeting's agenda items in agenda order: their ids.
async fn items_in_order(app: &TestApp, clerk: &str, meeting: &str) -> Vec<String> {
    let agenda = json(
        app.get(&format!("/api/v1/meetings/{meeting}/agenda"), Some(clerk))
            .await,
    )
    .await;
    let mut items: Vec<(i64, String)> = agenda["items"]
        .as_array()
        .map(|v| {
            v.iter()
                .map(|i| {
                    (
                        i["position"].as_i64().unwrap_or_default(),
                        i["id"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    items.sort();
    assert!(items.len() >= 2, "{agenda}");
    items.into_iter().map(|(_, id)| id).collect()
}

async fn move_at(
    app: &TestApp,
    clerk: &str,
    meeting: &str,
    user: &str,
    item: &str,
    movement: &str,
) -> reqwest::Response {
    app.put_json(
        &format!("/api/v1/meetings/{meeting}/attendance/{user}/items/{item}"),
        Some(clerk),
        &json!({ "movement": movement }),
    )
    .await
}

#[tokio::test]
async fn arrivals_and_departures_set_each_items_quorum_and_the_minutes_show_them() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    let (clerk, meeting, ids) = english_board_of_three(&app, &admin, "moves").await;
    let items = items_in_order(&app, &clerk, &meeting).await;
    let (first, second) = (items[0].clone(), items[1].clone());
    // Someone not recorded present cannot arrive; a movement is one of two.
    let resp = move_at(&app, &clerk, &meeting, &ids[2], &second, "arrives").await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), vec!["user_id"]);
    for id in &ids {
        attend(&app, &clerk, &meeting, id, json!({"status": "present"})).await;
    }
    let resp = move_at(&app, &clerk, &meeting, &ids[2], &second, "teleports").await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), vec!["movement"]);

    // C arrives in time for the second item: the first had two of three.
    let resp = move_at(&app, &clerk, &meeting, &ids[2], &second, "arrives").await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        json(resp).await["quorum"],
        json!({"members": 3, "needed": 3, "present": 3, "met": true})
    );
    let decisions = format!("/api/v1/meetings/{meeting}/decisions");
    let decide = |item: String| {
        post(
            &app,
            &decisions,
            &clerk,
            json!({"item_id": item, "text": "Agreed."}),
        )
    };
    let resp = decide(first.clone()).await;
    assert_eq!(resp.status(), 422);
    assert!(
        json(resp)
            .await
            .to_string()
            .contains("not quorate for this item"),
        "the first item was inquorate"
    );
    assert_eq!(decide(second.clone()).await.status(), 201);

    // B leaves before the second item: now that one is inquorate too,
    // until the departure is taken back.
    let resp = move_at(&app, &clerk, &meeting, &ids[1], &second, "leaves").await;
    assert_eq!(json(resp).await["quorum"]["met"], false);
    assert_eq!(decide(second.clone()).await.status(), 422);

    // The record sheet and the minutes say who came and went, and the
    // item's quorum.
    let sheet = app
        .page_as(
            "clerk@moves.example",
            &format!("/meetings/{meeting}/record"),
        )
        .await;
    assert!(
        sheet.contains("arrived in time for this item"),
        "the record sheet lists the arrival"
    );
    assert!(sheet.contains("left before this item"));
    assert!(sheet.contains("so it cannot decide"));
    let minutes = app
        .page_as(
            "clerk@moves.example",
            &format!("/meetings/{meeting}/minutes"),
        )
        .await;
    assert!(
        minutes.contains("Arrived: Test c (Partner of moves)."),
        "{minutes}"
    );
    assert!(minutes.contains("Left the meeting: Test b (Partner of moves)."));
    assert!(minutes.contains("Not quorate for this item: 2 present, 3 needed."));

    let path = format!(
        "/api/v1/meetings/{meeting}/attendance/{}/items/{second}",
        ids[1]
    );
    let remove = || {
        app.browser()
            .delete(app.url(&path))
            .bearer_auth(&clerk)
            .send()
    };
    assert_eq!(remove().await.expect("delete").status(), 204);
    assert_eq!(remove().await.expect("delete").status(), 404);
    assert_eq!(decide(second.clone()).await.status(), 201);

    // C's arrival was by video: in England that does not count, so the
    // second item was not quorate after all. How someone attends is said
    // when they arrive, not when they leave.
    let path = format!(
        "/api/v1/meetings/{meeting}/attendance/{}/items/{second}",
        ids[2]
    );
    let arrive = |mode: &'static str, movement: &'static str| {
        let body = json!({"movement": movement, "mode": mode});
        let (app, path, clerk) = (&app, &path, &clerk);
        async move { app.put_json(path, Some(clerk), &body).await }
    };
    let resp = arrive("remote", "leaves").await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), vec!["mode"]);
    let resp = arrive("remote", "arrives").await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        json(resp).await["quorum"],
        json!({"members": 3, "needed": 3, "present": 2, "met": false})
    );
    let sheet = app
        .page_as(
            "clerk@moves.example",
            &format!("/meetings/{meeting}/record"),
        )
        .await;
    assert!(sheet.contains("arrived remotely in time for this item"));
}

#[tokio::test]
async fn a_vote_must_carry_the_motion_and_fit_those_in_the_room() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    let (clerk, meeting, ids) = english_board_of_three(&app, &admin, "count").await;
    let items = items_in_order(&app, &clerk, &meeting).await;
    let decisions = format!("/api/v1/meetings/{meeting}/decisions");
    let decide = |vote: Value| {
        post(
            &app,
            &decisions,
            &clerk,
            json!({"item_id": items[1], "text": "Agreed the plan.", "vote": vote}),
        )
    };
    // Before attendance, a vote cannot be checked.
    let resp = decide(json!({"for": 2, "against": 1})).await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), vec!["vote"]);
    for id in &ids {
        attend(&app, &clerk, &meeting, id, json!({"status": "present"})).await;
    }
    for (vote, words) in [
        (json!({"for": 1, "against": 2}), "not carried"),
        (json!({"for": 1, "against": 1}), "not carried"),
        (json!({"for": 4, "against": 0}), "only 3 members"),
        (json!({"for": 2, "against": -1}), "0 or more"),
        (
            json!({"by_name": [{"user_id": ids[0], "vote": "for"}]}),
            "by count",
        ),
    ] {
        let resp = decide(vote.clone()).await;
        assert_eq!(resp.status(), 422, "{vote}");
        let problem = json(resp).await;
        assert!(problem.to_string().contains(words), "{vote}: {problem}");
    }
    let resp = decide(json!({"for": 2, "against": 0, "abstain": 1})).await;
    assert_eq!(resp.status(), 201);
    let d = json(resp).await;
    assert_eq!(d["vote"], json!({"for": 2, "against": 0, "abstain": 1}));
    // The register carries it too.
    let register = json(app.get("/api/v1/decisions?body=count", None).await).await;
    assert_eq!(
        register["items"][0]["vote"],
        json!({"for": 2, "against": 0, "abstain": 1}),
        "{register}"
    );
    let sheet = app
        .page_as(
            "clerk@count.example",
            &format!("/meetings/{meeting}/record"),
        )
        .await;
    assert!(sheet.contains("Carried: 2 for, 0 against, 1 abstention."));
}

#[tokio::test]
async fn a_body_that_votes_by_name_records_each_members_vote() {
    let app = TestApp::spawn().await;
    let (_, admin) = app.admin().await;
    let (clerk, _, meeting) =
        body_with_policy(&app, &admin, "named", json!({"votes_by_name": true})).await;
    let ids = seat(
        &app,
        &admin,
        "named",
        &[
            ("ann", "member", None),
            ("bob", "member", None),
            ("cat", "member", None),
            ("dev", "member", None),
            ("obs", "observer", None),
        ],
    )
    .await;
    let items = items_in_order(&app, &clerk, &meeting).await;
    for id in &ids {
        attend(&app, &clerk, &meeting, id, json!({"status": "present"})).await;
    }
    // Dev declares an interest and leaves the room for the item.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{meeting}/declarations"),
        &clerk,
        json!({"item_id": items[1], "user_id": ids[3], "interest": "Trustee of the applicant", "left_room": true}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let decisions = format!("/api/v1/meetings/{meeting}/decisions");
    let decide = |vote: Value| {
        post(
            &app,
            &decisions,
            &clerk,
            json!({"item_id": items[1], "text": "Awarded the grant.", "vote": vote}),
        )
    };
    // Counts alone are refused; so are votes from those outside the room
    // or without a vote, and anyone voting twice.
    let resp = decide(json!({"for": 3})).await;
    assert_eq!(resp.status(), 422);
    assert!(json(resp).await.to_string().contains("by name"));
    let resp = decide(json!({"by_name": [
        {"user_id": ids[0], "vote": "for"},
        {"user_id": ids[3], "vote": "for"},
        {"user_id": ids[4], "vote": "for"},
        {"user_id": ids[0], "vote": "against"},
        {"user_id": ids[1], "vote": "maybe"},
    ]}))
    .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(
        error_fields(&json(resp).await),
        vec![
            "vote.by_name[1].user_id",
            "vote.by_name[2].user_id",
            "vote.by_name[3].user_id",
            "vote.by_name[4].vote"
        ]
    );
    let resp = decide(json!({"by_name": [
        {"user_id": ids[0], "vote": "for"},
        {"user_id": ids[1], "vote": "for"},
        {"user_id": ids[2], "vote": "against"},
    ]}))
    .await;
    assert_eq!(resp.status(), 201);
    assert_eq!(
        json(resp).await["vote"],
        json!({"for": 2, "against": 1, "abstain": 0})
    );
    let sheet = app
        .page_as(
            "clerk@named.example",
            &format!("/meetings/{meeting}/record"),
        )
        .await;
    assert!(sheet.contains("For: Test ann, Test bob."), "{sheet}");
    assert!(sheet.contains("Against: Test cat."));
    // Once the meeting is over, the decision's public record names the
    // interest declared on its item.
    app.clock.set(
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 1, 15, 9, 0, 0)
            .single()
            .expect("a real time"),
    );
    let public = app
        .get(&format!("/meetings/{meeting}"), None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        public.contains("Interests declared on this item:")
            && public.contains("Test dev: Trustee of the applicant"),
        "{public}"
    );
}
