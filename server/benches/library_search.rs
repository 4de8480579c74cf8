//! Library search at a council's scale: 50,000 published resources (the demo library's text,
//! varied), then the searches people make, timed. Prints the median and 95th percentile.
//!
//!   cargo bench -p server --bench library_search            # in memory
//!   PATHWAY_BENCH_DB=surrealkv:///tmp/bench cargo bench -p server --bench library_search
//!   PATHWAY_BENCH_RESOURCES=10000 cargo bench ...           # another volume

use std::time::{Duration, Instant};

use app::academy::library_store::search;
use app::academy::search::LibraryQuery;
use app::db::{self, DbSettings};
use app::seed::library::RESOURCES;
use app::seed::seed_demo;
use surrealdb::types::{RecordId, SurrealValue};

const ORG: &str = "demo_borough";
const RUNS: usize = 30;
/// Words mixed into the generated bodies, so the index holds a realistic spread of terms.
const EXTRA: &[&str] = &[
    "family",
    "school",
    "health",
    "visit",
    "plan",
    "review",
    "risk",
    "strengths",
    "father",
    "mother",
    "carer",
    "housing",
    "police",
    "conference",
    "panel",
    "placement",
    "contact",
    "education",
    "therapy",
    "youth",
    "court",
    "neglect",
    "domestic",
    "abuse",
    "exploitation",
    "missing",
    "disability",
    "autism",
    "adolescent",
    "infant",
    "kinship",
    "fostering",
];

#[derive(SurrealValue)]
struct Row {
    id: RecordId,
    org: RecordId,
    title: String,
    summary: String,
    body: String,
    kind: String,
    levels: Vec<String>,
    tags: Vec<String>,
    criteria: Vec<String>,
    domains: Vec<String>,
    status: String,
    review_by: String,
}

