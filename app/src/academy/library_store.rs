//! Library queries (server only): search, a resource with the viewer's use of it, the
//! curator's saving and board, and recommendations. Every query is scoped by the caller's
//! org, and people who do not curate only ever reach published resources.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use surrealdb::types::{RecordId, SurrealValue};
use time::Date;

use super::catalogue::{Catalogue, CatalogueRow, StatRow as CatalogueStat};
use super::markdown::to_safe_html;
use super::model::{
    BoardRow, CriterionRef, CuratorBoard, Facet, FacetValue, Feedback, FeedbackComment, Named,
    Recommendation, ResourceDetail, ResourceHit, SearchResults,
};
use super::ranking::{Candidate, recommendation_score, usefulness};
use super::resource::{
    REVIEW_SOON_DAYS, ResourceForm, ResourceInput, Status, freshness, kind_label,
};
use super::search::{FacetName, LibraryQuery, highlight, page_count, words_of};
use crate::dates::{iso, parse_date, uk_date};
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};
use crate::people::levels::level_label;
use crate::progression::framework_store::{self, Framework, PATHWAY};

/// Tags listed in the filter before "and N more".
const TAGS_SHOWN: usize = 15;
/// Answers a resource needs before it can be called one of the least useful.
const LEAST_USEFUL_MIN_ANSWERS: u32 = 2;

pub fn resource_id(id: &str) -> RecordId {
    RecordId::new("resource", id.to_string())
}

fn pair_id(table: &str, person: &str, resource: &str) -> RecordId {
    RecordId::new(
        table,
        surrealdb::types::Array::from(vec![person.to_string(), resource.to_string()]),
    )
}

/// The current pathway's criteria by lineage, and its domains in order.
pub async fn criteria(db: &Db, org: &str) -> AppResult<(Vec<CriterionRef>, Vec<Named>)> {
    Ok(framework_store::current(db, org, PATHWAY)
        .await?
        .map(|f| refs_of(&f))
        .unwrap_or_default())
}

fn refs_of(framework: &Framework) -> (Vec<CriterionRef>, Vec<Named>) {
    let domains: Vec<Named> = framework
        .row
        .domains
        .iter()
        .map(|d| Named {
            key: d.key.clone(),
            label: d.name.clone(),
        })
        .collect();
    let refs = framework
        .criteria
        .iter()
        .filter(|c| !c.retired)
        .map(|c| CriterionRef {
            lineage: c.lineage.clone(),
            statement: c.statement.clone(),
            domain: Named {
                key: c.domain.clone(),
                label: framework.domain_name(&c.domain),
            },
            level: c.level.clone().unwrap_or_default(),
        })
        .collect();
    (refs, domains)
}

fn named_level(key: &str) -> Named {
    Named {
        key: key.to_string(),
        label: level_label(key).to_string(),
    }
}

fn named_kind(key: &str) -> Named {
    Named {
        key: key.to_string(),
        label: kind_label(key).to_string(),
    }
}

// ----- Search -----

#[derive(SurrealValue)]
struct HitRow {
    id: RecordId,
    title: String,
    summary: String,
    kind: String,
    levels: Vec<String>,
    tags: Vec<String>,
    status: String,
    link: Option<String>,
}

#[derive(SurrealValue)]
struct UseRow {
    resource: RecordId,
    bookmarked: bool,
    done_on: Option<String>,
}

#[derive(SurrealValue)]
struct StatRow {
    resource: RecordId,
    useful_yes: i64,
    useful_no: i64,
}

fn statuses(query: &LibraryQuery, can_curate: bool) -> Vec<String> {
    let all = ["draft", "published", "unpublished", "retired"];
    match query.status.as_str() {
        _ if !can_curate => vec!["published".into()],
        "all" => all.iter().map(|s| s.to_string()).collect(),
        s if all.contains(&s) => vec![s.to_string()],
        _ => vec!["published".into()],
    }
}

/// The catalogues of every council this server has searched, each behind its own lock.
#[derive(Default)]
struct Catalogues(std::sync::RwLock<HashMap<String, Arc<OrgCatalogue>>>);

#[derive(Default)]
struct OrgCatalogue {
    catalogue: std::sync::RwLock<Catalogue>,
    /// Held while the catalogue is first loaded, so simultaneous first searches load it once.
    loading: tokio::sync::Mutex<()>,
}

fn catalogue_of(db: &Db, org: &str) -> Arc<OrgCatalogue> {
    let all = db.cache::<Catalogues>();
    if let Some(found) = all.0.read().ok().and_then(|m| m.get(org).cloned()) {
        return found;
    }
    let mut map = match all.0.write() {
        Ok(map) => map,
        Err(poisoned) => poisoned.into_inner(),
    };
    map.entry(org.to_string()).or_default().clone()
}

fn read(lock: &std::sync::RwLock<Catalogue>) -> std::sync::RwLockReadGuard<'_, Catalogue> {
    lock.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn write(lock: &std::sync::RwLock<Catalogue>) -> std::sync::RwLockWriteGuard<'_, Catalogue> {
    lock.write()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[derive(SurrealValue)]
struct SyncRow {
    key: String,
    status: String,
    kind: String,
    levels: Vec<String>,
    domains: Vec<String>,
    criteria: Vec<String>,
    tags: Vec<String>,
    sort_title: String,
    newest: i64,
    changed: i64,
    title_terms: Vec<String>,
    summary_terms: Vec<String>,
    tags_terms: Vec<String>,
    body_terms: Vec<String>,
}

