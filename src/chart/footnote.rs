//! A chart's footnote: each source with its publisher and date, what the marks of values
//! that are not measured mean, which figures were worked out or their periods inferred,
//! what each source says where they disagree, and how the recent trend was drawn.

use super::{Chart, value_status_label};
use crate::format;
use crate::model::{Measure, Project, ValueStatus};
use crate::status;

/// The footnote of `measure`'s chart `c` (before anything is switched off).
pub(super) fn text(project: &Project, measure: &Measure, c: &Chart) -> String {
    let main = &c.series[0];
    let mut parts = vec![sources(project, measure)];
    let statuses: Vec<String> = [
        (ValueStatus::Provisional, "rings"),
        (ValueStatus::Estimated, "squares"),
        (ValueStatus::Illustrative, "crosses"),
    ]
    .into_iter()
    .filter(|(s, _)| main.points.iter().any(|p| p.status == *s))
    .map(|(s, mark)| {
        let not_real = if s == ValueStatus::Illustrative {
            " (not real figures)"
        } else {
            ""
        };
        format!("{mark} {}{not_real}", value_status_label(s).to_lowercase())
    })
    .collect();
    if !statuses.is_empty() {
        parts.push(format!(
            "Dots are measured values, {}; dashed lines join values that are not measured",
            statuses.join(", ")
        ));
    }
    let value = |v: f64| format::value(v, &c.unit);
    let worked: Vec<String> = c
        .targets
        .iter()
        .filter(|t| t.worked_out)
        .map(|t| format!("the {} {} ({})", t.year, kind_word(t.kind), value(t.y)))
        .chain(
            main.points
                .iter()
                .filter(|p| p.worked_out)
                .map(|p| format!("the {} value ({})", p.period, value(p.y))),
        )
        .collect();
    if !worked.is_empty() {
        parts.push(format!(
            "Worked out by the file's author, not stated by a source: {}",
            worked.join(", ")
        ));
    }
    let inferred: Vec<&str> = main
        .points
        .iter()
        .filter(|p| p.period_inferred.is_some())
        .map(|p| p.period.as_str())
        .collect();
    if !inferred.is_empty() {
        parts.push(format!(
            "Periods inferred, not given by the source: {}",
            inferred.join(", ")
        ));
    }
    for d in &c.disagreements {
        parts.push(format!(
            "Sources disagree about {}: {}",
            d.about.trim(),
            d.claims.join("; ")
        ));
    }
    if c.projection.is_some()
        && let Ok(f) = status::fit(measure)
    {
        parts.push(format!(
            "Recent trend: a straight line fitted to {}, carried forward no further than they \
             reach back",
            f.window_words()
        ));
    }
    parts.join(". ")
}

/// "Sources: Title (Publisher, March 2024); …", each source of a value or target once.
fn sources(project: &Project, measure: &Measure) -> String {
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
    let mut named: Vec<String> = Vec::new();
    for id in ids.flatten() {
        let words = match project.source(id) {
            Some(s) => {
                let by: Vec<&str> = [s.publisher.trim(), s.published.trim()]
                    .into_iter()
                    .filter(|w| !w.is_empty())
                    .collect();
                if by.is_empty() {
                    s.title.clone()
                } else {
                    format!("{} ({})", s.title, by.join(", "))
                }
            }
            None => id.clone(),
        };
        if !words.is_empty() && !named.contains(&words) {
            named.push(words);
        }
    }
    match named.len() {
        0 => "Source: not recorded".into(),
        1 => format!("Source: {}", named[0]),
        _ => format!("Sources: {}", named.join("; ")),
    }
}

fn kind_word(k: crate::model::TargetKind) -> &'static str {
    match k {
        crate::model::TargetKind::Target => "target",
        crate::model::TargetKind::Milestone => "milestone",
    }
}
