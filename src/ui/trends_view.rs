//! The Trends view: a dashboard of small charts (headline measures first), and one
//! measure's large chart with its data table, data entry, status override and export.
//!
//! Chart content comes from [`crate::chart`], cached on (revision, measure, options);
//! the dashboard paints sparklines from cached, decimated points and lays out only the
//! visible rows.

use crate::chart::{self, Card, Chart, ChartOptions};
use crate::document::Document;
use crate::history::Edit;
use crate::model::{
    Annotation, Measure, Observation, Period, Rag, StatusOverride, Target, TargetKind, ValueStatus,
};
use crate::palette;
use crate::status::TrackStatus;
use crate::ui::nav::Nav;
use crate::ui::theme::{self, color};
use egui::{Color32, RichText, Sense, Ui, Vec2};
use std::collections::HashMap;
use std::sync::Arc;

const CARD: Vec2 = Vec2::new(300.0, 150.0);

#[derive(Default)]
struct ObsForm {
    editing: Option<usize>,
    period: String,
    value: String,
    status: ValueStatus,
    source: Option<String>,
    note: String,
    error: Option<String>,
}

#[derive(Default)]
struct TargetForm {
    year: String,
    value: String,
    kind: TargetKind,
    label: String,
    error: Option<String>,
}

#[derive(Default)]
struct EventForm {
    period: String,
    label: String,
    error: Option<String>,
}

struct OverrideForm {
    rag: Rag,
    reason: String,
    error: Option<String>,
}

impl Default for OverrideForm {
    fn default() -> Self {
        OverrideForm {
            rag: Rag::Amber,
            reason: String::new(),
            error: None,
        }
    }
}

#[derive(Default)]
pub struct TrendsView {
    open: Option<String>,
    options: HashMap<String, ChartOptions>,
    chart_cache: Option<(u64, String, ChartOptions, Arc<Chart>)>,
    cards_cache: Option<(u64, Vec<Card>)>,
    obs_form: ObsForm,
    target_form: TargetForm,
    event_form: EventForm,
    override_form: OverrideForm,
    reset_plot: bool,
}

fn status_colour(s: TrackStatus, rag: Option<Rag>) -> crate::model::Colour {
    match rag {
        Some(r) => palette::rag_colour(r),
        None => match s {
            TrackStatus::NoData => palette::rag_colour(Rag::NotStarted),
            _ => palette::INK_MUTED,
        },
    }
}

fn badge_text(a: &crate::status::Assessment) -> String {
    a.badge()
}

fn badge(ui: &mut Ui, a: &crate::status::Assessment) {
    let fill = status_colour(a.status, a.rag);
    egui::Frame::new()
        .fill(color(fill))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(badge_text(a)).color(color(fill.text_on())))
        })
        .response
        .on_hover_text(&a.summary);
}

fn labelled_edit(ui: &mut Ui, label: &str, text: &mut String, width: f32) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).desired_width(width))
        .labelled_by(l.id)
}

impl TrendsView {
    /// Open a measure's large chart.
    pub fn open_measure(&mut self, id: &str) {
        self.open = Some(id.to_string());
        self.obs_form = ObsForm::default();
        self.target_form = TargetForm::default();
        self.event_form = EventForm::default();
        self.override_form = OverrideForm::default();
    }

    /// The measure whose large chart is open, if any.
    pub fn opened(&self) -> Option<&str> {
        self.open.as_deref()
    }

    /// Pick the data-entry form's source (for tests: combo boxes are awkward to drive).
    #[doc(hidden)]
    pub fn set_form_source_for_test(&mut self, source: Option<String>) {
        self.obs_form.source = source;
    }

    /// The open chart's options as on screen, including the legend entries switched off
    /// (what an export of it draws).
    pub fn options_as_shown(&self, ctx: &egui::Context) -> Option<ChartOptions> {
        let id = self.open.as_deref()?;
        let mut o = self.options.get(id).cloned().unwrap_or_default();
        if let Some(c) = self.current_chart() {
            o.hidden = hidden_in_legend(ctx, c);
        }
        Some(o)
    }

    /// The chart currently shown (for tests and export).
    pub fn current_chart(&self) -> Option<&Chart> {
        self.chart_cache.as_ref().map(|c| &*c.3)
    }

