//! The demo council's ASYE programmes, CPD records and supervision (server only).
//!
//! Dates are set relative to the day the demo is seeded, so that whenever it is first run
//! the demo shows each state: the demo NQSW has one review done and the next due soon, one
//! NQSW has a review overdue, one is near the end of the year, one paused for parental
//! leave, one just starting; one registered social worker is at risk for the current
//! registration year and one has two records that read the same.

use surrealdb::types::{RecordId, SurrealValue};
use time::{Date, Duration};

use crate::asye::schedule::add_months;
use crate::cpd::rules::RegistrationYear;
use crate::dates::iso;
use crate::db::Db;
use crate::error::AppResult;

fn months_back(today: Date, months: u32) -> Date {
    // add_months only goes forward: step back a year at a time and forward again.
    let years = months.div_ceil(12);
    let base = Date::from_calendar_date(
        today.year() - years as i32,
        today.month(),
        today.day().min(28),
    )
    .unwrap_or(today);
    add_months(base, years * 12 - months)
}

fn days(date: Date, n: i64) -> Date {
    date.checked_add(Duration::days(n)).unwrap_or(date)
}

struct DemoAsye {
    person: &'static str,
    /// Months and extra days before the seed day that the programme started.
    months_ago: u32,
    days_later: i64,
    reviews: &'static [u32],
    observations: u32,
    stages: &'static [&'static str],
    /// A parental-leave pause this many months in, for six weeks.
    pause_at_month: Option<u32>,
}

const PROGRAMMES: &[DemoAsye] = &[
    // One review done, the 6-month review due in 10 days, two observations.
    DemoAsye {
        person: "demo_practitioner",
        months_ago: 6,
        days_later: 10,
        reviews: &[3],
        observations: 2,
        stages: &["start"],
        pause_at_month: None,
    },
    // The 3-month review is 5 days overdue.
    DemoAsye {
        person: "ln_4",
        months_ago: 3,
        days_later: -5,
        reviews: &[],
        observations: 1,
        stages: &["start"],
        pause_at_month: None,
    },
    // Near the end: the 12-month review due in 3 weeks.
    DemoAsye {
        person: "ls_3",
        months_ago: 12,
        days_later: 21,
        reviews: &[3, 6, 9],
        observations: 3,
        stages: &["start", "middle"],
        pause_at_month: None,
    },
    // Paused for parental leave, so everything after the pause moved six weeks later.
    DemoAsye {
        person: "da_3",
        months_ago: 8,
        days_later: 0,
        reviews: &[3],
        observations: 1,
        stages: &["start"],
        pause_at_month: Some(4),
    },
    // Just started: the start self-assessment not yet done.
    DemoAsye {
        person: "chd_3",
        months_ago: 0,
        days_later: -20,
        reviews: &[],
        observations: 0,
        stages: &[],
        pause_at_month: None,
    },
];

const OBSERVERS: &[(&str, &str, &str)] = &[
    (
        "Natalie Greaves, Advanced Practitioner",
        "Home visit with a family on a child in need plan",
        "I kept the conversation on the children's experience, though I could have given the younger child more time to answer. Feedback: my explanation of the plan was clear and warm.",
    ),
    (
        "Daniel Okafor, Team Manager",
        "Child protection conference",
        "I presented my assessment with its evidence and stayed calm when the father disagreed. Next time I will share my report with the family earlier.",
    ),
    (
        "Natalie Greaves, Advanced Practitioner",
        "Direct work session with a teenager",
        "Using the three houses tool helped him talk about school. I want to develop my use of creative tools with older children.",
    ),
];

#[derive(SurrealValue)]
pub(crate) struct ProgrammeSeed {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) person: RecordId,
    pub(crate) coordinator: RecordId,
    pub(crate) start: String,
    pub(crate) contracted_hours: f64,
}

#[derive(SurrealValue)]
pub(crate) struct ReviewSeed {
    pub(crate) org: RecordId,
    pub(crate) programme: RecordId,
    pub(crate) month: i64,
    pub(crate) held_on: String,
    pub(crate) outcome: String,
    pub(crate) notes: String,
    pub(crate) recorded_by: RecordId,
}

#[derive(SurrealValue)]
pub(crate) struct ObservationSeed {
    pub(crate) org: RecordId,
    pub(crate) programme: RecordId,
    pub(crate) observed_on: String,
    pub(crate) observer: String,
    pub(crate) setting: String,
    pub(crate) reflection: String,
    pub(crate) recorded_by: RecordId,
}

#[derive(SurrealValue)]
pub(crate) struct StageSeed {
    pub(crate) org: RecordId,
    pub(crate) programme: RecordId,
    pub(crate) stage: String,
    pub(crate) completed_on: String,
    pub(crate) summary: String,
}

