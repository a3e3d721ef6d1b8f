//! Fixtures: a small valid project that uses every kind of item, a large synthetic one
//! (the speed budgets' size), and short ways to write dates, periods and values.

use chrono::NaiveDate;
use outcome_explorer::model::*;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn period(s: &str) -> Period {
    s.parse().unwrap()
}

pub fn obs(p: &str, value: f64) -> Observation {
    Observation {
        period: period(p),
        value,
        ..Default::default()
    }
}

/// A small project that is valid and uses every kind of item.
pub fn sample_project() -> Project {
    Project {
        format_version: FORMAT_VERSION,
        programme: Programme {
            title: "Our Borough 2040".into(),
            organisation: "Borough Council".into(),
            area: String::new(),
            vision: "A place where everyone thrives".into(),
            horizon_year: 2040,
            notes: String::new(),
        },
        sources: vec![Source {
            id: "census-2021".into(),
            title: "Census 2021".into(),
            ..Default::default()
        }],
        priorities: vec![
            Priority {
                id: "homes".into(),
                name: "Homes".into(),
                colour: Colour::rgb(0x1b, 0x6c, 0xa8),
                ..Default::default()
            },
            Priority {
                id: "health".into(),
                name: "Health".into(),
                ..Default::default()
            },
        ],
        needs: vec![AreaOfNeed {
            id: "money".into(),
            name: "Money".into(),
            ..Default::default()
        }],
        outcomes: vec![Outcome {
            id: "afford-home".into(),
            name: "Everyone can afford a decent home".into(),
            priority: "homes".into(),
            need: "money".into(),
            voices: vec!["decent-home".into()],
            measures: vec!["ta-households".into()],
            ..Default::default()
        }],
        voices: vec![Voice {
            id: "decent-home".into(),
            text: "We want to afford a decent home".into(),
        }],
        measures: vec![
            Measure {
                id: "ta-households".into(),
                name: "Households in temporary accommodation".into(),
                unit: Unit::Households,
                direction: Direction::LowerIsBetter,
                headline: Some(1),
                observations: vec![
                    obs("2022/23", 1200.0),
                    obs("2023/24", 1350.0),
                    Observation {
                        source: Some("census-2021".into()),
                        ..obs("2024/25", 1400.0)
                    },
                ],
                baseline: Some(Baseline {
                    period: period("2022/23"),
                    value: 1200.0,
                }),
                targets: vec![
                    Target {
                        year: 2030,
                        value: 800.0,
                        kind: TargetKind::Milestone,
                        ..Default::default()
                    },
                    Target {
                        year: 2040,
                        value: 400.0,
                        source: Some("census-2021".into()),
                        ..Default::default()
                    },
                ],
                tolerance_percent: 10.0,
                comparators: vec![Comparator {
                    name: "England".into(),
                    observations: vec![obs("2022/23", 1000.0), obs("2023/24", 1100.0)],
                }],
                annotations: vec![Annotation {
                    period: period("2023-10"),
                    label: "New allocations policy".into(),
                    note: String::new(),
                    source: None,
                }],
                status_override: Some(StatusOverride {
                    rag: Rag::Amber,
                    reason: "Data for 2024/25 is provisional".into(),
                    date: Some(date(2025, 2, 1)),
                }),
                ..Default::default()
            },
            Measure {
                id: "satisfied".into(),
                name: "Residents satisfied with their area".into(),
                unit: Unit::Percent,
                direction: Direction::HigherIsBetter,
                observations: vec![obs("2023", 71.5), obs("2024", 73.0)],
                tolerance_percent: 10.0,
                ..Default::default()
            },
        ],
        action_plans: vec![ActionPlan {
            id: "cpc-2024".into(),
            title: "Corporate Peer Challenge".into(),
            origin: "LGA Corporate Peer Challenge, March 2024".into(),
            start: Some(date(2024, 4, 1)),
            actions: vec![
                Action {
                    reference: "R1".into(),
                    title: "Publish a housing strategy".into(),
                    key_actions: vec!["Consult residents".into()],
                    due: Some(date(2025, 3, 31)),
                    rag: Rag::Green,
                    progress: vec![ProgressNote {
                        date: date(2024, 9, 1),
                        text: "Consultation launched".into(),
                    }],
                    outcomes: vec!["afford-home".into()],
                    ..Default::default()
                },
                Action {
                    reference: "R2".into(),
                    title: "Review temporary accommodation".into(),
                    ..Default::default()
                },
            ],
            note: String::new(),
            rating_basis: String::new(),
        }],
        pledges: vec![Pledge {
            id: "ha-pledge".into(),
            partner: "Housing Association".into(),
            commitment: "Build 500 homes".into(),
            outcomes: vec!["afford-home".into()],
            by: Some(period("2030")),
            source: Some("census-2021".into()),
        }],
        missions: vec![Mission {
            id: "home-mission".into(),
            name: "A home for everyone".into(),
            outcomes: vec!["afford-home".into()],
            ..Default::default()
        }],
        presentations: Vec::new(),
    }
}

/// The large synthetic project the speed budget is set for: 500 measures with 1,000
/// monthly observations each, and 20,000 actions across 20 plans. Valid.
pub fn large_project() -> Project {
    let mut p = sample_project();
    p.measures = (0..500)
        .map(|i| Measure {
            id: format!("measure-{i}"),
            name: format!("Measure {i}"),
            unit: if i % 2 == 0 {
                Unit::Percent
            } else {
                Unit::People
            },
            observations: (0..1000)
                .map(|k| Observation {
                    period: Period::Month {
                        year: 1940 + k / 12,
                        month: (k % 12) as u32 + 1,
                    },
                    value: (k % 100) as f64,
                    source: (k % 10 == 0).then(|| "census-2021".to_string()),
                    ..Default::default()
                })
                .collect(),
            targets: vec![Target {
                year: 2040,
                value: 50.0,
                ..Default::default()
            }],
            tolerance_percent: 10.0,
            ..Default::default()
        })
        .collect();
    p.outcomes[0].measures = vec!["measure-0".into(), "measure-1".into()];
    p.action_plans = (0..20)
        .map(|i| ActionPlan {
            id: format!("plan-{i}"),
            title: format!("Plan {i}"),
            actions: (0..1000)
                .map(|k| Action {
                    reference: format!("R{k}"),
                    title: format!("Action {k}"),
                    outcomes: vec!["afford-home".into()],
                    progress: vec![ProgressNote {
                        date: date(2024, 1, 1),
                        text: "Started".into(),
                    }],
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    p
}
