//! A text measured once, for every size, orientation and line count a fit tries.

use super::TextMeasurer;
use super::{breaks_anywhere, wrap};
use std::ops::Range;

/// A text measured once, character by character, for every size, orientation and line count
/// a fit tries (a large wheel fits thousands of labels on each resize). Its counts give the
/// same answers as [`wrap`] and [`wrap_cut`] without building any line.
pub(super) struct Words<'a> {
    text: &'a str,
    /// Width in ems of each character, in order.
    ems: Vec<f32>,
    /// The words [`wrap`] splits the text into: their characters' range in `ems`, and
    /// their width in ems as the measurer gives it for the whole word.
    words: Vec<(Range<usize>, f32)>,
    /// Scripts without spaces are cut between any characters.
    anywhere: bool,
    space: f32,
    ellipsis: f32,
    x: f32,
}

impl<'a> Words<'a> {
    pub(super) fn new(text: &'a str, m: &dyn TextMeasurer) -> Self {
        let mut ems = Vec::with_capacity(text.len());
        // Each word's characters and bytes.
        let mut spans: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        let mut word: Option<(usize, usize)> = None; // the character and byte it began at
        for (b, c) in text.char_indices() {
            let k = ems.len();
            ems.push(m.em(c));
            match (c.is_whitespace(), word) {
                (false, None) => word = Some((k, b)),
                (true, Some((from, fb))) => {
                    spans.push((from..k, fb..b));
                    word = None;
                }
                _ => {}
            }
        }
        if let Some((from, fb)) = word {
            spans.push((from..ems.len(), fb..text.len()));
        }
        // A word's width as the measurer gives it (shaped: joined Arabic letters are
        // narrower than their sum).
        let words = spans
            .into_iter()
            .map(|(chars, bytes)| (chars, m.width(&text[bytes], 1.0)))
            .collect();
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
    pub(super) fn count_lines(&self, max_w: f32, size: f32, limit: usize) -> usize {
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
    pub(super) fn wrap_within(
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
    pub(super) fn cut_shown(&self, max_w: f32, n: usize, size: f32) -> Option<usize> {
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
