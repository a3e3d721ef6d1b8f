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
    use crate::format::count;
    let counts = [
        count(p.priorities.len(), "priority", "priorities"),
        count(p.needs.len(), "area of need", "areas of need"),
        count(p.outcomes.len(), "outcome", "outcomes"),
        count(p.measures.len(), "measure", "measures"),
        count(p.observation_count(), "observation", "observations"),
        count(p.action_plans.len(), "action plan", "action plans"),
        count(p.action_count(), "action", "actions"),
    ];
    println!("{}: valid: {}", file.display(), counts.join(", "));
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
