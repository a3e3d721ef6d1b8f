//! Measuring, wrapping and fitting label text into annular segments (no egui).
//!
//! Widths come from a [`TextMeasurer`]: the window passes one built from the
//! fonts it actually draws with; exports use [`Estimate`], a deliberately
//! generous approximation of the bundled Ubuntu font, so text never spills.

use std::f32::consts::{FRAC_PI_2, PI, TAU};
use std::ops::Range;

/// Character advance widths in ems (width at font size 1).
pub trait TextMeasurer {
    fn em(&self, c: char) -> f32;

    /// Width of `s` at font size `size`.
    fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.em(c)).sum::<f32>() * size
    }
}

/// Advance widths of DejaVu Sans (the bundled export and window font) for ASCII
/// 32–126, in ems, read from the font file.
const DEJAVU_ASCII: [f32; 95] = [
    0.3179, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.3179,
    0.361, 0.3179, 0.337, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636,
    0.337, 0.337, 0.838, 0.838, 0.838, 0.531, 1.000, 0.684, 0.686, 0.698, 0.770, 0.632, 0.575,
    0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, 0.603, 0.787, 0.695, 0.635,
    0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390, 0.337, 0.390, 0.838, 0.500, 0.500,
    0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974,
    0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
    0.636, 0.337, 0.636, 0.838,
];

/// Widths of the bundled DejaVu Sans (regular) with a 3% margin; other scripts are
/// estimated generously (1 em for CJK, 0.8 em otherwise). Used for exports.
#[derive(Debug, Clone, Copy, Default)]
pub struct Estimate;

impl TextMeasurer for Estimate {
    fn em(&self, c: char) -> f32 {
        let w = match c {
            ' '..='~' => DEJAVU_ASCII[c as usize - 32],
            '…' | '—' => 1.0,
            '–' => 0.5,
            '‘' | '’' | '·' => 0.32,
            '“' | '”' => 0.52,
            '›' | '‹' => 0.40,
            '✔' | '✖' => 0.84,
            // CJK, Hangul, Kana and other wide scripts.
            c if ('\u{1100}'..='\u{115f}').contains(&c)
                || ('\u{2e80}'..='\u{a4cf}').contains(&c)
                || ('\u{ac00}'..='\u{d7a3}').contains(&c)
                || ('\u{f900}'..='\u{faff}').contains(&c)
                || ('\u{ff00}'..='\u{ff60}').contains(&c) =>
            {
                1.0
            }
            _ => 0.8,
        };
        w * 1.03
    }
}

/// Where a label's lines sit: centred on `centre` (relative to the wheel's centre),
/// baseline turned by `angle` radians (clockwise, screen coordinates).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub lines: Vec<String>,
    pub centre: [f32; 2],
    pub angle: f32,
    pub size: f32,
    pub line_height: f32,
    /// True when the text was cut short with an ellipsis (show the full text on hover).
    pub truncated: bool,
}

impl Label {
    /// Centre of each line, first line first.
    pub fn line_centres(&self) -> Vec<[f32; 2]> {
        let n = self.lines.len() as f32;
        let (s, c) = self.angle.sin_cos();
        let v = [-s, c];
        (0..self.lines.len())
            .map(|i| {
                let off = (i as f32 - (n - 1.0) / 2.0) * self.line_height;
                [self.centre[0] + v[0] * off, self.centre[1] + v[1] * off]
            })
            .collect()
    }

    /// The four corners of each line's box (given its measured width), for overlap tests.
    pub fn line_boxes(&self, m: &dyn TextMeasurer) -> Vec<[[f32; 2]; 4]> {
        let (s, c) = self.angle.sin_cos();
        let u = [c, s];
        let v = [-s, c];
        self.line_centres()
            .iter()
            .zip(&self.lines)
            .map(|(p, l)| {
                let hw = m.width(l, self.size) / 2.0;
                let hh = self.line_height / 2.0;
                let corner =
                    |a: f32, b: f32| [p[0] + u[0] * a + v[0] * b, p[1] + u[1] * a + v[1] * b];
                [
                    corner(-hw, -hh),
                    corner(hw, -hh),
                    corner(hw, hh),
                    corner(-hw, hh),
                ]
            })
            .collect()
    }
}

