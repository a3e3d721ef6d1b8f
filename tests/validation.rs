//! `validate::validate`: one test per kind of problem, each asserting the exact path
//! and message, plus several problems at once and the forms `file::parse` reports.

mod common;

use common::{large_project, obs, period, sample_project};
use outcome_explorer::file;
use outcome_explorer::model::*;
use outcome_explorer::validate::{Issue, validate};

fn issue(path: &str, message: &str) -> Issue {
    Issue {
        path: path.into(),
        message: message.into(),
    }
}

/// Apply `change` to the sample project and return what `validate` finds.
fn issues_after(change: impl FnOnce(&mut Project)) -> Vec<Issue> {
    let mut p = sample_project();
    change(&mut p);
    validate(&p)
}

fn measure<'a>(p: &'a mut Project, id: &str) -> &'a mut Measure {
    p.measures.iter_mut().find(|m| m.id == id).unwrap()
}

#[test]
fn sample_project_is_valid() {
    assert_eq!(validate(&sample_project()), vec![]);
    assert_eq!(validate(&Project::default()), vec![]);
}

// --- programme ---------------------------------------------------------------

#[test]
fn format_version_zero_is_invalid() {
    assert_eq!(
        issues_after(|p| p.format_version = 0),
        vec![issue(
            "format_version",
            "format version 0 is not valid (expected 1 to 1)"
        )]
    );
}

#[test]
fn programme_title_must_not_be_empty() {
    assert_eq!(
        issues_after(|p| p.programme.title = "  ".into()),
        vec![issue(
            "programme",
            "title is empty (give the programme a title)"
        )]
    );
}

#[test]
fn horizon_year_must_be_plausible() {
    assert_eq!(
        issues_after(|p| p.programme.horizon_year = 20400),
        vec![issue(
            "programme",
            "horizon year 20400 is not plausible (expected 1900 to 2200)"
        )]
    );
    assert!(
        issues_after(|p| p.programme.horizon_year = 1899).contains(&issue(
            "programme",
            "horizon year 1899 is not plausible (expected 1900 to 2200)"
        ))
    );
    assert_eq!(issues_after(|p| p.programme.horizon_year = 2200), vec![]);
}

// --- ids -------------------------------------------------------------------------

#[test]
fn empty_id_is_named_by_position() {
    assert_eq!(
        issues_after(|p| p.priorities[1].id = String::new()),
        vec![issue("priorities[2]", "id is empty")]
    );
}

#[test]
fn id_with_other_characters_is_refused() {
    assert_eq!(
        issues_after(|p| {
            p.voices[0].id = "Decent Home".into();
            p.outcomes[0].voices = vec!["Decent Home".into()];
        }),
        vec![issue(
            "voices \"Decent Home\"",
            "id \"Decent Home\" may only contain lowercase letters, digits, '-', '_' and '.'"
        )]
    );
}

#[test]
fn duplicate_ids_are_found_in_every_kind() {
    let mut p = sample_project();
    p.sources.push(p.sources[0].clone());
    p.priorities[1].id = "homes".into();
    p.needs.push(p.needs[0].clone());
    p.outcomes.push(p.outcomes[0].clone());
    p.voices.push(p.voices[0].clone());
    p.measures[1].id = "ta-households".into();
    p.action_plans.push(p.action_plans[0].clone());
    p.pledges.push(p.pledges[0].clone());
    p.missions.push(p.missions[0].clone());
    assert_eq!(
        validate(&p),
        vec![
            issue(
                "sources[2]",
                "duplicate id \"census-2021\" (also sources[1])"
            ),
            issue(
                "priorities[2]",
                "duplicate id \"homes\" (also priorities[1])"
            ),
            issue("needs[2]", "duplicate id \"money\" (also needs[1])"),
            issue(
                "outcomes[2]",
                "duplicate id \"afford-home\" (also outcomes[1])"
            ),
            issue("voices[2]", "duplicate id \"decent-home\" (also voices[1])"),
            issue(
                "measures[2]",
                "duplicate id \"ta-households\" (also measures[1])"
            ),
            issue(
                "action_plans[2]",
                "duplicate id \"cpc-2024\" (also action_plans[1])"
            ),
            issue("pledges[2]", "duplicate id \"ha-pledge\" (also pledges[1])"),
            issue(
                "missions[2]",
                "duplicate id \"home-mission\" (also missions[1])"
            ),
        ]
    );
}

