//! A meeting's timeline: item proposal deadline, final paper deadline (D),
//! publication deadline (P), meeting day (M). See DOMAIN.md.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::London;

use super::calendar::Calendar;
use super::policy::{Policy, parse_cutoff};

/// Whether weekends and bank holidays count as clear days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClearDays {
    /// Only working days count (the safer reading; the default).
    Working,
    /// Every calendar day counts.
    Calendar,
}

/// The numbers the timeline needs, taken from a body's policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    pub clear_days: u32,
    pub basis: ClearDays,
    pub paper_working_days: u32,
    pub proposal_working_days: u32,
    pub cutoff: NaiveTime,
}

impl Rules {
    pub fn from_policy(p: &Policy) -> Rules {
        let n = |v: i32| u32::try_from(v).unwrap_or(0);
        Rules {
            clear_days: n(p.publication_clear_days),
            basis: if p.clear_days_basis == "calendar" {
                ClearDays::Calendar
            } else {
                ClearDays::Working
            },
            paper_working_days: n(p.paper_deadline_working_days),
            proposal_working_days: n(p.proposal_deadline_working_days),
            cutoff: parse_cutoff(&p.paper_cutoff_time).unwrap_or(NaiveTime::MIN),
        }
    }
}

/// Publication ends at the close of the working day.
pub const PUBLICATION_TIME: NaiveTime = match NaiveTime::from_hms_opt(17, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub meeting_day: NaiveDate,
    /// P: the latest working day with enough clear days before the meeting.
    pub publication_day: NaiveDate,
    /// D: K working days before P.
    pub paper_day: NaiveDate,
    /// J working days before D.
    pub proposal_day: NaiveDate,
    /// D at the cut-off time, as a UTC instant.
    pub paper_deadline: DateTime<Utc>,
    /// P at 17:00 London time, as a UTC instant.
    pub publication_deadline: DateTime<Utc>,
    /// The proposal day at the cut-off time, as a UTC instant.
    pub proposal_deadline: DateTime<Utc>,
}

/// P: the latest working day with at least `clear_days` clear days between
/// it and the meeting day (both excluded).
pub fn publication_day(meeting: NaiveDate, rules: &Rules, cal: &Calendar) -> NaiveDate {
    let mut clear = 0u32;
    let mut d = meeting - Duration::days(1);
    loop {
        if cal.is_working_day(d) && clear >= rules.clear_days {
            return d;
        }
        let counts = match rules.basis {
            ClearDays::Working => cal.is_working_day(d),
            ClearDays::Calendar => true,
        };
        if counts {
            clear += 1;
        }
        d -= Duration::days(1);
    }
}

/// A London wall-clock time as a UTC instant. In the spring gap the clocks
/// jump over, the later instant is taken; in the autumn overlap, the earlier.
pub fn london_instant(day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = NaiveDateTime::new(day, time);
    match London.from_local_datetime(&local).earliest() {
        Some(t) => t.with_timezone(&Utc),
        None => {
            let later = local + Duration::hours(1);
            London
                .from_local_datetime(&later)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_else(|| Utc.from_utc_datetime(&local))
        }
    }
}

/// The calendar date in London of a UTC instant.
pub fn london_date(instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&London).date_naive()
}

pub fn compute(meeting_day: NaiveDate, rules: &Rules, cal: &Calendar) -> Timeline {
    let publication_day = publication_day(meeting_day, rules, cal);
    let paper_day = cal.working_days_before(publication_day, rules.paper_working_days);
    let proposal_day = cal.working_days_before(paper_day, rules.proposal_working_days);
    Timeline {
        meeting_day,
        publication_day,
        paper_day,
        proposal_day,
        paper_deadline: london_instant(paper_day, rules.cutoff),
        publication_deadline: london_instant(publication_day, PUBLICATION_TIME),
        proposal_deadline: london_instant(proposal_day, rules.cutoff),
    }
}

