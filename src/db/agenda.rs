//! A meeting's working agenda (its items), and its published versions.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::{agenda_items, agenda_versions, agendas, packs};
use crate::domain::frozen::Frozen;
use crate::error::{AppError, AppResult};

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = agendas)]
pub struct Agenda {
    pub meeting_id: String,
    /// Raised on every change to the working agenda (the `ETag`).
    pub version: i32,
    /// The latest published version number; 0 before the first.
    pub published_number: i32,
    pub updated_at: NaiveDateTime,
}

#[derive(Clone, Debug, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = agenda_items, treat_none_as_null = true)]
pub struct AgendaItem {
    pub id: String,
    pub meeting_id: String,
    pub kind: String,
    pub position: i32,
    pub title: String,
    pub item_type: Option<String>,
    pub paper_id: Option<String>,
    pub presenter_user_id: Option<String>,
    pub organisation_id: Option<String>,
    pub minutes_allocated: i32,
    pub verbal_reason: Option<String>,
    pub to_note: bool,
    pub exempt_category: Option<i32>,
    pub referred_from_item_id: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// In Wales, for a confidential verbal item: its public interest test.
    pub exempt_public_interest: String,
}

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = agenda_versions)]
pub struct AgendaVersion {
    pub id: String,
    pub meeting_id: String,
    pub number: i32,
    pub published_at: NaiveDateTime,
    pub published_by: String,
    pub late_reason: Option<String>,
    pub supplement_reason: Option<String>,
    /// JSON: the frozen agenda (`domain::frozen::Frozen`).
    pub snapshot: String,
}

