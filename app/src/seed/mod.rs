//! The demo council (server only): synthetic people and teams, never any council's actuals.
//! Seeding is idempotent: a database that already has the demo council is left alone.

pub mod academy;
pub mod early_career;
pub mod framework;
pub mod library;
pub mod pathway;
pub mod surveys;
pub mod workforce;

use surrealdb::types::{RecordId, SurrealValue};

use crate::auth::password::hash_password;
use crate::db::Db;
use crate::error::AppResult;

pub const DEMO_ORG_SLUG: &str = "demo-borough";
pub const DEMO_ORG_NAME: &str = "Demo Borough Council";

/// The sign-in for each role, as printed at start and shown in the README.
pub const DEMO_SIGN_INS: &[(&str, &str)] = &[
    ("practitioner", "practitioner@demo.test"),
    ("supervisor", "supervisor@demo.test"),
    ("learning lead", "learning.lead@demo.test"),
    ("leader", "leader@demo.test"),
    ("admin", "admin@demo.test"),
];

/// (key, name, parent key)
pub(crate) const TEAMS: &[(&str, &str, Option<&str>)] = &[
    ("front_door", "Front Door", None),
    ("duty_advice", "Duty and Advice", Some("front_door")),
    ("localities", "Localities", None),
    ("locality_north", "Locality North", Some("localities")),
    ("locality_south", "Locality South", Some("localities")),
    ("children_looked_after", "Children Looked After", None),
    (
        "lac_13_plus",
        "Looked-After Children 13+",
        Some("children_looked_after"),
    ),
    ("disabled_children", "Disabled Children", None),
    (
        "complex_health",
        "Complex Health and Disability",
        Some("disabled_children"),
    ),
    ("fostering_permanence", "Fostering and Permanence", None),
    ("fostering", "Fostering", Some("fostering_permanence")),
    ("workforce", "Workforce Development", None),
    ("academy", "Learning Academy", Some("workforce")),
];

pub(crate) struct DemoPerson {
    pub(crate) key: &'static str,
    pub(crate) name: &'static str,
    pub(crate) email: &'static str,
    pub(crate) roles: &'static [&'static str],
    pub(crate) level: &'static str,
    pub(crate) title: &'static str,
    pub(crate) team: &'static str,
    pub(crate) manager: Option<&'static str>,
    pub(crate) start: &'static str,
}

macro_rules! person {
    ($key:literal, $name:literal, $email:literal, [$($role:literal),*], $level:literal, $title:literal, $team:literal, $manager:expr, $start:literal) => {
        DemoPerson { key: $key, name: $name, email: $email, roles: &[$($role),*], level: $level, title: $title, team: $team, manager: $manager, start: $start }
    };
}

