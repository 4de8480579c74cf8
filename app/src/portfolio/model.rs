//! Evidence and reflections: what a practitioner records, the form as posted, and its
//! validation. Pure and unit-tested.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::dates::parse_date;
use crate::error::FieldErrors;
use crate::progression::model::EvidenceKind;

pub const EVIDENCE_PER_PAGE: u32 = 20;
pub const MAX_TITLE: usize = 200;
pub const MAX_PROMPT: usize = 5_000;
pub const MAX_LINK: usize = 2_000;
pub const MAX_CRITERIA: usize = 40;

/// The reflection prompts, in the order they are asked: (form field, question).
pub const PROMPTS: [(&str, &str); 4] = [
    ("what_happened", "What happened?"),
    ("what_i_did", "What did I do, and why?"),
    ("what_i_learned", "What did I learn?"),
    ("what_next", "What will I do differently?"),
];

/// A piece of evidence as a criterion lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRef {
    pub id: String,
    pub title: String,
    pub kind: EvidenceKind,
    pub date: String,
    pub private: bool,
}

/// A piece of evidence in full, for its owner or a reviewer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EvidenceDetail {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub date: String,
    pub what_happened: String,
    pub what_i_did: String,
    pub what_i_learned: String,
    pub what_next: String,
    pub link: Option<String>,
    pub private: bool,
    pub criteria: Vec<String>,
    /// Whether a linked criterion is with a reviewer, which locks the evidence.
    pub locked: bool,
}

impl EvidenceDetail {
    pub fn prompt(&self, field: &str) -> &str {
        match field {
            "what_happened" => &self.what_happened,
            "what_i_did" => &self.what_i_did,
            "what_i_learned" => &self.what_i_learned,
            "what_next" => &self.what_next,
            _ => "",
        }
    }
}

/// A row of the evidence list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceSummary {
    pub id: String,
    pub kind: EvidenceKind,
    pub title: String,
    pub date: String,
    pub private: bool,
    pub criteria: u32,
}

/// A criterion offered in the evidence form's picker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionChoice {
    pub lineage: String,
    pub level: String,
    pub level_name: String,
    pub domain: String,
    pub domain_name: String,
    pub statement: String,
}

/// The picker's criteria, and which level to open first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PickerChoices {
    pub criteria: Vec<CriterionChoice>,
    pub focus_level: Option<String>,
    pub domains: Vec<(String, String)>,
}

/// Filters for the evidence list, as they sit in the page's query string.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EvidenceFilter {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub criterion: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub page: u32,
}

impl EvidenceFilter {
    /// Checks the filter; a bad date gets a message rather than an empty list.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if !self.kind.is_empty() && EvidenceKind::from_key(&self.kind).is_none() {
            errors.add("kind", "Choose a kind from the list.");
        }
        for (field, value) in [("from", &self.from), ("to", &self.to)] {
            if !value.is_empty() && parse_date(value).is_none() {
                errors.add(field, "Enter a date like 2026-11-23.");
            }
        }
        if let (Some(from), Some(to)) = (parse_date(&self.from), parse_date(&self.to))
            && from > to
        {
            errors.add("to", "The end date must be on or after the start date.");
        }
        if self.domain.len() > 64 || self.criterion.len() > 64 {
            errors.add("domain", "Choose a domain from the list.");
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kind.is_empty()
            && self.domain.is_empty()
            && self.criterion.is_empty()
            && self.from.is_empty()
            && self.to.is_empty()
    }
}

/// The evidence form exactly as posted: strings, with the private box present only when
/// ticked, so it works as a plain HTML form before the wasm loads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EvidenceForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub what_happened: String,
    #[serde(default)]
    pub what_i_did: String,
    #[serde(default)]
    pub what_i_learned: String,
    #[serde(default)]
    pub what_next: String,
    #[serde(default)]
    pub link: String,
    #[serde(default)]
    pub private: Option<String>,
    #[serde(default)]
    pub criteria: Vec<String>,
}

/// Validated evidence, ready for the store.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceInput {
    pub kind: EvidenceKind,
    pub title: String,
    pub date: String,
    pub what_happened: String,
    pub what_i_did: String,
    pub what_i_learned: String,
    pub what_next: String,
    pub link: Option<String>,
    pub private: bool,
    pub criteria: Vec<String>,
}

