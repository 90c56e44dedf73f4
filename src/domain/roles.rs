//! Roles in a body, and what each may do.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Chair,
    ViceChair,
    /// A member named in statute (a Welsh Public Services Board's local
    /// authority, health board, fire authority, Natural Resources Wales).
    StatutoryMember,
    Member,
    /// Named for a statutory member, with authority to decide for their
    /// organisation when standing in.
    DesignatedSubstitute,
    Substitute,
    /// Invited to take part (Welsh Ministers, the police, the voluntary
    /// sector at a PSB): takes part and reads the papers, does not vote.
    InvitedParticipant,
    Secretariat,
    Officer,
    Observer,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::Chair,
        Role::ViceChair,
        Role::StatutoryMember,
        Role::Member,
        Role::DesignatedSubstitute,
        Role::Substitute,
        Role::InvitedParticipant,
        Role::Secretariat,
        Role::Officer,
        Role::Observer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::ViceChair => "vice_chair",
            Role::StatutoryMember => "statutory_member",
            Role::Member => "member",
            Role::DesignatedSubstitute => "designated_substitute",
            Role::Substitute => "substitute",
            Role::InvitedParticipant => "invited_participant",
            Role::Secretariat => "secretariat",
            Role::Officer => "officer",
            Role::Observer => "observer",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// How the role reads on a page, in the current language.
    pub fn label(self) -> String {
        let key = match self {
            Role::Chair => "role-chair",
            Role::ViceChair => "role-vice-chair",
            Role::StatutoryMember => "role-statutory-member",
            Role::Member => "role-member",
            Role::DesignatedSubstitute => "role-designated-substitute",
            Role::Substitute => "role-substitute",
            Role::InvitedParticipant => "role-invited-participant",
            Role::Secretariat => "role-secretariat",
            Role::Officer => "role-officer",
            Role::Observer => "role-observer",
        };
        crate::i18n::text(crate::i18n::current(), key)
    }

    /// Order on a members list: chair first, observers last.
    pub fn rank(self) -> u8 {
        match self {
            Role::Chair => 0,
            Role::ViceChair => 1,
            Role::StatutoryMember => 2,
            Role::Member => 3,
            Role::DesignatedSubstitute => 4,
            Role::Substitute => 5,
            Role::InvitedParticipant => 6,
            Role::Secretariat => 7,
            Role::Officer => 8,
            Role::Observer => 9,
        }
    }

    /// Runs the body's business: memberships, priorities, agendas.
    pub fn manages_body(self) -> bool {
        matches!(self, Role::Secretariat)
    }

    /// May see exempt (Part 2) material of the body.
    pub fn sees_exempt(self) -> bool {
        self.sits_at_the_table() || self == Role::Secretariat
    }

    /// Presides over the body's meetings: the chair, or the vice-chair in
    /// their place (records, for example, why an agenda cannot wait for
    /// its translations).
    pub fn presides(self) -> bool {
        matches!(self, Role::Chair | Role::ViceChair)
    }

    /// Sits at the table: receives the agenda, the minutes and the
    /// members' briefing.
    pub fn sits_at_the_table(self) -> bool {
        matches!(
            self,
            Role::Chair
                | Role::ViceChair
                | Role::StatutoryMember
                | Role::Member
                | Role::DesignatedSubstitute
                | Role::Substitute
                | Role::InvitedParticipant
        )
    }

    /// Votes, and so counts towards a third-of-the-members quorum.
    pub fn votes(self) -> bool {
        matches!(
            self,
            Role::Chair | Role::ViceChair | Role::StatutoryMember | Role::Member
        )
    }

    /// Counts as a statutory member for a Public Services Board's quorum:
    /// the chair and vice-chair are drawn from the statutory members.
    pub fn statutory(self) -> bool {
        matches!(self, Role::Chair | Role::ViceChair | Role::StatutoryMember)
    }

    /// Stands in for someone else (named on the membership).
    pub fn stands_in(self) -> bool {
        matches!(self, Role::Substitute | Role::DesignatedSubstitute)
    }

    /// Whom this role may stand in for: a designated substitute for a
    /// statutory member, a substitute for any voting member.
    pub fn may_stand_in_for(self, other: Role) -> bool {
        match self {
            Role::DesignatedSubstitute => other.statutory(),
            Role::Substitute => other.votes(),
            _ => false,
        }
    }

    /// May propose items and submit papers.
    pub fn proposes_items(self) -> bool {
        !matches!(self, Role::Observer)
    }
}

