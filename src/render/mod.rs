//! Turning stored content into output formats.

pub mod ics;
pub mod markdown;

pub use markdown::SafeHtml;
