//! In-app notifications: sign-off requested, signed off, returned, progression decisions.

pub mod api;
pub mod views;

#[cfg(feature = "ssr")]
pub mod store;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: String,
    pub text: String,
    pub link: String,
    pub seen: bool,
    /// UK time, ready to show.
    pub at: String,
}

pub const NOTIFICATIONS_SHOWN: u32 = 50;
