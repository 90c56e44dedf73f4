//! The home page.

use askama::Template;

use super::Nav;

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
