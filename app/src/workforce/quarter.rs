//! Calendar quarters, the period every workforce figure belongs to. Written `2026-Q3` in
//! files and URLs, shown as "Jul to Sep 2026".

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub q: u8,
}

const MONTHS: [&str; 4] = ["Jan to Mar", "Apr to Jun", "Jul to Sep", "Oct to Dec"];

impl Quarter {
    pub fn new(year: i32, q: u8) -> Option<Quarter> {
        ((1..=4).contains(&q) && (2000..=2100).contains(&year)).then_some(Quarter { year, q })
    }

    /// `2026-Q3`, `2026 Q3` or `2026q3`, with spaces around it ignored.
    pub fn parse(value: &str) -> Option<Quarter> {
        let value = value.trim();
        let (year, q) = value
            .split_once(['-', ' '])
            .map(|(y, q)| (y, q.trim()))
            .or_else(|| value.get(..4).zip(value.get(4..)))?;
        let q = q.strip_prefix(['Q', 'q'])?;
        if q.len() != 1 || year.len() != 4 {
            return None;
        }
        Quarter::new(year.parse().ok()?, q.parse().ok()?)
    }

    /// The quarter a date falls in.
    pub fn of(date: time::Date) -> Quarter {
        Quarter {
            year: date.year(),
            q: (date.month() as u8 - 1) / 3 + 1,
        }
    }

    pub fn key(self) -> String {
        format!("{}-Q{}", self.year, self.q)
    }

    pub fn label(self) -> String {
        format!("{} {}", MONTHS[(self.q - 1) as usize], self.year)
    }

    /// "Q3 2026", for chart axes where space is short.
    pub fn short(self) -> String {
        format!("Q{} {}", self.q, self.year)
    }

    pub fn previous(self) -> Quarter {
        if self.q == 1 {
            Quarter {
                year: self.year - 1,
                q: 4,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q - 1,
            }
        }
    }

    pub fn next(self) -> Quarter {
        if self.q == 4 {
            Quarter {
                year: self.year + 1,
                q: 1,
            }
        } else {
            Quarter {
                year: self.year,
                q: self.q + 1,
            }
        }
    }

    /// The first day of the quarter.
    pub fn first_day(self) -> Option<time::Date> {
        let month = time::Month::try_from(self.q * 3 - 2).ok()?;
        time::Date::from_calendar_date(self.year, month, 1).ok()
    }

    /// The last day of the quarter.
    pub fn last_day(self) -> Option<time::Date> {
        self.next().first_day()?.previous_day()
    }

    /// The `n` quarters ending with this one, oldest first.
    pub fn window(self, n: usize) -> Vec<Quarter> {
        let mut quarters = Vec::with_capacity(n);
        let mut at = self;
        for _ in 0..n {
            quarters.push(at);
            at = at.previous();
        }
        quarters.reverse();
        quarters
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn quarters_parse_in_the_forms_people_type() {
        let q3 = Quarter::new(2026, 3).unwrap();
        for text in ["2026-Q3", " 2026 Q3 ", "2026q3", "2026-q3"] {
            assert_eq!(Quarter::parse(text), Some(q3), "{text}");
        }
        for text in [
            "2026-Q5", "2026-Q0", "26-Q3", "2026", "Q3 2026", "2026-Q33", "",
        ] {
            assert_eq!(Quarter::parse(text), None, "{text}");
        }
        assert_eq!(q3.key(), "2026-Q3");
        assert_eq!(q3.label(), "Jul to Sep 2026");
    }

    #[test]
    fn windows_cross_year_ends() {
        let q1 = Quarter::new(2026, 1).unwrap();
        assert_eq!(q1.previous(), Quarter::new(2025, 4).unwrap());
        assert_eq!(q1.previous().next(), q1);
        let keys: Vec<String> = q1.window(4).into_iter().map(Quarter::key).collect();
        assert_eq!(keys, ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]);
        assert_eq!(
            Quarter::of(date!(2026 - 12 - 02)),
            Quarter::new(2026, 4).unwrap()
        );
        assert_eq!(
            Quarter::of(date!(2026 - 03 - 31)),
            Quarter::new(2026, 1).unwrap()
        );
    }
}
