//! Laying the wheel out for a size and a zoom: segments placed from a [`Plan`], labels fitted.

use super::text::{self, FitSpec, Orientation, TextMeasurer};
use super::view::{Grouping, ViewState, breadcrumb};
use super::voices::after_opening;
use super::{BuildOptions, Geometry, Ring, Segment, SegmentKind, plan, plan::Plan};
use crate::model::{Colour, Project};
use std::f32::consts::TAU;
use std::ops::Range;

/// The unzoomed window `(start, end)` (fractions of the circle) of the focus, if it exists.
fn focus_window(nodes: &[plan::Node], p: &Project, state: &ViewState) -> Option<(f64, f64)> {
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
        return Some((nodes[gi].start, nodes[gi].end));
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
    let at = si.unwrap_or(gi);
    Some((nodes[at].start, nodes[at].end))
}

/// The zoom window of `state` in the unzoomed wheel's angles (full circle when not zoomed).
pub fn window_of(p: &Project, state: &ViewState) -> (f32, f32) {
    let nodes = plan::base_layout(p, state.grouping);
    match focus_window(&nodes, p, state) {
        Some((s, e)) => (s as f32 * TAU, e as f32 * TAU),
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
    let focus = focus_window(&plan.nodes, p, state);
    let window = match (opts.window, &focus) {
        (Some((s, e)), _) => (s as f64 / TAU as f64, e as f64 / TAU as f64),
        (None, Some((s, e))) => (*s, *e),
        (None, None) => (0.0, 1.0),
    };
    let r = opts.radius.max(10.0);
    let ts = opts.text_scale * (r / 420.0).clamp(0.85, 1.5);
    let sizes = Sizes::new(ts, opts.text_scale);
    let zooming = focus.is_some() || opts.window.is_some();
    let mut rings = RingRoom::of(plan, window, zooming, r, sizes.smallest(Ring::Voice));
    let (mut segments, ranges) = place(plan, window, &rings.radii(r));
    if opts.labels {
        let fit = Fit {
            sizes: &sizes,
            zoomed: focus.is_some() && opts.window.is_none(),
            markers: opts.markers,
            opening: plan.voice_opening.as_deref(),
            m,
        };
        // Voices show their words only if most of them fit whole; otherwise their ring is a
        // band of colour, and the outcomes take the room.
        let voices = &mut segments[ranges[Ring::Voice.index()].clone()];
        if rings.voices_readable && fit.ring(voices) * 2 < voices.len() {
            rings.voices_as_band();
            let radii = rings.radii(r);
            for s in segments.iter_mut().filter(|s| s.ring >= Ring::Outcome) {
                (s.r0, s.r1) = (radii[s.ring.index()], radii[s.ring.index() + 1]);
                s.label = None;
            }
        }
        for ring in [Ring::Group, Ring::Subgroup, Ring::Outcome] {
            fit.ring(&mut segments[ranges[ring.index()].clone()]);
        }
    }
    let radii = rings.radii(r);

    // Zoomed in, the centre names the focus (the breadcrumb and tooltip carry the rest);
    // while a zoom is animated, the vision stays.
    let crumbs = if opts.window.is_none() {
        breadcrumb(p, state)
    } else {
        Vec::new()
    };
    let vision = p.programme.vision.trim();
    let centre_text = if !crumbs.is_empty() {
        crumbs.join(" › ")
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
    let unnamed_outcomes = opts
        .labels
        .then(|| unnamed(&segments[ranges[Ring::Outcome.index()].clone()]));
    Geometry {
        radius: r,
        radii,
        segments,
        rings: ranges,
        centre_text,
        centre_label,
        centre_fill: Colour::rgb(0xff, 0xff, 0xff),
        voices_readable: rings.voices_readable,
        voice_opening: plan.voice_opening.clone(),
        unnamed_outcomes,
    }
}

/// How many of the outcomes among `segments` have no label in any of their segments (an
/// outcome under several priorities needs its name once), and how many there are.
fn unnamed(segments: &[Segment]) -> (usize, usize) {
    let mut shown: Vec<(usize, bool)> = segments
        .iter()
        .filter_map(|s| match s.kind {
            SegmentKind::Outcome(i) => Some((i, s.label.is_some())),
            _ => None,
        })
        .collect();
    shown.sort_unstable_by_key(|&(i, named)| (i, !named));
    shown.dedup_by_key(|&mut (i, _)| i);
    let unnamed = shown.iter().filter(|(_, named)| !named).count();
    (unnamed, shown.len())
}

/// How much of the radius each ring gets, decided by what is in view: a ring that is one
/// whole circle while zoomed in (its name is in the centre) shrinks to a thin band, and so
/// does the voices' ring when its segments are too narrow for two lines of text; the
/// outcomes' ring takes the room they leave. A whole ring shrinks gradually as a zoom's
/// animation widens it.
struct RingRoom {
    /// Thickness of each segmented ring, as fractions of the radius (group, subgroup,
    /// outcome, voice).
    thickness: [f32; 4],
    /// Whether the voices have room for their words (else they are a band of colour).
    voices_readable: bool,
}

impl RingRoom {
    const CENTRE: f32 = 0.21;
    const GROUP: f32 = 0.14;
    const SUBGROUP: f32 = 0.12;
    const BAND: f32 = 0.035;
    const VOICES: f32 = 0.29;
    const VOICE_BAND: f32 = 0.08;

    /// The rings for the plan's nodes in `window` (fractions of the unzoomed circle);
    /// `zooming` when the view is zoomed in or animating a zoom.
    fn of(plan: &Plan, (ws, we): (f64, f64), zooming: bool, r: f32, voice_size: f32) -> Self {
        let wspan = (we - ws).max(1e-9);
        // Share of the window each node shows, as an angle.
        let angle =
            |n: &plan::Node| ((n.end.min(we) - n.start.max(ws)).max(0.0) / wspan) as f32 * TAU;
        let widest = |ring: Ring| {
            plan.nodes
                .iter()
                .filter(|n| n.ring == ring)
                .map(angle)
                .fold(0.0f32, f32::max)
        };
        // 0 while a ring's widest segment is under 60% of the circle, 1 when it is all of it.
        let whole = |ring: Ring| {
            if zooming {
                ((widest(ring) / TAU - 0.6) / 0.4).clamp(0.0, 1.0)
            } else {
                0.0
            }
        };
        // A whole group ring leaves room for longer names in the ring around it.
        let (whole_group, whole_sub) = (whole(Ring::Group), whole(Ring::Subgroup));
        let group = Self::GROUP + (Self::BAND - Self::GROUP) * whole_group;
        let subgroup = Self::SUBGROUP
            + (Self::GROUP - Self::BAND) * 0.5 * whole_group
            + (Self::BAND - Self::SUBGROUP - (Self::GROUP - Self::BAND) * 0.5 * whole_group)
                * whole_sub;
        // The voices' typical width where their text would start, in lines of text.
        let mut widths: Vec<f32> = plan
            .nodes
            .iter()
            .filter(|n| n.ring == Ring::Voice)
            .map(angle)
            .filter(|a| *a > 0.0)
            .collect();
        let (voices, voices_readable) = if widths.is_empty() {
            (0.0, false)
        } else {
            let mid = widths.len() / 2;
            let (_, median, _) = widths.select_nth_unstable_by(mid, f32::total_cmp);
            let chord = *median * (1.0 - Self::VOICES) * r;
            let lines = (chord - 2.0 * text::PAD) / (voice_size * 1.2);
            // Words need a line of room; a band of colour otherwise.
            if lines >= 1.0 {
                (Self::VOICES, true)
            } else {
                (Self::VOICE_BAND, false)
            }
        };
        let outcome = 1.0 - Self::CENTRE - group - subgroup - voices;
        RingRoom {
            thickness: [group, subgroup, outcome, voices],
            voices_readable,
        }
    }

    /// Ring boundaries in pixels for an outer radius `r`.
    fn radii(&self, r: f32) -> [f32; 6] {
        let mut radii = [0.0, Self::CENTRE * r, 0.0, 0.0, 0.0, 0.0];
        for k in 0..4 {
            radii[k + 2] = radii[k + 1] + self.thickness[k] * r;
        }
        radii[5] = r;
        radii
    }

    /// Make the voices' ring a thin band and give the outcomes the room.
    fn voices_as_band(&mut self) {
        self.thickness[2] += self.thickness[3] - Self::VOICE_BAND;
        self.thickness[3] = Self::VOICE_BAND;
        self.voices_readable = false;
    }
}

/// Label sizes per ring: larger ones first (used when zoomed in and there is room), then
/// the normal one, the small one, and last the smallest that stays readable when projected
/// (10 px at 100%), for names that fit no other way.
struct Sizes {
    sizes: [[f32; 4]; 5],
    /// How many of each ring's sizes to try (the floor is left out when it is no smaller).
    count: [usize; 5],
}

impl Sizes {
    fn new(ts: f32, text_scale: f32) -> Self {
        let floor = 10.0 * text_scale;
        let sizes = [
            [22.0, 20.0, 15.0],
            [20.0, 16.0, 13.0],
            [18.0, 14.0, 12.0],
            [16.0, 13.0, 11.0],
            [16.0, 13.0, 11.0],
        ]
        .map(|[a, b, c]| [a, b, c].map(|s| (s * ts).max(floor)))
        .map(|[a, b, c]| [a, b, c, floor]);
        Sizes {
            count: sizes.map(|s| if s[3] < s[2] - 0.5 { 4 } else { 3 }),
            sizes,
        }
    }

    /// The sizes to try for a ring's labels: calm, even sizes on the whole wheel; bigger
    /// ones when zoomed in.
    fn tries(&self, ring: Ring, zoomed: bool) -> &[f32] {
        let ri = ring.index();
        &self.sizes[ri][usize::from(!zoomed)..self.count[ri]]
    }

    fn smallest(&self, ring: Ring) -> f32 {
        self.sizes[ring.index()][self.count[ring.index()] - 1]
    }
}

/// The plan's nodes that show in the zoom `window` (fractions of the unzoomed circle), as
/// segments stretched to the whole circle, ring by ring, and each ring's range of them.
fn place(plan: &Plan, (ws, we): (f64, f64), radii: &[f32; 6]) -> (Vec<Segment>, [Range<usize>; 5]) {
    let wspan = (we - ws).max(1e-9);
    let nodes = &plan.nodes;
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
    let mut segments: Vec<Segment> = Vec::new();
    let mut ranges: [Range<usize>; 5] = Default::default();
    let mut offsets = [0usize; 5];
    for ri in 0..5 {
        offsets[ri] = segments.len();
        ranges[ri] = segments.len()..segments.len() + rings[ri].len();
        segments.append(&mut rings[ri]);
    }
    // Parents by their index in `segments`, not in the plan.
    let map: Vec<Option<usize>> = ring_of_node
        .iter()
        .map(|&(ri, k)| (ri != usize::MAX).then(|| offsets[ri] + k))
        .collect();
    for s in segments.iter_mut() {
        s.parent = s.parent.and_then(|pn| map[pn]);
    }
    (segments, ranges)
}

/// How labels are fitted in this layout.
struct Fit<'a> {
    sizes: &'a Sizes,
    /// Zoomed in: bigger sizes are tried first.
    zoomed: bool,
    /// Outcomes' names begin with their status symbol.
    markers: bool,
    /// The opening the voices share, left out of each.
    opening: Option<&'a str>,
    m: &'a dyn TextMeasurer,
}

impl Fit<'_> {
    /// Fit the labels of `segments` (all of one ring); returns how many show their whole text.
    fn ring(&self, segments: &mut [Segment]) -> usize {
        let mut whole = 0;
        for s in segments {
            s.label = self.label(s);
            whole += usize::from(s.label.as_ref().is_some_and(|l| !l.truncated));
        }
        whole
    }

    fn label(&self, s: &Segment) -> Option<text::Label> {
        let tries = self.sizes.tries(s.ring, self.zoomed);
        let smallest = self.sizes.smallest(s.ring);
        // Skip hopeless slivers early: too thin for a line at the inner edge (or, for
        // outcomes and voices, whose text can run along the radius, at the outer edge).
        let span = s.end - s.start;
        let thin = |r: f32| span * r < smallest * 1.1;
        let radial = matches!(s.ring, Ring::Outcome | Ring::Voice);
        if thin(s.r0) && (!radial || thin(s.r1) || s.r1 - s.r0 < smallest * 1.1) {
            return None;
        }
        let text = match s.ring {
            Ring::Voice => after_opening(&s.name, self.opening).to_string(),
            Ring::Outcome if self.markers && !s.marker.is_empty() => {
                format!("{} {}", s.marker, s.name)
            }
            _ => s.name.clone(),
        };
        let (orientations, max_lines): (&[Orientation], usize) = match s.ring {
            Ring::Vision => (&[Orientation::Tangential], 6),
            Ring::Group | Ring::Subgroup => (
                &[
                    Orientation::Tangential,
                    Orientation::Inward,
                    Orientation::Radial,
                ],
                3,
            ),
            Ring::Outcome | Ring::Voice => (&[Orientation::Radial, Orientation::Tangential], 4),
        };
        let spec = FitSpec {
            orientations,
            sizes: tries,
            max_lines,
            // Names are shortened rather than dropped; a voice is words or nothing.
            abbreviate: s.ring != Ring::Voice,
        };
        text::fit(&text, &s.sector(), &spec, self.m)
    }
}
