//! A meeting's page: timeline, papers, writing a paper, and (for the
//! secretariat) rescheduling and cancelling.

use actix_web::{HttpRequest, web};
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use super::{PageResult, checked_form, form_nav, html, require_user, see_other};
use crate::db::{bodies, meetings, papers};
use crate::domain::roles::Role;
use crate::domain::timeline::{self, countdown, london_date};
use crate::error::{AppError, FieldError};
use crate::services::meetings::{self as svc, MeetingInput};
use crate::services::papers::{self as paper_svc, PaperInput};
use crate::services::{Actor, Ctx};
use crate::state::AppState;
use crate::views::Errors;
use crate::views::format::{iso, london_datetime};
use crate::views::pages::{MeetingPage, PaperRow, TimelineStep};
use crate::web::auth::{AuthUser, Viewer};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/meetings/{id}", web::get().to(show))
        .route("/meetings/{id}/papers", web::post().to(start_paper))
        .route("/meetings/{id}/reschedule", web::post().to(reschedule))
        .route("/meetings/{id}/cancel", web::post().to(cancel))
        .route("/admin/bodies/{slug}/meetings", web::post().to(schedule));
}

/// Status words and tag colour for a paper.
pub fn status_tag(status: &str) -> (String, String) {
    let (label, class) = match status {
        "draft" => ("Draft", "tag-grey"),
        "submitted" => ("Submitted", ""),
        "accepted" => ("Accepted", "tag-green"),
        "published" => ("Published", "tag-green"),
        "returned" => ("Returned", "tag-red"),
        "withdrawn" => ("Withdrawn", "tag-grey"),
        other => (other, "tag-grey"),
    };
    (label.to_string(), class.to_string())
}

#[derive(Default, Deserialize)]
struct MeetingForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    title: String,
}

