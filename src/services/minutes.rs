//! Minutes: drafted from the meeting record, edited by the secretariat,
//! circulated to members, approved at the next meeting (which freezes and
//! publishes them, exempt items withheld from the public version).

use std::collections::HashMap;

use super::{Actor, Ctx};
use crate::db::bodies::Body;
use crate::db::meetings::{self, Meeting};
use crate::db::minutes::{self, Minutes};
use crate::db::{DbConn, actions, memberships, record, users};
use crate::domain::format::{london_date_words, london_datetime};
use crate::domain::roles::Role;
use crate::domain::validate::Problems;
use crate::error::{AppError, AppResult, FieldError};
use crate::mail::messages::Notice;

/// Markdown-safe text: characters Markdown would read as structure are escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Draft minutes from the record: (open part, exempt part).
pub fn draft(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    ctx: &Ctx<'_>,
) -> AppResult<(String, String)> {
    let w = super::agenda::working(conn, meeting, body, ctx)?;
    let members = memberships::members_of(conn, &body.id)?;
    let names: HashMap<String, String> = users::all_with_organisation(conn)?
        .into_iter()
        .map(|(u, org)| (u.id, format!("{} ({org})", u.name)))
        .collect();
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let att = record::attendance_of(conn, &meeting.id)?;
    let decls = record::declarations_of(conn, &meeting.id)?;
    let decisions = record::decisions_of_meeting(conn, &meeting.id)?;
    let votes = record::votes_of_meeting(conn, &meeting.id)?;
    let moves = record::moves_of(conn, &meeting.id)?;
    let ids: Vec<String> = w.items.iter().map(|i| i.row.id.clone()).collect();
    let notes = record::notes_of(conn, &ids)?;
    let mut acts = actions::search(
        conn,
        &actions::ActionFilter {
            meeting_id: Some(meeting.id.clone()),
            exempt: crate::db::ExemptScope::All,
            limit: 10_000,
            ..Default::default()
        },
    )?;
    acts.sort_by(|a, b| (a.due_on, &a.id).cmp(&(b.due_on, &b.id)));
    let mut open = String::new();
    let mut part2 = String::new();
    // The page gives the title; the minutes start at level-2 headings.
    open.push_str(&format!(
        "**{}**, {}, {}\n\n",
        md(&body.name),
        london_datetime(meeting.starts_at),
        md(&meeting.location)
    ));
    let list = |status: &str| -> Vec<String> {
        att.iter()
            .filter(|a| a.status == status)
            .map(|a| match &a.substitute_for_user_id {
                Some(s) => format!(
                    "{} (substituting for {})",
                    md(&name(&a.user_id)),
                    md(&name(s))
                ),
                None => md(&name(&a.user_id)),
            })
            .collect()
    };
    for (label, status) in [
        ("Present", "present"),
        ("Apologies", "apologies"),
        ("Absent", "absent"),
    ] {
        let l = list(status);
        if !l.is_empty() {
            open.push_str(&format!("**{label}:** {}\n\n", l.join(", ")));
        }
    }
    let unrecorded: Vec<String> = members
        .iter()
        .filter(|m| matches!(m.role.as_str(), "chair" | "vice_chair" | "member"))
        .filter(|m| !att.iter().any(|a| a.user_id == m.user_id))
        .map(|m| md(&m.name))
        .collect();
    if !unrecorded.is_empty() {
        open.push_str(&format!(
            "**Attendance not recorded:** {}\n\n",
            unrecorded.join(", ")
        ));
    }
    let q = super::record::quorum_state(conn, meeting, body)?;
    open.push_str(&crate::i18n::text_with(
        crate::i18n::current(),
        if q.met {
            "minutes-quorate"
        } else {
            "minutes-not-quorate"
        },
        &[
            ("present", crate::i18n::Arg::count(q.present)),
            ("members", crate::i18n::Arg::count(q.members)),
            ("needed", crate::i18n::Arg::count(q.needed)),
        ],
    ));
    open.push_str("\n\n");
    for i in &w.items {
        let out = if i.exempt_category.is_some() {
            &mut part2
        } else {
            &mut open
        };
        out.push_str(&format!("## {}. {}\n\n", i.number, md(&i.title)));
        if let Some(p) = i.paper.as_ref().filter(|p| p.late)
            && let Some(r) = &p.late_reason
        {
            out.push_str(&format!("Taken as a late item because: {}\n\n", md(r)));
        }
        let lang = crate::i18n::current();
        for (movement, key) in [("arrives", "minutes-arrived"), ("leaves", "minutes-left")] {
            let who: Vec<String> = moves
                .iter()
                .filter(|(m, _)| m.item_id == i.row.id && m.movement == movement)
                .map(|(m, _)| md(&name(&m.user_id)))
                .collect();
            if !who.is_empty() {
                out.push_str(&crate::i18n::text_with(
                    lang,
                    key,
                    &[("names", crate::i18n::Arg::Text(&who.join(", ")))],
                ));
                out.push_str("\n\n");
            }
        }
        for d in decls.iter().filter(|d| d.item_id == i.row.id) {
            out.push_str(&format!(
                "Declaration: {}: {}{}\n\n",
                md(&name(&d.user_id)),
                md(&d.interest),
                if d.left_room {
                    crate::i18n::text(lang, "declaration-left-note")
                } else {
                    String::new()
                }
            ));
        }
        if !att.is_empty()
            && !super::record::room(&decls, &moves, &i.row.id, i.row.position).as_recorded()
            && let Some(q) = super::record::item_quorum(conn, meeting, body, &i.row)?
        {
            out.push_str(&crate::i18n::text_with(
                lang,
                if q.met {
                    "minutes-item-quorate"
                } else {
                    "minutes-item-not-quorate"
                },
                &[
                    ("present", crate::i18n::Arg::count(q.present)),
                    ("needed", crate::i18n::Arg::count(q.needed)),
                ],
            ));
            out.push_str("\n\n");
        }
        if let Some(n) = notes.get(&i.row.id).filter(|n| !n.trim().is_empty()) {
            out.push_str(&format!("{}\n\n", md(n)));
        }
        for d in decisions
            .iter()
            .filter(|d| d.item_id == i.row.id && d.withdrawn_at.is_none())
        {
            out.push_str(&format!(
                "**Resolved ({}):** {}\n\n",
                md(&d.reference),
                md(&d.text)
            ));
            for line in super::record::vote_words(lang, d, &votes, |u| md(&name(u))) {
                out.push_str(&format!("{line}\n\n"));
            }
        }
        let item_actions: Vec<_> = acts
            .iter()
            .filter(|a| a.item_id.as_deref() == Some(i.row.id.as_str()))
            .collect();
        if !item_actions.is_empty() {
            out.push_str("Actions:\n\n");
            for a in item_actions {
                // "Report take-up by district – Dr Aisha Bello (NHS), by 31
                // March 2027": the description's own full stop would clash.
                let description = a.description.trim().trim_end_matches(['.', ';', ':', ',']);
                out.push_str(&format!(
                    "- {} – {}, by {}\n",
                    md(description),
                    md(&name(&a.owner_user_id)),
                    london_date_words(a.due_on)
                ));
            }
            out.push('\n');
        }
    }
    Ok((open, part2))
}

