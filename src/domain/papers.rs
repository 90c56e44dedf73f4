//! A paper's journey, in words for its author: what happens next.

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
