//! The dashboard: one small card per measure, headline measures first, laid out only where
//! visible.

use super::card;
use super::*;

impl TrendsView {
    pub(super) fn dashboard(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
        self.shown_plot = None;
        ui.horizontal(|ui| {
            ui.heading("Trends");
            ui.label(
                RichText::new("Headline measures first. Click a chart to open it.")
                    .color(theme::muted(ui)),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("New measure").clicked() {
                    let here = crate::edit::Here::default();
                    crate::ui::programme_view::go_add(nav, crate::history::List::Measures, here);
                }
                ui.menu_button("Export…", |ui| {
                    self.export.ui(ui);
                    let (w, h) = (self.export.width, self.export.height);
                    if ui.button("Copy the dashboard as a picture").clicked() {
                        ui.close();
                        if let Some(pic) = self.picture(doc.project(), ui.ctx()) {
                            crate::ui::clipboard::copy_picture(ui.ctx(), &pic, nav);
                        }
                    }
                    if ui.button("Dashboard as a picture…").clicked() {
                        ui.close();
                        if let Some(path) = rfd::FileDialog::new()
                            .add_filter("Picture", &["png", "svg"])
                            .set_file_name("dashboard.png")
                            .save_file()
                        {
                            match chart::export::export_dashboard(doc.project(), &path, w, h) {
                                Ok(()) => nav.status = Some(format!("Exported {}", path.display())),
                                Err(e) => nav.error = Some(e),
                            }
                        }
                    }
                    if ui.button("Every chart as PNG, to a folder…").clicked() {
                        ui.close();
                        if let Some(dir) = rfd::FileDialog::new().pick_folder() {
                            // Written on other threads, with a progress bar.
                            nav.go(crate::ui::nav::NavRequest::ExportCharts { dir, size: (w, h) });
                        }
                    }
                });
            });
        });
        ui.add_space(4.0);
        let count = self.cards(doc).len();
        if count == 0 {
            ui.label("This project has no measures yet.");
            return;
        }
        // As many columns as cards of the least width fit, each widened to use the row.
        let gap = ui.spacing().item_spacing.x;
        let cols = (((ui.available_width() + gap) / (CARD.x + gap)).floor() as usize).max(1);
        let width = ((ui.available_width() + gap) / cols as f32 - gap).max(CARD.x);
        let rows = count.div_ceil(cols);
        let mut open = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, CARD.y, rows, |ui, range| {
                let all = &self.cards_cache.as_ref().expect("filled").1;
                for r in range {
                    ui.horizontal(|ui| {
                        for c in all.iter().skip(r * cols).take(cols) {
                            if card::card_ui(ui, c, width).clicked() {
                                open = Some(c.id.clone());
                            }
                        }
                    });
                }
            });
        if let Some(id) = open {
            self.open_measure(&id);
        }
    }
}
