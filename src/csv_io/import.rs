//! Import: what a CSV would do to a plan, checked as loading checks a file, before
//! anything changes.

use super::read::{self, Table};
use super::{ImportError, Rejected};
use crate::history::Edit;
use crate::model::{Action, ActionPlan, ProgressNote, Project};
use crate::plan_table::{self, Column};
use crate::validate;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What the user chose to let an import delete. Without a choice it deletes nothing:
/// notes in the file are added to a row's notes, and rows missing from the file stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportChoices {
    /// Remove the plan's rows whose reference is not in the file.
    pub delete_missing_rows: bool,
    /// Make each row's progress notes exactly those in the file, removing the others.
    pub delete_missing_notes: bool,
}

/// Progress notes of a row that the file does not list.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingNotes {
    /// The row's index in the plan.
    pub index: usize,
    pub reference: String,
    pub notes: Vec<ProgressNote>,
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
    /// The plan's rows whose reference is not in the file, with their index in the plan:
    /// removed only if [`ImportChoices::delete_missing_rows`], else kept.
    pub missing_rows: Vec<(usize, Action)>,
    /// Notes the file does not list: removed only if
    /// [`ImportChoices::delete_missing_notes`], else kept.
    pub missing_notes: Vec<MissingNotes>,
    /// What the whole project would have wrong after the import that no single row
    /// explains, as loading the file would report it: nothing can be imported while any
    /// remain.
    pub problems: Vec<String>,
    /// The separator the file was read with (`,`, `;` or tab).
    pub separator: u8,
    pub choices: ImportChoices,
}

impl Preview {
    /// Nothing to add, change or remove.
    pub fn is_noop(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed_rows().is_empty()
    }

    /// Can it be applied (nothing about the whole result is wrong)?
    pub fn can_apply(&self) -> bool {
        self.problems.is_empty() && !self.is_noop()
    }

    /// The rows the import removes (none unless chosen).
    pub fn removed_rows(&self) -> &[(usize, Action)] {
        if self.choices.delete_missing_rows {
            &self.missing_rows
        } else {
            &[]
        }
    }

    /// The one edit that applies the accepted rows to plan `plan` (an index into the
    /// project) of `plan_len` rows: changes, then the chosen removals, then additions.
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
        let mut removed: Vec<usize> = self.removed_rows().iter().map(|(i, _)| *i).collect();
        removed.sort_unstable_by(|a, b| b.cmp(a));
        for &index in &removed {
            edits.push(Edit::RemoveAction { plan, index });
        }
        let first_new = plan_len - removed.len();
        for (k, a) in self.added.iter().enumerate() {
            edits.push(Edit::InsertAction {
                plan,
                index: first_new + k,
                value: Box::new(a.clone()),
            });
        }
        Edit::Batch(edits)
    }

    /// One line for people: "2 added, 1 changed, 7 unchanged, 1 rejected".
    pub fn summary(&self) -> String {
        format!(
            "{} added, {} changed, {} unchanged, {} rejected",
            self.added.len(),
            self.changed.len(),
            self.unchanged,
            self.rejected.len()
        )
    }

    /// What happens to the rows the file leaves out, in one line ("2 rows not in the file
    /// are kept"), or None if it lists every row.
    pub fn missing_summary(&self) -> Option<String> {
        let n = self.missing_rows.len();
        let fate = if self.choices.delete_missing_rows {
            "removed"
        } else {
            "kept"
        };
        match n {
            0 => None,
            1 => Some(format!("1 row not in the file is {fate}")),
            _ => Some(format!("{n} rows not in the file are {fate}")),
        }
    }

    /// Lines about what the file leaves out: rows and notes, and whether they are kept.
    pub fn missing_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        let (rows, notes) = (
            self.choices.delete_missing_rows,
            self.choices.delete_missing_notes,
        );
        for (_, a) in &self.missing_rows {
            let fate = if rows { "removed" } else { "kept" };
            out.push(format!(
                "{}: {} — not in the file, {fate}",
                super::shown(&a.reference),
                super::shown(&a.title)
            ));
        }
        for m in &self.missing_notes {
            let fate = if notes { "removed" } else { "kept" };
            for n in &m.notes {
                let text: String = n.text.chars().take(50).collect();
                let more = if n.text.chars().count() > 50 {
                    "…"
                } else {
                    ""
                };
                out.push(format!(
                    "{}: note of {} “{text}{more}” — not in the file, {fate}",
                    super::shown(&m.reference),
                    crate::format::date(n.date)
                ));
            }
        }
        out
    }
}

