//! The accessibility statement: made from the configuration and from the
//! page states the browser journeys check, which must be the list it shows.

use std::collections::BTreeSet;

use crate::helpers::TestApp;

/// The page states the statement lists.
fn listed() -> BTreeSet<String> {
    include_str!("../../config/accessibility-checks.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The page states the journeys check: the text given to each `check_page` call in the tests.
fn checked() -> BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("tests/it") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        for part in text.split("check_page(\"").skip(1) {
            if let Some((state, _)) = part.split_once('"') {
                found.insert(state.to_string());
            }
        }
    }
    found
}

#[test]
fn the_statement_lists_exactly_the_page_states_the_journeys_check() {
    let (listed, checked) = (listed(), checked());
    let unlisted: Vec<_> = checked.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&checked).collect();
    assert!(
        unlisted.is_empty() && stale.is_empty(),
        "config/accessibility-checks.txt is out of step with the journeys: add {unlisted:?}, remove {stale:?}"
    );
}

/// Who to contact comes from the configuration (the sender's address when
/// none is set), and every page's footer links the statement.
#[tokio::test]
async fn the_statement_names_who_runs_the_site_and_how_to_reach_them() {
    let app = TestApp::spawn_with(|s| {
        s.accessibility.organisation = "Northshire County Council, for the partnership".into();
        s.accessibility.contact_phone = "01632 960001".into();
        s.accessibility.response_days = 1;
    })
    .await;
    let resp = app.get("/accessibility", None).await;
    assert_eq!(resp.status(), 200);
    let html = resp.text().await.unwrap_or_default();
    assert!(
        html.contains("It is run by Northshire County Council, for the partnership."),
        "{html}"
    );
    assert!(html.contains("01632 960001"));
    assert!(
        html.contains("We will reply within 1 working day."),
        "{html}"
    );
    let from = app.state.mail_from.email.to_string();
    assert!(html.contains(&format!("mailto:{from}")), "{html}");
    assert!(html.contains(&format!("The page states checked ({})", listed().len())));
    for state in listed() {
        assert!(
            html.contains(&state.replace('\'', "&#39;")) || html.contains(&state),
            "{state}"
        );
    }
    for page in ["/", "/login", "/decisions", "/no-such-page"] {
        let text = app.get(page, None).await.text().await.unwrap_or_default();
        assert!(
            text.contains("href=\"/accessibility\""),
            "{page} links the statement"
        );
    }
}
