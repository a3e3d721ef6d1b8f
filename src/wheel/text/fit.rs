//! Fitting a label into an annular sector (tangential or radial, wrapped, else cut) or
//! into the centre disc.

use super::{Label, TextMeasurer, Words, wrap, wrap_cut};
use std::f32::consts::{FRAC_PI_2, FRAC_PI_4, PI, TAU};

/// Which way text runs in a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Along the radius.
    Radial,
    /// Across the radius (along the ring).
    Tangential,
    /// Along the ring, against its inner edge: in a wide sector a straight line has more
    /// room there, its ends curving away from the ring's outer edge.
    Inward,
}

/// The annular sector a label must stay inside (angles clockwise from 12 o'clock).
#[derive(Debug, Clone, Copy)]
pub struct Sector {
    pub start: f32,
    pub end: f32,
    pub r0: f32,
    pub r1: f32,
}

/// Padding between a label and its segment's edges, in pixels.
pub const PAD: f32 = 3.0;

fn polar(r: f32, theta: f32) -> [f32; 2] {
    [r * theta.sin(), -r * theta.cos()]
}

/// Largest line length for a block of `thickness` in `sec` with `o`.
fn max_line(sec: &Sector, o: Orientation, thickness: f32) -> f32 {
    let dtheta = sec.end - sec.start;
    let half = dtheta / 2.0;
    let full = dtheta >= TAU - 1e-3;
    let rout = sec.r1 - PAD;
    match o {
        Orientation::Radial => {
            if !full {
                // Thickness across the angle at the inner end.
                let ra = sec.r0 + PAD;
                let avail = if half >= FRAC_PI_2 * 0.9 {
                    f32::INFINITY
                } else {
                    2.0 * (ra * half.tan() - PAD)
                };
                if thickness > avail {
                    return 0.0;
                }
            }
            let rm = (sec.r0 + sec.r1) / 2.0;
            let outer = (rout * rout - thickness * thickness / 4.0).max(0.0).sqrt() - rm;
            let inner = rm - sec.r0 - PAD;
            (2.0 * outer.min(inner)).max(0.0)
        }
        Orientation::Tangential => {
            let rm = (sec.r0 + sec.r1) / 2.0;
            if thickness > sec.r1 - sec.r0 - 2.0 * PAD {
                return 0.0;
            }
            let ra = rm - thickness / 2.0;
            let rb = rm + thickness / 2.0;
            let radial = 2.0 * (rout * rout - rb * rb).max(0.0).sqrt();
            let angular = if full || half >= FRAC_PI_2 * 0.9 {
                f32::INFINITY
            } else {
                2.0 * (ra * half.tan() - PAD)
            };
            radial.min(angular).max(0.0)
        }
        Orientation::Inward => {
            if !full && half < FRAC_PI_4 || thickness > sec.r1 - sec.r0 - 2.0 * PAD {
                return 0.0;
            }
            let (ra, rb) = inward(sec, thickness);
            let radial = 2.0 * (rout * rout - rb * rb).max(0.0).sqrt();
            let angular = if full || half >= FRAC_PI_2 {
                f32::INFINITY
            } else {
                2.0 * (ra * half.tan() - PAD)
            };
            radial.min(angular).max(0.0)
        }
    }
}

/// Inner and outer radius of an [`Orientation::Inward`] block of `thickness`.
fn inward(sec: &Sector, thickness: f32) -> (f32, f32) {
    let ra = sec.r0 + PAD;
    (ra, ra + thickness)
}

fn placed(
    sec: &Sector,
    o: Orientation,
    lines: Vec<String>,
    size: f32,
    lh: f32,
    truncated: bool,
) -> Label {
    let full = sec.end - sec.start >= TAU - 1e-3;
    let theta = if full {
        0.0
    } else {
        ((sec.start + sec.end) / 2.0).rem_euclid(TAU)
    };
    let rm = (sec.r0 + sec.r1) / 2.0;
    let angle = match o {
        Orientation::Radial => {
            if theta <= PI {
                theta - FRAC_PI_2
            } else {
                theta + FRAC_PI_2
            }
        }
        Orientation::Tangential | Orientation::Inward => {
            if !(FRAC_PI_2..=3.0 * FRAC_PI_2).contains(&theta) {
                theta
            } else {
                theta - PI
            }
        }
    };
    let rc = match o {
        Orientation::Inward => {
            let (ra, rb) = inward(sec, lines.len() as f32 * lh);
            (ra + rb) / 2.0
        }
        _ => rm,
    };
    Label {
        lines,
        centre: polar(rc, theta),
        angle,
        size,
        line_height: lh,
        truncated,
    }
}

