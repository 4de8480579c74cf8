//! Surveys against a real server and database: one response per person per wave, what is
//! stored carries no link to the person, results never show a group under the minimum, and
//! building, publishing and answering are each allowed only to the right people.

mod common;

use std::collections::BTreeSet;

use app::surveys::results::Tallies;
use app::surveys::store;
use common::{TestServer, start};
use reqwest::StatusCode;
use serde_json::Value;

const OPEN_WAVE: &str = "annual_staff_4";

/// A full, valid set of answers to the annual staff survey.
fn staff_answers(comment: &str) -> Vec<(&'static str, String)> {
    vec![
        ("id", OPEN_WAVE.to_string()),
        ("form[one][q1]", "5".into()),
        ("form[one][q2]", "4".into()),
        ("form[many][q4][0]", "1".into()),
        ("form[many][q4][2]", "3".into()),
        ("form[one][q5]", "yes".into()),
        ("form[one][q6]", "0".into()),
        ("form[one][q8]", "2".into()),
        ("form[one][q9]", comment.to_string()),
    ]
}

async fn submit(
    server: &TestServer,
    client: &common::Browser,
    form: &[(&str, String)],
) -> (StatusCode, Value) {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    server.call_json(client, "surveys/submit", &pairs).await
}

async fn responses(server: &TestServer, survey: &str) -> u64 {
    Tallies::new(store::counts(&server.state.db, survey, &[]).await.unwrap())
        .responses("all", "all")
}

#[tokio::test]
async fn a_person_answers_a_wave_once_even_when_they_submit_twice_at_once() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let (status, inbox) = server.call_json(&priya, "surveys/inbox", &[]).await;
    assert_eq!(status, StatusCode::OK, "{inbox}");
    let open: Vec<&str> = inbox["open"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(open.contains(&OPEN_WAVE), "{inbox}");

    let before = responses(&server, OPEN_WAVE).await;
    let form = staff_answers("More time to read, please.");
    let (a, b) = tokio::join!(
        submit(&server, &priya, &form),
        submit(&server, &priya, &form)
    );
    let statuses = [a.0, b.0];
    assert_eq!(
        statuses.iter().filter(|s| s.is_success()).count(),
        1,
        "{a:?} {b:?}"
    );
    assert!(statuses.contains(&StatusCode::CONFLICT), "{a:?} {b:?}");
    assert_eq!(responses(&server, OPEN_WAVE).await, before + 1);

    let (again, body) = submit(&server, &priya, &form).await;
    assert_eq!(again, StatusCode::CONFLICT, "{body}");
    assert_eq!(responses(&server, OPEN_WAVE).await, before + 1);
    let (_, page) = server
        .call_json(&priya, "surveys/open", &[("id", OPEN_WAVE)])
        .await;
    assert_eq!(page["state"], "Answered");
    // The counters agree with a full recount of what is stored.
    assert_eq!(
        sorted(
            store::counts(
                &server.state.db,
                OPEN_WAVE,
                &["team", "service", "role", "level"]
            )
            .await
            .unwrap()
        ),
        sorted(store::recount(&server.state.db, OPEN_WAVE).await.unwrap())
    );
}

fn sorted(counts: Vec<app::surveys::results::Count>) -> Vec<(String, String, String, String, u64)> {
    let mut v: Vec<_> = counts
        .into_iter()
        .filter(|c| c.n > 0)
        .map(|c| (c.dimension, c.segment, c.question, c.answer, c.n))
        .collect();
    v.sort();
    v
}

async fn table(server: &TestServer, sql: &str) -> Vec<Value> {
    let mut response = server.state.db.query(sql).await.unwrap().check().unwrap();
    let rows: surrealdb::types::Value = response.take(0).unwrap();
    match rows.into_json_value() {
        Value::Array(rows) => rows,
        other => panic!("{other}"),
    }
}

