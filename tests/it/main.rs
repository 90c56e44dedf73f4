//! One integration-test binary: the app on a real port, a real database
//! (SQLite by default; PostgreSQL when QUORATE_TEST_POSTGRES_URL is set),
//! and a real SMTP server.

mod accessibility;
mod agendas;
mod api_accounts;
mod api_bodies;
mod api_errors;
mod api_papers;
mod attachments;
mod bilingual;
mod browser;
mod builders;
mod catalogue;
mod chase;
mod cli;
mod config;
mod cymraeg;
mod decision_note;
mod demo;
mod forms;
mod forward_plan;
mod helpers;
mod interests;
mod journeys;
mod layers;
mod logs;
mod mail;
mod matrix;
mod migrations;
mod open_data;
mod outcomes;
mod packs;
mod page_cache;
mod pages;
mod pages_papers;
mod pages_record;
mod preferences;
mod proposals;
mod queries;
mod record;
mod rules;
mod search;
mod smtp;
