//! The demo council's learning academy in the database (server only): the library, its use
//! and feedback, learning paths, and events with bookings. Times are relative to the seed
//! day so the demo always has events coming up, one full with a waitlist, one awaiting a
//! manager's approval, and past events with attendance.

use std::collections::HashMap;

use surrealdb::types::{Datetime, RecordId, SurrealValue};
use time::{Date, Duration, OffsetDateTime, Time};

use super::PEOPLE;
use super::framework::PATHWAY_CRITERIA;
use super::library::{EVENTS, PATHS, RESOURCES};
use crate::academy::markdown::to_safe_html;
use crate::asye::schedule::add_months;
use crate::dates::{iso, uk_to_utc};
use crate::db::{Db, datetime};
use crate::error::AppResult;

#[derive(SurrealValue)]
pub(crate) struct ResourceRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) body: String,
    pub(crate) body_html: String,
    pub(crate) link: Option<String>,
    pub(crate) kind: String,
    pub(crate) levels: Vec<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) criteria: Vec<String>,
    pub(crate) domains: Vec<String>,
    pub(crate) status: String,
    pub(crate) curator: Option<RecordId>,
    pub(crate) review_by: String,
    pub(crate) published_at: Datetime,
    pub(crate) edited_at: Datetime,
}

#[derive(SurrealValue)]
pub(crate) struct StatRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) resource: RecordId,
}

#[derive(SurrealValue)]
pub(crate) struct UseRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) person: RecordId,
    pub(crate) resource: RecordId,
    pub(crate) bookmarked: bool,
    pub(crate) opened_at: Option<Datetime>,
    pub(crate) done_on: Option<String>,
}

#[derive(SurrealValue)]
pub(crate) struct FeedbackRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) person: RecordId,
    pub(crate) resource: RecordId,
    pub(crate) useful: bool,
    pub(crate) comment: String,
}

#[derive(SurrealValue)]
pub(crate) struct PathRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) levels: Vec<String>,
    pub(crate) roles: Vec<String>,
    pub(crate) steps: Vec<RecordId>,
}

#[derive(SurrealValue)]
pub(crate) struct EventRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) title: String,
    pub(crate) summary: String,
    pub(crate) facilitator: String,
    pub(crate) facilitator_person: Option<RecordId>,
    pub(crate) capacity: i64,
    pub(crate) levels: Vec<String>,
    pub(crate) needs_approval: bool,
    pub(crate) online: bool,
    pub(crate) criteria: Vec<String>,
    pub(crate) starts: Datetime,
    pub(crate) ends: Datetime,
    pub(crate) seats: i64,
    pub(crate) waiting: i64,
    pub(crate) created_by: Option<RecordId>,
}

#[derive(SurrealValue)]
pub(crate) struct SessionRow {
    pub(crate) org: RecordId,
    pub(crate) event: RecordId,
    pub(crate) starts: Datetime,
    pub(crate) ends: Datetime,
    pub(crate) place: String,
    pub(crate) link: Option<String>,
}

#[derive(SurrealValue)]
pub(crate) struct BookingRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) event: RecordId,
    pub(crate) person: RecordId,
    pub(crate) status: String,
    pub(crate) queued_at: Datetime,
    pub(crate) attended: Option<bool>,
    pub(crate) attendance_by: Option<RecordId>,
}

/// The people marked as having attended each past demo event.
pub(crate) fn past_attendance() -> Vec<(&'static str, Vec<&'static str>)> {
    BOOKINGS
        .iter()
        .map(|(event, places)| {
            let attended = places
                .iter()
                .filter(|(_, _, attended)| *attended == Some(true))
                .map(|(person, ..)| *person)
                .collect::<Vec<_>>();
            (*event, attended)
        })
        .filter(|(_, attended)| !attended.is_empty())
        .collect()
}

/// (person, status, attended)
type Place = (&'static str, &'static str, Option<bool>);

