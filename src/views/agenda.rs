//! Agenda pages: the builder, publishing, published versions, the members'
//! briefing, the print pack and a paper as published.

use askama::Template;

use super::{Errors, Nav};
use crate::domain::agenda::{Balance, ItemKind};
use crate::domain::briefing::BriefItem;
use crate::domain::briefing::ItemType;
use crate::domain::frozen::{Frozen, FrozenItem};

/// One line of an agenda as shown on a page.
#[derive(Clone, Debug, Default)]
pub struct AgendaRow {
    pub id: String,
    pub number: i32,
    pub title: String,
    /// "Ann Other, Northshire County Council"
    pub presenter: String,
    /// "For decision"
    pub asked: String,
    pub minutes: i32,
    /// Where the paper is read ("" when there is none to show).
    pub paper_link: String,
    /// (words, tag class)
    pub tags: Vec<(String, String)>,
    /// Heading shown before this row ("Exempt items …"), or "".
    pub heading: String,
    pub verbal: String,
    pub exempt: bool,
    // Builder only.
    pub movable: bool,
    pub first: bool,
    pub last: bool,
    pub removable: bool,
    pub to_note: bool,
    pub information: bool,
    /// The action log item's actions: (reference, description, owner, due, status, latest note)
    pub log: Vec<(String, String, String, String, String, String)>,
    /// Referrals of this item to other bodies, with their outcome in words.
    pub referrals: Vec<String>,
    pub referable: bool,
    /// A published exempt item: its "reasons restricted" page.
    pub restricted_link: String,
    /// A published exempt item under Welsh rules: its public interest test.
    pub public_interest: String,
}

/// The heading that opens a section, given the previous item.
pub fn heading_for(
    prev: Option<(&ItemKind, bool, bool)>,
    kind: ItemKind,
    to_note: bool,
    exempt: bool,
) -> String {
    let section = |k: ItemKind, note: bool, ex: bool| match k {
        ItemKind::Substantive if ex => 3,
        ItemKind::Substantive if note => 2,
        ItemKind::Exclusion => 4,
        _ => 0,
    };
    let now = section(kind, to_note, exempt);
    let before = prev.map(|(k, n, e)| section(*k, n, e)).unwrap_or(0);
    if now == before {
        return String::new();
    }
    match now {
        2 => crate::i18n::text(crate::i18n::current(), "agenda-heading-to-note"),
        4 => crate::i18n::text(crate::i18n::current(), "agenda-heading-part2"),
        _ => String::new(),
    }
}

/// "Exempt – category 3" (England), "Exempt – Schedule 12A, paragraph 14".
pub fn exempt_tag(profile: crate::domain::rules::Profile, category: i32) -> String {
    let what = profile.label(category);
    crate::i18n::text_with(
        crate::i18n::current(),
        "agenda-tag-exempt",
        &[("what", crate::i18n::Arg::Text(&what))],
    )
}

fn asked(item_type: Option<&str>) -> String {
    item_type
        .and_then(ItemType::parse)
        .map(|t| t.label().to_string())
        .unwrap_or_default()
}

/// Rows of a published version (give it the view the reader may see).
/// `paper_base` is the link prefix for papers, like `/meetings/m/agenda/versions/2/papers/`.
pub fn rows_of(f: &Frozen, paper_base: &str) -> Vec<AgendaRow> {
    let mut prev: Option<&FrozenItem> = None;
    let mut out = Vec::with_capacity(f.items.len());
    for i in &f.items {
        let mut tags = Vec::new();
        if i.late {
            tags.push((
                crate::i18n::text(crate::i18n::current(), "agenda-tag-late"),
                "tag-red".to_string(),
            ));
        }
        if let Some(s) = &i.supplement {
            tags.push((
                crate::i18n::text_with(
                    crate::i18n::current(),
                    "agenda-tag-supplement",
                    &[("text", crate::i18n::Arg::Text(s))],
                ),
                "tag-yellow".to_string(),
            ));
        }
        if let Some(c) = i.exempt_category {
            tags.push((exempt_tag(f.profile(), c), "tag-grey".to_string()));
        }
        let presenter = match (&i.presenter, &i.organisation) {
            (Some(p), Some(o)) => format!("{p}, {o}"),
            (Some(p), None) => p.clone(),
            (None, Some(o)) => o.clone(),
            _ => String::new(),
        };
        out.push(AgendaRow {
            id: i.id.clone(),
            number: i.number,
            title: i.title.clone(),
            presenter,
            asked: asked(i.item_type.as_deref()),
            minutes: i.minutes,
            paper_link: i
                .paper
                .as_ref()
                .map(|p| format!("{paper_base}{}", p.id))
                .unwrap_or_default(),
            tags,
            heading: heading_for(
                prev.map(|p| (&p.kind, p.to_note, p.is_exempt())),
                i.kind,
                i.to_note,
                i.is_exempt(),
            ),
            verbal: match (&i.paper, &i.verbal_reason) {
                (None, Some(r)) => crate::i18n::text_with(
                    crate::i18n::current(),
                    "agenda-verbal",
                    &[("reason", crate::i18n::Arg::Text(r))],
                ),
                _ => String::new(),
            },
            exempt: i.is_exempt(),
            restricted_link: if i.is_exempt() {
                crate::domain::links::restricted_path(&f.meeting_id, f.number, &i.id)
            } else {
                String::new()
            },
            public_interest: i.exempt_public_interest.clone().unwrap_or_default(),
            log: i
                .action_log
                .iter()
                .map(|a| {
                    (
                        a.reference.clone(),
                        a.description.clone(),
                        format!("{}, {}", a.owner, a.organisation),
                        crate::domain::format::date_short(a.due_on),
                        crate::domain::actions::ActionStatus::from_label(&a.status)
                            .map(|s| s.label())
                            .unwrap_or_else(|| a.status.clone()),
                        a.latest_note.clone(),
                    )
                })
                .collect(),
            ..Default::default()
        });
        if i.late
            && let Some(r) = &i.late_reason
            && let Some(row) = out.last_mut()
        {
            row.tags[0].0 = format!("Late: {r}");
        }
        prev = Some(i);
    }
    out
}

