//! The meeting record (secretariat), actions (mine, the tracker, one
//! action), the decisions register, follow-through, and CSV exports.

use crate::web::routes::Routes;
use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::admin::split;
use super::{PageResult, checked_form, form_nav, html, nav, require_user, see_other};
use crate::db::actions::{self as action_db, Action, ActionFilter};
use crate::db::bodies::{self, Body};
use crate::db::meetings::{self, Meeting};
use crate::db::records::{self, DecisionFilter};
use crate::db::{DbConn, memberships, organisations, users};
use crate::domain::actions::{ActionStatus, rag};
use crate::domain::format::{london_date_words, london_datetime, london_day};
use crate::domain::roles::Role;
use crate::error::{AppError, FieldError};
use crate::services::actions::{self as action_svc, ActionInput, ActionPatch};
use crate::services::record;
use crate::state::AppState;
use crate::views::Errors;
use crate::views::record::{
    ActionPage, ActionRow, AttendanceRow, Bar, DecisionRow, FollowThroughPage, MyActionsPage,
    RecordItem, RecordPage, RecordTyped, RegisterPage, TrackerPage,
};
use crate::web::auth::{AuthUser, Viewer};

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}/record", record_page)
        .post("/meetings/{id}/record/attendance/{user}", attendance)
        .post("/meetings/{id}/record/items/{item}/{what}", item_form)
        .get("/meetings/{id}/minutes", minutes_page)
        .post("/meetings/{id}/minutes", minutes_post)
        .get("/my/actions", my_actions)
        .get("/actions", tracker)
        .get("/actions/{id}", action_page)
        .post("/actions/{id}", update_action)
        .get("/decisions", register)
        .get("/search", search_page)
        .get("/bodies/{slug}/follow-through", follow_through)
        .get(
            "/organisations/{id}/follow-through",
            organisation_follow_through,
        )
        .get("/bodies/{slug}/actions/import", import_page)
        .post("/bodies/{slug}/actions/import", import_post)
        .get("/bodies/{slug}/decisions.csv", decisions_csv)
        .get("/bodies/{slug}/actions.csv", actions_csv);
}

async fn render_record(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    id: String,
    errors: Vec<FieldError>,
    focus: String,
    typed: RecordTyped,
) -> PageResult {
    let grants = user.grants.clone();
    let parts = state.ctx_parts();
    let (m, body, w, q, members, att, decls, decisions, acts, notes, people) = state
        .tx(move |c| {
            let m = meetings::find(c, &id)?.ok_or(AppError::NotFound)?;
            let body = bodies::find(c, &m.body_id)?.ok_or(AppError::NotFound)?;
            if !grants.can_manage_body(&body.id) {
                return Err(AppError::Forbidden);
            }
            let w = crate::services::agenda::working(c, &m, &body, &parts.ctx())?;
            let q = record::quorum_state(c, &m, &body)?;
            let members = memberships::members_of(c, &body.id)?;
            let att = records::attendance_of(c, &m.id)?;
            let decls = records::declarations_of(c, &m.id)?;
            let decisions = records::decisions_of_meeting(c, &m.id)?;
            let acts = action_db::search(
                c,
                &ActionFilter {
                    meeting_id: Some(m.id.clone()),
                    exempt: crate::db::ExemptScope::All,
                    limit: 10_000,
                    ..Default::default()
                },
            )?;
            let ids: Vec<String> = w.items.iter().map(|i| i.row.id.clone()).collect();
            let notes = records::notes_of(c, &ids)?;
            let people = users::all_with_organisation(c)?;
            Ok((
                m, body, w, q, members, att, decls, decisions, acts, notes, people,
            ))
        })
        .await?;
    let name_of: HashMap<String, String> = people
        .iter()
        .map(|(u, _)| (u.id.clone(), u.name.clone()))
        .collect();
    let attendance = members
        .iter()
        .filter(|mm| mm.role != Role::Secretariat.as_str() && mm.role != Role::Observer.as_str())
        .map(|mm| {
            let a = att.iter().find(|a| a.user_id == mm.user_id);
            AttendanceRow {
                user_id: mm.user_id.clone(),
                name: mm.name.clone(),
                organisation: mm.organisation.clone(),
                role: Role::parse(&mm.role)
                    .map(|r| r.label().to_string())
                    .unwrap_or_default(),
                status: a.map(|a| a.status.clone()).unwrap_or_default(),
                substitute_for: a
                    .and_then(|a| a.substitute_for_user_id.clone())
                    .unwrap_or_default(),
                is_substitute: matches!(mm.role.as_str(), "substitute" | "officer"),
            }
        })
        .collect();
    let voting = members
        .iter()
        .filter(|mm| matches!(mm.role.as_str(), "chair" | "vice_chair" | "member"))
        .map(|mm| (mm.user_id.clone(), mm.name.clone()))
        .collect();
    let items = w
        .items
        .iter()
        .map(|i| RecordItem {
            id: i.row.id.clone(),
            number: i.number,
            title: i.title.clone(),
            exempt: i.exempt_category.is_some(),
            declarations: decls
                .iter()
                .filter(|d| d.item_id == i.row.id)
                .map(|d| {
                    format!(
                        "{}: {}",
                        name_of.get(&d.user_id).cloned().unwrap_or_default(),
                        d.interest
                    )
                })
                .collect(),
            notes: notes.get(&i.row.id).cloned().unwrap_or_default(),
            decisions: decisions
                .iter()
                .filter(|d| d.item_id == i.row.id)
                .map(|d| (d.reference.clone(), d.text.clone(), d.id.clone()))
                .collect(),
            actions: acts
                .iter()
                .filter(|a| a.item_id.as_deref() == Some(i.row.id.as_str()))
                .map(|a| {
                    (
                        a.description.clone(),
                        name_of.get(&a.owner_user_id).cloned().unwrap_or_default(),
                        london_date_words(a.due_on),
                    )
                })
                .collect(),
            late_urgency: i
                .paper
                .as_ref()
                .filter(|p| p.late)
                .and_then(|p| p.late_reason.clone())
                .unwrap_or_default(),
        })
        .collect();
    let (nav, status) = form_nav(req, Some(user), &errors);
    let page = RecordPage {
        nav,
        errors: Errors(errors),
        meeting_id: m.id.clone(),
        body_name: body.name.clone(),
        body_slug: body.slug.clone(),
        date: london_day(m.starts_at),
        quorum: format!(
            "{} of {} members present or substituted; the quorum is {}.",
            q.present, q.members, q.needed
        ),
        quorate: q.met,
        attendance,
        voting,
        items,
        people: people
            .iter()
            .map(|(u, org)| (u.id.clone(), format!("{}, {org}", u.name)))
            .collect(),
        members: members
            .iter()
            .map(|mm| (mm.user_id.clone(), mm.name.clone()))
            .collect(),
        key: crate::clock::new_id(),
        focus_item: focus,
        typed,
    };
    html(status, &page)
}

