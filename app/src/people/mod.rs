//! People and teams of a council: the admin pages and the supervisor's team view.

pub mod api;
pub mod levels;
pub mod model;
pub mod views;

#[cfg(feature = "ssr")]
pub mod store;
