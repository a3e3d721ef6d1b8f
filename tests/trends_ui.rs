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

#[test]
fn caveats_in_the_legend_stay_on_and_the_table_marks_an_inferred_period() {
    let mut p = project();
    let m = &mut p.measures[0];
    m.observations[1].period_inferred = "year inferred from 'last year'".into();
    m.disagreements.push(Disagreement {
        period: "2023/24".parse().unwrap(),
        about: "the count".into(),
        claims: vec![
            Claim {
                source: "dwp".into(),
                says: "1,078 households".into(),
                value: Some(1078.0),
                ..Default::default()
            },
            Claim {
                source: "dwp".into(),
                says: "1,100 households".into(),
                value: Some(1100.0),
                ..Default::default()
            },
        ],
        ..Default::default()
    });
    let mut h = harness_sized(p, 1400.0);
    h.state_mut().trends.open_measure("ta");
    h.run();
    // A click on a caveat switches nothing off: the mark stays on the chart and in exports.
    h.get_by_label("Sources disagree (see note)").click();
    h.run();
    assert!(
        h.state()
            .trends
            .options_as_shown()
            .unwrap()
            .hidden
            .is_empty()
    );
    let c = h.state().trends.current_chart().unwrap();
    assert_eq!(c.disagreements.len(), 1);
    assert!(
        c.legend
            .iter()
            .any(|e| e.name == "Period inferred (the source gives none)" && e.shown)
    );
    assert!(c.verdict_text.contains("sources disagree about the count"));
    // The data table under the chart says the period was inferred.
    assert!(h.query_by_label("2023/24 (inferred)").is_some());
}

/// The open chart as last drawn.
fn shown(h: &Harness<'static, OutcomeApp>) -> outcome_explorer::ui::trends_view::ShownPlot {
    h.state().trends.shown_plot().expect("a chart is drawn")
}

/// Where a value of the open chart's main series is drawn (x, y).
fn point_of(h: &Harness<'static, OutcomeApp>, period: &str) -> (f64, f64) {
    let c = h.state().trends.current_chart().unwrap();
    let p = c.series[0]
        .points
        .iter()
        .find(|p| p.period == period)
        .expect("the value is on the chart");
    (p.x, p.y)
}

/// Type a value into the data table's form and add it.
fn add_value(h: &mut Harness<'static, OutcomeApp>, period: &str, value: &str) {
    for (field, text) in [("Period", period), ("Value", value)] {
        h.get_by_role_and_label(Role::TextInput, field).focus();
        h.run();
        h.get_by_role_and_label(Role::TextInput, field)
            .type_text(text);
        h.run();
    }
    h.get_by_label("Add value").click();
    h.run();
}

fn undo_with_ctrl_z(h: &mut Harness<'static, OutcomeApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
}

/// After an edit through the data table, or an undo, the chart's axes take in what there
/// is to show: egui_plot keeps the bounds it first drew until told to reset, so without
/// the view following the data a value far above the rest (or a target moved) would be
/// drawn off the chart until "Reset view".
#[test]
fn the_chart_bounds_follow_the_data_after_an_edit_and_an_undo() {
    let mut h = harness_sized(project(), 1600.0);
    h.state_mut().trends.open_measure("ta");
    h.state_mut()
        .trends
        .set_form_source_for_test(Some("dwp".into()));
    h.run();
    let before = shown(&h);
    assert!(before.y.1 < 2_000.0, "values up to 1,100: {before:?}");

    // Ten times the largest value, a year after the last.
    add_value(&mut h, "2024/25", "11000");
    assert_eq!(h.state().doc.project().measures[0].observations.len(), 3);
    let (x, y) = point_of(&h, "2024/25");
    let after = shown(&h);
    assert!(
        after.shows(x, y),
        "the new value ({x}, {y}) is inside the chart: {after:?}"
    );

    undo_with_ctrl_z(&mut h);
    assert_eq!(h.state().doc.project().measures[0].observations.len(), 2);
    let back = shown(&h);
    assert!(back.y.1 < 2_000.0, "the axis lets go of 11,000: {back:?}");
    assert_eq!((back.x, back.y), (before.x, before.y), "as before the edit");

    // A target moved far above the values, then back.
    h.get_by_label("Edit the 2040 target").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Target value")
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Target value")
        .type_text("20000");
    h.run();
    h.get_by_label("Save target").click();
    h.run();
    let t = &h.state().trends.current_chart().unwrap().targets[0];
    assert_eq!(t.y, 20_000.0);
    let (tx, ty) = (t.x, t.y);
    assert!(shown(&h).shows(tx, ty), "the target is inside the chart");
    undo_with_ctrl_z(&mut h);
    assert_eq!(h.state().doc.project().measures[0].targets[0].value, 500.0);
    let back = shown(&h);
    assert_eq!((back.x, back.y), (before.x, before.y), "as before the edit");
}

