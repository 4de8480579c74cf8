//! The ASYE programme: the assessed and supported first year of a newly qualified social worker.

pub mod api;
pub mod model;
pub mod schedule;
pub mod views;

#[cfg(feature = "ssr")]
pub mod store;
