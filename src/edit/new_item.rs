//! New items, ready to insert: an id made from the name, and what the item cannot do without
//! filled in (an outcome's priority and area of need, a measure's unit).

use super::new_id;
use crate::history::{Item, List};
use crate::model::{
    Action, ActionPlan, AreaOfNeed, Measure, Mission, Outcome, Pledge, Presentation, Priority,
    Project, Slide, Source, Voice,
};
use crate::palette::CATEGORICAL;

/// Where a new outcome goes on the wheel (a priority and an area of need, by id), when the
/// user chose one ("add an outcome here").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Here {
    pub priority: Option<String>,
    pub need: Option<String>,
}

/// A new item for `list` named `name` (its text, for a voice; its title, for a source, plan,
/// action, presentation or slide).
pub fn new_item(project: &Project, list: List, name: &str, here: &Here) -> Item {
    let name = name.trim().to_string();
    let id = new_id(project, list, &name);
    match list {
        List::Sources => Item::Source(Source {
            id,
            title: name,
            ..Default::default()
        }),
        List::Priorities => Item::Priority(Priority {
            id,
            name,
            description: String::new(),
            colour: CATEGORICAL[project.priorities.len() % CATEGORICAL.len()],
        }),
        List::Needs => Item::Need(AreaOfNeed {
            id,
            name,
            description: String::new(),
            colour: CATEGORICAL[(project.needs.len() + 3) % CATEGORICAL.len()],
        }),
        List::Outcomes => Item::Outcome(Outcome {
            id,
            name,
            priority: here
                .priority
                .clone()
                .or_else(|| project.priorities.first().map(|x| x.id.clone()))
                .unwrap_or_default(),
            need: here
                .need
                .clone()
                .or_else(|| project.needs.first().map(|x| x.id.clone()))
                .unwrap_or_default(),
            ..Default::default()
        }),
        List::Voices => Item::Voice(Voice { id, text: name }),
        List::Measures => Item::Measure(Measure {
            id,
            name,
            tolerance_percent: 10.0,
            ..Default::default()
        }),
        List::Plans => Item::Plan(ActionPlan {
            id,
            title: name,
            ..Default::default()
        }),
        List::Actions { plan } => Item::Action(Action {
            reference: next_reference(project.action_plans.get(plan)),
            title: name,
            ..Default::default()
        }),
        List::Pledges => Item::Pledge(Pledge {
            id,
            partner: name,
            ..Default::default()
        }),
        List::Missions => Item::Mission(Mission {
            id,
            name,
            ..Default::default()
        }),
        List::Presentations => Item::Presentation(Presentation {
            id,
            title: name,
            slides: Vec::new(),
        }),
        List::Slides { .. } => Item::Slide(Slide {
            title: name,
            ..Default::default()
        }),
    }
}

/// "R1", or one more than the largest "R<n>" (or plain number) the plan uses.
fn next_reference(plan: Option<&ActionPlan>) -> String {
    let taken: Vec<&str> = plan
        .map(|p| p.actions.iter().map(|a| a.reference.as_str()).collect())
        .unwrap_or_default();
    let n = taken
        .iter()
        .filter_map(|r| r.trim_start_matches(['R', 'r']).parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    (n + 1..)
        .map(|k| format!("R{k}"))
        .find(|r| !taken.contains(&r.as_str()))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_items_are_valid_in_their_project() {
        let mut p = super::super::framework::Start::default().project();
        for list in [
            List::Sources,
            List::Outcomes,
            List::Voices,
            List::Measures,
            List::Plans,
            List::Pledges,
            List::Missions,
            List::Presentations,
        ] {
            let item = new_item(&p, list, "Something new", &Here::default());
            let place = crate::history::Place::new(list, list.len(&p));
            let problems = super::super::check::problems(&p, place, &item);
            assert_eq!(problems, vec![], "{list:?}");
            crate::history::Edit::Insert {
                list,
                index: place.index,
                item: Box::new(item),
            }
            .apply(&mut p)
            .unwrap();
        }
        let again = new_item(&p, List::Outcomes, "Something new", &Here::default());
        assert_eq!(super::super::id_of(&again), Some("something-new-2"));
        let action = new_item(&p, List::Actions { plan: 0 }, "Do it", &Here::default());
        assert!(matches!(action, Item::Action(a) if a.reference == "R1"));
        assert!(crate::validate::validate(&p).is_empty());
    }
}
