//! The benchmark suite's own programs; `.ci/bench` runs them (see there for the whole suite).
//!
//!   bench ceiling --addr 127.0.0.1:PORT --dir DIR    a bare axum server returning each file in
//!                                                    DIR at /NAME: the ceiling for page figures
//!   bench queries --db surrealkv://PATH --out FILE   the hot functions' own store calls in process,
//!                                                    and survey results beside GROUP BY scans
//!   bench functions --base URL --out FILE            the same functions over HTTP, signed in
//!
//! `queries` runs first, on the generated region with no server holding the files; it also
//! opens a survey wave for `functions` to answer (a generated region has only closed waves).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::academy::search::LibraryQuery;
use app::db::{self, Db, DbSettings};
use app::portfolio::model::EvidenceForm;
use app::surveys::answers::{Answer, Given};
use clap::{Parser, Subcommand};
use serde_json::{Value, json};
use surrealdb::types::SurrealValue;

/// The same allocator as the server, so the in-process figures are comparable.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The council the figures are read in: the first generated one, whose latest staff survey
/// wave has the big response count.
const ORG: &str = "r1";
const OPEN_WAVE: &str = "bench_open";
const PASSWORD: &str = "pathway-demo";

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Ceiling {
        #[arg(long)]
        addr: SocketAddr,
        #[arg(long)]
        dir: std::path::PathBuf,
    },
    Queries {
        #[arg(long)]
        db: String,
        #[arg(long)]
        out: std::path::PathBuf,
        #[arg(long, default_value_t = 200)]
        samples: usize,
        /// Which run of several this is: each run's writes are made by different people.
        #[arg(long, default_value_t = 0)]
        run: usize,
    },
    Functions {
        #[arg(long)]
        base: String,
        #[arg(long)]
        out: std::path::PathBuf,
        #[arg(long, default_value_t = 200)]
        samples: usize,
        #[arg(long, default_value_t = 0)]
        run: usize,
    },
}

#[tokio::main]
async fn main() {
    match Cli::parse().command {
        Command::Ceiling { addr, dir } => ceiling(addr, dir).await,
        Command::Queries {
            db,
            out,
            samples,
            run,
        } => {
            let figures = queries(&db, samples, run).await;
            write(&out, figures);
        }
        Command::Functions {
            base,
            out,
            samples,
            run,
        } => {
            let figures = functions(&base, samples, run).await;
            write(&out, figures);
        }
    }
}

fn write(path: &std::path::Path, value: Value) {
    std::fs::write(path, serde_json::to_string_pretty(&value).unwrap()).expect("write figures");
}

// --- the ceiling ---------------------------------------------------------------------------

async fn ceiling(addr: SocketAddr, dir: std::path::PathBuf) {
    use axum::extract::{Path, State};
    use axum::http::{StatusCode, header};
    use axum::response::IntoResponse;

    let mut files: HashMap<String, axum::body::Bytes> = HashMap::new();
    for entry in std::fs::read_dir(&dir).expect("page folder") {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        files.insert(name, std::fs::read(entry.path()).unwrap().into());
    }
    let files = Arc::new(files);
    async fn serve(
        State(files): State<Arc<HashMap<String, axum::body::Bytes>>>,
        Path(name): Path<String>,
    ) -> axum::response::Response {
        match files.get(&name) {
            Some(bytes) => (
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                bytes.clone(),
            )
                .into_response(),
            None => StatusCode::NOT_FOUND.into_response(),
        }
    }
    let router = axum::Router::new()
        .route("/{name}", axum::routing::get(serve).post(serve))
        .with_state(files);
    let listener = tokio::net::TcpListener::bind(addr).await.expect("bind");
    axum::serve(listener, router).await.expect("serve");
}

// --- figures -------------------------------------------------------------------------------

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and 99th percentile, in milliseconds.
fn figures(mut times: Vec<Duration>) -> Value {
    times.sort();
    let at = |p: usize| times[((times.len() * p).div_ceil(100)).clamp(1, times.len()) - 1];
    json!({"p50_ms": ms(at(50)), "p99_ms": ms(at(99)), "samples": times.len()})
}

