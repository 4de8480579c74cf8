//! The demo council's frameworks and everyone's progress on them: evidence, sign-offs, a
//! returned criterion, reviews waiting, level histories and notifications, so that My
//! pathway, the review queue and the team view look like a council in use.

use surrealdb::types::{RecordId, SurrealValue};

use super::framework::{KSS_PRACTITIONER, PATHWAY_CRITERIA, PCF_DOMAINS};
use super::{DemoPerson, PEOPLE};
use crate::db::Db;
use crate::error::AppResult;
use crate::progression::framework_store::{DomainRow, KSS, LevelRow, PATHWAY, StepRow};

/// The demo council's record keys start with this; generated councils use their own.
const DEMO_PREFIX: &str = "demo";
const PATHWAY_ID: &str = "demo_pathway_v1";

/// The pathway framework's record key for a council's key prefix.
pub(crate) fn pathway_key(prefix: &str) -> String {
    format!("{prefix}_pathway_v1")
}

fn kss_key(prefix: &str) -> String {
    format!("{prefix}_kss_v1")
}

/// The levels of the demo pathway, in order.
pub const PATHWAY_LEVELS: &[(&str, &str)] = &[
    ("social_work_assistant", "Social Work Assistant"),
    ("nqsw", "Newly qualified social worker (ASYE)"),
    ("social_worker", "Social Worker"),
    ("senior_social_worker", "Senior Social Worker"),
    ("advanced_practitioner", "Advanced Practitioner"),
    ("team_manager", "Practice Supervisor / Team Manager"),
];

/// (from, to, kind, required percent). A step needs the criteria of the level it leads to.
pub const PATHWAY_STEPS: &[(&str, &str, &str, i64)] = &[
    ("social_work_assistant", "nqsw", "recruitment", 0),
    ("nqsw", "social_worker", "automatic", 100),
    ("social_worker", "senior_social_worker", "assessment", 100),
    ("senior_social_worker", "advanced_practitioner", "panel", 80),
    ("advanced_practitioner", "team_manager", "recruitment", 0),
];

#[derive(SurrealValue)]
pub(crate) struct FrameworkSeedRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) family: String,
    pub(crate) purpose: String,
    pub(crate) name: String,
    pub(crate) version: i64,
    pub(crate) status: String,
    pub(crate) effective_from: Option<String>,
    pub(crate) effective_to: Option<String>,
    pub(crate) domains: Vec<DomainRow>,
    pub(crate) levels: Vec<LevelRow>,
    pub(crate) steps: Vec<StepRow>,
}

#[derive(SurrealValue)]
pub(crate) struct CriterionSeedRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) framework: RecordId,
    pub(crate) lineage: String,
    pub(crate) domain: String,
    pub(crate) level: Option<String>,
    pub(crate) code: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) statement: String,
    pub(crate) position: i64,
    pub(crate) retired: bool,
    pub(crate) maps_to: Vec<String>,
}

#[derive(SurrealValue)]
pub(crate) struct EvidenceSeedRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) owner: RecordId,
    pub(crate) kind: String,
    pub(crate) title: String,
    pub(crate) date: String,
    pub(crate) what_happened: String,
    pub(crate) what_i_did: String,
    pub(crate) what_i_learned: String,
    pub(crate) what_next: String,
    pub(crate) link: Option<String>,
    pub(crate) private: bool,
    pub(crate) criteria: Vec<String>,
    pub(crate) domains: Vec<String>,
}

#[derive(SurrealValue)]
pub(crate) struct ProgressSeedRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) person: RecordId,
    pub(crate) lineage: String,
    pub(crate) status: String,
}

#[derive(SurrealValue)]
pub(crate) struct ReviewSeedRow {
    pub(crate) person: RecordId,
    pub(crate) lineage: String,
    pub(crate) statement: String,
    pub(crate) action: String,
    pub(crate) actor: RecordId,
    pub(crate) actor_name: String,
    pub(crate) comment: String,
    pub(crate) evidence: Vec<String>,
    pub(crate) at: String,
}

