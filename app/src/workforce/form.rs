//! One team's quarter as typed into the form or read from a CSV row: strings in, checked
//! counts out, with a message per field a person can act on.

use serde::{Deserialize, Serialize};

use super::rates::Counts;
use crate::error::FieldErrors;

/// The fields of a quarter's figures, in form and file order: (name, label, kind).
pub const FIELDS: &[(&str, &str, Kind)] = &[
    ("in_post_fte", "In-post FTE", Kind::Fte),
    ("headcount", "In-post headcount", Kind::Whole),
    ("vacancy_fte", "Vacancies FTE", Kind::Fte),
    ("agency_fte", "Agency FTE", Kind::Fte),
    ("starters_fte", "Starters FTE", Kind::Fte),
    ("leavers_fte", "Leavers FTE", Kind::Fte),
    ("cases", "Cases held", Kind::Whole),
    ("case_holding_fte", "Case-holding FTE", Kind::Fte),
    ("days_lost", "Working days lost to sickness", Kind::Days),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Fte,
    Whole,
    Days,
}

/// Generous ceilings that still catch a figure typed into the wrong box.
const MAX_FTE: i64 = 10_000 * 100;
const MAX_WHOLE: i64 = 1_000_000;
/// The most working days a quarter can hold for one FTE (13 weeks of five days).
const DAYS_PER_QUARTER: i64 = 65;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FiguresForm {
    #[serde(default)]
    pub in_post_fte: String,
    #[serde(default)]
    pub headcount: String,
    #[serde(default)]
    pub vacancy_fte: String,
    #[serde(default)]
    pub agency_fte: String,
    #[serde(default)]
    pub starters_fte: String,
    #[serde(default)]
    pub leavers_fte: String,
    #[serde(default)]
    pub cases: String,
    #[serde(default)]
    pub case_holding_fte: String,
    #[serde(default)]
    pub days_lost: String,
}

impl FiguresForm {
    pub fn get(&self, field: &str) -> &str {
        match field {
            "in_post_fte" => &self.in_post_fte,
            "headcount" => &self.headcount,
            "vacancy_fte" => &self.vacancy_fte,
            "agency_fte" => &self.agency_fte,
            "starters_fte" => &self.starters_fte,
            "leavers_fte" => &self.leavers_fte,
            "cases" => &self.cases,
            "case_holding_fte" => &self.case_holding_fte,
            _ => &self.days_lost,
        }
    }

    pub fn set(&mut self, field: &str, value: String) {
        match field {
            "in_post_fte" => self.in_post_fte = value,
            "headcount" => self.headcount = value,
            "vacancy_fte" => self.vacancy_fte = value,
            "agency_fte" => self.agency_fte = value,
            "starters_fte" => self.starters_fte = value,
            "leavers_fte" => self.leavers_fte = value,
            "cases" => self.cases = value,
            "case_holding_fte" => self.case_holding_fte = value,
            _ => self.days_lost = value,
        }
    }

    /// The form filled with stored figures, for editing.
    pub fn from_counts(c: &Counts) -> FiguresForm {
        let mut form = FiguresForm::default();
        for (field, _, kind) in FIELDS {
            let value = value_of(c, field);
            let text = match kind {
                Kind::Whole => value.to_string(),
                _ => super::rates::show_hundredths(value).replace(',', ""),
            };
            form.set(field, text);
        }
        form
    }

