//! People and team queries (server only). Every query is scoped by the caller's org.

use surrealdb::types::{RecordId, SurrealValue};

use super::model::{Choice, Page, PersonDetail, PersonInput, PersonSummary, TeamNode};
use crate::auth::roles::Role;
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};

/// An update that matched no record in the caller's org touched nothing: not found.
fn found(ids: Vec<RecordId>) -> AppResult<()> {
    if ids.is_empty() {
        Err(AppError::NotFound)
    } else {
        Ok(())
    }
}

fn roles_from(keys: &[String]) -> Vec<Role> {
    keys.iter().filter_map(|key| Role::from_key(key)).collect()
}

fn role_keys(roles: &[Role]) -> Vec<String> {
    roles.iter().map(|role| role.key().to_string()).collect()
}

#[derive(SurrealValue)]
struct SummaryRow {
    id: RecordId,
    name: String,
    email: String,
    roles: Vec<String>,
    career_level: String,
    team_name: Option<String>,
    active: bool,
}

impl From<SummaryRow> for PersonSummary {
    fn from(row: SummaryRow) -> Self {
        PersonSummary {
            id: key(&row.id),
            name: row.name,
            email: row.email,
            roles: roles_from(&row.roles),
            career_level: row.career_level,
            team_name: row.team_name,
            active: row.active,
        }
    }
}

const PEOPLE_FILTER: &str = "org = type::record('org', $org)
    AND ($include_inactive OR active = true)
    AND ($q = '' OR string::contains(sort_name, $q) OR string::contains(email, $q))";

const SUMMARY_FIELDS: &str = "id, name, email, roles, career_level, team.name AS team_name, active";

pub async fn list_people(
    db: &Db,
    org: &str,
    query: &str,
    include_inactive: bool,
    page: u32,
    per_page: u32,
) -> AppResult<Page<PersonSummary>> {
    let page = page.max(1);
    let list = format!(
        "SELECT {SUMMARY_FIELDS} FROM person WHERE {PEOPLE_FILTER} \
         ORDER BY sort_name LIMIT $limit START $start;"
    );
    let count = format!("SELECT count() AS total FROM person WHERE {PEOPLE_FILTER} GROUP ALL;");
    let mut response = db
        .query(list)
        .query(count)
        .bind(("org", org.to_string()))
        .bind(("q", query.trim().to_lowercase()))
        .bind(("include_inactive", include_inactive))
        .bind(("limit", per_page as i64))
        .bind(("start", ((page - 1) * per_page) as i64))
        .await?
        .check()?;
    let rows: Vec<SummaryRow> = response.take(0)?;
    let total: Option<i64> = response.take((1, "total"))?;
    Ok(Page {
        items: rows.into_iter().map(Into::into).collect(),
        total: total.unwrap_or(0).max(0) as u64,
        page,
        per_page,
    })
}

