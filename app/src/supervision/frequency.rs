//! How often supervision is expected, and whether it has fallen behind. The schedule is data:
//! an NQSW is supervised weekly for the first 6 weeks of the ASYE, fortnightly to 6 months,
//! then monthly; everyone else monthly.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::asye::schedule::add_months;

/// The NQSW schedule, as data: weekly for this many days from the start of the ASYE...
pub const NQSW_WEEKLY_DAYS: i64 = 42;
/// ...then fortnightly until this many months from the start...
pub const NQSW_FORTNIGHTLY_MONTHS: u32 = 6;
/// ...then, as for everyone else, monthly.
pub const MONTHLY_DAYS: i64 = 31;

/// The expected gap between supervisions on `on`, for someone whose ASYE started on
/// `asye_start` (none for everyone else).
pub fn expected_every_days(asye_start: Option<Date>, on: Date) -> i64 {
    let Some(start) = asye_start else {
        return MONTHLY_DAYS;
    };
    let day = (on - start).whole_days();
    if day < 0 {
        MONTHLY_DAYS
    } else if day < NQSW_WEEKLY_DAYS {
        7
    } else if on < add_months(start, NQSW_FORTNIGHTLY_MONTHS) {
        14
    } else {
        MONTHLY_DAYS
    }
}

/// Whether supervision is up to date, shown to the supervisee and their supervisor alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupervisionState {
    /// The next session is due on this date.
    UpToDate { next_due: Date },
    /// The last session was this many days longer ago than the expected gap.
    Behind { days_over: i64 },
    /// Nothing recorded yet.
    NoneRecorded,
}

pub fn state(asye_start: Option<Date>, last: Option<Date>, today: Date) -> SupervisionState {
    let Some(last) = last else {
        return SupervisionState::NoneRecorded;
    };
    // A session before the ASYE began is followed by the ASYE's weekly rhythm from its start.
    let from = asye_start.map_or(last, |start| last.max(start));
    let every = expected_every_days(asye_start, from);
    let last = from;
    let next_due = last
        .checked_add(time::Duration::days(every))
        .unwrap_or(last);
    if today > next_due {
        SupervisionState::Behind {
            days_over: (today - next_due).whole_days(),
        }
    } else {
        SupervisionState::UpToDate { next_due }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn nqsws_are_supervised_weekly_then_fortnightly_then_monthly() {
        let start = Some(date!(2026 - 09 - 07));
        assert_eq!(expected_every_days(start, date!(2026 - 09 - 07)), 7);
        assert_eq!(
            expected_every_days(start, date!(2026 - 10 - 18)),
            7,
            "day 41"
        );
        assert_eq!(
            expected_every_days(start, date!(2026 - 10 - 19)),
            14,
            "day 42"
        );
        assert_eq!(
            expected_every_days(start, date!(2027 - 03 - 06)),
            14,
            "the day before six months"
        );
        assert_eq!(
            expected_every_days(start, date!(2027 - 03 - 07)),
            31,
            "six months on"
        );
        assert_eq!(expected_every_days(None, date!(2026 - 09 - 07)), 31);
    }

    #[test]
    fn supervision_falls_behind_after_the_expected_gap() {
        let start = Some(date!(2026 - 09 - 07));
        assert_eq!(
            state(start, Some(date!(2026 - 09 - 14)), date!(2026 - 09 - 21)),
            SupervisionState::UpToDate {
                next_due: date!(2026 - 09 - 21)
            }
        );
        assert_eq!(
            state(start, Some(date!(2026 - 09 - 14)), date!(2026 - 09 - 24)),
            SupervisionState::Behind { days_over: 3 }
        );
        assert_eq!(
            state(None, None, date!(2026 - 09 - 24)),
            SupervisionState::NoneRecorded
        );
        assert_eq!(
            state(None, Some(date!(2026 - 10 - 01)), date!(2026 - 11 - 01)),
            SupervisionState::UpToDate {
                next_due: date!(2026 - 11 - 01)
            }
        );
    }

    #[test]
    fn a_session_before_the_asye_began_is_followed_weekly_from_its_start() {
        // Last seen in August as a student; the ASYE starts 7 September: due by 14 September.
        let start = Some(date!(2026 - 09 - 07));
        assert_eq!(
            state(start, Some(date!(2026 - 08 - 20)), date!(2026 - 09 - 10)),
            SupervisionState::UpToDate {
                next_due: date!(2026 - 09 - 14)
            }
        );
        assert_eq!(
            state(start, Some(date!(2026 - 08 - 20)), date!(2026 - 09 - 16)),
            SupervisionState::Behind { days_over: 2 }
        );
    }
}
