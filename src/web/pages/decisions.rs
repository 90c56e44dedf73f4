//! The decisions register, on the page and as CSV.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use serde::Deserialize;

use crate::domain::format::london_day;
use crate::services::decisions::{self, RegisterFilter};
use crate::state::AppState;
use crate::views::decisions::{DecisionRow, RegisterPage};
use crate::web::auth::Viewer;
use crate::web::respond::{PageResult, html, nav};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/decisions", register)
        .get("/bodies/{slug}/decisions.csv", decisions_csv);
}

/// Decisions on one page of the register (newest first).
const REGISTER_PAGE: i64 = 500;

#[derive(Default, Deserialize)]
struct RegisterQuery {
    #[serde(default)]
    priority: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    q: String,
}

async fn register(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    query: web::Query<RegisterQuery>,
) -> PageResult {
    let q = query.into_inner();
    // As people type dates ("1/9/2027", "1 Sept 2027"); ISO links still work.
    let parse = |s: &str| crate::domain::validate::uk_date(s);
    let lang = crate::web::respond::lang(&req);
    let mut error = String::new();
    let from = if q.from.trim().is_empty() {
        None
    } else {
        let d = parse(&q.from);
        if d.is_none() {
            error = crate::i18n::text(lang, "register-dates");
        }
        d
    };
    let to = if q.to.trim().is_empty() {
        None
    } else {
        let d = parse(&q.to);
        if d.is_none() {
            error = crate::i18n::text(lang, "register-dates");
        }
        d
    };
    let grants = viewer.0.as_ref().map(|u| u.grants.clone());
    let signed_in = grants.is_some();
    let filter = RegisterFilter {
        body: Some(q.body.clone()),
        from,
        to,
        text: Some(q.q.clone()),
        priority_id: Some(q.priority.clone()),
        after: None,
        limit: REGISTER_PAGE + 1,
    };
    let (entries, all, priorities) = state
        .db(move |c| {
            Ok((
                decisions::register(c, grants.as_ref(), &filter)?,
                decisions::body_choices(c)?,
                decisions::priority_choices(c)?,
            ))
        })
        .await?;
    let truncated = entries.len() > REGISTER_PAGE as usize;
    let rows = entries
        .into_iter()
        .take(REGISTER_PAGE as usize)
        .map(|e| DecisionRow {
            body: e.body_name,
            date: e.meeting_starts_at.map(london_day).unwrap_or_default(),
            item: e.item_title,
            paper_link: e.paper_link,
            actions_link: signed_in,
            actions: usize::from(e.has_actions),
            meeting_id: e.decision.meeting_id,
            reference: e.decision.reference,
            text: e.decision.text,
            withdrawn: e.decision.withdrawn_reason.unwrap_or_default(),
        })
        .collect();
    let page = RegisterPage {
        truncated,
        priorities,
        f_priority: q.priority.clone(),
        nav: nav(&req, viewer.0.as_ref()),
        rows,
        bodies: all,
        f_body: q.body,
        f_from: q.from,
        f_to: q.to,
        f_q: q.q,
        error,
    };
    html(StatusCode::OK, &page)
}

/// Every non-exempt decision of a body (RFC 4180, UTF-8, with a header).
async fn decisions_csv(state: web::Data<AppState>, path: web::Path<String>) -> PageResult {
    let slug = path.into_inner();
    let bytes = state.db(move |c| decisions::csv(c, &slug)).await?;
    Ok(crate::web::respond::csv("decisions.csv", bytes))
}
