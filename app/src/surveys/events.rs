//! Event evaluations (server only). Marking someone as attended invites them to the event's
//! evaluation, open for two weeks from the day, and to its practice impact follow-up, which
//! opens the council's chosen number of days after the event ends. Both surveys are made from
//! their templates the first time they are needed, so every event has them without a
//! learning lead lifting a finger.

use surrealdb::types::{RecordId, SurrealValue};
use time::{Date, Duration};

use super::design::DEFAULT_MIN_GROUP;
use super::store;
use super::templates::draft;
use crate::dates::iso;
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};

/// How long an evaluation stays open after attendance is marked.
pub const EVALUATION_DAYS: i64 = 14;
/// How long a follow-up stays open once it opens.
pub const FOLLOW_UP_OPEN_DAYS: i64 = 21;

pub fn evaluation_key(event: &str) -> String {
    format!("eval_{event}")
}

pub fn impact_key(event: &str) -> String {
    format!("impact_{event}")
}

#[derive(SurrealValue)]
struct EventRow {
    title: String,
    ends: String,
}

async fn ensure(
    db: &Db,
    org: &str,
    event: &str,
    template: &str,
    survey_key: &str,
    title: &str,
    opens: Date,
    closes: Date,
) -> AppResult<()> {
    if store::load(db, org, survey_key).await.is_ok() {
        return Ok(());
    }
    let d = draft(template, Some(title)).ok_or(AppError::Internal)?;
    match store::create_draft(db, org, None, &d, None, Some(survey_key), Some(event)).await {
        Ok(_) => {}
        // Two attendances marked at once: the other made it.
        Err(_) if store::load(db, org, survey_key).await.is_ok() => return Ok(()),
        Err(e) => return Err(e),
    }
    db.query(
        "UPDATE $survey SET status = 'published', audience = 'event', audience_keys = [$event_key],
            opens = $opens, closes = $closes, min_group = $min, published_at = time::now()
            WHERE status = 'draft' RETURN NONE;",
    )
    .bind(("survey", store::survey_id(survey_key)))
    .bind(("event_key", event.to_string()))
    .bind(("opens", iso(opens)))
    .bind(("closes", iso(closes)))
    .bind(("min", DEFAULT_MIN_GROUP as i64))
    .await?
    .check()?;
    Ok(())
}

/// Invites an attendee to the event's evaluation and follow-up.
pub async fn on_attended(
    db: &Db,
    org: &str,
    event: &str,
    person: &str,
    today: Date,
) -> AppResult<()> {
    let mut response = db
        .query("SELECT title, <string> ends AS ends FROM $event WHERE org = type::record('org', $org);")
        .bind(("event", RecordId::new("event", event.to_string())))
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<EventRow> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    let ended =
        time::OffsetDateTime::parse(&row.ends, &time::format_description::well_known::Rfc3339)
            .map(|t| crate::dates::to_uk(t).date())
            .unwrap_or(today);
    let days = store::follow_up_days(db, org).await? as i64;
    let follow_up = ended.checked_add(Duration::days(days)).unwrap_or(ended);
    let eval = evaluation_key(event);
    let impact = impact_key(event);
    ensure(
        db,
        org,
        event,
        "evaluation",
        &eval,
        &row.title,
        today,
        today
            .checked_add(Duration::days(EVALUATION_DAYS))
            .unwrap_or(today),
    )
    .await?;
    ensure(
        db,
        org,
        event,
        "impact",
        &impact,
        &row.title,
        follow_up,
        follow_up
            .checked_add(Duration::days(FOLLOW_UP_OPEN_DAYS))
            .unwrap_or(follow_up),
    )
    .await?;
    for survey in [&eval, &impact] {
        store::invite(db, org, survey, &[person.to_string()]).await?;
    }
    store::announce(db, &iso(today)).await?;
    Ok(())
}

/// Every event of the council that has an evaluation or follow-up, with its key, title,
/// criteria and how many attended.
pub async fn evaluated_events(
    db: &Db,
    org: &str,
) -> AppResult<Vec<(String, String, Vec<String>, u64)>> {
    #[derive(SurrealValue)]
    struct Row {
        id: RecordId,
        title: String,
        criteria: Vec<String>,
        attended: i64,
    }
    let mut response = db
        .query(
            "SELECT * FROM (SELECT id, title, criteria, starts,
                (SELECT count() AS n FROM booking WHERE event = $parent.id AND attended = true GROUP ALL)[0].n ?? 0 AS attended
             FROM event WITH INDEX event_org_starts WHERE org = type::record('org', $org)
                AND id IN (SELECT VALUE event FROM survey WHERE org = type::record('org', $org) AND event != NONE))
             ORDER BY starts DESC;",
        )
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| (key(&r.id), r.title, r.criteria, r.attended.max(0) as u64))
        .collect())
}
