//! CSV downloads (server only): plain axum handlers, because a download is a file, not a
//! server function's JSON. Each authorises from the session cookie like any request, and
//! every export is written to the audit log.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::asye::model::CohortFilter;
use crate::audit::audit;
use crate::auth::Viewer;
use crate::auth::session::{resolve, token_from_headers};
use crate::dates::{iso, today_uk};
use crate::error::AppError;
use crate::state::AppState;

/// A spreadsheet treats a cell starting with one of these as a formula; a leading
/// apostrophe keeps it text (CSV injection).
fn cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

/// Writes a header and rows as CSV.
pub fn to_csv(header: &[&str], rows: Vec<Vec<String>>) -> Result<String, AppError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| {
        tracing::error!(error = %e, "csv");
        AppError::Internal
    };
    writer.write_record(header).map_err(failed)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|v| cell(v)))
            .map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(|e| {
        tracing::error!(error = %e, "csv");
        AppError::Internal
    })?;
    String::from_utf8(bytes).map_err(|_| AppError::Internal)
}

pub(crate) fn error_response(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}

pub(crate) fn download(name: String, body: String) -> Response {
    file(name, body, "text/csv; charset=utf-8")
}

fn file(name: String, body: String, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

pub(crate) async fn viewer(state: &AppState, headers: &HeaderMap) -> Result<Viewer, AppError> {
    let token = token_from_headers(headers, &state.auth).ok_or(AppError::Unauthenticated)?;
    resolve(&state.db, &state.auth, &token)
        .await?
        .ok_or(AppError::Unauthenticated)
}

#[derive(Debug, Deserialize)]
pub struct YearQuery {
    #[serde(default)]
    year: Option<String>,
}

/// The signed-in person's CPD for a registration year, one row per record, every field.
pub async fn cpd_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<YearQuery>,
) -> Response {
    cpd(&state, &headers, query)
        .await
        .unwrap_or_else(error_response)
}

async fn cpd(
    state: &AppState,
    headers: &HeaderMap,
    query: YearQuery,
) -> Result<Response, AppError> {
    let viewer = viewer(state, headers).await?;
    let year = match query
        .year
        .as_deref()
        .map(str::trim)
        .filter(|y| !y.is_empty())
    {
        None => None,
        Some(y) => Some(
            y.parse::<i32>()
                .map_err(|_| AppError::field("year", "Choose a registration year, like 2026."))?,
        ),
    };
    let year = crate::cpd::api::server::pick_year(year)?;
    let data = crate::cpd::api::server::year_of(
        &state.db,
        &viewer.id,
        viewer.name.clone(),
        &viewer.org_id,
        year,
        false,
    )
    .await?;
    let rows = data
        .records
        .iter()
        .map(|r| {
            vec![
                crate::cpd::model::kind_label(&r.kind).to_string(),
                r.title.clone(),
                r.description.clone(),
                r.date.clone(),
                r.learnt.clone(),
                r.impact.clone(),
                r.peer_with.clone(),
                r.peer_date.clone(),
                r.peer_learnt.clone(),
            ]
        })
        .collect();
    let body = to_csv(
        &[
            "Type of CPD",
            "Title",
            "Description and why it is relevant",
            "Date",
            "What I learnt",
            "Impact on my practice and the people I work with",
            "Peer reflection with",
            "Peer reflection date",
            "What I learnt from the discussion",
        ],
        rows,
    )?;
    audit(
        &state.db,
        &viewer.org_id,
        Some(&viewer.id),
        "export.cpd",
        &format!("person:{}", viewer.id),
        format!("registration year {}", year.0),
    )
    .await?;
    Ok(download(format!("cpd-{}.csv", year.0), body))
}

/// The ASYE cohort as the cohort page shows it (same filter, same scope).
pub async fn asye_cohort_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(filter): Query<CohortFilter>,
) -> Response {
    asye_cohort(&state, &headers, filter)
        .await
        .unwrap_or_else(error_response)
}

