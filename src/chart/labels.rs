//! Where a chart's labels go: one rule for the window and every export.
//!
//! Target and milestone labels sit beside their own marker; event labels sit beside their
//! line at the top of the plot; with few values, each value is labelled beside its point.
//! Every label lies wholly inside the plot area, and is placed at the first of its
//! candidate spots (right, left, above, below, then further up or down) that overlaps no
//! other label, marker, point, event line, trajectory band or line. Where no spot is free,
//! the rule gives up the lines first, then the band, then the markers, but never overlaps
//! another label or an event line if any spot avoids them, and never leaves the plot area.
//! An event's label that cannot sit beside its line moves past its neighbours' lines,
//! joined to its own by a leader. A value label that finds no spot clear of marks is left
//! out (hovering the point gives the value).

use super::geometry::{Area, Frame};
use super::{Chart, DisagreementMark};
use crate::format;
use crate::wheel::text::TextMeasurer;

/// Sizes of text and marks, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelStyle {
    pub size: f64,
    pub line_height: f64,
    /// Space between a label and what it labels.
    pub gap: f64,
    /// Half-width of a target marker.
    pub marker: f64,
    /// Radius of a value's point.
    pub point: f64,
}

impl LabelStyle {
    /// Sizes for a picture whose text is `size` pixels high and marks are scaled by `k`.
    pub fn scaled(size: f64, k: f64) -> LabelStyle {
        LabelStyle {
            size,
            line_height: size * 1.25,
            gap: 6.0 * k,
            marker: 11.0 * k,
            point: 7.0 * k,
        }
    }
}

/// What a label labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelOf {
    /// The chart's target or milestone at this position.
    Target(usize),
    Event(usize),
    /// A value of the chart's own series, by position.
    Value(usize),
}

/// A label placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub of: LabelOf,
    pub lines: Vec<String>,
    /// The box its lines fill, top-left first.
    pub area: Area,
    /// A thin line from what it labels to the label, when the label sits away from it
    /// (an event's label moved past a neighbouring event's line).
    pub leader: Option<[(f64, f64); 2]>,
}

impl Placed {
    /// The top of each line.
    pub fn line_tops(&self, style: &LabelStyle) -> impl Iterator<Item = (f64, &str)> {
        let top = self.area.y0;
        self.lines
            .iter()
            .enumerate()
            .map(move |(i, l)| (top + i as f64 * style.line_height, l.as_str()))
    }

    /// The baseline of each line (for SVG text).
    pub fn baselines(&self, style: &LabelStyle) -> impl Iterator<Item = (f64, &str)> {
        let drop = (style.line_height - style.size) / 2.0 + style.size * 0.93;
        self.line_tops(style).map(move |(t, l)| (t + drop, l))
    }
}

/// Where a disagreement's mark (a circled "≠" of radius `style.marker`) sits on the page:
/// just above the value it is about, or at the top of the plot without one.
pub fn disagreement_at(d: &DisagreementMark, f: &Frame, style: &LabelStyle) -> (f64, f64) {
    let r = style.marker;
    let y = match d.y {
        Some(v) => f.py(v) - r * 2.4,
        None => f.top + r * 1.2,
    };
    (
        f.px(d.x),
        y.clamp(f.top + r * 1.1, (f.bottom - r * 1.1).max(f.top + r * 1.1)),
    )
}

/// The most values labelled one by one.
pub const MAX_VALUE_LABELS: usize = 8;

