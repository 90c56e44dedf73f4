//! A body's policy: the numbers DOMAIN.md gives as defaults, each changeable.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::rules::Profile;
use super::validate::Problems;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Policy {
    /// N: clear days between publication and the meeting (s100B: 5).
    pub publication_clear_days: i32,
    /// Whether clear days count working days (the safer reading) or calendar days.
    pub clear_days_basis: String,
    /// K: working days between the paper deadline and publication.
    pub paper_deadline_working_days: i32,
    /// J: working days between the proposal deadline and the paper deadline.
    pub proposal_deadline_working_days: i32,
    /// Cut-off time on the paper deadline day, London time, "HH:MM".
    pub paper_cutoff_time: String,
    pub max_purpose_words: i32,
    pub max_summary_words: i32,
    pub max_body_words: i32,
    /// "england-and-wales", "scotland" or "northern-ireland".
    pub holiday_calendar: String,
    /// The law the body runs under: england, wales, wales-psb, scotland or
    /// nhs-1960. It sets the defaults of the notice period and the bank
    /// holidays, the exempt paragraphs, the quorum and remote attendance.
    #[schema(pattern = "^(england|wales|wales-psb|scotland|nhs-1960)$")]
    pub rules: String,
    /// Where the rules leave it to standing orders (scotland, nhs-1960):
    /// members attending remotely count towards quorum.
    pub remote_attendance_counts: bool,
    /// Votes on decisions are recorded by name, each member's vote; else
    /// by count (for, against, abstain).
    pub votes_by_name: bool,
    /// The rapid decision note (attendance, declarations and decisions,
    /// before the minutes are approved) is published within this many
    /// working days of the meeting.
    pub decision_note_working_days: i32,
    /// What people write (papers, agenda items, decisions, actions,
    /// minutes) is held in Welsh and English, and the agenda is published
    /// only when both are complete. On by default under Welsh rules.
    pub bilingual: bool,
    /// T: working days between the translation deadline and publication.
    pub translation_working_days: i32,
}

pub const HOLIDAY_CALENDARS: [&str; 3] = ["england-and-wales", "scotland", "northern-ireland"];
pub const CLEAR_DAYS_BASES: [&str; 2] = ["working", "calendar"];

impl Default for Policy {
    fn default() -> Self {
        Policy {
            publication_clear_days: 5,
            clear_days_basis: "working".into(),
            paper_deadline_working_days: 5,
            proposal_deadline_working_days: 10,
            paper_cutoff_time: "12:00".into(),
            max_purpose_words: 60,
            max_summary_words: 250,
            max_body_words: 2500,
            holiday_calendar: "england-and-wales".into(),
            rules: "england".into(),
            remote_attendance_counts: false,
            votes_by_name: false,
            decision_note_working_days: 2,
            bilingual: false,
            translation_working_days: 3,
        }
    }
}

/// A partial policy as sent by a client; missing keys keep their defaults.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyInput {
    #[schema(minimum = 0, maximum = 60)]
    pub publication_clear_days: Option<i32>,
    #[schema(pattern = "^(working|calendar)$")]
    pub clear_days_basis: Option<String>,
    #[schema(minimum = 0, maximum = 60)]
    pub paper_deadline_working_days: Option<i32>,
    #[schema(minimum = 0, maximum = 120)]
    pub proposal_deadline_working_days: Option<i32>,
    /// A 24-hour time, like 12:00
    #[schema(pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    pub paper_cutoff_time: Option<String>,
    #[schema(minimum = 10, maximum = 1000)]
    pub max_purpose_words: Option<i32>,
    #[schema(minimum = 20, maximum = 5000)]
    pub max_summary_words: Option<i32>,
    #[schema(minimum = 100, maximum = 50000)]
    pub max_body_words: Option<i32>,
    #[schema(pattern = "^(england-and-wales|scotland|northern-ireland)$")]
    pub holiday_calendar: Option<String>,
    /// england (the default), wales, wales-psb, scotland or nhs-1960. Unless
    /// given too, the notice period and the bank holidays follow the rules.
    #[schema(pattern = "^(england|wales|wales-psb|scotland|nhs-1960)$")]
    pub rules: Option<String>,
    /// For rules that leave remote attendance to standing orders.
    pub remote_attendance_counts: Option<bool>,
    /// Record votes on decisions by name (true) or by count (false, the
    /// default).
    pub votes_by_name: Option<bool>,
    /// Working days after the meeting by which the decision note is
    /// published (default 2; a Welsh community council's rule is 7).
    #[schema(minimum = 1, maximum = 30)]
    pub decision_note_working_days: Option<i32>,
    /// Hold what people write in Welsh and English (default: true under
    /// the wales and wales-psb rules, else false).
    pub bilingual: Option<bool>,
    /// Working days between the translation deadline and publication
    /// (default 3).
    #[schema(minimum = 0, maximum = 30)]
    pub translation_working_days: Option<i32>,
}

