//! Workforce stability: each team's quarterly figures, the DfE measures made from them,
//! rolled up to services and the council and read against the published benchmarks.

pub mod api;
#[cfg(feature = "ssr")]
pub mod export;
pub mod form;
pub mod model;
pub mod quarter;
pub mod rates;
pub mod rollup;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
