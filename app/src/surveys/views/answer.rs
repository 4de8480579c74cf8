//! The person's own survey pages: the surveys open to them, and answering one. The answer
//! form is plain HTML radios, checkboxes and fields in fieldsets, so it works on a phone,
//! with a keyboard alone and before the wasm loads.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::auth::roles::Action;
use crate::error::FieldErrors;
use crate::shell::Guarded;
use crate::surveys::api::{SubmitSurvey, my_surveys, open_survey};
use crate::surveys::design::{Kind, Question};
use crate::surveys::model::{AnswerState, AnswerView, InboxRow, SurveyInbox};
use crate::ui::{ErrorSummary, Notice, field_errors, general_error, loaded, successes};

#[component]
pub fn SurveysPage() -> impl IntoView {
    view! {
        <Title text="Surveys" />
        <Guarded action=Action::UseOwnAccount>
            <Inbox />
        </Guarded>
    }
}

#[component]
fn Inbox() -> impl IntoView {
    let inbox = Resource::new(|| (), |_| my_surveys());
    view! {
        <section class="page">
            <h1>"Surveys"</h1>
            <p class="lede">"Your answers are anonymous. Pathway records that you have answered, to stop a survey being answered twice and to spare you reminders, but it keeps that apart from your answers and nothing joins them: nobody, admins included, can see who gave which answers. Results are only shown for groups big enough to protect you."</p>
            {loaded(inbox, |i: SurveyInbox| view! { <InboxView inbox=i /> })}
        </section>
    }
}

