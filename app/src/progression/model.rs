//! The progression framework's types and rules: statuses, step kinds, readiness arithmetic and
//! who may decide what. Pure, shared by server and browser, unit-tested here.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// How a person moves from one level to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Happens by itself once the requirement is met.
    Automatic,
    /// The supervisor assesses and decides.
    Assessment,
    /// A panel decides, with reasons, on a reflective account and evidence.
    Panel,
    /// Decided outside Pathway by recruitment, and recorded here.
    Recruitment,
}

impl StepKind {
    pub const ALL: [StepKind; 4] = [
        StepKind::Automatic,
        StepKind::Assessment,
        StepKind::Panel,
        StepKind::Recruitment,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StepKind::Automatic => "automatic",
            StepKind::Assessment => "assessment",
            StepKind::Panel => "panel",
            StepKind::Recruitment => "recruitment",
        }
    }

    pub fn from_key(key: &str) -> Option<StepKind> {
        StepKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            StepKind::Automatic => "Automatic",
            StepKind::Assessment => "Assessment by your supervisor",
            StepKind::Panel => "Progression panel",
            StepKind::Recruitment => "Recruitment",
        }
    }

    /// What happens at this step, in a sentence a practitioner can act on.
    pub fn explain(self) -> &'static str {
        match self {
            StepKind::Automatic => {
                "You move up automatically as soon as the required criteria are signed off."
            }
            StepKind::Assessment => {
                "When the required criteria are signed off, ask for a progression decision; your supervisor assesses and decides."
            }
            StepKind::Panel => {
                "When the required criteria are signed off, ask for a panel: write a reflective account, and the panel decides with reasons."
            }
            StepKind::Recruitment => {
                "This move is made by applying for a post. The criteria guide your development; the appointment is recorded here."
            }
        }
    }

    /// Whether a person or their supervisor opens a case for this step in Pathway.
    pub fn opened_in_app(self) -> bool {
        matches!(self, StepKind::Assessment | StepKind::Panel)
    }
}

/// Where a person stands on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Submitted,
    Returned,
    SignedOff,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Submitted,
        Status::Returned,
        Status::SignedOff,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Submitted => "submitted",
            Status::Returned => "returned",
            Status::SignedOff => "signed_off",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Submitted => "With your supervisor",
            Status::Returned => "Returned",
            Status::SignedOff => "Signed off",
        }
    }

    /// A neutral label for people other than the practitioner.
    pub fn label_for_others(self) -> &'static str {
        match self {
            Status::Submitted => "Submitted",
            other => other.label(),
        }
    }

    /// Whether the practitioner can send this criterion for review now (given evidence).
    pub fn can_submit(self) -> bool {
        matches!(self, Status::InProgress | Status::Returned)
    }
}

/// The kinds of evidence a practitioner records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    Reflection,
    DirectObservation,
    Feedback,
    Supervision,
    Certificate,
    Link,
    Other,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 7] = [
        EvidenceKind::Reflection,
        EvidenceKind::DirectObservation,
        EvidenceKind::Feedback,
        EvidenceKind::Supervision,
        EvidenceKind::Certificate,
        EvidenceKind::Link,
        EvidenceKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EvidenceKind::Reflection => "reflection",
            EvidenceKind::DirectObservation => "direct_observation",
            EvidenceKind::Feedback => "feedback",
            EvidenceKind::Supervision => "supervision",
            EvidenceKind::Certificate => "certificate",
            EvidenceKind::Link => "link",
            EvidenceKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<EvidenceKind> {
        EvidenceKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::Reflection => "Reflection",
            EvidenceKind::DirectObservation => "Direct observation",
            EvidenceKind::Feedback => "Feedback from others",
            EvidenceKind::Supervision => "Supervision",
            EvidenceKind::Certificate => "Certificate",
            EvidenceKind::Link => "Link",
            EvidenceKind::Other => "Other",
        }
    }
}

/// How many of `total` criteria a step needs signed off: the share rounded up, so "80%" of
/// 27 criteria is 22, never 21.6 rounded down to 21.
pub fn required_count(total: u32, required_percent: u8) -> u32 {
    let percent = u32::from(required_percent.min(100));
    (total * percent).div_ceil(100)
}

/// Criteria signed off against those a step requires.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readiness {
    pub signed_off: u32,
    pub total: u32,
    pub required: u32,
}

impl Readiness {
    pub fn met(&self) -> bool {
        self.total > 0 && self.signed_off >= self.required
    }

    /// Signed off as a whole percentage of all criteria (0 when there are none).
    pub fn percent(&self) -> u32 {
        (self.signed_off * 100).checked_div(self.total).unwrap_or(0)
    }

    pub fn still_needed(&self) -> u32 {
        self.required.saturating_sub(self.signed_off)
    }
}

