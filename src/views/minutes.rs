//! Minutes.

use askama::Template;

use super::{Errors, Nav};

#[derive(Template)]
#[template(path = "minutes.html")]
pub struct MinutesPage {
    pub nav: Nav,
    pub errors: Errors,
    pub meeting_id: String,
    pub body_name: String,
    pub body_slug: String,
    pub date: String,
    /// draft, circulated, approved, or "" when there are none to show
    pub status: String,
    pub status_words: String,
    pub open_html: crate::render::SafeHtml,
    pub exempt_html: crate::render::SafeHtml,
    pub show_exempt: bool,
    pub can_edit: bool,
    /// A bilingual body's secretariat: the minutes' Welsh version.
    pub can_translate: bool,
    /// The Welsh version's status and its tag class (secretariat, bilingual body).
    pub welsh: Option<(String, &'static str)>,
    /// The `lang` of the minutes' text (`en-GB` for the English working copy).
    pub text_lang: &'static str,
    pub open_markdown: String,
    pub exempt_markdown: String,
    pub version: i32,
    /// "regenerate" or "approve" while asking the clerk to confirm; else "".
    pub confirm: String,
}
