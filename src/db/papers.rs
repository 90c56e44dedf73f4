use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::{paper_versions, papers};

#[derive(Clone, Debug, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = papers, treat_none_as_null = true)]
pub struct Paper {
    pub id: String,
    pub meeting_id: String,
    pub author_user_id: String,
    /// draft, submitted, accepted, published, returned, withdrawn
    pub status: String,
    pub version: i32,
    pub title: String,
    pub item_type: Option<String>,
    pub presenting_organisation_id: Option<String>,
    pub presenter_user_id: Option<String>,
    pub sponsor_user_id: Option<String>,
    pub purpose: String,
    pub summary: String,
    /// JSON array of strings
    pub recommendations: String,
    pub implications_financial: String,
    pub implications_legal: String,
    pub implications_risk: String,
    pub implications_equality: String,
    pub equality_assessment: Option<String>,
    pub implications_environment: String,
    /// Wales: the effects on the Welsh language.
    pub implications_welsh_language: String,
    /// JSON array of organisation ids
    pub consulted_organisation_ids: String,
    pub priority_id: Option<String>,
    pub no_priority_reason: String,
    pub body_markdown: String,
    pub exempt_category: Option<i32>,
    pub exempt_reason: String,
    pub minutes_allocated: Option<i32>,
    pub late: bool,
    pub late_reason: Option<String>,
    pub late_decision: Option<String>,
    pub late_decision_note: Option<String>,
    pub late_decided_by: Option<String>,
    pub late_decided_at: Option<NaiveDateTime>,
    pub signed_off_by: Option<String>,
    pub signed_off_at: Option<NaiveDateTime>,
    pub submitted_at: Option<NaiveDateTime>,
    pub returned_reason: Option<String>,
    pub withdrawn_reason: Option<String>,
    pub accepted_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// A key decision: the forward plan gives 28 clear days' notice of it.
    pub key_decision: bool,
    /// In Wales: why the public interest in keeping the paper private
    /// outweighs the interest in disclosing it (shown publicly).
    pub exempt_public_interest: String,
}

impl Paper {
    /// An empty draft: version 1, nothing filled in but the ids.
    pub fn new_draft(
        id: String,
        meeting_id: &str,
        author_user_id: &str,
        now: NaiveDateTime,
    ) -> Paper {
        Paper {
            id,
            meeting_id: meeting_id.to_string(),
            author_user_id: author_user_id.to_string(),
            status: "draft".into(),
            version: 1,
            title: String::new(),
            item_type: None,
            presenting_organisation_id: None,
            presenter_user_id: None,
            sponsor_user_id: None,
            purpose: String::new(),
            summary: String::new(),
            recommendations: "[]".into(),
            implications_financial: String::new(),
            implications_legal: String::new(),
            implications_risk: String::new(),
            implications_equality: String::new(),
            equality_assessment: None,
            implications_environment: String::new(),
            implications_welsh_language: String::new(),
            consulted_organisation_ids: "[]".into(),
            priority_id: None,
            no_priority_reason: String::new(),
            body_markdown: String::new(),
            exempt_category: None,
            exempt_reason: String::new(),
            minutes_allocated: None,
            late: false,
            late_reason: None,
            late_decision: None,
            late_decision_note: None,
            late_decided_by: None,
            late_decided_at: None,
            signed_off_by: None,
            signed_off_at: None,
            submitted_at: None,
            returned_reason: None,
            withdrawn_reason: None,
            accepted_at: None,
            created_at: now,
            updated_at: now,
            key_decision: false,
            exempt_public_interest: String::new(),
        }
    }

    pub fn recommendations(&self) -> Vec<String> {
        serde_json::from_str(&self.recommendations).unwrap_or_default()
    }

    pub fn consulted(&self) -> Vec<String> {
        serde_json::from_str(&self.consulted_organisation_ids).unwrap_or_default()
    }

    pub fn is_exempt(&self) -> bool {
        self.exempt_category.is_some()
    }
}

pub fn insert(conn: &mut DbConn, p: &Paper) -> QueryResult<()> {
    diesel::insert_into(papers::table).values(p).execute(conn)?;
    super::search::index_paper(conn, &p.id)
}