#[tokio::test]
async fn what_is_stored_for_a_response_carries_no_link_to_the_person() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let marker = "Quokka-shaped improvement idea";
    let (status, body) = submit(&server, &priya, &staff_answers(marker)).await;
    assert!(status.is_success(), "{status} {body}");

    let responses = table(&server, "SELECT * FROM response;").await;
    let comments = table(&server, "SELECT * FROM survey_comment;").await;
    let tallies = table(&server, "SELECT * FROM tally;").await;
    let everything = format!("{responses:?}{comments:?}{tallies:?}");
    for trace in [
        "demo_practitioner",
        "Priya",
        "practitioner@demo.test",
        "person:",
    ] {
        assert!(
            !everything.contains(trace),
            "{trace} is stored with answers"
        );
    }
    // Each response holds only its groups and answers: no person, no time.
    let expected: BTreeSet<&str> = ["id", "org", "survey", "segments", "answers"].into();
    for r in &responses {
        let fields: BTreeSet<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(fields, expected, "{r}");
        let segments: BTreeSet<&str> = r["segments"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(segments, ["level", "role", "service", "team"].into());
        // A random UUID key: neither who nor when.
        let id = r["id"].as_str().unwrap();
        let key = id
            .trim_start_matches("response:")
            .trim_matches(|c| c == '⟨' || c == '⟩' || c == '`' || c == '\'');
        assert_eq!(key.len(), 36, "{id}");
        assert_eq!(&key[14..15], "4", "a version 4 (random) UUID: {id}");
    }
    let comment = comments
        .iter()
        .find(|c| c["text"] == marker)
        .expect("the comment is stored");
    let fields: BTreeSet<&str> = comment
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fields,
        ["id", "org", "question", "segments", "survey", "text"].into()
    );
    // The record that Priya responded holds nothing of her answers.
    let invitations = table(
        &server,
        "SELECT * FROM invitation WHERE person = person:demo_practitioner;",
    )
    .await;
    for i in &invitations {
        let fields: BTreeSet<&str> = i.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            fields,
            [
                "id",
                "org",
                "person",
                "reminded",
                "responded",
                "survey",
                "told"
            ]
            .into(),
            "{i}"
        );
    }
    assert!(invitations.iter().any(|i| i["responded"] == true));
}

#[tokio::test]
async fn results_never_show_a_group_under_the_minimum() {
    let server = start().await;
    let lead = server.as_user("learning.lead@demo.test").await;
    for survey in [
        "annual_staff_1",
        "annual_staff_2",
        "annual_staff_3",
        OPEN_WAVE,
    ] {
        for by in ["team", "service", "role", "level"] {
            let (status, r) = server
                .call_json(&lead, "surveys/results", &[("id", survey), ("by", by)])
                .await;
            assert_eq!(status, StatusCode::OK, "{r}");
            let min = r["min_group"].as_u64().unwrap();
            let rows = r["breakdown"].as_array().unwrap();
            let mut hidden = 0;
            for row in rows {
                match &row["figures"] {
                    Value::Null => hidden += 1,
                    figures => assert!(figures[0].as_u64().unwrap() >= min, "{survey} {by} {row}"),
                }
            }
            if by == "team" {
                // Fostering has four people: never shown.
                let fostering = rows.iter().find(|row| row["segment"] == "demo_fostering");
                if let Some(f) = fostering {
                    assert!(f["figures"].is_null(), "{survey}: {f}");
                }
                assert!(hidden > 0, "{survey} hides some teams");
            }
        }
        // Asking for the small team directly gives nothing but the notice.
        let (_, r) = server
            .call_json(
                &lead,
                "surveys/results",
                &[
                    ("id", survey),
                    ("dimension", "team"),
                    ("segment", "demo_fostering"),
                ],
            )
            .await;
        assert_eq!(r["hidden"], true, "{r}");
        assert_eq!(r["questions"].as_array().unwrap().len(), 0);
        assert!(
            r["segment_choices"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["key"] != "demo_fostering")
        );
    }
    // The headline rates trend up towards the published figures.
    let (_, r) = server
        .call_json(&lead, "surveys/results", &[("id", "annual_staff_3")])
        .await;
    let impacts: Vec<i64> = r["trend"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["figures"][2]["impact"].as_i64())
        .collect();
    assert!(impacts.len() >= 3, "{r}");
    assert!(impacts[0] < impacts[2], "{impacts:?}");
    assert!(r["headlines"]["impact"].as_i64().unwrap() >= 900);
}

