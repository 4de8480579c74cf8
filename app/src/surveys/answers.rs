//! Reading a person's answers from the form they posted, and what each response adds to the
//! survey's counters. Pure and unit-tested.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::design::{Kind, Question};
use crate::error::FieldErrors;

/// Free-text answers longer than this are refused with a message, not cut.
pub const MAX_TEXT: usize = 2000;

/// The answer form: `one[q1]=4` for single answers and text, `many[q3][0]=2` for ticks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    pub one: BTreeMap<String, String>,
    #[serde(default)]
    pub many: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Given {
    /// A Likert point, yes / no, a 0-10 score, a choice or a number, as stored.
    One(String),
    Many(Vec<String>),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: String,
    pub given: Given,
}

/// The answers the form gives, each checked against its question; a question left blank is
/// left out. Errors are keyed by question key.
pub fn read_answers(questions: &[Question], form: &AnswerForm) -> Result<Vec<Answer>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut answers = Vec::new();
    for q in questions {
        let options = q.answer_options();
        let valid = |v: &str| options.iter().any(|(o, _)| o == v);
        let given = match q.kind {
            Kind::Multi => {
                let mut ticked: Vec<String> = Vec::new();
                for v in form
                    .many
                    .get(&q.key)
                    .into_iter()
                    .flatten()
                    .map(|v| v.trim())
                {
                    if v.is_empty() {
                        continue;
                    }
                    if !valid(v) {
                        errors.add(&q.key, "Choose from the options listed.");
                    } else if !ticked.iter().any(|t| t == v) {
                        ticked.push(v.to_string());
                    }
                }
                ticked.sort_by_key(|v| v.parse::<u32>().unwrap_or(u32::MAX));
                (!ticked.is_empty()).then_some(Given::Many(ticked))
            }
            Kind::Text => {
                let text = form.one.get(&q.key).map(|t| t.trim()).unwrap_or_default();
                if text.chars().count() > MAX_TEXT {
                    errors.add(
                        &q.key,
                        format!("Keep your answer to {} characters or fewer.", "2,000"),
                    );
                }
                (!text.is_empty()).then(|| Given::Text(text.to_string()))
            }
            Kind::Number => {
                let text = form.one.get(&q.key).map(|t| t.trim()).unwrap_or_default();
                if text.is_empty() {
                    None
                } else {
                    let (lo, hi) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
                    match text.replace(',', "").parse::<i64>() {
                        Ok(n) if (lo..=hi).contains(&n) => Some(Given::One(n.to_string())),
                        _ => {
                            errors.add(&q.key, format!("Enter a whole number from {lo} to {hi}."));
                            None
                        }
                    }
                }
            }
            Kind::Likert | Kind::YesNo | Kind::Nps | Kind::Single => {
                let v = form.one.get(&q.key).map(|t| t.trim()).unwrap_or_default();
                if v.is_empty() {
                    None
                } else if valid(v) {
                    Some(Given::One(v.to_string()))
                } else {
                    errors.add(&q.key, "Choose one of the answers listed.");
                    None
                }
            }
        };
        match given {
            Some(given) => answers.push(Answer {
                question: q.key.clone(),
                given,
            }),
            None if q.required && errors.get(&q.key).is_none() => {
                let message = match q.kind {
                    Kind::Multi => "Tick at least one answer: this question is required.",
                    Kind::Text | Kind::Number => "Answer this question: it is required.",
                    _ => "Choose an answer: this question is required.",
                };
                errors.add(&q.key, message);
            }
            None => {}
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

/// The reporting groups a response is counted in. Nothing finer is ever stored with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segments {
    pub team: String,
    pub service: String,
    pub role: String,
    pub level: String,
}

/// The ways results are broken down; "all" is everyone who answered.
pub const DIMENSIONS: [&str; 5] = ["all", "team", "service", "role", "level"];

/// The answer value a counter row for a whole response, or a whole question, uses.
pub const ANY: &str = "_";

impl Segments {
    pub fn of(&self, dimension: &str) -> &str {
        match dimension {
            "team" => &self.team,
            "service" => &self.service,
            "role" => &self.role,
            "level" => &self.level,
            _ => "all",
        }
    }
}

/// The one role a response is reported under, the most senior a person holds, so that each
/// response is counted in exactly one role group.
pub fn reporting_role(roles: &[String]) -> String {
    for role in [
        "leader",
        "learning_lead",
        "supervisor",
        "practitioner",
        "admin",
    ] {
        if roles.iter().any(|r| r == role) {
            return role.to_string();
        }
    }
    "none".to_string()
}

/// One counter: how many responses in a group gave an answer to a question.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TallyKey {
    pub dimension: &'static str,
    pub segment: String,
    /// A question key, or `ANY` for the response itself.
    pub question: String,
    /// The stored answer value, or `ANY` for "answered this question at all".
    pub answer: String,
}

