use crate::web::routes::Routes;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{created, optional_json, rfc3339};
use crate::error::AppError;
use crate::services::accounts::{self, InviteContext, NewUser};
use crate::services::accounts::{ApiToken, User};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.post("/users", create)
        .post("/users/{id}/tokens", issue_token)
        .get("/users/{id}/tokens", list_tokens)
        .delete("/users/{id}/tokens/{token_id}", revoke_token)
        .get("/me/mail-preferences", mail_preferences)
        .put("/me/mail-preferences", choose_mail_preferences);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserOut {
    pub id: String,
    pub email: String,
    pub name: String,
    pub organisation_id: String,
    pub is_admin: bool,
    pub created_at: String,
}

impl From<User> for UserOut {
    fn from(u: User) -> Self {
        UserOut {
            id: u.id,
            email: u.email,
            name: u.name,
            organisation_id: u.organisation_id,
            is_admin: u.is_admin,
            created_at: rfc3339(u.created_at),
        }
    }
}

/// Create a user (admin). They are mailed an invitation to choose a password.
#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = NewUser,
    responses((status = 201, body = UserOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    input: web::Json<NewUser>,
) -> Result<HttpResponse, AppError> {
    let admin = caller.require()?;
    let actor = admin.actor(&req);
    let now = state.clock.now_naive();
    let base = state.base_url().to_string();
    let days = state.settings.security.invitation_days;
    let user = state
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
        })
        .await?;
    let out = UserOut::from(user);
    Ok(created(format!("/api/v1/users/{}", out.id), &out))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct TokenInput {
    /// What the token is for, e.g. "agenda export script".
    pub label: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenOut {
    pub id: String,
    /// The secret: shown once, never again.
    pub token: String,
    pub label: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenInfo {
    pub id: String,
    pub label: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

impl From<ApiToken> for TokenInfo {
    fn from(t: ApiToken) -> Self {
        TokenInfo {
            id: t.id,
            label: t.label,
            created_at: rfc3339(t.created_at),
            last_used_at: t.last_used_at.map(rfc3339),
            revoked_at: t.revoked_at.map(rfc3339),
        }
    }
}

/// Issue an API token (admin, or the user for themself).
#[utoipa::path(post, path = "/api/v1/users/{id}/tokens", tag = "users", request_body = TokenInput,
    responses((status = 201, body = TokenOut), (status = 403, body = crate::error::Problem), (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn issue_token(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let user_id = path.into_inner();
    accounts::may_manage_tokens(&caller.grants, &caller.user.id, &user_id)?;
    let input: TokenInput = optional_json(&body)?;
    let mut p = crate::domain::validate::Problems::new();
    let label = p
        .optional_line("label", "field-token-label", input.label.as_deref(), 100)
        .unwrap_or_else(|| "API token".into());
    p.finish()?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let (secret, token) = state
        .tx(move |c| {
            crate::services::accounts::user(c, &user_id)?;
            accounts::issue_token(c, &actor, &user_id, &label, now)
        })
        .await?;
    let out = TokenOut {
        id: token.id,
        token: secret,
        label: token.label,
    };
    Ok(created(
        format!("/api/v1/users/{}/tokens/{}", token.user_id, out.id),
        &out,
    ))
}

/// List a user's API tokens, without their secrets.
#[utoipa::path(get, path = "/api/v1/users/{id}/tokens", tag = "users",
    responses((status = 200, body = Vec<TokenInfo>)), security(("bearer" = [])))]
pub async fn list_tokens(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let user_id = path.into_inner();
    accounts::may_manage_tokens(&caller.grants, &caller.user.id, &user_id)?;
    let list = state.db(move |c| accounts::tokens_of(c, &user_id)).await?;
    Ok(HttpResponse::Ok().json(list.into_iter().map(TokenInfo::from).collect::<Vec<_>>()))
}

/// Revoke an API token: it stops working at once.
#[utoipa::path(delete, path = "/api/v1/users/{id}/tokens/{token_id}", tag = "users",
    responses((status = 204), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn revoke_token(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let (user_id, token_id) = path.into_inner();
    accounts::may_manage_tokens(&caller.grants, &caller.user.id, &user_id)?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    state
        .tx(move |c| {
            let token = accounts::own_token(c, &user_id, &token_id)?;
            accounts::revoke_token(c, &actor, &token, now)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// What Quorate emails the caller.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct MailPreferencesBody {
    /// `immediate`: each routine message as it happens; `daily`: routine
    /// mail held and sent together at 07:00 London time.
    #[serde(default)]
    pub delivery: String,
    /// The kinds of routine mail turned off: `calls` (calls for papers),
    /// `reminders` (paper, sign-off and action reminders), `updates`
    /// (minutes circulated, proposal outcomes, referrals, withdrawn
    /// actions), `weekly` (the secretariat's weekly digest). Notices of
    /// meetings, requests to act and account mail cannot be turned off.
    #[serde(default)]
    pub off: Vec<String>,
}

impl From<crate::domain::preferences::Preferences> for MailPreferencesBody {
    fn from(p: crate::domain::preferences::Preferences) -> Self {
        MailPreferencesBody {
            delivery: p.delivery.key().to_string(),
            off: p.off.iter().map(|t| t.key().to_string()).collect(),
        }
    }
}

/// The caller's mail preferences.
#[utoipa::path(get, path = "/api/v1/me/mail-preferences", tag = "users",
    responses((status = 200, body = MailPreferencesBody)), security(("bearer" = [])))]
pub async fn mail_preferences(
    state: web::Data<AppState>,
    caller: ApiCaller,
) -> Result<HttpResponse, AppError> {
    let caller = caller.require()?;
    let prefs = state
        .db(move |c| crate::services::preferences::of(c, &caller.user.id))
        .await?;
    Ok(HttpResponse::Ok().json(MailPreferencesBody::from(prefs)))
}

/// Choose how routine mail comes and which kinds are turned off. Turning
/// off notices of meetings (`agenda`) is refused (422): members must be
/// given them.
#[utoipa::path(put, path = "/api/v1/me/mail-preferences", tag = "users",
    request_body = MailPreferencesBody,
    responses((status = 200, body = MailPreferencesBody), (status = 422, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn choose_mail_preferences(
    state: web::Data<AppState>,
    caller: ApiCaller,
    req: HttpRequest,
    input: web::Json<MailPreferencesBody>,
) -> Result<HttpResponse, AppError> {
    use crate::services::preferences;
    let caller = caller.require()?;
    let input = input.into_inner();
    let chosen = preferences::parse_choice(&input.delivery, &input.off)?;
    let actor = caller.actor(&req);
    let now = state.clock.now_naive();
    let uid = caller.user.id.clone();
    let saved = chosen.clone();
    state
        .tx(move |c| preferences::choose(c, &actor, &uid, &saved, now))
        .await?;
    Ok(HttpResponse::Ok().json(MailPreferencesBody::from(chosen)))
}
