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

/// Whether a paper in the stored state `status` may still be edited and
/// submitted (an unknown state may not).
pub fn editable(status: &str) -> bool {
    PaperStatus::parse(status).is_some_and(PaperStatus::editable)
}

/// What the author of a paper in this state does next, or waits for.
pub fn next_step(
    status: &str,
    signed_off: bool,
    late: bool,
    late_decision: Option<&str>,
) -> &'static str {
    match status {
        "draft" => "Finish the cover sheet and submit it before papers are due.",
        "returned" => "Make the changes the secretariat asked for, then submit it again.",
        "submitted" if late && late_decision.is_none() => {
            "Waiting for the chair to decide whether the late paper goes on the agenda."
        }
        "submitted" if late && late_decision == Some("rejected") => {
            "The chair did not agree it is urgent: it will not go on this agenda."
        }
        "submitted" if !signed_off => "Waiting for the sponsor to sign it off.",
        "submitted" => "Waiting for the secretariat to check and accept it.",
        "accepted" => "Accepted: it goes out with the agenda. Nothing to do.",
        "published" => "Published with the agenda. Nothing to do.",
        "withdrawn" => "Withdrawn: nothing to do.",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(next_step("draft", false, false, None).starts_with("Finish"));
        assert!(next_step("returned", false, false, None).contains("submit it again"));
        assert!(next_step("submitted", false, false, None).contains("sponsor"));
        assert!(next_step("submitted", true, false, None).contains("secretariat"));
        assert!(next_step("submitted", true, true, None).contains("chair"));
        assert!(next_step("submitted", true, true, Some("approved")).contains("secretariat"));
        assert!(next_step("submitted", true, true, Some("rejected")).contains("not go"));
        assert!(next_step("accepted", true, false, None).contains("Nothing to do"));
        assert_eq!(next_step("unknown", false, false, None), "");
    }
}
