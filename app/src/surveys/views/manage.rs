//! The learning lead's survey pages: every survey with its response rate, starting one from a
//! template, and the builder (details, questions in order, publishing). Every control is a
//! plain form, so it all works with a keyboard and before the wasm loads.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::auth::roles::Action;
use crate::shell::Guarded;
use crate::surveys::api::{
    ChangeQuestion, CreateSurvey, NewSurveyWave, PublishSurvey, RemindSurvey, SaveQuestion,
    SaveSurveyDetails, SetFollowUp, manage_surveys, survey_editor,
};
use crate::surveys::design::{AudienceKind, Question, QuestionForm};
use crate::surveys::measures::{percent_tenths, show_percent};
use crate::surveys::model::{EditorView, ManageView, Named, Status};
use crate::ui::{
    ErrorSummary, Field, Notice, TextArea, field_errors, general_error, loaded, successes,
};

#[component]
pub fn ManageSurveysPage() -> impl IntoView {
    view! {
        <Title text="Build and publish surveys" />
        <Guarded action=Action::CurateLearning>
            <ManageList />
        </Guarded>
    }
}

#[component]
fn ManageList() -> impl IntoView {
    let create = ServerAction::<CreateSurvey>::new();
    let follow = ServerAction::<SetFollowUp>::new();
    let changed = successes(follow.value());
    let query = use_query_map();
    let list = Resource::new(move || changed.get(), |_| manage_surveys());
    let notice = Signal::derive(move || {
        (changed.get() > 0 || query.with(|q| q.get("done").as_deref() == Some("follow_up")))
            .then(|| "Follow-up delay saved. It applies to events whose attendance is marked from now on.".to_string())
    });
    view! {
        <section class="page">
            <p><a href="/surveys">"Back to surveys"</a></p>
            <h1>"Build and publish surveys"</h1>
            <Notice message=notice />
            {loaded(list, move |m: ManageView| view! { <ManageBody view=m create follow /> })}
        </section>
    }
}

