//! The deck written on other threads while the window stays live, with a progress bar.

use crate::deck::export;
use crate::export::ImageFormat;
use crate::model::{Presentation, Project};
use crate::ui::export_job::ExportJob;
use std::path::PathBuf;

/// Where and how the deck is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A .pptx or .pdf file.
    File(PathBuf),
    /// A folder of numbered pictures.
    Pictures(PathBuf, ImageFormat),
}

/// Start writing `deck` of `project` to `target`.
pub fn start(project: &Project, deck: &Presentation, target: Target) -> ExportJob {
    let project = project.clone();
    let deck = deck.clone();
    let n = deck.slides.len();
    ExportJob::spawn(
        format!("{n} slides"),
        n,
        "Could not export the deck",
        move |one_done| {
            let progress = |_: usize| one_done();
            match &target {
                Target::File(path) => export::write_file(&project, &deck, path, &progress)
                    .map(|()| format!("Exported {n} slides to {}", path.display())),
                Target::Pictures(dir, format) => {
                    export::write_pictures(&project, &deck, dir, *format, (1920, 1080), &progress)
                        .map(|f| format!("Exported {} pictures into {}", f.len(), dir.display()))
                }
            }
        },
    )
}
