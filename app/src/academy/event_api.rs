//! Server functions for live events and the learner's hub. Everyone signed in books events
//! meant for them; line managers approve their own people's places; learning leads create
//! events, and they or the facilitator mark attendance.

use leptos::prelude::*;

use super::event_form::EventForm;
use super::model::{EventDetail, EventsPage, MyLearning, Named};
use crate::error::AppError;

#[server(endpoint = "academy/list_events")]
pub async fn list_events(#[server(default)] all: bool) -> Result<EventsPage, AppError> {
    crate::api::respond(server::list_events(all)).await
}

#[server(endpoint = "academy/get_event")]
pub async fn get_event(id: String) -> Result<EventDetail, AppError> {
    crate::api::respond(server::get_event(id)).await
}

/// Books a place (or the waitlist); answers "booked", "requested" or "waitlisted".
#[server(endpoint = "academy/book_event")]
pub async fn book_event(id: String) -> Result<String, AppError> {
    crate::api::respond(server::book_event(id)).await
}

#[server(endpoint = "academy/cancel_booking")]
pub async fn cancel_booking(id: String) -> Result<(), AppError> {
    crate::api::respond(server::cancel_booking(id)).await
}

/// A line manager approves (`approve` true) or declines a place held for approval.
#[server(endpoint = "academy/decide_booking")]
pub async fn decide_booking(id: String, person: String, approve: bool) -> Result<(), AppError> {
    crate::api::respond(server::decide_booking(id, person, approve)).await
}

#[server(endpoint = "academy/record_attendance")]
pub async fn record_attendance(id: String, person: String, attended: bool) -> Result<(), AppError> {
    crate::api::respond(server::record_attendance(id, person, attended)).await
}

/// What the event form offers: levels, teams and people who can facilitate.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EventFormChoices {
    pub levels: Vec<Named>,
    pub teams: Vec<Named>,
    pub facilitators: Vec<Named>,
}

/// Creates an event when `id` is empty, otherwise saves changes to it; answers its key.
#[server(endpoint = "academy/save_event")]
pub async fn save_event(
    #[server(default)] id: Option<String>,
    form: EventForm,
) -> Result<String, AppError> {
    crate::api::respond(server::save_event(id, form)).await
}

/// An event's edit form as it stands, with the choices it offers.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EventEditing {
    pub id: Option<String>,
    pub title: String,
    pub form: EventForm,
    pub choices: EventFormChoices,
    /// Places already taken or held, below which the number of places cannot go.
    pub seats: u32,
}

/// The form for a new event (`id` empty) or for changing one.
#[server(endpoint = "academy/event_editing")]
pub async fn event_edit_form(
    #[server(default)] id: Option<String>,
) -> Result<EventEditing, AppError> {
    crate::api::respond(server::event_edit_form(id)).await
}

/// Cancels an event; everyone booked or waiting is told, with the reason.
#[server(endpoint = "academy/cancel_event")]
pub async fn cancel_event(id: String, #[server(default)] reason: String) -> Result<(), AppError> {
    crate::api::respond(server::cancel_event(id, reason)).await
}

pub const MAX_CANCEL_REASON: usize = 500;

