//! Uploaded files and applying them (server only). Applying writes every row and marks the
//! upload applied in one transaction, so a file is applied whole or not at all, and once.

use surrealdb::types::{RecordId, SurrealValue};

use super::model::{ImportKind, ImportSummary};
use super::staff::{Person, Write};
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};
use crate::workforce::quarter::Quarter;
use crate::workforce::rates::Counts;

#[derive(Debug, Clone, SurrealValue)]
struct UploadRow {
    id: RecordId,
    kind: String,
    file_name: String,
    content: String,
    problem: Option<String>,
    uploaded_by_name: Option<String>,
    uploaded_at: String,
    applied_by_name: Option<String>,
    applied_at: Option<String>,
    outcome: Option<String>,
}

/// An upload as stored.
#[derive(Debug, Clone)]
pub struct Upload {
    pub id: String,
    pub kind: ImportKind,
    pub file_name: String,
    pub content: String,
    pub problem: Option<String>,
    pub uploaded_by: String,
    pub uploaded_at: String,
    /// "applied on … by …: 3 created, …", once applied.
    pub applied: Option<String>,
}

fn when(at: &str) -> String {
    crate::dates::uk_datetime(at)
}

impl UploadRow {
    fn into_upload(self) -> Option<Upload> {
        let applied = self.applied_at.as_ref().map(|at| {
            format!(
                "Applied {} by {}: {}.",
                when(at),
                self.applied_by_name
                    .clone()
                    .unwrap_or_else(|| "an admin".into()),
                self.outcome.clone().unwrap_or_default()
            )
        });
        Some(Upload {
            id: key(&self.id),
            kind: ImportKind::from_key(&self.kind)?,
            file_name: self.file_name,
            content: self.content,
            problem: self.problem,
            uploaded_by: self.uploaded_by_name.unwrap_or_else(|| "an admin".into()),
            uploaded_at: when(&self.uploaded_at),
            applied,
        })
    }
}

const CREATE: &str = "
    CREATE import SET org = type::record('org', $org), kind = $kind, file_name = $file_name,
        content = $content, problem = $problem, uploaded_by = type::record('person', $actor)
    RETURN VALUE id;
";

pub async fn create(
    db: &Db,
    org: &str,
    actor: &str,
    kind: ImportKind,
    file_name: &str,
    content: String,
    problem: Option<String>,
) -> AppResult<String> {
    let mut response = db
        .query(CREATE)
        .bind(("org", org.to_string()))
        .bind(("actor", actor.to_string()))
        .bind(("kind", kind.key()))
        .bind(("file_name", file_name.to_string()))
        .bind(("content", content))
        .bind(("problem", problem))
        .await?
        .check()?;
    let ids: Vec<RecordId> = response.take(0)?;
    ids.first().map(key).ok_or(AppError::Internal)
}

const FIELDS: &str = "id, kind, file_name, content, problem, uploaded_by.name AS uploaded_by_name,
    <string> uploaded_at AS uploaded_at, applied_by.name AS applied_by_name,
    IF applied_at != NONE { <string> applied_at } ELSE { NONE } AS applied_at, outcome";

pub async fn load(db: &Db, org: &str, id: &str) -> AppResult<Upload> {
    let mut response = db
        .query(format!(
            "SELECT {FIELDS} FROM type::record('import', $id) WHERE org = type::record('org', $org);"
        ))
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let rows: Vec<UploadRow> = response.take(0)?;
    rows.into_iter()
        .next()
        .and_then(UploadRow::into_upload)
        .ok_or(AppError::NotFound)
}

pub async fn recent(db: &Db, org: &str) -> AppResult<Vec<ImportSummary>> {
    let mut response = db
        .query(format!(
            "SELECT * FROM (SELECT {FIELDS}, uploaded_at AS uploaded_sort FROM import \
             WITH INDEX import_org WHERE org = type::record('org', $org)) \
             ORDER BY uploaded_sort DESC LIMIT 20;"
        ))
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<UploadRow> = response.take(0)?;
    Ok(rows
        .into_iter()
        .filter_map(UploadRow::into_upload)
        .map(|u| ImportSummary {
            id: u.id,
            kind: u.kind,
            file_name: u.file_name,
            uploaded: u.uploaded_at,
            uploaded_by: u.uploaded_by,
            applied: u.applied,
        })
        .collect())
}

#[derive(SurrealValue)]
struct PersonRow {
    id: RecordId,
    email: String,
    name: String,
    career_level: String,
    roles: Vec<String>,
    team: Option<RecordId>,
    line_manager: Option<RecordId>,
    job_title: Option<String>,
    start_date: Option<String>,
    swe_number: Option<String>,
    active: bool,
}

/// Everyone in the council, as the staff import compares them.
pub async fn people(db: &Db, org: &str) -> AppResult<Vec<Person>> {
    let mut response = db
        .query(
            "SELECT id, email, name, career_level, roles, team, line_manager, job_title, start_date,
                    swe_number, active
             FROM person WHERE org = type::record('org', $org);",
        )
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<PersonRow> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| Person {
            id: key(&r.id),
            email: r.email,
            name: r.name,
            career_level: r.career_level,
            roles: r.roles,
            team: r.team.as_ref().map(key),
            line_manager: r.line_manager.as_ref().map(key),
            job_title: r.job_title,
            start_date: r.start_date,
            swe_number: r.swe_number,
            active: r.active,
        })
        .collect())
}

