//! The progression pipeline's distributions, from per-person facts: how ready people are for
//! their next step, how long they have held their level, and where the ASYE cohort stands.
//! Pure, so the banding is tested without a database.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::progression::model::Readiness;
use crate::surveys::model::OptionCount;

pub const READINESS_BANDS: [&str; 4] = [
    "Not started",
    "Under half signed off",
    "Half or more signed off",
    "Ready for their next step",
];

pub const TIME_IN_LEVEL_BANDS: [&str; 4] = [
    "Under a year",
    "1 to 2 years",
    "2 to 5 years",
    "5 years or more",
];

/// Which readiness band a person is in.
pub fn readiness_band(r: &Readiness) -> usize {
    if r.met() {
        3
    } else if r.percent() >= 50 {
        2
    } else if r.signed_off > 0 {
        1
    } else {
        0
    }
}

/// Which time-in-level band a level held since `since` is in on `today`.
pub fn time_band(since: Date, today: Date) -> usize {
    let days = (today - since).whole_days();
    match days {
        ..365 => 0,
        365..730 => 1,
        730..1826 => 2,
        _ => 3,
    }
}

/// Counts per band as bars, with each band's share of the total in tenths of a percent.
pub fn bars(labels: &[&str], counts: &[u64]) -> Vec<OptionCount> {
    let total: u64 = counts.iter().sum();
    labels
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (label, n))| OptionCount {
            value: i.to_string(),
            label: label.to_string(),
            n: *n,
            percent: (total > 0).then(|| (*n as i64 * 1000 + total as i64 / 2) / total as i64),
        })
        .collect()
}

/// The ASYE cohort at a glance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AsyeSummary {
    pub active: u64,
    pub on_track: u64,
    pub overdue: u64,
    /// Active programmes whose expected end is more than a year after their start (paused).
    pub extended: u64,
    pub passed: u64,
    pub not_passed: u64,
}

