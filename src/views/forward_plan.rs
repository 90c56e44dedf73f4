//! A body's forward plan.

use askama::Template;

use super::Nav;

/// A meeting of the plan, in words.
pub struct PlanMeeting {
    pub url: String,
    /// "Tuesday 12 January 2027 at 14:00"
    pub when: String,
    pub location: String,
    /// "Wednesday 23 December 2026 at 12:00"
    pub papers_due: String,
    pub items: Vec<PlanItem>,
}

pub struct PlanItem {
    pub title: String,
    /// "Item for decision", in the reader's words.
    pub kind: String,
    /// Presenting partner and priority, joined, or empty.
    pub detail: String,
    pub status: String,
    /// The key-decision notice day in words, or empty.
    pub notice_by: String,
    pub short_notice: bool,
    /// Where the paper stands, in words, and its tag colour.
    pub paper: String,
    pub paper_class: String,
}

#[derive(Template)]
#[template(path = "forward_plan.html")]
pub struct ForwardPlanPage {
    pub nav: Nav,
    pub body_slug: String,
    pub body_name: String,
    pub meetings: Vec<PlanMeeting>,
}
