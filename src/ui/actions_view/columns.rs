//! What each column of the table needs, measured with the window's fonts, and the heights of
//! rows shown whole (measured from the very text the cells paint). Both are kept until the
//! project, the plan or the widths change; the widths themselves come from
//! [`plan_table::layout`].

use super::cells::{text_job, wrapped_text};
use super::*;
use crate::plan_table::layout::{self, Fitted, Need};
use std::collections::HashMap;

/// The widest word and the widest whole line of every column of a plan, and the columns left
/// blank by every row.
pub(super) struct Measured {
    key: MeasureKey,
    word: HashMap<Column, f32>,
    whole: HashMap<Column, f32>,
    blank: Vec<Column>,
}

/// What the measures depend on: the project's revision, the plan, and the fonts (the width
/// of a sample text, which changes when the app's own fonts are installed).
type MeasureKey = (u64, usize, u32);

/// How many of a column's longest texts (by characters) are measured: the widest in points
/// is almost always among them, and measuring every word of 10,000 rows would not do.
const CANDIDATES: usize = 4;

/// No column's least width is more than this (a long web address may break instead).
const LEAST_CAP: f32 = 240.0;

/// The texts of a column with the most characters, longest first.
fn longest<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut best: Vec<&str> = Vec::with_capacity(CANDIDATES + 1);
    for t in texts {
        let n = t.chars().count();
        if best.len() < CANDIDATES || n > best[best.len() - 1].chars().count() {
            let at = best.partition_point(|b| b.chars().count() >= n);
            best.insert(at, t);
            best.truncate(CANDIDATES);
        }
    }
    best
}

/// The width of `text` on one line, laid out as a cell lays it out.
fn text_width(ui: &Ui, font: &egui::FontId, text: &str) -> f32 {
    ui.fonts_mut(|f| f.layout_no_wrap(text.to_string(), font.clone(), Color32::BLACK))
        .size()
        .x
}

impl Measured {
    fn new(ui: &Ui, project: &crate::model::Project, key: MeasureKey) -> Self {
        let actions = &project.action_plans[key.1].actions;
        let font = egui::TextStyle::Body.resolve(ui.style());
        let widest = |texts: Vec<&str>| {
            texts
                .iter()
                .map(|t| text_width(ui, &font, t))
                .fold(0.0, f32::max)
        };
        let mut word = HashMap::new();
        let mut whole = HashMap::new();
        for c in Column::ALL {
            let texts: Vec<String> = actions
                .iter()
                .filter_map(|a| wrapped_text(project, a, c))
                .collect();
            let lines = || texts.iter().flat_map(|t| t.lines());
            word.insert(c, widest(longest(lines().flat_map(str::split_whitespace))));
            whole.insert(c, widest(longest(lines())));
        }
        let refs = longest(actions.iter().map(|a| a.reference.as_str()));
        word.insert(Column::Reference, widest(refs));
        Measured {
            key,
            word,
            whole,
            blank: Column::ALL
                .into_iter()
                .filter(|c| c.is_blank_in(actions))
                .collect(),
        }
    }

    /// What each of `columns` needs.
    fn needs(&self, ui: &Ui, columns: &[Column]) -> Vec<Need> {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let w = |t: &str| text_width(ui, &font, t);
        // A badge's frame and a little slack so rounding never breaks the widest word.
        let slack = 6.0;
        let badge = Rag::ALL
            .iter()
            .map(|r| w(&rag_text(*r)) + 14.0)
            .fold(0.0, f32::max);
        let date = w("28 Sep 2025");
        columns
            .iter()
            .map(|&c| {
                // The header is a word that must fit too, with room for a sort arrow.
                let header = w(&format!("{} ▼", c.label()));
                let word = self.word[&c].min(LEAST_CAP);
                let whole = self.whole[&c];
                let (least, wanted, grow) = match c {
                    Column::Reference => (word, word, 0.0),
                    Column::Due | Column::LastUpdated => (date, date, 0.0),
                    Column::Rag => (badge, badge, 0.0),
                    Column::Theme | Column::Owner => (word, whole.min(200.0), 0.5),
                    Column::Outcomes => (word, whole.min(280.0), 1.0),
                    Column::Title => (word.max(110.0), 360.0, 3.0),
                    Column::KeyActions => (word.max(110.0), 320.0, 2.0),
                    Column::Progress => (word.max(110.0), 300.0, 2.0),
                };
                let least = least.max(header) + slack;
                Need {
                    column: c,
                    least,
                    wanted: wanted.max(least),
                    grow,
                }
            })
            .collect()
    }
}

