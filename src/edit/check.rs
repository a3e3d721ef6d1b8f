//! The checks an item editor shows at its fields: exactly what `check` and loading a file
//! would say about the item, in the same words, worked out without copying the project.
//!
//! The item is checked inside a small stand-in project that holds the real programme and,
//! for every other item, only its id (or an action's reference): enough for references and
//! ids, and cheap even on a project with a thousand outcomes.

use crate::edit::id_of;
use crate::history::{Item, List, Place};
use crate::model::{
    ActionPlan, AreaOfNeed, Measure, Outcome, Presentation, Priority, Project, Source, Voice,
};
use crate::validate::{Issue, validate};

/// One problem of the item, with where in it (empty for the item as a whole, or e.g.
/// "target 2") and the message `check` gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub within: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.within.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.within, self.message)
        }
    }
}

/// Every problem `item` would have at `place` in `project` (an index one past the end: as a
/// new item). Slides are checked as the deck's check does.
pub fn problems(project: &Project, place: Place, item: &Item) -> Vec<Problem> {
    if let Item::Slide(s) = item {
        return crate::deck::check::slide_problems(project, s)
            .into_iter()
            .map(|message| Problem {
                within: String::new(),
                message,
            })
            .collect();
    }
    let mut out = Vec::new();
    let id = match item {
        Item::Action(a) => a.reference.clone(),
        other => id_of(other).unwrap_or("").to_string(),
    };
    if let Some(other) = duplicate(project, place, &id) {
        let message = match place.list {
            List::Actions { .. } => {
                format!("duplicate reference {id:?} (also action {})", other + 1)
            }
            list => format!(
                "duplicate id {id:?} (also {}[{}])",
                file_name(list),
                other + 1
            ),
        };
        out.push(Problem {
            within: String::new(),
            message,
        });
    }
    let stand_in = stand_in(project, place, item);
    let prefixes = paths(&stand_in, place.list, &id);
    for Issue { path, message } in validate(&stand_in) {
        let Some(rest) = prefixes.iter().find_map(|p| within(&path, p)) else {
            continue;
        };
        out.push(Problem {
            within: rest.to_string(),
            message,
        });
    }
    out
}

/// Every problem `check` finds in the programme's own details.
pub fn programme_problems(programme: &crate::model::Programme) -> Vec<Problem> {
    let p = Project {
        programme: programme.clone(),
        ..Project::default()
    };
    validate(&p)
        .into_iter()
        .filter_map(|Issue { path, message }| {
            within(&path, "programme").map(|rest| Problem {
                within: rest.to_string(),
                message,
            })
        })
        .collect()
}

/// The part of `path` after `prefix`, if `path` is `prefix` or one of its parts.
fn within<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = path.strip_prefix(prefix)?;
    if rest.is_empty() {
        Some("")
    } else {
        rest.strip_prefix(' ')
    }
}

/// The position of another item of the list with the same id (or reference), if any.
fn duplicate(project: &Project, place: Place, id: &str) -> Option<usize> {
    if id.is_empty() {
        return None;
    }
    let others: Vec<&str> = match place.list {
        List::Actions { plan } => project
            .action_plans
            .get(plan)
            .map(|p| p.actions.iter().map(|a| a.reference.as_str()).collect())
            .unwrap_or_default(),
        list => super::ids(project, list),
    };
    others
        .iter()
        .enumerate()
        .find(|(i, x)| *i != place.index && **x == id)
        .map(|(i, _)| i)
}

/// The list's name in the file and in `check`'s paths.
pub fn file_name(list: List) -> &'static str {
    match list {
        List::Sources => "sources",
        List::Priorities => "priorities",
        List::Needs => "needs",
        List::Outcomes => "outcomes",
        List::Voices => "voices",
        List::Measures => "measures",
        List::Plans | List::Actions { .. } => "action_plans",
        List::Pledges => "pledges",
        List::Missions => "missions",
        List::Presentations | List::Slides { .. } => "presentations",
    }
}

/// The paths `check` gives the item, last in its list in the stand-in: by id, and by position.
fn paths(stand_in: &Project, list: List, id: &str) -> Vec<String> {
    match list {
        List::Actions { .. } => {
            let plan = &stand_in.action_plans[0];
            let base = if plan.id.is_empty() {
                "action_plans[1]".to_string()
            } else {
                format!("action_plans {:?}", plan.id)
            };
            let n = plan.actions.len();
            vec![
                format!("{base} action {id:?}"),
                format!("{base} action {n}"),
            ]
        }
        list => {
            let name = file_name(list);
            let mut v = vec![format!("{name}[{}]", list.len(stand_in))];
            if !id.is_empty() {
                v.push(format!("{name} {id:?}"));
            }
            v
        }
    }
}

