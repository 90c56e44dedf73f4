//! Searching papers, decisions and actions, each result checked against
//! what the person may see (exempt material never reaches the public).

use serde::Serialize;
use utoipa::ToSchema;

use crate::db::record::{self, DecisionFilter};
use crate::db::{DbConn, actions, meetings, papers};
use crate::domain::roles::Grants;
use crate::error::{AppError, AppResult};

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Hit {
    /// paper, decision or action
    pub kind: String,
    pub id: String,
    pub title: String,
    /// Where it is read, on the site.
    pub link: String,
}

/// A LIKE pattern for `q`, with `%`, `_` and `\` taken literally.
pub fn pattern(q: &str) -> String {
    let escaped = q
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// One LIKE pattern per word of `q` (at most 8 words): a hit holds them all,
/// in any order.
pub fn word_patterns(q: &str) -> Vec<String> {
    q.split_whitespace().take(8).map(pattern).collect()
}

/// Up to `limit` hits of each kind the person may see.
pub fn search(
    conn: &mut DbConn,
    grants: Option<&Grants>,
    user_id: Option<&str>,
    q: &str,
    limit: i64,
) -> AppResult<Vec<Hit>> {
    if q.chars().any(crate::domain::validate::is_forbidden_char) {
        return Err(AppError::BadRequest(
            "The search contains a control character: remove it and try again.".into(),
        ));
    }
    let words = word_patterns(q);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let mut hits = Vec::new();
    for paper in papers::search(conn, &words, limit * 4)? {
        let Some(m) = meetings::find(conn, &paper.meeting_id)? else {
            continue;
        };
        if !super::papers::can_view(grants, user_id, &paper, &m.body_id)
            || hits.len() >= limit as usize
        {
            continue;
        }
        // The paper's own page is for those signed in; the public reads the
        // copy published with the meeting's latest agenda.
        let link = if user_id.is_some() {
            format!("/papers/{}", paper.id)
        } else {
            match crate::db::agenda::find(conn, &m.id)?.map(|a| a.published_number) {
                Some(n) if n > 0 => crate::domain::links::published_paper_path(&m.id, n, &paper.id),
                _ => continue,
            }
        };
        hits.push(Hit {
            kind: "paper".into(),
            link,
            id: paper.id,
            title: paper.title,
        });
    }
    let decisions = record::search_decisions(
        conn,
        &DecisionFilter {
            text: Some(q.trim().to_string()),
            exempt: crate::db::ExemptScope::seen_by(grants, None),
            limit,
            ..Default::default()
        },
    )?;
    for d in decisions {
        hits.push(Hit {
            kind: "decision".into(),
            link: format!(
                "/decisions?q={}",
                url::form_urlencoded::byte_serialize(d.reference.as_bytes()).collect::<String>()
            ),
            id: d.id,
            title: format!(
                "{}: {}",
                d.reference,
                d.text.chars().take(200).collect::<String>()
            ),
        });
    }
    let mut n = 0;
    for a in actions::search_text(conn, &words, limit * 4)? {
        // Actions are for people with a role (and their owners), never the public.
        let may = grants.is_some()
            && super::actions::may_view(grants, user_id, &a)
            && (grants.is_some_and(|g| g.is_admin || g.role_in(&a.body_id).is_some())
                || user_id == Some(a.owner_user_id.as_str()));
        if may && n < limit {
            n += 1;
            hits.push(Hit {
                kind: "action".into(),
                link: format!("/actions/{}", a.id),
                id: a.id,
                title: a.description.chars().take(200).collect(),
            });
        }
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_in_a_query_are_literal() {
        assert_eq!(pattern(" 100% _done\\ "), "%100\\% \\_done\\\\%");
        assert_eq!(
            word_patterns("school  readiness"),
            ["%school%", "%readiness%"]
        );
    }
}
