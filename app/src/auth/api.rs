//! Server functions for signing in and out and for one's own password.

use leptos::prelude::*;

use super::Viewer;
use crate::error::AppError;

/// The signed-in person, or `None` for a visitor. Never an error for a visitor.
#[server(endpoint = "auth/current_viewer")]
pub async fn current_viewer() -> Result<Option<Viewer>, AppError> {
    crate::api::respond(async {
        Ok(super::session::current()
            .await?
            .map(|session| session.viewer))
    })
    .await
}

#[server(endpoint = "auth/sign_in")]
pub async fn sign_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    crate::api::respond(server::sign_in(email, password, next)).await
}

#[server(endpoint = "auth/sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::api::respond(server::sign_out()).await
}

#[server(endpoint = "auth/change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    crate::api::respond(server::change_password(
        current_password,
        new_password,
        confirm_password,
    ))
    .await
}

#[cfg(feature = "ssr")]
mod server {
    use super::super::password::{check_new_password, hash_password, verify_password};
    use super::super::roles::Action;
    use super::super::{safe_next, session, store, throttle};
    use crate::api;
    use crate::error::{AppError, AppResult, FieldErrors};

    /// A real argon2id hash of a random string: verifying against it when no account
    /// matches keeps the time of a failed sign-in the same whether or not the email exists.
    pub(super) const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1zXOVC0GG7XhcKMe3M1mZjRWTY1W/oPEZfGCOx2cLCE";

    const WRONG_CREDENTIALS: &str = "The email address or password is not right.";

    fn client_address() -> String {
        api::request_parts()
            .ok()
            .and_then(|parts| {
                parts
                    .extensions
                    .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                    .map(|info| info.0.ip().to_string())
            })
            .unwrap_or_else(|| "unknown".to_string())
    }

    pub async fn sign_in(email: String, password: String, next: Option<String>) -> AppResult<()> {
        let state = api::state()?;
        let email = email.trim().to_lowercase();
        let mut errors = FieldErrors::new();
        if email.is_empty() {
            errors.add("email", "Enter your email address.");
        } else if email.len() > 254 {
            errors.add("email", "That email address is too long.");
        }
        if password.is_empty() {
            errors.add("password", "Enter your password.");
        } else if password.len() > 1024 {
            errors.add("password", WRONG_CREDENTIALS);
        }
        errors.into_result()?;

        let address = client_address();
        for key in [
            throttle::Key::Account(&email),
            throttle::Key::Address(&address),
        ] {
            if let Some(seconds) = throttle::blocked_for(&state.db, &state.auth, key).await? {
                return Err(AppError::TooManyRequests(throttle::wait_message(seconds)));
            }
        }

        let candidates = store::credentials_by_email(&state.db, &email).await?;
        let mut matched = None;
        for candidate in &candidates {
            if let Some(hash) = &candidate.password_hash
                && verify_password(password.clone(), hash.clone()).await?
            {
                matched = Some(candidate);
                break;
            }
        }
        if candidates.is_empty() {
            verify_password(password, DECOY_HASH.to_string()).await?;
        }
        let Some(account) = matched else {
            throttle::record_failure(&state.db, &state.auth, throttle::Key::Account(&email))
                .await?;
            throttle::record_failure(&state.db, &state.auth, throttle::Key::Address(&address))
                .await?;
            return Err(AppError::field("form", WRONG_CREDENTIALS));
        };
        throttle::clear(&state.db, throttle::Key::Account(&email)).await?;

        // A new session every sign-in: a token planted before sign-in is worth nothing after.
        if let Some(old) = session::current().await? {
            session::revoke(&state.db, &old.token).await?;
        }
        let token =
            session::create(&state.db, &state.auth, &account.person_id, &account.org_id).await?;
        session::set_cookie(&session::session_cookie(&state.auth, Some(&token)));
        leptos_axum::redirect(&safe_next(next.as_deref()));
        Ok(())
    }

    pub async fn sign_out() -> AppResult<()> {
        let state = api::state()?;
        if let Some(current) = session::current().await? {
            session::revoke(&state.db, &current.token).await?;
        }
        session::set_cookie(&session::session_cookie(&state.auth, None));
        leptos_axum::redirect("/login");
        Ok(())
    }

    pub async fn change_password(
        current_password: String,
        new_password: String,
        confirm_password: String,
    ) -> AppResult<()> {
        let state = api::state()?;
        let current = session::current().await?.ok_or(AppError::Unauthenticated)?;
        current.viewer.require(Action::UseOwnAccount)?;

        let mut errors = FieldErrors::new();
        if current_password.is_empty() {
            errors.add("current_password", "Enter your current password.");
        }
        check_new_password(
            &new_password,
            &current.viewer.email,
            "new_password",
            &mut errors,
        );
        if new_password != confirm_password {
            errors.add("confirm_password", "The two new passwords do not match.");
        }
        if !current_password.is_empty() && current_password == new_password {
            errors.add(
                "new_password",
                "Choose a password different from your current one.",
            );
        }
        errors.into_result()?;

        let account = store::credentials_by_id(&state.db, &current.viewer.id)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let matches = match account.password_hash {
            Some(hash) => verify_password(current_password, hash).await?,
            None => false,
        };
        if !matches {
            return Err(AppError::field(
                "current_password",
                "Your current password is not right.",
            ));
        }
        let hash = hash_password(new_password).await?;
        store::set_password_hash(&state.db, &current.viewer.id, hash).await?;
        // Anyone else holding this account's session is signed out; this browser stays in.
        session::revoke_others(&state.db, &current.viewer.id, &current.token).await?;
        Ok(())
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[tokio::test]
    async fn the_decoy_hash_parses_so_unknown_emails_do_the_full_argon2_work() {
        use argon2::password_hash::PasswordHash;
        let parsed = PasswordHash::new(super::server::DECOY_HASH).expect("a valid PHC string");
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        let matched = crate::auth::password::verify_password(
            "anything".into(),
            super::server::DECOY_HASH.into(),
        )
        .await
        .unwrap();
        assert!(!matched);
    }
}
