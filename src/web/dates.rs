//! Dates typed into GOV.UK-style day, month and year fields: read leniently
//! (`domain::validate::date_from_parts`), handed to services as ISO dates,
//! and each problem put in words that say which part is wrong.

use crate::domain::validate::{DatePart, DateProblem, date_from_parts};
use crate::error::FieldError;
use crate::i18n::{self, Arg, Lang};
pub use crate::views::DateTyped;

/// What a date field gives the service, and the words for its problem.
pub struct DateRead {
    /// The ISO date; `None` when nothing was typed; something no service
    /// takes for a date when it is not one, so the change is refused whole.
    pub value: Option<String>,
    /// The problem in words, for `field`, to show instead of the service's.
    pub problem: Option<FieldError>,
}

/// Reading a typed date.
pub trait ReadDate {
    fn read(&self, field: &str, label: &str, lang: Lang) -> DateRead;
}

impl ReadDate for DateTyped {
    /// Reads the date for `field`, whose name in sentences is the message
    /// `label` ("due date").
    fn read(&self, field: &str, label: &str, lang: Lang) -> DateRead {
        let label = i18n::text(lang, label);
        let words = |key: &str, parts: Option<String>| {
            let mut args = vec![("label", Arg::Text(&label))];
            let parts = parts.unwrap_or_default();
            args.push(("parts", Arg::Text(&parts)));
            FieldError::new(field, "invalid", i18n::text_with(lang, key, &args))
        };
        match date_from_parts(&self.day, &self.month, &self.year) {
            Ok(d) => DateRead {
                value: Some(d.to_string()),
                problem: None,
            },
            Err(DateProblem::Empty) => DateRead {
                value: None,
                problem: Some(words("date-enter", None)),
            },
            Err(problem) => {
                let error = match problem {
                    DateProblem::Missing(parts) => {
                        let named: Vec<String> = parts
                            .iter()
                            .map(|p| {
                                i18n::text(
                                    lang,
                                    match p {
                                        DatePart::Day => "date-part-day",
                                        DatePart::Month => "date-part-month",
                                        DatePart::Year => "date-part-year",
                                    },
                                )
                            })
                            .collect();
                        let joined = i18n::text_with(
                            lang,
                            "date-parts-and",
                            &[
                                ("first", Arg::Text(&named[..named.len() - 1].join(", "))),
                                (
                                    "last",
                                    Arg::Text(named.last().map(String::as_str).unwrap_or("")),
                                ),
                                ("count", Arg::count(named.len())),
                            ],
                        );
                        words("date-must-include", Some(joined))
                    }
                    DateProblem::Year => words("date-year-digits", None),
                    _ => words("date-not-real", None),
                };
                DateRead {
                    value: Some("not a date".into()),
                    problem: Some(error),
                }
            }
        }
    }
}

/// The service's errors with the date's own words in place of what the
/// service said about `field` (it only knows the date is missing or not
/// one; the page knows which part).
pub fn in_words(errors: Vec<FieldError>, date: &DateRead, field: &str) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| match &date.problem {
            Some(p) if e.field == field => p.clone(),
            _ => e,
        })
        .collect()
}

/// A form's due date, as sent by `date_input` named `due_on`; flattened
/// into the forms that take one.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DueOnFields {
    #[serde(default, rename = "due_on-day")]
    pub day: String,
    #[serde(default, rename = "due_on-month")]
    pub month: String,
    #[serde(default, rename = "due_on-year")]
    pub year: String,
}

impl DueOnFields {
    pub fn typed(&self) -> DateTyped {
        DateTyped::new(&self.day, &self.month, &self.year)
    }
}
