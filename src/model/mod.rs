//! The project model: everything a council's outcomes programme holds.
//!
//! Pure data with serde derives and no behaviour beyond look-ups. The RON file
//! format is exactly these types (see the README's file format reference).

mod colour;
mod one_line;
mod period;
mod presentation;
mod provenance;
#[cfg(test)]
mod tests;

pub use colour::Colour;
pub use period::{Period, PeriodError, decimal_year_of};
pub use presentation::{
    PlanColumn, PlanFilter, PlanSort, Presentation, Slide, SlideView, WheelColour, WheelGrouping,
};
pub use provenance::{Basis, Claim, Disagreement, Trend};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The newest file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A stable identifier, unique within its kind (e.g. `"ta-households"`).
pub type Id = String;

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// A whole programme: the root of a project file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub format_version: u32,
    pub programme: Programme,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<Priority>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<AreaOfNeed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voices: Vec<Voice>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action_plans: Vec<ActionPlan>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pledges: Vec<Pledge>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missions: Vec<Mission>,
    /// Slide decks built from the project's views.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presentations: Vec<Presentation>,
}

/// Title, vision and horizon of the programme.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// The place's own name, for its series in chart legends and tables ("Luton"); empty to
    /// take it from the organisation.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    pub vision: String,
    pub horizon_year: i32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// A document or data set that figures come from, cited by id.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// When it was published, as the document gives it (e.g. "January 2025").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub published: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A programme priority (the inner ring of the wheel).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub colour: Colour,
}

/// An area of need (Health, Money, Safety…).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaOfNeed {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub colour: Colour,
}

/// A target outcome for the horizon year.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Id of the [`Priority`] it belongs to.
    pub priority: Id,
    /// Id of the [`AreaOfNeed`] it belongs to.
    pub need: Id,
    /// Ids of the resident-voice statements it answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voices: Vec<Id>,
    /// Ids of the measures that track it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Id>,
}

/// A resident-voice statement ("We want to afford a decent home").
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    pub id: Id,
    pub text: String,
}

/// Which way a measure should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

/// The unit a measure's values are in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Unit {
    /// 0–100.
    #[default]
    Percent,
    Count,
    Households,
    People,
    Children,
    Homes,
    /// Pounds sterling.
    Pounds,
    /// Millions of pounds.
    PoundsMillion,
    /// Any other unit, named in the plural ("visits").
    Other(String),
}

/// How far a value can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ValueStatus {
    #[default]
    Measured,
    Provisional,
    Estimated,
    /// Not a real figure: shown only to illustrate.
    Illustrative,
}

/// One dated value of a measure or comparator.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub period: Period,
    pub value: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: ValueStatus,
    /// Id of the [`Source`] the value comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// How the file's author worked the value out from figures a source gives, when no source
    /// states it ("984 + 86: the Sept 2023 count and the fall since a year before"); empty
    /// when the source states the value. See [`Basis`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub working: String,
    /// Why the period is the file author's inference, when the source gives the value without
    /// it ("year inferred from 'last year' in a report of early 2024"); empty when the source
    /// gives the period.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub period_inferred: String,
}

/// Whether a dated value is a final target or a milestone on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TargetKind {
    #[default]
    Target,
    Milestone,
}

/// A value the programme aims for by a year.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub year: i32,
    pub value: f64,
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: TargetKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// Id of the [`Source`] that states the value for the year or, with a `working`, the
    /// source of the figures it was worked out from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// How the file's author worked the value out, when no source states it ("half of the
    /// Sept 2023 count, 984: the paper says only 'halving'"); empty when a source states it.
    /// See [`Basis`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub working: String,
}

/// The value a measure's trajectory starts from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub period: Period,
    pub value: f64,
}

/// Another series to compare with (e.g. the England average).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparator {
    pub name: String,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "one_line::serialize"
    )]
    pub observations: Vec<Observation>,
}

/// A dated event to mark on a chart.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub period: Period,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Id of the [`Source`] that dates the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Id>,
}

/// Red / amber / green and the two states either side of them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Rag {
    #[default]
    NotStarted,
    Red,
    Amber,
    Green,
    Complete,
}

