//! The Programme view driven as a user would: editing, renaming with references following,
//! deleting with the question first, fields checked in `check`'s words, keyboard, and a new
//! user building a programme from File › New to a saved file that `check` accepts.

mod fixtures;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT as _;
use egui_kittest::kittest::Queryable as _;
use outcome_explorer::document::Document;
use outcome_explorer::file;
use outcome_explorer::history::List;
use outcome_explorer::model::Project;
use outcome_explorer::ui::OutcomeApp;
use outcome_explorer::ui::nav::View;
use std::path::Path;

fn sample() -> Project {
    file::load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/luton-2040.ron"
    )))
    .unwrap()
}

fn harness(project: Project) -> Harness<'static, OutcomeApp> {
    let mut app = OutcomeApp::new(Document::new(project, None));
    app.view = View::Programme;
    app.actions.today = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app)
}

/// Replace the text of the field named `label` with `text`.
fn type_into(h: &mut Harness<'static, OutcomeApp>, label: &str, text: &str) {
    let field = h.get_by_label(label);
    field.scroll_to_me();
    h.run();
    let field = h.get_by_label(label);
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.get_by_label(label).type_text(text);
    h.run();
}

fn click(h: &mut Harness<'static, OutcomeApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn open_section(h: &mut Harness<'static, OutcomeApp>, section: &str) {
    let node = h
        .get_all_by_role(Role::Button)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(&format!("{section} (")))
        })
        .unwrap_or_else(|| panic!("no section {section}"));
    node.click();
    h.run();
}

#[test]
fn renaming_an_outcome_id_makes_actions_pledges_and_missions_follow() {
    let p = sample();
    let ix = outcome_explorer::edit::Index::build(&p);
    let (i, o) = p
        .outcomes
        .iter()
        .enumerate()
        .max_by_key(|(_, o)| ix.referrers(List::Outcomes, &o.id).len())
        .unwrap();
    let (old, name, refs) = (
        o.id.clone(),
        o.name.clone(),
        ix.referrers(List::Outcomes, &o.id).len(),
    );
    assert!(refs >= 2);
    let mut h = harness(p.clone());
    h.run();
    open_section(&mut h, "Outcomes");
    click(&mut h, &name);
    assert!(h.query_by_label_contains("Used by").is_some());
    type_into(&mut h, "Id", "renamed-outcome");
    h.key_press(Key::Enter);
    h.run();
    let now = h.state().doc.project().clone();
    assert_eq!(now.outcomes[i].id, "renamed-outcome");
    let after = outcome_explorer::edit::Index::build(&now);
    assert_eq!(
        after.referrers(List::Outcomes, "renamed-outcome").len(),
        refs
    );
    assert!(!after.is_referred_to(List::Outcomes, &old));
    assert!(outcome_explorer::validate::validate(&now).is_empty());
    assert!(h.state().doc.history().can_undo());
    assert_eq!(
        h.state().doc.history().undo_label(),
        Some(format!("Rename outcome {old} to renamed-outcome").as_str())
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.project(),
        &p,
        "one undo puts every reference back"
    );
}

#[test]
fn deleting_a_priority_asks_and_moves_its_outcomes_or_cancels() {
    let p = sample();
    let prio = p.priorities[0].clone();
    let own = p.outcomes.iter().filter(|o| o.priority == prio.id).count();
    let mut h = harness(p.clone());
    h.run();
    open_section(&mut h, "Priorities");
    click(&mut h, &prio.name);
    click(&mut h, "Delete…");
    let words = format!("{own} outcomes belong to this priority");
    assert!(
        h.query_by_label_contains(&words).is_some(),
        "the question names them"
    );
    click(&mut h, "Keep it");
    assert_eq!(h.state().doc.project(), &p, "keeping it changes nothing");

    click(&mut h, "Delete…");
    click(&mut h, "Delete");
    let now = h.state().doc.project();
    assert_eq!(now.priorities.len(), p.priorities.len() - 1);
    assert_eq!(now.outcomes.len(), p.outcomes.len(), "moved, not deleted");
    let to = &p.priorities[1].id;
    assert_eq!(
        now.outcomes.iter().filter(|o| o.priority == *to).count(),
        own + p.outcomes.iter().filter(|o| o.priority == *to).count()
    );
    assert!(outcome_explorer::validate::validate(now).is_empty());
}

#[test]
fn a_field_is_checked_as_typed_in_checks_words_and_esc_cancels() {
    let mut h = harness(sample());
    h.run();
    h.get_by_role_and_label(Role::Button, "Programme details")
        .click();
    h.run();
    type_into(&mut h, "Horizon year", "20x0");
    assert!(
        h.query_by_label_contains("\"20x0\" is not a year")
            .is_some()
    );
    assert!(h.get_by_label("Apply").accesskit_node().is_disabled());
    type_into(&mut h, "Title", "");
    assert!(
        h.query_by_label_contains("title is empty (give the programme a title)")
            .is_some(),
        "the words check uses"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label_contains("title is empty").is_none());
    assert!(!h.state().doc.history().can_undo(), "nothing was applied");
}

#[test]
fn every_kind_opens_in_its_editor_on_other_councils_files() {
    for (name, p) in fixtures::all() {
        let mut h = harness(p.clone());
        h.run();
        for section in [
            "Priorities",
            "Areas of need",
            "Outcomes",
            "Resident voices",
            "Measures",
            "Sources",
            "Action plans",
            "Pledges",
            "Missions",
        ] {
            open_section(&mut h, section);
            let first = h.state().programme.section().list().map(|l| l.len(&p));
            if first == Some(0) {
                continue;
            }
            let list = h.state().programme.section().list().unwrap();
            let app = h.state_mut();
            app.programme
                .edit_at(&app.doc, outcome_explorer::history::Place::new(list, 0));
            h.run();
            assert!(
                h.query_by_label("Apply").is_some(),
                "{name}: {section} has an editor"
            );
        }
        assert!(
            !h.state().doc.history().can_undo(),
            "{name}: looking changes nothing"
        );
    }
}
