//! Bilingual bodies: the Welsh version of a record, the secretariat's
//! translation queue, members' wish to speak Welsh at a meeting, and the
//! chair's reason for publishing before the translations are complete.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use crate::domain::format::{london_date_words, london_datetime};
use crate::domain::translation::{self, Status, Subject};
use crate::error::{AppError, FieldError};
use crate::i18n::{self, Arg};
use crate::services::translations as svc;
use crate::state::AppState;
use crate::views::translations::{FieldRow, QueuePage, QueueRow, TranslationPage};
use crate::views::{Errors, Nav};
use crate::web::auth::AuthUser;
use crate::web::extract::{CsrfForm, SignedIn};
use crate::web::respond::{PageResult, form_nav, html, nav, see_other};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/translations", queue)
        .get("/translations/{kind}/{id}", show)
        .post("/translations/{kind}/{id}", save)
        .post("/meetings/{id}/speak-welsh", speak_welsh)
        .get("/meetings/{id}/translation-urgency", urgency_page)
        .post("/meetings/{id}/translation-urgency", urgency_save);
}

pub(super) fn status_class(s: Status) -> &'static str {
    match s {
        Status::Approved => "tag-green",
        Status::Translated => "tag-blue",
        Status::AwaitingTranslation => "tag-yellow",
        Status::Outdated => "tag-red",
        Status::NotRequired => "tag-grey",
    }
}

fn kind_label(s: Subject) -> String {
    i18n::t(match s {
        Subject::Paper => "translation-kind-paper",
        Subject::AgendaItem => "translation-kind-agenda_item",
        Subject::Decision => "translation-kind-decision",
        Subject::Action => "translation-kind-action",
        Subject::Minutes => "translation-kind-minutes",
    })
}

fn subject(kind: &str) -> Result<Subject, AppError> {
    Subject::parse(kind).ok_or(AppError::NotFound)
}

/// The page, with what was typed (by form field name) after an error.
fn page_of(
    p: svc::Page,
    nav: Nav,
    errors: Vec<FieldError>,
    typed: &HashMap<String, String>,
) -> TranslationPage {
    let policy = p.record.body.policy();
    let fields = p
        .fields
        .iter()
        .map(|f| {
            let name = format!("cy.{}", f.field.key);
            FieldRow {
                welsh: typed.get(&name).cloned().unwrap_or_else(|| f.welsh.clone()),
                label: i18n::t(f.field.message),
                english: f.english.clone(),
                status: f.status.label(),
                status_class: status_class(f.status),
                outdated: f.status == Status::Outdated,
                rows: match f.field.limit {
                    translation::Limit::Body => 14,
                    _ if f.english.len() > 300 => 6,
                    _ => 3,
                },
                limit_hint: translation::word_limit(f.field, &policy)
                    .map(|n| i18n::t_args("translation-words-limit", &[("limit", Arg::count(n))]))
                    .unwrap_or_default(),
                name,
            }
        })
        .collect();
    TranslationPage {
        nav,
        errors: Errors(errors),
        kind: p.record.subject.as_str().to_string(),
        id: p.record.id.clone(),
        kind_label: kind_label(p.record.subject),
        title: p.record.title.clone(),
        body_name: p.record.body.name.clone(),
        back: p.record.back.clone(),
        overall: p.overall.label(),
        overall_class: status_class(p.overall),
        fields,
        may_approve: p.may.approve,
        bilingual: p.record.body.bilingual,
    }
}

async fn load(
    state: &AppState,
    user: &AuthUser,
    kind: Subject,
    id: String,
) -> Result<svc::Page, AppError> {
    let (grants, me) = (user.grants.clone(), user.user.id.clone());
    state
        .db(move |c| svc::page(c, &grants, &me, kind, &id))
        .await
}

async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String)>,
) -> PageResult {
    let (kind, id) = path.into_inner();
    let p = load(&state, &user, subject(&kind)?, id).await?;
    let nav = nav(&req, Some(&user));
    html(
        StatusCode::OK,
        &page_of(p, nav, Vec::new(), &HashMap::new()),
    )
}

async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> PageResult {
    let (kind, id) = path.into_inner();
    let kind = subject(&kind)?;
    let texts: HashMap<String, String> = form
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("cy.").map(|f| (f.to_string(), v.clone())))
        .collect();
    let approve = form.get("step").is_some_and(|s| s == "approve");
    let (actor, grants, target) = (user.actor(&req), user.grants.clone(), id.clone());
    let now = state.clock.now_naive();
    let result = state
        .tx(move |c| svc::save(c, &actor, &grants, kind, &target, &texts, approve, now).map(|_| ()))
        .await;
    let errors = crate::web::respond::field_errors(result)?;
    if errors.is_empty() {
        let notice = if approve {
            "translation-approved"
        } else {
            "translation-saved"
        };
        return Ok(see_other(&format!(
            "/translations/{}/{id}?notice={notice}",
            kind.as_str()
        )));
    }
    // The form's names are `cy.<field>`; the service names `translations.cy.<field>`.
    let errors: Vec<FieldError> = errors
        .into_iter()
        .map(|mut e| {
            if let Some(rest) = e.field.strip_prefix("translations.") {
                e.field = rest.to_string();
            }
            e
        })
        .collect();
    let p = load(&state, &user, kind, id).await?;
    let (nav, status) = form_nav(&req, Some(&user), &errors);
    html(status, &page_of(p, nav, errors, &form))
}

