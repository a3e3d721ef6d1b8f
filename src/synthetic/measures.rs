//! Measures: series of values in every period form, baselines, targets and milestones,
//! comparators, annotations and status overrides.

use super::programme::{Gen, date, nth_name};
use super::words::*;
use super::{HORIZON_YEAR, SYNTHETIC_NOTE, Spec};
use crate::model::*;
use chrono::Days;

/// Which period forms a series of `n` observations may use without reaching implausible years.
fn forms_for(n: usize) -> &'static [u8] {
    // 0 Year, 1 FinancialYear, 2 Quarter, 3 FinancialQuarter, 4 Month, 5 Date (weekly)
    if n <= 40 {
        &[0, 1, 2, 3, 4, 5]
    } else if n <= 160 {
        &[2, 3, 4, 5]
    } else if n <= 1_200 {
        &[4, 4, 5]
    } else {
        &[5]
    }
}

/// `n` consecutive periods of `form`, the last one in 2025, oldest first.
fn periods(form: u8, n: usize) -> Vec<Period> {
    let n_i = n as i32;
    match form {
        0 => (0..n_i).map(|k| Period::Year(2026 - n_i + k)).collect(),
        1 => (0..n_i)
            .map(|k| Period::FinancialYear(2025 - n_i + k))
            .collect(),
        2 | 3 => {
            // Quarter index counted from year 0; the last is 2025 Q2.
            let last = 2025 * 4 + 1;
            (0..n_i)
                .map(|k| {
                    let q = last - (n_i - 1) + k;
                    let (year, quarter) = (q.div_euclid(4), q.rem_euclid(4) as u32 + 1);
                    if form == 2 {
                        Period::Quarter { year, quarter }
                    } else {
                        Period::FinancialQuarter {
                            start_year: year,
                            quarter,
                        }
                    }
                })
                .collect()
        }
        4 => {
            let last = 2025 * 12 + 8; // September 2025, months counted from 0
            (0..n_i)
                .map(|k| {
                    let m = last - (n_i - 1) + k;
                    Period::Month {
                        year: m.div_euclid(12),
                        month: m.rem_euclid(12) as u32 + 1,
                    }
                })
                .collect()
        }
        _ => {
            let step = if n > 1_200 { 1 } else { 7 };
            let last = date(2025, 9, 28);
            (0..n)
                .map(|k| Period::Date(last - Days::new(((n - 1 - k) * step) as u64)))
                .collect()
        }
    }
}

/// Round to something a spreadsheet would show for the unit.
fn tidy(v: f64, unit: &Unit) -> f64 {
    match unit {
        Unit::Percent | Unit::PoundsMillion | Unit::Other(_) => (v * 10.0).round() / 10.0,
        _ => v.round(),
    }
}

fn clamp_to_unit(v: f64, unit: &Unit) -> f64 {
    match unit {
        Unit::Percent => v.clamp(0.0, 100.0),
        Unit::Pounds | Unit::PoundsMillion | Unit::Other(_) => v,
        _ => v.max(0.0),
    }
}

impl Gen {
    pub(super) fn measures(
        &mut self,
        spec: &Spec,
        sources: &[Source],
        outcomes: &mut [Outcome],
    ) -> Vec<Measure> {
        let mut out = Vec::with_capacity(spec.measures);
        for i in 0..spec.measures {
            let m = self.measure(i, spec, sources);
            // Link it to one or two outcomes, spread so that measures cover the wheel.
            if !outcomes.is_empty() {
                let first = i * outcomes.len() / spec.measures.max(1);
                let mut targets = vec![first % outcomes.len()];
                if self.rng.chance(0.4) {
                    targets.push(self.rng.below(outcomes.len()));
                }
                for t in targets {
                    if !outcomes[t].measures.contains(&m.id) {
                        outcomes[t].measures.push(m.id.clone());
                    }
                }
            }
            out.push(m);
        }
        out
    }

