//! The accessibility statement UK public bodies must publish, made from the
//! configuration and the list of page states the browser tests check.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use crate::i18n::{self, Arg};
use crate::state::AppState;
use crate::views::accessibility::AccessibilityPage;
use crate::web::auth::Viewer;
use crate::web::respond::{PageResult, html, nav};
use crate::web::routes::Routes;

/// The page states the browser journeys check with axe-core (kept equal to
/// the journeys by `tests/it/accessibility.rs`).
const CHECKED: &str = include_str!("../../../config/accessibility-checks.txt");

pub fn configure(r: &mut Routes<'_>) {
    r.get("/accessibility", statement);
}

async fn statement(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let nav = nav(&req, viewer.0.as_ref());
    let a = &state.settings.accessibility;
    let email = match a.contact_email.trim() {
        "" => state.mail_from.email.to_string(),
        set => set.to_string(),
    };
    let site = url::Url::parse(state.base_url())
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| state.base_url().to_string());
    let page = AccessibilityPage {
        reply: i18n::text_with(
            nav.lang,
            "a11y-reply",
            &[("days", Arg::count(a.response_days as usize))],
        ),
        nav,
        site,
        organisation: a.organisation.trim().to_string(),
        email,
        phone: a.contact_phone.trim().to_string(),
        checked: CHECKED
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect(),
        version: env!("CARGO_PKG_VERSION"),
    };
    html(StatusCode::OK, &page)
}
