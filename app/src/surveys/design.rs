//! What a survey is made of: question kinds, headline measures, and the learning lead's
//! forms for a survey's details, one question, and publishing. Pure and unit-tested.

use serde::{Deserialize, Serialize};

use crate::error::FieldErrors;

/// The five labelled points of every Likert question, stored as "1" to "5".
pub const LIKERT: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];

/// A survey with more questions than this is not one people finish.
pub const MAX_QUESTIONS: usize = 60;
pub const MAX_OPTIONS: usize = 20;
pub const MAX_SECTIONS: usize = 12;
/// Results are never shown for fewer people than this, whatever a survey asks.
pub const MIN_GROUP_FLOOR: u32 = 3;
pub const DEFAULT_MIN_GROUP: u32 = 5;
pub const MIN_GROUP_CEILING: u32 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Likert,
    YesNo,
    Nps,
    Single,
    Multi,
    Number,
    Text,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Likert,
        Kind::YesNo,
        Kind::Nps,
        Kind::Single,
        Kind::Multi,
        Kind::Number,
        Kind::Text,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Likert => "likert",
            Kind::YesNo => "yes_no",
            Kind::Nps => "nps",
            Kind::Single => "single",
            Kind::Multi => "multi",
            Kind::Number => "number",
            Kind::Text => "text",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Likert => "Agree / disagree (5 points)",
            Kind::YesNo => "Yes / no",
            Kind::Nps => "Likelihood to recommend (0 to 10)",
            Kind::Single => "One choice from a list",
            Kind::Multi => "Any choices from a list",
            Kind::Number => "A number in a range",
            Kind::Text => "Free text",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    fn has_options(self) -> bool {
        matches!(self, Kind::Single | Kind::Multi)
    }
}

/// A question whose answers are one of the council's published figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Headline {
    /// Agree or strongly agree that learning made a difference to practice (a Likert question).
    Impact,
    /// Would recommend the council: the rate of "yes" on a yes / no question, or eNPS on a
    /// 0 to 10 question.
    Recommendation,
}

impl Headline {
    pub fn key(self) -> &'static str {
        match self {
            Headline::Impact => "impact",
            Headline::Recommendation => "recommendation",
        }
    }

    pub fn from_key(key: &str) -> Option<Headline> {
        match key {
            "impact" => Some(Headline::Impact),
            "recommendation" => Some(Headline::Recommendation),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Headline::Impact => "Training impact",
            Headline::Recommendation => "Recommendation",
        }
    }

    /// Which kinds of question can carry this measure.
    pub fn fits(self, kind: Kind) -> bool {
        match self {
            Headline::Impact => kind == Kind::Likert,
            Headline::Recommendation => matches!(kind, Kind::YesNo | Kind::Nps),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable within a survey and copied to its later waves, so trends line up.
    pub key: String,
    pub section: String,
    pub kind: Kind,
    pub text: String,
    pub help: String,
    pub required: bool,
    /// The labels of a single or multiple choice question, in order; answers store the
    /// 1-based position.
    pub options: Vec<String>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub headline: Option<Headline>,
}

impl Question {
    /// The answers a person can give, as (stored value, label), for choice-like kinds.
    pub fn answer_options(&self) -> Vec<(String, String)> {
        match self.kind {
            Kind::Likert => LIKERT
                .iter()
                .enumerate()
                .map(|(i, l)| ((i + 1).to_string(), l.to_string()))
                .collect(),
            Kind::YesNo => vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())],
            Kind::Nps => (0..=10).map(|n| (n.to_string(), n.to_string())).collect(),
            Kind::Single | Kind::Multi => self
                .options
                .iter()
                .enumerate()
                .map(|(i, l)| ((i + 1).to_string(), l.clone()))
                .collect(),
            Kind::Number | Kind::Text => Vec::new(),
        }
    }

    /// The label of a stored answer value.
    pub fn answer_label(&self, value: &str) -> String {
        self.answer_options()
            .into_iter()
            .find(|(v, _)| v == value)
            .map(|(_, l)| l)
            .unwrap_or_else(|| value.to_string())
    }
}

