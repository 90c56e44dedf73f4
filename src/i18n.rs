//! The words people read, from the message catalogues in `locales/`
//! (Fluent files compiled into the binary). Templates reach them through
//! `Nav::t`; Rust code through `text` and `text_with` (a count passed as an
//! argument chooses the plural form). A key the catalogue does not have
//! shows as the key itself and is logged; `tests/it/catalogue.rs` fails
//! first.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static CATALOGUE = {
        locales: "./locales",
        fallback_language: "en-GB",
        // Unicode isolation marks around arguments would end up in pages,
        // emails and CSV cells.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN_GB: LanguageIdentifier = langid!("en-GB");

/// A language Quorate speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    English,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>` and `Content-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::English => "en-GB",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::English => &EN_GB,
        }
    }
}

/// An argument to a message.
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl Arg<'_> {
    /// A count of things.
    pub fn count(n: usize) -> Arg<'static> {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// The message `key` in `lang`.
pub fn text(lang: Lang, key: &str) -> String {
    lookup(lang, key, None)
}

/// The message `key` in `lang` with named arguments.
pub fn text_with(lang: Lang, key: &str, args: &[(&'static str, Arg<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| {
            let v = match value {
                Arg::Text(t) => FluentValue::from(t.to_string()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            (Cow::Borrowed(*name), v)
        })
        .collect();
    lookup(lang, key, Some(&args))
}

fn lookup(
    lang: Lang,
    key: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
) -> String {
    match CATALOGUE.try_lookup_complete(lang.id(), key, args) {
        Some(words) => words,
        None => {
            tracing::warn!(key, lang = lang.tag(), "message missing from the catalogue");
            key.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_the_number() {
        let summary = |total: usize, bodies: usize| {
            text_with(
                Lang::English,
                "org-follow-summary",
                &[
                    ("total", Arg::count(total)),
                    ("bodies", Arg::count(bodies)),
                    ("overdue", Arg::count(0)),
                ],
            )
        };
        assert_eq!(summary(2, 1), "2 actions owned across 1 body; 0 overdue.");
        assert_eq!(summary(1, 3), "1 action owned across 3 bodies; 0 overdue.");
    }

    #[test]
    fn a_missing_key_shows_as_itself() {
        assert_eq!(text(Lang::English, "no-such-message"), "no-such-message");
        assert_eq!(text(Lang::English, "nav-sign-in"), "Sign in");
    }
}
