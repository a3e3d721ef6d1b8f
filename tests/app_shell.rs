//! The app shell driven as a user would: views, the unsaved marker, Save, undo, opening files.

mod common;

use common::harness::{HarnessExt as _, LAPTOP, harness, open_file};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT as _;
use egui_kittest::kittest::Queryable as _;
use outcome_explorer::document::Document;
use outcome_explorer::file;
use outcome_explorer::history::Edit;
use outcome_explorer::model::{Priority, Project};
use outcome_explorer::ui::OutcomeApp;
use outcome_explorer::ui::nav::View;

fn project(title: &str) -> Project {
    let mut p = Project::default();
    p.programme.title = title.into();
    p.programme.vision = "A healthy, fair and sustainable town".into();
    p.priorities.push(Priority {
        id: "p1".into(),
        name: "Children and young people".into(),
        ..Default::default()
    });
    p
}

fn rename(app: &mut OutcomeApp, title: &str) {
    let mut prog = app.doc.project().programme.clone();
    prog.title = title.into();
    app.doc
        .apply("Rename programme", Edit::SetProgramme(Box::new(prog)))
        .unwrap();
}

#[test]
fn tabs_switch_views() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&project("Luton 2040"), &path).unwrap();
    let mut h = open_file(&path, LAPTOP);
    h.settle();
    assert_eq!(h.state().view, View::Wheel);
    h.click("Trends");
    assert_eq!(h.state().view, View::Trends);
    h.click("Action plans");
    assert_eq!(h.state().view, View::Actions);
    h.press_with(Modifiers::COMMAND, Key::Num1);
    assert_eq!(h.state().view, View::Wheel);
}

#[test]
fn unsaved_marker_appears_after_an_edit_and_goes_after_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&project("Luton 2040"), &path).unwrap();
    let mut h = open_file(&path, LAPTOP);
    h.settle();
    assert!(!h.sees("● Unsaved changes"));
    assert_eq!(h.state().window_title(), "p.ron — Outcome Explorer");

    rename(h.state_mut(), "Luton 2040 (draft)");
    h.settle();
    assert!(h.sees("● Unsaved changes"));
    assert_eq!(h.state().window_title(), "● p.ron — Outcome Explorer");

    h.press_with(Modifiers::COMMAND, Key::S);
    assert!(!h.sees("● Unsaved changes"));
    assert_eq!(
        file::load(&path).unwrap().programme.title,
        "Luton 2040 (draft)"
    );
    assert!(
        file::backup_path(&path).exists(),
        "the previous version is kept"
    );
}

/// A file's comments have no place in the layout the app writes: Save asks before dropping
/// them, Cancel leaves the file as it is, and the file as it was is kept as the backup.
#[test]
fn saving_over_comments_asks_first_and_keeps_the_original_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let text = format!(
        "// Draft for CLT, do not circulate\n{}",
        file::to_text(&project("Luton 2040"))
    );
    std::fs::write(&path, &text).unwrap();
    let mut h = open_file(&path, LAPTOP);
    h.settle();
    rename(h.state_mut(), "Luton 2040 (draft)");
    h.settle();

    h.press_with(Modifiers::COMMAND, Key::S);
    assert!(h.sees("Save without the comments?"));
    assert!(h.sees_text("has a comment (line 1)"));
    h.click("Cancel");
    assert!(!h.sees("Save without the comments?"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "the file is untouched"
    );
    assert!(h.sees("● Unsaved changes"));

    h.press_with(Modifiers::COMMAND, Key::S);
    h.click("Save without comments");
    assert_eq!(
        file::load(&path).unwrap().programme.title,
        "Luton 2040 (draft)"
    );
    assert_eq!(
        std::fs::read_to_string(file::backup_path(&path)).unwrap(),
        text,
        "the commented file is kept as the backup"
    );
    assert!(!h.sees("● Unsaved changes"));
    // The file now has no comments: the next save does not ask.
    rename(h.state_mut(), "Luton 2040");
    h.settle();
    h.press_with(Modifiers::COMMAND, Key::S);
    assert!(!h.sees("Save without the comments?"));
    assert_eq!(file::load(&path).unwrap().programme.title, "Luton 2040");
}

