//! Each council's pathway frameworks and its people's practice: evidence, criteria in
//! progress and their review history, CPD, supervision, ASYE programmes, progression
//! requests and the quarterly workforce figures.

use std::collections::HashMap;

use rand::Rng;
use rand::seq::IndexedRandom;
use surrealdb::types::{Datetime, RecordId, SurrealValue};
use time::{Duration, Time};

use super::people::Staff;
use super::{Council, Progress, Report, Scale, insert};
use crate::cpd::model::CPD_KINDS;
use crate::cpd::rules::RegistrationYear;
use crate::dates::{iso, uk_to_utc};
use crate::db::{Db, datetime};
use crate::error::AppResult;
use crate::progression::store::progress_id;
use crate::seed::early_career::{CpdSeed, ProgrammeSeed, SupervisionSeed};
use crate::seed::framework::PATHWAY_CRITERIA;
use crate::seed::pathway::{
    EvidenceSeedRow, ProgressSeedRow, REFLECTION_KINDS, criteria, frameworks, pathway_key,
    target_level,
};

const HAPPENED: &[&str] = &[
    "I visited a family after a referral from the school about a child's attendance and presentation.",
    "A strategy discussion was held after new information from the police about domestic abuse.",
    "I completed a child and family assessment with a young carer and her mother.",
    "A young person in care told me he wanted to move closer to his brother.",
    "I chaired a core group meeting where the family disagreed with the plan.",
    "My practice educator observed a home visit with a father and two children under five.",
    "A foster carer raised concerns about contact arrangements after a difficult weekend.",
    "I supported a care leaver through a housing crisis during the winter.",
];

const DID: &[&str] = &[
    "I explained my role plainly, saw each child on their own and checked my understanding before leaving.",
    "I used a genogram and an ecomap to map who supports the family, and shared it with them.",
    "I weighed the child's wishes against the risks and took my analysis to supervision the same day.",
    "I shared what was necessary and proportionate with partners, and recorded the lawful basis.",
    "I used a strengths-based approach and agreed three small steps with the family.",
];

const LEARNED: &[&str] = &[
    "Taking time to explain the process lowered anxiety and the children spoke more freely.",
    "I need to show my analysis, not only my conclusion, so others can follow my reasoning.",
    "Early, clear updates build trust between agencies and with the family.",
    "Short summaries at the end of each part of a visit help everyone keep track.",
];

const NEXT: &[&str] = &[
    "Plan how to see the children alone before the visit, not during it.",
    "Write the analysis before the recommendation in my next assessment.",
    "Ask for a second observation focused on direct work with teenagers.",
    "",
];

#[derive(SurrealValue)]
struct ReviewRow {
    org: RecordId,
    person: RecordId,
    lineage: String,
    statement: String,
    action: String,
    actor: RecordId,
    actor_name: String,
    comment: String,
    evidence: Vec<String>,
    at: Datetime,
}

#[derive(SurrealValue)]
struct CaseRow {
    id: RecordId,
    org: RecordId,
    person: RecordId,
    framework: RecordId,
    from_level: String,
    to_level: String,
    kind: String,
    status: String,
    opened_by: RecordId,
    opened_at: Datetime,
    signed_off: i64,
    required: i64,
    account: String,
    decided_by: Option<RecordId>,
    decided_at: Option<Datetime>,
    reasons: String,
    actions: String,
}

fn at(day: time::Date, hour: u8) -> Datetime {
    datetime(uk_to_utc(
        day,
        Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT),
    ))
}

fn pick<'a>(c: &mut Council, from: &[&'a str]) -> &'a str {
    from.choose(&mut c.rng).copied().unwrap_or_default()
}

