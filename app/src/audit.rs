//! The audit log: sign-offs, role changes, exports, framework edits (server only).

use crate::db::Db;
use crate::error::AppResult;

const WRITE_AUDIT: &str = "
    CREATE audit SET org = type::record('org', $org),
        actor = IF $actor != NONE { type::record('person', $actor) } ELSE { NONE },
        action = $action, subject = $subject, detail = $detail, at = time::now()
    RETURN NONE;
";

/// Records who did what to whom, for sign-offs, role changes, exports and the like.
pub async fn audit(
    db: &Db,
    org: &str,
    actor: Option<&str>,
    action: &str,
    subject: &str,
    detail: String,
) -> AppResult<()> {
    db.query(WRITE_AUDIT)
        .bind(("org", org.to_string()))
        .bind(("actor", actor.map(str::to_string)))
        .bind(("action", action.to_string()))
        .bind(("subject", subject.to_string()))
        .bind(("detail", detail))
        .await?
        .check()?;
    Ok(())
}
