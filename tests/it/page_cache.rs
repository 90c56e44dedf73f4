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
