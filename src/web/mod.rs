//! What every HTML page shares: the language, the page frame, form inputs.

pub mod client_address;
pub mod control_chars;
pub mod input;
pub mod lang;
pub mod page;
pub mod rate_limit;
pub mod validate;

pub use page::Renderer;
