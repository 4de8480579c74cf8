//! Sign-in throttling per account and per network address (server only). Counts live in the
//! database, so every app server sees the same limits.

use surrealdb::types::SurrealValue;

use crate::db::Db;
use crate::error::AppResult;
use crate::state::AuthSettings;

#[derive(Debug, Clone, Copy)]
pub enum Key<'a> {
    Account(&'a str),
    Address(&'a str),
}

impl Key<'_> {
    fn parts(&self) -> (&'static str, String) {
        match self {
            Key::Account(email) => ("account", email.to_string()),
            Key::Address(address) => ("address", address.to_string()),
        }
    }

    fn limit(&self, settings: &AuthSettings) -> i64 {
        match self {
            Key::Account(_) => settings.max_failures_per_account,
            Key::Address(_) => settings.max_failures_per_address,
        }
    }
}

#[derive(SurrealValue)]
struct Window {
    failures: i64,
    seconds_left: i64,
}

const READ: &str = "
    SELECT failures,
           duration::secs(window_start + duration::from_secs($window) - time::now()) AS seconds_left
    FROM type::record('throttle', [$kind, $key])
    WHERE window_start > time::now() - duration::from_secs($window);
";

const RECORD_FAILURE: &str = "
    LET $fresh = time::now() - duration::from_secs($window);
    UPSERT type::record('throttle', [$kind, $key]) SET
        failures = IF window_start != NONE AND window_start > $fresh { failures + 1 } ELSE { 1 },
        window_start = IF window_start != NONE AND window_start > $fresh { window_start } ELSE { time::now() }
    RETURN NONE;
";

const CLEAR: &str = "DELETE type::record('throttle', [$kind, $key]);";

/// `Some(seconds to wait)` when the key has used up its failures in the current window.
pub async fn blocked_for(db: &Db, settings: &AuthSettings, key: Key<'_>) -> AppResult<Option<i64>> {
    let (kind, value) = key.parts();
    let mut response = db
        .query(READ)
        .bind(("kind", kind))
        .bind(("key", value))
        .bind(("window", settings.throttle_window.as_secs() as i64))
        .await?
        .check()?;
    let rows: Vec<Window> = response.take(0)?;
    Ok(rows
        .into_iter()
        .next()
        .filter(|window| window.failures >= key.limit(settings))
        .map(|window| window.seconds_left.max(1)))
}

pub async fn record_failure(db: &Db, settings: &AuthSettings, key: Key<'_>) -> AppResult<()> {
    let (kind, value) = key.parts();
    db.query(RECORD_FAILURE)
        .bind(("kind", kind))
        .bind(("key", value))
        .bind(("window", settings.throttle_window.as_secs() as i64))
        .await?
        .check()?;
    Ok(())
}

pub async fn clear(db: &Db, key: Key<'_>) -> AppResult<()> {
    let (kind, value) = key.parts();
    db.query(CLEAR)
        .bind(("kind", kind))
        .bind(("key", value))
        .await?
        .check()?;
    Ok(())
}

/// "Try again in 12 minutes." for a wait in seconds.
pub fn wait_message(seconds: i64) -> String {
    let minutes = (seconds + 59) / 60;
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    format!(
        "Too many attempts to sign in. Try again in {minutes} {unit}, or ask your admin to reset your password."
    )
}

#[cfg(test)]
mod tests {
    use super::wait_message;

    #[test]
    fn wait_rounds_up_to_whole_minutes() {
        assert!(wait_message(1).contains("1 minute,"));
        assert!(wait_message(61).contains("2 minutes"));
        assert!(wait_message(900).contains("15 minutes"));
    }
}
