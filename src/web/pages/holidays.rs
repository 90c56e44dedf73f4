//! The admin page for the bank-holiday calendars.

use crate::web::extract::SignedIn;
use crate::web::routes::Routes;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

use crate::domain::calendar::DIVISIONS;
use crate::error::{AppError, FieldError};
use crate::state::AppState;
use crate::views::Errors;
use crate::views::admin::AdminHolidaysPage;
use crate::web::auth::{AuthUser, Viewer};
use crate::web::respond::{PageResult, form_nav, html, require_user, see_other};

pub fn configure(r: &mut Routes<'_>) {
    r.get("/admin/holidays", show)
        .post("/admin/holidays", import);
}

fn page(
    state: &AppState,
    req: &HttpRequest,
    who: &AuthUser,
    errors: Vec<FieldError>,
) -> PageResult {
    let cals = state.calendars();
    let today = crate::domain::timeline::london_date(state.clock.now());
    let divisions = DIVISIONS
        .iter()
        .filter_map(|d| {
            let c = cals.get(d)?;
            let (from, to) = c.years()?;
            let next = c
                .upcoming(today, 3)
                .into_iter()
                .map(|(day, title)| {
                    format!("{}: {title}", crate::domain::format::london_date_words(day))
                })
                .collect();
            let name = match *d {
                "england-and-wales" => crate::i18n::t("holidays-england-and-wales"),
                "scotland" => crate::i18n::t("holidays-scotland"),
                "northern-ireland" => crate::i18n::t("holidays-northern-ireland"),
                other => other.to_string(),
            };
            Some((name, from, to, next))
        })
        .collect();
    let (nav, code) = form_nav(req, Some(who), &errors);
    html(
        code,
        &AdminHolidaysPage {
            nav,
            errors: Errors(errors),
            divisions,
        },
    )
}

async fn show(state: web::Data<AppState>, req: HttpRequest, viewer: Viewer) -> PageResult {
    let who = require_user(&req, viewer)?;
    crate::services::administrator(&who.grants)?;
    page(&state, &req, &who, Vec::new())
}

async fn import(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(who): SignedIn,
    payload: web::Payload,
) -> PageResult {
    crate::services::administrator(&who.grants)?;
    let upload = crate::web::upload::read_form(
        &req,
        payload,
        2 * 1024 * 1024,
        &state.settings.data_dir.join("tmp"),
    )
    .await?;
    let Some(file) = upload.file else {
        return page(
            &state,
            &req,
            &who,
            vec![FieldError::new(
                "file",
                "required",
                crate::i18n::t("holidays-file-required"),
            )],
        );
    };
    let content = match std::fs::read_to_string(&file.temp) {
        Ok(c) => c,
        Err(_) => {
            return page(
                &state,
                &req,
                &who,
                vec![FieldError::new(
                    "file",
                    "invalid",
                    crate::i18n::t("holidays-not-text"),
                )],
            );
        }
    };
    let actor = who.actor(&req);
    let now = state.clock.now_naive();
    match state
        .tx(move |c| crate::services::meetings::import_holidays(c, &actor, &content, now))
        .await
    {
        Ok(cals) => {
            state.set_calendars(cals);
            Ok(see_other("/admin/holidays?notice=holidays-imported"))
        }
        Err(AppError::Validation(errors)) => {
            let mut resp = page(&state, &req, &who, errors)?;
            *resp.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}