pub(crate) const PEOPLE: &[DemoPerson] = &[
    // The five demo sign-ins.
    person!(
        "demo_practitioner",
        "Priya Shah",
        "practitioner@demo.test",
        ["practitioner"],
        "nqsw",
        "Newly Qualified Social Worker",
        "locality_north",
        Some("demo_supervisor"),
        "2026-09-07"
    ),
    person!(
        "demo_supervisor",
        "Daniel Okafor",
        "supervisor@demo.test",
        ["supervisor", "practitioner"],
        "team_manager",
        "Team Manager",
        "locality_north",
        Some("demo_leader"),
        "2017-04-03"
    ),
    person!(
        "demo_learning_lead",
        "Helen Marsh",
        "learning.lead@demo.test",
        ["learning_lead", "practitioner"],
        "advanced_practitioner",
        "Principal Social Worker and Academy Lead",
        "academy",
        Some("demo_leader"),
        "2014-01-06"
    ),
    person!(
        "demo_leader",
        "Grace Whitfield",
        "leader@demo.test",
        ["leader"],
        "head_of_service",
        "Head of Service",
        "workforce",
        None,
        "2011-10-03"
    ),
    person!(
        "demo_admin",
        "Tom Ridley",
        "admin@demo.test",
        ["admin"],
        "not_social_work",
        "Workforce Systems Officer",
        "workforce",
        Some("demo_leader"),
        "2019-06-17"
    ),
    // Team managers.
    person!(
        "tm_duty",
        "Rebecca Hollins",
        "rebecca.hollins@demo.test",
        ["supervisor", "practitioner"],
        "team_manager",
        "Team Manager",
        "duty_advice",
        Some("demo_leader"),
        "2015-02-09"
    ),
    person!(
        "tm_south",
        "Marcus Bell",
        "marcus.bell@demo.test",
        ["supervisor", "practitioner"],
        "team_manager",
        "Team Manager",
        "locality_south",
        Some("demo_leader"),
        "2016-08-22"
    ),
    person!(
        "tm_lac",
        "Sadia Rahman",
        "sadia.rahman@demo.test",
        ["supervisor", "practitioner"],
        "team_manager",
        "Team Manager",
        "lac_13_plus",
        Some("demo_leader"),
        "2013-11-11"
    ),
    person!(
        "tm_chd",
        "Gareth Lloyd",
        "gareth.lloyd@demo.test",
        ["supervisor", "practitioner"],
        "team_manager",
        "Team Manager",
        "complex_health",
        Some("demo_leader"),
        "2012-05-14"
    ),
    person!(
        "tm_fostering",
        "Joanne Pickering",
        "joanne.pickering@demo.test",
        ["supervisor", "practitioner"],
        "team_manager",
        "Team Manager",
        "fostering",
        Some("demo_leader"),
        "2018-03-05"
    ),
    // Locality North (Daniel Okafor's team).
    person!(
        "ln_1",
        "Aisha Begum",
        "aisha.begum@demo.test",
        ["practitioner"],
        "social_worker",
        "Social Worker",
        "locality_north",
        Some("demo_supervisor"),
        "2023-09-04"
    ),
    person!(
        "ln_2",
        "Callum Reid",
        "callum.reid@demo.test",
        ["practitioner"],
        "senior_social_worker",
        "Senior Social Worker",
        "locality_north",
        Some("demo_supervisor"),
        "2019-01-14"
    ),
    person!(
        "ln_3",
        "Natalie Greaves",
        "natalie.greaves@demo.test",
        ["practitioner", "supervisor"],
        "advanced_practitioner",
        "Advanced Practitioner and ASYE Assessor",
        "locality_north",
        Some("demo_supervisor"),
        "2015-07-20"
    ),
    person!(
        "ln_4",
        "Oliver Brennan",
        "oliver.brennan@demo.test",
        ["practitioner"],
        "nqsw",
        "Newly Qualified Social Worker",
        "locality_north",
        Some("demo_supervisor"),
        "2026-09-07"
    ),
    person!(
        "ln_5",
        "Mei Lin Chen",
        "meilin.chen@demo.test",
        ["practitioner"],
        "social_work_assistant",
        "Social Work Assistant",
        "locality_north",
        Some("demo_supervisor"),
        "2024-02-12"
    ),
    // Locality South.
    person!(
        "ls_1",
        "Kieran Walsh",
        "kieran.walsh@demo.test",
        ["practitioner"],
        "social_worker",
        "Social Worker",
        "locality_south",
        Some("tm_south"),
        "2022-10-03"
    ),
    person!(
        "ls_2",
        "Fatima Hussain",
        "fatima.hussain@demo.test",
        ["practitioner"],
        "senior_social_worker",
        "Senior Social Worker",
        "locality_south",
        Some("tm_south"),
        "2018-04-23"
    ),
    person!(
        "ls_3",
        "Liam Gallagher-Moss",
        "liam.gallaghermoss@demo.test",
        ["practitioner"],
        "nqsw",
        "Newly Qualified Social Worker",
        "locality_south",
        Some("tm_south"),
        "2026-03-02"
    ),
    person!(
        "ls_4",
        "Zoe Atkinson",
        "zoe.atkinson@demo.test",
        ["practitioner"],
        "social_worker",
        "Social Worker",
        "locality_south",
        Some("tm_south"),
        "2021-06-28"
    ),
    person!(
        "ls_5",
        "Emmanuel Mensah",
        "emmanuel.mensah@demo.test",
        ["practitioner"],
        "social_work_assistant",
        "Family Support Worker",
        "locality_south",
        Some("tm_south"),
        "2020-11-09"
    ),
    // Duty and Advice.
    person!(
        "da_1",
        "Hannah Crowther",
        "hannah.crowther@demo.test",
        ["practitioner"],
        "senior_social_worker",
        "Senior Social Worker",
        "duty_advice",
        Some("tm_duty"),
        "2017-09-18"
    ),
    person!(
        "da_2",
        "Yusuf Patel",
        "yusuf.patel@demo.test",
        ["practitioner"],
        "social_worker",
        "Social Worker",
        "duty_advice",
        Some("tm_duty"),
        "2022-01-10"
    ),
    person!(
        "da_3",
        "Ellie Turner",
        "ellie.turner@demo.test",
        ["practitioner"],
        "nqsw",
        "Newly Qualified Social Worker",
        "duty_advice",
        Some("tm_duty"),
        "2026-09-07"
    ),
    person!(
        "da_4",
        "Ravi Sharma",
        "ravi.sharma@demo.test",
        ["practitioner"],
        "social_worker",
        "Social Worker",
        "duty_advice",
        Some("tm_duty"),
        "2024-05-20"
    ),
    // Looked-after children 13+.
    person!(
        "lac_1",
        "Chloe Armitage",
        "chloe.armitage@demo.test",
        ["practitioner"],
        "senior_social_worker",
        "Senior Social Worker",
        "lac_13_plus",
        Some("tm_lac"),
        "2016-02-29"
    ),
    person!(
        "lac_2",
        "Tariq Mahmood",
        "tariq.mahmood@demo.test",
        ["practitioner"],
        "social_worker",
        "Social Worker",
        "lac_13_plus",
        Some("tm_lac"),
        "2021-09-06"
    ),
    person!(
        "lac_3",
        "Bethany Clarke",
        "bethany.clarke@demo.test",
        ["practitioner"],
        "social_worker",
        "Social Worker",
        "lac_13_plus",
        Some("tm_lac"),
        "2023-03-13"
    ),
    person!(
        "lac_4",
        "Owen Price",
        "owen.price@demo.test",
        ["practitioner", "supervisor"],
        "advanced_practitioner",
        "Advanced Practitioner",
        "lac_13_plus",
        Some("tm_lac"),
        "2012-09-03"
    ),
    // Complex Health and Disability.
    person!(
        "chd_1",
        "Niamh O'Connor",
        "niamh.oconnor@demo.test",
        ["practitioner"],
        "senior_social_worker",
        "Senior Social Worker",
        "complex_health",
        Some("tm_chd"),
        "2019-10-07"
    ),
    person!(
        "chd_2",
        "Samuel Adeyemi",
        "samuel.adeyemi@demo.test",
        ["practitioner"],
        "social_worker",
        "Social Worker",
        "complex_health",
        Some("tm_chd"),
        "2022-07-04"
    ),
    person!(
        "chd_3",
        "Lucy Fairburn",
        "lucy.fairburn@demo.test",
        ["practitioner"],
        "nqsw",
        "Newly Qualified Social Worker",
        "complex_health",
        Some("tm_chd"),
        "2026-01-12"
    ),
    person!(
        "chd_4",
        "Adam Kowalski",
        "adam.kowalski@demo.test",
        ["practitioner"],
        "social_work_assistant",
        "Social Work Assistant",
        "complex_health",
        Some("tm_chd"),
        "2025-04-22"
    ),
    // Fostering.
    person!(
        "fo_1",
        "Rachel Dyson",
        "rachel.dyson@demo.test",
        ["practitioner"],
        "senior_social_worker",
        "Senior Supervising Social Worker",
        "fostering",
        Some("tm_fostering"),
        "2014-06-09"
    ),
    person!(
        "fo_2",
        "Imran Qureshi",
        "imran.qureshi@demo.test",
        ["practitioner"],
        "social_worker",
        "Supervising Social Worker",
        "fostering",
        Some("tm_fostering"),
        "2020-02-17"
    ),
    person!(
        "fo_3",
        "Sophie Marsden",
        "sophie.marsden@demo.test",
        ["practitioner"],
        "social_worker",
        "Supervising Social Worker",
        "fostering",
        Some("tm_fostering"),
        "2023-11-27"
    ),
    // Learning Academy and leadership.
    person!(
        "ac_1",
        "Jamal Edwards",
        "jamal.edwards@demo.test",
        ["learning_lead", "practitioner", "supervisor"],
        "advanced_practitioner",
        "Practice Educator and ASYE Coordinator",
        "academy",
        Some("demo_learning_lead"),
        "2016-01-11"
    ),
    person!(
        "ac_2",
        "Katie Holroyd",
        "katie.holroyd@demo.test",
        ["learning_lead"],
        "not_social_work",
        "Learning and Development Officer",
        "academy",
        Some("demo_learning_lead"),
        "2021-03-01"
    ),
    person!(
        "sl_1",
        "Andrew Sutcliffe",
        "andrew.sutcliffe@demo.test",
        ["leader"],
        "service_manager",
        "Service Manager, Localities",
        "localities",
        Some("demo_leader"),
        "2010-04-12"
    ),
    person!(
        "sl_2",
        "Patricia Nwosu",
        "patricia.nwosu@demo.test",
        ["leader", "supervisor"],
        "service_manager",
        "Service Manager, Children Looked After",
        "children_looked_after",
        Some("demo_leader"),
        "2009-09-14"
    ),
    person!(
        "x_1",
        "Connor Haigh",
        "connor.haigh@demo.test",
        ["practitioner"],
        "social_worker",
        "Social Worker (left)",
        "locality_south",
        Some("tm_south"),
        "2020-01-06"
    ),
];

