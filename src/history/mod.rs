//! Edits to a project and the app-wide undo/redo history.
//!
//! Every change a user makes is an [`Edit`]: a replacement, insertion, removal or move of
//! one item of any kind ([`Item`], in a [`List`]), or a batch of them. Applying an edit
//! returns its inverse, which is what the history keeps, so undo is exact and costs only
//! the changed items.

mod item;
#[cfg(test)]
mod tests;

pub use item::{Item, Kind, List, Place};

use crate::model::{Action, ActionPlan, Measure, Outcome, Pledge, Programme, Project};
use item::in_range;

/// One change to a project.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace the item at `index` of `list`.
    Set {
        list: List,
        index: usize,
        item: Box<Item>,
    },
    /// Insert an item at `index` of `list` (its length to append).
    Insert {
        list: List,
        index: usize,
        item: Box<Item>,
    },
    /// Remove the item at `index` of `list`.
    Remove {
        list: List,
        index: usize,
    },
    /// Move the item at `from` so that it ends up at `to` (both positions in `list`).
    Move {
        list: List,
        from: usize,
        to: usize,
    },
    SetProgramme(Box<Programme>),
    /// Replace a plan's title, origin, start and note (its actions are kept).
    SetPlanHeader {
        plan: usize,
        value: Box<ActionPlan>,
    },
    /// Replace the whole project (e.g. a bulk change).
    SetProject(Box<Project>),
    /// Several edits applied in order and undone as one.
    Batch(Vec<Edit>),
    // Shorthands for the generic edits above, named by kind.
    SetOutcome {
        index: usize,
        value: Box<Outcome>,
    },
    SetMeasure {
        index: usize,
        value: Box<Measure>,
    },
    InsertMeasure {
        index: usize,
        value: Box<Measure>,
    },
    RemoveMeasure {
        index: usize,
    },
    SetPledge {
        index: usize,
        value: Box<Pledge>,
    },
    InsertPlan {
        index: usize,
        value: Box<ActionPlan>,
    },
    RemovePlan {
        index: usize,
    },
    SetAction {
        plan: usize,
        index: usize,
        value: Box<Action>,
    },
    InsertAction {
        plan: usize,
        index: usize,
        value: Box<Action>,
    },
    RemoveAction {
        plan: usize,
        index: usize,
    },
}

/// An edit that does not fit the project (an index out of range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Edit {
    /// Replace the item at `place` with `item`.
    pub fn set(place: Place, item: impl Kind) -> Edit {
        Edit::Set {
            list: place.list,
            index: place.index,
            item: Box::new(item.into_item()),
        }
    }

    /// Insert `item` at `place`.
    pub fn insert(place: Place, item: impl Kind) -> Edit {
        Edit::Insert {
            list: place.list,
            index: place.index,
            item: Box::new(item.into_item()),
        }
    }

    /// Remove the item at `place`.
    pub fn remove(place: Place) -> Edit {
        Edit::Remove {
            list: place.list,
            index: place.index,
        }
    }

    /// The lists the edit changes, or None when it may change any (a whole project).
    pub fn lists(&self) -> Option<Vec<List>> {
        let mut out = Vec::new();
        self.collect_lists(&mut out).then_some(out)
    }

    fn collect_lists(&self, out: &mut Vec<List>) -> bool {
        let list = match self {
            Edit::Set { list, .. } | Edit::Insert { list, .. } | Edit::Remove { list, .. } => *list,
            Edit::Move { list, .. } => *list,
            Edit::SetProgramme(_) => return true,
            Edit::SetPlanHeader { .. } | Edit::InsertPlan { .. } | Edit::RemovePlan { .. } => {
                List::Plans
            }
            Edit::SetOutcome { .. } => List::Outcomes,
            Edit::SetMeasure { .. } | Edit::InsertMeasure { .. } | Edit::RemoveMeasure { .. } => {
                List::Measures
            }
            Edit::SetPledge { .. } => List::Pledges,
            Edit::SetAction { plan, .. }
            | Edit::InsertAction { plan, .. }
            | Edit::RemoveAction { plan, .. } => List::Actions { plan: *plan },
            Edit::SetProject(_) => return false,
            Edit::Batch(edits) => return edits.iter().all(|e| e.collect_lists(out)),
        };
        if !out.contains(&list) {
            out.push(list);
        }
        true
    }

    /// A shorthand written as the generic edit it stands for (other edits as they are).
    fn generic(self) -> Edit {
        let set = |list, index, item: Item| Edit::Set {
            list,
            index,
            item: Box::new(item),
        };
        let insert = |list, index, item: Item| Edit::Insert {
            list,
            index,
            item: Box::new(item),
        };
        match self {
            Edit::SetOutcome { index, value } => set(List::Outcomes, index, Item::Outcome(*value)),
            Edit::SetMeasure { index, value } => set(List::Measures, index, Item::Measure(*value)),
            Edit::InsertMeasure { index, value } => {
                insert(List::Measures, index, Item::Measure(*value))
            }
            Edit::RemoveMeasure { index } => Edit::Remove {
                list: List::Measures,
                index,
            },
            Edit::SetPledge { index, value } => set(List::Pledges, index, Item::Pledge(*value)),
            Edit::InsertPlan { index, value } => insert(List::Plans, index, Item::Plan(*value)),
            Edit::RemovePlan { index } => Edit::Remove {
                list: List::Plans,
                index,
            },
            Edit::SetAction { plan, index, value } => {
                set(List::Actions { plan }, index, Item::Action(*value))
            }
            Edit::InsertAction { plan, index, value } => {
                insert(List::Actions { plan }, index, Item::Action(*value))
            }
            Edit::RemoveAction { plan, index } => Edit::Remove {
                list: List::Actions { plan },
                index,
            },
            other => other,
        }
    }

    /// Apply to `project`, returning the edit that undoes it. On error nothing has changed.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        Ok(match self {
            Edit::Set { list, index, item } => {
                let old = list.items_mut(project)?.set(index, *item)?;
                Edit::Set {
                    list,
                    index,
                    item: Box::new(old),
                }
            }
            Edit::Insert { list, index, item } => {
                list.items_mut(project)?.insert(index, *item)?;
                Edit::Remove { list, index }
            }
            Edit::Remove { list, index } => {
                let items = list.items_mut(project)?;
                in_range(items.len(), index, list.word(), false)?;
                let item = Box::new(items.remove(index));
                Edit::Insert { list, index, item }
            }
            Edit::Move { list, from, to } => {
                let items = list.items_mut(project)?;
                in_range(items.len(), from, list.word(), false)?;
                in_range(items.len(), to, list.word(), false)?;
                items.relocate(from, to);
                Edit::Move {
                    list,
                    from: to,
                    to: from,
                }
            }
            Edit::SetProgramme(v) => {
                Edit::SetProgramme(Box::new(std::mem::replace(&mut project.programme, *v)))
            }
            Edit::SetPlanHeader { plan, value } => {
                let len = project.action_plans.len();
                let p = project.action_plans.get_mut(plan).ok_or_else(|| {
                    EditError(format!(
                        "action plan {plan} is out of range (there are {len})"
                    ))
                })?;
                let mut value = *value;
                value.actions = std::mem::take(&mut p.actions);
                let old = std::mem::replace(p, value);
                Edit::SetPlanHeader {
                    plan,
                    value: Box::new(old),
                }
            }
            Edit::SetProject(v) => Edit::SetProject(Box::new(std::mem::replace(project, *v))),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match e.apply(project) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            // Roll back what was applied so that nothing has changed.
                            for inv in inverses.into_iter().rev() {
                                let _ = inv.apply(project);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
            shorthand => shorthand.generic().apply(project)?,
        })
    }
}

