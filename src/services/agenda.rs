//! Building an agenda from the meeting's papers, and publishing it.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{Actor, Ctx};
pub use crate::db::agenda::AgendaVersion;
use crate::db::agenda::{self, Agenda, AgendaItem};
use crate::db::bodies::Body;
use crate::db::meetings::Meeting;
use crate::db::papers::Paper;
use crate::db::{self, DbConn, attachments, organisations, papers, priorities, users};
use crate::domain::agenda::{self as rules, Balance, ItemKind, PaperState, PlanItem, Preflight};
use crate::domain::briefing::{self, ItemType};
use crate::domain::frozen::{Frozen, FrozenItem, FrozenPaper, changes};
use crate::domain::validate::Problems;
use crate::error::{AppError, AppResult, FieldError};

/// Minutes given to a new item when nobody has said.
pub const DEFAULT_MINUTES: i32 = 15;

/// One item of the working agenda, with what it shows.
#[derive(Clone, Debug)]
pub struct WorkingItem {
    pub row: AgendaItem,
    pub kind: ItemKind,
    pub number: i32,
    pub title: String,
    pub item_type: Option<ItemType>,
    pub presenter: Option<String>,
    pub organisation: Option<String>,
    pub priority: Option<String>,
    pub exempt_category: Option<i32>,
    pub paper: Option<Paper>,
}

impl WorkingItem {
    /// (exempt, to note): items move only among others of the same section.
    pub fn section(&self) -> (bool, bool) {
        (self.exempt_category.is_some(), self.row.to_note)
    }
}

/// The working agenda as the secretariat sees it.
pub struct Working {
    pub agenda: Agenda,
    pub items: Vec<WorkingItem>,
    pub balance: Balance,
    pub preflight: Preflight,
    pub after_deadline: bool,
    /// Has anything changed since the latest published version?
    pub changed_since_publication: bool,
    /// The names loaded for it, reused when it is frozen.
    names: Names,
    /// The body's rules: they name the exempt paragraphs.
    pub profile: crate::domain::rules::Profile,
}

fn meeting_minutes(m: &Meeting) -> i32 {
    i32::try_from((m.ends_at - m.starts_at).num_minutes()).unwrap_or(0)
}

/// Creates the agenda with its standard items the first time it is needed,
/// then keeps it in step with the meeting's papers: an item for every paper
/// submitted (or started from an accepted proposal), none for withdrawn
/// papers or for papers returned to their authors (a returned paper that the
/// board did not ask for leaves the agenda until it is resubmitted, so it
/// cannot hold up publication), and the exclusion resolution exactly when
/// there are exempt items.
pub fn sync(conn: &mut DbConn, meeting: &Meeting, now: NaiveDateTime) -> AppResult<Agenda> {
    let agenda = match agenda::find(conn, &meeting.id)? {
        Some(a) => a,
        None => {
            let a = Agenda {
                meeting_id: meeting.id.clone(),
                version: 1,
                published_number: 0,
                updated_at: now,
            };
            agenda::insert(conn, &a)?;
            for (n, (kind, title, minutes)) in ItemKind::standard().into_iter().enumerate() {
                agenda::insert_item(
                    conn,
                    &new_item(
                        meeting,
                        kind,
                        title,
                        i32::try_from(n).unwrap_or(0),
                        minutes,
                        now,
                    ),
                )?;
            }
            a
        }
    };
    if step(conn, meeting, now, Writes::Make)?.is_none() {
        agenda::bump(conn, &meeting.id, agenda.version, now)?;
        return agenda::find(conn, &meeting.id)?.ok_or(AppError::NotFound);
    }
    Ok(agenda)
}

/// Whether `step` changes the agenda or only says it would.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Writes {
    Make,
    /// Stop at the first change needed, writing nothing.
    Check,
}

/// Brings the items in step with the papers (`Writes::Make`), or finds
/// whether they already are (`Writes::Check`). Answers the items and papers
/// it read when nothing needed changing; `None` when something changed, or
/// would.
fn step(
    conn: &mut DbConn,
    meeting: &Meeting,
    now: NaiveDateTime,
    writes: Writes,
) -> AppResult<Option<InStep>> {
    let items = agenda::items_of(conn, &meeting.id)?;
    let papers = papers::of_meeting(conn, &meeting.id)?;
    let from_proposals: Vec<String> = db::proposals::of_meeting(conn, &meeting.id)?
        .into_iter()
        .filter_map(|p| p.paper_id)
        .collect();
    let check = writes == Writes::Check;
    let mut changed = false;
    let mut next_pos = items.iter().map(|i| i.position).max().unwrap_or(0) + 1;
    for p in &papers {
        let has_item = items.iter().any(|i| i.paper_id.as_deref() == Some(&p.id));
        let wanted = matches!(p.status.as_str(), "submitted" | "accepted" | "published")
            || (p.status != "withdrawn" && from_proposals.contains(&p.id));
        if wanted && !has_item {
            if check {
                return Ok(None);
            }
            let mut item = new_item(meeting, ItemKind::Substantive, &p.title, next_pos, 0, now);
            item.paper_id = Some(p.id.clone());
            item.minutes_allocated = p.minutes_allocated.unwrap_or(DEFAULT_MINUTES).clamp(0, 600);
            agenda::insert_item(conn, &item)?;
            next_pos += 1;
            changed = true;
        } else if !wanted
            && matches!(p.status.as_str(), "withdrawn" | "returned")
            && let Some(item) = items.iter().find(|i| i.paper_id.as_deref() == Some(&p.id))
            && !agenda::item_in_use(conn, &item.id)?
        {
            if check {
                return Ok(None);
            }
            agenda::delete_item(conn, &item.id)?;
            changed = true;
        }
    }
    let items = if changed {
        agenda::items_of(conn, &meeting.id)?
    } else {
        items
    };
    let exempt_any = items.iter().any(|i| {
        i.kind == "substantive"
            && (i.exempt_category.is_some()
                || i.paper_id.as_ref().is_some_and(|pid| {
                    papers
                        .iter()
                        .any(|p| &p.id == pid && p.exempt_category.is_some())
                }))
    });
    let exclusion = items.iter().find(|i| i.kind == "exclusion");
    match (exempt_any, exclusion) {
        (true, None) if check => return Ok(None),
        (false, Some(_)) if check => return Ok(None),
        (true, None) => {
            agenda::insert_item(
                conn,
                &new_item(
                    meeting,
                    ItemKind::Exclusion,
                    ItemKind::EXCLUSION_TITLE,
                    0,
                    1,
                    now,
                ),
            )?;
            changed = true;
        }
        (false, Some(x)) => {
            agenda::delete_item(conn, &x.id)?;
            changed = true;
        }
        _ => {}
    }
    Ok((!changed).then_some(InStep { items, papers }))
}

