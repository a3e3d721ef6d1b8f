//! An open project: the model, where it lives on disk, its undo history and whether it is saved.

use crate::file::{self, LoadError, SaveError};
use crate::history::{Edit, EditError, History};
use crate::model::Project;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Revisions are numbered across every document in the process, so that a view's cache made
/// for one document is never taken for another's (a new document's third edit is not the
/// old one's).
fn next_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The project being worked on.
#[derive(Debug, Clone)]
pub struct Document {
    project: Project,
    path: Option<PathBuf>,
    history: History,
    saved_state: Option<u64>,
    revision: u64,
    /// Lines of the file on disk that hold comments, which saving over it would drop.
    comment_lines: Vec<usize>,
}

impl Default for Document {
    fn default() -> Self {
        Document::new(Project::default(), None)
    }
}

impl Document {
    /// A document for `project`, saved at `path` if it came from there.
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        let history = History::default();
        let saved_state = path.as_ref().map(|_| history.state());
        Document {
            project,
            path,
            history,
            saved_state,
            revision: next_revision(),
            comment_lines: Vec::new(),
        }
    }

    /// Open a project file.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let (project, comment_lines) = file::load_noting_comments(path)?;
        let mut doc = Document::new(project, Some(path.to_path_buf()));
        doc.comment_lines = comment_lines;
        Ok(doc)
    }

    /// The lines with comments in the document's file, which [`Document::save`] would not
    /// keep (empty once the app has written the file).
    pub fn comment_lines(&self) -> &[usize] {
        &self.comment_lines
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The file name for the title bar ("luton-2040.ron", or "Untitled").
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".into())
    }

    /// Has the project changed since it was last opened or saved?
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.history.state())
    }

    /// A number that changes whenever the project does, unique to this state of this
    /// document: views key their caches on it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Make a change, recorded for undo under `label` (e.g. "Change RAG of R3").
    pub fn apply(&mut self, label: impl Into<String>, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.project, label, edit)?;
        self.revision = next_revision();
        Ok(())
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.project);
        if done {
            self.revision = next_revision();
        }
        done
    }

    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.project);
        if done {
            self.revision = next_revision();
        }
        done
    }

    /// Save to the file it came from. Errors if it has none (use [`Document::save_as`]).
    pub fn save(&mut self) -> Result<(), SaveError> {
        match self.path.clone() {
            Some(p) => self.save_as(&p),
            None => Err(SaveError {
                path: PathBuf::from("Untitled"),
                reason: "choose where to save it first".into(),
            }),
        }
    }

    /// Save to `path` and make that the document's file. On error nothing changes.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        file::save(&self.project, path)?;
        self.path = Some(path.to_path_buf());
        self.saved_state = Some(self.history.state());
        self.comment_lines.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dirty_until_saved_and_clean_again_after_undo_to_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        file::save(&Project::default(), &path).unwrap();
        let mut doc = Document::open(&path).unwrap();
        assert!(!doc.is_dirty());
        let mut prog = doc.project().programme.clone();
        prog.title = "Luton 2040".into();
        doc.apply("Rename", Edit::SetProgramme(Box::new(prog)))
            .unwrap();
        assert!(doc.is_dirty());
        assert!(doc.undo());
        assert!(!doc.is_dirty());
        assert!(doc.redo());
        doc.save().unwrap();
        assert!(!doc.is_dirty());
        assert_eq!(file::load(&path).unwrap().programme.title, "Luton 2040");
    }

    /// Views cache on the revision: two documents never share one, even after the same
    /// number of edits, and every change (undo and redo included) gives a new one.
    #[test]
    fn revisions_are_never_shared_between_documents_or_states() {
        let edit = |doc: &mut Document| {
            let mut prog = doc.project().programme.clone();
            prog.title.push('x');
            doc.apply("Rename", Edit::SetProgramme(Box::new(prog)))
                .unwrap();
        };
        let mut a = Document::default();
        let mut b = Document::default();
        assert_ne!(a.revision(), b.revision());
        let mut seen = vec![a.revision(), b.revision()];
        for _ in 0..3 {
            edit(&mut a);
            edit(&mut b);
            seen.extend([a.revision(), b.revision()]);
        }
        assert!(a.undo());
        seen.push(a.revision());
        assert!(a.redo());
        seen.push(a.revision());
        let before = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), before, "a revision was repeated");
        // Nothing to undo: the project and its revision stay as they are.
        let mut c = Document::default();
        let r = c.revision();
        assert!(!c.undo());
        assert_eq!(c.revision(), r);
    }

    #[test]
    fn new_untitled_document_is_dirty_and_needs_a_path() {
        let mut doc = Document::default();
        assert!(doc.is_dirty());
        assert!(doc.save().is_err());
    }
}
