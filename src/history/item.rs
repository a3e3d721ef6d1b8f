//! Items of every kind a project lists, and the lists that hold them, so that one set of
//! edits (set, insert, remove, move) serves them all.
//!
//! A new kind of item is one variant in [`Item`] and [`List`], one line in the `kinds!`
//! table below and one arm in [`List::items_mut`].

use super::EditError;
use crate::model::{
    Action, ActionPlan, AreaOfNeed, Measure, Mission, Outcome, Pledge, Presentation, Priority,
    Project, Slide, Source, Voice,
};

/// One item of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Source(Source),
    Priority(Priority),
    Need(AreaOfNeed),
    Outcome(Outcome),
    Voice(Voice),
    Measure(Measure),
    Plan(ActionPlan),
    Action(Action),
    Pledge(Pledge),
    Mission(Mission),
    Presentation(Presentation),
    Slide(Slide),
}

/// A list of items in a project: a top-level list, or the actions of one plan, or the
/// slides of one presentation (by position).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum List {
    Sources,
    Priorities,
    Needs,
    Outcomes,
    Voices,
    Measures,
    Plans,
    Actions { plan: usize },
    Pledges,
    Missions,
    Presentations,
    Slides { presentation: usize },
}

/// Where one item is: its list and its position in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Place {
    pub list: List,
    pub index: usize,
}

impl Place {
    pub fn new(list: List, index: usize) -> Self {
        Place { list, index }
    }
}

/// The same operations on a list of any kind of item, for [`super::Edit`].
pub(super) trait Items {
    fn len(&self) -> usize;
    fn set(&mut self, index: usize, item: Item) -> Result<Item, EditError>;
    fn insert(&mut self, index: usize, item: Item) -> Result<(), EditError>;
    fn remove(&mut self, index: usize) -> Item;
    fn relocate(&mut self, from: usize, to: usize);
}

/// Conversions between an item type and [`Item`], and the word for it.
pub trait Kind: Sized {
    /// The singular word for the kind, in messages ("area of need").
    const WORD: &'static str;
    fn into_item(self) -> Item;
    fn from_item(item: Item) -> Option<Self>;
    fn from_item_ref(item: &Item) -> Option<&Self>;
}

macro_rules! kinds {
    ($($variant:ident: $ty:ty = $word:literal;)*) => {
        $(
            impl Kind for $ty {
                const WORD: &'static str = $word;
                fn into_item(self) -> Item {
                    Item::$variant(self)
                }
                fn from_item(item: Item) -> Option<Self> {
                    match item {
                        Item::$variant(v) => Some(v),
                        _ => None,
                    }
                }
                fn from_item_ref(item: &Item) -> Option<&Self> {
                    match item {
                        Item::$variant(v) => Some(v),
                        _ => None,
                    }
                }
            }
        )*
        impl Item {
            /// The singular word for the item's kind ("measure").
            pub fn word(&self) -> &'static str {
                match self {
                    $(Item::$variant(_) => $word,)*
                }
            }
        }
    };
}

kinds! {
    Source: Source = "source";
    Priority: Priority = "priority";
    Need: AreaOfNeed = "area of need";
    Outcome: Outcome = "outcome";
    Voice: Voice = "resident voice";
    Measure: Measure = "measure";
    Plan: ActionPlan = "action plan";
    Action: Action = "action";
    Pledge: Pledge = "pledge";
    Mission: Mission = "mission";
    Presentation: Presentation = "presentation";
    Slide: Slide = "slide";
}

/// Any item, where a typed one is expected (its own kind is checked when it is applied).
impl Kind for Item {
    const WORD: &'static str = "item";
    fn into_item(self) -> Item {
        self
    }
    fn from_item(item: Item) -> Option<Self> {
        Some(item)
    }
    fn from_item_ref(item: &Item) -> Option<&Self> {
        Some(item)
    }
}

impl<T: Kind> Items for Vec<T> {
    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn set(&mut self, index: usize, item: Item) -> Result<Item, EditError> {
        let value = typed::<T>(item)?;
        in_range(self.len(), index, T::WORD, false)?;
        Ok(std::mem::replace(&mut self[index], value).into_item())
    }

    fn insert(&mut self, index: usize, item: Item) -> Result<(), EditError> {
        let value = typed::<T>(item)?;
        in_range(self.len(), index, T::WORD, true)?;
        Vec::insert(self, index, value);
        Ok(())
    }

    fn remove(&mut self, index: usize) -> Item {
        Vec::remove(self, index).into_item()
    }

    fn relocate(&mut self, from: usize, to: usize) {
        let v = Vec::remove(self, from);
        Vec::insert(self, to, v);
    }
}

