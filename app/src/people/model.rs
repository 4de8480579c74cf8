//! People and teams as the browser sees them, and the validation of what admins enter.

use serde::{Deserialize, Serialize};

use super::levels::is_level;
use crate::auth::password::check_new_password;
use crate::auth::roles::Role;
use crate::error::FieldErrors;

pub const PEOPLE_PER_PAGE: u32 = 25;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

impl<T> Page<T> {
    pub fn page_count(&self) -> u32 {
        (self.total.div_ceil(self.per_page.max(1) as u64)).max(1) as u32
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub id: String,
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub career_level: String,
    pub team_name: Option<String>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PersonDetail {
    pub id: String,
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub career_level: String,
    pub team_id: Option<String>,
    pub line_manager_id: Option<String>,
    pub assessor_id: Option<String>,
    pub job_title: Option<String>,
    pub start_date: Option<String>,
    pub swe_number: Option<String>,
    pub active: bool,
}

/// A choice in a select: id and label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FormChoices {
    pub teams: Vec<Choice>,
    pub managers: Vec<Choice>,
}

/// The person form exactly as posted: strings, with checkboxes present only when ticked,
/// so it works as a plain HTML form before the wasm loads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonForm {
    pub name: String,
    pub email: String,
    pub career_level: String,
    #[serde(default)]
    pub team_id: String,
    #[serde(default)]
    pub line_manager_id: String,
    /// An ASYE or other assessor, who reviews alongside the line manager.
    #[serde(default)]
    pub assessor_id: String,
    #[serde(default)]
    pub job_title: String,
    #[serde(default)]
    pub start_date: String,
    #[serde(default)]
    pub swe_number: String,
    /// Only when creating: the first password, which the person changes after signing in.
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub role_practitioner: Option<String>,
    #[serde(default)]
    pub role_supervisor: Option<String>,
    #[serde(default)]
    pub role_learning_lead: Option<String>,
    #[serde(default)]
    pub role_leader: Option<String>,
    #[serde(default)]
    pub role_admin: Option<String>,
}

/// A validated person, ready for the store.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonInput {
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub career_level: String,
    pub team_id: Option<String>,
    pub line_manager_id: Option<String>,
    pub assessor_id: Option<String>,
    pub job_title: Option<String>,
    pub start_date: Option<String>,
    pub swe_number: Option<String>,
    pub password: Option<String>,
}

fn optional(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// A deliberately plain check: one `@`, something before it, a dotted domain after it,
/// no spaces. Delivery is what really proves an address.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && email.len() <= 254
}

/// Social Work England registration numbers look like `SW123456`.
pub fn is_swe_number(value: &str) -> bool {
    let upper = value.to_ascii_uppercase();
    upper.len() >= 4
        && upper.len() <= 12
        && upper.starts_with("SW")
        && upper[2..].bytes().all(|b| b.is_ascii_digit())
}

fn is_iso_date(value: &str) -> bool {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(value, &format).is_ok()
}

impl PersonForm {
    pub fn roles(&self) -> Vec<Role> {
        [
            (Role::Practitioner, &self.role_practitioner),
            (Role::Supervisor, &self.role_supervisor),
            (Role::LearningLead, &self.role_learning_lead),
            (Role::Leader, &self.role_leader),
            (Role::Admin, &self.role_admin),
        ]
        .into_iter()
        .filter(|(_, ticked)| ticked.is_some())
        .map(|(role, _)| role)
        .collect()
    }