#[derive(SurrealValue)]
pub(crate) struct TimeSeed {
    pub(crate) org: RecordId,
    pub(crate) programme: RecordId,
    pub(crate) taken_on: String,
    pub(crate) hours: f64,
    pub(crate) activity: String,
}

#[derive(SurrealValue)]
pub(crate) struct PauseSeed {
    pub(crate) org: RecordId,
    pub(crate) programme: RecordId,
    pub(crate) kind: String,
    pub(crate) paused_from: String,
    pub(crate) paused_to: String,
    pub(crate) reason: String,
    pub(crate) details: String,
    pub(crate) agreed_by: String,
    pub(crate) recorded_by: RecordId,
}

#[derive(SurrealValue)]
pub(crate) struct CpdSeed {
    pub(crate) org: RecordId,
    pub(crate) owner: RecordId,
    pub(crate) kind: String,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) date: String,
    pub(crate) reg_year: i64,
    pub(crate) learnt: String,
    pub(crate) impact: String,
    pub(crate) peer_with: Option<String>,
    pub(crate) peer_date: Option<String>,
    pub(crate) peer_learnt: Option<String>,
    pub(crate) peer: bool,
    pub(crate) shared: bool,
}

#[derive(SurrealValue)]
pub(crate) struct SupervisionSeed {
    pub(crate) org: RecordId,
    pub(crate) supervisee: RecordId,
    pub(crate) supervisor: RecordId,
    pub(crate) held_on: String,
    pub(crate) minutes: i64,
    pub(crate) kind: String,
    pub(crate) notes: String,
    pub(crate) recorded_by: RecordId,
}

/// (owner, title, kind, days before the seed day, with peer reflection, shared)
const CPD: &[(&str, &str, &str, i64, bool, bool)] = &[
    (
        "demo_practitioner",
        "Graded Care Profile 2 training",
        "course",
        40,
        false,
        false,
    ),
    (
        "demo_supervisor",
        "Leading reflective group supervision",
        "course",
        150,
        true,
        false,
    ),
    (
        "demo_supervisor",
        "Research in Practice: adolescent neglect",
        "reading",
        60,
        false,
        false,
    ),
    (
        "ln_3",
        "Contextual safeguarding in practice",
        "event",
        200,
        true,
        true,
    ),
    (
        "ln_3",
        "Trauma-informed practice with teenagers",
        "elearning",
        90,
        false,
        true,
    ),
    // Not shared, and reads the same as the one before: her supervisor sees neither its text
    // nor its title, only that she has three records.
    (
        "ln_3",
        "Trauma informed practice with teenagers",
        "elearning",
        30,
        false,
        false,
    ),
    (
        "demo_learning_lead",
        "Principal social worker network: practice standards",
        "event",
        120,
        true,
        false,
    ),
    (
        "demo_learning_lead",
        "Evaluating learning impact",
        "reading",
        45,
        false,
        false,
    ),
    ("ls_1", "Court skills refresher", "course", 100, true, false),
    (
        "ls_1",
        "Writing chronologies that help families",
        "practice",
        20,
        false,
        false,
    ),
];

/// Pairs of CPD titles for the generated records, varied so no two read the same.
const GENERATED_TITLES: &[(&str, &str)] = &[
    (
        "Working with domestic abuse: the Safe and Together model",
        "Research briefing: the voice of the child in assessments",
    ),
    (
        "Court skills for social workers",
        "Reading: relationship-based practice",
    ),
    (
        "Signs of Safety two-day training",
        "Research in Practice: exploitation and county lines",
    ),
    (
        "Parental mental health and children",
        "Reading: writing for families, not about them",
    ),
    (
        "Life story work with looked-after children",
        "Briefing: the Children's Social Care National Framework",
    ),
    (
        "Neurodiversity awareness for practitioners",
        "Reading: cumulative harm and neglect",
    ),
];

fn cpd_text(title: &str) -> (String, String, String) {
    let t = title.to_lowercase();
    (
        format!(
            "I took part in {t}. It matters for my work with children and families in this team because it shapes how I assess and plan."
        ),
        format!(
            "The main ideas of {t}, and where my own practice already uses them and where it does not."
        ),
        format!(
            "Since {t} I plan visits with clearer purpose, and families have said they understand what is happening and why."
        ),
    )
}

/// Whether the demo council already has its early-career records.
pub async fn has_early_career(db: &Db, org: &RecordId) -> AppResult<bool> {
    let mut response = db
        .query("SELECT VALUE id FROM asye_programme WHERE org = $org LIMIT 1;")
        .bind(("org", org.clone()))
        .await?
        .check()?;
    let found: Vec<RecordId> = response.take(0)?;
    Ok(!found.is_empty())
}

