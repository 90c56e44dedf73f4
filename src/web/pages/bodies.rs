//! Lists of bodies as links: flat in kind order, or as the tree of boards
//! and the groups below them.

use crate::domain::bodies::BodyKind;
use crate::services::directory::Body;
use crate::views::home::BodyLink;

/// Boards, then forums, theme groups and local partnerships; by name within each.
fn kind_order(b: &Body) -> (usize, String) {
    (
        BodyKind::ALL
            .iter()
            .position(|k| k.as_str() == b.kind)
            .unwrap_or(usize::MAX),
        b.name.to_lowercase(),
    )
}

fn link(b: &Body, depth: usize) -> BodyLink {
    BodyLink {
        name: b.name.clone(),
        slug: b.slug.clone(),
        kind: BodyKind::parse(&b.kind)
            .map(|k| k.label().to_string())
            .unwrap_or_default(),
        depth,
    }
}

/// Sibling bodies as a flat list, in kind order.
pub fn body_links(bodies: &[Body]) -> Vec<BodyLink> {
    let mut sorted: Vec<&Body> = bodies.iter().collect();
    sorted.sort_by_key(|b| kind_order(b));
    sorted.into_iter().map(|b| link(b, 0)).collect()
}

/// Bodies as a tree: parents first, each followed by its children, indented.
pub fn body_tree(all: &[Body]) -> Vec<BodyLink> {
    fn walk(all: &[Body], parent: Option<&str>, depth: usize, out: &mut Vec<BodyLink>) {
        if depth > 8 {
            return;
        }
        let mut siblings: Vec<&Body> = all
            .iter()
            .filter(|b| b.parent_id.as_deref() == parent)
            .collect();
        siblings.sort_by_key(|b| kind_order(b));
        for b in siblings {
            out.push(link(b, depth));
            walk(all, Some(&b.id), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(all, None, 0, &mut out);
    // Bodies whose parent is missing still appear.
    for b in all {
        if !out.iter().any(|l| l.slug == b.slug) {
            out.push(link(b, 0));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::policy::Policy;

    fn body(id: &str, name: &str, kind: &str, parent: Option<&str>) -> Body {
        Body::new(
            id.into(),
            name.into(),
            id.into(),
            kind,
            parent.map(str::to_string),
            &Policy::default(),
            chrono::NaiveDateTime::default(),
        )
    }

    #[test]
    fn the_tree_puts_children_under_parents_in_kind_order() {
        let all = vec![
            body("p2", "Ashby Partnership", "partnership", Some("psb")),
            body("tg", "Safer Communities", "theme_group", Some("psb")),
            body("psb", "Public Service Board", "board", None),
            body("fo", "Forum", "forum", Some("psb")),
            body("orphan", "Orphan", "forum", Some("missing")),
        ];
        let tree: Vec<(String, usize)> = body_tree(&all)
            .into_iter()
            .map(|l| (l.slug, l.depth))
            .collect();
        assert_eq!(
            tree,
            [
                ("psb".into(), 0),
                ("fo".into(), 1),
                ("tg".into(), 1),
                ("p2".into(), 1),
                ("orphan".into(), 0)
            ]
        );
    }
}