/// People whose line manager is `manager`, for a supervisor's team view.
pub async fn supervisees(db: &Db, org: &str, manager: &str) -> AppResult<Vec<PersonSummary>> {
    let query = format!(
        "SELECT {SUMMARY_FIELDS} FROM person \
         WHERE line_manager = type::record('person', $manager) \
           AND org = type::record('org', $org) AND active = true \
         ORDER BY sort_name;"
    );
    let mut response = db
        .query(query)
        .bind(("org", org.to_string()))
        .bind(("manager", manager.to_string()))
        .await?
        .check()?;
    let rows: Vec<SummaryRow> = response.take(0)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

#[derive(SurrealValue)]
struct DetailRow {
    id: RecordId,
    name: String,
    email: String,
    roles: Vec<String>,
    career_level: String,
    team: Option<RecordId>,
    line_manager: Option<RecordId>,
    assessor: Option<RecordId>,
    job_title: Option<String>,
    start_date: Option<String>,
    swe_number: Option<String>,
    active: bool,
}

const GET_PERSON: &str = "
    SELECT id, name, email, roles, career_level, team, line_manager, assessor, job_title, start_date,
           swe_number, active
    FROM type::record('person', $id) WHERE org = type::record('org', $org);
";

pub async fn get_person(db: &Db, org: &str, id: &str) -> AppResult<PersonDetail> {
    let mut response = db
        .query(GET_PERSON)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let rows: Vec<DetailRow> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    Ok(PersonDetail {
        id: key(&row.id),
        name: row.name,
        email: row.email,
        roles: roles_from(&row.roles),
        career_level: row.career_level,
        team_id: row.team.as_ref().map(key),
        line_manager_id: row.line_manager.as_ref().map(key),
        assessor_id: row.assessor.as_ref().map(key),
        job_title: row.job_title,
        start_date: row.start_date,
        swe_number: row.swe_number,
        active: row.active,
    })
}

#[derive(SurrealValue)]
struct ChoiceRow {
    id: RecordId,
    label: String,
}

const TEAM_CHOICES: &str = "
    SELECT id, IF parent != NONE { parent.name + ' / ' + name } ELSE { name } AS label
    FROM team WHERE org = type::record('org', $org) AND archived = false ORDER BY label;
";

const MANAGER_CHOICES: &str = "
    SELECT id, name AS label FROM person
    WHERE org = type::record('org', $org) AND active = true
      AND (roles CONTAINS 'supervisor' OR roles CONTAINS 'admin' OR roles CONTAINS 'leader')
    ORDER BY label;
";

pub async fn person_choices(db: &Db, org: &str) -> AppResult<(Vec<Choice>, Vec<Choice>)> {
    let mut response = db
        .query(TEAM_CHOICES)
        .query(MANAGER_CHOICES)
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let convert = |rows: Vec<ChoiceRow>| {
        rows.into_iter()
            .map(|row| Choice {
                id: key(&row.id),
                label: row.label,
            })
            .collect::<Vec<_>>()
    };
    let teams: Vec<ChoiceRow> = response.take(0)?;
    let managers: Vec<ChoiceRow> = response.take(1)?;
    Ok((convert(teams), convert(managers)))
}

const TEAM_IN_ORG: &str = "
    SELECT VALUE id FROM type::record('team', $id)
    WHERE org = type::record('org', $org) AND archived = false;
";
const PERSON_IN_ORG: &str = "
    SELECT VALUE id FROM type::record('person', $id)
    WHERE org = type::record('org', $org) AND active = true;
";
const EMAIL_TAKEN: &str = "
    SELECT VALUE id FROM person WHERE org = type::record('org', $org) AND email = $email
      AND record::id(id) != $except;
";

async fn exists(db: &Db, query: &'static str, org: &str, id: &str) -> AppResult<bool> {
    let mut response = db
        .query(query)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let ids: Vec<RecordId> = response.take(0)?;
    Ok(!ids.is_empty())
}

/// Checks the references in a person form against the org; `editing` is the person's own id.
pub async fn check_references(
    db: &Db,
    org: &str,
    input: &PersonInput,
    editing: Option<&str>,
) -> AppResult<()> {
    let mut errors = crate::error::FieldErrors::new();
    if let Some(team) = &input.team_id
        && !exists(db, TEAM_IN_ORG, org, team).await?
    {
        errors.add("team_id", "Choose a team from the list.");
    }
    if let Some(manager) = &input.line_manager_id {
        if Some(manager.as_str()) == editing {
            errors.add(
                "line_manager_id",
                "A person cannot be their own line manager.",
            );
        } else if !exists(db, PERSON_IN_ORG, org, manager).await? {
            errors.add("line_manager_id", "Choose a line manager from the list.");
        }
    }
    if let Some(assessor) = &input.assessor_id {
        if Some(assessor.as_str()) == editing {
            errors.add("assessor_id", "A person cannot be their own assessor.");
        } else if !exists(db, PERSON_IN_ORG, org, assessor).await? {
            errors.add("assessor_id", "Choose an assessor from the list.");
        }
    }
    let mut response = db
        .query(EMAIL_TAKEN)
        .bind(("org", org.to_string()))
        .bind(("email", input.email.clone()))
        .bind(("except", editing.unwrap_or("").to_string()))
        .await?
        .check()?;
    let taken: Vec<RecordId> = response.take(0)?;
    if !taken.is_empty() {
        errors.add(
            "email",
            "Someone in this council already has that email address.",
        );
    }
    errors.into_result()
}

const CREATE_PERSON: &str = "
    CREATE person SET
        org = type::record('org', $org),
        name = $name, email = $email, roles = $roles, career_level = $career_level,
        team = IF $team != NONE { type::record('team', $team) } ELSE { NONE },
        line_manager = IF $manager != NONE { type::record('person', $manager) } ELSE { NONE },
        assessor = IF $assessor != NONE { type::record('person', $assessor) } ELSE { NONE },
        job_title = $job_title, start_date = $start_date, swe_number = $swe_number,
        password_hash = $password_hash, active = true
    RETURN VALUE id;
";

const UPDATE_PERSON: &str = "
    UPDATE type::record('person', $id) SET
        name = $name, email = $email, roles = $roles, career_level = $career_level,
        team = IF $team != NONE { type::record('team', $team) } ELSE { NONE },
        line_manager = IF $manager != NONE { type::record('person', $manager) } ELSE { NONE },
        assessor = IF $assessor != NONE { type::record('person', $assessor) } ELSE { NONE },
        job_title = $job_title, start_date = $start_date, swe_number = $swe_number
    WHERE org = type::record('org', $org)
    RETURN VALUE id;
";

fn bind_person<'a>(
    query: surrealdb::method::Query<'a, surrealdb::engine::any::Any>,
    org: &str,
    input: &PersonInput,
) -> surrealdb::method::Query<'a, surrealdb::engine::any::Any> {
    query
        .bind(("org", org.to_string()))
        .bind(("name", input.name.clone()))
        .bind(("email", input.email.clone()))
        .bind(("roles", role_keys(&input.roles)))
        .bind(("career_level", input.career_level.clone()))
        .bind(("team", input.team_id.clone()))
        .bind(("manager", input.line_manager_id.clone()))
        .bind(("assessor", input.assessor_id.clone()))
        .bind(("job_title", input.job_title.clone()))
        .bind(("start_date", input.start_date.clone()))
        .bind(("swe_number", input.swe_number.clone()))
}

