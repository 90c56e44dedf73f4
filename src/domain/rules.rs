//! The law a body runs under: its rule profile. Each profile sets the notice
//! period, the catalogue of exempt information, the quorum rule and whether
//! remote attendance counts. A body's own policy numbers still override the
//! profile's notice period.
//!
//! The paragraph texts are short plain-English summaries of the statute; the
//! sources named with each profile hold the words that bind.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One of the rule profiles a body may run under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Local Government Act 1972 Part VA, as it applies in England.
    England,
    /// Local Government Act 1972 Part VA, as it applies in Wales.
    Wales,
    /// A Public Services Board under the Well-being of Future Generations
    /// (Wales) Act 2015, Part 4.
    WalesPsb,
    /// Local Government (Scotland) Act 1973, Part IIIA.
    Scotland,
    /// Public Bodies (Admission to Meetings) Act 1960 (NHS bodies).
    Nhs1960,
}

/// How a meeting's quorum is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuorumRule {
    /// A third of the voting members, rounded up, and at least 3.
    ThirdAtLeastThree,
    /// Every statutory member, present themselves or by their designated
    /// substitute.
    AllStatutoryMembers,
}

/// Whether someone attending remotely counts towards quorum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemoteRule {
    /// Only those physically present count.
    InPersonOnly,
    /// Remote attendance counts; the notice says how to attend remotely.
    Counts,
    /// As the body's standing orders say (its policy flag).
    StandingOrders,
}

/// A statute or judgment a profile rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub title: &'static str,
    pub url: &'static str,
}

const SCHEDULE_12A_WALES: [(i32, &str); 7] = [
    (12, "Information relating to a particular individual."),
    (
        13,
        "Information which is likely to reveal the identity of an individual.",
    ),
    (
        14,
        "Information relating to the financial or business affairs of any particular person (including the authority holding that information).",
    ),
    (
        15,
        "Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.",
    ),
    (
        16,
        "Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.",
    ),
    (
        17,
        "Information which reveals that the authority proposes to give under any enactment a notice imposing requirements on a person, or to make an order or direction under any enactment.",
    ),
    (
        18,
        "Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.",
    ),
];

const SCHEDULE_7A_SCOTLAND: [(i32, &str); 15] = [
    (
        1,
        "Information relating to a particular employee, former employee or applicant to become an employee of, or a particular office-holder, former office-holder or applicant to become an office-holder under, the authority.",
    ),
    (
        2,
        "Information relating to a particular employee, former employee or applicant to become an employee of, or a particular officer, former officer or applicant to become an officer appointed by, a magistrate or another body the authority serves.",
    ),
    (
        3,
        "Information relating to any particular occupier or former occupier of, or applicant for, accommodation provided by or at the expense of the authority.",
    ),
    (
        4,
        "Information relating to any particular applicant for, or recipient or former recipient of, any service provided by the authority.",
    ),
    (
        5,
        "Information relating to any particular applicant for, or recipient or former recipient of, any financial assistance provided by the authority.",
    ),
    (
        6,
        "Information relating to the financial or business affairs of any particular person (other than the authority).",
    ),
    (
        7,
        "Information relating to anything done or to be done in respect of any particular person for the purposes of any of the matters referred to in section 5(1) of the Social Work (Scotland) Act 1968, or about the adoption, care, fostering or education of any particular child.",
    ),
    (
        8,
        "The amount of any expenditure proposed to be incurred by the authority under any particular contract for the acquisition of property or the supply of goods or services.",
    ),
    (
        9,
        "Any terms proposed or to be proposed by or to the authority in the course of negotiations for a contract for the acquisition or disposal of property or the supply of goods or services.",
    ),
    (
        10,
        "The identity of the authority (as well as of any other person) as the person offering any particular tender for a contract for the supply of goods or services.",
    ),
    (
        11,
        "Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office-holders under, the authority.",
    ),
    (
        12,
        "Any instructions to counsel and any opinion of counsel, and any advice received, information obtained or action to be taken in connection with legal proceedings by or against the authority, or the determination of any matter affecting it.",
    ),
    (
        13,
        "Information which, if disclosed, would reveal that the authority proposes to give under any enactment a notice imposing requirements on a person, or to make an order or direction under any enactment.",
    ),
    (
        14,
        "Any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.",
    ),
    (15, "The identity of a protected informant."),
];

