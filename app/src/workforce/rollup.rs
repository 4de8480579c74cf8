//! Team figures rolled up to services and the council for a chosen quarter, and the trend
//! across quarters. Pure, so the arithmetic is tested without a database.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::quarter::Quarter;
use super::rates::{
    Counts, Measures, absence_rate, agency_rate, caseload, turnover_rate, vacancy_rate,
};

/// A team or service as the roll-up needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// The service a team belongs to; `None` for a service.
    pub parent: Option<String>,
}

/// Every team's counts, by (team id, quarter).
pub type Figures = BTreeMap<(String, Quarter), Counts>;

/// A group's figures for one quarter, with the year to it for turnover.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Rolled {
    /// Stocks at the quarter, flows within it.
    pub counts: Counts,
    /// Starters and leavers over the four quarters ending with this one.
    pub starters_year: i64,
    pub leavers_year: i64,
    /// Whether all four of those quarters have figures (turnover needs a whole year).
    pub whole_year: bool,
    pub measures: Measures,
    /// Units in the group with figures for the quarter, and units in the group.
    pub reported: usize,
    pub expected: usize,
    /// Absence is health information: hidden for groups with fewer people than this.
    pub absence_hidden: bool,
}

/// The units whose figures make up `id`: itself and every team below it.
pub fn members<'a>(units: &'a [Unit], id: &str) -> Vec<&'a str> {
    let mut found: Vec<&'a str> = units
        .iter()
        .filter(|u| u.id == id)
        .map(|u| u.id.as_str())
        .collect();
    let mut next = 0;
    // Breadth first; a unit already found is not visited again, so a cycle cannot hang this.
    while next < found.len() {
        let parent = found[next];
        for unit in units {
            if unit.parent.as_deref() == Some(parent) && !found.contains(&unit.id.as_str()) {
                found.push(unit.id.as_str());
            }
        }
        next += 1;
    }
    found
}

/// Rolls the figures of `ids` up for `quarter`. `min_group` hides absence for small groups.
pub fn roll_up(figures: &Figures, ids: &[&str], quarter: Quarter, min_group: i64) -> Rolled {
    let at = |q: Quarter| -> Vec<&Counts> {
        ids.iter()
            .filter_map(|id| figures.get(&(id.to_string(), q)))
            .collect()
    };
    let now = at(quarter);
    let counts = Counts::sum(now.iter().copied());
    let year = quarter.window(4);
    let mut starters_year = 0;
    let mut leavers_year = 0;
    let mut quarters_with_figures = 0;
    for q in &year {
        let those = at(*q);
        if !those.is_empty() {
            quarters_with_figures += 1;
        }
        for c in those {
            starters_year += c.starters_fte;
            leavers_year += c.leavers_fte;
        }
    }
    let whole_year = quarters_with_figures == year.len();
    let absence_hidden = counts.headcount < min_group;
    let measures = Measures {
        vacancy: vacancy_rate(&counts),
        agency: agency_rate(&counts),
        turnover: whole_year
            .then(|| turnover_rate(leavers_year, counts.in_post_fte))
            .flatten(),
        caseload: caseload(&counts),
        absence: (!absence_hidden)
            .then(|| absence_rate(counts.days_lost, counts.in_post_fte, 1))
            .flatten(),
    };
    Rolled {
        counts,
        starters_year,
        leavers_year,
        whole_year,
        measures,
        reported: now.len(),
        expected: ids.len(),
        absence_hidden,
    }
}

/// The quarters that have any figures, oldest first.
pub fn quarters(figures: &Figures) -> Vec<Quarter> {
    let mut all: Vec<Quarter> = figures.keys().map(|(_, q)| *q).collect();
    all.sort();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(year: i32, n: u8) -> Quarter {
        Quarter::new(year, n).unwrap()
    }

    fn units() -> Vec<Unit> {
        let unit = |id: &str, parent: Option<&str>| Unit {
            id: id.into(),
            name: id.into(),
            parent: parent.map(Into::into),
        };
        vec![
            unit("localities", None),
            unit("north", Some("localities")),
            unit("south", Some("localities")),
            unit("front_door", None),
            unit("duty", Some("front_door")),
        ]
    }

    fn team(in_post: i64, vacancy: i64, leavers: i64) -> Counts {
        Counts {
            in_post_fte: in_post * 100,
            headcount: in_post,
            vacancy_fte: vacancy * 100,
            agency_fte: 100,
            leavers_fte: leavers * 100,
            cases: in_post * 16,
            case_holding_fte: in_post * 100,
            days_lost: in_post * 200,
            ..Counts::default()
        }
    }

    fn figures() -> Figures {
        let mut figures = Figures::new();
        for quarter in q(2026, 3).window(4) {
            figures.insert(("north".into(), quarter), team(10, 2, 1));
            figures.insert(("south".into(), quarter), team(8, 0, 0));
        }
        // Duty and Advice reported only the latest quarter.
        figures.insert(("duty".into(), q(2026, 3)), team(4, 1, 1));
        figures
    }

    #[test]
    fn a_service_is_its_teams_added_up() {
        let units = units();
        let ids = members(&units, "localities");
        assert_eq!(ids, ["localities", "north", "south"]);
        let rolled = roll_up(&figures(), &ids, q(2026, 3), 5);
        assert_eq!(rolled.counts.in_post_fte, 1_800);
        assert_eq!(rolled.counts.vacancy_fte, 200);
        // The service itself holds no figures of its own: two of three report.
        assert_eq!((rolled.reported, rolled.expected), (2, 3));
        assert_eq!(rolled.measures.vacancy, Some(2.0 / 20.0));
        assert_eq!(rolled.measures.caseload, Some(16.0));
    }

    #[test]
    fn turnover_needs_a_whole_year_and_counts_every_leaver_in_it() {
        let units = units();
        let localities = roll_up(&figures(), &members(&units, "localities"), q(2026, 3), 5);
        assert!(localities.whole_year);
        // North lost one FTE a quarter: 4 in the year, over 18 FTE in post.
        assert_eq!(localities.leavers_year, 400);
        assert_eq!(localities.measures.turnover, Some(4.0 / 18.0));
        let duty = roll_up(&figures(), &members(&units, "front_door"), q(2026, 3), 3);
        assert!(!duty.whole_year);
        assert_eq!(duty.measures.turnover, None);
        assert!(duty.measures.vacancy.is_some());
    }

    #[test]
    fn period_filters_pick_the_quarter_asked_for() {
        let units = units();
        let ids = members(&units, "front_door");
        let before = roll_up(&figures(), &ids, q(2026, 2), 3);
        assert_eq!(before.reported, 0);
        assert_eq!(before.measures.vacancy, None);
        let all = quarters(&figures());
        assert_eq!(all.first(), Some(&q(2025, 4)));
        assert_eq!(all.last(), Some(&q(2026, 3)));
    }

    #[test]
    fn absence_is_hidden_for_a_group_smaller_than_the_minimum() {
        let units = units();
        let duty = roll_up(&figures(), &members(&units, "duty"), q(2026, 3), 5);
        assert!(duty.absence_hidden);
        assert_eq!(duty.measures.absence, None);
        let north = roll_up(&figures(), &members(&units, "north"), q(2026, 3), 5);
        assert!(!north.absence_hidden);
        // 20 days over 10 FTE for a quarter (632.5 days available).
        assert_eq!(north.measures.absence, Some(2_000.0 / (1_000.0 * 63.25)));
    }
}