impl From<SyncRow> for CatalogueRow {
    fn from(r: SyncRow) -> Self {
        CatalogueRow {
            key: r.key,
            status: r.status,
            kind: r.kind,
            levels: r.levels,
            domains: r.domains,
            criteria: r.criteria,
            tags: r.tags,
            sort_title: r.sort_title,
            newest: r.newest,
            changed: r.changed,
            terms: [r.title_terms, r.summary_terms, r.tags_terms, r.body_terms],
        }
    }
}

#[derive(SurrealValue)]
struct ChangedRow {
    key: String,
    changed: i64,
}

#[derive(SurrealValue)]
struct SyncStatRow {
    key: String,
    useful_yes: i64,
    useful_no: i64,
    changed: i64,
}

impl From<SyncStatRow> for CatalogueStat {
    fn from(r: SyncStatRow) -> Self {
        CatalogueStat {
            key: r.key,
            useful_yes: r.useful_yes.max(0) as u32,
            useful_no: r.useful_no.max(0) as u32,
            changed: r.changed,
        }
    }
}

/// What the catalogue needs of a resource, with its text as the `library_text` analyzer
/// splits, folds and stems it: the same analyzer for the resources and the words asked for.
const CATALOGUE_FIELDS: &str = "record::id(id) AS key, status, kind, levels, domains, criteria,
    tags, sort_title, time::unix(published_at ?? edited_at) AS newest,
    time::nano(changed_at) AS changed,
    search::analyze('library_text', title) AS title_terms,
    search::analyze('library_text', summary) AS summary_terms,
    search::analyze('library_text', tags_text) AS tags_terms,
    search::analyze('library_text', body) AS body_terms";

/// What changed since the catalogue last looked, the database's clock, and the terms of the
/// words asked for.
fn sync_sql() -> &'static str {
    "LET $org_id = type::record('org', $org);
             RETURN time::nano(time::now());
             SELECT record::id(id) AS key, time::nano(changed_at) AS changed
                FROM resource WHERE org = $org_id AND changed_at >= $since;
             SELECT record::id(resource) AS key, useful_yes, useful_no,
                time::nano(changed_at) AS changed
                FROM resource_stat WHERE org = $org_id AND changed_at >= $stats_since;
             RETURN search::analyze('library_text', $words);"
}

/// The first load reads resources this many at a time, so no one answer holds the whole
/// library's text.
const LOAD_BATCH: usize = 2_000;

fn nanos_to_datetime(nanos: i64) -> surrealdb::types::Datetime {
    surrealdb::types::Datetime::from(chrono::DateTime::from_timestamp_nanos(nanos))
}

/// Reads a council's whole library into an empty catalogue: its keys first, then the
/// resources in batches by key. Anything written after the keys were read is picked up by
/// the next refresh, which looks back from the clock taken before them.
async fn first_load(db: &Db, org: &str, cat: &OrgCatalogue) -> AppResult<()> {
    let mut response = db
        .query(
            "RETURN time::nano(time::now());
             SELECT VALUE id FROM resource WHERE org = type::record('org', $org);
             SELECT record::id(resource) AS key, useful_yes, useful_no,
                time::nano(changed_at) AS changed
                FROM resource_stat WHERE org = type::record('org', $org);",
        )
        .bind(("org", org.to_string()))
        .await?
        .check()?;
    let now: Option<i64> = response.take(0)?;
    let now = now.unwrap_or(0);
    let ids: Vec<RecordId> = response.take(1)?;
    let stats: Vec<SyncStatRow> = response.take(2)?;
    let sql = format!("SELECT {CATALOGUE_FIELDS} FROM $ids;");
    for batch in ids.chunks(LOAD_BATCH) {
        let mut response = db
            .query(sql.as_str())
            .bind(("ids", batch.to_vec()))
            .await?
            .check()?;
        let rows: Vec<SyncRow> = response.take(0)?;
        write(&cat.catalogue).apply(rows.into_iter().map(CatalogueRow::from).collect(), 0);
    }
    let mut c = write(&cat.catalogue);
    c.apply_stats(stats.into_iter().map(CatalogueStat::from).collect(), now);
    // Marks it loaded as of the clock taken before the keys were read.
    c.apply(Vec::new(), now.max(1));
    Ok(())
}

/// Brings the council's catalogue up to date with the database in one round trip, which
/// also analyzes the words asked for into the terms the catalogue's text index holds.
async fn sync(
    db: &Db,
    org: &str,
    words: Option<&str>,
) -> AppResult<(Arc<OrgCatalogue>, Vec<String>)> {
    let cat = catalogue_of(db, org);
    if !read(&cat.catalogue).loaded() {
        // One request loads it while any others wait, then they all refresh as usual.
        let _loading = cat.loading.lock().await;
        if !read(&cat.catalogue).loaded() {
            first_load(db, org, &cat).await?;
        }
    }
    let (since, stats_since) = {
        let c = read(&cat.catalogue);
        (c.resources_since(), c.stats_since())
    };
    let mut response = db
        .query(sync_sql())
        .bind(("org", org.to_string()))
        .bind(("since", nanos_to_datetime(since.unwrap_or(0))))
        .bind(("stats_since", nanos_to_datetime(stats_since.unwrap_or(0))))
        .bind(("words", words.unwrap_or_default().to_string()))
        .await?
        .check()?;
    let now: Option<i64> = response.take(1)?;
    let now = now.unwrap_or(0);
    let changed: Vec<ChangedRow> = response.take(2)?;
    let stats: Vec<SyncStatRow> = response.take(3)?;
    // An array answered by RETURN comes back as rows.
    let terms: Vec<String> = response.take(4)?;
    let changed: Vec<(String, i64)> = changed.into_iter().map(|r| (r.key, r.changed)).collect();
    let stats: Vec<CatalogueStat> = stats.into_iter().map(CatalogueStat::from).collect();
    let (newer, newer_stats) = {
        let c = read(&cat.catalogue);
        let newer: Vec<RecordId> = c.newer(&changed).into_iter().map(resource_id).collect();
        (newer, c.newer_stats(&stats))
    };
    // Only what is new is read in full (with its text analyzed); usually nothing is.
    let rows: Vec<CatalogueRow> = if newer.is_empty() {
        Vec::new()
    } else {
        let mut response = db
            .query(format!("SELECT {CATALOGUE_FIELDS} FROM $ids;"))
            .bind(("ids", newer))
            .await?
            .check()?;
        let rows: Vec<SyncRow> = response.take(0)?;
        rows.into_iter().map(CatalogueRow::from).collect()
    };
    if rows.is_empty() && !newer_stats {
        read(&cat.catalogue).advance(now);
    } else {
        let mut c = write(&cat.catalogue);
        c.apply(rows, now);
        c.apply_stats(stats, now);
    }
    Ok((cat, terms))
}

