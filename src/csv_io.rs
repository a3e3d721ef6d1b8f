//! Action plans to and from CSV for spreadsheets.
//!
//! Export writes UTF-8 with a byte-order mark (so Excel reads it as UTF-8), one row per
//! action, dates as `yyyy-mm-dd`, key actions one per line in one cell, progress notes
//! as `yyyy-mm-dd: text` lines, and outcome ids joined with `, `.
//!
//! Import is two steps: [`preview`] reads a file against a plan and says what would be
//! added, changed and rejected (and why) without touching anything; [`Preview::edit`]
//! then gives the one [`Edit::Batch`] that applies it, undone as one step.

use crate::history::Edit;
use crate::model::{Action, ActionPlan, ProgressNote, Project};
use crate::plan_table::{self, Column};
use chrono::NaiveDate;

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

/// What an import changes in a row, field by field, as people read it:
/// `RAG: Green → Amber`, `Due: 2025-03-31 → 2025-06-30`, `Progress: 1 note → 2 notes`.
pub fn describe_change(old: &Action, new: &Action) -> Vec<String> {
    fn shown(s: &str) -> String {
        let one_line = s.replace('\n', " / ");
        match one_line.chars().count() {
            0 => "—".into(),
            n if n > 40 => format!("“{}…”", one_line.chars().take(39).collect::<String>()),
            _ => format!("“{one_line}”"),
        }
    }
    fn date(d: Option<NaiveDate>) -> String {
        d.map(iso).unwrap_or_else(|| "—".into())
    }
    fn count(n: usize, one: &str) -> String {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    }
    let mut out = Vec::new();
    let mut text = |name: &str, a: &str, b: &str| {
        if a != b {
            out.push(format!("{name}: {} → {}", shown(a), shown(b)));
        }
    };
    text("Theme", &old.theme, &new.theme);
    text("Title", &old.title, &new.title);
    text("Owner", &old.owner, &new.owner);
    if old.key_actions != new.key_actions {
        out.push(format!(
            "Key actions: {} → {}",
            count(old.key_actions.len(), "line"),
            count(new.key_actions.len(), "line")
        ));
    }
    if old.due != new.due {
        out.push(format!("Due: {} → {}", date(old.due), date(new.due)));
    }
    if old.rag != new.rag {
        out.push(format!("RAG: {} → {}", old.rag.label(), new.rag.label()));
    }
    if old.progress != new.progress {
        out.push(format!(
            "Progress: {} → {}",
            count(old.progress.len(), "note"),
            count(new.progress.len(), "note")
        ));
    }
    if old.last_updated != new.last_updated {
        out.push(format!(
            "Last updated: {} → {}",
            date(old.last_updated),
            date(new.last_updated)
        ));
    }
    if old.outcomes != new.outcomes {
        out.push(format!(
            "Outcomes: {} → {}",
            shown(&old.outcomes.join(", ")),
            shown(&new.outcomes.join(", "))
        ));
    }
    out
}

use crate::plan_table::iso;

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
            format!(" ({})", self.reference)
        };
        write!(f, "line {}{r}: {}", self.line, self.reasons.join("; "))
    }
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Preview {
    /// New rows, appended in file order.
    pub added: Vec<Action>,
    /// (index in the plan, new value) for rows whose reference is already there.
    pub changed: Vec<(usize, Action)>,
    pub unchanged: usize,
    pub rejected: Vec<Rejected>,
    /// Columns of the file that were not recognised and are ignored.
    pub ignored_columns: Vec<String>,
}

impl Preview {
    /// Nothing to add or change.
    pub fn is_noop(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty()
    }

    /// The one edit that applies the accepted rows to plan `plan` (an index into the project).
    pub fn edit(&self, plan: usize, plan_len: usize) -> Edit {
        let mut edits: Vec<Edit> = self
            .changed
            .iter()
            .map(|(i, a)| Edit::SetAction {
                plan,
                index: *i,
                value: Box::new(a.clone()),
            })
            .collect();
        for (k, a) in self.added.iter().enumerate() {
            edits.push(Edit::InsertAction {
                plan,
                index: plan_len + k,
                value: Box::new(a.clone()),
            });
        }
        Edit::Batch(edits)
    }

