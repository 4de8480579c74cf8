//! The home page: what each person can do today, by role.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{Guarded, use_viewer};
use crate::auth::roles::Action;
use crate::people::api::{council_overview, my_profile};
use crate::people::levels::level_label;
use crate::progression::api::{my_pathway, team_progress};
use crate::ui::loaded;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Home" />
        <Guarded action=Action::UseOwnAccount>
            <Home />
        </Guarded>
    }
}

#[component]
fn Home() -> impl IntoView {
    let viewer = use_viewer();
    let roles = crate::auth::roles::labels(&viewer.roles);
    view! {
        <section class="page">
            <h1>"Welcome, " {viewer.first_name().to_string()}</h1>
            <p class="lede">{viewer.org_name.clone()} " · " {roles}</p>
            <div class="card-grid">
                <ProfileCard />
                <PathwayCard />
                {(viewer.career_level == "nqsw").then(|| view! { <AsyeCard /> })}
                {(viewer.career_level != "not_social_work").then(|| view! { <CpdCard /> })}
                {viewer.can(Action::ViewSupervisees).then(|| view! { <TeamCard /> })}
                {viewer.can(Action::ManagePeople).then(|| view! { <AdminCard /> })}
            </div>
            {viewer.can(Action::ReadInsight).then(|| view! { <OverviewPanel /> })}
        </section>
    }
}

#[component]
fn ProfileCard() -> impl IntoView {
    let profile = Resource::new(|| (), |_| my_profile());
    view! {
        <article class="card">
            <h2>"Your profile"</h2>
            {loaded(profile, |profile| {
                let team = match (&profile.service_name, &profile.team_name) {
                    (Some(service), Some(team)) => format!("{team} ({service})"),
                    (None, Some(team)) => team.clone(),
                    _ => "Not in a team yet".to_string(),
                };
                view! {
                    <dl class="facts">
                        <dt>"Career level"</dt>
                        <dd>{level_label(&profile.career_level).to_string()}</dd>
                        {profile
                            .job_title
                            .clone()
                            .map(|title| view! { <dt>"Job title"</dt><dd>{title}</dd> })}
                        <dt>"Team"</dt>
                        <dd>{team}</dd>
                        <dt>"Line manager"</dt>
                        <dd>
                            {profile
                                .line_manager_name
                                .clone()
                                .unwrap_or_else(|| "None recorded".to_string())}
                        </dd>
                    </dl>
                    <p>
                        <a href="/account">"Your account and password"</a>
                    </p>
                }
            })}
        </article>
    }
}

#[component]
fn AsyeCard() -> impl IntoView {
    let asye = Resource::new(|| (), |_| crate::asye::api::my_asye());
    view! {
        <article class="card">
            <h2>"Your ASYE"</h2>
            {loaded(asye, |asye| match asye {
                None => view! { <p>"Your ASYE coordinator has not set up your programme yet."</p> }.into_any(),
                Some(asye) => {
                    let overdue = asye
                        .timeline
                        .iter()
                        .filter(|e| e.state == crate::asye::schedule::MilestoneState::Overdue)
                        .count();
                    view! {
                        {asye.next_due.map(|next| view! {
                            <p>"Next: " <strong>{next.label}</strong> ", due " {crate::dates::uk_date(&next.due)} "."</p>
                        })}
                        {(overdue > 0).then(|| view! {
                            <p><span class="tag tag-danger">{overdue} " overdue"</span></p>
                        })}
                        <p><a href="/asye">"See your ASYE timeline"</a></p>
                    }
                        .into_any()
                }
            })}
        </article>
    }
}

#[component]
fn CpdCard() -> impl IntoView {
    let cpd = Resource::new(|| (), |_| crate::cpd::api::my_cpd(None));
    view! {
        <article class="card">
            <h2>"Your CPD"</h2>
            {loaded(cpd, |year| {
                let status = year.status;
                view! {
                    <p>
                        <span class=crate::cpd::views::state_class(status.state)>{status.state.label()}</span>
                        " " {status.records} {if status.records == 1 { " record" } else { " records" }}
                        " this registration year, " {status.peer_reflections} " with peer reflection."
                    </p>
                    <p>{crate::cpd::views::deadline_text(&status)} "."</p>
                    <p><a href="/cpd">"Record and review your CPD"</a></p>
                }
            })}
        </article>
    }
}