#[derive(Template)]
#[template(path = "agenda_builder.html")]
pub struct BuilderPage {
    pub nav: Nav,
    pub errors: Errors,
    pub meeting_id: String,
    pub body_name: String,
    pub body_slug: String,
    /// A bilingual body: items without a paper link to their Welsh title.
    pub bilingual: bool,
    pub date: String,
    pub rows: Vec<AgendaRow>,
    pub minutes_total: i32,
    pub meeting_minutes: i32,
    pub balance: Balance,
    pub blocking: Vec<String>,
    pub warnings: Vec<String>,
    /// Likely conflicts of interest, in words, with the member's register:
    /// (words, register link).
    pub conflicts: Vec<(String, String)>,
    pub published_number: i32,
    pub changed: bool,
    pub publication_deadline: String,
    /// (value, label)
    pub item_types: Vec<(String, String)>,
    /// (id, name)
    pub organisations: Vec<(String, String)>,
    /// (number, when, reason) of each published version
    pub versions: Vec<(i32, String, String)>,
    /// Board pack state per audience: (audience, words)
    pub packs: Vec<(String, String)>,
    /// Bodies items may be referred to: (slug, name)
    pub related: Vec<(String, String)>,
    /// The verbal-item form as typed.
    pub verbal: BuilderTyped,
}

#[derive(Template)]
#[template(path = "agenda_publish.html")]
pub struct PublishPage {
    pub nav: Nav,
    pub errors: Errors,
    pub meeting_id: String,
    pub body_name: String,
    pub date: String,
    pub rows: Vec<AgendaRow>,
    pub blocking: Vec<String>,
    pub warnings: Vec<String>,
    pub number: i32,
    pub after_deadline: bool,
    pub publication_deadline: String,
    pub late_hint: String,
    pub recipients: usize,
    pub late_reason: String,
    pub supplement_reason: String,
    /// Some item still needs its Welsh (a bilingual body).
    pub translation_missing: bool,
}

#[derive(Template)]
#[template(path = "agenda_version.html")]
pub struct VersionPage {
    pub nav: Nav,
    pub meeting_id: String,
    pub body_name: String,
    pub body_slug: String,
    pub date: String,
    pub when: String,
    pub location: String,
    /// How to attend remotely, as the notice gave it ("" when not given).
    pub remote_access: String,
    pub number: i32,
    pub latest: i32,
    pub published: String,
    pub late_reason: String,
    /// Published before the translations were complete: the chair's
    /// reason, (English, Welsh).
    pub translation_urgency: Option<(String, String)>,
    pub supplement_reason: String,
    pub changes: Vec<String>,
    pub rows: Vec<AgendaRow>,
    /// (number, when, is this one)
    pub versions: Vec<(i32, String, bool)>,
    pub sees_exempt: bool,
}

impl VersionPage {
    /// "2, published Monday 12 October 2026 at 17:00".
    pub fn published_words(&self) -> String {
        use crate::i18n::{Arg, text_with};
        text_with(
            self.nav.lang,
            "version-published",
            &[
                ("n", Arg::Number(i64::from(self.number))),
                ("when", Arg::Text(&self.published)),
            ],
        )
    }
}