impl PolicyInput {
    /// Applies the input over `base`, reporting every out-of-range value.
    pub fn apply(&self, base: &Policy, problems: &mut Problems) -> Policy {
        let mut p = base.clone();
        // The rules first: they set the defaults the numbers below override.
        if let Some(r) = &self.rules {
            match Profile::parse(r.trim()) {
                Some(profile) => {
                    p.rules = profile.as_str().to_string();
                    p.publication_clear_days = profile.notice_clear_days();
                    p.holiday_calendar = profile.holiday_calendar().to_string();
                    p.bilingual = profile.is_welsh();
                }
                None => problems.add(
                    "policy.rules",
                    "invalid",
                    crate::i18n::say_args(
                        "err-policy-rules",
                        &[("choices", crate::i18n::Arg::Text(&Profile::choices()))],
                    ),
                ),
            }
        }
        if let Some(b) = self.remote_attendance_counts {
            p.remote_attendance_counts = b;
        }
        if let Some(b) = self.votes_by_name {
            p.votes_by_name = b;
        }
        if let Some(b) = self.bilingual {
            p.bilingual = b;
        }
        let mut number = |field: &str, value: Option<i32>, min: i32, max: i32, target: &mut i32| {
            if let Some(v) = value {
                if (min..=max).contains(&v) {
                    *target = v;
                } else {
                    problems.add(
                        &format!("policy.{field}"),
                        "out_of_range",
                        crate::i18n::say_args(
                            "err-policy-range",
                            &[
                                ("field", crate::i18n::Arg::Text(field)),
                                ("min", crate::i18n::Arg::Number(i64::from(min))),
                                ("max", crate::i18n::Arg::Number(i64::from(max))),
                            ],
                        ),
                    );
                }
            }
        };
        number(
            "publication_clear_days",
            self.publication_clear_days,
            0,
            60,
            &mut p.publication_clear_days,
        );
        number(
            "paper_deadline_working_days",
            self.paper_deadline_working_days,
            0,
            60,
            &mut p.paper_deadline_working_days,
        );
        number(
            "proposal_deadline_working_days",
            self.proposal_deadline_working_days,
            0,
            120,
            &mut p.proposal_deadline_working_days,
        );
        number(
            "decision_note_working_days",
            self.decision_note_working_days,
            1,
            30,
            &mut p.decision_note_working_days,
        );
        number(
            "translation_working_days",
            self.translation_working_days,
            0,
            30,
            &mut p.translation_working_days,
        );
        number(
            "max_purpose_words",
            self.max_purpose_words,
            10,
            1000,
            &mut p.max_purpose_words,
        );
        number(
            "max_summary_words",
            self.max_summary_words,
            20,
            5000,
            &mut p.max_summary_words,
        );
        number(
            "max_body_words",
            self.max_body_words,
            100,
            50_000,
            &mut p.max_body_words,
        );
        if let Some(t) = &self.paper_cutoff_time {
            if parse_cutoff(t).is_some() {
                p.paper_cutoff_time = t.clone();
            } else {
                problems.add(
                    "policy.paper_cutoff_time",
                    "invalid",
                    crate::i18n::say("err-policy-invalid"),
                );
            }
        }
        if let Some(c) = &self.holiday_calendar {
            if HOLIDAY_CALENDARS.contains(&c.as_str()) {
                p.holiday_calendar = c.clone();
            } else {
                problems.add(
                    "policy.holiday_calendar",
                    "invalid",
                    crate::i18n::say("err-policy-invalid-policy-holiday-calendar"),
                );
            }
        }
        if let Some(b) = &self.clear_days_basis {
            if CLEAR_DAYS_BASES.contains(&b.as_str()) {
                p.clear_days_basis = b.clone();
            } else {
                problems.add(
                    "policy.clear_days_basis",
                    "invalid",
                    crate::i18n::say("err-policy-invalid-policy-clear-days-basis"),
                );
            }
        }
        p
    }
}

