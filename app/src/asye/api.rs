//! Server functions for the ASYE. The NQSW records observations, self-assessments and
//! protected time; their assessor or supervisor records reviews, pauses, extensions and the
//! final recommendation; the coordinator records moderation and sees the whole cohort.

use leptos::prelude::*;

use super::model::{
    AdjustmentForm, AsyeView, Cohort, CohortFilter, DecisionForm, ObservationForm, ProgrammeForm,
    ReviewForm, SelfAssessmentForm, TimeForm,
};
use crate::error::AppError;

/// The viewer's own programme, if they have one.
#[server(endpoint = "asye/my_asye")]
pub async fn my_asye() -> Result<Option<AsyeView>, AppError> {
    crate::api::respond(server::my_asye()).await
}

/// An NQSW's programme, for them, their assessor and supervisor, and the coordinator.
#[server(endpoint = "asye/asye_of")]
pub async fn asye_of(person_id: String) -> Result<AsyeView, AppError> {
    crate::api::respond(server::asye_of(person_id)).await
}

#[server(endpoint = "asye/asye_cohort")]
pub async fn asye_cohort(filter: CohortFilter) -> Result<Cohort, AppError> {
    crate::api::respond(server::asye_cohort(filter)).await
}

#[server(endpoint = "asye/start_programme")]
pub async fn start_programme(form: ProgrammeForm) -> Result<(), AppError> {
    crate::api::respond(server::start_programme(form)).await
}

#[server(endpoint = "asye/record_review")]
pub async fn record_review(person_id: String, form: ReviewForm) -> Result<(), AppError> {
    crate::api::respond(server::record_review(person_id, form)).await
}

#[server(endpoint = "asye/record_observation")]
pub async fn record_observation(person_id: String, form: ObservationForm) -> Result<(), AppError> {
    crate::api::respond(server::record_observation(person_id, form)).await
}

#[server(endpoint = "asye/record_self_assessment")]
pub async fn record_self_assessment(
    person_id: String,
    form: SelfAssessmentForm,
) -> Result<(), AppError> {
    crate::api::respond(server::record_self_assessment(person_id, form)).await
}

#[server(endpoint = "asye/log_protected_time")]
pub async fn log_protected_time(person_id: String, form: TimeForm) -> Result<(), AppError> {
    crate::api::respond(server::log_protected_time(person_id, form)).await
}

#[server(endpoint = "asye/record_adjustment")]
pub async fn record_adjustment(person_id: String, form: AdjustmentForm) -> Result<(), AppError> {
    crate::api::respond(server::record_adjustment(person_id, form)).await
}

#[server(endpoint = "asye/record_recommendation")]
pub async fn record_recommendation(person_id: String, form: DecisionForm) -> Result<(), AppError> {
    crate::api::respond(server::record_recommendation(person_id, form)).await
}

