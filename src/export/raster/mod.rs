//! The direct raster: an export's SVG drawn to pixels with its plain text drawn straight
//! from the glyphs instead of through resvg's text layout.
//!
//! The SVG stays the one description of the picture. Its top-level `<text>` lines that
//! one bundled font draws left to right ([`glyphs::ShapedLine`]) are drawn here; every
//! other element, in runs between those texts, is drawn by resvg, so the order of
//! painting is the document's. resvg takes about 9 ms to lay out and 18 ms to fill the
//! 33 lines of text of a 1920×1080 chart; this takes about 1 ms. Tests compare the two
//! renderings of the same SVG pixel by pixel.

pub mod glyphs;
pub mod text_line;

use glyphs::ShapedLine;
use resvg::{tiny_skia, usvg};
use text_line::TextLine;

/// A stretch of the document drawn one way.
enum Layer<'a> {
    /// Elements for resvg, in order.
    Shapes(Vec<&'a str>),
    /// Lines of text drawn here.
    Text(Vec<ShapedLine>),
}

/// The document split into layers, with its root tag and definitions.
struct Plan<'a> {
    root: &'a str,
    defs: Vec<&'a str>,
    layers: Vec<Layer<'a>>,
    size: (f32, f32),
}

/// How far a line opens (positive) or closes (negative) nested groups and documents.
fn nesting(line: &str) -> i32 {
    let count = |pat: &str| line.matches(pat).count() as i32;
    count("<g ") + count("<g>") + count("<svg") - count("</g>") - count("</svg>")
}

fn plan(svg: &str) -> Option<Plan<'_>> {
    let lines: Vec<&str> = svg.lines().collect();
    let root_at = lines.iter().position(|l| l.starts_with("<svg "))?;
    let end_at = lines.iter().rposition(|l| l.trim_end() == "</svg>")?;
    if end_at <= root_at {
        return None;
    }
    let root = lines[root_at];
    let attrs = text_line::attributes(root.strip_prefix("<svg ")?.strip_suffix('>')?)?;
    let number = |name: &str| -> Option<f32> {
        let (_, v) = attrs.iter().find(|(n, _)| *n == name)?;
        v.parse().ok().filter(|v: &f32| v.is_finite() && *v > 0.0)
    };
    let size = (number("width")?, number("height")?);

    let mut defs = Vec::new();
    let mut layers: Vec<Layer> = Vec::new();
    let mut depth = 0;
    for &line in &lines[root_at + 1..end_at] {
        let top = depth == 0;
        depth += nesting(line);
        if depth < 0 {
            return None;
        }
        if top && line.starts_with("<title>") {
            continue;
        }
        if top && line.starts_with("<defs>") {
            defs.push(line);
            continue;
        }
        let shaped = if top && line.starts_with("<text ") {
            TextLine::parse(line).and_then(ShapedLine::new)
        } else {
            None
        };
        match (shaped, layers.last_mut()) {
            (Some(t), Some(Layer::Text(run))) => run.push(t),
            (Some(t), _) => layers.push(Layer::Text(vec![t])),
            (None, Some(Layer::Shapes(run))) => run.push(line),
            (None, _) => layers.push(Layer::Shapes(vec![line])),
        }
    }
    (depth == 0).then_some(Plan {
        root,
        defs,
        layers,
        size,
    })
}

/// Draw a whole document with resvg, scaled to fill `pixmap`.
fn resvg_draw(doc: &str, pixmap: &mut tiny_skia::Pixmap) -> Result<(), String> {
    let tree = usvg::Tree::from_str(doc, &crate::export::fonts::svg_options())
        .map_err(|e| format!("the picture could not be drawn: {e}"))?;
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        pixmap.width() as f32 / size.width(),
        pixmap.height() as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(())
}

/// The colour of `line` when it is an opaque rectangle covering the whole `size` (the
/// paper every export starts with).
fn paper(line: &str, size: (f32, f32)) -> Option<tiny_skia::Color> {
    let attrs = text_line::attributes(line.strip_prefix("<rect ")?.strip_suffix("/>")?)?;
    let mut fill = None;
    for (name, value) in attrs {
        let v = || value.parse::<f32>().ok();
        match name {
            "x" | "y" if v() == Some(0.0) => {}
            "width" if v() == Some(size.0) => {}
            "height" if v() == Some(size.1) => {}
            "fill" => fill = text_line::hex_rgb(value),
            _ => return None,
        }
    }
    let [r, g, b] = fill?;
    Some(tiny_skia::Color::from_rgba8(r, g, b, 255))
}

/// Draw the SVG document `svg` scaled to fill `pixmap`, over whatever it held, its plain
/// text drawn directly.
pub fn draw(svg: &str, pixmap: &mut tiny_skia::Pixmap) -> Result<(), String> {
    let Some(plan) = plan(svg).filter(|p| p.layers.iter().any(|l| matches!(l, Layer::Text(_))))
    else {
        pixmap.fill(tiny_skia::Color::TRANSPARENT);
        return resvg_draw(svg, pixmap);
    };
    let kx = pixmap.width() as f32 / plan.size.0;
    let ky = pixmap.height() as f32 / plan.size.1;
    // The paper is a fill of the whole pixmap, not a path to rasterise.
    let paper = match plan.layers.first() {
        Some(Layer::Shapes(lines)) => lines.first().and_then(|l| paper(l, plan.size)),
        _ => None,
    };
    pixmap.fill(paper.unwrap_or(tiny_skia::Color::TRANSPARENT));
    let mut doc = String::new();
    for (i, layer) in plan.layers.iter().enumerate() {
        match layer {
            Layer::Shapes(lines) => {
                let skip = usize::from(i == 0 && paper.is_some());
                if lines.len() <= skip {
                    continue;
                }
                doc.clear();
                doc.push_str(plan.root);
                doc.push('\n');
                for l in plan.defs.iter().chain(&lines[skip..]) {
                    doc.push_str(l);
                    doc.push('\n');
                }
                doc.push_str("</svg>\n");
                resvg_draw(&doc, pixmap)?;
            }
            Layer::Text(lines) => {
                for line in lines {
                    line.draw(pixmap, kx, ky);
                }
            }
        }
    }
    Ok(())
}

/// Draw `svg` with resvg alone (its text laid out by resvg) over a clear `pixmap`: the
/// reference the direct raster is tested against.
pub fn draw_reference(svg: &str, pixmap: &mut tiny_skia::Pixmap) -> Result<(), String> {
    pixmap.fill(tiny_skia::Color::TRANSPARENT);
    resvg_draw(svg, pixmap)
}

/// How many of `svg`'s lines of text [`draw`] draws itself (the rest are resvg's).
pub fn direct_text_lines(svg: &str) -> usize {
    plan(svg).map_or(0, |p| {
        p.layers
            .iter()
            .map(|l| match l {
                Layer::Text(lines) => lines.len(),
                Layer::Shapes(_) => 0,
            })
            .sum()
    })
}
