//! A published agenda version, frozen with the paper versions it contains,
//! and the public view of it. Everything the public sees of an agenda is
//! made from `Frozen::public_view`, the one place exempt material is removed.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::agenda::ItemKind;
use super::rules::Profile;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Frozen {
    pub meeting_id: String,
    pub body_name: String,
    pub body_slug: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub location: String,
    pub number: i32,
    pub published_at: NaiveDateTime,
    /// Why it went out after the publication deadline (shown publicly).
    pub late_reason: Option<String>,
    /// Why this supplement was issued (version 2 on).
    pub supplement_reason: Option<String>,
    pub items: Vec<FrozenItem>,
    /// True in the public view: exempt items are reduced to their category.
    #[serde(default)]
    pub redacted: bool,
    /// The body's rules when it was published (`None`: before rules
    /// existed, England's): they name the exempt paragraphs.
    #[serde(default)]
    pub rules: Option<String>,
    /// How to attend remotely, as the notice gave it.
    #[serde(default)]
    pub remote_access: Option<String>,
    /// A bilingual body's agenda published before its translations were
    /// complete: the chair's reason, (English, Welsh), shown publicly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation_urgency: Option<(String, String)>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct FrozenItem {
    pub id: String,
    pub number: i32,
    pub kind: ItemKind,
    pub title: String,
    pub item_type: Option<String>,
    pub presenter: Option<String>,
    pub organisation: Option<String>,
    pub minutes: i32,
    pub verbal_reason: Option<String>,
    pub to_note: bool,
    pub exempt_category: Option<i32>,
    pub late: bool,
    pub late_reason: Option<String>,
    /// Set when this version added or replaced the item's paper.
    pub supplement: Option<String>,
    pub paper: Option<FrozenPaper>,
    /// The action log item: the body's open actions and those closed since
    /// the last meeting, as they stood at publication.
    #[serde(default)]
    pub action_log: Vec<LogEntry>,
    /// The minutes item: the open part of the previous meeting's minutes,
    /// as they stood at publication (circulated in draft, or approved).
    #[serde(default)]
    pub previous_minutes: Option<PreviousMinutes>,
    /// For an exempt item under Welsh rules: its public interest test,
    /// which the public view keeps.
    #[serde(default)]
    pub exempt_public_interest: Option<String>,
    /// A bilingual body's item: its Welsh title, where translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_cy: Option<String>,
}

/// The previous meeting's minutes, carried by the pack for approval.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PreviousMinutes {
    /// When the previous meeting started.
    pub meeting_starts_at: NaiveDateTime,
    /// Approved already; otherwise a draft for this meeting to approve.
    pub approved: bool,
    pub markdown: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct LogEntry {
    pub reference: String,
    pub description: String,
    pub owner: String,
    pub organisation: String,
    pub due_on: chrono::NaiveDate,
    pub status: String,
    pub latest_note: String,
    pub exempt: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct FrozenPaper {
    pub id: String,
    pub version: i32,
    pub title: String,
    pub purpose: String,
    pub summary: String,
    pub recommendations: Vec<String>,
    /// (heading, text) for each implication.
    pub implications: Vec<(String, String)>,
    pub consulted: Vec<String>,
    pub priority: Option<String>,
    pub sponsor: Option<String>,
    pub body_markdown: String,
    pub word_count: usize,
    /// (attachment id, file name)
    pub attachments: Vec<(String, String)>,
    /// A bilingual body's paper: its Welsh version, as far as translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cy: Option<WelshPaper>,
}

/// The Welsh of a published paper; an empty field was not translated and
/// reads in English.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct WelshPaper {
    pub title: String,
    pub purpose: String,
    pub summary: String,
    pub recommendations: Vec<String>,
    /// (English heading, Welsh text), matched to the paper's implications.
    pub implications: Vec<(String, String)>,
    pub body_markdown: String,
}

impl WelshPaper {
    pub fn is_empty(&self) -> bool {
        *self == WelshPaper::default()
    }
}

fn welsh_or(text: &mut String, welsh: &str) {
    if !welsh.trim().is_empty() {
        *text = welsh.to_string();
    }
}

