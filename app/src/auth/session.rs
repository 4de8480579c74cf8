//! Sign-in sessions stored in the database (server only), so any number of app servers can
//! share them. The cookie carries a random 256-bit token; the database keeps only its hash.

use cookie::{Cookie, SameSite};
use http::HeaderValue;
use http::header::{COOKIE, SET_COOKIE};
use rand::RngCore;
use surrealdb::types::SurrealValue;

use super::Viewer;
use super::roles::Role;
use crate::api;
use crate::db::{Db, with_retry};
use crate::error::{AppError, AppResult};
use crate::state::{AuthSettings, RequestSession};

const COOKIE_NAME: &str = "pathway_session";
const SECURE_COOKIE_NAME: &str = "__Host-pathway_session";

/// The signed-in person plus what the server needs to end their session.
#[derive(Debug, Clone)]
pub struct ResolvedSession {
    pub viewer: Viewer,
    pub token: String,
}

#[derive(SurrealValue)]
struct SessionRow {
    person_id: String,
    name: String,
    email: String,
    roles: Vec<String>,
    career_level: String,
    org_id: String,
    org_name: String,
}

const CREATE_SESSION: &str = "
    CREATE type::record('session', crypto::sha256($session_token)) SET
        person = type::record('person', $person),
        org = type::record('org', $org),
        created_at = time::now(),
        last_seen = time::now(),
        expires_at = time::now() + duration::from_secs($absolute_secs);
";

/// The live session for a token, with its person, if neither timeout has passed and the
/// person is still active. Refreshes `last_seen` at most once a minute to spare writes.
const RESOLVE_SESSION: &str = "
    LET $sid = type::record('session', crypto::sha256($session_token));
    LET $live = (SELECT * FROM ONLY $sid
        WHERE expires_at > time::now()
          AND last_seen > time::now() - duration::from_secs($idle_secs)
          AND person.active = true);
    IF $live != NONE AND $live.last_seen < time::now() - 1m {
        UPDATE $sid SET last_seen = time::now() RETURN NONE;
    };
    IF $live == NONE { [] } ELSE {
        SELECT record::id(person) AS person_id, person.name AS name, person.email AS email,
               person.roles AS roles, person.career_level AS career_level,
               record::id(org) AS org_id, org.name AS org_name
        FROM $sid
    };
";

const DELETE_SESSION: &str = "DELETE type::record('session', crypto::sha256($session_token));";

/// Every session of a person, as when they are deactivated.
const DELETE_PERSON_SESSIONS: &str =
    "DELETE session WHERE person = type::record('person', $person);";

const DELETE_OTHER_SESSIONS: &str = "
    DELETE session WHERE person = type::record('person', $person)
        AND id != type::record('session', crypto::sha256($session_token));
