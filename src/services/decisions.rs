//! The decisions register: every decision of every body, newest first, for
//! the page, the API and the CSV export alike. Exempt decisions appear only
//! to those who may read them.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::db::record::{self, DecisionFilter};
use crate::db::{DbConn, ExemptScope, actions, agenda, bodies, meetings, papers, priorities};
use crate::domain::roles::Grants;
use crate::error::{AppError, AppResult};

pub use crate::db::record::Decision;

/// What the register is asked for.
#[derive(Clone, Debug, Default)]
pub struct RegisterFilter {
    /// A body's slug: its decisions only (404 when there is no such body).
    pub body: Option<String>,
    pub from: Option<NaiveDate>,
    /// Up to and including this day.
    pub to: Option<NaiveDate>,
    /// Words that must all appear, in any order.
    pub text: Option<String>,
    pub priority_id: Option<String>,
    /// Paging: after this (recorded at, reference).
    pub after: Option<(NaiveDateTime, String)>,
    pub limit: i64,
}

/// One line of the register.
pub struct Entry {
    pub decision: Decision,
    pub body_slug: String,
    pub body_name: String,
    /// When its meeting started.
    pub meeting_starts_at: Option<NaiveDateTime>,
    /// The paper's title, or the item's.
    pub item_title: String,
    /// Where its paper is read (see `paper_link`); empty when there is none
    /// this reader may open.
    pub paper_link: String,
    pub has_actions: bool,
}

/// The register as one viewer (`None`: the public) may read it.
pub fn register(
    conn: &mut DbConn,
    viewer: Option<&Grants>,
    f: &RegisterFilter,
) -> AppResult<Vec<Entry>> {
    let all = bodies::all(conn)?;
    let body_ids = match f.body.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(slug) => Some(vec![
            all.iter()
                .find(|b| b.slug == slug)
                .ok_or(AppError::NotFound)?
                .id
                .clone(),
        ]),
        None => None,
    };
    let nonempty = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let list = record::search_decisions(
        conn,
        &DecisionFilter {
            body_ids,
            after: f.after.clone(),
            from: f.from.and_then(|d| d.and_hms_opt(0, 0, 0)),
            to: f
                .to
                .and_then(|d| d.succ_opt())
                .and_then(|d| d.and_hms_opt(0, 0, 0)),
            text: nonempty(&f.text),
            priority_id: nonempty(&f.priority_id),
            exempt: ExemptScope::seen_by(viewer, None),
            limit: f.limit,
        },
    )?;
    // What each line shows, loaded for the whole list at once.
    let ids: Vec<String> = list.iter().map(|d| d.id.clone()).collect();
    let with = actions::decisions_with_actions(conn, &ids)?;
    let item_ids: Vec<String> = list.iter().map(|d| d.item_id.clone()).collect();
    let items = agenda::items_by_id(conn, &item_ids)?;
    let paper_ids: Vec<String> = items.values().filter_map(|i| i.paper_id.clone()).collect();
    let papers = papers::by_id(conn, &paper_ids)?;
    let meeting_ids: Vec<String> = list.iter().map(|d| d.meeting_id.clone()).collect();
    let meetings = meetings::by_id(conn, &meeting_ids)?;
    let published = agenda::published_numbers(conn, &meeting_ids)?;
    let body_of: HashMap<&str, &bodies::Body> = all.iter().map(|b| (b.id.as_str(), b)).collect();
    // A reader of Welsh reads a bilingual body's decisions in Welsh.
    use crate::domain::translation::Subject;
    use crate::services::translations::{for_reader, or_english};
    let welsh = for_reader(conn, Subject::Decision, &ids)?;
    let welsh_papers = for_reader(conn, Subject::Paper, &paper_ids)?;
    let welsh_items = for_reader(conn, Subject::AgendaItem, &item_ids)?;
    Ok(list
        .into_iter()
        .map(|d| {
            let item = items.get(&d.item_id);
            let paper = item
                .and_then(|i| i.paper_id.as_ref())
                .and_then(|p| papers.get(p));
            let body = body_of.get(d.body_id.as_str());
            Entry {
                body_slug: body.map(|b| b.slug.clone()).unwrap_or_default(),
                body_name: body.map(|b| b.name.clone()).unwrap_or_default(),
                meeting_starts_at: meetings.get(&d.meeting_id).map(|m| m.starts_at),
                item_title: paper
                    .map(|p| or_english(&welsh_papers, &p.id, "title", p.title.clone()))
                    .or_else(|| {
                        item.map(|i| or_english(&welsh_items, &i.id, "title", i.title.clone()))
                    })
                    .unwrap_or_default(),
                paper_link: paper_link(
                    &d.meeting_id,
                    paper,
                    published.get(&d.meeting_id).copied(),
                    viewer.is_some(),
                ),
                has_actions: with.contains(&d.id),
                decision: crate::db::record::Decision {
                    text: or_english(&welsh, &d.id, "text", d.text.clone()),
                    ..d
                },
            }
        })
        .collect())
}

