//! Who may do what. This is the one place that decides; every server function asks it
//! (through `Viewer::require`) before it touches anything, and the navigation asks it only
//! to hide what a person could not use anyway.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Practitioner,
    Supervisor,
    LearningLead,
    Leader,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Practitioner,
        Role::Supervisor,
        Role::LearningLead,
        Role::Leader,
        Role::Admin,
    ];

    /// The key stored in the database and used in forms.
    pub fn key(self) -> &'static str {
        match self {
            Role::Practitioner => "practitioner",
            Role::Supervisor => "supervisor",
            Role::LearningLead => "learning_lead",
            Role::Leader => "leader",
            Role::Admin => "admin",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Practitioner => "Practitioner",
            Role::Supervisor => "Supervisor",
            Role::LearningLead => "Learning lead",
            Role::Leader => "Leader",
            Role::Admin => "Admin",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.key() == key)
    }
}

/// Everything the app lets someone do, named for the decision rather than the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read and change one's own profile, password and development records.
    UseOwnAccount,
    /// See the people one supervises or line-manages, and their progress.
    ViewSupervisees,
    /// Curate resources, learning paths, events and surveys.
    CurateLearning,
    /// Read council-wide aggregates (never one person's survey answers).
    ReadInsight,
    /// Create, edit and deactivate people; assign roles, teams and levels.
    ManagePeople,
    /// Create, rename, move and archive teams.
    ManageTeams,
    /// Edit progression frameworks and publish new versions.
    ManageFrameworks,
    /// Coordinate the ASYE: see the whole cohort, start programmes, record moderation.
    CoordinateAsye,
    /// Arrange progression panels and see every open progression request in the council.
    ArrangePanels,
}

/// Whether any of `roles` permits `action`.
pub fn allows(roles: &[Role], action: Action) -> bool {
    roles.iter().any(|role| role_allows(*role, action))
}

fn role_allows(role: Role, action: Action) -> bool {
    use Action::*;
    match role {
        // Every signed-in person has their own account, whatever their roles.
        _ if action == UseOwnAccount => true,
        Role::Practitioner => false,
        Role::Supervisor => matches!(action, ViewSupervisees),
        Role::LearningLead => matches!(
            action,
            CurateLearning | ReadInsight | ManageFrameworks | CoordinateAsye
        ),
        Role::Leader => matches!(action, ReadInsight),
        Role::Admin => matches!(
            action,
            ManagePeople | ManageTeams | ReadInsight | ManageFrameworks | ArrangePanels
        ),
    }
}

/// "Supervisor, Practitioner": roles as people read them.
pub fn labels(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|role| role.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "practitioner,supervisor": roles as the audit log records them.
pub fn keys(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|role| role.key())
        .collect::<Vec<_>>()
        .join(",")
}

/// Parse role keys from a form, refusing unknown ones rather than dropping them silently.
pub fn parse_roles(keys: &[String]) -> Result<Vec<Role>, String> {
    let mut roles = Vec::with_capacity(keys.len());
    for key in keys {
        let role = Role::from_key(key.trim()).ok_or_else(|| format!("\"{key}\" is not a role."))?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    roles.sort();
    Ok(roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyone_uses_their_own_account() {
        for role in Role::ALL {
            assert!(allows(&[role], Action::UseOwnAccount), "{role:?}");
        }
    }

    #[test]
    fn no_roles_allow_nothing_but_own_account() {
        assert!(!allows(&[], Action::UseOwnAccount));
        assert!(!allows(&[], Action::ManagePeople));
    }

    #[test]
    fn only_admins_manage_people_and_teams() {
        for role in Role::ALL {
            let expected = role == Role::Admin;
            assert_eq!(allows(&[role], Action::ManagePeople), expected, "{role:?}");
            assert_eq!(allows(&[role], Action::ManageTeams), expected, "{role:?}");
        }
    }

    #[test]
    fn practitioners_cannot_read_insight_or_curate() {
        assert!(!allows(&[Role::Practitioner], Action::ReadInsight));
        assert!(!allows(&[Role::Practitioner], Action::CurateLearning));
        assert!(!allows(&[Role::Practitioner], Action::ViewSupervisees));
    }

    #[test]
    fn roles_combine() {
        let senior_and_assessor = [Role::Practitioner, Role::Supervisor];
        assert!(allows(&senior_and_assessor, Action::ViewSupervisees));
        assert!(!allows(&senior_and_assessor, Action::ManagePeople));
    }

    #[test]
    fn learning_leads_curate_and_leaders_do_not() {
        assert!(allows(&[Role::LearningLead], Action::CurateLearning));
        assert!(!allows(&[Role::Leader], Action::CurateLearning));
        assert!(allows(&[Role::Leader], Action::ReadInsight));
    }

    #[test]
    fn learning_leads_and_admins_edit_frameworks_and_only_admins_arrange_panels() {
        for role in Role::ALL {
            let edits = matches!(role, Role::LearningLead | Role::Admin);
            assert_eq!(allows(&[role], Action::ManageFrameworks), edits, "{role:?}");
            assert_eq!(
                allows(&[role], Action::ArrangePanels),
                role == Role::Admin,
                "{role:?}"
            );
        }
    }

    #[test]
    fn role_keys_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
        assert_eq!(Role::from_key("root"), None);
    }

    #[test]
    fn labels_and_keys_join_in_order() {
        let roles = [Role::Supervisor, Role::Practitioner];
        assert_eq!(labels(&roles), "Supervisor, Practitioner");
        assert_eq!(keys(&roles), "supervisor,practitioner");
        assert_eq!(labels(&[]), "");
    }

    #[test]
    fn parse_roles_refuses_unknown_and_dedupes() {
        let parsed = parse_roles(&["admin".into(), "practitioner".into(), "admin".into()]);
        assert_eq!(parsed, Ok(vec![Role::Practitioner, Role::Admin]));
        assert!(parse_roles(&["superuser".into()]).is_err());
    }
}
