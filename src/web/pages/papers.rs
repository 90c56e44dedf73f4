//! Paper pages: reading a paper, writing it, checking and submitting it,
//! and the sponsor's, secretariat's and chair's actions.

use crate::web::routes::Routes;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use serde::Deserialize;

use super::meetings::status_tag;
use crate::domain::briefing::{self, HARD_TO_READ, ItemType};
use crate::domain::exempt;
use crate::domain::format::london_datetime;
use crate::domain::roles::Role;
use crate::error::{AppError, FieldError};
use crate::render::markdown;
use crate::services::Actor;
use crate::services::papers::{self as svc, ImplicationsInput, PaperInput};
use crate::state::AppState;
use crate::views::Errors;
use crate::views::pages::{
    MyPapersPage, PaperCheckPage, PaperEditPage, PaperFormValues, PaperPage, PaperRow, Row,
    TaskStatus,
};
use crate::web::auth::{AuthUser, Viewer};
use crate::web::respond::{PageResult, checked_form, form_nav, html, require_user, see_other};

pub fn configure(r: &mut Routes<'_>) {
    r.get("/papers/{id}", show)
        .get("/papers/{id}/edit", edit_form)
        .post("/papers/{id}/edit", save)
        .get("/papers/{id}/submit", check)
        .post("/papers/{id}/submit", submit)
        .post("/papers/{id}/{action}", action)
        .get("/my/papers", my_papers);
}

use crate::services::papers::PaperView as Loaded;

fn meeting_label(l: &Loaded) -> String {
    format!("{}, {}", l.body.name, london_datetime(l.meeting.starts_at))
}

fn person(l: &Loaded, id: Option<&String>) -> Vec<String> {
    id.and_then(|id| l.people.iter().find(|p| &p.0 == id))
        .map(|p| vec![format!("{} ({})", p.1, p.2)])
        .unwrap_or_default()
}

/// The cover sheet as summary-list rows.
fn rows(l: &Loaded) -> Vec<Row> {
    let p = &l.paper;
    let one = |s: &str| {
        if s.trim().is_empty() {
            Vec::new()
        } else {
            vec![s.to_string()]
        }
    };
    let row = |key: &str, lines: Vec<String>, anchor: &str| Row {
        key: key.into(),
        lines,
        anchor: anchor.into(),
    };
    let org = p
        .presenting_organisation_id
        .as_ref()
        .and_then(|id| l.orgs.get(id))
        .cloned();
    let equality = match p.equality_assessment.as_deref() {
        Some("done") => format!("Impact assessment done. {}", p.implications_equality),
        Some("not_needed") => format!("Impact assessment not needed. {}", p.implications_equality),
        _ => p.implications_equality.clone(),
    };
    let priority = match &p.priority_id {
        Some(id) => l
            .priorities
            .iter()
            .find(|x| &x.0 == id)
            .map(|x| vec![x.1.clone()])
            .unwrap_or_default(),
        None if !p.no_priority_reason.trim().is_empty() => {
            vec![format!("None. {}", p.no_priority_reason)]
        }
        None => Vec::new(),
    };
    let mut out = vec![
        row(
            "Item type",
            p.item_type
                .as_deref()
                .and_then(ItemType::parse)
                .map(|t| vec![t.label().to_string()])
                .unwrap_or_default(),
            "item-type",
        ),
        row(
            "Presenting organisation",
            org.into_iter().collect(),
            "presenting-organisation-id",
        ),
        row(
            "Presenter",
            person(l, p.presenter_user_id.as_ref()),
            "presenter-user-id",
        ),
        row(
            "Sponsor",
            person(l, p.sponsor_user_id.as_ref()),
            "sponsor-user-id",
        ),
        row("Purpose", one(&p.purpose), "purpose"),
        row("Executive summary", one(&p.summary), "summary"),
        row("Recommendations", p.recommendations(), "recommendations"),
        row(
            "Financial implications",
            one(&p.implications_financial),
            "implications-financial",
        ),
        row(
            "Legal implications",
            one(&p.implications_legal),
            "implications-legal",
        ),
        row("Risk", one(&p.implications_risk), "implications-risk"),
        row("Equality", one(equality.trim()), "implications-equality"),
        row(
            "Environment and climate",
            one(&p.implications_environment),
            "implications-environment",
        ),
        row(
            "Partners consulted",
            p.consulted()
                .iter()
                .filter_map(|id| l.orgs.get(id).cloned())
                .collect(),
            "consulted-organisation-ids",
        ),
        row("Priority served", priority, "priority-id"),
    ];
    if let Some(cat) = p.exempt_category {
        out.push(row(
            "Exempt",
            vec![
                format!(
                    "Category {cat}: {}",
                    exempt::category_label(cat).unwrap_or("")
                ),
                p.exempt_reason.clone(),
            ],
            "exempt-category",
        ));
    }
    out
}