/// The statuses of one domain's criteria, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    pub not_started: u32,
    pub in_progress: u32,
    pub submitted: u32,
    pub returned: u32,
    pub signed_off: u32,
}

impl StatusCounts {
    pub fn add(&mut self, status: Status) {
        match status {
            Status::NotStarted => self.not_started += 1,
            Status::InProgress => self.in_progress += 1,
            Status::Submitted => self.submitted += 1,
            Status::Returned => self.returned += 1,
            Status::SignedOff => self.signed_off += 1,
        }
    }

    pub fn get(&self, status: Status) -> u32 {
        match status {
            Status::NotStarted => self.not_started,
            Status::InProgress => self.in_progress,
            Status::Submitted => self.submitted,
            Status::Returned => self.returned,
            Status::SignedOff => self.signed_off,
        }
    }

    pub fn total(&self) -> u32 {
        Status::ALL.into_iter().map(|s| self.get(s)).sum()
    }
}

/// A criterion of the current framework version, as readiness needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionKey<'a> {
    pub lineage: &'a str,
    pub domain: &'a str,
}

/// Readiness over the current version's criteria for a level. Progress is keyed by lineage,
/// so a sign-off made under an older version counts wherever the criterion carried over;
/// criteria retired from the version are simply not in `criteria` and no longer count.
pub fn readiness(
    criteria: &[CriterionKey<'_>],
    statuses: &HashMap<String, Status>,
    required_percent: u8,
) -> (Readiness, HashMap<String, StatusCounts>) {
    let mut by_domain: HashMap<String, StatusCounts> = HashMap::new();
    let mut signed_off = 0;
    for criterion in criteria {
        let status = statuses
            .get(criterion.lineage)
            .copied()
            .unwrap_or(Status::NotStarted);
        if status == Status::SignedOff {
            signed_off += 1;
        }
        by_domain
            .entry(criterion.domain.to_string())
            .or_default()
            .add(status);
    }
    let total = criteria.len() as u32;
    (
        Readiness {
            signed_off,
            total,
            required: required_count(total, required_percent),
        },
        by_domain,
    )
}

/// Why a progression case cannot be opened, or `Ok` if it can.
pub fn check_can_open_case(
    kind: StepKind,
    readiness: &Readiness,
    has_open_case: bool,
) -> Result<(), &'static str> {
    if !kind.opened_in_app() {
        return Err(match kind {
            StepKind::Automatic => {
                "This step happens automatically when the criteria are signed off."
            }
            _ => "This step is made by recruitment; your admin records the appointment.",
        });
    }
    if has_open_case {
        return Err("There is already an open progression request.");
    }
    if !readiness.met() {
        return Err("The required criteria are not all signed off yet.");
    }
    Ok(())
}

/// Who is acting on a case, relative to the person it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeciderRole {
    pub is_subject: bool,
    pub is_supervisor: bool,
    pub on_panel: bool,
}

/// Whether someone in `role` may record the decision on a case of `kind`. Nobody decides
/// their own progression; an assessment is the supervisor's, a panel's is the panel's.
pub fn may_decide(kind: StepKind, role: DeciderRole) -> bool {
    if role.is_subject {
        return false;
    }
    match kind {
        StepKind::Assessment => role.is_supervisor,
        StepKind::Panel => role.on_panel,
        StepKind::Automatic | StepKind::Recruitment => false,
    }
}

/// The decision on a progression case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Defer,
}

impl Decision {
    pub fn from_key(key: &str) -> Option<Decision> {
        match key {
            "approve" => Some(Decision::Approve),
            "defer" => Some(Decision::Defer),
            _ => None,
        }
    }
}

/// A reviewer's answer to a submitted criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    SignOff,
    Return,
}

