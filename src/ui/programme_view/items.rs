//! The middle column: the items of the kind chosen (or what the search finds), with Add,
//! Move up / Move down (or drag, or Alt+↑ / Alt+↓) and Delete for the one selected. Only the
//! visible rows are laid out, so a thousand outcomes stay fast.

use super::section::{self, Row, Section};
use super::{ProgrammeView, Target};
use crate::document::Document;
use crate::edit::{self, Here};
use crate::history::{Edit, List, Place};
use crate::ui::theme;
use egui::{Key, Modifiers, RichText, Ui};
use std::sync::Arc;

impl ProgrammeView {
    /// The rows shown, found again only when the project, the section or the search changed.
    fn shown_rows(&mut self, doc: &Document) -> Arc<Vec<(Section, Row)>> {
        let query = self.search.trim().to_string();
        if let Some((rev, s, q, rows)) = &self.rows
            && *rev == doc.revision()
            && *s == self.section
            && *q == query
        {
            return rows.clone();
        }
        let p = doc.project();
        let rows: Vec<(Section, Row)> = if query.is_empty() {
            self.section.list().map_or(Vec::new(), |list| {
                section::rows(p, list)
                    .into_iter()
                    .map(|r| (self.section, r))
                    .collect()
            })
        } else {
            section::search(p, &query)
        };
        let rows = Arc::new(rows);
        self.rows = Some((doc.revision(), self.section, query, rows.clone()));
        rows
    }

    fn selected(&self) -> Option<Place> {
        match self.editor.as_ref()?.target {
            Target::Item(place) => Some(place),
            _ => None,
        }
    }

    pub(super) fn items(&mut self, ui: &mut Ui, doc: &mut Document) {
        let searching = !self.search.trim().is_empty();
        let list = self.section.list();
        ui.add_space(6.0);
        if let (Some(list), false) = (list, searching) {
            self.toolbar(ui, doc, list);
            ui.separator();
        }
        let rows = self.shown_rows(doc);
        if rows.is_empty() {
            let words = if searching {
                "Nothing matches the search.".to_string()
            } else {
                let word = list.map_or("item", List::word);
                format!("No {} yet.", edit::plural(word))
            };
            ui.label(RichText::new(words).color(theme::muted(ui)));
            return;
        }
        let selected = self.selected();
        let row_height =
            ui.text_style_height(&egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.y;
        let mut open = None;
        let mut dropped = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for (s, r) in &rows[range] {
                    let Some(list) = s.list() else { continue };
                    let place = Place::new(list, r.index);
                    let name = if r.name.trim().is_empty() {
                        format!("({})", r.id)
                    } else {
                        r.name.clone()
                    };
                    let text = if searching {
                        format!("{}: {name}", s.label())
                    } else {
                        name
                    };
                    let resp = ui.add(
                        egui::Button::selectable(selected == Some(place), text)
                            .truncate()
                            .sense(egui::Sense::click_and_drag())
                            .min_size(egui::vec2(ui.available_width(), row_height)),
                    );
                    if !searching {
                        resp.dnd_set_drag_payload(place);
                    }
                    if resp.clicked() {
                        open = Some(place);
                    }
                    if let Some(from) = resp.dnd_release_payload::<Place>()
                        && from.list == place.list
                        && !searching
                    {
                        dropped = Some((from.index, place.index, list));
                    }
                }
            });
        if let Some(place) = open {
            if searching {
                self.section = Section::of(place.list);
            }
            self.edit_at(doc, place);
        }
        if let Some((from, to, list)) = dropped {
            move_item(doc, list, from, to);
        }
    }

    fn toolbar(&mut self, ui: &mut Ui, doc: &mut Document, list: List) {
        let selected = self.selected().filter(|p| p.list == list);
        let len = list.len(doc.project());
        ui.horizontal_wrapped(|ui| {
            if ui.button(format!("Add {}", list.word())).clicked() {
                self.add(doc, list, &Here::default());
            }
            let Some(place) = selected else { return };
            let i = place.index;
            let up = ui
                .add_enabled(i > 0, egui::Button::new("Move up"))
                .on_hover_text("Alt+↑")
                .clicked();
            let down = ui
                .add_enabled(i + 1 < len, egui::Button::new("Move down"))
                .on_hover_text("Alt+↓")
                .clicked();
            let typing = ui.ctx().egui_wants_keyboard_input();
            let (alt_up, alt_down) = if typing {
                (false, false)
            } else {
                ui.input_mut(|inp| {
                    (
                        inp.consume_key(Modifiers::ALT, Key::ArrowUp),
                        inp.consume_key(Modifiers::ALT, Key::ArrowDown),
                    )
                })
            };
            if (up || alt_up) && i > 0 {
                move_item(doc, list, i, i - 1);
            } else if (down || alt_down) && i + 1 < len {
                move_item(doc, list, i, i + 1);
            }
            if ui.button("Delete…").clicked() {
                self.ask_delete(doc, place);
            }
        });
    }
}

/// Move the item at `from` to `to` as one undoable step (an editor open on it finds it again
/// by its id).
fn move_item(doc: &mut Document, list: List, from: usize, to: usize) {
    if from == to {
        return;
    }
    let name = section::rows(doc.project(), list)
        .get(from)
        .map(|r| r.name.clone())
        .unwrap_or_default();
    let edit = Edit::Move { list, from, to };
    let _ = doc.apply(format!("Move {} “{name}”", list.word()), edit);
}