const INSERT: &str = "
    BEGIN TRANSACTION;
    INSERT INTO asye_programme $programmes RETURN NONE;
    INSERT INTO asye_review $reviews RETURN NONE;
    INSERT INTO asye_observation $observations RETURN NONE;
    INSERT INTO asye_self_assessment $stages RETURN NONE;
    INSERT INTO asye_time $time RETURN NONE;
    INSERT INTO asye_adjustment $pauses RETURN NONE;
    INSERT INTO cpd_record $cpd RETURN NONE;
    INSERT INTO supervision $supervision RETURN NONE;
    -- An NQSW joined the council on the day their ASYE began.
    FOR $p IN $programmes {
        UPDATE $p.person SET start_date = $p.start RETURN NONE;
        UPDATE level_history SET started_on = $p.start WHERE person = $p.person AND level = 'nqsw'
            RETURN NONE;
    };
    COMMIT TRANSACTION;
";

pub async fn seed_early_career(db: &Db, org: &RecordId, today: Date) -> AppResult<()> {
    let person = |key: &str| RecordId::new("person", key);
    let coordinator = person("demo_learning_lead");
    let mut programmes = Vec::new();
    let mut reviews = Vec::new();
    let mut observations = Vec::new();
    let mut stages = Vec::new();
    let mut time = Vec::new();
    let mut pauses = Vec::new();
    let mut supervision = Vec::new();

    for demo in PROGRAMMES {
        let start = days(months_back(today, demo.months_ago), demo.days_later);
        let programme = RecordId::new("asye_programme", demo.person);
        let manager = if demo.person == "ls_3" {
            "tm_south"
        } else if demo.person == "da_3" {
            "tm_duty"
        } else if demo.person == "chd_3" {
            "tm_chd"
        } else {
            "demo_supervisor"
        };
        programmes.push(ProgrammeSeed {
            id: programme.clone(),
            org: org.clone(),
            person: person(demo.person),
            coordinator: coordinator.clone(),
            start: iso(start),
            contracted_hours: 37.0,
        });
        let shift = if demo.pause_at_month.is_some() { 42 } else { 0 };
        if let Some(month) = demo.pause_at_month {
            let from = add_months(start, month);
            pauses.push(PauseSeed {
                org: org.clone(),
                programme: programme.clone(),
                kind: "pause".into(),
                paused_from: iso(from),
                paused_to: iso(days(from, 41)),
                reason: "parental_leave".into(),
                details: "Six weeks of shared parental leave.".into(),
                agreed_by: "Helen Marsh, ASYE coordinator".into(),
                recorded_by: coordinator.clone(),
            });
        }
        for month in demo.reviews {
            let due = days(
                add_months(start, *month),
                if *month > 4 { shift } else { 0 },
            );
            reviews.push(ReviewSeed {
                org: org.clone(),
                programme: programme.clone(),
                month: *month as i64,
                held_on: iso(days(due, 2)),
                outcome: "on_track".into(),
                notes: format!(
                    "{month}-month review. Making good progress against the PQS; caseload building as planned. Agreed focus for the next period: analysis in assessments."
                ),
                recorded_by: person(manager),
            });
        }
        for i in 0..demo.observations {
            let (observer, setting, reflection) = OBSERVERS[i as usize % OBSERVERS.len()];
            observations.push(ObservationSeed {
                org: org.clone(),
                programme: programme.clone(),
                observed_on: iso(add_months(start, 2 + i * 3)),
                observer: observer.into(),
                setting: setting.into(),
                reflection: reflection.into(),
                recorded_by: person(demo.person),
            });
        }
        for stage in demo.stages {
            let month = if *stage == "middle" { 6 } else { 0 };
            stages.push(StageSeed {
                org: org.clone(),
                programme: programme.clone(),
                stage: stage.to_string(),
                completed_on: iso(days(add_months(start, month), 5)),
                summary: "Strengths in relationship-based practice and recording; developing analysis and confidence in multi-agency meetings.".into(),
            });
        }
        // Protected time most weeks, a little under the 3.7-hour target.
        let mut week = days(start, 4);
        let mut n = 0;
        while week < today {
            if n % 5 != 4 {
                time.push(TimeSeed {
                    org: org.clone(),
                    programme: programme.clone(),
                    taken_on: iso(week),
                    hours: 3.5,
                    activity: [
                        "Reading research",
                        "Shadowing a senior colleague",
                        "Academy workshop",
                        "Writing reflective logs",
                    ][n % 4]
                        .into(),
                });
            }
            week = days(week, 7);
            n += 1;
        }
        // Supervision: weekly for the first 6 weeks, then fortnightly, back from the most
        // recent session (10 days ago for the demo NQSW, so she is up to date; 20 for
        // Oliver, so his is behind).
        let gap = match demo.person {
            "demo_practitioner" => 10,
            "ln_4" => 20,
            _ => 12,
        };
        let mut held = days(today, -gap);
        let mut i = 0;
        while held >= start {
            supervision.push(SupervisionSeed {
                org: org.clone(),
                supervisee: person(demo.person),
                supervisor: person(manager),
                held_on: iso(held),
                minutes: 60 + 30 * (i % 2),
                kind: ["individual", "reflective", "individual", "case"][i as usize % 4].into(),
                notes: "Talked through the week's visits and one case in depth. Agreed actions for the next fortnight and checked on workload and wellbeing.".into(),
                recorded_by: person(manager),
            });
            let step = if (held - start).whole_days() < 42 {
                7
            } else {
                14
            };
            held = days(held, -step);
            i += 1;
        }
    }
    // Monthly supervision for everyone else with a manager, most recently within the month.
    for (i, p) in super::PEOPLE.iter().enumerate() {
        let Some(manager) = p.manager else { continue };
        if p.key == "ln_3"
            || PROGRAMMES.iter().any(|d| d.person == p.key)
            || p.key.starts_with("x_")
        {
            continue;
        }
        for back in [8 + (i as i64 % 18), 38 + (i as i64 % 18)] {
            supervision.push(SupervisionSeed {
                org: org.clone(),
                supervisee: person(p.key),
                supervisor: person(manager),
                held_on: iso(days(today, -back)),
                minutes: 60,
                kind: if back < 30 { "individual" } else { "case" }.into(),
                notes: "Caseload and case discussion; learning goals for the next month agreed."
                    .into(),
                recorded_by: person(manager),
            });
        }
    }
    // A registered social worker whose supervision has fallen behind (monthly expected).
    supervision.push(SupervisionSeed {
        org: org.clone(),
        supervisee: person("ln_3"),
        supervisor: person("demo_supervisor"),
        held_on: iso(days(today, -40)),
        minutes: 90,
        kind: "individual".into(),
        notes:
            "Caseload review and the assessor role: how to give developmental feedback to an NQSW."
                .into(),
        recorded_by: person("demo_supervisor"),
    });

    let year = RegistrationYear::containing(today);
    let year_start = year.start().unwrap_or(today);
    // Everyone else who is registered has met this year's requirement: two records, one
    // with peer reflection. Social work assistants and non-social-work staff are not
    // registered with Social Work England.
    let mut generated: Vec<(&str, &str, &str, i64, bool, bool)> = Vec::new();
    for (i, p) in super::PEOPLE.iter().enumerate() {
        let registered = !matches!(p.level, "social_work_assistant" | "not_social_work");
        if !registered || CPD.iter().any(|(owner, ..)| *owner == p.key) {
            continue;
        }
        let (first, second) = GENERATED_TITLES[i % GENERATED_TITLES.len()];
        generated.push((
            p.key,
            first,
            "course",
            150 + (i as i64 % 5) * 20,
            true,
            false,
        ));
        generated.push((
            p.key,
            second,
            "reading",
            30 + (i as i64 % 4) * 15,
            false,
            false,
        ));
    }
    let cpd = CPD
        .iter()
        .chain(generated.iter())
        .map(|(owner, title, kind, ago, peer, shared)| {
            let date = days(today, -ago).max(year_start);
            let (description, learnt, impact) = cpd_text(title);
            CpdSeed {
                org: org.clone(),
                owner: person(owner),
                kind: kind.to_string(),
                title: title.to_string(),
                description,
                date: iso(date),
                reg_year: RegistrationYear::containing(date).0 as i64,
                learnt,
                impact,
                peer_with: peer.then(|| "My practice supervisor".to_string()),
                peer_date: peer.then(|| iso(date)),
                peer_learnt: peer.then(|| {
                    "Talking it through showed me how to apply it to a family I was stuck with."
                        .to_string()
                }),
                peer: *peer,
                shared: *shared,
            }
        })
        .collect::<Vec<_>>();

    db.query(INSERT)
        .bind(("programmes", programmes))
        .bind(("reviews", reviews))
        .bind(("observations", observations))
        .bind(("stages", stages))
        .bind(("time", time))
        .bind(("pauses", pauses))
        .bind(("cpd", cpd))
        .bind(("supervision", supervision))
        .await
        .map(crate::db::check_thrown)??;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_back_lands_the_same_day_earlier() {
        assert_eq!(months_back(date!(2026 - 11 - 23), 6), date!(2026 - 05 - 23));
        assert_eq!(
            months_back(date!(2026 - 11 - 23), 12),
            date!(2025 - 11 - 23)
        );
        assert_eq!(months_back(date!(2026 - 03 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(months_back(date!(2026 - 11 - 23), 0), date!(2026 - 11 - 23));
    }
}
