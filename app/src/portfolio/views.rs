//! Evidence pages: the filtered list, and the form to add or change a piece of evidence with
//! its reflection prompts and a searchable criteria picker.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::api::{
    DeleteEvidence, SaveEvidence, criteria_choices, get_evidence, list_evidence, prefill_evidence,
};
use super::model::{CriterionChoice, EvidenceDetail, EvidenceFilter, PROMPTS, PickerChoices};
use crate::auth::roles::Action;
use crate::dates::uk_date;
use crate::error::FieldErrors;
use crate::progression::model::EvidenceKind;
use crate::shell::Guarded;
use crate::ui::{
    ErrorSummary, Field, LoadError, Loading, Notice, Pagination, TextArea, field_errors,
    general_error,
};

#[component]
pub fn EvidencePage() -> impl IntoView {
    view! {
        <Title text="My evidence" />
        <Guarded action=Action::UseOwnAccount>
            <EvidenceList />
        </Guarded>
    }
}

fn filter_from_query(get: impl Fn(&str) -> Option<String>) -> EvidenceFilter {
    EvidenceFilter {
        kind: get("kind").unwrap_or_default(),
        domain: get("domain").unwrap_or_default(),
        criterion: get("criterion").unwrap_or_default(),
        from: get("from").unwrap_or_default(),
        to: get("to").unwrap_or_default(),
        page: get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
    }
}

fn query_string(filter: &EvidenceFilter, page: u32) -> String {
    let mut parts = vec![format!("page={page}")];
    for (name, value) in [
        ("kind", &filter.kind),
        ("domain", &filter.domain),
        ("criterion", &filter.criterion),
        ("from", &filter.from),
        ("to", &filter.to),
    ] {
        if !value.is_empty() {
            parts.push(format!("{name}={value}"));
        }
    }
    format!("/evidence?{}", parts.join("&"))
}

