//! The supervisor's team view: each supervisee's level, readiness, pending reviews and last
//! activity, linking to their pathway.

use leptos::prelude::*;

use super::super::api::team_progress;
use super::super::model::StepKind;
use crate::ui::loaded;

#[component]
pub fn TeamProgress() -> impl IntoView {
    let team = Resource::new(|| (), |_| team_progress());
    loaded(team, |members| {
        if members.is_empty() {
            return view! {
                <p class="empty">
                    "Nobody has you recorded as their line manager or assessor yet. Your admin can set this on each person's record."
                </p>
            }
                .into_any();
        }
        let summary = TeamSummary::of(&members);
        view! {
            <ul class="card-grid tally" data-testid="team-summary" aria-label="Your team at a glance">
                <li class="card"><span class="stat-number">{summary.people}</span>" people"</li>
                <li class="card"><span class="stat-number">{summary.ready}</span>" ready for their next step"</li>
                <li class="card"><span class="stat-number">{summary.waiting}</span>" criteria waiting for you"</li>
                <li class="card"><span class="stat-number">{summary.asye_overdue}</span>" ASYE milestones overdue"</li>
                <li class="card"><span class="stat-number">{summary.cpd_at_risk}</span>" CPD at risk"</li>
                <li class="card"><span class="stat-number">{summary.supervision_behind}</span>" behind on supervision"</li>
            </ul>
            <p class="button-row">
                <a class="button button-secondary" href="/export/team.csv" download="">"Download the team (CSV)"</a>
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Team progress">
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Level"</th>
                            <th scope="col">"Readiness for next level"</th>
                            <th scope="col" class="num">"Waiting for you"</th>
                            <th scope="col">"ASYE next due"</th>
                            <th scope="col">"CPD this year"</th>
                            <th scope="col">"Supervision"</th>
                            <th scope="col">"Last activity"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {members
                            .into_iter()
                            .map(|m| {
                                let by_recruitment = m.step_kind == Some(StepKind::Recruitment);
                                let readiness = match &m.next_level_name {
                                    Some(next) if m.readiness.total > 0 => format!(
                                        "{} of {} signed off for {}{}",
                                        m.readiness.signed_off,
                                        m.readiness.total,
                                        next,
                                        if by_recruitment { " (by recruitment)" } else { "" }
                                    ),
                                    Some(next) => format!("{next}: by recruitment"),
                                    None => "Top of the pathway".to_string(),
                                };
                                let ready = m.readiness.met() && !by_recruitment;
                                let width = format!("width: {}%", m.readiness.percent().min(100));
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <a href=format!("/team/{}", m.id)>{m.name.clone()}</a>
                                            <span class="cell-sub">
                                                {m.team_name.clone().unwrap_or_default()}
                                                {(m.relationship != "Line manager").then_some(" · you are their assessor")}
                                            </span>
                                            <span class="cell-note">
                                                {m.asye.then(|| view! { <a href=format!("/asye/{}", m.id)>"ASYE programme"</a> })}
                                            </span>
                                        </th>
                                        <td>{m.level_name.clone()}</td>
                                        <td>
                                            {readiness}
                                            {(m.readiness.total > 0)
                                                .then(|| {
                                                    view! {
                                                        <div class="meter meter-small" aria-hidden="true">
                                                            <div class="meter-fill" style=width></div>
                                                        </div>
                                                    }
                                                })}
                                            {ready.then(|| view! { <span class="tag tag-ok">"Ready"</span> })}
                                        </td>
                                        <td class="num">
                                            {if m.pending_reviews > 0 {
                                                view! { <a href="/reviews">{m.pending_reviews}</a> }.into_any()
                                            } else {
                                                view! { <span>"0"</span> }.into_any()
                                            }}
                                        </td>
                                        <td>
                                            {(!m.asye_overdue.is_empty()).then(|| view! { <span class="tag tag-danger">{format!("Overdue: {}", m.asye_overdue.join(", "))}</span> })}
                                            {m.asye_next.clone().map(|(label, due)| view! { <span class="cell-note">{format!("{label}, {}", crate::dates::uk_date(&due))}</span> })}
                                            {(!m.asye).then(|| view! { <span class="cell-note">"Not in their ASYE"</span> })}
                                        </td>
                                        <td>
                                            {match m.cpd {
                                                Some(c) => {
                                                    let link = format!("/team/{}/cpd", m.id);
                                                    view! {
                                                        <a href=link><span class=crate::cpd::views::state_class(c.state)>{c.state.label()}</span></a>
                                                        <span class="cell-note">{format!("{} {}, {} with peer reflection", c.records, if c.records == 1 { "record" } else { "records" }, c.peer_reflections)}</span>
                                                    }
                                                        .into_any()
                                                }
                                                None => view! { <span class="cell-note">"Not registered"</span> }.into_any(),
                                            }}
                                        </td>
                                        <td>
                                            {m.supervision.clone().map(|c| view! {
                                                <span class=if c.behind() { "tag tag-danger" } else { "tag tag-done" }>{c.short_label()}</span>
                                                <span class="cell-note">{c.state_label()}</span>
                                            })}
                                        </td>
                                        <td>{m.last_activity.clone().unwrap_or_else(|| "None yet".into())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
            .into_any()
    })
}

/// The team's figures at a glance, from the same rows as the table.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TeamSummary {
    pub people: usize,
    pub ready: usize,
    pub waiting: u32,
    pub asye_overdue: usize,
    pub cpd_at_risk: usize,
    pub supervision_behind: usize,
}

impl TeamSummary {
    pub fn of(members: &[super::super::data::TeamMember]) -> TeamSummary {
        TeamSummary {
            people: members.len(),
            ready: members
                .iter()
                .filter(|m| m.readiness.met() && m.step_kind != Some(StepKind::Recruitment))
                .count(),
            waiting: members.iter().map(|m| m.pending_reviews).sum(),
            asye_overdue: members.iter().map(|m| m.asye_overdue.len()).sum(),
            cpd_at_risk: members
                .iter()
                .filter(|m| {
                    m.cpd
                        .is_some_and(|c| c.state == crate::cpd::rules::CpdState::AtRisk)
                })
                .count(),
            supervision_behind: members
                .iter()
                .filter(|m| m.supervision.as_ref().is_some_and(|c| c.behind()))
                .count(),
        }
    }
}
