//! Agendas: the order items take, the balance report, and the pre-flight
//! run before publishing. Pure functions over already-loaded items.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::briefing::ItemType;

/// What an agenda item is. Standard items are generated and keep their place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Apologies,
    Declarations,
    Minutes,
    ActionLog,
    Substantive,
    NextMeeting,
    /// The resolution to exclude press and public, before exempt items.
    Exclusion,
}

impl ItemKind {
    pub const ALL: [ItemKind; 7] = [
        ItemKind::Apologies,
        ItemKind::Declarations,
        ItemKind::Minutes,
        ItemKind::ActionLog,
        ItemKind::Substantive,
        ItemKind::NextMeeting,
        ItemKind::Exclusion,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Apologies => "apologies",
            ItemKind::Declarations => "declarations",
            ItemKind::Minutes => "minutes",
            ItemKind::ActionLog => "action_log",
            ItemKind::Substantive => "substantive",
            ItemKind::NextMeeting => "next_meeting",
            ItemKind::Exclusion => "exclusion",
        }
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The items every agenda starts with (and the one it ends with), with
    /// their titles and default minutes.
    pub fn standard() -> [(ItemKind, &'static str, i32); 5] {
        [
            (ItemKind::Apologies, "Apologies and substitutions", 2),
            (ItemKind::Declarations, "Declarations of interest", 2),
            (ItemKind::Minutes, "Minutes of the previous meeting", 5),
            (ItemKind::ActionLog, "Action log", 10),
            (ItemKind::NextMeeting, "Date of next meeting", 1),
        ]
    }

    pub const EXCLUSION_TITLE: &'static str = "Exclusion of the press and public";

    /// The title Quorate gives a standard item, in `lang` (the English is
    /// what the agenda stores).
    pub fn standard_title(self, lang: crate::i18n::Lang) -> Option<String> {
        let key = match self {
            ItemKind::Apologies => "standard-apologies",
            ItemKind::Declarations => "standard-declarations",
            ItemKind::Minutes => "standard-minutes",
            ItemKind::ActionLog => "standard-action-log",
            ItemKind::NextMeeting => "standard-next-meeting",
            ItemKind::Exclusion => "standard-exclusion",
            ItemKind::Substantive => return None,
        };
        Some(crate::i18n::text(lang, key))
    }

    /// An item's title as a reader of `lang` sees it: a standard item still
    /// titled as Quorate titled it reads in their language; any other
    /// title as written.
    pub fn title_in(self, title: &str, lang: crate::i18n::Lang) -> String {
        match self.standard_title(crate::i18n::Lang::English) {
            Some(english) if english == title => self.standard_title(lang).unwrap_or(english),
            _ => title.to_string(),
        }
    }

    /// May the secretariat move it? Only substantive items move.
    pub fn movable(self) -> bool {
        self == ItemKind::Substantive
    }
}

/// The section an item falls in, in agenda order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Opening,
    Business,
    ToNote,
    Closing,
    Exclusion,
    Exempt,
}

/// What ordering and the checks need to know about one item.
#[derive(Clone, Debug, Default)]
pub struct PlanItem {
    pub id: String,
    pub kind: Option<ItemKind>,
    pub position: i32,
    pub title: String,
    pub item_type: Option<ItemType>,
    /// Presenting organisation's name.
    pub organisation: Option<String>,
    /// Title of the priority it serves.
    pub priority: Option<String>,
    pub minutes: i32,
    pub exempt: bool,
    pub to_note: bool,
    pub verbal_reason: Option<String>,
    pub paper: Option<PaperState>,
    /// A bilingual body's item: the fields whose Welsh is missing or out
    /// of date.
    pub untranslated: Vec<Untranslated>,
}

/// A field of an item with no current Welsh version.
#[derive(Clone, Debug, Default)]
pub struct Untranslated {
    /// Its path under the item: `paper.purpose`, `title`.
    pub path: String,
    /// Its name in English and Welsh.
    pub names: String,
    /// There is Welsh, written before the English last changed.
    pub outdated: bool,
}

/// The state of an item's paper, for the pre-flight.
#[derive(Clone, Debug, Default)]
pub struct PaperState {
    pub status: String,
    pub late: bool,
    pub late_decision: Option<String>,
    /// Briefing requirements it fails, in words.
    pub briefing_problems: Vec<String>,
}

impl PlanItem {
    fn kind(&self) -> ItemKind {
        self.kind.unwrap_or(ItemKind::Substantive)
    }

