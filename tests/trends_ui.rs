//! The Trends view driven as a director would: open a measure from the dashboard,
//! add a value through the data table, go back; and the dashboard stays fast.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use outcome_explorer::document::Document;
use outcome_explorer::model::*;
use outcome_explorer::ui::OutcomeApp;
use outcome_explorer::ui::nav::View;

fn obs(p: &str, v: f64) -> Observation {
    Observation {
        period: p.parse().unwrap(),
        value: v,
        source: Some("dwp".into()),
        ..Default::default()
    }
}

fn project() -> Project {
    let mut p = Project::default();
    p.programme.title = "Luton 2040".into();
    p.programme.organisation = "Luton Borough Council".into();
    p.sources.push(Source {
        id: "dwp".into(),
        title: "DWP statistics".into(),
        ..Default::default()
    });
    p.measures.push(Measure {
        id: "ta".into(),
        name: "Households in temporary accommodation".into(),
        unit: Unit::Households,
        direction: Direction::LowerIsBetter,
        observations: vec![obs("2022/23", 1100.0), obs("2023/24", 1078.0)],
        targets: vec![Target {
            year: 2040,
            value: 500.0,
            ..Default::default()
        }],
        tolerance_percent: 10.0,
        annotations: vec![Annotation {
            period: "2024".parse().unwrap(),
            label: "Housing strategy".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    p.measures.push(Measure {
        id: "child-poverty".into(),
        name: "Children in poverty".into(),
        unit: Unit::Percent,
        direction: Direction::LowerIsBetter,
        headline: Some(1),
        observations: vec![obs("2020", 33.0), obs("2021", 32.0)],
        targets: vec![Target {
            year: 2040,
            value: 15.0,
            ..Default::default()
        }],
        tolerance_percent: 10.0,
        comparators: vec![Comparator {
            name: "England".into(),
            observations: vec![obs("2020", 20.0)],
        }],
        ..Default::default()
    });
    p
}

fn harness(project: Project) -> Harness<'static, OutcomeApp> {
    harness_sized(project, 800.0)
}

/// A tall window, so that the data table under the chart is on screen without scrolling.
fn harness_sized(project: Project, height: f32) -> Harness<'static, OutcomeApp> {
    let mut app = OutcomeApp::new(Document::new(project, None));
    app.view = View::Trends;
    Harness::builder()
        .with_size(egui::vec2(1280.0, height))
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app)
}

#[test]
fn open_a_measure_from_the_dashboard_and_go_back() {
    let mut h = harness(project());
    h.run();
    h.get_by_label("Households in temporary accommodation")
        .click();
    h.run();
    assert_eq!(h.state().trends.opened(), Some("ta"));
    let chart = h.state().trends.current_chart().unwrap();
    assert!(chart.x_ticks.iter().any(|t| t.label.contains('/')));
    assert!(h.query_by_label("Start at zero").is_some());
    h.get_by_label("← All measures").click();
    h.run();
    assert_eq!(h.state().trends.opened(), None);
}

#[test]
fn add_a_value_through_the_data_table() {
    let mut h = harness_sized(project(), 1600.0);
    h.state_mut().trends.open_measure("ta");
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Period").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Period")
        .type_text("2024/25");
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Value").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Value")
        .type_text("150");
    h.run();
    // A source is required for a measured value.
    h.get_by_label("Add value").click();
    h.run();
    assert!(
        h.query_by_label_contains("needs a source").is_some(),
        "refused with a reason"
    );
    assert_eq!(h.state().doc.project().measures[0].observations.len(), 2);
    h.state_mut()
        .trends
        .set_form_source_for_test(Some("dwp".into()));
    h.get_by_label("Add value").click();
    h.run();
    assert_eq!(h.state().doc.project().measures[0].observations.len(), 3);
    let m = &h.state().doc.project().measures[0];
    assert_eq!(m.observations[2].period.to_string(), "2024/25");
    assert_eq!(m.observations[2].value, 150.0);
    assert!(h.state().doc.is_dirty());
    assert!(h.state().doc.history().can_undo());
    h.run();
    let chart = h.state().trends.current_chart().unwrap();
    assert_eq!(chart.series[0].points.len(), 3);
    assert!(chart.series[0].points.iter().any(|p| p.period == "2024/25"));
}

