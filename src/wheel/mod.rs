//! The outcomes wheel's geometry: rings, segments, labels (no egui).
//!
//! [`build`] is a pure function of the project and a [`ViewState`] (which of
//! priority or area of need is the inner grouping, what is zoomed into, the colour
//! mode) and the wheel's radius in pixels. Its [`Geometry`] is the one source for
//! painting in the window, hit-testing and the SVG export ([`export`]).
//!
//! Angles are in radians, clockwise from 12 o'clock; points are relative to the
//! wheel's centre with y pointing down (screen coordinates).

pub mod colouring;
pub mod export;
#[cfg(any(test, feature = "synthetic"))]
pub mod fixture;
mod plan;
pub mod text;

pub use colouring::{ColourMode, LegendEntry, OutcomeFacts, Pattern};
pub use plan::Plan;
pub use text::{Estimate, Label, TextMeasurer};

use crate::model::{Colour, Id, Project};
use std::f32::consts::TAU;
use std::ops::Range;
use text::{FitSpec, Orientation, Sector};

/// The voice ring's fill when colouring by status, RAG or coverage.
const VOICE_NEUTRAL: Colour = Colour::rgb(0xec, 0xee, 0xf1);

/// Which of priority and area of need forms the inner ring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Grouping {
    #[default]
    PriorityThenNeed,
    NeedThenPriority,
}

impl Grouping {
    pub fn label(self) -> &'static str {
        match self {
            Grouping::PriorityThenNeed => "Priority → need",
            Grouping::NeedThenPriority => "Need → priority",
        }
    }
}

/// What the wheel is zoomed into: an inner-ring item and optionally one of its groups.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Focus {
    /// Id of the inner-ring item (a priority or an area of need, per the grouping).
    pub group: Id,
    /// Id of the middle-ring item within it (the other kind).
    pub sub: Option<Id>,
}

/// Everything about the view that changes the picture.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ViewState {
    pub grouping: Grouping,
    pub colour: ColourMode,
    pub focus: Option<Focus>,
}

impl ViewState {
    /// A view zoomed into `id` (a priority or an area of need), with the grouping
    /// that puts it in the inner ring. None if the project has no such item.
    pub fn focused_on(p: &Project, id: &str, colour: ColourMode) -> Option<ViewState> {
        let grouping = if p.priority(id).is_some() {
            Grouping::PriorityThenNeed
        } else if p.need(id).is_some() {
            Grouping::NeedThenPriority
        } else {
            return None;
        };
        Some(ViewState {
            grouping,
            colour,
            focus: Some(Focus {
                group: id.to_string(),
                sub: None,
            }),
        })
    }
}

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

/// One annular sector of the wheel.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub ring: Ring,
    pub kind: SegmentKind,
    /// The full name (or voice text).
    pub name: String,
    /// A unique key for the segment (stable across frames, for widget ids).
    pub key: String,
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
    pub legend: Vec<LegendEntry>,
    pub legend_title: String,
    /// Names from the whole wheel down to the focus, for the breadcrumb.
    pub breadcrumb: Vec<String>,
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

/// The unzoomed window `(start, end)` (fractions of the circle) of the focus, if it exists.
fn focus_window(
    nodes: &[plan::Node],
    p: &Project,
    state: &ViewState,
) -> Option<(f64, f64, Vec<usize>)> {
    let f = state.focus.as_ref()?;
    let gi = nodes.iter().position(|n| {
        n.ring == Ring::Group
            && match n.kind {
                SegmentKind::Priority(i) => p.priorities[i].id == f.group,
                SegmentKind::Need(i) => p.needs[i].id == f.group,
                _ => false,
            }
    })?;
    let Some(sub) = &f.sub else {
        return Some((nodes[gi].start, nodes[gi].end, vec![gi]));
    };
    let si = nodes.iter().position(|n| {
        n.parent == Some(gi)
            && match (n.kind, state.grouping) {
                (SegmentKind::Pair { need, .. }, Grouping::PriorityThenNeed) => {
                    p.needs[need].id == *sub
                }
                (SegmentKind::Pair { priority, .. }, Grouping::NeedThenPriority) => {
                    p.priorities[priority].id == *sub
                }
                _ => false,
            }
    });
    match si {
        Some(si) => Some((nodes[si].start, nodes[si].end, vec![gi, si])),
        None => Some((nodes[gi].start, nodes[gi].end, vec![gi])),
    }
}