#[tokio::test]
async fn raw_answers_export_only_when_every_group_is_big_enough() {
    let server = start().await;
    let lead = server.as_user("learning.lead@demo.test").await;
    let response = lead
        .get(server.url("/export/surveys/annual_staff_3/answers.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let response = lead
        .get(server.url("/export/surveys/annual_staff_3/results.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let csv = response.text().await.unwrap();
    assert!(csv.contains("Training impact rate"));
    let fostering: Vec<&str> = csv.lines().filter(|l| l.contains(",Fostering,")).collect();
    assert!(
        !fostering.is_empty() && fostering.iter().all(|l| l.contains("(hidden)")),
        "{fostering:?}"
    );
    let priya = server.as_user("practitioner@demo.test").await;
    let response = priya
        .get(server.url("/export/surveys/annual_staff_3/results.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn answers_are_checked_per_question_with_clear_messages() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let (status, body) = submit(
        &server,
        &priya,
        &[
            ("id", OPEN_WAVE.into()),
            ("form[one][q1]", "7".into()),
            ("form[one][q9]", "x".repeat(2001)),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let errors = &body["Validation"];
    for q in ["q1", "q5", "q6", "q9"] {
        assert!(errors[q].is_string(), "{q}: {body}");
    }
    // Nothing was stored, and she can still answer.
    let (_, page) = server
        .call_json(&priya, "surveys/open", &[("id", OPEN_WAVE)])
        .await;
    assert_eq!(page["state"], "Open");
}

#[tokio::test]
async fn only_learning_leads_build_and_only_the_audience_answers() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let (status, _) = server
        .call_json(&priya, "surveys/create", &[("template", "health")])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = server
        .call_json(&priya, "surveys/results", &[("id", OPEN_WAVE)])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let leader = server.as_user("leader@demo.test").await;
    let (status, _) = server
        .call_json(&leader, "surveys/results", &[("id", OPEN_WAVE)])
        .await;
    assert_eq!(status, StatusCode::OK);
    let other = server.as_user("admin@other.test").await;
    let (status, _) = server
        .call_json(&other, "surveys/results", &[("id", OPEN_WAVE)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = server
        .call_json(&other, "surveys/open", &[("id", OPEN_WAVE)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A learning lead builds a health check for Fostering and publishes it.
    let lead = server.as_user("learning.lead@demo.test").await;
    let (status, key) = server
        .call_json(&lead, "surveys/create", &[("template", "health")])
        .await;
    assert_eq!(status, StatusCode::OK, "{key}");
    let key = key.as_str().unwrap().to_string();
    let (status, body) = server
        .call_json(
            &lead,
            "surveys/save_question",
            &[
                ("id", &key),
                ("form[section]", "Workload"),
                ("form[kind]", "single"),
                ("form[text]", "Which day is busiest?"),
                ("form[options]", "Monday"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"]["options"].is_string(), "{body}");
    let (status, _) = server
        .call_json(
            &lead,
            "surveys/save_question",
            &[
                ("id", &key),
                ("form[section]", "Workload"),
                ("form[kind]", "single"),
                ("form[text]", "Which day is busiest?"),
                ("form[options]", "Monday\nFriday"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = server
        .call_json(
            &lead,
            "surveys/change_question",
            &[("id", &key), ("question", "q8"), ("change", "up")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, editor) = server
        .call_json(&lead, "surveys/editor", &[("id", &key)])
        .await;
    let keys: Vec<&str> = editor["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys[keys.len() - 2..], ["q8", "q7"]);

    let today = app::dates::iso(app::dates::today_uk());
    let publish = |min: &'static str| {
        vec![
            ("id", key.clone()),
            ("form[audience]", "teams".to_string()),
            ("form[teams][0]", "demo_fostering".to_string()),
            ("form[opens]", today.clone()),
            ("form[closes]", today.clone()),
            ("form[min_group]", min.to_string()),
        ]
    };
    let pairs = publish("2");
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = server.call_json(&lead, "surveys/publish", &pairs).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"]["min_group"].is_string(), "{body}");
    let pairs = publish("3");
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, invited) = server.call_json(&lead, "surveys/publish", &pairs).await;
    assert_eq!(status, StatusCode::OK, "{invited}");
    assert_eq!(invited, 4);
    // Published questions are frozen.
    let (status, _) = server
        .call_json(
            &lead,
            "surveys/change_question",
            &[("id", &key), ("question", "q8"), ("change", "remove")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Priya is not in Fostering: the survey does not exist for her.
    let (status, _) = server
        .call_json(&priya, "surveys/open", &[("id", &key)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let rachel = server.as_user("rachel.dyson@demo.test").await;
    let (_, inbox) = server.call_json(&rachel, "surveys/inbox", &[]).await;
    assert!(
        inbox["open"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == key.as_str()),
        "{inbox}"
    );
    let (_, notes) = server
        .call_json(&rachel, "notify/my_notifications", &[])
        .await;
    assert!(
        notes.to_string().contains("A survey is open to you"),
        "{notes}"
    );
}

#[tokio::test]
async fn marking_attendance_invites_to_the_evaluation_and_follow_up() {
    let server = start().await;
    let lead = server.as_user("learning.lead@demo.test").await;
    // Rachel was booked on the practice day but her attendance was never marked.
    let (status, body) = server
        .call_json(
            &lead,
            "academy/record_attendance",
            &[
                ("id", "domestic_abuse_practice_day"),
                ("person", "fo_1"),
                ("attended", "true"),
            ],
        )
        .await;
    assert!(status.is_success(), "{status} {body}");
    let rachel = server.as_user("rachel.dyson@demo.test").await;
    let (_, inbox) = server.call_json(&rachel, "surveys/inbox", &[]).await;
    assert!(
        inbox["open"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "eval_domestic_abuse_practice_day"),
        "{inbox}"
    );
    let follow_up = store::load(
        &server.state.db,
        "demo_borough",
        "impact_domestic_abuse_practice_day",
    )
    .await
    .unwrap();
    let days = store::follow_up_days(&server.state.db, "demo_borough")
        .await
        .unwrap();
    assert_eq!(days, 75);
    assert!(follow_up.opens.unwrap() > app::dates::iso(app::dates::today_uk()));
    assert_eq!(
        store::participation(
            &server.state.db,
            "impact_domestic_abuse_practice_day",
            "fo_1"
        )
        .await
        .unwrap(),
        Some(false)
    );
    // The impact page rolls the evaluations up, hiding any below the minimum.
    let (status, impact) = server.call_json(&lead, "surveys/impact", &[]).await;
    assert_eq!(status, StatusCode::OK, "{impact}");
    let events = impact["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["key"] == "chronology_workshop" && !e["reaction"].is_null()),
        "{impact}"
    );
    assert!(!impact["domains"].as_array().unwrap().is_empty());
    // The delay is the council's to set, within reason.
    let (status, body) = server
        .call_json(&lead, "surveys/follow_up", &[("days", "5")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _) = server
        .call_json(&lead, "surveys/follow_up", &[("days", "90")])
        .await;
    assert!(status.is_success());
    assert_eq!(
        store::follow_up_days(&server.state.db, "demo_borough")
            .await
            .unwrap(),
        90
    );
}

#[tokio::test]
async fn reminders_go_once_to_people_who_have_not_answered() {
    let server = start().await;
    let db = &server.state.db;
    let survey = store::load(db, "demo_borough", OPEN_WAVE).await.unwrap();
    let closes = app::dates::parse_date(&survey.closes.unwrap()).unwrap();
    let before = |days: i64| closes - time::Duration::days(days);
    let reminders = |person: &'static str| async move {
        let mut response = db
            .query("SELECT VALUE text FROM notification WHERE person = type::record('person', $p) AND kind = 'survey';")
            .bind(("p", person))
            .await
            .unwrap()
            .check()
            .unwrap();
        response
            .take::<Vec<String>>(0)
            .unwrap()
            .into_iter()
            .filter(|t| t.starts_with("Reminder: \u{201c}Annual staff survey\u{201d} closes on"))
            .count()
    };
    store::remind(db, before(10)).await.unwrap();
    assert_eq!(reminders("demo_practitioner").await, 0, "not yet closing");
    assert!(store::remind(db, before(2)).await.unwrap() > 0);
    // Priya has not answered; Helen has.
    assert_eq!(reminders("demo_practitioner").await, 1);
    assert_eq!(reminders("demo_learning_lead").await, 0);
    store::remind(db, before(1)).await.unwrap();
    assert_eq!(
        reminders("demo_practitioner").await,
        1,
        "each person is reminded once"
    );
}

#[tokio::test]
async fn results_read_again_after_a_response_count_it() {
    // The counters are kept in memory between views; a response must still show at once.
    let server = start().await;
    let lead = server.as_user("learning.lead@demo.test").await;
    let priya = server.as_user("practitioner@demo.test").await;
    let results = || async {
        let (status, r) = server
            .call_json(&lead, "surveys/results", &[("id", OPEN_WAVE)])
            .await;
        assert_eq!(status, StatusCode::OK, "{r}");
        r
    };
    let first = results().await;
    assert_eq!(results().await, first, "a second view of unchanged counters");
    let (status, body) = submit(&server, &priya, &staff_answers("")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let after = results().await;
    assert_eq!(
        after["responses"].as_u64().unwrap(),
        first["responses"].as_u64().unwrap() + 1
    );
    let kept = store::counts(&server.state.db, OPEN_WAVE, &["team", "service", "role", "level"])
        .await
        .unwrap();
    assert_eq!(
        sorted(kept),
        sorted(store::recount(&server.state.db, OPEN_WAVE).await.unwrap())
    );
}
