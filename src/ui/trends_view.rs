//! The Trends view (placeholder until the charts land).

use crate::document::Document;
use crate::ui::nav::Nav;

#[derive(Default)]
pub struct TrendsView {
    open: Option<String>,
}

impl TrendsView {
    /// Open a measure's large chart.
    pub fn open_measure(&mut self, id: &str) {
        self.open = Some(id.to_string());
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, doc: &mut Document, _nav: &mut Nav) {
        let p = doc.project();
        ui.heading("Trends");
        ui.label(format!(
            "{} measures with {} observations",
            p.measures.len(),
            p.observation_count()
        ));
    }
}