#[server(endpoint = "asye/record_moderation")]
pub async fn record_moderation(person_id: String, form: DecisionForm) -> Result<(), AppError> {
    crate::api::respond(server::record_moderation(person_id, form)).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use surrealdb::types::RecordId;
    use time::Date;

    use super::super::model::*;
    use super::super::schedule::{
        MilestoneState, Pause, Progress, Rules, SelfAssessmentStage, TimelineItem, active_weeks,
        cap_date, check_within_cap, end_date, next_due, protected_time, rules_for, timeline,
    };
    use super::super::store::{self, ProgrammeRow, Records};
    use crate::api::{self, check_id};
    use crate::audit::audit;
    use crate::auth::Viewer;
    use crate::auth::roles::Action;
    use crate::auth::session::require_viewer;
    use crate::dates::{iso, parse_date, today_uk, uk_date};
    use crate::db::key;
    use crate::error::{AppError, AppResult};

    pub fn pauses(records: &Records) -> Vec<Pause> {
        records
            .adjustments
            .iter()
            .filter(|a| a.kind == "pause")
            .filter_map(|a| {
                Some(Pause {
                    from: parse_date(a.paused_from.as_deref()?)?,
                    to: parse_date(a.paused_to.as_deref()?)?,
                })
            })
            .collect()
    }

    pub fn extension_months(records: &Records) -> u32 {
        records
            .adjustments
            .iter()
            .filter(|a| a.kind == "extension")
            .filter_map(|a| a.months)
            .map(|m| m.clamp(0, 120) as u32)
            .sum()
    }

    fn stage(key: &str) -> Option<SelfAssessmentStage> {
        match key {
            "start" => Some(SelfAssessmentStage::Start),
            "middle" => Some(SelfAssessmentStage::Middle),
            "end" => Some(SelfAssessmentStage::End),
            _ => None,
        }
    }

    fn progress(row: &ProgrammeRow, records: &Records) -> Progress {
        Progress {
            reviews_done: records
                .reviews
                .iter()
                .map(|r| r.month.max(0) as u32)
                .collect(),
            observations_recorded: records.observations.len() as u32,
            self_assessments_done: records
                .self_assessments
                .iter()
                .filter_map(|s| stage(&s.stage))
                .collect(),
            final_recommendation_made: row.recommendation.is_some()
                && row.moderation.as_deref() != Some("referred_back"),
        }
    }

    fn who(item: &TimelineItem) -> String {
        use super::super::schedule::Milestone::*;
        match item.milestone {
            Review { .. } => "Assessor records the review".into(),
            Observation { .. } => "You record the observation and your reflection".into(),
            SelfAssessment { .. } => "You record your self-assessment".into(),
            FinalRecommendation => "Assessor makes the final recommendation".into(),
        }
    }

    fn entry(item: &TimelineItem) -> TimelineEntry {
        TimelineEntry {
            label: item.milestone.label(),
            due: iso(item.due),
            state: item.state,
            who: who(item),
        }
    }

    struct Computed {
        start: Date,
        items: Vec<TimelineItem>,
        end: Date,
        time: super::super::schedule::ProtectedTime,
    }

    /// The design the programme follows: the one in force when it started.
    fn rules_of(row: &ProgrammeRow) -> &'static Rules {
        rules_for(parse_date(&row.start).unwrap_or_else(today_uk))
    }

    fn compute(row: &ProgrammeRow, records: &Records, today: Date) -> Computed {
        let start = parse_date(&row.start).unwrap_or(today);
        let rules = rules_of(row);
        let pauses = pauses(records);
        let extension = extension_months(records);
        let mut items = timeline(
            start,
            rules,
            &pauses,
            extension,
            &progress(row, records),
            today,
        );
        // A finished programme has nothing left due.
        if row.status != "active" {
            items.retain(|i| i.state == MilestoneState::Done);
        }
        let logged: f64 = records.time.iter().map(|t| t.hours).sum();
        let until = end_date(start, rules, &pauses, extension).min(today);
        let weeks = active_weeks(start, until, &pauses);
        Computed {
            start,
            end: end_date(start, rules, &pauses, extension),
            time: protected_time(row.contracted_hours, weeks, logged, rules),
            items,
        }
    }

    fn decision(
        outcome: &Option<String>,
        notes: &str,
        on: &Option<String>,
        by: &Option<String>,
        table: &[(&'static str, &'static str)],
    ) -> Option<Decision> {
        outcome.as_ref().map(|o| Decision {
            outcome: label_of(table, o),
            notes: notes.to_string(),
            on: on.clone().unwrap_or_default(),
            by: by.clone().unwrap_or_default(),
        })
    }

    fn view(row: &ProgrammeRow, records: &Records, today: Date, powers: Powers) -> AsyeView {
        let c = compute(row, records, today);
        let done_months: Vec<i64> = records.reviews.iter().map(|r| r.month).collect();
        let done_stages: Vec<&str> = records
            .self_assessments
            .iter()
            .map(|s| s.stage.as_str())
            .collect();
        AsyeView {
            person_id: key(&row.person),
            person_name: row.person_name.clone(),
            team_name: row.team_name.clone().unwrap_or_default(),
            start: row.start.clone(),
            end: iso(c.end),
            cap: iso(cap_date(c.start, rules_of(row))),
            assessor: row
                .assessor_name
                .clone()
                .unwrap_or_else(|| "Not assigned".into()),
            coordinator: row
                .coordinator_name
                .clone()
                .unwrap_or_else(|| "Not assigned".into()),
            status: row.status.clone(),
            next_due: next_due(&c.items).map(entry),
            timeline: c.items.iter().map(entry).collect(),
            reviews: records
                .reviews
                .iter()
                .map(|r| ReviewEntry {
                    month: r.month.max(0) as u32,
                    held_on: r.held_on.clone(),
                    outcome: label_of(REVIEW_OUTCOMES, &r.outcome),
                    notes: r.notes.clone(),
                    recorded_by: r.recorded_by_name.clone(),
                })
                .collect(),
            open_reviews: rules_of(row)
                .reviews
                .iter()
                .filter(|p| !done_months.contains(&(p.month as i64)))
                .map(|p| {
                    let label = super::super::schedule::Milestone::Review {
                        month: p.month,
                        optional: p.optional,
                    }
                    .label();
                    (p.month, label)
                })
                .collect(),
            observations: records
                .observations
                .iter()
                .map(|o| ObservationEntry {
                    observed_on: o.observed_on.clone(),
                    observer: o.observer.clone(),
                    setting: o.setting.clone(),
                    reflection: o.reflection.clone(),
                })
                .collect(),
            observations_required: rules_of(row).observations_required,
            self_assessments: records
                .self_assessments
                .iter()
                .map(|s| SelfAssessmentEntry {
                    stage: label_of(STAGES, &s.stage),
                    completed_on: s.completed_on.clone(),
                    summary: s.summary.clone(),
                })
                .collect(),
            open_stages: STAGES
                .iter()
                .filter(|(k, _)| !done_stages.contains(k))
                .map(|(k, l)| (k.to_string(), l.to_string()))
                .collect(),
            time: c.time,
            contracted_hours: row.contracted_hours,
            time_entries: records
                .time
                .iter()
                .take(50)
                .map(|t| TimeEntry {
                    taken_on: t.taken_on.clone(),
                    hours: t.hours,
                    activity: t.activity.clone(),
                })
                .collect(),
            adjustments: records
                .adjustments
                .iter()
                .map(|a| AdjustmentEntry {
                    kind: a.kind.clone(),
                    paused_from: a.paused_from.clone(),
                    paused_to: a.paused_to.clone(),
                    months: a.months.map(|m| m.max(0) as u32),
                    reason: if a.kind == "pause" {
                        label_of(PAUSE_REASONS, &a.reason)
                    } else {
                        "Extension".into()
                    },
                    details: a.details.clone(),
                    agreed_by: a.agreed_by.clone(),
                })
                .collect(),
            recommendation: decision(
                &row.recommendation,
                &row.recommendation_notes,
                &row.recommended_on,
                &row.recommended_by_name,
                RECOMMENDATIONS,
            ),
            moderation: decision(
                &row.moderation,
                &row.moderation_notes,
                &row.moderated_on,
                &row.moderated_by_name,
                MODERATIONS,
            ),
            powers,
        }
    }

    pub fn cohort_row(row: &ProgrammeRow, records: &Records, today: Date) -> CohortRow {
        let c = compute(row, records, today);
        let labels = |state: MilestoneState| -> Vec<String> {
            c.items
                .iter()
                .filter(|i| i.state == state)
                .map(|i| i.milestone.label())
                .collect()
        };
        let mut due_soon = labels(MilestoneState::DueSoon);
        due_soon.extend(labels(MilestoneState::Due));
        CohortRow {
            person_id: key(&row.person),
            name: row.person_name.clone(),
            team: row.team_name.clone().unwrap_or_default(),
            assessor: row.assessor_label(),
            start: row.start.clone(),
            end: iso(c.end),
            status: row.status.clone(),
            reviews_done: records.reviews.len() as u32,
            observations: records.observations.len() as u32,
            observations_required: rules_of(row).observations_required,
            overdue: labels(MilestoneState::Overdue),
            due_soon,
            next: next_due(&c.items).map(entry),
            protected_percent: c.time.percent_of_target,
        }
    }

    fn powers(viewer: &Viewer, row: &ProgrammeRow) -> Powers {
        let is = |r: &Option<RecordId>| r.as_ref().is_some_and(|r| key(r) == viewer.id);
        let own = key(&row.person) == viewer.id;
        Powers {
            own,
            assess: !own && (is(&row.line_manager) || is(&row.assessor)),
            coordinate: viewer.can(Action::CoordinateAsye),
        }
    }

    /// The programme of `person_id` and what the viewer may do on it; not found for anyone
    /// with no part in it.
    async fn programme_for(viewer: &Viewer, person_id: &str) -> AppResult<(ProgrammeRow, Powers)> {
        check_id(person_id)?;
        let state = api::state()?;
        let row = store::programme_of(&state.db, &viewer.org_id, person_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let powers = powers(viewer, &row);
        if !(powers.own || powers.assess || powers.coordinate) {
            return Err(AppError::NotFound);
        }
        Ok((row, powers))
    }

    async fn load(viewer: &Viewer, row: ProgrammeRow, powers: Powers) -> AppResult<AsyeView> {
        let state = api::state()?;
        // A pass whose level move did not complete (a failure between the two writes) is
        // finished the next time anyone looks.
        if row.status == "passed" && row.career_level == "nqsw" {
            move_on_pass(viewer, &row).await?;
        }
        let records = store::records(&state.db, vec![row.id.clone()]).await?;
        Ok(view(&row, &records, today_uk(), powers))
    }

    pub async fn my_asye() -> AppResult<Option<AsyeView>> {
        let viewer = require_viewer().await?;
        let state = api::state()?;
        let Some(row) = store::programme_of(&state.db, &viewer.org_id, &viewer.id).await? else {
            return Ok(None);
        };
        let powers = powers(&viewer, &row);
        load(&viewer, row, powers).await.map(Some)
    }

    pub async fn asye_of(person_id: String) -> AppResult<AsyeView> {
        let viewer = require_viewer().await?;
        let (row, powers) = programme_for(&viewer, &person_id).await?;
        load(&viewer, row, powers).await
    }

    pub async fn asye_cohort(filter: CohortFilter) -> AppResult<Cohort> {
        let viewer = require_viewer().await?;
        let state = api::state()?;
        cohort_for(&state.db, &viewer, &filter).await
    }

    /// The coordinator's whole cohort, or a supervisor's own NQSWs, optionally in one team.
    pub async fn cohort_for(
        db: &crate::db::Db,
        viewer: &Viewer,
        filter: &CohortFilter,
    ) -> AppResult<Cohort> {
        let whole = viewer.can(Action::CoordinateAsye);
        if !whole {
            viewer.require(Action::ViewSupervisees)?;
        }
        let team = Some(filter.team.trim().to_string()).filter(|t| !t.is_empty());
        if let Some(team) = &team {
            check_id(team).map_err(|_| AppError::field("team", "Choose a team from the list."))?;
        }
        let people = if whole {
            None
        } else {
            let mine = crate::supervision::api::server::supervisees(db, &viewer.org_id, &viewer.id)
                .await?;
            Some(mine.into_iter().map(|(id, _)| id).collect())
        };
        let rows = store::programmes(db, &viewer.org_id, people, team).await?;
        let mut records = store::records(db, rows.iter().map(|r| r.id.clone()).collect())
            .await?
            .by_programme();
        let today = today_uk();
        let (assessors, teams) = store::choices(db, &viewer.org_id).await?;
        Ok(Cohort {
            rows: rows
                .iter()
                .map(|r| cohort_row(r, &records.remove(&key(&r.id)).unwrap_or_default(), today))
                .collect(),
            teams,
            whole,
            without_programme: if whole {
                store::without_programme(db, &viewer.org_id, "nqsw").await?
            } else {
                Vec::new()
            },
            assessors: if whole { assessors } else { Vec::new() },
        })
    }

    pub async fn start_programme(form: ProgrammeForm) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::CoordinateAsye)?;
        let input = form.validate(today_uk()).map_err(AppError::Validation)?;
        let state = api::state()?;
        let db = &state.db;
        match crate::progression::store::person(db, &viewer.org_id, &input.person).await {
            Ok(p) if p.active && p.career_level == "nqsw" => {}
            Ok(_) | Err(AppError::NotFound) => {
                return Err(AppError::field(
                    "person",
                    "Choose the newly qualified social worker from the list.",
                ));
            }
            Err(e) => return Err(e),
        }
        if let Some(assessor) = &input.assessor {
            let (assessors, _) = store::choices(db, &viewer.org_id).await?;
            if assessor == &input.person || !assessors.iter().any(|(k, _)| k == assessor) {
                return Err(AppError::field(
                    "assessor",
                    "Choose an assessor from the list.",
                ));
            }
        }
        store::create_programme(db, &viewer.org_id, &viewer.id, &input).await?;
        audit(
            db,
            &viewer.org_id,
            Some(&viewer.id),
            "asye.start",
            &format!("person:{}", input.person),
            format!("started {}", input.start),
        )
        .await?;
        leptos_axum::redirect(&format!("/asye/{}", input.person));
        Ok(())
    }

    fn back_to(person_id: &str, viewer: &Viewer, done: &str) {
        let page = if person_id == viewer.id {
            "/asye".to_string()
        } else {
            format!("/asye/{person_id}")
        };
        leptos_axum::redirect(&format!("{page}?done={done}"));
    }

    /// Refuses a date before the programme started, on its field.
    fn not_before_start(row: &ProgrammeRow, date: &str, field: &str) -> AppResult<()> {
        if parse_date(&row.start).is_some_and(|s| parse_date(date).is_some_and(|d| d < s)) {
            return Err(AppError::field(
                field,
                format!(
                    "The date must be on or after the programme started ({}).",
                    uk_date(&row.start)
                ),
            ));
        }
        Ok(())
    }

    fn still_active(row: &ProgrammeRow) -> AppResult<()> {
        if row.status == "active" {
            Ok(())
        } else {
            Err(AppError::Conflict(
                "This ASYE programme has finished, so nothing more can be recorded on it.".into(),
            ))
        }
    }

    pub async fn record_review(person_id: String, form: ReviewForm) -> AppResult<()> {
        let viewer = require_viewer().await?;
        let (row, powers) = programme_for(&viewer, &person_id).await?;
        if !powers.assess {
            return Err(AppError::Forbidden);
        }
        still_active(&row)?;
        let points: Vec<u32> = rules_of(&row).reviews.iter().map(|r| r.month).collect();
        let input = form
            .validate(today_uk(), &points)
            .map_err(AppError::Validation)?;
        not_before_start(&row, &input.held_on, "held_on")?;
        let state = api::state()?;
        store::add_review(&state.db, &viewer.org_id, &row.id, &viewer.id, &input).await?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            "asye.review",
            &format!("person:{person_id}"),
            format!("{}-month review: {}", input.month, input.outcome),
        )
        .await?;
        crate::notify::store::send(
            &state.db,
            &viewer.org_id,
            &row.person,
            "asye",
            format!(
                "{} recorded your {}-month ASYE review: {}.",
                viewer.name,
                input.month,
                label_of(REVIEW_OUTCOMES, &input.outcome).to_lowercase()
            ),
            "/asye".into(),
        )
        .await?;
        back_to(&person_id, &viewer, "review");
        Ok(())
    }

    pub async fn record_observation(person_id: String, form: ObservationForm) -> AppResult<()> {
        let viewer = require_viewer().await?;
        let (row, powers) = programme_for(&viewer, &person_id).await?;
        if !(powers.own || powers.assess) {
            return Err(AppError::Forbidden);
        }
        still_active(&row)?;
        let input = form.validate(today_uk()).map_err(AppError::Validation)?;
        let start = parse_date(&row.start);
        if start.is_some_and(|s| parse_date(&input.observed_on).is_some_and(|d| d < s)) {
            return Err(AppError::field(
                "observed_on",
                format!(
                    "The observation must be on or after the programme started ({}).",
                    uk_date(&row.start)
                ),
            ));
        }
        let state = api::state()?;
        store::add_observation(&state.db, &viewer.org_id, &row.id, &viewer.id, &input).await?;
        back_to(&person_id, &viewer, "observation");
        Ok(())
    }

    pub async fn record_self_assessment(
        person_id: String,
        form: SelfAssessmentForm,
    ) -> AppResult<()> {
        let viewer = require_viewer().await?;
        let (row, powers) = programme_for(&viewer, &person_id).await?;
        if !powers.own {
            return Err(AppError::Forbidden);
        }
        still_active(&row)?;
        let input = form.validate(today_uk()).map_err(AppError::Validation)?;
        not_before_start(&row, &input.completed_on, "completed_on")?;
        let state = api::state()?;
        store::add_self_assessment(&state.db, &viewer.org_id, &row.id, &input).await?;
        back_to(&person_id, &viewer, "self_assessment");
        Ok(())
    }

    pub async fn log_protected_time(person_id: String, form: TimeForm) -> AppResult<()> {
        let viewer = require_viewer().await?;
        let (row, powers) = programme_for(&viewer, &person_id).await?;
        if !powers.own {
            return Err(AppError::Forbidden);
        }
        still_active(&row)?;
        let input = form.validate(today_uk()).map_err(AppError::Validation)?;
        if parse_date(&row.start)
            .is_some_and(|s| parse_date(&input.taken_on).is_some_and(|d| d < s))
        {
            return Err(AppError::field(
                "taken_on",
                format!(
                    "The date must be on or after the programme started ({}).",
                    uk_date(&row.start)
                ),
            ));
        }
        let state = api::state()?;
        store::add_time(&state.db, &viewer.org_id, &row.id, &input).await?;
        back_to(&person_id, &viewer, "time");
        Ok(())
    }

    pub async fn record_adjustment(person_id: String, form: AdjustmentForm) -> AppResult<()> {
        let viewer = require_viewer().await?;
        let (row, powers) = programme_for(&viewer, &person_id).await?;
        if !(powers.assess || powers.coordinate) {
            return Err(AppError::Forbidden);
        }
        still_active(&row)?;
        let input = form.validate().map_err(AppError::Validation)?;
        let state = api::state()?;
        let records = store::records(&state.db, vec![row.id.clone()]).await?;
        let start = parse_date(&row.start).ok_or(AppError::Internal)?;
        let mut all_pauses = pauses(&records);
        let mut extension = extension_months(&records);
        let field = match &input {
            AdjustmentInput::Pause { from, to, .. } => {
                if *from < start {
                    return Err(AppError::field(
                        "paused_from",
                        format!(
                            "A pause starts on or after the programme started ({}).",
                            uk_date(&row.start)
                        ),
                    ));
                }
                if all_pauses.iter().any(|p| p.from <= *to && *from <= p.to) {
                    return Err(AppError::field(
                        "paused_from",
                        "This overlaps a pause already recorded.",
                    ));
                }
                all_pauses.push(Pause {
                    from: *from,
                    to: *to,
                });
                "paused_to"
            }
            AdjustmentInput::Extension { months, .. } => {
                extension += months;
                "months"
            }
        };
        check_within_cap(start, rules_of(&row), &all_pauses, extension)
            .map_err(|message| AppError::field(field, message))?;
        store::add_adjustment(&state.db, &viewer.org_id, &row.id, &viewer.id, &input).await?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            "asye.adjustment",
            &format!("person:{person_id}"),
            format!("{input:?}"),
        )
        .await?;
        back_to(&person_id, &viewer, "adjustment");
        Ok(())
    }

    pub async fn record_recommendation(person_id: String, form: DecisionForm) -> AppResult<()> {
        let viewer = require_viewer().await?;
        let (row, powers) = programme_for(&viewer, &person_id).await?;
        if !powers.assess {
            return Err(AppError::Forbidden);
        }
        still_active(&row)?;
        let (outcome, notes) = form
            .validate(RECOMMENDATIONS)
            .map_err(AppError::Validation)?;
        if row.recommendation.is_some() && row.moderation.as_deref() != Some("referred_back") {
            return Err(AppError::Conflict(
                "A final recommendation is already with the moderation panel.".into(),
            ));
        }
        let state = api::state()?;
        if outcome == "pass" {
            // A pass rests on the whole programme: every required review, observation and
            // self-assessment recorded first.
            let records = store::records(&state.db, vec![row.id.clone()]).await?;
            let missing: Vec<String> = compute(&row, &records, today_uk())
                .items
                .iter()
                .filter(|i| {
                    !i.milestone.is_optional()
                        && i.milestone != super::super::schedule::Milestone::FinalRecommendation
                        && i.state != MilestoneState::Done
                })
                .map(|i| i.milestone.label())
                .collect();
            if !missing.is_empty() {
                return Err(AppError::field(
                    "outcome",
                    format!(
                        "A pass needs every review, observation and self-assessment recorded first. Still to record: {}.",
                        missing.join(", ")
                    ),
                ));
            }
        }
        store::set_recommendation(
            &state.db,
            &row.id,
            &viewer.id,
            &outcome,
            &notes,
            &iso(today_uk()),
        )
        .await?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            "asye.recommendation",
            &format!("person:{person_id}"),
            outcome.clone(),
        )
        .await?;
        if let Some(coordinator) = store::coordinator_of(&state.db, &row.id).await? {
            crate::notify::store::send(
                &state.db,
                &viewer.org_id,
                &coordinator,
                "asye",
                format!(
                    "{}'s ASYE final recommendation ({}) is ready for moderation.",
                    row.person_name,
                    label_of(RECOMMENDATIONS, &outcome).to_lowercase()
                ),
                format!("/asye/{person_id}"),
            )
            .await?;
        }
        back_to(&person_id, &viewer, "recommendation");
        Ok(())
    }

    pub async fn record_moderation(person_id: String, form: DecisionForm) -> AppResult<()> {
        let viewer = require_viewer().await?;
        let (row, powers) = programme_for(&viewer, &person_id).await?;
        // The panel is independent of the assessment: nobody who assesses this NQSW, or who
        // made the recommendation, moderates it.
        let recommended_it = row
            .recommended_by
            .as_ref()
            .is_some_and(|r| key(r) == viewer.id);
        if !powers.coordinate || powers.own || powers.assess || recommended_it {
            return Err(AppError::Forbidden);
        }
        still_active(&row)?;
        let Some(recommendation) = row.recommendation.clone() else {
            return Err(AppError::Conflict("Moderation follows the assessor's final recommendation, which has not been made yet.".into()));
        };
        let already = || {
            AppError::Conflict(
                "The moderation panel has already decided on this recommendation.".into(),
            )
        };
        if row.moderation.is_some() {
            return Err(already());
        }
        let (outcome, notes) = form.validate(MODERATIONS).map_err(AppError::Validation)?;
        let confirmed = outcome == "confirmed";
        let status = match (confirmed, recommendation.as_str()) {
            (true, "pass") => "passed",
            (true, "fail") => "failed",
            _ => "active",
        };
        let extended = confirmed && recommendation == "extend";
        let state = api::state()?;
        let db = &state.db;
        let today = iso(today_uk());
        let applied = store::set_moderation(
            db, &row.id, &viewer.id, &outcome, &notes, &today, status, extended,
        )
        .await?;
        if !applied {
            return Err(already());
        }
        audit(
            db,
            &viewer.org_id,
            Some(&viewer.id),
            "asye.moderation",
            &format!("person:{person_id}"),
            format!("{outcome} ({recommendation})"),
        )
        .await?;
        if !confirmed && let Some(assessor) = row.recommended_by.clone() {
            crate::notify::store::send(
                db,
                &viewer.org_id,
                &assessor,
                "asye",
                format!(
                    "The ASYE moderation panel referred back your recommendation for {}.",
                    row.person_name
                ),
                format!("/asye/{person_id}"),
            )
            .await?;
        }
        let moved = if status == "passed" {
            move_on_pass(&viewer, &row).await?
        } else {
            None
        };
        let text = match (status, &moved) {
            (_, Some(_)) => None, // the move sends its own congratulations
            ("passed", None) => Some("Congratulations: you passed your ASYE.".to_string()),
            ("failed", _) => Some("The ASYE moderation panel confirmed the recommendation not to pass.".to_string()),
            _ if extended => Some("The ASYE moderation panel confirmed an extension to your programme.".to_string()),
            _ => Some("The ASYE moderation panel referred the final recommendation back to your assessor.".to_string()),
        };
        if let Some(text) = text {
            crate::notify::store::send(
                db,
                &viewer.org_id,
                &row.person,
                "asye",
                text,
                "/asye".into(),
            )
            .await?;
        }
        back_to(&person_id, &viewer, "moderation");
        Ok(())
    }

    /// A passed NQSW takes the automatic step to Social Worker. Safe to repeat: it moves only
    /// someone still at the NQSW level whose next step is automatic.
    async fn move_on_pass(viewer: &Viewer, row: &ProgrammeRow) -> AppResult<Option<String>> {
        let state = api::state()?;
        let person =
            crate::progression::store::person(&state.db, &viewer.org_id, &key(&row.person)).await?;
        let today = iso(today_uk());
        let moved = crate::progression::case_store::apply_asye_pass(
            &state.db,
            &viewer.org_id,
            &person,
            &today,
        )
        .await?;
        if let Some(level) = &moved {
            audit(
                &state.db,
                &viewer.org_id,
                Some(&viewer.id),
                "level.automatic",
                &format!("person:{}", key(&row.person)),
                format!("moved to {level} on passing the ASYE"),
            )
            .await?;
        }
        Ok(moved)
    }
}