    fn measure(&mut self, i: usize, spec: &Spec, sources: &[Source]) -> Measure {
        let (name, unit, direction) = &MEASURE_NAMES[i % MEASURE_NAMES.len()];
        let unit = match unit {
            Unit::Other(_) => Unit::Other((*self.rng.pick(OTHER_UNITS)).into()),
            u => u.clone(),
        };
        let n = spec.observations_per_measure;
        let forms = if spec.monthly { &[4] } else { forms_for(n) };
        let form = forms[(i + self.rng.below(forms.len())) % forms.len()];
        let periods = periods(form, n);
        let source = (!sources.is_empty()).then(|| sources[i % sources.len()].id.clone());

        // A random walk with a drift, kept inside what the unit allows.
        let (start, scale) = match unit {
            Unit::Percent => (30.0 + self.rng.unit() * 50.0, 1.5),
            Unit::Pounds => (450.0 + self.rng.unit() * 300.0, 8.0),
            Unit::PoundsMillion => (5.0 + self.rng.unit() * 50.0, 2.0),
            Unit::Other(_) => (10.0 + self.rng.unit() * 900.0, 12.0),
            _ => (200.0 + self.rng.unit() * 3_000.0, 40.0),
        };
        let drift = (self.rng.unit() - 0.5) * scale * 0.4;
        let mut v = start;
        let observations: Vec<Observation> = periods
            .iter()
            .map(|&period| {
                v = clamp_to_unit(v + drift + (self.rng.unit() - 0.5) * scale, &unit);
                Observation {
                    period,
                    value: tidy(v, &unit),
                    status: ValueStatus::Illustrative,
                    source: source.clone().filter(|_| !i.is_multiple_of(3)),
                    note: SYNTHETIC_NOTE.into(),
                    ..Default::default()
                }
            })
            .collect();

        let baseline = observations.first().map(|o| Baseline {
            period: o.period,
            value: o.value,
        });
        let last_year = periods.last().map(|p| p.end_year()).unwrap_or(2025);
        let better = match direction {
            Direction::HigherIsBetter => 1.0,
            Direction::LowerIsBetter => -1.0,
        };
        let targets = self.targets(v, better * scale, &unit, last_year);
        let comparators = self.comparators(&observations, n, scale, &unit);
        let annotations = self.annotations(&periods);

        Measure {
            id: format!("measure-{}", i + 1),
            name: nth_name(&[name], i / MEASURE_NAMES.len()),
            definition: self.sentence(12, 30),
            unit,
            direction: *direction,
            headline: (i < spec.headline_measures).then_some(i as u32 + 1),
            observations,
            baseline,
            targets,
            tolerance_percent: *self.rng.pick(&[10.0, 10.0, 5.0, 15.0]),
            comparators,
            annotations,
            disagreements: Vec::new(),
            status_override: self.rng.chance(0.05).then(|| StatusOverride {
                rag: *self.rng.pick(&[Rag::Red, Rag::Amber, Rag::Green]),
                reason:
                    "Synthetic override: data lag means the latest figure understates progress."
                        .into(),
                date: Some(date(2025, 10, 1)),
            }),
            chart_title: String::new(),
            chart_fit_axis: false,
            note: if self.rng.chance(0.2) {
                self.sentence(10, 24)
            } else {
                String::new()
            },
        }
    }

    /// The 2040 target `step` a year past the last value `v` (and a milestone before it,
    /// seven times in ten), `last_year` being the last value's year.
    fn targets(&mut self, v: f64, step: f64, unit: &Unit, last_year: i32) -> Vec<Target> {
        let goal = |years: f64| clamp_to_unit(tidy(v + step * years, unit), unit);
        let mut targets = vec![Target {
            year: HORIZON_YEAR,
            value: goal(6.0),
            kind: TargetKind::Target,
            label: "2040 ambition".into(),
            source: None,
            note: String::new(),
            working: String::new(),
        }];
        let milestone = last_year + 1 + self.rng.below(4) as i32;
        if milestone < HORIZON_YEAR && self.rng.chance(0.7) {
            targets.insert(
                0,
                Target {
                    year: milestone,
                    value: goal(2.0),
                    kind: TargetKind::Milestone,
                    label: format!("{milestone} milestone"),
                    source: None,
                    note: String::new(),
                    working: String::new(),
                },
            );
        }
        targets
    }

    /// Up to two comparators following the observations at a distance, every `stride`th.
    fn comparators(
        &mut self,
        observations: &[Observation],
        n: usize,
        scale: f64,
        unit: &Unit,
    ) -> Vec<Comparator> {
        let stride = (n / 100).max(1) * if self.rng.chance(0.5) { 1 } else { 2 };
        (0..self.rng.below(3))
            .map(|c| Comparator {
                name: COMPARATORS[c].into(),
                observations: observations
                    .iter()
                    .step_by(stride)
                    .map(|o| Observation {
                        period: o.period,
                        value: tidy(
                            clamp_to_unit(o.value + (self.rng.unit() - 0.5) * scale * 3.0, unit),
                            unit,
                        ),
                        status: ValueStatus::Illustrative,
                        source: None,
                        note: SYNTHETIC_NOTE.into(),
                        ..Default::default()
                    })
                    .collect(),
            })
            .collect()
    }

    /// Up to two events among the periods (not at either end).
    fn annotations(&mut self, periods: &[Period]) -> Vec<Annotation> {
        if periods.len() > 2 {
            (0..self.rng.below(3))
                .map(|_| {
                    let at = periods[self.rng.between(1, periods.len() - 1)];
                    Annotation {
                        period: at,
                        label: (*self.rng.pick(EVENTS)).into(),
                        note: if self.rng.chance(0.3) {
                            self.sentence(8, 16)
                        } else {
                            String::new()
                        },
                        source: None,
                    }
                })
                .collect()
        } else {
            Vec::new()
        }
    }
}
