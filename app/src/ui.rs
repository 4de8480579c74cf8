//! Small building blocks shared by the pages: accessible form fields and messages.

use leptos::prelude::*;

use crate::error::{AppError, FieldErrors};

/// The field errors of an action's last result, if it failed validation.
pub fn field_errors<T, S>(value: S) -> Signal<FieldErrors>
where
    T: 'static,
    S: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || {
        value.with(|value| match value {
            Some(Err(AppError::Validation(errors))) => errors.clone(),
            _ => FieldErrors::new(),
        })
    })
}

/// A count that goes up each time an action succeeds, for pages to reload their data on.
/// (Reloading after a failure too would rebuild the form and throw away what was typed.)
pub fn successes<T, S>(value: S) -> Signal<u32>
where
    T: 'static,
    S: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    let count = RwSignal::new(0u32);
    count_successes(value, count);
    count.into()
}

/// Adds one to `counter` each time an action succeeds; several actions can share a counter.
pub fn count_successes<T, S>(value: S, counter: RwSignal<u32>)
where
    T: 'static,
    S: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if value.with(|value| matches!(value, Some(Ok(_)))) {
            counter.update(|n| *n += 1);
        }
    });
}

/// A message for the action's last failure that is not about one field.
pub fn general_error<T, S>(value: S) -> Signal<Option<String>>
where
    T: 'static,
    S: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || {
        value.with(|value| match value {
            Some(Err(AppError::Validation(errors))) => errors
                .get("form")
                .map(str::to_string)
                .or_else(|| Some("Please check the highlighted fields.".to_string())),
            Some(Err(other)) => Some(other.to_string()),
            _ => None,
        })
    })
}

/// The `aria-describedby` of a field: its hint, and its error while there is one.
fn described_by(
    has_hint: bool,
    hint_id: String,
    error_id: String,
    message: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
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
}

/// A control's ids and its current error, shared by every kind of labelled field.
#[derive(Clone)]
struct FieldParts {
    id: String,
    hint_id: String,
    error_id: String,
    message: Signal<Option<String>>,
}

impl FieldParts {
    fn new(
        name: &'static str,
        error_key: Option<&'static str>,
        errors: Signal<FieldErrors>,
        id: Option<&'static str>,
    ) -> Self {
        let key = error_key.unwrap_or(name);
        let id = id
            .map(str::to_string)
            .unwrap_or_else(|| format!("field-{}", key.replace(['[', ']'], "-")));
        FieldParts {
            hint_id: format!("{id}-hint"),
            error_id: format!("{id}-error"),
            id,
            message: Signal::derive(move || errors.with(|e| e.get(key).map(str::to_string))),
        }
    }

    fn described_by(
        &self,
        has_hint: bool,
    ) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
        described_by(
            has_hint,
            self.hint_id.clone(),
            self.error_id.clone(),
            self.message,
        )
    }
}

/// The label, hint and error around a control.
#[component]
fn FieldFrame(
    label: &'static str,
    parts: FieldParts,
    hint: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let message = parts.message;
    let error_id = parts.error_id.clone();
    view! {
        <div class="field" class:field-invalid=move || message.with(Option::is_some)>
            <label for=parts.id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=parts.hint_id.clone()>{hint}</p> })}
            {move || {
                message
                    .get()
                    .map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })
            }}
            {children()}
        </div>
    }
}

/// A labelled input with its hint and error wired up for screen readers.
#[component]
pub fn Field(
    /// The visible label.
    label: &'static str,
    /// The name posted with the form.
    name: &'static str,
    /// The key of this field's message in `FieldErrors`.
    #[prop(optional)]
    error_key: Option<&'static str>,
    #[prop(into)] errors: Signal<FieldErrors>,
    #[prop(optional, into)] value: MaybeProp<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
    /// The control's id, where a page has two forms with fields of the same name.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let parts = FieldParts::new(name, error_key, errors, id);
    let (id, message, described_by) = (
        parts.id.clone(),
        parts.message,
        parts.described_by(hint.is_some()),
    );
    view! {
        <FieldFrame label parts hint>
            <input
                id=id
                name=name
                type=kind
                prop:value=move || value.get().unwrap_or_default()
                value=move || value.get().unwrap_or_default()
                autocomplete=autocomplete
                required=required
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            />
        </FieldFrame>
    }
}

