//! Action plans to and from CSV for spreadsheets.
//!
//! Export writes UTF-8 with a byte-order mark (so Excel reads it as UTF-8), one row per
//! action, dates as `yyyy-mm-dd`, key actions one per line in one cell, progress notes
//! as `yyyy-mm-dd: text` lines, and outcome ids joined with `, `.
//!
//! Import is two steps: [`preview`] reads a file (separated by commas, semicolons or
//! tabs) against a plan and says what would be added, changed, rejected (and why) and
//! left out, without touching anything; [`Preview::edit`] then gives the one
//! [`crate::history::Edit::Batch`] that applies it, undone as one step. An import adds
//! progress notes and never deletes a note or a row unless the user chose it
//! ([`ImportChoices`]), and the whole project after it is checked as loading checks a file.

mod describe;
mod import;
mod read;
mod source;

pub use describe::describe_change;
pub use import::{ImportChoices, MissingNotes, Preview, preview, preview_with};
pub use read::separator_name;
pub use source::{MAX_CELL_BYTES, MAX_COLUMNS, MAX_CSV_BYTES, MAX_ROWS, read_file};

use crate::model::{Action, ActionPlan};
use crate::plan_table::Column;

const BOM: &str = "\u{feff}";

/// The header row, in the order export writes it.
pub fn headers() -> Vec<&'static str> {
    Column::ALL.iter().map(|c| c.label()).collect()
}

fn cells(a: &Action) -> Vec<String> {
    Column::ALL
        .iter()
        .map(|c| match c {
            Column::Reference => a.reference.clone(),
            Column::Theme => a.theme.clone(),
            Column::Title => a.title.clone(),
            Column::KeyActions => a.key_actions.join("\n"),
            Column::Owner => a.owner.clone(),
            Column::Due => a.due.map(iso).unwrap_or_default(),
            Column::Rag => a.rag.label().to_string(),
            Column::Progress => a
                .progress
                .iter()
                .map(|p| format!("{}: {}", iso(p.date), p.text))
                .collect::<Vec<_>>()
                .join("\n"),
            Column::LastUpdated => a.last_updated.map(iso).unwrap_or_default(),
            Column::Outcomes => a.outcomes.join(", "),
        })
        .collect()
}

pub(crate) use crate::plan_table::iso;

/// The plan as CSV bytes (UTF-8 with BOM).
pub fn export(plan: &ActionPlan) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec());
    // Writing to a Vec cannot fail.
    w.write_record(headers()).expect("write to memory");
    for a in &plan.actions {
        w.write_record(cells(a)).expect("write to memory");
    }
    w.into_inner().expect("write to memory")
}

/// Characters of a text from the file or the plan that a message shows; the rest is cut.
pub const SHOWN_CHARS: usize = 80;

/// `s` on one line, cut to [`SHOWN_CHARS`] characters with "…" where cut: a message never
/// repeats a long cell whole.
pub fn shown(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(SHOWN_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().nth(SHOWN_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Why a whole file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    NotCsv(String),
    NoPlan(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Empty => f.write_str("the file is empty"),
            ImportError::NotCsv(why) => write!(f, "the file is not a plan CSV: {why}"),
            ImportError::NoPlan(id) => write!(f, "there is no action plan “{id}”"),
        }
    }
}

/// A row that will not be imported, with every reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// The line of the file the row starts on (1 is the header).
    pub line: u64,
    pub reference: String,
    pub reasons: Vec<String>,
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = if self.reference.is_empty() {
            String::new()
        } else {
            format!(" ({})", shown(&self.reference))
        };
        write!(f, "line {}{r}: {}", self.line, self.reasons.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_starts_with_bom_and_header() {
        let plan = ActionPlan::default();
        let s = String::from_utf8(export(&plan)).unwrap();
        assert!(s.starts_with("\u{feff}Reference,Theme,Title,Key actions"));
    }
}
