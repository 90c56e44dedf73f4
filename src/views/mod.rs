//! Page and message structs for askama: the only place HTML is produced.

pub mod accessibility;
pub mod account;
pub mod actions;
pub mod admin;
pub mod agenda;
pub mod bodies;
pub mod decision_note;
pub mod decisions;
pub mod follow;
pub mod forward_plan;
pub mod home;
pub mod interests;
pub mod mail;
pub mod meetings;
pub mod minutes;
pub mod outcomes;
pub mod papers;
pub mod record;
pub mod rules;
pub mod search;
pub mod translations;

use crate::error::FieldError;

/// Are two strings equal, whatever their kinds (for templates).
pub fn same(a: impl AsRef<str>, b: impl AsRef<str>) -> bool {
    a.as_ref() == b.as_ref()
}

/// What the layout needs on every page.
#[derive(Clone, Debug, Default)]
pub struct Nav {
    pub user: Option<NavUser>,
    pub csrf: String,
    /// A notification banner ("Organisation added").
    pub notice: Option<String>,
    /// The page shows form errors: the title starts "Error:".
    pub errors: bool,
    /// The language the page is written in.
    pub lang: crate::i18n::Lang,
    /// The page's address without a language prefix (`/meetings/1?x=y`).
    pub address: String,
}

impl Nav {
    /// The message `key` with text arguments, by name.
    pub fn texts(&self, key: &str, args: &[(&'static str, &str)]) -> String {
        let args: Vec<(&'static str, crate::i18n::Arg<'_>)> = args
            .iter()
            .map(|(n, v)| (*n, crate::i18n::Arg::Text(v)))
            .collect();
        crate::i18n::text_with(self.lang, key, &args)
    }

    /// The message `key` counting `n` things (plural forms by language).
    pub fn count(&self, key: &str, n: usize) -> String {
        crate::i18n::text_with(self.lang, key, &[("count", crate::i18n::Arg::count(n))])
    }

    /// The message `key` with one text argument.
    pub fn t_with(&self, key: &str, name: &'static str, value: impl AsRef<str>) -> String {
        self.texts(key, &[(name, value.as_ref())])
    }

    /// The message `key` with two text arguments.
    pub fn t_with2(
        &self,
        key: &str,
        n1: &'static str,
        v1: impl AsRef<str>,
        n2: &'static str,
        v2: impl AsRef<str>,
    ) -> String {
        self.texts(key, &[(n1, v1.as_ref()), (n2, v2.as_ref())])
    }

    /// The message `key` with three text arguments.
    #[allow(clippy::too_many_arguments)]
    pub fn t_with3(
        &self,
        key: &str,
        n1: &'static str,
        v1: impl AsRef<str>,
        n2: &'static str,
        v2: impl AsRef<str>,
        n3: &'static str,
        v3: impl AsRef<str>,
    ) -> String {
        self.texts(
            key,
            &[(n1, v1.as_ref()), (n2, v2.as_ref()), (n3, v3.as_ref())],
        )
    }

    /// The page's Welsh address (`/cy/meetings/1`), for `hreflang`.
    pub fn welsh_address(&self) -> String {
        crate::i18n::Lang::Welsh.address(&self.address)
    }

    /// The page's English address (`/en/meetings/1`), for `hreflang`.
    pub fn english_address(&self) -> String {
        crate::i18n::Lang::English.address(&self.address)
    }

    /// The page's address in the language the toggle offers.
    pub fn other_address(&self) -> String {
        self.lang.other().address(&self.address)
    }

    /// The language the toggle offers.
    pub fn other_lang(&self) -> crate::i18n::Lang {
        self.lang.other()
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        crate::i18n::text(self.lang, key)
    }
}

#[derive(Clone, Debug)]
pub struct NavUser {
    pub name: String,
    pub is_staff: bool,
    pub is_admin: bool,
}

/// Form errors, for the error summary and inline messages.
#[derive(Clone, Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }

    pub fn list(&self) -> &[FieldError] {
        &self.0
    }

    /// The first message for a field, or "" when there is none.
    pub fn get(&self, field: &str) -> &str {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
            .unwrap_or("")
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// Is there an error for the field `prefix-id` (one of a repeated form)?
    pub fn has_at(&self, prefix: &str, id: &str) -> bool {
        self.has(&format!("{prefix}-{id}"))
    }

    pub fn get_at(&self, prefix: &str, id: &str) -> &str {
        self.get(&format!("{prefix}-{id}"))
    }

    /// The id of the input an error links to.
    pub fn anchor(field: &str) -> String {
        let id: String = field
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        if id.is_empty() {
            "main-content".into()
        } else {
            id
        }
    }
}

#[derive(askama::Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub nav: Nav,
    pub status: u16,
    pub title: String,
    pub detail: String,
}

/// A key and value on a summary list; `lines` is for values with several.
#[derive(Clone, Debug)]
pub struct Row {
    pub key: String,
    pub lines: Vec<String>,
    /// Where the author changes it, on the edit page.
    pub anchor: String,
}

/// A date as typed into its three fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateTyped {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateTyped {
    pub fn new(day: &str, month: &str, year: &str) -> DateTyped {
        DateTyped {
            day: day.to_string(),
            month: month.to_string(),
            year: year.to_string(),
        }
    }

    /// The fields filled in with a date already held.
    pub fn of(d: chrono::NaiveDate) -> DateTyped {
        use chrono::Datelike;
        DateTyped {
            day: d.day().to_string(),
            month: d.month().to_string(),
            year: d.year().to_string(),
        }
    }
}