#[derive(SurrealValue)]
struct PersonWrite {
    id: String,
    create: bool,
    name: String,
    email: String,
    roles: Vec<String>,
    career_level: String,
    team: Option<String>,
    line_manager: Option<String>,
    job_title: Option<String>,
    start_date: Option<String>,
    swe_number: Option<String>,
}

const MARK_APPLIED_GUARD: &str = "
    LET $import = type::record('import', $import_id);
    IF (SELECT VALUE applied_at FROM $import WHERE org = type::record('org', $org))[0] != NONE {
        THROW 'already applied';
    };
";

const MARK_APPLIED: &str = "
    UPDATE $import SET applied_at = time::now(), applied_by = type::record('person', $actor),
        outcome = $outcome RETURN NONE;
";

/// Writes each person; a new person's level, and a changed one, start an entry in their level
/// history (and close any request for a step from the old level), as the person form does.
const WRITE_PEOPLE: &str = "
    FOR $p IN $people {
        LET $pid = type::record('person', $p.id);
        LET $team = IF $p.team != NONE { type::record('team', $p.team) } ELSE { NONE };
        LET $manager = IF $p.line_manager != NONE { type::record('person', $p.line_manager) } ELSE { NONE };
        LET $before = (SELECT VALUE career_level FROM $pid)[0];
        IF $p.create {
            CREATE level_history SET org = type::record('org', $org), person = $pid,
                level = $p.career_level, how = 'joined',
                started_on = IF $p.start_date != NONE { $p.start_date } ELSE { $today } RETURN NONE;
        } ELSE IF $before != NONE AND $before != $p.career_level {
            UPDATE level_history SET ended_on = $today WHERE person = $pid AND ended_on = NONE
                RETURN NONE;
            CREATE level_history SET org = type::record('org', $org), person = $pid,
                level = $p.career_level, started_on = $today, how = 'admin' RETURN NONE;
            UPDATE progression_case SET status = 'withdrawn', decided_at = time::now(),
                reasons = 'Closed because the career level was changed by a staff import.'
                WHERE person = $pid AND status = 'open' RETURN NONE;
        };
        IF $p.create {
            CREATE type::record('person', $p.id) CONTENT {
                org: type::record('org', $org), name: $p.name, email: $p.email, roles: $p.roles,
                career_level: $p.career_level, team: $team, line_manager: $manager,
                job_title: $p.job_title, start_date: $p.start_date, swe_number: $p.swe_number,
                active: true,
            } RETURN NONE;
        } ELSE {
            UPDATE type::record('person', $p.id) SET name = $p.name, roles = $p.roles,
                career_level = $p.career_level, team = $team, line_manager = $manager,
                job_title = $p.job_title, start_date = $p.start_date, swe_number = $p.swe_number
            WHERE org = type::record('org', $org) RETURN NONE;
        };
    };
";

fn failed(error: surrealdb::Error) -> AppError {
    if error.to_string().contains("already applied") {
        AppError::Conflict("This file has already been applied.".into())
    } else {
        error.into()
    }
}

pub async fn apply_staff(
    db: &Db,
    org: &str,
    import_id: &str,
    actor: &str,
    writes: &[Write],
    outcome: &str,
) -> AppResult<()> {
    let people: Vec<PersonWrite> = writes
        .iter()
        .map(|w| PersonWrite {
            id: w.person.id.clone(),
            create: w.create,
            name: w.person.name.clone(),
            email: w.person.email.clone(),
            roles: w.person.roles.clone(),
            career_level: w.person.career_level.clone(),
            team: w.person.team.clone(),
            line_manager: w.person.line_manager.clone(),
            job_title: w.person.job_title.clone(),
            start_date: w.person.start_date.clone(),
            swe_number: w.person.swe_number.clone(),
        })
        .collect();
    let response = db
        .query(format!(
            "BEGIN TRANSACTION; {MARK_APPLIED_GUARD} {WRITE_PEOPLE} {MARK_APPLIED} COMMIT TRANSACTION;"
        ))
        .bind(("org", org.to_string()))
        .bind(("import_id", import_id.to_string()))
        .bind(("actor", actor.to_string()))
        .bind(("outcome", outcome.to_string()))
        .bind(("today", crate::dates::iso(crate::dates::today_uk())))
        .bind(("people", people))
        .await?;
    crate::db::check_thrown(response).map_err(failed)?;
    Ok(())
}

pub async fn apply_figures(
    db: &Db,
    org: &str,
    import_id: &str,
    actor: &str,
    writes: &[(String, Quarter, Counts)],
    outcome: &str,
) -> AppResult<()> {
    let rows = crate::workforce::store::inputs(writes);
    let upsert = crate::workforce::store::UPSERT_ROWS;
    let response = db
        .query(format!(
            "BEGIN TRANSACTION; {MARK_APPLIED_GUARD} {upsert} {MARK_APPLIED} COMMIT TRANSACTION;"
        ))
        .bind(("org", org.to_string()))
        .bind(("import_id", import_id.to_string()))
        .bind(("actor", Some(actor.to_string())))
        .bind(("outcome", outcome.to_string()))
        .bind(("rows", rows))
        .await?;
    crate::db::check_thrown(response).map_err(failed)?;
    Ok(())
}

/// A fresh key for someone created by an import, in the form the app's ids take.
pub fn new_key() -> String {
    use rand::Rng;
    rand::rng()
        .sample_iter(&rand::distr::Alphanumeric)
        .take(20)
        .map(|b| char::from(b).to_ascii_lowercase())
        .collect()
}
