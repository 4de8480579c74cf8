//! ASYE queries (server only), scoped by org. Who may read or record what is decided by the
//! server functions; this module reads and writes.

use std::collections::HashMap;

use surrealdb::types::{RecordId, SurrealValue};

use super::model::{
    AdjustmentInput, ObservationInput, ProgrammeInput, ReviewInput, SelfAssessmentInput, TimeInput,
};
use crate::dates::iso;
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone, SurrealValue)]
pub struct ProgrammeRow {
    pub id: RecordId,
    pub person: RecordId,
    pub person_name: String,
    pub career_level: String,
    pub team: Option<RecordId>,
    pub team_name: Option<String>,
    pub line_manager: Option<RecordId>,
    pub line_manager_name: Option<String>,
    pub assessor: Option<RecordId>,
    pub assessor_name: Option<String>,
    pub coordinator_name: Option<String>,
    pub start: String,
    pub contracted_hours: f64,
    pub status: String,
    pub recommendation: Option<String>,
    pub recommendation_notes: String,
    pub recommended_on: Option<String>,
    pub recommended_by: Option<RecordId>,
    pub recommended_by_name: Option<String>,
    pub moderation: Option<String>,
    pub moderation_notes: String,
    pub moderated_on: Option<String>,
    pub moderated_by_name: Option<String>,
}

const PROGRAMME_FIELDS: &str = "id, person, person.name AS person_name,
    person.career_level AS career_level, person.team AS team,
    person.team.name AS team_name, person.line_manager AS line_manager,
    person.line_manager.name AS line_manager_name,
    person.assessor AS assessor, person.assessor.name AS assessor_name,
    coordinator.name AS coordinator_name, start, contracted_hours, status, recommendation,
    recommendation_notes, recommended_on, recommended_by, recommended_by.name AS recommended_by_name,
    moderation, moderation_notes, moderated_on, moderated_by.name AS moderated_by_name";

#[derive(Debug, Clone, SurrealValue)]
pub struct ReviewRow {
    pub programme: RecordId,
    pub month: i64,
    pub held_on: String,
    pub outcome: String,
    pub notes: String,
    pub recorded_by_name: String,
}

#[derive(Debug, Clone, SurrealValue)]
pub struct ObservationRow {
    pub programme: RecordId,
    pub observed_on: String,
    pub observer: String,
    pub setting: String,
    pub reflection: String,
}

#[derive(Debug, Clone, SurrealValue)]
pub struct SelfAssessmentRow {
    pub programme: RecordId,
    pub stage: String,
    pub completed_on: String,
    pub summary: String,
}

#[derive(Debug, Clone, SurrealValue)]
pub struct TimeRow {
    pub programme: RecordId,
    pub taken_on: String,
    pub hours: f64,
    pub activity: String,
}

#[derive(Debug, Clone, SurrealValue)]
pub struct AdjustmentRow {
    pub programme: RecordId,
    pub kind: String,
    pub paused_from: Option<String>,
    pub paused_to: Option<String>,
    pub months: Option<i64>,
    pub reason: String,
    pub details: String,
    pub agreed_by: String,
}

/// Everything recorded on a set of programmes, read in one round trip.
#[derive(Debug, Default)]
pub struct Records {
    pub reviews: Vec<ReviewRow>,
    pub observations: Vec<ObservationRow>,
    pub self_assessments: Vec<SelfAssessmentRow>,
    pub time: Vec<TimeRow>,
    pub adjustments: Vec<AdjustmentRow>,
}

impl ProgrammeRow {
    /// The named assessor, or the line manager, who assesses when nobody else is named.
    pub fn assessor_label(&self) -> String {
        match (&self.assessor_name, &self.line_manager_name) {
            (Some(assessor), _) => assessor.clone(),
            (None, Some(manager)) => format!("{manager} (line manager)"),
            (None, None) => "Not assigned".to_string(),
        }
    }
}

impl Records {
    /// The records split by programme key, in one pass over each list.
    pub fn by_programme(self) -> HashMap<String, Records> {
        let mut map: HashMap<String, Records> = HashMap::new();
        macro_rules! split {
            ($field:ident) => {
                for row in self.$field {
                    map.entry(key(&row.programme)).or_default().$field.push(row);
                }
            };
        }
        split!(reviews);
        split!(observations);
        split!(self_assessments);
        split!(time);
        split!(adjustments);
        map
    }
}

