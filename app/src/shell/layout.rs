//! Header, navigation and footer around every page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use super::{sections_for, use_auth};
use crate::auth::Viewer;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let auth = use_auth();
    let viewer = move || auth.viewer.get().and_then(Result::ok).flatten();
    view! {
        // rel="external" leaves the jump to the browser, which moves focus as well as scroll.
        <a class="skip-link" href="#main" rel="external">
            "Skip to main content"
        </a>
        <header class="site-header">
            <div class="header-inner">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">"P"</span>
                    <span class="brand-text">
                        <span class="brand-name">"Pathway"</span>
                        <Transition fallback=|| ()>
                            {move || {
                                viewer()
                                    .map(|viewer| {
                                        view! { <span class="brand-org">{viewer.org_name}</span> }
                                    })
                            }}
                        </Transition>
                    </span>
                </a>
                <Transition fallback=|| ()>
                    {move || viewer().map(|viewer| view! { <UserMenu viewer /> })}
                </Transition>
            </div>
            <Transition fallback=|| ()>
                {move || viewer().map(|viewer| view! { <MainNav viewer /> })}
            </Transition>
        </header>
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <p>"Pathway: learning and career progression for children's social work."</p>
        </footer>
    }
}

#[component]
fn MainNav(viewer: Viewer) -> impl IntoView {
    let location = use_location();
    let sections = sections_for(&viewer);
    view! {
        <nav class="main-nav" aria-label="Main">
            <ul>
                {sections
                    .into_iter()
                    .map(|section| {
                        let href = section.href;
                        let current = move || {
                            let path = location.pathname.get();
                            let here = if href == "/" { path == "/" } else { path.starts_with(href) };
                            here.then_some("page")
                        };
                        view! {
                            <li>
                                <a href=href aria-current=current>
                                    {section.label}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn UserMenu(viewer: Viewer) -> impl IntoView {
    let auth = use_auth();
    view! {
        <div class="user-menu">
            <crate::notify::views::NotificationsLink />
            <span class="user-name">
                <span class="visually-hidden">"Signed in as "</span>
                {viewer.name}
            </span>
            <ActionForm action=auth.sign_out attr:class="inline-form">
                <button type="submit" class="button button-secondary">
                    "Sign out"
                </button>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::NOT_FOUND);
        }
    }
    view! {
        <Title text="Page not found" />
        <section class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is no page at this address. It may have moved, or the link may be wrong."</p>
            <p>
                <a href="/">"Go to your home page"</a>
            </p>
        </section>
    }
}
