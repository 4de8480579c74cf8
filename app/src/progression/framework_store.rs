//! Framework queries (server only): the current version of a framework, and the learning
//! lead's editing of drafts. Every query is scoped by the caller's org.

use surrealdb::types::{RecordId, SurrealValue};

use super::data::{CriterionAdmin, FrameworkDetail, FrameworkSummary, NamedKey, StepView};
use super::model::{CriterionKey, StepKind};
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};

pub const PATHWAY: &str = "pathway";
pub const KSS: &str = "kss_practitioner";

#[derive(Debug, Clone, SurrealValue)]
pub struct DomainRow {
    pub key: String,
    pub name: String,
    pub grouping: Option<String>,
}

#[derive(Debug, Clone, SurrealValue)]
pub struct LevelRow {
    pub key: String,
    pub name: String,
}

#[derive(Debug, Clone, SurrealValue)]
pub struct StepRow {
    pub from_level: String,
    pub to_level: String,
    pub kind: String,
    pub required_percent: i64,
}

impl StepRow {
    pub fn kind(&self) -> StepKind {
        StepKind::from_key(&self.kind).unwrap_or(StepKind::Recruitment)
    }

    pub fn percent(&self) -> u8 {
        self.required_percent.clamp(0, 100) as u8
    }
}

#[derive(Debug, Clone, SurrealValue)]
pub struct FrameworkRow {
    pub id: RecordId,
    pub org: RecordId,
    pub family: String,
    pub purpose: String,
    pub name: String,
    pub version: i64,
    pub status: String,
    pub effective_from: Option<String>,
    pub effective_to: Option<String>,
    pub domains: Vec<DomainRow>,
    pub levels: Vec<LevelRow>,
    pub steps: Vec<StepRow>,
}

#[derive(Debug, Clone, SurrealValue)]
pub struct CriterionRow {
    pub id: RecordId,
    pub lineage: String,
    pub domain: String,
    pub level: Option<String>,
    pub code: Option<String>,
    pub title: Option<String>,
    pub statement: String,
    pub position: i64,
    pub retired: bool,
    pub maps_to: Vec<String>,
}

/// A framework version with its criteria, in domain order then position.
#[derive(Debug, Clone)]
pub struct Framework {
    pub row: FrameworkRow,
    pub criteria: Vec<CriterionRow>,
}

impl Framework {
    pub fn level_name(&self, level: &str) -> String {
        self.row
            .levels
            .iter()
            .find(|l| l.key == level)
            .map(|l| l.name.clone())
            .unwrap_or_else(|| crate::people::levels::level_label(level).to_string())
    }

    pub fn domain_name(&self, domain: &str) -> String {
        self.row
            .domains
            .iter()
            .find(|d| d.key == domain)
            .map(|d| d.name.clone())
            .unwrap_or_else(|| domain.to_string())
    }

    pub fn step_from(&self, level: &str) -> Option<&StepRow> {
        self.row.steps.iter().find(|s| s.from_level == level)
    }

    /// The criteria in force for a level (retired ones no longer count).
    pub fn level_criteria<'a>(&'a self, level: &'a str) -> impl Iterator<Item = &'a CriterionRow> {
        self.criteria
            .iter()
            .filter(move |c| !c.retired && c.level.as_deref() == Some(level))
    }

    pub fn keys_for_level<'a>(&'a self, level: &'a str) -> Vec<CriterionKey<'a>> {
        self.level_criteria(level)
            .map(|c| CriterionKey {
                lineage: &c.lineage,
                domain: &c.domain,
            })
            .collect()
    }

    pub fn criterion(&self, lineage: &str) -> Option<&CriterionRow> {
        self.criteria.iter().find(|c| c.lineage == lineage)
    }

    fn sort(&mut self) {
        let order = |domain: &str| {
            self.row
                .domains
                .iter()
                .position(|d| d.key == domain)
                .unwrap_or(usize::MAX)
        };
        let level_order = |level: &Option<String>| {
            level
                .as_deref()
                .and_then(|l| self.row.levels.iter().position(|x| x.key == l))
                .unwrap_or(usize::MAX)
        };
        let mut criteria = std::mem::take(&mut self.criteria);
        criteria.sort_by_key(|c| (level_order(&c.level), order(&c.domain), c.position));
        self.criteria = criteria;
    }
}

