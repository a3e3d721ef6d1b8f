//! `outcome-explorer`: the window, or a command-line subcommand.
//!
//! Exit codes: 0 done, 1 invalid input (a file that cannot be read, is not valid, or does
//! not have what was asked for, or a result that could not be written), 2 a command line
//! that is not understood (clap prints the usage).

use clap::Parser;
use outcome_explorer::cli::{self, Cli};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let started = Instant::now();
    let args = Cli::parse();
    if let Some(command) = args.command {
        quit_quietly_on_closed_output();
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

/// A command whose output goes to a program that stops reading (`… | head -1`) ends there,
/// silently, as other command-line tools do, instead of failing on the next line it prints.
fn quit_quietly_on_closed_output() {
    #[cfg(unix)]
    // SAFETY: restoring the default action of SIGPIPE, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
