//! Server functions for the resource library. Everyone signed in searches and uses published
//! resources; only learning leads (`CurateLearning`) see drafts, edit and change status.

use leptos::prelude::*;

use super::model::{CuratorBoard, FormChoices, ResourceDetail, SearchResults};
use super::resource::ResourceForm;
use super::search::LibraryQuery;
use crate::error::AppError;

#[server(endpoint = "academy/search_library")]
pub async fn search_library(query: LibraryQuery) -> Result<SearchResults, AppError> {
    crate::api::respond(server::search_library(query)).await
}

#[server(endpoint = "academy/get_resource")]
pub async fn get_resource(id: String) -> Result<ResourceDetail, AppError> {
    crate::api::respond(server::get_resource(id)).await
}

#[server(endpoint = "academy/bookmark_resource")]
pub async fn bookmark_resource(id: String, on: bool) -> Result<(), AppError> {
    crate::api::respond(server::bookmark_resource(id, on)).await
}

/// Marks a resource done today, or takes the mark back.
#[server(endpoint = "academy/mark_resource_done")]
pub async fn mark_resource_done(id: String, done: bool) -> Result<(), AppError> {
    crate::api::respond(server::mark_resource_done(id, done)).await
}

/// "Was this useful?": `useful` is "yes" or "no"; the comment is optional.
#[server(endpoint = "academy/rate_resource")]
pub async fn rate_resource(
    id: String,
    #[server(default)] useful: String,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    crate::api::respond(server::rate_resource(id, useful, comment)).await
}

#[server(endpoint = "academy/resource_choices")]
pub async fn resource_choices() -> Result<FormChoices, AppError> {
    crate::api::respond(server::resource_choices()).await
}

/// Creates a draft when `id` is empty, otherwise saves the changes; answers the key.
#[server(endpoint = "academy/save_resource")]
pub async fn save_resource(
    #[server(default)] id: Option<String>,
    form: ResourceForm,
) -> Result<String, AppError> {
    crate::api::respond(server::save_resource(id, form)).await
}

#[server(endpoint = "academy/set_resource_status")]
pub async fn set_resource_status(id: String, to: String) -> Result<(), AppError> {
    crate::api::respond(server::set_resource_status(id, to)).await
}

#[server(endpoint = "academy/library_board")]
pub async fn library_board() -> Result<CuratorBoard, AppError> {
    crate::api::respond(server::library_board()).await
}

pub const MAX_COMMENT: usize = 1_000;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::library_store as store;
    use super::super::model::{CuratorBoard, FormChoices, Named, ResourceDetail, SearchResults};
    use super::super::resource::{LIBRARY_LEVELS, ResourceForm, Status};
    use super::super::search::LibraryQuery;
    use super::MAX_COMMENT;
    use crate::api::{self, check_id};
    use crate::auth::roles::Action;
    use crate::auth::session::require_viewer;
    use crate::dates::{iso, today_uk};
    use crate::error::{AppError, AppResult};
    use crate::people::levels::level_label;

    pub async fn search_library(query: LibraryQuery) -> AppResult<SearchResults> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        let state = api::state()?;
        let can_curate = viewer.can(Action::CurateLearning);
        store::search(&state.db, &viewer.org_id, &viewer.id, query, can_curate).await
    }

    pub async fn get_resource(id: String) -> AppResult<ResourceDetail> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        let state = api::state()?;
        let can_curate = viewer.can(Action::CurateLearning);
        store::detail(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            &id,
            can_curate,
            today_uk(),
        )
        .await
    }

    pub async fn bookmark_resource(id: String, on: bool) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        let state = api::state()?;
        store::set_bookmark(&state.db, &viewer.org_id, &viewer.id, &id, on).await
    }

    pub async fn mark_resource_done(id: String, done: bool) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        let state = api::state()?;
        let day = done.then(|| iso(today_uk()));
        store::set_done(&state.db, &viewer.org_id, &viewer.id, &id, day).await?;
        leptos_axum::redirect(&format!(
            "/library/{id}?done={}",
            if done { "marked" } else { "unmarked" }
        ));
        Ok(())
    }

    pub async fn rate_resource(id: String, useful: String, comment: String) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        let mut errors = crate::error::FieldErrors::new();
        let useful = match useful.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                errors.add("useful", "Choose yes or no.");
                None
            }
        };
        let comment = comment.trim().to_string();
        if comment.chars().count() > MAX_COMMENT {
            errors.add(
                "comment",
                format!("Keep your comment to {MAX_COMMENT} characters or fewer."),
            );
        }
        errors.into_result()?;
        let state = api::state()?;
        store::give_feedback(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            &id,
            useful.unwrap_or(true),
            comment,
        )
        .await?;
        leptos_axum::redirect(&format!("/library/{id}?done=rated"));
        Ok(())
    }

    pub async fn resource_choices() -> AppResult<FormChoices> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let state = api::state()?;
        let (criteria, _) = store::criteria(&state.db, &viewer.org_id).await?;
        Ok(FormChoices {
            levels: LIBRARY_LEVELS
                .iter()
                .map(|l| Named {
                    key: l.to_string(),
                    label: level_label(l).to_string(),
                })
                .collect(),
            criteria,
        })
    }

    pub async fn save_resource(id: Option<String>, form: ResourceForm) -> AppResult<String> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let id = id.map(|i| i.trim().to_string()).filter(|i| !i.is_empty());
        if let Some(id) = &id {
            check_id(id)?;
        }
        let state = api::state()?;
        let (criteria, _) = store::criteria(&state.db, &viewer.org_id).await?;
        let input = form
            .validate(today_uk(), LIBRARY_LEVELS, |l| {
                criteria.iter().any(|c| c.lineage == l)
            })
            .map_err(AppError::Validation)?;
        let mut domains: Vec<String> = Vec::new();
        for c in criteria
            .iter()
            .filter(|c| input.criteria.contains(&c.lineage))
        {
            if !domains.contains(&c.domain.key) {
                domains.push(c.domain.key.clone());
            }
        }
        let saved = store::save(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            id.as_deref(),
            &input,
            domains,
        )
        .await?;
        leptos_axum::redirect(&format!("/library/{saved}?done=saved"));
        Ok(saved)
    }

    pub async fn set_resource_status(id: String, to: String) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        check_id(&id)?;
        let to = Status::from_key(&to).ok_or(AppError::field("to", "Choose a status."))?;
        let state = api::state()?;
        store::set_status(&state.db, &viewer.org_id, &id, to).await?;
        leptos_axum::redirect(&format!("/library/{id}?done={}", to.key()));
        Ok(())
    }

    pub async fn library_board() -> AppResult<CuratorBoard> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let state = api::state()?;
        store::board(&state.db, &viewer.org_id, today_uk()).await
    }
}
