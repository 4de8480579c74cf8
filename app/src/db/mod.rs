//! The database handle and schema migrations (server only).
//!
//! Two rules for queries, from measuring SurrealDB 3.3 on SurrealKV at region scale (the
//! README's "Scale and speed"):
//! - **Name the index for one person's records** (`FROM evidence WITH INDEX
//!   evidence_owner_date WHERE owner = $p AND org = $o`). Left to itself the planner also
//!   reads the council-wide index on `org` and intersects the two, which costs milliseconds
//!   per query at 10,000 staff instead of microseconds.
//! - **Sort newest-first in memory, not by a reverse index scan.** A backward scan of an
//!   index (or of the table by id) costs about 80 ms however few rows it returns, so a
//!   `... DESC` ordering is written over a subquery that returns the rows in index order,
//!   `SELECT * FROM (SELECT ... FROM t WITH INDEX i WHERE ...) ORDER BY k DESC`, which sorts
//!   the handful of rows one person or one council has.

mod migrations;

use std::collections::HashMap;
use std::ops::Deref;
use std::sync::Arc;

use surrealdb::Surreal;
use surrealdb::engine::any::Any;
use surrealdb::opt::auth::{Database, Namespace, Root};

pub use migrations::{LATEST_SCHEMA_VERSION, MigrationError, migrate, schema_version};

/// One shared connection. Cloning `Db` shares it; cloning the inner `Surreal` would open a
/// new session, which is never what a request wants.
#[derive(Clone)]
pub struct Db {
    connection: Arc<Surreal<Any>>,
    settled: Arc<Settled>,
    caches: Arc<Caches>,
}

impl Deref for Db {
    type Target = Surreal<Any>;

    fn deref(&self) -> &Self::Target {
        &self.connection
    }
}

/// Records that never change once written (a published framework version), kept in memory
/// by record id so that every page need not read them again. Because they never change,
/// servers sharing one database cannot disagree about them.
#[derive(Default)]
struct Settled(std::sync::RwLock<HashMap<String, Arc<dyn std::any::Any + Send + Sync>>>);

/// Views derived from the database that their owners keep fresh against it (the library's
/// catalogue), one of each type per connection. Nothing in one is the only copy of anything.
#[derive(Default)]
struct Caches(std::sync::Mutex<HashMap<std::any::TypeId, Arc<dyn std::any::Any + Send + Sync>>>);

impl Db {
    fn new(connection: Surreal<Any>) -> Self {
        Db {
            connection: Arc::new(connection),
            settled: Arc::default(),
            caches: Arc::default(),
        }
    }

    /// This connection's cache of type `T`, made empty on first use.
    pub fn cache<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let mut map = match self.caches.0.lock() {
            Ok(map) => map,
            // A panic elsewhere while holding the lock leaves the map itself intact.
            Err(poisoned) => poisoned.into_inner(),
        };
        let entry = map
            .entry(std::any::TypeId::of::<T>())
            .or_insert_with(|| Arc::new(T::default()));
        match Arc::clone(entry).downcast::<T>() {
            Ok(cache) => cache,
            Err(_) => {
                // Keyed by the type, so this cannot hold anything else; replace it anyway.
                let fresh = Arc::new(T::default());
                *entry = fresh.clone();
                fresh
            }
        }
    }

    /// A settled record read earlier, if it is of type `T`.
    pub fn settled<T: Clone + Send + Sync + 'static>(&self, id: &str) -> Option<T> {
        let map = self.settled.0.read().ok()?;
        map.get(id)?.downcast_ref::<T>().cloned()
    }

    /// Keeps a record that will never change again.
    pub fn settle<T: Send + Sync + 'static>(&self, id: String, value: T) {
        if let Ok(mut map) = self.settled.0.write() {
            map.insert(id, Arc::new(value));
        }
    }
}

/// Where the data lives and how to get in.
#[derive(Debug, Clone)]
pub struct DbSettings {
    /// `surrealkv://path`, `mem://` or `ws://host:port`.
    pub url: String,
    pub namespace: String,
    pub database: String,
    /// Credentials, needed for a remote server only.
    pub username: Option<String>,
    pub password: Option<String>,
    /// The level the user is defined at on the server.
    pub auth: DbAuth,
}

/// Where a SurrealDB server user is defined. A deployment should give the app a database
/// user (an EDITOR of its one database): it can change that database's tables and nothing
/// else, so a leaked app credential cannot read another database or create users.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DbAuth {
    #[default]
    Database,
    Namespace,
    Root,
}

impl std::str::FromStr for DbAuth {
    type Err = String;

    fn from_str(level: &str) -> Result<Self, Self::Err> {
        match level.to_ascii_lowercase().as_str() {
            "database" | "db" => Ok(DbAuth::Database),
            "namespace" | "ns" => Ok(DbAuth::Namespace),
            "root" => Ok(DbAuth::Root),
            other => Err(format!(
                "unknown database user level '{other}': use database, namespace or root"
            )),
        }
    }
}