    /// A few lines for people: "2 added, 1 changed, 7 unchanged, 1 rejected".
    pub fn summary(&self) -> String {
        format!(
            "{} added, {} changed, {} unchanged, {} rejected",
            self.added.len(),
            self.changed.len(),
            self.unchanged,
            self.rejected.len()
        )
    }
}

fn split_lines(s: &str) -> impl Iterator<Item = &str> {
    s.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
}

/// Read `bytes` as a CSV for the plan with id `plan_id` in `project`, on `today`
/// (stamped as "last updated" on rows that change without a new date of their own).
pub fn preview(
    project: &Project,
    plan_id: &str,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<Preview, ImportError> {
    let plan = project
        .plan(plan_id)
        .ok_or_else(|| ImportError::NoPlan(plan_id.to_string()))?;
    let text = std::str::from_utf8(bytes).map_err(|_| {
        ImportError::NotCsv(
            "it is not UTF-8 text (save it from the spreadsheet as “CSV UTF-8”)".into(),
        )
    })?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.contains('\0') {
        return Err(ImportError::NotCsv("it holds binary data".into()));
    }
    let body = text;
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = r.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(ImportError::NotCsv(e.to_string())),
        None => return Err(ImportError::Empty),
    };
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut ignored = Vec::new();
    for h in header.iter() {
        let h = h.trim();
        let c = Column::ALL.iter().copied().find(|c| {
            c.label().eq_ignore_ascii_case(h)
                || (*c == Column::Progress && h.eq_ignore_ascii_case("Progress"))
                || (*c == Column::Theme && h.eq_ignore_ascii_case("Priority"))
                || (*c == Column::Title && h.eq_ignore_ascii_case("Recommendation"))
        });
        if c.is_none() {
            ignored.push(h.to_string());
        }
        columns.push(c);
    }
    if !columns.contains(&Some(Column::Reference)) {
        let first: String = header.iter().take(4).collect::<Vec<_>>().join(", ");
        return Err(ImportError::NotCsv(format!(
            "its first line has no “Reference” column (it starts: {first})"
        )));
    }
    let mut out = Preview {
        ignored_columns: ignored,
        ..Default::default()
    };
    let mut seen: Vec<String> = Vec::new();
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| line_of(body, p.byte())).unwrap_or(0);
                out.rejected.push(Rejected {
                    line,
                    reference: String::new(),
                    reasons: vec![format!("cannot be read: {e}")],
                });
                continue;
            }
        };
        let line = rec.position().map(|p| line_of(body, p.byte())).unwrap_or(0);
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut reasons = Vec::new();
        if rec.len() != columns.len() {
            reasons.push(format!(
                "has {} cells where the header has {} columns",
                rec.len(),
                columns.len()
            ));
        }
        let get = |c: Column| -> Option<&str> {
            columns
                .iter()
                .position(|x| *x == Some(c))
                .and_then(|i| rec.get(i))
        };
        let reference = get(Column::Reference).unwrap_or("").trim().to_string();
        if !reasons.is_empty() {
            out.rejected.push(Rejected {
                line,
                reference,
                reasons,
            });
            continue;
        }
        let existing = plan.actions.iter().position(|a| a.reference == reference);
        let old = existing.map(|i| plan.actions[i].clone());
        let mut a = old.clone().unwrap_or_default();
        a.reference = reference.clone();
        for (i, c) in columns.iter().enumerate() {
            let (Some(c), Some(v)) = (c, rec.get(i)) else {
                continue;
            };
            match c {
                Column::Reference => {}
                Column::Theme => a.theme = v.to_string(),
                Column::Title => a.title = v.to_string(),
                Column::KeyActions => a.key_actions = split_lines(v).map(str::to_string).collect(),
                Column::Owner => a.owner = v.to_string(),
                Column::Due => match opt_date(v) {
                    Ok(d) => a.due = d,
                    Err(e) => reasons.push(format!("Due: {e}")),
                },
                // A blank rating leaves an existing row's rating as it is; a new row starts
                // as "Not started".
                Column::Rag if v.trim().is_empty() && old.is_some() => {}
                Column::Rag => match plan_table::parse_rag(v) {
                    Ok(r) => a.rag = r,
                    Err(e) => reasons.push(format!("RAG: {e}")),
                },
                Column::Progress => match parse_notes(v) {
                    Ok(notes) => a.progress = notes,
                    Err(e) => reasons.push(format!("Progress: {e}")),
                },
                Column::LastUpdated => match opt_date(v) {
                    Ok(d) => a.last_updated = d,
                    Err(e) => reasons.push(format!("Last updated: {e}")),
                },
                Column::Outcomes => {
                    a.outcomes = v
                        .split([',', ';', '\n'])
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect();
                }
            }
        }
        if reference.is_empty() {
            reasons.push("the reference is empty".into());
        } else if seen.contains(&reference) {
            reasons.push(format!(
                "reference “{reference}” appears more than once in the file"
            ));
        }
        seen.push(reference.clone());
        if reasons.is_empty() && old.as_ref() == Some(&a) {
            out.unchanged += 1;
            continue;
        }
        if reasons.is_empty() {
            for e in plan_table::check_action(project, plan, existing, &a) {
                reasons.push(e.message);
            }
        }
        if !reasons.is_empty() {
            out.rejected.push(Rejected {
                line,
                reference,
                reasons,
            });
            continue;
        }
        if let Some(old) = &old
            && a.last_updated == old.last_updated
        {
            a.last_updated = Some(today);
        } else if old.is_none() && a.last_updated.is_none() {
            a.last_updated = Some(today);
        }
        match existing {
            Some(i) => out.changed.push((i, a)),
            None => out.added.push(a),
        }
    }
    Ok(out)
}

