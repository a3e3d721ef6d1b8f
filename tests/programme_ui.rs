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
    let ix = outcome_explorer::edit::Index::new();
    let (i, o) = p
        .outcomes
        .iter()
        .enumerate()
        .max_by_key(|(_, o)| ix.referrers(&p, List::Outcomes, &o.id).len())
        .unwrap();
    let (old, name, refs) = (
        o.id.clone(),
        o.name.clone(),
        ix.referrers(&p, List::Outcomes, &o.id).len(),
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
    let after = outcome_explorer::edit::Index::new();
    assert_eq!(
        after
            .referrers(&now, List::Outcomes, "renamed-outcome")
            .len(),
        refs
    );
    assert!(!after.is_referred_to(&now, List::Outcomes, &old));
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

/// Find a text field by its label: a one-line field first, then any node so named.
fn field<'a>(h: &'a Harness<'static, OutcomeApp>, label: &'a str) -> egui_kittest::Node<'a> {
    h.query_by_role_and_label(Role::TextInput, label)
        .or_else(|| h.query_by_role_and_label(Role::MultilineTextInput, label))
        .unwrap_or_else(|| h.get_by_label(label))
}

/// Replace a field's text, found by [`field`].
fn fill(h: &mut Harness<'static, OutcomeApp>, label: &str, text: &str) {
    field(h, label).scroll_to_me();
    h.run();
    field(h, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    field(h, label).type_text(text);
    h.run();
}

/// Open the combo box named `label` and choose `option`.
fn choose(h: &mut Harness<'static, OutcomeApp>, label: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, label).click();
    h.run();
    // The list may be longer than its window: bring the option into view first.
    h.get_by_role_and_label(Role::Button, option).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, option).click();
    h.run();
}

const PRIORITIES: [&str; 3] = ["Thriving people", "Fair economy", "Green town"];
const NEEDS: [&str; 4] = ["Health", "Money", "Homes", "Learning"];
const OUTCOMES: [(&str, &str); 6] = [
    (
        "Everyone lives in a healthy home",
        "We want a warm, dry home",
    ),
    (
        "Good jobs close to home",
        "We want work that pays the bills",
    ),
    (
        "Fewer families in temporary accommodation",
        "We want somewhere settled to live",
    ),
    (
        "Children ready for school",
        "We want our children to do well",
    ),
    (
        "Cleaner air in every street",
        "We want to breathe clean air",
    ),
    (
        "People feel safe where they live",
        "We want to feel safe at night",
    ),
];

