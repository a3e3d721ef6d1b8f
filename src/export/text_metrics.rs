//! How wide text is in the fonts the exports embed, measured the way resvg will draw it.
//!
//! Each character is drawn by the first bundled font that has it: DejaVu Sans (regular or
//! bold), then the fallbacks in [`super::fonts::FALLBACKS`] order, which is the order the
//! renderer's font database tries them. [`em`] gives one character's advance in ems (fast,
//! cached, for code that sums widths character by character); [`width`] shapes the string
//! with rustybuzz, as resvg does (kerning, Arabic joining, Indic clusters), for an exact
//! figure. No egui here: the window measures with its own fonts.

use std::ops::Range;
use std::sync::OnceLock;

/// Regular or bold type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Weight {
    #[default]
    Regular,
    Bold,
}

/// A bundled font, parsed once per process.
struct Font {
    face: rustybuzz::Face<'static>,
    /// Font units per em.
    upem: f32,
}

struct Fonts {
    regular: Font,
    bold: Font,
    fallbacks: Vec<Font>,
    /// Advances in ems per 256-character block of the Basic Multilingual Plane, for each
    /// weight, filled on first use.
    blocks: [[OnceLock<Box<[f32; 256]>>; 256]; 2],
}

/// Family names of the fallbacks, in [`super::fonts::FALLBACKS`] order.
const FALLBACK_FAMILIES: [&str; 6] = [
    "Noto Naskh Arabic",
    "Noto Sans Gurmukhi",
    "Noto Sans Gujarati",
    "Lohit Bengali",
    "Lohit Devanagari",
    "Droid Sans Fallback",
];

fn font(data: &'static [u8]) -> Font {
    let face = rustybuzz::Face::from_slice(data, 0).expect("bundled fonts parse");
    let upem = face.units_per_em() as f32;
    Font { face, upem }
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: font(super::fonts::SANS),
        bold: font(super::fonts::SANS_BOLD),
        fallbacks: super::fonts::FALLBACKS
            .iter()
            .map(|(_, data)| font(data))
            .collect(),
        blocks: std::array::from_fn(|_| std::array::from_fn(|_| OnceLock::new())),
    })
}

/// Which bundled font draws a character: the main one (DejaVu Sans of the weight) or a
/// fallback by its index in [`super::fonts::FALLBACKS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FontChoice {
    Main,
    Fallback(usize),
}

impl FontChoice {
    /// The family name to ask for in SVG.
    pub fn family(self) -> &'static str {
        match self {
            FontChoice::Main => super::fonts::FAMILY,
            FontChoice::Fallback(i) => FALLBACK_FAMILIES[i],
        }
    }
}

impl Fonts {
    fn main(&self, weight: Weight) -> &Font {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    fn get(&self, choice: FontChoice, weight: Weight) -> &Font {
        match choice {
            FontChoice::Main => self.main(weight),
            FontChoice::Fallback(i) => &self.fallbacks[i],
        }
    }

    /// The first font that has `c`, or `None` when no bundled font does.
    fn choose(&self, c: char, weight: Weight) -> Option<FontChoice> {
        if self.main(weight).face.glyph_index(c).is_some() {
            return Some(FontChoice::Main);
        }
        self.fallbacks
            .iter()
            .position(|f| f.face.glyph_index(c).is_some())
            .map(FontChoice::Fallback)
    }

    /// Nominal advance of `c` in ems (the missing-glyph box's for a character no font has).
    fn advance(&self, c: char, weight: Weight) -> f32 {
        let (font, glyph) = match self.choose(c, weight) {
            Some(choice) => {
                let font = self.get(choice, weight);
                (font, font.face.glyph_index(c).unwrap_or_default())
            }
            None => (self.main(weight), Default::default()),
        };
        font.face.glyph_hor_advance(glyph).unwrap_or(0) as f32 / font.upem
    }

    fn em(&self, c: char, weight: Weight) -> f32 {
        let code = c as u32;
        if code > 0xffff {
            return self.advance(c, weight);
        }
        let block = self.blocks[weight as usize][(code >> 8) as usize].get_or_init(|| {
            let base = code & !0xff;
            Box::new(std::array::from_fn(|i| {
                char::from_u32(base + i as u32).map_or(0.0, |c| self.advance(c, weight))
            }))
        });
        block[(code & 0xff) as usize]
    }
}

/// The parsed face of DejaVu Sans of `weight` (shaped and outlined by the direct raster).
pub(crate) fn main_face(weight: Weight) -> &'static rustybuzz::Face<'static> {
    &fonts().main(weight).face
}

/// Whether DejaVu Sans of `weight` has every character of `text`, so that the renderer
/// draws it all with that one font.
pub(crate) fn main_font_draws(text: &str, weight: Weight) -> bool {
    let face = main_face(weight);
    text.chars().all(|c| face.glyph_index(c).is_some())
}

/// The advance of one character in ems (its width at font size 1), in the font that
/// draws it. Characters that combine with the one before (accents, vowel signs) are
/// usually 0. Summing these over a string gives its width without kerning or joining,
/// which is within a few per cent of [`width`] and rarely less.
pub fn em(c: char, weight: Weight) -> f32 {
    fonts().em(c, weight)
}

/// Runs of a text that one font draws, in logical order. Spaces, digits and punctuation
/// stay in the run before them when its font has them.
pub fn runs(text: &str, weight: Weight) -> Vec<(Range<usize>, FontChoice)> {
    let f = fonts();
    let mut out: Vec<(Range<usize>, FontChoice)> = Vec::new();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let neutral = !c.is_alphabetic() && !is_mark(c);
        let choice = match (out.last_mut(), neutral) {
            (Some((range, last)), true) if f.get(*last, weight).face.glyph_index(c).is_some() => {
                range.end = end;
                continue;
            }
            _ => f.choose(c, weight).unwrap_or(FontChoice::Main),
        };
        match out.last_mut() {
            Some((range, last)) if *last == choice => range.end = end,
            _ => out.push((i..end, choice)),
        }
    }
    out
}

