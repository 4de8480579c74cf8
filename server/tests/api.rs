//! Server functions over HTTP against a real (in-memory) SurrealDB: who may call what.

mod common;

use common::{DEMO_PASSWORD, json, start};
use reqwest::StatusCode;

#[tokio::test]
async fn health_reports_database_and_schema_version() {
    let server = start().await;
    let (status, body) = json(
        server
            .client()
            .get(server.url("/healthz"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["db"], "ok");
    assert_eq!(body["schema_version"], app::db::LATEST_SCHEMA_VERSION);
}

#[tokio::test]
async fn anonymous_callers_get_401() {
    let server = start().await;
    let client = server.client();
    for function in [
        "people/list_people",
        "people/my_profile",
        "people/list_teams",
        "people/my_supervisees",
    ] {
        let response = server
            .call(
                &client,
                function,
                &[
                    ("query", ""),
                    ("page", "1"),
                    ("include_inactive", "false"),
                    ("include_archived", "false"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{function}");
    }
    let (status, body) = json(server.call(&client, "auth/current_viewer", &[]).await).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.is_null(), "a visitor is nobody: {body}");
}

#[tokio::test]
async fn each_role_reaches_only_what_it_may() {
    let server = start().await;
    let list = [("query", ""), ("page", "1"), ("include_inactive", "false")];
    let cases = [
        (
            "practitioner@demo.test",
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
        ),
        (
            "supervisor@demo.test",
            StatusCode::FORBIDDEN,
            StatusCode::OK,
            StatusCode::FORBIDDEN,
        ),
        (
            "learning.lead@demo.test",
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
            StatusCode::OK,
        ),
        (
            "leader@demo.test",
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
            StatusCode::OK,
        ),
        (
            "admin@demo.test",
            StatusCode::OK,
            StatusCode::FORBIDDEN,
            StatusCode::OK,
        ),
    ];
    for (email, people, team, overview) in cases {
        let client = server.as_user(email).await;
        let got = server
            .call(&client, "people/list_people", &list)
            .await
            .status();
        assert_eq!(got, people, "{email} list_people");
        let got = server
            .call(&client, "people/my_supervisees", &[])
            .await
            .status();
        assert_eq!(got, team, "{email} my_supervisees");
        let got = server
            .call(&client, "people/council_overview", &[])
            .await
            .status();
        assert_eq!(got, overview, "{email} council_overview");
        let got = server
            .call(&client, "people/my_profile", &[])
            .await
            .status();
        assert_eq!(got, StatusCode::OK, "{email} my_profile");
    }
}

#[tokio::test]
async fn the_supervisor_sees_the_practitioner_in_their_team() {
    let server = start().await;
    let client = server.as_user("supervisor@demo.test").await;
    let (status, body) = json(server.call(&client, "people/my_supervisees", &[]).await).await;
    assert_eq!(status, StatusCode::OK);
    let emails: Vec<&str> = body
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["email"].as_str().unwrap())
        .collect();
    assert!(emails.contains(&"practitioner@demo.test"), "{emails:?}");
    assert!(
        !emails.contains(&"fatima.hussain@demo.test"),
        "another manager's report leaked"
    );
}

#[tokio::test]
async fn admins_list_search_and_page_people_of_their_council_only() {
    let server = start().await;
    let client = server.as_user("admin@demo.test").await;
    let (status, body) = json(
        server
            .call(
                &client,
                "people/list_people",
                &[("query", ""), ("page", "1"), ("include_inactive", "false")],
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 39, "40 demo people, one of them deactivated");
    assert_eq!(body["items"].as_array().unwrap().len(), 25);
    let all = serde_json::to_string(&body).unwrap();
    assert!(
        !all.contains("other.test"),
        "another council's person leaked"
    );

    let (_, page2) = json(
        server
            .call(
                &client,
                "people/list_people",
                &[("query", ""), ("page", "2"), ("include_inactive", "true")],
            )
            .await,
    )
    .await;
    assert_eq!(page2["total"], 40);
    assert_eq!(page2["items"].as_array().unwrap().len(), 15);

    let (_, found) = json(
        server
            .call(
                &client,
                "people/list_people",
                &[
                    ("query", "OKAFOR"),
                    ("page", "1"),
                    ("include_inactive", "false"),
                ],
            )
            .await,
    )
    .await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["email"], "supervisor@demo.test");
}

#[tokio::test]
async fn another_councils_records_are_not_found() {
    let server = start().await;
    let client = server.as_user("admin@demo.test").await;
    let response = server
        .call(&client, "people/get_person", &[("id", "other_admin")])
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = server
        .call(
            &client,
            "people/set_person_active",
            &[("id", "other_admin"), ("active", "false")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = server
        .call(
            &client,
            "people/save_team",
            &[("id", "other_team"), ("name", "Taken over")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // And the other council's admin cannot see ours.
    let other = server.as_user("admin@other.test").await;
    let response = server
        .call(&other, "people/get_person", &[("id", "demo_practitioner")])
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn odd_ids_are_not_found_rather_than_errors() {
    let server = start().await;
    let client = server.as_user("admin@demo.test").await;
    for id in ["", "x' OR 1=1 --", "person:demo_admin", &"a".repeat(500)] {
        let response = server
            .call(&client, "people/get_person", &[("id", id)])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{id:?}");
    }
}

#[tokio::test]
async fn an_admin_creates_a_person_who_can_sign_in() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let form = [
        ("form[name]", "Jo Newcombe"),
        ("form[email]", "Jo.Newcombe@demo.test"),
        ("form[career_level]", "social_worker"),
        ("form[team_id]", "demo_locality_north"),
        ("form[line_manager_id]", "demo_supervisor"),
        ("form[password]", "river copper meadow"),
        ("form[role_practitioner]", "on"),
    ];
    let (status, body) = json(server.call(&admin, "people/save_person", &form).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id = body.as_str().unwrap().to_string();

    let newcomer = server.client();
    let response = server
        .sign_in(&newcomer, "jo.newcombe@demo.test", "river copper meadow")
        .await;
    assert!(response.status().is_success(), "{}", response.status());
    let (_, me) = json(server.call(&newcomer, "auth/current_viewer", &[]).await).await;
    assert_eq!(me["id"], id.as_str());
    assert_eq!(me["roles"], serde_json::json!(["practitioner"]));

    let (_, audit) = json(
        server
            .call(&admin, "people/get_person", &[("id", &id)])
            .await,
    )
    .await;
    assert_eq!(audit["line_manager_id"], "demo_supervisor");
    let mut response = server
        .state
        .db
        .query("SELECT VALUE action FROM audit WHERE subject = $subject")
        .bind(("subject", format!("person:{id}")))
        .await
        .unwrap();
    let actions: Vec<String> = response.take(0).unwrap();
    assert_eq!(actions, vec!["person.created".to_string()]);
}

#[tokio::test]
async fn person_form_errors_are_per_field() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let form = [
        ("form[name]", ""),
        ("form[email]", "practitioner@demo.test"),
        ("form[career_level]", "wizard"),
        ("form[team_id]", "other_team"),
        ("form[password]", "password1234"),
    ];
    let (status, body) = json(server.call(&admin, "people/save_person", &form).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &body["Validation"];
    for field in ["name", "roles", "career_level", "password"] {
        assert!(fields[field].is_string(), "no message for {field}: {body}");
    }

    // References and uniqueness are checked once the fields themselves are sound.
    let form = [
        ("form[name]", "Dup Licate"),
        ("form[email]", "practitioner@demo.test"),
        ("form[career_level]", "social_worker"),
        ("form[team_id]", "other_team"),
        ("form[password]", "river copper meadow"),
        ("form[role_practitioner]", "on"),
    ];
    let (status, body) = json(server.call(&admin, "people/save_person", &form).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["Validation"]["email"]
            .as_str()
            .unwrap()
            .contains("already"),
        "{body}"
    );
    assert!(body["Validation"]["team_id"].is_string(), "{body}");
}

#[tokio::test]
async fn role_changes_are_audited() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let form = [
        ("id", "ln_1"),
        ("form[name]", "Aisha Begum"),
        ("form[email]", "aisha.begum@demo.test"),
        ("form[career_level]", "social_worker"),
        ("form[role_practitioner]", "on"),
        ("form[role_supervisor]", "on"),
    ];
    let response = server.call(&admin, "people/save_person", &form).await;
    assert_eq!(response.status(), StatusCode::OK);
    use surrealdb::types::SurrealValue;
    #[derive(SurrealValue)]
    struct Entry {
        action: String,
        detail: String,
        actor: String,
    }
    let mut response = server
        .state
        .db
        .query("SELECT action, detail, record::id(actor) AS actor FROM audit WHERE subject = 'person:ln_1'")
        .await
        .unwrap();
    let rows: Vec<Entry> = response.take(0).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].action, "person.roles_changed");
    assert_eq!(rows[0].actor, "demo_admin");
    assert!(rows[0].detail.contains("supervisor"));
}

#[tokio::test]
async fn deactivating_someone_ends_their_sessions_and_sign_in() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let worker = server.as_user("aisha.begum@demo.test").await;
    let (_, me) = json(server.call(&worker, "auth/current_viewer", &[]).await).await;
    assert_eq!(me["email"], "aisha.begum@demo.test");

    let response = server
        .call(
            &admin,
            "people/set_person_active",
            &[("id", "ln_1"), ("active", "false")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let (_, me) = json(server.call(&worker, "auth/current_viewer", &[]).await).await;
    assert!(me.is_null(), "session survived deactivation: {me}");
    let response = server
        .sign_in(&server.client(), "aisha.begum@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let response = server
        .call(
            &admin,
            "people/set_person_active",
            &[("id", "demo_admin"), ("active", "false")],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::CONFLICT,
        "an admin cannot lock themselves out"
    );
}

#[tokio::test]
async fn teams_are_created_moved_and_archived_within_two_levels() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let response = server
        .call(
            &admin,
            "people/save_team",
            &[("name", "Locality East"), ("parent_id", "demo_localities")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, teams) = json(
        server
            .call(
                &admin,
                "people/list_teams",
                &[("include_archived", "false")],
            )
            .await,
    )
    .await;
    let east = teams
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Locality East")
        .unwrap();
    assert_eq!(east["parent_id"], "demo_localities");
    let east_id = east["id"].as_str().unwrap().to_string();

    // A team cannot go inside a team.
    let (status, body) = json(
        server
            .call(
                &admin,
                "people/save_team",
                &[
                    ("id", &east_id),
                    ("name", "Locality East"),
                    ("parent_id", "demo_locality_north"),
                ],
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"]["parent_id"].is_string());

    // Duplicate sibling names are refused.
    let (status, _) = json(
        server
            .call(
                &admin,
                "people/save_team",
                &[("name", "locality north"), ("parent_id", "demo_localities")],
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let response = server
        .call(
            &admin,
            "people/save_team",
            &[
                ("id", &east_id),
                ("name", "Locality East"),
                ("parent_id", "demo_localities"),
                ("archived", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, teams) = json(
        server
            .call(
                &admin,
                "people/list_teams",
                &[("include_archived", "false")],
            )
            .await,
    )
    .await;
    assert!(
        !teams
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == east_id.as_str())
    );
}

#[tokio::test]
async fn an_admin_sets_a_forgotten_password_and_old_sessions_end() {
    let server = start().await;
    let admin = server.as_user("admin@demo.test").await;
    let worker = server.as_user("callum.reid@demo.test").await;

    let (status, body) = json(
        server
            .call(
                &admin,
                "people/set_password",
                &[("id", "ln_2"), ("new_password", "short")],
            )
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"]["new_password"].is_string(), "{body}");

    let response = server
        .call(
            &admin,
            "people/set_password",
            &[("id", "ln_2"), ("new_password", "harbour willow ember")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let (_, me) = json(server.call(&worker, "auth/current_viewer", &[]).await).await;
    assert!(me.is_null(), "the old session must end: {me}");
    let old = server
        .sign_in(&server.client(), "callum.reid@demo.test", DEMO_PASSWORD)
        .await;
    assert_eq!(old.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let new = server
        .sign_in(
            &server.client(),
            "callum.reid@demo.test",
            "harbour willow ember",
        )
        .await;
    assert_eq!(new.status(), StatusCode::OK);

    // Only admins, only in their own council, and not for themselves.
    let practitioner = server.as_user("practitioner@demo.test").await;
    let response = server
        .call(
            &practitioner,
            "people/set_password",
            &[("id", "ln_2"), ("new_password", "harbour willow ember")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = server
        .call(
            &admin,
            "people/set_password",
            &[
                ("id", "other_admin"),
                ("new_password", "harbour willow ember"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = server
        .call(
            &admin,
            "people/set_password",
            &[
                ("id", "demo_admin"),
                ("new_password", "harbour willow ember"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
}

/// Every server function answers at a name fixed in the source (`/api/<area>/<name>`), never
/// one derived from a build hash, so app servers of the same version behind one load balancer
/// all take the same requests, and a browser's page keeps working across a rolling restart.
#[test]
fn every_server_function_has_a_fixed_endpoint() {
    let paths: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_string())
        .collect();
    assert!(paths.len() >= 100, "{} server functions", paths.len());
    for path in &paths {
        let rest = path.strip_prefix("/api/").unwrap_or_default();
        let parts: Vec<&str> = rest.split('/').collect();
        assert!(
            parts.len() == 2
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '_')),
            "{path} is not a fixed /api/<area>/<name> endpoint"
        );
    }
}

#[tokio::test]
async fn pages_travel_compressed_when_the_browser_asks() {
    let server = start().await;
    let client = server.client();
    let plain = client.get(server.url("/login")).send().await.unwrap();
    assert_eq!(plain.status(), StatusCode::OK);
    assert!(plain.headers().get("content-encoding").is_none());
    let plain_len = plain.bytes().await.unwrap().len();
    let squeezed = client
        .get(server.url("/login"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(squeezed.status(), StatusCode::OK);
    assert_eq!(squeezed.headers()["content-encoding"], "br");
    let squeezed_len = squeezed.bytes().await.unwrap().len();
    assert!(
        squeezed_len * 2 < plain_len,
        "{squeezed_len} bytes compressed from {plain_len}"
    );
}
