use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::proposals;

#[derive(Clone, Debug, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = proposals, treat_none_as_null = true)]
pub struct Proposal {
    pub id: String,
    pub meeting_id: String,
    pub proposer_user_id: String,
    pub title: String,
    pub item_type: String,
    pub presenting_organisation_id: String,
    pub priority_id: Option<String>,
    pub no_priority_reason: String,
    pub minutes_estimate: Option<i32>,
    /// proposed, accepted, deferred or declined
    pub status: String,
    pub outcome_reason: Option<String>,
    pub deferred_to_meeting_id: Option<String>,
    /// The draft paper started when it was accepted.
    pub paper_id: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    /// The agenda item of another body that referred this here.
    pub referred_from_item_id: Option<String>,
    /// A key decision: the forward plan gives 28 clear days' notice of it.
    pub key_decision: bool,
    /// Confidential (a Schedule 12A paragraph): the public sees only this.
    pub exempt_category: Option<i32>,
}

pub fn insert(conn: &mut DbConn, p: &Proposal) -> QueryResult<()> {
    diesel::insert_into(proposals::table)
        .values(p)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Proposal>> {
    proposals::table
        .find(id)
        .select(Proposal::as_select())
        .first(conn)
        .optional()
}

/// Records a decision, if the proposal is still undecided.
pub fn decide(conn: &mut DbConn, p: &Proposal) -> QueryResult<bool> {
    let n = diesel::update(
        proposals::table
            .find(&p.id)
            .filter(proposals::status.eq("proposed")),
    )
    .set(p)
    .execute(conn)?;
    Ok(n == 1)
}

pub fn of_meeting(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<Proposal>> {
    proposals::table
        .filter(proposals::meeting_id.eq(meeting_id))
        .select(Proposal::as_select())
        .order(proposals::created_at)
        .load(conn)
}

pub fn of_proposer(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<Proposal>> {
    proposals::table
        .filter(proposals::proposer_user_id.eq(user_id))
        .select(Proposal::as_select())
        .order(proposals::created_at.desc())
        .load(conn)
}

/// Proposals that came from the given agenda items (referrals), with the
/// name of the body each went to.
pub fn referred_from(
    conn: &mut DbConn,
    item_ids: &[String],
) -> QueryResult<Vec<(Proposal, String)>> {
    use super::schema::{bodies, meetings};
    proposals::table
        .inner_join(meetings::table.on(meetings::id.eq(proposals::meeting_id)))
        .inner_join(bodies::table.on(bodies::id.eq(meetings::body_id)))
        .filter(proposals::referred_from_item_id.eq_any(item_ids))
        .select((Proposal::as_select(), bodies::name))
        .order(proposals::created_at)
        .load(conn)
}