/// Place every label of `c` drawn in `f`, measuring text with `text`.
pub fn place(c: &Chart, f: &Frame, text: &dyn TextMeasurer, style: &LabelStyle) -> Vec<Placed> {
    let mut scene = Scene::of(c, f, style);
    let mut placed: Vec<Placed> = Vec::new();
    let width = |s: &str| text.width(s, style.size as f32) as f64;
    let marks_x: Vec<f64> = c.targets.iter().map(|t| f.px(t.x)).collect();
    // Latest first: the last target sits near the plot's right edge, with the least room.
    for (i, t) in c.targets.iter().enumerate().rev() {
        let at = f.at(t.x, t.y);
        if !f.holds(at) {
            continue;
        }
        let spots = |w: f64, h: f64| around(at, style.marker + style.gap, w, h);
        scene.other_marks_x = marks_x
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, x)| *x)
            .collect();
        let near = Some(at);
        if let Some(p) = scene.fit(LabelOf::Target(i), &t.label, &width, style, &spots, near, 4) {
            scene.taken.push(p.area);
            placed.push(p);
        }
    }
    scene.other_marks_x.clear();
    let event_xs: Vec<f64> = c.events.iter().map(|e| f.px(e.x)).collect();
    for (i, &x) in event_xs.iter().enumerate() {
        if x < f.left || x > f.right {
            continue;
        }
        let top = f.top + style.gap;
        let spots = |w: f64, h: f64| beside_line(x, &event_xs, top, style.gap, w, h);
        scene.own_line = Some(x);
        if let Some(mut p) = scene.fit(
            LabelOf::Event(i),
            &c.events[i].label,
            &width,
            style,
            &spots,
            None,
            4,
        ) {
            let y = p.area.y0 + style.line_height / 2.0;
            let near = if p.area.x0 >= x { p.area.x0 } else { p.area.x1 };
            if (near - x).abs() > style.gap * 1.5 {
                p.leader = Some([(x, y), (near, y)]);
            }
            scene.taken.push(p.area);
            placed.push(p);
        }
        scene.own_line = None;
    }
    let main = c.series.first().map(|s| s.points.as_slice()).unwrap_or(&[]);
    let visible: Vec<usize> = (0..main.len())
        .filter(|i| f.holds(f.at(main[*i].x, main[*i].y)))
        .collect();
    if visible.len() <= MAX_VALUE_LABELS {
        for i in visible {
            let p = &main[i];
            let words = format::value_short(p.y, &c.unit);
            let at = f.at(p.x, p.y);
            let spots = |w: f64, h: f64| around(at, style.point + style.gap, w, h);
            if let Some(p) = scene.fit(
                LabelOf::Value(i),
                &words,
                &width,
                style,
                &spots,
                Some(at),
                2,
            ) {
                scene.taken.push(p.area);
                placed.push(p);
            }
        }
    }
    placed
}

/// Candidate spots for a `w`×`h` box beside a mark at `p` with `r` of clearance: right,
/// left, above, below, the corners, then further up and down on either side.
fn around(p: (f64, f64), r: f64, w: f64, h: f64) -> Vec<Area> {
    let (x, y) = p;
    let mut out = vec![
        Area::at(x + r, y - h / 2.0, w, h),
        Area::at(x - r - w, y - h / 2.0, w, h),
        Area::at(x - w / 2.0, y - r - h, w, h),
        Area::at(x - w / 2.0, y + r, w, h),
        Area::at(x + r, y - r * 0.5 - h, w, h),
        Area::at(x + r, y + r * 0.5, w, h),
        Area::at(x - r - w, y - r * 0.5 - h, w, h),
        Area::at(x - r - w, y + r * 0.5, w, h),
    ];
    for k in 1..=8 {
        let dy = k as f64 * (h + r) * 0.5;
        for (sx, sy) in [(1.0, -1.0), (1.0, 1.0), (-1.0, -1.0), (-1.0, 1.0)] {
            let left = if sx > 0.0 { x + r } else { x - r - w };
            out.push(Area::at(left, y - h / 2.0 + sy * dy, w, h));
        }
    }
    out
}

