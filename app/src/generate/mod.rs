//! A synthetic region for measuring Pathway at scale (server only): several councils with
//! their teams, staff, evidence, library, events and survey waves, made deterministically
//! from a seed so that two runs with the same seed and day hold the same records.
//!
//! Records are written in large batches straight into their tables, with every maintained
//! count (tallies, seats, resource statistics, invitation totals) worked out here as the app
//! keeps them, so the generated region reads exactly as if people had built it up.

mod academy;
mod names;
mod people;
mod practice;
mod surveys;

use rand::SeedableRng;
use rand::rngs::StdRng;
use surrealdb::types::{RecordId, SurrealValue};
use time::Date;

use crate::db::Db;
use crate::error::{AppError, AppResult};

pub use people::sign_ins;

/// How big a region to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub councils: usize,
    /// Services and the teams within them, per council.
    pub teams_per_council: usize,
    pub staff_per_council: usize,
    /// Pieces of evidence per social worker on average.
    pub evidence_per_person: usize,
    pub resources_per_council: usize,
    pub events_per_council: usize,
    /// Waves of each council's staff survey.
    pub waves: usize,
    /// Responses to the first council's latest wave: one very large wave to measure results on.
    pub big_wave_responses: usize,
}

impl Scale {
    /// Tier S: one council of 1,000 staff, 5,000 resources, about 100,000 survey answers.
    pub const S: Scale = Scale {
        councils: 1,
        teams_per_council: 50,
        staff_per_council: 1_000,
        evidence_per_person: 30,
        resources_per_council: 5_000,
        events_per_council: 200,
        waves: 4,
        big_wave_responses: 10_000,
    };

    /// Tier M: ten councils, 500 teams, 10,000 staff, about 300,000 pieces of evidence,
    /// 50,000 resources, 2,000 events and 1,000,000 survey answers.
    pub const M: Scale = Scale {
        councils: 10,
        teams_per_council: 50,
        staff_per_council: 1_000,
        evidence_per_person: 36,
        resources_per_council: 5_000,
        events_per_council: 200,
        waves: 4,
        big_wave_responses: 100_000,
    };

    /// The tier a name on the command line means.
    pub fn tier(name: &str) -> Option<Scale> {
        match name.to_ascii_uppercase().as_str() {
            "S" => Some(Scale::S),
            "M" => Some(Scale::M),
            _ => None,
        }
    }

    /// About how many records the region will hold, for the progress bar. The per-person and
    /// per-resource factors are what tiers S and M write (levels, CPD, supervision, reviews,
    /// workforce figures beside the evidence; statistics, uses and feedback beside resources;
    /// sessions and bookings beside events), so the bar's time left is honest.
    pub fn planned_records(&self) -> u64 {
        let staff = self.staff_per_council as u64;
        let per_council = self.teams_per_council as u64
            + staff * 2
            + staff * self.evidence_per_person as u64 * 3 / 4
            + staff * 74
            + self.resources_per_council as u64 * 3
            + self.events_per_council as u64 * 25
            + self.waves as u64 * staff * 9 / 5;
        self.councils as u64 * per_council + self.big_wave_responses as u64
    }
}

/// Told how far generation has got.
pub trait Progress: Send + Sync {
    /// What is being written now.
    fn stage(&self, what: &str);
    /// `n` more records written.
    fn wrote(&self, n: u64);
}

/// Progress that goes nowhere, for tests.
pub struct Quiet;

impl Progress for Quiet {
    fn stage(&self, _: &str) {}
    fn wrote(&self, _: u64) {}
}

/// How many records of each kind were made.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub councils: usize,
    pub teams: usize,
    pub staff: usize,
    pub evidence: usize,
    pub resources: usize,
    pub events: usize,
    pub bookings: usize,
    pub responses: usize,
    pub answers: usize,
    pub records: usize,
}

/// One council being generated: its key prefix, record ids and random numbers.
pub(crate) struct Council {
    pub index: usize,
    pub prefix: String,
    pub org: RecordId,
    pub name: String,
    pub today: Date,
    pub rng: StdRng,
}

impl Council {
    pub fn id(&self, table: &str, key: impl std::fmt::Display) -> RecordId {
        RecordId::new(table, format!("{}_{key}", self.prefix))
    }
}

/// Fills the database with a region at `scale`, unless it already holds one.
pub async fn generate(
    db: &Db,
    scale: &Scale,
    seed: u64,
    today: Date,
    password: &str,
    progress: &dyn Progress,
) -> AppResult<Report> {
    let mut response = db
        .query("SELECT VALUE id FROM org WHERE slug = 'region-1';")
        .await?
        .check()?;
    let existing: Vec<RecordId> = response.take(0)?;
    if !existing.is_empty() {
        return Err(AppError::Conflict(
            "This database already holds a generated region; generate into an empty one.".into(),
        ));
    }
    // One hash for every generated account: each costs about 50 ms by design.
    let hash = crate::auth::password::hash_password(password.to_string()).await?;
    let mut report = Report::default();
    for index in 1..=scale.councils {
        let mut council = Council {
            index,
            prefix: format!("r{index}"),
            org: RecordId::new("org", format!("r{index}")),
            name: names::council(index),
            today,
            rng: StdRng::seed_from_u64(seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)),
        };
        progress.stage(&format!("{}: people", council.name));
        let staff = people::generate(db, &mut council, scale, &hash, progress, &mut report).await?;
        progress.stage(&format!("{}: evidence and practice", council.name));
        practice::generate(db, &mut council, scale, &staff, progress, &mut report).await?;
        progress.stage(&format!("{}: library and events", council.name));
        academy::generate(db, &mut council, scale, &staff, progress, &mut report).await?;
        progress.stage(&format!("{}: surveys", council.name));
        surveys::generate(db, &mut council, scale, &staff, progress, &mut report).await?;
        report.councils += 1;
    }
    Ok(report)
}

/// Inserts rows in batches, telling `progress` as each lands.
pub(crate) async fn insert<T: SurrealValue>(
    db: &Db,
    table: &'static str,
    mut rows: Vec<T>,
    progress: &dyn Progress,
    report: &mut Report,
) -> AppResult<()> {
    const BATCH: usize = 2_000;
    let query = format!("INSERT INTO {table} $rows RETURN NONE;");
    while !rows.is_empty() {
        let tail = rows.split_off(rows.len().min(BATCH));
        let batch = std::mem::replace(&mut rows, tail);
        let n = batch.len();
        db.query(query.as_str())
            .bind(("rows", batch))
            .await?
            .check()?;
        progress.wrote(n as u64);
        report.records += n;
    }
    Ok(())
}