fn paper_page(
    req: &HttpRequest,
    who: &AuthUser,
    l: Loaded,
    errors: Vec<FieldError>,
    typed: PaperActionTyped,
) -> PageResult {
    let p = &l.paper;
    let uid = who.user.id.as_str();
    let secretariat = who.grants.can_manage_body(&l.body.id);
    let editable = crate::domain::papers::editable(&p.status);
    let can_edit = editable && (p.author_user_id == uid || secretariat);
    let text = markdown::plain_text(&p.body_markdown);
    let ease = briefing::reading_ease(&text);
    let (status, status_class) = status_tag(&p.status);
    let (nav, code) = form_nav(req, Some(who), &errors);
    // What the secretariat waits for before the paper can be accepted.
    let waiting_to_accept: Vec<String> = if secretariat && p.status == "submitted" {
        svc::acceptance_blockers(p)
            .into_iter()
            .map(|e| e.message)
            .collect()
    } else {
        Vec::new()
    };
    let page = PaperPage {
        typed,
        nav,
        errors: Errors(errors),
        id: p.id.clone(),
        title: p.title.clone(),
        meeting_id: l.meeting.id.clone(),
        meeting_label: meeting_label(&l),
        status,
        status_class,
        late: p.late,
        late_reason: p.late_reason.clone().unwrap_or_default(),
        late_decision: p.late_decision.clone().unwrap_or_default(),
        late_decision_note: p.late_decision_note.clone().unwrap_or_default(),
        exempt: p
            .exempt_category
            .map(|c| format!("Exempt – category {c}"))
            .unwrap_or_default(),
        returned_reason: if p.status == "returned" {
            p.returned_reason.clone().unwrap_or_default()
        } else {
            String::new()
        },
        rows: rows(&l),
        body_html: markdown::render(&p.body_markdown),
        word_count: briefing::word_count(&text),
        max_words: l.body.max_body_words,
        reading_ease: ease.map(|e| format!("{e:.0}")).unwrap_or_default(),
        hard_to_read: ease.is_some_and(|e| e < HARD_TO_READ),
        versions: l
            .versions
            .iter()
            .map(|(v, s, by, at)| (*v, s.clone(), by.clone(), london_datetime(*at)))
            .collect(),
        problems: if editable {
            l.problems.clone()
        } else {
            Vec::new()
        },
        can_edit,
        can_submit: editable && p.author_user_id == uid,
        can_sign_off: p.sponsor_user_id.as_deref() == Some(uid)
            && p.signed_off_at.is_none()
            && matches!(p.status.as_str(), "draft" | "submitted" | "returned"),
        can_accept: secretariat && p.status == "submitted" && waiting_to_accept.is_empty(),
        waiting_to_accept,
        can_return: secretariat && matches!(p.status.as_str(), "submitted" | "accepted"),
        can_decide_late: who.grants.role_in(&l.body.id) == Some(Role::Chair)
            && p.late
            && p.status == "submitted"
            && p.late_decision.is_none(),
        can_withdraw: (p.author_user_id == uid || secretariat)
            && !matches!(p.status.as_str(), "published" | "withdrawn"),
        attachments: l.attachments.clone(),
        signed_off: match p.signed_off_at {
            Some(t) => format!("Signed off by the sponsor on {}.", london_datetime(t)),
            None => "The sponsor has not signed it off yet.".into(),
        },
    };
    html(code, &page)
}

async fn loaded(state: &AppState, id: String, who: &AuthUser) -> Result<Loaded, AppError> {
    let (grants, uid) = (who.grants.clone(), who.user.id.clone());
    state.db(move |c| svc::page(c, &grants, &uid, &id)).await
}

async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let who = require_user(&req, viewer)?;
    let l = loaded(&state, path.into_inner(), &who).await?;
    paper_page(&req, &who, l, Vec::new(), PaperActionTyped::default())
}