pub async fn create_person(
    db: &Db,
    org: &str,
    input: &PersonInput,
    password_hash: Option<String>,
) -> AppResult<String> {
    let mut response = bind_person(db.query(CREATE_PERSON), org, input)
        .bind(("password_hash", password_hash))
        .await?
        .check()?;
    let ids: Vec<RecordId> = response.take(0)?;
    ids.first().map(key).ok_or(AppError::Internal)
}

pub async fn update_person(db: &Db, org: &str, id: &str, input: &PersonInput) -> AppResult<()> {
    let mut response = bind_person(db.query(UPDATE_PERSON), org, input)
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    found(response.take(0)?)
}

const SET_ACTIVE: &str = "
    UPDATE type::record('person', $id) SET active = $active
    WHERE org = type::record('org', $org) RETURN VALUE id;
";

pub async fn set_active(db: &Db, org: &str, id: &str, active: bool) -> AppResult<()> {
    let mut response = db
        .query(SET_ACTIVE)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .bind(("active", active))
        .await?
        .check()?;
    found(response.take(0)?)
}

#[derive(SurrealValue)]
struct TeamRow {
    id: RecordId,
    name: String,
    kind: String,
    parent: Option<RecordId>,
    archived: bool,
    members: i64,
}

const LIST_TEAMS: &str = "
    SELECT id, name, kind, parent, archived,
           count(SELECT VALUE id FROM person WHERE team = $parent.id AND active = true) AS members
    FROM team WHERE org = type::record('org', $org) AND ($include_archived OR archived = false);
";

pub async fn list_teams(db: &Db, org: &str, include_archived: bool) -> AppResult<Vec<TeamNode>> {
    let mut response = db
        .query(LIST_TEAMS)
        .bind(("org", org.to_string()))
        .bind(("include_archived", include_archived))
        .await?
        .check()?;
    let rows: Vec<TeamRow> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|row| TeamNode {
            id: key(&row.id),
            name: row.name,
            kind: row.kind,
            parent_id: row.parent.as_ref().map(key),
            archived: row.archived,
            members: row.members.max(0) as u64,
        })
        .collect())
}

const CREATE_TEAM: &str = "
    CREATE team SET org = type::record('org', $org), name = $name, kind = $kind,
        parent = IF $parent_key != NONE { type::record('team', $parent_key) } ELSE { NONE }
    RETURN VALUE id;
";

