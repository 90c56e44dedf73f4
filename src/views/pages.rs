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
    pub bodies: Vec<BodyLink>,
    /// (slug, body name, role) for a signed-in person.
    pub mine: Vec<(String, String, String)>,
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
    pub name: String,
    pub email: String,
    pub organisation: String,
    /// (slug, body name, role)
    pub roles: Vec<(String, String, String)>,
    pub tokens: Vec<TokenRow>,
    /// A token just issued: shown once.
    pub new_token: Option<String>,
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

#[derive(Template)]
#[template(path = "admin/organisations.html")]
pub struct AdminOrganisationsPage {
    pub nav: Nav,
    pub errors: Errors,
    /// (name, short name, people)
    pub organisations: Vec<(String, String)>,
    pub name: String,
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
    pub name: String,
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
    pub name: String,
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
    pub form_user_id: String,
    pub form_role: String,
    pub form_substitute_for: String,
    pub priority_title: String,
}