/// The minutes, drafted from the record the first time they are opened.
pub fn get_or_draft(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    ctx: &Ctx<'_>,
) -> AppResult<Minutes> {
    if let Some(m) = minutes::find(conn, &meeting.id)? {
        return Ok(m);
    }
    let (open, part2) = draft(conn, meeting, body, ctx)?;
    let m = Minutes {
        meeting_id: meeting.id.clone(),
        status: "draft".into(),
        body_markdown: open,
        exempt_markdown: part2,
        version: 1,
        circulated_at: None,
        approved_at: None,
        approved_at_meeting_id: None,
        updated_at: ctx.now,
    };
    minutes::insert(conn, &m)?;
    Ok(m)
}

fn frozen() -> AppError {
    AppError::Conflict(vec![FieldError::new(
        "minutes",
        "approved",
        crate::i18n::say("err-minutes-approved"),
    )])
}

/// Are the meeting's minutes approved (so its record stands)?
pub fn approved(conn: &mut DbConn, meeting_id: &str) -> AppResult<bool> {
    Ok(minutes::find(conn, meeting_id)?.is_some_and(|m| m.status == "approved"))
}

/// Saves the secretariat's edits (or, with `regenerate`, a fresh draft).
#[allow(clippy::too_many_arguments)]
pub fn save(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    open: Option<&str>,
    part2: Option<&str>,
    regenerate: bool,
    expected: Option<i32>,
    ctx: &Ctx<'_>,
) -> AppResult<Minutes> {
    let current = get_or_draft(conn, meeting, body, ctx)?;
    if current.status == "approved" {
        return Err(frozen());
    }
    if expected.is_some_and(|e| e != current.version) {
        return Err(AppError::PreconditionFailed);
    }
    let mut m = current.clone();
    if regenerate {
        let (o, p) = draft(conn, meeting, body, ctx)?;
        m.body_markdown = o;
        m.exempt_markdown = p;
    } else {
        let mut p = Problems::new();
        let o = open.unwrap_or("");
        let x = part2.unwrap_or("");
        for (field, v) in [("body_markdown", o), ("exempt_markdown", x)] {
            if v.chars().count() > 200_000 {
                p.add(field, "too_long", crate::i18n::say("err-minutes-too-long"));
            }
            if v.chars().any(|c| {
                c != '\n' && c != '\r' && c != '\t' && crate::domain::validate::is_forbidden_char(c)
            }) {
                p.add(
                    field,
                    "invalid_characters",
                    crate::i18n::say("err-minutes-invalid-characters"),
                );
            }
        }
        p.finish()?;
        m.body_markdown = o.replace("\r\n", "\n");
        m.exempt_markdown = x.replace("\r\n", "\n");
    }
    m.version += 1;
    m.updated_at = ctx.now;
    if !minutes::save(conn, &m, current.version)? {
        return Err(AppError::PreconditionFailed);
    }
    actor.audit(
        conn,
        ctx.now,
        "minutes.save",
        "meeting",
        &meeting.id,
        format!("saved minutes version {}", m.version),
    )?;
    Ok(m)
}

