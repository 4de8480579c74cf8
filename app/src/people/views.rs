//! Admin pages for people and teams, and the supervisor's team page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{
    SavePerson, SaveTeam, SetPassword, SetPersonActive, get_person, list_people, list_teams,
    person_choices,
};
use super::levels::{CAREER_LEVELS, level_label};
use super::model::{Choice, Page, PersonDetail, PersonSummary, TeamNode, tree_order};
use crate::auth::roles::{self, Action, Role};
use crate::error::FieldErrors;
use crate::shell::Guarded;
use crate::ui::{
    ErrorSummary, Field, LoadError, Loading, Notice, SelectField, field_errors, general_error,
};

#[component]
pub fn MyTeamPage() -> impl IntoView {
    view! {
        <Title text="My team" />
        <Guarded action=Action::ViewSupervisees>
            <MyTeam />
        </Guarded>
    }
}

#[component]
fn MyTeam() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"My team"</h1>
            <p class="lede">
                "The people you line-manage or assess: where each stands on the pathway and what is waiting for you."
            </p>
            <crate::progression::views::TeamProgress />
        </section>
    }
}

#[component]
fn PeopleTable(people: Vec<PersonSummary>, admin_links: bool) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="People">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Career level"</th>
                        <th scope="col">"Team"</th>
                        <th scope="col">"Roles"</th>
                        {admin_links.then(|| view! { <th scope="col">"Status"</th> })}
                    </tr>
                </thead>
                <tbody>
                    {people
                        .into_iter()
                        .map(|person| {
                            let name = if admin_links {
                                view! {
                                    <a href=format!("/admin/people/{}", person.id)>{person.name.clone()}</a>
                                }
                                    .into_any()
                            } else {
                                view! { <span>{person.name.clone()}</span> }.into_any()
                            };
                            view! {
                                <tr>
                                    <th scope="row">
                                        {name}
                                        <span class="cell-sub">{person.email.clone()}</span>
                                    </th>
                                    <td>{level_label(&person.career_level).to_string()}</td>
                                    <td>{person.team_name.clone().unwrap_or_else(|| "–".into())}</td>
                                    <td>{roles::labels(&person.roles)}</td>
                                    {admin_links
                                        .then(|| {
                                            let (class, label) = if person.active {
                                                ("tag tag-ok", "Active")
                                            } else {
                                                ("tag tag-muted", "Deactivated")
                                            };
                                            view! {
                                                <td>
                                                    <span class=class>{label}</span>
                                                </td>
                                            }
                                        })}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! {
        <Title text="People" />
        <Guarded action=Action::ManagePeople>
            <People />
        </Guarded>
    }
}

#[component]
fn People() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q")).unwrap_or_default();
    let page = move || {
        query
            .with(|q| q.get("page"))
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
    };
    let inactive = move || query.with(|q| q.get("inactive")).is_some_and(|v| v == "on");
    let people = Resource::new(
        move || (search(), page(), inactive()),
        |(search, page, inactive)| list_people(search, page, inactive),
    );
    view! {
        <section class="page">
            <div class="page-head">
                <h1>"People"</h1>
                <a class="button" href="/admin/people/new">
                    "Add a person"
                </a>
            </div>
            <Form method="GET" action="" attr:class="search-form" attr:role="search">
                <div class="field">
                    <label for="people-search">"Search by name or email"</label>
                    <input id="people-search" type="search" name="q" value=search prop:value=search />
                </div>
                <div class="checkbox">
                    <input
                        id="people-inactive"
                        type="checkbox"
                        name="inactive"
                        checked=inactive
                        prop:checked=inactive
                    />
                    <label for="people-inactive">"Include deactivated people"</label>
                </div>
                <button type="submit" class="button button-secondary">
                    "Search"
                </button>
            </Form>
            <Transition fallback=|| view! { <Loading /> }>
                {move || {
                    people
                        .get()
                        .map(|result| match result {
                            Ok(page) => view! { <PeopleResults page search=search() inactive=inactive() /> }.into_any(),
                            Err(error) => view! { <LoadError error /> }.into_any(),
                        })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn PeopleResults(page: Page<PersonSummary>, search: String, inactive: bool) -> impl IntoView {
    if page.items.is_empty() {
        let message = if search.is_empty() {
            "There is nobody here yet. Add the first person.".to_string()
        } else {
            format!(
                "Nobody matches \u{201c}{search}\u{201d}. Try part of a name or an email address."
            )
        };
        return view! { <p class="empty">{message}</p> }.into_any();
    }
    let page_count = page.page_count();
    let current = page.page;
    let link = move |to: u32| {
        let mut query = vec![format!("page={to}")];
        if !search.is_empty() {
            query.push(format!(
                "q={}",
                search.replace(' ', "+").replace('&', "%26")
            ));
        }
        if inactive {
            query.push("inactive=on".into());
        }
        format!("/admin/people?{}", query.join("&"))
    };
    let noun = if page.total == 1 { "person" } else { "people" };
    view! {
        <p class="result-count" role="status">{page.total} " " {noun}</p>
        <PeopleTable people=page.items admin_links=true />
        <nav class="pagination" aria-label="Pages of people">
            {(current > 1)
                .then(|| view! { <A href=link(current - 1) attr:rel="prev">"Previous"</A> })}
            <span>"Page " {current} " of " {page_count}</span>
            {(current < page_count)
                .then(|| view! { <A href=link(current + 1) attr:rel="next">"Next"</A> })}
        </nav>
    }
    .into_any()
}

#[component]
pub fn PersonEditPage() -> impl IntoView {
    view! {
        <Title text="Person" />
        <Guarded action=Action::ManagePeople>
            <PersonEdit />
        </Guarded>
    }
}

#[component]
fn PersonEdit() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.with(|p| p.get("id"));
    let save = ServerAction::<SavePerson>::new();
    let activate = ServerAction::<SetPersonActive>::new();
    let person = Resource::new(
        move || (id(), activate.version().get(), save.version().get()),
        |(id, _, _)| async move {
            match id {
                Some(id) => get_person(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let choices = Resource::new(|| (), |_| person_choices());
    let saved = Signal::derive(move || {
        query
            .with(|q| q.get("saved"))
            .map(|_| "Saved.".to_string())
            .or_else(|| {
                activate
                    .value()
                    .with(|v| matches!(v, Some(Ok(()))).then(|| "Status updated.".to_string()))
            })
    });
    view! {
        <section class="page">
            <p>
                <a href="/admin/people">"Back to people"</a>
            </p>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || {
                    match (person.get(), choices.get()) {
                        (Some(Ok(person)), Some(Ok(choices))) => {
                            let heading = person
                                .as_ref()
                                .map(|p| p.name.clone())
                                .unwrap_or_else(|| "Add a person".to_string());
                            view! {
                                <h1>{heading}</h1>
                                <Notice message=saved />
                                <PersonFormView
                                    person=person.clone()
                                    teams=choices.teams
                                    managers=choices.managers
                                    action=save
                                />
                                {person
                                    .map(|person| {
                                        view! {
                                            <SetPasswordForm person=person.clone() />
                                            <ActiveToggle person action=activate />
                                        }
                                    })}
                            }
                                .into_any()
                        }
                        (Some(Err(error)), _) | (_, Some(Err(error))) => {
                            view! { <LoadError error /> }.into_any()
                        }
                        _ => view! { <Loading /> }.into_any(),
                    }
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn PersonFormView(
    person: Option<PersonDetail>,
    teams: Vec<Choice>,
    managers: Vec<Choice>,
    action: ServerAction<SavePerson>,
) -> impl IntoView {
    let value = action.value();
    let errors = field_errors(value);
    let general = general_error(value);
    let creating = person.is_none();
    let detail = person.clone().unwrap_or_default();
    let levels: Vec<Choice> = CAREER_LEVELS
        .iter()
        .map(|level| Choice {
            id: level.key.to_string(),
            label: level.label.to_string(),
        })
        .collect();
    let managers: Vec<Choice> = managers.into_iter().filter(|m| m.id != detail.id).collect();
    let role_message = Signal::derive(move || errors.with(|e| e.get("roles").map(str::to_string)));
    view! {
        <ErrorSummary message=general />
        <ActionForm action attr:class="form form-wide" attr:novalidate=true>
            <input type="hidden" name="id" value=person.as_ref().map(|p| p.id.clone()).unwrap_or_default() />
            <Field label="Full name" name="form[name]" error_key="name" errors value=detail.name.clone() autocomplete="off" required=true />
            <Field label="Email" name="form[email]" error_key="email" kind="email" errors value=detail.email.clone() autocomplete="off" required=true />
            <fieldset class="field" class:field-invalid=move || role_message.with(Option::is_some) aria-describedby="roles-hint">
                <legend>"Roles"</legend>
                <p class="hint" id="roles-hint">"Choose every role this person holds."</p>
                {move || role_message.get().map(|m| view! { <p class="field-error" id="field-roles-error">{m}</p> })}
                {Role::ALL
                    .into_iter()
                    .map(|role| {
                        let name = format!("form[role_{}]", role.key());
                        let input_id = format!("role-{}", role.key());
                        let checked = detail.roles.contains(&role);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=input_id.clone() name=name checked=checked />
                                <label for=input_id>{role.label()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <SelectField label="Career level" name="form[career_level]" error_key="career_level" errors options=levels selected=Some(detail.career_level.clone()).filter(|l| !l.is_empty()) empty="Choose a level" />
            <Field label="Job title (optional)" name="form[job_title]" error_key="job_title" errors value=detail.job_title.clone().unwrap_or_default() />
            <SelectField label="Team (optional)" name="form[team_id]" error_key="team_id" errors options=teams selected=detail.team_id.clone() empty="No team" />
            <SelectField label="Line manager (optional)" name="form[line_manager_id]" error_key="line_manager_id" errors options=managers.clone() selected=detail.line_manager_id.clone() empty="No line manager" />
            <SelectField label="Assessor (optional)" name="form[assessor_id]" error_key="assessor_id" errors options=managers selected=detail.assessor_id.clone() empty="No assessor" />
            <Field label="Start date (optional)" name="form[start_date]" error_key="start_date" kind="date" errors value=detail.start_date.clone().unwrap_or_default() />
            <Field label="Social Work England number (optional)" name="form[swe_number]" error_key="swe_number" errors value=detail.swe_number.clone().unwrap_or_default() hint="For example SW123456." />
            {creating
                .then(|| {
                    view! {
                        <Field
                            label="First password"
                            name="form[password]"
                            error_key="password"
                            kind="password"
                            autocomplete="new-password"
                            errors
                            hint="At least 12 characters. Give it to the person privately; they can change it under My account."
                            required=true
                        />
                    }
                })}
            <button type="submit" class="button">
                {if creating { "Add person" } else { "Save changes" }}
            </button>
        </ActionForm>
    }
}

#[component]
fn SetPasswordForm(person: PersonDetail) -> impl IntoView {
    let action = ServerAction::<SetPassword>::new();
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let done = Signal::derive(move || {
        action.value().with(|v| {
            matches!(v, Some(Ok(()))).then(|| {
                "Password set. Any sessions they had open have been signed out.".to_string()
            })
        })
    });
    view! {
        <section class="card" aria-labelledby="password-heading">
            <h2 id="password-heading">"Set a new password"</h2>
            <p>
                "For someone who has forgotten theirs. Give it to them privately; they can change it under My account."
            </p>
            <Notice message=done />
            <ErrorSummary message=general />
            <ActionForm action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=person.id />
                <Field
                    label="New password for this person"
                    name="new_password"
                    kind="password"
                    autocomplete="new-password"
                    hint="At least 12 characters."
                    errors
                    required=true
                />
                <button type="submit" class="button button-secondary">
                    "Set password"
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ActiveToggle(person: PersonDetail, action: ServerAction<SetPersonActive>) -> impl IntoView {
    let general = general_error(action.value());
    let (heading, text, button, next) = if person.active {
        (
            "Deactivate",
            "A deactivated person cannot sign in and is signed out everywhere at once. Their records are kept.",
            "Deactivate this person",
            "false",
        )
    } else {
        (
            "Reactivate",
            "This person is deactivated and cannot sign in. Reactivating lets them sign in again.",
            "Reactivate this person",
            "true",
        )
    };
    view! {
        <section class="card danger-zone" aria-labelledby="status-heading">
            <h2 id="status-heading">{heading}</h2>
            <p>{text}</p>
            <ErrorSummary message=general />
            <ActionForm action>
                <input type="hidden" name="id" value=person.id />
                <input type="hidden" name="active" value=next />
                <button type="submit" class="button button-danger">
                    {button}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn TeamsPage() -> impl IntoView {
    view! {
        <Title text="Teams" />
        <Guarded action=Action::ManageTeams>
            <Teams />
        </Guarded>
    }
}

#[component]
fn Teams() -> impl IntoView {
    // Adding and editing are separate actions so a problem with one never shows on the other.
    let add = ServerAction::<SaveTeam>::new();
    let save = ServerAction::<SaveTeam>::new();
    let query = use_query_map();
    let archived = move || query.with(|q| q.get("archived")).is_some_and(|v| v == "on");
    let teams = Resource::new(
        move || (add.version().get(), save.version().get(), archived()),
        |(_, _, archived)| list_teams(archived),
    );
    let errors = field_errors(add.value());
    let save_problem = general_error(save.value());
    let add_problem = general_error(add.value());
    let general = Signal::derive(move || save_problem.get().or_else(|| add_problem.get()));
    let saved = Signal::derive(move || {
        let ok = |v: &Option<Result<(), crate::error::AppError>>| matches!(v, Some(Ok(())));
        (save.value().with(ok) || add.value().with(ok)).then(|| "Saved.".to_string())
    });
    view! {
        <section class="page">
            <h1>"Services and teams"</h1>
            <p class="lede">
                "Services hold teams. People belong to a team; reports roll teams up to their service."
            </p>
            <Form method="GET" action="" attr:class="inline-form list-filter">
                <div class="checkbox">
                    <input id="teams-archived" type="checkbox" name="archived" checked=archived />
                    <label for="teams-archived">"Show archived"</label>
                </div>
                <button type="submit" class="button button-secondary">
                    "Update list"
                </button>
            </Form>
            <Notice message=saved />
            <ErrorSummary message=general />
            <Transition fallback=|| view! { <Loading /> }>
                {move || {
                    teams
                        .get()
                        .map(|result| match result {
                            Ok(teams) => view! { <TeamList teams add save errors /> }.into_any(),
                            Err(error) => view! { <LoadError error /> }.into_any(),
                        })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn TeamList(
    teams: Vec<TeamNode>,
    add: ServerAction<SaveTeam>,
    save: ServerAction<SaveTeam>,
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let services: Vec<Choice> = teams
        .iter()
        .filter(|t| t.parent_id.is_none() && !t.archived)
        .map(|t| Choice {
            id: t.id.clone(),
            label: t.name.clone(),
        })
        .collect();
    let rows = tree_order(&teams);
    let add_services = services.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Services and teams">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col" class="num">"People"</th>
                        <th scope="col">"Change"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(depth, team)| {
                            let services = services.clone();
                            view! { <TeamRow depth team services save /> }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <section class="card" aria-labelledby="add-team-heading">
            <h2 id="add-team-heading">"Add a service or team"</h2>
            <ActionForm action=add attr:class="form" attr:novalidate=true>
                <Field label="Name" name="name" errors required=true />
                <SelectField
                    label="Inside service"
                    name="parent_id"
                    error_key="parent_id"
                    errors
                    options=add_services
                    selected=None
                    empty="None: this is a new service"
                />
                <button type="submit" class="button">
                    "Add"
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn TeamRow(
    depth: usize,
    team: TeamNode,
    services: Vec<Choice>,
    save: ServerAction<SaveTeam>,
) -> impl IntoView {
    let prefix = format!("team-{}", team.id);
    let services: Vec<Choice> = services.into_iter().filter(|s| s.id != team.id).collect();
    let kind = if team.parent_id.is_some() {
        "Team"
    } else {
        "Service"
    };
    view! {
        <tr class:row-muted=team.archived>
            <th scope="row" class=format!("depth-{}", depth.min(3))>
                {team.name.clone()}
                {team.archived.then(|| view! { <span class="tag tag-muted">"Archived"</span> })}
            </th>
            <td>{kind}</td>
            <td class="num">{team.members}</td>
            <td>
                <details class="row-edit">
                    <summary>
                        "Edit" <span class="visually-hidden">" " {team.name.clone()}</span>
                    </summary>
                    <ActionForm action=save attr:class="form compact">
                        <input type="hidden" name="id" value=team.id.clone() />
                        <div class="field">
                            <label for=format!("{prefix}-name")>"Name"</label>
                            <input id=format!("{prefix}-name") name="name" value=team.name.clone() />
                        </div>
                        <div class="field">
                            <label for=format!("{prefix}-parent")>"Inside service"</label>
                            <select id=format!("{prefix}-parent") name="parent_id">
                                <option value="" selected=team.parent_id.is_none()>
                                    "None: a service"
                                </option>
                                {services
                                    .into_iter()
                                    .map(|s| {
                                        let selected = team.parent_id.as_deref() == Some(s.id.as_str());
                                        view! { <option value=s.id selected=selected>{s.label}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        </div>
                        <div class="checkbox">
                            <input
                                id=format!("{prefix}-archived")
                                type="checkbox"
                                name="archived"
                                checked=team.archived
                            />
                            <label for=format!("{prefix}-archived")>"Archived"</label>
                        </div>
                        <button type="submit" class="button button-secondary">
                            "Save"
                        </button>
                    </ActionForm>
                </details>
            </td>
        </tr>
    }
}
