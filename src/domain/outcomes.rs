//! "What we achieved": decisions whose actions are all done, grouped by the
//! priority their paper served.

use chrono::{NaiveDate, NaiveDateTime};

/// How a decision's actions stand, as counted by the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionTally {
    pub total: i64,
    /// Done ones; dropped and open ones are not achievements.
    pub done: i64,
    /// The last action's closing day.
    pub last_closed: Option<NaiveDate>,
}

/// A decision is achieved when it has actions and every one is done.
pub fn achieved(t: &ActionTally) -> bool {
    t.total > 0 && t.done == t.total
}

/// One achievement.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub reference: String,
    pub text: String,
    pub body_slug: String,
    pub body_name: String,
    pub meeting_id: String,
    pub decided_at: NaiveDateTime,
    pub achieved_on: Option<NaiveDate>,
    /// The organisations that owned its actions, by name.
    pub organisations: Vec<String>,
    /// The priority its paper served, if any.
    pub priority: Option<String>,
}

/// Outcomes under each priority, priorities by name, then those linked to
/// none; within each, the most recently achieved first.
pub fn by_priority(mut outcomes: Vec<Outcome>) -> Vec<(Option<String>, Vec<Outcome>)> {
    outcomes.sort_by(|a, b| {
        (a.priority.is_none(), &a.priority)
            .cmp(&(b.priority.is_none(), &b.priority))
            .then(b.achieved_on.cmp(&a.achieved_on))
            .then(a.reference.cmp(&b.reference))
    });
    let mut groups: Vec<(Option<String>, Vec<Outcome>)> = Vec::new();
    for o in outcomes {
        match groups.last_mut() {
            Some((p, list)) if *p == o.priority => list.push(o),
            _ => groups.push((o.priority.clone(), vec![o])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(reference: &str, priority: Option<&str>, day: u32) -> Outcome {
        Outcome {
            reference: reference.into(),
            text: String::new(),
            body_slug: "psb".into(),
            body_name: "Board".into(),
            meeting_id: "m".into(),
            decided_at: NaiveDateTime::default(),
            achieved_on: NaiveDate::from_ymd_opt(2026, 10, day),
            organisations: Vec::new(),
            priority: priority.map(str::to_string),
        }
    }

    #[test]
    fn only_decisions_whose_every_action_is_done_count() {
        let tally = |total, done| ActionTally {
            total,
            done,
            last_closed: None,
        };
        assert!(achieved(&tally(3, 3)));
        assert!(!achieved(&tally(3, 2)), "one still open or dropped");
        assert!(!achieved(&tally(0, 0)), "nothing to do is no achievement");
    }

    #[test]
    fn grouped_by_priority_with_the_unlinked_last_and_newest_first() {
        let groups = by_priority(vec![
            outcome("a", None, 1),
            outcome("b", Some("Healthy lives"), 2),
            outcome("c", Some("Ageing well"), 3),
            outcome("d", Some("Healthy lives"), 9),
        ]);
        let shape: Vec<(Option<&str>, Vec<&str>)> = groups
            .iter()
            .map(|(p, l)| {
                (
                    p.as_deref(),
                    l.iter().map(|o| o.reference.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (Some("Ageing well"), vec!["c"]),
                (Some("Healthy lives"), vec!["d", "b"]),
                (None, vec!["a"]),
            ]
        );
    }
}
