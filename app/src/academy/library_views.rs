//! Library pages: search with filters, a resource with the learner's actions, the curator's
//! form and the curator's board. Every form also works as a plain HTML post before the wasm
//! loads; links carry the whole search, so results can be bookmarked and shared.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::library_api::{
    BookmarkResource, MarkResourceDone, RateResource, SaveResource, SetResourceStatus,
    get_resource, library_board, resource_choices, search_library,
};
use super::model::{
    BoardRow, CuratorBoard, Facet, FormChoices, ResourceDetail, ResourceHit, SearchResults,
};
use super::resource::{Freshness, RESOURCE_KINDS, ResourceForm};
use super::search::{FacetName, LibraryQuery, Segment, Sort};
use crate::auth::roles::Action;
use crate::dates::uk_date;
use crate::shell::Guarded;
use crate::ui::{
    ErrorSummary, Field, LoadError, Loading, Notice, Pagination, SelectField, TextArea, choices,
    field_errors, general_error, loaded, successes,
};

/// Text with the matched words marked, as text (never as HTML).
#[component]
pub fn Highlighted(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| {
            if s.mark {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    view! {
        <Title text="Library" />
        <Guarded action=Action::UseOwnAccount>
            <LibrarySearch />
        </Guarded>
    }
}

#[component]
fn LibrarySearch() -> impl IntoView {
    let query = use_query_map();
    let wanted = Memo::new(move |_| query.with(|q| LibraryQuery::from_params(|k| q.get(k))));
    let results = Resource::new(move || wanted.get(), search_library);
    view! {
        <section class="page library">
            <h1>"Library"</h1>
            <p class="lede">
                "Guides, research, tools, policies and courses for practice, in one place. Search, or narrow the list with the filters."
            </p>
            {loaded(results, move |results: SearchResults| view! { <ResultsView results /> })}
        </section>
    }
}

#[component]
fn SearchForm(query: LibraryQuery, sort: String, can_curate: bool) -> impl IntoView {
    let hidden: Vec<(&'static str, String)> = FacetName::ALL
        .into_iter()
        .map(|f| (f.param(), query.facet(f).to_string()))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let status = query.status.clone();
    view! {
        <Form method="GET" action="/library" attr:class="library-search" attr:role="search">
            <div class="field library-words">
                <label for="library-q">"Search the library"</label>
                <input id="library-q" name="q" type="search" value=query.q.clone() autocomplete="off" maxlength="200" />
            </div>
            <div class="field">
                <label for="library-sort">"Sort by"</label>
                <select id="library-sort" name="sort">
                    {Sort::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.key() selected=sort == s.key()>{s.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            {can_curate.then(|| view! {
                <div class="field">
                    <label for="library-status">"Status"</label>
                    <select id="library-status" name="status">
                        {[("", "Published"), ("draft", "Drafts"), ("unpublished", "Unpublished"), ("retired", "Retired"), ("all", "Any status")]
                            .into_iter()
                            .map(|(k, label)| view! { <option value=k selected=status == k>{label}</option> })
                            .collect_view()}
                    </select>
                </div>
            })}
            {hidden.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value /> }).collect_view()}
            <div class="filter-buttons">
                <button type="submit" class="button">"Search"</button>
            </div>
        </Form>
    }
}

#[component]
fn ResultsView(results: SearchResults) -> impl IntoView {
    let query = results.query.clone();
    let count = match (&results.words, results.total) {
        (Some(w), 1) => format!("1 resource matches \u{201c}{w}\u{201d}"),
        (Some(w), n) => format!("{n} resources match \u{201c}{w}\u{201d}"),
        (None, 1) => "1 resource".to_string(),
        (None, n) => format!("{n} resources"),
    };
    let chosen: Vec<(FacetName, String)> = results
        .facets
        .iter()
        .flat_map(|f| {
            f.values
                .iter()
                .filter(|v| v.selected)
                .map(move |v| (f.name, v.label.clone()))
        })
        .collect();
    let page = results.page;
    let page_count = results.page_count;
    let link_query = query.clone();
    view! {
        {results.can_curate.then(|| view! {
            <div class="button-row">
                <a class="button" href="/library/new">"Add a resource"</a>
                <a class="button button-secondary" href="/library/manage">"Curator's board"</a>
            </div>
        })}
        <SearchForm query=query.clone() sort=results.sort.clone() can_curate=results.can_curate />
        <div class="library-layout">
            <aside class="facets" aria-label="Filters">
                <h2 class="visually-hidden">"Filters"</h2>
                {results.facets.into_iter().map(|facet| view! { <FacetList facet query=query.clone() /> }).collect_view()}
            </aside>
            <div class="library-results">
                <p class="result-count" role="status" id="result-count">{count}</p>
                {(!chosen.is_empty()).then(|| {
                    let query = query.clone();
                    view! {
                        <ul class="chosen-filters" aria-label="Filters in use">
                            {chosen
                                .into_iter()
                                .map(|(name, label)| {
                                    let href = query.with(name, "").href();
                                    view! {
                                        <li>
                                            <a class="chip" href=href>
                                                {format!("{}: {label}", name.label())}
                                                <span class="visually-hidden">" (remove this filter)"</span>
                                                <span aria-hidden="true">" ×"</span>
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                            <li><a href=query.without_filters().href()>"Clear all filters"</a></li>
                        </ul>
                    }
                })}
                {if results.hits.is_empty() {
                    view! { <EmptyState query=query.clone() suggestions=results.suggestions.clone() /> }.into_any()
                } else {
                    view! {
                        <ol class="results" aria-labelledby="result-count">
                            {results.hits.into_iter().map(|hit| view! { <HitView hit curator=results.can_curate /> }).collect_view()}
                        </ol>
                    }
                        .into_any()
                }}
                <Pagination label="Pages of results" page page_count link=move |p| link_query.on_page(p).href() />
            </div>
        </div>
    }
}

#[component]
fn FacetList(facet: Facet, query: LibraryQuery) -> impl IntoView {
    let name = facet.name;
    let heading = format!("facet-{}", name.param());
    view! {
        <section class="facet" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>{name.label()}</h3>
            <ul>
                {facet
                    .values
                    .into_iter()
                    .map(|v| {
                        let href = if v.selected { query.with(name, "") } else { query.with(name, &v.value) }.href();
                        view! {
                            <li>
                                <a href=href class:facet-selected=v.selected aria-current=v.selected.then_some("true")>
                                    <span class="facet-label">{v.label}</span>
                                    " "
                                    <span class="facet-count">{format!("({})", v.count)}</span>
                                    {v.selected.then(|| view! { <span class="visually-hidden">" (chosen: select to remove)"</span> })}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(facet.more > 0).then(|| view! { <p class="hint">{format!("and {} more: search for them by name", facet.more)}</p> })}
        </section>
    }
}

#[component]
fn EmptyState(query: LibraryQuery, suggestions: Vec<String>) -> impl IntoView {
    let filtered = query.has_filters();
    view! {
        <div class="empty-state">
            <h2>"Nothing matches yet"</h2>
            <ul>
                {filtered.then(|| view! {
                    <li><a href=query.without_filters().href()>"Search again without the filters"</a></li>
                })}
                <li>"Check the spelling, or use fewer or broader words: \u{201c}court\u{201d} rather than \u{201c}court statement template\u{201d}."</li>
                <li>"Search for a topic, such as neglect, chronologies or supervision."</li>
            </ul>
            {(!suggestions.is_empty()).then(|| view! {
                <p>"Popular topics:"</p>
                <ul class="tag-list">
                    {suggestions
                        .into_iter()
                        .map(|tag| {
                            let href = LibraryQuery { tag: tag.clone(), ..Default::default() }.href();
                            view! { <li><a class="tag tag-muted" href=href>{tag}</a></li> }
                        })
                        .collect_view()}
                </ul>
            })}
        </div>
    }
}

fn status_label(status: &str) -> &'static str {
    match status {
        "draft" => "Draft",
        "unpublished" => "Unpublished",
        "retired" => "Retired",
        _ => "Published",
    }
}

#[component]
fn HitView(hit: ResourceHit, curator: bool) -> impl IntoView {
    let levels = hit
        .levels
        .iter()
        .map(|l| l.label.clone())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="result">
            <h2 class="result-title">
                <a href=format!("/library/{}", hit.id)><Highlighted segments=hit.title /></a>
            </h2>
            <p class="record-meta">
                <span class="tag tag-muted">{hit.kind.label}</span>
                {hit.external.then_some(" · External link")}
                " · "
                {if levels.is_empty() { "All levels".to_string() } else { levels }}
                {(curator && hit.status != "published").then(|| view! { " " <span class="tag tag-warn">{status_label(&hit.status)}</span> })}
                {hit.bookmarked.then(|| view! { " " <span class="tag tag-ok">"Bookmarked"</span> })}
                {hit.done.then(|| view! { " " <span class="tag tag-done">"Done"</span> })}
            </p>
            <p class="result-summary"><Highlighted segments=hit.summary /></p>
        </li>
    }
}

#[component]
pub fn ResourcePage() -> impl IntoView {
    view! {
        <Title text="Resource" />
        <Guarded action=Action::UseOwnAccount>
            <ResourceView />
        </Guarded>
    }
}

#[component]
fn ResourceView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let bookmark = ServerAction::<BookmarkResource>::new();
    let done = ServerAction::<MarkResourceDone>::new();
    let rate = ServerAction::<RateResource>::new();
    let status = ServerAction::<SetResourceStatus>::new();
    let changed = (
        successes(bookmark.value()),
        successes(done.value()),
        successes(rate.value()),
        successes(status.value()),
    );
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let resource = Resource::new(
        move || {
            (
                id(),
                changed.0.get() + changed.1.get() + changed.2.get() + changed.3.get(),
            )
        },
        |(id, _)| get_resource(id),
    );
    let notice = Signal::derive(move || {
        query.with(|q| match q.get("done").as_deref() {
            Some("saved") => Some("Resource saved.".to_string()),
            Some("rated") => Some("Thank you: your answer helps the learning team.".to_string()),
            Some("unmarked") => Some("No longer marked as done.".to_string()),
            Some("published") => Some("Published: everyone can find it now.".to_string()),
            Some("unpublished") => Some("Unpublished: only curators can see it.".to_string()),
            Some("retired") => Some("Retired.".to_string()),
            _ => None,
        })
    });
    view! {
        <section class="page">
            <p><a href="/library">"Back to the library"</a></p>
            <Notice message=notice />
            {loaded(resource, move |r: ResourceDetail| view! {
                <ResourceBody r bookmark done rate status />
            })}
        </section>
    }
}

#[component]
fn ResourceBody(
    r: ResourceDetail,
    bookmark: ServerAction<BookmarkResource>,
    done: ServerAction<MarkResourceDone>,
    rate: ServerAction<RateResource>,
    status: ServerAction<SetResourceStatus>,
) -> impl IntoView {
    let levels = r
        .levels
        .iter()
        .map(|l| l.label.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let published = r.status == "published";
    view! {
        <Title text=r.title.clone() />
        <article class="resource">
            <h1>{r.title.clone()}</h1>
            <p class="record-meta">
                <span class="tag tag-muted">{r.kind.label.clone()}</span>
                " · "
                {if levels.is_empty() { "All levels".to_string() } else { levels }}
                {(!published).then(|| view! { " " <span class="tag tag-warn">{status_label(&r.status)}</span> })}
            </p>
            <p class="lede">{r.summary.clone()}</p>
            {r.link.clone().map(|link| view! {
                <p>
                    <a class="button" href=link rel="noopener noreferrer">
                        "Open the resource"
                        <span class="visually-hidden">" (on another website)"</span>
                    </a>
                </p>
            })}
            <div class="resource-layout">
                <div class="prose" inner_html=r.body_html.clone()></div>
                <aside class="resource-side">
                    {published.then(|| view! { <LearnerPanel r=r.clone() bookmark done rate /> }.into_any())}
                    {view! { <AboutPanel r=r.clone() /> }.into_any()}
                    {r.can_curate.then(|| view! { <CuratorPanel r=r.clone() action=status /> }.into_any())}
                </aside>
            </div>
        </article>
    }
}

#[component]
fn LearnerPanel(
    r: ResourceDetail,
    bookmark: ServerAction<BookmarkResource>,
    done: ServerAction<MarkResourceDone>,
    rate: ServerAction<RateResource>,
) -> impl IntoView {
    let rate_errors = field_errors(rate.value());
    let rate_general = general_error(rate.value());
    let feedback = r.feedback.clone();
    let answered = feedback.as_ref().map(|f| f.useful);
    let useful_message =
        Signal::derive(move || rate_errors.with(|e| e.get("useful").map(str::to_string)));
    let id = r.id.clone();
    let bookmark_id = r.id.clone();
    let done_id = r.id.clone();
    view! {
        <section class="card" aria-labelledby="mine-heading">
            <h2 id="mine-heading">"Your learning"</h2>
            <ActionForm action=bookmark attr:class="inline-form">
                <input type="hidden" name="id" value=bookmark_id />
                <input type="hidden" name="on" value=(!r.bookmarked).to_string() />
                <button type="submit" class="button button-secondary">
                    {if r.bookmarked { "Remove bookmark" } else { "Bookmark" }}
                </button>
            </ActionForm>
            {match r.done_on.clone() {
                None => view! {
                    <ActionForm action=done attr:class="inline-form">
                        <input type="hidden" name="id" value=done_id.clone() />
                        <input type="hidden" name="done" value="true" />
                        <button type="submit" class="button">"Mark as done"</button>
                    </ActionForm>
                }
                    .into_any(),
                Some(day) => {
                    let id = done_id.clone();
                    let form_id = done_id.clone();
                    view! {
                    <div class="done-box" role="status">
                        <p><strong>{format!("Done on {}", uk_date(&day))}</strong></p>
                        <p>"Count it towards your registration or your progression:"</p>
                        <ul class="link-list">
                            <li><a href=format!("/cpd/new?resource={id}")>"Make a CPD record from this"</a></li>
                            <li><a href=format!("/evidence/new?resource={id}")>"Add it as evidence for your pathway"</a></li>
                        </ul>
                        <ActionForm action=done attr:class="inline-form">
                            <input type="hidden" name="id" value=form_id />
                            <input type="hidden" name="done" value="false" />
                            <button type="submit" class="button button-secondary button-small">"Not done after all"</button>
                        </ActionForm>
                    </div>
                    }
                    .into_any()
                }
            }}
            <ErrorSummary message=rate_general />
            <ActionForm action=rate attr:class="form useful-form" attr:novalidate=true>
                <input type="hidden" name="id" value=id />
                <fieldset class="field" class:field-invalid=move || useful_message.with(Option::is_some)>
                    <legend>"Was this useful?"</legend>
                    {move || useful_message.get().map(|m| view! { <p class="field-error" id="field-useful-error">{m}</p> })}
                    <div class="radio-row">
                        <div class="checkbox">
                            <input type="radio" id="useful-yes" name="useful" value="yes" checked=answered == Some(true) />
                            <label for="useful-yes">"Yes"</label>
                        </div>
                        <div class="checkbox">
                            <input type="radio" id="useful-no" name="useful" value="no" checked=answered == Some(false) />
                            <label for="useful-no">"No"</label>
                        </div>
                    </div>
                </fieldset>
                <TextArea label="Anything to add? (optional)" name="comment" error_key="comment" errors=rate_errors value=feedback.map(|f| f.comment).unwrap_or_default() rows=3 hint="The learning team reads every comment. Do not include details of children or families." />
                <button type="submit" class="button button-secondary">"Send"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn AboutPanel(r: ResourceDetail) -> impl IntoView {
    let total = r.useful_yes + r.useful_no;
    view! {
        {(!r.criteria.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="criteria-heading">
                <h2 id="criteria-heading">"Helps you show"</h2>
                <ul class="criteria-mini">
                    {r.criteria
                        .iter()
                        .map(|c| {
                            let href = LibraryQuery { domain: c.domain.key.clone(), criterion: c.lineage.clone(), ..Default::default() }.href();
                            view! {
                                <li>
                                    <span class="picker-domain">{c.domain.label.clone()}</span>
                                    <a href=href>{c.statement.clone()}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        })}
        <section class="card" aria-labelledby="about-heading">
            <h2 id="about-heading">"About this resource"</h2>
            <dl class="answers">
                {r.curator.clone().map(|c| view! { <dt>"Curated by"</dt> <dd>{c}</dd> })}
                <dt>"Last updated"</dt>
                <dd>{r.edited_on.clone()}</dd>
                <dt>"Next review"</dt>
                <dd>
                    {uk_date(&r.review_by)}
                    {match r.freshness {
                        Freshness::Overdue => Some(view! { " " <span class="tag tag-danger">"Review overdue"</span> }),
                        Freshness::DueSoon => Some(view! { " " <span class="tag tag-warn">"Review due soon"</span> }),
                        Freshness::Current => None,
                    }}
                </dd>
                <dt>"Colleagues who found it useful"</dt>
                <dd>{if total == 0 { "No answers yet".to_string() } else { format!("{} of {total}", r.useful_yes) }}</dd>
            </dl>
            {(!r.tags.is_empty()).then(|| view! {
                <ul class="tag-list" aria-label="Tags">
                    {r.tags
                        .iter()
                        .map(|t| {
                            let href = LibraryQuery { tag: t.clone(), ..Default::default() }.href();
                            view! { <li><a class="tag tag-muted" href=href>{t.clone()}</a></li> }
                        })
                        .collect_view()}
                </ul>
            })}
        </section>
    }
}

#[component]
fn CuratorPanel(r: ResourceDetail, action: ServerAction<SetResourceStatus>) -> impl IntoView {
    let general = general_error(action.value());
    let retirable = r.next_statuses.iter().any(|s| s.key == "retired");
    let id = r.id.clone();
    view! {
        <section class="card" aria-labelledby="curate-heading">
            <h2 id="curate-heading">"Curate"</h2>
            <p>"Status: " <strong>{status_label(&r.status)}</strong></p>
            <p><a class="button button-secondary" href=format!("/library/{}/edit", r.id)>"Edit"</a></p>
            <ErrorSummary message=general />
            {r.next_statuses
                .into_iter()
                .map(|to| {
                    let id = id.clone();
                    let label = match to.key.as_str() {
                        "published" => "Publish",
                        "unpublished" => "Unpublish",
                        "retired" => "Retire",
                        _ => "Back to draft",
                    };
                    let class = if to.key == "retired" { "button button-danger" } else { "button button-secondary" };
                    view! {
                        <ActionForm action attr:class="inline-form">
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="to" value=to.key.clone() />
                            <button type="submit" class=class>{label}</button>
                        </ActionForm>
                    }
                })
                .collect_view()}
            {retirable.then(|| view! {
                <p class="hint">"Retiring is final: a retired resource leaves the library for good."</p>
            })}
        </section>
    }
}

#[component]
pub fn ResourceEditPage() -> impl IntoView {
    view! {
        <Title text="Edit resource" />
        <Guarded action=Action::CurateLearning>
            <ResourceEdit />
        </Guarded>
    }
}

#[component]
fn ResourceEdit() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id"));
    let start = Resource::new(id, |id| async move {
        let choices = resource_choices().await?;
        let existing = match id {
            Some(id) => Some(get_resource(id).await?),
            None => None,
        };
        Ok::<_, crate::error::AppError>((choices, existing))
    });
    let save = ServerAction::<SaveResource>::new();
    view! {
        <section class="page">
            <p><a href="/library">"Back to the library"</a></p>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || start.get().map(|result| match result {
                    Ok((choices, existing)) => view! {
                        <h1>{if existing.is_some() { "Edit resource" } else { "Add a resource" }}</h1>
                        {existing.is_none().then(|| view! { <p class="lede">"A new resource starts as a draft. Publish it from its page when it is ready."</p> })}
                        <ResourceFormView options=choices existing action=save />
                    }
                        .into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ResourceFormView(
    options: FormChoices,
    existing: Option<ResourceDetail>,
    action: ServerAction<SaveResource>,
) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let id = existing.as_ref().map(|r| r.id.clone()).unwrap_or_default();
    let form: ResourceForm = existing.map(|r| r.form).unwrap_or_default();
    let levels_message =
        Signal::derive(move || errors.with(|e| e.get("levels").map(str::to_string)));
    let criteria_message =
        Signal::derive(move || errors.with(|e| e.get("criteria").map(str::to_string)));
    let mut by_level: Vec<(String, Vec<(usize, super::model::CriterionRef)>)> = Vec::new();
    for (i, c) in options.criteria.into_iter().enumerate() {
        match by_level.iter_mut().find(|(l, _)| *l == c.level) {
            Some((_, items)) => items.push((i, c)),
            None => by_level.push((c.level.clone(), vec![(i, c)])),
        }
    }
    let chosen_criteria = form.criteria.clone();
    view! {
        <ErrorSummary message=general />
        <ActionForm action attr:class="form form-wide" attr:novalidate=true>
            <input type="hidden" name="id" value=id />
            <Field label="Title" name="form[title]" error_key="title" errors value=form.title.clone() required=true />
            <TextArea label="Summary" name="form[summary]" error_key="summary" errors value=form.summary.clone() rows=3 required=true hint="One or two sentences. Search results show it." />
            <SelectField label="Kind" name="form[kind]" error_key="kind" errors options=choices(RESOURCE_KINDS) selected=Some(form.kind.clone()) empty="Choose a kind" />
            <TextArea label="Body (optional if you give a link)" name="form[body]" error_key="body" errors value=form.body.clone() rows=14 hint="Plain text or Markdown: # headings, **bold**, lists and links. Anything unsafe is removed when it is shown." />
            <Field label="Link (optional)" name="form[link]" error_key="link" kind="url" errors value=form.link.clone() hint="A web address starting with https://, for a video, course or page elsewhere." />
            <fieldset class="field" class:field-invalid=move || levels_message.with(Option::is_some)>
                <legend>"Levels it is for"</legend>
                <p class="hint">"Leave all unticked if it is for everyone."</p>
                {move || levels_message.get().map(|m| view! { <p class="field-error">{m}</p> })}
                {options
                    .levels
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let checked = form.levels.contains(&l.key);
                        let control = format!("level-{}", l.key);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=control.clone() name=format!("form[levels][{i}]") value=l.key checked=checked />
                                <label for=control>{l.label}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Field label="Tags" name="form[tags]" error_key="tags" errors value=form.tags.clone() hint="Words people might search for, separated by commas: court, neglect, chronologies." />
            <fieldset class="field picker" class:field-invalid=move || criteria_message.with(Option::is_some)>
                <legend>"Pathway criteria it helps people show"</legend>
                <p class="hint">"Resources mapped to criteria are recommended to people who still need them signed off."</p>
                {move || criteria_message.get().map(|m| view! { <p class="field-error">{m}</p> })}
                {by_level
                    .into_iter()
                    .map(|(level, items)| {
                        let count = items.iter().filter(|(_, c)| chosen_criteria.contains(&c.lineage)).count();
                        view! {
                            <details class="picker-level" open=count > 0>
                                <summary>
                                    {crate::people::levels::level_label(&level).to_string()}
                                    {(count > 0).then(|| format!(" ({count} chosen)"))}
                                </summary>
                                <ul class="picker-list">
                                    {items
                                        .into_iter()
                                        .map(|(i, c)| {
                                            let control = format!("criterion-{}", c.lineage);
                                            let checked = chosen_criteria.contains(&c.lineage);
                                            view! {
                                                <li class="checkbox">
                                                    <input type="checkbox" id=control.clone() name=format!("form[criteria][{i}]") value=c.lineage.clone() checked=checked />
                                                    <label for=control>
                                                        <span class="picker-domain">{c.domain.label.clone()}</span>
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
            <Field label="Review by" name="form[review_by]" error_key="review_by" kind="date" errors value=form.review_by.clone() hint="When to check it is still right. Left empty, a year from today." />
            <button type="submit" class="button">"Save"</button>
        </ActionForm>
    }
}

#[component]
pub fn CuratorBoardPage() -> impl IntoView {
    view! {
        <Title text="Curator's board" />
        <Guarded action=Action::CurateLearning>
            <Board />
        </Guarded>
    }
}

#[component]
fn Board() -> impl IntoView {
    let board = Resource::new(|| (), |_| library_board());
    view! {
        <section class="page">
            <p><a href="/library">"Back to the library"</a></p>
            <div class="page-head">
                <h1>"Curator's board"</h1>
                <a class="button" href="/library/new">"Add a resource"</a>
            </div>
            {loaded(board, move |b: CuratorBoard| view! { <BoardView b /> })}
        </section>
    }
}

#[component]
fn BoardList(
    title: &'static str,
    id: &'static str,
    rows: Vec<BoardRow>,
    empty: &'static str,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby=id>
            <h2 id=id>{title} " " <span class="badge-count">{format!("({})", rows.len())}</span></h2>
            {if rows.is_empty() {
                view! { <p class="empty">{empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="board-list">
                        {rows
                            .into_iter()
                            .map(|r| view! {
                                <li>
                                    <a href=format!("/library/{}", r.id)>{r.title}</a>
                                    {(r.status != "published").then(|| view! { " " <span class="tag tag-warn">{status_label(&r.status)}</span> })}
                                    <span class="cell-sub">{r.detail}</span>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn BoardView(b: CuratorBoard) -> impl IntoView {
    view! {
        <dl class="facts">
            {b.counts
                .into_iter()
                .map(|(label, n)| view! { <div><dt>{label}</dt><dd>{n}</dd></div> })
                .collect_view()}
        </dl>
        <div class="card-grid board">
            <BoardList title="Needs review" id="board-review" rows=b.needs_review empty="Nothing is past or near its review date." />
            <BoardList title="Drafts and unpublished" id="board-drafts" rows=b.drafts empty="No drafts." />
            <BoardList title="Most used" id="board-most" rows=b.most_used empty="Nothing has been opened yet." />
            <BoardList title="Least useful" id="board-least" rows=b.least_useful empty="No resource has enough answers to judge yet." />
            <BoardList title="Never opened" id="board-never" rows=b.never_opened empty="Every published resource has been opened." />
        </div>
        <section class="card" aria-labelledby="board-comments">
            <h2 id="board-comments">"What people said"</h2>
            {if b.comments.is_empty() {
                view! { <p class="empty">"No comments yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="history">
                        {b.comments
                            .into_iter()
                            .map(|c| view! {
                                <li>
                                    <a href=format!("/library/{}", c.resource_id)>{c.resource_title}</a>
                                    " · "
                                    {if c.useful { "Useful" } else { "Not useful" }}
                                    " · "
                                    <span class="cell-sub">{c.at}</span>
                                    <blockquote class="pre-wrap">{c.comment}</blockquote>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}
