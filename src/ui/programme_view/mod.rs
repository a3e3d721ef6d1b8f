//! The Programme view: every kind of item in the project, listed with search, and an editor
//! for the one chosen, from the programme's title to a measure's targets. Other views open
//! it on an item ("Edit this outcome" on the wheel, "Edit measure" under a chart).
//!
//! Three columns: the kinds with their counts (and a search over all of them), the items of
//! the kind chosen (add, move by drag, buttons or Alt+↑ / Alt+↓, delete asking first when
//! others refer to the item), and the editor. References are found through an
//! [`Index`] made once per state of the project.

use crate::document::Document;
use crate::edit::{self, Here, Index};
use crate::history::{Item, List, Place};
use crate::ui::nav::{Nav, NavRequest};
use crate::ui::theme;
use egui::{RichText, Ui};
use std::collections::HashMap;
use std::sync::Arc;

mod delete;
mod editor;
mod form;
mod forms;
mod items;
mod measure;
mod measure_lists;
pub mod new_project;
mod section;
mod values_import;

pub use editor::{Draft, Target};
pub use new_project::NewProject;
pub use section::Section;

use editor::Editor;

/// The rows listed, for one revision, section and search.
type RowsCache = (u64, Section, String, Arc<Vec<(Section, section::Row)>>);

/// The Programme view's state.
#[derive(Default)]
pub struct ProgrammeView {
    section: Section,
    search: String,
    editor: Option<Editor>,
    /// The references index and the link pickers' lists, for one revision of the project.
    index: Option<(u64, Arc<Index>)>,
    choices: (u64, forms::Choices),
    /// Item rows of the section shown (or the search's), for one revision and query.
    rows: Option<RowsCache>,
    delete: Option<delete::Dialog>,
    lists: measure_lists::MeasureLists,
    new_voice: String,
    /// What the editor last did, shown under it.
    note: Option<String>,
}

impl ProgrammeView {
    /// The references index for the document's current state.
    pub fn index(&mut self, doc: &Document) -> Arc<Index> {
        Self::index_of(&mut self.index, doc)
    }

    fn index_of(cache: &mut Option<(u64, Arc<Index>)>, doc: &Document) -> Arc<Index> {
        if let Some((rev, ix)) = cache.as_ref()
            && *rev == doc.revision()
        {
            return ix.clone();
        }
        // What the index of the state just before read of unchanged values is kept.
        let ix = match cache.as_ref() {
            Some((rev, prev)) if Some(*rev) == doc.previous_revision() => {
                Index::after(prev, doc.history().last_change())
            }
            _ => Index::new(),
        };
        let ix = Arc::new(ix);
        *cache = Some((doc.revision(), ix.clone()));
        ix
    }

    /// The kind of item listed.
    pub fn section(&self) -> Section {
        self.section
    }

    /// What the editor is open on, if anything.
    pub fn editing(&self) -> Option<Target> {
        self.editor.as_ref().map(|e| e.target)
    }

    /// Open the editor of the item `id` of `list`.
    pub fn edit(&mut self, doc: &Document, list: List, id: &str) {
        if let Some(i) = edit::ids(doc.project(), list).iter().position(|x| *x == id) {
            self.edit_at(doc, Place::new(list, i));
        }
    }

    /// Open the editor of the item at `place`.
    pub fn edit_at(&mut self, doc: &Document, place: Place) {
        self.section = Section::of(place.list);
        self.open(doc, Target::Item(place), None);
    }

    /// Open the editor of the programme's own details.
    pub fn edit_programme(&mut self, doc: &Document) {
        self.section = Section::Programme;
        self.open(doc, Target::Programme, None);
    }

    /// Open an editor of a new item of `list` (placed on the wheel at `here`, for an outcome).
    pub fn add(&mut self, doc: &Document, list: List, here: &Here) {
        self.section = Section::of(list);
        let item = edit::new_item(doc.project(), list, "", here);
        self.open(doc, Target::New(list), Some(item));
    }

    fn open(&mut self, doc: &Document, target: Target, new: Option<Item>) {
        self.editor = Editor::open(doc, target, new);
        self.lists = Default::default();
        self.new_voice.clear();
        self.note = None;
    }

