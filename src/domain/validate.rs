//! Input checks shared by the API and the pages. Every check adds to a list,
//! so a person is told about every problem at once.

use serde::Serialize;

use crate::i18n::{Arg, say, say_args};
use utoipa::ToSchema;

/// One problem with one field of the input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: &str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.to_string(),
            code: code.to_string(),
            message: message.into(),
        }
    }
}

/// Input that broke one or more rules: every problem, field by field
/// (shown as a 422 by the web layer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid(pub Vec<FieldError>);

/// Collects problems with the input, field by field.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldError>);

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_EMAIL_CHARS: usize = 254;

impl Problems {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, code, message));
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }

    /// `Ok(())` when nothing was wrong, otherwise a 422 listing everything.
    pub fn finish(self) -> Result<(), Invalid> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Invalid(self.0))
        }
    }

    /// A required single-line text: trimmed, not empty, no control
    /// characters, at most `max` characters. Returns the cleaned value.
    /// `label` names the field's message in the catalogue (`field-…`): its
    /// words name the field, its `.required` attribute asks for it.
    pub fn line(&mut self, field: &str, label: &str, value: Option<&str>, max: usize) -> String {
        let value = value.map(str::trim).unwrap_or("");
        if value.is_empty() {
            self.required(field, label);
            return String::new();
        }
        self.check_line(field, label, value, max);
        value.to_string()
    }

    /// A required text of several lines (a resolution, a note): trimmed, not
    /// empty, line breaks kept, no other control characters, at most `max`.
    pub fn text_block(
        &mut self,
        field: &str,
        label: &str,
        value: Option<&str>,
        max: usize,
    ) -> String {
        let value = value.map(str::trim).unwrap_or("").replace("\r\n", "\n");
        if value.is_empty() {
            self.required(field, label);
            return String::new();
        }
        self.check_length(field, label, &value, max);
        if value
            .chars()
            .any(|c| c != '\n' && c != '\t' && is_forbidden_char(c))
        {
            self.add(
                field,
                "invalid_characters",
                say_args(
                    "err-control-characters",
                    &[("name", Arg::Text(&say(label)))],
                ),
            );
        }
        value
    }

    /// An optional single-line text; `None` when absent or blank.
    pub fn optional_line(
        &mut self,
        field: &str,
        label: &str,
        value: Option<&str>,
        max: usize,
    ) -> Option<String> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        self.check_line(field, label, value, max);
        Some(value.to_string())
    }

    fn required(&mut self, field: &str, label: &str) {
        self.add(field, "required", say(&format!("{label}.required")));
    }

    fn check_length(&mut self, field: &str, label: &str, value: &str, max: usize) {
        let chars = value.chars().count();
        if chars > max {
            self.add(
                field,
                "too_long",
                say_args(
                    "err-too-long",
                    &[
                        ("name", Arg::Text(&say(label))),
                        ("max", Arg::count(max)),
                        ("chars", Arg::count(chars)),
                    ],
                ),
            );
        }
    }

    fn check_line(&mut self, field: &str, label: &str, value: &str, max: usize) {
        self.check_length(field, label, value, max);
        if value.chars().any(is_forbidden_char) {
            self.add(
                field,
                "invalid_characters",
                say_args("err-control-or-break", &[("name", Arg::Text(&say(label)))]),
            );
        }
    }

    /// A required email address, returned lower-cased (emails are unique
    /// regardless of case).
    pub fn email(&mut self, field: &str, value: Option<&str>) -> String {
        let value = value.map(str::trim).unwrap_or("");
        if value.is_empty() {
            self.add(field, "required", crate::i18n::say("err-validate-required"));
            return String::new();
        }
        if value.chars().count() > MAX_EMAIL_CHARS || !is_valid_email(value) {
            self.add(field, "invalid", crate::i18n::say("err-validate-invalid"));
            return String::new();
        }
        value.to_lowercase()
    }

    /// A required URL slug: 2 to 40 of a-z, 0-9 and hyphens, not starting
    /// or ending with a hyphen.
    pub fn slug(&mut self, field: &str, value: Option<&str>) -> String {
        let value = value.map(str::trim).unwrap_or("");
        if value.is_empty() {
            self.add(
                field,
                "required",
                crate::i18n::say("err-validate-required-field"),
            );
            return String::new();
        }
        if !is_valid_slug(value) {
            self.add(
                field,
                "invalid",
                crate::i18n::say("err-validate-invalid-field"),
            );
        }
        value.to_string()
    }
}

