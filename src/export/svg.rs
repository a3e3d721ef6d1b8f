//! A minimal SVG writer: shapes and real text elements (text stays text).

use crate::model::Colour;
use std::fmt::Write;

/// The font stack exports ask for; PNG rendering uses the bundled DejaVu Sans. Runs of
/// text in scripts it lacks are `<tspan>`s that name the bundled font drawing them (see
/// [`text_content`]).
pub const FONT_FAMILY: &str = "'DejaVu Sans', Verdana, Arial, sans-serif";

/// Escape text for XML content and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A text element's anchor and content. Text that one font draws in one go is escaped
/// as it is. Text that needs several bundled fonts (an Urdu name with its English one)
/// or syllables the renderer would misplace (see
/// [`text_metrics::pieces`](super::text_metrics::pieces)) becomes one `<tspan>` per
/// piece, each naming its font and placed at its own `x` from the measured widths, so
/// every run is shaped alone with its own font and script rules (Arabic joined, Gurmukhi
/// vowel signs in their place) and the whole is as wide as
/// [`text_metrics::width`](super::text_metrics::width) says.
pub fn text_content(x: f64, text: &str, size: f64, anchor: Anchor, bold: bool) -> (Anchor, String) {
    use super::text_metrics::{FontChoice, Weight, pieces};
    let weight = if bold { Weight::Bold } else { Weight::Regular };
    // One font draws it all: one run, and DejaVu Sans has no syllables to misplace.
    if text.is_ascii() || super::text_metrics::main_font_draws(text, weight) {
        return (anchor, escape(text));
    }
    let pieces = pieces(text, weight);
    let font = |f: FontChoice| match f {
        FontChoice::Main => String::new(),
        other => format!(" font-family=\"'{}'\"", other.family()),
    };
    match pieces.as_slice() {
        [] => (anchor, String::new()),
        [one] if one.font == FontChoice::Main => (anchor, escape(text)),
        [one] => (
            anchor,
            format!("<tspan{}>{}</tspan>", font(one.font), escape(text)),
        ),
        _ => {
            let total: f64 = pieces.iter().map(|p| p.em_width as f64).sum::<f64>() * size;
            let mut at = match anchor {
                Anchor::Start => x,
                Anchor::Middle => x - total / 2.0,
                Anchor::End => x - total,
            };
            let mut out = String::with_capacity(text.len() + 64 * pieces.len());
            for p in &pieces {
                let _ = write!(
                    out,
                    "<tspan x=\"{}\"{}>{}</tspan>",
                    n(at),
                    font(p.font),
                    escape(&text[p.range.clone()])
                );
                at += p.em_width as f64 * size;
            }
            (Anchor::Start, out)
        }
    }
}

/// Horizontal text anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// Text styling.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub size: f64,
    pub colour: Colour,
    pub anchor: Anchor,
    pub bold: bool,
    /// Rotation in degrees about the text's anchor point.
    pub rotate: f64,
}

impl TextStyle {
    pub fn new(size: f64, colour: Colour) -> Self {
        TextStyle {
            size,
            colour,
            anchor: Anchor::Start,
            bold: false,
            rotate: 0.0,
        }
    }
    pub fn anchor(mut self, anchor: Anchor) -> Self {
        self.anchor = anchor;
        self
    }
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    pub fn rotate(mut self, degrees: f64) -> Self {
        self.rotate = degrees;
        self
    }
}

/// Line styling.
#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub colour: Colour,
    pub width: f64,
    /// Dash pattern such as "8 6"; empty for solid.
    pub dash: String,
}

impl Stroke {
    pub fn solid(colour: Colour, width: f64) -> Self {
        Stroke {
            colour,
            width,
            dash: String::new(),
        }
    }
    pub fn dashed(colour: Colour, width: f64, dash: &str) -> Self {
        Stroke {
            colour,
            width,
            dash: dash.into(),
        }
    }
}

/// An SVG document being written.
pub struct Svg {
    body: String,
    width: f64,
    height: f64,
}

/// A number as the SVG writes it: to two decimals, without trailing zeros (formatted where
/// it is written, without a string of its own).
#[derive(Clone, Copy)]
struct Num(f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = (self.0 * 100.0).round() / 100.0;
        if r == r.trunc() && r.abs() < 1e15 {
            write!(f, "{}", r as i64)
        } else {
            write!(f, "{r}")
        }
    }
}

fn n(v: f64) -> Num {
    Num(v)
}

/// `x,y x,y …` for a `points` attribute.
fn points_attr(points: &[(f64, f64)]) -> String {
    let mut out = String::with_capacity(points.len() * 16);
    for (i, (x, y)) in points.iter().enumerate() {
        let sep = if i == 0 { "" } else { " " };
        let _ = write!(out, "{sep}{},{}", n(*x), n(*y));
    }
    out
}

fn stroke_attrs(s: &Stroke) -> String {
    let mut a = format!(" stroke=\"{}\" stroke-width=\"{}\"", s.colour, n(s.width));
    if !s.dash.is_empty() {
        let _ = write!(a, " stroke-dasharray=\"{}\"", escape(&s.dash));
    }
    a
}