    pub fn section(&self) -> Section {
        match self.kind() {
            ItemKind::Apologies
            | ItemKind::Declarations
            | ItemKind::Minutes
            | ItemKind::ActionLog => Section::Opening,
            ItemKind::NextMeeting => Section::Closing,
            ItemKind::Exclusion => Section::Exclusion,
            ItemKind::Substantive if self.exempt => Section::Exempt,
            ItemKind::Substantive if self.to_note => Section::ToNote,
            ItemKind::Substantive => Section::Business,
        }
    }

    pub fn is_substantive(&self) -> bool {
        self.kind() == ItemKind::Substantive
    }

    fn standard_rank(&self) -> usize {
        ItemKind::ALL
            .iter()
            .position(|k| *k == self.kind())
            .unwrap_or(usize::MAX)
    }
}

/// Items in agenda order: opening items; business; "to note without
/// discussion"; date of next meeting; the exclusion resolution; exempt items.
/// Within a section, by position (then id, so the order is total).
pub fn ordered(items: &[PlanItem]) -> Vec<&PlanItem> {
    let mut out: Vec<&PlanItem> = items.iter().collect();
    out.sort_by(|a, b| {
        (a.section(), a.standard_rank_if_fixed(), a.position, &a.id).cmp(&(
            b.section(),
            b.standard_rank_if_fixed(),
            b.position,
            &b.id,
        ))
    });
    out
}

impl PlanItem {
    fn standard_rank_if_fixed(&self) -> usize {
        if self.is_substantive() {
            0
        } else {
            self.standard_rank()
        }
    }
}

/// Suggested order for business: decisions, then discussion, then information,
/// keeping the current order within each type. Returns item ids.
pub fn suggested_order(items: &[PlanItem]) -> Vec<String> {
    let mut subs: Vec<&PlanItem> = ordered(items)
        .into_iter()
        .filter(|i| i.is_substantive())
        .collect();
    subs.sort_by_key(|i| match i.item_type {
        Some(ItemType::Decision) => 0,
        Some(ItemType::Discussion) => 1,
        Some(ItemType::Information) => 2,
        None => 3,
    });
    subs.into_iter().map(|i| i.id.clone()).collect()
}

/// Checks a requested order: every movable item exactly once, nothing else.
/// Returns the problems found, each naming the id.
pub fn check_order(
    items: &[PlanItem],
    requested: &[String],
) -> Vec<(String, &'static str, String)> {
    use crate::i18n::{Arg, say_args};
    let movable: Vec<&str> = items
        .iter()
        .filter(|i| i.is_substantive())
        .map(|i| i.id.as_str())
        .collect();
    let fixed: Vec<&str> = items
        .iter()
        .filter(|i| !i.is_substantive())
        .map(|i| i.id.as_str())
        .collect();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for id in requested {
        if !seen.insert(id.as_str()) {
            problems.push((
                id.clone(),
                "duplicate",
                say_args("err-order-duplicate", &[("id", Arg::Text(id))]),
            ));
        } else if fixed.contains(&id.as_str()) {
            problems.push((
                id.clone(),
                "fixed_item",
                say_args("err-order-fixed-item", &[("id", Arg::Text(id))]),
            ));
        } else if !movable.contains(&id.as_str()) {
            problems.push((
                id.clone(),
                "unknown",
                say_args("err-order-unknown", &[("id", Arg::Text(id))]),
            ));
        }
    }
    for id in movable {
        if !seen.contains(id) {
            problems.push((
                id.to_string(),
                "missing",
                say_args("err-order-missing", &[("id", Arg::Text(id))]),
            ));
        }
    }
    problems
}

/// Counts for the balance report, and its warnings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Balance {
    pub substantive_items: usize,
    /// Items per presenting organisation, most first.
    pub by_organisation: Vec<Count>,
    /// Items per type ("For decision").
    pub by_item_type: Vec<Count>,
    /// Items per priority; items serving none are under "No priority".
    pub by_priority: Vec<Count>,
    pub minutes_total: i32,
    pub meeting_minutes: i32,
    pub warnings: Vec<String>,
}

/// A label and how many substantive items it has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Count {
    pub label: String,
    pub items: usize,
}

fn counted(map: BTreeMap<String, usize>) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(label, items)| Count { label, items })
        .collect();
    v.sort_by(|a, b| b.items.cmp(&a.items).then_with(|| a.label.cmp(&b.label)));
    v
}

