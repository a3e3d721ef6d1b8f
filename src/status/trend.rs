//! The recent trend: a straight line fitted to enough recent values for the data's
//! frequency, carried forward no further than the fit reaches back, and what it may
//! honestly say about a target.
//!
//! The rule (as stated in the README):
//!
//! > The recent trend is a least-squares straight line through the latest values that are
//! > not illustrative: for monthly or quarterly data the last three whole years (at least
//! > one whole year; with two or more, the line is fitted with a level for each month or
//! > quarter, so that a seasonal swing is not taken for a trend), for yearly data the last
//! > five values (at least three). With less history there is no trend. The line is drawn
//! > only when its slope is clear of the noise (its 95% confidence interval excludes zero),
//! > and it is carried forward no further than the values it was fitted to reach back. A
//! > year of meeting a target is claimed only when the line meets the target within that
//! > reach; otherwise the chart says whether the trend is moving towards or away from the
//! > target, or that the target is too far ahead to tell.

use super::{assessed_points, better, final_target, target_x};
use crate::model::Measure;

/// How often a measure's values come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Monthly,
    Quarterly,
    Yearly,
}

impl Frequency {
    /// From the typical gap between values (in years).
    fn of(points: &[(f64, f64)]) -> Frequency {
        let mut gaps: Vec<f64> = points.windows(2).map(|w| w[1].0 - w[0].0).collect();
        gaps.sort_by(f64::total_cmp);
        match gaps.get(gaps.len() / 2) {
            Some(g) if *g < 0.15 => Frequency::Monthly,
            Some(g) if *g < 0.4 => Frequency::Quarterly,
            _ => Frequency::Yearly,
        }
    }

    /// Values in a year.
    fn per_year(self) -> usize {
        match self {
            Frequency::Monthly => 12,
            Frequency::Quarterly => 4,
            Frequency::Yearly => 1,
        }
    }

    /// What is too little history, in words: "a year of monthly values".
    pub fn needs(self) -> &'static str {
        match self {
            Frequency::Monthly => "a year of monthly values",
            Frequency::Quarterly => "a year of quarterly values",
            Frequency::Yearly => "three yearly values",
        }
    }
}

/// A straight line fitted to the recent values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub slope: f64,
    pub intercept: f64,
    /// The first and last times of the values fitted.
    pub first: f64,
    pub last: f64,
    /// How many values were fitted.
    pub count: usize,
    pub frequency: Frequency,
    /// The slope's 95% confidence interval excludes zero.
    pub clear: bool,
}

impl Fit {
    pub fn at(&self, x: f64) -> f64 {
        self.intercept + self.slope * x
    }

    /// How far forward the line may be carried: as far as the values fitted reach back
    /// (at least one gap between values).
    pub fn reach(&self) -> f64 {
        let gap = match self.frequency {
            Frequency::Monthly => 1.0 / 12.0,
            Frequency::Quarterly => 0.25,
            Frequency::Yearly => 1.0,
        };
        self.last + (self.last - self.first).max(gap)
    }

    /// The window fitted, in words: "the last 2 years", "the last 5 values".
    pub fn window_words(&self) -> String {
        match self.frequency {
            Frequency::Yearly => format!("the last {} values", self.count),
            _ => {
                let years = ((self.last - self.first) + 0.5).floor().max(1.0) as i32;
                let years = years.max(1);
                if years == 1 {
                    "the last year of values".to_string()
                } else {
                    format!("the last {years} years of values")
                }
            }
        }
    }
}

/// Why there is no fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoFit {
    NoValues,
    /// Less history than the frequency needs.
    TooLittle {
        values: usize,
        frequency: Frequency,
    },
}

/// The fit of the recent trend of `m` by the rule in the module docs.
pub fn fit(m: &Measure) -> Result<Fit, NoFit> {
    let pts = assessed_points(m);
    let Some(&(last, _)) = pts.last() else {
        return Err(NoFit::NoValues);
    };
    let frequency = Frequency::of(&pts);
    let too_little = Err(NoFit::TooLittle {
        values: pts.len(),
        frequency,
    });
    let window: &[(f64, f64)] = match frequency {
        Frequency::Yearly => {
            if pts.len() < 3 {
                return too_little;
            }
            &pts[pts.len().saturating_sub(5)..]
        }
        Frequency::Monthly | Frequency::Quarterly => {
            let per_year = frequency.per_year() as f64;
            // Whole years only, so that a seasonal pattern evens out: the values after
            // `last - years + half a gap`.
            let history = last - pts[0].0 + 1.0 / per_year;
            let years = (history + 0.01).floor().min(3.0);
            if years < 1.0 {
                return too_little;
            }
            let start = last - years + 0.5 / per_year;
            &pts[pts.partition_point(|p| p.0 < start)..]
        }
    };
    let seasons = match frequency {
        Frequency::Yearly => 1,
        f => f.per_year(),
    };
    least_squares(window, frequency, seasons).ok_or(NoFit::TooLittle {
        values: pts.len(),
        frequency,
    })
}

/// The season (month or quarter of the year) a time falls in.
fn season(x: f64, seasons: usize) -> usize {
    ((x.rem_euclid(1.0) * seasons as f64).floor() as usize).min(seasons - 1)
}

