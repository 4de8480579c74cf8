//! Server functions for people and teams. Each one authorises before anything else.

use leptos::prelude::*;

use super::model::{
    FormChoices, Headcounts, Page, PersonDetail, PersonForm, PersonSummary, ProfileView, TeamNode,
};
use crate::error::AppError;

#[server(endpoint = "people/list_people")]
pub async fn list_people(
    query: String,
    page: u32,
    include_inactive: bool,
) -> Result<Page<PersonSummary>, AppError> {
    crate::api::respond(server::list_people(query, page, include_inactive)).await
}

#[server(endpoint = "people/get_person")]
pub async fn get_person(id: String) -> Result<PersonDetail, AppError> {
    crate::api::respond(server::get_person(id)).await
}

#[server(endpoint = "people/person_choices")]
pub async fn person_choices() -> Result<FormChoices, AppError> {
    crate::api::respond(server::person_choices()).await
}

/// Creates a person when `id` is empty, otherwise updates them.
#[server(endpoint = "people/save_person")]
pub async fn save_person(id: Option<String>, form: PersonForm) -> Result<String, AppError> {
    crate::api::respond(server::save_person(id, form)).await
}

#[server(endpoint = "people/set_person_active")]
pub async fn set_person_active(id: String, active: bool) -> Result<(), AppError> {
    crate::api::respond(server::set_person_active(id, active)).await
}

/// An admin sets a new password for someone who has forgotten theirs.
#[server(endpoint = "people/set_password")]
pub async fn set_password(id: String, new_password: String) -> Result<(), AppError> {
    crate::api::respond(server::set_password(id, new_password)).await
}

#[server(endpoint = "people/my_supervisees")]
pub async fn my_supervisees() -> Result<Vec<PersonSummary>, AppError> {
    crate::api::respond(server::my_supervisees()).await
}

#[server(endpoint = "people/my_profile")]
pub async fn my_profile() -> Result<ProfileView, AppError> {
    crate::api::respond(server::my_profile()).await
}

#[server(endpoint = "people/council_overview")]
pub async fn council_overview() -> Result<Headcounts, AppError> {
    crate::api::respond(server::council_overview()).await
}

#[server(endpoint = "people/list_teams")]
pub async fn list_teams(include_archived: bool) -> Result<Vec<TeamNode>, AppError> {
    crate::api::respond(server::list_teams(include_archived)).await
}

/// Creates a team when `id` is empty, otherwise renames, moves or archives it.
#[server(endpoint = "people/save_team")]
pub async fn save_team(
    id: Option<String>,
    name: String,
    parent_id: Option<String>,
    archived: Option<String>,
) -> Result<(), AppError> {
    crate::api::respond(server::save_team(id, name, parent_id, archived.is_some())).await
}

#[cfg(feature = "ssr")]
mod server {
    use super::super::model::{
        FormChoices, Headcounts, PEOPLE_PER_PAGE, Page, PersonDetail, PersonForm, PersonSummary,
        ProfileView, TeamNode, check_team_name,
    };
    use super::super::store;
    use crate::api;
    use crate::audit;
    use crate::auth::password::{check_new_password, hash_password};
    use crate::auth::roles::{self, Action};
    use crate::auth::session::{self, require_viewer};
    use crate::error::{AppError, AppResult, FieldErrors};

