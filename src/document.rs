//! An open project: the model, where it lives on disk, its undo history and whether it is saved.

use crate::file::{self, LoadError, SaveError};
use crate::history::{Edit, EditError, History};
use crate::model::Project;
use std::path::{Path, PathBuf};

/// The project being worked on.
#[derive(Debug, Clone)]
pub struct Document {
    project: Project,
    path: Option<PathBuf>,
    history: History,
    saved_state: Option<u64>,
    revision: u64,
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
            revision: 0,
        }
    }

    /// Open a project file.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        Ok(Document::new(file::load(path)?, Some(path.to_path_buf())))
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

    /// A number that changes whenever the project does: views key their caches on it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Make a change, recorded for undo under `label` (e.g. "Change RAG of R3").
    pub fn apply(&mut self, label: impl Into<String>, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.project, label, edit)?;
        self.revision += 1;
        Ok(())
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.project);
        self.revision += done as u64;
        done
    }

    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.project);
        self.revision += done as u64;
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

    #[test]
    fn new_untitled_document_is_dirty_and_needs_a_path() {
        let mut doc = Document::default();
        assert!(doc.is_dirty());
        assert!(doc.save().is_err());
    }
}
