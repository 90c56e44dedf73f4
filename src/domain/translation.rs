//! Bilingual content (Welsh Language Standards): for a bilingual body, each
//! field people write holds an English text (the record's own column) and a
//! Welsh one, each Welsh field with a status. What is still to translate,
//! the word limits per language and the translation deadline are decided
//! here.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::calendar::Calendar;
use super::policy::Policy;
use crate::i18n::{self, Arg, Lang};

/// What a translated field belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    Paper,
    AgendaItem,
    Decision,
    Action,
    Minutes,
}

/// A word limit that applies to a field in each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    None,
    Purpose,
    Summary,
    Body,
}

/// A field that has a Welsh version: its key (the English column's name)
/// and the message key of its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub message: &'static str,
    pub limit: Limit,
}

const fn field(key: &'static str, message: &'static str) -> Field {
    Field {
        key,
        message,
        limit: Limit::None,
    }
}

const PAPER: &[Field] = &[
    field("title", "paper-field-title"),
    Field {
        key: "purpose",
        message: "paper-field-purpose",
        limit: Limit::Purpose,
    },
    Field {
        key: "summary",
        message: "paper-field-summary",
        limit: Limit::Summary,
    },
    field("recommendations", "paper-field-recommendations"),
    field("implications_financial", "paper-field-financial"),
    field("implications_legal", "paper-field-legal"),
    field("implications_risk", "paper-field-risk"),
    field("implications_equality", "paper-field-equality"),
    field("implications_environment", "paper-field-environment"),
    field("implications_welsh_language", "paper-field-welsh-language"),
    Field {
        key: "body_markdown",
        message: "paper-field-body",
        limit: Limit::Body,
    },
];
const AGENDA_ITEM: &[Field] = &[field("title", "translation-field-item-title")];
const DECISION: &[Field] = &[field("text", "translation-field-decision")];
const ACTION: &[Field] = &[field("description", "translation-field-action")];
const MINUTES: &[Field] = &[field("body_markdown", "translation-field-minutes")];

impl Subject {
    pub const ALL: [Subject; 5] = [
        Subject::Paper,
        Subject::AgendaItem,
        Subject::Decision,
        Subject::Action,
        Subject::Minutes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Paper => "paper",
            Subject::AgendaItem => "agenda_item",
            Subject::Decision => "decision",
            Subject::Action => "action",
            Subject::Minutes => "minutes",
        }
    }

    pub fn parse(s: &str) -> Option<Subject> {
        Subject::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The fields that have a Welsh version, in the order a reader meets them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Subject::Paper => PAPER,
            Subject::AgendaItem => AGENDA_ITEM,
            Subject::Decision => DECISION,
            Subject::Action => ACTION,
            Subject::Minutes => MINUTES,
        }
    }

    pub fn field(self, key: &str) -> Option<&'static Field> {
        self.fields().iter().find(|f| f.key == key)
    }
}

/// A Welsh field's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// The English is empty: there is nothing to translate.
    NotRequired,
    AwaitingTranslation,
    /// The English changed after the Welsh was written: a translator checks
    /// it before it counts again.
    Outdated,
    Translated,
    /// Checked and approved by the secretariat.
    Approved,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotRequired => "not_required",
            Status::AwaitingTranslation => "awaiting_translation",
            Status::Outdated => "english_changed",
            Status::Translated => "translated",
            Status::Approved => "approved",
        }
    }

    /// A stored status (only `translated` and `approved` are stored).
    pub fn stored(s: &str) -> Status {
        if s == "approved" {
            Status::Approved
        } else {
            Status::Translated
        }
    }

    /// Its name in the reader's language.
    pub fn label(self) -> String {
        i18n::t(match self {
            Status::NotRequired => "translation-status-not-required",
            Status::AwaitingTranslation => "translation-status-awaiting",
            Status::Outdated => "translation-status-outdated",
            Status::Translated => "translation-status-translated",
            Status::Approved => "translation-status-approved",
        })
    }

    /// The field is ready to publish in Welsh.
    pub fn complete(self) -> bool {
        !matches!(self, Status::AwaitingTranslation | Status::Outdated)
    }
}

/// A stored Welsh text, its status and the digest of the English it was
/// written from (`None`: not recorded, read as current).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub text: String,
    pub status: Status,
    pub source: Option<String>,
}

