//! The members' briefing: a short brief per item, made from the cover
//! sheets of a frozen agenda version. Used on its own page, at the front of
//! the member pack, and in the agenda email.

use crate::domain::agenda::ItemKind;
use crate::domain::briefing::ItemType;
use crate::domain::frozen::Frozen;

#[derive(Clone, Debug)]
pub struct BriefItem {
    pub number: i32,
    pub title: String,
    /// "For decision", "For information — to note without discussion"
    pub asked: String,
    /// "Presented by Ann Other, Northshire County Council"
    pub presenter: String,
    /// "Ann Other, Northshire County Council", for a label "Presented by".
    pub presented_by: String,
    /// The item asks for a decision: its recommendations are the decision
    /// asked for, not advice to discuss or note.
    pub decision: bool,
    /// Words for the tags: "Late: …", "Exempt – category 3", "Supplement: …"
    pub tags: Vec<String>,
    pub purpose: String,
    pub recommendations: Vec<String>,
    /// Implications that are not "none": (heading, text)
    pub implications: Vec<(String, String)>,
    pub consulted: String,
    /// Set for a verbal report: why there is no paper.
    pub verbal: String,
    /// Exempt and withheld here: only the neutral title is shown.
    pub withheld: bool,
    /// Where the paper is read, as published with this version; empty for
    /// a verbal item or one withheld.
    pub paper_link: String,
}

/// Briefs for the substantive items of a version. Give it the public view
/// for anyone who may not see exempt material.
pub fn brief(f: &Frozen) -> Vec<BriefItem> {
    f.items
        .iter()
        .filter(|i| i.kind == ItemKind::Substantive)
        .map(|i| {
            let mut tags = Vec::new();
            if i.late {
                tags.push(match &i.late_reason {
                    Some(r) => format!("Late: {r}"),
                    None => "Late".to_string(),
                });
            }
            if let Some(c) = i.exempt_category {
                tags.push(format!("Exempt – category {c}"));
            }
            if let Some(s) = &i.supplement {
                tags.push(format!("Supplement: {s}"));
            }
            let asked = match i.item_type.as_deref().and_then(ItemType::parse) {
                Some(ItemType::Information) if i.to_note => {
                    "For information — to note without discussion".to_string()
                }
                Some(t) => t.label().to_string(),
                None => String::new(),
            };
            let presented_by = match (&i.presenter, &i.organisation) {
                (Some(p), Some(o)) => format!("{p}, {o}"),
                (Some(p), None) => p.clone(),
                (None, Some(o)) => o.clone(),
                (None, None) => String::new(),
            };
            let presenter = if presented_by.is_empty() {
                String::new()
            } else {
                format!("Presented by {presented_by}")
            };
            let decision =
                i.item_type.as_deref().and_then(ItemType::parse) == Some(ItemType::Decision);
            let withheld = f.redacted && i.is_exempt();
            BriefItem {
                number: i.number,
                title: i.title.clone(),
                asked,
                presenter,
                presented_by,
                decision,
                tags,
                purpose: i
                    .paper
                    .as_ref()
                    .map(|p| p.purpose.clone())
                    .unwrap_or_default(),
                recommendations: i
                    .paper
                    .as_ref()
                    .map(|p| p.recommendations.clone())
                    .unwrap_or_default(),
                implications: i.material_implications(),
                consulted: i
                    .paper
                    .as_ref()
                    .map(|p| p.consulted.join(", "))
                    .unwrap_or_default(),
                verbal: if i.paper.is_none() {
                    i.verbal_reason.clone().unwrap_or_default()
                } else {
                    String::new()
                },
                paper_link: match &i.paper {
                    Some(p) if !withheld => {
                        crate::domain::links::published_paper_path(&f.meeting_id, f.number, &p.id)
                    }
                    _ => String::new(),
                },
                withheld,
            }
        })
        .collect()
}
