//! Values from a spreadsheet: pasted or read from a CSV file, previewed (what is added,
//! changed, unchanged, and every rejected row with its line and reasons) before one undoable
//! step applies them. See [`crate::edit::values`].

use crate::document::Document;
use crate::edit::values::{Preview, preview};
use crate::history::{Edit, List, Place};
use crate::ui::list_editor::{error_line, truncate};
use crate::ui::theme;
use egui::{RichText, Ui};

/// Rows of the preview listed (the summary counts them all).
const SHOWN: usize = 12;

#[derive(Default)]
pub(super) struct ValuesImport {
    text: String,
    /// The source of rows that give none.
    source: Option<String>,
    /// The preview, and the text and source it was made from.
    preview: Option<(String, Option<String>, Result<Preview, String>)>,
    error: Option<String>,
}

impl ValuesImport {
    /// The import panel for the measure at `index`. Returns Some(Ok(what was done)) once
    /// applied, Some(Err(())) when cancelled.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        index: usize,
    ) -> Option<Result<String, ()>> {
        let p = doc.project();
        let m = p.measures.get(index)?;
        let mut done = None;
        let mut import: Option<(String, crate::model::Measure)> = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(
                "Paste values copied from a spreadsheet, or read a CSV file: columns Period, \
                 Value, Status, Source, Note and Working in any order under a header, or period \
                 and value without one.",
            );
            let l = ui.label("Values to import");
            ui.add(
                egui::TextEdit::multiline(&mut self.text)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY)
                    .hint_text("Period\tValue\n2023/24\t1,078"),
            )
            .labelled_by(l.id);
            ui.horizontal_wrapped(|ui| {
                if ui.button("Read a CSV file…").clicked()
                    && let Some(path) = rfd::FileDialog::new()
                        .add_filter("CSV", &["csv", "tsv", "txt"])
                        .pick_file()
                {
                    match std::fs::read(&path) {
                        Ok(bytes) => match String::from_utf8(bytes) {
                            Ok(t) => self.text = t,
                            Err(_) => {
                                self.error = Some(
                                    "the file is not UTF-8 text (save it as “CSV UTF-8”)".into(),
                                )
                            }
                        },
                        Err(e) => self.error = Some(crate::file::io_reason(&e)),
                    }
                }
                let l = ui.label("Source of rows without one");
                let shown = self
                    .source
                    .as_deref()
                    .and_then(|s| p.source(s))
                    .map_or("None".to_string(), |s| truncate(&s.title, 40));
                egui::ComboBox::from_id_salt("import-source")
                    .selected_text(shown)
                    .width(260.0)
                    .truncate()
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.source, None, "None");
                        for s in &p.sources {
                            ui.selectable_value(
                                &mut self.source,
                                Some(s.id.clone()),
                                truncate(&s.title, 70),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
            error_line(ui, &self.error);
            let fresh = self
                .preview
                .as_ref()
                .is_some_and(|(t, s, _)| *t == self.text && *s == self.source);
            if !fresh && !self.text.trim().is_empty() {
                let pv = preview(p, m, &self.text, self.source.as_deref());
                self.preview = Some((self.text.clone(), self.source.clone(), pv));
            }
            let mut apply = false;
            if let Some((_, _, pv)) = &self.preview
                && !self.text.trim().is_empty()
            {
                match pv {
                    Err(e) => error_line(ui, &Some(e.clone())),
                    Ok(pv) => apply = show_preview(ui, pv, m),
                }
            }
            if apply && let Some((_, _, Ok(pv))) = &self.preview {
                let n = pv.added.len() + pv.changed.len();
                let label = format!("Import {} into {}", crate::edit::count(n, "value"), m.name);
                import = Some((label, pv.apply_to(m)));
                return;
            }
            if ui.button("Cancel import").clicked() {
                done = Some(Err(()));
            }
        });
        if let Some((label, m)) = import {
            let edit = Edit::set(Place::new(List::Measures, index), m);
            match doc.apply(label.clone(), edit) {
                Ok(()) => done = Some(Ok(label)),
                Err(e) => self.error = Some(e.to_string()),
            }
        }
        done
    }
}

/// The preview's summary, rejected rows and the values it adds or changes. Returns whether
/// the user chose to import.
fn show_preview(ui: &mut Ui, pv: &Preview, m: &crate::model::Measure) -> bool {
    let header = if pv.header {
        "with a header"
    } else {
        "without a header"
    };
    ui.label(
        RichText::new(format!(
            "Read as separated by {}, {header}: {}",
            pv.separator,
            pv.summary()
        ))
        .strong(),
    );
    for r in pv.rejected.iter().take(SHOWN) {
        crate::ui::list_editor::error_line(ui, &Some(r.to_string()));
    }
    if pv.rejected.len() > SHOWN {
        ui.label(format!(
            "… and {} more rejected rows",
            pv.rejected.len() - SHOWN
        ));
    }
    let rows = pv
        .added
        .iter()
        .map(|o| ("Add", o))
        .chain(pv.changed.iter().map(|(_, o)| ("Change", o)));
    egui::Grid::new("import-preview")
        .striped(true)
        .show(ui, |ui| {
            for (word, o) in rows.take(SHOWN) {
                ui.label(word);
                ui.label(o.period.label());
                ui.label(crate::format::value(o.value, &m.unit));
                ui.label(
                    RichText::new(crate::chart::value_status_label(o.status))
                        .color(theme::muted(ui)),
                );
                ui.end_row();
            }
        });
    let n = pv.added.len() + pv.changed.len();
    let word = format!("Import {}", crate::edit::count(n, "value"));
    ui.add_enabled(pv.changes_anything(), egui::Button::new(word))
        .clicked()
}
