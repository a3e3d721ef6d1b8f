//! How much of time and value a chart shows: by default the values and the targets of the
//! next few years after them (at least the next target; the whole way to the horizon when
//! asked), and every value, marker and line within that time.

use super::axis::value_ticks;
use super::{EventMarker, Series, TargetMarker, Tick};
use crate::model::Unit;
use crate::status::Trajectory;

/// How far past the latest value a chart reaches by default to show the targets there.
pub const NEAR_YEARS: f64 = 5.0;

/// What is drawn, for fitting the axes around it.
pub(super) struct Drawn<'a> {
    pub series: &'a [Series],
    pub targets: &'a [TargetMarker],
    pub events: &'a [EventMarker],
    pub trajectory: Option<&'a Trajectory>,
    pub projection: Option<[(f64, f64); 2]>,
}

impl Drawn<'_> {
    fn point_xs(&self) -> impl Iterator<Item = f64> + '_ {
        self.series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.x))
    }

    /// The time shown: the values, the baseline, the recent trend, the events and the
    /// targets up to [`NEAR_YEARS`] after the latest value, or the first target after it
    /// when none is that near (every target and `horizon` when `to_horizon`), with a little
    /// room either side.
    pub fn x_range(&self, to_horizon: bool, horizon: f64) -> (f64, f64) {
        let last = self.point_xs().fold(f64::NEG_INFINITY, f64::max);
        let mut xs: Vec<f64> = self.point_xs().collect();
        if let Some(t) = self.trajectory {
            xs.push(t.start.0);
        }
        if let Some([a, b]) = self.projection {
            xs.extend([a.0, b.0]);
        }
        let next = self.targets.iter().map(|t| t.x).find(|x| *x > last);
        if to_horizon || xs.is_empty() {
            xs.extend(self.targets.iter().map(|t| t.x));
            xs.extend(self.trajectory.map(|t| t.end.0));
            xs.push(horizon);
        } else if let Some(next) = next {
            // A slide that speaks of the 2027 target shows it beside the 2025 one.
            let reach = next.max(last + NEAR_YEARS);
            xs.extend(
                self.targets
                    .iter()
                    .map(|t| t.x)
                    .filter(|x| *x > last && *x <= reach),
            );
        }
        // Events are the file author's part of the story: all of them are shown.
        xs.extend(self.events.iter().map(|e| e.x));
        let (mut x0, mut x1) = min_max(&xs).unwrap_or((horizon - 10.0, horizon));
        if x1 - x0 < 1.0 {
            x0 -= 0.5;
            x1 += 0.5;
        }
        let pad = (x1 - x0) * 0.03;
        (x0 - pad, x1 + pad)
    }

    /// The value ticks and range for what lies within `x`: from zero when asked (and the
    /// values allow it), never below zero for values that cannot be negative.
    pub fn y_axis(
        &self,
        x: (f64, f64),
        non_negative: bool,
        start_at_zero: bool,
        unit: &Unit,
    ) -> (Vec<Tick>, (f64, f64)) {
        let inside = |v: f64| v >= x.0 && v <= x.1;
        let mut ys: Vec<f64> = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter(|p| inside(p.x)).map(|p| p.y))
            .chain(self.targets.iter().filter(|t| inside(t.x)).map(|t| t.y))
            .collect();
        if let Some(t) = self.trajectory {
            for at in [t.start.0.max(x.0), t.end.0.min(x.1)] {
                if at >= t.start.0 && at <= t.end.0 {
                    let v = t.expected(at);
                    ys.extend([v + t.tolerance, v - t.tolerance]);
                }
            }
        }
        if let Some([a, b]) = self.projection {
            ys.extend([a.1, b.1]);
        }
        let (mut y0, mut y1) = min_max(&ys).unwrap_or((0.0, 1.0));
        if non_negative {
            y0 = y0.max(0.0);
        }
        if start_at_zero && y0 >= 0.0 {
            y0 = 0.0;
        }
        if (y1 - y0).abs() < 1e-9 {
            y1 = y0 + y0.abs().max(1.0);
        }
        value_ticks(y0, y1, unit, start_at_zero)
    }
}

fn min_max(v: &[f64]) -> Option<(f64, f64)> {
    let mut it = v.iter().copied().filter(|x| x.is_finite());
    let first = it.next()?;
    Some(it.fold((first, first), |(a, b), x| (a.min(x), b.max(x))))
}