/// Who is booked on which demo event.
const BOOKINGS: &[(&str, &[Place])] = &[
    (
        "chronology_workshop",
        &[
            ("demo_practitioner", "booked", Some(true)),
            ("ln_4", "booked", Some(true)),
            ("ls_3", "booked", Some(true)),
            ("da_3", "booked", Some(true)),
            ("ln_1", "booked", Some(true)),
            ("ls_1", "booked", Some(true)),
            ("ls_4", "booked", Some(false)),
        ],
    ),
    (
        "domestic_abuse_practice_day",
        &[
            ("ln_2", "booked", Some(true)),
            ("ls_2", "booked", Some(true)),
            ("da_1", "booked", Some(true)),
            ("lac_1", "booked", Some(true)),
            ("lac_2", "booked", Some(true)),
            ("chd_1", "booked", Some(true)),
            ("fo_1", "booked", None),
        ],
    ),
    (
        "asye_welcome_day",
        &[
            ("ln_4", "booked", None),
            ("ls_3", "booked", None),
            ("da_3", "booked", None),
            ("chd_3", "booked", None),
        ],
    ),
    (
        "graded_care_profile_training",
        &[
            ("ln_1", "booked", None),
            ("ls_4", "booked", None),
            ("da_2", "booked", None),
            ("lac_3", "booked", None),
            ("fo_2", "booked", None),
        ],
    ),
    // Full, with one person waiting.
    (
        "mock_cross_examination",
        &[
            ("ls_1", "booked", None),
            ("da_2", "booked", None),
            ("lac_2", "waitlisted", None),
        ],
    ),
    // Aisha's place waits for Daniel, her line manager, to approve it.
    (
        "court_skills_workshop",
        &[
            ("ln_1", "requested", None),
            ("ls_4", "booked", None),
            ("lac_3", "booked", None),
        ],
    ),
    (
        "exploitation_briefing",
        &[
            ("ln_2", "booked", None),
            ("ls_1", "booked", None),
            ("ls_2", "booked", None),
            ("da_1", "booked", None),
            ("da_4", "booked", None),
            ("lac_1", "booked", None),
            ("lac_4", "booked", None),
            ("chd_2", "booked", None),
            ("fo_3", "booked", None),
        ],
    ),
];

fn days(date: Date, n: i64) -> Date {
    date.checked_add(Duration::days(n)).unwrap_or(date)
}

pub(crate) fn months_from(today: Date, months: i32) -> Date {
    if months >= 0 {
        add_months(today, months as u32)
    } else {
        days(today, i64::from(months) * 30)
    }
}

fn person_by_name(name: &str) -> Option<RecordId> {
    PEOPLE
        .iter()
        .find(|p| p.name == name)
        .map(|p| RecordId::new("person", p.key))
}

