//! Registers of interests: each person keeps theirs (employment, contracts,
//! land, memberships, and gifts and hospitality over their organisation's
//! threshold), with the dates each began and ended. The register is
//! public on the person's profile where their organisation's policy says
//! so; otherwise it is for them, the secretariat of the bodies they sit
//! on, and administrators. Agendas warn of likely conflicts: a member's
//! registered interest naming the organisation presenting an item, or a
//! partner consulted on its paper.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use utoipa::ToSchema;

use super::Actor;
use crate::db::interests;
pub use crate::db::interests::{Interest, InterestPolicy};
use crate::db::users::User;
use crate::db::{DbConn, memberships, organisations, users};
use crate::domain::interests::{Kind, conflicts, parse_pounds, pounds};
use crate::domain::roles::{Grants, Role};
use crate::domain::validate::Problems;
use crate::error::{AppError, AppResult};

/// An interest as a person registers it.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct InterestInput {
    /// employment, contracts, land, memberships or gifts
    #[schema(pattern = "^(employment|contracts|land|memberships|gifts)$")]
    pub kind: Option<String>,
    /// What it is: the employer and role, the contract, the land, the body,
    /// or the gift and who gave it.
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// The organisation in Quorate it names, if any (an employer, a party
    /// to a contract, a body, a giver): agendas then warn of conflicts.
    pub organisation_id: Option<String>,
    /// Gifts and hospitality: the value in pounds, like 75 or 75.50.
    pub value: Option<String>,
    /// YYYY-MM-DD
    pub starts_on: Option<String>,
    /// YYYY-MM-DD; empty while it lasts.
    pub ends_on: Option<String>,
}

/// A person's register as one reader may see it.
#[derive(Clone, Debug)]
pub struct Register {
    pub user: User,
    pub organisation: String,
    pub policy: InterestPolicy,
    /// Interests, newest first, with the names of the organisations named.
    pub interests: Vec<(Interest, String)>,
    /// The reader may add to it and change it (themself, or an admin).
    pub may_change: bool,
    /// The bodies they sit on: (slug, name, role words).
    pub bodies: Vec<(String, String, String)>,
    /// Organisations an interest may name: (id, name).
    pub organisations: Vec<(String, String)>,
}

/// Does the person sit at the table of some body (their profile is public)?
fn sits_somewhere(conn: &mut DbConn, user_id: &str) -> AppResult<Vec<(String, String, String)>> {
    Ok(memberships::roles_of(conn, user_id)?
        .into_iter()
        .filter_map(|(_, slug, name, role)| {
            let r = Role::parse(&role)?;
            r.sits_at_the_table()
                .then(|| (slug, name, r.label().to_string()))
        })
        .collect())
}

/// May the reader see this person's register? Themself, administrators,
/// the secretariat of a body they belong to; anyone where their
/// organisation publishes registers and they sit at a body's table.
fn may_read(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    viewer: Option<&str>,
    user: &User,
    policy: &InterestPolicy,
    sits: bool,
) -> AppResult<bool> {
    if viewer == Some(user.id.as_str()) || grants.is_some_and(|g| g.is_admin) {
        return Ok(true);
    }
    if policy.publish && sits {
        return Ok(true);
    }
    let Some(g) = grants else {
        return Ok(false);
    };
    Ok(memberships::roles_of(conn, &user.id)?
        .iter()
        .any(|(body_id, _, _, _)| g.can_manage_body(body_id)))
}

fn may_change(grants: Option<&Grants>, viewer: Option<&str>, user_id: &str) -> bool {
    viewer == Some(user_id) || grants.is_some_and(|g| g.is_admin)
}

/// A person's register for a reader: 404 when there is no such person or
/// the reader may not see it.
pub fn register(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    viewer: Option<&str>,
    user_id: &str,
) -> AppResult<Register> {
    let user = users::find(conn, user_id)?.ok_or(AppError::NotFound)?;
    let policy = interests::policy_of(conn, &user.organisation_id)?;
    let bodies = sits_somewhere(conn, &user.id)?;
    if !may_read(conn, grants, viewer, &user, &policy, !bodies.is_empty())? {
        return Err(AppError::NotFound);
    }
    let names = organisations::names(conn)?;
    let list = interests::of_user(conn, &user.id)?
        .into_iter()
        .map(|i| {
            let named = i
                .organisation_id
                .as_ref()
                .and_then(|o| names.get(o).cloned())
                .unwrap_or_default();
            (i, named)
        })
        .collect();
    let organisation = names
        .get(&user.organisation_id)
        .cloned()
        .unwrap_or_default();
    let mut orgs: Vec<(String, String)> = names.into_iter().collect();
    orgs.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(Register {
        may_change: may_change(grants, viewer, &user.id),
        user,
        organisation,
        policy,
        interests: list,
        bodies,
        organisations: orgs,
    })
}

