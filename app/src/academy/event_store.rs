//! Event queries (server only): the events list and page, booking and cancelling, approval,
//! attendance, reminders and calendar files. Places change only inside database
//! transactions that also write the event's counters, so two requests for the last place
//! clash on the event and one of them is retried: capacity is never exceeded.

use std::sync::LazyLock;

use surrealdb::types::{RecordId, SurrealValue};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::event_form::EventInput;
use super::ics::{SessionInvite, calendar};
use super::model::{
    ApprovalRow, Attendee, BookingRow, CriterionRef, EventDetail, EventSummary, EventsPage,
    MyBooking, SessionView,
};
use crate::dates::{to_uk, uk_to_utc};
use crate::db::{Db, check_thrown, datetime, key, with_retry};
use crate::error::{AppError, AppResult};
use crate::people::levels::level_label;
use crate::progression::framework_store::thrown;

/// Reminders go out this long before a session starts.
pub const REMINDER_HOURS: i64 = 24;

pub fn event_id(id: &str) -> RecordId {
    RecordId::new("event", id.to_string())
}

pub fn booking_id(event: &str, person: &str) -> RecordId {
    RecordId::new(
        "booking",
        surrealdb::types::Array::from(vec![event.to_string(), person.to_string()]),
    )
}

fn parse(at: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(at, &Rfc3339).ok()
}

fn weekday(day: time::Weekday) -> &'static str {
    match day {
        time::Weekday::Monday => "Monday",
        time::Weekday::Tuesday => "Tuesday",
        time::Weekday::Wednesday => "Wednesday",
        time::Weekday::Thursday => "Thursday",
        time::Weekday::Friday => "Friday",
        time::Weekday::Saturday => "Saturday",
        time::Weekday::Sunday => "Sunday",
    }
}

/// "Tuesday 1 Dec 2026, 09:30 to 12:30" in UK time.
pub fn when(starts: &str, ends: &str) -> String {
    match (parse(starts), parse(ends)) {
        (Some(s), Some(e)) => {
            let (s, e) = (to_uk(s), to_uk(e));
            let day = crate::dates::uk_date(&crate::dates::iso(s.date()));
            if s.date() == e.date() {
                format!(
                    "{} {day}, {:02}:{:02} to {:02}:{:02}",
                    weekday(s.weekday()),
                    s.hour(),
                    s.minute(),
                    e.hour(),
                    e.minute()
                )
            } else {
                format!(
                    "{} {day}, {:02}:{:02} to {}",
                    weekday(s.weekday()),
                    s.hour(),
                    s.minute(),
                    crate::dates::uk_datetime(ends)
                )
            }
        }
        _ => starts.to_string(),
    }
}

/// What the viewer is, for an event's audience.
#[derive(Debug, Clone, SurrealValue)]
pub struct Member {
    pub career_level: String,
    pub team: Option<RecordId>,
}

pub async fn member(db: &Db, org: &str, person: &str) -> AppResult<Member> {
    let mut response = db
        .query(
            "SELECT career_level, team FROM type::record('person', $person)
                WHERE org = type::record('org', $org);",
        )
        .bind(("org", org.to_string()))
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    let rows: Vec<Member> = response.take(0)?;
    rows.into_iter().next().ok_or(AppError::NotFound)
}

fn for_member(levels: &[String], teams: &[RecordId], member: &Member) -> bool {
    (levels.is_empty() && teams.is_empty())
        || levels.contains(&member.career_level)
        || member.team.as_ref().is_some_and(|t| teams.contains(t))
}

fn audience(levels: &[String], team_names: &[String]) -> String {
    if levels.is_empty() && team_names.is_empty() {
        return "Everyone".to_string();
    }
    let mut parts: Vec<String> = levels.iter().map(|l| level_label(l).to_string()).collect();
    parts.extend(team_names.iter().cloned());
    parts.join(", ")
}

#[derive(SurrealValue)]
struct EventRow {
    id: RecordId,
    title: String,
    summary: String,
    facilitator: String,
    facilitator_person: Option<RecordId>,
    capacity: i64,
    seats: i64,
    waiting: i64,
    levels: Vec<String>,
    teams: Vec<RecordId>,
    team_names: Vec<String>,
    needs_approval: bool,
    online: bool,
    criteria: Vec<String>,
    status: String,
    starts: String,
    ends: String,
    place: Option<String>,
    sessions: i64,
    first_ends: Option<String>,
    cancelled_reason: Option<String>,
}

const EVENT_FIELDS: &str = "id, title, summary, facilitator, facilitator_person, capacity,
    seats, waiting, levels, teams, teams.*.name AS team_names, needs_approval, online, criteria,
    status, <string> starts AS starts, <string> ends AS ends, cancelled_reason,
    (SELECT VALUE place FROM event_session WHERE event = $parent.id ORDER BY starts LIMIT 1)[0] AS place,
    (SELECT VALUE <string> ends FROM event_session WHERE event = $parent.id ORDER BY starts LIMIT 1)[0] AS first_ends,
    count(SELECT id FROM event_session WHERE event = $parent.id) AS sessions";

fn summary(row: &EventRow, now: OffsetDateTime, my_status: Option<String>) -> EventSummary {
    let ends = parse(&row.ends).unwrap_or(now);
    EventSummary {
        id: key(&row.id),
        title: row.title.clone(),
        summary: row.summary.clone(),
        facilitator: row.facilitator.clone(),
        first: when(&row.starts, row.first_ends.as_deref().unwrap_or(&row.ends)),
        sessions: row.sessions.max(0) as u32,
        place: row.place.clone().unwrap_or_default(),
        online: row.online,
        capacity: row.capacity.max(0) as u32,
        seats: row.seats.max(0) as u32,
        waiting: row.waiting.max(0) as u32,
        audience: audience(&row.levels, &row.team_names),
        needs_approval: row.needs_approval,
        past: ends < now,
        cancelled: row.status == "cancelled",
        my_status,
    }
}

