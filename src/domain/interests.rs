//! Registers of interests: the kinds of interest a person registers, how a
//! gift's value is read, and when a registered interest is a likely
//! conflict with an item.

/// A kind of registered interest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Employment,
    Contracts,
    Land,
    Memberships,
    Gifts,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Employment,
        Kind::Contracts,
        Kind::Land,
        Kind::Memberships,
        Kind::Gifts,
    ];

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Employment => "employment",
            Kind::Contracts => "contracts",
            Kind::Land => "land",
            Kind::Memberships => "memberships",
            Kind::Gifts => "gifts",
        }
    }

    /// The message key of its name in words.
    pub fn label_key(self) -> &'static str {
        match self {
            Kind::Employment => "interests-kind-employment",
            Kind::Contracts => "interests-kind-contracts",
            Kind::Land => "interests-kind-land",
            Kind::Memberships => "interests-kind-memberships",
            Kind::Gifts => "interests-kind-gifts",
        }
    }
}

/// A value in pounds as a person types it ("75", "£75.50", "1,200") in
/// pence; `None` when it is not an amount of money.
pub fn parse_pounds(s: &str) -> Option<i32> {
    let t: String = s
        .trim()
        .trim_start_matches('£')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    let (whole, pence) = match t.split_once('.') {
        Some((w, p)) if p.len() == 2 && p.chars().all(|c| c.is_ascii_digit()) => {
            (w, p.parse::<i32>().ok()?)
        }
        Some(_) => return None,
        None => (t.as_str(), 0),
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || whole.len() > 7 {
        return None;
    }
    whole
        .parse::<i32>()
        .ok()?
        .checked_mul(100)?
        .checked_add(pence)
}

/// Pence as pounds: "£75.00".
pub fn pounds(pence: i32) -> String {
    format!("£{}.{:02}", pence / 100, pence % 100)
}

/// Is an interest naming `named` a likely conflict for someone of
/// `own_organisation` on an item presented by `presenter` and consulted
/// with `consulted`? Their own organisation is the one they represent,
/// not a conflict.
pub fn conflicts(
    named: &str,
    own_organisation: &str,
    presenter: Option<&str>,
    consulted: &[String],
) -> bool {
    named != own_organisation && (presenter == Some(named) || consulted.iter().any(|c| c == named))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_people_type_them() {
        assert_eq!(parse_pounds("75"), Some(7500));
        assert_eq!(parse_pounds("£75.50"), Some(7550));
        assert_eq!(parse_pounds(" 1,200 "), Some(120_000));
        for bad in [
            "", "£", "seventy", "75.5", "-5", "1e3", "75.505", "99999999",
        ] {
            assert_eq!(parse_pounds(bad), None, "{bad}");
        }
        assert_eq!(pounds(7550), "£75.50");
    }

    #[test]
    fn an_interest_in_the_presenter_or_a_consulted_partner_is_a_likely_conflict() {
        let consulted = vec!["housing-trust".to_string()];
        assert!(conflicts("police", "council", Some("police"), &[]));
        assert!(conflicts(
            "housing-trust",
            "council",
            Some("police"),
            &consulted
        ));
        assert!(!conflicts("nhs", "council", Some("police"), &consulted));
        // Representing your own organisation is not a conflict.
        assert!(!conflicts("council", "council", Some("council"), &[]));
    }

    #[test]
    fn every_kind_reads_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("bribes"), None);
    }
}
