//! A meeting's page: timeline, papers, writing a paper, and (for the
//! secretariat) rescheduling and cancelling.

use crate::views::DateTyped;
use crate::web::dates::ReadDate;
use crate::web::extract::{CsrfForm, SignedIn};
use crate::web::routes::Routes;
use actix_web::{HttpRequest, web};
use chrono::NaiveTime;
use serde::Deserialize;

use crate::domain::format::{iso, london_date_words, london_datetime};
use crate::domain::timeline::{self, countdown, london_date};
use crate::error::{AppError, FieldError};
use crate::services::Actor;
use crate::services::meetings::{self as svc, MeetingInput};
use crate::services::papers::{self as paper_svc, PaperInput};
use crate::state::AppState;
use crate::views::Errors;
use crate::views::meetings::{MeetingPage, ProposalRow, ProposalValues, TimelineStep};
use crate::views::papers::PaperRow;
use crate::web::auth::{AuthUser, Viewer};
use crate::web::respond::{PageResult, form_nav, html, keyed, see_other};

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}", show)
        .post("/meetings/{id}/papers", start_paper)
        .post("/meetings/{id}/reschedule", reschedule)
        .post("/meetings/{id}/cancel", cancel)
        .post("/admin/bodies/{slug}/meetings", schedule)
        .post("/meetings/{id}/proposals", propose)
        .post("/proposals/{id}/{outcome}", decide_proposal);
}

