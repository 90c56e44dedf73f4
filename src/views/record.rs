//! Pages of the meeting record, actions, the decisions register and
//! follow-through.

use askama::Template;

use super::{Errors, Nav};

#[derive(Clone, Debug)]
pub struct AttendanceRow {
    pub user_id: String,
    pub name: String,
    pub organisation: String,
    pub role: String,
    /// present, apologies, absent or "" (not recorded)
    pub status: String,
    pub substitute_for: String,
    pub is_substitute: bool,
}

#[derive(Clone, Debug)]
pub struct RecordItem {
    pub id: String,
    pub number: i32,
    pub title: String,
    pub exempt: bool,
    /// "Cllr X: interest"
    pub declarations: Vec<String>,
    pub notes: String,
    /// (reference, text)
    pub decisions: Vec<(String, String, String)>,
    /// (description, owner, due)
    pub actions: Vec<(String, String, String)>,
    pub late_urgency: String,
}

#[derive(Template)]
#[template(path = "record.html")]
pub struct RecordPage {
    pub nav: Nav,
    pub errors: Errors,
    pub meeting_id: String,
    pub body_name: String,
    pub body_slug: String,
    pub date: String,
    pub quorum: String,
    pub quorate: bool,
    pub attendance: Vec<AttendanceRow>,
    /// Voting members a substitute may stand in for: (id, name)
    pub voting: Vec<(String, String)>,
    pub items: Vec<RecordItem>,
    /// Everyone who can own an action: (id, "Name, Organisation")
    pub people: Vec<(String, String)>,
    /// Members of the body, for declarations: (id, name)
    pub members: Vec<(String, String)>,
    /// A fresh key per form render: a resubmitted form records once.
    pub key: String,
    pub focus_item: String,
    /// A record form as typed, shown again with its errors.
    pub typed: RecordTyped,
}

/// What was typed into one of the record page's item forms.
#[derive(Clone, Debug, Default)]
pub struct RecordTyped {
    pub item: String,
    /// notes, declarations, decisions or actions
    pub form: String,
    pub fields: std::collections::HashMap<String, String>,
}

impl RecordTyped {
    /// The value typed into `field` of `form` on `item`, or "".
    pub fn value(&self, item: &str, form: &str, field: &str) -> &str {
        if self.item == item && self.form == form {
            self.fields.get(field).map(String::as_str).unwrap_or("")
        } else {
            ""
        }
    }
}

#[derive(Clone, Debug)]
pub struct ActionRow {
    pub id: String,
    pub description: String,
    pub owner: String,
    pub organisation: String,
    pub body: String,
    pub due: String,
    pub due_iso: String,
    pub status: String,
    pub rag: String,
    pub rag_class: String,
    pub latest_note: String,
}

#[derive(Template)]
#[template(path = "my_actions.html")]
pub struct MyActionsPage {
    pub nav: Nav,
    pub open: Vec<ActionRow>,
    pub closed: Vec<ActionRow>,
}

#[derive(Template)]
#[template(path = "action.html")]
pub struct ActionPage {
    pub nav: Nav,
    pub errors: Errors,
    pub action: ActionRow,
    pub body_slug: String,
    pub meeting_id: String,
    pub decision: String,
    pub dropped_reason: String,
    /// (when, who, what)
    pub history: Vec<(String, String, String)>,
    pub can_update: bool,
    pub closed: bool,
    pub version: i32,
    /// (value, label) of the states it may move to
    pub next_states: Vec<(String, String)>,
    pub due_value: String,
    pub typed_note: String,
    pub typed_status: String,
    pub typed_reason: String,
}

#[derive(Template)]
#[template(path = "actions.html")]
pub struct TrackerPage {
    pub nav: Nav,
    pub rows: Vec<ActionRow>,
    /// (slug, name)
    pub bodies: Vec<(String, String)>,
    pub organisations: Vec<(String, String)>,
    pub people: Vec<(String, String)>,
    pub f_body: String,
    pub f_owner: String,
    pub f_organisation: String,
    pub f_status: String,
    pub f_overdue: bool,
    pub f_within: String,
    pub truncated: bool,
}

#[derive(Clone, Debug)]
pub struct DecisionRow {
    pub reference: String,
    pub text: String,
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
#[template(path = "minutes.html")]
pub struct MinutesPage {
    pub nav: Nav,
    pub errors: Errors,
    pub meeting_id: String,
    pub body_name: String,
    pub body_slug: String,
    pub date: String,
    /// draft, circulated, approved, or "" when there are none to show
    pub status: String,
    pub status_words: String,
    pub open_html: crate::render::SafeHtml,
    pub exempt_html: crate::render::SafeHtml,
    pub show_exempt: bool,
    pub can_edit: bool,
    pub open_markdown: String,
    pub exempt_markdown: String,
    pub version: i32,
    /// "regenerate" or "approve" while asking the clerk to confirm; else "".
    pub confirm: String,
}

#[derive(Template)]
#[template(path = "import.html")]
pub struct ImportPage {
    pub nav: Nav,
    pub errors: Errors,
    pub body_name: String,
    pub body_slug: String,
    /// (field, what it is, required, the header given for it)
    pub fields: Vec<(String, String, bool, String)>,
    /// Problems with the file, each with its line.
    pub problems: Vec<String>,
    pub outcome: String,
    pub skip_invalid: bool,
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

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub nav: Nav,
    pub q: String,
    pub hits: Vec<crate::services::search::Hit>,
    pub error: String,
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