/// Combining marks (Unicode general categories Mn, Mc, Me), which belong to the letter
/// before them. Approximated by the blocks where the bundled scripts keep them.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{0610}'..='\u{061a}'
        | '\u{064b}'..='\u{065f}'
        | '\u{0670}'
        | '\u{06d6}'..='\u{06ed}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093a}'..='\u{094f}'
        | '\u{0951}'..='\u{0957}'
        | '\u{0962}'..='\u{0963}'
        | '\u{0981}'..='\u{0983}'
        | '\u{09bc}'..='\u{09d7}'
        | '\u{09e2}'..='\u{09e3}'
        | '\u{0a01}'..='\u{0a03}'
        | '\u{0a3c}'..='\u{0a51}'
        | '\u{0a70}'..='\u{0a71}'
        | '\u{0a75}'
        | '\u{0a81}'..='\u{0a83}'
        | '\u{0abc}'..='\u{0acd}'
        | '\u{0ae2}'..='\u{0ae3}'
        | '\u{200c}'..='\u{200d}'
    )
}

/// Shaped advance of `text` in `font`, in ems.
fn shaped(font: &Font, text: &str) -> f32 {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    let out = rustybuzz::shape(&font.face, &[], buffer);
    let units: i32 = out.glyph_positions().iter().map(|p| p.x_advance).sum();
    units as f32 / font.upem
}

/// The width of `text` at `size`, shaped run by run with the fonts that draw it, as the
/// renderer shapes it.
pub fn width(text: &str, size: f32, weight: Weight) -> f32 {
    let f = fonts();
    if text.is_ascii() {
        return shaped(f.main(weight), text) * size;
    }
    runs(text, weight)
        .into_iter()
        .map(|(range, choice)| shaped(f.get(choice, weight), &text[range]))
        .sum::<f32>()
        * size
}

/// A stretch of text that an SVG places on its own: its bytes, font and width in ems.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub range: Range<usize>,
    pub font: FontChoice,
    pub em_width: f32,
}

/// The [`runs`] of `text`, split further after every cluster that the renderer would
/// advance too little: resvg 0.45 advances a cluster by its widest glyph, not by the sum
/// of its glyphs, so a Gurmukhi, Gujarati or Bengali syllable with a spacing vowel sign
/// (ਭਾ, ਸ਼ੀ) would be overlapped by the next one. Each piece given its own `x` is drawn
/// right by resvg and by any other SVG reader, and shaped alone it gives the same glyphs,
/// since Indic shaping works syllable by syllable. Right-to-left runs are not split.
pub fn pieces(text: &str, weight: Weight) -> Vec<Piece> {
    let f = fonts();
    let mut out = Vec::new();
    for (range, choice) in runs(text, weight) {
        let font = f.get(choice, weight);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&text[range.clone()]);
        buffer.guess_segment_properties();
        let ltr = buffer.direction() != rustybuzz::Direction::RightToLeft;
        let shaped = rustybuzz::shape(&font.face, &[], buffer);
        let (infos, positions) = (shaped.glyph_infos(), shaped.glyph_positions());
        // Cut after each cluster whose glyphs' advances sum to more than the widest.
        let mut start = range.start;
        let mut piece_units = 0i32;
        let mut i = 0;
        while i < infos.len() {
            let cluster = infos[i].cluster;
            let (mut sum, mut widest) = (0i32, 0i32);
            while i < infos.len() && infos[i].cluster == cluster {
                sum += positions[i].x_advance;
                widest = widest.max(positions[i].x_advance);
                i += 1;
            }
            piece_units += sum;
            let end = infos.get(i).map(|g| range.start + g.cluster as usize);
            if let Some(end) = end.filter(|_| ltr && sum > widest) {
                out.push(Piece {
                    range: start..end,
                    font: choice,
                    em_width: piece_units as f32 / font.upem,
                });
                start = end;
                piece_units = 0;
            }
        }
        out.push(Piece {
            range: start..range.end,
            font: choice,
            em_width: piece_units as f32 / font.upem,
        });
    }
    out
}

