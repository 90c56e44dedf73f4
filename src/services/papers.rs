//! Papers: drafts, versions, submission against the briefing requirements
//! and the deadline, sponsor sign-off, acceptance, return, withdrawal, and
//! the chair's decision on late papers.

use chrono::NaiveDateTime;
use serde::{Deserialize, Deserializer};
use utoipa::ToSchema;

use super::{Actor, Ctx};
use crate::db::bodies::{self, Body};
use crate::db::meetings::{self, Meeting};
use crate::db::papers;
pub use crate::db::papers::Paper;
use crate::db::{DbConn, memberships, organisations, priorities, users};
use crate::domain::briefing::{self, CoverSheet, ItemType};
use crate::domain::papers::{PaperEvent, PaperStatus, after};
use crate::domain::roles::{Grants, Role};
use crate::domain::validate::Problems;
use crate::error::{AppError, AppResult, FieldError};
use crate::i18n::{Arg, t, t_args};
use crate::mail::messages::Notice;
use crate::render::markdown;

/// Absent stays absent; `null` becomes `Some(None)` (clear the value).
fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct ImplicationsInput {
    pub financial: Option<String>,
    pub legal: Option<String>,
    pub risk: Option<String>,
    pub equality: Option<String>,
    /// "done" or "not_needed"
    pub equality_assessment: Option<String>,
    pub environment: Option<String>,
    /// Wales: the effects on opportunities to use Welsh and on treating it
    /// no less favourably than English. Required on decision papers.
    pub welsh_language: Option<String>,
}

/// A draft or a change to one. Absent fields are left as they are; `null`
/// clears an optional field.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct PaperInput {
    #[schema(max_length = 200)]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub item_type: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub presenting_organisation_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub presenter_user_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub sponsor_user_id: Option<Option<String>>,
    #[schema(max_length = 10000)]
    pub purpose: Option<String>,
    #[schema(max_length = 10000)]
    pub summary: Option<String>,
    /// At most 20
    #[schema(max_items = 20)]
    pub recommendations: Option<Vec<String>>,
    pub implications: Option<ImplicationsInput>,
    pub consulted_organisation_ids: Option<Vec<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub priority_id: Option<Option<String>>,
    #[schema(max_length = 10000)]
    pub no_priority_reason: Option<String>,
    /// The report (Markdown)
    #[schema(max_length = 200000)]
    pub body_markdown: Option<String>,
    /// A paragraph of the body's exempt catalogue (its rules): 1 to 7 in
    /// England (Schedule 12A Part 1), 12 to 18 in Wales (Part 4), 1 to 15 in
    /// Scotland (Schedule 7A), ground 1 or 2 under the 1960 Act; `null` to
    /// make the paper public.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i32>, minimum = 1, maximum = 18)]
    pub exempt_category: Option<Option<i32>>,
    pub exempt_reason: Option<String>,
    /// In Wales: why the public interest in keeping the paper confidential
    /// outweighs the interest in disclosing it. Shown with the public agenda.
    #[schema(max_length = 10000)]
    pub exempt_public_interest: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i32>)]
    pub minutes_allocated: Option<Option<i32>>,
    /// A key decision: the forward plan gives 28 clear days' public notice.
    pub key_decision: Option<bool>,
    /// Keep this state of the paper as a version in its history. Drafts are
    /// otherwise saved without one; versions are kept on submission and
    /// return anyway.
    #[serde(default)]
    pub save_version: Option<bool>,
    /// A bilingual body's paper: the Welsh of its fields, as
    /// `{"cy": {"title": "…", "purpose": "…"}}` (the fields above hold the
    /// English). An empty text leaves the field awaiting translation.
    #[schema(value_type = Option<std::collections::HashMap<String, std::collections::HashMap<String, String>>>)]
    pub translations: Option<super::translations::TranslationsInput>,
}

/// Sizes that keep a draft sane; the briefing word limits apply on submission.
const MAX_SHORT_TEXT: usize = 10_000;
const MAX_BODY_CHARS: usize = 200_000;
const MAX_RECOMMENDATIONS: usize = 20;

/// "The paper is accepted: only a draft or a returned paper can be changed."
fn not_editable(status: &str) -> String {
    crate::i18n::say_args(
        "err-papers-not-editable",
        &[("status", crate::i18n::Arg::Text(&status_words(status)))],
    )
}

/// A paper's status in the reader's words, lower case ("accepted").
pub(crate) fn status_words(status: &str) -> String {
    crate::i18n::say(&format!("paper-status-{status}")).to_lowercase()
}

fn clean_text(p: &mut Problems, field: &str, label: &str, value: &str, max: usize) -> String {
    let n = value.chars().count();
    if n > max {
        p.add(
            field,
            "too_long",
            crate::i18n::say_args(
                "err-papers-draft-too-long",
                &[
                    ("field", crate::i18n::Arg::Text(&crate::i18n::say(label))),
                    ("chars", crate::i18n::Arg::count(n)),
                    ("max", crate::i18n::Arg::count(max)),
                ],
            ),
        );
    }
    // Keep line breaks and tabs; drop other control characters.
    value
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect::<String>()
        .replace("\r\n", "\n")
}

