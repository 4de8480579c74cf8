//! ASYE pages: the NQSW's year as a timeline with what they and their assessor record, and
//! the cohort list for coordinators and supervisors.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{
    LogProtectedTime, RecordAdjustment, RecordModeration, RecordObservation, RecordRecommendation,
    RecordReview, RecordSelfAssessment, StartProgramme, asye_cohort, asye_of, my_asye,
};
use super::model::*;
use crate::auth::roles::Action;
use crate::dates::uk_date;
use crate::error::FieldErrors;
use crate::people::model::Choice;
use crate::shell::Guarded;
use crate::ui::{
    ErrorSummary, Field, Notice, SelectField, TextArea, choices, count_successes, field_errors,
    general_error, loaded,
};

fn done_message(key: Option<String>) -> Option<String> {
    Some(
        match key.as_deref()? {
            "review" => "Review recorded.",
            "observation" => "Observation recorded.",
            "self_assessment" => "Self-assessment recorded.",
            "time" => "Protected time logged.",
            "adjustment" => "Pause or extension recorded.",
            "recommendation" => "Final recommendation recorded.",
            "moderation" => "Moderation outcome recorded.",
            _ => return None,
        }
        .to_string(),
    )
}

/// Every ASYE action, sharing one success counter that reloads the programme.
#[derive(Clone, Copy)]
struct Actions {
    review: ServerAction<RecordReview>,
    observation: ServerAction<RecordObservation>,
    self_assessment: ServerAction<RecordSelfAssessment>,
    time: ServerAction<LogProtectedTime>,
    adjustment: ServerAction<RecordAdjustment>,
    recommendation: ServerAction<RecordRecommendation>,
    moderation: ServerAction<RecordModeration>,
    changes: RwSignal<u32>,
    last: RwSignal<Option<&'static str>>,
}

impl Actions {
    fn new() -> Self {
        let changes = RwSignal::new(0u32);
        let last = RwSignal::new(None);
        let actions = Actions {
            review: ServerAction::new(),
            observation: ServerAction::new(),
            self_assessment: ServerAction::new(),
            time: ServerAction::new(),
            adjustment: ServerAction::new(),
            recommendation: ServerAction::new(),
            moderation: ServerAction::new(),
            changes,
            last,
        };
        macro_rules! track {
            ($action:expr, $key:literal) => {
                count_successes($action.value(), changes);
                Effect::new(move |_| {
                    if matches!($action.value().get(), Some(Ok(()))) {
                        last.set(Some($key));
                    }
                });
            };
        }
        track!(actions.review, "review");
        track!(actions.observation, "observation");
        track!(actions.self_assessment, "self_assessment");
        track!(actions.time, "time");
        track!(actions.adjustment, "adjustment");
        track!(actions.recommendation, "recommendation");
        track!(actions.moderation, "moderation");
        actions
    }
}

#[component]
pub fn MyAsyePage() -> impl IntoView {
    view! {
        <Title text="My ASYE" />
        <Guarded action=Action::UseOwnAccount>
            <MyAsye />
        </Guarded>
    }
}

#[component]
fn MyAsye() -> impl IntoView {
    let actions = Actions::new();
    let data = Resource::new(move || actions.changes.get(), |_| my_asye());
    view! {
        <section class="page">
            {loaded(data, move |view: Option<AsyeView>| match view {
                Some(view) => view! { <Programme view actions /> }.into_any(),
                None => {
                    view! {
                        <h1>"My ASYE"</h1>
                        <p class="empty">
                            "You do not have an ASYE programme. If you are newly qualified, your ASYE coordinator sets it up with your start date and assessor."
                        </p>
                    }
                        .into_any()
                }
            })}
        </section>
    }
}

#[component]
pub fn AsyePersonPage() -> impl IntoView {
    view! {
        <Title text="ASYE programme" />
        <Guarded action=Action::UseOwnAccount>
            <AsyePerson />
        </Guarded>
    }
}

#[component]
fn AsyePerson() -> impl IntoView {
    let params = use_params_map();
    let actions = Actions::new();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(move || (id(), actions.changes.get()), |(id, _)| asye_of(id));
    view! {
        <section class="page">
            <p>
                <a href="/asye/cohort">"Back to the ASYE cohort"</a>
            </p>
            {loaded(data, move |view: AsyeView| view! { <Programme view actions /> })}
        </section>
    }
}

