//! The toolbar above the wheel (breadcrumb, inner ring, colour mode, search, export) and the
//! legend beside it.

use super::*;
use crate::ui::clipboard;
use crate::ui::widgets::ExportChoice;

impl WheelView {
    pub(super) fn toolbar(&mut self, ui: &mut Ui, doc: &Document, nav: &mut Nav) {
        let p = doc.project();
        let ctx = ui.ctx().clone();
        ui.horizontal_wrapped(|ui| {
            // Breadcrumb.
            if let Some(f) = self.state.focus.clone() {
                if ui.link("Whole wheel").clicked() {
                    self.set_focus(p, None, &ctx);
                }
                let gname = p
                    .priority(&f.group)
                    .map(|x| x.name.clone())
                    .or_else(|| p.need(&f.group).map(|x| x.name.clone()))
                    .unwrap_or_default();
                ui.label("›");
                if let Some(sub) = &f.sub {
                    if ui.link(&gname).clicked() {
                        self.set_focus(
                            p,
                            Some(Focus {
                                group: f.group.clone(),
                                sub: None,
                            }),
                            &ctx,
                        );
                    }
                    ui.label("›");
                    let sname = p
                        .priority(sub)
                        .map(|x| x.name.clone())
                        .or_else(|| p.need(sub).map(|x| x.name.clone()))
                        .unwrap_or_default();
                    ui.label(RichText::new(sname).strong());
                } else {
                    ui.label(RichText::new(gname).strong());
                }
                ui.separator();
            }
            ui.label("Inner ring:");
            for g in [Grouping::PriorityThenNeed, Grouping::NeedThenPriority] {
                if ui
                    .selectable_label(self.state.grouping == g, g.label())
                    .clicked()
                    && self.state.grouping != g
                {
                    self.state.grouping = g;
                    self.state.focus = None;
                    self.anim = None;
                }
            }
            ui.separator();
            let colour_label = ui.label("Colour by:");
            egui::ComboBox::from_id_salt("wheel-colour")
                .selected_text(self.state.colour.label())
                .show_ui(ui, |ui| {
                    for m in ColourMode::ALL {
                        ui.selectable_value(&mut self.state.colour, m, m.label());
                    }
                })
                .response
                .labelled_by(colour_label.id);
            ui.separator();
            let search_label = ui.label("Search:");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("name or words")
                    .desired_width(160.0),
            )
            .labelled_by(search_label.id);
            // The count keeps its room, so Export does not move as it changes.
            let mut count = String::new();
            if !self.search.trim().is_empty() {
                let n = self.cache.as_ref().map_or(0, |c| {
                    // Typed since the wheel was last painted: count afresh.
                    if c.hits.0 == self.search {
                        c.hits.1.len()
                    } else {
                        c.geometry.search(&self.search).len()
                    }
                });
                let text = match n {
                    0 => "No matches".to_string(),
                    1 => "1 match".to_string(),
                    n => format!("{} matches", format::number(n as f64, 0)),
                };
                count = text;
            }
            crate::ui::widgets::fixed_width_label(
                ui,
                RichText::new(count).color(theme::muted(ui)),
                "10,000 matches",
            );
            ui.separator();
            ui.menu_button("Export…", |ui| self.export_menu(ui, p, nav));
        });
    }

    pub(super) fn export_menu(&mut self, ui: &mut Ui, p: &Project, nav: &mut Nav) {
        let note = "The picture shows the wheel as it is now: zoom, colours and selection.";
        match self.export.menu(ui, note) {
            Some(ExportChoice::Save(ext)) => self.export_dialog(p, ext, nav),
            Some(ExportChoice::Copy) => clipboard::copy_picture(ui.ctx(), &self.picture(p), nav),
            None => {}
        }
    }

    /// Ask where to save the wheel as shown (`ext` is "png" or "svg"), at the size chosen in
    /// the Export menu, and save it; the outcome goes to the status bar or an error report.
    /// The toolbar's Export menu and File › Export both come here.
    pub fn export_dialog(&mut self, p: &Project, ext: &str, nav: &mut Nav) {
        let name = format!("outcomes-wheel.{ext}");
        let Some(path) = rfd::FileDialog::new()
            .add_filter(ext.to_uppercase(), &[ext])
            .set_file_name(name)
            .save_file()
        else {
            return;
        };
        let path = if crate::export::ImageFormat::from_path(&path).is_none() {
            path.with_extension(ext)
        } else {
            path
        };
        match self.export_to(p, &path, self.export.width, self.export.height) {
            Ok(()) => nav.status = Some(format!("Exported {}", path.display())),
            Err(e) => nav.error = Some(format!("Could not export the wheel: {e}")),
        }
    }

    pub(super) fn legend(&self, ui: &mut Ui, g: &Geometry) {
        ui.label(RichText::new(&g.legend_title).small().strong());
        for e in &g.legend {
            ui.horizontal(|ui| {
                swatch(ui, e.colour, e.pattern);
                let text = if e.marker.is_empty() {
                    e.label.clone()
                } else {
                    format!("{} {}", e.marker, e.label)
                };
                ui.label(RichText::new(text).small());
            });
        }
        ui.label(
            RichText::new(
                "Rings from the centre: vision, inner group, groups, outcomes, residents' voices",
            )
            .small()
            .color(theme::muted(ui)),
        );
    }
}

pub(super) fn swatch(ui: &mut Ui, fill: Colour, pattern: Pattern) {
    let (rect, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
    let p = ui.painter();
    p.rect_filled(rect, 2.0, color(fill));
    match pattern {
        Pattern::Solid => {}
        Pattern::Hatch => {
            // A key has no text to keep readable: stripes that stand out from the fill.
            let stripe = if fill.luminance() > 0.5 {
                Color32::from_black_alpha(120)
            } else {
                Color32::from_white_alpha(190)
            };
            for k in 0..3 {
                let x = rect.left() + 2.0 + 6.0 * k as f32;
                p.line_segment(
                    [pos2(x, rect.bottom()), pos2(x + 6.0, rect.top())],
                    Stroke::new(2.0, stripe),
                );
            }
        }
        Pattern::Dots => {
            for (dx, dy) in [
                (4.0, 4.0),
                (12.0, 4.0),
                (8.0, 8.0),
                (4.0, 12.0),
                (12.0, 12.0),
            ] {
                p.circle_filled(rect.min + vec2(dx, dy), 1.3, Color32::from_black_alpha(110));
            }
        }
    }
    p.rect_stroke(
        rect,
        2.0,
        Stroke::new(1.0, color(palette::INK_MUTED)),
        egui::StrokeKind::Inside,
    );
}
