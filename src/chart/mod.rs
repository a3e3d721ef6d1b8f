//! Trend chart content: series, axes, ticks, markers, trajectory, projection,
//! legend and footnote, computed once from a measure (no egui). The egui view and
//! the SVG/PNG exporter both draw from a [`Chart`].

pub mod export;
pub mod svg;

use crate::format;
use crate::model::{Measure, Period, Project, TargetKind, Unit, ValueStatus};
use crate::palette;
use crate::status::{self, Assessment, Verdict};

/// What the user chose about how a chart looks.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ChartOptions {
    pub start_at_zero: bool,
    /// The chart's title; empty for the measure's name.
    pub title: String,
    /// Legend entries the user has hidden ("England", "Recent trend", "Estimated").
    pub hidden: Vec<String>,
}

impl ChartOptions {
    /// The options the project file keeps for `m` (title, axis from zero), nothing hidden:
    /// what the window shows first and what every export draws.
    pub fn for_measure(m: &Measure) -> ChartOptions {
        ChartOptions {
            start_at_zero: !m.chart_fit_axis,
            title: m.chart_title.clone(),
            hidden: Vec::new(),
        }
    }
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            start_at_zero: true,
            title: String::new(),
            hidden: Vec::new(),
        }
    }
}

/// One plotted value.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub status: ValueStatus,
    /// "2023/24", "Q1 2024".
    pub period: String,
    /// The source's title, if any.
    pub source: String,
    pub note: String,
}

impl ChartPoint {
    /// Drawn hollow (and its segments dashed) when not a measured value.
    pub fn is_measured(&self) -> bool {
        self.status == ValueStatus::Measured
    }
}

/// A line of values: the measure itself or a comparator.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub colour: crate::model::Colour,
    pub points: Vec<ChartPoint>,
    pub main: bool,
}

/// An axis tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

/// A target or milestone marker.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetMarker {
    pub x: f64,
    pub y: f64,
    pub year: i32,
    pub kind: TargetKind,
    /// "2040 target: 5%".
    pub label: String,
}

/// A dated event drawn as a vertical line.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMarker {
    pub x: f64,
    pub label: String,
    pub note: String,
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendKind {
    Line,
    HollowPoint,
    DashedLine,
    Band,
    Diamond,
    Vertical,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub name: String,
    pub kind: LegendKind,
    pub colour: crate::model::Colour,
}

/// Everything a trend chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub measure_id: String,
    pub title: String,
    /// "Measure name · households · lower is better".
    pub subtitle: String,
    pub footnote: String,
    pub unit: Unit,
    pub y_title: String,
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    pub series: Vec<Series>,
    pub targets: Vec<TargetMarker>,
    pub trajectory: Option<[(f64, f64); 2]>,
    /// Tolerance band as (x, low, high) at the trajectory's two ends.
    pub band: Option<[(f64, f64, f64); 2]>,
    pub projection: Option<[(f64, f64); 2]>,
    pub events: Vec<EventMarker>,
    pub legend: Vec<LegendEntry>,
    pub assessment: Assessment,
    pub verdict: Verdict,
    /// "On track: at the recent rate the target is met in 2036".
    pub verdict_text: String,
}

pub const MAIN: crate::model::Colour = palette::CATEGORICAL[0];
pub const TARGET: crate::model::Colour = palette::INK;
pub const TRAJECTORY: crate::model::Colour = palette::CATEGORICAL[2];
pub const PROJECTION: crate::model::Colour = palette::CATEGORICAL[1];
pub const EVENT: crate::model::Colour = palette::INK_MUTED;

fn status_word(s: ValueStatus) -> &'static str {
    match s {
        ValueStatus::Measured => "Measured",
        ValueStatus::Provisional => "Provisional",
        ValueStatus::Estimated => "Estimated",
        ValueStatus::Illustrative => "Illustrative",
    }
}

/// The word for a value's status ("Estimated").
pub fn value_status_label(s: ValueStatus) -> &'static str {
    status_word(s)
}