#[derive(SurrealValue)]
pub(crate) struct HistorySeedRow {
    pub(crate) org: RecordId,
    pub(crate) person: RecordId,
    pub(crate) level: String,
    pub(crate) started_on: String,
    pub(crate) ended_on: Option<String>,
    pub(crate) how: String,
}

#[derive(SurrealValue)]
pub(crate) struct NotificationSeedRow {
    pub(crate) org: RecordId,
    pub(crate) person: RecordId,
    pub(crate) kind: String,
    pub(crate) text: String,
    pub(crate) link: String,
}

const INSERT: &str = "
    BEGIN TRANSACTION;
    INSERT INTO framework $frameworks RETURN NONE;
    INSERT INTO criterion $criteria RETURN NONE;
    INSERT INTO evidence $evidence RETURN NONE;
    -- Demo evidence was written on its own date, not on the day the demo was seeded.
    UPDATE evidence SET created_at = <datetime> (date + 'T12:00:00Z') WHERE org = $org
        RETURN NONE;
    -- The activity the insert recorded was today's; the evidence dates are the demo's truth.
    FOR $row IN (SELECT owner, time::max(created_at) AS at FROM evidence
            WHERE org = $org AND private = false GROUP BY owner) {
        UPSERT type::record('person_activity', record::id($row.owner)) SET at = $row.at
            RETURN NONE;
    };
    INSERT INTO progress $progress RETURN NONE;
    INSERT INTO level_history $history RETURN NONE;
    INSERT INTO notification $notifications RETURN NONE;
    -- An ASYE assessor alongside the line manager, as councils often arrange.
    UPDATE person:ln_4 SET assessor = person:ln_3 RETURN NONE;
    FOR $r IN $reviews {
        CREATE review SET org = $org, person = $r.person, lineage = $r.lineage,
            statement = $r.statement, action = $r.action, actor = $r.actor,
            actor_name = $r.actor_name, comment = $r.comment, evidence = $r.evidence,
            at = <datetime> $r.at RETURN NONE;
    };
    COMMIT TRANSACTION;
";

/// Whether the demo council already has its frameworks.
pub async fn has_pathway(db: &Db, org: &RecordId) -> AppResult<bool> {
    let mut response = db
        .query("SELECT VALUE id FROM framework WHERE org = $org LIMIT 1;")
        .bind(("org", org.clone()))
        .await?
        .check()?;
    let found: Vec<RecordId> = response.take(0)?;
    Ok(!found.is_empty())
}

/// A stable pseudo-random number per key, so every seed of the demo looks the same.
fn spread(key: &str, salt: u64) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ salt;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn level_abbr(level: &str) -> Option<&'static str> {
    match level {
        "nqsw" => Some("nqsw"),
        "social_worker" => Some("sw"),
        "senior_social_worker" => Some("ssw"),
        "advanced_practitioner" => Some("ap"),
        _ => None,
    }
}

/// The level a person at `level` is working towards, if it has criteria.
pub(crate) fn target_level(level: &str) -> Option<&'static str> {
    PATHWAY_STEPS
        .iter()
        .find(|(from, ..)| *from == level)
        .map(|(_, to, ..)| *to)
        .filter(|to| level_abbr(to).is_some())
}

