//! The OpenAPI 3.1 description of the API, served at `/api/v1/openapi.json`.

use actix_web::HttpResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{agenda, bodies, meetings, organisations, papers, proposals, record, search, users};

#[derive(OpenApi)]
#[openapi(
    info(title = "Quorate API", description = "Meeting agendas, board papers, decisions and actions for partnership boards."),
    paths(
        organisations::create, organisations::list,
        users::create, users::issue_token, users::list_tokens, users::revoke_token,
        bodies::create, bodies::list, bodies::show, bodies::put_member, bodies::remove_member,
        bodies::add_priority, bodies::retire_priority,
        meetings::create, meetings::show, meetings::update, meetings::cancel,
        papers::create, papers::list, papers::show, papers::update, papers::submit, papers::sign_off,
        papers::accept, papers::return_paper, papers::withdraw, papers::late_decision,
        proposals::create, proposals::list, proposals::decide,
        agenda::show, agenda::version, agenda::add_item, agenda::change_item, agenda::remove_item,
        agenda::order, agenda::publish, agenda::refer,
        record::attendance, record::declare, record::decide, record::decisions,
        record::create_action, record::list_actions, record::show_action, record::update_action, record::follow_through, record::organisation_follow_through, search::find,
        crate::web::attachments::api_upload, crate::web::attachments::api_list, crate::web::attachments::api_download,
    ),
    components(schemas(crate::error::Problem, crate::error::FieldError)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
