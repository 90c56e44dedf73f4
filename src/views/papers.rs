//! A paper's pages: reading, checking, editing, and the author's list.

use askama::Template;

use super::meetings::ProposalRow;
use super::{Errors, Nav, Row};

/// A paper in a list.
#[derive(Clone, Debug)]
pub struct PaperRow {
    pub id: String,
    /// Where the title links: the paper's page for those signed in; for the
    /// public, the copy published with the agenda (empty: no link).
    pub link: String,
    pub title: String,
    pub status: String,
    pub status_class: String,
    pub late: bool,
    pub exempt: Option<i32>,
    pub meeting: String,
    /// What happens next, for the author ("" where not shown).
    pub next_step: String,
    /// When papers are due, for a paper still being written ("" otherwise).
    pub papers_due: String,
}

#[derive(Template)]
#[template(path = "paper.html")]
pub struct PaperPage {
    pub nav: Nav,
    /// An action form (return, withdraw, late decision) as typed.
    pub typed: PaperActionTyped,
    /// Why the secretariat cannot accept the paper yet (instead of a button).
    pub waiting_to_accept: Vec<String>,
    pub errors: Errors,
    pub id: String,
    pub title: String,
    pub meeting_id: String,
    pub meeting_label: String,
    /// The body the paper goes to, for the page title.
    pub body_name: String,
    pub status: String,
    pub status_class: String,
    pub late: bool,
    pub late_reason: String,
    pub late_decision: String,
    pub late_decision_note: String,
    pub exempt: String,
    pub returned_reason: String,
    pub rows: Vec<Row>,
    pub body_html: crate::render::SafeHtml,
    pub word_count: usize,
    pub max_words: i32,
    pub reading_ease: String,
    pub hard_to_read: bool,
    /// (version, status, by, when)
    pub versions: Vec<VersionRow>,
    pub problems: Vec<crate::error::FieldError>,
    pub can_edit: bool,
    pub can_submit: bool,
    pub can_sign_off: bool,
    pub can_accept: bool,
    pub can_return: bool,
    pub can_decide_late: bool,
    pub can_withdraw: bool,
    /// A bilingual body's paper: its author and the secretariat write the
    /// Welsh version.
    pub can_translate: bool,
    pub signed_off: String,
    /// (id, file name, size)
    pub attachments: Vec<(String, String, String)>,
}

impl PaperPage {
    /// "420 of 1500 words".
    pub fn words_line(&self) -> String {
        use crate::i18n::{Arg, text_with};
        text_with(
            self.nav.lang,
            "paper-words",
            &[
                ("count", Arg::count(self.word_count)),
                ("max", Arg::Number(i64::from(self.max_words))),
            ],
        )
    }
}

#[derive(Template)]
#[template(path = "paper_check.html")]
pub struct PaperCheckPage {
    pub nav: Nav,
    pub errors: Errors,
    pub id: String,
    pub title: String,
    pub meeting_label: String,
    /// The body the paper goes to, for the page title.
    pub body_name: String,
    pub rows: Vec<Row>,
    pub problems: Vec<crate::error::FieldError>,
    pub late: bool,
    pub paper_deadline: String,
    pub late_reason: String,
}

#[derive(Template)]
#[template(path = "paper_edit.html")]
pub struct PaperEditPage {
    pub nav: Nav,
    pub errors: Errors,
    pub id: String,
    pub version: i32,
    pub meeting_label: String,
    /// The body the paper goes to, for the page title.
    pub body_name: String,
    /// (section, anchor, completed?)
    pub tasks: Vec<(String, String, TaskStatus)>,
    pub f: PaperFormValues,
    /// (value, label)
    pub item_types: Vec<(String, String)>,
    /// (id, name)
    pub organisations: Vec<(String, String)>,
    /// (id, "Name – Organisation")
    /// (group label, [(id, name)]): the presenting organisation first.
    pub presenters: Vec<(String, Vec<(String, String)>)>,
    /// As `presenters`, without the author.
    pub sponsors: Vec<(String, Vec<(String, String)>)>,
    /// (id, title)
    pub priorities: Vec<(String, String)>,
    /// (number, description): the body's exempt catalogue.
    pub categories: Vec<(i32, String)>,
    /// The catalogue's message keys: its label and hint on the form.
    pub category_label: &'static str,
    /// The body's rules ask for a public interest test (Wales).
    pub asks_public_interest: bool,
    /// Under Welsh law: the cover sheet has a Welsh language impact section.
    pub welsh: bool,
    /// (id, file name, size)
    pub attachments: Vec<(String, String, String)>,
    pub purpose_hint: String,
    pub summary_hint: String,
    pub body_hint: String,
}

