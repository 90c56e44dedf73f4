//! Signing in and out, invitations, your account, your API tokens.

use crate::web::extract::{CsrfForm, SignedIn};
use crate::web::routes::Routes;
use actix_web::cookie::Cookie;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::domain::format::london_datetime;
use crate::domain::preferences::{Delivery, Topic};
use crate::error::{AppError, FieldError};
use crate::services::accounts;
use crate::services::preferences;
use crate::state::AppState;
use crate::views::Errors;
use crate::views::account::{
    AccountPage, InvitationPage, LoginPage, MailTopicRow, PasswordResetPage, SessionRow, TokenRow,
};
use crate::web::auth::{Viewer, client_addr};
use crate::web::respond::{PageError, PageResult, form_nav, html, nav, require_user, see_other};
use crate::web::session::{self, SessionData, clear_session_cookie, csrf_cookie, session_cookie};

pub fn configure(r: &mut Routes<'_>) {
    r.get("/login", login_form)
        .post("/login", login)
        .post("/logout", logout)
        .get("/password-reset", reset_ask)
        .post("/password-reset", reset_request)
        .get("/password-reset/{token}", reset_form)
        .post("/password-reset/{token}", reset_choose)
        .get("/invitations/{token}", invitation_form)
        .post("/invitations/{token}", accept_invitation)
        .get("/account", account)
        .post("/account/password", change_password)
        .post("/account/tokens", create_token)
        .post("/account/tokens/{id}/revoke", revoke_token)
        .post("/account/calendar", calendar_feed)
        .post("/account/mail", mail_preferences)
        .post("/account/sessions/end", sign_out_everywhere)
        .post("/account/language", choose_language);
}