    pub fn ui(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
        match self.open.clone() {
            Some(id) => match doc.project().measures.iter().position(|m| m.id == id) {
                Some(index) => self.measure_page(ui, doc, nav, index),
                None => {
                    self.open = None;
                    self.dashboard(ui, doc, nav);
                }
            },
            None => self.dashboard(ui, doc, nav),
        }
    }

    fn cards(&mut self, doc: &Document) -> &[Card] {
        if self.cards_cache.as_ref().map(|c| c.0) != Some(doc.revision()) {
            let p = doc.project();
            let cards = p
                .measures_in_dashboard_order()
                .into_iter()
                .map(|i| chart::card(i, &p.measures[i]))
                .collect();
            self.cards_cache = Some((doc.revision(), cards));
        }
        &self.cards_cache.as_ref().expect("just filled").1
    }

    fn dashboard(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
        ui.horizontal(|ui| {
            ui.heading("Trends");
            ui.label(
                RichText::new("Headline measures first. Click a chart to open it.")
                    .color(theme::muted(ui)),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Export all charts…").clicked()
                    && let Some(dir) = rfd::FileDialog::new().pick_folder()
                {
                    match chart::export::export_all(
                        doc.project(),
                        &dir,
                        crate::export::ImageFormat::Png,
                        1920,
                        1080,
                    ) {
                        Ok(f) => nav.status = Some(format!("Exported {} charts", f.len())),
                        Err(e) => nav.error = Some(e),
                    }
                }
                if ui.button("Export dashboard…").clicked()
                    && let Some(path) = rfd::FileDialog::new()
                        .add_filter("Picture", &["png", "svg"])
                        .set_file_name("dashboard.png")
                        .save_file()
                {
                    match chart::export::export_dashboard(doc.project(), &path, 1920, 1080) {
                        Ok(()) => nav.status = Some(format!("Exported {}", path.display())),
                        Err(e) => nav.error = Some(e),
                    }
                }
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

    fn chart_for(&mut self, doc: &Document, index: usize) -> Arc<Chart> {
        let m = &doc.project().measures[index];
        let opts = self.options.get(&m.id).cloned().unwrap_or_default();
        let fresh = match &self.chart_cache {
            Some((rev, id, o, _)) => *rev == doc.revision() && *id == m.id && *o == opts,
            None => false,
        };
        if !fresh {
            let c = chart::build(doc.project(), m, &opts);
            self.chart_cache = Some((doc.revision(), m.id.clone(), opts, Arc::new(c)));
        }
        Arc::clone(&self.chart_cache.as_ref().expect("filled").3)
    }

    fn measure_page(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav, index: usize) {
        let c = self.chart_for(doc, index);
        let id = c.measure_id.clone();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    if ui.button("← All measures").clicked() {
                        self.open = None;
                    }
                    let opts = self.options.entry(id.clone()).or_default();
                    let l = ui.label("Chart title");
                    ui.add(
                        egui::TextEdit::singleline(&mut opts.title)
                            .hint_text(&doc.project().measures[index].name)
                            .desired_width(520.0),
                    )
                    .labelled_by(l.id)
                    .on_hover_text("A title that states the message; empty for the measure's name");
                });
                if self.open.is_none() {
                    return;
                }
                ui.add_space(4.0);
                ui.label(RichText::new(&c.title).size(24.0).strong());
                ui.label(RichText::new(&c.subtitle).color(theme::muted(ui)));
                ui.horizontal_wrapped(|ui| {
                    badge(ui, &c.assessment);
                    ui.label(&c.assessment.summary);
                });
                ui.label(RichText::new(&c.verdict_text).strong());
                ui.horizontal(|ui| {
                    let opts = self.options.entry(id.clone()).or_default();
                    if ui
                        .checkbox(&mut opts.start_at_zero, "Start at zero")
                        .changed()
                    {
                        self.reset_plot = true;
                    }
                    if ui.button("Reset view").clicked() {
                        self.reset_plot = true;
                    }
                    ui.separator();
                    for (label, ext) in [("Export SVG…", "svg"), ("Export PNG…", "png")] {
                        if ui.button(label).clicked()
                            && let Some(path) = rfd::FileDialog::new()
                                .add_filter(ext, &[ext])
                                .set_file_name(format!("{id}.{ext}"))
                                .save_file()
                        {
                            let o = self.options_as_shown(ui.ctx()).unwrap_or_default();
                            match chart::export::export_measure(
                                doc.project(),
                                &id,
                                &o,
                                &path,
                                1920,
                                1080,
                            ) {
                                Ok(()) => nav.status = Some(format!("Exported {}", path.display())),
                                Err(e) => nav.error = Some(e),
                            }
                        }
                    }
                    if ui.button("Copy table").clicked() {
                        let m = &doc.project().measures[index];
                        ui.ctx().copy_text(chart::table_tsv(doc.project(), m));
                        nav.status = Some("Copied the data table (tab-separated)".into());
                    }
                });
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

    fn plot(&mut self, ui: &mut Ui, c: &Arc<Chart>) {
        use egui_plot::{
            GridMark, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, Polygon,
            Text, VLine,
        };
        let x_ticks = c.x_ticks.clone();
        let x_labels = c.x_ticks.clone();
        let y_ticks = c.y_ticks.clone();
        let unit = c.unit.clone();
        let unit2 = c.unit.clone();
        let hover_chart = Arc::clone(c);
        let mut plot = Plot::new(("trend-plot", &c.measure_id))
            .id(plot_id(&c.measure_id))
            .height(440.0)
            .legend(
                Legend::default()
                    .position(egui_plot::Corner::RightTop)
                    .follow_insertion_order(true),
            )
            .default_x_bounds(c.x_range.0, c.x_range.1)
            .default_y_bounds(c.y_range.0, c.y_range.1)
            .y_axis_label(c.y_title.clone())
            .x_grid_spacer(move |_| {
                // The step is the real gap between ticks, so egui_plot has room for their labels.
                let step = if x_ticks.len() >= 2 {
                    x_ticks[1].value - x_ticks[0].value
                } else {
                    1.0
                };
                x_ticks
                    .iter()
                    .map(|t| GridMark {
                        value: t.value,
                        step_size: step,
                    })
                    .collect()
            })
            .y_grid_spacer(move |input| {
                let span = input.bounds.1 - input.bounds.0;
                let step = chart::nice_step(span, 5.0);
                let mut v = (input.bounds.0 / step).floor() * step;
                let mut out = Vec::new();
                while v <= input.bounds.1 && out.len() < 40 {
                    out.push(GridMark {
                        value: v,
                        step_size: step,
                    });
                    v += step;
                }
                let _ = &y_ticks;
                out
            })
            .x_axis_formatter(move |mark, _| {
                x_labels
                    .iter()
                    .find(|t| (t.value - mark.value).abs() < 1e-6)
                    .map(|t| t.label.clone())
                    .unwrap_or_default()
            })
            .y_axis_formatter(move |mark, _| crate::format::value_short(mark.value, &unit))
            .label_formatter(move |pos| {
                let egui_plot::HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } = pos
                else {
                    return None;
                };
                for s in &hover_chart.series {
                    if let Some(p) = s.points.iter().find(|p| {
                        (p.x - position.x).abs() < 1e-9 && (p.y - position.y).abs() < 1e-9
                    }) {
                        let mut t = format!(
                            "{}\n{}: {}\n{}",
                            s.name,
                            p.period,
                            crate::format::value(p.y, &unit2),
                            chart::value_status_label(p.status)
                        );
                        if s.main {
                            t.push_str(&format!(
                                "\nStatus: {}",
                                badge_text(&hover_chart.assessment)
                            ));
                        }
                        if !p.source.is_empty() {
                            t.push_str(&format!("\nSource: {}", p.source));
                        }
                        if !p.note.is_empty() {
                            t.push_str(&format!("\nNote: {}", p.note));
                        }
                        return Some(t);
                    }
                }
                if let Some(t) = hover_chart
                    .targets
                    .iter()
                    .find(|t| (t.x - position.x).abs() < 1e-9)
                {
                    return Some(t.label.clone());
                }
                Some(plot_name.to_string())
            });
        if std::mem::take(&mut self.reset_plot) {
            plot = plot.reset();
        }
        let c = Arc::clone(c);
        plot.show(ui, move |pui| {
            if let Some([a, b]) = c.trajectory {
                pui.line(
                    Line::new("Trajectory to target", vec![[a.0, a.1], [b.0, b.1]])
                        .color(color(chart::TRAJECTORY))
                        .width(2.0)
                        .allow_hover(false),
                );
            }
            if let (Some([a, b]), Some(_)) = (c.band, c.trajectory) {
                pui.polygon(
                    Polygon::new(
                        "Trajectory to target",
                        PlotPoints::from(vec![[a.0, a.1], [b.0, b.1], [b.0, b.2], [a.0, a.2]]),
                    )
                    .fill_color(color(chart::TRAJECTORY).gamma_multiply(0.18))
                    .stroke(egui::Stroke::new(0.0, color(chart::TRAJECTORY)))
                    .allow_hover(false),
                );
            }
            if let Some([a, b]) = c.projection {
                pui.line(
                    Line::new("Recent trend", vec![[a.0, a.1], [b.0, b.1]])
                        .color(color(chart::PROJECTION))
                        .style(LineStyle::dashed_loose())
                        .width(2.0)
                        .allow_hover(false),
                );
            }
            for (i, e) in c.events.iter().enumerate() {
                pui.vline(
                    VLine::new("Events", e.x)
                        .color(color(chart::EVENT))
                        .style(LineStyle::dashed_dense()),
                );
                pui.text(
                    Text::new(
                        "Events",
                        egui_plot::PlotPoint::new(
                            e.x,
                            c.y_range.1 - (c.y_range.1 - c.y_range.0) * 0.06 * (i % 3) as f64,
                        ),
                        RichText::new(format!(" {}", e.label)).size(13.0),
                    )
                    .anchor(egui::Align2::LEFT_TOP)
                    .color(color(chart::EVENT)),
                );
            }
            for s in c.series.iter().rev() {
                let col = color(s.colour);
                // Solid between measured values, dashed where either end is not measured.
                let mut run: Vec<[f64; 2]> = Vec::new();
                let mut runs_dashed = Vec::new();
                for w in s.points.windows(2) {
                    let seg = [[w[0].x, w[0].y], [w[1].x, w[1].y]];
                    if w[0].is_measured() && w[1].is_measured() {
                        if run.last() != Some(&seg[0]) {
                            if run.len() >= 2 {
                                pui.line(
                                    Line::new(&s.name, std::mem::take(&mut run))
                                        .color(col)
                                        .width(2.5),
                                );
                            }
                            run = vec![seg[0]];
                        }
                        run.push(seg[1]);
                    } else {
                        runs_dashed.push(seg);
                    }
                }
                if run.len() >= 2 {
                    pui.line(Line::new(&s.name, run).color(col).width(2.5));
                }
                for seg in runs_dashed {
                    pui.line(
                        Line::new(&s.name, seg.to_vec())
                            .color(col)
                            .width(2.5)
                            .style(LineStyle::dashed_loose()),
                    );
                }
                let measured: Vec<[f64; 2]> = s
                    .points
                    .iter()
                    .filter(|p| p.is_measured())
                    .map(|p| [p.x, p.y])
                    .collect();
                pui.points(
                    Points::new(&s.name, measured)
                        .color(col)
                        .radius(if s.main { 4.5 } else { 3.0 })
                        .shape(MarkerShape::Circle),
                );
                for st in [
                    ValueStatus::Provisional,
                    ValueStatus::Estimated,
                    ValueStatus::Illustrative,
                ] {
                    let pts: Vec<[f64; 2]> = s
                        .points
                        .iter()
                        .filter(|p| p.status == st)
                        .map(|p| [p.x, p.y])
                        .collect();
                    if !pts.is_empty() {
                        let name = if s.main {
                            chart::value_status_label(st).to_string()
                        } else {
                            s.name.clone()
                        };
                        pui.points(
                            Points::new(name, pts)
                                .color(col)
                                .filled(false)
                                .radius(5.0)
                                .shape(MarkerShape::Circle),
                        );
                    }
                }
            }
            for t in &c.targets {
                pui.points(
                    Points::new("Targets", vec![[t.x, t.y]])
                        .color(color(chart::TARGET))
                        .filled(t.kind == TargetKind::Target)
                        .radius(7.0)
                        .shape(MarkerShape::Diamond),
                );
                pui.text(
                    Text::new(
                        "Targets",
                        egui_plot::PlotPoint::new(t.x, t.y),
                        RichText::new(format!("{}  ", t.label)).size(13.0),
                    )
                    .anchor(egui::Align2::RIGHT_BOTTOM)
                    .color(color(chart::TARGET)),
                );
            }
        });
    }

    fn override_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let mut pending: Option<(String, Measure)> = None;
        let m = &doc.project().measures[index];
        ui.label(RichText::new("Status set by hand").strong());
        if let Some(o) = &m.status_override {
            ui.horizontal_wrapped(|ui| {
                crate::ui::widgets::rag_badge(ui, o.rag);
                ui.label(format!(
                    "{}{}",
                    o.reason,
                    o.date
                        .map(|d| format!(" ({})", crate::format::date(d)))
                        .unwrap_or_default()
                ));
                if ui.button("Clear status set by hand").clicked() {
                    let mut v = m.clone();
                    v.status_override = None;
                    pending = Some((format!("Clear status of {}", m.name), v));
                }
            });
            return pending;
        }
        ui.horizontal_wrapped(|ui| {
            let f = &mut self.override_form;
            egui::ComboBox::from_label("Rating")
                .selected_text(f.rag.label())
                .show_ui(ui, |ui| {
                    for r in Rag::ALL {
                        ui.selectable_value(&mut f.rag, r, r.label());
                    }
                });
            labelled_edit(ui, "Reason", &mut f.reason, 360.0);
            if ui.button("Set status").clicked() {
                if f.reason.trim().is_empty() {
                    f.error = Some("Give a reason for setting the status by hand".into());
                } else {
                    let mut v = m.clone();
                    v.status_override = Some(StatusOverride {
                        rag: f.rag,
                        reason: f.reason.trim().to_string(),
                        date: Some(chrono::Local::now().date_naive()),
                    });
                    pending = Some((format!("Set status of {}", m.name), v));
                    *f = OverrideForm::default();
                }
            }
        });
        error_line(ui, &self.override_form.error);
        pending
    }

    fn observations_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let mut pending: Option<(String, Measure)> = None;
        let project = doc.project();
        let m = &project.measures[index];
        ui.label(RichText::new("Data").strong());
        let mut order: Vec<usize> = (0..m.observations.len()).collect();
        order.sort_by(|&a, &b| {
            m.observations[a]
                .period
                .decimal_year()
                .total_cmp(&m.observations[b].period.decimal_year())
        });
        let mut delete = None;
        let mut edit = None;
        // Only the visible rows are laid out, so long series stay fast.
        ui.push_id("obs-table", |ui| {
            use egui_extras::{Column, TableBuilder};
            TableBuilder::new(ui)
                .striped(true)
                .vscroll(true)
                .max_scroll_height(320.0)
                .column(Column::exact(120.0))
                .column(Column::exact(150.0))
                .column(Column::exact(100.0))
                .column(Column::initial(320.0).clip(true))
                .column(Column::initial(220.0).clip(true))
                .column(Column::remainder())
                .header(22.0, |mut h| {
                    for t in ["Period", "Value", "Status", "Source", "Note", ""] {
                        h.col(|ui| {
                            ui.label(RichText::new(t).strong());
                        });
                    }
                })
                .body(|body| {
                    body.rows(24.0, order.len(), |mut row| {
                        let i = order[row.index()];
                        let o = &m.observations[i];
                        row.col(|ui| {
                            ui.label(o.period.label());
                        });
                        row.col(|ui| {
                            ui.label(crate::format::value(o.value, &m.unit));
                        });
                        row.col(|ui| {
                            ui.label(chart::value_status_label(o.status));
                        });
                        row.col(|ui| {
                            ui.label(
                                o.source
                                    .as_deref()
                                    .map(|s| {
                                        project.source(s).map(|s| s.title.as_str()).unwrap_or(s)
                                    })
                                    .unwrap_or("—"),
                            );
                        });
                        row.col(|ui| {
                            ui.label(&o.note);
                        });
                        row.col(|ui| {
                            ui.horizontal(|ui| {
                                if ui.small_button("Edit").clicked() {
                                    edit = Some(i);
                                }
                                if ui.small_button("Delete").clicked() {
                                    delete = Some(i);
                                }
                            });
                        });
                    });
                });
        });
        if let Some(i) = delete {
            let mut v = m.clone();
            let o = v.observations.remove(i);
            pending = Some((
                format!("Delete {} value of {}", o.period.label(), m.name),
                v,
            ));
            self.obs_form = ObsForm::default();
            return pending;
        }
        if let Some(i) = edit {
            let o = &m.observations[i];
            self.obs_form = ObsForm {
                editing: Some(i),
                period: o.period.to_string(),
                value: o.value.to_string(),
                status: o.status,
                source: o.source.clone(),
                note: o.note.clone(),
                error: None,
            };
        }
        let f = &mut self.obs_form;
        ui.horizontal_wrapped(|ui| {
            labelled_edit(ui, "Period", &mut f.period, 110.0)
                .on_hover_text("2024-03-31, 2024-03, 2024-Q1, 2024, 2023/24 or 2023/24 Q3");
            labelled_edit(ui, "Value", &mut f.value, 90.0);
            egui::ComboBox::from_label("Value status")
                .selected_text(chart::value_status_label(f.status))
                .show_ui(ui, |ui| {
                    for s in [
                        ValueStatus::Measured,
                        ValueStatus::Provisional,
                        ValueStatus::Estimated,
                        ValueStatus::Illustrative,
                    ] {
                        ui.selectable_value(&mut f.status, s, chart::value_status_label(s));
                    }
                });
            let src_title = f
                .source
                .as_deref()
                .and_then(|s| project.source(s))
                .map(|s| truncate(&s.title, 40))
                .unwrap_or_else(|| "None".into());
            egui::ComboBox::from_label("Source")
                .selected_text(src_title)
                .width(260.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.source, None, "None");
                    for s in &project.sources {
                        ui.selectable_value(
                            &mut f.source,
                            Some(s.id.clone()),
                            truncate(&s.title, 70),
                        );
                    }
                });
            labelled_edit(ui, "Note", &mut f.note, 200.0);
            let label = if f.editing.is_some() {
                "Save value"
            } else {
                "Add value"
            };
            if ui.button(label).clicked() {
                match read_observation(f, m) {
                    Ok(o) => {
                        let mut v = m.clone();
                        let what = format!("{} value of {}", o.period.label(), m.name);
                        match f.editing {
                            Some(i) if i < v.observations.len() => v.observations[i] = o,
                            _ => v.observations.push(o),
                        }
                        v.observations.sort_by(|a, b| {
                            a.period.decimal_year().total_cmp(&b.period.decimal_year())
                        });
                        let verb = if f.editing.is_some() { "Edit" } else { "Add" };
                        pending = Some((format!("{verb} {what}"), v));
                        *f = ObsForm::default();
                    }
                    Err(e) => f.error = Some(e),
                }
            }
            if f.editing.is_some() && ui.button("Cancel").clicked() {
                *f = ObsForm::default();
            }
        });
        error_line(ui, &self.obs_form.error);
        pending
    }

    fn targets_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let mut pending: Option<(String, Measure)> = None;
        let m = &doc.project().measures[index];
        ui.label(RichText::new("Targets and milestones").strong());
        let mut delete = None;
        egui::Grid::new("target-table")
            .striped(true)
            .show(ui, |ui| {
                for (i, t) in m.targets.iter().enumerate() {
                    ui.label(t.year.to_string());
                    ui.label(crate::format::value(t.value, &m.unit));
                    ui.label(match t.kind {
                        TargetKind::Target => "Target",
                        TargetKind::Milestone => "Milestone",
                    });
                    ui.label(&t.label);
                    if ui.small_button("Delete").clicked() {
                        delete = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = delete {
            let mut v = m.clone();
            let t = v.targets.remove(i);
            pending = Some((format!("Delete {} target of {}", t.year, m.name), v));
        }
        let f = &mut self.target_form;
        ui.horizontal_wrapped(|ui| {
            labelled_edit(ui, "Target year", &mut f.year, 60.0);
            labelled_edit(ui, "Target value", &mut f.value, 90.0);
            egui::ComboBox::from_label("Kind")
                .selected_text(match f.kind {
                    TargetKind::Target => "Target",
                    TargetKind::Milestone => "Milestone",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.kind, TargetKind::Target, "Target");
                    ui.selectable_value(&mut f.kind, TargetKind::Milestone, "Milestone");
                });
            labelled_edit(ui, "Target label", &mut f.label, 200.0);
            if ui.button("Add target").clicked() {
                let year = f
                    .year
                    .trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y));
                match (year, chart::parse_value(&f.value, &m.unit)) {
                    (None, _) => f.error = Some(format!("{:?} is not a year", f.year.trim())),
                    (_, Err(e)) => f.error = Some(format!("Target value: {e}")),
                    (Some(year), Ok(value)) => {
                        let mut v = m.clone();
                        v.targets.push(Target {
                            year,
                            value,
                            kind: f.kind,
                            label: f.label.trim().to_string(),
                            ..Default::default()
                        });
                        v.targets.sort_by_key(|t| t.year);
                        pending = Some((format!("Add {year} target of {}", m.name), v));
                        *f = TargetForm::default();
                    }
                }
            }
        });
        error_line(ui, &self.target_form.error);
        pending
    }

    fn events_ui(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        index: usize,
    ) -> Option<(String, Measure)> {
        let mut pending: Option<(String, Measure)> = None;
        let m = &doc.project().measures[index];
        ui.label(RichText::new("Events marked on the chart").strong());
        let mut delete = None;
        egui::Grid::new("event-table").striped(true).show(ui, |ui| {
            for (i, a) in m.annotations.iter().enumerate() {
                ui.label(a.period.label());
                ui.label(&a.label);
                if ui.small_button("Delete").clicked() {
                    delete = Some(i);
                }
                ui.end_row();
            }
        });
        if let Some(i) = delete {
            let mut v = m.clone();
            let a = v.annotations.remove(i);
            pending = Some((format!("Delete event {:?}", a.label), v));
        }
        let f = &mut self.event_form;
        ui.horizontal_wrapped(|ui| {
            labelled_edit(ui, "Event date", &mut f.period, 110.0);
            labelled_edit(ui, "Event", &mut f.label, 280.0);
            if ui.button("Add event").clicked() {
                match f.period.parse::<Period>() {
                    Err(e) => f.error = Some(e.to_string()),
                    Ok(_) if f.label.trim().is_empty() => {
                        f.error = Some("Say what happened".into())
                    }
                    Ok(period) => {
                        let mut v = m.clone();
                        v.annotations.push(Annotation {
                            period,
                            label: f.label.trim().to_string(),
                            note: String::new(),
                        });
                        pending = Some((format!("Add event to {}", m.name), v));
                        *f = EventForm::default();
                    }
                }
            }
        });
        error_line(ui, &self.event_form.error);
        pending
    }
}