/// What to try when fitting a label.
#[derive(Debug, Clone)]
pub struct FitSpec<'a> {
    pub orientations: &'a [Orientation],
    /// Font sizes to try, largest first; the last is also used for an ellipsised label.
    pub sizes: &'a [f32],
    pub max_lines: usize,
    /// When even the cut text will not fit, try shorter forms (down to two
    /// characters and an ellipsis, one line, also radial) before giving up.
    pub abbreviate: bool,
}

/// Is `p` inside `sec` and at least `pad` pixels from its edges?
fn inside_padded(sec: &Sector, p: [f32; 2], pad: f32) -> bool {
    let r = (p[0] * p[0] + p[1] * p[1]).sqrt();
    if r < sec.r0 + pad - 0.01 || r > sec.r1 - pad + 0.01 {
        return false;
    }
    let span = sec.end - sec.start;
    if span >= TAU - 1e-3 {
        return true;
    }
    let theta = p[0].atan2(-p[1]).rem_euclid(TAU);
    let rel = (theta - sec.start).rem_euclid(TAU);
    // Distance from the corner to each straight edge, measured across it.
    let d0 = r * rel.min(FRAC_PI_2).sin();
    let d1 = r * (span - rel).clamp(-FRAC_PI_2, FRAC_PI_2).sin();
    rel <= span && d0 >= pad - 0.01 && d1 >= pad - 0.01
}

/// The last resort for a name that will not wrap: the longest one-line form of it
/// (the whole name, else a prefix with an ellipsis, at least two characters) that
/// sits inside the segment's real shape with `o`, measured exactly rather than with
/// [`max_line`]'s conservative block (which is what lets a short word go radially
/// into a narrow wedge). Returns the line and how many characters of the text show.
fn one_line(
    text: &str,
    sec: &Sector,
    o: Orientation,
    size: f32,
    m: &dyn TextMeasurer,
) -> Option<(Label, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let form = |k: usize| -> Option<String> {
        if k >= chars.len() {
            return Some(text.to_string());
        }
        let prefix: String = chars[..k].iter().collect();
        let prefix = prefix
            .trim_end()
            .trim_end_matches([',', ';', ':', '-', '–']);
        (prefix.chars().count() >= 2).then(|| format!("{prefix}…"))
    };
    let label = |line: &str| {
        let mut l = placed(sec, o, vec![line.to_string()], size, size * 1.2, true);
        if o == Orientation::Radial && sec.end - sec.start < TAU - 1e-3 {
            // A wedge widens outwards: push a short word to the outer edge.
            let rout = sec.r1 - PAD;
            let rc = (rout * rout - (l.line_height / 2.0).powi(2))
                .max(0.0)
                .sqrt()
                - m.width(line, size) / 2.0;
            let rm = (sec.r0 + sec.r1) / 2.0;
            if rc > rm {
                let theta = ((sec.start + sec.end) / 2.0).rem_euclid(TAU);
                l.centre = polar(rc, theta);
            }
        }
        l
    };
    let fits = |line: &str| {
        // Corners, and the middle of each side (nearest the centre on the inner side).
        label(line).line_boxes(m).iter().all(|b| {
            (0..4).all(|i| {
                let (a, c) = (b[i], b[(i + 1) % 4]);
                let mid = [(a[0] + c[0]) / 2.0, (a[1] + c[1]) / 2.0];
                inside_padded(sec, a, PAD) && inside_padded(sec, mid, PAD)
            })
        })
    };
    // Wider forms never fit where a narrower one does not, so search for the longest.
    let (mut lo, mut hi) = (1usize, chars.len());
    let mut best: Option<(String, usize)> = None;
    while lo <= hi {
        let k = (lo + hi) / 2;
        match form(k) {
            Some(line) if fits(&line) => {
                best = Some((line, k.min(chars.len())));
                lo = k + 1;
            }
            Some(_) => hi = k - 1,
            None => lo = k + 1,
        }
    }
    // Prefer ending a cut at a word boundary when that keeps most of it ("Community…").
    if let Some((_, k)) = best
        && k < chars.len()
        && let Some(space) = chars[..k].iter().rposition(|c| c.is_whitespace())
        && space * 3 >= k * 2
        && let Some(shorter) = form(space)
    {
        best = Some((shorter, space));
    }
    best.map(|(line, k)| (label(&line), k))
}

