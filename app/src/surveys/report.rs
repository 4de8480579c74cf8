//! Assembling the results and impact pages from the counters (server only). Every figure
//! passes through `results::visible` first: a group under the survey's minimum, or one that
//! could be worked out by subtraction, is never sent to the browser at all.

use std::collections::HashMap;

use super::answers::DIMENSIONS;
use super::design::Kind;
use super::events::{evaluated_events, evaluation_key, impact_key};
use super::measures::impact_rate;
use super::model::{BreakdownRow, ImpactRow, ImpactView, Named, ResultsView, WavePoint};
use super::results::{Tallies, headlines, question_results, visible};
use super::store::{self, Survey};
use crate::db::Db;
use crate::error::AppResult;
use crate::people::levels::level_label;

/// How many comments a question shows.
pub const COMMENTS_SHOWN: u32 = 100;

pub struct Labels {
    teams: HashMap<String, String>,
    pub service_of: HashMap<String, String>,
}

impl Labels {
    pub async fn load(db: &Db, org: &str) -> AppResult<Labels> {
        let teams = store::teams(db, org).await?;
        Ok(Labels {
            service_of: teams
                .iter()
                .map(|(t, _, s)| (t.clone(), s.clone()))
                .collect(),
            teams: teams.into_iter().map(|(t, n, _)| (t, n)).collect(),
        })
    }

    pub fn label(&self, dimension: &str, segment: &str) -> String {
        match dimension {
            "team" | "service" => self
                .teams
                .get(segment)
                .cloned()
                .unwrap_or_else(|| "No team".to_string()),
            "role" => crate::auth::roles::Role::from_key(segment)
                .map(|r| r.label().to_string())
                .unwrap_or_else(|| "No role".to_string()),
            "level" => level_label(segment).to_string(),
            _ => "Everyone who answered".to_string(),
        }
    }
}

fn dimension(value: &str) -> &'static str {
    DIMENSIONS
        .into_iter()
        .find(|d| *d == value && *d != "all")
        .unwrap_or("all")
}

/// The results page for a wave. `filter` picks one group to read per question; `by` the
/// dimension of the breakdown table.
pub async fn results(
    db: &Db,
    org: &str,
    survey: &Survey,
    filter: (&str, &str),
    by: &str,
    today: &str,
) -> AppResult<ResultsView> {
    let filter_dimension = dimension(filter.0);
    let by = match dimension(by) {
        "all" => "team",
        d => d,
    };
    // Every dimension at once: the raw-export check needs them all anyway.
    let counts = store::counts(db, &survey.key, &["team", "service", "role", "level"]).await?;
    let tallies = Tallies::new(counts);
    let labels = Labels::load(db, org).await?;
    let min = survey.min_group as u64;
    let responses = tallies.responses("all", "all");
    let overall_shown = responses >= min;

    // The group the per-question figures are for.
    let (dim, seg) = if filter_dimension == "all" || filter.1.is_empty() {
        ("all", "all".to_string())
    } else {
        (filter_dimension, filter.1.to_string())
    };
    let filter_visible = if dim == "all" {
        None
    } else {
        Some(visible(&tallies, dim, min, &labels.service_of))
    };
    let group_shown = match &filter_visible {
        None => overall_shown,
        Some(v) => v.get(&seg).is_some_and(|(_, ok)| *ok),
    };
    let segment_choices = match &filter_visible {
        Some(v) => v
            .iter()
            .filter(|(_, (_, ok))| *ok)
            .map(|(s, _)| Named {
                key: s.clone(),
                label: labels.label(dim, s),
            })
            .collect(),
        None => Vec::new(),
    };
    let group_responses = if group_shown {
        tallies.responses(dim, &seg)
    } else {
        0
    };
    let (h, mut questions) = if group_shown {
        (
            headlines(&survey.questions, &tallies, dim, &seg),
            question_results(&survey.questions, &tallies, dim, &seg),
        )
    } else {
        (Default::default(), Vec::new())
    };
    for q in questions.iter_mut().filter(|q| q.kind == Kind::Text) {
        let segment = (dim != "all").then_some((dim, seg.as_str()));
        q.comments = store::comments(db, &survey.key, &q.key, segment, COMMENTS_SHOWN).await?;
    }

    let by_visible = visible(&tallies, by, min, &labels.service_of);
    let mut breakdown: Vec<BreakdownRow> = by_visible
        .iter()
        .map(|(s, (n, ok))| BreakdownRow {
            segment: s.clone(),
            label: labels.label(by, s),
            figures: ok.then(|| (*n, headlines(&survey.questions, &tallies, by, s))),
        })
        .collect();
    breakdown.sort_by(|a, b| a.label.cmp(&b.label));

    let raw_export = overall_shown && all_groups_shown(&tallies, min, &labels);

    let mut trend = Vec::new();
    for (key, wave, opens, wave_min) in store::waves(db, org, &survey.series).await? {
        let t = Tallies::new(store::counts(db, &key, &[]).await?);
        let n = t.responses("all", "all");
        let invited = if key == survey.key {
            survey.invited
        } else {
            store::load(db, org, &key)
                .await
                .map(|s| s.invited)
                .unwrap_or(0)
        };
        trend.push(WavePoint {
            id: key,
            wave,
            opened: crate::dates::uk_date(&opens),
            figures: (n >= wave_min as u64).then(|| {
                (
                    n,
                    super::measures::percent_tenths(n, invited),
                    headlines(&survey.questions, &t, "all", "all"),
                )
            }),
        });
    }

    Ok(ResultsView {
        id: survey.key.clone(),
        title: survey.title.clone(),
        wave: survey.wave,
        status: survey.status(today),
        min_group: survey.min_group,
        invited: survey.invited,
        responses,
        response_rate: super::measures::percent_tenths(responses, survey.invited),
        segment_label: labels.label(dim, &seg),
        dimension: dim.to_string(),
        segment: seg,
        segment_choices,
        hidden: !group_shown,
        group_responses,
        headlines: h,
        questions,
        breakdown_dimension: by.to_string(),
        breakdown,
        trend,
        raw_export,
    })
}

