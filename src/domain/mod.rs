//! Pure rules: no I/O, no database. Each module has its unit tests beside it.

pub mod actions;
pub mod agenda;
pub mod attachments;
pub mod bodies;
pub mod briefing;
pub mod calendar;
pub mod chase;
pub mod exempt;
pub mod format;
pub mod forward_plan;
pub mod frozen;
pub mod idempotency;
pub mod interests;
pub mod links;
pub mod open_data;
pub mod outcomes;
pub mod papers;
pub mod policy;
pub mod preferences;
pub mod record;
pub mod roles;
pub mod rules;
pub mod search;
pub mod timeline;
pub mod translation;
pub mod validate;