/// The zoom window of `state` in the unzoomed wheel's angles (full circle when not zoomed).
pub fn window_of(p: &Project, state: &ViewState) -> (f32, f32) {
    let nodes = plan::base_layout(p, state.grouping);
    match focus_window(&nodes, p, state) {
        Some((s, e, _)) => (s as f32 * TAU, e as f32 * TAU),
        None => (0.0, TAU),
    }
}

/// Lay out the wheel.
pub fn build(
    p: &Project,
    state: &ViewState,
    opts: &BuildOptions,
    m: &dyn TextMeasurer,
) -> Geometry {
    build_from(
        p,
        &Plan::new(p, state.grouping, state.colour),
        state,
        opts,
        m,
    )
}

/// Lay out the wheel from a [`Plan`] of the same project, made for `state`'s grouping and
/// colour mode (a plan made for others is replaced by a fresh one).
pub fn build_from(
    p: &Project,
    plan: &Plan,
    state: &ViewState,
    opts: &BuildOptions,
    m: &dyn TextMeasurer,
) -> Geometry {
    if !plan.is_for(state.grouping, state.colour) {
        return build(p, state, opts, m);
    }
    let nodes = &plan.nodes;
    let focus = focus_window(nodes, p, state);
    let (ws, we) = match (opts.window, &focus) {
        (Some((s, e)), _) => (s as f64 / TAU as f64, e as f64 / TAU as f64),
        (None, Some((s, e, _))) => (*s, *e),
        (None, None) => (0.0, 1.0),
    };
    let wspan = (we - ws).max(1e-9);

    let r = opts.radius.max(10.0);
    let has_voices = nodes.iter().any(|n| n.ring == Ring::Voice);
    let fr: [f32; 6] = if has_voices {
        [0.0, 0.21, 0.35, 0.47, 0.71, 1.0]
    } else {
        [0.0, 0.25, 0.40, 0.54, 1.0, 1.0]
    };
    let radii = fr.map(|f| f * r);

    let ts = opts.text_scale * (r / 420.0).clamp(0.85, 1.5);
    // Larger sizes first (used when zoomed in and there is room), then the normal one,
    // then the smallest that stays readable when projected.
    let sizes: [[f32; 3]; 5] = [
        [22.0 * ts, 20.0 * ts, 15.0 * ts],
        [20.0 * ts, 16.0 * ts, 13.0 * ts],
        [18.0 * ts, 14.0 * ts, 12.0 * ts],
        [16.0 * ts, 13.0 * ts, 11.0 * ts],
        [15.0 * ts, 12.0 * ts, 10.5 * ts],
    ];
    let specs: [(&[Orientation], usize); 5] = [
        (&[Orientation::Tangential], 6),
        (&[Orientation::Tangential, Orientation::Radial], 3),
        (&[Orientation::Tangential, Orientation::Radial], 3),
        (&[Orientation::Radial, Orientation::Tangential], 4),
        (&[Orientation::Radial, Orientation::Tangential], 4),
    ];

    let mut segments: Vec<Segment> = Vec::new();
    let mut map: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut rings: [Vec<Segment>; 5] = Default::default();
    // Keep segments in ring order: collect per ring, then concatenate.
    let mut ring_of_node: Vec<(usize, usize)> = Vec::with_capacity(nodes.len());
    for (n, look) in nodes.iter().zip(&plan.looks) {
        if n.end <= ws + 1e-12 || n.start >= we - 1e-12 {
            ring_of_node.push((usize::MAX, 0));
            continue;
        }
        let s = ((n.start.max(ws) - ws) / wspan) as f32 * TAU;
        let e = ((n.end.min(we) - ws) / wspan) as f32 * TAU;
        let ri = n.ring.index();
        let seg = Segment {
            ring: n.ring,
            kind: n.kind,
            name: look.name.clone(),
            key: look.key.clone(),
            start: s,
            end: e,
            r0: radii[ri],
            r1: radii[ri + 1],
            fill: look.fill,
            text_colour: look.text_colour,
            pattern: look.pattern,
            marker: look.marker,
            status_line: look.status_line.clone(),
            parent: n.parent,
            label: None,
        };
        ring_of_node.push((ri, rings[ri].len()));
        rings[ri].push(seg);
    }
    let mut ranges: [Range<usize>; 5] = Default::default();
    let mut offsets = [0usize; 5];
    for ri in 0..5 {
        offsets[ri] = segments.len();
        ranges[ri] = segments.len()..segments.len() + rings[ri].len();
        segments.append(&mut rings[ri]);
    }
    for (ni, &(ri, k)) in ring_of_node.iter().enumerate() {
        if ri != usize::MAX {
            map[ni] = Some(offsets[ri] + k);
        }
    }
    for s in segments.iter_mut() {
        s.parent = s.parent.and_then(|pn| map[pn]);
    }

    let zoomed = focus.is_some() && opts.window.is_none();
    if opts.labels {
        for s in segments.iter_mut() {
            let ri = s.ring.index();
            // Skip hopeless slivers early.
            let chord = (s.end - s.start) * s.r0;
            if chord < sizes[ri][2] * 1.1 && s.r1 - s.r0 < sizes[ri][2] * 1.1 {
                continue;
            }
            if chord < sizes[ri][2] * 1.1 && !matches!(s.ring, Ring::Outcome | Ring::Voice) {
                continue;
            }
            let text = if !opts.markers || s.marker.is_empty() || s.ring != Ring::Outcome {
                s.name.clone()
            } else {
                format!("{} {}", s.marker, s.name)
            };
            let spec = FitSpec {
                orientations: specs[ri].0,
                // Calm, even sizes on the whole wheel; bigger text when zoomed in.
                sizes: if zoomed { &sizes[ri] } else { &sizes[ri][1..] },
                max_lines: specs[ri].1,
                // The inner rings' names are few and matter: abbreviate rather than drop.
                abbreviate: matches!(s.ring, Ring::Group | Ring::Subgroup),
            };
            s.label = text::fit(&text, &s.sector(), &spec, m);
        }
    }

    let breadcrumb: Vec<String> = match &focus {
        Some((_, _, path)) if opts.window.is_none() => {
            path.iter().map(|&ni| plan.looks[ni].name.clone()).collect()
        }
        _ => Vec::new(),
    };
    // Zoomed in, the centre names the focus (the breadcrumb and tooltip carry the rest).
    let vision = p.programme.vision.trim();
    let centre_text = if !breadcrumb.is_empty() {
        breadcrumb.join(" › ")
    } else if vision.is_empty() {
        p.programme.title.clone()
    } else {
        vision.to_string()
    };
    let centre_label = if opts.labels {
        text::fit_disc(
            &centre_text,
            radii[1],
            &[15.0 * ts, 12.5 * ts, 10.5 * ts],
            m,
        )
    } else {
        None
    };
    let groups: Vec<(String, Colour)> = match state.grouping {
        Grouping::PriorityThenNeed => p
            .priorities
            .iter()
            .map(|x| (x.name.clone(), x.colour))
            .collect(),
        Grouping::NeedThenPriority => p.needs.iter().map(|x| (x.name.clone(), x.colour)).collect(),
    };
    let mut legend = colouring::legend(state.colour, &groups);
    if state.colour == ColourMode::Priority && state.grouping == Grouping::NeedThenPriority {
        // Outcomes are tinted by priority in this arrangement.
        legend.extend(p.priorities.iter().map(|x| LegendEntry {
            colour: x.colour,
            pattern: Pattern::Solid,
            marker: "",
            label: x.name.clone(),
        }));
    }
    Geometry {
        radius: r,
        radii,
        segments,
        rings: ranges,
        centre_text,
        centre_label,
        centre_fill: Colour::rgb(0xff, 0xff, 0xff),
        legend,
        legend_title: match state.colour {
            ColourMode::Priority => match state.grouping {
                Grouping::PriorityThenNeed => "Priorities".to_string(),
                Grouping::NeedThenPriority => {
                    "Areas of need (inner ring), then priorities (their outcomes lighter)"
                        .to_string()
                }
            },
            m => m.legend_title().to_string(),
        },
        breadcrumb,
    }
}

