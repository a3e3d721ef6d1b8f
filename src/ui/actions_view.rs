//! The Action plans view (placeholder until the tables land).

use crate::document::Document;
use crate::ui::nav::Nav;

#[derive(Default)]
pub struct ActionsView {
    focus: Option<(String, String)>,
}

impl ActionsView {
    /// Show one action of a plan.
    pub fn focus_action(&mut self, plan: &str, reference: &str) {
        self.focus = Some((plan.to_string(), reference.to_string()));
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, doc: &mut Document, _nav: &mut Nav) {
        let p = doc.project();
        ui.heading("Action plans");
        for plan in &p.action_plans {
            ui.label(format!("{}: {} actions", plan.title, plan.actions.len()));
        }
    }
}
