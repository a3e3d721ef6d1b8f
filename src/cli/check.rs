//! `outcome-explorer check FILE`: validate and summarise.

use std::path::Path;
use std::process::ExitCode;

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
    ExitCode::SUCCESS
}
