//! The e-service design brief of a backlog item: what citizens live through today, step by
//! step, read from their feedback ([`journey`]), what they want ([`wants`]), and the design a
//! designer writes from it ([`design`]): the to-be journey with its targets and savings, and a
//! decision on each thing citizens want, saved as versions ([`save`]).
//!
//! Exported as an A4 print page and DOCX ([`export`], [`docx`]). Not yet: the public
//! before/after (docs/brief.md).

pub mod design;
pub mod design_diff;
pub mod design_form;
pub mod document;
pub mod docx;
pub mod export;
pub mod figures;
pub mod journey;
pub mod load;
pub mod public;
pub mod save;
pub mod wants;

pub use journey::{build, Journey};