impl Geometry {
    /// The segment or centre under the point `(x, y)` (relative to the centre).
    pub fn hit_test(&self, x: f32, y: f32) -> Option<Hit> {
        let r = (x * x + y * y).sqrt();
        if r < self.radii[1] {
            return Some(Hit::Vision);
        }
        let ri = (1..5).find(|&k| r >= self.radii[k] && r < self.radii[k + 1])?;
        let theta = x.atan2(-y).rem_euclid(TAU);
        let ring = &self.segments[self.rings[ri].clone()];
        // Segments in a ring are sorted by start angle.
        let k = ring.partition_point(|s| s.start <= theta);
        if k == 0 {
            return None;
        }
        let s = &ring[k - 1];
        (theta < s.end).then_some(Hit::Segment(self.rings[ri].start + k - 1))
    }

    /// The segments of a ring.
    pub fn ring(&self, ring: Ring) -> &[Segment] {
        &self.segments[self.rings[ring.index()].clone()]
    }

    /// Index of the segment with this key.
    pub fn find_key(&self, key: &str) -> Option<usize> {
        self.segments.iter().position(|s| s.key == key)
    }

    /// Index of an outcome's segment.
    pub fn find_outcome(&self, id: &str) -> Option<usize> {
        self.find_key(&format!("o:{id}"))
    }

