//! The reviewer's queue: criteria supervisees have sent for sign-off, with the evidence to
//! read, and the decision form; plus open progression requests.

use leptos::prelude::*;
use leptos_meta::Title;

use super::super::api::{ReviewCriterion, open_cases, review_queue};
use super::super::data::QueueItem;
use super::cases::CaseList;
use crate::auth::roles::Action;
use crate::dates::uk_date;
use crate::portfolio::model::{EvidenceDetail, PROMPTS};
use crate::progression::model::EvidenceKind;
use crate::shell::Guarded;
use crate::ui::{
    ErrorSummary, Notice, count_successes, field_errors, focus_soon, general_error, loaded,
};

#[component]
pub fn ReviewsPage() -> impl IntoView {
    view! {
        <Title text="Reviews" />
        <Guarded action=Action::ViewSupervisees>
            <Reviews />
        </Guarded>
    }
}

#[component]
fn Reviews() -> impl IntoView {
    // Each card has its own action, so a problem shows on the card it belongs to; a decision
    // on any card reloads the queue.
    let changed = RwSignal::new(0u32);
    let queue = Resource::new(move || changed.get(), |_| review_queue());
    let cases = Resource::new(|| (), |_| open_cases());
    let done = Signal::derive(move || {
        (changed.get() > 0).then(|| "Decision recorded. They have been notified.".to_string())
    });
    Effect::new(move |_| {
        if changed.get() > 0 {
            focus_soon("reviews-done");
        }
    });
    view! {
        <section class="page">
            <h1>"Reviews"</h1>
            <p class="lede">
                "Criteria your supervisees have sent for sign-off. Read the evidence, then sign off or return with a comment."
            </p>
            <div id="reviews-done" tabindex="-1">
                <Notice message=done />
            </div>
            {loaded(
                queue,
                move |items| {
                    if items.is_empty() {
                        return view! { <p class="empty">"Nothing is waiting for your review."</p> }.into_any();
                    }
                    let count = items.len();
                    view! {
                        <p class="result-count" role="status">
                            {count} {if count == 1 { " criterion waiting" } else { " criteria waiting" }}
                        </p>
                        <ul class="queue">
                            {items
                                .into_iter()
                                .map(|item| view! { <QueueCard item changed /> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                },
            )}
            <section aria-labelledby="cases-heading">
                <h2 id="cases-heading">"Progression requests"</h2>
                {loaded(cases, |cases| view! { <CaseList cases /> })}
            </section>
        </section>
    }
}

#[component]
fn QueueCard(item: QueueItem, changed: RwSignal<u32>) -> impl IntoView {
    let decide = ServerAction::<ReviewCriterion>::new();
    let prefix = format!("review-{}-{}", item.person_id, item.lineage);
    count_successes(decide.value(), changed);
    let errors = field_errors(decide.value());
    let general = general_error(decide.value());
    let comment_error =
        Signal::derive(move || errors.with(|e| e.get("comment").map(str::to_string)));
    let heading_id = format!("{prefix}-heading");
    let hint_id = format!("{prefix}-comment-hint");
    let error_id = format!("{prefix}-comment-error");
    let labelled_by = heading_id.clone();
    view! {
        <li class="card queue-item" aria-labelledby=labelled_by>
            <h2 id=heading_id class="queue-person">{item.person_name.clone()}</h2>
            <p class="cell-sub">
                {item.domain_name.clone()} " · " {item.level_name.clone()} " · sent " {item.submitted_at.clone()}
            </p>
            <p class="criterion-statement">{item.statement.clone()}</p>
            {(!item.comment.is_empty()).then(|| view! { <blockquote>{item.comment.clone()}</blockquote> })}
            <h3>"Evidence"</h3>
            {item
                .evidence
                .into_iter()
                .map(|e| view! { <EvidenceReading evidence=e /> })
                .collect_view()}
            <ActionForm action=decide attr:class="form" attr:novalidate=true>
                <input type="hidden" name="person_id" value=item.person_id.clone() />
                <input type="hidden" name="lineage" value=item.lineage.clone() />
                <ErrorSummary message=general />
                <fieldset class="field">
                    <legend>"Your decision"</legend>
                    <div class="checkbox">
                        <input type="radio" id=format!("{prefix}-sign") name="verdict" value="sign_off" checked=true />
                        <label for=format!("{prefix}-sign")>"Sign off"</label>
                    </div>
                    <div class="checkbox">
                        <input type="radio" id=format!("{prefix}-return") name="verdict" value="return" />
                        <label for=format!("{prefix}-return")>"Return with a comment"</label>
                    </div>
                </fieldset>
                <div class="field" class:field-invalid=move || comment_error.with(Option::is_some)>
                    <label for=format!("{prefix}-comment")>"Comment"</label>
                    <p class="hint" id=hint_id.clone()>"Needed when you return it: say what would make it ready."</p>
                    {
                        let error_id = error_id.clone();
                        move || comment_error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })
                    }
                    <textarea
                        id=format!("{prefix}-comment")
                        name="comment"
                        rows="3"
                        aria-invalid=move || comment_error.with(Option::is_some).then_some("true")
                        aria-describedby=move || {
                            if comment_error.with(Option::is_some) {
                                format!("{hint_id} {error_id}")
                            } else {
                                hint_id.clone()
                            }
                        }
                    ></textarea>
                </div>
                <button type="submit" class="button">"Record decision"</button>
            </ActionForm>
        </li>
    }
}

/// Evidence in full, as a reviewer reads it.
#[component]
pub fn EvidenceReading(evidence: EvidenceDetail) -> impl IntoView {
    let kind = EvidenceKind::from_key(&evidence.kind)
        .map(|k| k.label())
        .unwrap_or("Evidence");
    let answers: Vec<(&'static str, String)> = PROMPTS
        .iter()
        .map(|(field, question)| (*question, evidence.prompt(field).to_string()))
        .filter(|(_, answer)| !answer.is_empty())
        .collect();
    view! {
        <details class="evidence-reading">
            <summary>{evidence.title.clone()} " (" {kind} ", " {uk_date(&evidence.date)} ")"</summary>
            <dl class="answers">
                {answers
                    .into_iter()
                    .map(|(q, a)| view! { <dt>{q}</dt> <dd>{a}</dd> })
                    .collect_view()}
            </dl>
            {evidence
                .link
                .clone()
                .map(|link| {
                    let text = link.clone();
                    view! { <p><a href=link rel="noopener noreferrer" target="_blank">{text}" (opens in a new tab)"</a></p> }
                })}
        </details>
    }
}