#[component]
fn Programme(view: AsyeView, actions: Actions) -> impl IntoView {
    let query = use_query_map();
    let done = Signal::derive(move || {
        actions
            .last
            .get()
            .map(str::to_string)
            .or_else(|| query.with(|q| q.get("done")))
            .and_then(|k| done_message(Some(k)))
    });
    let heading = if view.powers.own {
        "My ASYE".to_string()
    } else {
        format!("ASYE: {}", view.person_name)
    };
    let p = view.powers;
    let person = view.person_id.clone();
    let active = view.status == "active";
    let status = match view.status.as_str() {
        "passed" => "Passed",
        "failed" => "Not passed",
        _ => "In progress",
    };
    view! {
        <h1>{heading}</h1>
        <Notice message=done />
        <dl class="facts">
            <div><dt>"Status"</dt><dd data-testid="asye-status">{status}</dd></div>
            <div><dt>"Team"</dt><dd>{view.team_name.clone()}</dd></div>
            <div><dt>"Started"</dt><dd>{uk_date(&view.start)}</dd></div>
            <div><dt>"Expected to finish"</dt><dd>{uk_date(&view.end)}</dd></div>
            <div><dt>"Must finish by"</dt><dd>{uk_date(&view.cap)}</dd></div>
            <div><dt>"Assessor"</dt><dd>{view.assessor.clone()}</dd></div>
            <div><dt>"Coordinator"</dt><dd>{view.coordinator.clone()}</dd></div>
        </dl>
        {view.next_due.clone().map(|next| {
            view! {
                <div class="alert alert-info" role="note" data-testid="asye-next">
                    <p>
                        <strong>"Next: " {next.label.clone()}</strong>
                        " — " {state_label(next.state)} ", due " {uk_date(&next.due)} ". " {next.who.clone()} "."
                    </p>
                </div>
            }
        })}
        <Timeline entries=view.timeline.clone() own=p.own />
        <Reviews view=view.clone() person=person.clone() action=actions.review show_form=p.assess && active />
        <Observations view=view.clone() person=person.clone() action=actions.observation show_form=(p.own || p.assess) && active />
        <SelfAssessments view=view.clone() person=person.clone() action=actions.self_assessment show_form=p.own && active />
        <ProtectedTimeSection view=view.clone() person=person.clone() action=actions.time show_form=p.own && active />
        <Adjustments view=view.clone() person=person.clone() action=actions.adjustment show_form=(p.assess || p.coordinate) && active />
        <FinalDecision view=view.clone() person=person.clone() recommend=actions.recommendation moderate=actions.moderation />
    }
}

