//! `outcome-explorer fmt FILE [--check] [--drop-comments]`: rewrite in canonical form.

use crate::file;
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: &Path, check_only: bool, drop_comments: bool) -> ExitCode {
    // `--check` writes nothing, so it reads the file whatever its comments.
    let (project, comments) = match super::load_for_rewrite(path, drop_comments || check_only) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let canonical = file::to_text(&project);
    let current = std::fs::read(path).unwrap_or_default();
    if current == canonical.as_bytes() {
        println!("{}: already formatted", path.display());
        return ExitCode::SUCCESS;
    }
    if check_only {
        let losing = if comments.is_empty() {
            String::new()
        } else {
            format!(", dropping its {}", super::comments_phrase(&comments))
        };
        println!("{}: would be reformatted{losing}", path.display());
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
