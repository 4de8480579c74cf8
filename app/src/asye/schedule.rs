//! When each part of the ASYE falls due, and where an NQSW stands against it.
//!
//! The numbers are data in [`Rules`] because they are set by policy, not by us: from
//! September 2027 a 2-year Early Career Development Programme replaces the ASYE, and a new
//! programme should be a new `Rules` value, not new code. Everything here is pure (no I/O, no
//! clock: "today" is always a parameter) so the server and the browser agree, and so it can be
//! tested with fixed dates.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

use crate::dates::{iso, uk_date};

/// A milestone due within this many days is flagged so it can be planned for, not discovered
/// on the day.
pub const DUE_SOON_DAYS: i64 = 14;

/// A review point, counted in months from the start of the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPoint {
    pub month: u32,
    /// Held if the employer or the NQSW wants it; missing it is not a failing.
    pub optional: bool,
}

/// Where in the programme a self-assessment against the post-qualifying standards falls:
/// the three are compared to show progress, so each stage is tracked on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SelfAssessmentStage {
    Start,
    Middle,
    End,
}

impl SelfAssessmentStage {
    pub fn label(self) -> &'static str {
        match self {
            SelfAssessmentStage::Start => "Start",
            SelfAssessmentStage::Middle => "Middle",
            SelfAssessmentStage::End => "End",
        }
    }
}

/// A self-assessment point: which stage, and how many months from the start it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfAssessmentPoint {
    pub stage: SelfAssessmentStage,
    pub month: u32,
}

/// The shape of an early-career programme. Lists are `Cow` so a programme can be a `const`
/// here and still be read from or written to storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    /// Shown in messages ("The ASYE must be completed ...").
    pub name: Cow<'static, str>,
    /// Length of the programme before any pause or extension.
    pub programme_months: u32,
    /// Review points; a point at or beyond `programme_months` is the final review and moves
    /// with any extension.
    pub reviews: Cow<'static, [ReviewPoint]>,
    /// The minimum number of direct observations of practice.
    pub observations_required: u32,
    /// When each observation is expected by, so they are spread across the programme rather
    /// than left to the end. An observation with no entry here is expected by the end.
    pub observation_due_months: Cow<'static, [u32]>,
    pub self_assessments: Cow<'static, [SelfAssessmentPoint]>,
    /// Protected development time as a percentage of contracted hours.
    pub protected_time_percent: f64,
    /// The programme, pauses and extensions included, must end within this many months of
    /// the start.
    pub cap_months: u32,
}

/// The ASYE as it stands in 2026: 12 months, reviews at 3, 6, (optional 9) and 12 months, at
/// least 3 direct observations, self-assessments at the start, middle and end, 10% protected
/// development time, and completion within 2 years.
pub const ASYE_2026: Rules = Rules {
    name: Cow::Borrowed("ASYE"),
    programme_months: 12,
    reviews: Cow::Borrowed(&[
        ReviewPoint {
            month: 3,
            optional: false,
        },
        ReviewPoint {
            month: 6,
            optional: false,
        },
        ReviewPoint {
            month: 9,
            optional: true,
        },
        ReviewPoint {
            month: 12,
            optional: false,
        },
    ]),
    observations_required: 3,
    observation_due_months: Cow::Borrowed(&[4, 8, 11]),
    self_assessments: Cow::Borrowed(&[
        SelfAssessmentPoint {
            stage: SelfAssessmentStage::Start,
            month: 0,
        },
        SelfAssessmentPoint {
            stage: SelfAssessmentStage::Middle,
            month: 6,
        },
        SelfAssessmentPoint {
            stage: SelfAssessmentStage::End,
            month: 12,
        },
    ]),
    protected_time_percent: 10.0,
    cap_months: 24,
};

/// Every programme design there has been, oldest first, each with the first start date it
/// applies to. A programme follows the design in force on the day it started, so a new design
/// (the two-year Early Career Development Programme that replaces the ASYE from September
/// 2027) is a new entry here, and programmes already running keep theirs.
pub const PROGRAMME_RULES: &[(Date, &Rules)] = &[(time::macros::date!(2000 - 01 - 01), &ASYE_2026)];

