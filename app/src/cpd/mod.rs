//! CPD for Social Work England registration: records, registration years and their rules.

pub mod api;
pub mod model;
pub mod rules;
pub mod views;

#[cfg(feature = "ssr")]
pub mod store;