    pub fn validate(&self) -> Result<Counts, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut counts = Counts::default();
        for (field, label, kind) in FIELDS {
            match parse(self.get(field), *kind) {
                Ok(value) => set_value(&mut counts, field, value),
                Err(problem) => errors.add(field, format!("{label}: {problem}")),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if counts.in_post_fte > counts.headcount * 100 {
            errors.add(
                "in_post_fte",
                "In-post FTE cannot be more than the headcount: each person is at most 1 FTE.",
            );
        }
        if counts.case_holding_fte > counts.in_post_fte + counts.agency_fte {
            errors.add(
                "case_holding_fte",
                "Case-holding FTE cannot be more than the in-post and agency FTE together.",
            );
        }
        if counts.cases > 0 && counts.case_holding_fte == 0 {
            errors.add(
                "case_holding_fte",
                "Enter the FTE of the workers who hold these cases.",
            );
        }
        if counts.days_lost > (counts.in_post_fte + counts.agency_fte) * DAYS_PER_QUARTER {
            errors.add(
                "days_lost",
                "That is more working days than the people in post had in the quarter.",
            );
        }
        if errors.is_empty() {
            Ok(counts)
        } else {
            Err(errors)
        }
    }
}

pub fn value_of(c: &Counts, field: &str) -> i64 {
    match field {
        "in_post_fte" => c.in_post_fte,
        "headcount" => c.headcount,
        "vacancy_fte" => c.vacancy_fte,
        "agency_fte" => c.agency_fte,
        "starters_fte" => c.starters_fte,
        "leavers_fte" => c.leavers_fte,
        "cases" => c.cases,
        "case_holding_fte" => c.case_holding_fte,
        _ => c.days_lost,
    }
}

fn set_value(c: &mut Counts, field: &str, value: i64) {
    match field {
        "in_post_fte" => c.in_post_fte = value,
        "headcount" => c.headcount = value,
        "vacancy_fte" => c.vacancy_fte = value,
        "agency_fte" => c.agency_fte = value,
        "starters_fte" => c.starters_fte = value,
        "leavers_fte" => c.leavers_fte = value,
        "cases" => c.cases = value,
        "case_holding_fte" => c.case_holding_fte = value,
        _ => c.days_lost = value,
    }
}

/// A whole number, or a number with at most two decimal places (in hundredths). Blank is 0:
/// a team with no agency workers leaves the box empty.
fn parse(text: &str, kind: Kind) -> Result<i64, String> {
    let text = text.trim().replace(',', "");
    if text.is_empty() {
        return Ok(0);
    }
    if text.starts_with('-') {
        return Err("cannot be negative.".into());
    }
    match kind {
        Kind::Whole => {
            let value: i64 = text
                .parse()
                .map_err(|_| "enter a whole number, like 12.".to_string())?;
            if value > MAX_WHOLE {
                return Err(format!("enter a number up to {MAX_WHOLE}."));
            }
            Ok(value)
        }
        Kind::Fte | Kind::Days => {
            let example = if kind == Kind::Fte { "12.5" } else { "31.5" };
            let bad = || format!("enter a number with up to two decimal places, like {example}.");
            let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
            if whole.is_empty() && fraction.is_empty()
                || fraction.len() > 2
                || !whole.chars().all(|c| c.is_ascii_digit())
                || !fraction.chars().all(|c| c.is_ascii_digit())
                || whole.len() > 9
            {
                return Err(bad());
            }
            let whole: i64 = if whole.is_empty() {
                0
            } else {
                whole.parse().map_err(|_| bad())?
            };
            let fraction: i64 = format!("{fraction:0<2}").parse().map_err(|_| bad())?;
            let value = whole * 100 + fraction;
            if kind == Kind::Fte && value > MAX_FTE {
                return Err("enter an FTE up to 10,000.".into());
            }
            Ok(value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FiguresForm {
        let mut form = FiguresForm::default();
        for (field, value) in pairs {
            form.set(field, value.to_string());
        }
        form
    }

    #[test]
    fn numbers_are_read_exactly_in_hundredths() {
        assert_eq!(parse("12.5", Kind::Fte), Ok(1_250));
        assert_eq!(parse(" 1,204.05 ", Kind::Fte), Ok(120_405));
        assert_eq!(parse(".5", Kind::Fte), Ok(50));
        assert_eq!(parse("", Kind::Days), Ok(0));
        assert_eq!(parse("7", Kind::Whole), Ok(7));
        assert!(parse("1.234", Kind::Fte).is_err());
        assert!(parse("-1", Kind::Fte).unwrap_err().contains("negative"));
        assert!(
            parse("12.5", Kind::Whole)
                .unwrap_err()
                .contains("whole number")
        );
        assert!(parse("ten", Kind::Fte).is_err());
        assert!(parse("1e3", Kind::Fte).is_err());
        assert!(parse(".", Kind::Fte).is_err());
        assert!(parse("20000", Kind::Fte).is_err());
    }

    #[test]
    fn each_field_names_its_own_problem() {
        let errors = form(&[("in_post_fte", "lots"), ("cases", "3.5")])
            .validate()
            .unwrap_err();
        assert_eq!(
            errors.get("in_post_fte"),
            Some("In-post FTE: enter a number with up to two decimal places, like 12.5.")
        );
        assert_eq!(
            errors.get("cases"),
            Some("Cases held: enter a whole number, like 12.")
        );
        assert_eq!(errors.get("headcount"), None);
    }

    #[test]
    fn figures_that_cannot_both_be_true_are_refused() {
        let errors = form(&[
            ("in_post_fte", "12"),
            ("headcount", "10"),
            ("cases", "40"),
            ("days_lost", "2000"),
        ])
        .validate()
        .unwrap_err();
        assert!(errors.get("in_post_fte").unwrap().contains("headcount"));
        assert!(
            errors
                .get("case_holding_fte")
                .unwrap()
                .contains("hold these cases")
        );
        assert!(errors.get("days_lost").unwrap().contains("working days"));
    }

    #[test]
    fn a_form_round_trips_through_stored_counts() {
        let typed = form(&[
            ("in_post_fte", "11.6"),
            ("headcount", "13"),
            ("vacancy_fte", "2.4"),
            ("agency_fte", "1"),
            ("leavers_fte", "0.8"),
            ("cases", "180"),
            ("case_holding_fte", "10.5"),
            ("days_lost", "31.25"),
        ]);
        let counts = typed.validate().unwrap();
        assert_eq!(counts.in_post_fte, 1_160);
        assert_eq!(counts.days_lost, 3_125);
        let again = FiguresForm::from_counts(&counts);
        assert_eq!(again.in_post_fte, "11.6");
        assert_eq!(again.starters_fte, "0");
        assert_eq!(again.validate().unwrap(), counts);
    }
}
