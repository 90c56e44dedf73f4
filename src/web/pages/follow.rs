//! Follow-through: how each organisation carries out its actions, per body
//! and per organisation.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use crate::i18n::{self, Arg};
use crate::state::AppState;
use crate::views::follow::{Bar, FollowThroughPage};
use crate::web::auth::Viewer;
use crate::web::respond::{PageResult, html, nav};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/bodies/{slug}/follow-through", follow_through).get(
        "/organisations/{id}/follow-through",
        organisation_follow_through,
    );
}

/// Horizontal bars scaled to `max`, 26 px apart.
fn bars(values: &[(String, f64, String)], max: f64) -> (Vec<Bar>, usize) {
    let bars: Vec<Bar> = values
        .iter()
        .enumerate()
        .map(|(n, (label, v, shown))| Bar {
            label: label.chars().take(44).collect(),
            value: shown.clone(),
            width: if max > 0.0 {
                (v / max * 300.0).round()
            } else {
                0.0
            },
            y: n * 26,
        })
        .collect();
    let height = (bars.len() * 26).max(26);
    (bars, height)
}

/// A follow-through figure as the page shows it: "–" when there is none.
fn figure(v: Option<f64>, suffix: &str) -> String {
    v.map(|x| format!("{x}{suffix}"))
        .unwrap_or_else(|| "–".into())
}

/// The on-time chart of follow-through figures (by organisation, or by body).
fn on_time_bars(rows: &[(String, crate::domain::actions::OrgFollowThrough)]) -> (Vec<Bar>, usize) {
    bars(
        &rows
            .iter()
            .map(|(_, o)| {
                (
                    o.organisation.clone(),
                    o.on_time_percent.unwrap_or(0.0),
                    figure(o.on_time_percent, "%"),
                )
            })
            .collect::<Vec<_>>(),
        100.0,
    )
}

/// The data table beside the chart, each row keyed by its link (an
/// organisation id or a body slug).
fn follow_rows(
    rows: &[(String, crate::domain::actions::OrgFollowThrough)],
) -> Vec<crate::views::follow::FollowRow> {
    rows.iter()
        .map(|(key, o)| {
            (
                key.clone(),
                o.organisation.clone(),
                o.actions_total,
                o.closed_on_time,
                o.closed_late,
                o.overdue,
                figure(o.median_days_late, ""),
                figure(o.on_time_percent, "%"),
            )
        })
        .collect()
}

async fn follow_through(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let slug = path.into_inner();
    let today = crate::domain::timeline::london_date(state.clock.now());
    let f = state
        .db(move |c| crate::services::follow::for_body(c, &slug, today))
        .await?;
    let (on_time_bars, on_time_height) = on_time_bars(&f.organisations);
    let max_age = f.ageing.iter().map(|(_, n)| *n).max().unwrap_or(0) as f64;
    let (ageing_bars, ageing_height) = bars(
        &f.ageing
            .iter()
            .map(|(l, n)| (band(i18n::current(), l), *n as f64, n.to_string()))
            .collect::<Vec<_>>(),
        max_age,
    );
    let total: usize = f.organisations.iter().map(|(_, o)| o.actions_total).sum();
    let done_on_time: usize = f.organisations.iter().map(|(_, o)| o.closed_on_time).sum();
    let done: usize = f
        .organisations
        .iter()
        .map(|(_, o)| o.closed_on_time + o.closed_late)
        .sum();
    let overdue: usize = f.organisations.iter().map(|(_, o)| o.overdue).sum();
    let nav = nav(&req, viewer.0.as_ref());
    let summary = if total == 0 {
        i18n::text(nav.lang, "follow-summary-none")
    } else {
        i18n::text_with(
            nav.lang,
            "follow-summary",
            &[
                ("total", Arg::count(total)),
                ("done", Arg::count(done)),
                ("on_time", Arg::count(done_on_time)),
                ("overdue", Arg::count(overdue)),
            ],
        )
    };
    let page = FollowThroughPage {
        nav,
        body_name: f.body.name.clone(),
        body_slug: f.body.slug.clone(),
        table: follow_rows(&f.organisations),
        on_time_bars,
        on_time_height,
        ageing_bars,
        ageing_height,
        ageing: f
            .ageing
            .iter()
            .map(|(l, n)| (band(i18n::current(), l), *n))
            .collect(),
        decisions: f.decisions,
        decisions_without_actions: f.decisions_without_actions,
        summary,
        confidential_note: crate::views::follow::confidential_note(
            f.confidential_actions,
            f.confidential_decisions,
        ),
    };
    html(StatusCode::OK, &page)
}

async fn organisation_follow_through(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let id = path.into_inner();
    let today = crate::domain::timeline::london_date(state.clock.now());
    let f = state
        .db(move |c| crate::services::follow::for_organisation(c, &id, today))
        .await?;
    let (on_time_bars, on_time_height) = on_time_bars(&f.bodies);
    let total: usize = f.bodies.iter().map(|(_, o)| o.actions_total).sum();
    let overdue: usize = f.bodies.iter().map(|(_, o)| o.overdue).sum();
    let nav = nav(&req, viewer.0.as_ref());
    let summary = if total == 0 {
        i18n::text(nav.lang, "org-follow-summary-none")
    } else {
        i18n::text_with(
            nav.lang,
            "org-follow-summary",
            &[
                ("total", Arg::count(total)),
                ("bodies", Arg::count(f.bodies.len())),
                ("overdue", Arg::count(overdue)),
            ],
        )
    };
    let page = crate::views::follow::OrgFollowThroughPage {
        nav,
        name: f.organisation.name.clone(),
        summary,
        table: follow_rows(&f.bodies),
        on_time_bars,
        on_time_height,
        ageing: f
            .ageing
            .iter()
            .map(|(l, n)| (band(i18n::current(), l), *n))
            .collect(),
        confidential_note: crate::views::follow::confidential_note(f.confidential_actions, 0),
    };
    html(StatusCode::OK, &page)
}

/// An ageing band's name in the page's language (the API keeps the English).
fn band(lang: i18n::Lang, english: &str) -> String {
    let key = match english {
        "Up to 2 weeks" => "follow-band-2w",
        "2 to 4 weeks" => "follow-band-4w",
        "1 to 3 months" => "follow-band-3m",
        "Over 3 months" => "follow-band-over",
        other => return other.to_string(),
    };
    i18n::text(lang, key)
}
