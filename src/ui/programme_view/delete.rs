//! Deleting an item: at once when nothing refers to it, otherwise after a question that says
//! what refers to it and what will happen ("3 outcomes link to this measure: deleting it
//! removes those links"), with the choice to move a priority's outcomes elsewhere.

use super::ProgrammeView;
use super::section::choices;
use crate::document::Document;
use crate::edit::{Deletion, Dependants};
use crate::history::{Edit, Place};
use crate::ui::nav::Nav;
use egui::{RichText, Ui};

pub(super) struct Dialog {
    deletion: Deletion,
    name: String,
    /// Where the outcomes go, by id; empty to delete them too.
    move_to: String,
    /// (id, name) of the other items they can move to.
    others: Vec<(String, String)>,
}

impl ProgrammeView {
    /// Delete the item at `place`, asking first if others refer to it.
    pub(super) fn ask_delete(&mut self, doc: &mut Document, place: Place) {
        let index = self.index(doc);
        let Some(d) = Deletion::new(doc.project(), &index, place) else {
            return;
        };
        let name = super::section::rows(doc.project(), place.list)
            .get(place.index)
            .map(|r| r.name.clone())
            .unwrap_or_default();
        if d.needs_asking() {
            let others: Vec<(String, String)> = choices(doc.project(), place.list)
                .into_iter()
                .filter(|(id, _)| *id != d.id)
                .collect();
            let move_to = if d.has_outcomes() {
                others.first().map(|(id, _)| id.clone()).unwrap_or_default()
            } else {
                String::new()
            };
            self.delete = Some(Dialog {
                deletion: d,
                name,
                move_to,
                others,
            });
        } else {
            let edit = d.edit(doc.project(), &index, &Dependants::DeleteToo);
            self.finish_delete(doc, edit, &format!("Delete {} “{name}”", place.list.word()));
        }
    }

    fn finish_delete(&mut self, doc: &mut Document, edit: Edit, label: &str) {
        if doc.apply(label, edit).is_ok() {
            self.editor = None;
            self.note = Some(format!("{label}: done (Undo brings it back)"));
        }
    }

    pub(super) fn delete_dialog(&mut self, ui: &mut Ui, doc: &mut Document, _nav: &mut Nav) {
        let Some(d) = &mut self.delete else { return };
        let word = d.deletion.place.list.word();
        let mut go = false;
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("delete-item")).show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            ui.heading(format!("Delete {word} “{}”?", d.name));
            for line in d.deletion.question() {
                ui.add(egui::Label::new(line).wrap());
            }
            if d.deletion.has_outcomes() {
                ui.add_space(6.0);
                if !d.others.is_empty() {
                    let mut moving = !d.move_to.is_empty();
                    ui.radio_value(
                        &mut moving,
                        true,
                        format!("Move the outcomes to another {word}"),
                    );
                    if moving {
                        let shown = d
                            .others
                            .iter()
                            .find(|(id, _)| *id == d.move_to)
                            .map_or("Choose…".to_string(), |(_, n)| n.clone());
                        egui::ComboBox::from_id_salt("move-outcomes-to")
                            .selected_text(shown)
                            .show_ui(ui, |ui| {
                                for (id, n) in &d.others {
                                    ui.selectable_value(&mut d.move_to, id.clone(), n);
                                }
                            })
                            .response
                            .widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::ComboBox,
                                    true,
                                    "Move the outcomes to",
                                )
                            });
                        if d.move_to.is_empty() {
                            d.move_to = d.others[0].0.clone();
                        }
                    }
                    if ui
                        .radio_value(&mut moving, false, "Delete the outcomes too")
                        .clicked()
                    {
                        d.move_to.clear();
                    }
                } else {
                    ui.label(format!(
                        "There is no other {word} to move them to: they will be deleted too."
                    ));
                }
            }
            ui.add_space(8.0);
            ui.label(RichText::new("Undo brings everything back.").small());
            ui.horizontal(|ui| {
                go = ui.button("Delete").clicked();
                close = ui.button("Keep it").clicked();
            });
        });
        if modal.should_close() {
            close = true;
        }
        if go {
            let choice = if d.move_to.is_empty() {
                Dependants::DeleteToo
            } else {
                Dependants::MoveTo(d.move_to.clone())
            };
            let index = self.index(doc);
            let d = self.delete.take().expect("open");
            let edit = d.deletion.edit(doc.project(), &index, &choice);
            let label = format!("Delete {word} “{}”", d.name);
            self.finish_delete(doc, edit, &label);
        } else if close {
            self.delete = None;
        }
    }
}
