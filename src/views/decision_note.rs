//! The rapid decision note of a meeting.

use askama::Template;

use super::Errors;

pub use crate::services::decision_note::{NoteDecision, NoteDeclaration};

#[derive(Template)]
#[template(path = "decision_note.html")]
pub struct DecisionNotePage {
    pub nav: super::Nav,
    pub errors: Errors,
    pub meeting_id: String,
    pub body_name: String,
    pub body_slug: String,
    pub date: String,
    /// "Due by Monday 14 December 2026."
    pub due: String,
    /// "Published … by …", or "" for the secretariat's preview.
    pub published: String,
    pub may_publish: bool,
    pub present: Vec<String>,
    pub apologies: Vec<String>,
    pub absent: Vec<String>,
    pub movements: Vec<String>,
    pub declarations: Vec<NoteDeclaration>,
    pub decisions: Vec<NoteDecision>,
    /// "1 decision on a confidential item is not shown." or "".
    pub withheld: String,
}