#[test]
fn new_user_builds_a_programme_from_blank() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Project::default());
    h.state_mut().view = View::Wheel;
    h.run();

    // File › New: the programme, an empty start.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().is_starting_new());
    fill(&mut h, "Programme title", "Northvale 2040");
    fill(&mut h, "Organisation", "Northvale Borough Council");
    fill(
        &mut h,
        "Vision",
        "A fair, healthy and green town for everyone",
    );
    click(
        &mut h,
        "An empty project: add priorities and areas of need yourself",
    );
    click(&mut h, "Create");
    // Names of three priorities and four areas of need.
    for (k, name) in PRIORITIES.iter().enumerate() {
        click(&mut h, "Add priority");
        fill(&mut h, &format!("Priority {}", k + 1), name);
    }
    for (k, name) in NEEDS.iter().enumerate() {
        click(&mut h, "Add area of need");
        fill(&mut h, &format!("Area of need {}", k + 1), name);
    }
    click(&mut h, "Next");
    // Six outcomes, placed round the wheel in turn.
    for (k, (name, _)) in OUTCOMES.iter().enumerate() {
        if k > 0 {
            click(&mut h, "Add outcome");
        }
        fill(&mut h, &format!("Outcome {}", k + 1), name);
    }
    choose(&mut h, "Priority of outcome 3", "Thriving people");
    click(&mut h, "Finish: see the wheel");
    assert!(!h.state().is_starting_new());
    assert_eq!(h.state().view, View::Wheel);
    assert_eq!(h.state().doc.project().outcomes.len(), 6);

    // A voice for every outcome, added from its editor.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run();
    open_section(&mut h, "Outcomes");
    for (name, voice) in OUTCOMES {
        click(&mut h, name);
        fill(&mut h, "New voice", voice);
        click(&mut h, "Add voice");
    }

    // Two measures with values, targets and a new source.
    open_section(&mut h, "Measures");
    click(&mut h, "Add measure");
    fill(&mut h, "Name", "Households in temporary accommodation");
    choose(&mut h, "Unit", "Households");
    choose(&mut h, "Direction", "Lower is better");
    click(&mut h, "Add");
    click(&mut h, "New source for value source");
    fill(&mut h, "Source title", "Northvale housing register");
    fill(&mut h, "Publisher", "Northvale Borough Council");
    click(&mut h, "Add source");
    for (period, value) in [("2023/24", "1,078"), ("2024/25", "1,012")] {
        fill(&mut h, "Period", period);
        fill(&mut h, "Value", value);
        click(&mut h, "Add value");
    }
    fill(&mut h, "Target year", "2030");
    fill(&mut h, "Target value", "540");
    choose(&mut h, "Target source", "Northvale housing register");
    click(&mut h, "Add target");

    click(&mut h, "Add measure");
    fill(&mut h, "Name", "Residents who feel safe after dark");
    click(&mut h, "Add");
    click(&mut h, "New source for value source");
    fill(&mut h, "Source title", "Northvale residents' survey");
    fill(&mut h, "Published", "March 2025");
    click(&mut h, "Add source");
    choose(&mut h, "Value status", "Estimated");
    for (period, value) in [("2024", "61"), ("2025", "64%")] {
        fill(&mut h, "Period", period);
        fill(&mut h, "Value", value);
        click(&mut h, "Add value");
    }
    fill(&mut h, "Target year", "2040");
    fill(&mut h, "Target value", "80");
    choose(&mut h, "Target source", "Northvale residents' survey");
    fill(
        &mut h,
        "Target working",
        "The survey's 2025 figure raised by 16 points, the plan's ambition",
    );
    click(&mut h, "Add target");

    // Each measure tracks an outcome.
    open_section(&mut h, "Outcomes");
    for (outcome, measure) in [
        (OUTCOMES[2].0, "Households in temporary accommodation"),
        (OUTCOMES[5].0, "Residents who feel safe after dark"),
    ] {
        click(&mut h, outcome);
        choose(&mut h, "Add to Measures", measure);
        click(&mut h, "Apply");
    }

    // An action plan with three actions, in the Action plans view.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    click(&mut h, "Add plan");
    fill(&mut h, "Plan title", "Northvale 2040 delivery plan");
    click(&mut h, "OK");
    for title in [
        "Open a family hub in every ward",
        "Buy homes to end the use of hotels",
        "Plant 5,000 street trees",
    ] {
        click(&mut h, "Add row");
        fill(&mut h, "Title", title);
        h.key_press(Key::Tab);
        h.run();
    }

    // A pledge and a mission, back in the Programme view.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    h.run();
    open_section(&mut h, "Pledges");
    click(&mut h, "Add pledge");
    fill(&mut h, "Partner", "Northvale Housing Trust");
    fill(
        &mut h,
        "Commitment",
        "Let 200 homes to families in temporary accommodation",
    );
    choose(&mut h, "Add to Outcomes", OUTCOMES[2].0);
    fill(&mut h, "By", "2028");
    click(&mut h, "Add");
    open_section(&mut h, "Missions");
    click(&mut h, "Add mission");
    fill(&mut h, "Name", "A settled home for every family");
    choose(&mut h, "Add to Outcomes", OUTCOMES[0].0);
    choose(&mut h, "Add to Outcomes", OUTCOMES[2].0);
    click(&mut h, "Add");

    // Saved (a file dialog cannot be driven here: the document is saved where it would put it).
    let path = dir.path().join("northvale-2040.ron");
    h.state_mut().doc.save_as(&path).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    let expected_path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/expected/new-user-programme.ron"
    ));
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::create_dir_all(expected_path.parent().unwrap()).unwrap();
        std::fs::write(expected_path, &saved).unwrap();
    }
    let expected = std::fs::read_to_string(expected_path)
        .expect("tests/expected/new-user-programme.ron (UPDATE_EXPECTED=1 writes it)");
    assert_eq!(
        saved, expected,
        "the saved file differs from the expected one"
    );
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "check: {}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn the_wheel_and_the_charts_open_the_editor() {
    let p = sample();
    let mut h = harness(p.clone());
    h.state_mut().view = View::Wheel;
    h.run();
    // Right-click an outcome on the wheel: edit it.
    let o = &p.outcomes[0];
    h.get_by_label(&o.name).click_secondary();
    h.run();
    click(&mut h, &format!("Edit outcome “{}”", o.name));
    assert_eq!(h.state().view, View::Programme);
    assert_eq!(
        h.state().programme.editing(),
        Some(outcome_explorer::ui::programme_view::Target::Item(
            outcome_explorer::history::Place::new(List::Outcomes, 0)
        ))
    );
    // Where a priority meets an area of need: add an outcome there.
    h.state_mut().view = View::Wheel;
    h.run();
    let prio = p.priority(&o.priority).unwrap().name.clone();
    let need = p.need(&o.need).unwrap().name.clone();
    h.get_by_label(&format!("{prio} › {need}"))
        .click_secondary();
    h.run();
    click(&mut h, "Add an outcome here…");
    fill(&mut h, "Name", "Warmer homes for older residents");
    click(&mut h, "Add");
    let added = h.state().doc.project().outcomes.last().unwrap().clone();
    assert_eq!(added.name, "Warmer homes for older residents");
    assert_eq!(
        (added.priority, added.need),
        (o.priority.clone(), o.need.clone())
    );

    // Under a chart: edit the measure; on the dashboard: a new one.
    let m = &p.measures[0];
    h.state_mut().trends.open_measure(&m.id);
    h.state_mut().view = View::Trends;
    h.run();
    click(&mut h, "Edit measure");
    assert_eq!(h.state().view, View::Programme);
    assert!(h.query_by_label(&format!("Measure “{}”", m.name)).is_some());
    h.state_mut().trends.open_measure("");
    h.state_mut().view = View::Trends;
    h.run();
    click(&mut h, "New measure");
    assert!(h.query_by_label("New measure").is_some());
}

