//! What every HTML page shares: the language, the page frame, form inputs.

pub mod input;
pub mod lang;
pub mod page;

pub use page::Renderer;
