//! Checks an exported SVG the way a reader sees it: laid out by the renderer itself
//! (usvg with the bundled fonts), every text's inked box in canvas coordinates, then
//! no text over another, none leaving the canvas, no character drawn as an empty box.
//! Used by the picture tests on every export of the test projects.

use resvg::usvg;
use std::fmt;

/// One `<text>` as drawn: its content and the corners of its inked box (turned with
/// the text when it is rotated), in canvas units.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    pub text: String,
    pub corners: [[f32; 2]; 4],
    pub size: f32,
    /// Characters drawn with no glyph (an empty box), each once.
    pub missing: Vec<char>,
}

impl PlacedText {
    /// The axis-aligned box around the corners: `[min_x, min_y, max_x, max_y]`.
    pub fn bounds(&self) -> [f32; 4] {
        let xs = self.corners.map(|c| c[0]);
        let ys = self.corners.map(|c| c[1]);
        let min = |v: [f32; 4]| v.into_iter().fold(f32::INFINITY, f32::min);
        let max = |v: [f32; 4]| v.into_iter().fold(f32::NEG_INFINITY, f32::max);
        [min(xs), min(ys), max(xs), max(ys)]
    }
}

/// An exported picture's size and texts, in document order.
#[derive(Debug, Clone)]
pub struct Picture {
    pub width: f32,
    pub height: f32,
    pub texts: Vec<PlacedText>,
}

/// Something a reader would see wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Two texts' inked boxes overlap by more than the tolerance.
    Overlap { a: String, b: String, depth: f32 },
    /// A text's inked box reaches past the canvas edge by `by` units.
    OutsideCanvas { text: String, by: f32 },
    /// Characters no bundled font has, drawn as empty boxes.
    MissingGlyphs { text: String, chars: Vec<char> },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Overlap { a, b, depth } => {
                write!(f, "{a:?} overlaps {b:?} by {depth:.1}")
            }
            Problem::OutsideCanvas { text, by } => {
                write!(f, "{text:?} leaves the canvas by {by:.1}")
            }
            Problem::MissingGlyphs { text, chars } => {
                let codes: Vec<String> = chars
                    .iter()
                    .map(|c| format!("{c} U+{:04X}", *c as u32))
                    .collect();
                write!(f, "{text:?} has no glyph for {}", codes.join(", "))
            }
        }
    }
}

/// Overlaps and overhangs up to this many canvas units are allowed (antialiasing,
/// rounding of positions to hundredths).
pub const TOLERANCE: f32 = 0.75;

/// Lay out `svg` as the renderer does and collect its texts.
pub fn read(svg: &str) -> Result<Picture, String> {
    let tree = usvg::Tree::from_str(svg, &super::fonts::svg_options())
        .map_err(|e| format!("not a picture the renderer reads: {e}"))?;
    let mut texts = Vec::new();
    collect(tree.root(), &mut texts);
    Ok(Picture {
        width: tree.size().width(),
        height: tree.size().height(),
        texts,
    })
}

fn collect(group: &usvg::Group, out: &mut Vec<PlacedText>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect(g, out),
            usvg::Node::Text(t) => out.extend(placed(t)),
            _ => {}
        }
    }
}

fn placed(t: &usvg::Text) -> Option<PlacedText> {
    let text: String = t.chunks().iter().map(|c| c.text()).collect();
    let mut missing = Vec::new();
    let mut size = 0.0f32;
    for span in t.layouted() {
        size = size.max(span.font_size.get());
        for g in &span.positioned_glyphs {
            if g.id.0 == 0 {
                for c in g.text.chars() {
                    if !c.is_whitespace() && !missing.contains(&c) {
                        missing.push(c);
                    }
                }
            }
        }
    }
    // The inked box in the text's own coordinates; a text of spaces has none.
    let ink = t.flattened().bounding_box();
    if ink.width() <= 0.0 && ink.height() <= 0.0 && missing.is_empty() {
        return None;
    }
    let ts = t.abs_transform();
    let corner = |x: f32, y: f32| {
        let mut p = usvg::tiny_skia_path::Point::from_xy(x, y);
        ts.map_point(&mut p);
        [p.x, p.y]
    };
    Some(PlacedText {
        text,
        corners: [
            corner(ink.left(), ink.top()),
            corner(ink.right(), ink.top()),
            corner(ink.right(), ink.bottom()),
            corner(ink.left(), ink.bottom()),
        ],
        size,
        missing,
    })
}