/// Every wave of `survey`'s series for one group (`("team", key)`, `("service", key)`), each
/// wave's figures shown only when the group was visible in that wave, by the same rules
/// (including the secondary suppression) as the results page. Dashboards read trends for a
/// group through this; `results` gives the trend of the whole survey.
pub async fn group_trend(
    db: &Db,
    org: &str,
    survey: &Survey,
    group: (&str, &str),
) -> AppResult<Vec<WavePoint>> {
    let (dim, seg) = (dimension(group.0), group.1);
    let dimensions: &[&str] = match dim {
        "all" => &[],
        "team" => &["team", "service"],
        "service" => &["service"],
        "role" => &["role"],
        _ => &["level"],
    };
    let labels = Labels::load(db, org).await?;
    let mut trend = Vec::new();
    for (key, wave, opens, wave_min) in store::waves(db, org, &survey.series).await? {
        let t = Tallies::new(store::counts(db, &key, dimensions).await?);
        let min = wave_min as u64;
        let (n, shown) = if dim == "all" {
            let n = t.responses("all", "all");
            (n, n >= min)
        } else {
            visible(&t, dim, min, &labels.service_of)
                .get(seg)
                .map(|(n, ok)| (*n, *ok))
                .unwrap_or((0, false))
        };
        let (d, s) = if dim == "all" {
            ("all", "all")
        } else {
            (dim, seg)
        };
        trend.push(WavePoint {
            id: key,
            wave,
            opened: crate::dates::uk_date(&opens),
            figures: shown.then(|| (n, None, headlines(&survey.questions, &t, d, s))),
        });
    }
    Ok(trend)
}

/// Raw answers go out only when no group in any breakdown is hidden: each row carries its
/// groups, so a hidden group would be in the file.
pub async fn raw_allowed(db: &Db, survey: &Survey, labels: &Labels) -> AppResult<bool> {
    let all =
        Tallies::new(store::counts(db, &survey.key, &["team", "service", "role", "level"]).await?);
    Ok(all_groups_shown(&all, survey.min_group as u64, labels))
}

fn all_groups_shown(all: &Tallies, min: u64, labels: &Labels) -> bool {
    all.responses("all", "all") >= min
        && ["team", "service", "role", "level"].iter().all(|d| {
            visible(all, d, min, &labels.service_of)
                .values()
                .all(|(_, ok)| *ok)
        })
}