/// Sends the draft to members and substitutes.
pub fn circulate(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    ctx: &Ctx<'_>,
) -> AppResult<usize> {
    let mut m = get_or_draft(conn, meeting, body, ctx)?;
    if m.status == "approved" {
        return Err(frozen());
    }
    let expected = m.version;
    m.status = "circulated".into();
    m.circulated_at = Some(ctx.now);
    m.version += 1;
    m.updated_at = ctx.now;
    if !minutes::save(conn, &m, expected)? {
        return Err(AppError::PreconditionFailed);
    }
    let mut sent = 0;
    for mm in memberships::members_of(conn, &body.id)? {
        if !Role::parse(&mm.role).is_some_and(Role::sits_at_the_table) {
            continue;
        }
        let Some(u) = users::find(conn, &mm.user_id)? else {
            continue;
        };
        let queued =
            crate::mail::messages::written_for(u.language.as_deref(), body.bilingual, || {
                use crate::i18n::{Arg, t, t_args};
                let when = london_datetime(meeting.starts_at);
                let args = [("body", Arg::Text(&body.name)), ("when", Arg::Text(&when))];
                Notice {
                    template: "minutes_circulated",
                    to: u.email.clone(),
                    name: u.name.clone(),
                    subject: t_args("mail-minutes-subject", &args),
                    lines: vec![
                        t_args("mail-minutes-ready", &args),
                        t("mail-minutes-corrections"),
                    ],
                    link_text: t("mail-minutes-link"),
                    link: format!("{}/meetings/{}/minutes", ctx.base_url, meeting.id),
                }
                .render()
            })?
            .about(&meeting.body_id)
            .enqueue(
                conn,
                Some(format!(
                    "minutes:{}:{}:{}",
                    meeting.id, m.version, mm.user_id
                )),
                ctx.now,
            )?;
        sent += usize::from(queued);
    }
    actor.audit(
        conn,
        ctx.now,
        "minutes.circulate",
        "meeting",
        &meeting.id,
        format!("circulated draft minutes to {sent} members"),
    )?;
    Ok(sent)
}