impl Svg {
    /// A blank document of `width`×`height` user units with a white background.
    pub fn new(width: f64, height: f64, title: &str) -> Self {
        let mut svg = Svg {
            body: String::new(),
            width,
            height,
        };
        let _ = writeln!(svg.body, "<title>{}</title>", escape(title));
        svg.rect(0.0, 0.0, width, height, Some(crate::palette::PAPER), None);
        svg
    }

    pub fn width(&self) -> f64 {
        self.width
    }

    pub fn height(&self) -> f64 {
        self.height
    }

    pub fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Option<Colour>,
        stroke: Option<&Stroke>,
    ) {
        let fill = fill.map(|c| c.to_string()).unwrap_or_else(|| "none".into());
        let stroke = stroke.map(stroke_attrs).unwrap_or_default();
        let _ = writeln!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"{stroke}/>",
            n(x),
            n(y),
            n(w.max(0.0)),
            n(h.max(0.0))
        );
    }

    pub fn circle(
        &mut self,
        cx: f64,
        cy: f64,
        r: f64,
        fill: Option<Colour>,
        stroke: Option<&Stroke>,
    ) {
        let fill = fill.map(|c| c.to_string()).unwrap_or_else(|| "none".into());
        let stroke = stroke.map(stroke_attrs).unwrap_or_default();
        let _ = writeln!(
            self.body,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"{stroke}/>",
            n(cx),
            n(cy),
            n(r)
        );
    }

    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &Stroke) {
        let _ = writeln!(
            self.body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{}/>",
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            stroke_attrs(stroke)
        );
    }

    /// An open polyline through `points`.
    pub fn polyline(&mut self, points: &[(f64, f64)], stroke: &Stroke) {
        if points.len() < 2 {
            return;
        }
        let pts = points_attr(points);
        let _ = writeln!(
            self.body,
            "<polyline points=\"{}\" fill=\"none\"{} stroke-linejoin=\"round\"/>",
            pts,
            stroke_attrs(stroke)
        );
    }

    /// A closed filled polygon.
    pub fn polygon(
        &mut self,
        points: &[(f64, f64)],
        fill: Option<Colour>,
        opacity: f64,
        stroke: Option<&Stroke>,
    ) {
        if points.len() < 3 {
            return;
        }
        let pts = points_attr(points);
        let fill = fill.map(|c| c.to_string()).unwrap_or_else(|| "none".into());
        let stroke = stroke.map(stroke_attrs).unwrap_or_default();
        let _ = writeln!(
            self.body,
            "<polygon points=\"{}\" fill=\"{fill}\" fill-opacity=\"{}\"{stroke}/>",
            pts,
            n(opacity)
        );
    }

    /// A path from raw SVG path data (`d`), e.g. for annular sectors.
    pub fn path(&mut self, d: &str, fill: Option<Colour>, stroke: Option<&Stroke>, extra: &str) {
        let fill = fill.map(|c| c.to_string()).unwrap_or_else(|| "none".into());
        let stroke = stroke.map(stroke_attrs).unwrap_or_default();
        let _ = writeln!(
            self.body,
            "<path d=\"{}\" fill=\"{fill}\"{stroke}{extra}/>",
            escape(d)
        );
    }

    /// One line of text at (x, y) (y is the baseline).
    pub fn text(&mut self, x: f64, y: f64, text: &str, style: TextStyle) {
        let weight = if style.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let rotate = if style.rotate != 0.0 {
            format!(
                " transform=\"rotate({} {} {})\"",
                n(style.rotate),
                n(x),
                n(y)
            )
        } else {
            String::new()
        };
        let (anchor, content) = text_content(x, text, style.size, style.anchor, style.bold);
        let _ = writeln!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-family=\"{FONT_FAMILY}\" font-size=\"{}\" fill=\"{}\" text-anchor=\"{}\"{weight}{rotate}>{content}</text>",
            n(x),
            n(y),
            n(style.size),
            style.colour,
            anchor.as_str(),
        );
    }

    /// Several lines of text, the first baseline at y.
    pub fn text_lines(
        &mut self,
        x: f64,
        y: f64,
        lines: &[String],
        style: TextStyle,
        line_height: f64,
    ) {
        for (i, l) in lines.iter().enumerate() {
            self.text(x, y + i as f64 * line_height, l, style);
        }
    }

    /// Open a group (e.g. with a `clip-path` or an id); close with [`Svg::end_group`].
    pub fn begin_group(&mut self, attrs: &str) {
        let _ = writeln!(self.body, "<g {attrs}>");
    }

    pub fn end_group(&mut self) {
        self.body.push_str("</g>\n");
    }

    /// Raw markup (for definitions such as patterns); the caller escapes it.
    pub fn raw(&mut self, markup: &str) {
        self.body.push_str(markup);
        self.body.push('\n');
    }

    /// The finished document.
    pub fn finish(self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n{}</svg>\n",
            self.body,
            w = n(self.width),
            h = n(self.height)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_stays_text() {
        let mut s = Svg::new(100.0, 50.0, "A & B");
        s.text(
            1.0,
            2.0,
            "<Luton> \"2040\"",
            TextStyle::new(12.0, Colour::rgb(0, 0, 0)),
        );
        let out = s.finish();
        assert!(out.contains("<title>A &amp; B</title>"));
        assert!(out.contains(">&lt;Luton&gt; &quot;2040&quot;</text>"));
        assert!(out.contains("viewBox=\"0 0 100 50\""));
    }
}
