//! `outcome-explorer csv export|import`: exchange an action plan with spreadsheets.

use crate::{csv_io, file, history::Edit};
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

pub fn import(
    file: &Path,
    plan: &str,
    input: &Path,
    skip_invalid: bool,
    drop_comments: bool,
) -> ExitCode {
    let super::ForRewrite {
        mut project, read, ..
    } = match super::load_for_rewrite(file, drop_comments) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Some(index) = project.action_plans.iter().position(|p| p.id == plan) else {
        eprintln!("there is no action plan “{plan}” ({})", plan_ids(&project));
        return ExitCode::FAILURE;
    };
    let bytes = match std::fs::read(input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot read {}: {}", input.display(), file::io_reason(&e));
            return ExitCode::FAILURE;
        }
    };
    let today = chrono::Local::now().date_naive();
    let preview = match csv_io::preview(&project, plan, &bytes, today) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}: {e}", input.display());
            return ExitCode::FAILURE;
        }
    };
    // Rows are only written when nothing is rejected (or --skip-invalid): say so.
    let writing = preview.rejected.is_empty() || skip_invalid;
    let (add, change) = if writing {
        ("added  ", "changed")
    } else {
        ("would add   ", "would change")
    };
    for a in &preview.added {
        println!("{add} {}: {}", a.reference, a.title);
    }
    for (i, a) in &preview.changed {
        println!("{change} {}: {}", a.reference, a.title);
        if let Some(old) = project.action_plans[index].actions.get(*i) {
            for d in csv_io::describe_change(old, a) {
                println!("    {d}");
            }
        }
    }
    for r in &preview.rejected {
        println!("rejected {r}");
    }
    if !preview.ignored_columns.is_empty() {
        println!("ignored columns: {}", preview.ignored_columns.join(", "));
    }
    println!("{}", preview.summary());
    if !preview.rejected.is_empty() && !skip_invalid {
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
    let edit: Edit = preview.edit(index, len);
    if let Err(e) = edit.apply(&mut project) {
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
