//! Survey pages.

pub mod answer;
pub mod charts;
pub mod manage;
pub mod results;

pub use answer::{SurveyPage, SurveysPage};
pub use manage::{ManageSurveysPage, SurveyEditPage};
pub use results::{SurveyImpactPage, SurveyResultsPage};
