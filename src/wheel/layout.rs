//! Laying the wheel out for a size and a zoom: segments placed from a [`Plan`], labels fitted.

use super::text::{self, FitSpec, Orientation, TextMeasurer};
use super::view::{Grouping, ViewState, breadcrumb};
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
    let has_voices = plan.nodes.iter().any(|n| n.ring == Ring::Voice);
    let fr: [f32; 6] = if has_voices {
        [0.0, 0.21, 0.35, 0.47, 0.71, 1.0]
    } else {
        [0.0, 0.25, 0.40, 0.54, 1.0, 1.0]
    };
    let radii = fr.map(|f| f * r);
    let (mut segments, rings) = place(plan, window, &radii);
    let ts = opts.text_scale * (r / 420.0).clamp(0.85, 1.5);
    if opts.labels {
        let zoomed = focus.is_some() && opts.window.is_none();
        fit_labels(&mut segments, ts, zoomed, opts.markers, m);
    }

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
    Geometry {
        radius: r,
        radii,
        segments,
        rings,
        centre_text,
        centre_label,
        centre_fill: Colour::rgb(0xff, 0xff, 0xff),
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

/// Fit every segment's label, at sizes scaled by `ts`; bigger when `zoomed`.
fn fit_labels(
    segments: &mut [Segment],
    ts: f32,
    zoomed: bool,
    markers: bool,
    m: &dyn TextMeasurer,
) {
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
        let text = if !markers || s.marker.is_empty() || s.ring != Ring::Outcome {
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
