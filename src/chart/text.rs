//! Measuring and fitting the text of exported pictures: widths at a size, lines wrapped to
//! a width, and the last line shortened with "…" when there are too many.

use super::labels::wrap;
use crate::wheel::text::{Estimate, TextMeasurer};

/// The width of `text` at `size` in the exported font (bold a tenth wider).
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let w = Estimate.width(text, size as f32) as f64;
    if bold { w * 1.1 } else { w }
}

/// `text` wrapped to `room`, at most `max` lines, the last shortened with "…" if need be.
pub fn fit_lines(text: &str, room: f64, max: usize, width: &dyn Fn(&str) -> f64) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut lines = wrap(text, room, width);
    if lines.len() > max {
        let rest = lines[max - 1..].join(" ");
        lines.truncate(max - 1);
        lines.push(shorten(&rest, room, width));
    }
    lines
}

/// `text` cut to fit `room`, ending in "…" when cut.
pub fn shorten(text: &str, room: f64, width: &dyn Fn(&str) -> f64) -> String {
    if width(text) <= room {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 0 {
        let t = format!("{}…", chars[..n].iter().collect::<String>().trim_end());
        if width(&t) <= room {
            return t;
        }
        n -= 1;
    }
    "…".into()
}
