//! A council's organisation, services, teams, staff and their level history.

use rand::Rng;
use surrealdb::types::RecordId;
use time::Duration;

use super::{Council, Progress, Report, Scale, insert, names};
use crate::dates::iso;
use crate::seed::pathway::HistorySeedRow as HistoryRow;
use crate::seed::{PersonRow, TeamRow};

/// The sign-ins a generated council has, for the benchmark and for people trying it out.
pub fn sign_ins(council: usize) -> Vec<(&'static str, String)> {
    let domain = format!("r{council}.region.test");
    vec![
        ("practitioner", format!("practitioner@{domain}")),
        ("supervisor", format!("supervisor@{domain}")),
        ("learning lead", format!("lead@{domain}")),
        ("leader", format!("leader@{domain}")),
        ("admin", format!("admin@{domain}")),
    ]
}

/// One generated member of staff, as the later stages need them.
pub(crate) struct Staff {
    pub key: String,
    pub id: RecordId,
    pub team: String,
    pub service: String,
    pub manager: Option<String>,
    pub roles: Vec<String>,
    pub level: String,
    pub start: time::Date,
    pub active: bool,
}

impl Staff {
    /// A social worker on the pathway (not a leader, admin or assistant).
    pub fn on_pathway(&self) -> bool {
        matches!(
            self.level.as_str(),
            "nqsw" | "social_worker" | "senior_social_worker" | "advanced_practitioner"
        )
    }
}

/// Practitioner levels by share in hundredths: most are qualified social workers.
const LEVELS: &[(&str, u32, &str)] = &[
    ("social_work_assistant", 10, "Social Work Assistant"),
    ("nqsw", 12, "Newly Qualified Social Worker"),
    ("social_worker", 38, "Social Worker"),
    ("senior_social_worker", 25, "Senior Social Worker"),
    ("advanced_practitioner", 15, "Advanced Practitioner"),
];

