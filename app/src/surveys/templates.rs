//! The surveys a learning lead can start from. Each is an ordinary draft once created: every
//! question can be changed before it is published.

use super::design::{Headline, Kind, Question};

/// What a survey is for; evaluation and impact surveys belong to an event.
pub const PURPOSES: &[(&str, &str)] = &[
    ("staff", "Staff survey"),
    ("evaluation", "Event evaluation"),
    ("impact", "Practice impact follow-up"),
    ("health", "Health check"),
    ("custom", "Survey"),
];

pub fn purpose_label(key: &str) -> &'static str {
    PURPOSES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| *l)
        .unwrap_or("Survey")
}

/// (key, label, what it is for) of each template, as the "new survey" form lists them.
pub const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "staff",
        "Annual staff survey",
        "Learning, supervision and working here, with the training impact and recommendation questions the council publishes.",
    ),
    (
        "health",
        "Health check",
        "Workload, recording time, supervision and development time.",
    ),
    (
        "evaluation",
        "Event evaluation",
        "How a session went, asked of attendees when their attendance is marked.",
    ),
    (
        "impact",
        "Practice impact follow-up",
        "Whether learning changed practice, asked some weeks after an event.",
    ),
    ("blank", "Blank survey", "One section and no questions yet."),
];

/// Days after an event that its practice impact follow-up opens, unless the council sets
/// its own (within the range research suggests for behaviour change: 60 to 90 days).
pub const DEFAULT_FOLLOW_UP_DAYS: u32 = 75;
pub const FOLLOW_UP_RANGE: (u32, u32) = (14, 365);

pub struct Draft {
    pub purpose: &'static str,
    pub title: String,
    pub intro: String,
    pub sections: Vec<String>,
    pub questions: Vec<Question>,
}

struct Q(
    &'static str,
    Kind,
    &'static str,
    bool,
    &'static [&'static str],
);

fn build(
    sections: &[(&str, &[Q])],
    headlines: &[(&str, Headline)],
    range: Option<(i64, i64)>,
) -> (Vec<String>, Vec<Question>) {
    let mut questions = Vec::new();
    for (section, qs) in sections {
        for Q(key, kind, text, required, options) in *qs {
            let help = match kind {
                Kind::Nps => "0 means not at all likely, 10 extremely likely.".to_string(),
                Kind::Text => "Please do not name children, families or colleagues.".to_string(),
                _ => String::new(),
            };
            questions.push(Question {
                key: key.to_string(),
                section: section.to_string(),
                kind: *kind,
                text: text.to_string(),
                help,
                required: *required,
                options: options.iter().map(|o| o.to_string()).collect(),
                min: (*kind == Kind::Number)
                    .then(|| range.map(|r| r.0))
                    .flatten(),
                max: (*kind == Kind::Number)
                    .then(|| range.map(|r| r.1))
                    .flatten(),
                headline: headlines.iter().find(|(k, _)| k == key).map(|(_, h)| *h),
            });
        }
    }
    (
        sections.iter().map(|(s, _)| s.to_string()).collect(),
        questions,
    )
}

