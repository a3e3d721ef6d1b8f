//! Deleting an item that others refer to: what refers to it ("3 outcomes and 2 actions link
//! to this measure"), and the one edit that removes it with every link to it, so that nothing
//! is left dangling. Items that cannot exist without it (outcomes of a priority, a chart
//! slide of a measure) are deleted too or, for outcomes, moved to another priority or area
//! of need, as the user chooses.

use super::refs::{Fate, Index, Referrer, describe, rewrite};
use super::{count, id_of};
use crate::history::{Edit, Item, List, Place};
use crate::model::Project;
use std::collections::{BTreeMap, BTreeSet};

/// What deleting one item involves.
#[derive(Debug, Clone)]
pub struct Deletion {
    pub place: Place,
    /// The item's id (empty for actions and slides, which nothing refers to by id).
    pub id: String,
    /// Items that refer to it and keep going without the reference.
    pub links: Vec<Referrer>,
    /// Items that cannot exist without it.
    pub dependants: Vec<Referrer>,
}

/// What becomes of outcomes that belong to a deleted priority or area of need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dependants {
    /// They are deleted too (with their own links).
    DeleteToo,
    /// They move to the priority or area of need with this id.
    MoveTo(String),
}

impl Deletion {
    /// What deleting the item at `place` involves, or None if there is no item there.
    pub fn new(project: &Project, index: &Index, place: Place) -> Option<Deletion> {
        let item = place.get(project)?;
        let id = id_of(&item).unwrap_or("").to_string();
        let referrers: &[Referrer] = if id.is_empty() {
            &[]
        } else {
            index.referrers(project, place.list, &id)
        };
        let (dependants, links) = referrers.iter().partition(|r| r.required);
        Some(Deletion {
            place,
            id,
            links,
            dependants,
        })
    }

    /// Whether deleting it changes other items (and so the user is asked first).
    pub fn needs_asking(&self) -> bool {
        !self.links.is_empty() || !self.dependants.is_empty()
    }

    /// What the user is told before deleting: "3 outcomes and 2 actions link to this
    /// measure." and what happens to items that cannot do without it. Empty when nothing
    /// refers to it.
    pub fn question(&self) -> Vec<String> {
        let word = self.place.list.word();
        let mut lines = Vec::new();
        if !self.links.is_empty() {
            let verb = if self.links.len() == 1 {
                "links"
            } else {
                "link"
            };
            lines.push(format!(
                "{} {verb} to this {word}: deleting it removes those links.",
                capitalise(&describe(&self.links))
            ));
        }
        let (outcomes, others): (Vec<Referrer>, Vec<Referrer>) = self
            .dependants
            .iter()
            .partition(|r| r.place.list == List::Outcomes);
        if !outcomes.is_empty() {
            let verb = if outcomes.len() == 1 {
                "belongs"
            } else {
                "belong"
            };
            lines.push(format!(
                "{} {verb} to this {word}: move them to another {word} or delete them too.",
                capitalise(&count(outcomes.len(), "outcome"))
            ));
        }
        if !others.is_empty() {
            let verb = if others.len() == 1 { "shows" } else { "show" };
            lines.push(format!(
                "{} {verb} this {word} and will be deleted too.",
                capitalise(&describe(&others))
            ));
        }
        lines
    }

    /// Whether some outcomes belong to it (and the user chooses [`Dependants`]).
    pub fn has_outcomes(&self) -> bool {
        self.dependants
            .iter()
            .any(|r| r.place.list == List::Outcomes)
    }

    /// The one edit that deletes the item with its links, its dependants as `choice` says.
    pub fn edit(&self, project: &Project, index: &Index, choice: &Dependants) -> Edit {
        let mut removed: BTreeSet<Place> = BTreeSet::from([self.place]);
        let mut gone: Vec<(List, String)> = vec![(self.place.list, self.id.clone())];
        for d in &self.dependants {
            let moved = d.place.list == List::Outcomes && matches!(choice, Dependants::MoveTo(_));
            if !moved {
                removed.insert(d.place);
                if let Some(id) = d.place.get(project).as_ref().and_then(id_of) {
                    gone.push((d.place.list, id.to_string()));
                }
            }
        }
        // Every item that refers to something deleted, rewritten once.
        let mut changed: BTreeMap<Place, Item> = BTreeMap::new();
        for (list, id) in gone.iter().filter(|(_, id)| !id.is_empty()) {
            for r in index.referrers(project, *list, id) {
                if removed.contains(&r.place) || changed.contains_key(&r.place) {
                    continue;
                }
                let Some(mut item) = r.place.get(project) else {
                    continue;
                };
                let keeps = rewrite(&mut item, &mut |l, x| {
                    if gone.iter().any(|(gl, gid)| *gl == l && gid == x) {
                        match (choice, l) {
                            (Dependants::MoveTo(to), List::Priorities | List::Needs)
                                if l == self.place.list =>
                            {
                                Fate::Replace(to.clone())
                            }
                            _ => Fate::Drop,
                        }
                    } else {
                        Fate::Keep
                    }
                });
                if keeps {
                    changed.insert(r.place, item);
                } else {
                    removed.insert(r.place);
                }
            }
        }
        let mut edits: Vec<Edit> = changed
            .into_iter()
            .map(|(place, item)| Edit::Set {
                list: place.list,
                index: place.index,
                item: Box::new(item),
            })
            .collect();
        // Last first, and a plan's actions or a presentation's slides before plans and
        // presentations (they sort after them), so that every position still holds.
        edits.extend(removed.into_iter().rev().map(Edit::remove));
        Edit::Batch(edits)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
