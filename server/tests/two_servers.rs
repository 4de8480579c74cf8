//! Two app servers (two processes of the real binary) on one SurrealDB server serve the same
//! people, with requests going to each in turn: a session made on one works on the other, a
//! sign-out on one ends it on both, failed sign-ins count across both, a resource saved on one
//! is found by a search on the other, and the server functions answer at the same URLs.
//! The binaries sign in as a database-level EDITOR, which is refused anything beyond its
//! database.
//!
//! Runs when `PATHWAY_TEST_DB_URL` names a SurrealDB server (`.ci/test-on-server` starts one);
//! embedded, a database belongs to one process and there is nothing to share.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use app::db::{self, DbAuth, DbSettings};
use common::{Browser, DEMO_PASSWORD, json};
use reqwest::StatusCode;

const APP_USER: &str = "pathway_app";
const APP_PASSWORD: &str = "app-password-for-this-test";

/// A child process that is killed when the test ends, however it ends.
struct AppServer {
    child: Child,
    base: String,
}

impl Drop for AppServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

async fn spawn_app(settings: &DbSettings) -> AppServer {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_pathway"))
        .arg("serve")
        .env("PATHWAY_ADDR", format!("127.0.0.1:{port}"))
        .env("PATHWAY_DB_URL", &settings.url)
        .env("PATHWAY_DB_NAMESPACE", &settings.namespace)
        .env("PATHWAY_DB_DATABASE", &settings.database)
        .env("PATHWAY_DB_USER", APP_USER)
        .env("PATHWAY_DB_PASSWORD", APP_PASSWORD)
        .env("PATHWAY_DB_AUTH", "database")
        .env("PATHWAY_DEMO_PASSWORD", DEMO_PASSWORD)
        .env("LEPTOS_SITE_ROOT", "target/site")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the pathway binary starts");
    let server = AppServer {
        child,
        base: format!("http://127.0.0.1:{port}"),
    };
    let http = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        if let Ok(response) = http.get(format!("{}/healthz", server.base)).send().await
            && response.status() == StatusCode::OK
        {
            return server;
        }
        assert!(
            Instant::now() < deadline,
            "the app server on {} did not become healthy",
            server.base
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Sends each request to the next server in turn, as a round-robin load balancer does.
struct RoundRobin<'a> {
    servers: [&'a AppServer; 2],
    next: std::cell::Cell<usize>,
}

impl RoundRobin<'_> {
    fn base(&self) -> &str {
        let i = self.next.get();
        self.next.set(i + 1);
        &self.servers[i % 2].base
    }

    async fn call(
        &self,
        client: &Browser,
        function: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, serde_json::Value) {
        let url = format!("{}/api/{function}", self.base());
        json(client.post(url).form(form).send().await.unwrap()).await
    }

    async fn page(&self, client: &Browser, path: &str) -> (StatusCode, String) {
        let url = format!("{}{path}", self.base());
        let response = client.get(url).send().await.unwrap();
        (response.status(), response.text().await.unwrap())
    }
}

#[tokio::test]
async fn two_app_servers_on_one_database_server_serve_the_same_people() {
    let admin = common::test_db_settings();
    if admin.url.starts_with("mem://") {
        eprintln!("skipped: set PATHWAY_TEST_DB_URL to a SurrealDB server (.ci/test-on-server)");
        return;
    }
    // The test's namespace owner makes a database and the app's user in it, as a deployment's
    // administrator would; the app servers never see these credentials.
    let owner = db::connect(&admin).await.unwrap();
    owner
        .query(format!(
            "DEFINE DATABASE IF NOT EXISTS {db};
             DEFINE USER {APP_USER} ON DATABASE PASSWORD '{APP_PASSWORD}' ROLES EDITOR;",
            db = admin.database
        ))
        .await
        .unwrap()
        .check()
        .unwrap();

    // One at a time, as a rolling start does: the first migrates and seeds, the second finds
    // both done.
    let a = spawn_app(&admin).await;
    let b = spawn_app(&admin).await;
    let lb = RoundRobin {
        servers: [&a, &b],
        next: std::cell::Cell::new(0),
    };

    // Signed in on one, the same cookie is a session on the other.
    let priya = Browser::new();
    let signed_in = priya
        .post(format!("{}/api/auth/sign_in", lb.base()))
        .form(&[
            ("email", "practitioner@demo.test"),
            ("password", DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::OK);
    let cookie = common::session_cookie(&signed_in);
    for _ in 0..4 {
        let (status, html) = lb.page(&priya, "/pathway").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Priya Shah"), "signed in on both servers");
        let (status, me) = lb.call(&priya, "auth/current_viewer", &[]).await;
        assert_eq!(status, StatusCode::OK, "{me}");
        assert!(me.to_string().contains("Priya Shah"), "{me}");
    }

    // A resource saved on one server is found by a search on the other at once.
    let helen = Browser::new();
    let (status, _) = lb
        .call(
            &helen,
            "auth/sign_in",
            &[
                ("email", "learning.lead@demo.test"),
                ("password", DEMO_PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, id) = lb
        .call(
            &helen,
            "academy/save_resource",
            &[
                ("form[title]", "Zephyrology for duty teams"),
                ("form[summary]", "A draft about zephyrology."),
                ("form[body]", "# Zephyrology\n\nDraft text."),
                ("form[kind]", "guide"),
                ("form[tags]", "Duty"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    for _ in 0..2 {
        let (status, results) = lb
            .call(
                &helen,
                "academy/search_library",
                &[("query[q]", "zephyrology"), ("query[status]", "draft")],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{results}");
        assert_eq!(results["total"], 1, "found on both servers: {results}");
    }

    // Failed sign-ins are counted in the database, so spreading them over both servers does
    // not double the attempts an attacker gets.
    let attacker = Browser::new();
    for _ in 0..5 {
        let (status, _) = lb
            .call(
                &attacker,
                "auth/sign_in",
                &[
                    ("email", "leader@demo.test"),
                    ("password", "wrong wrong wrong"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    for _ in 0..2 {
        let (status, _) = lb
            .call(
                &attacker,
                "auth/sign_in",
                &[("email", "leader@demo.test"), ("password", DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "locked on both");
    }

    // Signing out on one ends the session on both.
    let (status, _) = lb.call(&priya, "auth/sign_out", &[]).await;
    assert!(status.is_success() || status.is_redirection());
    let thief = reqwest::Client::new();
    for server in [&a, &b] {
        let response = thief
            .post(format!("{}/api/progression/my_pathway", server.base))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "the old cookie is refused on {}",
            server.base
        );
    }

    // The app's own credentials reach its database and nothing beyond it.
    let app_user = db::connect(&DbSettings {
        username: Some(APP_USER.into()),
        password: Some(APP_PASSWORD.into()),
        auth: DbAuth::Database,
        ..admin.clone()
    })
    .await
    .unwrap();
    let refused = [
        "DEFINE USER intruder ON DATABASE PASSWORD 'x' ROLES OWNER",
        "DEFINE USER intruder ON NAMESPACE PASSWORD 'x' ROLES OWNER",
        "DEFINE DATABASE elsewhere",
        "INFO FOR NS",
    ];
    for statement in refused {
        let result = app_user.query(statement).await.and_then(|r| r.check());
        assert!(result.is_err(), "the app user may not run {statement}");
    }
    let mut count = app_user
        .query("RETURN count(SELECT VALUE id FROM person)")
        .await
        .unwrap()
        .check()
        .unwrap();
    let people: Option<i64> = count.take(0).unwrap();
    assert!(people.unwrap_or(0) >= 40, "but it can use its own tables");
}
