//! Small and large projects for testing and timing the wheel (deterministic).

use crate::model::*;
use chrono::NaiveDate;

/// A project with `np` priorities, `nn` areas of need, `no` outcomes and about
/// `voices_per_outcome` resident-voice statements per outcome (some shared, some
/// outcomes with none), one measure, one action plan and one pledge.
pub fn project(np: usize, nn: usize, no: usize, voices_per_outcome: usize) -> Project {
    let mut p = Project::default();
    p.programme.title = "Luton 2040".into();
    p.programme.organisation = "Luton Borough Council".into();
    p.programme.vision = "A healthy, fair and sustainable town, where everyone can thrive and no-one has to live in poverty".into();
    for i in 0..np {
        p.priorities.push(Priority {
            id: format!("p{i}"),
            name: [
                "Population wellbeing",
                "Child-friendly town",
                "Net Zero",
                "Strong community",
                "Inclusive economy",
            ]
            .get(i)
            .map(|s| s.to_string())
            .unwrap_or_else(|| format!("Priority {i}")),
            colour: crate::palette::CATEGORICAL[i % 8],
            ..Default::default()
        });
    }
    for i in 0..nn {
        p.needs.push(AreaOfNeed {
            id: format!("n{i}"),
            name: [
                "Health",
                "Money",
                "Safety",
                "Fairness",
                "A good place to live",
                "Education and learning",
                "Community and culture",
            ]
            .get(i)
            .map(|s| s.to_string())
            .unwrap_or_else(|| format!("Need {i}")),
            colour: Colour::rgb(0xf2, 0xc9, 0x4c),
            ..Default::default()
        });
    }
    let nv = no * voices_per_outcome;
    for i in 0..nv {
        p.voices.push(Voice {
            id: format!("v{i}"),
            text: format!("We want statement number {i} to be heard"),
        });
    }
    for i in 0..no {
        let mut voices = Vec::new();
        if voices_per_outcome > 0 && i % 7 != 3 {
            for k in 0..voices_per_outcome {
                voices.push(format!("v{}", i * voices_per_outcome + k));
            }
            if i > 0 {
                // Shared with the previous outcome.
                voices.push(format!("v{}", (i - 1) * voices_per_outcome));
            }
        }
        p.outcomes.push(Outcome {
            id: format!("o{i}"),
            name: format!("Outcome {i}: residents live healthier, longer lives"),
            description: format!("Description of outcome {i}."),
            priority: format!("p{}", i % np.max(1)),
            need: format!("n{}", (i / np.max(1)) % nn.max(1)),
            voices,
            measures: if i == 0 { vec!["m0".into()] } else { vec![] },
        });
    }
    p.measures.push(Measure {
        id: "m0".into(),
        name: "Households in temporary accommodation".into(),
        unit: Unit::Households,
        direction: Direction::LowerIsBetter,
        observations: (0..4)
            .map(|k| Observation {
                period: format!("{}", 2021 + k).parse().unwrap(),
                value: 1000.0 + 30.0 * k as f64,
                ..Default::default()
            })
            .collect(),
        targets: vec![Target {
            year: 2040,
            value: 300.0,
            ..Default::default()
        }],
        tolerance_percent: 10.0,
        ..Default::default()
    });
    p.action_plans.push(ActionPlan {
        id: "cpc".into(),
        title: "Corporate Peer Challenge".into(),
        actions: vec![
            Action {
                reference: "R1".into(),
                title: "Set up the housing taskforce".into(),
                owner: "Director of Housing".into(),
                rag: Rag::Amber,
                due: NaiveDate::from_ymd_opt(2025, 3, 31),
                outcomes: vec!["o0".into()],
                ..Default::default()
            },
            Action {
                reference: "R2".into(),
                title: "Publish the pledge dashboard".into(),
                owner: "Head of Policy".into(),
                rag: Rag::Red,
                outcomes: vec!["o0".into(), "o1".into()],
                ..Default::default()
            },
        ],
        ..Default::default()
    });
    p.pledges.push(Pledge {
        id: "pl1".into(),
        partner: "University of Bedfordshire".into(),
        commitment: "Offer 200 placements".into(),
        outcomes: vec!["o0".into()],
        ..Default::default()
    });
    p
}
