//! A calendar file (.ics) for a booked session, so it lands in the person's Outlook or phone
//! calendar. Built with the `icalendar` crate, which handles RFC 5545's escaping, CRLF line
//! endings and line folding.

use icalendar::{Calendar, Component, Event, EventLike};
use time::OffsetDateTime;

/// One session of a booked event.
#[derive(Debug, Clone)]
pub struct SessionInvite<'a> {
    /// Stable across downloads, so a calendar updates the entry rather than adding another.
    pub uid: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub place: &'a str,
    pub starts: OffsetDateTime,
    pub ends: OffsetDateTime,
    pub url: &'a str,
    /// How many times the sessions have changed: a calendar replaces an entry it holds when
    /// this goes up.
    pub sequence: u32,
}

fn utc(at: OffsetDateTime) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp(at.unix_timestamp(), 0)
}

/// A calendar with one event per session, times in UTC (calendars show them in local time).
/// Sessions whose times cannot be represented are left out rather than written wrong.
pub fn calendar(name: &str, sessions: &[SessionInvite<'_>]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for session in sessions {
        let (Some(starts), Some(ends)) = (utc(session.starts), utc(session.ends)) else {
            continue;
        };
        calendar.push(
            Event::new()
                .uid(session.uid)
                .sequence(session.sequence)
                .summary(session.title)
                .description(session.description)
                .location(session.place)
                .url(session.url)
                .starts(starts)
                .ends(ends)
                .done(),
        );
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_session_becomes_an_event_in_utc_with_text_escaped() {
        let ics = calendar(
            "Pathway",
            &[SessionInvite {
                uid: "booking-abc-1@pathway",
                title: "Court skills, part 1; giving evidence",
                description: "Bring a recent statement.\nCoffee from 9:30.",
                place: "Room 4, Civic Centre",
                // 10:00 in London in June is 09:00 UTC.
                starts: datetime!(2027-06-01 10:00 +01:00),
                ends: datetime!(2027-06-01 12:30 +01:00),
                url: "https://pathway.example/events/court",
                sequence: 2,
            }],
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(ics.contains("DTSTART:20270601T090000Z\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20270601T113000Z\r\n"), "{ics}");
        assert!(
            ics.contains("SUMMARY:Court skills\\, part 1\\; giving evidence"),
            "{ics}"
        );
        assert!(ics.contains("LOCATION:Room 4\\, Civic Centre"), "{ics}");
        assert!(ics.contains("UID:booking-abc-1@pathway"), "{ics}");
        assert!(ics.contains("SEQUENCE:2\r\n"), "{ics}");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.trim_end().ends_with("END:VCALENDAR"));
    }

    #[test]
    fn each_session_of_a_course_is_its_own_event() {
        let session = |day: u8| SessionInvite {
            uid: "",
            title: "Practice supervisor programme",
            description: "",
            place: "Online (Teams)",
            starts: datetime!(2026-12-01 10:00 UTC).replace_day(day).unwrap(),
            ends: datetime!(2026-12-01 12:00 UTC).replace_day(day).unwrap(),
            url: "https://pathway.example/events/ps",
            sequence: 0,
        };
        let ics = calendar("Pathway", &[session(1), session(8), session(15)]);
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
        assert!(ics.contains("DTSTART:20261215T100000Z"));
    }
}
