//! Migrations, seeding and durability against real SurrealDB engines.

mod common;

use app::db::{self, DbSettings, LATEST_SCHEMA_VERSION, MigrationError};
use app::seed::{SeedOutcome, seed_demo};

#[tokio::test]
async fn migrations_are_idempotent_and_refuse_a_newer_schema() {
    let db = common::fresh_db().await;
    assert_eq!(db::schema_version(&db).await.unwrap(), 0);
    assert_eq!(db::migrate(&db).await.unwrap(), LATEST_SCHEMA_VERSION);
    assert_eq!(db::migrate(&db).await.unwrap(), LATEST_SCHEMA_VERSION);
    let mut response = db
        .query("SELECT VALUE version FROM schema_migration")
        .await
        .unwrap();
    let versions: Vec<i64> = response.take(0).unwrap();
    assert_eq!(
        versions.len() as i64,
        LATEST_SCHEMA_VERSION,
        "each migration recorded once"
    );

    db.query(
        "CREATE schema_migration SET version = 999, name = 'future', applied_at = time::now()",
    )
    .await
    .unwrap()
    .check()
    .unwrap();
    match db::migrate(&db).await {
        Err(MigrationError::TooNew { found: 999, .. }) => {}
        other => panic!("expected TooNew, got {other:?}"),
    }
}

#[tokio::test]
async fn the_schema_refuses_bad_records() {
    let db = common::fresh_db().await;
    db::migrate(&db).await.unwrap();
    let result = db
        .query("CREATE person SET org = org:x, name = 'A', email = 'not-an-email', roles = [], career_level = 'nqsw'")
        .await
        .unwrap()
        .check();
    assert!(
        result.is_err(),
        "an invalid email must be refused by the schema"
    );
    seed_demo(&db, "pathway-demo").await.unwrap();
    let duplicate = db
        .query("CREATE person SET org = org:demo_borough, name = 'B', email = 'admin@demo.test', roles = [], career_level = 'nqsw'")
        .await
        .unwrap()
        .check();
    assert!(duplicate.is_err(), "email is unique within a council");
}

#[tokio::test]
async fn seeding_twice_changes_nothing() {
    let db = common::fresh_db().await;
    db::migrate(&db).await.unwrap();
    assert!(matches!(
        seed_demo(&db, "pathway-demo").await.unwrap(),
        SeedOutcome::Created {
            people: 40,
            teams: 13
        }
    ));
    assert_eq!(
        seed_demo(&db, "pathway-demo").await.unwrap(),
        SeedOutcome::AlreadyPresent
    );
    let mut response = db
        .query("SELECT count() AS n FROM person GROUP ALL")
        .await
        .unwrap();
    let count: Option<i64> = response.take((0, "n")).unwrap();
    assert_eq!(count, Some(40));
}

#[tokio::test]
async fn data_survives_a_restart_on_disk() {
    let dir = std::env::temp_dir().join(format!("pathway-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let settings = DbSettings {
        url: format!("surrealkv://{}", dir.join("pathway.db").display()),
        ..DbSettings::memory()
    };
    {
        let db = db::connect(&settings).await.unwrap();
        db::migrate(&db).await.unwrap();
        seed_demo(&db, "pathway-demo").await.unwrap();
    }
    // Give the embedded engine a moment to release its files.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let db = db::connect(&settings).await.unwrap();
    assert_eq!(
        db::schema_version(&db).await.unwrap(),
        LATEST_SCHEMA_VERSION
    );
    assert_eq!(
        seed_demo(&db, "pathway-demo").await.unwrap(),
        SeedOutcome::AlreadyPresent
    );
    drop(db);
    let _ = std::fs::remove_dir_all(&dir);
}
