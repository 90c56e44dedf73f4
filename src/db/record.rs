//! The meeting record: attendance, declarations of interest, decisions.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::ExemptScope;
use super::schema::{
    agenda_items, attendance, attendance_moves, decision_notes, decision_votes, decisions,
    declarations, item_notes, papers,
};

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = attendance)]
pub struct Attendance {
    pub meeting_id: String,
    pub user_id: String,
    /// present, apologies or absent
    pub status: String,
    pub substitute_for_user_id: Option<String>,
    pub updated_at: NaiveDateTime,
    /// in_person or remote; `None` when not recorded (read as in person).
    pub mode: Option<String>,
}

pub fn attendance_of(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<Attendance>> {
    attendance::table
        .filter(attendance::meeting_id.eq(meeting_id))
        .select(Attendance::as_select())
        .load(conn)
}

/// Records a person's attendance, replacing what was recorded before.
pub fn set_attendance(conn: &mut DbConn, a: &Attendance) -> QueryResult<()> {
    let n = diesel::update(
        attendance::table
            .filter(attendance::meeting_id.eq(&a.meeting_id))
            .filter(attendance::user_id.eq(&a.user_id)),
    )
    .set((
        attendance::status.eq(&a.status),
        attendance::substitute_for_user_id.eq(&a.substitute_for_user_id),
        attendance::updated_at.eq(a.updated_at),
        attendance::mode.eq(&a.mode),
    ))
    .execute(conn)?;
    if n == 0 {
        diesel::insert_into(attendance::table)
            .values(a)
            .execute(conn)?;
    }
    Ok(())
}

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = declarations)]
pub struct Declaration {
    pub id: String,
    pub meeting_id: String,
    pub item_id: String,
    pub user_id: String,
    pub interest: String,
    pub idempotency_key: Option<String>,
    /// The digest of the request that first used the key.
    pub idempotency_digest: Option<String>,
    pub created_at: NaiveDateTime,
    /// Left the room for the item: not counted towards its quorum.
    pub left_room: bool,
}

pub fn declarations_of(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<Declaration>> {
    declarations::table
        .filter(declarations::meeting_id.eq(meeting_id))
        .select(Declaration::as_select())
        .order(declarations::created_at)
        .load(conn)
}

pub fn declaration_by_key(conn: &mut DbConn, key: &str) -> QueryResult<Option<Declaration>> {
    declarations::table
        .filter(declarations::idempotency_key.eq(key))
        .select(Declaration::as_select())
        .first(conn)
        .optional()
}

pub fn insert_declaration(conn: &mut DbConn, d: &Declaration) -> QueryResult<()> {
    diesel::insert_into(declarations::table)
        .values(d)
        .execute(conn)
        .map(|_| ())
}

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = decisions)]
pub struct Decision {
    pub id: String,
    pub body_id: String,
    pub meeting_id: String,
    pub item_id: String,
    pub year: i32,
    pub number: i32,
    /// `{BODY-SLUG}/{YYYY}/{NNN}`
    pub reference: String,
    pub text: String,
    pub exempt: bool,
    pub idempotency_key: Option<String>,
    /// The digest of the request that first used the key.
    pub idempotency_digest: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    /// Why the secretariat withdrew it (recorded in error), if it did.
    pub withdrawn_reason: Option<String>,
    pub withdrawn_at: Option<NaiveDateTime>,
    /// The vote, where one was recorded.
    pub votes_for: Option<i32>,
    pub votes_against: Option<i32>,
    pub votes_abstain: Option<i32>,
}

impl Decision {
    /// The vote's count, where one was recorded.
    pub fn tally(&self) -> Option<crate::domain::record::Tally> {
        Some(crate::domain::record::Tally {
            for_: self.votes_for?,
            against: self.votes_against?,
            abstain: self.votes_abstain?,
        })
    }
}

/// Each member's vote on a decision, where votes are recorded by name.
#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = decision_votes)]
pub struct NamedVote {
    pub decision_id: String,
    pub user_id: String,
    /// for, against or abstain
    pub vote: String,
}

pub fn insert_votes(conn: &mut DbConn, votes: &[NamedVote]) -> QueryResult<()> {
    for v in votes {
        diesel::insert_into(decision_votes::table)
            .values(v)
            .execute(conn)?;
    }
    Ok(())
}

