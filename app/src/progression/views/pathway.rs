//! My pathway: where a practitioner stands, what the next level needs, their criteria with
//! evidence and review history, sending criteria for sign-off and asking for a decision.
//! Their supervisor sees the same page for a supervisee, without private evidence.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::super::api::{
    OpenCase, SubmitForReview, WithdrawSubmission, my_pathway, person_pathway,
};
use super::super::data::{CaseSummary, Coverage, CriterionProgress, DomainProgress, PathwayView};
use super::super::model::{Readiness, Status, StepKind};
use super::{StatusTag, case_status_label};
use crate::auth::roles::Action;
use crate::dates::uk_date;
use crate::shell::Guarded;
use crate::ui::{ErrorSummary, Notice, TextArea, field_errors, general_error, loaded, successes};

#[component]
pub fn MyPathwayPage() -> impl IntoView {
    view! {
        <Title text="My pathway" />
        <Guarded action=Action::UseOwnAccount>
            <MyPathway />
        </Guarded>
    }
}

#[component]
fn MyPathway() -> impl IntoView {
    let submit = ServerAction::<SubmitForReview>::new();
    let open = ServerAction::<OpenCase>::new();
    let withdraw = ServerAction::<WithdrawSubmission>::new();
    let (submitted, opened, withdrawn) = (
        successes(submit.value()),
        successes(open.value()),
        successes(withdraw.value()),
    );
    let data = Resource::new(
        move || (submitted.get(), opened.get(), withdrawn.get()),
        |_| my_pathway(),
    );
    let withdraw_problem = general_error(withdraw.value());
    view! {
        <section class="page">
            <ErrorSummary message=withdraw_problem />
            {loaded(
                data,
                move |view| view! { <Pathway view submit=Some(submit) open withdraw=Some(withdraw) /> },
            )}
        </section>
    }
}

#[component]
pub fn SuperviseePathwayPage() -> impl IntoView {
    view! {
        <Title text="Pathway" />
        // Supervisors, assessors and panel members read this page; the server decides who.
        <Guarded action=Action::UseOwnAccount>
            <SuperviseePathway />
        </Guarded>
    }
}

#[component]
fn SuperviseePathway() -> impl IntoView {
    let params = use_params_map();
    let open = ServerAction::<OpenCase>::new();
    let opened = successes(open.value());
    let data = Resource::new(
        move || {
            (
                params.with(|p| p.get("id")).unwrap_or_default(),
                opened.get(),
            )
        },
        |(id, _)| person_pathway(id),
    );
    let supervises = crate::shell::use_viewer().can(Action::ViewSupervisees);
    view! {
        <section class="page">
            {supervises.then(|| view! { <p><a href="/team">"Back to my team"</a></p> })}
            {loaded(data, move |view| view! { <Pathway view submit=None open withdraw=None /> })}
        </section>
    }
}

#[component]
fn Pathway(
    view: PathwayView,
    submit: Option<ServerAction<SubmitForReview>>,
    open: ServerAction<OpenCase>,
    withdraw: Option<ServerAction<WithdrawSubmission>>,
) -> impl IntoView {
    let heading = if view.own {
        "My pathway".to_string()
    } else {
        format!("{}\u{2019}s pathway", view.person_name)
    };
    let own = view.own;
    if !view.on_pathway {
        let whose = if own { "Your" } else { "Their" };
        return view! {
            <h1>{heading}</h1>
            <p class="lede">{view.framework_name.clone()} ", version " {view.framework_version}</p>
            <section class="card">
                <h2>"Not on this pathway"</h2>
                <p>
                    {whose} " career level, " {view.level_name.clone()}
                    ", is not one of the pathway's levels, so there is nothing here to work towards. If that is wrong, an admin can change the career level on the person's record."
                </p>
            </section>
            <LevelHistory history=view.history.clone() />
        }
            .into_any();
    }
    let PathwayView {
        person_id,
        framework_name,
        framework_version,
        level_name,
        next,
        readiness,
        domains,
        history,
        cases,
        crosswalk,
        ..
    } = view;
    let target = next.as_ref().map(|n| n.to_name.clone());
    view! {
        <h1>{heading}</h1>
        <p class="lede">{framework_name} ", version " {framework_version}</p>
        <div class="card-grid">
            <article class="card">
                <h2>"Where you stand"</h2>
                <dl class="facts">
                    <dt>"Current level"</dt>
                    <dd>{level_name.clone()}</dd>
                    <dt>"Next level"</dt>
                    <dd>{target.clone().unwrap_or_else(|| "None: this is the top of the pathway".into())}</dd>
                    {next
                        .as_ref()
                        .map(|n| {
                            view! {
                                <dt>"How you move up"</dt>
                                <dd>{n.kind.label()}</dd>
                            }
                        })}
                </dl>
                {next.as_ref().map(|n| view! { <p class="hint">{n.kind.explain()}</p> })}
            </article>
            {next
                .as_ref()
                .map(|n| {
                    view! {
                        <article class="card">
                            <h2>"Readiness for " {n.to_name.clone()}</h2>
                            <ReadinessMeter readiness percent=n.required_percent />
                        </article>
                    }
                })}
        </div>
        {(!domains.is_empty())
            .then(|| {
                view! {
                    <ReadinessGrid domains=domains.clone() />
                }
            })}
        {next
            .clone()
            .map(|n| {
                let person = (!own).then(|| person_id.clone());
                view! { <Progression next=n cases=cases.clone() person open /> }
            })}
        {submit
            .map(|action| {
                view! { <SubmitForm domains=domains.clone() action /> }
            })}
        {(!domains.is_empty())
            .then(|| {
                view! {
                    <section aria-labelledby="criteria-heading">
                        <h2 id="criteria-heading">
                            "Criteria for " {target.clone().unwrap_or_default()}
                        </h2>
                        {domains
                            .into_iter()
                            .map(|domain| view! { <DomainCriteria domain own withdraw /> })
                            .collect_view()}
                    </section>
                }
            })}
        {(!crosswalk.is_empty()).then(|| view! { <Crosswalk statements=crosswalk /> })}
        <LevelHistory history />
    }
    .into_any()
}

