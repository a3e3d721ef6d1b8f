//! A chart's footnote: each source with its publisher and date, what the marks of values
//! that are not measured mean, and how the recent trend was drawn.

use super::{Series, value_status_label};
use crate::model::{Measure, Project, ValueStatus};
use crate::status;

/// The footnote of `measure`'s chart, whose own series is `main`.
pub(super) fn text(project: &Project, measure: &Measure, main: &Series, projected: bool) -> String {
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
    if projected && let Ok(f) = status::fit(measure) {
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
