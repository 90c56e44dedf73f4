//! People: creating accounts, invitations, passwords, API tokens.

use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use base64::Engine;
use chrono::{NaiveDateTime, TimeDelta};
use rand::RngCore;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use super::Actor;
use crate::db::invitations::{self, Invitation};
use crate::db::password_resets::{self, PasswordReset};
use crate::db::tokens;
pub use crate::db::tokens::ApiToken;
use crate::db::users;
pub use crate::db::users::User;
use crate::db::{DbConn, organisations};
use crate::domain::validate::{MAX_NAME_CHARS, Problems};
use crate::error::{AppError, AppResult, FieldError};
use crate::mail::messages;

pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 256;

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct NewUser {
    #[schema(max_length = 254)]
    pub email: Option<String>,
    #[schema(max_length = 200)]
    pub name: Option<String>,
    pub organisation_id: Option<String>,
    pub is_admin: Option<bool>,
}

/// Links in messages need the service's address and the invitation lifetime.
pub struct InviteContext<'a> {
    pub base_url: &'a str,
    pub days: u32,
}

/// How a new account gets its password.
#[derive(Clone, Copy, Debug)]
pub enum InitialPassword<'a> {
    /// Mail an invitation to choose one.
    Invite,
    /// Set this password (checked against the rules).
    Plain(&'a str),
    /// Use an argon2 hash made earlier (the demo hashes its one password once).
    Hashed(&'a str),
}

/// Creates an account and, unless `password` is given, mails an invitation
/// to choose one (through the outbox, in the same transaction).
pub fn create_user(
    conn: &mut DbConn,
    actor: &Actor,
    input: &NewUser,
    password: Option<&str>,
    invite: &InviteContext<'_>,
    now: NaiveDateTime,
) -> AppResult<User> {
    let initial = password
        .map(InitialPassword::Plain)
        .unwrap_or(InitialPassword::Invite);
    create_user_with(conn, actor, input, initial, invite, now)
}

pub fn create_user_with(
    conn: &mut DbConn,
    actor: &Actor,
    input: &NewUser,
    initial: InitialPassword<'_>,
    invite: &InviteContext<'_>,
    now: NaiveDateTime,
) -> AppResult<User> {
    super::administering(conn, actor)?;
    let mut p = Problems::new();
    let email = p.email("email", input.email.as_deref());
    let name = p.line(
        "name",
        "field-person-name",
        input.name.as_deref(),
        MAX_NAME_CHARS,
    );
    let org_id = input
        .organisation_id
        .as_deref()
        .map(str::trim)
        .unwrap_or("");
    let organisation = if org_id.is_empty() {
        p.add(
            "organisation_id",
            "required",
            crate::i18n::say("err-accounts-required"),
        );
        None
    } else {
        let found = organisations::find(conn, org_id)?;
        if found.is_none() {
            p.add(
                "organisation_id",
                "unknown",
                crate::i18n::say("err-papers-unknown"),
            );
        }
        found
    };
    if let InitialPassword::Plain(pw) = initial
        && let Err(e) = check_password(pw, &email)
    {
        p.add("password", &e.code, e.message);
    }
    p.finish()?;
    if users::find_by_email(conn, &email)?.is_some() {
        return Err(AppError::conflict(
            "email",
            crate::i18n::say("err-accounts-bad-request"),
        ));
    }
    let organisation = organisation.ok_or(AppError::NotFound)?;
    let user = User {
        id: crate::clock::new_id(),
        email,
        name,
        organisation_id: organisation.id.clone(),
        is_admin: input.is_admin.unwrap_or(false),
        password_hash: match initial {
            InitialPassword::Invite => None,
            InitialPassword::Plain(pw) => Some(hash_password(pw)?),
            InitialPassword::Hashed(h) => Some(h.to_string()),
        },
        session_epoch: 0,
        created_at: now,
        updated_at: now,
        language: None,
    };
    users::insert(conn, &user)?;
    actor.audit(
        conn,
        now,
        "user.create",
        "user",
        &user.id,
        format!(
            "created {} <{}> of {}{}",
            user.name,
            user.email,
            organisation.name,
            if user.is_admin { " as site admin" } else { "" }
        ),
    )?;
    if matches!(initial, InitialPassword::Invite) {
        send_invitation(conn, actor, &user, &organisation.name, invite, now)?;
    }
    Ok(user)
}

/// The language of mail about a person's own account: the one they chose;
/// else, when they asked for it themselves on a Welsh page, Welsh; else
/// both languages when they belong to a bilingual body (see
/// `messages::written_for`).
fn mail_language(
    conn: &mut DbConn,
    user: &User,
    asked_by_them: bool,
) -> AppResult<(Option<String>, bool)> {
    let chosen = user.language.clone().or_else(|| {
        (asked_by_them && crate::i18n::reader() == crate::i18n::Lang::Welsh)
            .then(|| "cy".to_string())
    });
    let mut bilingual = false;
    for (body_id, ..) in crate::db::memberships::roles_of(conn, &user.id)? {
        if crate::db::bodies::find(conn, &body_id)?.is_some_and(|b| b.bilingual) {
            bilingual = true;
            break;
        }
    }
    Ok((chosen, bilingual))
}

/// Issues a single-use link to choose a password and queues the mail.
pub fn send_invitation(
    conn: &mut DbConn,
    actor: &Actor,
    user: &User,
    organisation: &str,
    invite: &InviteContext<'_>,
    now: NaiveDateTime,
) -> AppResult<()> {
    let token = random_token("inv_");
    let invitation = Invitation {
        id: crate::clock::new_id(),
        user_id: user.id.clone(),
        token_hash: hash_token(&token),
        expires_at: now + TimeDelta::days(i64::from(invite.days)),
        used_at: None,
        created_at: now,
    };
    invitations::insert(conn, &invitation)?;
    let link = format!("{}/invitations/{}", invite.base_url, token);
    let (chosen, bilingual) = mail_language(conn, user, false)?;
    let email = messages::written_for(chosen.as_deref(), bilingual, || {
        messages::Invitation {
            to: &user.email,
            name: &user.name,
            inviter: &actor.label,
            organisation,
            link: &link,
            expires: &crate::domain::format::london_datetime(invitation.expires_at),
        }
        .render()
    })?;
    email.enqueue(conn, Some(format!("invitation:{}", invitation.id)), now)?;
    actor.audit(
        conn,
        now,
        "user.invite",
        "user",
        &user.id,
        format!("invitation sent to {}", user.email),
    )?;
    Ok(())
}

/// The person behind a valid invitation link, if it is still valid.
pub fn invitation_user(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> AppResult<Option<User>> {
    match invitations::find_valid(conn, &hash_token(token), now)? {
        Some(inv) => Ok(users::find(conn, &inv.user_id)?),
        None => Ok(None),
    }
}

/// Sets the password through an invitation link; the link then stops working.
pub fn accept_invitation(
    conn: &mut DbConn,
    token: &str,
    password: &str,
    confirm: &str,
    client_addr: Option<String>,
    now: NaiveDateTime,
) -> AppResult<User> {
    let invitation =
        invitations::find_valid(conn, &hash_token(token), now)?.ok_or(AppError::NotFound)?;
    let user = users::find(conn, &invitation.user_id)?.ok_or(AppError::NotFound)?;
    validate_new_password(password, confirm, &user.email)?;
    if !invitations::mark_used(conn, &invitation.id, now)? {
        return Err(AppError::NotFound);
    }
    users::set_password(conn, &user.id, &hash_password(password)?, now)?;
    let actor = Actor {
        user_id: Some(user.id.clone()),
        label: user.name.clone(),
        client_addr,
    };
    actor.audit(
        conn,
        now,
        "user.password_set",
        "user",
        &user.id,
        "chose a password through an invitation".into(),
    )?;
    Ok(users::find(conn, &user.id)?.unwrap_or(user))
}

/// How password-reset links are made: where they point, how long they
/// work, and how many one account may be sent in an hour.
pub struct ResetPolicy<'a> {
    pub base_url: &'a str,
    pub minutes: u32,
    pub per_account_per_hour: u32,
}

/// The address a reset link is asked for, checked for its form only
/// (lower-cased), before anything is looked up or counted.
pub fn reset_address(email: &str) -> AppResult<String> {
    let mut p = Problems::new();
    let email = p.email("email", Some(email));
    p.finish()?;
    Ok(email)
}

/// Sends a single-use link to choose a new password, if `email` belongs to
/// an account that has not had its hourly share of links. What the person
/// asking is shown does not depend on it (no one learns who has an
/// account); only a malformed address is refused.
pub fn request_password_reset(
    conn: &mut DbConn,
    email: &str,
    policy: &ResetPolicy<'_>,
    client_addr: Option<String>,
    now: NaiveDateTime,
) -> AppResult<()> {
    let email = reset_address(email)?;
    let Some(user) = users::find_by_email(conn, &email)? else {
        tracing::info!("password reset asked for an address with no account");
        return Ok(());
    };
    let sent = password_resets::sent_since(conn, &user.id, now - TimeDelta::hours(1))?;
    if sent >= i64::from(policy.per_account_per_hour) {
        tracing::warn!(user = %user.id, sent, "password reset not sent: hourly limit reached");
        return Ok(());
    }
    let token = random_token("pwr_");
    let reset = PasswordReset {
        id: crate::clock::new_id(),
        user_id: user.id.clone(),
        token_hash: hash_token(&token),
        expires_at: now + TimeDelta::minutes(i64::from(policy.minutes)),
        used_at: None,
        created_at: now,
    };
    password_resets::insert(conn, &reset)?;
    let link = format!("{}/password-reset/{}", policy.base_url, token);
    let (chosen, bilingual) = mail_language(conn, &user, true)?;
    messages::written_for(chosen.as_deref(), bilingual, || {
        messages::PasswordReset {
            to: user.email.clone(),
            name: user.name.clone(),
            email: user.email.clone(),
            link: link.clone(),
            expires: crate::domain::format::london_datetime(reset.expires_at),
        }
        .render()
    })?
    .enqueue(conn, Some(format!("password-reset:{}", reset.id)), now)?;
    let actor = Actor {
        user_id: None,
        label: "password-reset request".into(),
        client_addr,
    };
    actor.audit(
        conn,
        now,
        "user.password_reset_sent",
        "user",
        &user.id,
        format!("a password-reset link was sent to {}", user.email),
    )?;
    Ok(())
}

/// The person a password-reset link is for, while it still works.
pub fn reset_link_user(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> AppResult<Option<User>> {
    match password_resets::find_valid(conn, &hash_token(token), now)? {
        Some(r) => Ok(users::find(conn, &r.user_id)?),
        None => Ok(None),
    }
}

/// Sets a new password through a reset link. The link, and every other
/// link of theirs, stops working; every session of theirs ends; they are
/// told by email, in case it was not them. `NotFound` when the link no
/// longer works.
pub fn reset_password(
    conn: &mut DbConn,
    token: &str,
    password: &str,
    confirm: &str,
    client_addr: Option<String>,
    base_url: &str,
    now: NaiveDateTime,
) -> AppResult<User> {
    let reset =
        password_resets::find_valid(conn, &hash_token(token), now)?.ok_or(AppError::NotFound)?;
    let user = users::find(conn, &reset.user_id)?.ok_or(AppError::NotFound)?;
    validate_new_password(password, confirm, &user.email)?;
    if !password_resets::mark_used(conn, &reset.id, now)? {
        return Err(AppError::NotFound);
    }
    password_resets::retire_all_of(conn, &user.id, now)?;
    users::set_password(conn, &user.id, &hash_password(password)?, now)?;
    crate::db::sessions::delete_all_of(conn, &user.id)?;
    let actor = Actor {
        user_id: Some(user.id.clone()),
        label: user.name.clone(),
        client_addr,
    };
    actor.audit(
        conn,
        now,
        "user.password_reset",
        "user",
        &user.id,
        "chose a new password through a reset link; every session ended".into(),
    )?;
    let (chosen, bilingual) = mail_language(conn, &user, true)?;
    messages::written_for(chosen.as_deref(), bilingual, || {
        use crate::i18n::{Arg, t, t_args};
        let when = crate::domain::format::london_datetime(now);
        messages::Notice {
            template: "password_changed",
            to: user.email.clone(),
            name: user.name.clone(),
            subject: t("mail-password-changed-subject"),
            lines: vec![
                t_args(
                    "mail-password-changed",
                    &[
                        ("email", Arg::Text(&user.email)),
                        ("when", Arg::Text(&when)),
                    ],
                ),
                t("mail-password-not-you"),
            ],
            link_text: t("mail-sign-in"),
            link: format!("{base_url}/login"),
        }
        .render()
    })?
    .enqueue(conn, Some(format!("password-changed:{}", reset.id)), now)?;
    Ok(users::find(conn, &user.id)?.unwrap_or(user))
}

/// Changes a password after checking the current one; other sessions end.
pub fn change_password(
    conn: &mut DbConn,
    actor: &Actor,
    user: &User,
    current: &str,
    new: &str,
    confirm: &str,
    now: NaiveDateTime,
) -> AppResult<User> {
    let mut p = Problems::new();
    if !verify_password(user.password_hash.as_deref(), current) {
        p.add(
            "current_password",
            "incorrect",
            crate::i18n::say("password-current-wrong"),
        );
    }
    if let Err(AppError::Validation(errors)) = validate_new_password(new, confirm, &user.email) {
        for e in errors {
            p.add(&e.field, &e.code, e.message);
        }
    }
    p.finish()?;
    users::set_password(conn, &user.id, &hash_password(new)?, now)?;
    actor.audit(
        conn,
        now,
        "user.password_change",
        "user",
        &user.id,
        "changed their password".into(),
    )?;
    Ok(users::find(conn, &user.id)?.unwrap_or_else(|| user.clone()))
}

fn validate_new_password(password: &str, confirm: &str, email: &str) -> AppResult<()> {
    let mut p = Problems::new();
    if let Err(e) = check_password(password, email) {
        p.add("password", &e.code, e.message);
    }
    if password != confirm {
        p.add(
            "confirm_password",
            "mismatch",
            crate::i18n::say("password-mismatch"),
        );
    }
    Ok(p.finish()?)
}

/// Length is what matters (NCSC guidance): at least 12 characters.
pub fn check_password(password: &str, email: &str) -> Result<(), FieldError> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            "too_short",
            crate::i18n::say_args(
                "password-too-short",
                &[("min", crate::i18n::Arg::count(MIN_PASSWORD_CHARS))],
            ),
        ));
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            "too_long",
            crate::i18n::say_args(
                "password-too-long",
                &[("max", crate::i18n::Arg::count(MAX_PASSWORD_CHARS))],
            ),
        ));
    }
    if !email.is_empty() && password.trim().eq_ignore_ascii_case(email) {
        return Err(FieldError::new(
            "password",
            "is_email",
            crate::i18n::say("password-is-email"),
        ));
    }
    Ok(())
}

