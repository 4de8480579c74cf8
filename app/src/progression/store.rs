//! Progress queries (server only): a person's pathway, submitting criteria for sign-off,
//! the reviewer's queue and decisions, and the supervisor's team view. Every query is scoped
//! by the caller's org.

use std::collections::{HashMap, HashSet};

use surrealdb::types::{RecordId, SurrealValue};

use super::data::{
    Coverage, CriterionProgress, DomainProgress, LevelEntry, NextStep, PathwayView, QueueItem,
    ReviewEntry, TeamMember,
};
use super::framework_store::{self, Framework, KSS, PATHWAY};
use super::model::{Readiness, Status, Verdict, check_can_open_case, readiness};
use crate::dates::uk_datetime;
use crate::db::{Db, key};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::portfolio::model::{EvidenceDetail, EvidenceRef};
use crate::progression::model::EvidenceKind;

/// The person a page or action is about, with who supervises them.
#[derive(Debug, Clone, SurrealValue)]
pub struct PersonRow {
    pub id: RecordId,
    pub name: String,
    pub career_level: String,
    pub line_manager: Option<RecordId>,
    pub assessor: Option<RecordId>,
    pub active: bool,
}

impl PersonRow {
    /// Whether `viewer` is this person's line manager or assessor (and not the person).
    pub fn is_supervised_by(&self, viewer: &str) -> bool {
        let by = |r: &Option<RecordId>| r.as_ref().is_some_and(|r| key(r) == viewer);
        key(&self.id) != viewer && (by(&self.line_manager) || by(&self.assessor))
    }

    pub fn reviewers(&self) -> Vec<RecordId> {
        let mut reviewers: Vec<RecordId> = Vec::new();
        for r in [&self.line_manager, &self.assessor].into_iter().flatten() {
            if r != &self.id && !reviewers.contains(r) {
                reviewers.push(r.clone());
            }
        }
        reviewers
    }
}

const PERSON: &str = "
    SELECT id, name, career_level, line_manager, assessor, active
    FROM type::record('person', $id) WHERE org = type::record('org', $org);
";