/// Candidate spots for a label beside a vertical line at `x`, from `top` down in rows:
/// beside the line itself first, then past each neighbouring line (`lines`), nearest
/// first, reached by a leader.
fn beside_line(x: f64, lines: &[f64], top: f64, gap: f64, w: f64, h: f64) -> Vec<Area> {
    let mut starts: Vec<f64> = lines.iter().copied().filter(|l| *l != x).collect();
    starts.sort_by(|a, b| (a - x).abs().total_cmp(&(b - x).abs()));
    let mut out = Vec::new();
    for anchor in std::iter::once(x).chain(starts) {
        for row in 0..6 {
            let y = top + row as f64 * (h + gap);
            if anchor >= x {
                out.push(Area::at(anchor + gap, y, w, h));
            }
            if anchor <= x {
                out.push(Area::at(anchor - gap - w, y, w, h));
            }
        }
    }
    out
}

/// What labels must keep clear of, in page pixels.
struct Scene {
    frame: Area,
    /// Labels placed so far.
    taken: Vec<Area>,
    /// Markers and points.
    marks: Vec<Area>,
    /// Event lines' x.
    event_lines: Vec<f64>,
    /// The line the label being placed belongs to (an event's own).
    own_line: Option<f64>,
    /// The x of the other targets' markers, while a target's label is placed: a label that
    /// spans one would read as that marker's.
    other_marks_x: Vec<f64>,
    /// The trajectory band: (x, top, bottom) at its two ends.
    band: Option<[(f64, f64, f64); 2]>,
    segments: Vec<[(f64, f64); 2]>,
    /// The widest a label may be before it is wrapped.
    max_width: f64,
}

impl Scene {
    fn of(c: &Chart, f: &Frame, style: &LabelStyle) -> Scene {
        let mut marks = Vec::new();
        let mut segments = Vec::new();
        let r = style.point;
        for s in &c.series {
            let pts: Vec<(f64, f64)> = s.points.iter().map(|p| f.at(p.x, p.y)).collect();
            for (v, p) in s.points.iter().zip(&pts).filter(|(_, p)| f.holds(**p)) {
                let halo = if v.worked_out { 1.75 } else { 1.0 };
                marks.push(Area::around(*p, r * halo + 1.0));
                if v.period_inferred.is_some() {
                    let (x, y) = *p;
                    marks.push(Area {
                        x0: x - r * 2.3,
                        y0: y + r * 1.3,
                        x1: x + r * 2.3,
                        y1: y + r * 2.7,
                    });
                }
            }
            segments.extend(pts.windows(2).filter_map(|w| f.clip_segment(w[0], w[1])));
        }
        for t in &c.targets {
            let p = f.at(t.x, t.y);
            if f.holds(p) {
                marks.push(Area::around(p, style.marker + 1.0));
            }
        }
        for d in &c.disagreements {
            let p = disagreement_at(d, f, style);
            if f.holds(p) {
                marks.push(Area::around(p, style.marker * 1.1 + 1.0));
            }
        }
        for [a, b] in c.projection.iter().chain(c.trajectory.iter()) {
            segments.extend(f.clip_segment(f.at(a.0, a.1), f.at(b.0, b.1)));
        }
        Scene {
            frame: f.area(),
            taken: Vec::new(),
            marks,
            event_lines: c.events.iter().map(|e| f.px(e.x)).collect(),
            own_line: None,
            other_marks_x: Vec::new(),
            band: c
                .band
                .map(|b| b.map(|(x, lo, hi)| (f.px(x), f.py(hi), f.py(lo)))),
            segments,
            max_width: (f.right - f.left) * 0.45,
        }
    }

