//! The app's own state besides the document and the views: what it is waiting for, what it
//! is showing in a modal, and what it remembers between runs.

use crate::document::Document;
use crate::file::LoadError;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

/// Something that replaces or closes the document, held while the user answers
/// the unsaved-changes question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Pending {
    New,
    Open(PathBuf),
    Quit,
}

impl Pending {
    pub(super) fn doing(&self) -> &'static str {
        match self {
            Pending::New => "starting a new project",
            Pending::Open(_) => "opening another file",
            Pending::Quit => "closing",
        }
    }
}

/// Problems to show in a modal.
pub(super) struct Report {
    pub title: String,
    pub intro: String,
    pub lines: Vec<String>,
}

/// A file being read on another thread.
pub(super) struct Opening {
    pub path: PathBuf,
    pub bytes: u64,
    pub result: mpsc::Receiver<Result<Document, LoadError>>,
}

/// Start-up timing, printed when the first frame has been painted.
pub(super) struct StartupLog {
    pub started: Instant,
    pub frames: u32,
    pub exit: bool,
}

/// Whether two paths name the same file (as typed on the command line, or as a file dialog
/// returns it, absolute and through symbolic links).
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
