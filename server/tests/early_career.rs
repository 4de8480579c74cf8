//! ASYE, CPD and supervision over HTTP against a real SurrealDB, with the demo council seeded:
//! who may read and record what, validation, the 2-year cap, and the pass that moves an NQSW up.

mod common;

use common::{TestServer, start};
use reqwest::StatusCode;
use serde_json::Value;

async fn my_asye(server: &TestServer, client: &common::Browser) -> Value {
    let (status, body) = server.call_json(client, "asye/my_asye", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

fn state_of(view: &Value, label: &str) -> String {
    view["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["label"] == label)
        .unwrap_or_else(|| panic!("no {label} in {view}"))["state"]
        .as_str()
        .unwrap()
        .to_string()
}

fn today() -> String {
    app::dates::iso(app::dates::today_uk())
}

#[tokio::test]
async fn the_demo_nqsw_is_mid_asye_with_a_review_done_and_one_due_soon() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let view = my_asye(&server, &priya).await;
    assert_eq!(state_of(&view, "3-month review"), "Done");
    assert_eq!(state_of(&view, "6-month review"), "DueSoon");
    assert_eq!(view["observations"].as_array().unwrap().len(), 2);
    assert_eq!(view["powers"]["own"], true);
    assert_eq!(view["powers"]["assess"], false);
    // Oliver's 3-month review is overdue, and his supervisor sees it in the cohort.
    let daniel = server.as_user("supervisor@demo.test").await;
    let (status, cohort) = server
        .call_json(&daniel, "asye/asye_cohort", &[("filter[team]", "")])
        .await;
    assert_eq!(status, StatusCode::OK, "{cohort}");
    assert_eq!(cohort["whole"], false);
    let oliver = cohort["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Oliver Brennan")
        .expect("Oliver in Daniel's cohort");
    assert!(
        oliver["overdue"].to_string().contains("3-month review"),
        "{oliver}"
    );
    // Daniel's cohort is his own NQSWs only.
    assert!(!cohort.to_string().contains("Lucy Fairburn"));
}

#[tokio::test]
async fn an_nqsw_cannot_record_their_own_review_outcome() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let today = today();
    let form = [
        ("person_id", "demo_practitioner"),
        ("form[month]", "6"),
        ("form[held_on]", today.as_str()),
        ("form[outcome]", "on_track"),
        ("form[notes]", "I think I am doing well."),
    ];
    let response = server.call(&priya, "asye/record_review", &form).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let view = my_asye(&server, &priya).await;
    assert_ne!(state_of(&view, "6-month review"), "Done");

    // Her line manager can, once; a second 6-month review is refused on its field.
    let daniel = server.as_user("supervisor@demo.test").await;
    let response = server.call(&daniel, "asye/record_review", &form).await;
    assert_eq!(response.status(), StatusCode::OK);
    let view = my_asye(&server, &priya).await;
    assert_eq!(state_of(&view, "6-month review"), "Done");
    let (_, notes) = server
        .call_json(&priya, "notify/my_notifications", &[])
        .await;
    assert!(
        notes
            .to_string()
            .contains("recorded your 6-month ASYE review: on track"),
        "{notes}"
    );
    let (status, body) = server.call_json(&daniel, "asye/record_review", &form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("already been recorded"), "{body}");

    // Someone with no part in her programme does not learn it exists.
    let marcus = server.as_user("marcus.bell@demo.test").await;
    let response = server.call(&marcus, "asye/record_review", &form).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (status, _) = server
        .call_json(
            &marcus,
            "asye/asye_of",
            &[("person_id", "demo_practitioner")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_observation_moves_the_timeline_on_and_bad_input_is_answered_per_field() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let before = my_asye(&server, &priya).await;
    assert_ne!(state_of(&before, "Direct observation 3"), "Done");
    let (status, body) = server
        .call_json(
            &priya,
            "asye/record_observation",
            &[
                ("person_id", "demo_practitioner"),
                ("form[observed_on]", "2999-01-01"),
                ("form[observer]", ""),
                ("form[reflection]", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for field in ["observed_on", "observer", "reflection"] {
        assert!(body.to_string().contains(field), "{field}: {body}");
    }
    let today = today();
    let response = server
        .call(
            &priya,
            "asye/record_observation",
            &[
                ("person_id", "demo_practitioner"),
                ("form[observed_on]", today.as_str()),
                ("form[observer]", "Natalie Greaves, Advanced Practitioner"),
                ("form[setting]", "Core group meeting"),
                (
                    "form[reflection]",
                    "I chaired the discussion and kept the child's voice central.",
                ),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let after = my_asye(&server, &priya).await;
    assert_eq!(state_of(&after, "Direct observation 3"), "Done");
    assert_eq!(after["observations"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn pauses_move_due_dates_and_the_two_year_cap_is_enforced() {
    let server = start().await;
    let daniel = server.as_user("supervisor@demo.test").await;
    let (_, before) = server
        .call_json(&daniel, "asye/asye_of", &[("person_id", "ln_4")])
        .await;
    let end_before = before["end"].as_str().unwrap().to_string();
    let start = before["start"].as_str().unwrap().to_string();
    let start_date = app::dates::parse_date(&start).unwrap();
    let pause_from = app::dates::iso(start_date + time::Duration::days(30));
    let pause_to = app::dates::iso(start_date + time::Duration::days(43));
    let response = server
        .call(
            &daniel,
            "asye/record_adjustment",
            &[
                ("person_id", "ln_4"),
                ("form[kind]", "pause"),
                ("form[reason]", "sickness"),
                ("form[paused_from]", pause_from.as_str()),
                ("form[paused_to]", pause_to.as_str()),
                ("form[agreed_by]", "Helen Marsh, ASYE coordinator"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, after) = server
        .call_json(&daniel, "asye/asye_of", &[("person_id", "ln_4")])
        .await;
    let end_before = app::dates::parse_date(&end_before).unwrap();
    let end_after = app::dates::parse_date(after["end"].as_str().unwrap()).unwrap();
    assert_eq!((end_after - end_before).whole_days(), 14);

    // Capability is not a reason to pause (dates clear of the first pause, so only the
    // reason is wrong).
    let later = app::dates::iso(start_date + time::Duration::days(60));
    let (status, body) = server
        .call_json(
            &daniel,
            "asye/record_adjustment",
            &[
                ("person_id", "ln_4"),
                ("form[kind]", "pause"),
                ("form[reason]", "capability"),
                ("form[paused_from]", later.as_str()),
                ("form[paused_to]", later.as_str()),
                ("form[agreed_by]", "Daniel"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("\"reason\""), "{body}");
    assert!(!body.to_string().contains("overlaps"), "{body}");

    // 12 more months would end past the 2-year cap: refused with the dates.
    let extend = |months: &'static str| {
        [
            ("person_id", "ln_4"),
            ("form[kind]", "extension"),
            ("form[months]", months),
            ("form[details]", "More time to complete observations."),
            ("form[agreed_by]", "ASYE panel"),
        ]
    };
    let (status, body) = server
        .call_json(&daniel, "asye/record_adjustment", &extend("12"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("within 2 years"), "{body}");
    let (status, body) = server
        .call_json(&daniel, "asye/record_adjustment", &extend("6"))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn a_pass_confirmed_by_moderation_moves_the_nqsw_to_social_worker() {
    let server = start().await;
    let daniel = server.as_user("supervisor@demo.test").await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let priya = server.as_user("practitioner@demo.test").await;
    // Moderation before a recommendation is refused.
    let moderate = [
        ("person_id", "demo_practitioner"),
        ("form[outcome]", "confirmed"),
        (
            "form[notes]",
            "The panel agreed the evidence meets the PQS.",
        ),
    ];
    let response = server
        .call(&helen, "asye/record_moderation", &moderate)
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    // Only the assessor or supervisor recommends.
    let recommend = [
        ("person_id", "demo_practitioner"),
        ("form[outcome]", "pass"),
        ("form[notes]", "Priya meets the PQS across the board."),
    ];
    let response = server
        .call(&priya, "asye/record_recommendation", &recommend)
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Mid-year, a pass is refused with what is still to record.
    let (status, body) = server
        .call_json(&daniel, "asye/record_recommendation", &recommend)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("12-month review"), "{body}");
    // The rest of her year, recorded.
    server
        .state
        .db
        .query(
            "LET $p = asye_programme:demo_practitioner;
             FOR $m IN [6, 12] {
                CREATE asye_review SET org = org:demo_borough, programme = $p, month = $m,
                    held_on = $today, outcome = 'on_track', notes = 'Good.',
                    recorded_by = person:demo_supervisor;
             };
             CREATE asye_observation SET org = org:demo_borough, programme = $p,
                observed_on = $today, observer = 'Natalie Greaves', reflection = 'Went well.',
                recorded_by = person:demo_practitioner;
             FOR $s IN ['middle', 'end'] {
                CREATE asye_self_assessment SET org = org:demo_borough, programme = $p,
                    stage = $s, completed_on = $today, summary = 'Strong.';
             };",
        )
        .bind(("today", today()))
        .await
        .unwrap()
        .check()
        .unwrap();
    let response = server
        .call(&daniel, "asye/record_recommendation", &recommend)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // The supervisor cannot moderate their own recommendation.
    let response = server
        .call(&daniel, "asye/record_moderation", &moderate)
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = server
        .call(&helen, "asye/record_moderation", &moderate)
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let view = my_asye(&server, &priya).await;
    assert_eq!(view["status"], "passed");
    let (_, pathway) = server
        .call_json(&priya, "progression/my_pathway", &[])
        .await;
    assert_eq!(pathway["level_key"], "social_worker");
    // Nothing more is recorded on a finished programme.
    let response = server
        .call(
            &priya,
            "asye/log_protected_time",
            &[
                ("person_id", "demo_practitioner"),
                ("form[taken_on]", today().as_str()),
                ("form[hours]", "2"),
                ("form[activity]", "Reading"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_coordinator_sees_the_whole_cohort_and_exports_it_as_csv() {
    let server = start().await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let (status, cohort) = server
        .call_json(&helen, "asye/asye_cohort", &[("filter[team]", "")])
        .await;
    assert_eq!(status, StatusCode::OK, "{cohort}");
    assert_eq!(cohort["whole"], true);
    assert_eq!(cohort["rows"].as_array().unwrap().len(), 5);
    let (_, south) = server
        .call_json(
            &helen,
            "asye/asye_cohort",
            &[("filter[team]", "demo_locality_south")],
        )
        .await;
    assert_eq!(south["rows"].as_array().unwrap().len(), 1, "{south}");

    let response = helen
        .get(server.url("/export/asye-cohort.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    assert!(csv.starts_with("Name,Team,Assessor"), "{csv}");
    assert!(csv.contains("Priya Shah"));
    assert_eq!(csv.lines().count(), 6, "{csv}");

    // A practitioner has no cohort, and nobody signed out gets a file.
    let priya = server.as_user("practitioner@demo.test").await;
    let response = priya
        .get(server.url("/export/asye-cohort.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = server
        .client()
        .get(server.url("/export/asye-cohort.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

fn cpd_form<'a>(title: &'a str, date: &'a str, peer: bool) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("form[kind]", "course"),
        ("form[title]", title),
        (
            "form[description]",
            "A day on assessing neglect and why it matters in my team.",
        ),
        ("form[date]", date),
        (
            "form[learnt]",
            "How to score care across the domains of the profile.",
        ),
        (
            "form[impact]",
            "My assessments are clearer and families understand the concerns.",
        ),
    ];
    if peer {
        form.extend([
            ("form[peer_with]", "My practice supervisor"),
            ("form[peer_date]", date),
            (
                "form[peer_learnt]",
                "How to talk about the scores with parents.",
            ),
        ]);
    }
    form
}

#[tokio::test]
async fn cpd_status_counts_records_and_peer_reflection_and_flags_duplicates() {
    let server = start().await;
    // Mei Lin is a social work assistant, not yet registered, with no CPD of her own.
    let oliver = server.as_user("meilin.chen@demo.test").await;
    let (status, year) = server.call_json(&oliver, "cpd/my_cpd", &[]).await;
    assert_eq!(status, StatusCode::OK, "{year}");
    assert_eq!(year["status"]["records"], 0);
    assert_ne!(year["status"]["state"], "complete");

    let today = today();
    let response = server
        .call(
            &oliver,
            "cpd/save_cpd",
            &cpd_form("Graded Care Profile 2", &today, false),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, year) = server.call_json(&oliver, "cpd/my_cpd", &[]).await;
    assert_ne!(
        year["status"]["state"], "complete",
        "two records are needed"
    );
    // The same record again is accepted but flagged on both.
    let response = server
        .call(
            &oliver,
            "cpd/save_cpd",
            &cpd_form("Graded Care Profile 2", &today, true),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, year) = server.call_json(&oliver, "cpd/my_cpd", &[]).await;
    assert_eq!(year["status"]["records"], 2);
    assert_eq!(year["status"]["peer_reflections"], 1);
    assert_eq!(year["status"]["state"], "complete");
    for record in year["records"].as_array().unwrap() {
        assert_eq!(
            record["duplicates"].as_array().unwrap().len(),
            1,
            "{record}"
        );
    }

    // Every field is checked, each with its own message; nothing is saved.
    let (status, body) = server
        .call_json(
            &oliver,
            "cpd/save_cpd",
            &[
                ("form[kind]", "nap"),
                ("form[date]", "2999-01-01"),
                ("form[peer_with]", "A colleague"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in [
        "kind",
        "title",
        "description",
        "date",
        "learnt",
        "impact",
        "peer_learnt",
    ] {
        assert!(
            body.to_string().contains(&format!("\"{field}\"")),
            "{field}: {body}"
        );
    }
    let (_, year) = server.call_json(&oliver, "cpd/my_cpd", &[]).await;
    assert_eq!(year["status"]["records"], 2);

    // The CSV export carries every field.
    let response = oliver
        .get(server.url("/export/cpd.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let csv = response.text().await.unwrap();
    assert!(
        csv.contains("How to talk about the scores with parents."),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 3);
    let response = oliver
        .get(server.url("/export/cpd.csv?year=nonsense"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

async fn natalie_cpd(server: &TestServer, client: &common::Browser) -> (StatusCode, Value) {
    server
        .call_json(client, "cpd/supervisee_cpd", &[("person_id", "ln_3")])
        .await
}

#[tokio::test]
async fn a_supervisor_sees_counts_but_never_another_teams_cpd_text() {
    let server = start().await;
    // Daniel manages Natalie: counts and status, and the two records she shared. The third
    // reads the same as a shared one, yet even its title stays with her.
    let daniel = server.as_user("supervisor@demo.test").await;
    let (status, year) = natalie_cpd(&server, &daniel).await;
    assert_eq!(status, StatusCode::OK, "{year}");
    assert_eq!(year["status"]["records"], 3);
    assert_eq!(year["records"].as_array().unwrap().len(), 2);
    assert!(
        !year.to_string().contains("Trauma informed practice"),
        "{year}"
    );
    // She sees all three, and the warning naming the near-duplicate.
    let natalie = server.as_user("natalie.greaves@demo.test").await;
    let (_, own) = server.call_json(&natalie, "cpd/my_cpd", &[]).await;
    assert_eq!(own["records"].as_array().unwrap().len(), 3);
    assert!(
        own.to_string().contains("Trauma informed practice"),
        "{own}"
    );
    // Kieran in Locality South shared nothing: Marcus sees his counts, no text.
    let marcus = server.as_user("marcus.bell@demo.test").await;
    let (status, kieran) = server
        .call_json(&marcus, "cpd/supervisee_cpd", &[("person_id", "ls_1")])
        .await;
    assert_eq!(status, StatusCode::OK, "{kieran}");
    assert_eq!(kieran["status"]["records"], 2);
    assert!(kieran["records"].as_array().unwrap().is_empty());
    // Marcus supervises another team: Natalie's CPD is not his to read.
    let (status, body) = natalie_cpd(&server, &marcus).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    // Nor can he reach a record by its id.
    let id = year["records"][0]["id"].as_str().unwrap().to_string();
    let (status, body) = server
        .call_json(&marcus, "cpd/get_cpd", &[("id", id.as_str())])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    // Nor can someone in another council.
    let olga = server.as_user("admin@other.test").await;
    let (status, _) = natalie_cpd(&server, &olga).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_cpd_record_starts_from_a_supervision_session_and_notes_stay_with_the_pair() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let (status, log) = server
        .call_json(&priya, "supervision/my_supervision", &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{log}");
    assert!(
        log["mine"]["state"].to_string().contains("UpToDate")
            || log["mine"]["state"].to_string().contains("up_to_date"),
        "{log}"
    );
    let session = log["sessions"][0]["id"].as_str().unwrap().to_string();
    let (status, draft) = server
        .call_json(
            &priya,
            "cpd/prefill_cpd",
            &[("supervision", session.as_str())],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{draft}");
    assert_eq!(draft["form"]["kind"], "supervision");
    assert!(!draft["form"]["peer_with"].as_str().unwrap().is_empty());
    assert_eq!(draft["source"], format!("supervision:{session}"));

    // Daniel sees Oliver's supervision has fallen behind.
    let daniel = server.as_user("supervisor@demo.test").await;
    let (_, log) = server
        .call_json(&daniel, "supervision/my_supervision", &[])
        .await;
    let oliver = log["supervisees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["person_name"] == "Oliver Brennan")
        .unwrap();
    assert!(oliver["state"].to_string().contains("ehind"), "{oliver}");

    // Marcus is in neither session: he cannot prefill from it, nor record with Priya.
    let marcus = server.as_user("marcus.bell@demo.test").await;
    let (status, _) = server
        .call_json(
            &marcus,
            "cpd/prefill_cpd",
            &[("supervision", session.as_str())],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let today = today();
    let (status, body) = server
        .call_json(
            &marcus,
            "supervision/record_supervision",
            &[
                ("form[with]", "supervisee:demo_practitioner"),
                ("form[held_on]", today.as_str()),
                ("form[minutes]", "60"),
                ("form[kind]", "individual"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("with"), "{body}");

    // Priya records one with Daniel; both see it, and its notes.
    let response = server
        .call(
            &priya,
            "supervision/record_supervision",
            &[
                ("form[with]", "supervisor:demo_supervisor"),
                ("form[held_on]", today.as_str()),
                ("form[minutes]", "45"),
                ("form[kind]", "reflective"),
                ("form[notes]", "Reflected on the Khan family visit."),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, log) = server
        .call_json(&daniel, "supervision/my_supervision", &[])
        .await;
    assert!(
        log.to_string()
            .contains("Reflected on the Khan family visit.")
    );
    let (_, log) = server
        .call_json(&marcus, "supervision/my_supervision", &[])
        .await;
    assert!(
        !log.to_string()
            .contains("Reflected on the Khan family visit.")
    );
}

#[tokio::test]
async fn a_referral_or_a_confirmed_extension_lets_the_assessor_recommend_again() {
    let server = start().await;
    let daniel = server.as_user("supervisor@demo.test").await;
    let helen = server.as_user("learning.lead@demo.test").await;
    let decide = |outcome: &'static str| {
        [
            ("person_id", "ln_4"),
            ("form[outcome]", outcome),
            ("form[notes]", "Reasons given to the panel."),
        ]
    };
    let response = server
        .call(&daniel, "asye/record_recommendation", &decide("extend"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // While it is with the panel, nothing new is recommended.
    let response = server
        .call(&daniel, "asye/record_recommendation", &decide("fail"))
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    // The panel confirms the extension: the decision clears for the end of the longer year.
    let response = server
        .call(&helen, "asye/record_moderation", &decide("confirmed"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, view) = server
        .call_json(&daniel, "asye/asye_of", &[("person_id", "ln_4")])
        .await;
    assert_eq!(view["status"], "active");
    assert!(view["recommendation"].is_null(), "{view}");
    // With nothing waiting, a second moderation is refused.
    let response = server
        .call(&helen, "asye/record_moderation", &decide("confirmed"))
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);

    // Referred back: the assessor hears of it and may recommend again.
    let response = server
        .call(&daniel, "asye/record_recommendation", &decide("fail"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = server
        .call(&helen, "asye/record_moderation", &decide("referred_back"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, notes) = server
        .call_json(&daniel, "notify/my_notifications", &[])
        .await;
    assert!(notes.to_string().contains("referred back"), "{notes}");
    let (_, view) = server
        .call_json(&daniel, "asye/asye_of", &[("person_id", "ln_4")])
        .await;
    assert_ne!(state_of(&view, "Final recommendation"), "Done");
    let response = server
        .call(&daniel, "asye/record_recommendation", &decide("fail"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_coordinator_who_assesses_an_nqsw_does_not_moderate_them() {
    let server = start().await;
    server
        .state
        .db
        .query("UPDATE person:ln_4 SET assessor = person:demo_learning_lead;")
        .await
        .unwrap()
        .check()
        .unwrap();
    let helen = server.as_user("learning.lead@demo.test").await;
    let form = [
        ("person_id", "ln_4"),
        ("form[outcome]", "fail"),
        ("form[notes]", "Not meeting the PQS despite support."),
    ];
    let response = server
        .call(&helen, "asye/record_recommendation", &form)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = server
        .call(
            &helen,
            "asye/record_moderation",
            &[
                ("person_id", "ln_4"),
                ("form[outcome]", "confirmed"),
                ("form[notes]", "Agreed."),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Starting a programme is for NQSWs only.
    let (status, body) = server
        .call_json(
            &helen,
            "asye/start_programme",
            &[("form[person]", "ls_1"), ("form[start]", "2026-09-01")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("\"person\""), "{body}");
}
