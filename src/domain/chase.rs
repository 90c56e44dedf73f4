//! When the chase for papers speaks: the author reminders before a paper
//! deadline, the sponsor's reminder to sign off, and when a reminder is
//! too late to be worth sending. Days are working days of the body's
//! calendar.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use super::calendar::Calendar;
use super::timeline::london_instant;

/// A reminder to an author whose paper is not submitted yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperReminder {
    /// 3 working days before the paper deadline.
    ThreeDays,
    /// 1 working day before.
    OneDay,
    /// On the deadline's day.
    OnTheDay,
}

impl PaperReminder {
    /// A key unique to the reminder, for sending it once.
    pub fn key(self) -> &'static str {
        match self {
            PaperReminder::ThreeDays => "3-days",
            PaperReminder::OneDay => "1-day",
            PaperReminder::OnTheDay => "on-the-day",
        }
    }

    fn working_days_before(self) -> u32 {
        match self {
            PaperReminder::ThreeDays => 3,
            PaperReminder::OneDay => 1,
            PaperReminder::OnTheDay => 0,
        }
    }
}

/// When a day's reminders are meant to go: the start of the working day.
pub const REMINDER_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The latest author reminder earned by `today` for a paper deadline on
/// `deadline_day`, with the day it was meant for; `None` before the
/// first and after the deadline's day. Catching up after a pause gives
/// only the latest, never the ones before it.
pub fn paper_reminder(
    today: NaiveDate,
    deadline_day: NaiveDate,
    cal: &Calendar,
) -> Option<(PaperReminder, NaiveDate)> {
    if today > deadline_day {
        return None;
    }
    [
        PaperReminder::OnTheDay,
        PaperReminder::OneDay,
        PaperReminder::ThreeDays,
    ]
    .into_iter()
    .map(|r| {
        (
            r,
            cal.working_days_before(deadline_day, r.working_days_before()),
        )
    })
    .find(|(_, day)| *day <= today)
}

/// Is a reminder meant for `day` too late to send at `now`: more than
/// `grace` after its moment (09:00 London time that day)?
pub fn stale(day: NaiveDate, now: DateTime<Utc>, grace: Duration) -> bool {
    now > london_instant(day, REMINDER_TIME) + grace
}

/// The working day a paper submitted on `submitted` has waited 2 working
/// days for its sponsor's sign-off: the day its sponsor is reminded.
pub fn sign_off_reminder_day(submitted: NaiveDate, cal: &Calendar) -> NaiveDate {
    let mut day = submitted;
    let mut left = 2;
    while left > 0 {
        day += Duration::days(1);
        if cal.is_working_day(day) {
            left -= 1;
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn authors_are_reminded_three_and_one_working_days_before_and_on_the_day() {
        // Deadline Tuesday 5 January 2027; Friday 1 January is a bank
        // holiday, so 3 working days before is Wednesday 30 December.
        let cal = Calendar::with_holidays([d(2026, 12, 25), d(2026, 12, 28), d(2027, 1, 1)]);
        let deadline = d(2027, 1, 5);
        let on = |day| paper_reminder(day, deadline, &cal);
        assert_eq!(on(d(2026, 12, 29)), None, "too early");
        assert_eq!(
            on(d(2026, 12, 30)),
            Some((PaperReminder::ThreeDays, d(2026, 12, 30)))
        );
        assert_eq!(
            on(d(2027, 1, 1)),
            Some((PaperReminder::ThreeDays, d(2026, 12, 30))),
            "a holiday earns nothing new"
        );
        assert_eq!(
            on(d(2027, 1, 4)),
            Some((PaperReminder::OneDay, d(2027, 1, 4)))
        );
        assert_eq!(
            on(d(2027, 1, 5)),
            Some((PaperReminder::OnTheDay, d(2027, 1, 5)))
        );
        assert_eq!(on(d(2027, 1, 6)), None, "the deadline has passed");
    }

    #[test]
    fn a_reminder_long_past_its_moment_is_stale() {
        // 09:00 London on a winter day is 09:00 UTC; in summer 08:00 UTC.
        let winter = d(2027, 1, 4);
        let at = |day: NaiveDate, h: u32| {
            london_instant(day, NaiveTime::from_hms_opt(h, 0, 0).expect("time"))
        };
        assert!(!stale(winter, at(winter, 9), Duration::hours(6)));
        assert!(!stale(winter, at(winter, 15), Duration::hours(6)));
        assert!(stale(winter, at(winter, 16), Duration::hours(6)));
        let summer = d(2027, 6, 7);
        assert!(!stale(summer, at(summer, 15), Duration::hours(6)));
        assert!(stale(
            summer,
            at(summer, 15) + Duration::minutes(1),
            Duration::hours(6)
        ));
    }

    #[test]
    fn sponsors_are_reminded_after_two_working_days() {
        let cal = Calendar::with_holidays([d(2027, 4, 2), d(2027, 4, 5)]);
        // Submitted Thursday 1 April 2027: Good Friday and Easter Monday
        // are holidays, so the reminder goes on Wednesday 7 April.
        assert_eq!(sign_off_reminder_day(d(2027, 4, 1), &cal), d(2027, 4, 7));
        assert_eq!(sign_off_reminder_day(d(2027, 4, 12), &cal), d(2027, 4, 14));
    }
}