/// Applies an input to a paper, checking what can be checked in a draft.
fn apply(conn: &mut DbConn, body: &Body, paper: &mut Paper, input: &PaperInput) -> AppResult<()> {
    use crate::domain::rules::paragraph_problem;
    let mut p = Problems::new();
    if let Some(t) = &input.title {
        paper.title = p.line("title", "field-title", Some(t), 200);
    }
    if let Some(t) = &input.item_type {
        paper.item_type = match t.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(v) if ItemType::parse(v).is_some() => Some(v.to_string()),
            Some(_) => {
                p.add(
                    "item_type",
                    "invalid",
                    crate::i18n::say("err-papers-invalid"),
                );
                paper.item_type.clone()
            }
        };
    }
    if let Some(org) = &input.presenting_organisation_id {
        paper.presenting_organisation_id = match org.as_deref().filter(|s| !s.is_empty()) {
            None => None,
            Some(id) if organisations::find(conn, id)?.is_some() => Some(id.to_string()),
            Some(_) => {
                p.add(
                    "presenting_organisation_id",
                    "unknown",
                    crate::i18n::say("err-papers-unknown"),
                );
                paper.presenting_organisation_id.clone()
            }
        };
    }
    for (field, value, target) in [
        (
            "presenter_user_id",
            &input.presenter_user_id,
            &mut paper.presenter_user_id,
        ),
        (
            "sponsor_user_id",
            &input.sponsor_user_id,
            &mut paper.sponsor_user_id,
        ),
    ] {
        if let Some(v) = value {
            *target = match v.as_deref().filter(|s| !s.is_empty()) {
                None => None,
                Some(id) if users::find(conn, id)?.is_some() => Some(id.to_string()),
                Some(_) => {
                    p.add(
                        field,
                        "unknown",
                        crate::i18n::say("err-papers-unknown-field"),
                    );
                    target.clone()
                }
            };
        }
    }
    if let Some(v) = &input.purpose {
        paper.purpose = clean_text(&mut p, "purpose", "paper-field-purpose", v, MAX_SHORT_TEXT);
    }
    if let Some(v) = &input.summary {
        paper.summary = clean_text(&mut p, "summary", "paper-field-summary", v, MAX_SHORT_TEXT);
    }
    if let Some(recs) = &input.recommendations {
        if recs.len() > MAX_RECOMMENDATIONS {
            p.add(
                "recommendations",
                "too_many",
                crate::i18n::say_args(
                    "err-papers-too-many-recommendations",
                    &[("max", crate::i18n::Arg::count(MAX_RECOMMENDATIONS))],
                ),
            );
        }
        let cleaned: Vec<String> = recs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                clean_text(
                    &mut p,
                    &format!("recommendations[{i}]"),
                    "field-recommendation",
                    r.trim(),
                    2000,
                )
            })
            .filter(|r| !r.trim().is_empty())
            .collect();
        paper.recommendations = serde_json::to_string(&cleaned).map_err(AppError::internal)?;
    }
    if let Some(i) = &input.implications {
        for (field, label, value, target) in [
            (
                "implications.financial",
                "paper-field-financial",
                &i.financial,
                &mut paper.implications_financial,
            ),
            (
                "implications.legal",
                "paper-field-legal",
                &i.legal,
                &mut paper.implications_legal,
            ),
            (
                "implications.risk",
                "paper-field-risk",
                &i.risk,
                &mut paper.implications_risk,
            ),
            (
                "implications.equality",
                "paper-field-equality",
                &i.equality,
                &mut paper.implications_equality,
            ),
            (
                "implications.environment",
                "paper-field-environment",
                &i.environment,
                &mut paper.implications_environment,
            ),
            (
                "implications.welsh_language",
                "paper-field-welsh-language",
                &i.welsh_language,
                &mut paper.implications_welsh_language,
            ),
        ] {
            if let Some(v) = value {
                *target = clean_text(&mut p, field, label, v, MAX_SHORT_TEXT);
            }
        }
        if let Some(a) = &i.equality_assessment {
            paper.equality_assessment = match a.trim() {
                "" => None,
                "done" | "not_needed" => Some(a.trim().to_string()),
                _ => {
                    p.add(
                        "implications.equality_assessment",
                        "invalid",
                        crate::i18n::say("err-papers-invalid-implications-equality-assessment"),
                    );
                    paper.equality_assessment.clone()
                }
            };
        }
    }
    if let Some(ids) = &input.consulted_organisation_ids {
        let mut kept = Vec::new();
        for id in ids {
            if organisations::find(conn, id)?.is_none() {
                p.add(
                    "consulted_organisation_ids",
                    "unknown",
                    crate::i18n::say_args(
                        "err-papers-unknown-organisation",
                        &[("id", crate::i18n::Arg::Text(id))],
                    ),
                );
            } else if !kept.contains(id) {
                kept.push(id.clone());
            }
        }
        paper.consulted_organisation_ids =
            serde_json::to_string(&kept).map_err(AppError::internal)?;
    }
    if let Some(pr) = &input.priority_id {
        paper.priority_id = match pr.as_deref().filter(|s| !s.is_empty()) {
            None => None,
            Some(id) => match priorities::find(conn, id)? {
                Some(found) if found.body_id == body.id && found.active => Some(id.to_string()),
                _ => {
                    p.add(
                        "priority_id",
                        "invalid",
                        crate::i18n::say("err-papers-invalid-priority-id"),
                    );
                    paper.priority_id.clone()
                }
            },
        };
    }
    if let Some(v) = &input.no_priority_reason {
        paper.no_priority_reason = clean_text(
            &mut p,
            "no_priority_reason",
            "field-no-priority-reason",
            v,
            MAX_SHORT_TEXT,
        );
    }
    if let Some(v) = &input.body_markdown {
        paper.body_markdown = clean_text(
            &mut p,
            "body_markdown",
            "paper-field-body",
            v,
            MAX_BODY_CHARS,
        );
    }
    if let Some(cat) = &input.exempt_category {
        match cat.and_then(|c| paragraph_problem(body.profile(), c)) {
            Some(problem) => p.add("exempt_category", "invalid", problem),
            None => paper.exempt_category = *cat,
        }
    }
    if let Some(v) = &input.exempt_public_interest {
        paper.exempt_public_interest = clean_text(
            &mut p,
            "exempt_public_interest",
            "field-public-interest",
            v,
            MAX_SHORT_TEXT,
        );
    }
    if let Some(k) = input.key_decision {
        paper.key_decision = k;
    }
    if let Some(v) = &input.exempt_reason {
        paper.exempt_reason = clean_text(
            &mut p,
            "exempt_reason",
            "field-exempt-reason",
            v,
            MAX_SHORT_TEXT,
        );
    }
    if let Some(m) = &input.minutes_allocated {
        match m {
            Some(n) if !(1..=240).contains(n) => p.add(
                "minutes_allocated",
                "out_of_range",
                crate::i18n::say("err-papers-out-of-range"),
            ),
            other => paper.minutes_allocated = *other,
        }
    }
    Ok(p.finish()?)
}

fn is_secretariat(grants: &Grants, body_id: &str) -> bool {
    grants.can_manage_body(body_id)
}

/// Papers can only be written for a scheduled meeting that has not started.
fn check_open(meeting: &Meeting, now: NaiveDateTime) -> AppResult<()> {
    if meeting.is_cancelled() {
        return Err(AppError::Validation(vec![FieldError::new(
            "meeting_id",
            "meeting_cancelled",
            crate::i18n::say("err-papers-meeting-cancelled"),
        )]));
    }
    if meeting.starts_at <= now {
        return Err(AppError::Validation(vec![FieldError::new(
            "meeting_id",
            "meeting_past",
            crate::i18n::say("err-papers-meeting-past"),
        )]));
    }
    Ok(())
}

/// Whether a change keeps the paper's new state in its version history.
#[derive(Clone, Copy, PartialEq, Eq)]
enum History {
    /// Submission, resubmission, return, or the author asking for one.
    Keep,
    /// Saving a draft, signing off, accepting, deciding, withdrawing: the
    /// audit log has them; the content history does not need a copy.
    Skip,
}

