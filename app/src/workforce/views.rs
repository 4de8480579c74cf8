//! Workforce pages: the stability dashboard (`/insight/workforce`) and the admin's form for
//! a team's quarter (`/admin/workforce`). Both work as plain HTML before the wasm loads.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::api::{SaveFigures, open_figures, workforce_dashboard};
use super::form::{FIELDS, Kind};
use super::model::{FiguresEditor, TrendPoint, UnitRow, WorkforceView};
use super::rates::{Benchmark, show_caseload, show_hundredths, show_rate};
use super::rollup::Rolled;
use crate::auth::roles::Action;
use crate::charts::{LineChart, Scale, Series};
use crate::insight::filters::{ScopeSelects, filter_from_query};
use crate::shell::Guarded;
use crate::ui::{ErrorSummary, Field, Notice, field_errors, general_error, loaded, successes};

#[component]
pub fn WorkforcePage() -> impl IntoView {
    view! {
        <Title text="Workforce stability" />
        <Guarded action=Action::ReadInsight>
            <Dashboard />
        </Guarded>
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let filter = filter_from_query();
    let data = Resource::new(move || filter.get(), workforce_dashboard);
    view! {
        <section class="page page-wide">
            <h1>"Workforce stability"</h1>
            {loaded(data, |view: WorkforceView| view! { <DashboardBody view /> })}
        </section>
    }
}

/// The name of a measure, how to show it, and where it comes from.
struct Measure {
    key: &'static str,
    name: &'static str,
    definition: &'static str,
    /// Lower is better for every one of these.
    pick: fn(&super::rates::Measures) -> Option<f64>,
    caseload: bool,
}

const MEASURES: &[Measure] = &[
    Measure {
        key: "vacancy",
        name: "Vacancy rate",
        definition: "Vacancies FTE divided by vacancies and in-post FTE together, at the end of the quarter.",
        pick: |m| m.vacancy,
        caseload: false,
    },
    Measure {
        key: "agency",
        name: "Agency rate",
        definition: "Agency FTE divided by agency and in-post FTE together, at the end of the quarter.",
        pick: |m| m.agency,
        caseload: false,
    },
    Measure {
        key: "turnover",
        name: "Turnover (12 months)",
        definition: "Leavers FTE over the four quarters to this one, divided by in-post FTE at its end.",
        pick: |m| m.turnover,
        caseload: false,
    },
    Measure {
        key: "caseload",
        name: "Average caseload",
        definition: "Cases held divided by the FTE of the workers who hold cases.",
        pick: |m| m.caseload,
        caseload: true,
    },
    Measure {
        key: "absence",
        name: "Sickness absence",
        definition: "Working days lost to sickness divided by the working days the people in post had in the quarter (253 a year for each FTE).",
        pick: |m| m.absence,
        caseload: false,
    },
];

fn show(measure: &Measure, value: Option<f64>) -> String {
    if measure.caseload {
        show_caseload(value)
    } else {
        show_rate(value)
    }
}

/// "down 2.1 points on a year before", said the way a reader would.
fn change(measure: &Measure, now: Option<f64>, before: Option<f64>) -> Option<String> {
    let (now, before) = (now?, before?);
    let (difference, unit) = if measure.caseload {
        (now - before, "")
    } else {
        ((now - before) * 100.0, " points")
    };
    Some(if difference.abs() < 0.05 {
        "the same as a year before".to_string()
    } else {
        let direction = if difference < 0.0 { "down" } else { "up" };
        format!("{direction} {:.1}{unit} on a year before", difference.abs())
    })
}

#[component]
fn DashboardBody(view: WorkforceView) -> impl IntoView {
    let filter = view.filter.clone();
    let csv_query = {
        let q = filter.query();
        if q.is_empty() {
            String::new()
        } else {
            format!("?{q}")
        }
    };
    let Some(headline) = view.headline.clone() else {
        return view! {
            <FilterForm view=view.clone() csv_query=String::new() />
            <div class="empty-state">
                <p>"There are no workforce figures yet."</p>
                {view.can_edit.then(|| view! { <p><a href="/admin/workforce">"Enter a team's figures"</a> " or " <a href="/admin/imports">"import them from a CSV file"</a> "."</p> })}
            </div>
        }
        .into_any();
    };
    let year_before = view.year_before.clone();
    let benchmarks = view.benchmarks.clone();
    let coverage = (view.teams_reporting < view.teams_in_view).then(|| {
        format!(
            "{} of the {} teams in this view have figures for the quarter; the rest are left out of the totals.",
            view.teams_reporting, view.teams_in_view
        )
    });
    view! {
        <crate::insight::views::InsightTabs current="workforce" query=view.filter.query() />
        <p class="lede">
            {format!("{}, {}.", view.scope, view.period_label)}
            " Figures are entered or imported by admins each quarter and read against the Department for Education's published figures."
        </p>
        <FilterForm view=view.clone() csv_query />
        {coverage.map(|c| view! { <p class="hint" role="note">{c}</p> })}
        <div class="card-grid measure-grid" data-testid="workforce-measures">
            {MEASURES.iter().map(|m| {
                let value = (m.pick)(&headline.measures);
                let hidden = m.key == "absence" && headline.absence_hidden;
                let needs_year = m.key == "turnover" && !headline.whole_year;
                let before = year_before.as_ref().and_then(|b| change(m, value, (m.pick)(&b.measures)));
                let compare = benchmarks.iter().map(|b: &Benchmark| format!("{} {}", b.name, show(m, (m.pick)(&b.measures)))).collect::<Vec<_>>().join(" · ");
                view! {
                    <section class="card measure" aria-labelledby=format!("measure-{}", m.key)>
                        <h2 id=format!("measure-{}", m.key) class="measure-title">{m.name}</h2>
                        <p class="stat-number">{if hidden { "Hidden".to_string() } else { show(m, value) }}</p>
                        {hidden.then(|| view! { <p class="hint">"Absence is not shown for groups of fewer than 5 people: it is health information."</p> })}
                        {needs_year.then(|| view! { <p class="hint">"Needs four quarters of figures."</p> })}
                        {before.map(|b| view! { <p class="stat">{b}</p> })}
                        <p class="hint">{compare}</p>
                        <details><summary>"How this is worked out"</summary><p>{m.definition}</p></details>
                    </section>
                }
            }).collect_view()}
        </div>
        <Trend trend=view.trend.clone() benchmarks=view.benchmarks.clone() scope=view.scope.clone() />
        <Breakdown rows=view.rows.clone() period=view.period_label.clone() />
    }
    .into_any()
}

#[component]
fn FilterForm(view: WorkforceView, csv_query: String) -> impl IntoView {
    let filter = view.filter.clone();
    let has_figures = !view.periods.is_empty();
    view! {
        <Form method="GET" action="" attr:class="filter-form" attr:aria-label="Choose the figures to show">
            <ScopeSelects id="wf" filter=filter.clone() periods=view.periods.clone() services=view.services.clone() teams=view.teams.clone() />
            <div class="filter-buttons">
                <button type="submit" class="button button-secondary">"Show"</button>
                {view.can_edit.then(|| view! { <a href="/admin/workforce">"Enter figures"</a> })}
            </div>
        </Form>
        {has_figures.then(|| view! {
            <p class="button-row">
                <a class="button button-secondary" href=format!("/export/workforce.csv{csv_query}") download="">"Download the breakdown (CSV)"</a>
                <a class="button button-secondary" href=format!("/export/workforce-trend.csv{csv_query}") download="">"Download the trend (CSV)"</a>
            </p>
        })}
    }
}

#[component]
fn Trend(trend: Vec<TrendPoint>, benchmarks: Vec<Benchmark>, scope: String) -> impl IntoView {
    if trend.len() < 2 {
        return ().into_any();
    }
    let labels: Vec<String> = trend.iter().map(|p| p.label.clone()).collect();
    let series = |name: &str, pick: fn(&Rolled) -> Option<f64>| Series {
        name: name.to_string(),
        values: trend.iter().map(|p| pick(&p.rolled)).collect(),
    };
    let rates = vec![
        series("Vacancy rate", |r| r.measures.vacancy),
        series("Agency rate", |r| r.measures.agency),
        series("Turnover (12 months)", |r| r.measures.turnover),
    ];
    let caseloads = vec![series("Average caseload", |r| r.measures.caseload)];
    let england_caseload = benchmarks.first().and_then(|b| {
        b.measures
            .caseload
            .map(|c| (format!("{} average caseload", b.name), c))
    });
    view! {
        <section class="card" aria-labelledby="trend-heading">
            <h2 id="trend-heading">"Over the last " {trend.len()} " quarters"</h2>
            <div class="chart-pair">
                <div>
                    <LineChart id="wf-rates".to_string() title=format!("Vacancy, agency and turnover rates, {scope}") labels=labels.clone() series=rates scale=Scale::Percent />
                </div>
                <div>
                    <LineChart id="wf-caseload".to_string() title=format!("Average caseload, {scope}") labels=labels.clone() series=caseloads scale=Scale::Number reference=england_caseload />
                </div>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Trend figures">
                <table class="table table-compact" data-testid="workforce-trend">
                    <caption>{format!("{scope}, quarter by quarter")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Quarter"</th>
                            {MEASURES.iter().map(|m| view! { <th scope="col" class="num">{m.name}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {trend.iter().rev().map(|p| view! {
                            <tr>
                                <th scope="row">{p.label.clone()}</th>
                                {MEASURES.iter().map(|m| view! { <td class="num">{measure_cell(m, &p.rolled)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

fn measure_cell(m: &Measure, rolled: &Rolled) -> String {
    if m.key == "absence" && rolled.absence_hidden {
        "Hidden".into()
    } else {
        show(m, (m.pick)(&rolled.measures))
    }
}

#[component]
fn Breakdown(rows: Vec<UnitRow>, period: String) -> impl IntoView {
    view! {
        <section aria-labelledby="breakdown-heading">
            <h2 id="breakdown-heading">"By service and team"</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Figures by service and team">
                <table class="table table-compact" data-testid="workforce-breakdown">
                    <caption>{format!("Workforce figures, {period}")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Service or team"</th>
                            <th scope="col" class="num">"In post (FTE)"</th>
                            <th scope="col" class="num">"Headcount"</th>
                            <th scope="col" class="num">"Vacancies (FTE)"</th>
                            <th scope="col" class="num">"Vacancy rate"</th>
                            <th scope="col" class="num">"Agency (FTE)"</th>
                            <th scope="col" class="num">"Agency rate"</th>
                            <th scope="col" class="num">"Leavers, 12 months (FTE)"</th>
                            <th scope="col" class="num">"Turnover"</th>
                            <th scope="col" class="num">"Cases"</th>
                            <th scope="col" class="num">"Caseload"</th>
                            <th scope="col" class="num">"Absence"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|r| {
                            let c = r.rolled.counts;
                            let class = format!("depth-{}", r.depth.min(3));
                            view! {
                                <tr class=class>
                                    <th scope="row">{r.name.clone()}</th>
                                    <td class="num">{show_hundredths(c.in_post_fte)}</td>
                                    <td class="num">{c.headcount}</td>
                                    <td class="num">{show_hundredths(c.vacancy_fte)}</td>
                                    <td class="num">{show_rate(r.rolled.measures.vacancy)}</td>
                                    <td class="num">{show_hundredths(c.agency_fte)}</td>
                                    <td class="num">{show_rate(r.rolled.measures.agency)}</td>
                                    <td class="num">{show_hundredths(r.rolled.leavers_year)}</td>
                                    <td class="num">{show_rate(r.rolled.measures.turnover)}</td>
                                    <td class="num">{c.cases}</td>
                                    <td class="num">{show_caseload(r.rolled.measures.caseload)}</td>
                                    <td class="num">{if r.rolled.absence_hidden { "Hidden".to_string() } else { show_rate(r.rolled.measures.absence) }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
pub fn FiguresAdminPage() -> impl IntoView {
    view! {
        <Title text="Workforce figures" />
        <Guarded action=Action::ManageTeams>
            <FiguresAdmin />
        </Guarded>
    }
}

#[component]
fn FiguresAdmin() -> impl IntoView {
    let query = use_query_map();
    let choice = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("team").unwrap_or_default(),
                q.get("quarter").unwrap_or_default(),
            )
        })
    });
    let save = ServerAction::<SaveFigures>::new();
    let saved = successes(save.value());
    let data = Resource::new(
        move || (choice.get(), saved.get()),
        |((team, quarter), _)| open_figures(team, quarter),
    );
    let notice = Signal::derive(move || (saved.get() > 0).then(|| "Figures saved.".to_string()));
    view! {
        <section class="page">
            <h1>"Workforce figures"</h1>
            <p class="lede">"Each team's figures for a quarter, as returned to the Department for Education. They feed the workforce stability dashboard."</p>
            <p class="button-row">
                <a href="/insight/workforce">"See the dashboard"</a>
                <a href="/admin/imports">"Import figures or staff from a CSV file"</a>
            </p>
            <Notice message=notice />
            {loaded(data, move |editor: FiguresEditor| view! { <FiguresBody editor save /> })}
        </section>
    }
}

#[component]
fn FiguresBody(editor: FiguresEditor, save: ServerAction<SaveFigures>) -> impl IntoView {
    let errors = field_errors(save.value());
    let general = general_error(save.value());
    let chosen = !editor.team.is_empty();
    let (team_key, quarter_key) = (editor.team.clone(), editor.quarter.clone());
    let team_name = editor
        .teams
        .iter()
        .find(|(k, _)| *k == editor.team)
        .map(|(_, l)| l.clone())
        .unwrap_or_default();
    let quarter_label = editor
        .quarters
        .iter()
        .find(|(k, _)| *k == editor.quarter)
        .map(|(_, l)| l.clone())
        .unwrap_or_else(|| editor.quarter.clone());
    view! {
        <Form method="GET" action="" attr:class="filter-form" attr:aria-label="Choose a team and quarter">
            <div class="field">
                <label for="figures-team">"Team"</label>
                <select id="figures-team" name="team">
                    <option value="">"Choose a team"</option>
                    {editor.teams.iter().map(|(k, l)| view! { <option value=k.clone() selected=*k == editor.team>{l.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="figures-quarter">"Quarter"</label>
                <select id="figures-quarter" name="quarter">
                    {editor.quarters.iter().map(|(k, l)| view! { <option value=k.clone() selected=*k == editor.quarter>{l.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="filter-buttons">
                <button type="submit" class="button button-secondary">"Open"</button>
            </div>
        </Form>
        {chosen.then(|| {
            let form = editor.form.clone();
            view! {
                <section class="card" aria-labelledby="figures-heading">
                    <h2 id="figures-heading">{format!("{team_name}, {quarter_label}")}</h2>
                    <p class="hint">{if editor.existing { "Figures are stored for this quarter; saving replaces them." } else { "No figures yet for this quarter. Leave a box empty for none." }}</p>
                    <ErrorSummary message=general />
                    <ActionForm action=save attr:class="form figures-form" attr:novalidate=true>
                        <input type="hidden" name="team" value=team_key.clone() />
                        <input type="hidden" name="quarter" value=quarter_key.clone() />
                        {FORM_NAMES.iter().zip(FIELDS).map(|(name, (key, label, kind))| {
                            let hint = match kind {
                                Kind::Fte => "Full-time equivalent, up to two decimal places.",
                                Kind::Whole => "A whole number.",
                                Kind::Days => "Days, up to two decimal places.",
                            };
                            view! { <Field label=*label name=*name error_key=*key errors value=form.get(key).to_string() hint=hint kind="text" /> }
                        }).collect_view()}
                        <button type="submit" class="button">"Save figures"</button>
                    </ActionForm>
                </section>
            }
        })}
    }
}

/// The posted names of `FIELDS`, in the same order (the form's fields are a nested struct).
const FORM_NAMES: [&str; 9] = [
    "form[in_post_fte]",
    "form[headcount]",
    "form[vacancy_fte]",
    "form[agency_fte]",
    "form[starters_fte]",
    "form[leavers_fte]",
    "form[cases]",
    "form[case_holding_fte]",
    "form[days_lost]",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_names_follow_the_fields() {
        assert_eq!(FORM_NAMES.len(), FIELDS.len());
        for (name, (key, ..)) in FORM_NAMES.iter().zip(FIELDS) {
            assert_eq!(*name, format!("form[{key}]"));
        }
    }

    #[test]
    fn changes_read_as_people_say_them() {
        let vacancy = &MEASURES[0];
        assert_eq!(
            change(vacancy, Some(0.12), Some(0.151)).as_deref(),
            Some("down 3.1 points on a year before")
        );
        let caseload = &MEASURES[3];
        assert_eq!(
            change(caseload, Some(17.0), Some(16.0)).as_deref(),
            Some("up 1.0 on a year before")
        );
        assert_eq!(change(caseload, Some(16.0), None), None);
    }
}
