//! Nagorik: citizen feedback and service design intake.

pub mod assets;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod intake;
pub mod routes;
pub mod startup;
pub mod telemetry;
pub mod templates;
pub mod themes;
pub mod web;