/// Saves the changed paper, checking nobody else saved it meanwhile (its
/// row version is the API's ETag), and keeps a version when asked.
fn bump(
    paper: &mut Paper,
    conn: &mut DbConn,
    actor: &Actor,
    now: NaiveDateTime,
    history: History,
) -> AppResult<()> {
    let expected = paper.version;
    paper.version += 1;
    paper.updated_at = now;
    if !papers::save(conn, paper, expected)? {
        return Err(AppError::PreconditionFailed);
    }
    if history == History::Keep {
        papers::add_version(conn, paper, &actor.label, now)?;
    }
    Ok(())
}

pub fn create_paper(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    author_id: &str,
    meeting: &Meeting,
    input: &PaperInput,
    now: NaiveDateTime,
) -> AppResult<Paper> {
    let body = bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    if !grants.can_propose_in(&body.id) {
        return Err(AppError::Forbidden);
    }
    check_open(meeting, now)?;
    let mut paper = Paper::new_draft(crate::clock::new_id(), &meeting.id, author_id, now);
    // Only the title is needed for a draft; report it with anything else wrong.
    let mut errors = Vec::new();
    if input.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        errors.push(FieldError::new(
            "title",
            "required",
            crate::i18n::say("err-papers-required"),
        ));
    }
    match apply(conn, &body, &mut paper, input) {
        Ok(()) => {}
        Err(AppError::Validation(more)) => errors.extend(more),
        Err(e) => return Err(e),
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    papers::insert(conn, &paper)?;
    papers::add_version(conn, &paper, &actor.label, now)?;
    actor.audit(
        conn,
        now,
        "paper.create",
        "paper",
        &paper.id,
        format!("draft '{}' for the {} meeting", paper.title, body.name),
    )?;
    Ok(paper)
}

/// May this person edit the paper's content?
fn may_edit(grants: &Grants, user_id: &str, paper: &Paper, body_id: &str) -> bool {
    paper.author_user_id == user_id || is_secretariat(grants, body_id)
}

pub fn update_paper(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    paper: &Paper,
    input: &PaperInput,
    expected_version: Option<i32>,
    now: NaiveDateTime,
) -> AppResult<Paper> {
    let meeting = meetings::find(conn, &paper.meeting_id)?.ok_or(AppError::NotFound)?;
    let body = bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    let user_id = actor.user_id.as_deref().unwrap_or("");
    if !may_edit(grants, user_id, paper, &body.id) {
        return Err(AppError::Forbidden);
    }
    if expected_version.is_some_and(|v| v != paper.version) {
        return Err(AppError::PreconditionFailed);
    }
    if !crate::domain::papers::editable(&paper.status) {
        return Err(AppError::Conflict(vec![FieldError::new(
            "status",
            "not_editable",
            not_editable(&paper.status),
        )]));
    }
    let mut updated = paper.clone();
    apply(conn, &body, &mut updated, input)?;
    // Changed content needs the sponsor's sign-off again.
    updated.signed_off_by = None;
    updated.signed_off_at = None;
    let history = if input.save_version == Some(true) {
        History::Keep
    } else {
        History::Skip
    };
    bump(&mut updated, conn, actor, now, history)?;
    actor.audit(
        conn,
        now,
        "paper.update",
        "paper",
        &paper.id,
        format!("saved version {} of '{}'", updated.version, updated.title),
    )?;
    if let Some(t) = &input.translations {
        super::translations::apply_input(
            conn,
            actor,
            grants,
            crate::domain::translation::Subject::Paper,
            &paper.id,
            t,
            now,
        )?;
    }
    Ok(updated)
}

/// Loads what the briefing check needs and runs it.
pub fn briefing_problems(
    conn: &mut DbConn,
    body: &Body,
    paper: &Paper,
) -> AppResult<Vec<FieldError>> {
    let presenting = paper.presenting_organisation_id.as_deref();
    let presenter_ok = match &paper.presenter_user_id {
        Some(id) => Some(users::find(conn, id)?.is_some()),
        None => None,
    };
    let sponsor_ok = match &paper.sponsor_user_id {
        Some(id) => Some(
            users::find(conn, id)?.is_some_and(|u| Some(u.organisation_id.as_str()) == presenting),
        ),
        None => None,
    };
    let priority_ok = match &paper.priority_id {
        Some(id) => {
            Some(priorities::find(conn, id)?.is_some_and(|p| p.body_id == body.id && p.active))
        }
        None => None,
    };
    let recs = paper.recommendations();
    let consulted = paper.consulted();
    let text = markdown::plain_text(&paper.body_markdown);
    let sheet = CoverSheet {
        title: &paper.title,
        item_type: paper.item_type.as_deref(),
        presenting_organisation_id: presenting,
        presenter_ok,
        sponsor_ok,
        sponsor_is_author: paper.sponsor_user_id.as_deref() == Some(paper.author_user_id.as_str()),
        purpose: &paper.purpose,
        summary: &paper.summary,
        recommendations: &recs,
        financial: &paper.implications_financial,
        legal: &paper.implications_legal,
        risk: &paper.implications_risk,
        equality: &paper.implications_equality,
        equality_assessment: paper.equality_assessment.as_deref(),
        environment: &paper.implications_environment,
        welsh_language: &paper.implications_welsh_language,
        consulted_organisation_ids: &consulted,
        priority_ok,
        no_priority_reason: &paper.no_priority_reason,
        body_markdown: &text,
        exempt_category: paper.exempt_category,
        exempt_reason: &paper.exempt_reason,
        exempt_public_interest: &paper.exempt_public_interest,
    };
    Ok(briefing::check(&sheet, &body.policy()))
}

/// A message about a paper, before it is addressed.
struct PaperNews<'a> {
    template: &'static str,
    /// (subject, lines) in the language being written, given the paper's
    /// title in that language.
    words: &'a dyn Fn(&str) -> (String, Vec<String>),
}

fn notify(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    user_id: &str,
    news: PaperNews,
    paper: &Paper,
    dedupe: String,
) -> AppResult<()> {
    let Some(u) = users::find(conn, user_id)? else {
        return Ok(());
    };
    let meeting = crate::db::meetings::find(conn, &paper.meeting_id)?;
    let body = match &meeting {
        Some(m) => crate::db::bodies::find(conn, &m.body_id)?,
        None => None,
    };
    let bilingual = body.as_ref().is_some_and(|b| b.bilingual);
    // A bilingual body's paper is named in Welsh in the Welsh, where it
    // has a Welsh title.
    let title = match &body {
        Some(b) => super::translations::Quoted::of(
            conn,
            b,
            crate::domain::translation::Subject::Paper,
            &paper.id,
            "title",
            &paper.title,
        )?,
        None => super::translations::Quoted::english(&paper.title),
    };
    let email = crate::mail::messages::written_for(u.language.as_deref(), bilingual, || {
        let (subject, lines) = (news.words)(title.now());
        Notice {
            template: news.template,
            to: u.email.clone(),
            name: u.name.clone(),
            subject,
            lines,
            link_text: t("mail-paper-open"),
            link: format!("{}/papers/{}", ctx.base_url, paper.id),
        }
        .render()
    })?;
    let email = match &meeting {
        Some(m) => email.about(&m.body_id),
        None => email,
    };
    email.enqueue(conn, Some(dedupe), ctx.now)?;
    Ok(())
}

