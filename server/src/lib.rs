//! The Pathway server: configuration, database start-up, the router and its guards.

pub mod assets;
pub mod config;
pub mod generate;
pub mod guard;

use std::net::SocketAddr;
use std::sync::Arc;

use app::db::{self, Db};
use app::state::{AppState, AuthSettings, provide_request_context};
use app::{App, shell};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router, middleware};
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::CompressionLevel;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};

/// Options for the Leptos side: where the built site lives.
pub fn leptos_options(site_root: &str, addr: SocketAddr) -> LeptosOptions {
    let env = match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("PROD") | Ok("prod") | Ok("production") => leptos::config::Env::PROD,
        _ => leptos::config::Env::DEV,
    };
    LeptosOptions::builder()
        .output_name("pathway")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .env(env)
        .build()
}

/// The whole app: pages, server functions, static files, health check and guards.
pub fn router(state: AppState, options: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let fallback_state = state.clone();
    let health = Router::new()
        .route("/healthz", get(health))
        .with_state(state.db.clone());
    let exports = Router::new()
        .route("/export/cpd.csv", get(app::export::cpd_csv))
        .route("/export/asye-cohort.csv", get(app::export::asye_cohort_csv))
        .route(
            "/export/surveys/{id}/results.csv",
            get(app::surveys::export::results_csv),
        )
        .route(
            "/export/surveys/{id}/answers.csv",
            get(app::surveys::export::answers_csv),
        )
        .route(
            "/admin/imports/upload",
            axum::routing::post(app::imports::upload::upload)
                .layer(app::imports::upload::body_limit()),
        )
        .route(
            "/admin/imports/template/{name}",
            get(app::imports::upload::template),
        )
        .route("/export/insight.csv", get(app::insight::export::leader_csv))
        .route(
            "/export/insight-learning.csv",
            get(app::insight::export::learning_csv),
        )
        .route("/export/team.csv", get(app::export::team_csv))
        .route(
            "/export/workforce.csv",
            get(app::workforce::export::breakdown_csv),
        )
        .route(
            "/export/workforce-trend.csv",
            get(app::workforce::export::trend_csv),
        )
        .route(
            "/events/{id}/calendar.ics",
            get(app::export::event_calendar),
        )
        .with_state(state.clone());
    let pkg = assets::pkg_service(&options.site_root);
    Router::new()
        .nest_service("/pkg", pkg)
        .leptos_routes_with_context(
            &options,
            routes,
            move || provide_request_context(&context_state),
            {
                let options = options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler_with_context(
            move || provide_request_context(&fallback_state),
            shell,
        ))
        .with_state(options)
        .merge(health)
        .merge(exports)
        .layer(middleware::from_fn(guard::refuse_cross_site))
        .layer(middleware::from_fn(guard::security_headers))
        // Pages and server function answers travel compressed when the browser asks; a
        // middling level keeps the cost of a page well under a millisecond. The wasm is
        // compressed once ahead of time (assets), never here.
        .layer(
            CompressionLayer::new()
                .br(true)
                .gzip(true)
                .quality(CompressionLevel::Precise(5))
                .compress_when(
                    DefaultPredicate::new().and(NotForContentType::const_new("application/wasm")),
                ),
        )
        .layer(CatchPanicLayer::custom(guard::panic_response))
}

async fn health(State(db): State<Db>) -> impl IntoResponse {
    let ok = db::ping(&db).await;
    let version = if ok {
        db::schema_version(&db).await.ok()
    } else {
        None
    };
    match version {
        Some(version) => (
            StatusCode::OK,
            Json(serde_json::json!({"status": "ok", "db": "ok", "schema_version": version})),
        ),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"status": "unavailable", "db": "unreachable"})),
        ),
    }
}

/// Connects, migrates and returns the shared state.
pub async fn start_state(
    settings: &db::DbSettings,
    auth: AuthSettings,
    insight_max_age: std::time::Duration,
) -> Result<AppState, Box<dyn std::error::Error + Send + Sync>> {
    let db = db::connect(settings).await?;
    db::migrate(&db).await?;
    Ok(AppState {
        db,
        auth: Arc::new(auth),
        insight_max_age,
    })
}

/// Sends event reminders, survey openings and survey reminders every few minutes for as long as the server runs. A failed round is
/// logged and the next one tries again; each reminder is sent once however often this runs.
pub fn spawn_reminders(db: Db) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(300));
        loop {
            every.tick().await;
            match app::academy::event_store::send_reminders(&db, time::OffsetDateTime::now_utc())
                .await
            {
                Ok(0) => {}
                Ok(sent) => tracing::info!(sent, "event reminders sent"),
                Err(error) => tracing::warn!(%error, "event reminders failed"),
            }
            let today = app::dates::today_uk();
            match app::surveys::store::announce(&db, &app::dates::iso(today)).await {
                Ok(0) => {}
                Ok(sent) => tracing::info!(sent, "survey openings announced"),
                Err(error) => tracing::warn!(%error, "survey announcements failed"),
            }
            match app::surveys::store::remind(&db, today).await {
                Ok(0) => {}
                Ok(sent) => tracing::info!(sent, "survey reminders sent"),
                Err(error) => tracing::warn!(%error, "survey reminders failed"),
            }
        }
    });
}

/// Loads every council's library catalogue in the background at start, so the first search
/// on this server does not wait for it. A council that fails is loaded by its first search.
pub fn spawn_catalogue_warm_up(db: Db) {
    tokio::spawn(async move {
        let orgs = match app::people::store::org_keys(&db).await {
            Ok(orgs) => orgs,
            Err(error) => {
                tracing::warn!(%error, "could not list councils to warm the library");
                return;
            }
        };
        for org in orgs {
            let started = std::time::Instant::now();
            match app::academy::library_store::warm_catalogue(&db, &org).await {
                Ok(resources) => tracing::info!(
                    %org,
                    resources,
                    ms = started.elapsed().as_millis() as u64,
                    "library catalogue loaded"
                ),
                Err(error) => tracing::warn!(%org, %error, "library catalogue not loaded"),
            }
        }
    });
}
