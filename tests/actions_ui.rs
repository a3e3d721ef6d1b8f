//! The Action plans view driven through the real app with egui_kittest.

mod common;

use chrono::NaiveDate;
use common::harness::{AppHarness, HarnessExt as _, LAPTOP, PROJECTOR, harness};
use egui::accesskit::Role;
use egui_kittest::kittest::NodeT as _;
use egui_kittest::kittest::Queryable as _;
use outcome_explorer::document::Document;
use outcome_explorer::model::{Action, ActionPlan, Outcome, ProgressNote, Project, Rag};
use outcome_explorer::plan_table::{Column, Sort};
use outcome_explorer::ui::OutcomeApp;
use outcome_explorer::ui::nav::View;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fixture() -> Project {
    let mut p = Project::default();
    p.priorities.push(outcome_explorer::model::Priority {
        id: "place".into(),
        name: "A good place to live".into(),
        ..Default::default()
    });
    p.needs.push(outcome_explorer::model::AreaOfNeed {
        id: "homes".into(),
        name: "Homes".into(),
        ..Default::default()
    });
    p.outcomes.push(Outcome {
        id: "o-homes".into(),
        name: "Everyone has a decent home".into(),
        priority: "place".into(),
        need: "homes".into(),
        ..Default::default()
    });
    let mk = |r: &str, title: &str, owner: &str, due: Option<NaiveDate>, rag: Rag| Action {
        reference: r.into(),
        theme: "Place".into(),
        title: title.into(),
        owner: owner.into(),
        due,
        rag,
        key_actions: vec![format!("Key action for {r}")],
        ..Default::default()
    };
    p.action_plans.push(ActionPlan {
        id: "cpc".into(),
        title: "Peer challenge 2024".into(),
        start: Some(d(2024, 3, 1)),
        actions: vec![
            mk(
                "R1",
                "Housing delivery plan",
                "Director of Place",
                Some(d(2025, 3, 1)),
                Rag::Amber,
            ),
            mk(
                "R2",
                "Member development",
                "",
                Some(d(2025, 9, 1)),
                Rag::NotStarted,
            ),
            mk(
                "R10",
                "Financial management",
                "Chief Finance Officer",
                None,
                Rag::Green,
            ),
        ],
        ..Default::default()
    });
    p.action_plans.push(ActionPlan {
        id: "roadmap".into(),
        title: "Luton 2040 road map".into(),
        ..Default::default()
    });
    p
}

fn plan_file(dir: &tempfile::TempDir) -> (AppHarness, std::path::PathBuf) {
    let path = dir.path().join("plan.ron");
    outcome_explorer::file::save(&fixture(), &path).unwrap();
    let mut app = OutcomeApp::new(Document::new(fixture(), Some(path.clone())));
    app.view = View::Actions;
    app.actions.today = d(2025, 6, 1);
    // Wide enough for every column beside the row editor (how a narrow window leaves
    // columns out is tested on its own).
    (harness(app, PROJECTOR), path)
}

#[test]
fn edit_owner_change_rag_undo_redo_and_save() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = plan_file(&dir);
    h.settle();
    h.click("R2");
    assert_eq!(h.state().actions.selected(), Some(1));

    h.type_into("Owner", "Head of Democratic Services");
    h.press(egui::Key::Enter);
    let a = &h.state().doc.project().action_plans[0].actions[1];
    assert_eq!(a.owner, "Head of Democratic Services");
    assert_eq!(
        a.last_updated,
        Some(d(2025, 6, 1)),
        "the row is stamped today"
    );
    assert!(h.state().doc.is_dirty());

    h.get_by_role_and_label(Role::ComboBox, "RAG rating")
        .click();
    h.settle();
    h.click_button("✖ Red");
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[1].rag,
        Rag::Red
    );

    h.press_with(egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[1].rag,
        Rag::NotStarted
    );
    h.press_with(egui::Modifiers::COMMAND, egui::Key::Y);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[1].rag,
        Rag::Red
    );

    assert!(h.state_mut().save());
    h.settle();
    let on_disk = outcome_explorer::file::load(&path).unwrap();
    let a = &on_disk.action_plans[0].actions[1];
    assert_eq!(a.rag, Rag::Red);
    assert_eq!(a.owner, "Head of Democratic Services");
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn a_bad_date_is_refused_at_the_cell_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.settle();
    h.state_mut().actions.select_row(Some(0));
    h.settle();
    // Move the cursor to the Due column and edit it in place.
    for _ in 0..3 {
        h.press(egui::Key::ArrowRight);
    }
    h.press(egui::Key::Enter);
    h.type_into("Edit due of R1", "x");
    h.press(egui::Key::Enter);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[0].due,
        Some(d(2025, 3, 1)),
        "nothing changed"
    );
    assert!(!h.state().doc.is_dirty());
    h.get_by_label_contains("not a date");
}

