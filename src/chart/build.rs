//! Building a [`Chart`] from a measure: its series, markers, lines, ranges, ticks,
//! legend and footnote.

use super::axis::{TimeAxis, time_ticks, value_ticks};
use super::legend::{self, LegendItem};
use super::{
    Chart, ChartOptions, ChartPoint, EventMarker, MAIN, Series, TargetMarker, comparator_colour,
    main_series_name, source_title, unit_title,
};
use crate::format;
use crate::model::{Direction, Measure, Observation, Project, TargetKind, Unit, ValueStatus};
use crate::status::{self, Trajectory};

/// Build the chart for `measure` of `project`.
pub fn build(project: &Project, measure: &Measure, options: &ChartOptions) -> Chart {
    let mut series = vec![Series {
        name: main_series_name(project),
        colour: MAIN,
        points: points(project, &measure.observations),
        main: true,
    }];
    for (i, c) in measure.comparators.iter().enumerate() {
        series.push(Series {
            name: c.name.clone(),
            colour: comparator_colour(i),
            points: points(project, &c.observations),
            main: false,
        });
    }
    let targets = target_markers(measure);
    let traj = status::trajectory(measure);
    let proj = projection_line(project, measure);
    let events: Vec<EventMarker> = measure
        .annotations
        .iter()
        .map(|a| EventMarker {
            x: a.period.decimal_year(),
            label: a.label.clone(),
            note: a.note.clone(),
        })
        .collect();
    let non_negative = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.y))
        .chain(targets.iter().map(|t| t.y))
        .all(|v| v >= 0.0);
    let ranges = Ranges::fit(&series, &targets, &events, traj.as_ref(), proj, project);
    let x_range = ranges.x_range();
    let (y_ticks, y_range) = ranges.y_axis(non_negative, options.start_at_zero, &measure.unit);
    let time_axis = TimeAxis::of(measure);
    let x_ticks = time_ticks(x_range, &time_axis);

    let statuses: Vec<ValueStatus> = series[0].points.iter().map(|p| p.status).collect();
    let legend = legend::entries(
        legend::Contents {
            main_name: &series[0].name,
            statuses: &statuses,
            comparators: series[1..]
                .iter()
                .map(|s| (s.name.clone(), s.colour))
                .collect(),
            targets: !targets.is_empty(),
            trajectory: traj.is_some(),
            projection: proj.is_some(),
            events: !events.is_empty(),
        },
        &options.hidden,
    );
    let footnote = footnote(project, measure, &series[0]);
    let band = traj.map(|t| band(&t, non_negative));
    let mut chart = Chart {
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
            direction_words(measure.direction)
        ),
        footnote,
        unit: measure.unit.clone(),
        y_title: unit_title(&measure.unit),
        x_range,
        y_range,
        x_ticks,
        y_ticks,
        time_axis,
        series,
        targets,
        trajectory: traj.map(|t| [t.start, t.end]),
        band,
        projection: proj,
        events,
        legend,
        assessment: status::assess(measure),
        verdict: status::verdict(measure),
        verdict_text: status::verdict(measure).text(status::final_target(measure).map(|t| t.year)),
    };
    leave_out_hidden(&mut chart, options);
    chart
}

/// The finite values of `obs`, sorted by time.
fn points(project: &Project, obs: &[Observation]) -> Vec<ChartPoint> {
    let mut pts: Vec<ChartPoint> = obs
        .iter()
        .filter(|o| o.value.is_finite())
        .map(|o| ChartPoint {
            x: o.period.decimal_year(),
            y: o.value,
            status: o.status,
            period: o.period.label(),
            source: source_title(project, o.source.as_deref()),
            note: o.note.clone(),
        })
        .collect();
    pts.sort_by(|a, b| a.x.total_cmp(&b.x));
    pts
}

/// The targets and milestones, in time order, each labelled with its year or label and value.
fn target_markers(measure: &Measure) -> Vec<TargetMarker> {
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
    targets
}

/// The recent trend as a line from the latest value on, stopped at zero and at a ceiling.
fn projection_line(project: &Project, measure: &Measure) -> Option<[(f64, f64); 2]> {
    // The recent trend is carried to the programme's horizon (or to the final
    // target's year when that is later), with or without a target; the verdict
    // on it is given only when there is a target.
    let horizon = status::target_x(measure, project.programme.horizon_year);
    let horizon = status::final_target(measure)
        .map(|t| status::target_x(measure, t.year).max(horizon))
        .unwrap_or(horizon);
    let p = status::projection(measure, horizon).filter(|p| p.to > p.from)?;
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
        Unit::Percent => 100.0_f64.min(highest.max(0.0) * 1.5),
        _ => highest * 1.5,
    };
    if ceiling.is_finite() && ceiling > 0.0 && end.1 > ceiling && p.slope > 0.0 {
        end = ((ceiling - p.intercept) / p.slope, ceiling);
    }
    Some([(p.from, p.at(p.from)), end])
}