#[derive(SurrealValue)]
struct MyBookingRow {
    event: RecordId,
    title: String,
    starts: String,
    ends: String,
    status: String,
    attended: Option<bool>,
    position: Option<i64>,
}

#[derive(SurrealValue)]
struct ApprovalDbRow {
    event: RecordId,
    person: RecordId,
    title: String,
    starts: String,
    ends: String,
    name: String,
}

const MY_BOOKINGS: &str = "
    SELECT event, event.title AS title, <string> event.starts AS starts,
        <string> event.ends AS ends, status, attended,
        IF status = 'waitlisted' { count(SELECT id FROM booking WHERE event = $parent.event
            AND status = 'waitlisted' AND queued_at <= $parent.queued_at) } ELSE { NONE } AS position
    FROM booking WHERE person = type::record('person', $person) AND status != 'cancelled';
";

/// The person's bookings: coming up first, soonest first; then the past, most recent first.
pub async fn my_bookings(db: &Db, person: &str, now: OffsetDateTime) -> AppResult<Vec<BookingRow>> {
    let mut response = db
        .query(MY_BOOKINGS)
        .bind(("person", person.to_string()))
        .await?
        .check()?;
    let mut rows: Vec<MyBookingRow> = response.take(0)?;
    rows.sort_by(|a, b| a.starts.cmp(&b.starts));
    let rows: Vec<BookingRow> = rows
        .into_iter()
        .map(|b| BookingRow {
            booking: key(&b.event),
            event_id: key(&b.event),
            first: when(&b.starts, &b.starts),
            past: parse(&b.ends).is_some_and(|e| e < now),
            position: b.position.map(|p| p.max(0) as u32),
            title: b.title,
            status: b.status,
            attended: b.attended,
        })
        .collect();
    let (mut coming, mut past): (Vec<BookingRow>, Vec<BookingRow>) =
        rows.into_iter().partition(|b| !b.past);
    past.reverse();
    coming.append(&mut past);
    Ok(coming)
}

/// Upcoming events (for the viewer's audience, unless `all`), their bookings and, for line
/// managers, the bookings waiting for their approval.
pub async fn events_page(
    db: &Db,
    org: &str,
    person: &str,
    all: bool,
    can_curate: bool,
    now: OffsetDateTime,
) -> AppResult<EventsPage> {
    let me = member(db, org, person).await?;
    let sql = format!(
        "SELECT {EVENT_FIELDS} FROM event WHERE org = type::record('org', $org) AND ends >= $now
            AND status = 'scheduled' ORDER BY starts LIMIT 300;
         SELECT event, person, event.title AS title, <string> event.starts AS starts,
            <string> event.ends AS ends, person.name AS name
         FROM booking WHERE org = type::record('org', $org) AND status = 'requested'
            AND person.line_manager = type::record('person', $person);"
    );
    let mut response = db
        .query(sql)
        .bind(("org", org.to_string()))
        .bind(("person", person.to_string()))
        .bind(("now", datetime(now)))
        .await?
        .check()?;
    let rows: Vec<EventRow> = response.take(0)?;
    let approvals: Vec<ApprovalDbRow> = response.take(1)?;
    let mine = my_bookings(db, person, now).await?;
    let status_of = |event: &RecordId| {
        let event = key(event);
        mine.iter()
            .find(|b| b.event_id == event)
            .map(|b| b.status.clone())
    };
    let upcoming = rows
        .iter()
        .filter(|r| all || for_member(&r.levels, &r.teams, &me) || status_of(&r.id).is_some())
        .map(|r| summary(r, now, status_of(&r.id)))
        .collect();
    Ok(EventsPage {
        upcoming,
        mine,
        approvals: approvals
            .into_iter()
            .map(|a| ApprovalRow {
                booking: key(&a.person),
                event_id: key(&a.event),
                event_title: a.title,
                first: when(&a.starts, &a.ends),
                person_name: a.name,
            })
            .collect(),
        can_curate,
    })
}

#[derive(SurrealValue)]
struct SessionRow {
    id: RecordId,
    starts: String,
    ends: String,
    place: String,
    link: Option<String>,
}

#[derive(SurrealValue)]
struct AttendeeRow {
    person: RecordId,
    name: String,
    team: Option<String>,
    status: String,
    attended: Option<bool>,
}

async fn load_event(db: &Db, org: &str, id: &str) -> AppResult<EventRow> {
    let mut response = db
        .query(format!(
            "SELECT {EVENT_FIELDS} FROM $event WHERE org = type::record('org', $org);"
        ))
        .bind(("org", org.to_string()))
        .bind(("event", event_id(id)))
        .await?
        .check()?;
    let rows: Vec<EventRow> = response.take(0)?;
    rows.into_iter().next().ok_or(AppError::NotFound)
}

