//! Planning a workforce figures import: each row checked as the form checks it, matched to
//! a team by name and to what is stored for its quarter.

use super::model::{Outcome, PlannedRow};
use super::table::{Column, Table, duplicates};
use crate::workforce::form::{FIELDS, FiguresForm, value_of};
use crate::workforce::quarter::Quarter;
use crate::workforce::rates::{Counts, show_hundredths};
use crate::workforce::rollup::{Figures, Unit};

pub const COLUMNS: &[Column] = &[
    Column {
        name: "team",
        required: true,
        help: "",
    },
    Column {
        name: "quarter",
        required: true,
        help: "",
    },
    Column {
        name: "in_post_fte",
        required: true,
        help: "",
    },
    Column {
        name: "headcount",
        required: true,
        help: "",
    },
    Column {
        name: "vacancy_fte",
        required: true,
        help: "",
    },
    Column {
        name: "agency_fte",
        required: true,
        help: "",
    },
    Column {
        name: "starters_fte",
        required: true,
        help: "",
    },
    Column {
        name: "leavers_fte",
        required: true,
        help: "",
    },
    Column {
        name: "cases",
        required: true,
        help: "",
    },
    Column {
        name: "case_holding_fte",
        required: true,
        help: "",
    },
    Column {
        name: "days_lost",
        required: true,
        help: "",
    },
];

/// A team named in a file: by its name (any case), or by its key.
pub fn find_team<'a>(units: &'a [Unit], named: &str) -> Option<&'a Unit> {
    let lower = named.trim().to_lowercase();
    units
        .iter()
        .find(|u| u.name.to_lowercase() == lower)
        .or_else(|| units.iter().find(|u| u.id == named.trim()))
}

/// The quarters a table's rows name, for loading what is stored.
pub fn quarters_named(table: &Table) -> Vec<Quarter> {
    let mut quarters: Vec<Quarter> = table
        .rows
        .iter()
        .filter_map(|r| Quarter::parse(r.get("quarter")))
        .collect();
    quarters.sort();
    quarters.dedup();
    quarters
}

pub type Write = (String, Quarter, Counts);

pub fn plan(
    table: &Table,
    units: &[Unit],
    stored: &Figures,
    current: Quarter,
) -> (Vec<PlannedRow>, Vec<Write>) {
    let keyed = table.rows.iter().map(|row| {
        let key = match (
            find_team(units, row.get("team")),
            Quarter::parse(row.get("quarter")),
        ) {
            (Some(team), Some(quarter)) => format!("{} {}", team.id, quarter.key()),
            _ => String::new(),
        };
        (row.line, key)
    });
    let repeated = duplicates(keyed);
    let mut planned = Vec::with_capacity(table.rows.len());
    let mut writes = Vec::new();
    for row in &table.rows {
        let label = format!("{}, {}", row.get("team"), row.get("quarter"));
        let mut reasons = Vec::new();
        let team = find_team(units, row.get("team"));
        if row.get("team").is_empty() {
            reasons.push("team: enter the team's name.".to_string());
        } else if team.is_none() {
            reasons.push(format!(
                "team: there is no team called \"{}\". Add it on the Teams page first, or check the spelling.",
                row.get("team")
            ));
        }
        let quarter = Quarter::parse(row.get("quarter"));
        match quarter {
            None => reasons.push("quarter: write the quarter like 2026-Q3.".to_string()),
            Some(q) if q > current => {
                reasons.push(format!("quarter: {} has not started yet.", q.key()))
            }
            Some(_) => {}
        }
        let mut form = FiguresForm::default();
        for (field, ..) in FIELDS {
            form.set(field, row.get(field).to_string());
        }
        let counts = match form.validate() {
            Ok(counts) => Some(counts),
            Err(errors) => {
                reasons.extend(errors.0.values().cloned());
                None
            }
        };
        if let (Some(team), Some(quarter)) = (team, quarter)
            && let Some(lines) = repeated.get(&format!("{} {}", team.id, quarter.key()))
        {
            reasons.push(format!(
                "{} {} appears more than once, on lines {}. Keep one row for each team and quarter.",
                team.name,
                quarter.key(),
                lines.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
            ));
        }
        let (Some(team), Some(quarter), Some(counts), true) =
            (team, quarter, counts, reasons.is_empty())
        else {
            planned.push(PlannedRow {
                line: row.line,
                label,
                outcome: Outcome::Refuse,
                detail: reasons,
            });
            continue;
        };
        let label = format!("{}, {}", team.name, quarter.key());
        let (outcome, detail) = match stored.get(&(team.id.clone(), quarter)) {
            None => (Outcome::Create, Vec::new()),
            Some(before) if *before == counts => (Outcome::Unchanged, Vec::new()),
            Some(before) => (Outcome::Change, differences(before, &counts)),
        };
        if outcome != Outcome::Unchanged {
            writes.push((team.id.clone(), quarter, counts));
        }
        planned.push(PlannedRow {
            line: row.line,
            label,
            outcome,
            detail,
        });
    }
    (planned, writes)
}

