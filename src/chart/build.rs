//! Building a [`Chart`] from a measure: its series, markers, lines, ranges, ticks,
//! legend and footnote.

use super::axis::{TimeAxis, time_ticks};
use super::extent::Drawn;
use super::footnote;
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
    let drawn = Drawn {
        series: &series,
        targets: &targets,
        events: &events,
        trajectory: traj.as_ref(),
        projection: proj,
    };
    let horizon = status::target_x(measure, project.programme.horizon_year);
    let x_range = drawn.x_range(options.to_horizon, horizon);
    let (y_ticks, y_range) =
        drawn.y_axis(x_range, non_negative, options.start_at_zero, &measure.unit);
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
            targets: targets.iter().any(|t| t.kind == TargetKind::Target),
            milestones: targets.iter().any(|t| t.kind == TargetKind::Milestone),
            trajectory: traj.is_some(),
            projection: proj.is_some(),
            events: !events.is_empty(),
        },
        &options.hidden,
    );
    let footnote = footnote::text(project, measure, &series[0], proj.is_some());
    let assessment = status::assess(measure);
    let verdict = status::verdict(measure);
    let band = traj.map(|t| band(&t, non_negative));
    let mut chart = Chart {
        measure_id: measure.id.clone(),
        title: if options.title.trim().is_empty() {
            measure.name.clone()
        } else {
            options.title.clone()
        },
        subtitle: subtitle(measure, options),
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
        verdict_text: verdict_words(measure, &assessment, verdict),
        assessment,
        verdict,
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
            // The year and value always, beside the target's own words when it has them.
            let label = if t.label.is_empty() {
                format!("{} {kind}: {}", t.year, v(t.value))
            } else {
                format!("{} ({}): {}", t.label.trim(), t.year, v(t.value))
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

/// What the recent trend says, or nothing when the status badge already says it ("No
/// target", "No trend yet").
fn verdict_words(measure: &Measure, a: &status::Assessment, v: status::Verdict) -> String {
    use status::Verdict;
    match v {
        Verdict::NoData | Verdict::NoTarget | Verdict::TooFewValues if a.rag.is_none() => {
            String::new()
        }
        v => v.text(status::final_target(measure).map(|t| t.year)),
    }
}

/// "Households · lower is better", led by the measure's name when the title is not it.
fn subtitle(measure: &Measure, options: &ChartOptions) -> String {
    let unit = unit_title(&measure.unit);
    let direction = direction_words(measure.direction);
    let title = options.title.trim();
    if title.is_empty() || title == measure.name {
        format!("{unit} · {direction}")
    } else {
        format!("{} · {unit} · {direction}", measure.name)
    }
}

fn direction_words(d: Direction) -> &'static str {
    match d {
        Direction::HigherIsBetter => "higher is better",
        Direction::LowerIsBetter => "lower is better",
    }
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
    c.targets.retain(|t| {
        !hides(match t.kind {
            TargetKind::Target => LegendItem::Targets,
            TargetKind::Milestone => LegendItem::Milestones,
        })
    });
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