/// A project with the real programme, the item last in its list, and only the ids of the
/// items it can refer to (its own kind's ids are checked by [`duplicate`]).
fn stand_in(project: &Project, place: Place, item: &Item) -> Project {
    fn stubs<T, U>(items: &[T], id: impl Fn(&T) -> &str, make: impl Fn(String) -> U) -> Vec<U> {
        items.iter().map(|x| make(id(x).to_string())).collect()
    }
    let refers_to = |list: List| match item {
        Item::Outcome(_) => matches!(
            list,
            List::Priorities | List::Needs | List::Voices | List::Measures
        ),
        Item::Measure(_) => list == List::Sources,
        Item::Pledge(_) => matches!(list, List::Outcomes | List::Sources),
        Item::Mission(_) | Item::Action(_) => list == List::Outcomes,
        _ => false,
    };
    let mut p = Project {
        programme: project.programme.clone(),
        ..Project::default()
    };
    if refers_to(List::Sources) {
        p.sources = stubs(
            &project.sources,
            |x| &x.id,
            |id| Source {
                id,
                ..Default::default()
            },
        );
    }
    if refers_to(List::Priorities) {
        p.priorities = stubs(
            &project.priorities,
            |x| &x.id,
            |id| Priority {
                id,
                ..Default::default()
            },
        );
    }
    if refers_to(List::Needs) {
        p.needs = stubs(
            &project.needs,
            |x| &x.id,
            |id| AreaOfNeed {
                id,
                ..Default::default()
            },
        );
    }
    if refers_to(List::Outcomes) {
        p.outcomes = stubs(
            &project.outcomes,
            |x| &x.id,
            |id| Outcome {
                id,
                ..Default::default()
            },
        );
    }
    if refers_to(List::Voices) {
        p.voices = stubs(
            &project.voices,
            |x| &x.id,
            |id| Voice {
                id,
                ..Default::default()
            },
        );
    }
    if refers_to(List::Measures) {
        p.measures = stubs(
            &project.measures,
            |x| &x.id,
            |id| Measure {
                id,
                tolerance_percent: 10.0,
                ..Default::default()
            },
        );
    }
    match item.clone() {
        Item::Source(x) => p.sources.push(x),
        Item::Priority(x) => p.priorities.push(x),
        Item::Need(x) => p.needs.push(x),
        Item::Outcome(x) => p.outcomes.push(x),
        Item::Voice(x) => p.voices.push(x),
        Item::Measure(x) => p.measures.push(x),
        Item::Plan(x) => p.action_plans.push(x),
        Item::Pledge(x) => p.pledges.push(x),
        Item::Mission(x) => p.missions.push(x),
        Item::Presentation(x) => p.presentations.push(Presentation {
            slides: vec![],
            ..x
        }),
        Item::Action(a) => {
            let plan = match place.list {
                List::Actions { plan } => project.action_plans.get(plan),
                _ => None,
            };
            // Alone in its plan: a repeated reference is found by `duplicate`.
            p.action_plans.push(ActionPlan {
                id: plan.map(|x| x.id.clone()).unwrap_or_default(),
                actions: vec![a],
                ..Default::default()
            });
        }
        Item::Slide(_) => {}
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Project {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sample-data/luton-2040.ron"
        ))
        .unwrap();
        crate::file::parse(&text, "luton-2040.ron").unwrap()
    }

    #[test]
    fn an_outcome_with_a_missing_priority_is_told_in_checks_words() {
        let p = sample();
        let mut o = p.outcomes[0].clone();
        o.priority = "nowhere".into();
        o.voices
            .push(o.voices.first().cloned().unwrap_or("v".into()));
        let found = problems(&p, Place::new(List::Outcomes, 0), &Item::Outcome(o));
        let words: Vec<String> = found.iter().map(|x| x.to_string()).collect();
        assert!(
            words.contains(&"priority \"nowhere\" does not exist".to_string()),
            "{words:?}"
        );
        assert!(
            words.iter().any(|w| w.contains("is listed more than once")),
            "{words:?}"
        );
    }

    #[test]
    fn a_valid_item_has_no_problems_and_a_taken_id_is_a_duplicate() {
        let p = sample();
        for (i, m) in p.measures.iter().enumerate() {
            let place = Place::new(List::Measures, i);
            assert_eq!(problems(&p, place, &Item::Measure(m.clone())), vec![]);
        }
        let mut second = p.priorities[1].clone();
        second.id = p.priorities[0].id.clone();
        let found = problems(&p, Place::new(List::Priorities, 1), &Item::Priority(second));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            format!("duplicate id {:?} (also priorities[1])", p.priorities[0].id)
        );
    }

    #[test]
    fn a_measure_value_that_does_not_fit_its_unit_names_the_value() {
        let p = sample();
        let i = p
            .measures
            .iter()
            .position(|m| m.unit == crate::model::Unit::Percent && !m.observations.is_empty())
            .unwrap();
        let mut m = p.measures[i].clone();
        m.observations[0].value = 140.0;
        let found = problems(&p, Place::new(List::Measures, i), &Item::Measure(m));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].within, "observation 1");
        assert!(found[0].message.contains("is not a percentage"));
    }

    #[test]
    fn a_new_action_with_a_taken_reference() {
        use crate::model::Action;
        let p = sample();
        let plan = &p.action_plans[0];
        let a = Action {
            reference: plan.actions[0].reference.clone(),
            title: "Again".into(),
            ..Default::default()
        };
        let place = Place::new(List::Actions { plan: 0 }, plan.actions.len());
        let found = problems(&p, place, &Item::Action(a));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.starts_with("duplicate reference"));
    }
}