pub(crate) async fn generate(
    db: &Db,
    c: &mut Council,
    scale: &Scale,
    staff: &[Staff],
    progress: &dyn Progress,
    report: &mut Report,
) -> AppResult<()> {
    let short = c.name.trim_end_matches(" Council").to_string();
    insert(
        db,
        "framework",
        frameworks(&c.org, &c.prefix, &short),
        progress,
        report,
    )
    .await?;
    insert(
        db,
        "criterion",
        criteria(&c.org, &c.prefix),
        progress,
        report,
    )
    .await?;

    let by_lineage: HashMap<&str, (&str, &str)> = PATHWAY_CRITERIA
        .iter()
        .map(|k| (k.key, (k.domain, k.statement)))
        .collect();
    let today = c.today;
    let mut evidence = Vec::new();
    let mut progress_rows = Vec::new();
    let mut reviews = Vec::new();
    let mut cases = Vec::new();
    let framework = RecordId::new("framework", pathway_key(&c.prefix));
    for person in staff.iter().filter(|s| s.on_pathway() && s.active) {
        let Some(manager) = person.manager.as_deref() else {
            continue;
        };
        let manager_id = RecordId::new("person", manager);
        let target = target_level(&person.level).unwrap_or(person.level.as_str());
        let lineages: Vec<&str> = PATHWAY_CRITERIA
            .iter()
            .filter(|k| k.level == target)
            .map(|k| k.key)
            .collect();
        if lineages.is_empty() {
            continue;
        }
        // The longer at a level, the more of the next one is signed off.
        let months_in = ((today - person.start).whole_days() / 30).clamp(0, 60) as usize;
        let share = (5 + months_in * 3 + c.rng.random_range(0..30)).min(95);
        let signed = lineages.len() * share / 100;
        let submitted = c.rng.random_range(0..3usize);
        let returned = usize::from(c.rng.random_range(0..4u32) == 0);
        let started = 1 + c.rng.random_range(0..4usize);
        let n_evidence = c.rng.random_range(0..=scale.evidence_per_person * 2);
        let days_back = ((today - person.start).whole_days()).clamp(30, 730);
        for e in 0..n_evidence {
            let lineage = if e < lineages.len() {
                lineages[e]
            } else {
                pick(c, &lineages)
            };
            let (domain, _) = by_lineage.get(lineage).copied().unwrap_or_default();
            let date = today - Duration::days(c.rng.random_range(1..days_back));
            let kind = pick(c, REFLECTION_KINDS);
            evidence.push(EvidenceSeedRow {
                id: RecordId::new("evidence", format!("{}_{e}", person.key)),
                org: c.org.clone(),
                owner: person.id.clone(),
                kind: kind.into(),
                title: format!(
                    "{}: {}",
                    title_of(kind),
                    pick(c, HAPPENED)
                        .split(" after")
                        .next()
                        .unwrap_or("Practice")
                ),
                date: iso(date),
                what_happened: pick(c, HAPPENED).into(),
                what_i_did: pick(c, DID).into(),
                what_i_learned: pick(c, LEARNED).into(),
                what_next: pick(c, NEXT).into(),
                link: None,
                private: c.rng.random_range(0..10u32) == 0,
                criteria: vec![lineage.into()],
                domains: vec![domain.into()],
            });
        }
        for (i, lineage) in lineages.iter().enumerate() {
            let status = if i < signed {
                "signed_off"
            } else if i < signed + submitted {
                "submitted"
            } else if i < signed + submitted + returned {
                "returned"
            } else if i < signed + submitted + returned + started {
                "in_progress"
            } else {
                break;
            };
            progress_rows.push(ProgressSeedRow {
                id: progress_id(&person.key, lineage),
                org: c.org.clone(),
                person: person.id.clone(),
                lineage: (*lineage).into(),
                status: status.into(),
            });
            if status == "in_progress" {
                continue;
            }
            let statement = by_lineage.get(lineage).map(|(_, s)| *s).unwrap_or_default();
            let day = today - Duration::days(c.rng.random_range(2..days_back));
            let evidence_titles = vec![format!("Evidence for {lineage}")];
            reviews.push(ReviewRow {
                org: c.org.clone(),
                person: person.id.clone(),
                lineage: (*lineage).into(),
                statement: statement.into(),
                action: "submitted".into(),
                actor: person.id.clone(),
                actor_name: String::new(),
                comment: String::new(),
                evidence: evidence_titles.clone(),
                at: at(day, 9),
            });
            if status == "signed_off" || status == "returned" {
                let comment = if status == "returned" {
                    "Show how you weighed the options before deciding, then send it again."
                } else {
                    "Clear evidence of safe, thoughtful practice."
                };
                reviews.push(ReviewRow {
                    org: c.org.clone(),
                    person: person.id.clone(),
                    lineage: (*lineage).into(),
                    statement: statement.into(),
                    action: status.into(),
                    actor: manager_id.clone(),
                    actor_name: String::new(),
                    comment: comment.into(),
                    evidence: evidence_titles,
                    at: at(day + Duration::days(1), 15),
                });
            }
        }
        // Those with everything signed off have asked to progress; some were decided.
        if signed == lineages.len() && target != person.level {
            let opened = today - Duration::days(c.rng.random_range(10..300));
            let decided = c.rng.random_range(0..3u32) > 0;
            let outcome = if c.rng.random_range(0..4u32) == 0 {
                "deferred"
            } else {
                "approved"
            };
            cases.push(CaseRow {
                id: RecordId::new("progression_case", format!("{}_case", person.key)),
                org: c.org.clone(),
                person: person.id.clone(),
                framework: framework.clone(),
                from_level: person.level.clone(),
                to_level: target.into(),
                kind: "assessment".into(),
                status: if decided {
                    outcome.into()
                } else {
                    "open".into()
                },
                opened_by: person.id.clone(),
                opened_at: at(opened, 10),
                signed_off: lineages.len() as i64,
                required: lineages.len() as i64,
                account: "My account of how my practice meets the next level.".into(),
                decided_by: decided.then(|| manager_id.clone()),
                decided_at: decided.then(|| at(opened + Duration::days(20), 14)),
                reasons: if decided {
                    "Decided on the evidence.".into()
                } else {
                    String::new()
                },
                actions: String::new(),
            });
        }
    }
    report.evidence += evidence.len();
    insert(db, "evidence", evidence, progress, report).await?;
    insert(db, "progress", progress_rows, progress, report).await?;
    insert(db, "review", reviews, progress, report).await?;
    insert(db, "progression_case", cases, progress, report).await?;

    // Registered social workers record CPD; this year's is under way, last year's complete.
    let this_year = RegistrationYear::containing(today).0;
    let mut cpd = Vec::new();
    let mut supervision = Vec::new();
    let mut programmes = Vec::new();
    let lead = RecordId::new("person", format!("{}_lead", c.prefix));
    for person in staff
        .iter()
        .filter(|s| s.active && s.level != "social_work_assistant")
    {
        let Some(manager) = person.manager.as_deref() else {
            continue;
        };
        if person.on_pathway() || person.level == "team_manager" {
            for (year, n) in [(this_year, c.rng.random_range(0..4)), (this_year - 1, 4)] {
                for i in 0..n {
                    let (kind, label) = *CPD_KINDS.choose(&mut c.rng).unwrap_or(&CPD_KINDS[0]);
                    let date = time::Date::from_calendar_date(year - 1, time::Month::December, 1)
                        .unwrap_or(today)
                        + Duration::days(c.rng.random_range(0..330));
                    let date = date.min(today);
                    let peer = i == 0;
                    cpd.push(CpdSeed {
                        org: c.org.clone(),
                        owner: person.id.clone(),
                        kind: kind.into(),
                        title: format!(
                            "{label}: {}",
                            pick(c, LEARNED).split(',').next().unwrap_or("Learning")
                        ),
                        description: pick(c, HAPPENED).into(),
                        date: iso(date),
                        reg_year: i64::from(year),
                        learnt: pick(c, LEARNED).into(),
                        impact: pick(c, DID).into(),
                        peer_with: peer.then(|| "A colleague in my team".to_string()),
                        peer_date: peer.then(|| iso(date)),
                        peer_learnt: peer.then(|| pick(c, LEARNED).to_string()),
                        peer,
                        shared: c.rng.random_bool(0.5),
                    });
                }
            }
        }
        for m in 0..6i64 {
            let held = today - Duration::days(m * 30 + c.rng.random_range(0..20));
            supervision.push(SupervisionSeed {
                org: c.org.clone(),
                supervisee: person.id.clone(),
                supervisor: RecordId::new("person", manager),
                held_on: iso(held),
                minutes: 60 + 15 * c.rng.random_range(0..3),
                kind: if m % 3 == 2 {
                    "reflective"
                } else {
                    "individual"
                }
                .into(),
                notes: String::new(),
                recorded_by: RecordId::new("person", manager),
            });
        }
        if person.level == "nqsw" {
            programmes.push(ProgrammeSeed {
                id: RecordId::new("asye_programme", person.key.as_str()),
                org: c.org.clone(),
                person: person.id.clone(),
                coordinator: lead.clone(),
                start: iso(person.start),
                contracted_hours: 37.0,
            });
        }
    }
    insert(db, "cpd_record", cpd, progress, report).await?;
    insert(db, "supervision", supervision, progress, report).await?;
    insert(db, "asye_programme", programmes, progress, report).await?;

    // Quarterly figures for every team, its size as the establishment.
    let mut team_sizes: Vec<(String, i64)> = Vec::new();
    for person in staff.iter().filter(|s| s.active) {
        match team_sizes.iter_mut().find(|(t, _)| *t == person.team) {
            Some((_, n)) => *n += 1,
            None => team_sizes.push((person.team.clone(), 1)),
        }
    }
    let quarters = crate::seed::workforce::seeded_quarters(today);
    let mut figures = Vec::new();
    for (t, (team, size)) in team_sizes.iter().enumerate() {
        for (i, quarter) in quarters.iter().enumerate() {
            figures.push((
                team.clone(),
                *quarter,
                crate::seed::workforce::team_counts(t, *size, (t % 10) as i64, i),
            ));
        }
    }
    let org_key = crate::db::key(&c.org);
    for chunk in figures.chunks(2_000) {
        crate::workforce::store::save(db, &org_key, None, chunk).await?;
        progress.wrote(chunk.len() as u64);
        report.records += chunk.len();
    }
    Ok(())
}

fn title_of(kind: &str) -> &'static str {
    crate::progression::model::EvidenceKind::from_key(kind)
        .map(|k| k.label())
        .unwrap_or("Evidence")
}
