//! The mail page.

use askama::Template;

use super::Nav;

/// One message on the mail page.
#[derive(Clone, Debug)]
pub struct MailRow {
    pub id: String,
    pub to: String,
    pub subject: String,
    /// Queued, Sent or Failed
    pub state: String,
    /// The tag's colour class.
    pub tag: &'static str,
    /// When it was queued, and when sent or failed.
    pub when: String,
    pub attempts: i32,
    pub error: String,
    pub can_retry: bool,
    pub can_cancel: bool,
}

#[derive(Template)]
#[template(path = "mail.html")]
pub struct MailPage {
    pub nav: Nav,
    /// "" for all mail (administrators), else the body's name.
    pub body_name: String,
    /// Where the page and its forms are: `/admin/mail` or `/bodies/{slug}/mail`.
    pub base: String,
    /// The filters: (address, words, the one chosen).
    pub filters: Vec<(String, String, bool)>,
    pub rows: Vec<MailRow>,
    /// More messages than are shown.
    pub shown: i64,
    pub masked: bool,
}
