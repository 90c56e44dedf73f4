//! Search results.

use askama::Template;

use super::Nav;

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub nav: Nav,
    pub q: String,
    pub hits: Vec<crate::services::search::Hit>,
    pub error: String,
}