// --- references ----------------------------------------------------------------

#[test]
fn outcome_priority_and_need_must_exist() {
    assert_eq!(
        issues_after(|p| {
            p.outcomes[0].priority = "housing".into();
            p.outcomes[0].need = String::new();
        }),
        vec![
            issue(
                "outcomes \"afford-home\"",
                "priority \"housing\" does not exist"
            ),
            issue(
                "outcomes \"afford-home\"",
                "need is empty (expected the id of a need)"
            ),
        ]
    );
}

#[test]
fn outcome_voices_and_measures_must_exist() {
    assert_eq!(
        issues_after(|p| {
            p.outcomes[0].voices.push("quiet-streets".into());
            p.outcomes[0].measures.insert(0, "rough-sleepers".into());
        }),
        vec![
            issue(
                "outcomes \"afford-home\"",
                "voice \"quiet-streets\" does not exist"
            ),
            issue(
                "outcomes \"afford-home\"",
                "measure \"rough-sleepers\" does not exist"
            ),
        ]
    );
}

#[test]
fn reference_lists_do_not_repeat() {
    assert_eq!(
        issues_after(|p| p.missions[0].outcomes.push("afford-home".into())),
        vec![issue(
            "missions \"home-mission\"",
            "outcome \"afford-home\" is listed more than once"
        )]
    );
    // Long lists are checked by hashing: the same message.
    let issues = issues_after(|p| {
        p.outcomes[0].measures = (0..20).map(|_| "satisfied".to_string()).collect();
    });
    assert_eq!(issues.len(), 19);
    assert_eq!(
        issues[0],
        issue(
            "outcomes \"afford-home\"",
            "measure \"satisfied\" is listed more than once"
        )
    );
}

#[test]
fn observation_sources_must_exist() {
    assert_eq!(
        issues_after(|p| {
            let m = measure(p, "ta-households");
            m.observations[2].source = Some("census-2011".into());
            m.comparators[0].observations[1].source = Some("ons".into());
        }),
        vec![
            issue(
                "measures \"ta-households\" observation 3",
                "source \"census-2011\" does not exist"
            ),
            issue(
                "measures \"ta-households\" comparator 1 observation 2",
                "source \"ons\" does not exist"
            ),
        ]
    );
}

#[test]
fn target_source_must_exist() {
    assert_eq!(
        issues_after(|p| measure(p, "ta-households").targets[1].source = Some("plan".into())),
        vec![issue(
            "measures \"ta-households\" target 2",
            "source \"plan\" does not exist"
        )]
    );
}

#[test]
fn pledge_outcomes_and_source_must_exist() {
    assert_eq!(
        issues_after(|p| {
            p.pledges[0].outcomes.push("warm-homes".into());
            p.pledges[0].source = Some("mou".into());
        }),
        vec![
            issue(
                "pledges \"ha-pledge\"",
                "outcome \"warm-homes\" does not exist"
            ),
            issue("pledges \"ha-pledge\"", "source \"mou\" does not exist"),
        ]
    );
}

#[test]
fn mission_outcomes_must_exist() {
    assert_eq!(
        issues_after(|p| p.missions[0].outcomes = vec!["warm-homes".into()]),
        vec![issue(
            "missions \"home-mission\"",
            "outcome \"warm-homes\" does not exist"
        )]
    );
}

#[test]
fn action_outcomes_must_exist() {
    assert_eq!(
        issues_after(|p| p.action_plans[0].actions[1].outcomes = vec!["warm-homes".into()]),
        vec![issue(
            "action_plans \"cpc-2024\" action \"R2\"",
            "outcome \"warm-homes\" does not exist"
        )]
    );
}

// --- actions ---------------------------------------------------------------------

