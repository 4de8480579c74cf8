//! Workforce downloads (server only): the dashboard's breakdown and trend tables for the
//! same filter, with absence hidden exactly where the page hides it. Both are audited.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::api::server::dashboard_for;
use super::model::{WorkforceFilter, WorkforceView};
use super::rates::{show_caseload, show_hundredths, show_rate};
use super::rollup::Rolled;
use crate::audit::audit;
use crate::error::AppError;
use crate::export::{download, error_response, to_csv, viewer};
use crate::state::AppState;

const MEASURE_HEADERS: [&str; 11] = [
    "In post (FTE)",
    "Headcount",
    "Vacancies (FTE)",
    "Vacancy rate",
    "Agency (FTE)",
    "Agency rate",
    "Leavers in 12 months (FTE)",
    "Turnover",
    "Cases",
    "Average caseload",
    "Sickness absence",
];

fn cells(r: &Rolled) -> Vec<String> {
    let c = &r.counts;
    vec![
        show_hundredths(c.in_post_fte).replace(',', ""),
        c.headcount.to_string(),
        show_hundredths(c.vacancy_fte).replace(',', ""),
        show_rate(r.measures.vacancy),
        show_hundredths(c.agency_fte).replace(',', ""),
        show_rate(r.measures.agency),
        show_hundredths(r.leavers_year).replace(',', ""),
        show_rate(r.measures.turnover),
        c.cases.to_string(),
        show_caseload(r.measures.caseload),
        if r.absence_hidden {
            "(hidden)".into()
        } else {
            show_rate(r.measures.absence)
        },
    ]
}

async fn load(
    state: &AppState,
    headers: &HeaderMap,
    filter: &WorkforceFilter,
) -> Result<(crate::auth::Viewer, WorkforceView), AppError> {
    let viewer = viewer(state, headers).await?;
    let view = dashboard_for(&state.db, &viewer, filter).await?;
    Ok((viewer, view))
}

fn name(view: &WorkforceView, what: &str) -> String {
    let mut parts = vec![format!("workforce-{what}")];
    parts.extend(
        [&view.filter.period, &view.filter.service, &view.filter.team]
            .into_iter()
            .filter(|p| !p.is_empty())
            .cloned(),
    );
    format!("{}.csv", parts.join("-"))
}

pub async fn breakdown_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(filter): Query<WorkforceFilter>,
) -> Response {
    table(&state, &headers, &filter, Table::Breakdown)
        .await
        .unwrap_or_else(error_response)
}

pub async fn trend_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(filter): Query<WorkforceFilter>,
) -> Response {
    table(&state, &headers, &filter, Table::Trend)
        .await
        .unwrap_or_else(error_response)
}

/// The two tables of the dashboard that download.
#[derive(Clone, Copy)]
enum Table {
    Breakdown,
    Trend,
}

impl Table {
    fn key(self) -> &'static str {
        match self {
            Table::Breakdown => "breakdown",
            Table::Trend => "trend",
        }
    }

    /// The leading columns and each row's leading cells; the measures follow.
    fn rows(self, view: &WorkforceView) -> (Vec<&'static str>, Vec<(Vec<String>, &Rolled)>) {
        match self {
            Table::Breakdown => (
                vec!["Quarter", "Service or team", "Level"],
                view.rows
                    .iter()
                    .map(|r| {
                        let level = match r.depth {
                            0 => "whole view".to_string(),
                            d => format!("level {d}"),
                        };
                        (
                            vec![view.filter.period.clone(), r.name.clone(), level],
                            &r.rolled,
                        )
                    })
                    .collect(),
            ),
            Table::Trend => (
                vec!["Quarter", "Scope"],
                view.trend
                    .iter()
                    .map(|p| (vec![p.key.clone(), view.scope.clone()], &p.rolled))
                    .collect(),
            ),
        }
    }
}

async fn table(
    state: &AppState,
    headers: &HeaderMap,
    filter: &WorkforceFilter,
    table: Table,
) -> Result<Response, AppError> {
    let (viewer, view) = load(state, headers, filter).await?;
    let (mut header, lines) = table.rows(&view);
    header.extend(MEASURE_HEADERS);
    let rows: Vec<Vec<String>> = lines
        .into_iter()
        .map(|(mut row, rolled)| {
            row.extend(cells(rolled));
            row
        })
        .collect();
    let body = to_csv(&header, rows)?;
    audit(
        &state.db,
        &viewer.org_id,
        Some(&viewer.id),
        "export.workforce",
        "workforce",
        format!("{} {}", table.key(), view.filter.query()),
    )
    .await?;
    Ok(download(name(&view, table.key()), body))
}