    /// A spot for `words` that is free at the strictest level reached (0: clear of
    /// everything; 1: may cover the band, whose tint text stays legible on; 2: may cross lines
    /// too; 3: may cover marks; 4: may
    /// cover other labels), with the text on one line or wrapped narrower. With `near` (the
    /// mark labelled), the free spot nearest to it, a wrapped line counting as a little
    /// further; without, the first spot on one line, then wrapped.
    #[allow(clippy::too_many_arguments)]
    fn fit(
        &self,
        of: LabelOf,
        words: &str,
        width: &dyn Fn(&str) -> f64,
        style: &LabelStyle,
        spots: &dyn Fn(f64, f64) -> Vec<Area>,
        near: Option<(f64, f64)>,
        loosest: u8,
    ) -> Option<Placed> {
        let full = width(words);
        // A target's own words, then its year and value, each on a line of their own.
        let at_bracket = words
            .split_once(" (")
            .filter(|(a, _)| !a.is_empty() && width(a) <= self.max_width)
            .map(|(a, b)| vec![a.to_string(), format!("({b}")])
            .filter(|l| width(&l[1]) <= self.max_width);
        let shapes: Vec<(Vec<String>, f64, f64)> =
            std::iter::once(wrap(words, full.max(1.0), width))
                .chain(at_bracket)
                .chain(
                    [self.max_width, self.max_width * 0.55]
                        .into_iter()
                        .filter(|w| *w < full)
                        .map(|w| wrap(words, w.max(1.0), width)),
                )
                .map(|lines| {
                    let w = lines.iter().map(|l| width(l)).fold(0.0, f64::max);
                    let h = lines.len() as f64 * style.line_height;
                    (lines, w, h)
                })
                .collect();
        let placed = |lines: &Vec<String>, area| Placed {
            of,
            lines: lines.clone(),
            area,
            leader: None,
        };
        for level in 0..=loosest {
            let Some(p) = near else {
                for (lines, w, h) in &shapes {
                    if let Some(area) = spots(*w, *h).into_iter().find(|a| self.free(a, level)) {
                        return Some(placed(lines, area));
                    }
                }
                continue;
            };
            let cost = |lines: &Vec<String>, a: &Area| {
                a.distance_to(p) + (lines.len() - 1) as f64 * style.line_height * 0.5
            };
            let best = shapes
                .iter()
                .flat_map(|(lines, w, h)| spots(*w, *h).into_iter().map(move |a| (lines, a)))
                .filter(|(_, a)| self.free(a, level))
                .min_by(|(la, a), (lb, b)| cost(la, a).total_cmp(&cost(lb, b)));
            if let Some((lines, area)) = best {
                return Some(placed(lines, area));
            }
        }
        None
    }

    fn free(&self, a: &Area, level: u8) -> bool {
        if !a.inside(&self.frame) {
            return false;
        }
        let own = |x: f64| self.own_line.is_some_and(|o| (o - x).abs() < 1e-9);
        let crosses_event = self
            .event_lines
            .iter()
            .any(|x| !own(*x) && *x > a.x0 && *x < a.x1);
        if level < 4 && (crosses_event || self.taken.iter().any(|t| t.overlaps(a))) {
            return false;
        }
        let spans_other = self.other_marks_x.iter().any(|x| *x > a.x0 && *x < a.x1);
        if level < 3 && (spans_other || self.marks.iter().any(|m| m.overlaps(a))) {
            return false;
        }
        if level < 1 && self.band.is_some_and(|b| band_overlaps(b, a)) {
            return false;
        }
        level >= 2 || !self.segments.iter().any(|[p, q]| a.crosses(*p, *q))
    }
}

/// Does the box touch the band between its two ends (x, top, bottom)?
fn band_overlaps(b: [(f64, f64, f64); 2], a: &Area) -> bool {
    let [(xa, ta, ba), (xb, tb, bb)] = if b[0].0 <= b[1].0 { b } else { [b[1], b[0]] };
    let (x0, x1) = (a.x0.max(xa), a.x1.min(xb));
    if x0 >= x1 {
        return false;
    }
    let at = |x: f64, va: f64, vb: f64| {
        if xb - xa < 1e-9 {
            va
        } else {
            va + (vb - va) * (x - xa) / (xb - xa)
        }
    };
    let top = at(x0, ta, tb).min(at(x1, ta, tb));
    let bottom = at(x0, ba, bb).max(at(x1, ba, bb));
    a.y0 < bottom && a.y1 > top
}

/// Break `text` at spaces into lines no wider than `max` (a word wider than that keeps a
/// line of its own).
pub fn wrap(text: &str, max: f64, width: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if width(&format!("{line} {word}")) <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
#[path = "labels_tests.rs"]
mod tests;