/// A proposal as a row: its details and outcome in words.
pub fn proposal_row(
    p: crate::services::proposals::Proposal,
    orgs: &std::collections::HashMap<String, String>,
    meeting_when: &dyn Fn(&str) -> String,
) -> ProposalRow {
    let kind = crate::domain::briefing::ItemType::parse(&p.item_type)
        .map(|t| t.label())
        .unwrap_or_default();
    let org = orgs
        .get(&p.presenting_organisation_id)
        .cloned()
        .unwrap_or_default();
    let minutes = p
        .minutes_estimate
        .map(|m| format!(", about {m} minutes"))
        .unwrap_or_default();
    let outcome = match p.status.as_str() {
        "declined" => p.outcome_reason.clone().unwrap_or_default(),
        "deferred" => p
            .deferred_to_meeting_id
            .as_deref()
            .map(|m| format!("to {}", meeting_when(m)))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let status = match p.status.as_str() {
        "proposed" => "Awaiting decision",
        "accepted" => "Accepted",
        "deferred" => "Deferred",
        "declined" => "Declined",
        other => other,
    };
    ProposalRow {
        undecided: p.status == "proposed",
        id: p.id,
        title: p.title,
        detail: format!("{kind}, {org}{minutes}"),
        status: status.to_string(),
        outcome,
        paper_id: p.paper_id.unwrap_or_default(),
        referred_from: String::new(),
        referred_meeting: String::new(),
    }
}

/// Status words and tag colour for a paper.
pub fn status_tag(status: &str) -> (String, String) {
    let (key, class) = match status {
        "draft" => ("paper-status-draft", "tag-grey"),
        "submitted" => ("paper-status-submitted", ""),
        "accepted" => ("paper-status-accepted", "tag-green"),
        "published" => ("paper-status-published", "tag-green"),
        "returned" => ("paper-status-returned", "tag-red"),
        "withdrawn" => ("paper-status-withdrawn", "tag-grey"),
        other => return (other.to_string(), "tag-grey".to_string()),
    };
    (
        crate::i18n::text(crate::i18n::current(), key),
        class.to_string(),
    )
}

#[derive(Clone, Default, Deserialize)]
struct MeetingForm {
    #[serde(default, rename = "date-day")]
    day: String,
    #[serde(default, rename = "date-month")]
    month: String,
    #[serde(default, rename = "date-year")]
    year: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    remote_access: String,
    #[serde(default)]
    title: String,
    /// The proposal form as typed, when it is shown again with errors.
    #[serde(skip)]
    proposal: ProposalValues,
    /// Asking the clerk to confirm cancelling, with the reason typed.
    #[serde(skip)]
    confirm_cancel: bool,
    #[serde(skip)]
    cancel_reason: String,
}

impl MeetingForm {
    fn date(&self) -> DateTyped {
        DateTyped::new(&self.day, &self.month, &self.year)
    }
}

/// London date and times from a form, as API input (RFC 3339, UTC).
fn to_input(f: &MeetingForm, lang: crate::i18n::Lang) -> Result<MeetingInput, AppError> {
    let mut errors = Vec::new();
    let read = f.date().read("date", "label-meeting-date", lang);
    let date = read
        .value
        .as_deref()
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    if let Some(problem) = read.problem.filter(|_| date.is_none()) {
        errors.push(problem);
    }
    let time = |field: &str, key: &str, v: &str, errors: &mut Vec<FieldError>| {
        let v = v.trim().replace('.', ":");
        let t = NaiveTime::parse_from_str(&v, "%H:%M").ok();
        if t.is_none() {
            errors.push(FieldError::new(field, "invalid", crate::i18n::t(key)));
        }
        t
    };
    let start = time("start", "err-meetings-start-time", &f.start, &mut errors);
    let end = time("end", "err-meetings-end-time", &f.end, &mut errors);
    if f.location.trim().is_empty() {
        errors.push(FieldError::new(
            "location",
            "required",
            crate::i18n::say("err-meetings-required"),
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
        remote_access: Some(f.remote_access.clone()),
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
    let reader = viewer.map(|u| (u.grants.clone(), u.user.id.clone()));
    let cals = state.calendars();
    let now = state.clock.now();
    let page = state
        .db(move |c| {
            let reader = reader.as_ref().map(|(g, u)| (g, u.as_str()));
            svc::page(c, reader, &cals, now, &id)
        })
        .await?;
    let draft = if page.may.see_draft {
        let (m, b, audience) = (page.meeting.clone(), page.body.clone(), page.audience);
        let parts = state.ctx_parts();
        let (m2, b2, parts2) = (m.clone(), b.clone(), parts.clone());
        // Most views find the agenda in step and need no write lock.
        match state
            .db(move |c| svc::draft_as_it_stands(c, &m2, &b2, audience, &parts2.ctx()))
            .await?
        {
            Ok(d) => d,
            Err(svc::NotInStep) => {
                state
                    .tx(move |c| svc::draft(c, &m, &b, audience, &parts.ctx()))
                    .await?
            }
        }
    } else {
        None
    };
    let (nav, status) = form_nav(req, viewer, &errors);
    let view = meeting_view(page, draft, viewer.is_some(), now, form);
    html(
        status,
        &MeetingPage {
            nav,
            errors: Errors(errors),
            ..view
        },
    )
}

/// A meeting's page as its reader sees it, from what the service found.
fn meeting_view(
    page: svc::MeetingPage,
    draft: Option<crate::services::agenda::Working>,
    signed_in: bool,
    now: chrono::DateTime<chrono::Utc>,
    form: MeetingForm,
) -> MeetingPage {
    let svc::MeetingPage {
        meeting: m,
        body,
        timeline: t,
        calendar: cal,
        papers,
        proposals,
        later,
        organisations,
        priorities,
        agenda,
        origins,
        decisions,
        decision_note,
        decision_note_due,
        audience,
        may,
        speakers,
    } = page;
    let rows = paper_rows(papers, &m.id, agenda.as_ref(), signed_in);
    let may_open: std::collections::HashSet<String> = rows.iter().map(|r| r.id.clone()).collect();
    let draft = draft
        .map(|w| super::agenda::draft_rows(&w, &may_open))
        .unwrap_or_default();
    let (agenda_rows, agenda_number, agenda_published, agenda_late_reason) = match agenda {
        Some((v, f)) => (
            crate::views::agenda::rows_of(&f, &crate::domain::links::papers_base(&m.id, v.number)),
            v.number,
            london_datetime(v.published_at),
            f.late_reason.clone().unwrap_or_default(),
        ),
        None => (Vec::new(), 0, String::new(), String::new()),
    };
    let later_meetings: Vec<(String, String)> = later
        .iter()
        .map(|x| (x.id.clone(), london_datetime(x.starts_at)))
        .collect();
    let proposals = proposal_rows(proposals, &organisations, &later_meetings, origins);
    let london = |t: chrono::NaiveDateTime| t.and_utc().with_timezone(&chrono_tz::Europe::London);
    let typed = |typed: String, shown: String| if typed.is_empty() { shown } else { typed };
    let form_date = if form.date() == DateTyped::default() {
        DateTyped::of(london(m.starts_at).date_naive())
    } else {
        form.date()
    };
    MeetingPage {
        nav: Default::default(),
        errors: Errors::default(),
        id: m.id.clone(),
        body_name: body.name.clone(),
        body_slug: body.slug.clone(),
        date: crate::domain::format::london_day(m.starts_at),
        when: crate::domain::format::london_span(m.starts_at, m.ends_at),
        location: m.location.clone(),
        remote_access: m.remote_access.clone(),
        profile: body.profile(),
        cancelled: m.is_cancelled(),
        cancel_reason: m.cancel_reason.clone().unwrap_or_default(),
        steps: timeline_steps(
            &m,
            &t,
            &cal,
            now,
            crate::services::translations::deadline_for(&body, &t, &cal),
        ),
        calendar_note: if cal.covers(t.meeting_day) {
            String::new()
        } else {
            crate::i18n::t("meeting-calendar-note")
        },
        papers: rows,
        can_write: may.write,
        can_manage: may.manage,
        can_propose: may.propose,
        proposals,
        later_meetings,
        item_types: crate::domain::briefing::ItemType::ALL
            .iter()
            .map(|t| (t.as_str().to_string(), t.label().to_string()))
            .collect(),
        organisations: organisations.into_iter().map(|o| (o.id, o.name)).collect(),
        priorities: priorities.into_iter().map(|p| (p.id, p.title)).collect(),
        form_title: form.title,
        proposal: form.proposal,
        confirm_cancel: form.confirm_cancel,
        cancel_typed: form.cancel_reason,
        held: m.ends_at < now.naive_utc() && !m.is_cancelled(),
        decisions,
        decision_note: decision_note.is_some(),
        decision_note_due: london_date_words(decision_note_due),
        form_date,
        form_start: typed(form.start, london(m.starts_at).format("%H:%M").to_string()),
        form_end: typed(form.end, london(m.ends_at).format("%H:%M").to_string()),
        form_location: typed(form.location, m.location.clone()),
        form_remote_access: typed(form.remote_access, m.remote_access.clone()),
        agenda: agenda_rows,
        agenda_number,
        agenda_published,
        agenda_late_reason,
        publication_due: london_datetime(t.publication_deadline.naive_utc()),
        draft,
        sees_exempt: audience.sees_exempt(),
        bilingual: body.bilingual,
        may_speak_welsh: may.speak_welsh,
        speaks_welsh: speakers.as_ref().is_some_and(|s| s.me),
        welsh_speakers: speakers
            .as_ref()
            .map(|s| {
                crate::i18n::t_args(
                    "welsh-speakers-count",
                    &[
                        ("wishing", crate::i18n::Arg::count(s.wishing)),
                        ("members", crate::i18n::Arg::count(s.members)),
                    ],
                )
            })
            .unwrap_or_default(),
        interpreting: speakers.as_ref().is_some_and(|s| s.needs_interpreting()),
        may_urge: may.urge,
    }
}

/// The meeting's deadlines, each with how long is left.
fn timeline_steps(
    m: &crate::services::meetings::Meeting,
    t: &crate::domain::timeline::Timeline,
    cal: &crate::domain::calendar::Calendar,
    now: chrono::DateTime<chrono::Utc>,
    translation_day: Option<chrono::NaiveDate>,
) -> Vec<TimelineStep> {
    let today = london_date(now);
    let step = |label: &str, at: chrono::DateTime<chrono::Utc>| TimelineStep {
        label: label.to_string(),
        when: london_datetime(at.naive_utc()),
        iso: iso(at.naive_utc()),
        countdown: countdown(today, london_date(at), cal),
        passed: at <= now,
    };
    let t_ = crate::i18n::t;
    let mut steps = vec![
        step(&t_("meeting-step-proposals"), t.proposal_deadline),
        step(&t_("meeting-step-papers"), t.paper_deadline),
    ];
    // A bilingual body's translations are due T working days before
    // publication, at the close of that day.
    if let Some(day) = translation_day {
        steps.push(step(
            &t_("meeting-step-translations"),
            timeline::london_instant(day, timeline::PUBLICATION_TIME),
        ));
    }
    steps.push(step(
        &t_("meeting-step-publication"),
        t.publication_deadline,
    ));
    steps.push(step(&t_("meeting-step-meeting"), m.starts_at.and_utc()));
    steps
}

/// The papers as rows. The paper page is for those signed in; the public
/// reads the copy published with the latest agenda version.
fn paper_rows(
    papers: Vec<crate::services::papers::Paper>,
    meeting_id: &str,
    agenda: Option<&(
        crate::services::agenda::AgendaVersion,
        crate::domain::frozen::Frozen,
    )>,
    signed_in: bool,
) -> Vec<PaperRow> {
    let published_copy: std::collections::HashMap<String, String> = agenda
        .iter()
        .flat_map(|(v, f)| {
            f.items.iter().filter_map(move |i| {
                i.paper.as_ref().map(|p| {
                    (
                        p.id.clone(),
                        crate::domain::links::published_paper_path(meeting_id, v.number, &p.id),
                    )
                })
            })
        })
        .collect();
    papers
        .into_iter()
        .map(|p| {
            let (status, status_class) = status_tag(&p.status);
            PaperRow {
                link: if signed_in {
                    format!("/papers/{}", p.id)
                } else {
                    published_copy.get(&p.id).cloned().unwrap_or_default()
                },
                id: p.id,
                title: p.title,
                status,
                status_class,
                late: p.late,
                exempt: p.exempt_category,
                meeting: String::new(),
                next_step: String::new(),
                papers_due: String::new(),
            }
        })
        .collect()
}

/// The proposals as rows, with where each was referred from.
fn proposal_rows(
    proposals: Vec<crate::services::proposals::Proposal>,
    organisations: &[crate::services::directory::Organisation],
    later: &[(String, String)],
    origins: std::collections::HashMap<String, (String, String)>,
) -> Vec<ProposalRow> {
    let org_names: std::collections::HashMap<String, String> = organisations
        .iter()
        .map(|o| (o.id.clone(), o.name.clone()))
        .collect();
    let when_of = |id: &str| {
        later
            .iter()
            .find(|(l, _)| l == id)
            .map(|(_, w)| w.clone())
            .unwrap_or_else(|| "a later meeting".into())
    };
    proposals
        .into_iter()
        .map(|p| {
            let origin = origins.get(&p.id).cloned();
            let mut row = proposal_row(p, &org_names, &when_of);
            if let Some((words, meeting)) = origin {
                row.referred_from = words;
                row.referred_meeting = meeting;
            }
            row
        })
        .collect()
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

async fn start_paper(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<MeetingForm>,
) -> PageResult {
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
            let m = svc::find(c, &mid)?;
            paper_svc::create_paper(c, &actor, &g, &uid, &m, &input, now).map(|p| p.id)
        })
        .await;
    match crate::web::respond::split(result)? {
        Ok(paper_id) => Ok(see_other(&format!("/papers/{paper_id}/edit"))),
        Err(errors) => render(&state, &req, Some(&user), id, form, keyed("paper", errors)).await,
    }
}

async fn reschedule(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<MeetingForm>,
) -> PageResult {
    let id = path.into_inner();
    let actor = user.actor(&req);
    let lang = crate::web::respond::lang(&req);
    let sent = form.clone();
    // Who may move the meeting is checked (inside `change`) before what was
    // typed is judged.
    let result = change(
        &state,
        &user,
        actor,
        id.clone(),
        move |c, actor, body, m, ctx| {
            let input = to_input(&sent, lang)?;
            svc::update_meeting(c, actor, body, m, &input, None, ctx).map(|m| m.id)
        },
    )
    .await;
    match crate::web::respond::split(result)? {
        Ok(mid) => Ok(see_other(&format!(
            "/meetings/{mid}?notice=meeting-changed"
        ))),
        Err(errors) => render(&state, &req, Some(&user), id, form, errors).await,
    }
}

#[derive(Deserialize)]
struct CancelForm {
    #[serde(default)]
    reason: String,
    /// "yes" once the clerk has confirmed.
    #[serde(default)]
    confirm: String,
}

async fn cancel(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<CancelForm>,
) -> PageResult {
    let id = path.into_inner();
    let typed = MeetingForm {
        confirm_cancel: form.confirm != "yes",
        cancel_reason: form.reason.clone(),
        ..MeetingForm::default()
    };
    if form.confirm != "yes" && !form.reason.trim().is_empty() {
        // Cancelling tells every author and cannot be undone: ask first.
        return render(&state, &req, Some(&user), id, typed, Vec::new()).await;
    }
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
    match crate::web::respond::split(result)? {
        Ok(mid) => Ok(see_other(&format!(
            "/meetings/{mid}?notice=meeting-cancelled"
        ))),
        Err(errors) => {
            render(
                &state,
                &req,
                Some(&user),
                id,
                MeetingForm {
                    confirm_cancel: false,
                    ..typed
                },
                errors,
            )
            .await
        }
    }
}

/// Runs a change to a meeting the user manages, in one transaction.
pub(super) async fn change(
    state: &AppState,
    user: &AuthUser,
    actor: Actor,
    id: String,
    f: impl svc::ManagedChange,
) -> Result<String, AppError> {
    let grants = user.grants.clone();
    let parts = state.ctx_parts();
    state
        .tx(move |c| svc::change_managed(c, &grants, &actor, &id, &parts.ctx(), f))
        .await
}

/// Schedules a meeting from the admin page of a body.
async fn schedule(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<MeetingForm>,
) -> PageResult {
    let slug = path.into_inner();
    let input = to_input(&form, crate::web::respond::lang(&req));
    let actor = user.actor(&req);
    let parts = state.ctx_parts();
    let grants = user.grants.clone();
    let s = slug.clone();
    let result = state
        .tx(move |c| {
            let body = crate::services::directory::managed_body(c, &grants, &s)?;
            svc::create_meeting(c, &actor, &body, &input?, &parts.ctx()).map(|m| m.id)
        })
        .await;
    match crate::web::respond::split(result)? {
        Ok(mid) => Ok(see_other(&format!(
            "/meetings/{mid}?notice=meeting-scheduled"
        ))),
        Err(errors) => {
            let typed = crate::views::meetings::MeetingTyped {
                date: form.date(),
                start: form.start,
                end: form.end,
                location: form.location,
                remote_access: form.remote_access,
            };
            super::admin::render_body_with_errors(&state, &req, &user, slug, errors, typed).await
        }
    }
}

#[derive(Default, Deserialize)]
struct ProposalForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    item_type: String,
    #[serde(default)]
    presenting_organisation_id: String,
    #[serde(default)]
    priority_id: String,
    #[serde(default)]
    no_priority_reason: String,
    #[serde(default)]
    minutes_estimate: String,
    #[serde(default)]
    key_decision: String,
    #[serde(default)]
    exempt_category: String,
    #[serde(default)]
    meeting_id: String,
    #[serde(default)]
    reason: String,
}

async fn propose(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(f): CsrfForm<ProposalForm>,
) -> PageResult {
    let id = path.into_inner();
    // What was typed, to show again with any errors.
    let typed = MeetingForm {
        proposal: ProposalValues {
            title: f.title.clone(),
            item_type: f.item_type.clone(),
            presenting_organisation_id: f.presenting_organisation_id.clone(),
            priority_id: f.priority_id.clone(),
            no_priority_reason: f.no_priority_reason.clone(),
            minutes_estimate: f.minutes_estimate.clone(),
            key_decision: f.key_decision.clone(),
            exempt_category: f.exempt_category.clone(),
        },
        ..MeetingForm::default()
    };
    let minutes = match f.minutes_estimate.trim() {
        "" => None,
        m => match m.parse::<i32>() {
            Ok(n) => Some(n),
            Err(_) => {
                let e = vec![FieldError::new(
                    "proposal.minutes_estimate",
                    "invalid",
                    crate::i18n::say("err-meetings-invalid"),
                )];
                return render(&state, &req, Some(&user), id, typed, e).await;
            }
        },
    };
    let input = crate::services::proposals::ProposalInput {
        title: Some(f.title),
        item_type: Some(f.item_type),
        presenting_organisation_id: Some(f.presenting_organisation_id),
        priority_id: Some(f.priority_id),
        no_priority_reason: Some(f.no_priority_reason),
        minutes_estimate: minutes,
        key_decision: Some(f.key_decision == "yes"),
        // The list offers only 1 to 7; anything else is refused by name.
        exempt_category: match f.exempt_category.trim() {
            "" => None,
            c => Some(c.parse::<i32>().unwrap_or(0)),
        },
    };
    let (actor, grants) = (user.actor(&req), user.grants.clone());
    let parts = state.ctx_parts();
    let mid = id.clone();
    let result = state
        .tx(move |c| {
            let m = svc::find(c, &mid)?;
            crate::services::proposals::propose(c, &actor, &grants, &m, &input, &parts.ctx())
                .map(|p| p.meeting_id)
        })
        .await;
    match crate::web::respond::split(result)? {
        Ok(mid) => Ok(see_other(&format!("/meetings/{mid}?notice=item-proposed"))),
        Err(errors) => {
            render(
                &state,
                &req,
                Some(&user),
                id,
                typed,
                keyed("proposal", errors),
            )
            .await
        }
    }
}

async fn decide_proposal(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(f): CsrfForm<ProposalForm>,
) -> PageResult {
    use crate::services::proposals::{Outcome, decide};
    let (id, outcome) = path.into_inner();
    if !matches!(outcome.as_str(), "accept" | "defer" | "decline") {
        return Err(AppError::NotFound.into());
    }
    let (actor, grants) = (user.actor(&req), user.grants.clone());
    let parts = state.ctx_parts();
    let pid = id.clone();
    let result = state
        .tx(move |c| {
            let p = crate::services::proposals::find(c, &pid)?;
            let ctx = parts.ctx();
            let o = match outcome.as_str() {
                "accept" => Outcome::Accept,
                "defer" => Outcome::Defer {
                    to_meeting_id: &f.meeting_id,
                },
                _ => Outcome::Decline { reason: &f.reason },
            };
            let meeting_id = p.meeting_id.clone();
            decide(c, &actor, &grants, &p, o, &ctx).map(|_| meeting_id)
        })
        .await;
    match result {
        Ok(mid) => Ok(see_other(&format!(
            "/meetings/{mid}?notice=proposal-decided"
        ))),
        Err(AppError::Validation(errors) | AppError::Conflict(errors)) => {
            let mid = state
                .db(move |c| Ok(crate::services::proposals::find(c, &id)?.meeting_id))
                .await?;
            render(
                &state,
                &req,
                Some(&user),
                mid,
                MeetingForm::default(),
                errors,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
