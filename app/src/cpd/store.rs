//! CPD queries (server only). A record belongs to its owner: every query is scoped by owner
//! and org. Supervisors read counts, and the text only of records the owner shared.

use std::collections::HashMap;

use surrealdb::types::{RecordId, SurrealValue};

use super::model::{CpdInput, CpdRecord};
use super::rules::{RegistrationYear, duplicates_of};
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};

#[derive(SurrealValue)]
struct RecordRow {
    id: RecordId,
    kind: String,
    title: String,
    description: String,
    date: String,
    learnt: String,
    impact: String,
    peer_with: Option<String>,
    peer_date: Option<String>,
    peer_learnt: Option<String>,
    peer: bool,
    shared: bool,
    reg_year: i64,
}

impl From<RecordRow> for CpdRecord {
    fn from(row: RecordRow) -> Self {
        CpdRecord {
            id: key(&row.id),
            kind: row.kind,
            title: row.title,
            description: row.description,
            date: row.date,
            learnt: row.learnt,
            impact: row.impact,
            peer_with: row.peer_with.unwrap_or_default(),
            peer_date: row.peer_date.unwrap_or_default(),
            peer_learnt: row.peer_learnt.unwrap_or_default(),
            peer: row.peer,
            shared: row.shared,
            duplicates: Vec::new(),
        }
    }
}

const FIELDS: &str = "id, kind, title, description, date, learnt, impact, peer_with, peer_date,
    peer_learnt, peer, shared, reg_year";

/// Marks each record with the titles of the others in the list that read the same.
pub fn mark_duplicates(records: &mut [CpdRecord]) {
    let texts: Vec<(usize, String)> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (i, r.text()))
        .collect();
    let titles: Vec<String> = records.iter().map(|r| r.title.clone()).collect();
    for (i, record) in records.iter_mut().enumerate() {
        let others: Vec<(usize, String)> = texts.iter().filter(|(j, _)| *j != i).cloned().collect();
        record.duplicates = duplicates_of(&texts[i].1, &others)
            .into_iter()
            .map(|j| titles[*j].clone())
            .collect();
    }
}

/// The owner's records for one registration year, oldest first, with duplicates marked.
pub async fn year(
    db: &Db,
    org: &str,
    owner: &str,
    year: RegistrationYear,
) -> AppResult<Vec<CpdRecord>> {
    let mut response = db
        .query(format!(
            "SELECT {FIELDS} FROM cpd_record WHERE owner = type::record('person', $owner)
                AND org = type::record('org', $org) AND reg_year = $year
                ORDER BY date, created_at;"
        ))
        .bind(("org", org.to_string()))
        .bind(("owner", owner.to_string()))
        .bind(("year", year.0 as i64))
        .await?
        .check()?;
    let rows: Vec<RecordRow> = response.take(0)?;
    let mut records: Vec<CpdRecord> = rows.into_iter().map(CpdRecord::from).collect();
    mark_duplicates(&mut records);
    Ok(records)
}

/// The registration years the owner has records in, newest first.
pub async fn years(db: &Db, org: &str, owner: &str) -> AppResult<Vec<i32>> {
    let mut response = db
        .query(
            "SELECT reg_year FROM cpd_record WHERE owner = type::record('person', $owner)
                AND org = type::record('org', $org) GROUP BY reg_year;",
        )
        .bind(("org", org.to_string()))
        .bind(("owner", owner.to_string()))
        .await?
        .check()?;
    #[derive(SurrealValue)]
    struct YearRow {
        reg_year: i64,
    }
    let rows: Vec<YearRow> = response.take(0)?;
    let mut years: Vec<i32> = rows.into_iter().map(|r| r.reg_year as i32).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    Ok(years)
}