/// The 1960 Act has no catalogue: the public is excluded by a resolution
/// on one of the grounds of section 1(2), stating its reasons.
const SECTION_1_2_NHS: [(i32, &str); 2] = [
    (
        1,
        "Publicity would be prejudicial to the public interest by reason of the confidential nature of the business to be transacted.",
    ),
    (
        2,
        "Publicity would be prejudicial to the public interest for other special reasons, stated in the resolution and arising from the nature of that business or of the proceedings.",
    ),
];

const LGA_1972_PART_VA: Source = Source {
    title: "Local Government Act 1972, Part VA (access to meetings and documents)",
    url: "https://www.legislation.gov.uk/ukpga/1972/70/part/VA",
};
const LGA_1972_SCHEDULE_12A: Source = Source {
    title: "Local Government Act 1972, Schedule 12A (exempt information)",
    url: "https://www.legislation.gov.uk/ukpga/1972/70/schedule/12A",
};
const HERTFORDSHIRE: Source = Source {
    title: "Hertfordshire County Council v Secretary of State for Housing, Communities and Local Government [2021] EWHC 1093 (Admin)",
    url: "https://www.bailii.org/ew/cases/EWHC/Admin/2021/1093.html",
};
const LGEW_2021: Source = Source {
    title: "Local Government and Elections (Wales) Act 2021, sections 46 to 47 (remote attendance and electronic access)",
    url: "https://www.legislation.gov.uk/asc/2021/1/part/3",
};
const WFGA_2015: Source = Source {
    title: "Well-being of Future Generations (Wales) Act 2015, Part 4 and Schedule 3 (Public Services Boards)",
    url: "https://www.legislation.gov.uk/anaw/2015/2/schedule/3",
};
const LGSA_1973_PART_IIIA: Source = Source {
    title: "Local Government (Scotland) Act 1973, Part IIIA and Schedule 7A (access to meetings and exempt information)",
    url: "https://www.legislation.gov.uk/ukpga/1973/65/part/IIIA",
};
const PBAMA_1960: Source = Source {
    title: "Public Bodies (Admission to Meetings) Act 1960, section 1",
    url: "https://www.legislation.gov.uk/ukpga/Eliz2/8-9/67/section/1",
};

