//! A person's register of interests: read by those who may, kept by the
//! person themself (or an administrator).

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use crate::domain::format::london_date_words;
use crate::domain::interests::{Kind, pounds};
use crate::error::{AppError, FieldError};
use crate::services::interests::{self as svc, InterestInput, Register};
use crate::state::AppState;
use crate::views::interests::{InterestRow, InterestTyped, InterestsPage};
use crate::views::{DateTyped, Errors};
use crate::web::auth::{AuthUser, Viewer};
use crate::web::dates::ReadDate;
use crate::web::extract::{CsrfForm, SignedIn};
use crate::web::respond::{PageResult, form_nav, html, see_other};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/account/interests", mine)
        .get("/people/{id}/interests", show)
        .post("/people/{id}/interests", add)
        .post("/people/{id}/interests/{interest}/{step}", change);
}

/// The page, with what was typed into one of its forms after an error
/// (`ended` is the end form's date, on the interest it was for).
fn page(
    r: Register,
    nav: crate::views::Nav,
    errors: Vec<FieldError>,
    typed: InterestTyped,
    ended: Option<(String, DateTyped)>,
    today: chrono::NaiveDate,
) -> InterestsPage {
    let lang = nav.lang;
    let row = |(i, organisation): (svc::Interest, String)| InterestRow {
        kind: Kind::parse(&i.kind)
            .map(|k| crate::i18n::text(lang, k.label_key()))
            .unwrap_or_default(),
        description: i.description,
        organisation,
        value: i.value_pence.map(pounds).unwrap_or_default(),
        from: london_date_words(i.starts_on),
        to: i.ends_on.map(london_date_words).unwrap_or_default(),
        end_typed: ended
            .as_ref()
            .filter(|(id, _)| *id == i.id)
            .map(|(_, d)| d.clone())
            .unwrap_or_default(),
        id: i.id,
    };
    let (current, past): (Vec<_>, Vec<_>) = r
        .interests
        .into_iter()
        .partition(|(i, _)| i.ends_on.is_none_or(|e| e >= today));
    InterestsPage {
        errors: Errors(errors),
        user_id: r.user.id,
        name: r.user.name,
        organisation: r.organisation.clone(),
        bodies: r.bodies,
        threshold: pounds(r.policy.gift_threshold_pence),
        policy_words: crate::i18n::text_with(
            lang,
            if r.policy.publish {
                "interests-published"
            } else {
                "interests-not-published"
            },
            &[("organisation", crate::i18n::Arg::Text(&r.organisation))],
        ),
        may_change: r.may_change,
        current: current.into_iter().map(row).collect(),
        past: past.into_iter().map(row).collect(),
        kinds: Kind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_string(),
                    crate::i18n::text(lang, k.label_key()),
                )
            })
            .collect(),
        organisations: r.organisations,
        typed,
        nav,
    }
}

async fn load(state: &AppState, user: Option<&AuthUser>, id: String) -> Result<Register, AppError> {
    let grants = user.map(|u| u.grants.clone());
    let viewer = user.map(|u| u.user.id.clone());
    state
        .db(move |c| svc::register(c, grants.as_ref(), viewer.as_deref(), &id))
        .await
}

/// Your own register.
async fn mine(SignedIn(user): SignedIn) -> PageResult {
    Ok(see_other(&format!("/people/{}/interests", user.user.id)))
}

async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let r = load(&state, viewer.0.as_ref(), path.into_inner()).await?;
    let nav = crate::web::respond::nav(&req, viewer.0.as_ref());
    html(
        StatusCode::OK,
        &page(
            r,
            nav,
            Vec::new(),
            InterestTyped::default(),
            None,
            today(&state),
        ),
    )
}

/// Today, in London.
fn today(state: &AppState) -> chrono::NaiveDate {
    crate::domain::timeline::london_date(state.clock.now_naive().and_utc())
}

fn field(form: &HashMap<String, String>, name: &str) -> String {
    form.get(name).cloned().unwrap_or_default()
}

