//! Measuring, wrapping and fitting label text into annular segments (no egui).
//!
//! Widths come from a [`TextMeasurer`]: the window passes one built from the
//! fonts it actually draws with; exports use [`EmbeddedFonts`] (the fonts the SVG names and
//! the rasteriser draws with, fallbacks included); [`Estimate`] is a quick guess for
//! code that has neither.
//!
//! - here: measuring, line wrapping and cutting with an ellipsis;
//! - `words`: a text measured once, for the many tries a fit makes;
//! - `fit`: fitting a label into an annular sector or the centre disc.

mod fit;
mod words;

pub use fit::{FitSpec, Orientation, PAD, Sector, fit, fit_disc};
use words::Words;

use crate::export::text_metrics::{self, Weight};
use std::f32::consts::TAU;

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

/// Widths in the fonts the exports embed, as resvg draws them: each character in the first
/// bundled font that has it (Urdu in Noto Naskh Arabic, Punjabi in Noto Sans Gurmukhi…),
/// strings shaped with rustybuzz (words and lines; a word broken between letters sums the
/// letters' own advances, which for joined scripts says more than it takes). A 3% margin,
/// like [`Estimate`]'s, covers rounding in the renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmbeddedFonts;

impl EmbeddedFonts {
    const MARGIN: f32 = 1.03;
}

impl TextMeasurer for EmbeddedFonts {
    fn em(&self, c: char) -> f32 {
        text_metrics::em(c, Weight::Regular) * Self::MARGIN
    }

    fn width(&self, s: &str, size: f32) -> f32 {
        if needs_shaping(s) {
            text_metrics::width(s, size, Weight::Regular) * Self::MARGIN
        } else {
            // Letters that neither join nor combine are as wide as their advances (less
            // any kerning, which the margin covers): summing is exact enough and a hundred
            // times quicker than shaping, for the thousands of words a wheel fits.
            s.chars().map(|c| self.em(c)).sum::<f32>() * size
        }
    }
}

/// Whether `s` has letters whose width depends on their neighbours: scripts that join or
/// reorder (Hebrew, Arabic, Syriac, Thaana, N'Ko, the Indic scripts) or combining marks.
fn needs_shaping(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c,
            '\u{0300}'..='\u{036f}'
            | '\u{0590}'..='\u{08ff}'
            | '\u{0900}'..='\u{0dff}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{200c}'..='\u{200f}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{fb1d}'..='\u{fdff}'
            | '\u{fe20}'..='\u{fe2f}'
            | '\u{fe70}'..='\u{feff}'
        )
    })
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

    /// Exports measure other scripts as they are drawn: an Urdu, a Punjabi and a Chinese
    /// name are as wide as shaped in the embedded fonts (with the margin), not the 0.8 em per
    /// letter guess that made Urdu names look too wide to show.
    #[test]
    fn exports_measure_other_scripts_in_the_fonts_they_embed() {
        for name in [
            "ہر ایک کے لیے اچھی صحت",
            "ਹਰ ਪਰਿਵਾਰ ਲਈ ਸਿਹਤਮੰਦ ਜੀਵਨ",
            "每个家庭都有健康的生活",
            "Llai o blant yn byw mewn tlodi",
        ] {
            let shaped = text_metrics::width(name, 12.0, Weight::Regular);
            let measured = EmbeddedFonts.width(name, 12.0);
            assert!(
                measured >= shaped && measured <= shaped * 1.05,
                "{name}: measured {measured}, drawn {shaped}"
            );
        }
        let urdu = "ہر ایک کے لیے اچھی صحت";
        assert!(
            Estimate.width(urdu, 12.0) > EmbeddedFonts.width(urdu, 12.0) * 1.3,
            "the guess overstates Urdu, which is why exports do not use it"
        );
    }

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
