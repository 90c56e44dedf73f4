//! Paper pages: reading a paper, writing it, checking and submitting it,
//! and the sponsor's, secretariat's and chair's actions.

use crate::web::extract::{CsrfForm, SignedIn};
use crate::web::routes::Routes;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use serde::Deserialize;

use super::meetings::status_tag;
use crate::domain::briefing::{self, HARD_TO_READ, ItemType};
use crate::domain::format::london_datetime;
use crate::domain::roles::Role;
use crate::error::{AppError, FieldError};
use crate::render::markdown;
use crate::services::Actor;
use crate::services::papers::{self as svc};
use crate::state::AppState;
use crate::views::Errors;
use crate::views::Row;
use crate::views::papers::{MyPapersPage, PaperPage, PaperRow};
use crate::web::auth::{AuthUser, Viewer};
use crate::web::respond::{PageResult, form_nav, html, require_user, see_other};

pub mod edit;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/papers/{id}", show)
        .get("/papers/{id}/edit", edit::edit_form)
        .post("/papers/{id}/edit", edit::save)
        .get("/papers/{id}/submit", edit::check)
        .post("/papers/{id}/submit", edit::submit)
        .post("/papers/{id}/{action}", action)
        .get("/my/papers", my_papers);
}

use crate::services::papers::PaperView as Loaded;

/// A paper's kept versions for its history table, each saying what changed.
fn version_rows(
    versions: &[svc::KeptVersion],
    lang: crate::i18n::Lang,
) -> Vec<crate::views::papers::VersionRow> {
    versions
        .iter()
        .map(|v| {
            let changed = if v.number == 1 {
                crate::i18n::text(lang, "paper-history-first")
            } else if v.changed.is_empty() {
                crate::i18n::text(lang, "paper-history-unchanged")
            } else {
                let parts: Vec<String> = v
                    .changed
                    .iter()
                    .map(|k| crate::i18n::text(lang, k))
                    .collect();
                crate::i18n::text_with(
                    lang,
                    "paper-history-changed",
                    &[("parts", crate::i18n::Arg::Text(&parts.join(", ")))],
                )
            };
            crate::views::papers::VersionRow {
                number: v.number,
                status: status_tag(&v.status).0,
                saved_by: v.saved_by.clone(),
                saved_at: london_datetime(v.saved_at),
                changed,
            }
        })
        .collect()
}

pub(super) fn meeting_label(l: &Loaded) -> String {
    format!("{}, {}", l.body.name, london_datetime(l.meeting.starts_at))
}

pub(super) fn person(l: &Loaded, id: Option<&String>) -> Vec<String> {
    id.and_then(|id| l.people.iter().find(|p| &p.0 == id))
        .map(|p| vec![format!("{} ({})", p.1, p.2)])
        .unwrap_or_default()
}

/// The cover sheet as summary-list rows.
pub(super) fn rows(l: &Loaded) -> Vec<Row> {
    let t = crate::i18n::t;
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
        Some("done") => format!("{} {}", t("cover-eia-done"), p.implications_equality),
        Some("not_needed") => format!("{} {}", t("cover-eia-not-needed"), p.implications_equality),
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
            vec![format!("{} {}", t("cover-none"), p.no_priority_reason)]
        }
        None => Vec::new(),
    };
    let mut out = vec![
        row(
            &t("cover-item-type"),
            p.item_type
                .as_deref()
                .and_then(ItemType::parse)
                .map(|t| vec![t.label().to_string()])
                .unwrap_or_default(),
            "item-type",
        ),
        row(
            &t("paper-field-presenting-organisation"),
            org.into_iter().collect(),
            "presenting-organisation-id",
        ),
        row(
            &t("paper-field-presenter"),
            person(l, p.presenter_user_id.as_ref()),
            "presenter-user-id",
        ),
        row(
            &t("paper-field-sponsor"),
            person(l, p.sponsor_user_id.as_ref()),
            "sponsor-user-id",
        ),
        row(&t("paper-field-purpose"), one(&p.purpose), "purpose"),
        row(&t("edit-executive-summary"), one(&p.summary), "summary"),
        row(
            &t("paper-field-recommendations"),
            p.recommendations(),
            "recommendations",
        ),
        row(
            &t("paper-field-financial"),
            one(&p.implications_financial),
            "implications-financial",
        ),
        row(
            &t("paper-field-legal"),
            one(&p.implications_legal),
            "implications-legal",
        ),
        row(
            &t("edit-risk"),
            one(&p.implications_risk),
            "implications-risk",
        ),
        row(
            &t("cover-equality"),
            one(equality.trim()),
            "implications-equality",
        ),
        row(
            &t("edit-environment"),
            one(&p.implications_environment),
            "implications-environment",
        ),
        row(
            &crate::i18n::t("paper-field-welsh-language"),
            one(&p.implications_welsh_language),
            "implications-welsh-language",
        ),
        row(
            &t("paper-field-consulted"),
            p.consulted()
                .iter()
                .filter_map(|id| l.orgs.get(id).cloned())
                .collect(),
            "consulted-organisation-ids",
        ),
        row(&t("edit-priority-served"), priority, "priority-id"),
    ];
    // The Welsh language impact is a section of the cover sheet in Wales.
    if !l.body.profile().is_welsh() && p.implications_welsh_language.trim().is_empty() {
        out.retain(|r| r.anchor != "implications-welsh-language");
    }
    if let Some(cat) = p.exempt_category {
        out.push(row(
            &t("cover-exempt"),
            vec![
                {
                    // "Category 3: …" in England, "Schedule 12A, paragraph 14: …".
                    let profile = l.body.profile();
                    format!(
                        "{}: {}",
                        crate::domain::validate::capitalise(&profile.label(cat)),
                        profile
                            .paragraph_in(cat, crate::i18n::current())
                            .unwrap_or_default()
                            .trim_end_matches('.')
                    )
                },
                p.exempt_reason.clone(),
            ],
            "exempt-category",
        ));
    }
    out
}