#[test]
fn action_reference_must_not_be_empty() {
    assert_eq!(
        issues_after(|p| p.action_plans[0].actions[1].reference = String::new()),
        vec![issue(
            "action_plans \"cpc-2024\" action 2",
            "reference is empty (e.g. \"R1\" or \"2.3\")"
        )]
    );
}

#[test]
fn action_references_are_unique_within_a_plan() {
    assert_eq!(
        issues_after(|p| p.action_plans[0].actions[1].reference = "R1".into()),
        vec![issue(
            "action_plans \"cpc-2024\" action 2",
            "duplicate reference \"R1\" (also action 1)"
        )]
    );
    // The same reference in another plan is fine.
    assert_eq!(
        issues_after(|p| {
            let mut other = p.action_plans[0].clone();
            other.id = "other".into();
            p.action_plans.push(other);
        }),
        vec![]
    );
}

#[test]
fn progress_note_text_must_not_be_empty() {
    assert_eq!(
        issues_after(|p| p.action_plans[0].actions[0].progress[0].text = "\n".into()),
        vec![issue(
            "action_plans \"cpc-2024\" action \"R1\" progress 1",
            "progress note text is empty"
        )]
    );
}

// --- values ----------------------------------------------------------------------

#[test]
fn values_must_be_finite() {
    assert_eq!(
        issues_after(|p| {
            let m = measure(p, "ta-households");
            m.observations[0].value = f64::NAN;
            m.targets[0].value = f64::INFINITY;
            m.baseline.as_mut().unwrap().value = f64::NEG_INFINITY;
        }),
        vec![
            issue(
                "measures \"ta-households\" observation 1",
                "NaN is not a finite number"
            ),
            issue(
                "measures \"ta-households\" baseline",
                "-inf is not a finite number"
            ),
            issue(
                "measures \"ta-households\" target 1",
                "inf is not a finite number"
            ),
        ]
    );
}

#[test]
fn percentages_must_be_between_0_and_100() {
    assert_eq!(
        issues_after(|p| {
            let m = measure(p, "satisfied");
            m.observations[1].value = 140.0;
            m.comparators.push(Comparator {
                name: "England".into(),
                observations: vec![obs("2023", -0.5)],
            });
            m.baseline = Some(Baseline {
                period: period("2023"),
                value: 100.5,
            });
            m.targets.push(Target {
                year: 2030,
                value: 101.0,
                ..Default::default()
            });
        }),
        vec![
            issue(
                "measures \"satisfied\" observation 2",
                "140 is not a percentage (expected 0 to 100)"
            ),
            issue(
                "measures \"satisfied\" comparator 1 observation 1",
                "-0.5 is not a percentage (expected 0 to 100)"
            ),
            issue(
                "measures \"satisfied\" baseline",
                "100.5 is not a percentage (expected 0 to 100)"
            ),
            issue(
                "measures \"satisfied\" target 1",
                "101 is not a percentage (expected 0 to 100)"
            ),
        ]
    );
}

#[test]
fn counts_must_not_be_negative() {
    assert_eq!(
        issues_after(|p| measure(p, "ta-households").observations[1].value = -3.0),
        vec![issue(
            "measures \"ta-households\" observation 2",
            "-3 is negative (expected a count: 0 or more households)"
        )]
    );
    assert_eq!(
        issues_after(|p| {
            let m = measure(p, "ta-households");
            m.unit = Unit::Count;
            m.targets[0].value = -1.0;
        }),
        vec![issue(
            "measures \"ta-households\" target 1",
            "-1 is negative (expected a count: 0 or more)"
        )]
    );
    // Money and other units may be negative.
    assert_eq!(
        issues_after(|p| {
            let m = measure(p, "ta-households");
            m.unit = Unit::PoundsMillion;
            m.observations[0].value = -12.5;
        }),
        vec![]
    );
}

#[test]
fn tolerance_must_be_a_percentage() {
    assert_eq!(
        issues_after(|p| measure(p, "satisfied").tolerance_percent = 140.0),
        vec![issue(
            "measures \"satisfied\"",
            "tolerance_percent 140 is not a percentage (expected 0 to 100)"
        )]
    );
}

// --- targets and series --------------------------------------------------------------