#[test]
fn filter_and_sort_through_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.settle();
    assert_eq!(h.state().actions.visible_rows(), &[0, 1, 2]);
    h.click("Overdue");
    h.settle();
    assert_eq!(h.state().actions.visible_rows(), &[0]);
    h.get_by_label_contains("Overdue  ✖");
    h.click("Clear all filters");
    h.settle();
    assert_eq!(h.state().actions.visible_rows(), &[0, 1, 2]);

    h.type_into("Search", "finance");
    h.settle();
    assert_eq!(h.state().actions.visible_rows(), &[2]);
    h.state_mut().actions.filter = Default::default();
    h.settle();

    h.click("Reference");
    h.settle();
    assert_eq!(
        h.state().actions.sort,
        Some(Sort {
            column: Column::Reference,
            descending: false
        })
    );
    assert_eq!(h.state().actions.visible_rows(), &[0, 1, 2]);
    h.click("Reference ▲");
    h.settle();
    assert_eq!(h.state().actions.visible_rows(), &[2, 1, 0]);
}

#[test]
fn add_duplicate_move_and_delete_rows_undo_as_steps() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.settle();
    h.click("Add row");
    let refs = |h: &AppHarness| -> Vec<String> {
        h.state().doc.project().action_plans[0]
            .actions
            .iter()
            .map(|a| a.reference.clone())
            .collect()
    };
    assert_eq!(refs(&h), ["R1", "R2", "R10", "R11"]);
    h.state_mut().actions.select_row(Some(0));
    h.settle();
    h.click("Duplicate");
    assert_eq!(refs(&h), ["R1", "R12", "R2", "R10", "R11"]);
    h.click("Move down");
    assert_eq!(refs(&h), ["R1", "R2", "R12", "R10", "R11"]);
    h.click("Delete");
    assert_eq!(refs(&h), ["R1", "R2", "R10", "R11"]);
    for _ in 0..4 {
        h.state_mut().undo();
    }
    h.settle();
    assert_eq!(refs(&h), ["R1", "R2", "R10"]);
}

#[test]
fn focus_action_selects_plan_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.state_mut().actions.filter.overdue = true;
    h.state_mut().actions.focus_action("cpc", "R10");
    h.settle();
    h.settle();
    assert_eq!(h.state().actions.plan_id(), Some("cpc"));
    assert_eq!(h.state().actions.selected(), Some(2));
    assert_eq!(
        h.state().actions.visible_rows(),
        &[0, 1, 2],
        "filters that hid it are cleared"
    );
    h.get_by_label("Edit R10");
}

#[test]
fn ten_thousand_rows_lay_out_only_what_is_visible() {
    let mut p = fixture();
    let plan = &mut p.action_plans[0];
    plan.actions = (0..10_000)
        .map(|i| Action {
            reference: format!("A{i}"),
            theme: format!("Theme {}", i % 7),
            title: format!("Deliverable number {i} with a long enough title to wrap in its cell"),
            key_actions: vec!["First step".into(), "Second step".into()],
            owner: format!("Owner {}", i % 13),
            due: Some(d(
                2024 + (i % 6) as i32,
                1 + (i % 12) as u32,
                1 + (i % 28) as u32,
            )),
            rag: Rag::ALL[i % 5],
            ..Default::default()
        })
        .collect();
    let mut app = OutcomeApp::new(Document::new(p, None));
    app.view = View::Actions;
    app.actions.today = d(2026, 1, 1);
    let mut h = harness(app, LAPTOP);
    // Speed is measured in the benchmarks (frame/actions/*); here we check the cause of
    // speed: only the rows in view are laid out, not all 10,000.
    let laid_out = h.query_all_by_label_contains("Deliverable number").count();
    assert!(laid_out > 0 && laid_out < 100, "{laid_out} rows laid out");
    h.state_mut().actions.sort = Some(Sort {
        column: Column::Due,
        descending: true,
    });
    h.state_mut().actions.filter.text = "wrap".into();
    h.settle();
    assert_eq!(h.state().actions.visible_rows().len(), 10_000);
    let laid_out = h.query_all_by_label_contains("Deliverable number").count();
    assert!(
        laid_out > 0 && laid_out < 100,
        "{laid_out} rows laid out after sorting"
    );
}