/// The published pathway and KSS frameworks of a council, keyed by its prefix.
pub(crate) fn frameworks(org: &RecordId, prefix: &str, council: &str) -> Vec<FrameworkSeedRow> {
    vec![
        FrameworkSeedRow {
            id: RecordId::new("framework", pathway_key(prefix)),
            org: org.clone(),
            family: PATHWAY.into(),
            purpose: "pathway".into(),
            name: format!("{council} social work career pathway"),
            version: 1,
            status: "published".into(),
            effective_from: Some("2025-04-01".into()),
            effective_to: None,
            domains: PCF_DOMAINS
                .iter()
                .map(|d| DomainRow {
                    key: d.key.into(),
                    name: d.name.into(),
                    grouping: Some(d.group.into()),
                })
                .collect(),
            levels: PATHWAY_LEVELS
                .iter()
                .map(|(key, name)| LevelRow {
                    key: (*key).into(),
                    name: (*name).into(),
                })
                .collect(),
            steps: PATHWAY_STEPS
                .iter()
                .map(|(from, to, kind, percent)| StepRow {
                    from_level: (*from).into(),
                    to_level: (*to).into(),
                    kind: (*kind).into(),
                    required_percent: *percent,
                })
                .collect(),
        },
        FrameworkSeedRow {
            id: RecordId::new("framework", kss_key(prefix)),
            org: org.clone(),
            family: KSS.into(),
            purpose: "standard".into(),
            name: "Knowledge and skills statement: child and family practitioners".into(),
            version: 1,
            status: "published".into(),
            effective_from: Some("2018-04-01".into()),
            effective_to: Some("2027-03-31".into()),
            domains: vec![DomainRow {
                key: "kss".into(),
                name: "Statements".into(),
                grouping: None,
            }],
            levels: Vec::new(),
            steps: Vec::new(),
        },
    ]
}

pub(crate) fn criteria(org: &RecordId, prefix: &str) -> Vec<CriterionSeedRow> {
    let pathway_id = pathway_key(prefix);
    let kss_id = kss_key(prefix);
    let pathway = RecordId::new("framework", pathway_id.as_str());
    let kss = RecordId::new("framework", kss_id.as_str());
    let mut rows: Vec<CriterionSeedRow> = PATHWAY_CRITERIA
        .iter()
        .map(|c| CriterionSeedRow {
            id: RecordId::new("criterion", format!("{pathway_id}_{}", c.key)),
            org: org.clone(),
            framework: pathway.clone(),
            lineage: c.key.into(),
            domain: c.domain.into(),
            level: Some(c.level.into()),
            code: None,
            title: None,
            statement: c.statement.into(),
            position: c
                .key
                .rsplit('_')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(1),
            retired: false,
            maps_to: c.kss.iter().map(|n| format!("kss_{n}")).collect(),
        })
        .collect();
    rows.extend(KSS_PRACTITIONER.iter().map(|s| CriterionSeedRow {
        id: RecordId::new("criterion", format!("{kss_id}_{}", s.key)),
        org: org.clone(),
        framework: kss.clone(),
        lineage: s.key.into(),
        domain: "kss".into(),
        level: None,
        code: Some(format!("KSS {}", s.number)),
        title: Some(s.title.into()),
        statement: s.description.into(),
        position: i64::from(s.number),
        retired: false,
        maps_to: Vec::new(),
    }));
    rows
}

/// What the demo practitioner has done so far: (criterion, status) and the evidence behind it.
const PRIYA_PROGRESS: &[(&str, &str)] = &[
    ("sw_professionalism_1", "signed_off"),
    ("sw_values_ethics_1", "signed_off"),
    ("sw_diversity_equality_1", "signed_off"),
    ("sw_knowledge_1", "signed_off"),
    ("sw_skills_interventions_1", "signed_off"),
    ("sw_critical_reflection_1", "returned"),
    ("sw_rights_justice_1", "submitted"),
    ("sw_contexts_organisations_1", "in_progress"),
];

struct EvidenceText {
    kind: &'static str,
    title: &'static str,
    what_happened: &'static str,
    what_i_did: &'static str,
    what_i_learned: &'static str,
    what_next: &'static str,
}

