//! A meeting in the Open Civic Data event shape (opencivicdata.org: the
//! `Event` of the OCD data types), as civic-tech tools read it: name,
//! start, location, status, the ordered agenda with notes, documents with
//! media types and links, and the decisions taken.

use chrono::{NaiveDateTime, SecondsFormat};
use serde::Serialize;

#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OcdEvent {
    /// `ocd-event/` and the meeting's id.
    pub id: String,
    pub name: String,
    pub description: String,
    pub classification: String,
    pub start_date: String,
    pub end_date: String,
    pub all_day: bool,
    /// confirmed, cancelled or passed
    pub status: String,
    pub location: OcdLocation,
    pub participants: Vec<OcdParticipant>,
    pub agenda: Vec<OcdAgendaItem>,
    pub documents: Vec<OcdDocument>,
    pub sources: Vec<OcdLink>,
    /// Quorate's own: the licence the data is published under.
    pub extras: OcdExtras,
}

#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OcdLocation {
    pub name: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OcdParticipant {
    pub name: String,
    pub entity_type: String,
    pub note: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OcdAgendaItem {
    pub description: String,
    /// The item's number, as text.
    pub order: String,
    pub classification: Vec<String>,
    pub notes: Vec<String>,
    pub related_entities: Vec<OcdRelated>,
}

/// A decision taken on an agenda item.
#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OcdRelated {
    pub entity_type: String,
    pub name: String,
    pub note: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OcdDocument {
    pub note: String,
    pub links: Vec<OcdMediaLink>,
}

#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OcdMediaLink {
    pub media_type: String,
    pub url: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OcdLink {
    pub url: String,
    pub note: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OcdExtras {
    pub licence: String,
    pub licence_url: String,
    /// The published agenda version described (0 before publication).
    pub agenda_version: i32,
}

/// One agenda item as published, for the export.
pub struct ItemFacts {
    pub number: i32,
    pub title: String,
    /// substantive, minutes, action_log…
    pub kind: String,
    /// For a paper: its id, and the presenting organisation.
    pub paper: Option<String>,
    pub organisation: Option<String>,
    /// Its Schedule 12A paragraph when exempt (the title is neutral).
    pub exempt_category: Option<i32>,
    pub to_note: bool,
    /// (reference, text) of each decision taken on it.
    pub decisions: Vec<(String, String)>,
}

/// What the export says of a meeting.
pub struct MeetingFacts<'a> {
    pub base_url: &'a str,
    pub meeting_id: &'a str,
    pub body_name: &'a str,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub location: &'a str,
    pub cancelled: bool,
    pub now: NaiveDateTime,
    /// The published version's number, 0 before publication.
    pub agenda_version: i32,
    pub items: Vec<ItemFacts>,
    pub minutes_approved: bool,
    pub licence: &'a str,
    pub licence_url: &'a str,
}

fn rfc3339(t: NaiveDateTime) -> String {
    t.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn event(m: MeetingFacts<'_>) -> OcdEvent {
    let base = m.base_url;
    let meeting_url = format!("{base}/meetings/{}", m.meeting_id);
    let mut documents = Vec::new();
    if m.agenda_version > 0 {
        let version = format!("{meeting_url}/agenda/versions/{}", m.agenda_version);
        documents.push(OcdDocument {
            note: "Agenda".into(),
            links: vec![OcdMediaLink {
                media_type: "text/html".into(),
                url: version.clone(),
            }],
        });
        documents.push(OcdDocument {
            note: "Board pack".into(),
            links: vec![
                OcdMediaLink {
                    media_type: "application/pdf".into(),
                    url: format!("{version}/pack.pdf"),
                },
                OcdMediaLink {
                    media_type: "text/html".into(),
                    url: format!("{version}/pack"),
                },
            ],
        });
        for item in &m.items {
            if let (Some(paper), None) = (&item.paper, item.exempt_category) {
                documents.push(OcdDocument {
                    note: format!("Item {}: {}", item.number, item.title),
                    links: vec![
                        OcdMediaLink {
                            media_type: "text/html".into(),
                            url: format!("{version}/papers/{paper}"),
                        },
                        OcdMediaLink {
                            media_type: "application/pdf".into(),
                            url: format!("{version}/papers/{paper}.pdf"),
                        },
                    ],
                });
            }
        }
    }
    if m.minutes_approved {
        documents.push(OcdDocument {
            note: "Minutes".into(),
            links: vec![OcdMediaLink {
                media_type: "text/html".into(),
                url: format!("{meeting_url}/minutes"),
            }],
        });
    }
    let agenda = m
        .items
        .iter()
        .map(|item| {
            let mut notes = Vec::new();
            if let Some(org) = &item.organisation {
                notes.push(format!("Presented by {org}"));
            }
            if let Some(cat) = item.exempt_category {
                notes.push(format!(
                    "Exempt information (Schedule 12A, paragraph {cat}): taken in private"
                ));
            }
            if item.to_note {
                notes.push("To note without discussion".into());
            }
            OcdAgendaItem {
                description: item.title.clone(),
                order: item.number.to_string(),
                classification: vec![item.kind.clone()],
                notes,
                related_entities: item
                    .decisions
                    .iter()
                    .map(|(reference, text)| OcdRelated {
                        entity_type: "decision".into(),
                        name: reference.clone(),
                        note: text.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    OcdEvent {
        id: format!("ocd-event/{}", m.meeting_id),
        name: format!("{} meeting", m.body_name),
        description: String::new(),
        classification: "committee-meeting".into(),
        start_date: rfc3339(m.starts_at),
        end_date: rfc3339(m.ends_at),
        all_day: false,
        status: if m.cancelled {
            "cancelled"
        } else if m.ends_at <= m.now {
            "passed"
        } else {
            "confirmed"
        }
        .into(),
        location: OcdLocation {
            name: m.location.to_string(),
        },
        participants: vec![OcdParticipant {
            name: m.body_name.to_string(),
            entity_type: "organization".into(),
            note: "host".into(),
        }],
        agenda,
        documents,
        sources: vec![OcdLink {
            url: meeting_url,
            note: "The meeting's page".into(),
        }],
        extras: OcdExtras {
            licence: m.licence.to_string(),
            licence_url: m.licence_url.to_string(),
            agenda_version: m.agenda_version,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2027, 1, 12)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .unwrap_or_default()
    }

    fn facts(items: Vec<ItemFacts>, now: NaiveDateTime) -> MeetingFacts<'static> {
        MeetingFacts {
            base_url: "https://boards.example",
            meeting_id: "m1",
            body_name: "Northshire Board",
            starts_at: at(14),
            ends_at: at(16),
            location: "County Hall",
            cancelled: false,
            now,
            agenda_version: 2,
            items,
            minutes_approved: false,
            licence: "Open Government Licence v3.0",
            licence_url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        }
    }

    #[test]
    fn exempt_papers_get_no_document_and_decisions_hang_on_their_item() {
        let e = event(facts(
            vec![
                ItemFacts {
                    number: 4,
                    title: "Youth clubs".into(),
                    kind: "substantive".into(),
                    paper: Some("p1".into()),
                    organisation: Some("Ashby District Council".into()),
                    exempt_category: None,
                    to_note: false,
                    decisions: vec![("psb/2027/001".into(), "Funded the clubs.".into())],
                },
                ItemFacts {
                    number: 5,
                    title: "Exempt item".into(),
                    kind: "substantive".into(),
                    paper: Some("p2".into()),
                    organisation: None,
                    exempt_category: Some(3),
                    to_note: false,
                    decisions: Vec::new(),
                },
            ],
            at(9),
        ));
        assert_eq!(e.status, "confirmed");
        assert_eq!(e.start_date, "2027-01-12T14:00:00Z");
        let urls: Vec<&str> = e
            .documents
            .iter()
            .flat_map(|d| d.links.iter().map(|l| l.url.as_str()))
            .collect();
        assert!(
            urls.contains(&"https://boards.example/meetings/m1/agenda/versions/2/papers/p1.pdf")
        );
        assert!(!urls.iter().any(|u| u.contains("p2")), "{urls:?}");
        assert_eq!(e.agenda[0].related_entities[0].name, "psb/2027/001");
        assert!(e.agenda[1].notes[0].contains("paragraph 3"));
        assert_eq!(event(facts(Vec::new(), at(17))).status, "passed");
    }
}
