//! Notification queries (server only): always the viewer's own.

use surrealdb::types::{RecordId, SurrealValue};

use super::Notification;
use crate::dates::uk_datetime;
use crate::db::{Db, key};
use crate::error::AppResult;

const UNREAD: &str = "
    SELECT count() AS n FROM notification
    WHERE person = type::record('person', $person) AND org = type::record('org', $org)
      AND seen = false GROUP ALL;
";

pub async fn unread_count(db: &Db, org: &str, person: &str) -> AppResult<u32> {
    let mut response = db
        .query(UNREAD)
        .bind(("person", person.to_string()))
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let count: Option<i64> = response.take((0, "n"))?;
    Ok(count.unwrap_or(0).clamp(0, u32::MAX as i64) as u32)
}

#[derive(SurrealValue)]
struct Row {
    id: RecordId,
    text: String,
    link: String,
    seen: bool,
    at: String,
}

const LIST: &str = "
    SELECT * FROM (SELECT id, text, link, seen, <string> created_at AS at, created_at
        FROM notification WITH INDEX notification_person
        WHERE person = type::record('person', $person) AND org = type::record('org', $org))
    ORDER BY created_at DESC LIMIT $limit;
";

pub async fn latest(db: &Db, org: &str, person: &str, limit: u32) -> AppResult<Vec<Notification>> {
    let mut response = db
        .query(LIST)
        .bind(("person", person.to_string()))
        .bind(("org", org.to_string()))
        .bind(("limit", limit as i64))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|row| Notification {
            id: key(&row.id),
            text: row.text,
            link: row.link,
            seen: row.seen,
            at: uk_datetime(&row.at),
        })
        .collect())
}

pub async fn mark_all_seen(db: &Db, org: &str, person: &str) -> AppResult<()> {
    db.query(
        "UPDATE notification SET seen = true
         WHERE person = type::record('person', $person) AND org = type::record('org', $org)
           AND seen = false RETURN NONE;",
    )
    .bind(("person", person.to_string()))
    .bind(("org", org.to_string()))
    .await?
    .check()?;
    Ok(())
}

/// Tells `person` something, with a link to where it happened.
pub async fn send(
    db: &Db,
    org: &str,
    person: &RecordId,
    kind: &str,
    text: String,
    link: String,
) -> AppResult<()> {
    db.query(
        "CREATE notification SET org = type::record('org', $org), person = $person, kind = $kind,
            text = $text, link = $link RETURN NONE;",
    )
    .bind(("org", org.to_string()))
    .bind(("person", person.clone()))
    .bind(("kind", kind.to_string()))
    .bind(("text", text))
    .bind(("link", link))
    .await?
    .check()?;
    Ok(())
}
