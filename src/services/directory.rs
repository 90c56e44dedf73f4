//! Organisations, bodies, memberships and priorities.

use chrono::NaiveDateTime;
use serde::Deserialize;
use utoipa::ToSchema;

use super::Actor;
use crate::db::bodies;
pub use crate::db::bodies::Body;
use crate::db::memberships::{self, MemberRow, Membership};
use crate::db::organisations;
pub use crate::db::organisations::Organisation;
use crate::db::priorities::{self, Priority};
use crate::db::{DbConn, users};
use crate::domain::bodies::{BodyKind, check_new_priority, parent_creates_cycle};
use crate::domain::policy::{Policy, PolicyInput};
use crate::domain::roles::Role;
use crate::domain::validate::{MAX_NAME_CHARS, Problems};
use crate::error::{AppError, AppResult};

pub const MAX_SHORT_NAME_CHARS: usize = 30;

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct NewOrganisation {
    #[schema(max_length = 200)]
    pub name: Option<String>,
    #[schema(max_length = 30)]
    pub short_name: Option<String>,
}

pub fn create_organisation(
    conn: &mut DbConn,
    actor: &Actor,
    input: &NewOrganisation,
    now: NaiveDateTime,
) -> AppResult<Organisation> {
    super::administering(conn, actor)?;
    let mut p = Problems::new();
    let name = p.line(
        "name",
        "field-organisation-name",
        input.name.as_deref(),
        MAX_NAME_CHARS,
    );
    let short_name = p.line(
        "short_name",
        "field-short-name",
        input.short_name.as_deref(),
        MAX_SHORT_NAME_CHARS,
    );
    p.finish()?;
    if organisations::find_by_name(conn, &name)?.is_some() {
        return Err(AppError::conflict(
            "name",
            crate::i18n::say("err-directory-bad-request"),
        ));
    }
    let org = Organisation {
        id: crate::clock::new_id(),
        name_key: organisations::name_key(&name),
        name,
        short_name,
        created_at: now,
    };
    organisations::insert(conn, &org)?;
    actor.audit(
        conn,
        now,
        "organisation.create",
        "organisation",
        &org.id,
        format!("created organisation {} ({})", org.name, org.short_name),
    )?;
    Ok(org)
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct NewBody {
    #[schema(max_length = 200)]
    pub name: Option<String>,
    /// Lower-case letters, digits and hyphens, 2 to 40 characters
    #[schema(pattern = "^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$")]
    pub slug: Option<String>,
    /// board, forum, theme_group or partnership
    #[schema(pattern = "^(board|forum|theme_group|partnership)$")]
    pub kind: Option<String>,
    pub parent_slug: Option<String>,
    pub policy: Option<PolicyInput>,
}

pub fn create_body(
    conn: &mut DbConn,
    actor: &Actor,
    input: &NewBody,
    now: NaiveDateTime,
) -> AppResult<Body> {
    super::administering(conn, actor)?;
    let mut p = Problems::new();
    let name = p.line(
        "name",
        "field-body-name",
        input.name.as_deref(),
        MAX_NAME_CHARS,
    );
    let slug = p.slug("slug", input.slug.as_deref());
    let kind = match input
        .kind
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        None => {
            p.add(
                "kind",
                "required",
                crate::i18n::say("err-directory-required"),
            );
            None
        }
        Some(k) => {
            let kind = BodyKind::parse(k);
            if kind.is_none() {
                p.add("kind", "invalid", crate::i18n::say("err-directory-invalid"));
            }
            kind
        }
    };
    let parent = match input
        .parent_slug
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(ps) => {
            let found = bodies::find_by_slug(conn, ps)?;
            if found.is_none() {
                p.add(
                    "parent_slug",
                    "unknown",
                    crate::i18n::say("err-directory-unknown"),
                );
            }
            found
        }
    };
    let policy = input
        .policy
        .as_ref()
        .map(|pi| pi.apply(&Policy::default(), &mut p))
        .unwrap_or_default();
    p.finish()?;
    if bodies::find_by_slug(conn, &slug)?.is_some() {
        return Err(AppError::conflict(
            "slug",
            crate::i18n::say("err-directory-bad-request-slug"),
        ));
    }
    let kind = kind.ok_or(AppError::NotFound)?;
    let body = Body::new(
        crate::clock::new_id(),
        name,
        slug,
        kind.as_str(),
        parent.as_ref().map(|b| b.id.clone()),
        &policy,
        now,
    );
    bodies::insert(conn, &body)?;
    actor.audit(
        conn,
        now,
        "body.create",
        "body",
        &body.id,
        format!(
            "created {} '{}' ({}){}",
            kind.as_str().replace('_', " "),
            body.name,
            body.slug,
            parent
                .map(|b| format!(", reporting to {}", b.name))
                .unwrap_or_default()
        ),
    )?;
    Ok(body)
}

