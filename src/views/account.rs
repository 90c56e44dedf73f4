//! Signing in, accepting an invitation, and the account page.

use askama::Template;

use super::{Errors, Nav};

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub nav: Nav,
    pub errors: Errors,
    pub email: String,
    pub next: String,
}

/// Resetting a forgotten password: asking for a link (`ask`), told to
/// check email (`sent`), choosing the new one (`choose`), or a link that
/// no longer works (`invalid`).
#[derive(Template)]
#[template(path = "password_reset.html")]
pub struct PasswordResetPage {
    pub nav: Nav,
    pub errors: Errors,
    pub stage: &'static str,
    /// The message key of the page's title.
    pub title: &'static str,
    /// The address typed (`ask`, `sent`) or the account's (`choose`).
    pub email: String,
    /// How long a link works, in words (`sent`).
    pub works: String,
    pub token: String,
}

#[derive(Template)]
#[template(path = "invitation.html")]
pub struct InvitationPage {
    pub nav: Nav,
    pub errors: Errors,
    pub name: String,
    pub email: String,
    pub token: String,
}

#[derive(Clone, Debug)]
pub struct TokenRow {
    pub id: String,
    pub label: String,
    pub created: String,
    pub last_used: String,
    pub revoked: bool,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub nav: Nav,
    pub errors: Errors,
    /// The new token's label as typed, shown again with its error.
    pub typed_label: String,
    pub name: String,
    pub email: String,
    pub organisation: String,
    /// (slug, body name, role)
    pub roles: Vec<(String, String, String)>,
    pub tokens: Vec<TokenRow>,
    /// A token just issued: shown once.
    pub new_token: Option<String>,
    /// Whether the personal calendar feed is on.
    pub calendar_on: bool,
    /// A feed link just made: shown once (only its digest is kept).
    pub new_calendar_url: Option<String>,
    /// The same link as `webcal://`, which calendar apps open to subscribe.
    pub calendar_subscribe_url: String,
    /// Where this person is signed in.
    pub sessions: Vec<SessionRow>,
    /// Routine mail once a day rather than as it happens.
    pub mail_daily: bool,
    /// The routine mail this person may turn off, and whether it is on.
    pub mail_topics: Vec<MailTopicRow>,
}

/// A kind of routine mail, as a checkbox on the account page.
#[derive(Clone, Debug)]
pub struct MailTopicRow {
    pub key: &'static str,
    /// The message key of its label.
    pub label: &'static str,
    pub on: bool,
}

/// A signed-in session, for the account page.
#[derive(Clone, Debug)]
pub struct SessionRow {
    pub started: String,
    pub last_seen: String,
    pub client: String,
    /// The session this page was asked for in.
    pub this_one: bool,
}

/// Following an unsubscribe link from an email: the page asks first
/// (`ask`), says it is done (`done`), or that the link does not work
/// (`invalid`).
#[derive(Template)]
#[template(path = "unsubscribe.html")]
pub struct UnsubscribePage {
    pub nav: Nav,
    pub stage: &'static str,
    pub token: String,
    /// What the link stops, in words ("calls for papers").
    pub what: String,
    /// Whose link it is.
    pub name: String,
}