/// The learner's hub: recommendations, paths, bookmarks, completions and bookings.
#[server(endpoint = "academy/learning_hub")]
pub async fn learning_hub() -> Result<MyLearning, AppError> {
    crate::api::respond(server::learning_hub()).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use time::OffsetDateTime;

    use super::super::event_form::{EventForm, SessionsFrom};
    use super::super::event_store::{self as store, Booked};
    use super::super::library_store;
    use super::super::model::{EventDetail, EventsPage, MyLearning, Named};
    use super::super::path_store;
    use super::super::resource::LIBRARY_LEVELS;
    use super::EventFormChoices;
    use crate::api::{self, check_id};
    use crate::auth::roles::Action;
    use crate::auth::session::require_viewer;
    use crate::dates::today_uk;
    use crate::error::{AppError, AppResult};
    use crate::people::levels::level_label;

    pub async fn list_events(all: bool) -> AppResult<EventsPage> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        let state = api::state()?;
        store::events_page(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            all,
            viewer.can(Action::CurateLearning),
            OffsetDateTime::now_utc(),
        )
        .await
    }

    pub async fn get_event(id: String) -> AppResult<EventDetail> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        let state = api::state()?;
        let (criteria, _) = library_store::criteria(&state.db, &viewer.org_id).await?;
        store::detail(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            &id,
            viewer.can(Action::CurateLearning),
            &criteria,
            OffsetDateTime::now_utc(),
        )
        .await
    }

    pub async fn book_event(id: String) -> AppResult<String> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        let state = api::state()?;
        let booked = store::book(&state.db, &viewer.org_id, &viewer.id, &id).await?;
        let status = match booked {
            Booked::Booked => "booked",
            Booked::Requested => "requested",
            Booked::Waitlisted => "waitlisted",
        };
        leptos_axum::redirect(&format!("/events/{id}?done={status}"));
        Ok(status.to_string())
    }

    pub async fn cancel_booking(id: String) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        let state = api::state()?;
        store::cancel(&state.db, &viewer.org_id, &viewer.id, &id).await?;
        leptos_axum::redirect(&format!("/events/{id}?done=cancelled"));
        Ok(())
    }

    pub async fn decide_booking(id: String, person: String, approve: bool) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        check_id(&person)?;
        let state = api::state()?;
        store::decide(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            viewer.can(Action::CurateLearning),
            &id,
            &person,
            approve,
        )
        .await?;
        leptos_axum::redirect(&format!(
            "/events?done={}",
            if approve { "approved" } else { "declined" }
        ));
        Ok(())
    }

    pub async fn record_attendance(id: String, person: String, attended: bool) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        check_id(&person)?;
        let state = api::state()?;
        store::mark_attendance(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            viewer.can(Action::CurateLearning),
            &id,
            &person,
            attended,
            OffsetDateTime::now_utc(),
        )
        .await?;
        leptos_axum::redirect(&format!("/events/{id}?done=attendance"));
        Ok(())
    }

    async fn choices_for(db: &crate::db::Db, org: &str) -> AppResult<EventFormChoices> {
        let (teams, managers) = crate::people::store::person_choices(db, org).await?;
        let named = |c: crate::people::model::Choice| Named {
            key: c.id,
            label: c.label,
        };
        Ok(EventFormChoices {
            levels: LIBRARY_LEVELS
                .iter()
                .map(|l| Named {
                    key: l.to_string(),
                    label: level_label(l).to_string(),
                })
                .collect(),
            teams: teams.into_iter().map(named).collect(),
            facilitators: managers.into_iter().map(named).collect(),
        })
    }

    fn optional_id(id: Option<String>) -> AppResult<Option<String>> {
        let id = id.map(|i| i.trim().to_string()).filter(|i| !i.is_empty());
        if let Some(id) = &id {
            check_id(id)?;
        }
        Ok(id)
    }

    /// The choices, with the event's own team and facilitator added when they are no
    /// longer offered, so saving the form keeps them.
    fn with_current(mut choices: EventFormChoices, editing: &store::Editing) -> EventFormChoices {
        for (key, name) in &editing.teams {
            if !choices.teams.iter().any(|t| &t.key == key) {
                choices.teams.push(Named {
                    key: key.clone(),
                    label: format!("{name} (no longer offered)"),
                });
            }
        }
        if let Some((key, name)) = &editing.facilitator
            && !choices.facilitators.iter().any(|p| &p.key == key)
        {
            choices.facilitators.push(Named {
                key: key.clone(),
                label: format!("{name} (no longer offered)"),
            });
        }
        choices
    }

    pub async fn event_edit_form(id: Option<String>) -> AppResult<super::EventEditing> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let id = optional_id(id)?;
        let state = api::state()?;
        let choices = choices_for(&state.db, &viewer.org_id).await?;
        let Some(id) = id else {
            return Ok(super::EventEditing {
                choices,
                ..Default::default()
            });
        };
        let editing =
            store::editing(&state.db, &viewer.org_id, &id, OffsetDateTime::now_utc()).await?;
        Ok(super::EventEditing {
            id: Some(id),
            title: editing.title.clone(),
            choices: with_current(choices, &editing),
            seats: editing.seats,
            form: editing.form,
        })
    }

    pub async fn cancel_event(id: String, reason: String) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        check_id(&id)?;
        let reason = reason.trim().to_string();
        if reason.is_empty() {
            return Err(AppError::field(
                "reason",
                "Say why it is cancelled: everyone booked is told.",
            ));
        }
        if reason.chars().count() > super::MAX_CANCEL_REASON {
            return Err(AppError::field(
                "reason",
                format!(
                    "Keep the reason to {} characters or fewer.",
                    super::MAX_CANCEL_REASON
                ),
            ));
        }
        let state = api::state()?;
        store::cancel_event(&state.db, &viewer.org_id, &viewer.id, &id, &reason).await?;
        leptos_axum::redirect(&format!("/events/{id}?done=event_cancelled"));
        Ok(())
    }

    pub async fn save_event(id: Option<String>, form: EventForm) -> AppResult<String> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let id = optional_id(id)?;
        let state = api::state()?;
        let mut choices = choices_for(&state.db, &viewer.org_id).await?;
        // A new event's sessions are from tomorrow; a change may keep a session later today,
        // and keeps a team or facilitator the event already had.
        let from = match &id {
            Some(id) => {
                let now = OffsetDateTime::now_utc();
                let editing = store::editing(&state.db, &viewer.org_id, id, now).await?;
                choices = with_current(choices, &editing);
                let uk = crate::dates::to_uk(now);
                SessionsFrom::Now(time::PrimitiveDateTime::new(uk.date(), uk.time()))
            }
            None => SessionsFrom::Tomorrow(today_uk()),
        };
        let input = form
            .validate(from, |t| choices.teams.iter().any(|c| c.key == t))
            .map_err(AppError::Validation)?;
        if let Some(p) = &input.facilitator_person
            && !choices.facilitators.iter().any(|c| &c.key == p)
        {
            return Err(AppError::field(
                "facilitator_person",
                "Choose a facilitator from the list.",
            ));
        }
        let (id, done) = match id {
            Some(id) => {
                let promoted = store::update(&state.db, &viewer.org_id, &id, &input).await?;
                let done = if promoted > 0 {
                    "saved_promoted"
                } else {
                    "saved"
                };
                (id, done)
            }
            None => (
                store::create(&state.db, &viewer.org_id, &viewer.id, &input).await?,
                "created",
            ),
        };
        leptos_axum::redirect(&format!("/events/{id}?done={done}"));
        Ok(id)
    }

    pub async fn learning_hub() -> AppResult<MyLearning> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        let state = api::state()?;
        let (next_level, recommended) = library_store::recommendations(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            &viewer.career_level,
            6,
        )
        .await?;
        let roles: Vec<String> = viewer.roles.iter().map(|r| r.key().to_string()).collect();
        let paths = path_store::paths_for(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            &viewer.career_level,
            &roles,
        )
        .await?;
        let (bookmarks, done) =
            library_store::my_resources(&state.db, &viewer.org_id, &viewer.id).await?;
        let bookings = store::my_bookings(&state.db, &viewer.id, OffsetDateTime::now_utc()).await?;
        Ok(MyLearning {
            next_level: next_level.map(|l| level_label(&l).to_string()),
            recommended,
            paths,
            bookmarks,
            done,
            bookings,
        })
    }
}
