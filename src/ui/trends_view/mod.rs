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
use crate::ui::list_editor::{ListEditor, labelled_edit};
use crate::ui::nav::Nav;
use crate::ui::source_choice::SourceChoice;
use crate::ui::theme::{self, color};
use crate::ui::widgets::ExportChoice;
use egui::{Color32, RichText, Sense, Ui, Vec2};
use std::sync::Arc;

mod card;
mod dashboard;
mod data_entry;
mod page;
mod plot;

/// The least width of a dashboard card, and its height.
const CARD: Vec2 = Vec2::new(300.0, 214.0);

#[derive(Default)]
struct ObsForm {
    period: String,
    value: String,
    status: ValueStatus,
    source: SourceChoice,
    note: String,
}

#[derive(Default)]
struct TargetForm {
    year: String,
    value: String,
    kind: TargetKind,
    label: String,
}

#[derive(Default)]
struct EventForm {
    period: String,
    label: String,
}

struct OverrideForm {
    rag: Rag,
    reason: String,
}

impl Default for OverrideForm {
    fn default() -> Self {
        OverrideForm {
            rag: Rag::Amber,
            reason: String::new(),
        }
    }
}

#[derive(Default)]
pub struct TrendsView {
    open: Option<String>,
    chart_cache: Option<(u64, String, ChartOptions, Arc<Chart>)>,
    cards_cache: Option<(u64, Vec<Card>)>,
    observations: ListEditor<ObsForm>,
    targets: ListEditor<TargetForm>,
    events: ListEditor<EventForm>,
    status: ListEditor<OverrideForm>,
    reset_plot: bool,
    /// Legend entries switched off on the open chart.
    hidden: Vec<chart::LegendItem>,
    /// The time axis runs to the programme's horizon instead of the next target.
    to_horizon: bool,
    /// The open chart's default ranges when last drawn: when an edit or an undo changes
    /// them, the view follows.
    shown_ranges: Option<((f64, f64), (f64, f64))>,
    /// The open chart as last drawn: where on screen and the values it showed.
    shown_plot: Option<ShownPlot>,
    /// The chart takes the mouse wheel (to pan) after a click in it, until the pointer
    /// leaves it; before that the wheel scrolls the page.
    plot_active: bool,
    /// In presentation mode: the chart's height, to fit the slide (no hint under it).
    present_height: Option<f32>,
    /// The chart title being typed (measure id, text), saved to the measure when the field
    /// is left.
    title_edit: Option<(String, String)>,
    /// The size of exported pictures (chart, dashboard, all charts).
    export: crate::ui::widgets::ExportSize,
}

/// The large chart as last drawn: its plot area on screen and the ranges of values it
/// showed there (after any zoom or pan), for tests and for what follows the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShownPlot {
    /// The plot area, in points.
    pub rect: egui::Rect,
    /// The time axis shown, in decimal years.
    pub x: (f64, f64),
    /// The value axis shown.
    pub y: (f64, f64),
}

impl ShownPlot {
    /// Whether the point (`x`, `y`) is inside what was shown.
    pub fn shows(&self, x: f64, y: f64) -> bool {
        (self.x.0..=self.x.1).contains(&x) && (self.y.0..=self.y.1).contains(&y)
    }
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

impl TrendsView {
    /// The size exports are made at (chosen in the Export menus).
    pub fn export_size(&self) -> crate::ui::widgets::ExportSize {
        self.export
    }

    /// Open a measure's large chart.
    pub fn open_measure(&mut self, id: &str) {
        self.open = Some(id.to_string());
        self.observations.reset();
        self.targets.reset();
        self.events.reset();
        self.status.reset();
        self.hidden.clear();
    }

    /// The measure whose large chart is open, if any.
    pub fn opened(&self) -> Option<&str> {
        self.open.as_deref()
    }

    /// Pick the data-entry form's source (for tests: combo boxes are awkward to drive).
    #[doc(hidden)]
    pub fn set_form_source_for_test(&mut self, source: Option<String>) {
        self.observations.form.source.id = source;
    }

    /// The open chart's options as on screen, including the legend entries switched off
    /// (what an export of it draws).
    pub fn options_as_shown(&self) -> Option<ChartOptions> {
        Some(self.chart_cache.as_ref()?.2.clone())
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
        let _ = ctx;
        let o = self.options_as_shown().unwrap_or_default();
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

    /// A chart alone, as presentation mode shows a slide: live (hover shows each value and
    /// its source), without the data entry around it.
    pub fn present_chart(&mut self, ui: &mut Ui, c: &Arc<Chart>) {
        // The sources, as under the exported chart: at most three lines on the slide (a long
        // note on disagreeing sources is cut with "…"), the whole note on hover.
        let mut job = egui::text::LayoutJob::simple(
            c.footnote.clone(),
            egui::TextStyle::Small.resolve(ui.style()),
            crate::ui::theme::muted(ui),
            ui.available_width(),
        );
        job.wrap.max_rows = 3;
        job.wrap.overflow_character = Some('…');
        let note = ui.painter().layout_job(job);
        // Above the chart, as on the exported slide: the unit and direction, then the status
        // in words and the verdict.
        if !c.subtitle.is_empty() {
            ui.label(egui::RichText::new(&c.subtitle).color(crate::ui::theme::muted(ui)));
        }
        let badge = c.assessment.badge();
        ui.label(if c.verdict_text.is_empty() {
            badge
        } else {
            format!("{badge} · {}", c.verdict_text)
        });
        // Room under the chart for its legend (one or two rows) and the note.
        let legend = 2.0 * ui.text_style_height(&egui::TextStyle::Button) + 16.0;
        self.present_height = Some((ui.available_height() - legend - note.size().y).max(120.0));
        self.plot(ui, c);
        let cut = note.elided;
        let shown = ui.add(egui::Label::new(note));
        if cut {
            shown.on_hover_text(&c.footnote);
        }
    }

    /// The open chart as last drawn: its place on screen and the values it showed.
    pub fn shown_plot(&self) -> Option<ShownPlot> {
        self.shown_plot
    }

    /// Whether the mouse wheel pans the chart (after a click in it) instead of scrolling
    /// the page.
    pub fn chart_takes_wheel(&self) -> bool {
        self.plot_active
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
                .map(|i| chart::card(p, i, &p.measures[i]))
                .collect();
            self.cards_cache = Some((doc.revision(), cards));
        }
        &self.cards_cache.as_ref().expect("just filled").1
    }

    fn chart_for(&mut self, doc: &Document, index: usize) -> Arc<Chart> {
        let m = &doc.project().measures[index];
        let opts = ChartOptions {
            hidden: self.hidden.clone(),
            to_horizon: self.to_horizon,
            ..ChartOptions::for_measure(m)
        };
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

fn apply_measure(doc: &mut Document, index: usize, v: Measure, label: String) {
    let _ = doc.apply(
        label,
        Edit::SetMeasure {
            index,
            value: Box::new(v),
        },
    );
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}
