//! The pages, as a browser uses them: sign-in, CSRF and Origin checks,
//! security headers, roles, forms with error summaries.

use serde_json::json;

use crate::builders::body_page_board;
use crate::helpers::{PASSWORD, TestApp, csrf_token};

#[tokio::test]
async fn the_secretariat_signs_in_and_sees_the_board() {
    let app = TestApp::spawn().await;
    body_page_board(&app).await;
    let browser = app.login("CLERK@test.example", PASSWORD).await;

    let home = browser
        .get(app.url("/"))
        .send()
        .await
        .expect("home")
        .text()
        .await
        .expect("html");
    assert!(home.contains("Northshire Public Service Board"));
    assert!(home.contains("Secretariat"), "their own role is listed");

    let page = browser
        .get(app.url("/bodies/psb"))
        .send()
        .await
        .expect("body page");
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("html");
    assert!(html.contains("<title>Northshire Public Service Board – Quorate</title>"));
    assert!(html.contains("<h1>Northshire Public Service Board</h1>"));
    assert!(html.contains("Narrowing the gap") && html.contains("Economic recovery"));
    assert!(
        html.contains("<th scope=\"rowgroup\" colspan=\"2\" class=\"group-heading\">Northshire Police Authority</th>"),
        "members grouped by organisation"
    );
    assert!(
        html.contains("<dt>Vice-chair</dt><dd>Test officer, Northshire Police Authority</dd>"),
        "officers summarised at the top"
    );
    assert!(html.contains("Manage members and priorities"));
    assert!(
        !html.contains("clerk@test.example\""),
        "no email addresses on the public page"
    );

    let admin_page = browser
        .get(app.url("/admin/bodies/psb"))
        .send()
        .await
        .expect("manage");
    assert_eq!(admin_page.status(), 200);
    let orgs = browser
        .get(app.url("/admin/organisations"))
        .send()
        .await
        .expect("orgs");
    assert_eq!(orgs.status(), 403, "the secretariat is not a site admin");
}

