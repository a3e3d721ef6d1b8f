//! Structure edits (add, rename, delete with links, reorder) on random valid projects and on
//! the Luton sample: every step leaves a valid project, and undoing every step gives back the
//! original file byte for byte.

mod common;

use common::arb_project;
use outcome_explorer::edit::{self, Deletion, Dependants, Here, Index};
use outcome_explorer::history::{Edit, History, Item, List, Place};
use outcome_explorer::model::Project;
use outcome_explorer::{file, validate};
use proptest::prelude::*;

/// One structure edit, its positions taken modulo the list's length when it is applied.
#[derive(Debug, Clone)]
enum Op {
    Add {
        list: u8,
        name: String,
    },
    Rename {
        list: u8,
        at: usize,
        name: String,
    },
    Delete {
        list: u8,
        at: usize,
        move_outcomes: bool,
    },
    Move {
        list: u8,
        from: usize,
        to: usize,
    },
}

fn list(project: &Project, n: u8) -> List {
    match n % 10 {
        0 => List::Sources,
        1 => List::Priorities,
        2 => List::Needs,
        3 => List::Outcomes,
        4 => List::Voices,
        5 => List::Measures,
        6 => List::Plans,
        7 => List::Pledges,
        8 => List::Missions,
        _ => List::Actions {
            plan: (n as usize / 10) % project.action_plans.len().max(1),
        },
    }
}

fn arb_op() -> impl Strategy<Value = Op> {
    let name = "[A-Za-zé ]{0,12}";
    prop_oneof![
        (any::<u8>(), name).prop_map(|(list, name)| Op::Add { list, name }),
        (any::<u8>(), any::<usize>(), name).prop_map(|(list, at, name)| Op::Rename {
            list,
            at,
            name
        }),
        (any::<u8>(), any::<usize>(), any::<bool>()).prop_map(|(list, at, move_outcomes)| {
            Op::Delete {
                list,
                at,
                move_outcomes,
            }
        }),
        (any::<u8>(), any::<usize>(), any::<usize>()).prop_map(|(list, from, to)| Op::Move {
            list,
            from,
            to
        }),
    ]
}

/// The edit `op` stands for in `p`, or None when it does not apply (an empty list, an
/// outcome with nowhere to go, a plan's actions when there is no plan).
fn edit_for(p: &Project, op: &Op) -> Option<Edit> {
    let index = Index::new();
    match op {
        Op::Add { list: n, name } => {
            let list = list(p, *n);
            if matches!(list, List::Actions { .. }) && p.action_plans.is_empty() {
                return None;
            }
            if list == List::Outcomes && (p.priorities.is_empty() || p.needs.is_empty()) {
                return None;
            }
            let item = edit::new_item(p, list, name, &Here::default());
            let at = list.len(p);
            Some(Edit::Insert {
                list,
                index: at,
                item: Box::new(item),
            })
        }
        Op::Rename { list: n, at, name } => {
            let list = list(p, *n);
            let len = list.len(p);
            if len == 0 || matches!(list, List::Actions { .. }) {
                return None;
            }
            let place = Place::new(list, at % len);
            let id = edit::new_id(p, list, name);
            let item = with_id(place.get(p)?, id);
            Some(edit::change(p, &index, place, item))
        }
        Op::Delete {
            list: n,
            at,
            move_outcomes,
        } => {
            let list = list(p, *n);
            let len = list.len(p);
            if len == 0 {
                return None;
            }
            let place = Place::new(list, at % len);
            let d = Deletion::new(p, &index, place)?;
            let others: Vec<&str> = edit::ids(p, list)
                .into_iter()
                .filter(|x| *x != d.id)
                .collect();
            let choice = match (move_outcomes, others.first()) {
                (true, Some(to)) => Dependants::MoveTo(to.to_string()),
                _ => Dependants::DeleteToo,
            };
            Some(d.edit(p, &index, &choice))
        }
        Op::Move { list: n, from, to } => {
            let list = list(p, *n);
            let len = list.len(p);
            (len > 0).then(|| Edit::Move {
                list,
                from: from % len,
                to: to % len,
            })
        }
    }
}

/// An item given another id.
fn with_id(mut item: Item, id: String) -> Item {
    match &mut item {
        Item::Source(x) => x.id = id,
        Item::Priority(x) => x.id = id,
        Item::Need(x) => x.id = id,
        Item::Outcome(x) => x.id = id,
        Item::Voice(x) => x.id = id,
        Item::Measure(x) => x.id = id,
        Item::Plan(x) => x.id = id,
        Item::Pledge(x) => x.id = id,
        Item::Mission(x) => x.id = id,
        Item::Presentation(x) => x.id = id,
        Item::Action(_) | Item::Slide(_) => {}
    }
    item
}

/// The lists whose items are referred to by id.
const TARGETS: [List; 7] = [
    List::Sources,
    List::Priorities,
    List::Needs,
    List::Outcomes,
    List::Voices,
    List::Measures,
    List::Plans,
];

/// The index carried over from the state before (`Index::after`) says what a fresh one says.
fn same_referrers(p: &Project, carried: &Index) -> Result<(), TestCaseError> {
    let fresh = Index::new();
    for list in TARGETS {
        let mut ids: Vec<String> = edit::ids(p, list).iter().map(|s| s.to_string()).collect();
        ids.push("no-such-item".into());
        for id in ids {
            prop_assert_eq!(
                carried.referrers(p, list, &id),
                fresh.referrers(p, list, &id),
                "{:?} {}",
                list,
                id
            );
        }
    }
    Ok(())
}

/// Apply every op that fits, checking the project (and the carried index) after each; then
/// undo them all.
fn run(original: &Project, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut p = original.clone();
    let mut h = History::default();
    let mut index = Index::new();
    same_referrers(&p, &index)?;
    let mut applied = 0;
    for op in ops {
        let Some(edit) = edit_for(&p, op) else {
            continue;
        };
        h.apply(&mut p, format!("{op:?}"), edit)
            .map_err(|e| TestCaseError::fail(format!("{op:?}: {e}")))?;
        applied += 1;
        let problems = validate::validate(&p);
        prop_assert!(problems.is_empty(), "after {:?}: {:?}", op, problems);
        index = Index::after(&index, h.last_change());
        same_referrers(&p, &index)?;
    }
    for _ in 0..applied {
        prop_assert!(h.undo(&mut p));
        index = Index::after(&index, h.last_change());
        same_referrers(&p, &index)?;
    }
    prop_assert!(!h.can_undo());
    prop_assert_eq!(file::to_text(&p), file::to_text(original));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn structure_edits_keep_projects_valid_and_undo_restores_the_file(
        p in arb_project(),
        ops in proptest::collection::vec(arb_op(), 1..12),
    ) {
        run(&p, &ops)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The sample has presentations, pledges, missions and disagreements the generator does
    /// not make.
    #[test]
    fn structure_edits_on_the_sample(ops in proptest::collection::vec(arb_op(), 1..8)) {
        let p = file::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sample-data/luton-2040.ron"
        )))
        .unwrap();
        run(&p, &ops)?;
    }
}
