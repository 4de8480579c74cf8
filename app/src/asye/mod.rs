//! The ASYE programme: the assessed and supported first year of a newly qualified social worker.

pub mod schedule;
