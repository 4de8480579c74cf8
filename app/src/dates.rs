//! Dates and times as people in England read them. Stored in UTC; shown in UK time, which is
//! GMT in winter and BST (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC on
//! the last Sunday of October (the Summer Time Order 2002).

use time::macros::format_description;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

const ISO_DATE: &[time::format_description::FormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// Parses a calendar date as a date input posts it (`2026-11-23`).
pub fn parse_date(value: &str) -> Option<Date> {
    Date::parse(value.trim(), ISO_DATE).ok()
}

fn last_sunday(year: i32, month: Month) -> Option<Date> {
    let mut day = Date::from_calendar_date(year, month, month.length(year)).ok()?;
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day()?;
    }
    Some(day)
}

/// Whether British Summer Time is in force at this UTC instant.
pub fn is_bst(at: OffsetDateTime) -> bool {
    let at = at.to_offset(UtcOffset::UTC);
    let year = at.year();
    let one_am = Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT);
    let (Some(start), Some(end)) = (
        last_sunday(year, Month::March),
        last_sunday(year, Month::October),
    ) else {
        return false;
    };
    let start = PrimitiveDateTime::new(start, one_am).assume_utc();
    let end = PrimitiveDateTime::new(end, one_am).assume_utc();
    at >= start && at < end
}

/// The instant in UK local time.
pub fn to_uk(at: OffsetDateTime) -> OffsetDateTime {
    let hours = if is_bst(at) { 1 } else { 0 };
    at.to_offset(UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC))
}

/// The instant a UK wall-clock time names. In the hour the clocks go back, the earlier of the
/// two instants; in the hour they skip, the time an hour later.
pub fn uk_to_utc(date: Date, time: Time) -> OffsetDateTime {
    let as_utc = PrimitiveDateTime::new(date, time).assume_utc();
    let summer = as_utc - time::Duration::hours(1);
    if is_bst(summer) { summer } else { as_utc }
}

/// "23 Nov 2026, 14:05" for an RFC 3339 timestamp; the input unchanged if it is not one.
pub fn uk_datetime(rfc3339: &str) -> String {
    match OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339) {
        Ok(at) => {
            let local = to_uk(at);
            format!(
                "{} {} {}, {:02}:{:02}",
                local.day(),
                short_month(local.month()),
                local.year(),
                local.hour(),
                local.minute()
            )
        }
        Err(_) => rfc3339.to_string(),
    }
}

/// "23 Nov 2026" for `2026-11-23`; the input unchanged if it is not a date.
pub fn uk_date(iso: &str) -> String {
    match parse_date(iso) {
        Some(date) => format!(
            "{} {} {}",
            date.day(),
            short_month(date.month()),
            date.year()
        ),
        None => iso.to_string(),
    }
}

fn short_month(month: Month) -> &'static str {
    match month {
        Month::January => "Jan",
        Month::February => "Feb",
        Month::March => "Mar",
        Month::April => "Apr",
        Month::May => "May",
        Month::June => "Jun",
        Month::July => "Jul",
        Month::August => "Aug",
        Month::September => "Sep",
        Month::October => "Oct",
        Month::November => "Nov",
        Month::December => "Dec",
    }
}

/// Today's date in the UK, as `2026-11-23` (server only: the browser's clock is not trusted).
#[cfg(feature = "ssr")]
pub fn today_uk() -> Date {
    to_uk(OffsetDateTime::now_utc()).date()
}

pub fn iso(date: Date) -> String {
    date.format(ISO_DATE).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn summer_time_starts_and_ends_at_one_am_utc_on_the_last_sundays() {
        // 2026: 29 March and 25 October.
        assert!(!is_bst(datetime!(2026-03-29 00:59 UTC)));
        assert!(is_bst(datetime!(2026-03-29 01:00 UTC)));
        assert!(is_bst(datetime!(2026-10-25 00:59 UTC)));
        assert!(!is_bst(datetime!(2026-10-25 01:00 UTC)));
        assert!(!is_bst(datetime!(2026-11-23 12:00 UTC)));
    }

    #[test]
    fn times_show_in_uk_time() {
        assert_eq!(uk_datetime("2026-07-01T23:30:00Z"), "2 Jul 2026, 00:30");
        assert_eq!(
            uk_datetime("2026-11-23T09:05:00.123456Z"),
            "23 Nov 2026, 09:05"
        );
        assert_eq!(uk_datetime("not a time"), "not a time");
    }

    #[test]
    fn uk_wall_clock_times_become_utc_instants() {
        let at = |d: Date, h: u8, m: u8| uk_to_utc(d, Time::from_hms(h, m, 0).unwrap());
        assert_eq!(
            at(time::macros::date!(2026 - 11 - 23), 9, 30),
            datetime!(2026-11-23 09:30 UTC)
        );
        assert_eq!(
            at(time::macros::date!(2026 - 07 - 01), 9, 30),
            datetime!(2026-07-01 08:30 UTC)
        );
        // 01:30 on 25 October 2026 happens twice: the first, still in summer time.
        assert_eq!(
            at(time::macros::date!(2026 - 10 - 25), 1, 30),
            datetime!(2026-10-25 00:30 UTC)
        );
    }

    #[test]
    fn dates_parse_and_show() {
        assert_eq!(uk_date("2026-11-23"), "23 Nov 2026");
        assert_eq!(uk_date("23/11/2026"), "23/11/2026");
        assert!(parse_date("2026-02-30").is_none());
        assert_eq!(iso(parse_date(" 2026-01-05 ").unwrap()), "2026-01-05");
    }
}
