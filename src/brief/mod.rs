//! The e-service design brief of a backlog item: what citizens live through today, step by
//! step, read from their feedback ([`journey`]), as a designer takes it into a design workshop.
//!
//! Built so far: today's journey (page and JSON). Not yet: what citizens want, the to-be journey
//! with its savings, versions, exports and the public before/after (docs/brief.md).

pub mod journey;
pub mod load;

pub use journey::{build, Journey};