/// Heights of rows shown whole, by their index in the plan.
#[derive(Default)]
pub(super) struct Heights {
    key: Option<(u64, usize, Vec<u32>)>,
    rows: HashMap<usize, f32>,
}

impl ActionsView {
    /// The columns to show in `width` and how wide each is: those the user has not hidden,
    /// less those blank in every row and any there is no room for.
    pub(super) fn fit_columns(
        &mut self,
        ui: &Ui,
        doc: &Document,
        plan: usize,
        hidden: &[Column],
        width: f32,
    ) -> (Fitted, Vec<Column>) {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let fonts = text_width(ui, &font, "Transformation 2040").to_bits();
        let key = (doc.revision(), plan, fonts);
        if self.measured.as_ref().is_none_or(|m| m.key != key) {
            self.measured = Some(Measured::new(ui, doc.project(), key));
        }
        let m = self.measured.as_ref().expect("measured above");
        let columns: Vec<Column> = shown_columns(hidden)
            .into_iter()
            .filter(|c| !m.blank.contains(c))
            .collect();
        let blank = m
            .blank
            .iter()
            .filter(|c| !hidden.contains(c))
            .copied()
            .collect();
        let gap = ui.spacing().item_spacing.x;

        (layout::fit(&m.needs(ui, &columns), width, gap), blank)
    }

    /// Forget the heights measured at other widths or for another state of the plan.
    pub(super) fn keep_heights_for(&mut self, doc: &Document, plan: usize, fitted: &Fitted) {
        let widths: Vec<u32> = fitted
            .widths
            .iter()
            .map(|(_, w)| w.round() as u32)
            .collect();
        let key = (doc.revision(), plan, widths);
        if self.heights.key.as_ref() != Some(&key) {
            self.heights.key = Some(key);
            self.heights.rows.clear();
        }
    }

    /// The height of row `index` of `plan` shown whole: its tallest cell at these widths
    /// (measured once; see [`Self::keep_heights_for`]).
    pub(super) fn whole_row_height(
        &mut self,
        ui: &Ui,
        doc: &Document,
        plan: usize,
        index: usize,
        fitted: &Fitted,
    ) -> f32 {
        if let Some(h) = self.heights.rows.get(&index) {
            return *h;
        }
        let project = doc.project();
        let a = &project.action_plans[plan].actions[index];
        let line_h = ui.text_style_height(&egui::TextStyle::Body);
        let tallest = fitted
            .widths
            .iter()
            .filter_map(|&(c, width)| {
                let text = wrapped_text(project, a, c)?;
                let mut job = text_job(ui.style(), Color32::BLACK, text, usize::MAX);
                job.wrap.max_width = width;
                Some(ui.fonts_mut(|f| f.layout_job(job)).size().y)
            })
            .fold(0.0, f32::max);
        let h = tallest.max(ROW_LINES as f32 * line_h) + 8.0;
        self.heights.rows.insert(index, h);
        h
    }
}

/// The height of a row cut to [`ROW_LINES`] lines.
pub(super) fn compact_height(ui: &Ui) -> f32 {
    ROW_LINES as f32 * ui.text_style_height(&egui::TextStyle::Body) + 8.0
}

#[cfg(test)]
mod tests {
    use super::longest;

    #[test]
    fn the_longest_texts_are_kept_longest_first() {
        let words = "a fairly long sentence with Transformation and tiny words in it";
        assert_eq!(
            longest(words.split_whitespace()),
            vec!["Transformation", "sentence", "fairly", "words"]
        );
        assert!(longest(std::iter::empty()).is_empty());
    }
}
