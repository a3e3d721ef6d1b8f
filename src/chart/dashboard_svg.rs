//! The dashboard as one SVG for a slide: a grid of cards, each with its measure's name,
//! latest value, change, status and line of values.

use super::Card;
use crate::export::svg::{Stroke, Svg, TextStyle};
use crate::palette::{GRID, INK, INK_MUTED, PAPER};

/// A grid of dashboard cards as one SVG.
pub fn dashboard(title: &str, cards: &[Card], width: f64, height: f64) -> String {
    let mut s = Svg::new(width, height, title);
    let k = (height / 1080.0).max(0.2);
    let m = 40.0 * k;
    s.text(m, m + 36.0 * k, title, TextStyle::new(44.0 * k, INK).bold());
    let cols = ((cards.len() as f64 * 1.8).sqrt().ceil() as usize).clamp(1, 6);
    let rows = cards.len().div_ceil(cols).max(1);
    // An empty title takes no room (a slide sets its title apart).
    let top = if title.is_empty() { m } else { m + 70.0 * k };
    let cw = (width - m * 2.0) / cols as f64;
    let ch = (height - top - m) / rows as f64;
    let small = (24.0 * k).min(ch / 8.0).max(8.0);
    let fit = |t: &str, size: f64| {
        let n = ((cw - 48.0 * k) / (size * 0.58)).max(4.0) as usize;
        if t.chars().count() <= n {
            t.to_string()
        } else {
            format!("{}…", t.chars().take(n - 1).collect::<String>())
        }
    };
    for (i, c) in cards.iter().enumerate() {
        let (x, y) = (m + (i % cols) as f64 * cw, top + (i / cols) as f64 * ch);
        s.rect(
            x + 6.0,
            y + 6.0,
            cw - 12.0,
            ch - 12.0,
            Some(PAPER),
            Some(&Stroke::solid(GRID, 2.0 * k)),
        );
        let pad = 18.0 * k;
        s.text(
            x + pad,
            y + pad + small,
            &fit(&c.name, small * 1.08),
            TextStyle::new(small, INK).bold(),
        );
        s.text(
            x + pad,
            y + pad + small * 2.6,
            &fit(&format!("{}  {}", c.latest, c.latest_period), small * 1.3),
            TextStyle::new(small * 1.3, INK),
        );
        let badge = c.assessment.badge();
        s.text(
            x + pad,
            y + pad + small * 4.0,
            &fit(&format!("{badge}   {}", c.change), small),
            TextStyle::new(small, INK_MUTED),
        );
        let (sx0, sx1) = (x + pad, x + cw - pad - 6.0);
        let (sy0, sy1) = (y + pad + small * 4.8, y + ch - pad - 6.0);
        if sy1 - sy0 > 10.0 && c.points.len() >= 2 {
            let pts = super::decimate(&c.points, (sx1 - sx0) as usize);
            let (xa, xb) = (pts[0].0, pts[pts.len() - 1].0.max(pts[0].0 + 1e-9));
            let (mut ya, mut yb) = pts
                .iter()
                .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
            if yb - ya < 1e-9 {
                ya -= 1.0;
                yb += 1.0;
            }
            let line: Vec<(f64, f64)> = pts
                .iter()
                .map(|p| {
                    (
                        sx0 + (p.0 - xa) / (xb - xa) * (sx1 - sx0),
                        sy1 - (p.1 - ya) / (yb - ya) * (sy1 - sy0),
                    )
                })
                .collect();
            s.polyline(&line, &Stroke::solid(super::MAIN, 3.0 * k));
        }
    }
    s.finish()
}
