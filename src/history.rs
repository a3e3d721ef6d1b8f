//! Edits to a project and the app-wide undo/redo history.
//!
//! Every change a user makes is an [`Edit`]: a replacement, insertion or removal
//! of one item, or a batch of them. Applying an edit returns its inverse, which
//! is what the history keeps, so undo is exact and costs only the changed items.

use crate::model::{Action, ActionPlan, Measure, Outcome, Pledge, Programme, Project};

/// One change to a project.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetProgramme(Box<Programme>),
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
    /// Replace a plan's title, origin, start and note (its actions are kept).
    SetPlanHeader {
        plan: usize,
        value: Box<ActionPlan>,
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
    /// Replace the whole project (e.g. a bulk change).
    SetProject(Box<Project>),
    /// Several edits applied in order and undone as one.
    Batch(Vec<Edit>),
}

/// An edit that does not fit the project (an index out of range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn check(len: usize, index: usize, what: &str, insert: bool) -> Result<(), EditError> {
    let ok = if insert { index <= len } else { index < len };
    if ok {
        Ok(())
    } else {
        Err(EditError(format!(
            "{what} {index} is out of range (there are {len})"
        )))
    }
}

fn set<T>(items: &mut [T], index: usize, value: T, what: &str) -> Result<T, EditError> {
    check(items.len(), index, what, false)?;
    Ok(std::mem::replace(&mut items[index], value))
}

fn plan_mut(p: &mut Project, plan: usize) -> Result<&mut ActionPlan, EditError> {
    let len = p.action_plans.len();
    p.action_plans.get_mut(plan).ok_or_else(|| {
        EditError(format!(
            "action plan {plan} is out of range (there are {len})"
        ))
    })
}

impl Edit {
    /// Apply to `project`, returning the edit that undoes it. On error nothing has changed.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        Ok(match self {
            Edit::SetProgramme(v) => {
                Edit::SetProgramme(Box::new(std::mem::replace(&mut project.programme, *v)))
            }
            Edit::SetOutcome { index, value } => {
                let old = set(&mut project.outcomes, index, *value, "outcome")?;
                Edit::SetOutcome {
                    index,
                    value: Box::new(old),
                }
            }
            Edit::SetMeasure { index, value } => {
                let old = set(&mut project.measures, index, *value, "measure")?;
                Edit::SetMeasure {
                    index,
                    value: Box::new(old),
                }
            }
            Edit::InsertMeasure { index, value } => {
                check(project.measures.len(), index, "measure", true)?;
                project.measures.insert(index, *value);
                Edit::RemoveMeasure { index }
            }
            Edit::RemoveMeasure { index } => {
                check(project.measures.len(), index, "measure", false)?;
                let value = Box::new(project.measures.remove(index));
                Edit::InsertMeasure { index, value }
            }
            Edit::SetPledge { index, value } => {
                let old = set(&mut project.pledges, index, *value, "pledge")?;
                Edit::SetPledge {
                    index,
                    value: Box::new(old),
                }
            }
            Edit::SetPlanHeader { plan, value } => {
                let p = plan_mut(project, plan)?;
                let mut value = *value;
                value.actions = std::mem::take(&mut p.actions);
                let old = std::mem::replace(p, value);
                Edit::SetPlanHeader {
                    plan,
                    value: Box::new(old),
                }
            }
            Edit::InsertPlan { index, value } => {
                check(project.action_plans.len(), index, "action plan", true)?;
                project.action_plans.insert(index, *value);
                Edit::RemovePlan { index }
            }
            Edit::RemovePlan { index } => {
                check(project.action_plans.len(), index, "action plan", false)?;
                let value = Box::new(project.action_plans.remove(index));
                Edit::InsertPlan { index, value }
            }
            Edit::SetAction { plan, index, value } => {
                let old = set(
                    &mut plan_mut(project, plan)?.actions,
                    index,
                    *value,
                    "action",
                )?;
                Edit::SetAction {
                    plan,
                    index,
                    value: Box::new(old),
                }
            }
            Edit::InsertAction { plan, index, value } => {
                let p = plan_mut(project, plan)?;
                check(p.actions.len(), index, "action", true)?;
                p.actions.insert(index, *value);
                Edit::RemoveAction { plan, index }
            }
            Edit::RemoveAction { plan, index } => {
                let p = plan_mut(project, plan)?;
                check(p.actions.len(), index, "action", false)?;
                let value = Box::new(p.actions.remove(index));
                Edit::InsertAction { plan, index, value }
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
    }