impl Profile {
    pub const ALL: [Profile; 5] = [
        Profile::England,
        Profile::Wales,
        Profile::WalesPsb,
        Profile::Scotland,
        Profile::Nhs1960,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Profile::England => "england",
            Profile::Wales => "wales",
            Profile::WalesPsb => "wales-psb",
            Profile::Scotland => "scotland",
            Profile::Nhs1960 => "nhs-1960",
        }
    }

    pub fn parse(s: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// "england, wales, wales-psb, scotland or nhs-1960", for messages.
    pub fn choices() -> String {
        let names: Vec<&str> = Profile::ALL.iter().map(|p| p.as_str()).collect();
        match names.split_last() {
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }

    /// Welsh law: the Welsh Language Standards apply, so what the body
    /// publishes is bilingual unless its policy says otherwise.
    pub fn is_welsh(self) -> bool {
        matches!(self, Profile::Wales | Profile::WalesPsb)
    }

    /// Clear days between the notice (the agenda open to inspection) and
    /// the meeting.
    pub fn notice_clear_days(self) -> i32 {
        match self {
            Profile::England => 5,
            Profile::Wales | Profile::WalesPsb | Profile::Scotland | Profile::Nhs1960 => 3,
        }
    }

    /// The exempt paragraphs a confidential item may cite, with their text.
    pub fn catalogue(self) -> &'static [(i32, &'static str)] {
        match self {
            Profile::England => &super::exempt::CATEGORIES,
            Profile::Wales | Profile::WalesPsb => &SCHEDULE_12A_WALES,
            Profile::Scotland => &SCHEDULE_7A_SCOTLAND,
            Profile::Nhs1960 => &SECTION_1_2_NHS,
        }
    }

    /// The text of a paragraph of this profile's catalogue.
    pub fn paragraph(self, n: i32) -> Option<&'static str> {
        self.catalogue()
            .iter()
            .find(|(c, _)| *c == n)
            .map(|(_, t)| *t)
    }

    /// The text of a paragraph in `lang`: the Welsh rules' paragraphs have
    /// their Welsh text (the Welsh Order is made in both languages); other
    /// rules' stay in English, the only language they are made in.
    pub fn paragraph_in(self, n: i32, lang: crate::i18n::Lang) -> Option<String> {
        let english = self.paragraph(n)?;
        let key = match (self, n) {
            (Profile::Wales | Profile::WalesPsb, 12) => "rules-wales-12",
            (Profile::Wales | Profile::WalesPsb, 13) => "rules-wales-13",
            (Profile::Wales | Profile::WalesPsb, 14) => "rules-wales-14",
            (Profile::Wales | Profile::WalesPsb, 15) => "rules-wales-15",
            (Profile::Wales | Profile::WalesPsb, 16) => "rules-wales-16",
            (Profile::Wales | Profile::WalesPsb, 17) => "rules-wales-17",
            (Profile::Wales | Profile::WalesPsb, 18) => "rules-wales-18",
            _ => return Some(english.to_string()),
        };
        Some(crate::i18n::text(lang, key))
    }

    /// What a paragraph is called: "Schedule 12A, paragraph 14".
    pub fn cite(self, n: i32) -> String {
        let key = match self {
            Profile::England | Profile::Wales | Profile::WalesPsb => "rules-cite-12a",
            Profile::Scotland => "rules-cite-7a",
            Profile::Nhs1960 => "rules-cite-1960",
        };
        crate::i18n::text_with(
            crate::i18n::current(),
            key,
            &[("n", crate::i18n::Arg::Number(i64::from(n)))],
        )
    }

    /// A paragraph's short name on agendas and papers: "category 3" in
    /// England (as its agendas have always said), the citation elsewhere.
    pub fn label(self, n: i32) -> String {
        match self {
            Profile::England => crate::i18n::text_with(
                crate::i18n::current(),
                "rules-label-category",
                &[("n", crate::i18n::Arg::Number(i64::from(n)))],
            ),
            _ => self.cite(n),
        }
    }

    /// "12 to 18", for messages naming the allowed paragraphs (in the
    /// reader's language).
    pub fn allowed(self) -> String {
        let c = self.catalogue();
        match (c.first(), c.last()) {
            (Some((a, _)), Some((b, _))) => crate::i18n::say_args(
                "rules-paragraph-range",
                &[
                    ("first", crate::i18n::Arg::Number(i64::from(*a))),
                    ("last", crate::i18n::Arg::Number(i64::from(*b))),
                ],
            ),
            _ => String::new(),
        }
    }

    /// A confidential item must record why the public interest in keeping
    /// it private outweighs the interest in disclosing it.
    pub fn records_public_interest_test(self) -> bool {
        matches!(self, Profile::Wales | Profile::WalesPsb)
    }

    /// Whether the exclusion must state its reasons in words (the 1960 Act).
    pub fn exclusion_states_reasons(self) -> bool {
        matches!(self, Profile::Nhs1960)
    }

    pub fn quorum_rule(self) -> QuorumRule {
        match self {
            Profile::WalesPsb => QuorumRule::AllStatutoryMembers,
            _ => QuorumRule::ThirdAtLeastThree,
        }
    }

    pub fn remote_rule(self) -> RemoteRule {
        match self {
            Profile::England => RemoteRule::InPersonOnly,
            Profile::Wales | Profile::WalesPsb => RemoteRule::Counts,
            Profile::Scotland | Profile::Nhs1960 => RemoteRule::StandingOrders,
        }
    }

    /// The bank holidays a body under this profile usually keeps.
    pub fn holiday_calendar(self) -> &'static str {
        match self {
            Profile::Scotland => "scotland",
            _ => "england-and-wales",
        }
    }

    /// The statutes and judgments the profile rests on.
    pub fn sources(self) -> Vec<Source> {
        match self {
            Profile::England => vec![LGA_1972_PART_VA, LGA_1972_SCHEDULE_12A, HERTFORDSHIRE],
            Profile::Wales => vec![LGA_1972_PART_VA, LGA_1972_SCHEDULE_12A, LGEW_2021],
            Profile::WalesPsb => vec![
                WFGA_2015,
                LGA_1972_PART_VA,
                LGA_1972_SCHEDULE_12A,
                LGEW_2021,
            ],
            Profile::Scotland => vec![LGSA_1973_PART_IIIA],
            Profile::Nhs1960 => vec![PBAMA_1960],
        }
    }
}