async fn timed<F, Fut, T>(label: &str, samples: usize, mut run: F) -> Value
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = T>,
{
    // A few unmeasured runs first, so caches are as a busy server's would be.
    for i in 0..3.min(samples) {
        run(usize::MAX - i).await;
    }
    let mut times = Vec::with_capacity(samples);
    for i in 0..samples {
        let started = Instant::now();
        run(i).await;
        times.push(started.elapsed());
    }
    let figures = figures(times);
    eprintln!(
        "      {label}: p50 {:.1} ms, p99 {:.1} ms over {samples}",
        figures["p50_ms"].as_f64().unwrap_or(0.0),
        figures["p99_ms"].as_f64().unwrap_or(0.0)
    );
    figures
}

// --- in process ----------------------------------------------------------------------------

async fn id_by_email(db: &Db, email: &str) -> String {
    let mut response = db
        .query("SELECT VALUE id FROM person WHERE email = $email")
        .bind(("email", email.to_string()))
        .await
        .unwrap()
        .check()
        .unwrap();
    let ids: Vec<surrealdb::types::RecordId> = response.take(0).unwrap();
    db::key(
        ids.first()
            .unwrap_or_else(|| panic!("{email} is in the region")),
    )
}

/// Active practitioners of the council numbered from `from` (the generator names them
/// `{council}_p{n}`), for the writes each person may make once. The in-process writes take
/// them from 400 up and the HTTP ones from 1 (a council has about 900), each run
/// further on, so the two never answer for the same person.
async fn staff_keys(db: &Db, count: usize, from: usize) -> Vec<String> {
    let candidates: Vec<surrealdb::types::RecordId> = (from..from + count * 2)
        .map(|n| surrealdb::types::RecordId::new("person", format!("{ORG}_p{n}")))
        .collect();
    let mut response = db
        .query("SELECT VALUE id FROM $ids WHERE active = true")
        .bind(("ids", candidates))
        .await
        .unwrap()
        .check()
        .unwrap();
    let ids: Vec<surrealdb::types::RecordId> = response.take(0).unwrap();
    let keys: Vec<String> = ids.iter().take(count).map(db::key).collect();
    assert_eq!(
        keys.len(),
        count,
        "the region has enough active practitioners"
    );
    keys
}

/// Everyone in the council, for inviting to the open wave.
async fn everyone(db: &Db) -> Vec<String> {
    let mut response = db
        .query("SELECT VALUE id FROM person WHERE org = $org AND active = true")
        .bind(("org", surrealdb::types::RecordId::new("org", ORG)))
        .await
        .unwrap()
        .check()
        .unwrap();
    let ids: Vec<surrealdb::types::RecordId> = response.take(0).unwrap();
    ids.iter().map(db::key).collect()
}

async fn coming_events(db: &Db) -> Vec<String> {
    let mut response = db
        .query(
            "SELECT VALUE id FROM event WHERE org = $org AND status = 'scheduled'
             AND starts > time::now() ORDER BY starts",
        )
        .bind(("org", surrealdb::types::RecordId::new("org", ORG)))
        .await
        .unwrap()
        .check()
        .unwrap();
    let ids: Vec<surrealdb::types::RecordId> = response.take(0).unwrap();
    ids.iter().map(db::key).collect()
}

fn evidence_form(criteria: &[String], n: usize) -> EvidenceForm {
    EvidenceForm {
        kind: "reflection".into(),
        title: format!("Benchmark reflection {n}"),
        date: app::dates::iso(app::dates::today_uk()),
        what_happened: "A family network meeting I chaired.".into(),
        criteria: criteria.to_vec(),
        ..EvidenceForm::default()
    }
}

fn staff_answers() -> Vec<Answer> {
    let one = |q: &str, v: &str| Answer {
        question: q.into(),
        given: Given::One(v.into()),
    };
    vec![
        one("q1", "5"),
        one("q2", "4"),
        Answer {
            question: "q4".into(),
            given: Given::Many(vec!["1".into(), "3".into()]),
        },
        one("q5", "yes"),
        one("q6", "9"),
        one("q8", "2"),
    ]
}

