//! Social Work England's CPD rules and registration years. The rules are data, looked up by
//! registration year, because the regulator can change them; the arithmetic of where a
//! person stands is pure and unit-tested here.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// A registration year runs from 1 December to 30 November and is named by the year it
/// ends in: the 2026 registration year is 1 December 2025 to 30 November 2026.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RegistrationYear(pub i32);

impl RegistrationYear {
    /// The registration year a date falls in.
    pub fn containing(date: Date) -> Self {
        if date.month() == Month::December {
            RegistrationYear(date.year() + 1)
        } else {
            RegistrationYear(date.year())
        }
    }

    /// 1 December of the year before.
    pub fn start(self) -> Option<Date> {
        Date::from_calendar_date(self.0 - 1, Month::December, 1).ok()
    }

    /// 30 November: the last day to record CPD for renewal.
    pub fn end(self) -> Option<Date> {
        Date::from_calendar_date(self.0, Month::November, 30).ok()
    }

    pub fn contains(self, date: Date) -> bool {
        RegistrationYear::containing(date) == self
    }

    /// "1 Dec 2025 to 30 Nov 2026".
    pub fn label(self) -> String {
        format!("1 Dec {} to 30 Nov {}", self.0 - 1, self.0)
    }
}

/// What a registration year asks of a social worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpdRules {
    /// The first registration year these rules apply to.
    pub from_year: i32,
    pub min_records: u32,
    /// Records that include reflection with a peer.
    pub min_peer_reflections: u32,
    /// Within this many days of the deadline an incomplete year is at risk (renewal opens
    /// around 1 September, about 90 days before 30 November).
    pub at_risk_days: i64,
}

/// Every set of rules there has been, oldest first. A change is a new entry.
pub const CPD_RULES: &[CpdRules] = &[CpdRules {
    from_year: 2021,
    min_records: 2,
    min_peer_reflections: 1,
    at_risk_days: 90,
}];

/// The rules in force for a registration year: the newest that had started by then.
pub fn rules_for(year: RegistrationYear) -> CpdRules {
    CPD_RULES
        .iter()
        .rev()
        .find(|rules| rules.from_year <= year.0)
        .or_else(|| CPD_RULES.first())
        .copied()
        .unwrap_or(CpdRules {
            from_year: year.0,
            min_records: 2,
            min_peer_reflections: 1,
            at_risk_days: 90,
        })
}

/// Where a person stands for a registration year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CpdState {
    Complete,
    OnTrack,
    AtRisk,
}

impl CpdState {
    pub fn label(self) -> &'static str {
        match self {
            CpdState::Complete => "Complete",
            CpdState::OnTrack => "On track",
            CpdState::AtRisk => "At risk",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpdStatus {
    pub year: RegistrationYear,
    pub records: u32,
    pub peer_reflections: u32,
    pub required_records: u32,
    pub required_peer_reflections: u32,
    /// Days from `today` to the deadline, inclusive of neither; negative once it has passed.
    pub days_left: i64,
    pub state: CpdState,
}

/// A year's status from its counts. Complete once the rules are met; otherwise at risk
/// inside the at-risk window (or after the deadline), and on track before it.
pub fn status(
    year: RegistrationYear,
    records: u32,
    peer_reflections: u32,
    today: Date,
) -> CpdStatus {
    let rules = rules_for(year);
    let days_left = year
        .end()
        .map(|end| (end - today).whole_days())
        .unwrap_or(0);
    let complete = records >= rules.min_records && peer_reflections >= rules.min_peer_reflections;
    let state = if complete {
        CpdState::Complete
    } else if days_left <= rules.at_risk_days {
        CpdState::AtRisk
    } else {
        CpdState::OnTrack
    };
    CpdStatus {
        year,
        records,
        peer_reflections,
        required_records: rules.min_records,
        required_peer_reflections: rules.min_peer_reflections,
        days_left,
        state,
    }
}

/// A record counts as peer reflection when it says whom the practice was discussed with and
/// what was learnt from the discussion.
pub fn has_peer_reflection(with_whom: &str, learnt_from_discussion: &str) -> bool {
    !with_whom.trim().is_empty() && !learnt_from_discussion.trim().is_empty()
}

/// The words of a text, lower-cased, without punctuation, for comparing records.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How alike two texts are: the share of distinct words they have in common (Jaccard).
pub fn similarity(a: &str, b: &str) -> f64 {
    use std::collections::HashSet;
    let a: HashSet<String> = words(a).into_iter().collect();
    let b: HashSet<String> = words(b).into_iter().collect();
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(&b).count() as f64;
    let all = a.union(&b).count() as f64;
    shared / all
}

/// Social Work England does not accept two identical records. Texts that are the same
/// word for word (ignoring case, spacing and punctuation), or nearly so, are flagged.
pub const DUPLICATE_SIMILARITY: f64 = 0.9;

/// The keys of `others` whose text duplicates `text`.
pub fn duplicates_of<'a, K>(text: &str, others: &'a [(K, String)]) -> Vec<&'a K> {
    let mine = words(text);
    if mine.len() < 3 {
        return Vec::new();
    }
    others
        .iter()
        .filter(|(_, other)| {
            words(other) == mine || similarity(text, other) >= DUPLICATE_SIMILARITY
        })
        .map(|(key, _)| key)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_year_turns_on_1_december() {
        assert_eq!(
            RegistrationYear::containing(date!(2026 - 11 - 30)),
            RegistrationYear(2026)
        );
        assert_eq!(
            RegistrationYear::containing(date!(2026 - 12 - 01)),
            RegistrationYear(2027)
        );
        assert_eq!(
            RegistrationYear::containing(date!(2026 - 01 - 01)),
            RegistrationYear(2026)
        );
        let year = RegistrationYear(2028);
        assert_eq!(year.start(), Some(date!(2027 - 12 - 01)));
        assert_eq!(year.end(), Some(date!(2028 - 11 - 30)));
        assert!(
            year.contains(date!(2028 - 02 - 29)),
            "a leap day belongs to its year"
        );
        assert!(!year.contains(date!(2028 - 12 - 01)));
        assert_eq!(year.label(), "1 Dec 2027 to 30 Nov 2028");
    }

