//! Copy and paste as a user does them: "Copy table" and "Copy picture" put text or an image
//! in egui's output (which eframe hands to the system clipboard), and text pasted from
//! another program reaches the field being typed in.

mod common;

use common::harness::{HarnessExt as _, LAPTOP, image_sizes, open_file, open_project, texts};
use egui::{Event, Key, Modifiers};
use outcome_explorer::model::*;
use outcome_explorer::plan_table::Column;
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

#[test]
fn copy_table_in_a_chart_puts_its_data_on_the_clipboard() {
    let mut h = open_project(project(), View::Trends, LAPTOP);
    h.state_mut().trends.open_measure("ta");
    h.settle();
    let text = texts(&h.copied_by_clicking("Copy table"));
    assert_eq!(text.len(), 1, "one copy");
    assert!(text[0].starts_with("Series\tPeriod\tValue"), "{}", text[0]);
    assert!(text[0].contains("2023/24\t1078"), "{}", text[0]);
    assert!(h.state().status().starts_with("Copied the data table"));
}

#[test]
fn copy_table_in_an_action_plan_gives_the_rows_and_columns_shown() {
    let mut h = open_project(project(), View::Actions, LAPTOP);
    let text = texts(&h.copied_by_clicking("Copy table"));
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
    h.press_with(Modifiers::COMMAND, Key::K);
    h.type_into("Run a command", "copy table");
    assert_eq!(texts(&h.copied_by(Modifiers::NONE, Key::Enter)), text);
}

#[test]
fn copy_picture_puts_the_wheel_on_the_clipboard_as_an_image() {
    let mut h = open_project(project(), View::Wheel, LAPTOP);
    let copied = h.copied_by(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    assert_eq!(
        image_sizes(&copied),
        vec![[1920, 1080]],
        "the export size by default"
    );
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
    let mut h = open_project(project(), View::Actions, LAPTOP);
    h.click("R2");
    h.type_into("Owner", "");
    h.event(Event::Paste("Head of Democratic Services".into()));
    h.settle();
    h.press(Key::Enter);
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
    let mut h = open_file(&path, LAPTOP);
    h.run_command("action plans");
    h.click("R2");
    h.press_with(Modifiers::COMMAND, Key::S);
    assert_eq!(h.state().status(), "Saved p.ron");
    // An edit after the save: "Saved" would now be untrue beside "● Unsaved changes".
    assert_eq!(h.state().actions.cursor(), Column::Reference);
    while h.state().actions.cursor() != Column::Rag {
        h.press(Key::ArrowRight);
    }
    h.press(Key::R);
    assert_eq!(
        h.state().doc.project().action_plans[0].actions[1].rag,
        Rag::Red
    );
    assert!(h.sees("● Unsaved changes"));
    assert_eq!(h.state().status(), "Last change: Change RAG of R2");
    h.press_with(Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().status(), "Undid: Change RAG of R2");
}

#[test]
fn exporting_a_picture_over_another_keeps_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("wheel.png");
    let h = open_project(project(), View::Wheel, LAPTOP);
    let app = h.state();
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