fn plot_id(measure_id: &str) -> egui::Id {
    egui::Id::unique(("trend-plot", measure_id))
}

/// The legend entries the user has switched off in the plot (so that exports match the screen).
fn hidden_in_legend(ctx: &egui::Context, c: &Chart) -> Vec<String> {
    let Some(mem) = egui_plot::PlotMemory::load(ctx, plot_id(&c.measure_id)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = c.legend.iter().map(|l| l.name.clone()).collect();
    names.push("Trajectory to target".into());
    names
        .into_iter()
        .filter(|n| {
            mem.hidden_items
                .contains(&egui_plot::ItemId::new(n.as_str()))
        })
        .collect()
}

fn apply_measure(doc: &mut Document, index: usize, v: Measure, label: String) {
    let _ = doc.apply(
        label,
        Edit::SetMeasure {
            index,
            value: Box::new(v),
        },
    );
}

fn error_line(ui: &mut Ui, e: &Option<String>) {
    if let Some(e) = e {
        ui.label(RichText::new(format!("⚠ {e}")).color(color(palette::rag_colour(Rag::Red))));
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// Read the entry form into an observation, or say what is wrong.
fn read_observation(f: &ObsForm, m: &Measure) -> Result<Observation, String> {
    let period: Period = f
        .period
        .parse()
        .map_err(|e: crate::model::PeriodError| e.to_string())?;
    let value = chart::parse_value(&f.value, &m.unit).map_err(|e| format!("Value: {e}"))?;
    if f.status == ValueStatus::Measured && f.source.is_none() {
        return Err("A measured value needs a source: pick one".into());
    }
    if m.observations
        .iter()
        .enumerate()
        .any(|(i, o)| o.period == period && Some(i) != f.editing)
    {
        return Err(format!("There is already a value for {}", period.label()));
    }
    Ok(Observation {
        period,
        value,
        status: f.status,
        source: f.source.clone(),
        note: f.note.trim().to_string(),
    })
}

/// One dashboard card, painted directly: name, latest value, change, badge, sparkline.
fn card_ui(ui: &mut Ui, c: &Card) -> egui::Response {
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
