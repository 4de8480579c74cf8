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
use crate::auth::api::{SignIn, SignOut, current_viewer};
use crate::error::AppError;

/// Who is signed in, refreshed whenever someone signs in or out.
#[derive(Clone, Copy)]
pub struct AuthContext {
    pub viewer: Resource<Result<Option<Viewer>, AppError>>,
    pub sign_in: ServerAction<SignIn>,
    pub sign_out: ServerAction<SignOut>,
}

pub fn provide_auth() {
    let sign_in = ServerAction::<SignIn>::new();
    let sign_out = ServerAction::<SignOut>::new();
    let viewer = Resource::new(
        move || (sign_in.version().get(), sign_out.version().get()),
        |_| current_viewer(),
    );
    provide_context(AuthContext {
        viewer,
        sign_in,
        sign_out,
    });
}

pub fn use_auth() -> AuthContext {
    expect_context::<AuthContext>()
}
