//! CSV imports for admins: staff (people, teams, roles, line managers, levels) and workforce
//! figures. A file is uploaded and kept, checked row by row in a dry run that changes
//! nothing, then applied whole in one transaction, or not at all.

pub mod api;
pub mod model;
pub mod views;

#[cfg(feature = "ssr")]
pub mod figures;
#[cfg(feature = "ssr")]
pub mod staff;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod table;
#[cfg(feature = "ssr")]
pub mod upload;
