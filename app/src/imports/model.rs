//! What the import pages show, as sent to the browser.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Staff,
    Figures,
}

impl ImportKind {
    pub fn key(self) -> &'static str {
        match self {
            ImportKind::Staff => "staff",
            ImportKind::Figures => "figures",
        }
    }

    pub fn from_key(key: &str) -> Option<ImportKind> {
        match key {
            "staff" => Some(ImportKind::Staff),
            "figures" => Some(ImportKind::Figures),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ImportKind::Staff => "Staff",
            ImportKind::Figures => "Workforce figures",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Create,
    Change,
    Unchanged,
    Refuse,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Create => "Will be created",
            Outcome::Change => "Will change",
            Outcome::Unchanged => "No change",
            Outcome::Refuse => "Refused",
        }
    }
}

/// One row of the file and what applying it would do: the changes, or why it is refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedRow {
    pub line: usize,
    /// Who or what the row is about: an email, or a team and quarter.
    pub label: String,
    pub outcome: Outcome,
    pub detail: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub create: usize,
    pub change: usize,
    pub unchanged: usize,
    pub refuse: usize,
}

impl Tally {
    pub fn of(rows: &[PlannedRow]) -> Tally {
        let mut tally = Tally::default();
        for row in rows {
            match row.outcome {
                Outcome::Create => tally.create += 1,
                Outcome::Change => tally.change += 1,
                Outcome::Unchanged => tally.unchanged += 1,
                Outcome::Refuse => tally.refuse += 1,
            }
        }
        tally
    }

    /// "3 created, 1 changed, 40 unchanged", as the audit log and the page say it.
    pub fn done(&self) -> String {
        format!(
            "{} created, {} changed, {} unchanged",
            self.create, self.change, self.unchanged
        )
    }
}

/// The rows of each outcome shown on the page; the rest are counted.
pub const SHOWN_PER_OUTCOME: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReview {
    pub id: String,
    pub kind: ImportKind,
    pub file_name: String,
    pub uploaded: String,
    pub uploaded_by: String,
    /// Why the file as a whole cannot be read.
    pub problem: Option<String>,
    pub tally: Tally,
    /// The rows to show: refused first, then created, then changed.
    pub rows: Vec<PlannedRow>,
    /// When and by whom it was applied, and what that did.
    pub applied: Option<String>,
    pub can_apply: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub id: String,
    pub kind: ImportKind,
    pub file_name: String,
    pub uploaded: String,
    pub uploaded_by: String,
    pub applied: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportsView {
    pub recent: Vec<ImportSummary>,
    pub can_staff: bool,
    pub can_figures: bool,
}

/// The columns of each kind of file, for the page that explains them.
pub fn columns(kind: ImportKind) -> &'static [(&'static str, bool, &'static str)] {
    match kind {
        ImportKind::Staff => &[
            (
                "email",
                true,
                "Work email: how a person is matched on a later import.",
            ),
            ("name", true, "Full name."),
            (
                "career_level",
                true,
                "A level on the pathway, such as social_worker or \"Senior Social Worker\".",
            ),
            (
                "roles",
                true,
                "One or more of practitioner, supervisor, learning_lead, leader, admin, separated by semicolons.",
            ),
            (
                "team",
                false,
                "The team's name exactly as on the Teams page.",
            ),
            (
                "line_manager_email",
                false,
                "The line manager's email: someone already here, or in the same file.",
            ),
            ("job_title", false, "As on the contract."),
            ("start_date", false, "Like 2024-09-02 or 02/09/2024."),
            (
                "swe_number",
                false,
                "Social Work England registration, like SW123456.",
            ),
        ],
        ImportKind::Figures => &[
            (
                "team",
                true,
                "The team's name exactly as on the Teams page.",
            ),
            (
                "quarter",
                true,
                "The calendar quarter, like 2026-Q3 (July to September 2026).",
            ),
            (
                "in_post_fte",
                true,
                "Directly employed social workers in post, full-time equivalent.",
            ),
            ("headcount", true, "The number of people in post."),
            ("vacancy_fte", true, "Vacant posts, FTE."),
            ("agency_fte", true, "Agency workers, FTE."),
            (
                "starters_fte",
                true,
                "Social workers who started in the quarter, FTE.",
            ),
            (
                "leavers_fte",
                true,
                "Social workers who left in the quarter, FTE.",
            ),
            ("cases", true, "Cases held at the end of the quarter."),
            (
                "case_holding_fte",
                true,
                "FTE of the workers who hold those cases.",
            ),
            (
                "days_lost",
                true,
                "Working days lost to sickness in the quarter.",
            ),
        ],
    }
}