/// The papers with these ids, by id.
pub fn by_id(
    conn: &mut DbConn,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, Paper>> {
    Ok(papers::table
        .filter(papers::id.eq_any(ids))
        .select(Paper::as_select())
        .load::<Paper>(conn)?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Paper>> {
    papers::table
        .find(id)
        .select(Paper::as_select())
        .first(conn)
        .optional()
}

/// Writes the whole paper if it is still at `expected_version` (the new
/// version is in `p`). Returns false if someone saved it first.
pub fn save(conn: &mut DbConn, p: &Paper, expected_version: i32) -> QueryResult<bool> {
    let n = diesel::update(
        papers::table
            .find(&p.id)
            .filter(papers::version.eq(expected_version)),
    )
    .set(p)
    .execute(conn)?;
    if n == 1 {
        super::search::index_paper(conn, &p.id)?;
    }
    Ok(n == 1)
}

pub fn of_meeting(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<Paper>> {
    papers::table
        .filter(papers::meeting_id.eq(meeting_id))
        .select(Paper::as_select())
        .order(papers::created_at)
        .load(conn)
}

/// What the chase needs to know of a paper not yet accepted.
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = papers)]
pub struct Chased {
    pub id: String,
    pub meeting_id: String,
    pub author_user_id: String,
    pub sponsor_user_id: Option<String>,
    pub status: String,
    pub title: String,
    pub submitted_at: Option<NaiveDateTime>,
    pub signed_off_at: Option<NaiveDateTime>,
}

/// The papers of these meetings still being written (draft, returned) or
/// submitted and waiting for acceptance, oldest first: one query.
pub fn being_chased(conn: &mut DbConn, meeting_ids: &[String]) -> QueryResult<Vec<Chased>> {
    let mut out = Vec::new();
    for chunk in meeting_ids.chunks(500) {
        out.extend(
            papers::table
                .filter(papers::meeting_id.eq_any(chunk))
                .filter(papers::status.eq_any(["draft", "returned", "submitted"]))
                .select(Chased::as_select())
                .order((papers::created_at, papers::id))
                .load(conn)?,
        );
    }
    Ok(out)
}

pub fn of_author(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<Paper>> {
    papers::table
        .filter(papers::author_user_id.eq(user_id))
        .select(Paper::as_select())
        .order(papers::updated_at.desc())
        .load(conn)
}

/// Submitted papers that name this person as sponsor and await their sign-off.
pub fn awaiting_sign_off(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<Paper>> {
    papers::table
        .filter(papers::sponsor_user_id.eq(user_id))
        .filter(papers::status.eq("submitted"))
        .filter(papers::signed_off_by.is_null())
        .select(Paper::as_select())
        .order(papers::submitted_at)
        .load(conn)
}

/// Late papers awaiting a chair's decision, for meetings of the given bodies.
pub fn late_undecided(conn: &mut DbConn, body_ids: &[String]) -> QueryResult<Vec<Paper>> {
    use super::schema::meetings;
    papers::table
        .inner_join(meetings::table)
        .filter(meetings::body_id.eq_any(body_ids))
        .filter(papers::late.eq(true))
        .filter(papers::status.eq("submitted"))
        .filter(papers::late_decision.is_null())
        .select(Paper::as_select())
        .order(papers::submitted_at)
        .load(conn)
}

pub fn add_version(
    conn: &mut DbConn,
    p: &Paper,
    saved_by: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let snapshot = serde_json::to_string(p).unwrap_or_default();
    diesel::insert_into(paper_versions::table)
        .values((
            paper_versions::id.eq(crate::clock::new_id()),
            paper_versions::paper_id.eq(&p.id),
            paper_versions::version.eq(p.version),
            paper_versions::status.eq(&p.status),
            paper_versions::snapshot.eq(snapshot),
            paper_versions::saved_by.eq(saved_by),
            paper_versions::saved_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A kept version of a paper: its row version, state, who saved it, when,
/// and the saved copy (JSON).
pub type SavedVersion = (i32, String, String, NaiveDateTime, String);

/// A paper's kept versions with their saved copies, oldest first.
pub fn history(conn: &mut DbConn, paper_id: &str) -> QueryResult<Vec<SavedVersion>> {
    paper_versions::table
        .filter(paper_versions::paper_id.eq(paper_id))
        .select((
            paper_versions::version,
            paper_versions::status,
            paper_versions::saved_by,
            paper_versions::saved_at,
            paper_versions::snapshot,
        ))
        .order(paper_versions::version)
        .load(conn)
}

/// Distinct author ids of the live papers for a meeting (to tell them of changes).
pub fn authors_of_meeting(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<String>> {
    papers::table
        .filter(papers::meeting_id.eq(meeting_id))
        .filter(papers::status.ne("withdrawn"))
        .select(papers::author_user_id)
        .distinct()
        .load(conn)
}

/// Marks accepted papers as published (they went out on an agenda).
pub fn mark_published(conn: &mut DbConn, ids: &[String], now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(
        papers::table
            .filter(papers::id.eq_any(ids))
            .filter(papers::status.eq("accepted")),
    )
    .set((papers::status.eq("published"), papers::updated_at.eq(now)))
    .execute(conn)?;
    for id in ids {
        super::search::index_paper(conn, id)?;
    }
    Ok(())
}
