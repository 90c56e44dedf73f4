use diesel::prelude::*;

use super::DbConn;
use super::schema::bodies;
use crate::domain::policy::Policy;
use crate::domain::rules::Profile;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = bodies)]
pub struct Body {
    pub id: String,
    pub name: String,
    pub slug: String,
    pub kind: String,
    pub parent_id: Option<String>,
    pub publication_clear_days: i32,
    pub clear_days_basis: String,
    pub paper_deadline_working_days: i32,
    pub proposal_deadline_working_days: i32,
    pub paper_cutoff_time: String,
    pub max_purpose_words: i32,
    pub max_summary_words: i32,
    pub max_body_words: i32,
    pub holiday_calendar: String,
    pub created_at: chrono::NaiveDateTime,
    /// The rule profile (`domain::rules::Profile`), by name.
    pub rules: String,
    /// Where the profile leaves it to standing orders: remote attendance
    /// counts towards quorum.
    pub remote_attendance_counts: bool,
    /// Votes on decisions are recorded by name (else by count).
    pub votes_by_name: bool,
    /// The rapid decision note is published within this many working days
    /// of the meeting.
    pub decision_note_working_days: i32,
    /// What people write is held in Welsh and English (Welsh bodies).
    pub bilingual: bool,
    /// T: working days between the translation deadline and publication.
    pub translation_working_days: i32,
}

impl Body {
    pub fn new(
        id: String,
        name: String,
        slug: String,
        kind: &str,
        parent_id: Option<String>,
        p: &Policy,
        now: chrono::NaiveDateTime,
    ) -> Body {
        Body {
            id,
            name,
            slug,
            kind: kind.to_string(),
            parent_id,
            publication_clear_days: p.publication_clear_days,
            clear_days_basis: p.clear_days_basis.clone(),
            paper_deadline_working_days: p.paper_deadline_working_days,
            proposal_deadline_working_days: p.proposal_deadline_working_days,
            paper_cutoff_time: p.paper_cutoff_time.clone(),
            max_purpose_words: p.max_purpose_words,
            max_summary_words: p.max_summary_words,
            max_body_words: p.max_body_words,
            holiday_calendar: p.holiday_calendar.clone(),
            created_at: now,
            rules: p.rules.clone(),
            remote_attendance_counts: p.remote_attendance_counts,
            votes_by_name: p.votes_by_name,
            decision_note_working_days: p.decision_note_working_days,
            bilingual: p.bilingual,
            translation_working_days: p.translation_working_days,
        }
    }

    /// The law the body runs under (England's, for a name not known).
    pub fn profile(&self) -> Profile {
        Profile::parse(&self.rules).unwrap_or(Profile::England)
    }

    pub fn policy(&self) -> Policy {
        Policy {
            publication_clear_days: self.publication_clear_days,
            clear_days_basis: self.clear_days_basis.clone(),
            paper_deadline_working_days: self.paper_deadline_working_days,
            proposal_deadline_working_days: self.proposal_deadline_working_days,
            paper_cutoff_time: self.paper_cutoff_time.clone(),
            max_purpose_words: self.max_purpose_words,
            max_summary_words: self.max_summary_words,
            max_body_words: self.max_body_words,
            holiday_calendar: self.holiday_calendar.clone(),
            rules: self.rules.clone(),
            remote_attendance_counts: self.remote_attendance_counts,
            votes_by_name: self.votes_by_name,
            decision_note_working_days: self.decision_note_working_days,
            bilingual: self.bilingual,
            translation_working_days: self.translation_working_days,
        }
    }
}

pub fn insert(conn: &mut DbConn, body: &Body) -> QueryResult<()> {
    diesel::insert_into(bodies::table)
        .values(body)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Body>> {
    bodies::table
        .find(id)
        .select(Body::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Body>> {
    bodies::table
        .filter(bodies::slug.eq(slug))
        .select(Body::as_select())
        .first(conn)
        .optional()
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Body>> {
    bodies::table
        .select(Body::as_select())
        .order(bodies::name)
        .load(conn)
}

/// Every body, by id (for a step that visits many bodies' records).
pub fn by_id(conn: &mut DbConn) -> QueryResult<std::collections::HashMap<String, Body>> {
    Ok(all(conn)?.into_iter().map(|b| (b.id.clone(), b)).collect())
}

pub fn children(conn: &mut DbConn, id: &str) -> QueryResult<Vec<Body>> {
    bodies::table
        .filter(bodies::parent_id.eq(id))
        .select(Body::as_select())
        .order(bodies::name)
        .load(conn)
}
