//! Admin pages: organisations, people and bodies (site admins); members
//! and priorities of a body (its secretariat too).

use crate::web::extract::{CsrfForm, SignedIn};
use crate::web::routes::Routes;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use serde::Deserialize;

use super::bodies::body_tree;
use crate::domain::bodies::{BodyKind, MAX_ACTIVE_PRIORITIES};
use crate::domain::format::london_datetime;
use crate::domain::roles::Role;
use crate::error::{AppError, FieldError};
use crate::services::accounts::{self, InviteContext, NewUser};
use crate::services::directory::{self, MembershipInput, NewBody, NewOrganisation, NewPriority};
use crate::state::AppState;
use crate::views::Errors;
use crate::views::admin::{
    AdminBodiesPage, AdminBodyPage, AdminIndexPage, AdminMember, AdminOrganisationsPage,
    AdminUsersPage,
};
use crate::views::meetings::MeetingTyped;
use crate::web::auth::{AuthUser, Viewer};
use crate::web::respond::{PageResult, form_nav, html, nav, require_user, see_other};

pub fn configure(r: &mut Routes<'_>) {
    r.get("/admin", index)
        .get("/admin/audit", audit_page)
        .get("/admin/audit.csv", audit_csv)
        .get("/admin/organisations", organisations_page)
        .post("/admin/organisations", create_organisation)
        .post("/admin/organisations/{id}/interest-policy", interest_policy)
        .get("/admin/users", users_page)
        .post("/admin/users", create_user)
        .get("/admin/bodies", bodies_page)
        .post("/admin/bodies", create_body)
        .get("/admin/bodies/{slug}", body_page)
        .post("/admin/bodies/{slug}/members", save_member)
        .post(
            "/admin/bodies/{slug}/members/{user_id}/remove",
            remove_member,
        )
        .post("/admin/bodies/{slug}/priorities", add_priority)
        .post(
            "/admin/bodies/{slug}/priorities/{id}/retire",
            retire_priority,
        );
}

/// The audit filters in the address (every one optional).
fn audit_query(req: &HttpRequest) -> crate::services::audit::AuditQuery {
    web::Query::from_query(req.query_string())
        .map(web::Query::into_inner)
        .unwrap_or_default()
}

/// The audit log viewer (site admins): filters in the address, so a view
/// can be bookmarked or shared with another admin.
async fn audit_page(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    use crate::services::audit::{AuditQuery, page};
    let user = admin_only(&req, viewer)?;
    let q = audit_query(&req);
    let grants = user.grants.clone();
    let asked = q.clone();
    let mut found = state.db(move |c| page(c, &grants, &asked, 100)).await?;
    let errors = std::mem::take(&mut found.problems);
    let next = found.next_cursor.as_ref().map(|c| {
        AuditQuery {
            cursor: c.clone(),
            ..q.clone()
        }
        .query_string()
    });
    let (nav, status) = form_nav(&req, Some(&user), &errors);
    let page = crate::views::admin::AdminAuditPage {
        nav,
        errors: Errors(errors),
        people: found
            .people
            .into_iter()
            .map(|(id, name, email)| (id, format!("{name} ({email})")))
            .collect(),
        bodies: found.bodies,
        entity_types: found
            .entity_types
            .into_iter()
            .map(|t| (t.clone(), t))
            .collect(),
        rows: found
            .entries
            .into_iter()
            .map(|e| crate::views::admin::AuditRow {
                when: crate::domain::format::london_datetime(e.occurred_at),
                who: e.actor,
                action: e.action,
                record: format!("{} {}", e.entity_type, e.entity_id),
                summary: e.summary,
                address: e.client_addr.unwrap_or_default(),
            })
            .collect(),
        query: AuditQuery {
            cursor: String::new(),
            ..q.clone()
        }
        .query_string(),
        next,
        filters: q,
    };
    html(status, &page)
}