#[test]
fn values_pasted_from_a_spreadsheet_are_previewed_then_applied_as_one_step() {
    let p = sample();
    let i = p
        .measures
        .iter()
        .position(|m| m.unit == outcome_explorer::model::Unit::Households)
        .unwrap();
    let m = p.measures[i].clone();
    let mut h = harness(p.clone());
    h.run();
    open_section(&mut h, "Measures");
    click(&mut h, &m.name);
    click(&mut h, "Paste or import values…");
    let source = &p.sources[0];
    let text = format!(
        "Period\tValue\tSource\n2031/32\t1,234\t{}\n2032/33\tmany\t{}\n",
        source.id, source.id
    );
    fill(&mut h, "Values to import", &text);
    assert!(
        h.query_by_label_contains("1 value added, 0 changed, 0 unchanged, 1 row rejected")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("line 3: value:").is_some(),
        "the rejected row says why"
    );
    assert_eq!(h.state().doc.project(), &p, "a preview changes nothing");
    click(&mut h, "Import 1 value");
    let now = &h.state().doc.project().measures[i];
    assert_eq!(now.observations.len(), m.observations.len() + 1);
    assert!(now.observations.iter().any(|o| o.value == 1234.0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.project(),
        &p,
        "one undo takes the import back"
    );
}

#[test]
fn moving_an_item_keeps_its_editor_on_it() {
    let p = sample();
    let mut h = harness(p.clone());
    h.run();
    open_section(&mut h, "Priorities");
    click(&mut h, &p.priorities[1].name);
    click(&mut h, "Move up");
    let place = |i| {
        Some(outcome_explorer::ui::programme_view::Target::Item(
            outcome_explorer::history::Place::new(List::Priorities, i),
        ))
    };
    assert_eq!(h.state().doc.project().priorities[0].id, p.priorities[1].id);
    assert_eq!(h.state().programme.editing(), place(0));
    assert!(h.query_by_label_contains("duplicate id").is_none());
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    assert_eq!(h.state().doc.project().priorities[1].id, p.priorities[1].id);
    assert_eq!(h.state().programme.editing(), place(1));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project(), &p);
}

