//! `outcome-explorer export wheel` (arrives with the wheel view).

use super::WheelExportArgs;
use std::process::ExitCode;

pub fn run(_args: &WheelExportArgs) -> ExitCode {
    eprintln!("export wheel is not available in this build yet");
    ExitCode::FAILURE
}
