//! Unit tests of how a chart says where its figures come from: worked-out values and
//! targets, periods the source does not give, and sources that disagree, on screen (legend,
//! labels, hover, verdict) and in the SVG export.

use super::*;
use crate::model::{
    Claim, Direction, Disagreement, Measure, Observation, Source, Target, TargetKind, Trend,
};

fn source(id: &str, title: &str) -> Source {
    Source {
        id: id.into(),
        title: title.into(),
        publisher: "Borough Council".into(),
        published: "March 2024".into(),
        ..Default::default()
    }
}

fn obs(period: &str, value: f64) -> Observation {
    Observation {
        period: period.parse().unwrap(),
        value,
        source: Some("paper".into()),
        ..Default::default()
    }
}

/// Households in temporary accommodation: a 2022 value worked out from two figures, a 2024
/// value whose year was inferred, a worked-out 2025 target beside a stated 2040 one, and two
/// sources that disagree about 2024.
fn project() -> Project {
    let mut derived = obs("2022", 1070.0);
    derived.working = "984 + 86 placed since".into();
    let mut undated = obs("2024", 1078.0);
    undated.period_inferred = "year inferred from 'last year' in a report of early 2025".into();
    let measure = Measure {
        id: "ta".into(),
        name: "Households in temporary accommodation".into(),
        unit: Unit::Households,
        direction: Direction::LowerIsBetter,
        observations: vec![derived, obs("2023", 984.0), undated],
        targets: vec![
            Target {
                year: 2025,
                value: 492.0,
                source: Some("paper".into()),
                working: "half of 984".into(),
                ..Default::default()
            },
            Target {
                year: 2040,
                value: 100.0,
                kind: TargetKind::Milestone,
                source: Some("paper".into()),
                ..Default::default()
            },
        ],
        disagreements: vec![Disagreement {
            period: "2024".parse().unwrap(),
            about: "whether the number rose".into(),
            claims: vec![
                Claim {
                    source: "paper".into(),
                    says: "rising".into(),
                    trend: Some(Trend::Rising),
                    ..Default::default()
                },
                Claim {
                    source: "review".into(),
                    says: "a continued downward trend".into(),
                    trend: Some(Trend::Falling),
                    ..Default::default()
                },
            ],
            ..Default::default()
        }],
        tolerance_percent: 10.0,
        ..Default::default()
    };
    Project {
        sources: vec![
            source("paper", "Position Paper"),
            source("review", "Progress Review"),
        ],
        measures: vec![measure],
        ..Default::default()
    }
}

fn chart_of(p: &Project) -> Chart {
    build(p, &p.measures[0], &ChartOptions::default())
}

fn with_class(svg: &str, class: &str) -> usize {
    svg.matches(&format!("class=\"{class}\"")).count()
}

#[test]
fn worked_out_figures_are_named_in_the_legend_labels_and_footnote() {
    let c = chart_of(&project());
    let entry = c
        .legend
        .iter()
        .find(|e| e.item == LegendItem::WorkedOut)
        .expect("a legend entry for worked-out figures");
    assert_eq!(
        entry.name,
        "Values and targets worked out (no source states them)"
    );
    let worked: Vec<&TargetMarker> = c.targets.iter().filter(|t| t.worked_out).collect();
    assert_eq!(worked.len(), 1);
    assert!(
        worked[0].label.ends_with("(worked out)"),
        "{}",
        worked[0].label
    );
    let stated = c.targets.iter().find(|t| t.year == 2040).unwrap();
    assert!(!stated.worked_out && !stated.label.contains("worked out"));
    assert!(
        c.footnote.contains(
            "Worked out by the file's author, not stated by a source: the 2025 target \
             (492 households), the 2022 value (1,070 households)"
        ),
        "{}",
        c.footnote
    );
}

#[test]
fn hover_gives_the_working_and_never_names_a_source_as_stating_a_worked_out_figure() {
    let c = chart_of(&project());
    let t = c.targets.iter().find(|t| t.year == 2025).unwrap();
    let words = c.hover_text(t.x, t.y).unwrap();
    assert!(
        words.contains("Worked out: half of 984 (based on Position Paper)"),
        "{words}"
    );
    assert!(!words.contains("Source: Position Paper"), "{words}");
    let stated = c.targets.iter().find(|t| t.year == 2040).unwrap();
    let words = c.hover_text(stated.x, stated.y).unwrap();
    assert!(words.contains("Source: Position Paper"), "{words}");
    let v = &c.series[0].points[0];
    let words = c.hover_text(v.x, v.y).unwrap();
    assert!(
        words.contains("Worked out: 984 + 86 placed since"),
        "{words}"
    );
    assert!(!words.contains("Source:"), "{words}");
}

