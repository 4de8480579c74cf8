//! What the leader's dashboard shows, as sent to the browser.

use serde::{Deserialize, Serialize};

use super::pipeline::AsyeSummary;
use crate::surveys::model::OptionCount;
use crate::workforce::model::WorkforceFilter;

/// One figure in a monitoring area: what it is, its value, and a line to read it by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub note: Option<String>,
}

/// A trend line set: labels along the bottom and one or more series over them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    pub title: String,
    pub labels: Vec<String>,
    pub series: Vec<(String, Vec<Option<f64>>)>,
    /// Fractions shown as percentages; otherwise plain numbers.
    pub percent: bool,
}

/// One of the five areas leaders monitor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub key: String,
    pub title: String,
    pub figures: Vec<Figure>,
    pub trend: Option<Trend>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionRow {
    pub step: String,
    pub approved: u64,
    pub deferred: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LeaderView {
    pub scope: String,
    pub filter: WorkforceFilter,
    pub period_label: String,
    pub periods: Vec<(String, String)>,
    pub services: Vec<(String, String)>,
    pub teams: Vec<(String, String)>,
    /// Active staff in the view.
    pub people: u64,
    pub levels: Vec<OptionCount>,
    /// People on a step of the pathway, by how much of it is signed off.
    pub readiness: Vec<OptionCount>,
    pub time_in_level: Vec<OptionCount>,
    pub decisions_since: String,
    pub decisions: Vec<DecisionRow>,
    pub asye: AsyeSummary,
    pub areas: Vec<Area>,
    /// The survey the quality and learning figures come from, and whether they are hidden
    /// because the group chosen is under its minimum.
    pub survey: Option<(String, String)>,
    pub survey_hidden: bool,
    pub min_group: u32,
    /// When these figures were worked out ("3 Dec 2026, 16:02"): the dashboard is kept for
    /// a short while rather than worked out for every view.
    #[serde(default)]
    pub figures_as_of: String,
}

/// One wave of the annual staff survey for the chosen group; figures in tenths of a percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaveRow {
    pub key: String,
    pub wave: u32,
    pub opened: String,
    pub responses: u64,
    pub impact: Option<i64>,
    pub recommendation: Option<i64>,
    pub enps: Option<i64>,
    /// Too few in the group answered this wave to show anything.
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventLine {
    pub id: String,
    pub title: String,
    pub starts: String,
    pub past: bool,
    pub capacity: u64,
    pub booked: u64,
    pub attended: u64,
    pub no_show: u64,
    pub waitlisted: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsefulRow {
    pub id: String,
    pub title: String,
    pub yes: u64,
    pub no: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathRow {
    pub id: String,
    pub title: String,
    pub audience: u64,
    pub steps: u64,
    /// Steps done as a share of every step of everyone the path is for.
    pub done_share: Option<f64>,
    pub completed: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LearningView {
    pub scope: String,
    /// The filter as applied; an empty period is the last twelve months and what is to come.
    pub filter: WorkforceFilter,
    pub periods: Vec<(String, String)>,
    pub period_label: String,
    pub services: Vec<(String, String)>,
    pub teams: Vec<(String, String)>,
    pub survey_title: Option<String>,
    pub min_group: u32,
    pub waves: Vec<WaveRow>,
    pub events: Vec<EventLine>,
    pub attended: u64,
    pub no_shows: u64,
    pub waiting_now: u64,
    pub most_useful: Vec<UsefulRow>,
    pub least_useful: Vec<UsefulRow>,
    pub registered: u64,
    /// Complete, on track, at risk.
    pub cpd: [u64; 3],
    pub cpd_year: String,
    pub paths: Vec<PathRow>,
}
