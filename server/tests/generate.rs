//! The synthetic region: what `generate` reports is what the database holds, every
//! maintained count equals a recount, the same seed and day make the same records, a second
//! run is refused, and the generated people can sign in and use their pages.

mod common;

use app::db;
use std::sync::atomic::{AtomicU64, Ordering};

use app::generate::{Progress, Quiet, Report, Scale, generate};
use common::{DEMO_PASSWORD, start};
use surrealdb::types::SurrealValue;
use time::macros::date;

const TINY: Scale = Scale {
    councils: 2,
    teams_per_council: 10,
    staff_per_council: 60,
    evidence_per_person: 4,
    resources_per_council: 120,
    events_per_council: 12,
    waves: 2,
    big_wave_responses: 300,
};

/// Adds up what generation says it wrote, as the progress bar does.
#[derive(Default)]
struct Tally(AtomicU64);

impl Progress for Tally {
    fn stage(&self, _: &str) {}
    fn wrote(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }
}

async fn count(db: &db::Db, query: &str) -> i64 {
    let mut response = db.query(query).await.unwrap().check().unwrap();
    let n: Option<i64> = response.take(0).unwrap();
    n.unwrap_or(0)
}

async fn fresh_region() -> (db::Db, Report) {
    let db = common::fresh_db().await;
    db::migrate(&db).await.unwrap();
    let tally = Tally::default();
    let report = generate(&db, &TINY, 7, date!(2026 - 12 - 02), DEMO_PASSWORD, &tally)
        .await
        .unwrap();
    // The bar moves with every record written, and its length is close to where it ends,
    // or its "time left" would mislead the operator.
    let told = tally.0.load(Ordering::Relaxed);
    assert_eq!(told, report.records as u64, "progress told of every record");
    let planned = TINY.planned_records() as f64;
    let off = (planned - told as f64).abs() / told as f64;
    assert!(off < 0.25, "planned {planned} records, wrote {told}");
    (db, report)
}

#[tokio::test]
async fn the_report_matches_the_database_and_every_maintained_count_a_recount() {
    let (db, report) = fresh_region().await;
    assert_eq!(report.councils, 2);
    assert_eq!(report.staff, 120);
    assert_eq!(
        count(&db, "RETURN count(SELECT VALUE id FROM person);").await,
        120
    );
    assert_eq!(
        count(&db, "RETURN count(SELECT VALUE id FROM team);").await,
        report.teams as i64
    );
    assert_eq!(
        count(&db, "RETURN count(SELECT VALUE id FROM evidence);").await,
        report.evidence as i64
    );
    assert!(report.evidence > 100, "{report:?}");
    assert_eq!(
        count(&db, "RETURN count(SELECT VALUE id FROM resource);").await,
        240
    );
    assert_eq!(
        count(&db, "RETURN count(SELECT VALUE id FROM event);").await,
        24
    );
    assert_eq!(
        count(&db, "RETURN count(SELECT VALUE id FROM response);").await,
        report.responses as i64
    );
    // The first council's latest wave is the large one.
    assert_eq!(
        count(
            &db,
            "RETURN count(SELECT VALUE id FROM response WHERE survey = survey:r1_staff_2);"
        )
        .await,
        300
    );
    assert!(report.answers >= report.responses * 8, "{report:?}");

    // Seats and waiting lists equal the bookings behind them.
    let mismatched = count(
        &db,
        "RETURN count(SELECT id FROM event WHERE
            seats != count(SELECT VALUE id FROM booking WHERE event = $parent.id AND status = 'booked')
            OR waiting != count(SELECT VALUE id FROM booking WHERE event = $parent.id AND status = 'waitlisted'));",
    )
    .await;
    assert_eq!(mismatched, 0);
    // Resource statistics equal the uses and ratings behind them.
    let mismatched = count(
        &db,
        "RETURN count(SELECT id FROM resource_stat WHERE
            opened != count(SELECT VALUE id FROM resource_use WHERE resource = $parent.resource AND opened_at != NONE)
            OR done != count(SELECT VALUE id FROM resource_use WHERE resource = $parent.resource AND done_on != NONE)
            OR useful_yes != count(SELECT VALUE id FROM resource_feedback WHERE resource = $parent.resource AND useful = true));",
    )
    .await;
    assert_eq!(mismatched, 0);
    // Each wave's whole-survey tally equals its responses.
    #[derive(SurrealValue)]
    struct Wave {
        tally: Option<i64>,
        responses: i64,
    }
    let mut response = db
        .query(
            "SELECT
                (SELECT VALUE n FROM tally WHERE survey = $parent.id AND dimension = 'all' AND question = '_' AND answer = '_')[0] AS tally,
                count(SELECT VALUE id FROM response WHERE survey = $parent.id) AS responses
             FROM survey;",
        )
        .await
        .unwrap()
        .check()
        .unwrap();
    let waves: Vec<Wave> = response.take(0).unwrap();
    assert_eq!(waves.len(), 4);
    for wave in waves {
        assert_eq!(wave.tally, Some(wave.responses));
    }
}

#[tokio::test]
async fn the_same_seed_and_day_make_the_same_region_and_a_second_run_is_refused() {
    let (first, _) = fresh_region().await;
    let (second, _) = fresh_region().await;
    let fingerprint = |db: db::Db| async move {
        let mut response = db
            .query(
                "SELECT VALUE [<string> id, name, career_level, start_date] FROM person ORDER BY id;
                 SELECT VALUE [<string> id, title, date, criteria] FROM evidence ORDER BY id;
                 SELECT VALUE [<string> id, seats, waiting] FROM event ORDER BY id;",
            )
            .await
            .unwrap()
            .check()
            .unwrap();
        let people: Vec<serde_json::Value> = response.take(0).unwrap();
        let evidence: Vec<serde_json::Value> = response.take(1).unwrap();
        let events: Vec<serde_json::Value> = response.take(2).unwrap();
        (people, evidence, events)
    };
    let a = fingerprint(first.clone()).await;
    assert_eq!(a, fingerprint(second).await);
    assert_eq!(a.0.len(), 120);

    let again = generate(
        &first,
        &TINY,
        7,
        date!(2026 - 12 - 02),
        DEMO_PASSWORD,
        &Quiet,
    )
    .await;
    assert!(
        matches!(again, Err(app::error::AppError::Conflict(_))),
        "{again:?}"
    );
    assert_eq!(
        count(&first, "RETURN count(SELECT VALUE id FROM person);").await,
        120
    );
}

#[tokio::test]
async fn generated_people_sign_in_and_their_pages_render() {
    let server = start().await;
    generate(
        &server.state.db,
        &TINY,
        1,
        app::dates::today_uk(),
        DEMO_PASSWORD,
        &Quiet,
    )
    .await
    .unwrap();
    for (email, path) in [
        ("practitioner@r1.region.test", "/pathway"),
        ("supervisor@r1.region.test", "/team"),
        ("supervisor@r1.region.test", "/reviews"),
        ("lead@r1.region.test", "/library?q=chronology"),
        ("leader@r1.region.test", "/surveys/r1_staff_2/results"),
        ("leader@r1.region.test", "/insight"),
    ] {
        let client = server.as_user(email).await;
        let response = client.get(server.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{email} {path}");
        let body = response.text().await.unwrap();
        assert!(!body.contains("Something went wrong"), "{email} {path}");
    }
    // The results page counts the large wave's responses.
    let client = server.as_user("leader@r1.region.test").await;
    let body = client
        .get(server.url("/surveys/r1_staff_2/results"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(body.contains("300"), "the wave's 300 responses are shown");
}
