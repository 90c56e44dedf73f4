//! `GET /api/v1/search?q=`: papers, decisions and actions by visibility.

use crate::web::routes::Routes;
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::services::search::{self, Hit};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/search", find);
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct SearchQuery {
    /// Two characters or more
    pub q: Option<String>,
}

/// Search what you may see: papers, decisions, actions (up to 20 of each).
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchQuery),
    responses((status = 200, body = Vec<Hit>), (status = 400, body = crate::error::Problem)))]
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
    let caller = caller.0;
    let hits = state
        .db(move |c| {
            search::search(
                c,
                caller.as_ref().map(|u| &u.grants),
                caller.as_ref().map(|u| u.user.id.as_str()),
                &q,
                20,
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(hits))
}