/// The matching entries as CSV (RFC 4180, UTF-8, a header row; cells that
/// a spreadsheet would run as formulas are neutralised).
async fn audit_csv(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
) -> Result<actix_web::HttpResponse, crate::web::respond::PageError> {
    let user = admin_only(&req, viewer)?;
    let q = audit_query(&req);
    let grants = user.grants.clone();
    let entries = state
        .db(move |c| crate::services::audit::all(c, &grants, &q))
        .await?;
    let header = [
        "occurred_at",
        "actor",
        "actor_user_id",
        "action",
        "entity_type",
        "entity_id",
        "summary",
        "client_addr",
    ]
    .map(String::from);
    let rows = entries.into_iter().map(|e| {
        [
            crate::web::api::rfc3339(e.occurred_at),
            e.actor,
            e.actor_user_id.unwrap_or_default(),
            e.action,
            e.entity_type,
            e.entity_id,
            e.summary,
            e.client_addr.unwrap_or_default(),
        ]
    });
    let bytes = crate::render::csv_cells::document(std::iter::once(header).chain(rows))?;
    let mut res = crate::web::respond::csv("audit-log.csv", bytes);
    res.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}

fn admin_only(
    req: &HttpRequest,
    viewer: Viewer,
) -> Result<AuthUser, crate::web::respond::PageError> {
    let user = require_user(req, viewer)?;
    crate::services::administrator(&user.grants)?;
    Ok(user)
}

async fn index(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let user = require_user(&req, viewer)?;
    let uid = user.user.id.clone();
    let is_admin = user.user.is_admin;
    let grants = user.grants.clone();
    let (managed, recent) = state
        .db(move |c| {
            Ok((
                directory::managed_by(c, &grants, &uid)?,
                crate::services::audit::recent(c, &grants, 25)?,
            ))
        })
        .await?;
    html(
        StatusCode::OK,
        &AdminIndexPage {
            nav: nav(&req, Some(&user)),
            is_admin,
            managed,
            audit: recent
                .into_iter()
                .map(|a| (london_datetime(a.occurred_at), a.actor, a.summary))
                .collect(),
        },
    )
}

#[derive(Default, Deserialize)]
struct OrgForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    short_name: String,
}

/// The organisations page; `typed_policy` is a policy form as typed after
/// an error: (organisation id, threshold, publish).
async fn render_organisations(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    form: OrgForm,
    errors: Vec<FieldError>,
    typed_policy: Option<(String, String, bool)>,
) -> PageResult {
    let grants = user.grants.clone();
    let orgs = state
        .db(move |c| crate::services::interests::policies(c, &grants))
        .await?;
    let (nav, status) = form_nav(req, Some(user), &errors);
    html(
        status,
        &AdminOrganisationsPage {
            nav,
            errors: Errors(errors),
            organisations: orgs
                .into_iter()
                .map(|(o, p)| {
                    let typed = typed_policy.as_ref().filter(|(id, _, _)| *id == o.id);
                    crate::views::admin::OrgRow {
                        threshold: typed.map(|t| t.1.clone()).unwrap_or_else(|| {
                            crate::domain::interests::pounds(p.gift_threshold_pence)
                                .trim_start_matches('£')
                                .to_string()
                        }),
                        publish: typed.map(|t| t.2).unwrap_or(p.publish),
                        id: o.id,
                        name: o.name,
                        short_name: o.short_name,
                    }
                })
                .collect(),
            typed_name: form.name,
            short_name: form.short_name,
        },
    )
}

async fn organisations_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
) -> PageResult {
    let user = admin_only(&req, viewer)?;
    render_organisations(&state, &req, &user, OrgForm::default(), Vec::new(), None).await
}

#[derive(Default, Deserialize)]
struct InterestPolicyForm {
    #[serde(default)]
    gift_threshold: String,
    /// "yes" when ticked.
    #[serde(default)]
    publish: String,
}

/// An organisation's policy for its people's registers of interests.
async fn interest_policy(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<InterestPolicyForm>,
) -> PageResult {
    let user = admin_only(&req, viewer)?;
    let id = path.into_inner();
    let actor = user.actor(&req);
    let grants = user.grants.clone();
    let now = state.clock.now_naive();
    let (org, threshold, publish) = (
        id.clone(),
        form.gift_threshold.clone(),
        form.publish == "yes",
    );
    let errors = crate::web::respond::field_errors(
        state
            .tx(move |c| {
                crate::services::interests::set_policy(
                    c,
                    &actor,
                    &grants,
                    &org,
                    Some(&threshold),
                    publish,
                    now,
                )
                .map(|_| ())
            })
            .await,
    )?;
    if errors.is_empty() {
        return Ok(see_other(
            "/admin/organisations?notice=interest-policy-saved",
        ));
    }
    let errors = crate::web::respond::rekey(errors, |_| format!("threshold-{id}"));
    render_organisations(
        &state,
        &req,
        &user,
        OrgForm::default(),
        errors,
        Some((id, form.gift_threshold, form.publish == "yes")),
    )
    .await
}

