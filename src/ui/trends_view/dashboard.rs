//! The dashboard: one small card per measure, headline measures first, laid out only where
//! visible.

use super::*;

impl TrendsView {
    pub(super) fn dashboard(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
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
                            match chart::export::export_all(
                                doc.project(),
                                &dir,
                                crate::export::ImageFormat::Png,
                                w,
                                h,
                            ) {
                                Ok(f) => nav.status = Some(format!("Exported {} charts", f.len())),
                                Err(e) => nav.error = Some(e),
                            }
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
        let gap = ui.spacing().item_spacing.x;
        let cols = (((ui.available_width() + gap) / (CARD.x + gap)).floor() as usize).max(1);
        let rows = count.div_ceil(cols);
        let mut open = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, CARD.y, rows, |ui, range| {
                let all = &self.cards_cache.as_ref().expect("filled").1;
                for r in range {
                    ui.horizontal(|ui| {
                        for c in all.iter().skip(r * cols).take(cols) {
                            if card_ui(ui, c).clicked() {
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

/// One dashboard card, painted directly: name, latest value, change, badge, sparkline.
pub(super) fn card_ui(ui: &mut Ui, c: &Card) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(CARD, Sense::click());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &c.name));
    if !ui.is_rect_visible(rect) {
        return resp;
    }
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let stroke = if resp.hovered() {
        egui::Stroke::new(2.0, visuals.selection.stroke.color)
    } else {
        egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    painter.rect(
        rect.shrink(1.0),
        6.0,
        visuals.extreme_bg_color,
        stroke,
        egui::StrokeKind::Inside,
    );
    let text = visuals.text_color();
    let muted = theme::muted(ui);
    let pad = 10.0;
    let inner = rect.shrink(pad);
    let mut job = egui::text::LayoutJob::simple(
        c.name.clone(),
        egui::FontId::proportional(14.0),
        text,
        inner.width(),
    );
    job.wrap.max_rows = 2;
    job.wrap.overflow_character = Some('…');
    let name = painter.layout_job(job);
    let name_h = name.size().y.min(36.0);
    painter.galley(inner.left_top(), name, text);
    let y = inner.top() + name_h + 4.0;
    painter.text(
        egui::pos2(inner.left(), y),
        egui::Align2::LEFT_TOP,
        &c.latest,
        egui::FontId::proportional(20.0),
        text,
    );
    painter.text(
        egui::pos2(inner.right(), y + 4.0),
        egui::Align2::RIGHT_TOP,
        &c.latest_period,
        egui::FontId::proportional(12.5),
        muted,
    );
    let y2 = y + 26.0;
    // Badge: symbol and word on the status colour.
    let fill = status_colour(c.assessment.status, c.assessment.rag);
    let badge = painter.layout_no_wrap(
        badge_text(&c.assessment),
        egui::FontId::proportional(12.5),
        color(fill.text_on()),
    );
    let br = egui::Rect::from_min_size(
        egui::pos2(inner.left(), y2),
        badge.size() + egui::vec2(8.0, 2.0),
    );
    painter.rect_filled(br, 3.0, color(fill));
    painter.galley(br.min + egui::vec2(4.0, 1.0), badge, Color32::WHITE);
    let mut job = egui::text::LayoutJob::simple(
        c.change.clone(),
        egui::FontId::proportional(12.5),
        muted,
        (inner.right() - br.right() - 6.0).max(10.0),
    );
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job.wrap.overflow_character = Some('…');
    let change = painter.layout_job(job);
    painter.galley(egui::pos2(br.right() + 6.0, y2 + 1.0), change, muted);
    // Sparkline.
    let spark = egui::Rect::from_min_max(egui::pos2(inner.left(), y2 + 24.0), inner.right_bottom());
    if c.points.len() >= 2 && spark.height() > 8.0 {
        let pts = chart::decimate(&c.points, spark.width() as usize);
        let (xa, xb) = (pts[0].0, pts[pts.len() - 1].0);
        let xs = (xa, xb);
        let mut ys = pts
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
        if let Some((_, ty)) = c.target {
            ys = (ys.0.min(ty), ys.1.max(ty));
        }
        if ys.1 - ys.0 < 1e-9 {
            ys = (ys.0 - 1.0, ys.1 + 1.0);
        }
        let xs = if xs.1 - xs.0 < 1e-9 {
            (xs.0, xs.0 + 1.0)
        } else {
            xs
        };
        let map = |x: f64, y: f64| {
            egui::pos2(
                spark.left() + ((x - xs.0) / (xs.1 - xs.0)) as f32 * spark.width(),
                spark.bottom() - ((y - ys.0) / (ys.1 - ys.0)) as f32 * spark.height(),
            )
        };
        let line: Vec<egui::Pos2> = pts.iter().map(|p| map(p.0, p.1)).collect();
        let last = *line.last().expect("two points");
        painter.add(egui::Shape::line(
            line,
            egui::Stroke::new(2.0, color(chart::MAIN)),
        ));
        painter.circle_filled(last, 3.0, color(chart::MAIN));
        if let Some((_, ty)) = c.target {
            // The final target's level, dashed, labelled by the hover text.
            let y = map(xs.0, ty).y;
            painter.add(egui::Shape::dashed_line(
                &[egui::pos2(spark.left(), y), egui::pos2(spark.right(), y)],
                egui::Stroke::new(1.0, muted),
                4.0,
                4.0,
            ));
        }
    }
    resp.on_hover_text(format!("{}\n{}", c.name, c.assessment.summary))
}
