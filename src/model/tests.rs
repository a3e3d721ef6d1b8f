//! The provenance fields: what they mean, and that files without them read and write as before.

use super::*;
use crate::file;

#[test]
fn a_working_makes_a_value_worked_out_even_with_a_source() {
    assert_eq!(Basis::of(Some("pp"), ""), Basis::Stated { source: "pp" });
    assert_eq!(
        Basis::of(Some("pp"), "half of 984"),
        Basis::WorkedOut {
            working: "half of 984",
            from: Some("pp")
        }
    );
    assert_eq!(
        Basis::of(None, "half of 984"),
        Basis::WorkedOut {
            working: "half of 984",
            from: None
        }
    );
    assert_eq!(Basis::of(None, ""), Basis::Unsourced);
    // Blank text says nothing.
    assert_eq!(Basis::of(Some(" "), "  "), Basis::Unsourced);
    assert!(Basis::of(None, "x").is_worked_out());
    assert!(!Basis::of(Some("pp"), "").is_worked_out());
}

#[test]
fn targets_and_observations_report_their_basis() {
    let t = Target {
        year: 2025,
        value: 492.0,
        source: Some("pp".into()),
        working: "half of 984".into(),
        ..Default::default()
    };
    assert!(t.basis().is_worked_out());
    let o = Observation {
        value: 1000.0,
        source: Some("pp".into()),
        period_inferred: "year from 'last year'".into(),
        ..Default::default()
    };
    assert_eq!(o.basis(), Basis::Stated { source: "pp" });
    assert!(o.is_period_inferred());
    assert!(!Observation::default().is_period_inferred());
}

#[test]
fn a_worked_out_value_never_names_its_source_as_stating_it() {
    let title = |id: &str| format!("<{id}>");
    assert_eq!(Basis::of(Some("pp"), "").describe(title), "Source: <pp>");
    let worked = Basis::of(Some("pp"), " half of 984 ").describe(title);
    assert_eq!(worked, "Worked out: half of 984 (based on <pp>)");
    assert!(!worked.starts_with("Source"));
    assert_eq!(
        Basis::of(None, "984 + 86").describe(title),
        "Worked out: 984 + 86"
    );
    assert_eq!(
        Basis::of(None, "").describe(title),
        "No source or working given"
    );
}

fn measure_with_everything() -> Project {
    let mut p = Project::default();
    p.sources.push(Source {
        id: "pp".into(),
        title: "Position Paper".into(),
        ..Default::default()
    });
    p.measures.push(Measure {
        id: "m".into(),
        name: "Households in temporary accommodation".into(),
        unit: Unit::Households,
        tolerance_percent: 10.0,
        observations: vec![
            Observation {
                period: "2022".parse().unwrap(),
                value: 1000.0,
                source: Some("pp".into()),
                ..Default::default()
            },
            Observation {
                period: "2023".parse().unwrap(),
                value: 1070.0,
                source: Some("pp".into()),
                working: "984 + 86".into(),
                period_inferred: "from \"last year\"".into(),
                ..Default::default()
            },
        ],
        targets: vec![Target {
            year: 2025,
            value: 492.0,
            working: "half of 984".into(),
            ..Default::default()
        }],
        annotations: vec![Annotation {
            period: "2024-01".parse().unwrap(),
            label: "Closure announced".into(),
            source: Some("pp".into()),
            ..Default::default()
        }],
        disagreements: vec![Disagreement {
            period: "2022".parse().unwrap(),
            about: "which year the 1,000 belongs to".into(),
            claims: vec![
                Claim {
                    source: "pp".into(),
                    says: "1,000 in 2022".into(),
                    value: Some(1000.0),
                    period: Some("2022".parse().unwrap()),
                    trend: None,
                },
                Claim {
                    source: "pp".into(),
                    says: "rising".into(),
                    trend: Some(Trend::Rising),
                    ..Default::default()
                },
            ],
            note: String::new(),
        }],
        ..Default::default()
    });
    p.action_plans.push(ActionPlan {
        id: "plan".into(),
        title: "Deliverables".into(),
        rating_basis: "our reading of the progress text".into(),
        ..Default::default()
    });
    p
}

#[test]
fn the_new_fields_are_written_and_read_back() {
    let p = measure_with_everything();
    let text = file::to_text(&p);
    for expected in [
        "working: \"half of 984\"",
        "period_inferred: r#\"from \"last year\"\"#",
        "disagreements: [",
        "trend: Rising",
        "rating_basis: \"our reading of the progress text\"",
    ] {
        assert!(text.contains(expected), "{expected} missing from\n{text}");
    }
    // A plain observation keeps its one-line spelling.
    assert!(text.contains("(period: \"2022\", value: 1000.0, source: \"pp\"),"));
    let back = file::parse(&text, "t.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, p);
    assert_eq!(file::to_text(&back), text);
}

#[test]
fn files_without_the_new_fields_are_written_as_before() {
    let mut p = measure_with_everything();
    let m = &mut p.measures[0];
    m.observations[1].working.clear();
    m.observations[1].period_inferred.clear();
    m.targets[0].working.clear();
    m.annotations[0].source = None;
    m.disagreements.clear();
    p.action_plans[0].rating_basis.clear();
    let text = file::to_text(&p);
    for absent in [
        "working",
        "period_inferred",
        "disagreements",
        "rating_basis",
    ] {
        assert!(!text.contains(absent), "{absent} written in\n{text}");
    }
    let annotation = text.find("Closure announced").unwrap();
    assert!(!text[annotation..].contains("source"));
}

#[test]
fn a_claim_of_an_unknown_trend_is_an_error_naming_it() {
    let mut text = file::to_text(&measure_with_everything());
    text = text.replace("trend: Rising", "trend: Upwards");
    let e = file::parse(&text, "t.ron").unwrap_err().to_string();
    assert!(e.contains("Upwards"), "{e}");
}

#[test]
fn a_disagreement_lists_every_claim_with_its_source() {
    let d = Disagreement {
        period: "2023".parse().unwrap(),
        about: "rising or falling".into(),
        claims: vec![
            Claim {
                source: "pp".into(),
                says: " 'on the rise' ".into(),
                trend: Some(Trend::Rising),
                ..Default::default()
            },
            Claim {
                source: "pr".into(),
                value: Some(9.9),
                period: Some("2024".parse().unwrap()),
                trend: Some(Trend::Falling),
                ..Default::default()
            },
            Claim {
                source: "x".into(),
                ..Default::default()
            },
        ],
        note: String::new(),
    };
    assert_eq!(
        d.lines(|id| id.to_uppercase()),
        ["PP: 'on the rise'", "PR: falling; 9.9 for 2024", "X: "]
    );
}
