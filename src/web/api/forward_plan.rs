//! A body's forward plan as data. Public.

use actix_web::{HttpResponse, web};

use crate::error::AppError;
use crate::services::forward_plan::{self, ForwardPlan};
use crate::state::AppState;
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/bodies/{slug}/forward-plan", of_body);
}

/// The body's forward plan: its next six meetings with the items proposed
/// and accepted for each (presenting partner, priority), key decisions with
/// the day their 28 clear days' notice is due, and where each paper stands.
/// A confidential item shows only its Schedule 12A paragraph.
#[utoipa::path(get, path = "/api/v1/bodies/{slug}/forward-plan", tag = "forward plan",
    responses((status = 200, body = ForwardPlan), (status = 404, body = crate::error::Problem)))]
pub async fn of_body(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner();
    let parts = state.ctx_parts();
    let plan = state
        .db(move |c| {
            let body = crate::services::directory::body(c, &slug)?;
            forward_plan::of_body(c, &body, &parts.ctx())
        })
        .await?;
    Ok(HttpResponse::Ok().json(plan))
}