/// Every counter one response adds one to. Free text and numbers are counted as answered
/// only; numbers also by value, so their spread can be shown.
pub fn tally_keys(segments: &Segments, answers: &[Answer]) -> Vec<TallyKey> {
    let mut keys = Vec::new();
    for dimension in DIMENSIONS {
        let segment = segments.of(dimension).to_string();
        let key = |question: &str, answer: &str| TallyKey {
            dimension,
            segment: segment.clone(),
            question: question.to_string(),
            answer: answer.to_string(),
        };
        keys.push(key(ANY, ANY));
        for a in answers {
            keys.push(key(&a.question, ANY));
            match &a.given {
                Given::One(v) => keys.push(key(&a.question, v)),
                Given::Many(vs) => keys.extend(vs.iter().map(|v| key(&a.question, v))),
                Given::Text(_) => {}
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::design::Headline;

    fn q(key: &str, kind: Kind, required: bool) -> Question {
        Question {
            key: key.into(),
            section: "S".into(),
            kind,
            text: "T".into(),
            help: String::new(),
            required,
            options: vec!["Red".into(), "Green".into(), "Blue".into()],
            min: Some(0),
            max: Some(60),
            headline: None::<Headline>,
        }
    }

    fn form(one: &[(&str, &str)], many: &[(&str, &[&str])]) -> AnswerForm {
        AnswerForm {
            one: one
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            many: many
                .iter()
                .map(|(k, vs)| (k.to_string(), vs.iter().map(|v| v.to_string()).collect()))
                .collect(),
        }
    }

    #[test]
    fn required_answers_are_checked_with_a_message_each() {
        let qs = [
            q("q1", Kind::Likert, true),
            q("q2", Kind::Multi, true),
            q("q3", Kind::Text, false),
        ];
        let errors = read_answers(&qs, &AnswerForm::default()).unwrap_err();
        assert!(errors.get("q1").unwrap().contains("required"));
        assert!(errors.get("q2").unwrap().contains("Tick"));
        assert!(errors.get("q3").is_none());
    }

    #[test]
    fn answers_must_be_ones_the_question_offers() {
        let qs = [
            q("q1", Kind::Likert, true),
            q("q2", Kind::Nps, true),
            q("q3", Kind::YesNo, true),
        ];
        let errors = read_answers(
            &qs,
            &form(&[("q1", "6"), ("q2", "11"), ("q3", "maybe")], &[]),
        )
        .unwrap_err();
        assert_eq!(errors.0.len(), 3);
        let ok = read_answers(&qs, &form(&[("q1", "5"), ("q2", "0"), ("q3", "no")], &[])).unwrap();
        // A 0 is an answer like any other.
        assert_eq!(ok[1].given, Given::One("0".into()));
    }

    #[test]
    fn numbers_are_whole_and_in_range() {
        let qs = [q("q1", Kind::Number, false)];
        assert!(read_answers(&qs, &form(&[("q1", "61")], &[])).is_err());
        assert!(read_answers(&qs, &form(&[("q1", "2.5")], &[])).is_err());
        assert_eq!(
            read_answers(&qs, &form(&[("q1", " 60 ")], &[])).unwrap()[0].given,
            Given::One("60".into())
        );
        assert!(
            read_answers(&qs, &form(&[("q1", "")], &[]))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn ticks_are_deduplicated_and_ordered() {
        let qs = [q("q1", Kind::Multi, false)];
        let a = read_answers(&qs, &form(&[], &[("q1", &["3", "1", "3"])])).unwrap();
        assert_eq!(a[0].given, Given::Many(vec!["1".into(), "3".into()]));
        assert!(read_answers(&qs, &form(&[], &[("q1", &["4"])])).is_err());
    }

    #[test]
    fn long_text_is_refused_not_cut() {
        let qs = [q("q1", Kind::Text, false)];
        let long = "a".repeat(MAX_TEXT + 1);
        assert!(read_answers(&qs, &form(&[("q1", &long)], &[])).is_err());
        let welsh = "Diolch o galon – ŵ ŷ";
        assert_eq!(
            read_answers(&qs, &form(&[("q1", welsh)], &[])).unwrap()[0].given,
            Given::Text(welsh.into())
        );
    }

    #[test]
    fn each_response_counts_once_per_group_and_answer() {
        let seg = Segments {
            team: "t".into(),
            service: "s".into(),
            role: "practitioner".into(),
            level: "nqsw".into(),
        };
        let answers = vec![
            Answer {
                question: "q1".into(),
                given: Given::One("4".into()),
            },
            Answer {
                question: "q2".into(),
                given: Given::Many(vec!["1".into(), "2".into()]),
            },
            Answer {
                question: "q3".into(),
                given: Given::Text("hi".into()),
            },
        ];
        let keys = tally_keys(&seg, &answers);
        // Per dimension: the response, q1 answered + value, q2 answered + two ticks, q3 answered.
        assert_eq!(keys.len(), 5 * 7);
        assert!(keys.contains(&TallyKey {
            dimension: "team",
            segment: "t".into(),
            question: "q1".into(),
            answer: "4".into()
        }));
        assert!(
            !keys.iter().any(|k| k.answer == "hi"),
            "free text is never a counter"
        );
    }

    #[test]
    fn the_reporting_role_is_the_most_senior() {
        assert_eq!(
            reporting_role(&["practitioner".into(), "supervisor".into()]),
            "supervisor"
        );
        assert_eq!(reporting_role(&["admin".into()]), "admin");
        assert_eq!(reporting_role(&[]), "none");
    }
}