/// A meeting's agenda items and papers, read and found in step.
struct InStep {
    items: Vec<AgendaItem>,
    papers: Vec<papers::Paper>,
}

fn new_item(
    meeting: &Meeting,
    kind: ItemKind,
    title: &str,
    position: i32,
    minutes: i32,
    now: NaiveDateTime,
) -> AgendaItem {
    AgendaItem {
        id: crate::clock::new_id(),
        meeting_id: meeting.id.clone(),
        kind: kind.as_str().to_string(),
        position,
        title: title.to_string(),
        item_type: None,
        paper_id: None,
        presenter_user_id: None,
        organisation_id: None,
        minutes_allocated: minutes,
        verbal_reason: None,
        to_note: false,
        exempt_category: None,
        referred_from_item_id: None,
        created_at: now,
        updated_at: now,
        exempt_public_interest: String::new(),
    }
}

/// Names the working agenda needs, loaded once.
struct Names {
    orgs: HashMap<String, String>,
    people: HashMap<String, String>,
    priorities: HashMap<String, String>,
}

fn names(conn: &mut DbConn, body: &Body) -> AppResult<Names> {
    let orgs = organisations::names(conn)?;
    let people = users::names(conn)?;
    let priorities = priorities::active_of(conn, &body.id)?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    Ok(Names {
        orgs,
        people,
        priorities,
    })
}

/// The working agenda: items in order and numbered, with the balance report
/// and the pre-flight. Syncs with the papers first.
pub fn working(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    ctx: &Ctx<'_>,
) -> AppResult<Working> {
    let agenda = sync(conn, meeting, ctx.now)?;
    let read = InStep {
        items: agenda::items_of(conn, &meeting.id)?,
        papers: papers::of_meeting(conn, &meeting.id)?,
    };
    assemble(conn, meeting, body, agenda, read, ctx)
}

/// The working agenda when it is already in step with the papers, read
/// without writing (a page view need not take the write lock); `None` when
/// it is not, and `working` must bring it in step in a transaction.
pub fn working_if_in_step(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    ctx: &Ctx<'_>,
) -> AppResult<Option<Working>> {
    let Some(agenda) = agenda::find(conn, &meeting.id)? else {
        return Ok(None);
    };
    match step(conn, meeting, ctx.now, Writes::Check)? {
        Some(read) => assemble(conn, meeting, body, agenda, read, ctx).map(Some),
        None => Ok(None),
    }
}

fn assemble(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    agenda: Agenda,
    read: InStep,
    ctx: &Ctx<'_>,
) -> AppResult<Working> {
    let InStep {
        items: rows,
        papers: paper_list,
    } = read;
    let names = names(conn, body)?;
    let welsh = StoredWelsh::load(conn, meeting, body, &rows, &paper_list)?;
    let mut plan = Vec::with_capacity(rows.len());
    let mut by_id: HashMap<String, WorkingItem> = HashMap::new();
    for row in rows {
        let kind = ItemKind::parse(&row.kind).unwrap_or(ItemKind::Substantive);
        let paper = row
            .paper_id
            .as_ref()
            .and_then(|pid| paper_list.iter().find(|p| &p.id == pid))
            .cloned();
        let (title, item_type, presenter_id, org_id, priority_id, exempt) = match &paper {
            Some(p) => (
                p.title.clone(),
                p.item_type.as_deref().and_then(ItemType::parse),
                p.presenter_user_id.clone(),
                p.presenting_organisation_id.clone(),
                p.priority_id.clone(),
                p.exempt_category,
            ),
            None => (
                row.title.clone(),
                row.item_type.as_deref().and_then(ItemType::parse),
                row.presenter_user_id.clone(),
                row.organisation_id.clone(),
                None,
                row.exempt_category,
            ),
        };
        let organisation = org_id.and_then(|o| names.orgs.get(&o).cloned());
        let priority = priority_id.and_then(|p| names.priorities.get(&p).cloned());
        let paper_state = match &paper {
            Some(p) => Some(PaperState {
                status: p.status.clone(),
                late: p.late,
                late_decision: p.late_decision.clone(),
                briefing_problems: if matches!(p.status.as_str(), "accepted" | "published") {
                    super::papers::briefing_problems(conn, body, p)?
                        .into_iter()
                        .map(|e| e.message)
                        .collect()
                } else {
                    Vec::new()
                },
            }),
            None => None,
        };
        plan.push(PlanItem {
            id: row.id.clone(),
            kind: Some(kind),
            position: row.position,
            title: title.clone(),
            item_type,
            organisation: organisation.clone(),
            priority: priority.clone(),
            minutes: row.minutes_allocated,
            exempt: exempt.is_some(),
            to_note: row.to_note,
            verbal_reason: row.verbal_reason.clone(),
            paper: paper_state,
            untranslated: welsh.of(kind, &row, paper.as_ref(), exempt.is_some()),
        });
        by_id.insert(
            row.id.clone(),
            WorkingItem {
                kind,
                number: 0,
                title,
                item_type,
                presenter: presenter_id.and_then(|u| names.people.get(&u).cloned()),
                organisation,
                priority,
                exempt_category: exempt,
                paper,
                row,
            },
        );
    }
    let deadline = super::meetings::timeline_for(meeting, body, ctx.calendars).publication_deadline;
    let after_deadline = ctx.now.and_utc() > deadline;
    let minutes = meeting_minutes(meeting);
    let mut items = Vec::with_capacity(plan.len());
    for (n, p) in rules::ordered(&plan).into_iter().enumerate() {
        if let Some(mut w) = by_id.remove(&p.id) {
            w.number = i32::try_from(n + 1).unwrap_or(0);
            items.push(w);
        }
    }
    let balance = rules::balance(&plan, minutes);
    let preflight = rules::preflight(&plan, minutes, after_deadline);
    let changed_since_publication = if agenda.published_number == 0 {
        true
    } else {
        match agenda::version(conn, &meeting.id, agenda.published_number)? {
            Some(v) => {
                let prev: Frozen = parse_snapshot(&v)?;
                let next = freeze(
                    conn, meeting, body, &names, &items, &prev, 0, ctx.now, None, None,
                )?;
                !changes(&prev, &next).is_empty()
            }
            None => true,
        }
    };
    Ok(Working {
        agenda,
        items,
        balance,
        preflight,
        after_deadline,
        changed_since_publication,
        names,
        profile: body.profile(),
    })
}

/// A bilingual body's stored Welsh for the working agenda, for the
/// pre-flight; empty when the body is not bilingual or the chair gave an
/// urgency reason for publishing without it.
struct StoredWelsh {
    papers: HashMap<String, HashMap<String, crate::domain::translation::Stored>>,
    items: HashMap<String, HashMap<String, crate::domain::translation::Stored>>,
    asked: bool,
}

