//! An open project: the model, where it lives on disk, its undo history and whether it is saved.

use crate::file::{self, Check, DiskState, Fingerprint, LoadError, SaveError, SaveOptions};
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
    previous_revision: Option<u64>,
    /// Lines of the file on disk that hold comments, which saving over it would drop.
    comment_lines: Vec<usize>,
    /// The file as it was last read or written, to notice changes made by others.
    on_disk: Option<Fingerprint>,
    /// Why the file cannot be saved in place, if it cannot (read-only file, disk or folder).
    read_only: Option<String>,
    /// What the last save wants the user to know although it worked.
    save_warning: Option<String>,
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
            previous_revision: None,
            comment_lines: Vec::new(),
            on_disk: None,
            read_only: None,
            save_warning: None,
        }
    }

    /// Open a project file. Temporary files that killed saves of it left are removed; a file
    /// that cannot be saved in place opens read-only (see [`Document::read_only`]).
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let (project, comment_lines, fingerprint) = file::load_fingerprinted(path)?;
        let mut doc = Document::new(project, Some(path.to_path_buf()));
        doc.comment_lines = comment_lines;
        doc.on_disk = fingerprint;
        file::tidy(path);
        doc.read_only = file::why_read_only(path);
        Ok(doc)
    }

    /// A document holding `project`, recovered from a recovery file: the file at `path` (if
    /// any) is opened and replaced by `project` as one undoable edit, so the recovered edits
    /// show as unsaved. `base` is the file as it was when the edits began: if the file has
    /// changed since, saving finds it changed and asks, as it would have then.
    pub fn recovered(
        path: Option<&Path>,
        project: Project,
        base: Option<Fingerprint>,
    ) -> Result<Self, LoadError> {
        let mut doc = match path {
            Some(p) if p.exists() => Document::open(p)?,
            // The file has gone: saving writes it afresh.
            Some(p) => Document::new(Project::default(), Some(p.to_path_buf())),
            None => Document::default(),
        };
        if base.is_some() && path.is_some_and(|p| p.exists()) {
            doc.on_disk = base;
        }
        doc.apply("Recover unsaved edits", Edit::SetProject(Box::new(project)))
            .map_err(|e| LoadError {
                problems: vec![file::Problem {
                    file: doc.display_name(),
                    location: file::Location::File,
                    message: e.to_string(),
                }],
            })?;
        Ok(doc)
    }

    /// The file as it was last read or saved (None for a document without one).
    pub fn on_disk(&self) -> Option<&Fingerprint> {
        self.on_disk.as_ref()
    }

    /// Why the document's file cannot be saved in place ("the file is marked read-only"),
    /// or None. Save As still works.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// How the file on disk compares with what was last read or saved. A document without a
    /// file, or never read from one, is [`DiskState::Same`].
    pub fn disk_state(&self, check: Check) -> DiskState {
        match (&self.path, &self.on_disk) {
            (Some(path), Some(fp)) => fp.compare(path, check).unwrap_or(DiskState::Changed),
            _ => DiskState::Same,
        }
    }

    /// What the last save wanted the user to know although it worked (the previous version
    /// could not be kept as the backup).
    pub fn save_warning(&self) -> Option<&str> {
        self.save_warning.as_deref()
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

    /// The revision of the state just before this one (after one edit, undo or redo), if
    /// there was one: what that state held is still in the project or its history.
    pub fn previous_revision(&self) -> Option<u64> {
        self.previous_revision
    }

    fn next_state(&mut self) {
        self.previous_revision = Some(self.revision);
        self.revision = next_revision();
    }

    /// Make a change, recorded for undo under `label` (e.g. "Change RAG of R3").
    pub fn apply(&mut self, label: impl Into<String>, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.project, label, edit)?;
        self.next_state();
        Ok(())
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.project);
        if done {
            self.next_state();
        }
        done
    }

    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.project);
        if done {
            self.next_state();
        }
        done
    }

    /// Save to the file it came from. Errors if it has none (use [`Document::save_as`]), if
    /// it is read-only, or if it was changed on disk since it was read (see
    /// [`Document::overwrite`]).
    pub fn save(&mut self) -> Result<(), SaveError> {
        let Some(path) = self.path.clone() else {
            return Err(SaveError {
                path: PathBuf::from("Untitled"),
                reason: "choose where to save it first".into(),
                kind: file::SaveErrorKind::Io,
            });
        };
        if let Some(why) = &self.read_only {
            return Err(SaveError {
                path,
                reason: format!("{why}; save it under another name"),
                kind: file::SaveErrorKind::ReadOnly,
            });
        }
        let read = self.on_disk;
        let options = match &read {
            Some(fp) => SaveOptions::expecting(fp),
            None => SaveOptions::default(),
        };
        self.write(&path, &options)
    }

    /// Save to the document's file whatever is on disk now: the user has been told that it
    /// changed since it was read and chose to replace it.
    pub fn overwrite(&mut self) -> Result<(), SaveError> {
        match self.path.clone() {
            Some(p) => self.write(&p, &SaveOptions::default()),
            None => self.save(),
        }
    }

    /// Save to `path` and make that the document's file. On error nothing changes. Onto the
    /// document's own file this is [`Document::save`].
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        if self.path.as_deref().is_some_and(|own| same_file(own, path)) {
            return self.save();
        }
        self.write(path, &SaveOptions::default())
    }

    fn write(&mut self, path: &Path, options: &SaveOptions) -> Result<(), SaveError> {
        let saved = file::save_with(&self.project, path, options)?;
        self.path = Some(path.to_path_buf());
        self.saved_state = Some(self.history.state());
        self.comment_lines.clear();
        self.on_disk = Some(saved.fingerprint);
        self.read_only = None;
        self.save_warning = saved.warning;
        Ok(())
    }
}