/// Loads the council's catalogue ahead of the first search (at start, so nobody waits).
pub async fn warm_catalogue(db: &Db, org: &str) -> AppResult<usize> {
    let (cat, _) = sync(db, org, None).await?;
    let n = read(&cat.catalogue).len();
    Ok(n)
}

/// Searches the library: the catalogue (brought up to date first) filters, counts, orders
/// and pages; the database's full-text indexes match the words; one more query reads the
/// page's resources with their matched words marked.
pub async fn search(
    db: &Db,
    org: &str,
    person: &str,
    query: LibraryQuery,
    can_curate: bool,
) -> AppResult<SearchResults> {
    let words = query.words();
    let sort = query.sort();
    let statuses = statuses(&query, can_curate);
    let (cat, terms) = sync(db, org, words.as_deref()).await?;
    let (found, suggestions) = {
        let c = read(&cat.catalogue);
        let found = c.find(&query, &statuses, words.as_ref().map(|_| terms.as_slice()));
        let suggestions = if found.total == 0 {
            c.popular_tags(&statuses, 8)
        } else {
            Vec::new()
        };
        (found, suggestions)
    };
    let ids: Vec<RecordId> = found.keys.iter().map(|k| resource_id(k)).collect();
    // The status is checked again: a change may have committed since the catalogue looked.
    let hits = page_hits(db, person, &ids, &terms, &statuses).await?;
    let (criteria, domains) = criteria(db, org).await?;
    let facets = facets(
        &found.counts,
        found.for_every_level,
        &query,
        &criteria,
        &domains,
    );
    Ok(SearchResults {
        words,
        sort: sort.key().to_string(),
        hits,
        total: found.total,
        page: found.page,
        page_count: page_count(found.total),
        facets,
        suggestions,
        can_curate,
        query: LibraryQuery {
            page: found.page,
            ..query
        },
    })
}

async fn stats_of(db: &Db, ids: Vec<RecordId>) -> AppResult<HashMap<String, (u32, u32)>> {
    let mut response = db
        .query("SELECT resource, useful_yes, useful_no FROM $ids;")
        .bind(("ids", ids))
        .await?
        .check()?;
    let rows: Vec<StatRow> = response.take(0)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                key(&r.resource),
                (r.useful_yes.max(0) as u32, r.useful_no.max(0) as u32),
            )
        })
        .collect())
}

async fn page_hits(
    db: &Db,
    person: &str,
    ids: &[RecordId],
    terms: &[String],
    statuses: &[String],
) -> AppResult<Vec<ResourceHit>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let uses: Vec<RecordId> = ids
        .iter()
        .map(|id| pair_id("resource_use", person, &key(id)))
        .collect();
    // The status is checked again: a change may have committed since the catalogue looked.
    let mut response = db
        .query(
            "SELECT id, title, summary, kind, levels, tags, status, link
                FROM $ids WHERE status IN $statuses;
             SELECT resource, bookmarked, done_on FROM $uses;",
        )
        .bind(("ids", ids.to_vec()))
        .bind(("statuses", statuses.to_vec()))
        .bind(("uses", uses))
        .await?
        .check()?;
    let rows: Vec<HitRow> = response.take(0)?;
    let uses: Vec<UseRow> = response.take(1)?;
    let marks = matching_words(db, &rows, terms).await?;
    let uses: HashMap<String, UseRow> = uses.into_iter().map(|u| (key(&u.resource), u)).collect();
    let mut by_id: HashMap<String, HitRow> = rows.into_iter().map(|r| (key(&r.id), r)).collect();
    let marked = |word: &str| marks.contains(&word.to_lowercase());
    Ok(ids
        .iter()
        .filter_map(|id| by_id.remove(&key(id)))
        .map(|r| {
            let id = key(&r.id);
            let used = uses.get(&id);
            ResourceHit {
                title: highlight(&r.title, marked),
                summary: highlight(&r.summary, marked),
                kind: named_kind(&r.kind),
                levels: r.levels.iter().map(|l| named_level(l)).collect(),
                tags: r.tags,
                status: r.status,
                external: r.link.is_some(),
                bookmarked: used.is_some_and(|u| u.bookmarked),
                done: used.is_some_and(|u| u.done_on.is_some()),
                id,
            }
        })
        .collect())
}

