//! Pathway: the Leptos app shared by the server (SSR) and the browser (hydration).

#![recursion_limit = "256"]

pub mod academy;
pub mod asye;
pub mod auth;
pub mod charts;
pub mod cpd;
pub mod dates;
pub mod error;
pub mod imports;
pub mod insight;
pub mod notify;
pub mod people;
pub mod portfolio;
pub mod progression;
pub mod shell;
pub mod supervision;
pub mod surveys;
pub mod ui;
pub mod workforce;

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod generate;
#[cfg(feature = "ssr")]
pub mod seed;
#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use academy::event_views::{EventEditPage, EventNewPage, EventPage, EventsListPage, LearningPage};
use academy::library_views::{CuratorBoardPage, LibraryPage, ResourceEditPage, ResourcePage};
use academy::path_views::{PathEditPage, PathsPage};
use asye::views::{AsyeCohortPage, AsyePersonPage, MyAsyePage};
use auth::views::{AccountPage, LoginPage};
use cpd::views::{CpdEditPage, CpdPage, CpdPrintPage, SuperviseeCpdPage};
use imports::views::{ImportReviewPage, ImportsPage};
use insight::views::{InsightPage, LearningInsightPage};
use notify::views::{NotificationsPage, provide_notifications};
use people::views::{MyTeamPage, PeoplePage, PersonEditPage, TeamsPage};
use portfolio::views::{EvidenceEditPage, EvidencePage};
use progression::views::{
    CasePage, CasesPage, FrameworkPage, FrameworksPage, MyPathwayPage, ReviewsPage,
    SuperviseePathwayPage,
};
use shell::{HomePage, Layout, NotFound, provide_auth};
use supervision::views::SupervisionPage;
use surveys::views::{
    ManageSurveysPage, SurveyEditPage, SurveyImpactPage, SurveyPage, SurveyResultsPage, SurveysPage,
};
use workforce::views::{FiguresAdminPage, WorkforcePage};

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en-GB">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Every route renders whole on the server (`SsrMode::Async`): the data is local and fast,
/// and a complete page works before the wasm loads, or without it.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Effects run only in the browser, after hydration: tests and styles can wait on this.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Stylesheet id="leptos" href="/pkg/pathway.css" />
        <Title formatter=|title: String| {
            if title.is_empty() { "Pathway".to_string() } else { format!("{title} – Pathway") }
        } />
        <Router>
            <Frame />
        </Router>
    }
}

/// Everything inside the router. Auth actions are created here, not in `App`, so that a form
/// posted without wasm finds its error in the URL the router reads (`__err`).
#[component]
fn Frame() -> impl IntoView {
    provide_auth();
    provide_notifications();
    view! {
            <Layout>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/team") view=MyTeamPage ssr=SsrMode::Async />
                    <Route path=path!("/team/:id") view=SuperviseePathwayPage ssr=SsrMode::Async />
                    <Route path=path!("/team/:id/cpd") view=SuperviseeCpdPage ssr=SsrMode::Async />
                    <Route path=path!("/pathway") view=MyPathwayPage ssr=SsrMode::Async />
                    <Route path=path!("/evidence") view=EvidencePage ssr=SsrMode::Async />
                    <Route path=path!("/evidence/new") view=EvidenceEditPage ssr=SsrMode::Async />
                    <Route path=path!("/evidence/:id") view=EvidenceEditPage ssr=SsrMode::Async />
                    <Route path=path!("/asye") view=MyAsyePage ssr=SsrMode::Async />
                    <Route path=path!("/asye/cohort") view=AsyeCohortPage ssr=SsrMode::Async />
                    <Route path=path!("/asye/:id") view=AsyePersonPage ssr=SsrMode::Async />
                    <Route path=path!("/cpd") view=CpdPage ssr=SsrMode::Async />
                    <Route path=path!("/cpd/new") view=CpdEditPage ssr=SsrMode::Async />
                    <Route path=path!("/cpd/print") view=CpdPrintPage ssr=SsrMode::Async />
                    <Route path=path!("/cpd/:id") view=CpdEditPage ssr=SsrMode::Async />
                    <Route path=path!("/supervision") view=SupervisionPage ssr=SsrMode::Async />
                    <Route path=path!("/learning") view=LearningPage ssr=SsrMode::Async />
                    <Route path=path!("/learning/paths") view=PathsPage ssr=SsrMode::Async />
                    <Route path=path!("/learning/paths/new") view=PathEditPage ssr=SsrMode::Async />
                    <Route path=path!("/learning/paths/:id") view=PathEditPage ssr=SsrMode::Async />
                    <Route path=path!("/events") view=EventsListPage ssr=SsrMode::Async />
                    <Route path=path!("/events/new") view=EventNewPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id") view=EventPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/edit") view=EventEditPage ssr=SsrMode::Async />
                    <Route path=path!("/library") view=LibraryPage ssr=SsrMode::Async />
                    <Route path=path!("/library/new") view=ResourceEditPage ssr=SsrMode::Async />
                    <Route path=path!("/library/manage") view=CuratorBoardPage ssr=SsrMode::Async />
                    <Route path=path!("/library/:id") view=ResourcePage ssr=SsrMode::Async />
                    <Route path=path!("/library/:id/edit") view=ResourceEditPage ssr=SsrMode::Async />
                    <Route path=path!("/reviews") view=ReviewsPage ssr=SsrMode::Async />
                    <Route path=path!("/progression") view=CasesPage ssr=SsrMode::Async />
                    <Route path=path!("/progression/:id") view=CasePage ssr=SsrMode::Async />
                    <Route path=path!("/frameworks") view=FrameworksPage ssr=SsrMode::Async />
                    <Route path=path!("/frameworks/:id") view=FrameworkPage ssr=SsrMode::Async />
                    <Route path=path!("/surveys") view=SurveysPage ssr=SsrMode::Async />
                    <Route path=path!("/surveys/manage") view=ManageSurveysPage ssr=SsrMode::Async />
                    <Route path=path!("/surveys/impact") view=SurveyImpactPage ssr=SsrMode::Async />
                    <Route path=path!("/surveys/:id") view=SurveyPage ssr=SsrMode::Async />
                    <Route path=path!("/surveys/:id/edit") view=SurveyEditPage ssr=SsrMode::Async />
                    <Route path=path!("/surveys/:id/results") view=SurveyResultsPage ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/people") view=PeoplePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/people/new") view=PersonEditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/people/:id") view=PersonEditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/teams") view=TeamsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/workforce") view=FiguresAdminPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/imports") view=ImportsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/imports/:id") view=ImportReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/insight") view=InsightPage ssr=SsrMode::Async />
                    <Route path=path!("/insight/learning") view=LearningInsightPage ssr=SsrMode::Async />
                    <Route path=path!("/insight/workforce") view=WorkforcePage ssr=SsrMode::Async />
                </Routes>
            </Layout>
    }
}