/// Scroll a pointer's wheel over the chart by `dy` points, with `modifiers`, and let the
/// smooth scrolling finish.
fn wheel(
    h: &mut Harness<'static, OutcomeApp>,
    at: egui::Pos2,
    dy: f32,
    modifiers: egui::Modifiers,
) {
    h.hover_at(at);
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers,
    });
    h.run_steps(30);
}

/// The rule on a measure's page (a page that scrolls, 1280×800): the mouse wheel over the
/// chart scrolls the page and leaves the chart alone; Ctrl with the wheel zooms the chart
/// (the page stays); after a click in the chart the wheel pans it (the page stays) until
/// the pointer leaves it, and then the wheel scrolls the page again. A user's zoom is kept
/// while the data do not change.
#[test]
fn the_wheel_scrolls_the_page_ctrl_wheel_zooms_and_a_click_lets_it_pan() {
    let mut h = harness_sized(project(), 800.0);
    h.state_mut().trends.open_measure("ta");
    h.run();
    let start = shown(&h);
    let ctrl = egui::Modifiers::CTRL | egui::Modifiers::COMMAND;
    let inside = |s: &outcome_explorer::ui::trends_view::ShownPlot| {
        s.rect.center() + egui::vec2(0.0, s.rect.height() / 4.0)
    };

    // The wheel alone: the page scrolls, the chart's bounds stay.
    wheel(&mut h, inside(&start), -120.0, egui::Modifiers::NONE);
    let scrolled = shown(&h);
    assert!(
        scrolled.rect.top() < start.rect.top() - 50.0,
        "the page scrolled: the chart went from {} to {}",
        start.rect.top(),
        scrolled.rect.top()
    );
    assert_eq!(
        (scrolled.x, scrolled.y),
        (start.x, start.y),
        "not zoomed or panned"
    );
    assert!(!h.state().trends.chart_takes_wheel());

    // Ctrl and the wheel: the chart zooms in, the page stays.
    wheel(&mut h, inside(&scrolled), 120.0, ctrl);
    let zoomed = shown(&h);
    assert_eq!(
        zoomed.rect.top(),
        scrolled.rect.top(),
        "the page did not scroll"
    );
    assert!(
        zoomed.x.1 - zoomed.x.0 < scrolled.x.1 - scrolled.x.0,
        "zoomed in: {zoomed:?} from {scrolled:?}"
    );
    // Nothing changed in the data: the zoom is kept.
    h.run_steps(5);
    assert_eq!(shown(&h), zoomed, "a user's zoom is kept");

    // A click in the chart: the wheel pans it, the page stays.
    let at = inside(&zoomed);
    h.hover_at(at);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    assert!(h.state().trends.chart_takes_wheel());
    assert!(
        h.query_by_label_contains("The mouse wheel now pans the chart")
            .is_some()
    );
    wheel(&mut h, at, -120.0, egui::Modifiers::NONE);
    let panned = shown(&h);
    assert_eq!(
        panned.rect.top(),
        zoomed.rect.top(),
        "the page did not scroll"
    );
    assert_ne!(
        (panned.x, panned.y),
        (zoomed.x, zoomed.y),
        "the chart panned"
    );
    assert!(
        (panned.y.1 - panned.y.0 - (zoomed.y.1 - zoomed.y.0)).abs() < 1e-6,
        "panned, not zoomed"
    );

    // The pointer leaves the chart: the wheel scrolls the page again.
    let below = egui::pos2(at.x, panned.rect.bottom() + 60.0);
    h.hover_at(below);
    h.run();
    assert!(!h.state().trends.chart_takes_wheel());
    wheel(&mut h, inside(&panned), -120.0, egui::Modifiers::NONE);
    let again = shown(&h);
    assert!(
        again.rect.top() < panned.rect.top() - 50.0,
        "the page scrolled"
    );
    assert_eq!((again.x, again.y), (panned.x, panned.y), "the chart stayed");
}