pub fn hash_password(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(format!("hashing: {e}")))
}

pub fn verify_password(hash: Option<&str>, password: &str) -> bool {
    let Some(hash) = hash else { return false };
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Checks an email and password. Unknown accounts cost the same time as
/// known ones, so timing does not reveal who has an account.
pub fn authenticate(conn: &mut DbConn, email: &str, password: &str) -> AppResult<Option<User>> {
    let email = email.trim().to_lowercase();
    let user = users::find_by_email(conn, &email)?;
    match user {
        Some(u) if verify_password(u.password_hash.as_deref(), password) => Ok(Some(u)),
        Some(_) => Ok(None),
        None => {
            static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
            let dummy =
                DUMMY.get_or_init(|| hash_password("not-a-real-password").unwrap_or_default());
            let _ = verify_password(Some(dummy), password);
            Ok(None)
        }
    }
}

/// A random secret with a recognisable prefix (so leaked tokens can be found).
pub fn random_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// Tokens are stored only as their SHA-256 (they are random, so no salt is needed).
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Turns `user_id`'s personal calendar feed on with a new secret link (any
/// old link stops working) and returns the secret, which is shown once: only
/// its SHA-256 is kept. `None` turns the feed off.
pub fn set_calendar_feed(
    conn: &mut DbConn,
    actor: &Actor,
    user_id: &str,
    on: bool,
    now: NaiveDateTime,
) -> AppResult<Option<String>> {
    let secret = on.then(|| random_token("cal_"));
    let stored = secret.as_deref().map(hash_token);
    users::set_calendar_secret(conn, user_id, stored.as_deref())?;
    actor.audit(
        conn,
        now,
        "account.calendar_feed",
        "user",
        user_id,
        if on {
            "new calendar feed link"
        } else {
            "calendar feed turned off"
        }
        .into(),
    )?;
    Ok(secret)
}

/// Records the language `user_id` chose for pages (`None`: not chosen). It
/// comes back with them at each sign-in; emails do not follow it yet.
pub fn set_language(
    conn: &mut DbConn,
    actor: &Actor,
    user_id: &str,
    lang: Option<crate::i18n::Lang>,
    now: NaiveDateTime,
) -> AppResult<()> {
    let code = lang.map(crate::i18n::Lang::code);
    users::set_language(conn, user_id, code, now)?;
    actor.audit(
        conn,
        now,
        "account.language",
        "user",
        user_id,
        code.unwrap_or("none").into(),
    )?;
    Ok(())
}

/// Whether `user_id` has a calendar feed turned on.
pub fn calendar_feed_on(conn: &mut DbConn, user_id: &str) -> AppResult<bool> {
    Ok(users::calendar_secret(conn, user_id)?.is_some())
}

/// The person whose calendar feed link carries `secret`.
pub fn calendar_feed_owner(conn: &mut DbConn, secret: &str) -> AppResult<User> {
    if secret.len() < 20 {
        return Err(AppError::NotFound);
    }
    users::find_by_calendar_secret(conn, &hash_token(secret))?.ok_or(AppError::NotFound)
}

/// Issues an API token for `user_id`. The secret is returned once, never stored.
pub fn issue_token(
    conn: &mut DbConn,
    actor: &Actor,
    user_id: &str,
    label: &str,
    now: NaiveDateTime,
) -> AppResult<(String, ApiToken)> {
    let secret = random_token("qrt_");
    let token = ApiToken {
        id: crate::clock::new_id(),
        user_id: user_id.to_string(),
        token_hash: hash_token(&secret),
        label: label.to_string(),
        created_at: now,
        last_used_at: None,
        revoked_at: None,
    };
    tokens::insert(conn, &token)?;
    actor.audit(
        conn,
        now,
        "token.issue",
        "user",
        user_id,
        format!("API token '{label}' issued"),
    )?;
    Ok((secret, token))
}

pub fn revoke_token(
    conn: &mut DbConn,
    actor: &Actor,
    token: &ApiToken,
    now: NaiveDateTime,
) -> AppResult<()> {
    tokens::revoke(conn, &token.id, now)?;
    actor.audit(
        conn,
        now,
        "token.revoke",
        "user",
        &token.user_id,
        format!("API token '{}' revoked", token.label),
    )
}

/// The user a bearer token belongs to, if it is live.
pub fn user_for_token(
    conn: &mut DbConn,
    secret: &str,
    now: NaiveDateTime,
) -> AppResult<Option<User>> {
    let Some(token) = tokens::find_live_by_hash(conn, &hash_token(secret))? else {
        return Ok(None);
    };
    // Record use at most once a minute, to keep reads cheap; best effort,
    // as for a session: a busy database must not turn a read into an error
    // (the next use notes it).
    if token
        .last_used_at
        .is_none_or(|t| now - t > TimeDelta::minutes(1))
        && let Err(e) = tokens::touch(conn, &token.id, now)
    {
        tracing::warn!(error = %e, "could not note a token's use");
    }
    Ok(users::find(conn, &token.user_id)?)
}

/// Starts a server-side session for a person who has just signed in;
/// `token` is the random value their cookie carries.
pub fn start_session(
    conn: &mut DbConn,
    user: &User,
    token: &str,
    client: &str,
    now: NaiveDateTime,
    hours: u32,
) -> AppResult<()> {
    crate::db::sessions::purge_expired(conn, now)?;
    crate::db::sessions::insert(
        conn,
        &crate::db::sessions::Session {
            id: hash_token(token),
            user_id: user.id.clone(),
            created_at: now,
            last_seen_at: now,
            expires_at: now + chrono::Duration::hours(i64::from(hours)),
            client: client.chars().take(100).collect(),
        },
    )?;
    Ok(())
}

/// Is the session behind `token` still in force for `user_id`? Ends it when
/// it has been idle longer than `idle_minutes`; notes its use at most once
/// a minute.
pub fn session_in_force(
    conn: &mut DbConn,
    token: &str,
    user_id: &str,
    now: NaiveDateTime,
    idle_minutes: u32,
) -> AppResult<bool> {
    let id = hash_token(token);
    let Some(s) = crate::db::sessions::find(conn, &id)? else {
        return Ok(false);
    };
    let idle = chrono::Duration::minutes(i64::from(idle_minutes));
    if s.user_id != user_id || s.expires_at <= now || s.last_seen_at + idle <= now {
        crate::db::sessions::delete(conn, &id)?;
        return Ok(false);
    }
    // Noting the use is best effort: a busy database must not turn a page
    // view into an error (the next view notes it).
    if now - s.last_seen_at >= chrono::Duration::minutes(1)
        && let Err(e) = crate::db::sessions::touch(conn, &id, now)
    {
        tracing::warn!(error = %e, "could not note a session's use");
    }
    Ok(true)
}

/// Ends the session behind `token` (signing out).
pub fn end_session(conn: &mut DbConn, token: &str) -> AppResult<()> {
    crate::db::sessions::delete(conn, &hash_token(token))?;
    Ok(())
}

/// Ends every session of a person ("sign out everywhere"), audited.
pub fn end_all_sessions(
    conn: &mut DbConn,
    actor: &Actor,
    user_id: &str,
    now: NaiveDateTime,
) -> AppResult<usize> {
    let n = crate::db::sessions::delete_all_of(conn, user_id)?;
    actor.audit(
        conn,
        now,
        "account.sign_out_everywhere",
        "user",
        user_id,
        format!("ended {n} session(s)"),
    )?;
    Ok(n)
}

/// A person and the roles they hold in each body.
pub fn with_grants(
    conn: &mut DbConn,
    user: User,
) -> AppResult<(User, crate::domain::roles::Grants)> {
    let roles = crate::db::memberships::roles_of(conn, &user.id)?
        .into_iter()
        .filter_map(|(body_id, _, _, role)| {
            crate::domain::roles::Role::parse(&role).map(|r| (body_id, r))
        })
        .collect();
    let grants = crate::domain::roles::Grants {
        is_admin: user.is_admin,
        roles,
        organisation_id: user.organisation_id.clone(),
    };
    Ok((user, grants))
}

/// Who an API token belongs to, with their roles; `None` for a token that
/// is unknown, revoked or expired.
pub fn token_holder(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> AppResult<Option<(User, crate::domain::roles::Grants)>> {
    match user_for_token(conn, token, now)? {
        Some(u) => with_grants(conn, u).map(Some),
        None => Ok(None),
    }
}

/// Who a session cookie belongs to, with their roles: `None` unless the
/// session is still held on the server (signing out, signing out everywhere
/// or idling ends it) and the person's session epoch matches.
pub fn session_holder(
    conn: &mut DbConn,
    user_id: &str,
    epoch: i32,
    session_id: &str,
    at: NaiveDateTime,
    idle_minutes: u32,
) -> AppResult<Option<(User, crate::domain::roles::Grants)>> {
    match users::find(conn, user_id)? {
        Some(u)
            if u.session_epoch == epoch
                && session_in_force(conn, session_id, &u.id, at, idle_minutes)? =>
        {
            with_grants(conn, u).map(Some)
        }
        _ => Ok(None),
    }
}

/// What a person's account page shows of them.
pub struct AccountView {
    pub organisation: String,
    /// (body id, body slug, body name, role)
    pub roles: Vec<(String, String, String, String)>,
    pub tokens: Vec<ApiToken>,
    pub calendar_feed: bool,
    pub sessions: Vec<crate::db::sessions::Session>,
}

pub fn account(conn: &mut DbConn, user: &User, now: NaiveDateTime) -> AppResult<AccountView> {
    let organisation = organisations::find(conn, &user.organisation_id)?
        .map(|o| o.name)
        .unwrap_or_default();
    Ok(AccountView {
        organisation,
        roles: crate::db::memberships::roles_of(conn, &user.id)?,
        tokens: tokens::of_user(conn, &user.id)?,
        calendar_feed: calendar_feed_on(conn, &user.id)?,
        sessions: crate::db::sessions::of_user(conn, &user.id, now)?,
    })
}

/// One of this person's own API tokens; 404 for anyone else's.
pub fn own_token(conn: &mut DbConn, user_id: &str, id: &str) -> AppResult<ApiToken> {
    tokens::find(conn, id)?
        .filter(|t| t.user_id == user_id)
        .ok_or(AppError::NotFound)
}

/// A person by id; 404 when there is none.
pub fn user(conn: &mut DbConn, id: &str) -> AppResult<User> {
    users::find(conn, id)?.ok_or(AppError::NotFound)
}

/// A person's API tokens are theirs to manage, or a site administrator's.
pub fn may_manage_tokens(
    grants: &crate::domain::roles::Grants,
    caller_id: &str,
    user_id: &str,
) -> AppResult<()> {
    if grants.is_admin || caller_id == user_id {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A person's API tokens (without their secrets, which are never kept).
pub fn tokens_of(conn: &mut DbConn, user_id: &str) -> AppResult<Vec<ApiToken>> {
    Ok(tokens::of_user(conn, user_id)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_password("correct horse battery").expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(Some(&h), "correct horse battery"));
        assert!(!verify_password(Some(&h), "wrong horse battery"));
        assert!(!verify_password(None, "anything"));
        assert!(!verify_password(Some("garbage"), "anything"));
    }

    #[test]
    fn password_rules() {
        assert_eq!(
            check_password("short", "a@b.org").map_err(|e| e.code),
            Err("too_short".into())
        );
        assert_eq!(
            check_password("ann@example.org", "ann@example.org").map_err(|e| e.code),
            Err("is_email".into())
        );
        assert!(check_password("a long enough passphrase", "a@b.org").is_ok());
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let a = random_token("qrt_");
        let b = random_token("qrt_");
        assert_ne!(a, b);
        assert!(a.starts_with("qrt_") && a.len() > 40);
        assert_eq!(hash_token(&a).len(), 64);
        assert_ne!(hash_token(&a), hash_token(&b));
    }
}
