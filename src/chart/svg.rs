//! Drawing a [`Chart`] as SVG for slides: title, subtitle, legend and source footnote
//! as real text, sized to read when projected. Only what lies inside the plot area is
//! drawn there (lines and the band are cut at its edges, marks outside it are left out),
//! and every label is placed by the rule in [`super::labels`] that the window uses too.

use super::geometry::Frame;
use super::labels::{self, LabelOf, LabelStyle, wrap};
use super::{Chart, LegendEntry, LegendMark, PointMark, axis};
use crate::export::svg::{Anchor, Stroke, Svg, TextStyle};
use crate::model::{Colour, TargetKind};
use crate::palette::{GRID, INK, INK_MUTED, PAPER};
use crate::wheel::text::{Estimate, TextMeasurer};

/// Sizes that scale with the picture: at 1080 px high the smallest text is 24 px.
struct Page {
    width: f64,
    height: f64,
    k: f64,
    margin: f64,
    title: f64,
    sub: f64,
    small: f64,
}

impl Page {
    fn new(width: f64, height: f64) -> Page {
        let k = (height / 1080.0).min(width / 1920.0 * 1.4).max(0.2);
        Page {
            width,
            height,
            k,
            margin: 48.0 * k,
            title: 44.0 * k,
            sub: 28.0 * k,
            small: 24.0 * k,
        }
    }

    fn width_of(&self, text: &str, size: f64) -> f64 {
        Estimate.width(text, size as f32) as f64
    }

    fn bold_width_of(&self, text: &str, size: f64) -> f64 {
        self.width_of(text, size) * 1.1
    }
}

/// The chart as an SVG document of `width`×`height` units (pixels at 1:1).
pub fn chart(c: &Chart, width: f64, height: f64) -> String {
    let p = Page::new(width, height);
    let mut s = Svg::new(width, height, &c.title);
    let top = header(&mut s, c, &p);
    let legend = Legend::of(c, &p);
    let foot = footnote_lines(c, &legend, &p, top);
    let f = frame(c, &p, top, legend.width, foot.len());
    axes(&mut s, c, &f, &p);
    data(&mut s, c, &f, &p);
    let style = LabelStyle::scaled(p.small, p.k);
    for l in labels::place(c, &f, &Estimate, &style) {
        let colour = match l.of {
            LabelOf::Target(_) => INK,
            LabelOf::Event(_) => INK_MUTED,
            LabelOf::Value(_) => super::MAIN,
        };
        if let Some([a, b]) = l.leader {
            s.line(
                a.0,
                a.1,
                b.0,
                b.1,
                &Stroke::dashed(colour, 1.5 * p.k, "2 4"),
            );
        }
        for (y, line) in l.baselines(&style) {
            s.text(l.area.x0, y, line, TextStyle::new(p.small, colour));
        }
    }
    legend.draw(&mut s, &p, f.top);
    let line_h = p.small * 1.3;
    let foot_top = height - p.margin * 0.6 - line_h * (foot.len() as f64 - 1.0);
    s.text_lines(
        p.margin,
        foot_top,
        &foot,
        TextStyle::new(p.small, INK_MUTED),
        line_h,
    );
    s.finish()
}

/// Title, subtitle and status line, each wrapped to the width; returns where the plot
/// may start.
fn header(s: &mut Svg, c: &Chart, p: &Page) -> f64 {
    let room = p.width - 2.0 * p.margin;
    let mut y = p.margin;
    let title = fit_lines(&c.title, room, 2, &|t| p.bold_width_of(t, p.title));
    for line in &title {
        y += p.title;
        s.text(
            p.margin,
            y - p.title * 0.2,
            line,
            TextStyle::new(p.title, INK).bold(),
        );
    }
    // The same words as the badge on screen ("✔ On track", "○ No target"), then the verdict.
    let badge = c.assessment.badge();
    let status_line = if c.verdict_text.is_empty() {
        badge
    } else {
        format!("{badge} · {}", c.verdict_text)
    };
    for (text, colour) in [(&c.subtitle, INK_MUTED), (&status_line, INK)] {
        for line in fit_lines(text, room, 2, &|t| p.width_of(t, p.sub)) {
            y += p.sub * 1.25;
            s.text(p.margin, y, &line, TextStyle::new(p.sub, colour));
        }
    }
    y + p.sub * 0.9
}

/// `text` wrapped to `room`, at most `max` lines, the last shortened with "…" if need be.
fn fit_lines(text: &str, room: f64, max: usize, width: &dyn Fn(&str) -> f64) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut lines = wrap(text, room, width);
    if lines.len() > max {
        let rest = lines[max - 1..].join(" ");
        lines.truncate(max - 1);
        lines.push(shorten(&rest, room, width));
    }
    lines
}

