//! Where things sit on a 16:9 slide: the title band on top and the body below it. The SVG,
//! PowerPoint and PDF slides all place their parts from this one layout, in slide units of
//! 1920×1080 (a unit is a pixel of a full-HD picture).

use crate::wheel::text::{self, Estimate, TextMeasurer};

/// Slide width in slide units.
pub const WIDTH: f64 = 1920.0;
/// Slide height in slide units.
pub const HEIGHT: f64 = 1080.0;
/// The margin left and right of the title, and above it.
pub const MARGIN: f64 = 48.0;
/// The title's font size (about 26 pt on a 13.33-inch PowerPoint slide).
pub const TITLE_SIZE: f64 = 52.0;
/// The slide counter's font size.
pub const COUNTER_SIZE: f64 = 24.0;
/// Body text (tables, bullet points) in slide units: at least 24 units, readable when projected.
pub const BODY_SIZE: f64 = 30.0;
/// Bold text is wider than the regular weight the estimate measures.
pub const BOLD_WIDTH: f64 = 1.1;

/// A rectangle in slide units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
}

/// A slide's title band and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The title's lines (at most two; a longer title ends in "…").
    pub title_lines: Vec<String>,
    /// The box the title is written in (its first baseline is `title.y + TITLE_SIZE`).
    pub title: Rect,
    /// Where the slide's picture or words go.
    pub body: Rect,
    /// Where the counter ("3 / 12") is right-aligned (baseline).
    pub counter_at: (f64, f64),
}

/// The line height of the title.
pub fn title_line_height() -> f64 {
    TITLE_SIZE * 1.2
}

/// Bold text wrapped to `width` at `size` (slide units), at most `max` lines, the last cut
/// with "…" when more would be needed.
pub fn wrap_bold(s: &str, width: f64, size: f64, max: usize) -> Vec<String> {
    wrap(s, width / BOLD_WIDTH, size, max)
}

/// Text wrapped to `width` at `size` (slide units), at most `max` lines, the last cut with
/// "…" when more would be needed.
pub fn wrap(s: &str, width: f64, size: f64, max: usize) -> Vec<String> {
    let m = Estimate;
    let mut lines = text::wrap(s, width as f32, size as f32, &m);
    if lines.len() > max {
        lines.truncate(max.max(1));
        let last = lines.pop().unwrap_or_default();
        let marked = format!("{last} …");
        let cut = if m.width(&marked, size as f32) <= width as f32 {
            marked
        } else {
            text::ellipsize(&last, width as f32, size as f32, &m).unwrap_or(last)
        };
        lines.push(cut);
    }
    lines
}

/// The width of `s` at `size` (slide units), as exports measure it.
pub fn width(s: &str, size: f64) -> f64 {
    Estimate.width(s, size as f32) as f64
}

/// The frame of a titled slide.
pub fn frame(title: &str) -> Frame {
    let counter_w = width("000 / 000", COUNTER_SIZE) + MARGIN * 0.5;
    let title_w = WIDTH - 2.0 * MARGIN - counter_w;
    let title_lines = wrap_bold(title.trim(), title_w, TITLE_SIZE, 2);
    let lines = title_lines.len().max(1) as f64;
    let title_box = Rect {
        x: MARGIN,
        y: MARGIN * 0.6,
        w: title_w,
        h: TITLE_SIZE * 0.3 + lines * title_line_height(),
    };
    let body_top = title_box.bottom() + MARGIN * 0.2;
    Frame {
        title_lines,
        title: title_box,
        body: Rect {
            x: 0.0,
            y: body_top,
            w: WIDTH,
            h: HEIGHT - body_top,
        },
        counter_at: (WIDTH - MARGIN, MARGIN * 0.6 + TITLE_SIZE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_takes_two_lines_and_the_body_shrinks() {
        let short = frame("Fewer households in temporary accommodation");
        assert_eq!(short.title_lines.len(), 1);
        let long = frame(&"Households in temporary accommodation fell ".repeat(6));
        assert_eq!(long.title_lines.len(), 2);
        assert!(long.title_lines[1].ends_with('…'), "{:?}", long.title_lines);
        assert!(long.body.h < short.body.h);
        assert!(short.body.h > HEIGHT * 0.8);
        for l in &long.title_lines {
            assert!(width(l, TITLE_SIZE) * BOLD_WIDTH <= long.title.w + 1.0);
        }
    }
}
