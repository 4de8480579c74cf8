//! The headline measures and their arithmetic, in tenths of a percent so that rounding is
//! exact and the same everywhere (a figure like 95.96% is never 95.9% on one page and 96.0%
//! on another). Pure and unit-tested.

/// `part` of `whole` as tenths of a percent, rounded half up; `None` when nobody answered.
pub fn percent_tenths(part: u64, whole: u64) -> Option<i64> {
    if whole == 0 {
        return None;
    }
    let part = part.min(whole) as u128;
    let whole = whole as u128;
    Some(((2000 * part + whole) / (2 * whole)) as i64)
}

/// "95.9%", or "No answers" when there were none.
pub fn show_percent(tenths: Option<i64>) -> String {
    match tenths {
        None => "No answers".to_string(),
        Some(t) => format!("{}%", show_tenths(t)),
    }
}

/// Tenths as a decimal with one place: 959 -> "95.9", -125 -> "-12.5".
pub fn show_tenths(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// Training impact rate: agree (4) or strongly agree (5) among every answer given, from the
/// counts of each Likert point 1..=5.
pub fn impact_rate(likert: [u64; 5]) -> Option<i64> {
    let answered: u64 = likert.iter().sum();
    percent_tenths(likert[3] + likert[4], answered)
}

/// Recommendation rate: the share answering yes.
pub fn recommendation_rate(yes: u64, no: u64) -> Option<i64> {
    percent_tenths(yes, yes + no)
}

/// eNPS from the count of each score 0..=10: promoters score 9 or 10, detractors 0 to 6
/// (a 0 is a detractor like any other answer), passives 7 or 8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Enps {
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    /// Percent promoters minus percent detractors, in tenths (-1000..=1000); `None` when
    /// nobody answered.
    pub score: Option<i64>,
}

pub fn enps(scores: [u64; 11]) -> Enps {
    let detractors: u64 = scores[..=6].iter().sum();
    let passives = scores[7] + scores[8];
    let promoters = scores[9] + scores[10];
    let total = detractors + passives + promoters;
    let score = (total > 0).then(|| {
        // Rounded half away from zero, from the exact difference.
        let diff = promoters as i128 - detractors as i128;
        let total = total as i128;
        let tenths = (2000 * diff.abs() + total) / (2 * total);
        (if diff < 0 { -tenths } else { tenths }) as i64
    });
    Enps {
        promoters,
        passives,
        detractors,
        score,
    }
}

/// "+42.0", "-12.5" or "0.0": eNPS is a score, not a percentage.
pub fn show_enps(score: Option<i64>) -> String {
    match score {
        None => "No answers".to_string(),
        Some(s) if s > 0 => format!("+{}", show_tenths(s)),
        Some(s) => show_tenths(s),
    }
}

pub const IMPACT_DEFINITION: &str = "The share of people who answered the training impact question who agree or strongly agree that learning made a difference to their practice.";
pub const RECOMMENDATION_DEFINITION: &str = "The share of people who answered the recommendation question who said yes, they would recommend the council to other social workers.";
pub const ENPS_DEFINITION: &str = "Employee Net Promoter Score: the percentage of promoters (9 or 10 out of 10) minus the percentage of detractors (0 to 6). Passives (7 or 8) count in the total only. It runs from -100 to +100.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_up_to_a_tenth() {
        assert_eq!(percent_tenths(0, 0), None);
        assert_eq!(percent_tenths(0, 7), Some(0));
        assert_eq!(percent_tenths(7, 7), Some(1000));
        assert_eq!(percent_tenths(1, 3), Some(333));
        assert_eq!(percent_tenths(2, 3), Some(667));
        // 95.96% as councils publish it, to one place.
        assert_eq!(percent_tenths(9596, 10000), Some(960));
        // Exactly half a tenth goes up: 1/16 = 6.25%.
        assert_eq!(percent_tenths(1, 16), Some(63));
        assert_eq!(show_percent(Some(960)), "96.0%");
        assert_eq!(show_percent(None), "No answers");
    }

    #[test]
    fn impact_counts_agree_and_strongly_agree() {
        assert_eq!(impact_rate([0; 5]), None);
        assert_eq!(impact_rate([1, 1, 1, 1, 1]), Some(400));
        assert_eq!(impact_rate([0, 0, 0, 0, 3]), Some(1000));
        assert_eq!(impact_rate([2, 0, 0, 0, 0]), Some(0));
    }

    #[test]
    fn recommendation_is_the_share_of_yes() {
        assert_eq!(recommendation_rate(0, 0), None);
        assert_eq!(recommendation_rate(0, 4), Some(0));
        assert_eq!(recommendation_rate(935, 65), Some(935));
    }

    #[test]
    fn enps_counts_zero_as_a_detractor() {
        let mut scores = [0u64; 11];
        scores[0] = 1;
        let e = enps(scores);
        assert_eq!((e.detractors, e.score), (1, Some(-1000)));
        assert_eq!(show_enps(e.score), "-100.0");
    }

    #[test]
    fn enps_is_promoters_minus_detractors() {
        assert_eq!(enps([0; 11]).score, None);
        // 5 promoters, 3 passives, 2 detractors out of 10: 50% - 20% = +30.
        let mut scores = [0u64; 11];
        scores[10] = 3;
        scores[9] = 2;
        scores[8] = 2;
        scores[7] = 1;
        scores[6] = 1;
        scores[3] = 1;
        let e = enps(scores);
        assert_eq!((e.promoters, e.passives, e.detractors), (5, 3, 2));
        assert_eq!(e.score, Some(300));
        assert_eq!(show_enps(e.score), "+30.0");
        // Only passives: zero, not blank.
        let mut passives = [0u64; 11];
        passives[7] = 4;
        assert_eq!(enps(passives).score, Some(0));
        assert_eq!(show_enps(Some(0)), "0.0");
    }

    #[test]
    fn enps_rounds_half_away_from_zero() {
        // 1 promoter, 2 detractors of 16: -1/16 = -6.25 -> -6.3.
        let mut scores = [0u64; 11];
        scores[9] = 1;
        scores[0] = 2;
        scores[7] = 13;
        assert_eq!(enps(scores).score, Some(-63));
    }
}