/// The first key not used by any question: "q1", "q2", ...
pub fn next_key(questions: &[Question]) -> String {
    let highest = questions
        .iter()
        .filter_map(|q| q.key.strip_prefix('q')?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("q{}", highest + 1)
}

fn text_field(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    max: usize,
    empty: Option<&str>,
) -> String {
    let value = value.trim().to_string();
    if value.is_empty() {
        if let Some(message) = empty {
            errors.add(field, message);
        }
    } else if value.chars().count() > max {
        errors.add(field, format!("Keep this to {max} characters or fewer."));
    }
    value
}

/// A survey's title, introduction and sections, as the builder posts them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DetailsForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub intro: String,
    /// One section title per line.
    #[serde(default)]
    pub sections: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub title: String,
    pub intro: String,
    pub sections: Vec<String>,
}

impl DetailsForm {
    pub fn validate(&self) -> Result<Details, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = text_field(
            &mut errors,
            "title",
            &self.title,
            200,
            Some("Give the survey a title."),
        );
        let intro = text_field(&mut errors, "intro", &self.intro, 3000, None);
        let mut sections: Vec<String> = Vec::new();
        for line in self
            .sections
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            if line.chars().count() > 120 {
                errors.add(
                    "sections",
                    "Keep each section title to 120 characters or fewer.",
                );
            } else if !sections.iter().any(|s| s == line) {
                sections.push(line.to_string());
            }
        }
        if sections.is_empty() {
            errors.add("sections", "Name at least one section, one per line.");
        } else if sections.len() > MAX_SECTIONS {
            errors.add("sections", format!("Use {MAX_SECTIONS} sections or fewer."));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Details {
            title,
            intro,
            sections,
        })
    }
}

/// One question as the builder posts it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuestionForm {
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub help: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub required: Option<String>,
    /// One option per line, for choice questions.
    #[serde(default)]
    pub options: String,
    #[serde(default)]
    pub min: String,
    #[serde(default)]
    pub max: String,
    /// "", "impact" or "recommendation".
    #[serde(default)]
    pub headline: String,
}

impl QuestionForm {
    pub fn of(question: &Question) -> QuestionForm {
        QuestionForm {
            section: question.section.clone(),
            kind: question.kind.key().to_string(),
            text: question.text.clone(),
            help: question.help.clone(),
            required: question.required.then(|| "on".to_string()),
            options: question.options.join("\n"),
            min: question.min.map(|n| n.to_string()).unwrap_or_default(),
            max: question.max.map(|n| n.to_string()).unwrap_or_default(),
            headline: question
                .headline
                .map(|h| h.key().to_string())
                .unwrap_or_default(),
        }
    }