#[test]
fn a_duplicate_reference_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.state_mut().actions.select_row(Some(0));
    h.settle();
    let field = h.get_by_role_and_label(Role::TextInput, "Reference");
    field.focus();
    field.type_text("0"); // "R1" becomes "R10", which R10 already has
    h.settle();
    h.press(egui::Key::Enter);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[0].reference,
        "R1"
    );
    assert!(!h.state().doc.is_dirty());
    h.get_by_label_contains("already used in this plan");
}

#[test]
fn csv_import_previews_then_applies_as_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.settle();
    let header = outcome_explorer::csv_io::headers().join(",");
    let csv = format!(
        "{header}\nR1,Place,Housing delivery plan,Key action for R1,Director of Place,2025-03-01,Green,,,o-homes\nR20,Place,New,,,2025-12-01,Red,,,\nR21,Place,Bad,,,someday,Red,,,\n"
    );
    {
        let app = h.state_mut();
        let doc = app.doc.clone();
        app.actions.start_import(&doc, "update.csv", csv.as_bytes());
    }
    h.settle();
    h.get_by_label("1 added, 1 changed, 0 unchanged, 1 rejected");
    h.get_by_label_contains("line 4 (R21): Due:");
    assert_eq!(
        h.state().doc.project().action_plans[0].actions.len(),
        3,
        "nothing changes before confirming"
    );
    h.click("Import 2 rows, skip 1 rejected");
    let acts = &h.state().doc.project().action_plans[0].actions;
    assert_eq!(acts.len(), 4);
    assert_eq!(acts[0].rag, Rag::Green);
    assert_eq!(acts[0].outcomes, ["o-homes"]);
    assert_eq!(acts[3].reference, "R20");
    h.state_mut().undo();
    h.settle();
    assert_eq!(h.state().doc.project(), &fixture());
}

#[test]
fn progress_notes_are_dated_today_and_outcomes_come_from_a_picker() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.state_mut().actions.select_row(Some(1));
    h.settle();
    h.type_into("New progress note", "Induction programme agreed");
    h.click("Add note");
    let a = &h.state().doc.project().action_plans[0].actions[1];
    assert_eq!(a.progress.len(), 1);
    assert_eq!(a.progress[0].date, d(2025, 6, 1));
    assert_eq!(a.progress[0].text, "Induction programme agreed");

    // A note entered in error can be deleted, and the deletion undone.
    h.get_by_label("Delete the note of 1 Jun 2025")
        .scroll_to_me();
    h.settle();
    h.click("Delete the note of 1 Jun 2025");
    assert!(
        h.state().doc.project().action_plans[0].actions[1]
            .progress
            .is_empty()
    );
    h.state_mut().undo();
    h.settle();
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[1]
            .progress
            .len(),
        1
    );

    h.get_by_role_and_label(Role::ComboBox, "Link an outcome")
        .scroll_to_me();
    h.settle();
    h.get_by_role_and_label(Role::ComboBox, "Link an outcome")
        .click();
    h.settle();
    h.click("Everyone has a decent home");
    let a = &h.state().doc.project().action_plans[0].actions[1];
    assert_eq!(a.outcomes, ["o-homes"]);
    h.state_mut().undo();
    h.state_mut().undo();
    h.settle();
    assert_eq!(h.state().doc.project(), &fixture());
}

#[test]
fn escape_cancels_an_edit_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.state_mut().actions.select_row(Some(0));
    h.settle();
    h.press(egui::Key::Enter); // the cursor starts on Title
    h.type_into("Edit title of R1", " (draft)");
    h.press(egui::Key::Escape);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[0].title,
        "Housing delivery plan"
    );
    assert!(
        !h.sees("Edit title of R1"),
        "the cell is no longer being edited"
    );
    h.press(egui::Key::Enter);
    h.type_into("Edit title of R1", " now");
    h.press(egui::Key::Enter);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[0].title,
        "Housing delivery plan now"
    );
}

#[test]
fn tab_and_arrows_move_between_cells() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.state_mut().actions.select_row(Some(0));
    h.settle();
    assert_eq!(h.state().actions.cursor(), Column::Title);
    h.press(egui::Key::Tab);
    assert_eq!(h.state().actions.cursor(), Column::KeyActions);
    h.press_with(egui::Modifiers::SHIFT, egui::Key::Tab);
    assert_eq!(h.state().actions.cursor(), Column::Title);
    h.press(egui::Key::ArrowDown);
    assert_eq!(h.state().actions.selected(), Some(1));
    h.press(egui::Key::ArrowUp);
    assert_eq!(h.state().actions.selected(), Some(0));
}

