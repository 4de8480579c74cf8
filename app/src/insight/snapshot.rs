//! Dashboards' figures kept in the database for a short while (server only).
//!
//! Working out a council's dashboard reads tens of thousands of records and takes seconds at
//! a region's volumes; leaders opening it on a Monday morning would each pay that, and under
//! load the server gave no answer at all. So each dashboard, for each council and filter, is
//! kept as last worked out and served while it is younger than the configured age. When it is
//! older, one request (on any app server: the lease is a record, so nothing lives in one
//! process) works it out again while the others go on serving the copy they have. The copy is
//! never the only record of anything, and the page says when its figures were worked out.
//!
//! The caller authorises and checks the filter before asking: a copy is only ever stored by
//! the computation itself succeeding, and only ever read by someone allowed to compute it.

use std::future::Future;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;
use surrealdb::types::{Array, RecordId, SurrealValue};

use crate::db::{Db, is_clash};
use crate::error::{AppError, AppResult};

/// How long one request may spend working figures out before another may take over.
const LEASE: &str = "30s";
/// How long a request with no copy to show waits for another's before working them out itself.
const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);

/// Figures and when they were worked out (RFC 3339, UTC).
#[derive(Debug, Clone)]
pub struct Figures<T> {
    pub value: T,
    pub computed_at: String,
}

#[derive(Debug, SurrealValue)]
struct Row {
    body: Option<String>,
    computed_at: Option<String>,
    fresh: bool,
    leased: bool,
}

fn snapshot_id(org: &str, kind: &str, filter: &str) -> RecordId {
    RecordId::new(
        "insight_snapshot",
        Array::from(vec![org.to_string(), kind.to_string(), filter.to_string()]),
    )
}

/// The figures of dashboard `kind` for `org` and `filter`: the kept copy while it is younger
/// than `max_age`, otherwise `compute`'s. `max_age` zero always computes and keeps nothing.
pub async fn read_through<T, F, Fut>(
    db: &Db,
    org: &str,
    kind: &str,
    filter: &str,
    max_age: Duration,
    compute: F,
) -> AppResult<Figures<T>>
where
    T: Serialize + DeserializeOwned,
    F: FnOnce() -> Fut,
    Fut: Future<Output = AppResult<T>>,
{
    if max_age.is_zero() {
        let value = compute().await?;
        return Ok(Figures {
            value,
            computed_at: now_rfc3339(),
        });
    }
    let id = snapshot_id(org, kind, filter);
    let waited_since = std::time::Instant::now();
    loop {
        let row = read(db, &id, max_age).await?;
        match row.as_ref().and_then(|r| Some((r, decode::<T>(r)?))) {
            Some((row, kept)) if row.fresh => return Ok(kept),
            // Stale: refresh it if nobody else is, otherwise serve what is kept.
            Some((row, kept)) => {
                if row.leased || !take_lease(db, &id, org).await? {
                    return Ok(kept);
                }
                return refresh(db, &id, org, compute).await;
            }
            // Nothing to show yet: work it out, unless another request already is.
            None => {
                let waiting = waited_since.elapsed() < WAIT;
                if row.is_some_and(|r| r.leased) {
                    if waiting {
                        tokio::time::sleep(POLL).await;
                        continue;
                    }
                } else if !take_lease(db, &id, org).await? && waiting {
                    continue;
                }
                return refresh(db, &id, org, compute).await;
            }
        }
    }
}

async fn read(db: &Db, id: &RecordId, max_age: Duration) -> AppResult<Option<Row>> {
    let max_age = i64::try_from(max_age.as_secs()).unwrap_or(i64::MAX);
    let mut response = db
        .query(
            "SELECT body, <string> computed_at AS computed_at,
                (computed_at != NONE AND computed_at > time::now() - duration::from_secs($max_age)) AS fresh,
                (refreshing_until != NONE AND refreshing_until > time::now()) AS leased
             FROM ONLY $id;",
        )
        .bind(("id", id.clone()))
        .bind(("max_age", max_age))
        .await?
        .check()?;
    Ok(response.take(0)?)
}

fn decode<T: DeserializeOwned>(row: &Row) -> Option<Figures<T>> {
    // A copy kept by an older release that no longer reads is as good as none.
    let value = serde_json::from_str(row.body.as_deref()?).ok()?;
    Some(Figures {
        value,
        computed_at: row.computed_at.clone()?,
    })
}

/// Takes the lease to work the figures out again; false when another request holds it.
async fn take_lease(db: &Db, id: &RecordId, org: &str) -> AppResult<bool> {
    let outcome = db
        .query(format!(
            "UPSERT $id SET org = type::record('org', $org),
                refreshing_until = time::now() + {LEASE}
             WHERE refreshing_until = NONE OR refreshing_until <= time::now()
             RETURN VALUE id;"
        ))
        .bind(("id", id.clone()))
        .bind(("org", org.to_string()))
        .await;
    match outcome.and_then(|r| r.check()) {
        Ok(mut response) => {
            let won: Vec<RecordId> = response.take(0)?;
            Ok(!won.is_empty())
        }
        // Two requests reaching for it at once: the other has it.
        Err(error) if is_clash(&error) => Ok(false),
        Err(error) => Err(error.into()),
    }
}

async fn refresh<T, F, Fut>(db: &Db, id: &RecordId, org: &str, compute: F) -> AppResult<Figures<T>>
where
    T: Serialize,
    F: FnOnce() -> Fut,
    Fut: Future<Output = AppResult<T>>,
{
    let value = match compute().await {
        Ok(value) => value,
        Err(error) => {
            release(db, id).await;
            return Err(error);
        }
    };
    let body = serde_json::to_string(&value).map_err(|error| {
        tracing::error!(%error, "dashboard figures would not serialise");
        AppError::Internal
    })?;
    let mut response = db
        .query(
            "UPSERT $id SET org = type::record('org', $org), body = $body,
                computed_at = time::now(), refreshing_until = NONE
             RETURN VALUE <string> computed_at;",
        )
        .bind(("id", id.clone()))
        .bind(("org", org.to_string()))
        .bind(("body", body))
        .await?
        .check()?;
    let computed_at: Option<String> = response.take(0)?;
    Ok(Figures {
        value,
        computed_at: computed_at.unwrap_or_else(now_rfc3339),
    })
}

/// Gives the lease back after a failed computation, so the next request tries at once.
async fn release(db: &Db, id: &RecordId) {
    let outcome = db
        .query("UPDATE $id SET refreshing_until = NONE RETURN NONE;")
        .bind(("id", id.clone()))
        .await
        .and_then(|r| r.check());
    if let Err(error) = outcome {
        // The lease runs out by itself; this only makes the next try wait for it.
        tracing::warn!(%error, "could not give back a dashboard's refresh lease");
    }
}

fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