#[component]
fn Timeline(entries: Vec<TimelineEntry>, own: bool) -> impl IntoView {
    view! {
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{if own { "My year at a glance" } else { "The year at a glance" }}</h2>
            <ol class="timeline" data-testid="timeline">
                {entries
                    .into_iter()
                    .map(|e| {
                        view! {
                            <li class="timeline-item">
                                <span class="timeline-date">{uk_date(&e.due)}</span>
                                <span class="timeline-label">{e.label.clone()}</span>
                                <span class=state_class(e.state)>{state_label(e.state)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// The hidden field naming whose programme a form is about.
fn person_field(person: String) -> impl IntoView {
    view! { <input type="hidden" name="person_id" value=person /> }
}

fn errors_of<T>(action: ServerAction<T>) -> (Signal<FieldErrors>, Signal<Option<String>>)
where
    T: leptos::server_fn::ServerFn<Output = (), Error = crate::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    (field_errors(action.value()), general_error(action.value()))
}

#[component]
fn Reviews(
    view: AsyeView,
    person: String,
    action: ServerAction<RecordReview>,
    show_form: bool,
) -> impl IntoView {
    let (errors, general) = errors_of(action);
    let open = view.open_reviews.clone();
    view! {
        <section class="card" aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">"Reviews"</h2>
            {if view.reviews.is_empty() {
                view! { <p class="empty">"No reviews recorded yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="record-list">
                        {view.reviews.iter().map(|r| view! {
                            <li class="record">
                                <h3 class="record-title">{format!("{}-month review", r.month)}</h3>
                                <p class="record-meta">{uk_date(&r.held_on)} " · " {r.outcome.clone()} " · recorded by " {r.recorded_by.clone()}</p>
                                <p class="pre-wrap">{r.notes.clone()}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(show_form && !open.is_empty()).then(move || view! {
                <h3>"Record a review"</h3>
                <ErrorSummary message=general />
                <ActionForm action attr:class="form" attr:novalidate=true>
                    {person_field(person.clone())}
                    <SelectField label="Review" name="form[month]" error_key="month" errors
                        options=open.iter().map(|(m, l)| Choice { id: m.to_string(), label: l.clone() }).collect()
                        selected=None id="review-month" />
                    <Field label="Held on" name="form[held_on]" error_key="held_on" kind="date" errors required=true id="review-held-on" />
                    <SelectField label="Outcome" name="form[outcome]" error_key="outcome" errors options=choices(REVIEW_OUTCOMES) selected=None empty="Choose an outcome" id="review-outcome" />
                    <TextArea label="Summary" name="form[notes]" error_key="notes" errors rows=5 id="review-notes" />
                    <button type="submit" class="button">"Record review"</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn Observations(
    view: AsyeView,
    person: String,
    action: ServerAction<RecordObservation>,
    show_form: bool,
) -> impl IntoView {
    let (errors, general) = errors_of(action);
    let count = view.observations.len();
    view! {
        <section class="card" aria-labelledby="observations-heading">
            <h2 id="observations-heading">"Direct observations"</h2>
            <p data-testid="observation-count">{count} " of at least " {view.observations_required} " recorded"</p>
            <ul class="record-list">
                {view.observations.iter().map(|o| view! {
                    <li class="record">
                        <h3 class="record-title">{uk_date(&o.observed_on)} ": observed by " {o.observer.clone()}</h3>
                        {(!o.setting.is_empty()).then(|| view! { <p class="record-meta">{o.setting.clone()}</p> })}
                        <p class="pre-wrap">{o.reflection.clone()}</p>
                    </li>
                }).collect_view()}
            </ul>
            {show_form.then(move || view! {
                <h3>"Record an observation"</h3>
                <ErrorSummary message=general />
                <ActionForm action attr:class="form" attr:novalidate=true>
                    {person_field(person.clone())}
                    <Field label="Date observed" name="form[observed_on]" error_key="observed_on" kind="date" errors required=true id="observation-date" />
                    <Field label="Observer (name and role)" name="form[observer]" error_key="observer" errors required=true id="observation-observer" />
                    <Field label="Setting (optional)" name="form[setting]" error_key="setting" errors hint="For example, a home visit or a child protection conference." id="observation-setting" />
                    <TextArea label="Reflection" name="form[reflection]" error_key="reflection" errors rows=5 hint="What went well, what you would do differently, and the feedback you were given." id="observation-reflection" />
                    <button type="submit" class="button">"Record observation"</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn SelfAssessments(
    view: AsyeView,
    person: String,
    action: ServerAction<RecordSelfAssessment>,
    show_form: bool,
) -> impl IntoView {
    let (errors, general) = errors_of(action);
    let open = view.open_stages.clone();
    view! {
        <section class="card" aria-labelledby="self-heading">
            <h2 id="self-heading">"PQS self-assessments"</h2>
            {if view.self_assessments.is_empty() {
                view! { <p class="empty">"No self-assessments recorded yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="record-list">
                        {view.self_assessments.iter().map(|s| view! {
                            <li class="record">
                                <h3 class="record-title">{s.stage.clone()} " self-assessment"</h3>
                                <p class="record-meta">{uk_date(&s.completed_on)}</p>
                                <p class="pre-wrap">{s.summary.clone()}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(show_form && !open.is_empty()).then(move || view! {
                <h3>"Record a self-assessment"</h3>
                <ErrorSummary message=general />
                <ActionForm action attr:class="form" attr:novalidate=true>
                    {person_field(person.clone())}
                    <SelectField label="Stage" name="form[stage]" error_key="stage" errors
                        options=open.iter().map(|(k, l)| Choice { id: k.clone(), label: l.clone() }).collect()
                        selected=None id="self-stage" />
                    <Field label="Completed on" name="form[completed_on]" error_key="completed_on" kind="date" errors required=true id="self-date" />
                    <TextArea label="Summary against the PQS" name="form[summary]" error_key="summary" errors rows=5 id="self-summary" />
                    <button type="submit" class="button">"Record self-assessment"</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn ProtectedTimeSection(
    view: AsyeView,
    person: String,
    action: ServerAction<LogProtectedTime>,
    show_form: bool,
) -> impl IntoView {
    let (errors, general) = errors_of(action);
    let t = view.time;
    let percent = t.percent_of_target.clamp(0.0, 100.0);
    view! {
        <section class="card" aria-labelledby="time-heading">
            <h2 id="time-heading">"Protected development time"</h2>
            <p data-testid="protected-time">
                {format!("{:.1} hours logged of a {:.1}-hour target so far ({:.0}%).", t.logged_hours, t.target_hours, t.percent_of_target)}
                " The target is 10% of " {format!("{:.1}", view.contracted_hours)} " contracted hours a week."
            </p>
            <div class="meter" aria-hidden="true">
                <div class="meter-fill" style=format!("width: {percent:.0}%")></div>
            </div>
            {(!view.time_entries.is_empty()).then(|| view! {
                <details>
                    <summary>"Time logged"</summary>
                    <ul>
                        {view.time_entries.iter().map(|e| view! {
                            <li>{uk_date(&e.taken_on)} ": " {format!("{} h", e.hours)} " — " {e.activity.clone()}</li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
            {show_form.then(move || view! {
                <h3>"Log protected time"</h3>
                <ErrorSummary message=general />
                <ActionForm action attr:class="form" attr:novalidate=true>
                    {person_field(person.clone())}
                    <Field label="Date" name="form[taken_on]" error_key="taken_on" kind="date" errors required=true id="time-date" />
                    <Field label="Hours" name="form[hours]" error_key="hours" errors required=true hint="In quarter hours, like 3.5." id="time-hours" />
                    <Field label="What you used it for" name="form[activity]" error_key="activity" errors required=true id="time-activity" />
                    <button type="submit" class="button">"Log time"</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn Adjustments(
    view: AsyeView,
    person: String,
    action: ServerAction<RecordAdjustment>,
    show_form: bool,
) -> impl IntoView {
    let (errors, general) = errors_of(action);
    view! {
        <section class="card" aria-labelledby="adjustments-heading">
            <h2 id="adjustments-heading">"Pauses and extensions"</h2>
            {if view.adjustments.is_empty() {
                view! { <p class="empty">"None."</p> }.into_any()
            } else {
                view! {
                    <ul class="record-list">
                        {view.adjustments.iter().map(|a| {
                            let what = if a.kind == "pause" {
                                format!("Paused {} to {} ({})", uk_date(a.paused_from.as_deref().unwrap_or("")), uk_date(a.paused_to.as_deref().unwrap_or("")), a.reason)
                            } else {
                                format!("Extended by {} months", a.months.unwrap_or(0))
                            };
                            view! {
                                <li class="record">
                                    <h3 class="record-title">{what}</h3>
                                    <p class="record-meta">"Agreed by " {a.agreed_by.clone()}</p>
                                    {(!a.details.is_empty()).then(|| view! { <p class="pre-wrap">{a.details.clone()}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {show_form.then(move || view! {
                <details class="row-edit">
                    <summary>"Record a pause or an extension"</summary>
                    <ErrorSummary message=general />
                    <p class="hint">"A programme may pause for sickness, bereavement or parental leave, not for capability concerns, and must be finished within 2 years of starting."</p>
                    <ActionForm action attr:class="form" attr:novalidate=true>
                        {person_field(person.clone())}
                        <SelectField label="Kind" name="form[kind]" error_key="kind" errors options=choices(&[("pause", "Pause"), ("extension", "Extension")]) selected=None id="adjust-kind" />
                        <SelectField label="Reason for a pause" name="form[reason]" error_key="reason" errors options=choices(PAUSE_REASONS) selected=None empty="Choose a reason (pauses only)" id="adjust-reason" />
                        <Field label="Paused from" name="form[paused_from]" error_key="paused_from" kind="date" errors id="adjust-from" />
                        <Field label="Paused to (last day)" name="form[paused_to]" error_key="paused_to" kind="date" errors id="adjust-to" />
                        <Field label="Extension in months" name="form[months]" error_key="months" kind="number" errors id="adjust-months" />
                        <TextArea label="Details" name="form[details]" error_key="details" errors rows=3 hint="Needed for an extension: why it is extended." id="adjust-details" />
                        <Field label="Agreed by (name and role)" name="form[agreed_by]" error_key="agreed_by" errors required=true id="adjust-agreed" />
                        <button type="submit" class="button">"Record"</button>
                    </ActionForm>
                </details>
            })}
        </section>
    }
}

#[component]
fn FinalDecision(
    view: AsyeView,
    person: String,
    recommend: ServerAction<RecordRecommendation>,
    moderate: ServerAction<RecordModeration>,
) -> impl IntoView {
    let (r_errors, r_general) = errors_of(recommend);
    let (m_errors, m_general) = errors_of(moderate);
    let p = view.powers;
    let active = view.status == "active";
    let referred = view
        .moderation
        .as_ref()
        .is_some_and(|m| m.outcome.starts_with("Referred"));
    let can_recommend = p.assess && active && (view.recommendation.is_none() || referred);
    let can_moderate = p.coordinate
        && !p.own
        && active
        && view.recommendation.is_some()
        && view.moderation.is_none();
    let decision = |title: &'static str, d: Decision| {
        view! {
            <div class="record">
                <h3 class="record-title">{title} ": " {d.outcome.clone()}</h3>
                <p class="record-meta">{uk_date(&d.on)} " · " {d.by.clone()}</p>
                <p class="pre-wrap">{d.notes.clone()}</p>
            </div>
        }
    };
    let person_m = person.clone();
    view! {
        <section class="card" aria-labelledby="final-heading">
            <h2 id="final-heading">"Final recommendation and moderation"</h2>
            <p class="hint">"The assessor recommends pass, fail or extend; the moderation panel confirms it. A confirmed pass moves you to Social Worker on the career pathway."</p>
            {view.recommendation.clone().map(|d| decision("Recommendation", d))}
            {view.moderation.clone().map(|d| decision("Moderation", d))}
            {(view.recommendation.is_none() && !can_recommend).then(|| view! { <p class="empty">"Not made yet."</p> })}
            {can_recommend.then(move || view! {
                <h3>"Make the final recommendation"</h3>
                <ErrorSummary message=r_general />
                <ActionForm action=recommend attr:class="form" attr:novalidate=true>
                    {person_field(person.clone())}
                    <SelectField label="Recommendation" name="form[outcome]" error_key="outcome" errors=r_errors options=choices(RECOMMENDATIONS) selected=None empty="Choose" id="recommend-outcome" />
                    <TextArea label="Reasons" name="form[notes]" error_key="notes" errors=r_errors rows=5 id="recommend-notes" />
                    <button type="submit" class="button">"Send to moderation"</button>
                </ActionForm>
            })}
            {can_moderate.then(move || view! {
                <h3>"Record the moderation outcome"</h3>
                <ErrorSummary message=m_general />
                <ActionForm action=moderate attr:class="form" attr:novalidate=true>
                    {person_field(person_m.clone())}
                    <SelectField label="Outcome" name="form[outcome]" error_key="outcome" errors=m_errors options=choices(MODERATIONS) selected=None empty="Choose" id="moderate-outcome" />
                    <TextArea label="Panel notes" name="form[notes]" error_key="notes" errors=m_errors rows=4 id="moderate-notes" />
                    <button type="submit" class="button">"Record moderation"</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
pub fn AsyeCohortPage() -> impl IntoView {
    view! {
        <Title text="ASYE cohort" />
        <Guarded action=Action::UseOwnAccount>
            <CohortView />
        </Guarded>
    }
}

#[component]
fn CohortView() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| CohortFilter {
        team: query.with(|q| q.get("team").unwrap_or_default()),
    });
    let start = ServerAction::<StartProgramme>::new();
    let started = RwSignal::new(0u32);
    count_successes(start.value(), started);
    let data = Resource::new(
        move || (filter.get(), started.get()),
        |(f, _)| asye_cohort(f),
    );
    view! {
        <section class="page">
            <h1>"ASYE cohort"</h1>
            {loaded(data, move |cohort: Cohort| {
                let team = filter.get_untracked().team;
                let teams = cohort.teams.clone();
                let rows = cohort.rows.clone();
                let whole = cohort.whole;
                let show_start = cohort.whole && !cohort.without_programme.is_empty();
                let csv = if team.is_empty() { "/export/asye-cohort.csv".to_string() } else { format!("/export/asye-cohort.csv?team={team}") };
                view! {
                    <p class="lede">
                        {if whole { "Every newly qualified social worker in the council and where their ASYE stands." } else { "The newly qualified social workers you supervise or assess." }}
                    </p>
                    <Form method="GET" action="" attr:class="filter-form" attr:aria-label="Filter the cohort">
                        <div class="field">
                            <label for="cohort-team">"Team"</label>
                            <select id="cohort-team" name="team">
                                <option value="">"All teams"</option>
                                {teams.into_iter().map(|(k, n)| { let selected = k == team; view! { <option value=k selected=selected>{n}</option> } }).collect_view()}
                            </select>
                        </div>
                        <div class="filter-buttons">
                            <button type="submit" class="button button-secondary">"Filter"</button>
                            <a class="button button-secondary" href=csv download="">"Download CSV"</a>
                        </div>
                    </Form>
                    <CohortTable rows />
                    {show_start.then(move || view! { <StartForm cohort action=start /> })}
                }
            })}
        </section>
    }
}

#[component]
fn CohortTable(rows: Vec<CohortRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"No ASYE programmes match."</p> }.into_any();
    }
    let overdue = rows.iter().filter(|r| !r.overdue.is_empty()).count();
    view! {
        <p class="result-count" role="status">
            {rows.len()} " in the cohort, " {overdue} " with something overdue"
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="ASYE cohort">
            <table class="table" data-testid="cohort">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Team"</th>
                        <th scope="col">"Assessor"</th>
                        <th scope="col">"Started"</th>
                        <th scope="col" class="num">"Reviews"</th>
                        <th scope="col" class="num">"Observations"</th>
                        <th scope="col">"Overdue"</th>
                        <th scope="col">"Due soon"</th>
                        <th scope="col">"Next"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">
                                <a href=format!("/asye/{}", r.person_id)>{r.name.clone()}</a>
                                {(r.status != "active").then(|| view! { <span class="tag tag-done">{if r.status == "passed" { "Passed" } else { "Not passed" }}</span> })}
                            </th>
                            <td>{r.team.clone()}</td>
                            <td>{r.assessor.clone()}</td>
                            <td>{uk_date(&r.start)}</td>
                            <td class="num">{r.reviews_done}</td>
                            <td class="num">{r.observations} " of " {r.observations_required}</td>
                            <td>{tags(r.overdue.clone(), "tag tag-danger")}</td>
                            <td>{tags(r.due_soon.clone(), "tag tag-warn")}</td>
                            <td>{r.next.as_ref().map(|n| format!("{} ({})", n.label, uk_date(&n.due))).unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Milestones as a list of tags, or "None".
fn tags(items: Vec<String>, class: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { "None" }.into_any();
    }
    view! {
        <ul class="tag-list">
            {items.into_iter().map(|i| view! { <li class=class>{i}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn StartForm(cohort: Cohort, action: ServerAction<StartProgramme>) -> impl IntoView {
    let (errors, general) = (field_errors(action.value()), general_error(action.value()));
    let pairs = |v: &[(String, String)]| {
        v.iter()
            .map(|(k, l)| Choice {
                id: k.clone(),
                label: l.clone(),
            })
            .collect::<Vec<_>>()
    };
    view! {
        <section class="card" aria-labelledby="start-heading">
            <h2 id="start-heading">"Start an ASYE programme"</h2>
            <ErrorSummary message=general />
            <ActionForm action attr:class="form" attr:novalidate=true>
                <SelectField label="Newly qualified social worker" name="form[person]" error_key="person" errors options=pairs(&cohort.without_programme) selected=None empty="Choose" id="start-person" />
                <Field label="Start date" name="form[start]" error_key="start" kind="date" errors required=true id="start-date" />
                <SelectField label="Assessor" name="form[assessor]" error_key="assessor" errors options=pairs(&cohort.assessors) selected=None empty="Choose later" id="start-assessor" />
                <Field label="Contracted hours a week" name="form[contracted_hours]" error_key="contracted_hours" errors value="37".to_string() id="start-hours" />
                <button type="submit" class="button">"Start programme"</button>
            </ActionForm>
        </section>
    }
}