impl FrozenItem {
    pub fn is_exempt(&self) -> bool {
        self.exempt_category.is_some()
    }

    /// "Exempt item – category 3: Information relating to …" (England);
    /// "Exempt item – Schedule 12A, paragraph 14: …" under other rules.
    pub fn neutral_title(profile: Profile, category: i32) -> String {
        let what = profile.label(category);
        let lang = crate::i18n::current();
        let paragraph = profile
            .paragraph_in(category, lang)
            .unwrap_or_else(|| crate::i18n::text(lang, "rules-exempt-information"));
        let paragraph = paragraph.trim_end_matches('.');
        crate::i18n::text_with(
            crate::i18n::current(),
            "agenda-exempt-item",
            &[
                ("what", crate::i18n::Arg::Text(&what)),
                ("paragraph", crate::i18n::Arg::Text(paragraph)),
            ],
        )
    }

    /// Implications worth a member's attention: those that are not "none".
    pub fn material_implications(&self) -> Vec<(String, String)> {
        self.paper
            .as_ref()
            .map(|p| {
                p.implications
                    .iter()
                    .filter(|(_, t)| {
                        let t = t.trim().trim_end_matches('.').to_lowercase();
                        !(t.is_empty()
                            || t == "none"
                            || t == "n/a"
                            || t == "no"
                            || t.starts_with("none "))
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Frozen {
    /// What the public (and anyone without the right to exempt material)
    /// may see: exempt items keep only their number, a neutral title, the
    /// Schedule 12A category, their minutes and the supplement mark.
    pub fn public_view(&self) -> Frozen {
        let mut out = self.clone();
        out.redacted = true;
        let profile = self.profile();
        for item in &mut out.items {
            if let Some(cat) = item.exempt_category {
                *item = FrozenItem {
                    id: item.id.clone(),
                    number: item.number,
                    kind: item.kind,
                    title: FrozenItem::neutral_title(profile, cat),
                    item_type: None,
                    presenter: None,
                    organisation: None,
                    minutes: item.minutes,
                    verbal_reason: None,
                    to_note: false,
                    exempt_category: Some(cat),
                    late: false,
                    late_reason: None,
                    supplement: item
                        .supplement
                        .as_ref()
                        .map(|_| "An exempt item was added or replaced.".to_string()),
                    paper: None,
                    action_log: Vec::new(),
                    previous_minutes: None,
                    exempt_public_interest: item.exempt_public_interest.clone(),
                    title_cy: None,
                };
            }
            item.action_log.retain(|a| !a.exempt);
        }
        out
    }

    /// As a reader of `lang` reads it: in Welsh, each translated text in
    /// its Welsh version (the rest stays in English, as published).
    pub fn in_language(&self, lang: crate::i18n::Lang) -> Frozen {
        let mut out = self.clone();
        if lang != crate::i18n::Lang::Welsh {
            return out;
        }
        for item in &mut out.items {
            if let Some(t) = &item.title_cy {
                welsh_or(&mut item.title, t);
            } else {
                // A standard item as Quorate titled it reads in Welsh too.
                item.title = item.kind.title_in(&item.title, lang);
            }
            if let Some(p) = &mut item.paper
                && let Some(cy) = p.cy.clone()
            {
                welsh_or(&mut p.title, &cy.title);
                if p.title == cy.title && !cy.title.trim().is_empty() {
                    item.title = cy.title.clone();
                }
                welsh_or(&mut p.purpose, &cy.purpose);
                welsh_or(&mut p.summary, &cy.summary);
                if !cy.recommendations.is_empty() {
                    p.recommendations = cy.recommendations.clone();
                }
                for (heading, text) in &mut p.implications {
                    if let Some((_, w)) = cy.implications.iter().find(|(h, _)| h == heading) {
                        welsh_or(text, w);
                    }
                }
                welsh_or(&mut p.body_markdown, &cy.body_markdown);
            }
        }
        out
    }

    /// The rules the body ran under at publication.
    pub fn profile(&self) -> Profile {
        self.rules
            .as_deref()
            .and_then(Profile::parse)
            .unwrap_or(Profile::England)
    }

    /// The item holding a paper, if this version has it.
    pub fn item_with_paper(&self, paper_id: &str) -> Option<&FrozenItem> {
        self.items
            .iter()
            .find(|i| i.paper.as_ref().is_some_and(|p| p.id == paper_id))
    }
}

/// What changed from one version to the next, in words, in agenda order.
/// Give it two views of the same kind (both public, or both full).
pub fn changes(prev: &Frozen, next: &Frozen) -> Vec<String> {
    let mut out = Vec::new();
    for item in &next.items {
        match prev.items.iter().find(|p| p.id == item.id) {
            None => out.push(format!("Added item {}: {}.", item.number, item.title)),
            Some(old) => {
                let old_v = old.paper.as_ref().map(|p| (p.id.as_str(), p.version));
                let new_v = item.paper.as_ref().map(|p| (p.id.as_str(), p.version));
                if old_v != new_v {
                    match (old_v, new_v) {
                        (None, Some(_)) => out.push(format!(
                            "Added the paper for item {}: {}.",
                            item.number, item.title
                        )),
                        (Some(_), None) => out.push(format!(
                            "Item {} ({}) is now a verbal report.",
                            item.number, item.title
                        )),
                        _ => out.push(format!(
                            "Replaced the paper for item {}: {}.",
                            item.number, item.title
                        )),
                    }
                } else if old.supplement.is_none() && item.supplement.is_some() {
                    out.push(format!(
                        "Item {} was replaced: {}.",
                        item.number, item.title
                    ));
                }
                // A move is a change of place among the items both versions
                // have: numbers that shift because an item was added are not.
                let rank = |list: &[FrozenItem], other: &[FrozenItem]| {
                    list.iter()
                        .filter(|i| other.iter().any(|o| o.id == i.id))
                        .position(|i| i.id == item.id)
                };
                if rank(&prev.items, &next.items) != rank(&next.items, &prev.items) {
                    out.push(format!(
                        "{} moved from item {} to item {}.",
                        item.title, old.number, item.number
                    ));
                }
                let welsh = |i: &FrozenItem| {
                    (
                        i.title_cy.clone(),
                        i.paper.as_ref().and_then(|p| p.cy.clone()),
                    )
                };
                if old_v == new_v && welsh(old) != welsh(item) {
                    out.push(format!(
                        "The Welsh version of item {} was updated: {}.",
                        item.number, item.title
                    ));
                }
                if old.title != item.title && old.paper.is_none() {
                    out.push(format!(
                        "Item {} renamed from \"{}\" to \"{}\".",
                        item.number, old.title, item.title
                    ));
                }
            }
        }
    }
    for old in &prev.items {
        if !next.items.iter().any(|i| i.id == old.id) {
            out.push(format!("Removed: {}.", old.title));
        }
    }
    out
}

#[cfg(test)]
pub mod tests {
    use super::*;

    pub fn sample() -> Frozen {
        let item = |id: &str, number: i32, exempt: Option<i32>| FrozenItem {
            id: id.into(),
            number,
            kind: ItemKind::Substantive,
            title: format!("Title {id}"),
            item_type: Some("decision".into()),
            presenter: Some("Ann Other".into()),
            organisation: Some("County".into()),
            minutes: 10,
            verbal_reason: None,
            to_note: false,
            exempt_category: exempt,
            late: true,
            late_reason: Some(format!("late {id}")),
            supplement: None,
            previous_minutes: None,
            exempt_public_interest: None,
            title_cy: Some(format!("Teitl {id}")),
            action_log: vec![LogEntry {
                reference: String::new(),
                description: format!("secret action {id}"),
                owner: "O".into(),
                organisation: "Org".into(),
                due_on: chrono::NaiveDate::default(),
                status: "open".into(),
                latest_note: String::new(),
                exempt: exempt.is_some(),
            }],
            paper: Some(FrozenPaper {
                id: format!("paper-{id}"),
                version: 1,
                title: format!("Paper {id}"),
                purpose: "Purpose".into(),
                summary: "Summary".into(),
                recommendations: vec!["Agree".into()],
                implications: vec![
                    ("Financial".into(), "£2m over three years".into()),
                    ("Legal".into(), "None".into()),
                    ("Risk".into(), "none.".into()),
                ],
                consulted: vec!["NHS".into()],
                priority: None,
                sponsor: Some("Chief".into()),
                body_markdown: "Body".into(),
                word_count: 1,
                attachments: vec![(format!("att-{id}"), format!("file-{id}.pdf"))],
                cy: Some(WelshPaper {
                    title: format!("Papur {id}"),
                    purpose: "Diben".into(),
                    implications: vec![("Financial".into(), "£2m dros dair blynedd".into())],
                    ..Default::default()
                }),
            }),
        };
        Frozen {
            meeting_id: "m".into(),
            body_name: "Board".into(),
            body_slug: "board".into(),
            starts_at: NaiveDateTime::default(),
            ends_at: NaiveDateTime::default(),
            location: "Hall".into(),
            number: 1,
            published_at: NaiveDateTime::default(),
            late_reason: None,
            supplement_reason: None,
            items: vec![item("a", 5, None), item("x", 9, Some(3))],
            redacted: false,
            rules: None,
            remote_access: None,
            translation_urgency: None,
        }
    }

    #[test]
    fn the_public_view_keeps_only_the_category_of_an_exempt_item() {
        let f = sample();
        let public = f.public_view();
        let json = serde_json::to_string(&public).unwrap_or_default();
        for leak in [
            "Title x",
            "paper-x",
            "late x",
            "file-x.pdf",
            "att-x",
            "secret action x",
            "Teitl x",
            "Papur x",
        ] {
            assert!(!json.contains(leak), "{leak} leaked: {json}");
        }
        assert!(json.contains("paper-a"), "open items stay whole");
        assert_eq!(
            public.items[1].title,
            "Exempt item – category 3: Information relating to the financial or business affairs of any particular person"
        );
    }

    #[test]
    fn a_welsh_reader_reads_the_welsh_where_it_was_translated() {
        let f = sample();
        let cy = f.in_language(crate::i18n::Lang::Welsh);
        let a = &cy.items[0];
        assert_eq!(
            a.title, "Papur a",
            "a paper item takes the paper's Welsh title"
        );
        let p = a.paper.as_ref().expect("a paper");
        assert_eq!((p.title.as_str(), p.purpose.as_str()), ("Papur a", "Diben"));
        assert_eq!(
            p.summary, "Summary",
            "what was not translated stays English"
        );
        assert_eq!(p.implications[0].1, "£2m dros dair blynedd");
        assert_eq!(p.recommendations, ["Agree"]);
        assert_eq!(f.in_language(crate::i18n::Lang::English), f);
        // The public view in Welsh still hides the exempt item.
        let public = f.public_view().in_language(crate::i18n::Lang::Welsh);
        assert!(public.items[1].paper.is_none());
        assert!(
            !public.items[1].title.contains("Teitl"),
            "{}",
            public.items[1].title
        );
    }

    #[test]
    fn only_material_implications_go_in_the_briefing() {
        let f = sample();
        assert_eq!(
            f.items[0].material_implications(),
            vec![("Financial".to_string(), "£2m over three years".to_string())]
        );
    }

    #[test]
    fn changes_are_described_item_by_item() {
        let v1 = sample();
        let mut v2 = v1.clone();
        v2.number = 2;
        if let Some(p) = v2.items[0].paper.as_mut() {
            p.version = 2;
        }
        v2.items[0].number = 6;
        let mut added = v2.items[0].clone();
        added.id = "new".into();
        added.title = "Flooding".into();
        added.number = 7;
        v2.items.push(added);
        v2.items.remove(1);
        assert_eq!(
            changes(&v1, &v2),
            vec![
                "Replaced the paper for item 6: Title a.",
                "Added item 7: Flooding.",
                "Removed: Title x.",
            ]
        );
        assert!(changes(&v1, &v1).is_empty());
    }

    #[test]
    fn only_a_real_reordering_counts_as_a_move() {
        let v1 = sample();
        let mut v2 = v1.clone();
        v2.items.swap(0, 1);
        v2.items[0].number = 5;
        v2.items[1].number = 9;
        assert_eq!(
            changes(&v1, &v2),
            vec![
                "Title x moved from item 9 to item 5.",
                "Title a moved from item 5 to item 9.",
            ]
        );
    }
}
