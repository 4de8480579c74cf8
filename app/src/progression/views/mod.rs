//! The progression pages: My pathway, the review queue, the team view, progression
//! requests and framework editing.

mod cases;
mod frameworks;
mod pathway;
mod reviews;
mod team;

pub use cases::{CasePage, CasesPage};
pub use frameworks::{FrameworkPage, FrameworksPage};
pub use pathway::{MyPathwayPage, SuperviseePathwayPage};
pub use reviews::ReviewsPage;
pub use team::TeamProgress;

use leptos::prelude::*;

use super::model::Status;

/// A criterion's status as a coloured, labelled tag.
#[component]
pub fn StatusTag(status: Status, #[prop(optional)] own: bool) -> impl IntoView {
    let label = if own {
        status.label()
    } else {
        status.label_for_others()
    };
    view! { <span class=format!("tag status-tag status-{}", status.key())>{label}</span> }
}

pub fn case_status_label(status: &str) -> &'static str {
    match status {
        "open" => "Open",
        "approved" => "Approved",
        "deferred" => "Deferred",
        "withdrawn" => "Withdrawn",
        _ => "Unknown",
    }
}
