//! A measure's data table as tab-separated text (for "Copy table"): every series drawn,
//! each value with where it comes from (a worked-out value with its working, never a
//! source as stating it) and whether its period was inferred.

use super::{main_series_name, source_title, value_status_label};
use crate::model::{Basis, Measure, Observation, Project};

/// The data table as tab-separated text: series, period, value, status, source, note.
pub fn table_tsv(project: &Project, m: &Measure) -> String {
    let mut out = String::from("Series\tPeriod\tValue\tStatus\tSource\tNote\n");
    let title = |id: &str| source_title(project, Some(id));
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
            let basis = o.basis().describe(title);
            let source = match o.basis() {
                Basis::Stated { .. } => basis.trim_start_matches("Source: "),
                Basis::Unsourced => "",
                Basis::WorkedOut { .. } => basis.as_str(),
            };
            let period = if o.is_period_inferred() {
                format!("{} (inferred)", o.period.label())
            } else {
                o.period.label()
            };
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\n",
                clean(name),
                period,
                o.value,
                value_status_label(o.status),
                clean(source),
                clean(&o.note)
            ));
        }
    }
    out
}
