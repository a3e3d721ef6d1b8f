//! The deck written on other threads while the window stays live, with a progress bar.

use crate::deck::export;
use crate::export::ImageFormat;
use crate::model::{Presentation, Project};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Where and how the deck is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A .pptx or .pdf file.
    File(PathBuf),
    /// A folder of numbered pictures.
    Pictures(PathBuf, ImageFormat),
}

/// An export under way.
pub struct ExportJob {
    pub target: Target,
    pub slides: usize,
    done: Arc<AtomicUsize>,
    result: mpsc::Receiver<Result<String, String>>,
}

impl ExportJob {
    /// Start writing `deck` of `project` to `target`.
    pub fn start(project: &Project, deck: &Presentation, target: Target) -> ExportJob {
        let (tx, rx) = mpsc::channel();
        let done = Arc::new(AtomicUsize::new(0));
        let counter = done.clone();
        let project = project.clone();
        let slides = deck.slides.len();
        let deck = deck.clone();
        let to = target.clone();
        std::thread::spawn(move || {
            let progress = |_: usize| {
                counter.fetch_add(1, Ordering::Relaxed);
            };
            let n = deck.slides.len();
            let r = match &to {
                Target::File(path) => export::write_file(&project, &deck, path, &progress)
                    .map(|()| format!("Exported {n} slides to {}", path.display())),
                Target::Pictures(dir, format) => {
                    export::write_pictures(&project, &deck, dir, *format, (1920, 1080), &progress)
                        .map(|f| format!("Exported {} pictures into {}", f.len(), dir.display()))
                }
            };
            let _ = tx.send(r);
        });
        ExportJob {
            target,
            slides,
            done,
            result: rx,
        }
    }

    /// Slides drawn so far, as a fraction of the deck.
    pub fn fraction(&self) -> f32 {
        self.done.load(Ordering::Relaxed) as f32 / self.slides.max(1) as f32
    }

    /// The outcome, once the export has finished (a message for the status line or why it
    /// failed).
    pub fn finished(&self) -> Option<Result<String, String>> {
        match self.result.try_recv() {
            Ok(r) => Some(r),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                Some(Err("the export stopped unexpectedly".into()))
            }
        }
    }

    /// Wait for the export to end (tests).
    pub fn wait(&self) -> Result<String, String> {
        self.result
            .recv()
            .unwrap_or_else(|_| Err("the export stopped unexpectedly".into()))
    }
}
