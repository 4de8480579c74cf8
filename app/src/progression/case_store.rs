//! Progression cases and level changes (server only): opening a request, the panel, the
//! decision, automatic steps, and the level history they write. Scoped by the caller's org.

use surrealdb::types::{RecordId, SurrealValue};

use super::data::CaseSummary;
use super::framework_store::{self, Framework, PATHWAY};
use super::model::{Decision, Readiness, StepKind, check_can_open_case, readiness};
use super::store::PersonRow;
use crate::dates::uk_datetime;
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone, SurrealValue)]
pub struct CaseRow {
    pub id: RecordId,
    pub person: RecordId,
    pub person_name: String,
    pub from_level: String,
    pub to_level: String,
    pub kind: String,
    pub status: String,
    pub signed_off: i64,
    pub required: i64,
    pub account: String,
    pub opened_by_name: Option<String>,
    pub opened_at: String,
    pub panel: Vec<RecordId>,
    pub panel_names: Vec<String>,
    pub decided_by_name: Option<String>,
    pub decided_at: Option<String>,
    pub reasons: String,
    pub actions: String,
}

impl CaseRow {
    pub fn kind(&self) -> StepKind {
        StepKind::from_key(&self.kind).unwrap_or(StepKind::Assessment)
    }

    pub fn summary(&self, framework: Option<&Framework>) -> CaseSummary {
        let name = |level: &str| match framework {
            Some(fw) => fw.level_name(level),
            None => crate::people::levels::level_label(level).to_string(),
        };
        CaseSummary {
            id: key(&self.id),
            person_id: key(&self.person),
            person_name: self.person_name.clone(),
            from_name: name(&self.from_level),
            to_name: name(&self.to_level),
            kind: self.kind(),
            status: self.status.clone(),
            opened_at: uk_datetime(&self.opened_at),
            decided_at: self.decided_at.as_deref().map(uk_datetime),
        }
    }
}

const CASE_FIELDS: &str = "id, person, person.name AS person_name, from_level, to_level, kind,
    status, signed_off, required, account, opened_by.name AS opened_by_name,
    <string> opened_at AS opened_at, panel, panel.name AS panel_names,
    decided_by.name AS decided_by_name,
    IF decided_at != NONE { <string> decided_at } ELSE { NONE } AS decided_at, reasons, actions";

pub async fn get(db: &Db, org: &str, id: &str) -> AppResult<CaseRow> {
    let query = format!(
        "SELECT {CASE_FIELDS} FROM type::record('progression_case', $id)
         WHERE org = type::record('org', $org);"
    );
    let mut response = db
        .query(query)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let rows: Vec<CaseRow> = response.take(0)?;
    rows.into_iter().next().ok_or(AppError::NotFound)
}

pub async fn cases_of_person(
    db: &Db,
    org: &str,
    person: &str,
    framework: Option<&Framework>,
) -> AppResult<Vec<CaseSummary>> {
    let query = format!(
        "SELECT * FROM (SELECT {CASE_FIELDS}, opened_at AS opened_sort FROM progression_case
         WITH INDEX case_person
         WHERE person = type::record('person', $person) AND org = type::record('org', $org))
         ORDER BY opened_sort DESC;"
    );
    let mut response = db
        .query(query)
        .bind(("org", org.to_string()))
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    let rows: Vec<CaseRow> = response.take(0)?;
    Ok(rows.iter().map(|r| r.summary(framework)).collect())
}

/// Open cases the viewer has a part in: their supervisees', those whose panel they sit on,
/// and, for admins, every open case in the council (they arrange panels).
pub async fn open_cases_for(
    db: &Db,
    org: &str,
    viewer: &str,
    all: bool,
) -> AppResult<Vec<CaseSummary>> {
    let query = format!(
        "LET $me = type::record('person', $viewer);
         SELECT {CASE_FIELDS} FROM progression_case
         WHERE org = type::record('org', $org) AND status = 'open' AND person != $me
           AND ($all OR person.line_manager = $me OR person.assessor = $me OR panel CONTAINS $me)
         ORDER BY opened_at;"
    );
    let mut response = db
        .query(query)
        .bind(("org", org.to_string()))
        .bind(("viewer", viewer.to_string()))
        .bind(("all", all))
        .await?
        .check()?;
    let rows: Vec<CaseRow> = response.take(1)?;
    let framework = framework_store::current(db, org, PATHWAY).await?;
    Ok(rows.iter().map(|r| r.summary(framework.as_ref())).collect())
}

