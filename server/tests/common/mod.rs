//! A real server on an in-memory SurrealDB (or, when `PATHWAY_TEST_DB_URL` names one, a
//! SurrealDB server), reached over HTTP like a browser would.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::db::{self, DbSettings};
use app::seed::seed_demo;
use app::state::{AppState, AuthSettings};
use reqwest::{Client, RequestBuilder, Response, StatusCode};
use serde_json::Value;

pub const DEMO_PASSWORD: &str = "pathway-demo";

/// Settings for a fresh, empty database. In memory by default; when `PATHWAY_TEST_DB_URL`
/// names a SurrealDB server (`ws://127.0.0.1:8000`, as `.ci/surreal-server` starts), a new
/// database of its own in the test namespace, so concurrent tests never share records.
/// The server user is a namespace EDITOR (`PATHWAY_TEST_DB_USER` / `_PASSWORD`): it may make
/// databases in that namespace and nothing else.
pub fn test_db_settings() -> DbSettings {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let Ok(url) = std::env::var("PATHWAY_TEST_DB_URL") else {
        return DbSettings::memory();
    };
    if url.trim().is_empty() {
        return DbSettings::memory();
    }
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_micros();
    DbSettings {
        url,
        namespace: std::env::var("PATHWAY_TEST_DB_NAMESPACE").unwrap_or("pathway_test".into()),
        database: format!(
            "t{}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed),
            started
        ),
        username: std::env::var("PATHWAY_TEST_DB_USER").ok(),
        password: std::env::var("PATHWAY_TEST_DB_PASSWORD").ok(),
        auth: db::DbAuth::Namespace,
    }
}

/// A fresh, empty database (see [`test_db_settings`]).
pub async fn fresh_db() -> db::Db {
    let settings = test_db_settings();
    db::connect(&settings)
        .await
        .unwrap_or_else(|error| panic!("test database at {}: {error}", settings.url))
}

pub struct TestServer {
    pub base: String,
    pub state: AppState,
}

/// The server's default, so the tests read dashboards the way people do.
pub const DASHBOARD_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(60);

pub async fn start() -> TestServer {
    start_with(AuthSettings::default()).await
}

pub async fn start_with(auth: AuthSettings) -> TestServer {
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter("warn")
        .try_init();
    let db = fresh_db().await;
    db::migrate(&db).await.expect("migrations apply");
    seed_demo(&db, DEMO_PASSWORD).await.expect("demo seed");
    seed_other_council(&db).await;
    let state = AppState {
        db,
        auth: Arc::new(auth),
        insight_max_age: DASHBOARD_MAX_AGE,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let options = server::leptos_options("target/site", addr);
    let router = server::router(state.clone(), options);
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .expect("server runs");
    });
    TestServer {
        base: format!("http://{addr}"),
        state,
    }
}

/// A second council with one admin, to prove one council never sees another's records.
async fn seed_other_council(db: &db::Db) {
    let hash = app::auth::password::hash_password(DEMO_PASSWORD.into())
        .await
        .unwrap();
    db.query(
        "CREATE org:other SET name = 'Other Council', slug = 'other';
         CREATE team:other_team SET org = org:other, name = 'Other Team', kind = 'service';
         CREATE person:other_admin SET org = org:other, name = 'Olga Other',
            email = 'admin@other.test', roles = ['admin'], career_level = 'not_social_work',
            active = true, password_hash = $hash, team = team:other_team;",
    )
    .bind(("hash", hash))
    .await
    .unwrap()
    .check()
    .unwrap();
}

/// A client that keeps the session cookie like a browser. (reqwest's own cookie store is not
/// used: its public-suffix dependency changes `idna`'s features, which would make the test
/// build recompile all of SurrealDB a second time.)
#[derive(Clone)]
pub struct Browser {
    http: Client,
    cookie: Arc<Mutex<Option<String>>>,
}

pub struct Request<'a> {
    browser: &'a Browser,
    inner: RequestBuilder,
}

impl Browser {
    pub fn new() -> Self {
        Browser {
            http: Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap(),
            cookie: Arc::default(),
        }
    }

    fn wrap(&self, inner: RequestBuilder) -> Request<'_> {
        let inner = match self.cookie.lock().unwrap().as_deref() {
            Some(cookie) => inner.header("cookie", cookie),
            None => inner,
        };
        Request {
            browser: self,
            inner,
        }
    }

    pub fn get(&self, url: impl AsRef<str>) -> Request<'_> {
        self.wrap(self.http.get(url.as_ref()))
    }

    pub fn post(&self, url: impl AsRef<str>) -> Request<'_> {
        self.wrap(self.http.post(url.as_ref()))
    }

    fn remember(&self, response: &Response) {
        for value in response.headers().get_all("set-cookie") {
            let Ok(value) = value.to_str() else { continue };
            let pair = value.split(';').next().unwrap_or("").trim().to_string();
            let cleared = value.to_ascii_lowercase().contains("max-age=0");
            *self.cookie.lock().unwrap() = (!cleared).then_some(pair);
        }
    }
}

impl Request<'_> {
    pub fn header(mut self, name: &str, value: impl AsRef<str>) -> Self {
        self.inner = self.inner.header(name, value.as_ref());
        self
    }

    pub fn form<T: serde::Serialize + ?Sized>(mut self, form: &T) -> Self {
        self.inner = self.inner.form(form);
        self
    }

    pub fn body(mut self, body: Vec<u8>) -> Self {
        self.inner = self.inner.body(body);
        self
    }

    pub async fn send(self) -> reqwest::Result<Response> {
        let response = self.inner.send().await?;
        self.browser.remember(&response);
        Ok(response)
    }
}

impl TestServer {
    pub fn client(&self) -> Browser {
        Browser::new()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Calls a server function with form fields, as the hydrated app does.
    pub async fn call(&self, client: &Browser, function: &str, form: &[(&str, &str)]) -> Response {
        client
            .post(self.url(&format!("/api/{function}")))
            .form(form)
            .send()
            .await
            .expect("request sent")
    }

    /// Calls a server function and reads its status and JSON answer.
    pub async fn call_json(
        &self,
        client: &Browser,
        function: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        json(self.call(client, function, form).await).await
    }

    pub async fn sign_in(&self, client: &Browser, email: &str, password: &str) -> Response {
        self.call(
            client,
            "auth/sign_in",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// A client signed in as `email` with the demo password.
    pub async fn as_user(&self, email: &str) -> Browser {
        let client = self.client();
        let response = self.sign_in(&client, email, DEMO_PASSWORD).await;
        assert!(
            response.status().is_success() || response.status().is_redirection(),
            "sign-in as {email} failed: {}",
            response.status()
        );
        client
    }
}

/// The `name=value` pair of the session cookie a response sets.
pub fn session_cookie(response: &Response) -> String {
    let header = response
        .headers()
        .get("set-cookie")
        .expect("a Set-Cookie header");
    let header = header.to_str().expect("an ASCII cookie");
    header.split(';').next().unwrap_or_default().to_string()
}

pub async fn json(response: Response) -> (StatusCode, Value) {
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, value)
}