pub async fn create_team(
    db: &Db,
    org: &str,
    name: &str,
    parent: Option<&str>,
) -> AppResult<String> {
    let kind = if parent.is_some() { "team" } else { "service" };
    let mut response = db
        .query(CREATE_TEAM)
        .bind(("org", org.to_string()))
        .bind(("name", name.to_string()))
        .bind(("kind", kind))
        .bind(("parent_key", parent.map(str::to_string)))
        .await?
        .check()?;
    let ids: Vec<RecordId> = response.take(0)?;
    ids.first().map(key).ok_or(AppError::Internal)
}

const UPDATE_TEAM: &str = "
    UPDATE type::record('team', $id) SET name = $name,
        parent = IF $parent_key != NONE { type::record('team', $parent_key) } ELSE { NONE },
        kind = IF $parent_key != NONE { 'team' } ELSE { 'service' },
        archived = $archived
    WHERE org = type::record('org', $org) RETURN VALUE id;
";

pub async fn update_team(
    db: &Db,
    org: &str,
    id: &str,
    name: &str,
    parent: Option<&str>,
    archived: bool,
) -> AppResult<()> {
    let mut response = db
        .query(UPDATE_TEAM)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .bind(("name", name.to_string()))
        .bind(("parent_key", parent.map(str::to_string)))
        .bind(("archived", archived))
        .await?
        .check()?;
    found(response.take(0)?)
}

#[derive(SurrealValue)]
struct ProfileRow {
    name: String,
    email: String,
    roles: Vec<String>,
    career_level: String,
    job_title: Option<String>,
    team_name: Option<String>,
    service_name: Option<String>,
    line_manager_name: Option<String>,
    start_date: Option<String>,
    swe_number: Option<String>,
}

const MY_PROFILE: &str = "
    SELECT name, email, roles, career_level, job_title, team.name AS team_name,
           team.parent.name AS service_name, line_manager.name AS line_manager_name,
           start_date, swe_number
    FROM type::record('person', $id) WHERE org = type::record('org', $org);
";

pub async fn my_profile(db: &Db, org: &str, id: &str) -> AppResult<super::model::ProfileView> {
    let mut response = db
        .query(MY_PROFILE)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let rows: Vec<ProfileRow> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    Ok(super::model::ProfileView {
        name: row.name,
        email: row.email,
        roles: roles_from(&row.roles),
        career_level: row.career_level,
        job_title: row.job_title,
        team_name: row.team_name,
        service_name: row.service_name,
        line_manager_name: row.line_manager_name,
        start_date: row.start_date,
        swe_number: row.swe_number,
    })
}

#[derive(SurrealValue)]
struct CountRow {
    label: Option<String>,
    total: i64,
}

const OVERVIEW: &str = "
    SELECT count() AS total FROM person
        WHERE org = type::record('org', $org) AND active = true GROUP ALL;
    SELECT career_level AS label, count() AS total FROM person
        WHERE org = type::record('org', $org) AND active = true GROUP BY label;
    SELECT (team.parent.name ?? team.name) AS label, count() AS total FROM person
        WHERE org = type::record('org', $org) AND active = true GROUP BY label;
";

pub async fn council_overview(db: &Db, org: &str) -> AppResult<super::model::Headcounts> {
    let mut response = db
        .query(OVERVIEW)
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let total: Option<i64> = response.take((0, "total"))?;
    let by_level: Vec<CountRow> = response.take(1)?;
    let by_service: Vec<CountRow> = response.take(2)?;
    let pairs = |rows: Vec<CountRow>, none: &str| {
        let mut pairs: Vec<(String, u64)> = rows
            .into_iter()
            .map(|row| {
                (
                    row.label.unwrap_or_else(|| none.to_string()),
                    row.total.max(0) as u64,
                )
            })
            .collect();
        pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        pairs
    };
    Ok(super::model::Headcounts {
        active_people: total.unwrap_or(0).max(0) as u64,
        by_level: pairs(by_level, "unknown"),
        by_service: pairs(by_service, "No team"),
    })
}

/// Every council's key, for work the server does for each at start.
pub async fn org_keys(db: &Db) -> AppResult<Vec<String>> {
    let mut response = db.query("SELECT VALUE id FROM org;").await?.check()?;
    let ids: Vec<RecordId> = response.take(0)?;
    Ok(ids.iter().map(key).collect())
}