/// London date and times from a form, as API input (RFC 3339, UTC).
fn to_input(f: &MeetingForm) -> Result<MeetingInput, AppError> {
    let mut errors = Vec::new();
    let date = NaiveDate::parse_from_str(f.date.trim(), "%Y-%m-%d").ok();
    if date.is_none() {
        errors.push(FieldError::new(
            "date",
            "invalid",
            "Enter the date like 2027-01-12.",
        ));
    }
    let time = |field: &str, label: &str, v: &str, errors: &mut Vec<FieldError>| {
        let t = NaiveTime::parse_from_str(v.trim(), "%H:%M").ok();
        if t.is_none() {
            errors.push(FieldError::new(
                field,
                "invalid",
                format!("Enter the {label} time like 14:00."),
            ));
        }
        t
    };
    let start = time("start", "start", &f.start, &mut errors);
    let end = time("end", "end", &f.end, &mut errors);
    if f.location.trim().is_empty() {
        errors.push(FieldError::new(
            "location",
            "required",
            "Enter where the meeting is held.",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (Some(d), Some(s), Some(e)) = (date, start, end) else {
        return Err(AppError::internal("checked form values missing"));
    };
    let rfc = |t: NaiveTime| {
        timeline::london_instant(d, t).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    Ok(MeetingInput {
        starts_at: Some(rfc(s)),
        ends_at: Some(rfc(e)),
        location: Some(f.location.clone()),
    })
}

async fn render(
    state: &AppState,
    req: &HttpRequest,
    viewer: Option<&AuthUser>,
    id: String,
    form: MeetingForm,
    errors: Vec<FieldError>,
) -> PageResult {
    let who = viewer.cloned();
    let (m, body, list) = state
        .db(move |c| {
            let m = meetings::find(c, &id)?.ok_or(AppError::NotFound)?;
            let body = bodies::find(c, &m.body_id)?.ok_or(AppError::NotFound)?;
            let list = papers::of_meeting(c, &m.id)?;
            Ok((m, body, list))
        })
        .await?;
    let cals = state.calendars();
    let cal = svc::calendar_for(&cals, &body);
    let t = svc::timeline_for(&m, &body, &cals);
    let now = state.clock.now();
    let today = london_date(now);
    let step = |label: &str, at: chrono::DateTime<chrono::Utc>| TimelineStep {
        label: label.to_string(),
        when: london_datetime(at.naive_utc()),
        iso: iso(at.naive_utc()),
        countdown: countdown(today, london_date(at), &cal),
        passed: at <= now,
    };
    let steps = vec![
        step("Items proposed by", t.proposal_deadline),
        step("Papers due", t.paper_deadline),
        step("Agenda published by", t.publication_deadline),
        step("Meeting", m.starts_at.and_utc()),
    ];
    let calendar_note = if cal.covers(t.meeting_day) {
        String::new()
    } else {
        "Quorate has no bank holidays for that year yet, so these dates count only weekends. An administrator can import an up-to-date calendar.".into()
    };
    let grants = who.as_ref().map(|u| &u.grants);
    let uid = who.as_ref().map(|u| u.user.id.as_str());
    let rows = list
        .into_iter()
        .filter(|p| paper_svc::can_view(grants, uid, p, &body.id))
        .map(|p| {
            let (status, status_class) = status_tag(&p.status);
            PaperRow {
                id: p.id,
                title: p.title,
                status,
                status_class,
                late: p.late,
                exempt: p.exempt_category,
                meeting: String::new(),
            }
        })
        .collect();
    let can_write = who.as_ref().is_some_and(|u| {
        u.user.is_admin || u.grants.role_in(&body.id).is_some_and(Role::proposes_items)
    }) && m.starts_at > now.naive_utc();
    let can_manage = who
        .as_ref()
        .is_some_and(|u| u.grants.can_manage_body(&body.id));
    let (nav, status) = form_nav(req, viewer, &errors);
    let london = |t: chrono::NaiveDateTime| t.and_utc().with_timezone(&chrono_tz::Europe::London);
    let page = MeetingPage {
        nav,
        errors: Errors(errors),
        id: m.id.clone(),
        body_name: body.name.clone(),
        body_slug: body.slug.clone(),
        date: london(m.starts_at).format("%A %-d %B %Y").to_string(),
        when: format!(
            "{} to {}",
            london_datetime(m.starts_at),
            london(m.ends_at).format("%H:%M")
        ),
        location: m.location.clone(),
        cancelled: m.is_cancelled(),
        cancel_reason: m.cancel_reason.clone().unwrap_or_default(),
        steps,
        calendar_note,
        papers: rows,
        can_write,
        can_manage,
        form_title: form.title,
        form_date: if form.date.is_empty() {
            london(m.starts_at).format("%Y-%m-%d").to_string()
        } else {
            form.date
        },
        form_start: if form.start.is_empty() {
            london(m.starts_at).format("%H:%M").to_string()
        } else {
            form.start
        },
        form_end: if form.end.is_empty() {
            london(m.ends_at).format("%H:%M").to_string()
        } else {
            form.end
        },
        form_location: if form.location.is_empty() {
            m.location.clone()
        } else {
            form.location
        },
    };
    html(status, &page)
}

async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    render(
        &state,
        &req,
        viewer.0.as_ref(),
        path.into_inner(),
        MeetingForm::default(),
        Vec::new(),
    )
    .await
}

fn split(result: Result<String, AppError>) -> Result<Result<String, Vec<FieldError>>, AppError> {
    match result {
        Ok(v) => Ok(Ok(v)),
        Err(AppError::Validation(e) | AppError::Conflict(e)) => Ok(Err(e)),
        Err(e) => Err(e),
    }
}

async fn start_paper(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let form: MeetingForm = checked_form(&req, &body)?;
    let id = path.into_inner();
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let (g, uid, mid) = (user.grants.clone(), user.user.id.clone(), id.clone());
    let input = PaperInput {
        title: Some(form.title.clone()),
        ..Default::default()
    };
    let result = state
        .tx(move |c| {
            let m = meetings::find(c, &mid)?.ok_or(AppError::NotFound)?;
            paper_svc::create_paper(c, &actor, &g, &uid, &m, &input, now).map(|p| p.id)
        })
        .await;
    match split(result)? {
        Ok(paper_id) => Ok(see_other(&format!("/papers/{paper_id}/edit"))),
        Err(errors) => render(&state, &req, Some(&user), id, form, errors).await,
    }
}

async fn reschedule(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let form: MeetingForm = checked_form(&req, &body)?;
    let id = path.into_inner();
    let input = match to_input(&form) {
        Ok(i) => i,
        Err(AppError::Validation(errors)) => {
            return render(&state, &req, Some(&user), id, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    };
    let actor = user.actor(&req);
    let result = change(
        &state,
        &user,
        actor,
        id.clone(),
        move |c, actor, body, m, ctx| {
            svc::update_meeting(c, actor, body, m, &input, None, ctx).map(|m| m.id)
        },
    )
    .await;
    match split(result)? {
        Ok(mid) => Ok(see_other(&format!(
            "/meetings/{mid}?notice=meeting-changed"
        ))),
        Err(errors) => render(&state, &req, Some(&user), id, form, errors).await,
    }
}

async fn cancel(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    #[derive(Deserialize)]
    struct CancelForm {
        #[serde(default)]
        reason: String,
    }
    let user = require_user(&req, viewer)?;
    let form: CancelForm = checked_form(&req, &body)?;
    let id = path.into_inner();
    let actor = user.actor(&req);
    let result = change(
        &state,
        &user,
        actor,
        id.clone(),
        move |c, actor, body, m, ctx| {
            svc::cancel_meeting(c, actor, body, m, &form.reason, ctx).map(|m| m.id)
        },
    )
    .await;
    match split(result)? {
        Ok(mid) => Ok(see_other(&format!(
            "/meetings/{mid}?notice=meeting-cancelled"
        ))),
        Err(errors) => {
            render(
                &state,
                &req,
                Some(&user),
                id,
                MeetingForm::default(),
                errors,
            )
            .await
        }
    }
}

/// Runs a change to a meeting the user manages, in one transaction.
async fn change<F>(
    state: &AppState,
    user: &AuthUser,
    actor: Actor,
    id: String,
    f: F,
) -> Result<String, AppError>
where
    F: FnOnce(
            &mut crate::db::DbConn,
            &Actor,
            &bodies::Body,
            &meetings::Meeting,
            &Ctx<'_>,
        ) -> Result<String, AppError>
        + Send
        + 'static,
{
    let grants = user.grants.clone();
    let base = state.base_url().to_string();
    let cals = state.calendars();
    let now = state.clock.now_naive();
    state
        .tx(move |c| {
            let m = meetings::find(c, &id)?.ok_or(AppError::NotFound)?;
            let body = bodies::find(c, &m.body_id)?.ok_or(AppError::NotFound)?;
            if !grants.can_manage_body(&body.id) {
                return Err(AppError::Forbidden);
            }
            f(
                c,
                &actor,
                &body,
                &m,
                &Ctx {
                    base_url: &base,
                    calendars: &cals,
                    now,
                },
            )
        })
        .await
}

/// Schedules a meeting from the admin page of a body.
async fn schedule(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let form: MeetingForm = checked_form(&req, &body)?;
    let slug = path.into_inner();
    let input = to_input(&form);
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let grants = user.grants.clone();
    let s = slug.clone();
    let result = state
        .tx(move |c| {
            let body = bodies::find_by_slug(c, &s)?.ok_or(AppError::NotFound)?;
            if !grants.can_manage_body(&body.id) {
                return Err(AppError::Forbidden);
            }
            svc::create_meeting(c, &actor, &body, &input?, now).map(|m| m.id)
        })
        .await;
    match split(result)? {
        Ok(mid) => Ok(see_other(&format!(
            "/meetings/{mid}?notice=meeting-scheduled"
        ))),
        Err(errors) => {
            super::admin::render_body_with_errors(&state, &req, &user, slug, errors).await
        }
    }
}
