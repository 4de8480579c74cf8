//! Versioned schema migrations, applied in order at start and recorded in the database.

use super::Db;

struct Migration {
    version: i64,
    name: &'static str,
    surql: &'static str,
}

/// Append only: a released migration is never edited, a change is a new one.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        surql: include_str!("migrations/0001_foundation.surql"),
    },
    Migration {
        version: 2,
        name: "progression",
        surql: include_str!("migrations/0002_progression.surql"),
    },
    Migration {
        version: 3,
        name: "early_career",
        surql: include_str!("migrations/0003_early_career.surql"),
    },
    Migration {
        version: 4,
        name: "academy",
        surql: include_str!("migrations/0004_academy.surql"),
    },
    Migration {
        version: 5,
        name: "academy_editing",
        surql: include_str!("migrations/0005_academy_editing.surql"),
    },
    Migration {
        version: 6,
        name: "surveys",
        surql: include_str!("migrations/0006_surveys.surql"),
    },
    Migration {
        version: 7,
        name: "workforce",
        surql: include_str!("migrations/0007_workforce.surql"),
    },
    Migration {
        version: 8,
        name: "insight_snapshots",
        surql: include_str!("migrations/0008_insight_snapshots.surql"),
    },
    Migration {
        version: 9,
        name: "person_activity",
        surql: include_str!("migrations/0009_person_activity.surql"),
    },
];

pub const LATEST_SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

const DEFINE_LEDGER: &str = "
    DEFINE TABLE IF NOT EXISTS schema_migration SCHEMAFULL;
    DEFINE FIELD IF NOT EXISTS version ON schema_migration TYPE int;
    DEFINE FIELD IF NOT EXISTS name ON schema_migration TYPE string;
    DEFINE FIELD IF NOT EXISTS applied_at ON schema_migration TYPE datetime;
    DEFINE INDEX IF NOT EXISTS schema_migration_version ON schema_migration FIELDS version UNIQUE;
";

// The highest version, found without `ORDER BY version DESC` (a reverse index scan: see db);
// math::max of no rows is -Infinity, hence the 0 appended.
const CURRENT_VERSION: &str =
    "RETURN <int> (math::max(array::append((SELECT VALUE version FROM schema_migration), 0)));";

const RECORD_MIGRATION: &str = "
    CREATE schema_migration SET version = $version, name = $name, applied_at = time::now();
";

#[derive(Debug, thiserror::Error)]
pub enum MigrationError {
    #[error(
        "the database is at schema version {found}, newer than this build of Pathway knows \
         ({known}); run a newer Pathway or restore a backup"
    )]
    TooNew { found: i64, known: i64 },
    #[error("migration {version} ({name}) failed: {source}")]
    Failed {
        version: i64,
        name: &'static str,
        source: surrealdb::Error,
    },
    #[error("could not read the schema version: {0}")]
    Ledger(surrealdb::Error),
}

/// The schema version the database is at (0 for a new database).
pub async fn schema_version(db: &Db) -> Result<i64, surrealdb::Error> {
    let mut response = db
        .query(DEFINE_LEDGER)
        .query(CURRENT_VERSION)
        .await?
        .check()?;
    let version: Option<i64> = response.take(response.num_statements() - 1)?;
    Ok(version.unwrap_or(0))
}

/// Applies every migration the database has not had, each in its own transaction.
/// Returns the schema version the database is at afterwards.
pub async fn migrate(db: &Db) -> Result<i64, MigrationError> {
    let current = schema_version(db).await.map_err(MigrationError::Ledger)?;
    if current > LATEST_SCHEMA_VERSION {
        return Err(MigrationError::TooNew {
            found: current,
            known: LATEST_SCHEMA_VERSION,
        });
    }
    for migration in MIGRATIONS.iter().filter(|m| m.version > current) {
        let failed = |source| MigrationError::Failed {
            version: migration.version,
            name: migration.name,
            source,
        };
        db.query("BEGIN TRANSACTION")
            .query(migration.surql)
            .query(RECORD_MIGRATION)
            .query("COMMIT TRANSACTION")
            .bind(("version", migration.version))
            .bind(("name", migration.name))
            .await
            .and_then(|response| response.check())
            .map_err(failed)?;
        tracing::info!(
            version = migration.version,
            name = migration.name,
            "schema migrated"
        );
    }
    Ok(LATEST_SCHEMA_VERSION)
}