impl Rag {
    pub const ALL: [Rag; 5] = [
        Rag::NotStarted,
        Rag::Red,
        Rag::Amber,
        Rag::Green,
        Rag::Complete,
    ];

    /// The word shown beside the colour.
    pub fn label(self) -> &'static str {
        match self {
            Rag::NotStarted => "Not started",
            Rag::Red => "Red",
            Rag::Amber => "Amber",
            Rag::Green => "Green",
            Rag::Complete => "Complete",
        }
    }
}

/// A status set by hand, with the reason for it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusOverride {
    pub rag: Rag,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

fn default_tolerance() -> f64 {
    10.0
}

fn is_default_tolerance(t: &f64) -> bool {
    *t == default_tolerance()
}

/// Something measured over time, with its targets.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
    pub unit: Unit,
    pub direction: Direction,
    /// Position on the Trends dashboard's first row (1 first); `None` for the rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "one_line::serialize"
    )]
    pub observations: Vec<Observation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// Tolerance around the trajectory, in percent of the target change (default 10).
    #[serde(
        default = "default_tolerance",
        skip_serializing_if = "is_default_tolerance"
    )]
    pub tolerance_percent: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparators: Vec<Comparator>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
    /// Where sources disagree about the measure's values or direction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_override: Option<StatusOverride>,
    /// A title for the measure's chart that states its message ("Fewer households in
    /// temporary accommodation since 2023"); empty for the measure's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub chart_title: String,
    /// The chart's value axis fits the data instead of starting at zero.
    #[serde(default, skip_serializing_if = "is_default")]
    pub chart_fit_axis: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A dated progress note on an action.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressNote {
    pub date: NaiveDate,
    pub text: String,
}

/// One row of an action plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Unique within its plan ("R1", "2.3").
    pub reference: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub theme: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_actions: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub rag: Rag,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressNote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<NaiveDate>,
    /// Ids of the outcomes it contributes to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Id>,
}

/// A tracked plan of actions (e.g. a peer challenge's recommendations).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionPlan {
    pub id: Id,
    pub title: String,
    /// Where the plan comes from ("LGA Corporate Peer Challenge, March 2024").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub origin: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Who gave the actions' RAG ratings and by what rule: the source's own ratings, or, when
    /// the source gives none, the file author's reading ("our reading of the progress text:
    /// Green when …").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rating_basis: String,
}

/// A partner's commitment to outcomes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pledge {
    pub id: Id,
    pub partner: String,
    pub commitment: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Id>,
}

/// A named group of outcomes pursued together.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mission {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Id>,
}

impl Default for Project {
    fn default() -> Self {
        Project {
            format_version: FORMAT_VERSION,
            programme: Programme {
                title: "Untitled programme".into(),
                horizon_year: 2040,
                ..Default::default()
            },
            sources: vec![],
            priorities: vec![],
            needs: vec![],
            outcomes: vec![],
            voices: vec![],
            measures: vec![],
            action_plans: vec![],
            pledges: vec![],
            missions: vec![],
            presentations: vec![],
        }
    }
}

impl Project {
    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.priorities.iter().find(|p| p.id == id)
    }
    pub fn need(&self, id: &str) -> Option<&AreaOfNeed> {
        self.needs.iter().find(|n| n.id == id)
    }
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }
    pub fn voice(&self, id: &str) -> Option<&Voice> {
        self.voices.iter().find(|v| v.id == id)
    }
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    pub fn plan(&self, id: &str) -> Option<&ActionPlan> {
        self.action_plans.iter().find(|p| p.id == id)
    }
    pub fn presentation(&self, id: &str) -> Option<&Presentation> {
        self.presentations.iter().find(|p| p.id == id)
    }

    /// Total observations across all measures (for summaries).
    pub fn observation_count(&self) -> usize {
        self.measures.iter().map(|m| m.observations.len()).sum()
    }

    /// Total actions across all plans.
    pub fn action_count(&self) -> usize {
        self.action_plans.iter().map(|p| p.actions.len()).sum()
    }

    /// Measures in dashboard order: headline measures by their rank, then the rest in file order.
    pub fn measures_in_dashboard_order(&self) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.measures.len()).collect();
        idx.sort_by_key(|&i| (self.measures[i].headline.unwrap_or(u32::MAX), i));
        idx
    }
}