#[test]
fn impossible_values_are_refused_at_the_cell() {
    let mut h = harness_sized(project(), 1600.0);
    h.state_mut().trends.open_measure("child-poverty");
    h.state_mut()
        .trends
        .set_form_source_for_test(Some("dwp".into()));
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Period").focus();
    h.get_by_role_and_label(Role::TextInput, "Period")
        .type_text("2022");
    h.get_by_role_and_label(Role::TextInput, "Value").focus();
    h.get_by_role_and_label(Role::TextInput, "Value")
        .type_text("140");
    h.run();
    h.get_by_label("Add value").click();
    h.run();
    assert!(h.query_by_label_contains("between 0 and 100").is_some());
    assert_eq!(h.state().doc.project().measures[1].observations.len(), 2);
}

#[test]
fn dashboard_with_200_measures_lays_out_only_visible_cards() {
    let mut p = project();
    p.measures.clear();
    for i in 0..200 {
        p.measures.push(Measure {
            id: format!("m{i}"),
            name: format!("Measure {i}"),
            unit: Unit::People,
            direction: Direction::HigherIsBetter,
            observations: (0..500)
                .map(|d| Observation {
                    period: Period::Date(
                        chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap()
                            + chrono::Days::new(d * 7),
                    ),
                    value: (1000 + (d * 37 + i) % 300) as f64,
                    source: Some("dwp".into()),
                    ..Default::default()
                })
                .collect(),
            targets: vec![Target {
                year: 2040,
                value: 2000.0,
                ..Default::default()
            }],
            tolerance_percent: 10.0,
            ..Default::default()
        });
    }
    let mut h = harness(p);
    h.run();
    // Speed is measured in the benchmarks (frame/trends/*, frame/chart/*); here we check
    // its cause: only the cards in view are laid out, not all 200.
    let cards = h.query_all_by_label_contains("Measure ").count();
    assert!(cards > 0 && cards < 60, "{cards} cards laid out");
    h.state_mut().trends.open_measure("m7");
    h.run();
    assert_eq!(h.state().trends.opened(), Some("m7"));
}

#[test]
fn status_set_by_hand_needs_a_reason_and_can_be_cleared() {
    let mut h = harness_sized(project(), 1600.0);
    h.state_mut().trends.open_measure("ta");
    h.run();
    h.get_by_label("Set status").click();
    h.run();
    assert!(h.query_by_label_contains("Give a reason").is_some());
    assert!(
        h.state().doc.project().measures[0]
            .status_override
            .is_none()
    );
    h.get_by_role_and_label(Role::TextInput, "Reason").focus();
    h.get_by_role_and_label(Role::TextInput, "Reason")
        .type_text("New hotel contract ends in March");
    h.run();
    h.get_by_label("Set status").click();
    h.run();
    let o = h.state().doc.project().measures[0]
        .status_override
        .clone()
        .expect("override set");
    assert_eq!(o.rag, Rag::Amber);
    assert_eq!(o.reason, "New hotel contract ends in March");
    let a = outcome_explorer::status::assess(&h.state().doc.project().measures[0]);
    assert!(a.overridden.is_some());
    h.get_by_label("Clear status set by hand").click();
    h.run();
    assert!(
        h.state().doc.project().measures[0]
            .status_override
            .is_none()
    );
}

#[test]
fn copy_table_is_tab_separated() {
    let p = project();
    let tsv = outcome_explorer::chart::table_tsv(&p, &p.measures[0]);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines[0], "Series\tPeriod\tValue\tStatus\tSource\tNote");
    assert_eq!(lines[1], "Luton\t2022/23\t1100\tMeasured\tDWP statistics\t");
    assert_eq!(lines.len(), 3);
    // Comparators are in the table too, after the measure's own values.
    let tsv = outcome_explorer::chart::table_tsv(&p, &p.measures[1]);
    let last = tsv.lines().last().unwrap();
    assert_eq!(last, "England\t2020\t20\tMeasured\tDWP statistics\t");
}

#[test]
fn series_switched_off_in_the_legend_are_left_out_of_exports() {
    let mut h = harness(project());
    h.state_mut().trends.open_measure("child-poverty");
    h.run();
    h.get_by_label("England").click();
    h.run();
    let opts = h.state().trends.options_as_shown().unwrap();
    assert_eq!(
        opts.hidden,
        vec![outcome_explorer::chart::LegendItem::Comparator(0)]
    );
    // The chart drawn leaves the comparator out, and says so in its legend.
    let c = h.state().trends.current_chart().unwrap();
    assert!(c.series[1].points.is_empty());
    assert!(c.legend.iter().any(|e| e.name == "England" && !e.shown));
    // Switched on again.
    h.get_by_label("England").click();
    h.run();
    assert!(
        h.state()
            .trends
            .options_as_shown()
            .unwrap()
            .hidden
            .is_empty()
    );
}

