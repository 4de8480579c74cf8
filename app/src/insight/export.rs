//! The leader's dashboard as one CSV (server only): every table on the page, one figure per
//! row (section, measure, value, note), so it opens as a tidy sheet. Audited.

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::api::server::leader_for;
use super::model::LeaderView;
use crate::audit::audit;
use crate::error::AppError;
use crate::export::{download, error_response, to_csv, viewer};
use crate::state::AppState;
use crate::surveys::measures::show_percent;
use crate::workforce::model::WorkforceFilter;

pub async fn leader_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(filter): Query<WorkforceFilter>,
) -> Response {
    leader(&state, &headers, &filter)
        .await
        .unwrap_or_else(error_response)
}

pub fn rows(view: &LeaderView) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut push = |section: &str, measure: &str, value: String, note: String| {
        rows.push(vec![section.to_string(), measure.to_string(), value, note]);
    };
    for (section, bars) in [
        ("People by career level", &view.levels),
        ("Readiness for the next step", &view.readiness),
        ("Time in current level", &view.time_in_level),
    ] {
        for bar in bars {
            push(
                section,
                &bar.label,
                bar.n.to_string(),
                show_percent(bar.percent),
            );
        }
    }
    for d in &view.decisions {
        let section = format!("Progression decisions since {}", view.decisions_since);
        push(
            &section,
            &format!("{}: approved", d.step),
            d.approved.to_string(),
            String::new(),
        );
        push(
            &section,
            &format!("{}: deferred", d.step),
            d.deferred.to_string(),
            String::new(),
        );
    }
    let a = view.asye;
    for (measure, n) in [
        ("In their ASYE", a.active),
        ("On track", a.on_track),
        ("Something overdue", a.overdue),
        ("Extended", a.extended),
        ("Passed", a.passed),
        ("Not passed", a.not_passed),
    ] {
        push("ASYE cohort", measure, n.to_string(), String::new());
    }
    for area in &view.areas {
        for f in &area.figures {
            push(
                &area.title,
                &f.label,
                f.value.clone(),
                f.note.clone().unwrap_or_default(),
            );
        }
        if let Some(trend) = &area.trend {
            for (name, values) in &trend.series {
                for (label, value) in trend.labels.iter().zip(values) {
                    let shown = match value {
                        None => "–".to_string(),
                        Some(v) if trend.percent => format!("{:.1}%", v * 100.0),
                        Some(v) => format!("{v:.1}"),
                    };
                    push(
                        &area.title,
                        &format!("{name}, {label}"),
                        shown,
                        "trend".into(),
                    );
                }
            }
        }
    }
    rows
}

async fn leader(
    state: &AppState,
    headers: &HeaderMap,
    filter: &WorkforceFilter,
) -> Result<Response, AppError> {
    let viewer = viewer(state, headers).await?;
    let view = leader_for(&state.db, &viewer, filter).await?;
    let body = to_csv(&["Section", "Measure", "Value", "Note"], rows(&view))?;
    audit(
        &state.db,
        &viewer.org_id,
        Some(&viewer.id),
        "export.insight",
        "insight",
        view.filter.query(),
    )
    .await?;
    let mut name = vec!["insight".to_string()];
    name.extend(
        [&view.filter.period, &view.filter.service, &view.filter.team]
            .into_iter()
            .filter(|p| !p.is_empty())
            .cloned(),
    );
    Ok(download(format!("{}.csv", name.join("-")), body))
}

pub async fn learning_csv(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(filter): Query<WorkforceFilter>,
) -> Response {
    learning(&state, &headers, &filter)
        .await
        .unwrap_or_else(error_response)
}

pub fn learning_rows(view: &super::model::LearningView) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut push = |section: &str, measure: String, value: String, note: String| {
        rows.push(vec![section.to_string(), measure, value, note]);
    };
    for w in &view.waves {
        let wave = format!("Wave {} ({})", w.wave, w.opened);
        if w.hidden {
            push(
                "Staff survey",
                wave,
                "(hidden)".into(),
                format!("fewer than {} answered", view.min_group),
            );
            continue;
        }
        push(
            "Staff survey",
            format!("{wave}: responses"),
            w.responses.to_string(),
            String::new(),
        );
        push(
            "Staff survey",
            format!("{wave}: training impact"),
            show_percent(w.impact),
            String::new(),
        );
        push(
            "Staff survey",
            format!("{wave}: recommendation"),
            show_percent(w.recommendation),
            String::new(),
        );
        push(
            "Staff survey",
            format!("{wave}: eNPS"),
            crate::surveys::measures::show_enps(w.enps),
            String::new(),
        );
    }
    for e in &view.events {
        let note = format!("starts {}", e.starts);
        push(
            "Events",
            format!("{}: places", e.title),
            e.capacity.to_string(),
            note.clone(),
        );
        push(
            "Events",
            format!("{}: booked", e.title),
            e.booked.to_string(),
            note.clone(),
        );
        if e.past {
            push(
                "Events",
                format!("{}: attended", e.title),
                e.attended.to_string(),
                note.clone(),
            );
            push(
                "Events",
                format!("{}: no-shows", e.title),
                e.no_show.to_string(),
                note.clone(),
            );
        }
        push(
            "Events",
            format!("{}: waitlist", e.title),
            e.waitlisted.to_string(),
            note,
        );
    }
    for (section, list) in [
        ("Most useful resources", &view.most_useful),
        ("Least useful resources", &view.least_useful),
    ] {
        for r in list {
            push(
                section,
                r.title.clone(),
                format!("{} useful, {} not", r.yes, r.no),
                String::new(),
            );
        }
    }
    for (state, n) in ["Complete", "On track", "At risk"].iter().zip(view.cpd) {
        push(
            "CPD",
            state.to_string(),
            n.to_string(),
            format!("of {} registered, {}", view.registered, view.cpd_year),
        );
    }
    for p in &view.paths {
        push(
            "Learning paths",
            format!("{}: people it is for", p.title),
            p.audience.to_string(),
            String::new(),
        );
        push(
            "Learning paths",
            format!("{}: steps done", p.title),
            p.done_share
                .map(|s| format!("{:.0}%", s * 100.0))
                .unwrap_or_else(|| "–".into()),
            format!("{} finished", p.completed),
        );
    }
    rows
}

async fn learning(
    state: &AppState,
    headers: &HeaderMap,
    filter: &WorkforceFilter,
) -> Result<Response, AppError> {
    let viewer = viewer(state, headers).await?;
    let view = super::learning::learning_for(&state.db, &viewer, filter).await?;
    let body = to_csv(
        &["Section", "Measure", "Value", "Note"],
        learning_rows(&view),
    )?;
    audit(
        &state.db,
        &viewer.org_id,
        Some(&viewer.id),
        "export.insight",
        "insight_learning",
        view.filter.query(),
    )
    .await?;
    Ok(download("insight-learning.csv".to_string(), body))
}