/// The active programmes' start dates of `people`, by person key.
pub async fn active_starts(
    db: &Db,
    org: &str,
    people: Vec<RecordId>,
) -> AppResult<HashMap<String, String>> {
    #[derive(SurrealValue)]
    struct StartRow {
        person: RecordId,
        start: String,
    }
    let mut response = db
        .query(
            "SELECT person, start FROM asye_programme WHERE org = type::record('org', $org)
                AND person IN $people AND status = 'active';",
        )
        .bind(("org", org.to_string()))
        .bind(("people", people))
        .await?
        .check()?;
    let rows: Vec<StartRow> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| (key(&r.person), r.start))
        .collect())
}

/// The person's programme, if they have one.
pub async fn programme_of(db: &Db, org: &str, person: &str) -> AppResult<Option<ProgrammeRow>> {
    let mut response = db
        .query(format!(
            "SELECT {PROGRAMME_FIELDS} FROM asye_programme WHERE org = type::record('org', $org)
                AND person = type::record('person', $person);"
        ))
        .bind(("org", org.to_string()))
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    let rows: Vec<ProgrammeRow> = response.take(0)?;
    Ok(rows.into_iter().next())
}

/// Programmes in the org, all of them (`people` none) or those of `people`; optionally in a team.
pub async fn programmes(
    db: &Db,
    org: &str,
    people: Option<Vec<RecordId>>,
    team: Option<String>,
) -> AppResult<Vec<ProgrammeRow>> {
    let mut response = db
        .query(format!(
            "SELECT {PROGRAMME_FIELDS}, person.sort_name AS sort_name FROM asye_programme
                WHERE org = type::record('org', $org)
                AND ($all OR person IN $people)
                AND ($team = NONE OR person.team = type::record('team', $team))
                ORDER BY status, sort_name;"
        ))
        .bind(("org", org.to_string()))
        .bind(("all", people.is_none()))
        .bind(("people", people.unwrap_or_default()))
        .bind(("team", team))
        .await?
        .check()?;
    Ok(response.take(0)?)
}

/// Every record on the given programmes.
pub async fn records(db: &Db, programmes: Vec<RecordId>) -> AppResult<Records> {
    let mut response = db
        .query(
            "SELECT programme, month, held_on, outcome, notes, recorded_by.name AS recorded_by_name
                FROM asye_review WHERE programme IN $ids ORDER BY month;
             SELECT programme, observed_on, observer, setting, reflection
                FROM asye_observation WHERE programme IN $ids ORDER BY observed_on;
             SELECT programme, stage, completed_on, summary
                FROM asye_self_assessment WHERE programme IN $ids ORDER BY completed_on;
             SELECT * FROM (SELECT programme, taken_on, hours, activity
                FROM asye_time WITH INDEX asye_time_programme WHERE programme IN $ids)
                ORDER BY taken_on DESC;
             SELECT programme, kind, paused_from, paused_to, months, reason, details, agreed_by
                FROM asye_adjustment WHERE programme IN $ids ORDER BY created_at;",
        )
        .bind(("ids", programmes))
        .await?
        .check()?;
    Ok(Records {
        reviews: response.take(0)?,
        observations: response.take(1)?,
        self_assessments: response.take(2)?,
        time: response.take(3)?,
        adjustments: response.take(4)?,
    })
}

/// Starts a programme and makes `assessor` the person's assessor.
pub async fn create_programme(
    db: &Db,
    org: &str,
    coordinator: &str,
    input: &ProgrammeInput,
) -> AppResult<()> {
    let result = db
        .query(
            "BEGIN TRANSACTION;
             LET $p = type::record('person', $person);
             IF array::len((SELECT id FROM asye_programme WHERE person = $p)) > 0 {
                THROW 'pathway:exists'
             };
             CREATE asye_programme SET org = type::record('org', $org), person = $p,
                coordinator = type::record('person', $coordinator), start = $start,
                contracted_hours = $hours RETURN NONE;
             IF $assessor != NONE {
                UPDATE $p SET assessor = type::record('person', $assessor) RETURN NONE;
             };
             COMMIT TRANSACTION;",
        )
        .bind(("org", org.to_string()))
        .bind(("person", input.person.clone()))
        .bind(("coordinator", coordinator.to_string()))
        .bind(("start", input.start.clone()))
        .bind(("hours", input.contracted_hours))
        .bind(("assessor", input.assessor.clone()))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(_) => Ok(()),
        Err(e) if crate::progression::framework_store::thrown(&e, "pathway:exists") => Err(
            AppError::field("person", "They already have an ASYE programme."),
        ),
        Err(e) => Err(e.into()),
    }
}

