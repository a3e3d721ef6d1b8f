//! The wheel in the real app, driven headless with egui_kittest.

use egui::Role;
use egui_kittest::{
    Harness,
    kittest::{NodeT as _, Queryable as _},
};
use outcome_explorer::document::Document;
use outcome_explorer::ui::OutcomeApp;
use outcome_explorer::wheel::fixture;

mod fixtures;

fn harness() -> Harness<'static, OutcomeApp> {
    let app = OutcomeApp::new(Document::new(fixture::project(3, 4, 10, 2), None));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app);
    h.run();
    h
}

const O4: &str = "Outcome 4: residents live healthier, longer lives";

#[test]
fn clicking_an_outcome_selects_it_and_the_panel_names_it() {
    let mut h = harness();
    assert!(h.query_by_role_and_label(Role::Label, O4).is_none());
    h.get_by_role_and_label(Role::Button, O4).click();
    h.run();
    assert_eq!(h.state().wheel.selected(), Some("o4"));
    h.get_by_role_and_label(Role::Label, O4);
    // Its voices and the close button are in the panel.
    h.get_by_label("“We want statement number 8 to be heard”");
    h.get_by_role_and_label(Role::Button, "Close").click();
    h.run();
    assert_eq!(h.state().wheel.selected(), None);
}

#[test]
fn the_panel_shows_measures_actions_and_pledges_and_jumps_to_them() {
    let mut h = harness();
    h.get_by_role_and_label(
        Role::Button,
        "Outcome 0: residents live healthier, longer lives",
    )
    .click();
    h.run();
    h.get_by_label("Partner pledges");
    h.get_by_label("University of Bedfordshire: Offer 200 placements");
    h.get_by_label("Open action R1 in Corporate Peer Challenge")
        .click();
    h.run();
    assert_eq!(h.state().view, outcome_explorer::ui::nav::View::Actions);
}

#[test]
fn clicking_a_priority_zooms_with_a_breadcrumb_and_escape_zooms_out() {
    let mut h = harness();
    assert!(h.query_by_label("Whole wheel").is_none());
    h.get_by_role_and_label(Role::Button, "Child-friendly town")
        .click();
    h.run();
    let focus = h.state().wheel.state().focus.clone().expect("zoomed");
    assert_eq!(focus.group, "p1");
    h.get_by_label("Whole wheel");
    // Only p1's outcomes remain on the wheel.
    assert!(h.query_by_role_and_label(Role::Button, O4).is_some()); // o4 is p1's
    assert!(
        h.query_by_role_and_label(
            Role::Button,
            "Outcome 0: residents live healthier, longer lives"
        )
        .is_none()
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().wheel.state().focus.is_none());
    assert!(h.query_by_label("Whole wheel").is_none());
}

#[test]
fn keyboard_moves_between_segments_and_enter_selects() {
    let mut h = harness();
    // Right arrow starts at the first priority; Up goes out a ring twice to an outcome.
    h.key_press(egui::Key::ArrowRight);
    h.run();
    h.key_press(egui::Key::ArrowUp);
    h.run();
    h.key_press(egui::Key::ArrowUp);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().wheel.selected().is_some());
}

#[test]
fn the_search_box_highlights_matching_segments() {
    let mut h = harness();
    let search = h.get_by_role_and_label(Role::TextInput, "Search:");
    search.focus();
    search.type_text("net zero");
    h.run();
    assert_eq!(
        h.state().wheel.search_matches(),
        vec!["Net Zero".to_string()]
    );
    h.run();
    assert!(h.query_by_label("1 match").is_some(), "the count is shown");
}

#[test]
fn a_large_wheel_is_cached_between_frames() {
    // 500 outcomes and 2,000+ voices: the first frame lays out, later frames reuse it.
    let app = OutcomeApp::new(Document::new(fixture::project(5, 7, 500, 4), None));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app);
    let t = std::time::Instant::now();
    h.run();
    let first = t.elapsed();
    let t = std::time::Instant::now();
    for _ in 0..10 {
        h.step();
    }
    let later = t.elapsed() / 10;
    eprintln!("large wheel (debug build): first frames {first:?}, then {later:?} per frame");
    h.get_by_role_and_label(Role::Button, "Child-friendly town")
        .click();
    h.run();
    assert!(h.state().wheel.state().focus.is_some());
}

#[test]
fn the_inner_ring_can_be_areas_of_need() {
    let mut h = harness();
    h.get_by_label("Need → priority").click();
    h.run();
    assert_eq!(
        h.state().wheel.state().grouping,
        outcome_explorer::wheel::Grouping::NeedThenPriority
    );
    // Areas of need are now segments that zoom.
    h.get_by_role_and_label(Role::Button, "Money").click();
    h.run();
    assert_eq!(h.state().wheel.state().focus.as_ref().unwrap().group, "n1");
    h.get_by_label("Whole wheel").click();
    h.run();
    assert!(h.state().wheel.state().focus.is_none());
}

#[test]
fn the_window_exports_the_wheel_as_shown() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "Child-friendly town")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, O4).click();
    h.run();
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("wheel.svg");
    let app = h.state();
    app.wheel
        .export_to(app.doc.project(), &svg_path, 1080, 1080)
        .unwrap();
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.contains("zoomed into Child-friendly town"));
    assert!(svg.contains("stroke-width=\"3\""), "selection outlined");
    let png_path = dir.path().join("wheel.png");
    app.wheel
        .export_to(app.doc.project(), &png_path, 1920, 1080)
        .unwrap();
    assert!(std::fs::metadata(&png_path).unwrap().len() > 10_000);
}