/// Read `bytes` as a CSV for the plan with id `plan_id` in `project`, on `today`
/// (stamped as "last updated" on rows that change without a new date of their own),
/// deleting nothing.
pub fn preview(
    project: &Project,
    plan_id: &str,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<Preview, ImportError> {
    preview_with(project, plan_id, bytes, today, ImportChoices::default())
}

/// [`preview`] with the deletions the user chose.
pub fn preview_with(
    project: &Project,
    plan_id: &str,
    bytes: &[u8],
    today: NaiveDate,
    choices: ImportChoices,
) -> Result<Preview, ImportError> {
    let plan_index = project
        .action_plans
        .iter()
        .position(|p| p.id == plan_id)
        .ok_or_else(|| ImportError::NoPlan(plan_id.to_string()))?;
    let plan = &project.action_plans[plan_index];
    let table = read::table(bytes)?;
    let mut out = Preview {
        ignored_columns: table.ignored.clone(),
        separator: table.separator,
        choices,
        ..Default::default()
    };
    let mut seen: HashSet<String> = HashSet::new();
    let mut positions: HashMap<&str, usize> = HashMap::new();
    for (i, a) in plan.actions.iter().enumerate() {
        positions.entry(a.reference.as_str()).or_insert(i);
    }
    for row in &table.rows {
        let cells = match &row.cells {
            Ok(c) => c,
            Err(why) => {
                out.rejected.push(Rejected {
                    line: row.line,
                    reference: String::new(),
                    reasons: vec![why.clone()],
                });
                continue;
            }
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let reference = table
            .get(cells, Column::Reference)
            .unwrap_or("")
            .trim()
            .to_string();
        let first_time = seen.insert(reference.clone());
        let reject = |reasons: Vec<String>| Rejected {
            line: row.line,
            reference: reference.clone(),
            reasons: reasons.iter().map(|r| shown_reason(r)).collect(),
        };
        if cells.len() != table.columns.len() {
            out.rejected.push(reject(vec![format!(
                "has {} cells where the header has {} columns",
                cells.len(),
                table.columns.len()
            )]));
            continue;
        }
        let existing = positions.get(reference.as_str()).copied();
        let (a, missing, mut reasons) =
            read_row(&table, cells, existing.map(|i| &plan.actions[i]), choices);
        if reference.is_empty() {
            reasons.push("the reference is empty".into());
        } else if !first_time {
            reasons.push(format!(
                "reference “{}” appears more than once in the file",
                super::shown(&reference)
            ));
        }
        if let (Some(i), false) = (existing, missing.is_empty()) {
            out.missing_notes.push(MissingNotes {
                index: i,
                reference: reference.clone(),
                notes: missing,
            });
        }
        let old = existing.map(|i| &plan.actions[i]);
        if reasons.is_empty() && old == Some(&a) {
            out.unchanged += 1;
            continue;
        }
        if reasons.is_empty() {
            reasons.extend(
                plan_table::check_action(project, plan, existing, &a)
                    .into_iter()
                    .map(|e| e.message),
            );
        }
        if !reasons.is_empty() {
            out.rejected.push(reject(reasons));
            continue;
        }
        let a = stamped(a, old, today);
        match existing {
            Some(i) => out.changed.push((i, a)),
            None => out.added.push(a),
        }
    }
    out.missing_rows = plan
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| !seen.contains(&a.reference))
        .map(|(i, a)| (i, a.clone()))
        .collect();
    check_whole(project, plan_index, &mut out, &table);
    for r in &mut out.rejected {
        for why in &mut r.reasons {
            *why = shown_reason(why);
        }
    }
    Ok(out)
}

/// Characters of one reason a row is rejected that a message shows.
const REASON_CHARS: usize = 300;

/// A reason cut to [`REASON_CHARS`]: it may quote a cell, and a cell may be long.
fn shown_reason(why: &str) -> String {
    match why.char_indices().nth(REASON_CHARS) {
        Some((i, _)) => format!("{}…", &why[..i]),
        None => why.to_string(),
    }
}

/// The row as the file has it, over the existing row `old` if there is one: the action,
/// the old notes the file leaves out, and the reasons it cannot be read.
fn read_row(
    table: &Table,
    cells: &[String],
    old: Option<&Action>,
    choices: ImportChoices,
) -> (Action, Vec<ProgressNote>, Vec<String>) {
    let mut a = old.cloned().unwrap_or_default();
    let mut reasons = Vec::new();
    let mut missing = Vec::new();
    for (c, v) in table.columns.iter().zip(cells) {
        let Some(c) = c else {
            continue;
        };
        match c {
            Column::Reference => a.reference = v.trim().to_string(),
            Column::Theme => a.theme = v.to_string(),
            Column::Title => a.title = v.to_string(),
            Column::KeyActions => {
                a.key_actions = read::split_lines(v).map(str::to_string).collect()
            }
            Column::Owner => a.owner = v.to_string(),
            Column::Due => match read::opt_date(v) {
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
            Column::Progress => match read::parse_notes(v) {
                Ok(notes) => {
                    let (merged, left_out) =
                        merge_notes(&a.progress, notes, choices.delete_missing_notes);
                    a.progress = merged;
                    missing = left_out;
                }
                Err(e) => reasons.push(format!("Progress: {e}")),
            },
            Column::LastUpdated => match read::opt_date(v) {
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
    (a, missing, reasons)
}

/// A row's notes after import, and the old notes the file leaves out. The file's notes are
/// added to the old ones (those already there are not repeated); only when `exact` do the
/// file's notes replace them.
fn merge_notes(
    old: &[ProgressNote],
    file: Vec<ProgressNote>,
    exact: bool,
) -> (Vec<ProgressNote>, Vec<ProgressNote>) {
    // A cell cannot end a note in blank lines, so a note that does is the same note.
    let same = |a: &ProgressNote, b: &ProgressNote| {
        a.date == b.date && a.text.trim_end() == b.text.trim_end()
    };
    let left_out: Vec<ProgressNote> = old
        .iter()
        .filter(|n| !file.iter().any(|f| same(f, n)))
        .cloned()
        .collect();
    if exact {
        return (file, left_out);
    }
    let mut merged = old.to_vec();
    for n in file {
        if !merged.iter().any(|m| same(m, &n)) {
            merged.push(n);
        }
    }
    (merged, left_out)
}

/// A changed row without a new "last updated" date of its own, or a new row without one,
/// is stamped with `today`.
fn stamped(mut a: Action, old: Option<&Action>, today: NaiveDate) -> Action {
    let keep_own = match old {
        Some(old) => a.last_updated != old.last_updated,
        None => a.last_updated.is_some(),
    };
    if !keep_own {
        a.last_updated = Some(today);
    }
    a
}

/// Check the whole project as it would be after the import, as loading a file checks it.
/// A problem that names a row of the import rejects that row (and the rest is checked
/// again); any other problem the import would bring is kept in [`Preview::problems`].
fn check_whole(project: &Project, plan_index: usize, out: &mut Preview, table: &Table) {
    let before: HashSet<(String, String)> = validate::validate(project)
        .into_iter()
        .map(|i| (i.path, i.message))
        .collect();
    let plan: &ActionPlan = &project.action_plans[plan_index];
    // The first line of the file on which each reference is written.
    let mut lines: HashMap<&str, u64> = HashMap::new();
    for r in &table.rows {
        if let Ok(c) = &r.cells
            && let Some(reference) = table.get(c, Column::Reference)
        {
            lines.entry(reference.trim()).or_insert(r.line);
        }
    }
    let prefix = format!("action_plans {:?} action ", plan.id);
    let row_path = |reference: &str| format!("{prefix}{reference:?}");
    // Each pass rejects at least one row or ends, so this ends.
    loop {
        let mut after = project.clone();
        let len = plan.actions.len();
        if let Err(e) = out.edit(plan_index, len).apply(&mut after) {
            out.problems = vec![e.to_string()];
            return;
        }
        let new: Vec<validate::Issue> = validate::validate(&after)
            .into_iter()
            .filter(|i| !before.contains(&(i.path.clone(), i.message.clone())))
            .collect();
        // The new problems of each row, found by the row's path at the start of theirs.
        let mut of_row: HashMap<&str, Vec<&validate::Issue>> = HashMap::new();
        for i in &new {
            if let Some(p) = row_path_in(&i.path, &prefix) {
                of_row.entry(p).or_default().push(i);
            }
        }
        let mut rejected_some = false;
        let mut reject = |reference: String, line: u64| {
            let Some(issues) = of_row.get(row_path(&reference).as_str()) else {
                return true;
            };
            let reasons = issues
                .iter()
                .map(|i| format!("the file would not load: {}: {}", i.path, i.message))
                .collect();
            out.rejected.push(Rejected {
                line,
                reference,
                reasons,
            });
            rejected_some = true;
            false
        };
        let line_of = |reference: &str| lines.get(reference).copied().unwrap_or(0);
        out.added
            .retain(|a| reject(a.reference.clone(), line_of(&a.reference)));
        out.changed
            .retain(|(_, a)| reject(a.reference.clone(), line_of(&a.reference)));
        if !rejected_some {
            out.problems = new
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(|i| shown_reason(&format!("{}: {}", i.path, i.message)))
                .collect();
            if new.len() > SHOWN_PROBLEMS {
                out.problems
                    .push(format!("and {} more", new.len() - SHOWN_PROBLEMS));
            }
            out.rejected.sort_by_key(|r| r.line);
            return;
        }
    }
}

/// Problems of the whole project after an import that are listed; the rest are counted.
const SHOWN_PROBLEMS: usize = 20;

/// The start of `path` that names a row, `<prefix>"R1"` (the reference written as a quoted
/// string, as [`validate`] writes it), if the path is that row's or one of its parts'.
fn row_path_in<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = path.strip_prefix(prefix)?.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => {
                let end = prefix.len() + 1 + i + 1;
                let after = &path[end..];
                return (after.is_empty() || after.starts_with(' ')).then_some(&path[..end]);
            }
            _ => {}
        }
    }
    None
}