    /// Checks every field and says what is wrong with each. `creating` asks for a password.
    pub fn validate(&self, creating: bool) -> Result<PersonInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.add("name", "Enter the person's full name.");
        } else if name.chars().count() > 120 {
            errors.add("name", "Use at most 120 characters for the name.");
        }
        let email = self.email.trim().to_lowercase();
        if email.is_empty() {
            errors.add("email", "Enter an email address.");
        } else if !is_plausible_email(&email) {
            errors.add("email", "Enter an email address like name@council.gov.uk.");
        }
        let roles = self.roles();
        if roles.is_empty() {
            errors.add("roles", "Choose at least one role.");
        }
        let career_level = self.career_level.trim().to_string();
        if !is_level(&career_level) {
            errors.add("career_level", "Choose a career level from the list.");
        }
        let job_title = optional(&self.job_title);
        if job_title.as_ref().is_some_and(|t| t.chars().count() > 120) {
            errors.add("job_title", "Use at most 120 characters for the job title.");
        }
        let start_date = optional(&self.start_date);
        if start_date.as_deref().is_some_and(|d| !is_iso_date(d)) {
            errors.add(
                "start_date",
                "Enter the start date as a real date, like 2024-09-02.",
            );
        }
        let swe_number = optional(&self.swe_number).map(|n| n.to_ascii_uppercase());
        if swe_number.as_deref().is_some_and(|n| !is_swe_number(n)) {
            errors.add(
                "swe_number",
                "Enter a Social Work England number like SW123456, or leave it blank.",
            );
        }
        let password = if creating {
            check_new_password(&self.password, &email, "password", &mut errors);
            Some(self.password.clone())
        } else {
            None
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PersonInput {
            name,
            email,
            roles,
            career_level,
            team_id: optional(&self.team_id),
            line_manager_id: optional(&self.line_manager_id),
            assessor_id: optional(&self.assessor_id),
            job_title,
            start_date,
            swe_number,
            password,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamNode {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub parent_id: Option<String>,
    pub archived: bool,
    pub members: u64,
}

/// Orders teams as a tree for display: each service, then its teams, depth-first.
/// Returns (depth, node) pairs; orphans (a parent archived or missing) are shown at the top.
pub fn tree_order(teams: &[TeamNode]) -> Vec<(usize, TeamNode)> {
    let mut ordered = Vec::with_capacity(teams.len());
    let known: std::collections::HashSet<&str> = teams.iter().map(|t| t.id.as_str()).collect();
    let mut roots: Vec<&TeamNode> = teams
        .iter()
        .filter(|t| t.parent_id.as_deref().is_none_or(|p| !known.contains(p)))
        .collect();
    roots.sort_by_key(|team| team.name.to_lowercase());
    fn visit(
        node: &TeamNode,
        depth: usize,
        teams: &[TeamNode],
        ordered: &mut Vec<(usize, TeamNode)>,
    ) {
        // A cycle cannot be stored (moves are checked), but a bad import must not hang us.
        if depth > 16 || ordered.iter().any(|(_, seen)| seen.id == node.id) {
            return;
        }
        ordered.push((depth, node.clone()));
        let mut children: Vec<&TeamNode> = teams
            .iter()
            .filter(|t| t.parent_id.as_deref() == Some(node.id.as_str()))
            .collect();
        children.sort_by_key(|team| team.name.to_lowercase());
        for child in children {
            visit(child, depth + 1, teams, ordered);
        }
    }
    for root in roots {
        visit(root, 0, teams, &mut ordered);
    }
    ordered
}

/// Checks a team name.
pub fn check_team_name(name: &str, errors: &mut FieldErrors) -> String {
    let name = name.trim().to_string();
    if name.is_empty() {
        errors.add("name", "Enter a name for the team.");
    } else if name.chars().count() > 80 {
        errors.add("name", "Use at most 80 characters for the team name.");
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_form() -> PersonForm {
        PersonForm {
            name: "  Amira Khan ".into(),
            email: "Amira.Khan@Demo.test".into(),
            career_level: "social_worker".into(),
            password: "kettle orchard lantern".into(),
            role_practitioner: Some("on".into()),
            ..PersonForm::default()
        }
    }

    #[test]
    fn a_valid_form_is_normalised() {
        let input = valid_form().validate(true).unwrap();
        assert_eq!(input.name, "Amira Khan");
        assert_eq!(input.email, "amira.khan@demo.test");
        assert_eq!(input.roles, vec![Role::Practitioner]);
        assert_eq!(input.team_id, None);
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let form = PersonForm {
            name: " ".into(),
            email: "not-an-email".into(),
            career_level: "wizard".into(),
            start_date: "2024-02-30".into(),
            swe_number: "12345".into(),
            password: "short".into(),
            ..PersonForm::default()
        };
        let errors = form.validate(true).unwrap_err();
        for field in [
            "name",
            "email",
            "roles",
            "career_level",
            "start_date",
            "swe_number",
            "password",
        ] {
            assert!(errors.get(field).is_some(), "missing message for {field}");
        }
    }

    #[test]
    fn editing_does_not_ask_for_a_password() {
        let form = PersonForm {
            password: String::new(),
            ..valid_form()
        };
        assert!(form.validate(false).is_ok());
        assert!(form.validate(true).is_err());
    }

    #[test]
    fn email_plausibility() {
        assert!(is_plausible_email("a.b@council.gov.uk"));
        assert!(!is_plausible_email("a@b"));
        assert!(!is_plausible_email("a b@c.uk"));
        assert!(!is_plausible_email("@c.uk"));
        assert!(!is_plausible_email("a@@c.uk"));
    }

    #[test]
    fn swe_numbers() {
        assert!(is_swe_number("SW123456"));
        assert!(!is_swe_number("SW12a456"));
        assert!(!is_swe_number("123456"));
    }

    fn node(id: &str, name: &str, parent: Option<&str>) -> TeamNode {
        TeamNode {
            id: id.into(),
            name: name.into(),
            kind: if parent.is_some() { "team" } else { "service" }.into(),
            parent_id: parent.map(str::to_string),
            archived: false,
            members: 0,
        }
    }

    #[test]
    fn teams_are_ordered_as_a_tree() {
        let teams = vec![
            node("t2", "Locality West", Some("s1")),
            node("s1", "Localities", None),
            node("t1", "Locality East", Some("s1")),
            node("s0", "Duty and Advice", None),
        ];
        let order: Vec<(usize, String)> = tree_order(&teams)
            .into_iter()
            .map(|(depth, t)| (depth, t.id))
            .collect();
        let expected = [(0, "s0"), (0, "s1"), (1, "t1"), (1, "t2")];
        assert_eq!(order, expected.map(|(d, id)| (d, id.to_string())));
    }

    #[test]
    fn a_cycle_does_not_hang() {
        let teams = vec![node("a", "A", Some("b")), node("b", "B", Some("a"))];
        // Neither is a root, so neither is shown: but the call returns.
        assert!(tree_order(&teams).len() <= 2);
    }
}

/// One's own record, as shown on the home and account pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileView {
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub career_level: String,
    pub job_title: Option<String>,
    pub team_name: Option<String>,
    pub service_name: Option<String>,
    pub line_manager_name: Option<String>,
    pub start_date: Option<String>,
    pub swe_number: Option<String>,
}

/// Council-wide headcounts: aggregates only, never one person.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Headcounts {
    pub active_people: u64,
    pub by_level: Vec<(String, u64)>,
    pub by_service: Vec<(String, u64)>,
}
