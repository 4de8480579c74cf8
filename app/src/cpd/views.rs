//! CPD pages: the registration year at a glance, the record form (blank or prefilled from
//! evidence or supervision), and the printable record to copy into the regulator's form.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::api::{DeleteCpd, SaveCpd, get_cpd, my_cpd, prefill_cpd};
use super::model::{CPD_KINDS, CpdForm, CpdRecord, CpdYear, kind_label};
use super::rules::{CpdState, CpdStatus, RegistrationYear};
use crate::auth::roles::Action;
use crate::dates::uk_date;
use crate::shell::Guarded;
use crate::ui::{
    ErrorSummary, Field, LoadError, Loading, Notice, SelectField, TextArea, choices, field_errors,
    general_error, loaded,
};

#[component]
pub fn CpdPage() -> impl IntoView {
    view! {
        <Title text="My CPD" />
        <Guarded action=Action::UseOwnAccount>
            <CpdOverview />
        </Guarded>
    }
}

fn year_from_query(value: Option<String>) -> Option<i32> {
    value.and_then(|y| y.parse().ok())
}

pub fn state_class(state: CpdState) -> &'static str {
    match state {
        CpdState::Complete => "tag tag-done",
        CpdState::OnTrack => "tag tag-muted",
        CpdState::AtRisk => "tag tag-danger",
    }
}

/// "7 days to the deadline (30 Nov 2026)", or how long ago it passed.
pub fn deadline_text(status: &CpdStatus) -> String {
    let end = status
        .year
        .end()
        .map(|d| uk_date(&crate::dates::iso(d)))
        .unwrap_or_default();
    match status.days_left {
        d if d < 0 => format!("The deadline ({end}) has passed"),
        0 => format!("The deadline is today ({end})"),
        1 => format!("1 day to the deadline ({end})"),
        d => format!("{d} days to the deadline ({end})"),
    }
}

/// "1 of 2 needed", or once met, "3 (2 needed)".
fn needed(have: u32, need: u32) -> String {
    if have >= need {
        format!("{have} ({need} needed)")
    } else {
        format!("{have} of {need} needed")
    }
}

