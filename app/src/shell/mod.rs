//! The frame around every page: header, navigation, guards, home and not-found pages.

mod guard;
mod home;
mod layout;
mod nav;

pub use guard::{Guarded, use_viewer};
pub use home::HomePage;
pub use layout::{Layout, NotFound};
pub use nav::{Section, sections_for};

use leptos::prelude::*;

use crate::auth::Viewer;
use crate::auth::api::{SignOut, current_viewer};
use crate::error::AppError;

/// Who is signed in, refreshed whenever someone signs in or out.
#[derive(Clone, Copy)]
pub struct AuthContext {
    pub viewer: Resource<Result<Option<Viewer>, AppError>>,
    pub sign_out: ServerAction<SignOut>,
    /// Bumped after a successful sign-in, to reload `viewer`.
    signed_in: RwSignal<u32>,
}

impl AuthContext {
    pub fn signed_in(&self) {
        self.signed_in.update(|count| *count += 1);
    }
}

pub fn provide_auth() {
    let sign_out = ServerAction::<SignOut>::new();
    let signed_in = RwSignal::new(0);
    let viewer = Resource::new(
        move || (signed_in.get(), sign_out.version().get()),
        |_| current_viewer(),
    );
    provide_context(AuthContext {
        viewer,
        sign_out,
        signed_in,
    });
}

pub fn use_auth() -> AuthContext {
    expect_context::<AuthContext>()
}
