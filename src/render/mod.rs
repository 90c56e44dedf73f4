//! Turning stored content into output formats.

pub mod csv_cells;
pub mod ics;
pub mod markdown;
pub mod pack_pdf;
pub mod typst_markup;

pub use markdown::SafeHtml;