/// A step of a seeded learning path: an event key or a resource key.
pub(crate) enum Step<'a> {
    Event(&'a str),
    Resource(&'a str),
}

/// A seeded learning path's row, its steps' records chosen by `step` (a step it answers
/// `None` for is left out).
pub(crate) fn path_row(
    p: &crate::seed::library::PathSeed,
    id: RecordId,
    org: &RecordId,
    step: impl Fn(Step<'_>) -> Option<RecordId>,
) -> PathRow {
    PathRow {
        id,
        org: org.clone(),
        title: p.title.into(),
        summary: p.summary.into(),
        levels: p.levels.iter().map(|s| s.to_string()).collect(),
        roles: p.roles.iter().map(|s| s.to_string()).collect(),
        steps: p
            .steps
            .iter()
            .filter_map(|s| match s.strip_prefix("event:") {
                Some(event) => step(Step::Event(event)),
                None => step(Step::Resource(s)),
            })
            .collect(),
    }
}

pub(crate) fn pair(table: &str, person: &str, resource: &str) -> RecordId {
    RecordId::new(
        table,
        surrealdb::types::Array::from(vec![person.to_string(), resource.to_string()]),
    )
}

/// A small, fixed spread of use across the library: some resources popular, some never
/// opened, a few judged not useful, so the curator's board has something to say.
fn demo_use(org: &RecordId, today: Date, now: OffsetDateTime) -> (Vec<UseRow>, Vec<FeedbackRow>) {
    let mut uses = Vec::new();
    let mut feedback = Vec::new();
    let readers: Vec<&str> = PEOPLE
        .iter()
        .filter(|p| p.roles.contains(&"practitioner") && p.key != "x_1")
        .map(|p| p.key)
        .collect();
    for (ri, resource) in RESOURCES.iter().enumerate() {
        // Every seventh resource stays unopened.
        if ri % 7 == 6 {
            continue;
        }
        for (pi, person) in readers.iter().enumerate() {
            let roll = (ri * 31 + pi * 17) % 23;
            // The demo practitioner's own record is set by hand below.
            if *person == "demo_practitioner" || roll > 4 + ri % 5 {
                continue;
            }
            let done = roll % 2 == 0;
            uses.push(UseRow {
                id: pair("resource_use", person, resource.key),
                org: org.clone(),
                person: RecordId::new("person", *person),
                resource: RecordId::new("resource", resource.key),
                bookmarked: roll == 1,
                opened_at: Some(datetime(now - Duration::days((roll * 3 + 1) as i64))),
                done_on: done.then(|| iso(days(today, -((roll * 3 + 1) as i64)))),
            });
            if done {
                // A few resources are found wanting, with a reason.
                let useful = ri % 11 != 3;
                feedback.push(FeedbackRow {
                    id: pair("resource_feedback", person, resource.key),
                    org: org.clone(),
                    person: RecordId::new("person", *person),
                    resource: RecordId::new("resource", resource.key),
                    useful,
                    comment: match (useful, roll) {
                        (false, 0) => "Too general for our cases: an example from a real assessment would help.".into(),
                        (false, _) => String::new(),
                        (true, 2) => "Used this straight away with a family on my caseload.".into(),
                        (true, _) => String::new(),
                    },
                });
            }
        }
    }
    // Priya: two done (one of them with the CPD still to record), one bookmarked.
    for (resource, done, bookmarked) in [
        ("asye_survival_guide", true, false),
        ("tool_supervision_agenda", true, false),
        ("policy_recording_standards", false, true),
    ] {
        uses.push(UseRow {
            id: pair("resource_use", "demo_practitioner", resource),
            org: org.clone(),
            person: RecordId::new("person", "demo_practitioner"),
            resource: RecordId::new("resource", resource),
            bookmarked,
            opened_at: Some(datetime(now - Duration::days(5))),
            done_on: done.then(|| iso(days(today, -5))),
        });
    }
    (uses, feedback)
}

const INSERT: &str = "
    INSERT INTO resource $resources RETURN NONE;
    INSERT INTO resource_stat $stats RETURN NONE;
    INSERT INTO resource_use $uses RETURN NONE;
    INSERT INTO resource_feedback $feedback RETURN NONE;
    INSERT INTO learning_path $paths RETURN NONE;
    INSERT INTO event $events RETURN NONE;
    INSERT INTO event_session $sessions RETURN NONE;
    INSERT INTO booking $bookings RETURN NONE;
    FOR $s IN (SELECT id, resource FROM resource_stat WHERE org = $org) {
        UPDATE $s.id SET
            opened = count(SELECT id FROM resource_use WHERE resource = $s.resource AND opened_at != NONE),
            done = count(SELECT id FROM resource_use WHERE resource = $s.resource AND done_on != NONE),
            useful_yes = count(SELECT id FROM resource_feedback WHERE resource = $s.resource AND useful = true),
            useful_no = count(SELECT id FROM resource_feedback WHERE resource = $s.resource AND useful = false)
        RETURN NONE;
    };
";

pub async fn has_academy(db: &Db, org: &RecordId) -> AppResult<bool> {
    let mut response = db
        .query("SELECT VALUE id FROM resource WHERE org = $org LIMIT 1;")
        .bind(("org", org.clone()))
        .await?
        .check()?;
    let found: Vec<RecordId> = response.take(0)?;
    Ok(!found.is_empty())
}

pub async fn seed_academy(db: &Db, org: &RecordId, today: Date) -> AppResult<()> {
    let now = OffsetDateTime::now_utc();
    let domain_of: HashMap<&str, &str> =
        PATHWAY_CRITERIA.iter().map(|c| (c.key, c.domain)).collect();
    let curator = Some(RecordId::new("person", "demo_learning_lead"));
    let resources: Vec<ResourceRow> = RESOURCES
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut domains: Vec<String> = Vec::new();
            for c in r.criteria {
                if let Some(d) = domain_of.get(c)
                    && !domains.iter().any(|x| x == d)
                {
                    domains.push(d.to_string());
                }
            }
            // Spread over the last year, so "newest first" means something.
            let published = datetime(now - Duration::days(((i * 5) % 360) as i64 + 1));
            ResourceRow {
                id: RecordId::new("resource", r.key),
                org: org.clone(),
                title: r.title.into(),
                summary: r.summary.into(),
                body: r.body.into(),
                body_html: to_safe_html(r.body),
                link: r.link.map(str::to_string),
                kind: r.kind.into(),
                levels: r.levels.iter().map(|s| s.to_string()).collect(),
                tags: r.tags.iter().map(|s| s.to_string()).collect(),
                criteria: r.criteria.iter().map(|s| s.to_string()).collect(),
                domains,
                status: "published".into(),
                curator: curator.clone(),
                review_by: iso(months_from(today, r.review_by_months)),
                published_at: published,
                edited_at: published,
            }
        })
        .collect();
    let stats: Vec<StatRow> = RESOURCES
        .iter()
        .map(|r| StatRow {
            id: RecordId::new("resource_stat", r.key),
            org: org.clone(),
            resource: RecordId::new("resource", r.key),
        })
        .collect();
    let (uses, feedback) = demo_use(org, today, now);
    let paths: Vec<PathRow> = PATHS
        .iter()
        .map(|p| {
            path_row(p, RecordId::new("learning_path", p.key), org, |step| {
                Some(match step {
                    Step::Event(event) => RecordId::new("event", event),
                    Step::Resource(resource) => RecordId::new("resource", resource),
                })
            })
        })
        .collect();

    let mut events = Vec::new();
    let mut sessions = Vec::new();
    let mut bookings = Vec::new();
    for e in EVENTS {
        let event_id = RecordId::new("event", e.key);
        let times: Vec<(OffsetDateTime, OffsetDateTime)> = e
            .sessions
            .iter()
            .map(|(d, sh, sm, eh, em)| {
                let day = days(today, i64::from(*d));
                let at = |h: u8, m: u8| {
                    uk_to_utc(day, Time::from_hms(h, m, 0).unwrap_or(Time::MIDNIGHT))
                };
                (at(*sh, *sm), at(*eh, *em))
            })
            .collect();
        for (starts, ends) in &times {
            sessions.push(SessionRow {
                org: org.clone(),
                event: event_id.clone(),
                starts: datetime(*starts),
                ends: datetime(*ends),
                place: e.place.into(),
                link: None,
            });
        }
        let booked = BOOKINGS
            .iter()
            .find(|(k, _)| *k == e.key)
            .map(|(_, b)| *b)
            .unwrap_or(&[]);
        let mut seats = 0;
        let mut waiting = 0;
        for (i, (person, status, attended)) in booked.iter().enumerate() {
            match *status {
                "waitlisted" => waiting += 1,
                _ => seats += 1,
            }
            bookings.push(BookingRow {
                id: RecordId::new(
                    "booking",
                    surrealdb::types::Array::from(vec![e.key.to_string(), person.to_string()]),
                ),
                org: org.clone(),
                event: event_id.clone(),
                person: RecordId::new("person", *person),
                status: status.to_string(),
                queued_at: datetime(now - Duration::days(30) + Duration::minutes(i as i64)),
                attended: *attended,
                attendance_by: attended.map(|_| RecordId::new("person", "demo_learning_lead")),
            });
        }
        let first = times.first().map(|t| t.0).unwrap_or(now);
        let last = times.last().map(|t| t.1).unwrap_or(now);
        events.push(EventRow {
            id: event_id,
            org: org.clone(),
            title: e.title.into(),
            summary: e.summary.into(),
            facilitator: e.facilitator.into(),
            facilitator_person: person_by_name(e.facilitator),
            capacity: i64::from(e.capacity),
            levels: e.levels.iter().map(|s| s.to_string()).collect(),
            needs_approval: e.needs_approval,
            online: e.online,
            criteria: e.criteria.iter().map(|s| s.to_string()).collect(),
            starts: datetime(first),
            ends: datetime(last),
            seats,
            waiting,
            created_by: curator.clone(),
        });
    }

    db.query(INSERT)
        .bind(("org", org.clone()))
        .bind(("resources", resources))
        .bind(("stats", stats))
        .bind(("uses", uses))
        .bind(("feedback", feedback))
        .bind(("paths", paths))
        .bind(("events", events))
        .bind(("sessions", sessions))
        .bind(("bookings", bookings))
        .await?
        .check()?;
    Ok(())
}