pub async fn detail(
    db: &Db,
    org: &str,
    person: &str,
    id: &str,
    can_curate: bool,
    criteria: &[CriterionRef],
    now: OffsetDateTime,
) -> AppResult<EventDetail> {
    let row = load_event(db, org, id).await?;
    let me = member(db, org, person).await?;
    let can_manage = can_curate
        || row
            .facilitator_person
            .as_ref()
            .is_some_and(|p| key(p) == person);
    let mut response = db
        .query(
            "SELECT id, <string> starts AS starts, <string> ends AS ends, place, link
                FROM event_session WHERE event = $event ORDER BY starts;
             SELECT status, attended,
                IF status = 'waitlisted' { count(SELECT id FROM booking WHERE event = $parent.event
                    AND status = 'waitlisted' AND queued_at <= $parent.queued_at) } ELSE { NONE } AS position
                FROM $booking;
             IF $manage {
                SELECT person, person.name AS name, person.team.name AS team, status, attended, queued_at
                FROM booking WHERE event = $event AND status IN ['requested', 'booked', 'waitlisted']
                ORDER BY queued_at
             } ELSE { [] };",
        )
        .bind(("event", event_id(id)))
        .bind(("booking", booking_id(id, person)))
        .bind(("manage", can_manage))
        .await?
        .check()?;
    let sessions: Vec<SessionRow> = response.take(0)?;
    #[derive(SurrealValue)]
    struct Mine {
        status: String,
        attended: Option<bool>,
        position: Option<i64>,
    }
    let mine: Vec<Mine> = response.take(1)?;
    let attendees: Vec<AttendeeRow> = response.take(2)?;
    let booking = mine
        .into_iter()
        .next()
        .filter(|b| b.status != "cancelled")
        .map(|b| MyBooking {
            status: b.status,
            position: b.position.map(|p| p.max(0) as u32),
            attended: b.attended,
        });
    let starts = parse(&row.starts).unwrap_or(now);
    let started = starts <= now;
    let in_audience = for_member(&row.levels, &row.teams, &me);
    let why_not = if row.status == "cancelled" {
        Some(match &row.cancelled_reason {
            Some(reason) => format!("This event has been cancelled: {reason}"),
            None => "This event has been cancelled.".to_string(),
        })
    } else if started {
        Some("Booking has closed: the event has started.".to_string())
    } else if !in_audience {
        Some(format!(
            "This event is for: {}.",
            audience(&row.levels, &row.team_names)
        ))
    } else {
        None
    };
    let mut position = 0;
    let attendees = attendees
        .into_iter()
        .map(|a| {
            let place = (a.status == "waitlisted").then(|| {
                position += 1;
                position
            });
            Attendee {
                booking: key(&a.person),
                person: key(&a.person),
                name: a.name,
                team: a.team.unwrap_or_default(),
                status: a.status,
                attended: a.attended,
                position: place,
            }
        })
        .collect();
    let my_status = booking.as_ref().map(|b| b.status.clone());
    Ok(EventDetail {
        event: summary(&row, now, my_status),
        sessions: sessions
            .into_iter()
            .map(|s| SessionView {
                id: key(&s.id),
                when: when(&s.starts, &s.ends),
                date: parse(&s.starts)
                    .map(|s| crate::dates::iso(to_uk(s).date()))
                    .unwrap_or_default(),
                place: s.place,
                link: s.link,
            })
            .collect(),
        criteria: row
            .criteria
            .iter()
            .filter_map(|l| criteria.iter().find(|c| &c.lineage == l).cloned())
            .collect(),
        booking,
        can_book: why_not.is_none(),
        can_edit: can_curate && !started && row.status != "cancelled",
        can_cancel: can_curate
            && row.status != "cancelled"
            && parse(&row.ends).is_some_and(|e| e > now),
        why_not,
        can_manage,
        attendees,
        started,
    })
}

/// Books a place, or a place on the waitlist when the event is full. Answers the booking's
/// status: "booked", "requested" (a place held for the line manager's approval) or
/// "waitlisted".
const BOOK: &str = "
    BEGIN TRANSACTION;
    LET $e = (SELECT capacity, seats, status, needs_approval, starts FROM $event
        WHERE org = $org)[0];
    IF $e = NONE OR $e.status != 'scheduled' { THROW 'academy:no_event' };
    IF $e.starts <= time::now() { THROW 'academy:started' };
    LET $old = (SELECT VALUE status FROM $booking)[0];
    IF $old IN ['requested', 'booked', 'waitlisted'] { THROW 'academy:already' };
    LET $seat = $e.seats < $e.capacity;
    LET $status = IF $seat { IF $e.needs_approval { 'requested' } ELSE { 'booked' } } ELSE { 'waitlisted' };
    UPSERT $booking SET org = $org, event = $event, person = $person, status = $status,
        queued_at = time::now(), attended = NONE, attendance_by = NONE, decided_by = NONE,
        reminded = [] RETURN NONE;
    IF $seat { UPDATE $event SET seats += 1 RETURN NONE } ELSE { UPDATE $event SET waiting += 1 RETURN NONE };
    RETURN $status;
    COMMIT TRANSACTION;
";

/// Gives a freed place to the first person waiting, inside the caller's transaction, and
/// tells them; with nobody waiting, the place is simply free. Needs $event, $e (with title
/// and needs_approval) and $org.
const PROMOTE_NEXT: &str = "
    LET $next = (SELECT id, person FROM booking WHERE event = $event AND status = 'waitlisted'
        ORDER BY queued_at, id LIMIT 1)[0];
    IF $next = NONE {
        UPDATE $event SET seats -= 1 RETURN NONE;
    } ELSE {
        UPDATE $next.id SET status = IF $e.needs_approval { 'requested' } ELSE { 'booked' } RETURN NONE;
        UPDATE $event SET waiting -= 1 RETURN NONE;
        CREATE notification SET org = $org, person = $next.person, kind = 'booking_promoted',
            text = IF $e.needs_approval {
                'A place came up on \u{201c}' + $e.title + '\u{201d}. It is held for you while your line manager approves it.'
            } ELSE {
                'A place came up on \u{201c}' + $e.title + '\u{201d}: you are booked.'
            },
            link = '/events/' + <string> record::id($event) RETURN NONE;
    };
";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Booked {
    Booked,
    Requested,
    Waitlisted,
}