pub(crate) async fn generate(
    db: &crate::db::Db,
    c: &mut Council,
    scale: &Scale,
    hash: &str,
    progress: &dyn Progress,
    report: &mut Report,
) -> crate::error::AppResult<Vec<Staff>> {
    db.query("CREATE $org SET name = $name, slug = $slug RETURN NONE;")
        .bind(("org", c.org.clone()))
        .bind(("name", c.name.clone()))
        .bind(("slug", format!("region-{}", c.index)))
        .await?
        .check()?;

    // A tenth of the units are services; the rest are teams spread across them.
    let services = (scale.teams_per_council / 10).clamp(1, names::SERVICES.len());
    let teams = scale.teams_per_council.saturating_sub(services).max(1);
    let mut team_rows = Vec::new();
    let mut team_service = Vec::new();
    for s in 0..services {
        team_rows.push(TeamRow {
            id: c.id("team", format!("s{s}")),
            org: c.org.clone(),
            name: names::SERVICES[s].to_string(),
            kind: "service".into(),
            parent: None,
            archived: false,
        });
    }
    for t in 0..teams {
        let s = t % services;
        team_rows.push(TeamRow {
            id: c.id("team", format!("t{t}")),
            org: c.org.clone(),
            name: format!("{} {}", names::SERVICES[s], t / services + 1),
            kind: "team".into(),
            parent: Some(c.id("team", format!("s{s}"))),
            archived: false,
        });
        team_service.push(s);
    }
    report.teams += team_rows.len();

    let domain = format!("r{}.region.test", c.index);
    let (first_names, last_names) = names::name_counts();
    let mut staff: Vec<Staff> = Vec::new();
    let mut rows = Vec::new();
    let mut push = |c: &mut Council,
                    key: String,
                    email: String,
                    roles: &[&str],
                    level: &str,
                    title: &str,
                    team: usize,
                    manager: Option<String>,
                    years: i64| {
        let start =
            c.today - Duration::days(years * 365 + i64::from(c.rng.random_range(0u32..300)) + 30);
        // One in fifty has left, so lists show leavers at scale too.
        let active = !(roles == ["practitioner"] && c.rng.random_range(0u32..50) == 0);
        let name = names::person(
            c.rng.random_range(0..first_names),
            c.rng.random_range(0..last_names),
        );
        let team_key = format!("{}_t{team}", c.prefix);
        let service_key = format!("{}_s{}", c.prefix, team_service[team]);
        rows.push(PersonRow {
            id: RecordId::new("person", key.as_str()),
            org: c.org.clone(),
            name,
            email,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            career_level: level.into(),
            job_title: Some(title.into()),
            team: Some(RecordId::new("team", team_key.as_str())),
            line_manager: manager
                .as_ref()
                .map(|m| RecordId::new("person", m.as_str())),
            start_date: Some(iso(start)),
            active,
            password_hash: Some(hash.to_string()),
        });
        staff.push(Staff {
            id: RecordId::new("person", key.as_str()),
            key,
            team: team_key,
            service: service_key,
            manager,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            level: level.into(),
            start,
            active,
        });
    };

    let p = c.prefix.clone();
    let leader = format!("{p}_leader");
    push(
        c,
        leader.clone(),
        format!("leader@{domain}"),
        &["leader"],
        "head_of_service",
        "Head of Service",
        0,
        None,
        12,
    );
    push(
        c,
        format!("{p}_admin"),
        format!("admin@{domain}"),
        &["admin"],
        "not_social_work",
        "Workforce Systems Officer",
        0,
        Some(leader.clone()),
        5,
    );
    push(
        c,
        format!("{p}_lead"),
        format!("lead@{domain}"),
        &["learning_lead", "practitioner"],
        "advanced_practitioner",
        "Principal Social Worker and Academy Lead",
        0,
        Some(leader.clone()),
        10,
    );
    // Team managers: team 0's is the supervisor sign-in.
    for t in 0..teams {
        let email = if t == 0 {
            format!("supervisor@{domain}")
        } else {
            format!("tm{t}@{domain}")
        };
        push(
            c,
            format!("{p}_tm{t}"),
            email,
            &["supervisor", "practitioner"],
            "team_manager",
            "Team Manager",
            t,
            Some(leader.clone()),
            8,
        );
    }
    let fixed = 3 + teams;
    let practitioners = scale.staff_per_council.saturating_sub(fixed);
    for i in 0..practitioners {
        let team = i % teams;
        let (level, title, years) = if i == 0 {
            // The practitioner sign-in: an NQSW in the supervisor's team, as in the demo.
            ("nqsw", "Newly Qualified Social Worker", 0)
        } else {
            let roll = c.rng.random_range(0u32..100);
            let mut acc = 0;
            let (level, _, title) = LEVELS
                .iter()
                .find(|(_, share, _)| {
                    acc += share;
                    roll < acc
                })
                .copied()
                .unwrap_or(LEVELS[2]);
            let years = match level {
                "nqsw" => 0,
                "social_work_assistant" => c.rng.random_range(0..6),
                "social_worker" => c.rng.random_range(1..5),
                "senior_social_worker" => c.rng.random_range(4..10),
                _ => c.rng.random_range(7..20),
            };
            (level, title, years)
        };
        let email = if i == 0 {
            format!("practitioner@{domain}")
        } else {
            format!("p{i}@{domain}")
        };
        push(
            c,
            format!("{p}_p{i}"),
            email,
            &["practitioner"],
            level,
            title,
            team,
            Some(format!("{p}_tm{team}")),
            years,
        );
    }
    drop(push);

    let history: Vec<HistoryRow> = staff
        .iter()
        .map(|s| HistoryRow {
            org: c.org.clone(),
            person: s.id.clone(),
            level: s.level.clone(),
            started_on: iso(s.start),
            ended_on: None,
            how: "joined".into(),
        })
        .collect();
    report.staff += rows.len();
    insert(db, "team", team_rows, progress, report).await?;
    insert(db, "person", rows, progress, report).await?;
    insert(db, "level_history", history, progress, report).await?;
    Ok(staff)
}
