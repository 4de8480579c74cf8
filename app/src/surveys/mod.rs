//! Surveys that staff trust: the builder, anonymous responses, headline measures (training
//! impact, recommendation, eNPS), results with small groups suppressed, trends across waves
//! and event evaluations. See `store` for how anonymity is built into what is stored.

pub mod answers;
pub mod api;
pub mod design;
pub mod measures;
pub mod model;
pub mod results;
pub mod suppression;
pub mod templates;
pub mod views;

#[cfg(feature = "ssr")]
pub mod events;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
mod kept_counts;
#[cfg(feature = "ssr")]
pub mod report;
#[cfg(feature = "ssr")]
pub mod store;
