//! Account queries used by signing in and changing passwords (server only).

use surrealdb::types::SurrealValue;

use crate::db::Db;
use crate::error::AppResult;

#[derive(SurrealValue)]
pub struct Credentials {
    pub person_id: String,
    pub org_id: String,
    pub password_hash: Option<String>,
}

/// An email may belong to people in more than one council; each is tried.
const CREDENTIALS_BY_EMAIL: &str = "
    SELECT record::id(id) AS person_id, record::id(org) AS org_id, password_hash
    FROM person WHERE email = $email AND active = true LIMIT 5;
";

const CREDENTIALS_BY_ID: &str = "
    SELECT record::id(id) AS person_id, record::id(org) AS org_id, password_hash
    FROM type::record('person', $person) WHERE active = true;
";

const SET_PASSWORD: &str = "
    UPDATE type::record('person', $person) SET password_hash = $hash RETURN NONE;
";

pub async fn credentials_by_email(db: &Db, email: &str) -> AppResult<Vec<Credentials>> {
    let mut response = db
        .query(CREDENTIALS_BY_EMAIL)
        .bind(("email", email.to_string()))
        .await?
        .check()?;
    Ok(response.take(0)?)
}

pub async fn credentials_by_id(db: &Db, person: &str) -> AppResult<Option<Credentials>> {
    let mut response = db
        .query(CREDENTIALS_BY_ID)
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    let rows: Vec<Credentials> = response.take(0)?;
    Ok(rows.into_iter().next())
}

pub async fn set_password_hash(db: &Db, person: &str, hash: String) -> AppResult<()> {
    db.query(SET_PASSWORD)
        .bind(("person", person.to_string()))
        .bind(("hash", hash))
        .await?
        .check()?;
    Ok(())
}