/// A summary of what went wrong, announced to screen readers when it appears.
#[component]
pub fn ErrorSummary(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|message| {
            view! {
                <div class="alert alert-error" role="alert">
                    <p>{message}</p>
                </div>
            }
        })
    }
}

/// A confirmation that something was saved.
#[component]
pub fn Notice(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|message| {
            view! {
                <div class="alert alert-success" role="status">
                    <p>{message}</p>
                </div>
            }
        })
    }
}

/// What a page shows when loading its data failed.
#[component]
pub fn LoadError(error: AppError) -> impl IntoView {
    view! {
        <div class="alert alert-error" role="alert">
            <p>{error.to_string()}</p>
        </div>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" aria-live="polite">"Loading…"</p> }
}

/// A resource's value once it has loaded, its error if loading failed, "Loading…" meanwhile.
pub fn loaded<T, V>(
    resource: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + serde::Serialize + serde::de::DeserializeOwned + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // A Transition keeps the page in place while it reloads after a change.
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || {
                resource
                    .get()
                    .map(|result| match result {
                        Ok(value) => render(value).into_any(),
                        Err(error) => view! { <LoadError error /> }.into_any(),
                    })
            }}
        </Transition>
    }
}

/// Select options from a table of (key, label), as the rules modules keep them.
pub fn choices(table: &[(&str, &str)]) -> Vec<crate::people::model::Choice> {
    table
        .iter()
        .map(|(id, label)| crate::people::model::Choice {
            id: id.to_string(),
            label: label.to_string(),
        })
        .collect()
}

/// A labelled select with its error wired up for screen readers.
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    error_key: &'static str,
    errors: Signal<FieldErrors>,
    options: Vec<crate::people::model::Choice>,
    selected: Option<String>,
    #[prop(optional)] empty: Option<&'static str>,
    /// The control's id, where a page has two forms with fields of the same name.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let id = id
        .map(str::to_string)
        .unwrap_or_else(|| format!("field-{error_key}"));
    let error_id = format!("{id}-error");
    let message = Signal::derive(move || errors.with(|e| e.get(error_key).map(str::to_string)));
    view! {
        <div class="field" class:field-invalid=move || message.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {
                let error_id = error_id.clone();
                move || message.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })
            }
            <select
                id=id.clone()
                name=name
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=move || message.with(Option::is_some).then(|| error_id.clone())
            >
                {empty.map(|text| view! { <option value="">{text}</option> })}
                {options
                    .into_iter()
                    .map(|option| {
                        let is_selected = selected.as_deref() == Some(option.id.as_str());
                        view! {
                            <option value=option.id selected=is_selected>
                                {option.label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A labelled multi-line text box with its hint and error wired up for screen readers.
#[component]
pub fn TextArea(
    label: &'static str,
    name: &'static str,
    #[prop(optional)] error_key: Option<&'static str>,
    #[prop(into)] errors: Signal<FieldErrors>,
    #[prop(optional, into)] value: String,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] required: bool,
    /// The control's id, where a page has two forms with fields of the same name.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let parts = FieldParts::new(name, error_key, errors, id);
    let (id, message, described_by) = (
        parts.id.clone(),
        parts.message,
        parts.described_by(hint.is_some()),
    );
    view! {
        <FieldFrame label parts hint>
            <textarea
                id=id
                name=name
                rows=rows
                required=required
                aria-invalid=move || message.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            >
                {value}
            </textarea>
        </FieldFrame>
    }
}

/// Previous / page n of m / next links for a paged list.
#[component]
pub fn Pagination(
    label: &'static str,
    page: u32,
    page_count: u32,
    link: impl Fn(u32) -> String + 'static,
) -> impl IntoView {
    (page_count > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=label>
                {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">"Previous"</a> })}
                <span>"Page " {page} " of " {page_count}</span>
                {(page < page_count).then(|| view! { <a href=link(page + 1) rel="next">"Next"</a> })}
            </nav>
        }
    })
}

/// Moves keyboard focus to the element with this id on the next frame, once a reload has
/// put it on the page: after an action removes the button that had focus, focus would
/// otherwise fall back to the top of the page. Only the browser has focus to move.
pub fn focus_soon(id: &'static str) {
    #[cfg(feature = "hydrate")]
    request_animation_frame(move || {
        use leptos::wasm_bindgen::JsCast;
        if let Some(element) = document()
            .get_element_by_id(id)
            .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}