/// "Save" in the unsaved-changes question, on a file with comments: the comments question
/// comes next, and the other file opens once it is answered.
#[test]
fn opening_another_file_saves_over_comments_only_when_told() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    std::fs::write(&a, format!("// notes\n{}", file::to_text(&project("A")))).unwrap();
    file::save(&project("B"), &b).unwrap();
    let mut h = open_file(&a, LAPTOP);
    rename(h.state_mut(), "A edited");
    h.state_mut().open(&b);
    h.settle();
    h.click("Save");
    assert!(h.sees("Save without the comments?"));
    assert_eq!(
        h.state().doc.project().programme.title,
        "A edited",
        "not yet"
    );
    // Another file asked for meanwhile waits: one question at a time.
    let c = dir.path().join("c.ron");
    file::save(&project("C"), &c).unwrap();
    h.state_mut().open(&c);
    h.settle();
    assert!(h.sees("Save without the comments?"));
    assert_eq!(h.state().doc.project().programme.title, "A edited");
    h.click("Save without comments");
    assert_eq!(file::load(&a).unwrap().programme.title, "A edited");
    assert_eq!(h.state().doc.project().programme.title, "B", "then B opens");
    assert_eq!(
        file::load(&c).unwrap().programme.title,
        "C",
        "C is untouched"
    );
}

#[test]
fn undo_and_redo_shortcuts_change_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&project("Luton 2040"), &path).unwrap();
    let mut h = open_file(&path, LAPTOP);
    rename(h.state_mut(), "Changed");
    h.settle();
    h.press_with(Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.project().programme.title, "Luton 2040");
    assert!(
        !h.state().doc.is_dirty(),
        "undoing to the saved state is clean"
    );
    h.press_with(Modifiers::COMMAND, Key::Y);
    assert_eq!(h.state().doc.project().programme.title, "Changed");
    assert!(h.state().status().contains("Redid: Rename programme"));
    h.press_with(Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.project().programme.title, "Luton 2040");
    h.press_with(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(
        h.state().doc.project().programme.title,
        "Changed",
        "Ctrl+Shift+Z redoes, not undoes"
    );
}

#[test]
fn a_broken_file_is_reported_and_the_open_project_kept() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    let bad = dir.path().join("bad.ron");
    file::save(&project("Luton 2040"), &good).unwrap();
    std::fs::write(
        &bad,
        "(format_version: 1, programme: (title: \"T\", vision: \"V\", horizon_year: \"2040\"))",
    )
    .unwrap();
    let mut h = open_file(&good, LAPTOP);
    h.state_mut().open(&bad);
    h.settle();
    assert_eq!(h.state().doc.project().programme.title, "Luton 2040");
    let lines = h
        .state()
        .report_lines()
        .expect("problems are shown")
        .to_vec();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("bad.ron:1:"), "{}", lines[0]);
    assert!(h.sees_text("Could not open bad.ron"));
    h.click("Close");
    assert!(h.state().report_lines().is_none());
}

#[test]
fn opening_another_file_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    file::save(&project("A"), &a).unwrap();
    file::save(&project("B"), &b).unwrap();
    let mut h = open_file(&a, LAPTOP);
    rename(h.state_mut(), "A edited");
    h.state_mut().open(&b);
    h.settle();
    assert!(h.sees("Unsaved changes"));
    h.click("Cancel");
    assert_eq!(
        h.state().doc.project().programme.title,
        "A edited",
        "cancel keeps the edits"
    );

    h.state_mut().open(&b);
    h.settle();
    h.click("Save");
    assert_eq!(h.state().doc.project().programme.title, "B");
    assert_eq!(
        file::load(&a).unwrap().programme.title,
        "A edited",
        "Save wrote the edits first"
    );

    rename(h.state_mut(), "B edited");
    h.state_mut().open(&a);
    h.settle();
    h.click("Don't save");
    assert_eq!(h.state().doc.project().programme.title, "A edited");
    assert_eq!(
        file::load(&b).unwrap().programme.title,
        "B",
        "Don't save leaves the file alone"
    );
}

/// A large file is read on another thread behind a modal; the project replaces the old one
/// when it is ready. A named pipe stands in for a slow disk, so the test decides when the
/// reading ends.
#[cfg(unix)]
#[test]
fn a_large_file_opens_behind_a_modal_while_the_window_stays_live() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    file::save(&project("A"), &a).unwrap();
    let pipe = dir.path().join("big.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());

    let mut h = open_file(&a, LAPTOP);
    h.state_mut().background_open_bytes = 0;
    h.state_mut().open(&pipe);
    assert!(h.state().is_opening());
    // A modal is sized on its first frame and shown on the next.
    h.step();
    h.step();
    assert!(
        h.sees_text("Opening big.ron ("),
        "the modal says what is being opened, and how big it is"
    );
    assert_eq!(h.state().doc.project().programme.title, "A");

    std::fs::write(&pipe, file::to_text(&project("B"))).unwrap();
    for _ in 0..500 {
        h.step();
        if !h.state().is_opening() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!h.state().is_opening(), "the file was read");
    assert_eq!(h.state().doc.project().programme.title, "B");
    assert!(h.state().status().starts_with("Opened"));
    h.step();
    assert!(!h.sees_text("Opening big.ron"));
    assert!(!h.sees_text("a.ron"));
}

