//! Working days from bank-holiday calendars in the GOV.UK `bank-holidays.json`
//! format (keys `england-and-wales`, `scotland`, `northern-ireland`, each with
//! `events: [{title, date, notes, bunting}]`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

/// The calendars shipped with Quorate (2024 to 2028).
pub const BUILTIN_JSON: &str = include_str!("../../config/bank-holidays.json");

pub const DIVISIONS: [&str; 3] = ["england-and-wales", "scotland", "northern-ireland"];

/// One division's bank holidays.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    holidays: BTreeSet<NaiveDate>,
    titles: BTreeMap<NaiveDate, String>,
    /// The same holidays as one bit per day from `first`, for O(1) look-ups
    /// on the hot path (every timeline walks a few dozen days).
    first: Option<NaiveDate>,
    bits: Vec<u64>,
}

/// All divisions, by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendars(BTreeMap<String, Calendar>);

#[derive(Deserialize)]
struct FileDivision {
    events: Vec<FileEvent>,
}

#[derive(Deserialize)]
struct FileEvent {
    title: String,
    date: String,
}

impl Calendars {
    /// Parses a whole file. Any problem rejects the whole file, with the reason.
    pub fn parse(json: &str) -> Result<Calendars, String> {
        let raw: BTreeMap<String, serde_json::Value> = serde_json::from_str(json)
            .map_err(|e| format!("not a bank-holidays.json file: {e}"))?;
        let mut out = BTreeMap::new();
        for key in DIVISIONS {
            let value = raw
                .get(key)
                .ok_or_else(|| format!("the division '{key}' is missing"))?;
            let division: FileDivision =
                serde_json::from_value(value.clone()).map_err(|e| format!("{key}: {e}"))?;
            let mut cal = Calendar::default();
            for (i, ev) in division.events.iter().enumerate() {
                let date = NaiveDate::parse_from_str(&ev.date, "%Y-%m-%d").map_err(|_| {
                    format!(
                        "{key}: event {} ('{}') has the date '{}', not YYYY-MM-DD",
                        i + 1,
                        ev.title,
                        ev.date
                    )
                })?;
                if ev.title.trim().is_empty() {
                    return Err(format!(
                        "{key}: event {} on {} has no title",
                        i + 1,
                        ev.date
                    ));
                }
                cal.holidays.insert(date);
                cal.titles.insert(date, ev.title.clone());
            }
            if cal.holidays.is_empty() {
                return Err(format!("{key}: there are no events"));
            }
            out.insert(key.to_string(), cal.index());
        }
        Ok(Calendars(out))
    }

    /// The shipped calendars.
    pub fn builtin() -> Calendars {
        // The shipped file is checked by a unit test; an empty set is the
        // (never expected) fallback rather than a panic.
        Calendars::parse(BUILTIN_JSON).unwrap_or_default()
    }

    pub fn get(&self, division: &str) -> Option<&Calendar> {
        self.0.get(division)
    }
}

impl Calendar {
    /// A calendar with these holidays (for tests and tools).
    pub fn with_holidays(days: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        let holidays: BTreeSet<NaiveDate> = days.into_iter().collect();
        Calendar {
            titles: holidays
                .iter()
                .map(|d| (*d, "Holiday".to_string()))
                .collect(),
            holidays,
            ..Default::default()
        }
        .index()
    }

    pub fn is_holiday(&self, day: NaiveDate) -> bool {
        let Some(first) = self.first else {
            return false;
        };
        let Ok(i) = usize::try_from((day - first).num_days()) else {
            return false;
        };
        self.bits
            .get(i / 64)
            .is_some_and(|w| w & (1u64 << (i % 64)) != 0)
    }

    /// Builds the bitset from the holiday set.
    fn index(mut self) -> Calendar {
        self.first = self.holidays.first().copied();
        self.bits.clear();
        if let Some(first) = self.first {
            for d in &self.holidays {
                let i = usize::try_from((*d - first).num_days()).unwrap_or(0);
                if self.bits.len() <= i / 64 {
                    self.bits.resize(i / 64 + 1, 0);
                }
                self.bits[i / 64] |= 1u64 << (i % 64);
            }
        }
        self
    }

    pub fn holiday_title(&self, day: NaiveDate) -> Option<&str> {
        self.titles.get(&day).map(String::as_str)
    }

