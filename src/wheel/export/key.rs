//! The legend of an exported wheel: heading, one row per class (a swatch and its name,
//! wrapped rather than cut), and notes on the rings. Laid out for the room it has: in more
//! columns and then smaller type when a long list (forty priorities) would not fit.

use super::super::Legend;
use super::super::text::{self, TextMeasurer};
use super::draw::{pattern_defs, swatch};
use crate::export::svg::{Svg, TextStyle};
use crate::palette;

/// At most this many lines per legend row; a longer name is cut with an ellipsis.
const ROW_LINES: usize = 3;

/// A legend laid out to a width.
pub(super) struct Key<'a> {
    legend: &'a Legend,
    /// Type size of the rows and notes; the heading's too.
    size: f32,
    cols: usize,
    col_w: f32,
    title: Vec<String>,
    /// Each row's lines, in order.
    rows: Vec<Vec<String>>,
    notes: Vec<String>,
}

impl<'a> Key<'a> {
    /// Lay `legend` out in `width` at `body` size and in `min_cols` columns, with `hints`
    /// among the notes; in more columns and smaller type if needed to fit in `max_h`.
    pub fn new(
        legend: &'a Legend,
        hints: &[String],
        width: f32,
        max_h: f32,
        body: f32,
        min_cols: usize,
        m: &dyn TextMeasurer,
    ) -> Key<'a> {
        let mut best = None;
        let tries = [
            (1, 1.0),
            (2, 1.0),
            (2, 0.85),
            (3, 0.85),
            (3, 0.75),
            (4, 0.7),
        ];
        for (cols, scale) in tries.into_iter().filter(|(c, _)| *c >= min_cols) {
            let key = Key::with(legend, hints, width, cols, body * scale, m);
            let fits = key.height() <= max_h;
            best = Some(key);
            if fits {
                break;
            }
        }
        best.expect("at least one layout")
    }

    fn with(
        legend: &'a Legend,
        hints: &[String],
        width: f32,
        cols: usize,
        size: f32,
        m: &dyn TextMeasurer,
    ) -> Key<'a> {
        let col_w = width / cols as f32;
        // Room for the label beside its swatch, and a gap before the next column.
        let label_w = col_w - size * 1.6 - if cols > 1 { size } else { 0.0 };
        let rows = legend
            .entries
            .iter()
            .map(|e| {
                let label = if e.marker.is_empty() {
                    e.label.clone()
                } else {
                    format!("{} {}", e.marker, e.label)
                };
                let lines = text::wrap(&label, label_w, size, m);
                if lines.len() <= ROW_LINES {
                    lines
                } else {
                    text::wrap_truncated(&label, label_w, ROW_LINES, size, m).unwrap_or(lines)
                }
            })
            .collect();
        let note_size = size * 0.85;
        let notes = std::iter::once(legend.rings.as_str())
            .chain(legend.voices.as_deref())
            .chain(hints.iter().map(String::as_str))
            .flat_map(|n| text::wrap(n, width, note_size, m))
            .collect();
        Key {
            legend,
            size,
            cols,
            col_w,
            // Bold is wider than regular: wrap the heading shorter.
            title: text::wrap(&legend.title, width / 1.2, size, m),
            rows,
            notes,
        }
    }

    fn line_h(&self) -> f32 {
        self.size * 1.25
    }

    /// Height of each row: its lines, at least a swatch's, and a gap.
    fn row_h(&self, lines: usize) -> f32 {
        (lines as f32 * self.line_h()).max(self.size * 1.1) + self.size * 0.5
    }

    /// Rows per column, filling columns top to bottom.
    fn per_col(&self) -> usize {
        self.rows.len().div_ceil(self.cols).max(1)
    }

    fn columns_h(&self) -> f32 {
        self.rows
            .chunks(self.per_col())
            .map(|col| col.iter().map(|r| self.row_h(r.len())).sum::<f32>())
            .fold(0.0, f32::max)
    }

    /// The whole legend's height.
    pub fn height(&self) -> f32 {
        self.title.len() as f32 * self.line_h()
            + self.size * 0.5
            + self.columns_h()
            + self.notes.len() as f32 * self.size * 0.85 * 1.3
    }

    /// Draw the legend with its top left corner at (x, y).
    pub fn draw(&self, doc: &mut Svg, x: f32, y: f32) {
        let size = self.size;
        let fills = self.legend.entries.iter().map(|e| (e.pattern, e.colour));
        pattern_defs(doc, "k-", fills);
        let mut ly = y;
        for l in &self.title {
            doc.text(
                x as f64,
                (ly + size) as f64,
                l,
                TextStyle::new(size as f64, palette::INK).bold(),
            );
            ly += self.line_h();
        }
        ly += size * 0.5;
        let per_col = self.per_col();
        for (c, col) in self.rows.chunks(per_col).enumerate() {
            let cx = x + c as f32 * self.col_w;
            let mut ry = ly;
            for (k, lines) in col.iter().enumerate() {
                let e = &self.legend.entries[c * per_col + k];
                swatch(
                    doc,
                    cx as f64,
                    ry as f64,
                    (size * 1.1) as f64,
                    e.colour,
                    e.pattern,
                );
                for (i, l) in lines.iter().enumerate() {
                    doc.text(
                        (cx + size * 1.6) as f64,
                        (ry + size * 0.9 + i as f32 * self.line_h()) as f64,
                        l,
                        TextStyle::new(size as f64, palette::INK),
                    );
                }
                ry += self.row_h(lines.len());
            }
        }
        let note = size * 0.85;
        let mut ny = ly + self.columns_h();
        for l in &self.notes {
            ny += note * 1.3;
            doc.text(
                x as f64,
                (ny - note * 0.3) as f64,
                l,
                TextStyle::new(note as f64, palette::INK_MUTED),
            );
        }
    }
}