/// The digest of an English text that a Welsh one is written from: it
/// ignores the line endings and the space around the text, which a browser
/// or a client may change without changing the words.
pub fn digest(english: &str) -> String {
    use sha2::{Digest, Sha256};
    let normal = english.trim().replace("\r\n", "\n");
    Sha256::digest(normal.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The status of one field, from its English and its stored Welsh.
pub fn status(english: &str, welsh: Option<&Stored>) -> Status {
    if english.trim().is_empty() {
        return Status::NotRequired;
    }
    match welsh {
        Some(w) if !w.text.trim().is_empty() => {
            if w.source.as_deref().is_some_and(|d| d != digest(english)) {
                Status::Outdated
            } else {
                w.status
            }
        }
        _ => Status::AwaitingTranslation,
    }
}

/// One field of a record, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldState {
    pub field: &'static Field,
    pub english: String,
    pub welsh: String,
    pub status: Status,
}

/// Every translated field of a record: `english` gives each field's
/// English text by key (a missing key reads as empty), `welsh` what is
/// stored.
pub fn states(
    subject: Subject,
    english: &HashMap<&str, String>,
    welsh: &HashMap<String, Stored>,
) -> Vec<FieldState> {
    subject
        .fields()
        .iter()
        .map(|f| {
            let en = english.get(f.key).cloned().unwrap_or_default();
            let cy = welsh.get(f.key);
            FieldState {
                field: f,
                status: status(&en, cy),
                welsh: cy.map(|c| c.text.clone()).unwrap_or_default(),
                english: en,
            }
        })
        .collect()
}

/// The fields still awaiting translation (or whose Welsh is out of date).
pub fn missing(states: &[FieldState]) -> Vec<&'static Field> {
    states
        .iter()
        .filter(|s| !s.status.complete())
        .map(|s| s.field)
        .collect()
}

/// The record's overall status: the least complete of its fields
/// (`NotRequired` when nothing needs translating).
pub fn overall(states: &[FieldState]) -> Status {
    states
        .iter()
        .map(|s| s.status)
        .filter(|s| *s != Status::NotRequired)
        .min()
        .unwrap_or(Status::NotRequired)
}

/// A field's name in English and Welsh, "Purpose / Diben", for messages that
/// must read in both languages.
pub fn both_names(f: &Field) -> String {
    let en = i18n::with(Lang::English, || i18n::t(f.message));
    let cy = i18n::with(Lang::Welsh, || i18n::t(f.message));
    if en == cy { en } else { format!("{en} / {cy}") }
}

/// The word limit on a field under a policy, if any.
pub fn word_limit(f: &Field, policy: &Policy) -> Option<usize> {
    let n = match f.limit {
        Limit::None => return None,
        Limit::Purpose => policy.max_purpose_words,
        Limit::Summary => policy.max_summary_words,
        Limit::Body => policy.max_body_words,
    };
    usize::try_from(n).ok()
}

/// A Welsh text over its field's word limit: the message names the
/// language, so an author can tell it from the English limit.
pub fn over_limit(f: &Field, welsh: &str, policy: &Policy) -> Option<String> {
    let limit = word_limit(f, policy)?;
    let words = super::briefing::word_count(welsh);
    (words > limit).then(|| {
        i18n::say_args(
            "translation-too-long",
            &[
                ("field", Arg::Text(&i18n::say(f.message))),
                ("words", Arg::count(words)),
                ("limit", Arg::count(limit)),
            ],
        )
    })
}

/// The Welsh Language Standards' trigger for simultaneous translation at
/// a meeting: 10% or more of its members wish to speak Welsh.
pub fn needs_interpreting(wishing: usize, members: usize) -> bool {
    wishing > 0 && wishing * 10 >= members
}

