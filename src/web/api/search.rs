//! `GET /api/v1/search?q=`: papers, decisions and actions by visibility.

use crate::web::routes::Routes;
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::services::search::{self, Hit};
use crate::state::AppState;
use crate::web::api::{Page, PageParams};
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/search", find);
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct SearchQuery {
    /// Two to 200 characters
    #[param(min_length = 2, max_length = 200)]
    pub q: Option<String>,
    /// 1 to 500; default 50
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page
    pub cursor: Option<String>,
}

/// The most matches of each kind a search looks through.
const PER_KIND: i64 = 200;

fn offset_cursor(offset: usize) -> String {
    crate::web::api::cursor_of(&format!("o:{offset}"))
}

fn read_offset_cursor(cursor: &str) -> Result<usize, AppError> {
    crate::web::api::cursor_text(cursor)?
        .strip_prefix("o:")
        .and_then(|n| n.parse().ok())
        .ok_or_else(crate::web::api::bad_cursor)
}

/// Search what you may see: papers, decisions and actions (up to 200 of
/// each kind), a page at a time.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchQuery),
    responses((status = 200, body = Page<Hit>), (status = 400, body = crate::error::Problem)))]
pub async fn find(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<SearchQuery>,
) -> Result<HttpResponse, AppError> {
    let q = query.q.clone().unwrap_or_default();
    if q.trim().chars().count() < 2 || q.chars().count() > 200 {
        return Err(AppError::BadRequest(
            "q must be 2 to 200 characters.".into(),
        ));
    }
    let limit = PageParams {
        limit: query.limit,
        cursor: None,
    }
    .limit()?;
    let offset = match query.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => read_offset_cursor(c)?,
        None => 0,
    };
    let caller = caller.0;
    let hits = state
        .db(move |c| {
            search::search(
                c,
                caller.as_ref().map(|u| &u.grants),
                caller.as_ref().map(|u| u.user.id.as_str()),
                &q,
                PER_KIND,
            )
        })
        .await?;
    let limit = usize::try_from(limit).unwrap_or(50);
    let end = offset.saturating_add(limit).min(hits.len());
    let page = Page {
        next_cursor: (end < hits.len()).then(|| offset_cursor(end)),
        items: hits
            .into_iter()
            .skip(offset)
            .take(end.saturating_sub(offset))
            .collect::<Vec<Hit>>(),
    };
    Ok(HttpResponse::Ok().json(page))
}
