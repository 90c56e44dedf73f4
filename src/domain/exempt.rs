//! Exempt (Part 2) information: the seven categories of Schedule 12A to the
//! Local Government Act 1972.

pub const CATEGORIES: [(i32, &str); 7] = [
    (1, "Information relating to any individual"),
    (
        2,
        "Information likely to reveal the identity of an individual",
    ),
    (
        3,
        "Information relating to the financial or business affairs of any particular person",
    ),
    (
        4,
        "Consultations or negotiations in connection with labour relations",
    ),
    (5, "Information subject to legal professional privilege"),
    (
        6,
        "Information revealing a proposal to give a statutory notice or make an order",
    ),
    (
        7,
        "Information about action in connection with the prevention, investigation or prosecution of crime",
    ),
];

/// The category's description, if it is one of the seven.
pub fn category_label(n: i32) -> Option<&'static str> {
    CATEGORIES.iter().find(|(c, _)| *c == n).map(|(_, l)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_categories() {
        assert_eq!(
            category_label(3),
            Some(
                "Information relating to the financial or business affairs of any particular person"
            )
        );
        assert_eq!(category_label(0), None);
        assert_eq!(category_label(8), None);
    }
}