/// The label of the node AccessKit reports as focused, if any.
fn focused_label(h: &Harness<'static, OutcomeApp>) -> Option<String> {
    h.query_by(|n| n.is_focused())
        .and_then(|n| n.accesskit_node().label())
}

#[test]
fn arrow_keys_move_focus_so_screen_readers_name_the_segment() {
    let mut h = harness();
    assert_eq!(focused_label(&h), None);
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(focused_label(&h).as_deref(), Some("Population wellbeing"));
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(focused_label(&h).as_deref(), Some("Child-friendly town"));
    // Out a ring: the first group of needs within that priority, named with its path.
    h.key_press(egui::Key::ArrowUp);
    h.run();
    let label = focused_label(&h).expect("a focused segment");
    assert!(label.starts_with("Child-friendly town › "), "{label}");
    // Back in, and round the ring backwards.
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(focused_label(&h).as_deref(), Some("Population wellbeing"));
    // Enter still zooms into the focused priority.
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().wheel.state().focus.as_ref().unwrap().group, "p0");
}

#[test]
fn with_many_voices_the_voices_in_view_are_still_named() {
    // 2,000+ voices: too many to name on the whole wheel, but zoomed into one priority
    // (about 500 voices, still more than the old limit of 400) they are there.
    let app = OutcomeApp::new(Document::new(fixture::project(5, 7, 500, 4), None));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app);
    h.run();
    let voice = "We want statement number 4 to be heard \
                 (resident voice, Outcome 1: residents live healthier, longer lives)";
    assert!(h.query_by_role_and_label(Role::Button, voice).is_none());
    h.get_by_role_and_label(Role::Button, "Child-friendly town")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, voice).click();
    h.run();
    assert_eq!(h.state().wheel.selected(), Some("o1"));
}

/// Names in any script: the harness refuses a frame with a glyph no font has, so this fails
/// if Chinese, Japanese or Bengali names had no font.
#[test]
fn names_in_other_scripts_are_drawn() {
    let mut p = fixture::project(3, 4, 10, 2);
    p.priorities[0].name = "净零排放 ネットゼロ".into();
    p.priorities[1].name = "নেট জিরো".into();
    p.priorities[2].name = "शुद्ध शून्य".into();
    let app = OutcomeApp::new(Document::new(p, None));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app);
    h.run();
    assert!(h.query_all_by_label_contains("净零排放").count() > 0);
}

#[test]
fn voices_too_many_to_read_say_how_to_read_them() {
    let app = OutcomeApp::new(Document::new(fixture::project(8, 10, 60, 2), None));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app);
    h.run();
    let hint = "zoom into a priority or area of need to read them";
    assert!(h.query_all_by_label_contains(hint).count() == 1);
    h.get_by_label("Residents' voices, each beginning “We want statement …”");
    h.get_by_role_and_label(Role::Button, "Child-friendly town")
        .click();
    h.run();
    assert!(h.query_all_by_label_contains(hint).count() == 0);
}

#[test]
fn hovering_the_middle_of_a_label_shows_its_tooltip() {
    let mut h = harness();
    // The segment's accessibility widget sits at the middle of its label.
    h.get_by_role_and_label(Role::Button, O4).hover();
    h.run();
    let tip = h.get_by_label_contains("Click for details");
    let text = tip.accesskit_node().value().unwrap_or_default();
    assert!(
        text.starts_with(&format!("{O4}\nChild-friendly town › Money")),
        "{text}"
    );
}

#[test]
fn a_zoom_left_without_outcomes_says_the_whole_priority_shows() {
    let mut h = harness();
    // Zoom into the area of need "n0" within the priority "p1".
    let project = h.state().doc.project().clone();
    let (p1, n0) = (
        project.priorities[1].name.clone(),
        project.needs[0].name.clone(),
    );
    h.get_by_role_and_label(Role::Button, &format!("{p1} › {n0}"))
        .click();
    h.run();
    let focus = h.state().wheel.state().focus.clone().expect("zoomed");
    assert_eq!(
        (focus.group.as_str(), focus.sub.as_deref()),
        ("p1", Some("n0"))
    );
    let note = format!("(no outcomes yet under {p1} › {n0}, so all of {p1} is shown)");
    assert!(h.query_by_label(&note).is_none());
    // Its outcomes are deleted elsewhere: the wheel shows the whole priority and says so.
    let mut bare = project.clone();
    // (Moved to another area, so that the actions that name them still find them.)
    for o in &mut bare.outcomes {
        if o.priority == "p1" && o.need == "n0" {
            o.need = "n1".into();
        }
    }
    h.state_mut()
        .doc
        .apply(
            "Delete outcomes",
            outcome_explorer::history::Edit::SetProject(Box::new(bare)),
        )
        .unwrap();
    h.run();
    h.get_by_label(&note);
}

/// Forty priorities in a 1280×800 window: too many outcomes to name, and the legend says how
/// many and how to read them; zoomed into one priority, its outcomes are named and the note
/// goes.
#[test]
fn a_wheel_too_crowded_to_name_its_outcomes_says_so_until_zoomed() {
    let p = fixtures::load("forty-priorities.ron");
    let total = p.outcomes.len();
    let first = p.priorities[0].name.clone();
    let app = OutcomeApp::new(Document::new(p, None));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(60)
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app);
    h.run();
    let note = format!("Too many outcomes ({total}) to name at this size");
    assert!(h.query_by_label_contains(&note).is_some(), "{note}");
    // Zoomed into one priority, as a user clicks it: its outcomes are named, the note goes.
    h.get_by_role_and_label(Role::Button, &first).click();
    h.run();
    assert!(h.state().wheel.state().focus.is_some(), "zoomed");
    assert!(
        h.query_by_label_contains("to name at this size").is_none(),
        "zoomed in, every outcome is named"
    );
}
