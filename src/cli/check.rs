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
    let warnings = crate::validate::warnings(&p);
    for w in warnings.iter().take(MAX_WARNINGS) {
        eprintln!("{}: warning: {}: {}", file.display(), w.path, w.message);
    }
    match warnings.len() {
        0 => {}
        n if n > MAX_WARNINGS => eprintln!(
            "{}: {n} warnings ({} more not listed); the file is valid",
            file.display(),
            n - MAX_WARNINGS
        ),
        1 => eprintln!("{}: 1 warning; the file is valid", file.display()),
        n => eprintln!("{}: {n} warnings; the file is valid", file.display()),
    }
    ExitCode::SUCCESS
}
