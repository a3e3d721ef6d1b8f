//! `outcome-explorer csv export|import`: exchange an action plan with spreadsheets.

use crate::csv_io::shown;
use crate::{csv_io, file};
use std::path::Path;
use std::process::ExitCode;

fn plan_ids(project: &crate::model::Project) -> String {
    let ids: Vec<&str> = project.action_plans.iter().map(|p| p.id.as_str()).collect();
    if ids.is_empty() {
        "the project has no action plans".into()
    } else {
        format!("plans: {}", ids.join(", "))
    }
}

pub fn export(file: &Path, plan: &str, out: &Path) -> ExitCode {
    let project = match super::load_or_report(file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let Some(p) = project.plan(plan) else {
        eprintln!("there is no action plan “{plan}” ({})", plan_ids(&project));
        return ExitCode::FAILURE;
    };
    match file::write_atomic(out, &csv_io::export(p)) {
        Ok(()) => {
            println!("wrote {} actions to {}", p.actions.len(), out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// How `csv import` was asked to work.
pub struct ImportHow {
    pub skip_invalid: bool,
    pub drop_comments: bool,
    pub choices: csv_io::ImportChoices,
}

pub fn import(file: &Path, plan: &str, input: &Path, how: &ImportHow) -> ExitCode {
    let super::ForRewrite {
        mut project, read, ..
    } = match super::load_for_rewrite(file, how.drop_comments) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Some(index) = project.action_plans.iter().position(|p| p.id == plan) else {
        eprintln!("there is no action plan “{plan}” ({})", plan_ids(&project));
        return ExitCode::FAILURE;
    };
    let bytes = match csv_io::read_file(input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let today = chrono::Local::now().date_naive();
    let preview = match csv_io::preview_with(&project, plan, &bytes, today, how.choices) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}: {e}", input.display());
            return ExitCode::FAILURE;
        }
    };
    let writing = preview.problems.is_empty() && (preview.rejected.is_empty() || how.skip_invalid);
    report(
        &preview,
        &project.action_plans[index].actions,
        writing,
        input,
    );
    if !preview.problems.is_empty() {
        eprintln!("nothing was changed: the file would not load after this import:");
        for p in &preview.problems {
            eprintln!("    {p}");
        }
        return ExitCode::FAILURE;
    }
    if !preview.rejected.is_empty() && !how.skip_invalid {
        eprintln!(
            "nothing was changed: {} row(s) rejected (fix them, or pass --skip-invalid to import the rest)",
            preview.rejected.len()
        );
        return ExitCode::FAILURE;
    }
    if preview.is_noop() {
        println!("nothing to change; {} left as it was", file.display());
        return ExitCode::SUCCESS;
    }
    let len = project.action_plans[index].actions.len();
    if let Err(e) = preview.edit(index, len).apply(&mut project) {
        eprintln!("nothing was changed: {e}");
        return ExitCode::FAILURE;
    }
    if super::write_back(file, &file::to_text(&project), read.as_ref()) {
        println!("saved {}", file.display());
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Print what the import does (or would do, when `writing` is false), row by row.
fn report(preview: &csv_io::Preview, old: &[crate::model::Action], writing: bool, input: &Path) {
    let (add, change, remove) = if writing {
        ("added  ", "changed", "removed")
    } else {
        ("would add   ", "would change", "would remove")
    };
    if preview.separator != b',' {
        println!(
            "{}: read as separated by {}",
            input.display(),
            csv_io::separator_name(preview.separator)
        );
    }
    for a in &preview.added {
        println!("{add} {}: {}", shown(&a.reference), shown(&a.title));
    }
    for (i, a) in &preview.changed {
        println!("{change} {}: {}", shown(&a.reference), shown(&a.title));
        if let Some(old) = old.get(*i) {
            for d in csv_io::describe_change(old, a) {
                println!("    {d}");
            }
        }
    }
    for (_, a) in preview.removed_rows() {
        println!("{remove} {}: {}", shown(&a.reference), shown(&a.title));
    }
    for r in &preview.rejected {
        println!("rejected {r}");
    }
    let missing = preview.missing_lines();
    if !missing.is_empty() {
        for m in &missing {
            println!("{m}");
        }
        if !preview.choices.delete_missing_rows && !preview.missing_rows.is_empty() {
            println!("(rows not in the file are kept; --delete-missing removes them)");
        }
        if !preview.choices.delete_missing_notes && !preview.missing_notes.is_empty() {
            println!("(notes not in the file are kept; --delete-missing-notes removes them)");
        }
    }
    if !preview.ignored_columns.is_empty() {
        println!("ignored columns: {}", preview.ignored_columns.join(", "));
    }
    match preview.missing_summary() {
        Some(m) => println!("{}; {m}", preview.summary()),
        None => println!("{}", preview.summary()),
    }
}
