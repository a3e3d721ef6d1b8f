//! Unit tests of the status rule and the recent trend.

use super::*;
use crate::model::{Baseline, Observation, Target, Unit};

fn obs(p: &str, v: f64) -> Observation {
    Observation {
        period: p.parse().unwrap(),
        value: v,
        ..Default::default()
    }
}

fn measure<P: AsRef<str>>(points: &[(P, f64)], target: Option<(i32, f64)>) -> Measure {
    Measure {
        id: "m".into(),
        name: "M".into(),
        unit: Unit::Percent,
        direction: Direction::LowerIsBetter,
        observations: points.iter().map(|(p, v)| obs(p.as_ref(), *v)).collect(),
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
    // Three years of values do not reach eight years ahead: only the direction is said.
    assert_eq!(verdict(&m), Verdict::TooFarAhead { improving: true });
    // Seven years falling by one a year, the last five fitted: they reach four years
    // ahead, to the 2026 target, which is met in time.
    let m = measure(
        &yearly(2016, &[24.0, 23.0, 22.0, 21.0, 20.0, 19.0, 18.0]),
        Some((2026, 14.0)),
    );
    assert_eq!(verdict(&m), Verdict::OnTrack { year_met: 2026 });
    let f = fit(&m).unwrap();
    assert_eq!(
        (f.count, f.frequency, f.clear),
        (5, Frequency::Yearly, true)
    );
    assert!((f.reach() - 2026.5).abs() < 0.01, "{f:?}");
}

/// Yearly values from `start`, as (period, value) pairs.
fn yearly(start: i32, values: &[f64]) -> Vec<(String, f64)> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| ((start + i as i32).to_string(), *v))
        .collect()
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
    assert_eq!(verdict(&m), Verdict::TooFarAhead { improving: true });
    // Falling a quarter point a year for seven years: the 2025 target (18.6) is met in
    // 2026, within the four years the fit reaches.
    let values: Vec<f64> = (0..7).map(|i| 21.0 - 0.25 * i as f64).collect();
    let m = measure(&yearly(2016, &values), Some((2025, 18.6)));
    assert_eq!(
        verdict(&m),
        Verdict::OffTrack {
            year_met: Some(2026)
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
    assert_eq!(verdict(&m), Verdict::MovingAway);
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
    let m = measure::<&str>(&[], Some((2030, 10.0)));
    assert_eq!(assess(&m).status, TrackStatus::NoData);
    assert_eq!(assess(&m).rag, None);
    assert_eq!(verdict(&m), Verdict::NoData);
    let m = measure(&[("2020", 20.0)], None);
    assert_eq!(assess(&m).status, TrackStatus::NoData);
    assert_eq!(assess(&m).badge(), "○ No target");
    assert_eq!(assess(&measure::<&str>(&[], None)).badge(), "○ No data");
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
    // Three scattered values: no trend clear of the noise, so no year is claimed.
    assert_eq!(verdict(&m), Verdict::NoClearTrend);
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
    let mut m = measure::<&str>(&[], None);
    m.status_override = set(Rag::Green);
    assert_eq!(assess(&m).status, TrackStatus::OnTrack);
}

#[test]
fn financial_year_targets_sit_on_the_year_ending_in_them() {
    let mut m = measure(&[("2023/24", 10.0)], Some((2040, 5.0)));
    m.unit = Unit::Households;
    assert!((target_x(&m, 2040) - 2040.0).abs() < 0.3);
}

/// Monthly values from January `start` by `f(month index)`.
fn monthly(start: i32, months: usize, f: impl Fn(usize) -> f64) -> Vec<(String, f64)> {
    (0..months)
        .map(|i| {
            let (y, m) = (start + (i / 12) as i32, i % 12 + 1);
            (format!("{y}-{m:02}"), f(i))
        })
        .collect()
}

/// A repeatable noise in -1..1.
fn noise(i: usize) -> f64 {
    let x = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((x >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
}

#[test]
fn monthly_data_needs_a_year_and_is_fitted_over_whole_years() {
    let falling = |i: usize| 5000.0 - 10.0 * i as f64;
    // Eight months: too little history for a monthly trend.
    let m = measure(&monthly(2024, 8, falling), Some((2030, 4000.0)));
    assert_eq!(
        fit(&m),
        Err(NoFit::TooLittle {
            values: 8,
            frequency: Frequency::Monthly
        })
    );
    assert_eq!(verdict(&m), Verdict::TooFewValues);
    assert!(projection(&m, 2040.0).is_none());
    // Eight years of monthly values: the last three whole years are fitted, and the line
    // goes three years ahead, not to the horizon.
    let m = measure(&monthly(2017, 96, falling), Some((2040, 100.0)));
    let f = fit(&m).unwrap();
    assert_eq!((f.count, f.frequency), (36, Frequency::Monthly));
    assert!((f.slope + 120.0).abs() < 0.5, "{f:?}");
    let p = projection(&m, 2040.5).unwrap();
    assert!((p.to - p.from - 35.0 / 12.0).abs() < 0.01, "{p:?}");
    assert_eq!(verdict(&m), Verdict::TooFarAhead { improving: true });
    assert_eq!(f.window_words(), "the last 3 years of values");
    // A year and a half: one whole year fitted.
    let m = measure(&monthly(2023, 18, falling), Some((2040, 100.0)));
    assert_eq!(fit(&m).unwrap().count, 12);
}

#[test]
fn a_seasonal_series_is_judged_by_its_trend_not_its_season() {
    // Library visits: a strong summer peak on a slow decline of 2 a month (24 a year).
    let seasonal = |i: usize| {
        3000.0 - 2.0 * i as f64 + 400.0 * (std::f64::consts::TAU * (i % 12) as f64 / 12.0).sin()
    };
    let mut m = measure(&monthly(2018, 84, seasonal), Some((2030, 3500.0)));
    m.direction = Direction::HigherIsBetter;
    m.unit = Unit::Count;
    let f = fit(&m).unwrap();
    // Fitted with a level for each month, the season evens out: the slope is near -24 a
    // year (a line through the last three months would have given thousands either way).
    assert!((f.slope + 24.0).abs() < 1.0, "{f:?}");
    assert!(f.clear, "{f:?}");
    // The line runs three years ahead at most, and claims no year.
    assert_eq!(verdict(&m), Verdict::MovingAway);
    // The same season with no decline: no trend.
    let flat = |i: usize| 3000.0 + 400.0 * (std::f64::consts::TAU * (i % 12) as f64 / 12.0).sin();
    let mut flat_m = measure(
        &monthly(2018, 84, |i| flat(i) + 5.0 * noise(i)),
        Some((2030, 3500.0)),
    );
    flat_m.direction = Direction::HigherIsBetter;
    assert_eq!(verdict(&flat_m), Verdict::NoClearTrend);
    if let Some(p) = projection(&m, 2040.5) {
        assert!(p.to <= f.last + 3.0 + 1e-9, "{p:?}");
        assert!(p.at(p.to) > 2000.0, "visits do not reach zero: {p:?}");
    }
}

#[test]
fn quarterly_data_needs_four_quarters() {
    let quarters = |n: usize, f: &dyn Fn(usize) -> f64| -> Vec<(String, f64)> {
        (0..n)
            .map(|i| (format!("{}-Q{}", 2020 + i / 4, i % 4 + 1), f(i)))
            .collect()
    };
    let m = measure(&quarters(3, &|i| 50.0 - i as f64), Some((2030, 10.0)));
    assert_eq!(verdict(&m), Verdict::TooFewValues);
    let m = measure(&quarters(6, &|i| 50.0 - i as f64), Some((2030, 10.0)));
    let f = fit(&m).unwrap();
    assert_eq!(
        (f.count, f.frequency, f.clear),
        (4, Frequency::Quarterly, true)
    );
    assert!((f.slope + 4.0).abs() < 0.1, "{f:?}");
    // Eleven quarters: two whole years fitted.
    let m = measure(&quarters(11, &|i| 50.0 - i as f64), Some((2030, 10.0)));
    assert_eq!(fit(&m).unwrap().count, 8);
}

#[test]
fn a_noisy_series_without_a_trend_claims_nothing() {
    // Looked-after children bouncing around 600 with no trend.
    let values: Vec<f64> = (0..8).map(|i| 600.0 + 40.0 * noise(i)).collect();
    let mut m = measure(&yearly(2016, &values), Some((2030, 450.0)));
    m.unit = Unit::Children;
    let f = fit(&m).unwrap();
    assert!(!f.clear, "{f:?}");
    assert_eq!(verdict(&m), Verdict::NoClearTrend);
    assert!(projection(&m, 2040.5).is_none());
    // The same noise on monthly data over three years.
    let m = measure(
        &monthly(2021, 36, |i| 600.0 + 40.0 * noise(i)),
        Some((2030, 450.0)),
    );
    assert_eq!(verdict(&m), Verdict::NoClearTrend);
}

#[test]
fn verdict_words_never_claim_more_than_the_fit() {
    for (v, words) in [
        (Verdict::TooFewValues, "Too few values for a trend yet"),
        (Verdict::NoClearTrend, "Recent values show no clear trend"),
        (
            Verdict::MovingAway,
            "Recent trend: moving away from the 2030 target",
        ),
        (
            Verdict::TooFarAhead { improving: true },
            "Recent trend: improving; the 2030 target is further ahead than the trend can tell",
        ),
    ] {
        assert_eq!(v.text(Some(2030)), words);
    }
}

#[test]
fn a_measure_with_only_illustrative_values_is_not_rated_and_says_why() {
    let mut m = measure(&[("2020", 20.0), ("2022", 15.0)], Some((2030, 10.0)));
    for o in &mut m.observations {
        o.status = ValueStatus::Illustrative;
    }
    let a = assess(&m);
    assert_eq!(a.rag, None);
    assert_eq!(a.status, TrackStatus::NoData);
    assert_eq!(a.badge(), "○ Not rated: illustrative");
    assert_eq!(a.summary, ILLUSTRATIVE_ONLY);
    // With no values at all it is still plain "No data".
    assert_eq!(assess(&measure::<&str>(&[], None)).badge(), "○ No data");
}
