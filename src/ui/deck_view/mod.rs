//! The deck in the window: "Add this view as a slide", the Slides panel (reorder, rename,
//! notes, duplicate, delete: every change an undoable edit), presentation mode, and the
//! deck's export with a progress bar.

mod capture;
pub mod export_job;
mod panel;
pub use panel::PanelRequest;
mod present;

pub use capture::slide_of_view;
pub use present::Presenting;

use crate::deck::starter;
use crate::document::Document;
use crate::history::{Edit, List, Place};
use crate::model::{Presentation, Slide};
use crate::ui::nav::Nav;

/// The deck's state in the window.
#[derive(Default)]
pub struct DeckUi {
    /// The Slides panel is shown.
    pub panel_open: bool,
    /// Which presentation the panel shows (an index into the project's).
    deck: usize,
    /// The slide selected in the panel.
    pub selected: Option<usize>,
    /// A title or notes being typed: (slide, title, notes), saved when the field is left.
    editing: Option<(usize, String, String)>,
    /// Presentation mode, while presenting.
    pub presenting: Option<Presenting>,
}

impl DeckUi {
    /// The index of the presentation shown, if the project has any.
    pub fn deck_index(&self, doc: &Document) -> Option<usize> {
        let n = doc.project().presentations.len();
        (n > 0).then(|| self.deck.min(n - 1))
    }

    /// The presentation shown, if the project has any.
    pub fn deck<'a>(&self, doc: &'a Document) -> Option<&'a Presentation> {
        self.deck_index(doc)
            .map(|i| &doc.project().presentations[i])
    }

    /// Show presentation `index` in the panel.
    pub fn show_deck(&mut self, index: usize) {
        if self.deck != index {
            self.deck = index;
            self.selected = None;
            self.editing = None;
        }
    }

    /// Forget what belonged to the document before (a new or opened file).
    pub fn reset(&mut self) {
        *self = DeckUi {
            panel_open: self.panel_open,
            ..DeckUi::default()
        };
    }

    /// Replace the shown presentation by `changed`, undoably, under `label`.
    fn change(&mut self, doc: &mut Document, label: &str, changed: Presentation, nav: &mut Nav) {
        let Some(index) = self.deck_index(doc) else {
            return;
        };
        let edit = Edit::set(Place::new(List::Presentations, index), changed);
        if let Err(e) = doc.apply(label, edit) {
            nav.error = Some(format!("Could not change the slides: {e}"));
        }
    }

    /// Add `slide` after the selected one (or at the end), starting a presentation if the
    /// project has none; selects it and opens the panel.
    pub fn add_slide(&mut self, doc: &mut Document, slide: Slide, nav: &mut Nav) {
        let title = slide.title.clone();
        let result = match self.deck_index(doc) {
            Some(i) => {
                let mut deck = doc.project().presentations[i].clone();
                let at = self
                    .selected
                    .map_or(deck.slides.len(), |s| (s + 1).min(deck.slides.len()));
                deck.slides.insert(at, slide);
                self.selected = Some(at);
                doc.apply(
                    "Add slide",
                    Edit::set(Place::new(List::Presentations, i), deck),
                )
            }
            None => {
                let p = doc.project();
                let deck = Presentation {
                    id: starter::free_id(p),
                    title: format!("{}: slides", p.programme.title.trim()),
                    slides: vec![slide],
                };
                self.deck = 0;
                self.selected = Some(0);
                doc.apply(
                    "Add slide",
                    Edit::insert(Place::new(List::Presentations, 0), deck),
                )
            }
        };
        match result {
            Ok(()) => {
                self.panel_open = true;
                nav.status = Some(format!("Added the slide “{title}”"));
            }
            Err(e) => nav.error = Some(format!("Could not add the slide: {e}")),
        }
    }

    /// Add a presentation made from the project's headline views, and show it.
    pub fn add_starter_deck(&mut self, doc: &mut Document, nav: &mut Nav) {
        let p = doc.project();
        let deck = starter::starter(p, &starter::free_id(p));
        let index = p.presentations.len();
        let edit = Edit::insert(Place::new(List::Presentations, index), deck);
        match doc.apply("New presentation", edit) {
            Ok(()) => {
                self.show_deck(index);
                self.panel_open = true;
            }
            Err(e) => nav.error = Some(format!("Could not add the presentation: {e}")),
        }
    }

    /// Move slide `from` to position `to` (both in the current order).
    pub fn move_slide(&mut self, doc: &mut Document, from: usize, to: usize, nav: &mut Nav) {
        let Some(mut deck) = self.deck(doc).cloned() else {
            return;
        };
        let n = deck.slides.len();
        if from >= n || to >= n || from == to {
            return;
        }
        let s = deck.slides.remove(from);
        deck.slides.insert(to, s);
        self.selected = Some(to);
        self.editing = None;
        self.change(doc, "Move slide", deck, nav);
    }

    /// Put a copy of slide `i` after it.
    pub fn duplicate_slide(&mut self, doc: &mut Document, i: usize, nav: &mut Nav) {
        let Some(mut deck) = self.deck(doc).cloned() else {
            return;
        };
        let Some(s) = deck.slides.get(i).cloned() else {
            return;
        };
        deck.slides.insert(i + 1, s);
        self.selected = Some(i + 1);
        self.editing = None;
        self.change(doc, "Duplicate slide", deck, nav);
    }

    /// Delete slide `i` (undo brings it back).
    pub fn delete_slide(&mut self, doc: &mut Document, i: usize, nav: &mut Nav) {
        let Some(mut deck) = self.deck(doc).cloned() else {
            return;
        };
        if i >= deck.slides.len() {
            return;
        }
        deck.slides.remove(i);
        self.selected = (!deck.slides.is_empty()).then(|| i.min(deck.slides.len() - 1));
        self.editing = None;
        self.change(doc, "Delete slide", deck, nav);
    }

    /// Set slide `i`'s title and notes.
    pub fn set_words(
        &mut self,
        doc: &mut Document,
        i: usize,
        title: &str,
        notes: &str,
        nav: &mut Nav,
    ) {
        let Some(mut deck) = self.deck(doc).cloned() else {
            return;
        };
        let Some(s) = deck.slides.get_mut(i) else {
            return;
        };
        if s.title == title && s.notes == notes {
            return;
        }
        let label = if s.title != title {
            "Rename slide"
        } else {
            "Edit speaker notes"
        };
        s.title = title.to_string();
        s.notes = notes.to_string();
        self.change(doc, label, deck, nav);
    }
}
