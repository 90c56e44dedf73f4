//! Search results.

use askama::Template;

use super::Nav;

/// A hit as the page shows it.
pub struct HitRow {
    /// "Paper", "Decision", … in the reader's words.
    pub kind: String,
    pub title: String,
    pub url: String,
    /// (text, matched) pieces of the passage that matched.
    pub parts: Vec<(String, bool)>,
    pub body: String,
    /// "Tuesday 12 January 2027"
    pub date: String,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub nav: Nav,
    pub q: String,
    /// The filters as typed: body slug, kind, and the two dates.
    pub body: String,
    pub kind: String,
    pub dates: Vec<DateField>,
    /// A filter is set (or could not be read): the filters start open.
    pub filtered: bool,
    /// (slug, name) of every body, for the filter.
    pub bodies: Vec<(String, String)>,
    /// (value, label) of every kind, for the filter.
    pub kinds: Vec<(String, String)>,
    pub hits: Vec<HitRow>,
    /// (field id, message) for each filter that could not be read.
    pub errors: Vec<(String, String)>,
    /// Nothing searchable was typed.
    pub nothing_to_search: bool,
    /// Links to the next page and back to the first, when there are.
    pub next: String,
    pub first: String,
}

/// A date filter, as typed, with what is wrong with it.
pub struct DateField {
    pub field: &'static str,
    pub label: String,
    pub value: String,
    pub error: String,
}
