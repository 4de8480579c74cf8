//! The learning lead's dashboard (server only): the staff survey's headline rates wave by
//! wave, events' attendance, no-shows and waitlists, the most and least useful resources,
//! CPD completeness and learning path progress, for the council, a service or a team.

use std::collections::{HashMap, HashSet};

use surrealdb::types::RecordId;

use super::api::server::{cpd_states, registered, scope, staff_survey};
use super::model::{EventLine, LearningView, PathRow, UsefulRow, WaveRow};
use super::pipeline::rank_useful;
use super::store;
use crate::auth::Viewer;
use crate::cpd::rules::RegistrationYear;
use crate::dates::{iso, today_uk};
use crate::db::{Db, key};
use crate::error::{AppError, AppResult};
use crate::workforce::model::WorkforceFilter;
use crate::workforce::quarter::Quarter;

/// A resource needs this many answers to be ranked.
const MIN_ANSWERS: u64 = 3;
const RANKED: usize = 5;

pub async fn learning_for(
    db: &Db,
    viewer: &Viewer,
    filter: &WorkforceFilter,
) -> AppResult<LearningView> {
    // The period here is any recent quarter, not only those with workforce figures, so it is
    // checked here and the rest of the filter where the workforce dashboard checks it.
    let (wf, scoped, people) = scope(
        db,
        viewer,
        &WorkforceFilter {
            period: String::new(),
            ..filter.clone()
        },
    )
    .await?;
    let org = &viewer.org_id;
    let today = today_uk();
    let today_iso = iso(today);
    let recent = Quarter::of(today).window(8);
    let period = match filter.period.trim() {
        "" => None,
        text => Some(
            Quarter::parse(text)
                .filter(|q| recent.contains(q))
                .ok_or_else(|| AppError::field("period", "Choose a period from the list."))?,
        ),
    };
    // A chosen quarter: its events, the survey waves opened by its end, CPD for the
    // registration year it ends in. Otherwise the last twelve months and what is to come.
    let chosen = WorkforceFilter {
        period: period.map(Quarter::key).unwrap_or_default(),
        ..wf.filter.clone()
    };
    let as_of = period
        .and_then(Quarter::last_day)
        .filter(|end| *end < today)
        .unwrap_or(today);

    let survey = staff_survey(db, org, &chosen, &today_iso).await?;
    let waves = survey
        .as_ref()
        .map(|(_, r)| {
            r.trend
                .iter()
                .map(|w| WaveRow {
                    key: w.id.clone(),
                    wave: w.wave,
                    opened: w.opened.clone(),
                    responses: w.figures.as_ref().map(|f| f.0).unwrap_or(0),
                    impact: w.figures.as_ref().and_then(|f| f.2.impact),
                    recommendation: w.figures.as_ref().and_then(|f| f.2.recommendation),
                    enps: w.figures.as_ref().and_then(|f| f.2.enps),
                    hidden: w.figures.is_none(),
                })
                .collect()
        })
        .unwrap_or_default();

    let now = time::OffsetDateTime::now_utc();
    let (from, until) = match period.and_then(|q| Some((q.first_day()?, q.next().first_day()?))) {
        Some((first, next)) => (
            crate::dates::uk_to_utc(first, time::Time::MIDNIGHT),
            Some(crate::dates::uk_to_utc(next, time::Time::MIDNIGHT)),
        ),
        None => (now - time::Duration::days(365), None),
    };
    let events: Vec<EventLine> = store::events(db, org, scoped.clone(), from, until, now)
        .await?
        .into_iter()
        .map(|e| EventLine {
            id: key(&e.id),
            title: e.title,
            starts: e.starts,
            past: e.past,
            capacity: e.capacity.max(0) as u64,
            booked: e.booked.max(0) as u64,
            attended: e.attended.max(0) as u64,
            no_show: e.no_show.max(0) as u64,
            waitlisted: e.waitlisted.max(0) as u64,
        })
        .collect();
    let attended = events.iter().map(|e| e.attended).sum();
    let no_shows = events.iter().map(|e| e.no_show).sum();
    let waiting_now = events
        .iter()
        .filter(|e| !e.past)
        .map(|e| e.waitlisted)
        .sum();

    let ranked = rank_useful(
        store::usefulness(db, org, scoped.clone()).await?,
        MIN_ANSWERS,
    );
    let to_row = |(id, title, yes, no): &(String, String, u64, u64)| UsefulRow {
        id: id.clone(),
        title: title.clone(),
        yes: *yes,
        no: *no,
    };
    let most_useful: Vec<UsefulRow> = ranked.iter().take(RANKED).map(to_row).collect();
    let shown: HashSet<&str> = most_useful.iter().map(|r| r.id.as_str()).collect();
    let least_useful: Vec<UsefulRow> = ranked
        .iter()
        .rev()
        .filter(|r| !shown.contains(r.0.as_str()))
        .take(RANKED)
        .map(to_row)
        .collect();

    let registered_ids = registered(&people);
    let cpd = cpd_states(db, org, &registered_ids, as_of).await?;

    let paths = path_progress(db, org, &people).await?;

    Ok(LearningView {
        scope: wf.scope.clone(),
        filter: chosen.clone(),
        services: wf.services.clone(),
        teams: wf.teams.clone(),
        survey_title: survey.as_ref().map(|(s, _)| s.title.clone()),
        min_group: survey
            .as_ref()
            .map(|(s, _)| s.min_group)
            .unwrap_or(crate::surveys::design::DEFAULT_MIN_GROUP),
        waves,
        events,
        attended,
        no_shows,
        waiting_now,
        most_useful,
        least_useful,
        registered: registered_ids.len() as u64,
        cpd,
        cpd_year: RegistrationYear::containing(as_of).label(),
        periods: recent.iter().rev().map(|q| (q.key(), q.label())).collect(),
        period_label: period.map(Quarter::label).unwrap_or_default(),
        paths,
    })
}

