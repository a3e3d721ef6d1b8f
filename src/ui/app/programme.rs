//! The app's side of the Programme view: File › New's steps, and the Edit menu's commands
//! that open the programme editor.

use super::OutcomeApp;
use crate::edit::Here;
use crate::history::List;
use crate::ui::nav::View;
use crate::ui::programme_view::new_project::Finish;

impl OutcomeApp {
    /// Show File › New's steps while they are open.
    pub(super) fn new_project_steps(&mut self, ui: &mut egui::Ui) {
        let Some(steps) = &mut self.new_project else {
            return;
        };
        match steps.ui(ui.ctx(), &mut self.doc) {
            None => {}
            Some(Finish::Closed) => self.new_project = None,
            Some(Finish::ShowWheel) => {
                self.new_project = None;
                self.view = View::Wheel;
                self.set_status(
                    "Your first wheel: add measures, voices and more in the Programme view",
                );
            }
        }
    }

    /// Whether File › New's steps are shown.
    pub fn is_starting_new(&self) -> bool {
        self.new_project.is_some()
    }

    /// Open the programme's own details in the Programme view.
    pub fn edit_programme(&mut self) {
        self.programme.edit_programme(&self.doc);
        self.view = View::Programme;
    }

    /// Open the Programme view's editor on a new item of `list`.
    pub fn add_item(&mut self, list: List) {
        self.programme.add(&self.doc, list, &Here::default());
        self.view = View::Programme;
    }
}