fn date(
    p: &mut Problems,
    field: &str,
    what: &str,
    s: Option<&str>,
    required: bool,
) -> Option<NaiveDate> {
    let s = s.map(str::trim).unwrap_or("");
    if s.is_empty() {
        if required {
            p.add(
                field,
                "required",
                crate::i18n::say(&format!("{what}.required")),
            );
        }
        return None;
    }
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            p.add(
                field,
                "invalid",
                crate::i18n::say(&format!("{what}.invalid")),
            );
            None
        }
    }
}

/// Reads and checks an interest for `user`: every problem at once.
fn checked(
    conn: &mut DbConn,
    user: &User,
    input: &InterestInput,
    id: String,
    now: NaiveDateTime,
) -> AppResult<Interest> {
    let mut p = Problems::new();
    let kind = match input.kind.as_deref().map(str::trim).unwrap_or("") {
        "" => {
            p.add(
                "kind",
                "required",
                crate::i18n::say("err-interests-required"),
            );
            None
        }
        k => {
            let parsed = Kind::parse(k);
            if parsed.is_none() {
                p.add("kind", "invalid", crate::i18n::say("err-interests-invalid"));
            }
            parsed
        }
    };
    let description = p.line(
        "description",
        "field-interest-description",
        input.description.as_deref(),
        500,
    );
    let organisation_id = input
        .organisation_id
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(str::to_string);
    if let Some(o) = &organisation_id
        && organisations::find(conn, o)?.is_none()
    {
        p.add(
            "organisation_id",
            "unknown",
            crate::i18n::say("err-interests-unknown"),
        );
    }
    let value_text = input.value.as_deref().map(str::trim).unwrap_or("");
    let mut value_pence = None;
    if kind == Some(Kind::Gifts) {
        let threshold = interests::policy_of(conn, &user.organisation_id)?.gift_threshold_pence;
        match parse_pounds(value_text) {
            None if value_text.is_empty() => p.add(
                "value",
                "required",
                crate::i18n::say("err-interests-required-value"),
            ),
            None => p.add(
                "value",
                "invalid",
                crate::i18n::say("err-interests-invalid-value"),
            ),
            Some(v) if v < threshold => p.add(
                "value",
                "below_threshold",
                crate::i18n::say_args(
                    "err-interests-below-threshold",
                    &[("threshold", crate::i18n::Arg::Text(&pounds(threshold)))],
                ),
            ),
            Some(v) => value_pence = Some(v),
        }
    } else if !value_text.is_empty() {
        p.add(
            "value",
            "not_a_gift",
            crate::i18n::say("err-interests-not-a-gift"),
        );
    }
    let starts_on = date(
        &mut p,
        "starts_on",
        "field-interest-began",
        input.starts_on.as_deref(),
        true,
    );
    let ends_on = date(
        &mut p,
        "ends_on",
        "field-interest-ended",
        input.ends_on.as_deref(),
        false,
    );
    if let (Some(s), Some(e)) = (starts_on, ends_on)
        && e < s
    {
        p.add(
            "ends_on",
            "before_start",
            crate::i18n::say("err-interests-before-start"),
        );
    }
    p.finish()?;
    let (Some(kind), Some(starts_on)) = (kind, starts_on) else {
        return Err(AppError::internal("checked interest incomplete"));
    };
    Ok(Interest {
        id,
        user_id: user.id.clone(),
        kind: kind.as_str().to_string(),
        description,
        organisation_id,
        value_pence,
        starts_on,
        ends_on,
        created_at: now,
        updated_at: now,
    })
}

/// The person whose register is changed, if the reader may change it
/// (themself or an administrator; 404 otherwise).
fn changeable(conn: &mut DbConn, grants: &Grants, viewer: &str, user_id: &str) -> AppResult<User> {
    let user = users::find(conn, user_id)?.ok_or(AppError::NotFound)?;
    if !may_change(Some(grants), Some(viewer), &user.id) {
        return Err(if viewer == user.id {
            AppError::Forbidden
        } else {
            AppError::NotFound
        });
    }
    Ok(user)
}

