//! Copy and paste as a user does them: "Copy table" and "Copy picture" put text or an image
//! in egui's output (which eframe hands to the system clipboard), and text pasted from
//! another program reaches the field being typed in.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use outcome_explorer::document::Document;
use outcome_explorer::model::*;
use outcome_explorer::plan_table::Column;
use outcome_explorer::ui::OutcomeApp;
use outcome_explorer::ui::nav::View;

fn project() -> Project {
    let mut p = Project::default();
    p.programme.title = "Luton 2040".into();
    p.programme.vision = "A healthy, fair and sustainable town".into();
    p.priorities.push(Priority {
        id: "p1".into(),
        name: "Children and young people".into(),
        ..Default::default()
    });
    p.needs.push(AreaOfNeed {
        id: "n1".into(),
        name: "Money".into(),
        ..Default::default()
    });
    p.outcomes.push(Outcome {
        id: "o1".into(),
        name: "Fewer children in poverty".into(),
        priority: "p1".into(),
        need: "n1".into(),
        ..Default::default()
    });
    p.measures.push(Measure {
        id: "ta".into(),
        name: "Households in temporary accommodation".into(),
        unit: Unit::Households,
        observations: vec![
            Observation {
                period: "2022/23".parse().unwrap(),
                value: 1100.0,
                ..Default::default()
            },
            Observation {
                period: "2023/24".parse().unwrap(),
                value: 1078.0,
                ..Default::default()
            },
        ],
        ..Default::default()
    });
    p.action_plans.push(ActionPlan {
        id: "peer".into(),
        title: "Peer challenge".into(),
        actions: vec![
            Action {
                reference: "R1".into(),
                title: "Set up a board".into(),
                rag: Rag::Green,
                outcomes: vec!["o1".into()],
                ..Default::default()
            },
            Action {
                reference: "R2".into(),
                title: "Member development".into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    });
    p
}

fn harness(view: View) -> Harness<'static, OutcomeApp> {
    let mut app = OutcomeApp::new(Document::new(project(), None));
    app.view = view;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app);
    h.run();
    h
}

/// Run frames until things settle, gathering what egui was asked to put on the clipboard.
/// (The harness runs a frame per queued event and keeps the last frame's output only.)
fn clipboard_commands(h: &mut Harness<'static, OutcomeApp>) -> Vec<OutputCommand> {
    let mut found = Vec::new();
    for _ in 0..4 {
        h.step();
        found.extend(h.output().platform_output.commands.iter().cloned());
    }
    found
}

/// A shortcut as one event, so the frame that runs its command is the one whose output
/// is looked at.
fn shortcut(h: &mut Harness<'static, OutcomeApp>, modifiers: Modifiers, key: Key) {
    h.event(Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    });
}

fn copied_text(commands: &[OutputCommand]) -> Vec<String> {
    commands
        .iter()
        .filter_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn copy_table_in_a_chart_puts_its_data_on_the_clipboard() {
    let mut h = harness(View::Trends);
    h.state_mut().trends.open_measure("ta");
    h.run();
    h.get_by_label("Copy table").click();
    let text = copied_text(&clipboard_commands(&mut h));
    assert_eq!(text.len(), 1, "one copy");
    assert!(text[0].starts_with("Series\tPeriod\tValue"), "{}", text[0]);
    assert!(text[0].contains("2023/24\t1078"), "{}", text[0]);
    assert!(h.state().status().starts_with("Copied the data table"));
}

#[test]
fn copy_table_in_an_action_plan_gives_the_rows_and_columns_shown() {
    let mut h = harness(View::Actions);
    h.get_by_label("Copy table").click();
    let text = copied_text(&clipboard_commands(&mut h));
    assert_eq!(text.len(), 1);
    let lines: Vec<&str> = text[0].lines().collect();
    assert_eq!(lines.len(), 3, "a header and two rows: {lines:?}");
    assert!(lines[0].starts_with("Reference\tTheme\tTitle"));
    assert!(
        lines[1].contains("Green") && lines[1].ends_with("Fewer children in poverty"),
        "outcomes by name, RAG as a word: {}",
        lines[1]
    );
    assert_eq!(
        h.state().status(),
        "Copied 2 rows of the table (tab-separated)"
    );

    // The palette's Edit › Copy table does the same.
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Run a command")
        .type_text("copy table");
    h.run();
    shortcut(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(copied_text(&clipboard_commands(&mut h)), text);
}

#[test]
fn copy_picture_puts_the_wheel_on_the_clipboard_as_an_image() {
    let mut h = harness(View::Wheel);
    shortcut(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    let images: Vec<[usize; 2]> = clipboard_commands(&mut h)
        .iter()
        .filter_map(|c| match c {
            OutputCommand::CopyImage(i) => Some(i.size),
            _ => None,
        })
        .collect();
    assert_eq!(images, vec![[1920, 1080]], "the export size by default");
    assert!(
        h.state()
            .status()
            .starts_with("Copied the wheel as a picture"),
        "{}",
        h.state().status()
    );
}

#[test]
fn text_pasted_from_another_program_reaches_the_field() {
    let mut h = harness(View::Actions);
    h.get_by_label("R2").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Owner").focus();
    h.run();
    h.event(Event::Paste("Head of Democratic Services".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[1].owner,
        "Head of Democratic Services"
    );
}

#[test]
fn the_status_line_gives_way_to_a_later_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    outcome_explorer::file::save(&project(), &path).unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut OutcomeApp| app.ui_root(ui),
            OutcomeApp::new(Document::open(&path).unwrap()),
        );
    h.state_mut().view = View::Actions;
    h.run();
    h.get_by_label("R2").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(h.state().status(), "Saved p.ron");
    // An edit after the save: "Saved" would now be untrue beside "● Unsaved changes".
    assert_eq!(h.state().actions.cursor(), Column::Reference);
    for _ in 0..6 {
        h.key_press(Key::ArrowRight);
        h.run();
    }
    assert_eq!(h.state().actions.cursor(), Column::Rag);
    h.key_press(Key::R);
    h.run();
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[1].rag,
        Rag::Red
    );
    assert!(h.query_by_label("● Unsaved changes").is_some());
    assert_eq!(h.state().status(), "Last change: Change RAG of R2");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().status(), "Undid: Change RAG of R2");
}

#[test]
fn exporting_a_picture_over_another_keeps_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("wheel.png");
    let app = OutcomeApp::new(Document::new(project(), None));
    app.wheel
        .export_to(app.doc.project(), &out, 400, 300)
        .unwrap();
    app.wheel
        .export_to(app.doc.project(), &out, 400, 300)
        .unwrap();
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["wheel.png".to_string()]);
}
