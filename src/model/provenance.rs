//! Where a value comes from: stated by a source or worked out by the file's author
//! ([`Basis`]), and what sources say when they disagree ([`Disagreement`]).
//!
//! A chart, hover, data table or export names a document as the source of a figure only when
//! the document states that figure; a worked-out value shows its working instead.

use super::{Id, Observation, Period, Target};
use serde::{Deserialize, Serialize};

/// Where a value (an observation, a target or a milestone) comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis<'a> {
    /// The named source states the value.
    Stated { source: &'a str },
    /// The file's author worked the value out; `from` is the source the working draws on, if
    /// one is named. Never present `from` as the source of the value itself.
    WorkedOut {
        working: &'a str,
        from: Option<&'a str>,
    },
    /// Neither a source nor a working: nothing says where the value comes from.
    Unsourced,
}

impl<'a> Basis<'a> {
    /// A working makes the value worked out, whether or not a source is named; otherwise a
    /// source states it.
    pub fn of(source: Option<&'a str>, working: &'a str) -> Basis<'a> {
        let source = source.filter(|s| !s.trim().is_empty());
        if !working.trim().is_empty() {
            Basis::WorkedOut {
                working,
                from: source,
            }
        } else if let Some(source) = source {
            Basis::Stated { source }
        } else {
            Basis::Unsourced
        }
    }
    pub fn is_worked_out(&self) -> bool {
        matches!(self, Basis::WorkedOut { .. })
    }

    /// One line saying where the value comes from, naming a source by `title(id)`:
    /// "Source: Position Paper", "Worked out: half of 984 (based on Position Paper)",
    /// "No source or working given".
    pub fn describe(&self, title: impl Fn(&str) -> String) -> String {
        match *self {
            Basis::Stated { source } => format!("Source: {}", title(source)),
            Basis::WorkedOut {
                working,
                from: Some(from),
            } => format!("Worked out: {} (based on {})", working.trim(), title(from)),
            Basis::WorkedOut {
                working,
                from: None,
            } => format!("Worked out: {}", working.trim()),
            Basis::Unsourced => "No source or working given".to_string(),
        }
    }
}

impl Observation {
    /// Where the value comes from: stated by its source, or worked out by the file's author.
    pub fn basis(&self) -> Basis<'_> {
        Basis::of(self.source.as_deref(), &self.working)
    }
    /// The source gives the value but not its period (see `period_inferred`).
    pub fn is_period_inferred(&self) -> bool {
        !self.period_inferred.trim().is_empty()
    }
}

impl Target {
    /// Where the value comes from: stated by a source, or worked out by the file's author.
    pub fn basis(&self) -> Basis<'_> {
        Basis::of(self.source.as_deref(), &self.working)
    }
}

/// Which way a source says a measure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trend {
    Rising,
    Falling,
    Steady,
}

impl Trend {
    pub fn label(self) -> &'static str {
        match self {
            Trend::Rising => "rising",
            Trend::Falling => "falling",
            Trend::Steady => "steady",
        }
    }
}

/// What one source says in a [`Disagreement`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Id of the [`Source`](super::Source) that says it.
    pub source: Id,
    /// What the source says, in its words or close to them ("39.5%, undated").
    pub says: String,
    /// The value it gives, in the measure's unit, if it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The period it gives the value or trend for, if it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Which way it says the measure moved, if it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<Trend>,
}

/// Sources that disagree about a measure (two values, two periods for one value, or two
/// directions), kept side by side rather than settled: a chart marks it, hover shows each
/// claim, and no verdict speaks as if there were a single truth.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disagreement {
    /// Where the disagreement sits on the chart: the period the claims are about.
    pub period: Period,
    /// What is in dispute, in a few words ("which year the 39% belongs to").
    pub about: String,
    /// What each source says: two or more.
    pub claims: Vec<Claim>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Disagreement {
    /// One line per claim, naming its source by `title(id)`: "Position Paper: 'from 45 per
    /// cent in 2019 to 39 per cent in 2022'" (a claim with no words: its trend, value and period).
    /// The same lines serve hover, footnotes and slides, so no view settles the dispute.
    pub fn lines(&self, title: impl Fn(&str) -> String) -> Vec<String> {
        self.claims
            .iter()
            .map(|c| format!("{}: {}", title(&c.source), c.summary()))
            .collect()
    }
}

impl Claim {
    /// What the claim says: its words, or else what it gives ("falling; 9.9 for 2024").
    pub fn summary(&self) -> String {
        let says = self.says.trim();
        if !says.is_empty() {
            return says.to_string();
        }
        let mut parts = Vec::new();
        if let Some(t) = self.trend {
            parts.push(t.label().to_string());
        }
        match (self.value, self.period) {
            (Some(v), Some(p)) => parts.push(format!("{v} for {}", p.label())),
            (Some(v), None) => parts.push(format!("{v}")),
            (None, Some(p)) => parts.push(format!("for {}", p.label())),
            (None, None) => {}
        }
        parts.join("; ")
    }
}
