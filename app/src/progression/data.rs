//! What the progression pages receive from the server and send back.

use serde::{Deserialize, Serialize};

use super::model::{Readiness, Status, StatusCounts, StepKind};
use crate::portfolio::model::EvidenceRef;

/// A person's place on the pathway, as My pathway (or their supervisor) sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathwayView {
    pub person_id: String,
    pub person_name: String,
    /// Whether the viewer is the person themselves (their own page) or their supervisor.
    pub own: bool,
    pub framework_name: String,
    pub framework_version: i64,
    pub level_key: String,
    pub level_name: String,
    /// Whether the person's level is one of the pathway's (admins and heads of service are not).
    pub on_pathway: bool,
    pub next: Option<NextStep>,
    pub readiness: Readiness,
    pub domains: Vec<DomainProgress>,
    pub history: Vec<LevelEntry>,
    pub cases: Vec<CaseSummary>,
    pub crosswalk: Vec<Coverage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextStep {
    pub to_key: String,
    pub to_name: String,
    pub kind: StepKind,
    pub required_percent: u8,
    /// Whether a progression request can be opened now, and if not, why.
    pub can_open_case: Result<(), String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainProgress {
    pub key: String,
    pub name: String,
    pub counts: StatusCounts,
    pub criteria: Vec<CriterionProgress>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionProgress {
    pub lineage: String,
    pub statement: String,
    pub status: Status,
    pub evidence: Vec<EvidenceRef>,
    pub reviews: Vec<ReviewEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewEntry {
    pub action: Status,
    pub by: String,
    /// UK time, ready to show.
    pub at: String,
    pub comment: String,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelEntry {
    pub level_name: String,
    pub started_on: String,
    pub ended_on: Option<String>,
    pub how: String,
}

/// How far this person's evidence reaches into a crosswalked framework (the KSS).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub code: String,
    pub title: String,
    pub description: String,
    pub evidence: u32,
    pub signed_off: u32,
}

/// One criterion waiting for the reviewer's decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    pub person_id: String,
    pub person_name: String,
    pub lineage: String,
    pub statement: String,
    pub domain_name: String,
    pub level_name: String,
    pub submitted_at: String,
    pub comment: String,
    pub evidence: Vec<crate::portfolio::model::EvidenceDetail>,
}

/// A supervisee's progress, for the supervisor's team view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamMember {
    pub id: String,
    pub name: String,
    pub team_name: Option<String>,
    pub level_name: String,
    pub next_level_name: Option<String>,
    pub readiness: Readiness,
    pub step_kind: Option<StepKind>,
    pub pending_reviews: u32,
    pub last_activity: Option<String>,
    pub relationship: String,
    pub level_key: String,
    /// They have an active ASYE programme.
    pub asye: bool,
    /// The ASYE's next milestone and its due date, and whether anything is overdue.
    pub asye_next: Option<(String, String)>,
    pub asye_overdue: Vec<String>,
    /// Where they stand for the current registration year (counts only, never the text).
    pub cpd: Option<crate::cpd::rules::CpdStatus>,
    /// Whether their supervision is up to date.
    pub supervision: Option<crate::supervision::model::Cadence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: String,
    pub person_id: String,
    pub person_name: String,
    pub from_name: String,
    pub to_name: String,
    pub kind: StepKind,
    pub status: String,
    pub opened_at: String,
    pub decided_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseView {
    pub summary: CaseSummary,
    pub signed_off: u32,
    pub required: u32,
    pub account: String,
    pub opened_by: Option<String>,
    pub panel: Vec<String>,
    pub decided_by: Option<String>,
    pub reasons: String,
    pub actions: String,
    /// What the viewer may do on this case.
    pub may_decide: bool,
    pub may_set_panel: bool,
    /// People who may sit on the panel, for the panel form.
    pub panel_choices: Vec<crate::people::model::Choice>,
    pub panel_ids: Vec<String>,
    /// Whether the viewer is the person the request is about.
    pub own: bool,
}

/// A framework version in the list of frameworks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameworkSummary {
    pub id: String,
    pub family: String,
    pub name: String,
    pub version: i64,
    pub status: String,
    pub effective_from: Option<String>,
    pub effective_to: Option<String>,
    pub criteria: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedKey {
    pub key: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepView {
    pub from_name: String,
    pub to_name: String,
    pub kind: StepKind,
    pub required_percent: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionAdmin {
    pub id: String,
    pub lineage: String,
    pub domain: String,
    pub level: Option<String>,
    pub code: Option<String>,
    pub title: Option<String>,
    pub statement: String,
    pub retired: bool,
    pub maps_to: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameworkDetail {
    pub summary: FrameworkSummary,
    pub domains: Vec<NamedKey>,
    pub levels: Vec<NamedKey>,
    pub steps: Vec<StepView>,
    pub criteria: Vec<CriterionAdmin>,
    /// The draft of the same framework, if one is being prepared.
    pub draft_id: Option<String>,
    /// Criteria of another framework that this one's criteria can map to (the crosswalk).
    pub crosswalk_targets: Vec<NamedKey>,
}
