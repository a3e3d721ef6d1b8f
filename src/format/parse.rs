//! Reading values typed by people ("1,078", "12.5%", "£3.5m"), and the one rule for
//! whether a value fits its unit, which typed values and project files both obey.

use super::unit_name;
use crate::model::Unit;

/// Why a value does not fit its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misfit {
    /// Not a finite number.
    NotFinite,
    /// A percentage outside 0 to 100.
    NotAPercentage,
    /// A count (households, people, children, homes, or a plain count) below zero.
    NegativeCount,
}

/// Does `v` fit `unit`? Percentages lie between 0 and 100, counts are 0 or more (not
/// necessarily whole: an average or an estimate may have a fraction), money and other
/// units take any finite value.
pub fn fits_unit(v: f64, unit: &Unit) -> Result<(), Misfit> {
    if !v.is_finite() {
        return Err(Misfit::NotFinite);
    }
    match unit {
        Unit::Percent if !(0.0..=100.0).contains(&v) => Err(Misfit::NotAPercentage),
        Unit::Count | Unit::Households | Unit::People | Unit::Children | Unit::Homes if v < 0.0 => {
            Err(Misfit::NegativeCount)
        }
        _ => Ok(()),
    }
}

/// Why `v` does not fit `unit`, in words for the person typing it.
pub fn misfit_words(misfit: Misfit, v: f64, unit: &Unit) -> String {
    match misfit {
        Misfit::NotFinite => "not a number".into(),
        Misfit::NotAPercentage => {
            format!("{v}% is not possible: a percentage is between 0 and 100")
        }
        Misfit::NegativeCount => format!("{} cannot be negative", unit_name(unit)),
    }
}

/// Read a value typed by a person ("1,078", "12.5%", "£3.5m") and check it fits `unit`.
pub fn parse_value(text: &str, unit: &Unit) -> Result<f64, String> {
    let raw = text.trim();
    // A symbol is accepted only where it fits the unit: "5%" is not a number of households,
    // and "£3.5m" is not £3.50.
    let percent = raw.contains('%');
    let pounds = raw.contains('£');
    let millions = raw.ends_with('m') || raw.ends_with('M');
    let wrong = match unit {
        Unit::Percent => pounds || millions,
        Unit::Pounds => percent || millions,
        Unit::PoundsMillion => percent,
        _ => percent || pounds || millions,
    };
    if wrong {
        return Err(format!(
            "{raw:?} does not fit the unit ({})",
            unit_name(unit)
        ));
    }
    let t: String = raw
        .chars()
        .filter(|c| !matches!(c, ',' | '%' | '£' | ' '))
        .collect();
    let t = t.trim_end_matches(['m', 'M']);
    if t.is_empty() {
        return Err("enter a value".into());
    }
    let v: f64 = t.parse().map_err(|_| format!("{raw:?} is not a number"))?;
    fits_unit(v, unit).map_err(|m| misfit_words(m, v, unit))?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format;

    #[test]
    fn symbols_are_accepted_only_where_they_fit_the_unit() {
        assert_eq!(format::parse_value("12.5%", &Unit::Percent), Ok(12.5));
        assert_eq!(format::parse_value("1,078", &Unit::Households), Ok(1078.0));
        assert_eq!(format::parse_value("£3.5m", &Unit::PoundsMillion), Ok(3.5));
        assert_eq!(format::parse_value("£1,200", &Unit::Pounds), Ok(1200.0));
        for (text, unit) in [
            ("5%", Unit::Households),
            ("£3.5m", Unit::Pounds),
            ("£12", Unit::Percent),
            ("40%", Unit::PoundsMillion),
        ] {
            let e = format::parse_value(text, &unit).unwrap_err();
            assert!(e.contains("does not fit the unit"), "{text}: {e}");
        }
    }

    #[test]
    fn values_are_checked_against_the_unit() {
        assert!(format::parse_value("140", &Unit::Percent).is_err());
        assert!(format::parse_value("-3", &Unit::Households).is_err());
        assert_eq!(format::parse_value("1,078", &Unit::Households), Ok(1078.0));
        assert_eq!(format::parse_value("12.5%", &Unit::Percent), Ok(12.5));
        assert!(format::parse_value("abc", &Unit::Percent).is_err());
    }

    #[test]
    fn one_rule_for_typed_values_and_files() {
        // What a file may hold, a person may type, and the other way round.
        for (v, unit, fits) in [
            (1.5, Unit::Households, true),
            (0.0, Unit::People, true),
            (-1.0, Unit::Count, false),
            (-0.5, Unit::Children, false),
            (100.0, Unit::Percent, true),
            (100.1, Unit::Percent, false),
            (-3.0, Unit::Pounds, true),
            (f64::NAN, Unit::Pounds, false),
        ] {
            assert_eq!(fits_unit(v, &unit).is_ok(), fits, "{v} {unit:?}");
            if v.is_finite() {
                let typed = parse_value(&v.to_string(), &unit);
                assert_eq!(typed.is_ok(), fits, "{v} {unit:?}: {typed:?}");
            }
        }
        assert_eq!(fits_unit(-2.0, &Unit::Homes), Err(Misfit::NegativeCount));
    }
}
