//! The briefing requirements (the cover sheet), checked on submission: every
//! unmet requirement is reported at once, each with its field. Also word
//! counts and Flesch reading ease.

mod brief;
pub use brief::{BriefItem, brief};

use crate::domain::validate::FieldError;

use super::policy::Policy;
use super::rules::{Profile, paragraph_problem};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemType {
    Decision,
    Discussion,
    Information,
}

impl ItemType {
    pub const ALL: [ItemType; 3] = [
        ItemType::Decision,
        ItemType::Discussion,
        ItemType::Information,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemType::Decision => "decision",
            ItemType::Discussion => "discussion",
            ItemType::Information => "information",
        }
    }

    pub fn parse(s: &str) -> Option<ItemType> {
        ItemType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// "For decision", in the current language.
    pub fn label(self) -> String {
        let key = match self {
            ItemType::Decision => "item-type-decision",
            ItemType::Discussion => "item-type-discussion",
            ItemType::Information => "item-type-information",
        };
        crate::i18n::text(crate::i18n::current(), key)
    }
}

/// What the check needs to know about a paper, already loaded.
#[derive(Clone, Debug, Default)]
pub struct CoverSheet<'a> {
    pub title: &'a str,
    pub item_type: Option<&'a str>,
    pub presenting_organisation_id: Option<&'a str>,
    pub presenter_ok: Option<bool>,
    /// `Some(true)` when the sponsor belongs to the presenting organisation.
    pub sponsor_ok: Option<bool>,
    /// The author named themselves sponsor: a paper cannot be signed off
    /// by the person who wrote it.
    pub sponsor_is_author: bool,
    pub purpose: &'a str,
    pub summary: &'a str,
    pub recommendations: &'a [String],
    pub financial: &'a str,
    pub legal: &'a str,
    pub risk: &'a str,
    pub equality: &'a str,
    /// "done" or "not_needed"
    pub equality_assessment: Option<&'a str>,
    pub environment: &'a str,
    /// Wales: the Welsh language impact.
    pub welsh_language: &'a str,
    pub consulted_organisation_ids: &'a [String],
    /// `Some(true)` when the priority is an active priority of the body.
    pub priority_ok: Option<bool>,
    pub no_priority_reason: &'a str,
    pub body_markdown: &'a str,
    pub exempt_category: Option<i32>,
    pub exempt_reason: &'a str,
    /// In Wales: the public interest test for a confidential paper.
    pub exempt_public_interest: &'a str,
}

/// "The purpose has 75 words; the limit is 60.", in the reader's language.
fn words_over(key: &str, words: usize, limit: i32) -> String {
    use crate::i18n::{Arg, say_args as t_args};
    t_args(
        key,
        &[
            ("words", Arg::count(words)),
            ("limit", Arg::Number(i64::from(limit))),
        ],
    )
}

/// Words in a text: runs of characters with at least one letter or digit.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Sentences: ends marked by . ! or ? followed by a space or the end.
pub fn sentence_count(text: &str) -> usize {
    let mut n = 0;
    let mut chars = text.trim().chars().peekable();
    let mut in_sentence = false;
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            in_sentence = true;
        }
        if matches!(c, '.' | '!' | '?')
            && in_sentence
            && chars.peek().is_none_or(|n| n.is_whitespace())
        {
            n += 1;
            in_sentence = false;
        }
    }
    if in_sentence {
        n += 1;
    }
    n
}

/// English syllables, by the usual vowel-group heuristic.
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if w.is_empty() {
        return 0;
    }
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    // Silent final e (but not "-le" after a consonant: "table").
    if w.ends_with(&['e'])
        && !(w.len() > 2 && w[w.len() - 2] == 'l' && !vowel(w[w.len() - 3]))
        && count > 1
    {
        count -= 1;
    }
    if (w.ends_with(&['e', 's']) || w.ends_with(&['e', 'd']))
        && count > 1
        && !w.ends_with(&['t', 'e', 'd'])
        && !w.ends_with(&['d', 'e', 'd'])
    {
        count -= 1;
    }
    count.max(1)
}

