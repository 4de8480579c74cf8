//! The demo council's workforce figures (server only): eight quarters for each case-holding
//! team, ending with the last complete quarter, that tell a plausible improvement story.
//! Vacancies and agency cover fall as the academy grows its own social workers, caseloads
//! come down towards the national average, and fewer people leave. Synthetic throughout.

use surrealdb::types::RecordId;
use time::Date;

use crate::db::Db;
use crate::error::AppResult;
use crate::workforce::quarter::Quarter;
use crate::workforce::rates::Counts;
use crate::workforce::store;

pub const QUARTERS: usize = 8;

/// (team key, establishment FTE, how hard the team was hit at the start, 0 to 10).
const TEAMS: &[(&str, i64, i64)] = &[
    ("duty_advice", 14, 9),
    ("locality_north", 16, 7),
    ("locality_south", 15, 10),
    ("lac_13_plus", 12, 6),
    ("complex_health", 9, 4),
    ("fostering", 10, 3),
];

/// The quarters seeded for a council seeded on `today`.
pub fn seeded_quarters(today: Date) -> Vec<Quarter> {
    Quarter::of(today).previous().window(QUARTERS)
}

/// A small, repeatable wobble so the lines are not straight: -2 to 2.
fn wobble(team: usize, quarter: usize) -> i64 {
    ((team * 7 + quarter * 5) % 5) as i64 - 2
}

/// One team's counts in quarter `i` of the eight (0 is the oldest).
pub fn team_counts(team: usize, establishment: i64, strain: i64, i: usize) -> Counts {
    let e = establishment * 100;
    let i64i = i as i64;
    let last = (QUARTERS - 1) as i64;
    // Vacancy share in tenths of a percent: from 150 + strain*12 down to 80 + strain*5.
    let start = 150 + strain * 12;
    let end = 80 + strain * 5;
    let vacancy_share = start - (start - end) * i64i / last + wobble(team, i) * 6;
    let vacancy = round_tenth(e * vacancy_share / 1000);
    let in_post = e - vacancy;
    // Agency workers cover most vacancies at first, far fewer once the academy's NQSWs arrive.
    let cover = 85 - 55 * i64i / last;
    let agency = round_tenth(vacancy * cover / 100);
    let headcount = (in_post + 99) / 100 + i64::from(i % 3 == 0);
    // Leavers per quarter, as tenths of a percent of those in post: 5.0% falling to 2.8%.
    let leave_share = 50 + strain * 2 - (22 + strain * 2) * i64i / last + wobble(team, i + 3);
    let leavers = round_tenth(in_post * leave_share / 1000);
    let starters = round_tenth(leavers + e * 6 / 1000 + 10 * i64::from(i % 2 == 1));
    let case_holding = round_tenth((in_post + agency) * 88 / 100);
    // Caseload in tenths: from 19.0 plus strain down to 15.6.
    let caseload = 190 + strain * 2 - (34 + strain * 2) * i64i / last + wobble(team, i + 1) * 2;
    let cases = case_holding * caseload / 1000;
    // Absence in hundredths of a percent: 4.5% to 3.1%.
    let absence = 450 - 140 * i64i / last + wobble(team, i + 2) * 10;
    let days_lost = in_post * 6325 / 100 * absence / 10_000;
    Counts {
        in_post_fte: in_post,
        headcount,
        vacancy_fte: vacancy,
        agency_fte: agency,
        starters_fte: starters,
        leavers_fte: leavers,
        cases,
        case_holding_fte: case_holding,
        days_lost,
    }
}

/// FTE are reported to one decimal place.
fn round_tenth(hundredths: i64) -> i64 {
    (hundredths.max(0) + 5) / 10 * 10
}

/// Every seeded row: (team key, quarter, counts).
pub fn demo_figures(today: Date) -> Vec<(String, Quarter, Counts)> {
    let quarters = seeded_quarters(today);
    let mut rows = Vec::new();
    for (t, (team, establishment, strain)) in TEAMS.iter().enumerate() {
        for (i, quarter) in quarters.iter().enumerate() {
            rows.push((
                format!("demo_{team}"),
                *quarter,
                team_counts(t, *establishment, *strain, i),
            ));
        }
    }
    rows
}

pub async fn has_workforce(db: &Db, org: &RecordId) -> AppResult<bool> {
    Ok(!store::quarters(db, &crate::db::key(org)).await?.is_empty())
}

pub async fn seed_workforce(db: &Db, org: &RecordId, today: Date) -> AppResult<()> {
    store::save(db, &crate::db::key(org), None, &demo_figures(today)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workforce::form::FiguresForm;
    use crate::workforce::rates::{Counts, agency_rate, caseload, vacancy_rate};
    use time::macros::date;

    #[test]
    fn every_seeded_row_passes_the_checks_a_person_would_face() {
        for (team, quarter, counts) in demo_figures(date!(2026 - 12 - 02)) {
            let form = FiguresForm::from_counts(&counts);
            assert_eq!(form.validate(), Ok(counts), "{team} {quarter}");
        }
    }

    #[test]
    fn the_figures_improve_over_the_eight_quarters() {
        let rows = demo_figures(date!(2026 - 12 - 02));
        let quarters = seeded_quarters(date!(2026 - 12 - 02));
        assert_eq!(quarters.first().map(|q| q.key()), Some("2024-Q4".into()));
        assert_eq!(quarters.last().map(|q| q.key()), Some("2026-Q3".into()));
        let council =
            |q: Quarter| Counts::sum(rows.iter().filter(|(_, at, _)| *at == q).map(|(_, _, c)| c));
        let first = council(quarters[0]);
        let last = council(quarters[QUARTERS - 1]);
        assert!(vacancy_rate(&first) > vacancy_rate(&last));
        assert!(agency_rate(&first) > Some(0.15) && agency_rate(&last) < Some(0.06));
        assert!(caseload(&first) > Some(18.0) && caseload(&last) < Some(16.5));
        // Ending better than the England 2023 figures, as the story goes.
        assert!(vacancy_rate(&last) < Some(0.15));
    }
}
