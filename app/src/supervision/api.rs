//! Server functions for the supervision log. Sessions are read by the two people in them;
//! either can record one, with someone they are actually paired with.

use leptos::prelude::*;

use super::model::{SupervisionForm, SupervisionLog};
use crate::error::AppError;

#[server(endpoint = "supervision/my_supervision")]
pub async fn my_supervision() -> Result<SupervisionLog, AppError> {
    crate::api::respond(server::my_supervision()).await
}

#[server(endpoint = "supervision/record_supervision")]
pub async fn record_supervision(form: SupervisionForm) -> Result<String, AppError> {
    crate::api::respond(server::record_supervision(form)).await
}

#[server(endpoint = "supervision/delete_supervision")]
pub async fn delete_supervision(id: String) -> Result<(), AppError> {
    crate::api::respond(server::delete_supervision(id)).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use std::collections::HashMap;

    use surrealdb::types::{RecordId, SurrealValue};

    use super::super::frequency::{expected_every_days, state};
    use super::super::model::{Cadence, Counterpart, Side, SupervisionForm, SupervisionLog};
    use super::super::store;
    use crate::api::{self, check_id};
    use crate::auth::session::require_viewer;
    use crate::dates::{parse_date, today_uk};
    use crate::db::{Db, key};
    use crate::error::{AppError, AppResult};
    use crate::progression::store::person;

    #[derive(SurrealValue)]
    struct NamedRow {
        id: RecordId,
        name: String,
    }

    /// The people `viewer` line-manages or assesses, by name.
    pub async fn supervisees(
        db: &Db,
        org: &str,
        viewer: &str,
    ) -> AppResult<Vec<(RecordId, String)>> {
        let mut response = db
            .query(
                "LET $me = type::record('person', $viewer);
                 SELECT id, name, sort_name FROM person WHERE org = type::record('org', $org)
                    AND active = true AND (line_manager = $me OR assessor = $me) AND id != $me
                    ORDER BY sort_name;",
            )
            .bind(("org", org.to_string()))
            .bind(("viewer", viewer.to_string()))
            .await?
            .check()?;
        let rows: Vec<NamedRow> = response.take(1)?;
        Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
    }

    /// How supervision stands for each of `people`, NQSWs by the ASYE schedule: `starts` are
    /// the active ASYE start dates by person key, which callers also use, so read them once.
    pub async fn cadences(
        db: &Db,
        org: &str,
        people: &[(RecordId, String)],
        starts: &HashMap<String, String>,
    ) -> AppResult<Vec<Cadence>> {
        let ids: Vec<RecordId> = people.iter().map(|(id, _)| id.clone()).collect();
        let last = store::last_held(db, org, ids).await?;
        let today = today_uk();
        Ok(people
            .iter()
            .map(|(id, name)| {
                let person_id = key(id);
                let asye_start = starts.get(&person_id).and_then(|s| parse_date(s));
                let last = last.get(&person_id).cloned();
                let last_date = last.as_deref().and_then(parse_date);
                Cadence {
                    every_days: expected_every_days(asye_start, today),
                    state: state(asye_start, last_date, today),
                    person_id,
                    person_name: name.clone(),
                    last,
                }
            })
            .collect())
    }

    pub async fn my_supervision() -> AppResult<SupervisionLog> {
        let viewer = require_viewer().await?;
        let state = api::state()?;
        let db = &state.db;
        let me = person(db, &viewer.org_id, &viewer.id).await?;
        let mut counterparts: Vec<Counterpart> = Vec::new();
        for supervisor in me.reviewers() {
            let row = person(db, &viewer.org_id, &key(&supervisor)).await?;
            counterparts.push(Counterpart {
                value: format!("supervisor:{}", key(&supervisor)),
                label: format!("{} (my supervisor)", row.name),
            });
        }
        let supervisees = supervisees(db, &viewer.org_id, &viewer.id).await?;
        for (id, name) in &supervisees {
            counterparts.push(Counterpart {
                value: format!("supervisee:{}", key(id)),
                label: format!("{name} (I supervise)"),
            });
        }
        let sessions = store::log(db, &viewer.org_id, &viewer.id, 200).await?;
        let has_own =
            !me.reviewers().is_empty() || sessions.iter().any(|s| s.supervisee_id == viewer.id);
        // One pass for the viewer (first, when they are supervised) and their supervisees.
        let mut everyone = supervisees;
        if has_own {
            everyone.insert(0, (me.id.clone(), me.name.clone()));
        }
        let ids = everyone.iter().map(|(id, _)| id.clone()).collect();
        let starts = crate::asye::store::active_starts(db, &viewer.org_id, ids).await?;
        let mut all = cadences(db, &viewer.org_id, &everyone, &starts).await?;
        let mine = has_own.then(|| all.remove(0));
        Ok(SupervisionLog {
            mine,
            supervisees: all,
            sessions,
            counterparts,
            today: crate::dates::iso(today_uk()),
        })
    }

    pub async fn record_supervision(form: SupervisionForm) -> AppResult<String> {
        let viewer = require_viewer().await?;
        let input = form.validate(today_uk()).map_err(AppError::Validation)?;
        let state = api::state()?;
        let not_paired = || {
            AppError::field(
                "with",
                "Choose someone you supervise, or your supervisor, from the list.",
            )
        };
        let other = match person(&state.db, &viewer.org_id, &input.other).await {
            Ok(other) if other.active => other,
            Ok(_) | Err(AppError::NotFound) => return Err(not_paired()),
            Err(e) => return Err(e),
        };
        let (supervisor, supervisee) = match input.viewer_side {
            Side::Supervisor if other.is_supervised_by(&viewer.id) => {
                (viewer.id.clone(), input.other.clone())
            }
            Side::Supervisee => {
                let me = person(&state.db, &viewer.org_id, &viewer.id).await?;
                if !me.reviewers().iter().any(|r| key(r) == input.other) {
                    return Err(not_paired());
                }
                (input.other.clone(), viewer.id.clone())
            }
            Side::Supervisor => return Err(not_paired()),
        };
        let id = store::create(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            &supervisor,
            &supervisee,
            &input,
        )
        .await?;
        leptos_axum::redirect("/supervision?done=saved");
        Ok(id)
    }

    pub async fn delete_supervision(id: String) -> AppResult<()> {
        let viewer = require_viewer().await?;
        check_id(&id)?;
        let state = api::state()?;
        store::delete(&state.db, &viewer.org_id, &viewer.id, &id).await?;
        leptos_axum::redirect("/supervision?done=deleted");
        Ok(())
    }
}