/// Fit `text` into `sec`: the first orientation and size (in the spec's order) at
/// which the whole text fits wrapped; otherwise the text cut with an ellipsis at the
/// smallest size; None when not even that fits.
///
/// The cut form prefers showing about ten characters or more. With
/// [`FitSpec::abbreviate`], a shorter form comes before giving up: fewer
/// characters over the spec's lines, then one line (also radial) checked against
/// the segment's exact shape, down to two characters and an ellipsis.
pub fn fit(text: &str, sec: &Sector, spec: &FitSpec, m: &dyn TextMeasurer) -> Option<Label> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let words = Words::new(text, m);
    for &size in spec.sizes {
        let lh = size * 1.2;
        for &o in spec.orientations {
            for n in 1..=spec.max_lines {
                let len = max_line(sec, o, n as f32 * lh);
                if len < size * 1.5 {
                    break;
                }
                if let Some(lines) = words.wrap_within(len, n, size, m) {
                    return Some(placed(sec, o, lines, size, lh, false));
                }
            }
        }
    }
    // Ellipsised: the orientation and line count that show the most text.
    let size = *spec.sizes.last()?;
    let lh = size * 1.2;
    let total = text.chars().count();
    let useful = 10.min(total / 2);
    // Compare the cuts by what they show; build the lines of the chosen one only.
    let mut best: Option<(usize, Orientation, usize)> = None;
    let mut short: Option<(usize, Orientation, usize)> = None;
    for &o in spec.orientations {
        for n in 1..=spec.max_lines {
            let len = max_line(sec, o, n as f32 * lh);
            if len < size * 2.0 {
                break;
            }
            if let Some(shown) = words.cut_shown(len, n, size) {
                let slot = if shown >= useful {
                    &mut best
                } else {
                    &mut short
                };
                if slot.as_ref().is_none_or(|b| shown > b.0) {
                    *slot = Some((shown, o, n));
                }
            }
        }
    }
    let cut = |(shown, o, n): (usize, Orientation, usize)| {
        let (lines, _) = wrap_cut(text, max_line(sec, o, n as f32 * lh), n, size, m)?;
        Some((shown, placed(sec, o, lines, size, lh, true)))
    };
    if let Some((_, label)) = best.and_then(cut) {
        return Some(label);
    }
    if !spec.abbreviate {
        return None;
    }
    // One line checked exactly, in the spec's orientations and radially.
    let mut orientations = spec.orientations.to_vec();
    if !orientations.contains(&Orientation::Radial) {
        orientations.push(Orientation::Radial);
    }
    let mut short = short.and_then(cut);
    for o in orientations {
        if let Some((mut label, shown)) = one_line(text, sec, o, size, m)
            && short.as_ref().is_none_or(|b| shown > b.0)
        {
            label.truncated = shown < total;
            short = Some((shown, label));
        }
    }
    short.map(|(_, label)| label)
}

/// Fit text horizontally inside a disc of radius `r` centred on the origin: the
/// largest size at which it all fits; otherwise, at the smallest size, the line count
/// that shows the most of it cut with an ellipsis (never nothing while two characters
/// and an ellipsis fit).
pub fn fit_disc(text: &str, r: f32, sizes: &[f32], m: &dyn TextMeasurer) -> Option<Label> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    // Width of a block of `n` lines at line height `lh`, None when too narrow.
    let width = |n: usize, lh: f32, size: f32| {
        let t = n as f32 * lh;
        let w = 2.0 * ((r - PAD).powi(2) - (t / 2.0).powi(2)).max(0.0).sqrt() - 2.0 * PAD;
        (w >= size * 2.0).then_some(w)
    };
    let label = |lines, size: f32, truncated| Label {
        lines,
        centre: [0.0, 0.0],
        angle: 0.0,
        size,
        line_height: size * 1.2,
        truncated,
    };
    let words = Words::new(text, m);
    for &size in sizes {
        let lh = size * 1.2;
        let max_n = ((2.0 * (r - PAD)) / lh).floor() as usize;
        for n in 1..=max_n.min(12) {
            let Some(w) = width(n, lh, size) else {
                continue;
            };
            if words.count_lines(w, size, n) <= n {
                return Some(label(wrap(text, w, size, m), size, false));
            }
        }
    }
    // Cut short at the smallest size: the line count that shows the most text.
    let size = *sizes.last()?;
    let lh = size * 1.2;
    let max_n = (((2.0 * (r - PAD)) / lh).floor() as usize).clamp(1, 12);
    let mut best: Option<(usize, usize, f32)> = None;
    for n in 1..=max_n {
        let Some(w) = width(n, lh, size) else {
            continue;
        };
        if let Some(shown) = words.cut_shown(w, n, size)
            && best.is_none_or(|b| shown > b.0)
        {
            best = Some((shown, n, w));
        }
    }
    let (_, n, w) = best?;
    let (lines, _) = wrap_cut(text, w, n, size, m)?;
    Some(label(lines, size, true))
}