#[test]
fn the_file_menu_offers_the_wheel_as_a_picture() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&project("Luton 2040"), &path).unwrap();
    let mut h = open_file(&path, LAPTOP);
    h.settle();
    h.click("File");
    h.click("Export");
    assert!(h.sees("Wheel as PNG…"));
    assert!(h.sees("Wheel as SVG…"));
}

#[test]
fn a_new_project_starts_every_view_afresh_and_keeps_hidden_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = project("Luton 2040");
    p.action_plans.push(outcome_explorer::model::ActionPlan {
        id: "plan".into(),
        title: "Peer challenge".into(),
        actions: vec![outcome_explorer::model::Action {
            reference: "R1".into(),
            title: "Set up a board".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    file::save(&p, &path).unwrap();
    let mut h = open_file(&path, LAPTOP);
    h.state_mut().view = View::Actions;
    h.settle();
    h.click("Columns");
    h.get_by_role_and_label(Role::CheckBox, "Theme").click();
    h.settle();
    h.press(Key::Escape);
    let header = |h: &Harness<'_, OutcomeApp>, name: &str| {
        h.query_by_role_and_label(Role::Button, name).is_some()
    };
    assert!(!header(&h, "Theme"), "the Theme column is hidden");
    assert!(header(&h, "Title"));
    assert_eq!(h.state().actions.plan_id(), Some("plan"));

    h.state_mut().view = View::Wheel;
    h.settle();
    h.press_with(Modifiers::COMMAND, Key::N);
    assert!(h.state().doc.path().is_none(), "a new project is shown");
    assert_eq!(
        h.state().actions.plan_id(),
        None,
        "the old project's plan is not remembered by the new one"
    );

    h.state_mut().open(&path);
    h.state_mut().view = View::Actions;
    h.settle();
    h.settle();
    assert_eq!(h.state().actions.plan_id(), Some("plan"));
    assert!(
        !header(&h, "Theme"),
        "hidden columns are a setting: they stay hidden in the next project"
    );
    assert!(header(&h, "Title"));
}

#[test]
fn the_readme_keyboard_table_lists_every_shortcut_of_the_command_list() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let rows: Vec<(String, String)> = readme
        .lines()
        .skip_while(|l| l.trim() != "| Keys | Command |")
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            (cells[0].to_string(), cells[1].to_string())
        })
        .collect();
    let expected: Vec<(String, String)> = outcome_explorer::ui::app::COMMANDS
        .iter()
        .filter(|c| !c.keys.is_empty())
        .map(|c| (c.keys_text(), c.full_label()))
        .collect();
    let table: String = expected
        .iter()
        .map(|(k, c)| format!("| {k} | {c} |\n"))
        .collect();
    assert_eq!(
        rows, expected,
        "the README's keyboard table should read:\n| Keys | Command |\n| --- | --- |\n{table}"
    );
}

#[test]
fn the_command_palette_finds_and_runs_a_command_from_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&project("Luton 2040"), &path).unwrap();
    let mut h = open_file(&path, LAPTOP);
    h.settle();
    h.press_with(Modifiers::COMMAND, Key::K);
    assert!(h.state().palette_is_open());
    // The search box has the keyboard at once.
    h.type_into("Run a command", "action");
    assert!(h.sees_text("View › Action plans"));
    assert!(!h.sees_text("File › Save"));
    h.press(Key::Enter);
    assert_eq!(h.state().view, View::Actions);
    assert!(!h.state().palette_is_open());

    // Ctrl+Shift+P opens it too; arrows choose, Esc closes without running anything.
    h.press_with(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.type_into("Run a command", "view");
    h.press(Key::ArrowDown);
    h.press(Key::Escape);
    assert!(!h.state().palette_is_open());
    assert_eq!(h.state().view, View::Actions);

    // A click runs a command too.
    h.press_with(Modifiers::COMMAND, Key::K);
    h.type_into("Run a command", "dark");
    h.get_by_label_contains("View › Dark theme").click();
    h.settle();
    assert!(h.state().is_dark());
}

#[test]
fn palette_matches_every_word_and_leaves_out_what_cannot_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    file::save(&project("Luton 2040"), &path).unwrap();
    let mut app = OutcomeApp::new(Document::open(&path).unwrap());
    let ids = |app: &OutcomeApp, q: &str| -> Vec<&'static str> {
        outcome_explorer::ui::app::palette_matches(app, q)
            .iter()
            .map(|c| c.id)
            .collect()
    };
    assert_eq!(ids(&app, "save as"), vec!["file.save-as"]);
    assert_eq!(ids(&app, "ctrl+shift+s"), vec!["file.save-as"]);
    assert!(ids(&app, "undo").is_empty(), "nothing to undo yet");
    rename(&mut app, "Changed");
    assert_eq!(ids(&app, "undo"), vec!["edit.undo"]);
    assert!(
        ids(&app, "rename").contains(&"edit.undo"),
        "found by what it would undo"
    );
    assert_eq!(ids(&app, "").len(), ids(&app, "   ").len());
    // Labels that start with the query come first.
    assert_eq!(ids(&app, "save")[0], "file.save");
}

