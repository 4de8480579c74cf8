//! Server functions for editing frameworks: learning leads and admins only. Published
//! versions never change; edits go into a draft, which is then published as a new version.

use leptos::prelude::*;

use super::data::{FrameworkDetail, FrameworkSummary};
use crate::error::AppError;

#[server(endpoint = "frameworks/list")]
pub async fn list_frameworks() -> Result<Vec<FrameworkSummary>, AppError> {
    crate::api::respond(server::list()).await
}

#[server(endpoint = "frameworks/detail")]
pub async fn get_framework(id: String) -> Result<FrameworkDetail, AppError> {
    crate::api::respond(server::detail(id)).await
}

/// Starts a draft copy of a published version and answers its id.
#[server(endpoint = "frameworks/start_draft")]
pub async fn start_draft(id: String) -> Result<String, AppError> {
    crate::api::respond(server::start_draft(id)).await
}

#[server(endpoint = "frameworks/add_criterion")]
pub async fn add_criterion(
    framework_id: String,
    #[server(default)] domain: String,
    #[server(default)] level: String,
    #[server(default)] statement: String,
) -> Result<(), AppError> {
    crate::api::respond(server::add_criterion(
        framework_id,
        domain,
        level,
        statement,
    ))
    .await
}

/// Rewords a draft criterion and sets the statements of another framework it maps to.
#[server(endpoint = "frameworks/edit_criterion")]
pub async fn edit_criterion(
    id: String,
    #[server(default)] statement: String,
    #[server(default)] maps_to: Vec<String>,
) -> Result<(), AppError> {
    crate::api::respond(server::edit_criterion(id, statement, maps_to)).await
}

/// Moves a draft criterion `up` or `down` within its level and domain.
#[server(endpoint = "frameworks/move_criterion")]
pub async fn move_criterion(id: String, direction: String) -> Result<(), AppError> {
    crate::api::respond(server::move_criterion(id, direction)).await
}

#[server(endpoint = "frameworks/retire_criterion")]
pub async fn retire_criterion(id: String, retired: bool) -> Result<(), AppError> {
    crate::api::respond(server::retire_criterion(id, retired)).await
}

#[server(endpoint = "frameworks/publish")]
pub async fn publish_framework(id: String) -> Result<(), AppError> {
    crate::api::respond(server::publish(id)).await
}

#[server(endpoint = "frameworks/discard_draft")]
pub async fn discard_draft(id: String) -> Result<(), AppError> {
    crate::api::respond(server::discard_draft(id)).await
}

#[cfg(feature = "ssr")]
mod server {
    use super::super::data::{FrameworkDetail, FrameworkSummary};
    use super::super::framework_store as store;
    use crate::api;
    use crate::api::check_id;
    use crate::audit::audit;
    use crate::auth::Viewer;
    use crate::auth::roles::Action;
    use crate::auth::session::require_viewer;
    use crate::dates::{iso, today_uk};
    use crate::error::{AppError, AppResult, FieldErrors};

    pub const MIN_STATEMENT: usize = 10;
    pub const MAX_STATEMENT: usize = 500;