fn direction_words(m: &Measure) -> &'static str {
    match m.direction {
        crate::model::Direction::HigherIsBetter => "higher is better",
        crate::model::Direction::LowerIsBetter => "lower is better",
    }
}

/// The axis title for a unit: "Percent (%)", "Households", "£ million".
pub fn unit_title(unit: &Unit) -> String {
    match unit {
        Unit::Percent => "Percent (%)".into(),
        Unit::PoundsMillion => "£ million".into(),
        Unit::Pounds => "£".into(),
        other => {
            let n = format::unit_name(other);
            let mut c = n.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
    }
}

/// Build the chart for `measure` of `project`.
pub fn build(project: &Project, measure: &Measure, options: &ChartOptions) -> Chart {
    let source_title = |id: &Option<String>| {
        id.as_deref()
            .map(|id| {
                project
                    .source(id)
                    .map(|s| s.title.clone())
                    .unwrap_or(id.to_string())
            })
            .unwrap_or_default()
    };
    let to_points = |obs: &[crate::model::Observation]| {
        let mut pts: Vec<ChartPoint> = obs
            .iter()
            .filter(|o| o.value.is_finite())
            .map(|o| ChartPoint {
                x: o.period.decimal_year(),
                y: o.value,
                status: o.status,
                period: o.period.label(),
                source: source_title(&o.source),
                note: o.note.clone(),
            })
            .collect();
        pts.sort_by(|a, b| a.x.total_cmp(&b.x));
        pts
    };
    let mut series = vec![Series {
        name: main_series_name(project),
        colour: MAIN,
        points: to_points(&measure.observations),
        main: true,
    }];
    for (i, c) in measure.comparators.iter().enumerate() {
        series.push(Series {
            name: c.name.clone(),
            colour: palette::CATEGORICAL[[6, 3, 5, 7][i % 4]],
            points: to_points(&c.observations),
            main: false,
        });
    }
    let v = |x: f64| format::value(x, &measure.unit);
    let mut targets: Vec<TargetMarker> = measure
        .targets
        .iter()
        .map(|t| {
            let kind = match t.kind {
                TargetKind::Target => "target",
                TargetKind::Milestone => "milestone",
            };
            let label = if t.label.is_empty() {
                format!("{} {kind}: {}", t.year, v(t.value))
            } else {
                format!("{}: {}", t.label, v(t.value))
            };
            TargetMarker {
                x: status::target_x(measure, t.year),
                y: t.value,
                year: t.year,
                kind: t.kind,
                label,
            }
        })
        .collect();
    targets.sort_by(|a, b| a.x.total_cmp(&b.x));
    let traj = status::trajectory(measure);
    // The recent trend is carried to the programme's horizon (or to the final
    // target's year when that is later), with or without a target; the verdict
    // on it is given only when there is a target.
    let horizon = status::target_x(measure, project.programme.horizon_year);
    let horizon = status::final_target(measure)
        .map(|t| status::target_x(measure, t.year).max(horizon))
        .unwrap_or(horizon);
    let proj = status::projection(measure, horizon)
        .filter(|p| p.to > p.from)
        .map(|p| {
            let mut end = (p.to, p.at(p.to));
            if end.1 < 0.0 && p.slope < 0.0 {
                // Stop the line at zero: counts and rates do not go below it.
                end = ((0.0 - p.intercept) / p.slope, 0.0);
            }
            // Nor past a ceiling: 100% for a percentage, and for anything else half as much
            // again as the highest value or target, so a steep trend carried far does not
            // squash the real values into the bottom of the chart.
            let highest = measure
                .observations
                .iter()
                .map(|o| o.value)
                .chain(measure.targets.iter().map(|t| t.value))
                .filter(|v| v.is_finite())
                .fold(f64::NEG_INFINITY, f64::max);
            let ceiling = match measure.unit {
                crate::model::Unit::Percent => 100.0_f64.min(highest.max(0.0) * 1.5),
                _ => highest * 1.5,
            };
            if ceiling.is_finite() && ceiling > 0.0 && end.1 > ceiling && p.slope > 0.0 {
                end = ((ceiling - p.intercept) / p.slope, ceiling);
            }
            [(p.from, p.at(p.from)), end]
        });
    let events: Vec<EventMarker> = measure
        .annotations
        .iter()
        .map(|a| EventMarker {
            x: a.period.decimal_year(),
            label: a.label.clone(),
            note: a.note.clone(),
        })
        .collect();

    // Ranges.
    let mut xs: Vec<f64> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.x))
        .chain(targets.iter().map(|t| t.x))
        .chain(events.iter().map(|e| e.x))
        .collect();
    let mut ys: Vec<f64> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.y))
        .chain(targets.iter().map(|t| t.y))
        .collect();
    if let Some(t) = &traj {
        xs.extend([t.start.0, t.end.0]);
        ys.extend([
            t.start.1 + t.tolerance,
            t.start.1 - t.tolerance,
            t.end.1 + t.tolerance,
            t.end.1 - t.tolerance,
        ]);
    }
    if let Some(p) = &proj {
        xs.extend([p[0].0, p[1].0]);
        ys.extend([p[0].1, p[1].1]);
    }
    let financial = status::is_financial(measure);
    let (mut x0, mut x1) = min_max(&xs).unwrap_or((2020.0, project.programme.horizon_year as f64));
    if x1 - x0 < 1.0 {
        x0 -= 0.5;
        x1 += 0.5;
    }
    let pad = (x1 - x0) * 0.03;
    let x_range = (x0 - pad, x1 + pad);
    let (mut y0, mut y1) = min_max(&ys).unwrap_or((0.0, 1.0));
    // Values that cannot be negative keep the band and the axis at or above zero.
    let non_negative = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.y))
        .chain(targets.iter().map(|t| t.y))
        .all(|v| v >= 0.0);
    if non_negative {
        y0 = y0.max(0.0);
    }
    if options.start_at_zero && y0 >= 0.0 {
        y0 = 0.0;
    }
    if (y1 - y0).abs() < 1e-9 {
        y1 = y0 + y0.abs().max(1.0);
    }
    let (y_ticks, y_range) = value_ticks(y0, y1, &measure.unit, options.start_at_zero);
    let x_ticks = time_ticks(x_range, measure, financial);

    // Legend.
    let mut legend = vec![LegendEntry {
        name: main_series_name(project),
        kind: LegendKind::Line,
        colour: MAIN,
    }];
    for s in [
        ValueStatus::Provisional,
        ValueStatus::Estimated,
        ValueStatus::Illustrative,
    ] {
        if series[0].points.iter().any(|p| p.status == s) {
            legend.push(LegendEntry {
                name: status_word(s).into(),
                kind: LegendKind::HollowPoint,
                colour: MAIN,
            });
        }
    }
    for s in &series[1..] {
        legend.push(LegendEntry {
            name: s.name.clone(),
            kind: LegendKind::Line,
            colour: s.colour,
        });
    }
    if !targets.is_empty() {
        legend.push(LegendEntry {
            name: "Targets".into(),
            kind: LegendKind::Diamond,
            colour: TARGET,
        });
    }
    if traj.is_some() {
        legend.push(LegendEntry {
            name: "Trajectory to target".into(),
            kind: LegendKind::Band,
            colour: TRAJECTORY,
        });
    }
    if proj.is_some() {
        legend.push(LegendEntry {
            name: "Recent trend".into(),
            kind: LegendKind::DashedLine,
            colour: PROJECTION,
        });
    }
    if !events.is_empty() {
        legend.push(LegendEntry {
            name: "Events".into(),
            kind: LegendKind::Vertical,
            colour: EVENT,
        });
    }

    // Footnote: the sources of the values shown.
    let mut sources: Vec<String> = Vec::new();
    let mut note_source = |id: &Option<String>| {
        let t = source_title(id);
        if !t.is_empty() && !sources.contains(&t) {
            sources.push(t);
        }
    };
    for o in &measure.observations {
        note_source(&o.source);
    }
    for c in &measure.comparators {
        for o in &c.observations {
            note_source(&o.source);
        }
    }
    for t in &measure.targets {
        note_source(&t.source);
    }
    let mut footnote = if sources.is_empty() {
        "Source: not recorded".to_string()
    } else {
        format!("Source: {}", sources.join("; "))
    };
    if series[0].points.iter().any(|p| !p.is_measured()) {
        footnote.push_str(". Hollow points and dashed lines are not measured values");
    }

    // Leave out what the user hid in the legend (the axes stay as they were).
    let hidden = |n: &str| options.hidden.iter().any(|h| h == n);
    for s in series.iter_mut() {
        if hidden(&s.name) {
            s.points.clear();
        }
    }
    series[0]
        .points
        .retain(|p| p.is_measured() || !hidden(status_word(p.status)));
    if hidden("Targets") {
        targets.clear();
    }
    let traj = traj.filter(|_| !hidden("Trajectory to target"));
    let proj = proj.filter(|_| !hidden("Recent trend"));
    let events: Vec<EventMarker> = if hidden("Events") { Vec::new() } else { events };
    legend.retain(|e| !hidden(&e.name));

    let assessment = status::assess(measure);
    let verdict = status::verdict(measure);
    let verdict_text = verdict.text(status::final_target(measure).map(|t| t.year));
    Chart {
        measure_id: measure.id.clone(),
        title: if options.title.trim().is_empty() {
            measure.name.clone()
        } else {
            options.title.clone()
        },
        subtitle: format!(
            "{} · {} · {}",
            measure.name,
            unit_title(&measure.unit),
            direction_words(measure)
        ),
        footnote,
        unit: measure.unit.clone(),
        y_title: unit_title(&measure.unit),
        x_range,
        y_range,
        x_ticks,
        y_ticks,
        series,
        targets,
        trajectory: traj.map(|t| [t.start, t.end]),
        band: traj.map(|t| {
            let low = |v: f64| if non_negative { v.max(0.0) } else { v };
            [
                (
                    t.start.0,
                    low(t.start.1 - t.tolerance),
                    t.start.1 + t.tolerance,
                ),
                (t.end.0, low(t.end.1 - t.tolerance), t.end.1 + t.tolerance),
            ]
        }),
        projection: proj,
        events,
        legend,
        assessment,
        verdict,
        verdict_text,
    }
}

