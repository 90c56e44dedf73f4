//! The Welsh version of a record, and the secretariat's translation queue.

use askama::Template;

use super::{Errors, Nav};

/// One field: its English, the Welsh as stored or typed, its status.
#[derive(Clone, Debug)]
pub struct FieldRow {
    /// The form field's name: `cy.purpose`.
    pub name: String,
    pub label: String,
    pub english: String,
    pub welsh: String,
    pub status: String,
    /// tag-green, tag-blue, tag-yellow, tag-red, tag-grey
    pub status_class: &'static str,
    /// The English changed since the Welsh was written.
    pub outdated: bool,
    /// Rows for the text box: long fields get more.
    pub rows: usize,
    pub limit_hint: String,
}

#[derive(Template)]
#[template(path = "translation.html")]
pub struct TranslationPage {
    pub nav: Nav,
    pub errors: Errors,
    /// paper, agenda_item, … (the address's first part)
    pub kind: String,
    pub id: String,
    pub kind_label: String,
    pub title: String,
    pub body_name: String,
    pub back: String,
    pub overall: String,
    pub overall_class: &'static str,
    pub fields: Vec<FieldRow>,
    pub may_approve: bool,
    pub bilingual: bool,
}

/// One record in the queue.
#[derive(Clone, Debug)]
pub struct QueueRow {
    pub link: String,
    pub title: String,
    pub kind_label: String,
    pub body_name: String,
    pub meeting_link: String,
    pub meeting: String,
    pub deadline: String,
    pub overdue: bool,
    pub status: String,
    pub status_class: &'static str,
    pub missing: String,
}

#[derive(Template)]
#[template(path = "translations.html")]
pub struct QueuePage {
    pub nav: Nav,
    /// Meetings needing simultaneous translation: (link, meeting, words).
    pub interpreting: Vec<(String, String, String)>,
    pub waiting: Vec<QueueRow>,
    pub done: Vec<QueueRow>,
}