#[test]
fn target_year_must_not_be_before_the_first_observation() {
    assert_eq!(
        issues_after(|p| measure(p, "ta-households").targets[0].year = 2019),
        vec![issue(
            "measures \"ta-households\" target 1",
            "target year 2019 is before the first observation (2022/23)"
        )]
    );
    // The first observation is the earliest, wherever it is in the list.
    assert_eq!(
        issues_after(|p| {
            let m = measure(p, "ta-households");
            m.observations.reverse();
            m.targets[0].year = 2021;
        }),
        vec![issue(
            "measures \"ta-households\" target 1",
            "target year 2021 is before the first observation (2022/23)"
        )]
    );
}

#[test]
fn target_year_must_be_within_50_years_of_the_horizon() {
    assert_eq!(
        issues_after(|p| measure(p, "ta-households").targets[1].year = 2091),
        vec![issue(
            "measures \"ta-households\" target 2",
            "target year 2091 is more than 50 years after the horizon year 2040 \
             (expected 2090 or earlier)"
        )]
    );
    assert_eq!(
        issues_after(|p| measure(p, "ta-households").targets[1].year = 2090),
        vec![]
    );
}

#[test]
fn target_years_are_unique() {
    assert_eq!(
        issues_after(|p| measure(p, "ta-households").targets[1].year = 2030),
        vec![issue(
            "measures \"ta-households\" target 2",
            "duplicate target year 2030 (also target 1)"
        )]
    );
}

#[test]
fn observation_periods_are_unique_within_a_series() {
    assert_eq!(
        issues_after(|p| {
            let m = measure(p, "ta-households");
            m.observations.push(obs("2023/24", 1.0));
            m.comparators[0].observations.insert(0, obs("2023/24", 1.0));
        }),
        vec![
            issue(
                "measures \"ta-households\" observation 4",
                "duplicate period 2023/24 (also observation 2)"
            ),
            issue(
                "measures \"ta-households\" comparator 1 observation 3",
                "duplicate period 2023/24 (also observation 1)"
            ),
        ]
    );
    // The same period in the measure and its comparator is expected.
    assert_eq!(validate(&sample_project()), vec![]);
}

#[test]
fn status_override_needs_a_reason() {
    assert_eq!(
        issues_after(|p| measure(p, "ta-households")
            .status_override
            .as_mut()
            .unwrap()
            .reason = String::new()),
        vec![issue(
            "measures \"ta-households\" status_override",
            "reason is empty (say why the status was set by hand)"
        )]
    );
}

// --- all together ----------------------------------------------------------------

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let issues = issues_after(|p| {
        p.format_version = 0;
        p.programme.title.clear();
        p.priorities[0].id = String::new();
        p.outcomes[0].priority = "homes".into(); // now dangling
        let m = measure(p, "satisfied");
        m.observations[0].value = 140.0;
        m.observations[1].value = f64::NAN;
        p.action_plans[0].actions[1].reference = "R1".into();
        p.missions[0].outcomes.push("nowhere".into());
    });
    assert_eq!(
        issues,
        vec![
            issue(
                "format_version",
                "format version 0 is not valid (expected 1 to 1)"
            ),
            issue("programme", "title is empty (give the programme a title)"),
            issue("priorities[1]", "id is empty"),
            issue(
                "outcomes \"afford-home\"",
                "priority \"homes\" does not exist"
            ),
            issue(
                "measures \"satisfied\" observation 1",
                "140 is not a percentage (expected 0 to 100)"
            ),
            issue(
                "measures \"satisfied\" observation 2",
                "NaN is not a finite number"
            ),
            issue(
                "action_plans \"cpc-2024\" action 2",
                "duplicate reference \"R1\" (also action 1)"
            ),
            issue(
                "missions \"home-mission\"",
                "outcome \"nowhere\" does not exist"
            ),
        ]
    );
}

// --- through the file format -------------------------------------------------------------

