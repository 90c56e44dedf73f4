//! What each person wants Quorate to email them. Every message is one of
//! four classes: account mail, statutory notices and requests to act are
//! always sent at once; routine mail belongs to a topic a person may turn
//! off, and may wait for their daily digest.

use std::collections::BTreeSet;

/// A kind of routine mail a person may turn off (each message of the kind
/// carries a `List-Unsubscribe` link for it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    /// A meeting was scheduled: its deadlines and how to submit.
    Calls,
    /// Paper, sign-off and action reminders, and escalations.
    Reminders,
    /// Minutes circulated, proposal outcomes, referrals, withdrawn actions.
    Updates,
    /// The secretariat's weekly digest.
    Weekly,
}

impl Topic {
    pub const ALL: [Topic; 4] = [
        Topic::Calls,
        Topic::Reminders,
        Topic::Updates,
        Topic::Weekly,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Topic::Calls => "calls",
            Topic::Reminders => "reminders",
            Topic::Updates => "updates",
            Topic::Weekly => "weekly",
        }
    }

    pub fn parse(s: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.key() == s)
    }

    /// Whether it may wait for the daily digest (the weekly digest is one
    /// already).
    fn digestible(self) -> bool {
        self != Topic::Weekly
    }
}

/// Why a message is sent, which decides whether a person can stop it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Invitations and password mail: always sent at once.
    Account,
    /// Notice of a meeting (agenda published, a meeting moved or
    /// cancelled): members must be given it, so nobody can turn it off.
    Statutory,
    /// Asks the recipient to act on their own work now (approve a late
    /// paper, sign one off, a paper returned): always sent at once.
    Direct,
    /// Everything else: may be turned off, or held for the daily digest.
    Routine(Topic),
    /// The daily digest of held routine mail; its unsubscribe link stops
    /// all routine mail.
    Digest,
}

/// The class of a message, by its template. A template not named here is
/// sent at once: never silently held back.
pub fn class(template: &str) -> Class {
    match template {
        "invitation" | "password_reset" | "password_changed" => Class::Account,
        "agenda_published" | "meeting_changed" => Class::Statutory,
        "call_for_papers" => Class::Routine(Topic::Calls),
        "paper_reminder" | "sign_off_reminder" | "action_reminder" | "action_escalated" => {
            Class::Routine(Topic::Reminders)
        }
        "minutes_circulated" | "proposal_outcome" | "referral" | "action_withdrawn" => {
            Class::Routine(Topic::Updates)
        }
        "secretariat_digest" => Class::Routine(Topic::Weekly),
        DAILY_DIGEST => Class::Digest,
        _ => Class::Direct,
    }
}

/// The template of the daily digest.
pub const DAILY_DIGEST: &str = "daily_digest";

/// How routine mail reaches a person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Delivery {
    /// Each message as it happens.
    #[default]
    Immediate,
    /// Held, and sent together once a day.
    Daily,
}

impl Delivery {
    pub fn key(self) -> &'static str {
        match self {
            Delivery::Immediate => "immediate",
            Delivery::Daily => "daily",
        }
    }

    pub fn parse(s: &str) -> Option<Delivery> {
        match s {
            "immediate" => Some(Delivery::Immediate),
            "daily" => Some(Delivery::Daily),
            _ => None,
        }
    }
}

/// One person's choices. The default sends everything as it happens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preferences {
    pub delivery: Delivery,
    pub off: BTreeSet<Topic>,
}

impl Preferences {
    /// Read from storage; unknown words (from a later version) are ignored.
    pub fn from_stored(delivery: &str, topics_off: &str) -> Preferences {
        Preferences {
            delivery: Delivery::parse(delivery).unwrap_or_default(),
            off: topics_off.split(',').filter_map(Topic::parse).collect(),
        }
    }

    /// The topics turned off, as stored: comma-separated keys.
    pub fn stored_off(&self) -> String {
        self.off
            .iter()
            .map(|t| t.key())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// What becomes of a message for a person with these preferences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Send,
    /// Kept for the daily digest.
    Hold,
    /// Not queued: the person turned its topic off.
    Drop,
}

pub fn route(prefs: &Preferences, class: Class) -> Route {
    match class {
        Class::Routine(topic) if prefs.off.contains(&topic) => Route::Drop,
        Class::Routine(topic) if prefs.delivery == Delivery::Daily && topic.digestible() => {
            Route::Hold
        }
        _ => Route::Send,
    }
}

/// What a `List-Unsubscribe` link stops: one topic, or (from the daily
/// digest) all routine mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    Topic(Topic),
    Everything,
}