pub async fn add_review(
    db: &Db,
    org: &str,
    programme: &RecordId,
    actor: &str,
    input: &ReviewInput,
) -> AppResult<()> {
    let result = db
        .query(
            "CREATE asye_review SET org = type::record('org', $org), programme = $programme,
                month = $month, held_on = $held_on, outcome = $outcome, notes = $notes,
                recorded_by = type::record('person', $actor) RETURN NONE;",
        )
        .bind(("org", org.to_string()))
        .bind(("programme", programme.clone()))
        .bind(("actor", actor.to_string()))
        .bind(("month", input.month as i64))
        .bind(("held_on", input.held_on.clone()))
        .bind(("outcome", input.outcome.clone()))
        .bind(("notes", input.notes.clone()))
        .await?
        .check();
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.to_string().contains("asye_review_point") => Err(AppError::field(
            "month",
            "This review has already been recorded.",
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn add_observation(
    db: &Db,
    org: &str,
    programme: &RecordId,
    actor: &str,
    input: &ObservationInput,
) -> AppResult<()> {
    db.query(
        "CREATE asye_observation SET org = type::record('org', $org), programme = $programme,
            observed_on = $on, observer = $observer, setting = $setting,
            reflection = $reflection, recorded_by = type::record('person', $actor) RETURN NONE;",
    )
    .bind(("org", org.to_string()))
    .bind(("programme", programme.clone()))
    .bind(("actor", actor.to_string()))
    .bind(("on", input.observed_on.clone()))
    .bind(("observer", input.observer.clone()))
    .bind(("setting", input.setting.clone()))
    .bind(("reflection", input.reflection.clone()))
    .await?
    .check()?;
    Ok(())
}

pub async fn add_self_assessment(
    db: &Db,
    org: &str,
    programme: &RecordId,
    input: &SelfAssessmentInput,
) -> AppResult<()> {
    let result = db
        .query(
            "CREATE asye_self_assessment SET org = type::record('org', $org),
                programme = $programme, stage = $stage, completed_on = $on, summary = $summary
                RETURN NONE;",
        )
        .bind(("org", org.to_string()))
        .bind(("programme", programme.clone()))
        .bind(("stage", input.stage.clone()))
        .bind(("on", input.completed_on.clone()))
        .bind(("summary", input.summary.clone()))
        .await?
        .check();
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.to_string().contains("asye_self_assessment_stage") => Err(AppError::field(
            "stage",
            "This self-assessment has already been recorded.",
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn add_time(
    db: &Db,
    org: &str,
    programme: &RecordId,
    input: &TimeInput,
) -> AppResult<()> {
    db.query(
        "CREATE asye_time SET org = type::record('org', $org), programme = $programme,
            taken_on = $on, hours = $hours, activity = $activity RETURN NONE;",
    )
    .bind(("org", org.to_string()))
    .bind(("programme", programme.clone()))
    .bind(("on", input.taken_on.clone()))
    .bind(("hours", input.hours))
    .bind(("activity", input.activity.clone()))
    .await?
    .check()?;
    Ok(())
}

pub async fn add_adjustment(
    db: &Db,
    org: &str,
    programme: &RecordId,
    actor: &str,
    input: &AdjustmentInput,
) -> AppResult<()> {
    let (kind, from, to, months, reason, details, agreed_by) = match input {
        AdjustmentInput::Pause {
            from,
            to,
            reason,
            details,
            agreed_by,
        } => (
            "pause",
            Some(iso(*from)),
            Some(iso(*to)),
            None,
            reason.clone(),
            details.clone(),
            agreed_by.clone(),
        ),
        AdjustmentInput::Extension {
            months,
            details,
            agreed_by,
        } => (
            "extension",
            None,
            None,
            Some(*months as i64),
            "extension".to_string(),
            details.clone(),
            agreed_by.clone(),
        ),
    };
    db.query(
        "CREATE asye_adjustment SET org = type::record('org', $org), programme = $programme,
            kind = $kind, paused_from = $from, paused_to = $to, months = $months,
            reason = $reason, details = $details, agreed_by = $agreed_by,
            recorded_by = type::record('person', $actor) RETURN NONE;",
    )
    .bind(("org", org.to_string()))
    .bind(("programme", programme.clone()))
    .bind(("actor", actor.to_string()))
    .bind(("kind", kind))
    .bind(("from", from))
    .bind(("to", to))
    .bind(("months", months))
    .bind(("reason", reason))
    .bind(("details", details))
    .bind(("agreed_by", agreed_by))
    .await?
    .check()?;
    Ok(())
}

/// Records the assessor's final recommendation; a new one replaces one the panel referred back.
pub async fn set_recommendation(
    db: &Db,
    programme: &RecordId,
    actor: &str,
    outcome: &str,
    notes: &str,
    today: &str,
) -> AppResult<()> {
    db.query(
        "UPDATE $programme SET recommendation = $outcome, recommendation_notes = $notes,
            recommended_on = $today, recommended_by = type::record('person', $actor),
            moderation = NONE, moderation_notes = '', moderated_on = NONE, moderated_by = NONE
            RETURN NONE;",
    )
    .bind(("programme", programme.clone()))
    .bind(("actor", actor.to_string()))
    .bind(("outcome", outcome.to_string()))
    .bind(("notes", notes.to_string()))
    .bind(("today", today.to_string()))
    .await?
    .check()?;
    Ok(())
}

/// Records the moderation panel's outcome and the programme status it leads to, once: it
/// applies only to an active programme whose recommendation is still waiting, so two
/// decisions sent together cannot both land. A confirmed extension clears the decision, so
/// the assessor recommends again at the end of the longer programme (the audit log keeps it).
/// Answers whether it applied.
#[allow(clippy::too_many_arguments)]
pub async fn set_moderation(
    db: &Db,
    programme: &RecordId,
    actor: &str,
    outcome: &str,
    notes: &str,
    today: &str,
    status: &str,
    clear: bool,
) -> AppResult<bool> {
    let mut response = db
        .query(
            "LET $done = UPDATE $programme SET moderation = $outcome, moderation_notes = $notes,
                moderated_on = $today, moderated_by = type::record('person', $actor),
                status = $status
                WHERE status = 'active' AND moderation = NONE AND recommendation != NONE
                RETURN VALUE id;
             IF $clear AND array::len($done) > 0 {
                UPDATE $programme SET recommendation = NONE, recommendation_notes = '',
                    recommended_on = NONE, recommended_by = NONE, moderation = NONE,
                    moderation_notes = '', moderated_on = NONE, moderated_by = NONE
                    RETURN NONE;
             };
             RETURN $done;",
        )
        .bind(("programme", programme.clone()))
        .bind(("actor", actor.to_string()))
        .bind(("outcome", outcome.to_string()))
        .bind(("notes", notes.to_string()))
        .bind(("today", today.to_string()))
        .bind(("status", status.to_string()))
        .bind(("clear", clear))
        .await?
        .check()?;
    let applied: Vec<RecordId> = response.take(2)?;
    Ok(!applied.is_empty())
}

/// The programme's coordinator, if it has one.
pub async fn coordinator_of(db: &Db, programme: &RecordId) -> AppResult<Option<RecordId>> {
    let mut response = db
        .query("SELECT VALUE coordinator FROM ONLY $programme;")
        .bind(("programme", programme.clone()))
        .await?
        .check()?;
    let coordinator: Option<RecordId> = response.take(0)?;
    Ok(coordinator)
}

/// People at a level without a programme, for a coordinator to start one: (key, name).
pub async fn without_programme(
    db: &Db,
    org: &str,
    level: &str,
) -> AppResult<Vec<(String, String)>> {
    #[derive(SurrealValue)]
    struct Row {
        id: RecordId,
        name: String,
    }
    let mut response = db
        .query(
            "LET $o = type::record('org', $org);
             LET $have = (SELECT VALUE person FROM asye_programme WHERE org = $o);
             SELECT id, name, sort_name FROM person WHERE org = $o AND active = true
                AND career_level = $level AND id NOTINSIDE $have ORDER BY sort_name;",
        )
        .bind(("org", org.to_string()))
        .bind(("level", level.to_string()))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(2)?;
    Ok(rows.into_iter().map(|r| (key(&r.id), r.name)).collect())
}

/// People who may assess (supervisors), and teams: (key, name) each.
pub async fn choices(
    db: &Db,
    org: &str,
) -> AppResult<(Vec<(String, String)>, Vec<(String, String)>)> {
    #[derive(SurrealValue)]
    struct Row {
        id: RecordId,
        name: String,
    }
    let mut response = db
        .query(
            "LET $o = type::record('org', $org);
             SELECT id, name, sort_name FROM person WHERE org = $o AND active = true
                AND roles CONTAINS 'supervisor' ORDER BY sort_name;
             SELECT id, name FROM team WHERE org = $o AND archived = false ORDER BY name;",
        )
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let people: Vec<Row> = response.take(1)?;
    let teams: Vec<Row> = response.take(2)?;
    let pairs = |rows: Vec<Row>| rows.into_iter().map(|r| (key(&r.id), r.name)).collect();
    Ok((pairs(people), pairs(teams)))
}
