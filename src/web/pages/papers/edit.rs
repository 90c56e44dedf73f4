//! Writing a paper: the cover sheet form, saving it, and checking and
//! submitting it.

use crate::web::extract::{CsrfForm, SignedIn};
use actix_web::{HttpRequest, web};
use serde::Deserialize;

use crate::domain::briefing::ItemType;
use crate::domain::format::london_datetime;
use crate::error::{AppError, FieldError};
use crate::services::papers::{self as svc, ImplicationsInput, PaperInput};
use crate::state::AppState;
use crate::views::Errors;
use crate::views::papers::{PaperCheckPage, PaperEditPage, PaperFormValues, TaskStatus};
use crate::web::auth::AuthUser;
use crate::web::respond::{PageResult, form_nav, html, see_other};

use super::{Loaded, loaded, meeting_label, rows, run};

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
        welsh_language: p.implications_welsh_language.clone(),
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
        exempt_public_interest: p.exempt_public_interest.clone(),
        minutes_allocated: p
            .minutes_allocated
            .map(|m| m.to_string())
            .unwrap_or_default(),
        key_decision: if p.key_decision {
            "yes".into()
        } else {
            String::new()
        },
        next: String::new(),
    }
}

/// Sections of the cover sheet (the message key of each name) and the
/// fields each holds (for the task list).
const SECTIONS: [(&str, &str, &[&str]); 8] = [
    (
        "edit-details",
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
        "edit-purpose-summary",
        "section-summary",
        &["purpose", "summary"],
    ),
    (
        "paper-field-recommendations",
        "section-recommendations",
        &["recommendations"],
    ),
    (
        "edit-implications",
        "section-implications",
        &["implications."],
    ),
    (
        "edit-consultation",
        "section-consultation",
        &["consulted_organisation_ids"],
    ),
    (
        "paper-field-priority",
        "section-priority",
        &["priority_id", "no_priority_reason"],
    ),
    ("paper-field-body", "section-body", &["body_markdown"]),
    ("paper-field-exempt", "section-exempt", &["exempt_"]),
];

/// A hint naming a word limit.
fn words_hint(key: &str, limit: i32) -> String {
    crate::i18n::t_args(
        key,
        &[("limit", crate::i18n::Arg::Number(i64::from(limit)))],
    )
}

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
            &f.welsh_language,
        ]),
        "section-consultation" => !f.consulted_organisation_ids.is_empty(),
        "section-priority" => any(&[&f.priority_id, &f.no_priority_reason]),
        "section-body" => any(&[&f.body_markdown]),
        "section-exempt" => any(&[
            &f.exempt,
            &f.exempt_category,
            &f.exempt_reason,
            &f.exempt_public_interest,
        ]),
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
            (crate::i18n::t(name), anchor.to_string(), status)
        })
        .collect();
    let (nav, code) = form_nav(req, Some(who), &errors);
    let lang = nav.lang;
    let mut orgs: Vec<(String, String)> =
        l.orgs.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    let page = PaperEditPage {
        nav,
        errors: Errors(errors),
        id: l.paper.id.clone(),
        version: l.paper.version,
        meeting_label: meeting_label(l),
        body_name: l.body.name.clone(),
        tasks,
        f,
        item_types: ItemType::ALL
            .iter()
            .map(|t| (t.as_str().to_string(), t.label().to_string()))
            .collect(),
        organisations: orgs,
        presenters: choice_groups(l.choices.as_ref(), None, lang),
        sponsors: choice_groups(
            l.choices.as_ref(),
            l.choices.as_ref().map(|c| c.author_id.as_str()),
            lang,
        ),
        priorities: l.priorities.clone(),
        categories: l
            .body
            .profile()
            .catalogue()
            .iter()
            .map(|(n, s)| {
                let text = l.body.profile().paragraph_in(*n, lang);
                (*n, text.unwrap_or_else(|| s.to_string()))
            })
            .collect(),
        category_label: crate::views::rules::catalogue_label(l.body.profile()),
        asks_public_interest: l.body.profile().records_public_interest_test(),
        welsh: l.body.profile().is_welsh(),
        attachments: l.attachments.clone(),
        purpose_hint: words_hint("edit-purpose-hint", l.body.max_purpose_words),
        summary_hint: words_hint("edit-summary-hint", l.body.max_summary_words),
        body_hint: words_hint("edit-body-hint", l.body.max_body_words),
    };
    html(code, &page)
}

