//! The status bar's count of warnings about sources (figures that may say more than their
//! sources, as `check` lists them), and the list it opens. Worked out again only when the
//! document changes.

use super::OutcomeApp;
use super::state::Report;
use crate::document::Document;

/// At most this many warnings are listed; the rest are counted.
const LISTED: usize = 100;

#[derive(Default)]
pub(super) struct SourceWarnings {
    revision: Option<u64>,
    lines: Vec<String>,
    count: usize,
}

impl SourceWarnings {
    fn refresh(&mut self, doc: &Document) {
        if self.revision == Some(doc.revision()) {
            return;
        }
        // The warnings are about measures only: a change that left them alone (an outcome
        // renamed, an action edited) leaves the warnings as they were.
        let measures_untouched = doc
            .history()
            .last_change()
            .is_some_and(|lists| !lists.contains(&crate::history::List::Measures));
        if self.revision.is_some() && self.revision == doc.previous_revision() && measures_untouched
        {
            self.revision = Some(doc.revision());
            return;
        }
        let (listed, count) = crate::validate::first_warnings(doc.project(), LISTED);
        self.lines = listed
            .into_iter()
            .map(|w| format!("{}: {}", w.path, w.message))
            .collect();
        self.count = count;
        self.revision = Some(doc.revision());
    }
}

impl OutcomeApp {
    /// How many warnings about sources the project has (what the status bar shows).
    pub fn source_warning_count(&mut self) -> usize {
        self.source_warnings.refresh(&self.doc);
        self.source_warnings.count
    }

    /// "3 warnings about sources" on the status bar, when there are any; clicking lists them.
    pub(super) fn source_warnings_button(&mut self, ui: &mut egui::Ui) {
        let count = self.source_warning_count();
        if count == 0 {
            return;
        }
        ui.separator();
        let s = if count == 1 { "" } else { "s" };
        let text = format!(
            "{} warning{s} about sources",
            crate::format::number(count as f64, 0)
        );
        let clicked = ui
            .link(&text)
            .on_hover_text("Figures that may say more than their sources: click to list them")
            .clicked();
        if clicked {
            let w = &self.source_warnings;
            let shown = if w.count > w.lines.len() {
                format!(" The first {} are listed.", w.lines.len())
            } else {
                String::new()
            };
            self.report = Some(Report {
                title: "Warnings about sources".into(),
                intro: format!(
                    "The project is valid, but these figures may say more than their sources \
                     do. Give each a source, or the working by which it was worked out, and \
                     mark periods a source does not give: the charts then show which is \
                     which.{shown}"
                ),
                lines: w.lines.clone(),
            });
        }
    }
}
