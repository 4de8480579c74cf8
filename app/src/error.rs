//! The one error type every server function returns.
//!
//! Variants are the things a person can act on; everything else is `Internal`, whose cause
//! is logged on the server and never sent to the browser.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use server_fn_error::{FromServerFnError, ServerFnErrorErr};

/// Re-exported so API modules need one import.
pub type AppResult<T> = Result<T, AppError>;

/// Per-field messages for a form, keyed by the field's name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        // The first problem with a field is the one worth showing.
        self.0
            .entry(field.to_string())
            .or_insert_with(|| message.into());
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when nothing was added, otherwise the validation error.
    pub fn into_result(self) -> AppResult<()> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please sign in to continue.")]
    Unauthenticated,
    #[error("You do not have permission to do that.")]
    Forbidden,
    #[error("We could not find that.")]
    NotFound,
    #[error("Please check the highlighted fields.")]
    Validation(FieldErrors),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    TooManyRequests(String),
    #[error("Something went wrong on our side. Please try again.")]
    Internal,
    /// The request never reached the function (network, encoding). Shown as-is.
    #[error("Could not reach Pathway: {0}")]
    Transport(String),
}

impl AppError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, message);
        Self::Validation(errors)
    }

    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            Self::Validation(errors) => Some(errors),
            _ => None,
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Validation(_) => 422,
            Self::Conflict(_) => 409,
            Self::TooManyRequests(_) => 429,
            Self::Internal | Self::Transport(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = server_fn_error::JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Bad or missing arguments are the caller's mistake, not ours.
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::MissingArg(message) => {
                Self::field("form", format!("The form could not be read: {message}"))
            }
            ServerFnErrorErr::Request(message)
            | ServerFnErrorErr::Response(message)
            | ServerFnErrorErr::Deserialization(message) => Self::Transport(message),
            _ => Self::Internal,
        }
    }
}

/// Server-side conversions: causes are logged here and turned into `Internal`.
#[cfg(feature = "ssr")]
mod ssr {
    use super::AppError;

    impl From<surrealdb::Error> for AppError {
        fn from(error: surrealdb::Error) -> Self {
            tracing::error!(%error, "database error");
            Self::Internal
        }
    }

    impl From<tokio::task::JoinError> for AppError {
        fn from(error: tokio::task::JoinError) -> Self {
            tracing::error!(%error, "background task failed");
            Self::Internal
        }
    }
}

mod server_fn_error {
    pub use leptos::server_fn::codec::JsonEncoding;
    pub use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_message_per_field_wins() {
        let mut errors = FieldErrors::new();
        errors.add("email", "Enter an email address.");
        errors.add("email", "Second message");
        assert_eq!(errors.get("email"), Some("Enter an email address."));
        assert!(errors.into_result().is_err());
    }

    #[test]
    fn empty_field_errors_are_ok() {
        assert!(FieldErrors::new().into_result().is_ok());
    }

    #[test]
    fn statuses_match_meaning() {
        assert_eq!(AppError::Unauthenticated.status(), 401);
        assert_eq!(AppError::Forbidden.status(), 403);
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(AppError::field("x", "y").status(), 422);
        assert_eq!(AppError::Internal.status(), 500);
    }

    #[test]
    fn internal_errors_say_nothing_of_the_cause() {
        let message = AppError::Internal.to_string();
        assert!(!message.to_lowercase().contains("database"));
    }
}
