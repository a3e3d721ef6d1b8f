//! Text drawn straight into pixels: shaped with rustybuzz as resvg shapes it, each glyph's
//! outline (read once per thread) rasterised by exact area coverage (ab_glyph_rasterizer)
//! and blended source-over, as resvg blends.
//!
//! Only text that one bundled font draws left to right, one glyph per character cluster,
//! is drawn here ([`ShapedLine::new`] says which); resvg draws the rest, so the two agree
//! on every glyph's place.

use super::text_line::TextLine;
use crate::export::svg::Anchor;
use crate::export::text_metrics::{self, Weight};
use ab_glyph_rasterizer::{Point, Rasterizer, point};
use resvg::tiny_skia;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;

/// A glyph placed on its line: its id, and its pen position and vertical offset in font
/// units.
#[derive(Debug, Clone, Copy)]
struct Placed {
    id: u16,
    x: f32,
    dy: f32,
}

/// A line of text shaped and ready to draw.
#[derive(Debug, Clone)]
pub struct ShapedLine {
    line: TextLine,
    glyphs: Vec<Placed>,
    /// Font units to user units.
    scale: f32,
    /// The whole line's advance in user units (for the anchor).
    width: f32,
}

/// Characters whose text runs right to left or steers the bidirectional order: resvg
/// reorders such text, so it is left to resvg.
fn bidi(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08ff
        | 0xfb1d..=0xfeff
        | 0x200e..=0x200f
        | 0x202a..=0x202e
        | 0x2066..=0x2069
        | 0x10800..=0x10fff
        | 0x1e800..=0x1efff)
}

impl ShapedLine {
    /// `line` shaped as resvg would, when it is text this module draws exactly as resvg
    /// does; `None` otherwise.
    pub fn new(line: TextLine) -> Option<ShapedLine> {
        // SVG collapses and trims white space before it lays text out: such text is left
        // to resvg rather than laid out again here.
        let t = &line.text;
        let spaced = t.starts_with(' ') || t.ends_with(' ') || t.contains("  ");
        if spaced
            || t.chars().any(|c| bidi(c) || c.is_control())
            || !text_metrics::main_font_draws(t, line.weight)
        {
            return None;
        }
        let face = text_metrics::main_face(line.weight);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&line.text);
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        let shaped = rustybuzz::shape(face, &[], buffer);
        let mut glyphs = Vec::with_capacity(shaped.len());
        let mut pen = 0.0;
        let mut last_cluster = None;
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            // resvg advances a cluster by its widest glyph: only one-glyph clusters here.
            if info.glyph_id == 0 || last_cluster.is_some_and(|c| c >= info.cluster) {
                return None;
            }
            last_cluster = Some(info.cluster);
            glyphs.push(Placed {
                id: u16::try_from(info.glyph_id).ok()?,
                x: pen + pos.x_offset as f32,
                dy: pos.y_offset as f32,
            });
            pen += pos.x_advance as f32;
        }
        let scale = line.size / face.units_per_em() as f32;
        Some(ShapedLine {
            glyphs,
            scale,
            width: pen * scale,
            line,
        })
    }

    /// Draw the line into `pixmap`, whose pixels are `kx`×`ky` user units' worth.
    pub fn draw(&self, pixmap: &mut tiny_skia::Pixmap, kx: f32, ky: f32) {
        let l = &self.line;
        let shift = match l.anchor {
            Anchor::Start => 0.0,
            Anchor::Middle => -self.width / 2.0,
            Anchor::End => -self.width,
        };
        let (sin, cos) = l.rotate.to_radians().sin_cos();
        let s = self.scale;
        for g in &self.glyphs {
            let Some(outline) = outline(l.weight, g.id) else {
                continue;
            };
            let to_pixel = |u: f32, v: f32| {
                let lx = shift + s * (g.x + u);
                let ly = -s * (v + g.dy);
                point(
                    kx * (l.x + cos * lx - sin * ly),
                    ky * (l.y + sin * lx + cos * ly),
                )
            };
            fill_glyph(pixmap, &outline, to_pixel, l.rgb);
        }
    }
}

/// A glyph's outline in font units.
#[derive(Debug, Default)]
struct Outline {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy)]
enum Segment {
    Line([f32; 4]),
    Quad([f32; 6]),
    Cubic([f32; 8]),
}

#[derive(Default)]
struct Collect {
    segments: Vec<Segment>,
    start: (f32, f32),
    at: (f32, f32),
}

