//! `export deck`: a presentation as PowerPoint, PDF or a folder of numbered pictures.

use crate::deck::{export, starter};
use crate::export::ImageFormat;
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("to").required(true).args(["out", "out_dir"])))]
pub struct DeckExportArgs {
    pub file: PathBuf,
    /// The presentation's id (the project's first when left out; the headline views when the
    /// project has none).
    #[arg(long)]
    pub presentation: Option<String>,
    /// A .pptx or .pdf file to write.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// A folder to write numbered pictures into (slide-01.png, …).
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// The pictures' format, with --out-dir.
    #[arg(long, value_enum, default_value_t = super::Format::Png)]
    pub format: super::Format,
    /// The pictures' size in pixels, with --out-dir.
    #[arg(long, default_value_t = 1920)]
    pub width: u32,
    #[arg(long, default_value_t = 1080)]
    pub height: u32,
}

pub fn run(a: &DeckExportArgs) -> ExitCode {
    let project = match super::load_or_report(&a.file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // A project without a presentation gets the deck the window starts from (its headline
    // views), so that any council's file exports.
    let headline;
    let deck = match export::find(&project, a.presentation.as_deref()) {
        Ok(d) => d,
        Err(_) if a.presentation.is_none() && project.presentations.is_empty() => {
            eprintln!(
                "{}: no presentation in the file: exporting the headline views (cover, wheel, \
                 headline charts, dashboard, plans, missions and pledges)",
                a.file.display()
            );
            headline = starter::starter(&project, "deck");
            &headline
        }
        Err(e) => {
            eprintln!("{}: {e}", a.file.display());
            return ExitCode::FAILURE;
        }
    };
    let n = deck.slides.len();
    let done = AtomicUsize::new(0);
    // A running count where someone watches; nothing in a log.
    let counting = std::io::stderr().is_terminal();
    let progress = |_: usize| {
        let k = done.fetch_add(1, Ordering::Relaxed) + 1;
        if counting {
            eprint!("\rslide {k} of {n}");
        }
    };
    let result = match (&a.out, &a.out_dir) {
        (Some(out), _) => export::write_file(&project, deck, out, &progress)
            .map(|()| format!("wrote {} ({n} slides)", out.display())),
        (None, Some(dir)) => {
            let format = match a.format {
                super::Format::Png => ImageFormat::Png,
                super::Format::Svg => ImageFormat::Svg,
            };
            let size = (a.width.max(16), a.height.max(16));
            export::write_pictures(&project, deck, dir, format, size, &progress)
                .map(|files| format!("wrote {} pictures into {}", files.len(), dir.display()))
        }
        (None, None) => Err("say where to write: --out FILE or --out-dir DIR".into()),
    };
    if counting && n > 0 {
        eprintln!();
    }
    match result {
        Ok(done) => {
            println!("{done}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
