//! Actions: mine, the tracker, one action, the import.

use askama::Template;

use super::{Errors, Nav};

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
    pub due_value: super::DateTyped,
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
