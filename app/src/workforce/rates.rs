//! The DfE children's social work workforce measures, from the counts a council returns each
//! year, and the published benchmarks to read them against. Rates are computed from summed
//! counts, never by averaging rates, so a team of three weighs what it holds.

use serde::{Deserialize, Serialize};

/// Working days a full-time worker is available in a year (the DfE's figure: 52 weeks of
/// five days, less bank holidays and annual leave). A quarter counts for a quarter of it.
pub const WORKING_DAYS_PER_YEAR: f64 = 253.0;

/// One team's figures for one quarter. FTE are in hundredths, so sums are exact and a
/// re-imported file compares equal to what is stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub in_post_fte: i64,
    pub headcount: i64,
    pub vacancy_fte: i64,
    pub agency_fte: i64,
    pub starters_fte: i64,
    pub leavers_fte: i64,
    pub cases: i64,
    pub case_holding_fte: i64,
    /// Working days lost to sickness absence, in hundredths of a day.
    pub days_lost: i64,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.in_post_fte += other.in_post_fte;
        self.headcount += other.headcount;
        self.vacancy_fte += other.vacancy_fte;
        self.agency_fte += other.agency_fte;
        self.starters_fte += other.starters_fte;
        self.leavers_fte += other.leavers_fte;
        self.cases += other.cases;
        self.case_holding_fte += other.case_holding_fte;
        self.days_lost += other.days_lost;
    }

    pub fn sum<'a>(all: impl IntoIterator<Item = &'a Counts>) -> Counts {
        let mut total = Counts::default();
        for counts in all {
            total.add(counts);
        }
        total
    }
}

fn ratio(numerator: i64, denominator: i64) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

/// Vacancy FTE / (vacancy FTE + in-post FTE).
pub fn vacancy_rate(c: &Counts) -> Option<f64> {
    ratio(c.vacancy_fte, c.vacancy_fte + c.in_post_fte)
}

/// Agency FTE / (agency FTE + in-post FTE).
pub fn agency_rate(c: &Counts) -> Option<f64> {
    ratio(c.agency_fte, c.agency_fte + c.in_post_fte)
}

/// Leavers FTE over a year / in-post FTE at its end.
pub fn turnover_rate(leavers_fte: i64, in_post_fte: i64) -> Option<f64> {
    ratio(leavers_fte, in_post_fte)
}

/// Cases / case-holding FTE: the average caseload.
pub fn caseload(c: &Counts) -> Option<f64> {
    ratio(c.cases * 100, c.case_holding_fte)
}

/// Working days lost / working days available, for a period of `quarters` quarters.
pub fn absence_rate(days_lost: i64, in_post_fte: i64, quarters: u32) -> Option<f64> {
    let available = in_post_fte as f64 * WORKING_DAYS_PER_YEAR * quarters as f64 / 4.0;
    (available > 0.0).then(|| days_lost as f64 / available)
}

/// The five measures for one group and period, as fractions (caseload as cases per FTE).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Measures {
    pub vacancy: Option<f64>,
    pub agency: Option<f64>,
    pub turnover: Option<f64>,
    pub caseload: Option<f64>,
    pub absence: Option<f64>,
}

/// A published comparison: the DfE's figures for a year and area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    pub name: String,
    pub measures: Measures,
}

/// England and Yorkshire and the Humber, 2023 (DfE, children's social work workforce).
/// Derived from the published counts with the same formulas, so they compare like for like.
pub fn benchmarks() -> Vec<Benchmark> {
    let england = Counts {
        in_post_fte: 3_311_910,
        vacancy_fte: 772_270,
        agency_fte: 717_350,
        leavers_fte: 525_460,
        starters_fte: 602_750,
        cases: 337_055,
        case_holding_fte: 2_111_140,
        ..Counts::default()
    };
    let yorkshire = Counts {
        in_post_fte: 370_270,
        vacancy_fte: 65_930,
        agency_fte: 69_590,
        cases: 38_010,
        case_holding_fte: 230_940,
        ..Counts::default()
    };
    vec![
        Benchmark {
            name: "England 2023".into(),
            measures: Measures {
                vacancy: vacancy_rate(&england),
                agency: agency_rate(&england),
                turnover: turnover_rate(england.leavers_fte, england.in_post_fte),
                caseload: caseload(&england),
                absence: Some(0.032),
            },
        },
        Benchmark {
            name: "Yorkshire and the Humber 2023".into(),
            measures: Measures {
                vacancy: vacancy_rate(&yorkshire),
                agency: agency_rate(&yorkshire),
                // Published as a rate: leavers FTE are not given for the region.
                turnover: Some(0.144),
                caseload: caseload(&yorkshire),
                absence: Some(0.033),
            },
        },
    ]
}

