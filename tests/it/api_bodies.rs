//! Bodies, memberships and priorities through the API.

use serde_json::json;

use crate::helpers::{TestApp, error_fields, json};

#[tokio::test]
async fn bodies_show_policy_priorities_and_members_without_emails() {
    let app = TestApp::spawn().await;
    let (admin, token) = app.admin().await;
    let resp = app
        .post_json(
            "/api/v1/bodies",
            Some(&token),
            &json!({"name": "Northshire Public Service Board", "slug": "psb", "kind": "board"}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let resp = app
        .post_json(
            "/api/v1/bodies",
            Some(&token),
            &json!({"name": "Safer Communities", "slug": "safer", "kind": "theme_group", "parent_slug": "psb",
                    "policy": {"publication_clear_days": 7, "holiday_calendar": "scotland", "paper_cutoff_time": "17:00"}}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let safer = json(resp).await;
    assert_eq!(safer["parent_slug"], "psb");
    assert_eq!(safer["policy"]["publication_clear_days"], 7);
    assert_eq!(
        safer["policy"]["paper_deadline_working_days"], 5,
        "unspecified keys keep DOMAIN.md defaults"
    );
    assert_eq!(safer["policy"]["holiday_calendar"], "scotland");

    let chair = app
        .create_user("chair@test.example", &admin.organisation_id, false)
        .await;
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/psb/members/{}", chair.id),
            Some(&token),
            &json!({"role": "chair"}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/psb/members/{}", chair.id),
            Some(&token),
            &json!({"role": "member"}),
        )
        .await;
    assert_eq!(resp.status(), 200, "changing a role is an update");
    app.post_json(
        "/api/v1/bodies/psb/priorities",
        Some(&token),
        &json!({"title": "Narrowing the gap"}),
    )
    .await;

    let body = json(app.get("/api/v1/bodies/psb", None).await).await;
    assert_eq!(
        body["members"],
        json!([{"name": "Test chair", "organisation": "Test County Council", "role": "member", "substitute_for": null}])
    );
    assert!(
        !body.to_string().contains("@test.example"),
        "no email addresses to the public"
    );
    assert_eq!(body["priorities"][0]["title"], "Narrowing the gap");
    assert_eq!(body["policy"]["publication_clear_days"], 5);
}

#[tokio::test]
async fn secretariat_manages_only_their_body() {
    let app = TestApp::spawn().await;
    let (admin, token) = app.admin().await;
    for (slug, name) in [("psb", "Board"), ("forum", "Forum")] {
        app.post_json(
            "/api/v1/bodies",
            Some(&token),
            &json!({"name": name, "slug": slug, "kind": "board"}),
        )
        .await;
    }
    let clerk = app
        .create_user("clerk@test.example", &admin.organisation_id, false)
        .await;
    let member = app
        .create_user("member@test.example", &admin.organisation_id, false)
        .await;
    let sub = app
        .create_user("sub@test.example", &admin.organisation_id, false)
        .await;
    app.put_json(
        &format!("/api/v1/bodies/psb/members/{}", clerk.id),
        Some(&token),
        &json!({"role": "secretariat"}),
    )
    .await;
    let clerk_token = app.token_for(&clerk.id).await;

    let resp = app
        .put_json(
            &format!("/api/v1/bodies/psb/members/{}", member.id),
            Some(&clerk_token),
            &json!({"role": "member"}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/forum/members/{}", member.id),
            Some(&clerk_token),
            &json!({"role": "member"}),
        )
        .await;
    assert_eq!(resp.status(), 403, "secretariat of another body");

    let member_token = app.token_for(&member.id).await;
    let resp = app
        .post_json(
            "/api/v1/bodies/psb/priorities",
            Some(&member_token),
            &json!({"title": "Mine"}),
        )
        .await;
    assert_eq!(resp.status(), 403, "members do not set priorities");

    // Substitutes must name a member of this body.
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/psb/members/{}", sub.id),
            Some(&clerk_token),
            &json!({"role": "substitute"}),
        )
        .await;
    assert_eq!(resp.status(), 422);
    assert_eq!(error_fields(&json(resp).await), ["substitute_for"]);
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/psb/members/{}", sub.id),
            Some(&clerk_token),
            &json!({"role": "substitute", "substitute_for": clerk.id}),
        )
        .await;
    assert_eq!(
        resp.status(),
        422,
        "the secretariat is not a member to stand in for"
    );
    let resp = app
        .put_json(
            &format!("/api/v1/bodies/psb/members/{}", sub.id),
            Some(&clerk_token),
            &json!({"role": "substitute", "substitute_for": member.id}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    let body = json(app.get("/api/v1/bodies/psb", None).await).await;
    let sub_row = body["members"]
        .as_array()
        .and_then(|m| m.iter().find(|x| x["role"] == "substitute"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(sub_row["substitute_for"], "Test member");

    let resp = app
        .put_json(
            &format!("/api/v1/bodies/psb/members/{}", member.id),
            Some(&clerk_token),
            &json!({"role": "emperor"}),
        )
        .await;
    assert_eq!(resp.status(), 422);
    let resp = app
        .put_json(
            "/api/v1/bodies/psb/members/nobody",
            Some(&clerk_token),
            &json!({"role": "member"}),
        )
        .await;
    assert_eq!(resp.status(), 404);

    let resp = app
        .api
        .delete(app.url(&format!("/api/v1/bodies/psb/members/{}", member.id)))
        .bearer_auth(&clerk_token)
        .send()
        .await
        .expect("delete");
    assert_eq!(resp.status(), 204);
    let body = json(app.get("/api/v1/bodies/psb", None).await).await;
    assert_eq!(body["members"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn a_fourth_active_priority_is_refused() {
    let app = TestApp::spawn().await;
    let (_, token) = app.admin().await;
    app.post_json(
        "/api/v1/bodies",
        Some(&token),
        &json!({"name": "Board", "slug": "psb", "kind": "board"}),
    )
    .await;
    let mut ids = Vec::new();
    for title in [
        "Narrowing the gap",
        "Preparing for an ageing population",
        "Economic recovery",
    ] {
        let resp = app
            .post_json(
                "/api/v1/bodies/psb/priorities",
                Some(&token),
                &json!({"title": title}),
            )
            .await;
        assert_eq!(resp.status(), 201);
        ids.push(json(resp).await["id"].as_str().unwrap_or("").to_string());
    }
    let resp = app
        .post_json(
            "/api/v1/bodies/psb/priorities",
            Some(&token),
            &json!({"title": "Fourth"}),
        )
        .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    assert_eq!(problem["errors"][0]["code"], "too_many_priorities");

    let resp = app
        .api
        .delete(app.url(&format!("/api/v1/bodies/psb/priorities/{}", ids[0])))
        .bearer_auth(&token)
        .send()
        .await
        .expect("retire");
    assert_eq!(resp.status(), 204);
    let resp = app
        .post_json(
            "/api/v1/bodies/psb/priorities",
            Some(&token),
            &json!({"title": "Fourth"}),
        )
        .await;
    assert_eq!(resp.status(), 201, "retiring one makes room");
    let body = json(app.get("/api/v1/bodies/psb", None).await).await;
    let titles: Vec<_> = body["priorities"]
        .as_array()
        .map(|p| p.iter().filter_map(|x| x["title"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        titles,
        [
            "Preparing for an ageing population",
            "Economic recovery",
            "Fourth"
        ]
    );
}

#[tokio::test]
async fn lists_are_paginated() {
    let app = TestApp::spawn().await;
    let (_, token) = app.admin().await;
    for n in 1..=4 {
        app.post_json(
            "/api/v1/organisations",
            Some(&token),
            &json!({"name": format!("Partner {n}"), "short_name": format!("P{n}")}),
        )
        .await;
    }
    let first = json(app.get("/api/v1/organisations?limit=3", None).await).await;
    assert_eq!(first["items"].as_array().map(Vec::len), Some(3));
    let cursor = first["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_string();
    let second = json(
        app.get(
            &format!("/api/v1/organisations?limit=3&cursor={cursor}"),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(
        second["items"].as_array().map(Vec::len),
        Some(2),
        "the admin's organisation plus four partners"
    );
    assert!(second["next_cursor"].is_null());
    let all: Vec<String> = first["items"]
        .as_array()
        .into_iter()
        .chain(second["items"].as_array())
        .flatten()
        .filter_map(|o| o["name"].as_str().map(str::to_string))
        .collect();
    assert_eq!(all.len(), 5);
    let unique: std::collections::HashSet<_> = all.iter().collect();
    assert_eq!(unique.len(), 5, "no item twice across pages");
}
