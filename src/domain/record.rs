//! Rules of the meeting record that need no storage: who is in the room
//! for an item, given their arrivals and departures; what a vote must add
//! up to before a decision may stand on it.

/// Someone arriving at, or leaving before, an agenda item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Movement {
    /// Arrives in time for the item (absent for the items before it).
    Arrives,
    /// Leaves before the item (absent for it and those after it).
    Leaves,
}

impl Movement {
    pub fn parse(s: &str) -> Option<Movement> {
        match s {
            "arrives" => Some(Movement::Arrives),
            "leaves" => Some(Movement::Leaves),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Movement::Arrives => "arrives",
            Movement::Leaves => "leaves",
        }
    }
}

/// Is someone recorded present at the meeting in the room for the item at
/// `position`? `moves` are their arrivals and departures, each at an
/// item's position, in any order. With none they are there throughout; a
/// first move that is an arrival means they were not there before it.
pub fn in_room(moves: &[(i32, Movement)], position: i32) -> bool {
    let mut sorted = moves.to_vec();
    sorted.sort_by_key(|(p, _)| *p);
    let mut here = sorted.first().is_none_or(|(_, m)| *m != Movement::Arrives);
    for (p, m) in sorted {
        if p > position {
            break;
        }
        here = m == Movement::Arrives;
    }
    here
}

/// How someone in the room attends an item, where an arrival said: the
/// mode of their latest arrival at or before `position` (`None`: as
/// recorded for the meeting). `moves` are (position, movement, mode).
pub fn arrival_mode<'a>(
    moves: &[(i32, Movement, Option<&'a str>)],
    position: i32,
) -> Option<&'a str> {
    moves
        .iter()
        .filter(|(p, m, _)| *p <= position && *m == Movement::Arrives)
        .max_by_key(|(p, _, _)| *p)
        .and_then(|(_, _, mode)| *mode)
}

/// How each person voted, when votes are recorded by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vote {
    For,
    Against,
    Abstain,
}

impl Vote {
    pub fn parse(s: &str) -> Option<Vote> {
        match s {
            "for" => Some(Vote::For),
            "against" => Some(Vote::Against),
            "abstain" => Some(Vote::Abstain),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Vote::For => "for",
            Vote::Against => "against",
            Vote::Abstain => "abstain",
        }
    }
}

/// A vote's count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub for_: i32,
    pub against: i32,
    pub abstain: i32,
}

impl Tally {
    /// The count of votes cast by name.
    pub fn of(votes: &[Vote]) -> Tally {
        let n = |v: Vote| votes.iter().filter(|x| **x == v).count() as i32;
        Tally {
            for_: n(Vote::For),
            against: n(Vote::Against),
            abstain: n(Vote::Abstain),
        }
    }

    pub fn total(self) -> i32 {
        self.for_ + self.against + self.abstain
    }
}

/// Why a vote cannot carry a decision, if it cannot: (code, message).
/// `voters` is how many in the room may vote on the item.
pub fn vote_problem(t: Tally, voters: usize) -> Option<(&'static str, String)> {
    if t.for_ < 0 || t.against < 0 || t.abstain < 0 {
        return Some((
            "negative",
            "A vote's counts are whole numbers, 0 or more.".into(),
        ));
    }
    if t.total() as usize > voters {
        return Some((
            "more_than_present",
            format!(
                "{} votes were recorded, but only {voters} {} in the room may vote on this item.",
                t.total(),
                if voters == 1 { "member" } else { "members" }
            ),
        ));
    }
    if t.for_ <= t.against {
        return Some((
            "not_carried",
            format!(
                "With {} for and {} against the motion was not carried, so there is no decision to record: note it on the item instead. Where the chair's casting vote carried it, count it among those for.",
                t.for_, t.against
            ),
        ));
    }
    None
}

/// The day the rapid decision note falls due: `n` working days after the
/// meeting's day (London date).
pub fn decision_note_due(
    meeting_day: chrono::NaiveDate,
    n: u32,
    cal: &super::calendar::Calendar,
) -> chrono::NaiveDate {
    cal.working_days_after(meeting_day, n)
}

/// The day the secretariat is reminded of the note: the working day
/// before it falls due (the meeting's day itself, if that comes first,
/// is too early: the meeting has to have happened).
pub fn decision_note_reminder_day(
    meeting_day: chrono::NaiveDate,
    due: chrono::NaiveDate,
    cal: &super::calendar::Calendar,
) -> chrono::NaiveDate {
    cal.working_days_before(due, 1).max(meeting_day)
}