pub fn find(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Option<Agenda>> {
    agendas::table
        .find(meeting_id)
        .select(Agenda::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, a: &Agenda) -> QueryResult<()> {
    diesel::insert_into(agendas::table)
        .values(a)
        .execute(conn)
        .map(|_| ())
}

/// Raises the working version. Returns false when it was no longer `expected`.
pub fn bump(
    conn: &mut DbConn,
    meeting_id: &str,
    expected: i32,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        agendas::table
            .find(meeting_id)
            .filter(agendas::version.eq(expected)),
    )
    .set((
        agendas::version.eq(expected + 1),
        agendas::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Claims the next published number: only one of two concurrent publishes
/// moves it from `from` to `from + 1`.
pub fn claim_number(conn: &mut DbConn, meeting_id: &str, from: i32) -> QueryResult<bool> {
    let n = diesel::update(
        agendas::table
            .find(meeting_id)
            .filter(agendas::published_number.eq(from)),
    )
    .set(agendas::published_number.eq(from + 1))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn items_of(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<AgendaItem>> {
    agenda_items::table
        .filter(agenda_items::meeting_id.eq(meeting_id))
        .select(AgendaItem::as_select())
        .order((agenda_items::position, agenda_items::id))
        .load(conn)
}

/// The items with these ids, by id.
pub fn items_by_id(
    conn: &mut DbConn,
    ids: &[String],
) -> QueryResult<std::collections::HashMap<String, AgendaItem>> {
    Ok(agenda_items::table
        .filter(agenda_items::id.eq_any(ids))
        .select(AgendaItem::as_select())
        .load::<AgendaItem>(conn)?
        .into_iter()
        .map(|i| (i.id.clone(), i))
        .collect())
}

pub fn find_item(conn: &mut DbConn, id: &str) -> QueryResult<Option<AgendaItem>> {
    agenda_items::table
        .find(id)
        .select(AgendaItem::as_select())
        .first(conn)
        .optional()
}

pub fn insert_item(conn: &mut DbConn, item: &AgendaItem) -> QueryResult<()> {
    diesel::insert_into(agenda_items::table)
        .values(item)
        .execute(conn)?;
    super::search::index_item(conn, &item.id)
}

pub fn save_item(conn: &mut DbConn, item: &AgendaItem) -> QueryResult<()> {
    diesel::update(agenda_items::table.find(&item.id))
        .set(item)
        .execute(conn)?;
    super::search::index_item(conn, &item.id)
}

/// Does anything recorded refer to this item (notes, declarations,
/// arrivals and departures, decisions, actions, or a referral from it)? Such an item cannot be
/// deleted.
pub fn item_in_use(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    use super::schema::{
        actions, attendance_moves, decisions, declarations, item_notes, proposals,
    };
    use diesel::dsl::{exists, select};
    let any = select(exists(decisions::table.filter(decisions::item_id.eq(id))))
        .get_result::<bool>(conn)?
        || select(exists(actions::table.filter(actions::item_id.eq(id)))).get_result(conn)?
        || select(exists(
            declarations::table.filter(declarations::item_id.eq(id)),
        ))
        .get_result(conn)?
        || select(exists(item_notes::table.filter(item_notes::item_id.eq(id)))).get_result(conn)?
        || select(exists(
            attendance_moves::table.filter(attendance_moves::item_id.eq(id)),
        ))
        .get_result(conn)?
        || select(exists(
            proposals::table.filter(proposals::referred_from_item_id.eq(id)),
        ))
        .get_result(conn)?
        || select(exists(
            agenda_items::table.filter(agenda_items::referred_from_item_id.eq(id)),
        ))
        .get_result(conn)?;
    Ok(any)
}

pub fn delete_item(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::delete(agenda_items::table.find(id)).execute(conn)?;
    super::search::remove(conn, crate::domain::search::Kind::Item, id)
}

pub fn set_position(conn: &mut DbConn, id: &str, position: i32) -> QueryResult<()> {
    diesel::update(agenda_items::table.find(id))
        .set(agenda_items::position.eq(position))
        .execute(conn)
        .map(|_| ())
}

pub fn insert_version(conn: &mut DbConn, v: &AgendaVersion) -> QueryResult<()> {
    diesel::insert_into(agenda_versions::table)
        .values(v)
        .execute(conn)?;
    // The items it publishes may now be found by the public.
    super::search::index_items_of(conn, &v.meeting_id)
}

/// When the meeting's latest agenda version was published, if ever.
pub fn latest_published_at(
    conn: &mut DbConn,
    meeting_id: &str,
) -> QueryResult<Option<NaiveDateTime>> {
    agenda_versions::table
        .filter(agenda_versions::meeting_id.eq(meeting_id))
        .select(diesel::dsl::max(agenda_versions::published_at))
        .first(conn)
}

pub fn version(
    conn: &mut DbConn,
    meeting_id: &str,
    number: i32,
) -> QueryResult<Option<AgendaVersion>> {
    agenda_versions::table
        .filter(agenda_versions::meeting_id.eq(meeting_id))
        .filter(agenda_versions::number.eq(number))
        .select(AgendaVersion::as_select())
        .first(conn)
        .optional()
}

pub fn find_version(conn: &mut DbConn, id: &str) -> QueryResult<Option<AgendaVersion>> {
    agenda_versions::table
        .find(id)
        .select(AgendaVersion::as_select())
        .first(conn)
        .optional()
}

/// A version without its snapshot: (number, published at, late reason, supplement reason).
pub type VersionSummary = (i32, NaiveDateTime, Option<String>, Option<String>);

/// Number and publication time of each version, oldest first (no snapshots).
pub fn version_list(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<VersionSummary>> {
    agenda_versions::table
        .filter(agenda_versions::meeting_id.eq(meeting_id))
        .select((
            agenda_versions::number,
            agenda_versions::published_at,
            agenda_versions::late_reason,
            agenda_versions::supplement_reason,
        ))
        .order(agenda_versions::number)
        .load(conn)
}

/// The newest published versions of the given meetings (for feeds).
pub fn versions_of_meetings(
    conn: &mut DbConn,
    meeting_ids: &[String],
) -> QueryResult<Vec<AgendaVersion>> {
    agenda_versions::table
        .filter(agenda_versions::meeting_id.eq_any(meeting_ids))
        .select(AgendaVersion::as_select())
        .order(agenda_versions::published_at.desc())
        .load(conn)
}

/// (version id, audience) pairs with no ready pack, among the newest
/// versions of meetings that start after `from`: packs for older meetings
/// are made when someone asks for them.
pub fn versions_without_pack(
    conn: &mut DbConn,
    from: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(String, String)>> {
    use super::schema::{bodies, meetings};
    let found: Vec<(String, bool)> = agenda_versions::table
        .inner_join(meetings::table.on(meetings::id.eq(agenda_versions::meeting_id)))
        .inner_join(bodies::table.on(bodies::id.eq(meetings::body_id)))
        .filter(meetings::starts_at.ge(from))
        .select((agenda_versions::id, bodies::bilingual))
        .order(agenda_versions::published_at.desc())
        .limit(limit)
        .load(conn)?;
    let ids: Vec<String> = found.iter().map(|(id, _)| id.clone()).collect();
    let ready: Vec<(String, String)> = packs::table
        .filter(packs::agenda_version_id.eq_any(&ids))
        .filter(packs::status.eq("ready"))
        .select((packs::agenda_version_id, packs::audience))
        .load(conn)?;
    // A bilingual body's packs are made in Welsh as well, at the same time.
    let languages = |bilingual: bool| -> &'static [&'static str] {
        if bilingual {
            &["members", "public", "members-cy", "public-cy"]
        } else {
            &["members", "public"]
        }
    };
    Ok(found
        .into_iter()
        .flat_map(|(id, bilingual)| {
            languages(bilingual)
                .iter()
                .map(move |a| (id.clone(), a.to_string()))
        })
        .filter(|pair| !ready.contains(pair))
        .collect())
}

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = packs)]
pub struct Pack {
    pub id: String,
    pub agenda_version_id: String,
    /// "members" or "public", with "-cy" for the Welsh packs
    pub audience: String,
    /// "ready" or "failed"
    pub status: String,
    pub attempts: i32,
    pub error: Option<String>,
    pub sha256: Option<String>,
    pub updated_at: NaiveDateTime,
}

pub fn pack(conn: &mut DbConn, version_id: &str, audience: &str) -> QueryResult<Option<Pack>> {
    packs::table
        .filter(packs::agenda_version_id.eq(version_id))
        .filter(packs::audience.eq(audience))
        .select(Pack::as_select())
        .first(conn)
        .optional()
}

pub fn packs_of_version(conn: &mut DbConn, version_id: &str) -> QueryResult<Vec<Pack>> {
    packs::table
        .filter(packs::agenda_version_id.eq(version_id))
        .select(Pack::as_select())
        .load(conn)
}

/// Records the outcome of making a pack (insert or update).
pub fn record_pack(conn: &mut DbConn, p: &Pack) -> QueryResult<()> {
    let n = diesel::update(
        packs::table
            .filter(packs::agenda_version_id.eq(&p.agenda_version_id))
            .filter(packs::audience.eq(&p.audience)),
    )
    .set((
        packs::status.eq(&p.status),
        packs::attempts.eq(packs::attempts + 1),
        packs::error.eq(&p.error),
        packs::sha256.eq(&p.sha256),
        packs::updated_at.eq(p.updated_at),
    ))
    .execute(conn)?;
    if n == 0 {
        diesel::insert_into(packs::table).values(p).execute(conn)?;
    }
    Ok(())
}

/// Latest published number of each of the given meetings that has one.
pub fn published_numbers(
    conn: &mut DbConn,
    meeting_ids: &[String],
) -> QueryResult<std::collections::HashMap<String, i32>> {
    let rows: Vec<(String, i32)> = agendas::table
        .filter(agendas::meeting_id.eq_any(meeting_ids))
        .filter(agendas::published_number.gt(0))
        .select((agendas::meeting_id, agendas::published_number))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The frozen agenda a version holds.
pub fn parse_snapshot(v: &AgendaVersion) -> AppResult<Frozen> {
    serde_json::from_str(&v.snapshot)
        .map_err(|e| AppError::internal(format!("agenda version {} unreadable: {e}", v.id)))
}