const PRIYA_EVIDENCE: &[(EvidenceText, &[&str], bool, &str)] = &[
    (
        EvidenceText {
            kind: "reflection",
            title: "First child protection visit with a family new to the area",
            what_happened: "I visited a family who had moved from another authority, with an interpreter, after a referral from the school about bruising.",
            what_i_did: "I explained my role plainly, spoke with each child on their own, and checked my understanding with the interpreter after each question.",
            what_i_learned: "Taking time to explain the process lowered the parents' anxiety and meant the children spoke more freely.",
            what_next: "Plan how to see children alone before the visit, not during it.",
        },
        &["sw_professionalism_1", "sw_diversity_equality_1"],
        false,
        "2026-09-28",
    ),
    (
        EvidenceText {
            kind: "direct_observation",
            title: "Direct observation: child and family assessment visit",
            what_happened: "My practice educator observed an assessment visit with a mother and two children under five.",
            what_i_did: "I used a strengths-based approach and a genogram to map the family's support.",
            what_i_learned: "Feedback said my questions were clear and respectful; I could summarise more often.",
            what_next: "Use short summaries at the end of each part of a visit.",
        },
        &["sw_skills_interventions_1", "sw_knowledge_1"],
        false,
        "2026-10-12",
    ),
    (
        EvidenceText {
            kind: "feedback",
            title: "Feedback from a school designated safeguarding lead",
            what_happened: "The school's safeguarding lead wrote about how I shared information during a strategy discussion.",
            what_i_did: "I shared what was needed and proportionate, and recorded the lawful basis.",
            what_i_learned: "Clear, early updates build trust between agencies.",
            what_next: "",
        },
        &["sw_values_ethics_1", "sw_rights_justice_1"],
        false,
        "2026-10-20",
    ),
    (
        EvidenceText {
            kind: "reflection",
            title: "Reflection on a difficult decision about contact",
            what_happened: "A contact arrangement had to change at short notice after new information.",
            what_i_did: "I weighed the child's wishes against risk and took it to supervision the same day.",
            what_i_learned: "I need to show my analysis, not just my conclusion.",
            what_next: "Write the analysis before the recommendation.",
        },
        &["sw_critical_reflection_1"],
        false,
        "2026-11-03",
    ),
    (
        EvidenceText {
            kind: "supervision",
            title: "Supervision notes on workload and wellbeing",
            what_happened: "A supervision session on my caseload and how I was managing the emotional load.",
            what_i_did: "I was honest about two cases that were keeping me awake.",
            what_i_learned: "Naming it early helped us plan together.",
            what_next: "Use the reflective supervision template each month.",
        },
        &["sw_contexts_organisations_1"],
        true,
        "2026-11-10",
    ),
];

pub(crate) const REFLECTION_KINDS: &[&str] = &[
    "reflection",
    "direct_observation",
    "feedback",
    "supervision",
    "certificate",
];

