//! Actions and follow-through: states, overdue and RAG status, reminders
//! and escalation, and the per-organisation follow-through figures.
//! Pure functions over already-loaded values.

use chrono::NaiveDate;
use serde::Serialize;

use super::calendar::Calendar;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn parse(s: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// From its words as published ("In progress": published agendas keep
    /// the English).
    pub fn from_label(s: &str) -> Option<ActionStatus> {
        ActionStatus::ALL
            .into_iter()
            .find(|a| a.label_in(crate::i18n::Lang::English) == s)
    }

    /// "In progress", in the current language.
    pub fn label(self) -> String {
        self.label_in(crate::i18n::current())
    }

    /// "In progress" in `lang`.
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        let key = match self {
            ActionStatus::Open => "action-status-open",
            ActionStatus::InProgress => "action-status-in-progress",
            ActionStatus::Done => "action-status-done",
            ActionStatus::Dropped => "action-status-dropped",
        };
        crate::i18n::text(lang, key)
    }

    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Dropped)
    }

    /// `open -> in_progress -> done`, or `dropped` (with a reason) from
    /// either open state. Closed actions stay closed.
    pub fn can_become(self, next: ActionStatus) -> bool {
        use ActionStatus::*;
        matches!(
            (self, next),
            (Open, InProgress)
                | (Open, Done)
                | (InProgress, Done)
                | (Open, Dropped)
                | (InProgress, Dropped)
        )
    }
}

/// Overdue: the due date has passed and the action is not closed.
pub fn is_overdue(status: ActionStatus, due: NaiveDate, today: NaiveDate) -> bool {
    !status.is_closed() && due < today
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    Green,
    Amber,
    Red,
    /// Done or dropped: no RAG.
    Closed,
}

impl Rag {
    /// "Due soon", in the current language.
    pub fn label(self) -> String {
        let key = match self {
            Rag::Green => "rag-green",
            Rag::Amber => "rag-amber",
            Rag::Red => "rag-red",
            Rag::Closed => "rag-closed",
        };
        crate::i18n::text(crate::i18n::current(), key)
    }

    pub fn class(self) -> &'static str {
        match self {
            Rag::Green => "tag-green",
            Rag::Amber => "tag-yellow",
            Rag::Red => "tag-red",
            Rag::Closed => "tag-grey",
        }
    }
}

/// Red when overdue; amber when due within 5 working days; green otherwise.
pub fn rag(status: ActionStatus, due: NaiveDate, today: NaiveDate, cal: &Calendar) -> Rag {
    if status.is_closed() {
        Rag::Closed
    } else if due < today {
        Rag::Red
    } else if working_days_between(today, due, cal) <= 5 {
        Rag::Amber
    } else {
        Rag::Green
    }
}

/// Working days after `from` up to and including `to` (0 when `to <= from`).
pub fn working_days_between(from: NaiveDate, to: NaiveDate, cal: &Calendar) -> u32 {
    let mut n = 0;
    let mut d = from;
    while d < to {
        d = d.succ_opt().unwrap_or(d);
        if cal.is_working_day(d) {
            n += 1;
        }
        if n > 10_000 {
            break;
        }
    }
    n
}

/// Are there at least `n` working days after `from` up to and including
/// `to`? Stops counting at `n`, so an action long overdue costs no more
/// than one just overdue.
pub fn at_least_working_days(from: NaiveDate, to: NaiveDate, n: u32, cal: &Calendar) -> bool {
    let mut count = 0;
    let mut d = from;
    while d < to && count < n {
        d = d.succ_opt().unwrap_or(to);
        if cal.is_working_day(d) {
            count += 1;
        }
    }
    count >= n
}

/// A reminder or escalation an open action has earned on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reminder {
    /// 5 working days before the due date.
    DueSoon,
    /// On the due date.
    DueToday,
    /// Weekly while overdue: the week number (1 = a week overdue).
    Overdue(i64),
    /// 10 working days overdue: the owner's sponsor and the chair are told.
    Escalate,
}

impl Reminder {
    /// A key unique to the reminder, so it is sent once whatever the day the
    /// worker notices it.
    pub fn key(&self) -> String {
        match self {
            Reminder::DueSoon => "due-soon".into(),
            Reminder::DueToday => "due-today".into(),
            Reminder::Overdue(w) => format!("overdue-week-{w}"),
            Reminder::Escalate => "escalate".into(),
        }
    }
}

/// The reminders due for an action by `today` (the worker sends each once,
/// so catching up after a pause sends only the latest of each kind).
pub fn reminders(
    status: ActionStatus,
    due: NaiveDate,
    today: NaiveDate,
    cal: &Calendar,
) -> Vec<Reminder> {
    let mut out = Vec::new();
    if status.is_closed() {
        return out;
    }
    if today < due {
        if !at_least_working_days(today, due, 6, cal) {
            out.push(Reminder::DueSoon);
        }
        return out;
    }
    if today == due {
        out.push(Reminder::DueToday);
        return out;
    }
    let days = (today - due).num_days();
    if days >= 7 {
        out.push(Reminder::Overdue(days / 7));
    }
    if at_least_working_days(due, today, 10, cal) {
        out.push(Reminder::Escalate);
    }
    out
}

