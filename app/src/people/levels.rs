//! Career levels of the demo council's pathway. Stable keys are stored on people; the
//! progression framework (a later capability) maps its own levels onto these keys.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CareerLevel {
    pub key: &'static str,
    pub label: &'static str,
}

pub const CAREER_LEVELS: &[CareerLevel] = &[
    CareerLevel {
        key: "social_work_assistant",
        label: "Social Work Assistant",
    },
    CareerLevel {
        key: "nqsw",
        label: "Newly qualified social worker (ASYE)",
    },
    CareerLevel {
        key: "social_worker",
        label: "Social Worker",
    },
    CareerLevel {
        key: "senior_social_worker",
        label: "Senior Social Worker",
    },
    CareerLevel {
        key: "advanced_practitioner",
        label: "Advanced Practitioner",
    },
    CareerLevel {
        key: "team_manager",
        label: "Practice Supervisor / Team Manager",
    },
    CareerLevel {
        key: "service_manager",
        label: "Service Manager",
    },
    CareerLevel {
        key: "head_of_service",
        label: "Head of Service",
    },
    CareerLevel {
        key: "not_social_work",
        label: "Not on the social work pathway",
    },
];

pub fn level_label(key: &str) -> &str {
    CAREER_LEVELS
        .iter()
        .find(|level| level.key == key)
        .map(|level| level.label)
        .unwrap_or(key)
}

pub fn is_level(key: &str) -> bool {
    CAREER_LEVELS.iter().any(|level| level.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_keys() {
        assert_eq!(level_label("nqsw"), "Newly qualified social worker (ASYE)");
        assert_eq!(level_label("unknown"), "unknown");
        assert!(is_level("advanced_practitioner"));
        assert!(!is_level("wizard"));
    }
}
