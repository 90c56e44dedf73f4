//! A paper's journey: its states, which of them its author may still
//! change, and, in words for its author, what happens next.

/// Where a paper is in its life, as stored (`status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperStatus {
    Draft,
    Submitted,
    Returned,
    Accepted,
    Published,
    Withdrawn,
}

impl PaperStatus {
    pub fn parse(s: &str) -> Option<PaperStatus> {
        Some(match s {
            "draft" => PaperStatus::Draft,
            "submitted" => PaperStatus::Submitted,
            "returned" => PaperStatus::Returned,
            "accepted" => PaperStatus::Accepted,
            "published" => PaperStatus::Published,
            "withdrawn" => PaperStatus::Withdrawn,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PaperStatus::Draft => "draft",
            PaperStatus::Submitted => "submitted",
            PaperStatus::Returned => "returned",
            PaperStatus::Accepted => "accepted",
            PaperStatus::Published => "published",
            PaperStatus::Withdrawn => "withdrawn",
        }
    }

    /// Its author (or the secretariat) may still edit it and submit it: a
    /// draft, or a paper the secretariat returned with what to change.
    pub fn editable(self) -> bool {
        matches!(self, PaperStatus::Draft | PaperStatus::Returned)
    }
}

/// What can happen to a paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperEvent {
    /// Its author submits it (again, after it was returned).
    Submit,
    /// The secretariat accepts it for the agenda.
    Accept,
    /// The secretariat returns it to its author with what to change.
    Return,
    /// Its author or the secretariat withdraws it.
    Withdraw,
    /// It goes out with a published agenda.
    Publish,
}

impl PaperStatus {
    pub const ALL: [PaperStatus; 6] = [
        PaperStatus::Draft,
        PaperStatus::Submitted,
        PaperStatus::Returned,
        PaperStatus::Accepted,
        PaperStatus::Published,
        PaperStatus::Withdrawn,
    ];

    /// The state after `event`, or `None` when it cannot happen from here.
    pub fn after(self, event: PaperEvent) -> Option<PaperStatus> {
        use PaperEvent::*;
        use PaperStatus::*;
        match (self, event) {
            (Draft | Returned, Submit) => Some(Submitted),
            (Submitted, Accept) => Some(Accepted),
            (Submitted | Accepted | Published, Return) => Some(Returned),
            (Draft | Submitted | Returned | Accepted, Withdraw) => Some(Withdrawn),
            (Accepted, Publish) => Some(Published),
            _ => None,
        }
    }

    /// Its sponsor may sign it off: before it is accepted.
    pub fn may_be_signed_off(self) -> bool {
        matches!(
            self,
            PaperStatus::Draft | PaperStatus::Submitted | PaperStatus::Returned
        )
    }
}

/// The state after `event` for a paper in the stored state `status`.
pub fn after(status: &str, event: PaperEvent) -> Option<PaperStatus> {
    PaperStatus::parse(status).and_then(|s| s.after(event))
}

/// Whether a paper in the stored state `status` may still be edited and
/// submitted (an unknown state may not).
pub fn editable(status: &str) -> bool {
    PaperStatus::parse(status).is_some_and(PaperStatus::editable)
}

/// What the author of a paper in this state does next, or waits for: the
/// message's key in the catalogue.
pub fn next_step(
    status: &str,
    signed_off: bool,
    late: bool,
    late_decision: Option<&str>,
) -> &'static str {
    match status {
        "draft" => "next-draft",
        "returned" => "next-returned",
        "submitted" if late && late_decision.is_none() => "next-late-waits",
        "submitted" if late && late_decision == Some("rejected") => "next-late-rejected",
        "submitted" if !signed_off => "next-sign-off",
        "submitted" => "next-secretariat",
        "accepted" => "next-accepted",
        "published" => "next-published",
        "withdrawn" => "next-withdrawn",
        _ => "next-none",
    }
}

