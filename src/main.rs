//! `outcome-explorer`: the window, or a command-line subcommand.

use clap::Parser;
use outcome_explorer::cli::{self, Cli};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let started = Instant::now();
    let args = Cli::parse();
    if let Some(command) = args.command {
        return cli::run(command);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Outcome Explorer")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 560.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let file = args.file.clone();
    let startup = args
        .log_startup
        .then_some((started, args.exit_after_first_frame));
    let result = eframe::run_native(
        "outcome-explorer",
        options,
        Box::new(move |cc| {
            Ok(Box::new(outcome_explorer::ui::OutcomeApp::create(
                cc,
                file.as_deref(),
                startup,
            )))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("outcome-explorer: could not open a window: {e}");
            ExitCode::FAILURE
        }
    }
}
