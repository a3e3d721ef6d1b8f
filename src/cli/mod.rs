//! The command line: `outcome-explorer [FILE]` opens the window; subcommands check,
//! format and export project files without one.

mod check;
mod csv_cmd;
mod export_chart;
mod export_wheel;
mod fmt;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "outcome-explorer",
    version,
    about = "Explore, track and present a council's long-term outcomes programme"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Project file to open in the window.
    pub file: Option<PathBuf>,
    /// Print the time from start to the first painted frame.
    #[arg(long, hide = true)]
    pub log_startup: bool,
    /// Close the window after the first painted frame (with --log-startup, for benchmarks).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate a project file: print a summary, or every problem (exit 1).
    Check { file: PathBuf },
    /// Rewrite a project file in canonical form, as Save writes it.
    Fmt {
        file: PathBuf,
        /// Only report whether the file would change (exit 1 if it would).
        #[arg(long)]
        check: bool,
        /// Rewrite the file although its comments will not be kept (without this, a file
        /// with comments is left alone).
        #[arg(long)]
        drop_comments: bool,
    },
    /// Export pictures for slides.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Exchange action plans with spreadsheets as CSV.
    #[command(subcommand)]
    Csv(CsvCommand),
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// The outcomes wheel as SVG or PNG.
    Wheel(WheelExportArgs),
    /// One measure's chart as SVG or PNG.
    Chart(ChartExportArgs),
    /// Every measure's chart into a folder, one file per measure.
    Charts(ChartsExportArgs),
}

/// What the wheel's segments are coloured by.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColourBy {
    #[default]
    Priority,
    Status,
    Rag,
    Coverage,
}

#[derive(Args, Debug)]
pub struct WheelExportArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1920)]
    pub width: u32,
    #[arg(long, default_value_t = 1080)]
    pub height: u32,
    #[arg(long, value_enum, default_value_t = ColourBy::Priority)]
    pub colour_by: ColourBy,
    /// Zoom into one priority or area of need (its id), or into one area within it
    /// ("PRIORITY/NEED" or "NEED/PRIORITY").
    #[arg(long)]
    pub focus: Option<String>,
    /// Which grouping forms the inner ring of a whole-wheel export (a --focus sets its own).
    #[arg(long, value_enum, default_value_t = GroupBy::PriorityNeed)]
    pub grouping: GroupBy,
}

/// The inner ring's grouping, for `export wheel --grouping`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// Priorities inside, their areas of need around them.
    #[default]
    PriorityNeed,
    /// Areas of need inside, the priorities around them.
    NeedPriority,
}

#[derive(Args, Debug)]
pub struct ChartExportArgs {
    pub measure: String,
    pub file: PathBuf,
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1920)]
    pub width: u32,
    #[arg(long, default_value_t = 1080)]
    pub height: u32,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Svg,
    Png,
}

#[derive(Args, Debug)]
pub struct ChartsExportArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub out_dir: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Svg)]
    pub format: Format,
    #[arg(long, default_value_t = 1920)]
    pub width: u32,
    #[arg(long, default_value_t = 1080)]
    pub height: u32,
}

#[derive(Subcommand, Debug)]
pub enum CsvCommand {
    /// Write an action plan as CSV (UTF-8 with BOM, for Excel).
    Export {
        file: PathBuf,
        #[arg(long)]
        plan: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Merge a CSV into an action plan, matched on reference, and save the project.
    Import {
        file: PathBuf,
        #[arg(long)]
        plan: String,
        #[arg(long = "in")]
        input: PathBuf,
        /// Apply the valid rows even if some are rejected.
        #[arg(long)]
        skip_invalid: bool,
        /// Remove the plan's rows whose reference is not in the CSV (without this they are
        /// reported and kept).
        #[arg(long)]
        delete_missing: bool,
        /// Make each row's progress notes exactly those in the CSV, removing the others
        /// (without this, the CSV's notes are added to those already there).
        #[arg(long)]
        delete_missing_notes: bool,
        /// Write the project file although its comments will not be kept.
        #[arg(long)]
        drop_comments: bool,
    },
}

/// Load a project for a command, printing its problems on failure.
pub(crate) fn load_or_report(file: &std::path::Path) -> Result<crate::model::Project, ExitCode> {
    crate::file::load(file).map_err(|e| {
        for p in &e.problems {
            eprintln!("{p}");
        }
        ExitCode::FAILURE
    })
}

/// "2 comments (lines 1, 5)".
pub(crate) fn comments_phrase(lines: &[usize]) -> String {
    let s = if lines.len() == 1 { "" } else { "s" };
    let list: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    format!("{} comment{s} (line{s} {})", lines.len(), list.join(", "))
}

/// What a command that writes a project back has read: the project, the lines of its
/// comments, and the file's fingerprint (so that a change made meanwhile is not overwritten).
pub(crate) struct ForRewrite {
    pub project: crate::model::Project,
    pub comments: Vec<usize>,
    pub read: Option<crate::file::Fingerprint>,
}

/// Load a project that the command will write back. A file with comments is left alone
/// unless `drop_comments`: the app's layout has no place for them.
pub(crate) fn load_for_rewrite(
    file: &std::path::Path,
    drop_comments: bool,
) -> Result<ForRewrite, ExitCode> {
    let (project, comments, read) = crate::file::load_fingerprinted(file).map_err(|e| {
        for p in &e.problems {
            eprintln!("{p}");
        }
        ExitCode::FAILURE
    })?;
    if !comments.is_empty() && !drop_comments {
        eprintln!(
            "{}: left as it is: it has {}, which the app's layout does not keep; run again \
             with --drop-comments to write it anyway",
            file.display(),
            comments_phrase(&comments)
        );
        return Err(ExitCode::FAILURE);
    }
    Ok(ForRewrite {
        project,
        comments,
        read,
    })
}

/// Write a project the command read back to its file, unless it was changed on disk
/// meanwhile; says what happened.
pub(crate) fn write_back(
    file: &std::path::Path,
    text: &str,
    read: Option<&crate::file::Fingerprint>,
) -> bool {
    let options = read.map_or_else(Default::default, crate::file::SaveOptions::expecting);
    match crate::file::write_with(file, text.as_bytes(), &options) {
        Ok(saved) => {
            if let Some(w) = saved.warning {
                eprintln!("{}: {w}", file.display());
            }
            true
        }
        Err(e) => {
            eprintln!("{e}");
            false
        }
    }
}

/// Run a subcommand.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { file } => check::run(&file),
        Command::Fmt {
            file,
            check,
            drop_comments,
        } => fmt::run(&file, check, drop_comments),
        Command::Export(ExportCommand::Wheel(a)) => export_wheel::run(&a),
        Command::Export(ExportCommand::Chart(a)) => export_chart::run_one(&a),
        Command::Export(ExportCommand::Charts(a)) => export_chart::run_all(&a),
        Command::Csv(CsvCommand::Export { file, plan, out }) => csv_cmd::export(&file, &plan, &out),
        Command::Csv(CsvCommand::Import {
            file,
            plan,
            input,
            skip_invalid,
            delete_missing,
            delete_missing_notes,
            drop_comments,
        }) => {
            let how = csv_cmd::ImportHow {
                skip_invalid,
                drop_comments,
                choices: crate::csv_io::ImportChoices {
                    delete_missing_rows: delete_missing,
                    delete_missing_notes,
                },
            };
            csv_cmd::import(&file, &plan, &input, &how)
        }
    }
}