/// The named votes on a meeting's decisions.
pub fn votes_of_meeting(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<NamedVote>> {
    decision_votes::table
        .inner_join(decisions::table.on(decisions::id.eq(decision_votes::decision_id)))
        .filter(decisions::meeting_id.eq(meeting_id))
        .select(NamedVote::as_select())
        .order((decision_votes::decision_id, decision_votes::user_id))
        .load(conn)
}

/// Someone arriving at, or leaving before, an item of a meeting.
#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = attendance_moves)]
pub struct Move {
    pub id: String,
    pub meeting_id: String,
    pub item_id: String,
    pub user_id: String,
    /// arrives or leaves
    pub movement: String,
    pub created_at: NaiveDateTime,
    /// For an arrival: in_person or remote (`None`: as recorded for the
    /// meeting).
    pub mode: Option<String>,
}

/// A meeting's arrivals and departures, each with its item's position.
pub fn moves_of(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<(Move, i32)>> {
    attendance_moves::table
        .inner_join(agenda_items::table.on(agenda_items::id.eq(attendance_moves::item_id)))
        .filter(attendance_moves::meeting_id.eq(meeting_id))
        .select((Move::as_select(), agenda_items::position))
        .order((agenda_items::position, attendance_moves::created_at))
        .load(conn)
}

/// Records a movement, replacing what was recorded for that person at
/// that item.
pub fn set_move(conn: &mut DbConn, m: &Move) -> QueryResult<()> {
    delete_move(conn, &m.item_id, &m.user_id)?;
    diesel::insert_into(attendance_moves::table)
        .values(m)
        .execute(conn)
        .map(|_| ())
}

/// Removes the movement recorded for a person at an item; answers whether
/// there was one.
pub fn delete_move(conn: &mut DbConn, item_id: &str, user_id: &str) -> QueryResult<bool> {
    diesel::delete(
        attendance_moves::table
            .filter(attendance_moves::item_id.eq(item_id))
            .filter(attendance_moves::user_id.eq(user_id)),
    )
    .execute(conn)
    .map(|n| n > 0)
}

/// Whether, when and by whom a meeting's rapid decision note was published,
/// and when the secretariat was reminded of it.
#[derive(Clone, Debug, Default, Queryable, Selectable, Insertable)]
#[diesel(table_name = decision_notes)]
pub struct DecisionNote {
    pub meeting_id: String,
    pub reminded_at: Option<NaiveDateTime>,
    pub published_at: Option<NaiveDateTime>,
    pub published_by: Option<String>,
}

pub fn decision_note(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Option<DecisionNote>> {
    decision_notes::table
        .find(meeting_id)
        .select(DecisionNote::as_select())
        .first(conn)
        .optional()
}

/// The decision notes of these meetings that are published, by meeting.
pub fn published_notes(
    conn: &mut DbConn,
    meeting_ids: &[String],
) -> QueryResult<std::collections::HashMap<String, NaiveDateTime>> {
    let rows: Vec<(String, Option<NaiveDateTime>)> = decision_notes::table
        .filter(decision_notes::meeting_id.eq_any(meeting_ids))
        .filter(decision_notes::published_at.is_not_null())
        .select((decision_notes::meeting_id, decision_notes::published_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, at)| Some((m, at?)))
        .collect())
}

/// Saves the note's state (insert or replace).
pub fn save_decision_note(conn: &mut DbConn, n: &DecisionNote) -> QueryResult<()> {
    let changed = diesel::update(decision_notes::table.find(&n.meeting_id))
        .set((
            decision_notes::reminded_at.eq(n.reminded_at),
            decision_notes::published_at.eq(n.published_at),
            decision_notes::published_by.eq(&n.published_by),
        ))
        .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(decision_notes::table)
            .values(n)
            .execute(conn)?;
    }
    Ok(())
}

pub fn insert_decision(conn: &mut DbConn, d: &Decision) -> QueryResult<()> {
    diesel::insert_into(decisions::table)
        .values(d)
        .execute(conn)?;
    super::search::index_decision(conn, &d.id)
}

/// Corrects a decision's words.
pub fn set_decision_text(conn: &mut DbConn, id: &str, text: &str) -> QueryResult<()> {
    diesel::update(decisions::table.find(id))
        .set(decisions::text.eq(text))
        .execute(conn)?;
    super::search::index_decision(conn, id)
}

/// Marks a decision withdrawn, with why.
pub fn withdraw_decision(
    conn: &mut DbConn,
    id: &str,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(decisions::table.find(id))
        .set((
            decisions::withdrawn_reason.eq(reason),
            decisions::withdrawn_at.eq(now),
        ))
        .execute(conn)?;
    super::search::index_decision(conn, id)
}

pub fn find_decision(conn: &mut DbConn, id: &str) -> QueryResult<Option<Decision>> {
    decisions::table
        .find(id)
        .select(Decision::as_select())
        .first(conn)
        .optional()
}

pub fn decision_by_key(conn: &mut DbConn, key: &str) -> QueryResult<Option<Decision>> {
    decisions::table
        .filter(decisions::idempotency_key.eq(key))
        .select(Decision::as_select())
        .first(conn)
        .optional()
}

pub fn decisions_of_meeting(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<Decision>> {
    decisions::table
        .filter(decisions::meeting_id.eq(meeting_id))
        .select(Decision::as_select())
        .order((decisions::year, decisions::number))
        .load(conn)
}

/// The highest decision number used by a body in a year (0 if none).
pub fn last_number(conn: &mut DbConn, body_id: &str, year: i32) -> QueryResult<i32> {
    decisions::table
        .filter(decisions::body_id.eq(body_id))
        .filter(decisions::year.eq(year))
        .select(diesel::dsl::max(decisions::number))
        .first::<Option<i32>>(conn)
        .map(|n| n.unwrap_or(0))
}

/// Filters for the decisions register. Every filter is applied in the
/// query, so `limit` counts only decisions the caller may see.
#[derive(Clone, Debug, Default)]
pub struct DecisionFilter {
    pub body_ids: Option<Vec<String>>,
    /// Only decisions after this one in the register's order (newest first):
    /// its (recorded at, reference); the next page.
    pub after: Option<(NaiveDateTime, String)>,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub text: Option<String>,
    /// Only decisions on a paper that serves this priority.
    pub priority_id: Option<String>,
    pub exempt: ExemptScope,
    pub limit: i64,
}

/// The decisions register, newest first.
pub fn search_decisions(conn: &mut DbConn, f: &DecisionFilter) -> QueryResult<Vec<Decision>> {
    let mut q = decisions::table.select(Decision::as_select()).into_boxed();
    if let Some(ids) = &f.body_ids {
        q = q.filter(decisions::body_id.eq_any(ids.clone()));
    }
    if let Some(from) = f.from {
        q = q.filter(decisions::created_at.ge(from));
    }
    if let Some(to) = f.to {
        q = q.filter(decisions::created_at.lt(to));
    }
    if let Some(t) = &f.text {
        let pattern = format!(
            "%{}%",
            t.to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        q = q.filter(
            super::lower(decisions::text)
                .like(pattern.clone())
                .escape('\\')
                .or(super::lower(decisions::reference)
                    .like(pattern)
                    .escape('\\')),
        );
    }
    match &f.exempt {
        ExemptScope::None => q = q.filter(decisions::exempt.eq(false)),
        ExemptScope::All => {}
        ExemptScope::Visible { bodies, .. } => {
            q = q.filter(
                decisions::exempt
                    .eq(false)
                    .or(decisions::body_id.eq_any(bodies.clone())),
            );
        }
    }
    if let Some(priority) = &f.priority_id {
        let items = agenda_items::table
            .inner_join(papers::table.on(agenda_items::paper_id.eq(papers::id.nullable())))
            .filter(papers::priority_id.eq(priority.clone()))
            .select(agenda_items::id);
        q = q.filter(decisions::item_id.eq_any(items));
    }
    if let Some((at, reference)) = &f.after {
        q = q.filter(
            decisions::created_at.lt(*at).or(decisions::created_at
                .eq(*at)
                .and(decisions::reference.lt(reference.clone()))),
        );
    }
    q.order((decisions::created_at.desc(), decisions::reference.desc()))
        .limit(f.limit)
        .load(conn)
}

/// Notes typed on each item of a meeting: item id -> notes.
pub fn notes_of(
    conn: &mut DbConn,
    item_ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    let rows: Vec<(String, String)> = item_notes::table
        .filter(item_notes::item_id.eq_any(item_ids))
        .select((item_notes::item_id, item_notes::notes))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

pub fn set_notes(
    conn: &mut DbConn,
    item_id: &str,
    notes: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let n = diesel::update(item_notes::table.find(item_id))
        .set((item_notes::notes.eq(notes), item_notes::updated_at.eq(now)))
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(item_notes::table)
            .values((
                item_notes::item_id.eq(item_id),
                item_notes::notes.eq(notes),
                item_notes::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Ids of a body's decisions.
/// How many of a body's decisions are exempt (confidential).
pub fn exempt_decisions_of_body(conn: &mut DbConn, body_id: &str) -> QueryResult<i64> {
    decisions::table
        .filter(decisions::body_id.eq(body_id))
        .filter(decisions::exempt.eq(true))
        .count()
        .get_result(conn)
}

pub fn decision_ids_of_body(conn: &mut DbConn, body_id: &str) -> QueryResult<Vec<String>> {
    decisions::table
        .filter(decisions::body_id.eq(body_id))
        .select(decisions::id)
        .load(conn)
}
