//! A CPD record with Social Work England's fields, the form as posted, and its validation.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::dates::{iso, parse_date};
use crate::error::FieldErrors;

pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 5_000;

/// Kinds of CPD a record can be, as data: (key, label).
pub const CPD_KINDS: &[(&str, &str)] = &[
    ("course", "Course or training"),
    ("elearning", "E-learning"),
    ("reading", "Reading or research"),
    ("event", "Conference, seminar or event"),
    ("supervision", "Supervision or reflective discussion"),
    ("shadowing", "Shadowing or observation"),
    ("practice", "Learning from practice"),
    ("other", "Other"),
];

pub fn kind_label(key: &str) -> &str {
    CPD_KINDS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, label)| *label)
        .unwrap_or(key)
}

/// The CPD form exactly as posted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CpdForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    /// What it was and why it is relevant to my practice.
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub learnt: String,
    /// The positive impact on my practice and the people I work with.
    #[serde(default)]
    pub impact: String,
    /// Peer reflection: with whom (a role will do), when, and what I learnt from it.
    #[serde(default)]
    pub peer_with: String,
    #[serde(default)]
    pub peer_date: String,
    #[serde(default)]
    pub peer_learnt: String,
    /// Present when the box letting supervisors read the text is ticked.
    #[serde(default)]
    pub shared: Option<String>,
}

/// A validated CPD record, ready for the store.
#[derive(Debug, Clone, PartialEq)]
pub struct CpdInput {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub date: String,
    pub learnt: String,
    pub impact: String,
    pub peer: Option<PeerReflection>,
    pub shared: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PeerReflection {
    pub with: String,
    pub date: Option<String>,
    pub learnt: String,
}

impl CpdInput {
    /// The words that make a record what it is, for spotting duplicates.
    pub fn text(&self) -> String {
        format!(
            "{} {} {} {}",
            self.title, self.description, self.learnt, self.impact
        )
    }
}

fn required(errors: &mut FieldErrors, field: &str, value: &str, missing: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.add(field, missing);
    } else if value.chars().count() > MAX_TEXT {
        errors.add(
            field,
            format!("Keep this to {MAX_TEXT} characters or fewer."),
        );
    }
    value.to_string()
}

fn past_date(errors: &mut FieldErrors, field: &str, value: &str, today: Date) -> Option<Date> {
    match parse_date(value) {
        None if value.trim().is_empty() => None,
        None => {
            errors.add(field, "Enter a real date, like 2026-11-23.");
            None
        }
        Some(date) if date > today => {
            errors.add(field, "The date cannot be in the future.");
            None
        }
        Some(date) if date < EARLIEST => {
            errors.add(field, "Enter a date from 2000 onwards.");
            None
        }
        Some(date) => Some(date),
    }
}

/// The earliest date a record can carry, the first registration year the app offers.
pub const EARLIEST: Date = time::macros::date!(2000 - 01 - 01);

impl CpdForm {
    /// Checks every field against Social Work England's requirements, each problem against
    /// its field. Peer reflection is optional, but once begun it needs whom and what was learnt.
    pub fn validate(&self, today: Date) -> Result<CpdInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = self.kind.trim();
        if !CPD_KINDS.iter().any(|(k, _)| *k == kind) {
            errors.add("kind", "Choose the type of CPD.");
        }
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.add("title", "Give the record a short title.");
        } else if title.chars().count() > MAX_TITLE {
            errors.add(
                "title",
                format!("Keep the title to {MAX_TITLE} characters or fewer."),
            );
        }
        let description = required(
            &mut errors,
            "description",
            &self.description,
            "Describe the CPD and why it is relevant to your practice.",
        );
        let date = past_date(&mut errors, "date", &self.date, today);
        if self.date.trim().is_empty() {
            errors.add("date", "Enter the date of the CPD.");
        }
        let learnt = required(&mut errors, "learnt", &self.learnt, "Say what you learnt.");
        let impact = required(
            &mut errors,
            "impact",
            &self.impact,
            "Say what difference it made to your practice and the people you work with.",
        );
        let peer_begun = [&self.peer_with, &self.peer_date, &self.peer_learnt]
            .iter()
            .any(|v| !v.trim().is_empty());
        let peer = if peer_begun {
            let with = required(
                &mut errors,
                "peer_with",
                &self.peer_with,
                "Say who you discussed it with (a role is enough).",
            );
            let learnt = required(
                &mut errors,
                "peer_learnt",
                &self.peer_learnt,
                "Say what you learnt from the discussion.",
            );
            let date = past_date(&mut errors, "peer_date", &self.peer_date, today).map(iso);
            Some(PeerReflection { with, date, learnt })
        } else {
            None
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CpdInput {
            kind: kind.to_string(),
            title,
            description,
            date: date.map(iso).unwrap_or_default(),
            learnt,
            impact,
            peer,
            shared: self.shared.is_some(),
        })
    }
}