fn values_of(p: &svc::Paper) -> PaperFormValues {
    PaperFormValues {
        version: p.version.to_string(),
        title: p.title.clone(),
        item_type: p.item_type.clone().unwrap_or_default(),
        presenting_organisation_id: p.presenting_organisation_id.clone().unwrap_or_default(),
        presenter_user_id: p.presenter_user_id.clone().unwrap_or_default(),
        sponsor_user_id: p.sponsor_user_id.clone().unwrap_or_default(),
        purpose: p.purpose.clone(),
        summary: p.summary.clone(),
        recommendations: p.recommendations().join("\n"),
        financial: p.implications_financial.clone(),
        legal: p.implications_legal.clone(),
        risk: p.implications_risk.clone(),
        equality_assessment: p.equality_assessment.clone().unwrap_or_default(),
        equality: p.implications_equality.clone(),
        environment: p.implications_environment.clone(),
        consulted_organisation_ids: p.consulted(),
        priority_id: p.priority_id.clone().unwrap_or_default(),
        no_priority_reason: p.no_priority_reason.clone(),
        body_markdown: p.body_markdown.clone(),
        exempt: if p.is_exempt() {
            "yes".into()
        } else {
            String::new()
        },
        exempt_category: p.exempt_category.map(|c| c.to_string()).unwrap_or_default(),
        exempt_reason: p.exempt_reason.clone(),
        minutes_allocated: p
            .minutes_allocated
            .map(|m| m.to_string())
            .unwrap_or_default(),
        next: String::new(),
    }
}

/// Sections of the cover sheet and the fields each holds (for the task list).
const SECTIONS: [(&str, &str, &[&str]); 8] = [
    (
        "Item details",
        "section-details",
        &[
            "title",
            "item_type",
            "presenting_organisation_id",
            "presenter_user_id",
            "sponsor_user_id",
        ],
    ),
    (
        "Purpose and summary",
        "section-summary",
        &["purpose", "summary"],
    ),
    (
        "Recommendations",
        "section-recommendations",
        &["recommendations"],
    ),
    ("Implications", "section-implications", &["implications."]),
    (
        "Consultation",
        "section-consultation",
        &["consulted_organisation_ids"],
    ),
    (
        "Priority",
        "section-priority",
        &["priority_id", "no_priority_reason"],
    ),
    ("The paper", "section-body", &["body_markdown"]),
    ("Exempt information", "section-exempt", &["exempt_"]),
];

/// Has the author written anything in this section yet?
fn section_touched(anchor: &str, f: &PaperFormValues) -> bool {
    let any = |vals: &[&str]| vals.iter().any(|v| !v.trim().is_empty());
    match anchor {
        "section-details" => any(&[
            &f.title,
            &f.item_type,
            &f.presenting_organisation_id,
            &f.presenter_user_id,
            &f.sponsor_user_id,
            &f.minutes_allocated,
        ]),
        "section-summary" => any(&[&f.purpose, &f.summary]),
        "section-recommendations" => any(&[&f.recommendations]),
        "section-implications" => any(&[
            &f.financial,
            &f.legal,
            &f.risk,
            &f.equality_assessment,
            &f.equality,
            &f.environment,
        ]),
        "section-consultation" => !f.consulted_organisation_ids.is_empty(),
        "section-priority" => any(&[&f.priority_id, &f.no_priority_reason]),
        "section-body" => any(&[&f.body_markdown]),
        "section-exempt" => any(&[&f.exempt, &f.exempt_category, &f.exempt_reason]),
        _ => false,
    }
}

