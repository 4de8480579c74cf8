//! Survey results from the counters kept as responses arrive: per question, the headline
//! measures, breakdowns with small groups suppressed, and trends. Never from the answers
//! themselves, so results cost the same for ten responses or a hundred thousand. Pure and
//! unit-tested.

use std::collections::{BTreeMap, HashMap};

use super::answers::ANY;
use super::design::{Headline, Kind, Question};
use super::measures::{enps, impact_rate, percent_tenths, recommendation_rate};
use super::model::{Headlines, NumberSummary, OptionCount, QuestionResult};
use super::suppression::shown;

/// One counter as read from the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub dimension: String,
    pub segment: String,
    pub question: String,
    pub answer: String,
    pub n: u64,
}

type Group = HashMap<(String, String), u64>;

/// A wave's counters, by (dimension, segment).
#[derive(Debug, Default)]
pub struct Tallies {
    groups: HashMap<(String, String), Group>,
}

impl Tallies {
    pub fn new(counts: impl IntoIterator<Item = Count>) -> Self {
        let mut groups: HashMap<(String, String), Group> = HashMap::new();
        for c in counts {
            *groups
                .entry((c.dimension, c.segment))
                .or_default()
                .entry((c.question, c.answer))
                .or_default() += c.n;
        }
        Tallies { groups }
    }

    fn group(&self, dimension: &str, segment: &str) -> Option<&Group> {
        self.groups
            .get(&(dimension.to_string(), segment.to_string()))
    }

    pub fn get(&self, dimension: &str, segment: &str, question: &str, answer: &str) -> u64 {
        self.group(dimension, segment)
            .and_then(|g| g.get(&(question.to_string(), answer.to_string())))
            .copied()
            .unwrap_or(0)
    }

    /// How many responses the group holds.
    pub fn responses(&self, dimension: &str, segment: &str) -> u64 {
        self.get(dimension, segment, ANY, ANY)
    }

