//! Changes to a project's structure, as [`crate::history::Edit`]s the history can undo:
//! changing an item (with every reference following when its id changes), deleting one
//! (with its links, asking first), new ids made from names, the checks an item editor shows
//! at its fields, starting frameworks for a new project, and a measure's values read from a
//! spreadsheet.
//!
//! References are found through an [`Index`] built once per state of the project, never by
//! scanning every item while the user types.

pub mod check;
mod delete;
pub mod framework;
mod ids;
mod new_item;
mod refs;
mod rename;
pub mod values;

pub use delete::{Deletion, Dependants};
pub use ids::{MAX_ID, id_from_name};
pub use new_item::{Here, new_item};
pub use refs::{Fate, Index, Referrer, describe, rewrite};

use crate::history::{Edit, Item, Kind, List, Place};
use crate::model::Project;

/// The id of an item that has one (actions and slides have none).
pub fn id_of(item: &Item) -> Option<&str> {
    Some(match item {
        Item::Source(x) => &x.id,
        Item::Priority(x) => &x.id,
        Item::Need(x) => &x.id,
        Item::Outcome(x) => &x.id,
        Item::Voice(x) => &x.id,
        Item::Measure(x) => &x.id,
        Item::Plan(x) => &x.id,
        Item::Pledge(x) => &x.id,
        Item::Mission(x) => &x.id,
        Item::Presentation(x) => &x.id,
        Item::Action(_) | Item::Slide(_) => return None,
    })
}

/// The ids of the items of `list` (none for actions and slides).
pub fn ids(project: &Project, list: List) -> Vec<&str> {
    fn of<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<&str> {
        items.iter().map(id).collect()
    }
    match list {
        List::Sources => of(&project.sources, |x| &x.id),
        List::Priorities => of(&project.priorities, |x| &x.id),
        List::Needs => of(&project.needs, |x| &x.id),
        List::Outcomes => of(&project.outcomes, |x| &x.id),
        List::Voices => of(&project.voices, |x| &x.id),
        List::Measures => of(&project.measures, |x| &x.id),
        List::Plans => of(&project.action_plans, |x| &x.id),
        List::Pledges => of(&project.pledges, |x| &x.id),
        List::Missions => of(&project.missions, |x| &x.id),
        List::Presentations => of(&project.presentations, |x| &x.id),
        List::Actions { .. } | List::Slides { .. } => Vec::new(),
    }
}

/// A new id for an item of `list` named `name`, unique among the list's ids.
pub fn new_id(project: &Project, list: List, name: &str) -> String {
    let taken = ids(project, list);
    let fallback = match list {
        List::Needs => "need",
        List::Voices => "voice",
        List::Plans => "plan",
        other => other.word(),
    };
    id_from_name(name, fallback, |id| taken.contains(&id))
}

/// The edit that replaces the item at `place` with `item`; when its id changes, every
/// reference to it follows in the same step.
pub fn change(project: &Project, index: &Index, place: Place, item: impl Kind) -> Edit {
    let item = item.into_item();
    let old = place.get(project);
    let old_id = old.as_ref().and_then(id_of).unwrap_or("");
    let new_id = id_of(&item).unwrap_or("");
    let mut edits = vec![Edit::Set {
        list: place.list,
        index: place.index,
        item: Box::new(item.clone()),
    }];
    if !old_id.is_empty() && old_id != new_id {
        edits.extend(rename::follow(project, index, place.list, old_id, new_id));
    }
    match edits.len() {
        1 => edits.pop().expect("one edit"),
        _ => Edit::Batch(edits),
    }
}

/// The plural of a kind's word ("areas of need", "priorities").
pub fn plural(word: &str) -> String {
    let (head, tail) = match word.split_once(" of ") {
        Some((head, tail)) => (head, format!(" of {tail}")),
        None => (word, String::new()),
    };
    let consonant_y =
        head.ends_with('y') && !head[..head.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        format!("{}ies{tail}", &head[..head.len() - 1])
    } else {
        format!("{head}s{tail}")
    }
}

/// "1 outcome", "3 areas of need", "2 priorities".
pub fn count(n: usize, word: &str) -> String {
    crate::format::count(n, word, &plural(word))
}

/// "a", "a and b", "a, b and c".
pub fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests;