fn edit_page(
    req: &HttpRequest,
    who: &AuthUser,
    l: &Loaded,
    f: PaperFormValues,
    errors: Vec<FieldError>,
) -> PageResult {
    let tasks = SECTIONS
        .iter()
        .map(|(name, anchor, fields)| {
            let open = l
                .problems
                .iter()
                .any(|p| fields.iter().any(|f| p.field.starts_with(f)));
            let optional = matches!(*anchor, "section-consultation" | "section-exempt");
            let status = TaskStatus::of(section_touched(anchor, &f), open, optional);
            (name.to_string(), anchor.to_string(), status)
        })
        .collect();
    let (nav, code) = form_nav(req, Some(who), &errors);
    let mut orgs: Vec<(String, String)> =
        l.orgs.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    let page = PaperEditPage {
        nav,
        errors: Errors(errors),
        id: l.paper.id.clone(),
        version: l.paper.version,
        meeting_label: meeting_label(l),
        tasks,
        f,
        item_types: ItemType::ALL
            .iter()
            .map(|t| (t.as_str().to_string(), t.label().to_string()))
            .collect(),
        organisations: orgs,
        people: l
            .people
            .iter()
            .map(|(id, name, org)| (id.clone(), format!("{name} – {org}")))
            .collect(),
        priorities: l.priorities.clone(),
        categories: exempt::CATEGORIES
            .iter()
            .map(|(n, s)| (*n, s.to_string()))
            .collect(),
        attachments: l.attachments.clone(),
        purpose_hint: format!("At most {} words.", l.body.max_purpose_words),
        summary_hint: format!(
            "At most {} words: what a member must know before the meeting.",
            l.body.max_summary_words
        ),
        body_hint: format!(
            "At most {} words. Use ## for headings, | for tables and [^1] for footnotes.",
            l.body.max_body_words
        ),
    };
    html(code, &page)
}

fn check_editable(who: &AuthUser, l: &Loaded) -> Result<(), AppError> {
    if l.paper.author_user_id != who.user.id && !who.grants.can_manage_body(&l.body.id) {
        return Err(AppError::Forbidden);
    }
    if !crate::domain::papers::editable(&l.paper.status) {
        return Err(AppError::Conflict(vec![FieldError::new(
            "status",
            "not_editable",
            format!(
                "The paper is {}: only a draft or a returned paper can be changed.",
                l.paper.status
            ),
        )]));
    }
    Ok(())
}

async fn edit_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    query: web::Query<EditQuery>,
) -> PageResult {
    let who = require_user(&req, viewer)?;
    let l = loaded(&state, path.into_inner(), &who).await?;
    check_editable(&who, &l)?;
    let values = values_of(&l.paper);
    // Arriving from "Check your paper": show what the check found at each
    // field, so a link from its error summary lands on the inline error.
    let errors = if query.check.is_some() {
        l.problems.clone()
    } else {
        Vec::new()
    };
    edit_page(&req, &who, &l, values, errors)
}

/// The edit page with errors shown at their fields (an upload's, say).
pub async fn edit_with_errors(
    state: &AppState,
    req: &HttpRequest,
    who: &AuthUser,
    id: String,
    errors: Vec<FieldError>,
) -> PageResult {
    let l = loaded(state, id, who).await?;
    check_editable(who, &l)?;
    let values = values_of(&l.paper);
    edit_page(req, who, &l, values, errors)
}

#[derive(Deserialize)]
struct EditQuery {
    check: Option<String>,
}

/// The form as a full update of the paper.
fn to_input(f: &PaperFormValues) -> Result<PaperInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let opt = |s: &str| Some(Some(s.trim().to_string()).filter(|v| !v.is_empty()));
    let minutes = match f.minutes_allocated.trim() {
        "" => Some(None),
        m => match m.parse::<i32>() {
            Ok(n) => Some(Some(n)),
            Err(_) => {
                errors.push(FieldError::new(
                    "minutes_allocated",
                    "invalid",
                    "Enter the minutes as a number, like 15.",
                ));
                None
            }
        },
    };
    let exempt = f.exempt == "yes" || !f.exempt_category.is_empty();
    let category = if exempt {
        match f.exempt_category.parse::<i32>() {
            Ok(n) => Some(Some(n)),
            Err(_) => {
                errors.push(FieldError::new(
                    "exempt_category",
                    "required",
                    "Choose the Schedule 12A category, or untick 'exempt'.",
                ));
                None
            }
        }
    } else {
        Some(None)
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PaperInput {
        title: Some(f.title.clone()),
        item_type: opt(&f.item_type),
        presenting_organisation_id: opt(&f.presenting_organisation_id),
        presenter_user_id: opt(&f.presenter_user_id),
        sponsor_user_id: opt(&f.sponsor_user_id),
        purpose: Some(f.purpose.clone()),
        summary: Some(f.summary.clone()),
        recommendations: Some(
            f.recommendations
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        implications: Some(ImplicationsInput {
            financial: Some(f.financial.clone()),
            legal: Some(f.legal.clone()),
            risk: Some(f.risk.clone()),
            equality: Some(f.equality.clone()),
            equality_assessment: Some(f.equality_assessment.clone()),
            environment: Some(f.environment.clone()),
        }),
        consulted_organisation_ids: Some(f.consulted_organisation_ids.clone()),
        priority_id: opt(&f.priority_id),
        no_priority_reason: Some(f.no_priority_reason.clone()),
        body_markdown: Some(f.body_markdown.clone()),
        exempt_category: category,
        exempt_reason: Some(f.exempt_reason.clone()),
        minutes_allocated: minutes,
    })
}