/// The first day after `today` on which an open action earns a reminder it
/// has not earned by today (each is sent once, so only a new one matters):
/// the day the worker next needs to look at it. At most a year ahead.
pub fn next_reminder_day(
    status: ActionStatus,
    due: NaiveDate,
    today: NaiveDate,
    cal: &Calendar,
) -> NaiveDate {
    let horizon = today + chrono::Duration::days(366);
    if status.is_closed() {
        return horizon;
    }
    let now = reminders(status, due, today, cal);
    let mut day = today.succ_opt().unwrap_or(horizon);
    while day < horizon {
        if reminders(status, due, day, cal)
            .iter()
            .any(|r| !now.contains(r))
        {
            return day;
        }
        day = day.succ_opt().unwrap_or(horizon);
    }
    horizon
}

/// One action as the follow-through figures need it.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub organisation: String,
    pub status: ActionStatus,
    pub due: NaiveDate,
    pub closed_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct OrgFollowThrough {
    pub organisation: String,
    pub actions_total: usize,
    pub closed_on_time: usize,
    pub closed_late: usize,
    pub overdue: usize,
    /// Median days late of actions done late (None when none were).
    pub median_days_late: Option<f64>,
    /// Done on time as a share of actions done, 0 to 100 (None when none are done).
    pub on_time_percent: Option<f64>,
}

/// Follow-through per organisation, by name. Dropped actions count in the
/// total only.
pub fn follow_through(outcomes: &[Outcome], today: NaiveDate) -> Vec<OrgFollowThrough> {
    let mut by: std::collections::BTreeMap<&str, (OrgFollowThrough, Vec<i64>)> =
        std::collections::BTreeMap::new();
    for o in outcomes {
        let (f, lates) = by.entry(o.organisation.as_str()).or_insert_with(|| {
            (
                OrgFollowThrough {
                    organisation: o.organisation.clone(),
                    ..Default::default()
                },
                Vec::new(),
            )
        });
        f.actions_total += 1;
        match (o.status, o.closed_on) {
            (ActionStatus::Done, Some(closed)) if closed <= o.due => f.closed_on_time += 1,
            (ActionStatus::Done, Some(closed)) => {
                f.closed_late += 1;
                lates.push((closed - o.due).num_days());
            }
            (ActionStatus::Done, None) => f.closed_on_time += 1,
            _ => {
                if is_overdue(o.status, o.due, today) {
                    f.overdue += 1;
                }
            }
        }
    }
    by.into_values()
        .map(|(mut f, mut lates)| {
            lates.sort_unstable();
            f.median_days_late = median(&lates);
            let done = f.closed_on_time + f.closed_late;
            f.on_time_percent =
                (done > 0).then(|| (f.closed_on_time as f64 * 1000.0 / done as f64).round() / 10.0);
            f
        })
        .collect()
}

fn median(sorted: &[i64]) -> Option<f64> {
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[n / 2] as f64),
        n => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

