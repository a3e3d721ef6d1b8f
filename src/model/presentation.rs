//! Presentations: ordered slides, each a saved view of the project plus the words that go
//! with it (a title that states the message, optional speaker notes).
//!
//! A slide names what it shows by id (a measure, a plan, an outcome); the picture is drawn
//! from the project's current data whenever the deck is shown or exported, so the figures on
//! a slide never go stale.

use super::{Id, Period, Rag};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// An ordered list of slides ("Exec/CLT away day, January 2026").
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slides: Vec<Slide>,
}

/// One slide: what it shows, its title and the speaker's notes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    /// States the slide's message ("Fewer households in temporary accommodation").
    pub title: String,
    pub view: SlideView,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// What a slide shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum SlideView {
    /// A cover slide: the title large, a subtitle under it.
    Title {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        subtitle: String,
    },
    /// Words only: paragraphs, a line starting "- " is a bullet.
    Text {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        text: String,
    },
    /// The outcomes wheel as the Wheel view shows it.
    Wheel {
        #[serde(default, skip_serializing_if = "is_default")]
        grouping: WheelGrouping,
        #[serde(default, skip_serializing_if = "is_default")]
        colour: WheelColour,
        /// The priority or area of need zoomed into (by the grouping's inner ring).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        focus: Option<Id>,
        /// Within `focus`, the middle-ring item zoomed into.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        focus_sub: Option<Id>,
        /// An outcome outlined on the wheel.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        selected: Option<Id>,
    },
    /// One measure's trend chart.
    Chart {
        measure: Id,
        /// The value axis fits the data (`true`) or starts at zero (`false`); unset for
        /// the measure's own setting.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fit_axis: Option<bool>,
        /// The comparators drawn, by name; unset for all of them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        comparators: Option<Vec<String>>,
        /// Values before this period are left out.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<Period>,
        /// Values after this period are left out.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<Period>,
    },
    /// Small charts of several measures.
    Dashboard {
        /// The measures shown, in order; empty for every measure in dashboard order.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        measures: Vec<Id>,
    },
    /// An action plan's table, filtered and sorted.
    Actions {
        plan: Id,
        #[serde(default, skip_serializing_if = "is_default")]
        filter: PlanFilter,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sort: Option<PlanSort>,
    },
    /// The programme's missions and partners' pledges.
    Missions,
}

impl Default for SlideView {
    fn default() -> Self {
        SlideView::Text {
            text: String::new(),
        }
    }
}

impl SlideView {
    /// What kind of slide this is, in words ("Chart").
    pub fn kind(&self) -> &'static str {
        match self {
            SlideView::Title { .. } => "Title",
            SlideView::Text { .. } => "Text",
            SlideView::Wheel { .. } => "Wheel",
            SlideView::Chart { .. } => "Chart",
            SlideView::Dashboard { .. } => "Dashboard",
            SlideView::Actions { .. } => "Action plan",
            SlideView::Missions => "Missions and pledges",
        }
    }
}

/// Which of priority and area of need forms the wheel's inner ring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum WheelGrouping {
    #[default]
    PriorityThenNeed,
    NeedThenPriority,
}

/// What the wheel's outcomes are coloured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum WheelColour {
    #[default]
    Priority,
    /// The status of the outcome's measures.
    Status,
    /// The worst RAG of the actions linked to the outcome.
    Rag,
    /// How many actions and pledges contribute to the outcome.
    Coverage,
}

/// Which actions an action-plan slide lists. The default lists them all.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFilter {
    /// Ratings listed; empty for all ("not yet green" is `[NotStarted, Red, Amber]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rags: Vec<Rag>,
    /// Only actions due on or after this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_from: Option<NaiveDate>,
    /// Only actions due on or before this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_to: Option<NaiveDate>,
    /// Only actions this person or body owns (one of the names an owner field lists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Only actions contributing to this outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Id>,
    /// Words that must all appear in the action (case-insensitive).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// The order of an action-plan slide's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSort {
    pub by: PlanColumn,
    #[serde(default, skip_serializing_if = "is_default")]
    pub descending: bool,
}

/// A column an action-plan slide can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlanColumn {
    Reference,
    Theme,
    Title,
    Owner,
    Due,
    Rag,
    LastUpdated,
}
