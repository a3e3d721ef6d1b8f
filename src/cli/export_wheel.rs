//! `outcome-explorer export wheel FILE --out wheel.svg|.png`: the outcomes wheel for slides.

use super::{ColourBy, GroupBy, WheelExportArgs};
use crate::wheel::{self, ColourMode, Grouping, ViewState, export::ExportOptions};
use std::process::ExitCode;

fn mode(c: ColourBy) -> ColourMode {
    match c {
        ColourBy::Priority => ColourMode::Priority,
        ColourBy::Status => ColourMode::Status,
        ColourBy::Rag => ColourMode::Rag,
        ColourBy::Coverage => ColourMode::Coverage,
    }
}

/// Export the wheel of the project in `args.file`; the message to print on success.
pub fn export(args: &WheelExportArgs) -> Result<String, String> {
    let project = crate::file::load(&args.file).map_err(|e| {
        e.problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let colour = mode(args.colour_by);
    let state = match &args.focus {
        None => ViewState {
            colour,
            grouping: match args.grouping {
                GroupBy::PriorityNeed => Grouping::PriorityThenNeed,
                GroupBy::NeedPriority => Grouping::NeedThenPriority,
            },
            ..Default::default()
        },
        Some(path) => {
            let (id, sub) = match path.split_once('/') {
                Some((a, b)) => (a, Some(b)),
                None => (path.as_str(), None),
            };
            let mut state = ViewState::focused_on(&project, id, colour).ok_or_else(|| {
                format!("--focus {id}: there is no priority or area of need with that id")
            })?;
            if let Some(sub) = sub {
                let fits = match state.grouping {
                    Grouping::PriorityThenNeed => project.need(sub).is_some(),
                    Grouping::NeedThenPriority => project.priority(sub).is_some(),
                };
                if !fits {
                    return Err(format!(
                        "--focus {path}: {sub:?} is not {} id",
                        match state.grouping {
                            Grouping::PriorityThenNeed => "an area-of-need",
                            Grouping::NeedThenPriority => "a priority",
                        }
                    ));
                }
                if let Some(f) = &mut state.focus {
                    f.sub = Some(sub.to_string());
                }
            }
            state
        }
    };
    if args.width < 200 || args.height < 200 || args.width > 16000 || args.height > 16000 {
        return Err(format!(
            "{}×{} is not a size the wheel can be drawn at (200 to 16000 pixels each way)",
            args.width, args.height
        ));
    }
    let opts = ExportOptions {
        width: args.width,
        height: args.height,
        selected: None,
    };
    wheel::export::write(&project, &state, &opts, &args.out)?;
    Ok(match wheel::empty_focus_note(&project, &state) {
        // The picture says so too, under its title.
        Some(note) => format!("Wrote {} ({note})", args.out.display()),
        None => format!("Wrote {}", args.out.display()),
    })
}

pub fn run(args: &WheelExportArgs) -> ExitCode {
    match export(args) {
        Ok(msg) => {
            println!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