/// Whether `viewer` sits on the panel of an open request about `person`.
pub async fn sits_on_open_panel(db: &Db, org: &str, viewer: &str, person: &str) -> AppResult<bool> {
    let mut response = db
        .query(
            "SELECT VALUE id FROM progression_case
             WHERE person = type::record('person', $person) AND org = type::record('org', $org)
               AND status = 'open' AND panel CONTAINS type::record('person', $viewer);",
        )
        .bind(("org", org.to_string()))
        .bind(("person", person.to_string()))
        .bind(("viewer", viewer.to_string()))
        .await?
        .check()?;
    let cases: Vec<RecordId> = response.take(0)?;
    Ok(!cases.is_empty())
}

/// The person's readiness for their next step, and the step itself.
pub async fn step_readiness(
    db: &Db,
    framework: &Framework,
    person: &PersonRow,
) -> AppResult<Option<(StepKind, String, u8, Readiness)>> {
    let Some(step) = framework.step_from(&person.career_level) else {
        return Ok(None);
    };
    let mut response = db
        .query("SELECT lineage, status FROM progress WHERE person = $person AND org = $org;")
        .bind(("person", person.id.clone()))
        .bind(("org", framework.row.org.clone()))
        .await?
        .check()?;
    let statuses = super::store::statuses(response.take(0)?);
    let (overall, _) = readiness(
        &framework.keys_for_level(&step.to_level),
        &statuses,
        step.percent(),
    );
    Ok(Some((
        step.kind(),
        step.to_level.clone(),
        step.percent(),
        overall,
    )))
}

const HAS_OPEN_CASE: &str = "
    SELECT VALUE id FROM progression_case WHERE person = $person AND status = 'open';
";

const OPEN_CASE: &str = "
    BEGIN TRANSACTION;
    LET $org_id = type::record('org', $org);
    IF array::len((SELECT id FROM progression_case WHERE person = $person AND status = 'open')) > 0 {
        THROW 'pathway:case_open'
    };
    LET $created = CREATE progression_case SET org = $org_id, person = $person,
        framework = $framework, from_level = $from, to_level = $to, kind = $kind,
        status = 'open', opened_by = type::record('person', $actor), signed_off = $signed_off,
        required = $required, account = $account;
    FOR $to_person IN $notify {
        CREATE notification SET org = $org_id, person = $to_person, kind = 'case_opened',
            text = $text, link = '/progression/' + record::id($created[0].id) RETURN NONE;
    };
    COMMIT TRANSACTION;
    RETURN $created[0].id;
";

