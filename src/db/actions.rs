//! Actions with named owners, and their history (notes, due-date changes,
//! status changes).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConn;
use super::schema::{action_events, actions};

#[derive(Clone, Debug, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(
    table_name = actions,
    treat_none_as_null = true,
    treat_none_as_default_value = false
)]
pub struct Action {
    pub id: String,
    pub body_id: String,
    pub meeting_id: Option<String>,
    pub item_id: Option<String>,
    pub decision_id: Option<String>,
    pub description: String,
    pub owner_user_id: String,
    pub owner_organisation_id: String,
    pub due_on: NaiveDate,
    /// open, in_progress, done, dropped
    pub status: String,
    pub dropped_reason: Option<String>,
    pub closed_on: Option<NaiveDate>,
    pub exempt: bool,
    pub version: i32,
    pub idempotency_key: Option<String>,
    /// The digest of the request that first used the key.
    pub idempotency_digest: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = action_events, treat_none_as_default_value = false)]
pub struct ActionEvent {
    pub id: String,
    pub action_id: String,
    /// created, note, due_changed, status, corrected
    pub kind: String,
    pub note: String,
    pub old_due_on: Option<NaiveDate>,
    pub new_due_on: Option<NaiveDate>,
    pub status: Option<String>,
    pub author_user_id: Option<String>,
    pub author: String,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, a: &Action) -> QueryResult<()> {
    diesel::insert_into(actions::table)
        .values(a)
        .execute(conn)?;
    super::search::index_action(conn, a)
}