/// Opens a wave of the staff survey to everyone in the council, today (once: later runs
/// answer the same wave).
async fn open_wave(db: &Db) {
    use app::surveys::{store, templates};
    if store::load(db, ORG, OPEN_WAVE).await.is_ok() {
        return;
    }
    let draft = templates::draft("staff", None).expect("the staff template");
    store::create_draft(db, ORG, None, &draft, None, Some(OPEN_WAVE), None)
        .await
        .expect("a draft wave");
    let today = app::dates::today_uk();
    db.query(
        "UPDATE $survey SET status = 'published', audience = 'everyone', opens = $opens,
            closes = $closes, min_group = 5, published_at = time::now() RETURN NONE;",
    )
    .bind(("survey", store::survey_id(OPEN_WAVE)))
    .bind(("opens", app::dates::iso(today - time::Duration::days(1))))
    .bind(("closes", app::dates::iso(today + time::Duration::days(28))))
    .await
    .unwrap()
    .check()
    .unwrap();
    store::invite(db, ORG, OPEN_WAVE, &everyone(db).await)
        .await
        .expect("invitations");
}

async fn queries(url: &str, samples: usize, run: usize) -> Value {
    use app::academy::{event_store, library_store};
    use app::progression::{framework_store, store as progression};
    use app::surveys::{report, store as surveys};

    let settings = DbSettings {
        url: url.to_string(),
        ..DbSettings::memory()
    };
    let db = db::connect(&settings).await.expect("the generated region");
    let practitioner = id_by_email(&db, "practitioner@r1.region.test").await;
    let supervisor = id_by_email(&db, "supervisor@r1.region.test").await;
    let framework = framework_store::current(&db, ORG, framework_store::PATHWAY)
        .await
        .unwrap()
        .expect("a published pathway");
    let criteria: Vec<String> = framework
        .criteria
        .iter()
        .filter(|c| !c.retired && c.level.is_some())
        .take(2)
        .map(|c| c.lineage.clone())
        .collect();
    let today = app::dates::iso(app::dates::today_uk());
    let mut out = serde_json::Map::new();

    let person = progression::person(&db, ORG, &practitioner).await.unwrap();
    out.insert(
        "readiness".into(),
        timed("readiness", samples, |_| async {
            progression::pathway(&db, ORG, &person, true).await.unwrap();
        })
        .await,
    );
    out.insert(
        "review_queue".into(),
        timed("review_queue", samples, |_| async {
            progression::queue(&db, ORG, &supervisor).await.unwrap();
        })
        .await,
    );
    let words = [
        "supervision",
        "chronology",
        "neglect",
        "assessment",
        "reflective practice",
    ];
    out.insert(
        "search".into(),
        timed("search", samples, |i| {
            let query = LibraryQuery {
                q: words[i % words.len()].into(),
                ..LibraryQuery::default()
            };
            let (db, practitioner) = (&db, &practitioner);
            async move {
                library_store::search(db, ORG, practitioner, query, false)
                    .await
                    .unwrap();
            }
        })
        .await,
    );
    let today_date = app::dates::today_uk();
    out.insert(
        "submit_evidence".into(),
        timed("submit_evidence", samples, |i| {
            let input = evidence_form(&criteria, i)
                .validate(today_date, |_| true)
                .unwrap();
            let (db, practitioner) = (&db, &practitioner);
            async move {
                app::portfolio::store::save(db, ORG, practitioner, None, &input, Vec::new())
                    .await
                    .unwrap();
            }
        })
        .await,
    );

    // Each person answers a wave once and books an event once (see `staff_keys`).
    open_wave(&db).await;
    let once = (samples / 4).max(10);
    let writers = staff_keys(&db, once + 3, 400 + run * 2 * (once + 3)).await;
    let answers = staff_answers();
    let mut next = writers.iter().cycle();
    out.insert(
        "submit_survey_response".into(),
        timed("submit_survey_response", once, |_| {
            let person = next.next().unwrap().clone();
            let (db, answers, today) = (&db, &answers, &today);
            async move {
                surveys::submit(db, ORG, &person, OPEN_WAVE, answers, today)
                    .await
                    .unwrap();
            }
        })
        .await,
    );
    let events = coming_events(&db).await;
    assert!(!events.is_empty(), "the region has events to come");
    let pairs: Vec<(String, String)> = writers
        .iter()
        .flat_map(|p| events.iter().map(move |e| (p.clone(), e.clone())))
        .collect();
    let mut next = pairs.iter();
    out.insert(
        "book_event".into(),
        timed("book_event", samples, |_| {
            let (person, event) = next.next().unwrap().clone();
            let db = &db;
            async move {
                // Full, for another level or already booked are all answers, not failures.
                let _ = event_store::book(db, ORG, &person, &event).await;
            }
        })
        .await,
    );

    // Survey results: the big wave alone, and the council's staff survey across all waves.
    let waves = surveys::waves(&db, ORG, &format!("{ORG}_staff_1"))
        .await
        .unwrap();
    let latest = waves.last().expect("waves").0.clone();
    let survey = surveys::load(&db, ORG, &latest).await.unwrap();
    let responses: i64 = {
        let mut r = db
            .query("RETURN count(SELECT VALUE id FROM response WHERE survey = $s)")
            .bind(("s", surveys::survey_id(&latest)))
            .await
            .unwrap()
            .check()
            .unwrap();
        r.take::<Option<i64>>(0).unwrap().unwrap_or(0)
    };
    let few = (samples / 10).max(5);
    let wave_app = timed("wave_app", few, |_| async {
        report::results(&db, ORG, &survey, ("all", ""), "team", &today)
            .await
            .unwrap();
    })
    .await;
    let wave_scan = timed("wave_scan", 3, |_| async {
        surveys::group_by_scan(&db, &latest).await.unwrap();
    })
    .await;
    let trend_app = timed("trend_app", few, |_| async {
        report::group_trend(&db, ORG, &survey, ("all", ""))
            .await
            .unwrap();
    })
    .await;
    let wave_ids: Vec<surrealdb::types::RecordId> =
        waves.iter().map(|w| surveys::survey_id(&w.0)).collect();
    let all_responses: i64 = {
        let mut r = db
            .query("RETURN count(SELECT VALUE id FROM response WHERE survey IN $s)")
            .bind(("s", wave_ids.clone()))
            .await
            .unwrap()
            .check()
            .unwrap();
        r.take::<Option<i64>>(0).unwrap().unwrap_or(0)
    };
    let trend_scan = timed("trend_scan", 3, |_| {
        let (db, wave_ids) = (&db, wave_ids.clone());
        async move {
            #[derive(SurrealValue)]
            struct Row {
                n: i64,
            }
            let mut r = db
                .query(
                    "SELECT survey, answers.question AS question, answers.value AS answer,
                        count() AS n FROM (
                        SELECT survey, answers FROM response WHERE survey IN $waves SPLIT answers
                     ) GROUP BY survey, question, answer;",
                )
                .bind(("waves", wave_ids))
                .await
                .unwrap()
                .check()
                .unwrap();
            let rows: Vec<Row> = r.take(0).unwrap();
            assert!(rows.iter().any(|r| r.n > 0));
        }
    })
    .await;
    out.insert("latest_wave".into(), json!(latest));
    out.insert(
        "survey_wave".into(),
        json!({"responses": responses, "app": wave_app, "scan": wave_scan}),
    );
    out.insert(
        "survey_council".into(),
        json!({"waves": waves.len(), "responses": all_responses, "app": trend_app, "scan": trend_scan}),
    );
    Value::Object(out)
}

