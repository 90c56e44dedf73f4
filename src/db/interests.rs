//! Registers of interests, and each organisation's policy for them.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::DbConn;
use super::schema::{interest_policies, interests};

#[derive(Clone, Debug, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = interests)]
#[diesel(treat_none_as_null = true)]
pub struct Interest {
    pub id: String,
    pub user_id: String,
    /// employment, contracts, land, memberships or gifts
    pub kind: String,
    pub description: String,
    /// The organisation in Quorate it names, if any.
    pub organisation_id: Option<String>,
    /// Gifts and hospitality: the value, in pence.
    pub value_pence: Option<i32>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Interest {
    /// Held on `day`: begun, and not ended before it.
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.starts_on <= day && self.ends_on.is_none_or(|e| e >= day)
    }
}

/// A person's register, newest first.
pub fn of_user(conn: &mut DbConn, user_id: &str) -> QueryResult<Vec<Interest>> {
    interests::table
        .filter(interests::user_id.eq(user_id))
        .select(Interest::as_select())
        .order((interests::starts_on.desc(), interests::id))
        .load(conn)
}

/// The registers of these people, each interest naming an organisation.
pub fn naming_organisations(conn: &mut DbConn, user_ids: &[String]) -> QueryResult<Vec<Interest>> {
    interests::table
        .filter(interests::user_id.eq_any(user_ids))
        .filter(interests::organisation_id.is_not_null())
        .select(Interest::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Interest>> {
    interests::table
        .find(id)
        .select(Interest::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, i: &Interest) -> QueryResult<()> {
    diesel::insert_into(interests::table)
        .values(i)
        .execute(conn)
        .map(|_| ())
}

pub fn save(conn: &mut DbConn, i: &Interest) -> QueryResult<()> {
    diesel::update(interests::table.find(&i.id))
        .set(i)
        .execute(conn)
        .map(|_| ())
}

pub fn delete(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::delete(interests::table.find(id))
        .execute(conn)
        .map(|_| ())
}

/// An organisation's policy for its people's registers.
#[derive(Clone, Debug, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = interest_policies)]
pub struct InterestPolicy {
    pub organisation_id: String,
    /// Gifts and hospitality from this value are registered.
    pub gift_threshold_pence: i32,
    /// Registers are published on their people's public profiles.
    pub publish: bool,
}

/// £50, the usual threshold in councils' codes of conduct.
pub const DEFAULT_GIFT_THRESHOLD_PENCE: i32 = 5000;

/// The organisation's policy, or the defaults (a £50 threshold, registers
/// not published).
pub fn policy_of(conn: &mut DbConn, organisation_id: &str) -> QueryResult<InterestPolicy> {
    Ok(interest_policies::table
        .find(organisation_id)
        .select(InterestPolicy::as_select())
        .first(conn)
        .optional()?
        .unwrap_or_else(|| InterestPolicy {
            organisation_id: organisation_id.to_string(),
            gift_threshold_pence: DEFAULT_GIFT_THRESHOLD_PENCE,
            publish: false,
        }))
}

pub fn set_policy(conn: &mut DbConn, p: &InterestPolicy) -> QueryResult<()> {
    let n = diesel::update(interest_policies::table.find(&p.organisation_id))
        .set((
            interest_policies::gift_threshold_pence.eq(p.gift_threshold_pence),
            interest_policies::publish.eq(p.publish),
        ))
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(interest_policies::table)
            .values(p)
            .execute(conn)?;
    }
    Ok(())
}

/// Every organisation's policy that differs from the defaults, by
/// organisation.
pub fn all_policies(
    conn: &mut DbConn,
) -> QueryResult<std::collections::HashMap<String, InterestPolicy>> {
    Ok(interest_policies::table
        .select(InterestPolicy::as_select())
        .load(conn)?
        .into_iter()
        .map(|p| (p.organisation_id.clone(), p))
        .collect())
}
