//! The learning academy: the resource library, learning paths and live learning events.

pub mod booking;
pub mod ranking;
pub mod resource;

#[cfg(feature = "ssr")]
pub mod ics;
#[cfg(feature = "ssr")]
pub mod markdown;
