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
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 confidential {one}")
        } else {
            format!("{n} confidential {many}")
        }
    };
    let parts: Vec<String> = [
        (actions > 0).then(|| plural(actions, "action", "actions")),
        (decisions > 0).then(|| plural(decisions, "decision", "decisions")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(
            "These figures include {}, counted here but not published.",
            parts.join(" and ")
        )
    }
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