/// The balance report. Warns when one organisation presents more than half
/// the substantive items (of three or more), when information items exceed a
/// third, and when the items take longer than the meeting.
pub fn balance(items: &[PlanItem], meeting_minutes: i32) -> Balance {
    // Said to the person building the agenda: in their language.
    use crate::i18n::{Arg, say, say_args};
    let subs: Vec<&PlanItem> = items.iter().filter(|i| i.is_substantive()).collect();
    let n = subs.len();
    let mut by_org = BTreeMap::new();
    let mut by_type = BTreeMap::new();
    let mut by_priority = BTreeMap::new();
    for i in &subs {
        let org = i
            .organisation
            .clone()
            .unwrap_or_else(|| say("balance-no-organisation"));
        *by_org.entry(org).or_insert(0) += 1;
        let t = i
            .item_type
            .map(|t| crate::i18n::with(crate::i18n::reader(), || t.label().to_string()))
            .unwrap_or_else(|| say("balance-no-type"));
        *by_type.entry(t).or_insert(0) += 1;
        let p = i
            .priority
            .clone()
            .unwrap_or_else(|| say("balance-no-priority"));
        *by_priority.entry(p).or_insert(0) += 1;
    }
    let by_organisation = counted(by_org);
    let minutes_total: i32 = items.iter().map(|i| i.minutes.max(0)).sum();
    let mut warnings = Vec::new();
    if let Some(Count {
        label: org,
        items: k,
    }) = by_organisation.first()
        && n >= 3
        && k * 2 > n
    {
        warnings.push(say_args(
            "balance-one-partner",
            &[
                ("org", Arg::Text(org)),
                ("k", Arg::count(*k)),
                ("n", Arg::count(n)),
            ],
        ));
    }
    let info = subs
        .iter()
        .filter(|i| i.item_type == Some(ItemType::Information))
        .count();
    if n > 0 && info * 3 > n {
        warnings.push(say_args(
            "balance-information",
            &[("info", Arg::count(info)), ("n", Arg::count(n))],
        ));
    }
    if meeting_minutes > 0 && minutes_total > meeting_minutes {
        warnings.push(say_args(
            "balance-over",
            &[
                ("total", Arg::Number(i64::from(minutes_total))),
                ("length", Arg::Number(i64::from(meeting_minutes))),
                (
                    "over",
                    Arg::Number(i64::from(minutes_total - meeting_minutes)),
                ),
            ],
        ));
    }
    Balance {
        substantive_items: n,
        by_organisation,
        by_item_type: counted(by_type),
        by_priority: counted(by_priority),
        minutes_total,
        meeting_minutes,
        warnings,
    }
}

/// One pre-flight finding: which item (if any), a code, and words for a clerk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub item_id: Option<String>,
    pub code: &'static str,
    pub message: String,
    /// The field at fault, when more exact than the item
    /// (`items.{id}.paper.purpose`).
    pub field: Option<String>,
}

