//! A library resource: its kinds, its life from draft to retired, and the curator's form with
//! its validation. Pure and unit-tested; the store and pages build on it.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::dates::{iso, parse_date};
use crate::error::FieldErrors;

/// Kinds of resource, as data: (key, label).
pub const RESOURCE_KINDS: &[(&str, &str)] = &[
    ("guide", "Guide"),
    ("one_minute_guide", "One-minute guide"),
    ("video", "Video"),
    ("podcast", "Podcast"),
    ("research_summary", "Research summary"),
    ("policy", "Policy or procedure"),
    ("tool", "Tool or template"),
    ("course", "Course"),
];

/// The career levels a resource, path or event can be aimed at.
pub const LIBRARY_LEVELS: &[&str] = &[
    "social_work_assistant",
    "nqsw",
    "social_worker",
    "senior_social_worker",
    "advanced_practitioner",
    "team_manager",
];

pub fn kind_label(key: &str) -> &str {
    RESOURCE_KINDS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, label)| *label)
        .unwrap_or(key)
}

pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 600;
pub const MAX_BODY: usize = 50_000;
pub const MAX_LINK: usize = 2_000;
pub const MAX_TAGS: usize = 12;
pub const MAX_TAG: usize = 40;

/// Where a resource is in its life. Only published resources are seen by practitioners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Published,
    Unpublished,
    Retired,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
            Status::Unpublished => "unpublished",
            Status::Retired => "retired",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        match key {
            "draft" => Some(Status::Draft),
            "published" => Some(Status::Published),
            "unpublished" => Some(Status::Unpublished),
            "retired" => Some(Status::Retired),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Published => "Published",
            Status::Unpublished => "Unpublished",
            Status::Retired => "Retired",
        }
    }

    /// Whether a curator may move a resource from this status to `to`. Retired is final:
    /// bookmarks, history and CPD made from it keep pointing at it, but it never returns.
    pub fn can_become(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Draft, Published)
                | (Draft, Retired)
                | (Published, Unpublished)
                | (Published, Retired)
                | (Unpublished, Published)
                | (Unpublished, Retired)
        )
    }
}

/// The curator's form exactly as posted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResourceForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// Plain text or Markdown, rendered through a sanitiser.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub link: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub levels: Vec<String>,
    /// Comma-separated.
    #[serde(default)]
    pub tags: String,
    #[serde(default)]
    pub criteria: Vec<String>,
    #[serde(default)]
    pub review_by: String,
}

/// A validated resource, ready for the store.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceInput {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub link: Option<String>,
    pub kind: String,
    pub levels: Vec<String>,
    pub tags: Vec<String>,
    pub criteria: Vec<String>,
    pub review_by: String,
}

/// Tags as people type them ("Court skills, court ,neglect") made tidy: trimmed, lower case,
/// single-spaced, without repeats, in the order first written.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',') {
        let tag = tag
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

fn length(errors: &mut FieldErrors, field: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        errors.add(field, format!("Keep this to {max} characters or fewer."));
    }
}

impl ResourceForm {
    /// Checks every field, each problem against its field. `levels` are the career levels a
    /// resource may be aimed at; `known_criterion` says whether a criterion lineage exists.
    /// A review date left empty defaults to a year after `today`.
    pub fn validate(
        &self,
        today: Date,
        levels: &[&str],
        known_criterion: impl Fn(&str) -> bool,
    ) -> Result<ResourceInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.add("title", "Give the resource a title.");
        }
        length(&mut errors, "title", &title, MAX_TITLE);
        let summary = self.summary.trim().to_string();
        if summary.is_empty() {
            errors.add(
                "summary",
                "Write a one or two sentence summary: it is what search results show.",
            );
        }
        length(&mut errors, "summary", &summary, MAX_SUMMARY);
        let body = self.body.trim().to_string();
        length(&mut errors, "body", &body, MAX_BODY);
        let link = Some(self.link.trim().to_string()).filter(|l| !l.is_empty());
        if let Some(link) = &link {
            if !link.starts_with("https://") || link.len() <= "https://".len() {
                errors.add("link", "Use a web address starting with https://.");
            } else if link.len() > MAX_LINK || link.chars().any(char::is_whitespace) {
                errors.add("link", "Enter a single web address without spaces.");
            }
        }
        if body.is_empty() && link.is_none() {
            errors.add("body", "Write the resource here, or give a link to it.");
        }
        let kind = self.kind.trim().to_string();
        if !RESOURCE_KINDS.iter().any(|(k, _)| *k == kind) {
            errors.add("kind", "Choose what kind of resource this is.");
        }
        let mut chosen_levels: Vec<String> = Vec::new();
        for level in self
            .levels
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
        {
            if !levels.contains(&level) {
                errors.add("levels", "Choose levels from the list.");
            } else if !chosen_levels.iter().any(|l| l == level) {
                chosen_levels.push(level.to_string());
            }
        }
        let tags = parse_tags(&self.tags);
        if tags.len() > MAX_TAGS {
            errors.add("tags", format!("Use at most {MAX_TAGS} tags."));
        }
        if tags.iter().any(|t| t.chars().count() > MAX_TAG) {
            errors.add(
                "tags",
                format!("Keep each tag to {MAX_TAG} characters or fewer."),
            );
        }
        if tags.iter().any(|t| {
            !t.chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        }) {
            errors.add(
                "tags",
                "Tags are words separated by commas: letters, numbers, spaces and hyphens.",
            );
        }
        let mut criteria: Vec<String> = Vec::new();
        for lineage in self
            .criteria
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
        {
            if !known_criterion(lineage) {
                errors.add("criteria", "Choose criteria from the list.");
            } else if !criteria.iter().any(|c| c == lineage) {
                criteria.push(lineage.to_string());
            }
        }
        let review_by = match self.review_by.trim() {
            "" => iso(crate::asye::schedule::add_months(today, 12)),
            value => match parse_date(value) {
                Some(date) => iso(date),
                None => {
                    errors.add("review_by", "Enter a real date, like 2027-11-23.");
                    String::new()
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ResourceInput {
            title,
            summary,
            body,
            link,
            kind,
            levels: chosen_levels,
            tags,
            criteria,
            review_by,
        })
    }
}

