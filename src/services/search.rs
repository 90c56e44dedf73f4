//! Full-text search over papers, agenda items, decisions, actions and
//! minutes. Who may find what is decided in the query (exempt material only
//! for those entitled, nothing unpublished for the public), and each hit is
//! checked again against the rule its own page applies before it is shown.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::search::{Find, Found};
use crate::db::{DbConn, bodies};
use crate::domain::roles::{Grants, Role};
use crate::domain::search::{Kind, Part, Query};
use crate::error::AppResult;

/// Something found, as the API and the search page show it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Hit {
    /// paper, item (on an agenda), decision, action or minutes
    pub kind: String,
    pub id: String,
    pub title: String,
    /// The passage that matched best, as plain text.
    pub snippet: String,
    /// The same passage in pieces, the matched words marked.
    pub snippet_parts: Vec<Part>,
    /// Where it is read, on the site.
    pub url: String,
    /// The body's name.
    pub body: String,
    pub body_slug: String,
    /// The meeting's day (London), or for an action without one, the day it
    /// was recorded.
    #[schema(value_type = String, format = Date)]
    pub date: NaiveDate,
}

/// A search: what was typed, the filters, and where the page starts.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub q: String,
    /// A body's slug; an unknown one finds nothing.
    pub body: Option<String>,
    pub kind: Option<Kind>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// How many matches earlier pages went through.
    pub offset: usize,
    pub limit: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Where the next page starts, if there is one.
    pub next_offset: Option<usize>,
    /// Nothing searchable was typed (only punctuation, emoji or the most
    /// common words): the page says what to try instead.
    pub nothing_to_search: bool,
}

/// Matches read from the index at a time while filling a page.
const BATCH: usize = 50;

pub fn search(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    user_id: Option<&str>,
    req: &Request,
) -> AppResult<Results> {
    let query = Query::parse(&req.q);
    if query.is_empty() {
        return Ok(Results {
            nothing_to_search: true,
            ..Default::default()
        });
    }
    let all_bodies = bodies::by_id(conn)?;
    let body_id = match req.body.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(slug) => match all_bodies.values().find(|b| b.slug == slug.trim()) {
            Some(b) => Some(b.id.clone()),
            None => return Ok(Results::default()),
        },
        None => None,
    };
    let roles: &[(String, Role)] = grants.map(|g| g.roles.as_slice()).unwrap_or_default();
    let mut find = Find {
        fts5: query.to_fts5(),
        tsquery: query.to_tsquery(),
        kind: req.kind,
        body_id,
        from: req.from,
        to: req.to,
        all: grants.is_some_and(|g| g.is_admin),
        user_id: user_id.map(str::to_string),
        member_of: roles.iter().map(|(b, _)| b.clone()).collect(),
        exempt_in: roles
            .iter()
            .filter(|(_, r)| r.sees_exempt())
            .map(|(b, _)| b.clone())
            .collect(),
        offset: i64::try_from(req.offset).unwrap_or(i64::MAX),
        limit: BATCH as i64,
    };
    let limit = req.limit.max(1);
    let mut hits = Vec::new();
    let mut position = req.offset;
    loop {
        let batch = crate::db::search::find(conn, &find)?;
        let full = batch.len() == BATCH;
        for found in batch {
            if hits.len() == limit {
                return Ok(Results {
                    hits,
                    next_offset: Some(position),
                    nothing_to_search: false,
                });
            }
            position += 1;
            let Some(body) = all_bodies.get(&found.body_id) else {
                continue;
            };
            if let Some(hit) = shown(conn, grants, user_id, found, body)? {
                hits.push(hit);
            }
        }
        if !full {
            return Ok(Results {
                hits,
                next_offset: None,
                nothing_to_search: false,
            });
        }
        find.offset += BATCH as i64;
    }
}

/// A match as the reader sees it, or `None` where the thing's own rule
/// (a paper's status, a draft's audience) keeps it from them.
fn shown(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    user_id: Option<&str>,
    found: Found,
    body: &crate::db::bodies::Body,
) -> AppResult<Option<Hit>> {
    let signed_in = user_id.is_some();
    let (title, url) = match Kind::parse(&found.kind) {
        Some(Kind::Paper) => {
            let Some(paper) = crate::db::papers::find(conn, &found.ref_id)? else {
                return Ok(None);
            };
            if !super::papers::can_view(grants, user_id, &paper, &body.id) {
                return Ok(None);
            }
            // The paper's own page is for those signed in; the public reads
            // the copy published with the meeting's latest agenda.
            let url = if signed_in {
                format!("/papers/{}", paper.id)
            } else {
                match crate::db::agenda::find(conn, &paper.meeting_id)?.map(|a| a.published_number)
                {
                    Some(n) if n > 0 => {
                        crate::domain::links::published_paper_path(&paper.meeting_id, n, &paper.id)
                    }
                    _ => return Ok(None),
                }
            };
            (found.title.clone(), url)
        }
        Some(Kind::Item) => (
            found.title.clone(),
            format!("/meetings/{}", found.meeting_id.clone().unwrap_or_default()),
        ),
        Some(Kind::Decision) => (
            found.title.clone(),
            format!(
                "/meetings/{}#decisions",
                found.meeting_id.clone().unwrap_or_default()
            ),
        ),
        Some(Kind::Action) => {
            let Some(action) = crate::db::actions::find(conn, &found.ref_id)? else {
                return Ok(None);
            };
            if !super::actions::may_view(grants, user_id, &action) {
                return Ok(None);
            }
            let url = if signed_in {
                format!("/actions/{}", action.id)
            } else {
                format!(
                    "/meetings/{}#decisions",
                    action.meeting_id.clone().unwrap_or_default()
                )
            };
            (found.title.clone(), url)
        }
        Some(Kind::Minutes) => {
            let meeting_id = found.meeting_id.clone().unwrap_or_default();
            let draft =
                crate::db::minutes::find(conn, &meeting_id)?.is_none_or(|m| m.status == "draft");
            // Draft minutes are the secretariat's until circulated.
            if draft && !grants.is_some_and(|g| g.can_manage_body(&body.id)) {
                return Ok(None);
            }
            let day = crate::domain::format::london_date_words(found.day);
            let key = if found.ref_id.ends_with("/exempt") {
                "search-minutes-exempt"
            } else {
                "search-minutes"
            };
            let title = crate::i18n::say_args(key, &[("day", crate::i18n::Arg::Text(&day))]);
            (title, format!("/meetings/{meeting_id}/minutes"))
        }
        None => return Ok(None),
    };
    let (snippet, snippet_parts) = crate::domain::search::split_snippet(&found.snippet);
    Ok(Some(Hit {
        kind: found.kind,
        id: found.ref_id,
        title,
        snippet,
        snippet_parts,
        url,
        body: body.name.clone(),
        body_slug: body.slug.clone(),
        date: found.day,
    }))
}
