//! Axis ticks: values at nice steps, and time at financial years, years, quarters or
//! months, whichever fits the span and the measure's periods.

use super::Tick;
use crate::format;
use crate::model::{Measure, Period, Unit, decimal_year_of};

/// What the time axis of a measure marks: its kinds of period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimeAxis {
    /// Financial years ("2023/24").
    pub financial: bool,
    pub quarterly: bool,
    /// Monthly or dated values.
    pub monthly: bool,
    /// Dated, monthly and quarterly values sit through the year, so calendar-year ticks
    /// mark 1 January; yearly and financial-year values sit mid-year, and so do their ticks.
    pub through_the_year: bool,
    /// Runs of years ("2018–20") when every value is pooled over one, sorted, each once.
    pub runs: Vec<Period>,
}

impl TimeAxis {
    /// The time axis for `measure`'s values.
    pub fn of(measure: &Measure) -> TimeAxis {
        let periods = || measure.observations.iter().map(|o| o.period);
        let mut runs: Vec<Period> = periods()
            .filter(|p| matches!(p, Period::Years { .. }))
            .collect();
        if runs.len() != measure.observations.len() {
            runs.clear();
        }
        runs.sort_by_key(|p| (p.start(), p.end()));
        runs.dedup();
        TimeAxis {
            financial: crate::status::is_financial(measure),
            quarterly: periods()
                .any(|p| matches!(p, Period::Quarter { .. } | Period::FinancialQuarter { .. })),
            monthly: periods().any(|p| matches!(p, Period::Month { .. } | Period::Date(_))),
            through_the_year: periods().any(|p| {
                matches!(
                    p,
                    Period::Date(_) | Period::Month { .. } | Period::Quarter { .. }
                )
            }),
            runs,
        }
    }
}

/// A "nice" step (1, 2 or 5 × 10^k) giving about `n` intervals over `span`.
pub fn nice_step(span: f64, n: f64) -> f64 {
    let raw = (span / n).max(f64::MIN_POSITIVE);
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Value ticks covering `lo..hi` with nice steps; returns the ticks and the axis range.
pub fn value_ticks(lo: f64, hi: f64, unit: &Unit, from_zero: bool) -> (Vec<Tick>, (f64, f64)) {
    let step = nice_step(hi - lo, 5.0);
    let start = if from_zero && lo == 0.0 {
        0.0
    } else {
        (lo / step).floor() * step
    };
    let end = (hi / step).ceil() * step;
    let mut ticks = Vec::new();
    let mut i = 0;
    loop {
        let v = start + i as f64 * step;
        if v > end + step * 1e-6 || i > 50 {
            break;
        }
        let v = if v.abs() < step * 1e-9 { 0.0 } else { v };
        ticks.push(Tick {
            value: v,
            label: format::axis_value(v, unit),
        });
        i += 1;
    }
    (ticks, (start, end))
}

/// Time ticks for `range`: financial years ("2023/24"), years, quarters or months,
/// whichever fits the span and the measure's periods.
pub fn time_ticks(range: (f64, f64), axis: &TimeAxis) -> Vec<Tick> {
    let span = range.1 - range.0;
    let mut ticks = Vec::new();
    let first_year = range.0.floor() as i32 - 1;
    let last_year = range.1.ceil() as i32 + 1;
    // A tick for the period, at its start or its midpoint.
    let mut push = |p: Period, at_start: bool| {
        let x = if at_start {
            decimal_year_of(p.start())
        } else {
            p.decimal_year()
        };
        if x >= range.0 && x <= range.1 {
            ticks.push(Tick {
                value: x,
                label: p.label(),
            });
        }
    };
    if span <= 2.5 && axis.monthly {
        let step = if span <= 1.0 { 1 } else { 3 };
        for y in first_year..=last_year {
            for m in (1..=12).step_by(step) {
                push(Period::Month { year: y, month: m }, false);
            }
        }
    } else if span <= 4.0 && axis.quarterly {
        for y in first_year..=last_year {
            for q in 1..=4 {
                push(quarter(y, q, axis.financial), false);
            }
        }
    } else {
        let per = if axis.financial { 7.0 } else { 9.0 };
        let step = (span / per).ceil().max(1.0) as i32;
        let step = [1, 2, 4, 5, 10, 20, 50]
            .into_iter()
            .find(|s| *s >= step)
            .unwrap_or(step);
        let mut y = first_year - first_year.rem_euclid(step);
        while y <= last_year {
            if axis.financial {
                push(Period::FinancialYear(y), false);
            } else {
                push(Period::Year(y), axis.through_the_year);
            }
            y += step;
        }
    }
    if !axis.runs.is_empty() {
        mark_runs(&mut ticks, range, &axis.runs);
    }
    ticks
}

fn quarter(year: i32, quarter: u32, financial: bool) -> Period {
    if financial {
        Period::FinancialQuarter {
            start_year: year,
            quarter,
        }
    } else {
        Period::Quarter { year, quarter }
    }
}

/// Values pooled over runs of years ("2018–20") are marked by their own runs, in place of
/// the year ticks beside them (a year tick under such a point would name only its middle
/// year); the rest of the axis (on to the targets) keeps its year ticks.
fn mark_runs(ticks: &mut Vec<Tick>, range: (f64, f64), runs: &[Period]) {
    let at: Vec<f64> = runs.iter().map(Period::decimal_year).collect();
    ticks.retain(|t| at.iter().all(|x| (t.value - x).abs() >= 1.5));
    // Overlapping runs (2016–18, 2017–19, …) crowd: beyond eight, every other one or fewer.
    for p in runs.iter().step_by(at.len().div_ceil(8).max(1)) {
        let x = p.decimal_year();
        if x >= range.0 && x <= range.1 {
            ticks.push(Tick {
                value: x,
                label: p.label(),
            });
        }
    }
    ticks.sort_by(|a, b| a.value.total_cmp(&b.value));
}

/// The ticks whose labels fit side by side: every tick if their labels (of `width` pixels,
/// centred on `at(value)`) keep `gap` apart and inside `within`, otherwise every second,
/// third… tick, the fewest left out that fit. Ticks whose label would leave `within` are
/// dropped.
pub fn spaced(
    ticks: &[Tick],
    at: &dyn Fn(f64) -> f64,
    width: &dyn Fn(&str) -> f64,
    gap: f64,
    within: (f64, f64),
) -> Vec<Tick> {
    let spans: Vec<(f64, f64, &Tick)> = ticks
        .iter()
        .map(|t| {
            let (x, w) = (at(t.value), width(&t.label));
            (x - w / 2.0, x + w / 2.0, t)
        })
        .filter(|(l, r, _)| *l >= within.0 && *r <= within.1)
        .collect();
    for every in 1..=spans.len().max(1) {
        let kept: Vec<&(f64, f64, &Tick)> = spans.iter().step_by(every).collect();
        if kept.windows(2).all(|w| w[0].1 + gap <= w[1].0) {
            return kept.into_iter().map(|s| s.2.clone()).collect();
        }
    }
    Vec::new()
}
