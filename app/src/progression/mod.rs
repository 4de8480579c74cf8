//! The career pathway: frameworks and their versions, where each person stands, sign-off by
//! supervisors, and progression decisions.

pub mod api;
pub mod data;
pub mod framework_api;
pub mod model;
pub mod views;

#[cfg(feature = "ssr")]
pub mod case_store;
#[cfg(feature = "ssr")]
pub mod framework_store;
#[cfg(feature = "ssr")]
pub mod store;
