//! Workforce figures and CSV imports against a real server and database: a dry run writes
//! nothing, applying writes the whole file or none of it, the same file twice changes
//! nothing, the dashboard rolls teams up exactly, and only the right roles get in.

mod common;

use app::seed::workforce::demo_figures;
use app::workforce::rates::{Counts, vacancy_rate};
use common::{Browser, TestServer, start};
use reqwest::StatusCode;
use serde_json::Value;
use surrealdb::types::SurrealValue;

const STAFF_HEADER: &str =
    "email,name,career_level,roles,team,line_manager_email,job_title,start_date\n";
const FIGURES_HEADER: &str = "team,quarter,in_post_fte,headcount,vacancy_fte,agency_fte,starters_fte,leavers_fte,cases,case_holding_fte,days_lost\n";

/// Posts a file the way the upload form does, and answers the status and where it leads.
async fn upload(
    server: &TestServer,
    client: &Browser,
    kind: &str,
    bytes: &[u8],
) -> (StatusCode, String) {
    let boundary = "pathway-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let response = client
        .post(server.url("/admin/imports/upload"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let location = response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or("")
        .to_string();
    (response.status(), location)
}

/// Uploads and answers the new import's key.
async fn uploaded(server: &TestServer, client: &Browser, kind: &str, bytes: &[u8]) -> String {
    let (status, location) = upload(server, client, kind, bytes).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    location
        .strip_prefix("/admin/imports/")
        .unwrap_or_else(|| panic!("redirected to {location}"))
        .to_string()
}

async fn review(server: &TestServer, client: &Browser, id: &str) -> Value {
    let (status, review) = server
        .call_json(client, "imports/review", &[("id", id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{review}");
    review
}

fn tally(review: &Value) -> [u64; 4] {
    let t = &review["tally"];
    ["create", "change", "unchanged", "refuse"].map(|k| t[k].as_u64().unwrap())
}

#[derive(SurrealValue)]
struct PersonRow {
    name: String,
    job_title: Option<String>,
    manager_email: Option<String>,
    team_name: Option<String>,
    updated_at: surrealdb::types::Datetime,
}

async fn person(server: &TestServer, email: &str) -> Option<PersonRow> {
    let mut response = server
        .state
        .db
        .query(
            "SELECT name, job_title, line_manager.email AS manager_email, team.name AS team_name,
                    updated_at FROM person WHERE email = $email;",
        )
        .bind(("email", email.to_string()))
        .await
        .unwrap()
        .check()
        .unwrap();
    let rows: Vec<PersonRow> = response.take(0).unwrap();
    rows.into_iter().next()
}

async fn people_count(server: &TestServer) -> i64 {
    let mut response = server
        .state
        .db
        .query("RETURN count(SELECT VALUE id FROM person);")
        .await
        .unwrap();
    let count: Option<i64> = response.take(0).unwrap();
    count.unwrap_or(0)
}

fn staff_file() -> String {
    format!(
        "{STAFF_HEADER}\
         nia.manager@demo.test,Nia Manager,team_manager,supervisor;practitioner,Locality South,,Team Manager,01/04/2025\n\
         will.worker@demo.test,Will Worker,nqsw,Practitioner,Locality South,nia.manager@demo.test,,\n\
         practitioner@demo.test,Priya Shah,nqsw,practitioner,Locality North,supervisor@demo.test,Social Worker (ASYE),\n"
    )
}

#[tokio::test]
async fn a_staff_import_is_checked_then_applied_whole_and_the_same_file_again_changes_nothing() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let before = people_count(&server).await;

    let id = uploaded(&server, &admin, "staff", staff_file().as_bytes()).await;
    let dry_run = review(&server, &admin, &id).await;
    assert_eq!(tally(&dry_run), [2, 1, 0, 0], "{dry_run}");
    assert_eq!(dry_run["can_apply"], true);
    let change = dry_run["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["outcome"] == "change")
        .unwrap();
    assert_eq!(
        change["detail"][0],
        "job title: Newly Qualified Social Worker → Social Worker (ASYE)"
    );
    // The dry run wrote nothing.
    assert_eq!(people_count(&server).await, before);
    assert!(person(&server, "nia.manager@demo.test").await.is_none());

    let (status, done) = server
        .call_json(&admin, "imports/apply", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done, "2 created, 1 changed, 0 unchanged");
    assert_eq!(people_count(&server).await, before + 2);
    let will = person(&server, "will.worker@demo.test").await.unwrap();
    assert_eq!(will.manager_email.as_deref(), Some("nia.manager@demo.test"));
    assert_eq!(will.team_name.as_deref(), Some("Locality South"));
    let priya = person(&server, "practitioner@demo.test").await.unwrap();
    assert_eq!(priya.job_title.as_deref(), Some("Social Worker (ASYE)"));
    // New people start their level history; the manager's from her start date.
    let mut history = server
        .state
        .db
        .query("SELECT VALUE started_on FROM level_history WHERE person.email = 'nia.manager@demo.test' AND level = 'team_manager' AND how = 'joined' AND ended_on = NONE;")
        .await
        .unwrap();
    let started: Vec<String> = history.take(0).unwrap();
    assert_eq!(started, ["2025-04-01"]);
    assert_eq!(priya.manager_email.as_deref(), Some("supervisor@demo.test"));

    // Applying twice is refused; the same file uploaded again has nothing to do.
    let (status, _) = server
        .call_json(&admin, "imports/apply", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let again = uploaded(&server, &admin, "staff", staff_file().as_bytes()).await;
    let second = review(&server, &admin, &again).await;
    assert_eq!(tally(&second), [0, 0, 3, 0], "{second}");
    assert_eq!(second["can_apply"], false);
    let (status, done) = server
        .call_json(&admin, "imports/apply", &[("id", &again)])
        .await;
    assert_eq!(
        (status, done.as_str()),
        (StatusCode::OK, Some("0 created, 0 changed, 3 unchanged"))
    );
    assert_eq!(people_count(&server).await, before + 2);
    let untouched = person(&server, "practitioner@demo.test").await.unwrap();
    assert_eq!(
        untouched.updated_at, priya.updated_at,
        "an unchanged row is not rewritten"
    );
    assert_eq!(untouched.name, "Priya Shah");
}

#[tokio::test]
async fn a_level_changed_by_import_starts_a_new_entry_in_the_level_history() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let file =
        format!("{STAFF_HEADER}practitioner@demo.test,Priya Shah,social_worker,practitioner,,,,\n");
    let id = uploaded(&server, &admin, "staff", file.as_bytes()).await;
    let (status, done) = server
        .call_json(&admin, "imports/apply", &[("id", &id)])
        .await;
    assert_eq!(
        (status, done.as_str()),
        (StatusCode::OK, Some("0 created, 1 changed, 0 unchanged"))
    );
    let mut response = server
        .state
        .db
        .query("SELECT level, how, ended_on FROM level_history WHERE person = person:demo_practitioner ORDER BY started_on;")
        .await
        .unwrap();
    let value: surrealdb::types::Value = response.take(0).unwrap();
    let rows = value.into_json_value();
    let current: Vec<&Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ended_on"].is_null())
        .collect();
    assert_eq!(current.len(), 1, "{rows:?}");
    assert_eq!(current[0]["level"], "social_worker");
    assert_eq!(current[0]["how"], "admin");
}

#[tokio::test]
async fn one_bad_row_means_nothing_from_the_file_is_written() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let before = people_count(&server).await;
    let file = format!(
        "{}new.person@demo.test,New Person,social_worker,practitioner,Atlantis,,,\n",
        staff_file()
    );
    let id = uploaded(&server, &admin, "staff", file.as_bytes()).await;
    let dry_run = review(&server, &admin, &id).await;
    assert_eq!(tally(&dry_run), [2, 1, 0, 1], "{dry_run}");
    assert_eq!(dry_run["can_apply"], false);
    let refused = &dry_run["rows"][0];
    assert_eq!(refused["outcome"], "refuse");
    assert_eq!(refused["line"], 5);
    assert!(
        refused["detail"][0]
            .as_str()
            .unwrap()
            .contains("no team called \"Atlantis\"")
    );
    let (status, message) = server
        .call_json(&admin, "imports/apply", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{message}");
    assert_eq!(people_count(&server).await, before);
    assert!(person(&server, "nia.manager@demo.test").await.is_none());
    let priya = person(&server, "practitioner@demo.test").await.unwrap();
    assert_eq!(
        priya.job_title.as_deref(),
        Some("Newly Qualified Social Worker")
    );
}

#[tokio::test]
async fn files_that_cannot_be_read_are_refused_with_a_reason() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("staff", b"email,name\na@demo.test,A\n".to_vec(), "missing columns: career_level, roles"),
        ("staff", [STAFF_HEADER.as_bytes(), b"x@demo.test,Ren\xE9e,social_worker,practitioner,,,,\n"].concat(), "not UTF-8"),
        ("figures", b"team,quarter\nLocality North,2026-Q1\n".to_vec(), "missing columns"),
        ("figures", format!("{FIGURES_HEADER}Locality North,2026-Q1,10,11,2,1,0,1,160,9.5,20\nLocality North,2026-Q1,10,11,2,1,0,1,160,9.5,20\n").into_bytes(), "appears more than once"),
    ];
    for (kind, bytes, expected) in cases {
        let id = uploaded(&server, &admin, kind, &bytes).await;
        let review = review(&server, &admin, &id).await;
        let said = format!("{} {}", review["problem"], review["rows"]);
        assert!(
            said.contains(expected),
            "{kind}: expected {expected:?} in {said}"
        );
        assert_eq!(review["can_apply"], false);
        let (status, _) = server
            .call_json(&admin, "imports/apply", &[("id", &id)])
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{kind} {expected}");
    }
    // No file at all goes back to the upload page with a message.
    let (status, location) = upload(&server, &admin, "staff", b"").await;
    assert_eq!(
        (status, location.as_str()),
        (
            StatusCode::SEE_OTHER,
            "/admin/imports?problem=no_file&kind=staff"
        )
    );
}

async fn dashboard(
    server: &TestServer,
    client: &Browser,
    filter: &[(&str, &str)],
) -> (StatusCode, Value) {
    server
        .call_json(client, "workforce/dashboard", filter)
        .await
}

#[tokio::test]
async fn the_dashboard_adds_teams_up_to_their_service_and_the_council() {
    let server = start().await;
    let leader = server.as_user("leader@demo.test").await;
    let seeded = demo_figures(app::dates::today_uk());
    let latest = seeded.iter().map(|(_, q, _)| *q).max().unwrap();
    let sum = |teams: &[&str]| {
        Counts::sum(
            seeded
                .iter()
                .filter(|(t, q, _)| {
                    *q == latest && (teams.is_empty() || teams.contains(&t.as_str()))
                })
                .map(|(_, _, c)| c),
        )
    };

    let (status, whole) = dashboard(&server, &leader, &[]).await;
    assert_eq!(status, StatusCode::OK, "{whole}");
    assert_eq!(whole["filter"]["period"], latest.key());
    let council = sum(&[]);
    assert_eq!(
        whole["headline"]["counts"]["in_post_fte"],
        council.in_post_fte
    );
    let shown = whole["headline"]["measures"]["vacancy"].as_f64().unwrap();
    assert!((shown - vacancy_rate(&council).unwrap()).abs() < 1e-12);
    assert_eq!(whole["trend"].as_array().unwrap().len(), 8);
    // Every case-holding team reports; the Learning Academy holds no cases and has no figures.
    assert_eq!(
        (
            whole["teams_reporting"].as_u64(),
            whole["teams_in_view"].as_u64()
        ),
        (Some(6), Some(7))
    );

    let (status, localities) = dashboard(
        &server,
        &leader,
        &[
            ("filter[service]", "demo_localities"),
            ("filter[period]", &latest.key()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{localities}");
    let names: Vec<&str> = localities["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Localities", "Locality North", "Locality South"]);
    let service = sum(&["demo_locality_north", "demo_locality_south"]);
    assert_eq!(
        localities["headline"]["counts"]["vacancy_fte"],
        service.vacancy_fte
    );
    assert_eq!(localities["headline"]["counts"]["cases"], service.cases);

    // A quarter that has no figures, or a service that is not one, is a field error.
    let (status, error) = dashboard(&server, &leader, &[("filter[period]", "1999-Q1")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    let (status, _) = dashboard(&server, &leader, &[("filter[service]", "nope")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let csv = leader
        .get(server.url("/export/workforce.csv?service=demo_localities"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let body = csv.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines.len(), 4, "{body}");
    assert!(lines[0].starts_with("Quarter,Service or team,Level,In post (FTE)"));
    assert!(lines[2].contains("Locality North"));
}

#[tokio::test]
async fn a_figures_import_replaces_a_quarter_and_small_groups_keep_their_absence_hidden() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let leader = server.as_user("leader@demo.test").await;
    let latest = demo_figures(app::dates::today_uk())
        .iter()
        .map(|(_, q, _)| *q)
        .max()
        .unwrap();
    // Fostering shrinks to three people: its absence is health information about them.
    let file = format!(
        "{FIGURES_HEADER}Fostering,{},3,3,1,0,0,0,30,3,4.5\n",
        latest.key()
    );
    let id = uploaded(&server, &admin, "figures", file.as_bytes()).await;
    let dry_run = review(&server, &admin, &id).await;
    assert_eq!(tally(&dry_run), [0, 1, 0, 0], "{dry_run}");
    let (status, done) = server
        .call_json(&admin, "imports/apply", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{done}");

    let (_, view) = dashboard(
        &server,
        &leader,
        &[("filter[service]", "demo_fostering_permanence")],
    )
    .await;
    let fostering = view["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Fostering")
        .unwrap();
    assert_eq!(fostering["rolled"]["counts"]["in_post_fte"], 300);
    assert_eq!(fostering["rolled"]["absence_hidden"], true);
    assert_eq!(fostering["rolled"]["measures"]["absence"], Value::Null);
    let csv = leader
        .get(server.url("/export/workforce.csv?service=demo_fostering_permanence"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        csv.lines()
            .all(|l| !l.contains("Fostering,") || l.ends_with("(hidden)")),
        "{csv}"
    );
}

#[tokio::test]
async fn figures_typed_in_are_checked_field_by_field() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let (status, errors) = server
        .call_json(
            &admin,
            "workforce/save",
            &[
                ("team", "demo_duty_advice"),
                ("quarter", "2026-Q2"),
                ("form[in_post_fte]", "lots"),
                ("form[headcount]", "10"),
                ("form[cases]", "3.5"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{errors}");
    let fields = errors.to_string();
    assert!(fields.contains("In-post FTE: enter a number"), "{fields}");
    assert!(
        fields.contains("Cases held: enter a whole number"),
        "{fields}"
    );
    let (status, _) = server
        .call_json(
            &admin,
            "workforce/save",
            &[
                ("team", "demo_duty_advice"),
                ("quarter", "2026-Q2"),
                ("form[in_post_fte]", "12.5"),
                ("form[headcount]", "14"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, editor) = server
        .call_json(
            &admin,
            "workforce/editor",
            &[("team", "demo_duty_advice"), ("quarter", "2026-Q2")],
        )
        .await;
    assert_eq!(editor["form"]["in_post_fte"], "12.5");
    assert_eq!(editor["existing"], true);
}

#[tokio::test]
async fn only_insight_roles_read_the_figures_and_only_admins_import() {
    let server = start().await;
    for email in ["practitioner@demo.test", "supervisor@demo.test"] {
        let client = server.as_user(email).await;
        let (status, _) = dashboard(&server, &client, &[]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email}");
        let csv = client
            .get(server.url("/export/workforce.csv"))
            .send()
            .await
            .unwrap();
        assert_eq!(csv.status(), StatusCode::FORBIDDEN, "{email}");
    }
    let leader = server.as_user("leader@demo.test").await;
    let (status, _) = server.call_json(&leader, "imports/overview", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = upload(&server, &leader, "staff", staff_file().as_bytes()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = server
        .call_json(
            &leader,
            "workforce/save",
            &[("team", "demo_duty_advice"), ("quarter", "2026-Q2")],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Another council's admin cannot read this council's uploads.
    let admin = server.as_user("admin@demo.test").await;
    let id = uploaded(&server, &admin, "staff", staff_file().as_bytes()).await;
    let other = server.as_user("admin@other.test").await;
    let (status, _) = server
        .call_json(&other, "imports/review", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = server
        .call_json(&other, "imports/apply", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let anonymous = server.client();
    let (status, location) = upload(&server, &anonymous, "staff", staff_file().as_bytes()).await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/login?next=/admin/imports")
    );
}
