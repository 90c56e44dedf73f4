//! The search page: full-text search of what the viewer may see, with
//! filters by body, kind and meeting date, a page at a time.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use serde::Deserialize;

use crate::domain::search::Kind;
use crate::services::search::{Request, Results};
use crate::state::AppState;
use crate::views::search::{DateField, HitRow, SearchPage};
use crate::web::auth::Viewer;
use crate::web::respond::{PageResult, html, nav};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/search", search_page);
}

/// Results on a page.
const PER_PAGE: usize = 20;

#[derive(Default, Deserialize)]
struct SearchForm {
    #[serde(default)]
    q: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    /// How many matches the earlier pages went through.
    #[serde(default)]
    start: String,
}

fn kind_key(k: Kind) -> &'static str {
    match k {
        Kind::Paper => "search-kind-paper",
        Kind::Item => "search-kind-item",
        Kind::Decision => "search-kind-decision",
        Kind::Action => "search-kind-action",
        Kind::Minutes => "search-kind-minutes",
    }
}

fn tag_key(k: Option<Kind>) -> &'static str {
    match k {
        Some(Kind::Paper) | None => "search-tag-paper",
        Some(Kind::Item) => "search-tag-item",
        Some(Kind::Decision) => "search-tag-decision",
        Some(Kind::Action) => "search-tag-action",
        Some(Kind::Minutes) => "search-tag-minutes",
    }
}

/// The search's address with the page starting at `start`.
fn page_link(form: &SearchForm, start: usize) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in [
        ("q", &form.q),
        ("body", &form.body),
        ("kind", &form.kind),
        ("from", &form.from),
        ("to", &form.to),
    ] {
        if !value.is_empty() {
            query.append_pair(name, value);
        }
    }
    if start > 0 {
        query.append_pair("start", &start.to_string());
    }
    format!("/search?{}", query.finish())
}

async fn search_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    query: web::Query<SearchForm>,
) -> PageResult {
    let form = query.into_inner();
    let nav = nav(&req, viewer.0.as_ref());
    let mut errors = Vec::new();
    let mut date = |field: &'static str, value: &str| {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let parsed = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
        if parsed.is_none() {
            errors.push((field.to_string(), nav.t("search-date-error")));
        }
        parsed
    };
    let from = date("from", &form.from);
    let to = date("to", &form.to);
    let offset = form.start.trim().parse::<usize>().unwrap_or(0);
    let request = Request {
        q: form.q.clone(),
        body: Some(form.body.clone()),
        kind: Kind::parse(&form.kind),
        from,
        to,
        offset,
        limit: PER_PAGE,
    };
    let grants = viewer.0.as_ref().map(|u| u.grants.clone());
    let uid = viewer.0.as_ref().map(|u| u.user.id.clone());
    let searching = !form.q.trim().is_empty() && errors.is_empty();
    let (results, bodies) = state
        .db(move |c| {
            let results = if searching {
                crate::services::search::search(c, grants.as_ref(), uid.as_deref(), &request)?
            } else {
                Results::default()
            };
            let bodies = crate::services::directory::bodies(c)?
                .into_iter()
                .map(|b| (b.slug, b.name))
                .collect::<Vec<_>>();
            Ok((results, bodies))
        })
        .await?;
    let hits = results
        .hits
        .into_iter()
        .map(|h| HitRow {
            kind: nav.t(tag_key(Kind::parse(&h.kind))),
            title: h.title,
            url: h.url,
            parts: h
                .snippet_parts
                .into_iter()
                .map(|p| (p.text, p.matched))
                .collect(),
            body: h.body,
            date: crate::domain::format::london_date_words(h.date),
        })
        .collect();
    let dates = [
        ("from", "search-from", &form.from),
        ("to", "search-to", &form.to),
    ]
    .into_iter()
    .map(|(field, key, value)| DateField {
        field,
        label: nav.t(key),
        value: value.clone(),
        error: errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.clone())
            .unwrap_or_default(),
    })
    .collect();
    let page = SearchPage {
        q: form.q.clone(),
        body: form.body.clone(),
        kind: form.kind.clone(),
        filtered: !(form.body.is_empty()
            && form.kind.is_empty()
            && form.from.is_empty()
            && form.to.is_empty()),
        dates,
        bodies,
        kinds: Kind::ALL
            .into_iter()
            .map(|k| (k.as_str().to_string(), nav.t(kind_key(k))))
            .collect(),
        hits,
        nothing_to_search: results.nothing_to_search,
        next: results
            .next_offset
            .map(|n| page_link(&form, n))
            .unwrap_or_default(),
        first: if offset > 0 {
            page_link(&form, 0)
        } else {
            String::new()
        },
        errors,
        nav,
    };
    html(StatusCode::OK, &page)
}
