//! The app's modals, one at a time: a file being opened, unsaved changes, comments that a
//! save would drop, a report of problems, and the keyboard shortcuts.

use super::OutcomeApp;
use super::command_list::COMMANDS;
use super::state::Pending;
use crate::ui::dialogs::{self, UnsavedChoice};
use egui::RichText;

impl OutcomeApp {
    pub(super) fn dialogs(&mut self, ui: &mut egui::Ui) {
        if let Some(o) = &self.opening {
            let name = o.path.file_name().unwrap_or_default().to_string_lossy();
            let size = crate::format::number(o.bytes as f64 / 1e6, 1);
            dialogs::working(ui, &format!("Opening {name} ({size} MB)…"));
            return;
        }
        if self.recovery_offer(ui) || self.disk_question(ui) {
            return;
        }
        self.unsaved_question(ui);
        if !self.comments_question(ui) {
            return;
        }
        self.failed_open_ui(ui);
        if let Some(r) = &self.report
            && dialogs::problems(ui, &r.title, &r.intro, &r.lines)
        {
            self.report = None;
        }
        if self.show_shortcuts {
            self.shortcuts_window(ui);
        }
        if self.palette.is_some() {
            self.palette_ui(ui);
        }
    }

    /// Carry out what the unsaved-changes question held back.
    fn finish_pending(&mut self, ui: &egui::Ui, pending: Pending) {
        let quit = pending == Pending::Quit;
        self.perform(pending);
        if quit {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn unsaved_question(&mut self, ui: &mut egui::Ui) {
        let Some(pending) = self.pending.clone() else {
            return;
        };
        match dialogs::unsaved_changes(ui, &self.doc.display_name(), pending.doing()) {
            Some(UnsavedChoice::Save) => {
                self.pending = None;
                if self.save() {
                    self.finish_pending(ui, pending);
                } else if let Some(after) = self.comments_question.as_mut() {
                    // Saving waits on the comments question; carry on once it is answered.
                    *after = Some(pending);
                }
            }
            Some(UnsavedChoice::Discard) => {
                self.pending = None;
                self.finish_pending(ui, pending);
            }
            Some(UnsavedChoice::Cancel) => self.pending = None,
            None => {}
        }
    }

    /// Ask about the comments a save would drop. Returns false when the question has just
    /// gone because there is nothing left to ask (no other modal is shown that frame).
    fn comments_question(&mut self, ui: &mut egui::Ui) -> bool {
        let Some(after) = self.comments_question.clone() else {
            return true;
        };
        let lines = self.doc.comment_lines().to_vec();
        if lines.is_empty() {
            // Nothing left to ask about (the file was written meanwhile).
            self.comments_question = None;
            return false;
        }
        match dialogs::drop_comments(ui, &self.doc.display_name(), &lines) {
            Some(true) => {
                self.comments_question = None;
                if self.save_anyway()
                    && let Some(pending) = after
                {
                    self.finish_pending(ui, pending);
                }
            }
            Some(false) => {
                self.comments_question = None;
                self.set_status("Not saved: the file's comments are kept");
            }
            None => {}
        }
        true
    }

    /// Every command that has a shortcut, as the README's table lists them.
    fn shortcuts_window(&mut self, ui: &mut egui::Ui) {
        let rows: Vec<(String, String)> = COMMANDS
            .iter()
            .filter(|c| !c.keys.is_empty())
            .map(|c| {
                let keys: Vec<String> =
                    c.keys.iter().map(|k| ui.ctx().format_shortcut(k)).collect();
                (keys.join(" or "), c.full_label())
            })
            .collect();
        egui::Window::new("Keyboard shortcuts")
            .open(&mut self.show_shortcuts)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for (keys, what) in rows {
                        ui.label(RichText::new(keys).monospace());
                        ui.label(what);
                        ui.end_row();
                    }
                });
            });
    }
}