    fn clean_id(id: Option<String>) -> Option<String> {
        id.map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty())
    }

    use crate::api::check_id;

    pub async fn list_people(
        query: String,
        page: u32,
        include_inactive: bool,
    ) -> AppResult<Page<PersonSummary>> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManagePeople)?;
        if query.chars().count() > 100 {
            return Err(AppError::field(
                "query",
                "Search with at most 100 characters.",
            ));
        }
        let state = api::state()?;
        store::list_people(
            &state.db,
            &viewer.org_id,
            &query,
            include_inactive,
            page.clamp(1, 100_000),
            PEOPLE_PER_PAGE,
        )
        .await
    }

    pub async fn get_person(id: String) -> AppResult<PersonDetail> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManagePeople)?;
        check_id(&id)?;
        let state = api::state()?;
        store::get_person(&state.db, &viewer.org_id, &id).await
    }

    pub async fn person_choices() -> AppResult<FormChoices> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManagePeople)?;
        let state = api::state()?;
        let (teams, managers) = store::person_choices(&state.db, &viewer.org_id).await?;
        Ok(FormChoices { teams, managers })
    }

    pub async fn save_person(id: Option<String>, form: PersonForm) -> AppResult<String> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManagePeople)?;
        let state = api::state()?;
        let id = clean_id(id);
        if let Some(id) = &id {
            check_id(id)?;
        }
        let input = form.validate(id.is_none()).map_err(AppError::Validation)?;
        store::check_references(&state.db, &viewer.org_id, &input, id.as_deref()).await?;
        let roles = roles::keys(&input.roles);
        match id {
            None => {
                let hash = match &input.password {
                    Some(password) => Some(hash_password(password.clone()).await?),
                    None => None,
                };
                let new_id = store::create_person(&state.db, &viewer.org_id, &input, hash).await?;
                let joined = input
                    .start_date
                    .clone()
                    .unwrap_or_else(|| crate::dates::iso(crate::dates::today_uk()));
                crate::progression::case_store::record_level_change(
                    &state.db,
                    &viewer.org_id,
                    &new_id,
                    &input.career_level,
                    "joined",
                    &joined,
                )
                .await?;
                audit::audit(
                    &state.db,
                    &viewer.org_id,
                    Some(&viewer.id),
                    "person.created",
                    &format!("person:{new_id}"),
                    format!("roles={roles}"),
                )
                .await?;
                leptos_axum::redirect(&format!("/admin/people/{new_id}?saved=1"));
                Ok(new_id)
            }
            Some(id) => {
                let before = store::get_person(&state.db, &viewer.org_id, &id).await?;
                if id == viewer.id && !input.roles.contains(&crate::auth::roles::Role::Admin) {
                    return Err(AppError::field(
                        "roles",
                        "You cannot remove your own admin role; ask another admin.",
                    ));
                }
                store::update_person(&state.db, &viewer.org_id, &id, &input).await?;
                if before.career_level != input.career_level {
                    // An admin's change of level (a recruitment, a correction) starts a new
                    // entry in the person's level history, like a progression decision does.
                    crate::progression::case_store::record_level_change(
                        &state.db,
                        &viewer.org_id,
                        &id,
                        &input.career_level,
                        "admin",
                        &crate::dates::iso(crate::dates::today_uk()),
                    )
                    .await?;
                    audit::audit(
                        &state.db,
                        &viewer.org_id,
                        Some(&viewer.id),
                        "person.level_changed",
                        &format!("person:{id}"),
                        format!("from={} to={}", before.career_level, input.career_level),
                    )
                    .await?;
                }
                if before.roles != input.roles {
                    let was = roles::keys(&before.roles);
                    audit::audit(
                        &state.db,
                        &viewer.org_id,
                        Some(&viewer.id),
                        "person.roles_changed",
                        &format!("person:{id}"),
                        format!("from={was} to={roles}"),
                    )
                    .await?;
                }
                leptos_axum::redirect(&format!("/admin/people/{id}?saved=1"));
                Ok(id)
            }
        }
    }

    pub async fn set_person_active(id: String, active: bool) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManagePeople)?;
        check_id(&id)?;
        if id == viewer.id && !active {
            return Err(AppError::Conflict(
                "You cannot deactivate yourself; ask another admin.".into(),
            ));
        }
        let state = api::state()?;
        store::set_active(&state.db, &viewer.org_id, &id, active).await?;
        if !active {
            session::revoke_all(&state.db, &id).await?;
        }
        audit::audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            if active {
                "person.reactivated"
            } else {
                "person.deactivated"
            },
            &format!("person:{id}"),
            String::new(),
        )
        .await
    }

    pub async fn set_password(id: String, new_password: String) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManagePeople)?;
        check_id(&id)?;
        if id == viewer.id {
            return Err(AppError::Conflict(
                "Change your own password under My account.".into(),
            ));
        }
        let state = api::state()?;
        // Scoped by org: someone in another council is simply not found.
        let person = store::get_person(&state.db, &viewer.org_id, &id).await?;
        let mut errors = FieldErrors::new();
        check_new_password(&new_password, &person.email, "new_password", &mut errors);
        errors.into_result()?;
        let hash = hash_password(new_password).await?;
        crate::auth::store::set_password_hash(&state.db, &id, hash).await?;
        // Whoever was signed in as them (perhaps not them) is signed out.
        session::revoke_all(&state.db, &id).await?;
        audit::audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            "person.password_set",
            &format!("person:{id}"),
            String::new(),
        )
        .await
    }

    pub async fn my_supervisees() -> AppResult<Vec<PersonSummary>> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ViewSupervisees)?;
        let state = api::state()?;
        store::supervisees(&state.db, &viewer.org_id, &viewer.id).await
    }

    pub async fn my_profile() -> AppResult<ProfileView> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        let state = api::state()?;
        store::my_profile(&state.db, &viewer.org_id, &viewer.id).await
    }

    pub async fn council_overview() -> AppResult<Headcounts> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ReadInsight)?;
        let state = api::state()?;
        store::council_overview(&state.db, &viewer.org_id).await
    }

    pub async fn list_teams(include_archived: bool) -> AppResult<Vec<TeamNode>> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManageTeams)?;
        let state = api::state()?;
        store::list_teams(&state.db, &viewer.org_id, include_archived).await
    }

    pub async fn save_team(
        id: Option<String>,
        name: String,
        parent_id: Option<String>,
        archived: bool,
    ) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManageTeams)?;
        let state = api::state()?;
        let id = clean_id(id);
        let parent_id = clean_id(parent_id);
        let mut errors = FieldErrors::new();
        let name = check_team_name(&name, &mut errors);
        let teams = store::list_teams(&state.db, &viewer.org_id, true).await?;
        if let Some(id) = &id
            && !teams.iter().any(|team| &team.id == id)
        {
            return Err(AppError::NotFound);
        }
        // Two levels: services at the top, teams inside a service. Keeping it so makes a
        // cycle impossible and matches how councils report.
        if let Some(parent) = &parent_id {
            match teams.iter().find(|team| &team.id == parent) {
                None => errors.add("parent_id", "Choose a service from the list."),
                Some(team) if team.parent_id.is_some() => errors.add(
                    "parent_id",
                    "Teams sit inside a service, not inside another team.",
                ),
                Some(team) if team.archived => {
                    errors.add("parent_id", "That service is archived; choose another.")
                }
                Some(team) if Some(&team.id) == id.as_ref() => {
                    errors.add("parent_id", "A team cannot sit inside itself.")
                }
                Some(_) => {}
            }
            if let Some(id) = &id
                && teams.iter().any(|team| team.parent_id.as_ref() == Some(id))
            {
                errors.add(
                    "parent_id",
                    "This service has teams, so it must stay a service.",
                );
            }
        }
        let sibling_clash = teams.iter().any(|team| {
            team.parent_id == parent_id
                && team.name.eq_ignore_ascii_case(&name)
                && Some(&team.id) != id.as_ref()
                && !team.archived
        });
        if sibling_clash {
            errors.add("name", "There is already a team with that name here.");
        }
        errors.into_result()?;
        let subject;
        match &id {
            None => {
                let new_id =
                    store::create_team(&state.db, &viewer.org_id, &name, parent_id.as_deref())
                        .await?;
                subject = format!("team:{new_id}");
            }
            Some(id) => {
                store::update_team(
                    &state.db,
                    &viewer.org_id,
                    id,
                    &name,
                    parent_id.as_deref(),
                    archived,
                )
                .await?;
                subject = format!("team:{id}");
            }
        }
        audit::audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            if id.is_none() {
                "team.created"
            } else {
                "team.updated"
            },
            &subject,
            format!("name={name} archived={archived}"),
        )
        .await
    }
}