async fn record_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    render_record(
        &state,
        &req,
        &user,
        path.into_inner(),
        Vec::new(),
        String::new(),
        RecordTyped::default(),
    )
    .await
}

#[derive(Default, Deserialize)]
struct RecordForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    substitute_for: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    interest: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    owner_user_id: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    decision_id: String,
    #[serde(default)]
    idempotency_key: String,
}

/// Runs a record change for the meeting's secretariat.
async fn in_meeting<F>(state: &AppState, user: &AuthUser, id: String, f: F) -> Result<(), AppError>
where
    F: FnOnce(&mut DbConn, &Meeting, &Body) -> Result<(), AppError> + Send + 'static,
{
    let grants = user.grants.clone();
    state
        .tx(move |c| {
            let m = meetings::find(c, &id)?.ok_or(AppError::NotFound)?;
            let b = bodies::find(c, &m.body_id)?.ok_or(AppError::NotFound)?;
            if !grants.can_manage_body(&b.id) {
                return Err(AppError::Forbidden);
            }
            f(c, &m, &b)
        })
        .await
}

async fn attendance(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let form: RecordForm = checked_form(&req, &body)?;
    let (id, who) = path.into_inner();
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let target = who.clone();
    let input = record::AttendanceInput {
        status: Some(form.status),
        substitute_for: Some(form.substitute_for),
    };
    let result = in_meeting(&state, &user, id.clone(), move |c, m, b| {
        record::set_attendance(c, &actor, m, b, &target, &input, now).map(|_| ())
    })
    .await;
    let errors = split(result)?;
    if errors.is_empty() {
        return Ok(see_other(&format!(
            "/meetings/{id}/record?notice=attendance-saved#att-{who}"
        )));
    }
    render_record(
        &state,
        &req,
        &user,
        id,
        errors,
        String::new(),
        RecordTyped::default(),
    )
    .await
}

async fn item_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, String, String)>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let form: RecordForm = checked_form(&req, &body)?;
    let (id, item, what) = path.into_inner();
    let actor = user.actor(&req);
    let grants = user.grants.clone();
    let parts = state.ctx_parts();
    let item_id = item.clone();
    let key = Some(form.idempotency_key.clone()).filter(|k| !k.is_empty());
    let typed = RecordTyped {
        item: item.clone(),
        form: what.clone(),
        fields: [
            ("notes", &form.notes),
            ("user_id", &form.user_id),
            ("interest", &form.interest),
            ("text", &form.text),
            ("description", &form.description),
            ("owner_user_id", &form.owner_user_id),
            ("due_on", &form.due_on),
            ("decision_id", &form.decision_id),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect(),
    };
    let result = match what.as_str() {
        "notes" => {
            in_meeting(&state, &user, id.clone(), move |c, m, _| {
                record::set_notes(c, &actor, m, &item_id, &form.notes, parts.now)
            })
            .await
        }
        "declarations" => {
            in_meeting(&state, &user, id.clone(), move |c, m, b| {
                record::declare(
                    c,
                    &actor,
                    m,
                    b,
                    &item_id,
                    &form.user_id,
                    Some(&form.interest),
                    key.as_deref(),
                    parts.now,
                )
                .map(|_| ())
            })
            .await
        }
        "decisions" => {
            in_meeting(&state, &user, id.clone(), move |c, m, b| {
                record::decide(
                    c,
                    &actor,
                    m,
                    b,
                    Some(&item_id),
                    Some(&form.text),
                    key.as_deref(),
                    parts.now,
                )
                .map(|_| ())
            })
            .await
        }
        "actions" => {
            in_meeting(&state, &user, id.clone(), move |c, m, _| {
                record::item_of(c, m, &item_id, "item_id")?;
                let input = ActionInput {
                    decision_id: Some(form.decision_id).filter(|d| !d.is_empty()),
                    item_id: Some(item_id.clone()),
                    description: Some(form.description),
                    owner_user_id: Some(form.owner_user_id),
                    due_on: Some(as_iso_date(&form.due_on)),
                    idempotency_key: key,
                };
                action_svc::create(c, &actor, &grants, &input, &parts.ctx()).map(|_| ())
            })
            .await
        }
        _ => return Err(AppError::NotFound.into()),
    };
    let errors = split(result)?;
    if errors.is_empty() {
        let notice = match what.as_str() {
            "notes" => "notes-saved",
            "declarations" => "declaration-recorded",
            "decisions" => "decision-recorded",
            _ => "action-recorded",
        };
        return Ok(see_other(&format!(
            "/meetings/{id}/record?notice={notice}#item-{item}"
        )));
    }
    // Each error at its field in this item's form.
    let errors = super::rekey(errors.into_iter().map(date_words).collect(), |field| {
        let prefix = match (what.as_str(), field) {
            ("notes", _) => "notes",
            ("declarations", "user_id") => "decl-user",
            ("declarations", _) => "decl",
            ("decisions", _) => "dec",
            ("actions", "owner_user_id") => "act-owner",
            ("actions", "due_on") => "act-due",
            ("actions", "decision_id") => "act-dec",
            _ => "act",
        };
        format!("{prefix}-{item}")
    });
    render_record(&state, &req, &user, id, errors, item, typed).await
}