/// The first Likert question's "will use it" rate on an evaluation.
fn reaction(survey: &Survey, t: &Tallies) -> Option<i64> {
    let q = survey
        .questions
        .iter()
        .filter(|q| q.kind == Kind::Likert)
        .nth(1)
        .or_else(|| survey.questions.iter().find(|q| q.kind == Kind::Likert))?;
    impact_rate(std::array::from_fn(|i| {
        t.get("all", "all", &q.key, &(i + 1).to_string())
    }))
}

/// Event evaluations rolled up per event and per framework domain.
pub async fn impact(db: &Db, org: &str, today: &str) -> AppResult<ImpactView> {
    let events = evaluated_events(db, org).await?;
    let (refs, framework_domains) = crate::academy::library_store::criteria(db, org).await?;
    let domain_of: HashMap<String, String> = refs
        .into_iter()
        .map(|c| (c.lineage, c.domain.key))
        .collect();
    let mut rows = Vec::new();
    // Per domain: (attended, reaction responses, reaction agree, impact responses, impact agree).
    let mut domains: HashMap<String, [u64; 5]> = HashMap::new();
    let min = super::design::DEFAULT_MIN_GROUP as u64;
    for (event, title, criteria, attended) in events {
        let mut reaction_n = 0;
        let mut reaction_rate = None;
        let mut reaction_agree = 0;
        if let Ok(s) = store::load(db, org, &evaluation_key(&event)).await {
            let t = Tallies::new(store::counts(db, &s.key, &[]).await?);
            reaction_n = t.responses("all", "all");
            reaction_rate = reaction(&s, &t);
            reaction_agree = reaction_rate
                .map(|r| (r as u64 * reaction_n + 500) / 1000)
                .unwrap_or(0);
        }
        let mut impact_n = 0;
        let mut impact_rate_v = None;
        let mut impact_agree = 0;
        let mut follow_up = String::new();
        if let Ok(s) = store::load(db, org, &impact_key(&event)).await {
            let t = Tallies::new(store::counts(db, &s.key, &[]).await?);
            impact_n = t.responses("all", "all");
            let h = headlines(&s.questions, &t, "all", "all");
            impact_rate_v = h.impact;
            impact_agree = h
                .impact
                .map(|r| (r as u64 * h.impact_answered + 500) / 1000)
                .unwrap_or(0);
            follow_up = match (s.status(today), s.opens.as_deref()) {
                (super::model::Status::Scheduled, Some(o)) => {
                    format!("Opens {}", crate::dates::uk_date(o))
                }
                (super::model::Status::Open, _) => "Open now".to_string(),
                _ => "Closed".to_string(),
            };
        }
        let mut seen = Vec::new();
        for c in &criteria {
            if let Some(d) = domain_of.get(c)
                && !seen.contains(d)
            {
                seen.push(d.clone());
                let e = domains.entry(d.clone()).or_default();
                e[0] += attended;
                e[1] += reaction_n;
                e[2] += reaction_agree;
                e[3] += impact_n;
                e[4] += impact_agree;
            }
        }
        rows.push(ImpactRow {
            href: Some(format!("/events/{event}")),
            key: event,
            label: title,
            attended,
            reaction: (reaction_n >= min).then_some((reaction_n, reaction_rate)),
            reaction_responses: reaction_n,
            impact: (impact_n >= min).then_some((impact_n, impact_rate_v)),
            impact_responses: impact_n,
            follow_up,
        });
    }
    let mut domain_rows: Vec<ImpactRow> = domains
        .into_iter()
        .map(|(d, [attended, rn, ra, i_n, ia])| ImpactRow {
            label: framework_domains
                .iter()
                .find(|n| n.key == d)
                .map(|n| n.label.clone())
                .unwrap_or_else(|| d.clone()),
            key: d,
            href: None,
            attended,
            reaction: (rn >= min).then_some((rn, super::measures::percent_tenths(ra, rn))),
            reaction_responses: rn,
            impact: (i_n >= min).then_some((i_n, super::measures::percent_tenths(ia, i_n))),
            impact_responses: i_n,
            follow_up: String::new(),
        })
        .collect();
    let order = |key: &str| {
        framework_domains
            .iter()
            .position(|n| n.key == key)
            .unwrap_or(usize::MAX)
    };
    domain_rows.sort_by_key(|r| order(&r.key));
    Ok(ImpactView {
        min_group: super::design::DEFAULT_MIN_GROUP,
        follow_up_days: store::follow_up_days(db, org).await?,
        events: rows,
        domains: domain_rows,
    })
}