fn typed<T: Kind>(item: Item) -> Result<T, EditError> {
    let word = item.word();
    T::from_item(item)
        .ok_or_else(|| EditError(format!("a {word} cannot go in a list of {}s", T::WORD)))
}

/// Whether `index` is in a list of `len` (or, to insert, at most its end).
pub(super) fn in_range(
    len: usize,
    index: usize,
    what: &str,
    insert: bool,
) -> Result<(), EditError> {
    let ok = if insert { index <= len } else { index < len };
    if ok {
        Ok(())
    } else {
        Err(EditError(format!(
            "{what} {index} is out of range (there are {len})"
        )))
    }
}

impl List {
    /// The singular word for what the list holds ("action").
    pub fn word(self) -> &'static str {
        match self {
            List::Sources => Source::WORD,
            List::Priorities => Priority::WORD,
            List::Needs => AreaOfNeed::WORD,
            List::Outcomes => Outcome::WORD,
            List::Voices => Voice::WORD,
            List::Measures => Measure::WORD,
            List::Plans => ActionPlan::WORD,
            List::Actions { .. } => Action::WORD,
            List::Pledges => Pledge::WORD,
            List::Missions => Mission::WORD,
            List::Presentations => Presentation::WORD,
            List::Slides { .. } => Slide::WORD,
        }
    }

    /// The list in `project`, or an error if its plan or presentation does not exist.
    pub(super) fn items_mut(self, p: &mut Project) -> Result<&mut dyn Items, EditError> {
        Ok(match self {
            List::Sources => &mut p.sources,
            List::Priorities => &mut p.priorities,
            List::Needs => &mut p.needs,
            List::Outcomes => &mut p.outcomes,
            List::Voices => &mut p.voices,
            List::Measures => &mut p.measures,
            List::Plans => &mut p.action_plans,
            List::Actions { plan } => {
                let len = p.action_plans.len();
                &mut p
                    .action_plans
                    .get_mut(plan)
                    .ok_or_else(|| out_of_range("action plan", plan, len))?
                    .actions
            }
            List::Pledges => &mut p.pledges,
            List::Missions => &mut p.missions,
            List::Presentations => &mut p.presentations,
            List::Slides { presentation } => {
                let len = p.presentations.len();
                &mut p
                    .presentations
                    .get_mut(presentation)
                    .ok_or_else(|| out_of_range("presentation", presentation, len))?
                    .slides
            }
        })
    }

    /// How many items the list holds in `project` (0 when its plan or presentation is missing).
    pub fn len(self, p: &Project) -> usize {
        match self {
            List::Sources => p.sources.len(),
            List::Priorities => p.priorities.len(),
            List::Needs => p.needs.len(),
            List::Outcomes => p.outcomes.len(),
            List::Voices => p.voices.len(),
            List::Measures => p.measures.len(),
            List::Plans => p.action_plans.len(),
            List::Actions { plan } => p.action_plans.get(plan).map_or(0, |x| x.actions.len()),
            List::Pledges => p.pledges.len(),
            List::Missions => p.missions.len(),
            List::Presentations => p.presentations.len(),
            List::Slides { presentation } => p
                .presentations
                .get(presentation)
                .map_or(0, |x| x.slides.len()),
        }
    }

    /// Whether the list is empty in `project`.
    pub fn is_empty(self, p: &Project) -> bool {
        self.len(p) == 0
    }
}

fn out_of_range(what: &str, index: usize, len: usize) -> EditError {
    EditError(format!("{what} {index} is out of range (there are {len})"))
}

impl Place {
    /// A copy of the item at this place in `project`, if there is one.
    pub fn get(self, p: &Project) -> Option<Item> {
        let i = self.index;
        Some(match self.list {
            List::Sources => p.sources.get(i)?.clone().into_item(),
            List::Priorities => p.priorities.get(i)?.clone().into_item(),
            List::Needs => p.needs.get(i)?.clone().into_item(),
            List::Outcomes => p.outcomes.get(i)?.clone().into_item(),
            List::Voices => p.voices.get(i)?.clone().into_item(),
            List::Measures => p.measures.get(i)?.clone().into_item(),
            List::Plans => p.action_plans.get(i)?.clone().into_item(),
            List::Actions { plan } => p
                .action_plans
                .get(plan)?
                .actions
                .get(i)?
                .clone()
                .into_item(),
            List::Pledges => p.pledges.get(i)?.clone().into_item(),
            List::Missions => p.missions.get(i)?.clone().into_item(),
            List::Presentations => p.presentations.get(i)?.clone().into_item(),
            List::Slides { presentation } => p
                .presentations
                .get(presentation)?
                .slides
                .get(i)?
                .clone()
                .into_item(),
        })
    }
}
