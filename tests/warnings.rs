//! `validate::warnings` and `check`: figures that may say more than their sources are reported
//! with the item's path, and never stop a file from opening.

use outcome_explorer::file;
use outcome_explorer::model::*;
use outcome_explorer::validate::{Issue, first_warnings, validate, warnings};
use std::process::Command;

fn period(s: &str) -> Period {
    s.parse().unwrap()
}

/// A small project whose every figure names its source: no warnings.
fn honest() -> Project {
    let mut p = Project::default();
    p.sources.push(Source {
        id: "paper".into(),
        title: "Position Paper".into(),
        ..Default::default()
    });
    p.measures.push(Measure {
        id: "ta".into(),
        name: "Households in temporary accommodation".into(),
        unit: Unit::Households,
        direction: Direction::LowerIsBetter,
        tolerance_percent: 10.0,
        observations: vec![
            Observation {
                period: period("2023-09-30"),
                value: 984.0,
                source: Some("paper".into()),
                ..Default::default()
            },
            Observation {
                period: period("2024"),
                value: 1078.0,
                source: Some("paper".into()),
                note: "Year placed at the paper's date.".into(),
                period_inferred: "the paper gives no date".into(),
                ..Default::default()
            },
        ],
        targets: vec![Target {
            year: 2025,
            value: 492.0,
            source: Some("paper".into()),
            working: "half of 984".into(),
            ..Default::default()
        }],
        comparators: vec![Comparator {
            name: "England".into(),
            observations: vec![Observation {
                period: period("2024"),
                value: 900.0,
                status: ValueStatus::Illustrative,
                ..Default::default()
            }],
        }],
        disagreements: vec![Disagreement {
            period: period("2023"),
            about: "whether the count rose or fell".into(),
            claims: vec![
                Claim {
                    source: "paper".into(),
                    says: "rising".into(),
                    trend: Some(Trend::Rising),
                    ..Default::default()
                },
                Claim {
                    source: "paper".into(),
                    value: Some(984.0),
                    ..Default::default()
                },
            ],
            note: String::new(),
        }],
        ..Default::default()
    });
    p
}

fn warnings_after(change: impl FnOnce(&mut Measure)) -> Vec<Issue> {
    let mut p = honest();
    change(&mut p.measures[0]);
    assert_eq!(validate(&p), vec![], "warnings are not errors");
    warnings(&p)
}

fn paths(issues: &[Issue]) -> Vec<&str> {
    issues.iter().map(|i| i.path.as_str()).collect()
}

#[test]
fn a_project_whose_figures_name_their_sources_has_no_warnings() {
    assert_eq!(warnings(&honest()), vec![]);
    assert_eq!(warnings(&Project::default()), vec![]);
}

#[test]
fn a_target_with_neither_source_nor_working_is_warned_about() {
    let w = warnings_after(|m| {
        m.targets[0].source = None;
        m.targets[0].working.clear();
        m.targets.push(Target {
            year: 2030,
            value: 300.0,
            kind: TargetKind::Milestone,
            ..Default::default()
        });
    });
    assert_eq!(
        w,
        vec![
            Issue {
                path: "measures \"ta\" target 1".into(),
                message: "the 2025 target of 492 has no source and no working (name the source \
                          that states it, or say in `working` how it was worked out)"
                    .into()
            },
            Issue {
                path: "measures \"ta\" target 2".into(),
                message: "the 2030 milestone of 300 has no source and no working (name the \
                          source that states it, or say in `working` how it was worked out)"
                    .into()
            },
        ]
    );
    // Either a source or a working is enough.
    assert_eq!(warnings_after(|m| m.targets[0].source = None), vec![]);
    assert_eq!(warnings_after(|m| m.targets[0].working.clear()), vec![]);
}

#[test]
fn a_measured_value_whose_note_says_it_was_derived_is_warned_about() {
    let w = warnings_after(|m| {
        m.observations[0].note = "Derived: 984 + 86, the fall reported a year later.".into()
    });
    assert_eq!(paths(&w), ["measures \"ta\" observation 1"]);
    assert!(
        w[0].message
            .starts_with("status is Measured but the note says the value was \"derived\""),
        "{}",
        w[0].message
    );
    // Saying how it was worked out, or not calling it measured, answers the warning.
    assert_eq!(
        warnings_after(|m| {
            m.observations[0].note = "Derived from the fall reported a year later.".into();
            m.observations[0].working = "984 + 86".into();
        }),
        vec![]
    );
    assert_eq!(
        warnings_after(|m| {
            m.observations[0].note = "Calculated by the paper's authors.".into();
            m.observations[0].status = ValueStatus::Estimated;
        }),
        vec![]
    );
}

#[test]
fn a_note_that_says_the_period_was_chosen_asks_for_period_inferred() {
    let w = warnings_after(|m| m.observations[1].period_inferred.clear());
    assert_eq!(paths(&w), ["measures \"ta\" observation 2"]);
    assert!(w[0].message.contains("(\"placed at\")"), "{}", w[0].message);
    assert!(
        w[0].message.contains("`period_inferred`"),
        "{}",
        w[0].message
    );
}

