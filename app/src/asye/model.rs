//! What the ASYE pages show, the forms they post, and each form's validation.

use serde::{Deserialize, Serialize};
use time::Date;

use super::schedule::{MilestoneState, ProtectedTime};
use crate::dates::{iso, parse_date};
use crate::error::FieldErrors;

pub const MAX_NOTES: usize = 5_000;
pub const MAX_SHORT: usize = 200;

/// Review outcomes, as data: (key, label).
pub const REVIEW_OUTCOMES: &[(&str, &str)] = &[
    ("on_track", "On track"),
    ("some_concerns", "Some concerns: support plan agreed"),
    ("not_on_track", "Not on track"),
];

/// Why a programme may pause. Capability concerns are not a reason to pause.
pub const PAUSE_REASONS: &[(&str, &str)] = &[
    ("sickness", "Sickness"),
    ("bereavement", "Bereavement"),
    ("parental_leave", "Parental leave"),
    ("other_leave", "Other agreed leave"),
];

pub const RECOMMENDATIONS: &[(&str, &str)] = &[
    ("pass", "Pass"),
    ("fail", "Fail"),
    ("extend", "Extend the programme"),
];

pub const MODERATIONS: &[(&str, &str)] = &[
    ("confirmed", "Confirmed by the moderation panel"),
    ("referred_back", "Referred back to the assessor"),
];

pub fn label_of(table: &[(&'static str, &'static str)], key: &str) -> String {
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| l.to_string())
        .unwrap_or_else(|| key.to_string())
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub label: String,
    pub due: String,
    pub state: MilestoneState,
    /// What to do, for the person who does it (the NQSW or their assessor).
    pub who: String,
}

pub fn state_label(state: MilestoneState) -> &'static str {
    match state {
        MilestoneState::Done => "Done",
        MilestoneState::DueSoon => "Due soon",
        MilestoneState::Due => "Due today",
        MilestoneState::Overdue => "Overdue",
        MilestoneState::Skipped => "Not held (optional)",
        MilestoneState::Upcoming => "Upcoming",
    }
}

