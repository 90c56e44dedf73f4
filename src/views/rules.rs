//! How a body's rule profile reads on a page: message keys for its name,
//! its summary and its catalogue.

use crate::domain::rules::Profile;

/// The message key of a profile's name ("England: Local Government Act 1972").
pub fn name_key(p: Profile) -> &'static str {
    match p {
        Profile::England => "rules-name-england",
        Profile::Wales => "rules-name-wales",
        Profile::WalesPsb => "rules-name-wales-psb",
        Profile::Scotland => "rules-name-scotland",
        Profile::Nhs1960 => "rules-name-nhs-1960",
    }
}

/// The message key of a profile's plain-English summary.
pub fn summary_key(p: Profile) -> &'static str {
    match p {
        Profile::England => "rules-summary-england",
        Profile::Wales => "rules-summary-wales",
        Profile::WalesPsb => "rules-summary-wales-psb",
        Profile::Scotland => "rules-summary-scotland",
        Profile::Nhs1960 => "rules-summary-nhs-1960",
    }
}

/// The message key labelling a profile's exempt catalogue on a form.
pub fn catalogue_label(p: Profile) -> &'static str {
    match p {
        Profile::England => "rules-catalogue-england",
        Profile::Wales | Profile::WalesPsb => "rules-catalogue-wales",
        Profile::Scotland => "rules-catalogue-scotland",
        Profile::Nhs1960 => "rules-catalogue-nhs-1960",
    }
}

/// A profile's summary in a language.
pub fn summary(p: Profile, lang: crate::i18n::Lang) -> String {
    crate::i18n::text(lang, summary_key(p))
}

/// The public "reasons restricted" page of an exempt item.
#[derive(askama::Template)]
#[template(path = "restricted.html")]
pub struct RestrictedPage {
    pub nav: super::Nav,
    pub meeting_id: String,
    pub body_name: String,
    pub body_slug: String,
    pub date: String,
    /// The agenda version the item is in.
    pub version: i32,
    /// "Why item 7 is restricted"
    pub heading: String,
    /// The neutral title the public agenda gives it.
    pub title: String,
    /// "Schedule 12A, paragraph 14"
    pub cite: String,
    /// The paragraph's text, in summary.
    pub paragraph: String,
    /// Welsh rules: the public interest test as recorded ("" when none was).
    pub public_interest: String,
    pub asks_public_interest: bool,
    pub rules_name: &'static str,
    /// The statutes and judgments the rules rest on.
    pub rules_sources: Vec<crate::domain::rules::Source>,
}
