//! Bilingual content: the Welsh version of what people write for a
//! bilingual body (papers, agenda items, decisions, actions and minutes),
//! who may write and approve it, the secretariat's queue of what is still
//! to translate, and what the agenda's pre-flight asks for.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::Actor;
use crate::db::bodies::{self, Body};
use crate::db::translations::{self as store, Translation};
use crate::db::{DbConn, actions, agenda, meetings, minutes, papers, record};
use crate::domain::calendar::Calendars;
use crate::domain::roles::Grants;
use crate::domain::translation::{self, FieldState, Status, Stored, Subject};
use crate::domain::validate::Problems;
use crate::error::{AppError, AppResult, FieldError};

/// The language translated into.
pub const WELSH: &str = "cy";

/// Characters a Welsh text may hold (as the English drafts).
const MAX_TEXT: usize = 10_000;
const MAX_BODY: usize = 200_000;

/// A bilingual body's translation deadline in a meeting's timeline (T
/// working days before publication); `None` for a body in English only.
pub fn deadline_for(
    body: &Body,
    tl: &crate::domain::timeline::Timeline,
    cal: &crate::domain::calendar::Calendar,
) -> Option<NaiveDate> {
    body.bilingual
        .then(|| translation::deadline(tl.publication_day, body.translation_working_days, cal))
}

/// What a translation is of: its English, and where it belongs.
pub struct Record {
    pub subject: Subject,
    pub id: String,
    pub body: Body,
    pub meeting_id: Option<String>,
    /// The English title or first words, for headings.
    pub title: String,
    /// Where the record itself is read.
    pub back: String,
    pub english: HashMap<&'static str, String>,
    pub author: Option<String>,
    /// Exempt material is not published, so needs no Welsh version before
    /// publication (it may still be given one).
    pub exempt: bool,
}

fn first_words(s: &str) -> String {
    let line = s.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut out: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// The English of one paper's translated fields.
pub fn paper_english(p: &papers::Paper) -> HashMap<&'static str, String> {
    HashMap::from([
        ("title", p.title.clone()),
        ("purpose", p.purpose.clone()),
        ("summary", p.summary.clone()),
        ("recommendations", p.recommendations().join("\n")),
        ("implications_financial", p.implications_financial.clone()),
        ("implications_legal", p.implications_legal.clone()),
        ("implications_risk", p.implications_risk.clone()),
        ("implications_equality", p.implications_equality.clone()),
        (
            "implications_environment",
            p.implications_environment.clone(),
        ),
        (
            "implications_welsh_language",
            p.implications_welsh_language.clone(),
        ),
        ("body_markdown", p.body_markdown.clone()),
    ])
}

