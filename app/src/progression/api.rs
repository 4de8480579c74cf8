//! Server functions for the pathway, sign-off and progression decisions. Each one authorises
//! before anything else, validates its input per field, then calls the store.

use leptos::prelude::*;

use super::data::{CaseSummary, CaseView, PathwayView, QueueItem, TeamMember};
use crate::error::AppError;

#[server(endpoint = "progression/my_pathway")]
pub async fn my_pathway() -> Result<PathwayView, AppError> {
    crate::api::respond(server::my_pathway()).await
}

/// A supervisee's pathway, for their line manager or assessor (never their private evidence).
#[server(endpoint = "progression/person_pathway")]
pub async fn person_pathway(person_id: String) -> Result<PathwayView, AppError> {
    crate::api::respond(server::person_pathway(person_id)).await
}

/// Sends the chosen criteria, with their evidence, to the practitioner's reviewers.
#[server(endpoint = "progression/submit_for_review")]
pub async fn submit_for_review(
    #[server(default)] criteria: Vec<String>,
    #[server(default)] comment: String,
) -> Result<usize, AppError> {
    crate::api::respond(server::submit_for_review(criteria, comment)).await
}

/// Takes a criterion back from review, so its evidence can be changed again.
#[server(endpoint = "progression/withdraw_submission")]
pub async fn withdraw_submission(lineage: String) -> Result<(), AppError> {
    crate::api::respond(server::withdraw_submission(lineage)).await
}

#[server(endpoint = "progression/review_queue")]
pub async fn review_queue() -> Result<Vec<QueueItem>, AppError> {
    crate::api::respond(server::review_queue()).await
}

/// A reviewer signs off (`sign_off`) or returns (`return`) one submitted criterion.
#[server(endpoint = "progression/review_criterion")]
pub async fn review_criterion(
    person_id: String,
    lineage: String,
    verdict: String,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    crate::api::respond(server::review_criterion(
        person_id, lineage, verdict, comment,
    ))
    .await
}

#[server(endpoint = "progression/team_progress")]
pub async fn team_progress() -> Result<Vec<TeamMember>, AppError> {
    crate::api::respond(server::team_progress()).await
}

/// Opens a progression request for the viewer (no `person_id`) or a supervisee.
#[server(endpoint = "progression/open_case")]
pub async fn open_case(
    #[server(default)] person_id: Option<String>,
    #[server(default)] account: String,
) -> Result<String, AppError> {
    crate::api::respond(server::open_case(person_id, account)).await
}

#[server(endpoint = "progression/open_cases")]
pub async fn open_cases() -> Result<Vec<CaseSummary>, AppError> {
    crate::api::respond(server::open_cases()).await
}

#[server(endpoint = "progression/get_case")]
pub async fn get_case(id: String) -> Result<CaseView, AppError> {
    crate::api::respond(server::get_case(id)).await
}

#[server(endpoint = "progression/set_panel")]
pub async fn set_panel(
    id: String,
    #[server(default)] members: Vec<String>,
) -> Result<(), AppError> {
    crate::api::respond(server::set_panel(id, members)).await
}