pub(super) async fn edit_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(who): SignedIn,
    path: web::Path<String>,
    query: web::Query<EditQuery>,
) -> PageResult {
    let l = loaded(&state, path.into_inner(), &who, svc::PaperUse::Editing).await?;
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
    let l = loaded(state, id, who, svc::PaperUse::Editing).await?;
    let values = values_of(&l.paper);
    edit_page(req, who, &l, values, errors)
}

#[derive(Deserialize)]
pub(super) struct EditQuery {
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
                    crate::i18n::say("err-meetings-invalid"),
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
                    crate::i18n::say("err-papers-edit-required"),
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
            welsh_language: Some(f.welsh_language.clone()),
        }),
        consulted_organisation_ids: Some(f.consulted_organisation_ids.clone()),
        priority_id: opt(&f.priority_id),
        no_priority_reason: Some(f.no_priority_reason.clone()),
        body_markdown: Some(f.body_markdown.clone()),
        exempt_category: category,
        exempt_reason: Some(f.exempt_reason.clone()),
        exempt_public_interest: Some(f.exempt_public_interest.clone()),
        minutes_allocated: minutes,
        key_decision: Some(f.key_decision == "yes"),
        save_version: Some(f.next == "version"),
        translations: None,
    })
}

/// Option groups for a person list: the presenting organisation's people,
/// then everyone else with their organisation; `leave_out` is not offered.
fn choice_groups(
    choices: Option<&svc::PeopleChoices>,
    leave_out: Option<&str>,
    lang: crate::i18n::Lang,
) -> Vec<(String, Vec<(String, String)>)> {
    let Some(c) = choices else {
        return Vec::new();
    };
    let keep = |id: &String| Some(id.as_str()) != leave_out;
    let first: Vec<(String, String)> = c.first.iter().filter(|(id, _)| keep(id)).cloned().collect();
    let others: Vec<(String, String)> = c
        .others
        .iter()
        .filter(|(id, _, _)| keep(id))
        .map(|(id, name, org)| (id.clone(), format!("{name} – {org}")))
        .collect();
    let mut groups = Vec::new();
    if !first.is_empty() {
        groups.push((c.organisation.clone(), first));
    }
    if !others.is_empty() {
        groups.push((crate::i18n::text(lang, "paper-people-others"), others));
    }
    groups
}

pub(super) async fn save(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(who): SignedIn,
    path: web::Path<String>,
    CsrfForm(f): CsrfForm<PaperFormValues>,
) -> PageResult {
    let id = path.into_inner();
    let l = loaded(&state, id.clone(), &who, svc::PaperUse::Editing).await?;
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
        Ok(_) if f.next == "version" => Ok(see_other(&format!(
            "/papers/{id}/edit?notice=paper-version-saved"
        ))),
        Ok(_) => Ok(see_other(&format!("/papers/{id}/edit?notice=paper-saved"))),
        Err(AppError::Validation(errors)) => edit_page(&req, &who, &l, f, errors),
        Err(AppError::PreconditionFailed) => {
            let errors = vec![FieldError::new(
                "title",
                "changed",
                crate::i18n::say("err-papers-edit-changed"),
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
        body_name: l.body.name.clone(),
        rows: rows(l),
        problems,
        late,
        paper_deadline: london_datetime(t.paper_deadline.naive_utc()),
        late_reason,
    };
    html(code, &page)
}

pub(super) async fn check(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(who): SignedIn,
    path: web::Path<String>,
) -> PageResult {
    let l = loaded(&state, path.into_inner(), &who, svc::PaperUse::Checking).await?;
    check_page(&req, &who, &l, &state, String::new(), Vec::new())
}

#[derive(Deserialize)]
pub(super) struct SubmitForm {
    #[serde(default)]
    late_reason: String,
}

pub(super) async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(who): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<SubmitForm>,
) -> PageResult {
    let id = path.into_inner();
    let reason = form.late_reason.clone();
    // The report is typeset first, outside the write transaction.
    let (grants, uid, pid) = (who.grants.clone(), who.user.id.clone(), id.clone());
    state
        .db(move |c| svc::check_before_submit(c, &grants, &uid, &pid))
        .await?;
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
            let l = loaded(&state, id, &who, svc::PaperUse::Reading).await?;
            check_page(&req, &who, &l, &state, form.late_reason, errors)
        }
        Err(e) => Err(e.into()),
    }
}
