//! What to recommend first. A resource earns its place by covering criteria the person still
//! needs signed off for their next level; among those, resources colleagues found useful and
//! written for that level come first. Pure, so the order can be tested and explained.

/// What the ranking knows about one resource, for one person.
#[derive(Debug, Clone, Default)]
pub struct Candidate<'a> {
    /// Criterion lineages the resource is mapped to.
    pub criteria: &'a [String],
    /// Levels it is written for (empty: everyone).
    pub levels: &'a [String],
    pub useful_yes: u32,
    pub useful_no: u32,
    /// The person has already marked it done.
    pub done: bool,
}

/// How much one outstanding criterion covered is worth against the other signals: always
/// more than usefulness and level together, so coverage decides first.
const PER_CRITERION: f64 = 10.0;
const USEFULNESS: f64 = 4.0;
const LEVEL_MATCH: f64 = 2.0;

/// The share of "was this useful?" answers that were yes, pulled towards one half while there
/// are few answers (Laplace smoothing), so one early "no" does not bury a resource.
pub fn usefulness(yes: u32, no: u32) -> f64 {
    (f64::from(yes) + 1.0) / (f64::from(yes) + f64::from(no) + 2.0)
}

/// The score of a resource for someone with `outstanding` criteria for `next_level`; none
/// when it covers nothing they still need, or they have done it already.
pub fn recommendation_score(
    candidate: &Candidate<'_>,
    outstanding: &std::collections::HashSet<String>,
    next_level: Option<&str>,
) -> Option<f64> {
    if candidate.done {
        return None;
    }
    let covered = candidate
        .criteria
        .iter()
        .filter(|c| outstanding.contains(*c))
        .count();
    if covered == 0 {
        return None;
    }
    let level = match next_level {
        Some(level) if candidate.levels.iter().any(|l| l == level) => LEVEL_MATCH,
        _ if candidate.levels.is_empty() => LEVEL_MATCH / 2.0,
        _ => 0.0,
    };
    Some(
        covered as f64 * PER_CRITERION
            + usefulness(candidate.useful_yes, candidate.useful_no) * USEFULNESS
            + level,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn usefulness_starts_at_a_half_and_needs_several_answers_to_move_far() {
        assert_eq!(usefulness(0, 0), 0.5);
        assert!(usefulness(0, 1) > 0.3);
        assert!(usefulness(9, 1) > 0.8);
        assert!(usefulness(1, 9) < 0.2);
    }

    #[test]
    fn covering_more_outstanding_criteria_beats_being_liked() {
        let outstanding: HashSet<String> = strings(&["a", "b", "c"]).into_iter().collect();
        let two = strings(&["a", "b"]);
        let one = strings(&["c", "z"]);
        let levels = strings(&["social_worker"]);
        let covers_two = Candidate {
            criteria: &two,
            levels: &[],
            useful_yes: 0,
            useful_no: 5,
            done: false,
        };
        let covers_one = Candidate {
            criteria: &one,
            levels: &levels,
            useful_yes: 50,
            useful_no: 0,
            done: false,
        };
        let a = recommendation_score(&covers_two, &outstanding, Some("social_worker")).unwrap();
        let b = recommendation_score(&covers_one, &outstanding, Some("social_worker")).unwrap();
        assert!(a > b, "{a} <= {b}");
    }

    #[test]
    fn nothing_outstanding_or_already_done_is_not_recommended() {
        let outstanding: HashSet<String> = strings(&["a"]).into_iter().collect();
        let other = strings(&["z"]);
        let mine = strings(&["a"]);
        let unrelated = Candidate {
            criteria: &other,
            ..Default::default()
        };
        assert_eq!(recommendation_score(&unrelated, &outstanding, None), None);
        let done = Candidate {
            criteria: &mine,
            done: true,
            ..Default::default()
        };
        assert_eq!(recommendation_score(&done, &outstanding, None), None);
    }

    #[test]
    fn with_equal_coverage_the_level_and_then_usefulness_decide() {
        let outstanding: HashSet<String> = strings(&["a"]).into_iter().collect();
        let mine = strings(&["a"]);
        let senior = strings(&["senior_social_worker"]);
        let sw = strings(&["social_worker"]);
        let for_next = Candidate {
            criteria: &mine,
            levels: &sw,
            ..Default::default()
        };
        let for_other = Candidate {
            criteria: &mine,
            levels: &senior,
            ..Default::default()
        };
        let for_all = Candidate {
            criteria: &mine,
            levels: &[],
            ..Default::default()
        };
        let next = Some("social_worker");
        let s = |c: &Candidate<'_>| recommendation_score(c, &outstanding, next).unwrap();
        assert!(s(&for_next) > s(&for_all));
        assert!(s(&for_all) > s(&for_other));
        let liked = Candidate {
            useful_yes: 10,
            ..for_other.clone()
        };
        assert!(s(&liked) > s(&for_other));
    }
}
