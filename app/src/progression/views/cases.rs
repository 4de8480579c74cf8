//! Progression requests: the list of open requests, and one request with its panel and
//! decision.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::super::api::{DecideCase, SetPanel, get_case, open_cases};
use super::super::data::{CaseSummary, CaseView};
use super::super::model::StepKind;
use super::case_status_label;
use crate::auth::roles::Action;
use crate::shell::Guarded;
use crate::ui::{ErrorSummary, Notice, TextArea, field_errors, general_error, loaded, successes};

#[component]
pub fn CasesPage() -> impl IntoView {
    view! {
        <Title text="Progression requests" />
        <Guarded action=Action::UseOwnAccount>
            <Cases />
        </Guarded>
    }
}

#[component]
fn Cases() -> impl IntoView {
    let cases = Resource::new(|| (), |_| open_cases());
    view! {
        <section class="page">
            <h1>"Progression requests"</h1>
            <p class="lede">"Open requests to move up a level that you decide, sit on or arrange."</p>
            {loaded(cases, |cases| view! { <CaseList cases /> })}
        </section>
    }
}

#[component]
pub fn CaseList(cases: Vec<CaseSummary>) -> impl IntoView {
    if cases.is_empty() {
        return view! { <p class="empty">"No open progression requests."</p> }.into_any();
    }
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Open progression requests">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">"Person"</th>
                        <th scope="col">"Step"</th>
                        <th scope="col">"Decided by"</th>
                        <th scope="col">"Opened"</th>
                    </tr>
                </thead>
                <tbody>
                    {cases
                        .into_iter()
                        .map(|c| {
                            view! {
                                <tr>
                                    <th scope="row">
                                        <a href=format!("/progression/{}", c.id)>{c.person_name.clone()}</a>
                                    </th>
                                    <td>{c.from_name.clone()} " to " {c.to_name.clone()}</td>
                                    <td>{c.kind.label()}</td>
                                    <td>{c.opened_at.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn CasePage() -> impl IntoView {
    view! {
        <Title text="Progression request" />
        <Guarded action=Action::UseOwnAccount>
            <Case />
        </Guarded>
    }
}

#[component]
fn Case() -> impl IntoView {
    let params = use_params_map();
    let decide = ServerAction::<DecideCase>::new();
    let panel = ServerAction::<SetPanel>::new();
    let (decided, arranged) = (successes(decide.value()), successes(panel.value()));
    let case = Resource::new(
        move || {
            (
                params.with(|p| p.get("id")).unwrap_or_default(),
                decided.get(),
                arranged.get(),
            )
        },
        |(id, _, _)| get_case(id),
    );
    view! {
        <section class="page">
            {loaded(case, move |case| view! { <CaseDetail case decide panel /> })}
        </section>
    }
}

#[component]
fn CaseDetail(
    case: CaseView,
    decide: ServerAction<DecideCase>,
    panel: ServerAction<SetPanel>,
) -> impl IntoView {
    let s = &case.summary;
    let heading = format!("{}: {} to {}", s.person_name, s.from_name, s.to_name);
    let decided = case.summary.status != "open";
    view! {
        <h1>{heading}</h1>
        <dl class="facts card">
            <dt>"Status"</dt>
            <dd>{case_status_label(&case.summary.status)}</dd>
            <dt>"Decided by"</dt>
            <dd>{case.summary.kind.label()}</dd>
            <dt>"Opened"</dt>
            <dd>{case.summary.opened_at.clone()} {case.opened_by.clone().map(|by| format!(" by {by}"))}</dd>
            <dt>"Criteria signed off when opened"</dt>
            <dd>{case.signed_off} " of " {case.required} " required"</dd>
            {(case.summary.kind == StepKind::Panel)
                .then(|| {
                    view! {
                        <dt>"Panel"</dt>
                        <dd>
                            {if case.panel.is_empty() {
                                "Not yet arranged".to_string()
                            } else {
                                case.panel.join(", ")
                            }}
                        </dd>
                    }
                })}
        </dl>
        <p>
            {if case.own {
                view! { <a href="/pathway">"Your pathway and evidence"</a> }.into_any()
            } else {
                view! { <a href=format!("/team/{}", case.summary.person_id)>"Read their pathway and evidence"</a> }.into_any()
            }}
        </p>
        {(!case.account.is_empty())
            .then(|| {
                view! {
                    <section class="card" aria-labelledby="account-heading">
                        <h2 id="account-heading">"Reflective account"</h2>
                        <p class="prewrap">{case.account.clone()}</p>
                    </section>
                }
            })}
        {decided
            .then(|| {
                view! {
                    <section class="card" aria-labelledby="decision-heading">
                        <h2 id="decision-heading">"Decision"</h2>
                        <p>
                            <strong>{case_status_label(&case.summary.status)}</strong>
                            {case.decided_by.clone().map(|by| format!(" by {by}"))}
                            {case.summary.decided_at.clone().map(|at| format!(", {at}"))}
                        </p>
                        <h3>"Reasons"</h3>
                        <p class="prewrap">{case.reasons.clone()}</p>
                        {(!case.actions.is_empty())
                            .then(|| {
                                view! {
                                    <h3>"Actions before it comes back"</h3>
                                    <p class="prewrap">{case.actions.clone()}</p>
                                }
                            })}
                    </section>
                }
            })}
        {case.may_set_panel.then(|| view! { <PanelForm case=case.clone() action=panel /> })}
        {case.may_decide.then(|| view! { <DecisionForm id=case.summary.id.clone() action=decide /> })}
    }
}

#[component]
fn PanelForm(case: CaseView, action: ServerAction<SetPanel>) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let saved = Signal::derive(move || {
        action.value().with(|v| {
            matches!(v, Some(Ok(())))
                .then(|| "Panel saved. Its members have been notified.".to_string())
        })
    });
    let members_error =
        Signal::derive(move || errors.with(|e| e.get("members").map(str::to_string)));
    view! {
        <section class="card" aria-labelledby="panel-heading">
            <h2 id="panel-heading">"Arrange the panel"</h2>
            <Notice message=saved />
            <ErrorSummary message=general />
            <ActionForm action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=case.summary.id.clone() />
                <fieldset
                    class="field"
                    class:field-invalid=move || members_error.with(Option::is_some)
                    aria-describedby=move || members_error.with(Option::is_some).then_some("field-members-error")
                >
                    <legend>"Panel members (2 to 5)"</legend>
                    {move || members_error.get().map(|m| view! { <p class="field-error" id="field-members-error">{m}</p> })}
                    {case
                        .panel_choices
                        .iter()
                        .enumerate()
                        .map(|(i, choice)| {
                            let id = format!("panel-{}", choice.id);
                            let checked = case.panel_ids.contains(&choice.id);
                            view! {
                                <div class="checkbox">
                                    <input type="checkbox" id=id.clone() name=format!("members[{i}]") value=choice.id.clone() checked=checked />
                                    <label for=id>{choice.label.clone()}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <button type="submit" class="button">"Save panel"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn DecisionForm(id: String, action: ServerAction<DecideCase>) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let decision_error =
        Signal::derive(move || errors.with(|e| e.get("decision").map(str::to_string)));
    view! {
        <section class="card" aria-labelledby="decide-heading">
            <h2 id="decide-heading">"Record the decision"</h2>
            <ErrorSummary message=general />
            <ActionForm action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id />
                <fieldset
                    class="field"
                    class:field-invalid=move || decision_error.with(Option::is_some)
                    aria-describedby=move || decision_error.with(Option::is_some).then_some("field-decision-error")
                >
                    <legend>"Decision"</legend>
                    {move || decision_error.get().map(|m| view! { <p class="field-error" id="field-decision-error">{m}</p> })}
                    <div class="checkbox">
                        <input type="radio" id="decision-approve" name="decision" value="approve" />
                        <label for="decision-approve">"Approve: they move up a level"</label>
                    </div>
                    <div class="checkbox">
                        <input type="radio" id="decision-defer" name="decision" value="defer" />
                        <label for="decision-defer">"Defer, with actions"</label>
                    </div>
                </fieldset>
                <TextArea label="Reasons" name="reasons" errors rows=5 required=true />
                <TextArea
                    label="Actions (needed to defer)"
                    name="actions"
                    errors
                    rows=4
                    hint="What needs to happen before the request comes back."
                />
                <button type="submit" class="button">"Record decision"</button>
            </ActionForm>
        </section>
    }
}
