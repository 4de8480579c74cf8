//! The supervision log and how often supervision is expected.

pub mod api;
pub mod frequency;
pub mod model;
pub mod views;

#[cfg(feature = "ssr")]
pub mod store;