#[test]
fn add_a_plan_with_a_start_date_and_change_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.settle();
    h.click("Add plan");
    h.get_by_role_and_label(Role::TextInput, "Plan title")
        .focus();
    h.type_into("Plan title", "Housing recovery");
    let start = h.get_by_role_and_label(Role::TextInput, "Starts on");
    assert_eq!(
        start.value().as_deref(),
        Some("2025-06-01"),
        "today by default"
    );
    start.focus();
    h.settle();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.type_into("Starts on", "not a date");
    h.click("OK");
    assert!(h.sees_text("Starts on:"), "refused with a reason");
    assert_eq!(h.state().doc.project().action_plans.len(), 2);

    h.get_by_role_and_label(Role::TextInput, "Starts on")
        .focus();
    h.settle();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.type_into("Starts on", "2023-04-01");
    h.click("OK");
    let plans = &h.state().doc.project().action_plans;
    assert_eq!(plans.len(), 3);
    assert_eq!(plans[2].title, "Housing recovery");
    assert_eq!(plans[2].start, Some(d(2023, 4, 1)));

    h.click("Rename plan…");
    h.get_by_role_and_label(Role::TextInput, "Starts on")
        .focus();
    h.settle();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.press(egui::Key::Backspace);
    h.click("OK");
    assert_eq!(
        h.state().doc.project().action_plans[2].start,
        None,
        "blank: no start"
    );
}

#[test]
fn tab_saves_a_cell_and_moves_on_and_a_letter_sets_the_rag() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.state_mut().actions.select_row(Some(1));
    h.settle();
    // Title → Key actions → Owner.
    h.key_press(egui::Key::Tab);
    h.press(egui::Key::Tab);
    assert_eq!(h.state().actions.cursor(), Column::Owner);
    h.press(egui::Key::Enter);
    h.type_into("Edit owner of R2", "Head of Housing");
    h.press(egui::Key::Tab);
    let a = &h.state().doc.project().action_plans[0].actions[1];
    assert_eq!(a.owner, "Head of Housing", "Tab saved the cell");
    assert_eq!(
        h.state().actions.cursor(),
        Column::Due,
        "and moved to the next"
    );

    h.press(egui::Key::ArrowRight);
    assert_eq!(h.state().actions.cursor(), Column::Rag);
    h.press(egui::Key::R);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[1].rag,
        Rag::Red
    );
    h.press(egui::Key::C);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[1].rag,
        Rag::Complete
    );
    h.state_mut().undo();
    h.settle();
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[1].rag,
        Rag::Red
    );
}

#[test]
fn rows_are_reordered_only_when_the_table_is_not_sorted() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.state_mut().actions.select_row(Some(1));
    h.settle();
    assert!(!h.get_by_label("Move up").accesskit_node().is_disabled());
    h.state_mut().actions.sort = Some(Sort {
        column: Column::Due,
        descending: false,
    });
    h.settle();
    assert!(
        h.get_by_label("Move up").accesskit_node().is_disabled(),
        "a sort hides the order"
    );
    assert!(h.get_by_label("Move down").accesskit_node().is_disabled());
}

/// A plan of `n` actions with every column filled, and a long theme word.
fn long_plan(n: usize) -> Project {
    let mut p = fixture();
    p.action_plans[0].actions = (1..=n)
        .map(|i| Action {
            reference: format!("R{i}"),
            theme: "Finance and Transformation".into(),
            title: format!("Recommendation number {i}, described at some length so that it wraps"),
            owner: "Chief Finance Officer".into(),
            due: Some(d(2025, 9, 1)),
            key_actions: vec!["Set up a board".into()],
            outcomes: vec!["o-homes".into()],
            last_updated: Some(d(2025, 1, 1)),
            progress: vec![ProgressNote {
                date: d(2025, 1, 1),
                text: "Under way".into(),
            }],
            ..Default::default()
        })
        .collect();
    p
}

fn sized(p: Project, w: f32, h: f32) -> AppHarness {
    let mut app = OutcomeApp::new(Document::new(p, None));
    app.view = View::Actions;
    app.actions.today = d(2025, 6, 1);
    harness(app, (w, h))
}