/// The words of the shown titles and summaries (lower-cased) whose analyzed terms include
/// one of the terms searched for, so "chronologies" is marked when "chronology" was asked.
async fn matching_words(db: &Db, rows: &[HitRow], terms: &[String]) -> AppResult<HashSet<String>> {
    if terms.is_empty() || rows.is_empty() {
        return Ok(HashSet::new());
    }
    let mut words: Vec<String> = rows
        .iter()
        .flat_map(|r| words_of(&r.title).chain(words_of(&r.summary)))
        .map(|w| w.to_lowercase())
        .collect();
    words.sort_unstable();
    words.dedup();
    let mut response = db
        .query("RETURN $words.map(|$w| search::analyze('library_text', $w));")
        .bind(("words", words.clone()))
        .await?
        .check()?;
    let analyzed: Vec<Vec<String>> = response.take(0)?;
    let wanted: HashSet<&String> = terms.iter().collect();
    Ok(words
        .into_iter()
        .zip(analyzed)
        .filter(|(_, stems)| stems.iter().any(|s| wanted.contains(s)))
        .map(|(w, _)| w)
        .collect())
}

fn facets(
    counts: &std::collections::BTreeMap<FacetName, std::collections::BTreeMap<String, u32>>,
    for_every_level: u32,
    query: &LibraryQuery,
    criteria: &[CriterionRef],
    domains: &[Named],
) -> Vec<Facet> {
    let mut facets = Vec::new();
    for name in FacetName::ALL {
        // Criteria are many: they are offered once a domain narrows them down.
        if name == FacetName::Criterion && query.domain.is_empty() {
            continue;
        }
        let chosen = query.facet(name);
        let empty = std::collections::BTreeMap::new();
        let found = counts.get(&name).unwrap_or(&empty);
        let value = |value: &str, label: String| FacetValue {
            value: value.to_string(),
            count: found.get(value).copied().unwrap_or(0),
            selected: chosen == value,
            label,
        };
        let mut values: Vec<FacetValue> = match name {
            FacetName::Kind => super::resource::RESOURCE_KINDS
                .iter()
                .map(|(k, label)| value(k, label.to_string()))
                .collect(),
            // Resources for everyone are found under every level, so every level counts them.
            FacetName::Level => super::resource::LIBRARY_LEVELS
                .iter()
                .map(|l| {
                    let mut v = value(l, level_label(l).to_string());
                    v.count += for_every_level;
                    v
                })
                .collect(),
            FacetName::Domain => domains
                .iter()
                .map(|d| value(&d.key, d.label.clone()))
                .collect(),
            FacetName::Criterion => criteria
                .iter()
                .filter(|c| c.domain.key == query.domain)
                .map(|c| {
                    value(
                        &c.lineage,
                        format!("{}: {}", level_label(&c.level), c.statement),
                    )
                })
                .collect(),
            FacetName::Tag => {
                let mut tags: Vec<(&String, &u32)> = found.iter().collect();
                tags.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
                tags.into_iter()
                    .map(|(tag, _)| value(tag, tag.clone()))
                    .collect()
            }
        };
        values.retain(|v| v.count > 0 || v.selected);
        let mut more = 0;
        if name == FacetName::Tag && values.len() > TAGS_SHOWN {
            let selected = values.iter().position(|v| v.selected);
            let mut kept: Vec<FacetValue> = values.drain(..TAGS_SHOWN).collect();
            if let Some(i) = selected.filter(|i| *i >= TAGS_SHOWN) {
                kept.push(values.remove(i - TAGS_SHOWN));
            }
            more = values.len() as u32;
            values = kept;
        }
        if !values.is_empty() {
            facets.push(Facet { name, values, more });
        }
    }
    facets
}

// ----- One resource -----

#[derive(SurrealValue)]
struct DetailRow {
    id: RecordId,
    title: String,
    summary: String,
    body: String,
    body_html: String,
    link: Option<String>,
    kind: String,
    levels: Vec<String>,
    tags: Vec<String>,
    criteria: Vec<String>,
    status: String,
    curator_name: Option<String>,
    review_by: String,
    edited_at: String,
}

#[derive(SurrealValue)]
struct MyUseRow {
    bookmarked: bool,
    done_on: Option<String>,
}

#[derive(SurrealValue)]
struct FeedbackRow {
    useful: bool,
    comment: String,
}

#[derive(SurrealValue)]
struct CountRow {
    useful_yes: i64,
    useful_no: i64,
}

const DETAIL: &str = "
    SELECT id, title, summary, body, body_html, link, kind, levels, tags, criteria, status,
        curator.name AS curator_name, review_by, <string> edited_at AS edited_at
    FROM $resource WHERE org = type::record('org', $org) AND status IN $statuses;
    SELECT bookmarked, done_on FROM $use;
    SELECT useful, comment FROM $feedback;
    SELECT useful_yes, useful_no FROM $stat;
";

/// Notes the first time someone opens a resource, for the curator's "never opened" and
/// "most used". Counting again is a recount, so a retried or doubled request cannot skew it.
const RECORD_OPEN: &str = "
    IF $use.opened_at = NONE {
        UPSERT $use SET org = type::record('org', $org), person = $person,
            resource = $resource, opened_at = time::now();
        UPDATE $stat SET opened = count(SELECT id FROM resource_use
            WHERE resource = $resource AND opened_at != NONE);
    };
";

