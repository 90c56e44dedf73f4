//! A person's register of interests.

use askama::Template;

use super::{DateTyped, Errors, Nav};

/// One interest as a row.
#[derive(Clone, Debug)]
pub struct InterestRow {
    pub id: String,
    pub kind: String,
    pub description: String,
    pub organisation: String,
    pub value: String,
    pub from: String,
    pub to: String,
    /// The end form's date, as typed after an error.
    pub end_typed: DateTyped,
}

/// The add form as typed.
#[derive(Clone, Debug, Default)]
pub struct InterestTyped {
    pub kind: String,
    pub description: String,
    pub organisation_id: String,
    pub value: String,
    pub starts: DateTyped,
    pub ends: DateTyped,
}

#[derive(Template)]
#[template(path = "interests.html")]
pub struct InterestsPage {
    pub nav: Nav,
    pub errors: Errors,
    pub user_id: String,
    pub name: String,
    pub organisation: String,
    /// The bodies they sit on: (slug, name, role)
    pub bodies: Vec<(String, String, String)>,
    /// "£50.00"
    pub threshold: String,
    /// Whether the organisation publishes registers, in words.
    pub policy_words: String,
    pub may_change: bool,
    pub current: Vec<InterestRow>,
    pub past: Vec<InterestRow>,
    /// (value, name in words)
    pub kinds: Vec<(String, String)>,
    /// (id, name)
    pub organisations: Vec<(String, String)>,
    pub typed: InterestTyped,
}

/// A likely conflict in words: "Item 4. Housing first: Cllr Ann Lee has
/// registered an interest in Northshire Housing Trust (Memberships of other
/// bodies: Trustee)."
pub fn conflict_words(
    lang: crate::i18n::Lang,
    item: &str,
    c: &crate::services::interests::Conflict,
) -> String {
    use crate::i18n::{Arg, text, text_with};
    let kind = crate::domain::interests::Kind::parse(&c.kind)
        .map(|k| text(lang, k.label_key()))
        .unwrap_or_default();
    text_with(
        lang,
        "conflict-line",
        &[
            ("item", Arg::Text(item)),
            ("member", Arg::Text(&c.member)),
            ("organisation", Arg::Text(&c.organisation)),
            ("kind", Arg::Text(&kind)),
            ("description", Arg::Text(&c.description)),
        ],
    )
}