/// Why an exempt paragraph cannot be used by a body: the message names the
/// paragraphs its profile allows. `None` when the paragraph is allowed.
pub fn paragraph_problem(profile: Profile, n: i32) -> Option<String> {
    if profile.paragraph(n).is_some() {
        return None;
    }
    use crate::i18n::{Arg, say_args};
    let args = [
        ("n", Arg::Number(i64::from(n))),
        ("allowed", Arg::Text(&profile.allowed())),
    ];
    Some(say_args(
        match profile {
            Profile::Nhs1960 => "err-rules-paragraph-nhs",
            Profile::Scotland => "err-rules-paragraph-scotland",
            Profile::England => "err-rules-paragraph-england",
            _ => "err-rules-paragraph-wales",
        },
        &args,
    ))
}

/// The quorum a meeting needs and whether those present meet it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quorum {
    /// Those who count towards quorum (voting or statutory members).
    pub members: usize,
    pub needed: usize,
    pub present: usize,
    pub met: bool,
    /// Why it can never be met (a warning for the body page), if so.
    pub impossible: Option<String>,
}

/// One member who counts towards quorum, and how they attend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    /// A statutory member (counts for `AllStatutoryMembers`).
    pub statutory: bool,
    /// Present themselves, in person.
    pub in_person: bool,
    /// Present themselves, remotely.
    pub remote: bool,
    /// Represented by their designated substitute (in person or remotely).
    pub by_substitute: bool,
}

/// Whether someone attending remotely counts as present (for quorum, and
/// so may vote) under `profile`, given the body's standing-orders flag.
pub fn remote_attendance_counts(profile: Profile, standing_orders: bool) -> bool {
    match profile.remote_rule() {
        RemoteRule::InPersonOnly => false,
        RemoteRule::Counts => true,
        RemoteRule::StandingOrders => standing_orders,
    }
}