/// The rules of a programme that started on `start`: the newest design in force by then.
pub fn rules_for(start: Date) -> &'static Rules {
    rules_in(PROGRAMME_RULES, start)
}

fn rules_in(designs: &[(Date, &'static Rules)], start: Date) -> &'static Rules {
    designs
        .iter()
        .rev()
        .find(|(from, _)| *from <= start)
        .or(designs.first())
        .map(|(_, rules)| *rules)
        .unwrap_or(&ASYE_2026)
}

/// A pause in the programme (sickness, bereavement, parental leave), first and last day
/// inclusive. Why it was paused and who agreed it are recorded with the programme, not here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub from: Date,
    pub to: Date,
}

impl Pause {
    /// Days covered, counting both ends; a pause that ends before it starts covers none
    /// rather than a negative number.
    pub fn days(&self) -> i64 {
        if self.to < self.from {
            0
        } else {
            (self.to - self.from).whole_days() + 1
        }
    }
}

/// Days on pause, each day counted once however many pauses cover it: a pause recorded
/// twice, or overlapping another, must not push the programme out twice.
pub fn paused_days(pauses: &[Pause]) -> i64 {
    let mut spans: Vec<Pause> = pauses.iter().filter(|p| p.days() > 0).copied().collect();
    spans.sort_by_key(|p| p.from);
    let mut total = 0;
    let mut current: Option<Pause> = None;
    for span in spans {
        current = match current {
            Some(open) if span.from <= open.to => Some(Pause {
                from: open.from,
                to: open.to.max(span.to),
            }),
            Some(open) => {
                total += open.days();
                Some(span)
            }
            None => Some(span),
        };
    }
    total + current.map_or(0, |open| open.days())
}

/// Whole calendar months later, on the same day of the month or the month's last day when it
/// is shorter (31 January + 1 month is 28 or 29 February), as people count months. Dates past
/// the end of the calendar saturate instead of panicking.
pub fn add_months(date: Date, months: u32) -> Date {
    let index =
        i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(months);
    let Ok(year) = i32::try_from(index.div_euclid(12)) else {
        return Date::MAX;
    };
    let Some(month) = u8::try_from(index.rem_euclid(12) + 1)
        .ok()
        .and_then(|number| Month::try_from(number).ok())
    else {
        return Date::MAX;
    };
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MAX)
}

fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(Duration::days(days)).unwrap_or(Date::MAX)
}

/// The pause as it affects a programme starting on `start`: days before the start were
/// not part of the programme, so they cannot push it out.
fn clipped_to(pause: &Pause, start: Date) -> Pause {
    Pause {
        from: pause.from.max(start),
        to: pause.to,
    }
}

/// When a point `months` into the programme falls due: the calendar date, pushed later by
/// every day of every pause that began before it. A pause that begins after the calendar
/// date but before the date earlier pauses pushed it to also counts, because the point was
/// still ahead when that pause began.
pub fn due_date(start: Date, months: u32, pauses: &[Pause]) -> Date {
    let unpaused = add_months(start, months);
    let mut due = unpaused;
    // Each round can only add pauses, so it settles within one round per pause.
    for _ in 0..=pauses.len() {
        let counted: Vec<Pause> = pauses
            .iter()
            .filter(|p| p.from < due)
            .map(|p| clipped_to(p, start))
            .collect();
        let next = add_days(unpaused, paused_days(&counted));
        if next == due {
            break;
        }
        due = next;
    }
    due
}

/// When the programme ends: its length plus any extensions, moved by pauses.
pub fn end_date(start: Date, rules: &Rules, pauses: &[Pause], extension_months: u32) -> Date {
    due_date(
        start,
        rules.programme_months.saturating_add(extension_months),
        pauses,
    )
}

/// The last day the programme may end on: the cap counts from the start, pauses included.
pub fn cap_date(start: Date, rules: &Rules) -> Date {
    add_months(start, rules.cap_months)
}

