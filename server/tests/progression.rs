//! The pathway over HTTP against a real SurrealDB: evidence, sign-off, privacy, frameworks
//! and progression decisions, with the demo council seeded.

mod common;

use common::{TestServer, start};
use reqwest::StatusCode;
use serde_json::Value;

async fn pathway(server: &TestServer, client: &common::Browser) -> Value {
    let (status, body) = server
        .call_json(client, "progression/my_pathway", &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

fn criterion<'a>(pathway: &'a Value, lineage: &str) -> &'a Value {
    pathway["domains"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["criteria"].as_array().unwrap())
        .find(|c| c["lineage"] == lineage)
        .unwrap_or_else(|| panic!("no criterion {lineage}"))
}

fn signed_off(pathway: &Value) -> u64 {
    pathway["readiness"]["signed_off"].as_u64().unwrap()
}

/// Sets statuses directly, to put someone on the edge of a step without a hundred requests.
async fn set_progress(
    server: &TestServer,
    person: &str,
    level: &str,
    status: &str,
    except: &[&str],
) {
    server
        .state
        .db
        .query(
            "FOR $c IN (SELECT lineage FROM criterion
                WHERE framework = framework:demo_pathway_v1 AND level = $level
                AND lineage NOTINSIDE $except) {
                UPSERT type::record('progress', $person + '__' + $c.lineage) SET
                    org = org:demo_borough, person = type::record('person', $person),
                    lineage = $c.lineage, status = $status;
            };",
        )
        .bind(("person", person.to_string()))
        .bind(("level", level.to_string()))
        .bind(("status", status.to_string()))
        .bind((
            "except",
            except.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ))
        .await
        .unwrap()
        .check()
        .unwrap();
}

async fn career_level(server: &TestServer, person: &str) -> String {
    let mut response = server
        .state
        .db
        .query("SELECT VALUE career_level FROM type::record('person', $p);")
        .bind(("p", person.to_string()))
        .await
        .unwrap()
        .check()
        .unwrap();
    let levels: Vec<String> = response.take(0).unwrap();
    levels.into_iter().next().unwrap()
}

#[tokio::test]
async fn the_demo_practitioner_sees_where_she_stands() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let body = pathway(&server, &priya).await;
    assert_eq!(body["level_key"], "nqsw");
    assert_eq!(body["next"]["to_key"], "social_worker");
    assert_eq!(body["next"]["kind"], "automatic");
    assert_eq!(body["readiness"]["total"], 27);
    assert_eq!(body["readiness"]["required"], 27);
    assert_eq!(signed_off(&body), 5);
    assert_eq!(body["domains"].as_array().unwrap().len(), 9);
    assert_eq!(
        criterion(&body, "sw_critical_reflection_1")["status"],
        "returned"
    );
    assert_eq!(
        criterion(&body, "sw_rights_justice_1")["status"],
        "submitted"
    );
    let returned = &criterion(&body, "sw_critical_reflection_1")["reviews"];
    assert!(
        returned
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["action"] == "returned"
                && r["comment"].as_str().unwrap().contains("analysis")),
        "{returned}"
    );
    assert!(!body["history"].as_array().unwrap().is_empty());
    // Her evidence counts for the crosswalked KSS statements too.
    let kss = body["crosswalk"].as_array().unwrap();
    assert_eq!(kss.len(), 10);
    assert!(kss.iter().any(|s| s["evidence"].as_u64().unwrap() > 0));
}