/// "18.9%", or "–" when there is nothing to divide by.
pub fn show_rate(rate: Option<f64>) -> String {
    rate.map(|r| format!("{:.1}%", r * 100.0))
        .unwrap_or_else(|| "–".into())
}

pub fn show_caseload(caseload: Option<f64>) -> String {
    caseload
        .map(|c| format!("{c:.1}"))
        .unwrap_or_else(|| "–".into())
}

/// Hundredths as people read them: "33,119.1" FTE, trailing zeros dropped.
pub fn show_hundredths(value: i64) -> String {
    let whole = value / 100;
    let part = (value % 100).abs();
    let mut digits = whole.abs().to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    let sign = if value < 0 { "-" } else { "" };
    let fraction = match part {
        0 => String::new(),
        p if p % 10 == 0 => format!(".{}", p / 10),
        p => format!(".{p:02}"),
    };
    format!("{sign}{digits}{grouped}{fraction}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(rate: Option<f64>, expected: f64, places: i32) {
        let factor = 10f64.powi(places);
        let rate = rate.expect("a rate");
        assert_eq!(
            (rate * factor).round() / factor,
            expected,
            "{rate} rounds to {expected}"
        );
    }

    #[test]
    fn the_formulas_reproduce_england_2023() {
        let england = &benchmarks()[0].measures;
        close(england.vacancy, 0.189, 3);
        close(england.agency, 0.178, 3);
        close(england.turnover, 0.159, 3);
        close(england.caseload, 16.0, 1);
        assert_eq!(show_rate(england.vacancy), "18.9%");
        assert_eq!(show_rate(england.agency), "17.8%");
        assert_eq!(show_rate(england.turnover), "15.9%");
        assert_eq!(show_caseload(england.caseload), "16.0");
    }

    #[test]
    fn the_formulas_reproduce_yorkshire_and_the_humber_2023() {
        let region = &benchmarks()[1].measures;
        assert_eq!(show_rate(region.vacancy), "15.1%");
        assert_eq!(show_rate(region.agency), "15.8%");
        assert_eq!(show_caseload(region.caseload), "16.5");
    }

    #[test]
    fn nothing_to_divide_by_is_no_rate_not_zero_or_infinity() {
        let empty = Counts::default();
        assert_eq!(vacancy_rate(&empty), None);
        assert_eq!(agency_rate(&empty), None);
        assert_eq!(caseload(&empty), None);
        assert_eq!(turnover_rate(100, 0), None);
        assert_eq!(absence_rate(500, 0, 1), None);
        assert_eq!(show_rate(None), "–");
    }

    #[test]
    fn absence_counts_the_days_available_in_the_period() {
        // 10 FTE for a quarter have 632.5 days; 20.24 days lost is 3.2%.
        close(absence_rate(2_024, 1_000, 1), 0.032, 4);
        // The same days over a whole year are a quarter of the rate.
        close(absence_rate(2_024, 1_000, 4), 0.008, 4);
    }

    #[test]
    fn sums_weigh_each_team_by_its_size() {
        let small = Counts {
            in_post_fte: 300,
            vacancy_fte: 100,
            ..Counts::default()
        };
        let large = Counts {
            in_post_fte: 2_700,
            vacancy_fte: 0,
            ..Counts::default()
        };
        // Averaging the two rates would say 12.5%; the council has 1 vacancy in 31.
        close(vacancy_rate(&Counts::sum([&small, &large])), 0.032, 3);
    }

    #[test]
    fn hundredths_show_as_people_write_them() {
        assert_eq!(show_hundredths(3_311_910), "33,119.1");
        assert_eq!(show_hundredths(1_250), "12.5");
        assert_eq!(show_hundredths(1_205), "12.05");
        assert_eq!(show_hundredths(700), "7");
        assert_eq!(show_hundredths(0), "0");
    }
}