async fn create_organisation(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> PageResult {
    let user = admin_only(&req, viewer)?;
    let input = NewOrganisation {
        name: Some(form.name.clone()),
        short_name: Some(form.short_name.clone()),
    };
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let errors = crate::web::respond::field_errors(
        state
            .tx(move |c| directory::create_organisation(c, &actor, &input, now).map(|_| ()))
            .await,
    )?;
    if errors.is_empty() {
        return Ok(see_other("/admin/organisations?notice=organisation-added"));
    }
    render_organisations(&state, &req, &user, form, errors, None).await
}

#[derive(Default, Deserialize)]
struct UserForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    is_admin: Option<String>,
}

async fn render_users(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    form: UserForm,
    errors: Vec<FieldError>,
) -> PageResult {
    let grants = user.grants.clone();
    let (all, orgs) = state
        .db(move |c| Ok((directory::people(c, &grants)?, directory::organisations(c)?)))
        .await?;
    let (nav, status) = form_nav(req, Some(user), &errors);
    html(
        status,
        &AdminUsersPage {
            nav,
            errors: Errors(errors),
            users: all
                .into_iter()
                .map(|(u, org)| (u.name, u.email, org, u.is_admin, u.password_hash.is_some()))
                .collect(),
            organisations: orgs.into_iter().map(|o| (o.id, o.name)).collect(),
            is_admin: form.is_admin.is_some(),
            typed_name: form.name,
            email: form.email,
            organisation_id: form.organisation_id,
        },
    )
}

async fn users_page(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let user = admin_only(&req, viewer)?;
    render_users(&state, &req, &user, UserForm::default(), Vec::new()).await
}

async fn create_user(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    CsrfForm(form): CsrfForm<UserForm>,
) -> PageResult {
    let user = admin_only(&req, viewer)?;
    let input = NewUser {
        email: Some(form.email.clone()),
        name: Some(form.name.clone()),
        organisation_id: Some(form.organisation_id.clone()),
        is_admin: Some(form.is_admin.is_some()),
    };
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let base = state.base_url().to_string();
    let days = state.settings.security.invitation_days;
    let errors = crate::web::respond::field_errors(
        state
            .tx(move |c| {
                accounts::create_user(
                    c,
                    &actor,
                    &input,
                    None,
                    &InviteContext {
                        base_url: &base,
                        days,
                    },
                    now,
                )
                .map(|_| ())
            })
            .await,
    )?;
    if errors.is_empty() {
        return Ok(see_other("/admin/users?notice=invitation-sent"));
    }
    render_users(&state, &req, &user, form, errors).await
}

#[derive(Default, Deserialize)]
struct BodyForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    parent_slug: String,
    #[serde(default)]
    rules: String,
    /// "yes" when ticked.
    #[serde(default)]
    votes_by_name: String,
    #[serde(default)]
    decision_note_working_days: String,
    /// "", "yes" or "no": follow the rules, Welsh and English, English only.
    #[serde(default)]
    bilingual: String,
    #[serde(default)]
    translation_working_days: String,
}

async fn render_bodies(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    form: BodyForm,
    errors: Vec<FieldError>,
) -> PageResult {
    let all = state.db(directory::bodies).await?;
    let (nav, status) = form_nav(req, Some(user), &errors);
    html(
        status,
        &AdminBodiesPage {
            nav,
            errors: Errors(errors),
            bodies: body_tree(&all),
            kinds: BodyKind::ALL
                .iter()
                .map(|k| (k.as_str().to_string(), k.label().to_string()))
                .collect(),
            typed_name: form.name,
            slug: form.slug,
            kind: form.kind,
            parent_slug: form.parent_slug,
            profiles: crate::domain::rules::Profile::ALL
                .iter()
                .map(|p| (p.as_str(), crate::views::rules::name_key(*p)))
                .collect(),
            rules: form.rules,
            votes_by_name: form.votes_by_name == "yes",
            decision_note_working_days: if form.decision_note_working_days.is_empty() {
                "2".into()
            } else {
                form.decision_note_working_days
            },
            bilingual: form.bilingual,
            translation_working_days: if form.translation_working_days.is_empty() {
                "3".into()
            } else {
                form.translation_working_days
            },
        },
    )
}

