//! Each council's learning academy at scale: the library (variations on the demo's
//! resources), who opened and rated what, learning paths, and live events with bookings.

use std::collections::HashMap;

use rand::Rng;
use rand::seq::IndexedRandom;
use surrealdb::types::{RecordId, SurrealValue};
use time::{Duration, OffsetDateTime, Time};

use super::people::Staff;
use super::{Council, Progress, Report, Scale, insert};
use crate::academy::markdown::to_safe_html;
use crate::dates::{iso, uk_to_utc};
use crate::db::{Db, datetime};
use crate::error::AppResult;
use crate::seed::academy::{
    BookingRow, EventRow, FeedbackRow, PathRow, ResourceRow, SessionRow, Step, UseRow, months_from,
    pair, path_row,
};
use crate::seed::framework::PATHWAY_CRITERIA;
use crate::seed::library::{EVENTS, PATHS, RESOURCES};

/// Words that set one edition of a resource apart from another in titles and search.
const ANGLES: &[&str] = &[
    "for duty workers",
    "in court work",
    "with teenagers",
    "with under-fives",
    "for care leavers",
    "in fostering",
    "with disabled children",
    "in family help",
    "for new managers",
    "with neurodivergent young people",
    "in rural areas",
    "with unaccompanied children",
    "in private law",
    "with kinship carers",
    "in youth justice",
];

#[derive(SurrealValue)]
struct StatRow {
    id: RecordId,
    org: RecordId,
    resource: RecordId,
    opened: i64,
    done: i64,
    useful_yes: i64,
    useful_no: i64,
}

