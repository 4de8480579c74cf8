//! A supervision session as recorded, the form as posted, and the log each person sees.

use serde::{Deserialize, Serialize};
use time::Date;

use super::frequency::SupervisionState;
use crate::dates::{iso, parse_date};
use crate::error::FieldErrors;

pub const MAX_NOTES: usize = 10_000;
pub const MIN_MINUTES: u32 = 5;
pub const MAX_MINUTES: u32 = 480;

/// Kinds of supervision, as data: (key, label).
pub const SUPERVISION_KINDS: &[(&str, &str)] = &[
    ("individual", "Individual"),
    ("group", "Group"),
    ("reflective", "Reflective"),
    ("case", "Case"),
];

pub fn kind_label(key: &str) -> &str {
    SUPERVISION_KINDS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, label)| *label)
        .unwrap_or(key)
}

/// The form exactly as posted. `with` names the other person and which side of the
/// supervision they are on: `supervisee:<key>` or `supervisor:<key>`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SupervisionForm {
    #[serde(default)]
    pub with: String,
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The viewer supervised the other person.
    Supervisor,
    /// The viewer was supervised by the other person.
    Supervisee,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SupervisionInput {
    pub other: String,
    /// Which side the viewer is on.
    pub viewer_side: Side,
    pub held_on: String,
    pub minutes: u32,
    pub kind: String,
    pub notes: String,
}

impl SupervisionForm {
    pub fn validate(&self, today: Date) -> Result<SupervisionInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let parsed = self.with.trim().split_once(':').and_then(|(side, key)| {
            let side = match side {
                "supervisee" => Side::Supervisor,
                "supervisor" => Side::Supervisee,
                _ => return None,
            };
            let valid = !key.is_empty()
                && key.len() <= 64
                && key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
            valid.then(|| (side, key.to_string()))
        });
        if parsed.is_none() {
            errors.add("with", "Choose who the supervision was with.");
        }
        let held_on = match parse_date(&self.held_on) {
            None if self.held_on.trim().is_empty() => {
                errors.add("held_on", "Enter the date of the supervision.");
                None
            }
            None => {
                errors.add("held_on", "Enter a real date, like 2026-11-23.");
                None
            }
            Some(d) if d > today => {
                errors.add(
                    "held_on",
                    "Record supervision once it has happened: the date cannot be in the future.",
                );
                None
            }
            Some(d) => Some(d),
        };
        let minutes = match self.minutes.trim().parse::<u32>() {
            Ok(m) if (MIN_MINUTES..=MAX_MINUTES).contains(&m) => Some(m),
            Ok(_) => {
                errors.add(
                    "minutes",
                    format!("Enter a length from {MIN_MINUTES} to {MAX_MINUTES} minutes."),
                );
                None
            }
            Err(_) if self.minutes.trim().is_empty() => {
                errors.add("minutes", "Enter how long it lasted, in minutes.");
                None
            }
            Err(_) => {
                errors.add(
                    "minutes",
                    "Enter the length as a whole number of minutes, like 60.",
                );
                None
            }
        };
        let kind = self.kind.trim();
        if !SUPERVISION_KINDS.iter().any(|(k, _)| *k == kind) {
            errors.add("kind", "Choose the kind of supervision.");
        }
        let notes = self.notes.trim().to_string();
        if notes.chars().count() > MAX_NOTES {
            errors.add(
                "notes",
                format!("Keep the notes to {MAX_NOTES} characters or fewer."),
            );
        }
        match (parsed, held_on, minutes) {
            (Some((viewer_side, other)), Some(held_on), Some(minutes)) if errors.is_empty() => {
                Ok(SupervisionInput {
                    other,
                    viewer_side,
                    held_on: iso(held_on),
                    minutes,
                    kind: kind.to_string(),
                    notes,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A recorded session, as one of the pair reads it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    pub held_on: String,
    pub minutes: u32,
    pub kind: String,
    pub notes: String,
    pub supervisor_id: String,
    pub supervisor_name: String,
    pub supervisee_id: String,
    pub supervisee_name: String,
    /// The viewer recorded it, so may delete it.
    pub mine: bool,
}

/// How supervision stands for one supervisee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cadence {
    pub person_id: String,
    pub person_name: String,
    pub last: Option<String>,
    /// The gap expected now, in days (7, 14 or 31).
    pub every_days: i64,
    pub state: SupervisionState,
}

impl Cadence {
    pub fn every_label(&self) -> &'static str {
        match self.every_days {
            7 => "Weekly",
            14 => "Fortnightly",
            _ => "Monthly",
        }
    }

    pub fn behind(&self) -> bool {
        !matches!(self.state, SupervisionState::UpToDate { .. })
    }

    pub fn short_label(&self) -> &'static str {
        match self.state {
            SupervisionState::UpToDate { .. } => "Up to date",
            SupervisionState::Behind { .. } => "Behind",
            SupervisionState::NoneRecorded => "None recorded",
        }
    }

    pub fn state_label(&self) -> String {
        match self.state {
            SupervisionState::UpToDate { next_due } => {
                format!(
                    "Up to date: next due by {}",
                    crate::dates::uk_date(&iso(next_due))
                )
            }
            SupervisionState::Behind { days_over } => format!(
                "Behind: {days_over} {} overdue",
                if days_over == 1 { "day" } else { "days" }
            ),
            SupervisionState::NoneRecorded => "No supervision recorded".into(),
        }
    }
}

/// A choice for the "with" field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counterpart {
    /// `supervisee:<key>` or `supervisor:<key>`.
    pub value: String,
    pub label: String,
}

/// Everything the supervision page shows one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupervisionLog {
    /// How the viewer's own supervision stands, if they have a supervisor or sessions.
    pub mine: Option<Cadence>,
    /// The people the viewer supervises.
    pub supervisees: Vec<Cadence>,
    pub sessions: Vec<Session>,
    pub counterparts: Vec<Counterpart>,
    /// Today in the UK, for the form's default date.
    pub today: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn form() -> SupervisionForm {
        SupervisionForm {
            with: "supervisor:demo_supervisor".into(),
            held_on: "2026-11-20".into(),
            minutes: "60".into(),
            kind: "individual".into(),
            notes: "Talked through the Smith family.".into(),
        }
    }

    #[test]
    fn a_complete_form_is_accepted_with_the_viewer_as_supervisee() {
        let input = form().validate(date!(2026 - 11 - 23)).unwrap();
        assert_eq!(input.viewer_side, Side::Supervisee);
        assert_eq!(input.other, "demo_supervisor");
        assert_eq!(input.minutes, 60);
    }

    #[test]
    fn each_bad_field_gets_its_own_message() {
        let bad = SupervisionForm {
            with: "boss:x".into(),
            held_on: "2026-12-25".into(),
            minutes: "600".into(),
            kind: "chat".into(),
            notes: "x".repeat(MAX_NOTES + 1),
        };
        let errors = bad.validate(date!(2026 - 11 - 23)).unwrap_err();
        for field in ["with", "held_on", "minutes", "kind", "notes"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn minutes_must_be_a_whole_number() {
        let mut f = form();
        f.minutes = "an hour".into();
        let errors = f.validate(date!(2026 - 11 - 23)).unwrap_err();
        assert!(errors.get("minutes").unwrap().contains("whole number"));
    }
}