#[derive(Debug, Clone)]
struct Step {
    label: String,
    inverse: Edit,
    /// The state id this step returns to.
    state: u64,
}

/// Undo and redo stacks, and an id for every state so that "unsaved" is exact
/// (undoing back to the saved state makes the project clean again).
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    state: u64,
    next_state: u64,
    /// The lists the last apply, undo or redo changed; None when it may have changed any.
    last_change: Option<Vec<List>>,
}

/// How many steps are kept; the oldest are forgotten first.
pub const UNDO_LIMIT: usize = 500;

impl History {
    /// Apply `edit` to `project` and record it under `label` ("Edit owner").
    pub fn apply(
        &mut self,
        project: &mut Project,
        label: impl Into<String>,
        edit: Edit,
    ) -> Result<(), EditError> {
        let inverse = edit.apply(project)?;
        self.last_change = inverse.lists();
        self.next_state += 1;
        self.undo.push(Step {
            label: label.into(),
            inverse,
            state: self.state,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.state = self.next_state;
        self.redo.clear();
        Ok(())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What Undo would undo ("Edit owner").
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Undo the last step. Returns false if there was nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> bool {
        Self::step(project, &mut self.undo, &mut self.redo, &mut self.state)
            .map(|lists| self.last_change = lists)
            .is_some()
    }

    /// Redo the last undone step. Returns false if there was nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> bool {
        Self::step(project, &mut self.redo, &mut self.undo, &mut self.state)
            .map(|lists| self.last_change = lists)
            .is_some()
    }

    /// The lists the last apply, undo or redo changed (in any way: items changed, added,
    /// removed or moved), or None when it may have changed any list (a whole project
    /// replaced). Indexes of the project use it to keep what they read of the others.
    pub fn last_change(&self) -> Option<&[List]> {
        self.last_change.as_deref()
    }

    /// Take one step from `from` to `to`; returns the lists it changed (see
    /// [`History::last_change`]), or None inside when nothing could be taken.
    fn step(
        project: &mut Project,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        state: &mut u64,
    ) -> Option<Option<Vec<List>>> {
        let step = from.pop()?;
        match step.inverse.apply(project) {
            Ok(inverse) => {
                let lists = inverse.lists();
                to.push(Step {
                    label: step.label,
                    inverse,
                    state: *state,
                });
                *state = step.state;
                Some(lists)
            }
            Err(_) => None,
        }
    }

    /// An id for the current state; compare with the id taken at the last save.
    pub fn state(&self) -> u64 {
        self.state
    }

    /// Forget all steps (after opening another file).
    pub fn clear(&mut self) {
        *self = History {
            next_state: self.next_state + 1,
            state: self.next_state + 1,
            ..Default::default()
        };
    }
}