/// "in 4 working days", "today", "passed": how far a deadline is from today.
pub fn countdown(today: NaiveDate, due: NaiveDate, cal: &Calendar) -> String {
    use crate::i18n::{Arg, t, t_args};
    if due < today {
        return t("countdown-passed");
    }
    if due == today {
        return t("countdown-today");
    }
    let n = cal.working_days_between(today, due) + u32::from(cal.is_working_day(due));
    match n {
        0 => t("countdown-weekend"),
        n => t_args("countdown-one", &[("count", Arg::Number(i64::from(n)))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Calendars;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn default_rules() -> Rules {
        Rules::from_policy(&Policy::default())
    }

    fn ew() -> Calendar {
        Calendars::builtin()
            .get("england-and-wales")
            .cloned()
            .expect("e&w")
    }

    #[test]
    fn the_worked_example_of_domain_md() {
        // Meeting Tue 12 Jan 2027: P = Mon 4 Jan 2027, D = Wed 23 Dec 2026 at 12:00.
        let t = compute(d(2027, 1, 12), &default_rules(), &ew());
        assert_eq!(t.publication_day, d(2027, 1, 4));
        assert_eq!(t.paper_day, d(2026, 12, 23));
        assert_eq!(t.paper_deadline.to_rfc3339(), "2026-12-23T12:00:00+00:00");
        assert_eq!(
            t.publication_deadline.to_rfc3339(),
            "2027-01-04T17:00:00+00:00"
        );
        // J = 10 working days before D: back over 22, 21, 18, 17, 16, 15, 14, 11, 10, 9 Dec.
        assert_eq!(t.proposal_day, d(2026, 12, 9));
    }

    #[test]
    fn calendar_day_basis_counts_weekends() {
        let rules = Rules {
            basis: ClearDays::Calendar,
            ..default_rules()
        };
        // Meeting Tue 12 Jan 2027: 7..11 Jan are five clear calendar days, so P = Wed 6 Jan.
        let t = compute(d(2027, 1, 12), &rules, &ew());
        assert_eq!(t.publication_day, d(2027, 1, 6));
    }

    #[test]
    fn deadlines_are_london_time_across_the_clock_change() {
        // British Summer Time: 12:00 London is 11:00 UTC.
        let t = compute(d(2027, 7, 13), &default_rules(), &ew());
        assert_eq!(t.paper_deadline.format("%H:%M").to_string(), "11:00");
        assert_eq!(london_date(t.paper_deadline), t.paper_day);
        // The spring gap: 01:30 on 28 March 2027 does not exist in London.
        let gap = london_instant(
            d(2027, 3, 28),
            NaiveTime::from_hms_opt(1, 30, 0).expect("time"),
        );
        assert_eq!(gap.to_rfc3339(), "2027-03-28T01:30:00+00:00");
    }

    #[test]
    fn countdowns_are_in_working_days() {
        let cal = ew();
        // From Thursday 17 December 2026 to Wednesday 23 December: 18, 21, 22, 23.
        assert_eq!(
            countdown(d(2026, 12, 17), d(2026, 12, 23), &cal),
            "in 4 working days"
        );
        assert_eq!(
            countdown(d(2026, 12, 22), d(2026, 12, 23), &cal),
            "in 1 working day"
        );
        assert_eq!(countdown(d(2026, 12, 23), d(2026, 12, 23), &cal), "today");
        assert_eq!(countdown(d(2026, 12, 24), d(2026, 12, 23), &cal), "passed");
        // Over Christmas: 24 Dec, then 29, 30, 31 Dec (25 and 28 are holidays), then 4 Jan.
        assert_eq!(
            countdown(d(2026, 12, 23), d(2027, 1, 4), &cal),
            "in 5 working days"
        );
    }

    proptest! {
        #[test]
        fn publication_and_paper_days_obey_the_rules(offset in 0i64..1800, n in 0u32..12, k in 0u32..12) {
            let cal = ew();
            let meeting = d(2024, 3, 1) + Duration::days(offset);
            let rules = Rules { clear_days: n, paper_working_days: k, ..default_rules() };
            let t = compute(meeting, &rules, &cal);
            let p = t.publication_day;
            prop_assert!(cal.is_working_day(p));
            prop_assert!(p < meeting);
            prop_assert!(cal.working_days_between(p, meeting) >= n);
            // No later working day before the meeting would do.
            let mut later = p + Duration::days(1);
            while later < meeting {
                prop_assert!(!cal.is_working_day(later) || cal.working_days_between(later, meeting) < n);
                later += Duration::days(1);
            }
            // D is exactly K working days before P.
            prop_assert!(cal.is_working_day(t.paper_day) || k == 0);
            prop_assert_eq!(if k == 0 { 0 } else { cal.working_days_between(t.paper_day, p) + 1 }, k);
            prop_assert!(t.paper_deadline < t.publication_deadline || k == 0);
        }
    }
}
