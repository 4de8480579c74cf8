//! The learning lead's learning-path pages: every path, and the editor for one (its details,
//! its steps in order with buttons to move and remove them, and a search to add steps).
//! Every control is a plain form, so it all works with a keyboard and before the wasm loads.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::model::{EditorStep, PathEditor, PathListRow, StepCandidate};
use super::path_api::{ChangePathStep, SaveLearningPath, list_learning_paths, open_path_editor};
use crate::auth::roles::Action;
use crate::shell::Guarded;
use crate::ui::{
    ErrorSummary, Field, Notice, TextArea, field_errors, general_error, loaded, successes,
};

#[component]
pub fn PathsPage() -> impl IntoView {
    view! {
        <Title text="Learning paths" />
        <Guarded action=Action::CurateLearning>
            <PathsList />
        </Guarded>
    }
}

#[component]
fn PathsList() -> impl IntoView {
    let paths = Resource::new(|| (), |_| list_learning_paths());
    view! {
        <section class="page">
            <p><a href="/learning">"Back to my learning"</a></p>
            <h1>"Learning paths"</h1>
            <p class="lede">"Ordered sets of resources and events. Each person sees the active paths for their level or role on My learning, with their progress."</p>
            <p><a class="button" href="/learning/paths/new">"Create a learning path"</a></p>
            {loaded(paths, |rows: Vec<PathListRow>| view! { <PathsTable rows /> })}
        </section>
    }
}

