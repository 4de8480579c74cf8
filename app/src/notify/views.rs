//! Views (to come).
