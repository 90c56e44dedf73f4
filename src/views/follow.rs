//! Follow-through, per body and per organisation.

use askama::Template;

use super::Nav;

/// A follow-through table row: (link key — organisation id or body slug —,
/// name, total, on time, late, overdue, median days late, on-time %).
pub type FollowRow = (String, String, usize, usize, usize, usize, String, String);

/// One bar of a chart: label, value, and the bar's width in the drawing.
#[derive(Clone, Debug)]
pub struct Bar {
    pub label: String,
    pub value: String,
    pub width: f64,
    pub y: usize,
}

#[derive(Template)]
#[template(path = "follow_through.html")]
pub struct FollowThroughPage {
    pub nav: Nav,
    pub body_name: String,
    pub body_slug: String,
    pub table: Vec<FollowRow>,
    pub on_time_bars: Vec<Bar>,
    pub on_time_height: usize,
    pub ageing_bars: Vec<Bar>,
    pub ageing_height: usize,
    pub ageing: Vec<(String, usize)>,
    pub decisions: usize,
    pub decisions_without_actions: usize,
    pub summary: String,
    /// "These figures include …" when some records are confidential.
    pub confidential_note: String,
}

#[derive(Template)]
#[template(path = "org_follow_through.html")]
pub struct OrgFollowThroughPage {
    pub nav: Nav,
    pub name: String,
    pub table: Vec<FollowRow>,
    pub on_time_bars: Vec<Bar>,
    pub on_time_height: usize,
    pub ageing: Vec<(String, usize)>,
    pub summary: String,
    /// "These figures include …" when some actions are confidential.
    pub confidential_note: String,
}

/// Says how many of the records counted are confidential, so that public
/// figures never disagree silently with the public lists; "" when none are.
pub fn confidential_note(actions: usize, decisions: usize) -> String {
    use crate::i18n::{Arg, t_args as t_with};
    let count = |key: &str, n: usize| t_with(key, &[("count", Arg::count(n))]);
    let parts = match (actions, decisions) {
        (0, 0) => return String::new(),
        (a, 0) => count("follow-confidential-actions", a),
        (0, d) => count("follow-confidential-decisions", d),
        (a, d) => t_with(
            "follow-confidential-both",
            &[
                (
                    "actions",
                    Arg::Text(&count("follow-confidential-actions", a)),
                ),
                (
                    "decisions",
                    Arg::Text(&count("follow-confidential-decisions", d)),
                ),
            ],
        ),
    };
    t_with("follow-confidential-note", &[("parts", Arg::Text(&parts))])
}

#[cfg(test)]
mod tests {
    use super::confidential_note;

    #[test]
    fn confidential_records_are_owned_up_to_in_the_figures() {
        assert_eq!(confidential_note(0, 0), "");
        assert_eq!(
            confidential_note(1, 0),
            "These figures include 1 confidential action, counted here but not published."
        );
        assert_eq!(
            confidential_note(3, 2),
            "These figures include 3 confidential actions and 2 confidential decisions, counted here but not published."
        );
    }
}