#[test]
fn a_keyboard_edit_brings_its_cell_into_view_first() {
    let mut h = sized(long_plan(60), 1920., 1080.);
    h.state_mut().actions.select_row(Some(0));
    h.settle();
    while h.state().actions.cursor() != Column::Rag {
        h.press(egui::Key::ArrowRight);
    }
    // Scroll the table far down with the mouse wheel: the selected row goes out of sight.
    h.hover_at(egui::pos2(1000.0, 700.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -5000.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(10);
    assert!(!h.sees("R1"), "R1 scrolled out of sight");
    h.key_press(egui::Key::R);
    h.run_steps(10);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[0].rag,
        Rag::Red
    );
    assert!(h.sees("R1"), "the row changed is in view");
}

#[test]
fn enter_in_the_row_editor_does_not_also_edit_a_cell() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = plan_file(&dir);
    h.state_mut().actions.select_row(Some(0));
    h.settle();
    h.type_into("Owner", " (interim)");
    h.press(egui::Key::Enter);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[0].owner,
        "Director of Place (interim)"
    );
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Edit title of R1")
            .is_none(),
        "the table's cell editor stayed shut"
    );
    // The table has the keyboard again on the next key.
    h.press(egui::Key::Enter);
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Edit title of R1")
            .is_some()
    );
}

#[test]
fn columns_fill_a_wide_window_and_a_narrow_one_leaves_columns_out_saying_so() {
    let h = sized(long_plan(5), 1920., 1080.);
    let widths = h.state().actions.column_widths().to_vec();
    assert_eq!(widths.len(), Column::ALL.len(), "every column fits at 1920");
    let total: f32 = widths.iter().map(|(_, w)| w).sum();
    assert!(total > 1400.0, "the table uses the width: {total}");
    assert!(!h.sees_text("Not shown"));

    let mut h = sized(long_plan(5), 1280., 800.);
    h.state_mut().actions.select_row(Some(0));
    h.settle();
    h.settle();
    let shown: Vec<Column> = h
        .state()
        .actions
        .column_widths()
        .iter()
        .map(|(c, _)| *c)
        .collect();
    assert!(shown.len() < Column::ALL.len());
    for c in [Column::Reference, Column::Title, Column::Rag] {
        assert!(shown.contains(&c), "{c:?} always stays");
    }
    h.get_by_label_contains("Not shown: Last updated");
    // Every header shown is inside the window.
    for c in &shown {
        let r = h.get_by_role_and_label(Role::Button, c.label()).rect();
        assert!(r.right() <= 1280.0, "{c:?} reaches {}", r.right());
    }
}

#[test]
fn no_word_is_broken_and_outcomes_are_named() {
    let mut p = long_plan(5);
    p.action_plans[0].actions[0].theme = "Transformationalisation".into();
    let h = sized(p, 1600., 900.);
    assert!(
        h.state()
            .actions
            .column_widths()
            .iter()
            .any(|(c, _)| *c == Column::Theme),
        "{:?}",
        h.state().actions.column_widths()
    );
    // A word broken in two would make its label two lines high.
    let word = h.get_by_label("Transformationalisation").rect();
    let line = h.get_by_label("R1").rect();
    assert!(
        word.height() < line.height() * 1.5,
        "{word:?} vs {line:?} in {:?}",
        h.state().actions.column_widths()
    );
    assert_eq!(
        h.query_all_by_label("• Everyone has a decent home").count(),
        5,
        "each row names its outcome"
    );
    assert!(!h.sees_text("o-homes"), "no raw ids");
}

#[test]
fn a_column_blank_in_every_row_takes_no_room() {
    let mut p = long_plan(5);
    for a in &mut p.action_plans[0].actions {
        a.owner.clear();
    }
    let h = sized(p, 1920., 1080.);
    let shown: Vec<Column> = h
        .state()
        .actions
        .column_widths()
        .iter()
        .map(|(c, _)| *c)
        .collect();
    assert!(!shown.contains(&Column::Owner));
    h.get_by_label_contains("Owner (blank in every row)");
}

#[test]
fn a_refusal_is_shown_at_the_field_it_concerns() {
    let mut p = fixture();
    // The file links R1 to an outcome it no longer has: any change to R1 is refused for it.
    p.action_plans[0].actions[0].outcomes = vec!["gone".into()];
    let mut h = sized(p, 1920., 1080.);
    h.state_mut().actions.select_row(Some(0));
    h.settle();
    h.get_by_role_and_label(Role::ComboBox, "RAG rating")
        .click();
    h.settle();
    h.click_button("✔ Green");
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[0].rag,
        Rag::Amber
    );
    let error = h.get_by_label_contains("there is no outcome “gone”").rect();
    let link = h.get_by_label("Link an outcome").rect();
    let rag = h.get_by_label("RAG rating").rect();
    assert!(
        error.top() > link.top(),
        "under the outcomes, where it can be put right"
    );
    assert!(error.top() > rag.top() + 100.0);
}
