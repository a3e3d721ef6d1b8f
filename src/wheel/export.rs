//! The wheel as an SVG picture for slides: title, wheel, legend and source line,
//! all text as `<text>` elements. PNG goes through [`crate::export::write_image`].

use super::text::{self, Estimate, TextMeasurer};
use super::{BuildOptions, Geometry, Pattern, ViewState, build};
use crate::export::svg::{Anchor, Stroke, Svg, TextStyle};
use crate::model::{Colour, Project};
use crate::palette;
use std::f32::consts::TAU;
use std::fmt::Write;

/// What to export besides the view state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    pub width: u32,
    pub height: u32,
    /// Key of a selected segment to outline (e.g. `"o:ta-households"`).
    pub selected: Option<String>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            width: 1920,
            height: 1080,
            selected: None,
        }
    }
}

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

const DEFS: &str = r##"<defs>
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
pub fn draw_geometry(svg: &mut Svg, g: &Geometry, cx: f32, cy: f32, selected: Option<&str>) {
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
fn swatch(svg: &mut Svg, x: f64, y: f64, size: f64, fill: Colour, pat: Pattern) {
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

/// The whole picture as an SVG document.
pub fn svg(project: &Project, state: &ViewState, opts: &ExportOptions) -> String {
    render(project, state, opts, true).0
}

/// The picture without its title (the subtitle stays), for a slide that sets its title apart.
pub fn svg_untitled(project: &Project, state: &ViewState, opts: &ExportOptions) -> String {
    render(project, state, opts, false).0
}

/// The wheel's geometry as laid out in the picture (for checking labels).
pub fn geometry(project: &Project, state: &ViewState, opts: &ExportOptions) -> Geometry {
    render(project, state, opts, true).1
}

fn render(
    project: &Project,
    state: &ViewState,
    opts: &ExportOptions,
    titled: bool,
) -> (String, Geometry) {
    let m = Estimate;
    let (w, h) = (opts.width.max(200) as f32, opts.height.max(200) as f32);
    let unit = w.min(h) / 1080.0;
    let margin = 36.0 * unit;
    let title_size = 40.0 * unit;
    let sub_size = 20.0 * unit;
    let body = 18.0 * unit;
    let small = 15.0 * unit;
    let prog = &project.programme;
    let title = if prog.title.trim().is_empty() {
        "Outcomes wheel".to_string()
    } else {
        prog.title.trim().to_string()
    };
    let mut doc = Svg::new(w as f64, h as f64, &title);
    doc.raw(DEFS);

    // Title and subtitle.
    let mut y = if titled {
        margin + title_size
    } else {
        margin + title_size * 0.15 + sub_size * 0.6
    };
    for line in text::wrap(&title, w - 2.0 * margin, title_size, &m)
        .iter()
        .take(if titled { 2 } else { 0 })
    {
        doc.text(
            margin as f64,
            y as f64,
            line,
            TextStyle::new(title_size as f64, palette::INK).bold(),
        );
        y += title_size * 1.15;
    }
    let geometry_probe = build(
        project,
        state,
        &BuildOptions {
            labels: false,
            ..BuildOptions::new(100.0)
        },
        &m,
    );
    let mut sub = format!("Outcomes wheel · coloured by {}", state.colour.label());
    if !geometry_probe.breadcrumb.is_empty() {
        let _ = write!(
            sub,
            " · zoomed into {}",
            geometry_probe.breadcrumb.join(" › ")
        );
    }
    let sub = text::ellipsize(&sub, w - 2.0 * margin, sub_size, &m)
        .filter(|_| m.width(&sub, sub_size) > w - 2.0 * margin)
        .unwrap_or(sub);
    doc.text(
        margin as f64,
        (y - title_size * 0.15 + sub_size * 0.4) as f64,
        &sub,
        TextStyle::new(sub_size as f64, palette::INK_MUTED),
    );
    let top = y + sub_size * 1.2;

    // Source line.
    let org = if prog.organisation.trim().is_empty() {
        String::new()
    } else {
        format!("{}. ", prog.organisation.trim())
    };
    let source = format!(
        "Source: {org}{title} project file, vision to {}. Made with Outcome Explorer on {}.",
        prog.horizon_year,
        crate::format::date(chrono::Local::now().date_naive())
    );
    let source_line = text::ellipsize(&source, w - 2.0 * margin, small, &m)
        .filter(|_| m.width(&source, small) > w - 2.0 * margin)
        .unwrap_or(source);
    doc.text(
        margin as f64,
        (h - margin * 0.8) as f64,
        &source_line,
        TextStyle::new(small as f64, palette::INK_MUTED),
    );
    let bottom = h - margin * 0.8 - small * 1.6;

    // Legend to the right on wide pictures, below on tall or square ones.
    let legend = &geometry_probe.legend;
    let wide = w / h >= 1.3;
    let legend_w = if wide {
        (w * 0.26).max(260.0 * unit)
    } else {
        w - 2.0 * margin
    };
    let row = body * 1.6;
    // Bold text is wider than the estimate's regular weight.
    let legend_title_lines = text::wrap(&geometry_probe.legend_title, legend_w / 1.2, body, &m);
    let cols = if wide { 1 } else { 2 };
    let rows = legend.len().div_ceil(cols);
    let legend_h = legend_title_lines.len() as f32 * body * 1.3 + rows as f32 * row + body;
    let (wheel_box, legend_at) = if wide {
        let lx = w - margin - legend_w;
        (
            (margin, top, lx - margin, bottom),
            (lx, top + ((bottom - top) - legend_h).max(0.0) / 2.0),
        )
    } else {
        let ly = bottom - legend_h;
        ((margin, top, w - margin, ly - body), (margin, ly))
    };
    let (x0, y0, x1, y1) = wheel_box;
    let radius = ((x1 - x0).min(y1 - y0) / 2.0).max(40.0);
    let (mut cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let mut legend_at = legend_at;
    if wide {
        // Keep wheel and legend together, centred as a pair.
        let gap = margin * 1.5;
        let pair = 2.0 * radius + gap + legend_w;
        let left = margin + ((w - 2.0 * margin) - pair).max(0.0) / 2.0;
        cx = left + radius;
        legend_at.0 = left + 2.0 * radius + gap;
    }
    let g = build(
        project,
        state,
        &BuildOptions {
            markers: false,
            ..BuildOptions::new(radius)
        },
        &m,
    );
    draw_geometry(&mut doc, &g, cx, cy, opts.selected.as_deref());

    // Legend.
    let (lx, mut ly) = legend_at;
    for l in &legend_title_lines {
        ly += body;
        doc.text(
            lx as f64,
            ly as f64,
            l,
            TextStyle::new(body as f64, palette::INK).bold(),
        );
        ly += body * 0.3;
    }
    ly += body * 0.5;
    let col_w = legend_w / cols as f32;
    for (i, e) in legend.iter().enumerate() {
        let (c, r) = (i / rows, i % rows);
        let x = lx + c as f32 * col_w;
        let yy = ly + r as f32 * row;
        swatch(
            &mut doc,
            x as f64,
            yy as f64,
            (body * 1.1) as f64,
            e.colour,
            e.pattern,
        );
        let label = e.label.clone();
        let avail = (col_w - body * 1.8).min(w - margin - (x + body * 1.6));
        let label = if m.width(&label, body) > avail {
            text::ellipsize(&label, avail, body, &m).unwrap_or(label)
        } else {
            label
        };
        doc.text(
            (x + body * 1.6) as f64,
            (yy + body * 0.9) as f64,
            &label,
            TextStyle::new(body as f64, palette::INK),
        );
    }
    (doc.finish(), g)
}

/// Write the wheel to `path` as SVG or PNG (by extension).
pub fn write(
    project: &Project,
    state: &ViewState,
    opts: &ExportOptions,
    path: &std::path::Path,
) -> Result<(), String> {
    let format = crate::export::ImageFormat::from_path(path)
        .ok_or_else(|| format!("{} should end in .svg or .png", path.display()))?;
    let doc = svg(project, state, opts);
    crate::export::write_image(
        &doc,
        format,
        opts.width.max(200),
        opts.height.max(200),
        path,
    )
}
