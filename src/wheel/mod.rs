//! The outcomes wheel's geometry: rings, segments, labels (no egui).
//!
//! [`build`] is a pure function of the project and a [`ViewState`] (which of
//! priority or area of need is the inner grouping, what is zoomed into, the colour
//! mode) and the wheel's radius in pixels. Its [`Geometry`] is the one source for
//! painting in the window, hit-testing and the SVG export ([`export`]). What does not
//! depend on the size (the [`legend`], the [`breadcrumb`]) is a function of the project
//! and the view state alone.
//!
//! - [`view`]: the view state, its legend and breadcrumb;
//! - [`plan`](Plan): what depends only on the project, grouping and colour mode;
//! - `layout`: [`build`], placing segments and fitting their labels for a size and zoom;
//! - `geometry`: questions asked of a laid-out wheel (hit test, neighbours, search);
//! - [`text`]: measuring and fitting label text; [`export`]: the SVG picture.
//!
//! Angles are in radians, clockwise from 12 o'clock; points are relative to the
//! wheel's centre with y pointing down (screen coordinates).

pub mod colouring;
pub mod export;
#[cfg(any(test, feature = "synthetic"))]
pub mod fixture;
mod geometry;
mod layout;
mod plan;
pub mod text;
pub mod view;
pub mod voices;

pub use colouring::{ColourMode, LegendEntry, OutcomeFacts, Pattern};
pub use geometry::Step;
pub use layout::{build, build_from, window_of};
pub use plan::Plan;
pub use text::{EmbeddedFonts, Estimate, Label, TextMeasurer};
pub use view::{Focus, Grouping, Legend, ViewState, breadcrumb, empty_focus_note, legend};

use crate::model::{Colour, Id, Project};
use std::f32::consts::TAU;
use std::ops::Range;
use text::Sector;

/// The voice ring's fill when colouring by status, RAG or coverage.
const VOICE_NEUTRAL: Colour = Colour::rgb(0xec, 0xee, 0xf1);

/// The rings from the centre out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ring {
    Vision = 0,
    Group = 1,
    Subgroup = 2,
    Outcome = 3,
    Voice = 4,
}

impl Ring {
    pub const SEGMENTED: [Ring; 4] = [Ring::Group, Ring::Subgroup, Ring::Outcome, Ring::Voice];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// What a segment stands for (indices into the project's lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SegmentKind {
    Priority(usize),
    Need(usize),
    /// A (priority, need) group in the middle ring.
    Pair {
        priority: usize,
        need: usize,
    },
    Outcome(usize),
    Voice {
        voice: usize,
        outcome: usize,
    },
}

/// What a segment stands for, by the ids in the file: stable across edits that add or
/// remove other items (unlike [`SegmentKind`]'s indices), so it names the segment for
/// widget ids, the keyboard cursor and a selection to outline in an export.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SegmentKey {
    Priority(Id),
    Need(Id),
    Pair { priority: Id, need: Id },
    Outcome(Id),
    Voice { outcome: Id, voice: Id },
}

impl SegmentKey {
    /// The key of the segment of `kind` in `p`.
    pub fn of(kind: SegmentKind, p: &Project) -> SegmentKey {
        match kind {
            SegmentKind::Priority(i) => SegmentKey::Priority(p.priorities[i].id.clone()),
            SegmentKind::Need(i) => SegmentKey::Need(p.needs[i].id.clone()),
            SegmentKind::Pair { priority, need } => SegmentKey::Pair {
                priority: p.priorities[priority].id.clone(),
                need: p.needs[need].id.clone(),
            },
            SegmentKind::Outcome(i) => SegmentKey::Outcome(p.outcomes[i].id.clone()),
            SegmentKind::Voice { voice, outcome } => SegmentKey::Voice {
                outcome: p.outcomes[outcome].id.clone(),
                voice: p.voices[voice].id.clone(),
            },
        }
    }

    /// Is this the key of outcome `id`'s segment?
    pub fn is_outcome(&self, id: &str) -> bool {
        matches!(self, SegmentKey::Outcome(o) if o == id)
    }
}

