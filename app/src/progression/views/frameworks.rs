//! Framework pages for learning leads and admins: every version, and a version's levels,
//! steps and criteria. Published versions are read-only; a draft is edited and published.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::super::data::{CriterionAdmin, FrameworkDetail, FrameworkSummary, NamedKey};
use super::super::framework_api::{
    AddCriterion, DiscardDraft, EditCriterion, MoveCriterion, PublishFramework, RetireCriterion,
    StartDraft, get_framework, list_frameworks,
};
use crate::auth::roles::Action;
use crate::dates::uk_date;
use crate::people::model::Choice;
use crate::shell::Guarded;
use crate::ui::{
    ErrorSummary, Notice, SelectField, TextArea, count_successes, field_errors, general_error,
    loaded, successes,
};

#[component]
pub fn FrameworksPage() -> impl IntoView {
    view! {
        <Title text="Frameworks" />
        <Guarded action=Action::ManageFrameworks>
            <Frameworks />
        </Guarded>
    }
}

fn status_tag(status: &str) -> impl IntoView + use<> {
    let (class, label) = match status {
        "published" => ("tag tag-ok", "Published"),
        "draft" => ("tag tag-warn", "Draft"),
        _ => ("tag tag-muted", "Superseded"),
    };
    view! { <span class=class>{label}</span> }
}

fn period(summary: &FrameworkSummary) -> String {
    match (&summary.effective_from, &summary.effective_to) {
        (Some(from), Some(to)) => format!("{} to {}", uk_date(from), uk_date(to)),
        (Some(from), None) => format!("From {}", uk_date(from)),
        _ => "Not yet in force".to_string(),
    }
}