pub async fn book(db: &Db, org: &str, person: &str, id: &str) -> AppResult<Booked> {
    let row = load_event(db, org, id).await?;
    let me = member(db, org, person).await?;
    if !for_member(&row.levels, &row.teams, &me) {
        return Err(AppError::Conflict(format!(
            "This event is for: {}.",
            audience(&row.levels, &row.team_names)
        )));
    }
    let result = with_retry(|| async {
        let response = db
            .query(BOOK)
            .bind(("org", RecordId::new("org", org.to_string())))
            .bind(("event", event_id(id)))
            .bind(("person", RecordId::new("person", person.to_string())))
            .bind(("booking", booking_id(id, person)))
            .await?;
        let mut response = check_thrown(response)?;
        // The RETURN before COMMIT TRANSACTION, which answers last (with nothing).
        let last = response.num_statements() - 2;
        let status: Option<String> = response.take(last)?;
        Ok(status)
    })
    .await;
    match result {
        Ok(Some(status)) => Ok(match status.as_str() {
            "requested" => Booked::Requested,
            "waitlisted" => Booked::Waitlisted,
            _ => Booked::Booked,
        }),
        Ok(None) => Err(AppError::Internal),
        Err(e) if thrown(&e, "academy:no_event") => Err(AppError::NotFound),
        Err(e) if thrown(&e, "academy:started") => Err(AppError::Conflict(
            "Booking has closed: the event has started.".into(),
        )),
        Err(e) if thrown(&e, "academy:already") => Err(AppError::Conflict(
            "You are already booked or waiting for this event.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

const CANCEL: &str = "
    BEGIN TRANSACTION;
    LET $e = (SELECT title, needs_approval, starts FROM $event WHERE org = $org)[0];
    IF $e = NONE { THROW 'academy:no_event' };
    LET $was = (SELECT VALUE status FROM $booking)[0];
    IF $was NOT IN ['requested', 'booked', 'waitlisted'] { THROW 'academy:no_booking' };
    IF $e.starts <= time::now() { THROW 'academy:started' };
    UPDATE $booking SET status = 'cancelled' RETURN NONE;
    IF $was = 'waitlisted' { UPDATE $event SET waiting -= 1 RETURN NONE } ELSE { {PROMOTE_NEXT} };
    COMMIT TRANSACTION;
";

/// Cancels the person's booking or waitlist place; a freed place goes to the first person
/// waiting, who is told.
pub async fn cancel(db: &Db, org: &str, person: &str, id: &str) -> AppResult<()> {
    static SQL: LazyLock<String> = LazyLock::new(|| CANCEL.replace("{PROMOTE_NEXT}", PROMOTE_NEXT));
    let sql = &*SQL;
    let result = with_retry(|| async {
        let response = db
            .query(sql.as_str())
            .bind(("org", RecordId::new("org", org.to_string())))
            .bind(("event", event_id(id)))
            .bind(("booking", booking_id(id, person)))
            .await?;
        check_thrown(response).map(|_| ())
    })
    .await;
    match result {
        Ok(()) => Ok(()),
        Err(e) if thrown(&e, "academy:no_event") => Err(AppError::NotFound),
        Err(e) if thrown(&e, "academy:no_booking") => Err(AppError::Conflict(
            "You have no booking on this event to cancel.".into(),
        )),
        Err(e) if thrown(&e, "academy:started") => Err(AppError::Conflict(
            "The event has started: ask the organiser if you cannot stay.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

const DECIDE: &str = "
    BEGIN TRANSACTION;
    LET $e = (SELECT title, needs_approval FROM $event WHERE org = $org)[0];
    IF $e = NONE { THROW 'academy:no_event' };
    LET $b = (SELECT status, person, person.line_manager AS manager FROM $booking)[0];
    IF $b = NONE OR $b.status != 'requested' { THROW 'academy:not_requested' };
    IF !$curator AND $b.manager != $by { THROW 'academy:not_manager' };
    IF $approve {
        UPDATE $booking SET status = 'booked', decided_by = $by RETURN NONE;
        CREATE notification SET org = $org, person = $b.person, kind = 'booking_approved',
            text = 'Your place on \u{201c}' + $e.title + '\u{201d} is approved: you are booked.',
            link = '/events/' + <string> record::id($event) RETURN NONE;
    } ELSE {
        UPDATE $booking SET status = 'declined', decided_by = $by RETURN NONE;
        CREATE notification SET org = $org, person = $b.person, kind = 'booking_declined',
            text = 'Your line manager did not approve your place on \u{201c}' + $e.title + '\u{201d}. Talk to them about the reasons.',
            link = '/events/' + <string> record::id($event) RETURN NONE;
        {PROMOTE_NEXT}
    };
    COMMIT TRANSACTION;
";

/// A line manager (or a learning lead) approves or declines a place held for approval.
pub async fn decide(
    db: &Db,
    org: &str,
    by: &str,
    curator: bool,
    id: &str,
    person: &str,
    approve: bool,
) -> AppResult<()> {
    static SQL: LazyLock<String> = LazyLock::new(|| DECIDE.replace("{PROMOTE_NEXT}", PROMOTE_NEXT));
    let sql = &*SQL;
    let result = with_retry(|| async {
        let response = db
            .query(sql.as_str())
            .bind(("org", RecordId::new("org", org.to_string())))
            .bind(("event", event_id(id)))
            .bind(("booking", booking_id(id, person)))
            .bind(("by", RecordId::new("person", by.to_string())))
            .bind(("curator", curator))
            .bind(("approve", approve))
            .await?;
        check_thrown(response).map(|_| ())
    })
    .await;
    match result {
        Ok(()) => Ok(()),
        Err(e) if thrown(&e, "academy:no_event") => Err(AppError::NotFound),
        Err(e) if thrown(&e, "academy:not_requested") => Err(AppError::Conflict(
            "That booking is not waiting for approval.".into(),
        )),
        Err(e) if thrown(&e, "academy:not_manager") => Err(AppError::Forbidden),
        Err(e) => Err(e.into()),
    }
}

#[allow(clippy::too_many_arguments)]
/// Records whether a booked person attended, once the event has started; attending tells
/// them their record can become CPD.
pub async fn mark_attendance(
    db: &Db,
    org: &str,
    by: &str,
    can_curate: bool,
    id: &str,
    person: &str,
    attended: bool,
    now: OffsetDateTime,
) -> AppResult<()> {
    let row = load_event(db, org, id).await?;
    let facilitator = row
        .facilitator_person
        .as_ref()
        .is_some_and(|p| key(p) == by);
    if !can_curate && !facilitator {
        return Err(AppError::Forbidden);
    }
    if parse(&row.starts).is_some_and(|s| s > now) {
        return Err(AppError::Conflict(
            "Attendance can be marked once the event has started.".into(),
        ));
    }
    let mut response = db
        .query(
            "LET $was = (SELECT VALUE attended FROM $booking WHERE status = 'booked')[0];
             UPDATE $booking SET attended = $attended, attendance_by = $by
                WHERE status = 'booked' AND event = $event RETURN VALUE id;
             IF $attended AND $was != true {
                CREATE notification SET org = type::record('org', $org), person = $person,
                    kind = 'attended',
                    text = 'Your attendance at \u{201c}' + $title + '\u{201d} is recorded. You can make a CPD record from it.',
                    link = '/cpd/new?event=' + $key RETURN NONE;
             };",
        )
        .bind(("org", org.to_string()))
        .bind(("event", event_id(id)))
        .bind(("booking", booking_id(id, person)))
        .bind(("person", RecordId::new("person", person.to_string())))
        .bind(("by", RecordId::new("person", by.to_string())))
        .bind(("attended", attended))
        .bind(("title", row.title.clone()))
        .bind(("key", id.to_string()))
        .await?
        .check()?;
    let updated: Vec<RecordId> = response.take(1)?;
    if updated.is_empty() {
        return Err(AppError::Conflict(
            "Only people with a confirmed place can be marked as attending.".into(),
        ));
    }
    if attended {
        // The attendance stands even if the evaluation cannot be set up; it is logged, and
        // marking attendance again sets it up.
        if let Err(error) =
            crate::surveys::events::on_attended(db, org, id, person, crate::dates::today_uk()).await
        {
            tracing::warn!(%error, event = id, "event evaluation not set up");
        }
    }
    Ok(())
}

/// An event the person attended, for CPD made from it.
pub struct Attended {
    pub title: String,
    pub summary: String,
    /// The first session's day, as a UK date.
    pub date: String,
}

pub async fn attended(db: &Db, org: &str, person: &str, id: &str) -> AppResult<Attended> {
    #[derive(SurrealValue)]
    struct Row {
        title: String,
        summary: String,
        starts: String,
    }
    let mut response = db
        .query(
            "IF (SELECT VALUE attended FROM $booking)[0] = true {
                SELECT title, summary, <string> starts AS starts FROM $event
                    WHERE org = type::record('org', $org)
             } ELSE { [] };",
        )
        .bind(("org", org.to_string()))
        .bind(("event", event_id(id)))
        .bind(("booking", booking_id(id, person)))
        .await?
        .check()?;
    let rows: Vec<Row> = response.take(0)?;
    let row = rows.into_iter().next().ok_or(AppError::NotFound)?;
    Ok(Attended {
        date: parse(&row.starts)
            .map(|s| crate::dates::iso(to_uk(s).date()))
            .unwrap_or_default(),
        title: row.title,
        summary: row.summary,
    })
}

/// Creates an event with its sessions. Answers its key.
pub async fn create(db: &Db, org: &str, by: &str, input: &EventInput) -> AppResult<String> {
    let (rows, first, last) = new_sessions(input)?;
    let teams: Vec<RecordId> = input
        .teams
        .iter()
        .map(|t| RecordId::new("team", t.clone()))
        .collect();
    let mut response = db
        .query(
            "BEGIN TRANSACTION;
             LET $org_id = type::record('org', $org);
             LET $created = (CREATE event SET org = $org_id, title = $title, summary = $summary,
                facilitator = $facilitator,
                facilitator_person = IF $facilitator_person = NONE { NONE } ELSE { type::record('person', $facilitator_person) },
                capacity = $capacity, levels = $levels, teams = $teams,
                needs_approval = $needs_approval, online = $online, starts = $starts, ends = $ends,
                created_by = $by RETURN VALUE id)[0];
             FOR $s IN $sessions {
                CREATE event_session SET org = $org_id, event = $created, starts = $s.starts,
                    ends = $s.ends, place = $s.place, link = $s.link RETURN NONE;
             };
             RETURN $created;
             COMMIT TRANSACTION;",
        )
        .bind(("org", org.to_string()))
        .bind(("title", input.title.clone()))
        .bind(("summary", input.summary.clone()))
        .bind(("facilitator", input.facilitator.clone()))
        .bind(("facilitator_person", input.facilitator_person.clone()))
        .bind(("capacity", i64::from(input.capacity)))
        .bind(("levels", input.levels.clone()))
        .bind(("teams", teams))
        .bind(("needs_approval", input.needs_approval))
        .bind(("online", input.online))
        .bind(("starts", datetime(first)))
        .bind(("ends", datetime(last)))
        .bind(("by", RecordId::new("person", by.to_string())))
        .bind(("sessions", rows))
        .await?
        .check()?;
    // The RETURN before COMMIT TRANSACTION, which answers last (with nothing).
    let last = response.num_statements() - 2;
    let created: Option<RecordId> = response.take(last)?;
    created.as_ref().map(key).ok_or(AppError::Internal)
}

/// Sends in-app reminders for sessions starting within the next day to everyone with a
/// confirmed place, once per session. Answers how many were sent.
pub async fn send_reminders(db: &Db, now: OffsetDateTime) -> AppResult<usize> {
    #[derive(SurrealValue)]
    struct Due {
        booking: RecordId,
        org: RecordId,
        person: RecordId,
        session: RecordId,
        title: String,
        event: RecordId,
        starts: String,
        ends: String,
    }
    let mut response = db
        .query(
            "SELECT id AS session, org, event, event.title AS title, <string> starts AS starts,
                <string> ends AS ends,
                (SELECT id, person, reminded FROM booking WHERE event = $parent.event AND status = 'booked') AS booked
             FROM event_session WHERE starts > $now AND starts <= $until AND event.status = 'scheduled';",
        )
        .bind(("now", datetime(now)))
        .bind((
            "until",
            datetime(now + time::Duration::hours(REMINDER_HOURS)),
        ))
        .await?
        .check()?;
    #[derive(SurrealValue)]
    struct Booked {
        id: RecordId,
        person: RecordId,
        reminded: Vec<RecordId>,
    }
    #[derive(SurrealValue)]
    struct SessionDue {
        session: RecordId,
        org: RecordId,
        event: RecordId,
        title: String,
        starts: String,
        ends: String,
        booked: Vec<Booked>,
    }
    let sessions: Vec<SessionDue> = response.take(0)?;
    let due: Vec<Due> = sessions
        .into_iter()
        .flat_map(|s| {
            s.booked
                .into_iter()
                .filter(|b| !b.reminded.contains(&s.session))
                .map(|b| Due {
                    booking: b.id,
                    org: s.org.clone(),
                    person: b.person,
                    session: s.session.clone(),
                    title: s.title.clone(),
                    event: s.event.clone(),
                    starts: s.starts.clone(),
                    ends: s.ends.clone(),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut sent = 0;
    for d in due {
        let text = format!(
            "Reminder: \u{201c}{}\u{201d} is on {}.",
            d.title,
            when(&d.starts, &d.ends)
        );
        // The mark and the message land together, so a reminder is never sent twice.
        let mut response = db
            .query(
                "BEGIN TRANSACTION;
                 LET $marked = (UPDATE $booking SET reminded += $sitting
                    WHERE $sitting NOT IN reminded RETURN VALUE id);
                 IF array::len($marked) > 0 {
                    CREATE notification SET org = $org, person = $person, kind = 'event_reminder',
                        text = $text, link = $link RETURN NONE;
                 };
                 RETURN array::len($marked);
                 COMMIT TRANSACTION;",
            )
            .bind(("booking", d.booking))
            .bind(("sitting", d.session))
            .bind(("org", d.org))
            .bind(("person", d.person))
            .bind(("text", text))
            .bind(("link", format!("/events/{}", key(&d.event))))
            .await?
            .check()?;
        // The RETURN before COMMIT TRANSACTION, which answers last (with nothing).
        let last = response.num_statements() - 2;
        let marked: Option<i64> = response.take(last)?;
        sent += marked.unwrap_or(0).max(0) as usize;
    }
    Ok(sent)
}

/// The calendar file for the person's confirmed booking, every session in it.
pub async fn calendar_file(
    db: &Db,
    org: &str,
    person: &str,
    id: &str,
    base_url: &str,
) -> AppResult<(String, String)> {
    let row = load_event(db, org, id).await?;
    let mut response = db
        .query(
            "SELECT VALUE status FROM $booking;
             SELECT id, <string> starts AS starts, <string> ends AS ends, place, link
                FROM event_session WHERE event = $event ORDER BY starts;
             SELECT VALUE calendar_sequence ?? 0 FROM $event;",
        )
        .bind(("event", event_id(id)))
        .bind(("booking", booking_id(id, person)))
        .await?
        .check()?;
    let status: Vec<String> = response.take(0)?;
    if status.first().map(String::as_str) != Some("booked") {
        return Err(AppError::NotFound);
    }
    let sessions: Vec<SessionRow> = response.take(1)?;
    let sequence: Vec<i64> = response.take(2)?;
    let sequence = sequence
        .first()
        .copied()
        .unwrap_or(0)
        .clamp(0, i64::from(u32::MAX)) as u32;
    let url = format!("{base_url}/events/{id}");
    let uids: Vec<String> = sessions
        .iter()
        .map(|s| format!("{}-{}@pathway", key(&s.id), person))
        .collect();
    let places: Vec<String> = sessions
        .iter()
        .map(|s| match &s.link {
            Some(link) => format!("{} ({link})", s.place),
            None => s.place.clone(),
        })
        .collect();
    let invites: Vec<SessionInvite<'_>> = sessions
        .iter()
        .zip(&uids)
        .zip(&places)
        .filter_map(|((s, uid), place)| {
            Some(SessionInvite {
                uid,
                title: &row.title,
                description: &row.summary,
                place,
                starts: parse(&s.starts)?,
                ends: parse(&s.ends)?,
                url: &url,
                sequence,
            })
        })
        .collect();
    let file = calendar(&row.title, &invites);
    let name = format!(
        "{}.ics",
        row.title
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .to_lowercase()
    );
    Ok((name, file))
}

// ----- Editing and cancelling (learning leads) -----

/// An event as its edit form shows it, with how many places are taken or held.
pub struct Editing {
    pub form: super::event_form::EventForm,
    pub seats: u32,
    pub title: String,
    /// The event's teams and facilitator account with their names, so the form can keep
    /// them even when they are no longer offered (an archived team, a leaver).
    pub teams: Vec<(String, String)>,
    pub facilitator: Option<(String, String)>,
}

fn hh_mm(at: OffsetDateTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

pub async fn editing(db: &Db, org: &str, id: &str, now: OffsetDateTime) -> AppResult<Editing> {
    use super::event_form::{EventForm, SessionForm};
    let row = load_event(db, org, id).await?;
    if row.status == "cancelled" {
        return Err(AppError::Conflict(
            "This event has been cancelled, so it cannot be changed.".into(),
        ));
    }
    if parse(&row.starts).is_some_and(|s| s <= now) {
        return Err(AppError::Conflict(
            "This event has started, so it cannot be changed.".into(),
        ));
    }
    let facilitator = match &row.facilitator_person {
        Some(person) => {
            let mut response = db
                .query("SELECT VALUE name FROM $person;")
                .bind(("person", person.clone()))
                .await?
                .check()?;
            let names: Vec<String> = response.take(0)?;
            Some((key(person), names.into_iter().next().unwrap_or_default()))
        }
        None => None,
    };
    let teams = row
        .teams
        .iter()
        .zip(row.team_names.iter())
        .map(|(t, name)| (key(t), name.clone()))
        .collect();
    let sessions = sessions_of(db, id).await?;
    let sessions = sessions
        .iter()
        .filter_map(|s| {
            let (starts, ends) = (to_uk(parse(&s.starts)?), to_uk(parse(&s.ends)?));
            Some(SessionForm {
                date: crate::dates::iso(starts.date()),
                start: hh_mm(starts),
                end: hh_mm(ends),
                place: s.place.clone(),
                link: s.link.clone().unwrap_or_default(),
            })
        })
        .collect();
    Ok(Editing {
        seats: row.seats.max(0) as u32,
        title: row.title.clone(),
        teams,
        facilitator,
        form: EventForm {
            title: row.title,
            summary: row.summary,
            facilitator: row.facilitator,
            facilitator_person: row.facilitator_person.as_ref().map(key).unwrap_or_default(),
            capacity: row.capacity.to_string(),
            levels: row.levels,
            teams: row.teams.iter().map(key).collect(),
            needs_approval: row.needs_approval.then(|| "on".to_string()),
            online: row.online.then(|| "on".to_string()),
            sessions,
        },
    })
}

async fn sessions_of(db: &Db, id: &str) -> AppResult<Vec<SessionRow>> {
    let mut response = db
        .query(
            "SELECT id, <string> starts AS starts, <string> ends AS ends, place, link
                FROM event_session WHERE event = $event ORDER BY starts;",
        )
        .bind(("event", event_id(id)))
        .await?
        .check()?;
    Ok(response.take(0)?)
}

#[derive(SurrealValue, Clone, PartialEq)]
struct NewSession {
    starts: surrealdb::types::Datetime,
    ends: surrealdb::types::Datetime,
    place: String,
    link: Option<String>,
}

/// The sessions as the database stores them, in order, with the first start and last end.
fn new_sessions(
    input: &EventInput,
) -> AppResult<(Vec<NewSession>, OffsetDateTime, OffsetDateTime)> {
    let times: Vec<(OffsetDateTime, OffsetDateTime)> = input
        .sessions
        .iter()
        .map(|s| (uk_to_utc(s.date, s.start), uk_to_utc(s.date, s.end)))
        .collect();
    let first = times.first().map(|t| t.0).ok_or(AppError::Internal)?;
    let last = times.iter().map(|t| t.1).max().unwrap_or(first);
    let rows = input
        .sessions
        .iter()
        .zip(&times)
        .map(|(s, (starts, ends))| NewSession {
            starts: datetime(*starts),
            ends: datetime(*ends),
            place: s.place.clone(),
            link: s.link.clone(),
        })
        .collect();
    Ok((rows, first, last))
}

/// Saves a learning lead's changes to an event that has not started. Places cannot go below
/// those already taken or held; extra places go to the people waiting, in order, who are
/// told; when approval is no longer needed, places waiting for it are confirmed; and when the
/// times or places change, everyone booked or waiting is told.
const UPDATE_EVENT: &str = "
    BEGIN TRANSACTION;
    LET $e = (SELECT status, seats, waiting, starts, needs_approval FROM $event WHERE org = $org)[0];
    IF $e = NONE { THROW 'academy:no_event' };
    IF $e.status != 'scheduled' { THROW 'academy:cancelled' };
    IF $e.starts <= time::now() { THROW 'academy:started' };
    IF $capacity < $e.seats { THROW 'academy:below_taken' };
    UPDATE $event SET title = $title, summary = $summary, facilitator = $facilitator,
        facilitator_person = IF $facilitator_person = NONE { NONE } ELSE { type::record('person', $facilitator_person) },
        capacity = $capacity, levels = $levels, teams = $teams, needs_approval = $needs_approval,
        online = $online, starts = $starts, ends = $ends, edited_at = time::now() RETURN NONE;
    -- Sessions keep their records (and so their calendar entries) by position.
    FOR $s IN $keep {
        UPDATE $s.id SET starts = $s.starts, ends = $s.ends, place = $s.place, link = $s.link
            RETURN NONE;
    };
    FOR $gone IN $drop { DELETE $gone RETURN NONE; };
    FOR $s IN $add {
        CREATE event_session SET org = $org, event = $event, starts = $s.starts,
            ends = $s.ends, place = $s.place, link = $s.link RETURN NONE;
    };
    IF $sessions_changed {
        -- A session at a new time is reminded about again; calendars take the new version.
        UPDATE booking SET reminded = array::complement(reminded, $retimed)
            WHERE event = $event RETURN NONE;
        UPDATE $event SET calendar_sequence += 1 RETURN NONE;
    };
    LET $confirmed = IF $e.needs_approval AND !$needs_approval {
        (UPDATE booking SET status = 'booked' WHERE event = $event AND status = 'requested' RETURN VALUE person)
    } ELSE { [] };
    FOR $p IN $confirmed {
        CREATE notification SET org = $org, person = $p, kind = 'booking_approved',
            text = 'Your place on \u{201c}' + $title + '\u{201d} no longer needs approval: you are booked.',
            link = '/events/' + <string> record::id($event) RETURN NONE;
    };
    LET $free = $capacity - $e.seats;
    LET $promoted = IF $free > 0 AND $e.waiting > 0 {
        (SELECT id, person FROM booking WHERE event = $event AND status = 'waitlisted'
            ORDER BY queued_at, id LIMIT $free)
    } ELSE { [] };
    FOR $b IN $promoted {
        UPDATE $b.id SET status = IF $needs_approval { 'requested' } ELSE { 'booked' } RETURN NONE;
        CREATE notification SET org = $org, person = $b.person, kind = 'booking_promoted',
            text = IF $needs_approval {
                'A place came up on \u{201c}' + $title + '\u{201d}. It is held for you while your line manager approves it.'
            } ELSE {
                'A place came up on \u{201c}' + $title + '\u{201d}: you are booked.'
            },
            link = '/events/' + <string> record::id($event) RETURN NONE;
    };
    UPDATE $event SET seats += array::len($promoted), waiting -= array::len($promoted) RETURN NONE;
    IF $sessions_changed {
        FOR $p IN (SELECT VALUE person FROM booking WHERE event = $event
                AND status IN ['requested', 'booked', 'waitlisted'] AND person NOT IN $promoted.person) {
            CREATE notification SET org = $org, person = $p, kind = 'event_changed',
                text = 'The times or places of \u{201c}' + $title + '\u{201d} have changed. Check them, and download the calendar file again.',
                link = '/events/' + <string> record::id($event) RETURN NONE;
        };
    };
    RETURN array::len($promoted);
    COMMIT TRANSACTION;
";

#[derive(SurrealValue, Clone)]
struct KeptSession {
    id: RecordId,
    starts: surrealdb::types::Datetime,
    ends: surrealdb::types::Datetime,
    place: String,
    link: Option<String>,
}

/// Saves the changes; answers how many people waiting were given a place.
pub async fn update(db: &Db, org: &str, id: &str, input: &EventInput) -> AppResult<u32> {
    let (sessions, first, last) = new_sessions(input)?;
    let old = sessions_of(db, id).await?;
    let old_as_new: Vec<NewSession> = old
        .iter()
        .filter_map(|s| {
            Some(NewSession {
                starts: datetime(parse(&s.starts)?),
                ends: datetime(parse(&s.ends)?),
                place: s.place.clone(),
                link: s.link.clone(),
            })
        })
        .collect();
    let sessions_changed = old_as_new != sessions;
    let mut keep: Vec<KeptSession> = Vec::new();
    let mut retimed: Vec<RecordId> = Vec::new();
    for (i, new) in sessions.iter().enumerate() {
        let Some(was) = old.get(i) else { break };
        let moved = old_as_new
            .get(i)
            .is_none_or(|o| o.starts != new.starts || o.ends != new.ends);
        if moved {
            retimed.push(was.id.clone());
        }
        keep.push(KeptSession {
            id: was.id.clone(),
            starts: new.starts,
            ends: new.ends,
            place: new.place.clone(),
            link: new.link.clone(),
        });
    }
    let drop: Vec<RecordId> = old
        .iter()
        .skip(sessions.len())
        .map(|s| s.id.clone())
        .collect();
    let add: Vec<NewSession> = sessions.iter().skip(old.len()).cloned().collect();
    let teams: Vec<RecordId> = input
        .teams
        .iter()
        .map(|t| RecordId::new("team", t.clone()))
        .collect();
    let result = with_retry(|| async {
        let response = db
            .query(UPDATE_EVENT)
            .bind(("org", RecordId::new("org", org.to_string())))
            .bind(("event", event_id(id)))
            .bind(("title", input.title.clone()))
            .bind(("summary", input.summary.clone()))
            .bind(("facilitator", input.facilitator.clone()))
            .bind(("facilitator_person", input.facilitator_person.clone()))
            .bind(("capacity", i64::from(input.capacity)))
            .bind(("levels", input.levels.clone()))
            .bind(("teams", teams.clone()))
            .bind(("needs_approval", input.needs_approval))
            .bind(("online", input.online))
            .bind(("starts", datetime(first)))
            .bind(("ends", datetime(last)))
            .bind(("keep", keep.clone()))
            .bind(("drop", drop.clone()))
            .bind(("add", add.clone()))
            .bind(("retimed", retimed.clone()))
            .bind(("sessions_changed", sessions_changed))
            .await?;
        let mut response = check_thrown(response)?;
        // The RETURN before COMMIT TRANSACTION, which answers last (with nothing).
        let last = response.num_statements() - 2;
        let promoted: Option<i64> = response.take(last)?;
        Ok(promoted.unwrap_or(0).max(0) as u32)
    })
    .await;
    match result {
        Ok(promoted) => Ok(promoted),
        Err(e) if thrown(&e, "academy:no_event") => Err(AppError::NotFound),
        Err(e) if thrown(&e, "academy:cancelled") => Err(AppError::Conflict(
            "This event has been cancelled, so it cannot be changed.".into(),
        )),
        Err(e) if thrown(&e, "academy:started") => Err(AppError::Conflict(
            "This event has started, so it cannot be changed.".into(),
        )),
        Err(e) if thrown(&e, "academy:below_taken") => Err(AppError::field(
            "capacity",
            "More places are taken or held than that: cancel bookings first, or keep at least as many places.",
        )),
        Err(e) => Err(e.into()),
    }
}

/// Cancels an event that has not finished: every place and waitlist place ends, and everyone
/// who had one is told why.
const CANCEL_EVENT: &str = "
    BEGIN TRANSACTION;
    LET $e = (SELECT title, status, ends FROM $event WHERE org = $org)[0];
    IF $e = NONE { THROW 'academy:no_event' };
    IF $e.status = 'cancelled' { THROW 'academy:cancelled' };
    IF $e.ends <= time::now() { THROW 'academy:over' };
    LET $people = (UPDATE booking SET status = 'cancelled'
        WHERE event = $event AND status IN ['requested', 'booked', 'waitlisted'] RETURN VALUE person);
    UPDATE $event SET status = 'cancelled', cancelled_reason = $reason, cancelled_by = $by,
        seats = 0, waiting = 0, edited_at = time::now() RETURN NONE;
    FOR $p IN $people {
        CREATE notification SET org = $org, person = $p, kind = 'event_cancelled',
            text = '\u{201c}' + $e.title + '\u{201d} has been cancelled: ' + $reason,
            link = '/events/' + <string> record::id($event) RETURN NONE;
    };
    CREATE audit SET org = $org, actor = $by, action = 'event_cancelled',
        subject = 'event:' + <string> record::id($event),
        detail = <string> array::len($people) + ' people told: ' + $reason, at = time::now() RETURN NONE;
    RETURN array::len($people);
    COMMIT TRANSACTION;
";

/// Cancels the event; answers how many people were told.
pub async fn cancel_event(db: &Db, org: &str, by: &str, id: &str, reason: &str) -> AppResult<u32> {
    let result = with_retry(|| async {
        let response = db
            .query(CANCEL_EVENT)
            .bind(("org", RecordId::new("org", org.to_string())))
            .bind(("event", event_id(id)))
            .bind(("by", RecordId::new("person", by.to_string())))
            .bind(("reason", reason.to_string()))
            .await?;
        let mut response = check_thrown(response)?;
        let last = response.num_statements() - 2;
        let told: Option<i64> = response.take(last)?;
        Ok(told.unwrap_or(0).max(0) as u32)
    })
    .await;
    match result {
        Ok(told) => Ok(told),
        Err(e) if thrown(&e, "academy:no_event") => Err(AppError::NotFound),
        Err(e) if thrown(&e, "academy:cancelled") => Err(AppError::Conflict(
            "This event has already been cancelled.".into(),
        )),
        Err(e) if thrown(&e, "academy:over") => Err(AppError::Conflict(
            "This event has finished, so it cannot be cancelled.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}