#[test]
fn a_broken_file_shows_its_lines_and_opens_once_put_right() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    let bad = dir.path().join("bad.ron");
    file::save(&project("Luton 2040"), &good).unwrap();
    let text = file::to_text(&project("Draft"));
    // A missing comma after the title.
    let broken = text.replacen("\"Draft\",", "\"Draft\"", 1);
    assert_ne!(broken, text);
    std::fs::write(&bad, &broken).unwrap();
    let mut h = open_file(&good, LAPTOP);
    h.state_mut().open(&bad);
    h.settle();
    assert_eq!(h.state().doc.project().programme.title, "Luton 2040");
    h.get_by_label_contains("good.ron is still open");
    // The problem's line, quoted with its number, and a mark under its column.
    let lines = h.state().report_lines().unwrap().to_vec();
    let at: Vec<usize> = lines[0]
        .split(':')
        .skip(1)
        .take(2)
        .map(|n| n.trim().parse().unwrap())
        .collect();
    let (line, col) = (at[0], at[1]);
    let source = broken.lines().nth(line - 1).unwrap().trim();
    let quoted = h.get_by_label_contains(&format!("{line:>5} │ ")).rect();
    assert!(
        h.query_by_label_contains(source).is_some(),
        "line {line} is quoted: {source}"
    );
    let mark = h.get_by_label_contains("^");
    assert!(
        mark.rect().top() > quoted.top(),
        "the mark is under the quoted line"
    );
    let mark_text = mark
        .accesskit_node()
        .label()
        .or(mark.accesskit_node().value())
        .unwrap_or_default();
    assert_eq!(
        mark_text.find('^').map(|i| mark_text[..i].chars().count()),
        Some(8 + col - 1)
    );
    assert!(h.sees("Open in text editor"));

    // Put it right, then try again: it opens (no unsaved changes, so nothing is asked).
    std::fs::write(&bad, &text).unwrap();
    h.click("Try again");
    assert_eq!(h.state().doc.project().programme.title, "Draft");
    assert!(h.state().report_lines().is_none());
}

#[test]
fn a_file_that_fails_at_start_leaves_the_welcome_screen_not_an_untitled_project() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format_version: 1, programme: (title: 3))").unwrap();
    let mut h = harness(OutcomeApp::with_file(Some(&bad)), LAPTOP);
    assert!(h.state().is_welcome());
    h.get_by_label("Could not open bad.ron");
    h.click("Close");
    assert!(h.sees("Open a project…"));
    assert!(!h.sees("Trends"), "no views until a project is open");
    assert!(!h.sees("● Unsaved changes"));
    h.click("Start a new project");
    assert!(!h.state().is_welcome());
    assert!(h.sees("Trends"));
}

#[test]
fn toolbar_controls_stay_put_when_a_count_changes() {
    let mut p = project("Luton 2040");
    p.needs.push(outcome_explorer::model::AreaOfNeed {
        id: "n1".into(),
        name: "Money".into(),
        ..Default::default()
    });
    for i in 0..12 {
        p.outcomes.push(outcome_explorer::model::Outcome {
            id: format!("o{i}"),
            name: format!("Outcome number {i}"),
            priority: "p1".into(),
            need: "n1".into(),
            ..Default::default()
        });
    }
    let mut h = common::harness::open_project(p, View::Wheel, LAPTOP);
    let export = |h: &common::harness::AppHarness| h.get_by_label("Export…").rect();
    let before = export(&h);
    h.type_into("Search:", "number 1");
    assert!(h.sees("3 matches"), "number 1, 10 and 11");
    assert_eq!(export(&h), before);
    h.type_into("Search:", "1"); // "number 11"
    assert!(h.sees("1 match"));
    assert_eq!(export(&h), before);
}

/// The status bar counts in words that agree with the number: "1 priority", not
/// "1 priorities" (the smallest test project).
#[test]
fn the_status_bar_counts_one_thing_in_the_singular() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/smallest.ron");
    let h = open_file(&path, LAPTOP);
    assert!(
        h.query_by_label("1 priority · 1 outcome · 2 measures · 0 actions")
            .is_some(),
        "the counts are not in the status bar"
    );
}