fn period(months: u32) -> String {
    match months {
        12 => "1 year".to_string(),
        m if m % 12 == 0 => format!("{} years", m / 12),
        1 => "1 month".to_string(),
        m => format!("{m} months"),
    }
}

fn show(date: Date) -> String {
    uk_date(&iso(date))
}

/// Refuses a pause or extension that would take the programme past its cap, saying by when
/// it must end and when it would, so the person agreeing it can see by how much.
pub fn check_within_cap(
    start: Date,
    rules: &Rules,
    pauses: &[Pause],
    extension_months: u32,
) -> Result<(), String> {
    let cap = cap_date(start, rules);
    let end = end_date(start, rules, pauses, extension_months);
    if end <= cap {
        Ok(())
    } else {
        Err(format!(
            "The {} must be completed within {} of starting (by {}); this would end on {}.",
            rules.name,
            period(rules.cap_months),
            show(cap),
            show(end)
        ))
    }
}

/// Something the NQSW and their assessor must do during the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Milestone {
    Review { month: u32, optional: bool },
    Observation { number: u32 },
    SelfAssessment { stage: SelfAssessmentStage },
    FinalRecommendation,
}

impl Milestone {
    pub fn label(&self) -> String {
        match self {
            Milestone::Review {
                month,
                optional: true,
            } => format!("{month}-month review (optional)"),
            Milestone::Review { month, .. } => format!("{month}-month review"),
            Milestone::Observation { number } => format!("Direct observation {number}"),
            Milestone::SelfAssessment { stage } => {
                format!("{} self-assessment", stage.label())
            }
            Milestone::FinalRecommendation => "Final recommendation".to_string(),
        }
    }

    pub fn is_optional(&self) -> bool {
        matches!(self, Milestone::Review { optional: true, .. })
    }
}

/// Where a milestone stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MilestoneState {
    Done,
    /// Due within the next [`DUE_SOON_DAYS`] days.
    DueSoon,
    /// Due today.
    Due,
    /// Past its due date and not done.
    Overdue,
    /// An optional milestone whose date has passed without it: not a failing, so not overdue.
    Skipped,
    /// Due later than [`DUE_SOON_DAYS`] days from now.
    Upcoming,
}

/// What has been done so far, as recorded elsewhere.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Months of the reviews that have been held.
    pub reviews_done: Vec<u32>,
    pub observations_recorded: u32,
    pub self_assessments_done: Vec<SelfAssessmentStage>,
    pub final_recommendation_made: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineItem {
    pub milestone: Milestone,
    pub due: Date,
    pub state: MilestoneState,
}

fn state_of(due: Date, done: bool, optional: bool, today: Date) -> MilestoneState {
    let days_left = (due - today).whole_days();
    match (done, days_left) {
        (true, _) => MilestoneState::Done,
        (false, d) if d < 0 && optional => MilestoneState::Skipped,
        (false, d) if d < 0 => MilestoneState::Overdue,
        (false, 0) => MilestoneState::Due,
        (false, d) if d <= DUE_SOON_DAYS => MilestoneState::DueSoon,
        (false, _) => MilestoneState::Upcoming,
    }
}

/// The NQSW's year in date order, each milestone with its due date and state on `today`.
/// Points at or beyond the programme's length (the final review, the end self-assessment,
/// the recommendation) move with any extension; earlier points stay where they were.
pub fn timeline(
    start: Date,
    rules: &Rules,
    pauses: &[Pause],
    extension_months: u32,
    done: &Progress,
    today: Date,
) -> Vec<TimelineItem> {
    let due_at = |month: u32| {
        let month = if month >= rules.programme_months {
            month.saturating_add(extension_months)
        } else {
            month
        };
        due_date(start, month, pauses)
    };
    let mut items = Vec::new();
    let mut push = |milestone: Milestone, due: Date, is_done: bool| {
        items.push(TimelineItem {
            milestone,
            due,
            state: state_of(due, is_done, milestone.is_optional(), today),
        });
    };

    // Pushed in the order they happen on a shared date: self-assess, observe, review, decide.
    for point in rules.self_assessments.iter() {
        push(
            Milestone::SelfAssessment { stage: point.stage },
            due_at(point.month),
            done.self_assessments_done.contains(&point.stage),
        );
    }
    for number in 1..=rules.observations_required {
        let month = usize::try_from(number - 1)
            .ok()
            .and_then(|index| rules.observation_due_months.get(index))
            .copied()
            .unwrap_or(rules.programme_months);
        push(
            Milestone::Observation { number },
            due_at(month),
            number <= done.observations_recorded,
        );
    }
    for review in rules.reviews.iter() {
        push(
            Milestone::Review {
                month: review.month,
                optional: review.optional,
            },
            due_at(review.month),
            done.reviews_done.contains(&review.month),
        );
    }
    push(
        Milestone::FinalRecommendation,
        end_date(start, rules, pauses, extension_months),
        done.final_recommendation_made,
    );

    // Stable, so milestones sharing a date keep the order above.
    items.sort_by_key(|item| item.due);
    items
}