#[test]
fn the_calendar_beside_the_period_writes_a_date() {
    let mut app = OutcomeApp::new(Document::new(project(), None));
    app.view = View::Trends;
    app.trends.open_measure("ta");
    // The calendar popup's year, month and day boxes are egui_extras' own and carry no
    // accessible names, which the harness would otherwise refuse.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1600.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app);
    h.run();
    let calendars = h.query_all_by_label("Calendar…").count();
    assert_eq!(calendars, 2, "one for values, one for events");
    h.query_all_by_label("Calendar…").next().unwrap().click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let field = h.get_by_role_and_label(Role::TextInput, "Period");
    assert_eq!(field.value().as_deref(), Some(today.as_str()));
}

#[test]
fn edit_a_target_and_an_event_in_place_and_undo() {
    let mut h = harness_sized(project(), 1600.0);
    h.state_mut().trends.open_measure("ta");
    h.run();
    h.get_by_label("Edit the 2040 target").click();
    h.run();
    let value = h.get_by_role_and_label(Role::TextInput, "Target value");
    assert_eq!(
        value.value().as_deref(),
        Some("500"),
        "the form holds the target"
    );
    value.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Target value")
        .type_text("400");
    h.run();
    h.get_by_label("Save target").click();
    h.run();
    let targets = &h.state().doc.project().measures[0].targets;
    assert_eq!(targets.len(), 1, "edited, not added");
    assert_eq!(targets[0].value, 400.0);
    assert!(
        h.query_by_label("Add target").is_some(),
        "the form is cleared"
    );

    h.get_by_label("Edit the event \"Housing strategy\"")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Event").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Event")
        .type_text("Housing strategy adopted");
    h.run();
    h.get_by_label("Save event").click();
    h.run();
    let events = &h.state().doc.project().measures[0].annotations;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].label, "Housing strategy adopted");

    h.state_mut().undo();
    h.state_mut().undo();
    h.run();
    let m = &h.state().doc.project().measures[0];
    assert_eq!(m.targets[0].value, 500.0);
    assert_eq!(m.annotations[0].label, "Housing strategy");
}

#[test]
fn comparators_are_listed_under_the_chart() {
    let mut h = harness_sized(project(), 1600.0);
    h.state_mut().trends.open_measure("child-poverty");
    h.run();
    assert!(h.query_by_label("Comparator: England").is_some());
    assert!(h.query_by_label("20.0%").is_some() || h.query_by_label("20%").is_some());
}

#[test]
fn the_chart_title_and_axis_are_kept_in_the_file_and_undoable() {
    let mut h = harness_sized(project(), 1600.0);
    h.state_mut().trends.open_measure("ta");
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Chart title")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Chart title")
        .type_text("Fewer households in temporary accommodation");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let m = &h.state().doc.project().measures[0];
    assert_eq!(m.chart_title, "Fewer households in temporary accommodation");
    assert!(h.state().doc.is_dirty());
    h.run();
    assert_eq!(
        h.state().trends.current_chart().unwrap().title,
        "Fewer households in temporary accommodation"
    );
    // Exports draw what the file keeps.
    let p = h.state().doc.project().clone();
    let opts = outcome_explorer::chart::ChartOptions::for_measure(&p.measures[0]);
    let c = outcome_explorer::chart::build(&p, &p.measures[0], &opts);
    assert_eq!(c.title, "Fewer households in temporary accommodation");

    h.get_by_label("Start at zero").click();
    h.run();
    assert!(h.state().doc.project().measures[0].chart_fit_axis);
    h.state_mut().undo();
    h.state_mut().undo();
    h.run();
    h.run();
    let m = &h.state().doc.project().measures[0];
    assert!(!m.chart_fit_axis);
    assert_eq!(m.chart_title, "");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Chart title")
            .value()
            .as_deref(),
        Some(""),
        "the field follows an undo"
    );
}

/// Charts are exported at a size chosen in the Export menu (a slide, a square, or typed),
/// the same for the chart, the dashboard and every chart at once.
#[test]
fn the_export_menu_offers_sizes() {
    let mut h = harness(project());
    h.state_mut().trends.open_measure("ta");
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    assert!(h.query_by_label("Save as PNG…").is_some());
    assert!(h.query_by_label("Save as SVG…").is_some());
    assert_eq!(h.state().trends.export_size().width, 1920);
    h.get_by_label("Square (1080×1080)").click();
    h.run();
    let size = h.state().trends.export_size();
    assert_eq!((size.width, size.height), (1080, 1080));

    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("← All measures").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    assert!(h.query_by_label("Dashboard as a picture…").is_some());
    assert!(
        h.query_by_label("Every chart as PNG, to a folder…")
            .is_some()
    );
}