    /// The question this form describes, given the survey's sections; `key` is kept.
    pub fn validate(&self, key: String, sections: &[String]) -> Result<Question, FieldErrors> {
        let mut errors = FieldErrors::new();
        let section = self.section.trim().to_string();
        if !sections.iter().any(|s| *s == section) {
            errors.add("section", "Choose a section from the list.");
        }
        let kind = Kind::from_key(self.kind.trim());
        if kind.is_none() {
            errors.add("kind", "Choose the kind of question.");
        }
        let text = text_field(
            &mut errors,
            "text",
            &self.text,
            500,
            Some("Write the question."),
        );
        let help = text_field(&mut errors, "help", &self.help, 500, None);
        let mut options: Vec<String> = Vec::new();
        let mut min = None;
        let mut max = None;
        if let Some(kind) = kind {
            if kind.has_options() {
                for line in self
                    .options
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                {
                    if line.chars().count() > 200 {
                        errors.add("options", "Keep each option to 200 characters or fewer.");
                    } else if options.iter().any(|o| o == line) {
                        errors.add(
                            "options",
                            format!("\u{201c}{line}\u{201d} is listed twice."),
                        );
                    } else {
                        options.push(line.to_string());
                    }
                }
                if options.len() < 2 {
                    errors.add("options", "Give at least two options, one per line.");
                } else if options.len() > MAX_OPTIONS {
                    errors.add("options", format!("Use {MAX_OPTIONS} options or fewer."));
                }
            }
            if kind == Kind::Number {
                let parse = |value: &str, field: &str, errors: &mut FieldErrors| -> Option<i64> {
                    match value.trim().parse::<i64>() {
                        Ok(n) if (-1_000_000..=1_000_000).contains(&n) => Some(n),
                        _ => {
                            errors.add(
                                field,
                                "Enter a whole number between -1,000,000 and 1,000,000.",
                            );
                            None
                        }
                    }
                };
                min = parse(&self.min, "min", &mut errors);
                max = parse(&self.max, "max", &mut errors);
                if let (Some(lo), Some(hi)) = (min, max)
                    && lo >= hi
                {
                    errors.add("max", "The highest answer must be more than the lowest.");
                }
            }
        }
        let headline = match self.headline.trim() {
            "" => None,
            other => match (Headline::from_key(other), kind) {
                (Some(h), Some(k)) if h.fits(k) => Some(h),
                (Some(Headline::Impact), _) => {
                    errors.add(
                        "headline",
                        "Training impact is measured by an agree / disagree question.",
                    );
                    None
                }
                (Some(Headline::Recommendation), _) => {
                    errors.add(
                        "headline",
                        "Recommendation is measured by a yes / no or a 0 to 10 question.",
                    );
                    None
                }
                (None, _) => {
                    errors.add("headline", "Choose a headline measure from the list.");
                    None
                }
            },
        };
        match kind {
            Some(kind) if errors.is_empty() => Ok(Question {
                key,
                section,
                kind,
                text,
                help,
                required: self.required.is_some(),
                options,
                min,
                max,
                headline,
            }),
            _ => Err(errors),
        }
    }
}

/// Who a survey is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AudienceKind {
    Everyone,
    Teams,
    Roles,
    Levels,
    Event,
}

impl AudienceKind {
    pub const ALL: [AudienceKind; 5] = [
        AudienceKind::Everyone,
        AudienceKind::Teams,
        AudienceKind::Roles,
        AudienceKind::Levels,
        AudienceKind::Event,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AudienceKind::Everyone => "everyone",
            AudienceKind::Teams => "teams",
            AudienceKind::Roles => "roles",
            AudienceKind::Levels => "levels",
            AudienceKind::Event => "event",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AudienceKind::Everyone => "Everyone in the council",
            AudienceKind::Teams => "Chosen teams or services",
            AudienceKind::Roles => "Chosen roles",
            AudienceKind::Levels => "Chosen career levels",
            AudienceKind::Event => "The people who attended an event",
        }
    }

    pub fn from_key(key: &str) -> Option<AudienceKind> {
        AudienceKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The publish form: audience, dates and the anonymity threshold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub teams: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub levels: Vec<String>,
    #[serde(default)]
    pub event: String,
    #[serde(default)]
    pub opens: String,
    #[serde(default)]
    pub closes: String,
    #[serde(default)]
    pub min_group: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PublishInput {
    pub audience: AudienceKind,
    /// Team, role or level keys, or the one event key; empty for everyone.
    pub keys: Vec<String>,
    pub opens: String,
    pub closes: String,
    pub min_group: u32,
}

fn clean_keys(values: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        if !keys.iter().any(|k| k == v) {
            keys.push(v.to_string());
        }
    }
    keys
}