/// `text` cut to fit `room`, ending in "…" when cut.
fn shorten(text: &str, room: f64, width: &dyn Fn(&str) -> f64) -> String {
    if width(text) <= room {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 0 {
        let t = format!("{}…", chars[..n].iter().collect::<String>().trim_end());
        if width(&t) <= room {
            return t;
        }
        n -= 1;
    }
    "…".into()
}

/// The legend column: each entry's name wrapped to two lines at most, shortened beyond
/// that (the footnote then gives it in full).
struct Legend<'a> {
    width: f64,
    rows: Vec<(&'a LegendEntry, Vec<String>)>,
    shortened: Vec<&'a str>,
}

impl<'a> Legend<'a> {
    fn of(c: &'a Chart, p: &Page) -> Legend<'a> {
        let mark = 56.0 * p.k;
        let widest = c
            .shown_legend()
            .map(|e| p.width_of(&e.name, p.small))
            .fold(0.0, f64::max);
        let width = (widest + mark + 20.0 * p.k).clamp(240.0 * p.k, p.width * 0.26);
        let room = width - mark;
        let mut shortened = Vec::new();
        let rows = c
            .shown_legend()
            .map(|e| {
                let lines = fit_lines(&e.name, room, 2, &|t| p.width_of(t, p.small));
                if lines.last().is_some_and(|l| l.ends_with('…')) {
                    shortened.push(e.name.as_str());
                }
                (e, lines)
            })
            .collect();
        Legend {
            width,
            rows,
            shortened,
        }
    }

    fn draw(&self, s: &mut Svg, p: &Page, top: f64) {
        let lx = p.width - p.margin - self.width + 12.0 * p.k;
        let mut y = top + p.small;
        for (e, lines) in &self.rows {
            let (x0, x1, yc) = (lx, lx + 44.0 * p.k, y - p.small * 0.35);
            legend_mark(s, e, (x0, x1, yc), p.k);
            s.text_lines(
                x1 + 12.0 * p.k,
                y,
                lines,
                TextStyle::new(p.small, INK),
                p.small * 1.2,
            );
            y += p.small * (0.4 + 1.2 * lines.len() as f64);
        }
    }
}

fn legend_mark(s: &mut Svg, e: &LegendEntry, (x0, x1, yc): (f64, f64, f64), k: f64) {
    let mid = (x0 + x1) / 2.0;
    match e.mark {
        LegendMark::Line => {
            s.line(x0, yc, x1, yc, &Stroke::solid(e.colour, 4.0 * k));
            point(s, PointMark::Dot, (mid, yc), 7.0 * k, e.colour, k);
        }
        LegendMark::DashedLine => {
            s.line(x0, yc, x1, yc, &Stroke::dashed(e.colour, 3.0 * k, "10 8"))
        }
        LegendMark::Point(m) => point(s, m, (mid, yc), 7.0 * k, e.colour, k),
        LegendMark::Band => {
            let h = 10.0 * k;
            s.polygon(
                &[(x0, yc - h), (x1, yc - h), (x1, yc + h), (x0, yc + h)],
                Some(e.colour),
                0.15,
                None,
            );
            s.line(x0, yc, x1, yc, &Stroke::solid(e.colour, 3.0 * k));
        }
        LegendMark::Diamond { filled } => diamond(s, (mid, yc), 10.0 * k, filled, k),
        LegendMark::Vertical => s.line(
            mid,
            yc - 14.0 * k,
            mid,
            yc + 14.0 * k,
            &Stroke::dashed(e.colour, 2.0 * k, "6 4"),
        ),
    }
}

/// A value's mark at `c`.
fn point(s: &mut Svg, mark: PointMark, c: (f64, f64), r: f64, colour: Colour, k: f64) {
    let stroke = Stroke::solid(colour, 3.0 * k);
    match mark {
        PointMark::Dot => s.circle(c.0, c.1, r, Some(colour), Some(&stroke)),
        PointMark::Ring => s.circle(c.0, c.1, r, Some(PAPER), Some(&stroke)),
        PointMark::Square => {
            let h = r * 0.9;
            s.rect(
                c.0 - h,
                c.1 - h,
                2.0 * h,
                2.0 * h,
                Some(PAPER),
                Some(&stroke),
            );
        }
        PointMark::Cross => {
            let h = r * 0.9;
            s.line(c.0 - h, c.1 - h, c.0 + h, c.1 + h, &stroke);
            s.line(c.0 - h, c.1 + h, c.0 + h, c.1 - h, &stroke);
        }
    }
}

fn diamond(s: &mut Svg, (x, y): (f64, f64), r: f64, filled: bool, k: f64) {
    s.polygon(
        &[(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        Some(if filled { super::TARGET } else { PAPER }),
        1.0,
        Some(&Stroke::solid(super::TARGET, 2.5 * k)),
    );
}

/// The footnote's lines: as many as it needs, the plot keeping at least 30% of the height.
fn footnote_lines(c: &Chart, legend: &Legend, p: &Page, top: f64) -> Vec<String> {
    let mut text = c.footnote.clone();
    if !legend.shortened.is_empty() {
        text.push_str(&format!(". In full: {}", legend.shortened.join("; ")));
    }
    let line_h = p.small * 1.3;
    let room = p.height - p.margin - p.small * 3.5 - top - 0.3 * p.height;
    let max = ((room / line_h).floor() as usize).max(2);
    fit_lines(&text, p.width - 2.0 * p.margin, max, &|t| {
        p.width_of(t, p.small)
    })
}

/// The plot area: right of the value labels and the axis title, left of the legend,
/// above the time labels and the footnote.
fn frame(c: &Chart, p: &Page, top: f64, legend_width: f64, foot_lines: usize) -> Frame {
    let widest = c
        .y_ticks
        .iter()
        .map(|t| p.width_of(&t.label, p.small))
        .fold(0.0, f64::max);
    Frame {
        left: p.margin + p.small * 1.6 + widest + 14.0 * p.k,
        top,
        right: p.width - p.margin - legend_width,
        bottom: p.height - p.margin - p.small * (2.2 + 1.3 * foot_lines as f64),
        x: c.x_range,
        y: c.y_range,
    }
}

/// Grid, value labels, the axis title and the time labels that fit side by side.
fn axes(s: &mut Svg, c: &Chart, f: &Frame, p: &Page) {
    for t in &c.y_ticks {
        let y = f.py(t.value);
        s.line(f.left, y, f.right, y, &Stroke::solid(GRID, 1.5 * p.k));
        s.text(
            f.left - 12.0 * p.k,
            y + p.small * 0.35,
            &t.label,
            TextStyle::new(p.small, INK_MUTED).anchor(Anchor::End),
        );
    }
    s.text(
        p.margin + p.small * 0.8,
        (f.top + f.bottom) / 2.0,
        &c.y_title,
        TextStyle::new(p.small, INK_MUTED)
            .anchor(Anchor::Middle)
            .rotate(-90.0),
    );
    let ticks = axis::spaced(
        &c.x_ticks,
        &|x| f.px(x),
        &|t| p.width_of(t, p.small),
        p.small,
        (p.margin * 0.5, p.width - p.margin * 0.5),
    );
    for t in &ticks {
        let x = f.px(t.value);
        let tick = Stroke::solid(INK_MUTED, 1.5 * p.k);
        s.line(x, f.bottom, x, f.bottom + 8.0 * p.k, &tick);
        s.text(
            x,
            f.bottom + p.small * 1.3,
            &t.label,
            TextStyle::new(p.small, INK_MUTED).anchor(Anchor::Middle),
        );
    }
    s.line(
        f.left,
        f.bottom,
        f.right,
        f.bottom,
        &Stroke::solid(INK_MUTED, 2.0 * p.k),
    );
}

/// Everything drawn in the plot area, cut at its edges.
fn data(s: &mut Svg, c: &Chart, f: &Frame, p: &Page) {
    let k = p.k;
    if let Some([a, b]) = c.band {
        let band = f.clip_polygon(&[
            f.at(a.0, a.1),
            f.at(b.0, b.1),
            f.at(b.0, b.2),
            f.at(a.0, a.2),
        ]);
        s.polygon(&band, Some(super::TRAJECTORY), 0.15, None);
    }
    let segment = |s: &mut Svg, a: (f64, f64), b: (f64, f64), stroke: &Stroke| {
        if let Some([a, b]) = f.clip_segment(f.at(a.0, a.1), f.at(b.0, b.1)) {
            s.line(a.0, a.1, b.0, b.1, stroke);
        }
    };
    if let Some([a, b]) = c.trajectory {
        segment(s, a, b, &Stroke::solid(super::TRAJECTORY, 3.0 * k));
    }
    for e in &c.events {
        segment(
            s,
            (e.x, c.y_range.0),
            (e.x, c.y_range.1),
            &Stroke::dashed(super::EVENT, 2.0 * k, "6 6"),
        );
    }
    if let Some([a, b]) = c.projection {
        segment(s, a, b, &Stroke::dashed(super::PROJECTION, 3.0 * k, "10 8"));
    }
    for series in c.series.iter().rev() {
        let w = if series.main { 4.0 } else { 3.0 } * k;
        for pair in series.points.windows(2) {
            let stroke = if pair[0].is_measured() && pair[1].is_measured() {
                Stroke::solid(series.colour, w)
            } else {
                Stroke::dashed(series.colour, w, "8 6")
            };
            segment(s, (pair[0].x, pair[0].y), (pair[1].x, pair[1].y), &stroke);
        }
        // Every value gets its status's mark, as on screen: a comparator's smaller, so
        // that one with a single value is still seen.
        let r = if series.main { 7.0 } else { 5.0 } * k;
        for v in &series.points {
            let at = f.at(v.x, v.y);
            if f.holds(at) {
                point(s, PointMark::of(v.status), at, r, series.colour, k);
            }
        }
    }
    for t in &c.targets {
        let at = f.at(t.x, t.y);
        if f.holds(at) {
            diamond(s, at, 11.0 * k, t.kind == TargetKind::Target, k);
        }
    }
}
