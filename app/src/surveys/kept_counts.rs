//! A wave's counters, kept in this process between reads of its results (server only).
//!
//! Reading every counter of a wave at tier M (about 2,900 records, most of them by team) was
//! most of the results page's time. Every write of the counters (a response) adds one to the
//! wave's response counter in the same transaction, so that one record says whether a kept
//! copy is still the database's: it is read on every view, on whichever app server, and the
//! copy is used only when it was read at the same count.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use super::results::Count;
use crate::db::Db;

/// How many waves one process keeps; past this the oldest read is dropped.
const KEPT_WAVES: usize = 256;

#[derive(Default)]
pub struct KeptCounts(RwLock<HashMap<String, Kept>>);

struct Kept {
    responses: u64,
    counts: Arc<Vec<Count>>,
    read: u64,
}

static READS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The kept counters of `survey`, when they were read at `responses`.
pub fn get(db: &Db, survey: &str, responses: u64) -> Option<Arc<Vec<Count>>> {
    let kept = db.cache::<KeptCounts>();
    let map = kept.0.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    map.get(survey)
        .filter(|k| k.responses == responses)
        .map(|k| k.counts.clone())
}

/// Keeps `counts`, read when the wave had `responses`.
pub fn keep(db: &Db, survey: &str, responses: u64, counts: Arc<Vec<Count>>) {
    let kept = db.cache::<KeptCounts>();
    let mut map = kept.0.write().unwrap_or_else(|poisoned| poisoned.into_inner());
    if map.len() >= KEPT_WAVES && !map.contains_key(survey) {
        let oldest = map
            .iter()
            .min_by_key(|(_, k)| k.read)
            .map(|(s, _)| s.clone());
        if let Some(oldest) = oldest {
            map.remove(&oldest);
        }
    }
    let read = READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    map.insert(
        survey.to_string(),
        Kept {
            responses,
            counts,
            read,
        },
    );
}
