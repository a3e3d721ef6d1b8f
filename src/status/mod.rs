//! Whether a measure is on track for its target: the one rule the charts, the
//! dashboard badges and the wheel's status colouring all use.
//!
//! The rule (as stated in the README):
//!
//! > A measure's status compares its latest value (ignoring illustrative values)
//! > with the straight trajectory from its baseline (or, without one, its first
//! > observation) to its final target. It is **green** when the latest value is on
//! > or better than the trajectory, or within the tolerance of it (tolerance_percent
//! > of the baseline-to-target change, 10% unless set); **amber** when it is outside
//! > the tolerance but moved the right way since the previous value; **red**
//! > otherwise. A measure with no observations or no target has **no data**. A status
//! > set by hand (with its reason) replaces the rating and is shown beside it.

use crate::format;
use crate::model::{Direction, Measure, Period, Rag, TargetKind, ValueStatus};

mod trend;
pub use trend::{Fit, Frequency, NoFit, Projection, Verdict, fit, projection, verdict};

/// Where a measure stands against its trajectory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrackStatus {
    OnTrack,
    OffTrack,
    NoData,
}

impl TrackStatus {
    /// Symbol and word, so that the status is never colour alone.
    pub fn label(self) -> &'static str {
        match self {
            TrackStatus::OnTrack => "✔ On track",
            TrackStatus::OffTrack => "✖ Off track",
            TrackStatus::NoData => "○ No data",
        }
    }
}

/// A measure's status with the reasons behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// On or off track by the final rating (the override when there is one).
    pub status: TrackStatus,
    /// The RAG rating by the rule (or the override when there is one).
    pub rag: Option<Rag>,
    /// Set by hand, with its reason.
    pub overridden: Option<String>,
    /// One line for tooltips: "Off track: 9.9% against 8.2% expected by now".
    pub summary: String,
    /// The rating by the rule alone, before any override.
    pub rule_rag: Option<Rag>,
}

impl Assessment {
    /// Symbol and words for a badge: "✔ On track", "▲ Off track, improving", "✖ Off track".
    pub fn badge(&self) -> String {
        match self.rag {
            Some(r) => {
                let word = match r {
                    Rag::Green => "On track",
                    Rag::Complete => "Complete",
                    Rag::Amber => "Off track, improving",
                    Rag::Red => "Off track",
                    Rag::NotStarted => "Not started",
                };
                let hand = if self.overridden.is_some() {
                    " (set by hand)"
                } else {
                    ""
                };
                format!("{} {word}{hand}", crate::palette::rag_symbol(r))
            }
            None if self.summary == NO_TARGET => "○ No target".to_string(),
            None if self.summary == NO_TREND => "○ No trend yet".to_string(),
            None if self.summary == ILLUSTRATIVE_ONLY => "○ Not rated: illustrative".to_string(),
            None => self.status.label().to_string(),
        }
    }
}

/// The summary of a measure that has values but no target.
pub const NO_TARGET: &str = "No data: no target set";

/// The summary of a measure whose values are all illustrative: they are drawn, never rated.
pub const ILLUSTRATIVE_ONLY: &str = "Not rated: every value is illustrative, and only measured, provisional or estimated values are rated";

/// The summary of a measure with a target but only its starting value.
pub const NO_TREND: &str =
    "No trend yet: only one value, and no earlier baseline to compare it with";

/// The straight line from the baseline to the final target, with its tolerance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trajectory {
    pub start: (f64, f64),
    pub end: (f64, f64),
    /// Half-width of the tolerance band, in the measure's unit.
    pub tolerance: f64,
}

impl Trajectory {
    /// The value expected at `x` (the start before it, the target after it).
    pub fn expected(&self, x: f64) -> f64 {
        let (x0, y0) = self.start;
        let (x1, y1) = self.end;
        if x1 <= x0 || x >= x1 {
            return y1;
        }
        if x <= x0 {
            return y0;
        }
        y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    }
}

/// Does the measure's time axis run in financial years?
pub fn is_financial(m: &Measure) -> bool {
    m.observations.first().is_some_and(|o| {
        matches!(
            o.period,
            Period::FinancialYear(_) | Period::FinancialQuarter { .. }
        )
    })
}

/// Where a target year sits on the time axis: mid-year, or for a financial-year
/// measure the middle of the financial year ending in it (2040 → 2039/40).
pub fn target_x(m: &Measure, year: i32) -> f64 {
    if is_financial(m) {
        Period::FinancialYear(year - 1).decimal_year()
    } else {
        Period::Year(year).decimal_year()
    }
}

/// Observations that count for the status (not illustrative), sorted by time.
pub fn assessed_points(m: &Measure) -> Vec<(f64, f64)> {
    let mut pts: Vec<(f64, f64)> = m
        .observations
        .iter()
        .filter(|o| o.status != ValueStatus::Illustrative && o.value.is_finite())
        .map(|o| (o.period.decimal_year(), o.value))
        .collect();
    pts.sort_by(|a, b| a.0.total_cmp(&b.0));
    pts
}

