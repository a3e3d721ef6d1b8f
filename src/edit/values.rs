//! A measure's values from a spreadsheet: text pasted from the clipboard or read from a CSV
//! file (columns Period, Value, Status, Source, Note, Working, in any order, or the first
//! two or more in that order without a header), previewed before anything changes.
//!
//! Periods are written as the file writes them (2024-03-31, 2024-03, 2024-Q1, 2024,
//! 2023/24, 2023/24 Q3, 2018-2020) or as a date the action-plan import reads (31 Jan 2025,
//! 31/01/2025); values as the data-entry form reads them (1,234, 45%, £3.5m where the unit
//! fits). A row that cannot be read is rejected with every reason and its line; values
//! already in the measure for other periods are kept.

use crate::chart::value_status_label;
use crate::format::parse_value;
use crate::model::{Measure, Observation, Period, Project, ValueStatus};

/// The columns a values table can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Period,
    Value,
    Status,
    Source,
    Note,
    Working,
}

impl Column {
    /// In the order a table without a header is read.
    pub const ALL: [Column; 6] = [
        Column::Period,
        Column::Value,
        Column::Status,
        Column::Source,
        Column::Note,
        Column::Working,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Column::Period => "Period",
            Column::Value => "Value",
            Column::Status => "Status",
            Column::Source => "Source",
            Column::Note => "Note",
            Column::Working => "Working",
        }
    }

    fn named(h: &str) -> Option<Column> {
        let h = h.trim();
        Column::ALL
            .into_iter()
            .find(|c| c.label().eq_ignore_ascii_case(h))
            .or_else(|| {
                ["Date", "Year", "Month", "Quarter"]
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(h))
                    .then_some(Column::Period)
            })
    }
}

/// A row that will not be read, with every reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// The line of the text the row is on (1 is the first).
    pub line: usize,
    pub reasons: Vec<String>,
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reasons.join("; "))
    }
}

/// What an import would do to a measure's values.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// "tabs", "commas" or "semicolons".
    pub separator: &'static str,
    /// Whether the first line was a header.
    pub header: bool,
    /// Values for periods the measure has no value for.
    pub added: Vec<Observation>,
    /// (position in the measure, new value) for periods it has a different value for.
    pub changed: Vec<(usize, Observation)>,
    /// Rows the same as the measure's value for their period.
    pub unchanged: usize,
    pub rejected: Vec<Rejected>,
}

impl Preview {
    /// Whether applying it would change anything.
    pub fn changes_anything(&self) -> bool {
        !self.added.is_empty() || !self.changed.is_empty()
    }

    /// "3 values added, 1 changed, 2 unchanged, 1 row rejected".
    pub fn summary(&self) -> String {
        let mut parts = vec![
            format!("{} added", super::count(self.added.len(), "value")),
            format!("{} changed", self.changed.len()),
            format!("{} unchanged", self.unchanged),
        ];
        if !self.rejected.is_empty() {
            parts.push(format!(
                "{} rejected",
                super::count(self.rejected.len(), "row")
            ));
        }
        parts.join(", ")
    }

    /// The measure with the values applied, in date order.
    pub fn apply_to(&self, m: &Measure) -> Measure {
        let mut v = m.clone();
        for (i, o) in &self.changed {
            v.observations[*i] = o.clone();
        }
        v.observations.extend(self.added.iter().cloned());
        v.observations
            .sort_by(|a, b| a.period.decimal_year().total_cmp(&b.period.decimal_year()));
        v
    }
}