impl DbSettings {
    pub fn memory() -> Self {
        Self {
            url: "mem://".into(),
            namespace: "pathway".into(),
            database: "pathway".into(),
            username: None,
            password: None,
            auth: DbAuth::Database,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("could not open the database at {url}: {source}")]
    Open {
        url: String,
        source: surrealdb::Error,
    },
    #[error("could not sign in to the database server: {0}")]
    SignIn(surrealdb::Error),
    #[error("could not select namespace and database: {0}")]
    Select(surrealdb::Error),
}

/// Opens the database the settings name. Embedded paths have their parent folder created.
pub async fn connect(settings: &DbSettings) -> Result<Db, ConnectError> {
    if let Some(path) = settings.url.strip_prefix("surrealkv://")
        && let Some(parent) = std::path::Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        // If this fails, the open below reports the real problem.
        let _ = std::fs::create_dir_all(parent);
    }
    let db = surrealdb::engine::any::connect(settings.url.as_str())
        .await
        .map_err(|source| ConnectError::Open {
            url: settings.url.clone(),
            source,
        })?;
    if let (Some(username), Some(password)) = (&settings.username, &settings.password) {
        let (username, password) = (username.clone(), password.clone());
        let (namespace, database) = (settings.namespace.clone(), settings.database.clone());
        let signed_in = match settings.auth {
            DbAuth::Database => db
                .signin(Database {
                    namespace,
                    database,
                    username,
                    password,
                })
                .await
                .map(drop),
            DbAuth::Namespace => db
                .signin(Namespace {
                    namespace,
                    username,
                    password,
                })
                .await
                .map(drop),
            DbAuth::Root => db.signin(Root { username, password }).await.map(drop),
        };
        signed_in.map_err(ConnectError::SignIn)?;
    }
    db.use_ns(settings.namespace.as_str())
        .use_db(settings.database.as_str())
        .await
        .map_err(ConnectError::Select)?;
    Ok(Db::new(db))
}

/// True when the database answers a trivial query.
pub async fn ping(db: &Db) -> bool {
    match db.query("RETURN 1").await {
        Ok(response) => response.check().is_ok(),
        Err(_) => false,
    }
}

/// The key of a record id as the browser sees it (`person:abc` -> `abc`).
pub fn key(id: &surrealdb::types::RecordId) -> String {
    use surrealdb::types::RecordIdKey;
    match &id.key {
        RecordIdKey::String(key) => key.clone(),
        RecordIdKey::Number(key) => key.to_string(),
        other => format!("{other:?}"),
    }
}

/// Checks a response whose query may `THROW` inside a transaction. A throw fails every
/// statement of the transaction, and `check` reports only the first failure ("not executed
/// due to a failed transaction"); this reports the thrown one, which names the cause.
pub fn check_thrown(
    mut response: surrealdb::IndexedResults,
) -> Result<surrealdb::IndexedResults, surrealdb::Error> {
    let errors = response.take_errors();
    if errors.is_empty() {
        return Ok(response);
    }
    let mut errors: Vec<(usize, surrealdb::Error)> = errors.into_iter().collect();
    errors.sort_by_key(|(index, _)| *index);
    let cause = errors
        .iter()
        .position(|(_, e)| !e.to_string().contains("failed transaction"))
        .unwrap_or(0);
    Err(errors.swap_remove(cause).1)
}

/// A `time` instant as the database's datetime.
pub fn datetime(at: time::OffsetDateTime) -> surrealdb::types::Datetime {
    let utc =
        chrono::DateTime::from_timestamp(at.unix_timestamp(), at.nanosecond()).unwrap_or_default();
    surrealdb::types::Datetime::from(utc)
}

/// Clashing transactions are retried this many times before giving up.
const ATTEMPTS: u32 = 200;

/// Whether an error is two transactions clashing, which is safe to try again.
pub fn is_clash(error: &surrealdb::Error) -> bool {
    let text = error.to_string().to_lowercase();
    text.contains("conflict") || text.contains("retry") || text.contains("try again")
}

/// Runs a transaction, trying again while it clashes with another.
pub async fn with_retry<T, F, Fut>(mut run: F) -> Result<T, surrealdb::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, surrealdb::Error>>,
{
    let mut attempt = 0;
    loop {
        match run().await {
            Err(error) if is_clash(&error) && attempt + 1 < ATTEMPTS => {
                attempt += 1;
                // Spread the retries out so clashing requests do not clash again in step.
                let jitter = u64::from(rand::random::<u8>() % 20);
                tokio::time::sleep(std::time::Duration::from_millis(
                    2 + jitter + u64::from(attempt),
                ))
                .await;
            }
            other => return other,
        }
    }
}
