//! Dates and periods that observations refer to, written as short strings in the file.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// When a value applies: a day, a month, a quarter, a calendar year, a UK
/// financial year (1 April to 31 March) or a run of calendar years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// `"2024-03-31"`
    Date(NaiveDate),
    /// `"2024-03"`
    Month { year: i32, month: u32 },
    /// `"2024-Q1"` (January to March)
    Quarter { year: i32, quarter: u32 },
    /// `"2024"`
    Year(i32),
    /// `"2023/24"`: the financial year starting 1 April of the given year.
    FinancialYear(i32),
    /// `"2023/24 Q3"`: quarter 1 is April to June.
    FinancialQuarter { start_year: i32, quarter: u32 },
    /// `"2018-2020"`: calendar years `start` to `end`, both whole (health statistics are
    /// often pooled over three years).
    Years { start: i32, end: i32 },
}

impl Default for Period {
    fn default() -> Self {
        Period::Year(2000)
    }
}

/// Why a string is not a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError(pub String);

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a date or period (expected 2024-03-31, 2024-03, 2024-Q1, 2024, 2023/24, 2023/24 Q3 or 2018-2020)",
            crate::format::cut_chars(&self.0, 40)
        )
    }
}

impl std::error::Error for PeriodError {}

const MIN_YEAR: i32 = 1000;
const MAX_YEAR: i32 = 9999;

fn year(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (MIN_YEAR..=MAX_YEAR).contains(&y).then_some(y)
}

fn quarter(s: &str) -> Option<u32> {
    match s {
        "Q1" => Some(1),
        "Q2" => Some(2),
        "Q3" => Some(3),
        "Q4" => Some(4),
        _ => None,
    }
}

/// Exactly two ASCII digits (`"03"`).
fn two_digits(s: &str) -> Option<u32> {
    match s.as_bytes() {
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            Some(u32::from(a - b'0') * 10 + u32::from(b - b'0'))
        }
        _ => None,
    }
}

fn financial_year(s: &str) -> Option<i32> {
    let (a, b) = s.split_once('/')?;
    let start = year(a)?;
    if b.len() != 2 || !b.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let end: i32 = b.parse().ok()?;
    ((start + 1) % 100 == end).then_some(start)
}

impl std::str::FromStr for Period {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PeriodError(s.to_string());
        let t = s.trim();
        if let Some((fy, q)) = t.split_once(' ') {
            let start_year = financial_year(fy).ok_or_else(err)?;
            let quarter = quarter(q).ok_or_else(err)?;
            return Ok(Period::FinancialQuarter {
                start_year,
                quarter,
            });
        }
        if t.contains('/') {
            return financial_year(t).map(Period::FinancialYear).ok_or_else(err);
        }
        // Split without collecting: half a million periods are read when a large project
        // opens.
        let mut parts = t.split('-');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(y), None, _, _) => year(y).map(Period::Year).ok_or_else(err),
            (Some(y), Some(q), None, _) if q.starts_with('Q') => Ok(Period::Quarter {
                year: year(y).ok_or_else(err)?,
                quarter: quarter(q).ok_or_else(err)?,
            }),
            (Some(y), Some(last), None, _) if last.len() == 4 => {
                let (start, end) = year(y).zip(year(last)).ok_or_else(err)?;
                (start < end)
                    .then_some(Period::Years { start, end })
                    .ok_or_else(err)
            }
            (Some(y), Some(m), None, _) => {
                let year = year(y).ok_or_else(err)?;
                let month = two_digits(m).ok_or_else(err)?;
                (1..=12)
                    .contains(&month)
                    .then_some(Period::Month { year, month })
                    .ok_or_else(err)
            }
            (Some(y), Some(m), Some(d), None) => {
                let year = year(y).ok_or_else(err)?;
                let (month, day) = two_digits(m).zip(two_digits(d)).ok_or_else(err)?;
                NaiveDate::from_ymd_opt(year, month, day)
                    .map(Period::Date)
                    .ok_or_else(err)
            }
            _ => Err(err()),
        }
    }
}