/// Flesch reading ease (higher is easier; below 30 is very hard). `None` for
/// an empty text.
pub fn reading_ease(text: &str) -> Option<f64> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() {
        return None;
    }
    let sentences = sentence_count(text).max(1) as f64;
    let syl: usize = words.iter().map(|w| syllables(w)).sum();
    let n = words.len() as f64;
    Some(206.835 - 1.015 * (n / sentences) - 84.6 * (syl as f64 / n))
}

/// Below this, the author is warned (never blocked).
pub const HARD_TO_READ: f64 = 30.0;

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Checks the cover sheet against the body's policy. Returns every unmet
/// requirement, each with its field and a code.
pub fn check(sheet: &CoverSheet<'_>, policy: &Policy) -> Vec<FieldError> {
    // Problems with what was typed: in the language of the person told.
    use crate::i18n::{Arg, say as t, say_args as t_args};
    let mut e = Vec::new();
    let mut add = |field: &str, code: &str, msg: String| e.push(FieldError::new(field, code, msg));
    if blank(sheet.title) {
        add("title", "required", t("brief-title-required"));
    }
    let item_type = sheet.item_type.and_then(ItemType::parse);
    if item_type.is_none() {
        add("item_type", "required", t("brief-item-type-required"));
    }
    if sheet.presenting_organisation_id.is_none_or(blank) {
        add(
            "presenting_organisation_id",
            "required",
            t("brief-organisation-required"),
        );
    }
    if sheet.presenter_ok != Some(true) {
        add(
            "presenter_user_id",
            "required",
            t("brief-presenter-required"),
        );
    }
    match sheet.sponsor_ok {
        None => add("sponsor_user_id", "required", t("brief-sponsor-required")),
        Some(false) => add(
            "sponsor_user_id",
            "sponsor_organisation",
            t("brief-sponsor-organisation"),
        ),
        Some(true) => {}
    }
    if sheet.sponsor_is_author {
        add(
            "sponsor_user_id",
            "sponsor_is_author",
            t("brief-sponsor-is-author"),
        );
    }
    let purpose_words = word_count(sheet.purpose);
    if purpose_words == 0 {
        add("purpose", "required", t("brief-purpose-required"));
    } else if purpose_words > policy.max_purpose_words as usize {
        add(
            "purpose",
            "too_long",
            words_over(
                "brief-purpose-too-long",
                purpose_words,
                policy.max_purpose_words,
            ),
        );
    }
    let summary_words = word_count(sheet.summary);
    if summary_words == 0 {
        add("summary", "required", t("brief-summary-required"));
    } else if summary_words > policy.max_summary_words as usize {
        add(
            "summary",
            "too_long",
            words_over(
                "brief-summary-too-long",
                summary_words,
                policy.max_summary_words,
            ),
        );
    }
    let recs: Vec<&String> = sheet.recommendations.iter().filter(|r| !blank(r)).collect();
    if item_type == Some(ItemType::Decision) && recs.is_empty() {
        add(
            "recommendations",
            "required",
            t("brief-recommendation-required"),
        );
    }
    for (i, r) in recs.iter().enumerate() {
        if sentence_count(r) > 1 {
            add(
                &format!("recommendations[{i}]"),
                "one_sentence",
                t_args("brief-one-sentence", &[("number", Arg::count(i + 1))]),
            );
        }
    }
    for (field, key, value) in [
        (
            "implications.financial",
            "brief-financial-required",
            sheet.financial,
        ),
        ("implications.legal", "brief-legal-required", sheet.legal),
        ("implications.risk", "brief-risk-required", sheet.risk),
        (
            "implications.environment",
            "brief-environment-required",
            sheet.environment,
        ),
    ] {
        if blank(value) {
            add(field, "required", t(key));
        }
    }
    match sheet.equality_assessment {
        Some("done") | Some("not_needed") => {
            if blank(sheet.equality) {
                add(
                    "implications.equality",
                    "required",
                    t("brief-equality-required"),
                );
            }
        }
        _ => add(
            "implications.equality_assessment",
            "required",
            t("brief-eia-required"),
        ),
    }
    // Welsh Language Standards (policy making): a decision paper in Wales
    // considers its effects on the Welsh language.
    if item_type == Some(ItemType::Decision)
        && super::rules::Profile::parse(&policy.rules).is_some_and(|p| p.is_welsh())
        && blank(sheet.welsh_language)
    {
        add(
            "implications.welsh_language",
            "required",
            t("brief-welsh-language-required"),
        );
    }
    if item_type == Some(ItemType::Decision) {
        let others = sheet
            .consulted_organisation_ids
            .iter()
            .filter(|id| Some(id.as_str()) != sheet.presenting_organisation_id)
            .count();
        if others == 0 {
            add(
                "consulted_organisation_ids",
                "required",
                t("brief-consulted-required"),
            );
        }
    }
    match sheet.priority_ok {
        Some(true) => {}
        Some(false) => add("priority_id", "invalid", t("brief-priority-invalid")),
        None if blank(sheet.no_priority_reason) => {
            add("priority_id", "required", t("brief-priority-required"))
        }
        None => {}
    }
    let body_words = word_count(sheet.body_markdown);
    if body_words == 0 {
        add("body_markdown", "required", t("brief-body-required"));
    } else if body_words > policy.max_body_words as usize {
        add(
            "body_markdown",
            "too_long",
            words_over("brief-body-too-long", body_words, policy.max_body_words),
        );
    }
    if let Some(cat) = sheet.exempt_category {
        let profile = Profile::parse(&policy.rules).unwrap_or(Profile::England);
        if let Some(problem) = paragraph_problem(profile, cat) {
            add("exempt_category", "invalid", problem);
        }
        if profile.records_public_interest_test() && blank(sheet.exempt_public_interest) {
            add(
                "exempt_public_interest",
                "required",
                t("brief-public-interest-required"),
            );
        }
        if blank(sheet.exempt_reason) {
            add(
                "exempt_reason",
                "required",
                t("brief-exempt-reason-required"),
            );
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_words_sentences_and_syllables() {
        assert_eq!(word_count("  The board — agreed 3 things. "), 5);
        assert_eq!(sentence_count("One. Two! Three? Four"), 4);
        assert_eq!(sentence_count("Approve the £1.5m budget for 2027."), 1);
        assert_eq!(
            sentence_count("Note e.g. this"),
            2,
            "abbreviations count; it is a heuristic"
        );
        assert_eq!(syllables("the"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("partnership"), 3);
        assert_eq!(syllables("recommendation"), 5);
    }

    #[test]
    fn reading_ease_ranks_plain_english_above_jargon() {
        let plain =
            reading_ease("We will open two new youth clubs. They will run on Friday nights.")
                .unwrap_or(0.0);
        let jargon = reading_ease("Operationalisation of multi-agency interoperability frameworks necessitates comprehensive organisational realignment initiatives.").unwrap_or(100.0);
        assert!(plain > 60.0, "{plain}");
        assert!(jargon < HARD_TO_READ, "{jargon}");
        assert_eq!(reading_ease(""), None);
    }

    fn good<'a>(recs: &'a [String], consulted: &'a [String]) -> CoverSheet<'a> {
        CoverSheet {
            title: "Youth services",
            item_type: Some("decision"),
            presenting_organisation_id: Some("org-a"),
            presenter_ok: Some(true),
            sponsor_ok: Some(true),
            sponsor_is_author: false,
            purpose: "To agree funding.",
            summary: "We propose two clubs.",
            recommendations: recs,
            financial: "£20,000 from the partnership fund.",
            legal: "none",
            risk: "none",
            equality: "Assessment attached.",
            equality_assessment: Some("done"),
            environment: "none",
            welsh_language: "",
            consulted_organisation_ids: consulted,
            priority_ok: Some(true),
            no_priority_reason: "",
            body_markdown: "The body of the paper.",
            exempt_category: None,
            exempt_reason: "",
            exempt_public_interest: "",
        }
    }

    #[test]
    fn a_complete_sheet_passes() {
        let recs = vec!["Approve the funding.".to_string()];
        let consulted = vec!["org-b".to_string()];
        assert_eq!(check(&good(&recs, &consulted), &Policy::default()), vec![]);
    }

    #[test]
    fn a_decision_paper_in_wales_considers_the_welsh_language() {
        let recs = vec!["Approve the funding.".to_string()];
        let consulted = vec!["org-b".to_string()];
        let wales = Policy {
            rules: "wales-psb".into(),
            ..Policy::default()
        };
        let fields: Vec<String> = check(&good(&recs, &consulted), &wales)
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["implications.welsh_language"]);
        let considered = CoverSheet {
            welsh_language: "No effect on opportunities to use Welsh.",
            ..good(&recs, &consulted)
        };
        assert_eq!(check(&considered, &wales), vec![]);
        // An item for information needs no Welsh language impact.
        let noting = CoverSheet {
            item_type: Some("information"),
            ..good(&recs, &consulted)
        };
        assert_eq!(check(&noting, &wales), vec![]);
    }

    #[test]
    fn every_failure_is_listed_at_once() {
        let empty = CoverSheet {
            item_type: Some("decision"),
            ..Default::default()
        };
        let fields: Vec<String> = check(&empty, &Policy::default())
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "title",
                "presenting_organisation_id",
                "presenter_user_id",
                "sponsor_user_id",
                "purpose",
                "summary",
                "recommendations",
                "implications.financial",
                "implications.legal",
                "implications.risk",
                "implications.environment",
                "implications.equality_assessment",
                "consulted_organisation_ids",
                "priority_id",
                "body_markdown"
            ]
        );
    }

    #[test]
    fn limits_state_the_count_and_the_limit() {
        let recs = vec!["Approve it. Then review it.".to_string()];
        let consulted = vec!["org-a".to_string()];
        let long_body = "word ".repeat(2501);
        let long_summary = "word ".repeat(251);
        let sheet = CoverSheet {
            body_markdown: &long_body,
            summary: &long_summary,
            ..good(&recs, &consulted)
        };
        let errors = check(&sheet, &Policy::default());
        let msg = |f: &str| {
            errors
                .iter()
                .find(|e| e.field == f)
                .map(|e| e.message.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            msg("body_markdown"),
            "The paper has 2501 words; the limit is 2500."
        );
        assert_eq!(
            msg("summary"),
            "The executive summary has 251 words; the limit is 250."
        );
        assert_eq!(
            msg("recommendations[0]"),
            "Recommendation 1 must be one sentence."
        );
        assert!(
            errors
                .iter()
                .any(|e| e.field == "consulted_organisation_ids"),
            "consulting only yourself does not count"
        );
    }

    #[test]
    fn information_items_need_no_recommendation_and_exempt_needs_a_reason() {
        let sheet = CoverSheet {
            item_type: Some("information"),
            exempt_category: Some(9),
            ..good(&[], &[])
        };
        let fields: Vec<String> = check(&sheet, &Policy::default())
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["exempt_category", "exempt_reason"]);
    }

    #[test]
    fn the_author_cannot_be_the_sponsor() {
        let recs = vec!["Agree the two clubs.".to_string()];
        let consulted = vec!["org-b".to_string()];
        let mut sheet = good(&recs, &consulted);
        assert!(
            !check(&sheet, &crate::domain::policy::Policy::default())
                .iter()
                .any(|p| p.code == "sponsor_is_author")
        );
        sheet.sponsor_is_author = true;
        assert!(
            check(&sheet, &crate::domain::policy::Policy::default())
                .iter()
                .any(|p| p.field == "sponsor_user_id" && p.code == "sponsor_is_author")
        );
    }
}
