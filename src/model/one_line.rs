//! Observations are written one per line where they fit, so that a diff of a project file
//! shows one changed value as one changed line and a measure with years of monthly data stays
//! short to read, write and parse. One with a long note keeps the usual layout, a field per
//! line, to stay readable. Reading accepts any layout: this only shapes what is written.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::ser::{Error, SerializeSeq, Serializer};

use super::{Observation, ValueStatus};

/// Text that ron's serializer writes as it is. `ron::value::RawValue` does the same but parses
/// its text first, which doubled the time to save a large project; the text here comes from
/// ron's own serializer, so it is valid by construction. The name is the token ron's
/// serializer recognises (ron 0.12, `value::raw::RAW_VALUE_TOKEN`); the unit test below fails
/// if a later ron stops recognising it.
struct Verbatim<'a>(&'a str);

impl serde::Serialize for Verbatim<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct("$ron::private::RawValue", self.0)
    }
}

/// Items whose single-line spelling is longer than this keep a field per line.
pub const MAX_LINE: usize = 100;

/// Serialise a list with each item in the compact single-line RON spelling
/// (`(period: "2023/24", value: 12.5, source: "dwp")`) when it fits in [`MAX_LINE`]
/// characters, for `#[serde(serialize_with)]`.
pub fn serialize<S: Serializer>(items: &[Observation], serializer: S) -> Result<S::Ok, S::Error> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let config = PrettyConfig::new()
        .compact_structs(true)
        .struct_names(false)
        .escape_strings(false);
    let mut seq = serializer.serialize_seq(Some(items.len()))?;
    let mut text = String::new();
    for item in items {
        text.clear();
        if !spell_plain(item, &mut text) {
            text.clear();
            options
                .to_writer_pretty(&mut text, item, config.clone())
                .map_err(S::Error::custom)?;
        }
        if text.len() <= MAX_LINE {
            seq.serialize_element(&Verbatim(&text))?;
        } else {
            seq.serialize_element(item)?;
        }
    }
    seq.end()
}

/// Text ron writes between plain quotes, as it is (no `"` or `\\` that would make it a raw
/// string).
fn plain(s: &str) -> bool {
    !s.contains(['"', '\\'])
}

/// The same spelling ron's compact serializer gives, written directly, for the common case of
/// a finite value, plain strings and no `working` or `period_inferred` (rare fields, left to
/// ron); `false` (with `out` partly written) for anything else.
/// Going through ron's serializer for each of half a million observations took most of the
/// time to save a large project; the property test below holds the two spellings equal.
fn spell_plain(o: &Observation, out: &mut String) -> bool {
    use std::fmt::Write;
    if !o.value.is_finite()
        || !plain(&o.note)
        || o.source.as_deref().is_some_and(|s| !plain(s))
        || !o.working.is_empty()
        || !o.period_inferred.is_empty()
    {
        return false;
    }
    let _ = write!(out, "(period: \"{}\", value: {:?}", o.period, o.value);
    let status = match o.status {
        ValueStatus::Measured => None,
        ValueStatus::Provisional => Some("Provisional"),
        ValueStatus::Estimated => Some("Estimated"),
        ValueStatus::Illustrative => Some("Illustrative"),
    };
    if let Some(st) = status {
        let _ = write!(out, ", status: {st}");
    }
    if let Some(src) = &o.source {
        let _ = write!(out, ", source: \"{src}\"");
    }
    if !o.note.is_empty() {
        let _ = write!(out, ", note: \"{}\"", o.note);
    }
    out.push(')');
    true
}

#[cfg(test)]
mod tests {
    use crate::model::{Observation, Period, ValueStatus};

    #[derive(serde::Serialize)]
    struct Holder {
        #[serde(serialize_with = "super::serialize")]
        observations: Vec<Observation>,
    }

    #[test]
    fn short_observations_are_written_one_per_line_and_long_ones_a_field_per_line() {
        let h = Holder {
            observations: vec![
                Observation {
                    period: "2023/24".parse::<Period>().unwrap(),
                    value: 12.5,
                    status: ValueStatus::Estimated,
                    source: Some("dwp".into()),
                    note: "a \"quoted\" note".into(),
                    ..Default::default()
                },
                Observation {
                    period: "2022".parse::<Period>().unwrap(),
                    value: 1.0,
                    note: "n".repeat(super::MAX_LINE),
                    ..Default::default()
                },
                Observation {
                    period: "2024-03-31".parse::<Period>().unwrap(),
                    value: 3.0,
                    ..Default::default()
                },
            ],
        };
        let text = ron::Options::default()
            .to_string_pretty(&h, ron::ser::PrettyConfig::new().indentor("  "))
            .unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert!(lines.contains(
            &r##"(period: "2023/24", value: 12.5, status: Estimated, source: "dwp", note: r#"a "quoted" note"#),"##
        ), "{text}");
        assert!(
            lines.contains(&r#"(period: "2024-03-31", value: 3.0),"#),
            "{text}"
        );
        assert!(lines.contains(&r#"period: "2022","#), "{text}");
        assert!(lines.contains(&"value: 1.0,"), "{text}");
    }
}

#[cfg(test)]
mod spelling {
    use super::spell_plain;
    use crate::model::{Observation, Period, ValueStatus};
    use proptest::prelude::*;

    fn by_ron(o: &Observation) -> String {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .to_string_pretty(
                o,
                ron::ser::PrettyConfig::new()
                    .compact_structs(true)
                    .struct_names(false)
                    .escape_strings(false),
            )
            .unwrap()
    }

    fn arb_observation() -> impl Strategy<Value = Observation> {
        let period = prop_oneof![
            (1000i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| {
                Period::Date(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
            }),
            (1000i32..=9999, 1u32..=12).prop_map(|(year, month)| Period::Month { year, month }),
            (1000i32..=9998).prop_map(Period::FinancialYear),
            (1000i32..=9999).prop_map(Period::Year),
            (1000i32..=9990, 1i32..=9).prop_map(|(start, n)| Period::Years {
                start,
                end: start + n
            }),
        ];
        let value = prop_oneof![
            any::<f64>(),
            (-1e7f64..1e7),
            (0i64..100_000).prop_map(|v| v as f64),
            Just(f64::NAN),
            Just(f64::INFINITY),
        ];
        let status = prop_oneof![
            Just(ValueStatus::Measured),
            Just(ValueStatus::Provisional),
            Just(ValueStatus::Estimated),
            Just(ValueStatus::Illustrative),
        ];
        let text = prop_oneof![Just(String::new()), "[a-z -]{1,12}", any::<String>()];
        (
            period,
            value,
            status,
            proptest::option::of(text.clone()),
            text,
        )
            .prop_map(|(period, value, status, source, note)| Observation {
                period,
                value,
                status,
                source,
                note,
                ..Default::default()
            })
    }

    proptest! {
        #[test]
        fn the_direct_spelling_is_rons_spelling(o in arb_observation()) {
            let mut direct = String::new();
            if spell_plain(&o, &mut direct) {
                prop_assert_eq!(direct, by_ron(&o));
            } else {
                prop_assert!(
                    !o.value.is_finite()
                        || o.note.contains(['"', '\\'])
                        || o.source.as_deref().is_some_and(|s| s.contains(['"', '\\']))
                );
            }
        }
    }
}