/// Only local paths: never an open redirect.
pub(crate) fn safe_next(next: &str) -> String {
    if next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(char::is_control)
    {
        next.to_string()
    } else {
        "/".to_string()
    }
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn login_form(req: HttpRequest, viewer: Viewer, q: web::Query<NextQuery>) -> PageResult {
    let next = safe_next(q.next.as_deref().unwrap_or("/"));
    if viewer.0.is_some() {
        return Ok(see_other(&next));
    }
    html(
        StatusCode::OK,
        &LoginPage {
            nav: nav(&req, None),
            errors: Errors::default(),
            email: String::new(),
            next,
        },
    )
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// A fresh session: new random id, held on the server, and a new CSRF token
/// (no fixation).
async fn signed_in(
    state: &AppState,
    req: &HttpRequest,
    user: &accounts::User,
    next: &str,
) -> Result<HttpResponse, AppError> {
    let hours = state.settings.security.session_hours;
    let data = SessionData {
        u: user.id.clone(),
        e: user.session_epoch,
        x: state.clock.now().timestamp() + i64::from(hours) * 3600,
        s: accounts::random_token(""),
    };
    let (who, token, now) = (user.clone(), data.s.clone(), state.clock.now_naive());
    let client = client_addr(req).unwrap_or_default();
    state
        .tx(move |c| accounts::start_session(c, &who, &token, &client, now, hours))
        .await?;
    let mut resp = see_other(next);
    let _ = resp.add_cookie(&session_cookie(
        &state.cookie_key,
        &data,
        state.base_url(),
        hours,
    ));
    let _ = resp.add_cookie(&csrf_cookie(&accounts::random_token(""), state.base_url()));
    // The language chosen in the profile follows the person to this device.
    if let Some(lang) = user
        .language
        .as_deref()
        .and_then(crate::i18n::Lang::from_code)
    {
        let _ = resp.add_cookie(&crate::web::language::lang_cookie(lang, state.base_url()));
    }
    Ok(resp)
}

async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> PageResult {
    let next = safe_next(&form.next);
    let mut errors = Vec::new();
    if form.email.trim().is_empty() {
        errors.push(FieldError::new(
            "email",
            "required",
            crate::i18n::t("login-email-required"),
        ));
    }
    if form.password.is_empty() {
        errors.push(FieldError::new(
            "password",
            "required",
            crate::i18n::t("login-password-required"),
        ));
    }
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if errors.is_empty() {
        let client = client_addr(&req).unwrap_or_default();
        if !state.login_limiter.check(&client, &form.email) {
            status = StatusCode::TOO_MANY_REQUESTS;
            errors.push(FieldError::new(
                "email",
                "rate_limited",
                crate::i18n::t("login-rate-limited"),
            ));
        } else {
            let (email, password) = (form.email.clone(), form.password.clone());
            match state
                .db(move |c| accounts::authenticate(c, &email, &password))
                .await?
            {
                Some(user) => return Ok(signed_in(&state, &req, &user, &next).await?),
                None => {
                    tracing::info!(client = %client, "failed sign-in");
                    errors.push(FieldError::new(
                        "email",
                        "invalid",
                        crate::i18n::t("login-invalid"),
                    ));
                }
            }
        }
    }
    let mut nav = nav(&req, None);
    nav.errors = true;
    html(
        status,
        &LoginPage {
            nav,
            errors: Errors(errors),
            email: form.email,
            next,
        },
    )
}

#[derive(Deserialize)]
struct CsrfOnly {}

async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    CsrfForm(_): CsrfForm<CsrfOnly>,
) -> PageResult {
    // The session ends on the server: a copy of the cookie stops working.
    if let Some(sess) = session::signed_session(&req, &state.cookie_key) {
        state.tx(move |c| accounts::end_session(c, &sess.s)).await?;
    }
    let mut resp = see_other("/?notice=signed-out");
    let _ = resp.add_cookie(&clear_session_cookie(state.base_url()));
    let mut csrf = Cookie::new(session::CSRF_COOKIE, "");
    csrf.set_path("/");
    csrf.make_removal();
    let _ = resp.add_cookie(&csrf);
    Ok(resp)
}

/// Ends every session of the signed-in person, this one included.
async fn sign_out_everywhere(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    CsrfForm(_): CsrfForm<CsrfOnly>,
) -> PageResult {
    let (actor, uid, now) = (
        user.actor(&req),
        user.user.id.clone(),
        state.clock.now_naive(),
    );
    state
        .tx(move |c| accounts::end_all_sessions(c, &actor, &uid, now))
        .await?;
    let mut resp = see_other("/?notice=signed-out-everywhere");
    let _ = resp.add_cookie(&clear_session_cookie(state.base_url()));
    Ok(resp)
}

/// A page of the password-reset journey: its address may hold the link's
/// secret (see `private_link_page`).
fn reset_page(status: StatusCode, page: PasswordResetPage) -> PageResult {
    crate::web::respond::private_link_page(status, &page)
}

fn reset_stage(
    req: &HttpRequest,
    errors: Vec<FieldError>,
    stage: &'static str,
) -> PasswordResetPage {
    let mut nav = nav(req, None);
    nav.errors = !errors.is_empty();
    PasswordResetPage {
        nav,
        errors: Errors(errors),
        stage,
        title: match stage {
            "ask" => "reset-ask-title",
            "sent" => "reset-sent-title",
            "choose" => "reset-choose-title",
            _ => "reset-invalid-title",
        },
        email: String::new(),
        works: String::new(),
        token: String::new(),
    }
}

/// "Forgotten your password?": the address to send a link to.
async fn reset_ask(req: HttpRequest) -> PageResult {
    reset_page(StatusCode::OK, reset_stage(&req, Vec::new(), "ask"))
}

#[derive(Deserialize)]
struct ResetAskForm {
    #[serde(default)]
    email: String,
}

/// Sends a reset link if the address has an account; the page says the
/// same whether it has or not. Asking with a well-formed address counts as
/// a sign-in attempt, from this client and for that account.
async fn reset_request(
    state: web::Data<AppState>,
    req: HttpRequest,
    CsrfForm(form): CsrfForm<ResetAskForm>,
) -> PageResult {
    let client = client_addr(&req);
    let again = |errors: Vec<FieldError>, status: StatusCode| {
        let mut page = reset_stage(&req, errors, "ask");
        page.email = form.email.clone();
        reset_page(status, page)
    };
    if let Err(errors) = crate::web::respond::split(accounts::reset_address(&form.email))? {
        return again(errors, StatusCode::UNPROCESSABLE_ENTITY);
    }
    if !state
        .login_limiter
        .check(client.as_deref().unwrap_or_default(), &form.email)
    {
        return again(
            vec![FieldError::new(
                "email",
                "rate_limited",
                crate::i18n::text(crate::web::respond::lang(&req), "reset-too-many"),
            )],
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let security = &state.settings.security;
    let (minutes, per_hour) = (
        security.password_reset_minutes,
        security.password_resets_per_account_per_hour,
    );
    let (email, base, now) = (
        form.email.clone(),
        state.base_url().to_string(),
        state.clock.now_naive(),
    );
    let result = state
        .tx(move |c| {
            let policy = accounts::ResetPolicy {
                base_url: &base,
                minutes,
                per_account_per_hour: per_hour,
            };
            accounts::request_password_reset(c, &email, &policy, client, now)
        })
        .await;
    if let Err(errors) = crate::web::respond::split(result)? {
        return again(errors, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let mut page = reset_stage(&req, Vec::new(), "sent");
    page.email = form.email.trim().to_string();
    page.works = crate::i18n::text_with(
        page.nav.lang,
        "reset-sent-works",
        &[("minutes", crate::i18n::Arg::count(minutes as usize))],
    );
    reset_page(StatusCode::OK, page)
}

/// The person a reset link is for, or the page saying it does not work.
async fn reset_holder(
    state: &AppState,
    req: &HttpRequest,
    token: &str,
) -> Result<Result<accounts::User, PageResult>, PageError> {
    let (t, now) = (token.to_string(), state.clock.now_naive());
    match state
        .db(move |c| accounts::reset_link_user(c, &t, now))
        .await?
    {
        Some(user) => Ok(Ok(user)),
        None => Ok(Err(reset_page(
            StatusCode::NOT_FOUND,
            reset_stage(req, Vec::new(), "invalid"),
        ))),
    }
}

/// The new password's form, from the link in the email.
async fn reset_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> PageResult {
    let token = path.into_inner();
    let user = match reset_holder(&state, &req, &token).await? {
        Ok(user) => user,
        Err(page) => return page,
    };
    let mut page = reset_stage(&req, Vec::new(), "choose");
    page.email = user.email;
    page.token = token;
    reset_page(StatusCode::OK, page)
}

/// Saves the new password, ends every other sign-in and signs in here.
async fn reset_choose(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> PageResult {
    let token = path.into_inner();
    let (t, addr, base, now) = (
        token.clone(),
        client_addr(&req),
        state.base_url().to_string(),
        state.clock.now_naive(),
    );
    let result = state
        .tx(move |c| {
            accounts::reset_password(
                c,
                &t,
                &form.password,
                &form.confirm_password,
                addr,
                &base,
                now,
            )
        })
        .await;
    match result {
        Ok(user) => Ok(signed_in(&state, &req, &user, "/account?notice=password-reset").await?),
        Err(AppError::Validation(errors)) => {
            let user = match reset_holder(&state, &req, &token).await? {
                Ok(user) => user,
                Err(page) => return page,
            };
            let mut page = reset_stage(&req, errors, "choose");
            page.email = user.email;
            page.token = token;
            reset_page(StatusCode::UNPROCESSABLE_ENTITY, page)
        }
        Err(AppError::NotFound) => reset_page(
            StatusCode::NOT_FOUND,
            reset_stage(&req, Vec::new(), "invalid"),
        ),
        Err(e) => Err(e.into()),
    }
}

fn invalid_invitation() -> PageError {
    PageError::App(AppError::BadRequest(crate::i18n::t("invitation-invalid")))
}

async fn invitation_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
) -> PageResult {
    let token = path.into_inner();
    let now = state.clock.now_naive();
    let t = token.clone();
    let user = state
        .db(move |c| accounts::invitation_user(c, &t, now))
        .await?
        .ok_or_else(invalid_invitation)?;
    html(
        StatusCode::OK,
        &InvitationPage {
            nav: nav(&req, None),
            errors: Errors::default(),
            name: user.name,
            email: user.email,
            token,
        },
    )
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm_password: String,
}

async fn accept_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> PageResult {
    let token = path.into_inner();
    let now = state.clock.now_naive();
    let addr = client_addr(&req);
    let t = token.clone();
    let result = state
        .tx(move |c| {
            accounts::accept_invitation(c, &t, &form.password, &form.confirm_password, addr, now)
        })
        .await;
    match result {
        Ok(user) => Ok(signed_in(&state, &req, &user, "/account?notice=password-set").await?),
        Err(AppError::Validation(errors)) => {
            let t = token.clone();
            let user = state
                .db(move |c| accounts::invitation_user(c, &t, now))
                .await?
                .ok_or_else(invalid_invitation)?;
            let mut nav = nav(&req, None);
            nav.errors = true;
            html(
                StatusCode::UNPROCESSABLE_ENTITY,
                &InvitationPage {
                    nav,
                    errors: Errors(errors),
                    name: user.name,
                    email: user.email,
                    token,
                },
            )
        }
        Err(AppError::NotFound) => Err(invalid_invitation()),
        Err(e) => Err(e.into()),
    }
}

/// A secret shown once on the account page, just after it was made: only its
/// digest is kept, so it can never be shown again.
enum Reveal {
    Nothing,
    Token(String),
    CalendarSecret(String),
}

async fn account_page(
    state: &AppState,
    req: &HttpRequest,
    user: &crate::web::auth::AuthUser,
    errors: Vec<FieldError>,
    reveal: Reveal,
    status: StatusCode,
    typed_label: &str,
) -> PageResult {
    let u = user.user.clone();
    let now = state.clock.now_naive();
    let current = session::signed_session(req, &state.cookie_key)
        .map(|d| accounts::hash_token(&d.s))
        .unwrap_or_default();
    let (view, prefs) = state
        .db(move |c| {
            let view = accounts::account(c, &u, now)?;
            let prefs = preferences::of(c, &u.id)?;
            Ok((view, prefs))
        })
        .await?;
    let on_secretariat = view
        .roles
        .iter()
        .any(|r| r.3 == crate::domain::roles::Role::Secretariat.as_str());
    let (org, roles, toks, feed, sessions) = (
        view.organisation,
        view.roles,
        view.tokens,
        view.calendar_feed,
        view.sessions,
    );
    let (nav, _) = form_nav(req, Some(user), &errors);
    let page = AccountPage {
        typed_label: typed_label.to_string(),
        nav,
        errors: Errors(errors),
        name: user.user.name.clone(),
        email: user.user.email.clone(),
        organisation: org,
        roles: roles
            .into_iter()
            .map(|(_, slug, name, role)| {
                (
                    slug,
                    name,
                    crate::domain::roles::Role::parse(&role)
                        .map(|r| r.label().to_string())
                        .unwrap_or(role),
                )
            })
            .collect(),
        tokens: toks
            .into_iter()
            .map(|t| TokenRow {
                id: t.id,
                label: t.label,
                created: london_datetime(t.created_at),
                last_used: t
                    .last_used_at
                    .map(london_datetime)
                    .unwrap_or_else(|| crate::i18n::t("account-never")),
                revoked: t.revoked_at.is_some(),
            })
            .collect(),
        new_token: match &reveal {
            Reveal::Token(t) => Some(t.clone()),
            _ => None,
        },
        sessions: sessions
            .into_iter()
            .map(|x| SessionRow {
                this_one: x.id == current,
                started: london_datetime(x.created_at),
                last_seen: london_datetime(x.last_seen_at),
                client: x.client,
            })
            .collect(),
        calendar_on: feed,
        mail_daily: prefs.delivery == Delivery::Daily,
        mail_topics: Topic::ALL
            .into_iter()
            // The weekly digest is the secretariat's.
            .filter(|t| *t != Topic::Weekly || on_secretariat || prefs.off.contains(t))
            .map(|t| MailTopicRow {
                key: t.key(),
                label: topic_label(t),
                on: !prefs.off.contains(&t),
            })
            .collect(),
        calendar_subscribe_url: match &reveal {
            Reveal::CalendarSecret(f) => {
                crate::domain::links::webcal(&format!("{}/calendar/{f}.ics", state.base_url()))
            }
            _ => String::new(),
        },
        new_calendar_url: match &reveal {
            Reveal::CalendarSecret(f) => Some(format!("{}/calendar/{f}.ics", state.base_url())),
            _ => None,
        },
    };
    html(status, &page)
}

async fn account(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let user = require_user(&req, viewer)?;
    account_page(
        &state,
        &req,
        &user,
        Vec::new(),
        Reveal::Nothing,
        StatusCode::OK,
        "",
    )
    .await
}

async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> PageResult {
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let u = user.user.clone();
    let result = state
        .tx(move |c| {
            accounts::change_password(
                c,
                &actor,
                &u,
                &form.current_password,
                &form.password,
                &form.confirm_password,
                now,
            )
        })
        .await;
    match result {
        // The epoch moved on, so the old cookie is dead: issue a new one.
        Ok(updated) => {
            Ok(signed_in(&state, &req, &updated, "/account?notice=password-changed").await?)
        }
        Err(AppError::Validation(errors)) => {
            account_page(
                &state,
                &req,
                &user,
                errors,
                Reveal::Nothing,
                StatusCode::UNPROCESSABLE_ENTITY,
                "",
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    label: String,
}

async fn create_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> PageResult {
    let mut p = crate::domain::validate::Problems::new();
    let label = p.line("label", "field-token-label", Some(&form.label), 100);
    if !p.is_empty() {
        return account_page(
            &state,
            &req,
            &user,
            p.into_vec(),
            Reveal::Nothing,
            StatusCode::UNPROCESSABLE_ENTITY,
            &form.label,
        )
        .await;
    }
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let uid = user.user.id.clone();
    let (secret, _) = state
        .tx(move |c| accounts::issue_token(c, &actor, &uid, &label, now))
        .await?;
    account_page(
        &state,
        &req,
        &user,
        Vec::new(),
        Reveal::Token(secret),
        StatusCode::OK,
        "",
    )
    .await
}

async fn revoke_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<CsrfOnly>,
) -> PageResult {
    let id = path.into_inner();
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let uid = user.user.id.clone();
    state
        .tx(move |c| {
            let token = accounts::own_token(c, &uid, &id)?;
            accounts::revoke_token(c, &actor, &token, now)
        })
        .await?;
    Ok(see_other("/account?notice=token-revoked"))
}

#[derive(Deserialize)]
struct FeedForm {
    #[serde(default)]
    action: String,
}

/// Turns the personal calendar feed on (a new secret link, which also
/// revokes any old one) or off.
async fn calendar_feed(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    CsrfForm(form): CsrfForm<FeedForm>,
) -> PageResult {
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let uid = user.user.id.clone();
    let on = form.action != "off";
    let secret = state
        .tx(move |c| accounts::set_calendar_feed(c, &actor, &uid, on, now))
        .await?;
    match secret {
        Some(secret) => {
            account_page(
                &state,
                &req,
                &user,
                Vec::new(),
                Reveal::CalendarSecret(secret),
                StatusCode::OK,
                "",
            )
            .await
        }
        None => Ok(see_other("/account#calendar")),
    }
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    next: String,
}

/// The language toggle: the choice is remembered in a cookie and, for
/// someone signed in, in their profile (set again at each sign-in). Back to
/// the page it came from.
async fn choose_language(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    CsrfForm(form): CsrfForm<LanguageForm>,
) -> PageResult {
    let Some(lang) = crate::i18n::Lang::from_code(&form.language) else {
        return Err(AppError::validation(vec![FieldError::new(
            "language",
            "invalid",
            crate::i18n::text(crate::web::language::of(&req), "language-choose"),
        )])
        .into());
    };
    if let Some(user) = viewer.0 {
        let actor = user.actor(&req);
        let now = state.clock.now_naive();
        let uid = user.user.id.clone();
        state
            .tx(move |c| accounts::set_language(c, &actor, &uid, Some(lang), now))
            .await?;
    }
    let mut resp = see_other(&safe_next(&form.next));
    let _ = resp.add_cookie(&crate::web::language::lang_cookie(lang, state.base_url()));
    Ok(resp)
}

/// The message key of a kind of routine mail's checkbox label.
fn topic_label(t: Topic) -> &'static str {
    match t {
        Topic::Calls => "prefs-topic-calls",
        Topic::Reminders => "prefs-topic-reminders",
        Topic::Updates => "prefs-topic-updates",
        Topic::Weekly => "prefs-topic-weekly",
    }
}

#[derive(Deserialize)]
struct MailForm {
    #[serde(default)]
    delivery: String,
    /// The kinds of routine mail ticked (to be sent).
    #[serde(default)]
    on: Vec<String>,
    /// The kinds the form offered: one not offered keeps its setting.
    #[serde(default)]
    offered: Vec<String>,
}

/// Saves what Quorate may email this person, and how often.
async fn mail_preferences(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    CsrfForm(form): CsrfForm<MailForm>,
) -> PageResult {
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let uid = user.user.id.clone();
    let result = state
        .tx(move |c| {
            let current = preferences::of(c, &uid)?;
            let off: Vec<String> = Topic::ALL
                .into_iter()
                .filter(|t| {
                    let offered = form.offered.iter().any(|o| o == t.key());
                    let ticked = form.on.iter().any(|o| o == t.key());
                    if offered {
                        !ticked
                    } else {
                        current.off.contains(t)
                    }
                })
                .map(|t| t.key().to_string())
                .collect();
            let chosen = preferences::parse_choice(&form.delivery, &off)?;
            preferences::choose(c, &actor, &uid, &chosen, now)
        })
        .await;
    match result {
        Ok(()) => Ok(see_other("/account?notice=mail-saved#mail")),
        Err(AppError::Validation(errors)) => {
            account_page(
                &state,
                &req,
                &user,
                errors,
                Reveal::Nothing,
                StatusCode::UNPROCESSABLE_ENTITY,
                "",
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_is_always_local() {
        assert_eq!(safe_next("/bodies/psb"), "/bodies/psb");
        assert_eq!(safe_next("//evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next("/\\evil.example"), "/");
        assert_eq!(safe_next(""), "/");
    }
}
