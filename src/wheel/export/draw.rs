//! Drawing a laid-out wheel into an SVG: sectors, patterns, selection and labels.

use super::super::colouring::stripe_colour;
use super::super::text;
use super::super::{Geometry, Pattern, SegmentKey};
use crate::export::svg::{Anchor, Stroke, Svg, TextStyle};
use crate::export::text_metrics::{self, Weight};
use crate::model::Colour;
use crate::palette;
use std::f32::consts::TAU;
use std::fmt::Write;

/// A coordinate to two decimals, formatted where it is written.
struct P(f32);

impl std::fmt::Display for P {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Hundredths as an integer: float formatting to a precision is slow.
        let c = (self.0 as f64 * 100.0).round();
        if !c.is_finite() || c.abs() > 1e15 {
            return write!(f, "{:.2}", self.0);
        }
        let c = c as i64;
        let sign = if c < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{:02}", c.abs() / 100, c.abs() % 100)
    }
}

fn p(v: f32) -> P {
    P(v)
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

/// The id of the pattern drawn over `fill` (None for a plain fill); `prefix` keeps the
/// wheel's and the legend's definitions apart.
pub(super) fn pattern_id(prefix: &str, pat: Pattern, fill: Colour) -> Option<String> {
    let name = match pat {
        Pattern::Solid => return None,
        Pattern::Hatch => "hatch",
        Pattern::Dots => "dots",
    };
    Some(format!("{prefix}{name}-{}", &fill.hex()[1..]))
}

/// One `<defs>` with the patterns of the given fills, each once: stripes or dots in
/// [`stripe_colour`], which stands 3:1 apart from the fill.
pub(super) fn pattern_defs(
    svg: &mut Svg,
    prefix: &str,
    fills: impl IntoIterator<Item = (Pattern, Colour)>,
) {
    let mut seen = Vec::new();
    let mut defs = String::new();
    for (pat, fill) in fills {
        let Some(id) = pattern_id(prefix, pat, fill).filter(|id| !seen.contains(id)) else {
            continue;
        };
        let ink = stripe_colour(fill);
        let _ = match pat {
            Pattern::Hatch => write!(
                defs,
                "<pattern id=\"{id}\" patternUnits=\"userSpaceOnUse\" width=\"9\" height=\"9\" patternTransform=\"rotate(45)\"><rect width=\"2.5\" height=\"9\" fill=\"{ink}\"/></pattern>"
            ),
            _ => write!(
                defs,
                "<pattern id=\"{id}\" patternUnits=\"userSpaceOnUse\" width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"1.5\" fill=\"{ink}\"/></pattern>"
            ),
        };
        seen.push(id);
    }
    if !defs.is_empty() {
        svg.raw(&format!("<defs>{defs}</defs>"));
    }
}

/// A plate of the plain `fill` under each of a label's lines (drawn at the wheel centre
/// (cx, cy)), so that no pattern runs under the text: its contrast is the fill's.
fn plates(svg: &mut Svg, cx: f32, cy: f32, l: &text::Label, fill: Colour) {
    let (s, c) = l.angle.sin_cos();
    for (pt, line) in l.line_centres().iter().zip(&l.lines) {
        let hw = text_metrics::width(line, l.size, Weight::Regular) / 2.0 + l.size * 0.15;
        let hh = l.line_height / 2.0;
        let corner = |a: f32, b: f32| {
            (
                (cx + pt[0] + c * a - s * b) as f64,
                (cy + pt[1] + s * a + c * b) as f64,
            )
        };
        let pts = [
            corner(-hw, -hh),
            corner(hw, -hh),
            corner(hw, hh),
            corner(-hw, hh),
        ];
        svg.polygon(&pts, Some(fill), 1.0, None);
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
    pattern_defs(svg, "w-", g.segments.iter().map(|s| (s.pattern, s.fill)));
    for s in &g.segments {
        let d = sector_path(cx, cy, s.start, s.end, s.r0, s.r1);
        svg.path(&d, Some(s.fill), Some(&white), "");
        if let Some(id) = pattern_id("w-", s.pattern, s.fill) {
            svg.path(&d, None, None, &format!(" style=\"fill:url(#{id})\""));
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
            if s.pattern != Pattern::Solid {
                plates(svg, cx, cy, l, s.fill);
            }
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

/// Draw one legend swatch (with its pattern, defined by [`pattern_defs`] with the prefix
/// `"k-"`) at (x, y).
pub(super) fn swatch(svg: &mut Svg, x: f64, y: f64, size: f64, fill: Colour, pat: Pattern) {
    svg.rect(
        x,
        y,
        size,
        size,
        Some(fill),
        Some(&Stroke::solid(palette::INK_MUTED, 0.8)),
    );
    if let Some(id) = pattern_id("k-", pat, fill) {
        svg.raw(&format!(
            "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{size:.2}\" height=\"{size:.2}\" style=\"fill:url(#{id})\"/>"
        ));
    }
}
