//! The e-service backlog: every service scored and ranked (`ranking`, from the counters
//! in `inputs`), and the changes ministries and designers make to it.

pub mod inputs;
pub mod moves;
pub mod ranking;
pub mod shaping;