fn min_max(v: &[f64]) -> Option<(f64, f64)> {
    let mut it = v.iter().copied().filter(|x| x.is_finite());
    let first = it.next()?;
    Some(it.fold((first, first), |(a, b), x| (a.min(x), b.max(x))))
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
            label: format::value_short(v, unit),
        });
        i += 1;
    }
    (ticks, (start, end))
}

/// Time ticks for `range`: financial years ("2023/24"), years, quarters or months,
/// whichever fits the span and the measure's periods.
pub fn time_ticks(range: (f64, f64), measure: &Measure, financial: bool) -> Vec<Tick> {
    let span = range.1 - range.0;
    let mut ticks = Vec::new();
    let first_year = range.0.floor() as i32 - 1;
    let last_year = range.1.ceil() as i32 + 1;
    let quarterly = measure.observations.iter().any(|o| {
        matches!(
            o.period,
            Period::Quarter { .. } | Period::FinancialQuarter { .. }
        )
    });
    let monthly = measure
        .observations
        .iter()
        .any(|o| matches!(o.period, Period::Month { .. } | Period::Date(_)));
    // A tick for the period, at its start or its midpoint.
    let mut push = |p: Period, at_start: bool| {
        let x = if at_start {
            crate::model::decimal_year_of(p.start())
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
    // Values pooled over runs of years ("2018–20") are marked by their own runs, in place of
    // the year ticks beside them (a year tick under such a point would name only its middle
    // year); the rest of the axis (on to the targets) keeps its year ticks.
    let mut runs: Vec<Period> = measure
        .observations
        .iter()
        .map(|o| o.period)
        .filter(|p| matches!(p, Period::Years { .. }))
        .collect();
    let only_runs = !runs.is_empty() && runs.len() == measure.observations.len();
    runs.sort_by_key(|p| (p.start(), p.end()));
    runs.dedup();
    if span <= 2.5 && monthly {
        let step = if span <= 1.0 { 1 } else { 3 };
        for y in first_year..=last_year {
            for m in (1..=12).step_by(step) {
                push(Period::Month { year: y, month: m }, false);
            }
        }
    } else if span <= 4.0 && quarterly {
        for y in first_year..=last_year {
            for q in 1..=4 {
                if financial {
                    push(
                        Period::FinancialQuarter {
                            start_year: y,
                            quarter: q,
                        },
                        false,
                    );
                } else {
                    push(
                        Period::Quarter {
                            year: y,
                            quarter: q,
                        },
                        false,
                    );
                }
            }
        }
    } else {
        let per = if financial { 7.0 } else { 9.0 };
        let step = (span / per).ceil().max(1.0) as i32;
        let step = [1, 2, 4, 5, 10, 20, 50]
            .into_iter()
            .find(|s| *s >= step)
            .unwrap_or(step);
        // Dated, monthly and quarterly values sit through the year, so their
        // calendar-year ticks mark 1 January; yearly and financial-year values
        // sit mid-year, and so do their ticks.
        let through_the_year = measure.observations.iter().any(|o| {
            matches!(
                o.period,
                Period::Date(_) | Period::Month { .. } | Period::Quarter { .. }
            )
        });
        let mut y = first_year - first_year.rem_euclid(step);
        while y <= last_year {
            if financial {
                push(Period::FinancialYear(y), false);
            } else {
                push(Period::Year(y), through_the_year);
            }
            y += step;
        }
    }
    if only_runs {
        let at: Vec<f64> = runs.iter().map(Period::decimal_year).collect();
        ticks.retain(|t| at.iter().all(|x| (t.value - x).abs() >= 1.5));
        // Overlapping runs (2016–18, 2017–19, …) crowd: beyond eight, every other one or fewer.
        for p in runs.into_iter().step_by(at.len().div_ceil(8).max(1)) {
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
    ticks
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
    let mut out = Vec::with_capacity(width * 2 + 2);
    let mut i = 0;
    while i < points.len() {
        let col = (((points[i].0 - x0) / span) * (width - 1) as f64) as usize;
        let mut lo = points[i];
        let mut hi = points[i];
        let mut j = i;
        while j < points.len()
            && ((((points[j].0 - x0) / span) * (width - 1) as f64) as usize) == col
        {
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
    let mut obs: Vec<&crate::model::Observation> = m
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

/// The data table as tab-separated text (for "Copy table").
/// The name of a measure's own series in legends and tables: the place, taken from the
/// organisation ("Luton Borough Council" gives "Luton"), or "This area" without one.
pub fn main_series_name(project: &Project) -> String {
    let org = project.programme.organisation.trim();
    let place = [
        " Metropolitan Borough Council",
        " Borough Council",
        " City Council",
        " County Council",
        " District Council",
        " Council",
    ]
    .iter()
    .find_map(|suffix| org.strip_suffix(suffix))
    .unwrap_or(org)
    .trim();
    if place.is_empty() {
        "This area".into()
    } else {
        place.to_string()
    }
}

pub fn table_tsv(project: &Project, m: &Measure) -> String {
    let mut out = String::from("Series\tPeriod\tValue\tStatus\tSource\tNote\n");
    let main = main_series_name(project);
    let series = std::iter::once((main.as_str(), &m.observations)).chain(
        m.comparators
            .iter()
            .map(|c| (c.name.as_str(), &c.observations)),
    );
    for (name, observations) in series {
        let mut obs: Vec<&crate::model::Observation> = observations.iter().collect();
        obs.sort_by(|a, b| a.period.decimal_year().total_cmp(&b.period.decimal_year()));
        for o in obs {
            let src = o
                .source
                .as_deref()
                .map(|id| project.source(id).map(|s| s.title.as_str()).unwrap_or(id))
                .unwrap_or("");
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                name.replace(['\t', '\n'], " "),
                o.period.label(),
                o.value,
                status_word(o.status),
                src.replace(['\t', '\n'], " "),
                o.note.replace(['\t', '\n'], " ")
            ));
        }
    }
    out
}

/// Is `v` a possible value in `unit`? Err says why not.
pub fn check_value(v: f64, unit: &Unit) -> Result<(), String> {
    if !v.is_finite() {
        return Err("not a number".into());
    }
    match unit {
        Unit::Percent if !(0.0..=100.0).contains(&v) => Err(format!(
            "{v}% is not possible: a percentage is between 0 and 100"
        )),
        Unit::Count | Unit::Households | Unit::People | Unit::Children | Unit::Homes if v < 0.0 => {
            Err(format!("{} cannot be negative", format::unit_name(unit)))
        }
        Unit::Households | Unit::People | Unit::Children | Unit::Homes if v.fract() != 0.0 => Err(
            format!("{} are counted in whole numbers", format::unit_name(unit)),
        ),
        _ => Ok(()),
    }
}

/// Read a value typed by a person ("1,078", "12.5%", "£3.5m").
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
            crate::format::unit_name(unit)
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
    let v: f64 = t
        .parse()
        .map_err(|_| format!("{:?} is not a number", text.trim()))?;
    check_value(v, unit)?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Observation, Target};

    fn measure(periods: &[&str]) -> Measure {
        Measure {
            id: "m".into(),
            name: "Households in TA".into(),
            unit: Unit::Households,
            direction: crate::model::Direction::LowerIsBetter,
            observations: periods
                .iter()
                .enumerate()
                .map(|(i, p)| Observation {
                    period: p.parse().unwrap(),
                    value: 1000.0 + i as f64 * 10.0,
                    ..Default::default()
                })
                .collect(),
            targets: vec![Target {
                year: 2040,
                value: 500.0,
                ..Default::default()
            }],
            tolerance_percent: 10.0,
            ..Default::default()
        }
    }

    #[test]
    fn financial_year_axis_is_labelled_in_financial_years() {
        let m = measure(&["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]);
        let c = build(&Project::default(), &m, &ChartOptions::default());
        assert!(
            c.x_ticks.iter().any(|t| t.label == "2024/25"),
            "{:?}",
            c.x_ticks
        );
        assert!(c.x_ticks.iter().all(|t| t.label.contains('/')));
        assert!(c.x_range.0 < 2020.0 && c.x_range.1 > 2040.0);
        assert_eq!(c.y_range.0, 0.0);
        assert!(c.y_ticks.iter().any(|t| t.label == "1,000"));
    }

    #[test]
    fn quarterly_series_over_a_short_span_gets_quarter_ticks() {
        let mut m = measure(&["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"]);
        m.targets.clear();
        // The recent trend runs to the horizon: keep that near for a short span.
        let mut p = Project::default();
        p.programme.horizon_year = 2024;
        let c = build(&p, &m, &ChartOptions::default());
        let labels: Vec<&str> = c.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"Q2 2023"), "{labels:?}");
    }

    #[test]
    fn values_pooled_over_years_are_marked_by_their_runs() {
        let c = build(
            &Project::default(),
            &measure(&["2015-2017", "2018-2020"]),
            &ChartOptions::default(),
        );
        let labels: Vec<&str> = c.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(
            labels.contains(&"2015–17") && labels.contains(&"2018–20"),
            "{labels:?}"
        );
        assert!(
            !labels.contains(&"2019"),
            "no year tick under a run: {labels:?}"
        );
        let run = c.x_ticks.iter().find(|t| t.label == "2018–20").unwrap();
        assert!((run.value - 2019.5).abs() < 0.01, "at the run's middle");
        // The way on to the 2040 target keeps its year ticks.
        assert!(
            labels
                .iter()
                .any(|l| l.parse::<i32>().is_ok_and(|y| y > 2025)),
            "{labels:?}"
        );
    }

    #[test]
    fn year_ticks_mark_1_january_for_values_through_the_year() {
        let at = |c: &Chart, label: &str| {
            c.x_ticks
                .iter()
                .find(|t| t.label == label)
                .unwrap_or_else(|| panic!("no {label} tick in {:?}", c.x_ticks))
                .value
        };
        let p = Project::default();
        // Monthly, quarterly and dated values over years: 2032 at 1 January.
        for periods in [
            &["2020-03", "2021-06", "2022-09"][..],
            &["2020-Q1", "2021-Q2", "2022-Q3"][..],
            &["2020-03-31", "2021-06-30", "2022-09-30"][..],
        ] {
            let c = build(&p, &measure(periods), &ChartOptions::default());
            assert_eq!(at(&c, "2032"), 2032.0, "{periods:?}");
        }
        // Yearly values sit mid-year, and so do their ticks.
        let c = build(
            &p,
            &measure(&["2020", "2021", "2022"]),
            &ChartOptions::default(),
        );
        assert!((at(&c, "2032") - 2032.5).abs() < 0.01);
    }

    #[test]
    fn start_at_zero_can_be_turned_off() {
        let m = measure(&["2020", "2021", "2022"]);
        let opts = ChartOptions {
            start_at_zero: false,
            ..Default::default()
        };
        let c = build(&Project::default(), &m, &opts);
        assert!(c.y_range.0 > 0.0, "{:?}", c.y_range);
    }

    #[test]
    fn chart_has_trajectory_band_projection_and_legend() {
        let m = measure(&["2020", "2021", "2022"]);
        let c = build(&Project::default(), &m, &ChartOptions::default());
        assert!(c.trajectory.is_some() && c.band.is_some() && c.projection.is_some());
        let names: Vec<&str> = c.legend.iter().map(|l| l.name.as_str()).collect();
        assert!(names.contains(&"Trajectory to target") && names.contains(&"Recent trend"));
        assert_eq!(c.title, "Households in TA");
    }

    #[test]
    fn recent_trend_runs_to_the_horizon_even_without_a_target() {
        let mut m = measure(&["2020", "2021", "2022"]);
        let p = Project::default();
        assert_eq!(p.programme.horizon_year, 2040);
        // A 2030 target: the trend still runs on to the 2040 horizon, and the axis fits it.
        m.targets[0].year = 2030;
        let c = build(&p, &m, &ChartOptions::default());
        let [a, b] = c.projection.unwrap();
        assert!((a.0 - 2022.5).abs() < 0.01, "{a:?}");
        assert!((b.0 - 2040.5).abs() < 0.01, "{b:?}");
        assert!((b.1 - 1200.0).abs() < 0.1, "{b:?}");
        assert!(c.x_range.1 > b.0 && c.y_range.1 >= b.1, "{c:?}");
        assert!(matches!(c.verdict, Verdict::OffTrack { year_met: None }));
        // A target after the horizon: the trend runs to the target's year.
        m.targets[0].year = 2045;
        let c = build(&p, &m, &ChartOptions::default());
        assert!((c.projection.unwrap()[1].0 - 2045.5).abs() < 0.01);
        // No target: the trend is still drawn to the horizon, with no verdict on it.
        m.targets.clear();
        let c = build(&p, &m, &ChartOptions::default());
        let [_, b] = c.projection.unwrap();
        assert!((b.0 - 2040.5).abs() < 0.01, "{b:?}");
        assert!(c.x_range.1 > b.0);
        assert!(c.legend.iter().any(|l| l.name == "Recent trend"));
        assert_eq!(c.verdict, Verdict::NoTarget);
        assert_eq!(c.verdict_text, "No target set");
    }

    #[test]
    fn the_main_series_is_named_after_the_place() {
        let mut p = Project::default();
        assert_eq!(main_series_name(&p), "This area");
        p.programme.organisation = "Luton Borough Council".into();
        assert_eq!(main_series_name(&p), "Luton");
        p.programme.organisation = "Leeds City Council".into();
        assert_eq!(main_series_name(&p), "Leeds");
        p.programme.organisation = "Greater Manchester Combined Authority".into();
        assert_eq!(
            main_series_name(&p),
            "Greater Manchester Combined Authority"
        );
    }

    #[test]
    fn symbols_are_accepted_only_where_they_fit_the_unit() {
        assert_eq!(parse_value("12.5%", &Unit::Percent), Ok(12.5));
        assert_eq!(parse_value("1,078", &Unit::Households), Ok(1078.0));
        assert_eq!(parse_value("£3.5m", &Unit::PoundsMillion), Ok(3.5));
        assert_eq!(parse_value("£1,200", &Unit::Pounds), Ok(1200.0));
        for (text, unit) in [
            ("5%", Unit::Households),
            ("£3.5m", Unit::Pounds),
            ("£12", Unit::Percent),
            ("40%", Unit::PoundsMillion),
        ] {
            let e = parse_value(text, &unit).unwrap_err();
            assert!(e.contains("does not fit the unit"), "{text}: {e}");
        }
    }

    #[test]
    fn a_steep_trend_stops_at_a_ceiling() {
        // A rate rising 20 points a year would pass 100% long before 2040.
        let mut m = measure(&["2020", "2021", "2022"]);
        m.unit = Unit::Percent;
        for (i, o) in m.observations.iter_mut().enumerate() {
            o.value = 30.0 + 20.0 * i as f64;
        }
        m.targets[0].value = 10.0;
        let c = build(&Project::default(), &m, &ChartOptions::default());
        let [_, end] = c.projection.unwrap();
        assert!((end.1 - 100.0).abs() < 1e-9, "{end:?}");
        assert!(
            end.0 < 2040.0,
            "the line stops where it meets 100%: {end:?}"
        );
        // A count carried far stops at half as much again as its highest value.
        let mut m = measure(&["2020", "2021", "2022"]);
        for (i, o) in m.observations.iter_mut().enumerate() {
            o.value = 1000.0 + 500.0 * i as f64;
        }
        let c = build(&Project::default(), &m, &ChartOptions::default());
        let [_, end] = c.projection.unwrap();
        assert!((end.1 - 3000.0).abs() < 1e-6, "{end:?}");
        assert!(c.y_range.1 < 4000.0, "{c:?}");
    }

    #[test]
    fn hidden_legend_entries_are_left_out() {
        let m = measure(&["2020", "2021", "2022"]);
        let opts = ChartOptions {
            hidden: vec!["Recent trend".into(), "Targets".into()],
            ..Default::default()
        };
        let c = build(&Project::default(), &m, &opts);
        assert!(c.projection.is_none() && c.targets.is_empty());
        assert!(c.legend.iter().all(|l| l.name != "Recent trend"));
        assert!(c.trajectory.is_some());
    }

    #[test]
    fn values_are_checked_against_the_unit() {
        assert!(parse_value("140", &Unit::Percent).is_err());
        assert!(parse_value("-3", &Unit::Households).is_err());
        assert_eq!(parse_value("1,078", &Unit::Households), Ok(1078.0));
        assert_eq!(parse_value("12.5%", &Unit::Percent), Ok(12.5));
        assert!(parse_value("abc", &Unit::Percent).is_err());
    }

    #[test]
    fn decimation_keeps_extremes() {
        let pts: Vec<(f64, f64)> = (0..1000).map(|i| (i as f64, (i % 7) as f64)).collect();
        let d = decimate(&pts, 50);
        assert!(d.len() <= 102);
        assert!(d.iter().any(|p| p.1 == 6.0) && d.iter().any(|p| p.1 == 0.0));
    }
}
