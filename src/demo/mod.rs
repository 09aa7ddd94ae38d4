//! Demo data: a realistic charter catalogue (48 ministries, 809 services) and
//! citizen feedback in Bangla, English, mixed and romanised Bangla: the labelled
//! corpus's development texts for its 14 services, a varied phrase set for the rest.

mod backlog;
mod catalogue;
mod feedback;
mod phrases;
mod sayings;
mod staff;

pub use backlog::promote_demo_backlog;
pub use catalogue::{catalogue_rows, load_catalogue};
pub use feedback::generate_feedback;
pub use staff::{ensure_demo_staff, DemoLogin};

/// How much demo data to make.
#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    /// Services in the catalogue.
    pub services: usize,
    /// Feedback entries to add.
    pub feedback: usize,
    /// Random seed.
    pub seed: u64,
}