/// Rows for actions, with names and RAG status.
fn action_rows(
    state: &AppState,
    list: Vec<Action>,
    people: &HashMap<String, String>,
    orgs: &HashMap<String, String>,
    bodies: &HashMap<String, String>,
    notes: &HashMap<String, String>,
) -> Vec<ActionRow> {
    let today = crate::domain::timeline::london_date(state.clock.now());
    let cal = state
        .calendars()
        .get("england-and-wales")
        .cloned()
        .unwrap_or_default();
    list.into_iter()
        .map(|a| {
            let status = ActionStatus::parse(&a.status).unwrap_or(ActionStatus::Open);
            let r = rag(status, a.due_on, today, &cal);
            ActionRow {
                owner: people.get(&a.owner_user_id).cloned().unwrap_or_default(),
                organisation: orgs
                    .get(&a.owner_organisation_id)
                    .cloned()
                    .unwrap_or_default(),
                body: bodies.get(&a.body_id).cloned().unwrap_or_default(),
                due: london_date_words(a.due_on),
                due_iso: a.due_on.to_string(),
                status: status.label().to_string(),
                rag: r.label().to_string(),
                rag_class: r.class().to_string(),
                latest_note: notes.get(&a.id).cloned().unwrap_or_default(),
                id: a.id,
                description: a.description,
            }
        })
        .collect()
}

struct Names {
    people: HashMap<String, String>,
    orgs: HashMap<String, String>,
    bodies: HashMap<String, String>,
    body_list: Vec<Body>,
}

fn names(c: &mut DbConn) -> Result<Names, AppError> {
    let people = users::names(c)?;
    let orgs = organisations::names(c)?;
    let body_list = bodies::all(c)?;
    let bodies = body_list
        .iter()
        .map(|b| (b.id.clone(), b.name.clone()))
        .collect();
    Ok(Names {
        people,
        orgs,
        bodies,
        body_list,
    })
}

/// Where the register links a decision's paper: the copy published with the
/// meeting's latest agenda version, which anyone may read (exempt papers only
/// those who may see them); a paper never published only for those signed in.
fn paper_link(
    meeting_id: &str,
    paper: Option<&crate::db::papers::Paper>,
    latest_version: Option<i32>,
    signed_in: bool,
) -> String {
    match (paper, latest_version) {
        (Some(p), Some(n)) if p.status == "published" => {
            crate::domain::links::published_paper_path(meeting_id, n, &p.id)
        }
        (Some(p), _) if signed_in => format!("/papers/{}", p.id),
        _ => String::new(),
    }
}

/// Decisions on one page of the register (newest first).
const REGISTER_PAGE: i64 = 500;

async fn my_actions(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let user = require_user(&req, viewer)?;
    let uid = user.user.id.clone();
    let (list, n, notes) = state
        .db(move |c| {
            let list = action_db::search(
                c,
                &ActionFilter {
                    owner_user_id: Some(uid),
                    exempt: crate::db::ExemptScope::All,
                    limit: 2000,
                    ..Default::default()
                },
            )?;
            let ids: Vec<String> = list.iter().map(|a| a.id.clone()).collect();
            Ok((list, names(c)?, action_db::latest_notes(c, &ids)?))
        })
        .await?;
    let (mut open, mut closed): (Vec<Action>, Vec<Action>) = list
        .into_iter()
        .partition(|a| matches!(a.status.as_str(), "open" | "in_progress"));
    open.sort_by_key(|a| a.due_on);
    closed.sort_by_key(|a| std::cmp::Reverse(a.updated_at));
    let page = MyActionsPage {
        nav: nav(&req, Some(&user)),
        open: action_rows(&state, open, &n.people, &n.orgs, &n.bodies, &notes),
        closed: action_rows(&state, closed, &n.people, &n.orgs, &n.bodies, &notes),
    };
    html(StatusCode::OK, &page)
}

#[derive(Default, Deserialize)]
struct TrackerQuery {
    /// A decision reference: its actions only.
    #[serde(default)]
    decision: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    overdue: String,
    #[serde(default)]
    due_within: String,
}

