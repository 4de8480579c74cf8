//! Results pages: a wave's headline measures with their definitions, each question's counts
//! with a chart and a table, a breakdown by team, service, role or level with small groups
//! suppressed, trends across waves and the free-text comments; and the training impact of
//! events, per event and per framework domain.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::charts::{Bars, Distribution, TrendLines};
use crate::auth::roles::Action;
use crate::shell::Guarded;
use crate::surveys::api::{survey_impact, survey_results};
use crate::surveys::design::Kind;
use crate::surveys::measures::{
    ENPS_DEFINITION, IMPACT_DEFINITION, RECOMMENDATION_DEFINITION, show_enps, show_percent,
    show_tenths,
};
use crate::surveys::model::{
    DIMENSION_LABELS, Headlines, ImpactRow, ImpactView, QuestionResult, ResultsView,
};
use crate::ui::loaded;

#[component]
pub fn SurveyResultsPage() -> impl IntoView {
    view! {
        <Title text="Survey results" />
        <Guarded action=Action::ReadInsight>
            <Results />
        </Guarded>
    }
}

#[component]
fn Results() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let q = move |k: &'static str| query.with(|q| q.get(k).unwrap_or_default());
    let results = Resource::new(
        move || (id(), q("dimension"), q("segment"), q("by")),
        |(id, d, s, b)| survey_results(id, d, s, b),
    );
    view! {
        <section class="page">
            <p><a href="/surveys/manage">"Back to surveys"</a></p>
            {loaded(results, |r: ResultsView| view! { <ResultsBody results=r /> })}
        </section>
    }
}

#[component]
fn Measure(
    label: &'static str,
    value: String,
    detail: String,
    definition: &'static str,
) -> impl IntoView {
    view! {
        <div class="card measure">
            <h3>{label}</h3>
            <p class="stat-number">{value}</p>
            <p class="hint">{detail}</p>
            <details>
                <summary>"How it is worked out"</summary>
                <p>{definition}</p>
            </details>
        </div>
    }
}

fn headline_cards(h: Headlines) -> impl IntoView {
    view! {
        <div class="card-grid" role="group" aria-label="Headline measures">
            {h.has_impact.then(|| view! {
                <Measure label="Training impact rate" value=show_percent(h.impact) detail=format!("of {} answering agree or strongly agree", h.impact_answered) definition=IMPACT_DEFINITION />
            })}
            {h.has_recommendation.then(|| view! {
                <Measure label="Recommendation rate" value=show_percent(h.recommendation) detail=format!("of {} answering said yes", h.recommendation_answered) definition=RECOMMENDATION_DEFINITION />
            })}
            {h.has_enps.then(|| view! {
                <Measure label="eNPS" value=show_enps(h.enps) detail=format!("{} promoters, {} passives, {} detractors", h.promoters, h.passives, h.detractors) definition=ENPS_DEFINITION />
            })}
        </div>
    }
}