/// A saved CPD record, as its owner (or a supervisor it is shared with) reads it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CpdRecord {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub date: String,
    pub learnt: String,
    pub impact: String,
    pub peer_with: String,
    pub peer_date: String,
    pub peer_learnt: String,
    pub peer: bool,
    /// The owner lets their supervisors read the text.
    pub shared: bool,
    /// Titles of other records this one reads the same as.
    pub duplicates: Vec<String>,
}

impl CpdRecord {
    pub fn text(&self) -> String {
        format!(
            "{} {} {} {}",
            self.title, self.description, self.learnt, self.impact
        )
    }

    pub fn form(&self) -> CpdForm {
        CpdForm {
            kind: self.kind.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            date: self.date.clone(),
            learnt: self.learnt.clone(),
            impact: self.impact.clone(),
            peer_with: self.peer_with.clone(),
            peer_date: self.peer_date.clone(),
            peer_learnt: self.peer_learnt.clone(),
            shared: self.shared.then(|| "on".to_string()),
        }
    }
}

/// One registration year of a person's CPD: where they stand and the records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CpdYear {
    pub person_name: String,
    pub status: super::rules::CpdStatus,
    pub records: Vec<CpdRecord>,
    /// Registration years with records, newest first, for moving between years.
    pub years: Vec<i32>,
}

/// A new record prefilled from something already written: a piece of evidence or a
/// supervision session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CpdDraft {
    pub form: CpdForm,
    pub source: Option<String>,
    pub source_label: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn form() -> CpdForm {
        CpdForm {
            kind: "course".into(),
            title: "Neglect: the graded care profile".into(),
            description: "A day's training on assessing neglect.".into(),
            date: "2026-10-14".into(),
            learnt: "How to score care across the domains.".into(),
            impact: "My assessments of neglect are clearer for families.".into(),
            ..Default::default()
        }
    }

    const TODAY: Date = date!(2026 - 11 - 23);

    #[test]
    fn a_complete_record_without_peer_reflection_is_valid() {
        let input = form().validate(TODAY).unwrap();
        assert_eq!(input.peer, None);
        assert_eq!(input.date, "2026-10-14");
        assert!(input.text().contains("graded care profile"));
    }

    #[test]
    fn every_missing_field_is_named() {
        let errors = CpdForm::default().validate(TODAY).unwrap_err();
        for field in ["kind", "title", "description", "date", "learnt", "impact"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        assert!(
            errors.get("peer_with").is_none(),
            "peer reflection is optional"
        );
    }

    #[test]
    fn begun_peer_reflection_needs_whom_and_what_was_learnt() {
        let mut begun = form();
        begun.peer_learnt = "That I was rescuing rather than enabling.".into();
        let errors = begun.validate(TODAY).unwrap_err();
        assert!(errors.get("peer_with").is_some());
        begun.peer_with = "Team manager, in supervision".into();
        begun.peer_date = "2026-10-20".into();
        let peer = begun.validate(TODAY).unwrap().peer.unwrap();
        assert_eq!(peer.date.as_deref(), Some("2026-10-20"));
    }

    #[test]
    fn dates_are_real_and_not_in_the_future() {
        let mut later = form();
        later.date = "2026-11-24".into();
        assert!(later.validate(TODAY).unwrap_err().get("date").is_some());
        let mut nonsense = form();
        nonsense.date = "2026-02-30".into();
        assert!(nonsense.validate(TODAY).unwrap_err().get("date").is_some());
        let mut ancient = form();
        ancient.date = "1990-06-01".into();
        assert!(
            ancient
                .validate(TODAY)
                .unwrap_err()
                .get("date")
                .unwrap()
                .contains("2000")
        );
        assert_eq!(kind_label("reading"), "Reading or research");
    }
}