/// Loads what a translation is of.
pub fn record_of(conn: &mut DbConn, subject: Subject, id: &str) -> AppResult<Record> {
    let r = match subject {
        Subject::Paper => {
            let p = papers::find(conn, id)?.ok_or(AppError::NotFound)?;
            Record {
                subject,
                id: p.id.clone(),
                body: super::meetings::with_body(conn, &p.meeting_id)?.1,
                meeting_id: Some(p.meeting_id.clone()),
                title: p.title.clone(),
                back: format!("/papers/{}", p.id),
                english: paper_english(&p),
                author: Some(p.author_user_id.clone()),
                exempt: p.exempt_category.is_some(),
            }
        }
        Subject::AgendaItem => {
            let i = agenda::find_item(conn, id)?.ok_or(AppError::NotFound)?;
            Record {
                subject,
                id: i.id.clone(),
                body: super::meetings::with_body(conn, &i.meeting_id)?.1,
                back: format!("/meetings/{}/agenda", i.meeting_id),
                meeting_id: Some(i.meeting_id),
                title: i.title.clone(),
                english: HashMap::from([("title", i.title)]),
                author: None,
                exempt: i.exempt_category.is_some(),
            }
        }
        Subject::Decision => {
            let d = record::find_decision(conn, id)?.ok_or(AppError::NotFound)?;
            Record {
                subject,
                id: d.id.clone(),
                body: bodies::find(conn, &d.body_id)?.ok_or(AppError::NotFound)?,
                back: format!("/meetings/{}/record", d.meeting_id),
                meeting_id: Some(d.meeting_id),
                title: format!("{}: {}", d.reference, first_words(&d.text)),
                english: HashMap::from([("text", d.text)]),
                author: None,
                exempt: d.exempt,
            }
        }
        Subject::Action => {
            let a = actions::find(conn, id)?.ok_or(AppError::NotFound)?;
            Record {
                subject,
                id: a.id.clone(),
                body: bodies::find(conn, &a.body_id)?.ok_or(AppError::NotFound)?,
                back: format!("/actions/{}", a.id),
                meeting_id: a.meeting_id,
                title: first_words(&a.description),
                english: HashMap::from([("description", a.description)]),
                author: None,
                exempt: a.exempt,
            }
        }
        Subject::Minutes => {
            let m = minutes::find(conn, id)?.ok_or(AppError::NotFound)?;
            let (meeting, body) = super::meetings::with_body(conn, &m.meeting_id)?;
            Record {
                subject,
                id: m.meeting_id.clone(),
                body,
                back: format!("/meetings/{}/minutes", m.meeting_id),
                title: crate::domain::format::london_date_words(meeting.starts_at.date()),
                meeting_id: Some(m.meeting_id),
                // The open part only: the exempt part is never published.
                english: HashMap::from([("body_markdown", m.body_markdown)]),
                author: None,
                exempt: false,
            }
        }
    };
    Ok(r)
}

/// Who may do what with a record's Welsh version.
#[derive(Clone, Copy, Debug, Default)]
pub struct May {
    pub write: bool,
    pub approve: bool,
}

fn may(grants: &Grants, user_id: &str, r: &Record) -> May {
    let secretariat = grants.can_manage_body(&r.body.id);
    May {
        write: secretariat || r.author.as_deref() == Some(user_id),
        approve: secretariat,
    }
}

/// A record's Welsh version, field by field, as a translator sees it.
pub struct Page {
    pub record: Record,
    pub fields: Vec<FieldState>,
    pub overall: Status,
    pub may: May,
}

/// The translation page of a record, for those who may write it.
pub fn page(
    conn: &mut DbConn,
    grants: &Grants,
    user_id: &str,
    subject: Subject,
    id: &str,
) -> AppResult<Page> {
    let record = record_of(conn, subject, id)?;
    let may = may(grants, user_id, &record);
    if !may.write {
        return Err(AppError::Forbidden);
    }
    let stored = store::of_one(conn, subject, &record.id, WELSH)?;
    let fields = translation::states(subject, &record.english, &stored);
    Ok(Page {
        overall: translation::overall(&fields),
        record,
        fields,
        may,
    })
}