impl Period {
    /// The first day the period covers. (A period built in code with an impossible
    /// month or quarter is clamped into range rather than panicking.)
    pub fn start(&self) -> NaiveDate {
        let ymd = |y, m: u32, d| NaiveDate::from_ymd_opt(y, m.clamp(1, 12), d).unwrap_or_default();
        match self.clamped() {
            Period::Date(d) => d,
            Period::Month { year, month } => ymd(year, month, 1),
            Period::Quarter { year, quarter } => ymd(year, (quarter - 1) * 3 + 1, 1),
            Period::Year(y) | Period::Years { start: y, .. } => ymd(y, 1, 1),
            Period::FinancialYear(y) => ymd(y, 4, 1),
            Period::FinancialQuarter {
                start_year,
                quarter,
            } => {
                let m = (quarter - 1) * 3 + 4;
                if m > 12 {
                    ymd(start_year + 1, m - 12, 1)
                } else {
                    ymd(start_year, m, 1)
                }
            }
        }
    }

    fn clamped(self) -> Period {
        match self {
            Period::Month { year, month } => Period::Month {
                year,
                month: month.clamp(1, 12),
            },
            Period::Quarter { year, quarter } => Period::Quarter {
                year,
                quarter: quarter.clamp(1, 4),
            },
            Period::FinancialQuarter {
                start_year,
                quarter,
            } => Period::FinancialQuarter {
                start_year,
                quarter: quarter.clamp(1, 4),
            },
            Period::Years { start, end } => Period::Years {
                start,
                end: end.max(start),
            },
            other => other,
        }
    }

    /// The last day the period covers.
    pub fn end(&self) -> NaiveDate {
        let next = match self.clamped() {
            Period::Date(d) => return d,
            Period::Month { .. } => 1,
            Period::Quarter { .. } | Period::FinancialQuarter { .. } => 3,
            Period::Year(_) | Period::FinancialYear(_) => 12,
            Period::Years { start, end } => end
                .saturating_sub(start)
                .saturating_add(1)
                .unsigned_abs()
                .saturating_mul(12),
        };
        self.start()
            .checked_add_months(chrono::Months::new(next))
            .and_then(|d| d.pred_opt())
            .unwrap_or_default()
    }

    /// Where the period sits on a time axis, in decimal years at its midpoint
    /// (a day at that day; 2023 at 2023.5; 2023/24 at about 2023.75).
    pub fn decimal_year(&self) -> f64 {
        let a = decimal_year_of(self.start());
        match self {
            Period::Date(_) => a,
            _ => (a + decimal_year_of(self.end()) + 1.0 / 365.25) / 2.0,
        }
    }

    /// The financial or calendar year a period's end falls in, for comparison with target years.
    pub fn end_year(&self) -> i32 {
        self.end().year()
    }

    /// How a person reads it: "31 Mar 2024", "Mar 2024", "Q1 2024", "2024", "2023/24",
    /// "Q3 2023/24", "2018–20".
    pub fn label(&self) -> String {
        match *self {
            Period::Date(d) => crate::format::date(d),
            Period::Month { .. } => self.start().format("%b %Y").to_string(),
            Period::Quarter { year, quarter } => format!("Q{quarter} {year}"),
            Period::Year(y) => y.to_string(),
            Period::FinancialYear(y) => fy(y),
            Period::FinancialQuarter {
                start_year,
                quarter,
            } => format!("Q{quarter} {}", fy(start_year)),
            Period::Years { start, end } if start.div_euclid(100) == end.div_euclid(100) => {
                format!("{start}–{:02}", end.rem_euclid(100))
            }
            Period::Years { start, end } => format!("{start}–{end}"),
        }
    }
}

fn fy(y: i32) -> String {
    format!("{y}/{:02}", (y + 1).rem_euclid(100))
}