/// Read `text` as values of `m`. A row without a source cell takes `default_source`.
pub fn preview(
    project: &Project,
    m: &Measure,
    text: &str,
    default_source: Option<&str>,
) -> Result<Preview, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("there is nothing to read".into());
    }
    let (sep, rows) = split(text)?;
    let first = rows.first().map(|(_, r)| r.as_slice()).unwrap_or(&[]);
    let named: Vec<Option<Column>> = first.iter().map(|h| Column::named(h)).collect();
    let header = named.contains(&Some(Column::Period));
    let columns: Vec<Option<Column>> = if header {
        if !named.contains(&Some(Column::Value)) {
            return Err("the header has a Period column but no Value column".into());
        }
        named
    } else {
        Column::ALL
            .iter()
            .map(|c| Some(*c))
            .take(first.len())
            .collect()
    };
    let mut out = Preview {
        separator: crate::csv_io::separator_name(sep),
        header,
        added: Vec::new(),
        changed: Vec::new(),
        unchanged: 0,
        rejected: Vec::new(),
    };
    let mut seen: Vec<(Period, usize)> = Vec::new();
    for (line, cells) in rows.iter().skip(usize::from(header)) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: Column| {
            columns
                .iter()
                .position(|x| *x == Some(c))
                .and_then(|i| cells.get(i))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        match row(project, m, &cell, default_source) {
            Err(reasons) => out.rejected.push(Rejected {
                line: *line,
                reasons,
            }),
            Ok(o) => {
                if let Some((_, earlier)) = seen.iter().find(|(p, _)| *p == o.period) {
                    out.rejected.push(Rejected {
                        line: *line,
                        reasons: vec![format!(
                            "{} is given twice (also line {earlier})",
                            o.period.label()
                        )],
                    });
                    continue;
                }
                seen.push((o.period, *line));
                match m.observations.iter().position(|x| x.period == o.period) {
                    None => out.added.push(o),
                    Some(i) if m.observations[i] == o => out.unchanged += 1,
                    Some(i) => out.changed.push((i, o)),
                }
            }
        }
    }
    Ok(out)
}

/// One row read into a value, or every reason it cannot be.
fn row<'a>(
    project: &Project,
    m: &Measure,
    cell: &dyn Fn(Column) -> &'a str,
    default_source: Option<&str>,
) -> Result<Observation, Vec<String>> {
    let mut reasons = Vec::new();
    let period = parse_period(cell(Column::Period))
        .map_err(|e| reasons.push(e))
        .ok();
    let value = parse_value(cell(Column::Value), &m.unit)
        .map_err(|e| reasons.push(format!("value: {e}")))
        .ok();
    let status = parse_status(cell(Column::Status))
        .map_err(|e| reasons.push(e))
        .ok();
    let source = match cell(Column::Source) {
        "" => default_source.map(str::to_string),
        s => match project
            .sources
            .iter()
            .find(|x| x.id == s || x.title.trim().eq_ignore_ascii_case(s))
        {
            Some(x) => Some(x.id.clone()),
            None => {
                reasons.push(format!("source {s:?} does not exist (add it first)"));
                None
            }
        },
    };
    if status == Some(ValueStatus::Measured) && source.is_none() && reasons.is_empty() {
        reasons.push("a measured value needs a source (give one, or choose one for all)".into());
    }
    match (period, value, status) {
        (Some(period), Some(value), Some(status)) if reasons.is_empty() => {
            // A value already there keeps what the table does not give (its working).
            let kept = m.observations.iter().find(|o| o.period == period);
            let working = match cell(Column::Working) {
                "" => kept.map(|o| o.working.clone()).unwrap_or_default(),
                w => w.to_string(),
            };
            Ok(Observation {
                period,
                value,
                status,
                source,
                note: cell(Column::Note).to_string(),
                working,
                ..kept.cloned().unwrap_or_default()
            })
        }
        _ => Err(reasons),
    }
}

/// A period as the file writes it, or a date as the action-plan import reads it.
pub fn parse_period(s: &str) -> Result<Period, String> {
    if s.is_empty() {
        return Err("period is empty".into());
    }
    match s.parse::<Period>() {
        Ok(p) => Ok(p),
        Err(e) => crate::plan_table::parse_date(s)
            .map(Period::Date)
            .map_err(|_| e.to_string()),
    }
}

/// A status word in any case; empty for measured.
fn parse_status(s: &str) -> Result<ValueStatus, String> {
    if s.is_empty() {
        return Ok(ValueStatus::Measured);
    }
    [
        ValueStatus::Measured,
        ValueStatus::Provisional,
        ValueStatus::Estimated,
        ValueStatus::Illustrative,
    ]
    .into_iter()
    .find(|v| value_status_label(*v).eq_ignore_ascii_case(s))
    .ok_or_else(|| {
        format!("status {s:?} is not one of Measured, Provisional, Estimated, Illustrative")
    })
}

