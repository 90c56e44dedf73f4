//! "What we achieved" as data: decisions whose actions are all done,
//! grouped by priority. Public.

use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::rfc3339;
use crate::error::AppError;
use crate::services::outcomes::{self, OutcomesView};
use crate::state::AppState;
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/outcomes", partnership)
        .get("/bodies/{slug}/outcomes", of_body);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutcomesOut {
    /// The body's slug, or null for the whole partnership.
    pub body: Option<String>,
    /// How many decisions are achieved in all (at most 300 are listed).
    pub total: usize,
    pub groups: Vec<PriorityOutcomes>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PriorityOutcomes {
    /// The priority the papers served; null for decisions linked to none.
    pub priority: Option<String>,
    pub outcomes: Vec<OutcomeOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutcomeOut {
    pub reference: String,
    pub text: String,
    pub body_slug: String,
    pub meeting_id: String,
    #[schema(format = DateTime)]
    pub decided_at: String,
    /// The day its last action was done.
    #[schema(format = Date)]
    pub achieved_on: Option<String>,
    /// The organisations that owned its actions.
    pub organisations: Vec<String>,
}

fn out(view: OutcomesView) -> OutcomesOut {
    OutcomesOut {
        body: view.body.map(|b| b.slug),
        total: view.total,
        groups: view
            .groups
            .into_iter()
            .map(|(priority, list)| PriorityOutcomes {
                priority,
                outcomes: list
                    .into_iter()
                    .map(|o| OutcomeOut {
                        decided_at: rfc3339(o.decided_at),
                        achieved_on: o.achieved_on.map(|d| d.to_string()),
                        reference: o.reference,
                        text: o.text,
                        body_slug: o.body_slug,
                        meeting_id: o.meeting_id,
                        organisations: o.organisations,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// What the whole partnership achieved: every body's decisions whose
/// actions are all done, by priority, most recently achieved first.
#[utoipa::path(get, path = "/api/v1/outcomes", tag = "outcomes",
    responses((status = 200, body = OutcomesOut)))]
pub async fn partnership(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let view = state.db(|c| outcomes::read(c, None)).await?;
    Ok(HttpResponse::Ok().json(out(view)))
}

/// What one body achieved.
#[utoipa::path(get, path = "/api/v1/bodies/{slug}/outcomes", tag = "outcomes",
    responses((status = 200, body = OutcomesOut)))]
pub async fn of_body(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner();
    let view = state.db(move |c| outcomes::read(c, Some(&slug))).await?;
    Ok(HttpResponse::Ok().json(out(view)))
}
