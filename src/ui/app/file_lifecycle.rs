//! The document's life: new, open (a large file on another thread), save, save as, and the
//! unsaved-changes question in front of anything that would replace or close it.

use super::OutcomeApp;
use super::state::{Opening, Pending, Report, same_file};
use crate::document::Document;
use crate::file::LoadError;
use crate::ui::{actions_view::ActionsView, trends_view::TrendsView, wheel_view::WheelView};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

impl OutcomeApp {
    /// Open `path`, first asking about unsaved changes if there are any.
    pub fn open(&mut self, path: &Path) {
        self.request(Pending::Open(path.to_path_buf()));
    }

    /// Whether a file is being read on another thread.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Show `doc` instead of the current document: every view starts afresh, and a question
    /// about the old document no longer applies.
    pub(super) fn replace_document(&mut self, doc: Document) {
        self.forget_recovery();
        self.forget_disk_question();
        self.doc = doc;
        self.welcome = false;
        self.comments_question = None;
        self.wheel = WheelView::default();
        self.trends = TrendsView::default();
        // The day the tables count from is the app's, not the document's.
        let today = self.actions.today;
        self.actions = ActionsView::default();
        self.actions.today = today;
        self.programme = Default::default();
        self.new_project = None;
    }

    /// Open a file now, without asking about unsaved changes: a large one on another thread.
    pub(super) fn open_now(&mut self, path: &Path) {
        let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if bytes >= self.background_open_bytes {
            let (send, result) = mpsc::channel();
            let owned = path.to_path_buf();
            let spawned = std::thread::Builder::new()
                .name("open-project".into())
                .spawn(move || {
                    let _ = send.send(Document::open(&owned));
                });
            if spawned.is_ok() {
                self.opening = Some(Opening {
                    path: path.to_path_buf(),
                    bytes,
                    result,
                });
                return;
            }
        }
        let result = Document::open(path);
        self.finish_open(path, result);
    }

