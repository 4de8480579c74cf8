//! Survey server functions. Answering needs only an invitation; building and publishing needs
//! `CurateLearning`; results need `CurateLearning` or `ReadInsight`, and are aggregates only:
//! no function here, for any role, returns a response with who gave it.

use leptos::prelude::*;

use super::answers::AnswerForm;
use super::design::{DetailsForm, PublishForm, QuestionForm};
use super::model::{AnswerView, EditorView, ImpactView, ManageView, ResultsView, SurveyInbox};
use crate::error::AppError;

#[server(endpoint = "surveys/inbox")]
pub async fn my_surveys() -> Result<SurveyInbox, AppError> {
    crate::api::respond(server::inbox()).await
}

/// The questions of a survey to answer, or (`preview`, for learning leads) to look at.
#[server(endpoint = "surveys/open")]
pub async fn open_survey(
    id: String,
    #[server(default)] preview: bool,
) -> Result<AnswerView, AppError> {
    crate::api::respond(server::open(id, preview)).await
}

#[server(endpoint = "surveys/submit")]
pub async fn submit_survey(
    id: String,
    #[server(default)] form: AnswerForm,
) -> Result<(), AppError> {
    crate::api::respond(server::submit(id, form)).await
}

#[server(endpoint = "surveys/manage")]
pub async fn manage_surveys() -> Result<ManageView, AppError> {
    crate::api::respond(server::manage()).await
}

/// Creates a draft from a template; answers its key.
#[server(endpoint = "surveys/create")]
pub async fn create_survey(#[server(default)] template: String) -> Result<String, AppError> {
    crate::api::respond(server::create(template)).await
}

#[server(endpoint = "surveys/follow_up")]
pub async fn set_follow_up(#[server(default)] days: String) -> Result<(), AppError> {
    crate::api::respond(server::follow_up(days)).await
}

#[server(endpoint = "surveys/editor")]
pub async fn survey_editor(id: String) -> Result<EditorView, AppError> {
    crate::api::respond(server::editor(id)).await
}

#[server(endpoint = "surveys/save_details")]
pub async fn save_survey_details(id: String, form: DetailsForm) -> Result<(), AppError> {
    crate::api::respond(server::save_details(id, form)).await
}

/// Adds a question (`question` empty) or saves one.
#[server(endpoint = "surveys/save_question")]
pub async fn save_question(
    id: String,
    #[server(default)] question: String,
    form: QuestionForm,
) -> Result<(), AppError> {
    crate::api::respond(server::save_question(id, question, form)).await
}

/// Moves a question up or down, or removes it (`change`: up, down, remove).
#[server(endpoint = "surveys/change_question")]
pub async fn change_question(
    id: String,
    #[server(default)] question: String,
    #[server(default)] change: String,
) -> Result<(), AppError> {
    crate::api::respond(server::change_question(id, question, change)).await
}

#[server(endpoint = "surveys/publish")]
pub async fn publish_survey(id: String, form: PublishForm) -> Result<u64, AppError> {
    crate::api::respond(server::publish(id, form)).await
}

/// A draft of the next wave, with the same questions; answers its key.
#[server(endpoint = "surveys/new_wave")]
pub async fn new_survey_wave(id: String) -> Result<String, AppError> {
    crate::api::respond(server::new_wave(id)).await
}

#[server(endpoint = "surveys/remind")]
pub async fn remind_survey(id: String) -> Result<usize, AppError> {
    crate::api::respond(server::remind(id)).await
}

#[server(endpoint = "surveys/results")]
pub async fn survey_results(
    id: String,
    #[server(default)] dimension: String,
    #[server(default)] segment: String,
    #[server(default)] by: String,
) -> Result<ResultsView, AppError> {
    crate::api::respond(server::results(id, dimension, segment, by)).await
}