/// A least-squares line through `pts`. With more than one season and at least two values
/// in every season, the slope is fitted within seasons (a trend with a level for each
/// month or quarter), so that a seasonal swing is not taken for a trend.
fn least_squares(pts: &[(f64, f64)], frequency: Frequency, seasons: usize) -> Option<Fit> {
    if pts.len() < 2 {
        return None;
    }
    let mut groups: Vec<Vec<(f64, f64)>> = vec![Vec::new(); seasons];
    for p in pts {
        groups[season(p.0, seasons)].push(*p);
    }
    let seasonal = seasons > 1 && groups.iter().all(|g| g.len() >= 2);
    if !seasonal {
        groups = vec![pts.to_vec()];
    }
    // Each group's own mean, so the slope is the pooled within-group one.
    let (mut sxx, mut sxy) = (0.0, 0.0);
    let mut means = Vec::with_capacity(groups.len());
    for g in &groups {
        let n = g.len() as f64;
        let mx = g.iter().map(|p| p.0).sum::<f64>() / n;
        let my = g.iter().map(|p| p.1).sum::<f64>() / n;
        sxx += g.iter().map(|p| (p.0 - mx).powi(2)).sum::<f64>();
        sxy += g.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>();
        means.push((mx, my));
    }
    if sxx <= 0.0 {
        return None;
    }
    let slope = sxy / sxx;
    let n = pts.len() as f64;
    let (mx, my) = (
        pts.iter().map(|p| p.0).sum::<f64>() / n,
        pts.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let ssr: f64 = groups
        .iter()
        .zip(&means)
        .flat_map(|(g, (gx, gy))| {
            g.iter()
                .map(move |p| (p.1 - gy - slope * (p.0 - gx)).powi(2))
        })
        .sum();
    let df = pts.len().saturating_sub(groups.len() + 1);
    let se = if df == 0 {
        f64::INFINITY
    } else {
        (ssr / df as f64 / sxx).sqrt()
    };
    let scale = my.abs().max(1e-12);
    let clear = slope.abs() > t95(df) * se && slope.abs() > scale * 1e-9;
    Some(Fit {
        slope,
        intercept: my - slope * mx,
        first: pts[0].0,
        last: pts[pts.len() - 1].0,
        count: pts.len(),
        frequency,
        clear,
    })
}

/// Student's t for a two-sided 95% interval with `df` degrees of freedom.
fn t95(df: usize) -> f64 {
    const T: [f64; 10] = [12.71, 4.30, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23];
    match df {
        0 => f64::INFINITY,
        1..=10 => T[df - 1],
        11..=20 => 2.13,
        21..=40 => 2.05,
        _ => 1.98,
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

/// The clear recent trend, from the latest value towards `horizon` but no further than
/// the fit reaches; `None` without a clear trend.
pub fn projection(m: &Measure, horizon: f64) -> Option<Projection> {
    let f = fit(m).ok().filter(|f| f.clear)?;
    Some(Projection {
        slope: f.slope,
        intercept: f.intercept,
        from: f.last,
        to: horizon.min(f.reach()).max(f.last),
    })
}

/// What the recent trend says about reaching the final target in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    NoData,
    NoTarget,
    /// Less history than a trend needs.
    TooFewValues,
    AlreadyMet,
    /// The values vary more than they move.
    NoClearTrend,
    /// Met by the target year at the recent rate (in the year given).
    OnTrack {
        year_met: i32,
    },
    /// Not met by the target year at the recent rate: met later in the year given, or
    /// not within the reach of the trend.
    OffTrack {
        year_met: Option<i32>,
    },
    /// The trend moves away from the target.
    MovingAway,
    /// The target year lies further ahead than the trend reaches: only its direction is said.
    TooFarAhead {
        improving: bool,
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
            Verdict::TooFewValues => "Too few values for a trend yet".into(),
            Verdict::AlreadyMet => "Target already met".into(),
            Verdict::NoClearTrend => "Recent values show no clear trend".into(),
            Verdict::OnTrack { year_met } => {
                format!("Recent trend: {target} would be met in {year_met}, in time")
            }
            Verdict::OffTrack { year_met: Some(y) } => {
                format!("Recent trend: {target} would be met in {y}, too late")
            }
            Verdict::OffTrack { year_met: None } => {
                format!("Recent trend: {target} would not be met in time")
            }
            Verdict::MovingAway => format!("Recent trend: moving away from {target}"),
            Verdict::TooFarAhead { improving } => format!(
                "Recent trend: {}; {target} is further ahead than the trend can tell",
                if improving { "improving" } else { "worsening" }
            ),
        }
    }
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
    let f = match fit(m) {
        Ok(f) => f,
        Err(_) => return Verdict::TooFewValues,
    };
    if !f.clear {
        return Verdict::NoClearTrend;
    }
    let improving = better(m.direction, f.at(f.last + 1.0), f.at(f.last));
    if !improving {
        return Verdict::MovingAway;
    }
    let tx = target_x(m, target.year);
    let x_met = ((target.value - f.intercept) / f.slope).max(f.last);
    let reach = f.reach() + 1e-6;
    match (x_met <= reach, tx <= reach) {
        (true, _) if x_met <= tx + 1e-6 => Verdict::OnTrack {
            year_met: x_met.floor() as i32,
        },
        (true, _) => Verdict::OffTrack {
            year_met: Some(x_met.floor() as i32),
        },
        (false, true) => Verdict::OffTrack { year_met: None },
        (false, false) => Verdict::TooFarAhead { improving },
    }
}
