//! `outcome-explorer check FILE`: validate and summarise, then list the warnings (figures that
//! may say more than their sources), which do not fail the check.

use std::path::Path;
use std::process::ExitCode;

/// At most this many warnings are listed; the rest are counted.
const MAX_WARNINGS: usize = 100;

pub fn run(file: &Path) -> ExitCode {
    let p = match super::load_or_report(file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    println!(
        "{}: valid: {} priorities, {} areas of need, {} outcomes, {} measures, {} observations, {} action plans, {} actions",
        file.display(),
        p.priorities.len(),
        p.needs.len(),
        p.outcomes.len(),
        p.measures.len(),
        p.observation_count(),
        p.action_plans.len(),
        p.action_count()
    );
    let (listed, count) = crate::validate::first_warnings(&p, MAX_WARNINGS);
    for w in &listed {
        eprintln!("{}: warning: {}: {}", file.display(), w.path, w.message);
    }
    match count {
        0 => {}
        1 => eprintln!("{}: 1 warning; the file is valid", file.display()),
        n if n > listed.len() => eprintln!(
            "{}: {n} warnings ({} more not listed); the file is valid",
            file.display(),
            n - listed.len()
        ),
        n => eprintln!("{}: {n} warnings; the file is valid", file.display()),
    }
    ExitCode::SUCCESS
}
