//! Import pages: `/admin/imports` to upload a file, `/admin/imports/:id` for its dry run and
//! the button that applies it.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{ApplyImport, imports_overview, review_import};
use super::model::{ImportKind, ImportReview, ImportsView, Outcome, columns};
use crate::auth::roles::Action;
use crate::shell::Guarded;
use crate::ui::{ErrorSummary, general_error, loaded, successes};

/// Messages for the problems an upload is sent back with.
fn problem_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "no_file" => "Choose a CSV file to upload.",
        "no_kind" => "Choose what the file holds: staff or workforce figures.",
        "too_large" => "The file is larger than 5 MB. Split it into smaller files.",
        "unreadable" => "The upload did not arrive whole. Please try again.",
        _ => return None,
    })
}

#[component]
pub fn ImportsPage() -> impl IntoView {
    view! {
        <Title text="Import from CSV" />
        <Guarded action=Action::UseOwnAccount>
            <Imports />
        </Guarded>
    }
}

#[component]
fn Imports() -> impl IntoView {
    let query = use_query_map();
    let problem = Signal::derive(move || {
        query.with(|q| {
            q.get("problem")
                .and_then(|p| problem_text(&p))
                .map(str::to_string)
        })
    });
    let data = Resource::new(|| (), |_| imports_overview());
    view! {
        <section class="page">
            <h1>"Import from CSV"</h1>
            <p class="lede">"Upload a file exported from your HR or performance system. Pathway checks every row first and shows what would be created, changed and refused; nothing changes until you apply it, and then the whole file is applied or none of it."</p>
            <ErrorSummary message=problem />
            {loaded(data, |view: ImportsView| view! { <ImportsBody view /> })}
        </section>
    }
}