fn date_typed(form: &HashMap<String, String>, name: &str) -> DateTyped {
    DateTyped::new(
        &field(form, &format!("{name}-day")),
        &field(form, &format!("{name}-month")),
        &field(form, &format!("{name}-year")),
    )
}

async fn add(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> PageResult {
    let id = path.into_inner();
    let lang = crate::web::respond::lang(&req);
    let typed = InterestTyped {
        kind: field(&form, "kind"),
        description: field(&form, "description"),
        organisation_id: field(&form, "organisation_id"),
        value: field(&form, "value"),
        starts: date_typed(&form, "starts_on"),
        ends: date_typed(&form, "ends_on"),
    };
    let starts = typed.starts.read("starts_on", "label-interest-start", lang);
    let ends = typed.ends.read("ends_on", "label-interest-end", lang);
    let input = InterestInput {
        kind: Some(typed.kind.clone()),
        description: Some(typed.description.clone()),
        organisation_id: Some(typed.organisation_id.clone()),
        value: Some(typed.value.clone()),
        starts_on: starts.value.clone(),
        ends_on: ends.value.clone(),
    };
    let (actor, grants, me, target) = (
        user.actor(&req),
        user.grants.clone(),
        user.user.id.clone(),
        id.clone(),
    );
    let now = state.clock.now_naive();
    let result = state
        .tx(move |c| svc::add(c, &actor, &grants, &me, &target, &input, now).map(|_| ()))
        .await;
    let errors = crate::web::respond::field_errors(result)?;
    if errors.is_empty() {
        return Ok(see_other(&format!(
            "/people/{id}/interests?notice=interest-added"
        )));
    }
    let errors = crate::web::dates::in_words(
        crate::web::dates::in_words(errors, &starts, "starts_on"),
        &ends,
        "ends_on",
    );
    let r = load(&state, Some(&user), id).await?;
    let (nav, status) = form_nav(&req, Some(&user), &errors);
    html(status, &page(r, nav, errors, typed, None, today(&state)))
}

/// Ends an interest (`/end`, with the day it ended) or removes one
/// registered in error (`/remove`).
async fn change(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> PageResult {
    let (id, interest, what) = path.into_inner();
    let lang = crate::web::respond::lang(&req);
    let (actor, grants, me, target, which) = (
        user.actor(&req),
        user.grants.clone(),
        user.user.id.clone(),
        id.clone(),
        interest.clone(),
    );
    let now = state.clock.now_naive();
    let typed = date_typed(&form, "ends_on");
    let ends = typed.read("ends_on", "label-interest-end", lang);
    let ends_on = ends.value.clone();
    let result = match what.as_str() {
        "end" => {
            state
                .tx(move |c| {
                    svc::end(
                        c,
                        &actor,
                        &grants,
                        &me,
                        &target,
                        &which,
                        ends_on.as_deref(),
                        now,
                    )
                    .map(|_| ())
                })
                .await
        }
        "remove" => {
            state
                .tx(move |c| svc::remove(c, &actor, &grants, &me, &target, &which, now))
                .await
        }
        _ => return Err(AppError::NotFound.into()),
    };
    let errors = crate::web::respond::field_errors(result)?;
    if errors.is_empty() {
        let notice = if what == "end" {
            "interest-ended"
        } else {
            "interest-removed"
        };
        return Ok(see_other(&format!(
            "/people/{id}/interests?notice={notice}"
        )));
    }
    let errors = crate::web::respond::rekey(
        crate::web::dates::in_words(errors, &ends, "ends_on"),
        |_| format!("end-{interest}"),
    );
    let r = load(&state, Some(&user), id).await?;
    let (nav, status) = form_nav(&req, Some(&user), &errors);
    html(
        status,
        &page(
            r,
            nav,
            errors,
            InterestTyped::default(),
            Some((interest, typed)),
            today(&state),
        ),
    )
}
