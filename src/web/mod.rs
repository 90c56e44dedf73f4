//! HTTP: the JSON API, the pages, static files, health.

pub mod api;
pub mod attachments;
pub mod auth;
pub mod dates;
pub mod extract;
pub mod feeds;
pub mod language;
pub mod page_cache;
pub mod pages;
pub mod respond;
pub mod routes;
pub mod security;
pub mod session;
pub mod upload;

use actix_web::{HttpResponse, web};

use crate::state::AppState;
use routes::{RouteInfo, RouteTable, Routes};

/// Builds the router, with its route table beside it for the handlers that
/// answer unknown methods.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let mut table = Vec::new();
    register(&mut Routes::new(cfg, "", &mut table));
    cfg.app_data(web::Data::new(RouteTable::new(table)))
        .default_service(web::to(crate::web::respond::not_found));
}

/// Every route Quorate serves, in the order the router tries them.
pub fn route_table() -> Vec<RouteInfo> {
    let mut table = Vec::new();
    let _ = actix_web::App::new().configure(|cfg| register(&mut Routes::new(cfg, "", &mut table)));
    table
}

fn register(r: &mut Routes<'_>) {
    r.get("/healthz", healthz)
        .get("/static/quorate.css", stylesheet)
        .get("/static/favicon.svg", favicon)
        .get("/favicon.ico", favicon)
        .get("/licences/fonts", font_licences)
        // The browsable docs read the one document the API serves (made
        // when first asked for, not held by every worker from the start).
        .get("/api/docs/openapi.json", api::openapi::document);
    r.config().service(
        utoipa_swagger_ui::SwaggerUi::new("/api/docs/{_:.*}")
            .config(utoipa_swagger_ui::Config::from("/api/v1/openapi.json")),
    );
    api::configure(r);
    feeds::configure(r);
    pages::configure(r);
}

async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    match state.db(crate::services::ping).await {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({"status": "ok"})),
        Err(_) => {
            HttpResponse::ServiceUnavailable().json(serde_json::json!({"status": "unavailable"}))
        }
    }
}

const STYLESHEET: &str = include_str!("../../templates/static/quorate.css");

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(STYLESHEET)
}

const FAVICON: &str = include_str!("../../templates/static/favicon.svg");

async fn favicon() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header(("Cache-Control", "public, max-age=86400"))
        .body(FAVICON)
}

const FONT_LICENCES: &str = include_str!("../../licences/fonts-NOTICE.txt");

/// The licences of the fonts embedded for the board pack PDF.
async fn font_licences() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=86400"))
        .body(FONT_LICENCES)
}