impl StoredWelsh {
    fn load(
        conn: &mut DbConn,
        meeting: &Meeting,
        body: &Body,
        rows: &[AgendaItem],
        papers: &[Paper],
    ) -> AppResult<StoredWelsh> {
        use crate::domain::translation::Subject;
        let asked = body.bilingual && meeting.translation_urgency_en.is_none();
        if !asked {
            return Ok(StoredWelsh {
                papers: HashMap::new(),
                items: HashMap::new(),
                asked,
            });
        }
        let paper_ids: Vec<String> = papers.iter().map(|p| p.id.clone()).collect();
        let item_ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        Ok(StoredWelsh {
            papers: super::translations::stored_of(conn, Subject::Paper, &paper_ids)?,
            items: super::translations::stored_of(conn, Subject::AgendaItem, &item_ids)?,
            asked,
        })
    }

    /// The fields of a public substantive item still without Welsh:
    /// (path under the item, name in both languages).
    fn of(
        &self,
        kind: ItemKind,
        row: &AgendaItem,
        paper: Option<&Paper>,
        exempt: bool,
    ) -> Vec<crate::domain::agenda::Untranslated> {
        use crate::domain::translation::{self, Status, Subject};
        if !self.asked || exempt || kind != ItemKind::Substantive {
            return Vec::new();
        }
        let none = HashMap::new();
        let (subject, prefix, english, stored) = match paper {
            Some(p) => (
                Subject::Paper,
                "paper.",
                super::translations::paper_english(p),
                self.papers.get(&p.id).unwrap_or(&none),
            ),
            None => (
                Subject::AgendaItem,
                "",
                HashMap::from([("title", row.title.clone())]),
                self.items.get(&row.id).unwrap_or(&none),
            ),
        };
        translation::states(subject, &english, stored)
            .into_iter()
            .filter(|s| !s.status.complete())
            .map(|s| crate::domain::agenda::Untranslated {
                path: format!("{prefix}{}", s.field.key),
                names: translation::both_names(s.field),
                outdated: s.status == Status::Outdated,
            })
            .collect()
    }
}

pub use crate::db::agenda::parse_snapshot;

/// Freezes the working items (in order) as version `number`.
#[allow(clippy::too_many_arguments)]
fn freeze(
    conn: &mut DbConn,
    meeting: &Meeting,
    body: &Body,
    names: &Names,
    items: &[WorkingItem],
    prev: &Frozen,
    number: i32,
    now: NaiveDateTime,
    late_reason: Option<String>,
    supplement_reason: Option<String>,
) -> AppResult<Frozen> {
    use crate::domain::translation::Subject;
    let (welsh_papers, welsh_items) = if body.bilingual {
        let paper_ids: Vec<String> = items
            .iter()
            .filter_map(|w| w.paper.as_ref().map(|p| p.id.clone()))
            .collect();
        let item_ids: Vec<String> = items.iter().map(|w| w.row.id.clone()).collect();
        (
            super::translations::stored_of(conn, Subject::Paper, &paper_ids)?,
            super::translations::stored_of(conn, Subject::AgendaItem, &item_ids)?,
        )
    } else {
        (HashMap::new(), HashMap::new())
    };
    let mut out = Vec::with_capacity(items.len());
    for w in items {
        let paper = match &w.paper {
            Some(p) => {
                let mut f = frozen_paper(conn, p, names)?;
                if let Some(stored) = welsh_papers.get(&p.id) {
                    f.cy = welsh_paper(&f, stored);
                }
                Some(f)
            }
            None => None,
        };
        let title_cy = match &paper {
            Some(p) => p.cy.as_ref().map(|c| c.title.clone()),
            None => welsh_items
                .get(&w.row.id)
                .and_then(|s| s.get("title"))
                .map(|s| s.text.clone()),
        }
        .filter(|t| !t.trim().is_empty());
        let old = prev.items.iter().find(|i| i.id == w.row.id);
        let replaced = match (old, &paper) {
            (None, _) => number > 1,
            (Some(o), Some(p)) => {
                o.paper.as_ref().map(|x| (x.id.as_str(), x.version))
                    != Some((p.id.as_str(), p.version))
            }
            (Some(o), None) => o.paper.is_some(),
        };
        out.push(FrozenItem {
            id: w.row.id.clone(),
            number: w.number,
            kind: w.kind,
            title: w.title.clone(),
            item_type: w.item_type.map(|t| t.as_str().to_string()),
            presenter: w.presenter.clone(),
            organisation: w.organisation.clone(),
            minutes: w.row.minutes_allocated,
            verbal_reason: w.row.verbal_reason.clone(),
            to_note: w.row.to_note,
            exempt_category: w.exempt_category,
            late: w.paper.as_ref().is_some_and(|p| p.late),
            late_reason: w.paper.as_ref().and_then(|p| p.late_reason.clone()),
            supplement: if replaced && number > 1 {
                supplement_reason.clone()
            } else {
                old.and_then(|o| o.supplement.clone())
            },
            action_log: if w.kind == ItemKind::ActionLog {
                action_log(conn, meeting, names)?
            } else {
                Vec::new()
            },
            previous_minutes: if w.kind == ItemKind::Minutes {
                previous_minutes(conn, meeting)?
            } else {
                None
            },
            exempt_public_interest: w
                .exempt_category
                .map(|_| match &w.paper {
                    Some(p) => p.exempt_public_interest.clone(),
                    None => w.row.exempt_public_interest.clone(),
                })
                .filter(|t| !t.trim().is_empty()),
            paper,
            title_cy,
        });
    }
    Ok(Frozen {
        meeting_id: meeting.id.clone(),
        body_name: body.name.clone(),
        body_slug: body.slug.clone(),
        starts_at: meeting.starts_at,
        ends_at: meeting.ends_at,
        location: meeting.location.clone(),
        number,
        published_at: now,
        late_reason,
        supplement_reason,
        items: out,
        redacted: false,
        rules: Some(body.rules.clone()),
        remote_access: Some(meeting.remote_access.clone()).filter(|r| !r.trim().is_empty()),
        translation_urgency: urgency(meeting, body),
    })
}

/// The chair's reason for publishing before the translations were
/// complete, when the body is bilingual and one was given.
fn urgency(meeting: &Meeting, body: &Body) -> Option<(String, String)> {
    if !body.bilingual {
        return None;
    }
    Some((
        meeting.translation_urgency_en.clone()?,
        meeting.translation_urgency_cy.clone().unwrap_or_default(),
    ))
}

