//! A dashboard card's content (latest value, change, status, the line of values), and
//! thinning a long line to what a few pixels can show.

use crate::format;
use crate::model::{Measure, Observation};
use crate::status::{self, Assessment};

/// A dashboard card's content: latest value, change and status.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub index: usize,
    pub id: String,
    pub name: String,
    /// "1,078 households" or "No data".
    pub latest: String,
    /// "2023/24".
    pub latest_period: String,
    /// "−86 households since 2022/23".
    pub change: String,
    pub assessment: Assessment,
    /// The values, sorted by time.
    pub points: Vec<(f64, f64)>,
    /// Final target, if any (x, y).
    pub target: Option<(f64, f64)>,
}

/// The dashboard card for a measure.
pub fn card(index: usize, m: &Measure) -> Card {
    let mut obs: Vec<&Observation> = m
        .observations
        .iter()
        .filter(|o| o.value.is_finite())
        .collect();
    obs.sort_by(|a, b| a.period.decimal_year().total_cmp(&b.period.decimal_year()));
    let last = obs.last();
    let prev = obs.len().checked_sub(2).map(|i| obs[i]);
    Card {
        index,
        id: m.id.clone(),
        name: m.name.clone(),
        latest: last
            .map(|o| format::value(o.value, &m.unit))
            .unwrap_or_else(|| "No data".into()),
        latest_period: last.map(|o| o.period.label()).unwrap_or_default(),
        change: match (last, prev) {
            (Some(l), Some(p)) => format!(
                "{} since {}",
                format::change(l.value - p.value, &m.unit),
                p.period.label()
            ),
            _ => String::new(),
        },
        assessment: status::assess(m),
        points: obs
            .iter()
            .map(|o| (o.period.decimal_year(), o.value))
            .collect(),
        target: status::final_target(m).map(|t| (status::target_x(m, t.year), t.value)),
    }
}

/// Reduce a sorted line to at most about `2 × width` points (the min and max per
/// pixel column), keeping its shape when drawn `width` pixels wide.
pub fn decimate(points: &[(f64, f64)], width: usize) -> Vec<(f64, f64)> {
    let width = width.max(1);
    if points.len() <= width * 2 {
        return points.to_vec();
    }
    let (x0, x1) = (points[0].0, points[points.len() - 1].0);
    let span = (x1 - x0).max(f64::MIN_POSITIVE);
    let column = |x: f64| (((x - x0) / span) * (width - 1) as f64) as usize;
    let mut out = Vec::with_capacity(width * 2 + 2);
    let mut i = 0;
    while i < points.len() {
        let col = column(points[i].0);
        let mut lo = points[i];
        let mut hi = points[i];
        let mut j = i;
        while j < points.len() && column(points[j].0) == col {
            if points[j].1 < lo.1 {
                lo = points[j];
            }
            if points[j].1 > hi.1 {
                hi = points[j];
            }
            j += 1;
        }
        if lo.0 <= hi.0 {
            out.push(lo);
            if hi != lo {
                out.push(hi);
            }
        } else {
            out.push(hi);
            out.push(lo);
        }
        i = j;
    }
    out
}