async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    let who = require_user(&req, viewer)?;
    let f: PaperFormValues = checked_form(&req, &body)?;
    let id = path.into_inner();
    let l = loaded(&state, id.clone(), &who).await?;
    check_editable(&who, &l)?;
    let input = match to_input(&f) {
        Ok(i) => i,
        Err(errors) => return edit_page(&req, &who, &l, f, errors),
    };
    let expected = f.version.parse::<i32>().ok();
    let actor = who.actor(&req);
    let grants = who.grants.clone();
    let uid = who.user.id.clone();
    let now = state.clock.now_naive();
    let pid = id.clone();
    let result = state
        .tx(move |c| {
            let p = svc::visible_paper(c, &grants, &uid, &pid)?;
            svc::update_paper(c, &actor, &grants, &p, &input, expected, now)
        })
        .await;
    match result {
        Ok(_) if f.next == "check" => Ok(see_other(&format!("/papers/{id}/submit"))),
        Ok(_) => Ok(see_other(&format!("/papers/{id}/edit?notice=paper-saved"))),
        Err(AppError::Validation(errors)) => edit_page(&req, &who, &l, f, errors),
        Err(AppError::PreconditionFailed) => {
            let errors = vec![FieldError::new(
                "title",
                "changed",
                "Someone else saved this paper after you opened it. Your changes are below but were not saved: copy anything you need, then reload the page.",
            )];
            edit_page(&req, &who, &l, f, errors)
        }
        Err(e) => Err(e.into()),
    }
}

fn check_page(
    req: &HttpRequest,
    who: &AuthUser,
    l: &Loaded,
    state: &AppState,
    late_reason: String,
    errors: Vec<FieldError>,
) -> PageResult {
    let cals = state.calendars();
    let t = crate::services::meetings::timeline_for(&l.meeting, &l.body, &cals);
    let late = state.clock.now() > t.paper_deadline;
    let problems = if errors.is_empty() {
        l.problems.clone()
    } else {
        errors.clone()
    };
    let (nav, code) = form_nav(req, Some(who), &problems);
    let page = PaperCheckPage {
        nav,
        errors: Errors(errors),
        id: l.paper.id.clone(),
        title: l.paper.title.clone(),
        meeting_label: meeting_label(l),
        rows: rows(l),
        problems,
        late,
        paper_deadline: london_datetime(t.paper_deadline.naive_utc()),
        late_reason,
    };
    html(code, &page)
}

async fn check(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let who = require_user(&req, viewer)?;
    let l = loaded(&state, path.into_inner(), &who).await?;
    check_editable(&who, &l)?;
    check_page(&req, &who, &l, &state, String::new(), Vec::new())
}

#[derive(Deserialize)]
struct SubmitForm {
    #[serde(default)]
    late_reason: String,
}