/// Ancestors of a body, nearest first (guards against loops in the data).
pub fn ancestors(conn: &mut DbConn, body: &Body) -> AppResult<Vec<Body>> {
    let mut out: Vec<Body> = Vec::new();
    let mut next = body.parent_id.clone();
    while let Some(id) = next {
        if out.iter().any(|b| b.id == id) || out.len() > 32 {
            break;
        }
        match bodies::find(conn, &id)? {
            Some(b) => {
                next = b.parent_id.clone();
                out.push(b);
            }
            None => break,
        }
    }
    Ok(out)
}

/// Changes a body's parent; refuses a loop.
pub fn check_parent(conn: &mut DbConn, body: &Body, parent: &Body) -> AppResult<()> {
    let ids: Vec<String> = ancestors(conn, parent)?.into_iter().map(|b| b.id).collect();
    if parent_creates_cycle(&body.id, &parent.id, &ids) {
        let mut p = Problems::new();
        p.add(
            "parent_slug",
            "cycle",
            crate::i18n::say("err-directory-cycle"),
        );
        p.finish()?;
    }
    Ok(())
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct MembershipInput {
    /// chair, vice_chair, member, substitute, secretariat, officer or observer
    pub role: Option<String>,
    /// For a substitute: the member they stand in for.
    pub substitute_for: Option<String>,
}

/// Adds a person to a body, or changes their role. Returns the membership
/// and whether it is new.
pub fn put_membership(
    conn: &mut DbConn,
    actor: &Actor,
    body: &Body,
    user_id: &str,
    input: &MembershipInput,
    now: NaiveDateTime,
) -> AppResult<(Membership, bool)> {
    let user = users::find(conn, user_id)?.ok_or(AppError::NotFound)?;
    let mut p = Problems::new();
    let role = match input
        .role
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        None => {
            p.add(
                "role",
                "required",
                crate::i18n::say("err-directory-required-role"),
            );
            None
        }
        Some(r) => {
            let role = Role::parse(r);
            if role.is_none() {
                p.add(
                    "role",
                    "invalid",
                    crate::i18n::say("err-directory-invalid-role"),
                );
            }
            role
        }
    };
    let substitute_for = input
        .substitute_for
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    match (role, substitute_for) {
        (Some(r), None) if r.stands_in() => p.add(
            "substitute_for",
            "required",
            crate::i18n::say(if r == Role::DesignatedSubstitute {
                "err-directory-designated-for"
            } else {
                "err-directory-substitute-for"
            }),
        ),
        (Some(r), Some(sf)) if r.stands_in() => {
            let stands_for = memberships::find(conn, &body.id, sf)?;
            let ok = stands_for
                .as_ref()
                .and_then(|m| Role::parse(&m.role))
                .is_some_and(|other| r.may_stand_in_for(other));
            if sf == user_id || !ok {
                p.add(
                    "substitute_for",
                    "invalid",
                    if r == Role::DesignatedSubstitute {
                        "A designated substitute must stand in for a statutory member (or the chair or vice-chair) of this body."
                    } else {
                        "A substitute must stand in for another member, the chair or the vice-chair of this body."
                    },
                );
            }
        }
        (Some(_), Some(_)) => p.add(
            "substitute_for",
            "not_allowed",
            crate::i18n::say("err-directory-not-allowed"),
        ),
        _ => {}
    }
    p.finish()?;
    let role = role.ok_or(AppError::NotFound)?;
    let existing = memberships::find(conn, &body.id, user_id)?;
    let (membership, created) = match existing {
        Some(m) => {
            memberships::update_role(conn, &m.id, role.as_str(), substitute_for, now)?;
            (
                memberships::find(conn, &body.id, user_id)?.ok_or(AppError::NotFound)?,
                false,
            )
        }
        None => {
            let m = Membership {
                id: crate::clock::new_id(),
                body_id: body.id.clone(),
                user_id: user_id.to_string(),
                role: role.as_str().to_string(),
                substitute_for_user_id: substitute_for.map(str::to_string),
                created_at: now,
                updated_at: now,
            };
            memberships::insert(conn, &m)?;
            (m, true)
        }
    };
    actor.audit(
        conn,
        now,
        if created {
            "membership.create"
        } else {
            "membership.update"
        },
        "body",
        &body.id,
        format!(
            "{} is now {} of {}",
            user.name,
            role.as_str().replace('_', " "),
            body.name
        ),
    )?;
    Ok((membership, created))
}