/// The Welsh of a paper as published: each translated field (empty where
/// not translated), implications under their English headings.
fn welsh_paper(
    p: &FrozenPaper,
    stored: &HashMap<String, crate::domain::translation::Stored>,
) -> Option<crate::domain::frozen::WelshPaper> {
    let get = |k: &str| stored.get(k).map(|s| s.text.clone()).unwrap_or_default();
    let heading = |key: &str| crate::i18n::text(crate::i18n::Lang::English, key);
    // Each implication a paper's Welsh version holds, under the English
    // heading the frozen paper gives it.
    let implications = crate::domain::translation::Subject::Paper
        .fields()
        .iter()
        .filter(|f| f.key.starts_with("implications_"))
        .map(|f| (heading(f.message), get(f.key)))
        .filter(|(h, t)| !t.trim().is_empty() && p.implications.iter().any(|(ph, _)| ph == h))
        .collect();
    let w = crate::domain::frozen::WelshPaper {
        title: get("title"),
        purpose: get("purpose"),
        summary: get("summary"),
        recommendations: get("recommendations")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
        implications,
        body_markdown: get("body_markdown"),
    };
    (!w.is_empty()).then_some(w)
}

/// The body's meeting before this one (not cancelled), if any.
fn previous_meeting(conn: &mut DbConn, meeting: &Meeting) -> AppResult<Option<Meeting>> {
    Ok(crate::db::meetings::of_body(conn, &meeting.body_id)?
        .into_iter()
        .filter(|m| m.starts_at < meeting.starts_at && !m.is_cancelled())
        .max_by_key(|m| m.starts_at))
}

/// The open part of the previous meeting's minutes, once circulated.
fn previous_minutes(
    conn: &mut DbConn,
    meeting: &Meeting,
) -> AppResult<Option<crate::domain::frozen::PreviousMinutes>> {
    let Some(previous) = previous_meeting(conn, meeting)? else {
        return Ok(None);
    };
    Ok(crate::db::minutes::find(conn, &previous.id)?
        .filter(|m| matches!(m.status.as_str(), "circulated" | "approved"))
        .map(|m| crate::domain::frozen::PreviousMinutes {
            meeting_starts_at: previous.starts_at,
            approved: m.status == "approved",
            markdown: m.body_markdown,
        }))
}

/// The body's open actions and those closed since its previous meeting.
fn action_log(
    conn: &mut DbConn,
    meeting: &Meeting,
    names: &Names,
) -> AppResult<Vec<crate::domain::frozen::LogEntry>> {
    let previous = previous_meeting(conn, meeting)?.map(|m| m.starts_at);
    let since = previous
        .unwrap_or(meeting.starts_at - chrono::Duration::days(365))
        .date();
    let list = crate::db::actions::for_action_log(conn, &meeting.body_id, since)?;
    let ids: Vec<String> = list.iter().map(|a| a.id.clone()).collect();
    let notes = crate::db::actions::latest_notes(conn, &ids)?;
    let mut out = Vec::with_capacity(list.len());
    for a in list {
        let reference = match &a.decision_id {
            Some(d) => crate::db::record::find_decision(conn, d)?
                .map(|d| d.reference)
                .unwrap_or_default(),
            None => String::new(),
        };
        out.push(crate::domain::frozen::LogEntry {
            reference,
            owner: names
                .people
                .get(&a.owner_user_id)
                .cloned()
                .unwrap_or_default(),
            organisation: names
                .orgs
                .get(&a.owner_organisation_id)
                .cloned()
                .unwrap_or_default(),
            status: crate::domain::actions::ActionStatus::parse(&a.status)
                .map(|s| s.label_in(crate::i18n::Lang::English))
                .unwrap_or_default(),
            latest_note: notes.get(&a.id).cloned().unwrap_or_default(),
            due_on: a.due_on,
            exempt: a.exempt,
            description: a.description,
        });
    }
    Ok(out)
}