impl ttf_parser::OutlineBuilder for Collect {
    fn move_to(&mut self, x: f32, y: f32) {
        self.start = (x, y);
        self.at = (x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.segments
            .push(Segment::Line([self.at.0, self.at.1, x, y]));
        self.at = (x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.segments
            .push(Segment::Quad([self.at.0, self.at.1, x1, y1, x, y]));
        self.at = (x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.segments
            .push(Segment::Cubic([self.at.0, self.at.1, x1, y1, x2, y2, x, y]));
        self.at = (x, y);
    }
    fn close(&mut self) {
        if self.at != self.start {
            self.line_to(self.start.0, self.start.1);
        }
    }
}

use rustybuzz::ttf_parser;

/// Outlines read so far, by weight and glyph (`None`: the glyph has no outline).
type Outlines = FxHashMap<(Weight, u16), Option<Rc<Outline>>>;

thread_local! {
    /// Outlines read so far on this thread.
    static OUTLINES: RefCell<Outlines> =
        RefCell::new(FxHashMap::default());
    /// The coverage buffer glyphs are rasterised into.
    static COVERAGE: RefCell<Rasterizer> = RefCell::new(Rasterizer::new(0, 0));
}

fn outline(weight: Weight, id: u16) -> Option<Rc<Outline>> {
    OUTLINES.with_borrow_mut(|cache| {
        cache
            .entry((weight, id))
            .or_insert_with(|| {
                let mut c = Collect::default();
                text_metrics::main_face(weight).outline_glyph(ttf_parser::GlyphId(id), &mut c)?;
                Some(Rc::new(Outline {
                    segments: c.segments,
                }))
            })
            .clone()
    })
}

/// Rasterise `outline` mapped by `to_pixel` and blend it in `rgb` over `pixmap`.
fn fill_glyph(
    pixmap: &mut tiny_skia::Pixmap,
    outline: &Outline,
    to_pixel: impl Fn(f32, f32) -> Point,
    rgb: [u8; 3],
) {
    let mut segments: Vec<Segment> = Vec::with_capacity(outline.segments.len());
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    let mut map = |u: f32, v: f32| {
        let p = to_pixel(u, v);
        x0 = x0.min(p.x);
        y0 = y0.min(p.y);
        x1 = x1.max(p.x);
        y1 = y1.max(p.y);
        p
    };
    for seg in &outline.segments {
        segments.push(match *seg {
            Segment::Line([a, b, c, d]) => {
                let (p, q) = (map(a, b), map(c, d));
                Segment::Line([p.x, p.y, q.x, q.y])
            }
            Segment::Quad([a, b, c, d, e, f]) => {
                let (p, q, r) = (map(a, b), map(c, d), map(e, f));
                Segment::Quad([p.x, p.y, q.x, q.y, r.x, r.y])
            }
            Segment::Cubic([a, b, c, d, e, f, g, h]) => {
                let (p, q, r, t) = (map(a, b), map(c, d), map(e, f), map(g, h));
                Segment::Cubic([p.x, p.y, q.x, q.y, r.x, r.y, t.x, t.y])
            }
        });
    }
    if segments.is_empty() || !(x0.is_finite() && y0.is_finite()) {
        return;
    }
    let (pw, ph) = (pixmap.width() as i64, pixmap.height() as i64);
    let (left, top) = (x0.floor() as i64, y0.floor() as i64);
    let (right, bottom) = (x1.ceil() as i64 + 1, y1.ceil() as i64 + 1);
    if right <= 0
        || bottom <= 0
        || left >= pw
        || top >= ph
        || right - left > 4096
        || bottom - top > 4096
    {
        return;
    }
    let (w, h) = ((right - left) as usize, (bottom - top) as usize);
    let (ox, oy) = (left as f32, top as f32);
    let at = |x: f32, y: f32| point(x - ox, y - oy);
    COVERAGE.with_borrow_mut(|r| {
        r.reset(w, h);
        for seg in &segments {
            match *seg {
                Segment::Line([a, b, c, d]) => r.draw_line(at(a, b), at(c, d)),
                Segment::Quad([a, b, c, d, e, f]) => r.draw_quad(at(a, b), at(c, d), at(e, f)),
                Segment::Cubic([a, b, c, d, e, f, g, h]) => {
                    r.draw_cubic(at(a, b), at(c, d), at(e, f), at(g, h))
                }
            }
        }
        let stride = pw as usize;
        let data = pixmap.data_mut();
        r.for_each_pixel(|i, coverage| {
            let (x, y) = (left + (i % w) as i64, top + (i / w) as i64);
            if coverage <= 0.0 || x < 0 || y < 0 || x >= pw || y >= ph {
                return;
            }
            // Coverage in sixteenths, as resvg's 4×4 supersampling gives it: continuous
            // coverage makes every edge pixel a new colour and the PNG a third larger.
            let a = ((coverage.min(1.0) * 16.0).round() as u32 * 255 + 8) / 16;
            if a == 0 {
                return;
            }
            let at = (y as usize * stride + x as usize) * 4;
            let px = &mut data[at..at + 4];
            let keep = 255 - a;
            for c in 0..3 {
                px[c] = ((rgb[c] as u32 * a + px[c] as u32 * keep + 127) / 255) as u8;
            }
            px[3] = ((255 * a + px[3] as u32 * keep + 127) / 255) as u8;
        });
    });
}
