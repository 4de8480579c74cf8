//! Survey results at volume: one wave of the annual staff survey with 100,000 responses
//! spread over 40 teams, 8 services, 5 roles and 8 levels. Times the results page's path
//! (counters read and suppressed in Rust) beside a full GROUP BY scan of the answers, which is
//! what results would cost without counters. Prints medians and 95th percentiles.
//!
//!   cargo bench -p server --bench survey_results
//!   PATHWAY_BENCH_RESPONSES=20000 cargo bench -p server --bench survey_results
//!   cargo bench --profile dev -p server --bench survey_results   # reuse the debug build

use std::time::{Duration, Instant};

use app::db::{self, DbSettings};
use app::seed::seed_demo;
use app::surveys::answers::{Answer, Given, Segments};
use app::surveys::{report, store, templates};

const ORG: &str = "demo_borough";
const RUNS: usize = 15;
const ROLES: [&str; 5] = [
    "practitioner",
    "supervisor",
    "learning_lead",
    "leader",
    "admin",
];
const LEVELS: [&str; 8] = [
    "social_work_assistant",
    "nqsw",
    "social_worker",
    "senior_social_worker",
    "advanced_practitioner",
    "team_manager",
    "service_manager",
    "head_of_service",
];

fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn pick<'a>(seed: &mut u64, from: &[&'a str]) -> &'a str {
    from[(next(seed) as usize) % from.len()]
}

fn response(seed: &mut u64) -> (Segments, Vec<Answer>) {
    let team = (next(seed) % 40) as usize;
    let segments = Segments {
        team: format!("bench_team_{team}"),
        service: format!("bench_service_{}", team / 5),
        role: pick(seed, &ROLES).to_string(),
        level: pick(seed, &LEVELS).to_string(),
    };
    let one = |q: &str, v: &str| Answer {
        question: q.into(),
        given: Given::One(v.into()),
    };
    let likert = ["1", "2", "3", "4", "4", "5", "5", "5"];
    let mut answers = vec![
        one("q1", pick(seed, &likert)),
        one("q2", pick(seed, &likert)),
        one("q3", pick(seed, &likert)),
        Answer {
            question: "q4".into(),
            given: Given::Many(vec!["1".into(), "4".into()]),
        },
        one("q5", pick(seed, &["yes", "yes", "yes", "no"])),
        one("q6", &(next(seed) % 11).to_string()),
        one("q7", pick(seed, &likert)),
        one("q8", pick(seed, &["1", "2", "3", "4"])),
    ];
    if next(seed) % 5 == 0 {
        answers.push(Answer {
            question: "q9".into(),
            given: Given::Text("More time to reflect.".into()),
        });
    }
    (segments, answers)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let p95 = times[((times.len() * 95).div_ceil(100)).min(times.len()) - 1];
    (ms(times[times.len() / 2]), ms(p95))
}

#[tokio::main]
async fn main() {
    let url = std::env::var("PATHWAY_BENCH_DB").unwrap_or_else(|_| "mem://".into());
    let count: usize = std::env::var("PATHWAY_BENCH_RESPONSES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let settings = DbSettings {
        url: url.clone(),
        ..DbSettings::memory()
    };
    let db = db::connect(&settings).await.expect("database");
    db::migrate(&db).await.expect("migrations");
    seed_demo(&db, "pathway-demo").await.expect("demo seed");
    let teams: Vec<String> = (0..40)
        .map(|t| format!("CREATE team:bench_team_{t} SET org = org:{ORG}, name = 'Bench team {t}', kind = 'team', parent = team:bench_service_{};", t / 5))
        .chain((0..8).map(|s| format!("CREATE team:bench_service_{s} SET org = org:{ORG}, name = 'Bench service {s}', kind = 'service';")))
        .collect();
    db.query(teams.join("\n"))
        .await
        .expect("teams")
        .check()
        .expect("teams ok");

    let draft = templates::draft("staff", None).expect("template");
    let key = store::create_draft(&db, ORG, None, &draft, None, Some("bench_wave"), None)
        .await
        .expect("draft");
    db.query("UPDATE survey:bench_wave SET status = 'published', opens = '2026-01-01', closes = '2026-12-31', min_group = 5, invited = $n;")
        .bind(("n", count as i64))
        .await
        .expect("publish")
        .check()
        .expect("publish ok");
    let started = Instant::now();
    let mut seed = 0x5eed_u64;
    let responses: Vec<(Segments, Vec<Answer>)> = (0..count).map(|_| response(&mut seed)).collect();
    store::bulk_load(&db, ORG, &key, &responses, &[])
        .await
        .expect("load");
    println!(
        "{count} responses on {url}, loaded in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let survey = store::load(&db, ORG, &key).await.expect("survey");
    let today = app::dates::iso(app::dates::today_uk());

    let mut rows: Vec<(String, f64, f64)> = Vec::new();
    for (label, filter, by) in [
        ("results page, everyone, by team", ("all", ""), "team"),
        (
            "results page, one team, by level",
            ("team", "bench_team_3"),
            "level",
        ),
    ] {
        let mut times = Vec::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            let view = report::results(&db, ORG, &survey, filter, by, &today)
                .await
                .expect("results");
            times.push(t.elapsed());
            assert_eq!(view.responses, count as u64);
        }
        let (p50, p95) = summary(times);
        rows.push((label.to_string(), p50, p95));
    }
    let mut times = Vec::new();
    for _ in 0..RUNS.min(5) {
        let t = Instant::now();
        let groups = store::group_by_scan(&db, &key).await.expect("scan");
        times.push(t.elapsed());
        assert!(groups > 0);
    }
    let (scan50, scan95) = summary(times);
    rows.push((
        "baseline: GROUP BY scan of every answer".to_string(),
        scan50,
        scan95,
    ));

    println!("\n| {count} responses | median ms | p95 ms |\n|---|---:|---:|");
    for (label, p50, p95) in &rows {
        println!("| {label} | {p50:.1} | {p95:.1} |");
    }
    println!(
        "\nThe results page is {:.0} times faster than the scan (medians).",
        scan50 / rows[0].1.max(0.001)
    );
}
