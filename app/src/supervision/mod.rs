//! The supervision log and how often supervision is expected.

pub mod frequency;
