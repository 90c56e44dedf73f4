//! Bodies (boards, forums, theme groups, partnerships) and their priorities.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::validate::FieldError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    Board,
    Forum,
    ThemeGroup,
    Partnership,
}

impl BodyKind {
    pub const ALL: [BodyKind; 4] = [
        BodyKind::Board,
        BodyKind::Forum,
        BodyKind::ThemeGroup,
        BodyKind::Partnership,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BodyKind::Board => "board",
            BodyKind::Forum => "forum",
            BodyKind::ThemeGroup => "theme_group",
            BodyKind::Partnership => "partnership",
        }
    }

    pub fn parse(s: &str) -> Option<BodyKind> {
        BodyKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// How the kind reads on a page, in the current language.
    pub fn label(self) -> String {
        let key = match self {
            BodyKind::Board => "kind-board",
            BodyKind::Forum => "kind-forum",
            BodyKind::ThemeGroup => "kind-theme-group",
            BodyKind::Partnership => "kind-partnership",
        };
        crate::i18n::text(crate::i18n::current(), key)
    }
}

/// A body has at most this many active priorities.
pub const MAX_ACTIVE_PRIORITIES: usize = 3;

/// May one more active priority be added to a body that has `active` now?
pub fn check_new_priority(active: usize) -> Result<(), FieldError> {
    if active >= MAX_ACTIVE_PRIORITIES {
        Err(FieldError::new(
            "title",
            "too_many_priorities",
            crate::i18n::say_args(
                "err-bodies-too-many-priorities",
                &[("max", crate::i18n::Arg::count(MAX_ACTIVE_PRIORITIES))],
            ),
        ))
    } else {
        Ok(())
    }
}

/// Would making `parent` the parent of `body` create a loop? `ancestors_of_parent`
/// lists the parent's own ancestors, nearest first.
pub fn parent_creates_cycle(body: &str, parent: &str, ancestors_of_parent: &[String]) -> bool {
    body == parent || ancestors_of_parent.iter().any(|a| a == body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fourth_active_priority_is_refused() {
        assert!(check_new_priority(0).is_ok());
        assert!(check_new_priority(2).is_ok());
        let err = check_new_priority(3).expect_err("fourth");
        assert_eq!(err.code, "too_many_priorities");
    }

    #[test]
    fn kinds_round_trip() {
        for k in BodyKind::ALL {
            assert_eq!(BodyKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(BodyKind::parse("committee"), None);
    }

    #[test]
    fn cycles_are_detected() {
        assert!(parent_creates_cycle("a", "a", &[]));
        assert!(parent_creates_cycle("a", "b", &["c".into(), "a".into()]));
        assert!(!parent_creates_cycle("a", "b", &["c".into()]));
    }
}