    /// Take the file read on another thread, once it is ready.
    pub(super) fn poll_opening(&mut self, ctx: &egui::Context) {
        let Some(o) = &self.opening else { return };
        let result = match o.result.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(Duration::from_millis(30));
                return;
            }
            Err(mpsc::TryRecvError::Disconnected) => Err(LoadError {
                problems: vec![crate::file::Problem {
                    file: o.path.display().to_string(),
                    location: crate::file::Location::File,
                    message: "reading the file stopped unexpectedly".into(),
                }],
            }),
        };
        let path = o.path.clone();
        self.opening = None;
        self.finish_open(&path, result);
    }

    fn finish_open(&mut self, path: &Path, result: Result<Document, LoadError>) {
        match result {
            Ok(doc) => {
                self.replace_document(doc);
                self.settings.remember(path);
                self.set_status(format!("Opened {}", path.display()));
            }
            Err(e) => self.show_failed_open(path, &e),
        }
    }

    /// Replace or close the document, asking first if there are unsaved changes.
    pub(super) fn request(&mut self, what: Pending) {
        if self.comments_question.is_some() {
            // One question at a time: the comments question is still open.
            return;
        }
        if self.has_unsaved_work() {
            self.pending = Some(what);
        } else {
            self.perform(what);
        }
    }

    /// Whether closing now would lose something: shown as "● Unsaved changes". A new
    /// untitled project nobody has touched has nothing to lose, so shows no marker.
    pub(super) fn has_unsaved_work(&self) -> bool {
        self.doc.is_dirty() && !self.is_pristine_untitled()
    }

    /// A new untitled project nobody has touched has nothing to lose.
    fn is_pristine_untitled(&self) -> bool {
        self.doc.path().is_none() && !self.doc.history().can_undo()
    }

    pub(super) fn perform(&mut self, what: Pending) {
        // A question about the document being replaced no longer applies.
        self.comments_question = None;
        match what {
            Pending::New => {
                self.replace_document(Document::default());
                self.new_project = Some(Default::default());
                self.set_status("New project");
            }
            Pending::Open(p) => self.open_now(&p),
            Pending::Quit => {
                self.forget_recovery();
                self.allow_close = true;
            }
        }
    }

    /// Save to the current file, or ask where if it has none. Returns true when saved.
    pub fn save(&mut self) -> bool {
        if self.doc.path().is_none() {
            return self.save_as();
        }
        if !self.doc.comment_lines().is_empty() {
            // Asked first: the answer comes back through `dialogs` (see `save_anyway`).
            self.comments_question.get_or_insert(None);
            return false;
        }
        self.save_anyway()
    }

    /// Save to the document's file without asking about its comments.
    pub(super) fn save_anyway(&mut self) -> bool {
        match self.doc.save() {
            Ok(()) => {
                self.set_status(format!("Saved {}", self.doc.display_name()));
                true
            }
            Err(e) if e.kind == crate::file::SaveErrorKind::ChangedOnDisk => {
                // Asked: reload, save elsewhere or overwrite (see `disk_question`).
                if !self.look_at_disk(true) {
                    self.show_error("Could not save", e.to_string());
                }
                false
            }
            Err(e) => {
                self.show_error("Could not save", e.to_string());
                false
            }
        }
    }

    pub(super) fn save_as(&mut self) -> bool {
        let Some(path) = rfd::FileDialog::new()
            .add_filter("Outcome Explorer project", &["ron"])
            .set_file_name(suggested_file_name(&self.doc))
            .save_file()
        else {
            return false;
        };
        let path = with_ron_extension(path);
        if self.doc.path().is_some_and(|own| same_file(own, &path)) {
            // Over the document's own file: as Save (which asks about comments first).
            return self.save();
        }
        match self.doc.save_as(&path) {
            Ok(()) => {
                self.settings.remember(&path);
                self.set_status(format!("Saved {}", path.display()));
                true
            }
            Err(e) => {
                self.show_error("Could not save", e.to_string());
                false
            }
        }
    }

    pub(super) fn show_error(&mut self, title: &str, message: String) {
        self.report = Some(Report {
            title: title.into(),
            intro: "Your changes are still here, and the file on disk is as it was.".into(),
            lines: vec![message],
        });
    }

    pub(super) fn open_dialog(&mut self) {
        if let Some(path) = rfd::FileDialog::new()
            .add_filter("Outcome Explorer project", &["ron"])
            .pick_file()
        {
            self.request(Pending::Open(path));
        }
    }
}

/// The name Save As offers: the file's own, or one made from the programme's title
/// ("Luton 2040" → `luton-2040.ron`), never a bare "Untitled".
pub fn suggested_file_name(doc: &Document) -> String {
    if doc.path().is_some() {
        return doc.display_name();
    }
    let title = doc.project().programme.title.to_lowercase();
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        "project.ron".into()
    } else {
        format!("{}.ron", words.join("-"))
    }
}

/// A project file's path ends in `.ron`: one typed without it gains it.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    let is_ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    if is_ron {
        return path;
    }
    let mut s = path.into_os_string();
    s.push(".ron");
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_project_is_offered_a_name_from_its_title_ending_in_ron() {
        let mut doc = Document::default();
        assert_eq!(suggested_file_name(&doc), "untitled-programme.ron");
        let mut p = doc.project().clone();
        p.programme.title = " — ".into();
        assert_eq!(
            suggested_file_name(&Document::new(p.clone(), None)),
            "project.ron"
        );
        p.programme.title = "Luton 2040: Plan (draft)".into();
        doc = Document::new(p, None);
        assert_eq!(suggested_file_name(&doc), "luton-2040-plan-draft.ron");
        let doc = Document::new(Default::default(), Some(PathBuf::from("/x/mine.ron")));
        assert_eq!(suggested_file_name(&doc), "mine.ron");
    }

    #[test]
    fn a_path_without_ron_gains_it_and_one_with_it_is_kept() {
        assert_eq!(
            with_ron_extension("/x/Untitled".into()),
            PathBuf::from("/x/Untitled.ron")
        );
        assert_eq!(
            with_ron_extension("/x/plan.v2".into()),
            PathBuf::from("/x/plan.v2.ron")
        );
        assert_eq!(
            with_ron_extension("/x/a.RON".into()),
            PathBuf::from("/x/a.RON")
        );
    }
}