/// Saves the Welsh texts given (by field key); `approve` marks every
/// translated field approved as well (the secretariat only). Every problem
/// is reported at once and nothing is written unless all is well.
#[allow(clippy::too_many_arguments)]
pub fn save(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    subject: Subject,
    id: &str,
    texts: &HashMap<String, String>,
    approve: bool,
    now: NaiveDateTime,
) -> AppResult<Status> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthenticated)?;
    let record = record_of(conn, subject, id)?;
    let may = may(grants, &user_id, &record);
    if !may.write {
        return Err(AppError::Forbidden);
    }
    let mut p = Problems::new();
    if !record.body.bilingual {
        p.add(
            "translations",
            "not_bilingual",
            crate::i18n::say("translation-not-bilingual"),
        );
    }
    if approve && !may.approve {
        return Err(AppError::Forbidden);
    }
    let policy = record.body.policy();
    let stored = store::of_one(conn, subject, &record.id, WELSH)?;
    let mut writes = Vec::new();
    for (key, text) in texts {
        let Some(field) = subject.field(key) else {
            p.add(
                &format!("translations.cy.{key}"),
                "unknown_field",
                crate::i18n::say_args(
                    "err-translations-unknown-field",
                    &[("field", crate::i18n::Arg::Text(key))],
                ),
            );
            continue;
        };
        let path = format!("translations.cy.{key}");
        let max = if field.limit == translation::Limit::Body {
            MAX_BODY
        } else {
            MAX_TEXT
        };
        let n = text.chars().count();
        if n > max {
            p.add(
                &path,
                "too_long",
                crate::i18n::say_args(
                    "translation-too-many-characters",
                    &[
                        (
                            "field",
                            crate::i18n::Arg::Text(&crate::i18n::say(field.message)),
                        ),
                        ("count", crate::i18n::Arg::count(n)),
                        ("max", crate::i18n::Arg::count(max)),
                    ],
                ),
            );
            continue;
        }
        // Keep line breaks and tabs; drop other control characters.
        let clean: String = text
            .chars()
            .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
            .collect();
        if let Some(message) = translation::over_limit(field, &clean, &policy) {
            p.add(&path, "too_long", message);
        }
        let english = record.english.get(field.key).map_or("", String::as_str);
        let before = stored.get(key);
        // Saving an unchanged text confirms it against the English when the
        // English has changed since; otherwise there is nothing to write.
        let current = before.is_some_and(|b| {
            b.text == clean && translation::status(english, Some(b)) != Status::Outdated
        });
        if current && !approve {
            continue;
        }
        // A changed text is checked again before it counts as approved.
        let status = if approve {
            Status::Approved
        } else {
            Status::Translated
        };
        writes.push((field.key, clean, status, translation::digest(english)));
    }
    p.finish()?;
    let mut changed = Vec::new();
    for (key, text, status, source) in writes {
        store::put(
            conn,
            &Translation {
                id: crate::clock::new_id(),
                subject_kind: subject.as_str().to_string(),
                subject_id: record.id.clone(),
                field: key.to_string(),
                lang: WELSH.to_string(),
                text,
                status: status.as_str().to_string(),
                updated_by: user_id.clone(),
                updated_at: now,
                source_digest: Some(source),
            },
        )?;
        changed.push(key);
    }
    if approve {
        store::approve(conn, subject, &record.id, WELSH, &user_id, now)?;
    }
    if !changed.is_empty() || approve {
        changed.sort_unstable();
        actor.audit(
            conn,
            now,
            if approve {
                "translation.approve"
            } else {
                "translation.save"
            },
            subject.as_str(),
            &record.id,
            if changed.is_empty() {
                "approved the Welsh version".to_string()
            } else {
                format!("Welsh version of {}", changed.join(", "))
            },
        )?;
    }
    let after = store::of_one(conn, subject, &record.id, WELSH)?;
    Ok(translation::overall(&translation::states(
        subject,
        &record.english,
        &after,
    )))
}

/// Translations as an API client sends them: by language code, the text
/// of each field (`{"cy": {"title": "…"}}`).
pub type TranslationsInput = HashMap<String, HashMap<String, String>>;

/// Saves the translations an API client sent with a record. Only Welsh
/// (`cy`) is held; any other language is refused, naming it.
pub fn apply_input(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    subject: Subject,
    id: &str,
    input: &TranslationsInput,
    now: NaiveDateTime,
) -> AppResult<()> {
    let mut p = Problems::new();
    for lang in input.keys().filter(|l| l.as_str() != WELSH) {
        p.add(
            &format!("translations.{lang}"),
            "unknown_language",
            crate::i18n::say_args(
                "err-translations-unknown-language",
                &[("lang", crate::i18n::Arg::Text(lang))],
            ),
        );
    }
    // Every problem at once: the Welsh is checked too when another
    // language was refused (the caller's transaction keeps nothing then).
    let welsh = match input.get(WELSH) {
        Some(texts) => save(conn, actor, grants, subject, id, texts, false, now).map(|_| ()),
        None => Ok(()),
    };
    super::all_problems(p.into_vec(), welsh)
}

/// Each record's Welsh texts and statuses, for the API: by record id, the
/// `cy` texts by field and the status of every field.
pub struct Welsh {
    pub texts: HashMap<String, String>,
    pub status: HashMap<String, String>,
}