async fn queue(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
) -> PageResult {
    if !user.grants.manages_any_body() {
        return Err(AppError::Forbidden.into());
    }
    let grants = user.grants.clone();
    let cals = state.calendars();
    let now = state.clock.now_naive();
    let queue = state
        .db(move |c| svc::queue(c, &grants, &cals, now))
        .await?;
    let today = crate::domain::timeline::london_date(now.and_utc());
    let interpreting = queue
        .interpreting
        .iter()
        .map(|i| {
            (
                format!("/meetings/{}#welsh-speakers", i.meeting_id),
                format!("{}, {}", i.body_name, london_datetime(i.starts_at)),
                i18n::t_args(
                    "welsh-speakers-count",
                    &[
                        ("wishing", Arg::count(i.speakers.wishing)),
                        ("members", Arg::count(i.speakers.members)),
                    ],
                ),
            )
        })
        .collect();
    let (waiting, done): (Vec<_>, Vec<_>) = queue
        .rows
        .into_iter()
        .filter(|r| r.overall != Status::NotRequired)
        .map(|r| {
            (
                !r.overall.complete(),
                QueueRow {
                    link: format!("/translations/{}/{}", r.subject.as_str(), r.id),
                    title: r.title,
                    kind_label: kind_label(r.subject),
                    body_name: r.body_name,
                    meeting_link: format!("/meetings/{}", r.meeting_id),
                    meeting: london_datetime(r.meeting_starts),
                    deadline: london_date_words(r.deadline),
                    overdue: r.deadline < today,
                    status: r.overall.label(),
                    status_class: status_class(r.overall),
                    missing: r.missing.join(", "),
                },
            )
        })
        .partition(|(w, _)| *w);
    html(
        StatusCode::OK,
        &QueuePage {
            nav: nav(&req, Some(&user)),
            interpreting,
            waiting: waiting.into_iter().map(|(_, r)| r).collect(),
            done: done.into_iter().map(|(_, r)| r).collect(),
        },
    )
}

async fn speak_welsh(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> PageResult {
    let id = path.into_inner();
    let wishes = form.get("speak_welsh").is_some_and(|v| v == "yes");
    let (actor, grants, target) = (user.actor(&req), user.grants.clone(), id.clone());
    let now = state.clock.now_naive();
    state
        .tx(move |c| svc::set_speaks_welsh(c, &actor, &grants, &target, wishes, now))
        .await?;
    Ok(see_other(&format!(
        "/meetings/{id}?notice=speak-welsh-saved#welsh-speakers"
    )))
}

#[derive(askama::Template)]
#[template(path = "translation_urgency.html")]
struct UrgencyPage {
    nav: Nav,
    errors: Errors,
    meeting_id: String,
    meeting: String,
    body_name: String,
    reason_en: String,
    reason_cy: String,
    recorded: bool,
    missing: Option<Vec<String>>,
}

async fn urgency_render(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    id: String,
    typed: Option<(String, String)>,
    errors: Vec<FieldError>,
) -> PageResult {
    let grants = user.grants.clone();
    let parts = state.ctx_parts();
    let u = state
        .db(move |c| svc::urgency(c, &grants, &id, &parts.ctx()))
        .await?;
    let (nav, status) = form_nav(req, Some(user), &errors);
    let (reason_en, reason_cy) = typed.unwrap_or_else(|| {
        (
            u.meeting.translation_urgency_en.clone().unwrap_or_default(),
            u.meeting.translation_urgency_cy.clone().unwrap_or_default(),
        )
    });
    html(
        status,
        &UrgencyPage {
            nav,
            errors: Errors(errors),
            meeting_id: u.meeting.id.clone(),
            meeting: london_datetime(u.meeting.starts_at),
            body_name: u.body.name.clone(),
            recorded: u.meeting.translation_urgency_en.is_some(),
            reason_en,
            reason_cy,
            missing: u.missing,
        },
    )
}

async fn urgency_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
) -> PageResult {
    urgency_render(&state, &req, &user, path.into_inner(), None, Vec::new()).await
}

async fn urgency_save(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> PageResult {
    let id = path.into_inner();
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    let withdraw = get("step") == "withdraw";
    let (en, cy) = if withdraw {
        (String::new(), String::new())
    } else {
        (get("reason_en"), get("reason_cy"))
    };
    let (actor, grants, target) = (user.actor(&req), user.grants.clone(), id.clone());
    let (en2, cy2) = (en.clone(), cy.clone());
    let now = state.clock.now_naive();
    let result = state
        .tx(move |c| svc::set_urgency(c, &actor, &grants, &target, &en2, &cy2, withdraw, now))
        .await;
    let errors = crate::web::respond::field_errors(result)?;
    if errors.is_empty() {
        let notice = if withdraw {
            "urgency-cleared"
        } else {
            "urgency-saved"
        };
        return Ok(see_other(&format!("/meetings/{id}?notice={notice}")));
    }
    urgency_render(&state, &req, &user, id, Some((en, cy)), errors).await
}