/// Whether the seats present make the meeting quorate under `profile`.
/// `remote_counts` is the body's standing-orders flag where the profile
/// leaves it to them.
pub fn quorum(profile: Profile, seats: &[Seat], remote_counts: bool) -> Quorum {
    let remote_ok = remote_attendance_counts(profile, remote_counts);
    let present_seat = |s: &Seat| s.in_person || (remote_ok && s.remote) || s.by_substitute;
    match profile.quorum_rule() {
        QuorumRule::ThirdAtLeastThree => {
            let members = seats.len();
            let needed = members.div_ceil(3).max(3);
            let present = seats.iter().filter(|s| present_seat(s)).count();
            Quorum {
                members,
                needed,
                present,
                met: present >= needed,
                impossible: (members < needed).then(|| {
                    crate::i18n::say_args(
                        "quorum-too-few-voting",
                        &[("count", crate::i18n::Arg::count(members))],
                    )
                }),
            }
        }
        QuorumRule::AllStatutoryMembers => {
            let statutory: Vec<&Seat> = seats.iter().filter(|s| s.statutory).collect();
            let members = statutory.len();
            let present = statutory.iter().filter(|s| present_seat(s)).count();
            Quorum {
                members,
                needed: members,
                present,
                met: members > 0 && present == members,
                impossible: (members == 0).then(|| crate::i18n::say("quorum-no-statutory-members")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seat(statutory: bool, how: &str) -> Seat {
        Seat {
            statutory,
            in_person: how == "in person",
            remote: how == "remote",
            by_substitute: how == "substitute",
        }
    }

    #[test]
    fn every_profile_reads_back_from_its_name() {
        for p in Profile::ALL {
            assert_eq!(Profile::parse(p.as_str()), Some(p));
            assert!(!p.sources().is_empty());
        }
        assert_eq!(Profile::parse("England"), None);
        assert_eq!(
            Profile::choices(),
            "england, wales, wales-psb, scotland or nhs-1960"
        );
    }

    #[test]
    fn notice_periods_follow_the_statutes() {
        let days: Vec<i32> = Profile::ALL.iter().map(|p| p.notice_clear_days()).collect();
        assert_eq!(days, vec![5, 3, 3, 3, 3]);
    }

    /// Publication day for a meeting on Thursday 7 January 2027 under each
    /// profile, with its own bank holidays: 1 January everywhere, and 4
    /// January (for 2 January) in Scotland only; 28 December everywhere.
    #[test]
    fn each_profile_times_publication_with_its_own_notice_and_holidays() {
        use crate::domain::calendar::Calendars;
        use crate::domain::policy::{Policy, PolicyInput};
        use crate::domain::timeline::{Rules, compute};
        use crate::domain::validate::Problems;
        let cals = Calendars::builtin();
        let meeting = chrono::NaiveDate::from_ymd_opt(2027, 1, 7).unwrap_or_default();
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let mut problems = Problems::new();
        let published = |p: Profile, problems: &mut Problems| {
            let policy = PolicyInput {
                rules: Some(p.as_str().into()),
                ..Default::default()
            }
            .apply(&Policy::default(), problems);
            let cal = cals
                .get(&policy.holiday_calendar)
                .cloned()
                .unwrap_or_default();
            compute(meeting, &Rules::from_policy(&policy), &cal).publication_day
        };
        // England: 5 clear working days (29, 30, 31 Dec, 4, 5, 6 Jan less
        // the 1st): Tuesday 29 December.
        assert_eq!(
            published(Profile::England, &mut problems),
            day(2026, 12, 29)
        );
        // Wales, a PSB and the NHS: 3 clear working days (31 Dec, 4, 5, 6
        // Jan): Thursday 31 December.
        for p in [Profile::Wales, Profile::WalesPsb, Profile::Nhs1960] {
            assert_eq!(published(p, &mut problems), day(2026, 12, 31), "{p:?}");
        }
        // Scotland: 3 clear days, but 4 January is a holiday there too:
        // Wednesday 30 December.
        assert_eq!(
            published(Profile::Scotland, &mut problems),
            day(2026, 12, 30)
        );
        assert!(problems.is_empty());
    }

    #[test]
    fn each_catalogue_has_its_own_paragraphs() {
        assert_eq!(Profile::England.allowed(), "1 to 7");
        assert_eq!(Profile::Wales.allowed(), "12 to 18");
        assert_eq!(Profile::WalesPsb.allowed(), "12 to 18");
        assert_eq!(Profile::Scotland.allowed(), "1 to 15");
        assert!(Profile::England.paragraph(3).is_some());
        assert!(Profile::England.paragraph(14).is_none());
        assert!(Profile::Wales.paragraph(3).is_none());
        assert!(Profile::Wales.paragraph(14).is_some());
        // The Welsh rules' paragraphs read in Welsh, word for word in English.
        for n in 12..=18 {
            let en = Profile::Wales.paragraph_in(n, crate::i18n::Lang::English);
            assert_eq!(en.as_deref(), Profile::Wales.paragraph(n), "paragraph {n}");
            assert_ne!(Profile::Wales.paragraph_in(n, crate::i18n::Lang::Welsh), en);
        }
        assert_eq!(Profile::Wales.cite(14), "Schedule 12A, paragraph 14");
        assert_eq!(Profile::Scotland.cite(15), "Schedule 7A, paragraph 15");
    }

    #[test]
    fn a_paragraph_from_another_catalogue_names_the_allowed_ones() {
        assert_eq!(paragraph_problem(Profile::Wales, 14), None);
        let msg = paragraph_problem(Profile::Wales, 3).unwrap_or_default();
        assert!(msg.contains("12 to 18"), "{msg}");
        let msg = paragraph_problem(Profile::England, 14).unwrap_or_default();
        assert!(msg.contains("1 to 7"), "{msg}");
        let msg = paragraph_problem(Profile::Nhs1960, 5).unwrap_or_default();
        assert!(msg.contains("ground 1"), "{msg}");
    }

    #[test]
    fn only_wales_records_the_public_interest_test() {
        let wales: Vec<Profile> = Profile::ALL
            .into_iter()
            .filter(|p| p.records_public_interest_test())
            .collect();
        assert_eq!(wales, vec![Profile::Wales, Profile::WalesPsb]);
    }

    #[test]
    fn in_england_remote_members_do_not_count() {
        let seats = vec![
            seat(false, "in person"),
            seat(false, "in person"),
            seat(false, "remote"),
            seat(false, "absent"),
        ];
        let q = quorum(Profile::England, &seats, true);
        assert_eq!((q.needed, q.present, q.met), (3, 2, false));
        let q = quorum(Profile::Wales, &seats, false);
        assert_eq!((q.needed, q.present, q.met), (3, 3, true));
        // Scotland and the NHS follow the body's standing orders.
        assert!(!quorum(Profile::Scotland, &seats, false).met);
        assert!(quorum(Profile::Scotland, &seats, true).met);
        assert!(quorum(Profile::Nhs1960, &seats, true).met);
    }

    #[test]
    fn a_third_rounded_up_and_at_least_three() {
        let many = |n: usize| vec![seat(false, "in person"); n];
        assert_eq!(quorum(Profile::England, &many(10), false).needed, 4);
        assert_eq!(quorum(Profile::England, &many(13), false).needed, 5);
        assert_eq!(quorum(Profile::England, &many(6), false).needed, 3);
        assert!(
            quorum(Profile::England, &many(2), false)
                .impossible
                .is_some()
        );
    }

    #[test]
    fn a_psb_needs_every_statutory_member_or_their_substitute() {
        let mut seats = vec![
            seat(true, "in person"),
            seat(true, "remote"),
            seat(true, "in person"),
            seat(true, "absent"),
            seat(false, "absent"),
        ];
        let q = quorum(Profile::WalesPsb, &seats, false);
        assert_eq!((q.members, q.needed, q.present, q.met), (4, 4, 3, false));
        seats[3] = seat(true, "substitute");
        let q = quorum(Profile::WalesPsb, &seats, false);
        assert_eq!((q.members, q.needed, q.present, q.met), (4, 4, 4, true));
        assert_eq!(q.impossible, None);
    }

    #[test]
    fn a_psb_without_statutory_members_warns_instead_of_crashing() {
        let q = quorum(Profile::WalesPsb, &[seat(false, "in person")], false);
        assert!(!q.met);
        assert!(q.impossible.is_some_and(|w| w.contains("never be quorate")));
    }
}