/// The tolerance band as (x, low, high) at the trajectory's two ends, kept at or above zero
/// for values that cannot be negative.
fn band(t: &Trajectory, non_negative: bool) -> [(f64, f64, f64); 2] {
    let low = |v: f64| if non_negative { v.max(0.0) } else { v };
    [
        (
            t.start.0,
            low(t.start.1 - t.tolerance),
            t.start.1 + t.tolerance,
        ),
        (t.end.0, low(t.end.1 - t.tolerance), t.end.1 + t.tolerance),
    ]
}

/// Everything the axes must hold.
struct Ranges {
    xs: Vec<f64>,
    ys: Vec<f64>,
    horizon: f64,
}

impl Ranges {
    fn fit(
        series: &[Series],
        targets: &[TargetMarker],
        events: &[EventMarker],
        traj: Option<&Trajectory>,
        proj: Option<[(f64, f64); 2]>,
        project: &Project,
    ) -> Ranges {
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
        if let Some(t) = traj {
            xs.extend([t.start.0, t.end.0]);
            ys.extend([
                t.start.1 + t.tolerance,
                t.start.1 - t.tolerance,
                t.end.1 + t.tolerance,
                t.end.1 - t.tolerance,
            ]);
        }
        if let Some(p) = proj {
            xs.extend([p[0].0, p[1].0]);
            ys.extend([p[0].1, p[1].1]);
        }
        Ranges {
            xs,
            ys,
            horizon: project.programme.horizon_year as f64,
        }
    }

    /// The time range, with a little room either side.
    fn x_range(&self) -> (f64, f64) {
        let (mut x0, mut x1) = min_max(&self.xs).unwrap_or((2020.0, self.horizon));
        if x1 - x0 < 1.0 {
            x0 -= 0.5;
            x1 += 0.5;
        }
        let pad = (x1 - x0) * 0.03;
        (x0 - pad, x1 + pad)
    }

    /// The value ticks and range: from zero when asked (and the values allow it), never
    /// below zero for values that cannot be negative.
    fn y_axis(
        &self,
        non_negative: bool,
        start_at_zero: bool,
        unit: &Unit,
    ) -> (Vec<super::Tick>, (f64, f64)) {
        let (mut y0, mut y1) = min_max(&self.ys).unwrap_or((0.0, 1.0));
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

fn direction_words(d: Direction) -> &'static str {
    match d {
        Direction::HigherIsBetter => "higher is better",
        Direction::LowerIsBetter => "lower is better",
    }
}

/// The sources of the values shown, and what hollow points mean when there are any.
fn footnote(project: &Project, measure: &Measure, main: &Series) -> String {
    let mut sources: Vec<String> = Vec::new();
    let ids = measure
        .observations
        .iter()
        .map(|o| &o.source)
        .chain(
            measure
                .comparators
                .iter()
                .flat_map(|c| c.observations.iter().map(|o| &o.source)),
        )
        .chain(measure.targets.iter().map(|t| &t.source));
    for id in ids {
        let t = source_title(project, id.as_deref());
        if !t.is_empty() && !sources.contains(&t) {
            sources.push(t);
        }
    }
    let mut footnote = if sources.is_empty() {
        "Source: not recorded".to_string()
    } else {
        format!("Source: {}", sources.join("; "))
    };
    if main.points.iter().any(|p| !p.is_measured()) {
        footnote.push_str(". Hollow points and dashed lines are not measured values");
    }
    footnote
}

/// Leave out what the user switched off in the legend (the axes stay as they were).
fn leave_out_hidden(c: &mut Chart, options: &ChartOptions) {
    let hides = |item| options.hides(item);
    for (i, s) in c.series.iter_mut().enumerate() {
        let item = if s.main {
            LegendItem::Main
        } else {
            LegendItem::Comparator(i - 1)
        };
        if hides(item) {
            s.points.clear();
        }
    }
    c.series[0]
        .points
        .retain(|p| p.is_measured() || !hides(LegendItem::Status(p.status)));
    if hides(LegendItem::Targets) {
        c.targets.clear();
    }
    if hides(LegendItem::Trajectory) {
        c.trajectory = None;
        c.band = None;
    }
    if hides(LegendItem::Projection) {
        c.projection = None;
    }
    if hides(LegendItem::Events) {
        c.events.clear();
    }
}
