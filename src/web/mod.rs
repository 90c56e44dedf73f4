//! HTTP: the JSON API, the pages, static files, health.

pub mod api;
pub mod attachments;
pub mod auth;
pub mod feeds;
pub mod pages;
pub mod ratelimit;
pub mod security;
pub mod session;
pub mod upload;

use actix_web::{HttpResponse, web};
use utoipa::OpenApi;

use crate::state::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .route("/static/quorate.css", web::get().to(stylesheet))
        .route("/static/favicon.svg", web::get().to(favicon))
        .route("/favicon.ico", web::get().to(favicon))
        .route("/licences/fonts", web::get().to(font_licences))
        .service(
            utoipa_swagger_ui::SwaggerUi::new("/api/docs/{_:.*}")
                .url("/api/docs/openapi.json", api::openapi::ApiDoc::openapi()),
        )
        .configure(api::configure)
        .configure(feeds::configure)
        .configure(pages::configure)
        .default_service(web::to(pages::not_found));
}

async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    match state.db(|c| Ok(crate::db::ping(c)?)).await {
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
