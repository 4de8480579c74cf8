//! Helpers every server function uses (server only): the shared state, the request, and
//! turning errors into the right HTTP status.

use http::request::Parts;
use leptos::prelude::use_context;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub fn state() -> AppResult<AppState> {
    use_context::<AppState>().ok_or_else(|| {
        // A page's data can still be loading when its browser goes away (a click onwards, a
        // closed tab); the request's context is gone by then and nobody awaits the answer.
        // Anything else without the state is a wiring bug.
        match use_context::<Parts>() {
            None => tracing::debug!("request ended before its data was loaded"),
            Some(parts) => tracing::error!(uri = %parts.uri, "AppState missing from context"),
        }
        AppError::Internal
    })
}

pub fn request_parts() -> AppResult<Parts> {
    use_context::<Parts>().ok_or_else(|| {
        tracing::error!("request parts missing from context");
        AppError::Internal
    })
}

/// Whether the caller is a plain HTML form post (no wasm yet), which must get a redirect
/// rather than an error status.
fn is_form_post(parts: &Parts) -> bool {
    parts
        .headers
        .get(http::header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// Runs a server function body and answers its error with the matching status code.
pub async fn respond<T>(body: impl Future<Output = AppResult<T>>) -> AppResult<T> {
    let result = body.await;
    if let Err(error) = &result
        && let Some(options) = use_context::<leptos_axum::ResponseOptions>()
        && !use_context::<Parts>().is_some_and(|parts| is_form_post(&parts))
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        options.set_status(status);
    }
    result
}

/// Ids are generated keys; anything longer or stranger cannot name a record of ours, so it is
/// answered as not found before it reaches a query.
pub fn check_id(id: &str) -> AppResult<()> {
    if id.is_empty()
        || id.len() > 64
        || !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return Err(AppError::NotFound);
    }
    Ok(())
}