/// Where a person stands for a registration year, in words and counts.
#[component]
pub fn CpdStatusPanel(status: CpdStatus) -> impl IntoView {
    view! {
        <section class="card cpd-status" aria-labelledby="cpd-status-heading">
            <h2 id="cpd-status-heading">
                "Registration year " {status.year.label()}
            </h2>
            <p class="status-line">
                <span class=state_class(status.state) data-testid="cpd-state">{status.state.label()}</span>
                " " {deadline_text(&status)}
            </p>
            <dl class="facts">
                <div>
                    <dt>"Records this year"</dt>
                    <dd data-testid="cpd-records">{needed(status.records, status.required_records)}</dd>
                </div>
                <div>
                    <dt>"With peer reflection"</dt>
                    <dd data-testid="cpd-peer">{needed(status.peer_reflections, status.required_peer_reflections)}</dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
fn CpdOverview() -> impl IntoView {
    let query = use_query_map();
    let year = Memo::new(move |_| query.with(|q| year_from_query(q.get("year"))));
    let data = Resource::new(move || year.get(), my_cpd);
    let done = Signal::derive(move || {
        query.with(|q| match q.get("done").as_deref() {
            Some("saved") => Some("CPD record saved.".to_string()),
            Some("deleted") => Some("CPD record deleted.".to_string()),
            _ => None,
        })
    });
    view! {
        <section class="page">
            <div class="page-head">
                <h1>"My CPD"</h1>
                <a class="button" href="/cpd/new">"Record CPD"</a>
            </div>
            <p class="lede">
                "Social Work England asks for at least two CPD records each registration year (1 December to 30 November), at least one with peer reflection."
            </p>
            <Notice message=done />
            {loaded(data, move |data: CpdYear| view! { <YearView data /> })}
        </section>
    }
}

#[component]
fn YearView(data: CpdYear) -> impl IntoView {
    let year = data.status.year.0;
    let years = data.years.clone();
    view! {
        <Form method="GET" action="" attr:class="filter-form" attr:aria-label="Choose a registration year">
            <div class="field">
                <label for="cpd-year">"Registration year"</label>
                <select id="cpd-year" name="year">
                    {years
                        .into_iter()
                        .map(|y| {
                            view! { <option value=y.to_string() selected=y == year>{RegistrationYear(y).label()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="filter-buttons">
                <button type="submit" class="button button-secondary">"Show year"</button>
            </div>
        </Form>
        <CpdStatusPanel status=data.status />
        <div class="button-row">
            <a class="button button-secondary" href=format!("/cpd/print?year={year}")>"Printable record for renewal"</a>
            <a class="button button-secondary" href=format!("/export/cpd.csv?year={year}") download="">"Download CSV"</a>
        </div>
        {if data.records.is_empty() {
            view! { <p class="empty">"No CPD recorded for this registration year yet."</p> }.into_any()
        } else {
            view! {
                <ul class="record-list" aria-label="CPD records">
                    {data.records.into_iter().map(|r| view! { <CpdSummary record=r /> }).collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}

#[component]
fn DuplicateWarning(duplicates: Vec<String>) -> impl IntoView {
    (!duplicates.is_empty()).then(|| {
        view! {
            <p class="warning" role="note">
                <strong>"Looks the same as: "</strong>
                {duplicates.join(", ")}
                ". Social Work England does not accept two identical records: make each one about its own learning."
            </p>
        }
    })
}

#[component]
fn CpdSummary(record: CpdRecord) -> impl IntoView {
    view! {
        <li class="record">
            <h2 class="record-title">
                <a href=format!("/cpd/{}", record.id)>{record.title.clone()}</a>
            </h2>
            <p class="record-meta">
                {uk_date(&record.date)} " · " {kind_label(&record.kind).to_string()}
                {record.peer.then(|| view! { " " <span class="tag tag-done">"Peer reflection"</span> })}
                {record.shared.then(|| view! { " " <span class="tag tag-muted">"Shared with my supervisor"</span> })}
            </p>
            <DuplicateWarning duplicates=record.duplicates.clone() />
        </li>
    }
}

#[component]
pub fn CpdEditPage() -> impl IntoView {
    view! {
        <Title text="CPD record" />
        <Guarded action=Action::UseOwnAccount>
            <CpdEdit />
        </Guarded>
    }
}

/// What the form starts from: a saved record, or a draft (blank or prefilled).
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Start {
    id: Option<String>,
    form: CpdForm,
    source: Option<String>,
    source_label: Option<String>,
    duplicates: Vec<String>,
}

#[component]
fn CpdEdit() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.with(|p| p.get("id"));
    let from = move || {
        query.with(|q| super::api::CpdFrom {
            evidence: q.get("evidence"),
            supervision: q.get("supervision"),
            resource: q.get("resource"),
            event: q.get("event"),
        })
    };
    let start = Resource::new(
        move || (id(), from()),
        |(id, from)| async move {
            match id {
                Some(id) => get_cpd(id).await.map(|r| Start {
                    id: Some(r.id.clone()),
                    form: r.form(),
                    source: None,
                    source_label: None,
                    duplicates: r.duplicates,
                }),
                None => prefill_cpd(from.evidence, from.supervision, from.resource, from.event)
                    .await
                    .map(|d| Start {
                        id: None,
                        form: d.form,
                        source: d.source,
                        source_label: d.source_label,
                        duplicates: Vec::new(),
                    }),
            }
        },
    );
    let save = ServerAction::<SaveCpd>::new();
    let delete = ServerAction::<DeleteCpd>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(year)) = save.value().get() {
            navigate(&format!("/cpd?year={year}&done=saved"), Default::default());
        }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            navigate("/cpd?done=deleted", Default::default());
        }
    });
    view! {
        <section class="page">
            <p>
                <a href="/cpd">"Back to my CPD"</a>
            </p>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || {
                    start
                        .get()
                        .map(|result| match result {
                            Ok(start) => {
                                let editing = start.id.clone();
                                view! {
                                    <h1>{if editing.is_some() { "Edit CPD record" } else { "Record CPD" }}</h1>
                                    {start
                                        .source_label
                                        .clone()
                                        .map(|label| view! { <p class="lede">"Started from " {label} ". Check every field before saving."</p> })}
                                    <DuplicateWarning duplicates=start.duplicates.clone() />
                                    <CpdFormView start action=save />
                                    {editing.map(|id| view! { <DeleteCpdForm id action=delete /> })}
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <LoadError error /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn CpdFormView(start: Start, action: ServerAction<SaveCpd>) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let form = start.form.clone();
    let kinds = choices(CPD_KINDS);
    view! {
        <ErrorSummary message=general />
        <ActionForm action attr:class="form form-wide" attr:novalidate=true>
            <input type="hidden" name="id" value=start.id.clone().unwrap_or_default() />
            <input type="hidden" name="source" value=start.source.clone().unwrap_or_default() />
            <SelectField label="Type of CPD" name="form[kind]" error_key="kind" errors options=kinds selected=Some(form.kind.clone()) empty="Choose a type" />
            <Field label="Title" name="form[title]" error_key="title" errors value=form.title.clone() required=true />
            <TextArea label="What was it, and why is it relevant to your practice?" name="form[description]" error_key="description" errors value=form.description.clone() required=true />
            <Field label="Date" name="form[date]" error_key="date" kind="date" errors value=form.date.clone() required=true hint="The date it happened. It decides the registration year the record counts in." />
            <TextArea label="What did you learn?" name="form[learnt]" error_key="learnt" errors value=form.learnt.clone() required=true />
            <TextArea label="What positive impact has it had on your practice and the people you work with?" name="form[impact]" error_key="impact" errors value=form.impact.clone() required=true />
            <fieldset class="field prompts">
                <legend>"Peer reflection (optional)"</legend>
                <p class="hint">
                    "Each year at least one record needs reflection with a peer: supervision, group supervision, a team reflective meeting or a talk with a colleague."
                </p>
                <Field label="Who did you discuss it with?" name="form[peer_with]" error_key="peer_with" errors value=form.peer_with.clone() hint="A role is enough, like \u{201c}my practice supervisor\u{201d}." />
                <Field label="When?" name="form[peer_date]" error_key="peer_date" kind="date" errors value=form.peer_date.clone() />
                <TextArea label="What did you learn from the discussion?" name="form[peer_learnt]" error_key="peer_learnt" errors value=form.peer_learnt.clone() />
            </fieldset>
            <div class="checkbox">
                <input type="checkbox" id="field-shared" name="form[shared]" checked=form.shared.is_some() aria-describedby="field-shared-hint" />
                <label for="field-shared">"Let my supervisor read this record"</label>
            </div>
            <p class="hint" id="field-shared-hint">
                "Your supervisor always sees how many records you have and whether you are on track; they read the text only if you tick this."
            </p>
            <button type="submit" class="button">"Save CPD record"</button>
        </ActionForm>
    }
}

#[component]
fn DeleteCpdForm(id: String, action: ServerAction<DeleteCpd>) -> impl IntoView {
    let general = general_error(action.value());
    view! {
        <section class="card danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete this record"</h2>
            <p>"Deleting cannot be undone."</p>
            <ErrorSummary message=general />
            <ActionForm action>
                <input type="hidden" name="id" value=id />
                <button type="submit" class="button button-danger">"Delete CPD record"</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn CpdPrintPage() -> impl IntoView {
    view! {
        <Title text="CPD record for renewal" />
        <Guarded action=Action::UseOwnAccount>
            <CpdPrint />
        </Guarded>
    }
}

#[component]
fn CpdPrint() -> impl IntoView {
    let query = use_query_map();
    let year = Memo::new(move |_| query.with(|q| year_from_query(q.get("year"))));
    let data = Resource::new(move || year.get(), my_cpd);
    view! {
        <section class="page print-page">
            <p class="no-print">
                <a href="/cpd">"Back to my CPD"</a>
            </p>
            {loaded(data, move |data: CpdYear| {
                let year = data.status.year;
                view! {
                    <h1>"CPD record: " {data.person_name.clone()}</h1>
                    <p class="lede">
                        "Registration year " {year.label()} ". " {data.status.records} " records, "
                        {data.status.peer_reflections} " with peer reflection. Laid out in the order of Social Work England's form."
                    </p>
                    <p class="no-print">
                        <button type="button" class="button" on:click=|_| print_page()>"Print"</button>
                    </p>
                    {if data.records.is_empty() {
                        view! { <p class="empty">"No CPD recorded for this registration year."</p> }.into_any()
                    } else {
                        data.records
                            .into_iter()
                            .enumerate()
                            .map(|(i, r)| view! { <PrintedRecord number=i + 1 record=r /> })
                            .collect_view()
                            .into_any()
                    }}
                }
            })}
        </section>
    }
}

fn print_page() {
    #[cfg(feature = "hydrate")]
    if let Some(window) = leptos::web_sys::window() {
        let _ = window.print();
    }
}

#[component]
fn PrintedRecord(number: usize, record: CpdRecord) -> impl IntoView {
    let row = |label: &'static str, value: String| {
        view! {
            <div class="print-field">
                <dt>{label}</dt>
                <dd>{if value.trim().is_empty() { "—".to_string() } else { value }}</dd>
            </div>
        }
    };
    view! {
        <article class="print-record" aria-labelledby=format!("record-{number}")>
            <h2 id=format!("record-{number}")>{format!("Record {number}: {}", record.title)}</h2>
            <dl>
                {row("Type of CPD", kind_label(&record.kind).to_string())}
                {row("Title", record.title.clone())}
                {row("Description and why it is relevant", record.description.clone())}
                {row("Date", uk_date(&record.date))}
                {row("What I learnt", record.learnt.clone())}
                {row("The impact on my practice and the people I work with", record.impact.clone())}
                {row("Peer reflection: with whom", record.peer_with.clone())}
                {row("Peer reflection: when", if record.peer_date.is_empty() { String::new() } else { uk_date(&record.peer_date) })}
                {row("Peer reflection: what I learnt from the discussion", record.peer_learnt.clone())}
            </dl>
        </article>
    }
}

#[component]
pub fn SuperviseeCpdPage() -> impl IntoView {
    view! {
        <Title text="CPD" />
        <Guarded action=Action::ViewSupervisees>
            <SuperviseeCpd />
        </Guarded>
    }
}

/// A supervisee's registration year: counts and status always, the text of shared records.
#[component]
fn SuperviseeCpd() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                params.with(|p| p.get("id").unwrap_or_default()),
                query.with(|q| year_from_query(q.get("year"))),
            )
        },
        |(id, year)| super::api::supervisee_cpd(id, year),
    );
    view! {
        <section class="page">
            <p>
                <a href="/team">"Back to my team"</a>
            </p>
            {loaded(data, move |data: CpdYear| {
                view! {
                    <h1>"CPD: " {data.person_name.clone()}</h1>
                    <CpdStatusPanel status=data.status />
                    <h2>"Records shared with you"</h2>
                    {if data.records.is_empty() {
                        view! { <p class="empty">"They have not shared the text of any record this year. You see how many they have and whether they are on track."</p> }.into_any()
                    } else {
                        data.records
                            .into_iter()
                            .enumerate()
                            .map(|(i, r)| view! { <PrintedRecord number=i + 1 record=r /> })
                            .collect_view()
                            .into_any()
                    }}
                }
            })}
        </section>
    }
}
