//! Identity and access: who is signed in, what their roles let them do, and signing in and out.

pub mod api;
pub mod password;
pub mod roles;
pub mod views;

#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod throttle;

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use roles::{Action, Role};

/// The signed-in person, as every page and server function sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: String,
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub career_level: String,
    pub org_id: String,
    pub org_name: String,
}

impl Viewer {
    pub fn can(&self, action: Action) -> bool {
        roles::allows(&self.roles, action)
    }

    /// `Forbidden` unless the viewer's roles allow `action`.
    pub fn require(&self, action: Action) -> AppResult<()> {
        if self.can(action) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

/// Only same-site paths are followed after sign-in, so a link cannot send someone elsewhere.
pub fn safe_next(next: Option<&str>) -> String {
    match next.map(str::trim) {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.starts_with("/login")
                && !path.chars().any(char::is_control) =>
        {
            path.to_string()
        }
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_must_be_a_local_path() {
        assert_eq!(safe_next(Some("/admin/people")), "/admin/people");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/login")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn viewer_require_follows_roles() {
        let viewer = Viewer {
            id: "p".into(),
            name: "Sam Jones".into(),
            email: "sam@demo.test".into(),
            roles: vec![Role::Practitioner],
            career_level: "nqsw".into(),
            org_id: "o".into(),
            org_name: "Demo".into(),
        };
        assert!(viewer.require(Action::UseOwnAccount).is_ok());
        assert_eq!(
            viewer.require(Action::ManagePeople),
            Err(AppError::Forbidden)
        );
        assert_eq!(viewer.first_name(), "Sam");
    }
}
