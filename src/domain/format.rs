//! Dates and times written for people, in London time.

use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Europe::London;

use crate::i18n::{self, Arg};

/// "Wednesday 23 December 2026 at 12:00" (London time) from a UTC instant,
/// in the current language ("Dydd Mercher 23 Rhagfyr 2026 am 12:00").
pub fn london_datetime(utc: NaiveDateTime) -> String {
    let local = London.from_utc_datetime(&utc).naive_local();
    let lang = i18n::current();
    i18n::text_with(
        lang,
        "date-at-time",
        &[
            ("date", Arg::Text(&date_words_in(lang, local.date()))),
            ("time", Arg::Text(&local.format("%H:%M").to_string())),
        ],
    )
}

/// "Tuesday 20 October 2026 at 14:00 to 16:30" (London time).
pub fn london_span(start: NaiveDateTime, end: NaiveDateTime) -> String {
    let end = London.from_utc_datetime(&end).format("%H:%M").to_string();
    i18n::text_with(
        i18n::current(),
        "meeting-time-range",
        &[
            ("start", Arg::Text(&london_datetime(start))),
            ("end", Arg::Text(&end)),
        ],
    )
}

/// "Tuesday 12 January 2027": the London date of a UTC instant.
pub fn london_day(utc: NaiveDateTime) -> String {
    london_date_words(London.from_utc_datetime(&utc).date_naive())
}

/// "Friday 26 February 2027" for a calendar date, in the current language.
pub fn london_date_words(d: chrono::NaiveDate) -> String {
    date_words_in(i18n::current(), d)
}

/// "8 September 2026": a calendar date without its weekday, in the current
/// language.
pub fn date_short(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let lang = i18n::current();
    let month = MONTHS[d.month0() as usize];
    i18n::text_with(
        lang,
        "date-short",
        &[
            ("day", Arg::Text(&d.day().to_string())),
            ("month", Arg::Text(&i18n::text(lang, month))),
            ("year", Arg::Text(&d.year().to_string())),
        ],
    )
}

const WEEKDAYS: [&str; 7] = [
    "weekday-1",
    "weekday-2",
    "weekday-3",
    "weekday-4",
    "weekday-5",
    "weekday-6",
    "weekday-7",
];

const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

/// A calendar date in words in `lang`.
pub fn date_words_in(lang: i18n::Lang, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let weekday = WEEKDAYS[d.weekday().num_days_from_monday() as usize];
    let month = MONTHS[d.month0() as usize];
    i18n::text_with(
        lang,
        "date-words",
        &[
            ("weekday", Arg::Text(&i18n::text(lang, weekday))),
            ("day", Arg::Text(&d.day().to_string())),
            ("month", Arg::Text(&i18n::text(lang, month))),
            ("year", Arg::Text(&d.year().to_string())),
        ],
    )
}

/// The machine-readable form for `<time datetime>`.
pub fn iso(utc: NaiveDateTime) -> String {
    utc.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The text of a Markdown document without its markup (for word counts and
/// the search index).
pub fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    options.insert(pulldown_cmark::Options::ENABLE_FOOTNOTES);
    for event in pulldown_cmark::Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => out.push_str(" \n"),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .expect("valid")
    }

    #[test]
    fn shown_in_london_time_across_clock_changes() {
        // Winter: London is UTC.
        assert_eq!(
            london_datetime(utc(2026, 12, 23, 12, 0)),
            "Wednesday 23 December 2026 at 12:00"
        );
        // Summer: London is UTC+1.
        assert_eq!(
            london_datetime(utc(2027, 7, 1, 11, 0)),
            "Thursday 1 July 2027 at 12:00"
        );
        assert_eq!(iso(utc(2027, 1, 12, 14, 0)), "2027-01-12T14:00:00Z");
    }
}
