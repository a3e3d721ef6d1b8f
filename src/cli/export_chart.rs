//! `outcome-explorer export chart|charts`: measures' trend charts as SVG or PNG for slides.

use super::{ChartExportArgs, ChartsExportArgs, Format, load_or_report};
use crate::chart::ChartOptions;
use crate::chart::export::{export_all, export_measure};
use crate::export::ImageFormat;
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
    match export_all(&project, &args.out_dir, format, args.width, args.height) {
        Ok(files) => {
            println!("Wrote {} charts to {}", files.len(), args.out_dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("outcome-explorer: {e}");
            ExitCode::FAILURE
        }
    }
}
