//! Server-rendered pages: the route table. Each area's handlers are in the
//! file of its name; what they share is in `web::respond`, `web::extract`
//! and `bodies`.

pub mod accessibility;
pub mod account;
pub mod actions;
pub mod admin;
pub mod agenda;
pub mod bodies;
pub mod decision_note;
pub mod decisions;
pub mod follow;
pub mod forward_plan;
pub mod holidays;
pub mod home;
pub mod interests;
pub mod mail;
pub mod meetings;
pub mod minutes;
pub mod open_data;
pub mod outcomes;
pub mod papers;
pub mod preferences;
pub mod record;
pub mod search;
mod translations;

use actix_web::web;

use crate::error::AppError;
use crate::web::respond::PageError;
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.config().app_data(
        web::FormConfig::default()
            .limit(256 * 1024)
            .error_handler(|e, _| {
                PageError::App(AppError::BadRequest(crate::i18n::say_args(
                    "err-form-unreadable",
                    &[("why", crate::i18n::Arg::Text(&e.to_string()))],
                )))
                .into()
            }),
    );
    home::configure(r);
    accessibility::configure(r);
    account::configure(r);
    admin::configure(r);
    holidays::configure(r);
    mail::configure(r);
    preferences::configure(r);
    meetings::configure(r);
    agenda::configure(r);
    agenda::published::configure(r);
    record::configure(r);
    minutes::configure(r);
    actions::configure(r);
    decisions::configure(r);
    decision_note::configure(r);
    interests::configure(r);
    translations::configure(r);
    follow::configure(r);
    outcomes::configure(r);
    forward_plan::configure(r);
    open_data::configure(r);
    search::configure(r);
    // Before papers: its POST /papers/{id}/{action} would match these too.
    crate::web::attachments::configure_pages(r);
    papers::configure(r);
}