/// The roles a person holds across bodies, plus the site-wide admin flag.
#[derive(Clone, Debug, Default)]
pub struct Grants {
    pub is_admin: bool,
    pub roles: Vec<(String, Role)>,
    /// The person's own organisation ("" for system actors): an officer sees
    /// their own organisation's papers before publication, not others'.
    pub organisation_id: String,
}

impl Grants {
    pub fn role_in(&self, body_id: &str) -> Option<Role> {
        self.roles
            .iter()
            .find(|(b, _)| b == body_id)
            .map(|(_, r)| *r)
    }

    /// Admins and everyone with a role that proposes items (all but
    /// observers) may write papers and propose items for a body.
    pub fn can_propose_in(&self, body_id: &str) -> bool {
        self.is_admin || self.role_in(body_id).is_some_and(Role::proposes_items)
    }

    /// Admins and the body's secretariat manage a body.
    pub fn can_manage_body(&self, body_id: &str) -> bool {
        self.is_admin || self.role_in(body_id).is_some_and(Role::manages_body)
    }

    /// Manages at least one body: may use the secretariat's tools at all.
    pub fn manages_any_body(&self) -> bool {
        self.is_admin || self.roles.iter().any(|(_, r)| r.manages_body())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_chair_and_vice_chair_preside() {
        let presiding: Vec<Role> = Role::ALL.into_iter().filter(|r| r.presides()).collect();
        assert_eq!(presiding, [Role::Chair, Role::ViceChair]);
    }

    #[test]
    fn role_names_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("admin"), None);
    }

    #[test]
    fn only_admins_and_secretariat_manage_a_body() {
        let sec = Grants {
            is_admin: false,
            roles: vec![("b1".into(), Role::Secretariat)],
            organisation_id: String::new(),
        };
        let chair = Grants {
            is_admin: false,
            roles: vec![("b1".into(), Role::Chair)],
            organisation_id: String::new(),
        };
        let admin = Grants {
            is_admin: true,
            roles: vec![],
            organisation_id: String::new(),
        };
        assert!(sec.can_manage_body("b1"));
        assert!(!sec.can_manage_body("b2"));
        assert!(!chair.can_manage_body("b1"));
        assert!(admin.can_manage_body("anything"));
        assert!(sec.manages_any_body() && admin.manages_any_body());
        assert!(!chair.manages_any_body());
    }

    #[test]
    fn statutory_members_vote_and_designated_substitutes_stand_in_for_them() {
        assert!(Role::StatutoryMember.votes() && Role::StatutoryMember.statutory());
        assert!(!Role::Member.statutory());
        assert!(!Role::InvitedParticipant.votes());
        assert!(Role::InvitedParticipant.sees_exempt());
        assert!(Role::DesignatedSubstitute.may_stand_in_for(Role::StatutoryMember));
        assert!(!Role::DesignatedSubstitute.may_stand_in_for(Role::Member));
        assert!(Role::Substitute.may_stand_in_for(Role::Member));
        assert!(!Role::Observer.may_stand_in_for(Role::Member));
        assert!(Role::DesignatedSubstitute.stands_in() && !Role::Member.stands_in());
    }

    #[test]
    fn exempt_material_is_for_members_substitutes_and_secretariat() {
        assert!(Role::Substitute.sees_exempt());
        assert!(Role::Secretariat.sees_exempt());
        assert!(!Role::Officer.sees_exempt());
        assert!(!Role::Observer.sees_exempt());
    }

    #[test]
    fn everyone_but_observers_proposes_in_their_own_body() {
        let grants = |role| Grants {
            is_admin: false,
            roles: vec![("b1".into(), role)],
            organisation_id: String::new(),
        };
        assert!(grants(Role::Officer).can_propose_in("b1"));
        assert!(!grants(Role::Officer).can_propose_in("b2"));
        assert!(!grants(Role::Observer).can_propose_in("b1"));
        let admin = Grants {
            is_admin: true,
            ..Grants::default()
        };
        assert!(admin.can_propose_in("anything"));
    }
}
