//! The aggregate reads behind the leader's dashboard (server only). Each is scoped to the
//! people of the chosen teams; nothing here returns one person's records to the page.

use std::collections::HashMap;

use surrealdb::types::{RecordId, SurrealValue};

use crate::db::{Db, datetime, key};
use crate::error::AppResult;
use crate::workforce::quarter::Quarter;

#[derive(Debug, Clone, SurrealValue)]
pub struct PersonRow {
    pub id: RecordId,
    pub career_level: String,
}

/// Active staff in `teams` (every team when `None`).
pub async fn people(db: &Db, org: &str, teams: Option<Vec<RecordId>>) -> AppResult<Vec<PersonRow>> {
    let mut response = db
        .query(
            "SELECT id, career_level FROM person WHERE org = type::record('org', $org)
                AND active = true AND ($teams = NONE OR team IN $teams);",
        )
        .bind(("org", org.to_string()))
        .bind(("teams", teams))
        .await?
        .check()?;
    Ok(response.take(0)?)
}

/// When each person's current level began (ISO dates), by person key.
pub async fn level_starts(db: &Db, people: Vec<RecordId>) -> AppResult<HashMap<String, String>> {
    #[derive(SurrealValue)]
    struct Row {
        person: RecordId,
        started_on: String,
    }
    let mut response = db
        .query("SELECT person, started_on FROM level_history WHERE person IN $people AND ended_on = NONE;")
        .bind(("people", people))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| (key(&r.person), r.started_on))
        .collect())
}

/// Each person's criterion statuses: (person key, lineage, status).
pub async fn progress(db: &Db, people: Vec<RecordId>) -> AppResult<Vec<(String, String, String)>> {
    #[derive(SurrealValue)]
    struct Row {
        person: RecordId,
        lineage: String,
        status: String,
    }
    let mut response = db
        .query("SELECT person, lineage, status FROM progress WHERE person IN $people;")
        .bind(("people", people))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| (key(&r.person), r.lineage, r.status))
        .collect())
}

/// Progression decisions since `since`: (step kind, status, count).
pub async fn decisions(
    db: &Db,
    org: &str,
    people: Vec<RecordId>,
    since: time::OffsetDateTime,
) -> AppResult<Vec<(String, String, u64)>> {
    #[derive(SurrealValue)]
    struct Row {
        kind: String,
        status: String,
        n: i64,
    }
    let mut response = db
        .query(
            "SELECT kind, status, count() AS n FROM progression_case
                WHERE org = type::record('org', $org) AND person IN $people
                  AND status IN ['approved', 'deferred'] AND decided_at >= $since
                GROUP BY kind, status;",
        )
        .bind(("org", org.to_string()))
        .bind(("people", people))
        .bind(("since", datetime(since)))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| (r.kind, r.status, r.n.max(0) as u64))
        .collect())
}

/// Counts per calendar quarter since `since`, for evidence recorded (`evidence`) or criteria
/// signed off (`signed_off`).
pub async fn per_quarter(
    db: &Db,
    what: PerQuarter,
    people: Vec<RecordId>,
    since: time::OffsetDateTime,
) -> AppResult<HashMap<Quarter, u64>> {
    #[derive(SurrealValue)]
    struct Row {
        y: i64,
        m: i64,
        n: i64,
    }
    let query = match what {
        PerQuarter::Evidence => {
            "SELECT time::year(created_at) AS y, time::month(created_at) AS m, count() AS n
                FROM evidence WHERE owner IN $people AND created_at >= $since GROUP BY y, m;"
        }
        PerQuarter::SignedOff => {
            "SELECT time::year(at) AS y, time::month(at) AS m, count() AS n
                FROM review WHERE person IN $people AND action = 'signed_off' AND at >= $since
                GROUP BY y, m;"
        }
    };
    let mut response = db
        .query(query)
        .bind(("people", people))
        .bind(("since", datetime(since)))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    let mut counts = HashMap::new();
    for row in rows {
        if let Some(q) = Quarter::new(row.y as i32, ((row.m - 1) / 3 + 1) as u8) {
            *counts.entry(q).or_default() += row.n.max(0) as u64;
        }
    }
    Ok(counts)
}

#[derive(Debug, Clone, Copy)]
pub enum PerQuarter {
    Evidence,
    SignedOff,
}

/// Bookings of `people` on events that started since `since`, by event and outcome.
#[derive(Debug, Clone, SurrealValue)]
pub struct EventRow {
    pub id: RecordId,
    pub title: String,
    pub starts: String,
    pub capacity: i64,
    pub waiting: i64,
    pub past: bool,
    pub booked: i64,
    pub attended: i64,
    pub no_show: i64,
    pub waitlisted: i64,
}