#[cfg(test)]
mod tests {
    use super::Movement::{Arrives, Leaves};
    use super::*;

    #[test]
    fn someone_without_movements_is_there_for_every_item() {
        assert!(in_room(&[], 1));
        assert!(in_room(&[], 9));
    }

    #[test]
    fn a_late_arrival_misses_the_items_before_it() {
        let late = [(3, Arrives)];
        assert!(!in_room(&late, 1));
        assert!(!in_room(&late, 2));
        assert!(in_room(&late, 3));
        assert!(in_room(&late, 7));
    }

    #[test]
    fn someone_who_leaves_misses_that_item_and_the_rest() {
        let early = [(4, Leaves)];
        assert!(in_room(&early, 3));
        assert!(!in_room(&early, 4));
        assert!(!in_room(&early, 5));
    }

    #[test]
    fn leaving_and_coming_back_misses_only_the_items_between() {
        // Recorded out of order: the order of the agenda decides.
        let out_and_back = [(6, Arrives), (4, Leaves)];
        assert!(in_room(&out_and_back, 3));
        assert!(!in_room(&out_and_back, 4));
        assert!(!in_room(&out_and_back, 5));
        assert!(in_room(&out_and_back, 6));
    }

    #[test]
    fn an_arrival_says_how_they_attend_from_then_on() {
        let moves = [
            (3, Arrives, Some("remote")),
            (5, Leaves, None),
            (6, Arrives, Some("in_person")),
        ];
        assert_eq!(arrival_mode(&moves, 2), None, "as recorded for the meeting");
        assert_eq!(arrival_mode(&moves, 4), Some("remote"));
        assert_eq!(arrival_mode(&moves, 7), Some("in_person"));
        assert_eq!(arrival_mode(&[(3, Arrives, None)], 4), None);
    }

    #[test]
    fn a_vote_is_carried_by_more_for_than_against() {
        let t = Tally {
            for_: 5,
            against: 2,
            abstain: 1,
        };
        assert_eq!(vote_problem(t, 8), None);
    }

    #[test]
    fn a_tied_or_lost_vote_carries_no_decision() {
        let tie = Tally {
            for_: 3,
            against: 3,
            abstain: 0,
        };
        assert_eq!(vote_problem(tie, 6).map(|p| p.0), Some("not_carried"));
        let lost = Tally {
            for_: 1,
            against: 4,
            abstain: 0,
        };
        assert_eq!(vote_problem(lost, 6).map(|p| p.0), Some("not_carried"));
    }

    #[test]
    fn more_votes_than_voters_in_the_room_is_refused() {
        let t = Tally {
            for_: 5,
            against: 1,
            abstain: 0,
        };
        let p = vote_problem(t, 4).expect("refused");
        assert_eq!(p.0, "more_than_present");
        assert!(p.1.contains("only 4 members"), "{}", p.1);
        let negative = Tally {
            for_: 3,
            against: -1,
            abstain: 0,
        };
        assert_eq!(vote_problem(negative, 4).map(|p| p.0), Some("negative"));
    }

    fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    #[test]
    fn the_decision_note_falls_due_working_days_after_the_meeting() {
        let cals = crate::domain::calendar::Calendars::builtin();
        let cal = cals.get("england-and-wales").expect("built in");
        // Thursday 10 December 2026: two working days on is Monday 14th.
        let thursday = day(2026, 12, 10);
        assert_eq!(decision_note_due(thursday, 2, cal), day(2026, 12, 14));
        assert_eq!(
            decision_note_reminder_day(thursday, day(2026, 12, 14), cal),
            day(2026, 12, 11)
        );
        // Tuesday 22 December: Christmas and Boxing Day (moved to Monday
        // 28th) are not working days; the 23rd and 24th are.
        assert_eq!(
            decision_note_due(day(2026, 12, 22), 2, cal),
            day(2026, 12, 24)
        );
        assert_eq!(
            decision_note_due(day(2026, 12, 24), 2, cal),
            day(2026, 12, 30)
        );
        // A Welsh community council's seven working days.
        assert_eq!(decision_note_due(thursday, 7, cal), day(2026, 12, 21));
        // With one working day, the reminder is on the meeting's day.
        assert_eq!(
            decision_note_reminder_day(thursday, decision_note_due(thursday, 1, cal), cal),
            thursday
        );
    }

    #[test]
    fn named_votes_are_counted() {
        let t = Tally::of(&[Vote::For, Vote::For, Vote::Against, Vote::Abstain]);
        assert_eq!((t.for_, t.against, t.abstain), (2, 1, 1));
    }
}