#[test]
fn a_value_with_neither_source_nor_working_is_warned_about_unless_illustrative() {
    let w = warnings_after(|m| {
        m.observations[0].source = None;
        m.comparators[0].observations[0].status = ValueStatus::Estimated;
    });
    assert_eq!(
        paths(&w),
        [
            "measures \"ta\" observation 1",
            "measures \"ta\" comparator 1 observation 1"
        ]
    );
    assert_eq!(
        w[0].message,
        "984 for 2023-09-30 has no source and no working (name the source that gives it, or say \
         in `working` how it was worked out)"
    );
}

#[test]
fn a_disagreement_needs_two_claims_a_subject_and_claims_that_say_something() {
    let w = warnings_after(|m| {
        let d = &mut m.disagreements[0];
        d.about = " ".into();
        d.claims[1] = Claim {
            source: "paper".into(),
            ..Default::default()
        };
        m.disagreements.push(Disagreement {
            period: period("2024"),
            about: "the count".into(),
            claims: vec![d_claim()],
            note: String::new(),
        });
    });
    assert_eq!(
        w,
        vec![
            Issue {
                path: "measures \"ta\" disagreement 1".into(),
                message: "`about` is empty (say in a few words what the sources disagree on)"
                    .into()
            },
            Issue {
                path: "measures \"ta\" disagreement 1 claim 2".into(),
                message: "the claim says nothing (give what the source says: `says`, `value` \
                          or `trend`)"
                    .into()
            },
            Issue {
                path: "measures \"ta\" disagreement 2".into(),
                message: "a disagreement needs two or more claims (it has 1)".into()
            },
        ]
    );
}

fn d_claim() -> Claim {
    Claim {
        source: "paper".into(),
        says: "1,078".into(),
        value: Some(1078.0),
        ..Default::default()
    }
}

#[test]
fn check_lists_warnings_and_still_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = honest();
    p.measures[0].targets[0].working.clear();
    p.measures[0].targets[0].source = None;
    file::save(&p, &path).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let shown = path.display();
    assert!(
        err.contains(&format!(
            "{shown}: warning: measures \"ta\" target 1: the 2025 target of 492 has no source"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{shown}: 1 warning; the file is valid")),
        "{err}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("valid: "), "{stdout}");
}

#[test]
fn only_the_first_warnings_are_written_out_but_all_are_counted() {
    let mut p = honest();
    let m = &mut p.measures[0];
    for o in &mut m.observations {
        o.source = None;
    }
    m.targets[0].working.clear();
    m.targets[0].source = None;
    let all = warnings(&p);
    assert_eq!(all.len(), 3);
    let (first, count) = first_warnings(&p, 2);
    assert_eq!(count, 3);
    assert_eq!(first, all[..2]);
}

#[test]
fn the_window_counts_the_warnings_on_its_status_bar_and_lists_them_on_a_click() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;
    use outcome_explorer::document::Document;
    use outcome_explorer::ui::OutcomeApp;

    let mut p = honest();
    p.measures[0].targets[0].working.clear();
    p.measures[0].targets[0].source = None;
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut OutcomeApp| app.ui_root(ui),
            OutcomeApp::new(Document::new(p, None)),
        );
    harness.run();
    assert_eq!(harness.state_mut().source_warning_count(), 1);
    harness.get_by_label("1 warning about sources").click();
    harness.run();
    let lines = harness.state().report_lines().expect("the list is shown");
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("measures \"ta\" target 1: the 2025 target of 492 has no source"),
        "{lines:?}"
    );

    // A project with no warnings shows none.
    let mut clean = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut OutcomeApp| app.ui_root(ui),
            OutcomeApp::new(Document::new(honest(), None)),
        );
    clean.run();
    assert!(clean.query_by_label_contains("about sources").is_none());
}

#[test]
fn the_readme_example_names_a_source_for_every_figure() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("```ron\n")
        .expect("README has a ```ron example")
        + 7;
    let len = readme[start..]
        .find("```")
        .expect("the example block is closed");
    let project = file::parse(&readme[start..start + len], "README.md").unwrap();
    assert_eq!(warnings(&project), vec![]);
}

#[test]
fn notes_are_read_whatever_their_case_and_script() {
    let w = warnings_after(|m| m.observations[0].note = "Figure CALCULATED by us.".into());
    assert_eq!(paths(&w), ["measures \"ta\" observation 1"]);
    assert!(w[0].message.contains("\"calculated\""), "{}", w[0].message);
    // Notes in other scripts are read without a false alarm (and without a panic).
    for note in [
        "Ffigur wedi'i gyfrifo gan y cyngor",
        "کونسل کے اعداد و شمار",
        "İSTANBUL ışık 中文",
    ] {
        assert_eq!(
            warnings_after(|m| m.observations[0].note = note.into()),
            vec![]
        );
    }
}