    /// Redo the last undone step. Returns false if there was nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> bool {
        Self::step(project, &mut self.redo, &mut self.undo, &mut self.state)
    }

    fn step(
        project: &mut Project,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        state: &mut u64,
    ) -> bool {
        let Some(step) = from.pop() else { return false };
        match step.inverse.apply(project) {
            Ok(inverse) => {
                to.push(Step {
                    label: step.label,
                    inverse,
                    state: *state,
                });
                *state = step.state;
                true
            }
            Err(_) => false,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Action;

    fn project_with_plan() -> Project {
        let mut p = Project::default();
        p.action_plans.push(ActionPlan {
            id: "cpc".into(),
            title: "Peer challenge".into(),
            actions: vec![Action {
                reference: "R1".into(),
                title: "One".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        p
    }

    #[test]
    fn undo_and_redo_restore_exact_states() {
        let mut p = project_with_plan();
        let original = p.clone();
        let mut h = History::default();
        let saved = h.state();
        let mut a = p.action_plans[0].actions[0].clone();
        a.owner = "Chief Executive".into();
        h.apply(
            &mut p,
            "Edit owner",
            Edit::SetAction {
                plan: 0,
                index: 0,
                value: Box::new(a),
            },
        )
        .unwrap();
        let edited = p.clone();
        assert_ne!(h.state(), saved);
        assert_eq!(h.undo_label(), Some("Edit owner"));
        assert!(h.undo(&mut p));
        assert_eq!(p, original);
        assert_eq!(
            h.state(),
            saved,
            "undoing to the saved state makes it clean"
        );
        assert!(h.redo(&mut p));
        assert_eq!(p, edited);
        assert!(!h.redo(&mut p));
    }

    #[test]
    fn batches_undo_as_one_and_roll_back_on_error() {
        let mut p = project_with_plan();
        let original = p.clone();
        let a = Action {
            reference: "R2".into(),
            ..Default::default()
        };
        let bad = Edit::Batch(vec![
            Edit::InsertAction {
                plan: 0,
                index: 1,
                value: Box::new(a.clone()),
            },
            Edit::RemoveAction { plan: 0, index: 7 },
        ]);
        let mut h = History::default();
        assert!(h.apply(&mut p, "bad", bad).is_err());
        assert_eq!(p, original);
        assert!(!h.can_undo());
        let good = Edit::Batch(vec![
            Edit::InsertAction {
                plan: 0,
                index: 1,
                value: Box::new(a),
            },
            Edit::RemoveAction { plan: 0, index: 0 },
        ]);
        h.apply(&mut p, "move", good).unwrap();
        assert_eq!(p.action_plans[0].actions[0].reference, "R2");
        h.undo(&mut p);
        assert_eq!(p, original);
    }

    #[test]
    fn plan_header_edit_keeps_actions() {
        let mut p = project_with_plan();
        let header = ActionPlan {
            id: "cpc".into(),
            title: "Renamed".into(),
            ..Default::default()
        };
        let mut h = History::default();
        h.apply(
            &mut p,
            "Rename plan",
            Edit::SetPlanHeader {
                plan: 0,
                value: Box::new(header),
            },
        )
        .unwrap();
        assert_eq!(p.action_plans[0].title, "Renamed");
        assert_eq!(p.action_plans[0].actions.len(), 1);
        h.undo(&mut p);
        assert_eq!(p.action_plans[0].title, "Peer challenge");
        assert_eq!(p.action_plans[0].actions.len(), 1);
    }
}