    /// The project changed under the view: the editor follows it, or closes if its item is gone.
    fn follow(&mut self, doc: &Document) {
        if let Some(e) = &mut self.editor
            && !e.follow_doc(doc)
        {
            self.editor = None;
            self.note = Some("The item was deleted (undo brings it back).".into());
        }
        if self.choices.0 != doc.revision() {
            self.choices = (doc.revision(), HashMap::new());
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
        self.follow(doc);
        if self.editor.is_none() && self.section == Section::Programme {
            self.open(doc, Target::Programme, None);
        }
        egui::Panel::left("programme-sections")
            .resizable(false)
            .exact_size(210.0)
            .show(ui, |ui| self.sections(ui, doc));
        if self.section != Section::Programme || !self.search.trim().is_empty() {
            egui::Panel::left("programme-items")
                .resizable(true)
                .default_size(340.0)
                .size_range(240.0..=520.0)
                .show(ui, |ui| self.items(ui, doc));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| self.editor_ui(ui, doc, nav));
        });
        self.delete_dialog(ui, doc, nav);
    }

    fn sections(&mut self, ui: &mut Ui, doc: &Document) {
        ui.add_space(6.0);
        let l = ui.label(RichText::new("Search the programme").small());
        ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text("Name or id")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
        ui.add_space(6.0);
        let p = doc.project();
        for s in Section::ALL {
            let text = match s.list() {
                Some(list) => format!("{} ({})", s.label(), list.len(p)),
                None => s.label().to_string(),
            };
            let r = ui.selectable_label(self.section == s && self.search.trim().is_empty(), text);
            if r.clicked() {
                self.search.clear();
                if self.section != s {
                    self.section = s;
                    self.editor = None;
                    self.note = None;
                    if s == Section::Programme {
                        self.edit_programme(doc);
                    }
                }
            }
        }
    }

    fn editor_ui(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
        // The list beside may have changed the project this frame (a move, a delete).
        self.follow(doc);
        let index = Self::index_of(&mut self.index, doc);
        let Some(editor) = &mut self.editor else {
            let words = match self.section.list() {
                Some(list) if list.is_empty(doc.project()) => {
                    format!("No {} yet: add one.", edit::plural(list.word()))
                }
                Some(list) => format!(
                    "Choose one of the {} to edit it, or add one.",
                    edit::plural(list.word())
                ),
                None => String::new(),
            };
            ui.add_space(12.0);
            ui.label(RichText::new(words).color(theme::muted(ui)));
            if let Some(n) = &self.note {
                ui.label(n);
            }
            return;
        };
        let requests = editor_panel(
            ui,
            doc,
            editor,
            &index,
            &mut self.choices.1,
            &mut self.new_voice,
            &mut self.note,
        );
        for r in requests {
            self.request(doc, nav, r);
        }
        if let Some(Target::Item(place)) = self.editor.as_ref().map(|e| e.target)
            && place.list == List::Measures
        {
            ui.add_space(12.0);
            self.lists.ui(ui, doc, place.index, nav);
        }
    }

    fn request(&mut self, doc: &mut Document, nav: &mut Nav, r: forms::Request) {
        match r {
            forms::Request::NewVoice(text) => {
                let Some(editor) = &mut self.editor else {
                    return;
                };
                match add_voice(doc, editor, &text) {
                    Ok(label) => self.note = Some(label),
                    Err(e) => nav.error = Some(e),
                }
            }
            forms::Request::OpenPlan(id) => nav.go(NavRequest::OpenPlan(id)),
            forms::Request::OpenMeasure(id) => nav.go(NavRequest::OpenMeasure(id)),
        }
    }
}

/// Add a voice with `text` and link it to the outcome being edited: in the project at once
/// (with the link, when the outcome is already in the project), and in the draft.
fn add_voice(doc: &mut Document, editor: &mut Editor, text: &str) -> Result<String, String> {
    let p = doc.project();
    let voice = edit::new_item(p, List::Voices, text, &Here::default());
    let id = edit::id_of(&voice).unwrap_or_default().to_string();
    let mut edits = vec![crate::history::Edit::Insert {
        list: List::Voices,
        index: p.voices.len(),
        item: Box::new(voice),
    }];
    if let Target::Item(place) = editor.target
        && let Some(Item::Outcome(mut o)) = place.get(p)
    {
        o.voices.push(id.clone());
        edits.push(crate::history::Edit::set(place, o));
    }
    let label = format!(
        "Add voice “{}”",
        editor::name_of(&Item::Voice(crate::model::Voice {
            id: id.clone(),
            text: text.to_string(),
        }))
    );
    doc.apply(label.clone(), crate::history::Edit::Batch(edits))
        .map_err(|e| e.to_string())?;
    editor.follow_doc(doc);
    if let Draft::Item(Item::Outcome(o)) = &mut editor.draft
        && !o.voices.contains(&id)
    {
        o.voices.push(id);
    }
    Ok(label)
}

