//! The OpenAPI 3.1 description of the API, served at `/api/v1/openapi.json`.

use actix_web::HttpResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{
    actions, agenda, bodies, decision_note, decisions, follow, forward_plan, interests, meetings,
    minutes, open_data, organisations, outcomes, papers, proposals, record, search, translations,
    users,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "Quorate API", description = "Meeting agendas, board papers, decisions and actions for partnership boards."),
    paths(
        organisations::create, organisations::list,
        users::create, users::issue_token, users::list_tokens, users::revoke_token,
        users::mail_preferences, users::choose_mail_preferences,
        interests::list, interests::add, interests::change, interests::remove, interests::policy,
        bodies::create, bodies::list, bodies::show, bodies::put_member, bodies::remove_member,
        bodies::add_priority, bodies::retire_priority,
        meetings::create, meetings::list, meetings::show, meetings::update, meetings::cancel,
        papers::create, papers::list, papers::show, papers::update, papers::submit, papers::sign_off,
        papers::accept, papers::return_paper, papers::withdraw, papers::late_decision,
        proposals::create, proposals::list, proposals::decide,
        agenda::show, agenda::version, agenda::add_item, agenda::change_item, agenda::remove_item,
        agenda::order, agenda::publish, agenda::refer,
        record::attendance, record::movement, record::clear_movement, record::declare, record::decide, record::correct, record::withdraw, record::correct_action, record::withdraw_action, decisions::decisions, decision_note::show, decision_note::publish,
        minutes::show_minutes, minutes::change_minutes, actions::create_action, actions::list_actions, actions::show_action, actions::update_action, follow::follow_through, follow::organisation_follow_through, outcomes::partnership, outcomes::of_body, forward_plan::of_body, open_data::ocd, search::find,
        translations::show, translations::put,
        crate::web::attachments::api_upload, crate::web::attachments::api_list, crate::web::attachments::api_download,
    ),
    components(schemas(crate::error::Problem, crate::error::FieldError)),
    modifiers(&BearerAuth, &ProblemResponses, &OperationIds),
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

/// Declares, on every operation, the problem answers it can give besides
/// the ones written on it: a bad or expired token (401) on any of them;
/// 400 for malformed parameters or JSON; 404 where the path names
/// something; 403, 409, 413, 415 and 422 where a body is sent or something
/// is changed; 412 where `If-Match` is honoured; 503 while the database is
/// unavailable. Each is `application/problem+json`.
struct ProblemResponses;

fn problem(description: &str) -> utoipa::openapi::RefOr<utoipa::openapi::Response> {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
        .into()
}

impl Modify for ProblemResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let named = path.contains('{');
            for (changes, op) in [
                (false, item.get.as_mut()),
                (true, item.post.as_mut()),
                (true, item.put.as_mut()),
                (true, item.patch.as_mut()),
                (true, item.delete.as_mut()),
            ] {
                let Some(op) = op else { continue };
                let mut codes: Vec<(&str, &str)> = vec![
                    ("400", "Malformed parameters or JSON."),
                    (
                        "401",
                        "A token is needed here, or the one sent is not valid.",
                    ),
                    ("503", "The database is unavailable; try again shortly."),
                ];
                if named {
                    codes.push(("404", "Nothing at this address that the caller may see."));
                }
                let queried =
                    op.parameters.iter().flatten().any(|p| {
                        matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query)
                    });
                if changes || queried {
                    codes.push(("422", "The request breaks a rule: every problem is listed."));
                }
                if op.security.as_ref().is_some_and(|s| !s.is_empty()) {
                    codes.push(("403", "Signed in, but not allowed to do this."));
                    // Lists filtered by a body name it in the query.
                    if queried {
                        codes.push(("404", "A body or person named in the query does not exist."));
                    }
                }
                if changes {
                    codes.extend([
                        ("403", "Signed in, but not allowed to do this."),
                        ("409", "It conflicts with the current state."),
                        ("413", "The body is too large."),
                        ("415", "The body is not of a type this operation takes."),
                    ]);
                }
                let versioned = path.contains("/papers/{id}")
                    || path.contains("/actions/{id}")
                    || path.contains("/agenda")
                    || path == "/api/v1/meetings/{id}";
                if changes && versioned {
                    codes.push((
                        "412",
                        "`If-Match` names a version that is no longer current.",
                    ));
                }
                for (code, text) in codes {
                    op.responses
                        .responses
                        .entry(code.to_string())
                        .or_insert_with(|| problem(text));
                }
                // Problems written on the operation itself are sent as
                // `application/problem+json` too.
                for (code, response) in op.responses.responses.iter_mut() {
                    if let utoipa::openapi::RefOr::T(r) = response
                        && (code.starts_with('4') || code.starts_with('5'))
                        && let Some(content) = r.content.shift_remove("application/json")
                    {
                        r.content.insert("application/problem+json".into(), content);
                    }
                }
            }
        }
    }
}

/// Operation ids are the handler's name, which repeats across areas
/// (`create`): each is prefixed with its tag (`meetings_create`), so every
/// id is unique, as OpenAPI requires and client generators need.
struct OperationIds;

impl Modify for OperationIds {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for op in [
                item.get.as_mut(),
                item.post.as_mut(),
                item.put.as_mut(),
                item.patch.as_mut(),
                item.delete.as_mut(),
            ]
            .into_iter()
            .flatten()
            {
                let tag = op
                    .tags
                    .as_ref()
                    .and_then(|t| t.first())
                    .cloned()
                    .unwrap_or_default();
                if let Some(id) = op.operation_id.as_mut()
                    && !tag.is_empty()
                {
                    *id = format!("{}_{id}", tag.replace('-', "_"));
                }
            }
        }
    }
}

/// The document as JSON, made on first request and kept as text: the
/// description itself is several megabytes of maps and strings, which a
/// server at rest should not hold (each HTTP worker held one for the
/// browsable docs until 2026-12-03).
pub async fn document() -> HttpResponse {
    static DOCUMENT: std::sync::OnceLock<Result<actix_web::web::Bytes, String>> =
        std::sync::OnceLock::new();
    let made = DOCUMENT.get_or_init(|| {
        serde_json::to_vec(&ApiDoc::openapi())
            .map(actix_web::web::Bytes::from)
            .map_err(|e| e.to_string())
    });
    match made {
        Ok(json) => HttpResponse::Ok()
            .content_type(actix_web::http::header::ContentType::json())
            .body(json.clone()),
        Err(e) => actix_web::ResponseError::error_response(&crate::error::AppError::internal(
            format!("OpenAPI document: {e}"),
        )),
    }
}