/// A cheap, repeatable pseudo-random sequence (no dependency needed for a benchmark).
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn generated(i: usize, seed: &mut u64) -> Row {
    let base = &RESOURCES[i % RESOURCES.len()];
    let other = &RESOURCES[(next(seed) as usize) % RESOURCES.len()];
    let mut body = String::new();
    // Half of one resource's text, half of another's, and a sprinkle of common words.
    let words: Vec<&str> = base.body.split_whitespace().collect();
    body.push_str(&words[..words.len() / 2].join(" "));
    body.push(' ');
    let words: Vec<&str> = other.body.split_whitespace().collect();
    body.push_str(&words[words.len() / 2..].join(" "));
    for _ in 0..12 {
        body.push(' ');
        body.push_str(EXTRA[(next(seed) as usize) % EXTRA.len()]);
    }
    let mut tags: Vec<String> = base.tags.iter().map(|t| t.to_string()).collect();
    tags.push(EXTRA[(next(seed) as usize) % EXTRA.len()].to_string());
    Row {
        id: RecordId::new("resource", format!("bench_{i}")),
        org: RecordId::new("org", ORG),
        title: format!("{} ({})", base.title, i / RESOURCES.len() + 1),
        summary: base.summary.to_string(),
        body,
        kind: base.kind.to_string(),
        levels: base.levels.iter().map(|s| s.to_string()).collect(),
        tags,
        criteria: base.criteria.iter().map(|s| s.to_string()).collect(),
        domains: Vec::new(),
        status: "published".into(),
        review_by: "2027-11-23".into(),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let url = std::env::var("PATHWAY_BENCH_DB").unwrap_or_else(|_| "mem://".into());
    let count: usize = std::env::var("PATHWAY_BENCH_RESOURCES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let settings = DbSettings {
        url: url.clone(),
        ..DbSettings::memory()
    };
    let db = db::connect(&settings).await.expect("database");
    db::migrate(&db).await.expect("migrations");
    seed_demo(&db, "pathway-demo").await.expect("demo seed");

    let started = Instant::now();
    let mut seed = 0x5eed_u64;
    let mut made = RESOURCES.len();
    while made < count {
        let batch: Vec<Row> = (made..(made + 1000).min(count))
            .map(|i| generated(i, &mut seed))
            .collect();
        made += batch.len();
        db.query(
            "INSERT INTO resource $rows RETURN NONE;
             FOR $r IN $rows {
                CREATE type::record('resource_stat', record::id($r.id)) SET org = $r.org,
                    resource = $r.id RETURN NONE;
             };",
        )
        .bind(("rows", batch))
        .await
        .expect("insert")
        .check()
        .expect("insert ok");
    }
    println!(
        "{count} resources on {url}, loaded and indexed in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // The first search loads the catalogue (a server does this at start, in the background).
    let started = Instant::now();
    let loaded = app::academy::library_store::warm_catalogue(&db, ORG)
        .await
        .expect("catalogue");
    println!(
        "catalogue of {loaded} resources loaded in {:.0} ms (once per server, at start)",
        ms(started.elapsed())
    );

    let cases: Vec<(&str, LibraryQuery)> = vec![
        ("browse, newest first, page 1", LibraryQuery::default()),
        (
            "browse with kind and level filters",
            LibraryQuery {
                kind: "guide".into(),
                level: "nqsw".into(),
                ..Default::default()
            },
        ),
        (
            "one common word: \"family\"",
            LibraryQuery {
                q: "family".into(),
                ..Default::default()
            },
        ),
        (
            "one rarer word: \"chronologies\"",
            LibraryQuery {
                q: "chronologies".into(),
                ..Default::default()
            },
        ),
        (
            "two words: \"court statement\"",
            LibraryQuery {
                q: "court statement".into(),
                ..Default::default()
            },
        ),
        (
            "words with a filter, page 3",
            LibraryQuery {
                q: "neglect".into(),
                kind: "guide".into(),
                page: 3,
                ..Default::default()
            },
        ),
        (
            "browse, title order, page 40",
            LibraryQuery {
                sort: "title".into(),
                page: 40,
                ..Default::default()
            },
        ),
        (
            "browse, most useful first",
            LibraryQuery {
                sort: "useful".into(),
                ..Default::default()
            },
        ),
        (
            "no match: \"zzqxv\"",
            LibraryQuery {
                q: "zzqxv".into(),
                ..Default::default()
            },
        ),
    ];
    println!(
        "{:<40} {:>8} {:>10} {:>10}",
        "search", "results", "median ms", "p95 ms"
    );
    for (name, query) in cases {
        let mut times = Vec::with_capacity(RUNS);
        let mut total = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            let results = search(&db, ORG, "demo_practitioner", query.clone(), false)
                .await
                .expect("search");
            times.push(start.elapsed());
            total = results.total;
        }
        times.sort();
        let median = times[RUNS / 2];
        let p95 = times[(RUNS * 95 / 100).min(RUNS - 1)];
        println!(
            "{name:<40} {total:>8} {:>10.1} {:>10.1}",
            ms(median),
            ms(p95)
        );
    }

    // The baseline: the same words through SurrealDB's own full-text indexes (BM25, the same
    // analyzer), defined here for the comparison; the app does not keep them.
    let started = Instant::now();
    db.query(
        "DEFINE INDEX bench_title_text ON resource FIELDS title FULLTEXT ANALYZER library_text BM25;
         DEFINE INDEX bench_summary_text ON resource FIELDS summary FULLTEXT ANALYZER library_text BM25;
         DEFINE INDEX bench_body_text ON resource FIELDS body FULLTEXT ANALYZER library_text BM25;
         DEFINE INDEX bench_tags_text ON resource FIELDS tags_text FULLTEXT ANALYZER library_text BM25;",
    )
    .await
    .expect("indexes")
    .check()
    .expect("indexes ok");
    println!();
    println!(
        "baseline: SurrealDB full-text indexes built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let baseline =
        "SELECT record::id(id) AS key, ((search::score(0) ?? 0) + (search::score(1) ?? 0) * 0.5
            + (search::score(2) ?? 0) * 0.25 + (search::score(3) ?? 0) * 0.75) AS score
         FROM resource WHERE title @0@ $words OR summary @1@ $words
            OR body @2@ $words OR tags_text @3@ $words;";
    println!(
        "{:<40} {:>8} {:>10}",
        "words, SurrealDB full-text match only", "rows", "median ms"
    );
    for words in ["family", "chronologies", "court statement", "zzqxv"] {
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..5 {
            let start = Instant::now();
            let mut response = db
                .query(baseline)
                .bind(("words", words))
                .await
                .expect("query")
                .check()
                .expect("query ok");
            let found: Vec<serde_json::Value> = response.take(0).expect("rows");
            times.push(start.elapsed());
            rows = found.len();
        }
        times.sort();
        println!("{words:<40} {rows:>8} {:>10.1}", ms(times[times.len() / 2]));
    }
}
