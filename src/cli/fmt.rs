//! `outcome-explorer fmt FILE [--check]`: rewrite in canonical form.

use crate::file;
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: &Path, check_only: bool) -> ExitCode {
    let project = match super::load_or_report(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let canonical = file::to_text(&project);
    let current = std::fs::read(path).unwrap_or_default();
    if current == canonical.as_bytes() {
        println!("{}: already formatted", path.display());
        return ExitCode::SUCCESS;
    }
    if check_only {
        println!("{}: would be reformatted", path.display());
        return ExitCode::FAILURE;
    }
    match file::write_atomic(path, canonical.as_bytes()) {
        Ok(()) => {
            println!("{}: formatted", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
