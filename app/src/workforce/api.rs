//! Workforce server functions. The dashboard needs `ReadInsight`; entering figures is an
//! admin's job (`ManageTeams`), audited like every other change to council records.

use leptos::prelude::*;

use super::form::FiguresForm;
use super::model::{FiguresEditor, WorkforceFilter, WorkforceView};
use crate::error::AppError;

#[server(endpoint = "workforce/dashboard")]
pub async fn workforce_dashboard(
    #[server(default)] filter: WorkforceFilter,
) -> Result<WorkforceView, AppError> {
    crate::api::respond(server::dashboard(filter)).await
}

#[server(endpoint = "workforce/editor")]
pub async fn open_figures(
    #[server(default)] team: String,
    #[server(default)] quarter: String,
) -> Result<FiguresEditor, AppError> {
    crate::api::respond(server::editor(team, quarter)).await
}

#[server(endpoint = "workforce/save")]
pub async fn save_figures(
    #[server(default)] team: String,
    #[server(default)] quarter: String,
    #[server(default)] form: FiguresForm,
) -> Result<(), AppError> {
    crate::api::respond(server::save(team, quarter, form)).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::super::form::FiguresForm;
    use super::super::model::{FiguresEditor, TrendPoint, UnitRow, WorkforceFilter, WorkforceView};
    use super::super::quarter::Quarter;
    use super::super::rates::benchmarks;
    use super::super::rollup::{Unit, members, roll_up};
    use super::super::store;
    use crate::api;
    use crate::audit::audit;
    use crate::auth::Viewer;
    use crate::auth::roles::Action;
    use crate::auth::session::require_viewer;
    use crate::dates::today_uk;
    use crate::db::Db;
    use crate::error::{AppError, AppResult};
    use crate::surveys::design::DEFAULT_MIN_GROUP;

    /// Quarters of trend shown, and the three before them that turnover needs.
    const TREND: usize = 8;

    pub async fn dashboard(filter: WorkforceFilter) -> AppResult<WorkforceView> {
        let viewer = require_viewer().await?;
        let state = api::state()?;
        dashboard_for(&state.db, &viewer, &filter).await
    }

    /// Units in display order: each top-level unit, then what sits below it, with depth.
    pub(crate) fn tree(units: &[Unit]) -> Vec<(u8, &Unit)> {
        fn visit<'a>(unit: &'a Unit, depth: u8, units: &'a [Unit], out: &mut Vec<(u8, &'a Unit)>) {
            if depth > 16 || out.iter().any(|(_, u)| u.id == unit.id) {
                return;
            }
            out.push((depth, unit));
            for child in units
                .iter()
                .filter(|u| u.parent.as_deref() == Some(unit.id.as_str()))
            {
                visit(child, depth + 1, units, out);
            }
        }
        let known: std::collections::HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
        let mut out = Vec::with_capacity(units.len());
        for root in units
            .iter()
            .filter(|u| u.parent.as_deref().is_none_or(|p| !known.contains(p)))
        {
            visit(root, 0, units, &mut out);
        }
        out
    }

    fn choose<'a>(
        units: &'a [Unit],
        key: &str,
        field: &str,
        message: &str,
    ) -> AppResult<Option<&'a Unit>> {
        let key = key.trim();
        if key.is_empty() {
            return Ok(None);
        }
        units
            .iter()
            .find(|u| u.id == key)
            .map(Some)
            .ok_or_else(|| AppError::field(field, message))
    }

    pub async fn dashboard_for(
        db: &Db,
        viewer: &Viewer,
        filter: &WorkforceFilter,
    ) -> AppResult<WorkforceView> {
        viewer.require(Action::ReadInsight)?;
        let org = &viewer.org_id;
        let units = store::units(db, org).await?;
        let services: Vec<&Unit> = units.iter().filter(|u| u.parent.is_none()).collect();
        let service = choose(
            &units,
            &filter.service,
            "service",
            "Choose a service from the list.",
        )?
        .filter(|u| u.parent.is_none());
        if !filter.service.trim().is_empty() && service.is_none() {
            return Err(AppError::field(
                "service",
                "Choose a service from the list.",
            ));
        }
        let in_service: Vec<&str> = match service {
            Some(s) => members(&units, &s.id),
            None => units.iter().map(|u| u.id.as_str()).collect(),
        };
        // A team left chosen from another service (the service was changed, the team not)
        // gives way to the service: the newer choice is the one the person meant.
        let team = choose(&units, &filter.team, "team", "Choose a team from the list.")?
            .filter(|t| t.parent.is_some() && in_service.contains(&t.id.as_str()));
        let quarters = store::quarters(db, org).await?;
        let period = match filter.period.trim() {
            "" => quarters.last().copied(),
            text => Some(
                Quarter::parse(text)
                    .filter(|q| quarters.contains(q))
                    .ok_or_else(|| AppError::field("period", "Choose a quarter from the list."))?,
            ),
        };
        let mut view = WorkforceView {
            scope: team
                .map(|t| t.name.clone())
                .or_else(|| service.map(|s| s.name.clone()))
                .unwrap_or_else(|| viewer.org_name.clone()),
            filter: WorkforceFilter {
                period: period.map(Quarter::key).unwrap_or_default(),
                service: service.map(|s| s.id.clone()).unwrap_or_default(),
                team: team.map(|t| t.id.clone()).unwrap_or_default(),
            },
            period_label: period.map(Quarter::label).unwrap_or_default(),
            periods: quarters
                .iter()
                .rev()
                .map(|q| (q.key(), q.label()))
                .collect(),
            services: services
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect(),
            teams: tree(&units)
                .into_iter()
                .filter(|(depth, u)| *depth > 0 && in_service.contains(&u.id.as_str()))
                .map(|(_, u)| (u.id.clone(), u.name.clone()))
                .collect(),
            benchmarks: benchmarks(),
            min_group: i64::from(DEFAULT_MIN_GROUP),
            can_edit: viewer.can(Action::ManageTeams),
            ..WorkforceView::default()
        };
        let Some(period) = period else {
            return Ok(view);
        };
        let window = period.window(TREND + 3);
        let figures = store::figures(db, org, window[0], period).await?;
        let min = view.min_group;
        let scope_ids: Vec<&str> = match (team, service) {
            (Some(t), _) => members(&units, &t.id),
            (None, Some(_)) => in_service.clone(),
            (None, None) => units.iter().map(|u| u.id.as_str()).collect(),
        };
        view.headline = Some(roll_up(&figures, &scope_ids, period, min));
        let leaves: Vec<&str> = scope_ids
            .iter()
            .copied()
            .filter(|id| !units.iter().any(|u| u.parent.as_deref() == Some(*id)))
            .collect();
        view.teams_in_view = leaves.len();
        view.teams_reporting = leaves
            .iter()
            .filter(|id| figures.contains_key(&(id.to_string(), period)))
            .count();
        let year_before = period.window(5)[0];
        if quarters.contains(&year_before) {
            view.year_before = Some(roll_up(&figures, &scope_ids, year_before, min));
        }
        view.trend = period
            .window(TREND)
            .into_iter()
            .filter(|q| quarters.contains(q))
            .map(|q| TrendPoint {
                key: q.key(),
                label: q.short(),
                rolled: roll_up(&figures, &scope_ids, q, min),
            })
            .collect();
        let root = team.or(service);
        let mut rows = vec![UnitRow {
            id: root.map(|u| u.id.clone()).unwrap_or_default(),
            name: view.scope.clone(),
            depth: 0,
            rolled: view.headline.clone().unwrap_or_default(),
        }];
        for (depth, unit) in tree(&units) {
            let below_root = match root {
                Some(r) => unit.id != r.id && scope_ids.contains(&unit.id.as_str()),
                None => true,
            };
            if !below_root {
                continue;
            }
            let depth = match root {
                Some(_) => depth,
                None => depth + 1,
            };
            rows.push(UnitRow {
                id: unit.id.clone(),
                name: unit.name.clone(),
                depth,
                rolled: roll_up(&figures, &members(&units, &unit.id), period, min),
            });
        }
        // Units with nothing to report (a workforce development team) would only add noise.
        rows.retain(|r| r.depth == 0 || r.rolled.reported > 0);
        view.rows = rows;
        Ok(view)
    }

    fn quarter_choices(today: time::Date) -> Vec<Quarter> {
        let mut recent = Quarter::of(today).window(12);
        recent.reverse();
        recent
    }

    pub async fn editor(team: String, quarter: String) -> AppResult<FiguresEditor> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManageTeams)?;
        let state = api::state()?;
        let units = store::units(&state.db, &viewer.org_id).await?;
        let quarters = quarter_choices(today_uk());
        let mut editor = FiguresEditor {
            teams: team_choices(&units),
            quarters: quarters.iter().map(|q| (q.key(), q.label())).collect(),
            ..FiguresEditor::default()
        };
        let Some(unit) = choose(&units, &team, "team", "Choose a team from the list.")? else {
            return Ok(editor);
        };
        let quarter = match quarter.trim() {
            "" => Quarter::of(today_uk()).previous(),
            text => Quarter::parse(text)
                .ok_or_else(|| AppError::field("quarter", "Choose a quarter from the list."))?,
        };
        let figures = store::figures(&state.db, &viewer.org_id, quarter, quarter).await?;
        let stored = figures.get(&(unit.id.clone(), quarter));
        editor.team = unit.id.clone();
        editor.quarter = quarter.key();
        editor.existing = stored.is_some();
        editor.form = stored.map(FiguresForm::from_counts).unwrap_or_default();
        Ok(editor)
    }

    pub(crate) fn team_choices(units: &[Unit]) -> Vec<(String, String)> {
        tree(units)
            .into_iter()
            .map(|(_, u)| {
                let parent = u
                    .parent
                    .as_deref()
                    .and_then(|p| units.iter().find(|x| x.id == p));
                let label = match parent {
                    Some(parent) => format!("{} ({})", u.name, parent.name),
                    None => format!("{} (the service itself)", u.name),
                };
                (u.id.clone(), label)
            })
            .collect()
    }

    pub async fn save(team: String, quarter: String, form: FiguresForm) -> AppResult<()> {
        let viewer = require_viewer().await?;
        viewer.require(Action::ManageTeams)?;
        let state = api::state()?;
        let units = store::units(&state.db, &viewer.org_id).await?;
        let mut errors = crate::error::FieldErrors::new();
        let unit = units.iter().find(|u| u.id == team.trim());
        if unit.is_none() {
            errors.add("team", "Choose a team from the list.");
        }
        let parsed = Quarter::parse(&quarter);
        if parsed.is_none_or(|q| q > Quarter::of(today_uk())) {
            errors.add(
                "quarter",
                "Choose a quarter from the list; figures cannot be for a quarter still to come.",
            );
        }
        let counts = match form.validate() {
            Ok(counts) => Some(counts),
            Err(found) => {
                for (field, message) in found.0 {
                    errors.add(&field, message);
                }
                None
            }
        };
        errors.into_result()?;
        let (Some(unit), Some(quarter), Some(counts)) = (unit, parsed, counts) else {
            return Err(AppError::Internal);
        };
        store::save(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            &[(unit.id.clone(), quarter, counts)],
        )
        .await?;
        audit(
            &state.db,
            &viewer.org_id,
            Some(&viewer.id),
            "workforce.save",
            &format!("team:{}", unit.id),
            format!("figures for {}", quarter.key()),
        )
        .await
    }
}