/// The next thing to prepare for: the earliest milestone due today or later and not done.
/// Overdue ones are shown as overdue rather than as "next".
pub fn next_due(items: &[TimelineItem]) -> Option<&TimelineItem> {
    items.iter().find(|item| {
        matches!(
            item.state,
            MilestoneState::Due | MilestoneState::DueSoon | MilestoneState::Upcoming
        )
    })
}

/// Weeks of the programme so far, from the start to the day before `today`, leaving out
/// paused days: protected time is not owed while the programme is paused.
pub fn active_weeks(start: Date, today: Date, pauses: &[Pause]) -> f64 {
    let Some(last) = today.previous_day() else {
        return 0.0;
    };
    if last < start {
        return 0.0;
    }
    let within: Vec<Pause> = pauses
        .iter()
        .map(|p| Pause {
            from: p.from.max(start),
            to: p.to.min(last),
        })
        .collect();
    let days = (last - start).whole_days() + 1 - paused_days(&within);
    (days.max(0) as f64) / 7.0
}

/// Protected development time so far against what is owed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ProtectedTime {
    pub target_hours: f64,
    pub logged_hours: f64,
    /// Logged as a percentage of the target; above 100 when more was logged. 0 while nothing
    /// is owed yet, rather than dividing by zero.
    pub percent_of_target: f64,
}

/// Hours and weeks that are negative, infinite or not numbers count as none, so a bad
/// figure cannot make the result meaningless.
fn hours(value: f64) -> f64 {
    if value.is_finite() && value > 0.0 {
        value
    } else {
        0.0
    }
}

