//! Unit tests of the chart content.

use super::*;
use crate::model::{Measure, Observation, Target};
use crate::status::Verdict;

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
fn recent_trend_goes_as_far_ahead_as_its_values_reach_back() {
    let mut m = measure(&["2020", "2021", "2022"]);
    let p = Project::default();
    assert_eq!(p.programme.horizon_year, 2040);
    // Three yearly values rising ten a year: the line goes two years on, not to 2040.
    m.targets[0].year = 2030;
    let c = build(&p, &m, &ChartOptions::default());
    let [a, b] = c.projection.unwrap();
    assert!((a.0 - 2022.5).abs() < 0.01, "{a:?}");
    assert!((b.0 - 2024.5).abs() < 0.01, "{b:?}");
    assert!((b.1 - 1040.0).abs() < 0.1, "{b:?}");
    assert!(c.x_range.1 > b.0 && c.y_range.1 >= b.1, "{c:?}");
    assert_eq!(c.verdict, Verdict::MovingAway);
    // No target: the trend is still drawn, with no verdict on it.
    m.targets.clear();
    let c = build(&p, &m, &ChartOptions::default());
    assert!(c.projection.is_some());
    assert!(c.legend.iter().any(|l| l.item == LegendItem::Projection));
    assert_eq!(c.verdict, Verdict::NoTarget);
    assert_eq!(c.verdict_text, "", "the badge says it: no target");
}

#[test]
fn the_time_axis_fits_the_values_and_the_next_target_unless_asked_for_the_horizon() {
    // Three TA values in 2023-24, a 2025 milestone and a 2040 target.
    let mut m = measure(&["2023-09-30", "2024-03-31", "2024-09-30"]);
    m.targets = vec![
        Target {
            year: 2025,
            value: 900.0,
            kind: crate::model::TargetKind::Milestone,
            ..Default::default()
        },
        Target {
            year: 2040,
            value: 500.0,
            ..Default::default()
        },
    ];
    let p = Project::default();
    let c = build(&p, &m, &ChartOptions::default());
    assert!(
        c.x_range.0 > 2023.0 && c.x_range.0 < 2023.75,
        "{:?}",
        c.x_range
    );
    assert!(
        c.x_range.1 > 2025.5 && c.x_range.1 < 2026.5,
        "{:?}",
        c.x_range
    );
    // The values fill most of the width, not a tenth of it.
    let span = c.x_range.1 - c.x_range.0;
    assert!((2024.75 - 2023.75) / span > 0.3, "{:?}", c.x_range);
    let c = build(
        &p,
        &m,
        &ChartOptions {
            to_horizon: true,
            ..Default::default()
        },
    );
    assert!(c.x_range.1 > 2040.5, "{:?}", c.x_range);
    // Values only within the time shown set the value axis: the 2040 target is off it.
    let fitted = build(&p, &m, &ChartOptions::default());
    assert!(fitted.targets.iter().any(|t| t.year == 2040));
    assert!(fitted.y_range.1 >= 1020.0);

    // A second target a few years on is shown beside the next one (the sample's TA slide
    // speaks of "under 500 by 2027" beside the 2025 halving); the 2040 one stays off.
    m.targets.insert(
        1,
        Target {
            year: 2027,
            value: 500.0,
            ..Default::default()
        },
    );
    let c = build(&p, &m, &ChartOptions::default());
    assert!(
        c.x_range.1 > 2027.5 && c.x_range.1 < 2029.0,
        "{:?}",
        c.x_range
    );
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
    // A Welsh county borough, and a bilingual name.
    p.programme.organisation = "Wrexham County Borough Council".into();
    assert_eq!(main_series_name(&p), "Wrexham");
    p.programme.organisation =
        "Cyngor Bwrdeistref Sirol Rhondda Cynon Taf / Rhondda Cynon Taf County Borough Council"
            .into();
    assert_eq!(main_series_name(&p), "Rhondda Cynon Taf");
    // The file can name its own series.
    p.programme.area = "RCT".into();
    assert_eq!(main_series_name(&p), "RCT");
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
        hidden: vec![LegendItem::Projection, LegendItem::Targets],
        ..Default::default()
    };
    let c = build(&Project::default(), &m, &opts);
    assert!(c.projection.is_none() && c.targets.is_empty());
    assert!(c.shown_legend().all(|l| l.item != LegendItem::Projection));
    assert!(
        c.legend
            .iter()
            .any(|l| l.item == LegendItem::Projection && !l.shown)
    );
    assert!(c.trajectory.is_some());
}

#[test]
fn decimation_keeps_extremes() {
    let pts: Vec<(f64, f64)> = (0..1000).map(|i| (i as f64, (i % 7) as f64)).collect();
    let d = decimate(&pts, 50);
    assert!(d.len() <= 102);
    assert!(d.iter().any(|p| p.1 == 6.0) && d.iter().any(|p| p.1 == 0.0));
}