/// By language, by field: the API's `translations` and `translation_status`.
pub type ByLanguage = HashMap<String, HashMap<String, String>>;

impl Welsh {
    /// The API's (`translations`, `translation_status`), keyed by `cy`.
    pub fn by_language(self) -> (ByLanguage, ByLanguage) {
        (
            HashMap::from([(WELSH.to_string(), self.texts)]),
            HashMap::from([(WELSH.to_string(), self.status)]),
        )
    }
}

/// The Welsh of several records of one kind (only for a bilingual body:
/// `None` otherwise).
pub fn welsh_of(
    conn: &mut DbConn,
    subject: Subject,
    records: &[(String, HashMap<&'static str, String>)],
) -> AppResult<HashMap<String, Welsh>> {
    let ids: Vec<String> = records.iter().map(|(id, _)| id.clone()).collect();
    let mut stored = store::of(conn, subject, &ids, WELSH)?;
    Ok(records
        .iter()
        .map(|(id, english)| {
            let mine = stored.remove(id).unwrap_or_default();
            let states = translation::states(subject, english, &mine);
            (
                id.clone(),
                Welsh {
                    texts: states
                        .iter()
                        .filter(|s| !s.welsh.is_empty())
                        .map(|s| (s.field.key.to_string(), s.welsh.clone()))
                        .collect(),
                    status: states
                        .iter()
                        .map(|s| (s.field.key.to_string(), s.status.as_str().to_string()))
                        .collect(),
                },
            )
        })
        .collect())
}

/// For a reader of Welsh, the Welsh of these records' fields where
/// translated, by record id then field; empty for a reader of English.
/// Visibility is the caller's: pass only records this reader may see.
pub fn for_reader(
    conn: &mut DbConn,
    subject: Subject,
    ids: &[String],
) -> AppResult<HashMap<String, HashMap<String, String>>> {
    for_language(conn, crate::i18n::current(), subject, ids)
}

/// As `for_reader`, for a reader of `lang` (for reads inside a write,
/// which run in English).
pub fn for_language(
    conn: &mut DbConn,
    lang: crate::i18n::Lang,
    subject: Subject,
    ids: &[String],
) -> AppResult<HashMap<String, HashMap<String, String>>> {
    if lang != crate::i18n::Lang::Welsh || ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(store::of(conn, subject, ids, WELSH)?
        .into_iter()
        .map(|(id, fields)| {
            (
                id,
                fields
                    .into_iter()
                    .filter(|(_, s)| !s.text.trim().is_empty())
                    .map(|(k, s)| (k, s.text))
                    .collect(),
            )
        })
        .collect())
}

/// One field of one record as mail quotes it: the English, and for a
/// bilingual body the Welsh where it has one.
pub struct Quoted {
    english: String,
    welsh: Option<String>,
}

impl Quoted {
    pub fn of(
        conn: &mut DbConn,
        body: &Body,
        subject: Subject,
        id: &str,
        field: &str,
        english: &str,
    ) -> AppResult<Quoted> {
        let welsh = if body.bilingual {
            for_language(conn, crate::i18n::Lang::Welsh, subject, &[id.to_string()])?
                .remove(id)
                .and_then(|mut f| f.remove(field))
        } else {
            None
        };
        Ok(Quoted {
            english: english.to_string(),
            welsh,
        })
    }

    /// English only (a record whose body is not known).
    pub fn english(english: &str) -> Quoted {
        Quoted {
            english: english.to_string(),
            welsh: None,
        }
    }

    /// In the language being written.
    pub fn now(&self) -> &str {
        match (&self.welsh, crate::i18n::current()) {
            (Some(cy), crate::i18n::Lang::Welsh) => cy,
            _ => &self.english,
        }
    }
}

/// A field's Welsh from `for_reader`, or the English as given.
pub fn or_english(
    welsh: &HashMap<String, HashMap<String, String>>,
    id: &str,
    field: &str,
    english: String,
) -> String {
    welsh
        .get(id)
        .and_then(|f| f.get(field))
        .cloned()
        .unwrap_or(english)
}

/// The stored Welsh of several records, by id then field (for freezing and
/// the pre-flight).
pub fn stored_of(
    conn: &mut DbConn,
    subject: Subject,
    ids: &[String],
) -> AppResult<HashMap<String, HashMap<String, Stored>>> {
    Ok(store::of(conn, subject, ids, WELSH)?)
}

/// The fields of one record whose Welsh is missing or out of date, given
/// its English by field.
pub fn missing_of(
    conn: &mut DbConn,
    subject: Subject,
    id: &str,
    english: &HashMap<&str, String>,
) -> AppResult<Vec<&'static crate::domain::translation::Field>> {
    let stored = store::of_one(conn, subject, id, WELSH)?;
    Ok(translation::missing(&translation::states(
        subject, english, &stored,
    )))
}

/// One row of the secretariat's translation queue.
pub struct QueueRow {
    pub subject: Subject,
    pub id: String,
    pub title: String,
    pub body_name: String,
    pub meeting_id: String,
    pub meeting_starts: NaiveDateTime,
    pub deadline: NaiveDate,
    pub overall: Status,
    /// Names of the fields still awaiting translation.
    pub missing: Vec<String>,
}

impl QueueRow {
    fn of(
        subject: Subject,
        id: &str,
        title: &str,
        body: &Body,
        meeting: &meetings::Meeting,
        deadline: NaiveDate,
        states: &[FieldState],
    ) -> QueueRow {
        QueueRow {
            subject,
            id: id.to_string(),
            title: title.to_string(),
            body_name: body.name.clone(),
            meeting_id: meeting.id.clone(),
            meeting_starts: meeting.starts_at,
            deadline,
            overall: translation::overall(states),
            missing: translation::missing(states)
                .iter()
                .map(|f| crate::i18n::t(f.message))
                .collect(),
        }
    }
}

/// What is still to translate for the bilingual bodies this person
/// manages: papers and agenda items of meetings still to come, soonest
/// deadline first, each with its translation deadline.
/// A meeting to come where 10% or more of the members wish to speak Welsh.
pub struct Interpreting {
    pub meeting_id: String,
    pub body_name: String,
    pub starts_at: NaiveDateTime,
    pub speakers: Speakers,
}

/// The secretariat's queue: what waits for translation, and the meetings
/// that need simultaneous translation.
pub struct Queue {
    pub rows: Vec<QueueRow>,
    pub interpreting: Vec<Interpreting>,
}

pub fn queue(
    conn: &mut DbConn,
    grants: &Grants,
    cals: &Calendars,
    now: NaiveDateTime,
) -> AppResult<Queue> {
    let mut out = Vec::new();
    let mut interpreting = Vec::new();
    for body in bodies::all(conn)? {
        if !body.bilingual || !grants.can_manage_body(&body.id) {
            continue;
        }
        let all = meetings::of_body(conn, &body.id)?;
        out.extend(minutes_waiting(conn, &body, &all, now)?);
        for m in all {
            if m.is_cancelled() || m.ends_at < now {
                continue;
            }
            let speakers = speakers(conn, &m.id, &body.id, None)?;
            if speakers.needs_interpreting() {
                interpreting.push(Interpreting {
                    meeting_id: m.id.clone(),
                    body_name: body.name.clone(),
                    starts_at: m.starts_at,
                    speakers,
                });
            }
            let tl = super::meetings::timeline_for(&m, &body, cals);
            let cal = super::meetings::calendar_for(cals, &body);
            let Some(deadline) = deadline_for(&body, &tl, &cal) else {
                continue;
            };
            let papers = papers::of_meeting(conn, &m.id)?;
            let live: Vec<&papers::Paper> = papers
                .iter()
                .filter(|p| p.status != "withdrawn" && p.exempt_category.is_none())
                .collect();
            let ids: Vec<String> = live.iter().map(|p| p.id.clone()).collect();
            let mut stored = store::of(conn, Subject::Paper, &ids, WELSH)?;
            let row = |subject: Subject, id: &str, title: &str, states: &[FieldState]| {
                QueueRow::of(subject, id, title, &body, &m, deadline, states)
            };
            for p in live {
                let states = translation::states(
                    Subject::Paper,
                    &paper_english(p),
                    &stored.remove(&p.id).unwrap_or_default(),
                );
                out.push(row(Subject::Paper, &p.id, &p.title, &states));
            }
            let items: Vec<agenda::AgendaItem> = agenda::items_of(conn, &m.id)?
                .into_iter()
                .filter(|i| i.paper_id.is_none() && i.exempt_category.is_none())
                .collect();
            let ids: Vec<String> = items.iter().map(|i| i.id.clone()).collect();
            let mut stored = store::of(conn, Subject::AgendaItem, &ids, WELSH)?;
            for i in items {
                let states = translation::states(
                    Subject::AgendaItem,
                    &HashMap::from([("title", i.title.clone())]),
                    &stored.remove(&i.id).unwrap_or_default(),
                );
                out.push(row(Subject::AgendaItem, &i.id, &i.title, &states));
            }
        }
    }
    out.sort_by(|a, b| {
        (a.deadline, a.meeting_starts, &a.title).cmp(&(b.deadline, b.meeting_starts, &b.title))
    });
    interpreting.sort_by_key(|i| i.starts_at);
    Ok(Queue {
        rows: out,
        interpreting,
    })
}

/// The minutes of a bilingual body's held meetings not yet approved: their
/// Welsh is due by the next meeting, which approves them.
fn minutes_waiting(
    conn: &mut DbConn,
    body: &Body,
    all: &[meetings::Meeting],
    now: NaiveDateTime,
) -> AppResult<Vec<QueueRow>> {
    let mut out = Vec::new();
    for m in all.iter().filter(|m| !m.is_cancelled() && m.ends_at < now) {
        let Some(mins) = minutes::find(conn, &m.id)? else {
            continue;
        };
        if mins.status == "approved" {
            continue;
        }
        let next = all
            .iter()
            .filter(|x| x.starts_at > m.starts_at && !x.is_cancelled())
            .map(|x| x.starts_at.date())
            .min()
            .unwrap_or(now.date());
        let stored = store::of_one(conn, Subject::Minutes, &m.id, WELSH)?;
        let states = translation::states(
            Subject::Minutes,
            &HashMap::from([("body_markdown", mins.body_markdown)]),
            &stored,
        );
        let title = crate::domain::format::london_date_words(m.starts_at.date());
        out.push(QueueRow::of(
            Subject::Minutes,
            &m.id,
            &title,
            body,
            m,
            next,
            &states,
        ));
    }
    Ok(out)
}

/// Records whether a member wishes to speak Welsh at a meeting.
pub fn set_speaks_welsh(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    meeting_id: &str,
    wishes: bool,
    now: NaiveDateTime,
) -> AppResult<()> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthenticated)?;
    let m = meetings::find(conn, meeting_id)?.ok_or(AppError::NotFound)?;
    let body = bodies::find(conn, &m.body_id)?.ok_or(AppError::NotFound)?;
    let sits = grants
        .role_in(&body.id)
        .is_some_and(crate::domain::roles::Role::sits_at_the_table);
    if !sits {
        return Err(AppError::Forbidden);
    }
    if m.is_cancelled() || m.ends_at < now {
        return Err(AppError::Conflict(vec![FieldError::new(
            "speak_welsh",
            "meeting_over",
            crate::i18n::say("welsh-speakers-closed"),
        )]));
    }
    store::set_speaks_welsh(conn, meeting_id, &user_id, wishes, now)?;
    actor.audit(
        conn,
        now,
        "meeting.speak_welsh",
        "meeting",
        meeting_id,
        if wishes {
            "wishes to speak Welsh".into()
        } else {
            "does not wish to speak Welsh".into()
        },
    )?;
    Ok(())
}