#[component]
fn ImportsBody(view: ImportsView) -> impl IntoView {
    view! {
        {view.can_staff.then(|| view! { <UploadCard kind=ImportKind::Staff /> })}
        {view.can_figures.then(|| view! { <UploadCard kind=ImportKind::Figures /> })}
        <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">"Recent uploads"</h2>
            {if view.recent.is_empty() {
                view! { <p class="empty">"Nothing has been uploaded yet."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Recent uploads">
                        <table class="table">
                            <thead><tr><th scope="col">"File"</th><th scope="col">"Holds"</th><th scope="col">"Uploaded"</th><th scope="col">"Status"</th></tr></thead>
                            <tbody>
                                {view.recent.into_iter().map(|i| view! {
                                    <tr>
                                        <th scope="row"><a href=format!("/admin/imports/{}", i.id)>{i.file_name.clone()}</a></th>
                                        <td>{i.kind.label()}</td>
                                        <td>{format!("{} by {}", i.uploaded, i.uploaded_by)}</td>
                                        <td>{i.applied.clone().unwrap_or_else(|| "Checked, not applied".into())}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn UploadCard(kind: ImportKind) -> impl IntoView {
    let key = kind.key();
    let heading_id = format!("upload-{key}");
    let labelled = heading_id.clone();
    let input_id = format!("file-{key}");
    let hint_id = format!("file-{key}-hint");
    let (title, intro) = match kind {
        ImportKind::Staff => (
            "Staff",
            "People, their teams, roles, line managers and career levels. People are matched by email; a blank cell leaves what is stored, and people not in the file are left alone. Imported people sign in once an admin sets their password.",
        ),
        ImportKind::Figures => (
            "Workforce figures",
            "Each team's figures for a quarter, one row per team and quarter. A row for a quarter already stored replaces it.",
        ),
    };
    view! {
        <section class="card" aria-labelledby=labelled>
            <h2 id=heading_id>{title}</h2>
            <p>{intro}</p>
            <details>
                <summary>"The columns"</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{title} columns")>
                    <table class="table">
                        <thead><tr><th scope="col">"Column"</th><th scope="col">"Needed"</th><th scope="col">"What goes in it"</th></tr></thead>
                        <tbody>
                            {columns(kind).iter().map(|(name, required, help)| view! {
                                <tr><th scope="row"><code>{*name}</code></th><td>{if *required { "Yes" } else { "No" }}</td><td>{*help}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p><a href=format!("/admin/imports/template/{key}.csv") download="">"Download a template"</a></p>
            </details>
            // A plain multipart post: the browser sends the file, the server answers with the dry run.
            <form method="post" action="/admin/imports/upload" enctype="multipart/form-data" class="form" data-testid=format!("upload-{key}")>
                <input type="hidden" name="kind" value=key />
                <div class="field">
                    <label for=input_id.clone()>"CSV file"</label>
                    <p class="hint" id=hint_id.clone()>"Saved as \"CSV UTF-8\", up to 5 MB."</p>
                    <input id=input_id type="file" name="file" accept=".csv,text/csv" required=true aria-describedby=hint_id />
                </div>
                <button type="submit" class="button">"Upload and check"</button>
            </form>
        </section>
    }
}

#[component]
pub fn ImportReviewPage() -> impl IntoView {
    view! {
        <Title text="Check an import" />
        <Guarded action=Action::UseOwnAccount>
            <Review />
        </Guarded>
    }
}

#[component]
fn Review() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let apply = ServerAction::<ApplyImport>::new();
    let applied = successes(apply.value());
    let data = Resource::new(
        move || (id.get(), applied.get()),
        |(id, _)| review_import(id),
    );
    view! {
        <section class="page page-wide">
            <p><a href="/admin/imports">"Back to imports"</a></p>
            <h1>"Check an import"</h1>
            {loaded(data, move |review: ImportReview| view! { <ReviewBody review apply /> })}
        </section>
    }
}

#[component]
fn ReviewBody(review: ImportReview, apply: ServerAction<ApplyImport>) -> impl IntoView {
    let general = general_error(apply.value());
    let t = review.tally;
    let id = review.id.clone();
    let status = if let Some(applied) = &review.applied {
        applied.clone()
    } else if review.problem.is_some() {
        "The file could not be read, so nothing can be applied.".to_string()
    } else if t.refuse > 0 {
        format!(
            "{} rows are refused. Nothing will be written until every row is accepted: fix them and upload the file again.",
            t.refuse
        )
    } else if t.create + t.change == 0 {
        "Everything in this file is already in Pathway. Applying it would change nothing."
            .to_string()
    } else {
        "Every row is accepted. Nothing has changed yet: apply the file to make these changes."
            .to_string()
    };
    view! {
        <p class="lede">{format!("{}: {}, uploaded {} by {}.", review.kind.label(), review.file_name, review.uploaded, review.uploaded_by)}</p>
        {review.problem.clone().map(|p| view! { <div class="alert alert-error" role="alert"><p>{p}</p></div> })}
        {review.problem.is_none().then(|| view! {
            <ul class="card-grid tally" data-testid="import-tally">
                <li class="card"><span class="stat-number">{t.create}</span>" to create"</li>
                <li class="card"><span class="stat-number">{t.change}</span>" to change"</li>
                <li class="card"><span class="stat-number">{t.unchanged}</span>" unchanged"</li>
                <li class="card"><span class="stat-number">{t.refuse}</span>" refused"</li>
            </ul>
        })}
        <p role="status" data-testid="import-status">{status}</p>
        <ErrorSummary message=general />
        {review.can_apply.then(|| view! {
            <ActionForm action=apply attr:class="inline-form">
                <input type="hidden" name="id" value=id.clone() />
                <button type="submit" class="button">{format!("Apply: create {} and change {}", t.create, t.change)}</button>
            </ActionForm>
        })}
        {(!review.rows.is_empty()).then(|| view! {
            <div class="table-scroll" tabindex="0" role="region" aria-label="Rows of the file">
                <table class="table" data-testid="import-rows">
                    <caption>"Rows that would change something, and rows refused"</caption>
                    <thead><tr><th scope="col" class="num">"Line"</th><th scope="col">"Row"</th><th scope="col">"Outcome"</th><th scope="col">"Details"</th></tr></thead>
                    <tbody>
                        {review.rows.iter().map(|r| {
                            let class = match r.outcome { Outcome::Refuse => "tag tag-refused", Outcome::Create => "tag tag-new", _ => "tag" };
                            view! {
                                <tr>
                                    <td class="num">{r.line}</td>
                                    <th scope="row">{r.label.clone()}</th>
                                    <td><span class=class>{r.outcome.label()}</span></td>
                                    <td>{if r.detail.is_empty() { view! { <span>"–"</span> }.into_any() } else {
                                        view! { <ul class="plain-list">{r.detail.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul> }.into_any()
                                    }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_upload_problem_has_words() {
        for code in ["no_file", "no_kind", "too_large", "unreadable"] {
            assert!(problem_text(code).is_some(), "{code}");
        }
        assert_eq!(problem_text("<script>"), None);
    }
}
