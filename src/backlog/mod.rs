//! The e-service backlog: every service scored and ranked (`ranking`, from the counters
//! in `inputs`), and the changes ministries and designers make to it.

pub mod apa;
pub mod inputs;
pub mod moves;
pub mod public;
pub mod ranking;
pub mod shaping;
pub mod snapshots;
pub mod weights;
