//! The leader's dashboard server function (`ReadInsight`). Filters are the workforce
//! dashboard's (quarter, service, team) and are checked there.

use leptos::prelude::*;

use super::model::LeaderView;
use crate::error::AppError;
use crate::workforce::model::WorkforceFilter;

#[server(endpoint = "insight/leader")]
pub async fn leader_dashboard(
    #[server(default)] filter: WorkforceFilter,
) -> Result<LeaderView, AppError> {
    crate::api::respond(server::leader(filter)).await
}

#[server(endpoint = "insight/learning")]
pub async fn learning_dashboard(
    #[server(default)] filter: WorkforceFilter,
) -> Result<super::model::LearningView, AppError> {
    crate::api::respond(server::learning(filter)).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use std::collections::HashMap;

    use surrealdb::types::RecordId;

    use super::super::model::{Area, DecisionRow, Figure, LeaderView, Trend};
    use super::super::pipeline::{
        READINESS_BANDS, TIME_IN_LEVEL_BANDS, asye_summary, bars, from_first_record,
        readiness_band, time_band,
    };
    use super::super::snapshot;
    use super::super::store::{self, PerQuarter};
    use crate::api;
    use crate::auth::Viewer;
    use crate::auth::roles::Action;
    use crate::auth::session::require_viewer;
    use crate::cpd::rules::{CpdState, RegistrationYear};
    use crate::dates::{iso, parse_date, today_uk, uk_datetime};
    use crate::db::{Db, key};
    use crate::error::{AppError, AppResult};
    use crate::people::levels::CAREER_LEVELS;
    use crate::progression::framework_store::{self, PATHWAY};
    use crate::progression::model::{Status, readiness};
    use crate::supervision::frequency::SupervisionState;
    use crate::surveys::measures::{show_enps, show_percent};
    use crate::workforce::model::{WorkforceFilter, WorkforceView};
    use crate::workforce::quarter::Quarter;
    use crate::workforce::rates::{show_caseload, show_rate};
    use crate::workforce::rollup::members;

    /// Levels outside social work registration: no CPD, no pathway step.
    const UNREGISTERED: [&str; 2] = ["not_social_work", "social_work_assistant"];

    /// The dashboard as kept for its council and filter, worked out again once it is older
    /// than the server's setting. Authorised here, before anything kept is read.
    pub async fn leader(filter: WorkforceFilter) -> AppResult<LeaderView> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ReadInsight)?;
        let state = api::state()?;
        // Its own task: the computation is deep, and polled from inside a page's render it
        // overflowed a 2 MB thread stack in a debug build. A task starts from a shallow stack,
        // and finishes (keeping its copy) even when the browser stops waiting.
        let figures = tokio::spawn(async move {
            snapshot::read_through(
                &state.db,
                &viewer.org_id,
                "leader",
                &filter_key(&filter),
                state.insight_max_age,
                || leader_for(&state.db, &viewer, &filter),
            )
            .await
        })
        .await
        .map_err(|error| {
            tracing::error!(%error, "working out the leader's dashboard failed");
            AppError::Internal
        })??;
        Ok(LeaderView {
            figures_as_of: uk_datetime(&figures.computed_at),
            ..figures.value
        })
    }

    /// One key per filter as asked, so each choice keeps its own copy.
    pub(crate) fn filter_key(filter: &WorkforceFilter) -> String {
        [&filter.period, &filter.service, &filter.team]
            .map(|part| part.trim())
            .join("|")
    }

    fn percent_of(n: u64, of: u64) -> String {
        if of == 0 {
            "–".into()
        } else {
            format!("{:.0}%", n as f64 * 100.0 / of as f64)
        }
    }

    pub async fn leader_for(
        db: &Db,
        viewer: &Viewer,
        filter: &WorkforceFilter,
    ) -> AppResult<LeaderView> {
        // Authorises (ReadInsight) and checks the filter, and gives the workforce figures.
        let (wf, _, people) = scope(db, viewer, filter).await?;
        let org = &viewer.org_id;
        let today = today_uk();
        let ids: Vec<RecordId> = people.iter().map(|p| p.id.clone()).collect();

        // Levels, in pathway order.
        let level_counts: Vec<u64> = CAREER_LEVELS
            .iter()
            .map(|l| people.iter().filter(|p| p.career_level == l.key).count() as u64)
            .collect();
        let level_labels: Vec<&str> = CAREER_LEVELS.iter().map(|l| l.label).collect();
        let levels = bars(&level_labels, &level_counts)
            .into_iter()
            .filter(|b| b.n > 0)
            .collect();

        // Readiness for each person's next step, and criteria waiting for a reviewer.
        let framework = framework_store::current(db, org, PATHWAY).await?;
        let mut statuses: HashMap<String, HashMap<String, Status>> = HashMap::new();
        let mut awaiting = 0u64;
        for (person, lineage, status) in store::progress(db, ids.clone()).await? {
            if let Some(status) = Status::from_key(&status) {
                if status == Status::Submitted {
                    awaiting += 1;
                }
                statuses.entry(person).or_default().insert(lineage, status);
            }
        }
        let mut readiness_counts = [0u64; 4];
        if let Some(fw) = &framework {
            let empty = HashMap::new();
            for p in &people {
                if let Some(step) = fw.step_from(&p.career_level) {
                    let mine = statuses.get(&key(&p.id)).unwrap_or(&empty);
                    let r = readiness(&fw.keys_for_level(&step.to_level), mine, step.percent()).0;
                    readiness_counts[readiness_band(&r)] += 1;
                }
            }
        }

        // Time in level.
        let starts = store::level_starts(db, ids.clone()).await?;
        let mut time_counts = [0u64; 4];
        for p in &people {
            if let Some(since) = starts.get(&key(&p.id)).and_then(|s| parse_date(s)) {
                time_counts[time_band(since, today)] += 1;
            }
        }

        // Decisions in the last twelve months.
        let year_start = today - time::Duration::days(365);
        let since = crate::dates::uk_to_utc(year_start, time::Time::MIDNIGHT);
        let mut decisions: Vec<DecisionRow> = Vec::new();
        for (kind, status, n) in store::decisions(db, org, ids.clone(), since).await? {
            let step = crate::progression::model::StepKind::from_key(&kind)
                .map(|k| k.label().to_string())
                .unwrap_or(kind);
            let row = match decisions.iter_mut().find(|d| d.step == step) {
                Some(row) => row,
                None => {
                    decisions.push(DecisionRow {
                        step,
                        approved: 0,
                        deferred: 0,
                    });
                    decisions.last_mut().expect("just pushed")
                }
            };
            if status == "approved" {
                row.approved += n;
            } else {
                row.deferred += n;
            }
        }
        decisions.sort_by(|a, b| a.step.cmp(&b.step));

        // The ASYE cohort.
        let programmes = crate::asye::store::programmes(db, org, Some(ids.clone()), None).await?;
        let mut records =
            crate::asye::store::records(db, programmes.iter().map(|p| p.id.clone()).collect())
                .await?
                .by_programme();
        let cohort: Vec<_> = programmes
            .iter()
            .map(|p| {
                crate::asye::api::server::cohort_row(
                    p,
                    &records.remove(&key(&p.id)).unwrap_or_default(),
                    today,
                )
            })
            .collect();
        let asye = asye_summary(cohort.iter().map(|r| {
            (
                r.status.as_str(),
                r.start.as_str(),
                r.end.as_str(),
                !r.overdue.is_empty(),
            )
        }));

        // Supervision on schedule, for registered staff with a manager's sessions to record.
        let registered_ids = registered(&people);
        let registered: Vec<(RecordId, String)> = registered_ids
            .iter()
            .map(|id| (id.clone(), String::new()))
            .collect();
        let asye_starts =
            crate::asye::store::active_starts(db, org, registered_ids.clone()).await?;
        let cadences =
            crate::supervision::api::server::cadences(db, org, &registered, &asye_starts).await?;
        let on_schedule = cadences
            .iter()
            .filter(|c| matches!(c.state, SupervisionState::UpToDate { .. }))
            .count() as u64;

        let cpd_states = cpd_states(db, org, &registered_ids, today).await?;

        let today_iso = iso(today);
        // The latest wave unless a quarter was chosen (the filter as checked always names one).
        let chosen = WorkforceFilter {
            period: filter.period.clone(),
            ..wf.filter.clone()
        };
        let found = staff_survey(db, org, &chosen, &today_iso).await?;
        let survey = found.as_ref().map(|(s, _)| s);
        let results = found.as_ref().map(|(_, r)| r);

        // Evidence recorded and criteria signed off, quarter by quarter.
        let period =
            Quarter::parse(&wf.filter.period).unwrap_or_else(|| Quarter::of(today).previous());
        let quarters = period.window(8);
        let from = crate::dates::uk_to_utc(
            quarters[0].first_day().unwrap_or(today),
            time::Time::MIDNIGHT,
        );
        let evidence = store::per_quarter(db, PerQuarter::Evidence, ids.clone(), from).await?;
        let signed = store::per_quarter(db, PerQuarter::SignedOff, ids.clone(), from).await?;
        let labels: Vec<String> = quarters.iter().map(|q| q.short()).collect();
        let quarterly = |counts: &HashMap<Quarter, u64>| -> Vec<Option<f64>> {
            quarters
                .iter()
                .map(|q| Some(*counts.get(q).unwrap_or(&0) as f64))
                .collect()
        };

        let areas = areas(
            &wf,
            &AreaInputs {
                labels: labels.clone(),
                registered: registered_ids.len() as u64,
                on_schedule,
                awaiting,
                evidence_now: *evidence.get(&period).unwrap_or(&0),
                evidence_trend: quarterly(&evidence),
                signed_now: *signed.get(&period).unwrap_or(&0),
                signed_trend: quarterly(&signed),
                cpd_states,
                asye,
                approved: decisions.iter().map(|d| d.approved).sum(),
                results,
                period_label: period.label(),
            },
        );

        Ok(LeaderView {
            scope: wf.scope.clone(),
            filter: wf.filter.clone(),
            period_label: wf.period_label.clone(),
            periods: wf.periods.clone(),
            services: wf.services.clone(),
            teams: wf.teams.clone(),
            people: people.len() as u64,
            levels,
            readiness: bars(&READINESS_BANDS, &readiness_counts),
            time_in_level: bars(&TIME_IN_LEVEL_BANDS, &time_counts),
            decisions_since: crate::dates::uk_date(&iso(year_start)),
            decisions,
            asye,
            areas,
            survey: survey
                .as_ref()
                .map(|s| (s.key.clone(), format!("{} (wave {})", s.title, s.wave))),
            survey_hidden: results.as_ref().is_some_and(|r| r.hidden),
            min_group: survey
                .as_ref()
                .map(|s| s.min_group)
                .unwrap_or(crate::surveys::design::DEFAULT_MIN_GROUP),
            figures_as_of: String::new(),
        })
    }

    pub async fn learning(filter: WorkforceFilter) -> AppResult<super::super::model::LearningView> {
        let viewer = require_viewer().await?;
        let state = api::state()?;
        super::super::learning::learning_for(&state.db, &viewer, &filter).await
    }

    /// The staff of the chosen service or team (everyone when neither), with the checked
    /// filter and the workforce figures that came with checking it.
    pub(crate) async fn scope(
        db: &Db,
        viewer: &Viewer,
        filter: &WorkforceFilter,
    ) -> AppResult<(WorkforceView, Option<Vec<RecordId>>, Vec<store::PersonRow>)> {
        let wf = crate::workforce::api::server::dashboard_for(db, viewer, filter).await?;
        let units = crate::workforce::store::units(db, &viewer.org_id).await?;
        let scope_key = [&wf.filter.team, &wf.filter.service]
            .into_iter()
            .find(|k| !k.is_empty())
            .cloned();
        let teams: Option<Vec<RecordId>> = scope_key.as_ref().map(|k| {
            members(&units, k)
                .into_iter()
                .map(|t| RecordId::new("team", t))
                .collect()
        });
        let people = store::people(db, &viewer.org_id, teams.clone()).await?;
        let scoped = teams
            .is_some()
            .then(|| people.iter().map(|p| p.id.clone()).collect());
        Ok((wf, scoped, people))
    }

    /// Registered staff (those who keep CPD) among `people`.
    pub(crate) fn registered(people: &[store::PersonRow]) -> Vec<RecordId> {
        people
            .iter()
            .filter(|p| !UNREGISTERED.contains(&p.career_level.as_str()))
            .map(|p| p.id.clone())
            .collect()
    }

    /// Complete, on track and at risk for this registration year.
    pub(crate) async fn cpd_states(
        db: &Db,
        org: &str,
        registered: &[RecordId],
        today: time::Date,
    ) -> AppResult<[u64; 3]> {
        let year = RegistrationYear::containing(today);
        let cpd = crate::cpd::store::counts(db, org, registered.to_vec(), year).await?;
        let mut states = [0u64; 3];
        for id in registered {
            let (records, peer) = cpd.get(&key(id)).copied().unwrap_or((0, 0));
            states[match crate::cpd::rules::status(year, records, peer, today).state {
                CpdState::Complete => 0,
                CpdState::OnTrack => 1,
                CpdState::AtRisk => 2,
            }] += 1;
        }
        Ok(states)
    }

    /// The latest annual staff survey wave that has opened, and its results for the group
    /// the filter chose, with the survey's suppression applied.
    pub(crate) async fn staff_survey(
        db: &Db,
        org: &str,
        filter: &WorkforceFilter,
        today: &str,
    ) -> AppResult<
        Option<(
            crate::surveys::store::Survey,
            crate::surveys::model::ResultsView,
        )>,
    > {
        // A chosen quarter reads the survey as it stood at the quarter's end.
        let as_of = Quarter::parse(&filter.period)
            .and_then(Quarter::last_day)
            .map(iso)
            .filter(|end| end.as_str() < today)
            .unwrap_or_else(|| today.to_string());
        let survey = crate::surveys::store::all(db, org)
            .await?
            .into_iter()
            .filter(|s| {
                s.purpose == "staff"
                    && s.published
                    && s.opens.as_deref().is_some_and(|o| o <= as_of.as_str())
            })
            .max_by(|a, b| a.opens.cmp(&b.opens));
        let group = match (filter.team.as_str(), filter.service.as_str()) {
            ("", "") => ("all", "all"),
            ("", service) => ("service", service),
            (team, _) => ("team", team),
        };
        Ok(match survey {
            Some(s) => {
                let mut results =
                    crate::surveys::report::results(db, org, &s, group, "team", today).await?;
                // The results page's trend is the whole survey's; a dashboard for a group
                // needs the group's own, wave by wave, each under that wave's suppression.
                if group.0 != "all" {
                    results.trend = crate::surveys::report::group_trend(db, org, &s, group).await?;
                }
                Some((s, results))
            }
            None => None,
        })
    }

    struct AreaInputs<'a> {
        labels: Vec<String>,
        registered: u64,
        on_schedule: u64,
        awaiting: u64,
        evidence_now: u64,
        evidence_trend: Vec<Option<f64>>,
        signed_now: u64,
        signed_trend: Vec<Option<f64>>,
        cpd_states: [u64; 3],
        asye: super::super::pipeline::AsyeSummary,
        approved: u64,
        results: Option<&'a crate::surveys::model::ResultsView>,
        period_label: String,
    }

    /// A count per quarter as a trend, from the first quarter with any records; none when
    /// that leaves a single point.
    fn counted(
        title: &str,
        name: &str,
        labels: &[String],
        values: &[Option<f64>],
    ) -> Option<Trend> {
        let (labels, values) = from_first_record(labels.to_vec(), values.to_vec());
        (labels.len() > 1).then(|| Trend {
            title: title.into(),
            labels,
            series: vec![(name.into(), values)],
            percent: false,
        })
    }

    fn figure(label: &str, value: String, note: Option<String>) -> Figure {
        Figure {
            label: label.to_string(),
            value,
            note,
        }
    }

    fn areas(wf: &WorkforceView, i: &AreaInputs) -> Vec<Area> {
        let head = wf.headline.as_ref();
        let england = wf.benchmarks.first();
        let trend_of =
            |pick: fn(&crate::workforce::rollup::Rolled) -> Option<f64>| -> Vec<Option<f64>> {
                wf.trend.iter().map(|p| pick(&p.rolled)).collect()
            };
        let wf_labels: Vec<String> = wf.trend.iter().map(|p| p.label.clone()).collect();
        let vs_england = |caseload: bool| {
            england.map(|b| {
                let shown = if caseload {
                    show_caseload(b.measures.caseload)
                } else {
                    show_rate(b.measures.vacancy)
                };
                format!("England 2023: {shown}")
            })
        };
        let over_18 = wf
            .rows
            .iter()
            .filter(|r| {
                r.depth > 0
                    && r.rolled.expected == 1
                    && r.rolled.measures.caseload.is_some_and(|c| c > 18.0)
            })
            .count();
        let survey_figures: Vec<Figure> = match i.results {
            None => vec![figure("Staff survey", "None yet".into(), None)],
            Some(r) if r.hidden => vec![figure(
                "Staff survey",
                "Hidden".into(),
                Some(format!(
                    "Fewer than {} people in this group answered, so no survey figure is shown.",
                    r.min_group
                )),
            )],
            Some(r) => vec![
                figure(
                    "Training impact rate",
                    show_percent(r.headlines.impact),
                    Some("agree learning made a difference to their practice".into()),
                ),
                figure(
                    "Recommendation rate",
                    show_percent(r.headlines.recommendation),
                    Some("would recommend the council to other social workers".into()),
                ),
                figure("eNPS", show_enps(r.headlines.enps), None),
            ],
        };
        let survey_trend = i
            .results
            .filter(|r| !r.hidden && r.trend.len() > 1)
            .map(|r| Trend {
                title: "Training impact and recommendation rates by survey wave".into(),
                labels: r.trend.iter().map(|w| format!("Wave {}", w.wave)).collect(),
                series: vec![
                    (
                        "Training impact".into(),
                        r.trend
                            .iter()
                            .map(|w| {
                                w.figures
                                    .as_ref()
                                    .and_then(|f| f.2.impact)
                                    .map(|t| t as f64 / 1000.0)
                            })
                            .collect(),
                    ),
                    (
                        "Recommendation".into(),
                        r.trend
                            .iter()
                            .map(|w| {
                                w.figures
                                    .as_ref()
                                    .and_then(|f| f.2.recommendation)
                                    .map(|t| t as f64 / 1000.0)
                            })
                            .collect(),
                    ),
                ],
                percent: true,
            });
        let [complete, on_track, at_risk] = i.cpd_states;
        let mut quality = survey_figures;
        quality.push(figure(
            "CPD complete this registration year",
            percent_of(complete, i.registered),
            Some(format!(
                "{complete} complete, {on_track} on track, {at_risk} at risk"
            )),
        ));
        let rates_trend = (wf.trend.len() > 1).then(|| Trend {
            title: "Vacancy, agency and turnover rates".into(),
            labels: wf_labels.clone(),
            series: vec![
                ("Vacancy rate".into(), trend_of(|r| r.measures.vacancy)),
                ("Agency rate".into(), trend_of(|r| r.measures.agency)),
                (
                    "Turnover (12 months)".into(),
                    trend_of(|r| r.measures.turnover),
                ),
            ],
            percent: true,
        });
        vec![
            Area {
                key: "caseloads".into(),
                title: "Manageable caseloads".into(),
                figures: vec![
                    figure(
                        "Average caseload",
                        show_caseload(head.and_then(|h| h.measures.caseload)),
                        vs_england(true),
                    ),
                    figure(
                        "Teams averaging more than 18 cases",
                        over_18.to_string(),
                        None,
                    ),
                    figure(
                        "Supervised on schedule",
                        percent_of(i.on_schedule, i.registered),
                        Some(format!(
                            "{} of {} registered staff",
                            i.on_schedule, i.registered
                        )),
                    ),
                ],
                trend: (wf.trend.len() > 1).then(|| Trend {
                    title: "Average caseload".into(),
                    labels: wf_labels.clone(),
                    series: vec![("Average caseload".into(), trend_of(|r| r.measures.caseload))],
                    percent: false,
                }),
            },
            Area {
                key: "recording".into(),
                title: "Recording data".into(),
                figures: vec![
                    figure(
                        "Evidence recorded",
                        i.evidence_now.to_string(),
                        Some(i.period_label.clone()),
                    ),
                    figure(
                        "Criteria waiting for sign-off",
                        i.awaiting.to_string(),
                        None,
                    ),
                    figure(
                        "Supervision recorded on time",
                        percent_of(i.on_schedule, i.registered),
                        None,
                    ),
                ],
                trend: counted(
                    "Evidence recorded each quarter",
                    "Evidence recorded",
                    &i.labels,
                    &i.evidence_trend,
                ),
            },
            Area {
                key: "learning".into(),
                title: "Quality and learning".into(),
                figures: quality,
                trend: survey_trend,
            },
            Area {
                key: "workforce".into(),
                title: "Workforce recruitment and retention".into(),
                figures: vec![
                    figure(
                        "Vacancy rate",
                        show_rate(head.and_then(|h| h.measures.vacancy)),
                        vs_england(false),
                    ),
                    figure(
                        "Agency rate",
                        show_rate(head.and_then(|h| h.measures.agency)),
                        england.map(|b| format!("England 2023: {}", show_rate(b.measures.agency))),
                    ),
                    figure(
                        "Turnover (12 months)",
                        show_rate(head.and_then(|h| h.measures.turnover)),
                        england
                            .map(|b| format!("England 2023: {}", show_rate(b.measures.turnover))),
                    ),
                ],
                trend: rates_trend,
            },
            Area {
                key: "practice".into(),
                title: "Quality of frontline practice".into(),
                figures: vec![
                    figure(
                        "Criteria signed off",
                        i.signed_now.to_string(),
                        Some(i.period_label.clone()),
                    ),
                    figure(
                        "ASYE on track",
                        percent_of(i.asye.on_track, i.asye.active),
                        Some(format!(
                            "{} of {} in their ASYE",
                            i.asye.on_track, i.asye.active
                        )),
                    ),
                    figure(
                        "Progression steps approved in 12 months",
                        i.approved.to_string(),
                        None,
                    ),
                ],
                trend: counted(
                    "Criteria signed off each quarter",
                    "Criteria signed off",
                    &i.labels,
                    &i.signed_trend,
                ),
            },
        ]
    }
}