/// Whether a resource is due for review: past its date, or within `soon_days` of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Freshness {
    Current,
    DueSoon,
    Overdue,
}

pub const REVIEW_SOON_DAYS: i64 = 30;

pub fn freshness(review_by: Date, today: Date) -> Freshness {
    let days = (review_by - today).whole_days();
    if days < 0 {
        Freshness::Overdue
    } else if days <= REVIEW_SOON_DAYS {
        Freshness::DueSoon
    } else {
        Freshness::Current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 23);
    const LEVELS: &[&str] = &["nqsw", "social_worker"];

    fn form() -> ResourceForm {
        ResourceForm {
            title: "Writing chronologies".into(),
            summary: "How to build a chronology that shows patterns.".into(),
            body: "## Why\nPatterns matter.".into(),
            kind: "guide".into(),
            levels: vec!["nqsw".into()],
            tags: "Recording, chronologies, recording".into(),
            criteria: vec!["c1".into(), "c1".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_good_form_is_tidied_and_a_review_date_defaults_to_a_year_on() {
        let input = form().validate(TODAY, LEVELS, |c| c == "c1").unwrap();
        assert_eq!(input.tags, vec!["recording", "chronologies"]);
        assert_eq!(input.criteria, vec!["c1"]);
        assert_eq!(input.review_by, "2027-11-23");
        assert_eq!(input.link, None);
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let bad = ResourceForm {
            title: " ".into(),
            summary: "".into(),
            body: "".into(),
            link: "http://example.com".into(),
            kind: "pamphlet".into(),
            levels: vec!["director".into()],
            tags: "ok, <script>".into(),
            criteria: vec!["nope".into()],
            review_by: "soon".into(),
        };
        let errors = bad.validate(TODAY, LEVELS, |_| false).unwrap_err();
        for field in [
            "title",
            "summary",
            "link",
            "kind",
            "levels",
            "tags",
            "criteria",
            "review_by",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn a_resource_needs_a_body_or_a_link() {
        let mut no_content = form();
        no_content.body = " ".into();
        let errors = no_content.validate(TODAY, LEVELS, |_| true).unwrap_err();
        assert!(errors.get("body").is_some());
        let mut linked = no_content.clone();
        linked.link = "https://www.gov.uk/".into();
        assert!(linked.validate(TODAY, LEVELS, |_| true).is_ok());
    }

    #[test]
    fn retired_is_final_and_drafts_do_not_unpublish() {
        use Status::*;
        assert!(Draft.can_become(Published));
        assert!(Published.can_become(Unpublished));
        assert!(Unpublished.can_become(Published));
        assert!(!Draft.can_become(Unpublished));
        for to in [Draft, Published, Unpublished, Retired] {
            assert!(!Retired.can_become(to), "{to:?}");
        }
        for s in [Draft, Published, Unpublished, Retired] {
            assert_eq!(Status::from_key(s.key()), Some(s));
        }
    }

    #[test]
    fn freshness_turns_at_thirty_days_and_at_the_date() {
        assert_eq!(freshness(date!(2026 - 11 - 22), TODAY), Freshness::Overdue);
        assert_eq!(freshness(TODAY, TODAY), Freshness::DueSoon);
        assert_eq!(freshness(date!(2026 - 12 - 23), TODAY), Freshness::DueSoon);
        assert_eq!(freshness(date!(2026 - 12 - 24), TODAY), Freshness::Current);
    }
}
