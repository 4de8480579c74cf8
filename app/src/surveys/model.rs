//! What survey pages receive from the server. Names end in View or Row so they never clash
//! with the server functions' own generated types.

use serde::{Deserialize, Serialize};

use super::design::{DetailsForm, Headline, Kind, PublishForm, Question};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Draft,
    Scheduled,
    Open,
    Closed,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Scheduled => "Scheduled",
            Status::Open => "Open",
            Status::Closed => "Closed",
        }
    }

    /// From what is stored and today's date (ISO dates compare as text).
    pub fn of(published: bool, opens: Option<&str>, closes: Option<&str>, today: &str) -> Status {
        match (published, opens, closes) {
            (false, ..) => Status::Draft,
            (true, Some(o), _) if o > today => Status::Scheduled,
            (true, _, Some(c)) if c < today => Status::Closed,
            _ => Status::Open,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub key: String,
    pub label: String,
}

/// A survey on the person's own list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxRow {
    pub id: String,
    pub title: String,
    pub purpose: String,
    /// "Closes 12 December 2026"
    pub closes: String,
    pub answered: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyInbox {
    pub open: Vec<InboxRow>,
    pub answered: Vec<InboxRow>,
    pub can_manage: bool,
    pub can_read_results: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerState {
    /// Open, and this person has not answered yet.
    Open,
    Answered,
    Closed,
    NotYetOpen,
    /// A learning lead seeing the questions as a respondent would, without answering.
    Preview,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionView {
    pub title: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerView {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub closes: String,
    pub state: AnswerState,
    pub sections: Vec<SectionView>,
    pub min_group: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManageRow {
    pub id: String,
    pub title: String,
    pub wave: u32,
    pub purpose: String,
    pub status: Status,
    pub opens: String,
    pub closes: String,
    pub invited: u64,
    pub responses: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManageView {
    pub rows: Vec<ManageRow>,
    pub templates: Vec<(String, String, String)>,
    pub follow_up_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditorView {
    pub id: String,
    pub title: String,
    pub wave: u32,
    pub purpose: String,
    pub status: Status,
    pub details: DetailsForm,
    pub sections: Vec<String>,
    pub questions: Vec<Question>,
    pub kinds: Vec<Named>,
    pub teams: Vec<Named>,
    pub roles: Vec<Named>,
    pub levels: Vec<Named>,
    pub events: Vec<Named>,
    pub publish: PublishForm,
    /// "Everyone in the council, 1 to 14 December 2026", once published.
    pub published: Option<String>,
    pub invited: u64,
    pub event: Option<String>,
}

/// One answer's count within a question's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionCount {
    pub value: String,
    pub label: String,
    pub n: u64,
    /// Of the people who answered the question, in tenths of a percent.
    pub percent: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberSummary {
    /// Tenths.
    pub mean: i64,
    /// Tenths.
    pub median: i64,
    pub lowest: i64,
    pub highest: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub key: String,
    pub section: String,
    pub text: String,
    pub kind: Kind,
    pub headline: Option<Headline>,
    pub answered: u64,
    pub options: Vec<OptionCount>,
    pub number: Option<NumberSummary>,
    /// Free-text answers, only where the group meets the minimum size.
    pub comments: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Headlines {
    /// Tenths of a percent.
    pub impact: Option<i64>,
    pub impact_answered: u64,
    pub recommendation: Option<i64>,
    pub recommendation_answered: u64,
    /// Tenths of a point, -1000..=1000.
    pub enps: Option<i64>,
    pub enps_answered: u64,
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    pub has_impact: bool,
    pub has_recommendation: bool,
    pub has_enps: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreakdownRow {
    pub segment: String,
    pub label: String,
    /// `None` when the group is suppressed.
    pub figures: Option<(u64, Headlines)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WavePoint {
    pub id: String,
    pub wave: u32,
    pub opened: String,
    /// `None` when the wave had too few responses to show.
    pub figures: Option<(u64, Option<i64>, Headlines)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsView {
    pub id: String,
    pub title: String,
    pub wave: u32,
    pub status: Status,
    pub min_group: u32,
    pub invited: u64,
    pub responses: u64,
    /// Tenths of a percent.
    pub response_rate: Option<i64>,
    /// The group the figures below are for: ("all", "all") or a chosen segment.
    pub dimension: String,
    pub segment: String,
    pub segment_label: String,
    pub segment_choices: Vec<Named>,
    /// Everything is hidden: the chosen group (or the whole survey) is under the minimum.
    pub hidden: bool,
    pub group_responses: u64,
    pub headlines: Headlines,
    pub questions: Vec<QuestionResult>,
    pub breakdown_dimension: String,
    pub breakdown: Vec<BreakdownRow>,
    pub trend: Vec<WavePoint>,
    pub raw_export: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImpactRow {
    pub key: String,
    pub label: String,
    pub href: Option<String>,
    pub attended: u64,
    /// (responses, "will use it" rate) of the evaluations, `None` when too few.
    pub reaction: Option<(u64, Option<i64>)>,
    pub reaction_responses: u64,
    /// (responses, impact rate) of the follow-ups, `None` when too few or not yet open.
    pub impact: Option<(u64, Option<i64>)>,
    pub impact_responses: u64,
    pub follow_up: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImpactView {
    pub min_group: u32,
    pub follow_up_days: u32,
    pub events: Vec<ImpactRow>,
    pub domains: Vec<ImpactRow>,
}

pub const DIMENSION_LABELS: &[(&str, &str)] = &[
    ("team", "Team"),
    ("service", "Service"),
    ("role", "Role"),
    ("level", "Career level"),
];