fn is_web_link(link: &str) -> bool {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with('/')
            && !link.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

impl EvidenceForm {
    /// Checks every field, reporting each problem against its field. `today` bounds the date;
    /// `known_criteria` says whether a criterion key belongs to the current framework.
    pub fn validate(
        &self,
        today: Date,
        known_criteria: impl Fn(&str) -> bool,
    ) -> Result<EvidenceInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = EvidenceKind::from_key(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "Choose what kind of evidence this is.");
        }
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.add("title", "Give the evidence a title.");
        } else if title.chars().count() > MAX_TITLE {
            errors.add(
                "title",
                format!("Keep the title to {MAX_TITLE} characters or fewer."),
            );
        }
        let date = parse_date(&self.date);
        match date {
            None if self.date.trim().is_empty() => {
                errors.add("date", "Enter the date this happened.")
            }
            None => errors.add("date", "Enter a real date, like 2026-11-23."),
            Some(date) if date > today => errors.add("date", "The date cannot be in the future."),
            Some(_) => {}
        }
        let prompts = [
            ("what_happened", self.what_happened.trim()),
            ("what_i_did", self.what_i_did.trim()),
            ("what_i_learned", self.what_i_learned.trim()),
            ("what_next", self.what_next.trim()),
        ];
        for (field, text) in prompts {
            if text.chars().count() > MAX_PROMPT {
                errors.add(
                    field,
                    format!("Keep this to {MAX_PROMPT} characters or fewer."),
                );
            }
        }
        if kind == Some(EvidenceKind::Reflection) && prompts.iter().all(|(_, t)| t.is_empty()) {
            errors.add(
                "what_happened",
                "A reflection needs at least one answer: start with what happened.",
            );
        }
        let link = self.link.trim();
        if link.is_empty() {
            if kind == Some(EvidenceKind::Link) {
                errors.add("link", "Enter the web address this evidence points to.");
            }
        } else if link.len() > MAX_LINK || !is_web_link(link) {
            errors.add(
                "link",
                "Enter a full web address starting with https://, like https://example.org/page.",
            );
        }
        let mut criteria: Vec<String> = Vec::new();
        for criterion in &self.criteria {
            let criterion = criterion.trim();
            if criterion.is_empty() || criteria.iter().any(|c| c == criterion) {
                continue;
            }
            if !known_criteria(criterion) {
                errors.add(
                    "criteria",
                    "One of the chosen criteria is not in the current framework. Choose again from the list.",
                );
                break;
            }
            criteria.push(criterion.to_string());
        }
        if criteria.len() > MAX_CRITERIA {
            errors.add(
                "criteria",
                format!("Link at most {MAX_CRITERIA} criteria to one piece of evidence."),
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(EvidenceInput {
            kind: kind.unwrap_or(EvidenceKind::Other),
            title,
            date: date.map(crate::dates::iso).unwrap_or_default(),
            what_happened: prompts[0].1.to_string(),
            what_i_did: prompts[1].1.to_string(),
            what_i_learned: prompts[2].1.to_string(),
            what_next: prompts[3].1.to_string(),
            link: (!link.is_empty()).then(|| link.to_string()),
            private: self.private.is_some(),
            criteria,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn form() -> EvidenceForm {
        EvidenceForm {
            kind: "reflection".into(),
            title: "  Home visit with a family new to the area ".into(),
            date: "2026-11-02".into(),
            what_happened: "I visited with an interpreter.".into(),
            criteria: vec!["a".into(), "b".into(), "a".into(), " ".into()],
            ..Default::default()
        }
    }

    fn known(key: &str) -> bool {
        key == "a" || key == "b"
    }

    #[test]
    fn a_good_form_becomes_input() {
        let input = form().validate(date!(2026 - 11 - 23), known).unwrap();
        assert_eq!(input.kind, EvidenceKind::Reflection);
        assert_eq!(input.title, "Home visit with a family new to the area");
        assert_eq!(
            input.criteria,
            vec!["a", "b"],
            "duplicates and blanks dropped"
        );
        assert!(!input.private);
        assert_eq!(input.link, None);
    }

    #[test]
    fn every_problem_is_reported_against_its_field() {
        let bad = EvidenceForm {
            kind: "essay".into(),
            title: "".into(),
            date: "2026-13-01".into(),
            link: "javascript:alert(1)".into(),
            criteria: vec!["zzz".into()],
            ..Default::default()
        };
        let errors = bad.validate(date!(2026 - 11 - 23), known).unwrap_err();
        for field in ["kind", "title", "date", "link", "criteria"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn reflections_need_an_answer_and_links_need_an_address() {
        let mut empty_reflection = form();
        empty_reflection.what_happened = "  ".into();
        let errors = empty_reflection
            .validate(date!(2026 - 11 - 23), known)
            .unwrap_err();
        assert!(errors.get("what_happened").is_some());

        let mut link = form();
        link.kind = "link".into();
        let errors = link.validate(date!(2026 - 11 - 23), known).unwrap_err();
        assert!(errors.get("link").is_some());
        link.link = "https://example.org/guide".into();
        assert!(link.validate(date!(2026 - 11 - 23), known).is_ok());
    }

    #[test]
    fn future_dates_and_long_titles_are_refused() {
        let mut future = form();
        future.date = "2026-11-24".into();
        assert!(
            future
                .validate(date!(2026 - 11 - 23), known)
                .unwrap_err()
                .get("date")
                .is_some()
        );
        let mut long = form();
        long.title = "x".repeat(MAX_TITLE + 1);
        assert!(
            long.validate(date!(2026 - 11 - 23), known)
                .unwrap_err()
                .get("title")
                .is_some()
        );
    }

    #[test]
    fn the_private_box_counts_when_ticked() {
        let mut private = form();
        private.private = Some("on".into());
        assert!(
            private
                .validate(date!(2026 - 11 - 23), known)
                .unwrap()
                .private
        );
    }

    #[test]
    fn filters_check_their_dates() {
        let filter = EvidenceFilter {
            from: "2026-12-01".into(),
            to: "2026-11-01".into(),
            ..Default::default()
        };
        assert!(filter.validate().unwrap_err().get("to").is_some());
        let filter = EvidenceFilter {
            kind: "poem".into(),
            from: "yesterday".into(),
            ..Default::default()
        };
        let errors = filter.validate().unwrap_err();
        assert!(errors.get("kind").is_some() && errors.get("from").is_some());
        assert!(EvidenceFilter::default().validate().is_ok());
        assert!(EvidenceFilter::default().is_empty());
    }

    #[test]
    fn only_web_links_pass() {
        assert!(is_web_link("https://example.org"));
        assert!(is_web_link("http://intranet.council.gov.uk/page?x=1"));
        assert!(!is_web_link("https://"));
        assert!(!is_web_link("ftp://example.org"));
        assert!(!is_web_link("https://exa mple.org"));
        assert!(!is_web_link("https:///etc/passwd"));
    }
}
