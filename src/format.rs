//! How numbers, dates and units are written for people: 31 Jan 2025, 1,078 households, 12.1%.

use crate::model::Unit;
use chrono::NaiveDate;

mod parse;
pub use parse::{Misfit, fits_unit, misfit_words, parse_value};

/// `text` cut to at most `max` characters, with "…" where it was cut (so a message quoting
/// a damaged file's text stays short).
pub fn cut_chars(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => text.into(),
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
    }
}

/// `31 Jan 2025`.
pub fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// `31 Jan 2025`, or an em dash for no date.
pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_else(|| "—".into())
}

/// A number with thousands separators and at most `decimals` decimals, trailing zeros dropped.
pub fn number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s.clone(), String::new()),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let negative = v < 0.0 && (int.bytes().any(|b| b != b'0') || !frac.is_empty());
    let sign = if negative { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A count of things with thousands separators, singular for one: "1 priority",
/// "20,000 actions".
pub fn count(n: usize, one: &str, many: &str) -> String {
    let word = if n == 1 { one } else { many };
    format!("{} {word}", number(n as f64, 0))
}

/// The unit as a short suffix for axis titles: "%", "households", "£m".
pub fn unit_name(unit: &Unit) -> String {
    match unit {
        Unit::Percent => "%".into(),
        Unit::Count => "count".into(),
        Unit::Households => "households".into(),
        Unit::People => "people".into(),
        Unit::Children => "children".into(),
        Unit::Homes => "homes".into(),
        Unit::Pounds => "£".into(),
        Unit::PoundsMillion => "£m".into(),
        Unit::Other(s) => s.clone(),
    }
}

/// A value with its unit: "12.1%", "1,078 households", "£3.5m", "£10,948,208".
pub fn value(v: f64, unit: &Unit) -> String {
    match unit {
        Unit::Percent => format!("{}%", number(v, 1)),
        Unit::Pounds => money(v, &number(v.abs(), 0), ""),
        Unit::PoundsMillion => money(v, &number(v.abs(), 2), "m"),
        Unit::Count => number(v, 1),
        // Households, people, children and homes are usually whole; an average or an
        // estimate keeps its tenths.
        Unit::Households | Unit::People | Unit::Children | Unit::Homes => {
            format!("{} {}", number(v, 1), unit_name(unit))
        }
        other => format!("{} {}", number(v, 1), unit_name(other)),
    }
}

/// A value the app worked out (an expected value on the way to a target), rounded as its
/// unit counts: an expected 919.5 households reads "920 households".
pub fn worked_value(v: f64, unit: &Unit) -> String {
    match unit {
        Unit::Households | Unit::People | Unit::Children | Unit::Homes => value(v.round(), unit),
        _ => value(v, unit),
    }
}

/// A value on an axis, short enough for its margin: "12%", "1,000", "£20m", "£500k".
pub fn axis_value(v: f64, unit: &Unit) -> String {
    match unit {
        Unit::Pounds if v.abs() >= 1e6 => money(v, &number(v.abs() / 1e6, 2), "m"),
        Unit::Pounds if v.abs() >= 1e4 => money(v, &number(v.abs() / 1e3, 1), "k"),
        _ => value_short(v, unit),
    }
}

/// A value with a compact unit for tight spaces and axis ticks: "12.1%", "1,078", "£3.5m".
pub fn value_short(v: f64, unit: &Unit) -> String {
    match unit {
        Unit::Percent | Unit::Pounds | Unit::PoundsMillion => value(v, unit),
        _ => number(v, 1),
    }
}

fn money(v: f64, digits: &str, suffix: &str) -> String {
    let sign = if v < 0.0 { "-" } else { "" };
    format!("{sign}£{digits}{suffix}")
}

/// A change between two values, with its sign: "+1.2 points", "−86 households".
pub fn change(delta: f64, unit: &Unit) -> String {
    let sign = if delta > 0.0 {
        "+"
    } else if delta < 0.0 {
        "−"
    } else {
        "±"
    };
    let magnitude = match unit {
        Unit::Percent if number(delta.abs(), 1) == "1" => "1 point".to_string(),
        Unit::Percent => format!("{} points", number(delta.abs(), 1)),
        _ => value(delta.abs(), unit),
    };
    format!("{sign}{magnitude}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_singular_for_one_and_grouped_in_thousands() {
        assert_eq!(count(1, "priority", "priorities"), "1 priority");
        assert_eq!(count(0, "priority", "priorities"), "0 priorities");
        assert_eq!(count(20_000, "action", "actions"), "20,000 actions");
    }

    #[test]
    fn dates_read_day_month_year() {
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2025, 1, 31).unwrap()),
            "31 Jan 2025"
        );
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap()),
            "1 Mar 2024"
        );
        assert_eq!(opt_date(None), "—");
    }

    #[test]
    fn numbers_have_thousands_separators() {
        assert_eq!(number(1078.0, 0), "1,078");
        assert_eq!(number(10948208.0, 0), "10,948,208");
        assert_eq!(number(12.10, 1), "12.1");
        assert_eq!(number(-1234.5, 1), "-1,234.5");
        assert_eq!(number(999.0, 1), "999");
        assert_eq!(number(-0.01, 1), "0");
        assert_eq!(number(f64::NAN, 1), "—");
    }

    #[test]
    fn values_carry_units() {
        assert_eq!(value(12.1, &Unit::Percent), "12.1%");
        assert_eq!(value(1078.0, &Unit::Households), "1,078 households");
        assert_eq!(value(919.5, &Unit::Households), "919.5 households");
        assert_eq!(worked_value(919.5, &Unit::Households), "920 households");
        assert_eq!(value(3.5, &Unit::PoundsMillion), "£3.5m");
        assert_eq!(value(10948208.0, &Unit::Pounds), "£10,948,208");
        assert_eq!(change(-86.0, &Unit::Households), "−86 households");
        assert_eq!(axis_value(20_000_000.0, &Unit::Pounds), "£20m");
        assert_eq!(axis_value(12_500_000.0, &Unit::Pounds), "£12.5m");
        assert_eq!(axis_value(500_000.0, &Unit::Pounds), "£500k");
        assert_eq!(axis_value(450.0, &Unit::Pounds), "£450");
        assert_eq!(axis_value(1000.0, &Unit::Households), "1,000");
        assert_eq!(change(2.2, &Unit::Percent), "+2.2 points");
        assert_eq!(change(-1.0, &Unit::Percent), "−1 point");
    }
}