#[test]
fn a_measures_comparators_events_and_disagreements_are_edited_in_place() {
    let p = sample();
    let i = p
        .measures
        .iter()
        .position(|m| m.comparators.is_empty() && m.disagreements.is_empty())
        .unwrap();
    let name = p.measures[i].name.clone();
    let src = p
        .sources
        .iter()
        .min_by_key(|s| s.title.len())
        .unwrap()
        .clone();
    let source = src.title.clone();
    let mut h = harness(p.clone());
    h.run();
    open_section(&mut h, "Measures");
    click(&mut h, &name);

    fill(&mut h, "Comparator name", "England");
    click(&mut h, "Add comparator");
    click(&mut h, "Edit the comparator \"England\"");
    fill(&mut h, "Comparator period", "2023");
    fill(&mut h, "Comparator value", "12");
    choose(&mut h, "Comparator source", &source);
    click(&mut h, "Add comparator value");

    fill(&mut h, "Event date", "2024-04");
    fill(&mut h, "Event", "New allocations policy");
    choose(&mut h, "Event source", &source);
    click(&mut h, "Add event");

    fill(&mut h, "Disagreement period", "2023");
    fill(
        &mut h,
        "What is disputed",
        "which year the figure belongs to",
    );
    click(&mut h, "Add disagreement");
    click(
        &mut h,
        "Edit the disagreement \"which year the figure belongs to\"",
    );
    for says in ["12, for 2023", "12, for 2022"] {
        choose(&mut h, "Claim source", &source);
        fill(&mut h, "What the source says", says);
        click(&mut h, "Add claim");
    }

    let m = &h.state().doc.project().measures[i];
    assert_eq!(m.comparators.len(), 1);
    assert_eq!(m.comparators[0].observations.len(), 1);
    assert_eq!(
        m.comparators[0].observations[0].source.as_deref(),
        Some(src.id.as_str())
    );
    assert_eq!(
        m.annotations.last().unwrap().label,
        "New allocations policy"
    );
    assert_eq!(m.disagreements.len(), 1);
    assert_eq!(m.disagreements[0].claims.len(), 2);
    assert!(outcome_explorer::validate::validate(h.state().doc.project()).is_empty());
    // Each change was its own step.
    for _ in 0..6 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(h.state().doc.project(), &p);
}

#[test]
fn a_value_under_a_chart_takes_a_source_added_on_the_spot() {
    let p = sample();
    let i = p
        .measures
        .iter()
        .position(|m| m.unit == outcome_explorer::model::Unit::Households)
        .unwrap();
    let mut h = harness(p.clone());
    h.state_mut().trends.open_measure(&p.measures[i].id);
    h.state_mut().view = View::Trends;
    h.run();
    fill(&mut h, "Period", "2031/32");
    fill(&mut h, "Value", "1,100");
    click(&mut h, "New source for source");
    fill(
        &mut h,
        "Source title",
        "Housing register return, April 2032",
    );
    click(&mut h, "Add source");
    click(&mut h, "Add value");
    let now = h.state().doc.project();
    let s = now.sources.last().unwrap();
    assert_eq!(s.title, "Housing register return, April 2032");
    let o = now.measures[i]
        .observations
        .iter()
        .find(|o| o.value == 1100.0)
        .unwrap();
    assert_eq!(o.source.as_deref(), Some(s.id.as_str()));
    assert!(outcome_explorer::validate::validate(now).is_empty());
}