async fn bodies_page(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let user = admin_only(&req, viewer)?;
    render_bodies(&state, &req, &user, BodyForm::default(), Vec::new()).await
}

async fn create_body(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    CsrfForm(form): CsrfForm<BodyForm>,
) -> PageResult {
    let user = admin_only(&req, viewer)?;
    let input = NewBody {
        name: Some(form.name.clone()),
        slug: Some(form.slug.clone()),
        kind: Some(form.kind.clone()),
        parent_slug: Some(form.parent_slug.clone()),
        policy: Some(crate::domain::policy::PolicyInput {
            rules: Some(form.rules.clone()).filter(|r| !r.trim().is_empty()),
            votes_by_name: Some(form.votes_by_name == "yes"),
            // Not a number reads as 0, which the policy refuses in words.
            decision_note_working_days: Some(form.decision_note_working_days.trim())
                .filter(|d| !d.is_empty())
                .map(|d| d.parse().unwrap_or(0)),
            bilingual: match form.bilingual.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            translation_working_days: Some(form.translation_working_days.trim())
                .filter(|d| !d.is_empty())
                .map(|d| d.parse().unwrap_or(-1)),
            ..Default::default()
        }),
    };
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let errors = crate::web::respond::field_errors(
        state
            .tx(move |c| directory::create_body(c, &actor, &input, now).map(|_| ()))
            .await,
    )?;
    if errors.is_empty() {
        return Ok(see_other("/admin/bodies?notice=body-added"));
    }
    render_bodies(&state, &req, &user, form, errors).await
}

#[derive(Default, Deserialize)]
struct MemberForm {
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    substitute_for: String,
}

#[derive(Default, Deserialize)]
struct PriorityForm {
    #[serde(default)]
    title: String,
}

/// The body admin page's forms as typed, shown again with their errors.
#[derive(Default)]
struct BodyForms {
    member: MemberForm,
    priority_title: String,
    meeting: MeetingTyped,
}

async fn render_body(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    slug: String,
    forms: BodyForms,
    errors: Vec<FieldError>,
) -> PageResult {
    let BodyForms {
        member,
        priority_title,
        meeting,
    } = forms;
    let now = state.clock.now_naive();
    let grants = user.grants.clone();
    let directory::BodyAdmin {
        detail: d,
        people,
        upcoming,
    } = state
        .db(move |c| directory::body_admin(c, &grants, &slug, now))
        .await?;
    let names: std::collections::HashMap<String, String> = d
        .members
        .iter()
        .map(|m| (m.user_id.clone(), m.name.clone()))
        .collect();
    let (nav, status) = form_nav(req, Some(user), &errors);
    html(
        status,
        &AdminBodyPage {
            nav,
            errors: Errors(errors),
            name: d.body.name.clone(),
            slug: d.body.slug.clone(),
            substitutable: d
                .members
                .iter()
                .filter(|m| Role::parse(&m.role).is_some_and(Role::votes))
                .map(|m| {
                    (
                        m.user_id.clone(),
                        format!("{} – {}", m.name, m.organisation),
                    )
                })
                .collect(),
            members: d
                .members
                .iter()
                .map(|m| AdminMember {
                    user_id: m.user_id.clone(),
                    name: m.name.clone(),
                    organisation: m.organisation.clone(),
                    role: m.role.clone(),
                    role_label: Role::parse(&m.role)
                        .map(|r| r.label().to_string())
                        .unwrap_or_default(),
                    note: m
                        .substitute_for_user_id
                        .as_ref()
                        .and_then(|id| names.get(id))
                        .map(|n| {
                            crate::i18n::t_args(
                                "manage-substitute-note",
                                &[("name", crate::i18n::Arg::Text(n))],
                            )
                        })
                        .unwrap_or_default(),
                })
                .collect(),
            can_add_priority: d.priorities.len() < MAX_ACTIVE_PRIORITIES,
            priorities: d.priorities.into_iter().map(|p| (p.id, p.title)).collect(),
            people: people
                .into_iter()
                .map(|(u, org)| (u.id, format!("{} – {}", u.name, org)))
                .collect(),
            roles: Role::ALL
                .iter()
                .map(|r| (r.as_str().to_string(), r.label().to_string()))
                .collect(),
            meetings: upcoming
                .into_iter()
                .map(|m| {
                    (
                        m.id.clone(),
                        london_datetime(m.starts_at),
                        m.location.clone(),
                        m.is_cancelled(),
                    )
                })
                .collect(),
            form_user_id: member.user_id,
            form_role: member.role,
            form_substitute_for: member.substitute_for,
            priority_title,
            meeting,
        },
    )
}

