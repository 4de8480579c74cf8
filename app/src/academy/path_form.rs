//! The learning lead's learning-path form, and the steps of a path: what is posted, its
//! validation, and moving steps about. Pure and unit-tested.

use serde::{Deserialize, Serialize};

use super::resource::LIBRARY_LEVELS;
use crate::auth::roles::Role;
use crate::error::FieldErrors;

/// A path longer than this stops being a path people finish.
pub const MAX_STEPS: usize = 40;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PathForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub levels: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    /// A checkbox: present ("on") when ticked.
    #[serde(default)]
    pub active: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PathInput {
    pub title: String,
    pub summary: String,
    pub levels: Vec<String>,
    pub roles: Vec<String>,
    pub active: bool,
}

/// The roles a path can be for: the ones whose work a path of learning fits.
pub const PATH_ROLES: &[Role] = &[Role::Supervisor, Role::LearningLead, Role::Leader];

impl PathForm {
    pub fn validate(&self) -> Result<PathInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.add("title", "Give the path a title.");
        } else if title.chars().count() > 200 {
            errors.add("title", "Keep the title to 200 characters or fewer.");
        }
        let summary = self.summary.trim().to_string();
        if summary.is_empty() {
            errors.add(
                "summary",
                "Say in a sentence or two who it is for and what it covers.",
            );
        } else if summary.chars().count() > 1000 {
            errors.add("summary", "Keep the summary to 1,000 characters or fewer.");
        }
        let mut levels: Vec<String> = Vec::new();
        for level in self
            .levels
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
        {
            if !LIBRARY_LEVELS.contains(&level) {
                errors.add("levels", "Choose levels from the list.");
            } else if !levels.iter().any(|l| l == level) {
                levels.push(level.to_string());
            }
        }
        let mut roles: Vec<String> = Vec::new();
        for role in self
            .roles
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
        {
            if !PATH_ROLES.iter().any(|r| r.key() == role) {
                errors.add("roles", "Choose roles from the list.");
            } else if !roles.iter().any(|r| r == role) {
                roles.push(role.to_string());
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PathInput {
            title,
            summary,
            levels,
            roles,
            active: self.active.is_some(),
        })
    }
}

/// A step as forms post it: `resource/<key>` or `event/<key>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StepRef {
    pub table: &'static str,
    pub key: String,
}

impl StepRef {
    pub fn parse(value: &str) -> Option<StepRef> {
        let (table, key) = value.trim().split_once('/')?;
        let table = match table {
            "resource" => "resource",
            "event" => "event",
            _ => return None,
        };
        let key_ok = !key.is_empty()
            && key.len() <= 64
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        key_ok.then(|| StepRef {
            table,
            key: key.to_string(),
        })
    }

    pub fn text(&self) -> String {
        format!("{}/{}", self.table, self.key)
    }
}

/// What a learning lead does to one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepChange {
    Add,
    Up,
    Down,
    Remove,
}

impl StepChange {
    pub fn parse(value: &str) -> Option<StepChange> {
        match value {
            "add" => Some(StepChange::Add),
            "up" => Some(StepChange::Up),
            "down" => Some(StepChange::Down),
            "remove" => Some(StepChange::Remove),
            _ => None,
        }
    }
}

/// The steps after the change, or why it cannot be made. Moving the first step up or the
/// last down leaves the order as it is.
pub fn change_steps(
    steps: &[StepRef],
    step: &StepRef,
    change: StepChange,
) -> Result<Vec<StepRef>, &'static str> {
    let at = steps.iter().position(|s| s == step);
    let mut next = steps.to_vec();
    match (change, at) {
        (StepChange::Add, Some(_)) => return Err("That is already a step of this path."),
        (StepChange::Add, None) if steps.len() >= MAX_STEPS => {
            return Err("A path can have up to 40 steps: remove one first.");
        }
        (StepChange::Add, None) => next.push(step.clone()),
        (_, None) => return Err("That is not a step of this path any more. Reload to see it."),
        (StepChange::Up, Some(i)) if i > 0 => next.swap(i, i - 1),
        (StepChange::Down, Some(i)) if i + 1 < steps.len() => next.swap(i, i + 1),
        (StepChange::Up | StepChange::Down, Some(_)) => {}
        (StepChange::Remove, Some(i)) => {
            next.remove(i);
        }
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(key: &str) -> StepRef {
        StepRef::parse(&format!("resource/{key}")).unwrap()
    }

    #[test]
    fn a_complete_form_becomes_a_path_and_duplicates_are_dropped() {
        let input = PathForm {
            title: " New to supervising ".into(),
            summary: "For first-time supervisors.".into(),
            levels: vec!["team_manager".into(), "team_manager".into()],
            roles: vec!["supervisor".into()],
            active: Some("on".into()),
        }
        .validate()
        .unwrap();
        assert_eq!(input.title, "New to supervising");
        assert_eq!(input.levels, vec!["team_manager".to_string()]);
        assert!(input.active);
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let errors = PathForm {
            title: "x".repeat(201),
            summary: " ".into(),
            levels: vec!["wizard".into()],
            roles: vec!["admin".into()],
            active: None,
        }
        .validate()
        .unwrap_err();
        for field in ["title", "summary", "levels", "roles"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn step_references_name_a_resource_or_an_event() {
        assert_eq!(
            StepRef::parse("event/abc_1"),
            Some(StepRef {
                table: "event",
                key: "abc_1".into()
            })
        );
        assert_eq!(StepRef::parse("person/abc"), None);
        assert_eq!(StepRef::parse("resource/"), None);
        assert_eq!(StepRef::parse("resource/a b"), None);
        assert_eq!(StepRef::parse("resource"), None);
        assert_eq!(r("x").text(), "resource/x");
    }

    #[test]
    fn steps_are_added_once_moved_and_removed() {
        let steps = vec![r("a"), r("b"), r("c")];
        assert_eq!(
            change_steps(&steps, &r("d"), StepChange::Add).unwrap(),
            vec![r("a"), r("b"), r("c"), r("d")]
        );
        assert!(change_steps(&steps, &r("a"), StepChange::Add).is_err());
        assert_eq!(
            change_steps(&steps, &r("b"), StepChange::Up).unwrap(),
            vec![r("b"), r("a"), r("c")]
        );
        assert_eq!(
            change_steps(&steps, &r("b"), StepChange::Down).unwrap(),
            vec![r("a"), r("c"), r("b")]
        );
        assert_eq!(
            change_steps(&steps, &r("a"), StepChange::Up).unwrap(),
            steps
        );
        assert_eq!(
            change_steps(&steps, &r("c"), StepChange::Down).unwrap(),
            steps
        );
        assert_eq!(
            change_steps(&steps, &r("b"), StepChange::Remove).unwrap(),
            vec![r("a"), r("c")]
        );
        assert!(change_steps(&steps, &r("z"), StepChange::Remove).is_err());
        let full: Vec<StepRef> = (0..MAX_STEPS).map(|i| r(&format!("s{i}"))).collect();
        assert!(change_steps(&full, &r("new"), StepChange::Add).is_err());
    }
}
