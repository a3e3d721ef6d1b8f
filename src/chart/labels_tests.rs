//! Labels sit beside what they label.

use super::*;
use crate::chart::{ChartOptions, build::build};
use crate::wheel::text::Estimate;

/// A measure's chart from a project in the repository, and the frame of a 1920×1080 export.
fn chart_of(path: &str, measure: &str) -> (Chart, Frame) {
    let dir = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{dir}/{path}")).unwrap();
    let p = crate::file::read(&text, path).unwrap();
    let m = p.measures.iter().find(|m| m.id == measure).unwrap();
    let c = build(&p, m, &ChartOptions::for_measure(m));
    let f = Frame {
        left: 170.0,
        top: 190.0,
        right: 1370.0,
        bottom: 820.0,
        x: c.x_range,
        y: c.y_range,
    };
    (c, f)
}

/// Each target's label is near its marker and spans no other target's marker.
fn targets_are_labelled_beside_their_markers(path: &str, measure: &str) {
    let (c, f) = chart_of(path, measure);
    let style = LabelStyle::scaled(24.0, 1.0);
    let placed = place(&c, &f, &Estimate, &style);
    let xs: Vec<f64> = c.targets.iter().map(|t| f.px(t.x)).collect();
    assert!(!c.targets.is_empty(), "{measure} has targets");
    let shown = c
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| f.holds(f.at(t.x, t.y)));
    assert!(shown.clone().count() > 0, "{measure} shows a target");
    for (i, t) in shown {
        let l = placed
            .iter()
            .find(|l| l.of == LabelOf::Target(i))
            .unwrap_or_else(|| panic!("{measure}: target {i} has no label"));
        let mark = f.at(t.x, t.y);
        let away = l.area.distance_to(mark);
        assert!(
            away <= style.line_height * 2.0,
            "{measure}: {:?} is {away:.0} px from its marker",
            l.lines
        );
        for (j, x) in xs.iter().enumerate() {
            assert!(
                j == i || !(l.area.x0 < *x && *x < l.area.x1),
                "{measure}: {:?} spans target {j}'s marker",
                l.lines
            );
        }
    }
}

#[test]
fn luton_temporary_accommodation_targets_are_labelled_beside_them() {
    targets_are_labelled_beside_their_markers("sample-data/luton-2040.ron", "ta-households");
}

#[test]
fn a_milestone_at_the_plots_edge_is_labelled_beside_it() {
    targets_are_labelled_beside_their_markers(
        "tests/fixtures/aberdyffryn-2035.ron",
        "temporary-accommodation",
    );
}
