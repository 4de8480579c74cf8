//! The sections of the app and who sees them.

use crate::auth::Viewer;
use crate::auth::roles::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub label: &'static str,
    pub href: &'static str,
    pub action: Action,
    /// Shown also to people this action allows.
    pub or: Option<Action>,
    /// Shown only to people at this career level.
    pub level: Option<&'static str>,
    /// Hidden from people at these levels (staff outside social work keep no CPD).
    pub except: &'static [&'static str],
}

/// Every section that exists, in navigation order.
pub const SECTIONS: &[Section] = &[
    Section {
        label: "Home",
        href: "/",
        action: Action::UseOwnAccount,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "My pathway",
        href: "/pathway",
        action: Action::UseOwnAccount,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "Evidence",
        href: "/evidence",
        action: Action::UseOwnAccount,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "Learning",
        href: "/learning",
        action: Action::UseOwnAccount,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "Library",
        href: "/library",
        action: Action::UseOwnAccount,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "Events",
        href: "/events",
        action: Action::UseOwnAccount,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "My ASYE",
        href: "/asye",
        action: Action::UseOwnAccount,
        or: None,
        level: Some("nqsw"),
        except: &[],
    },
    Section {
        label: "CPD",
        href: "/cpd",
        action: Action::UseOwnAccount,
        or: None,
        level: None,
        except: &["not_social_work"],
    },
    Section {
        label: "Supervision",
        href: "/supervision",
        action: Action::UseOwnAccount,
        or: None,
        level: None,
        except: &["not_social_work"],
    },
    Section {
        label: "Surveys",
        href: "/surveys",
        action: Action::UseOwnAccount,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "Reviews",
        href: "/reviews",
        action: Action::ViewSupervisees,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "My team",
        href: "/team",
        action: Action::ViewSupervisees,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "ASYE cohort",
        href: "/asye/cohort",
        action: Action::CoordinateAsye,
        or: Some(Action::ViewSupervisees),
        level: None,
        except: &[],
    },
    Section {
        label: "Progression requests",
        href: "/progression",
        action: Action::ArrangePanels,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "Frameworks",
        href: "/frameworks",
        action: Action::ManageFrameworks,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "Insight",
        href: "/insight",
        action: Action::ReadInsight,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "People",
        href: "/admin/people",
        action: Action::ManagePeople,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "Teams",
        href: "/admin/teams",
        action: Action::ManageTeams,
        or: None,
        level: None,
        except: &[],
    },
    Section {
        label: "Imports",
        href: "/admin/imports",
        action: Action::ManagePeople,
        or: Some(Action::ManageTeams),
        level: None,
        except: &[],
    },
    Section {
        label: "My account",
        href: "/account",
        action: Action::UseOwnAccount,
        or: None,
        level: None,
        except: &[],
    },
];

pub fn sections_for(viewer: &Viewer) -> Vec<Section> {
    SECTIONS
        .iter()
        .copied()
        .filter(|section| viewer.can(section.action) || section.or.is_some_and(|a| viewer.can(a)))
        .filter(|section| {
            section
                .level
                .is_none_or(|level| viewer.career_level == level)
        })
        .filter(|section| !section.except.contains(&viewer.career_level.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::roles::Role;

    fn viewer(roles: &[Role]) -> Viewer {
        Viewer {
            id: "p".into(),
            name: "A B".into(),
            email: "a@b.test".into(),
            roles: roles.to_vec(),
            career_level: "nqsw".into(),
            org_id: "o".into(),
            org_name: "Org".into(),
        }
    }

    fn labels(roles: &[Role]) -> Vec<&'static str> {
        sections_for(&viewer(roles))
            .iter()
            .map(|s| s.label)
            .collect()
    }

    #[test]
    fn practitioners_see_home_and_account() {
        assert_eq!(
            labels(&[Role::Practitioner]),
            vec![
                "Home",
                "My pathway",
                "Evidence",
                "Learning",
                "Library",
                "Events",
                "My ASYE",
                "CPD",
                "Supervision",
                "Surveys",
                "My account"
            ]
        );
    }

    #[test]
    fn supervisors_also_see_their_team() {
        assert_eq!(
            labels(&[Role::Supervisor]),
            vec![
                "Home",
                "My pathway",
                "Evidence",
                "Learning",
                "Library",
                "Events",
                "My ASYE",
                "CPD",
                "Supervision",
                "Surveys",
                "Reviews",
                "My team",
                "ASYE cohort",
                "My account"
            ]
        );
    }

    #[test]
    fn admins_see_people_and_teams() {
        assert_eq!(
            labels(&[Role::Admin]),
            vec![
                "Home",
                "My pathway",
                "Evidence",
                "Learning",
                "Library",
                "Events",
                "My ASYE",
                "CPD",
                "Supervision",
                "Surveys",
                "Progression requests",
                "Frameworks",
                "Insight",
                "People",
                "Teams",
                "Imports",
                "My account"
            ]
        );
    }

    #[test]
    fn only_nqsws_see_their_asye_and_coordinators_see_the_cohort() {
        let mut lead = viewer(&[Role::LearningLead]);
        lead.career_level = "advanced_practitioner".into();
        let labels: Vec<&str> = sections_for(&lead).iter().map(|s| s.label).collect();
        assert!(!labels.contains(&"My ASYE"));
        assert!(labels.contains(&"ASYE cohort"));
        assert!(labels.contains(&"CPD"));
    }

    #[test]
    fn staff_outside_social_work_keep_no_cpd_or_supervision_log() {
        let mut admin = viewer(&[Role::Admin]);
        admin.career_level = "not_social_work".into();
        let labels: Vec<&str> = sections_for(&admin).iter().map(|s| s.label).collect();
        assert!(!labels.contains(&"CPD"), "{labels:?}");
        assert!(!labels.contains(&"Supervision"), "{labels:?}");
    }
}