#[component]
fn ResultsBody(results: ResultsView) -> impl IntoView {
    let r = results;
    let heading = format!("Results: {}", r.title);
    let by_label = DIMENSION_LABELS
        .iter()
        .find(|(k, _)| *k == r.breakdown_dimension)
        .map(|(_, l)| *l)
        .unwrap_or("Team");
    let id = r.id.clone();
    let min = r.min_group;
    let filter_on = r.dimension != "all";
    let hidden_note = format!(
        "Fewer than {min} responses, or could be worked out from other groups: hidden to protect anonymity."
    );
    view! {
        <Title text=heading.clone() />
        <h1>{heading} {(r.wave > 1).then(|| format!(" (wave {})", r.wave))}</h1>
        <dl class="facts">
            <dt>"Status"</dt><dd>{r.status.label()}</dd>
            <dt>"Responses"</dt><dd>{format!("{} of {} invited", r.responses, r.invited)}</dd>
            <dt>"Response rate"</dt><dd>{show_percent(r.response_rate)}</dd>
            <dt>"Anonymity"</dt><dd>{format!("Groups with fewer than {min} responses are hidden, for every figure and comment.")}</dd>
        </dl>
        <p class="button-row">
            <a class="button button-secondary" href=format!("/export/surveys/{id}/results.csv") download="">"Download aggregated results (CSV)"</a>
            {if r.raw_export {
                view! { <a class="button button-secondary" href=format!("/export/surveys/{id}/answers.csv") download="">"Download raw answers (CSV)"</a> }.into_any()
            } else {
                view! { <span class="hint">"Raw answers cannot be downloaded: some groups are too small, so rows could identify people."</span> }.into_any()
            }}
        </p>
        <Form method="GET" action=format!("/surveys/{id}/results") attr:class="filter-form" attr:role="search">
            <div class="field">
                <label for="filter-dimension">"Show results for"</label>
                <select id="filter-dimension" name="dimension">
                    <option value="all" selected={!filter_on}>"Everyone"</option>
                    {DIMENSION_LABELS.iter().map(|(k, l)| view! { <option value=*k selected={r.dimension == *k}>{format!("One {}", l.to_lowercase())}</option> }).collect_view()}
                </select>
            </div>
            {filter_on.then(|| view! {
                <div class="field">
                    <label for="filter-segment">"Which"</label>
                    <select id="filter-segment" name="segment">
                        <option value="">"Choose"</option>
                        {r.segment_choices.iter().map(|c| view! { <option value=c.key.clone() selected={c.key == r.segment}>{c.label.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="filter-by">"Break down by"</label>
                <select id="filter-by" name="by">
                    {DIMENSION_LABELS.iter().map(|(k, l)| view! { <option value=*k selected={r.breakdown_dimension == *k}>{*l}</option> }).collect_view()}
                </select>
            </div>
            <div class="filter-buttons"><button type="submit" class="button button-secondary">"Show"</button></div>
        </Form>
        <h2>{if filter_on { format!("{}: {}", r.segment_label, if r.hidden { "hidden".to_string() } else { format!("{} responses", r.group_responses) }) } else { "Everyone who answered".to_string() }}</h2>
        {if r.hidden {
            view! { <div class="alert alert-info suppressed" role="status"><p>{hidden_note.clone()}</p></div> }.into_any()
        } else {
            view! {
                {headline_cards(r.headlines)}
                {sections(r.questions.clone())}
            }.into_any()
        }}
        <section class="card" aria-labelledby="breakdown-heading">
            <h2 id="breakdown-heading">{format!("By {}", by_label.to_lowercase())}</h2>
            <div class="table-scroll">
                <table class="table">
                    <caption class="visually-hidden">{format!("Headline measures by {}", by_label.to_lowercase())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{by_label}</th>
                            <th scope="col">"Responses"</th>
                            <th scope="col">"Training impact"</th>
                            <th scope="col">"Recommendation"</th>
                            <th scope="col">"eNPS"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {r.breakdown.into_iter().map(|b| match b.figures {
                            Some((n, h)) => view! {
                                <tr>
                                    <th scope="row">{b.label}</th>
                                    <td>{n}</td>
                                    <td>{show_percent(h.impact)}</td>
                                    <td>{show_percent(h.recommendation)}</td>
                                    <td>{show_enps(h.enps)}</td>
                                </tr>
                            }.into_any(),
                            None => view! {
                                <tr class="row-muted suppressed">
                                    <th scope="row">{b.label}</th>
                                    <td colspan="4">{format!("Hidden: fewer than {min} responses, or could be worked out from other groups")}</td>
                                </tr>
                            }.into_any(),
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        {(r.trend.len() > 1).then(|| {
            let points: Vec<(String, Option<i64>, Option<i64>)> = r.trend.iter().map(|w| (format!("Wave {}", w.wave), w.figures.as_ref().and_then(|f| f.2.impact), w.figures.as_ref().and_then(|f| f.2.recommendation))).collect();
            view! {
                <section class="card" aria-labelledby="trend-heading">
                    <h2 id="trend-heading">"Across waves"</h2>
                    <TrendLines title="Training impact and recommendation rates by wave".to_string() points />
                    <div class="table-scroll">
                        <table class="table">
                            <caption class="visually-hidden">"Headline measures by wave"</caption>
                            <thead><tr><th scope="col">"Wave"</th><th scope="col">"Opened"</th><th scope="col">"Responses"</th><th scope="col">"Response rate"</th><th scope="col">"Training impact"</th><th scope="col">"Recommendation"</th><th scope="col">"eNPS"</th></tr></thead>
                            <tbody>
                                {r.trend.into_iter().map(|w| {
                                    let label = format!("Wave {}", w.wave);
                                    match w.figures {
                                        Some((n, rate, h)) => view! {
                                            <tr><th scope="row"><a href=format!("/surveys/{}/results", w.id)>{label}</a></th><td>{w.opened}</td><td>{n}</td><td>{show_percent(rate)}</td><td>{show_percent(h.impact)}</td><td>{show_percent(h.recommendation)}</td><td>{show_enps(h.enps)}</td></tr>
                                        }.into_any(),
                                        None => view! {
                                            <tr class="row-muted"><th scope="row">{label}</th><td>{w.opened}</td><td colspan="5">"Too few responses to show"</td></tr>
                                        }.into_any(),
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })}
    }
}

fn sections(questions: Vec<QuestionResult>) -> impl IntoView {
    let mut groups: Vec<(String, Vec<QuestionResult>)> = Vec::new();
    for q in questions {
        match groups.iter_mut().find(|(s, _)| *s == q.section) {
            Some((_, qs)) => qs.push(q),
            None => groups.push((q.section.clone(), vec![q])),
        }
    }
    groups
        .into_iter()
        .map(|(section, qs)| {
            view! {
                <section class="card" aria-label=section.clone()>
                    <h2>{section.clone()}</h2>
                    {qs.into_iter().map(|q| view! { <QuestionBlock q /> }).collect_view()}
                </section>
            }
        })
        .collect_view()
}

#[component]
fn QuestionBlock(q: QuestionResult) -> impl IntoView {
    let chart_id = format!("chart-{}", q.key);
    let title = q.text.clone();
    let answered = format!("{} answered", q.answered);
    let chart = match q.kind {
        Kind::Nps => Some(
            view! { <Distribution id=chart_id title=title.clone() options=q.options.clone() /> }
                .into_any(),
        ),
        Kind::Text | Kind::Number => None,
        _ => Some(
            view! { <Bars id=chart_id title=title.clone() options=q.options.clone() /> }.into_any(),
        ),
    };
    let table = (!q.options.is_empty()).then(|| {
        let caption = format!("Answers to: {}", q.text);
        view! {
            <details class="chart-table">
                <summary>"The numbers as a table"</summary>
                <table class="table">
                    <caption class="visually-hidden">{caption}</caption>
                    <thead><tr><th scope="col">"Answer"</th><th scope="col">"Count"</th><th scope="col">"Percent"</th></tr></thead>
                    <tbody>
                        {q.options.iter().map(|o| view! { <tr><th scope="row">{o.label.clone()}</th><td>{o.n}</td><td>{show_percent(o.percent)}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </details>
        }
    });
    view! {
        <article class="question-result">
            <h3>{q.text.clone()} {q.headline.map(|h| view! { " " <span class="tag tag-ok">{h.label()}</span> })}</h3>
            <p class="hint">{answered}</p>
            {chart}
            {table}
            {q.number.map(|s| view! {
                <dl class="facts">
                    <dt>"Average"</dt><dd>{show_tenths(s.mean)}</dd>
                    <dt>"Median"</dt><dd>{show_tenths(s.median)}</dd>
                    <dt>"Range"</dt><dd>{format!("{} to {}", s.lowest, s.highest)}</dd>
                </dl>
            })}
            {(q.kind == Kind::Text).then(|| {
                if q.comments.is_empty() {
                    view! { <p class="empty">"No comments."</p> }.into_any()
                } else {
                    view! {
                        <ul class="comments">
                            {q.comments.into_iter().map(|c| view! { <li class="pre-wrap">{c}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
        </article>
    }
}

#[component]
pub fn SurveyImpactPage() -> impl IntoView {
    view! {
        <Title text="Training impact" />
        <Guarded action=Action::ReadInsight>
            <Impact />
        </Guarded>
    }
}

#[component]
fn Impact() -> impl IntoView {
    let impact = Resource::new(|| (), |_| survey_impact());
    view! {
        <section class="page">
            <p><a href="/surveys">"Back to surveys"</a></p>
            <h1>"Training impact"</h1>
            <p class="lede">"Which learning changes practice: the end-of-session evaluation (will attendees use it?) beside the follow-up asked weeks later (has it made a difference?), per event and per framework domain."</p>
            {loaded(impact, |v: ImpactView| view! { <ImpactBody view=v /> })}
        </section>
    }
}

fn impact_table(
    caption: &'static str,
    first: &'static str,
    rows: Vec<ImpactRow>,
    min: u32,
) -> impl IntoView {
    let figure = move |f: Option<(u64, Option<i64>)>, n: u64| match f {
        Some((n, rate)) => format!("{} ({} responses)", show_percent(rate), n),
        None if n == 0 => "No responses yet".to_string(),
        None => format!("Hidden: fewer than {min} responses"),
    };
    view! {
        <div class="table-scroll">
            <table class="table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        <th scope="col">"Attended"</th>
                        <th scope="col">"Will use it (evaluation)"</th>
                        <th scope="col">"Made a difference (follow-up)"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let reaction = figure(r.reaction, r.reaction_responses);
                        let impact = figure(r.impact, r.impact_responses);
                        let follow = r.follow_up.clone();
                        view! {
                            <tr>
                                <th scope="row">{match r.href { Some(h) => view! { <a href=h>{r.label.clone()}</a> }.into_any(), None => view! { <span>{r.label.clone()}</span> }.into_any() }}</th>
                                <td>{r.attended}</td>
                                <td>{reaction}</td>
                                <td>{impact} {(!follow.is_empty()).then(|| view! { <span class="cell-sub">{follow}</span> })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ImpactBody(view: ImpactView) -> impl IntoView {
    let min = view.min_group;
    let empty = view.events.is_empty();
    view! {
        <p class="hint">{format!("Follow-ups open {} days after each event. Figures for fewer than {min} responses are hidden.", view.follow_up_days)}</p>
        {if empty {
            view! { <p class="empty">"No evaluations yet: they start when attendance is marked on an event."</p> }.into_any()
        } else {
            view! {
                <section class="card" aria-labelledby="by-event">
                    <h2 id="by-event">"By event"</h2>
                    {impact_table("Evaluation and follow-up results by event", "Event", view.events, min)}
                </section>
                <section class="card" aria-labelledby="by-domain">
                    <h2 id="by-domain">"By framework domain"</h2>
                    <p class="hint">"An event counts in each domain its criteria belong to."</p>
                    {impact_table("Evaluation and follow-up results by framework domain", "Domain", view.domains, min)}
                </section>
            }.into_any()
        }}
    }
}
