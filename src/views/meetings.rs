//! A meeting's page and the forms on it.

use askama::Template;

use super::papers::PaperRow;
use super::{Errors, Nav};

/// One step of a meeting's timeline.
#[derive(Clone, Debug)]
pub struct TimelineStep {
    pub label: String,
    pub when: String,
    pub iso: String,
    pub countdown: String,
    pub passed: bool,
}

/// An item proposal in a list.
#[derive(Clone, Debug)]
pub struct ProposalRow {
    pub id: String,
    pub title: String,
    pub detail: String,
    pub status: String,
    pub undecided: bool,
    pub outcome: String,
    pub paper_id: String,
    /// "Referred by the … from its meeting on …", and that meeting's id.
    pub referred_from: String,
    pub referred_meeting: String,
}

#[derive(Template)]
#[template(path = "meeting.html")]
pub struct MeetingPage {
    pub nav: Nav,
    pub errors: Errors,
    pub id: String,
    pub body_name: String,
    pub body_slug: String,
    pub date: String,
    pub when: String,
    pub location: String,
    /// How to attend remotely ("" when none is given).
    pub remote_access: String,
    /// The body's rules: the exempt paragraphs a proposal may cite.
    pub profile: crate::domain::rules::Profile,
    pub cancelled: bool,
    pub cancel_reason: String,
    pub steps: Vec<TimelineStep>,
    pub calendar_note: String,
    pub papers: Vec<PaperRow>,
    pub can_write: bool,
    pub can_manage: bool,
    pub can_propose: bool,
    pub proposals: Vec<ProposalRow>,
    /// Later meetings of the body, for deferring: (id, when)
    pub later_meetings: Vec<(String, String)>,
    /// (value, label)
    pub item_types: Vec<(String, String)>,
    /// (id, name)
    pub organisations: Vec<(String, String)>,
    /// (id, title)
    pub priorities: Vec<(String, String)>,
    pub form_title: String,
    /// The proposal form as typed (empty until it shows an error).
    pub proposal: ProposalValues,
    /// Has the meeting happened?
    pub held: bool,
    /// The rapid decision note is published.
    pub decision_note: bool,
    /// The day it falls due, in words.
    pub decision_note_due: String,
    /// Asking the clerk to confirm cancelling the meeting.
    pub confirm_cancel: bool,
    pub cancel_typed: String,
    /// Decisions taken at it, as this viewer may see them.
    pub decisions: Vec<crate::services::record::DecisionTaken>,
    pub form_date: super::DateTyped,
    pub form_start: String,
    pub form_end: String,
    pub form_location: String,
    pub form_remote_access: String,
    /// The latest published agenda, as this viewer may see it.
    pub agenda: Vec<crate::views::agenda::AgendaRow>,
    pub agenda_number: i32,
    pub agenda_published: String,
    pub agenda_late_reason: String,
    pub publication_due: String,
    /// The working agenda, for the body's people before publication.
    pub draft: Vec<crate::views::agenda::AgendaRow>,
    pub sees_exempt: bool,
    /// A bilingual body's meeting (Welsh and English).
    pub bilingual: bool,
    /// May say whether they wish to speak Welsh, and whether they do.
    pub may_speak_welsh: bool,
    pub speaks_welsh: bool,
    /// For the body's people: how many wish to speak Welsh, in words ("" if
    /// not bilingual), and whether that reaches the 10% trigger.
    pub welsh_speakers: String,
    pub interpreting: bool,
    /// The chair may record a reason to publish before the translations.
    pub may_urge: bool,
}

/// The schedule-a-meeting form, as typed.
#[derive(Clone, Debug, Default)]
pub struct MeetingTyped {
    pub date: super::DateTyped,
    pub start: String,
    pub end: String,
    pub location: String,
    pub remote_access: String,
}

impl MeetingPage {
    /// "Version 2, published Tuesday 1 December 2026 at 09:00."
    pub fn version_words(&self) -> String {
        use crate::i18n::{Arg, text_with};
        text_with(
            self.nav.lang,
            "meeting-version",
            &[
                ("n", Arg::Number(i64::from(self.agenda_number))),
                ("when", Arg::Text(&self.agenda_published)),
            ],
        )
    }

    /// The exempt paragraphs a proposal may be marked with: the body's
    /// catalogue.
    pub fn exempt_categories(&self) -> Vec<(i32, String)> {
        self.profile
            .catalogue()
            .iter()
            .map(|(n, s)| {
                let text = self.profile.paragraph_in(*n, crate::i18n::current());
                (*n, text.unwrap_or_else(|| s.to_string()))
            })
            .collect()
    }
}

/// The propose-an-item form, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ProposalValues {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub item_type: String,
    #[serde(default)]
    pub presenting_organisation_id: String,
    #[serde(default)]
    pub priority_id: String,
    #[serde(default)]
    pub no_priority_reason: String,
    #[serde(default)]
    pub minutes_estimate: String,
    /// "yes" for a key decision.
    #[serde(default)]
    pub key_decision: String,
    /// A Schedule 12A paragraph, or empty.
    #[serde(default)]
    pub exempt_category: String,
}