#[component]
fn ReadinessMeter(readiness: Readiness, percent: u8) -> impl IntoView {
    let width = format!("width: {}%", readiness.percent().min(100));
    let summary = if readiness.total == 0 {
        "This step has no criteria in Pathway.".to_string()
    } else if percent == 0 {
        format!(
            "{} of {} criteria signed off, for your development.",
            readiness.signed_off, readiness.total
        )
    } else {
        format!(
            "{} of {} criteria signed off. {} needed ({}%).",
            readiness.signed_off, readiness.total, readiness.required, percent
        )
    };
    let status = if percent == 0 {
        String::new()
    } else if readiness.met() {
        "Ready: the required criteria are signed off.".to_string()
    } else if readiness.total > 0 {
        format!("{} more to go.", readiness.still_needed())
    } else {
        String::new()
    };
    view! {
        <p class="readiness-figure">
            <span class="stat-number">{readiness.signed_off}</span>
            " / "
            {readiness.total}
        </p>
        <div class="meter" aria-hidden="true">
            <div class="meter-fill" style=width></div>
        </div>
        <p id="readiness-summary">{summary}</p>
        <p class="hint">{status}</p>
    }
}

const GRID_STATUSES: [Status; 5] = [
    Status::SignedOff,
    Status::Submitted,
    Status::Returned,
    Status::InProgress,
    Status::NotStarted,
];