async fn tracker(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    query: web::Query<TrackerQuery>,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let q = query.into_inner();
    let today = crate::domain::timeline::london_date(state.clock.now());
    let grants = user.grants.clone();
    let uid = user.user.id.clone();
    let is_admin = user.user.is_admin;
    let within = q
        .due_within
        .trim()
        .parse::<i64>()
        .ok()
        .map(|d| d.clamp(0, 3660));
    let decision_ref = q.decision.trim().to_string();
    let (body, owner, org, status, overdue) = (
        q.body.clone(),
        q.owner.clone(),
        q.organisation.clone(),
        q.status.clone(),
        q.overdue == "true",
    );
    let (list, n, notes) = state
        .db(move |c| {
            let n = names(c)?;
            let body_ids = if body.is_empty() {
                if is_admin {
                    None
                } else {
                    Some(grants.roles.iter().map(|(b, _)| b.clone()).collect())
                }
            } else {
                let b = n
                    .body_list
                    .iter()
                    .find(|b| b.slug == body)
                    .ok_or(AppError::NotFound)?;
                Some(vec![b.id.clone()])
            };
            let decision_id = if decision_ref.is_empty() {
                None
            } else {
                Some(
                    records::search_decisions(
                        c,
                        &DecisionFilter {
                            text: Some(decision_ref.clone()),
                            exempt: crate::db::ExemptScope::All,
                            limit: 50,
                            ..Default::default()
                        },
                    )?
                    .into_iter()
                    .find(|d| d.reference == decision_ref)
                    .map(|d| d.id)
                    .unwrap_or_else(|| "no-such-decision".into()),
                )
            };
            let filter = ActionFilter {
                body_ids,
                decision_id,
                meeting_id: None,
                owner_user_id: Some(owner).filter(|s| !s.is_empty()),
                organisation_id: Some(org).filter(|s| !s.is_empty()),
                statuses: Some(status)
                    .filter(|s| ActionStatus::parse(s).is_some())
                    .map(|s| vec![s]),
                overdue_on: overdue.then_some(today),
                due_by: within.map(|d| today + chrono::Duration::days(d)),
                exempt: crate::db::ExemptScope::seen_by(Some(&grants), Some(&uid)),
                after_id: None,
                limit: 501,
            };
            let list: Vec<Action> = action_db::search(c, &filter)?;
            let ids: Vec<String> = list.iter().map(|a| a.id.clone()).collect();
            let notes = action_db::latest_notes(c, &ids)?;
            Ok((list, n, notes))
        })
        .await?;
    let truncated = list.len() > 500;
    let mut list = list;
    list.truncate(500);
    list.sort_by_key(|a| a.due_on);
    let visible: Vec<(String, String)> = n
        .body_list
        .iter()
        .filter(|b| user.user.is_admin || user.grants.role_in(&b.id).is_some())
        .map(|b| (b.slug.clone(), b.name.clone()))
        .collect();
    let mut people: Vec<(String, String)> = n
        .people
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    people.sort_by(|a, b| a.1.cmp(&b.1));
    let mut orgs: Vec<(String, String)> =
        n.orgs.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    let page = TrackerPage {
        nav: nav(&req, Some(&user)),
        rows: action_rows(&state, list, &n.people, &n.orgs, &n.bodies, &notes),
        bodies: visible,
        organisations: orgs,
        people,
        f_body: q.body,
        f_owner: q.owner,
        f_organisation: q.organisation,
        f_status: q.status,
        f_overdue: q.overdue == "true",
        f_within: q.due_within,
        truncated,
    };
    html(StatusCode::OK, &page)
}

async fn render_action(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    id: String,
    errors: Vec<FieldError>,
    typed: ActionTyped,
) -> PageResult {
    let grants = user.grants.clone();
    let uid = user.user.id.clone();
    let (a, events, n, decision, body_slug) = state
        .db(move |c| {
            let a = action_db::find(c, &id)?.ok_or(AppError::NotFound)?;
            if !action_svc::may_view(Some(&grants), Some(&uid), &a) {
                return Err(AppError::NotFound);
            }
            let events = action_db::events_of(c, &a.id)?;
            // An exempt decision's text only for those who may read it (an
            // action's owner may not be one of them).
            let decision = match &a.decision_id {
                Some(d) => records::find_decision(c, d)?.map(|d| {
                    if crate::services::record::may_read_decision(Some(&grants), &d) {
                        format!("{}: {}", d.reference, d.text)
                    } else {
                        format!(
                            "{}: an exempt decision, for the body's members only",
                            d.reference
                        )
                    }
                }),
                None => None,
            };
            let slug = bodies::find(c, &a.body_id)?
                .map(|b| b.slug)
                .unwrap_or_default();
            Ok((a, events, names(c)?, decision, slug))
        })
        .await?;
    let can_update = action_svc::may_update(&user.grants, &user.user.id, &a);
    let status = ActionStatus::parse(&a.status).unwrap_or(ActionStatus::Open);
    let history = events
        .iter()
        .map(|e| {
            let what = match e.kind.as_str() {
                "created" => "Action created".to_string(),
                "note" => e.note.clone(),
                "due_changed" => format!(
                    "Due date changed from {} to {}: {}",
                    e.old_due_on.map(london_date_words).unwrap_or_default(),
                    e.new_due_on.map(london_date_words).unwrap_or_default(),
                    e.note
                ),
                "status" => {
                    let s = e
                        .status
                        .as_deref()
                        .and_then(ActionStatus::parse)
                        .map(|s| s.label())
                        .unwrap_or("");
                    if e.note.is_empty() {
                        format!("Status: {s}")
                    } else {
                        format!("Status: {s} ({})", e.note)
                    }
                }
                other => other.to_string(),
            };
            (london_datetime(e.created_at), e.author.clone(), what)
        })
        .collect();
    let next_states = ActionStatus::ALL
        .iter()
        .filter(|s| status.can_become(**s))
        .map(|s| (s.as_str().to_string(), s.label().to_string()))
        .collect();
    let (nav, code) = form_nav(req, Some(user), &errors);
    let due_value = if typed.due_on.is_empty() {
        a.due_on.format("%-d/%-m/%Y").to_string()
    } else {
        typed.due_on.clone()
    };
    let page = ActionPage {
        typed_note: typed.note,
        typed_status: typed.status,
        typed_reason: typed.reason,
        nav,
        errors: Errors(errors),
        body_slug,
        meeting_id: a.meeting_id.clone().unwrap_or_default(),
        decision: decision.unwrap_or_default(),
        dropped_reason: a.dropped_reason.clone().unwrap_or_default(),
        history,
        can_update,
        closed: status.is_closed(),
        version: a.version,
        next_states,
        due_value,
        action: action_rows(
            state,
            vec![a],
            &n.people,
            &n.orgs,
            &n.bodies,
            &HashMap::new(),
        )
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?,
    };
    html(code, &page)
}

async fn action_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    render_action(
        &state,
        &req,
        &user,
        path.into_inner(),
        Vec::new(),
        ActionTyped::default(),
    )
    .await
}