/// The editor's heading, fields, problems and buttons. Returns what the fields asked for.
fn editor_panel(
    ui: &mut Ui,
    doc: &mut Document,
    editor: &mut Editor,
    index: &Index,
    choices: &mut forms::Choices,
    new_voice: &mut String,
    note: &mut Option<String>,
) -> Vec<forms::Request> {
    ui.add_space(6.0);
    let heading = match (&editor.draft, editor.target) {
        (Draft::Programme(_), _) => "Programme details".to_string(),
        (Draft::Item(i), Target::New(_)) => format!("New {}", i.word()),
        (Draft::Item(i), _) => format!("{} “{}”", capital(i.word()), editor::name_of(i)),
    };
    ui.heading(heading);
    let own_id = match &editor.original {
        Draft::Item(i) => edit::id_of(i),
        Draft::Programme(_) => None,
    };
    if let (Target::Item(place), Some(id)) = (editor.target, own_id) {
        let used = index.referrers(doc.project(), place.list, id);
        if !used.is_empty() {
            ui.label(
                RichText::new(format!("Used by {}", edit::describe(used))).color(theme::muted(ui)),
            );
        }
    }
    ui.add_space(6.0);
    let problems = editor.problems(doc).to_vec();
    let is_new = matches!(editor.target, Target::New(_));
    let mut cx = forms::Context {
        project: doc.project(),
        choices,
        is_new,
        id_typed: &mut editor.id_typed,
        requests: Vec::new(),
        new_voice,
    };
    let mut f = form::Form::new(&problems, &mut editor.buffers);
    let draft = &mut editor.draft;
    f.grid(ui, "item-fields", |f, ui| {
        forms::fields(f, ui, draft, &mut cx)
    });
    f.rest(ui);
    let requests = std::mem::take(&mut cx.requests);
    let (unread, enter, escape) = (f.unread.clone(), f.enter, f.escape);
    let blocked = !problems.is_empty() || !unread.is_empty();
    ui.add_space(8.0);
    let mut apply = false;
    let mut cancel = false;
    ui.horizontal(|ui| {
        let word = if is_new { "Add" } else { "Apply" };
        let enabled = !blocked && (editor.is_modified() || is_new);
        apply = ui
            .add_enabled(enabled, egui::Button::new(word))
            .on_hover_text("Enter")
            .on_disabled_hover_text(if blocked {
                "Put right what is marked ⚠ first"
            } else {
                "Nothing has changed"
            })
            .clicked();
        cancel = ui
            .add_enabled(editor.is_modified(), egui::Button::new("Cancel"))
            .on_hover_text("Esc: put the fields back as they were")
            .clicked();
        if blocked {
            ui.label(RichText::new("Put right what is marked ⚠ to apply").color(theme::muted(ui)));
        } else if editor.is_modified() {
            ui.label(RichText::new("Not applied yet").color(theme::muted(ui)));
        }
    });
    if (apply || (enter && !blocked)) && (editor.is_modified() || is_new) {
        match editor.apply(doc, index) {
            Ok(label) => *note = Some(format!("{label}: done")),
            Err(e) => *note = Some(format!("Could not apply: {e}")),
        }
    } else if cancel || escape {
        editor.draft = editor.original.clone();
        editor.buffers.clear();
        *note = None;
    }
    if let Some(n) = note {
        ui.label(RichText::new(n.as_str()).color(theme::muted(ui)));
    }
    requests
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Open the Programme view on an item (for other views' "Edit this…" buttons).
pub fn go_edit(nav: &mut Nav, list: List, id: &str) {
    nav.go(NavRequest::EditItem {
        list,
        id: id.to_string(),
    });
}

/// Open the Programme view on a new item (an outcome placed `here` on the wheel).
pub fn go_add(nav: &mut Nav, list: List, here: Here) {
    nav.go(NavRequest::AddItem { list, here });
}