/// Characters of `text` that no bundled font has (each once, in order), which would be
/// drawn as empty boxes.
pub fn missing(text: &str) -> Vec<char> {
    let f = fonts();
    let mut out = Vec::new();
    for c in text.chars() {
        if !c.is_control() && f.choose(c, Weight::Regular).is_none() && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Ascent and descent of the main font in ems (both positive): the space a line of text
/// takes above and below its baseline.
pub fn ascent_descent(weight: Weight) -> (f32, f32) {
    let font = fonts().main(weight);
    (
        font.face.ascender() as f32 / font.upem,
        -(font.face.descender() as f32) / font.upem,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_widths_match_the_font_file() {
        // DejaVu Sans: 'W' is 2025 units of 2048, space 651.
        assert!((em('W', Weight::Regular) - 2025.0 / 2048.0).abs() < 1e-4);
        assert!((em(' ', Weight::Regular) - 651.0 / 2048.0).abs() < 1e-4);
        assert!(em('W', Weight::Bold) > em('W', Weight::Regular));
        let sum: f32 = "Luton 2040".chars().map(|c| em(c, Weight::Regular)).sum();
        let w = width("Luton 2040", 10.0, Weight::Regular);
        assert!((w - sum * 10.0).abs() < 0.5, "{w} vs {}", sum * 10.0);
    }

    #[test]
    fn each_script_comes_from_a_font_that_has_it() {
        for (text, family) in [
            ("ہم چاہتے ہیں", "Noto Naskh Arabic"),
            ("ਸਿਹਤਮੰਦ ਜੀਵਨ", "Noto Sans Gurmukhi"),
            ("અમે સુરક્ષિત", "Noto Sans Gujarati"),
            ("নিরাপদ রাস্তা", "Lohit Bengali"),
            ("我们希望", "Droid Sans Fallback"),
        ] {
            let r = runs(text, Weight::Regular);
            assert_eq!(r.len(), 1, "{text}: {r:?}");
            assert_eq!(r[0].0, 0..text.len());
            assert_eq!(r[0].1.family(), family, "{text}");
            assert!(missing(text).is_empty(), "{text}");
            assert!(width(text, 20.0, Weight::Regular) > 20.0, "{text}");
        }
        assert_eq!(runs("Iechyd a lles ŵŷ", Weight::Bold).len(), 1);
    }

    #[test]
    fn mixed_text_is_split_into_runs_with_spaces_kept_inside() {
        let text = "ہر گھر کے لیے / Affordable energy";
        let r = runs(text, Weight::Regular);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].1.family(), "Noto Naskh Arabic");
        assert!(text[r[0].0.clone()].starts_with("ہر گھر کے لیے"));
        assert!(text[r[1].0.clone()].ends_with("/ Affordable energy"));
        assert_eq!(r[1].0.end, text.len());
    }

    #[test]
    fn joined_arabic_is_no_wider_than_its_letters_apart() {
        let text = "ہم چاہتے ہیں کہ ہمارے بچے محفوظ رہیں";
        let apart: f32 = text.chars().map(|c| em(c, Weight::Regular)).sum();
        let joined = width(text, 1.0, Weight::Regular);
        assert!(
            joined > 0.3 * apart && joined <= apart * 1.02,
            "{joined} vs {apart}"
        );
    }

    #[test]
    fn fallback_families_are_named_as_in_the_font_files() {
        let db = crate::export::fonts::database();
        for family in FALLBACK_FAMILIES {
            assert!(
                db.faces()
                    .any(|f| f.families.iter().any(|(n, _)| n == family)),
                "{family}"
            );
        }
    }

    #[test]
    fn characters_no_font_has_are_reported() {
        assert_eq!(missing("A\u{10FFFD}B\u{10FFFD}"), vec!['\u{10FFFD}']);
        assert!(missing("Cymraeg, Polski: żółć, Română: ț").is_empty());
    }
}
