//! The dashboard as one SVG for a slide: a grid of cards, each with its measure's full
//! name, latest value with unit and period, status as symbol and word, change with its
//! period, final target, source, and the line of values when there is room. The grid and
//! the text size are chosen together so that every card's text fits in full.

use super::Card;
use super::text::{fit_lines, width};
use crate::export::svg::{Stroke, Svg, TextStyle};
use crate::model::Colour;
use crate::palette::{GRID, INK, INK_MUTED, PAPER};

/// One line of a card's text.
struct Line {
    text: String,
    size: f64,
    colour: Colour,
    bold: bool,
}

/// A card's lines at text size `s` for a text width of `room`.
fn lines(c: &Card, room: f64, s: f64) -> Vec<Line> {
    let mut out = Vec::new();
    let mut add = |text: &str, size: f64, colour: Colour, bold: bool, max: usize| {
        let measure = |t: &str| width(t, size, bold);
        for l in fit_lines(text, room, max, &measure) {
            out.push(Line {
                text: l,
                size,
                colour,
                bold,
            });
        }
    };
    add(&c.name, s * 1.05, INK, true, 4);
    let value = if c.latest_period.is_empty() {
        c.latest.clone()
    } else {
        format!("{} · {}", c.latest, c.latest_period)
    };
    add(&value, s * 1.3, INK, false, 2);
    add(&c.assessment.badge(), s, INK, false, 2);
    add(&c.change, s, INK_MUTED, false, 2);
    if let Some(t) = &c.target_text {
        add(t, s, INK_MUTED, false, 2);
    }
    add(&c.source, s * 0.92, INK_MUTED, false, 3);
    out
}

fn line_height(l: &Line) -> f64 {
    l.size * 1.25
}

/// How the cards are laid out: columns, card size, text size.
struct Grid {
    cols: usize,
    cw: f64,
    ch: f64,
    s: f64,
}

impl Grid {
    /// The grid with the largest text at which every card's text fits, from 24 px (at
    /// 1080 high) down to 10.
    fn choose(cards: &[Card], w: f64, h: f64, k: f64) -> Grid {
        let n = cards.len().max(1);
        let mut best: Option<(Grid, usize, f64)> = None;
        for cols in 1..=n.min(8) {
            let rows = n.div_ceil(cols);
            let (cw, ch) = (w / cols as f64, h / rows as f64);
            let pad = 16.0 * k;
            let fits = |s: f64| {
                cards.iter().all(|c| {
                    let need: f64 = lines(c, cw - 2.0 * pad - 12.0, s)
                        .iter()
                        .map(line_height)
                        .sum();
                    need + 2.0 * pad + 12.0 <= ch
                })
            };
            let Some(s) = (10..=24).rev().map(|p| p as f64 * k).find(|s| fits(*s)) else {
                continue;
            };
            // Larger text wins; at equal text, the grid with fewer empty places (six cards
            // in three columns, not four with two gaps), then the squarer card (more room
            // for the line).
            let empty = rows * cols - n;
            let shape = (cw / ch).max(ch / cw);
            let better = match &best {
                None => true,
                Some((b, b_empty, b_shape)) => {
                    s > b.s + 1e-9
                        || ((s - b.s).abs() < 1e-9
                            && (empty < *b_empty || (empty == *b_empty && shape < *b_shape)))
                }
            };
            if better {
                best = Some((Grid { cols, cw, ch, s }, empty, shape));
            }
        }
        best.map(|b| b.0).unwrap_or_else(|| {
            let cols = ((n as f64 * 1.8).sqrt().ceil() as usize).clamp(1, 8);
            Grid {
                cols,
                cw: w / cols as f64,
                ch: h / n.div_ceil(cols) as f64,
                s: 10.0 * k,
            }
        })
    }
}

/// A grid of dashboard cards as one SVG.
pub fn dashboard(title: &str, cards: &[Card], width_px: f64, height_px: f64) -> String {
    let mut s = Svg::new(width_px, height_px, title);
    let k = (height_px / 1080.0).min(width_px / 1920.0 * 1.4).max(0.2);
    let m = 40.0 * k;
    let mut top = m;
    if !title.is_empty() {
        let size = 44.0 * k;
        let t = fit_lines(title, width_px - 2.0 * m, 1, &|t| width(t, size, true));
        s.text(m, m + size * 0.8, &t[0], TextStyle::new(size, INK).bold());
        top = m + size * 1.5;
    }
    if cards.is_empty() {
        s.text(
            m,
            top + 24.0 * k,
            "No measures yet",
            TextStyle::new(24.0 * k, INK_MUTED),
        );
        return s.finish();
    }
    let g = Grid::choose(cards, width_px - 2.0 * m, height_px - top - m, k);
    for (i, c) in cards.iter().enumerate() {
        let (x, y) = (
            m + (i % g.cols) as f64 * g.cw,
            top + (i / g.cols) as f64 * g.ch,
        );
        card(&mut s, c, (x, y), &g, k);
    }
    s.finish()
}

/// One card at `at`: its border, its lines, then its line of values in the room left.
fn card(s: &mut Svg, c: &Card, at: (f64, f64), g: &Grid, k: f64) {
    let (x, y) = at;
    s.rect(
        x + 6.0 * k,
        y + 6.0 * k,
        g.cw - 12.0 * k,
        g.ch - 12.0 * k,
        Some(PAPER),
        Some(&Stroke::solid(GRID, 2.0 * k)),
    );
    let pad = 16.0 * k;
    let (left, right) = (x + 6.0 * k + pad, x + g.cw - 6.0 * k - pad);
    let mut ty = y + 6.0 * k + pad;
    for l in lines(c, right - left, g.s) {
        let style = TextStyle::new(l.size, l.colour);
        let style = if l.bold { style.bold() } else { style };
        s.text(left, ty + l.size * 0.95, &l.text, style);
        ty += line_height(&l);
    }
    let bottom = y + g.ch - 6.0 * k - pad;
    // A clear gap under the text, so that a target line at the top stays apart from it.
    if c.points.len() >= 2 && bottom - ty > 3.0 * g.s {
        spark(s, c, (left, ty + g.s * 0.8, right, bottom), k);
    }
}

/// The values as a line in `area` (left, top, right, bottom), with the final target dashed
/// and the latest value dotted.
fn spark(s: &mut Svg, c: &Card, area: (f64, f64, f64, f64), k: f64) {
    let (sx0, sy0, sx1, sy1) = area;
    let pts = super::decimate(&c.points, (sx1 - sx0) as usize);
    let (xa, xb) = (pts[0].0, pts[pts.len() - 1].0.max(pts[0].0 + 1e-9));
    let (mut ya, mut yb) = pts
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    if let Some((_, t)) = c.target {
        ya = ya.min(t);
        yb = yb.max(t);
    }
    if yb - ya < 1e-9 {
        ya -= 1.0;
        yb += 1.0;
    }
    let map = |x: f64, v: f64| {
        (
            sx0 + (x - xa) / (xb - xa) * (sx1 - sx0),
            sy1 - (v - ya) / (yb - ya) * (sy1 - sy0),
        )
    };
    if let Some((_, t)) = c.target {
        let y = map(xa, t).1;
        s.line(sx0, y, sx1, y, &Stroke::dashed(INK_MUTED, 1.5 * k, "6 5"));
    }
    let line: Vec<(f64, f64)> = pts.iter().map(|p| map(p.0, p.1)).collect();
    s.polyline(&line, &Stroke::solid(super::MAIN, 3.0 * k));
    let last = line[line.len() - 1];
    s.circle(last.0, last.1, 4.0 * k, Some(super::MAIN), None);
}
