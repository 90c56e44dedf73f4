//! Open data exports: a meeting in the Open Civic Data event shape.

use actix_web::{HttpResponse, web};

use crate::domain::open_data::OcdEvent;
use crate::error::AppError;
use crate::services::open_data::{self, Licence};
use crate::state::AppState;
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}/ocd", ocd);
}

/// A meeting as an Open Civic Data event: name, start and end, location,
/// status (confirmed, cancelled, passed), the published agenda in order
/// with notes and the decisions taken on each item, and its documents
/// (agenda, pack, papers, approved minutes) with media types and links.
/// Public: exempt items keep only their Schedule 12A paragraph.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/ocd", tag = "open-data",
    responses((status = 200, body = OcdEvent)))]
pub async fn ocd(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let parts = state.ctx_parts();
    let settings = state.settings.clone();
    let event = state
        .db(move |c| {
            open_data::ocd_event(
                c,
                &id,
                &parts.ctx(),
                &Licence {
                    name: &settings.open_data.licence,
                    url: &settings.open_data.licence_url,
                },
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(event))
}