/// One of the owner's records; anyone else gets not found.
pub async fn get(db: &Db, org: &str, owner: &str, id: &str) -> AppResult<CpdRecord> {
    let mut response = db
        .query(format!(
            "SELECT {FIELDS} FROM type::record('cpd_record', $id)
                WHERE owner = type::record('person', $owner) AND org = type::record('org', $org);"
        ))
        .bind(("org", org.to_string()))
        .bind(("owner", owner.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let rows: Vec<RecordRow> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    let reg_year = RegistrationYear(row.reg_year as i32);
    let mut record = CpdRecord::from(row);
    // Duplicates are among the same year's records, where the regulator would see both.
    let mut all = year(db, org, owner, reg_year).await?;
    if let Some(marked) = all.iter_mut().find(|r| r.id == record.id) {
        record.duplicates = std::mem::take(&mut marked.duplicates);
    }
    Ok(record)
}

#[derive(SurrealValue)]
struct InputRow {
    kind: String,
    title: String,
    description: String,
    date: String,
    reg_year: i64,
    learnt: String,
    impact: String,
    peer_with: Option<String>,
    peer_date: Option<String>,
    peer_learnt: Option<String>,
    peer: bool,
    shared: bool,
}

impl InputRow {
    fn new(input: &CpdInput, reg_year: RegistrationYear) -> Self {
        let peer = input.peer.as_ref();
        InputRow {
            kind: input.kind.clone(),
            title: input.title.clone(),
            description: input.description.clone(),
            date: input.date.clone(),
            reg_year: reg_year.0 as i64,
            learnt: input.learnt.clone(),
            impact: input.impact.clone(),
            peer_with: peer.map(|p| p.with.clone()),
            peer_date: peer.and_then(|p| p.date.clone()),
            peer_learnt: peer.map(|p| p.learnt.clone()),
            peer: peer.is_some(),
            shared: input.shared,
        }
    }
}

const SET: &str = "kind = $input.kind, title = $input.title, description = $input.description,
    date = $input.date, reg_year = $input.reg_year, learnt = $input.learnt,
    impact = $input.impact, peer_with = $input.peer_with, peer_date = $input.peer_date,
    peer_learnt = $input.peer_learnt, peer = $input.peer, shared = $input.shared";

/// Creates (no `id`) or updates one of the owner's records; answers its id. `source` names
/// what a new record was made from (`evidence:…`, `supervision:…`).
pub async fn save(
    db: &Db,
    org: &str,
    owner: &str,
    id: Option<&str>,
    input: &CpdInput,
    reg_year: RegistrationYear,
    source: Option<String>,
) -> AppResult<String> {
    let row = InputRow::new(input, reg_year);
    match id {
        Some(id) => {
            let mut response = db
                .query(format!(
                    "UPDATE type::record('cpd_record', $id) SET {SET}
                        WHERE owner = type::record('person', $owner)
                        AND org = type::record('org', $org) RETURN VALUE id;"
                ))
                .bind(("org", org.to_string()))
                .bind(("owner", owner.to_string()))
                .bind(("id", id.to_string()))
                .bind(("input", row))
                .await?
                .check()?;
            let ids: Vec<RecordId> = response.take(0)?;
            if ids.is_empty() {
                return Err(AppError::NotFound);
            }
            Ok(id.to_string())
        }
        None => {
            let mut response = db
                .query(format!(
                    "CREATE cpd_record SET org = type::record('org', $org),
                        owner = type::record('person', $owner), source = $source, {SET}
                        RETURN VALUE id;"
                ))
                .bind(("org", org.to_string()))
                .bind(("owner", owner.to_string()))
                .bind(("source", source))
                .bind(("input", row))
                .await?
                .check()?;
            let ids: Vec<RecordId> = response.take(0)?;
            ids.first().map(key).ok_or(AppError::Internal)
        }
    }
}

pub async fn delete(db: &Db, org: &str, owner: &str, id: &str) -> AppResult<()> {
    let mut response = db
        .query(
            "DELETE type::record('cpd_record', $id) WHERE owner = type::record('person', $owner)
                AND org = type::record('org', $org) RETURN BEFORE;",
        )
        .bind(("org", org.to_string()))
        .bind(("owner", owner.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let gone: Vec<surrealdb::types::Value> = response.take(0)?;
    if gone.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Records and peer reflections in a registration year for each of `people` (by key).
pub async fn counts(
    db: &Db,
    org: &str,
    people: Vec<RecordId>,
    year: RegistrationYear,
) -> AppResult<HashMap<String, (u32, u32)>> {
    #[derive(SurrealValue)]
    struct CountRow {
        owner: RecordId,
        peer: bool,
    }
    let mut response = db
        .query(
            "SELECT owner, peer FROM cpd_record
                WHERE org = type::record('org', $org) AND reg_year = $year AND owner IN $people;",
        )
        .bind(("org", org.to_string()))
        .bind(("year", year.0 as i64))
        .bind(("people", people))
        .await?
        .check()?;
    let rows: Vec<CountRow> = response.take(0)?;
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for row in rows {
        let entry = counts.entry(key(&row.owner)).or_default();
        entry.0 += 1;
        entry.1 += u32::from(row.peer);
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(title: &str, learnt: &str) -> CpdRecord {
        CpdRecord {
            title: title.into(),
            description: "A day on neglect and why it matters in my team.".into(),
            learnt: learnt.into(),
            impact: "Clearer assessments for families.".into(),
            ..Default::default()
        }
    }

    #[test]
    fn each_duplicate_names_the_other_and_distinct_records_name_nothing() {
        let mut records = vec![
            record("Neglect training", "Scoring care."),
            record("Neglect  training!", "Scoring care"),
            record(
                "Court skills",
                "Giving evidence calmly under cross-examination.",
            ),
        ];
        mark_duplicates(&mut records);
        assert_eq!(
            records[0].duplicates,
            vec!["Neglect  training!".to_string()]
        );
        assert_eq!(records[1].duplicates, vec!["Neglect training".to_string()]);
        assert!(records[2].duplicates.is_empty());
    }
}
