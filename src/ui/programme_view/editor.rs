//! An open item editor: a draft of the item that the fields change, checked as the user
//! types, and applied as one undoable edit (with every reference following a new id).
//!
//! A draft nobody has touched follows the project (after undo, or a change made in another
//! view); a touched one is kept until applied or cancelled. A measure's and a plan's lists
//! (values, targets, actions…) are edited by their own list editors straight into the
//! project; applying the editor changes only the item's own fields.

use super::form::Buffers;
use crate::document::Document;
use crate::edit::{self, Index, check::Problem};
use crate::history::{Edit, Item, List, Place};
use crate::model::{Programme, Project};

/// What is being edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Programme,
    Item(Place),
    /// A new item, added at the end of the list when applied.
    New(List),
}

/// The item as the fields change it (one at a time, so its size does not matter).
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Draft {
    Programme(Programme),
    Item(Item),
}

pub(super) struct Editor {
    pub target: Target,
    pub original: Draft,
    pub draft: Draft,
    /// For a new item, the id follows the name until the user types one.
    pub id_typed: bool,
    pub buffers: Buffers,
    /// The revision the editor last looked at the project.
    seen: u64,
    checked: Option<(u64, Target, Draft, Vec<Problem>)>,
}

impl Editor {
    /// An editor of `target`, or None if there is nothing there.
    pub fn open(doc: &Document, target: Target, new: Option<Item>) -> Option<Editor> {
        let p = doc.project();
        let draft = match target {
            Target::Programme => Draft::Programme(p.programme.clone()),
            Target::Item(place) => Draft::Item(place.get(p)?),
            Target::New(_) => Draft::Item(new?),
        };
        Some(Editor {
            target,
            original: draft.clone(),
            draft,
            id_typed: false,
            buffers: Buffers::new(),
            seen: doc.revision(),
            checked: None,
        })
    }

    /// Whether the user has changed anything.
    pub fn is_modified(&self) -> bool {
        self.draft != self.original
    }

    /// The draft as an item, if it is one.
    pub fn item(&self) -> Option<&Item> {
        match &self.draft {
            Draft::Item(i) => Some(i),
            Draft::Programme(_) => None,
        }
    }

    /// Keep up with changes made elsewhere. Returns false when the item is gone.
    pub fn follow(&mut self, p: &Project) -> bool {
        let Target::Item(place) = self.target else {
            if let (Target::Programme, false) = (self.target, self.is_modified()) {
                self.reload(Draft::Programme(p.programme.clone()));
            }
            return true;
        };
        // Found again by id (positions change when items are added, moved or deleted).
        let found = match self.original_id() {
            Some(id) => edit::ids(p, place.list)
                .iter()
                .position(|x| *x == id)
                .map(|i| Place::new(place.list, i)),
            None => (place.index < place.list.len(p)).then_some(place),
        };
        let Some(now) = found else {
            return false;
        };
        self.target = Target::Item(now);
        if !self.is_modified()
            && let Some(current) = now.get(p)
        {
            self.reload(Draft::Item(current));
        }
        true
    }

    /// Follow the document if it changed since the editor last looked.
    pub fn follow_doc(&mut self, doc: &Document) -> bool {
        if self.seen == doc.revision() {
            return true;
        }
        self.seen = doc.revision();
        self.follow(doc.project())
    }

    fn reload(&mut self, d: Draft) {
        if d != self.original {
            self.original = d.clone();
            self.draft = d;
            self.buffers.clear();
        }
    }

    fn original_id(&self) -> Option<String> {
        match &self.original {
            Draft::Item(i) => edit::id_of(i).map(str::to_string),
            Draft::Programme(_) => None,
        }
    }

    /// Where the item is checked: its place, or one past the end of its list when new.
    fn place(&self, p: &Project) -> Option<Place> {
        match self.target {
            Target::Programme => None,
            Target::Item(place) => Some(place),
            Target::New(list) => Some(Place::new(list, list.len(p))),
        }
    }

    /// The item as applying would leave it: the draft's own fields over the project's lists.
    fn merged(&self, p: &Project) -> Option<Item> {
        let draft = self.item()?.clone();
        let Target::Item(place) = self.target else {
            return Some(draft);
        };
        let current = place.get(p)?;
        Some(merge(current, draft))
    }