/// Approves the minutes at the body's next meeting (which must have
/// started), freezing and publishing them.
pub fn approve(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    ctx: &Ctx<'_>,
) -> AppResult<Minutes> {
    let mut m = get_or_draft(conn, meeting, body, ctx)?;
    if m.status == "approved" {
        return Err(frozen());
    }
    let next = meetings::of_body(conn, &body.id)?
        .into_iter()
        .filter(|x| x.starts_at > meeting.starts_at && !x.is_cancelled())
        .min_by_key(|x| x.starts_at);
    let Some(next) = next.filter(|n| n.starts_at <= ctx.now) else {
        return Err(AppError::Conflict(vec![FieldError::new(
            "minutes",
            "not_yet",
            crate::i18n::say("err-minutes-not-yet"),
        )]));
    };
    // A bilingual body's minutes are published in Welsh and English at once.
    if body.bilingual {
        use crate::domain::translation::{Subject, both_names};
        let english = HashMap::from([("body_markdown", m.body_markdown.clone())]);
        let missing =
            super::translations::missing_of(conn, Subject::Minutes, &meeting.id, &english)?;
        if !missing.is_empty() {
            return Err(AppError::Conflict(
                missing
                    .into_iter()
                    .map(|f| {
                        FieldError::new(
                            &format!("translations.cy.{}", f.key),
                            "translation_missing",
                            crate::i18n::say_args(
                                "minutes-welsh-missing",
                                &[("field", crate::i18n::Arg::Text(&both_names(f)))],
                            ),
                        )
                    })
                    .collect(),
            ));
        }
    }
    let expected = m.version;
    m.status = "approved".into();
    m.approved_at = Some(ctx.now);
    m.approved_at_meeting_id = Some(next.id.clone());
    m.version += 1;
    m.updated_at = ctx.now;
    if !minutes::save(conn, &m, expected)? {
        return Err(AppError::PreconditionFailed);
    }
    actor.audit(
        conn,
        ctx.now,
        "minutes.approve",
        "meeting",
        &meeting.id,
        format!(
            "minutes approved at the meeting on {}",
            london_datetime(next.starts_at)
        ),
    )?;
    Ok(m)
}

/// A meeting's minutes as one reader may see them.
pub struct MinutesView {
    pub meeting: Meeting,
    pub body: Body,
    /// The secretariat's working copy (drafted from the record when there is
    /// none yet); members see drafts once circulated and the public only
    /// approved minutes. `None`: nothing this reader may see.
    pub minutes: Option<Minutes>,
    pub audience: super::agenda::Audience,
    /// For the secretariat of a bilingual body: the Welsh version's status.
    pub welsh: Option<crate::domain::translation::Status>,
    /// The language the open part is in (Welsh where a reader of Welsh
    /// reads the translation).
    pub text_lang: crate::i18n::Lang,
}

/// The minutes as this reader may see them, in their language `lang` (it
/// runs in a transaction, whose own words are English: the secretariat's
/// first view drafts the minutes).
pub fn view(
    conn: &mut DbConn,
    grants: Option<&crate::domain::roles::Grants>,
    id: &str,
    lang: crate::i18n::Lang,
    ctx: &Ctx<'_>,
) -> AppResult<MinutesView> {
    use super::agenda::Audience;
    let meeting = meetings::find(conn, id)?.ok_or(AppError::NotFound)?;
    let body = crate::db::bodies::find(conn, &meeting.body_id)?.ok_or(AppError::NotFound)?;
    let audience = Audience::of(grants, &body.id);
    let minutes = if audience == Audience::Secretariat {
        Some(get_or_draft(conn, &meeting, &body, ctx)?)
    } else {
        minutes::find(conn, &meeting.id)?
    };
    let mut minutes = minutes.filter(|x| x.status == "approved" || audience != Audience::Public);
    let welsh = match minutes.as_ref() {
        Some(m) if body.bilingual && audience == Audience::Secretariat => {
            use crate::domain::translation::{self, Subject};
            let stored = super::translations::stored_of(
                conn,
                Subject::Minutes,
                std::slice::from_ref(&meeting.id),
            )?
            .remove(&meeting.id)
            .unwrap_or_default();
            let english = HashMap::from([("body_markdown", m.body_markdown.clone())]);
            Some(translation::overall(&translation::states(
                Subject::Minutes,
                &english,
                &stored,
            )))
        }
        _ => None,
    };
    // Readers (not the secretariat, who edit the English) of Welsh read a
    // bilingual body's minutes in Welsh where translated.
    let mut text_lang = crate::i18n::Lang::English;
    if audience != Audience::Secretariat
        && let Some(m) = minutes.as_mut()
    {
        let welsh = super::translations::for_language(
            conn,
            lang,
            crate::domain::translation::Subject::Minutes,
            std::slice::from_ref(&meeting.id),
        )?;
        if let Some(cy) = welsh.get(&meeting.id).and_then(|f| f.get("body_markdown")) {
            m.body_markdown = cy.clone();
            text_lang = lang;
        }
    }
    Ok(MinutesView {
        meeting,
        body,
        minutes,
        audience,
        welsh,
        text_lang,
    })
}

