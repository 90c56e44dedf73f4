//! `GET /api/v1/search`: full-text search of what the caller may see.

use crate::web::routes::Routes;
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::domain::search::Kind;
use crate::error::AppError;
use crate::services::search::{self, Hit, Request};
use crate::state::AppState;
use crate::web::api::{Page, PageParams};
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/search", find);
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct SearchQuery {
    /// Words to find (every one must match; "words in quotes" together).
    /// Anything may be typed: punctuation and operators are only text, and
    /// a search with no words finds nothing.
    pub q: Option<String>,
    /// Only this body's (its slug)
    pub body: Option<String>,
    /// Only this kind: paper, item, decision, action or minutes
    pub kind: Option<String>,
    /// Meetings from this day, YYYY-MM-DD
    pub from: Option<String>,
    /// Meetings up to this day, YYYY-MM-DD
    pub to: Option<String>,
    /// 1 to 500; default 50
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page
    pub cursor: Option<String>,
}

fn offset_cursor(offset: usize) -> String {
    crate::web::api::cursor_of(&format!("o:{offset}"))
}

fn read_offset_cursor(cursor: &str) -> Result<usize, AppError> {
    crate::web::api::cursor_text(cursor)?
        .strip_prefix("o:")
        .and_then(|n| n.parse().ok())
        .ok_or_else(crate::web::api::bad_cursor)
}

/// Search what you may see, best matches first: papers (title, cover
/// sheet, body, appendix names), agenda items, decisions, actions and
/// minutes, each hit with a passage where it matched.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchQuery),
    responses((status = 200, body = Page<Hit>), (status = 400, description = "A filter (not the words) is malformed", body = crate::error::Problem)))]
pub async fn find(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<SearchQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let limit = PageParams {
        limit: query.limit,
        cursor: None,
    }
    .limit()?;
    let kind =
        match query
            .kind
            .as_deref()
            .map(str::trim)
            .filter(|k| !k.is_empty())
        {
            None => None,
            Some(k) => Some(Kind::parse(k).ok_or_else(|| {
                AppError::BadRequest(crate::i18n::say("err-api-search-bad-request"))
            })?),
        };
    let request = Request {
        q: query.q.unwrap_or_default(),
        body: query.body,
        kind,
        from: crate::web::api::date_param("from", query.from.as_deref())?,
        to: crate::web::api::date_param("to", query.to.as_deref())?,
        offset: match query.cursor.as_deref().filter(|c| !c.is_empty()) {
            Some(c) => read_offset_cursor(c)?,
            None => 0,
        },
        limit: usize::try_from(limit).unwrap_or(50),
    };
    let caller = caller.0;
    let results = state
        .db(move |c| {
            search::search(
                c,
                caller.as_ref().map(|u| &u.grants),
                caller.as_ref().map(|u| u.user.id.as_str()),
                &request,
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(Page {
        items: results.hits,
        next_cursor: results.next_offset.map(offset_cursor),
    }))
}