async fn update_action(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    #[derive(Default, Deserialize)]
    struct UpdateForm {
        #[serde(default)]
        note: String,
        #[serde(default)]
        status: String,
        #[serde(default)]
        due_on: String,
        #[serde(default)]
        reason: String,
        #[serde(default)]
        version: String,
    }
    let user = require_user(&req, viewer)?;
    let form: UpdateForm = checked_form(&req, &body)?;
    let id = path.into_inner();
    let actor = user.actor(&req);
    let grants = user.grants.clone();
    let uid = user.user.id.clone();
    let parts = state.ctx_parts();
    let aid = id.clone();
    let typed = ActionTyped {
        note: form.note.clone(),
        status: form.status.clone(),
        due_on: form.due_on.clone(),
        reason: form.reason.clone(),
    };
    let result = state
        .tx(move |c| {
            let a = action_db::find(c, &aid)?.ok_or(AppError::NotFound)?;
            if !action_svc::may_view(Some(&grants), Some(&uid), &a) {
                return Err(AppError::NotFound);
            }
            let patch = ActionPatch {
                status: Some(form.status).filter(|s| !s.is_empty()),
                note: Some(form.note),
                due_on: Some(as_iso_date(&form.due_on)).filter(|d| !d.is_empty()),
                reason: Some(form.reason),
            };
            // A form re-posted after someone else saved is refused, not merged.
            let expected = form.version.trim().parse::<i32>().ok();
            action_svc::update(c, &actor, &grants, &uid, &a, &patch, expected, &parts.ctx())
                .map(|_| ())
        })
        .await;
    let errors = match result {
        Ok(()) => return Ok(see_other(&format!("/actions/{id}?notice=action-updated"))),
        Err(AppError::Validation(e) | AppError::Conflict(e)) => {
            e.into_iter().map(date_words).collect()
        }
        Err(AppError::PreconditionFailed) => vec![FieldError::new(
            "note",
            "changed",
            "Someone else updated this action while you were writing: check the history, then save again.",
        )],
        Err(e) => return Err(e.into()),
    };
    render_action(&state, &req, &user, id, errors, typed).await
}

/// A date typed as people type them ("31/3/2027", "31 March 2027") as the
/// ISO date the services take; anything else is passed on for the service
/// to refuse, and its message is put in the page's words by `date_words`.
fn as_iso_date(typed: &str) -> String {
    match crate::domain::validate::uk_date(typed) {
        Some(d) => d.to_string(),
        None => typed.trim().to_string(),
    }
}

/// A due-date error in the words of a page's date field.
fn date_words(mut e: FieldError) -> FieldError {
    if e.field == "due_on" {
        e.message = match e.code.as_str() {
            "required" => "Enter the due date, for example 31/3/2027.",
            "out_of_range" => {
                "Enter a date between the years 2000 and 2100, for example 31/3/2027."
            }
            _ => "Enter a real date as day, month and year, for example 31/3/2027.",
        }
        .into();
    }
    e
}

/// The action update form as typed, to show again with its errors.
#[derive(Default)]
struct ActionTyped {
    note: String,
    status: String,
    due_on: String,
    reason: String,
}

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
    let parse = |s: &str| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    let mut error = String::new();
    let from = if q.from.trim().is_empty() {
        None
    } else {
        let d = parse(&q.from);
        if d.is_none() {
            error = "Enter the dates like 2027-01-31.".into();
        }
        d
    };
    let to = if q.to.trim().is_empty() {
        None
    } else {
        let d = parse(&q.to);
        if d.is_none() {
            error = "Enter the dates like 2027-01-31.".into();
        }
        d
    };
    let grants = viewer.0.as_ref().map(|u| u.grants.clone());
    let signed_in = grants.is_some();
    let (body, text, priority) = (q.body.clone(), q.q.clone(), q.priority.clone());
    let (rows, truncated, all, priorities) = state
        .db(move |c| {
            let all = bodies::all(c)?;
            let body_ids = if body.is_empty() {
                None
            } else {
                Some(
                    all.iter()
                        .filter(|b| b.slug == body)
                        .map(|b| b.id.clone())
                        .collect(),
                )
            };
            let list = records::search_decisions(
                c,
                &DecisionFilter {
                    after: None,
                    body_ids,
                    from: from.and_then(|d| d.and_hms_opt(0, 0, 0)),
                    to: to
                        .and_then(|d| d.succ_opt())
                        .and_then(|d| d.and_hms_opt(0, 0, 0)),
                    text: Some(text.trim().to_string()).filter(|t| !t.is_empty()),
                    priority_id: Some(priority).filter(|p| !p.is_empty()),
                    exempt: crate::db::ExemptScope::seen_by(grants.as_ref(), None),
                    limit: REGISTER_PAGE + 1,
                },
            )?;
            let truncated = list.len() > REGISTER_PAGE as usize;
            let list = &list[..list.len().min(REGISTER_PAGE as usize)];
            // What each row shows, loaded for the whole list at once.
            let ids: Vec<String> = list.iter().map(|d| d.id.clone()).collect();
            let with = action_db::decisions_with_actions(c, &ids)?;
            let item_ids: Vec<String> = list.iter().map(|d| d.item_id.clone()).collect();
            let items = crate::db::agendas::items_by_id(c, &item_ids)?;
            let paper_ids: Vec<String> =
                items.values().filter_map(|i| i.paper_id.clone()).collect();
            let papers = crate::db::papers::by_id(c, &paper_ids)?;
            let meeting_ids: Vec<String> = list.iter().map(|d| d.meeting_id.clone()).collect();
            let meetings = meetings::by_id(c, &meeting_ids)?;
            let published = crate::db::agendas::published_numbers(c, &meeting_ids)?;
            let rows = list
                .iter()
                .map(|d| {
                    let item = items.get(&d.item_id);
                    let paper = item
                        .and_then(|i| i.paper_id.as_ref())
                        .and_then(|p| papers.get(p));
                    let title = paper
                        .map(|p| p.title.clone())
                        .or_else(|| item.map(|i| i.title.clone()))
                        .unwrap_or_default();
                    DecisionRow {
                        body: all
                            .iter()
                            .find(|b| b.id == d.body_id)
                            .map(|b| b.name.clone())
                            .unwrap_or_default(),
                        date: meetings
                            .get(&d.meeting_id)
                            .map(|m| london_day(m.starts_at))
                            .unwrap_or_default(),
                        item: title,
                        paper_link: paper_link(
                            &d.meeting_id,
                            paper,
                            published.get(&d.meeting_id).copied(),
                            signed_in,
                        ),
                        actions_link: signed_in,
                        actions: usize::from(with.contains(&d.id)),
                        meeting_id: d.meeting_id.clone(),
                        reference: d.reference.clone(),
                        text: d.text.clone(),
                    }
                })
                .collect::<Vec<_>>();
            let mut priorities = Vec::new();
            for b in &all {
                for p in crate::db::priorities::active_of(c, &b.id)? {
                    priorities.push((p.id, format!("{} ({})", p.title, b.name)));
                }
            }
            Ok((rows, truncated, all, priorities))
        })
        .await?;
    let page = RegisterPage {
        truncated,
        priorities,
        f_priority: q.priority.clone(),
        nav: nav(&req, viewer.0.as_ref()),
        rows,
        bodies: all.into_iter().map(|b| (b.slug, b.name)).collect(),
        f_body: q.body,
        f_from: q.from,
        f_to: q.to,
        f_q: q.q,
        error,
    };
    html(StatusCode::OK, &page)
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
) -> Vec<crate::views::record::FollowRow> {
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
            .map(|(l, n)| (l.to_string(), *n as f64, n.to_string()))
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
    let summary = if total == 0 {
        "No actions recorded yet.".to_string()
    } else {
        format!("{total} actions: {done} done ({done_on_time} on time), {overdue} overdue.")
    };
    let page = FollowThroughPage {
        nav: nav(&req, viewer.0.as_ref()),
        body_name: f.body.name.clone(),
        body_slug: f.body.slug.clone(),
        table: follow_rows(&f.organisations),
        on_time_bars,
        on_time_height,
        ageing_bars,
        ageing_height,
        ageing: f.ageing.iter().map(|(l, n)| (l.to_string(), *n)).collect(),
        decisions: f.decisions,
        decisions_without_actions: f.decisions_without_actions,
        summary,
        confidential_note: crate::views::record::confidential_note(
            f.confidential_actions,
            f.confidential_decisions,
        ),
    };
    html(StatusCode::OK, &page)
}