#[component]
fn TeamCard() -> impl IntoView {
    let team = Resource::new(|| (), |_| team_progress());
    view! {
        <article class="card">
            <h2>"Your team"</h2>
            {loaded(
                team,
                |people| {
                    if people.is_empty() {
                        return view! { <p>"Nobody has you recorded as their line manager or assessor yet."</p> }
                            .into_any();
                    }
                    let count = people.len();
                    let noun = if count == 1 { "person" } else { "people" };
                    let waiting: u32 = people.iter().map(|p| p.pending_reviews).sum();
                    view! {
                        <p class="stat">
                            <span class="stat-number">{count}</span>
                            " " {noun} " you supervise"
                        </p>
                        <p>
                            {if waiting == 0 {
                                view! { <span>"Nothing is waiting for your review."</span> }.into_any()
                            } else {
                                view! {
                                    <a href="/reviews">
                                        {waiting}
                                        {if waiting == 1 { " criterion waiting for your review" } else { " criteria waiting for your review" }}
                                    </a>
                                }
                                    .into_any()
                            }}
                        </p>
                        <p>
                            <a href="/team">"See your team"</a>
                        </p>
                    }
                        .into_any()
                },
            )}
        </article>
    }
}

/// Where the viewer stands on the pathway, for anyone on it.
#[component]
fn PathwayCard() -> impl IntoView {
    let pathway = Resource::new(|| (), |_| my_pathway());
    view! {
        <Suspense fallback=|| ()>
            {move || {
                pathway
                    .get()
                    .and_then(Result::ok)
                    .and_then(|view| {
                        let next = view.next.clone()?;
                        let r = view.readiness;
                        Some(view! {
                            <article class="card">
                                <h2>"Your pathway"</h2>
                                <p class="stat">
                                    <span class="stat-number">{r.signed_off}</span>
                                    " of " {r.total} " criteria signed off for " {next.to_name.clone()}
                                </p>
                                <p>
                                    <a href="/pathway">"See my pathway"</a>
                                    " · "
                                    <a href="/evidence/new">"Add evidence"</a>
                                </p>
                            </article>
                        })
                    })
            }}
        </Suspense>
    }
}

#[component]
fn AdminCard() -> impl IntoView {
    view! {
        <article class="card">
            <h2>"Administration"</h2>
            <ul class="link-list">
                <li>
                    <a href="/admin/people">"Manage people and roles"</a>
                </li>
                <li>
                    <a href="/admin/people/new">"Add a person"</a>
                </li>
                <li>
                    <a href="/admin/teams">"Manage services and teams"</a>
                </li>
            </ul>
        </article>
    }
}

#[component]
fn OverviewPanel() -> impl IntoView {
    let overview = Resource::new(|| (), |_| council_overview());
    view! {
        <section class="panel" aria-labelledby="overview-heading">
            <h2 id="overview-heading">"Your council at a glance"</h2>
            {loaded(overview, |overview| {
                view! {
                    <p class="stat">
                        <span class="stat-number">{overview.active_people}</span>
                        " active staff"
                    </p>
                    <div class="two-col">
                        <CountTable
                            caption="Staff by career level"
                            heading="Career level"
                            rows=overview
                                .by_level
                                .iter()
                                .map(|(key, n)| (level_label(key).to_string(), *n))
                                .collect()
                        />
                        <CountTable
                            caption="Staff by service"
                            heading="Service"
                            rows=overview.by_service.clone()
                        />
                    </div>
                }
            })}
        </section>
    }
}

#[component]
fn CountTable(
    caption: &'static str,
    heading: &'static str,
    rows: Vec<(String, u64)>,
) -> impl IntoView {
    view! {
        <table class="table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{heading}</th>
                    <th scope="col" class="num">"People"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(label, count)| {
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                <td class="num">{count}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
