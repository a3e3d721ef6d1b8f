//! What the user asks of the app as a whole, from the keyboard or from a view: commands run
//! by their shortcuts, dropped files, closing the window, and requests to show an item in
//! another view.

use super::OutcomeApp;
use super::command::{Action, Command};
use super::command_list::COMMANDS;
use super::state::{Pending, Report};
use crate::ui::nav::{Nav, NavRequest, View};

impl OutcomeApp {
    pub fn undo(&mut self) {
        if let Some(label) = self.doc.history().undo_label().map(str::to_owned)
            && self.doc.undo()
        {
            self.set_status(format!("Undid: {label}"));
        }
    }

    pub fn redo(&mut self) {
        if let Some(label) = self.doc.history().redo_label().map(str::to_owned)
            && self.doc.redo()
        {
            self.set_status(format!("Redid: {label}"));
        }
    }

    /// Run `command` if it can run now. Returns whether it ran.
    pub fn run_command(&mut self, command: &Command, ctx: &egui::Context) -> bool {
        match command.action {
            Action::Run(run) if (command.enabled)(self) => {
                run(self, ctx);
                true
            }
            _ => false,
        }
    }

    /// Run the command with this id (see [`super::command_list::COMMANDS`]), if it can run now.
    pub fn run_command_id(&mut self, id: &str, ctx: &egui::Context) -> bool {
        super::command_list::command(id).is_some_and(|c| self.run_command(c, ctx))
    }

    pub(super) fn handle_input(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        // Shortcuts with more modifiers first: egui matches Ctrl+Z while Shift is held too.
        let mut shortcuts: Vec<_> = COMMANDS
            .iter()
            .filter(|c| !typing || c.while_typing)
            .flat_map(|c| c.keys.iter().map(move |k| (c, k)))
            .collect();
        shortcuts.sort_by_key(|(_, k)| {
            let m = k.modifiers;
            std::cmp::Reverse(m.alt as u8 + m.shift as u8 + m.command as u8 + m.ctrl as u8)
        });
        for (command, key) in shortcuts {
            // Taken even when the command cannot run, so that Ctrl+Shift+Z with nothing to
            // redo is not read as Ctrl+Z.
            if ctx.input_mut(|i| i.consume_shortcut(key)) {
                self.run_command(command, ctx);
            }
        }
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            self.request(Pending::Open(path));
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
                NavRequest::OpenPlan(id) => {
                    self.actions.select_plan(&id);
                    self.view = View::Actions;
                }
                NavRequest::EditItem { list, id } => {
                    self.programme.edit(&self.doc, list, &id);
                    self.view = View::Programme;
                }
                NavRequest::AddItem { list, here } => {
                    self.programme.add(&self.doc, list, &here);
                    self.view = View::Programme;
                }
                NavRequest::ExportCharts { dir, size } => self.export_charts_to(dir, size),
            }
        }
        if let Some(s) = nav.status {
            self.set_status(s);
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