// --- over HTTP -----------------------------------------------------------------------------

struct Client {
    http: reqwest::Client,
    base: String,
    cookie: String,
}

impl Client {
    async fn sign_in(base: &str, email: &str) -> Client {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let response = http
            .post(format!("{base}/api/auth/sign_in"))
            .form(&[("email", email), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "sign-in as {email}");
        let cookie = response
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .expect("a session cookie")
            .to_string();
        Client {
            http,
            base: base.to_string(),
            cookie,
        }
    }

    async fn call(&self, function: &str, form: &[(String, String)]) -> reqwest::StatusCode {
        let response = self
            .http
            .post(format!("{}/api/{function}", self.base))
            .header("cookie", &self.cookie)
            .form(form)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let _ = response.bytes().await;
        status
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

async fn functions(base: &str, samples: usize, run: usize) -> Value {
    let practitioner = Client::sign_in(base, "practitioner@r1.region.test").await;
    let supervisor = Client::sign_in(base, "supervisor@r1.region.test").await;
    let mut out = serde_json::Map::new();
    let ok = |status: reqwest::StatusCode, what: &str| {
        assert!(
            status.is_success() || status.is_redirection(),
            "{what}: {status}"
        )
    };

    out.insert(
        "readiness".into(),
        timed("readiness", samples, |_| async {
            ok(
                practitioner.call("progression/my_pathway", &[]).await,
                "readiness",
            );
        })
        .await,
    );
    out.insert(
        "review_queue".into(),
        timed("review_queue", samples, |_| async {
            ok(
                supervisor.call("progression/review_queue", &[]).await,
                "review queue",
            );
        })
        .await,
    );
    let words = [
        "supervision",
        "chronology",
        "neglect",
        "assessment",
        "reflective practice",
    ];
    out.insert(
        "search".into(),
        timed("search", samples, |i| {
            let form = pairs(&[("query[q]", words[i % words.len()])]);
            let practitioner = &practitioner;
            async move {
                ok(
                    practitioner.call("academy/search_library", &form).await,
                    "search",
                );
            }
        })
        .await,
    );
    // The criteria the region's pathway uses are named as the demo's, with the council's
    // prefix left to the server to check; evidence without criteria is still a full write.
    out.insert(
        "submit_evidence".into(),
        timed("submit_evidence", samples, |i| {
            let title = format!("Benchmark reflection {i}");
            let form = pairs(&[
                ("form[kind]", "reflection"),
                ("form[title]", &title),
                ("form[date]", &app::dates::iso(app::dates::today_uk())),
                ("form[what_happened]", "A family network meeting I chaired."),
            ]);
            let practitioner = &practitioner;
            async move {
                ok(
                    practitioner.call("portfolio/save_evidence", &form).await,
                    "evidence",
                );
            }
        })
        .await,
    );

    // One person answers once: sign in enough people first (not timed).
    let once = (samples / 4).max(10);
    let people = survey_people(base, once + 3, run * (once + 3)).await;
    let mut next = people.iter();
    let answers = pairs(&[
        ("id", OPEN_WAVE),
        ("form[one][q1]", "5"),
        ("form[one][q2]", "4"),
        ("form[many][q4][0]", "1"),
        ("form[one][q5]", "yes"),
        ("form[one][q6]", "9"),
        ("form[one][q8]", "2"),
    ]);
    out.insert(
        "submit_survey_response".into(),
        timed("submit_survey_response", once, |_| {
            let person = next.next().unwrap();
            let answers = &answers;
            async move {
                ok(person.call("surveys/submit", answers).await, "survey");
            }
        })
        .await,
    );
    let events = coming_event_keys(&practitioner).await;
    assert!(!events.is_empty(), "the region has events to come");
    let mut bookings = people
        .iter()
        .flat_map(|p| events.iter().map(move |e| (p, e.clone())));
    out.insert(
        "book_event".into(),
        timed("book_event", samples, |_| {
            let (person, event) = bookings.next().expect("enough people and events");
            async move {
                // A full event or one for other levels is answered, not failed: any 2xx or 4xx.
                let status = person
                    .call("academy/book_event", &pairs(&[("id", &event)]))
                    .await;
                assert!(!status.is_server_error(), "booking: {status}");
            }
        })
        .await,
    );
    Value::Object(out)
}

/// Signs in `n` active practitioners, from `p1` up (see `staff_keys`); the admin's people
/// list says who is active.
async fn survey_people(base: &str, n: usize, skip: usize) -> Vec<Client> {
    let admin = Client::sign_in(base, "admin@r1.region.test").await;
    let mut active = std::collections::HashSet::new();
    for page in 0.. {
        let response = admin
            .http
            .post(format!("{base}/api/people/list_people"))
            .header("cookie", &admin.cookie)
            .form(&[
                ("query", String::new()),
                ("page", page.to_string()),
                ("include_inactive", "false".into()),
            ])
            .send()
            .await
            .unwrap();
        let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
        let items = body["items"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            break;
        }
        for item in items {
            if item["active"].as_bool() == Some(true)
                && let Some(email) = item["email"].as_str()
            {
                active.insert(email.to_string());
            }
        }
    }
    let emails: Vec<String> = (1..2_000)
        .map(|i| format!("p{i}@{ORG}.region.test"))
        .filter(|email| active.contains(email))
        .skip(skip)
        .take(n)
        .collect();
    assert_eq!(emails.len(), n, "enough active practitioners to sign in");
    let mut clients = Vec::new();
    for email in emails {
        clients.push(Client::sign_in(base, &email).await);
    }
    clients
}

async fn coming_event_keys(client: &Client) -> Vec<String> {
    let response = client
        .http
        .post(format!("{}/api/academy/list_events", client.base))
        .header("cookie", &client.cookie)
        .send()
        .await
        .unwrap();
    let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    let list = body["upcoming"].as_array().cloned().unwrap_or_default();
    list.iter()
        .filter_map(|e| e["id"].as_str().map(str::to_string))
        .collect()
}