    /// Every segment of a dimension with its number of responses, by key.
    pub fn segments(&self, dimension: &str) -> Vec<(String, u64)> {
        let mut out: Vec<(String, u64)> = self
            .groups
            .iter()
            .filter(|((d, _), _)| d == dimension)
            .map(|((_, s), g)| {
                (
                    s.clone(),
                    g.get(&(ANY.to_string(), ANY.to_string()))
                        .copied()
                        .unwrap_or(0),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        out.sort();
        out
    }
}

/// Which segments of a dimension may be shown, with their sizes. Teams are suppressed within
/// their service (a service's figures minus its shown teams must not reveal a small team);
/// everything else within the whole survey. `service_of` maps a team to its service.
pub fn visible(
    tallies: &Tallies,
    dimension: &str,
    min: u64,
    service_of: &HashMap<String, String>,
) -> BTreeMap<String, (u64, bool)> {
    let overall = tallies.responses("all", "all") >= min;
    let partition = |dimension: &str, parent_shown: bool, only: Option<&[String]>| {
        let segments: Vec<(String, u64)> = tallies
            .segments(dimension)
            .into_iter()
            .filter(|(s, _)| only.is_none_or(|keys| keys.contains(s)))
            .collect();
        let sizes: Vec<u64> = segments.iter().map(|(_, n)| *n).collect();
        segments
            .into_iter()
            .zip(shown(&sizes, parent_shown, min))
            .map(|((s, n), ok)| (s, (n, ok)))
            .collect::<BTreeMap<_, _>>()
    };
    if dimension != "team" {
        return partition(dimension, overall, None);
    }
    let services = partition("service", overall, None);
    let mut by_service: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (team, _) in tallies.segments("team") {
        let service = service_of
            .get(&team)
            .filter(|s| services.contains_key(*s))
            .cloned()
            // A team whose service is unknown stands alone under the whole survey.
            .unwrap_or_else(|| String::new());
        by_service.entry(service).or_default().push(team);
    }
    let mut out = BTreeMap::new();
    for (service, teams) in by_service {
        let parent = if service.is_empty() {
            overall
        } else {
            services.get(&service).is_some_and(|(_, ok)| *ok)
        };
        out.extend(partition("team", parent, Some(&teams)));
    }
    out
}

fn likert_counts(t: &Tallies, d: &str, s: &str, q: &str) -> [u64; 5] {
    std::array::from_fn(|i| t.get(d, s, q, &(i + 1).to_string()))
}

fn score_counts(t: &Tallies, d: &str, s: &str, q: &str) -> [u64; 11] {
    std::array::from_fn(|i| t.get(d, s, q, &i.to_string()))
}

/// The headline measures of one group, from the questions marked as headlines (the first of
/// each kind counts).
pub fn headlines(questions: &[Question], t: &Tallies, d: &str, s: &str) -> Headlines {
    let mut h = Headlines::default();
    let find = |headline: Headline, kind: Kind| {
        questions
            .iter()
            .find(|q| q.headline == Some(headline) && q.kind == kind)
    };
    if let Some(q) = find(Headline::Impact, Kind::Likert) {
        let counts = likert_counts(t, d, s, &q.key);
        h.has_impact = true;
        h.impact = impact_rate(counts);
        h.impact_answered = counts.iter().sum();
    }
    if let Some(q) = find(Headline::Recommendation, Kind::YesNo) {
        let (yes, no) = (t.get(d, s, &q.key, "yes"), t.get(d, s, &q.key, "no"));
        h.has_recommendation = true;
        h.recommendation = recommendation_rate(yes, no);
        h.recommendation_answered = yes + no;
    }
    if let Some(q) = find(Headline::Recommendation, Kind::Nps) {
        let e = enps(score_counts(t, d, s, &q.key));
        h.has_enps = true;
        h.enps = e.score;
        h.enps_answered = e.promoters + e.passives + e.detractors;
        (h.promoters, h.passives, h.detractors) = (e.promoters, e.passives, e.detractors);
    }
    h
}

/// Mean and median (in tenths), lowest and highest of a number question's answers.
pub fn number_summary(values: &[(i64, u64)]) -> Option<NumberSummary> {
    let mut values: Vec<(i64, u64)> = values.iter().copied().filter(|(_, n)| *n > 0).collect();
    values.sort();
    let count: u64 = values.iter().map(|(_, n)| n).sum();
    if count == 0 {
        return None;
    }
    let sum: i128 = values.iter().map(|(v, n)| *v as i128 * *n as i128).sum();
    let mean = ((sum * 20 + count as i128 * sum.signum()) / (2 * count as i128)) as i64;
    let nth = |k: u64| {
        let mut seen = 0;
        for (v, n) in &values {
            seen += n;
            if seen > k {
                return *v;
            }
        }
        values[values.len() - 1].0
    };
    let median = if count % 2 == 1 {
        nth(count / 2) * 10
    } else {
        (nth(count / 2 - 1) + nth(count / 2)) * 5
    };
    Some(NumberSummary {
        mean,
        median,
        lowest: values[0].0,
        highest: values[values.len() - 1].0,
    })
}

/// Each question's counts and percentages for one group. Comments are added by the caller,
/// which reads them only for groups that may be shown.
pub fn question_results(
    questions: &[Question],
    t: &Tallies,
    d: &str,
    s: &str,
) -> Vec<QuestionResult> {
    questions
        .iter()
        .map(|q| {
            let answered = t.get(d, s, &q.key, ANY);
            let options = q
                .answer_options()
                .into_iter()
                .map(|(value, label)| {
                    let n = t.get(d, s, &q.key, &value);
                    OptionCount {
                        percent: percent_tenths(n, answered),
                        value,
                        label,
                        n,
                    }
                })
                .collect();
            let number = (q.kind == Kind::Number)
                .then(|| {
                    let values: Vec<(i64, u64)> = t
                        .group(d, s)
                        .map(|g| {
                            g.iter()
                                .filter(|((question, _), _)| *question == q.key)
                                .filter_map(|((_, a), n)| Some((a.parse::<i64>().ok()?, *n)))
                                .collect()
                        })
                        .unwrap_or_default();
                    number_summary(&values)
                })
                .flatten();
            QuestionResult {
                key: q.key.clone(),
                section: q.section.clone(),
                text: q.text.clone(),
                kind: q.kind,
                headline: q.headline,
                answered,
                options,
                number,
                comments: Vec::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::answers::{Answer, Given, Segments, tally_keys};
    use crate::surveys::templates::draft;

    fn response(team: &str, service: &str, impact: &str, rec: &str, score: &str) -> Vec<Count> {
        let seg = Segments {
            team: team.into(),
            service: service.into(),
            role: "practitioner".into(),
            level: "social_worker".into(),
        };
        let answers = vec![
            Answer {
                question: "q1".into(),
                given: Given::One(impact.into()),
            },
            Answer {
                question: "q5".into(),
                given: Given::One(rec.into()),
            },
            Answer {
                question: "q6".into(),
                given: Given::One(score.into()),
            },
        ];
        tally_keys(&seg, &answers)
            .into_iter()
            .map(|k| Count {
                dimension: k.dimension.into(),
                segment: k.segment,
                question: k.question,
                answer: k.answer,
                n: 1,
            })
            .collect()
    }

    fn demo() -> Tallies {
        let mut counts = Vec::new();
        // Service A: team a1 with 6, team a2 with 2. Service B: team b1 with 5.
        for i in 0..6 {
            counts.extend(response(
                "a1",
                "A",
                if i < 5 { "5" } else { "2" },
                "yes",
                "10",
            ));
        }
        for _ in 0..2 {
            counts.extend(response("a2", "A", "4", "no", "0"));
        }
        for _ in 0..5 {
            counts.extend(response("b1", "B", "4", "yes", "7"));
        }
        Tallies::new(counts)
    }

    #[test]
    fn headlines_come_from_the_marked_questions() {
        let t = demo();
        let questions = draft("staff", None).unwrap().questions;
        let h = headlines(&questions, &t, "all", "all");
        // Impact: 12 of 13 agree; recommendation: 11 of 13 yes; eNPS: 6 promoters, 2
        // detractors (two zeros) of 13.
        assert_eq!(h.impact, Some(923));
        assert_eq!(h.recommendation, Some(846));
        assert_eq!((h.promoters, h.passives, h.detractors), (6, 5, 2));
        assert_eq!(h.enps, Some(308));
        let results = question_results(&questions, &t, "all", "all");
        let q1 = &results[0];
        assert_eq!(q1.answered, 13);
        assert_eq!(q1.options[4].n, 5);
        assert_eq!(q1.options[4].percent, Some(385));
    }

    #[test]
    fn a_small_team_is_hidden_and_so_is_its_sibling() {
        let t = demo();
        let service_of: HashMap<String, String> = [("a1", "A"), ("a2", "A"), ("b1", "B")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let teams = visible(&t, "team", 5, &service_of);
        // a2 has 2; service A is shown (8), so a1 must go too or A - a1 reveals a2.
        assert_eq!(teams["a2"], (2, false));
        assert_eq!(teams["a1"], (6, false));
        assert_eq!(teams["b1"], (5, true));
        let services = visible(&t, "service", 5, &service_of);
        assert!(services.values().all(|(_, ok)| *ok));
        // With a minimum of 2, everything shows.
        assert!(
            visible(&t, "team", 2, &service_of)
                .values()
                .all(|(_, ok)| *ok)
        );
    }

    #[test]
    fn nothing_shows_when_the_whole_survey_is_small() {
        let t = Tallies::new(response("a1", "A", "5", "yes", "9"));
        assert!(
            visible(&t, "service", 5, &HashMap::new())
                .values()
                .all(|(_, ok)| !*ok)
        );
        assert!(
            visible(&t, "team", 5, &HashMap::new())
                .values()
                .all(|(_, ok)| !*ok)
        );
    }

    #[test]
    fn empty_results_have_no_rates() {
        let t = Tallies::default();
        let questions = draft("staff", None).unwrap().questions;
        let h = headlines(&questions, &t, "all", "all");
        assert_eq!((h.impact, h.recommendation, h.enps), (None, None, None));
        assert!(h.has_impact && h.has_enps);
        assert_eq!(
            question_results(&questions, &t, "all", "all")[0].options[0].percent,
            None
        );
    }

    #[test]
    fn numbers_summarise_to_mean_and_median() {
        assert_eq!(number_summary(&[]), None);
        let s = number_summary(&[(1, 1), (2, 1), (10, 2)]).unwrap();
        // Mean 23 / 4 = 5.75 -> 5.8; median (2 + 10) / 2 = 6.
        assert_eq!((s.mean, s.median, s.lowest, s.highest), (58, 60, 1, 10));
        let odd = number_summary(&[(3, 3)]).unwrap();
        assert_eq!((odd.mean, odd.median), (30, 30));
    }
}
