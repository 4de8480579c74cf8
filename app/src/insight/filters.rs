//! The filters every insight page shares: a period, a service and a team, read from the
//! address and posted back to it as a plain GET form, so they work before the wasm loads.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::workforce::model::WorkforceFilter;

/// The filter in the page's address, as it changes.
pub fn filter_from_query() -> Memo<WorkforceFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| WorkforceFilter {
            period: q.get("period").unwrap_or_default(),
            service: q.get("service").unwrap_or_default(),
            team: q.get("team").unwrap_or_default(),
        })
    })
}

fn select(
    id: String,
    label: &'static str,
    name: &'static str,
    any: Option<&'static str>,
    choices: Vec<(String, String)>,
    chosen: String,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {any.map(|text| view! { <option value="">{text}</option> })}
                {choices
                    .into_iter()
                    .map(|(k, l)| {
                        let selected = k == chosen;
                        view! { <option value=k selected=selected>{l}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The period, service and team selects, each keeping its chosen value. `any_period` is the
/// label of the "no particular quarter" choice, where the page has one.
#[component]
pub fn ScopeSelects(
    /// Prefix for the controls' ids, unique on the page.
    id: &'static str,
    filter: WorkforceFilter,
    periods: Vec<(String, String)>,
    #[prop(default = "Quarter")] period_label: &'static str,
    #[prop(optional)] any_period: Option<&'static str>,
    services: Vec<(String, String)>,
    teams: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        {select(format!("{id}-period"), period_label, "period", any_period, periods, filter.period)}
        {select(format!("{id}-service"), "Service", "service", Some("All services"), services, filter.service)}
        {select(format!("{id}-team"), "Team", "team", Some("All teams"), teams, filter.team)}
    }
}
