//! Drawing a [`Chart`] (and a dashboard of cards) as SVG for slides: title,
//! subtitle, legend and source footnote as real text, sized to read when projected.

use super::{Card, Chart, LegendKind};
use crate::export::svg::{Anchor, Stroke, Svg, TextStyle};
use crate::palette::{GRID, INK, INK_MUTED, PAPER};

struct Frame {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
    x: (f64, f64),
    y: (f64, f64),
}

impl Frame {
    fn px(&self, x: f64) -> f64 {
        self.left + (x - self.x.0) / (self.x.1 - self.x.0) * (self.right - self.left)
    }
    fn py(&self, y: f64) -> f64 {
        self.bottom - (y - self.y.0) / (self.y.1 - self.y.0) * (self.bottom - self.top)
    }
}

/// The chart as an SVG document of `width`×`height` units (pixels at 1:1).
pub fn chart(c: &Chart, width: f64, height: f64) -> String {
    let mut s = Svg::new(width, height, &c.title);
    // Sizes scale with the picture: at 1080 px high the smallest text is 24 px.
    let k = (height / 1080.0).min(width / 1920.0 * 1.4).max(0.2);
    let m = 48.0 * k;
    // An empty title takes no room (a slide sets its title apart).
    let title = if c.title.is_empty() { 0.0 } else { 44.0 * k };
    let sub = 28.0 * k;
    let small = 24.0 * k;
    s.text(
        m,
        m + title * 0.8,
        &c.title,
        TextStyle::new(title, INK).bold(),
    );
    s.text(
        m,
        m + title + sub * 1.1,
        &c.subtitle,
        TextStyle::new(sub, INK_MUTED),
    );
    // The same words as the badge on screen ("✔ On track", "○ No target"), then the verdict.
    // Without a target and without a status set by hand, the badge ("○ No target") already
    // says what the verdict would ("No target set").
    let badge = c.assessment.badge();
    let status_line = if c.verdict == crate::status::Verdict::NoTarget && c.assessment.rag.is_none()
    {
        badge
    } else {
        format!("{badge} · {}", c.verdict_text)
    };
    // The footnote takes the lines it needs to name every source; the plot
    // shrinks to make room, keeping at least 30% of the height (only past
    // that is the footnote cut short).
    let per_line = ((width - 2.0 * m) / (small * 0.56)).max(20.0) as usize;
    let plot_top = m + title + sub * 3.6;
    let room = height - m - small * 2.0 - plot_top - 0.3 * height;
    let max_lines = ((room / (small * 1.3)).floor() as usize).max(2);
    let foot = wrap(&c.footnote, per_line, max_lines);
    s.text(
        m,
        m + title + sub * 2.4,
        &status_line,
        TextStyle::new(sub, INK),
    );
    // Legend on the right.
    let legend_w = 380.0 * k;
    let f = Frame {
        left: m + 110.0 * k,
        top: plot_top,
        right: width - m - legend_w,
        bottom: height - m - small * (2.0 + 1.3 * foot.len() as f64),
        x: c.x_range,
        y: c.y_range,
    };
    // Grid and y ticks.
    for t in &c.y_ticks {
        let y = f.py(t.value);
        s.line(f.left, y, f.right, y, &Stroke::solid(GRID, 1.5 * k));
        s.text(
            f.left - 12.0 * k,
            y + small * 0.35,
            &t.label,
            TextStyle::new(small, INK_MUTED).anchor(Anchor::End),
        );
    }
    s.text(
        m * 0.5 + small * 0.5,
        (f.top + f.bottom) / 2.0,
        &c.y_title,
        TextStyle::new(small, INK_MUTED)
            .anchor(Anchor::Middle)
            .rotate(-90.0),
    );
    for t in &c.x_ticks {
        let x = f.px(t.value);
        s.line(
            x,
            f.bottom,
            x,
            f.bottom + 8.0 * k,
            &Stroke::solid(INK_MUTED, 1.5 * k),
        );
        s.text(
            x,
            f.bottom + small * 1.3,
            &t.label,
            TextStyle::new(small, INK_MUTED).anchor(Anchor::Middle),
        );
    }
    s.line(
        f.left,
        f.bottom,
        f.right,
        f.bottom,
        &Stroke::solid(INK_MUTED, 2.0 * k),
    );
    s.raw(&format!(
        "<clipPath id=\"plot\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
        f.left,
        f.top,
        f.right - f.left,
        f.bottom - f.top
    ));
    s.begin_group("clip-path=\"url(#plot)\"");
    if let Some([a, b]) = c.band {
        s.polygon(
            &[
                (f.px(a.0), f.py(a.1)),
                (f.px(b.0), f.py(b.1)),
                (f.px(b.0), f.py(b.2)),
                (f.px(a.0), f.py(a.2)),
            ],
            Some(super::TRAJECTORY),
            0.15,
            None,
        );
    }
    if let Some([a, b]) = c.trajectory {
        s.line(
            f.px(a.0),
            f.py(a.1),
            f.px(b.0),
            f.py(b.1),
            &Stroke::solid(super::TRAJECTORY, 3.0 * k),
        );
    }
    for (i, e) in c.events.iter().enumerate() {
        let x = f.px(e.x);
        s.line(
            x,
            f.top,
            x,
            f.bottom,
            &Stroke::dashed(super::EVENT, 2.0 * k, "6 6"),
        );
        let near_right = x > f.right - 360.0 * k;
        s.text(
            if near_right { x - 6.0 * k } else { x + 6.0 * k },
            f.top + small * (1.0 + 1.3 * (i % 3) as f64),
            &e.label,
            TextStyle::new(small, INK_MUTED).anchor(if near_right {
                Anchor::End
            } else {
                Anchor::Start
            }),
        );
    }
    if let Some([a, b]) = c.projection {
        s.line(
            f.px(a.0),
            f.py(a.1),
            f.px(b.0),
            f.py(b.1),
            &Stroke::dashed(super::PROJECTION, 3.0 * k, "10 8"),
        );
    }
    for series in c.series.iter().rev() {
        let w = if series.main { 4.0 } else { 3.0 } * k;
        for pair in series.points.windows(2) {
            let stroke = if pair[0].is_measured() && pair[1].is_measured() {
                Stroke::solid(series.colour, w)
            } else {
                Stroke::dashed(series.colour, w, "8 6")
            };
            s.line(
                f.px(pair[0].x),
                f.py(pair[0].y),
                f.px(pair[1].x),
                f.py(pair[1].y),
                &stroke,
            );
        }
        // Every value gets a point, as on screen: a comparator's smaller, so that
        // one with a single value is still seen.
        let (r, sw) = if series.main { (7.0, 3.0) } else { (5.0, 2.0) };
        for p in &series.points {
            let fill = if p.is_measured() {
                Some(series.colour)
            } else {
                Some(PAPER)
            };
            s.circle(
                f.px(p.x),
                f.py(p.y),
                r * k,
                fill,
                Some(&Stroke::solid(series.colour, sw * k)),
            );
        }
    }
    for (i, t) in c.targets.iter().enumerate() {
        let (x, y) = (f.px(t.x), f.py(t.y));
        let r = 11.0 * k;
        s.polygon(
            &[(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
            Some(if t.kind == crate::model::TargetKind::Target {
                super::TARGET
            } else {
                PAPER
            }),
            1.0,
            Some(&Stroke::solid(super::TARGET, 2.5 * k)),
        );
        let anchor = if x > f.right - 320.0 * k {
            Anchor::End
        } else if x < f.left + 320.0 * k {
            Anchor::Start
        } else {
            Anchor::Middle
        };
        s.text(
            x,
            if i % 2 == c.targets.len() % 2 {
                y + r + small * 1.1
            } else {
                y - r - 8.0 * k
            },
            &t.label,
            TextStyle::new(small, INK).anchor(anchor),
        );
    }
    s.end_group();
    // Legend.
    let lx = width - m - legend_w + 30.0 * k;
    let mut ly = f.top + small;
    for e in &c.legend {
        let (x0, x1, yc) = (lx, lx + 44.0 * k, ly - small * 0.35);
        match e.kind {
            LegendKind::Line => s.line(x0, yc, x1, yc, &Stroke::solid(e.colour, 4.0 * k)),
            LegendKind::DashedLine => {
                s.line(x0, yc, x1, yc, &Stroke::dashed(e.colour, 3.0 * k, "10 8"))
            }
            LegendKind::HollowPoint => s.circle(
                (x0 + x1) / 2.0,
                yc,
                7.0 * k,
                Some(PAPER),
                Some(&Stroke::solid(e.colour, 3.0 * k)),
            ),
            LegendKind::Band => {
                s.rect(x0, yc - 10.0 * k, x1 - x0, 20.0 * k, None, None);
                s.polygon(
                    &[
                        (x0, yc - 10.0 * k),
                        (x1, yc - 10.0 * k),
                        (x1, yc + 10.0 * k),
                        (x0, yc + 10.0 * k),
                    ],
                    Some(e.colour),
                    0.15,
                    None,
                );
                s.line(x0, yc, x1, yc, &Stroke::solid(e.colour, 3.0 * k));
            }
            LegendKind::Diamond => {
                let (x, r) = ((x0 + x1) / 2.0, 10.0 * k);
                s.polygon(
                    &[(x, yc - r), (x + r, yc), (x, yc + r), (x - r, yc)],
                    Some(e.colour),
                    1.0,
                    None,
                );
            }
            LegendKind::Vertical => {
                let x = (x0 + x1) / 2.0;
                s.line(
                    x,
                    yc - 14.0 * k,
                    x,
                    yc + 14.0 * k,
                    &Stroke::dashed(e.colour, 2.0 * k, "6 4"),
                );
            }
        }
        s.text(x1 + 12.0 * k, ly, &e.name, TextStyle::new(small, INK));
        ly += small * 1.6;
    }
    let foot_top = height - m * 0.6 - small * 1.3 * (foot.len() as f64 - 1.0);
    s.text_lines(
        m,
        foot_top,
        &foot,
        TextStyle::new(small, INK_MUTED),
        small * 1.3,
    );
    s.finish()
}

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

/// Split `text` into lines of at most `width` characters, at most `max` lines (the last ends in "…").
pub fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split(' ') {
        let cur = lines.last_mut().expect("one line");
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
    }
    if lines.len() > max {
        lines.truncate(max);
        let last = &mut lines[max - 1];
        let keep: String = last.chars().take(width.saturating_sub(1)).collect();
        *last = format!("{keep}…");
    }
    lines
}