/// The 1-based line of the file on which the record at `byte` starts. The reader may
/// place a record's start before the previous record's line break, so skip over it.
fn line_of(text: &str, byte: u64) -> u64 {
    let mut b = (byte as usize).min(text.len());
    let rest = text.as_bytes();
    while b < rest.len() && (rest[b] == b'\r' || rest[b] == b'\n') {
        if rest[b] == b'\n' {
            b += 1;
            break;
        }
        b += 1;
    }
    1 + text.as_bytes()[..b].iter().filter(|c| **c == b'\n').count() as u64
}

fn opt_date(v: &str) -> Result<Option<NaiveDate>, String> {
    if v.trim().is_empty() {
        Ok(None)
    } else {
        plan_table::parse_date(v).map(Some)
    }
}

/// Read a progress cell: each note starts on a line that begins with its date
/// (`2025-01-31: text`); lines that do not are the previous note's text continued, so a
/// note written over several lines comes back as it was.
fn parse_notes(cell: &str) -> Result<Vec<ProgressNote>, String> {
    let mut notes: Vec<ProgressNote> = Vec::new();
    for line in cell.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)) {
        match parse_note(line) {
            Ok(n) => notes.push(n),
            Err(e) => match notes.last_mut() {
                Some(n) => {
                    n.text.push('\n');
                    n.text.push_str(line);
                }
                None if line.trim().is_empty() => {}
                None => return Err(e),
            },
        }
    }
    // Blank lines at the end of the cell are spreadsheet padding, not the last note's text.
    if let Some(n) = notes.last_mut() {
        while let Some(i) = n.text.rfind('\n')
            && n.text[i + 1..].trim().is_empty()
        {
            n.text.truncate(i);
        }
    }
    Ok(notes)
}

fn parse_note(line: &str) -> Result<ProgressNote, String> {
    let (date, text) = line
        .split_once(':')
        .ok_or_else(|| format!("“{line}” does not start with a date (write 2025-01-31: text)"))?;
    let date = plan_table::parse_date(date)?;
    let text = text.strip_prefix(' ').unwrap_or(text).to_string();
    Ok(ProgressNote { date, text })
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
