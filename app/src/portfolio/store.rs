//! Evidence queries (server only). Evidence belongs to its owner: every query here is scoped
//! by the owner and the org, so one person can never read or change another's.

use surrealdb::types::{RecordId, SurrealValue};

use super::model::{EvidenceDetail, EvidenceFilter, EvidenceInput, EvidenceSummary};
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};
use crate::people::model::Page;
use crate::progression::model::EvidenceKind;
use crate::progression::store::progress_id;

#[derive(SurrealValue)]
struct SummaryRow {
    id: RecordId,
    kind: String,
    title: String,
    date: String,
    private: bool,
    criteria: i64,
}

const FILTER: &str = "owner = type::record('person', $owner) AND org = type::record('org', $org)
    AND ($kind = '' OR kind = $kind)
    AND ($domain = '' OR domains CONTAINS $domain)
    AND ($criterion = '' OR criteria CONTAINS $criterion)
    AND ($from = '' OR date >= $from)
    AND ($to = '' OR date <= $to)";

/// The owner's evidence, newest first, filtered and paged on the server.
pub async fn list(
    db: &Db,
    org: &str,
    owner: &str,
    filter: &EvidenceFilter,
    per_page: u32,
) -> AppResult<Page<EvidenceSummary>> {
    let page = filter.page.clamp(1, 100_000);
    let list = format!(
        "SELECT * FROM (SELECT id, kind, title, date, private, array::len(criteria) AS criteria,
            created_at FROM evidence WITH INDEX evidence_owner_date WHERE {FILTER})
         ORDER BY date DESC, created_at DESC LIMIT $limit START $start;"
    );
    let count = format!(
        "SELECT count() AS total FROM evidence WITH INDEX evidence_owner_date WHERE {FILTER} \
         GROUP ALL;"
    );
    let mut response = db
        .query(list)
        .query(count)
        .bind(("org", org.to_string()))
        .bind(("owner", owner.to_string()))
        .bind(("kind", filter.kind.clone()))
        .bind(("domain", filter.domain.clone()))
        .bind(("criterion", filter.criterion.clone()))
        .bind(("from", filter.from.clone()))
        .bind(("to", filter.to.clone()))
        .bind(("limit", per_page as i64))
        .bind(("start", ((page - 1) * per_page) as i64))
        .await?
        .check()?;
    let rows: Vec<SummaryRow> = response.take(0)?;
    let total: Option<i64> = response.take((1, "total"))?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|row| EvidenceSummary {
                id: key(&row.id),
                kind: EvidenceKind::from_key(&row.kind).unwrap_or(EvidenceKind::Other),
                title: row.title,
                date: row.date,
                private: row.private,
                criteria: row.criteria.max(0) as u32,
            })
            .collect(),
        total: total.unwrap_or(0).max(0) as u64,
        page,
        per_page,
    })
}

#[derive(SurrealValue)]
struct DetailRow {
    id: RecordId,
    kind: String,
    title: String,
    date: String,
    what_happened: String,
    what_i_did: String,
    what_i_learned: String,
    what_next: String,
    link: Option<String>,
    private: bool,
    criteria: Vec<String>,
    locked: bool,
}

const GET: &str = "
    SELECT id, kind, title, date, what_happened, what_i_did, what_i_learned, what_next, link,
        private, criteria,
        array::len((SELECT id FROM progress WHERE person = $parent.owner
            AND lineage IN $parent.criteria AND status = 'submitted')) > 0 AS locked
    FROM type::record('evidence', $id)
    WHERE owner = type::record('person', $owner) AND org = type::record('org', $org);
";

/// The owner's evidence in full; anyone else gets not found.
pub async fn get(db: &Db, org: &str, owner: &str, id: &str) -> AppResult<EvidenceDetail> {
    let mut response = db
        .query(GET)
        .bind(("org", org.to_string()))
        .bind(("owner", owner.to_string()))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let rows: Vec<DetailRow> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    Ok(EvidenceDetail {
        id: key(&row.id),
        kind: row.kind,
        title: row.title,
        date: row.date,
        what_happened: row.what_happened,
        what_i_did: row.what_i_did,
        what_i_learned: row.what_i_learned,
        what_next: row.what_next,
        link: row.link,
        private: row.private,
        criteria: row.criteria,
        locked: row.locked,
    })
}

fn locked() -> AppError {
    AppError::Conflict(
        "This evidence supports a criterion that is with your supervisor for review. You can change it once they have decided."
            .into(),
    )
}

#[derive(SurrealValue)]
struct ProgressSeed {
    progress: RecordId,
    lineage: String,
}

/// Linking evidence starts a criterion: not started becomes in progress.
const START_PROGRESS: &str = "
    FOR $item IN $starts {
        IF !record::exists($item.progress) {
            CREATE $item.progress SET org = type::record('org', $org),
                person = type::record('person', $owner), lineage = $item.lineage,
                status = 'in_progress' RETURN NONE;
        };
    };
";

