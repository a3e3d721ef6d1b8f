//! The dashboard as one SVG for a slide: a grid of cards, each with its measure's full
//! name, latest value with unit and period, status as symbol and word, change with its
//! period, final target, source, and the line of values when there is room. The grid and
//! the text size are chosen together so that every card's text fits in full.

use super::Card;
use super::labels::wrap;
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

/// What a card says at text size `s`: each piece's text, size, colour, boldness and most
/// lines.
fn pieces(c: &Card, s: f64) -> Vec<(String, f64, Colour, bool, usize)> {
    let value = if c.latest_period.is_empty() {
        c.latest.clone()
    } else {
        format!("{} · {}", c.latest, c.latest_period)
    };
    let mut out = vec![
        (c.name.clone(), s * 1.05, INK, true, 4),
        (value, s * 1.3, INK, false, 2),
        (c.assessment.badge(), s, INK, false, 2),
        (c.change.clone(), s, INK_MUTED, false, 2),
    ];
    if let Some(t) = &c.target_text {
        out.push((t.clone(), s, INK_MUTED, false, 2));
    }
    out.push((c.source.clone(), s * 0.92, INK_MUTED, false, 3));
    out.retain(|p| !p.0.is_empty());
    out
}

/// A card's lines at text size `s` for a text width of `room`.
fn lines(c: &Card, room: f64, s: f64) -> Vec<Line> {
    let mut out = Vec::new();
    for (text, size, colour, bold, max) in pieces(c, s) {
        let measure = |t: &str| width(t, size, bold);
        for l in fit_lines(&text, room, max, &measure) {
            out.push(Line {
                text: l,
                size,
                colour,
                bold,
            });
        }
    }
    out
}

/// Whether every piece of the card fits `room` at size `s` whole: within its most lines,
/// and no word wider than the room.
fn whole(c: &Card, room: f64, s: f64) -> bool {
    pieces(c, s).iter().all(|(text, size, _, bold, max)| {
        let lines = wrap(text, room, &|t| width(t, *size, *bold));
        lines.len() <= *max && lines.iter().all(|l| width(l, *size, *bold) <= room)
    })
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
    /// The grid with the largest text at which every card's text fits, from 36 px (at
    /// 1080 high, for a few cards read from the back of a room) down to 10, leaving a
    /// card with a line of values a third of its height for it.
    fn choose(cards: &[Card], w: f64, h: f64, k: f64) -> Grid {
        Grid::choose_where(cards, w, h, k, true)
            .or_else(|| Grid::choose_where(cards, w, h, k, false))
            .unwrap_or_else(|| {
                let n = cards.len().max(1);
                let cols = ((n as f64 * 1.8).sqrt().ceil() as usize).clamp(1, 8);
                Grid {
                    cols,
                    cw: w / cols as f64,
                    ch: h / n.div_ceil(cols) as f64,
                    s: 10.0 * k,
                }
            })
    }

    /// The best grid, `whole`: only where no card's text is cut short.
    fn choose_where(cards: &[Card], w: f64, h: f64, k: f64, whole_text: bool) -> Option<Grid> {
        let n = cards.len().max(1);
        let mut best: Option<(Grid, usize, f64)> = None;
        for cols in 1..=n.min(8) {
            let rows = n.div_ceil(cols);
            let (cw, ch) = (w / cols as f64, h / rows as f64);
            let pad = 16.0 * k;
            let fits = |s: f64| {
                cards.iter().all(|c| {
                    let room = cw - 2.0 * pad - 12.0;
                    if whole_text && !whole(c, room, s) {
                        return false;
                    }
                    let need: f64 = lines(c, room, s).iter().map(line_height).sum();
                    let spark = if c.points.len() >= 2 && s > 24.0 * k {
                        ch / 3.0
                    } else {
                        0.0
                    };
                    need + spark + 2.0 * pad + 12.0 <= ch
                })
            };
            let Some(s) = (10..=36).rev().map(|p| p as f64 * k).find(|s| fits(*s)) else {
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
        best.map(|b| b.0)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn luton_cards() -> Vec<Card> {
        let dir = env!("CARGO_MANIFEST_DIR");
        let path = format!("{dir}/sample-data/luton-2040.ron");
        let p = crate::file::read(&std::fs::read_to_string(&path).unwrap(), &path).unwrap();
        p.measures_in_dashboard_order()
            .into_iter()
            .take(6)
            .map(|i| super::super::card(&p, i, &p.measures[i]))
            .collect()
    }

    /// Six headline cards on a 1280×720 slide: larger text than the old 24 px (at 1080)
    /// cap, nothing cut short, every line inside its card, and room for the line of values.
    #[test]
    fn a_few_cards_fill_a_slide_with_whole_text() {
        let cards = luton_cards();
        let (w, h) = (1280.0, 720.0);
        let k = (h / 1080.0f64).min(w / 1920.0 * 1.4);
        let g = Grid::choose(&cards, w - 80.0 * k, h - 200.0 * k, k);
        assert!(g.s > 24.0 * k, "text {} px", g.s);
        let room = g.cw - 2.0 * 16.0 * k - 12.0;
        for c in &cards {
            assert!(whole(c, room, g.s), "{} is cut at {} px", c.name, g.s);
            let ls = lines(c, room, g.s);
            assert!(ls.iter().all(|l| !l.text.ends_with('…')), "{}", c.name);
            let need: f64 = ls.iter().map(line_height).sum();
            assert!(
                need + g.ch / 3.0 <= g.ch,
                "{} leaves no room for its line",
                c.name
            );
        }
        let svg = dashboard("", &cards, w, h);
        assert!(!svg.contains('…'), "a card's text is cut");
    }

    /// A word wider than the card is not a fit: the grid takes fewer columns instead.
    #[test]
    fn a_long_word_is_never_wider_than_its_card() {
        let cards = luton_cards();
        let room = 150.0;
        let s = 24.0;
        let name_fits = whole(&cards[1], room, s);
        assert!(
            !name_fits,
            "\"accommodation\" at {s} px is wider than {room} px"
        );
    }
}
