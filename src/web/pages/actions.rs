//! Actions: mine, the tracker, one action and its updates, the CSV import
//! and export.

use crate::web::extract::{CsrfForm, SignedIn};
use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use serde::Deserialize;

use crate::domain::actions::{ActionStatus, rag};
use crate::domain::format::{london_date_words, london_datetime};
use crate::error::{AppError, FieldError};
use crate::i18n::{self, Arg};
use crate::services::actions::{self as action_svc, Action, ActionPatch, TrackerFilter};
use crate::services::directory::{self, Body, Names};
use crate::state::AppState;
use crate::views::Errors;
use crate::views::actions::{ActionPage, ActionRow, MyActionsPage, TrackerPage};
use crate::web::auth::{AuthUser, Viewer};
use crate::web::dates::ReadDate;
use crate::web::respond::{PageResult, form_nav, html, nav, require_user, see_other};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/my/actions", my_actions)
        .get("/actions", tracker)
        .get("/actions/{id}", action_page)
        .post("/actions/{id}", update_action)
        .get("/bodies/{slug}/actions/import", import_page)
        .post("/bodies/{slug}/actions/import", import_post)
        .get("/bodies/{slug}/actions.csv", actions_csv);
}

/// Rows for actions, with names and RAG status.
fn action_rows(
    state: &AppState,
    list: Vec<Action>,
    n: &Names,
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
                owner: n.people.get(&a.owner_user_id).cloned().unwrap_or_default(),
                organisation: n
                    .orgs
                    .get(&a.owner_organisation_id)
                    .cloned()
                    .unwrap_or_default(),
                body: n.bodies.get(&a.body_id).cloned().unwrap_or_default(),
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

async fn my_actions(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let user = require_user(&req, viewer)?;
    let uid = user.user.id.clone();
    let (list, n, notes) = state
        .db(move |c| {
            let list = action_svc::mine(c, &uid)?;
            let notes = action_svc::latest_notes(c, &list)?;
            Ok((list, directory::names(c)?, notes))
        })
        .await?;
    let (mut open, mut closed): (Vec<Action>, Vec<Action>) = list
        .into_iter()
        .partition(|a| matches!(a.status.as_str(), "open" | "in_progress"));
    open.sort_by_key(|a| a.due_on);
    closed.sort_by_key(|a| std::cmp::Reverse(a.updated_at));
    let page = MyActionsPage {
        nav: nav(&req, Some(&user)),
        open: action_rows(&state, open, &n, &notes),
        closed: action_rows(&state, closed, &n, &notes),
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
    SignedIn(user): SignedIn,
    query: web::Query<TrackerQuery>,
) -> PageResult {
    let q = query.into_inner();
    let today = crate::domain::timeline::london_date(state.clock.now());
    let grants = user.grants.clone();
    let uid = user.user.id.clone();
    let filter = TrackerFilter {
        body: Some(q.body.clone()),
        decision: Some(q.decision.clone()),
        owner_user_id: Some(q.owner.clone()),
        organisation_id: Some(q.organisation.clone()),
        status: Some(q.status.clone()),
        overdue: q.overdue == "true",
        due_within_days: q.due_within.trim().parse::<i64>().ok(),
        after_id: None,
        limit: 501,
    };
    let (list, n, notes) = state
        .db(move |c| {
            let list = action_svc::tracker(c, &grants, &uid, today, &filter)?;
            let notes = action_svc::latest_notes(c, &list)?;
            Ok((list, directory::names(c)?, notes))
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
        rows: action_rows(&state, list, &n, &notes),
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
    let (detail, n) = state
        .db(move |c| {
            let d = action_svc::detail(c, &grants, &uid, &id)?;
            Ok((d, directory::names(c)?))
        })
        .await?;
    let action_svc::ActionDetail {
        action: mut a,
        history: events,
        decision,
        body_slug,
        welsh,
    } = detail;
    // A reader of Welsh reads a bilingual body's action in Welsh.
    if crate::i18n::current() == crate::i18n::Lang::Welsh
        && let Some(cy) = welsh.as_ref().and_then(|w| w.texts.get("description"))
    {
        a.description = cy.clone();
    }
    let can_update = action_svc::may_update(&user.grants, &user.user.id, &a);
    let status = ActionStatus::parse(&a.status).unwrap_or(ActionStatus::Open);
    let history = events
        .iter()
        .map(|e| {
            let what = match e.kind.as_str() {
                "created" => i18n::t("action-history-created"),
                "note" | "corrected" => e.note.clone(),
                "due_changed" => i18n::t_args(
                    "action-history-due",
                    &[
                        (
                            "from",
                            Arg::Text(&e.old_due_on.map(london_date_words).unwrap_or_default()),
                        ),
                        (
                            "to",
                            Arg::Text(&e.new_due_on.map(london_date_words).unwrap_or_default()),
                        ),
                        ("reason", Arg::Text(&e.note)),
                    ],
                ),
                "status" => {
                    let s = e
                        .status
                        .as_deref()
                        .and_then(ActionStatus::parse)
                        .map(|s| s.label())
                        .unwrap_or_default();
                    if e.note.is_empty() {
                        i18n::t_args("action-history-status", &[("status", Arg::Text(&s))])
                    } else {
                        i18n::t_args(
                            "action-history-status-note",
                            &[("status", Arg::Text(&s)), ("note", Arg::Text(&e.note))],
                        )
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
    let due_value = typed
        .due_on
        .clone()
        .unwrap_or_else(|| crate::views::DateTyped::of(a.due_on));
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
        action: action_rows(state, vec![a], &n, &HashMap::new())
            .into_iter()
            .next()
            .ok_or(AppError::NotFound)?,
    };
    html(code, &page)
}

async fn action_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
) -> PageResult {
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

#[derive(Default, Deserialize)]
struct UpdateForm {
    #[serde(default)]
    note: String,
    #[serde(default)]
    status: String,
    #[serde(flatten)]
    due: crate::web::dates::DueOnFields,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    version: String,
}

async fn update_action(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<UpdateForm>,
) -> PageResult {
    let id = path.into_inner();
    let actor = user.actor(&req);
    let grants = user.grants.clone();
    let uid = user.user.id.clone();
    let parts = state.ctx_parts();
    let aid = id.clone();
    let typed_due = form.due.typed();
    let due = typed_due.read("due_on", "label-due-date", crate::web::respond::lang(&req));
    // Emptied fields ask for no change of date.
    let due_on = due.value.clone();
    let typed = ActionTyped {
        note: form.note.clone(),
        status: form.status.clone(),
        due_on: Some(typed_due),
        reason: form.reason.clone(),
    };
    let result = state
        .tx(move |c| {
            let a = action_svc::visible(c, &grants, &uid, &aid)?;
            let patch = ActionPatch {
                status: Some(form.status).filter(|s| !s.is_empty()),
                note: Some(form.note),
                due_on,
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
            crate::web::dates::in_words(e, &due, "due_on")
        }
        Err(AppError::PreconditionFailed) => vec![FieldError::new(
            "note",
            "changed",
            i18n::t("action-changed"),
        )],
        Err(e) => return Err(e.into()),
    };
    render_action(&state, &req, &user, id, errors, typed).await
}

/// The action update form as typed, to show again with its errors.
#[derive(Default)]
struct ActionTyped {
    note: String,
    status: String,
    /// `None` until the form is sent: the page shows the due date held.
    due_on: Option<crate::views::DateTyped>,
    reason: String,
}

/// Every non-exempt action of a body (RFC 4180, UTF-8, with a header).
async fn actions_csv(state: web::Data<AppState>, path: web::Path<String>) -> PageResult {
    let slug = path.into_inner();
    let bytes = state.db(move |c| action_svc::csv(c, &slug)).await?;
    Ok(crate::web::respond::csv("actions.csv", bytes))
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
    let grants = user.grants.clone();
    state
        .db(move |c| directory::managed_body(c, &grants, &slug))
        .await
}

async fn import_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
) -> PageResult {
    let body = managed_body(&state, &user, path.into_inner()).await?;
    let page = crate::views::actions::ImportPage {
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
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    payload: web::Payload,
) -> PageResult {
    let body = managed_body(&state, &user, path.into_inner()).await?;
    let upload = crate::web::upload::read_form(
        &req,
        payload,
        state.settings.uploads.max_bytes,
        &state.settings.data_dir.join("tmp"),
    )
    .await?;
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
    // (imported, skipped) once the file has been read.
    let mut counts = None;
    match &upload.file {
        None => errors.push(FieldError::new(
            "file",
            "required",
            i18n::t("import-file-required"),
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
                    counts = Some((r.imported, r.skipped));
                }
                Err(AppError::Validation(e)) => errors = e,
                Err(e) => return Err(e.into()),
            }
        }
    }
    let (nav, status) = form_nav(&req, Some(&user), &errors);
    let nothing = counts.is_some_and(|(imported, _)| imported == 0);
    let outcome = match counts {
        None => String::new(),
        Some((0, _)) => crate::i18n::text(nav.lang, "actions-imported-none"),
        Some((imported, skipped)) => crate::i18n::text_with(
            nav.lang,
            "actions-imported",
            &[
                ("imported", crate::i18n::Arg::count(imported)),
                ("skipped", crate::i18n::Arg::count(skipped)),
            ],
        ),
    };
    let status = if nothing && !problems.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        status
    };
    let page = crate::views::actions::ImportPage {
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