#[component]
fn InboxView(inbox: SurveyInbox) -> impl IntoView {
    let list = |rows: Vec<InboxRow>, answered: bool| {
        view! {
            <ul class="record-list">
                {rows
                    .into_iter()
                    .map(|r| view! {
                        <li>
                            <a class="record-title" href=format!("/surveys/{}", r.id)>{r.title}</a>
                            <span class="record-meta">{r.purpose} " · " {if answered { "Answered, thank you".to_string() } else { r.closes }}</span>
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
    };
    let open_empty = inbox.open.is_empty();
    let answered_empty = inbox.answered.is_empty();
    view! {
        {(inbox.can_manage || inbox.can_read_results).then(|| view! {
            <p class="button-row">
                {inbox.can_manage.then(|| view! { <a class="button" href="/surveys/manage">"Build and publish surveys"</a> })}
                <a class="button button-secondary" href="/surveys/impact">"Training impact by event"</a>
            </p>
        })}
        <section class="card" aria-labelledby="open-heading">
            <h2 id="open-heading">"Open to you"</h2>
            {if open_empty {
                view! { <p class="empty">"Nothing to answer just now."</p> }.into_any()
            } else {
                list(inbox.open, false).into_any()
            }}
        </section>
        {(!answered_empty).then(|| view! {
            <section class="card" aria-labelledby="answered-heading">
                <h2 id="answered-heading">"Answered"</h2>
                {list(inbox.answered, true)}
            </section>
        })}
    }
}

#[component]
pub fn SurveyPage() -> impl IntoView {
    view! {
        <Title text="Survey" />
        <Guarded action=Action::UseOwnAccount>
            <Answer />
        </Guarded>
    }
}

#[component]
fn Answer() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let submit = ServerAction::<SubmitSurvey>::new();
    let done = successes(submit.value());
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let preview = move || query.with(|q| q.get("preview").is_some());
    let survey = Resource::new(
        move || (id(), preview(), done.get()),
        |(id, preview, _)| open_survey(id, preview),
    );
    let notice = Signal::derive(move || {
        (done.get() > 0 || query.with(|q| q.get("done").as_deref() == Some("answered")))
            .then(|| "Thank you: your answers are saved, anonymously.".to_string())
    });
    view! {
        <section class="page survey-page">
            <p><a href="/surveys">"Back to surveys"</a></p>
            <Notice message=notice />
            {loaded(survey, move |s: AnswerView| view! { <AnswerForm survey=s submit /> })}
        </section>
    }
}

#[component]
fn AnswerForm(survey: AnswerView, submit: ServerAction<SubmitSurvey>) -> impl IntoView {
    let errors = field_errors(submit.value());
    let general = general_error(submit.value());
    let AnswerView {
        id,
        title,
        intro,
        closes,
        state,
        sections,
        min_group,
    } = survey;
    let heading = title.clone();
    let status = match state {
        AnswerState::Answered => Some("You have answered this survey. Thank you.".to_string()),
        AnswerState::Closed => Some("This survey has closed.".to_string()),
        AnswerState::NotYetOpen => Some("This survey is not open yet.".to_string()),
        AnswerState::Preview => {
            Some("Preview: this is what people see. Answers here are not saved.".to_string())
        }
        AnswerState::Open => None,
    };
    let can_answer = matches!(state, AnswerState::Open | AnswerState::Preview);
    let preview = state == AnswerState::Preview;
    let count: usize = sections.iter().map(|s| s.questions.len()).sum();
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        {(!intro.is_empty()).then(|| view! { <p class="lede pre-wrap">{intro}</p> })}
        <p class="hint">
            {(!closes.is_empty()).then(|| format!("Open until {closes}. "))}
            {format!("{count} questions. Questions marked required need an answer. Results are never shown for fewer than {min_group} people.")}
        </p>
        {status.map(|s| view! { <div class="alert alert-info" role="status"><p>{s}</p></div> })}
        {can_answer.then(|| view! {
            <ErrorSummary message=general />
            <ActionForm action=submit attr:class="form survey-form" attr:novalidate=true>
                <input type="hidden" name="id" value=id.clone() />
                {sections
                    .into_iter()
                    .enumerate()
                    .map(|(si, s)| view! {
                        <section class="card survey-section" aria-labelledby=format!("section-{si}")>
                            <h2 id=format!("section-{si}")>{s.title}</h2>
                            {s.questions.into_iter().map(|q| view! { <QuestionInput question=q errors /> }).collect_view()}
                        </section>
                    })
                    .collect_view()}
                {if preview {
                    view! { <p><button type="button" class="button" disabled=true>"Send my answers (preview)"</button></p> }.into_any()
                } else {
                    view! { <p><button type="submit" class="button">"Send my answers"</button></p> }.into_any()
                }}
            </ActionForm>
        })}
    }
}

#[component]
fn QuestionInput(question: Question, errors: Signal<FieldErrors>) -> impl IntoView {
    let key = question.key.clone();
    let error_key = key.clone();
    let message = Signal::derive(move || errors.with(|e| e.get(&error_key).map(str::to_string)));
    let base = format!("q-{key}");
    let hint_id = format!("{base}-hint");
    let error_id = format!("{base}-error");
    let has_hint = !question.help.is_empty();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if message.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let legend = view! {
        <legend>
            {question.text.clone()}
            {if question.required { " (required)" } else { " (optional)" }}
        </legend>
    };
    let hint =
        has_hint.then(|| view! { <p class="hint" id=hint_id.clone()>{question.help.clone()}</p> });
    let error = {
        let error_id = error_id.clone();
        move || {
            message
                .get()
                .map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })
        }
    };
    let options = question.answer_options();
    let name_one = format!("form[one][{key}]");
    let control = match question.kind {
        Kind::Likert | Kind::YesNo | Kind::Single | Kind::Nps => {
            let row = if question.kind == Kind::Nps { "choice-row nps-row" } else if question.kind == Kind::Likert { "choice-row likert-row" } else { "choice-list" };
            view! {
                <div class=row>
                    {options.into_iter().map(|(value, label)| {
                        let control = format!("{base}-{value}");
                        view! {
                            <div class="choice">
                                <input type="radio" id=control.clone() name=name_one.clone() value=value required=question.required />
                                <label for=control>{label}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        Kind::Multi => view! {
            <div class="choice-list">
                {options.into_iter().enumerate().map(|(i, (value, label))| {
                    let control = format!("{base}-{value}");
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=control.clone() name=format!("form[many][{key}][{i}]") value=value />
                            <label for=control>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </div>
        }
        .into_any(),
        Kind::Number => {
            let range = format!("A whole number from {} to {}.", question.min.unwrap_or(0), question.max.unwrap_or(0));
            let control = format!("{base}-number");
            view! {
                <p class="hint">{range}</p>
                <label class="visually-hidden" for=control.clone()>{question.text.clone()}</label>
                <input type="number" inputmode="numeric" class="input-short" id=control name=name_one.clone()
                    min=question.min.map(|n| n.to_string()) max=question.max.map(|n| n.to_string()) step="1"
                    aria-describedby=described.clone() aria-invalid=move || message.with(Option::is_some).then_some("true") />
            }
            .into_any()
        }
        Kind::Text => {
            let control = format!("{base}-text");
            view! {
                <label class="visually-hidden" for=control.clone()>{question.text.clone()}</label>
                <textarea id=control name=name_one.clone() rows="4" maxlength="2000"
                    aria-describedby=described.clone() aria-invalid=move || message.with(Option::is_some).then_some("true")></textarea>
            }
            .into_any()
        }
    };
    view! {
        <fieldset class="field survey-question" class:field-invalid=move || message.with(Option::is_some)
            aria-describedby=described id=base.clone()>
            {legend}
            {hint}
            {error}
            {control}
        </fieldset>
    }
}