fn frozen_paper(conn: &mut DbConn, p: &Paper, names: &Names) -> AppResult<FrozenPaper> {
    let consulted = p
        .consulted()
        .into_iter()
        .filter_map(|id| names.orgs.get(&id).cloned())
        .collect();
    let files = attachments::of_paper(conn, &p.id)?
        .into_iter()
        .map(|a| (a.id, a.filename))
        .collect();
    let text = crate::render::markdown::plain_text(&p.body_markdown);
    let mut implications = vec![
        (
            "Financial implications".to_string(),
            p.implications_financial.clone(),
        ),
        (
            "Legal implications".to_string(),
            p.implications_legal.clone(),
        ),
        ("Risk implications".to_string(), p.implications_risk.clone()),
        (
            "Equality implications".to_string(),
            p.implications_equality.clone(),
        ),
        (
            "Environmental implications".to_string(),
            p.implications_environment.clone(),
        ),
    ];
    if !p.implications_welsh_language.trim().is_empty() {
        implications.push((
            crate::i18n::text(crate::i18n::Lang::English, "paper-field-welsh-language"),
            p.implications_welsh_language.clone(),
        ));
    }
    match p.equality_assessment.as_deref() {
        Some("done") => {
            implications.push(("Equality impact assessment".into(), "Completed".into()))
        }
        Some("not_needed") => {
            implications.push(("Equality impact assessment".into(), "Not needed".into()))
        }
        _ => {}
    }
    Ok(FrozenPaper {
        id: p.id.clone(),
        version: p.version,
        title: p.title.clone(),
        purpose: p.purpose.clone(),
        summary: p.summary.clone(),
        recommendations: p.recommendations(),
        implications,
        consulted,
        priority: p
            .priority_id
            .as_ref()
            .and_then(|id| names.priorities.get(id).cloned()),
        sponsor: p
            .sponsor_user_id
            .as_ref()
            .and_then(|id| names.people.get(id).cloned()),
        body_markdown: p.body_markdown.clone(),
        word_count: briefing::word_count(&text),
        attachments: files,
        cy: None,
    })
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct PublishInput {
    /// Needed after the publication deadline; shown on the public agenda.
    pub late_reason: Option<String>,
    /// Needed for a supplement (version 2 on): what was added or replaced, and why.
    pub supplement_reason: Option<String>,
}

/// What publishing produced.
pub struct Published {
    pub version: AgendaVersion,
    pub frozen: Frozen,
    pub recipients: usize,
}

/// Publishes the working agenda as the next version, after the pre-flight.
/// Two publishes at once produce one version: the number is claimed with a
/// conditional update, and the loser gets 409.
pub fn publish(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    input: &PublishInput,
    expected: Option<i32>,
    ctx: &Ctx<'_>,
) -> AppResult<Published> {
    if meeting.is_cancelled() {
        return Err(AppError::Conflict(vec![FieldError::new(
            "meeting",
            "cancelled",
            crate::i18n::say("err-agenda-cancelled"),
        )]));
    }
    let w = working(conn, meeting, body, ctx)?;
    if expected.is_some_and(|e| e != w.agenda.version) {
        return Err(AppError::PreconditionFailed);
    }
    let mut p = Problems::new();
    // In Wales the notice says how to attend remotely.
    if body.profile().remote_rule() == crate::domain::rules::RemoteRule::Counts
        && meeting.remote_access.trim().is_empty()
    {
        p.add(
            "remote_access",
            "required",
            crate::i18n::say("err-agenda-required"),
        );
    }
    let late_reason = p.optional_line(
        "late_reason",
        "field-late-agenda-reason",
        input.late_reason.as_deref(),
        2000,
    );
    let supplement_reason = p.optional_line(
        "supplement_reason",
        "field-supplement-reason",
        input.supplement_reason.as_deref(),
        2000,
    );
    let mut errors: Vec<FieldError> = p.into_vec();
    for f in &w.preflight.blocking {
        errors.push(FieldError::new(
            &f.field.clone().unwrap_or_else(|| {
                f.item_id
                    .as_ref()
                    .map(|id| format!("items.{id}"))
                    .unwrap_or_else(|| "agenda".into())
            }),
            f.code,
            f.message.clone(),
        ));
    }
    if w.after_deadline && late_reason.is_none() && w.agenda.published_number == 0 {
        errors.push(FieldError::new(
            "late_reason",
            "late_reason_required",
            crate::i18n::say("err-agenda-late-reason-required"),
        ));
    }
    let number = w.agenda.published_number + 1;
    if number > 1 && supplement_reason.is_none() {
        errors.push(FieldError::new(
            "supplement_reason",
            "supplement_reason_required",
            crate::i18n::say_args(
                "err-agenda-supplement-reason-required",
                &[("version", crate::i18n::Arg::Number(i64::from(number - 1)))],
            ),
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let prev = match agenda::version(conn, &meeting.id, number - 1)? {
        Some(v) => Some(parse_snapshot(&v)?),
        None => None,
    };
    let empty = empty_frozen(meeting, body);
    let frozen = freeze(
        conn,
        meeting,
        body,
        &w.names,
        &w.items,
        prev.as_ref().unwrap_or(&empty),
        number,
        ctx.now,
        late_reason
            .clone()
            .or_else(|| prev.as_ref().and_then(|p| p.late_reason.clone())),
        supplement_reason.clone(),
    )?;
    if let Some(prev) = &prev
        && changes(prev, &frozen).is_empty()
    {
        return Err(AppError::Conflict(vec![FieldError::new(
            "agenda",
            "unchanged",
            crate::i18n::say_args(
                "err-agenda-unchanged",
                &[("version", crate::i18n::Arg::Number(i64::from(prev.number)))],
            ),
        )]));
    }
    if !agenda::claim_number(conn, &meeting.id, number - 1)? {
        return Err(AppError::Conflict(vec![FieldError::new(
            "agenda",
            "already_published",
            crate::i18n::say_args(
                "err-agenda-already-published",
                &[("version", crate::i18n::Arg::Number(i64::from(number)))],
            ),
        )]));
    }
    let snapshot =
        serde_json::to_string(&frozen).map_err(|e| AppError::internal(format!("snapshot: {e}")))?;
    let version = AgendaVersion {
        id: crate::clock::new_id(),
        meeting_id: meeting.id.clone(),
        number,
        published_at: ctx.now,
        published_by: actor.label.clone(),
        late_reason: frozen.late_reason.clone(),
        supplement_reason: supplement_reason.clone(),
        snapshot,
    };
    agenda::insert_version(conn, &version)?;
    let included: Vec<String> = w
        .items
        .iter()
        .filter_map(|i| i.paper.as_ref())
        .filter(|p| {
            crate::domain::papers::after(&p.status, crate::domain::papers::PaperEvent::Publish)
                .is_some()
        })
        .map(|p| p.id.clone())
        .collect();
    papers::mark_published(conn, &included, ctx.now)?;
    actor.audit(
        conn,
        ctx.now,
        "agenda.publish",
        "meeting",
        &meeting.id,
        match &supplement_reason {
            Some(r) => format!("published supplement (version {number}): {r}"),
            None => format!("published agenda version {number}"),
        },
    )?;
    let recipients = super::agenda_mail::tell_members(conn, meeting, body, &frozen, ctx)?;
    Ok(Published {
        version,
        frozen,
        recipients,
    })
}

fn empty_frozen(meeting: &Meeting, body: &Body) -> Frozen {
    Frozen {
        meeting_id: meeting.id.clone(),
        body_name: body.name.clone(),
        body_slug: body.slug.clone(),
        starts_at: meeting.starts_at,
        ends_at: meeting.ends_at,
        location: meeting.location.clone(),
        number: 0,
        published_at: meeting.created_at,
        late_reason: None,
        supplement_reason: None,
        items: Vec::new(),
        redacted: false,
        rules: Some(body.rules.clone()),
        remote_access: Some(meeting.remote_access.clone()).filter(|r| !r.trim().is_empty()),
        translation_urgency: None,
    }
}

/// Published version `n` of a meeting, frozen, with the version before it
/// (for what changed), both as `audience` may see them; 404 if there is none.
pub fn version_for(
    conn: &mut DbConn,
    meeting_id: &str,
    n: i32,
    audience: Audience,
) -> AppResult<(AgendaVersion, Frozen, Option<Frozen>)> {
    let v = agenda::version(conn, meeting_id, n)?.ok_or(AppError::NotFound)?;
    let frozen = audience.view(parse_snapshot(&v)?);
    let prev = match agenda::version(conn, meeting_id, n - 1)? {
        Some(p) => Some(audience.view(parse_snapshot(&p)?)),
        None => None,
    };
    Ok((v, frozen, prev))
}

/// The latest published version, if any.
pub fn latest(conn: &mut DbConn, meeting_id: &str) -> AppResult<Option<(AgendaVersion, Frozen)>> {
    let Some(a) = agenda::find(conn, meeting_id)? else {
        return Ok(None);
    };
    if a.published_number == 0 {
        return Ok(None);
    }
    match agenda::version(conn, meeting_id, a.published_number)? {
        Some(v) => {
            let f = parse_snapshot(&v)?;
            Ok(Some((v, f)))
        }
        None => Ok(None),
    }
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ItemInput {
    pub title: Option<String>,
    /// decision, discussion or information
    #[schema(pattern = "^(decision|discussion|information)$")]
    pub item_type: Option<String>,
    pub presenter_user_id: Option<String>,
    pub organisation_id: Option<String>,
    #[schema(minimum = 0, maximum = 600)]
    pub minutes_allocated: Option<i32>,
    /// Why there is no paper: makes it a verbal report.
    pub verbal_reason: Option<String>,
    /// For an exempt verbal item: a paragraph of the body's exempt
    /// catalogue (1 to 7 in England, 12 to 18 in Wales, 1 to 15 in
    /// Scotland, ground 1 or 2 under the 1960 Act).
    #[schema(minimum = 1, maximum = 18)]
    pub exempt_category: Option<i32>,
    /// In Wales, for an exempt item: why the public interest in keeping it
    /// confidential outweighs disclosure (published with the agenda).
    #[schema(max_length = 2000)]
    pub exempt_public_interest: Option<String>,
    /// A bilingual body's item: the Welsh of its title,
    /// `{"cy": {"title": "…"}}` (`title` holds the English).
    #[serde(default)]
    #[schema(value_type = Option<std::collections::HashMap<String, std::collections::HashMap<String, String>>>)]
    pub translations: Option<super::translations::TranslationsInput>,
}

fn check_minutes(p: &mut Problems, minutes: Option<i32>) -> i32 {
    match minutes {
        None => DEFAULT_MINUTES,
        Some(m) if (0..=600).contains(&m) => m,
        Some(_) => {
            p.add(
                "minutes_allocated",
                "out_of_range",
                crate::i18n::say("err-agenda-out-of-range"),
            );
            0
        }
    }
}

/// Adds a verbal item (or, on a past meeting, an item recorded for history).
pub fn add_item(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    input: &ItemInput,
    expected: Option<i32>,
    now: NaiveDateTime,
) -> AppResult<AgendaItem> {
    let agenda = sync(conn, meeting, now)?;
    if expected.is_some_and(|e| e != agenda.version) {
        return Err(AppError::PreconditionFailed);
    }
    let mut p = Problems::new();
    let title = p.line("title", "field-title", input.title.as_deref(), 300);
    let item_type = match input.item_type.as_deref().map(str::trim) {
        Some(t) if ItemType::parse(t).is_some() => Some(t.to_string()),
        _ => {
            p.add(
                "item_type",
                "invalid",
                crate::i18n::say("err-agenda-invalid"),
            );
            None
        }
    };
    let reason = p.optional_line(
        "verbal_reason",
        "field-verbal-reason",
        input.verbal_reason.as_deref(),
        2000,
    );
    let past = meeting.starts_at <= now;
    if reason.is_none() && !past {
        p.add(
            "verbal_reason",
            "required",
            crate::i18n::say("err-agenda-required-verbal-reason"),
        );
    }
    let minutes = check_minutes(&mut p, input.minutes_allocated);
    if let Some(id) = &input.presenter_user_id
        && users::find(conn, id)?.is_none()
    {
        p.add(
            "presenter_user_id",
            "unknown",
            crate::i18n::say("err-agenda-unknown"),
        );
    }
    if let Some(id) = &input.organisation_id
        && organisations::find(conn, id)?.is_none()
    {
        p.add(
            "organisation_id",
            "unknown",
            crate::i18n::say("err-agenda-unknown-organisation-id"),
        );
    }
    let profile = db::bodies::find(conn, &meeting.body_id)?
        .ok_or(AppError::NotFound)?
        .profile();
    if let Some(problem) = input
        .exempt_category
        .and_then(|c| crate::domain::rules::paragraph_problem(profile, c))
    {
        p.add("exempt_category", "invalid", problem);
    }
    let public_interest = p
        .optional_line(
            "exempt_public_interest",
            "field-public-interest",
            input.exempt_public_interest.as_deref(),
            2000,
        )
        .unwrap_or_default();
    if input.exempt_category.is_some()
        && profile.records_public_interest_test()
        && public_interest.is_empty()
    {
        p.add(
            "exempt_public_interest",
            "required",
            crate::i18n::say("err-agenda-required-exempt-public-interest"),
        );
    }
    p.finish()?;
    let items = agenda::items_of(conn, &meeting.id)?;
    let position = items.iter().map(|i| i.position).max().unwrap_or(0) + 1;
    let mut item = new_item(
        meeting,
        ItemKind::Substantive,
        &title,
        position,
        minutes,
        now,
    );
    item.item_type = item_type;
    item.presenter_user_id = input.presenter_user_id.clone();
    item.organisation_id = input.organisation_id.clone();
    item.verbal_reason = reason;
    item.exempt_category = input.exempt_category;
    item.exempt_public_interest = public_interest;
    agenda::insert_item(conn, &item)?;
    sync(conn, meeting, now)?;
    touch(conn, &meeting.id, now)?;
    actor.audit(
        conn,
        now,
        "agenda.add_item",
        "meeting",
        &meeting.id,
        format!("added item '{}'", item.title),
    )?;
    Ok(item)
}

fn touch(conn: &mut DbConn, meeting_id: &str, now: NaiveDateTime) -> AppResult<()> {
    let a = agenda::find(conn, meeting_id)?.ok_or(AppError::NotFound)?;
    agenda::bump(conn, meeting_id, a.version, now)?;
    Ok(())
}

/// Puts the substantive items in the given order.
pub fn reorder(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    ids: &[String],
    expected: Option<i32>,
    ctx: &Ctx<'_>,
) -> AppResult<()> {
    let w = working(conn, meeting, body, ctx)?;
    if expected.is_some_and(|e| e != w.agenda.version) {
        return Err(AppError::PreconditionFailed);
    }
    let plan: Vec<PlanItem> = w
        .items
        .iter()
        .map(|i| PlanItem {
            id: i.row.id.clone(),
            kind: Some(i.kind),
            ..Default::default()
        })
        .collect();
    let problems = rules::check_order(&plan, ids);
    if !problems.is_empty() {
        return Err(AppError::Validation(
            problems
                .into_iter()
                .map(|(id, code, msg)| FieldError::new(&format!("item_ids.{id}"), code, msg))
                .collect(),
        ));
    }
    for (n, id) in ids.iter().enumerate() {
        agenda::set_position(conn, id, i32::try_from(n + 1).unwrap_or(0) * 10)?;
    }
    touch(conn, &meeting.id, ctx.now)?;
    actor.audit(
        conn,
        ctx.now,
        "agenda.reorder",
        "meeting",
        &meeting.id,
        "reordered the agenda".into(),
    )?;
    Ok(())
}

/// Moves a substantive item one place up or down within its section.
pub fn move_item(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    item_id: &str,
    up: bool,
    ctx: &Ctx<'_>,
) -> AppResult<()> {
    let w = working(conn, meeting, body, ctx)?;
    let subs: Vec<&WorkingItem> = w.items.iter().filter(|i| i.kind.movable()).collect();
    let Some(at) = subs.iter().position(|i| i.row.id == item_id) else {
        return Err(AppError::NotFound);
    };
    let mut ids: Vec<String> = subs.iter().map(|i| i.row.id.clone()).collect();
    // Items move within their section (business, "to note", exempt): the
    // neighbour is the nearest movable item in the same section.
    let section = subs[at].section();
    let to = if up {
        (0..at).rev().find(|j| subs[*j].section() == section)
    } else {
        (at + 1..subs.len()).find(|j| subs[*j].section() == section)
    };
    if let Some(to) = to {
        ids.swap(at, to);
        reorder(conn, actor, meeting, body, &ids, None, ctx)?;
    }
    Ok(())
}

/// Puts the business in the suggested order: decisions, discussion, information.
pub fn sort_suggested(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    body: &Body,
    ctx: &Ctx<'_>,
) -> AppResult<()> {
    let w = working(conn, meeting, body, ctx)?;
    let plan: Vec<PlanItem> = w
        .items
        .iter()
        .map(|i| PlanItem {
            id: i.row.id.clone(),
            kind: Some(i.kind),
            position: i.number,
            item_type: i.item_type,
            ..Default::default()
        })
        .collect();
    let ids = rules::suggested_order(&plan);
    reorder(conn, actor, meeting, body, &ids, None, ctx)
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ItemChange {
    #[schema(minimum = 0, maximum = 600)]
    pub minutes_allocated: Option<i32>,
    /// Group an information item under "to note without discussion".
    pub to_note: Option<bool>,
    pub verbal_reason: Option<String>,
    /// A bilingual body's item without a paper: the Welsh of its title,
    /// `{"cy": {"title": "…"}}` (the API; the builder page has its own form).
    #[serde(default)]
    #[schema(value_type = Option<std::collections::HashMap<String, std::collections::HashMap<String, String>>>)]
    pub translations: Option<super::translations::TranslationsInput>,
}

/// Changes an item's minutes, its "to note" grouping or its verbal reason.
pub fn change_item(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    item_id: &str,
    change: &ItemChange,
    now: NaiveDateTime,
) -> AppResult<AgendaItem> {
    sync(conn, meeting, now)?;
    let mut item = agenda::find_item(conn, item_id)?
        .filter(|i| i.meeting_id == meeting.id)
        .ok_or(AppError::NotFound)?;
    let mut p = Problems::new();
    if change.minutes_allocated.is_some() {
        item.minutes_allocated = check_minutes(&mut p, change.minutes_allocated);
    }
    if let Some(note) = change.to_note {
        if note && item.kind != "substantive" {
            p.add(
                "to_note",
                "not_substantive",
                crate::i18n::say("err-agenda-not-substantive"),
            );
        }
        item.to_note = note;
    }
    if change.verbal_reason.is_some() {
        if item.paper_id.is_some() {
            p.add(
                "verbal_reason",
                "has_paper",
                crate::i18n::say("err-agenda-has-paper"),
            );
        }
        item.verbal_reason = p.optional_line(
            "verbal_reason",
            "field-verbal-reason",
            change.verbal_reason.as_deref(),
            2000,
        );
    }
    p.finish()?;
    item.updated_at = now;
    agenda::save_item(conn, &item)?;
    touch(conn, &meeting.id, now)?;
    actor.audit(
        conn,
        now,
        "agenda.change_item",
        "meeting",
        &meeting.id,
        format!(
            "changed item '{}': {} minutes",
            item.title, item.minutes_allocated
        ),
    )?;
    Ok(item)
}

/// Removes a verbal item. Items with papers leave when the paper is withdrawn.
pub fn remove_item(
    conn: &mut DbConn,
    actor: &Actor,
    meeting: &Meeting,
    item_id: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    let item = agenda::find_item(conn, item_id)?
        .filter(|i| i.meeting_id == meeting.id)
        .ok_or(AppError::NotFound)?;
    if item.kind != "substantive" || item.paper_id.is_some() {
        return Err(AppError::Conflict(vec![FieldError::new(
            "item",
            "not_removable",
            crate::i18n::say("err-agenda-not-removable"),
        )]));
    }
    if agenda::item_in_use(conn, &item.id)? {
        return Err(AppError::Conflict(vec![FieldError::new(
            "item",
            "recorded",
            crate::i18n::say("err-agenda-recorded"),
        )]));
    }
    agenda::delete_item(conn, &item.id)?;
    sync(conn, meeting, now)?;
    touch(conn, &meeting.id, now)?;
    actor.audit(
        conn,
        now,
        "agenda.remove_item",
        "meeting",
        &meeting.id,
        format!("removed item '{}'", item.title),
    )?;
    Ok(())
}

/// Who is looking at an agenda, which decides what they see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The public, and people with no role in the body: published versions,
    /// exempt items reduced to their category.
    Public,
    /// Someone with a role in the body: the working agenda; exempt items
    /// whole only for roles that may see them.
    Member { sees_exempt: bool },
    /// The body's secretariat and site admins: everything, and may change it.
    Secretariat,
}

impl Audience {
    pub fn of(grants: Option<&crate::domain::roles::Grants>, body_id: &str) -> Audience {
        match grants {
            Some(g) if g.can_manage_body(body_id) => Audience::Secretariat,
            Some(g) => match g.role_in(body_id) {
                Some(r) => Audience::Member {
                    sees_exempt: r.sees_exempt(),
                },
                None => Audience::Public,
            },
            None => Audience::Public,
        }
    }

    pub fn sees_exempt(self) -> bool {
        match self {
            Audience::Public => false,
            Audience::Member { sees_exempt } => sees_exempt,
            Audience::Secretariat => true,
        }
    }

    /// The view of a frozen version this audience may see, in the
    /// reader's language (a bilingual body's Welsh where translated).
    pub fn view(self, f: Frozen) -> Frozen {
        let seen = if self.sees_exempt() {
            f
        } else {
            f.public_view()
        };
        seen.in_language(crate::i18n::current())
    }
}

impl WorkingItem {
    /// The item with its exempt material withheld: only the Schedule 12A
    /// category and a neutral title remain.
    fn withheld(mut self, profile: crate::domain::rules::Profile) -> WorkingItem {
        if let Some(c) = self.exempt_category {
            self.title = FrozenItem::neutral_title(profile, c);
            self.row.title = self.title.clone();
            self.row.verbal_reason = None;
            self.row.paper_id = None;
            self.row.presenter_user_id = None;
            self.row.organisation_id = None;
            self.item_type = None;
            self.presenter = None;
            self.organisation = None;
            self.priority = None;
            self.paper = None;
        }
        self
    }
}

/// The working agenda as one reader may see it before publication: the
/// one place exempt items are withheld from it, for the pages and the API.
pub fn seen_by(mut w: Working, audience: Audience) -> Working {
    if !audience.sees_exempt() {
        let profile = w.profile;
        w.items = w.items.into_iter().map(|i| i.withheld(profile)).collect();
    }
    w
}

/// A meeting's agenda as one reader asks for it.
pub enum AgendaRead {
    /// The public: the latest published version's public view.
    Published(Frozen),
    /// The body's people: the working copy, exempt items withheld unless
    /// they may see them, and when it was last published.
    Working(Working, Option<NaiveDateTime>),
}

pub fn read(
    conn: &mut DbConn,
    grants: Option<&crate::domain::roles::Grants>,
    meeting_id: &str,
    ctx: &Ctx<'_>,
) -> AppResult<AgendaRead> {
    let (m, body) = super::meetings::with_body(conn, meeting_id)?;
    let audience = Audience::of(grants, &body.id);
    if audience == Audience::Public {
        let (_, f) = latest(conn, &m.id)?.ok_or(AppError::NotFound)?;
        return Ok(AgendaRead::Published(Audience::Public.view(f)));
    }
    let w = working(conn, &m, &body, ctx)?;
    let at = latest(conn, &m.id)?.map(|(v, _)| v.published_at);
    Ok(AgendaRead::Working(seen_by(w, audience), at))
}

/// A published version as one reader may see it, with the version before.
pub fn read_version(
    conn: &mut DbConn,
    grants: Option<&crate::domain::roles::Grants>,
    meeting_id: &str,
    n: i32,
) -> AppResult<(Frozen, Option<Frozen>)> {
    let (m, body) = super::meetings::with_body(conn, meeting_id)?;
    let audience = Audience::of(grants, &body.id);
    let (_, f, prev) = version_for(conn, &m.id, n, audience)?;
    Ok((f, prev))
}

/// The agenda builder: the working agenda with everything the secretariat's
/// page shows beside it.
pub struct Builder {
    pub meeting: Meeting,
    pub body: Body,
    pub working: Working,
    pub versions: Vec<agenda::VersionSummary>,
    /// Packs of the latest published version.
    pub packs: Vec<agenda::Pack>,
    /// Members and substitutes the agenda email goes to.
    pub recipients: usize,
    /// Item id to its referrals, in words.
    pub referrals: HashMap<String, Vec<String>>,
    /// Bodies an item may be referred to: (slug, name).
    pub related: Vec<(String, String)>,
    /// Every organisation: (id, name), for the verbal item form.
    pub organisations: Vec<(String, String)>,
    /// Likely conflicts of interest among the members, per item.
    pub conflicts: Vec<super::interests::Conflict>,
}

/// The builder, for the body's secretariat only.
pub fn builder(
    conn: &mut DbConn,
    grants: &crate::domain::roles::Grants,
    id: &str,
    ctx: &Ctx<'_>,
) -> AppResult<Builder> {
    let (meeting, body) = super::record::managed_meeting(conn, grants, id)?;
    let working = working(conn, &meeting, &body, ctx)?;
    let versions = agenda::version_list(conn, &meeting.id)?;
    let packs = match agenda::version(conn, &meeting.id, working.agenda.published_number)? {
        Some(v) => agenda::packs_of_version(conn, &v.id)?,
        None => Vec::new(),
    };
    let recipients = db::memberships::members_of(conn, &body.id)?
        .iter()
        .filter(|m| {
            crate::domain::roles::Role::parse(&m.role)
                .is_some_and(crate::domain::roles::Role::sits_at_the_table)
        })
        .count();
    let ids: Vec<String> = working.items.iter().map(|i| i.row.id.clone()).collect();
    let mut referrals: HashMap<String, Vec<String>> = HashMap::new();
    for (p, to) in db::proposals::referred_from(conn, &ids)? {
        use crate::i18n::{Arg, say_args};
        let reason = p.outcome_reason.clone().unwrap_or_default();
        if let Some(item) = p.referred_from_item_id {
            referrals.entry(item).or_default().push(say_args(
                "builder-referred",
                &[
                    ("body", Arg::Text(&to)),
                    ("status", Arg::Text(&p.status)),
                    ("reason", Arg::Text(&reason)),
                ],
            ));
        }
    }
    let related = super::referrals::related(conn, &body)?
        .into_iter()
        .map(|b| (b.slug, b.name))
        .collect();
    let organisations = organisations::all_by_name(conn)?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let parties: Vec<super::interests::ItemParties> = working
        .items
        .iter()
        .map(|i| match &i.paper {
            Some(p) => (
                i.row.id.clone(),
                p.presenting_organisation_id.clone(),
                p.consulted(),
            ),
            None => (i.row.id.clone(), i.row.organisation_id.clone(), Vec::new()),
        })
        .collect();
    let day = crate::domain::timeline::london_date(meeting.starts_at.and_utc());
    let conflicts = super::interests::likely_conflicts(conn, &body.id, day, &parties)?;
    Ok(Builder {
        conflicts,
        meeting,
        body,
        working,
        versions,
        packs,
        recipients,
        referrals,
        related,
        organisations,
    })
}

/// Which copy of a published agenda is asked for. The public and members'
/// copies have their own addresses, so a cache that kept one never hands it
/// out as the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Readers {
    /// What the viewer may see (agenda and paper pages).
    Viewer,
    /// The public copy, whoever asks.
    Public,
    /// The members' copy: people with a role in the body (404 for others).
    Members,
}

/// A published version with what the reader may see of it.
pub struct Shown {
    pub version: AgendaVersion,
    pub meeting: Meeting,
    pub body: Body,
    pub frozen: Frozen,
    pub prev: Option<Frozen>,
    pub latest: i32,
    pub versions: Vec<(i32, NaiveDateTime)>,
    pub audience: Audience,
}

/// Version `n` (the latest when `None`) of a meeting's agenda, as the copy
/// `readers` asks for and this reader may see.
pub fn shown(
    conn: &mut DbConn,
    grants: Option<&crate::domain::roles::Grants>,
    id: &str,
    n: Option<i32>,
    readers: Readers,
) -> AppResult<Shown> {
    let (meeting, body) = super::meetings::with_body(conn, id)?;
    let audience = match (readers, Audience::of(grants, &body.id)) {
        (Readers::Public, _) => Audience::Public,
        (Readers::Members, Audience::Public) => return Err(AppError::NotFound),
        (_, a) => a,
    };
    let latest = latest_number(conn, &meeting.id)?;
    let n = n.unwrap_or(latest);
    let (version, frozen, prev) = version_for(conn, &meeting.id, n, audience)?;
    let versions = agenda::version_list(conn, &meeting.id)?
        .into_iter()
        .map(|(n, at, _, _)| (n, at))
        .collect();
    Ok(Shown {
        version,
        meeting,
        body,
        frozen,
        prev,
        latest,
        versions,
        audience,
    })
}

/// The members' briefing of a version: for people with a role in the body
/// (403 for anyone else).
pub fn briefing(
    conn: &mut DbConn,
    grants: &crate::domain::roles::Grants,
    id: &str,
    n: Option<i32>,
) -> AppResult<Shown> {
    let s = shown(conn, Some(grants), id, n, Readers::Viewer)?;
    if s.audience == Audience::Public {
        return Err(AppError::Forbidden);
    }
    Ok(s)
}

/// The number of a meeting's latest published version (0: none yet).
pub fn latest_number(conn: &mut DbConn, meeting_id: &str) -> AppResult<i32> {
    Ok(agenda::find(conn, meeting_id)?
        .map(|a| a.published_number)
        .unwrap_or(0))
}