pub(crate) async fn generate(
    db: &Db,
    c: &mut Council,
    scale: &Scale,
    staff: &[Staff],
    progress: &dyn Progress,
    report: &mut Report,
) -> AppResult<()> {
    let today = c.today;
    let now = OffsetDateTime::now_utc();
    let domain_of: HashMap<&str, &str> =
        PATHWAY_CRITERIA.iter().map(|k| (k.key, k.domain)).collect();
    let html: Vec<String> = RESOURCES.iter().map(|r| to_safe_html(r.body)).collect();
    let curator = Some(RecordId::new("person", format!("{}_lead", c.prefix)));

    let n = scale.resources_per_council;
    let mut resources = Vec::with_capacity(n);
    for i in 0..n {
        let b = i % RESOURCES.len();
        let base = &RESOURCES[b];
        let edition = i / RESOURCES.len();
        let title = if edition == 0 {
            base.title.to_string()
        } else {
            format!("{} {}", base.title, ANGLES[(edition - 1) % ANGLES.len()])
        };
        let mut domains: Vec<String> = Vec::new();
        for k in base.criteria {
            if let Some(d) = domain_of.get(k)
                && !domains.iter().any(|x| x == d)
            {
                domains.push(d.to_string());
            }
        }
        // A few drafts and retired items, as a real library has.
        let status = match c.rng.random_range(0..100u32) {
            0..=2 => "draft",
            3..=4 => "retired",
            _ => "published",
        };
        let published = datetime(now - Duration::days(c.rng.random_range(1..720)));
        resources.push(ResourceRow {
            id: c.id("resource", i),
            org: c.org.clone(),
            title,
            summary: base.summary.into(),
            body: base.body.into(),
            body_html: html[b].clone(),
            link: base.link.map(str::to_string),
            kind: base.kind.into(),
            levels: base.levels.iter().map(|s| s.to_string()).collect(),
            tags: base.tags.iter().map(|s| s.to_string()).collect(),
            criteria: base.criteria.iter().map(|s| s.to_string()).collect(),
            domains,
            status: status.into(),
            curator: curator.clone(),
            review_by: iso(months_from(today, c.rng.random_range(-3..18))),
            published_at: published.clone(),
            edited_at: published,
        });
    }

    // Each active person has opened a handful of resources and rated one or two.
    let mut uses = Vec::new();
    let mut feedback = Vec::new();
    let mut stats: Vec<[i64; 4]> = vec![[0; 4]; n];
    for person in staff.iter().filter(|s| s.active) {
        let mut seen = std::collections::HashSet::new();
        for k in 0..c.rng.random_range(2..9usize) {
            // Popular resources are the first editions: skew towards low numbers.
            let r = (c.rng.random_range(0..n) * c.rng.random_range(0..n)) / n.max(1);
            if !seen.insert(r) {
                continue;
            }
            let done = c.rng.random_bool(0.5);
            let key = format!("{}_{r}", c.prefix);
            uses.push(UseRow {
                id: pair("resource_use", &person.key, &key),
                org: c.org.clone(),
                person: person.id.clone(),
                resource: RecordId::new("resource", key.as_str()),
                bookmarked: k == 0,
                opened_at: Some(datetime(now - Duration::days(c.rng.random_range(1..365)))),
                done_on: done.then(|| iso(today - Duration::days(c.rng.random_range(1..365)))),
            });
            stats[r][0] += 1;
            stats[r][1] += i64::from(done);
            if done && c.rng.random_bool(0.4) {
                let useful = c.rng.random_bool(0.85);
                feedback.push(FeedbackRow {
                    id: pair("resource_feedback", &person.key, &key),
                    org: c.org.clone(),
                    person: person.id.clone(),
                    resource: RecordId::new("resource", key.as_str()),
                    useful,
                    comment: String::new(),
                });
                stats[r][if useful { 2 } else { 3 }] += 1;
            }
        }
    }
    let stat_rows: Vec<StatRow> = stats
        .iter()
        .enumerate()
        .map(|(i, s)| StatRow {
            id: c.id("resource_stat", i),
            org: c.org.clone(),
            resource: c.id("resource", i),
            opened: s[0],
            done: s[1],
            useful_yes: s[2],
            useful_no: s[3],
        })
        .collect();
    report.resources += resources.len();
    insert(db, "resource", resources, progress, report).await?;
    insert(db, "resource_stat", stat_rows, progress, report).await?;
    insert(db, "resource_use", uses, progress, report).await?;
    insert(db, "resource_feedback", feedback, progress, report).await?;

    // Events: past and coming, each a variation on one of the demo's.
    let active: Vec<&Staff> = staff.iter().filter(|s| s.active).collect();
    let mut events = Vec::new();
    let mut sessions = Vec::new();
    let mut bookings = Vec::new();
    let mut first_event: HashMap<&str, RecordId> = HashMap::new();
    let span = scale.events_per_council.max(1) as i64;
    for i in 0..scale.events_per_council {
        let base = &EVENTS[i % EVENTS.len()];
        let id = c.id("event", i);
        first_event.entry(base.key).or_insert_with(|| id.clone());
        // Three quarters in the past year, a quarter in the next three months.
        let offset = -300 + (i as i64 * 390) / span;
        let day = today + Duration::days(offset);
        let (_, sh, sm, eh, em) = base.sessions.first().copied().unwrap_or((0, 9, 30, 16, 0));
        let starts = uk_to_utc(day, Time::from_hms(sh, sm, 0).unwrap_or(Time::MIDNIGHT));
        let ends = uk_to_utc(day, Time::from_hms(eh, em, 0).unwrap_or(Time::MIDNIGHT));
        sessions.push(SessionRow {
            org: c.org.clone(),
            event: id.clone(),
            starts: datetime(starts),
            ends: datetime(ends),
            place: base.place.into(),
            link: None,
        });
        let capacity = i64::from(base.capacity);
        let past = offset < 0;
        let wanted = c.rng.random_range(capacity / 2..capacity + 6) as usize;
        let mut seats = 0;
        let mut waiting = 0;
        let mut taken = std::collections::HashSet::new();
        for q in 0..wanted {
            let Some(person) = active.choose(&mut c.rng) else {
                break;
            };
            if !taken.insert(person.key.as_str()) {
                continue;
            }
            let status = if seats < capacity {
                "booked"
            } else {
                "waitlisted"
            };
            if status == "booked" {
                seats += 1;
            } else if past {
                // A past event's waiting list was cleared when it ran.
                continue;
            } else {
                waiting += 1;
            }
            let attended = (past && status == "booked").then(|| c.rng.random_bool(0.9));
            bookings.push(BookingRow {
                id: RecordId::new(
                    "booking",
                    surrealdb::types::Array::from(vec![crate::db::key(&id), person.key.clone()]),
                ),
                org: c.org.clone(),
                event: id.clone(),
                person: person.id.clone(),
                status: status.into(),
                queued_at: datetime(starts - Duration::days(30) + Duration::minutes(q as i64)),
                attended,
                attendance_by: attended
                    .map(|_| RecordId::new("person", format!("{}_lead", c.prefix))),
            });
        }
        events.push(EventRow {
            id,
            org: c.org.clone(),
            title: if i < EVENTS.len() {
                base.title.to_string()
            } else {
                format!(
                    "{} ({})",
                    base.title,
                    ANGLES[(i / EVENTS.len() - 1) % ANGLES.len()]
                )
            },
            summary: base.summary.into(),
            facilitator: base.facilitator.into(),
            facilitator_person: None,
            capacity,
            levels: base.levels.iter().map(|s| s.to_string()).collect(),
            needs_approval: false,
            online: base.online,
            criteria: base.criteria.iter().map(|s| s.to_string()).collect(),
            starts: datetime(starts),
            ends: datetime(ends),
            seats,
            waiting,
            created_by: curator.clone(),
        });
    }
    let resource_of: HashMap<&str, usize> = RESOURCES
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key, i))
        .collect();
    let paths: Vec<PathRow> = PATHS
        .iter()
        .map(|p| {
            path_row(p, c.id("learning_path", p.key), &c.org, |step| match step {
                Step::Event(event) => first_event.get(event).cloned(),
                Step::Resource(resource) => resource_of
                    .get(resource)
                    .filter(|i| **i < n)
                    .map(|i| c.id("resource", i)),
            })
        })
        .collect();
    report.events += events.len();
    report.bookings += bookings.len();
    insert(db, "event", events, progress, report).await?;
    insert(db, "event_session", sessions, progress, report).await?;
    insert(db, "booking", bookings, progress, report).await?;
    insert(db, "learning_path", paths, progress, report).await?;
    Ok(())
}
