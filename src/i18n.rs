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
static CY: LanguageIdentifier = langid!("cy");

/// A language Quorate speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    English,
    Welsh,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::English, Lang::Welsh];

    /// The BCP 47 tag, for `<html lang>`, `hreflang` and `Content-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::English => "en-GB",
            Lang::Welsh => "cy",
        }
    }

    /// The short code in addresses (`/cy/...`), cookies, profiles and
    /// `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::Welsh => "cy",
        }
    }

    /// The language's name in itself, for the toggle ("Cymraeg").
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::Welsh => "Cymraeg",
        }
    }

    /// A page's address in this language, from its plain address:
    /// `/cy/meetings/1` for Welsh, `/en/meetings/1` for English (which also
    /// remembers the choice, so it sticks).
    pub fn address(self, plain: &str) -> String {
        if plain == "/" {
            format!("/{}", self.code())
        } else {
            format!("/{}{plain}", self.code())
        }
    }

    /// The language a page in this one offers to switch to.
    pub fn other(self) -> Lang {
        match self {
            Lang::English => Lang::Welsh,
            Lang::Welsh => Lang::English,
        }
    }

    /// From a code or tag ("cy", "cy-GB", "en", "en-GB"), any case.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" => Some(Lang::English),
            "cy" => Some(Lang::Welsh),
            _ => None,
        }
    }

    /// The first language of an `Accept-Language` header that Quorate
    /// speaks, if any (the browser lists them most wanted first).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let requested = fluent_langneg::accepted_languages::parse(header);
        let available = [EN_GB.clone(), CY.clone()];
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        chosen
            .first()
            .and_then(|id| Lang::from_code(id.language.as_str()))
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::English => &EN_GB,
            Lang::Welsh => &CY,
        }
    }
}

tokio::task_local! {
    /// The language of the request being answered.
    static CURRENT: Lang;
}

thread_local! {
    /// The language of the work a request handed to a blocking thread.
    static BLOCKING: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
    /// The language of the person whose request a blocking thread serves,
    /// kept while what is written is put in English (see [`reader`]).
    static READER: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language of the request (or job) being answered: dates and words
/// produced below the handlers, in services and on blocking threads, follow
/// it. English outside any request.
pub fn current() -> Lang {
    BLOCKING
        .with(std::cell::Cell::get)
        .or_else(|| CURRENT.try_with(|l| *l).ok())
        .unwrap_or_default()
}

/// Runs `fut` with `lang` as the current language.
pub async fn scope<F: std::future::Future>(lang: Lang, fut: F) -> F::Output {
    CURRENT.scope(lang, fut).await
}

/// Runs `f` (on this thread, which may be a blocking one) with `lang` as the
/// current language.
pub fn with<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let _restore = Set::new(&BLOCKING, lang);
    f()
}

type Slot = std::thread::LocalKey<std::cell::Cell<Option<Lang>>>;

/// Sets a thread's language slot until dropped, then puts back what was
/// there (also when `f` panics).
struct Set(&'static Slot, Option<Lang>);

impl Set {
    fn new(slot: &'static Slot, lang: Lang) -> Set {
        Set(slot, slot.with(|s| s.replace(Some(lang))))
    }
}

impl Drop for Set {
    fn drop(&mut self) {
        let before = self.1;
        self.0.with(|s| s.set(before));
    }
}

/// Runs `f` for a person who reads `lang`: [`reader`] answers `lang` inside
/// it, whatever language what is written is put in meanwhile.
pub fn for_reader<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let _restore = Set::new(&READER, lang);
    with(lang, f)
}

/// The language of the person being answered. It differs from
/// [`current`] only inside a transaction, which writes in English what it
/// stores while what it says to the person (an error, a problem with what
/// they typed) is in theirs.
pub fn reader() -> Lang {
    READER.with(std::cell::Cell::get).unwrap_or_else(current)
}

/// The message `key` for the person being answered (an error or a
/// problem with what they typed: never stored).
pub fn say(key: &str) -> String {
    text(reader(), key)
}

/// As [`say`], with named arguments.
pub fn say_args(key: &str, args: &[(&'static str, Arg<'_>)]) -> String {
    text_with(reader(), key, args)
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

/// The message `key` in the current language.
pub fn t(key: &str) -> String {
    text(current(), key)
}

/// The message `key` in the current language, with named arguments.
pub fn t_args(key: &str, args: &[(&'static str, Arg<'_>)]) -> String {
    text_with(current(), key, args)
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
    fn welsh_words_and_dates_come_from_the_welsh_catalogue() {
        assert_eq!(text(Lang::Welsh, "nav-sign-in"), "Mewngofnodi");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 23).expect("date");
        assert_eq!(
            crate::domain::format::date_words_in(Lang::Welsh, d),
            "Dydd Mercher 23 Rhagfyr 2026"
        );
        assert_eq!(
            crate::domain::format::date_words_in(Lang::English, d),
            "Wednesday 23 December 2026"
        );
        let at = d.and_hms_opt(12, 0, 0).expect("time");
        let shown = with(Lang::Welsh, || crate::domain::format::london_datetime(at));
        assert_eq!(shown, "Dydd Mercher 23 Rhagfyr 2026 am 12:00");
        assert_eq!(current(), Lang::English, "the language is put back");
    }

    #[test]
    fn a_missing_key_shows_as_itself() {
        assert_eq!(text(Lang::English, "no-such-message"), "no-such-message");
        assert_eq!(text(Lang::English, "nav-sign-in"), "Sign in");
    }
}
