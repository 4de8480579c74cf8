//! Supervision queries (server only). A session is read only by the two people in it.

use std::collections::HashMap;

use surrealdb::types::{RecordId, SurrealValue};

use super::model::{Session, SupervisionInput};
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};

#[derive(SurrealValue)]
struct SessionRow {
    id: RecordId,
    held_on: String,
    minutes: i64,
    kind: String,
    notes: String,
    supervisor: RecordId,
    supervisor_name: String,
    supervisee: RecordId,
    supervisee_name: String,
    recorded_by: RecordId,
}

impl SessionRow {
    fn into_session(self, viewer: &str) -> Session {
        Session {
            id: key(&self.id),
            held_on: self.held_on,
            minutes: self.minutes.max(0) as u32,
            kind: self.kind,
            notes: self.notes,
            supervisor_id: key(&self.supervisor),
            supervisor_name: self.supervisor_name,
            supervisee_id: key(&self.supervisee),
            supervisee_name: self.supervisee_name,
            mine: key(&self.recorded_by) == viewer,
        }
    }
}

const FIELDS: &str =
    "id, held_on, minutes, kind, notes, supervisor, supervisor.name AS supervisor_name,
    supervisee, supervisee.name AS supervisee_name, recorded_by";

/// Sessions the viewer was in, newest first.
pub async fn log(db: &Db, org: &str, viewer: &str, limit: u32) -> AppResult<Vec<Session>> {
    let mut response = db
        .query(format!(
            "LET $me = type::record('person', $viewer);
             SELECT * FROM (SELECT {FIELDS}, created_at FROM supervision
                WITH INDEX supervision_supervisee, supervision_supervisor
                WHERE org = type::record('org', $org) AND (supervisee = $me OR supervisor = $me))
                ORDER BY held_on DESC, created_at DESC LIMIT $limit;"
        ))
        .bind(("org", org.to_string()))
        .bind(("viewer", viewer.to_string()))
        .bind(("limit", limit as i64))
        .await?
        .check()?;
    let rows: Vec<SessionRow> = response.take(1)?;
    Ok(rows.into_iter().map(|r| r.into_session(viewer)).collect())
}

/// One session, for either of the pair; anyone else gets not found.
pub async fn get(db: &Db, org: &str, viewer: &str, id: &str) -> AppResult<Session> {
    let mut response = db
        .query(format!(
            "LET $me = type::record('person', $viewer);
             SELECT {FIELDS} FROM type::record('supervision', $id)
                WHERE org = type::record('org', $org) AND (supervisee = $me OR supervisor = $me);"
        ))
        .bind(("org", org.to_string()))
        .bind(("viewer", viewer.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let rows: Vec<SessionRow> = response.take(1)?;
    rows.into_iter()
        .next()
        .map(|r| r.into_session(viewer))
        .ok_or(AppError::NotFound)
}

/// The most recent session date for each of `people` as supervisee (by key).
pub async fn last_held(
    db: &Db,
    org: &str,
    people: Vec<RecordId>,
) -> AppResult<HashMap<String, String>> {
    #[derive(SurrealValue)]
    struct LastRow {
        supervisee: RecordId,
        held_on: String,
    }
    let mut response = db
        .query(
            "SELECT supervisee, held_on FROM supervision
                WHERE org = type::record('org', $org) AND supervisee IN $people;",
        )
        .bind(("org", org.to_string()))
        .bind(("people", people))
        .await?
        .check()?;
    let rows: Vec<LastRow> = response.take(0)?;
    let mut last: HashMap<String, String> = HashMap::new();
    for row in rows {
        let entry = last.entry(key(&row.supervisee)).or_default();
        if row.held_on > *entry {
            *entry = row.held_on;
        }
    }
    Ok(last)
}

/// Records a session between `supervisor` and `supervisee`; the caller has checked the pair.
pub async fn create(
    db: &Db,
    org: &str,
    viewer: &str,
    supervisor: &str,
    supervisee: &str,
    input: &SupervisionInput,
) -> AppResult<String> {
    let mut response = db
        .query(
            "CREATE supervision SET org = type::record('org', $org),
                supervisor = type::record('person', $supervisor),
                supervisee = type::record('person', $supervisee),
                held_on = $held_on, minutes = $minutes, kind = $kind, notes = $notes,
                recorded_by = type::record('person', $viewer) RETURN VALUE id;",
        )
        .bind(("org", org.to_string()))
        .bind(("viewer", viewer.to_string()))
        .bind(("supervisor", supervisor.to_string()))
        .bind(("supervisee", supervisee.to_string()))
        .bind(("held_on", input.held_on.clone()))
        .bind(("minutes", input.minutes as i64))
        .bind(("kind", input.kind.clone()))
        .bind(("notes", input.notes.clone()))
        .await?
        .check()?;
    let ids: Vec<RecordId> = response.take(0)?;
    ids.first().map(key).ok_or(AppError::Internal)
}

/// Deletes a session the viewer recorded.
pub async fn delete(db: &Db, org: &str, viewer: &str, id: &str) -> AppResult<()> {
    let mut response = db
        .query(
            "DELETE type::record('supervision', $id) WHERE org = type::record('org', $org)
                AND recorded_by = type::record('person', $viewer) RETURN BEFORE;",
        )
        .bind(("org", org.to_string()))
        .bind(("viewer", viewer.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let gone: Vec<surrealdb::types::Value> = response.take(0)?;
    if gone.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(())
}