/// A row's line (1 is the first) and its cells.
type Row = (usize, Vec<String>);

/// Rows of cells with their line numbers, split by tabs, commas or semicolons: tabs if any
/// line has one (a spreadsheet's copy), else whichever gives the first line more cells.
fn split(text: &str) -> Result<(u8, Vec<Row>), String> {
    let first = text.lines().next().unwrap_or("");
    let sep = if text.contains('\t') {
        b'\t'
    } else if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| format!("the text cannot be read as a table: {e}"))?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        rows.push((line, rec.iter().map(str::to_string).collect()));
    }
    Ok((sep, rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, Unit};

    fn project() -> (Project, Measure) {
        let mut p = Project::default();
        p.sources.push(Source {
            id: "dluhc".into(),
            title: "DLUHC live tables".into(),
            ..Default::default()
        });
        let m = Measure {
            id: "ta".into(),
            name: "Households in temporary accommodation".into(),
            unit: Unit::Households,
            observations: vec![Observation {
                period: "2023-03".parse().unwrap(),
                value: 900.0,
                source: Some("dluhc".into()),
                working: "kept".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        (p, m)
    }

    #[test]
    fn a_pasted_table_with_a_header_adds_changes_and_rejects() {
        let (p, m) = project();
        let text = "Period\tValue\tStatus\tSource\tNote\n\
                    2023-03\t950\t\tdluhc\tRevised\n\
                    2023-06\t1,010\tProvisional\tDLUHC live tables\t\n\
                    31 Dec 2023\t1020\tEstimated\t\t\n\
                    2024-13\tlots\t\tnowhere\t\n\
                    2023-06\t1000\t\tdluhc\t\n";
        let pv = preview(&p, &m, text, None).unwrap();
        assert_eq!(pv.separator, "tabs");
        assert!(pv.header);
        assert_eq!(pv.changed.len(), 1);
        assert_eq!(pv.changed[0].1.value, 950.0);
        assert_eq!(
            pv.changed[0].1.working, "kept",
            "what the table lacks is kept"
        );
        assert_eq!(pv.added.len(), 2);
        assert_eq!(pv.added[0].value, 1010.0);
        assert_eq!(
            pv.added[1].period,
            Period::Date(chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap())
        );
        assert_eq!(pv.rejected.len(), 2);
        assert_eq!(pv.rejected[0].line, 5);
        assert_eq!(pv.rejected[0].reasons.len(), 3, "{}", pv.rejected[0]);
        assert!(
            pv.rejected[1]
                .to_string()
                .contains("given twice (also line 3)")
        );
        assert_eq!(
            pv.summary(),
            "2 values added, 1 changed, 0 unchanged, 2 rows rejected"
        );
        let after = pv.apply_to(&m);
        assert_eq!(after.observations.len(), 3);
        assert!(
            after
                .observations
                .windows(2)
                .all(|w| w[0].period.decimal_year() < w[1].period.decimal_year())
        );
    }

    #[test]
    fn a_csv_without_a_header_reads_period_then_value_and_a_default_source() {
        let (p, m) = project();
        let pv = preview(&p, &m, "2022/23;1200\n2023/24;1350\n", Some("dluhc")).unwrap();
        assert_eq!(pv.separator, "semicolons");
        assert!(!pv.header);
        assert_eq!(pv.added.len(), 2);
        assert_eq!(pv.added[1].source.as_deref(), Some("dluhc"));
        let none = preview(&p, &m, "2022/23,1200\n", None).unwrap();
        assert_eq!(none.rejected.len(), 1);
        assert!(none.rejected[0].reasons[0].contains("needs a source"));
        assert!(preview(&p, &m, "  \n", None).is_err());
        let no_value = preview(&p, &m, "Period,Note\n2022,x\n", None).unwrap_err();
        assert!(no_value.contains("no Value column"));
    }
}
