//! The site administration pages.

use askama::Template;

use super::home::BodyLink;
use super::meetings::MeetingTyped;
use super::{Errors, Nav};

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

/// An organisation and its policy for registers of interests.
#[derive(Clone, Debug)]
pub struct OrgRow {
    pub id: String,
    pub name: String,
    pub short_name: String,
    /// Gifts registered from, as shown or typed: "50.00".
    pub threshold: String,
    pub publish: bool,
}

#[derive(Template)]
#[template(path = "admin/organisations.html")]
pub struct AdminOrganisationsPage {
    pub nav: Nav,
    pub errors: Errors,
    pub organisations: Vec<OrgRow>,
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
    /// (profile name, message key of its label), and the one chosen.
    pub profiles: Vec<(&'static str, &'static str)>,
    pub rules: String,
    /// Record votes by name (ticked).
    pub votes_by_name: bool,
    /// Working days for the decision note, as typed.
    pub decision_note_working_days: String,
    /// "", "yes" or "no" as chosen.
    pub bilingual: String,
    pub translation_working_days: String,
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

#[derive(Template)]
#[template(path = "admin/holidays.html")]
pub struct AdminHolidaysPage {
    pub nav: Nav,
    pub errors: Errors,
    /// (division, first year, last year, upcoming holidays as "date: title")
    pub divisions: Vec<(String, i32, i32, Vec<String>)>,
}