#[derive(SurrealValue)]
pub(crate) struct TeamRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) name: String,
    pub(crate) kind: String,
    pub(crate) parent: Option<RecordId>,
    pub(crate) archived: bool,
}

#[derive(SurrealValue)]
pub(crate) struct PersonRow {
    pub(crate) id: RecordId,
    pub(crate) org: RecordId,
    pub(crate) name: String,
    pub(crate) email: String,
    pub(crate) roles: Vec<String>,
    pub(crate) career_level: String,
    pub(crate) job_title: Option<String>,
    pub(crate) team: Option<RecordId>,
    pub(crate) line_manager: Option<RecordId>,
    pub(crate) start_date: Option<String>,
    pub(crate) active: bool,
    pub(crate) password_hash: Option<String>,
}

const DEMO_EXISTS: &str = "SELECT VALUE id FROM org WHERE slug = $slug;";

const INSERT_DEMO: &str = "
    BEGIN TRANSACTION;
    CREATE type::record('org', $org_key) SET name = $org_name, slug = $slug;
    INSERT INTO team $teams RETURN NONE;
    INSERT INTO person $people RETURN NONE;
    COMMIT TRANSACTION;
";

/// What seeding did.
#[derive(Debug, PartialEq, Eq)]
pub enum SeedOutcome {
    Created { people: usize, teams: usize },
    AlreadyPresent,
}

