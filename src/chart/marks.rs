//! What a chart marks, read from the measure: its values (with where each comes from),
//! targets and milestones, events, and where sources disagree.

use super::{ChartPoint, DisagreementMark, EventMarker, Series, TargetMarker, source_title};
use crate::format;
use crate::model::{Basis, Measure, Observation, Project, TargetKind};
use crate::status;

/// One line saying where a value comes from, naming sources by title.
fn basis_words(project: &Project, basis: Basis) -> String {
    basis.describe(|id| source_title(project, Some(id)))
}

/// The finite values of `obs`, sorted by time.
pub(super) fn points(project: &Project, obs: &[Observation]) -> Vec<ChartPoint> {
    let mut pts: Vec<ChartPoint> = obs
        .iter()
        .filter(|o| o.value.is_finite())
        .map(|o| ChartPoint {
            x: o.period.decimal_year(),
            y: o.value,
            status: o.status,
            period: o.period.label(),
            basis: basis_words(project, o.basis()),
            worked_out: o.basis().is_worked_out(),
            period_inferred: o
                .is_period_inferred()
                .then(|| o.period_inferred.trim().to_string()),
            note: o.note.clone(),
        })
        .collect();
    pts.sort_by(|a, b| a.x.total_cmp(&b.x));
    pts
}

/// The targets and milestones, in time order, each labelled with its year and value (after
/// its own words when it has them), and marked when worked out.
pub(super) fn targets(project: &Project, measure: &Measure) -> Vec<TargetMarker> {
    let v = |x: f64| format::value(x, &measure.unit);
    let mut targets: Vec<TargetMarker> = measure
        .targets
        .iter()
        .map(|t| {
            let kind = match t.kind {
                TargetKind::Target => "target",
                TargetKind::Milestone => "milestone",
            };
            let mut label = if t.label.is_empty() {
                format!("{} {kind}: {}", t.year, v(t.value))
            } else {
                format!("{} ({}): {}", t.label.trim(), t.year, v(t.value))
            };
            if t.basis().is_worked_out() {
                label.push_str(" (worked out)");
            }
            TargetMarker {
                x: status::target_x(measure, t.year),
                y: t.value,
                year: t.year,
                kind: t.kind,
                label,
                basis: basis_words(project, t.basis()),
                worked_out: t.basis().is_worked_out(),
            }
        })
        .collect();
    targets.sort_by(|a, b| a.x.total_cmp(&b.x));
    targets
}

pub(super) fn events(measure: &Measure) -> Vec<EventMarker> {
    measure
        .annotations
        .iter()
        .map(|a| EventMarker {
            x: a.period.decimal_year(),
            label: a.label.clone(),
            note: a.note.clone(),
        })
        .collect()
}

/// Where sources disagree, each at its time and, when there is one, at the measure's own
/// value then (else the first value a claim gives).
pub(super) fn disagreements(
    project: &Project,
    measure: &Measure,
    main: &Series,
) -> Vec<DisagreementMark> {
    measure
        .disagreements
        .iter()
        .map(|d| {
            let x = d.period.decimal_year();
            let own = main.points.iter().find(|p| (p.x - x).abs() < 1e-6);
            DisagreementMark {
                x,
                y: own
                    .map(|p| p.y)
                    .or_else(|| d.claims.iter().find_map(|c| c.value)),
                about: d.about.clone(),
                claims: d.lines(|id| source_title(project, Some(id))),
            }
        })
        .collect()
}