async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    let who = require_user(&req, viewer)?;
    let form: SubmitForm = checked_form(&req, &body)?;
    let id = path.into_inner();
    let reason = form.late_reason.clone();
    let result = run(
        &state,
        &who,
        who.actor(&req),
        id.clone(),
        move |c, _, uid, actor, p, ctx| svc::submit_paper(c, actor, uid, p, Some(&reason), ctx),
    )
    .await;
    match result {
        Ok(_) => Ok(see_other(&format!("/papers/{id}?notice=paper-submitted"))),
        Err(AppError::Validation(errors)) => {
            let l = loaded(&state, id, &who).await?;
            check_page(&req, &who, &l, &state, form.late_reason, errors)
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs one paper action in a transaction, on a paper this person may see.
async fn run(
    state: &AppState,
    who: &AuthUser,
    actor: Actor,
    id: String,
    change: impl svc::PaperChange,
) -> Result<svc::Paper, AppError> {
    let parts = state.ctx_parts();
    let (grants, uid) = (who.grants.clone(), who.user.id.clone());
    state
        .tx(move |c| svc::change_visible(c, &grants, &uid, &actor, &id, &parts.ctx(), change))
        .await
}

pub use crate::views::pages::PaperActionTyped;

#[derive(Deserialize)]
struct ActionForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    approve: String,
}

async fn action(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> PageResult {
    let who = require_user(&req, viewer)?;
    let form: ActionForm = checked_form(&req, &body)?;
    let (id, action) = path.into_inner();
    let actor = who.actor(&req);
    let typed = PaperActionTyped {
        action: action.clone(),
        reason: form.reason.clone(),
        note: form.note.clone(),
        approve: form.approve.clone(),
    };
    let result = match action.as_str() {
        "sign-off" => {
            run(&state, &who, actor, id.clone(), |c, _g, uid, a, p, ctx| {
                svc::sign_off(c, a, uid, p, ctx.now)
            })
            .await
        }
        "accept" => {
            run(&state, &who, actor, id.clone(), |c, g, _uid, a, p, ctx| {
                svc::accept(c, a, g, p, ctx.now)
            })
            .await
        }
        "return" => {
            run(
                &state,
                &who,
                actor,
                id.clone(),
                move |c, g, _uid, a, p, ctx| svc::return_paper(c, a, g, p, &form.reason, ctx),
            )
            .await
        }
        "withdraw" => {
            run(
                &state,
                &who,
                actor,
                id.clone(),
                move |c, g, uid, a, p, ctx| svc::withdraw(c, a, g, uid, p, &form.reason, ctx.now),
            )
            .await
        }
        "late-decision" => {
            let approve = match form.approve.as_str() {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            };
            run(
                &state,
                &who,
                actor,
                id.clone(),
                move |c, g, _uid, a, p, ctx| {
                    svc::late_decision(c, a, g, p, approve, &form.note, ctx)
                },
            )
            .await
        }
        _ => return Err(AppError::NotFound.into()),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/papers/{id}?notice=paper-{action}"))),
        Err(AppError::Validation(errors) | AppError::Conflict(errors)) => {
            let l = loaded(&state, id, &who).await?;
            // Each form's errors at its own fields (return and withdraw both
            // ask for a reason).
            let prefix = match action.as_str() {
                "late-decision" => "late",
                other => other,
            };
            let mut resp = paper_page(
                &req,
                &who,
                l,
                crate::web::respond::keyed(prefix, errors),
                typed,
            )?;
            *resp.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}

async fn my_papers(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let who = require_user(&req, viewer)?;
    let uid = who.user.id.clone();
    let chair_of: Vec<String> = who
        .grants
        .roles
        .iter()
        .filter(|(_, r)| *r == Role::Chair)
        .map(|(b, _)| b.clone())
        .collect();
    let now = state.clock.now();
    let svc::MyPapers {
        mine,
        late,
        labels,
        proposals: props,
        orgs,
        due,
    } = state
        .db(move |c| svc::mine(c, &uid, &chair_of, now))
        .await?;
    let row = |p: svc::Paper| {
        let (status, status_class) = status_tag(&p.status);
        let open = crate::domain::papers::editable(&p.status);
        PaperRow {
            next_step: crate::domain::papers::next_step(
                &p.status,
                p.signed_off_at.is_some(),
                p.late,
                p.late_decision.as_deref(),
            )
            .to_string(),
            papers_due: if open {
                due.get(&p.meeting_id).cloned().unwrap_or_default()
            } else {
                String::new()
            },
            link: format!("/papers/{}", p.id),
            meeting: labels.get(&p.meeting_id).cloned().unwrap_or_default(),
            id: p.id,
            title: p.title,
            status,
            status_class,
            late: p.late,
            exempt: p.exempt_category,
        }
    };
    let when = |id: &str| {
        labels
            .get(id)
            .cloned()
            .unwrap_or_else(|| "a later meeting".into())
    };
    let proposals = props
        .into_iter()
        .map(|p| super::meetings::proposal_row(p, &orgs, &when))
        .collect();
    let page = MyPapersPage {
        nav: crate::web::respond::nav(&req, Some(&who)),
        papers: mine.into_iter().map(row).collect(),
        late_to_decide: late.into_iter().map(row).collect(),
        proposals,
    };
    html(StatusCode::OK, &page)
}
