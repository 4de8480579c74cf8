//! A practitioner's portfolio: evidence and structured reflections, linked to criteria.

pub mod api;
pub mod model;
pub mod views;

#[cfg(feature = "ssr")]
pub mod store;
