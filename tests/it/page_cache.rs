//! Public answers kept in memory: served again until anything is written,
//! then never; the same for every visitor, with no visitor's cookie in
//! them; never a signed-in person's page.

use serde_json::json;

use crate::builders::{board, post};
use crate::helpers::TestApp;

async fn public(app: &TestApp, path: &str) -> (String, Option<String>) {
    let resp = app.api.get(app.url(path)).send().await.expect("get");
    assert_eq!(resp.status(), 200, "{path}");
    let cookie = resp
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("quorate_csrf="))
        .map(str::to_string);
    (resp.text().await.unwrap_or_default(), cookie)
}

#[tokio::test]
async fn a_kept_public_page_changes_as_soon_as_anything_is_written() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let (first, cookie_a) = public(&app, "/bodies/psb").await;
    let (again, cookie_b) = public(&app, "/bodies/psb").await;
    assert_eq!(first, again);
    // Each visitor gets a CSRF cookie of their own, never a kept one.
    if let (Some(a), Some(b)) = (&cookie_a, &cookie_b) {
        assert_ne!(a, b);
    }
    assert!(!first.contains("Thursday 18 March 2027"), "{first}");

    // A change through the API shows at once.
    let resp = post(
        &app,
        "/api/v1/bodies/psb/meetings",
        &b.clerk,
        json!({"starts_at": "2027-03-18T14:00:00Z", "ends_at": "2027-03-18T16:00:00Z", "location": "Ashby Library"}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let (after, _) = public(&app, "/bodies/psb").await;
    assert!(after.contains("Thursday 18 March 2027"), "{after}");

    // So does one written straight to the database in a transaction.
    let (before, _) = public(&app, "/api/v1/bodies/psb").await;
    app.state
        .tx(|c| {
            use diesel::RunQueryDsl;
            diesel::sql_query(
                "UPDATE bodies SET name = 'Northshire PSB (renamed)' WHERE slug = 'psb'",
            )
            .execute(c)?;
            Ok(())
        })
        .await
        .expect("rename");
    let (renamed, _) = public(&app, "/api/v1/bodies/psb").await;
    assert!(
        !before.contains("renamed") && renamed.contains("renamed"),
        "{renamed}"
    );

    // A signed-in person's page is theirs: the secretariat sees its tools
    // on a meeting page the public has just been served.
    let (seen, _) = public(&app, &format!("/meetings/{}", b.meeting)).await;
    assert!(!seen.contains("Build the agenda"));
    let clerk = app
        .page_as("clerk@test.example", &format!("/meetings/{}", b.meeting))
        .await;
    assert!(clerk.contains("Build the agenda"), "{clerk}");

    // A page that says what is due changes with the clock's minute.
    let (due, _) = public(&app, &format!("/meetings/{}", b.meeting)).await;
    app.clock.set(
        chrono::NaiveDate::from_ymd_opt(2027, 1, 13)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap_or_default()
            .and_utc(),
    );
    let (held, _) = public(&app, &format!("/meetings/{}", b.meeting)).await;
    assert_ne!(due, held, "the meeting is over: its page says so");
    drop(app);
}

/// The page as this client sees it, and whether it was a 200.
async fn page(client: &reqwest::Client, app: &TestApp, path: &str, cookie: Option<&str>) -> String {
    let mut req = client.get(app.url(path));
    if let Some(c) = cookie {
        req = req.header("Cookie", c);
    }
    let resp = req.send().await.expect("get");
    resp.text().await.unwrap_or_default()
}

/// A signed-in person's page seen again is kept for their session alone:
/// another person's view of the same address is their own, a change shows
/// at once, and once they sign out their old cookie is never served it.
#[tokio::test]
async fn a_signed_in_person_s_page_is_kept_for_them_alone() {
    use reqwest::cookie::CookieStore;
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let path = format!("/meetings/{}", b.meeting);
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let clerk = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let resp = app
        .submit_form(
            &clerk,
            "/login",
            "/login",
            &[
                ("email", "clerk@test.example"),
                ("password", crate::helpers::PASSWORD),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);
    let first = page(&clerk, &app, &path, None).await;
    let again = page(&clerk, &app, &path, None).await;
    assert!(first.contains("Build the agenda"), "{first}");
    assert_eq!(first, again);
    // It is kept: a change made elsewhere (another instance's, written
    // straight to the database) shows here only after `TTL`.
    {
        use diesel::RunQueryDsl;
        let mut conn = app.state.pool.get().expect("a connection");
        let sql = diesel::sql_query("UPDATE meetings SET location = 'ZQX elsewhere'");
        match &mut *conn {
            quorate::db::DbConn::Sqlite(c) => sql.execute(c),
            quorate::db::DbConn::Postgresql(c) => sql.execute(c),
        }
        .expect("update");
    }
    let kept = page(&clerk, &app, &path, None).await;
    assert!(!kept.contains("ZQX elsewhere"), "{kept}");
    let member = app
        .login("member@police.example", crate::helpers::PASSWORD)
        .await;
    let theirs = page(&member, &app, &path, None).await;
    assert!(!theirs.contains("Build the agenda"), "{theirs}");
    assert_ne!(theirs, first);

    // A change shows at once.
    let resp = crate::builders::patch(
        &app,
        &format!("/api/v1/meetings/{}", b.meeting),
        &b.clerk,
        None,
        &json!({"location": "Ashby Library, Room 2"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let moved = page(&clerk, &app, &path, None).await;
    assert!(moved.contains("Ashby Library, Room 2"), "{moved}");

    // Signed out, the cookie kept from before is answered as the public.
    let url = reqwest::Url::parse(&app.url("/")).expect("url");
    let cookie = jar
        .cookies(&url)
        .and_then(|v| v.to_str().ok().map(str::to_string))
        .expect("the clerk's cookies");
    let resp = app.submit_form(&clerk, "/", "/logout", &[]).await;
    assert_eq!(resp.status(), 303);
    let stranger = reqwest::Client::new();
    let replayed = page(&stranger, &app, &path, Some(&cookie)).await;
    assert!(!replayed.contains("Build the agenda"), "{replayed}");
    drop(app);
}
