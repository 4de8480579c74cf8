//! The notifications page and the header link with the unread count.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use super::api::{MarkAllSeen, my_notifications, unread_count};
use crate::auth::roles::Action;
use crate::shell::Guarded;
use crate::ui::{ErrorSummary, count_successes, general_error, loaded, successes};

/// Bumped when notifications are marked read, so the header count follows at once.
#[derive(Clone, Copy)]
pub struct NotificationsChanged(pub RwSignal<u32>);

/// The unread count for the header, reloaded on every navigation.
#[derive(Clone, Copy)]
struct UnreadCount(Resource<Result<u32, crate::error::AppError>>);

/// Call once, unconditionally, where the app is set up: a resource made inside the header's
/// conditional views would be created in a different order on the server and in the
/// browser, and hydration would pair up the wrong data.
pub fn provide_notifications() {
    let changed = RwSignal::new(0);
    provide_context(NotificationsChanged(changed));
    let location = use_location();
    let auth = crate::shell::use_auth();
    let count = Resource::new(
        move || {
            (
                location.pathname.get(),
                changed.get(),
                auth.sign_out.version().get(),
            )
        },
        |_| unread_count(),
    );
    provide_context(UnreadCount(count));
}

/// "Notifications (2 new)" in the header. It sits inside the header's own `Transition`,
/// which waits for the count; a second boundary here upset hydration of the page below.
#[component]
pub fn NotificationsLink() -> impl IntoView {
    let count = expect_context::<UnreadCount>().0;
    let unread = move || count.get().and_then(Result::ok).unwrap_or(0);
    view! {
        <a class="notifications-link" href="/notifications">
            "Notifications"
            {move || {
                let unread = unread();
                (unread > 0)
                    .then(|| {
                        view! {
                            " "
                            <span class="badge">
                                {unread}
                                <span class="visually-hidden">" new"</span>
                            </span>
                        }
                    })
            }}
        </a>
    }
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    view! {
        <Title text="Notifications" />
        <Guarded action=Action::UseOwnAccount>
            <Notifications />
        </Guarded>
    }
}

#[component]
fn Notifications() -> impl IntoView {
    let mark = ServerAction::<MarkAllSeen>::new();
    if let Some(changed) = use_context::<NotificationsChanged>() {
        count_successes(mark.value(), changed.0);
    }
    let marked = successes(mark.value());
    let list = Resource::new(move || marked.get(), |_| my_notifications());
    let general = general_error(mark.value());
    view! {
        <section class="page">
            <div class="page-head">
                <h1>"Notifications"</h1>
                <ActionForm action=mark attr:class="inline-form">
                    <button type="submit" class="button button-secondary">"Mark all as read"</button>
                </ActionForm>
            </div>
            <ErrorSummary message=general />
            {loaded(
                list,
                |items| {
                    if items.is_empty() {
                        return view! { <p class="empty">"Nothing yet. Sign-offs, returns and decisions will appear here."</p> }.into_any();
                    }
                    view! {
                        <ul class="notifications">
                            {items
                                .into_iter()
                                .map(|n| {
                                    view! {
                                        <li class:unseen=!n.seen>
                                            {(!n.seen).then(|| view! { <span class="tag tag-warn">"New"</span> " " })}
                                            <a href=n.link.clone()>{n.text.clone()}</a>
                                            <span class="cell-sub">{n.at.clone()}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                },
            )}
        </section>
    }
}