/// The sample project (Luton), with one measure whose unit is long, first on the dashboard:
/// its change line needs three rows on a card.
fn luton_with_a_long_unit() -> Project {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
    let mut p = outcome_explorer::file::load(&path)
        .unwrap_or_else(|e| panic!("the sample does not load: {:?}", e.problems));
    p.measures.push(Measure {
        id: "b-and-b".into(),
        name: "Households placed in bed and breakfasts".into(),
        unit: Unit::Other(
            "households placed in bed-and-breakfast accommodation outside the borough".into(),
        ),
        direction: Direction::LowerIsBetter,
        headline: Some(0),
        observations: vec![obs("2023-09-30", 1_140.0), obs("2024-03-31", 2_374.0)],
        ..Default::default()
    });
    p
}

/// Dashboard cards at a laptop's size (1280×800) and a projector's (1920×1080). Each text
/// painted on a card is a label node holding what shows (a line cut by its row limit or the
/// card's edge reads cut, ending in "…"), and a card is named by its title as shown. So:
/// every change line in view reads whole, inside its card, even one three rows long; the
/// two temporary-accommodation cards are found by their whole, different titles; a card
/// with one value says so and shows the value and its date; the cards fill the row.
#[test]
fn dashboard_cards_show_whole_change_lines_and_titles_at_1280_and_1920() {
    let p = luton_with_a_long_unit();
    let cards: Vec<outcome_explorer::chart::Card> = p
        .measures_in_dashboard_order()
        .into_iter()
        .map(|i| outcome_explorer::chart::card(&p, i, &p.measures[i]))
        .collect();
    assert_eq!(
        cards[0].change,
        "+1,234 households placed in bed-and-breakfast accommodation outside the borough \
         since 30 Sep 2023"
    );
    for (w, hgt, least) in [(1280.0, 800.0, 8), (1920.0, 1080.0, 12)] {
        let mut app = OutcomeApp::new(Document::new(p.clone(), None));
        app.view = View::Trends;
        let mut h = Harness::builder()
            .with_size(egui::vec2(w, hgt))
            .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app);
        h.run();
        let mut seen = 0;
        let mut right = 0.0f32;
        for c in &cards {
            let Some(card) = h.query_by_role_and_label(Role::Button, &c.name) else {
                continue;
            };
            let r = card.rect();
            if r.bottom() > hgt - 30.0 {
                continue; // under the fold, cut by the window (the page scrolls)
            }
            seen += 1;
            right = right.max(r.right());
            let inside = |text: &str| {
                h.query_all_by_role_and_label(Role::Label, text)
                    .any(|n| r.contains_rect(n.rect()))
            };
            assert!(
                inside(&c.change),
                "at {w}×{hgt}, the card \"{}\" shows its change \"{}\" whole",
                c.name,
                c.change
            );
            if c.points.len() == 1 {
                assert!(c.change == "One value so far");
                let value = format!("{}, {}", c.latest, c.latest_period);
                assert!(inside(&value), "{}: {value} beside its dot", c.name);
                assert!(inside(&c.source), "{}: {}", c.name, c.source);
            }
        }
        assert!(seen >= least, "{seen} whole cards at {w}×{hgt}");
        assert!(
            right > w - 30.0,
            "the cards fill the row: the last ends at {right}"
        );
        for name in [
            "Households in temporary accommodation",
            "Households in temporary accommodation (freedom-of-information count)",
        ] {
            assert!(
                h.query_by_role_and_label(Role::Button, name).is_some(),
                "at {w}×{hgt}, the card titled \"{name}\" shows its whole title"
            );
        }
        assert!(
            h.query_by_role_and_label(Role::Button, "Households in destitution (estimated number)")
                .is_some()
        );
    }
}

#[test]
fn every_chart_exports_to_a_folder_with_a_progress_bar_and_the_window_stays_live() {
    let dir = tempfile::tempdir().unwrap();
    let p = project();
    let ids: Vec<String> = p.measures.iter().map(|m| m.id.clone()).collect();
    let mut h = harness(p);
    h.run();
    h.state_mut()
        .export_charts_to(dir.path().to_path_buf(), (800, 450));
    h.run();
    // The window keeps drawing frames while the charts are written.
    let start = std::time::Instant::now();
    while h.state().export.is_some() {
        assert!(start.elapsed().as_secs() < 120, "the export never finished");
        h.run();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let status = h.state().status();
    assert!(
        status.contains(&format!("Exported {} charts", ids.len())),
        "{status}"
    );
    for id in &ids {
        let png = std::fs::read(dir.path().join(format!("{id}.png"))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{id}.png is a PNG");
    }
}