#[component]
fn Frameworks() -> impl IntoView {
    let list = Resource::new(|| (), |_| list_frameworks());
    view! {
        <section class="page">
            <h1>"Frameworks"</h1>
            <p class="lede">
                "The career pathway and the standards it maps to. Changes are made in a draft and published as a new version; evidence and sign-offs carry over wherever a criterion does."
            </p>
            {loaded(
                list,
                |frameworks| {
                    view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label="Framework versions">
                            <table class="table">
                                <thead>
                                    <tr>
                                        <th scope="col">"Framework"</th>
                                        <th scope="col" class="num">"Version"</th>
                                        <th scope="col">"Status"</th>
                                        <th scope="col">"In force"</th>
                                        <th scope="col" class="num">"Criteria"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {frameworks
                                        .into_iter()
                                        .map(|f| {
                                            view! {
                                                <tr>
                                                    <th scope="row">
                                                        <a href=format!("/frameworks/{}", f.id)>{f.name.clone()}</a>
                                                    </th>
                                                    <td class="num">{f.version}</td>
                                                    <td>{status_tag(&f.status)}</td>
                                                    <td>{period(&f)}</td>
                                                    <td class="num">{f.criteria}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                },
            )}
        </section>
    }
}

#[component]
pub fn FrameworkPage() -> impl IntoView {
    view! {
        <Title text="Framework" />
        <Guarded action=Action::ManageFrameworks>
            <Framework />
        </Guarded>
    }
}

/// The actions on a draft. Rewording has one action per criterion, so its field errors
/// show on that criterion's form; `edited` counts their successes.
#[derive(Clone, Copy)]
struct DraftActions {
    add: ServerAction<AddCriterion>,
    reorder: ServerAction<MoveCriterion>,
    retire: ServerAction<RetireCriterion>,
    edited: RwSignal<u32>,
}

#[component]
fn Framework() -> impl IntoView {
    let params = use_params_map();
    let actions = DraftActions {
        add: ServerAction::new(),
        reorder: ServerAction::new(),
        retire: ServerAction::new(),
        edited: RwSignal::new(0),
    };
    let publish = ServerAction::<PublishFramework>::new();
    let start = ServerAction::<StartDraft>::new();
    let discard = ServerAction::<DiscardDraft>::new();
    let changes = [
        successes(actions.add.value()),
        successes(actions.reorder.value()),
        successes(actions.retire.value()),
        successes(publish.value()),
    ];
    let detail = Resource::new(
        move || {
            (
                params.with(|p| p.get("id")).unwrap_or_default(),
                changes.iter().map(|c| c.get()).sum::<u32>() + actions.edited.get(),
            )
        },
        |(id, _)| get_framework(id),
    );
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = start.value().get() {
            navigate(&format!("/frameworks/{id}"), Default::default());
        }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = discard.value().get() {
            navigate("/frameworks", Default::default());
        }
    });
    let problem = {
        let reorder = general_error(actions.reorder.value());
        let retire = general_error(actions.retire.value());
        let publish_error = general_error(publish.value());
        let start_error = general_error(start.value());
        let discard_error = general_error(discard.value());
        Signal::derive(move || {
            reorder
                .get()
                .or_else(|| retire.get())
                .or_else(|| publish_error.get())
                .or_else(|| start_error.get())
                .or_else(|| discard_error.get())
        })
    };
    let published = Signal::derive(move || {
        publish.value().with(|v| {
            matches!(v, Some(Ok(())))
                .then(|| "Published. This version is now in force.".to_string())
        })
    });
    view! {
        <section class="page">
            <p>
                <a href="/frameworks">"Back to frameworks"</a>
            </p>
            <Notice message=published />
            <ErrorSummary message=problem />
            {loaded(
                detail,
                move |detail| view! { <FrameworkView detail actions publish start discard /> },
            )}
        </section>
    }
}

#[component]
fn FrameworkView(
    detail: FrameworkDetail,
    actions: DraftActions,
    publish: ServerAction<PublishFramework>,
    start: ServerAction<StartDraft>,
    discard: ServerAction<DiscardDraft>,
) -> impl IntoView {
    let s = detail.summary.clone();
    let draft = s.status == "draft";
    let heading = format!("{}, version {}", s.name, s.version);
    let levels = detail.levels.clone();
    let domains = detail.domains.clone();
    let targets = detail.crosswalk_targets.clone();
    // Criteria grouped by level (or one group for a framework without levels).
    let groups: Vec<(Option<NamedKey>, Vec<CriterionAdmin>)> = if levels.is_empty() {
        vec![(None, detail.criteria.clone())]
    } else {
        levels
            .iter()
            .map(|l| {
                let criteria: Vec<CriterionAdmin> = detail
                    .criteria
                    .iter()
                    .filter(|c| c.level.as_deref() == Some(l.key.as_str()))
                    .cloned()
                    .collect();
                (Some(l.clone()), criteria)
            })
            .filter(|(_, c)| !c.is_empty())
            .collect()
    };
    view! {
        <div class="page-head">
            <h1>{heading}</h1>
            {status_tag(&s.status)}
        </div>
        <p class="lede">{period(&s)} " · " {s.criteria} " criteria in force"</p>
        {if draft {
            let (publish_id, discard_id) = (s.id.clone(), s.id.clone());
            view! {
                <section class="card" aria-labelledby="publish-heading">
                    <h2 id="publish-heading">"This is a draft"</h2>
                    <p>
                        "Nobody sees a draft until it is published. Publishing puts it in force from today and ends the version it replaces. Sign-offs carry over for every criterion kept; retired criteria stop counting."
                    </p>
                    <div class="button-row">
                        <ActionForm action=publish attr:class="inline-form">
                            <input type="hidden" name="id" value=publish_id />
                            <button type="submit" class="button">"Publish this version"</button>
                        </ActionForm>
                        <ActionForm action=discard attr:class="inline-form">
                            <input type="hidden" name="id" value=discard_id />
                            <button type="submit" class="button button-danger">"Discard the draft"</button>
                        </ActionForm>
                    </div>
                </section>
            }
                .into_any()
        } else if s.status == "published" {
            match detail.draft_id.clone() {
                Some(draft_id) => view! {
                    <p class="card">
                        "A new version is being drafted. "
                        <a href=format!("/frameworks/{draft_id}")>"Continue the draft"</a>
                    </p>
                }
                    .into_any(),
                None => {
                    let start_id = s.id.clone();
                    view! {
                    <section class="card" aria-labelledby="change-heading">
                        <h2 id="change-heading">"Make changes"</h2>
                        <p>"Published versions do not change. Start a new version to add, reword, reorder or retire criteria."</p>
                        <ActionForm action=start attr:class="inline-form">
                            <input type="hidden" name="id" value=start_id />
                            <button type="submit" class="button">"Start a new version"</button>
                        </ActionForm>
                    </section>
                }
                    .into_any()
                }
            }
        } else {
            view! { <p class="card">"This version has been superseded and is kept for the record."</p> }.into_any()
        }}
        {(!detail.steps.is_empty())
            .then(|| {
                view! {
                    <section class="card" aria-labelledby="steps-heading">
                        <h2 id="steps-heading">"Progression steps"</h2>
                        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="steps-heading">
                            <table class="table">
                                <thead>
                                    <tr>
                                        <th scope="col">"From"</th>
                                        <th scope="col">"To"</th>
                                        <th scope="col">"How"</th>
                                        <th scope="col" class="num">"Share signed off"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {detail
                                        .steps
                                        .iter()
                                        .map(|step| {
                                            view! {
                                                <tr>
                                                    <th scope="row">{step.from_name.clone()}</th>
                                                    <td>{step.to_name.clone()}</td>
                                                    <td>{step.kind.label()}</td>
                                                    <td class="num">{step.required_percent} "%"</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </section>
                }
            })}
        {draft
            .then(|| {
                view! { <AddCriterionForm framework_id=s.id.clone() domains=domains.clone() levels=levels.clone() action=actions.add /> }
            })}
        {groups
            .into_iter()
            .map(|(level, criteria)| {
                let title = level.as_ref().map(|l| l.name.clone()).unwrap_or_else(|| "Statements".into());
                let domains = domains.clone();
                let targets = targets.clone();
                view! {
                    <section class="framework-level" aria-label=title.clone()>
                        <h2>{title.clone()}</h2>
                        {domains
                            .into_iter()
                            .map(|domain| {
                                let targets = targets.clone();
                                let in_domain: Vec<CriterionAdmin> = criteria
                                    .iter()
                                    .filter(|c| c.domain == domain.key)
                                    .cloned()
                                    .collect();
                                (!in_domain.is_empty())
                                    .then(|| {
                                        view! {
                                            <h3>{domain.name.clone()}</h3>
                                            <ol class="criteria admin-criteria">
                                                {in_domain
                                                    .into_iter()
                                                    .map(|c| {
                                                        let targets = targets.clone();
                                                        view! { <CriterionRow criterion=c draft actions targets /> }
                                                    })
                                                    .collect_view()}
                                            </ol>
                                        }
                                    })
                            })
                            .collect_view()}
                    </section>
                }
            })
            .collect_view()}
    }
}

#[component]
fn CriterionRow(
    criterion: CriterionAdmin,
    draft: bool,
    actions: DraftActions,
    targets: Vec<NamedKey>,
) -> impl IntoView {
    let label = match (&criterion.code, &criterion.title) {
        (Some(code), Some(title)) => format!("{code}: {title}. "),
        _ => String::new(),
    };
    let mapped: Vec<String> = targets
        .iter()
        .filter(|t| criterion.maps_to.contains(&t.key))
        .map(|t| t.name.split(':').next().unwrap_or(&t.name).to_string())
        .collect();
    let mapped_text = (!mapped.is_empty()).then(|| format!("Also evidences {}", mapped.join(", ")));
    let maps_to = criterion.maps_to.clone();
    let edit = ServerAction::<EditCriterion>::new();
    count_successes(edit.value(), actions.edited);
    let edit_errors = field_errors(edit.value());
    let edit_problem = general_error(edit.value());
    let statement_error =
        Signal::derive(move || edit_errors.with(|e| e.get("statement").map(str::to_string)));
    let maps_error =
        Signal::derive(move || edit_errors.with(|e| e.get("maps_to").map(str::to_string)));
    let prefix = format!("criterion-{}", criterion.id);
    view! {
        <li class="criterion" class:row-muted=criterion.retired>
            <div class="criterion-head">
                <p class="criterion-statement">{label} {criterion.statement.clone()}</p>
                {criterion.retired.then(|| view! { <span class="tag tag-muted">"Retired"</span> })}
            </div>
            {mapped_text.map(|text| view! { <p class="hint">{text}</p> })}
            {draft
                .then(|| {
                    let id = criterion.id.clone();
                    let statement = criterion.statement.clone();
                    let (id1, id2, id3, id4) = (id.clone(), id.clone(), id.clone(), id);
                    let (s1, s2, s3, s4) = (statement.clone(), statement.clone(), statement.clone(), statement);
                    let retired = criterion.retired;
                    view! {
                        <div class="criterion-tools">
                            <details class="row-edit">
                                <summary>"Edit wording"</summary>
                                <ActionForm action=edit attr:class="form compact">
                                    <input type="hidden" name="id" value=id1 />
                                    <ErrorSummary message=edit_problem />
                                    <div class="field" class:field-invalid=move || statement_error.with(Option::is_some)>
                                        <label for=format!("{prefix}-statement")>"Statement"</label>
                                        {
                                            let error_id = format!("{prefix}-statement-error");
                                            move || statement_error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })
                                        }
                                        <textarea
                                            id=format!("{prefix}-statement")
                                            name="statement"
                                            rows="3"
                                            aria-invalid=move || statement_error.with(Option::is_some).then_some("true")
                                            aria-describedby={
                                                let error_id = format!("{prefix}-statement-error");
                                                move || statement_error.with(Option::is_some).then(|| error_id.clone())
                                            }
                                        >
                                            {s1}
                                        </textarea>
                                    </div>
                                    {(!targets.is_empty())
                                        .then(|| {
                                            view! {
                                                <fieldset class="field" class:field-invalid=move || maps_error.with(Option::is_some)>
                                                    <legend>"Also evidences (crosswalk)"</legend>
                                                    {move || maps_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                                                    {targets
                                                        .iter()
                                                        .enumerate()
                                                        .map(|(i, t)| {
                                                            let box_id = format!("{prefix}-maps-{}", t.key);
                                                            let checked = maps_to.contains(&t.key);
                                                            view! {
                                                                <div class="checkbox">
                                                                    <input type="checkbox" id=box_id.clone() name=format!("maps_to[{i}]") value=t.key.clone() checked=checked />
                                                                    <label for=box_id>{t.name.clone()}</label>
                                                                </div>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </fieldset>
                                            }
                                        })}
                                    <button type="submit" class="button button-secondary">"Save wording"</button>
                                </ActionForm>
                            </details>
                            <ActionForm action=actions.reorder attr:class="inline-form">
                                <input type="hidden" name="id" value=id2 />
                                <input type="hidden" name="direction" value="up" />
                                <button type="submit" class="button button-secondary button-small">
                                    "Move up" <span class="visually-hidden">": " {s2}</span>
                                </button>
                            </ActionForm>
                            <ActionForm action=actions.reorder attr:class="inline-form">
                                <input type="hidden" name="id" value=id3 />
                                <input type="hidden" name="direction" value="down" />
                                <button type="submit" class="button button-secondary button-small">
                                    "Move down" <span class="visually-hidden">": " {s3}</span>
                                </button>
                            </ActionForm>
                            <ActionForm action=actions.retire attr:class="inline-form">
                                <input type="hidden" name="id" value=id4 />
                                <input type="hidden" name="retired" value=if retired { "false" } else { "true" } />
                                <button type="submit" class="button button-secondary button-small">
                                    {if retired { "Restore" } else { "Retire" }}
                                    <span class="visually-hidden">": " {s4}</span>
                                </button>
                            </ActionForm>
                        </div>
                    }
                })}
        </li>
    }
}

#[component]
fn AddCriterionForm(
    framework_id: String,
    domains: Vec<NamedKey>,
    levels: Vec<NamedKey>,
    action: ServerAction<AddCriterion>,
) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let added = Signal::derive(move || {
        action.value().with(|v| {
            matches!(v, Some(Ok(()))).then(|| "Criterion added to the draft.".to_string())
        })
    });
    let choices = |items: Vec<NamedKey>| {
        items
            .into_iter()
            .map(|i| Choice {
                id: i.key,
                label: i.name,
            })
            .collect::<Vec<_>>()
    };
    let has_levels = !levels.is_empty();
    view! {
        <section class="card" aria-labelledby="add-criterion-heading">
            <h2 id="add-criterion-heading">"Add a criterion"</h2>
            <Notice message=added />
            <ErrorSummary message=general />
            <ActionForm action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="framework_id" value=framework_id />
                <SelectField label="Domain" name="domain" error_key="domain" errors options=choices(domains) selected=None empty="Choose a domain" />
                {has_levels
                    .then(|| {
                        view! {
                            <SelectField label="Level" name="level" error_key="level" errors options=choices(levels) selected=None empty="Choose a level" />
                        }
                    })}
                <TextArea label="Statement" name="statement" errors rows=3 hint="One clear statement of observable practice." required=true />
                <button type="submit" class="button">"Add criterion"</button>
            </ActionForm>
        </section>
    }
}