/// Control characters (including line breaks) and the Unicode line and
/// paragraph separators and bidi overrides have no place in a name or title.
pub fn is_forbidden_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub fn is_valid_email(value: &str) -> bool {
    // The crate checks RFC 5322 syntax; we also insist on a dotted domain and
    // no display-name form, as we send mail to it.
    match value.parse::<email_address::EmailAddress>() {
        Ok(addr) => {
            addr.as_str() == value
                && addr.domain().contains('.')
                && !addr.domain().starts_with('[')
                && !value
                    .chars()
                    .any(|c| c.is_whitespace() || is_forbidden_char(c))
        }
        Err(_) => false,
    }
}

pub fn is_valid_slug(value: &str) -> bool {
    let len = value.len();
    (2..=40).contains(&len)
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-')
}

/// The text with its first letter in capitals.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The years Quorate takes dates in: a due date of `-2027-01-01` or a
/// meeting in 9999 is a typing mistake, not a plan.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Is this a date Quorate should take (within `YEARS`)?
pub fn plausible(d: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    YEARS.contains(&d.year())
}

/// A date as people in the UK type it: `31/3/2027`, `31-03-2027`,
/// `31.3.27`, `31 3 2027`, `31 March 2027`, `31 Mar 2027`, or ISO
/// `2027-03-31`. Day first; a two-digit year is 20YY. `None` when it is not a
/// real date.
pub fn uk_date(input: &str) -> Option<chrono::NaiveDate> {
    use chrono::NaiveDate;
    let t = input.trim();
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Some(d).filter(|d| plausible(*d));
    }
    let parts: Vec<&str> = t
        .split(['/', '-', '.', ' ', ','])
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let day: u32 = day.parse().ok()?;
    let month: u32 = match month.parse() {
        Ok(m) => m,
        Err(_) => month_number(month)?,
    };
    let year: i32 = match year.len() {
        2 => 2000 + year.parse::<i32>().ok()?,
        4 => year.parse().ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day).filter(|d| plausible(*d))
}

/// A part of a date typed into separate day, month and year fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePart {
    Day,
    Month,
    Year,
}

/// Why a date typed as day, month and year is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing typed at all.
    Empty,
    /// Some parts typed, these left empty.
    Missing(Vec<DatePart>),
    /// A year that is not four digits (or two, read as 20YY).
    Year,
    /// Every part there, but no such day (31 February), or out of range.
    NotReal,
}

/// A date from GOV.UK-style day, month and year fields, read leniently: the
/// month may be a number or a name ("Sept", "March"), the year two digits
/// (20YY), and a whole date typed into the day field ("1/9/2027") is read
/// as that date when the other fields are empty.
pub fn date_from_parts(
    day: &str,
    month: &str,
    year: &str,
) -> Result<chrono::NaiveDate, DateProblem> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return Err(DateProblem::Empty);
    }
    if month.is_empty() && year.is_empty() && day.chars().any(|c| !c.is_ascii_digit()) {
        return uk_date(day).ok_or(DateProblem::NotReal);
    }
    let missing: Vec<DatePart> = [
        (day, DatePart::Day),
        (month, DatePart::Month),
        (year, DatePart::Year),
    ]
    .into_iter()
    .filter(|(v, _)| v.is_empty())
    .map(|(_, p)| p)
    .collect();
    if !missing.is_empty() {
        return Err(DateProblem::Missing(missing));
    }
    let year: i32 = match (year.len(), year.parse::<i32>()) {
        (4, Ok(y)) => y,
        (2, Ok(y)) => 2000 + y,
        _ => return Err(DateProblem::Year),
    };
    let month: u32 = match month.parse() {
        Ok(m) => m,
        Err(_) => month_number(month).ok_or(DateProblem::NotReal)?,
    };
    let day: u32 = day.parse().map_err(|_| DateProblem::NotReal)?;
    chrono::NaiveDate::from_ymd_opt(year, month, day)
        .filter(|d| plausible(*d))
        .ok_or(DateProblem::NotReal)
}