/// Seeds the demo council unless it is already there. Every demo account's password is
/// `password`.
pub async fn seed_demo(db: &Db, password: &str) -> AppResult<SeedOutcome> {
    let mut response = db
        .query(DEMO_EXISTS)
        .bind(("slug", DEMO_ORG_SLUG))
        .await?
        .check()?;
    let existing: Vec<RecordId> = response.take(0)?;
    if let Some(org) = existing.first() {
        // A demo council seeded before the pathway existed gets it now.
        if !pathway::has_pathway(db, org).await? {
            let today = crate::dates::iso(crate::dates::today_uk());
            pathway::seed_pathway(db, org, &today).await?;
        }
        if !early_career::has_early_career(db, org).await? {
            early_career::seed_early_career(db, org, crate::dates::today_uk()).await?;
        }
        if !academy::has_academy(db, org).await? {
            academy::seed_academy(db, org, crate::dates::today_uk()).await?;
        }
        if !surveys::has_surveys(db, org).await? {
            surveys::seed_surveys(db, org, crate::dates::today_uk()).await?;
        }
        pathway::seed_decisions(db, org, crate::dates::today_uk()).await?;
        if !workforce::has_workforce(db, org).await? {
            workforce::seed_workforce(db, org, crate::dates::today_uk()).await?;
        }
        return Ok(SeedOutcome::AlreadyPresent);
    }

    let org_key = "demo_borough";
    let org = RecordId::new("org", org_key);
    let team_id = |key: &str| RecordId::new("team", format!("demo_{key}"));
    let teams: Vec<TeamRow> = TEAMS
        .iter()
        .map(|(key, name, parent)| TeamRow {
            id: team_id(key),
            org: org.clone(),
            name: name.to_string(),
            kind: if parent.is_some() { "team" } else { "service" }.to_string(),
            parent: parent.map(team_id),
            archived: false,
        })
        .collect();

    // One hash for every demo account: each costs about 50 ms by design.
    let hash = hash_password(password.to_string()).await?;
    let people: Vec<PersonRow> = PEOPLE
        .iter()
        .map(|p| PersonRow {
            id: RecordId::new("person", p.key),
            org: org.clone(),
            name: p.name.to_string(),
            email: p.email.to_string(),
            roles: p.roles.iter().map(|r| r.to_string()).collect(),
            career_level: p.level.to_string(),
            job_title: Some(p.title.to_string()),
            team: Some(team_id(p.team)),
            line_manager: p.manager.map(|m| RecordId::new("person", m)),
            start_date: Some(p.start.to_string()),
            // One leaver, so lists show what a deactivated person looks like.
            active: p.key != "x_1",
            password_hash: Some(hash.clone()),
        })
        .collect();
    let counts = SeedOutcome::Created {
        people: people.len(),
        teams: teams.len(),
    };

    db.query(INSERT_DEMO)
        .bind(("org_key", org_key))
        .bind(("org_name", DEMO_ORG_NAME))
        .bind(("slug", DEMO_ORG_SLUG))
        .bind(("teams", teams))
        .bind(("people", people))
        .await?
        .check()?;
    let today = crate::dates::iso(crate::dates::today_uk());
    pathway::seed_pathway(db, &org, &today).await?;
    early_career::seed_early_career(db, &org, crate::dates::today_uk()).await?;
    academy::seed_academy(db, &org, crate::dates::today_uk()).await?;
    surveys::seed_surveys(db, &org, crate::dates::today_uk()).await?;
    workforce::seed_workforce(db, &org, crate::dates::today_uk()).await?;
    pathway::seed_decisions(db, &org, crate::dates::today_uk()).await?;
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_people_reference_known_teams_and_managers() {
        for person in PEOPLE {
            assert!(
                TEAMS.iter().any(|(key, ..)| *key == person.team),
                "{}",
                person.key
            );
            if let Some(manager) = person.manager {
                assert!(PEOPLE.iter().any(|p| p.key == manager), "{}", person.key);
            }
            assert!(
                crate::people::levels::is_level(person.level),
                "{}",
                person.key
            );
            for role in person.roles {
                assert!(crate::auth::roles::Role::from_key(role).is_some(), "{role}");
            }
        }
    }

    #[test]
    fn there_is_one_sign_in_per_role_and_about_forty_people() {
        for (_, email) in DEMO_SIGN_INS {
            assert!(PEOPLE.iter().any(|p| p.email == *email), "{email}");
        }
        assert!((35..=45).contains(&PEOPLE.len()));
        let emails: std::collections::HashSet<_> = PEOPLE.iter().map(|p| p.email).collect();
        assert_eq!(emails.len(), PEOPLE.len(), "emails are unique");
    }

    #[test]
    fn the_practitioner_is_an_nqsw_managed_by_the_supervisor() {
        let practitioner = PEOPLE
            .iter()
            .find(|p| p.email == "practitioner@demo.test")
            .unwrap();
        let supervisor = PEOPLE
            .iter()
            .find(|p| p.email == "supervisor@demo.test")
            .unwrap();
        assert_eq!(practitioner.level, "nqsw");
        assert_eq!(practitioner.manager, Some(supervisor.key));
        assert_eq!(practitioner.team, supervisor.team);
    }
}