/// The domain-by-status grid: coloured squares for sighted readers, with the same counts in
/// the table's cells as the text alternative.
#[component]
fn ReadinessGrid(domains: Vec<DomainProgress>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="grid-heading">
            <h2 id="grid-heading">"Readiness by domain"</h2>
            <ul class="grid-key" aria-hidden="true">
                {GRID_STATUSES
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li>
                                <span class=format!("square status-{}", s.key())></span>
                                {s.label()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="grid-heading">
                <table class="table readiness-grid">
                    <caption class="visually-hidden">
                        "Criteria in each domain by status"
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Domain"</th>
                            <th scope="col" aria-hidden="true" class="grid-squares-head">
                                "Criteria"
                            </th>
                            {GRID_STATUSES
                                .into_iter()
                                .map(|s| view! { <th scope="col" class="num">{s.label_for_others()}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {domains
                            .into_iter()
                            .map(|domain| {
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <a href=format!("#domain-{}", domain.key)>{domain.name.clone()}</a>
                                        </th>
                                        <td aria-hidden="true" class="grid-squares">
                                            {domain
                                                .criteria
                                                .iter()
                                                .map(|c| {
                                                    view! {
                                                        <span
                                                            class=format!("square status-{}", c.status.key())
                                                            title=c.status.label()
                                                        ></span>
                                                    }
                                                })
                                                .collect_view()}
                                        </td>
                                        {GRID_STATUSES
                                            .into_iter()
                                            .map(|s| view! { <td class="num">{domain.counts.get(s)}</td> })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn SubmitForm(
    domains: Vec<DomainProgress>,
    action: ServerAction<SubmitForReview>,
) -> impl IntoView {
    let ready: Vec<CriterionProgress> = domains
        .into_iter()
        .flat_map(|d| d.criteria)
        .filter(|c| c.status.can_submit() && c.evidence.iter().any(|e| !e.private))
        .collect();
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let sent = Signal::derive(move || {
        action.value().with(|v| match v {
            Some(Ok(1)) => Some("Sent 1 criterion to your supervisor for sign-off.".to_string()),
            Some(Ok(n)) => Some(format!(
                "Sent {n} criteria to your supervisor for sign-off."
            )),
            _ => None,
        })
    });
    let criteria_error =
        Signal::derive(move || errors.with(|e| e.get("criteria").map(str::to_string)));
    view! {
        <section class="card" aria-labelledby="submit-heading">
            <h2 id="submit-heading">"Send criteria for sign-off"</h2>
            <Notice message=sent />
            <ErrorSummary message=general />
            {if ready.is_empty() {
                view! {
                    <p>
                        "Nothing is ready to send yet. Link evidence your supervisor can see to a criterion, then send it from here. "
                        <a href="/evidence/new">"Add evidence"</a>
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <ActionForm action attr:class="form" attr:novalidate=true>
                        <fieldset
                            class="field"
                            class:field-invalid=move || criteria_error.with(Option::is_some)
                            aria-describedby=move || criteria_error.with(Option::is_some).then_some("field-criteria-error")
                        >
                            <legend>"Criteria with evidence, ready to send"</legend>
                            {move || criteria_error.get().map(|m| view! { <p class="field-error" id="field-criteria-error">{m}</p> })}
                            {ready
                                .into_iter()
                                .enumerate()
                                .map(|(i, c)| {
                                    let id = format!("send-{}", c.lineage);
                                    view! {
                                        <div class="checkbox">
                                            <input type="checkbox" id=id.clone() name=format!("criteria[{i}]") value=c.lineage.clone() />
                                            <label for=id>
                                                {c.statement.clone()}
                                                {(c.status == Status::Returned).then(|| view! { " " <span class="tag tag-warn">"Returned"</span> })}
                                            </label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                        <TextArea label="A note for your supervisor (optional)" name="comment" errors rows=3 />
                        <button type="submit" class="button">"Send for sign-off"</button>
                    </ActionForm>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn Progression(
    next: super::super::data::NextStep,
    cases: Vec<CaseSummary>,
    person: Option<String>,
    open: ServerAction<OpenCase>,
) -> impl IntoView {
    let errors = field_errors(open.value());
    let general = general_error(open.value());
    let opened = Signal::derive(move || {
        open.value().with(|v| {
            matches!(v, Some(Ok(_))).then(|| {
                "Your request is open. You will get a notification when it is decided.".to_string()
            })
        })
    });
    let can_open = next.can_open_case.clone();
    let panel = next.kind == StepKind::Panel;
    view! {
        <section class="card" aria-labelledby="progression-heading">
            <h2 id="progression-heading">"Progression to " {next.to_name.clone()}</h2>
            <Notice message=opened />
            <ErrorSummary message=general />
            {match can_open {
                Ok(()) => {
                    view! {
                        <p>"The requirement for this step is met."</p>
                        <ActionForm action=open attr:class="form" attr:novalidate=true>
                            <input type="hidden" name="person_id" value=person.clone().unwrap_or_default() />
                            {panel
                                .then(|| {
                                    view! {
                                        <TextArea
                                            label="Reflective account for the panel"
                                            name="account"
                                            errors
                                            rows=8
                                            hint="How your practice meets the level, with examples. The panel reads this with your signed-off evidence."
                                            required=true
                                        />
                                    }
                                })}
                            <button type="submit" class="button">"Ask for a progression decision"</button>
                        </ActionForm>
                    }
                        .into_any()
                }
                Err(why) => view! { <p>{why}</p> }.into_any(),
            }}
            {(!cases.is_empty())
                .then(|| {
                    view! {
                        <h3>"Requests and decisions"</h3>
                        <ul class="link-list">
                            {cases
                                .into_iter()
                                .map(|case| {
                                    let text = format!(
                                        "{} to {}: {} ({})",
                                        case.from_name,
                                        case.to_name,
                                        case_status_label(&case.status),
                                        case.decided_at.clone().unwrap_or(case.opened_at.clone())
                                    );
                                    let automatic = case.kind == StepKind::Automatic;
                                    view! {
                                        <li>
                                            {if automatic {
                                                view! { <span>{text}</span> }.into_any()
                                            } else {
                                                view! { <a href=format!("/progression/{}", case.id)>{text}</a> }.into_any()
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        </section>
    }
}

#[component]
fn DomainCriteria(
    domain: DomainProgress,
    own: bool,
    withdraw: Option<ServerAction<WithdrawSubmission>>,
) -> impl IntoView {
    view! {
        <section class="domain" id=format!("domain-{}", domain.key) aria-labelledby=format!("domain-{}-heading", domain.key)>
            <h3 id=format!("domain-{}-heading", domain.key)>
                {domain.name.clone()}
                <span class="domain-count">
                    {domain.counts.signed_off} " of " {domain.counts.total()} " signed off"
                </span>
            </h3>
            <ul class="criteria">
                {domain
                    .criteria
                    .into_iter()
                    .map(|criterion| view! { <CriterionItem criterion own withdraw /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn CriterionItem(
    criterion: CriterionProgress,
    own: bool,
    withdraw: Option<ServerAction<WithdrawSubmission>>,
) -> impl IntoView {
    let has_detail = !criterion.evidence.is_empty() || !criterion.reviews.is_empty();
    let evidence_count = criterion.evidence.len();
    let take_back = withdraw
        .filter(|_| criterion.status == Status::Submitted)
        .map(|action| {
            let lineage = criterion.lineage.clone();
            view! {
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="lineage" value=lineage />
                    <button type="submit" class="button button-secondary button-small">
                        "Take back from review"
                    </button>
                </ActionForm>
            }
        });
    view! {
        <li class="criterion">
            <div class="criterion-head">
                <p class="criterion-statement">{criterion.statement.clone()}</p>
                <StatusTag status=criterion.status own />
            </div>
            {take_back}
            {has_detail
                .then(|| {
                    view! {
                        <details class="criterion-detail">
                            <summary>
                                {format!(
                                    "{} evidence, {} review {}",
                                    evidence_count,
                                    criterion.reviews.len(),
                                    if criterion.reviews.len() == 1 { "entry" } else { "entries" },
                                )}
                            </summary>
                            {(!criterion.evidence.is_empty())
                                .then(|| {
                                    view! {
                                        <h4>"Evidence"</h4>
                                        <ul>
                                            {criterion
                                                .evidence
                                                .iter()
                                                .map(|e| {
                                                    let label = format!("{} ({}, {})", e.title, e.kind.label(), uk_date(&e.date));
                                                    view! {
                                                        <li>
                                                            {if own {
                                                                view! { <a href=format!("/evidence/{}", e.id)>{label}</a> }.into_any()
                                                            } else {
                                                                view! { <span>{label}</span> }.into_any()
                                                            }}
                                                            {e.private.then(|| view! { " " <span class="tag tag-muted">"Private"</span> })}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                })}
                            {(!criterion.reviews.is_empty())
                                .then(|| {
                                    view! {
                                        <h4>"Review history"</h4>
                                        <ol class="history">
                                            {criterion
                                                .reviews
                                                .iter()
                                                .map(|r| {
                                                    let what = match r.action {
                                                        Status::Submitted => "Sent for sign-off",
                                                        Status::SignedOff => "Signed off",
                                                        Status::Returned => "Returned",
                                                        _ => "Taken back from review",
                                                    };
                                                    view! {
                                                        <li>
                                                            <strong>{what}</strong>
                                                            " by " {r.by.clone()} ", " {r.at.clone()}
                                                            {(!r.comment.is_empty()).then(|| view! { <blockquote>{r.comment.clone()}</blockquote> })}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ol>
                                    }
                                })}
                        </details>
                    }
                })}
        </li>
    }
}

#[component]
fn Crosswalk(statements: Vec<Coverage>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="kss-heading">
            <h2 id="kss-heading">"Knowledge and skills statements"</h2>
            <p class="hint">
                "Your evidence also counts towards the practitioner statements that the pathway's criteria are mapped to."
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="kss-heading">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"Statement"</th>
                            <th scope="col" class="num">"Evidence"</th>
                            <th scope="col" class="num">"Signed-off criteria"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {statements
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <tr>
                                        <th scope="row">
                                            {s.code} ": " {s.title}
                                            <span class="cell-sub">{s.description}</span>
                                        </th>
                                        <td class="num">{s.evidence}</td>
                                        <td class="num">{s.signed_off}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn LevelHistory(history: Vec<super::super::data::LevelEntry>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="history-heading">
            <h2 id="history-heading">"Level history"</h2>
            {if history.is_empty() {
                view! { <p>"No levels recorded yet."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="history-heading">
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">"Level"</th>
                                    <th scope="col">"From"</th>
                                    <th scope="col">"To"</th>
                                    <th scope="col">"How"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {history
                                    .into_iter()
                                    .map(|h| {
                                        view! {
                                            <tr>
                                                <th scope="row">{h.level_name}</th>
                                                <td>{uk_date(&h.started_on)}</td>
                                                <td>{h.ended_on.as_deref().map(uk_date).unwrap_or_else(|| "Now".into())}</td>
                                                <td>{h.how}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}