/// Adds an interest to a person's register.
pub fn add(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    viewer: &str,
    user_id: &str,
    input: &InterestInput,
    now: NaiveDateTime,
) -> AppResult<Interest> {
    let user = changeable(conn, grants, viewer, user_id)?;
    let i = checked(conn, &user, input, crate::clock::new_id(), now)?;
    interests::insert(conn, &i)?;
    actor.audit(
        conn,
        now,
        "interest.add",
        "user",
        &user.id,
        format!("registered {}: {}", i.kind, i.description),
    )?;
    Ok(i)
}

/// Replaces an interest in a person's register (to end it, give `ends_on`).
#[allow(clippy::too_many_arguments)]
pub fn change(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    viewer: &str,
    user_id: &str,
    interest_id: &str,
    input: &InterestInput,
    now: NaiveDateTime,
) -> AppResult<Interest> {
    let user = changeable(conn, grants, viewer, user_id)?;
    let old = interests::find(conn, interest_id)?
        .filter(|i| i.user_id == user.id)
        .ok_or(AppError::NotFound)?;
    let mut i = checked(conn, &user, input, old.id.clone(), now)?;
    i.created_at = old.created_at;
    interests::save(conn, &i)?;
    actor.audit(
        conn,
        now,
        "interest.change",
        "user",
        &user.id,
        format!(
            "changed {} '{}' to {} '{}'",
            old.kind, old.description, i.kind, i.description
        ),
    )?;
    Ok(i)
}

/// Ends an interest on a day (it stays in the register, ended).
#[allow(clippy::too_many_arguments)]
pub fn end(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    viewer: &str,
    user_id: &str,
    interest_id: &str,
    ends_on: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<Interest> {
    let user = changeable(conn, grants, viewer, user_id)?;
    let old = interests::find(conn, interest_id)?
        .filter(|i| i.user_id == user.id)
        .ok_or(AppError::NotFound)?;
    let mut p = Problems::new();
    let day = date(&mut p, "ends_on", "field-interest-ended", ends_on, true);
    if let Some(d) = day
        && d < old.starts_on
    {
        p.add(
            "ends_on",
            "before_start",
            crate::i18n::say("err-interests-before-start"),
        );
    }
    p.finish()?;
    let ended = Interest {
        ends_on: day,
        updated_at: now,
        ..old
    };
    interests::save(conn, &ended)?;
    actor.audit(
        conn,
        now,
        "interest.end",
        "user",
        &user.id,
        format!("ended {} '{}'", ended.kind, ended.description),
    )?;
    Ok(ended)
}

/// Removes an interest registered in error (one that has ended is ended,
/// not removed: give it an end date).
pub fn remove(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    viewer: &str,
    user_id: &str,
    interest_id: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    let user = changeable(conn, grants, viewer, user_id)?;
    let old = interests::find(conn, interest_id)?
        .filter(|i| i.user_id == user.id)
        .ok_or(AppError::NotFound)?;
    interests::delete(conn, &old.id)?;
    actor.audit(
        conn,
        now,
        "interest.remove",
        "user",
        &user.id,
        format!("removed {} '{}'", old.kind, old.description),
    )
}

/// Sets an organisation's policy for its people's registers
/// (administrators).
pub fn set_policy(
    conn: &mut DbConn,
    actor: &Actor,
    grants: &Grants,
    organisation_id: &str,
    threshold: Option<&str>,
    publish: bool,
    now: NaiveDateTime,
) -> AppResult<InterestPolicy> {
    if !grants.is_admin {
        return Err(AppError::Forbidden);
    }
    organisations::find(conn, organisation_id)?.ok_or(AppError::NotFound)?;
    let mut p = Problems::new();
    let threshold = match parse_pounds(threshold.unwrap_or("")) {
        Some(v) => v,
        None => {
            p.add(
                "gift_threshold",
                "invalid",
                crate::i18n::say("err-interests-invalid-gift-threshold"),
            );
            0
        }
    };
    p.finish()?;
    let policy = InterestPolicy {
        organisation_id: organisation_id.to_string(),
        gift_threshold_pence: threshold,
        publish,
    };
    interests::set_policy(conn, &policy)?;
    actor.audit(
        conn,
        now,
        "interest.policy",
        "organisation",
        organisation_id,
        format!(
            "gifts from {} registered; registers {}",
            pounds(threshold),
            if publish {
                "published"
            } else {
                "not published"
            }
        ),
    )?;
    Ok(policy)
}

/// Every organisation's policy for registers (administrators): the
/// organisation with its threshold and whether it publishes.
pub fn policies(
    conn: &mut DbConn,
    grants: &Grants,
) -> AppResult<Vec<(organisations::Organisation, InterestPolicy)>> {
    if !grants.is_admin {
        return Err(AppError::Forbidden);
    }
    let set = interests::all_policies(conn)?;
    Ok(organisations::all_by_name(conn)?
        .into_iter()
        .map(|o| {
            let p = set.get(&o.id).cloned().unwrap_or_else(|| InterestPolicy {
                organisation_id: o.id.clone(),
                gift_threshold_pence: interests::DEFAULT_GIFT_THRESHOLD_PENCE,
                publish: false,
            });
            (o, p)
        })
        .collect())
}

/// A likely conflict on an agenda item: a member's registered interest
/// naming the organisation presenting it, or a partner consulted on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub item_id: String,
    pub user_id: String,
    /// The member's name.
    pub member: String,
    /// The organisation the interest names.
    pub organisation: String,
    pub kind: String,
    pub description: String,
}

