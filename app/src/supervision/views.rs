//! The supervision page: how one's own supervision stands, how each supervisee's stands,
//! the sessions with their notes (for the pair only), and the form to record one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{DeleteSupervision, RecordSupervision, my_supervision};
use super::model::{Cadence, SUPERVISION_KINDS, Session, SupervisionLog, kind_label};
use crate::auth::roles::Action;
use crate::dates::uk_date;
use crate::people::model::Choice;
use crate::shell::Guarded;
use crate::ui::{
    ErrorSummary, Field, Notice, SelectField, TextArea, choices, field_errors, general_error,
    loaded, successes,
};

#[component]
pub fn SupervisionPage() -> impl IntoView {
    view! {
        <Title text="Supervision" />
        <Guarded action=Action::UseOwnAccount>
            <Supervision />
        </Guarded>
    }
}

#[component]
fn Supervision() -> impl IntoView {
    let query = use_query_map();
    let record = ServerAction::<RecordSupervision>::new();
    let delete = ServerAction::<DeleteSupervision>::new();
    let saved = successes(record.value());
    let deleted = successes(delete.value());
    let data = Resource::new(move || (saved.get(), deleted.get()), |_| my_supervision());
    let done = Signal::derive(move || {
        if saved.get() > 0 {
            return Some("Supervision recorded.".to_string());
        }
        if deleted.get() > 0 {
            return Some("Supervision deleted.".to_string());
        }
        query.with(|q| match q.get("done").as_deref() {
            Some("saved") => Some("Supervision recorded.".to_string()),
            Some("deleted") => Some("Supervision deleted.".to_string()),
            _ => None,
        })
    });
    view! {
        <section class="page">
            <h1>"Supervision"</h1>
            <p class="lede">
                "Sessions and their notes are seen only by the two people in them. Newly qualified social workers are supervised weekly for their first 6 weeks, fortnightly to 6 months, then monthly, like everyone else."
            </p>
            <Notice message=done />
            {loaded(data, move |log: SupervisionLog| {
                let can_record = !log.counterparts.is_empty();
                view! {
                    {log.mine.clone().map(|mine| view! { <OwnCadence cadence=mine /> })}
                    {(!log.supervisees.is_empty())
                        .then(|| view! { <SuperviseeCadences cadences=log.supervisees.clone() /> })}
                    {can_record.then(|| view! { <RecordForm log=log.clone() action=record /> })}
                    <Sessions sessions=log.sessions.clone() action=delete />
                }
            })}
        </section>
    }
}

fn flag_class(cadence: &Cadence) -> &'static str {
    if cadence.behind() {
        "tag tag-danger"
    } else {
        "tag tag-done"
    }
}

#[component]
fn OwnCadence(cadence: Cadence) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="own-heading">
            <h2 id="own-heading">"My supervision"</h2>
            <p class="status-line">
                <span class=flag_class(&cadence) data-testid="own-supervision">{cadence.state_label()}</span>
            </p>
            <p>
                {cadence.every_label()} " supervision expected. "
                {match &cadence.last {
                    Some(last) => format!("Last session {}.", uk_date(last)),
                    None => "No session recorded yet.".to_string(),
                }}
            </p>
        </section>
    }
}

#[component]
fn SuperviseeCadences(cadences: Vec<Cadence>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="supervisees-heading">
            <h2 id="supervisees-heading">"People I supervise"</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Supervision of the people I supervise">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Expected"</th>
                            <th scope="col">"Last session"</th>
                            <th scope="col">"Status"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {cadences
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <tr>
                                        <th scope="row">{c.person_name.clone()}</th>
                                        <td>{c.every_label()}</td>
                                        <td>{c.last.as_deref().map(uk_date).unwrap_or_else(|| "None".into())}</td>
                                        <td><span class=flag_class(&c)>{c.state_label()}</span></td>
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
fn RecordForm(log: SupervisionLog, action: ServerAction<RecordSupervision>) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let today = log.today.clone();
    let with: Vec<Choice> = log
        .counterparts
        .iter()
        .map(|c| Choice {
            id: c.value.clone(),
            label: c.label.clone(),
        })
        .collect();
    let kinds = choices(SUPERVISION_KINDS);
    view! {
        <section class="card" aria-labelledby="record-heading">
            <h2 id="record-heading">"Record a session"</h2>
            <ErrorSummary message=general />
            <ActionForm action attr:class="form" attr:novalidate=true>
                <SelectField label="With" name="form[with]" error_key="with" errors options=with selected=None empty="Choose who it was with" />
                <Field label="Date" name="form[held_on]" error_key="held_on" kind="date" errors value=today required=true />
                <Field label="Length in minutes" name="form[minutes]" error_key="minutes" kind="number" errors value="60".to_string() required=true />
                <SelectField label="Kind" name="form[kind]" error_key="kind" errors options=kinds selected=Some("individual".to_string()) />
                <TextArea label="Notes" name="form[notes]" error_key="notes" errors rows=6 hint="Seen only by you and the other person in the session." />
                <button type="submit" class="button">"Record supervision"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Sessions(sessions: Vec<Session>, action: ServerAction<DeleteSupervision>) -> impl IntoView {
    let general = general_error(action.value());
    view! {
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">"Sessions"</h2>
            <ErrorSummary message=general />
            {if sessions.is_empty() {
                view! { <p class="empty">"No supervision recorded yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="record-list">
                        {sessions.into_iter().map(|s| view! { <SessionItem session=s action /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn SessionItem(session: Session, action: ServerAction<DeleteSupervision>) -> impl IntoView {
    let id = session.id.clone();
    view! {
        <li class="record">
            <h3 class="record-title">
                {uk_date(&session.held_on)} ": " {kind_label(&session.kind).to_string()} " supervision"
            </h3>
            <p class="record-meta">
                {session.supervisor_name.clone()} " with " {session.supervisee_name.clone()} " · " {session.minutes} " minutes"
            </p>
            {(!session.notes.is_empty()).then(|| view! { <p class="pre-wrap">{session.notes.clone()}</p> })}
            <div class="button-row">
                <a href=format!("/cpd/new?supervision={}", session.id)>"Make a CPD record from this"</a>
                {session.mine.then(|| {
                    view! {
                        <ActionForm action>
                            <input type="hidden" name="id" value=id.clone() />
                            <button type="submit" class="button button-secondary button-small">"Delete"</button>
                        </ActionForm>
                    }
                })}
            </div>
        </li>
    }
}
