//! `outcome-explorer export chart|charts` (arrives with the trend charts).

use super::{ChartExportArgs, ChartsExportArgs};
use std::process::ExitCode;

pub fn run_one(_args: &ChartExportArgs) -> ExitCode {
    eprintln!("export chart is not available in this build yet");
    ExitCode::FAILURE
}

pub fn run_all(_args: &ChartsExportArgs) -> ExitCode {
    eprintln!("export charts is not available in this build yet");
    ExitCode::FAILURE
}
