//! The leader's dashboard (`/insight`): the five monitoring areas, then the progression
//! pipeline, for the council, a service or a team.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;

use super::api::leader_dashboard;
use super::filters::{ScopeSelects, filter_from_query};
use super::model::{Area, LeaderView};
use crate::auth::roles::Action;
use crate::charts::{LineChart, Scale, Series};
use crate::shell::Guarded;
use crate::surveys::measures::show_percent;
use crate::surveys::model::OptionCount;
use crate::surveys::views::charts::Bars;
use crate::ui::loaded;

#[component]
pub fn InsightPage() -> impl IntoView {
    view! {
        <Title text="Insight" />
        <Guarded action=Action::ReadInsight>
            <Insight />
        </Guarded>
    }
}

#[component]
fn Insight() -> impl IntoView {
    let filter = filter_from_query();
    let data = Resource::new(move || filter.get(), leader_dashboard);
    view! {
        <section class="page">
            <h1>"Insight"</h1>
            {loaded(data, |view: LeaderView| view! { <Body view /> })}
        </section>
    }
}

#[component]
fn Body(view: LeaderView) -> impl IntoView {
    let filter = view.filter.clone();
    let q = filter.query();
    let suffix = if q.is_empty() {
        String::new()
    } else {
        format!("?{q}")
    };
    let workforce_link = format!("/insight/workforce{suffix}");
    let survey_link = view
        .survey
        .as_ref()
        .map(|(key, title)| (format!("/surveys/{key}/results"), title.clone()));
    let a = view.asye;
    view! {
        <InsightTabs current="overview" query=q.clone() />
        <p class="lede">{format!("{}: {} staff in Pathway. Figures for {}.", view.scope, view.people, if view.period_label.is_empty() { "now".to_string() } else { view.period_label.clone() })}</p>
        {(!view.figures_as_of.is_empty()).then(|| view! {
            <p class="hint" data-testid="figures-as-of">{format!("Worked out at {}. The dashboard is kept for a short while, so records added since may take a minute or so to show.", view.figures_as_of)}</p>
        })}
        <Form method="GET" action="" attr:class="filter-form" attr:aria-label="Choose the figures to show">
            <ScopeSelects id="in" filter=filter.clone() periods=view.periods.clone() services=view.services.clone() teams=view.teams.clone() />
            <div class="filter-buttons">
                <button type="submit" class="button button-secondary">"Show"</button>
            </div>
        </Form>
        <p class="button-row">
            <a class="button button-secondary" href=format!("/export/insight.csv{suffix}") download="">"Download every figure (CSV)"</a>
            <a href=workforce_link>"Workforce stability in detail"</a>
            {survey_link.map(|(href, title)| view! { <a href=href>{format!("Results of the {title}")}</a> })}
        </p>
        {view.survey_hidden.then(|| view! {
            <p class="alert alert-info" role="note">{format!("Survey figures are hidden for this group: fewer than {} people in it answered, and smaller groups could be identified.", view.min_group)}</p>
        })}
        <h2>"The five areas we monitor"</h2>
        <div class="area-list">
            {view.areas.into_iter().map(|area| view! { <AreaCard area /> }).collect_view()}
        </div>
        <h2 id="pipeline-heading">"Progression pipeline"</h2>
        <div class="card-grid pipeline-grid">
            <BarsCard id="levels" title="People by career level" bars=view.levels />
            <BarsCard id="readiness" title="Readiness for the next step" bars=view.readiness />
            <BarsCard id="time-in-level" title="Time in current level" bars=view.time_in_level />
        </div>
        <div class="card-grid">
            <section class="card" aria-labelledby="decisions-heading">
                <h3 id="decisions-heading">{format!("Progression decisions in the last 12 months (since {})", view.decisions_since)}</h3>
                {if view.decisions.is_empty() {
                    view! { <p>"None in the last 12 months."</p> }.into_any()
                } else {
                    view! {
                        <table class="table" data-testid="decisions">
                            <thead><tr><th scope="col">"Step"</th><th scope="col" class="num">"Approved"</th><th scope="col" class="num">"Deferred"</th></tr></thead>
                            <tbody>{view.decisions.iter().map(|d| view! { <tr><th scope="row">{d.step.clone()}</th><td class="num">{d.approved}</td><td class="num">{d.deferred}</td></tr> }).collect_view()}</tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            <section class="card" aria-labelledby="asye-heading">
                <h3 id="asye-heading">"ASYE cohort"</h3>
                <table class="table" data-testid="asye-summary">
                    <tbody>
                        <tr><th scope="row">"In their ASYE"</th><td class="num">{a.active}</td></tr>
                        <tr><th scope="row">"On track"</th><td class="num">{a.on_track}</td></tr>
                        <tr><th scope="row">"Something overdue"</th><td class="num">{a.overdue}</td></tr>
                        <tr><th scope="row">"Extended (paused)"</th><td class="num">{a.extended}</td></tr>
                        <tr><th scope="row">"Passed"</th><td class="num">{a.passed}</td></tr>
                        <tr><th scope="row">"Not passed"</th><td class="num">{a.not_passed}</td></tr>
                    </tbody>
                </table>
            </section>
        </div>
    }
}

#[component]
fn AreaCard(area: Area) -> impl IntoView {
    let heading = format!("area-{}", area.key);
    let labelled = heading.clone();
    let chart_id = format!("chart-{}", area.key);
    view! {
        <section class="card area" aria-labelledby=labelled data-testid=format!("area-{}", area.key)>
            <h3 id=heading>{area.title.clone()}</h3>
            <dl class="figures">
                {area.figures.iter().map(|f| view! {
                    <div class="figure">
                        <dt>{f.label.clone()}</dt>
                        <dd><span class="figure-value">{f.value.clone()}</span>{f.note.clone().map(|n| view! { <span class="hint">{n}</span> })}</dd>
                    </div>
                }).collect_view()}
            </dl>
            {area.trend.map(|t| {
                let scale = if t.percent { Scale::Percent } else { Scale::Number };
                let series: Vec<Series> = t.series.iter().map(|(name, values)| Series { name: name.clone(), values: values.clone() }).collect();
                let show = move |v: &Option<f64>| v.map(|v| scale.show(v)).unwrap_or_else(|| "–".into());
                view! {
                    <LineChart id=chart_id title=t.title.clone() labels=t.labels.clone() series scale />
                    <details class="chart-table">
                        <summary>"The figures as a table"</summary>
                        <div class="table-scroll" tabindex="0" role="region" aria-label=t.title.clone()>
                            <table class="table table-compact">
                                <thead><tr><th scope="col">"Period"</th>{t.series.iter().map(|(n, _)| view! { <th scope="col" class="num">{n.clone()}</th> }).collect_view()}</tr></thead>
                                <tbody>
                                    {t.labels.iter().enumerate().map(|(i, l)| view! {
                                        <tr><th scope="row">{l.clone()}</th>{t.series.iter().map(|(_, v)| view! { <td class="num">{show(&v.get(i).copied().flatten())}</td> }).collect_view()}</tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </details>
                }
            })}
        </section>
    }
}

#[component]
fn BarsCard(id: &'static str, title: &'static str, bars: Vec<OptionCount>) -> impl IntoView {
    let heading = format!("{id}-heading");
    let labelled = heading.clone();
    view! {
        <section class="card" aria-labelledby=labelled data-testid=id>
            <h3 id=heading>{title}</h3>
            <Bars id=format!("bars-{id}") title=title.to_string() options=bars.clone() />
            <details class="chart-table">
                <summary>"The figures as a table"</summary>
                <table class="table table-compact">
                    <thead><tr><th scope="col">"Group"</th><th scope="col" class="num">"People"</th><th scope="col" class="num">"Share"</th></tr></thead>
                    <tbody>{bars.iter().map(|b| view! { <tr><th scope="row">{b.label.clone()}</th><td class="num">{b.n}</td><td class="num">{show_percent(b.percent)}</td></tr> }).collect_view()}</tbody>
                </table>
            </details>
        </section>
    }
}

/// Links between the insight pages, so each is one step from the others.
#[component]
pub fn InsightTabs(current: &'static str, query: String) -> impl IntoView {
    let suffix = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    let tabs = [
        ("overview", "Overview", "/insight"),
        ("learning", "Learning and development", "/insight/learning"),
        ("workforce", "Workforce stability", "/insight/workforce"),
    ];
    view! {
        <nav class="tabs" aria-label="Insight pages">
            <ul>
                {tabs.into_iter().map(|(key, label, href)| {
                    let here = key == current;
                    view! { <li><a href=format!("{href}{suffix}") aria-current=here.then_some("page")>{label}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}

#[component]
pub fn LearningInsightPage() -> impl IntoView {
    view! {
        <Title text="Learning and development" />
        <Guarded action=Action::ReadInsight>
            <LearningInsight />
        </Guarded>
    }
}

#[component]
fn LearningInsight() -> impl IntoView {
    let filter = filter_from_query();
    let data = Resource::new(move || filter.get(), super::api::learning_dashboard);
    view! {
        <section class="page">
            <h1>"Learning and development"</h1>
            {loaded(data, |view: super::model::LearningView| view! { <LearningBody view /> })}
        </section>
    }
}

#[component]
fn LearningBody(view: super::model::LearningView) -> impl IntoView {
    use super::model::UsefulRow;
    let filter = view.filter.clone();
    let q = filter.query();
    let suffix = if q.is_empty() {
        String::new()
    } else {
        format!("?{q}")
    };
    let [complete, on_track, at_risk] = view.cpd;
    let cpd_bars = super::pipeline::bars(&["Complete", "On track", "At risk"], &view.cpd);
    let waves = view.waves.clone();
    let shown: Vec<&super::model::WaveRow> = waves.iter().filter(|w| !w.hidden).collect();
    let trend = (shown.len() > 1).then(|| {
        let labels: Vec<String> = waves.iter().map(|w| format!("Wave {}", w.wave)).collect();
        let pick = |f: fn(&super::model::WaveRow) -> Option<i64>| waves.iter().map(|w| f(w).map(|t| t as f64 / 1000.0)).collect::<Vec<_>>();
        let series = vec![
            Series { name: "Training impact".into(), values: pick(|w| w.impact) },
            Series { name: "Recommendation".into(), values: pick(|w| w.recommendation) },
        ];
        view! { <LineChart id="ld-waves".to_string() title="Training impact and recommendation rates by wave".to_string() labels series scale=Scale::Percent /> }
    });
    let attendance_rate = {
        let marked = view.attended + view.no_shows;
        if marked == 0 {
            "–".to_string()
        } else {
            format!("{:.0}%", view.attended as f64 * 100.0 / marked as f64)
        }
    };
    let useful_table = |caption: &'static str, rows: Vec<UsefulRow>, test: &'static str| {
        view! {
            <section class="card" aria-label=caption>
                <h3>{caption}</h3>
                {if rows.is_empty() {
                    view! { <p>"Not enough answers yet: a resource needs 3 to be ranked."</p> }.into_any()
                } else {
                    view! {
                        <table class="table table-compact" data-testid=test>
                            <thead><tr><th scope="col">"Resource"</th><th scope="col" class="num">"Useful"</th><th scope="col" class="num">"Not useful"</th></tr></thead>
                            <tbody>{rows.into_iter().map(|r| view! { <tr><th scope="row"><a href=format!("/library/{}", r.id)>{r.title}</a></th><td class="num">{r.yes}</td><td class="num">{r.no}</td></tr> }).collect_view()}</tbody>
                        </table>
                    }.into_any()
                }}
            </section>
        }
    };
    view! {
        <InsightTabs current="learning" query=q.clone() />
        <p class="lede">
            {format!("{}, {}. Survey figures keep the survey's minimum of {} people in a group; resources and learning paths are as they stand today.",
                view.scope,
                if view.period_label.is_empty() { "the last 12 months".to_string() } else { view.period_label.clone() },
                view.min_group)}
        </p>
        <Form method="GET" action="" attr:class="filter-form" attr:aria-label="Choose the group to show">
            <ScopeSelects id="ld" filter=filter.clone() periods=view.periods.clone() period_label="Period" any_period="The last 12 months and what is to come" services=view.services.clone() teams=view.teams.clone() />
            <div class="filter-buttons">
                <button type="submit" class="button button-secondary">"Show"</button>
            </div>
        </Form>
        <p class="button-row">
            <a class="button button-secondary" href=format!("/export/insight-learning.csv{suffix}") download="">"Download every table (CSV)"</a>
        </p>

        <section class="card" aria-labelledby="waves-heading">
            <h2 id="waves-heading">{view.survey_title.clone().unwrap_or_else(|| "Staff survey".into())}</h2>
            {trend}
            {if waves.is_empty() {
                view! { <p>"No staff survey has opened yet."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Survey waves">
                        <table class="table table-compact" data-testid="survey-waves">
                            <thead><tr><th scope="col">"Wave"</th><th scope="col">"Opened"</th><th scope="col" class="num">"Responses"</th><th scope="col" class="num">"Training impact"</th><th scope="col" class="num">"Recommendation"</th><th scope="col" class="num">"eNPS"</th></tr></thead>
                            <tbody>
                                {waves.iter().map(|w| {
                                    let cells = if w.hidden {
                                        view! { <td class="num" colspan="4">{format!("Hidden: fewer than {} answered in this group", view.min_group)}</td> }.into_any()
                                    } else {
                                        view! {
                                            <td class="num">{w.responses}</td>
                                            <td class="num">{show_percent(w.impact)}</td>
                                            <td class="num">{show_percent(w.recommendation)}</td>
                                            <td class="num">{crate::surveys::measures::show_enps(w.enps)}</td>
                                        }.into_any()
                                    };
                                    view! { <tr><th scope="row"><a href=format!("/surveys/{}/results", w.key)>{format!("Wave {}", w.wave)}</a></th><td>{crate::dates::uk_date(&w.opened)}</td>{cells}</tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>

        <section class="card" aria-labelledby="events-heading">
            <h2 id="events-heading">"Events"</h2>
            <dl class="figures">
                <div class="figure"><dt>"Attendance"</dt><dd><span class="figure-value">{attendance_rate}</span><span class="hint">{format!("{} attended, {} did not come, of the places marked", view.attended, view.no_shows)}</span></dd></div>
                <div class="figure"><dt>"Waiting for a place"</dt><dd><span class="figure-value">{view.waiting_now}</span><span class="hint">"on waitlists for events to come"</span></dd></div>
            </dl>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Events">
                <table class="table table-compact" data-testid="event-attendance">
                    <thead><tr><th scope="col">"Event"</th><th scope="col">"Starts"</th><th scope="col" class="num">"Places"</th><th scope="col" class="num">"Booked"</th><th scope="col" class="num">"Attended"</th><th scope="col" class="num">"No-shows"</th><th scope="col" class="num">"Waitlist"</th></tr></thead>
                    <tbody>
                        {view.events.iter().map(|e| view! {
                            <tr>
                                <th scope="row"><a href=format!("/events/{}", e.id)>{e.title.clone()}</a></th>
                                <td>{crate::dates::uk_datetime(&e.starts)}</td>
                                <td class="num">{e.capacity}</td>
                                <td class="num">{e.booked}</td>
                                <td class="num">{if e.past { e.attended.to_string() } else { "–".into() }}</td>
                                <td class="num">{if e.past { e.no_show.to_string() } else { "–".into() }}</td>
                                <td class="num">{e.waitlisted}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>

        <div class="card-grid pipeline-grid">
            {useful_table("Most useful resources", view.most_useful.clone(), "most-useful")}
            {useful_table("Least useful resources", view.least_useful.clone(), "least-useful")}
        </div>

        <div class="card-grid pipeline-grid">
            <section class="card" aria-labelledby="cpd-heading">
                <h2 id="cpd-heading">{format!("CPD, registration year {}", view.cpd_year)}</h2>
                <p>{format!("Of {} registered staff: {complete} complete, {on_track} on track, {at_risk} at risk.", view.registered)}</p>
                <Bars id="bars-cpd".to_string() title="CPD this registration year".to_string() options=cpd_bars />
            </section>
            <section class="card" aria-labelledby="paths-heading">
                <h2 id="paths-heading">"Learning paths"</h2>
                <table class="table table-compact" data-testid="path-progress">
                    <thead><tr><th scope="col">"Path"</th><th scope="col" class="num">"For"</th><th scope="col" class="num">"Steps"</th><th scope="col" class="num">"Steps done"</th><th scope="col" class="num">"Finished"</th></tr></thead>
                    <tbody>
                        {view.paths.iter().map(|p| view! {
                            <tr>
                                <th scope="row">{p.title.clone()}</th>
                                <td class="num">{p.audience}</td>
                                <td class="num">{p.steps}</td>
                                <td class="num">{p.done_share.map(|s| format!("{:.0}%", s * 100.0)).unwrap_or_else(|| "–".into())}</td>
                                <td class="num">{p.completed}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        </div>
    }
}
