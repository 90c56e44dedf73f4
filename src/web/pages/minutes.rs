//! Minutes: drafted from the record, edited, circulated and approved by the
//! secretariat; read by members and, once approved, by the public.

use crate::web::extract::{CsrfForm, SignedIn};
use actix_web::{HttpRequest, web};
use serde::Deserialize;

use crate::domain::format::{london_datetime, london_day};
use crate::error::{AppError, FieldError};
use crate::services::agenda::Audience;
use crate::state::AppState;
use crate::views::Errors;
use crate::web::auth::{AuthUser, Viewer};
use crate::web::respond::{PageResult, form_nav, html, see_other};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}/minutes", minutes_page)
        .post("/meetings/{id}/minutes", minutes_post);
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
    let lang = crate::i18n::current();
    let v = state
        .tx(move |c| crate::services::minutes::view(c, grants.as_ref(), &id, lang, &parts.ctx()))
        .await?;
    let (m, body, visible, audience) = (v.meeting, v.body, v.minutes, v.audience);
    let welsh = v
        .welsh
        .map(|w| (w.label(), super::translations::status_class(w)));
    let (nav, code) = form_nav(req, viewer, &errors);
    let status = visible
        .as_ref()
        .map(|x| x.status.clone())
        .unwrap_or_default();
    let page = crate::views::minutes::MinutesPage {
        confirm: confirm.to_string(),
        nav,
        errors: Errors(errors),
        meeting_id: m.id.clone(),
        body_name: body.name.clone(),
        body_slug: body.slug.clone(),
        date: london_day(m.starts_at),
        status_words: match status.as_str() {
            "draft" => crate::i18n::text(crate::i18n::current(), "minutes-status-draft"),
            "circulated" => crate::i18n::text(crate::i18n::current(), "minutes-status-circulated"),
            "approved" => visible
                .as_ref()
                .and_then(|x| x.approved_at)
                .map(|t| {
                    crate::i18n::text_with(
                        crate::i18n::current(),
                        "minutes-status-approved-at",
                        &[("when", crate::i18n::Arg::Text(&london_datetime(t)))],
                    )
                })
                .unwrap_or_else(|| {
                    crate::i18n::text(crate::i18n::current(), "minutes-status-approved")
                }),
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
        can_translate: audience == Audience::Secretariat && body.bilingual && !status.is_empty(),
        welsh,
        text_lang: v.text_lang.tag(),
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

async fn minutes_post(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<MinutesForm>,
) -> PageResult {
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
    let approve = form.action == "approve";
    let (approver, approve_parts) = (actor.clone(), parts.clone());
    // Approving saves the text first, on its own: an edit is kept even when
    // the approval has to wait (for the next meeting, for the Welsh).
    let result = super::record::in_meeting(&state, &user, id.clone(), move |c, m, b| {
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
    let result = match result {
        Ok(()) if approve => {
            super::record::in_meeting(&state, &user, id.clone(), move |c, m, b| {
                crate::services::minutes::approve(c, &approver, m, b, &approve_parts.ctx())
                    .map(|_| ())
            })
            .await
        }
        other => other,
    };
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
            crate::i18n::t("minutes-changed"),
        )],
        Err(e) => return Err(e.into()),
    };
    render_minutes(&state, &req, Some(&user), id, errors, Some(typed), "").await
}
