//! What the workforce pages show, as sent to the browser.

use serde::{Deserialize, Serialize};

use super::form::FiguresForm;
use super::rates::Benchmark;
use super::rollup::Rolled;

/// The dashboard's filters exactly as in the address: a quarter key and team keys, each
/// empty for "latest" or "all".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkforceFilter {
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub team: String,
}

impl WorkforceFilter {
    /// The filter as a query string, for links to the CSV downloads.
    pub fn query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("period", &self.period),
            ("service", &self.service),
            ("team", &self.team),
        ] {
            if !value.is_empty() {
                query.append_pair(name, value);
            }
        }
        query.finish()
    }
}

/// One line of the breakdown: the council, a service or a team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRow {
    pub id: String,
    pub name: String,
    /// 0 for the whole scope, then one more for each level down.
    pub depth: u8,
    pub rolled: Rolled,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub key: String,
    pub label: String,
    pub rolled: Rolled,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkforceView {
    pub scope: String,
    /// The filter as applied: the quarter chosen (or the latest), and checked keys.
    pub filter: WorkforceFilter,
    pub period_label: String,
    /// (key, label), newest first.
    pub periods: Vec<(String, String)>,
    pub services: Vec<(String, String)>,
    /// The teams that can be chosen: those of the chosen service, or all.
    pub teams: Vec<(String, String)>,
    pub headline: Option<Rolled>,
    /// The same group a year before, when there are figures for it.
    pub year_before: Option<Rolled>,
    pub rows: Vec<UnitRow>,
    pub trend: Vec<TrendPoint>,
    pub benchmarks: Vec<Benchmark>,
    pub min_group: i64,
    pub can_edit: bool,
    /// Teams (units with none below them) in the view, and how many have figures for the quarter.
    pub teams_in_view: usize,
    pub teams_reporting: usize,
}

/// The admin's form for one team and quarter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FiguresEditor {
    /// (key, label) of every team, in tree order with services first.
    pub teams: Vec<(String, String)>,
    /// Recent quarters to choose from, newest first.
    pub quarters: Vec<(String, String)>,
    pub team: String,
    pub quarter: String,
    pub form: FiguresForm,
    /// Whether figures are already stored for this team and quarter.
    pub existing: bool,
}
