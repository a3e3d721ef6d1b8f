//! The welcome screen, shown until a project is opened or started: open a file, start a new
//! project, or pick a recent file.

use super::OutcomeApp;
use super::state::Pending;
use crate::ui::theme;
use egui::RichText;

impl OutcomeApp {
    pub(super) fn welcome_ui(&mut self, ui: &mut egui::Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space((ui.available_height() * 0.15).min(120.0));
            ui.heading(RichText::new("Outcome Explorer").size(30.0));
            ui.label(
                RichText::new("Outcomes, measures and action plans of a long-term programme")
                    .color(theme::muted(ui)),
            );
            ui.add_space(24.0);
            let big = |text: &str| egui::Button::new(RichText::new(text).size(18.0));
            if ui.add(big("Open a project…")).clicked() {
                self.open_dialog();
            }
            ui.add_space(8.0);
            if ui.add(big("Start a new project")).clicked() {
                self.request(Pending::New);
            }
            ui.add_space(8.0);
            ui.label(
                RichText::new("or drop a .ron project file on this window").color(theme::muted(ui)),
            );
            self.recent_list(ui);
        });
    }

    fn recent_list(&mut self, ui: &mut egui::Ui) {
        if self.settings.recent.is_empty() {
            return;
        }
        ui.add_space(24.0);
        ui.label(RichText::new("Recent").strong());
        for p in self.settings.recent.clone() {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let r = ui.link(name).on_hover_text(p.display().to_string());
            if r.clicked() {
                self.request(Pending::Open(p));
            }
        }
    }
}
