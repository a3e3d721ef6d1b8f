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
use crate::ui::clipboard::{self, Picture};
use crate::ui::nav::Nav;
use crate::ui::theme::{self, color};
use crate::ui::widgets::ExportChoice;
use egui::{Color32, RichText, Sense, Ui, Vec2};
use std::sync::Arc;

mod dashboard;
mod data_entry;
mod plot;

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
    /// The target being edited, by position; `None` when adding.
    editing: Option<usize>,
    year: String,
    value: String,
    kind: TargetKind,
    label: String,
    error: Option<String>,
}

#[derive(Default)]
struct EventForm {
    /// The event being edited, by position; `None` when adding.
    editing: Option<usize>,
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
    chart_cache: Option<(u64, String, ChartOptions, Arc<Chart>)>,
    cards_cache: Option<(u64, Vec<Card>)>,
    obs_form: ObsForm,
    target_form: TargetForm,
    event_form: EventForm,
    override_form: OverrideForm,
    reset_plot: bool,
    /// The chart title being typed (measure id, text), saved to the measure when the field
    /// is left.
    title_edit: Option<(String, String)>,
    /// The size of exported pictures (chart, dashboard, all charts).
    export: crate::ui::widgets::ExportSize,
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
    /// The size exports are made at (chosen in the Export menus).
    pub fn export_size(&self) -> crate::ui::widgets::ExportSize {
        self.export
    }

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
        let c = self.current_chart()?;
        let mut o = self.chart_cache.as_ref()?.2.clone();
        o.hidden = hidden_in_legend(ctx, c);
        Some(o)
    }

    /// The chart or the dashboard as shown, at the size chosen in the Export menu, for the
    /// clipboard.
    pub fn picture(&self, p: &crate::model::Project, ctx: &egui::Context) -> Option<Picture> {
        let (width, height) = (self.export.width, self.export.height);
        let Some(id) = &self.open else {
            return Some(Picture {
                svg: chart::export::dashboard_svg(p, width, height),
                width,
                height,
                what: "the dashboard".into(),
            });
        };
        let o = self.options_as_shown(ctx).unwrap_or_default();
        Some(Picture {
            svg: chart::export::measure_svg(p, id, &o, width, height).ok()?,
            width,
            height,
            what: format!("the chart of {}", p.measure(id)?.name),
        })
    }

    /// The data table of the measure open, tab-separated, for the clipboard.
    pub fn table_text(&self, p: &crate::model::Project) -> Option<String> {
        let m = p.measure(self.open.as_deref()?)?;
        Some(chart::table_tsv(p, m))
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

    fn chart_for(&mut self, doc: &Document, index: usize) -> Arc<Chart> {
        let m = &doc.project().measures[index];
        let opts = ChartOptions::for_measure(m);
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
                    let m = &doc.project().measures[index];
                    if self.title_edit.as_ref().is_none_or(|(i, _)| *i != id) {
                        self.title_edit = Some((id.clone(), m.chart_title.clone()));
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
                        self.reset_plot = true;
                    }
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
                            Some(ExportChoice::Save(ext)) => {
                                if let Some(path) = rfd::FileDialog::new()
                                    .add_filter(ext, &[ext])
                                    .set_file_name(format!("{id}.{ext}"))
                                    .save_file()
                                {
                                    let o = self.options_as_shown(ui.ctx()).unwrap_or_default();
                                    let (w, h) = (self.export.width, self.export.height);
                                    match chart::export::export_measure(
                                        doc.project(),
                                        &id,
                                        &o,
                                        &path,
                                        w,
                                        h,
                                    ) {
                                        Ok(()) => {
                                            nav.status =
                                                Some(format!("Exported {}", path.display()))
                                        }
                                        Err(e) => nav.error = Some(e),
                                    }
                                }
                            }
                            None => {}
                        }
                    });
                    if ui.button("Copy table").clicked() {
                        let m = &doc.project().measures[index];
                        let text = chart::table_tsv(doc.project(), m);
                        clipboard::copy_text(ui.ctx(), text, "the data table (tab-separated)", nav);
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
}

/// The comparators' values, read-only (they are edited in the project file), so the table
/// under the chart holds every line drawn on it.
fn comparators_table(ui: &mut Ui, doc: &Document, index: usize) {
    let p = doc.project();
    let m = &p.measures[index];
    for c in &m.comparators {
        ui.add_space(8.0);
        ui.label(RichText::new(format!("Comparator: {}", c.name)).strong());
        let mut obs: Vec<&Observation> = c.observations.iter().collect();
        obs.sort_by(|a, b| a.period.decimal_year().total_cmp(&b.period.decimal_year()));
        egui::Grid::new(("comparator-table", &c.name))
            .striped(true)
            .show(ui, |ui| {
                for o in obs {
                    ui.label(o.period.label());
                    ui.label(crate::format::value(o.value, &m.unit));
                    ui.label(chart::value_status_label(o.status));
                    let src = o
                        .source
                        .as_deref()
                        .map(|id| p.source(id).map_or(id, |s| s.title.as_str()))
                        .unwrap_or("");
                    ui.label(RichText::new(truncate(src, 70)).color(theme::muted(ui)));
                    ui.end_row();
                }
            });
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