#[test]
fn parse_reports_issues_as_file_path_message() {
    let mut p = sample_project();
    measure(&mut p, "satisfied").observations[1].value = 140.0;
    p.missions[0].outcomes = vec!["warm-homes".into()];
    let err = file::parse(&file::to_text(&p), "borough.ron").unwrap_err();
    assert_eq!(
        err.to_string(),
        "borough.ron: measures \"satisfied\" observation 2: 140 is not a percentage (expected 0 to 100)\n\
         borough.ron: missions \"home-mission\": outcome \"warm-homes\" does not exist"
    );
}

#[test]
fn bad_date_in_file_names_line_and_column() {
    let text = r#"(
  format_version: 1,
  programme: (title: "T", vision: "V", horizon_year: 2040),
  measures: [
    (
      id: "m",
      name: "M",
      unit: Count,
      direction: HigherIsBetter,
      observations: [
        (period: "2024-12-01", value: 1.0),
        (period: "2024-13-01", value: 2.0),
      ],
    ),
  ],
)
"#;
    let err = file::parse(text, "p.ron").unwrap_err();
    assert_eq!(err.problems.len(), 1);
    let msg = err.to_string();
    // Line 12, column 19: the first character inside the quotes.
    assert!(msg.starts_with("p.ron:12:19: "), "{msg}");
    assert!(msg.contains("\"2024-13-01\" is not a date"), "{msg}");
}

// --- provenance: disagreements and annotations ----------------------------------------

#[test]
fn claims_and_annotations_must_cite_existing_sources() {
    assert_eq!(
        issues_after(|p| {
            let m = measure(p, "satisfied");
            m.annotations.push(Annotation {
                period: period("2024"),
                label: "Survey changed".into(),
                source: Some("nowhere".into()),
                ..Default::default()
            });
            m.disagreements.push(Disagreement {
                period: period("2023"),
                about: "the 2023 figure".into(),
                claims: vec![
                    Claim {
                        source: "census-2021".into(),
                        says: "71.5%".into(),
                        value: Some(71.5),
                        ..Default::default()
                    },
                    Claim {
                        source: "nowhere".into(),
                        says: "rising".into(),
                        trend: Some(Trend::Rising),
                        ..Default::default()
                    },
                    Claim {
                        says: "140%".into(),
                        value: Some(140.0),
                        ..Default::default()
                    },
                ],
                note: String::new(),
            });
        }),
        vec![
            issue(
                "measures \"satisfied\" annotation 1",
                "source \"nowhere\" does not exist"
            ),
            issue(
                "measures \"satisfied\" disagreement 1 claim 2",
                "source \"nowhere\" does not exist"
            ),
            issue(
                "measures \"satisfied\" disagreement 1 claim 3",
                "source is empty (expected the id of a source)"
            ),
            issue(
                "measures \"satisfied\" disagreement 1 claim 3",
                "140 is not a percentage (expected 0 to 100)"
            ),
        ]
    );
}

#[test]
fn a_dangling_claim_source_stops_the_file_from_opening_with_its_path() {
    let mut p = sample_project();
    measure(&mut p, "satisfied")
        .disagreements
        .push(Disagreement {
            period: period("2023"),
            about: "the 2023 figure".into(),
            claims: vec![Claim {
                source: "gone".into(),
                says: "71%".into(),
                ..Default::default()
            }],
            note: String::new(),
        });
    let err = file::parse(&file::to_text(&p), "p.ron")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(
            "measures \"satisfied\" disagreement 1 claim 1: source \"gone\" does not exist"
        ),
        "{err}"
    );
}

// --- speed -------------------------------------------------------------------------

#[test]
fn large_project_is_valid() {
    // Its speed is measured in the benchmarks (`load/large`), not asserted here.
    let p = large_project();
    assert_eq!(p.observation_count(), 500_000);
    assert_eq!(p.action_count(), 20_000);
    assert_eq!(validate(&p), vec![]);
}

#[test]
fn large_project_with_unsorted_series_is_still_checked() {
    let mut p = large_project();
    for m in &mut p.measures {
        m.observations.reverse();
    }
    p.measures[7].observations[500].period = p.measures[7].observations[10].period;
    let issues = validate(&p);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].path, "measures \"measure-7\" observation 501");
    assert!(issues[0].message.starts_with("duplicate period "));
}