/// What the pre-flight found.
#[derive(Clone, Debug, Default)]
pub struct Preflight {
    pub blocking: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

/// The pre-flight before publishing. Blocking: a substantive item with no
/// accepted paper (unless a verbal report with a reason), a late paper the
/// chair has not decided, a paper failing the briefing requirements.
/// Warnings: the balance warnings, and publishing after the deadline.
pub fn preflight(items: &[PlanItem], meeting_minutes: i32, after_deadline: bool) -> Preflight {
    // Said to the person publishing: in their language.
    use crate::i18n::{Arg, say_args as t_args};
    let mut out = Preflight::default();
    for (n, item) in ordered(items).into_iter().enumerate() {
        if !item.is_substantive() {
            continue;
        }
        let number = n + 1;
        let name = t_args(
            "preflight-item",
            &[
                ("number", Arg::count(number)),
                ("title", Arg::Text(&item.title)),
            ],
        );
        let says = |key: &str| t_args(key, &[("item", Arg::Text(&name))]);
        let mut block = |code: &'static str, message: String| {
            out.blocking.push(Finding {
                item_id: Some(item.id.clone()),
                code,
                message,
                field: None,
            })
        };
        match &item.paper {
            None => {
                if item
                    .verbal_reason
                    .as_deref()
                    .is_none_or(|r| r.trim().is_empty())
                {
                    block("paper_missing", says("preflight-paper-missing"));
                }
            }
            Some(p) => {
                if p.late && p.late_decision.is_none() {
                    block("late_undecided", says("preflight-late-undecided"));
                } else if p.late && p.late_decision.as_deref() == Some("rejected") {
                    block("late_rejected", says("preflight-late-rejected"));
                }
                if !matches!(p.status.as_str(), "accepted" | "published") {
                    block(
                        "paper_not_accepted",
                        match p.status.as_str() {
                            "draft" => says("preflight-draft"),
                            "submitted" => says("preflight-submitted"),
                            "returned" => says("preflight-returned"),
                            "withdrawn" => says("preflight-withdrawn"),
                            other => t_args(
                                "preflight-other",
                                &[("item", Arg::Text(&name)), ("status", Arg::Text(other))],
                            ),
                        },
                    );
                }
                if !p.briefing_problems.is_empty() {
                    block(
                        "briefing",
                        t_args(
                            "preflight-briefing",
                            &[
                                ("item", Arg::Text(&name)),
                                ("problems", Arg::Text(&p.briefing_problems.join("; "))),
                            ],
                        ),
                    );
                }
            }
        }
        // A bilingual body publishes only when both languages are complete.
        for u in &item.untranslated {
            out.blocking.push(Finding {
                item_id: Some(item.id.clone()),
                code: "translation_missing",
                message: crate::i18n::say_args(
                    if u.outdated {
                        "translation-outdated"
                    } else {
                        "translation-missing"
                    },
                    &[
                        ("item", crate::i18n::Arg::Text(&name)),
                        ("field", crate::i18n::Arg::Text(&u.names)),
                    ],
                ),
                field: Some(format!("items.{}.{}", item.id, u.path)),
            });
        }
    }
    for w in balance(items, meeting_minutes).warnings {
        out.warnings.push(Finding {
            item_id: None,
            code: "balance",
            message: w,
            field: None,
        });
    }
    if after_deadline {
        out.warnings.push(Finding {
            item_id: None,
            code: "after_deadline",
            message: crate::i18n::say("preflight-after-deadline"),
            field: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, kind: ItemKind, pos: i32) -> PlanItem {
        PlanItem {
            id: id.into(),
            kind: Some(kind),
            position: pos,
            title: id.to_uppercase(),
            minutes: 10,
            ..Default::default()
        }
    }

    fn sub(id: &str, pos: i32, org: &str, t: ItemType) -> PlanItem {
        PlanItem {
            organisation: Some(org.into()),
            item_type: Some(t),
            paper: Some(PaperState {
                status: "accepted".into(),
                ..Default::default()
            }),
            ..item(id, ItemKind::Substantive, pos)
        }
    }

    fn ids(v: Vec<&PlanItem>) -> Vec<&str> {
        v.into_iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn standard_items_have_their_titles_in_both_languages() {
        use crate::i18n::Lang;
        for (kind, title, _) in ItemKind::standard() {
            assert_eq!(kind.standard_title(Lang::English).as_deref(), Some(title));
            assert_ne!(kind.standard_title(Lang::Welsh).as_deref(), Some(title));
        }
        assert_eq!(
            ItemKind::Exclusion.standard_title(Lang::English).as_deref(),
            Some(ItemKind::EXCLUSION_TITLE)
        );
        assert_eq!(ItemKind::Substantive.standard_title(Lang::Welsh), None);
    }

    #[test]
    fn standard_items_frame_the_business_and_exempt_items_come_last() {
        let mut secret = sub("secret", 0, "Police", ItemType::Decision);
        secret.exempt = true;
        let mut note = sub("note", 1, "NHS", ItemType::Information);
        note.to_note = true;
        let items = vec![
            item("next", ItemKind::NextMeeting, 0),
            secret,
            sub("b", 5, "County", ItemType::Discussion),
            item("excl", ItemKind::Exclusion, 0),
            note,
            item("minutes", ItemKind::Minutes, 9),
            sub("a", 2, "County", ItemType::Decision),
            item("apologies", ItemKind::Apologies, 3),
            item("actions", ItemKind::ActionLog, 0),
            item("decl", ItemKind::Declarations, 0),
        ];
        assert_eq!(
            ids(ordered(&items)),
            vec![
                "apologies",
                "decl",
                "minutes",
                "actions",
                "a",
                "b",
                "note",
                "next",
                "excl",
                "secret"
            ]
        );
    }

    #[test]
    fn suggested_order_puts_decisions_first_and_keeps_ties_stable() {
        let items = vec![
            sub("info", 0, "A", ItemType::Information),
            sub("disc", 1, "A", ItemType::Discussion),
            sub("dec2", 3, "A", ItemType::Decision),
            sub("dec1", 2, "A", ItemType::Decision),
            item("apologies", ItemKind::Apologies, 0),
        ];
        assert_eq!(
            suggested_order(&items),
            vec!["dec1", "dec2", "disc", "info"]
        );
    }

    #[test]
    fn an_order_must_name_each_substantive_item_once() {
        let items = vec![
            sub("a", 0, "A", ItemType::Decision),
            sub("b", 1, "A", ItemType::Decision),
            sub("c", 2, "A", ItemType::Decision),
            item("apologies", ItemKind::Apologies, 0),
        ];
        assert!(check_order(&items, &["c".into(), "a".into(), "b".into()]).is_empty());
        let codes: Vec<&str> = check_order(
            &items,
            &["a".into(), "a".into(), "zzz".into(), "apologies".into()],
        )
        .into_iter()
        .map(|p| p.1)
        .collect();
        assert_eq!(
            codes,
            vec!["duplicate", "unknown", "fixed_item", "missing", "missing"]
        );
    }

    #[test]
    fn balance_warns_in_words_a_clerk_uses() {
        let items = vec![
            sub("a", 0, "Warwickshire County Council", ItemType::Decision),
            sub("b", 1, "Warwickshire County Council", ItemType::Decision),
            sub("c", 2, "Warwickshire County Council", ItemType::Information),
            sub("d", 3, "Warwickshire County Council", ItemType::Information),
            sub("e", 4, "Warwickshire County Council", ItemType::Information),
            sub("f", 5, "NHS Trust", ItemType::Decision),
            sub("g", 6, "Police", ItemType::Discussion),
            item("apologies", ItemKind::Apologies, 0),
        ];
        let b = balance(&items, 60);
        assert_eq!(b.substantive_items, 7);
        assert_eq!(
            b.by_organisation[0],
            Count {
                label: "Warwickshire County Council".into(),
                items: 5
            }
        );
        assert_eq!(b.minutes_total, 80);
        assert!(
            b.warnings[0]
                .starts_with("Warwickshire County Council presents 5 of 7 substantive items")
        );
        assert!(b.warnings[1].starts_with("3 of 7 substantive items are for information"));
        assert!(
            b.warnings[2]
                .contains("80 minutes but the meeting is 60 minutes long: 20 minutes over")
        );
    }

    #[test]
    fn a_balanced_agenda_has_no_warnings() {
        let items = vec![
            sub("a", 0, "County", ItemType::Decision),
            sub("b", 1, "NHS", ItemType::Decision),
            sub("c", 2, "Police", ItemType::Information),
        ];
        let b = balance(&items, 120);
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
        // exactly half is not "more than half"; exactly a third is not "more than a third"
        let items = vec![
            sub("a", 0, "County", ItemType::Decision),
            sub("b", 1, "County", ItemType::Decision),
            sub("c", 2, "NHS", ItemType::Information),
            sub("d", 3, "Police", ItemType::Decision),
            sub("e", 4, "Fire", ItemType::Discussion),
            sub("f", 5, "Uni", ItemType::Information),
        ];
        assert!(balance(&items, 120).warnings.is_empty());
    }

    #[test]
    fn preflight_blocks_what_cannot_go_out_and_warns_about_the_rest() {
        let mut verbal = item("verbal", ItemKind::Substantive, 1);
        verbal.verbal_reason = Some("Update on the flood response".into());
        let bare = item("bare", ItemKind::Substantive, 2);
        let mut late = sub("late", 3, "A", ItemType::Decision);
        if let Some(p) = late.paper.as_mut() {
            p.late = true;
            p.status = "submitted".into();
        }
        let mut thin = sub("thin", 4, "B", ItemType::Decision);
        if let Some(p) = thin.paper.as_mut() {
            p.briefing_problems = vec!["Purpose is missing".into()];
        }
        let ok = sub("ok", 5, "C", ItemType::Decision);
        let items = vec![verbal, bare, late, thin, ok];
        let pf = preflight(&items, 30, true);
        let codes: Vec<(&str, &str)> = pf
            .blocking
            .iter()
            .map(|f| (f.item_id.as_deref().unwrap_or(""), f.code))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("bare", "paper_missing"),
                ("late", "late_undecided"),
                ("late", "paper_not_accepted"),
                ("thin", "briefing"),
            ]
        );
        assert!(
            pf.blocking[0]
                .message
                .starts_with("Item 2 \"BARE\" has no paper")
        );
        let warn: Vec<&str> = pf.warnings.iter().map(|f| f.code).collect();
        assert_eq!(warn, vec!["balance", "after_deadline"]);
    }
}