/// One programme's facts: status, start and expected end (ISO dates), whether anything is overdue.
pub fn asye_summary<'a>(
    rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str, bool)>,
) -> AsyeSummary {
    let mut s = AsyeSummary::default();
    for (status, start, end, overdue) in rows {
        match status {
            "active" => {
                s.active += 1;
                if overdue {
                    s.overdue += 1;
                } else {
                    s.on_track += 1;
                }
                let start = crate::dates::parse_date(start);
                let end = crate::dates::parse_date(end);
                if let (Some(start), Some(end)) = (start, end)
                    && (end - start).whole_days() > 366
                {
                    s.extended += 1;
                }
            }
            "passed" => s.passed += 1,
            _ => s.not_passed += 1,
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn readiness(signed_off: u32, total: u32, required: u32) -> Readiness {
        Readiness {
            signed_off,
            total,
            required,
        }
    }

    #[test]
    fn readiness_falls_into_one_band_each() {
        assert_eq!(readiness_band(&readiness(0, 27, 27)), 0);
        assert_eq!(readiness_band(&readiness(5, 27, 27)), 1);
        assert_eq!(readiness_band(&readiness(14, 27, 27)), 2);
        assert_eq!(readiness_band(&readiness(27, 27, 27)), 3);
        // A panel step needs 80%: enough signed off is ready, even short of all.
        assert_eq!(readiness_band(&readiness(22, 27, 22)), 3);
        // No criteria at all (a level at the top of the pathway) is not "ready".
        assert_eq!(readiness_band(&readiness(0, 0, 0)), 0);
    }

    #[test]
    fn time_in_level_counts_whole_years() {
        let today = date!(2026 - 12 - 02);
        assert_eq!(time_band(date!(2026 - 01 - 01), today), 0);
        assert_eq!(time_band(date!(2025 - 12 - 02), today), 1);
        assert_eq!(time_band(date!(2024 - 06 - 01), today), 2);
        assert_eq!(time_band(date!(2010 - 04 - 12), today), 3);
    }

    #[test]
    fn bars_carry_each_share_of_the_total() {
        let bars = bars(&READINESS_BANDS, &[1, 2, 0, 1]);
        assert_eq!(bars[1].n, 2);
        assert_eq!(bars[1].percent, Some(500));
        assert_eq!(bars[2].percent, Some(0));
        assert!(
            super::bars(&READINESS_BANDS, &[0, 0, 0, 0])
                .iter()
                .all(|b| b.percent.is_none())
        );
    }

    #[test]
    fn the_cohort_is_summed_by_state() {
        let s = asye_summary([
            ("active", "2026-09-07", "2027-09-06", false),
            ("active", "2026-01-05", "2027-02-15", true),
            ("active", "2026-03-02", "2027-03-01", true),
            ("passed", "2025-01-06", "2026-01-05", false),
            ("not_passed", "2024-09-02", "2025-09-01", false),
        ]);
        assert_eq!(
            s,
            AsyeSummary {
                active: 3,
                on_track: 1,
                overdue: 2,
                extended: 1,
                passed: 1,
                not_passed: 1
            }
        );
    }
}

/// Drops the periods before anything was recorded, so a trend starts when the records do
/// rather than with a run of zeros from before the council used Pathway.
pub fn from_first_record(
    labels: Vec<String>,
    values: Vec<Option<f64>>,
) -> (Vec<String>, Vec<Option<f64>>) {
    let first = values
        .iter()
        .position(|v| v.is_some_and(|v| v > 0.0))
        .unwrap_or(values.len().saturating_sub(1));
    (
        labels.into_iter().skip(first).collect(),
        values.into_iter().skip(first).collect(),
    )
}

#[cfg(test)]
mod trend_tests {
    use super::*;

    #[test]
    fn a_trend_starts_with_the_first_records() {
        let labels: Vec<String> = ["Q1", "Q2", "Q3", "Q4"].map(String::from).to_vec();
        let (l, v) = from_first_record(
            labels.clone(),
            vec![Some(0.0), Some(0.0), Some(5.0), Some(0.0)],
        );
        assert_eq!(l, ["Q3", "Q4"]);
        assert_eq!(v, [Some(5.0), Some(0.0)]);
        // Nothing at all keeps the last period, so the chart still says "0".
        let (l, _) = from_first_record(labels, vec![Some(0.0); 4]);
        assert_eq!(l, ["Q4"]);
    }
}

/// Resources by share of "useful" answers, best first; only those with at least `min`
/// answers, so one vote does not top the list.
pub fn rank_useful(
    mut rows: Vec<(String, String, u64, u64)>,
    min: u64,
) -> Vec<(String, String, u64, u64)> {
    rows.retain(|(_, _, yes, no)| yes + no >= min);
    // Compare yes/(yes+no) exactly by cross-multiplying; more answers first among equals.
    rows.sort_by(|a, b| {
        let (ay, an, by, bn) = (a.2, a.3, b.2, b.3);
        (by * (ay + an))
            .cmp(&(ay * (by + bn)))
            .then((by + bn).cmp(&(ay + an)))
            .then(a.1.cmp(&b.1))
    });
    rows
}

#[cfg(test)]
mod useful_tests {
    use super::*;

    #[test]
    fn resources_rank_by_their_share_of_useful_answers() {
        let row = |k: &str, yes, no| (k.to_string(), k.to_string(), yes, no);
        let ranked = rank_useful(
            vec![
                row("a", 3, 1),
                row("b", 1, 0),
                row("c", 9, 1),
                row("d", 1, 3),
                row("e", 6, 2),
            ],
            3,
        );
        let keys: Vec<&str> = ranked.iter().map(|r| r.0.as_str()).collect();
        // b has one answer only; a and e are both 75%, e with more answers first.
        assert_eq!(keys, ["c", "e", "a", "d"]);
    }
}
