//! One struct per page.

use askama::Template;

use super::{Errors, Nav};

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub nav: Nav,
    pub status: u16,
    pub title: String,
    pub detail: String,
}

#[derive(Clone, Debug)]
pub struct BodyLink {
    pub name: String,
    pub slug: String,
    pub kind: String,
    pub depth: usize,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub nav: Nav,
    /// What is due from the signed-in person; `None` for the public.
    pub due: Option<Vec<crate::services::home::DueGroup>>,
    pub bodies: Vec<BodyLink>,
    /// (slug, body name, role) for a signed-in person.
    pub mine: Vec<(String, String, String)>,
    /// Upcoming meetings: (id, when, body name, where)
    pub meetings: Vec<(String, String, String, String)>,
}

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub nav: Nav,
    pub errors: Errors,
    pub email: String,
    pub next: String,
}

#[derive(Template)]
#[template(path = "invitation.html")]
pub struct InvitationPage {
    pub nav: Nav,
    pub errors: Errors,
    pub name: String,
    pub email: String,
    pub token: String,
}

#[derive(Clone, Debug)]
pub struct TokenRow {
    pub id: String,
    pub label: String,
    pub created: String,
    pub last_used: String,
    pub revoked: bool,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub nav: Nav,
    pub errors: Errors,
    /// The new token's label as typed, shown again with its error.
    pub typed_label: String,
    pub name: String,
    pub email: String,
    pub organisation: String,
    /// (slug, body name, role)
    pub roles: Vec<(String, String, String)>,
    pub tokens: Vec<TokenRow>,
    /// A token just issued: shown once.
    pub new_token: Option<String>,
    /// Whether the personal calendar feed is on.
    pub calendar_on: bool,
    /// A feed link just made: shown once (only its digest is kept).
    pub new_calendar_url: Option<String>,
    /// Where this person is signed in.
    pub sessions: Vec<SessionRow>,
}

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

#[derive(Template)]
#[template(path = "admin/index.html")]
pub struct AdminIndexPage {
    pub nav: Nav,
    pub is_admin: bool,
    /// Bodies this person manages: (slug, name).
    pub managed: Vec<(String, String)>,
    /// (when, who, what) most recent first.
    pub audit: Vec<(String, String, String)>,
}