/// The translation deadline: T working days before the publication day.
pub fn deadline(publication_day: NaiveDate, working_days: i32, cal: &Calendar) -> NaiveDate {
    cal.working_days_before(publication_day, u32::try_from(working_days).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(text: &str, status: Status) -> Stored {
        Stored {
            text: text.into(),
            status,
            source: None,
        }
    }

    #[test]
    fn a_field_needs_translating_only_when_it_has_english() {
        assert_eq!(status("", None), Status::NotRequired);
        assert_eq!(status("  ", None), Status::NotRequired);
        assert_eq!(status("Purpose", None), Status::AwaitingTranslation);
        assert_eq!(
            status("Purpose", Some(&stored("  ", Status::Translated))),
            Status::AwaitingTranslation,
            "a blank Welsh text is not a translation"
        );
        assert_eq!(
            status("Purpose", Some(&stored("Diben", Status::Translated))),
            Status::Translated
        );
        assert_eq!(
            status("Purpose", Some(&stored("Diben", Status::Approved))),
            Status::Approved
        );
    }

    #[test]
    fn missing_lists_every_untranslated_field_in_order() {
        let english: HashMap<&str, String> = [
            ("title", "Healthy weight"),
            ("purpose", "To agree the plan."),
            ("summary", "A summary."),
            ("implications_legal", ""),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .collect();
        let welsh: HashMap<String, Stored> =
            [("title".to_string(), stored("Pwysau iach", Status::Approved))].into();
        let s = states(Subject::Paper, &english, &welsh);
        let keys: Vec<&str> = missing(&s).iter().map(|f| f.key).collect();
        assert_eq!(keys, ["purpose", "summary"]);
        assert_eq!(overall(&s), Status::AwaitingTranslation);
        let none: HashMap<&str, String> = HashMap::new();
        assert_eq!(
            overall(&states(Subject::Paper, &none, &welsh)),
            Status::NotRequired
        );
    }

    #[test]
    fn a_change_to_the_english_puts_the_welsh_out_of_date() {
        let written = Stored {
            text: "Cytuno ar y cynllun.".into(),
            status: Status::Approved,
            source: Some(digest("To agree the plan.")),
        };
        assert_eq!(
            status("To agree the plan.", Some(&written)),
            Status::Approved
        );
        assert_eq!(
            status("  To agree the plan.\r\n", Some(&written)),
            Status::Approved,
            "space around the text and line endings are not a change"
        );
        assert_eq!(
            status("To agree the revised plan.", Some(&written)),
            Status::Outdated
        );
        assert!(!Status::Outdated.complete());
        let english: HashMap<&str, String> =
            [("purpose", "To agree the revised plan.".to_string())].into();
        let welsh: HashMap<String, Stored> = [("purpose".to_string(), written)].into();
        let s = states(Subject::Paper, &english, &welsh);
        assert_eq!(
            missing(&s).iter().map(|f| f.key).collect::<Vec<_>>(),
            ["purpose"]
        );
        assert_eq!(overall(&s), Status::Outdated);
    }

    #[test]
    fn overall_is_the_least_complete_field() {
        let english: HashMap<&str, String> = [("title", "A"), ("purpose", "B")]
            .into_iter()
            .map(|(k, v)| (k, v.to_string()))
            .collect();
        let welsh: HashMap<String, Stored> = [
            ("title".to_string(), stored("A", Status::Approved)),
            ("purpose".to_string(), stored("B", Status::Translated)),
        ]
        .into();
        assert_eq!(
            overall(&states(Subject::Paper, &english, &welsh)),
            Status::Translated
        );
    }

    #[test]
    fn names_and_limits_read_in_both_languages() {
        let purpose = Subject::Paper.field("purpose").expect("a field");
        assert_eq!(both_names(purpose), "Purpose / Diben");
        let policy = Policy::default();
        let long = "gair ".repeat(61);
        let message = i18n::with(Lang::English, || over_limit(purpose, &long, &policy));
        assert_eq!(
            message.as_deref(),
            Some("Purpose in Welsh has 61 words; the limit is 60.")
        );
        assert_eq!(over_limit(purpose, &"gair ".repeat(60), &policy), None);
        let title = Subject::Paper.field("title").expect("a field");
        assert_eq!(over_limit(title, &long, &policy), None);
    }

    #[test]
    fn the_deadline_is_working_days_before_publication() {
        let cal = Calendar::with_holidays([]);
        // Publication on Friday 8 January 2027: three working days before
        // is Tuesday 5 January.
        let p = NaiveDate::from_ymd_opt(2027, 1, 8).expect("a date");
        assert_eq!(
            deadline(p, 3, &cal),
            NaiveDate::from_ymd_opt(2027, 1, 5).expect("a date")
        );
        assert_eq!(deadline(p, 0, &cal), p);
    }

    #[test]
    fn ten_percent_of_the_members_trigger_interpreting() {
        assert!(!needs_interpreting(0, 12));
        assert!(!needs_interpreting(1, 11), "9% is under the trigger");
        assert!(needs_interpreting(1, 10), "10% is the trigger");
        assert!(needs_interpreting(2, 12));
        assert!(!needs_interpreting(0, 0));
    }

    #[test]
    fn subjects_round_trip() {
        for s in Subject::ALL {
            assert_eq!(Subject::parse(s.as_str()), Some(s));
            assert!(!s.fields().is_empty());
        }
        assert_eq!(Subject::parse("users"), None);
    }
}
