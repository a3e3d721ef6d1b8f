//! Never losing work, in the window (egui_kittest): the CSV import deletes only what the
//! user ticks in its preview.

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use outcome_explorer::document::Document;
use outcome_explorer::model::{Action, ActionPlan, ProgressNote, Project};
use outcome_explorer::ui::OutcomeApp;
use outcome_explorer::ui::nav::View;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn project() -> Project {
    let mut p = Project::default();
    p.programme.title = "Luton 2040".into();
    p.programme.vision = "A healthy, fair and sustainable town".into();
    p.programme.horizon_year = 2040;
    let action = |r: &str, title: &str| Action {
        reference: r.into(),
        title: title.into(),
        progress: vec![ProgressNote {
            date: d(2025, 1, 10),
            text: format!("First note on {r}"),
        }],
        ..Default::default()
    };
    p.action_plans.push(ActionPlan {
        id: "cpc".into(),
        title: "Peer challenge 2024".into(),
        actions: vec![
            action("R1", "Housing delivery plan"),
            action("R2", "Member development"),
            action("R3", "Financial management"),
        ],
        ..Default::default()
    });
    p
}

fn harness(project: Project) -> Harness<'static, OutcomeApp> {
    let mut app = OutcomeApp::new(Document::new(project, None));
    app.view = View::Actions;
    app.actions.today = d(2025, 6, 1);
    Harness::builder()
        .with_size(egui::vec2(1280., 800.))
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app)
}

/// The preview lists the rows and notes the file leaves out as kept; ticking the box
/// removes the rows, and only then.
#[test]
fn csv_import_keeps_what_the_file_leaves_out_unless_ticked() {
    let mut h = harness(project());
    h.run();
    let csv = "Reference,Title,Latest progress\nR1,Housing delivery plan,2025-05-01: Site bought\n";
    {
        let app = h.state_mut();
        let doc = app.doc.clone();
        app.actions.start_import(&doc, "update.csv", csv.as_bytes());
    }
    h.run();
    h.get_by_label("Not in the file");
    h.get_by_label("R2: Member development — not in the file, kept");
    h.get_by_label("R1: note of 10 Jan 2025 “First note on R1” — not in the file, kept");
    h.get_by_label("2 rows not in the file are kept");

    h.get_by_label("Remove the 2 row(s) not in the file")
        .click();
    h.run();
    h.get_by_label("R3: Financial management — not in the file, removed");
    h.get_by_label("Import 1 rows, remove 2").click();
    h.run();
    let actions = &h.state().doc.project().action_plans[0].actions;
    assert_eq!(actions.len(), 1);
    let notes: Vec<&str> = actions[0]
        .progress
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(notes, ["First note on R1", "Site bought"]);
    h.state_mut().undo();
    h.run();
    assert_eq!(h.state().doc.project(), &project());
}