impl Stop {
    /// The link a message of this class carries, if any: account mail,
    /// statutory notices and requests to act carry none.
    pub fn for_class(class: Class) -> Option<Stop> {
        match class {
            Class::Routine(topic) => Some(Stop::Topic(topic)),
            Class::Digest => Some(Stop::Everything),
            Class::Account | Class::Statutory | Class::Direct => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Stop::Topic(t) => t.key(),
            Stop::Everything => "all",
        }
    }

    pub fn parse(s: &str) -> Option<Stop> {
        match s {
            "all" => Some(Stop::Everything),
            _ => Topic::parse(s).map(Stop::Topic),
        }
    }

    /// The preferences after following the link.
    pub fn apply(self, prefs: &Preferences) -> Preferences {
        let mut next = prefs.clone();
        match self {
            Stop::Topic(t) => {
                next.off.insert(t);
            }
            Stop::Everything => next.off.extend(Topic::ALL),
        }
        next
    }
}

/// The words a person may send to turn mail off that name no routine
/// topic: statutory notices, which members cannot refuse.
pub fn statutory_word(s: &str) -> bool {
    matches!(
        s,
        "agenda" | "agendas" | "notices" | "meetings" | "statutory"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefs(delivery: Delivery, off: &[Topic]) -> Preferences {
        Preferences {
            delivery,
            off: off.iter().copied().collect(),
        }
    }

    #[test]
    fn statutory_notices_and_account_mail_always_go_at_once() {
        let everything_off = prefs(Delivery::Daily, &Topic::ALL);
        for template in [
            "agenda_published",
            "meeting_changed",
            "invitation",
            "password_reset",
            "late_paper",
            "paper_returned",
            "signoff_requested",
            "something_new",
        ] {
            assert_eq!(
                route(&everything_off, class(template)),
                Route::Send,
                "{template}"
            );
            assert_eq!(Stop::for_class(class(template)), None, "{template}");
        }
    }

    #[test]
    fn routine_mail_is_held_for_the_daily_digest_or_dropped_when_turned_off() {
        let daily = prefs(Delivery::Daily, &[Topic::Calls]);
        assert_eq!(route(&daily, class("call_for_papers")), Route::Drop);
        assert_eq!(route(&daily, class("paper_reminder")), Route::Hold);
        assert_eq!(route(&daily, class("minutes_circulated")), Route::Hold);
        // The weekly digest is a digest already; the daily digest is sent.
        assert_eq!(route(&daily, class("secretariat_digest")), Route::Send);
        assert_eq!(route(&daily, class(DAILY_DIGEST)), Route::Send);
        let immediate = Preferences::default();
        assert_eq!(route(&immediate, class("paper_reminder")), Route::Send);
    }

    #[test]
    fn the_digest_link_stops_all_routine_mail_and_nothing_else() {
        let after = Stop::Everything.apply(&Preferences::default());
        assert_eq!(after.off.len(), Topic::ALL.len());
        assert_eq!(route(&after, class("agenda_published")), Route::Send);
        assert_eq!(route(&after, class("action_reminder")), Route::Drop);
        let one = Stop::Topic(Topic::Reminders).apply(&Preferences::default());
        assert_eq!(one.stored_off(), "reminders");
    }

    #[test]
    fn stored_words_read_back_and_unknown_ones_are_ignored() {
        let p = Preferences::from_stored("daily", "weekly,calls,carrier-pigeon");
        assert_eq!(p.delivery, Delivery::Daily);
        assert_eq!(p.stored_off(), "calls,weekly");
        assert_eq!(Preferences::from_stored("", ""), Preferences::default());
        for stop in ["all", "calls", "reminders", "updates", "weekly"] {
            assert_eq!(Stop::parse(stop).map(Stop::key), Some(stop));
        }
        assert_eq!(Stop::parse("agenda"), None);
        assert!(statutory_word("agenda"));
    }
}