";

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn cookie_name(settings: &AuthSettings) -> &'static str {
    if settings.secure_cookies {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

/// The `Set-Cookie` value for a new session, or for clearing it when `token` is `None`.
pub fn session_cookie(settings: &AuthSettings, token: Option<&str>) -> String {
    let mut cookie = Cookie::build((cookie_name(settings), token.unwrap_or("").to_string()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(settings.secure_cookies);
    cookie = match token {
        Some(_) => cookie.max_age(cookie::time::Duration::seconds(
            settings.absolute_timeout.as_secs() as i64,
        )),
        None => cookie.max_age(cookie::time::Duration::ZERO),
    };
    cookie.build().to_string()
}

/// The session token the request carries, if any.
pub fn token_from_headers(headers: &http::HeaderMap, settings: &AuthSettings) -> Option<String> {
    let name = cookie_name(settings);
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_string())
        // Tokens we issue are 64 hex characters; anything else is not worth a lookup.
        .filter(|token| token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub async fn create(
    db: &Db,
    settings: &AuthSettings,
    person: &str,
    org: &str,
) -> AppResult<String> {
    let token = new_token();
    db.query(CREATE_SESSION)
        .bind(("session_token", token.clone()))
        .bind(("person", person.to_string()))
        .bind(("org", org.to_string()))
        .bind(("absolute_secs", settings.absolute_timeout.as_secs() as i64))
        .await?
        .check()?;
    Ok(token)
}

pub async fn resolve(db: &Db, settings: &AuthSettings, token: &str) -> AppResult<Option<Viewer>> {
    // Requests of one session that arrive together (tabs, a page's parallel calls) can all
    // find `last_seen` a minute old and clash refreshing it; the lookup is safe to repeat.
    let rows: Vec<SessionRow> = with_retry(|| async {
        db.query(RESOLVE_SESSION)
            .bind(("session_token", token.to_string()))
            .bind(("idle_secs", settings.idle_timeout.as_secs() as i64))
            .await?
            .check()?
            .take(3)
    })
    .await?;
    Ok(rows.into_iter().next().map(|row| Viewer {
        id: row.person_id,
        name: row.name,
        email: row.email,
        roles: row
            .roles
            .iter()
            .filter_map(|key| Role::from_key(key))
            .collect(),
        career_level: row.career_level,
        org_id: row.org_id,
        org_name: row.org_name,
    }))
}

pub async fn revoke(db: &Db, token: &str) -> AppResult<()> {
    db.query(DELETE_SESSION)
        .bind(("session_token", token.to_string()))
        .await?
        .check()?;
    Ok(())
}

pub async fn revoke_others(db: &Db, person: &str, keep_token: &str) -> AppResult<()> {
    db.query(DELETE_OTHER_SESSIONS)
        .bind(("person", person.to_string()))
        .bind(("session_token", keep_token.to_string()))
        .await?
        .check()?;
    Ok(())
}

pub async fn revoke_all(db: &Db, person: &str) -> AppResult<()> {
    db.query(DELETE_PERSON_SESSIONS)
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    Ok(())
}

/// The current request's session, looked up once per request.
pub async fn current() -> AppResult<Option<ResolvedSession>> {
    let state = api::state()?;
    let parts = api::request_parts()?;
    let cache = leptos::prelude::use_context::<RequestSession>().unwrap_or_default();
    let resolved = cache
        .0
        .get_or_try_init(|| async {
            let Some(token) = token_from_headers(&parts.headers, &state.auth) else {
                return Ok::<_, AppError>(None);
            };
            Ok(resolve(&state.db, &state.auth, &token)
                .await?
                .map(|viewer| ResolvedSession { viewer, token }))
        })
        .await?;
    Ok(resolved.clone())
}

/// The signed-in person, or `Unauthenticated`.
pub async fn require_viewer() -> AppResult<Viewer> {
    current()
        .await?
        .map(|session| session.viewer)
        .ok_or(AppError::Unauthenticated)
}

/// Adds a `Set-Cookie` header to the response being built.
pub fn set_cookie(value: &str) {
    if let (Some(options), Ok(header)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        options.append_header(SET_COOKIE, header);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bit_hex_and_unique() {
        let first = new_token();
        assert_eq!(first.len(), 64);
        assert!(first.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(first, new_token());
    }

    #[test]
    fn cookies_are_http_only_and_lax() {
        let settings = AuthSettings::default();
        let cookie = session_cookie(&settings, Some("abc"));
        assert!(cookie.starts_with("pathway_session=abc"));
        assert!(cookie.contains("HttpOnly"));
        assert!(cookie.contains("SameSite=Lax"));
        assert!(!cookie.contains("Secure"));
    }

    #[test]
    fn secure_cookies_use_the_host_prefix() {
        let settings = AuthSettings {
            secure_cookies: true,
            ..AuthSettings::default()
        };
        let cookie = session_cookie(&settings, Some("abc"));
        assert!(cookie.starts_with("__Host-pathway_session=abc"));
        assert!(cookie.contains("Secure"));
        assert!(cookie.contains("Path=/"));
    }

    #[test]
    fn only_well_formed_tokens_are_read() {
        let settings = AuthSettings::default();
        let token = new_token();
        let mut headers = http::HeaderMap::new();
        headers.insert(
            COOKIE,
            format!("other=1; pathway_session={token}").parse().unwrap(),
        );
        assert_eq!(token_from_headers(&headers, &settings), Some(token));
        headers.insert(COOKIE, "pathway_session=' OR 1=1".parse().unwrap());
        assert_eq!(token_from_headers(&headers, &settings), None);
    }
}
