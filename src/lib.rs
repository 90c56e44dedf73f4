//! Quorate: meeting agendas, board papers, decisions and actions for
//! public-sector partnership boards. See docs/architecture.md.

pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod demo_large;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod ratelimit;
pub mod render;
pub mod services;
pub mod startup;
pub mod state;
pub mod views;
pub mod web;

pub use startup::Application;
