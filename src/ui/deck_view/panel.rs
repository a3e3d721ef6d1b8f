//! The Slides panel: the presentation's slides in order, to select, drag or move with
//! Alt+↑/↓, rename, annotate, duplicate and delete.

use super::DeckUi;
use crate::document::Document;
use crate::ui::nav::Nav;
use crate::ui::theme;
use egui::{Key, Modifiers, RichText, Ui};

/// What the panel asks of the app besides edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelRequest {
    Present,
    Export,
    CopySlide,
}

impl DeckUi {
    /// Draw the panel's contents; returns what the user asked the app to do.
    pub fn panel(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        nav: &mut Nav,
    ) -> Option<PanelRequest> {
        ui.heading("Slides");
        let Some(index) = self.deck_index(doc) else {
            ui.label(
                "No slides yet. Add the view you are looking at with Edit › Add this view as a \
                 slide, or start from the programme's headline views.",
            );
            if ui
                .button("New presentation from the headline views")
                .clicked()
            {
                self.add_starter_deck(doc, nav);
            }
            return None;
        };
        self.deck_picker(ui, doc, index, nav);
        let mut request = None;
        ui.horizontal(|ui| {
            let has_slides = !doc.project().presentations[index].slides.is_empty();
            if ui
                .add_enabled(has_slides, egui::Button::new("▶ Present"))
                .on_hover_text("Full screen from the selected slide (F5); Esc leaves")
                .clicked()
            {
                request = Some(PanelRequest::Present);
            }
            if ui
                .add_enabled(has_slides, egui::Button::new("Export…"))
                .clicked()
            {
                request = Some(PanelRequest::Export);
            }
        });
        ui.separator();
        self.slide_list(ui, doc, nav);
        if let Some(r) = self.slide_editor(ui, doc, nav) {
            request = Some(r);
        }
        request
    }

    fn deck_picker(&mut self, ui: &mut Ui, doc: &mut Document, index: usize, nav: &mut Nav) {
        let decks: Vec<String> = doc
            .project()
            .presentations
            .iter()
            .map(|d| {
                if d.title.trim().is_empty() {
                    d.id.clone()
                } else {
                    d.title.clone()
                }
            })
            .collect();
        ui.horizontal(|ui| {
            let label = ui.label("Presentation");
            // "New" at the right edge, the picker taking the room between.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("New")
                    .on_hover_text("A new presentation made from the headline views")
                    .clicked()
                {
                    self.add_starter_deck(doc, nav);
                }
                let mut chosen = index;
                egui::ComboBox::from_id_salt("deck-picker")
                    .selected_text(&decks[index])
                    .width(ui.available_width())
                    .truncate()
                    .show_ui(ui, |ui| {
                        for (i, t) in decks.iter().enumerate() {
                            ui.selectable_value(&mut chosen, i, t);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if chosen != index {
                    self.show_deck(chosen);
                }
            });
        });
    }

    fn slide_list(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
        let Some(deck) = self.deck(doc) else { return };
        let rows: Vec<(String, String)> = deck
            .slides
            .iter()
            .map(|s| (s.view.kind().to_string(), crate::deck::slide::title(s)))
            .collect();
        let n = rows.len();
        let mut moved: Option<(usize, usize)> = None;
        egui::ScrollArea::vertical()
            .max_height(ui.available_height() * 0.55)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, (kind, title)) in rows.iter().enumerate() {
                    let selected = self.selected == Some(i);
                    let id = egui::Id::unique(("slide-row", i));
                    let row = ui.dnd_drag_source(id, i, |ui| {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(format!("{}.", i + 1)).color(theme::muted(ui)));
                            // The kind first, so that it stays when a long title is cut to
                            // the panel's width; hovering shows the title whole.
                            let text = format!("{kind} · {title}");
                            ui.add(egui::Button::selectable(selected, text).truncate())
                                .on_hover_text(title)
                        })
                        .inner
                    });
                    let clicked = row.inner.clicked();
                    let response = row.response.union(row.inner.clone());
                    if let Some(from) = response.dnd_release_payload::<usize>() {
                        moved = Some((*from, i));
                    } else if response.dnd_hover_payload::<usize>().is_some() {
                        let r = response.rect;
                        ui.painter()
                            .hline(r.x_range(), r.top(), ui.visuals().selection.stroke);
                    }
                    if clicked {
                        self.select(i);
                    }
                }
            });
        if let Some((from, to)) = moved {
            self.move_slide(doc, from, to, nav);
        }
        // Alt+↑ and Alt+↓ move the selected slide; ↑ and ↓ select (when not typing).
        if let Some(i) = self.selected
            && n > 0
            && !ui.ctx().egui_wants_keyboard_input()
        {
            let (alt_up, alt_down) = ui.input_mut(|inp| {
                (
                    inp.consume_key(Modifiers::ALT, Key::ArrowUp),
                    inp.consume_key(Modifiers::ALT, Key::ArrowDown),
                )
            });
            if alt_up && i > 0 {
                self.move_slide(doc, i, i - 1, nav);
            } else if alt_down && i + 1 < n {
                self.move_slide(doc, i, i + 1, nav);
            }
        }
    }

    fn select(&mut self, i: usize) {
        if self.selected != Some(i) {
            self.selected = Some(i);
            self.editing = None;
        }
    }

    /// The selected slide's title and notes, and the buttons that act on it.
    fn slide_editor(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        nav: &mut Nav,
    ) -> Option<PanelRequest> {
        let deck = self.deck(doc)?;
        let i = self.selected.filter(|&i| i < deck.slides.len())?;
        let n = deck.slides.len();
        let slide = &deck.slides[i];
        let problems = crate::deck::check::slide_problems(doc.project(), slide);
        if self.editing.as_ref().is_none_or(|e| e.0 != i) {
            self.editing = Some((i, slide.title.clone(), slide.notes.clone()));
        }
        ui.separator();
        ui.label(RichText::new(format!("Slide {} of {n} · {}", i + 1, slide.view.kind())).strong());
        for p in &problems {
            ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {p}"));
        }
        let (_, title, notes) = self.editing.as_mut()?;
        let l = ui.label("Title (the slide's message)");
        let t = ui
            .add(egui::TextEdit::singleline(title).desired_width(f32::INFINITY))
            .labelled_by(l.id);
        let l = ui.label("Speaker notes");
        let nr = ui
            .add(
                egui::TextEdit::multiline(notes)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        if t.lost_focus() || nr.lost_focus() {
            let (title, notes) = (title.clone(), notes.clone());
            self.set_words(doc, i, &title, &notes, nav);
        }
        let mut request = None;
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(i > 0, egui::Button::new("↑ Up"))
                .on_hover_text("Alt+↑")
                .clicked()
            {
                self.move_slide(doc, i, i - 1, nav);
            }
            if ui
                .add_enabled(i + 1 < n, egui::Button::new("↓ Down"))
                .on_hover_text("Alt+↓")
                .clicked()
            {
                self.move_slide(doc, i, i + 1, nav);
            }
            if ui.button("Duplicate").clicked() {
                self.duplicate_slide(doc, i, nav);
            }
            if ui
                .button("Delete")
                .on_hover_text("Undo brings it back")
                .clicked()
            {
                self.delete_slide(doc, i, nav);
            }
            if ui.button("Copy as picture").clicked() {
                request = Some(PanelRequest::CopySlide);
            }
        });
        request
    }
}