fn differences(before: &Counts, after: &Counts) -> Vec<String> {
    FIELDS
        .iter()
        .filter_map(|(field, label, kind)| {
            let (was, now) = (value_of(before, field), value_of(after, field));
            let show = |v: i64| match kind {
                crate::workforce::form::Kind::Whole => v.to_string(),
                _ => show_hundredths(v),
            };
            (was != now).then(|| format!("{label}: {} → {}", show(was), show(now)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::imports::table::parse;

    fn units() -> Vec<Unit> {
        vec![
            Unit {
                id: "localities".into(),
                name: "Localities".into(),
                parent: None,
            },
            Unit {
                id: "north".into(),
                name: "Locality North".into(),
                parent: Some("localities".into()),
            },
        ]
    }

    const HEADER: &str = "team,quarter,in_post_fte,headcount,vacancy_fte,agency_fte,starters_fte,leavers_fte,cases,case_holding_fte,days_lost\n";

    fn q(text: &str) -> Quarter {
        Quarter::parse(text).unwrap()
    }

    #[test]
    fn rows_are_created_changed_or_left_alone() {
        let text = format!(
            "{HEADER}Locality North,2026-Q2,10,11,2,1,0.5,1,160,9.5,20\nlocality north,2026-Q3,10.5,11,1.5,1,1,0,150,9.5,18\n"
        );
        let table = parse(&text, COLUMNS).unwrap();
        let mut stored = Figures::new();
        let (_, first) = plan(&table, &units(), &stored, q("2026-Q4"));
        assert_eq!(first.len(), 2);
        for (team, quarter, counts) in &first {
            stored.insert((team.clone(), *quarter), *counts);
        }
        // The same file again changes nothing.
        let (rows, writes) = plan(&table, &units(), &stored, q("2026-Q4"));
        assert!(writes.is_empty());
        assert!(rows.iter().all(|r| r.outcome == Outcome::Unchanged));
        // One figure different is a change that names it.
        let edited = text.replace("10.5,11,1.5", "10.5,11,2.5");
        let (rows, writes) = plan(
            &parse(&edited, COLUMNS).unwrap(),
            &units(),
            &stored,
            q("2026-Q4"),
        );
        assert_eq!(writes.len(), 1);
        assert_eq!(rows[1].outcome, Outcome::Change);
        assert_eq!(rows[1].detail, ["Vacancies FTE: 1.5 → 2.5"]);
    }

    #[test]
    fn unknown_teams_bad_quarters_bad_numbers_and_repeats_are_refused() {
        let text = format!(
            "{HEADER}Locality Nowhere,2026-Q2,10,11,2,1,0,1,160,9.5,20\n\
             Locality North,2026-Q9,10,11,2,1,0,1,160,9.5,20\n\
             Locality North,2027-Q1,10,11,2,1,0,1,160,9.5,20\n\
             Locality North,2026-Q1,ten,11,2,1,0,1,160,9.5,20\n\
             Locality North,2026-Q2,10,11,2,1,0,1,160,9.5,20\n\
             Locality North,2026-Q2,10,11,2,1,0,1,160,9.5,20\n"
        );
        let (rows, writes) = plan(
            &parse(&text, COLUMNS).unwrap(),
            &units(),
            &Figures::new(),
            q("2026-Q4"),
        );
        assert!(writes.is_empty(), "nothing is written from these rows");
        assert!(rows.iter().all(|r| r.outcome == Outcome::Refuse));
        assert!(rows[0].detail[0].contains("no team called \"Locality Nowhere\""));
        assert!(rows[1].detail[0].contains("like 2026-Q3"));
        assert!(rows[2].detail[0].contains("has not started"));
        assert!(rows[3].detail[0].starts_with("In-post FTE"));
        assert!(
            rows[4].detail[0].contains("lines 6, 7"),
            "{:?}",
            rows[4].detail
        );
    }
}