    #[test]
    fn rules_are_looked_up_by_year() {
        let rules = rules_for(RegistrationYear(2026));
        assert_eq!((rules.min_records, rules.min_peer_reflections), (2, 1));
        assert_eq!(
            rules_for(RegistrationYear(1990)),
            CPD_RULES[0],
            "older years use the first rules"
        );
    }

    #[test]
    fn status_is_complete_on_track_or_at_risk() {
        let year = RegistrationYear(2026);
        let early = date!(2026 - 03 - 01);
        let late = date!(2026 - 10 - 01);
        assert_eq!(status(year, 2, 1, late).state, CpdState::Complete);
        assert_eq!(
            status(year, 2, 0, early).state,
            CpdState::OnTrack,
            "no peer reflection yet"
        );
        assert_eq!(status(year, 1, 1, late).state, CpdState::AtRisk);
        assert_eq!(
            status(year, 0, 0, date!(2026 - 12 - 05)).state,
            CpdState::AtRisk
        );
        let s = status(year, 0, 0, date!(2026 - 11 - 30));
        assert_eq!(s.days_left, 0, "the last day itself");
        assert_eq!(status(year, 0, 0, date!(2026 - 09 - 01)).days_left, 90);
        assert_eq!(
            status(year, 0, 0, date!(2026 - 09 - 01)).state,
            CpdState::AtRisk
        );
        assert_eq!(
            status(year, 0, 0, date!(2026 - 08 - 31)).state,
            CpdState::OnTrack
        );
    }

    #[test]
    fn peer_reflection_needs_whom_and_what_was_learnt() {
        assert!(has_peer_reflection(
            "Team manager in supervision",
            "I saw the pattern."
        ));
        assert!(!has_peer_reflection("  ", "I saw the pattern."));
        assert!(!has_peer_reflection("A colleague", ""));
    }

    #[test]
    fn duplicates_are_found_whatever_the_spacing_or_case() {
        let others = vec![
            (
                1,
                "Attended training on neglect; learnt the graded care profile.".to_string(),
            ),
            (
                2,
                "Shadowed a child protection conference chair.".to_string(),
            ),
        ];
        let same = "attended TRAINING on neglect, learnt the graded   care profile";
        assert_eq!(duplicates_of(same, &others), vec![&1]);
        assert!(
            duplicates_of("Reflected on a home visit with an interpreter.", &others).is_empty()
        );
        assert!(
            duplicates_of("Ok", &others).is_empty(),
            "too short to judge"
        );
        assert!(similarity("a b c d", "a b c e") < DUPLICATE_SIMILARITY);
    }
}