pub(super) fn paper_page(
    req: &HttpRequest,
    who: &AuthUser,
    l: Loaded,
    errors: Vec<FieldError>,
    typed: PaperActionTyped,
) -> PageResult {
    let p = &l.paper;
    let may = l.may.clone();
    let text = markdown::plain_text(&p.body_markdown);
    let ease = briefing::reading_ease(&text);
    let (status, status_class) = status_tag(&p.status);
    let (nav, code) = form_nav(req, Some(who), &errors);
    let lang = nav.lang;
    let page = PaperPage {
        typed,
        nav,
        errors: Errors(errors),
        id: p.id.clone(),
        title: p.title.clone(),
        meeting_id: l.meeting.id.clone(),
        meeting_label: meeting_label(&l),
        body_name: l.body.name.clone(),
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
        versions: version_rows(&l.versions, lang),
        problems: if crate::domain::papers::editable(&p.status) {
            l.problems.clone()
        } else {
            Vec::new()
        },
        can_edit: may.edit,
        can_submit: may.submit,
        can_sign_off: may.sign_off,
        can_accept: may.accept,
        waiting_to_accept: may.waiting_to_accept,
        can_return: may.return_it,
        can_decide_late: may.decide_late,
        can_withdraw: may.withdraw,
        can_translate: l.body.bilingual
            && (p.author_user_id == who.user.id || who.grants.can_manage_body(&l.body.id)),
        attachments: l.attachments.clone(),
        signed_off: match p.signed_off_at {
            Some(t) => crate::i18n::t_args(
                "paper-signed-off-on",
                &[("when", crate::i18n::Arg::Text(&london_datetime(t)))],
            ),
            None => crate::i18n::t("paper-not-signed-off"),
        },
    };
    html(code, &page)
}

pub(super) async fn loaded(
    state: &AppState,
    id: String,
    who: &AuthUser,
    usage: svc::PaperUse,
) -> Result<Loaded, AppError> {
    let (grants, uid) = (who.grants.clone(), who.user.id.clone());
    state
        .db(move |c| svc::page(c, &grants, &uid, &id, usage))
        .await
}

async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(who): SignedIn,
    path: web::Path<String>,
) -> PageResult {
    let l = loaded(&state, path.into_inner(), &who, svc::PaperUse::Reading).await?;
    paper_page(&req, &who, l, Vec::new(), PaperActionTyped::default())
}

/// Runs one paper action in a transaction, on a paper this person may see.
pub(super) async fn run(
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

pub use crate::views::papers::PaperActionTyped;

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
    SignedIn(who): SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> PageResult {
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
            let l = loaded(&state, id, &who, svc::PaperUse::Reading).await?;
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
    let cals = state.calendars();
    let svc::MyPapers {
        mine,
        late,
        labels,
        proposals: props,
        orgs,
        due,
    } = state
        .db(move |c| svc::mine(c, &uid, &chair_of, &cals, now))
        .await?;
    let row = |p: svc::Paper| {
        let (status, status_class) = status_tag(&p.status);
        let open = crate::domain::papers::editable(&p.status);
        PaperRow {
            next_step: crate::i18n::t(crate::domain::papers::next_step(
                &p.status,
                p.signed_off_at.is_some(),
                p.late,
                p.late_decision.as_deref(),
            )),
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
