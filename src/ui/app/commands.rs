//! What the user asks of the app as a whole, from the keyboard or from a view: shortcuts,
//! undo and redo, dropped files, and requests to show an item in another view.

use super::OutcomeApp;
use super::state::{Pending, Report};
use crate::ui::nav::{Nav, NavRequest, View};
use egui::{Key, KeyboardShortcut, Modifiers};

pub(super) const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub(super) const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub(super) const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub(super) const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub(super) const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub(super) const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const REDO_ALT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub(super) const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

impl OutcomeApp {
    pub fn undo(&mut self) {
        if let Some(label) = self.doc.history().undo_label().map(str::to_owned)
            && self.doc.undo()
        {
            self.status = format!("Undid: {label}");
        }
    }

    pub fn redo(&mut self) {
        if let Some(label) = self.doc.history().redo_label().map(str::to_owned)
            && self.doc.redo()
        {
            self.status = format!("Redid: {label}");
        }
    }

    pub(super) fn handle_input(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let (open, save_as, save, new, quit, redo, undo, dropped) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&OPEN),
                i.consume_shortcut(&SAVE_AS),
                i.consume_shortcut(&SAVE),
                i.consume_shortcut(&NEW),
                i.consume_shortcut(&QUIT),
                // Ctrl+Shift+Z first: egui matches Ctrl+Z even with Shift held.
                !typing && (i.consume_shortcut(&REDO_ALT) || i.consume_shortcut(&REDO)),
                !typing && i.consume_shortcut(&UNDO),
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .find(|p| !p.as_os_str().is_empty()),
            )
        });
        if save_as {
            self.save_as();
        } else if save {
            self.save();
        }
        if open {
            self.open_dialog();
        }
        if new {
            self.request(Pending::New);
        }
        if undo {
            self.undo();
        }
        if redo {
            self.redo();
        }
        if let Some(path) = dropped {
            self.request(Pending::Open(path));
        }
        for (n, view) in View::ALL.iter().enumerate() {
            let key = [Key::Num1, Key::Num2, Key::Num3][n];
            if ctx
                .input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)))
            {
                self.view = *view;
            }
        }
        if quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.has_unsaved_work()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            // One question at a time: an open comments question is answered first.
            if self.comments_question.is_none() {
                self.pending = Some(Pending::Quit);
            }
        }
    }

    /// Carry out what the views asked for during the frame.
    pub(super) fn handle_nav(&mut self, nav: Nav) {
        for r in nav.requests {
            match r {
                NavRequest::Show(v) => self.view = v,
                NavRequest::OpenMeasure(id) => {
                    self.trends.open_measure(&id);
                    self.view = View::Trends;
                }
                NavRequest::OpenAction { plan, reference } => {
                    self.actions.focus_action(&plan, &reference);
                    self.view = View::Actions;
                }
                NavRequest::SelectOutcome(id) => {
                    self.wheel.select_outcome(&id);
                    self.view = View::Wheel;
                }
            }
        }
        if let Some(s) = nav.status {
            self.status = s;
        }
        if let Some(e) = nav.error {
            self.report = Some(Report {
                title: "Something went wrong".into(),
                intro: String::new(),
                lines: vec![e],
            });
        }
    }
}