/// Records the decision on a case: `approve` or `defer`, with reasons (and actions to defer).
#[server(endpoint = "progression/decide_case")]
pub async fn decide_case(
    id: String,
    #[server(default)] decision: String,
    #[server(default)] reasons: String,
    #[server(default)] actions: String,
) -> Result<(), AppError> {
    crate::api::respond(server::decide_case(id, decision, reasons, actions)).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::case_store;
    use super::super::data::{CaseSummary, CaseView, PathwayView, QueueItem, TeamMember};
    use super::super::framework_store::{self, PATHWAY};
    use super::super::model::{DeciderRole, Decision, StepKind, Verdict, may_decide};
    use super::super::store;
    use crate::api;
    use crate::audit::audit;
    use crate::auth::roles::Action;
    use crate::auth::session::require_viewer;
    use crate::dates::{iso, today_uk};
    use crate::db::key;
    use crate::error::{AppError, AppResult, FieldErrors};
    use crate::people::model::Choice;

    pub const MAX_COMMENT: usize = 2_000;
    pub const MAX_REASONS: usize = 5_000;

    use crate::api::check_id;

    fn check_length(errors: &mut FieldErrors, field: &str, text: &str, max: usize) {
        if text.chars().count() > max {
            errors.add(field, format!("Keep this to {max} characters or fewer."));
        }
    }

    pub async fn my_pathway() -> AppResult<PathwayView> {
        let viewer = require_viewer().await?;
        let state = api::state()?;
        let person = store::person(&state.db, &viewer.org_id, &viewer.id).await?;
        let view = store::pathway(&state.db, &viewer.org_id, &person, true).await?;
        // An automatic step can also become met without a sign-off (a new framework version
        // retiring the last criterion outstanding), so a page that shows it met applies it.
        let automatic_and_met = view
            .next
            .as_ref()
            .is_some_and(|next| next.kind == StepKind::Automatic)
            && view.readiness.met();
        if !automatic_and_met {
            return Ok(view);
        }
        let Some(level) =
            case_store::apply_automatic_step(&state.db, &viewer.org_id, &person, &iso(today_uk()))
                .await?
        else {
            return Ok(view);
        };
        audit(
            &state.db,
            &viewer.org_id,
            None,
            "level.automatic",
            &format!("person:{}", viewer.id),
            format!("moved to {level}"),
        )
        .await?;
        let person = store::person(&state.db, &viewer.org_id, &viewer.id).await?;
        store::pathway(&state.db, &viewer.org_id, &person, true).await
    }

    /// Someone's pathway, for them, their supervisors, and the panel deciding their case.
    pub async fn person_pathway(person_id: String) -> AppResult<PathwayView> {
        let viewer = require_viewer().await?;
        check_id(&person_id)?;
        let state = api::state()?;
        let person =
            match store::person_in_reach(&state.db, &viewer.org_id, &viewer.id, &person_id).await {
                Ok(person) => person,
                Err(AppError::NotFound)
                    if case_store::sits_on_open_panel(
                        &state.db,
                        &viewer.org_id,
                        &viewer.id,
                        &person_id,
                    )
                    .await? =>
                {
                    store::person(&state.db, &viewer.org_id, &person_id).await?
                }
                Err(other) => return Err(other),
            };
        let own = person_id == viewer.id;
        store::pathway(&state.db, &viewer.org_id, &person, own).await
    }

    pub async fn withdraw_submission(lineage: String) -> AppResult<()> {
        let viewer = require_viewer().await?;
        check_id(&lineage)?;
        let state = api::state()?;
        let person = store::person(&state.db, &viewer.org_id, &viewer.id).await?;
        store::withdraw(&state.db, &viewer.org_id, &person, &lineage).await
    }

    pub async fn submit_for_review(criteria: Vec<String>, comment: String) -> AppResult<usize> {
        let viewer = require_viewer().await?;
        let mut errors = FieldErrors::new();
        let mut lineages: Vec<String> = Vec::new();
        for lineage in criteria.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
            if check_id(lineage).is_err() {
                errors.add("criteria", "Choose criteria from the list.");
            } else if !lineages.iter().any(|l| l == lineage) {
                lineages.push(lineage.to_string());
            }
        }
        if lineages.is_empty() {
            errors.add(
                "criteria",
                "Choose at least one criterion to send for sign-off.",
            );
        }
        if lineages.len() > 200 {
            errors.add("criteria", "Send at most 200 criteria at once.");
        }
        let comment = comment.trim().to_string();
        check_length(&mut errors, "comment", &comment, MAX_COMMENT);
        errors.into_result()?;
        let state = api::state()?;
        let person = store::person(&state.db, &viewer.org_id, &viewer.id).await?;
        store::submit(&state.db, &viewer.org_id, &person, &lineages, &comment).await
    }

    pub async fn review_queue() -> AppResult<Vec<QueueItem>> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ViewSupervisees)?;
        let state = api::state()?;
        store::queue(&state.db, &viewer.org_id, &viewer.id).await
    }

    pub async fn review_criterion(
        person_id: String,
        lineage: String,
        verdict: String,
        comment: String,
    ) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ViewSupervisees)?;
        check_id(&person_id)?;
        check_id(&lineage)?;
        // Nobody signs off their own criteria, whatever their roles.
        if person_id == viewer.id {
            return Err(AppError::Forbidden);
        }
        let state = api::state()?;
        let person = store::person(&state.db, &viewer.org_id, &person_id).await?;
        if !person.is_supervised_by(&viewer.id) {
            return Err(AppError::Forbidden);
        }
        let mut errors = FieldErrors::new();
        let verdict = Verdict::from_key(verdict.trim());
        if verdict.is_none() {
            errors.add("verdict", "Choose whether to sign off or return.");
        }
        let comment = comment.trim().to_string();
        if verdict == Some(Verdict::Return) && comment.is_empty() {
            errors.add(
                "comment",
                "Say what needs to change, so they know what to do next.",
            );
        }
        check_length(&mut errors, "comment", &comment, MAX_COMMENT);
        errors.into_result()?;
        let verdict = verdict.ok_or(AppError::Internal)?;
        store::decide(
            &state.db,
            &viewer.org_id,
            (&viewer.id, &viewer.name),
            &person,
            &lineage,
            verdict,
            &comment,
        )
        .await?;
        let action = match verdict {
            Verdict::SignOff => "criterion.signed_off",
            Verdict::Return => "criterion.returned",
        };
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            action,
            &format!("person:{person_id}"),
            format!("criterion {lineage}"),
        )
        .await?;
        if verdict == Verdict::SignOff
            && let Some(level) = case_store::apply_automatic_step(
                &state.db,
                &viewer.org_id,
                &person,
                &iso(today_uk()),
            )
            .await?
        {
            audit(
                &state.db,
                &viewer.org_id,
                None,
                "level.automatic",
                &format!("person:{person_id}"),
                format!("moved to {level}"),
            )
            .await?;
        }
        Ok(())
    }

    pub async fn team_progress() -> AppResult<Vec<TeamMember>> {
        let viewer = require_viewer().await?;
        let state = api::state()?;
        team_for(&state.db, &viewer).await
    }

    /// The supervisor's team with each person's CPD, supervision and ASYE milestones.
    pub async fn team_for(
        db: &crate::db::Db,
        viewer: &crate::auth::Viewer,
    ) -> AppResult<Vec<TeamMember>> {
        viewer.require(Action::ViewSupervisees)?;
        let mut members = store::team(db, &viewer.org_id, &viewer.id).await?;
        let people: Vec<(surrealdb::types::RecordId, String)> = members
            .iter()
            .map(|m| {
                (
                    surrealdb::types::RecordId::new("person", m.id.as_str()),
                    m.name.clone(),
                )
            })
            .collect();
        let today = today_uk();
        let year = crate::cpd::rules::RegistrationYear::containing(today);
        let counts = crate::cpd::store::counts(
            db,
            &viewer.org_id,
            people.iter().map(|(id, _)| id.clone()).collect(),
            year,
        )
        .await?;
        let programmes = crate::asye::store::active_starts(
            db,
            &viewer.org_id,
            people.iter().map(|(id, _)| id.clone()).collect(),
        )
        .await?;
        let cadences =
            crate::supervision::api::server::cadences(db, &viewer.org_id, &people, &programmes)
                .await?;
        for (member, cadence) in members.iter_mut().zip(cadences) {
            let (records, peer) = counts.get(&member.id).copied().unwrap_or((0, 0));
            // Social work assistants are not registered with Social Work England.
            let registered = !matches!(
                member.level_key.as_str(),
                "social_work_assistant" | "not_social_work"
            );
            member.cpd = registered.then(|| crate::cpd::rules::status(year, records, peer, today));
            member.supervision = Some(cadence);
            member.asye = programmes.contains_key(&member.id);
        }
        let in_asye: Vec<surrealdb::types::RecordId> = people
            .iter()
            .filter(|(id, _)| programmes.contains_key(&crate::db::key(id)))
            .map(|(id, _)| id.clone())
            .collect();
        if !in_asye.is_empty() {
            let rows =
                crate::asye::store::programmes(db, &viewer.org_id, Some(in_asye), None).await?;
            let mut records =
                crate::asye::store::records(db, rows.iter().map(|r| r.id.clone()).collect())
                    .await?
                    .by_programme();
            for row in rows.iter().filter(|r| r.status == "active") {
                let cohort = crate::asye::api::server::cohort_row(
                    row,
                    &records.remove(&crate::db::key(&row.id)).unwrap_or_default(),
                    today,
                );
                if let Some(member) = members.iter_mut().find(|m| m.id == cohort.person_id) {
                    member.asye_next = cohort.next.map(|n| (n.label, n.due));
                    member.asye_overdue = cohort.overdue;
                }
            }
        }
        Ok(members)
    }

    pub async fn open_case(person_id: Option<String>, account: String) -> AppResult<String> {
        let viewer = require_viewer().await?;
        let person_id = person_id
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| viewer.id.clone());
        check_id(&person_id)?;
        let state = api::state()?;
        let person =
            store::person_in_reach(&state.db, &viewer.org_id, &viewer.id, &person_id).await?;
        let account = account.trim().to_string();
        if account.chars().count() > MAX_REASONS {
            return Err(AppError::field(
                "account",
                format!("Keep the account to {MAX_REASONS} characters or fewer."),
            ));
        }
        let id = case_store::open(
            &state.db,
            &viewer.org_id,
            (&viewer.id, &viewer.name),
            &person,
            &account,
        )
        .await?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            "case.opened",
            &format!("progression_case:{id}"),
            format!("for person:{person_id}"),
        )
        .await?;
        Ok(id)
    }

    pub async fn open_cases() -> AppResult<Vec<CaseSummary>> {
        let viewer = require_viewer().await?;
        let state = api::state()?;
        case_store::open_cases_for(
            &state.db,
            &viewer.org_id,
            &viewer.id,
            viewer.can(Action::ArrangePanels),
        )
        .await
    }

    struct CaseAccess {
        case: case_store::CaseRow,
        role: DeciderRole,
        arranges: bool,
    }

    /// The case, if the viewer has a part in it: its subject, their supervisor, a panel
    /// member, or an admin arranging panels. Anyone else gets not found.
    async fn case_access(id: &str) -> AppResult<(crate::auth::Viewer, CaseAccess)> {
        let viewer = require_viewer().await?;
        check_id(id)?;
        let state = api::state()?;
        let case = case_store::get(&state.db, &viewer.org_id, id).await?;
        let subject = store::person(&state.db, &viewer.org_id, &key(&case.person)).await?;
        let role = DeciderRole {
            is_subject: key(&case.person) == viewer.id,
            is_supervisor: subject.is_supervised_by(&viewer.id),
            on_panel: case.panel.iter().any(|p| key(p) == viewer.id),
        };
        let arranges = viewer.can(Action::ArrangePanels);
        if !(role.is_subject || role.is_supervisor || role.on_panel || arranges) {
            return Err(AppError::NotFound);
        }
        Ok((
            viewer,
            CaseAccess {
                case,
                role,
                arranges,
            },
        ))
    }

    pub async fn get_case(id: String) -> AppResult<CaseView> {
        let (viewer, access) = case_access(&id).await?;
        let state = api::state()?;
        let framework = framework_store::current(&state.db, &viewer.org_id, PATHWAY).await?;
        let case = &access.case;
        let kind = case.kind();
        let may_set_panel = case.status == "open"
            && kind == StepKind::Panel
            && !access.role.is_subject
            && (access.role.is_supervisor || access.arranges);
        let panel_choices = if may_set_panel {
            case_store::panel_choices(&state.db, &viewer.org_id, &case.person)
                .await?
                .into_iter()
                .map(|(id, name)| Choice {
                    id: key(&id),
                    label: name,
                })
                .collect()
        } else {
            Vec::new()
        };
        Ok(CaseView {
            summary: case.summary(framework.as_ref()),
            signed_off: case.signed_off.max(0) as u32,
            required: case.required.max(0) as u32,
            account: case.account.clone(),
            opened_by: case.opened_by_name.clone(),
            panel: case.panel_names.clone(),
            decided_by: case.decided_by_name.clone(),
            reasons: case.reasons.clone(),
            actions: case.actions.clone(),
            may_decide: case.status == "open" && may_decide(kind, access.role),
            may_set_panel,
            panel_choices,
            panel_ids: case.panel.iter().map(key).collect(),
            own: access.role.is_subject,
        })
    }

    pub async fn set_panel(id: String, members: Vec<String>) -> AppResult<()> {
        let (viewer, access) = case_access(&id).await?;
        if access.role.is_subject || !(access.role.is_supervisor || access.arranges) {
            return Err(AppError::Forbidden);
        }
        let state = api::state()?;
        let choices =
            case_store::panel_choices(&state.db, &viewer.org_id, &access.case.person).await?;
        let mut panel = Vec::new();
        for member in members.iter().map(|m| m.trim()).filter(|m| !m.is_empty()) {
            match choices.iter().find(|(id, _)| key(id) == member) {
                Some((id, _)) if !panel.contains(id) => panel.push(id.clone()),
                Some(_) => {}
                None => {
                    return Err(AppError::field(
                        "members",
                        "Choose panel members from the list.",
                    ));
                }
            }
        }
        if !(2..=5).contains(&panel.len()) {
            return Err(AppError::field(
                "members",
                "A panel needs between 2 and 5 members.",
            ));
        }
        let text = format!(
            "You are on the progression panel for {}.",
            access.case.person_name
        );
        case_store::set_panel(&state.db, &viewer.org_id, &id, panel, text).await?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            "case.panel_set",
            &format!("progression_case:{id}"),
            format!("{} members", members.len()),
        )
        .await
    }

    pub async fn decide_case(
        id: String,
        decision: String,
        reasons: String,
        actions: String,
    ) -> AppResult<()> {
        let (viewer, access) = case_access(&id).await?;
        if !may_decide(access.case.kind(), access.role) {
            return Err(AppError::Forbidden);
        }
        let mut errors = FieldErrors::new();
        let decision = Decision::from_key(decision.trim());
        if decision.is_none() {
            errors.add("decision", "Choose whether to approve or defer.");
        }
        let reasons = reasons.trim().to_string();
        let actions = actions.trim().to_string();
        if reasons.is_empty() {
            errors.add("reasons", "Give the reasons for the decision.");
        }
        if decision == Some(Decision::Defer) && actions.is_empty() {
            errors.add(
                "actions",
                "Say what needs to happen before the request comes back.",
            );
        }
        check_length(&mut errors, "reasons", &reasons, MAX_REASONS);
        check_length(&mut errors, "actions", &actions, MAX_REASONS);
        errors.into_result()?;
        let decision = decision.ok_or(AppError::Internal)?;
        let state = api::state()?;
        let framework = framework_store::current(&state.db, &viewer.org_id, PATHWAY).await?;
        let summary = access.case.summary(framework.as_ref());
        let text = match decision {
            Decision::Approve => format!(
                "Your progression to {} was approved. Congratulations.",
                summary.to_name
            ),
            Decision::Defer => format!(
                "Your progression request to {} was deferred, with actions to take.",
                summary.to_name
            ),
        };
        case_store::decide(
            &state.db,
            &viewer.org_id,
            &access.case,
            &viewer.id,
            decision,
            &reasons,
            &actions,
            &iso(today_uk()),
            text,
        )
        .await?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            match decision {
                Decision::Approve => "case.approved",
                Decision::Defer => "case.deferred",
            },
            &format!("progression_case:{id}"),
            format!("{} to {}", summary.from_name, summary.to_name),
        )
        .await
    }
}
