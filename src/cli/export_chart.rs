//! `outcome-explorer export chart|charts`: measures' trend charts as SVG or PNG for slides.

use super::{ChartExportArgs, ChartsExportArgs, Format, load_or_report};
use crate::chart::ChartOptions;
use crate::chart::export::{export_all_with, export_measure};
use crate::export::{ImageFormat, batch};
use std::io::IsTerminal;
use std::process::ExitCode;

pub fn run_one(args: &ChartExportArgs) -> ExitCode {
    let project = match load_or_report(&args.file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // The title and axis the file keeps for the chart (an unknown id is reported below).
    let options = project
        .measure(&args.measure)
        .map(ChartOptions::for_measure)
        .unwrap_or_default();
    match export_measure(
        &project,
        &args.measure,
        &options,
        &args.out,
        args.width,
        args.height,
    ) {
        Ok(()) => {
            println!("Wrote {}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("outcome-explorer: {e}");
            ExitCode::FAILURE
        }
    }
}

pub fn run_all(args: &ChartsExportArgs) -> ExitCode {
    let project = match load_or_report(&args.file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let format = match args.format {
        Format::Svg => ImageFormat::Svg,
        Format::Png => ImageFormat::Png,
    };
    // A count that updates in place on a terminal; nothing when output is redirected.
    let counting = std::io::stderr().is_terminal();
    let progress = |done: usize, total: usize| {
        if counting {
            eprint!("\rDrawing charts: {done} of {total}");
            if done == total {
                eprintln!();
            }
        }
    };
    let threads = batch::threads(args.jobs, project.measures.len());
    let written = export_all_with(
        &project,
        &args.out_dir,
        format,
        args.width,
        args.height,
        Some(threads),
        &progress,
    );
    match written {
        Ok(files) => {
            let on = if threads == 1 {
                String::new()
            } else {
                format!(" ({threads} at a time)")
            };
            println!(
                "Wrote {} charts to {}{on}",
                files.len(),
                args.out_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("outcome-explorer: {e}");
            ExitCode::FAILURE
        }
    }
}
