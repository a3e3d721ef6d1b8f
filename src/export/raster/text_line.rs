//! Reading back one `<text>` element exactly as [`Svg::text`](crate::export::svg::Svg::text)
//! writes it, for the direct raster. Anything else (a `<tspan>`, an attribute the writer
//! does not use, a number that does not parse) is not a [`TextLine`]: resvg draws it.

use crate::export::svg::{Anchor, FONT_FAMILY};
use crate::export::text_metrics::Weight;

/// One line of text in one font, as the SVG places it (user units, y the baseline).
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub rgb: [u8; 3],
    pub anchor: Anchor,
    pub weight: Weight,
    /// Degrees clockwise about (x, y).
    pub rotate: f32,
    pub text: String,
}

/// The attributes of an opening tag, in order (`name="value"`, values still escaped).
pub(super) fn attributes(tag: &str) -> Option<Vec<(&str, &str)>> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start();
    while !rest.is_empty() {
        let eq = rest.find("=\"")?;
        let name = rest[..eq].trim();
        let after = &rest[eq + 2..];
        let close = after.find('"')?;
        out.push((name, &after[..close]));
        rest = after[close + 1..].trim_start();
    }
    Some(out)
}

fn unescape(s: &str) -> Option<String> {
    if !s.contains('&') {
        return Some(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';')? + i;
        out.push(match &rest[i + 1..end] {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => return None,
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

pub(super) fn hex_rgb(s: &str) -> Option<[u8; 3]> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// `rotate(D X Y)` about the text's own anchor point, as degrees.
fn rotation(s: &str, x: f32, y: f32) -> Option<f32> {
    let inner = s.strip_prefix("rotate(")?.strip_suffix(')')?;
    let v: Vec<f32> = inner
        .split_whitespace()
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    match v.as_slice() {
        [d, cx, cy] if (cx - x).abs() < 1e-3 && (cy - y).abs() < 1e-3 => Some(*d),
        _ => None,
    }
}

impl TextLine {
    /// The text element on `line`, when it is one the writer made and holds plain text.
    pub fn parse(line: &str) -> Option<TextLine> {
        let rest = line.strip_prefix("<text ")?;
        let content_start = rest.find('>')?;
        let content = rest[content_start + 1..].strip_suffix("</text>")?;
        if content.contains('<') {
            return None;
        }
        let mut t = TextLine {
            x: f32::NAN,
            y: f32::NAN,
            size: f32::NAN,
            rgb: [0; 3],
            anchor: Anchor::Start,
            weight: Weight::Regular,
            rotate: 0.0,
            text: unescape(content)?,
        };
        let mut transform = None;
        let mut fill = false;
        for (name, value) in attributes(&rest[..content_start])? {
            match name {
                "x" => t.x = value.parse().ok()?,
                "y" => t.y = value.parse().ok()?,
                "font-size" => t.size = value.parse().ok()?,
                "font-family" if value == FONT_FAMILY => {}
                "fill" => {
                    t.rgb = hex_rgb(value)?;
                    fill = true;
                }
                "text-anchor" => {
                    t.anchor = match value {
                        "start" => Anchor::Start,
                        "middle" => Anchor::Middle,
                        "end" => Anchor::End,
                        _ => return None,
                    }
                }
                "font-weight" if value == "bold" => t.weight = Weight::Bold,
                "transform" => transform = Some(value),
                _ => return None,
            }
        }
        if !(t.x.is_finite() && t.y.is_finite() && t.size.is_finite() && t.size > 0.0 && fill) {
            return None;
        }
        if let Some(tr) = transform {
            t.rotate = rotation(tr, t.x, t.y)?;
        }
        Some(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::svg::{Svg, TextStyle};
    use crate::model::Colour;

    fn written(text: &str, style: TextStyle) -> String {
        let mut s = Svg::new(100.0, 100.0, "t");
        s.text(12.5, 40.0, text, style);
        let doc = s.finish();
        doc.lines()
            .find(|l| l.starts_with("<text"))
            .unwrap()
            .to_string()
    }

    #[test]
    fn reads_back_what_the_writer_writes() {
        let style = TextStyle::new(24.0, Colour::rgb(0x1f, 0x23, 0x28))
            .anchor(Anchor::Middle)
            .bold()
            .rotate(-37.5);
        let t = TextLine::parse(&written("Fish & \"chips\" <2040>", style)).unwrap();
        assert_eq!(t.text, "Fish & \"chips\" <2040>");
        assert_eq!((t.x, t.y, t.size, t.rotate), (12.5, 40.0, 24.0, -37.5));
        assert_eq!(t.rgb, [0x1f, 0x23, 0x28]);
        assert_eq!(t.anchor, Anchor::Middle);
        assert_eq!(t.weight, Weight::Bold);
    }

    #[test]
    fn text_in_several_fonts_is_left_to_the_renderer() {
        let style = TextStyle::new(24.0, Colour::rgb(0, 0, 0));
        // An Urdu name with its English one becomes <tspan>s naming their fonts.
        assert!(TextLine::parse(&written("صحت Health", style)).is_none());
        assert!(
            TextLine::parse(
                "<text x=\"1\" y=\"2\" font-size=\"3\" fill=\"#000000\" opacity=\"0.5\">a</text>"
            )
            .is_none()
        );
        assert!(TextLine::parse("<rect x=\"1\"/>").is_none());
    }
}