/// Overdue actions by how long they have been overdue.
pub fn ageing(outcomes: &[Outcome], today: NaiveDate) -> Vec<(&'static str, usize)> {
    let bands: [(&str, i64, i64); 4] = [
        ("Up to 2 weeks", 1, 14),
        ("2 to 4 weeks", 15, 28),
        ("1 to 3 months", 29, 91),
        ("Over 3 months", 92, i64::MAX),
    ];
    bands
        .iter()
        .map(|(label, lo, hi)| {
            let n = outcomes
                .iter()
                .filter(|o| is_overdue(o.status, o.due, today))
                .filter(|o| {
                    let d = (today - o.due).num_days();
                    d >= *lo && d <= *hi
                })
                .count();
            (*label, n)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Calendars;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn cal() -> Calendar {
        Calendars::builtin()
            .get("england-and-wales")
            .cloned()
            .unwrap_or_default()
    }

    #[test]
    fn states_move_forward_or_are_dropped() {
        use ActionStatus::*;
        assert!(
            Open.can_become(InProgress) && InProgress.can_become(Done) && Open.can_become(Done)
        );
        assert!(Open.can_become(Dropped) && InProgress.can_become(Dropped));
        assert!(
            !Done.can_become(Open)
                && !Dropped.can_become(InProgress)
                && !InProgress.can_become(Open)
        );
    }

    #[test]
    fn rag_follows_the_due_date_in_working_days() {
        let c = cal();
        // Thursday 26 November 2026.
        let today = d(2026, 11, 26);
        assert_eq!(
            rag(ActionStatus::Open, d(2026, 11, 25), today, &c),
            Rag::Red
        );
        assert_eq!(
            rag(ActionStatus::Open, d(2026, 12, 3), today, &c),
            Rag::Amber,
            "5 working days"
        );
        assert_eq!(
            rag(ActionStatus::Open, d(2026, 12, 4), today, &c),
            Rag::Green,
            "6 working days"
        );
        assert_eq!(
            rag(ActionStatus::Done, d(2026, 11, 1), today, &c),
            Rag::Closed
        );
        // Over Christmas, bank holidays do not count: Christmas Day (Fri 25)
        // and Boxing Day's substitute (Mon 28) leave Wed 23, Thu 24, Tue 29.
        assert_eq!(
            working_days_between(d(2026, 12, 22), d(2026, 12, 29), &c),
            3
        );
    }

    /// The worker looks again on exactly the first day a new reminder is
    /// earned: never later (a reminder would be late) and with nothing new
    /// in between, across weekends, Christmas and Easter.
    #[test]
    fn the_next_look_is_the_first_day_a_new_reminder_is_earned() {
        let cal = cal();
        let today = d(2026, 12, 18);
        for offset in -60..60 {
            let due = today + chrono::Duration::days(offset);
            for status in [ActionStatus::Open, ActionStatus::InProgress] {
                let now = reminders(status, due, today, &cal);
                let next = next_reminder_day(status, due, today, &cal);
                assert!(next > today);
                let mut day = today.succ_opt().expect("day");
                while day < next {
                    let then = reminders(status, due, day, &cal);
                    assert!(
                        then.iter().all(|r| now.contains(r)),
                        "due {due}: {then:?} on {day} before the next look {next}"
                    );
                    day = day.succ_opt().expect("day");
                }
                assert!(
                    reminders(status, due, next, &cal)
                        .iter()
                        .any(|r| !now.contains(r)),
                    "due {due}: nothing new on {next}"
                );
            }
        }
        assert_eq!(
            next_reminder_day(ActionStatus::Done, today, today, &cal),
            today + chrono::Duration::days(366)
        );
        // A long-overdue action is looked at weekly, not daily.
        let old = d(2025, 1, 6);
        let next = next_reminder_day(ActionStatus::Open, old, today, &cal);
        assert_eq!((next - old).num_days() % 7, 0, "{next}");
        assert!((next - today).num_days() <= 7);
    }

    #[test]
    fn reminders_come_before_on_and_after_the_due_date_then_escalate() {
        let c = cal();
        let due = d(2026, 12, 3);
        assert!(
            reminders(ActionStatus::Open, due, d(2026, 11, 25), &c).is_empty(),
            "6 working days before"
        );
        assert_eq!(
            reminders(ActionStatus::Open, due, d(2026, 11, 26), &c),
            vec![Reminder::DueSoon]
        );
        assert_eq!(
            reminders(ActionStatus::Open, due, due, &c),
            vec![Reminder::DueToday]
        );
        assert!(
            reminders(ActionStatus::Open, due, d(2026, 12, 9), &c).is_empty(),
            "6 days late: nothing new"
        );
        assert_eq!(
            reminders(ActionStatus::Open, due, d(2026, 12, 10), &c),
            vec![Reminder::Overdue(1)]
        );
        // 10 working days after Thu 3 Dec is Thu 17 Dec.
        assert_eq!(
            reminders(ActionStatus::InProgress, due, d(2026, 12, 17), &c),
            vec![Reminder::Overdue(2), Reminder::Escalate]
        );
        assert!(reminders(ActionStatus::Done, due, d(2026, 12, 17), &c).is_empty());
    }

    #[test]
    fn follow_through_counts_on_time_late_overdue_and_the_median() {
        let today = d(2026, 11, 26);
        let o = |org: &str, status, due, closed| Outcome {
            organisation: org.into(),
            status,
            due,
            closed_on: closed,
        };
        let list = vec![
            o(
                "County",
                ActionStatus::Done,
                d(2026, 10, 1),
                Some(d(2026, 9, 30)),
            ),
            o(
                "County",
                ActionStatus::Done,
                d(2026, 10, 1),
                Some(d(2026, 10, 5)),
            ),
            o(
                "County",
                ActionStatus::Done,
                d(2026, 10, 1),
                Some(d(2026, 10, 11)),
            ),
            o("County", ActionStatus::Open, d(2026, 11, 1), None),
            o(
                "County",
                ActionStatus::Dropped,
                d(2026, 11, 1),
                Some(d(2026, 11, 2)),
            ),
            o("Police", ActionStatus::InProgress, d(2026, 12, 24), None),
        ];
        let f = follow_through(&list, today);
        assert_eq!(f[0].organisation, "County");
        assert_eq!(
            (
                f[0].actions_total,
                f[0].closed_on_time,
                f[0].closed_late,
                f[0].overdue
            ),
            (5, 1, 2, 1)
        );
        assert_eq!(f[0].median_days_late, Some(7.0));
        assert_eq!(f[0].on_time_percent, Some(33.3));
        assert_eq!(
            (f[1].overdue, f[1].median_days_late, f[1].on_time_percent),
            (0, None, None)
        );
        let ages = ageing(&list, today);
        assert_eq!(ages[2], ("1 to 3 months", 0));
        assert_eq!(ages[1], ("2 to 4 weeks", 1));
    }
}