/// Submits a draft or returned paper. Every unmet briefing requirement is
/// reported at once; after the paper deadline a reason of urgency is needed.
pub fn submit_paper(
    conn: &mut DbConn,
    actor: &Actor,
    user_id: &str,
    paper: &Paper,
    late_reason: Option<&str>,
    ctx: &Ctx<'_>,
) -> AppResult<Paper> {
    let meeting = meetings::find(conn, &paper.meeting_id)?.ok_or(AppError::NotFound)?;
    let body = bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    if paper.author_user_id != user_id {
        return Err(AppError::Forbidden);
    }
    let Some(submitted) = after(&paper.status, PaperEvent::Submit) else {
        return Err(AppError::Conflict(vec![FieldError::new(
            "status",
            "not_submittable",
            crate::i18n::say_args(
                "err-papers-already",
                &[(
                    "status",
                    crate::i18n::Arg::Text(&status_words(&paper.status)),
                )],
            ),
        )]));
    };
    check_open(&meeting, ctx.now)?;
    let mut errors = briefing_problems(conn, &body, paper)?;
    // A paper that cannot be typeset would break the board pack for
    // everyone once published, and a published version is frozen.
    if let Err(why) = crate::render::pack_pdf::report_lays_out(&paper.body_markdown) {
        errors.push(FieldError::new(
            "body_markdown",
            "does_not_typeset",
            crate::i18n::say_args(
                "err-papers-does-not-typeset",
                &[("why", crate::i18n::Arg::Text(&why.to_string()))],
            ),
        ));
    }
    let timeline = super::meetings::timeline_for(&meeting, &body, ctx.calendars);
    let late = ctx.now.and_utc() > timeline.paper_deadline;
    let reason = late_reason.map(str::trim).filter(|r| !r.is_empty());
    if late && reason.is_none() {
        errors.push(FieldError::new(
            "late_reason",
            "late_reason_required",
            crate::i18n::say_args(
                "err-papers-late-reason-required",
                &[(
                    "due",
                    crate::i18n::Arg::Text(&crate::i18n::with(crate::i18n::reader(), || {
                        crate::domain::format::london_datetime(timeline.paper_deadline.naive_utc())
                    })),
                )],
            ),
        ));
    }
    if let Some(r) = reason
        && r.chars().count() > 2000
    {
        errors.push(FieldError::new(
            "late_reason",
            "too_long",
            crate::i18n::say("err-papers-too-long"),
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let mut p = paper.clone();
    p.status = submitted.as_str().into();
    p.submitted_at = Some(ctx.now);
    p.late = late;
    p.late_reason = if late {
        reason.map(str::to_string)
    } else {
        None
    };
    p.late_decision = None;
    p.late_decision_note = None;
    p.late_decided_by = None;
    p.late_decided_at = None;
    p.returned_reason = None;
    bump(&mut p, conn, actor, ctx.now, History::Keep)?;
    actor.audit(
        conn,
        ctx.now,
        "paper.submit",
        "paper",
        &p.id,
        format!("submitted '{}'{}", p.title, if late { " late" } else { "" }),
    )?;
    if p.signed_off_at.is_none()
        && let Some(sponsor) = p.sponsor_user_id.clone()
    {
        notify(
            conn,
            ctx,
            &sponsor,
            PaperNews {
                template: "signoff_requested",
                words: &|title| {
                    (
                        t_args(
                            "mail-signoff-needed-subject",
                            &[("title", Arg::Text(title))],
                        ),
                        vec![
                            t_args(
                                "mail-signoff-named",
                                &[
                                    ("author", Arg::Text(&actor.label)),
                                    ("title", Arg::Text(title)),
                                    ("body", Arg::Text(&body.name)),
                                ],
                            ),
                            t("mail-signoff-please"),
                        ],
                    )
                },
            },
            &p,
            format!("signoff:{}:{}", p.id, p.version),
        )?;
    }
    if late {
        let chairs: Vec<String> = memberships::members_of(conn, &body.id)?
            .into_iter()
            .filter(|m| m.role == Role::Chair.as_str())
            .map(|m| m.user_id)
            .collect();
        for chair in chairs {
            notify(
                conn,
                ctx,
                &chair,
                PaperNews {
                    template: "late_paper",
                    words: &|title| {
                        let reason = p.late_reason.clone().unwrap_or_default();
                        (
                            t_args("mail-late-subject", &[("title", Arg::Text(title))]),
                            vec![
                                t_args(
                                    "mail-late",
                                    &[("title", Arg::Text(title)), ("body", Arg::Text(&body.name))],
                                ),
                                t_args("mail-late-reason", &[("reason", Arg::Text(&reason))]),
                                t("mail-late-off"),
                            ],
                        )
                    },
                },
                &p,
                format!("late:{}:{}:{}", p.id, p.version, chair),
            )?;
        }
    }
    Ok(p)
}

pub fn sign_off(
    conn: &mut DbConn,
    actor: &Actor,
    user_id: &str,
    paper: &Paper,
    now: NaiveDateTime,
) -> AppResult<Paper> {
    if paper.sponsor_user_id.as_deref() != Some(user_id) {
        return Err(AppError::Forbidden);
    }
    if paper.author_user_id == user_id {
        return Err(AppError::Conflict(vec![FieldError::new(
            "sponsor_user_id",
            "sponsor_is_author",
            crate::i18n::say("err-papers-sponsor-is-author"),
        )]));
    }
    if !PaperStatus::parse(&paper.status).is_some_and(PaperStatus::may_be_signed_off) {
        return Err(AppError::Conflict(vec![FieldError::new(
            "status",
            "not_signable",
            crate::i18n::say_args(
                "err-papers-status",
                &[(
                    "status",
                    crate::i18n::Arg::Text(&status_words(&paper.status)),
                )],
            ),
        )]));
    }
    if paper.signed_off_at.is_some() {
        return Ok(paper.clone());
    }
    let mut p = paper.clone();
    p.signed_off_by = Some(user_id.to_string());
    p.signed_off_at = Some(now);
    bump(&mut p, conn, actor, now, History::Skip)?;
    actor.audit(
        conn,
        now,
        "paper.sign_off",
        "paper",
        &p.id,
        format!("sponsor signed off '{}'", p.title),
    )?;
    Ok(p)
}

fn body_of(conn: &mut DbConn, paper: &Paper) -> AppResult<Body> {
    let meeting = meetings::find(conn, &paper.meeting_id)?.ok_or(AppError::NotFound)?;
    bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)
}

/// What stops a submitted paper being accepted now: the sponsor's sign-off,
/// and for a late paper the chair's approval. Empty when it can be.
pub fn acceptance_blockers(paper: &Paper) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if paper.signed_off_at.is_none() {
        errors.push(FieldError::new(
            "sign_off",
            "sign_off_required",
            crate::i18n::say("err-papers-sign-off-required"),
        ));
    }
    if paper.late && paper.late_decision.as_deref() != Some("approved") {
        errors.push(FieldError::new(
            "late_decision",
            "late_not_approved",
            crate::i18n::say("err-papers-late-not-approved"),
        ));
    }
    errors
}

pub fn accept(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    paper: &Paper,
    now: NaiveDateTime,
) -> AppResult<Paper> {
    let body = body_of(conn, paper)?;
    if !is_secretariat(grants, &body.id) {
        return Err(AppError::Forbidden);
    }
    let Some(accepted) = after(&paper.status, PaperEvent::Accept) else {
        return Err(AppError::Conflict(vec![FieldError::new(
            "status",
            "not_submitted",
            crate::i18n::say_args(
                "err-papers-not-submitted",
                &[(
                    "status",
                    crate::i18n::Arg::Text(&status_words(&paper.status)),
                )],
            ),
        )]));
    };
    let errors = acceptance_blockers(paper);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let mut p = paper.clone();
    p.status = accepted.as_str().into();
    p.accepted_at = Some(now);
    bump(&mut p, conn, actor, now, History::Skip)?;
    actor.audit(
        conn,
        now,
        "paper.accept",
        "paper",
        &p.id,
        format!("accepted '{}' for the agenda", p.title),
    )?;
    Ok(p)
}

pub fn return_paper(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    paper: &Paper,
    reason: &str,
    ctx: &Ctx<'_>,
) -> AppResult<Paper> {
    let body = body_of(conn, paper)?;
    if !is_secretariat(grants, &body.id) {
        return Err(AppError::Forbidden);
    }
    if after(&paper.status, PaperEvent::Return).is_none() {
        return Err(AppError::Conflict(vec![FieldError::new(
            "status",
            "not_returnable",
            crate::i18n::say_args(
                "err-papers-status",
                &[(
                    "status",
                    crate::i18n::Arg::Text(&status_words(&paper.status)),
                )],
            ),
        )]));
    }
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 5000 {
        return Err(AppError::Validation(vec![FieldError::new(
            "reason",
            "required",
            crate::i18n::say("err-papers-required-reason"),
        )]));
    }
    let mut p = paper.clone();
    p.status = PaperStatus::Returned.as_str().into();
    p.returned_reason = Some(reason.to_string());
    p.accepted_at = None;
    bump(&mut p, conn, actor, ctx.now, History::Keep)?;
    actor.audit(
        conn,
        ctx.now,
        "paper.return",
        "paper",
        &p.id,
        format!("returned '{}': {reason}", p.title),
    )?;
    notify(
        conn,
        ctx,
        &p.author_user_id.clone(),
        PaperNews {
            template: "paper_returned",
            words: &|title| {
                (
                    t_args("mail-returned-subject", &[("title", Arg::Text(title))]),
                    vec![
                        t_args(
                            "mail-returned",
                            &[("body", Arg::Text(&body.name)), ("title", Arg::Text(title))],
                        ),
                        t_args("mail-returned-what", &[("reason", Arg::Text(reason))]),
                        t("mail-returned-kept"),
                    ],
                )
            },
        },
        &p,
        format!("returned:{}:{}", p.id, p.version),
    )?;
    Ok(p)
}

pub fn withdraw(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    user_id: &str,
    paper: &Paper,
    reason: &str,
    now: NaiveDateTime,
) -> AppResult<Paper> {
    let body = body_of(conn, paper)?;
    if !may_edit(grants, user_id, paper, &body.id) {
        return Err(AppError::Forbidden);
    }
    if after(&paper.status, PaperEvent::Withdraw).is_none() {
        return Err(AppError::Conflict(vec![FieldError::new(
            "status",
            "not_withdrawable",
            crate::i18n::say_args(
                "err-papers-status",
                &[(
                    "status",
                    crate::i18n::Arg::Text(&status_words(&paper.status)),
                )],
            ),
        )]));
    }
    let mut p = paper.clone();
    p.status = PaperStatus::Withdrawn.as_str().into();
    p.withdrawn_reason = Some(reason.trim().chars().take(5000).collect());
    bump(&mut p, conn, actor, now, History::Skip)?;
    actor.audit(
        conn,
        now,
        "paper.withdraw",
        "paper",
        &p.id,
        format!("withdrew '{}'", p.title),
    )?;
    Ok(p)
}

/// The chair approves or rejects a late paper, with a note.
pub fn late_decision(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    paper: &Paper,
    approve: Option<bool>,
    note: &str,
    ctx: &Ctx<'_>,
) -> AppResult<Paper> {
    let body = body_of(conn, paper)?;
    if grants.role_in(&body.id) != Some(Role::Chair) {
        return Err(AppError::Forbidden);
    }
    if !paper.late || paper.status != "submitted" {
        return Err(AppError::Conflict(vec![FieldError::new(
            "late",
            "not_late",
            crate::i18n::say("err-papers-not-late"),
        )]));
    }
    if paper.late_decision.is_some() {
        return Err(AppError::Conflict(vec![FieldError::new(
            "late_decision",
            "decided",
            crate::i18n::say("err-papers-decided"),
        )]));
    }
    let note = note.trim();
    let mut problems = Vec::new();
    if approve.is_none() {
        problems.push(FieldError::new(
            "approve",
            "required",
            crate::i18n::say("err-papers-required-approve"),
        ));
    }
    if note.is_empty() || note.chars().count() > 2000 {
        problems.push(FieldError::new(
            "note",
            "required",
            crate::i18n::say("err-papers-required-note"),
        ));
    }
    let Some(approve) = approve.filter(|_| problems.is_empty()) else {
        return Err(AppError::Validation(problems));
    };
    let mut p = paper.clone();
    p.late_decision = Some(if approve { "approved" } else { "rejected" }.into());
    p.late_decision_note = Some(note.to_string());
    p.late_decided_by = actor.user_id.clone();
    p.late_decided_at = Some(ctx.now);
    bump(&mut p, conn, actor, ctx.now, History::Skip)?;
    let verb = if approve { "approved" } else { "rejected" };
    actor.audit(
        conn,
        ctx.now,
        "paper.late_decision",
        "paper",
        &p.id,
        format!("chair {verb} late paper '{}': {note}", p.title),
    )?;
    notify(
        conn,
        ctx,
        &p.author_user_id.clone(),
        PaperNews {
            template: "late_decision",
            words: &|title| {
                let (subject, line) = if approve {
                    ("mail-late-approved-subject", "mail-late-approved")
                } else {
                    ("mail-late-rejected-subject", "mail-late-rejected")
                };
                (
                    t_args(subject, &[("title", Arg::Text(title))]),
                    vec![
                        t_args(
                            line,
                            &[("body", Arg::Text(&body.name)), ("title", Arg::Text(title))],
                        ),
                        t_args("mail-late-note", &[("note", Arg::Text(note))]),
                    ],
                )
            },
        },
        &p,
        format!("late-decision:{}", p.id),
    )?;
    Ok(p)
}

/// Loads a paper with its meeting and body, if the person may see it;
/// otherwise 404, so its existence is not revealed.
pub fn load_visible(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    user_id: Option<&str>,
    id: &str,
) -> AppResult<(Paper, Meeting, Body)> {
    let paper = papers::find(conn, id)?.ok_or(AppError::NotFound)?;
    let meeting = meetings::find(conn, &paper.meeting_id)?.ok_or(AppError::NotFound)?;
    let body = bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    if can_view(grants, user_id, &paper, &body.id) {
        Ok((paper, meeting, body))
    } else {
        Err(AppError::NotFound)
    }
}

/// Typesets a paper's report before its submission's write transaction (the
/// answer is kept for the submission to find), so the Typst layout does not
/// run under SQLite's write lock. Nothing is written; a paper this person
/// may not see is left for the submission to refuse.
pub fn check_before_submit(
    conn: &mut DbConn,
    grants: &Grants,
    user_id: &str,
    id: &str,
) -> AppResult<()> {
    if let Ok(paper) = visible_paper(conn, grants, user_id, id) {
        let _ = crate::render::pack_pdf::report_lays_out(&paper.body_markdown);
    }
    Ok(())
}

/// A paper this person may see; 404 otherwise.
pub fn visible_paper(
    conn: &mut DbConn,
    grants: &Grants,
    user_id: &str,
    id: &str,
) -> AppResult<Paper> {
    Ok(load_visible(conn, Some(grants), Some(user_id), id)?.0)
}

/// A change to a paper (see `change_visible`): given the person's grants,
/// their id, the actor, the paper and the context.
pub trait PaperChange:
    FnOnce(&mut DbConn, &Grants, &str, &Actor, &Paper, &Ctx<'_>) -> AppResult<Paper> + Send + 'static
{
}
impl<F> PaperChange for F where
    F: FnOnce(&mut DbConn, &Grants, &str, &Actor, &Paper, &Ctx<'_>) -> AppResult<Paper>
        + Send
        + 'static
{
}

/// Runs `change` on a paper this person may see (404 otherwise), loading
/// only the paper and what decides who may see it.
pub fn change_visible(
    conn: &mut DbConn,
    grants: &Grants,
    user_id: &str,
    actor: &Actor,
    id: &str,
    ctx: &Ctx<'_>,
    change: impl PaperChange,
) -> AppResult<Paper> {
    let paper = visible_paper(conn, grants, user_id, id)?;
    change(conn, grants, user_id, actor, &paper, ctx)
}

/// Everything a paper's pages show, for one reader.
pub struct PaperView {
    pub paper: Paper,
    pub meeting: Meeting,
    pub body: Body,
    pub orgs: std::collections::HashMap<String, String>,
    /// (id, name, organisation) of everyone who may sponsor or present.
    pub people: Vec<(String, String, String)>,
    pub priorities: Vec<(String, String)>,
    pub versions: Vec<KeptVersion>,
    pub problems: Vec<FieldError>,
    /// (id, file name, size in words)
    pub attachments: Vec<(String, String, String)>,
    /// What the reader may do with it, and what acceptance waits for.
    pub may: PaperMay,
    /// For the edit page: whom to offer as presenter and sponsor.
    pub choices: Option<PeopleChoices>,
}

/// The presenter and sponsor lists of the edit page: the presenting
/// organisation's people first (the author's organisation until one is
/// chosen), then everyone else. The author is not offered as sponsor: a
/// sponsor signs off someone else's paper.
#[derive(Clone, Debug, Default)]
pub struct PeopleChoices {
    /// The organisation whose people come first.
    pub organisation: String,
    /// (id, name) in that organisation.
    pub first: Vec<(String, String)>,
    /// (id, name, organisation) of everyone else.
    pub others: Vec<(String, String, String)>,
    pub author_id: String,
}

fn people_choices(paper: &Paper, people: &[(crate::db::users::User, String)]) -> PeopleChoices {
    let author_org = people
        .iter()
        .find(|(u, _)| u.id == paper.author_user_id)
        .map(|(u, _)| u.organisation_id.clone());
    let home = paper
        .presenting_organisation_id
        .clone()
        .or(author_org)
        .unwrap_or_default();
    let mut out = PeopleChoices {
        author_id: paper.author_user_id.clone(),
        ..PeopleChoices::default()
    };
    for (u, org) in people {
        if u.organisation_id == home {
            out.organisation = org.clone();
            out.first.push((u.id.clone(), u.name.clone()));
        } else {
            out.others.push((u.id.clone(), u.name.clone(), org.clone()));
        }
    }
    out
}

/// A version in a paper's history, numbered from 1, with the message keys
/// of the parts that changed since the one before.
#[derive(Clone, Debug)]
pub struct KeptVersion {
    pub number: usize,
    pub status: String,
    pub saved_by: String,
    pub saved_at: NaiveDateTime,
    pub changed: Vec<&'static str>,
}

/// A paper's kept versions, each with what changed since the one before.
fn kept_versions(conn: &mut DbConn, paper_id: &str) -> AppResult<Vec<KeptVersion>> {
    let mut out = Vec::new();
    let mut before: Option<serde_json::Value> = None;
    for (n, (_, status, saved_by, saved_at, snapshot)) in
        papers::history(conn, paper_id)?.into_iter().enumerate()
    {
        let copy: serde_json::Value = serde_json::from_str(&snapshot).unwrap_or_default();
        let changed = before
            .as_ref()
            .map(|b| crate::domain::papers::changed_parts(b, &copy))
            .unwrap_or_default();
        before = Some(copy);
        out.push(KeptVersion {
            number: n + 1,
            status,
            saved_by,
            saved_at,
            changed,
        });
    }
    Ok(out)
}

/// What one person may do with a paper now: the same rules the commands
/// check, for the page to offer only what will be allowed.
#[derive(Clone, Debug, Default)]
pub struct PaperMay {
    pub edit: bool,
    pub submit: bool,
    pub sign_off: bool,
    pub accept: bool,
    /// For the secretariat, what the paper lacks before it can be accepted.
    pub waiting_to_accept: Vec<String>,
    pub return_it: bool,
    pub decide_late: bool,
    pub withdraw: bool,
}

/// What `user_id`, holding `grants`, may do with `paper` of `body_id`.
pub fn may(grants: &Grants, user_id: &str, paper: &Paper, body_id: &str) -> PaperMay {
    let secretariat = is_secretariat(grants, body_id);
    let editable = crate::domain::papers::editable(&paper.status);
    let waiting_to_accept: Vec<String> = if secretariat && paper.status == "submitted" {
        acceptance_blockers(paper)
            .into_iter()
            .map(|e| e.message)
            .collect()
    } else {
        Vec::new()
    };
    PaperMay {
        edit: editable && may_edit(grants, user_id, paper, body_id),
        submit: editable && paper.author_user_id == user_id,
        sign_off: paper.sponsor_user_id.as_deref() == Some(user_id)
            && paper.signed_off_at.is_none()
            && PaperStatus::parse(&paper.status).is_some_and(PaperStatus::may_be_signed_off),
        accept: secretariat
            && after(&paper.status, PaperEvent::Accept).is_some()
            && waiting_to_accept.is_empty(),
        waiting_to_accept,
        // A published paper can be returned through the API; the page
        // offers it only before publication.
        return_it: secretariat && matches!(paper.status.as_str(), "submitted" | "accepted"),
        decide_late: grants.role_in(body_id) == Some(Role::Chair)
            && paper.late
            && paper.status == "submitted"
            && paper.late_decision.is_none(),
        withdraw: may_edit(grants, user_id, paper, body_id)
            && after(&paper.status, PaperEvent::Withdraw).is_some(),
    }
}

fn size_label(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

/// What a paper page is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperUse {
    /// Reading it: anyone who may see it.
    Reading,
    /// Checking it before submission: its author or the secretariat, while
    /// it can still be changed.
    Checking,
    /// Editing its cover sheet, which offers everyone as sponsor or
    /// presenter: as for checking.
    Editing,
}

/// A paper's page, for a signed-in person who may see it (404 otherwise).
/// For reading, only the people the paper names are loaded.
pub fn page(
    conn: &mut DbConn,
    grants: &Grants,
    user_id: &str,
    id: &str,
    usage: PaperUse,
) -> AppResult<PaperView> {
    let (paper, meeting, body) = load_visible(conn, Some(grants), Some(user_id), id)?;
    if usage != PaperUse::Reading {
        if !may_edit(grants, user_id, &paper, &body.id) {
            return Err(AppError::Forbidden);
        }
        if !crate::domain::papers::editable(&paper.status) {
            return Err(AppError::Conflict(vec![FieldError::new(
                "status",
                "not_editable",
                not_editable(&paper.status),
            )]));
        }
    }
    let orgs = organisations::names(conn)?;
    let people = match usage {
        PaperUse::Editing => users::all_with_organisation(conn)?,
        PaperUse::Reading | PaperUse::Checking => {
            let named: Vec<String> = [
                Some(&paper.author_user_id),
                paper.sponsor_user_id.as_ref(),
                paper.presenter_user_id.as_ref(),
            ]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
            users::with_organisation(conn, &named)?
        }
    };
    let choices = (usage == PaperUse::Editing).then(|| people_choices(&paper, &people));
    let people = people
        .into_iter()
        .map(|(u, org)| (u.id, u.name, org))
        .collect();
    let priorities = priorities::active_of(conn, &body.id)?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let versions = kept_versions(conn, &paper.id)?;
    let problems = briefing_problems(conn, &body, &paper)?;
    let attachments = crate::db::attachments::of_paper(conn, &paper.id)?
        .into_iter()
        .map(|a| (a.id, a.filename, size_label(a.size_bytes)))
        .collect();
    let may = may(grants, user_id, &paper, &body.id);
    Ok(PaperView {
        choices,
        may,
        attachments,
        paper,
        meeting,
        body,
        orgs,
        people,
        priorities,
        versions,
        problems,
    })
}

/// A person's papers, the late papers they chair a decision on, and their
/// proposals, with each meeting's label and when papers are due for it.
pub struct MyPapers {
    pub mine: Vec<Paper>,
    pub late: Vec<Paper>,
    /// Meeting id to "Body, date".
    pub labels: std::collections::HashMap<String, String>,
    pub proposals: Vec<crate::db::proposals::Proposal>,
    pub orgs: std::collections::HashMap<String, String>,
    /// Meeting id to when papers are due, in working days.
    pub due: std::collections::HashMap<String, String>,
}

pub fn mine(
    conn: &mut DbConn,
    user_id: &str,
    chair_of: &[String],
    cals: &crate::domain::calendar::Calendars,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<MyPapers> {
    use super::meetings::{calendar_for, deadline_words, timeline_for};
    let mine = papers::of_author(conn, user_id)?;
    let proposals = crate::db::proposals::of_proposer(conn, user_id)?;
    let orgs = organisations::names(conn)?;
    let late = papers::late_undecided(conn, chair_of)?;
    let today = crate::domain::timeline::london_date(now);
    let mut labels = std::collections::HashMap::new();
    let mut due = std::collections::HashMap::new();
    for p in mine.iter().chain(late.iter()) {
        if let std::collections::hash_map::Entry::Vacant(e) = labels.entry(p.meeting_id.clone())
            && let Some(m) = meetings::find(conn, &p.meeting_id)?
            && let Some(body) = bodies::find(conn, &m.body_id)?
        {
            e.insert(format!(
                "{}, {}",
                body.name,
                crate::domain::format::london_datetime(m.starts_at)
            ));
            let t = timeline_for(&m, &body, cals);
            let cal = calendar_for(cals, &body);
            due.insert(m.id.clone(), deadline_words(t.paper_deadline, today, &cal));
        }
    }
    Ok(MyPapers {
        mine,
        late,
        labels,
        proposals,
        orgs,
        due,
    })
}

/// Who may see a paper: its author, sponsor and presenter, site admins, the body's secretariat;
/// members see submitted papers, officers only those their own organisation
/// presents; everyone sees published ones. Exempt papers
/// only ever reach the author, admins and those with an exempt-seeing role.
pub fn can_view(
    grants: Option<&Grants>,
    user_id: Option<&str>,
    paper: &Paper,
    body_id: &str,
) -> bool {
    let named = user_id.is_some_and(|u| {
        u == paper.author_user_id
            || Some(u) == paper.sponsor_user_id.as_deref()
            || Some(u) == paper.presenter_user_id.as_deref()
    });
    let admin = grants.is_some_and(|g| g.is_admin);
    if named || admin {
        return true;
    }
    let role = grants.and_then(|g| g.role_in(body_id));
    if paper.is_exempt() && !role.is_some_and(Role::sees_exempt) {
        return false;
    }
    match paper.status.as_str() {
        "published" => true,
        "draft" | "withdrawn" => role == Some(Role::Secretariat),
        // Before publication an officer sees only the papers their own
        // organisation presents; members and the secretariat see them all.
        _ => match role {
            None | Some(Role::Observer) => false,
            Some(Role::Officer) => grants.is_some_and(|g| {
                !g.organisation_id.is_empty()
                    && paper.presenting_organisation_id.as_deref()
                        == Some(g.organisation_id.as_str())
            }),
            Some(_) => true,
        },
    }
}

/// A paper with the briefing problems still to fix, shown to those who
/// edit it (its author and the secretariat) while it can be edited.
pub struct Edited {
    pub paper: Paper,
    pub problems: Option<Vec<FieldError>>,
    /// A bilingual body's paper: its Welsh, field by field.
    pub welsh: Option<super::translations::Welsh>,
}

fn edited(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    user_id: Option<&str>,
    paper: Paper,
    body: &Body,
) -> AppResult<Edited> {
    let editor = user_id.is_some_and(|u| paper.author_user_id == u)
        || grants.is_some_and(|g| g.can_manage_body(&body.id));
    let problems = if editor && crate::domain::papers::editable(&paper.status) {
        Some(briefing_problems(conn, body, &paper)?)
    } else {
        None
    };
    let welsh = if body.bilingual {
        let english = super::translations::paper_english(&paper);
        super::translations::welsh_of(
            conn,
            crate::domain::translation::Subject::Paper,
            &[(paper.id.clone(), english)],
        )?
        .remove(&paper.id)
    } else {
        None
    };
    Ok(Edited {
        paper,
        problems,
        welsh,
    })
}

/// A paper as this reader may see it (404 otherwise).
pub fn read(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    user_id: Option<&str>,
    id: &str,
) -> AppResult<Edited> {
    let (paper, _, body) = load_visible(conn, grants, user_id, id)?;
    edited(conn, grants, user_id, paper, &body)
}

/// Runs `change` on a paper this person may see, and answers with the
/// paper as changed.
pub fn change_and_read(
    conn: &mut DbConn,
    grants: &Grants,
    user_id: &str,
    actor: &Actor,
    id: &str,
    ctx: &Ctx<'_>,
    change: impl PaperChange,
) -> AppResult<Edited> {
    let (paper, _, body) = load_visible(conn, Some(grants), Some(user_id), id)?;
    let paper = change(conn, grants, user_id, actor, &paper, ctx)?;
    edited(conn, Some(grants), Some(user_id), paper, &body)
}

/// Starts a paper for a meeting, answering as `read` does.
pub fn start(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    user_id: &str,
    meeting_id: &str,
    input: &PaperInput,
    now: NaiveDateTime,
) -> AppResult<Edited> {
    let (m, body) = super::meetings::with_body(conn, meeting_id)?;
    let p = create_paper(conn, actor, grants, user_id, &m, input, now)?;
    if let Some(t) = &input.translations {
        super::translations::apply_input(
            conn,
            actor,
            grants,
            crate::domain::translation::Subject::Paper,
            &p.id,
            t,
            now,
        )?;
    }
    edited(conn, Some(grants), Some(user_id), p, &body)
}

/// A meeting's papers that this reader may see.
pub fn of_meeting(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    user_id: Option<&str>,
    meeting_id: &str,
) -> AppResult<Vec<Paper>> {
    let m = super::meetings::find(conn, meeting_id)?;
    Ok(papers::of_meeting(conn, &m.id)?
        .into_iter()
        .filter(|p| can_view(grants, user_id, p, &m.body_id))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(status: &str, exempt: bool) -> Paper {
        let mut p = Paper::new_draft("p".into(), "m", "author", NaiveDateTime::default());
        p.status = status.into();
        p.title = "T".into();
        p.exempt_category = exempt.then_some(3);
        p
    }

    fn grants(role: Role) -> Grants {
        Grants {
            is_admin: false,
            roles: vec![("b".into(), role)],
            organisation_id: String::new(),
        }
    }

    #[test]
    fn visibility_follows_status_role_and_exemption() {
        let mut draft = paper("draft", false);
        assert!(can_view(None, Some("author"), &draft, "b"));
        draft.sponsor_user_id = Some("sponsor".into());
        assert!(
            can_view(Some(&grants(Role::Member)), Some("sponsor"), &draft, "b"),
            "the sponsor signs off drafts"
        );
        assert!(can_view(
            Some(&grants(Role::Secretariat)),
            Some("s"),
            &draft,
            "b"
        ));
        assert!(!can_view(
            Some(&grants(Role::Member)),
            Some("m"),
            &draft,
            "b"
        ));
        let submitted = paper("submitted", false);
        assert!(can_view(
            Some(&grants(Role::Member)),
            Some("m"),
            &submitted,
            "b"
        ));
        assert!(!can_view(
            Some(&grants(Role::Observer)),
            Some("o"),
            &submitted,
            "b"
        ));
        assert!(!can_view(None, None, &submitted, "b"));
        // An officer sees what their own organisation presents, not others'.
        let mut ours = paper("accepted", false);
        ours.presenting_organisation_id = Some("police".into());
        let officer = |org: &str| Grants {
            organisation_id: org.into(),
            ..grants(Role::Officer)
        };
        assert!(can_view(Some(&officer("police")), Some("o"), &ours, "b"));
        assert!(!can_view(Some(&officer("council")), Some("o"), &ours, "b"));
        assert!(!can_view(Some(&officer("")), Some("o"), &submitted, "b"));
        let published = paper("published", false);
        assert!(can_view(None, None, &published, "b"));
        let exempt = paper("published", true);
        assert!(
            !can_view(None, None, &exempt, "b"),
            "the public never sees exempt papers"
        );
        assert!(!can_view(
            Some(&grants(Role::Officer)),
            Some("o"),
            &exempt,
            "b"
        ));
        assert!(can_view(
            Some(&grants(Role::Substitute)),
            Some("s"),
            &exempt,
            "b"
        ));
        assert!(!can_view(
            Some(&Grants {
                is_admin: false,
                roles: vec![("other".into(), Role::Member)],
                organisation_id: String::new(),
            }),
            Some("x"),
            &exempt,
            "b"
        ));
    }
}
