//! Server functions for a practitioner's own evidence. Evidence is only ever read or changed
//! by its owner; reviewers see shared evidence through the review queue.

use leptos::prelude::*;

use super::model::{EvidenceDetail, EvidenceFilter, EvidenceForm, EvidenceSummary, PickerChoices};
use crate::error::AppError;
use crate::people::model::Page;

#[server(endpoint = "portfolio/list_evidence")]
pub async fn list_evidence(filter: EvidenceFilter) -> Result<Page<EvidenceSummary>, AppError> {
    crate::api::respond(server::list_evidence(filter)).await
}

#[server(endpoint = "portfolio/get_evidence")]
pub async fn get_evidence(id: String) -> Result<EvidenceDetail, AppError> {
    crate::api::respond(server::get_evidence(id)).await
}

/// Creates evidence when `id` is empty, otherwise updates it; answers its id.
#[server(endpoint = "portfolio/save_evidence")]
pub async fn save_evidence(
    #[server(default)] id: Option<String>,
    form: EvidenceForm,
) -> Result<String, AppError> {
    crate::api::respond(server::save_evidence(id, form)).await
}

#[server(endpoint = "portfolio/delete_evidence")]
pub async fn delete_evidence(id: String) -> Result<(), AppError> {
    crate::api::respond(server::delete_evidence(id)).await
}

/// New evidence started from a library resource the person used: a reflection with the
/// resource's title, link and criteria, for them to write up.
#[server(endpoint = "portfolio/prefill_evidence")]
pub async fn prefill_evidence(resource: String) -> Result<EvidenceDetail, AppError> {
    crate::api::respond(server::prefill_evidence(resource)).await
}

/// The criteria a practitioner can link evidence to, from the current pathway.
#[server(endpoint = "portfolio/criteria_choices")]
pub async fn criteria_choices() -> Result<PickerChoices, AppError> {
    crate::api::respond(server::criteria_choices()).await
}

#[cfg(feature = "ssr")]
mod server {
    use super::super::model::{
        CriterionChoice, EVIDENCE_PER_PAGE, EvidenceDetail, EvidenceFilter, EvidenceForm,
        EvidenceSummary, PickerChoices,
    };
    use super::super::store;
    use crate::api;
    use crate::api::check_id;
    use crate::auth::session::require_viewer;
    use crate::dates::today_uk;
    use crate::error::{AppError, AppResult};
    use crate::people::model::Page;
    use crate::progression::framework_store::{self, PATHWAY};

    pub async fn prefill_evidence(resource: String) -> AppResult<EvidenceDetail> {
        let viewer = require_viewer().await?;
        check_id(&resource)?;
        let state = api::state()?;
        let r =
            crate::academy::library_store::basics(&state.db, &viewer.org_id, &viewer.id, &resource)
                .await?;
        Ok(EvidenceDetail {
            kind: "reflection".into(),
            title: format!("Learning from \u{201c}{}\u{201d}", r.title),
            date: r.done_on.unwrap_or_else(|| crate::dates::iso(today_uk())),
            what_happened: format!(
                "I used the library resource \u{201c}{}\u{201d}: {}",
                r.title, r.summary
            ),
            link: r.link,
            criteria: r.criteria,
            ..Default::default()
        })
    }

    pub async fn list_evidence(filter: EvidenceFilter) -> AppResult<Page<EvidenceSummary>> {
        let viewer = require_viewer().await?;
        filter.validate().map_err(AppError::Validation)?;
        let state = api::state()?;
        store::list(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            &filter,
            EVIDENCE_PER_PAGE,
        )
        .await
    }

    pub async fn get_evidence(id: String) -> AppResult<EvidenceDetail> {
        let viewer = require_viewer().await?;
        check_id(&id)?;
        let state = api::state()?;
        store::get(&state.db, &viewer.org_id, &viewer.id, &id).await
    }

    pub async fn save_evidence(id: Option<String>, form: EvidenceForm) -> AppResult<String> {
        let viewer = require_viewer().await?;
        let id = id
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty());
        if let Some(id) = &id {
            check_id(id)?;
        }
        let state = api::state()?;
        let framework = framework_store::current(&state.db, &viewer.org_id, PATHWAY).await?;
        let known = |lineage: &str| {
            framework
                .as_ref()
                .and_then(|fw| fw.criterion(lineage))
                .is_some_and(|c| !c.retired && c.level.is_some())
        };
        let input = form
            .validate(today_uk(), known)
            .map_err(AppError::Validation)?;
        let mut domains: Vec<String> = Vec::new();
        if let Some(fw) = &framework {
            for lineage in &input.criteria {
                if let Some(c) = fw.criterion(lineage)
                    && !domains.contains(&c.domain)
                {
                    domains.push(c.domain.clone());
                }
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
        // A form posted before the wasm loaded lands on the list with its confirmation.
        leptos_axum::redirect("/evidence?done=saved");
        Ok(saved)
    }

    pub async fn delete_evidence(id: String) -> AppResult<()> {
        let viewer = require_viewer().await?;
        check_id(&id)?;
        let state = api::state()?;
        store::delete(&state.db, &viewer.org_id, &viewer.id, &id).await?;
        leptos_axum::redirect("/evidence?done=deleted");
        Ok(())
    }

    pub async fn criteria_choices() -> AppResult<PickerChoices> {
        let viewer = require_viewer().await?;
        let state = api::state()?;
        let Some(framework) = framework_store::current(&state.db, &viewer.org_id, PATHWAY).await?
        else {
            return Ok(PickerChoices::default());
        };
        let focus_level = framework
            .step_from(&viewer.career_level)
            .map(|s| s.to_level.clone());
        let criteria = framework
            .criteria
            .iter()
            .filter(|c| !c.retired)
            .filter_map(|c| {
                let level = c.level.clone()?;
                Some(CriterionChoice {
                    lineage: c.lineage.clone(),
                    level_name: framework.level_name(&level),
                    level,
                    domain: c.domain.clone(),
                    domain_name: framework.domain_name(&c.domain),
                    statement: c.statement.clone(),
                })
            })
            .collect();
        Ok(PickerChoices {
            criteria,
            focus_level,
            domains: framework
                .row
                .domains
                .iter()
                .map(|d| (d.key.clone(), d.name.clone()))
                .collect(),
        })
    }
}