async fn asye_cohort(
    state: &AppState,
    headers: &HeaderMap,
    filter: CohortFilter,
) -> Result<Response, AppError> {
    let viewer = viewer(state, headers).await?;
    let cohort = crate::asye::api::server::cohort_for(&state.db, &viewer, &filter).await?;
    let rows = cohort
        .rows
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.team.clone(),
                r.assessor.clone(),
                r.start.clone(),
                r.end.clone(),
                r.status.clone(),
                r.reviews_done.to_string(),
                format!("{} of {}", r.observations, r.observations_required),
                format!("{:.0}", r.protected_percent),
                r.next
                    .as_ref()
                    .map(|n| format!("{} ({})", n.label, n.due))
                    .unwrap_or_default(),
                r.due_soon.join("; "),
                r.overdue.join("; "),
            ]
        })
        .collect();
    let body = to_csv(
        &[
            "Name",
            "Team",
            "Assessor",
            "Start",
            "Expected end",
            "Status",
            "Reviews recorded",
            "Observations",
            "Protected time (% of target)",
            "Next due",
            "Due soon",
            "Overdue",
        ],
        rows,
    )?;
    audit(
        &state.db,
        &viewer.org_id,
        Some(&viewer.id),
        "export.asye_cohort",
        "asye_cohort",
        format!("{} rows", cohort.rows.len()),
    )
    .await?;
    Ok(download(
        format!("asye-cohort-{}.csv", iso(today_uk())),
        body,
    ))
}

/// The supervisor's team as the team page shows it: readiness, reviews waiting, the ASYE's
/// next milestone, CPD counts and supervision. Counts only, never the text of any record.
pub async fn team_csv(State(state): State<AppState>, headers: HeaderMap) -> Response {
    team(&state, &headers).await.unwrap_or_else(error_response)
}

async fn team(state: &AppState, headers: &HeaderMap) -> Result<Response, AppError> {
    let viewer = viewer(state, headers).await?;
    let members = crate::progression::api::server::team_for(&state.db, &viewer).await?;
    let rows = members
        .iter()
        .map(|m| {
            vec![
                m.name.clone(),
                m.team_name.clone().unwrap_or_default(),
                m.level_name.clone(),
                m.next_level_name.clone().unwrap_or_default(),
                format!("{} of {}", m.readiness.signed_off, m.readiness.total),
                if m.readiness.met() { "yes" } else { "no" }.to_string(),
                m.pending_reviews.to_string(),
                m.asye_next
                    .as_ref()
                    .map(|(label, due)| format!("{label} ({due})"))
                    .unwrap_or_default(),
                m.asye_overdue.join("; "),
                m.cpd
                    .map(|c| c.state.label().to_string())
                    .unwrap_or_else(|| "Not registered".into()),
                m.cpd.map(|c| c.records.to_string()).unwrap_or_default(),
                m.supervision
                    .as_ref()
                    .map(|c| c.state_label())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let body = to_csv(
        &[
            "Name",
            "Team",
            "Level",
            "Next level",
            "Criteria signed off",
            "Ready",
            "Waiting for review",
            "ASYE next due",
            "ASYE overdue",
            "CPD this year",
            "CPD records",
            "Supervision",
        ],
        rows,
    )?;
    audit(
        &state.db,
        &viewer.org_id,
        Some(&viewer.id),
        "export.team",
        &format!("person:{}", viewer.id),
        format!("{} people", members.len()),
    )
    .await?;
    Ok(download(format!("team-{}.csv", iso(today_uk())), body))
}

/// The calendar file for the signed-in person's confirmed place on an event.
pub async fn event_calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    event_calendar_file(&state, &headers, &id)
        .await
        .unwrap_or_else(error_response)
}

async fn event_calendar_file(
    state: &AppState,
    headers: &HeaderMap,
    id: &str,
) -> Result<Response, AppError> {
    let viewer = viewer(state, headers).await?;
    crate::api::check_id(id)?;
    // Links in the file lead back to the event on the address the person used.
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        })
        .unwrap_or("localhost");
    let scheme = match headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
    {
        Some("https") => "https",
        _ => "http",
    };
    let (name, body) = crate::academy::event_store::calendar_file(
        &state.db,
        &viewer.org_id,
        &viewer.id,
        id,
        &format!("{scheme}://{host}"),
    )
    .await?;
    Ok(file(name, body, "text/calendar; charset=utf-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_kept_as_text() {
        let csv = to_csv(
            &["a", "b"],
            vec![vec!["=HYPERLINK(\"x\")".into(), "plain, with comma".into()]],
        )
        .unwrap();
        assert_eq!(
            csv,
            "a,b\n\"'=HYPERLINK(\"\"x\"\")\",\"plain, with comma\"\n"
        );
    }
}