/// Everything the demo people have done on the pathway.
pub async fn seed_pathway(db: &Db, org: &RecordId, today: &str) -> AppResult<()> {
    let criteria_rows = criteria(org, DEMO_PREFIX);
    let statement = |lineage: &str| {
        PATHWAY_CRITERIA
            .iter()
            .find(|c| c.key == lineage)
            .map(|c| c.statement.to_string())
            .unwrap_or_default()
    };
    let domain = |lineage: &str| {
        PATHWAY_CRITERIA
            .iter()
            .find(|c| c.key == lineage)
            .map(|c| c.domain.to_string())
            .unwrap_or_default()
    };
    let person_id = |key: &str| RecordId::new("person", key);
    let name_of = |key: &str| {
        PEOPLE
            .iter()
            .find(|p| p.key == key)
            .map(|p| p.name.to_string())
            .unwrap_or_default()
    };

    let mut evidence = Vec::new();
    let mut progress = Vec::new();
    let mut reviews = Vec::new();
    let mut history = Vec::new();
    let mut notifications = Vec::new();

    // The demo practitioner, by hand.
    let priya = "demo_practitioner";
    let supervisor = "demo_supervisor";
    for (i, (text, linked, private, date)) in PRIYA_EVIDENCE.iter().enumerate() {
        let mut domains: Vec<String> = linked.iter().map(|l| domain(l)).collect();
        domains.dedup();
        evidence.push(EvidenceSeedRow {
            id: RecordId::new("evidence", format!("demo_priya_{i}")),
            org: org.clone(),
            owner: person_id(priya),
            kind: text.kind.into(),
            title: text.title.into(),
            date: (*date).into(),
            what_happened: text.what_happened.into(),
            what_i_did: text.what_i_did.into(),
            what_i_learned: text.what_i_learned.into(),
            what_next: text.what_next.into(),
            link: None,
            private: *private,
            criteria: linked.iter().map(|l| l.to_string()).collect(),
            domains,
        });
    }
    let titles_for = |lineage: &str| -> Vec<String> {
        PRIYA_EVIDENCE
            .iter()
            .filter(|(_, linked, private, _)| !private && linked.contains(&lineage))
            .map(|(text, ..)| text.title.to_string())
            .collect()
    };
    for (n, (lineage, status)) in PRIYA_PROGRESS.iter().enumerate() {
        progress.push(ProgressSeedRow {
            id: crate::progression::store::progress_id(priya, lineage),
            org: org.clone(),
            person: person_id(priya),
            lineage: (*lineage).into(),
            status: (*status).into(),
        });
        if *status == "in_progress" {
            continue;
        }
        let day = 1 + n as u32;
        reviews.push(ReviewSeedRow {
            person: person_id(priya),
            lineage: (*lineage).into(),
            statement: statement(lineage),
            action: "submitted".into(),
            actor: person_id(priya),
            actor_name: name_of(priya),
            comment: String::new(),
            evidence: titles_for(lineage),
            at: format!("2026-11-{day:02}T10:00:00Z"),
        });
        let outcome = match *status {
            "signed_off" => Some((
                "signed_off",
                "Clear evidence of safe, thoughtful practice. Well done.",
            )),
            "returned" => Some((
                "returned",
                "Good reflection, but show how you weighed the options before deciding. Add your analysis and send it again.",
            )),
            _ => None,
        };
        if let Some((action, comment)) = outcome {
            reviews.push(ReviewSeedRow {
                person: person_id(priya),
                lineage: (*lineage).into(),
                statement: statement(lineage),
                action: action.into(),
                actor: person_id(supervisor),
                actor_name: name_of(supervisor),
                comment: comment.into(),
                evidence: titles_for(lineage),
                at: format!("2026-11-{:02}T15:30:00Z", day + 2),
            });
        }
    }
    notifications.push(NotificationSeedRow {
        org: org.clone(),
        person: person_id(priya),
        kind: "returned".into(),
        text: format!(
            "{} returned a criterion in Critical Reflection and Analysis with a comment.",
            name_of(supervisor)
        ),
        link: "/pathway".into(),
    });
    notifications.push(NotificationSeedRow {
        org: org.clone(),
        person: person_id(supervisor),
        kind: "submitted".into(),
        text: format!("{} sent 1 criterion for sign-off.", name_of(priya)),
        link: "/reviews".into(),
    });

    // Everyone else: progress spread by how long they have been at their level.
    for person in PEOPLE.iter().filter(|p| p.key != priya && p.key != "x_1") {
        history.extend(level_history(org, person, today));
        let (Some(target), Some(manager)) = (target_level(person.level), person.manager) else {
            continue;
        };
        let lineages: Vec<&str> = PATHWAY_CRITERIA
            .iter()
            .filter(|c| c.level == target)
            .map(|c| c.key)
            .collect();
        let total = lineages.len() as u64;
        let seed = spread(person.key, 1);
        // Between a tenth and nine tenths signed off, the rest part-way or untouched.
        let signed = (total * (10 + seed % 80) / 100) as usize;
        let submitted = (seed >> 8) as usize % 3;
        let in_progress = 1 + (seed >> 16) as usize % 4;
        for (i, lineage) in lineages.iter().enumerate() {
            let status = if i < signed {
                "signed_off"
            } else if i < signed + submitted {
                "submitted"
            } else if i < signed + submitted + in_progress {
                "in_progress"
            } else {
                continue;
            };
            let kind =
                REFLECTION_KINDS[(spread(lineage, seed) % REFLECTION_KINDS.len() as u64) as usize];
            let title = format!(
                "{}: {}",
                crate::progression::model::EvidenceKind::from_key(kind)
                    .map(|k| k.label())
                    .unwrap_or("Evidence"),
                short_title(&statement(lineage))
            );
            let month = 1 + (spread(lineage, seed ^ 7) % 10) as u32;
            let date = format!("2026-{month:02}-{:02}", 1 + (seed % 27));
            evidence.push(EvidenceSeedRow {
                id: RecordId::new("evidence", format!("demo_{}_{i}", person.key)),
                org: org.clone(),
                owner: person_id(person.key),
                kind: kind.into(),
                title: title.clone(),
                date: date.clone(),
                what_happened: "Recorded from practice with a family on my caseload.".into(),
                what_i_did:
                    "I planned the work with the family and explained my reasoning in supervision."
                        .into(),
                what_i_learned: "What worked, and what I would strengthen next time.".into(),
                what_next: String::new(),
                link: None,
                private: false,
                criteria: vec![(*lineage).into()],
                domains: vec![domain(lineage)],
            });
            progress.push(ProgressSeedRow {
                id: crate::progression::store::progress_id(person.key, lineage),
                org: org.clone(),
                person: person_id(person.key),
                lineage: (*lineage).into(),
                status: status.into(),
            });
            if status == "in_progress" {
                continue;
            }
            reviews.push(ReviewSeedRow {
                person: person_id(person.key),
                lineage: (*lineage).into(),
                statement: statement(lineage),
                action: "submitted".into(),
                actor: person_id(person.key),
                actor_name: person.name.into(),
                comment: String::new(),
                evidence: vec![title.clone()],
                at: format!("{date}T09:00:00Z"),
            });
            if status == "signed_off" {
                reviews.push(ReviewSeedRow {
                    person: person_id(person.key),
                    lineage: (*lineage).into(),
                    statement: statement(lineage),
                    action: "signed_off".into(),
                    actor: person_id(manager),
                    actor_name: name_of(manager),
                    comment: "Signed off.".into(),
                    evidence: vec![title],
                    at: format!("{date}T16:00:00Z"),
                });
            }
        }
    }
    history.extend(level_history(
        org,
        PEOPLE
            .iter()
            .find(|p| p.key == priya)
            .expect("the demo practitioner"),
        today,
    ));

    db.query(INSERT)
        .bind(("org", org.clone()))
        .bind(("frameworks", frameworks(org, DEMO_PREFIX, "Demo Borough")))
        .bind(("criteria", criteria_rows))
        .bind(("evidence", evidence))
        .bind(("progress", progress))
        .bind(("history", history))
        .bind(("notifications", notifications))
        .bind(("reviews", reviews))
        .await?
        .check()?;
    Ok(())
}

