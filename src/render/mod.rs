//! Turning stored content into output formats.

pub mod markdown;

pub use markdown::SafeHtml;
