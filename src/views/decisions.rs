//! The decisions register.

use askama::Template;

use super::Nav;

#[derive(Clone, Debug)]
pub struct DecisionRow {
    pub reference: String,
    pub text: String,
    /// Why it was withdrawn; empty while it stands.
    pub withdrawn: String,
    pub body: String,
    pub meeting_id: String,
    pub date: String,
    pub item: String,
    pub paper_link: String,
    pub actions: usize,
    /// The tracker is for those signed in; the public sees that actions exist.
    pub actions_link: bool,
}

#[derive(Template)]
#[template(path = "decisions.html")]
pub struct RegisterPage {
    pub nav: Nav,
    pub rows: Vec<DecisionRow>,
    /// More decisions match than the page shows.
    pub truncated: bool,
    pub bodies: Vec<(String, String)>,
    /// (priority id, "title (body)")
    pub priorities: Vec<(String, String)>,
    pub f_priority: String,
    pub f_body: String,
    pub f_from: String,
    pub f_to: String,
    pub f_q: String,
    pub error: String,
}