    /// Monday to Friday and not a bank holiday.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(day)
    }

    /// The working day `n` working days before `day` (`day` itself need not be one).
    pub fn working_days_before(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut d = day;
        let mut left = n;
        while left > 0 {
            d -= Duration::days(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// The working day `n` working days after `day` (`day` itself need not
    /// be one).
    pub fn working_days_after(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut d = day;
        let mut left = n;
        while left > 0 {
            d += Duration::days(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days strictly between `from` and `to`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut n = 0;
        let mut d = from + Duration::days(1);
        while d < to {
            if self.is_working_day(d) {
                n += 1;
            }
            d += Duration::days(1);
        }
        n
    }

    /// The next `n` holidays from `day` on, with their titles.
    pub fn upcoming(&self, day: NaiveDate, n: usize) -> Vec<(NaiveDate, String)> {
        self.titles
            .range(day..)
            .take(n)
            .map(|(d, t)| (*d, t.clone()))
            .collect()
    }

    /// The first and last year the calendar has holidays for.
    pub fn years(&self) -> Option<(i32, i32)> {
        Some((self.holidays.first()?.year(), self.holidays.last()?.year()))
    }

    /// Does the calendar know the holidays of `day`'s year?
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.years()
            .is_some_and(|(a, b)| (a..=b).contains(&day.year()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn the_shipped_file_has_three_divisions_for_2024_to_2028() {
        let cals = Calendars::parse(BUILTIN_JSON).expect("shipped file parses");
        for key in DIVISIONS {
            let c = cals.get(key).expect("division");
            assert_eq!(c.years(), Some((2024, 2028)), "{key}");
        }
        let ew = cals.get("england-and-wales").expect("e&w");
        assert!(
            ew.is_holiday(d(2026, 12, 25)) && ew.is_holiday(d(2026, 12, 28)),
            "Boxing Day 2026 moves to Monday"
        );
        assert!(ew.is_holiday(d(2027, 1, 1)));
        assert!(!ew.is_holiday(d(2027, 1, 4)));
        let sc = cals.get("scotland").expect("scotland");
        assert!(
            sc.is_holiday(d(2027, 1, 4)),
            "2nd January 2027 is a Saturday: Monday instead"
        );
        assert!(
            sc.is_holiday(d(2026, 11, 30)) && !ew.is_holiday(d(2026, 11, 30)),
            "St Andrew's Day"
        );
        let ni = cals.get("northern-ireland").expect("ni");
        assert!(ni.is_holiday(d(2026, 3, 17)) && ni.is_holiday(d(2026, 7, 13)));
    }

    #[test]
    fn malformed_files_are_rejected_whole_with_a_reason() {
        assert!(
            Calendars::parse("[]")
                .unwrap_err()
                .contains("not a bank-holidays.json")
        );
        let missing =
            r#"{"england-and-wales": {"events": [{"title": "X", "date": "2027-01-01"}]}}"#;
        assert!(Calendars::parse(missing).unwrap_err().contains("scotland"));
        let bad_date = BUILTIN_JSON.replacen("2024-01-01", "2024-13-01", 1);
        let err = Calendars::parse(&bad_date).unwrap_err();
        assert!(
            err.contains("2024-13-01") && err.contains("YYYY-MM-DD"),
            "{err}"
        );
    }

    #[test]
    fn the_bitset_agrees_with_the_holiday_list() {
        let cals = Calendars::builtin();
        for key in DIVISIONS {
            let c = cals.get(key).expect("division");
            let (mut day, end) = (d(2023, 12, 1), d(2029, 2, 1));
            while day < end {
                assert_eq!(c.is_holiday(day), c.holidays.contains(&day), "{key} {day}");
                day += Duration::days(1);
            }
        }
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let c = Calendar::with_holidays([d(2027, 1, 1)]);
        assert!(!c.is_working_day(d(2027, 1, 1)));
        assert!(!c.is_working_day(d(2027, 1, 2)));
        assert!(c.is_working_day(d(2027, 1, 4)));
        assert_eq!(c.working_days_before(d(2027, 1, 4), 1), d(2026, 12, 31));
        assert_eq!(c.working_days_between(d(2027, 1, 4), d(2027, 1, 12)), 5);
    }
}