/// One annular sector of the wheel.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub ring: Ring,
    pub kind: SegmentKind,
    /// The full name (or voice text).
    pub name: String,
    /// What the segment stands for, unique on the wheel and stable across frames and edits.
    pub key: SegmentKey,
    pub start: f32,
    pub end: f32,
    pub r0: f32,
    pub r1: f32,
    pub fill: Colour,
    pub text_colour: Colour,
    pub pattern: Pattern,
    /// A symbol that carries the status without colour ("" for none).
    pub marker: &'static str,
    /// One line for the tooltip ("On track (2 of 3 measures) · 4 actions · 1 pledge").
    pub status_line: String,
    pub parent: Option<usize>,
    pub label: Option<Label>,
}

impl Segment {
    pub fn sector(&self) -> Sector {
        Sector {
            start: self.start,
            end: self.end,
            r0: self.r0,
            r1: self.r1,
        }
    }

    pub fn mid_angle(&self) -> f32 {
        (self.start + self.end) / 2.0
    }

    /// A point well inside the segment (for hover targets and keyboard focus).
    pub fn anchor(&self) -> [f32; 2] {
        let r = (self.r0 + self.r1) / 2.0;
        let t = if self.end - self.start >= TAU - 1e-3 {
            0.0
        } else {
            self.mid_angle()
        };
        [r * t.sin(), -r * t.cos()]
    }

    /// Outline points of the sector, arcs sampled every `step` radians at most.
    pub fn outline(&self, step: f32) -> Vec<[f32; 2]> {
        let span = self.end - self.start;
        let n = ((span / step).ceil() as usize).max(1);
        let mut pts = Vec::with_capacity(2 * n + 2);
        for i in 0..=n {
            let t = self.start + span * i as f32 / n as f32;
            pts.push([self.r1 * t.sin(), -self.r1 * t.cos()]);
        }
        for i in (0..=n).rev() {
            let t = self.start + span * i as f32 / n as f32;
            pts.push([self.r0 * t.sin(), -self.r0 * t.cos()]);
        }
        pts
    }
}

/// What a point on the wheel lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Vision,
    Segment(usize),
}

/// The laid-out wheel.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub radius: f32,
    /// Ring boundaries: `radii[k]..radii[k + 1]` is ring k (ring 0 is the centre disc).
    pub radii: [f32; 6],
    pub segments: Vec<Segment>,
    /// Index ranges of each ring's segments in `segments`, sorted by angle.
    pub rings: [Range<usize>; 5],
    /// The text in the centre: the vision, or the name of what is zoomed into.
    pub centre_text: String,
    pub centre_label: Option<Label>,
    pub centre_fill: Colour,
    /// Whether the voices in view have room for their words; when not, their ring is a
    /// thin band of colour and the views say how to read them (zoom in, hover).
    pub voices_readable: bool,
    /// The opening most voices share ("We want"), left out of their labels and said once.
    pub voice_opening: Option<String>,
    /// How many outcomes in view have no label in any of their segments, and how many are
    /// in view; `None` when labels were not fitted (during a zoom's animation).
    pub unnamed_outcomes: Option<(usize, usize)>,
}

/// How to build.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions {
    /// Outer radius in pixels.
    pub radius: f32,
    /// Lay out labels (off while animating a zoom).
    pub labels: bool,
    /// Override the zoom window `(start, end)` in the unzoomed wheel's angles
    /// (for animating between zoom levels).
    pub window: Option<(f32, f32)>,
    /// Scale for font sizes (1 = window at 100%).
    pub text_scale: f32,
    /// Prefix outcome labels with their status symbol (✔ ✖ ?); exports rely on the
    /// patterns instead, as the bundled export font lacks the symbols.
    pub markers: bool,
}

impl BuildOptions {
    pub fn new(radius: f32) -> Self {
        BuildOptions {
            radius,
            labels: true,
            window: None,
            text_scale: 1.0,
            markers: true,
        }
    }
}

#[cfg(test)]
mod tests;
