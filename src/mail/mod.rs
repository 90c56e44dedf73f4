//! Email: message templates, the outbox writer, and the transports.

pub mod messages;
pub mod smtp_pool;
pub mod transport;

pub use messages::Email;
pub use transport::Mailer;

/// Words for an email template, from the catalogue in the language the
/// message is being written in (the recipient's).
pub fn w(key: &str) -> String {
    crate::i18n::t(key)
}

/// As `w`, with one named argument.
pub fn w1(key: &str, name: &'static str, value: &str) -> String {
    crate::i18n::t_args(key, &[(name, crate::i18n::Arg::Text(value))])
}

/// As `w`, with two named arguments.
pub fn w2(key: &str, a: &(&'static str, &str), b: &(&'static str, &str)) -> String {
    crate::i18n::t_args(
        key,
        &[
            (a.0, crate::i18n::Arg::Text(a.1)),
            (b.0, crate::i18n::Arg::Text(b.1)),
        ],
    )
}

/// The language of the page an email's HTML part is written in.
pub fn lang_tag() -> &'static str {
    crate::i18n::current().tag()
}

/// As `w`, counting `count` things, with one more named argument.
pub fn wn(key: &str, count: usize, name: &'static str, value: &str) -> String {
    crate::i18n::t_args(
        key,
        &[
            ("count", crate::i18n::Arg::count(count)),
            (name, crate::i18n::Arg::Text(value)),
        ],
    )
}

/// As `w`, with three named arguments.
pub fn w3(
    key: &str,
    a: &(&'static str, &str),
    b: &(&'static str, &str),
    c: &(&'static str, &str),
) -> String {
    crate::i18n::t_args(
        key,
        &[
            (a.0, crate::i18n::Arg::Text(a.1)),
            (b.0, crate::i18n::Arg::Text(b.1)),
            (c.0, crate::i18n::Arg::Text(c.1)),
        ],
    )
}