pub async fn events(
    db: &Db,
    org: &str,
    people: Option<Vec<RecordId>>,
    since: time::OffsetDateTime,
    until: Option<time::OffsetDateTime>,
    now: time::OffsetDateTime,
) -> AppResult<Vec<EventRow>> {
    let mut response = db
        .query(
            "SELECT id, title, <string> starts AS starts, capacity, waiting, ends < $now AS past,
                count(SELECT VALUE id FROM booking WHERE event = $parent.id AND status = 'booked'
                    AND ($people = NONE OR person IN $people)) AS booked,
                count(SELECT VALUE id FROM booking WHERE event = $parent.id AND attended = true
                    AND ($people = NONE OR person IN $people)) AS attended,
                count(SELECT VALUE id FROM booking WHERE event = $parent.id AND attended = false
                    AND ($people = NONE OR person IN $people)) AS no_show,
                count(SELECT VALUE id FROM booking WHERE event = $parent.id AND status = 'waitlisted'
                    AND ($people = NONE OR person IN $people)) AS waitlisted
             FROM event WHERE org = type::record('org', $org) AND status = 'scheduled' AND starts >= $since
                AND ($until = NONE OR starts < $until)
             ORDER BY starts;",
        )
        .bind(("org", org.to_string()))
        .bind(("people", people))
        .bind(("since", datetime(since)))
        .bind(("until", until.map(datetime)))
        .bind(("now", datetime(now)))
        .await?
        .check()?;
    Ok(response.take(0)?)
}

/// "Was this useful?" answers from `people` (everyone when `None`), per resource.
pub async fn usefulness(
    db: &Db,
    org: &str,
    people: Option<Vec<RecordId>>,
) -> AppResult<Vec<(String, String, u64, u64)>> {
    #[derive(SurrealValue)]
    struct Row {
        resource: RecordId,
        title: Option<String>,
        yes: i64,
        no: i64,
    }
    let mut response = db
        .query(
            "SELECT resource, resource.title AS title,
                    math::sum(IF useful { 1 } ELSE { 0 }) AS yes,
                    math::sum(IF useful { 0 } ELSE { 1 }) AS no
             FROM resource_feedback WHERE org = type::record('org', $org)
                AND ($people = NONE OR person IN $people)
             GROUP BY resource, title;",
        )
        .bind(("org", org.to_string()))
        .bind(("people", people))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                key(&r.resource),
                r.title.unwrap_or_default(),
                r.yes.max(0) as u64,
                r.no.max(0) as u64,
            )
        })
        .collect())
}

/// Active learning paths: (key, title, levels, roles, steps as (table, key)).
pub async fn paths(
    db: &Db,
    org: &str,
) -> AppResult<Vec<(String, String, Vec<String>, Vec<String>, Vec<RecordId>)>> {
    #[derive(SurrealValue)]
    struct Row {
        id: RecordId,
        title: String,
        levels: Vec<String>,
        roles: Vec<String>,
        steps: Vec<RecordId>,
    }
    let mut response = db
        .query("SELECT id, title, levels, roles, steps FROM learning_path WHERE org = type::record('org', $org) AND active = true ORDER BY title;")
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| (key(&r.id), r.title, r.levels, r.roles, r.steps))
        .collect())
}

/// Which of `steps` each of `people` has done: resources marked done, events attended.
pub async fn steps_done(
    db: &Db,
    people: Vec<RecordId>,
    steps: Vec<RecordId>,
) -> AppResult<Vec<(String, RecordId)>> {
    #[derive(SurrealValue)]
    struct Row {
        person: RecordId,
        step: RecordId,
    }
    let mut response = db
        .query(
            "SELECT person, resource AS step FROM resource_use
                WHERE person IN $people AND resource IN $steps AND done_on != NONE;
             SELECT person, event AS step FROM booking
                WHERE person IN $people AND event IN $steps AND attended = true;",
        )
        .bind(("people", people))
        .bind(("steps", steps))
        .await?
        .check()?;
    let mut rows: Vec<Row> = response.take(0)?;
    rows.extend(response.take::<Vec<Row>>(1)?);
    Ok(rows.into_iter().map(|r| (key(&r.person), r.step)).collect())
}

#[derive(Debug, Clone, SurrealValue)]
pub struct RoledPerson {
    pub id: RecordId,
    pub career_level: String,
    pub roles: Vec<String>,
}

pub async fn roles_of(db: &Db, people: Vec<RecordId>) -> AppResult<Vec<RoledPerson>> {
    let mut response = db
        .query("SELECT id, career_level, roles FROM $people WHERE record::tb(id) = 'person';")
        .bind(("people", people))
        .await?
        .check()?;
    Ok(response.take(0)?)
}
