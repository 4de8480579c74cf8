//! Insight for leaders: the progression pipeline and the five areas the councils in
//! domain-facts monitored (manageable caseloads, recording, quality and learning, recruitment
//! and retention, quality of frontline practice), each with its figures and trend, for the
//! council, a service or a team. Survey figures keep the survey's minimum group size.

pub mod api;
#[cfg(feature = "ssr")]
pub mod export;
pub mod filters;
#[cfg(feature = "ssr")]
pub mod learning;
pub mod model;
pub mod pipeline;
#[cfg(feature = "ssr")]
pub mod snapshot;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
