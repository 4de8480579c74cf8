//! Event pages: upcoming events with filters, approvals and "my bookings"; an event with
//! booking, the waitlist, the calendar file and (for the learning team) attendance; the
//! learning lead's event form; and the learner's hub.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::event_api::{
    BookEvent, CancelBooking, CancelEvent, DecideBooking, EventEditing, RecordAttendance,
    SaveEvent, event_edit_form, get_event, learning_hub, list_events,
};
use super::event_form::{SESSION_ROWS, SessionForm};
use super::model::{
    ApprovalRow, Attendee, BookingRow, EventDetail, EventSummary, EventsPage, MyLearning, PathView,
};
use crate::auth::roles::Action;
use crate::dates::uk_date;
use crate::shell::Guarded;
use crate::ui::{
    ErrorSummary, Field, Notice, TextArea, field_errors, general_error, loaded, successes,
};

/// How a booking stands, in words.
pub fn booking_label(status: &str, position: Option<u32>) -> String {
    match (status, position) {
        ("booked", _) => "Booked".to_string(),
        ("requested", _) => "Waiting for your line manager's approval".to_string(),
        ("waitlisted", Some(p)) => format!("On the waitlist: number {p}"),
        ("waitlisted", None) => "On the waitlist".to_string(),
        ("declined", _) => "Not approved".to_string(),
        _ => "Cancelled".to_string(),
    }
}

fn booking_class(status: &str) -> &'static str {
    match status {
        "booked" => "tag tag-done",
        "requested" | "waitlisted" => "tag tag-warn",
        _ => "tag tag-muted",
    }
}

fn places_text(e: &EventSummary) -> String {
    match e.places_left() {
        0 if e.waiting > 0 => format!("Full: {} waiting", e.waiting),
        0 => "Full: join the waitlist".to_string(),
        1 => "1 place left".to_string(),
        n => format!("{n} places left"),
    }
}

#[component]
pub fn EventsListPage() -> impl IntoView {
    view! {
        <Title text="Events" />
        <Guarded action=Action::UseOwnAccount>
            <EventsList />
        </Guarded>
    }
}

#[derive(Clone, PartialEq)]
struct EventFilter {
    all: bool,
    format: String,
    free: bool,
}

#[component]
fn EventsList() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| EventFilter {
            all: q.get("show").as_deref() == Some("all"),
            format: q.get("format").unwrap_or_default(),
            free: q.get("places").as_deref() == Some("free"),
        })
    });
    let decide = ServerAction::<DecideBooking>::new();
    let decided = successes(decide.value());
    let page = Resource::new(
        move || (filter.get().all, decided.get()),
        |(all, _)| list_events(all),
    );
    let notice = Signal::derive(move || {
        query.with(|q| match q.get("done").as_deref() {
            Some("approved") => Some("Approved: they are booked and have been told.".to_string()),
            Some("declined") => Some("Declined: they have been told.".to_string()),
            _ => None,
        })
    });
    view! {
        <section class="page">
            <h1>"Events"</h1>
            <p class="lede">"Workshops, briefings and forums from the learning academy. Book a place, or join the waitlist when an event is full."</p>
            <Notice message=notice />
            {loaded(page, move |page: EventsPage| view! { <EventsBody page filter=filter.get_untracked() decide /> })}
        </section>
    }
}