impl PublishForm {
    /// Checks the form; `today` is the earliest opening date allowed, and
    /// `known(kind, key)` says whether a team, role, level or event key exists.
    pub fn validate(
        &self,
        today: time::Date,
        known: impl Fn(AudienceKind, &str) -> bool,
    ) -> Result<PublishInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let audience = AudienceKind::from_key(self.audience.trim());
        let keys = match audience {
            None => {
                errors.add("audience", "Choose who the survey is for.");
                Vec::new()
            }
            Some(AudienceKind::Everyone) => Vec::new(),
            Some(kind) => {
                let (field, values, empty) = match kind {
                    AudienceKind::Teams => (
                        "teams",
                        clean_keys(&self.teams),
                        "Tick at least one team or service.",
                    ),
                    AudienceKind::Roles => {
                        ("roles", clean_keys(&self.roles), "Tick at least one role.")
                    }
                    AudienceKind::Levels => (
                        "levels",
                        clean_keys(&self.levels),
                        "Tick at least one career level.",
                    ),
                    _ => (
                        "event",
                        clean_keys(std::slice::from_ref(&self.event)),
                        "Choose the event whose attendees it is for.",
                    ),
                };
                if values.is_empty() {
                    errors.add(field, empty);
                } else if values.iter().any(|v| !known(kind, v)) {
                    errors.add(field, "Choose from the list.");
                }
                values
            }
        };
        let opens = crate::dates::parse_date(self.opens.trim());
        match opens {
            None => errors.add("opens", "Enter the day it opens, like 2026-12-01."),
            Some(d) if d < today => errors.add("opens", "It cannot open before today."),
            _ => {}
        }
        let closes = crate::dates::parse_date(self.closes.trim());
        match (opens, closes) {
            (_, None) => errors.add("closes", "Enter the day it closes, like 2026-12-31."),
            (Some(o), Some(c)) if c < o => {
                errors.add("closes", "It must close on or after the day it opens.")
            }
            (Some(o), Some(c)) if (c - o).whole_days() > 366 => {
                errors.add("closes", "Keep a survey open for a year or less.")
            }
            _ => {}
        }
        let min_group = match self.min_group.trim() {
            "" => Some(DEFAULT_MIN_GROUP),
            text => match text.parse::<u32>() {
                Ok(n) if n < MIN_GROUP_FLOOR => {
                    errors.add("min_group", format!("Results need at least {MIN_GROUP_FLOOR} people in a group to stay anonymous."));
                    None
                }
                Ok(n) if n > MIN_GROUP_CEILING => {
                    errors.add("min_group", format!("Use {MIN_GROUP_CEILING} or fewer."));
                    None
                }
                Ok(n) => Some(n),
                Err(_) => {
                    errors.add("min_group", "Enter a whole number, like 5.");
                    None
                }
            },
        };
        match (audience, opens, closes, min_group) {
            (Some(audience), Some(o), Some(c), Some(min_group)) if errors.is_empty() => {
                Ok(PublishInput {
                    audience,
                    keys,
                    opens: crate::dates::iso(o),
                    closes: crate::dates::iso(c),
                    min_group,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(kind: &str) -> QuestionForm {
        QuestionForm {
            section: "About you".into(),
            kind: kind.into(),
            text: "How was it?".into(),
            ..Default::default()
        }
    }

    fn sections() -> Vec<String> {
        vec!["About you".into()]
    }

    #[test]
    fn details_need_a_title_and_a_section() {
        let errors = DetailsForm::default().validate().unwrap_err();
        assert!(errors.get("title").is_some());
        assert!(errors.get("sections").is_some());
        let ok = DetailsForm {
            title: " Staff survey ".into(),
            intro: "".into(),
            sections: "One\n\nTwo\nOne".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(ok.title, "Staff survey");
        assert_eq!(ok.sections, vec!["One", "Two"]);
    }

    #[test]
    fn choice_questions_need_two_distinct_options() {
        let mut f = form("single");
        f.options = "Only one".into();
        assert!(
            f.validate("q1".into(), &sections())
                .unwrap_err()
                .get("options")
                .is_some()
        );
        f.options = "A\nA".into();
        assert!(f.validate("q1".into(), &sections()).is_err());
        f.options = "A\nB\n".into();
        let q = f.validate("q1".into(), &sections()).unwrap();
        assert_eq!(
            q.answer_options(),
            vec![("1".into(), "A".into()), ("2".into(), "B".into())]
        );
    }

    #[test]
    fn number_questions_need_a_range() {
        let mut f = form("number");
        assert!(
            f.validate("q1".into(), &sections())
                .unwrap_err()
                .get("min")
                .is_some()
        );
        f.min = "10".into();
        f.max = "5".into();
        assert!(
            f.validate("q1".into(), &sections())
                .unwrap_err()
                .get("max")
                .is_some()
        );
        f.max = "50".into();
        let q = f.validate("q1".into(), &sections()).unwrap();
        assert_eq!((q.min, q.max), (Some(10), Some(50)));
    }

    #[test]
    fn headlines_fit_only_their_kinds() {
        let mut f = form("yes_no");
        f.headline = "impact".into();
        assert!(
            f.validate("q1".into(), &sections())
                .unwrap_err()
                .get("headline")
                .is_some()
        );
        f.headline = "recommendation".into();
        assert_eq!(
            f.validate("q1".into(), &sections()).unwrap().headline,
            Some(Headline::Recommendation)
        );
        let mut f = form("nps");
        f.headline = "recommendation".into();
        assert!(f.validate("q1".into(), &sections()).is_ok());
        let mut f = form("likert");
        f.headline = "impact".into();
        assert!(f.validate("q1".into(), &sections()).is_ok());
    }

    #[test]
    fn unknown_sections_and_kinds_are_refused() {
        let mut f = form("essay");
        f.section = "Elsewhere".into();
        let errors = f.validate("q1".into(), &sections()).unwrap_err();
        assert!(errors.get("kind").is_some());
        assert!(errors.get("section").is_some());
    }

    #[test]
    fn question_forms_round_trip() {
        let mut f = form("multi");
        f.options = "A\nB\nC".into();
        f.required = Some("on".into());
        let q = f.validate("q3".into(), &sections()).unwrap();
        assert_eq!(
            QuestionForm::of(&q)
                .validate("q3".into(), &sections())
                .unwrap(),
            q
        );
        assert_eq!(next_key(&[q]), "q4");
        assert_eq!(next_key(&[]), "q1");
    }

    fn day(s: &str) -> time::Date {
        crate::dates::parse_date(s).unwrap()
    }

    #[test]
    fn publishing_checks_audience_dates_and_group_size() {
        let today = day("2026-12-01");
        let known = |_: AudienceKind, key: &str| key == "demo_fostering";
        let mut f = PublishForm {
            audience: "teams".into(),
            opens: "2026-12-01".into(),
            closes: "2026-12-31".into(),
            ..Default::default()
        };
        assert!(f.validate(today, known).unwrap_err().get("teams").is_some());
        f.teams = vec!["nowhere".into()];
        assert!(f.validate(today, known).unwrap_err().get("teams").is_some());
        f.teams = vec!["demo_fostering".into()];
        let ok = f.validate(today, known).unwrap();
        assert_eq!(ok.min_group, DEFAULT_MIN_GROUP);
        f.min_group = "2".into();
        assert!(
            f.validate(today, known)
                .unwrap_err()
                .get("min_group")
                .is_some()
        );
        f.min_group = "3".into();
        assert_eq!(f.validate(today, known).unwrap().min_group, 3);
        f.opens = "2026-11-30".into();
        assert!(f.validate(today, known).unwrap_err().get("opens").is_some());
        f.opens = "2026-12-10".into();
        f.closes = "2026-12-09".into();
        assert!(
            f.validate(today, known)
                .unwrap_err()
                .get("closes")
                .is_some()
        );
        f.audience = "everyone".into();
        f.closes = "2026-12-20".into();
        assert!(f.validate(today, known).unwrap().keys.is_empty());
    }
}