pub(super) fn csv_response(name: &str, bytes: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(bytes)
}

pub(super) fn csv_error(e: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("csv: {e}"))
}

/// Every non-exempt decision of a body (RFC 4180, UTF-8, with a header).
async fn decisions_csv(state: web::Data<AppState>, path: web::Path<String>) -> PageResult {
    let slug = path.into_inner();
    let bytes = state
        .db(move |c| {
            let b = bodies::find_by_slug(c, &slug)?.ok_or(AppError::NotFound)?;
            let list = records::search_decisions(
                c,
                &DecisionFilter {
                    after: None,
                    body_ids: Some(vec![b.id.clone()]),
                    limit: i64::MAX,
                    ..Default::default()
                },
            )?;
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["reference", "decided_on", "meeting_id", "item_id", "text"])
                .map_err(csv_error)?;
            for d in list.into_iter().rev() {
                w.write_record(crate::render::csv_cells::row([
                    d.reference.as_str(),
                    &d.created_at.date().to_string(),
                    &d.meeting_id,
                    &d.item_id,
                    &d.text,
                ]))
                .map_err(csv_error)?;
            }
            w.into_inner().map_err(csv_error)
        })
        .await?;
    Ok(csv_response("decisions.csv", bytes))
}

/// Every non-exempt action of a body (RFC 4180, UTF-8, with a header).
async fn actions_csv(state: web::Data<AppState>, path: web::Path<String>) -> PageResult {
    let slug = path.into_inner();
    let bytes = state
        .db(move |c| {
            let b = bodies::find_by_slug(c, &slug)?.ok_or(AppError::NotFound)?;
            let n = names(c)?;
            let list = action_db::search(
                c,
                &ActionFilter {
                    body_ids: Some(vec![b.id.clone()]),
                    limit: i64::MAX,
                    ..Default::default()
                },
            )?;
            let refs: HashMap<String, String> = records::search_decisions(
                c,
                &DecisionFilter {
                    after: None,
                    body_ids: Some(vec![b.id.clone()]),
                    limit: i64::MAX,
                    ..Default::default()
                },
            )?
            .into_iter()
            .map(|d| (d.id, d.reference))
            .collect();
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                "id",
                "decision",
                "description",
                "owner",
                "organisation",
                "due_on",
                "status",
                "closed_on",
                "dropped_reason",
            ])
            .map_err(csv_error)?;
            for a in list {
                w.write_record(crate::render::csv_cells::row([
                    a.id.as_str(),
                    a.decision_id
                        .as_ref()
                        .and_then(|d| refs.get(d))
                        .map(String::as_str)
                        .unwrap_or(""),
                    &a.description,
                    n.people
                        .get(&a.owner_user_id)
                        .map(String::as_str)
                        .unwrap_or(""),
                    n.orgs
                        .get(&a.owner_organisation_id)
                        .map(String::as_str)
                        .unwrap_or(""),
                    &a.due_on.to_string(),
                    &a.status,
                    &a.closed_on.map(|d| d.to_string()).unwrap_or_default(),
                    a.dropped_reason.as_deref().unwrap_or(""),
                ]))
                .map_err(csv_error)?;
            }
            w.into_inner().map_err(csv_error)
        })
        .await?;
    Ok(csv_response("actions.csv", bytes))
}

