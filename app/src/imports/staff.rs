//! Planning a staff import: each row checked as the person form checks it, matched to the
//! council's people by email, with teams and line managers resolved by name and email. A
//! blank cell leaves what is stored; people missing from the file are left alone.

use std::collections::HashMap;

use super::model::{Outcome, PlannedRow};
use super::table::{Column, Row, Table, duplicates};
use crate::auth::roles::Role;
use crate::people::levels::{CAREER_LEVELS, level_label};
use crate::people::model::PersonForm;

pub const COLUMNS: &[Column] = &[
    Column {
        name: "email",
        required: true,
        help: "",
    },
    Column {
        name: "name",
        required: true,
        help: "",
    },
    Column {
        name: "career_level",
        required: true,
        help: "",
    },
    Column {
        name: "roles",
        required: true,
        help: "",
    },
    Column {
        name: "team",
        required: false,
        help: "",
    },
    Column {
        name: "line_manager_email",
        required: false,
        help: "",
    },
    Column {
        name: "job_title",
        required: false,
        help: "",
    },
    Column {
        name: "start_date",
        required: false,
        help: "",
    },
    Column {
        name: "swe_number",
        required: false,
        help: "",
    },
];

/// A person as stored, in the terms the import compares.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Person {
    pub id: String,
    pub email: String,
    pub name: String,
    pub career_level: String,
    pub roles: Vec<String>,
    pub team: Option<String>,
    pub line_manager: Option<String>,
    pub job_title: Option<String>,
    pub start_date: Option<String>,
    pub swe_number: Option<String>,
    pub active: bool,
}

/// What the plan is checked against.
pub struct Context<'a> {
    /// Everyone in the council, active or not.
    pub people: &'a [Person],
    /// (key, name) of every current team.
    pub teams: &'a [(String, String)],
    /// The admin importing, who may not take away their own admin role.
    pub importer: &'a str,
}

/// A person to write: their final values, and whether they are new.
#[derive(Debug, Clone, PartialEq)]
pub struct Write {
    pub create: bool,
    pub person: Person,
}

