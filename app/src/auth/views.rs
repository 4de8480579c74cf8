//! Sign-in and account pages.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

use super::api::{ChangePassword, SignIn};
use super::password::MIN_PASSWORD_LEN;
use super::roles::Action;
use crate::people::api::my_profile;
use crate::people::levels::level_label;
use crate::shell::{Guarded, use_auth};
use crate::ui::{ErrorSummary, Field, Notice, field_errors, general_error, loaded};

#[component]
pub fn LoginPage() -> impl IntoView {
    let auth = use_auth();
    let query = use_query_map();
    let next = move || query.with(|q| q.get("next")).unwrap_or_default();
    // The action lives on this page, inside the router, so that a form posted without wasm
    // finds its error in the URL (`__err`) and shows it here.
    let sign_in = ServerAction::<SignIn>::new();
    let value = sign_in.value();
    Effect::new(move |_| {
        if value.with(|value| matches!(value, Some(Ok(())))) {
            auth.signed_in();
        }
    });
    let errors = field_errors(value);
    let general = Signal::derive(move || {
        value.with(|value| match value {
            Some(Err(crate::error::AppError::Validation(errors))) => {
                errors.get("form").map(str::to_string)
            }
            Some(Err(other)) => Some(other.to_string()),
            _ => None,
        })
    });
    view! {
        <Title text="Sign in" />
        <section class="page narrow">
            <Transition fallback=|| ()>
                {move || {
                    auth.viewer
                        .get()
                        .and_then(Result::ok)
                        .flatten()
                        .map(|_| view! { <Redirect path=super::safe_next(Some(&next())) /> })
                }}
            </Transition>
            <h1>"Sign in to Pathway"</h1>
            <p class="lede">"Use the email address and password your council gave you."</p>
            <ErrorSummary message=general />
            <ActionForm action=sign_in attr:class="form" attr:novalidate=true>
                <input type="hidden" name="next" prop:value=next value=next />
                <Field
                    label="Email"
                    name="email"
                    kind="email"
                    autocomplete="username"
                    errors
                    required=true
                />
                <Field
                    label="Password"
                    name="password"
                    kind="password"
                    autocomplete="current-password"
                    errors
                    required=true
                />
                <button type="submit" class="button">
                    "Sign in"
                </button>
            </ActionForm>
            <p class="hint">"Forgotten your password? Ask your Pathway admin to set a new one."</p>
        </section>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Title text="My account" />
        <Guarded action=Action::UseOwnAccount>
            <Account />
        </Guarded>
    }
}

#[component]
fn Account() -> impl IntoView {
    let profile = Resource::new(|| (), |_| my_profile());
    view! {
        <section class="page">
            <h1>"My account"</h1>
            <div class="two-col">
                <article class="card">
                    <h2>"Your details"</h2>
                    {loaded(profile, |profile| {
                        let roles = super::roles::labels(&profile.roles);
                        view! {
                            <dl class="facts">
                                <dt>"Name"</dt>
                                <dd>{profile.name.clone()}</dd>
                                <dt>"Email"</dt>
                                <dd>{profile.email.clone()}</dd>
                                <dt>"Roles"</dt>
                                <dd>{roles}</dd>
                                <dt>"Career level"</dt>
                                <dd>{level_label(&profile.career_level).to_string()}</dd>
                                <dt>"Start date"</dt>
                                <dd>
                                    {profile
                                        .start_date
                                        .clone()
                                        .unwrap_or_else(|| "Not recorded".into())}
                                </dd>
                                <dt>"Social Work England number"</dt>
                                <dd>
                                    {profile
                                        .swe_number
                                        .clone()
                                        .unwrap_or_else(|| "Not recorded".into())}
                                </dd>
                            </dl>
                            <p class="hint">
                                "Something wrong? Your Pathway admin can correct it."
                            </p>
                        }
                    })}
                </article>
                <ChangePasswordForm />
            </div>
        </section>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let value = action.value();
    let errors = field_errors(value);
    let general = general_error(value);
    let saved = Signal::derive(move || {
        value.with(|value| {
            matches!(value, Some(Ok(()))).then(|| "Your password has been changed.".to_string())
        })
    });
    view! {
        <article class="card">
            <h2>"Change your password"</h2>
            <Notice message=saved />
            <ErrorSummary message=general />
            <ActionForm action attr:class="form" attr:novalidate=true>
                <Field
                    label="Current password"
                    name="current_password"
                    kind="password"
                    autocomplete="current-password"
                    errors
                    required=true
                />
                <Field
                    label="New password"
                    name="new_password"
                    kind="password"
                    autocomplete="new-password"
                    hint=NEW_PASSWORD_HINT
                    errors
                    required=true
                />
                <Field
                    label="Confirm new password"
                    name="confirm_password"
                    kind="password"
                    autocomplete="new-password"
                    errors
                    required=true
                />
                <button type="submit" class="button">
                    "Change password"
                </button>
            </ActionForm>
        </article>
    }
}

const NEW_PASSWORD_HINT: &str =
    "At least 12 characters. Three or four unrelated words are strong and easy to remember.";

const _: () = assert!(MIN_PASSWORD_LEN == 12, "update NEW_PASSWORD_HINT");