/// A paper page's action form as typed, to show again with its errors.
#[derive(Clone, Debug, Default)]
pub struct PaperActionTyped {
    /// return, withdraw or late-decision
    pub action: String,
    pub reason: String,
    pub note: String,
    pub approve: String,
}

impl PaperActionTyped {
    /// The reason typed into this action's form, or "".
    pub fn reason_for(&self, action: &str) -> &str {
        if self.action == action {
            &self.reason
        } else {
            ""
        }
    }
}

/// A cover-sheet section's state in the task list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Completed,
    /// Nothing written and nothing needed (consultation, exempt information).
    Optional,
}

impl TaskStatus {
    /// From whether anything is written, whether the check still finds a
    /// problem in the section, and whether the section may be left empty
    /// (consultation, exempt information).
    pub fn of(touched: bool, has_problem: bool, optional: bool) -> TaskStatus {
        match (touched, has_problem) {
            (false, true) => TaskStatus::NotStarted,
            (true, true) => TaskStatus::InProgress,
            (true, false) => TaskStatus::Completed,
            (false, false) if optional => TaskStatus::Optional,
            (false, false) => TaskStatus::NotStarted,
        }
    }
    pub fn label(&self) -> String {
        crate::i18n::t(match self {
            TaskStatus::NotStarted => "edit-task-not-started",
            TaskStatus::InProgress => "edit-task-in-progress",
            TaskStatus::Completed => "edit-task-completed",
            TaskStatus::Optional => "edit-task-optional",
        })
    }
    pub fn tag(&self) -> &'static str {
        match self {
            TaskStatus::Completed => "tag-green",
            TaskStatus::InProgress => "tag-blue",
            _ => "tag-grey",
        }
    }
}

/// What the edit form holds, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PaperFormValues {
    pub version: String,
    pub title: String,
    pub item_type: String,
    pub presenting_organisation_id: String,
    pub presenter_user_id: String,
    pub sponsor_user_id: String,
    pub purpose: String,
    pub summary: String,
    /// One recommendation per line.
    pub recommendations: String,
    #[serde(rename = "implications.financial")]
    pub financial: String,
    #[serde(rename = "implications.legal")]
    pub legal: String,
    #[serde(rename = "implications.risk")]
    pub risk: String,
    pub equality_assessment: String,
    #[serde(rename = "implications.equality")]
    pub equality: String,
    #[serde(rename = "implications.environment")]
    pub environment: String,
    #[serde(rename = "implications.welsh_language")]
    pub welsh_language: String,
    pub consulted_organisation_ids: Vec<String>,
    pub priority_id: String,
    pub no_priority_reason: String,
    pub body_markdown: String,
    pub exempt: String,
    pub exempt_category: String,
    pub exempt_reason: String,
    #[serde(default)]
    pub exempt_public_interest: String,
    pub minutes_allocated: String,
    /// "yes" for a key decision.
    pub key_decision: String,
    pub next: String,
}

impl PaperFormValues {
    pub fn consulted(&self, id: &str) -> bool {
        self.consulted_organisation_ids.iter().any(|c| c == id)
    }
}

#[derive(Template)]
#[template(path = "my_papers.html")]
pub struct MyPapersPage {
    pub nav: Nav,
    pub papers: Vec<PaperRow>,
    /// Late papers waiting for this person's decision as chair.
    pub late_to_decide: Vec<PaperRow>,
    pub proposals: Vec<ProposalRow>,
}

/// A kept version of a paper, as its history table shows it.
#[derive(Clone, Debug)]
pub struct VersionRow {
    pub number: usize,
    pub status: String,
    pub saved_by: String,
    pub saved_at: String,
    /// What changed since the version before, in words.
    pub changed: String,
}
