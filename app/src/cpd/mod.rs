//! CPD for Social Work England registration: records, registration years and their rules.

pub mod model;
pub mod rules;
