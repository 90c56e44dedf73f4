//! A body's page: its members and its meetings.

use askama::Template;

use super::Nav;
use super::home::BodyLink;

#[derive(Clone, Debug)]
pub struct MemberLine {
    pub name: String,
    pub role: String,
    pub note: String,
}

#[derive(Clone, Debug)]
pub struct OrgGroup {
    pub organisation: String,
    pub members: Vec<MemberLine>,
}

#[derive(Template)]
#[template(path = "body.html")]
pub struct BodyPage {
    pub nav: Nav,
    pub name: String,
    pub slug: String,
    pub kind: String,
    pub parent: Option<(String, String)>,
    /// ("Chair", "Cllr Margaret Hale, Northshire County Council"), vice-chair, secretariat
    pub officers: Vec<(String, String)>,
    pub children: Vec<BodyLink>,
    pub priorities: Vec<String>,
    pub groups: Vec<OrgGroup>,
    pub member_count: usize,
    pub can_manage: bool,
    pub upcoming: Vec<MeetingLink>,
    pub past: Vec<MeetingLink>,
    pub past_page: usize,
    pub more_past: bool,
    /// The rule profile's name and summary (message keys).
    pub rules_name: &'static str,
    pub rules_summary: &'static str,
    /// The statutes and judgments the rules rest on.
    pub rules_sources: Vec<crate::domain::rules::Source>,
    pub quorum_warning: Option<String>,
}

impl BodyPage {
    /// "12 people from 5 organisations."
    pub fn member_count_words(&self) -> String {
        use crate::i18n::{Arg, text_with};
        text_with(
            self.nav.lang,
            "body-member-count",
            &[
                ("people", Arg::count(self.member_count)),
                ("organisations", Arg::count(self.groups.len())),
            ],
        )
    }

    /// The past meetings table's caption, with its page after the first.
    pub fn past_caption(&self) -> String {
        use crate::i18n::{Arg, text, text_with};
        if self.past_page > 1 {
            text_with(
                self.nav.lang,
                "body-past-page",
                &[("page", Arg::count(self.past_page))],
            )
        } else {
            text(self.nav.lang, "body-past")
        }
    }
}

/// A meeting in a body's list, with where to read about it.
#[derive(Clone, Debug)]
pub struct MeetingLink {
    pub id: String,
    pub when: String,
    pub iso: String,
    pub location: String,
    pub cancelled: bool,
    pub agenda_version: Option<i32>,
    pub held: bool,
}

impl MeetingLink {
    pub fn from_line(m: &crate::services::meetings::MeetingLine) -> MeetingLink {
        MeetingLink {
            id: m.id.clone(),
            when: crate::domain::format::london_datetime(m.starts_at),
            iso: crate::domain::format::iso(m.starts_at),
            location: m.location.clone(),
            cancelled: m.cancelled,
            agenda_version: m.agenda_version,
            held: m.held,
        }
    }
}
