//! The Wheel view (placeholder until the interactive wheel lands).

use crate::document::Document;
use crate::ui::nav::Nav;

#[derive(Default)]
pub struct WheelView {
    selected: Option<String>,
}

impl WheelView {
    /// Select an outcome (from another view).
    pub fn select_outcome(&mut self, id: &str) {
        self.selected = Some(id.to_string());
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, doc: &mut Document, _nav: &mut Nav) {
        let p = doc.project();
        ui.heading(&p.programme.title);
        ui.label(&p.programme.vision);
        ui.label(format!(
            "{} priorities, {} areas of need, {} outcomes, {} resident-voice statements",
            p.priorities.len(),
            p.needs.len(),
            p.outcomes.len(),
            p.voices.len()
        ));
    }
}