pub fn remove_membership(
    conn: &mut DbConn,
    actor: &Actor,
    body: &Body,
    user_id: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    let m = memberships::find(conn, &body.id, user_id)?.ok_or(AppError::NotFound)?;
    let user = users::find(conn, user_id)?.ok_or(AppError::NotFound)?;
    memberships::delete(conn, &m)?;
    actor.audit(
        conn,
        now,
        "membership.remove",
        "body",
        &body.id,
        format!("{} removed from {}", user.name, body.name),
    )
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct NewPriority {
    pub title: Option<String>,
}

pub fn add_priority(
    conn: &mut DbConn,
    actor: &Actor,
    body: &Body,
    input: &NewPriority,
    now: NaiveDateTime,
) -> AppResult<Priority> {
    let mut p = Problems::new();
    let title = p.line(
        "title",
        "field-priority-title",
        input.title.as_deref(),
        MAX_NAME_CHARS,
    );
    let active = priorities::active_of(conn, &body.id)?;
    if let Err(e) = check_new_priority(active.len()) {
        p.add(&e.field, &e.code, e.message);
    }
    if !title.is_empty() && active.iter().any(|a| a.title.eq_ignore_ascii_case(&title)) {
        p.add(
            "title",
            "duplicate",
            crate::i18n::say("err-directory-duplicate"),
        );
    }
    p.finish()?;
    let priority = Priority {
        id: crate::clock::new_id(),
        body_id: body.id.clone(),
        title,
        active: true,
        created_at: now,
        retired_at: None,
    };
    priorities::insert(conn, &priority)?;
    actor.audit(
        conn,
        now,
        "priority.create",
        "body",
        &body.id,
        format!("priority '{}' added", priority.title),
    )?;
    Ok(priority)
}

pub fn retire_priority(
    conn: &mut DbConn,
    actor: &Actor,
    body: &Body,
    priority_id: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    let p = priorities::find(conn, priority_id)?
        .filter(|p| p.body_id == body.id && p.active)
        .ok_or(AppError::NotFound)?;
    priorities::retire(conn, &p.id, now)?;
    actor.audit(
        conn,
        now,
        "priority.retire",
        "body",
        &body.id,
        format!("priority '{}' retired", p.title),
    )
}

/// Everything the body page and `GET /bodies/{slug}` show.
pub struct BodyDetail {
    pub body: Body,
    pub parent: Option<Body>,
    pub children: Vec<Body>,
    pub priorities: Vec<Priority>,
    pub members: Vec<MemberRow>,
    /// Why the body's meetings can never be quorate under its rules, if so.
    pub quorum_warning: Option<String>,
}

pub fn body_detail(conn: &mut DbConn, slug: &str) -> AppResult<BodyDetail> {
    let body = bodies::find_by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
    let parent = match &body.parent_id {
        Some(id) => bodies::find(conn, id)?,
        None => None,
    };
    let children = bodies::children(conn, &body.id)?;
    let priorities = priorities::active_of(conn, &body.id)?;
    let mut members = memberships::members_of(conn, &body.id)?;
    members.sort_by(|a, b| {
        let rank = |m: &MemberRow| Role::parse(&m.role).map(Role::rank).unwrap_or(9);
        (rank(a), &a.organisation, &a.name).cmp(&(rank(b), &b.organisation, &b.name))
    });
    let quorum_warning = super::record::quorum_warning(&body, &members);
    Ok(BodyDetail {
        body,
        parent,
        children,
        priorities,
        members,
        quorum_warning,
    })
}

/// Display names for lists: people, organisations and bodies by id.
pub struct Names {
    pub people: std::collections::HashMap<String, String>,
    pub orgs: std::collections::HashMap<String, String>,
    pub bodies: std::collections::HashMap<String, String>,
    /// Every body, for filters.
    pub body_list: Vec<Body>,
}

pub fn names(conn: &mut DbConn) -> AppResult<Names> {
    let people = users::names(conn)?;
    let orgs = organisations::names(conn)?;
    let body_list = bodies::all(conn)?;
    let bodies = body_list
        .iter()
        .map(|b| (b.id.clone(), b.name.clone()))
        .collect();
    Ok(Names {
        people,
        orgs,
        bodies,
        body_list,
    })
}

/// A body by its slug; 404 when there is none.
pub fn body(conn: &mut DbConn, slug: &str) -> AppResult<Body> {
    bodies::find_by_slug(conn, slug)?.ok_or(AppError::NotFound)
}

/// A body its secretariat (or an administrator) is working on; 404 when
/// there is none, 403 for anyone else.
pub fn managed_body(
    conn: &mut DbConn,
    grants: &crate::domain::roles::Grants,
    slug: &str,
) -> AppResult<Body> {
    let b = body(conn, slug)?;
    if !grants.can_manage_body(&b.id) {
        return Err(AppError::Forbidden);
    }
    Ok(b)
}

/// Every organisation, by name.
pub fn organisations(conn: &mut DbConn) -> AppResult<Vec<Organisation>> {
    Ok(organisations::all_by_name(conn)?)
}

/// Every body.
pub fn bodies(conn: &mut DbConn) -> AppResult<Vec<Body>> {
    Ok(bodies::all(conn)?)
}

/// Everyone, each with their organisation's name (and email): for site
/// administrators only.
pub fn people(
    conn: &mut DbConn,
    grants: &crate::domain::roles::Grants,
) -> AppResult<Vec<(users::User, String)>> {
    super::administrator(grants)?;
    Ok(users::all_with_organisation(conn)?)
}

/// The bodies a person is secretariat of: (slug, name); the admin area's
/// front page, for site administrators and secretariats only.
pub fn managed_by(
    conn: &mut DbConn,
    grants: &crate::domain::roles::Grants,
    user_id: &str,
) -> AppResult<Vec<(String, String)>> {
    if !grants.manages_any_body() {
        return Err(AppError::Forbidden);
    }
    Ok(memberships::roles_of(conn, user_id)?
        .into_iter()
        .filter(|(_, _, _, r)| Role::parse(r).is_some_and(Role::manages_body))
        .map(|(_, slug, name, _)| (slug, name))
        .collect())
}

/// A body's admin page: its details, everyone who could be made a member
/// (each with their organisation's name), and its next meetings.
pub struct BodyAdmin {
    pub detail: BodyDetail,
    pub people: Vec<(users::User, String)>,
    pub upcoming: Vec<crate::db::meetings::Meeting>,
}

/// For the body's secretariat (or an administrator) only.
pub fn body_admin(
    conn: &mut DbConn,
    grants: &crate::domain::roles::Grants,
    slug: &str,
    now: NaiveDateTime,
) -> AppResult<BodyAdmin> {
    let d = body_detail(conn, slug)?;
    if !grants.can_manage_body(&d.body.id) {
        return Err(AppError::Forbidden);
    }
    let upcoming = crate::db::meetings::upcoming_of(conn, &d.body.id, now, 20)?;
    Ok(BodyAdmin {
        people: users::all_with_organisation(conn)?,
        detail: d,
        upcoming,
    })
}

/// A page of organisations by id, after `cursor`.
pub fn organisations_page(
    conn: &mut DbConn,
    cursor: Option<&str>,
    limit: i64,
) -> AppResult<Vec<Organisation>> {
    Ok(organisations::page(conn, cursor, limit)?)
}