#[test]
fn an_inferred_period_is_marked_in_the_legend_hover_and_footnote() {
    let c = chart_of(&project());
    assert!(c.legend.iter().any(|e| e.item == LegendItem::PeriodInferred
        && e.mark == LegendMark::Bracket
        && e.name.contains("inferred")));
    let v = c.series[0].points.last().unwrap();
    assert!(v.period_inferred.is_some());
    let words = c.hover_text(v.x, v.y).unwrap();
    assert!(
        words.contains("Period inferred: year inferred from 'last year'"),
        "{words}"
    );
    assert!(
        c.footnote
            .contains("Periods inferred, not given by the source: 2024"),
        "{}",
        c.footnote
    );
}

#[test]
fn a_disagreement_shows_every_claim_with_its_source_and_no_single_verdict() {
    let c = chart_of(&project());
    assert_eq!(c.disagreements.len(), 1);
    let d = &c.disagreements[0];
    // The mark sits on the measure's own value for that year.
    assert_eq!(d.y, Some(1078.0));
    let both = [
        "Position Paper: rising",
        "Progress Review: a continued downward trend",
    ];
    // Hover on the mark, and on the value it sits on, shows both claims.
    let v = c.series[0].points.last().unwrap();
    for words in [
        d.hover(),
        c.hover_text(d.x, f64::NAN).unwrap(),
        c.hover_text(v.x, v.y).unwrap(),
    ] {
        for claim in both {
            assert!(words.contains(claim), "{claim} missing from {words}");
        }
        assert!(words.contains("Sources disagree about whether the number rose"));
    }
    // The footnote keeps both, and the verdict does not pretend there is one truth.
    for claim in both {
        assert!(c.footnote.contains(claim), "{}", c.footnote);
    }
    assert!(
        c.verdict_text
            .contains("sources disagree about whether the number rose"),
        "{}",
        c.verdict_text
    );
    assert!(c.legend.iter().any(|e| e.item == LegendItem::Disagreements));
}

#[test]
fn the_export_draws_each_mark_with_its_class_and_legend_words() {
    let c = chart_of(&project());
    let svg = svg::chart(&c, 1920.0, 1080.0);
    // The worked-out 2022 value and 2025 target, nothing else.
    assert_eq!(with_class(&svg, "worked-out"), 2, "{svg}");
    assert_eq!(with_class(&svg, "period-inferred"), 1);
    assert_eq!(with_class(&svg, "disagreement"), 1);
    for words in ["worked out", "Period inferred", "Sources disagree"] {
        assert!(svg.contains(words), "{words} missing");
    }
}

#[test]
fn figures_a_source_states_get_none_of_these_marks() {
    let mut p = project();
    let m = &mut p.measures[0];
    m.disagreements.clear();
    for o in &mut m.observations {
        o.working.clear();
        o.period_inferred.clear();
    }
    for t in &mut m.targets {
        t.working.clear();
    }
    let c = chart_of(&p);
    assert!(!c.legend.iter().any(|e| matches!(
        e.item,
        LegendItem::WorkedOut | LegendItem::PeriodInferred | LegendItem::Disagreements
    )));
    assert!(!c.footnote.contains("Worked out") && !c.footnote.contains("inferred"));
    assert!(!c.verdict_text.contains("disagree"));
    let svg = svg::chart(&c, 1280.0, 720.0);
    for class in ["worked-out", "period-inferred", "disagreement"] {
        assert_eq!(with_class(&svg, class), 0, "{class}");
    }
}

#[test]
fn caveats_cannot_be_switched_off() {
    let p = project();
    let caveats = [
        LegendItem::WorkedOut,
        LegendItem::PeriodInferred,
        LegendItem::Disagreements,
    ];
    let options = ChartOptions {
        hidden: caveats.to_vec(),
        ..ChartOptions::default()
    };
    let c = build(&p, &p.measures[0], &options);
    for item in caveats {
        assert!(item.is_caveat());
        assert!(
            c.legend.iter().any(|e| e.item == item && e.shown),
            "{item:?}"
        );
    }
    assert!(!LegendItem::Targets.is_caveat());
    let svg = svg::chart(&c, 1280.0, 720.0);
    assert_eq!(with_class(&svg, "worked-out"), 2);
    assert_eq!(with_class(&svg, "period-inferred"), 1);
    assert_eq!(with_class(&svg, "disagreement"), 1);
    assert!(svg.contains("Sources disagree (see note)"));
}
