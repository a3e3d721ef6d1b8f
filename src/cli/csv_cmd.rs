//! `outcome-explorer csv export|import` (arrives with the action tables).

use std::path::Path;
use std::process::ExitCode;

pub fn export(_file: &Path, _plan: &str, _out: &Path) -> ExitCode {
    eprintln!("csv export is not available in this build yet");
    ExitCode::FAILURE
}

pub fn import(_file: &Path, _plan: &str, _input: &Path, _skip_invalid: bool) -> ExitCode {
    eprintln!("csv import is not available in this build yet");
    ExitCode::FAILURE
}