/// The body's admin page showing errors from a form handled elsewhere.
/// The body's admin page with the schedule-a-meeting form's errors, and
/// what was typed in it.
pub async fn render_body_with_errors(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    slug: String,
    errors: Vec<FieldError>,
    meeting: MeetingTyped,
) -> PageResult {
    render_body(
        state,
        req,
        user,
        slug,
        BodyForms {
            meeting,
            ..BodyForms::default()
        },
        errors,
    )
    .await
}

async fn body_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
) -> PageResult {
    render_body(
        &state,
        &req,
        &user,
        path.into_inner(),
        BodyForms::default(),
        Vec::new(),
    )
    .await
}

/// Loads the body and checks the person may manage it.
async fn managed_body(
    state: &AppState,
    user: &AuthUser,
    slug: String,
) -> Result<directory::Body, AppError> {
    let grants = user.grants.clone();
    state
        .db(move |c| directory::managed_body(c, &grants, &slug))
        .await
}

async fn save_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<MemberForm>,
) -> PageResult {
    let b = managed_body(&state, &user, path.into_inner()).await?;
    let slug = b.slug.clone();
    if form.user_id.trim().is_empty() {
        let errors = vec![FieldError::new(
            "user_id",
            "required",
            crate::i18n::t("manage-person-required"),
        )];
        return render_body(
            &state,
            &req,
            &user,
            slug,
            BodyForms {
                member: form,
                ..BodyForms::default()
            },
            errors,
        )
        .await;
    }
    let input = MembershipInput {
        role: Some(form.role.clone()),
        substitute_for: Some(form.substitute_for.clone()),
    };
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let uid = form.user_id.clone();
    let result = state
        .tx(move |c| directory::put_membership(c, &actor, &b, &uid, &input, now).map(|_| ()))
        .await;
    let result = match result {
        Err(AppError::NotFound) => Err(AppError::Validation(vec![FieldError::new(
            "user_id",
            "unknown",
            crate::i18n::t("manage-person-unknown"),
        )])),
        other => other,
    };
    let errors = crate::web::respond::field_errors(result)?;
    if errors.is_empty() {
        return Ok(see_other(&format!(
            "/admin/bodies/{slug}?notice=member-saved"
        )));
    }
    render_body(
        &state,
        &req,
        &user,
        slug,
        BodyForms {
            member: form,
            ..BodyForms::default()
        },
        errors,
    )
    .await
}

#[derive(Deserialize)]
struct CsrfOnly {}

async fn remove_member(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<CsrfOnly>,
) -> PageResult {
    let (slug, uid) = path.into_inner();
    let b = managed_body(&state, &user, slug).await?;
    let slug = b.slug.clone();
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    state
        .tx(move |c| directory::remove_membership(c, &actor, &b, &uid, now))
        .await?;
    Ok(see_other(&format!(
        "/admin/bodies/{slug}?notice=member-removed"
    )))
}

async fn add_priority(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<PriorityForm>,
) -> PageResult {
    let b = managed_body(&state, &user, path.into_inner()).await?;
    let slug = b.slug.clone();
    let input = NewPriority {
        title: Some(form.title.clone()),
    };
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let errors = crate::web::respond::field_errors(
        state
            .tx(move |c| directory::add_priority(c, &actor, &b, &input, now).map(|_| ()))
            .await,
    )?;
    if errors.is_empty() {
        return Ok(see_other(&format!(
            "/admin/bodies/{slug}?notice=priority-added"
        )));
    }
    render_body(
        &state,
        &req,
        &user,
        slug,
        BodyForms {
            priority_title: form.title,
            ..BodyForms::default()
        },
        errors,
    )
    .await
}

async fn retire_priority(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<CsrfOnly>,
) -> PageResult {
    let (slug, id) = path.into_inner();
    let b = managed_body(&state, &user, slug).await?;
    let slug = b.slug.clone();
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    state
        .tx(move |c| directory::retire_priority(c, &actor, &b, &id, now))
        .await?;
    Ok(see_other(&format!(
        "/admin/bodies/{slug}?notice=priority-retired"
    )))
}