/// What an item involves, for conflict warnings: (item id, presenting
/// organisation, consulted partners).
pub type ItemParties = (String, Option<String>, Vec<String>);

/// The likely conflicts on a meeting's items among the body's members
/// (those at its table), from registers as held on the meeting's day.
pub fn likely_conflicts(
    conn: &mut DbConn,
    body_id: &str,
    day: NaiveDate,
    items: &[ItemParties],
) -> AppResult<Vec<Conflict>> {
    let members: Vec<memberships::MemberRow> = memberships::members_of(conn, body_id)?
        .into_iter()
        .filter(|m| Role::parse(&m.role).is_some_and(Role::sits_at_the_table))
        .collect();
    let ids: Vec<String> = members.iter().map(|m| m.user_id.clone()).collect();
    let held: Vec<Interest> = interests::naming_organisations(conn, &ids)?
        .into_iter()
        .filter(|i| i.held_on(day))
        .collect();
    if held.is_empty() {
        return Ok(Vec::new());
    }
    let names = organisations::names(conn)?;
    let mut out = Vec::new();
    for (item_id, presenter, consulted) in items {
        for i in &held {
            let (Some(named), Some(m)) = (
                i.organisation_id.as_deref(),
                members.iter().find(|m| m.user_id == i.user_id),
            ) else {
                continue;
            };
            if conflicts(named, &m.organisation_id, presenter.as_deref(), consulted) {
                out.push(Conflict {
                    item_id: item_id.clone(),
                    user_id: m.user_id.clone(),
                    member: m.name.clone(),
                    organisation: names.get(named).cloned().unwrap_or_default(),
                    kind: i.kind.clone(),
                    description: i.description.clone(),
                });
            }
        }
    }
    Ok(out)
}

/// What each of a meeting's items involves: its paper's presenting
/// organisation and consulted partners, or a verbal item's organisation.
pub fn item_parties(conn: &mut DbConn, meeting_id: &str) -> AppResult<Vec<ItemParties>> {
    let mut out = Vec::new();
    for i in crate::db::agenda::items_of(conn, meeting_id)? {
        let paper = match &i.paper_id {
            Some(p) => crate::db::papers::find(conn, p)?,
            None => None,
        };
        out.push(match paper {
            Some(p) => (i.id, p.presenting_organisation_id.clone(), p.consulted()),
            None => (i.id, i.organisation_id, Vec::new()),
        });
    }
    Ok(out)
}

/// A member's side of a meeting: their likely conflicts, and what they
/// have declared already.
#[derive(Clone, Debug, Default)]
pub struct MyInterests {
    pub conflicts: Vec<Conflict>,
    /// (item id, interest declared)
    pub declared: Vec<(String, String)>,
}

/// The viewer's likely conflicts at a meeting of a body they sit on, and
/// their declarations so far.
pub fn mine_at(
    conn: &mut DbConn,
    user_id: &str,
    meeting: &crate::db::meetings::Meeting,
) -> AppResult<MyInterests> {
    let parties = item_parties(conn, &meeting.id)?;
    let day = crate::domain::timeline::london_date(meeting.starts_at.and_utc());
    let conflicts = likely_conflicts(conn, &meeting.body_id, day, &parties)?
        .into_iter()
        .filter(|c| c.user_id == user_id)
        .collect();
    let declared = crate::db::record::declarations_of(conn, &meeting.id)?
        .into_iter()
        .filter(|d| d.user_id == user_id)
        .map(|d| (d.item_id, d.interest))
        .collect();
    Ok(MyInterests {
        conflicts,
        declared,
    })
}
