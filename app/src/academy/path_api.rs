//! Server functions for editing learning paths. Only learning leads (`CurateLearning`) list,
//! create and change paths; everyone sees the paths meant for them on *My learning*.

use leptos::prelude::*;

use super::model::{PathEditor, PathListRow};
use super::path_form::PathForm;
use crate::error::AppError;

#[server(endpoint = "academy/list_learning_paths")]
pub async fn list_learning_paths() -> Result<Vec<PathListRow>, AppError> {
    crate::api::respond(server::list_learning_paths()).await
}

/// The editor for a new path (`id` empty) or an existing one, with resources and events
/// matching `find` to add as steps.
#[server(endpoint = "academy/path_editor")]
pub async fn open_path_editor(
    #[server(default)] id: Option<String>,
    #[server(default)] find: String,
) -> Result<PathEditor, AppError> {
    crate::api::respond(server::open_path_editor(id, find)).await
}

/// Creates a path when `id` is empty, otherwise saves its details; answers its key.
#[server(endpoint = "academy/save_learning_path")]
pub async fn save_learning_path(
    #[server(default)] id: Option<String>,
    form: PathForm,
) -> Result<String, AppError> {
    crate::api::respond(server::save_learning_path(id, form)).await
}

/// Adds, moves up or down, or removes one step (`change`: add, up, down, remove).
#[server(endpoint = "academy/change_path_step")]
pub async fn change_path_step(
    id: String,
    #[server(default)] step: String,
    #[server(default)] change: String,
    #[server(default)] find: String,
) -> Result<(), AppError> {
    crate::api::respond(server::change_path_step(id, step, change, find)).await
}

/// Longer searches for steps are cut here.
pub const MAX_FIND: usize = 100;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::model::{Named, PathEditor, PathListRow};
    use super::super::path_form::{PATH_ROLES, PathForm, StepChange, StepRef};
    use super::super::path_store as store;
    use super::super::resource::LIBRARY_LEVELS;
    use super::super::search::LibraryQuery;
    use super::super::{library_store, model::StepCandidate};
    use super::MAX_FIND;
    use crate::api::{self, check_id};
    use crate::auth::roles::Action;
    use crate::auth::session::require_viewer;
    use crate::error::{AppError, AppResult};
    use crate::people::levels::level_label;

    fn optional_id(id: Option<String>) -> AppResult<Option<String>> {
        let id = id.map(|i| i.trim().to_string()).filter(|i| !i.is_empty());
        if let Some(id) = &id {
            check_id(id)?;
        }
        Ok(id)
    }

    pub async fn list_learning_paths() -> AppResult<Vec<PathListRow>> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let state = api::state()?;
        store::all_paths(&state.db, &viewer.org_id).await
    }

    pub async fn open_path_editor(id: Option<String>, find: String) -> AppResult<PathEditor> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let id = optional_id(id)?;
        let state = api::state()?;
        let levels = LIBRARY_LEVELS
            .iter()
            .map(|l| Named {
                key: l.to_string(),
                label: level_label(l).to_string(),
            })
            .collect();
        let roles = PATH_ROLES
            .iter()
            .map(|r| Named {
                key: r.key().to_string(),
                label: r.label().to_string(),
            })
            .collect();
        let Some(id) = id else {
            return Ok(PathEditor {
                form: PathForm {
                    active: Some("on".into()),
                    ..Default::default()
                },
                levels,
                roles,
                ..Default::default()
            });
        };
        let (form, steps) = store::editing(&state.db, &viewer.org_id, &id).await?;
        let find: String = find.trim().chars().take(MAX_FIND).collect();
        let mut candidates: Vec<StepCandidate> = Vec::new();
        if !find.is_empty() {
            let query = LibraryQuery {
                q: find.clone(),
                page: 1,
                ..Default::default()
            };
            // Only published resources: a path is for learners.
            let found =
                library_store::search(&state.db, &viewer.org_id, &viewer.id, query, false).await?;
            candidates.extend(found.hits.into_iter().take(10).map(|hit| StepCandidate {
                reference: format!("resource/{}", hit.id),
                title: hit.title.into_iter().map(|s| s.text).collect(),
                kind: hit.kind.label,
                added: false,
            }));
            candidates.extend(store::event_candidates(&state.db, &viewer.org_id, &find).await?);
            for c in candidates.iter_mut() {
                c.added = steps.iter().any(|s| s.reference == c.reference);
            }
        }
        Ok(PathEditor {
            id: Some(id),
            form,
            steps,
            find,
            candidates,
            levels,
            roles,
        })
    }

    pub async fn save_learning_path(id: Option<String>, form: PathForm) -> AppResult<String> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let id = optional_id(id)?;
        let input = form.validate().map_err(AppError::Validation)?;
        let state = api::state()?;
        let saved =
            store::save_path(&state.db, &viewer.org_id, &viewer.id, id.as_deref(), &input).await?;
        let done = if id.is_some() { "saved" } else { "created" };
        leptos_axum::redirect(&format!("/learning/paths/{saved}?done={done}"));
        Ok(saved)
    }

    pub async fn change_path_step(
        id: String,
        step: String,
        change: String,
        find: String,
    ) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        check_id(&id)?;
        let step = StepRef::parse(&step)
            .ok_or_else(|| AppError::field("form", "Choose a resource or event from the list."))?;
        let change = StepChange::parse(&change)
            .ok_or_else(|| AppError::field("form", "Choose what to do with the step."))?;
        let state = api::state()?;
        store::change_step(&state.db, &viewer.org_id, &viewer.id, &id, &step, change).await?;
        let done = match change {
            StepChange::Add => "step_added",
            StepChange::Up | StepChange::Down => "step_moved",
            StepChange::Remove => "step_removed",
        };
        let find: String = find.trim().chars().take(MAX_FIND).collect();
        let mut url = form_urlencoded::Serializer::new(String::new());
        url.append_pair("done", done);
        if !find.is_empty() {
            url.append_pair("find", &find);
        }
        leptos_axum::redirect(&format!("/learning/paths/{id}?{}", url.finish()));
        Ok(())
    }
}
