//! Email: message templates, the outbox writer, and the transports.

pub mod messages;
pub mod smtp_pool;
pub mod transport;

pub use messages::Email;
pub use transport::Mailer;
