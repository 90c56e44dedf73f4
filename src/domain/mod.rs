//! Pure rules: no I/O, no database. Each module has its unit tests beside it.

pub mod bodies;
pub mod policy;
pub mod roles;
pub mod validate;
