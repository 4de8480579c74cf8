//! What the server hands every request (server only).

use std::sync::Arc;
use std::time::Duration;

use crate::auth::session::ResolvedSession;
use crate::db::Db;

#[derive(Debug, Clone)]
pub struct AuthSettings {
    /// Sets `Secure` and the `__Host-` cookie prefix; on whenever the site is served over HTTPS.
    pub secure_cookies: bool,
    /// A session ends after this long without a request.
    pub idle_timeout: Duration,
    /// A session ends this long after sign-in, however busy.
    pub absolute_timeout: Duration,
    /// Failed sign-ins allowed per account within `throttle_window`.
    pub max_failures_per_account: i64,
    /// Failed sign-ins allowed per network address within `throttle_window`.
    pub max_failures_per_address: i64,
    pub throttle_window: Duration,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            idle_timeout: Duration::from_secs(2 * 60 * 60),
            absolute_timeout: Duration::from_secs(12 * 60 * 60),
            max_failures_per_account: 5,
            max_failures_per_address: 30,
            throttle_window: Duration::from_secs(15 * 60),
        }
    }
}

/// Shared by every request.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub auth: Arc<AuthSettings>,
    /// How long the leader's dashboard is kept before it is worked out again; zero works it
    /// out for every view.
    pub insight_max_age: std::time::Duration,
}

/// Per request: the signed-in person, looked up at most once however many server
/// functions a page calls.
#[derive(Clone, Default)]
pub struct RequestSession(pub Arc<tokio::sync::OnceCell<Option<ResolvedSession>>>);

/// Everything a request's reactive owner needs; call from `leptos_routes_with_context`.
pub fn provide_request_context(state: &AppState) {
    leptos::prelude::provide_context(state.clone());
    leptos::prelude::provide_context(RequestSession::default());
}