const FRAMEWORK_FIELDS: &str = "id, org, family, purpose, name, version, status, effective_from, \
    effective_to, domains, levels, steps";
const CRITERION_FIELDS: &str =
    "id, lineage, domain, level, code, title, statement, position, retired, maps_to";

/// Loads a framework version with its criteria. The criteria of a version that is no longer
/// a draft never change (its status and dates do, so the row is always read fresh), so they
/// are read once per process and then served from memory.
async fn load(
    db: &Db,
    select_framework: String,
    bind: Vec<(&'static str, String)>,
) -> AppResult<Option<Framework>> {
    let mut request = db.query(select_framework);
    for (name, value) in bind {
        request = request.bind((name, value));
    }
    let mut response = request.await?.check()?;
    let rows: Vec<FrameworkRow> = response.take(0)?;
    let Some(row) = rows.into_iter().next() else {
        return Ok(None);
    };
    let cache_key = format!("criteria:{}", key(&row.id));
    let settled = row.status != "draft";
    if settled && let Some(criteria) = db.settled::<Vec<CriterionRow>>(&cache_key) {
        return Ok(Some(Framework { row, criteria }));
    }
    let mut response = db
        .query(format!(
            "SELECT {CRITERION_FIELDS} FROM criterion WHERE framework = $framework;"
        ))
        .bind(("framework", row.id.clone()))
        .await?
        .check()?;
    let criteria: Vec<CriterionRow> = response.take(0)?;
    let mut framework = Framework { row, criteria };
    framework.sort();
    if settled {
        db.settle(cache_key, framework.criteria.clone());
    }
    Ok(Some(framework))
}

/// The newest published version of a framework family, if the org has one.
pub async fn current(db: &Db, org: &str, family: &str) -> AppResult<Option<Framework>> {
    load(
        db,
        format!(
            "SELECT * FROM (SELECT {FRAMEWORK_FIELDS} FROM framework WITH INDEX framework_version \
             WHERE org = type::record('org', $org) AND family = $family AND status = 'published') \
             ORDER BY version DESC LIMIT 1;"
        ),
        vec![("org", org.to_string()), ("family", family.to_string())],
    )
    .await
}

/// One version by id, within the org.
pub async fn by_id(db: &Db, org: &str, id: &str) -> AppResult<Option<Framework>> {
    load(
        db,
        format!(
            "SELECT {FRAMEWORK_FIELDS} FROM type::record('framework', $id) \
             WHERE org = type::record('org', $org);"
        ),
        vec![("org", org.to_string()), ("id", id.to_string())],
    )
    .await
}

#[derive(SurrealValue)]
struct SummaryRow {
    id: RecordId,
    family: String,
    name: String,
    version: i64,
    status: String,
    effective_from: Option<String>,
    effective_to: Option<String>,
    criteria: i64,
}

impl From<SummaryRow> for FrameworkSummary {
    fn from(row: SummaryRow) -> Self {
        FrameworkSummary {
            id: key(&row.id),
            family: row.family,
            name: row.name,
            version: row.version,
            status: row.status,
            effective_from: row.effective_from,
            effective_to: row.effective_to,
            criteria: row.criteria.max(0) as u32,
        }
    }
}

const LIST_FRAMEWORKS: &str = "
    SELECT * FROM (SELECT id, family, name, version, status, effective_from, effective_to,
        (SELECT count() AS n FROM criterion WHERE framework = $parent.id AND retired = false
            GROUP ALL)[0].n ?? 0 AS criteria
    FROM framework WITH INDEX framework_version WHERE org = type::record('org', $org))
    ORDER BY family, version DESC;
";

pub async fn list(db: &Db, org: &str) -> AppResult<Vec<FrameworkSummary>> {
    let mut response = db
        .query(LIST_FRAMEWORKS)
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let rows: Vec<SummaryRow> = response.take(0)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

const DRAFT_OF_FAMILY: &str = "
    SELECT VALUE id FROM framework
    WHERE org = type::record('org', $org) AND family = $family AND status = 'draft';
";

pub async fn detail(db: &Db, org: &str, id: &str) -> AppResult<FrameworkDetail> {
    let framework = by_id(db, org, id).await?.ok_or(AppError::NotFound)?;
    let mut response = db
        .query(DRAFT_OF_FAMILY)
        .bind(("org", org.to_string()))
        .bind(("family", framework.row.family.clone()))
        .await?
        .check()?;
    let drafts: Vec<RecordId> = response.take(0)?;
    let crosswalk_targets = crosswalk_targets(db, org, &framework.row.family).await?;
    let level_name = |k: &str| framework.level_name(k);
    let row = &framework.row;
    let active = framework.criteria.iter().filter(|c| !c.retired).count() as u32;
    Ok(FrameworkDetail {
        summary: FrameworkSummary {
            id: key(&row.id),
            family: row.family.clone(),
            name: row.name.clone(),
            version: row.version,
            status: row.status.clone(),
            effective_from: row.effective_from.clone(),
            effective_to: row.effective_to.clone(),
            criteria: active,
        },
        domains: row
            .domains
            .iter()
            .map(|d| NamedKey {
                key: d.key.clone(),
                name: d.name.clone(),
            })
            .collect(),
        levels: row
            .levels
            .iter()
            .map(|l| NamedKey {
                key: l.key.clone(),
                name: l.name.clone(),
            })
            .collect(),
        steps: row
            .steps
            .iter()
            .map(|s| StepView {
                from_name: level_name(&s.from_level),
                to_name: level_name(&s.to_level),
                kind: s.kind(),
                required_percent: s.percent(),
            })
            .collect(),
        criteria: framework
            .criteria
            .iter()
            .map(|c| CriterionAdmin {
                id: key(&c.id),
                lineage: c.lineage.clone(),
                domain: c.domain.clone(),
                level: c.level.clone(),
                code: c.code.clone(),
                title: c.title.clone(),
                statement: c.statement.clone(),
                retired: c.retired,
                maps_to: c.maps_to.clone(),
            })
            .collect(),
        draft_id: drafts.first().map(key),
        crosswalk_targets,
    })
}

/// The statements a family's criteria can be crosswalked to: the pathway maps to the
/// current practitioner KSS; other frameworks map to nothing (yet).
pub async fn crosswalk_targets(db: &Db, org: &str, family: &str) -> AppResult<Vec<NamedKey>> {
    if family != PATHWAY {
        return Ok(Vec::new());
    }
    let Some(kss) = current(db, org, KSS).await? else {
        return Ok(Vec::new());
    };
    Ok(kss
        .criteria
        .iter()
        .filter(|c| !c.retired)
        .map(|c| NamedKey {
            key: c.lineage.clone(),
            name: match (&c.code, &c.title) {
                (Some(code), Some(title)) => format!("{code}: {title}"),
                _ => c.statement.clone(),
            },
        })
        .collect())
}

/// Whether a SurrealQL `THROW` with this tag ended the query.
pub fn thrown(error: &surrealdb::Error, tag: &str) -> bool {
    error.to_string().contains(tag)
}

const NEW_VERSION: &str = "
    BEGIN TRANSACTION;
    LET $org_id = type::record('org', $org);
    LET $src = (SELECT * FROM type::record('framework', $id)
        WHERE org = $org_id AND status = 'published')[0];
    IF $src = NONE { THROW 'pathway:not_published' };
    IF array::len((SELECT id FROM framework WHERE org = $org_id AND family = $src.family
        AND status = 'draft')) > 0 { THROW 'pathway:draft_exists' };
    LET $next = math::max(array::append((SELECT VALUE version FROM framework
        WITH INDEX framework_version WHERE org = $org_id AND family = $src.family), 0)) + 1;
    LET $created = CREATE framework CONTENT {
        org: $org_id, family: $src.family, purpose: $src.purpose, name: $src.name,
        version: $next, status: 'draft', domains: $src.domains, levels: $src.levels,
        steps: $src.steps
    };
    LET $new_id = $created[0].id;
    FOR $c IN (SELECT * FROM criterion WHERE framework = $src.id) {
        CREATE criterion CONTENT {
            org: $org_id, framework: $new_id, lineage: $c.lineage, domain: $c.domain,
            level: $c.level, code: $c.code, title: $c.title, statement: $c.statement,
            position: $c.position, retired: $c.retired, maps_to: $c.maps_to
        } RETURN NONE;
    };
    COMMIT TRANSACTION;
    RETURN $new_id;
";

/// Starts a draft as a copy of a published version; its criteria keep their lineages, so
/// evidence and sign-offs carry over.
pub async fn start_draft(db: &Db, org: &str, id: &str) -> AppResult<String> {
    let result = db
        .query(NEW_VERSION)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(mut response) => {
            let last = response.num_statements() - 1;
            let id: Option<RecordId> = response.take(last)?;
            id.map(|id| key(&id)).ok_or(AppError::Internal)
        }
        Err(e) if thrown(&e, "pathway:not_published") => Err(AppError::NotFound),
        Err(e) if thrown(&e, "pathway:draft_exists") => Err(AppError::Conflict(
            "A draft of this framework is already being prepared. Edit that draft, or discard it first."
                .into(),
        )),
        Err(e) => Err(e.into()),
    }
}

const PUBLISH: &str = "
    BEGIN TRANSACTION;
    LET $org_id = type::record('org', $org);
    LET $fw = (SELECT * FROM type::record('framework', $id)
        WHERE org = $org_id AND status = 'draft')[0];
    IF $fw = NONE { THROW 'pathway:not_draft' };
    IF array::len((SELECT id FROM criterion WHERE framework = $fw.id AND retired = false)) = 0 {
        THROW 'pathway:empty'
    };
    UPDATE framework SET status = 'superseded', effective_to = $today
        WHERE org = $org_id AND family = $fw.family AND status = 'published' RETURN NONE;
    UPDATE $fw.id SET status = 'published', effective_from = $today,
        published_at = time::now() RETURN NONE;
    COMMIT TRANSACTION;
";

/// Publishes a draft from today; the version it replaces ends today.
pub async fn publish(db: &Db, org: &str, id: &str, today: &str) -> AppResult<()> {
    let result = db
        .query(PUBLISH)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .bind(("today", today.to_string()))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(_) => Ok(()),
        Err(e) if thrown(&e, "pathway:not_draft") => Err(AppError::Conflict(
            "Only a draft can be published, and this version is not a draft.".into(),
        )),
        Err(e) if thrown(&e, "pathway:empty") => Err(AppError::Conflict(
            "A framework needs at least one criterion in force before it is published.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

const DISCARD: &str = "
    BEGIN TRANSACTION;
    LET $fw = (SELECT VALUE id FROM type::record('framework', $id)
        WHERE org = type::record('org', $org) AND status = 'draft')[0];
    IF $fw = NONE { THROW 'pathway:not_draft' };
    DELETE criterion WHERE framework = $fw;
    DELETE $fw;
    COMMIT TRANSACTION;
";

pub async fn discard_draft(db: &Db, org: &str, id: &str) -> AppResult<()> {
    let result = db
        .query(DISCARD)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(_) => Ok(()),
        Err(e) if thrown(&e, "pathway:not_draft") => Err(AppError::Conflict(
            "Only a draft can be discarded; published versions are kept for the record.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(SurrealValue)]
struct EditableRow {
    framework: RecordId,
    status: String,
    level: Option<String>,
    domain: String,
    position: i64,
}

const EDITABLE: &str = "
    SELECT framework, framework.status AS status, level, domain, position
    FROM type::record('criterion', $id) WHERE org = type::record('org', $org);
";

/// The criterion's place, if it exists in the org and its version is still a draft.
async fn editable(db: &Db, org: &str, id: &str) -> AppResult<EditableRow> {
    let mut response = db
        .query(EDITABLE)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let rows: Vec<EditableRow> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    if row.status != "draft" {
        return Err(not_a_draft());
    }
    Ok(row)
}

pub fn not_a_draft() -> AppError {
    AppError::Conflict(
        "Published versions cannot be changed. Start a new version to make changes.".into(),
    )
}

const ADD_CRITERION: &str = "
    LET $last = math::max(array::append((SELECT VALUE position FROM criterion
        WITH INDEX criterion_framework_level
        WHERE framework = type::record('framework', $framework) AND level = $level
          AND domain = $domain), 0));
    CREATE criterion SET org = type::record('org', $org),
        framework = type::record('framework', $framework), lineage = $lineage,
        domain = $domain, level = $level, statement = $statement, position = $last + 1,
        retired = false, maps_to = [] RETURN NONE;
";

/// Adds a criterion to a draft at the end of its level and domain, with a new lineage.
pub async fn add_criterion(
    db: &Db,
    org: &str,
    framework: &Framework,
    domain: &str,
    level: Option<&str>,
    statement: &str,
) -> AppResult<String> {
    if framework.row.status != "draft" {
        return Err(not_a_draft());
    }
    let lineage = new_lineage();
    db.query(ADD_CRITERION)
        .bind(("org", org.to_string()))
        .bind(("framework", key(&framework.row.id)))
        .bind(("lineage", lineage.clone()))
        .bind(("domain", domain.to_string()))
        .bind(("level", level.map(str::to_string)))
        .bind(("statement", statement.to_string()))
        .await?
        .check()?;
    Ok(lineage)
}

fn new_lineage() -> String {
    use rand::Rng;
    let suffix: String = rand::rng()
        .sample_iter(&rand::distr::Alphanumeric)
        .take(12)
        .map(char::from)
        .collect();
    format!("c_{}", suffix.to_lowercase())
}

/// Rewords a draft criterion and sets its crosswalk. The lineage stays, so progress against
/// it carries over. `maps_to` has been checked against the crosswalk targets.
pub async fn edit_criterion(
    db: &Db,
    org: &str,
    id: &str,
    statement: &str,
    maps_to: Vec<String>,
) -> AppResult<()> {
    editable(db, org, id).await?;
    db.query(
        "UPDATE type::record('criterion', $id) SET statement = $statement, maps_to = $maps_to
         WHERE framework.status = 'draft' RETURN NONE;",
    )
    .bind(("id", id.to_string()))
    .bind(("statement", statement.to_string()))
    .bind(("maps_to", maps_to))
    .await?
    .check()?;
    Ok(())
}

/// The family of the framework a criterion belongs to, within the org.
pub async fn family_of_criterion(db: &Db, org: &str, id: &str) -> AppResult<String> {
    let mut response = db
        .query(
            "SELECT VALUE framework.family FROM type::record('criterion', $id)
             WHERE org = type::record('org', $org);",
        )
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let families: Vec<String> = response.take(0)?;
    families.into_iter().next().ok_or(AppError::NotFound)
}

pub async fn set_retired(db: &Db, org: &str, id: &str, retired: bool) -> AppResult<()> {
    editable(db, org, id).await?;
    db.query(
        "UPDATE type::record('criterion', $id) SET retired = $retired
         WHERE framework.status = 'draft' RETURN NONE;",
    )
    .bind(("id", id.to_string()))
    .bind(("retired", retired))
    .await?
    .check()?;
    Ok(())
}

#[derive(SurrealValue)]
struct NeighbourRow {
    id: RecordId,
    position: i64,
}

/// Swaps a draft criterion with its neighbour above (`up`) or below in its level and domain.
pub async fn move_criterion(db: &Db, org: &str, id: &str, up: bool) -> AppResult<()> {
    let row = editable(db, org, id).await?;
    let neighbour = if up {
        "SELECT * FROM (SELECT id, position FROM criterion WITH INDEX criterion_framework_level
            WHERE framework = $framework AND level = $level AND domain = $domain
            AND position < $position) ORDER BY position DESC LIMIT 1;"
    } else {
        "SELECT id, position FROM criterion WHERE framework = $framework AND level = $level
            AND domain = $domain AND position > $position ORDER BY position ASC LIMIT 1;"
    };
    let mut response = db
        .query(neighbour)
        .bind(("framework", row.framework.clone()))
        .bind(("level", row.level.clone()))
        .bind(("domain", row.domain.clone()))
        .bind(("position", row.position))
        .await?
        .check()?;
    let rows: Vec<NeighbourRow> = response.take(0)?;
    // Already first (or last): nothing to do.
    let Some(other) = rows.into_iter().next() else {
        return Ok(());
    };
    db.query(
        "BEGIN TRANSACTION;
         UPDATE type::record('criterion', $id) SET position = $other_position
             WHERE framework.status = 'draft' RETURN NONE;
         UPDATE $other SET position = $position WHERE framework.status = 'draft' RETURN NONE;
         COMMIT TRANSACTION;",
    )
    .bind(("id", id.to_string()))
    .bind(("other", other.id))
    .bind(("other_position", other.position))
    .bind(("position", row.position))
    .await?
    .check()?;
    Ok(())
}
