//! The file on disk as others change it: noticed when the window regains focus and before
//! Save, with the choice to reload (the edits set aside as a recovery), save elsewhere or
//! overwrite knowingly; and a read-only file shown as such, with Save As at hand.

use super::OutcomeApp;
use crate::document::Document;
use crate::file::{Check, DiskState, Fingerprint};
use egui::RichText;

/// What the app knows about the document's file being changed by others.
#[derive(Default)]
pub(super) struct DiskWatch {
    /// The question being asked, if any.
    question: Option<Question>,
    /// The file as it was when the user chose to keep editing over a change: not asked about
    /// again on focus until it changes again (Save still asks).
    dismissed: Option<Fingerprint>,
    /// Whether the window had focus at the last frame.
    focused: Option<bool>,
}

/// The question about a file changed on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Question {
    /// Asked because the user saved (so "Overwrite" is what they were doing).
    on_save: bool,
    /// The file is gone (deleted, moved or renamed) rather than changed.
    missing: bool,
}

/// The user's answer.
enum Answer {
    Reload,
    SaveElsewhere,
    Overwrite,
    KeepEditing,
}

impl OutcomeApp {
    /// Follow the window's focus: losing it writes the unsaved edits aside at once, regaining
    /// it looks at the file on disk.
    pub(super) fn watch_focus(&mut self, ctx: &egui::Context) {
        let focus = ctx.input(|i| {
            i.events.iter().rev().find_map(|e| match e {
                egui::Event::WindowFocused(f) => Some(*f),
                _ => None,
            })
        });
        let Some(focused) = focus else {
            return;
        };
        let was = self.disk_watch.focused.replace(focused);
        if was == Some(focused) {
            return;
        }
        if focused {
            self.look_at_disk(false);
        } else {
            self.autosave(true);
        }
    }

    /// Whether the file on disk is still what the document was read from; if not, ask
    /// (before a save, or on focus unless the user chose to keep editing over this change).
    /// Returns true if the question is now being asked.
    pub(super) fn look_at_disk(&mut self, on_save: bool) -> bool {
        let check = if on_save {
            Check::Thorough
        } else {
            Check::Quick
        };
        let state = self.doc.disk_state(check);
        if state == DiskState::Same {
            return false;
        }
        if !on_save
            && let (Some(dismissed), Some(path)) = (&self.disk_watch.dismissed, self.doc.path())
            && dismissed
                .compare(path, check)
                .is_ok_and(|s| s == DiskState::Same)
        {
            return false;
        }
        self.disk_watch.question = Some(Question {
            on_save,
            missing: state == DiskState::Missing,
        });
        true
    }

    /// A new document: questions about the old one's file no longer apply.
    pub(super) fn forget_disk_question(&mut self) {
        self.disk_watch.question = None;
        self.disk_watch.dismissed = None;
    }

    /// Whether the "changed on disk" question is open (for tests).
    pub fn is_asking_about_disk(&self) -> bool {
        self.disk_watch.question.is_some()
    }

    /// The question, while it is open. Returns true while it is shown.
    pub(super) fn disk_question(&mut self, ui: &mut egui::Ui) -> bool {
        let Some(q) = self.disk_watch.question else {
            return false;
        };
        let Some(answer) = question_modal(ui, q, &self.doc.display_name(), self.doc.is_dirty())
        else {
            return true;
        };
        self.disk_watch.question = None;
        match answer {
            Answer::Reload => self.reload_from_disk(),
            Answer::SaveElsewhere => {
                self.save_as();
            }
            Answer::Overwrite => match self.doc.overwrite() {
                Ok(()) => self.set_status(format!("Saved {}", self.doc.display_name())),
                Err(e) => self.show_error("Could not save", e.to_string()),
            },
            Answer::KeepEditing => {
                self.disk_watch.dismissed = self.doc.path().and_then(|p| Fingerprint::read(p).ok());
                self.set_status("Keeping your version; Save will ask again");
            }
        }
        true
    }

    /// Open the file again as it is on disk; unsaved edits are set aside first.
    fn reload_from_disk(&mut self) {
        let Some(path) = self.doc.path().map(|p| p.to_path_buf()) else {
            return;
        };
        let mut aside = String::new();
        if self.has_unsaved_work() {
            match self.set_edits_aside() {
                Ok(file) => {
                    aside = format!(
                        "; your edits are kept in {}, offered when the app next starts",
                        file.display()
                    );
                }
                Err(e) => {
                    self.show_error(
                        "Not reloaded",
                        format!("your edits could not be set aside first: {e}"),
                    );
                    return;
                }
            }
        }
        match Document::open(&path) {
            Ok(doc) => {
                self.forget_recovery();
                self.replace_document(doc);
                self.set_status(format!("Reloaded {}{aside}", path.display()));
            }
            Err(e) => self.show_error("Could not reload", e.to_string()),
        }
        self.disk_watch.dismissed = None;
    }

    /// A band above the views while the document's file cannot be saved in place.
    pub(super) fn read_only_banner(&mut self, ui: &mut egui::Ui) {
        let Some(why) = self.doc.read_only().map(str::to_string) else {
            return;
        };
        let mut save_as = false;
        egui::Panel::top("read-only").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Read-only:").strong());
                ui.label(format!(
                    "{} cannot be saved in place: {why}. Edits stay in the window; Save As \
                     saves them to another file.",
                    self.doc.display_name()
                ));
                save_as = ui.button("Save As…").clicked();
            });
        });
        if save_as {
            self.save_as();
        }
    }
}

fn question_modal(ui: &mut egui::Ui, q: Question, name: &str, dirty: bool) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("changed-on-disk")).show(ui.ctx(), |ui| {
        ui.set_max_width(640.0);
        if q.missing {
            ui.heading(format!("{name} is no longer there"));
            ui.label(
                "The file was moved, renamed or deleted by another program since you opened \
                 it. Your version is still here.",
            );
        } else {
            ui.heading(format!("{name} was changed by another program"));
            ui.label(
                "Since you opened it, the file on disk was changed (by another copy of the app, \
                 a sync client or another person). Saving now would replace their changes.",
            );
        }
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if !q.missing {
                let reload = if dirty {
                    "Reload theirs (set my edits aside)"
                } else {
                    "Reload theirs"
                };
                if ui.button(reload).clicked() {
                    answer = Some(Answer::Reload);
                }
            }
            if ui.button("Save mine elsewhere…").clicked() {
                answer = Some(Answer::SaveElsewhere);
            }
            let overwrite = match (q.missing, q.on_save) {
                (true, _) => "Save mine in its place",
                (false, true) => "Overwrite with mine",
                (false, false) => "Overwrite with mine now",
            };
            if ui.button(overwrite).clicked() {
                answer = Some(Answer::Overwrite);
            }
            if ui.button("Keep editing").clicked() {
                answer = Some(Answer::KeepEditing);
            }
        });
    });
    answer
}