async fn path_progress(db: &Db, org: &str, people: &[store::PersonRow]) -> AppResult<Vec<PathRow>> {
    let paths = store::paths(db, org).await?;
    let ids: Vec<RecordId> = people.iter().map(|p| p.id.clone()).collect();
    let roled = store::roles_of(db, ids.clone()).await?;
    let steps: Vec<RecordId> = paths.iter().flat_map(|p| p.4.iter().cloned()).collect();
    let mut done: HashMap<String, HashSet<String>> = HashMap::new();
    for (person, step) in store::steps_done(db, ids, steps).await? {
        done.entry(person)
            .or_default()
            .insert(format!("{}:{}", step.table, key(&step)));
    }
    Ok(paths
        .into_iter()
        .map(|(id, title, levels, roles, steps)| {
            let audience: Vec<&store::RoledPerson> = roled
                .iter()
                .filter(|p| levels.is_empty() || levels.contains(&p.career_level))
                .filter(|p| roles.is_empty() || p.roles.iter().any(|r| roles.contains(r)))
                .collect();
            let step_keys: Vec<String> = steps
                .iter()
                .map(|s| format!("{}:{}", s.table, key(s)))
                .collect();
            let mut done_steps = 0u64;
            let mut completed = 0u64;
            for person in &audience {
                let mine = done.get(&key(&person.id));
                let n = step_keys
                    .iter()
                    .filter(|k| mine.is_some_and(|m| m.contains(*k)))
                    .count() as u64;
                done_steps += n;
                if n == step_keys.len() as u64 && n > 0 {
                    completed += 1;
                }
            }
            let possible = audience.len() as u64 * step_keys.len() as u64;
            PathRow {
                id,
                title,
                audience: audience.len() as u64,
                steps: step_keys.len() as u64,
                done_share: (possible > 0).then(|| done_steps as f64 / possible as f64),
                completed,
            }
        })
        .collect())
}
