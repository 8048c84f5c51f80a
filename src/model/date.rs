//! Partial calendar dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
//!
//! Claims and sources are often dated only to the month or year ("early 2025"), so a date keeps
//! exactly the precision it was written with.

use std::fmt;
use std::str::FromStr;

/// A date with year, and optionally month and day. Ordered chronologically, a less precise
/// date sorting before a more precise one that starts in the same period.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a string is not a [`Date`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("expected a date as YYYY, YYYY-MM or YYYY-MM-DD")]
    Shape,
    /// The month is not 1 to 12.
    #[error("month {0} is out of range (1 to 12)")]
    Month(u8),
    /// The day does not exist in that month.
    #[error("day {day} does not exist in {year}-{month:02}")]
    Day {
        /// The year.
        year: u16,
        /// The month.
        month: u8,
        /// The offending day.
        day: u8,
    },
}

impl Date {
    /// The year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The month (1 to 12), when given.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when given.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// Whether something dated `self` is on or before `cutoff`, each date read as the period
    /// it names: `self` begins no later than `cutoff` ends. So `2025-05` is on or before
    /// `2025-05-01` (May has begun by then), and `2025-05-20` is on or before `2025-05` (the
    /// cutoff runs to the end of May). This is `--as-of`'s rule.
    pub fn on_or_before(self, cutoff: Date) -> bool {
        let truncated = Date {
            year: self.year,
            month: cutoff.month.and(self.month),
            day: cutoff.day.and(self.day),
        };
        truncated <= cutoff
    }
}

fn digits<T: FromStr>(part: &str, len: usize) -> Result<T, DateError> {
    if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Shape);
    }
    part.parse().map_err(|_| DateError::Shape)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        let mut parts = text.split('-');
        let year = digits(parts.next().unwrap_or(""), 4)?;
        let month: Option<u8> = parts.next().map(|p| digits(p, 2)).transpose()?;
        let day: Option<u8> = parts.next().map(|p| digits(p, 2)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Shape);
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::Month(m));
            }
            if let Some(d) = day
                && (d == 0 || d > days_in_month(year, m))
            {
                return Err(DateError::Day {
                    year,
                    month: m,
                    day: d,
                });
            }
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Result<&str, DateError>) {
        let got = text.parse::<Date>().map(|d| d.to_string());
        assert_eq!(got, expected.map(String::from), "date {text:?}");
    }

    #[test]
    fn parses_each_precision() {
        case("2025", Ok("2025"));
        case("2025-01", Ok("2025-01"));
        case("2025-01-20", Ok("2025-01-20"));
        case("2024-02-29", Ok("2024-02-29"));
    }

    #[test]
    fn rejects_bad_dates() {
        case("25", Err(DateError::Shape));
        case("2025-1", Err(DateError::Shape));
        case("2025-01-20-1", Err(DateError::Shape));
        case("January 2025", Err(DateError::Shape));
        case("2025-13", Err(DateError::Month(13)));
        case("2025-00", Err(DateError::Month(0)));
        case(
            "2025-02-29",
            Err(DateError::Day {
                year: 2025,
                month: 2,
                day: 29,
            }),
        );
        case(
            "2025-04-31",
            Err(DateError::Day {
                year: 2025,
                month: 4,
                day: 31,
            }),
        );
        case(
            "2025-04-00",
            Err(DateError::Day {
                year: 2025,
                month: 4,
                day: 0,
            }),
        );
    }

    #[test]
    fn on_or_before_compares_periods() {
        let table = [
            ("2025-05", "2025-05-01", true),
            ("2025-05-20", "2025-05", true),
            ("2025-06-01", "2025-05", false),
            ("2025", "2025-01-01", true),
            ("2025-12-31", "2025", true),
            ("2026", "2025-12-31", false),
            ("2025-05-13", "2025-05-12", false),
            ("2025-05-13", "2025-05-13", true),
        ];
        for (item, cutoff, expected) in table {
            let (item, cutoff): (Date, Date) = (item.parse().unwrap(), cutoff.parse().unwrap());
            assert_eq!(item.on_or_before(cutoff), expected, "{item} by {cutoff}");
        }
    }

    #[test]
    fn orders_chronologically() {
        let a: Date = "2025".parse().unwrap();
        let b: Date = "2025-01".parse().unwrap();
        let c: Date = "2025-01-02".parse().unwrap();
        let d: Date = "2026".parse().unwrap();
        assert!(a < b && b < c && c < d);
    }
}