/// One audit log entry as the viewer shows it.
pub struct AuditRow {
    pub when: String,
    pub who: String,
    pub action: String,
    pub record: String,
    pub summary: String,
    pub address: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AdminAuditPage {
    pub nav: Nav,
    pub errors: Errors,
    /// The filters as typed.
    pub filters: crate::services::audit::AuditQuery,
    /// (id, "name (email)") for the person select
    pub people: Vec<(String, String)>,
    /// (slug, name)
    pub bodies: Vec<(String, String)>,
    /// (kind, kind)
    pub entity_types: Vec<(String, String)>,
    pub rows: Vec<AuditRow>,
    /// The query string of these filters (for the CSV and next page links).
    pub query: String,
    /// The next page's query string, when there are older entries.
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/organisations.html")]
pub struct AdminOrganisationsPage {
    pub nav: Nav,
    pub errors: Errors,
    /// (name, short name, people)
    pub organisations: Vec<(String, String)>,
    /// The name as typed (not `name`: the form macros take a `name`).
    pub typed_name: String,
    pub short_name: String,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
pub struct AdminUsersPage {
    pub nav: Nav,
    pub errors: Errors,
    /// (name, email, organisation, admin?, has password?)
    pub users: Vec<(String, String, String, bool, bool)>,
    /// (id, name) for the organisation select
    pub organisations: Vec<(String, String)>,
    /// The name as typed (not `name`: the form macros take a `name`).
    pub typed_name: String,
    pub email: String,
    pub organisation_id: String,
    pub is_admin: bool,
}

#[derive(Template)]
#[template(path = "admin/bodies.html")]
pub struct AdminBodiesPage {
    pub nav: Nav,
    pub errors: Errors,
    pub bodies: Vec<BodyLink>,
    /// (value, label)
    pub kinds: Vec<(String, String)>,
    /// The name as typed (not `name`: the form macros take a `name`).
    pub typed_name: String,
    pub slug: String,
    pub kind: String,
    pub parent_slug: String,
}

#[derive(Clone, Debug)]
pub struct AdminMember {
    pub user_id: String,
    pub name: String,
    pub organisation: String,
    pub role: String,
    pub role_label: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "admin/body.html")]
pub struct AdminBodyPage {
    pub nav: Nav,
    pub errors: Errors,
    pub name: String,
    pub slug: String,
    pub members: Vec<AdminMember>,
    /// (id, title)
    pub priorities: Vec<(String, String)>,
    pub can_add_priority: bool,
    /// (id, "Name – Organisation") of everyone, for the add-member select
    pub people: Vec<(String, String)>,
    /// (value, label)
    pub roles: Vec<(String, String)>,
    /// (user id, name) of members a substitute may stand in for
    pub substitutable: Vec<(String, String)>,
    /// Upcoming meetings: (id, when, where, cancelled)
    pub meetings: Vec<(String, String, String, bool)>,
    pub form_user_id: String,
    pub form_role: String,
    pub form_substitute_for: String,
    pub priority_title: String,
    /// The schedule-a-meeting form as typed.
    pub meeting: MeetingTyped,
}

/// One step of a meeting's timeline.
#[derive(Clone, Debug)]
pub struct TimelineStep {
    pub label: String,
    pub when: String,
    pub iso: String,
    pub countdown: String,
    pub passed: bool,
}

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
    /// Asking the clerk to confirm cancelling the meeting.
    pub confirm_cancel: bool,
    pub cancel_typed: String,
    /// Decisions taken at it, as this viewer may see them.
    pub decisions: Vec<crate::services::record::DecisionTaken>,
    pub form_date: String,
    pub form_start: String,
    pub form_end: String,
    pub form_location: String,
    /// The latest published agenda, as this viewer may see it.
    pub agenda: Vec<crate::views::agenda::AgendaRow>,
    pub agenda_number: i32,
    pub agenda_published: String,
    pub agenda_late_reason: String,
    pub publication_due: String,
    /// The working agenda, for the body's people before publication.
    pub draft: Vec<crate::views::agenda::AgendaRow>,
    pub sees_exempt: bool,
}

/// A key and value on a summary list; `lines` is for values with several.
#[derive(Clone, Debug)]
pub struct Row {
    pub key: String,
    pub lines: Vec<String>,
    /// Where the author changes it, on the edit page.
    pub anchor: String,
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
    pub versions: Vec<(i32, String, String, String)>,
    pub problems: Vec<crate::error::FieldError>,
    pub can_edit: bool,
    pub can_submit: bool,
    pub can_sign_off: bool,
    pub can_accept: bool,
    pub can_return: bool,
    pub can_decide_late: bool,
    pub can_withdraw: bool,
    pub signed_off: String,
    /// (id, file name, size)
    pub attachments: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "paper_check.html")]
pub struct PaperCheckPage {
    pub nav: Nav,
    pub errors: Errors,
    pub id: String,
    pub title: String,
    pub meeting_label: String,
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
    /// (section, anchor, completed?)
    pub tasks: Vec<(String, String, TaskStatus)>,
    pub f: PaperFormValues,
    /// (value, label)
    pub item_types: Vec<(String, String)>,
    /// (id, name)
    pub organisations: Vec<(String, String)>,
    /// (id, "Name – Organisation")
    pub people: Vec<(String, String)>,
    /// (id, title)
    pub priorities: Vec<(String, String)>,
    /// (number, description)
    pub categories: Vec<(i32, String)>,
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

/// A signed-in session, for the account page.
#[derive(Clone, Debug)]
pub struct SessionRow {
    pub started: String,
    pub last_seen: String,
    pub client: String,
    /// The session this page was asked for in.
    pub this_one: bool,
}

/// The schedule-a-meeting form, as typed.
#[derive(Clone, Debug, Default)]
pub struct MeetingTyped {
    pub date: String,
    pub start: String,
    pub end: String,
    pub location: String,
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
    pub fn label(&self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "Not started",
            TaskStatus::InProgress => "In progress",
            TaskStatus::Completed => "Completed",
            TaskStatus::Optional => "Optional",
        }
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
    pub consulted_organisation_ids: Vec<String>,
    pub priority_id: String,
    pub no_priority_reason: String,
    pub body_markdown: String,
    pub exempt: String,
    pub exempt_category: String,
    pub exempt_reason: String,
    pub minutes_allocated: String,
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

#[derive(Template)]
#[template(path = "admin/holidays.html")]
pub struct AdminHolidaysPage {
    pub nav: Nav,
    pub errors: Errors,
    /// (division, first year, last year, upcoming holidays as "date: title")
    pub divisions: Vec<(String, i32, i32, Vec<String>)>,
}
