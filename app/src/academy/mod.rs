//! The learning academy: the resource library, learning paths and live learning events.

pub mod booking;
pub mod event_api;
pub mod event_form;
pub mod event_views;
pub mod library_api;
pub mod library_views;
pub mod model;
pub mod path_api;
pub mod path_form;
pub mod path_views;
pub mod ranking;
pub mod resource;
pub mod search;

#[cfg(feature = "ssr")]
pub mod catalogue;
#[cfg(feature = "ssr")]
pub mod event_store;
#[cfg(feature = "ssr")]
pub mod ics;
#[cfg(feature = "ssr")]
pub mod library_store;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod path_store;
#[cfg(feature = "ssr")]
pub mod text_index;
