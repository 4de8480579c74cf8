//! Server functions for notifications: each one is about the signed-in person only.

use leptos::prelude::*;

use super::Notification;
use crate::error::AppError;

/// The signed-in person's unread count; nobody signed in has none.
#[server(endpoint = "notify/unread_count")]
pub async fn unread_count() -> Result<u32, AppError> {
    crate::api::respond(async {
        let Ok(viewer) = crate::auth::session::require_viewer().await else {
            return Ok(0);
        };
        let state = crate::api::state()?;
        super::store::unread_count(&state.db, &viewer.org_id, &viewer.id).await
    })
    .await
}

#[server(endpoint = "notify/my_notifications")]
pub async fn my_notifications() -> Result<Vec<Notification>, AppError> {
    crate::api::respond(async {
        let viewer = crate::auth::session::require_viewer().await?;
        let state = crate::api::state()?;
        super::store::latest(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            super::NOTIFICATIONS_SHOWN,
        )
        .await
    })
    .await
}

#[server(endpoint = "notify/mark_all_seen")]
pub async fn mark_all_seen() -> Result<(), AppError> {
    crate::api::respond(async {
        let viewer = crate::auth::session::require_viewer().await?;
        let state = crate::api::state()?;
        super::store::mark_all_seen(&state.db, &viewer.org_id, &viewer.id).await
    })
    .await
}