/// Two progression requests decided in the last few months, both deferred, so the leader's
/// pipeline shows decisions and their outcome without contradicting anyone's level history:
/// Callum Reid's panel for Advanced Practitioner and Yusuf Patel's assessment for Senior.
const DECISIONS: &str = "
    IF (SELECT VALUE id FROM progression_case WHERE org = $org AND status != 'open' LIMIT 1) = [] {
        CREATE progression_case:demo_callum_panel SET org = $org, person = person:ln_2,
            framework = type::record('framework', $framework), from_level = 'senior_social_worker',
            to_level = 'advanced_practitioner', kind = 'panel', status = 'deferred',
            opened_by = person:ln_2, opened_at = $opened_1, signed_off = 22, required = 22,
            account = 'My reflective account of leading practice in the locality team.',
            panel = [person:demo_learning_lead, person:sl_1], decided_by = person:demo_learning_lead,
            decided_at = $decided_1,
            reasons = 'The evidence is strong on direct work; the panel wants to see more of leading others.',
            actions = 'Co-facilitate two group supervision sessions and come back to the next panel.';
        CREATE progression_case:demo_yusuf_assessment SET org = $org, person = person:da_2,
            framework = type::record('framework', $framework), from_level = 'social_worker',
            to_level = 'senior_social_worker', kind = 'assessment', status = 'deferred',
            opened_by = person:da_2, opened_at = $opened_2, signed_off = 27, required = 27,
            decided_by = person:tm_duty, decided_at = $decided_2,
            reasons = 'Two criteria rest on a single piece of evidence each.',
            actions = 'Add a direct observation for each and ask again in three months.';
    };
";

