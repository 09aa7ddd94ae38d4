//! Nagorik: citizen feedback and service design intake.

pub mod accounts;
pub mod assets;
pub mod audit;
pub mod auth;
pub mod backlog;
pub mod catalogue;
pub mod charts;
pub mod cli;
pub mod config;
pub mod counts;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod grouping;
pub mod i18n;
pub mod intake;
pub mod moderation;
pub mod routes;
pub mod startup;
pub mod telemetry;
pub mod templates;
pub mod themes;
pub mod voices;
pub mod web;
pub mod workspace;
