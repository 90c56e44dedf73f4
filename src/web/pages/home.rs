use std::collections::BTreeMap;

use crate::web::routes::Routes;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use super::bodies::body_tree;
use crate::domain::roles::Role;
use crate::services::directory;
use crate::state::AppState;
use crate::views::bodies::{BodyPage, MeetingLink, MemberLine, OrgGroup};
use crate::views::home::HomePage;
use crate::web::auth::Viewer;
use crate::web::respond::{PageResult, html, nav};

pub fn configure(r: &mut Routes<'_>) {
    r.get("/", home).get("/bodies/{slug}", body);
}

fn role_label(role: &str) -> String {
    Role::parse(role)
        .map(|r| r.label().to_string())
        .unwrap_or_else(|| role.to_string())
}

async fn home(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let who = viewer.0.clone();
    let now = state.clock.now_naive();
    let cals = state.calendars();
    let view = state
        .db(move |c| {
            let who = who.as_ref().map(|u| (u.user.id.as_str(), &u.grants));
            crate::services::home::page(c, who, &cals, now)
        })
        .await?;
    let (all, mine, upcoming, due) = (view.bodies, view.roles, view.upcoming, view.due);
    let names: std::collections::HashMap<&str, &str> = all
        .iter()
        .map(|b| (b.id.as_str(), b.name.as_str()))
        .collect();
    let meetings = upcoming
        .iter()
        .map(|m| {
            (
                m.id.clone(),
                crate::domain::format::london_datetime(m.starts_at),
                names
                    .get(m.body_id.as_str())
                    .copied()
                    .unwrap_or_default()
                    .to_string(),
                m.location.clone(),
            )
        })
        .collect();
    let page = HomePage {
        nav: nav(&req, viewer.0.as_ref()),
        due,
        bodies: body_tree(&all),
        meetings,
        mine: mine
            .into_iter()
            .map(|(_, slug, name, role)| (slug, name, role_label(&role)))
            .collect(),
    };
    html(StatusCode::OK, &page)
}

#[derive(serde::Deserialize)]
struct BodyQuery {
    page: Option<usize>,
}

async fn body(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    query: web::Query<BodyQuery>,
) -> PageResult {
    let slug = path.into_inner();
    let now = state.clock.now_naive();
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let (d, listing) = state
        .db(move |c| {
            let d = directory::body_detail(c, &slug)?;
            let listing = crate::services::meetings::listing_for_body(c, &d.body.id, now, page)?;
            Ok((d, listing))
        })
        .await?;
    let names: std::collections::HashMap<String, String> = d
        .members
        .iter()
        .map(|m| (m.user_id.clone(), m.name.clone()))
        .collect();
    let mut groups: BTreeMap<String, Vec<MemberLine>> = BTreeMap::new();
    for m in &d.members {
        let note = m
            .substitute_for_user_id
            .as_ref()
            .and_then(|id| names.get(id))
            .map(|n| {
                crate::i18n::text_with(
                    crate::i18n::current(),
                    "body-substitute-for",
                    &[("name", crate::i18n::Arg::Text(n))],
                )
            })
            .unwrap_or_default();
        groups
            .entry(m.organisation.clone())
            .or_default()
            .push(MemberLine {
                name: m.name.clone(),
                role: role_label(&m.role),
                note,
            });
    }
    let mut officers = Vec::new();
    for role in [Role::Chair, Role::ViceChair, Role::Secretariat] {
        let who: Vec<String> = d
            .members
            .iter()
            .filter(|m| m.role == role.as_str())
            .map(|m| format!("{}, {}", m.name, m.organisation))
            .collect();
        if !who.is_empty() {
            officers.push((role.label(), who.join("; ")));
        }
    }
    let can_manage = viewer
        .0
        .as_ref()
        .is_some_and(|u| u.grants.can_manage_body(&d.body.id));
    let kind = crate::domain::bodies::BodyKind::parse(&d.body.kind)
        .map(|k| k.label().to_string())
        .unwrap_or_default();
    let profile = d.body.profile();
    let page = BodyPage {
        nav: nav(&req, viewer.0.as_ref()),
        rules_name: crate::views::rules::name_key(profile),
        rules_summary: crate::views::rules::summary_key(profile),
        rules_sources: profile.sources(),
        quorum_warning: d.quorum_warning.clone(),
        name: d.body.name.clone(),
        slug: d.body.slug.clone(),
        kind,
        parent: d.parent.map(|p| (p.slug, p.name)),
        officers,
        children: super::bodies::body_links(&d.children),
        priorities: d.priorities.into_iter().map(|p| p.title).collect(),
        member_count: d.members.len(),
        groups: groups
            .into_iter()
            .map(|(organisation, members)| OrgGroup {
                organisation,
                members,
            })
            .collect(),
        can_manage,
        upcoming: listing
            .upcoming
            .iter()
            .map(MeetingLink::from_line)
            .collect(),
        past: listing.past.iter().map(MeetingLink::from_line).collect(),
        past_page: listing.page,
        more_past: listing.more_past,
    };
    html(StatusCode::OK, &page)
}
