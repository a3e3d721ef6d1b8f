//! Painting the cached wheel: fills, patterns, separators, highlights and labels.

use super::cache::Cache;
use super::*;
use crate::wheel::colouring::stripe_colour;

/// What to outline on top of the fills.
pub(super) struct Highlights<'a> {
    /// Segments matching the search.
    pub matches: &'a [usize],
    /// The selected outcome's segment.
    pub selected: Option<usize>,
    /// The segment under the pointer.
    pub hovered: Option<usize>,
    /// The keyboard cursor's segment, while it is shown.
    pub cursor: Option<usize>,
}

/// Paint the wheel centred on `c`.
pub(super) fn wheel(ui: &Ui, painter: &egui::Painter, cache: &Cache, c: Pos2, h: &Highlights) {
    let g = &cache.geometry;
    let bg = ui.visuals().panel_fill;
    painter.add(Shape::Mesh(cache.mesh.clone()));
    painter.extend(cache.patterns.iter().cloned());
    let sep = Stroke::new(1.5, bg);
    for s in &g.segments {
        if s.end - s.start < std::f32::consts::TAU - 1e-3 {
            let (sin, cos) = s.start.sin_cos();
            painter.line_segment(
                [
                    pos2(c.x + s.r0 * sin, c.y - s.r0 * cos),
                    pos2(c.x + s.r1 * sin, c.y - s.r1 * cos),
                ],
                sep,
            );
        }
    }
    for ring in Ring::SEGMENTED {
        if !g.ring(ring).is_empty() {
            painter.circle_stroke(c, g.radii[ring.index() + 1], sep);
        }
    }
    painter.circle_filled(c, g.radii[1], bg);
    painter.circle_stroke(c, g.radii[1], Stroke::new(1.5, color(palette::GRID)));

    let ink = if ui.visuals().dark_mode {
        Color32::WHITE
    } else {
        color(palette::INK)
    };
    for &i in h.matches {
        painter.add(outline(&g.segments[i], c, Stroke::new(3.0, ink)));
    }
    // Selection and hover: the segment and its path to the centre.
    let path = |from: Option<usize>, stroke: Stroke| {
        let mut at = from;
        while let Some(k) = at {
            painter.add(outline(&g.segments[k], c, stroke));
            at = g.segments[k].parent;
        }
    };
    path(h.selected, Stroke::new(3.0, ink));
    path(h.hovered, Stroke::new(2.0, ink.gamma_multiply(0.8)));
    if let Some(i) = h.cursor {
        painter.add(outline(
            &g.segments[i],
            c,
            Stroke::new(3.0, ui.visuals().selection.stroke.color),
        ));
    }

    for (s, gal) in g.segments.iter().zip(&cache.galleys) {
        if let Some(l) = &s.label {
            paint_label(painter, c, l, gal, color(s.text_colour));
        }
    }
    if let Some(l) = &g.centre_label {
        paint_label(
            painter,
            c,
            l,
            &cache.centre_galleys,
            ui.visuals().text_color(),
        );
    }
}

/// Paint a frame of the zoom animation: fills only, no labels.
pub(super) fn animation_frame(ui: &Ui, painter: &egui::Painter, g: &Geometry, c: Pos2) {
    let bg = ui.visuals().panel_fill;
    painter.add(Shape::Mesh(Arc::new(fill_mesh(g, c))));
    for r in &g.radii[1..] {
        painter.circle_stroke(c, *r, Stroke::new(1.5, bg));
    }
    painter.circle_filled(c, g.radii[1], bg);
}

pub(super) fn to_pos(c: Pos2, p: [f32; 2]) -> Pos2 {
    pos2(c.x + p[0], c.y + p[1])
}

pub(super) fn fill_mesh(g: &Geometry, c: Pos2) -> Mesh {
    let mut mesh = Mesh::default();
    for s in &g.segments {
        let span = s.end - s.start;
        let n = ((span / 0.025).ceil() as usize).max(1);
        let col = color(s.fill);
        let base = mesh.vertices.len() as u32;
        for i in 0..=n {
            let t = s.start + span * i as f32 / n as f32;
            let (sin, cos) = t.sin_cos();
            mesh.colored_vertex(pos2(c.x + s.r1 * sin, c.y - s.r1 * cos), col);
            mesh.colored_vertex(pos2(c.x + s.r0 * sin, c.y - s.r0 * cos), col);
        }
        for i in 0..n as u32 {
            let k = base + 2 * i;
            mesh.add_triangle(k, k + 1, k + 2);
            mesh.add_triangle(k + 1, k + 3, k + 2);
        }
    }
    mesh
}