pub async fn detail(
    db: &Db,
    org: &str,
    person: &str,
    id: &str,
    can_curate: bool,
    today: Date,
) -> AppResult<ResourceDetail> {
    let statuses: Vec<&str> = if can_curate {
        vec!["draft", "published", "unpublished", "retired"]
    } else {
        vec!["published"]
    };
    let mut response = db
        .query(DETAIL)
        .bind(("org", org.to_string()))
        .bind(("resource", resource_id(id)))
        .bind(("statuses", statuses))
        .bind(("use", pair_id("resource_use", person, id)))
        .bind(("feedback", pair_id("resource_feedback", person, id)))
        .bind(("stat", RecordId::new("resource_stat", id.to_string())))
        .await?
        .check()?;
    let rows: Vec<DetailRow> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    let uses: Vec<MyUseRow> = response.take(1)?;
    let feedback: Vec<FeedbackRow> = response.take(2)?;
    let stats: Vec<CountRow> = response.take(3)?;

    if row.status == "published" {
        let recorded = db
            .query(RECORD_OPEN)
            .bind(("org", org.to_string()))
            .bind(("person", RecordId::new("person", person.to_string())))
            .bind(("resource", resource_id(id)))
            .bind(("use", pair_id("resource_use", person, id)))
            .bind(("stat", RecordId::new("resource_stat", id.to_string())))
            .await
            .and_then(|r| r.check());
        // Counting an open is a statistic: a clash with someone else's open is not worth
        // failing the page for.
        if let Err(error) = recorded {
            tracing::warn!(%error, "could not record a resource being opened");
        }
    }

    let (all_criteria, _) = criteria(db, org).await?;
    let criteria: Vec<CriterionRef> = row
        .criteria
        .iter()
        .filter_map(|l| all_criteria.iter().find(|c| &c.lineage == l).cloned())
        .collect();
    let status = Status::from_key(&row.status).unwrap_or(Status::Draft);
    let review = parse_date(&row.review_by).unwrap_or(today);
    let used = uses.into_iter().next();
    let counts = stats.into_iter().next();
    Ok(ResourceDetail {
        id: key(&row.id),
        form: ResourceForm {
            title: row.title.clone(),
            summary: row.summary.clone(),
            body: row.body,
            link: row.link.clone().unwrap_or_default(),
            kind: row.kind.clone(),
            levels: row.levels.clone(),
            tags: row.tags.join(", "),
            criteria: row.criteria.clone(),
            review_by: row.review_by.clone(),
        },
        title: row.title,
        summary: row.summary,
        body_html: row.body_html,
        link: row.link,
        kind: named_kind(&row.kind),
        levels: row.levels.iter().map(|l| named_level(l)).collect(),
        tags: row.tags,
        criteria,
        status: row.status,
        curator: row.curator_name,
        review_by: row.review_by,
        freshness: freshness(review, today),
        edited_on: crate::dates::uk_datetime(&row.edited_at),
        bookmarked: used.as_ref().is_some_and(|u| u.bookmarked),
        done_on: used.and_then(|u| u.done_on),
        feedback: feedback.into_iter().next().map(|f| Feedback {
            useful: f.useful,
            comment: f.comment,
        }),
        useful_yes: counts.as_ref().map_or(0, |c| c.useful_yes.max(0) as u32),
        useful_no: counts.as_ref().map_or(0, |c| c.useful_no.max(0) as u32),
        can_curate,
        next_statuses: [
            Status::Draft,
            Status::Published,
            Status::Unpublished,
            Status::Retired,
        ]
        .into_iter()
        .filter(|to| status.can_become(*to))
        .map(|to| Named {
            key: to.key().to_string(),
            label: to.label().to_string(),
        })
        .collect(),
    })
}

/// Whether a published resource of this org exists: the learner's actions need one.
async fn require_published(db: &Db, org: &str, id: &str) -> AppResult<()> {
    let mut response = db
        .query("SELECT VALUE id FROM $resource WHERE org = type::record('org', $org) AND status = 'published';")
        .bind(("org", org.to_string()))
        .bind(("resource", resource_id(id)))
        .await?
        .check()?;
    let found: Vec<RecordId> = response.take(0)?;
    if found.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok(())
}

pub async fn set_bookmark(db: &Db, org: &str, person: &str, id: &str, on: bool) -> AppResult<()> {
    require_published(db, org, id).await?;
    db.query(
        "UPSERT $use SET org = type::record('org', $org), person = $person, resource = $resource,
            bookmarked = $on;",
    )
    .bind(("org", org.to_string()))
    .bind(("person", RecordId::new("person", person.to_string())))
    .bind(("resource", resource_id(id)))
    .bind(("use", pair_id("resource_use", person, id)))
    .bind(("on", on))
    .await?
    .check()?;
    Ok(())
}

/// Marks a resource done on `day` (or takes the mark back with `None`).
pub async fn set_done(
    db: &Db,
    org: &str,
    person: &str,
    id: &str,
    day: Option<String>,
) -> AppResult<()> {
    require_published(db, org, id).await?;
    db.query(
        "UPSERT $use SET org = type::record('org', $org), person = $person, resource = $resource,
            done_on = $day;
         UPDATE $stat SET done = count(SELECT id FROM resource_use
            WHERE resource = $resource AND done_on != NONE);",
    )
    .bind(("org", org.to_string()))
    .bind(("person", RecordId::new("person", person.to_string())))
    .bind(("resource", resource_id(id)))
    .bind(("use", pair_id("resource_use", person, id)))
    .bind(("stat", RecordId::new("resource_stat", id.to_string())))
    .bind(("day", day))
    .await?
    .check()?;
    Ok(())
}

