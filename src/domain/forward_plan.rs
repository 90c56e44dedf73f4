//! The forward plan's rules: when a key decision must be announced, and
//! what the public is told of an item's paper weeks ahead.

use chrono::{DateTime, Days, NaiveDate, Utc};

/// Clear days of public notice a key decision needs.
pub const KEY_DECISION_CLEAR_DAYS: u64 = 28;

/// The last day a key decision taken at a meeting on `meeting_day` may be
/// announced: 28 clear days between, neither the day of notice nor the
/// meeting's own day counting.
pub fn key_decision_notice_by(meeting_day: NaiveDate) -> NaiveDate {
    meeting_day
        .checked_sub_days(Days::new(KEY_DECISION_CLEAR_DAYS + 1))
        .unwrap_or(NaiveDate::MIN)
}

/// Where an item's paper stands, as the forward plan shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperState {
    /// Proposed: the secretariat has still to accept the item.
    AwaitingAcceptance,
    /// Being written; due by the paper deadline, still ahead.
    Due,
    /// The paper deadline has passed and no paper is in.
    Missing,
    /// Submitted (and perhaps accepted): in, not yet published.
    Received,
    /// Published with the agenda.
    Published,
}

impl PaperState {
    /// From the paper's status (none while only proposed) and the meeting's
    /// paper deadline.
    pub fn of(paper_status: Option<&str>, deadline: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        match paper_status {
            None => PaperState::AwaitingAcceptance,
            Some("published") => PaperState::Published,
            Some("submitted" | "accepted") => PaperState::Received,
            Some(_) if now > deadline => PaperState::Missing,
            Some(_) => PaperState::Due,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PaperState::AwaitingAcceptance => "awaiting_acceptance",
            PaperState::Due => "due",
            PaperState::Missing => "missing",
            PaperState::Received => "received",
            PaperState::Published => "published",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_key_decision_is_announced_28_clear_days_ahead() {
        // Meeting on Tuesday 12 January 2027: notice by Monday 14 December
        // 2026 leaves 15 December to 11 January, 28 days, clear.
        let notice = key_decision_notice_by(day(2027, 1, 12));
        assert_eq!(notice, day(2026, 12, 14));
        let clear = (day(2027, 1, 12) - notice).num_days() - 1;
        assert_eq!(clear, 28);
    }

    #[test]
    fn a_paper_is_missing_only_after_its_deadline() {
        let deadline = day(2026, 12, 23)
            .and_hms_opt(12, 0, 0)
            .unwrap_or_default()
            .and_utc();
        let before = deadline - chrono::Duration::hours(1);
        let after = deadline + chrono::Duration::hours(1);
        assert_eq!(
            PaperState::of(None, deadline, after),
            PaperState::AwaitingAcceptance
        );
        assert_eq!(
            PaperState::of(Some("draft"), deadline, before),
            PaperState::Due
        );
        assert_eq!(
            PaperState::of(Some("draft"), deadline, after),
            PaperState::Missing
        );
        assert_eq!(
            PaperState::of(Some("returned"), deadline, after),
            PaperState::Missing
        );
        assert_eq!(
            PaperState::of(Some("submitted"), deadline, after),
            PaperState::Received
        );
        assert_eq!(
            PaperState::of(Some("accepted"), deadline, after),
            PaperState::Received
        );
        assert_eq!(
            PaperState::of(Some("published"), deadline, after),
            PaperState::Published
        );
    }
}