    /// Names from the inner ring out to segment `i` ("Fairness › Health › …").
    pub fn path(&self, i: usize) -> Vec<&str> {
        let mut v = Vec::new();
        let mut at = Some(i);
        while let Some(k) = at {
            v.push(self.segments[k].name.as_str());
            at = self.segments[k].parent;
        }
        v.reverse();
        v
    }

    /// Is segment `a` an ancestor of (or equal to) `b`?
    pub fn is_ancestor(&self, a: usize, b: usize) -> bool {
        let mut at = Some(b);
        while let Some(k) = at {
            if k == a {
                return true;
            }
            at = self.segments[k].parent;
        }
        false
    }

    /// The neighbour of segment `i` for keyboard movement.
    pub fn neighbour(&self, i: usize, step: Step) -> Option<usize> {
        let s = &self.segments[i];
        let range = self.rings[s.ring.index()].clone();
        match step {
            Step::Next | Step::Prev => {
                let n = range.len();
                let k = i - range.start;
                let k = if step == Step::Next {
                    (k + 1) % n
                } else {
                    (k + n - 1) % n
                };
                Some(range.start + k)
            }
            Step::Out => {
                let next = s.ring.index() + 1;
                if next > 4 {
                    return None;
                }
                self.rings[next]
                    .clone()
                    .find(|&k| self.segments[k].parent == Some(i))
            }
            Step::In => s.parent,
        }
    }

    /// Indices of segments whose name contains `query` (case-insensitive).
    pub fn search(&self, query: &str) -> Vec<usize> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        self.segments
            .iter()
            .enumerate()
            .filter(|(_, s)| s.name.to_lowercase().contains(&q))
            .map(|(i, _)| i)
            .collect()
    }
}

/// Keyboard movement on the wheel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Clockwise within the ring.
    Next,
    /// Anticlockwise within the ring.
    Prev,
    /// To the first child in the next ring out.
    Out,
    /// To the parent in the next ring in.
    In,
}

#[cfg(test)]
mod tests;
