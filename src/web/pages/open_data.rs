//! The public lists as CSV downloads: bodies, a body's meetings, its
//! follow-through figures and its forward plan.

use actix_web::web;

use crate::services::open_data;
use crate::state::AppState;
use crate::web::respond::{PageResult, csv};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/bodies.csv", bodies)
        .get("/bodies/{slug}/meetings.csv", meetings)
        .get("/bodies/{slug}/follow-through.csv", follow_through)
        .get("/bodies/{slug}/forward-plan.csv", forward_plan);
}

async fn bodies(state: web::Data<AppState>) -> PageResult {
    let base = state.base_url().to_string();
    let bytes = state.db(move |c| open_data::bodies_csv(c, &base)).await?;
    Ok(csv("bodies.csv", bytes))
}

async fn meetings(state: web::Data<AppState>, path: web::Path<String>) -> PageResult {
    let slug = path.into_inner();
    let base = state.base_url().to_string();
    let bytes = state
        .db(move |c| open_data::meetings_csv(c, &slug, &base))
        .await?;
    Ok(csv("meetings.csv", bytes))
}

async fn follow_through(state: web::Data<AppState>, path: web::Path<String>) -> PageResult {
    let slug = path.into_inner();
    let today = crate::domain::timeline::london_date(state.clock.now());
    let bytes = state
        .db(move |c| open_data::follow_through_csv(c, &slug, today))
        .await?;
    Ok(csv("follow-through.csv", bytes))
}

async fn forward_plan(state: web::Data<AppState>, path: web::Path<String>) -> PageResult {
    let slug = path.into_inner();
    let parts = state.ctx_parts();
    let bytes = state
        .db(move |c| {
            let body = crate::services::directory::body(c, &slug)?;
            let plan = crate::services::forward_plan::of_body(c, &body, &parts.ctx())?;
            open_data::forward_plan_csv(&plan)
        })
        .await?;
    Ok(csv("forward-plan.csv", bytes))
}