pub async fn give_feedback(
    db: &Db,
    org: &str,
    person: &str,
    id: &str,
    useful: bool,
    comment: String,
) -> AppResult<()> {
    require_published(db, org, id).await?;
    db.query(
        "UPSERT $feedback SET org = type::record('org', $org), person = $person,
            resource = $resource, useful = $useful, comment = $comment;
         UPDATE $stat SET
            useful_yes = count(SELECT id FROM resource_feedback WHERE resource = $resource AND useful = true),
            useful_no = count(SELECT id FROM resource_feedback WHERE resource = $resource AND useful = false);",
    )
    .bind(("org", org.to_string()))
    .bind(("person", RecordId::new("person", person.to_string())))
    .bind(("resource", resource_id(id)))
    .bind(("feedback", pair_id("resource_feedback", person, id)))
    .bind(("stat", RecordId::new("resource_stat", id.to_string())))
    .bind(("useful", useful))
    .bind(("comment", comment))
    .await?
    .check()?;
    Ok(())
}

/// What a CPD record or evidence made from a resource starts with.
pub struct ResourceBasics {
    pub title: String,
    pub summary: String,
    pub kind: String,
    pub link: Option<String>,
    pub criteria: Vec<String>,
    pub done_on: Option<String>,
}

pub async fn basics(db: &Db, org: &str, person: &str, id: &str) -> AppResult<ResourceBasics> {
    #[derive(SurrealValue)]
    struct Row {
        title: String,
        summary: String,
        kind: String,
        link: Option<String>,
        criteria: Vec<String>,
    }
    let mut response = db
        .query(
            "SELECT title, summary, kind, link, criteria FROM $resource
                WHERE org = type::record('org', $org) AND status = 'published';
             SELECT bookmarked, done_on FROM $use;",
        )
        .bind(("org", org.to_string()))
        .bind(("resource", resource_id(id)))
        .bind(("use", pair_id("resource_use", person, id)))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    let used: Vec<MyUseRow> = response.take(1)?;
    Ok(ResourceBasics {
        title: row.title,
        summary: row.summary,
        kind: row.kind,
        link: row.link,
        criteria: row.criteria,
        done_on: used.into_iter().next().and_then(|u| u.done_on),
    })
}

// ----- Curating -----

/// Creates a draft (`id` none) or saves changes, keeping the status. Answers the key.
pub async fn save(
    db: &Db,
    org: &str,
    curator: &str,
    id: Option<&str>,
    input: &ResourceInput,
    domains: Vec<String>,
) -> AppResult<String> {
    let body_html = to_safe_html(&input.body);
    let fields = "title = $title, summary = $summary, body = $body, body_html = $body_html,
        link = $link, kind = $kind, levels = $levels, tags = $tags, criteria = $criteria,
        domains = $domains, review_by = $review_by, curator = $curator, edited_at = time::now()";
    let sql = match id {
        Some(_) => format!(
            "UPDATE $resource SET {fields} WHERE org = type::record('org', $org) RETURN VALUE id;"
        ),
        None => format!(
            "BEGIN TRANSACTION;
             LET $created = (CREATE resource SET org = type::record('org', $org), status = 'draft',
                {fields} RETURN VALUE id)[0];
             CREATE type::record('resource_stat', record::id($created))
                SET org = type::record('org', $org), resource = $created;
             RETURN [$created];
             COMMIT TRANSACTION;"
        ),
    };
    let mut response = db
        .query(sql)
        .bind(("org", org.to_string()))
        .bind(("resource", resource_id(id.unwrap_or("none"))))
        .bind(("title", input.title.clone()))
        .bind(("summary", input.summary.clone()))
        .bind(("body", input.body.clone()))
        .bind(("body_html", body_html))
        .bind(("link", input.link.clone()))
        .bind(("kind", input.kind.clone()))
        .bind(("levels", input.levels.clone()))
        .bind(("tags", input.tags.clone()))
        .bind(("criteria", input.criteria.clone()))
        .bind(("domains", domains))
        .bind(("review_by", input.review_by.clone()))
        .bind(("curator", RecordId::new("person", curator.to_string())))
        .await?
        .check()?;
    // The RETURN before COMMIT TRANSACTION, which answers last (with nothing).
    let last = response.num_statements() - 2;
    let ids: Vec<RecordId> = response.take(if id.is_some() { 0 } else { last })?;
    ids.first().map(key).ok_or(AppError::NotFound)
}

/// Moves a resource along its life. Publishing stamps the date it first went live.
pub async fn set_status(db: &Db, org: &str, id: &str, to: Status) -> AppResult<()> {
    #[derive(SurrealValue)]
    struct Row {
        status: String,
    }
    let mut response = db
        .query("SELECT status FROM $resource WHERE org = type::record('org', $org);")
        .bind(("org", org.to_string()))
        .bind(("resource", resource_id(id)))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    let from = rows
        .first()
        .and_then(|r| Status::from_key(&r.status))
        .ok_or(AppError::NotFound)?;
    if from == to {
        return Ok(());
    }
    if !from.can_become(to) {
        return Err(AppError::Conflict(format!(
            "A resource that is {} cannot become {}.",
            from.label().to_lowercase(),
            to.label().to_lowercase()
        )));
    }
    // Conditional on the status read above, so two curators cannot both move it.
    let mut response = db
        .query(
            "UPDATE $resource SET status = $to,
                published_at = IF $to = 'published' AND published_at = NONE { time::now() } ELSE { published_at }
             WHERE org = type::record('org', $org) AND status = $from RETURN VALUE id;",
        )
        .bind(("org", org.to_string()))
        .bind(("resource", resource_id(id)))
        .bind(("from", from.key()))
        .bind(("to", to.key()))
        .await?
        .check()?;
    let moved: Vec<RecordId> = response.take(0)?;
    if moved.is_empty() {
        return Err(AppError::Conflict(
            "Someone else changed this resource just now. Reload to see it.".into(),
        ));
    }
    Ok(())
}