/// Seeds the decided requests unless the council already has decisions of its own.
pub async fn seed_decisions(db: &Db, org: &RecordId, today: time::Date) -> AppResult<()> {
    let at = |days: i64| {
        crate::db::datetime(crate::dates::uk_to_utc(
            today - time::Duration::days(days),
            time::Time::from_hms(11, 0, 0).unwrap_or(time::Time::MIDNIGHT),
        ))
    };
    db.query(DECISIONS)
        .bind(("org", org.clone()))
        .bind(("framework", PATHWAY_ID))
        .bind(("opened_1", at(110)))
        .bind(("decided_1", at(84)))
        .bind(("opened_2", at(170)))
        .bind(("decided_2", at(150)))
        .await?
        .check()?;
    Ok(())
}

fn short_title(statement: &str) -> String {
    let words: Vec<&str> = statement.split_whitespace().take(7).collect();
    format!("{}…", words.join(" ").trim_end_matches([',', '.', ';']))
}

/// Joined at their start date; people well into a later level first passed the ASYE.
fn level_history(org: &RecordId, person: &DemoPerson, today: &str) -> Vec<HistorySeedRow> {
    let row = |level: &str, from: String, to: Option<String>, how: &str| HistorySeedRow {
        org: org.clone(),
        person: RecordId::new("person", person.key),
        level: level.into(),
        started_on: from,
        ended_on: to,
        how: how.into(),
    };
    let start_year: i32 = person.start[..4].parse().unwrap_or(2020);
    let this_year: i32 = today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    if person.level == "social_worker" && this_year - start_year >= 2 {
        let qualified = format!("{}{}", start_year + 1, &person.start[4..]);
        return vec![
            row(
                "nqsw",
                person.start.into(),
                Some(qualified.clone()),
                "joined",
            ),
            row("social_worker", qualified, None, "automatic"),
        ];
    }
    if person.level == "senior_social_worker" && this_year - start_year >= 4 {
        let qualified = format!("{}{}", start_year + 1, &person.start[4..]);
        let promoted = format!("{}{}", start_year + 3, &person.start[4..]);
        return vec![
            row(
                "nqsw",
                person.start.into(),
                Some(qualified.clone()),
                "joined",
            ),
            row(
                "social_worker",
                qualified,
                Some(promoted.clone()),
                "automatic",
            ),
            row("senior_social_worker", promoted, None, "assessment"),
        ];
    }
    vec![row(person.level, person.start.into(), None, "joined")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_join_consecutive_levels_and_criteria_exist_for_assessed_steps() {
        for pair in PATHWAY_LEVELS.windows(2) {
            assert!(
                PATHWAY_STEPS
                    .iter()
                    .any(|(from, to, ..)| *from == pair[0].0 && *to == pair[1].0),
                "{} -> {}",
                pair[0].0,
                pair[1].0
            );
        }
        for (_, to, kind, percent) in PATHWAY_STEPS {
            assert!(crate::progression::model::StepKind::from_key(kind).is_some());
            assert!((0..=100).contains(percent));
            if *kind != "recruitment" {
                assert!(
                    PATHWAY_CRITERIA.iter().any(|c| c.level == *to),
                    "{to} needs criteria"
                );
            }
        }
    }

    #[test]
    fn the_demo_practitioner_has_signed_off_returned_and_submitted_criteria() {
        let has = |status: &str| PRIYA_PROGRESS.iter().any(|(_, s)| *s == status);
        assert!(has("signed_off") && has("returned") && has("submitted"));
        for (lineage, _) in PRIYA_PROGRESS {
            assert!(
                PATHWAY_CRITERIA
                    .iter()
                    .any(|c| c.key == *lineage && c.level == "social_worker"),
                "{lineage}"
            );
            // Every criterion sent for review has evidence the supervisor can see.
            assert!(
                PRIYA_EVIDENCE
                    .iter()
                    .any(|(_, linked, private, _)| !private && linked.contains(lineage))
                    || PRIYA_PROGRESS
                        .iter()
                        .any(|(l, s)| l == lineage && *s == "in_progress"),
                "{lineage}"
            );
        }
    }

    #[test]
    fn spread_is_stable() {
        assert_eq!(spread("ln_1", 1), spread("ln_1", 1));
        assert_ne!(spread("ln_1", 1), spread("ln_2", 1));
    }
}
