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
            None => self.status.label().to_string(),
        }
    }
}

/// The summary of a measure that has values but no target.
pub const NO_TARGET: &str = "No data: no target set";

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

/// The recent trend carried forward.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    pub slope: f64,
    pub intercept: f64,
    pub from: f64,
    pub to: f64,
}

impl Projection {
    pub fn at(&self, x: f64) -> f64 {
        self.intercept + self.slope * x
    }
}

/// What the recent trend says about the final target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    NoData,
    NoTarget,
    /// One value only: no trend yet.
    TooFewValues,
    AlreadyMet,
    /// Met by the target year at the current rate (in the year given).
    OnTrack {
        year_met: i32,
    },
    /// Not met by the target year; met later at the current rate, or never.
    OffTrack {
        year_met: Option<i32>,
    },
}

impl Verdict {
    pub fn text(self, target_year: Option<i32>) -> String {
        let target = target_year
            .map(|y| format!("the {y} target"))
            .unwrap_or_else(|| "the target".into());
        match self {
            Verdict::NoData => "No data yet".into(),
            Verdict::NoTarget => "No target set".into(),
            Verdict::TooFewValues => "One value so far: no trend yet".into(),
            Verdict::AlreadyMet => "Target already met".into(),
            Verdict::OnTrack { year_met } => {
                format!("Recent trend: {target} would be met in {year_met}, in time")
            }
            Verdict::OffTrack { year_met: Some(y) } => {
                format!("Recent trend: {target} would be met in {y}, too late")
            }
            Verdict::OffTrack { year_met: None } => {
                format!("Recent trend: moving away from {target}, which would not be met")
            }
        }
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

/// A least-squares line through the last three values (or the last two), carried to `horizon`.
pub fn projection(m: &Measure, horizon: f64) -> Option<Projection> {
    let pts = assessed_points(m);
    if pts.len() < 2 {
        return None;
    }
    let recent = &pts[pts.len().saturating_sub(3)..];
    let n = recent.len() as f64;
    let mx = recent.iter().map(|p| p.0).sum::<f64>() / n;
    let my = recent.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = recent.iter().map(|p| (p.0 - mx).powi(2)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let sxy: f64 = recent.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = sxy / sxx;
    let from = pts.last()?.0;
    Some(Projection {
        slope,
        intercept: my - slope * mx,
        from,
        to: horizon.max(from),
    })
}

/// What the recent trend says about reaching the final target in time.
pub fn verdict(m: &Measure) -> Verdict {
    let pts = assessed_points(m);
    let Some(&(_, latest)) = pts.last() else {
        return Verdict::NoData;
    };
    let Some(target) = final_target(m) else {
        return Verdict::NoTarget;
    };
    if !better(m.direction, target.value, latest) {
        return Verdict::AlreadyMet;
    }
    let tx = target_x(m, target.year);
    let Some(p) = projection(m, tx) else {
        return Verdict::TooFewValues;
    };
    // Moving the wrong way (or not at all): never met.
    if p.slope == 0.0 || better(m.direction, p.at(p.from), p.at(p.from + 1.0)) {
        return Verdict::OffTrack { year_met: None };
    }
    let x_met = ((target.value - p.intercept) / p.slope).max(p.from);
    let year_met = x_met.floor() as i32;
    if x_met <= tx + 1e-6 {
        Verdict::OnTrack { year_met }
    } else {
        Verdict::OffTrack {
            year_met: Some(year_met),
        }
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
        return (None, "No data: no observations yet".into());
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
mod tests {
    use super::*;
    use crate::model::{Baseline, Observation, Target, Unit};

    fn obs(p: &str, v: f64) -> Observation {
        Observation {
            period: p.parse().unwrap(),
            value: v,
            ..Default::default()
        }
    }

    fn measure(points: &[(&str, f64)], target: Option<(i32, f64)>) -> Measure {
        Measure {
            id: "m".into(),
            name: "M".into(),
            unit: Unit::Percent,
            direction: Direction::LowerIsBetter,
            observations: points.iter().map(|(p, v)| obs(p, *v)).collect(),
            targets: target
                .map(|(year, value)| Target {
                    year,
                    value,
                    ..Default::default()
                })
                .into_iter()
                .collect(),
            tolerance_percent: 10.0,
            ..Default::default()
        }
    }

    #[test]
    fn trajectory_runs_from_baseline_to_final_target() {
        let mut m = measure(&[("2020", 20.0)], Some((2040, 10.0)));
        m.targets.push(Target {
            year: 2030,
            value: 15.0,
            kind: TargetKind::Milestone,
            ..Default::default()
        });
        let t = trajectory(&m).unwrap();
        assert!((t.start.0 - 2020.5).abs() < 0.01 && t.start.1 == 20.0);
        assert!((t.end.0 - 2040.5).abs() < 0.01);
        assert!((t.tolerance - 1.0).abs() < 1e-9);
        assert!((t.expected(2030.5) - 15.0).abs() < 0.01);
        m.baseline = Some(Baseline {
            period: "2019".parse().unwrap(),
            value: 30.0,
        });
        assert_eq!(trajectory(&m).unwrap().start.1, 30.0);
    }

    #[test]
    fn on_track_is_green() {
        let m = measure(
            &[("2020", 20.0), ("2021", 19.0), ("2022", 18.0)],
            Some((2030, 10.0)),
        );
        let a = assess(&m);
        assert_eq!(a.rag, Some(Rag::Green));
        assert_eq!(a.status, TrackStatus::OnTrack);
        assert!(matches!(verdict(&m), Verdict::OnTrack { year_met: 2030 }));
    }

    #[test]
    fn off_track_but_improving_is_amber_and_says_when() {
        // Expected 18 by 2022; at 19.5, falling 0.25 a year.
        let m = measure(
            &[("2020", 20.0), ("2021", 19.75), ("2022", 19.5)],
            Some((2030, 10.0)),
        );
        let a = assess(&m);
        assert_eq!(a.rag, Some(Rag::Amber), "{}", a.summary);
        assert_eq!(a.status, TrackStatus::OffTrack);
        assert_eq!(
            verdict(&m),
            Verdict::OffTrack {
                year_met: Some(2060)
            }
        );
    }

    #[test]
    fn worsening_outside_tolerance_is_red_and_never_met() {
        let m = measure(
            &[("2020", 20.0), ("2021", 21.0), ("2022", 22.0)],
            Some((2030, 10.0)),
        );
        assert_eq!(assess(&m).rag, Some(Rag::Red));
        assert_eq!(verdict(&m), Verdict::OffTrack { year_met: None });
    }

    #[test]
    fn within_tolerance_is_green() {
        // Expected 19 at 2021; tolerance 1 point; 19.9 is within it even though worse.
        let m = measure(&[("2020", 20.0), ("2021", 19.9)], Some((2030, 10.0)));
        assert_eq!(assess(&m).rag, Some(Rag::Green));
    }

    #[test]
    fn target_already_met() {
        let m = measure(&[("2020", 20.0), ("2021", 9.0)], Some((2030, 10.0)));
        assert_eq!(assess(&m).rag, Some(Rag::Green));
        assert_eq!(verdict(&m), Verdict::AlreadyMet);
    }

    #[test]
    fn single_observation_has_no_trend_yet_unless_a_baseline_came_before() {
        let mut m = measure(&[("2020", 20.0)], Some((2030, 10.0)));
        let a = assess(&m);
        assert_eq!(a.rag, None, "one value cannot be on or off track by itself");
        assert_eq!(a.status, TrackStatus::NoData);
        assert_eq!(a.badge(), "○ No trend yet");
        m.baseline = Some(Baseline {
            period: "2018".parse().unwrap(),
            value: 30.0,
        });
        assert_eq!(assess(&m).rag, Some(Rag::Green), "improved on the baseline");
        assert_eq!(verdict(&m), Verdict::TooFewValues);
        assert!(projection(&m, 2030.0).is_none());
    }

    #[test]
    fn no_observations_or_no_target_is_no_data() {
        let m = measure(&[], Some((2030, 10.0)));
        assert_eq!(assess(&m).status, TrackStatus::NoData);
        assert_eq!(assess(&m).rag, None);
        assert_eq!(verdict(&m), Verdict::NoData);
        let m = measure(&[("2020", 20.0)], None);
        assert_eq!(assess(&m).status, TrackStatus::NoData);
        assert_eq!(assess(&m).badge(), "○ No target");
        assert_eq!(assess(&measure(&[], None)).badge(), "○ No data");
        assert_eq!(verdict(&m), Verdict::NoTarget);
    }

    #[test]
    fn target_in_the_past_is_judged_against_the_target_itself() {
        let m = measure(
            &[("2018", 20.0), ("2019", 16.0), ("2024", 14.0)],
            Some((2020, 10.0)),
        );
        // Expected 10 after 2020; 14 is outside tolerance but improving.
        assert_eq!(assess(&m).rag, Some(Rag::Amber));
        assert!(matches!(
            verdict(&m),
            Verdict::OffTrack { year_met: Some(_) }
        ));
    }

    #[test]
    fn illustrative_values_do_not_count() {
        let mut m = measure(&[("2020", 20.0), ("2021", 19.0)], Some((2030, 10.0)));
        m.observations.push(Observation {
            period: "2022".parse().unwrap(),
            value: 40.0,
            status: ValueStatus::Illustrative,
            ..Default::default()
        });
        assert_eq!(assess(&m).rag, Some(Rag::Green));
    }

    #[test]
    fn override_replaces_rating_and_keeps_reason() {
        let mut m = measure(&[("2020", 20.0), ("2021", 21.0)], Some((2030, 10.0)));
        m.status_override = Some(crate::model::StatusOverride {
            rag: Rag::Amber,
            reason: "New data due in March".into(),
            date: None,
        });
        let a = assess(&m);
        assert_eq!(a.rag, Some(Rag::Amber));
        assert_eq!(a.rule_rag, Some(Rag::Red));
        assert_eq!(a.overridden.as_deref(), Some("New data due in March"));
        assert_eq!(a.status, TrackStatus::OffTrack);
    }

    #[test]
    fn override_drives_the_status() {
        // Red by the rule, set to green by hand: on track.
        let mut m = measure(&[("2020", 20.0), ("2021", 21.0)], Some((2030, 10.0)));
        assert_eq!(assess(&m).status, TrackStatus::OffTrack);
        let set = |rag| {
            Some(crate::model::StatusOverride {
                rag,
                reason: "Agreed at board".into(),
                date: None,
            })
        };
        for (rag, want) in [
            (Rag::Green, TrackStatus::OnTrack),
            (Rag::Complete, TrackStatus::OnTrack),
            (Rag::Amber, TrackStatus::OffTrack),
            (Rag::Red, TrackStatus::OffTrack),
            (Rag::NotStarted, TrackStatus::OffTrack),
        ] {
            m.status_override = set(rag);
            assert_eq!(assess(&m).status, want, "{rag:?}");
            assert_eq!(assess(&m).rule_rag, Some(Rag::Red));
        }
        // A measure with no data set to green by hand is on track too.
        let mut m = measure(&[], None);
        m.status_override = set(Rag::Green);
        assert_eq!(assess(&m).status, TrackStatus::OnTrack);
    }

    #[test]
    fn financial_year_targets_sit_on_the_year_ending_in_them() {
        let mut m = measure(&[("2023/24", 10.0)], Some((2040, 5.0)));
        m.unit = Unit::Households;
        assert!((target_x(&m, 2040) - 2040.0).abs() < 0.3);
    }
}