#[derive(SurrealValue)]
struct ReviewRow {
    id: RecordId,
    title: String,
    status: String,
    review_by: String,
}

#[derive(SurrealValue)]
struct UsedRow {
    resource: RecordId,
    title: String,
    status: String,
    opened: i64,
    done: i64,
    useful_yes: i64,
    useful_no: i64,
}

#[derive(SurrealValue)]
struct CommentRow {
    resource: RecordId,
    title: String,
    useful: bool,
    comment: String,
    at: String,
}

#[derive(SurrealValue)]
struct StatusCount {
    status: String,
    n: i64,
}

const BOARD: &str = "
    LET $org_id = type::record('org', $org);
    SELECT status, count() AS n FROM resource WHERE org = $org_id GROUP BY status;
    SELECT id, title, status, review_by FROM resource
        WHERE org = $org_id AND status IN ['draft', 'published', 'unpublished'] AND review_by <= $soon
        ORDER BY review_by LIMIT 50;
    SELECT * FROM (SELECT id, title, status, review_by, edited_at FROM resource
        WITH INDEX resource_org_status WHERE org = $org_id AND status IN ['draft', 'unpublished'])
        ORDER BY edited_at DESC LIMIT 50;
    SELECT resource, resource.title AS title, resource.status AS status, opened, done,
        useful_yes, useful_no FROM resource_stat
        WHERE org = $org_id AND resource.status = 'published';
    SELECT * FROM (SELECT resource, resource.title AS title, useful, comment, <string> at AS at,
        at AS at_sort FROM resource_feedback WITH INDEX resource_feedback_org
        WHERE org = $org_id AND comment != '') ORDER BY at_sort DESC LIMIT 20;
";

pub async fn board(db: &Db, org: &str, today: Date) -> AppResult<CuratorBoard> {
    let soon = iso(today + time::Duration::days(REVIEW_SOON_DAYS));
    let mut response = db
        .query(BOARD)
        .bind(("org", org.to_string()))
        .bind(("soon", soon))
        .await?
        .check()?;
    let counts: Vec<StatusCount> = response.take(1)?;
    let review: Vec<ReviewRow> = response.take(2)?;
    let drafts: Vec<ReviewRow> = response.take(3)?;
    let used: Vec<UsedRow> = response.take(4)?;
    let comments: Vec<CommentRow> = response.take(5)?;

    let review_row = |r: ReviewRow, detail: String| BoardRow {
        id: key(&r.id),
        title: r.title,
        status: r.status,
        detail,
    };
    let needs_review = review
        .into_iter()
        .map(|r| {
            let due = parse_date(&r.review_by).unwrap_or(today);
            let detail = if due < today {
                format!("Review was due {}", uk_date(&r.review_by))
            } else {
                format!("Review due {}", uk_date(&r.review_by))
            };
            review_row(r, detail)
        })
        .collect();
    let drafts = drafts
        .into_iter()
        .map(|r| {
            let detail = Status::from_key(&r.status)
                .map(|s| s.label().to_string())
                .unwrap_or_default();
            review_row(r, detail)
        })
        .collect();
    let used_row = |r: &UsedRow, detail: String| BoardRow {
        id: key(&r.resource),
        title: r.title.clone(),
        status: r.status.clone(),
        detail,
    };
    let mut most: Vec<&UsedRow> = used.iter().filter(|r| r.opened + r.done > 0).collect();
    most.sort_by(|a, b| {
        (b.done, b.opened)
            .cmp(&(a.done, a.opened))
            .then_with(|| a.title.cmp(&b.title))
    });
    let most_used = most
        .into_iter()
        .take(10)
        .map(|r| {
            used_row(
                r,
                format!("Opened by {}, done by {}", people(r.opened), people(r.done)),
            )
        })
        .collect();
    let answers = |r: &UsedRow| (r.useful_yes.max(0) as u32, r.useful_no.max(0) as u32);
    let mut least: Vec<&UsedRow> = used
        .iter()
        .filter(|r| {
            let (yes, no) = answers(r);
            yes + no >= LEAST_USEFUL_MIN_ANSWERS && no > 0
        })
        .collect();
    least.sort_by(|a, b| {
        let (ay, an) = answers(a);
        let (by_, bn) = answers(b);
        usefulness(ay, an)
            .total_cmp(&usefulness(by_, bn))
            .then_with(|| a.title.cmp(&b.title))
    });
    let least_useful = least
        .into_iter()
        .take(10)
        .map(|r| {
            let (yes, no) = answers(r);
            used_row(r, format!("{yes} of {} found it useful", yes + no))
        })
        .collect();
    let mut never: Vec<&UsedRow> = used.iter().filter(|r| r.opened == 0).collect();
    never.sort_by(|a, b| a.title.cmp(&b.title));
    let never_opened = never
        .into_iter()
        .take(50)
        .map(|r| used_row(r, "Not opened yet".to_string()))
        .collect();
    Ok(CuratorBoard {
        counts: counts
            .into_iter()
            .map(|c| {
                let label = Status::from_key(&c.status)
                    .map(|s| s.label().to_string())
                    .unwrap_or(c.status);
                (label, c.n.max(0) as u32)
            })
            .collect(),
        needs_review,
        drafts,
        most_used,
        least_useful,
        never_opened,
        comments: comments
            .into_iter()
            .map(|c| FeedbackComment {
                resource_id: key(&c.resource),
                resource_title: c.title,
                useful: c.useful,
                comment: c.comment,
                at: crate::dates::uk_datetime(&c.at),
            })
            .collect(),
    })
}