/// Greedy word wrap to `max_w` at `size`; words longer than a line are broken
/// between characters (which also wraps scripts without spaces).
pub fn wrap(text: &str, max_w: f32, size: f32, m: &dyn TextMeasurer) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0.0;
    let space = m.em(' ') * size;
    for word in text.split_whitespace() {
        let w = m.width(word, size);
        let extra = if cur.is_empty() { w } else { space + w };
        if cur_w + extra <= max_w {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
            cur_w += extra;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
            cur_w = 0.0;
        }
        if w <= max_w {
            cur.push_str(word);
            cur_w = w;
        } else {
            for ch in word.chars() {
                let cw = m.em(ch) * size;
                if cur_w + cw > max_w && !cur.is_empty() {
                    lines.push(std::mem::take(&mut cur));
                    cur_w = 0.0;
                }
                cur.push(ch);
                cur_w += cw;
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// A text measured once, character by character, for every size, orientation and line count
/// a fit tries (a large wheel fits thousands of labels on each resize). Its counts give the
/// same answers as [`wrap`] and [`wrap_cut`] without building any line.
struct Words<'a> {
    text: &'a str,
    /// Width in ems of each character, in order.
    ems: Vec<f32>,
    /// The words [`wrap`] splits the text into: their characters' range in `ems`, and
    /// their width in ems.
    words: Vec<(Range<usize>, f32)>,
    /// Scripts without spaces are cut between any characters.
    anywhere: bool,
    space: f32,
    ellipsis: f32,
    x: f32,
}

impl<'a> Words<'a> {
    fn new(text: &'a str, m: &dyn TextMeasurer) -> Self {
        let mut ems = Vec::with_capacity(text.len());
        let mut words = Vec::new();
        let mut word: Option<usize> = None; // the character the word began at
        for c in text.chars() {
            let k = ems.len();
            ems.push(m.em(c));
            match (c.is_whitespace(), word) {
                (false, None) => word = Some(k),
                (true, Some(from)) => {
                    words.push((from..k, 0.0));
                    word = None;
                }
                _ => {}
            }
        }
        if let Some(from) = word {
            words.push((from..ems.len(), 0.0));
        }
        for (r, em) in &mut words {
            *em = ems[r.clone()].iter().sum();
        }
        Words {
            text,
            anywhere: breaks_anywhere(text),
            ems,
            words,
            space: m.em(' '),
            ellipsis: m.em('…'),
            x: m.em('x'),
        }
    }

    fn sum(&self, from: f32, chars: Range<usize>) -> f32 {
        self.ems[chars].iter().fold(from, |a, e| a + e)
    }

    /// How many lines [`wrap`] gives at `max_w` and `size`, counted without building them;
    /// stops counting past `limit`.
    fn count_lines(&self, max_w: f32, size: f32, limit: usize) -> usize {
        let space = self.space * size;
        let (mut lines, mut cur_w, mut empty) = (0, 0.0, true);
        for (chars, em) in &self.words {
            let w = em * size;
            let extra = if empty { w } else { space + w };
            if cur_w + extra <= max_w {
                cur_w += extra;
                empty = false;
                continue;
            }
            if !empty {
                lines += 1;
                if lines > limit {
                    return lines;
                }
                (cur_w, empty) = (0.0, true);
            }
            if w <= max_w {
                (cur_w, empty) = (w, false);
            } else {
                for em in &self.ems[chars.clone()] {
                    let cw = em * size;
                    if cur_w + cw > max_w && !empty {
                        lines += 1;
                        cur_w = 0.0;
                    }
                    cur_w += cw;
                    empty = false;
                }
            }
        }
        lines + usize::from(!empty)
    }

    /// [`wrap_words`] into at most `n` lines, or None.
    fn wrap_within(
        &self,
        max_w: f32,
        n: usize,
        size: f32,
        m: &dyn TextMeasurer,
    ) -> Option<Vec<String>> {
        if !self.anywhere && self.words.iter().any(|(_, em)| em * size > max_w) {
            return None;
        }
        (self.count_lines(max_w, size, n) <= n).then(|| wrap(self.text, max_w, size, m))
    }

    /// How many characters [`wrap_cut`] shows, worked out from the measured characters.
    fn cut_shown(&self, max_w: f32, n: usize, size: f32) -> Option<usize> {
        // The pieces a cut may break between, as character ranges.
        let tokens: Box<dyn Iterator<Item = Range<usize>>> = if self.anywhere {
            Box::new((0..self.ems.len()).map(|k| k..k + 1))
        } else {
            Box::new(self.words.iter().map(|(r, _)| r.clone()))
        };
        let sep = usize::from(!self.anywhere);
        let mut line: Vec<Range<usize>> = Vec::new();
        let (mut cur_em, mut cur_chars, mut done, mut shown) = (0.0, 0, 0, 0);
        for t in tokens {
            let candidate_em = if line.is_empty() {
                self.sum(0.0, t.clone())
            } else if self.anywhere {
                self.sum(cur_em, t.clone())
            } else {
                self.sum(cur_em + self.space, t.clone())
            };
            if candidate_em * size <= max_w {
                cur_chars += if line.is_empty() { 0 } else { sep } + t.len();
                line.push(t);
                cur_em = candidate_em;
                continue;
            }
            if done + 1 < n && !line.is_empty() && self.sum(0.0, t.clone()) * size <= max_w {
                done += 1;
                shown += cur_chars;
                cur_chars = t.len();
                cur_em = self.sum(0.0, t.clone());
                line.clear();
                line.push(t);
                continue;
            }
            // The cut: what `ellipsize` keeps of the line, this piece and " x".
            line.push(t);
            let seps = line.iter().enumerate().flat_map(|(i, r)| {
                let space = (i > 0 && sep == 1).then_some((self.space, true));
                space
                    .into_iter()
                    .chain(self.ems[r.clone()].iter().map(|e| (*e, false)))
            });
            let tail = [(self.space, true), (self.x, false)];
            let mut w = self.ellipsis * size;
            let (mut kept, mut last_space) = (0, false);
            for (em, space) in seps.chain(tail) {
                let cw = em * size;
                if w + cw > max_w {
                    break;
                }
                w += cw;
                kept += 1;
                last_space = space;
            }
            // `trim_end`: the pieces hold no white space, so only one space can end it.
            let kept = kept - usize::from(last_space);
            return (kept >= 2).then_some(shown + kept);
        }
        Some(shown + cur_chars)
    }
}

/// Cut `line` so that it and an ellipsis fit in `max_w`; None if not even one character does.
pub fn ellipsize(line: &str, max_w: f32, size: f32, m: &dyn TextMeasurer) -> Option<String> {
    let ell = m.em('…') * size;
    let mut w = ell;
    let mut out = String::new();
    for ch in line.chars() {
        let cw = m.em(ch) * size;
        if w + cw > max_w {
            break;
        }
        out.push(ch);
        w += cw;
    }
    let out = out.trim_end().to_string();
    if out.chars().count() < 2 {
        return None;
    }
    Some(out + "…")
}

/// Which way text runs in a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Along the radius.
    Radial,
    /// Across the radius (along the ring).
    Tangential,
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
    }
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
        Orientation::Tangential => {
            if !(FRAC_PI_2..=3.0 * FRAC_PI_2).contains(&theta) {
                theta
            } else {
                theta - PI
            }
        }
    };
    Label {
        lines,
        centre: polar(rm, theta),
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

/// Text without spaces in a wide script (Chinese, Japanese…) may break between any characters.
fn breaks_anywhere(text: &str) -> bool {
    !text.contains(char::is_whitespace) && text.chars().any(|c| c >= '\u{2e80}')
}

/// Word wrap that refuses to break inside a word (None if a word is too long),
/// except for scripts written without spaces.
pub fn wrap_words(text: &str, max_w: f32, size: f32, m: &dyn TextMeasurer) -> Option<Vec<String>> {
    if !breaks_anywhere(text) && text.split_whitespace().any(|w| m.width(w, size) > max_w) {
        return None;
    }
    Some(wrap(text, max_w, size, m))
}

/// At most `n` lines of `text` in `max_w`, the last cut with an ellipsis if the text
/// does not fit; None if too little would show to be useful (about ten characters).
pub fn wrap_truncated(
    text: &str,
    max_w: f32,
    n: usize,
    size: f32,
    m: &dyn TextMeasurer,
) -> Option<Vec<String>> {
    let (lines, shown) = wrap_cut(text, max_w, n, size, m)?;
    let total = text.chars().count();
    (shown >= 10.min(total / 2)).then_some(lines)
}

/// At most `n` lines of `text` in `max_w`, the last cut with an ellipsis if the text
/// does not fit, and how many characters of the text show; None only when not even
/// two characters and an ellipsis fit.
fn wrap_cut(
    text: &str,
    max_w: f32,
    n: usize,
    size: f32,
    m: &dyn TextMeasurer,
) -> Option<(Vec<String>, usize)> {
    let anywhere = breaks_anywhere(text);
    // Read lazily: the cut usually comes long before the end of a long text.
    let tokens: Box<dyn Iterator<Item = &str>> = if anywhere {
        Box::new(text.char_indices().map(|(i, c)| &text[i..i + c.len_utf8()]))
    } else {
        Box::new(text.split_whitespace())
    };
    let sep = if anywhere { "" } else { " " };
    // Widths in ems summed character by character, in order, as `TextMeasurer::width` sums
    // them: the running sum of the line so far continues over the next word rather than
    // measuring the whole line again for each word.
    let sum = |from: f32, s: &str| s.chars().fold(from, |a, c| a + m.em(c));
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_em = 0.0;
    let count = |lines: &[String]| lines.iter().map(|l| l.chars().count()).sum::<usize>();
    for w in tokens {
        let candidate_em = if cur.is_empty() {
            sum(0.0, w)
        } else {
            sum(sum(cur_em, sep), w)
        };
        if candidate_em * size <= max_w {
            if !cur.is_empty() {
                cur.push_str(sep);
            }
            cur.push_str(w);
            cur_em = candidate_em;
            continue;
        }
        if lines.len() + 1 < n && !cur.is_empty() && m.width(w, size) <= max_w {
            lines.push(std::mem::replace(&mut cur, w.to_string()));
            cur_em = sum(0.0, w);
            continue;
        }
        // The last line, or a word too long for any line: cut here.
        if !cur.is_empty() {
            cur.push_str(sep);
        }
        cur.push_str(w);
        cur.push_str(" x");
        lines.push(ellipsize(&cur, max_w, size, m)?);
        let shown = count(&lines) - 1;
        return Some((lines, shown));
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    let shown = count(&lines);
    Some((lines, shown))
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

/// Is the point (x, y) inside `sec` (with a small tolerance)?
pub fn inside(sec: &Sector, p: [f32; 2]) -> bool {
    let r = (p[0] * p[0] + p[1] * p[1]).sqrt();
    if r < sec.r0 - 0.5 || r > sec.r1 + 0.5 {
        return false;
    }
    if sec.end - sec.start >= TAU - 1e-3 {
        return true;
    }
    let theta = p[0].atan2(-p[1]).rem_euclid(TAU);
    let rel = (theta - sec.start).rem_euclid(TAU);
    let tol = 0.5 / r.max(1.0);
    rel <= sec.end - sec.start + tol || rel >= TAU - tol
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_word_and_breaks_long_ones() {
        let m = Estimate;
        let lines = wrap("We want enough nutritious food to eat", 80.0, 12.0, &m);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), "We want enough nutritious food to eat");
        for l in &lines {
            assert!(m.width(l, 12.0) <= 80.0, "{l}");
        }
        let cjk = wrap("卢顿二零四零年愿景每个人都有体面的家", 50.0, 12.0, &m);
        assert!(cjk.len() > 1);
        for l in &cjk {
            assert!(m.width(l, 12.0) <= 50.0);
        }
    }

    #[test]
    fn fitted_labels_stay_inside_their_sector() {
        let m = Estimate;
        let spec = FitSpec {
            orientations: &[Orientation::Tangential, Orientation::Radial],
            sizes: &[14.0, 11.0],
            max_lines: 3,
            abbreviate: true,
        };
        for (i, text) in [
            "Health",
            "Every child has the best start in life and is safe, healthy and happy",
            "Supercalifragilisticexpialidociousness-of-the-town",
        ]
        .iter()
        .enumerate()
        {
            for k in 0..12 {
                let start = k as f32 * 0.5;
                let sec = Sector {
                    start,
                    end: start + 0.3 + i as f32 * 0.2,
                    r0: 100.0,
                    r1: 220.0,
                };
                if let Some(l) = fit(text, &sec, &spec, &m) {
                    for b in l.line_boxes(&m) {
                        for c in b {
                            assert!(inside(&sec, c), "{text} {k} {c:?} {l:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_long_vision_is_cut_to_show_the_most_but_never_vanishes() {
        let m = Estimate;
        let vision = "A place where everyone can thrive: a made-up vision for a made-up \
                      programme, generated to try Outcome Explorer at scale.";
        assert!(vision.chars().count() > 110);
        let words: Vec<&str> = vision.split_whitespace().collect();
        // Discs from a small window's centre up to an export's, at the smallest size.
        for r in (30..=110).step_by(4) {
            let r = r as f32;
            let l = fit_disc(vision, r, &[12.0, 10.0, 8.9], &m)
                .unwrap_or_else(|| panic!("the vision vanished in a disc of radius {r}"));
            assert!(l.lines.iter().all(|t| !t.trim().is_empty()), "{r}: {l:?}");
            // What shows is the start of the vision, in order.
            let shown = l.lines.join(" ");
            let shown = shown.trim_end_matches('…');
            let shown_words: Vec<&str> = shown.split_whitespace().collect();
            for (k, w) in shown_words.iter().enumerate() {
                assert!(words[k].starts_with(w), "{r}: {shown_words:?}");
            }
            // Inside the disc.
            for b in l.line_boxes(&m) {
                for c in b {
                    assert!((c[0] * c[0] + c[1] * c[1]).sqrt() <= r + 0.5, "{r}: {l:?}");
                }
            }
            // No other line count shows more of it.
            let size = l.size;
            let lh = size * 1.2;
            let chars = |lines: &[String]| lines.iter().map(|t| t.chars().count()).sum::<usize>();
            let ours = chars(&l.lines);
            for n in 1..=12usize {
                let t = n as f32 * lh;
                let w = 2.0 * ((r - PAD).powi(2) - (t / 2.0).powi(2)).max(0.0).sqrt() - 2.0 * PAD;
                if t > 2.0 * (r - PAD) || w < size * 2.0 {
                    continue;
                }
                if let Some((lines, _)) = wrap_cut(vision, w, n, size, &m) {
                    assert!(
                        chars(&lines) <= ours,
                        "{r}: {n} lines show more: {lines:?} vs {l:?}"
                    );
                }
            }
        }
        // A disc that holds only a cut first word still shows it.
        let l = fit_disc(vision, 20.0, &[8.9], &m).expect("a cut first word");
        assert!(
            l.truncated && l.lines.len() == 1 && l.lines[0].ends_with('…'),
            "{l:?}"
        );
    }

    proptest::proptest! {
        /// The counting shortcuts a fit takes agree with the wrapping they stand for.
        #[test]
        fn counting_agrees_with_wrapping(
            text in "[a-zA-Z ,.'’é中文]{0,80}",
            max_w in 5.0f32..300.0,
            size in 8.0f32..24.0,
            n in 1usize..5,
        ) {
            let m = Estimate;
            let words = Words::new(&text, &m);
            let lines = wrap(&text, max_w, size, &m).len();
            proptest::prop_assert_eq!(words.count_lines(max_w, size, usize::MAX), lines);
            let within = words.wrap_within(max_w, n, size, &m);
            let expected = wrap_words(&text, max_w, size, &m).filter(|l| l.len() <= n);
            proptest::prop_assert_eq!(within, expected);
            let shown = words.cut_shown(max_w, n, size);
            proptest::prop_assert_eq!(shown, wrap_cut(&text, max_w, n, size, &m).map(|(_, k)| k));
        }
    }
}