/// The parts of a paper its history compares: (field of the saved copy,
/// message key of its name in the catalogue).
pub const CONTENT_FIELDS: &[(&str, &str)] = &[
    ("title", "paper-field-title"),
    ("item_type", "paper-field-item-type"),
    (
        "presenting_organisation_id",
        "paper-field-presenting-organisation",
    ),
    ("presenter_user_id", "paper-field-presenter"),
    ("sponsor_user_id", "paper-field-sponsor"),
    ("purpose", "paper-field-purpose"),
    ("summary", "paper-field-summary"),
    ("recommendations", "paper-field-recommendations"),
    ("implications_financial", "paper-field-financial"),
    ("implications_legal", "paper-field-legal"),
    ("implications_risk", "paper-field-risk"),
    ("implications_equality", "paper-field-equality"),
    ("equality_assessment", "paper-field-equality-assessment"),
    ("implications_environment", "paper-field-environment"),
    ("implications_welsh_language", "paper-field-welsh-language"),
    ("consulted_organisation_ids", "paper-field-consulted"),
    ("priority_id", "paper-field-priority"),
    ("no_priority_reason", "paper-field-priority"),
    ("body_markdown", "paper-field-body"),
    ("exempt_category", "paper-field-exempt"),
    ("exempt_reason", "paper-field-exempt"),
    ("exempt_public_interest", "paper-field-exempt"),
    ("minutes_allocated", "paper-field-minutes"),
];

/// What changed between two saved copies of a paper: the message keys of
/// the parts that differ, each once, in the cover sheet's order.
pub fn changed_parts(before: &serde_json::Value, after: &serde_json::Value) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (field, key) in CONTENT_FIELDS {
        if before.get(field) != after.get(field) && !out.contains(key) {
            out.push(key);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paper_moves_only_along_its_journey() {
        use PaperEvent::*;
        use PaperStatus::*;
        assert_eq!(Draft.after(Submit), Some(Submitted));
        assert_eq!(Returned.after(Submit), Some(Submitted));
        assert_eq!(Submitted.after(Accept), Some(Accepted));
        assert_eq!(Accepted.after(Publish), Some(Published));
        assert_eq!(Published.after(Return), Some(Returned));
        // Nothing skips the secretariat's check, and nothing leaves a
        // withdrawn paper or publishes one twice.
        assert_eq!(Draft.after(Accept), None);
        assert_eq!(Draft.after(Publish), None);
        assert_eq!(Submitted.after(Submit), None);
        assert_eq!(Published.after(Publish), None);
        assert_eq!(Published.after(Withdraw), None);
        for event in [Submit, Accept, Return, Withdraw, Publish] {
            assert_eq!(Withdrawn.after(event), None);
        }
        // Only what can still be submitted can be edited.
        for s in PaperStatus::ALL {
            assert_eq!(s.editable(), s.after(Submit).is_some(), "{s:?}");
        }
        assert!(Returned.may_be_signed_off() && !Accepted.may_be_signed_off());
        assert_eq!(after("draft", Submit), Some(Submitted));
        assert_eq!(after("lost", Submit), None);
    }

    #[test]
    fn only_drafts_and_returned_papers_may_be_edited() {
        for (status, editable_now) in [
            ("draft", true),
            ("returned", true),
            ("submitted", false),
            ("accepted", false),
            ("published", false),
            ("withdrawn", false),
            ("something else", false),
        ] {
            assert_eq!(editable(status), editable_now, "{status}");
            if let Some(s) = PaperStatus::parse(status) {
                assert_eq!(s.as_str(), status, "round trip");
            }
        }
    }

    #[test]
    fn each_state_says_what_happens_next() {
        assert_eq!(next_step("draft", false, false, None), "next-draft");
        assert_eq!(next_step("returned", false, false, None), "next-returned");
        assert_eq!(next_step("submitted", false, false, None), "next-sign-off");
        assert_eq!(
            next_step("submitted", true, false, None),
            "next-secretariat"
        );
        assert_eq!(next_step("submitted", true, true, None), "next-late-waits");
        assert_eq!(
            next_step("submitted", true, true, Some("approved")),
            "next-secretariat"
        );
        assert_eq!(
            next_step("submitted", true, true, Some("rejected")),
            "next-late-rejected"
        );
        assert_eq!(next_step("accepted", true, false, None), "next-accepted");
        assert_eq!(next_step("unknown", false, false, None), "next-none");
    }

    #[test]
    fn the_history_names_each_part_that_changed_once() {
        let before = serde_json::json!({"title": "A", "summary": "S", "priority_id": "p1", "no_priority_reason": "", "status": "draft"});
        let after = serde_json::json!({"title": "A", "summary": "S2", "priority_id": null, "no_priority_reason": "None fits", "status": "submitted"});
        assert_eq!(
            changed_parts(&before, &after),
            vec!["paper-field-summary", "paper-field-priority"],
            "a change of state alone is not a change of content"
        );
        assert!(changed_parts(&after, &after).is_empty());
    }
}