/// Who wishes to speak Welsh at a meeting, against the members who sit at
/// its table: (count wishing, count of members, the trigger reached).
pub struct Speakers {
    pub wishing: usize,
    pub members: usize,
    pub me: bool,
}

impl Speakers {
    /// The Welsh Language Standards' trigger for simultaneous translation:
    /// 10% or more of the members.
    pub fn needs_interpreting(&self) -> bool {
        crate::domain::translation::needs_interpreting(self.wishing, self.members)
    }
}

pub fn speakers(
    conn: &mut DbConn,
    meeting_id: &str,
    body_id: &str,
    user_id: Option<&str>,
) -> AppResult<Speakers> {
    let wishing = store::welsh_speakers(conn, meeting_id)?;
    let members = crate::db::memberships::members_of(conn, body_id)?
        .into_iter()
        .filter(|m| {
            crate::domain::roles::Role::parse(&m.role)
                .is_some_and(crate::domain::roles::Role::sits_at_the_table)
        })
        .count();
    Ok(Speakers {
        me: user_id.is_some_and(|u| wishing.iter().any(|w| w == u)),
        wishing: wishing.len(),
        members,
    })
}

/// The chair's urgency page: the meeting, and what is still to translate.
pub struct Urgency {
    pub meeting: crate::db::meetings::Meeting,
    pub body: Body,
    /// Each missing translation, in words (`None` when the working agenda
    /// is not in step with the papers yet, so cannot be told).
    pub missing: Option<Vec<String>>,
}