async fn render_minutes(
    state: &AppState,
    req: &HttpRequest,
    viewer: Option<&AuthUser>,
    id: String,
    errors: Vec<FieldError>,
    typed: Option<(String, String)>,
    confirm: &str,
) -> PageResult {
    let grants = viewer.map(|v| v.grants.clone());
    let parts = state.ctx_parts();
    let (m, body, minutes, audience) = state
        .tx(move |c| {
            let m = meetings::find(c, &id)?.ok_or(AppError::NotFound)?;
            let body = bodies::find(c, &m.body_id)?.ok_or(AppError::NotFound)?;
            let audience = crate::services::agenda::Audience::of(grants.as_ref(), &body.id);
            let minutes = if audience == crate::services::agenda::Audience::Secretariat {
                Some(crate::services::minutes::get_or_draft(
                    c,
                    &m,
                    &body,
                    &parts.ctx(),
                )?)
            } else {
                crate::db::minutes::find(c, &m.id)?
            };
            Ok((m, body, minutes, audience))
        })
        .await?;
    use crate::services::agenda::Audience;
    let visible = minutes.filter(|x| x.status == "approved" || audience != Audience::Public);
    let (nav, code) = form_nav(req, viewer, &errors);
    let status = visible
        .as_ref()
        .map(|x| x.status.clone())
        .unwrap_or_default();
    let page = crate::views::record::MinutesPage {
        confirm: confirm.to_string(),
        nav,
        errors: Errors(errors),
        meeting_id: m.id.clone(),
        body_name: body.name.clone(),
        body_slug: body.slug.clone(),
        date: london_day(m.starts_at),
        status_words: match status.as_str() {
            "draft" => "Draft: not yet circulated".into(),
            "circulated" => {
                "Draft: circulated to members, to be approved at the next meeting".into()
            }
            "approved" => visible
                .as_ref()
                .and_then(|x| x.approved_at)
                .map(|t| format!("Approved {}", london_datetime(t)))
                .unwrap_or_else(|| "Approved".into()),
            _ => String::new(),
        },
        open_html: crate::render::markdown::render(
            visible
                .as_ref()
                .map(|x| x.body_markdown.as_str())
                .unwrap_or(""),
        ),
        exempt_html: if audience.sees_exempt() {
            crate::render::markdown::render(
                visible
                    .as_ref()
                    .map(|x| x.exempt_markdown.as_str())
                    .unwrap_or(""),
            )
        } else {
            crate::render::markdown::render("")
        },
        show_exempt: audience.sees_exempt()
            && visible
                .as_ref()
                .is_some_and(|x| !x.exempt_markdown.trim().is_empty()),
        can_edit: audience == Audience::Secretariat && status != "approved",
        open_markdown: typed
            .as_ref()
            .map(|t| t.0.clone())
            .or_else(|| visible.as_ref().map(|x| x.body_markdown.clone()))
            .unwrap_or_default(),
        exempt_markdown: if audience.sees_exempt() {
            typed
                .as_ref()
                .map(|t| t.1.clone())
                .or_else(|| visible.as_ref().map(|x| x.exempt_markdown.clone()))
                .unwrap_or_default()
        } else {
            String::new()
        },
        version: visible.as_ref().map(|x| x.version).unwrap_or(0),
        status,
    };
    html(code, &page)
}

async fn minutes_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    render_minutes(
        &state,
        &req,
        viewer.0.as_ref(),
        path.into_inner(),
        Vec::new(),
        None,
        "",
    )
    .await
}

async fn minutes_post(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    #[derive(Default, Deserialize)]
    struct MinutesForm {
        #[serde(default)]
        action: String,
        #[serde(default)]
        body_markdown: String,
        #[serde(default)]
        exempt_markdown: String,
        #[serde(default)]
        version: String,
        /// "yes" once the clerk has confirmed a redraft or approval.
        #[serde(default)]
        confirm: String,
    }
    let user = require_user(&req, viewer)?;
    let form: MinutesForm = checked_form(&req, &body)?;
    let typed = (form.body_markdown.clone(), form.exempt_markdown.clone());
    let id = path.into_inner();
    // Redrafting replaces the clerk's text and approving freezes it: both
    // are asked about first, with what was typed kept.
    if matches!(form.action.as_str(), "regenerate" | "approve") && form.confirm != "yes" {
        return render_minutes(
            &state,
            &req,
            Some(&user),
            id,
            Vec::new(),
            Some(typed),
            &form.action,
        )
        .await;
    }
    let notice = match form.action.as_str() {
        "regenerate" => "minutes-redrafted",
        "circulate" => "minutes-circulated",
        "approve" => "minutes-approved",
        _ => "minutes-saved",
    };
    let actor = user.actor(&req);
    let parts = state.ctx_parts();
    let result = in_meeting(&state, &user, id.clone(), move |c, m, b| {
        let ctx = parts.ctx();
        let expected = form.version.trim().parse::<i32>().ok();
        match form.action.as_str() {
            "regenerate" => {
                crate::services::minutes::save(c, &actor, m, b, None, None, true, expected, &ctx)
                    .map(|_| ())
            }
            "circulate" => {
                crate::services::minutes::save(
                    c,
                    &actor,
                    m,
                    b,
                    Some(&form.body_markdown),
                    Some(&form.exempt_markdown),
                    false,
                    expected,
                    &ctx,
                )?;
                crate::services::minutes::circulate(c, &actor, m, b, &ctx).map(|_| ())
            }
            "approve" => {
                crate::services::minutes::save(
                    c,
                    &actor,
                    m,
                    b,
                    Some(&form.body_markdown),
                    Some(&form.exempt_markdown),
                    false,
                    expected,
                    &ctx,
                )?;
                crate::services::minutes::approve(c, &actor, m, b, &ctx).map(|_| ())
            }
            _ => crate::services::minutes::save(
                c,
                &actor,
                m,
                b,
                Some(&form.body_markdown),
                Some(&form.exempt_markdown),
                false,
                expected,
                &ctx,
            )
            .map(|_| ()),
        }
    })
    .await;
    let errors = match result {
        Ok(()) => {
            return Ok(see_other(&format!(
                "/meetings/{id}/minutes?notice={notice}"
            )));
        }
        Err(AppError::Validation(e) | AppError::Conflict(e)) => e,
        Err(AppError::PreconditionFailed) => vec![FieldError::new(
            "body-markdown",
            "changed",
            "Someone else saved the minutes while you were editing. Your text is kept below: compare it with the published page and save again.",
        )],
        Err(e) => return Err(e.into()),
    };
    render_minutes(&state, &req, Some(&user), id, errors, Some(typed), "").await
}

