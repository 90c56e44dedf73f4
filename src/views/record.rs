//! The meeting record sheet.

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
    /// Present remotely.
    pub remote: bool,
}

/// A decision on the record sheet.
#[derive(Clone, Debug)]
pub struct RecordDecision {
    pub id: String,
    pub reference: String,
    pub text: String,
    /// Why it was withdrawn; empty while it stands.
    pub withdrawn: String,
    /// The vote's outcome and, by name, who voted how; empty without one.
    pub vote: Vec<String>,
}

/// An action on the record sheet, with what its correction form starts
/// from (what was typed, after an error; else the action as it stands).
#[derive(Clone, Debug)]
pub struct RecordAction {
    pub id: String,
    /// Which action it is, for labels: "item 5, action 2".
    pub which: String,
    pub description: String,
    pub owner: String,
    pub due: String,
    /// The correction form's fields.
    pub fix_description: String,
    pub fix_owner: String,
    pub fix_due: super::DateTyped,
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
    /// The item's own quorum, where someone left the room for it ("" when
    /// it is the meeting's).
    pub quorum: String,
    /// Arrivals and departures at this item: (person's id, words).
    pub moves: Vec<(String, String)>,
    /// Who may vote on it, in the room for it (for votes by name).
    pub voters: Vec<(String, String)>,
    pub decisions: Vec<RecordDecision>,
    pub actions: Vec<RecordAction>,
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
    /// Those recorded present, for arrivals and departures: (id, name)
    pub present: Vec<(String, String)>,
    /// The body records votes by name (else by count).
    pub votes_by_name: bool,
    /// A fresh key per form render: a resubmitted form records once.
    pub key: String,
    pub focus_item: String,
    /// Decisions and actions may still be corrected or withdrawn.
    pub can_correct: bool,
    /// A bilingual body: each decision links to its Welsh version.
    pub bilingual: bool,
    /// A record form as typed, shown again with its errors.
    pub typed: RecordTyped,
}

/// What was typed into one of the record page's item forms.
#[derive(Clone, Debug, Default)]
pub struct RecordTyped {
    pub item: String,
    /// notes, declarations, decisions, actions, attendance; correct or
    /// withdraw (a decision); correct-action or withdraw-action
    pub form: String,
    pub fields: std::collections::HashMap<String, String>,
}

impl RecordTyped {
    /// The date typed into `field` (its day, month and year) of `form` on
    /// `item`.
    pub fn date(&self, item: &str, form: &str, field: &str) -> super::DateTyped {
        super::DateTyped::new(
            self.value(item, form, &format!("{field}-day")),
            self.value(item, form, &format!("{field}-month")),
            self.value(item, form, &format!("{field}-year")),
        )
    }

    /// The vote chosen for `who` on the decision form of `item`, or "".
    pub fn vote(&self, item: &str, who: &str) -> &str {
        self.value(item, "decisions", &format!("vote-{who}"))
    }

    /// The value typed into `field` of `form` on `item`, or "".
    pub fn value(&self, item: &str, form: &str, field: &str) -> &str {
        if self.item == item && self.form == form {
            self.fields.get(field).map(String::as_str).unwrap_or("")
        } else {
            ""
        }
    }
}