/// A date as a decimal year (1 Jan 2024 = 2024.0).
pub fn decimal_year_of(d: NaiveDate) -> f64 {
    let y = d.year();
    let days_in_year = if NaiveDate::from_ymd_opt(y, 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    y as f64 + d.ordinal0() as f64 / days_in_year
}

impl fmt::Display for Period {
    /// The file form, which [`std::str::FromStr`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            // Not `d.format(..)`: chrono's format strings cost a tenth of saving a large file.
            Period::Date(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Year(y) => write!(f, "{y:04}"),
            Period::FinancialYear(y) => write!(f, "{}", fy(y)),
            Period::FinancialQuarter {
                start_year,
                quarter,
            } => write!(f, "{} Q{quarter}", fy(start_year)),
            Period::Years { start, end } if end > start => write!(f, "{start:04}-{end:04}"),
            // Not a run (only made in code): the year it starts in, which reads back.
            Period::Years { start, .. } => write!(f, "{start:04}"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(PeriodVisitor)
    }
}

/// Reads the text without copying it first (half a million periods in a large project).
struct PeriodVisitor;

impl serde::de::Visitor<'_> for PeriodVisitor {
    type Value = Period;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date or period such as \"2024-03-31\" or \"2023/24\"")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Period, E> {
        s.parse().map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_every_form() {
        for s in [
            "2024-03-31",
            "2024-03",
            "2024-Q1",
            "2024",
            "2023/24",
            "2023/24 Q3",
            "1999/00",
            "2018-2020",
        ] {
            assert_eq!(p(s).to_string(), s);
        }
    }

    #[test]
    fn a_run_of_years_covers_them_all_and_reads_as_people_write_it() {
        let r = p("2018-2020");
        assert_eq!(r.start(), NaiveDate::from_ymd_opt(2018, 1, 1).unwrap());
        assert_eq!(r.end(), NaiveDate::from_ymd_opt(2020, 12, 31).unwrap());
        assert!((r.decimal_year() - 2019.5).abs() < 0.01);
        assert_eq!(r.label(), "2018–20");
        assert_eq!(p("1999-2001").label(), "1999–2001");
        assert_eq!(r.end_year(), 2020);
        assert_ne!(r, p("2018"));
    }

    #[test]
    fn rejects_impossible_dates_and_periods() {
        for s in [
            "2024-13-01",
            "2024-02-30",
            "2024-Q5",
            "2023/25",
            "24",
            "",
            "2024-1",
            "abc",
            "2024-00",
            "2020-2018",
            "2020-2020",
            "2018-20",
            "2018-+020",
        ] {
            assert!(s.parse::<Period>().is_err(), "{s} should be rejected");
        }
        let e = "2024-13-01".parse::<Period>().unwrap_err().to_string();
        assert!(e.contains("\"2024-13-01\" is not a date"), "{e}");
    }

    #[test]
    fn financial_periods_cover_april_to_march() {
        assert_eq!(
            p("2023/24").start(),
            NaiveDate::from_ymd_opt(2023, 4, 1).unwrap()
        );
        assert_eq!(
            p("2023/24").end(),
            NaiveDate::from_ymd_opt(2024, 3, 31).unwrap()
        );
        assert_eq!(
            p("2023/24 Q4").start(),
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
        );
        assert_eq!(
            p("2023/24 Q4").end(),
            NaiveDate::from_ymd_opt(2024, 3, 31).unwrap()
        );
        assert_eq!(
            p("2024-Q2").end(),
            NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()
        );
    }

    #[test]
    fn decimal_year_is_the_midpoint() {
        assert!((p("2023").decimal_year() - 2023.5).abs() < 0.01);
        assert!((p("2023/24").decimal_year() - 2024.0).abs() < 0.26);
        assert_eq!(p("2024-01-01").decimal_year(), 2024.0);
        assert!(p("2023/24").decimal_year() > p("2023").decimal_year());
    }

    #[test]
    fn impossible_periods_built_in_code_do_not_panic() {
        assert_eq!(
            Period::Quarter {
                year: 2024,
                quarter: 0
            }
            .start(),
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
        );
        assert_eq!(
            Period::Month {
                year: 2024,
                month: 13
            }
            .end(),
            NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()
        );
        let _ = Period::FinancialQuarter {
            start_year: 2024,
            quarter: 9,
        }
        .decimal_year();
    }

    #[test]
    fn labels_read_naturally() {
        assert_eq!(p("2025-01-31").label(), "31 Jan 2025");
        assert_eq!(p("2023/24").label(), "2023/24");
        assert_eq!(p("2023/24 Q3").label(), "Q3 2023/24");
        assert_eq!(p("2024-03").label(), "Mar 2024");
    }
}