pub async fn person(db: &Db, org: &str, id: &str) -> AppResult<PersonRow> {
    let mut response = db
        .query(PERSON)
        .bind(("org", org.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let rows: Vec<PersonRow> = response.take(0)?;
    rows.into_iter().next().ok_or(AppError::NotFound)
}

/// The person, if `viewer` is them or supervises them; otherwise not found, so that nobody
/// learns who exists outside their reach.
pub async fn person_in_reach(db: &Db, org: &str, viewer: &str, id: &str) -> AppResult<PersonRow> {
    let person = person(db, org, id).await?;
    if key(&person.id) == viewer || person.is_supervised_by(viewer) {
        Ok(person)
    } else {
        Err(AppError::NotFound)
    }
}

#[derive(SurrealValue)]
pub(super) struct ProgressRow {
    lineage: String,
    status: String,
}

#[derive(SurrealValue)]
struct EvidenceRefRow {
    id: RecordId,
    title: String,
    kind: String,
    date: String,
    private: bool,
    criteria: Vec<String>,
}

#[derive(SurrealValue)]
struct ReviewRow {
    lineage: String,
    action: String,
    actor_name: String,
    at: String,
    comment: String,
    evidence: Vec<String>,
}

#[derive(SurrealValue)]
struct HistoryRow {
    level: String,
    started_on: String,
    ended_on: Option<String>,
    how: String,
}

const PERSON_RECORDS: &str = "
    LET $p = type::record('person', $person);
    LET $o = type::record('org', $org);
    SELECT lineage, status FROM progress WITH INDEX progress_person_lineage
        WHERE person = $p AND org = $o;
    SELECT * FROM (SELECT id, title, kind, date, private, criteria FROM evidence
        WITH INDEX evidence_owner_date WHERE owner = $p AND org = $o AND ($own OR private = false))
        ORDER BY date DESC;
    SELECT lineage, action, actor_name, <string> at AS at, comment, evidence FROM review
        WITH INDEX review_person WHERE person = $p AND org = $o ORDER BY at;
    SELECT * FROM (SELECT level, started_on, ended_on, how FROM level_history
        WITH INDEX level_history_person WHERE person = $p AND org = $o) ORDER BY started_on DESC;
";

pub(super) fn statuses(rows: Vec<ProgressRow>) -> HashMap<String, Status> {
    rows.into_iter()
        .filter_map(|row| Status::from_key(&row.status).map(|s| (row.lineage, s)))
        .collect()
}

pub fn how_label(how: &str) -> String {
    match how {
        "joined" => "Joined at this level",
        "automatic" => "Moved up automatically",
        "assessment" => "Progression assessment",
        "panel" => "Progression panel",
        "recruitment" => "Appointed by recruitment",
        "admin" => "Recorded by an admin",
        other => other,
    }
    .to_string()
}

/// A person's place on the pathway. `own` says whether the viewer is the person: only then
/// is their private evidence included.
pub async fn pathway(db: &Db, org: &str, person: &PersonRow, own: bool) -> AppResult<PathwayView> {
    let framework = framework_store::current(db, org, PATHWAY)
        .await?
        .ok_or_else(|| {
            AppError::Conflict("Your council has not published a career pathway yet.".into())
        })?;
    let kss = framework_store::current(db, org, KSS).await?;
    let person_key = key(&person.id);
    let mut response = db
        .query(PERSON_RECORDS)
        .bind(("org", org.to_string()))
        .bind(("person", person_key.clone()))
        .bind(("own", own))
        .await?
        .check()?;
    let mut progress = statuses(response.take(2)?);
    let evidence: Vec<EvidenceRefRow> = response.take(3)?;
    if !own {
        // Work begun only in private evidence is nobody else's business: to others, a
        // criterion is in progress only when evidence they can see is linked to it.
        progress.retain(|lineage, status| {
            *status != Status::InProgress || evidence.iter().any(|e| e.criteria.contains(lineage))
        });
    }
    let reviews: Vec<ReviewRow> = response.take(4)?;
    let history: Vec<HistoryRow> = response.take(5)?;
    let cases = super::case_store::cases_of_person(db, org, &person_key, Some(&framework)).await?;

    let level = person.career_level.clone();
    let step = framework.step_from(&level);
    let target = step.map(|s| s.to_level.clone());
    let keys = target
        .as_deref()
        .map(|t| framework.keys_for_level(t))
        .unwrap_or_default();
    let (overall, by_domain) =
        readiness(&keys, &progress, step.map(|s| s.percent()).unwrap_or(100));

    let mut evidence_by_lineage: HashMap<&str, Vec<EvidenceRef>> = HashMap::new();
    for row in &evidence {
        for lineage in &row.criteria {
            evidence_by_lineage
                .entry(lineage.as_str())
                .or_default()
                .push(EvidenceRef {
                    id: key(&row.id),
                    title: row.title.clone(),
                    kind: EvidenceKind::from_key(&row.kind).unwrap_or(EvidenceKind::Other),
                    date: row.date.clone(),
                    private: row.private,
                });
        }
    }
    let mut reviews_by_lineage: HashMap<&str, Vec<ReviewEntry>> = HashMap::new();
    for row in &reviews {
        reviews_by_lineage
            .entry(row.lineage.as_str())
            .or_default()
            .push(ReviewEntry {
                action: Status::from_key(&row.action).unwrap_or(Status::InProgress),
                by: row.actor_name.clone(),
                at: uk_datetime(&row.at),
                comment: row.comment.clone(),
                evidence: row.evidence.clone(),
            });
    }

    let mut domains = Vec::new();
    if let Some(target) = target.as_deref() {
        for domain in &framework.row.domains {
            let criteria: Vec<CriterionProgress> = framework
                .level_criteria(target)
                .filter(|c| c.domain == domain.key)
                .map(|c| CriterionProgress {
                    lineage: c.lineage.clone(),
                    statement: c.statement.clone(),
                    status: progress
                        .get(&c.lineage)
                        .copied()
                        .unwrap_or(Status::NotStarted),
                    evidence: evidence_by_lineage
                        .get(c.lineage.as_str())
                        .cloned()
                        .unwrap_or_default(),
                    reviews: reviews_by_lineage
                        .get(c.lineage.as_str())
                        .cloned()
                        .unwrap_or_default(),
                })
                .collect();
            if criteria.is_empty() {
                continue;
            }
            domains.push(DomainProgress {
                key: domain.key.clone(),
                name: domain.name.clone(),
                counts: by_domain.get(&domain.key).cloned().unwrap_or_default(),
                criteria,
            });
        }
    }

    let has_open_case = cases.iter().any(|c| c.status == "open");
    let next = step.map(|s| NextStep {
        to_key: s.to_level.clone(),
        to_name: framework.level_name(&s.to_level),
        kind: s.kind(),
        required_percent: s.percent(),
        can_open_case: check_can_open_case(s.kind(), &overall, has_open_case)
            .map_err(str::to_string),
    });

    let crosswalk = kss
        .map(|kss| crosswalk(&framework, &kss, &evidence, &progress))
        .unwrap_or_default();

    Ok(PathwayView {
        person_id: person_key,
        person_name: person.name.clone(),
        own,
        framework_name: framework.row.name.clone(),
        framework_version: framework.row.version,
        level_name: framework.level_name(&level),
        on_pathway: framework.row.levels.iter().any(|l| l.key == level),
        level_key: level,
        next,
        readiness: overall,
        domains,
        history: history
            .into_iter()
            .map(|h| LevelEntry {
                level_name: framework.level_name(&h.level),
                started_on: h.started_on,
                ended_on: h.ended_on,
                how: how_label(&h.how),
            })
            .collect(),
        cases,
        crosswalk,
    })
}

/// One piece of evidence counts for every statement its criteria are crosswalked to.
fn crosswalk(
    pathway: &Framework,
    kss: &Framework,
    evidence: &[EvidenceRefRow],
    progress: &HashMap<String, Status>,
) -> Vec<Coverage> {
    let maps: HashMap<&str, &Vec<String>> = pathway
        .criteria
        .iter()
        .map(|c| (c.lineage.as_str(), &c.maps_to))
        .collect();
    kss.criteria
        .iter()
        .filter(|s| !s.retired)
        .map(|statement| {
            let reaches = |lineage: &str| {
                maps.get(lineage)
                    .is_some_and(|targets| targets.contains(&statement.lineage))
            };
            let evidence = evidence
                .iter()
                .filter(|e| e.criteria.iter().any(|l| reaches(l)))
                .count() as u32;
            let signed_off = progress
                .iter()
                .filter(|(lineage, status)| **status == Status::SignedOff && reaches(lineage))
                .count() as u32;
            Coverage {
                code: statement.code.clone().unwrap_or_default(),
                title: statement.title.clone().unwrap_or_default(),
                description: statement.statement.clone(),
                evidence,
                signed_off,
            }
        })
        .collect()
}

#[derive(SurrealValue)]
struct SharedEvidenceRow {
    title: String,
    criteria: Vec<String>,
}

const SUBMISSION_STATE: &str = "
    LET $p = type::record('person', $person);
    SELECT lineage, status FROM progress
        WHERE person = $p AND org = type::record('org', $org) AND lineage IN $lineages;
    SELECT title, criteria FROM evidence
        WHERE owner = $p AND org = type::record('org', $org) AND private = false
          AND criteria CONTAINSANY $lineages;
";

const SUBMIT: &str = "
    BEGIN TRANSACTION;
    LET $org_id = type::record('org', $org);
    LET $p = type::record('person', $person);
    FOR $item IN $items {
        LET $moved = UPDATE $item.progress SET status = 'submitted'
            WHERE status IN ['in_progress', 'returned'] RETURN id;
        IF array::len($moved) = 0 { THROW 'pathway:not_submittable' };
        CREATE review SET org = $org_id, person = $p, lineage = $item.lineage,
            statement = $item.statement, action = 'submitted', actor = $p,
            actor_name = $name, comment = $comment, evidence = $item.evidence RETURN NONE;
    };
    FOR $to IN $reviewers {
        CREATE notification SET org = $org_id, person = $to, kind = 'submitted',
            text = $text, link = '/reviews' RETURN NONE;
    };
    COMMIT TRANSACTION;
";

#[derive(SurrealValue)]
struct SubmitItem {
    progress: RecordId,
    lineage: String,
    statement: String,
    evidence: Vec<String>,
}

pub fn progress_id(person: &str, lineage: &str) -> RecordId {
    RecordId::new("progress", format!("{person}__{lineage}"))
}

/// Sends criteria to the person's reviewers. Each must be in progress or returned, and have
/// evidence the reviewer can see (private evidence is never shown to anyone else).
pub async fn submit(
    db: &Db,
    org: &str,
    person: &PersonRow,
    lineages: &[String],
    comment: &str,
) -> AppResult<usize> {
    let framework = framework_store::current(db, org, PATHWAY)
        .await?
        .ok_or(AppError::NotFound)?;
    let person_key = key(&person.id);
    let mut response = db
        .query(SUBMISSION_STATE)
        .bind(("org", org.to_string()))
        .bind(("person", person_key.clone()))
        .bind(("lineages", lineages.to_vec()))
        .await?
        .check()?;
    let progress = statuses(response.take(1)?);
    let shared: Vec<SharedEvidenceRow> = response.take(2)?;

    let mut errors = FieldErrors::new();
    let mut items = Vec::new();
    for lineage in lineages {
        let Some(criterion) = framework.criterion(lineage).filter(|c| !c.retired) else {
            errors.add(
                "criteria",
                "One of the chosen criteria is not in the current framework.",
            );
            continue;
        };
        let status = progress.get(lineage).copied().unwrap_or(Status::NotStarted);
        if !status.can_submit() {
            errors.add(
                "criteria",
                format!(
                    "\u{201c}{}\u{201d} is {}: only criteria in progress or returned can be submitted.",
                    short(&criterion.statement),
                    status.label().to_lowercase()
                ),
            );
            continue;
        }
        let evidence: Vec<String> = shared
            .iter()
            .filter(|e| e.criteria.contains(lineage))
            .map(|e| e.title.clone())
            .collect();
        if evidence.is_empty() {
            errors.add(
                "criteria",
                format!(
                    "\u{201c}{}\u{201d} has no evidence your supervisor can see. Add evidence that is not private first.",
                    short(&criterion.statement)
                ),
            );
            continue;
        }
        items.push(SubmitItem {
            progress: progress_id(&person_key, lineage),
            lineage: lineage.clone(),
            statement: criterion.statement.clone(),
            evidence,
        });
    }
    errors.into_result()?;
    let reviewers = able_reviewers(db, org, person.reviewers()).await?;
    if reviewers.is_empty() {
        return Err(AppError::Conflict(
            "You have no line manager or assessor who can review this (they must be active and hold the supervisor role). Ask your admin."
                .into(),
        ));
    }
    let count = items.len();
    let text = if count == 1 {
        format!("{} sent 1 criterion for sign-off.", person.name)
    } else {
        format!("{} sent {count} criteria for sign-off.", person.name)
    };
    let result = db
        .query(SUBMIT)
        .bind(("org", org.to_string()))
        .bind(("person", person_key))
        .bind(("name", person.name.clone()))
        .bind(("comment", comment.to_string()))
        .bind(("items", items))
        .bind(("reviewers", reviewers))
        .bind(("text", text))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(_) => Ok(count),
        Err(e) if framework_store::thrown(&e, "pathway:not_submittable") => {
            Err(AppError::Conflict(
                "Those criteria were sent already. Reload the page to see where they stand.".into(),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// The reviewers who can act: active, in the org, holding the supervisor role. A
/// submission to anyone else would wait for ever.
pub async fn able_reviewers(
    db: &Db,
    org: &str,
    candidates: Vec<RecordId>,
) -> AppResult<Vec<RecordId>> {
    if candidates.is_empty() {
        return Ok(candidates);
    }
    let mut response = db
        .query(
            // FROM the ids reads just those records; `WHERE id IN` scanned the table.
            "SELECT VALUE id FROM $candidates WHERE record::tb(id) = 'person'
                AND org = type::record('org', $org) AND active = true
                AND roles CONTAINS 'supervisor';",
        )
        .bind(("candidates", candidates))
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    Ok(response.take(0)?)
}

const WITHDRAW: &str = "
    BEGIN TRANSACTION;
    LET $p = type::record('person', $person);
    LET $moved = UPDATE $progress SET status = 'in_progress'
        WHERE status = 'submitted' AND org = type::record('org', $org) RETURN id;
    IF array::len($moved) = 0 { THROW 'pathway:not_submitted' };
    CREATE review SET org = type::record('org', $org), person = $p, lineage = $lineage,
        statement = $statement, action = 'withdrawn', actor = $p, actor_name = $name,
        comment = '', evidence = [] RETURN NONE;
    COMMIT TRANSACTION;
";

/// The practitioner takes a criterion back from review (to add to it, or because nobody
/// is there to review it); the evidence is theirs to change again.
pub async fn withdraw(db: &Db, org: &str, person: &PersonRow, lineage: &str) -> AppResult<()> {
    let framework = framework_store::current(db, org, PATHWAY)
        .await?
        .ok_or(AppError::NotFound)?;
    let statement = framework
        .criterion(lineage)
        .map(|c| c.statement.clone())
        .ok_or(AppError::NotFound)?;
    let person_key = key(&person.id);
    let result = db
        .query(WITHDRAW)
        .bind(("org", org.to_string()))
        .bind(("person", person_key.clone()))
        .bind(("progress", progress_id(&person_key, lineage)))
        .bind(("lineage", lineage.to_string()))
        .bind(("statement", statement))
        .bind(("name", person.name.clone()))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(_) => Ok(()),
        Err(e) if framework_store::thrown(&e, "pathway:not_submitted") => Err(AppError::Conflict(
            "This criterion is not with a reviewer: it may have been decided already.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

fn short(statement: &str) -> String {
    let words: Vec<&str> = statement.split_whitespace().collect();
    if words.len() <= 8 {
        statement.to_string()
    } else {
        format!("{}…", words[..8].join(" "))
    }
}

const DECIDE: &str = "
    BEGIN TRANSACTION;
    LET $org_id = type::record('org', $org);
    LET $p = type::record('person', $person);
    LET $done = UPDATE $progress SET status = $status WHERE status = 'submitted' RETURN id;
    IF array::len($done) = 0 { THROW 'pathway:not_submitted' };
    CREATE review SET org = $org_id, person = $p, lineage = $lineage, statement = $statement,
        action = $status, actor = type::record('person', $reviewer), actor_name = $reviewer_name,
        comment = $comment, evidence = $evidence RETURN NONE;
    CREATE notification SET org = $org_id, person = $p, kind = $status, text = $text,
        link = '/pathway' RETURN NONE;
    COMMIT TRANSACTION;
";

/// A reviewer signs off or returns one submitted criterion. The caller has checked that the
/// reviewer supervises the person.
pub async fn decide(
    db: &Db,
    org: &str,
    reviewer: (&str, &str),
    person: &PersonRow,
    lineage: &str,
    verdict: Verdict,
    comment: &str,
) -> AppResult<()> {
    let framework = framework_store::current(db, org, PATHWAY)
        .await?
        .ok_or(AppError::NotFound)?;
    let statement = framework
        .criterion(lineage)
        .map(|c| c.statement.clone())
        .ok_or(AppError::NotFound)?;
    let person_key = key(&person.id);
    let mut response = db
        .query(
            "SELECT VALUE title FROM evidence WHERE owner = type::record('person', $person)
                AND org = type::record('org', $org) AND private = false
                AND criteria CONTAINS $lineage;",
        )
        .bind(("org", org.to_string()))
        .bind(("person", person_key.clone()))
        .bind(("lineage", lineage.to_string()))
        .await?
        .check()?;
    let evidence: Vec<String> = response.take(0)?;
    let (status, text) = match verdict {
        Verdict::SignOff => (
            "signed_off",
            format!(
                "{} signed off \u{201c}{}\u{201d}.",
                reviewer.1,
                short(&statement)
            ),
        ),
        Verdict::Return => (
            "returned",
            format!(
                "{} returned \u{201c}{}\u{201d} with a comment.",
                reviewer.1,
                short(&statement)
            ),
        ),
    };
    let result = db
        .query(DECIDE)
        .bind(("org", org.to_string()))
        .bind(("person", person_key.clone()))
        .bind(("progress", progress_id(&person_key, lineage)))
        .bind(("status", status))
        .bind(("lineage", lineage.to_string()))
        .bind(("statement", statement))
        .bind(("reviewer", reviewer.0.to_string()))
        .bind(("reviewer_name", reviewer.1.to_string()))
        .bind(("comment", comment.to_string()))
        .bind(("evidence", evidence))
        .bind(("text", text))
        .await
        .map(crate::db::check_thrown)?;
    match result {
        Ok(_) => Ok(()),
        Err(e) if framework_store::thrown(&e, "pathway:not_submitted") => Err(AppError::Conflict(
            "This criterion is not waiting for review: someone may have decided it already.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(SurrealValue)]
struct QueueRow {
    person: RecordId,
    person_name: String,
    lineage: String,
    at: String,
}

#[derive(SurrealValue)]
struct QueueEvidenceRow {
    id: RecordId,
    owner: RecordId,
    kind: String,
    title: String,
    date: String,
    what_happened: String,
    what_i_did: String,
    what_i_learned: String,
    what_next: String,
    link: Option<String>,
    criteria: Vec<String>,
}

#[derive(SurrealValue)]
struct LastSubmissionRow {
    person: RecordId,
    lineage: String,
    comment: String,
}

/// The viewer's active supervisees (line-managed or assessed) as `$people`: two statements.
macro_rules! supervisees {
    () => {
        "
    LET $me = type::record('person', $viewer);
    LET $people = (SELECT VALUE id FROM person WHERE org = type::record('org', $org)
        AND active = true AND (line_manager = $me OR assessor = $me) AND id != $me);"
    };
}

const QUEUE: &str = concat!(
    supervisees!(),
    "
    SELECT person, person.name AS person_name, lineage, <string> updated_at AS at
        FROM progress WITH INDEX progress_person_lineage
        WHERE person IN $people AND status = 'submitted' ORDER BY at;
"
);

const QUEUE_DETAIL: &str = "
    SELECT * FROM (SELECT id, owner, kind, title, date, what_happened, what_i_did,
        what_i_learned, what_next, link, criteria FROM evidence WITH INDEX evidence_owner_date
        WHERE owner IN $people AND private = false AND criteria CONTAINSANY $lineages)
        ORDER BY date DESC;
    SELECT person, lineage, comment, at FROM review WITH INDEX review_person
        WHERE person IN $people AND lineage IN $lineages AND action = 'submitted' ORDER BY at;
";

/// Everything waiting for this reviewer, oldest first, with the evidence to read.
pub async fn queue(db: &Db, org: &str, viewer: &str) -> AppResult<Vec<QueueItem>> {
    let mut response = db
        .query(QUEUE)
        .bind(("org", org.to_string()))
        .bind(("viewer", viewer.to_string()))
        .await?
        .check()?;
    let rows: Vec<QueueRow> = response.take(2)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let framework = framework_store::current(db, org, PATHWAY)
        .await?
        .ok_or(AppError::NotFound)?;
    let people: Vec<RecordId> = rows
        .iter()
        .map(|r| r.person.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let lineages: Vec<String> = rows
        .iter()
        .map(|r| r.lineage.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut response = db
        .query(QUEUE_DETAIL)
        .bind(("people", people))
        .bind(("lineages", lineages))
        .await?
        .check()?;
    let evidence: Vec<QueueEvidenceRow> = response.take(0)?;
    let submissions: Vec<LastSubmissionRow> = response.take(1)?;
    // The latest submission's comment wins: rows come oldest first.
    let comments: HashMap<(String, String), String> = submissions
        .into_iter()
        .map(|s| ((key(&s.person), s.lineage), s.comment))
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| {
            let criterion = framework.criterion(&row.lineage);
            QueueItem {
                person_id: key(&row.person),
                person_name: row.person_name,
                statement: criterion.map(|c| c.statement.clone()).unwrap_or_default(),
                domain_name: criterion
                    .map(|c| framework.domain_name(&c.domain))
                    .unwrap_or_default(),
                level_name: criterion
                    .and_then(|c| c.level.as_deref())
                    .map(|l| framework.level_name(l))
                    .unwrap_or_default(),
                submitted_at: uk_datetime(&row.at),
                comment: comments
                    .get(&(key(&row.person), row.lineage.clone()))
                    .cloned()
                    .unwrap_or_default(),
                evidence: evidence
                    .iter()
                    .filter(|e| e.owner == row.person && e.criteria.contains(&row.lineage))
                    .map(|e| EvidenceDetail {
                        id: key(&e.id),
                        kind: e.kind.clone(),
                        title: e.title.clone(),
                        date: e.date.clone(),
                        what_happened: e.what_happened.clone(),
                        what_i_did: e.what_i_did.clone(),
                        what_i_learned: e.what_i_learned.clone(),
                        what_next: e.what_next.clone(),
                        link: e.link.clone(),
                        private: false,
                        criteria: Vec::new(),
                        locked: true,
                    })
                    .collect(),
                lineage: row.lineage,
            }
        })
        .collect())
}

#[derive(SurrealValue)]
struct MemberRow {
    id: RecordId,
    name: String,
    career_level: String,
    team_name: Option<String>,
    line_manager: Option<RecordId>,
}

#[derive(SurrealValue)]
struct ActivityRow {
    person: RecordId,
    at: String,
}

#[derive(SurrealValue)]
struct MemberProgressRow {
    person: RecordId,
    lineage: String,
    status: String,
}

const TEAM: &str = concat!(
    supervisees!(),
    "
    SELECT id, name, career_level, team.name AS team_name, line_manager, sort_name
        FROM $people ORDER BY sort_name;
    SELECT person, lineage, status FROM progress WHERE person IN $people;
    SELECT type::record('person', record::id(id)) AS person, <string> at AS at
        FROM $people.map(|$p| type::record('person_activity', record::id($p)));
"
);

/// The supervisor's team: each supervisee's level, readiness, pending reviews and last activity.
pub async fn team(db: &Db, org: &str, viewer: &str) -> AppResult<Vec<TeamMember>> {
    let mut response = db
        .query(TEAM)
        .bind(("org", org.to_string()))
        .bind(("viewer", viewer.to_string()))
        .await?
        .check()?;
    let members: Vec<MemberRow> = response.take(2)?;
    let progress: Vec<MemberProgressRow> = response.take(3)?;
    let activity: Vec<ActivityRow> = response.take(4)?;
    let framework = framework_store::current(db, org, PATHWAY).await?;
    // Keyed by the record key: `RecordId` can hold values that make poor map keys.
    let mut by_person: HashMap<String, HashMap<String, Status>> = HashMap::new();
    for row in progress {
        if let Some(status) = Status::from_key(&row.status) {
            by_person
                .entry(key(&row.person))
                .or_default()
                .insert(row.lineage, status);
        }
    }
    // Kept by the events of migration 9, so this is one record per member.
    let last: HashMap<String, String> = activity
        .into_iter()
        .map(|row| (key(&row.person), row.at))
        .collect();
    let empty = HashMap::new();
    Ok(members
        .into_iter()
        .map(|m| {
            let statuses = by_person.get(&key(&m.id)).unwrap_or(&empty);
            let (level_name, next_level_name, readiness, step_kind) = match &framework {
                Some(fw) => {
                    let step = fw.step_from(&m.career_level);
                    let readiness = step
                        .map(|s| {
                            super::model::readiness(
                                &fw.keys_for_level(&s.to_level),
                                statuses,
                                s.percent(),
                            )
                            .0
                        })
                        .unwrap_or_default();
                    (
                        fw.level_name(&m.career_level),
                        step.map(|s| fw.level_name(&s.to_level)),
                        readiness,
                        step.map(|s| s.kind()),
                    )
                }
                None => (
                    crate::people::levels::level_label(&m.career_level).to_string(),
                    None,
                    Readiness::default(),
                    None,
                ),
            };
            let manages = m.line_manager.as_ref().is_some_and(|l| key(l) == viewer);
            TeamMember {
                id: key(&m.id),
                name: m.name,
                team_name: m.team_name,
                level_name,
                next_level_name,
                readiness,
                step_kind,
                pending_reviews: statuses
                    .values()
                    .filter(|s| **s == Status::Submitted)
                    .count() as u32,
                last_activity: last
                    .get(&key(&m.id))
                    .filter(|at| !at.is_empty())
                    .map(|at| uk_datetime(at)),
                relationship: if manages { "Line manager" } else { "Assessor" }.to_string(),
                level_key: m.career_level.clone(),
                asye: false,
                asye_next: None,
                asye_overdue: Vec::new(),
                cpd: None,
                supervision: None,
            }
        })
        .collect())
}
