//! A body's forward plan, for everyone.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use crate::domain::format::{london_date_words, london_datetime};
use crate::i18n::{self, Arg};
use crate::state::AppState;
use crate::views::forward_plan::{ForwardPlanPage, PlanItem, PlanMeeting};
use crate::web::auth::Viewer;
use crate::web::respond::{PageResult, html, nav};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/bodies/{slug}/forward-plan", plan_page);
}

/// The catalogue key for an item's type, its status and its paper's state.
fn type_key(item_type: &str) -> &'static str {
    match item_type {
        "decision" => "plan-type-decision",
        "information" => "plan-type-information",
        _ => "plan-type-discussion",
    }
}

fn status_key(status: &str) -> &'static str {
    match status {
        "proposed" => "plan-status-proposed",
        _ => "plan-status-accepted",
    }
}

fn paper_key(state: &str) -> (&'static str, &'static str) {
    match state {
        "missing" => ("plan-paper-missing", "tag-red"),
        "received" => ("plan-paper-received", "tag-green"),
        "published" => ("plan-paper-published", "tag-green"),
        "due" => ("plan-paper-due", "tag-grey"),
        _ => ("plan-paper-awaiting_acceptance", "tag-grey"),
    }
}

async fn plan_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let slug = path.into_inner();
    let parts = state.ctx_parts();
    let plan = state
        .db(move |c| {
            let body = crate::services::directory::body(c, &slug)?;
            crate::services::forward_plan::of_body(c, &body, &parts.ctx())
        })
        .await?;
    let nav = nav(&req, viewer.0.as_ref());
    let meetings = plan
        .meetings
        .into_iter()
        .map(|m| PlanMeeting {
            url: m.url,
            when: london_datetime(m.starts),
            location: m.location,
            papers_due: london_datetime(m.papers_due),
            items: m
                .items
                .into_iter()
                .map(|i| {
                    let (paper_key, paper_class) = paper_key(&i.paper);
                    PlanItem {
                        title: match i.confidential_paragraph {
                            Some(n) => i18n::text_with(
                                nav.lang,
                                "plan-confidential",
                                &[("paragraph", Arg::Number(i64::from(n)))],
                            ),
                            None => i.title,
                        },
                        kind: nav.t(type_key(&i.item_type)),
                        detail: [i.organisation, i.priority]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · "),
                        status: nav.t(status_key(&i.status)),
                        notice_by: i.notice_by.map(london_date_words).unwrap_or_default(),
                        short_notice: i.short_notice,
                        paper: nav.t(paper_key),
                        paper_class: paper_class.into(),
                    }
                })
                .collect(),
        })
        .collect();
    let page = ForwardPlanPage {
        body_slug: plan.body_slug,
        body_name: plan.body,
        meetings,
        nav,
    };
    html(StatusCode::OK, &page)
}
