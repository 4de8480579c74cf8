//! Password rules (pure, shared) and hashing (server only, argon2id with OWASP parameters).

use crate::error::FieldErrors;

pub const MIN_PASSWORD_LEN: usize = 12;
pub const MAX_PASSWORD_LEN: usize = 256;

const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Checks a new password against the policy, adding a message to `field` when it fails.
pub fn check_new_password(password: &str, email: &str, field: &str, errors: &mut FieldErrors) {
    let length = password.chars().count();
    if length < MIN_PASSWORD_LEN {
        errors.add(
            field,
            format!("Use at least {MIN_PASSWORD_LEN} characters. A short phrase of a few words works well."),
        );
    } else if length > MAX_PASSWORD_LEN {
        errors.add(field, format!("Use at most {MAX_PASSWORD_LEN} characters."));
    } else if is_common(password) {
        errors.add(
            field,
            "That password is too common and easy to guess. Choose another.",
        );
    } else if !email.is_empty() && password.trim().eq_ignore_ascii_case(email.trim()) {
        errors.add(field, "Do not use your email address as your password.");
    }
}

fn is_common(password: &str) -> bool {
    let candidate = password.trim().to_lowercase();
    COMMON_PASSWORDS
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .any(|line| line == candidate)
}

#[cfg(feature = "ssr")]
pub use hashing::{hash_password, verify_password};

#[cfg(feature = "ssr")]
mod hashing {
    use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
    use argon2::{Algorithm, Argon2, Params, Version};

    use crate::error::AppError;

    /// OWASP's argon2id recommendation: 19 MiB of memory, 2 passes, 1 lane.
    fn hasher() -> Result<Argon2<'static>, AppError> {
        let params = Params::new(19 * 1024, 2, 1, None).map_err(|error| {
            tracing::error!(%error, "argon2 parameters rejected");
            AppError::Internal
        })?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    /// Hashes on a blocking thread: argon2 is deliberately slow and must not stall the runtime.
    pub async fn hash_password(password: String) -> Result<String, AppError> {
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
            hasher()?
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(|error| {
                    tracing::error!(%error, "password hashing failed");
                    AppError::Internal
                })
        })
        .await?
    }

    /// True when `password` matches the stored PHC string. A malformed hash never matches.
    pub async fn verify_password(password: String, stored: String) -> Result<bool, AppError> {
        tokio::task::spawn_blocking(move || {
            let Ok(parsed) = PasswordHash::new(&stored) else {
                tracing::warn!("stored password hash is malformed");
                return Ok(false);
            };
            Ok(hasher()?
                .verify_password(password.as_bytes(), &parsed)
                .is_ok())
        })
        .await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(password: &str) -> Option<String> {
        let mut errors = FieldErrors::new();
        check_new_password(password, "sam@demo.test", "password", &mut errors);
        errors.get("password").map(str::to_string)
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(problem("elevenchars").unwrap().contains("at least 12"));
        assert!(problem("twelve chars").is_none());
    }

    #[test]
    fn common_passwords_are_refused_whatever_the_case() {
        assert!(problem("Password1234").unwrap().contains("too common"));
        assert!(problem("QWERTY123456").unwrap().contains("too common"));
    }

    #[test]
    fn email_as_password_is_refused() {
        let mut errors = FieldErrors::new();
        check_new_password(
            "sam.jones@demo.test",
            "sam.jones@demo.test",
            "p",
            &mut errors,
        );
        assert!(errors.get("p").unwrap().contains("email"));
    }

    #[test]
    fn a_passphrase_is_accepted() {
        assert!(problem("kettle orchard lantern").is_none());
    }

    #[test]
    fn very_long_passwords_are_refused() {
        assert!(problem(&"x".repeat(300)).unwrap().contains("at most"));
    }

    #[cfg(feature = "ssr")]
    #[tokio::test]
    async fn hashes_verify_and_differ_per_salt() {
        let first = hash_password("kettle orchard lantern".into())
            .await
            .unwrap();
        let second = hash_password("kettle orchard lantern".into())
            .await
            .unwrap();
        assert_ne!(first, second);
        assert!(first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify_password("kettle orchard lantern".into(), first.clone())
                .await
                .unwrap()
        );
        assert!(
            !verify_password("kettle orchard lanterns".into(), first)
                .await
                .unwrap()
        );
        assert!(
            !verify_password("anything".into(), "not-a-hash".into())
                .await
                .unwrap()
        );
    }
}
