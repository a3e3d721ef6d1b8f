//! Choosing the source of a value, target or claim, with a new source added on the spot
//! (in the Trends view's data entry and the Programme view's measure editor):
//! "New source…" opens its fields under the choice; "Add source" adds it to the project (one
//! undoable step) and chooses it.

use crate::document::Document;
use crate::edit::{self, Here};
use crate::history::{Edit, Item, List};
use crate::model::Project;
use crate::ui::list_editor::truncate;
use egui::Ui;

/// A source chosen by id, or one being written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceChoice {
    pub id: Option<String>,
    pub new: Option<NewSource>,
}

/// The fields of a source added on the spot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewSource {
    pub title: String,
    pub publisher: String,
    pub published: String,
    pub url: String,
    /// "Add source" was pressed: the view adds it after the frame's fields.
    pub ready: bool,
    pub error: Option<String>,
}

impl SourceChoice {
    pub fn of(id: Option<&String>) -> Self {
        SourceChoice {
            id: id.cloned(),
            new: None,
        }
    }

    /// The choice, with "New source…" beside it. `label` names both for screen readers
    /// ("Value source").
    pub fn ui(&mut self, ui: &mut Ui, label: &str, project: &Project) {
        let l = ui.label(label);
        let shown = self
            .id
            .as_deref()
            .and_then(|s| project.source(s))
            .map(|s| truncate(&s.title, 40))
            .unwrap_or_else(|| "None".into());
        egui::ComboBox::from_id_salt(("source", label))
            .selected_text(shown)
            .width(240.0)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.id, None, "None");
                for s in &project.sources {
                    ui.selectable_value(&mut self.id, Some(s.id.clone()), truncate(&s.title, 70));
                }
            })
            .response
            .labelled_by(l.id);
        if self.new.is_none() {
            let name = format!("New source for {}", label.to_lowercase());
            let r = ui.button("New source…").on_hover_text(&name);
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if r.clicked() {
                self.new = Some(NewSource::default());
            }
        }
        let Some(n) = &mut self.new else { return };
        ui.end_row();
        let mut cancel = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.vertical(|ui| {
                ui.strong("New source");
                egui::Grid::new(("new-source", label))
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (word, text) in [
                            ("Source title", &mut n.title),
                            ("Publisher", &mut n.publisher),
                            ("Published", &mut n.published),
                            ("Web address", &mut n.url),
                        ] {
                            let l = ui.label(word);
                            ui.add(egui::TextEdit::singleline(text).desired_width(280.0))
                                .labelled_by(l.id);
                            ui.end_row();
                        }
                    });
                ui.horizontal(|ui| {
                    if ui.button("Add source").clicked() {
                        if n.title.trim().is_empty() {
                            n.error = Some("Give the source a title".into());
                        } else {
                            n.ready = true;
                        }
                    }
                    cancel = ui.button("Cancel new source").clicked();
                });
                crate::ui::list_editor::error_line(ui, &n.error);
            });
        });
        if cancel {
            self.new = None;
        }
    }

    /// Add the source written on the spot, if "Add source" was pressed, and choose it.
    /// Returns what was done, for the status line.
    pub fn settle(&mut self, doc: &mut Document) -> Option<String> {
        let n = self.new.as_ref().filter(|n| n.ready)?.clone();
        let p = doc.project();
        let mut item = edit::new_item(p, List::Sources, &n.title, &Here::default());
        let Item::Source(s) = &mut item else {
            return None;
        };
        s.publisher = n.publisher.trim().to_string();
        s.published = n.published.trim().to_string();
        s.url = n.url.trim().to_string();
        let id = s.id.clone();
        let label = format!("Add source “{}”", truncate(n.title.trim(), 60));
        let edit = Edit::Insert {
            list: List::Sources,
            index: p.sources.len(),
            item: Box::new(item),
        };
        match doc.apply(label.clone(), edit) {
            Ok(()) => {
                self.id = Some(id);
                self.new = None;
                Some(label)
            }
            Err(e) => {
                if let Some(n) = &mut self.new {
                    n.ready = false;
                    n.error = Some(e.to_string());
                }
                None
            }
        }
    }
}