#[tokio::test]
async fn evidence_submitted_and_signed_off_raises_readiness() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let before = signed_off(&pathway(&server, &priya).await);

    let form = [
        ("form[kind]", "reflection"),
        ("form[title]", "Chairing my first family network meeting"),
        ("form[date]", "2026-11-01"),
        ("form[what_happened]", "I chaired a family network meeting."),
        ("form[criteria][0]", "sw_professionalism_2"),
        ("form[criteria][1]", "sw_knowledge_2"),
    ];
    let (status, id) = server
        .call_json(&priya, "portfolio/save_evidence", &form)
        .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let body = pathway(&server, &priya).await;
    assert_eq!(
        criterion(&body, "sw_professionalism_2")["status"],
        "in_progress"
    );

    let (status, body) = server
        .call_json(
            &priya,
            "progression/submit_for_review",
            &[
                ("criteria[0]", "sw_professionalism_2"),
                ("comment", "Ready"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let daniel = server.as_user("supervisor@demo.test").await;
    let (_, unread) = server.call_json(&daniel, "notify/unread_count", &[]).await;
    assert!(unread.as_u64().unwrap() >= 2, "{unread}");
    let (status, queue) = server
        .call_json(&daniel, "progression/review_queue", &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    let item = queue
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["lineage"] == "sw_professionalism_2")
        .expect("the submission is in the queue");
    assert_eq!(item["comment"], "Ready");
    assert_eq!(
        item["evidence"][0]["title"],
        "Chairing my first family network meeting"
    );

    let (status, body) = server
        .call_json(
            &daniel,
            "progression/review_criterion",
            &[
                ("person_id", "demo_practitioner"),
                ("lineage", "sw_professionalism_2"),
                ("verdict", "sign_off"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let after = pathway(&server, &priya).await;
    assert_eq!(signed_off(&after), before + 1);
    let history = criterion(&after, "sw_professionalism_2")["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap().to_string())
        .collect::<Vec<_>>();
    assert_eq!(history, vec!["submitted", "signed_off"]);

    // Deciding twice is a conflict, not a second history entry.
    let (status, _) = server
        .call_json(
            &daniel,
            "progression/review_criterion",
            &[
                ("person_id", "demo_practitioner"),
                ("lineage", "sw_professionalism_2"),
                ("verdict", "return"),
                ("comment", "Again"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn only_the_right_supervisor_signs_off_and_never_their_own() {
    let server = start().await;
    // Marcus manages Locality South, not Priya.
    let marcus = server.as_user("marcus.bell@demo.test").await;
    let attempt = [
        ("person_id", "demo_practitioner"),
        ("lineage", "sw_rights_justice_1"),
        ("verdict", "sign_off"),
    ];
    let (status, _) = server
        .call_json(&marcus, "progression/review_criterion", &attempt)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, queue) = server
        .call_json(&marcus, "progression/review_queue", &[])
        .await;
    assert!(
        !queue
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["person_id"] == "demo_practitioner"),
        "another manager's queue shows Priya"
    );

    // A practitioner cannot sign off at all, least of all their own.
    let priya = server.as_user("practitioner@demo.test").await;
    let (status, _) = server
        .call_json(&priya, "progression/review_criterion", &attempt)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // A supervisor who is also a practitioner cannot sign off their own criteria.
    let daniel = server.as_user("supervisor@demo.test").await;
    let own = [
        ("person_id", "demo_supervisor"),
        ("lineage", "sw_rights_justice_1"),
        ("verdict", "sign_off"),
    ];
    let (status, _) = server
        .call_json(&daniel, "progression/review_criterion", &own)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Returning needs a comment, reported against the field.
    let (status, body) = server
        .call_json(
            &daniel,
            "progression/review_criterion",
            &[
                ("person_id", "demo_practitioner"),
                ("lineage", "sw_rights_justice_1"),
                ("verdict", "return"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"]["comment"].is_string(), "{body}");
}

#[tokio::test]
async fn private_evidence_is_never_shown_to_the_supervisor() {
    let server = start().await;
    let private_title = "Supervision notes on workload and wellbeing";
    let priya = server.as_user("practitioner@demo.test").await;
    let own = pathway(&server, &priya).await.to_string();
    assert!(
        own.contains(private_title),
        "the owner sees her private evidence"
    );

    let daniel = server.as_user("supervisor@demo.test").await;
    let (status, theirs) = server
        .call_json(
            &daniel,
            "progression/person_pathway",
            &[("person_id", "demo_practitioner")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !theirs.to_string().contains(private_title),
        "private evidence leaked"
    );
    let (_, queue) = server
        .call_json(&daniel, "progression/review_queue", &[])
        .await;
    assert!(!queue.to_string().contains(private_title));
    let (status, _) = server
        .call_json(&daniel, "portfolio/get_evidence", &[("id", "demo_priya_4")])
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "evidence is read by its owner only"
    );

    // A criterion backed only by private evidence cannot be sent for review.
    let (status, body) = server
        .call_json(
            &priya,
            "progression/submit_for_review",
            &[("criteria[0]", "sw_contexts_organisations_1")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["Validation"]["criteria"]
            .as_str()
            .unwrap()
            .contains("not private")
    );
}

#[tokio::test]
async fn another_councils_people_and_criteria_are_unreachable() {
    let server = start().await;
    let olga = server.as_user("admin@other.test").await;
    let (status, _) = server
        .call_json(&olga, "frameworks/detail", &[("id", "demo_pathway_v1")])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = server
        .call_json(
            &olga,
            "progression/person_pathway",
            &[("person_id", "demo_practitioner")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = server
        .call_json(
            &olga,
            "portfolio/save_evidence",
            &[
                ("form[kind]", "other"),
                ("form[title]", "Borrowed criterion"),
                ("form[date]", "2026-11-01"),
                ("form[criteria][0]", "sw_professionalism_1"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"]["criteria"].is_string(), "{body}");
    let (status, _) = server.call_json(&olga, "frameworks/list", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (_, list) = server.call_json(&olga, "frameworks/list", &[]).await;
    assert_eq!(list.as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn evidence_is_validated_filtered_and_paged() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let (status, body) = server
        .call_json(
            &priya,
            "portfolio/save_evidence",
            &[
                ("form[kind]", "poem"),
                ("form[title]", ""),
                ("form[date]", "2099-01-01"),
                ("form[link]", "javascript:alert(1)"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["kind", "title", "date", "link"] {
        assert!(body["Validation"][field].is_string(), "{field}: {body}");
    }
    let (status, page) = server
        .call_json(
            &priya,
            "portfolio/list_evidence",
            &[("filter[domain]", "knowledge")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page["total"], 1, "{page}");
    let (_, page) = server
        .call_json(
            &priya,
            "portfolio/list_evidence",
            &[
                ("filter[kind]", "reflection"),
                ("filter[from]", "2026-10-01"),
            ],
        )
        .await;
    assert_eq!(page["total"], 1, "{page}");
    let (status, _) = server
        .call_json(
            &priya,
            "portfolio/list_evidence",
            &[("filter[from]", "soon")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // Evidence with a criterion under review is locked; deleting other evidence works and
    // its criterion drops back to not started.
    let (status, _) = server
        .call_json(
            &priya,
            "portfolio/delete_evidence",
            &[("id", "demo_priya_2")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = server
        .call_json(
            &priya,
            "portfolio/delete_evidence",
            &[("id", "demo_priya_4")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let body = pathway(&server, &priya).await;
    assert_eq!(
        criterion(&body, "sw_contexts_organisations_1")["status"],
        "not_started"
    );
}

#[tokio::test]
async fn review_history_cannot_be_changed() {
    let server = start().await;
    let result = server
        .state
        .db
        .query("UPDATE review SET comment = 'rewritten';")
        .await
        .unwrap()
        .check();
    assert!(result.is_err(), "an update of review history went through");
    let result = server
        .state
        .db
        .query("DELETE review;")
        .await
        .unwrap()
        .check();
    assert!(result.is_err(), "review history was deleted");
}

#[tokio::test]
async fn a_new_framework_version_carries_sign_offs_over() {
    let server = start().await;
    let lead = server.as_user("learning.lead@demo.test").await;
    let (status, draft) = server
        .call_json(
            &lead,
            "frameworks/start_draft",
            &[("id", "demo_pathway_v1")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{draft}");
    let draft = draft.as_str().unwrap().to_string();
    // One draft at a time.
    let (status, _) = server
        .call_json(
            &lead,
            "frameworks/start_draft",
            &[("id", "demo_pathway_v1")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    let (_, detail) = server
        .call_json(&lead, "frameworks/detail", &[("id", &draft)])
        .await;
    let find = |lineage: &str| {
        detail["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["lineage"] == lineage)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // Reword a signed-off criterion, retire another signed-off one, add a new one.
    let reworded = find("sw_professionalism_1");
    let retired = find("sw_values_ethics_1");
    let (status, body) = server
        .call_json(
            &lead,
            "frameworks/edit_criterion",
            &[
                ("id", &reworded),
                (
                    "statement",
                    "Acts with honesty and accountability in every contact with families.",
                ),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The crosswalk is edited with the wording, and only to the other framework's statements.
    let mapped = [
        ("id", reworded.as_str()),
        (
            "statement",
            "Acts with honesty and accountability in every contact with families.",
        ),
        ("maps_to[0]", "kss_9"),
        ("maps_to[1]", "kss_1"),
    ];
    let (status, body) = server
        .call_json(&lead, "frameworks/edit_criterion", &mapped)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let wrong = [
        ("id", reworded.as_str()),
        ("statement", "Acts with honesty in every contact."),
        ("maps_to[0]", "sw_knowledge_1"),
    ];
    let (status, body) = server
        .call_json(&lead, "frameworks/edit_criterion", &wrong)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"]["maps_to"].is_string(), "{body}");
    let (_, now) = server
        .call_json(&lead, "frameworks/detail", &[("id", &draft)])
        .await;
    let maps = now["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["lineage"] == "sw_professionalism_1")
        .unwrap()["maps_to"]
        .clone();
    assert_eq!(maps, serde_json::json!(["kss_9", "kss_1"]));
    let (status, _) = server
        .call_json(
            &lead,
            "frameworks/retire_criterion",
            &[("id", &retired), ("retired", "true")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = server
        .call_json(
            &lead,
            "frameworks/add_criterion",
            &[
                ("framework_id", &draft),
                ("domain", "knowledge"),
                ("level", "social_worker"),
                (
                    "statement",
                    "Uses research on neglect to shape plans with families.",
                ),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = server
        .call_json(
            &lead,
            "frameworks/add_criterion",
            &[
                ("framework_id", &draft),
                ("domain", "astrology"),
                ("level", "x"),
                ("statement", "short"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["domain", "level", "statement"] {
        assert!(body["Validation"][field].is_string(), "{field}: {body}");
    }
    // The published version cannot be edited in place.
    let (status, _) = server
        .call_json(
            &lead,
            "frameworks/edit_criterion",
            &[
                ("id", "demo_pathway_v1_sw_knowledge_1"),
                ("statement", "Changed in place, which must fail."),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    let priya = server.as_user("practitioner@demo.test").await;
    let before = pathway(&server, &priya).await;
    let (status, body) = server
        .call_json(&lead, "frameworks/publish", &[("id", &draft)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let after = pathway(&server, &priya).await;
    assert_eq!(after["framework_version"], 2);
    assert_eq!(after["readiness"]["total"], before["readiness"]["total"]);
    assert_eq!(
        signed_off(&after),
        signed_off(&before) - 1,
        "the retired sign-off no longer counts"
    );
    let carried = criterion(&after, "sw_professionalism_1");
    assert_eq!(carried["status"], "signed_off");
    assert!(carried["statement"].as_str().unwrap().contains("honesty"));
    assert!(
        !carried["evidence"].as_array().unwrap().is_empty(),
        "evidence carried over"
    );

    let (_, list) = server.call_json(&lead, "frameworks/list", &[]).await;
    let statuses: Vec<(i64, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["family"] == "pathway")
        .map(|f| {
            (
                f["version"].as_i64().unwrap(),
                f["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        vec![(2, "published".into()), (1, "superseded".into())]
    );

    // Practitioners cannot edit frameworks.
    let (status, _) = server.call_json(&priya, "frameworks/list", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_last_sign_off_of_an_automatic_step_moves_the_practitioner_up() {
    let server = start().await;
    set_progress(
        &server,
        "demo_practitioner",
        "social_worker",
        "signed_off",
        &["sw_rights_justice_1"],
    )
    .await;
    let daniel = server.as_user("supervisor@demo.test").await;
    let (status, body) = server
        .call_json(
            &daniel,
            "progression/review_criterion",
            &[
                ("person_id", "demo_practitioner"),
                ("lineage", "sw_rights_justice_1"),
                ("verdict", "sign_off"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        career_level(&server, "demo_practitioner").await,
        "social_worker"
    );
    let priya = server.as_user("practitioner@demo.test").await;
    let body = pathway(&server, &priya).await;
    assert_eq!(body["level_key"], "social_worker");
    assert_eq!(body["history"][0]["how"], "Moved up automatically");
    assert_eq!(body["cases"][0]["kind"], "automatic");
}

#[tokio::test]
async fn an_assessment_is_decided_by_the_supervisor_only() {
    let server = start().await;
    // Aisha is a Social Worker in Daniel's team; the next step is an assessment.
    let daniel = server.as_user("supervisor@demo.test").await;
    let open = [("person_id", "ln_1"), ("account", "")];
    let (status, _) = server
        .call_json(&daniel, "progression/open_case", &open)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "not ready yet");

    set_progress(&server, "ln_1", "senior_social_worker", "signed_off", &[]).await;
    let (status, case_id) = server
        .call_json(&daniel, "progression/open_case", &open)
        .await;
    assert_eq!(status, StatusCode::OK, "{case_id}");
    let case_id = case_id.as_str().unwrap().to_string();
    let (status, _) = server
        .call_json(&daniel, "progression/open_case", &open)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "one open request at a time");

    // Aisha can read her case but not decide it; another manager cannot see it.
    let aisha = server.as_user("aisha.begum@demo.test").await;
    let (status, view) = server
        .call_json(&aisha, "progression/get_case", &[("id", &case_id)])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["may_decide"], false);
    let decision = [
        ("id", case_id.as_str()),
        ("decision", "approve"),
        ("reasons", "All senior criteria evidenced and signed off."),
    ];
    let (status, _) = server
        .call_json(&aisha, "progression/decide_case", &decision)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let marcus = server.as_user("marcus.bell@demo.test").await;
    let (status, _) = server
        .call_json(&marcus, "progression/get_case", &[("id", &case_id)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Deferring needs actions; approving moves her up.
    let (status, body) = server
        .call_json(
            &daniel,
            "progression/decide_case",
            &[
                ("id", case_id.as_str()),
                ("decision", "defer"),
                ("reasons", "Not yet"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"]["actions"].is_string());
    let (status, body) = server
        .call_json(&daniel, "progression/decide_case", &decision)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(career_level(&server, "ln_1").await, "senior_social_worker");
    let (status, _) = server
        .call_json(&daniel, "progression/decide_case", &decision)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let mut response = server
        .state
        .db
        .query("SELECT VALUE action FROM audit WHERE subject = $s;")
        .bind(("s", format!("progression_case:{case_id}")))
        .await
        .unwrap();
    let actions: Vec<String> = response.take(0).unwrap();
    assert!(
        actions.contains(&"case.approved".to_string()),
        "{actions:?}"
    );
}

#[tokio::test]
async fn a_panel_decides_with_reasons() {
    let server = start().await;
    // Callum is a Senior in Daniel's team; the next step is a panel.
    set_progress(&server, "ln_2", "advanced_practitioner", "signed_off", &[]).await;
    let callum = server.as_user("callum.reid@demo.test").await;
    let (status, body) = server
        .call_json(&callum, "progression/open_case", &[("account", "")])
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a panel needs an account"
    );
    assert!(body["Validation"]["account"].is_string());
    let (status, case_id) = server
        .call_json(
            &callum,
            "progression/open_case",
            &[("account", "My practice leadership this year...")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{case_id}");
    let case_id = case_id.as_str().unwrap().to_string();

    let daniel = server.as_user("supervisor@demo.test").await;
    let decision = [
        ("id", case_id.as_str()),
        ("decision", "approve"),
        ("reasons", "Strong account and evidence across all domains."),
    ];
    let (status, _) = server
        .call_json(&daniel, "progression/decide_case", &decision)
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the supervisor is not the panel"
    );

    let grace_before = server.as_user("leader@demo.test").await;
    let (status, _) = server
        .call_json(
            &grace_before,
            "progression/person_pathway",
            &[("person_id", "ln_2")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not on the panel yet");
    let (status, body) = server
        .call_json(
            &daniel,
            "progression/set_panel",
            &[
                ("id", case_id.as_str()),
                ("members[0]", "sl_1"),
                ("members[1]", "demo_leader"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let grace = server.as_user("leader@demo.test").await;
    // On the panel, she may read his pathway (never his private evidence).
    let (status, _) = server
        .call_json(
            &grace,
            "progression/person_pathway",
            &[("person_id", "ln_2")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "a panel member reads the evidence");
    let (status, view) = server
        .call_json(&grace, "progression/get_case", &[("id", &case_id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["may_decide"], true);
    let (status, body) = server
        .call_json(&grace, "progression/decide_case", &decision)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(career_level(&server, "ln_2").await, "advanced_practitioner");
}

#[tokio::test]
async fn the_team_view_shows_each_supervisees_progress() {
    let server = start().await;
    let daniel = server.as_user("supervisor@demo.test").await;
    let (status, team) = server
        .call_json(&daniel, "progression/team_progress", &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    let priya = team
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "demo_practitioner")
        .expect("Priya is in Daniel's team");
    assert_eq!(priya["readiness"]["signed_off"], 5);
    assert_eq!(priya["pending_reviews"], 1);
    assert!(priya["last_activity"].is_string());
    assert!(!team.to_string().contains("Fatima"), "another team leaked");
}

#[tokio::test]
async fn an_admins_change_of_level_starts_a_new_history_entry() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let (status, before) = server
        .call_json(&admin, "people/get_person", &[("id", "lac_3")])
        .await;
    assert_eq!(status, StatusCode::OK);
    let form = [
        ("id", "lac_3"),
        ("form[name]", before["name"].as_str().unwrap()),
        ("form[email]", before["email"].as_str().unwrap()),
        ("form[career_level]", "senior_social_worker"),
        ("form[team_id]", before["team_id"].as_str().unwrap()),
        (
            "form[line_manager_id]",
            before["line_manager_id"].as_str().unwrap(),
        ),
        ("form[role_practitioner]", "on"),
    ];
    let (status, body) = server.call_json(&admin, "people/save_person", &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mut response = server
        .state
        .db
        .query("SELECT level, how, ended_on FROM level_history WHERE person = person:lac_3 ORDER BY started_on, level;")
        .await
        .unwrap();
    let rows: Vec<serde_json::Value> = response.take(0).unwrap();
    let open: Vec<&serde_json::Value> = rows.iter().filter(|r| r["ended_on"].is_null()).collect();
    assert_eq!(open.len(), 1, "{rows:?}");
    assert_eq!(open[0]["level"], "senior_social_worker");
    assert_eq!(open[0]["how"], "admin");
}

#[tokio::test]
async fn an_assigned_assessor_reviews_alongside_the_line_manager() {
    let server = start().await;
    // Natalie is Oliver's ASYE assessor; Daniel is his line manager.
    let natalie = server.as_user("natalie.greaves@demo.test").await;
    let (status, team) = server
        .call_json(&natalie, "progression/team_progress", &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    let oliver = team
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "ln_4")
        .expect("Oliver is in his assessor's team view");
    assert_eq!(oliver["relationship"], "Assessor");
    let (status, _) = server
        .call_json(
            &natalie,
            "progression/person_pathway",
            &[("person_id", "ln_4")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // Natalie assesses Oliver only, not the rest of Daniel's team.
    let (status, _) = server
        .call_json(
            &natalie,
            "progression/person_pathway",
            &[("person_id", "demo_practitioner")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_practitioner_takes_a_criterion_back_from_review() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    // The evidence behind the criterion with Daniel is locked until it comes back.
    let (status, _) = server
        .call_json(
            &priya,
            "portfolio/delete_evidence",
            &[("id", "demo_priya_2")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let take_back = [("lineage", "sw_rights_justice_1")];
    let (status, body) = server
        .call_json(&priya, "progression/withdraw_submission", &take_back)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let body = pathway(&server, &priya).await;
    let item = criterion(&body, "sw_rights_justice_1");
    assert_eq!(item["status"], "in_progress");
    assert_eq!(
        item["reviews"].as_array().unwrap().last().unwrap()["action"],
        "in_progress"
    );
    let (status, _) = server
        .call_json(&priya, "progression/withdraw_submission", &take_back)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "nothing left to take back");
    let daniel = server.as_user("supervisor@demo.test").await;
    let (_, queue) = server
        .call_json(&daniel, "progression/review_queue", &[])
        .await;
    assert!(
        !queue
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["lineage"] == "sw_rights_justice_1")
    );
}

#[tokio::test]
async fn work_begun_only_in_private_evidence_looks_not_started_to_others() {
    let server = start().await;
    let priya = server.as_user("practitioner@demo.test").await;
    let own = pathway(&server, &priya).await;
    assert_eq!(
        criterion(&own, "sw_contexts_organisations_1")["status"],
        "in_progress"
    );
    let daniel = server.as_user("supervisor@demo.test").await;
    let (_, theirs) = server
        .call_json(
            &daniel,
            "progression/person_pathway",
            &[("person_id", "demo_practitioner")],
        )
        .await;
    assert_eq!(
        criterion(&theirs, "sw_contexts_organisations_1")["status"],
        "not_started"
    );
}

#[tokio::test]
async fn a_request_closes_when_an_admin_changes_the_level_first() {
    let server = start().await;
    set_progress(&server, "ln_1", "senior_social_worker", "signed_off", &[]).await;
    let daniel = server.as_user("supervisor@demo.test").await;
    let (status, case_id) = server
        .call_json(&daniel, "progression/open_case", &[("person_id", "ln_1")])
        .await;
    assert_eq!(status, StatusCode::OK, "{case_id}");
    let case_id = case_id.as_str().unwrap().to_string();
    app::progression::case_store::record_level_change(
        &server.state.db,
        "demo_borough",
        "ln_1",
        "advanced_practitioner",
        "recruitment",
        "2026-11-20",
    )
    .await
    .unwrap();
    server
        .state
        .db
        .query("UPDATE person:ln_1 SET career_level = 'advanced_practitioner';")
        .await
        .unwrap()
        .check()
        .unwrap();
    let decision = [
        ("id", case_id.as_str()),
        ("decision", "approve"),
        ("reasons", "Evidence is complete."),
    ];
    let (status, _) = server
        .call_json(&daniel, "progression/decide_case", &decision)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        career_level(&server, "ln_1").await,
        "advanced_practitioner",
        "no demotion"
    );
}

#[tokio::test]
async fn a_demo_council_seeded_before_the_pathway_gets_it() {
    let db = common::fresh_db().await;
    app::db::migrate(&db).await.unwrap();
    db.query("CREATE org:demo_borough SET name = 'Demo Borough Council', slug = 'demo-borough';")
        .await
        .unwrap()
        .check()
        .unwrap();
    let outcome = app::seed::seed_demo(&db, common::DEMO_PASSWORD)
        .await
        .unwrap();
    assert_eq!(outcome, app::seed::SeedOutcome::AlreadyPresent);
    let mut response = db
        .query("SELECT VALUE family FROM framework WHERE org = org:demo_borough ORDER BY family;")
        .await
        .unwrap();
    let families: Vec<String> = response.take(0).unwrap();
    assert_eq!(families, vec!["kss_practitioner", "pathway"]);
}

#[derive(serde::Deserialize)]
struct Activity {
    person: String,
    at: String,
}

/// Each person's kept last activity, and the same worked out afresh from every piece of shared
/// evidence and every review step in the database.
async fn activity_and_recount(
    server: &TestServer,
) -> (
    std::collections::BTreeMap<String, String>,
    std::collections::BTreeMap<String, String>,
) {
    let rows = |sql: &'static str| async move {
        let mut response = server.state.db.query(sql).await.unwrap().check().unwrap();
        let rows: Vec<serde_json::Value> = response.take(0).unwrap();
        rows.into_iter()
            .map(|r| serde_json::from_value::<Activity>(r).unwrap())
            .collect::<Vec<_>>()
    };
    let kept = rows(
        "SELECT record::id(id) AS person, <string> at AS at FROM person_activity;",
    )
    .await
    .into_iter()
    .map(|a| (a.person, a.at))
    .collect();
    let mut recount = std::collections::BTreeMap::<String, String>::new();
    let writes = [
        rows("SELECT record::id(owner) AS person, <string> created_at AS at FROM evidence
                WHERE private = false;")
        .await,
        rows("SELECT record::id(person) AS person, <string> at AS at FROM review;").await,
    ];
    for a in writes.into_iter().flatten() {
        let entry = recount.entry(a.person).or_default();
        // RFC 3339 in UTC with the same precision compares as text.
        if time::OffsetDateTime::parse(&a.at, &time::format_description::well_known::Rfc3339)
            .unwrap()
            > time::OffsetDateTime::parse(
                if entry.is_empty() { "1970-01-01T00:00:00Z" } else { entry },
                &time::format_description::well_known::Rfc3339,
            )
            .unwrap()
        {
            *entry = a.at;
        }
    }
    (kept, recount)
}

#[tokio::test]
async fn last_activity_is_kept_with_each_write_and_matches_a_recount() {
    let server = start().await;
    let (kept, recount) = activity_and_recount(&server).await;
    assert!(!kept.is_empty());
    assert_eq!(kept, recount, "the seeded council");

    let daniel = server.as_user("supervisor@demo.test").await;
    let priya = server.as_user("practitioner@demo.test").await;
    let shown = |team: &Value| {
        team.as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == "demo_practitioner")
            .unwrap()["last_activity"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (_, team) = server
        .call_json(&daniel, "progression/team_progress", &[])
        .await;
    let before = kept["demo_practitioner"].clone();
    assert_eq!(shown(&team), app::dates::uk_datetime(&before));

    // Private evidence is hers alone: her supervisor sees no new activity.
    let mut form = vec![
        ("form[kind]", "reflection"),
        ("form[title]", "A note to myself"),
        ("form[date]", "2026-11-02"),
        ("form[what_happened]", "Supervision went well."),
        ("form[private]", "true"),
    ];
    let (status, body) = server
        .call_json(&priya, "portfolio/save_evidence", &form)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (kept, recount) = activity_and_recount(&server).await;
    assert_eq!(kept["demo_practitioner"], before, "private evidence is not activity");
    assert_eq!(kept, recount);

    // Shared evidence is.
    form.pop();
    form[1] = ("form[title]", "Shared with my supervisor");
    let (status, body) = server
        .call_json(&priya, "portfolio/save_evidence", &form)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (kept, recount) = activity_and_recount(&server).await;
    assert_eq!(kept, recount);
    let after = kept["demo_practitioner"].clone();
    assert!(after > before, "{after} after {before}");
    let (_, team) = server
        .call_json(&daniel, "progression/team_progress", &[])
        .await;
    assert_eq!(shown(&team), app::dates::uk_datetime(&after));
}

#[tokio::test]
async fn the_activity_migration_fills_in_what_came_before_it() {
    let server = start().await;
    let db = &server.state.db;
    let (seeded, _) = activity_and_recount(&server).await;
    db.query("DELETE person_activity;").await.unwrap().check().unwrap();
    let migration = include_str!("../../app/src/db/migrations/0009_person_activity.surql");
    let (_, backfill) = migration
        .split_once("-- What was already there before the events.")
        .expect("the migration marks its backfill");
    db.query(backfill).await.unwrap().check().unwrap();
    let (kept, recount) = activity_and_recount(&server).await;
    assert_eq!(kept, recount);
    assert_eq!(kept, seeded);
}