/// The actions arising from a decision.
pub fn of_decision(conn: &mut DbConn, decision_id: &str) -> QueryResult<Vec<Action>> {
    actions::table
        .filter(actions::decision_id.eq(decision_id))
        .select(Action::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Action>> {
    actions::table
        .find(id)
        .select(Action::as_select())
        .first(conn)
        .optional()
}

pub fn by_key(conn: &mut DbConn, key: &str) -> QueryResult<Option<Action>> {
    actions::table
        .filter(actions::idempotency_key.eq(key))
        .select(Action::as_select())
        .first(conn)
        .optional()
}

/// Saves an action if it is still at `expected` (raising its version).
pub fn save(conn: &mut DbConn, a: &Action, expected: i32) -> QueryResult<bool> {
    let n = diesel::update(
        actions::table
            .find(&a.id)
            .filter(actions::version.eq(expected)),
    )
    // A changed action is looked at again by the next reminder step.
    .set((a, actions::next_reminder_on.eq(RECHECK)))
    .execute(conn)?;
    if n == 1 {
        super::search::index_action(conn, a)?;
    }
    Ok(n == 1)
}

/// The reminder step's "look at it at the next tick" (the column's default).
pub const RECHECK: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Open and in-progress actions whose next look by the reminder step is
/// due by `today` (through the `(status, next_reminder_on)` index).
pub fn reminders_due(conn: &mut DbConn, today: NaiveDate) -> QueryResult<Vec<Action>> {
    let mut out = Vec::new();
    for status in ["open", "in_progress"] {
        out.extend(
            actions::table
                .filter(actions::status.eq(status))
                .filter(actions::next_reminder_on.le(today))
                .select(Action::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

/// When the reminder step should next look at an action.
pub fn set_next_reminder(conn: &mut DbConn, id: &str, on: NaiveDate) -> QueryResult<()> {
    diesel::update(actions::table.find(id))
        .set(actions::next_reminder_on.eq(on))
        .execute(conn)
        .map(|_| ())
}

/// Every open action is looked at again (the bank holidays changed).
pub fn recheck_reminders(conn: &mut DbConn) -> QueryResult<usize> {
    diesel::update(actions::table.filter(actions::status.eq_any(["open", "in_progress"])))
        .set(actions::next_reminder_on.eq(RECHECK))
        .execute(conn)
}

/// Removes an action and its history (an action withdrawn as recorded in
/// error; the audit log keeps what it said).
pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::delete(action_events::table.filter(action_events::action_id.eq(id))).execute(conn)?;
    diesel::delete(actions::table.find(id)).execute(conn)?;
    super::search::remove(conn, crate::domain::search::Kind::Action, id)
}

pub fn add_event(conn: &mut DbConn, e: &ActionEvent) -> QueryResult<()> {
    diesel::insert_into(action_events::table)
        .values(e)
        .execute(conn)
        .map(|_| ())
}

pub fn events_of(conn: &mut DbConn, action_id: &str) -> QueryResult<Vec<ActionEvent>> {
    action_events::table
        .filter(action_events::action_id.eq(action_id))
        .select(ActionEvent::as_select())
        .order((action_events::created_at, action_events::id))
        .load(conn)
}

/// The latest note of each action, for lists.
pub fn latest_notes(
    conn: &mut DbConn,
    action_ids: &[String],
) -> QueryResult<std::collections::HashMap<String, String>> {
    let rows: Vec<(String, String)> = action_events::table
        .filter(action_events::action_id.eq_any(action_ids))
        .filter(action_events::kind.eq("note"))
        .select((action_events::action_id, action_events::note))
        .order((action_events::created_at, action_events::id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// Filters for the tracker and the API.
#[derive(Clone, Debug, Default)]
pub struct ActionFilter {
    pub body_ids: Option<Vec<String>>,
    pub owner_user_id: Option<String>,
    pub organisation_id: Option<String>,
    pub decision_id: Option<String>,
    /// Actions arising at one meeting.
    pub meeting_id: Option<String>,
    pub statuses: Option<Vec<String>>,
    /// Only open actions whose due date is before this day.
    pub overdue_on: Option<NaiveDate>,
    /// Only open actions due on or before this day.
    pub due_by: Option<NaiveDate>,
    pub exempt: super::ExemptScope,
    pub after_id: Option<String>,
    pub limit: i64,
}

pub fn search(conn: &mut DbConn, f: &ActionFilter) -> QueryResult<Vec<Action>> {
    let mut q = actions::table.select(Action::as_select()).into_boxed();
    if let Some(ids) = &f.body_ids {
        q = q.filter(actions::body_id.eq_any(ids.clone()));
    }
    if let Some(o) = &f.owner_user_id {
        q = q.filter(actions::owner_user_id.eq(o.clone()));
    }
    if let Some(o) = &f.organisation_id {
        q = q.filter(actions::owner_organisation_id.eq(o.clone()));
    }
    if let Some(m) = &f.meeting_id {
        q = q.filter(actions::meeting_id.eq(m.clone()));
    }
    if let Some(d) = &f.decision_id {
        q = q.filter(actions::decision_id.eq(d.clone()));
    }
    if let Some(s) = &f.statuses {
        q = q.filter(actions::status.eq_any(s.clone()));
    }
    if let Some(day) = f.overdue_on {
        q = q
            .filter(actions::due_on.lt(day))
            .filter(actions::status.eq_any(["open", "in_progress"]));
    }
    if let Some(day) = f.due_by {
        q = q
            .filter(actions::due_on.le(day))
            .filter(actions::status.eq_any(["open", "in_progress"]));
    }
    match &f.exempt {
        super::ExemptScope::None => q = q.filter(actions::exempt.eq(false)),
        super::ExemptScope::All => {}
        super::ExemptScope::Visible { bodies, owner } => {
            q = q.filter(
                actions::exempt
                    .eq(false)
                    .or(actions::body_id.eq_any(bodies.clone()))
                    .or(actions::owner_user_id.nullable().eq(owner.clone())),
            );
        }
    }
    if let Some(after) = &f.after_id {
        q = q.filter(actions::id.gt(after.clone()));
    }
    q.order(actions::id).limit(f.limit).load(conn)
}

/// (owner organisation, status, due, closed) of one action.
pub type OutcomeRow = (String, String, NaiveDate, Option<NaiveDate>);

/// What the follow-through figures need, for a body (or all bodies).
pub fn outcomes(conn: &mut DbConn, body_id: Option<&str>) -> QueryResult<Vec<OutcomeRow>> {
    let mut q = actions::table
        .select((
            actions::owner_organisation_id,
            actions::status,
            actions::due_on,
            actions::closed_on,
        ))
        .into_boxed();
    if let Some(b) = body_id {
        q = q.filter(actions::body_id.eq(b.to_string()));
    }
    q.load(conn)
}

/// How many exempt (confidential) actions a body, or an owning
/// organisation, has: they count in follow-through figures but are never
/// listed to those without the right to see them.
pub fn exempt_count(
    conn: &mut DbConn,
    body_id: Option<&str>,
    organisation_id: Option<&str>,
) -> QueryResult<i64> {
    let mut q = actions::table
        .filter(actions::exempt.eq(true))
        .count()
        .into_boxed();
    if let Some(b) = body_id {
        q = q.filter(actions::body_id.eq(b.to_string()));
    }
    if let Some(o) = organisation_id {
        q = q.filter(actions::owner_organisation_id.eq(o.to_string()));
    }
    q.get_result(conn)
}

/// Open actions of a body and those closed since `since`, for the action log.
pub fn for_action_log(
    conn: &mut DbConn,
    body_id: &str,
    since: NaiveDate,
) -> QueryResult<Vec<Action>> {
    actions::table
        .filter(actions::body_id.eq(body_id))
        .filter(
            actions::status
                .eq_any(["open", "in_progress"])
                .or(actions::closed_on.ge(since)),
        )
        .select(Action::as_select())
        .order((actions::due_on, actions::id))
        .load(conn)
}

/// Open actions, for the reminder job.
/// Every open or in-progress action, oldest first.
pub fn open_actions(conn: &mut DbConn) -> QueryResult<Vec<Action>> {
    actions::table
        .filter(actions::status.eq_any(["open", "in_progress"]))
        .select(Action::as_select())
        .order((actions::created_at, actions::id))
        .load(conn)
}

/// Decision ids (of the given) that have at least one action.
pub fn decisions_with_actions(
    conn: &mut DbConn,
    decision_ids: &[String],
) -> QueryResult<Vec<String>> {
    actions::table
        .filter(actions::decision_id.eq_any(decision_ids))
        .select(actions::decision_id.assume_not_null())
        .distinct()
        .load(conn)
}

/// (body, status, due, closed) of every action an organisation owns.
pub fn outcomes_of_organisation(
    conn: &mut DbConn,
    organisation_id: &str,
) -> QueryResult<Vec<OutcomeRow>> {
    actions::table
        .filter(actions::owner_organisation_id.eq(organisation_id))
        .select((
            actions::body_id,
            actions::status,
            actions::due_on,
            actions::closed_on,
        ))
        .load(conn)
}