impl Verdict {
    pub fn from_key(key: &str) -> Option<Verdict> {
        match key {
            "sign_off" => Some(Verdict::SignOff),
            "return" => Some(Verdict::Return),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statuses(pairs: &[(&str, Status)]) -> HashMap<String, Status> {
        pairs.iter().map(|(k, s)| (k.to_string(), *s)).collect()
    }

    #[test]
    fn required_count_rounds_up() {
        assert_eq!(required_count(27, 100), 27);
        assert_eq!(required_count(27, 80), 22);
        assert_eq!(required_count(10, 80), 8);
        assert_eq!(required_count(3, 50), 2);
        assert_eq!(required_count(0, 80), 0);
        assert_eq!(required_count(5, 0), 0);
        assert_eq!(required_count(5, 200), 5, "shares above 100% are capped");
    }

    #[test]
    fn readiness_counts_signed_off_overall_and_per_domain() {
        let criteria = [
            CriterionKey {
                lineage: "a1",
                domain: "a",
            },
            CriterionKey {
                lineage: "a2",
                domain: "a",
            },
            CriterionKey {
                lineage: "b1",
                domain: "b",
            },
            CriterionKey {
                lineage: "b2",
                domain: "b",
            },
        ];
        let progress = statuses(&[
            ("a1", Status::SignedOff),
            ("a2", Status::Returned),
            ("b1", Status::Submitted),
            ("other_level", Status::SignedOff),
        ]);
        let (overall, domains) = readiness(&criteria, &progress, 75);
        assert_eq!(
            overall,
            Readiness {
                signed_off: 1,
                total: 4,
                required: 3
            }
        );
        assert!(!overall.met());
        assert_eq!(overall.percent(), 25);
        assert_eq!(overall.still_needed(), 2);
        assert_eq!(domains["a"].signed_off, 1);
        assert_eq!(domains["a"].returned, 1);
        assert_eq!(domains["b"].submitted, 1);
        assert_eq!(domains["b"].not_started, 1);
        assert_eq!(domains["b"].total(), 2);
    }

    #[test]
    fn readiness_is_met_at_the_required_share_and_never_with_no_criteria() {
        let criteria = [
            CriterionKey {
                lineage: "x",
                domain: "d",
            },
            CriterionKey {
                lineage: "y",
                domain: "d",
            },
        ];
        let one = statuses(&[("x", Status::SignedOff)]);
        assert!(readiness(&criteria, &one, 50).0.met());
        assert!(!readiness(&criteria, &one, 51).0.met());
        assert!(!readiness(&[], &one, 0).0.met());
    }

    #[test]
    fn sign_offs_carry_over_to_a_new_version_by_lineage() {
        // Version 1 had a1, a2, a3; version 2 retired a3, reworded a2 (same lineage) and
        // added a4. The sign-offs of a2 and a3 were made under version 1.
        let progress = statuses(&[("a2", Status::SignedOff), ("a3", Status::SignedOff)]);
        let version_2 = [
            CriterionKey {
                lineage: "a1",
                domain: "d",
            },
            CriterionKey {
                lineage: "a2",
                domain: "d",
            },
            CriterionKey {
                lineage: "a4",
                domain: "d",
            },
        ];
        let (overall, domains) = readiness(&version_2, &progress, 100);
        assert_eq!(
            overall.signed_off, 1,
            "a2 carries over, retired a3 does not count"
        );
        assert_eq!(overall.total, 3);
        assert_eq!(
            domains["d"].not_started, 2,
            "the new a4 starts from nothing"
        );
    }

    #[test]
    fn cases_open_only_for_assessment_and_panel_steps_once_ready() {
        let ready = Readiness {
            signed_off: 3,
            total: 3,
            required: 3,
        };
        let not_ready = Readiness {
            signed_off: 2,
            ..ready
        };
        assert!(check_can_open_case(StepKind::Assessment, &ready, false).is_ok());
        assert!(check_can_open_case(StepKind::Panel, &ready, false).is_ok());
        assert!(check_can_open_case(StepKind::Panel, &not_ready, false).is_err());
        assert!(check_can_open_case(StepKind::Panel, &ready, true).is_err());
        assert!(check_can_open_case(StepKind::Automatic, &ready, false).is_err());
        assert!(check_can_open_case(StepKind::Recruitment, &ready, false).is_err());
    }

    #[test]
    fn only_the_right_people_decide() {
        let supervisor = DeciderRole {
            is_subject: false,
            is_supervisor: true,
            on_panel: false,
        };
        let panel_member = DeciderRole {
            is_subject: false,
            is_supervisor: false,
            on_panel: true,
        };
        let self_on_panel = DeciderRole {
            is_subject: true,
            is_supervisor: true,
            on_panel: true,
        };
        assert!(may_decide(StepKind::Assessment, supervisor));
        assert!(!may_decide(StepKind::Panel, supervisor));
        assert!(may_decide(StepKind::Panel, panel_member));
        assert!(!may_decide(StepKind::Assessment, panel_member));
        assert!(!may_decide(StepKind::Assessment, self_on_panel));
        assert!(!may_decide(StepKind::Panel, self_on_panel));
        assert!(!may_decide(StepKind::Automatic, supervisor));
    }

    #[test]
    fn keys_round_trip() {
        for kind in StepKind::ALL {
            assert_eq!(StepKind::from_key(kind.key()), Some(kind));
        }
        for status in Status::ALL {
            assert_eq!(Status::from_key(status.key()), Some(status));
        }
        for kind in EvidenceKind::ALL {
            assert_eq!(EvidenceKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(Status::from_key("nonsense"), None);
        assert!(Status::Returned.can_submit());
        assert!(!Status::SignedOff.can_submit());
        assert!(!Status::NotStarted.can_submit());
    }
}