#[component]
fn EventsBody(
    page: EventsPage,
    filter: EventFilter,
    decide: ServerAction<DecideBooking>,
) -> impl IntoView {
    let upcoming: Vec<EventSummary> = page
        .upcoming
        .into_iter()
        .filter(|e| match filter.format.as_str() {
            "online" => e.online,
            "in_person" => !e.online,
            _ => true,
        })
        .filter(|e| !filter.free || e.places_left() > 0)
        .collect();
    let count = match upcoming.len() {
        1 => "1 event".to_string(),
        n => format!("{n} events"),
    };
    view! {
        {page.can_curate.then(|| view! {
            <p><a class="button" href="/events/new">"Create an event"</a></p>
        })}
        {(!page.approvals.is_empty()).then(|| view! { <Approvals rows=page.approvals.clone() action=decide /> })}
        <section class="card" aria-labelledby="mine-heading">
            <h2 id="mine-heading">"My bookings"</h2>
            <MyBookings rows=page.mine.clone() />
        </section>
        <section aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">"Upcoming events"</h2>
            <Form method="GET" action="/events" attr:class="filter-form" attr:aria-label="Filter events">
                <div class="field">
                    <label for="events-show">"Show"</label>
                    <select id="events-show" name="show">
                        <option value="" selected=!filter.all>"Events for me"</option>
                        <option value="all" selected=filter.all>"All events"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="events-format">"Format"</label>
                    <select id="events-format" name="format">
                        <option value="" selected=filter.format.is_empty()>"Online or in person"</option>
                        <option value="online" selected=filter.format == "online">"Online"</option>
                        <option value="in_person" selected=filter.format == "in_person">"In person"</option>
                    </select>
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="events-free" name="places" value="free" checked=filter.free />
                    <label for="events-free">"Only events with places left"</label>
                </div>
                <div class="filter-buttons">
                    <button type="submit" class="button button-secondary">"Show events"</button>
                </div>
            </Form>
            <p class="result-count" role="status">{count}</p>
            {if upcoming.is_empty() {
                view! { <p class="empty">"No events match. Try showing all events, or another format."</p> }.into_any()
            } else {
                view! {
                    <ul class="event-list">
                        {upcoming.into_iter().map(|e| view! { <EventCard e /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn EventCard(e: EventSummary) -> impl IntoView {
    let places = places_text(&e);
    view! {
        <li class="event-card">
            <h3 class="record-title"><a href=format!("/events/{}", e.id)>{e.title.clone()}</a></h3>
            <p class="record-meta">
                {e.first.clone()}
                {(e.sessions > 1).then(|| format!(" (and {} more sessions)", e.sessions - 1))}
                " · " {e.place.clone()}
            </p>
            <p>{e.summary.clone()}</p>
            <p class="record-meta">
                "For: " {e.audience.clone()} " · " {places}
                {e.needs_approval.then_some(" · Needs your line manager's approval")}
                {e.my_status.clone().map(|s| view! { " " <span class=booking_class(&s)>{booking_label(&s, None)}</span> })}
            </p>
        </li>
    }
}

#[component]
fn MyBookings(rows: Vec<BookingRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"You have no bookings yet."</p> }.into_any();
    }
    view! {
        <ul class="record-list">
            {rows
                .into_iter()
                .map(|b| view! {
                    <li class="record">
                        <a href=format!("/events/{}", b.event_id)>{b.title.clone()}</a>
                        <span class="record-meta">" · " {b.first.clone()} " "</span>
                        {match (b.past, b.attended) {
                            (true, Some(true)) => view! {
                                <span class="tag tag-done">"Attended"</span>
                                " "
                                <a href=format!("/cpd/new?event={}", b.event_id)>"Make a CPD record"</a>
                            }.into_any(),
                            (true, Some(false)) => view! { <span class="tag tag-muted">"Did not attend"</span> }.into_any(),
                            _ => view! { <span class=booking_class(&b.status)>{booking_label(&b.status, b.position)}</span> }.into_any(),
                        }}
                    </li>
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Approvals(rows: Vec<ApprovalRow>, action: ServerAction<DecideBooking>) -> impl IntoView {
    let general = general_error(action.value());
    view! {
        <section class="card" aria-labelledby="approvals-heading">
            <h2 id="approvals-heading">"Waiting for your approval"</h2>
            <ErrorSummary message=general />
            <ul class="record-list">
                {rows
                    .into_iter()
                    .map(|a| {
                        let (id, person) = (a.event_id.clone(), a.booking.clone());
                        let (id2, person2) = (id.clone(), person.clone());
                        let label_yes = format!("Approve {}'s place", a.person_name);
                        let label_no = format!("Decline {}'s place", a.person_name);
                        view! {
                            <li class="record">
                                <p>
                                    <strong>{a.person_name.clone()}</strong>
                                    " asked for a place on "
                                    <a href=format!("/events/{}", a.event_id)>{a.event_title.clone()}</a>
                                    " (" {a.first.clone()} ")"
                                </p>
                                <div class="button-row">
                                    <ActionForm action attr:class="inline-form">
                                        <input type="hidden" name="id" value=id />
                                        <input type="hidden" name="person" value=person />
                                        <input type="hidden" name="approve" value="true" />
                                        <button type="submit" class="button" aria-label=label_yes>"Approve"</button>
                                    </ActionForm>
                                    <ActionForm action attr:class="inline-form">
                                        <input type="hidden" name="id" value=id2 />
                                        <input type="hidden" name="person" value=person2 />
                                        <input type="hidden" name="approve" value="false" />
                                        <button type="submit" class="button button-secondary" aria-label=label_no>"Decline"</button>
                                    </ActionForm>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn EventPage() -> impl IntoView {
    view! {
        <Title text="Event" />
        <Guarded action=Action::UseOwnAccount>
            <EventView />
        </Guarded>
    }
}

#[component]
fn EventView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let book = ServerAction::<BookEvent>::new();
    let cancel = ServerAction::<CancelBooking>::new();
    let attend = ServerAction::<RecordAttendance>::new();
    let end = ServerAction::<CancelEvent>::new();
    let changed = (
        successes(book.value()),
        successes(cancel.value()),
        successes(attend.value()),
        successes(end.value()),
    );
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let event = Resource::new(
        move || {
            (
                id(),
                changed.0.get() + changed.1.get() + changed.2.get() + changed.3.get(),
            )
        },
        |(id, _)| get_event(id),
    );
    let notice = Signal::derive(move || {
        query.with(|q| match q.get("done").as_deref() {
            Some("booked") => Some("You are booked. Add it to your calendar below.".to_string()),
            Some("requested") => Some("A place is held for you while your line manager approves it.".to_string()),
            Some("waitlisted") => Some("The event is full: you are on the waitlist, and we will tell you if a place comes up.".to_string()),
            Some("cancelled") => Some("Cancelled. Your place has gone to the next person waiting, if anyone was.".to_string()),
            Some("attendance") => Some("Attendance saved.".to_string()),
            Some("created") => Some("Event created. It is open for booking now.".to_string()),
            Some("saved") => Some("Changes saved.".to_string()),
            Some("saved_promoted") => Some("Changes saved. The new places went to the people waiting, who have been told.".to_string()),
            Some("event_cancelled") => Some("Event cancelled. Everyone who was booked or waiting has been told.".to_string()),
            _ => None,
        })
    });
    view! {
        <section class="page">
            <p><a href="/events">"Back to events"</a></p>
            <Notice message=notice />
            {loaded(event, move |detail: EventDetail| view! { <EventBody detail book cancel attend end /> })}
        </section>
    }
}

#[component]
fn EventBody(
    detail: EventDetail,
    book: ServerAction<BookEvent>,
    cancel: ServerAction<CancelBooking>,
    attend: ServerAction<RecordAttendance>,
    end: ServerAction<CancelEvent>,
) -> impl IntoView {
    let e = detail.event.clone();
    let book_error = general_error(book.value());
    let cancel_error = general_error(cancel.value());
    let id = e.id.clone();
    let full = e.places_left() == 0;
    view! {
        <Title text=e.title.clone() />
        <h1>{e.title.clone()}</h1>
        <p class="lede">{e.summary.clone()}</p>
        <div class="two-col">
            <section class="card" aria-labelledby="details-heading">
                <h2 id="details-heading">"Details"</h2>
                <dl class="answers">
                    <dt>"Run by"</dt>
                    <dd>{e.facilitator.clone()}</dd>
                    <dt>"For"</dt>
                    <dd>{e.audience.clone()}</dd>
                    <dt>"Places"</dt>
                    <dd data-testid="places">{format!("{} of {} taken", e.seats.min(e.capacity), e.capacity)} " · " {places_text(&e)}</dd>
                    {e.needs_approval.then(|| view! { <dt>"Approval"</dt> <dd>"Your line manager approves each place."</dd> })}
                </dl>
                <h3>{if detail.sessions.len() == 1 { "Session" } else { "Sessions" }}</h3>
                <ul class="sessions">
                    {detail
                        .sessions
                        .iter()
                        .map(|s| view! {
                            <li>
                                <strong>{s.when.clone()}</strong>
                                <br />
                                {s.place.clone()}
                                {s.link.clone().map(|l| view! { " · " <a href=l rel="noopener noreferrer">"Join online"</a> })}
                            </li>
                        })
                        .collect_view()}
                </ul>
                {(!detail.criteria.is_empty()).then(|| view! {
                    <h3>"Helps you show"</h3>
                    <ul class="criteria-mini">
                        {detail.criteria.iter().map(|c| view! {
                            <li><span class="picker-domain">{c.domain.label.clone()}</span>{c.statement.clone()}</li>
                        }).collect_view()}
                    </ul>
                })}
            </section>
            <section class="card" aria-labelledby="place-heading">
                <h2 id="place-heading">"Your place"</h2>
                <ErrorSummary message=book_error />
                <ErrorSummary message=cancel_error />
                {match detail.booking.clone() {
                    Some(b) => {
                        let cancel_id = id.clone();
                        let waiting = b.status == "waitlisted";
                        view! {
                            <p>
                                <span class=booking_class(&b.status) data-testid="my-booking">{booking_label(&b.status, b.position)}</span>
                            </p>
                            {match b.attended {
                                Some(true) => Some(view! {
                                    <p>"You attended. " <a href=format!("/cpd/new?event={id}")>"Make a CPD record from it"</a></p>
                                }.into_any()),
                                Some(false) => Some(view! { <p>"You were marked as not attending."</p> }.into_any()),
                                None => None,
                            }}
                            {(b.status == "booked" && !detail.started).then(|| view! {
                                <p><a class="button button-secondary" href=format!("/events/{id}/calendar.ics") download="">"Add to my calendar (.ics)"</a></p>
                            })}
                            {(!detail.started).then(|| view! {
                                <ActionForm action=cancel attr:class="inline-form">
                                    <input type="hidden" name="id" value=cancel_id />
                                    <button type="submit" class="button button-danger">
                                        {if waiting { "Leave the waitlist" } else { "Cancel my place" }}
                                    </button>
                                </ActionForm>
                            })}
                        }
                            .into_any()
                    }
                    None => match detail.why_not.clone() {
                        Some(reason) => view! { <p>{reason}</p> }.into_any(),
                        None => {
                            let book_id = id.clone();
                            view! {
                                {full.then(|| view! { <p>"This event is full. Join the waitlist and we will tell you if a place comes up."</p> })}
                                <ActionForm action=book attr:class="inline-form">
                                    <input type="hidden" name="id" value=book_id />
                                    <button type="submit" class="button">
                                        {if full { "Join the waitlist" } else if e.needs_approval { "Ask for a place" } else { "Book a place" }}
                                    </button>
                                </ActionForm>
                            }
                                .into_any()
                        }
                    },
                }}
            </section>
        </div>
        {(detail.can_edit || detail.can_cancel).then(|| view! {
            <Organiser id=e.id.clone() can_edit=detail.can_edit action=end />
        })}
        {detail.can_manage.then(|| view! {
            <Attendees event=e.id.clone() rows=detail.attendees.clone() started=detail.started action=attend />
        })}
    }
}

/// The learning lead's controls: change the event, or cancel it with a reason everyone
/// booked is told.
#[component]
fn Organiser(id: String, can_edit: bool, action: ServerAction<CancelEvent>) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    view! {
        <section class="card" aria-labelledby="organiser-heading">
            <h2 id="organiser-heading">"Organise"</h2>
            {can_edit.then(|| view! {
                <p><a class="button button-secondary" href=format!("/events/{id}/edit")>"Change the event"</a></p>
            })}
            <details class="field">
                <summary>"Cancel the event"</summary>
                <ErrorSummary message=general />
                <ActionForm action attr:class="form" attr:novalidate=true>
                    <input type="hidden" name="id" value=id.clone() />
                    <TextArea label="Why it is cancelled" name="reason" error_key="reason" errors rows=3 required=true hint="Everyone booked or waiting is told, with this reason." />
                    <button type="submit" class="button button-danger">"Cancel the event for everyone"</button>
                </ActionForm>
            </details>
        </section>
    }
}

#[component]
fn Attendees(
    event: String,
    rows: Vec<Attendee>,
    started: bool,
    action: ServerAction<RecordAttendance>,
) -> impl IntoView {
    let general = general_error(action.value());
    let total = rows.len();
    view! {
        <section class="card" aria-labelledby="attendees-heading">
            <h2 id="attendees-heading">"People booked " <span class="badge-count">{format!("({total})")}</span></h2>
            {(!started).then(|| view! { <p class="hint">"Attendance can be marked once the event starts."</p> })}
            <ErrorSummary message=general />
            {if rows.is_empty() {
                view! { <p class="empty">"Nobody has booked yet."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="table">
                            <caption class="visually-hidden">"People booked on this event"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Name"</th>
                                    <th scope="col">"Team"</th>
                                    <th scope="col">"Place"</th>
                                    <th scope="col">"Attendance"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|a| {
                                        let can_mark = started && a.status == "booked";
                                        let (yes_event, no_event) = (event.clone(), event.clone());
                                        let (yes_person, no_person) = (a.person.clone(), a.person.clone());
                                        let yes_label = format!("{} attended", a.name);
                                        let no_label = format!("{} did not attend", a.name);
                                        view! {
                                            <tr>
                                                <th scope="row">{a.name.clone()}</th>
                                                <td>{a.team.clone()}</td>
                                                <td><span class=booking_class(&a.status)>{booking_label(&a.status, a.position)}</span></td>
                                                <td>
                                                    {match a.attended {
                                                        Some(true) => "Attended ",
                                                        Some(false) => "Did not attend ",
                                                        None => "",
                                                    }}
                                                    {can_mark.then(|| view! {
                                                        <ActionForm action attr:class="inline-form">
                                                            <input type="hidden" name="id" value=yes_event />
                                                            <input type="hidden" name="person" value=yes_person />
                                                            <input type="hidden" name="attended" value="true" />
                                                            <button type="submit" class="button button-small" aria-label=yes_label>"Attended"</button>
                                                        </ActionForm>
                                                        <ActionForm action attr:class="inline-form">
                                                            <input type="hidden" name="id" value=no_event />
                                                            <input type="hidden" name="person" value=no_person />
                                                            <input type="hidden" name="attended" value="false" />
                                                            <button type="submit" class="button button-small button-secondary" aria-label=no_label>"Did not attend"</button>
                                                        </ActionForm>
                                                    })}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
pub fn EventNewPage() -> impl IntoView {
    view! {
        <Title text="Create an event" />
        <Guarded action=Action::CurateLearning>
            <EventEdit />
        </Guarded>
    }
}

#[component]
pub fn EventEditPage() -> impl IntoView {
    view! {
        <Title text="Change an event" />
        <Guarded action=Action::CurateLearning>
            <EventEdit />
        </Guarded>
    }
}

/// The event form, empty for a new event or filled in from the one named in the address.
#[component]
fn EventEdit() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id"));
    let editing = Resource::new(id, event_edit_form);
    let save = ServerAction::<SaveEvent>::new();
    view! {
        <section class="page">
            {move || match id() {
                Some(id) => view! { <p><a href=format!("/events/{id}")>"Back to the event"</a></p> }.into_any(),
                None => view! { <p><a href="/events">"Back to events"</a></p> }.into_any(),
            }}
            {loaded(editing, move |e: EventEditing| view! {
                <h1>{if e.id.is_some() { format!("Change \u{201c}{}\u{201d}", e.title) } else { "Create an event".to_string() }}</h1>
                {e.id.is_some().then(|| view! {
                    <p class="lede">"People booked or waiting are told if the times or places change. Extra places go to the people waiting, in order."</p>
                })}
                <EventFormView editing=e action=save />
            })}
        </section>
    }
}

#[component]
fn EventFormView(editing: EventEditing, action: ServerAction<SaveEvent>) -> impl IntoView {
    let errors = field_errors(action.value());
    let general = general_error(action.value());
    let message = move |key: &'static str| {
        Signal::derive(move || errors.with(|e| e.get(key).map(str::to_string)))
    };
    let (levels_msg, teams_msg, sessions_msg, person_msg) = (
        message("levels"),
        message("teams"),
        message("sessions"),
        message("facilitator_person"),
    );
    let EventEditing {
        id,
        form,
        choices: options,
        seats,
        ..
    } = editing;
    let editing_existing = id.is_some();
    let capacity_hint: &'static str = if seats > 0 {
        "How many people can attend. Further requests join the waitlist. It cannot go below the places already taken or held."
    } else {
        "How many people can attend. Further requests join the waitlist."
    };
    let chosen_person = form.facilitator_person.clone();
    let sessions: Vec<SessionForm> = (0..SESSION_ROWS)
        .map(|i| form.sessions.get(i).cloned().unwrap_or_default())
        .collect();
    view! {
        <ErrorSummary message=general />
        <ActionForm action attr:class="form form-wide" attr:novalidate=true>
            <input type="hidden" name="id" value=id.clone().unwrap_or_default() />
            <Field label="Title" name="form[title]" error_key="title" errors value=form.title.clone() required=true />
            <TextArea label="What it is for" name="form[summary]" error_key="summary" errors value=form.summary.clone() rows=4 required=true />
            <Field label="Run by" name="form[facilitator]" error_key="facilitator" errors value=form.facilitator.clone() required=true hint="The facilitator's name as people should see it." />
            <div class="field" class:field-invalid=move || person_msg.with(Option::is_some)>
                <label for="field-facilitator-person">"Facilitator's Pathway account (optional)"</label>
                <p class="hint" id="field-facilitator-person-hint">"Lets them see who is booked and mark attendance."</p>
                {move || person_msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                <select id="field-facilitator-person" name="form[facilitator_person]" aria-describedby="field-facilitator-person-hint">
                    <option value="">"None"</option>
                    {options.facilitators.into_iter().map(|p| {
                        let selected = p.key == chosen_person;
                        view! { <option value=p.key selected=selected>{p.label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <Field label="Places" name="form[capacity]" error_key="capacity" kind="number" errors value=form.capacity.clone() required=true hint=capacity_hint />
            {(seats > 0).then(|| view! { <p class="hint" data-testid="seats-taken">{format!("{seats} taken or held now.")}</p> })}
            <div class="checkbox">
                <input type="checkbox" id="field-needs-approval" name="form[needs_approval]" checked=form.needs_approval.is_some() />
                <label for="field-needs-approval">"Each place needs the person's line manager to approve it"</label>
            </div>
            <div class="checkbox">
                <input type="checkbox" id="field-online" name="form[online]" checked=form.online.is_some() />
                <label for="field-online">"Online"</label>
            </div>
            <fieldset class="field" class:field-invalid=move || levels_msg.with(Option::is_some)>
                <legend>"Levels it is for"</legend>
                <p class="hint">"Leave levels and teams unticked if it is for everyone."</p>
                {move || levels_msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                {options.levels.into_iter().enumerate().map(|(i, l)| {
                    let control = format!("event-level-{}", l.key);
                    let checked = form.levels.contains(&l.key);
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=control.clone() name=format!("form[levels][{i}]") value=l.key checked=checked />
                            <label for=control>{l.label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <details class="field" open={!form.teams.is_empty()}>
                <summary>"Teams it is for (optional)"</summary>
                <fieldset class="field" class:field-invalid=move || teams_msg.with(Option::is_some)>
                    <legend class="visually-hidden">"Teams it is for"</legend>
                    {move || teams_msg.get().map(|m| view! { <p class="field-error">{m}</p> })}
                    {options.teams.into_iter().enumerate().map(|(i, t)| {
                        let control = format!("event-team-{}", t.key);
                        let checked = form.teams.contains(&t.key);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=control.clone() name=format!("form[teams][{i}]") value=t.key checked=checked />
                                <label for=control>{t.label}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            </details>
            <fieldset class="field" class:field-invalid=move || sessions_msg.with(Option::is_some)>
                <legend>"Sessions"</legend>
                <p class="hint">"One row per session, in UK time. Leave rows you do not need empty."</p>
                {move || sessions_msg.get().map(|m| view! { <p class="field-error" id="field-sessions-error">{m}</p> })}
                {sessions.into_iter().enumerate().map(|(i, session)| view! { <SessionRow i session errors /> }).collect_view()}
            </fieldset>
            <button type="submit" class="button">{if editing_existing { "Save changes" } else { "Create event" }}</button>
        </ActionForm>
    }
}

#[component]
fn SessionRow(
    i: usize,
    session: SessionForm,
    errors: Signal<crate::error::FieldErrors>,
) -> impl IntoView {
    let field = move |name: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      value: String| {
        let key = format!("sessions.{i}.{name}");
        let id = format!("session-{i}-{name}");
        let error_id = format!("{id}-error");
        let message = {
            let key = key.clone();
            Signal::derive(move || errors.with(|e| e.get(&key).map(str::to_string)))
        };
        let described = error_id.clone();
        view! {
            <div class="field" class:field-invalid=move || message.with(Option::is_some)>
                <label for=id.clone()>{label}</label>
                {move || message.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
                <input
                    id=id.clone()
                    type=kind
                    name=format!("form[sessions][{i}][{name}]")
                    value=value
                    aria-invalid=move || message.with(Option::is_some).then_some("true")
                    aria-describedby=move || message.with(Option::is_some).then(|| described.clone())
                />
            </div>
        }
    };
    view! {
        <div class="session-row" role="group" aria-label=format!("Session {}", i + 1)>
            <p class="session-number">{format!("Session {}", i + 1)}</p>
            {field("date", "Date", "date", session.date)}
            {field("start", "Starts", "time", session.start)}
            {field("end", "Ends", "time", session.end)}
            {field("place", "Where", "text", session.place)}
            {field("link", "Online link (optional)", "url", session.link)}
        </div>
    }
}

#[component]
pub fn LearningPage() -> impl IntoView {
    view! {
        <Title text="My learning" />
        <Guarded action=Action::UseOwnAccount>
            <Learning />
        </Guarded>
    }
}

#[component]
fn Learning() -> impl IntoView {
    let hub = Resource::new(|| (), |_| learning_hub());
    let curator = crate::shell::use_viewer().can(Action::CurateLearning);
    view! {
        <section class="page">
            <h1>"My learning"</h1>
            {curator.then(|| view! { <p><a class="button button-secondary" href="/learning/paths">"Manage learning paths"</a></p> })}
            {loaded(hub, move |hub: MyLearning| view! { <LearningBody hub /> })}
        </section>
    }
}

#[component]
fn PathCard(path: PathView) -> impl IntoView {
    let total = path.steps.len();
    let percent = (path.done as usize * 100).checked_div(total).unwrap_or(0);
    let heading = format!("path-{}", path.id);
    view! {
        <section class="card path" aria-labelledby=heading.clone()>
            <h3 id=heading.clone()>{path.title.clone()}</h3>
            <p class="record-meta">"For: " {path.audience.clone()}</p>
            <p>{path.summary.clone()}</p>
            <p data-testid="path-progress">{format!("{} of {total} done", path.done)}</p>
            <div class="meter" role="img" aria-label=format!("{} of {total} steps done", path.done)>
                <div class="meter-fill" style=format!("width: {percent}%")></div>
            </div>
            <ol class="path-steps">
                {path
                    .steps
                    .into_iter()
                    .map(|s| view! {
                        <li class:step-done=s.done>
                            <a href=s.href>{s.title}</a>
                            <span class="cell-sub">" · " {s.kind}</span>
                            {s.done.then(|| view! { " " <span class="tag tag-done">"Done"</span> })}
                        </li>
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn LearningBody(hub: MyLearning) -> impl IntoView {
    view! {
        <section aria-labelledby="recommended-heading">
            <h2 id="recommended-heading">"Recommended for you"</h2>
            {match hub.next_level.clone() {
                Some(level) => view! { <p class="lede">{format!("Chosen for the criteria you still need signed off to become: {level}.")}</p> }.into_any(),
                None => view! { <p class="lede">"Your pathway has no next level to work towards, so browse the library instead."</p> }.into_any(),
            }}
            {if hub.recommended.is_empty() {
                view! { <p class="empty">"Nothing to recommend right now. " <a href="/library">"Browse the library"</a></p> }.into_any()
            } else {
                view! {
                    <ul class="card-grid recommendations">
                        {hub.recommended.into_iter().map(|r| view! {
                            <li class="card">
                                <h3 class="record-title"><a href=format!("/library/{}", r.id)>{r.title}</a></h3>
                                <p class="record-meta"><span class="tag tag-muted">{r.kind.label}</span></p>
                                <p>{r.summary}</p>
                                <details>
                                    <summary>{format!("Helps with {} criteria you need", r.because.len())}</summary>
                                    <ul>{r.because.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
                                </details>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
        <section aria-labelledby="paths-heading">
            <h2 id="paths-heading">"My learning paths"</h2>
            {if hub.paths.is_empty() {
                view! { <p class="empty">"No learning paths are set for your level or role yet."</p> }.into_any()
            } else {
                view! { <div class="card-grid">{hub.paths.into_iter().map(|path| view! { <PathCard path /> }).collect_view()}</div> }.into_any()
            }}
        </section>
        <div class="two-col">
            <section class="card" aria-labelledby="bookmarks-heading">
                <h2 id="bookmarks-heading">"Bookmarked"</h2>
                {if hub.bookmarks.is_empty() {
                    view! { <p class="empty">"Bookmark resources in the library to keep them here."</p> }.into_any()
                } else {
                    view! {
                        <ul class="link-list">
                            {hub.bookmarks.into_iter().map(|b| view! { <li><a href=format!("/library/{}", b.key)>{b.label}</a></li> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
            <section class="card" aria-labelledby="done-heading">
                <h2 id="done-heading">"Done"</h2>
                {if hub.done.is_empty() {
                    view! { <p class="empty">"Resources you mark as done appear here, ready to become CPD."</p> }.into_any()
                } else {
                    view! {
                        <ul class="record-list">
                            {hub.done.into_iter().map(|(r, day)| view! {
                                <li class="record">
                                    <a href=format!("/library/{}", r.key)>{r.label}</a>
                                    <span class="record-meta">" · " {uk_date(&day)} " · "</span>
                                    <a href=format!("/cpd/new?resource={}", r.key)>"Make a CPD record"</a>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>
        </div>
        <section class="card" aria-labelledby="events-heading">
            <h2 id="events-heading">"My events"</h2>
            <MyBookings rows=hub.bookings />
            <p><a href="/events">"See upcoming events"</a></p>
        </section>
    }
}