    /// What `check` says about the draft (worked out again only when it or the project changed).
    pub fn problems(&mut self, doc: &Document) -> &[Problem] {
        let fresh = self.checked.as_ref().is_some_and(|(rev, t, d, _)| {
            *rev == doc.revision() && *t == self.target && *d == self.draft
        });
        if !fresh {
            let p = doc.project();
            let found = match (&self.draft, self.place(p), self.merged(p)) {
                (Draft::Programme(prog), _, _) => edit::check::programme_problems(prog),
                (_, Some(place), Some(item)) => edit::check::problems(p, place, &item),
                _ => Vec::new(),
            };
            self.checked = Some((doc.revision(), self.target, self.draft.clone(), found));
        }
        &self.checked.as_ref().expect("just checked").3
    }

    /// Apply the draft as one undoable step. Returns what was done ("Add outcome “…”").
    pub fn apply(&mut self, doc: &mut Document, index: &Index) -> Result<String, String> {
        let p = doc.project();
        let (label, edit, now) = match (&self.draft, self.target) {
            (Draft::Programme(prog), _) => (
                "Edit programme details".to_string(),
                Edit::SetProgramme(Box::new(prog.clone())),
                Target::Programme,
            ),
            (Draft::Item(item), Target::New(list)) => {
                let at = Place::new(list, list.len(p));
                (
                    format!("Add {} “{}”", item.word(), name_of(item)),
                    Edit::Insert {
                        list,
                        index: at.index,
                        item: Box::new(item.clone()),
                    },
                    Target::Item(at),
                )
            }
            (Draft::Item(item), Target::Item(place)) => {
                let merged = self.merged(p).ok_or("the item is no longer there")?;
                let old = self.original_id().unwrap_or_default();
                let new = edit::id_of(item).unwrap_or_default();
                let label = if old != new {
                    format!("Rename {} {old} to {new}", item.word())
                } else {
                    format!("Edit {} “{}”", item.word(), name_of(item))
                };
                (
                    label,
                    edit::change(p, index, place, merged),
                    Target::Item(place),
                )
            }
            (Draft::Item(_), Target::Programme) => return Err("nothing to apply".into()),
        };
        doc.apply(label.clone(), edit).map_err(|e| e.to_string())?;
        self.target = now;
        self.seen = doc.revision();
        let applied = match now {
            Target::Item(place) => place.get(doc.project()).map(Draft::Item),
            _ => Some(self.draft.clone()),
        };
        if let Some(d) = applied {
            self.original = d.clone();
            self.draft = d;
        }
        Ok(label)
    }
}

/// `current` with the draft's own fields: a measure keeps the project's values, targets,
/// comparators, events, disagreements and status set by hand; a plan its actions; a
/// presentation its slides.
fn merge(current: Item, draft: Item) -> Item {
    match (current, draft) {
        (Item::Measure(mut m), Item::Measure(d)) => {
            m.id = d.id;
            m.name = d.name;
            m.definition = d.definition;
            m.unit = d.unit;
            m.direction = d.direction;
            m.headline = d.headline;
            m.baseline = d.baseline;
            m.tolerance_percent = d.tolerance_percent;
            m.chart_title = d.chart_title;
            m.chart_fit_axis = d.chart_fit_axis;
            m.note = d.note;
            Item::Measure(m)
        }
        (Item::Plan(mut p), Item::Plan(d)) => {
            let actions = std::mem::take(&mut p.actions);
            p = d;
            p.actions = actions;
            Item::Plan(p)
        }
        (Item::Presentation(mut p), Item::Presentation(d)) => {
            let slides = std::mem::take(&mut p.slides);
            p = d;
            p.slides = slides;
            Item::Presentation(p)
        }
        (_, draft) => draft,
    }
}

/// An item's name as lists and messages show it.
pub fn name_of(item: &Item) -> String {
    let s = match item {
        Item::Source(x) => x.title.as_str(),
        Item::Priority(x) => &x.name,
        Item::Need(x) => &x.name,
        Item::Outcome(x) => &x.name,
        Item::Voice(x) => &x.text,
        Item::Measure(x) => &x.name,
        Item::Plan(x) => &x.title,
        Item::Action(x) => &x.title,
        Item::Pledge(x) => &x.partner,
        Item::Mission(x) => &x.name,
        Item::Presentation(x) => &x.title,
        Item::Slide(x) => &x.title,
    };
    let short: String = s.chars().take(60).collect();
    if short.len() < s.len() {
        format!("{short}…")
    } else {
        short
    }
}
