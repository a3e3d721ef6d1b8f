//! One measure's page: its title, status, the chart's toolbar, the chart, and the data
//! under it.

use super::*;

impl TrendsView {
    pub(super) fn measure_page(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        nav: &mut Nav,
        index: usize,
    ) {
        let c = self.chart_for(doc, index);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.title_row(ui, doc, index, &c.measure_id);
                if self.open.is_none() {
                    return;
                }
                ui.add_space(4.0);
                ui.label(RichText::new(&c.title).size(24.0).strong());
                if !c.subtitle.is_empty() {
                    ui.label(RichText::new(&c.subtitle).color(theme::muted(ui)));
                }
                ui.horizontal_wrapped(|ui| {
                    badge(ui, &c.assessment);
                    ui.label(&c.assessment.summary);
                });
                if !c.verdict_text.is_empty() {
                    ui.label(RichText::new(&c.verdict_text).strong());
                }
                self.toolbar(ui, doc, nav, index, &c);
                self.plot(ui, &c);
                ui.label(RichText::new(&c.footnote).color(theme::muted(ui)));
                ui.add_space(8.0);
                if let Some((l, v)) = self.override_ui(ui, doc, index) {
                    apply_measure(doc, index, v, l);
                }
                ui.add_space(8.0);
                if let Some((l, v)) = self.observations_ui(ui, doc, index) {
                    apply_measure(doc, index, v, l);
                }
                if let Some(done) = self.observations.form.source.settle(doc) {
                    nav.status = Some(done);
                }
                comparators_table(ui, doc, index);
                ui.add_space(8.0);
                if let Some((l, v)) = self.targets_ui(ui, doc, index) {
                    apply_measure(doc, index, v, l);
                }
                ui.add_space(8.0);
                if let Some((l, v)) = self.events_ui(ui, doc, index) {
                    apply_measure(doc, index, v, l);
                }
            });
    }

    /// "← All measures" and the chart's title, saved to the file when the field is left.
    fn title_row(&mut self, ui: &mut Ui, doc: &mut Document, index: usize, id: &str) {
        ui.horizontal(|ui| {
            if ui.button("← All measures").clicked() {
                self.open = None;
            }
            let m = &doc.project().measures[index];
            if self.title_edit.as_ref().is_none_or(|(i, _)| *i != id) {
                self.title_edit = Some((id.to_string(), m.chart_title.clone()));
            }
            let (_, text) = self.title_edit.as_mut().expect("set above");
            let l = ui.label("Chart title");
            let r = ui
                .add(
                    egui::TextEdit::singleline(text)
                        .hint_text(&m.name)
                        .desired_width(520.0),
                )
                .labelled_by(l.id)
                .on_hover_text(
                    "A title that states the message; empty for the measure's name. \
                     Kept in the project file and used by every export.",
                );
            if r.lost_focus() && text.trim() != m.chart_title {
                let mut v = m.clone();
                v.chart_title = text.trim().to_string();
                apply_measure(doc, index, v, format!("Set chart title of {}", m.name));
            } else if !r.has_focus() && *text != m.chart_title {
                // Changed elsewhere (undo): show the file's title again.
                *text = m.chart_title.clone();
            }
        });
    }

    /// Axis choices, reset, export and copy.
    fn toolbar(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav, index: usize, c: &Chart) {
        let id = c.measure_id.clone();
        ui.horizontal_wrapped(|ui| {
            let m = &doc.project().measures[index];
            let mut from_zero = !m.chart_fit_axis;
            if ui.checkbox(&mut from_zero, "Start at zero").changed() {
                let mut v = m.clone();
                v.chart_fit_axis = !from_zero;
                let label = if from_zero {
                    format!("Start the axis of {} at zero", m.name)
                } else {
                    format!("Fit the axis of {} to its values", m.name)
                };
                apply_measure(doc, index, v, label);
            }
            let horizon = doc.project().programme.horizon_year;
            ui.checkbox(&mut self.to_horizon, format!("Show to {horizon}"))
                .on_hover_text(format!(
                    "Run the time axis to {horizon} and every target; otherwise it fits the \
                     values and the next target after them"
                ));
            if ui.button("Reset view").clicked() {
                self.reset_plot = true;
            }
            ui.separator();
            ui.menu_button("Export…", |ui| {
                let note = "The chart as shown, with its sources underneath.";
                match self.export.menu(ui, note) {
                    Some(ExportChoice::Copy) => {
                        if let Some(pic) = self.picture(doc.project(), ui.ctx()) {
                            clipboard::copy_picture(ui.ctx(), &pic, nav);
                        }
                    }
                    Some(ExportChoice::Save(ext)) => self.save_chart(doc, nav, &id, ext),
                    None => {}
                }
            });
            if ui.button("Copy table").clicked() {
                let m = &doc.project().measures[index];
                let text = chart::table_tsv(doc.project(), m);
                clipboard::copy_text(ui.ctx(), text, "the data table (tab-separated)", nav);
            }
            ui.separator();
            if ui
                .button("Edit measure")
                .on_hover_text("Its name, definition, unit, baseline, comparators and sources")
                .clicked()
            {
                crate::ui::programme_view::go_edit(nav, crate::history::List::Measures, &id);
            }
        });
    }

    /// Ask where to save the chart as shown, as `ext`, and save it there.
    fn save_chart(&self, doc: &Document, nav: &mut Nav, id: &str, ext: &str) {
        let Some(path) = rfd::FileDialog::new()
            .add_filter(ext, &[ext])
            .set_file_name(format!("{id}.{ext}"))
            .save_file()
        else {
            return;
        };
        let o = self.options_as_shown().unwrap_or_default();
        let (w, h) = (self.export.width, self.export.height);
        match chart::export::export_measure(doc.project(), id, &o, &path, w, h) {
            Ok(()) => nav.status = Some(format!("Exported {}", path.display())),
            Err(e) => nav.error = Some(e),
        }
    }
}