/// Do `a` and `b` name the same file (through links and `..`)?
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
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

    fn rename(doc: &mut Document, title: &str) {
        let mut prog = doc.project().programme.clone();
        prog.title = title.into();
        doc.apply("Rename", Edit::SetProgramme(Box::new(prog)))
            .unwrap();
    }

    #[test]
    fn a_change_on_disk_is_noticed_and_only_overwritten_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        file::save(&Project::default(), &path).unwrap();
        let mut mine = Document::open(&path).unwrap();
        let mut theirs = Document::open(&path).unwrap();
        assert_eq!(mine.disk_state(Check::Quick), DiskState::Same);

        rename(&mut theirs, "Theirs");
        theirs.save().unwrap();
        rename(&mut mine, "Mine");
        assert_eq!(mine.disk_state(Check::Quick), DiskState::Changed);
        let err = mine.save().unwrap_err();
        assert_eq!(err.kind, file::SaveErrorKind::ChangedOnDisk);
        assert!(mine.is_dirty());
        assert_eq!(file::load(&path).unwrap().programme.title, "Theirs");
        // Save As onto the same file by another spelling of its path is Save, and refused.
        let other_spelling = dir.path().join(".").join("p.ron");
        assert!(mine.save_as(&other_spelling).is_err());

        mine.overwrite().unwrap();
        assert!(!mine.is_dirty());
        assert_eq!(file::load(&path).unwrap().programme.title, "Mine");
        // Its own save is not a change by someone else.
        assert_eq!(mine.disk_state(Check::Thorough), DiskState::Same);
        rename(&mut mine, "Mine again");
        mine.save().unwrap();
    }

    #[test]
    fn a_read_only_file_opens_read_only_and_save_as_still_works() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        file::save(&Project::default(), &path).unwrap();
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&path, perms).unwrap();
        let before = std::fs::read(&path).unwrap();

        let mut doc = Document::open(&path).unwrap();
        assert_eq!(doc.read_only(), Some("the file is marked read-only"));
        rename(&mut doc, "Edited");
        let err = doc.save().unwrap_err();
        assert_eq!(err.kind, file::SaveErrorKind::ReadOnly);
        assert!(err.to_string().contains("another name"), "{err}");
        assert!(doc.is_dirty());
        assert_eq!(std::fs::read(&path).unwrap(), before);

        let copy = dir.path().join("copy.ron");
        doc.save_as(&copy).unwrap();
        assert_eq!(doc.read_only(), None);
        assert!(!doc.is_dirty());
        assert_eq!(file::load(&copy).unwrap().programme.title, "Edited");
    }

    /// Edits recovered over a file that others changed since they began are not saved over
    /// those changes without asking.
    #[test]
    fn a_recovered_document_is_unsaved_and_knows_the_file_it_began_from() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        file::save(&Project::default(), &path).unwrap();
        let base = Fingerprint::read(&path).unwrap();
        let mut edited = Project::default();
        edited.programme.title = "Recovered".into();

        let mut doc = Document::recovered(Some(&path), edited.clone(), Some(base)).unwrap();
        assert!(doc.is_dirty());
        assert_eq!(doc.project().programme.title, "Recovered");
        assert_eq!(doc.history().undo_label(), Some("Recover unsaved edits"));
        doc.save().unwrap();

        // Someone else saved after the edits began: the save asks.
        let mut theirs = Project::default();
        theirs.programme.title = "Theirs".into();
        file::save(&theirs, &path).unwrap();
        let mut doc = Document::recovered(Some(&path), edited.clone(), Some(base)).unwrap();
        let err = doc.save().unwrap_err();
        assert_eq!(err.kind, file::SaveErrorKind::ChangedOnDisk);

        // The file has gone: the edits are saved to it afresh; untitled stays untitled.
        std::fs::remove_file(&path).unwrap();
        let mut doc = Document::recovered(Some(&path), edited.clone(), Some(base)).unwrap();
        assert!(doc.is_dirty());
        doc.save().unwrap();
        assert_eq!(file::load(&path).unwrap().programme.title, "Recovered");
        let doc = Document::recovered(None, edited, None).unwrap();
        assert!(doc.path().is_none() && doc.is_dirty());
    }
}