/// How deep two convex quadrilaterals overlap (0 when apart): the smallest overlap of
/// their projections on the four edge normals (separating axis theorem).
pub fn overlap_depth(a: &[[f32; 2]; 4], b: &[[f32; 2]; 4]) -> f32 {
    let mut depth = f32::INFINITY;
    for quad in [a, b] {
        for i in 0..2 {
            let (p, q) = (quad[i], quad[i + 1]);
            let (nx, ny) = (q[1] - p[1], p[0] - q[0]);
            let len = (nx * nx + ny * ny).sqrt();
            if len == 0.0 {
                continue;
            }
            let project = |v: &[[f32; 2]; 4]| {
                v.iter()
                    .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), c| {
                        let d = (c[0] * nx + c[1] * ny) / len;
                        (lo.min(d), hi.max(d))
                    })
            };
            let (a0, a1) = project(a);
            let (b0, b1) = project(b);
            let o = a1.min(b1) - a0.max(b0);
            if o <= 0.0 {
                return 0.0;
            }
            depth = depth.min(o);
        }
    }
    if depth.is_finite() { depth } else { 0.0 }
}

/// Every problem in a picture: missing glyphs, texts leaving the canvas, texts over
/// one another.
pub fn problems(p: &Picture) -> Vec<Problem> {
    let mut out = Vec::new();
    for t in &p.texts {
        if !t.missing.is_empty() {
            out.push(Problem::MissingGlyphs {
                text: t.text.clone(),
                chars: t.missing.clone(),
            });
        }
        let [x0, y0, x1, y1] = t.bounds();
        let by = (-x0).max(-y0).max(x1 - p.width).max(y1 - p.height);
        if by > TOLERANCE {
            out.push(Problem::OutsideCanvas {
                text: t.text.clone(),
                by,
            });
        }
    }
    let bounds: Vec<[f32; 4]> = p.texts.iter().map(PlacedText::bounds).collect();
    let mut order: Vec<usize> = (0..p.texts.len()).collect();
    order.sort_by(|&i, &j| bounds[i][0].total_cmp(&bounds[j][0]));
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[k + 1..] {
            if bounds[j][0] >= bounds[i][2] - TOLERANCE {
                break;
            }
            let apart_y = bounds[j][1] >= bounds[i][3] - TOLERANCE
                || bounds[i][1] >= bounds[j][3] - TOLERANCE;
            if apart_y {
                continue;
            }
            let depth = overlap_depth(&p.texts[i].corners, &p.texts[j].corners);
            if depth > TOLERANCE {
                let (a, b) = if i < j { (i, j) } else { (j, i) };
                out.push(Problem::Overlap {
                    a: p.texts[a].text.clone(),
                    b: p.texts[b].text.clone(),
                    depth,
                });
            }
        }
    }
    out
}

/// [`read`] then [`problems`].
pub fn check(svg: &str) -> Result<Vec<Problem>, String> {
    read(svg).map(|p| problems(&p))
}

/// Names that no text (or run of consecutive texts, one per line) in the picture labels,
/// in full or shortened: a label starts its name, each further line goes on with it, and
/// a label ends either with the name's end or with an ellipsis "…". Each text labels at
/// most one name, so two names that start alike need two labels.
pub fn unlabelled<'a>(p: &Picture, names: &[&'a str]) -> Vec<&'a str> {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let names_n: Vec<String> = names.iter().map(|n| words(n)).collect();
    // For each text, the names a label starting there can stand for.
    let mut candidates: Vec<Vec<usize>> = vec![Vec::new(); p.texts.len()];
    for (i, cands) in candidates.iter_mut().enumerate() {
        for (k, name) in names_n.iter().enumerate() {
            if labels(&p.texts[i..], name) {
                cands.push(k);
            }
        }
    }
    // Match names to texts (augmenting paths; a few hundred of each at most).
    let mut owner: Vec<Option<usize>> = vec![None; p.texts.len()];
    fn assign(
        k: usize,
        candidates: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for i in 0..candidates.len() {
            if seen[i] || !candidates[i].contains(&k) {
                continue;
            }
            seen[i] = true;
            if owner[i].is_none_or(|other| assign(other, candidates, owner, seen)) {
                owner[i] = Some(k);
                return true;
            }
        }
        false
    }
    let mut missing = Vec::new();
    for (k, name) in names.iter().enumerate() {
        let mut seen = vec![false; p.texts.len()];
        if !assign(k, &candidates, &mut owner, &mut seen) {
            missing.push(*name);
        }
    }
    missing
}