fn import_fields(given: &HashMap<String, String>) -> Vec<(String, String, bool, String)> {
    crate::services::import::FIELDS
        .iter()
        .map(|(field, aliases, required)| {
            (
                field.to_string(),
                format!("{} (usually \"{}\")", field.replace('_', " "), aliases[0]),
                *required,
                given.get(*field).cloned().unwrap_or_default(),
            )
        })
        .collect()
}

async fn managed_body(state: &AppState, user: &AuthUser, slug: String) -> Result<Body, AppError> {
    let body = state
        .db(move |c| bodies::find_by_slug(c, &slug)?.ok_or(AppError::NotFound))
        .await?;
    user.require_manage(&body.id)?;
    Ok(body)
}

async fn import_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let body = managed_body(&state, &user, path.into_inner()).await?;
    let page = crate::views::record::ImportPage {
        nav: nav(&req, Some(&user)),
        errors: Errors::default(),
        body_name: body.name,
        body_slug: body.slug,
        fields: import_fields(&HashMap::new()),
        problems: Vec::new(),
        outcome: String::new(),
        skip_invalid: false,
    };
    html(StatusCode::OK, &page)
}

async fn import_post(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    payload: web::Payload,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let body = managed_body(&state, &user, path.into_inner()).await?;
    let upload = crate::web::upload::read(
        crate::web::attachments::multipart(&req, payload)?,
        state.settings.uploads.max_bytes,
        &state.settings.data_dir.join("tmp"),
    )
    .await?;
    crate::web::security::verify_csrf(
        &req,
        upload
            .fields
            .get("csrf_token")
            .map(String::as_str)
            .unwrap_or(""),
    )?;
    let mapping: HashMap<String, String> = upload
        .fields
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("map_")
                .filter(|_| !v.trim().is_empty())
                .map(|f| (f.to_string(), v.trim().to_string()))
        })
        .collect();
    let skip = upload
        .fields
        .get("skip_invalid")
        .is_some_and(|v| v == "true");
    let mut errors = Vec::new();
    let mut problems = Vec::new();
    let mut outcome = String::new();
    match &upload.file {
        None => errors.push(FieldError::new(
            "file",
            "required",
            "Choose the CSV file to import.",
        )),
        Some(f) => {
            let bytes = tokio::fs::read(&f.temp).await.map_err(AppError::internal)?;
            let actor = user.actor(&req);
            let now = state.clock.now_naive();
            let b = body.clone();
            let map = mapping.clone();
            let report = state
                .tx(move |c| {
                    crate::services::import::import(c, &actor, &b, &bytes, &map, skip, now, |_| {})
                })
                .await;
            match report {
                Ok(r) => {
                    problems = r
                        .problems
                        .iter()
                        .map(|p| {
                            if p.message.starts_with("Line") {
                                p.message.clone()
                            } else {
                                format!("Line {}: {}", p.line, p.message)
                            }
                        })
                        .collect();
                    outcome = if r.imported > 0 {
                        format!(
                            "Imported {} actions ({} rows skipped).",
                            r.imported, r.skipped
                        )
                    } else {
                        "Nothing was imported.".into()
                    };
                }
                Err(AppError::Validation(e)) => errors = e,
                Err(e) => return Err(e.into()),
            }
        }
    }
    let (nav, status) = form_nav(&req, Some(&user), &errors);
    let nothing = outcome == "Nothing was imported.";
    let status = if nothing && !problems.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        status
    };
    let page = crate::views::record::ImportPage {
        nav,
        errors: Errors(errors),
        body_name: body.name,
        body_slug: body.slug,
        fields: import_fields(&mapping),
        problems,
        outcome,
        skip_invalid: skip,
    };
    html(status, &page)
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
    let page = crate::views::record::OrgFollowThroughPage {
        nav: nav(&req, viewer.0.as_ref()),
        name: f.organisation.name.clone(),
        summary: if total == 0 {
            "No actions owned yet.".into()
        } else {
            format!(
                "{total} actions owned across {} bodies; {overdue} overdue.",
                f.bodies.len()
            )
        },
        table: follow_rows(&f.bodies),
        on_time_bars,
        on_time_height,
        ageing: f.ageing.iter().map(|(l, n)| (l.to_string(), *n)).collect(),
        confidential_note: crate::views::record::confidential_note(f.confidential_actions, 0),
    };
    html(StatusCode::OK, &page)
}

#[derive(Default, Deserialize)]
struct SearchForm {
    #[serde(default)]
    q: String,
}

async fn search_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    query: web::Query<SearchForm>,
) -> PageResult {
    let q = query.into_inner().q;
    let mut error = String::new();
    let hits = if q.trim().is_empty() {
        Vec::new()
    } else if q.trim().chars().count() < 2 || q.chars().count() > 200 {
        error = "Search for 2 to 200 characters.".into();
        Vec::new()
    } else {
        let grants = viewer.0.as_ref().map(|u| u.grants.clone());
        let uid = viewer.0.as_ref().map(|u| u.user.id.clone());
        let term = q.clone();
        state
            .db(move |c| {
                crate::services::search::search(c, grants.as_ref(), uid.as_deref(), &term, 20)
            })
            .await?
    };
    let page = crate::views::record::SearchPage {
        nav: nav(&req, viewer.0.as_ref()),
        q,
        hits,
        error,
    };
    html(StatusCode::OK, &page)
}