fn chairs(grants: &Grants, body_id: &str) -> bool {
    grants.is_admin
        || grants
            .role_in(body_id)
            .is_some_and(crate::domain::roles::Role::presides)
}

/// What the chair sees before recording an urgency reason (the chair and
/// vice-chair only; the secretariat sees it too, to know where it stands).
pub fn urgency(
    conn: &mut DbConn,
    grants: &Grants,
    meeting_id: &str,
    ctx: &super::Ctx<'_>,
) -> AppResult<Urgency> {
    let (meeting, body) = super::meetings::with_body(conn, meeting_id)?;
    if !chairs(grants, &body.id) && !grants.can_manage_body(&body.id) {
        return Err(AppError::Forbidden);
    }
    if !body.bilingual {
        return Err(AppError::NotFound);
    }
    let missing = match super::agenda::working_if_in_step(conn, &meeting, &body, ctx)? {
        Some(w) => Some(
            w.preflight
                .blocking
                .into_iter()
                .filter(|f| f.code == "translation_missing")
                .map(|f| f.message)
                .collect(),
        ),
        None => None,
    };
    Ok(Urgency {
        meeting,
        body,
        missing,
    })
}

/// The chair records (or withdraws) the reason for publishing a bilingual
/// body's agenda before its translations are complete. The reason is
/// published with the agenda in English and Welsh, so both are asked for.
#[allow(clippy::too_many_arguments)]
pub fn set_urgency(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    meeting_id: &str,
    english: &str,
    welsh: &str,
    withdraw: bool,
    now: NaiveDateTime,
) -> AppResult<()> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthenticated)?;
    let (meeting, body) = super::meetings::with_body(conn, meeting_id)?;
    if !chairs(grants, &body.id) {
        return Err(AppError::Forbidden);
    }
    if !body.bilingual {
        return Err(AppError::NotFound);
    }
    if withdraw {
        meetings::set_translation_urgency(conn, &meeting.id, None, now)?;
        actor.audit(
            conn,
            now,
            "meeting.translation_urgency",
            "meeting",
            &meeting.id,
            "withdrew the reason for publishing before the translations".into(),
        )?;
        return Ok(());
    }
    let mut p = Problems::new();
    let en = p.line("reason_en", "field-reason-english", Some(english), 2000);
    let cy = p.line("reason_cy", "field-reason-welsh", Some(welsh), 2000);
    p.finish()?;
    meetings::set_translation_urgency(conn, &meeting.id, Some((&en, &cy, &user_id)), now)?;
    actor.audit(
        conn,
        now,
        "meeting.translation_urgency",
        "meeting",
        &meeting.id,
        format!("may publish before the translations: {en}"),
    )?;
    Ok(())
}