#[component]
fn ManageBody(
    view: ManageView,
    create: ServerAction<CreateSurvey>,
    follow: ServerAction<SetFollowUp>,
) -> impl IntoView {
    let create_errors = field_errors(create.value());
    let create_general = general_error(create.value());
    let follow_errors = field_errors(follow.value());
    let ManageView {
        rows,
        templates,
        follow_up_days,
    } = view;
    let empty = rows.is_empty();
    view! {
        <section class="card" aria-labelledby="all-heading">
            <h2 id="all-heading">"Surveys"</h2>
            {if empty {
                view! { <p class="empty">"No surveys yet. Start one below."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="table">
                            <caption class="visually-hidden">"Every survey, newest first"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Survey"</th>
                                    <th scope="col">"Kind"</th>
                                    <th scope="col">"Status"</th>
                                    <th scope="col">"Open"</th>
                                    <th scope="col">"Responses"</th>
                                    <th scope="col">"Response rate"</th>
                                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let dates = if r.opens.is_empty() { "Not set".to_string() } else { format!("{} to {}", r.opens, r.closes) };
                                    let published = r.status != Status::Draft;
                                    let results_label = format!("Results: {}", r.title);
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                <a href=format!("/surveys/{}/edit", r.id)>{r.title.clone()}</a>
                                                {(r.wave > 1).then(|| view! { <span class="cell-sub">{format!("Wave {}", r.wave)}</span> })}
                                            </th>
                                            <td>{r.purpose}</td>
                                            <td><span class=status_class(r.status)>{r.status.label()}</span></td>
                                            <td>{dates}</td>
                                            <td>{if published { r.responses.to_string() } else { "–".into() }}</td>
                                            <td>{if published { show_percent(percent_tenths(r.responses, r.invited)) } else { "–".into() }}</td>
                                            <td>{published.then(|| view! { <a href=format!("/surveys/{}/results", r.id) aria-label=results_label>"Results"</a> })}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
        <section class="card" aria-labelledby="new-heading">
            <h2 id="new-heading">"Start a survey"</h2>
            <ErrorSummary message=create_general />
            <ActionForm action=create attr:class="form" attr:novalidate=true>
                <fieldset class="field" class:field-invalid=move || create_errors.with(|e| e.get("template").is_some())>
                    <legend>"Start from"</legend>
                    {move || create_errors.with(|e| e.get("template").map(|m| view! { <p class="field-error">{m.to_string()}</p> }))}
                    {templates.into_iter().enumerate().map(|(i, (key, label, about))| {
                        let control = format!("template-{key}");
                        let hint = format!("{control}-hint");
                        view! {
                            <div class="choice choice-described">
                                <input type="radio" id=control.clone() name="template" value=key checked={i == 0} aria-describedby=hint.clone() />
                                <label for=control>{label}</label>
                                <p class="hint" id=hint>{about}</p>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="button">"Create draft"</button>
            </ActionForm>
        </section>
        <section class="card" aria-labelledby="follow-heading">
            <h2 id="follow-heading">"Practice impact follow-up"</h2>
            <p>"Each event's attendees are asked whether it changed their practice this many days after it ends (Kirkpatrick level 3; 60 to 90 days is usual). Their end-of-session evaluation is asked as soon as attendance is marked."</p>
            <ActionForm action=follow attr:class="form inline-fields" attr:novalidate=true>
                <Field label="Days after the event" name="days" errors=follow_errors value=follow_up_days.to_string() kind="number" />
                <button type="submit" class="button button-secondary">"Save"</button>
            </ActionForm>
        </section>
    }
}

pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::Open => "tag tag-ok",
        Status::Scheduled => "tag tag-warn",
        Status::Draft => "tag tag-muted",
        Status::Closed => "tag",
    }
}

#[component]
pub fn SurveyEditPage() -> impl IntoView {
    view! {
        <Title text="Survey builder" />
        <Guarded action=Action::CurateLearning>
            <Editor />
        </Guarded>
    }
}

#[derive(Clone, Copy)]
struct Actions {
    details: ServerAction<SaveSurveyDetails>,
    question: ServerAction<SaveQuestion>,
    change: ServerAction<ChangeQuestion>,
    publish: ServerAction<PublishSurvey>,
    wave: ServerAction<NewSurveyWave>,
    remind: ServerAction<RemindSurvey>,
}

#[component]
fn Editor() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let actions = Actions {
        details: ServerAction::new(),
        question: ServerAction::new(),
        change: ServerAction::new(),
        publish: ServerAction::new(),
        wave: ServerAction::new(),
        remind: ServerAction::new(),
    };
    let changed = RwSignal::new(0u32);
    crate::ui::count_successes(actions.details.value(), changed);
    crate::ui::count_successes(actions.question.value(), changed);
    crate::ui::count_successes(actions.change.value(), changed);
    crate::ui::count_successes(actions.publish.value(), changed);
    crate::ui::count_successes(actions.remind.value(), changed);
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    // The question being edited is part of the key, so following an Edit link re-renders the form.
    let editing = move || query.with(|q| q.get("edit"));
    let editor = Resource::new(
        move || (id(), changed.get(), editing()),
        |(id, _, _)| survey_editor(id),
    );
    let notice = Signal::derive(move || {
        query.with(|q| match q.get("done").as_deref() {
            Some("created") => {
                Some("Draft created. Change anything below, preview it, then publish.".to_string())
            }
            Some("saved") => Some("Details saved.".to_string()),
            Some("question_added") => Some("Question added at the end.".to_string()),
            Some("question_saved") => Some("Question saved.".to_string()),
            Some("question_moved") => Some("Question moved.".to_string()),
            Some("question_removed") => Some("Question removed.".to_string()),
            Some("published") => Some(
                "Published. The people it is for are told in Pathway when it opens.".to_string(),
            ),
            Some("new_wave") => Some(
                "A new wave with the same questions. Set its dates and publish it.".to_string(),
            ),
            Some("reminded") => Some(format!(
                "Reminders sent: {}.",
                q.get("sent").unwrap_or_else(|| "0".into())
            )),
            _ => None,
        })
    });
    view! {
        <section class="page">
            <p><a href="/surveys/manage">"Back to surveys"</a></p>
            <Notice message=notice />
            {loaded(editor, move |e: EditorView| view! { <EditorBody editor=e actions /> })}
        </section>
    }
}

#[component]
fn EditorBody(editor: EditorView, actions: Actions) -> impl IntoView {
    let query = use_query_map();
    let details_errors = field_errors(actions.details.value());
    let details_general = general_error(actions.details.value());
    let change_general = general_error(actions.change.value());
    let wave_general = general_error(actions.wave.value());
    let remind_general = general_error(actions.remind.value());
    let draft = editor.status == Status::Draft;
    let id = editor.id.clone();
    let editing_key = query.with_untracked(|q| q.get("edit")).unwrap_or_default();
    let editing = editor
        .questions
        .iter()
        .find(|q| q.key == editing_key)
        .cloned();
    let heading = editor.title.clone();
    let count = editor.questions.len();
    let sections = editor.sections.clone();
    view! {
        <Title text=heading.clone() />
        <div class="page-head">
            <h1>{heading} {(editor.wave > 1).then(|| format!(" (wave {})", editor.wave))}</h1>
            <p><span class=status_class(editor.status)>{editor.status.label()}</span> " " {editor.purpose.clone()}</p>
        </div>
        <p class="button-row">
            <a class="button button-secondary" href=format!("/surveys/{id}?preview=1")>"Preview as a respondent"</a>
            {(!draft).then(|| view! { <a class="button button-secondary" href=format!("/surveys/{}/results", id)>"Results"</a> })}
        </p>
        {editor.published.clone().map(|p| {
            let id2 = id.clone();
            let id3 = id.clone();
            view! {
                <section class="card" aria-labelledby="published-heading">
                    <h2 id="published-heading">"Published"</h2>
                    <p>{p} {format!(". {} people invited.", editor.invited)}</p>
                    <p class="hint">"Published questions cannot change, so that results compare across waves."</p>
                    <ErrorSummary message=remind_general />
                    <ErrorSummary message=wave_general />
                    <div class="button-row">
                        {(editor.status == Status::Open).then(|| view! {
                            <ActionForm action=actions.remind attr:class="inline-form">
                                <input type="hidden" name="id" value=id2.clone() />
                                <button type="submit" class="button button-secondary">"Remind people who have not answered"</button>
                            </ActionForm>
                        })}
                        <ActionForm action=actions.wave attr:class="inline-form">
                            <input type="hidden" name="id" value=id3 />
                            <button type="submit" class="button button-secondary">"Run again as a new wave"</button>
                        </ActionForm>
                    </div>
                </section>
            }
        })}
        {draft.then(|| {
            let details = editor.details.clone();
            let id = id.clone();
            view! {
                <section class="card" aria-labelledby="details-heading">
                    <h2 id="details-heading">"Details"</h2>
                    <ErrorSummary message=details_general />
                    <ActionForm action=actions.details attr:class="form" attr:novalidate=true>
                        <input type="hidden" name="id" value=id />
                        <Field label="Title" name="form[title]" error_key="title" errors=details_errors value=details.title required=true />
                        <TextArea label="Introduction" name="form[intro]" error_key="intro" errors=details_errors value=details.intro rows=3 hint="Shown above the questions. Say why you are asking and that answers are anonymous." />
                        <TextArea label="Sections" name="form[sections]" error_key="sections" errors=details_errors value=details.sections rows=3 required=true hint="One section title per line, in order." />
                        <button type="submit" class="button">"Save details"</button>
                    </ActionForm>
                </section>
            }
        })}
        <section class="card" aria-labelledby="questions-heading" id="questions">
            <h2 id="questions-heading" tabindex="-1">"Questions " <span class="badge-count">{format!("({count})")}</span></h2>
            <ErrorSummary message=change_general />
            {if editor.questions.is_empty() {
                view! { <p class="empty">"No questions yet. Add the first below."</p> }.into_any()
            } else {
                let questions = editor.questions.clone();
                let id = id.clone();
                view! {
                    <ol class="question-list">
                        {questions.iter().enumerate().map(|(i, q)| {
                            let first = i == 0;
                            let last = i + 1 == count;
                            let button = |change: &'static str, label: &'static str, class: &'static str| {
                                let aria = format!("{label}: {}", q.text);
                                let (id, key) = (id.clone(), q.key.clone());
                                view! {
                                    <ActionForm action=actions.change attr:class="inline-form">
                                        <input type="hidden" name="id" value=id />
                                        <input type="hidden" name="question" value=key />
                                        <input type="hidden" name="change" value=change />
                                        <button type="submit" class=class aria-label=aria>{label}</button>
                                    </ActionForm>
                                }
                            };
                            let edit_label = format!("Edit: {}", q.text);
                            view! {
                                <li>
                                    <span class="question-text">{q.text.clone()}</span>
                                    <span class="hint">
                                        {q.section.clone()} " · " {q.kind.label()}
                                        {if q.required { " · required" } else { " · optional" }}
                                    </span>
                                    {q.headline.map(|h| view! { " " <span class="tag tag-ok">{format!("Headline: {}", h.label())}</span> })}
                                    {draft.then(|| view! {
                                        <span class="step-buttons">
                                            <a class="button button-small button-secondary" href=format!("/surveys/{}/edit?edit={}#question-form", id, q.key) aria-label=edit_label>"Edit"</a>
                                            {(!first).then(|| button("up", "Move up", "button button-small button-secondary"))}
                                            {(!last).then(|| button("down", "Move down", "button button-small button-secondary"))}
                                            {button("remove", "Remove", "button button-small button-danger")}
                                        </span>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
        {draft.then(|| view! { <QuestionEditor id=id.clone() sections editing kinds=editor.kinds.clone() action=actions.question /> })}
        {draft.then(|| view! { <PublishEditor editor=editor.clone() action=actions.publish /> })}
    }
}

#[component]
fn QuestionEditor(
    id: String,
    sections: Vec<String>,
    editing: Option<Question>,
    kinds: Vec<Named>,
    action: ServerAction<SaveQuestion>,
) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let form = editing
        .as_ref()
        .map(QuestionForm::of)
        .unwrap_or_else(|| QuestionForm {
            required: Some("on".into()),
            kind: "likert".into(),
            ..Default::default()
        });
    let key = editing.as_ref().map(|q| q.key.clone()).unwrap_or_default();
    let heading = if editing.is_some() {
        "Edit question"
    } else {
        "Add a question"
    };
    let message = move |k: &'static str| {
        Signal::derive(move || errors.with(|e| e.get(k).map(str::to_string)))
    };
    let (section_msg, kind_msg, headline_msg) =
        (message("section"), message("kind"), message("headline"));
    let selected_section = if form.section.is_empty() {
        sections.first().cloned().unwrap_or_default()
    } else {
        form.section.clone()
    };
    view! {
        <section class="card" aria-labelledby="question-form-heading" id="question-form">
            <h2 id="question-form-heading">{heading}</h2>
            <ErrorSummary message=general />
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id.clone() />
                <input type="hidden" name="question" value=key />
                <div class="field" class:field-invalid=move || section_msg.with(Option::is_some)>
                    <label for="q-section">"Section"</label>
                    {move || section_msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                    <select id="q-section" name="form[section]">
                        {sections.into_iter().map(|s| {
                            let selected = s == selected_section;
                            view! { <option value=s.clone() selected=selected>{s.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field" class:field-invalid=move || kind_msg.with(Option::is_some)>
                    <label for="q-kind">"Kind of question"</label>
                    {move || kind_msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                    <select id="q-kind" name="form[kind]">
                        {kinds.into_iter().map(|k| {
                            let selected = k.key == form.kind;
                            view! { <option value=k.key selected=selected>{k.label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <TextArea label="Question" name="form[text]" error_key="text" errors value=form.text.clone() rows=2 required=true />
                <Field label="Help text (optional)" name="form[help]" error_key="help" errors value=form.help.clone() />
                <TextArea label="Options (choice questions)" name="form[options]" error_key="options" errors value=form.options.clone() rows=4 hint="For one-choice and any-choices questions: one option per line, at least two." />
                <div class="two-col">
                    <Field label="Lowest number" name="form[min]" error_key="min" errors value=form.min.clone() hint="For number questions." />
                    <Field label="Highest number" name="form[max]" error_key="max" errors value=form.max.clone() hint="For number questions." />
                </div>
                <div class="field" class:field-invalid=move || headline_msg.with(Option::is_some)>
                    <label for="q-headline">"Headline measure"</label>
                    <p class="hint" id="q-headline-hint">"Training impact: an agree / disagree question. Recommendation: a yes / no question (the recommendation rate) or a 0 to 10 question (eNPS)."</p>
                    {move || headline_msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                    <select id="q-headline" name="form[headline]" aria-describedby="q-headline-hint">
                        <option value="" selected=form.headline.is_empty()>"None"</option>
                        <option value="impact" selected={form.headline == "impact"}>"Training impact"</option>
                        <option value="recommendation" selected={form.headline == "recommendation"}>"Recommendation"</option>
                    </select>
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="q-required" name="form[required]" checked=form.required.is_some() />
                    <label for="q-required">"Required: people must answer it"</label>
                </div>
                <button type="submit" class="button">{if editing.is_some() { "Save question" } else { "Add question" }}</button>
                {editing.is_some().then(|| view! { " " <a href=format!("/surveys/{id}/edit#questions")>"Cancel"</a> })}
            </ActionForm>
        </section>
    }
}

#[component]
fn PublishEditor(editor: EditorView, action: ServerAction<PublishSurvey>) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let form = editor.publish.clone();
    let message = move |k: &'static str| {
        Signal::derive(move || errors.with(|e| e.get(k).map(str::to_string)))
    };
    let (aud_msg, teams_msg, roles_msg, levels_msg, event_msg) = (
        message("audience"),
        message("teams"),
        message("roles"),
        message("levels"),
        message("event"),
    );
    let ticks = |prefix: &'static str,
                 items: Vec<Named>,
                 chosen: Vec<String>,
                 msg: Signal<Option<String>>,
                 legend: &'static str| {
        view! {
            <fieldset class="field" class:field-invalid=move || msg.with(Option::is_some)>
                <legend>{legend}</legend>
                {move || msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                <div class="choice-columns">
                    {items.into_iter().enumerate().map(|(i, n)| {
                        let control = format!("pub-{prefix}-{}", n.key);
                        let checked = chosen.contains(&n.key);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=control.clone() name=format!("form[{prefix}][{i}]") value=n.key checked=checked />
                                <label for=control>{n.label}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        }
    };
    view! {
        <section class="card" aria-labelledby="publish-heading">
            <h2 id="publish-heading">"Publish"</h2>
            <ErrorSummary message=general />
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=editor.id.clone() />
                <fieldset class="field" class:field-invalid=move || aud_msg.with(Option::is_some)>
                    <legend>"Who it is for"</legend>
                    {move || aud_msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                    {AudienceKind::ALL.into_iter().map(|k| {
                        let control = format!("pub-audience-{}", k.key());
                        view! {
                            <div class="choice">
                                <input type="radio" id=control.clone() name="form[audience]" value=k.key() checked={form.audience == k.key()} />
                                <label for=control>{k.label()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                {ticks("teams", editor.teams.clone(), form.teams.clone(), teams_msg, "Teams or services (for chosen teams)")}
                {ticks("roles", editor.roles.clone(), form.roles.clone(), roles_msg, "Roles (for chosen roles)")}
                {ticks("levels", editor.levels.clone(), form.levels.clone(), levels_msg, "Career levels (for chosen levels)")}
                <div class="field" class:field-invalid=move || event_msg.with(Option::is_some)>
                    <label for="pub-event">"Event (for an event's attendees)"</label>
                    {move || event_msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                    <select id="pub-event" name="form[event]">
                        <option value="">"Choose an event"</option>
                        {editor.events.clone().into_iter().map(|e| {
                            let selected = e.key == form.event;
                            view! { <option value=e.key selected=selected>{e.label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="two-col">
                    <Field label="Opens" name="form[opens]" error_key="opens" errors value=form.opens.clone() kind="date" required=true />
                    <Field label="Closes" name="form[closes]" error_key="closes" errors value=form.closes.clone() kind="date" required=true />
                </div>
                <Field label="Minimum group size for results" name="form[min_group]" error_key="min_group" errors value=form.min_group.clone() kind="number" hint="Results for any group with fewer responses are hidden. 5 is usual; it can never be below 3." />
                <button type="submit" class="button">"Publish"</button>
            </ActionForm>
        </section>
    }
}
