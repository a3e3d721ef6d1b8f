//! A measure's data table as tab-separated text (for "Copy table"): every series drawn.

use super::{main_series_name, source_title, value_status_label};
use crate::model::{Measure, Observation, Project};

/// The data table as tab-separated text: series, period, value, status, source, note.
pub fn table_tsv(project: &Project, m: &Measure) -> String {
    let mut out = String::from("Series\tPeriod\tValue\tStatus\tSource\tNote\n");
    let main = main_series_name(project);
    let series = std::iter::once((main.as_str(), &m.observations)).chain(
        m.comparators
            .iter()
            .map(|c| (c.name.as_str(), &c.observations)),
    );
    let clean = |s: &str| s.replace(['\t', '\n'], " ");
    for (name, observations) in series {
        let mut obs: Vec<&Observation> = observations.iter().collect();
        obs.sort_by(|a, b| a.period.decimal_year().total_cmp(&b.period.decimal_year()));
        for o in obs {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                clean(name),
                o.period.label(),
                o.value,
                value_status_label(o.status),
                clean(&source_title(project, o.source.as_deref())),
                clean(&o.note)
            ));
        }
    }
    out
}
