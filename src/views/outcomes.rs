//! "What we achieved".

use askama::Template;

use super::Nav;

/// One achievement, in words.
#[derive(Clone, Debug)]
pub struct OutcomeRow {
    pub reference: String,
    pub text: String,
    pub body_slug: String,
    pub body_name: String,
    pub meeting_id: String,
    /// "Tuesday 13 October 2026"
    pub decided: String,
    pub achieved: String,
    pub organisations: String,
}

#[derive(Template)]
#[template(path = "outcomes.html")]
pub struct OutcomesPage {
    pub nav: Nav,
    /// (slug, name) of the body, or empty for the whole partnership.
    pub body_slug: String,
    pub body_name: String,
    pub summary: String,
    /// (priority, achievements); the priority empty for "no priority".
    pub groups: Vec<(String, Vec<OutcomeRow>)>,
    /// Only the most recent are listed.
    pub capped: bool,
}