/// "March", "Mar", "Sept" and the like, as 1 to 12.
fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let n = name.to_lowercase();
    if n.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&n) || (n == "sept" && *m == "september"))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut p = Problems::new();
        p.email("email", Some("not an email"));
        p.line("name", "field-person-name", Some("  "), 10);
        p.slug("slug", Some("Bad Slug"));
        let errors = p.into_vec();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "name", "slug"]);
    }

    #[test]
    fn emails_are_checked_and_lower_cased() {
        let mut p = Problems::new();
        assert_eq!(
            p.email("e", Some(" Jo.Bloggs@Northshire.GOV.uk ")),
            "jo.bloggs@northshire.gov.uk"
        );
        assert!(p.is_empty());
        for bad in [
            "jo",
            "jo@",
            "@x.org",
            "jo@localhost",
            "Jo <jo@x.org>",
            "jo@x.org\nBcc: y@z.org",
            "a b@x.org",
        ] {
            let mut p = Problems::new();
            p.email("e", Some(bad));
            assert!(!p.is_empty(), "{bad:?} accepted");
        }
    }

    #[test]
    fn slugs() {
        for good in ["psb", "northshire-psb", "a1"] {
            assert!(is_valid_slug(good), "{good}");
        }
        for bad in [
            "",
            "a",
            "-psb",
            "psb-",
            "PSB",
            "psb board",
            "psb/../x",
            "ps_b",
            &"a".repeat(41),
        ] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn lines_reject_control_characters_and_excess_length() {
        let mut p = Problems::new();
        p.line("name", "field-person-name", Some("Ann\u{0}"), 100);
        p.line("title", "field-title", Some("Bob\u{202E}evil"), 100);
        p.line("short", "field-short-name", Some("abcdef"), 5);
        assert!(p.has("name") && p.has("title") && p.has("short"));
        let mut ok = Problems::new();
        assert_eq!(
            ok.line(
                "n",
                "field-person-name",
                Some("  Siân Ó Briain – 北  "),
                100
            ),
            "Siân Ó Briain – 北"
        );
        assert!(ok.is_empty());
    }

    #[test]
    fn dates_are_read_as_people_in_the_uk_type_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2027, 3, 31);
        for typed in [
            "31/3/2027",
            "31/03/2027",
            " 31-3-2027 ",
            "31.3.27",
            "31 3 2027",
            "31 March 2027",
            "31 mar 2027",
            "2027-03-31",
        ] {
            assert_eq!(uk_date(typed), d, "{typed}");
        }
        assert_eq!(
            uk_date("1 Sept 2027"),
            chrono::NaiveDate::from_ymd_opt(2027, 9, 1)
        );
        for wrong in [
            "31/2/2027",
            "3/31/2027",
            "tomorrow",
            "",
            "31/3",
            "31/3/202",
            "1 Ma 2027",
        ] {
            assert_eq!(uk_date(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn dates_outside_the_years_quorate_takes_are_refused() {
        assert_eq!(uk_date("-2027-01-01"), None);
        assert_eq!(uk_date("9999-12-31"), None);
        assert_eq!(uk_date("1/1/1999"), None);
        assert!(uk_date("1/1/2100").is_some());
        assert!(!plausible(
            chrono::NaiveDate::from_ymd_opt(9999, 1, 1).unwrap_or_default()
        ));
    }

    #[test]
    fn dates_in_three_fields_are_read_leniently_and_problems_named() {
        let d = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(date_from_parts("31", "3", "2027").ok(), d(2027, 3, 31));
        assert_eq!(date_from_parts(" 1 ", "Sept", "27").ok(), d(2027, 9, 1));
        assert_eq!(
            date_from_parts("1", "september", "2027").ok(),
            d(2027, 9, 1)
        );
        assert_eq!(date_from_parts("1/9/2027", "", "").ok(), d(2027, 9, 1));
        assert_eq!(date_from_parts("", "", ""), Err(DateProblem::Empty));
        assert_eq!(
            date_from_parts("1", "", "2027"),
            Err(DateProblem::Missing(vec![DatePart::Month]))
        );
        assert_eq!(
            date_from_parts("", "3", ""),
            Err(DateProblem::Missing(vec![DatePart::Day, DatePart::Year]))
        );
        assert_eq!(
            date_from_parts("31", "2", "2027"),
            Err(DateProblem::NotReal)
        );
        assert_eq!(
            date_from_parts("1", "Smarch", "2027"),
            Err(DateProblem::NotReal)
        );
        assert_eq!(date_from_parts("1", "3", "202"), Err(DateProblem::Year));
        assert_eq!(date_from_parts("1", "3", "1850"), Err(DateProblem::NotReal));
        assert_eq!(date_from_parts("1/9", "", ""), Err(DateProblem::NotReal));
    }
}
