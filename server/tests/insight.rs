//! The insight dashboards against a real server and the demo council: the leader's figures
//! add up to the council's records, a group under the survey minimum never shows a survey
//! figure (on the page or in the CSV), a supervisor's view holds only their own team, and
//! each dashboard is refused to the roles it is not for.

mod common;

use common::{Browser, TestServer, start};
use reqwest::StatusCode;
use serde_json::Value;

async fn leader(
    server: &TestServer,
    client: &Browser,
    filter: &[(&str, &str)],
) -> (StatusCode, Value) {
    server.call_json(client, "insight/leader", filter).await
}

fn area<'a>(view: &'a Value, key: &str) -> &'a Value {
    view["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == key)
        .unwrap()
}

fn figure(area: &Value, label: &str) -> Option<String> {
    area["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["label"] == label)
        .map(|f| f["value"].as_str().unwrap().to_string())
}

async fn count(server: &TestServer, query: &str) -> u64 {
    let mut response = server.state.db.query(query).await.unwrap();
    let n: Option<i64> = response.take(0).unwrap();
    n.unwrap_or(0) as u64
}

#[tokio::test]
async fn the_leaders_figures_add_up_to_the_councils_records() {
    let server = start().await;
    let grace = server.as_user("leader@demo.test").await;
    let (status, view) = leader(&server, &grace, &[]).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let keys: Vec<&str> = view["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "caseloads",
            "recording",
            "learning",
            "workforce",
            "practice"
        ]
    );

    let active = count(
        &server,
        "RETURN count(SELECT VALUE id FROM person WHERE org = org:demo_borough AND active = true);",
    )
    .await;
    assert_eq!(view["people"].as_u64(), Some(active));
    let by_level: u64 = view["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["n"].as_u64().unwrap())
        .sum();
    assert_eq!(
        by_level, active,
        "every active person is counted at one level"
    );
    let submitted = count(&server, "RETURN count(SELECT VALUE id FROM progress WHERE org = org:demo_borough AND status = 'submitted' AND person.active = true);").await;
    assert_eq!(
        figure(area(&view, "recording"), "Criteria waiting for sign-off"),
        Some(submitted.to_string())
    );
    let asye = count(&server, "RETURN count(SELECT VALUE id FROM asye_programme WHERE org = org:demo_borough AND status = 'active');").await;
    assert_eq!(view["asye"]["active"].as_u64(), Some(asye));
    assert_eq!(
        view["asye"]["on_track"].as_u64().unwrap() + view["asye"]["overdue"].as_u64().unwrap(),
        asye
    );
    // The two deferred requests of the demo, both within the last 12 months.
    let deferred: u64 = view["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["deferred"].as_u64().unwrap())
        .sum();
    let decided = count(&server, "RETURN count(SELECT VALUE id FROM progression_case WHERE org = org:demo_borough AND status = 'deferred' AND decided_at > time::now() - 365d);").await;
    assert_eq!((deferred, decided), (2, 2));
    // The demo council's latest staff survey wave shows for the whole council.
    assert_eq!(view["survey_hidden"], false);
    assert!(
        figure(area(&view, "learning"), "Training impact rate")
            .unwrap()
            .ends_with('%')
    );

    // Narrowed to Localities, the people are those of its teams only.
    let (_, localities) = leader(&server, &grace, &[("filter[service]", "demo_localities")]).await;
    let in_localities = count(&server, "RETURN count(SELECT VALUE id FROM person WHERE active = true AND team IN [team:demo_localities, team:demo_locality_north, team:demo_locality_south]);").await;
    assert_eq!(localities["people"].as_u64(), Some(in_localities));
    assert!(in_localities < active);
}

#[tokio::test]
async fn a_leader_never_sees_a_group_under_the_survey_minimum() {
    let server = start().await;
    let grace = server.as_user("leader@demo.test").await;
    // Fostering has four people: fewer than the survey's minimum of five.
    let (status, view) = leader(
        &server,
        &grace,
        &[
            ("filter[team]", "demo_fostering"),
            ("filter[service]", "demo_fostering_permanence"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["survey_hidden"], true);
    let learning = area(&view, "learning");
    assert_eq!(figure(learning, "Staff survey").as_deref(), Some("Hidden"));
    assert_eq!(figure(learning, "Training impact rate"), None);
    assert_eq!(
        learning["trend"],
        Value::Null,
        "no survey trend for a hidden group"
    );
    let csv = grace
        .get(
            server.url("/export/insight.csv?service=demo_fostering_permanence&team=demo_fostering"),
        )
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.contains("Staff survey,Hidden"), "{csv}");
    assert!(!csv.contains("Training impact"), "{csv}");

    let (status, learning_view) = server
        .call_json(
            &grace,
            "insight/learning",
            &[
                ("filter[team]", "demo_fostering"),
                ("filter[service]", "demo_fostering_permanence"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{learning_view}");
    let waves = learning_view["waves"].as_array().unwrap();
    assert!(!waves.is_empty());
    assert!(
        waves
            .iter()
            .all(|w| w["hidden"] == true && w["impact"].is_null()),
        "{waves:?}"
    );
    let csv = grace
        .get(server.url(
            "/export/insight-learning.csv?service=demo_fostering_permanence&team=demo_fostering",
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!csv.contains("training impact"), "{csv}");

    // The whole council's waves do show.
    let (_, council) = server.call_json(&grace, "insight/learning", &[]).await;
    assert!(
        council["waves"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["impact"].is_number())
    );
    // A group big enough to show has its own figures per wave, not the council's.
    let (_, localities) = server
        .call_json(
            &grace,
            "insight/learning",
            &[("filter[service]", "demo_localities")],
        )
        .await;
    let responses = |v: &Value| v["waves"][2]["responses"].as_u64().unwrap();
    assert!(
        responses(&localities) > 0 && responses(&localities) < responses(&council),
        "{localities}"
    );
}

#[tokio::test]
async fn the_learning_leads_figures_come_from_the_records() {
    let server = start().await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let (status, view) = server.call_json(&helen, "insight/learning", &[]).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let attended = count(&server, "RETURN count(SELECT VALUE id FROM booking WHERE org = org:demo_borough AND attended = true);").await;
    assert_eq!(view["attended"].as_u64(), Some(attended));
    let registered = view["registered"].as_u64().unwrap();
    let cpd: u64 = view["cpd"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(
        cpd, registered,
        "every registered person is complete, on track or at risk"
    );
    // Ranked resources have at least three answers, best first.
    let most = view["most_useful"].as_array().unwrap();
    assert!(!most.is_empty());
    let share = |r: &Value| {
        r["yes"].as_f64().unwrap() / (r["yes"].as_f64().unwrap() + r["no"].as_f64().unwrap())
    };
    assert!(most.windows(2).all(|w| share(&w[0]) >= share(&w[1])));
    assert!(
        most.iter()
            .all(|r| r["yes"].as_u64().unwrap() + r["no"].as_u64().unwrap() >= 3)
    );
    assert_eq!(view["paths"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn a_supervisors_team_view_holds_only_their_own_team() {
    let server = start().await;
    let daniel = server.as_user("supervisor@demo.test").await;
    let (status, team) = server
        .call_json(&daniel, "progression/team_progress", &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{team}");
    let names: Vec<&str> = team
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    let mut response = server
        .state
        .db
        .query("SELECT VALUE name FROM person WHERE active = true AND (line_manager = person:demo_supervisor OR assessor = person:demo_supervisor) ORDER BY name;")
        .await
        .unwrap();
    let mut expected: Vec<String> = response.take(0).unwrap();
    let mut got: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    // Priya's ASYE shows its next milestone.
    let priya = team
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Priya Shah")
        .unwrap();
    assert!(priya["asye_next"].is_array(), "{priya}");

    let csv = daniel
        .get(server.url("/export/team.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let body = csv.text().await.unwrap();
    assert_eq!(body.lines().count(), expected.len() + 1, "{body}");
    assert!(body.contains("Priya Shah") && !body.contains("Connor Haigh"));

    // Supervisors do not read the council's insight; practitioners have no team.
    let (status, _) = leader(&server, &daniel, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = server.call_json(&daniel, "insight/learning", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let priya = server.as_user("practitioner@demo.test").await;
    let csv = priya
        .get(server.url("/export/team.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::FORBIDDEN);
    let csv = priya
        .get(server.url("/export/insight.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_learning_dashboard_reads_one_quarter_when_asked() {
    let server = start().await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let mut response = server
        .state
        .db
        .query("SELECT VALUE <string> starts FROM event:chronology_workshop;")
        .await
        .unwrap();
    let starts: Vec<String> = response.take(0).unwrap();
    let date = app::dates::parse_date(&starts[0][..10]).unwrap();
    let quarter = app::workforce::quarter::Quarter::of(date);
    let (status, view) = server
        .call_json(
            &helen,
            "insight/learning",
            &[("filter[period]", &quarter.key())],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let titles: Vec<&str> = view["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Chronologies and analysis workshop"),
        "{titles:?}"
    );
    let first = quarter.first_day().unwrap().to_string();
    assert!(
        view["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["starts"].as_str().unwrap() >= first.as_str())
    );
    // A quarter before any event has none; a quarter outside the list is a field error.
    let earlier = quarter.window(6)[0];
    let (_, before) = server
        .call_json(
            &helen,
            "insight/learning",
            &[("filter[period]", &earlier.key())],
        )
        .await;
    assert_eq!(
        before["events"].as_array().map(Vec::len),
        Some(0),
        "{before}"
    );
    let (status, _) = server
        .call_json(&helen, "insight/learning", &[("filter[period]", "1999-Q1")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn run(server: &TestServer, query: &str) {
    server.state.db.query(query).await.unwrap().check().unwrap();
}

const LEAVER: &str = "UPDATE person SET active = false WHERE email = 'practitioner@demo.test';";

#[tokio::test]
async fn the_leaders_dashboard_is_kept_a_while_then_worked_out_again() {
    let server = start().await;
    let grace = server.as_user("leader@demo.test").await;
    let (status, first) = leader(&server, &grace, &[]).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let before = first["people"].as_u64().unwrap();
    let as_of = first["figures_as_of"].as_str().unwrap().to_string();
    assert!(as_of.contains(", "), "says when it was worked out: {as_of}");

    // A leaver while the copy is young: the copy is what is shown.
    run(&server, LEAVER).await;
    let (_, kept) = leader(&server, &grace, &[]).await;
    assert_eq!(kept["people"].as_u64(), Some(before));
    assert_eq!(kept["figures_as_of"], first["figures_as_of"]);

    // Another filter is its own copy, worked out now.
    let (status, team) = leader(
        &server,
        &grace,
        &[("filter[team]", "demo_fostering_permanence")],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{team}");
    assert!(team["people"].as_u64().unwrap() < before);

    // Stale while someone else is working it out: the old copy, not a second computation.
    run(
        &server,
        "UPDATE insight_snapshot SET computed_at = time::now() - 2m,
            refreshing_until = time::now() + 30s;",
    )
    .await;
    let (_, leased) = leader(&server, &grace, &[]).await;
    assert_eq!(leased["people"].as_u64(), Some(before));

    // Stale and nobody on it: this request works it out again and shows the leaver gone.
    run(
        &server,
        "UPDATE insight_snapshot SET computed_at = time::now() - 2m, refreshing_until = NONE;",
    )
    .await;
    let (_, fresh) = leader(&server, &grace, &[]).await;
    assert_eq!(fresh["people"].as_u64(), Some(before - 1));
    let held = count(
        &server,
        "RETURN count(SELECT VALUE id FROM insight_snapshot WHERE refreshing_until != NONE);",
    )
    .await;
    assert_eq!(held, 0, "the refresh gives its lease back");
}

#[tokio::test]
async fn a_refused_or_mistaken_dashboard_request_keeps_nothing() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let (status, _) = leader(&server, &priya, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let grace = server.as_user("leader@demo.test").await;
    let (status, body) = leader(&server, &grace, &[("filter[team]", "no_such_team")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        count(
            &server,
            "RETURN count(SELECT VALUE id FROM insight_snapshot WHERE body != NONE);"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &server,
            "RETURN count(SELECT VALUE id FROM insight_snapshot WHERE refreshing_until != NONE);"
        )
        .await,
        0,
        "a failed computation gives its lease back"
    );
    // The same filter in another council is that council's own dashboard, not this copy.
    let (status, demo) = leader(&server, &grace, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let olga = server.as_user("admin@other.test").await;
    let (status, other) = leader(&server, &olga, &[]).await;
    assert_eq!(status, StatusCode::OK, "{other}");
    assert_eq!(other["scope"], "Other Council");
    assert_ne!(other["people"], demo["people"]);
}

#[tokio::test]
async fn a_max_age_of_zero_works_figures_out_every_time_and_keeps_none() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    let server = start().await;
    let db = &server.state.db;
    let computed = AtomicUsize::new(0);
    let compute =
        || async { Ok::<_, app::error::AppError>(computed.fetch_add(1, Ordering::SeqCst) as u64) };
    for _ in 0..3 {
        app::insight::snapshot::read_through(
            db,
            "demo_borough",
            "probe",
            "",
            Duration::ZERO,
            compute,
        )
        .await
        .unwrap();
    }
    assert_eq!(computed.load(Ordering::SeqCst), 3);
    assert_eq!(
        count(
            &server,
            "RETURN count(SELECT VALUE id FROM insight_snapshot);"
        )
        .await,
        0
    );

    // With an age, one computation serves the next views, and a copy that no longer reads
    // (an older release's) is worked out again rather than shown or failed on.
    let age = Duration::from_secs(60);
    for _ in 0..3 {
        let figures =
            app::insight::snapshot::read_through(db, "demo_borough", "probe", "", age, compute)
                .await
                .unwrap();
        assert_eq!(figures.value, 3);
    }
    run(
        &server,
        "UPDATE insight_snapshot SET body = '{\"not\": \"a number\"}';",
    )
    .await;
    let figures =
        app::insight::snapshot::read_through(db, "demo_borough", "probe", "", age, compute)
            .await
            .unwrap();
    assert_eq!(figures.value, 4);
}