    async fn editor() -> AppResult<Viewer> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManageFrameworks)?;
        Ok(viewer)
    }

    fn check_statement(statement: &str) -> AppResult<String> {
        let statement = statement.split_whitespace().collect::<Vec<_>>().join(" ");
        let length = statement.chars().count();
        if length < MIN_STATEMENT {
            return Err(AppError::field(
                "statement",
                "Write the criterion as one clear statement of at least 10 characters.",
            ));
        }
        if length > MAX_STATEMENT {
            return Err(AppError::field(
                "statement",
                format!("Keep the statement to {MAX_STATEMENT} characters or fewer."),
            ));
        }
        Ok(statement)
    }

    async fn log(viewer: &Viewer, action: &str, subject: String, detail: String) -> AppResult<()> {
        let state = api::state()?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            action,
            &subject,
            detail,
        )
        .await
    }

    pub async fn list() -> AppResult<Vec<FrameworkSummary>> {
        let viewer = editor().await?;
        let state = api::state()?;
        store::list(&state.db, &viewer.org_id).await
    }

    pub async fn detail(id: String) -> AppResult<FrameworkDetail> {
        let viewer = editor().await?;
        check_id(&id)?;
        let state = api::state()?;
        store::detail(&state.db, &viewer.org_id, &id).await
    }

    pub async fn start_draft(id: String) -> AppResult<String> {
        let viewer = editor().await?;
        check_id(&id)?;
        let state = api::state()?;
        let draft = store::start_draft(&state.db, &viewer.org_id, &id).await?;
        leptos_axum::redirect(&format!("/frameworks/{draft}"));
        log(
            &viewer,
            "framework.draft_started",
            format!("framework:{draft}"),
            format!("from framework:{id}"),
        )
        .await?;
        Ok(draft)
    }

    pub async fn add_criterion(
        framework_id: String,
        domain: String,
        level: String,
        statement: String,
    ) -> AppResult<()> {
        let viewer = editor().await?;
        check_id(&framework_id)?;
        let state = api::state()?;
        let framework = store::by_id(&state.db, &viewer.org_id, &framework_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut errors = FieldErrors::new();
        if !framework.row.domains.iter().any(|d| d.key == domain) {
            errors.add("domain", "Choose a domain from the list.");
        }
        let level = level.trim();
        let level = if framework.row.levels.is_empty() {
            None
        } else if framework.row.levels.iter().any(|l| l.key == level) {
            Some(level)
        } else {
            errors.add("level", "Choose a level from the list.");
            None
        };
        let statement = match check_statement(&statement) {
            Ok(statement) => Some(statement),
            Err(AppError::Validation(e)) => {
                for (field, message) in e.0 {
                    errors.add(&field, message);
                }
                None
            }
            Err(other) => return Err(other),
        };
        errors.into_result()?;
        let statement = statement.ok_or(AppError::Internal)?;
        let lineage = store::add_criterion(
            &state.db,
            &viewer.org_id,
            &framework,
            &domain,
            level,
            &statement,
        )
        .await?;
        log(
            &viewer,
            "framework.criterion_added",
            format!("framework:{framework_id}"),
            format!("criterion {lineage}"),
        )
        .await
    }

    pub async fn edit_criterion(
        id: String,
        statement: String,
        maps_to: Vec<String>,
    ) -> AppResult<()> {
        let viewer = editor().await?;
        check_id(&id)?;
        let statement = check_statement(&statement)?;
        let state = api::state()?;
        let family = store::family_of_criterion(&state.db, &viewer.org_id, &id).await?;
        let targets = store::crosswalk_targets(&state.db, &viewer.org_id, &family).await?;
        let mut mapped: Vec<String> = Vec::new();
        for lineage in maps_to.iter().map(|m| m.trim()).filter(|m| !m.is_empty()) {
            if !targets.iter().any(|t| t.key == lineage) {
                return Err(AppError::field(
                    "maps_to",
                    "Choose statements from the list to map this criterion to.",
                ));
            }
            if !mapped.iter().any(|m| m == lineage) {
                mapped.push(lineage.to_string());
            }
        }
        store::edit_criterion(&state.db, &viewer.org_id, &id, &statement, mapped).await?;
        log(
            &viewer,
            "framework.criterion_edited",
            format!("criterion:{id}"),
            String::new(),
        )
        .await
    }

    pub async fn move_criterion(id: String, direction: String) -> AppResult<()> {
        let viewer = editor().await?;
        check_id(&id)?;
        let up = match direction.as_str() {
            "up" => true,
            "down" => false,
            _ => return Err(AppError::field("direction", "Move a criterion up or down.")),
        };
        let state = api::state()?;
        store::move_criterion(&state.db, &viewer.org_id, &id, up).await
    }

    pub async fn retire_criterion(id: String, retired: bool) -> AppResult<()> {
        let viewer = editor().await?;
        check_id(&id)?;
        let state = api::state()?;
        store::set_retired(&state.db, &viewer.org_id, &id, retired).await?;
        log(
            &viewer,
            if retired {
                "framework.criterion_retired"
            } else {
                "framework.criterion_restored"
            },
            format!("criterion:{id}"),
            String::new(),
        )
        .await
    }

    pub async fn publish(id: String) -> AppResult<()> {
        let viewer = editor().await?;
        check_id(&id)?;
        let state = api::state()?;
        store::publish(&state.db, &viewer.org_id, &id, &iso(today_uk())).await?;
        log(
            &viewer,
            "framework.published",
            format!("framework:{id}"),
            String::new(),
        )
        .await
    }

    pub async fn discard_draft(id: String) -> AppResult<()> {
        let viewer = editor().await?;
        check_id(&id)?;
        let state = api::state()?;
        store::discard_draft(&state.db, &viewer.org_id, &id).await?;
        leptos_axum::redirect("/frameworks");
        log(
            &viewer,
            "framework.draft_discarded",
            format!("framework:{id}"),
            String::new(),
        )
        .await
    }
}