#[derive(Template)]
#[template(path = "briefing.html")]
pub struct BriefingPage {
    pub nav: Nav,
    pub errors: Errors,
    pub meeting_id: String,
    pub body_name: String,
    pub body_slug: String,
    pub date: String,
    pub number: i32,
    pub briefs: Vec<BriefItem>,
    /// The reader sits at the body's table: they may declare interests.
    pub may_declare: bool,
    /// The reader's likely conflicts, in words.
    pub conflicts: Vec<String>,
    /// What they have declared: "4. Housing first: Trustee of …"
    pub declared: Vec<String>,
    /// The items they may declare on: (item id, "4. Housing first")
    pub items: Vec<(String, String)>,
    /// The declaration form as typed after an error: (item id, interest).
    pub typed: (String, String),
    /// A fresh key per render: a resubmitted form declares once.
    pub key: String,
}

/// A paper as it was published in a version.
#[derive(Clone, Debug)]
pub struct PackPaper {
    pub number: i32,
    pub title: String,
    pub presenter: String,
    pub asked: String,
    pub tags: Vec<(String, String)>,
    pub purpose: String,
    pub summary: String,
    pub recommendations: Vec<String>,
    pub implications: Vec<(String, String)>,
    pub consulted: String,
    pub priority: String,
    pub sponsor: String,
    pub body_html: crate::render::SafeHtml,
    pub word_count: usize,
    /// (download link, file name)
    pub attachments: Vec<(String, String)>,
}

pub fn pack_paper(i: &FrozenItem, row: &AgendaRow) -> Option<PackPaper> {
    let p = i.paper.as_ref()?;
    Some(PackPaper {
        number: i.number,
        title: p.title.clone(),
        presenter: row.presenter.clone(),
        asked: row.asked.clone(),
        tags: row.tags.clone(),
        purpose: p.purpose.clone(),
        summary: p.summary.clone(),
        recommendations: p.recommendations.clone(),
        implications: p
            .implications
            .iter()
            .map(|(h, t)| (as_published(h), as_published(t)))
            .collect(),
        consulted: p.consulted.join(", "),
        priority: p.priority.clone().unwrap_or_default(),
        sponsor: p.sponsor.clone().unwrap_or_default(),
        body_html: crate::render::markdown::render(&p.body_markdown),
        word_count: p.word_count,
        attachments: p
            .attachments
            .iter()
            .map(|(id, name)| (format!("/papers/{}/attachments/{id}", p.id), name.clone()))
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "frozen_paper.html")]
pub struct FrozenPaperPage {
    pub nav: Nav,
    pub meeting_id: String,
    pub paper_id: String,
    pub body_name: String,
    pub body_slug: String,
    pub date: String,
    pub number: i32,
    pub paper: PackPaper,
    /// The decisions taken on the paper's item that the reader may see.
    pub decisions: Vec<crate::services::record::DecisionTaken>,
}

#[derive(Template)]
#[template(path = "pack.html")]
pub struct PackPage {
    /// Only its language is used: the pack has no header.
    pub nav: Nav,
    pub body_name: String,
    pub date: String,
    pub when: String,
    pub location: String,
    pub number: i32,
    pub published: String,
    pub late_reason: String,
    pub audience: String,
    pub rows: Vec<AgendaRow>,
    pub briefs: Vec<BriefItem>,
    pub papers: Vec<PackPaper>,
    /// The previous meeting's minutes: (what they are, the open part).
    pub previous_minutes: Option<(String, crate::render::SafeHtml)>,
}

/// The builder's forms as typed: add a verbal item, refer an item.
#[derive(Clone, Debug, Default)]
pub struct BuilderTyped {
    pub title: String,
    pub item_type: String,
    pub organisation_id: String,
    pub verbal_reason: String,
    pub minutes_allocated: String,
    /// The item whose refer-to-another-body form was sent, and what it held.
    pub refer_item: String,
    pub refer_body: String,
    pub refer_note: String,
}

/// Words a published paper keeps as they were published (in English), in
/// the page's language where they are Quorate's own: the implication
/// headings and the assessment's state. Anything else (what the author
/// wrote) as it is.
fn as_published(words: &str) -> String {
    use crate::i18n::{Lang, current, text};
    const OWN: [&str; 9] = [
        "paper-field-welsh-language",
        "paper-field-financial",
        "paper-field-legal",
        "paper-field-risk",
        "paper-field-equality",
        "paper-field-environment",
        "paper-field-equality-assessment",
        "paper-assessment-completed",
        "paper-assessment-not-needed",
    ];
    OWN.iter()
        .find(|k| text(Lang::English, k) == words)
        .map(|k| text(current(), k))
        .unwrap_or_else(|| words.to_string())
}