fn roles_in(cell: &str) -> Result<Vec<String>, String> {
    let mut roles = Vec::new();
    for token in cell
        .split([';', ',', '|'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let wanted = token.to_lowercase().replace(' ', "_");
        let role = Role::ALL
            .into_iter()
            .find(|r| r.key() == wanted || r.label().to_lowercase().replace(' ', "_") == wanted)
            .ok_or_else(|| {
                format!(
                    "roles: \"{token}\" is not a role. Use practitioner, supervisor, learning_lead, leader or admin."
                )
            })?;
        if !roles.contains(&role.key().to_string()) {
            roles.push(role.key().to_string());
        }
    }
    if roles.is_empty() {
        return Err("roles: give at least one role, such as practitioner.".into());
    }
    roles.sort();
    Ok(roles)
}

fn level_in(cell: &str) -> Result<String, String> {
    let wanted = cell.trim().to_lowercase();
    CAREER_LEVELS
        .iter()
        .find(|l| l.key == wanted || l.label.to_lowercase() == wanted)
        .map(|l| l.key.to_string())
        .ok_or_else(|| {
            format!(
                "career_level: \"{}\" is not a level on the pathway, such as social_worker.",
                cell.trim()
            )
        })
}

/// `02/09/2024` as well as `2024-09-02`: spreadsheets write UK dates.
fn date_in(cell: &str) -> Result<String, String> {
    let cell = cell.trim();
    let parts: Vec<&str> = cell.split('/').collect();
    let iso = if let [d, m, y] = parts[..] {
        format!("{y:0>4}-{m:0>2}-{d:0>2}")
    } else {
        cell.to_string()
    };
    crate::dates::parse_date(&iso)
        .map(crate::dates::iso)
        .ok_or_else(|| {
            format!("start_date: \"{cell}\" is not a date. Write it like 2024-09-02 or 02/09/2024.")
        })
}

/// Blank keeps what is stored (or nothing, for someone new).
fn keep_or(cell: &str, stored: Option<&String>) -> Option<String> {
    let cell = cell.trim();
    if cell.is_empty() {
        stored.cloned()
    } else {
        Some(cell.to_string())
    }
}

pub fn plan(
    table: &Table,
    ctx: &Context,
    mut new_key: impl FnMut() -> String,
) -> (Vec<PlannedRow>, Vec<Write>) {
    let by_email: HashMap<String, &Person> = ctx
        .people
        .iter()
        .map(|p| (p.email.to_lowercase(), p))
        .collect();
    let repeated = duplicates(
        table
            .rows
            .iter()
            .map(|r| (r.line, r.get("email").to_lowercase())),
    );
    // Everyone the file names gets a key first, so a manager can be someone new in the file.
    let keys: HashMap<String, String> = table
        .rows
        .iter()
        .map(|r| r.get("email").to_lowercase())
        .filter(|e| !e.is_empty())
        .map(|e| {
            let key = by_email
                .get(&e)
                .map(|p| p.id.clone())
                .unwrap_or_else(&mut new_key);
            (e, key)
        })
        .collect();
    let team_names: HashMap<&str, &str> = ctx
        .teams
        .iter()
        .map(|(k, n)| (k.as_str(), n.as_str()))
        .collect();
    let mut planned = Vec::with_capacity(table.rows.len());
    let mut writes = Vec::new();
    for row in &table.rows {
        let email = row.get("email").to_lowercase();
        let label = if email.is_empty() {
            format!("line {}", row.line)
        } else {
            email.clone()
        };
        match check_row(row, ctx, &by_email, &keys, &repeated) {
            Err(reasons) => planned.push(PlannedRow {
                line: row.line,
                label,
                outcome: Outcome::Refuse,
                detail: reasons,
            }),
            Ok(person) => {
                let stored = by_email.get(&email).copied();
                let (outcome, detail) = match stored {
                    None => (Outcome::Create, Vec::new()),
                    Some(before) => {
                        let changes = differences(before, &person, &team_names, ctx.people);
                        if changes.is_empty() {
                            (Outcome::Unchanged, changes)
                        } else {
                            (Outcome::Change, changes)
                        }
                    }
                };
                if outcome != Outcome::Unchanged {
                    writes.push(Write {
                        create: stored.is_none(),
                        person,
                    });
                }
                planned.push(PlannedRow {
                    line: row.line,
                    label,
                    outcome,
                    detail,
                });
            }
        }
    }
    (planned, writes)
}

fn check_row(
    row: &Row,
    ctx: &Context,
    by_email: &HashMap<String, &Person>,
    keys: &HashMap<String, String>,
    repeated: &HashMap<String, Vec<usize>>,
) -> Result<Person, Vec<String>> {
    let mut reasons = Vec::new();
    let email = row.get("email").to_lowercase();
    let stored = by_email.get(&email).copied();
    if let Some(lines) = repeated.get(&email) {
        reasons.push(format!(
            "{email} appears more than once, on lines {}. Keep one row for each person.",
            lines
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let roles = roles_in(row.get("roles")).map_err(|r| reasons.push(r)).ok();
    let level = level_in(row.get("career_level"))
        .map_err(|r| reasons.push(r))
        .ok();
    let start_date = match row.get("start_date") {
        "" => stored.and_then(|p| p.start_date.clone()),
        cell => date_in(cell).map_err(|r| reasons.push(r)).ok(),
    };
    let team = match row.get("team") {
        "" => stored.and_then(|p| p.team.clone()),
        name => {
            let lower = name.to_lowercase();
            let found = ctx
                .teams
                .iter()
                .find(|(_, n)| n.to_lowercase() == lower)
                .map(|(k, _)| k.clone());
            if found.is_none() {
                reasons.push(format!(
                    "team: there is no team called \"{name}\". Add it on the Teams page first, or check the spelling."
                ));
            }
            found
        }
    };
    let line_manager = match row.get("line_manager_email").to_lowercase() {
        manager if manager.is_empty() => stored.and_then(|p| p.line_manager.clone()),
        manager if manager == email => {
            reasons.push("line_manager_email: a person cannot be their own line manager.".into());
            None
        }
        manager => match (by_email.get(&manager), keys.get(&manager)) {
            (Some(p), _) if !p.active => {
                reasons.push(format!(
                    "line_manager_email: {manager} has left the council."
                ));
                None
            }
            (_, Some(key)) => Some(key.clone()),
            (Some(p), None) => Some(p.id.clone()),
            (None, None) => {
                reasons.push(format!(
                    "line_manager_email: nobody with the email {manager} is in Pathway or in this file."
                ));
                None
            }
        },
    };
    if let (Some(before), Some(roles)) = (stored, &roles)
        && before.id == ctx.importer
        && before.roles.iter().any(|r| r == "admin")
        && !roles.iter().any(|r| r == "admin")
    {
        reasons.push("roles: you cannot take away your own admin role by import.".into());
    }
    // The person form's own checks, for the name, email, job title and registration number.
    let form = PersonForm {
        name: row.get("name").to_string(),
        email: email.clone(),
        career_level: level.clone().unwrap_or_else(|| "social_worker".into()),
        job_title: keep_or(
            row.get("job_title"),
            stored.and_then(|p| p.job_title.as_ref()),
        )
        .unwrap_or_default(),
        swe_number: keep_or(
            row.get("swe_number"),
            stored.and_then(|p| p.swe_number.as_ref()),
        )
        .unwrap_or_default(),
        role_practitioner: Some("on".into()),
        ..PersonForm::default()
    };
    let input = match form.validate(false) {
        Ok(input) => Some(input),
        Err(errors) => {
            for (field, message) in errors.0 {
                reasons.push(format!("{field}: {message}"));
            }
            None
        }
    };
    match (input, roles, level, reasons.is_empty()) {
        (Some(input), Some(roles), Some(career_level), true) => Ok(Person {
            id: keys.get(&email).cloned().unwrap_or_default(),
            email: input.email,
            name: input.name,
            career_level,
            roles,
            team,
            line_manager,
            job_title: input.job_title,
            start_date,
            swe_number: input.swe_number,
            active: stored.is_none_or(|p| p.active),
        }),
        _ => Err(reasons),
    }
}

fn differences(
    before: &Person,
    after: &Person,
    teams: &HashMap<&str, &str>,
    people: &[Person],
) -> Vec<String> {
    let team = |t: &Option<String>| {
        t.as_deref()
            .map(|k| teams.get(k).copied().unwrap_or(k).to_string())
            .unwrap_or_else(|| "none".into())
    };
    let person = |p: &Option<String>| {
        p.as_deref()
            .map(|k| {
                people
                    .iter()
                    .find(|x| x.id == k)
                    .map(|x| x.email.clone())
                    .unwrap_or_else(|| "someone new in this file".into())
            })
            .unwrap_or_else(|| "none".into())
    };
    let text = |t: &Option<String>| t.clone().unwrap_or_else(|| "none".into());
    let mut sorted_before = before.roles.clone();
    sorted_before.sort();
    let mut changes = Vec::new();
    let mut note = |name: &str, was: String, now: String| {
        if was != now {
            changes.push(format!("{name}: {was} → {now}"));
        }
    };
    note("name", before.name.clone(), after.name.clone());
    note(
        "career level",
        level_label(&before.career_level).into(),
        level_label(&after.career_level).into(),
    );
    note("roles", sorted_before.join(", "), after.roles.join(", "));
    note("team", team(&before.team), team(&after.team));
    note(
        "line manager",
        person(&before.line_manager),
        person(&after.line_manager),
    );
    note("job title", text(&before.job_title), text(&after.job_title));
    note(
        "start date",
        text(&before.start_date),
        text(&after.start_date),
    );
    note(
        "registration",
        text(&before.swe_number),
        text(&after.swe_number),
    );
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::imports::table::parse;

    fn people() -> Vec<Person> {
        vec![
            Person {
                id: "admin".into(),
                email: "admin@demo.test".into(),
                name: "Sam Admin".into(),
                career_level: "not_social_work".into(),
                roles: vec!["admin".into()],
                active: true,
                ..Person::default()
            },
            Person {
                id: "amira".into(),
                email: "amira.khan@demo.test".into(),
                name: "Amira Khan".into(),
                career_level: "social_worker".into(),
                roles: vec!["practitioner".into()],
                team: Some("north".into()),
                line_manager: Some("dan".into()),
                job_title: Some("Social Worker".into()),
                active: true,
                ..Person::default()
            },
            Person {
                id: "dan".into(),
                email: "dan@demo.test".into(),
                name: "Dan Okafor".into(),
                career_level: "team_manager".into(),
                roles: vec!["practitioner".into(), "supervisor".into()],
                team: Some("north".into()),
                active: true,
                ..Person::default()
            },
            Person {
                id: "gone".into(),
                email: "gone@demo.test".into(),
                name: "Connor Haigh".into(),
                career_level: "social_worker".into(),
                roles: vec!["practitioner".into()],
                active: false,
                ..Person::default()
            },
        ]
    }

    fn teams() -> Vec<(String, String)> {
        vec![
            ("north".into(), "Locality North".into()),
            ("south".into(), "Locality South".into()),
        ]
    }

    fn run(text: &str) -> (Vec<PlannedRow>, Vec<Write>) {
        let people = people();
        let teams = teams();
        let ctx = Context {
            people: &people,
            teams: &teams,
            importer: "admin",
        };
        let mut n = 0;
        plan(&parse(text, COLUMNS).unwrap(), &ctx, || {
            n += 1;
            format!("new{n}")
        })
    }

    const HEADER: &str =
        "email,name,career_level,roles,team,line_manager_email,job_title,start_date\n";

    #[test]
    fn the_same_people_again_change_nothing_and_blanks_keep_what_is_stored() {
        let (rows, writes) = run(&format!(
            "{HEADER}Amira.Khan@demo.test,Amira Khan,Social Worker,practitioner,Locality North,dan@demo.test,,\n"
        ));
        assert_eq!(rows[0].outcome, Outcome::Unchanged, "{:?}", rows[0].detail);
        assert!(writes.is_empty());
    }

    #[test]
    fn new_people_and_their_managers_from_the_same_file_are_created() {
        let (rows, writes) = run(&format!(
            "{HEADER}new.manager@demo.test,Nia Manager,team_manager,supervisor;practitioner,Locality South,,Team Manager,01/04/2025\n\
             new.worker@demo.test,Will Worker,nqsw,Practitioner,Locality South,new.manager@demo.test,,\n"
        ));
        assert_eq!(
            [rows[0].outcome, rows[1].outcome],
            [Outcome::Create, Outcome::Create]
        );
        assert_eq!(writes[0].person.id, "new1");
        assert_eq!(writes[0].person.roles, ["practitioner", "supervisor"]);
        assert_eq!(writes[0].person.start_date.as_deref(), Some("2025-04-01"));
        assert_eq!(writes[1].person.line_manager.as_deref(), Some("new1"));
        assert_eq!(writes[1].person.team.as_deref(), Some("south"));
    }

    #[test]
    fn a_change_says_what_changes() {
        let (rows, writes) = run(&format!(
            "{HEADER}amira.khan@demo.test,Amira Khan,senior social worker,practitioner,Locality South,dan@demo.test,,\n"
        ));
        assert_eq!(rows[0].outcome, Outcome::Change);
        assert_eq!(
            rows[0].detail,
            [
                "career level: Social Worker → Senior Social Worker",
                "team: Locality North → Locality South"
            ]
        );
        assert_eq!(writes.len(), 1);
        assert!(!writes[0].create);
        assert_eq!(writes[0].person.id, "amira");
    }

    #[test]
    fn bad_rows_are_refused_with_a_reason_each() {
        let (rows, writes) = run(&format!(
            "{HEADER}not-an-email,Someone,social_worker,practitioner,,,,\n\
             a@demo.test,A,wizard,practitioner,,,,\n\
             b@demo.test,B,social_worker,overlord,,,,\n\
             c@demo.test,C,social_worker,practitioner,Atlantis,,,\n\
             d@demo.test,D,social_worker,practitioner,,nobody@demo.test,,\n\
             e@demo.test,E,social_worker,practitioner,,gone@demo.test,,\n\
             f@demo.test,F,social_worker,practitioner,,,,31/02/2024\n\
             g@demo.test,G,social_worker,practitioner,,,,\n\
             G@demo.test,G again,social_worker,practitioner,,,,\n\
             admin@demo.test,Sam Admin,not_social_work,practitioner,,,,\n\
             h@demo.test,H,social_worker,practitioner,,h@demo.test,,\n"
        ));
        assert!(writes.is_empty());
        let reason = |i: usize| rows[i].detail.join(" | ");
        assert!(rows.iter().all(|r| r.outcome == Outcome::Refuse));
        assert!(reason(0).contains("email:"), "{}", reason(0));
        assert!(reason(1).contains("\"wizard\" is not a level"));
        assert!(reason(2).contains("\"overlord\" is not a role"));
        assert!(reason(3).contains("no team called \"Atlantis\""));
        assert!(reason(4).contains("nobody with the email nobody@demo.test"));
        assert!(reason(5).contains("has left"));
        assert!(reason(6).contains("\"31/02/2024\" is not a date"));
        assert!(reason(7).contains("lines 9, 10") && reason(8).contains("lines 9, 10"));
        assert!(reason(9).contains("your own admin role"));
        assert!(reason(10).contains("their own line manager"));
    }
}