#[component]
fn EvidenceList() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| filter_from_query(|k| q.get(k))));
    let evidence = Resource::new(move || filter.get(), list_evidence);
    let choices = Resource::new(|| (), |_| criteria_choices());
    let saved = Signal::derive(move || {
        query.with(|q| match q.get("done").as_deref() {
            Some("saved") => Some("Evidence saved.".to_string()),
            Some("deleted") => Some("Evidence deleted.".to_string()),
            _ => None,
        })
    });
    view! {
        <section class="page">
            <div class="page-head">
                <h1>"My evidence"</h1>
                <a class="button" href="/evidence/new">"Add evidence"</a>
            </div>
            <p class="lede">
                "Reflections, observations, feedback and more, linked to the criteria they show. Private evidence is seen by you alone."
            </p>
            <Notice message=saved />
            <Suspense fallback=|| view! { <Loading /> }>
                {move || {
                    choices
                        .get()
                        .map(|result| match result {
                            Ok(choices) => view! { <FilterForm choices filter=filter.get_untracked() /> }.into_any(),
                            Err(error) => view! { <LoadError error /> }.into_any(),
                        })
                }}
            </Suspense>
            <Transition fallback=|| view! { <Loading /> }>
                {move || {
                    evidence
                        .get()
                        .map(|result| match result {
                            Ok(page) => {
                                let current = filter.get_untracked();
                                let count = page.total;
                                let page_count = page.page_count();
                                let number = page.page;
                                if page.items.is_empty() {
                                    let text = if current.is_empty() {
                                        "You have not added any evidence yet. Start with a reflection on a recent piece of work."
                                    } else {
                                        "No evidence matches these filters."
                                    };
                                    return view! { <p class="empty">{text}</p> }.into_any();
                                }
                                view! {
                                    <p class="result-count" role="status">
                                        {count} {if count == 1 { " piece of evidence" } else { " pieces of evidence" }}
                                    </p>
                                    <div class="table-scroll" tabindex="0" role="region" aria-label="Evidence">
                                        <table class="table">
                                            <thead>
                                                <tr>
                                                    <th scope="col">"Title"</th>
                                                    <th scope="col">"Kind"</th>
                                                    <th scope="col">"Date"</th>
                                                    <th scope="col" class="num">"Criteria"</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {page
                                                    .items
                                                    .into_iter()
                                                    .map(|e| {
                                                        view! {
                                                            <tr>
                                                                <th scope="row">
                                                                    <a href=format!("/evidence/{}", e.id)>{e.title.clone()}</a>
                                                                    {e.private.then(|| view! { " " <span class="tag tag-muted">"Private"</span> })}
                                                                </th>
                                                                <td>{e.kind.label()}</td>
                                                                <td>{uk_date(&e.date)}</td>
                                                                <td class="num">{e.criteria}</td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                    <Pagination label="Pages of evidence" page=number page_count link=move |p| query_string(&current, p) />
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <LoadError error /> }.into_any(),
                        })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn FilterForm(choices: PickerChoices, filter: EvidenceFilter) -> impl IntoView {
    let select = |id: &'static str,
                  name: &'static str,
                  label: &'static str,
                  options: Vec<(String, String)>,
                  selected: String| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id name=name>
                    <option value="">"Any"</option>
                    {options
                        .into_iter()
                        .map(|(value, text)| {
                            let is = value == selected;
                            view! { <option value=value selected=is>{text}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };
    let kinds = EvidenceKind::ALL
        .into_iter()
        .map(|k| (k.key().to_string(), k.label().to_string()))
        .collect();
    let criteria = choices
        .criteria
        .iter()
        .filter(|c| choices.focus_level.as_ref().is_none_or(|l| *l == c.level))
        .map(|c| {
            (
                c.lineage.clone(),
                format!("{}: {}", c.domain_name, c.statement),
            )
        })
        .collect();
    view! {
        <Form method="GET" action="" attr:class="filter-form" attr:role="search" attr:aria-label="Filter evidence">
            {select("filter-kind", "kind", "Kind", kinds, filter.kind.clone())}
            {select("filter-domain", "domain", "Domain", choices.domains.clone(), filter.domain.clone())}
            {select("filter-criterion", "criterion", "Criterion (next level)", criteria, filter.criterion.clone())}
            <div class="field">
                <label for="filter-from">"From"</label>
                <input id="filter-from" type="date" name="from" value=filter.from.clone() />
            </div>
            <div class="field">
                <label for="filter-to">"To"</label>
                <input id="filter-to" type="date" name="to" value=filter.to.clone() />
            </div>
            <div class="filter-buttons">
                <button type="submit" class="button button-secondary">"Filter"</button>
                <a href="/evidence">"Clear filters"</a>
            </div>
        </Form>
    }
}

#[component]
pub fn EvidenceEditPage() -> impl IntoView {
    view! {
        <Title text="Evidence" />
        <Guarded action=Action::UseOwnAccount>
            <EvidenceEdit />
        </Guarded>
    }
}

#[component]
fn EvidenceEdit() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id"));
    let save = ServerAction::<SaveEvidence>::new();
    let delete = ServerAction::<DeleteEvidence>::new();
    let query = use_query_map();
    let from = move || query.with(|q| q.get("resource"));
    let evidence = Resource::new(
        move || (id(), from()),
        |(id, from)| async move {
            match (id, from) {
                (Some(id), _) => get_evidence(id).await.map(|e| (Some(e.clone()), Some(e))),
                (None, Some(resource)) => prefill_evidence(resource).await.map(|e| (None, Some(e))),
                (None, None) => Ok((None, None)),
            }
        },
    );
    let choices = Resource::new(|| (), |_| criteria_choices());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            navigate("/evidence?done=saved", Default::default());
        }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            navigate("/evidence?done=deleted", Default::default());
        }
    });
    view! {
        <section class="page">
            <p>
                <a href="/evidence">"Back to my evidence"</a>
            </p>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || match (evidence.get(), choices.get()) {
                    (Some(Ok((evidence, start))), Some(Ok(choices))) => {
                        let prefilled = evidence.is_none() && start.is_some();
                        view! {
                            <h1>{if evidence.is_some() { "Edit evidence" } else { "Add evidence" }}</h1>
                            {prefilled.then(|| view! {
                                <p class="lede">"Started from a library resource. Write what you did with it and what you learned before saving."</p>
                            })}
                            {evidence.as_ref().map(|e| view! {
                                <p>
                                    <a href=format!("/cpd/new?evidence={}", e.id)>"Make a CPD record from this evidence"</a>
                                </p>
                            })}
                            <EvidenceForm evidence=evidence.clone() start choices action=save />
                            {evidence.map(|e| view! { <DeleteForm evidence=e action=delete /> })}
                        }
                            .into_any()
                    }
                    (Some(Err(error)), _) | (_, Some(Err(error))) => view! { <LoadError error /> }.into_any(),
                    _ => view! { <Loading /> }.into_any(),
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn EvidenceForm(
    evidence: Option<EvidenceDetail>,
    /// What the fields start with: the saved evidence, or a prefilled draft.
    start: Option<EvidenceDetail>,
    choices: PickerChoices,
    action: ServerAction<SaveEvidence>,
) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let detail = start.unwrap_or_default();
    let kind_error = Signal::derive(move || errors.with(|e| e.get("kind").map(str::to_string)));
    view! {
        {detail
            .locked
            .then(|| {
                view! {
                    <div class="alert alert-info" role="note">
                        <p>"A criterion this evidence supports is with your supervisor. You can change it once they have decided."</p>
                    </div>
                }
            })}
        <ErrorSummary message=general />
        <ActionForm action attr:class="form form-wide" attr:novalidate=true>
            <input type="hidden" name="id" value=evidence.as_ref().map(|e| e.id.clone()).unwrap_or_default() />
            <div class="field" class:field-invalid=move || kind_error.with(Option::is_some)>
                <label for="field-kind">"Kind of evidence"</label>
                {move || kind_error.get().map(|m| view! { <p class="field-error" id="field-kind-error">{m}</p> })}
                <select
                    id="field-kind"
                    name="form[kind]"
                    aria-invalid=move || kind_error.with(Option::is_some).then_some("true")
                    aria-describedby=move || kind_error.with(Option::is_some).then_some("field-kind-error")
                >
                    <option value="">"Choose a kind"</option>
                    {EvidenceKind::ALL
                        .into_iter()
                        .map(|k| {
                            let selected = detail.kind == k.key();
                            view! { <option value=k.key() selected=selected>{k.label()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <Field label="Title" name="form[title]" error_key="title" errors value=detail.title.clone() required=true />
            <Field label="Date" name="form[date]" error_key="date" kind="date" errors value=detail.date.clone() hint="When it happened." required=true />
            <fieldset class="field prompts">
                <legend>"Reflection"</legend>
                <p class="hint">"Answer the prompts that help. A reflection needs at least one answer."</p>
                {PROMPTS
                    .iter()
                    .map(|(field, question)| {
                        let (field, question) = (*field, *question);
                        let name: &'static str = match field {
                            "what_happened" => "form[what_happened]",
                            "what_i_did" => "form[what_i_did]",
                            "what_i_learned" => "form[what_i_learned]",
                            _ => "form[what_next]",
                        };
                        view! { <TextArea label=question name error_key=field errors value=detail.prompt(field).to_string() rows=4 /> }
                    })
                    .collect_view()}
            </fieldset>
            <Field label="Link (optional)" name="form[link]" error_key="link" kind="url" errors value=detail.link.clone().unwrap_or_default() hint="A web address for a certificate, article or record, starting with https://." />
            <CriteriaPicker choices selected=detail.criteria.clone() errors />
            <div class="checkbox">
                <input type="checkbox" id="field-private" name="form[private]" checked=detail.private aria-describedby="field-private-hint" />
                <label for="field-private">"Private: only I can see this"</label>
            </div>
            <p class="hint" id="field-private-hint">
                "Private evidence is never shown to your supervisor or anyone else, so it cannot support a sign-off."
            </p>
            <button type="submit" class="button">"Save evidence"</button>
        </ActionForm>
    }
}

/// One level of the picker: its key, its name, and its criteria with their form index.
type PickerLevel = (String, String, Vec<(usize, CriterionChoice)>);

/// Criteria grouped by level then domain, with a filter box that narrows the list as you
/// type (the full list works without it).
#[component]
fn CriteriaPicker(
    choices: PickerChoices,
    selected: Vec<String>,
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let message = Signal::derive(move || errors.with(|e| e.get("criteria").map(str::to_string)));
    let mut levels: Vec<PickerLevel> = Vec::new();
    for (i, c) in choices.criteria.into_iter().enumerate() {
        match levels.iter_mut().find(|(key, ..)| *key == c.level) {
            Some((.., items)) => items.push((i, c)),
            None => levels.push((c.level.clone(), c.level_name.clone(), vec![(i, c)])),
        }
    }
    let focus = choices.focus_level.clone();
    view! {
        <fieldset class="field picker" class:field-invalid=move || message.with(Option::is_some) aria-describedby="picker-hint">
            <legend>"Criteria this evidence shows"</legend>
            <p class="hint" id="picker-hint">
                "Tick every criterion it helps to show. The level you are working towards is open first."
            </p>
            {move || message.get().map(|m| view! { <p class="field-error" id="field-criteria-error">{m}</p> })}
            <div class="field">
                <label for="picker-search">"Find criteria"</label>
                <input
                    id="picker-search"
                    type="search"
                    autocomplete="off"
                    on:input=move |ev| search.set(event_target_value(&ev))
                    prop:value=move || search.get()
                />
            </div>
            {levels
                .into_iter()
                .map(|(level, level_name, items)| {
                    let open = focus.as_deref() == Some(level.as_str())
                        || items.iter().any(|(_, c)| selected.contains(&c.lineage));
                    let count = items.iter().filter(|(_, c)| selected.contains(&c.lineage)).count();
                    view! {
                        <details class="picker-level" open=open>
                            <summary>
                                {level_name}
                                {(count > 0).then(|| format!(" ({count} chosen)"))}
                            </summary>
                            <ul class="picker-list">
                                {items
                                    .into_iter()
                                    .map(|(i, c)| {
                                        let id = format!("criterion-{}", c.lineage);
                                        let checked = selected.contains(&c.lineage);
                                        let haystack = format!("{} {}", c.domain_name, c.statement).to_lowercase();
                                        let hidden = move || {
                                            let needle = search.get().trim().to_lowercase();
                                            !needle.is_empty() && !needle.split_whitespace().all(|w| haystack.contains(w))
                                        };
                                        view! {
                                            <li class="checkbox" class:hidden=hidden>
                                                <input type="checkbox" id=id.clone() name=format!("form[criteria][{i}]") value=c.lineage.clone() checked=checked />
                                                <label for=id>
                                                    <span class="picker-domain">{c.domain_name.clone()}</span>
                                                    {c.statement.clone()}
                                                </label>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
fn DeleteForm(evidence: EvidenceDetail, action: ServerAction<DeleteEvidence>) -> impl IntoView {
    let general = general_error(action.value());
    view! {
        <section class="card danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete this evidence"</h2>
            <p>"Deleting cannot be undone. Review history keeps the title of evidence a decision was made on."</p>
            <ErrorSummary message=general />
            <ActionForm action>
                <input type="hidden" name="id" value=evidence.id />
                <button type="submit" class="button button-danger">"Delete evidence"</button>
            </ActionForm>
        </section>
    }
}