fn people(n: i64) -> String {
    match n {
        1 => "1 person".to_string(),
        n => format!("{n} people"),
    }
}

// ----- For the learner -----

/// Criteria not yet signed off for the person's next level, and that level.
async fn outstanding(
    db: &Db,
    framework: &Framework,
    person: &str,
    career_level: &str,
) -> AppResult<(Option<String>, HashSet<String>)> {
    let Some(step) = framework.step_from(career_level) else {
        return Ok((None, HashSet::new()));
    };
    let target = step.to_level.clone();
    let mut response = db
        .query(
            "SELECT VALUE lineage FROM progress WHERE person = type::record('person', $person)
                AND status = 'signed_off';",
        )
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    let signed: HashSet<String> = response.take::<Vec<String>>(0)?.into_iter().collect();
    let outstanding = framework
        .level_criteria(&target)
        .filter(|c| !signed.contains(&c.lineage))
        .map(|c| c.lineage.clone())
        .collect();
    Ok((Some(target), outstanding))
}

#[derive(SurrealValue)]
struct CandidateRow {
    id: RecordId,
    title: String,
    summary: String,
    kind: String,
    levels: Vec<String>,
    criteria: Vec<String>,
}

/// Published resources mapped to what the person still needs for their next level, best
/// first (see `ranking`).
pub async fn recommendations(
    db: &Db,
    org: &str,
    person: &str,
    career_level: &str,
    limit: usize,
) -> AppResult<(Option<String>, Vec<Recommendation>)> {
    let Some(framework) = framework_store::current(db, org, PATHWAY).await? else {
        return Ok((None, Vec::new()));
    };
    let (next_level, outstanding) = outstanding(db, &framework, person, career_level).await?;
    if outstanding.is_empty() {
        return Ok((next_level, Vec::new()));
    }
    let wanted: Vec<String> = outstanding.iter().cloned().collect();
    let mut response = db
        .query(
            "SELECT id, title, summary, kind, levels, criteria FROM resource
                WHERE org = type::record('org', $org) AND status = 'published'
                AND criteria CONTAINSANY $wanted;
             SELECT VALUE resource FROM resource_use WHERE person = type::record('person', $person)
                AND done_on != NONE;",
        )
        .bind(("org", org.to_string()))
        .bind(("person", person.to_string()))
        .bind(("wanted", wanted))
        .await?
        .check()?;
    let rows: Vec<CandidateRow> = response.take(0)?;
    let done: HashSet<String> = response.take::<Vec<RecordId>>(1)?.iter().map(key).collect();
    let stats = stats_of(
        db,
        rows.iter()
            .map(|r| RecordId::new("resource_stat", key(&r.id)))
            .collect(),
    )
    .await?;
    let (all_criteria, _) = refs_of(&framework);
    let mut scored: Vec<(f64, CandidateRow)> = rows
        .into_iter()
        .filter_map(|row| {
            let id = key(&row.id);
            let (yes, no) = stats.get(&id).copied().unwrap_or((0, 0));
            let candidate = Candidate {
                criteria: &row.criteria,
                levels: &row.levels,
                useful_yes: yes,
                useful_no: no,
                done: done.contains(&id),
            };
            recommendation_score(&candidate, &outstanding, next_level.as_deref())
                .map(|score| (score, row))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.title.cmp(&b.1.title)));
    let recommended = scored
        .into_iter()
        .take(limit)
        .map(|(_, row)| Recommendation {
            id: key(&row.id),
            because: row
                .criteria
                .iter()
                .filter(|c| outstanding.contains(*c))
                .filter_map(|c| all_criteria.iter().find(|r| &r.lineage == c))
                .map(|c| c.statement.clone())
                .collect(),
            title: row.title,
            summary: row.summary,
            kind: named_kind(&row.kind),
        })
        .collect();
    Ok((next_level, recommended))
}

#[derive(SurrealValue)]
struct MyResourceRow {
    resource: RecordId,
    title: String,
    done_on: Option<String>,
}

/// The person's bookmarks, and what they marked done (newest first) with the day.
pub async fn my_resources(
    db: &Db,
    org: &str,
    person: &str,
) -> AppResult<(Vec<Named>, Vec<(Named, String)>)> {
    let mut response = db
        .query(
            "SELECT resource, resource.title AS title, done_on FROM resource_use
                WHERE person = type::record('person', $person) AND org = type::record('org', $org)
                AND bookmarked = true AND resource.status = 'published';
             SELECT resource, resource.title AS title, done_on FROM resource_use
                WHERE person = type::record('person', $person) AND org = type::record('org', $org)
                AND done_on != NONE ORDER BY done_on DESC LIMIT 100;",
        )
        .bind(("org", org.to_string()))
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    let marked: Vec<MyResourceRow> = response.take(0)?;
    let done: Vec<MyResourceRow> = response.take(1)?;
    let named = |r: &MyResourceRow| Named {
        key: key(&r.resource),
        label: r.title.clone(),
    };
    let mut bookmarks: Vec<Named> = marked.iter().map(named).collect();
    bookmarks.sort_by(|a, b| a.label.cmp(&b.label));
    Ok((
        bookmarks,
        done.iter()
            .map(|r| (named(r), r.done_on.clone().unwrap_or_default()))
            .collect(),
    ))
}
