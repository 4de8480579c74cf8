//! Import server functions. Staff imports need `ManagePeople`, figures imports `ManageTeams`;
//! both are admin work. The dry run and the apply read the same stored file and plan it
//! afresh against the database, so what is applied is what the page showed, as of now.

use leptos::prelude::*;

use super::model::{ImportReview, ImportsView};
use crate::error::AppError;

#[server(endpoint = "imports/overview")]
pub async fn imports_overview() -> Result<ImportsView, AppError> {
    crate::api::respond(server::overview()).await
}

#[server(endpoint = "imports/review")]
pub async fn review_import(id: String) -> Result<ImportReview, AppError> {
    crate::api::respond(server::review(id)).await
}

/// Applies a checked file; answers what it did ("3 created, 1 changed, 40 unchanged").
#[server(endpoint = "imports/apply")]
pub async fn apply_import(id: String) -> Result<String, AppError> {
    crate::api::respond(server::apply(id)).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::model::{
        ImportKind, ImportReview, ImportsView, Outcome, PlannedRow, SHOWN_PER_OUTCOME, Tally,
    };
    use super::super::store::{self, Upload};
    use super::super::{figures, staff, table};
    use crate::api::{self, check_id};
    use crate::audit::audit;
    use crate::auth::Viewer;
    use crate::auth::roles::Action;
    use crate::auth::session::require_viewer;
    use crate::dates::today_uk;
    use crate::db::Db;
    use crate::error::{AppError, AppResult};
    use crate::workforce::quarter::Quarter;

    pub fn permission(kind: ImportKind) -> Action {
        match kind {
            ImportKind::Staff => Action::ManagePeople,
            ImportKind::Figures => Action::ManageTeams,
        }
    }

    pub async fn overview() -> AppResult<ImportsView> {
        let viewer = require_viewer().await?;
        let (can_staff, can_figures) = (
            viewer.can(Action::ManagePeople),
            viewer.can(Action::ManageTeams),
        );
        if !can_staff && !can_figures {
            return Err(AppError::Forbidden);
        }
        let state = api::state()?;
        let recent = store::recent(&state.db, &viewer.org_id)
            .await?
            .into_iter()
            .filter(|i| viewer.can(permission(i.kind)))
            .collect();
        Ok(ImportsView {
            recent,
            can_staff,
            can_figures,
        })
    }

    /// What applying the upload would do now: the planned rows, and the writes behind them.
    pub(crate) enum Writes {
        Staff(Vec<staff::Write>),
        Figures(Vec<figures::Write>),
    }

    pub(crate) async fn plan(
        db: &Db,
        viewer: &Viewer,
        upload: &Upload,
    ) -> AppResult<Result<(Vec<PlannedRow>, Writes), String>> {
        if let Some(problem) = &upload.problem {
            return Ok(Err(problem.clone()));
        }
        let org = &viewer.org_id;
        Ok(Ok(match upload.kind {
            ImportKind::Staff => {
                let table = match table::parse(&upload.content, staff::COLUMNS) {
                    Ok(table) => table,
                    Err(problem) => return Ok(Err(problem)),
                };
                let people = store::people(db, org).await?;
                let teams: Vec<(String, String)> = crate::workforce::store::units(db, org)
                    .await?
                    .into_iter()
                    .map(|u| (u.id, u.name))
                    .collect();
                let ctx = staff::Context {
                    people: &people,
                    teams: &teams,
                    importer: &viewer.id,
                };
                let (rows, writes) = staff::plan(&table, &ctx, store::new_key);
                (rows, Writes::Staff(writes))
            }
            ImportKind::Figures => {
                let table = match table::parse(&upload.content, figures::COLUMNS) {
                    Ok(table) => table,
                    Err(problem) => return Ok(Err(problem)),
                };
                let units = crate::workforce::store::units(db, org).await?;
                let named = figures::quarters_named(&table);
                let stored = match (named.first(), named.last()) {
                    (Some(from), Some(to)) => {
                        crate::workforce::store::figures(db, org, *from, *to).await?
                    }
                    _ => Default::default(),
                };
                let (rows, writes) =
                    figures::plan(&table, &units, &stored, Quarter::of(today_uk()));
                (rows, Writes::Figures(writes))
            }
        }))
    }

    async fn load(id: &str) -> AppResult<(Viewer, crate::state::AppState, Upload)> {
        let viewer = require_viewer().await?;
        if !viewer.can(Action::ManagePeople) && !viewer.can(Action::ManageTeams) {
            return Err(AppError::Forbidden);
        }
        check_id(id)?;
        let state = api::state()?;
        let upload = store::load(&state.db, &viewer.org_id, id).await?;
        viewer.require(permission(upload.kind))?;
        Ok((viewer, state, upload))
    }

    pub async fn review(id: String) -> AppResult<ImportReview> {
        let (viewer, state, upload) = load(&id).await?;
        let planned = plan(&state.db, &viewer, &upload).await?;
        let (problem, mut rows) = match planned {
            Err(problem) => (Some(problem), Vec::new()),
            Ok((rows, _)) => (None, rows),
        };
        let tally = Tally::of(&rows);
        // Refused rows first: they are what the admin must fix. Unchanged rows are counted.
        rows.retain(|r| r.outcome != Outcome::Unchanged);
        rows.sort_by_key(|r| {
            (
                r.outcome != Outcome::Refuse,
                r.outcome != Outcome::Create,
                r.line,
            )
        });
        let mut shown = [0usize; 3];
        rows.retain(|r| {
            let i = match r.outcome {
                Outcome::Refuse => 0,
                Outcome::Create => 1,
                _ => 2,
            };
            shown[i] += 1;
            shown[i] <= SHOWN_PER_OUTCOME
        });
        let can_apply = problem.is_none()
            && upload.applied.is_none()
            && tally.refuse == 0
            && tally.create + tally.change > 0;
        Ok(ImportReview {
            id: upload.id,
            kind: upload.kind,
            file_name: upload.file_name,
            uploaded: upload.uploaded_at,
            uploaded_by: upload.uploaded_by,
            problem,
            tally,
            rows,
            applied: upload.applied,
            can_apply,
        })
    }

    pub async fn apply(id: String) -> AppResult<String> {
        let (viewer, state, upload) = load(&id).await?;
        if upload.applied.is_some() {
            return Err(AppError::Conflict(
                "This file has already been applied.".into(),
            ));
        }
        let (rows, writes) = match plan(&state.db, &viewer, &upload).await? {
            Err(problem) => {
                return Err(AppError::Conflict(format!(
                    "The file cannot be applied: {problem}"
                )));
            }
            Ok(planned) => planned,
        };
        let tally = Tally::of(&rows);
        if tally.refuse > 0 {
            return Err(AppError::Conflict(format!(
                "{} rows are refused, so nothing was written. Fix them and upload the file again.",
                tally.refuse
            )));
        }
        let outcome = tally.done();
        match &writes {
            Writes::Staff(writes) => {
                store::apply_staff(
                    &state.db,
                    &viewer.org_id,
                    &upload.id,
                    &viewer.id,
                    writes,
                    &outcome,
                )
                .await?
            }
            Writes::Figures(writes) => {
                store::apply_figures(
                    &state.db,
                    &viewer.org_id,
                    &upload.id,
                    &viewer.id,
                    writes,
                    &outcome,
                )
                .await?
            }
        }
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            &format!("import.{}", upload.kind.key()),
            &format!("import:{}", upload.id),
            format!("{}: {outcome}", upload.file_name),
        )
        .await?;
        Ok(outcome)
    }
}
