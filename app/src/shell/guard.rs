//! Page guards. These only spare people pages they cannot use: every server function
//! checks for itself.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use super::use_auth;
use crate::auth::Viewer;
use crate::auth::roles::Action;
use crate::ui::{LoadError, Loading};

/// The viewer inside a `Guarded` page.
pub fn use_viewer() -> Viewer {
    expect_context::<Viewer>()
}

/// Renders `children` for a signed-in person allowed `action`; sends visitors to sign in
/// and tells others they lack permission.
#[component]
pub fn Guarded(action: Action, children: ChildrenFn) -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| view! { <Loading /> }>
            {move || {
                auth.viewer
                    .get()
                    .map(|result| match result {
                        Ok(Some(viewer)) if viewer.can(action) => {
                            provide_context(viewer);
                            children.with_value(|children| children()).into_any()
                        }
                        Ok(Some(_)) => view! { <Forbidden /> }.into_any(),
                        Ok(None) => {
                            let here = format!(
                                "{}{}",
                                location.pathname.get_untracked(),
                                location.search.get_untracked(),
                            );
                            let next = if here == "/" {
                                String::new()
                            } else {
                                format!("?next={}", urlencoding(&here))
                            };
                            view! { <Redirect path=format!("/login{next}") /> }.into_any()
                        }
                        Err(error) => view! { <LoadError error /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

#[component]
fn Forbidden() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>"You do not have access to this page"</h1>
            <p>
                "Your roles do not include this part of Pathway. If you need it for your work, ask your admin."
            </p>
            <p>
                <a href="/">"Go to your home page"</a>
            </p>
        </section>
    }
}

/// Percent-encodes a path for a query string.
fn urlencoding(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                encoded.push(byte as char)
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    #[test]
    fn urlencoding_keeps_paths_readable() {
        assert_eq!(
            super::urlencoding("/admin/people?q=a b"),
            "/admin/people%3Fq%3Da%20b"
        );
    }
}
