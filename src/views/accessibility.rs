//! The accessibility statement.

use askama::Template;

use super::Nav;

/// `/accessibility`: who runs this Quorate and how to reach them (from the
/// configuration), how it was tested (the browser journeys' page states),
/// and what is known not to meet the standard.
#[derive(Template)]
#[template(path = "accessibility.html")]
pub struct AccessibilityPage {
    pub nav: Nav,
    pub site: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
    /// "We will reply within 10 working days."
    pub reply: String,
    /// The page states checked with axe-core, in words.
    pub checked: Vec<String>,
    pub version: &'static str,
}