#[server(endpoint = "surveys/impact")]
pub async fn survey_impact() -> Result<ImpactView, AppError> {
    crate::api::respond(server::impact()).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::answers::{AnswerForm, read_answers};
    use super::super::design::{
        AudienceKind, DetailsForm, Kind, MAX_QUESTIONS, PublishForm, QuestionForm, next_key,
    };
    use super::super::model::{
        AnswerState, AnswerView, EditorView, ImpactView, InboxRow, ManageRow, ManageView, Named,
        ResultsView, SectionView, Status, SurveyInbox,
    };
    use super::super::store::{self, Survey};
    use super::super::templates::{FOLLOW_UP_RANGE, TEMPLATES, draft, purpose_label};
    use super::super::{report, results::Tallies};
    use crate::api::{self, check_id};
    use crate::audit::audit;
    use crate::auth::Viewer;
    use crate::auth::roles::{Action, Role};
    use crate::auth::session::require_viewer;
    use crate::dates::{iso, today_uk, uk_date};
    use crate::error::{AppError, AppResult};
    use crate::people::levels::CAREER_LEVELS;

    fn today() -> String {
        iso(today_uk())
    }

    fn can_read_results(viewer: &Viewer) -> bool {
        viewer.can(Action::CurateLearning) || viewer.can(Action::ReadInsight)
    }

    pub async fn inbox() -> AppResult<SurveyInbox> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        let state = api::state()?;
        let today = today();
        let mut open = Vec::new();
        let mut answered = Vec::new();
        for (id, title, purpose, status, closes, responded) in
            store::invitations_of(&state.db, &viewer.org_id, &viewer.id, &today).await?
        {
            let row = InboxRow {
                id,
                title,
                purpose: purpose_label(&purpose).to_string(),
                closes: format!("Closes {}", uk_date(&closes)),
                answered: responded,
            };
            match (status, responded) {
                (Status::Open, false) => open.push(row),
                (Status::Open | Status::Closed, true) => answered.push(row),
                _ => {}
            }
        }
        answered.reverse();
        Ok(SurveyInbox {
            open,
            answered,
            can_manage: viewer.can(Action::CurateLearning),
            can_read_results: can_read_results(&viewer),
        })
    }

    fn sections_of(survey: &Survey) -> Vec<SectionView> {
        survey
            .sections
            .iter()
            .map(|s| SectionView {
                title: s.clone(),
                questions: survey
                    .questions
                    .iter()
                    .filter(|q| q.section == *s)
                    .cloned()
                    .collect(),
            })
            .filter(|s| !s.questions.is_empty())
            .collect()
    }

    pub async fn open(id: String, preview: bool) -> AppResult<AnswerView> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        let state = api::state()?;
        let survey = store::load(&state.db, &viewer.org_id, &id).await?;
        let today = today();
        let state_now = if preview {
            viewer.require(Action::CurateLearning)?;
            AnswerState::Preview
        } else {
            // Someone not invited learns nothing, not even that the survey exists.
            let responded = store::participation(&state.db, &id, &viewer.id)
                .await?
                .ok_or(AppError::NotFound)?;
            match (survey.status(&today), responded) {
                (_, true) => AnswerState::Answered,
                (Status::Open, false) => AnswerState::Open,
                (Status::Scheduled | Status::Draft, _) => AnswerState::NotYetOpen,
                (Status::Closed, _) => AnswerState::Closed,
            }
        };
        Ok(AnswerView {
            sections: sections_of(&survey),
            id: survey.key,
            title: survey.title,
            intro: survey.intro,
            closes: survey.closes.as_deref().map(uk_date).unwrap_or_default(),
            state: state_now,
            min_group: survey.min_group,
        })
    }

    pub async fn submit(id: String, form: AnswerForm) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::UseOwnAccount)?;
        check_id(&id)?;
        let state = api::state()?;
        let survey = store::load(&state.db, &viewer.org_id, &id).await?;
        if store::participation(&state.db, &id, &viewer.id)
            .await?
            .is_none()
        {
            return Err(AppError::NotFound);
        }
        let answers = read_answers(&survey.questions, &form).map_err(AppError::Validation)?;
        store::submit(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            &id,
            &answers,
            &today(),
        )
        .await?;
        leptos_axum::redirect(&format!("/surveys/{id}?done=answered"));
        Ok(())
    }

    pub async fn manage() -> AppResult<ManageView> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let state = api::state()?;
        let today = today();
        let mut rows = Vec::new();
        for s in store::all(&state.db, &viewer.org_id).await? {
            let responses =
                Tallies::new(store::counts(&state.db, &s.key, &[]).await?).responses("all", "all");
            rows.push(ManageRow {
                status: s.status(&today),
                opens: s.opens.as_deref().map(uk_date).unwrap_or_default(),
                closes: s.closes.as_deref().map(uk_date).unwrap_or_default(),
                purpose: purpose_label(&s.purpose).to_string(),
                id: s.key,
                title: s.title,
                wave: s.wave,
                invited: s.invited,
                responses,
            });
        }
        Ok(ManageView {
            rows,
            templates: TEMPLATES
                .iter()
                .map(|(k, l, d)| (k.to_string(), l.to_string(), d.to_string()))
                .collect(),
            follow_up_days: store::follow_up_days(&state.db, &viewer.org_id).await?,
        })
    }

    pub async fn create(template: String) -> AppResult<String> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let d = draft(template.trim(), None)
            .ok_or_else(|| AppError::field("template", "Choose a template to start from."))?;
        let state = api::state()?;
        let key = store::create_draft(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            &d,
            None,
            None,
            None,
        )
        .await?;
        leptos_axum::redirect(&format!("/surveys/{key}/edit?done=created"));
        Ok(key)
    }

    pub async fn follow_up(days: String) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        let (lo, hi) = FOLLOW_UP_RANGE;
        let days = match days.trim().parse::<u32>() {
            Ok(d) if (lo..=hi).contains(&d) => d,
            _ => {
                return Err(AppError::field(
                    "days",
                    format!("Enter a whole number of days from {lo} to {hi}; 60 to 90 is usual."),
                ));
            }
        };
        let state = api::state()?;
        store::set_follow_up_days(&state.db, &viewer.org_id, days).await?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            "survey.follow_up_days",
            "org",
            days.to_string(),
        )
        .await?;
        leptos_axum::redirect("/surveys/manage?done=follow_up");
        Ok(())
    }

    async fn curated(id: &str) -> AppResult<(Viewer, crate::state::AppState, Survey)> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CurateLearning)?;
        check_id(id)?;
        let state = api::state()?;
        let survey = store::load(&state.db, &viewer.org_id, id).await?;
        Ok((viewer, state, survey))
    }

    pub async fn editor(id: String) -> AppResult<EditorView> {
        let (viewer, state, survey) = curated(&id).await?;
        let today = today_uk();
        let teams: Vec<Named> = store::teams(&state.db, &viewer.org_id)
            .await?
            .into_iter()
            .map(|(k, n, _)| Named { key: k, label: n })
            .collect();
        let events = attended_events(&state, &viewer.org_id).await?;
        let status = survey.status(&iso(today));
        let published = survey.published.then(|| {
            format!(
                "{}, {} to {}",
                audience_label(&survey, &teams, &events),
                survey.opens.as_deref().map(uk_date).unwrap_or_default(),
                survey.closes.as_deref().map(uk_date).unwrap_or_default()
            )
        });
        let default_close = today.checked_add(time::Duration::days(21)).unwrap_or(today);
        Ok(EditorView {
            id: survey.key.clone(),
            title: survey.title.clone(),
            wave: survey.wave,
            purpose: purpose_label(&survey.purpose).to_string(),
            status,
            details: DetailsForm {
                title: survey.title.clone(),
                intro: survey.intro.clone(),
                sections: survey.sections.join("\n"),
            },
            sections: survey.sections.clone(),
            questions: survey.questions.clone(),
            kinds: Kind::ALL
                .iter()
                .map(|k| Named {
                    key: k.key().into(),
                    label: k.label().into(),
                })
                .collect(),
            teams,
            roles: Role::ALL
                .iter()
                .map(|r| Named {
                    key: r.key().into(),
                    label: r.label().into(),
                })
                .collect(),
            levels: CAREER_LEVELS
                .iter()
                .map(|l| Named {
                    key: l.key.into(),
                    label: l.label.into(),
                })
                .collect(),
            events,
            publish: PublishForm {
                audience: survey.audience.clone(),
                teams: survey.audience_keys.clone(),
                roles: survey.audience_keys.clone(),
                levels: survey.audience_keys.clone(),
                event: survey.event.clone().unwrap_or_default(),
                opens: survey.opens.clone().unwrap_or_else(|| iso(today)),
                closes: survey.closes.clone().unwrap_or_else(|| iso(default_close)),
                min_group: survey.min_group.to_string(),
            },
            published,
            invited: survey.invited,
            event: survey.event.clone(),
        })
    }

    /// "Everyone in the council", "Teams: Fostering, Locality North", ...
    fn audience_label(survey: &Survey, teams: &[Named], events: &[Named]) -> String {
        let names = |choices: &[Named]| {
            survey
                .audience_keys
                .iter()
                .map(|k| {
                    choices
                        .iter()
                        .find(|c| c.key == *k)
                        .map(|c| c.label.clone())
                        .unwrap_or_else(|| k.clone())
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        match AudienceKind::from_key(&survey.audience) {
            Some(AudienceKind::Everyone) | None => "Everyone in the council".to_string(),
            Some(AudienceKind::Teams) => format!("Teams: {}", names(teams)),
            Some(AudienceKind::Roles) => format!(
                "Roles: {}",
                survey
                    .audience_keys
                    .iter()
                    .filter_map(|k| Role::from_key(k).map(|r| r.label()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Some(AudienceKind::Levels) => format!(
                "Levels: {}",
                survey
                    .audience_keys
                    .iter()
                    .map(|k| crate::people::levels::level_label(k))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Some(AudienceKind::Event) => format!("Attendees of {}", names(events)),
        }
    }

    /// Past events with attendance, for an "event's attendees" audience.
    async fn attended_events(state: &crate::state::AppState, org: &str) -> AppResult<Vec<Named>> {
        use surrealdb::types::SurrealValue;
        #[derive(SurrealValue)]
        struct Row {
            id: surrealdb::types::RecordId,
            title: String,
        }
        let mut response = state
            .db
            .query(
                "SELECT * FROM (SELECT id, title, starts FROM event WITH INDEX event_org_starts
                    WHERE org = type::record('org', $org) AND starts < time::now())
                    ORDER BY starts DESC LIMIT 50;",
            )
            .bind(("org", org.to_string()))
            .await?
            .check()?;
        let rows: Vec<Row> = response.take(0)?;
        Ok(rows
            .into_iter()
            .map(|r| Named {
                key: crate::db::key(&r.id),
                label: r.title,
            })
            .collect())
    }

    pub async fn save_details(id: String, form: DetailsForm) -> AppResult<()> {
        let (viewer, state, survey) = curated(&id).await?;
        let details = form.validate().map_err(AppError::Validation)?;
        store::save_details(&state.db, &viewer.org_id, &survey, &details).await?;
        leptos_axum::redirect(&format!("/surveys/{id}/edit?done=saved"));
        Ok(())
    }

    pub async fn save_question(id: String, question: String, form: QuestionForm) -> AppResult<()> {
        let (viewer, state, survey) = curated(&id).await?;
        let question = question.trim().to_string();
        let mut questions = survey.questions.clone();
        let done = if question.is_empty() {
            if questions.len() >= MAX_QUESTIONS {
                return Err(AppError::field(
                    "form",
                    format!("A survey can have up to {MAX_QUESTIONS} questions."),
                ));
            }
            let q = form
                .validate(next_key(&questions), &survey.sections)
                .map_err(AppError::Validation)?;
            questions.push(q);
            "question_added"
        } else {
            let at = questions
                .iter()
                .position(|q| q.key == question)
                .ok_or(AppError::NotFound)?;
            let q = form
                .validate(question, &survey.sections)
                .map_err(AppError::Validation)?;
            questions[at] = q;
            "question_saved"
        };
        store::save_questions(&state.db, &viewer.org_id, &survey, &questions).await?;
        leptos_axum::redirect(&format!("/surveys/{id}/edit?done={done}#questions"));
        Ok(())
    }

    pub async fn change_question(id: String, question: String, change: String) -> AppResult<()> {
        let (viewer, state, survey) = curated(&id).await?;
        let mut questions = survey.questions.clone();
        let at = questions
            .iter()
            .position(|q| q.key == question.trim())
            .ok_or_else(|| AppError::field("form", "Choose a question from the list."))?;
        let done = match change.trim() {
            "up" if at > 0 => {
                questions.swap(at, at - 1);
                "question_moved"
            }
            "down" if at + 1 < questions.len() => {
                questions.swap(at, at + 1);
                "question_moved"
            }
            "up" | "down" => "question_moved",
            "remove" => {
                questions.remove(at);
                "question_removed"
            }
            _ => {
                return Err(AppError::field(
                    "form",
                    "Choose what to do with the question.",
                ));
            }
        };
        store::save_questions(&state.db, &viewer.org_id, &survey, &questions).await?;
        leptos_axum::redirect(&format!("/surveys/{id}/edit?done={done}#questions"));
        Ok(())
    }

    pub async fn publish(id: String, form: PublishForm) -> AppResult<u64> {
        let (viewer, state, survey) = curated(&id).await?;
        let teams = store::teams(&state.db, &viewer.org_id).await?;
        let events = attended_events(&state, &viewer.org_id).await?;
        let input = form
            .validate(today_uk(), |kind, key| match kind {
                AudienceKind::Teams => teams.iter().any(|(t, ..)| t == key),
                AudienceKind::Roles => Role::from_key(key).is_some(),
                AudienceKind::Levels => CAREER_LEVELS.iter().any(|l| l.key == key),
                AudienceKind::Event => events.iter().any(|e| e.key == key),
                AudienceKind::Everyone => true,
            })
            .map_err(AppError::Validation)?;
        let invited = store::publish(&state.db, &viewer.org_id, &survey, &input, &today()).await?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            "survey.publish",
            &format!("survey:{id}"),
            format!("{} invited, minimum group {}", invited, input.min_group),
        )
        .await?;
        leptos_axum::redirect(&format!("/surveys/{id}/edit?done=published"));
        Ok(invited)
    }

    pub async fn new_wave(id: String) -> AppResult<String> {
        let (viewer, state, survey) = curated(&id).await?;
        if !survey.published {
            return Err(AppError::Conflict(
                "Publish this wave before starting the next.".into(),
            ));
        }
        let key = store::new_wave(&state.db, &viewer.org_id, &viewer.id, &survey).await?;
        leptos_axum::redirect(&format!("/surveys/{key}/edit?done=new_wave"));
        Ok(key)
    }

    pub async fn remind(id: String) -> AppResult<usize> {
        let (viewer, state, survey) = curated(&id).await?;
        if survey.status(&today()) != Status::Open {
            return Err(AppError::Conflict(
                "Reminders go out only while a survey is open.".into(),
            ));
        }
        let sent = store::remind_survey(&state.db, &id).await?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            "survey.remind",
            &format!("survey:{id}"),
            format!("{sent} reminded"),
        )
        .await?;
        leptos_axum::redirect(&format!("/surveys/{id}/edit?done=reminded&sent={sent}"));
        Ok(sent)
    }

    pub async fn results(
        id: String,
        dimension: String,
        segment: String,
        by: String,
    ) -> AppResult<ResultsView> {
        let viewer = require_viewer().await?;
        if !can_read_results(&viewer) {
            return Err(AppError::Forbidden);
        }
        check_id(&id)?;
        let segment: String = segment.trim().chars().take(64).collect();
        let state = api::state()?;
        let survey = store::load(&state.db, &viewer.org_id, &id).await?;
        if !survey.published {
            return Err(AppError::Conflict(
                "This survey is a draft: it has no results yet.".into(),
            ));
        }
        report::results(
            &state.db,
            &viewer.org_id,
            &survey,
            (&dimension, &segment),
            &by,
            &today(),
        )
        .await
    }

    pub async fn impact() -> AppResult<ImpactView> {
        let viewer = require_viewer().await?;
        if !can_read_results(&viewer) {
            return Err(AppError::Forbidden);
        }
        let state = api::state()?;
        report::impact(&state.db, &viewer.org_id, &today()).await
    }
}