/// The register for the API: the English in each decision's own fields,
/// and, for a bilingual body's decision, its Welsh beside it.
pub fn register_with_welsh(
    conn: &mut DbConn,
    viewer: Option<&Grants>,
    f: &RegisterFilter,
) -> AppResult<Vec<(Entry, Option<crate::services::translations::Welsh>)>> {
    let entries = crate::i18n::with(crate::i18n::Lang::English, || register(conn, viewer, f))?;
    let bilingual: std::collections::HashSet<String> = bodies::all(conn)?
        .into_iter()
        .filter(|b| b.bilingual)
        .map(|b| b.slug)
        .collect();
    let records: Vec<(String, HashMap<&'static str, String>)> = entries
        .iter()
        .filter(|e| bilingual.contains(&e.body_slug))
        .map(|e| {
            (
                e.decision.id.clone(),
                HashMap::from([("text", e.decision.text.clone())]),
            )
        })
        .collect();
    let mut welsh = crate::services::translations::welsh_of(
        conn,
        crate::domain::translation::Subject::Decision,
        &records,
    )?;
    Ok(entries
        .into_iter()
        .map(|e| {
            let w = welsh.remove(&e.decision.id);
            (e, w)
        })
        .collect())
}

/// Where the register links a decision's paper: the copy published with the
/// meeting's latest agenda version, which anyone may read (exempt papers only
/// those who may see them); a paper never published only for those signed in.
fn paper_link(
    meeting_id: &str,
    paper: Option<&papers::Paper>,
    latest_version: Option<i32>,
    signed_in: bool,
) -> String {
    match (paper, latest_version) {
        (Some(p), Some(n)) if p.status == "published" => {
            crate::domain::links::published_paper_path(meeting_id, n, &p.id)
        }
        (Some(p), _) if signed_in => format!("/papers/{}", p.id),
        _ => String::new(),
    }
}

/// The priorities a decision can be filtered by: (id, "title (body)").
pub fn priority_choices(conn: &mut DbConn) -> AppResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    for b in bodies::all(conn)? {
        for p in priorities::active_of(conn, &b.id)? {
            out.push((p.id, format!("{} ({})", p.title, b.name)));
        }
    }
    Ok(out)
}

/// Every body, for the register's filter: (slug, name).
pub fn body_choices(conn: &mut DbConn) -> AppResult<Vec<(String, String)>> {
    Ok(bodies::all(conn)?
        .into_iter()
        .map(|b| (b.slug, b.name))
        .collect())
}

/// Every non-exempt decision of a body as CSV, oldest first.
pub fn csv(conn: &mut DbConn, slug: &str) -> AppResult<Vec<u8>> {
    let b = bodies::find_by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
    let list = record::search_decisions(
        conn,
        &DecisionFilter {
            after: None,
            body_ids: Some(vec![b.id.clone()]),
            limit: i64::MAX,
            ..Default::default()
        },
    )?;
    let header = ["reference", "decided_on", "meeting_id", "item_id", "text"].map(String::from);
    let rows = list.into_iter().rev().map(|d| {
        [
            d.reference,
            d.created_at.date().to_string(),
            d.meeting_id,
            d.item_id,
            d.text,
        ]
    });
    crate::render::csv_cells::document(std::iter::once(header).chain(rows))
}