#[tokio::test]
async fn a_wrong_password_gets_a_generic_message_and_the_summary_links_to_the_field() {
    let app = TestApp::spawn().await;
    body_page_board(&app).await;
    let browser = app.browser();
    let resp = app
        .submit_form(
            &browser,
            "/login",
            "/login",
            &[
                ("email", "clerk@test.example"),
                ("password", "wrong password here"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.expect("html");
    assert!(html.contains("<title>Error: Sign in – Quorate</title>"));
    assert!(html.contains("There is a problem"));
    assert!(html.contains("<a href=\"#email\">Enter a correct email address and password.</a>"));
    assert!(
        html.contains("value=\"clerk@test.example\""),
        "what was typed is kept"
    );

    let resp = app
        .submit_form(
            &browser,
            "/login",
            "/login",
            &[
                ("email", "nobody@test.example"),
                ("password", "wrong password here"),
            ],
        )
        .await;
    assert!(
        resp.text()
            .await
            .expect("html")
            .contains("Enter a correct email address and password."),
        "same message for unknown accounts"
    );

    let resp = app
        .submit_form(
            &browser,
            "/login",
            "/login",
            &[("email", ""), ("password", "")],
        )
        .await;
    let html = resp.text().await.expect("html");
    assert!(
        html.contains("href=\"#email\">Enter your email address.")
            && html.contains("href=\"#password\">Enter your password.")
    );
}

#[tokio::test]
async fn sign_in_is_rate_limited_per_account() {
    let app = TestApp::spawn().await;
    body_page_board(&app).await;
    let browser = app.browser();
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let resp = app
            .submit_form(
                &browser,
                "/login",
                "/login",
                &[
                    ("email", "clerk@test.example"),
                    ("password", "guess guess guess"),
                ],
            )
            .await;
        statuses.push(resp.status().as_u16());
    }
    assert_eq!(statuses, [422, 422, 422, 422, 422, 429]);
    let resp = app
        .submit_form(
            &browser,
            "/login",
            "/login",
            &[("email", "clerk@test.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        resp.status(),
        429,
        "even the right password waits out the limit"
    );
}

#[tokio::test]
async fn forms_need_the_csrf_token_and_a_matching_origin() {
    let app = TestApp::spawn().await;
    body_page_board(&app).await;
    let browser = app.browser();
    let html = browser
        .get(app.url("/login"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    let token = csrf_token(&html);
    assert!(token.len() >= 32);

    let resp = browser
        .post(app.url("/login"))
        .form(&[("email", "clerk@test.example"), ("password", PASSWORD)])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 400, "no token");
    let resp = browser
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", "forged-forged-forged-forged-forged-forged"),
            ("email", "clerk@test.example"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 400, "wrong token");
    let resp = browser
        .post(app.url("/login"))
        .header("Origin", "https://evil.example")
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", "clerk@test.example"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 403, "foreign origin");
    let resp = browser
        .post(app.url("/login"))
        .header("Origin", &app.address)
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", "clerk@test.example"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 303);
}

#[tokio::test]
async fn pages_carry_security_headers_and_unknown_pages_are_404() {
    let app = TestApp::spawn().await;
    let resp = app.api.get(app.url("/")).send().await.expect("home");
    let h = resp.headers();
    let csp = h["content-security-policy"].to_str().unwrap_or("");
    assert!(
        csp.contains("frame-ancestors 'none'")
            && csp.contains("script-src 'self'")
            && !csp.contains("unsafe-inline")
    );
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h.contains_key("referrer-policy"));
    let cookie = h
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("quorate_csrf="))
        .unwrap_or("");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );

    let resp = app
        .api
        .get(app.url("/no/such/page"))
        .send()
        .await
        .expect("404");
    assert_eq!(resp.status(), 404);
    assert!(resp.text().await.expect("html").contains("Page not found"));
    let resp = app
        .api
        .get(app.url("/bodies/nope"))
        .send()
        .await
        .expect("404");
    assert_eq!(resp.status(), 404);
}

#[tokio::test]
async fn pages_that_need_a_session_send_you_to_sign_in_and_back() {
    let app = TestApp::spawn().await;
    body_page_board(&app).await;
    let resp = app
        .api
        .get(app.url("/admin/bodies/psb"))
        .send()
        .await
        .expect("page");
    assert_eq!(resp.status(), 303);
    assert_eq!(
        resp.headers()["location"],
        "/login?next=%2Fadmin%2Fbodies%2Fpsb"
    );

    let browser = app.browser();
    let resp = app
        .submit_form(
            &browser,
            "/login?next=/admin/bodies/psb",
            "/login",
            &[
                ("email", "clerk@test.example"),
                ("password", PASSWORD),
                ("next", "/admin/bodies/psb"),
            ],
        )
        .await;
    assert_eq!(resp.headers()["location"], "/admin/bodies/psb");
    let resp = app.submit_form(&browser, "/", "/logout", &[]).await;
    assert_eq!(resp.status(), 303);
    let resp = browser
        .get(app.url("/account"))
        .send()
        .await
        .expect("account");
    assert_eq!(resp.status(), 303, "signed out");
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions() {
    let app = TestApp::spawn().await;
    body_page_board(&app).await;
    let laptop = app.login("clerk@test.example", PASSWORD).await;
    let phone = app.login("clerk@test.example", PASSWORD).await;
    let new_pw = "a brand new passphrase";
    let resp = app
        .submit_form(
            &laptop,
            "/account",
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", new_pw),
                ("confirm_password", new_pw),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    assert_eq!(
        laptop
            .get(app.url("/account"))
            .send()
            .await
            .expect("laptop")
            .status(),
        200,
        "this session continues"
    );
    assert_eq!(
        phone
            .get(app.url("/account"))
            .send()
            .await
            .expect("phone")
            .status(),
        303,
        "the other session ended"
    );
    app.login("clerk@test.example", new_pw).await;
}

#[tokio::test]
async fn admin_forms_report_every_problem_and_keep_what_was_typed() {
    let app = TestApp::spawn().await;
    body_page_board(&app).await;
    let browser = app.login("admin@test.example", PASSWORD).await;

    let resp = app
        .submit_form(
            &browser,
            "/admin/organisations",
            "/admin/organisations",
            &[("name", ""), ("short_name", "")],
        )
        .await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.expect("html");
    assert!(html.contains("href=\"#name\"") && html.contains("href=\"#short-name\""));

    let resp = app
        .submit_form(
            &browser,
            "/admin/organisations",
            "/admin/organisations",
            &[
                ("name", "Brookfield Borough Council"),
                ("short_name", "BBC"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let html = browser
        .get(app.url("/admin/organisations?notice=organisation-added"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(html.contains("Organisation added.") && html.contains("Brookfield Borough Council"));

    let resp = app
        .submit_form(
            &browser,
            "/admin/bodies",
            "/admin/bodies",
            &[
                ("name", "Forum"),
                ("slug", "Not A Slug"),
                ("kind", ""),
                ("parent_slug", "psb"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 422);
    let html = resp.text().await.expect("html");
    assert!(html.contains("href=\"#slug\"") && html.contains("href=\"#kind\""));
    assert!(html.contains("value=\"Not A Slug\""));

    let resp = app
        .submit_form(
            &browser,
            "/admin/users",
            "/admin/users",
            &[
                ("name", "Nadia Hussain"),
                ("email", "nadia@ashby.example"),
                ("organisation_id", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), 422);
    assert!(
        resp.text()
            .await
            .expect("html")
            .contains("href=\"#organisation-id\"")
    );
}

#[tokio::test]
async fn the_secretariat_manages_members_and_priorities_on_pages() {
    let app = TestApp::spawn().await;
    let (_, org) = body_page_board(&app).await;
    let newcomer = app.create_user("newcomer@test.example", &org, false).await;
    let browser = app.login("clerk@test.example", PASSWORD).await;

    let resp = app
        .submit_form(
            &browser,
            "/admin/bodies/psb",
            "/admin/bodies/psb/members",
            &[
                ("user_id", newcomer.id.as_str()),
                ("role", "member"),
                ("substitute_for", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let resp = app
        .submit_form(
            &browser,
            "/admin/bodies/psb",
            "/admin/bodies/psb/priorities",
            &[("title", "Preparing for an ageing population")],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let resp = app
        .submit_form(
            &browser,
            "/admin/bodies/psb",
            "/admin/bodies/psb/priorities",
            &[("title", "A fourth")],
        )
        .await;
    assert_eq!(resp.status(), 422);
    assert!(
        resp.text()
            .await
            .expect("html")
            .contains("at most 3 active priorities")
    );

    let html = browser
        .get(app.url("/bodies/psb"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(html.contains("Test newcomer") && html.contains("Preparing for an ageing population"));

    let member = app.login("newcomer@test.example", PASSWORD).await;
    let resp = member
        .get(app.url("/admin/bodies/psb"))
        .send()
        .await
        .expect("page");
    assert_eq!(resp.status(), 403, "members cannot manage the body");
}

#[tokio::test]
async fn an_admin_replaces_the_bank_holidays_on_a_page() {
    use reqwest::multipart::{Form, Part};
    let app = TestApp::spawn().await;
    let (token, _) = body_page_board(&app).await;
    let meeting = crate::helpers::json(app.post_json("/api/v1/bodies/psb/meetings", Some(&token), &json!({"starts_at": "2027-01-12T14:00:00Z", "ends_at": "2027-01-12T16:00:00Z", "location": "County Hall"})).await).await;
    let path = format!(
        "/api/v1/meetings/{}",
        meeting["id"].as_str().unwrap_or_default()
    );
    assert_eq!(
        crate::helpers::json(app.get(&path, None).await).await["timeline"]["publication_deadline"],
        "2027-01-04T17:00:00Z"
    );

    let browser = app.login("admin@test.example", PASSWORD).await;
    let html = browser
        .get(app.url("/admin/holidays"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(html.contains("England and Wales") && html.contains("2024 to 2028"));
    let token_field = csrf_token(&html);
    let post = |bytes: Vec<u8>| {
        let form = Form::new()
            .text("csrf_token", token_field.clone())
            .part("file", Part::bytes(bytes).file_name("bank-holidays.json"));
        browser
            .post(app.url("/admin/holidays"))
            .header("Origin", &app.address)
            .multipart(form)
            .send()
    };
    let resp = post(b"{\"england-and-wales\": []}".to_vec())
        .await
        .expect("post");
    assert_eq!(resp.status(), 422);
    assert!(
        resp.text()
            .await
            .expect("html")
            .contains("The file was not imported")
    );
    assert_eq!(
        crate::helpers::json(app.get(&path, None).await).await["timeline"]["publication_deadline"],
        "2027-01-04T17:00:00Z",
        "nothing changed"
    );

    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/config/bank-holidays.json"
    ))
    .expect("file");
    let mut doc: serde_json::Value = serde_json::from_str(&shipped).expect("json");
    if let Some(events) = doc["england-and-wales"]["events"].as_array_mut() {
        events.push(json!({"title": "Extra bank holiday", "date": "2027-01-08", "notes": "", "bunting": true}));
    }
    let resp = post(doc.to_string().into_bytes()).await.expect("post");
    assert_eq!(resp.status(), 303);
    assert_eq!(
        crate::helpers::json(app.get(&path, None).await).await["timeline"]["publication_deadline"],
        "2026-12-31T17:00:00Z",
        "the new holiday moves publication back at once"
    );
}

/// Answers that a shared cache may keep carry no cookie; pages with forms
/// still set the form token's cookie.
#[tokio::test]
async fn publicly_cacheable_answers_set_no_cookie() {
    let app = TestApp::spawn().await;
    for path in [
        "/static/quorate.css",
        "/static/favicon.svg",
        "/licences/fonts",
    ] {
        let resp = app.get(path, None).await;
        assert_eq!(resp.status(), 200, "{path}");
        assert!(
            resp.headers()["cache-control"]
                .to_str()
                .unwrap_or_default()
                .contains("public"),
            "{path}"
        );
        assert!(
            resp.headers().get("set-cookie").is_none(),
            "{path} set a cookie on a public answer"
        );
    }
    let login = app.get("/login", None).await;
    assert!(
        login.headers().get("set-cookie").is_some(),
        "the sign-in form sets its token's cookie"
    );
}

/// Signs in without a cookie store and returns the `Cookie` header a browser
/// would then send (the session and the form token), as an attacker who
/// copied it would hold it.
async fn copied_cookies(app: &TestApp, email: &str) -> (String, String) {
    let resp = app
        .submit_form(
            &app.browser(),
            "/login",
            "/login",
            &[
                ("email", email),
                ("password", crate::helpers::PASSWORD),
                ("next", "/"),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let mut session = String::new();
    let mut csrf = String::new();
    for c in resp.cookies() {
        match c.name() {
            "quorate_session" => session = c.value().to_string(),
            "quorate_csrf" => csrf = c.value().to_string(),
            _ => {}
        }
    }
    assert!(!session.is_empty());
    (
        format!("quorate_session={session}; quorate_csrf={csrf}"),
        csrf,
    )
}

async fn signed_in_with(app: &TestApp, cookie: &str) -> bool {
    let resp = app
        .api
        .get(app.url("/account"))
        .header("Cookie", cookie)
        .send()
        .await
        .expect("account");
    resp.status() == 200
}

/// Signing out ends the session on the server: a copy of the cookie taken
/// before stops working (it used to work for 12 hours). Idle sessions end;
/// "Sign out everywhere" ends them all.
#[tokio::test]
async fn signing_out_ends_the_session_for_every_copy_of_its_cookie() {
    let app = TestApp::spawn().await;
    let org = app.create_organisation("Northshire County Council").await;
    app.create_user("clerk@test.example", &org, false).await;

    let (cookie, csrf) = copied_cookies(&app, "clerk@test.example").await;
    assert!(signed_in_with(&app, &cookie).await);
    let resp = app
        .api
        .post(app.url("/logout"))
        .header("Cookie", &cookie)
        .header("Origin", &app.address)
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .expect("sign out");
    assert_eq!(resp.status(), 303);
    assert!(
        !signed_in_with(&app, &cookie).await,
        "a copy of the cookie still worked after signing out"
    );

    // A session left alone longer than the idle time ends.
    let (cookie, _) = copied_cookies(&app, "clerk@test.example").await;
    assert!(signed_in_with(&app, &cookie).await);
    app.clock.advance(chrono::Duration::minutes(119));
    assert!(
        signed_in_with(&app, &cookie).await,
        "used within the idle time"
    );
    app.clock.advance(chrono::Duration::minutes(121));
    assert!(
        !signed_in_with(&app, &cookie).await,
        "idle for over two hours"
    );

    // Sign out everywhere ends the other browser's session too.
    let (laptop, laptop_csrf) = copied_cookies(&app, "clerk@test.example").await;
    let (phone, _) = copied_cookies(&app, "clerk@test.example").await;
    let account = app
        .api
        .get(app.url("/account"))
        .header("Cookie", &laptop)
        .send()
        .await
        .expect("account")
        .text()
        .await
        .unwrap_or_default();
    assert!(account.contains("Where you are signed in") && account.contains("This browser"));
    let resp = app
        .api
        .post(app.url("/account/sessions/end"))
        .header("Cookie", &laptop)
        .header("Origin", &app.address)
        .form(&[("csrf_token", laptop_csrf.as_str())])
        .send()
        .await
        .expect("sign out everywhere");
    assert_eq!(resp.status(), 303);
    assert!(!signed_in_with(&app, &phone).await);
    assert!(!signed_in_with(&app, &laptop).await);
}

/// The Origin of a form post is checked against the configured base URL
/// only: a request that claims to come from its own Host (or a forwarded
/// host) of its choosing is refused.
#[tokio::test]
async fn a_form_post_from_another_site_is_refused_whatever_host_it_names() {
    let app = TestApp::spawn().await;
    let client = app.browser();
    let token = app.form_token(&client, "/login").await;
    for (host_header, value) in [
        ("Host", "evil.example"),
        ("X-Forwarded-Host", "evil.example"),
    ] {
        let resp = client
            .post(app.url("/login"))
            .header("Origin", "http://evil.example")
            .header(host_header, value)
            .form(&[
                ("csrf_token", token.as_str()),
                ("email", "nobody@test.example"),
                ("password", "whatever-whatever"),
                ("next", "/"),
            ])
            .send()
            .await
            .expect("post");
        assert_eq!(resp.status(), 403, "{host_header}: {value}");
    }
}

/// The audit log's CSV holds what the filters ask for and nothing else:
/// read back with a real CSV parser, and the page counts one page at a time.
#[tokio::test]
async fn the_audit_log_filters_by_body_and_person_and_downloads_as_csv() {
    let app = TestApp::spawn_demo().await;
    let admin = app
        .login("admin@northshire.example", quorate::demo::DEMO_PASSWORD)
        .await;
    let fetch = |path: String| {
        let admin = admin.clone();
        let url = app.url(&path);
        async move {
            let resp = admin.get(url).send().await.expect("csv");
            assert_eq!(resp.status(), 200, "{path}");
            let text = resp.text().await.unwrap_or_default();
            let mut rows = csv::Reader::from_reader(text.as_bytes());
            rows.records()
                .map(|r| r.expect("a CSV row"))
                .map(|r| r.iter().map(str::to_string).collect::<Vec<String>>())
                .collect::<Vec<_>>()
        }
    };
    let all = fetch("/admin/audit.csv".into()).await;
    assert!(
        all.len() > 20,
        "the demo's changes are logged: {}",
        all.len()
    );
    let clerk = app
        .state
        .db(|c| {
            Ok(quorate::db::users::find_by_email(
                c,
                "sam.clarke@northshire.example",
            )?)
        })
        .await
        .expect("clerk")
        .expect("the demo's clerk");
    let by_clerk = fetch(format!("/admin/audit.csv?person={}", clerk.id)).await;
    assert!(!by_clerk.is_empty() && by_clerk.len() < all.len());
    assert!(
        by_clerk.iter().all(|r| r[2] == clerk.id),
        "only the clerk's entries"
    );
    // A theme group's entries are not the Board's.
    let board = fetch("/admin/audit.csv?body=northshire-psb".into()).await;
    let group = fetch("/admin/audit.csv?body=ashby-partnership".into()).await;
    assert!(!board.is_empty() && !group.is_empty());
    let board_records: std::collections::HashSet<&String> = board.iter().map(|r| &r[5]).collect();
    let shared: Vec<&Vec<String>> = group
        .iter()
        .filter(|r| board_records.contains(&r[5]))
        .collect();
    assert!(
        shared.is_empty(),
        "Board records under the partnership: {shared:?}"
    );
    // A date that does not exist is an error on the page, not a 500.
    let resp = admin
        .get(app.url("/admin/audit?from=31/02/2026&to=1/1/2020"))
        .send()
        .await
        .expect("page");
    assert_eq!(resp.status(), 422);
    let page = resp.text().await.unwrap_or_default();
    assert!(
        page.contains("Enter a real date") && page.contains("31/02/2026"),
        "{page}"
    );
    // Pages of 100, newest first, each older than the last.
    let page = admin
        .get(app.url("/admin/audit"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    if all.len() > 100 {
        assert!(page.contains("Older entries"));
    }
    // Only site admins.
    let clerk_browser = app
        .login(
            "sam.clarke@northshire.example",
            quorate::demo::DEMO_PASSWORD,
        )
        .await;
    let resp = clerk_browser
        .get(app.url("/admin/audit.csv"))
        .send()
        .await
        .expect("csv");
    assert_eq!(resp.status(), 403);
}

/// Minutes are for meetings that have been held: an upcoming meeting's page,
/// and its row on the body's page, offer no "Minutes" link; a past one's do.
#[tokio::test]
async fn only_a_meeting_that_has_been_held_links_to_its_minutes() {
    let app = TestApp::spawn_demo().await;
    let now = crate::helpers::NaiveNow::now_naive_utc(&*app.clock);
    let (upcoming, past) = app
        .state
        .db(move |c| {
            let psb = quorate::db::bodies::find_by_slug(c, "northshire-psb")?.expect("board");
            let all = quorate::db::meetings::of_body(c, &psb.id)?;
            let upcoming = all.iter().find(|m| m.starts_at > now).map(|m| m.id.clone());
            let past = all.iter().find(|m| m.ends_at < now).map(|m| m.id.clone());
            Ok((
                upcoming.expect("an upcoming meeting"),
                past.expect("a past meeting"),
            ))
        })
        .await
        .expect("meetings");
    let clerk = app
        .login(
            "sam.clarke@northshire.example",
            quorate::demo::DEMO_PASSWORD,
        )
        .await;
    for (reader, who) in [(&app.api, "the public"), (&clerk, "the secretariat")] {
        let page = |id: String| {
            let url = app.url(&format!("/meetings/{id}"));
            async move {
                reader
                    .get(url)
                    .send()
                    .await
                    .expect("meeting")
                    .text()
                    .await
                    .unwrap_or_default()
            }
        };
        let html = page(upcoming.clone()).await;
        assert!(
            !html.contains(&format!("/meetings/{upcoming}/minutes")),
            "{who}: an upcoming meeting has no minutes link"
        );
        let html = page(past.clone()).await;
        assert!(
            html.contains(&format!("/meetings/{past}/minutes")),
            "{who}: a past meeting links to its minutes"
        );
        let body = reader
            .get(app.url("/bodies/northshire-psb"))
            .send()
            .await
            .expect("body")
            .text()
            .await
            .unwrap_or_default();
        assert!(
            !body.contains(&format!("/meetings/{upcoming}/minutes")),
            "{who}"
        );
        assert!(body.contains(&format!("/meetings/{past}/minutes")), "{who}");
    }
}
