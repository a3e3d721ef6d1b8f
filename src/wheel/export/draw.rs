//! Drawing a laid-out wheel into an SVG: sectors, patterns, selection and labels.

use super::super::text;
use super::super::{Geometry, Pattern, SegmentKey};
use crate::export::svg::{Anchor, Stroke, Svg, TextStyle};
use crate::model::Colour;
use crate::palette;
use std::f32::consts::TAU;
use std::fmt::Write;

fn p(v: f32) -> String {
    format!("{:.2}", v)
}

/// SVG path data for an annular sector centred on (cx, cy).
pub fn sector_path(cx: f32, cy: f32, start: f32, end: f32, r0: f32, r1: f32) -> String {
    let pt = |r: f32, t: f32| (cx + r * t.sin(), cy - r * t.cos());
    let span = end - start;
    let mut d = String::new();
    if span >= TAU - 1e-3 {
        // A whole ring: two half-circle arcs each way, inner drawn the other way round.
        let (a, b) = (pt(r1, 0.0), pt(r1, TAU / 2.0));
        let _ = write!(
            d,
            "M{} {} A{} {} 0 1 1 {} {} A{} {} 0 1 1 {} {} Z",
            p(a.0),
            p(a.1),
            p(r1),
            p(r1),
            p(b.0),
            p(b.1),
            p(r1),
            p(r1),
            p(a.0),
            p(a.1)
        );
        if r0 > 0.0 {
            let (a, b) = (pt(r0, 0.0), pt(r0, TAU / 2.0));
            let _ = write!(
                d,
                " M{} {} A{} {} 0 1 0 {} {} A{} {} 0 1 0 {} {} Z",
                p(a.0),
                p(a.1),
                p(r0),
                p(r0),
                p(b.0),
                p(b.1),
                p(r0),
                p(r0),
                p(a.0),
                p(a.1)
            );
        }
        return d;
    }
    let large = if span > TAU / 2.0 { 1 } else { 0 };
    let (a, b, c, e) = (pt(r1, start), pt(r1, end), pt(r0, end), pt(r0, start));
    let _ = write!(
        d,
        "M{} {} A{} {} 0 {large} 1 {} {} L{} {} A{} {} 0 {large} 0 {} {} Z",
        p(a.0),
        p(a.1),
        p(r1),
        p(r1),
        p(b.0),
        p(b.1),
        p(c.0),
        p(c.1),
        p(r0),
        p(r0),
        p(e.0),
        p(e.1)
    );
    d
}

pub(super) const DEFS: &str = r##"<defs>
<pattern id="hatch" patternUnits="userSpaceOnUse" width="9" height="9" patternTransform="rotate(45)"><rect width="3" height="9" fill="#ffffff" fill-opacity="0.55"/></pattern>
<pattern id="hatch-dark" patternUnits="userSpaceOnUse" width="9" height="9" patternTransform="rotate(45)"><rect width="3.5" height="9" fill="#000000" fill-opacity="0.3"/></pattern>
<pattern id="dots" patternUnits="userSpaceOnUse" width="10" height="10"><circle cx="5" cy="5" r="1.4" fill="#1f2328" fill-opacity="0.3"/></pattern>
</defs>"##;

fn pattern_fill(pat: Pattern) -> Option<&'static str> {
    match pat {
        Pattern::Solid => None,
        Pattern::Hatch => Some("url(#hatch)"),
        Pattern::Dots => Some("url(#dots)"),
    }
}

/// Draw a label's lines at the wheel centre (cx, cy).
fn label_text(svg: &mut Svg, cx: f32, cy: f32, l: &text::Label, colour: Colour, bold: bool) {
    let deg = l.angle.to_degrees() as f64;
    let (s, c) = l.angle.sin_cos();
    for (pt, line) in l.line_centres().iter().zip(&l.lines) {
        // Baseline a third of the size below the line's centre, in the text's frame.
        let off = l.size * 0.35;
        let x = cx + pt[0] - s * off;
        let y = cy + pt[1] + c * off;
        let mut style = TextStyle::new(l.size as f64, colour)
            .anchor(Anchor::Middle)
            .rotate(if deg.abs() < 0.01 { 0.0 } else { deg });
        if bold {
            style = style.bold();
        }
        svg.text(x as f64, y as f64, line, style);
    }
}

/// Draw a wheel geometry centred on (cx, cy).
pub fn draw_geometry(svg: &mut Svg, g: &Geometry, cx: f32, cy: f32, selected: Option<&SegmentKey>) {
    let white = Stroke::solid(palette::PAPER, 1.2);
    for s in &g.segments {
        let d = sector_path(cx, cy, s.start, s.end, s.r0, s.r1);
        svg.path(&d, Some(s.fill), Some(&white), "");
        if let Some(f) = pattern_fill(s.pattern) {
            // Dark stripes under white text, light stripes under dark text.
            let f = if s.pattern == Pattern::Hatch && s.text_colour.luminance() > 0.5 {
                "url(#hatch-dark)"
            } else {
                f
            };
            svg.path(&d, None, None, &format!(" style=\"fill:{f}\""));
        }
    }
    if let Some(key) = selected
        && let Some(i) = g.find_key(key)
    {
        let mut at = Some(i);
        while let Some(k) = at {
            let s = &g.segments[k];
            let d = sector_path(cx, cy, s.start, s.end, s.r0, s.r1);
            svg.path(&d, None, Some(&Stroke::solid(palette::INK, 3.0)), "");
            at = s.parent;
        }
    }
    for s in &g.segments {
        if let Some(l) = &s.label {
            label_text(svg, cx, cy, l, s.text_colour, false);
        }
    }
    svg.circle(
        cx as f64,
        cy as f64,
        g.radii[1] as f64,
        Some(g.centre_fill),
        Some(&Stroke::solid(palette::GRID, 1.5)),
    );
    if let Some(l) = &g.centre_label {
        label_text(svg, cx, cy, l, palette::INK, false);
    }
}

/// Draw one legend swatch (with its pattern) at (x, y).
pub(super) fn swatch(svg: &mut Svg, x: f64, y: f64, size: f64, fill: Colour, pat: Pattern) {
    svg.rect(
        x,
        y,
        size,
        size,
        Some(fill),
        Some(&Stroke::solid(palette::INK_MUTED, 0.8)),
    );
    // A key has no text to keep readable: stripes that stand out from the fill.
    let f = match pat {
        Pattern::Hatch if fill.luminance() > 0.5 => Some("url(#hatch-dark)"),
        _ => pattern_fill(pat),
    };
    if let Some(f) = f {
        svg.raw(&format!(
            "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{size:.2}\" height=\"{size:.2}\" style=\"fill:{f}\"/>"
        ));
    }
}
