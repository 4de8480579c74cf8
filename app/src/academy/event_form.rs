//! The learning lead's event form: what is posted, and its validation into an event with
//! sessions in UK time. Pure and unit-tested.

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime, Time};

use super::resource::LIBRARY_LEVELS;
use crate::dates::parse_date;
use crate::error::FieldErrors;

/// Rows of sessions the form offers; empty rows are ignored.
pub const SESSION_ROWS: usize = 4;
pub const MAX_CAPACITY: u32 = 5000;

/// One session row as posted: date, start and end (UK time), place and an optional link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionForm {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub link: String,
}

impl SessionForm {
    fn is_blank(&self) -> bool {
        [&self.date, &self.start, &self.end, &self.place, &self.link]
            .iter()
            .all(|v| v.trim().is_empty())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub facilitator: String,
    /// The facilitator's own account, which lets them mark attendance.
    #[serde(default)]
    pub facilitator_person: String,
    #[serde(default)]
    pub capacity: String,
    #[serde(default)]
    pub levels: Vec<String>,
    #[serde(default)]
    pub teams: Vec<String>,
    /// A checkbox: present ("on") when ticked.
    #[serde(default)]
    pub needs_approval: Option<String>,
    #[serde(default)]
    pub online: Option<String>,
    #[serde(default)]
    pub sessions: Vec<SessionForm>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionInput {
    pub date: Date,
    pub start: Time,
    pub end: Time,
    pub place: String,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventInput {
    pub title: String,
    pub summary: String,
    pub facilitator: String,
    pub facilitator_person: Option<String>,
    pub capacity: u32,
    pub levels: Vec<String>,
    pub teams: Vec<String>,
    pub needs_approval: bool,
    pub online: bool,
    /// In date and time order.
    pub sessions: Vec<SessionInput>,
}

/// "09:30" as a time input posts it (seconds allowed, and ignored).
pub fn parse_time(value: &str) -> Option<Time> {
    let mut parts = value.trim().split(':');
    let hour: u8 = parts.next()?.parse().ok()?;
    let minute: u8 = parts.next()?.parse().ok()?;
    Time::from_hms(hour, minute, 0).ok()
}

fn is_web_address(link: &str) -> bool {
    link.starts_with("https://")
        && link.len() > "https://".len()
        && link.len() <= 2000
        && !link.chars().any(char::is_whitespace)
}

/// How soon sessions may start: a new event's from tomorrow, so people have notice; a
/// change to an event's, any time from now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SessionsFrom {
    /// After this day (today, in the UK).
    Tomorrow(Date),
    /// After this moment (now, in UK time).
    Now(PrimitiveDateTime),
}

impl EventForm {
    /// Checks every field against its own message. `known_team` says whether a team key is
    /// one of the council's.
    pub fn validate(
        &self,
        from: SessionsFrom,
        known_team: impl Fn(&str) -> bool,
    ) -> Result<EventInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.add("title", "Give the event a title.");
        } else if title.chars().count() > 200 {
            errors.add("title", "Keep the title to 200 characters or fewer.");
        }
        let summary = self.summary.trim().to_string();
        if summary.is_empty() {
            errors.add("summary", "Say in a sentence or two what the event is for.");
        } else if summary.chars().count() > 2000 {
            errors.add(
                "summary",
                "Keep the description to 2,000 characters or fewer.",
            );
        }
        let facilitator = self.facilitator.trim().to_string();
        if facilitator.is_empty() {
            errors.add("facilitator", "Say who is running it.");
        } else if facilitator.chars().count() > 120 {
            errors.add("facilitator", "Keep this to 120 characters or fewer.");
        }
        let facilitator_person =
            Some(self.facilitator_person.trim().to_string()).filter(|p| !p.is_empty());
        let capacity = match self.capacity.trim().parse::<u32>() {
            Ok(n) if (1..=MAX_CAPACITY).contains(&n) => n,
            _ => {
                errors.add(
                    "capacity",
                    format!("Enter the number of places, from 1 to {MAX_CAPACITY}."),
                );
                0
            }
        };
        let mut levels: Vec<String> = Vec::new();
        for level in self
            .levels
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
        {
            if !LIBRARY_LEVELS.contains(&level) {
                errors.add("levels", "Choose levels from the list.");
            } else if !levels.iter().any(|l| l == level) {
                levels.push(level.to_string());
            }
        }
        let mut teams: Vec<String> = Vec::new();
        for team in self
            .teams
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
        {
            if !known_team(team) {
                errors.add("teams", "Choose teams from the list.");
            } else if !teams.iter().any(|t| t == team) {
                teams.push(team.to_string());
            }
        }
        let mut sessions = Vec::new();
        for (i, row) in self.sessions.iter().enumerate() {
            if row.is_blank() {
                continue;
            }
            let key = |field: &str| format!("sessions.{i}.{field}");
            let date = parse_date(&row.date);
            let start = parse_time(&row.start);
            let end = parse_time(&row.end);
            match (date, from) {
                (None, _) => errors.add(&key("date"), "Enter the date, like 2027-01-14."),
                (Some(d), SessionsFrom::Tomorrow(today)) if d <= today => {
                    errors.add(&key("date"), "Sessions must be after today.")
                }
                (Some(d), SessionsFrom::Now(now))
                    if d < now.date()
                        || start.is_some_and(|s| PrimitiveDateTime::new(d, s) <= now) =>
                {
                    errors.add(&key("date"), "This session must start later than now.")
                }
                _ => {}
            }
            if start.is_none() {
                errors.add(&key("start"), "Enter the start time, like 09:30.");
            }
            match (start, end) {
                (_, None) => errors.add(&key("end"), "Enter the end time, like 12:30."),
                (Some(s), Some(e)) if e <= s => {
                    errors.add(&key("end"), "The end must be after the start.")
                }
                _ => {}
            }
            let place = row.place.trim().to_string();
            if place.is_empty() {
                errors.add(
                    &key("place"),
                    "Say where it is: a room, or \u{201c}Online\u{201d}.",
                );
            } else if place.chars().count() > 200 {
                errors.add(&key("place"), "Keep this to 200 characters or fewer.");
            }
            let link = Some(row.link.trim().to_string()).filter(|l| !l.is_empty());
            if link.as_deref().is_some_and(|l| !is_web_address(l)) {
                errors.add(&key("link"), "Use a web address starting with https://.");
            }
            if let (Some(date), Some(start), Some(end)) = (date, start, end) {
                sessions.push(SessionInput {
                    date,
                    start,
                    end,
                    place,
                    link,
                });
            }
        }
        if self.sessions.iter().all(SessionForm::is_blank) {
            errors.add("sessions", "Add at least one session.");
        }
        sessions.sort_by_key(|s| (s.date, s.start));
        if sessions
            .windows(2)
            .any(|w| w[0].date == w[1].date && w[1].start < w[0].end)
        {
            errors.add("sessions", "Two sessions overlap: check their times.");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(EventInput {
            title,
            summary,
            facilitator,
            facilitator_person,
            capacity,
            levels,
            teams,
            needs_approval: self.needs_approval.is_some(),
            online: self.online.is_some(),
            sessions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, time};

    const TODAY: Date = date!(2026 - 11 - 23);

    fn form() -> EventForm {
        EventForm {
            title: "Court skills".into(),
            summary: "Statements and giving evidence.".into(),
            facilitator: "Alison Grant".into(),
            capacity: "16".into(),
            sessions: vec![SessionForm {
                date: "2026-12-03".into(),
                start: "09:30".into(),
                end: "13:00".into(),
                place: "Committee Room B".into(),
                link: String::new(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_form_becomes_an_event() {
        let mut f = form();
        f.needs_approval = Some("on".into());
        f.levels = vec!["nqsw".into(), "nqsw".into()];
        let input = f.validate(SessionsFrom::Tomorrow(TODAY), |_| true).unwrap();
        assert_eq!(input.capacity, 16);
        assert!(input.needs_approval);
        assert!(!input.online);
        assert_eq!(input.levels, vec!["nqsw".to_string()]);
        assert_eq!(input.sessions[0].start, time!(09:30));
    }

    #[test]
    fn every_bad_field_gets_its_own_message() {
        let f = EventForm {
            capacity: "0".into(),
            levels: vec!["wizard".into()],
            teams: vec!["nowhere".into()],
            sessions: vec![SessionForm {
                date: "2026-11-23".into(),
                start: "25:00".into(),
                end: "".into(),
                place: "".into(),
                link: "ftp://x".into(),
            }],
            ..Default::default()
        };
        let errors = f
            .validate(SessionsFrom::Tomorrow(TODAY), |_| false)
            .unwrap_err();
        for field in [
            "title",
            "summary",
            "facilitator",
            "capacity",
            "levels",
            "teams",
            "sessions.0.date",
            "sessions.0.start",
            "sessions.0.end",
            "sessions.0.place",
            "sessions.0.link",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn sessions_are_needed_ordered_and_must_not_overlap() {
        let mut f = form();
        f.sessions = vec![SessionForm::default(); 3];
        assert!(
            f.validate(SessionsFrom::Tomorrow(TODAY), |_| true)
                .unwrap_err()
                .get("sessions")
                .is_some()
        );
        let row = |date: &str, start: &str, end: &str| SessionForm {
            date: date.into(),
            start: start.into(),
            end: end.into(),
            place: "Room 1".into(),
            link: String::new(),
        };
        f.sessions = vec![
            row("2026-12-10", "09:30", "12:00"),
            row("2026-12-03", "09:30", "12:00"),
        ];
        let input = f.validate(SessionsFrom::Tomorrow(TODAY), |_| true).unwrap();
        assert_eq!(input.sessions[0].date, date!(2026 - 12 - 03));
        f.sessions = vec![
            row("2026-12-03", "09:30", "12:00"),
            row("2026-12-03", "11:00", "13:00"),
        ];
        assert!(
            f.validate(SessionsFrom::Tomorrow(TODAY), |_| true)
                .unwrap_err()
                .get("sessions")
                .is_some()
        );
        f.sessions = vec![row("2026-12-03", "12:00", "09:00")];
        assert!(
            f.validate(SessionsFrom::Tomorrow(TODAY), |_| true)
                .unwrap_err()
                .get("sessions.0.end")
                .is_some()
        );
    }

    #[test]
    fn a_change_may_keep_a_session_later_today_but_not_one_already_begun() {
        let mut f = form();
        f.sessions[0].date = "2026-11-23".into();
        f.sessions[0].start = "15:00".into();
        f.sessions[0].end = "16:00".into();
        let morning = PrimitiveDateTime::new(TODAY, time!(09:00));
        assert!(f.validate(SessionsFrom::Now(morning), |_| true).is_ok());
        // A new event still needs notice.
        assert!(
            f.validate(SessionsFrom::Tomorrow(TODAY), |_| true)
                .unwrap_err()
                .get("sessions.0.date")
                .is_some()
        );
        let afternoon = PrimitiveDateTime::new(TODAY, time!(15:30));
        assert!(
            f.validate(SessionsFrom::Now(afternoon), |_| true)
                .unwrap_err()
                .get("sessions.0.date")
                .is_some()
        );
    }

    #[test]
    fn times_parse_as_time_inputs_post_them() {
        assert_eq!(parse_time("09:30"), Some(time!(09:30)));
        assert_eq!(parse_time("09:30:15"), Some(time!(09:30)));
        assert_eq!(parse_time("9:5"), Some(time!(09:05)));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("noon"), None);
    }
}