/// Parses "HH:MM" (24-hour).
pub fn parse_cutoff(s: &str) -> Option<chrono::NaiveTime> {
    if s.len() != 5 {
        return None;
    }
    chrono::NaiveTime::parse_from_str(s, "%H:%M").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_domain_md() {
        let p = Policy::default();
        assert_eq!(
            (
                p.publication_clear_days,
                p.paper_deadline_working_days,
                p.proposal_deadline_working_days
            ),
            (5, 5, 10)
        );
        assert_eq!(p.paper_cutoff_time, "12:00");
        assert_eq!(
            (p.max_purpose_words, p.max_summary_words, p.max_body_words),
            (60, 250, 2500)
        );
        assert_eq!(p.holiday_calendar, "england-and-wales");
        assert_eq!(p.clear_days_basis, "working");
    }

    #[test]
    fn input_overrides_and_reports_every_bad_value() {
        let input = PolicyInput {
            publication_clear_days: Some(3),
            paper_cutoff_time: Some("25:00".into()),
            holiday_calendar: Some("wales".into()),
            max_body_words: Some(-1),
            ..Default::default()
        };
        let mut problems = Problems::new();
        let p = input.apply(&Policy::default(), &mut problems);
        assert_eq!(p.publication_clear_days, 3);
        let fields: Vec<_> = problems.into_vec().into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "policy.max_body_words",
                "policy.paper_cutoff_time",
                "policy.holiday_calendar"
            ]
        );
    }

    #[test]
    fn the_rules_set_the_defaults_and_given_numbers_override_them() {
        let mut problems = Problems::new();
        let wales = PolicyInput {
            rules: Some("wales-psb".into()),
            ..Default::default()
        }
        .apply(&Policy::default(), &mut problems);
        assert_eq!(
            (wales.rules.as_str(), wales.publication_clear_days),
            ("wales-psb", 3)
        );
        assert!(
            wales.bilingual,
            "a Welsh PSB is bilingual unless it says not"
        );
        let unilingual = PolicyInput {
            rules: Some("wales".into()),
            bilingual: Some(false),
            ..Default::default()
        }
        .apply(&Policy::default(), &mut problems);
        assert!(!unilingual.bilingual);
        let scotland = PolicyInput {
            rules: Some("scotland".into()),
            publication_clear_days: Some(7),
            ..Default::default()
        }
        .apply(&Policy::default(), &mut problems);
        assert_eq!(scotland.publication_clear_days, 7);
        assert_eq!(scotland.holiday_calendar, "scotland");
        assert!(problems.is_empty());
        let bad = PolicyInput {
            rules: Some("northern-ireland".into()),
            ..Default::default()
        }
        .apply(&Policy::default(), &mut problems);
        assert_eq!(bad.rules, "england");
        let messages: Vec<_> = problems.into_vec().into_iter().map(|e| e.message).collect();
        assert_eq!(
            messages,
            ["policy.rules must be england, wales, wales-psb, scotland or nhs-1960."]
        );
    }

    #[test]
    fn cutoff_times() {
        assert!(parse_cutoff("12:00").is_some());
        assert!(parse_cutoff("09:30").is_some());
        assert!(parse_cutoff("9:30").is_none());
        assert!(parse_cutoff("12:00:00").is_none());
        assert!(parse_cutoff("noon").is_none());
    }
}
