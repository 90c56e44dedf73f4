//! Search across papers, decisions and actions the viewer may see.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use serde::Deserialize;

use crate::state::AppState;
use crate::web::auth::Viewer;
use crate::web::respond::{PageResult, html, nav};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/search", search_page);
}

#[derive(Default, Deserialize)]
struct SearchForm {
    #[serde(default)]
    q: String,
}

async fn search_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    query: web::Query<SearchForm>,
) -> PageResult {
    let q = query.into_inner().q;
    let mut error = String::new();
    let hits = if q.trim().is_empty() {
        Vec::new()
    } else if q.trim().chars().count() < 2 || q.chars().count() > 200 {
        error = "Search for 2 to 200 characters.".into();
        Vec::new()
    } else {
        let grants = viewer.0.as_ref().map(|u| u.grants.clone());
        let uid = viewer.0.as_ref().map(|u| u.user.id.clone());
        let term = q.clone();
        state
            .db(move |c| {
                crate::services::search::search(c, grants.as_ref(), uid.as_deref(), &term, 20)
            })
            .await?
    };
    let page = crate::views::search::SearchPage {
        nav: nav(&req, viewer.0.as_ref()),
        q,
        hits,
        error,
    };
    html(StatusCode::OK, &page)
}