/// Pattern lines and dots over a segment, so that status is not colour alone.
pub(super) fn pattern_shapes(s: &Segment, c: Pos2, out: &mut Vec<Shape>) {
    let rm = (s.r0 + s.r1) / 2.0;
    match s.pattern {
        Pattern::Solid => {}
        Pattern::Hatch => {
            // Slanted lines from the inner to the outer edge, every ~9 px along the middle.
            let stroke = Stroke::new(2.0, color(stripe_colour(s.fill)));
            let step = 9.0 / rm;
            let slant = (s.r1 - s.r0) * 0.6 / rm;
            let mut t = s.start - slant;
            while t < s.end {
                let clip = |u: f32| (t + slant * u).clamp(s.start, s.end);
                let (a, b) = (clip(0.0), clip(1.0));
                if b > a {
                    // Radii at which the line enters and leaves the segment's angles.
                    let ra = s.r0 + (s.r1 - s.r0) * ((a - t) / slant).clamp(0.0, 1.0);
                    let rb = s.r0 + (s.r1 - s.r0) * ((b - t) / slant).clamp(0.0, 1.0);
                    out.push(Shape::line_segment(
                        [
                            to_pos(c, [ra * a.sin(), -ra * a.cos()]),
                            to_pos(c, [rb * b.sin(), -rb * b.cos()]),
                        ],
                        stroke,
                    ));
                }
                t += step;
            }
        }
        Pattern::Dots => {
            let col = color(stripe_colour(s.fill));
            let mut r = s.r0 + 5.0;
            let mut row = 0;
            while r < s.r1 - 3.0 {
                let step = 9.0 / r;
                let mut t = s.start + step * (0.5 + 0.5 * (row % 2) as f32);
                while t < s.end - step * 0.3 {
                    out.push(Shape::circle_filled(
                        to_pos(c, [r * t.sin(), -r * t.cos()]),
                        1.4,
                        col,
                    ));
                    t += step;
                }
                r += 8.0;
                row += 1;
            }
        }
    }
}

pub(super) fn outline(s: &Segment, c: Pos2, stroke: Stroke) -> Shape {
    let pts: Vec<Pos2> = s.outline(0.03).into_iter().map(|p| to_pos(c, p)).collect();
    Shape::closed_line(pts, stroke)
}

/// Plates of the segment's plain fill under a label's lines, so that a pattern never runs
/// under the text (its contrast is then the fill's).
pub(super) fn plates(
    l: &wheel::Label,
    galleys: &[Arc<Galley>],
    fill: Color32,
    c: Pos2,
) -> Vec<Shape> {
    let (sin, cos) = l.angle.sin_cos();
    let u = vec2(cos, sin);
    let v = vec2(-sin, cos);
    l.line_centres()
        .iter()
        .zip(galleys)
        .map(|(p, g)| {
            let (hw, hh) = (g.size().x / 2.0 + 2.0, g.size().y / 2.0);
            let m = to_pos(c, *p);
            let corners = [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]
                .map(|(a, b)| m + u * a + v * b)
                .to_vec();
            Shape::convex_polygon(corners, fill, Stroke::NONE)
        })
        .collect()
}

/// Paint a label's cached galleys.
pub(super) fn paint_label(
    painter: &egui::Painter,
    c: Pos2,
    l: &wheel::Label,
    galleys: &[Arc<Galley>],
    col: Color32,
) {
    let (sin, cos) = l.angle.sin_cos();
    let u = vec2(cos, sin);
    let v = vec2(-sin, cos);
    for (p, g) in l.line_centres().iter().zip(galleys) {
        let size = g.size();
        let tl = to_pos(c, *p) - u * (size.x / 2.0) - v * (size.y / 2.0);
        painter.add(egui::epaint::TextShape::new(tl, g.clone(), col).with_angle(l.angle));
    }
}