pub fn protected_time(
    contracted_hours_per_week: f64,
    weeks_elapsed: f64,
    logged_hours: f64,
    rules: &Rules,
) -> ProtectedTime {
    let target_hours = hours(
        hours(contracted_hours_per_week)
            * hours(weeks_elapsed)
            * hours(rules.protected_time_percent)
            / 100.0,
    );
    let logged_hours = hours(logged_hours);
    let percent_of_target = if target_hours > 0.0 {
        hours(logged_hours / target_hours * 100.0)
    } else {
        0.0
    };
    ProtectedTime {
        target_hours,
        logged_hours,
        percent_of_target,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn pause(from: Date, to: Date) -> Pause {
        Pause { from, to }
    }

    #[test]
    fn add_months_clamps_to_the_end_of_shorter_months() {
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(add_months(date!(2028 - 01 - 31), 1), date!(2028 - 02 - 29));
        assert_eq!(add_months(date!(2028 - 02 - 29), 12), date!(2029 - 02 - 28));
        assert_eq!(add_months(date!(2026 - 08 - 31), 1), date!(2026 - 09 - 30));
        assert_eq!(add_months(date!(2026 - 11 - 15), 3), date!(2027 - 02 - 15));
        assert_eq!(add_months(date!(2026 - 12 - 31), 0), date!(2026 - 12 - 31));
        assert_eq!(add_months(date!(2026 - 03 - 31), 24), date!(2028 - 03 - 31));
    }

    #[test]
    fn add_months_saturates_rather_than_panicking() {
        assert_eq!(add_months(date!(2026 - 01 - 31), u32::MAX), Date::MAX);
        assert_eq!(
            due_date(
                Date::MAX,
                12,
                &[pause(date!(2026 - 01 - 01), date!(2026 - 12 - 31))]
            ),
            Date::MAX
        );
    }

    #[test]
    fn due_dates_without_pauses_are_calendar_months_from_the_start() {
        let start = date!(2026 - 09 - 01);
        assert_eq!(due_date(start, 3, &[]), date!(2026 - 12 - 01));
        assert_eq!(due_date(start, 6, &[]), date!(2027 - 03 - 01));
        assert_eq!(due_date(start, 9, &[]), date!(2027 - 06 - 01));
        assert_eq!(due_date(start, 12, &[]), date!(2027 - 09 - 01));
        assert_eq!(end_date(start, &ASYE_2026, &[], 0), date!(2027 - 09 - 01));
    }

    #[test]
    fn a_pause_moves_later_points_but_not_earlier_ones() {
        let start = date!(2026 - 09 - 01);
        // 14 days, after the 3-month review was due.
        let pauses = [pause(date!(2027 - 01 - 01), date!(2027 - 01 - 14))];
        assert_eq!(due_date(start, 3, &pauses), date!(2026 - 12 - 01));
        assert_eq!(due_date(start, 6, &pauses), date!(2027 - 03 - 15));
        assert_eq!(due_date(start, 12, &pauses), date!(2027 - 09 - 15));
        assert_eq!(
            end_date(start, &ASYE_2026, &pauses, 0),
            date!(2027 - 09 - 15)
        );
    }

    #[test]
    fn a_pause_starting_on_the_due_date_does_not_move_it() {
        let start = date!(2026 - 09 - 01);
        let pauses = [pause(date!(2026 - 12 - 01), date!(2026 - 12 - 10))];
        assert_eq!(due_date(start, 3, &pauses), date!(2026 - 12 - 01));
        assert_eq!(due_date(start, 6, &pauses), date!(2027 - 03 - 11));
    }

    #[test]
    fn a_pause_spanning_the_due_date_moves_it_by_the_whole_pause() {
        let start = date!(2026 - 09 - 01);
        // 20 November to 10 December: 21 days.
        let pauses = [pause(date!(2026 - 11 - 20), date!(2026 - 12 - 10))];
        assert_eq!(due_date(start, 3, &pauses), date!(2026 - 12 - 22));
    }

    #[test]
    fn a_pause_beginning_while_a_moved_point_is_still_ahead_moves_it_too() {
        let start = date!(2026 - 09 - 01);
        // The first pause (30 days) moves the 3-month review to 31 December; the second
        // begins on 20 December, before that, so it moves the review by 5 more days.
        let pauses = [
            pause(date!(2026 - 10 - 01), date!(2026 - 10 - 30)),
            pause(date!(2026 - 12 - 20), date!(2026 - 12 - 24)),
        ];
        assert_eq!(due_date(start, 3, &pauses), date!(2027 - 01 - 05));
    }

    #[test]
    fn days_before_the_start_do_not_move_anything() {
        let start = date!(2026 - 09 - 01);
        let before = [pause(date!(2026 - 08 - 01), date!(2026 - 08 - 31))];
        assert_eq!(due_date(start, 3, &before), date!(2026 - 12 - 01));
        // Straddling the start: only 1 to 5 September count.
        let straddling = [pause(date!(2026 - 08 - 25), date!(2026 - 09 - 05))];
        assert_eq!(due_date(start, 3, &straddling), date!(2026 - 12 - 06));
    }

    #[test]
    fn overlapping_pauses_are_counted_once() {
        let a = pause(date!(2027 - 01 - 01), date!(2027 - 01 - 10));
        let b = pause(date!(2027 - 01 - 05), date!(2027 - 01 - 15));
        let inside = pause(date!(2027 - 01 - 02), date!(2027 - 01 - 03));
        let apart = pause(date!(2027 - 03 - 01), date!(2027 - 03 - 01));
        let backwards = pause(date!(2027 - 05 - 10), date!(2027 - 05 - 01));
        assert_eq!(paused_days(&[]), 0);
        assert_eq!(paused_days(&[a]), 10);
        assert_eq!(paused_days(&[a, a]), 10);
        assert_eq!(paused_days(&[b, a]), 15);
        assert_eq!(paused_days(&[a, b, inside]), 15);
        assert_eq!(paused_days(&[a, apart, b]), 16);
        assert_eq!(paused_days(&[backwards]), 0);
        let start = date!(2026 - 09 - 01);
        assert_eq!(due_date(start, 6, &[a, b, a]), date!(2027 - 03 - 16));
    }

    #[test]
    fn the_cap_allows_exactly_two_years_and_refuses_more() {
        let start = date!(2026 - 09 - 01);
        assert_eq!(cap_date(start, &ASYE_2026), date!(2028 - 09 - 01));
        assert_eq!(end_date(start, &ASYE_2026, &[], 12), date!(2028 - 09 - 01));
        assert_eq!(check_within_cap(start, &ASYE_2026, &[], 12), Ok(()));
        let pauses = [pause(date!(2027 - 01 - 01), date!(2027 - 06 - 30))];
        assert_eq!(check_within_cap(start, &ASYE_2026, &pauses, 6), Ok(()));

        let one_day = [pause(date!(2027 - 01 - 01), date!(2027 - 01 - 01))];
        assert_eq!(
            check_within_cap(start, &ASYE_2026, &one_day, 12),
            Err(
                "The ASYE must be completed within 2 years of starting (by 1 Sep 2028); \
                 this would end on 2 Sep 2028."
                    .to_string()
            )
        );
        let message = check_within_cap(start, &ASYE_2026, &[], 13).unwrap_err();
        assert!(message.contains("by 1 Sep 2028"), "{message}");
        assert!(message.contains("end on 1 Oct 2028"), "{message}");
    }

    fn state_of_item(items: &[TimelineItem], milestone: Milestone) -> (Date, MilestoneState) {
        let item = items
            .iter()
            .find(|item| item.milestone == milestone)
            .unwrap_or_else(|| panic!("no {milestone:?}"));
        (item.due, item.state)
    }

    fn review(month: u32) -> Milestone {
        Milestone::Review {
            month,
            optional: month == 9,
        }
    }

    #[test]
    fn the_timeline_shows_done_overdue_and_upcoming_in_date_order() {
        let start = date!(2026 - 09 - 01);
        let progress = Progress {
            reviews_done: vec![3],
            observations_recorded: 1,
            self_assessments_done: vec![SelfAssessmentStage::Start],
            final_recommendation_made: false,
        };
        let items = timeline(start, &ASYE_2026, &[], 0, &progress, date!(2027 - 03 - 10));
        assert_eq!(items.len(), 4 + 3 + 3 + 1);
        assert!(items.windows(2).all(|pair| pair[0].due <= pair[1].due));
        use MilestoneState::*;
        let start_sa = Milestone::SelfAssessment {
            stage: SelfAssessmentStage::Start,
        };
        let middle_sa = Milestone::SelfAssessment {
            stage: SelfAssessmentStage::Middle,
        };
        assert_eq!(state_of_item(&items, start_sa), (start, Done));
        assert_eq!(
            state_of_item(&items, review(3)),
            (date!(2026 - 12 - 01), Done)
        );
        assert_eq!(
            state_of_item(&items, Milestone::Observation { number: 1 }),
            (date!(2027 - 01 - 01), Done)
        );
        assert_eq!(
            state_of_item(&items, middle_sa),
            (date!(2027 - 03 - 01), Overdue)
        );
        assert_eq!(
            state_of_item(&items, review(6)),
            (date!(2027 - 03 - 01), Overdue)
        );
        assert_eq!(
            state_of_item(&items, Milestone::Observation { number: 2 }),
            (date!(2027 - 05 - 01), Upcoming)
        );
        assert_eq!(
            state_of_item(&items, Milestone::Observation { number: 3 }),
            (date!(2027 - 08 - 01), Upcoming)
        );
        assert_eq!(
            state_of_item(&items, Milestone::FinalRecommendation),
            (date!(2027 - 09 - 01), Upcoming)
        );
        // On a shared date the self-assessment comes before the review.
        assert_eq!(items[3].milestone, middle_sa);
        assert_eq!(items[4].milestone, review(6));
        assert_eq!(
            items.last().map(|i| i.milestone),
            Some(Milestone::FinalRecommendation)
        );

        // Overdue items are not "next": the next is the second observation.
        assert_eq!(
            next_due(&items).map(|item| item.milestone),
            Some(Milestone::Observation { number: 2 })
        );
    }

    #[test]
    fn due_soon_is_within_fourteen_days_and_due_is_today() {
        let start = date!(2026 - 09 - 01);
        let progress = Progress::default();
        let observation_2 = Milestone::Observation { number: 2 };
        // Observation 2 is due by 1 May 2027.
        let on = |today: Date| {
            let items = timeline(start, &ASYE_2026, &[], 0, &progress, today);
            state_of_item(&items, observation_2).1
        };
        assert_eq!(on(date!(2027 - 04 - 16)), MilestoneState::Upcoming);
        assert_eq!(on(date!(2027 - 04 - 17)), MilestoneState::DueSoon);
        assert_eq!(on(date!(2027 - 04 - 30)), MilestoneState::DueSoon);
        assert_eq!(on(date!(2027 - 05 - 01)), MilestoneState::Due);
        assert_eq!(on(date!(2027 - 05 - 02)), MilestoneState::Overdue);
    }

    #[test]
    fn the_nine_month_review_is_optional_and_never_overdue() {
        let start = date!(2026 - 09 - 01);
        let items = timeline(
            start,
            &ASYE_2026,
            &[],
            0,
            &Progress::default(),
            date!(2027 - 06 - 02),
        );
        let reviews: Vec<Milestone> = items
            .iter()
            .map(|item| item.milestone)
            .filter(|m| matches!(m, Milestone::Review { .. }))
            .collect();
        assert_eq!(reviews, vec![review(3), review(6), review(9), review(12)]);
        assert!(review(9).is_optional());
        assert!(!review(6).is_optional());
        assert_eq!(review(9).label(), "9-month review (optional)");
        assert_eq!(
            state_of_item(&items, review(9)),
            (date!(2027 - 06 - 01), MilestoneState::Skipped)
        );
        assert_eq!(state_of_item(&items, review(6)).1, MilestoneState::Overdue);
    }

    #[test]
    fn pauses_and_extensions_move_the_timeline() {
        let start = date!(2026 - 09 - 01);
        let pauses = [pause(date!(2027 - 01 - 01), date!(2027 - 01 - 14))];
        let items = timeline(
            start,
            &ASYE_2026,
            &pauses,
            3,
            &Progress::default(),
            date!(2026 - 09 - 01),
        );
        assert_eq!(state_of_item(&items, review(3)).0, date!(2026 - 12 - 01));
        assert_eq!(state_of_item(&items, review(6)).0, date!(2027 - 03 - 15));
        assert_eq!(
            state_of_item(&items, Milestone::Observation { number: 3 }).0,
            date!(2027 - 08 - 15)
        );
        // The final points move by the pause and the 3-month extension.
        assert_eq!(state_of_item(&items, review(12)).0, date!(2027 - 12 - 15));
        assert_eq!(
            state_of_item(
                &items,
                Milestone::SelfAssessment {
                    stage: SelfAssessmentStage::End
                }
            )
            .0,
            date!(2027 - 12 - 15)
        );
        assert_eq!(
            state_of_item(&items, Milestone::FinalRecommendation).0,
            date!(2027 - 12 - 15)
        );
        // The start self-assessment is due today.
        assert_eq!(items[0].state, MilestoneState::Due);
        assert_eq!(next_due(&items).map(|i| i.due), Some(start));
    }

    #[test]
    fn everything_done_leaves_nothing_next() {
        let start = date!(2026 - 09 - 01);
        let progress = Progress {
            reviews_done: vec![3, 6, 9, 12],
            observations_recorded: 4,
            self_assessments_done: vec![
                SelfAssessmentStage::Start,
                SelfAssessmentStage::Middle,
                SelfAssessmentStage::End,
            ],
            final_recommendation_made: true,
        };
        let items = timeline(start, &ASYE_2026, &[], 0, &progress, date!(2027 - 09 - 30));
        assert!(items.iter().all(|i| i.state == MilestoneState::Done));
        assert_eq!(next_due(&items), None);
    }

    #[test]
    fn protected_time_is_ten_percent_of_contracted_hours() {
        let pt = protected_time(37.0, 10.0, 30.0, &ASYE_2026);
        assert!((pt.target_hours - 37.0).abs() < 1e-9);
        assert!((pt.logged_hours - 30.0).abs() < 1e-9);
        assert!((pt.percent_of_target - 30.0 / 37.0 * 100.0).abs() < 1e-9);

        let over = protected_time(37.0, 1.0, 7.4, &ASYE_2026);
        assert!((over.percent_of_target - 200.0).abs() < 1e-9);
    }

    #[test]
    fn protected_time_with_zero_or_bad_figures_does_not_divide_by_zero() {
        let nothing_owed = protected_time(0.0, 10.0, 5.0, &ASYE_2026);
        assert_eq!(nothing_owed.target_hours, 0.0);
        assert_eq!(nothing_owed.logged_hours, 5.0);
        assert_eq!(nothing_owed.percent_of_target, 0.0);

        let nothing_yet = protected_time(37.0, 0.0, 0.0, &ASYE_2026);
        assert_eq!(nothing_yet.percent_of_target, 0.0);

        let none_logged = protected_time(37.0, 4.0, 0.0, &ASYE_2026);
        assert!((none_logged.target_hours - 14.8).abs() < 1e-9);
        assert_eq!(none_logged.percent_of_target, 0.0);

        let bad = protected_time(f64::NAN, -3.0, f64::INFINITY, &ASYE_2026);
        assert_eq!(bad.target_hours, 0.0);
        assert_eq!(bad.logged_hours, 0.0);
        assert_eq!(bad.percent_of_target, 0.0);
    }

    #[test]
    fn active_weeks_leave_out_paused_days() {
        let start = date!(2026 - 09 - 01);
        assert_eq!(active_weeks(start, start, &[]), 0.0);
        assert_eq!(active_weeks(start, date!(2026 - 08 - 01), &[]), 0.0);
        assert_eq!(active_weeks(start, date!(2026 - 09 - 15), &[]), 2.0);
        // A week paused, and a pause not yet begun, leave one week.
        let pauses = [
            pause(date!(2026 - 09 - 08), date!(2026 - 09 - 14)),
            pause(date!(2026 - 10 - 01), date!(2026 - 10 - 31)),
        ];
        assert_eq!(active_weeks(start, date!(2026 - 09 - 15), &pauses), 1.0);
    }

    #[test]
    fn rules_round_trip_through_serde() {
        let json = serde_json::to_string(&ASYE_2026).unwrap();
        let back: Rules = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ASYE_2026);
    }

    #[test]
    fn a_programme_keeps_the_design_in_force_when_it_started() {
        const LONGER: Rules = Rules {
            name: Cow::Borrowed("Early Career Development Programme"),
            programme_months: 24,
            ..ASYE_2026
        };
        let designs: &[(Date, &Rules)] = &[
            (date!(2000 - 01 - 01), &ASYE_2026),
            (date!(2027 - 09 - 01), &LONGER),
        ];
        assert_eq!(
            rules_in(designs, date!(2027 - 08 - 31)).programme_months,
            12
        );
        assert_eq!(
            rules_in(designs, date!(2027 - 09 - 01)).programme_months,
            24
        );
        assert_eq!(
            rules_in(designs, date!(1999 - 01 - 01)).programme_months,
            12
        );
        assert_eq!(rules_for(date!(2026 - 09 - 07)).name, "ASYE");
    }
}
