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