/// A new draft from a template, or `None` for an unknown key. Event templates take the
/// event's title.
pub fn draft(template: &str, event_title: Option<&str>) -> Option<Draft> {
    use Kind::*;
    let event = event_title.unwrap_or("the event");
    let (purpose, title, intro, (sections, questions)) = match template {
        "staff" => (
            "staff",
            "Annual staff survey".to_string(),
            "Tell us how learning, supervision and working here feel. Your answers are anonymous: nobody, admins included, can see who gave them, and results are only shown for groups big enough to protect you.".to_string(),
            build(
                &[
                    ("Learning and development", &[
                        Q("q1", Likert, "The learning I have done this year has made a difference to my practice.", true, &[]),
                        Q("q2", Likert, "I can find the practice resources I need in one place.", false, &[]),
                        Q("q3", Likert, "I have protected time for learning and development.", false, &[]),
                        Q("q4", Multi, "Which kinds of learning helped you most this year?", false, &["Live workshops", "Practice guides and tools", "Group supervision", "Learning paths", "Peer observation", "E-learning"]),
                    ]),
                    ("Working here", &[
                        Q("q5", YesNo, "Would you recommend the council to other social workers as a place to work?", true, &[]),
                        Q("q6", Nps, "How likely are you to recommend the council as a place to work?", true, &[]),
                        Q("q7", Likert, "I receive regular, good-quality supervision.", false, &[]),
                        Q("q8", Single, "How long do you see yourself working here?", false, &["Less than a year", "One to two years", "Three to five years", "More than five years"]),
                    ]),
                    ("Your say", &[
                        Q("q9", Text, "What one thing would most improve learning and development here?", false, &[]),
                    ]),
                ],
                &[("q1", Headline::Impact), ("q5", Headline::Recommendation), ("q6", Headline::Recommendation)],
                None,
            ),
        ),
        "health" => (
            "health",
            "Health check".to_string(),
            "A short check on workload, supervision and development time. Anonymous, and only reported for groups big enough to protect you.".to_string(),
            build(
                &[
                    ("Workload", &[
                        Q("q1", Likert, "My caseload is manageable.", true, &[]),
                        Q("q2", Likert, "I have enough time to record my work well.", true, &[]),
                        Q("q3", Number, "How many hours beyond your contract did you work last week?", false, &[]),
                    ]),
                    ("Supervision", &[
                        Q("q4", Likert, "I receive supervision as often as I should.", true, &[]),
                        Q("q5", Likert, "Supervision helps me reflect on my practice.", true, &[]),
                    ]),
                    ("Development time", &[
                        Q("q6", Likert, "I have time set aside for my development.", true, &[]),
                        Q("q7", Text, "What gets in the way of your development time?", false, &[]),
                    ]),
                ],
                &[],
                Some((0, 60)),
            ),
        ),
        "evaluation" => (
            "evaluation",
            format!("Evaluation: {event}"),
            format!("Thank you for attending {event}. Two minutes of feedback helps us improve the session for others. It is anonymous."),
            build(
                &[("The session", &[
                    Q("q1", Likert, "The session met its learning objectives.", true, &[]),
                    Q("q2", Likert, "I will use what I learnt in my practice.", true, &[]),
                    Q("q3", Single, "Overall, how would you rate the session?", true, &["Excellent", "Good", "Fair", "Poor"]),
                    Q("q4", Text, "What will you do differently as a result?", false, &[]),
                ])],
                &[],
                None,
            ),
        ),
        "impact" => (
            "impact",
            format!("Practice impact: {event}"),
            format!("Some weeks ago you attended {event}. We would like to know whether it has changed your practice. It is anonymous."),
            build(
                &[("Since the session", &[
                    Q("q1", Likert, "This learning has made a difference to my practice.", true, &[]),
                    Q("q2", Multi, "Where has it made a difference?", false, &["Assessments", "Direct work with children and families", "Recording and chronologies", "Planning and reviews", "Working with other agencies", "Supervision and reflection"]),
                    Q("q3", Number, "Roughly how many times have you used it in the last month?", false, &[]),
                    Q("q4", Text, "Give an example, without names, of something you did differently.", false, &[]),
                ])],
                &[("q1", Headline::Impact)],
                Some((0, 100)),
            ),
        ),
        "blank" => (
            "custom",
            "Untitled survey".to_string(),
            String::new(),
            (vec!["Questions".to_string()], Vec::new()),
        ),
        _ => return None,
    };
    Some(Draft {
        purpose,
        title,
        intro,
        sections,
        questions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::design::QuestionForm;

    #[test]
    fn every_template_passes_the_builders_own_checks() {
        for (key, ..) in TEMPLATES {
            let d = draft(key, Some("Court skills")).unwrap();
            for q in &d.questions {
                let again = QuestionForm::of(q).validate(q.key.clone(), &d.sections);
                assert_eq!(again.as_ref(), Ok(q), "{key} {}", q.key);
            }
            let keys: std::collections::HashSet<_> = d.questions.iter().map(|q| &q.key).collect();
            assert_eq!(keys.len(), d.questions.len(), "{key} repeats a key");
        }
        assert!(draft("nope", None).is_none());
    }

    #[test]
    fn the_staff_survey_carries_both_headline_measures() {
        let d = draft("staff", None).unwrap();
        let has = |h: Headline, k: Kind| {
            d.questions
                .iter()
                .any(|q| q.headline == Some(h) && q.kind == k)
        };
        assert!(has(Headline::Impact, Kind::Likert));
        assert!(has(Headline::Recommendation, Kind::YesNo));
        assert!(has(Headline::Recommendation, Kind::Nps));
        assert!(
            draft("impact", None)
                .unwrap()
                .questions
                .iter()
                .any(|q| q.headline == Some(Headline::Impact))
        );
    }
}