/// The final target: the latest `Target`, or the latest milestone if there is no target.
pub fn final_target(m: &Measure) -> Option<&crate::model::Target> {
    m.targets
        .iter()
        .filter(|t| t.kind == TargetKind::Target)
        .max_by_key(|t| t.year)
        .or_else(|| m.targets.iter().max_by_key(|t| t.year))
}

/// The trajectory from baseline (else first measured observation) to the final target.
pub fn trajectory(m: &Measure) -> Option<Trajectory> {
    let target = final_target(m)?;
    let start = match &m.baseline {
        Some(b) => (b.period.decimal_year(), b.value),
        None => {
            let mut measured: Vec<&crate::model::Observation> = m
                .observations
                .iter()
                .filter(|o| o.status == ValueStatus::Measured)
                .collect();
            measured.sort_by(|a, b| a.period.decimal_year().total_cmp(&b.period.decimal_year()));
            let o = measured.first().copied().or_else(|| {
                m.observations
                    .iter()
                    .min_by(|a, b| a.period.decimal_year().total_cmp(&b.period.decimal_year()))
            })?;
            (o.period.decimal_year(), o.value)
        }
    };
    let end = (target_x(m, target.year), target.value);
    let tolerance = (m.tolerance_percent.max(0.0) / 100.0) * (end.1 - start.1).abs();
    Some(Trajectory {
        start,
        end,
        tolerance,
    })
}

/// Is `a` better than `b` for this measure?
fn better(dir: Direction, a: f64, b: f64) -> bool {
    match dir {
        Direction::HigherIsBetter => a > b,
        Direction::LowerIsBetter => a < b,
    }
}

/// Assess a measure by the rule stated in the README (see the module docs).
pub fn assess(measure: &Measure) -> Assessment {
    let (rule_rag, summary) = rule(measure);
    // The status follows the final rating: a status set by hand drives the
    // wheel's colouring as it drives the badge.
    let status_of = |rag: Option<Rag>| match rag {
        None => TrackStatus::NoData,
        Some(Rag::Green) | Some(Rag::Complete) => TrackStatus::OnTrack,
        Some(_) => TrackStatus::OffTrack,
    };
    match &measure.status_override {
        Some(o) => Assessment {
            status: status_of(Some(o.rag)),
            rag: Some(o.rag),
            overridden: Some(o.reason.clone()),
            summary: format!(
                "{} set by hand{}: {} (by the rule: {})",
                o.rag.label(),
                o.date
                    .map(|d| format!(" on {}", format::date(d)))
                    .unwrap_or_default(),
                o.reason,
                summary
            ),
            rule_rag,
        },
        None => Assessment {
            status: status_of(rule_rag),
            rag: rule_rag,
            overridden: None,
            summary,
            rule_rag,
        },
    }
}

fn rule(m: &Measure) -> (Option<Rag>, String) {
    let pts = assessed_points(m);
    let Some(&(x, latest)) = pts.last() else {
        if m.observations.is_empty() {
            return (None, "No data: no observations yet".into());
        }
        return (None, ILLUSTRATIVE_ONLY.into());
    };
    let Some(traj) = trajectory(m) else {
        return (None, NO_TARGET.into());
    };
    // One value and no earlier baseline: the trajectory starts at that value, so comparing
    // the two would always say "on track". Say there is no trend yet instead.
    let earlier_baseline = m
        .baseline
        .as_ref()
        .is_some_and(|b| b.period.decimal_year() < x);
    if pts.len() == 1 && !earlier_baseline {
        return (None, NO_TREND.into());
    }
    let expected = traj.expected(x);
    let v = |v| format::value(v, &m.unit);
    let against = format!(
        "{} against {} expected by now",
        v(latest),
        format::worked_value(expected, &m.unit)
    );
    if !better(m.direction, expected, latest) {
        return (Some(Rag::Green), format!("On track: {against}"));
    }
    if (latest - expected).abs() <= traj.tolerance + 1e-9 {
        return (
            Some(Rag::Green),
            format!("On track (within tolerance): {against}"),
        );
    }
    // The previous value: the observation before, else the baseline if earlier.
    let previous = if pts.len() >= 2 {
        Some(pts[pts.len() - 2].1)
    } else {
        m.baseline
            .as_ref()
            .filter(|b| b.period.decimal_year() < x)
            .map(|b| b.value)
    };
    if previous.is_some_and(|p| better(m.direction, latest, p)) {
        (
            Some(Rag::Amber),
            format!("Off track but improving: {against}"),
        )
    } else {
        (Some(Rag::Red), format!("Off track: {against}"))
    }
}

#[cfg(test)]
mod tests;
