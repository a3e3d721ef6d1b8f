//! Trend chart content: series, axes, ticks, markers, trajectory, projection,
//! legend and footnote, computed once from a measure (no egui). The egui view and
//! the SVG/PNG exporter both draw from a [`Chart`].
//!
//! - [`build`](build()) turns a measure into a [`Chart`];
//! - [`axis`]: value and time ticks;
//! - [`legend`]: the typed legend entries and what each one hides;
//! - [`card`]: a dashboard card's content and line thinning;
//! - [`table`]: the data table as text;
//! - [`svg`], [`dashboard_svg`] and [`export`]: pictures and files.

pub mod axis;
mod build;
pub mod card;
pub mod dashboard_svg;
pub mod export;
mod extent;
mod footnote;
pub mod geometry;
mod hover;
pub mod labels;
pub mod legend;
pub mod svg;
pub mod table;

pub use axis::{TimeAxis, nice_step, time_ticks, value_ticks};
pub use build::build;
pub use card::{Card, card, decimate};
pub use legend::{LegendEntry, LegendItem, LegendMark, PointMark};
pub use table::table_tsv;

use crate::format;
use crate::model::{Colour, Project, TargetKind, Unit, ValueStatus};
use crate::palette;
use crate::status::{Assessment, Verdict};

/// What the user chose about how a chart looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartOptions {
    pub start_at_zero: bool,
    /// The chart's title; empty for the measure's name.
    pub title: String,
    /// Legend entries the user has switched off.
    pub hidden: Vec<LegendItem>,
    /// Show the time axis to the programme's horizon and every target, instead of the
    /// values and the next target after them.
    pub to_horizon: bool,
}

impl ChartOptions {
    /// The options the project file keeps for `m` (title, axis from zero), nothing hidden:
    /// what the window shows first and what every export draws.
    pub fn for_measure(m: &crate::model::Measure) -> ChartOptions {
        ChartOptions {
            start_at_zero: !m.chart_fit_axis,
            title: m.chart_title.clone(),
            hidden: Vec::new(),
            to_horizon: false,
        }
    }

    /// Is `item` switched off?
    pub fn hides(&self, item: LegendItem) -> bool {
        self.hidden.contains(&item)
    }
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            start_at_zero: true,
            title: String::new(),
            hidden: Vec::new(),
            to_horizon: false,
        }
    }
}

/// One plotted value.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub status: ValueStatus,
    /// "2023/24", "Q1 2024".
    pub period: String,
    /// The source's title, if any.
    pub source: String,
    pub note: String,
}

impl ChartPoint {
    /// Drawn solid (and its segments solid) only when a measured value.
    pub fn is_measured(&self) -> bool {
        self.status == ValueStatus::Measured
    }
}

/// A line of values: the measure itself or a comparator.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub colour: Colour,
    pub points: Vec<ChartPoint>,
    pub main: bool,
}

/// An axis tick.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

/// A target or milestone marker.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetMarker {
    pub x: f64,
    pub y: f64,
    pub year: i32,
    pub kind: TargetKind,
    /// "2040 target: 5%".
    pub label: String,
}

/// A dated event drawn as a vertical line.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMarker {
    pub x: f64,
    pub label: String,
    pub note: String,
}

/// Everything a trend chart shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub measure_id: String,
    pub title: String,
    /// "Measure name · households · lower is better".
    pub subtitle: String,
    pub footnote: String,
    pub unit: Unit,
    pub y_title: String,
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    /// What the time axis marks, so that ticks can be made again for any visible range.
    pub time_axis: TimeAxis,
    pub series: Vec<Series>,
    pub targets: Vec<TargetMarker>,
    pub trajectory: Option<[(f64, f64); 2]>,
    /// Tolerance band as (x, low, high) at the trajectory's two ends.
    pub band: Option<[(f64, f64, f64); 2]>,
    pub projection: Option<[(f64, f64); 2]>,
    pub events: Vec<EventMarker>,
    /// Every entry the chart has, switched off or not (see [`LegendEntry::shown`]).
    pub legend: Vec<LegendEntry>,
    pub assessment: Assessment,
    pub verdict: Verdict,
    /// "On track: at the recent rate the target is met in 2036".
    pub verdict_text: String,
}

impl Chart {
    /// The legend entries drawn (those not switched off).
    pub fn shown_legend(&self) -> impl Iterator<Item = &LegendEntry> {
        self.legend.iter().filter(|e| e.shown)
    }
}

pub const MAIN: Colour = palette::CATEGORICAL[0];
pub const TARGET: Colour = palette::INK;
pub const TRAJECTORY: Colour = palette::CATEGORICAL[2];
pub const PROJECTION: Colour = palette::CATEGORICAL[1];
pub const EVENT: Colour = palette::INK_MUTED;

/// The comparators' colours, in turn.
pub fn comparator_colour(i: usize) -> Colour {
    palette::CATEGORICAL[[6, 3, 5, 7][i % 4]]
}

/// The word for a value's status ("Estimated").
pub fn value_status_label(s: ValueStatus) -> &'static str {
    match s {
        ValueStatus::Measured => "Measured",
        ValueStatus::Provisional => "Provisional",
        ValueStatus::Estimated => "Estimated",
        ValueStatus::Illustrative => "Illustrative",
    }
}

/// The axis title for a unit: "Percent (%)", "Households", "£ million"; a unit the file
/// names is kept as written ("kt CO₂e").
pub fn unit_title(unit: &Unit) -> String {
    match unit {
        Unit::Percent => "Percent (%)".into(),
        Unit::PoundsMillion => "£ million".into(),
        Unit::Pounds => "£".into(),
        Unit::Other(name) if name.trim().is_empty() => "Value".into(),
        Unit::Other(name) => name.trim().to_string(),
        counted => {
            let n = format::unit_name(counted);
            let mut c = n.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
    }
}

/// The name of a measure's own series in legends and tables: the place, taken from the
/// organisation ("Luton Borough Council" gives "Luton"), or "This area" without one.
pub fn main_series_name(project: &Project) -> String {
    let area = project.programme.area.trim();
    if !area.is_empty() {
        return area.to_string();
    }
    let org = project.programme.organisation.trim();
    let place = [
        " Metropolitan Borough Council",
        " Borough Council",
        " City Council",
        " County Council",
        " District Council",
        " Council",
    ]
    .iter()
    .find_map(|suffix| org.strip_suffix(suffix))
    .unwrap_or(org)
    .trim();
    if place.is_empty() {
        "This area".into()
    } else {
        place.to_string()
    }
}

/// The title of the source `id` names in `project` (the id itself if it names none).
pub(crate) fn source_title(project: &Project, id: Option<&str>) -> String {
    id.map(|id| {
        project
            .source(id)
            .map(|s| s.title.clone())
            .unwrap_or(id.to_string())
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests;