/// A criterion with no evidence left goes back to not started, unless it has moved on.
const STOP_PROGRESS: &str = "
    LET $p = type::record('person', $owner);
    LET $still = array::flatten((SELECT VALUE criteria FROM evidence WHERE owner = $p));
    DELETE progress WHERE person = $p AND status = 'in_progress' AND lineage IN $lineages
        AND lineage NOTINSIDE $still;
";

const CREATE: &str = "
    CREATE evidence SET org = type::record('org', $org), owner = type::record('person', $owner),
        kind = $input.kind, title = $input.title, date = $input.date,
        what_happened = $input.what_happened, what_i_did = $input.what_i_did,
        what_i_learned = $input.what_i_learned, what_next = $input.what_next,
        link = $input.link, private = $input.private, criteria = $input.criteria,
        domains = $domains;
";

const UPDATE: &str = "
    UPDATE type::record('evidence', $id) SET
        kind = $input.kind, title = $input.title, date = $input.date,
        what_happened = $input.what_happened, what_i_did = $input.what_i_did,
        what_i_learned = $input.what_i_learned, what_next = $input.what_next,
        link = $input.link, private = $input.private, criteria = $input.criteria,
        domains = $domains
    WHERE owner = type::record('person', $owner) AND org = type::record('org', $org);
";

#[derive(SurrealValue)]
struct InputRow {
    kind: String,
    title: String,
    date: String,
    what_happened: String,
    what_i_did: String,
    what_i_learned: String,
    what_next: String,
    link: Option<String>,
    private: bool,
    criteria: Vec<String>,
}

impl From<&EvidenceInput> for InputRow {
    fn from(input: &EvidenceInput) -> Self {
        InputRow {
            kind: input.kind.key().to_string(),
            title: input.title.clone(),
            date: input.date.clone(),
            what_happened: input.what_happened.clone(),
            what_i_did: input.what_i_did.clone(),
            what_i_learned: input.what_i_learned.clone(),
            what_next: input.what_next.clone(),
            link: input.link.clone(),
            private: input.private,
            criteria: input.criteria.clone(),
        }
    }
}

/// Creates (no `id`) or updates the owner's evidence, and keeps criterion progress in step.
/// `domains` are the domains of the linked criteria, for filtering.
pub async fn save(
    db: &Db,
    org: &str,
    owner: &str,
    id: Option<&str>,
    input: &EvidenceInput,
    domains: Vec<String>,
) -> AppResult<String> {
    let mut unlinked: Vec<String> = Vec::new();
    let saved_id = match id {
        Some(id) => {
            let current = get(db, org, owner, id).await?;
            if current.locked {
                return Err(locked());
            }
            unlinked = current
                .criteria
                .into_iter()
                .filter(|c| !input.criteria.contains(c))
                .collect();
            db.query(UPDATE)
                .bind(("org", org.to_string()))
                .bind(("owner", owner.to_string()))
                .bind(("id", id.to_string()))
                .bind(("input", InputRow::from(input)))
                .bind(("domains", domains))
                .await?
                .check()?;
            id.to_string()
        }
        None => {
            let mut response = db
                .query(CREATE)
                .bind(("org", org.to_string()))
                .bind(("owner", owner.to_string()))
                .bind(("input", InputRow::from(input)))
                .bind(("domains", domains))
                .await?
                .check()?;
            let ids: Vec<RecordId> = response.take((0, "id"))?;
            ids.first().map(key).ok_or(AppError::Internal)?
        }
    };
    let starts: Vec<ProgressSeed> = input
        .criteria
        .iter()
        .map(|lineage| ProgressSeed {
            progress: progress_id(owner, lineage),
            lineage: lineage.clone(),
        })
        .collect();
    db.query(START_PROGRESS)
        .bind(("org", org.to_string()))
        .bind(("owner", owner.to_string()))
        .bind(("starts", starts))
        .await?
        .check()?;
    if !unlinked.is_empty() {
        stop_progress(db, owner, unlinked).await?;
    }
    Ok(saved_id)
}

async fn stop_progress(db: &Db, owner: &str, lineages: Vec<String>) -> AppResult<()> {
    db.query(STOP_PROGRESS)
        .bind(("owner", owner.to_string()))
        .bind(("lineages", lineages))
        .await?
        .check()?;
    Ok(())
}

/// Deletes the owner's evidence, unless it is with a reviewer. Review history keeps the
/// titles of evidence it was decided on, so the record of a sign-off survives.
pub async fn delete(db: &Db, org: &str, owner: &str, id: &str) -> AppResult<()> {
    let current = get(db, org, owner, id).await?;
    if current.locked {
        return Err(locked());
    }
    db.query(
        "DELETE type::record('evidence', $id)
         WHERE owner = type::record('person', $owner) AND org = type::record('org', $org);",
    )
    .bind(("org", org.to_string()))
    .bind(("owner", owner.to_string()))
    .bind(("id", id.to_string()))
    .await?
    .check()?;
    stop_progress(db, owner, current.criteria).await
}