/// Whether the texts, from the first on, spell `name` in full or up to an ellipsis.
fn labels(texts: &[PlacedText], name: &str) -> bool {
    let mut rest = name;
    for t in texts {
        let line = t.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let (line, cut) = match line.strip_suffix('…') {
            Some(l) => (l.trim_end().to_string(), true),
            None => (line, false),
        };
        // A word broken at the end of a line may carry a hyphen the name does not have.
        let line = match line.strip_suffix('-') {
            Some(stem) if !rest.starts_with(&line) => stem.to_string(),
            _ => line,
        };
        if line.is_empty() || !rest.starts_with(&line) {
            return false;
        }
        rest = rest[line.len()..].trim_start();
        if cut || rest.is_empty() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::svg::{Anchor, Svg, TextStyle};
    use crate::palette::INK;

    fn style(size: f64) -> TextStyle {
        TextStyle::new(size, INK)
    }

    #[test]
    fn texts_are_read_with_their_inked_boxes() {
        let mut s = Svg::new(400.0, 300.0, "t");
        s.text(10.0, 50.0, "Households", style(20.0));
        s.text(200.0, 150.0, "Turned", style(20.0).rotate(90.0));
        let p = read(&s.finish()).unwrap();
        assert_eq!((p.width, p.height), (400.0, 300.0));
        assert_eq!(p.texts.len(), 2);
        let [x0, y0, x1, y1] = p.texts[0].bounds();
        assert!((10.0..13.0).contains(&x0), "{x0}");
        assert!(y1 <= 50.5 && y0 > 30.0, "{y0} {y1}");
        let w = crate::export::text_metrics::width("Households", 20.0, Default::default());
        assert!((x1 - 10.0 - w).abs() < 3.0, "{x1} vs {w}");
        // Turned 90° clockwise: tall and narrow, running down from the anchor, the letters
        // standing to its right.
        let [x0, y0, x1, y1] = p.texts[1].bounds();
        assert!(y1 - y0 > 3.0 * (x1 - x0), "{:?}", p.texts[1].bounds());
        assert!(x0 >= 199.5 && y0 >= 149.0, "{:?}", p.texts[1].bounds());
        assert!(problems(&p).is_empty(), "{:?}", problems(&p));
    }

    #[test]
    fn overlapping_and_overhanging_texts_are_found() {
        let mut s = Svg::new(300.0, 100.0, "t");
        s.text(10.0, 40.0, "First label", style(20.0));
        s.text(60.0, 45.0, "Second label", style(20.0));
        s.text(
            290.0,
            90.0,
            "Off the edge",
            style(20.0).anchor(Anchor::Start),
        );
        let found = check(&s.finish()).unwrap();
        assert!(
            found
                .iter()
                .any(|p| matches!(p, Problem::Overlap { a, b, .. }
                if a == "First label" && b == "Second label")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| matches!(p, Problem::OutsideCanvas { text, by }
                if text == "Off the edge" && *by > 50.0)),
            "{found:?}"
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn rotated_texts_side_by_side_do_not_overlap() {
        // Two diagonal lines whose axis-aligned boxes overlap but whose ink does not.
        let mut s = Svg::new(400.0, 400.0, "t");
        s.text(100.0, 100.0, "A diagonal label", style(16.0).rotate(45.0));
        s.text(100.0, 130.0, "A diagonal label", style(16.0).rotate(45.0));
        let p = read(&s.finish()).unwrap();
        let [a, b] = [p.texts[0].bounds(), p.texts[1].bounds()];
        assert!(a[3] > b[1], "the boxes' bounds do overlap");
        assert!(problems(&p).is_empty(), "{:?}", problems(&p));
    }

    const SCRIPTS: [&str; 7] = [
        "ہم چاہتے ہیں کہ ہمارے بچے محفوظ رہیں",
        "ہر گھر کے لیے سستی توانائی / Affordable energy for every home",
        "ਦੇਖਭਾਲ ਕਰਨ ਵਾਲਿਆਂ ਦੀ ਸਹਾਇਤਾ",
        "Carers / ਅਸੀਂ ਚਾਹੁੰਦੇ ਹਾਂ ਕਿ ਸਾਡੇ ਬੱਚੇ ਸੁਰੱਖਿਅਤ ਰਹਿਣ",
        "અમે સુરક્ષિત શેરીઓ ઇચ્છીએ છીએ · আমরা নিরাপদ রাস্তা চাই",
        "मेरा नाम · 我们希望有负担得起的住房",
        "Pobl hŷn · żółć · Locuințe · Ελλάδα · Україна",
    ];

    #[test]
    fn every_script_has_glyphs_and_is_as_wide_as_measured() {
        let mut s = Svg::new(1000.0, 500.0, "t");
        for (i, line) in SCRIPTS.iter().enumerate() {
            s.text(10.0, 40.0 + 60.0 * i as f64, line, style(24.0));
            s.text(
                990.0,
                62.0 + 60.0 * i as f64,
                line,
                style(12.0).bold().anchor(Anchor::End),
            );
        }
        let p = read(&s.finish()).unwrap();
        assert!(problems(&p).is_empty(), "{:?}", problems(&p));
        // Each syllable advances by all its glyphs: the inked width is the measured one
        // (less the side bearings), so nothing is drawn over its neighbour.
        for (t, line) in p.texts.iter().step_by(2).zip(SCRIPTS) {
            let measured = crate::export::text_metrics::width(line, 24.0, Default::default());
            let [x0, _, x1, _] = t.bounds();
            assert!(
                (x1 - x0 - measured).abs() < 0.03 * measured + 4.0,
                "{line}: inked {} vs measured {measured}",
                x1 - x0
            );
        }
        // Anchored at its end, the bold copy ends at the anchor.
        for t in p.texts.iter().skip(1).step_by(2) {
            let [_, _, x1, _] = t.bounds();
            assert!((x1 - 990.0).abs() < 3.0, "{}: ends at {x1}", t.text);
        }
    }

    #[test]
    fn names_are_labelled_in_full_over_lines_or_shortened() {
        let mut s = Svg::new(600.0, 300.0, "t");
        s.text(10.0, 30.0, "Fewer households in", style(14.0));
        s.text(10.0, 50.0, "temporary accommodation", style(14.0));
        s.text(10.0, 90.0, "Cleaner air…", style(14.0));
        s.text(10.0, 130.0, "Llai o blant…", style(14.0));
        s.text(300.0, 130.0, "Safer streets", style(14.0));
        let p = read(&s.finish()).unwrap();
        let names = [
            "Fewer households in temporary accommodation",
            "Cleaner air along the valley roads",
            "Llai o blant yn byw mewn tlodi",
            "Llai o blant yn byw mewn tlodi (2)",
            "Safer streets for children",
            "Safer streets",
        ];
        // One shortened label cannot stand for both names that start alike, and a full
        // label is not a shortened one.
        assert_eq!(
            unlabelled(&p, &names),
            vec![
                "Llai o blant yn byw mewn tlodi (2)",
                "Safer streets for children"
            ]
        );
    }

    #[test]
    fn a_character_no_font_has_is_reported() {
        let mut s = Svg::new(300.0, 100.0, "t");
        s.text(10.0, 40.0, "Tofu \u{10FFFD}", style(20.0));
        let found = check(&s.finish()).unwrap();
        assert_eq!(
            found,
            vec![Problem::MissingGlyphs {
                text: "Tofu \u{10FFFD}".into(),
                chars: vec!['\u{10FFFD}']
            }]
        );
    }
}
