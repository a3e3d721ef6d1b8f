//! Pictures of projects unlike Luton's: the test projects hold what they promise
//! (scripts, long names, every kind of period, sizes), and every picture made from
//! them passes the picture checker.

mod fixtures;

use outcome_explorer::model::{Period, Project, ValueStatus};

fn all_text(p: &Project) -> String {
    let mut s = String::new();
    s += &p.programme.organisation;
    for x in &p.priorities {
        s += &x.name;
    }
    for x in &p.needs {
        s += &x.name;
    }
    for x in &p.outcomes {
        s += &x.name;
    }
    for x in &p.voices {
        s += &x.text;
    }
    for x in &p.measures {
        s += &x.name;
        s += &x.chart_title;
    }
    s
}

#[test]
fn test_projects_are_valid_and_say_their_figures_are_made_up() {
    for (name, p) in fixtures::all() {
        assert!(
            p.programme.notes.contains("made up"),
            "{name}: programme notes must say the figures are made up"
        );
        for m in &p.measures {
            for o in &m.observations {
                assert!(
                    o.status == ValueStatus::Illustrative || o.note.contains("Made up"),
                    "{name} {}: {} is neither Illustrative nor noted as made up",
                    m.id,
                    o.period
                );
            }
        }
    }
}

#[test]
fn test_projects_cover_other_scripts_and_long_names() {
    let text: String = fixtures::all().iter().map(|(_, p)| all_text(p)).collect();
    let has = |range: std::ops::RangeInclusive<char>| text.chars().any(|c| range.contains(&c));
    assert!(has('\u{0600}'..='\u{06ff}'), "Arabic script (Urdu)");
    assert!(
        text.contains('\u{06c1}') && text.contains('\u{06d2}'),
        "ہ and ے"
    );
    assert!(has('\u{0a00}'..='\u{0a7f}'), "Gurmukhi (Punjabi)");
    assert!(has('\u{0a80}'..='\u{0aff}'), "Gujarati");
    assert!(has('\u{0980}'..='\u{09ff}'), "Bengali");
    assert!(has('\u{4e00}'..='\u{9fff}'), "Chinese");
    assert!(text.contains('ŵ') || text.contains('ŷ'), "Welsh");
    assert!(text.contains('ł') && text.contains('ś'), "Polish");
    assert!(text.contains('ț'), "Romanian");

    let abe = fixtures::load("aberdyffryn-2035.ron");
    assert!(abe.programme.organisation.chars().count() > 80);
    assert!(abe.outcomes.iter().any(|o| o.name.chars().count() >= 80));
    assert!(
        abe.outcomes.iter().any(|o| o.name.starts_with('ہ')),
        "an outcome name that begins in Urdu"
    );
    let forty = fixtures::load("forty-priorities.ron");
    assert!(
        forty
            .priorities
            .iter()
            .any(|p| p.name.chars().count() >= 80)
    );
}

#[test]
fn test_projects_cover_every_period_and_size() {
    let abe = fixtures::load("aberdyffryn-2035.ron");
    let periods: Vec<&Period> = abe
        .measures
        .iter()
        .flat_map(|m| m.observations.iter().map(|o| &o.period))
        .collect();
    let kind = |f: fn(&Period) -> bool| periods.iter().any(|p| f(p));
    assert!(kind(|p| matches!(p, Period::Date(_))));
    assert!(kind(|p| matches!(p, Period::Month { .. })));
    assert!(kind(|p| matches!(p, Period::Quarter { .. })));
    assert!(kind(|p| matches!(p, Period::Year(_))));
    assert!(kind(|p| matches!(p, Period::FinancialYear(_))));
    assert!(kind(|p| matches!(p, Period::FinancialQuarter { .. })));
    assert!(kind(|p| matches!(p, Period::Years { .. })));
    let monthly = abe.measure("library-visits").unwrap();
    assert_eq!(monthly.observations.len(), 96, "eight years of months");
    assert!(abe.measures.iter().any(|m| m.observations.len() == 1));
    assert!(abe.measures.iter().any(|m| m.observations.is_empty()));
    assert!(abe.action_plans.iter().any(|p| p.actions.is_empty()));
    assert_eq!(abe.priorities.len(), 8);
    assert_eq!(abe.voices.len(), 120);

    let forty = fixtures::load("forty-priorities.ron");
    assert_eq!(forty.priorities.len(), 40);
    assert_eq!(forty.voices.len(), 120);

    let small = fixtures::load("smallest.ron");
    assert_eq!(small.priorities.len(), 1);
    assert_eq!(small.outcomes.len(), 1);
}