/// Opens a progression request for the person's next step, once its requirement is met.
pub async fn open(
    db: &Db,
    org: &str,
    actor: (&str, &str),
    person: &PersonRow,
    account: &str,
) -> AppResult<String> {
    let framework = framework_store::current(db, org, PATHWAY)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some((kind, to, _, readiness)) = step_readiness(db, &framework, person).await? else {
        return Err(AppError::Conflict(
            "There is no further step on the pathway from this level.".into(),
        ));
    };
    let mut response = db
        .query(HAS_OPEN_CASE)
        .bind(("person", person.id.clone()))
        .await?
        .check()?;
    let open: Vec<RecordId> = response.take(0)?;
    check_can_open_case(kind, &readiness, !open.is_empty())
        .map_err(|why| AppError::Conflict(why.to_string()))?;
    if kind == StepKind::Panel && account.trim().is_empty() {
        return Err(AppError::field(
            "account",
            "Write a reflective account for the panel: how your practice meets the level.",
        ));
    }
    let mut notify: Vec<RecordId> = person.reviewers();
    if key(&person.id) != actor.0 {
        notify.push(person.id.clone());
    }
    notify.retain(|p| key(p) != actor.0);
    let text = format!(
        "{} asked for a progression decision: {} to {}.",
        actor.1,
        framework.level_name(&person.career_level),
        framework.level_name(&to)
    );
    let result = db
        .query(OPEN_CASE)
        .bind(("org", org.to_string()))
        .bind(("person", person.id.clone()))
        .bind(("framework", framework.row.id.clone()))
        .bind(("from", person.career_level.clone()))
        .bind(("to", to))
        .bind(("kind", kind.key()))
        .bind(("actor", actor.0.to_string()))
        .bind(("signed_off", readiness.signed_off as i64))
        .bind(("required", readiness.required as i64))
        .bind(("account", account.trim().to_string()))
        .bind(("notify", notify))
        .bind(("text", text))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(mut response) => {
            let last = response.num_statements() - 1;
            let id: Option<RecordId> = response.take(last)?;
            id.map(|id| key(&id)).ok_or(AppError::Internal)
        }
        Err(e) if framework_store::thrown(&e, "pathway:case_open") => Err(AppError::Conflict(
            "There is already an open progression request.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

const SET_PANEL: &str = "
    BEGIN TRANSACTION;
    LET $org_id = type::record('org', $org);
    LET $done = UPDATE type::record('progression_case', $id) SET panel = $panel
        WHERE org = $org_id AND status = 'open' AND kind = 'panel' RETURN id;
    IF array::len($done) = 0 { THROW 'pathway:not_open' };
    FOR $member IN $panel {
        CREATE notification SET org = $org_id, person = $member, kind = 'panel',
            text = $text, link = '/progression/' + $id RETURN NONE;
    };
    COMMIT TRANSACTION;
";

pub async fn set_panel(
    db: &Db,
    org: &str,
    id: &str,
    panel: Vec<RecordId>,
    text: String,
) -> AppResult<()> {
    let result = db
        .query(SET_PANEL)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .bind(("panel", panel))
        .bind(("text", text))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(_) => Ok(()),
        Err(e) if framework_store::thrown(&e, "pathway:not_open") => Err(AppError::Conflict(
            "The panel can only be set while a panel request is open.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// People who may sit on a panel: active supervisors and leaders, never the subject.
pub async fn panel_choices(
    db: &Db,
    org: &str,
    subject: &RecordId,
) -> AppResult<Vec<(RecordId, String)>> {
    #[derive(SurrealValue)]
    struct ChoiceRow {
        id: RecordId,
        name: String,
    }
    let mut response = db
        .query(
            "SELECT id, name, sort_name FROM person WHERE org = type::record('org', $org)
                AND active = true AND id != $subject
                AND (roles CONTAINS 'supervisor' OR roles CONTAINS 'leader')
             ORDER BY sort_name;",
        )
        .bind(("org", org.to_string()))
        .bind(("subject", subject.clone()))
        .await?
        .check()?;
    let rows: Vec<ChoiceRow> = response.take(0)?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}

/// Ends the person's current level and starts `$to`, as one step of a transaction. Needs
/// `$org_id`, `$person` (a record), `$to`, `$today`, `$how` and `$decision` (the case, or NONE).
macro_rules! move_level {
    () => {
        "
        UPDATE level_history SET ended_on = $today WHERE person = $person AND ended_on = NONE
            RETURN NONE;
        CREATE level_history SET org = $org_id, person = $person, level = $to,
            started_on = $today, how = $how, decision = $decision RETURN NONE;
        UPDATE $person SET career_level = $to RETURN NONE;"
    };
}

const DECIDE_CASE: &str = concat!(
    "
    BEGIN TRANSACTION;
    LET $org_id = type::record('org', $org);
    LET $case_id = type::record('progression_case', $id);
    LET $decision = $case_id;
    IF $approve AND $person.career_level != $from { THROW 'pathway:moved' };
    LET $done = UPDATE $case_id SET status = $status, decided_by = type::record('person', $actor),
        decided_at = time::now(), reasons = $reasons, actions = $actions
        WHERE org = $org_id AND status = 'open' RETURN id;
    IF array::len($done) = 0 { THROW 'pathway:not_open' };
    IF $approve {",
    move_level!(),
    "
    };
    CREATE notification SET org = $org_id, person = $person, kind = 'decision', text = $text,
        link = '/pathway' RETURN NONE;
    COMMIT TRANSACTION;
"
);

/// Records the decision on an open case; approval moves the person up and starts a new
/// level history entry. The caller has checked the actor may decide.
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    db: &Db,
    org: &str,
    case: &CaseRow,
    actor: &str,
    decision: Decision,
    reasons: &str,
    actions: &str,
    today: &str,
    text: String,
) -> AppResult<()> {
    let approve = decision == Decision::Approve;
    let result = db
        .query(DECIDE_CASE)
        .bind(("org", org.to_string()))
        .bind(("id", key(&case.id)))
        .bind(("actor", actor.to_string()))
        .bind(("status", if approve { "approved" } else { "deferred" }))
        .bind(("reasons", reasons.to_string()))
        .bind(("actions", actions.to_string()))
        .bind(("approve", approve))
        .bind(("person", case.person.clone()))
        .bind(("to", case.to_level.clone()))
        .bind(("from", case.from_level.clone()))
        .bind(("how", case.kind.clone()))
        .bind(("today", today.to_string()))
        .bind(("text", text))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(_) => Ok(()),
        Err(e) if framework_store::thrown(&e, "pathway:not_open") => Err(AppError::Conflict(
            "This request has already been decided.".into(),
        )),
        Err(e) if framework_store::thrown(&e, "pathway:moved") => Err(AppError::Conflict(
            "Their level has changed since this request was opened, so it cannot be approved. Defer it, or open a new request."
                .into(),
        )),
        Err(e) => Err(e.into()),
    }
}

const AUTOMATIC: &str = concat!(
    "
    BEGIN TRANSACTION;
    LET $org_id = type::record('org', $org);
    IF $person.career_level != $from { THROW 'pathway:moved' };
    LET $created = CREATE progression_case SET org = $org_id, person = $person,
        framework = $framework, from_level = $from, to_level = $to, kind = 'automatic',
        status = 'approved', signed_off = $signed_off, required = $required,
        decided_at = time::now(), reasons = $reasons;
    LET $how = 'automatic';
    LET $decision = $created[0].id;",
    move_level!(),
    "
    CREATE notification SET org = $org_id, person = $person, kind = 'decision', text = $text,
        link = '/pathway' RETURN NONE;
    COMMIT TRANSACTION;
"
);

/// Moves the person up if their next step is automatic and now met. Returns the new level.
pub async fn apply_automatic_step(
    db: &Db,
    org: &str,
    person: &PersonRow,
    today: &str,
) -> AppResult<Option<String>> {
    let Some(framework) = framework_store::current(db, org, PATHWAY).await? else {
        return Ok(None);
    };
    let Some((kind, to, _, readiness)) = step_readiness(db, &framework, person).await? else {
        return Ok(None);
    };
    if kind != StepKind::Automatic || !readiness.met() {
        return Ok(None);
    }
    let text = format!(
        "Congratulations: you are now {}. Your criteria for this step are all signed off.",
        framework.level_name(&to)
    );
    let moved = Automatic {
        framework: framework.row.id.clone(),
        to: to.clone(),
        signed_off: readiness.signed_off as i64,
        required: readiness.required as i64,
        reasons: "The required criteria were all signed off.",
        text,
    };
    move_automatically(db, org, person, moved, today).await
}

/// An automatic move: where to, on what grounds, and what the person is told.
struct Automatic {
    framework: surrealdb::types::RecordId,
    to: String,
    signed_off: i64,
    required: i64,
    reasons: &'static str,
    text: String,
}

/// Records an approved automatic case and moves the person; someone else having moved them
/// in the meantime is not an error. Returns the new level.
async fn move_automatically(
    db: &Db,
    org: &str,
    person: &PersonRow,
    moved: Automatic,
    today: &str,
) -> AppResult<Option<String>> {
    let result = db
        .query(AUTOMATIC)
        .bind(("org", org.to_string()))
        .bind(("person", person.id.clone()))
        .bind(("framework", moved.framework))
        .bind(("from", person.career_level.clone()))
        .bind(("to", moved.to.clone()))
        .bind(("signed_off", moved.signed_off))
        .bind(("required", moved.required))
        .bind(("reasons", moved.reasons))
        .bind(("today", today.to_string()))
        .bind(("text", moved.text))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(_) => Ok(Some(moved.to)),
        // Someone else moved them in the meantime: nothing more to do.
        Err(e) if framework_store::thrown(&e, "pathway:moved") => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Passing the ASYE is the automatic step out of the NQSW level: moves the person up if
/// their next step is automatic. Returns the new level.
pub async fn apply_asye_pass(
    db: &Db,
    org: &str,
    person: &PersonRow,
    today: &str,
) -> AppResult<Option<String>> {
    // Only the NQSW level is left by passing the ASYE.
    if person.career_level != "nqsw" {
        return Ok(None);
    }
    let Some(framework) = framework_store::current(db, org, PATHWAY).await? else {
        return Ok(None);
    };
    let Some(step) = framework.step_from(&person.career_level) else {
        return Ok(None);
    };
    if step.kind() != StepKind::Automatic {
        return Ok(None);
    }
    let to = step.to_level.clone();
    let text = format!(
        "Congratulations: you passed your ASYE and are now {}.",
        framework.level_name(&to)
    );
    let moved = Automatic {
        framework: framework.row.id.clone(),
        to,
        signed_off: 0,
        required: 0,
        reasons: "The ASYE was passed and the moderation panel confirmed it.",
        text,
    };
    move_automatically(db, org, person, moved, today).await
}

const LEVEL_CHANGE: &str = concat!(
    "
    BEGIN TRANSACTION;
    LET $org_id = type::record('org', $org);
    LET $person = type::record('person', $person_key);
    LET $decision = NONE;",
    move_level!(),
    "
    -- A request for a step from the old level no longer applies.
    UPDATE progression_case SET status = 'withdrawn', decided_at = time::now(),
        reasons = 'Closed because the career level was changed by an admin.'
        WHERE person = $person AND status = 'open' RETURN NONE;
    COMMIT TRANSACTION;
"
);

/// Records a level set outside a case (an admin's edit, an appointment by recruitment).
pub async fn record_level_change(
    db: &Db,
    org: &str,
    person: &str,
    level: &str,
    how: &str,
    today: &str,
) -> AppResult<()> {
    db.query(LEVEL_CHANGE)
        .bind(("org", org.to_string()))
        .bind(("person_key", person.to_string()))
        .bind(("to", level.to_string()))
        .bind(("how", how.to_string()))
        .bind(("today", today.to_string()))
        .await?
        .check()?;
    Ok(())
}
