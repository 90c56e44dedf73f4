//! What "what we achieved" needs of the store: each decision's actions
//! counted, and what each achieved decision was about.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use diesel::dsl::{count_star, max};
use diesel::prelude::*;

use super::DbConn;
use super::record::Decision;
use super::schema::{actions, agenda_items, decisions, papers, priorities};
use crate::domain::outcomes::ActionTally;

/// Each decision's actions counted (of these bodies), leaving out
/// decisions with any exempt action: those are not for a public list.
pub fn tallies(
    conn: &mut DbConn,
    body_ids: &[String],
) -> QueryResult<HashMap<String, ActionTally>> {
    let scoped = || {
        actions::table
            .filter(actions::decision_id.is_not_null())
            .filter(actions::body_id.eq_any(body_ids))
    };
    let all: Vec<(Option<String>, i64, Option<NaiveDate>)> = scoped()
        .group_by(actions::decision_id)
        .select((actions::decision_id, count_star(), max(actions::closed_on)))
        .load(conn)?;
    let done: HashMap<Option<String>, i64> = scoped()
        .filter(actions::status.eq("done"))
        .group_by(actions::decision_id)
        .select((actions::decision_id, count_star()))
        .load::<(Option<String>, i64)>(conn)?
        .into_iter()
        .collect();
    let exempt: HashSet<Option<String>> = scoped()
        .filter(actions::exempt.eq(true))
        .select(actions::decision_id)
        .distinct()
        .load(conn)?
        .into_iter()
        .collect();
    Ok(all
        .into_iter()
        .filter(|(id, _, _)| !exempt.contains(id))
        .filter_map(|(id, total, last_closed)| {
            let done = done.get(&id).copied().unwrap_or(0);
            id.map(|id| {
                (
                    id,
                    ActionTally {
                        total,
                        done,
                        last_closed,
                    },
                )
            })
        })
        .collect())
}

/// The public decisions among `ids` (not exempt, not withdrawn).
pub fn public_decisions(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<Decision>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            decisions::table
                .filter(decisions::id.eq_any(chunk))
                .filter(decisions::exempt.eq(false))
                .filter(decisions::withdrawn_at.is_null())
                .select(Decision::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

/// The title of the priority each item's paper served, by item id.
pub fn priorities_of_items(
    conn: &mut DbConn,
    item_ids: &[String],
) -> QueryResult<HashMap<String, String>> {
    let mut out = HashMap::new();
    for chunk in item_ids.chunks(500) {
        let items: Vec<(String, Option<String>)> = agenda_items::table
            .filter(agenda_items::id.eq_any(chunk))
            .select((agenda_items::id, agenda_items::paper_id))
            .load(conn)?;
        let paper_ids: Vec<String> = items.iter().filter_map(|(_, p)| p.clone()).collect();
        let served: HashMap<String, String> = papers::table
            .filter(papers::id.eq_any(&paper_ids))
            .filter(papers::priority_id.is_not_null())
            .select((papers::id, papers::priority_id.assume_not_null()))
            .load::<(String, String)>(conn)?
            .into_iter()
            .collect();
        let priority_ids: Vec<String> = served.values().cloned().collect();
        let titles: HashMap<String, String> = priorities::table
            .filter(priorities::id.eq_any(&priority_ids))
            .select((priorities::id, priorities::title))
            .load::<(String, String)>(conn)?
            .into_iter()
            .collect();
        for (item, paper) in items {
            if let Some(title) = paper
                .and_then(|p| served.get(&p))
                .and_then(|pr| titles.get(pr))
            {
                out.insert(item, title.clone());
            }
        }
    }
    Ok(out)
}

/// The organisations that owned each decision's actions, by decision id.
pub fn owner_organisations(
    conn: &mut DbConn,
    decision_ids: &[String],
) -> QueryResult<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for chunk in decision_ids.chunks(500) {
        let rows: Vec<(Option<String>, String)> = actions::table
            .filter(actions::decision_id.eq_any(chunk))
            .select((actions::decision_id, actions::owner_organisation_id))
            .distinct()
            .load(conn)?;
        for (d, org) in rows {
            if let Some(d) = d {
                out.entry(d).or_default().push(org);
            }
        }
    }
    Ok(out)
}