pub fn state_class(state: MilestoneState) -> &'static str {
    match state {
        MilestoneState::Done => "tag tag-done",
        MilestoneState::DueSoon | MilestoneState::Due => "tag tag-warn",
        MilestoneState::Overdue => "tag tag-danger",
        MilestoneState::Skipped | MilestoneState::Upcoming => "tag tag-muted",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewEntry {
    pub month: u32,
    pub held_on: String,
    pub outcome: String,
    pub notes: String,
    pub recorded_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObservationEntry {
    pub observed_on: String,
    pub observer: String,
    pub setting: String,
    pub reflection: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelfAssessmentEntry {
    pub stage: String,
    pub completed_on: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeEntry {
    pub taken_on: String,
    pub hours: f64,
    pub activity: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdjustmentEntry {
    pub kind: String,
    pub paused_from: Option<String>,
    pub paused_to: Option<String>,
    pub months: Option<u32>,
    pub reason: String,
    pub details: String,
    pub agreed_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub outcome: String,
    pub notes: String,
    pub on: String,
    pub by: String,
}

/// What the viewer may do on this programme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Powers {
    /// The NQSW: observations, self-assessments, protected time.
    pub own: bool,
    /// The assessor or a supervisor: reviews, pauses, extensions, the recommendation.
    pub assess: bool,
    /// The coordinator: moderation.
    pub coordinate: bool,
}

/// An NQSW's ASYE programme as a page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AsyeView {
    pub person_id: String,
    pub person_name: String,
    pub team_name: String,
    pub start: String,
    pub end: String,
    pub cap: String,
    pub assessor: String,
    pub coordinator: String,
    pub status: String,
    pub timeline: Vec<TimelineEntry>,
    pub next_due: Option<TimelineEntry>,
    pub reviews: Vec<ReviewEntry>,
    /// Review points still to record: (month, label).
    pub open_reviews: Vec<(u32, String)>,
    pub observations: Vec<ObservationEntry>,
    pub observations_required: u32,
    pub self_assessments: Vec<SelfAssessmentEntry>,
    pub open_stages: Vec<(String, String)>,
    pub time: ProtectedTime,
    pub contracted_hours: f64,
    pub time_entries: Vec<TimeEntry>,
    pub adjustments: Vec<AdjustmentEntry>,
    pub recommendation: Option<Decision>,
    pub moderation: Option<Decision>,
    pub powers: Powers,
}

/// One NQSW in the cohort list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortRow {
    pub person_id: String,
    pub name: String,
    pub team: String,
    pub assessor: String,
    pub start: String,
    pub end: String,
    pub status: String,
    pub reviews_done: u32,
    pub observations: u32,
    pub observations_required: u32,
    pub overdue: Vec<String>,
    pub due_soon: Vec<String>,
    pub next: Option<TimelineEntry>,
    pub protected_percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    pub rows: Vec<CohortRow>,
    /// Teams to filter by: (key, name).
    pub teams: Vec<(String, String)>,
    /// The whole council's cohort (a coordinator) or only the viewer's NQSWs.
    pub whole: bool,
    /// NQSWs without a programme yet, for a coordinator to start one: (key, name).
    pub without_programme: Vec<(String, String)>,
    /// People who may assess: (key, name).
    pub assessors: Vec<(String, String)>,
}

fn text(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    max: usize,
    missing: Option<&str>,
) -> String {
    let value = value.trim();
    if value.is_empty() {
        if let Some(message) = missing {
            errors.add(field, message);
        }
    } else if value.chars().count() > max {
        errors.add(field, format!("Keep this to {max} characters or fewer."));
    }
    value.to_string()
}

fn past_date(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    today: Date,
    what: &str,
) -> String {
    match parse_date(value) {
        None if value.trim().is_empty() => errors.add(field, format!("Enter the date {what}.")),
        None => errors.add(field, "Enter a real date, like 2026-11-23."),
        Some(d) if d > today => errors.add(field, "The date cannot be in the future."),
        Some(d) => return iso(d),
    }
    String::new()
}

fn choice(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    table: &[(&str, &str)],
    missing: &str,
) -> String {
    let value = value.trim();
    if !table.iter().any(|(k, _)| *k == value) {
        errors.add(field, missing);
    }
    value.to_string()
}

fn done<T>(errors: FieldErrors, value: T) -> Result<T, FieldErrors> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    pub month: String,
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewInput {
    pub month: u32,
    pub held_on: String,
    pub outcome: String,
    pub notes: String,
}

impl ReviewForm {
    /// `points` are the review months the programme has.
    pub fn validate(&self, today: Date, points: &[u32]) -> Result<ReviewInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let month = self
            .month
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| points.contains(m));
        if month.is_none() {
            errors.add("month", "Choose which review this is.");
        }
        let held_on = past_date(
            &mut errors,
            "held_on",
            &self.held_on,
            today,
            "the review was held",
        );
        let outcome = choice(
            &mut errors,
            "outcome",
            &self.outcome,
            REVIEW_OUTCOMES,
            "Choose the outcome of the review.",
        );
        let notes = text(
            &mut errors,
            "notes",
            &self.notes,
            MAX_NOTES,
            Some("Write a short summary of the review."),
        );
        done(
            errors,
            ReviewInput {
                month: month.unwrap_or(0),
                held_on,
                outcome,
                notes,
            },
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ObservationForm {
    #[serde(default)]
    pub observed_on: String,
    #[serde(default)]
    pub observer: String,
    #[serde(default)]
    pub setting: String,
    #[serde(default)]
    pub reflection: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObservationInput {
    pub observed_on: String,
    pub observer: String,
    pub setting: String,
    pub reflection: String,
}

impl ObservationForm {
    pub fn validate(&self, today: Date) -> Result<ObservationInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let observed_on = past_date(
            &mut errors,
            "observed_on",
            &self.observed_on,
            today,
            "of the observation",
        );
        let observer = text(
            &mut errors,
            "observer",
            &self.observer,
            MAX_SHORT,
            Some("Say who observed you (name and role)."),
        );
        let setting = text(&mut errors, "setting", &self.setting, MAX_SHORT, None);
        let reflection = text(
            &mut errors,
            "reflection",
            &self.reflection,
            MAX_NOTES,
            Some("Write your reflection on the observation."),
        );
        done(
            errors,
            ObservationInput {
                observed_on,
                observer,
                setting,
                reflection,
            },
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SelfAssessmentForm {
    #[serde(default)]
    pub stage: String,
    #[serde(default)]
    pub completed_on: String,
    #[serde(default)]
    pub summary: String,
}

pub const STAGES: &[(&str, &str)] = &[("start", "Start"), ("middle", "Middle"), ("end", "End")];

#[derive(Debug, Clone, PartialEq)]
pub struct SelfAssessmentInput {
    pub stage: String,
    pub completed_on: String,
    pub summary: String,
}

impl SelfAssessmentForm {
    pub fn validate(&self, today: Date) -> Result<SelfAssessmentInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let stage = choice(
            &mut errors,
            "stage",
            &self.stage,
            STAGES,
            "Choose which self-assessment this is.",
        );
        let completed_on = past_date(
            &mut errors,
            "completed_on",
            &self.completed_on,
            today,
            "you completed it",
        );
        let summary = text(
            &mut errors,
            "summary",
            &self.summary,
            MAX_NOTES,
            Some("Summarise your strengths and what you will develop against the PQS."),
        );
        done(
            errors,
            SelfAssessmentInput {
                stage,
                completed_on,
                summary,
            },
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeForm {
    #[serde(default)]
    pub taken_on: String,
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub activity: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimeInput {
    pub taken_on: String,
    pub hours: f64,
    pub activity: String,
}

impl TimeForm {
    pub fn validate(&self, today: Date) -> Result<TimeInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let taken_on = past_date(
            &mut errors,
            "taken_on",
            &self.taken_on,
            today,
            "you took the time",
        );
        let hours = match self.hours.trim().parse::<f64>() {
            Ok(h) if h.is_finite() && h > 0.0 && h <= 24.0 && (h * 4.0).fract() == 0.0 => h,
            Ok(h) if h.is_finite() && h > 0.0 && h <= 24.0 => {
                errors.add(
                    "hours",
                    "Enter hours in quarters of an hour, like 1.5 or 3.75.",
                );
                0.0
            }
            Ok(_) => {
                errors.add("hours", "Enter between 0.25 and 24 hours.");
                0.0
            }
            Err(_) => {
                errors.add("hours", "Enter the hours as a number, like 3.5.");
                0.0
            }
        };
        let activity = text(
            &mut errors,
            "activity",
            &self.activity,
            MAX_SHORT,
            Some("Say what you used the time for."),
        );
        done(
            errors,
            TimeInput {
                taken_on,
                hours,
                activity,
            },
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AdjustmentForm {
    /// `pause` or `extension`.
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub paused_from: String,
    #[serde(default)]
    pub paused_to: String,
    #[serde(default)]
    pub months: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub details: String,
    #[serde(default)]
    pub agreed_by: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AdjustmentInput {
    Pause {
        from: Date,
        to: Date,
        reason: String,
        details: String,
        agreed_by: String,
    },
    Extension {
        months: u32,
        details: String,
        agreed_by: String,
    },
}

pub const MAX_EXTENSION_MONTHS: u32 = 12;

impl AdjustmentForm {
    pub fn validate(&self) -> Result<AdjustmentInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let agreed_by = text(
            &mut errors,
            "agreed_by",
            &self.agreed_by,
            MAX_SHORT,
            Some("Say who agreed it (name and role)."),
        );
        let details = text(&mut errors, "details", &self.details, MAX_NOTES, None);
        match self.kind.trim() {
            "pause" => {
                let reason = choice(
                    &mut errors,
                    "reason",
                    &self.reason,
                    PAUSE_REASONS,
                    "Choose why the programme is paused. Capability concerns are not a reason to pause.",
                );
                let date =
                    |errors: &mut FieldErrors, field: &str, value: &str| match parse_date(value) {
                        Some(d) => Some(d),
                        None => {
                            errors.add(field, "Enter a real date, like 2026-11-23.");
                            None
                        }
                    };
                let from = date(&mut errors, "paused_from", &self.paused_from);
                let to = date(&mut errors, "paused_to", &self.paused_to);
                if let (Some(from), Some(to)) = (from, to)
                    && to < from
                {
                    errors.add(
                        "paused_to",
                        "The last day of the pause must be on or after the first.",
                    );
                }
                match (from, to) {
                    (Some(from), Some(to)) if errors.is_empty() => Ok(AdjustmentInput::Pause {
                        from,
                        to,
                        reason,
                        details,
                        agreed_by,
                    }),
                    _ => Err(errors),
                }
            }
            "extension" => {
                let months = match self.months.trim().parse::<u32>() {
                    Ok(m) if (1..=MAX_EXTENSION_MONTHS).contains(&m) => m,
                    _ => {
                        errors.add(
                            "months",
                            format!(
                                "Enter a whole number of months from 1 to {MAX_EXTENSION_MONTHS}."
                            ),
                        );
                        0
                    }
                };
                if details.is_empty() {
                    errors.add("details", "Say why the programme is extended.");
                }
                done(
                    errors,
                    AdjustmentInput::Extension {
                        months,
                        details,
                        agreed_by,
                    },
                )
            }
            _ => {
                errors.add("kind", "Choose a pause or an extension.");
                Err(errors)
            }
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub notes: String,
}

impl DecisionForm {
    /// Checks a recommendation (`RECOMMENDATIONS`) or a moderation (`MODERATIONS`).
    pub fn validate(&self, table: &[(&str, &str)]) -> Result<(String, String), FieldErrors> {
        let mut errors = FieldErrors::new();
        let outcome = choice(
            &mut errors,
            "outcome",
            &self.outcome,
            table,
            "Choose an outcome.",
        );
        let notes = text(
            &mut errors,
            "notes",
            &self.notes,
            MAX_NOTES,
            Some("Give the reasons for the decision."),
        );
        done(errors, (outcome, notes))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeForm {
    #[serde(default)]
    pub person: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub assessor: String,
    #[serde(default)]
    pub contracted_hours: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeInput {
    pub person: String,
    pub start: String,
    pub assessor: Option<String>,
    pub contracted_hours: f64,
}

fn key_like(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

impl ProgrammeForm {
    /// A programme starts no earlier than 2000 and no more than a year ahead.
    pub fn validate(&self, today: Date) -> Result<ProgrammeInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let person = self.person.trim().to_string();
        if !key_like(&person) {
            errors.add("person", "Choose the newly qualified social worker.");
        }
        let latest = today
            .checked_add(time::Duration::days(366))
            .unwrap_or(today);
        let start = match parse_date(&self.start) {
            Some(d) if d < time::macros::date!(2000 - 01 - 01) || d > latest => {
                errors.add(
                    "start",
                    "Enter a start date from 2000 to a year from today.",
                );
                String::new()
            }
            Some(d) => iso(d),
            None => {
                errors.add("start", "Enter the start date, like 2026-09-07.");
                String::new()
            }
        };
        let assessor = Some(self.assessor.trim().to_string()).filter(|a| !a.is_empty());
        if assessor.as_deref().is_some_and(|a| !key_like(a)) {
            errors.add("assessor", "Choose an assessor from the list.");
        }
        let contracted_hours = if self.contracted_hours.trim().is_empty() {
            37.0
        } else {
            match self.contracted_hours.trim().parse::<f64>() {
                Ok(h) if h.is_finite() && h > 0.0 && h <= 48.0 => h,
                _ => {
                    errors.add(
                        "contracted_hours",
                        "Enter weekly contracted hours from 1 to 48, like 37.",
                    );
                    0.0
                }
            }
        };
        done(
            errors,
            ProgrammeInput {
                person,
                start,
                assessor,
                contracted_hours,
            },
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CohortFilter {
    #[serde(default)]
    pub team: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);

    #[test]
    fn a_review_must_be_one_of_the_programme_points() {
        let form = ReviewForm {
            month: "5".into(),
            held_on: "2026-11-20".into(),
            outcome: "on_track".into(),
            notes: "Good progress.".into(),
        };
        let errors = form.validate(TODAY, &[3, 6, 9, 12]).unwrap_err();
        assert!(errors.get("month").is_some());
        let ok = ReviewForm {
            month: "6".into(),
            ..form
        };
        assert_eq!(ok.validate(TODAY, &[3, 6, 9, 12]).unwrap().month, 6);
    }

    #[test]
    fn an_observation_needs_a_date_observer_and_reflection() {
        let errors = ObservationForm::default().validate(TODAY).unwrap_err();
        for field in ["observed_on", "observer", "reflection"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let future = ObservationForm {
            observed_on: "2026-12-01".into(),
            observer: "Natalie Greaves, assessor".into(),
            reflection: "I listened.".into(),
            ..Default::default()
        };
        assert!(
            future
                .validate(TODAY)
                .unwrap_err()
                .get("observed_on")
                .unwrap()
                .contains("future")
        );
    }

    #[test]
    fn protected_time_is_logged_in_quarter_hours_within_a_day() {
        let form = |hours: &str| TimeForm {
            taken_on: "2026-11-20".into(),
            hours: hours.into(),
            activity: "Reading".into(),
        };
        assert_eq!(form("3.75").validate(TODAY).unwrap().hours, 3.75);
        for bad in ["0", "25", "1.1", "lots", "NaN"] {
            assert!(
                form(bad)
                    .validate(TODAY)
                    .unwrap_err()
                    .get("hours")
                    .is_some(),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_pause_needs_a_permitted_reason_and_ordered_dates() {
        let form = AdjustmentForm {
            kind: "pause".into(),
            paused_from: "2026-11-10".into(),
            paused_to: "2026-11-01".into(),
            reason: "capability".into(),
            agreed_by: "Helen Marsh, ASYE coordinator".into(),
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        assert!(errors.get("reason").unwrap().contains("Capability"));
        assert!(errors.get("paused_to").is_some());
        let ok = AdjustmentForm {
            paused_to: "2026-12-10".into(),
            reason: "parental_leave".into(),
            ..form
        };
        assert!(matches!(
            ok.validate().unwrap(),
            AdjustmentInput::Pause { .. }
        ));
    }

    #[test]
    fn an_extension_needs_months_and_a_reason() {
        let form = AdjustmentForm {
            kind: "extension".into(),
            months: "13".into(),
            agreed_by: "Panel".into(),
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        assert!(errors.get("months").is_some());
        assert!(errors.get("details").is_some());
    }

    #[test]
    fn decisions_take_their_own_outcomes_only() {
        let form = DecisionForm {
            outcome: "confirmed".into(),
            notes: "Agreed.".into(),
        };
        assert!(form.validate(RECOMMENDATIONS).is_err());
        assert!(form.validate(MODERATIONS).is_ok());
    }
}
