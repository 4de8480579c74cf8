//! Survey downloads (server only): the aggregated results of a wave, with every hidden group
//! left out, and its raw answers only where every group in them meets the minimum size.
//! Both are audited.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::answers::DIMENSIONS;
use super::measures::{show_enps, show_percent};
use super::report::{Labels, raw_allowed};
use super::results::{Tallies, headlines, question_results, visible};
use super::store;
use crate::audit::audit;
use crate::auth::roles::Action;
use crate::error::AppError;
use crate::export::{download, error_response, to_csv, viewer};
use crate::state::AppState;

async fn readable(
    state: &AppState,
    headers: &HeaderMap,
    id: &str,
) -> Result<(crate::auth::Viewer, store::Survey), AppError> {
    let viewer = viewer(state, headers).await?;
    if !(viewer.can(Action::CurateLearning) || viewer.can(Action::ReadInsight)) {
        return Err(AppError::Forbidden);
    }
    crate::api::check_id(id)?;
    let survey = store::load(&state.db, &viewer.org_id, id).await?;
    if !survey.published {
        return Err(AppError::NotFound);
    }
    Ok((viewer, survey))
}

pub async fn results_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    results(&state, &headers, &id)
        .await
        .unwrap_or_else(error_response)
}

async fn results(state: &AppState, headers: &HeaderMap, id: &str) -> Result<Response, AppError> {
    let (viewer, survey) = readable(state, headers, id).await?;
    let labels = Labels::load(&state.db, &viewer.org_id).await?;
    let tallies =
        Tallies::new(store::counts(&state.db, id, &["team", "service", "role", "level"]).await?);
    let min = survey.min_group as u64;
    let mut rows = Vec::new();
    for dimension in DIMENSIONS {
        let groups: Vec<(String, u64, bool)> = if dimension == "all" {
            let n = tallies.responses("all", "all");
            vec![("all".to_string(), n, n >= min)]
        } else {
            visible(&tallies, dimension, min, &labels.service_of)
                .into_iter()
                .map(|(s, (n, ok))| (s, n, ok))
                .collect()
        };
        for (segment, n, ok) in groups {
            let group = labels.label(dimension, &segment);
            let kind = if dimension == "all" {
                "Everyone"
            } else {
                dimension
            };
            if !ok {
                rows.push(vec![
                    kind.to_string(),
                    group,
                    "(hidden)".into(),
                    format!("Fewer than {min} responses, or could be worked out from other groups"),
                    String::new(),
                    String::new(),
                ]);
                continue;
            }
            let h = headlines(&survey.questions, &tallies, dimension, &segment);
            rows.push(vec![
                kind.to_string(),
                group.clone(),
                "Responses".into(),
                String::new(),
                n.to_string(),
                String::new(),
            ]);
            if h.has_impact {
                rows.push(vec![
                    kind.to_string(),
                    group.clone(),
                    "Training impact rate".into(),
                    String::new(),
                    h.impact_answered.to_string(),
                    show_percent(h.impact),
                ]);
            }
            if h.has_recommendation {
                rows.push(vec![
                    kind.to_string(),
                    group.clone(),
                    "Recommendation rate".into(),
                    String::new(),
                    h.recommendation_answered.to_string(),
                    show_percent(h.recommendation),
                ]);
            }
            if h.has_enps {
                rows.push(vec![
                    kind.to_string(),
                    group.clone(),
                    "eNPS".into(),
                    String::new(),
                    h.enps_answered.to_string(),
                    show_enps(h.enps),
                ]);
            }
            for q in question_results(&survey.questions, &tallies, dimension, &segment) {
                for o in q.options {
                    rows.push(vec![
                        kind.to_string(),
                        group.clone(),
                        q.text.clone(),
                        o.label,
                        o.n.to_string(),
                        show_percent(o.percent),
                    ]);
                }
                if let Some(s) = q.number {
                    rows.push(vec![
                        kind.to_string(),
                        group.clone(),
                        q.text.clone(),
                        "Mean".into(),
                        q.answered.to_string(),
                        super::measures::show_tenths(s.mean),
                    ]);
                }
            }
        }
    }
    let count = rows.len();
    let body = to_csv(
        &[
            "Group type",
            "Group",
            "Question or measure",
            "Answer",
            "Count",
            "Percent or score",
        ],
        rows,
    )?;
    audit(
        &state.db,
        &viewer.org_id,
        Some(&viewer.id),
        "export.survey_results",
        &format!("survey:{id}"),
        format!("{count} rows"),
    )
    .await?;
    Ok(download(format!("survey-{id}-results.csv"), body))
}

pub async fn answers_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    answers(&state, &headers, &id)
        .await
        .unwrap_or_else(error_response)
}

async fn answers(state: &AppState, headers: &HeaderMap, id: &str) -> Result<Response, AppError> {
    let (viewer, survey) = readable(state, headers, id).await?;
    let labels = Labels::load(&state.db, &viewer.org_id).await?;
    if !raw_allowed(&state.db, &survey, &labels).await? {
        return Err(AppError::Conflict(format!(
            "Raw answers cannot be exported: at least one team, service, role or level has fewer than {} responses, so its rows could identify people. Export the aggregated results instead.",
            survey.min_group
        )));
    }
    let questions: Vec<_> = survey
        .questions
        .iter()
        .filter(|q| q.kind != super::design::Kind::Text)
        .collect();
    let mut header: Vec<String> = vec![
        "Team".into(),
        "Service".into(),
        "Role".into(),
        "Career level".into(),
    ];
    header.extend(questions.iter().map(|q| q.text.clone()));
    let rows: Vec<Vec<String>> = store::raw_answers(&state.db, id)
        .await?
        .into_iter()
        .map(|(seg, answers)| {
            let mut row = vec![
                labels.label("team", &seg.team),
                labels.label("service", &seg.service),
                labels.label("role", &seg.role),
                labels.label("level", &seg.level),
            ];
            for q in &questions {
                let a = answers.iter().find(|a| a.question == q.key);
                row.push(match a {
                    Some(a) => match (&a.value, &a.values) {
                        (Some(v), _) => q.answer_label(v),
                        (None, Some(vs)) => vs
                            .iter()
                            .map(|v| q.answer_label(v))
                            .collect::<Vec<_>>()
                            .join("; "),
                        _ => String::new(),
                    },
                    None => String::new(),
                });
            }
            row
        })
        .collect();
    let count = rows.len();
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let body = to_csv(&header_refs, rows)?;
    audit(
        &state.db,
        &viewer.org_id,
        Some(&viewer.id),
        "export.survey_answers",
        &format!("survey:{id}"),
        format!("{count} responses"),
    )
    .await?;
    Ok(download(format!("survey-{id}-answers.csv"), body))
}