#[component]
fn PathsTable(rows: Vec<PathListRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"No learning paths yet."</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="table">
                <caption class="visually-hidden">"Learning paths"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Path"</th>
                        <th scope="col">"For"</th>
                        <th scope="col">"Steps"</th>
                        <th scope="col">"Shown to learners"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|p| view! {
                            <tr>
                                <th scope="row"><a href=format!("/learning/paths/{}", p.id)>{p.title}</a></th>
                                <td>{p.audience}</td>
                                <td>{p.steps}</td>
                                <td>{if p.active { "Yes" } else { "No: hidden" }}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn PathEditPage() -> impl IntoView {
    view! {
        <Title text="Learning path" />
        <Guarded action=Action::CurateLearning>
            <PathEdit />
        </Guarded>
    }
}

#[component]
fn PathEdit() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let save = ServerAction::<SaveLearningPath>::new();
    let change = ServerAction::<ChangePathStep>::new();
    let changed = successes(change.value());
    // The button pressed is re-rendered with the list: keep keyboard focus with the steps.
    Effect::new(move |_| {
        if changed.get() > 0 {
            crate::ui::focus_soon("steps-heading");
        }
    });
    let id = move || params.with(|p| p.get("id")).filter(|id| id != "new");
    let find = move || query.with(|q| q.get("find").unwrap_or_default());
    let editor = Resource::new(
        move || (id(), find(), changed.get()),
        |(id, find, _)| open_path_editor(id, find),
    );
    let notice = Signal::derive(move || {
        query.with(|q| match q.get("done").as_deref() {
            Some("created") => Some(
                "Path created. Add its steps below; it is shown to learners while it is active."
                    .to_string(),
            ),
            Some("saved") => Some("Changes saved.".to_string()),
            Some("step_added") => Some("Step added at the end of the path.".to_string()),
            Some("step_moved") => Some("Step moved.".to_string()),
            Some("step_removed") => Some("Step removed.".to_string()),
            _ => None,
        })
    });
    view! {
        <section class="page">
            <p><a href="/learning/paths">"Back to learning paths"</a></p>
            <Notice message=notice />
            {loaded(editor, move |e: PathEditor| view! { <PathEditorView editor=e save change /> })}
        </section>
    }
}

#[component]
fn PathEditorView(
    editor: PathEditor,
    save: ServerAction<SaveLearningPath>,
    change: ServerAction<ChangePathStep>,
) -> impl IntoView {
    let errors = field_errors(save.value());
    let general = general_error(save.value());
    let message = move |key: &'static str| {
        Signal::derive(move || errors.with(|e| e.get(key).map(str::to_string)))
    };
    let (levels_msg, roles_msg) = (message("levels"), message("roles"));
    let PathEditor {
        id,
        form,
        steps,
        find,
        candidates,
        levels,
        roles,
    } = editor;
    let hidden_id = id.clone().unwrap_or_default();
    let existing = id.is_some();
    let heading = if id.is_some() {
        form.title.clone()
    } else {
        "Create a learning path".to_string()
    };
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <section class="card" aria-labelledby="path-details-heading">
            <h2 id="path-details-heading">"Details"</h2>
            <ErrorSummary message=general />
            <ActionForm action=save attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=hidden_id />
                <Field label="Title" name="form[title]" error_key="title" errors value=form.title.clone() required=true />
                <TextArea label="Summary" name="form[summary]" error_key="summary" errors value=form.summary.clone() rows=3 required=true hint="Who it is for and what it covers, in a sentence or two." />
                <fieldset class="field" class:field-invalid=move || levels_msg.with(Option::is_some)>
                    <legend>"Levels it is for"</legend>
                    <p class="hint">"Leave levels and roles unticked if it is for everyone. With both, a person needs one of each."</p>
                    {move || levels_msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                    {levels.into_iter().enumerate().map(|(i, l)| {
                        let control = format!("path-level-{}", l.key);
                        let checked = form.levels.contains(&l.key);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=control.clone() name=format!("form[levels][{i}]") value=l.key checked=checked />
                                <label for=control>{l.label}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <fieldset class="field" class:field-invalid=move || roles_msg.with(Option::is_some)>
                    <legend>"Roles it is for"</legend>
                    {move || roles_msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                    {roles.into_iter().enumerate().map(|(i, r)| {
                        let control = format!("path-role-{}", r.key);
                        let checked = form.roles.contains(&r.key);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=control.clone() name=format!("form[roles][{i}]") value=r.key checked=checked />
                                <label for=control>{r.label}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="checkbox">
                    <input type="checkbox" id="path-active" name="form[active]" checked=form.active.is_some() />
                    <label for="path-active">"Active: show it to the people it is for"</label>
                </div>
                <button type="submit" class="button">{if existing { "Save details" } else { "Create path" }}</button>
            </ActionForm>
        </section>
        {id.map(|id| view! { <StepsEditor id steps find candidates change /> })}
    }
}

#[component]
fn StepsEditor(
    id: String,
    steps: Vec<EditorStep>,
    find: String,
    candidates: Vec<StepCandidate>,
    change: ServerAction<ChangePathStep>,
) -> impl IntoView {
    let general = general_error(change.value());
    let count = steps.len();
    let path = id.clone();
    let searched = !find.is_empty();
    let find_value = find.clone();
    view! {
        <section class="card" aria-labelledby="steps-heading" id="steps">
            <h2 id="steps-heading" tabindex="-1">"Steps " <span class="badge-count">{format!("({count})")}</span></h2>
            <ErrorSummary message=general />
            {if steps.is_empty() {
                view! { <p class="empty">"No steps yet. Find resources and events to add below."</p> }.into_any()
            } else {
                view! {
                    <ol class="path-steps path-editor-steps">
                        {steps
                            .into_iter()
                            .enumerate()
                            .map(|(i, step)| {
                                let first = i == 0;
                                let last = i + 1 == count;
                                let button = |change_to: &'static str, label: &'static str, class: &'static str, title: &str| {
                                    let aria = format!("{label}: {title}");
                                    let (id, reference) = (id.clone(), step.reference.clone());
                                    view! {
                                        <ActionForm action=change attr:class="inline-form">
                                            <input type="hidden" name="id" value=id />
                                            <input type="hidden" name="step" value=reference />
                                            <input type="hidden" name="change" value=change_to />
                                            <button type="submit" class=class aria-label=aria>{label}</button>
                                        </ActionForm>
                                    }
                                };
                                view! {
                                    <li>
                                        <a href=step.href.clone()>{step.title.clone()}</a>
                                        " "
                                        <span class="hint">{step.kind.clone()}</span>
                                        {step.note.clone().map(|n| view! { " " <span class="tag tag-warn">{n}</span> })}
                                        <span class="step-buttons">
                                            {(!first).then(|| button("up", "Move up", "button button-small button-secondary", &step.title))}
                                            {(!last).then(|| button("down", "Move down", "button button-small button-secondary", &step.title))}
                                            {button("remove", "Remove", "button button-small button-danger", &step.title)}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }}
            <h3>"Add a step"</h3>
            <Form method="GET" action=format!("/learning/paths/{path}") attr:class="library-search" attr:role="search">
                <div class="field library-words">
                    <label for="path-find">"Find resources and events"</label>
                    <input id="path-find" name="find" type="search" value=find_value autocomplete="off" maxlength="100" />
                </div>
                <div class="filter-buttons">
                    <button type="submit" class="button button-secondary">"Find"</button>
                </div>
            </Form>
            {searched.then(|| {
                if candidates.is_empty() {
                    view! { <p class="empty">"Nothing published or upcoming matches those words. Try fewer or different words."</p> }.into_any()
                } else {
                    let path = path.clone();
                    let find = find.clone();
                    view! {
                        <ul class="step-candidates" aria-label="Matching resources and events">
                            {candidates
                                .into_iter()
                                .map(|c| {
                                    let label = format!("Add to the path: {}", c.title);
                                    let (path, find, reference) = (path.clone(), find.clone(), c.reference.clone());
                                    view! {
                                        <li>
                                            <span><span class="candidate-title">{c.title.clone()}</span> " " <span class="hint">{c.kind.clone()}</span></span>
                                            {if c.added {
                                                view! { <span class="tag tag-done">"In the path"</span> }.into_any()
                                            } else {
                                                view! {
                                                    <ActionForm action=change attr:class="inline-form">
                                                        <input type="hidden" name="id" value=path />
                                                        <input type="hidden" name="step" value=reference />
                                                        <input type="hidden" name="change" value="add" />
                                                        <input type="hidden" name="find" value=find />
                                                        <button type="submit" class="button button-small" aria-label=label>"Add"</button>
                                                    </ActionForm>
                                                }
                                                    .into_any()
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            })}
        </section>
    }
}