/// What an API client sends to change the minutes: the open part, the
/// closed part (each absent: kept as it is) and the Welsh of the open part.
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MinutesInput {
    /// The open part, in Markdown (the English of a bilingual body).
    pub body_markdown: Option<String>,
    /// The part taken with the press and public excluded.
    pub exempt_markdown: Option<String>,
    /// A bilingual body's minutes: the Welsh of the open part, as
    /// `{"cy": {"body_markdown": "…"}}`.
    #[schema(value_type = Option<std::collections::HashMap<String, std::collections::HashMap<String, String>>>)]
    pub translations: Option<super::translations::TranslationsInput>,
}

/// The minutes as one API client may read them.
pub struct MinutesRead {
    pub meeting: Meeting,
    pub body: Body,
    /// The English (the secretariat's working copy, a circulated draft, or
    /// the approved text).
    pub minutes: Minutes,
    /// May this reader see the part taken in private?
    pub sees_exempt: bool,
    /// A bilingual body's Welsh of the open part, with its status.
    pub welsh: Option<super::translations::Welsh>,
}

/// The minutes as this reader may read them through the API: the
/// secretariat's working copy, members' circulated draft, the public's
/// approved minutes (404 when there is nothing this reader may see).
pub fn read(
    conn: &mut DbConn,
    grants: Option<&crate::domain::roles::Grants>,
    id: &str,
    ctx: &Ctx<'_>,
) -> AppResult<MinutesRead> {
    use crate::domain::translation::Subject;
    let v = view(conn, grants, id, crate::i18n::Lang::English, ctx)?;
    let minutes = v.minutes.ok_or(AppError::NotFound)?;
    let welsh = if v.body.bilingual {
        let english = HashMap::from([("body_markdown", minutes.body_markdown.clone())]);
        super::translations::welsh_of(conn, Subject::Minutes, &[(id.to_string(), english)])?
            .remove(id)
    } else {
        None
    };
    Ok(MinutesRead {
        sees_exempt: v.audience.sees_exempt(),
        meeting: v.meeting,
        body: v.body,
        minutes,
        welsh,
    })
}

/// Changes the minutes through the API (the body's secretariat): the text
/// and the Welsh in one transaction, checked against the version the
/// client read (`expected`, from `If-Match`).
pub fn change(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &crate::domain::roles::Grants,
    id: &str,
    input: &MinutesInput,
    expected: Option<i32>,
    ctx: &Ctx<'_>,
) -> AppResult<MinutesRead> {
    use crate::domain::translation::Subject;
    let (meeting, body) = super::record::managed_meeting(conn, grants, id)?;
    let current = get_or_draft(conn, &meeting, &body, ctx)?;
    if current.status == "approved" {
        return Err(frozen());
    }
    if expected.is_some_and(|e| e != current.version) {
        return Err(AppError::PreconditionFailed);
    }
    let english = if input.body_markdown.is_some() || input.exempt_markdown.is_some() {
        save(
            conn,
            actor,
            &meeting,
            &body,
            Some(
                input
                    .body_markdown
                    .as_deref()
                    .unwrap_or(&current.body_markdown),
            ),
            Some(
                input
                    .exempt_markdown
                    .as_deref()
                    .unwrap_or(&current.exempt_markdown),
            ),
            false,
            Some(current.version),
            ctx,
        )
        .map(|_| ())
    } else {
        Ok(())
    };
    // The problems with the English and with the Welsh, all at once.
    let problems = match english {
        Ok(()) => Vec::new(),
        Err(AppError::Validation(e)) => e,
        Err(other) => return Err(other),
    };
    let welsh = match &input.translations {
        Some(t) => {
            super::translations::apply_input(conn, actor, grants, Subject::Minutes, id, t, ctx.now)
        }
        None => Ok(()),
    };
    super::all_problems(problems, welsh)?;
    read(conn, Some(grants), id, ctx)
}
