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

// ---------------------------------------------------------------------------------------
// Every picture of every test project, at three sizes, through the picture checker.

use outcome_explorer::chart::{ChartOptions, export as chart_export};
use outcome_explorer::export::picture_check::{self, Problem};
use outcome_explorer::wheel::{self, ViewState, export::ExportOptions};

const SIZES: [(u32, u32); 3] = [(1920, 1080), (1280, 720), (800, 600)];

/// The Luton sample with the test projects: its pictures must hold up too.
fn projects() -> Vec<(&'static str, Project)> {
    let mut all = fixtures::all();
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
    all.push((
        "luton-2040.ron",
        outcome_explorer::file::load(&sample).unwrap(),
    ));
    all
}

/// Problems found in `svg`, each line naming the picture.
fn problems_of(what: &str, svg: &str) -> Vec<String> {
    match picture_check::check(svg) {
        Ok(found) => found.iter().map(|p| format!("{what}: {p}")).collect(),
        Err(e) => vec![format!("{what}: {e}")],
    }
}

fn report(kind: &str, found: &[String]) {
    assert!(
        found.is_empty(),
        "{} problems in {kind}:\n{}",
        found.len(),
        found
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_chart_passes_the_picture_check() {
    let mut found = Vec::new();
    for (name, p) in projects() {
        for m in &p.measures {
            for (w, h) in SIZES {
                let svg = chart_export::measure_svg(&p, &m.id, &ChartOptions::for_measure(m), w, h)
                    .unwrap();
                found.extend(problems_of(&format!("{name} {} {w}×{h}", m.id), &svg));
            }
        }
    }
    report("charts", &found);
}

#[test]
fn every_dashboard_passes_the_picture_check() {
    let mut found = Vec::new();
    for (name, p) in projects() {
        for (w, h) in SIZES {
            let svg = chart_export::dashboard_svg(&p, w, h);
            found.extend(problems_of(&format!("{name} dashboard {w}×{h}"), &svg));
        }
    }
    report("dashboards", &found);
}

/// A wheel picture: what it is, its size, its SVG and the outcome names it must label.
type WheelPicture = (String, (u32, u32), String, Vec<String>);

/// Every project's whole wheel at every size, with the outcome names it must label.
fn wheels() -> Vec<WheelPicture> {
    let mut out = Vec::new();
    for (name, p) in projects() {
        let outcomes: Vec<String> = p.outcomes.iter().map(|o| o.name.clone()).collect();
        for (w, h) in SIZES {
            let opts = ExportOptions {
                width: w,
                height: h,
                selected: None,
            };
            let svg = wheel::export::svg(&p, &ViewState::default(), &opts);
            out.push((
                format!("{name} wheel {w}×{h}"),
                (w, h),
                svg,
                outcomes.clone(),
            ));
        }
    }
    out
}

#[test]
fn every_wheel_passes_the_picture_check() {
    let mut found = Vec::new();
    for (what, _, svg, _) in wheels() {
        found.extend(problems_of(&what, &svg));
    }
    report("wheels", &found);
}

/// Every outcome is named on the wheel, measured in the fonts the picture embeds (Urdu,
/// Punjabi and Chinese names included). Where the segments are physically too thin for a
/// readable name (forty priorities on a small picture), the picture says how many outcomes
/// it could not name, and that count is exactly right; at 1920×1080 every test project's
/// outcomes are all named.
#[test]
fn every_wheel_names_every_outcome_or_says_how_many_it_cannot() {
    let mut found = Vec::new();
    for (what, size, svg, outcomes) in wheels() {
        let names: Vec<&str> = outcomes.iter().map(String::as_str).collect();
        let picture = picture_check::read(&svg).unwrap();
        let missing = picture_check::unlabelled(&picture, &names);
        if missing.is_empty() {
            continue;
        }
        if size == (1920, 1080) {
            for name in &missing {
                found.push(format!("{what}: outcome {name:?} has no label"));
            }
            continue;
        }
        let said: String = picture
            .texts
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let said = said.split_whitespace().collect::<Vec<_>>().join(" ");
        let total = names.len();
        let expected = if missing.len() == total {
            format!("Too many outcomes ({total}) to name at this size")
        } else {
            format!("{} of {total} outcomes have no room", missing.len())
        };
        if !said.contains(&expected) {
            found.push(format!(
                "{what}: {} outcomes unnamed (e.g. {:?}) and the picture does not say {expected:?}",
                missing.len(),
                missing[0]
            ));
        }
    }
    report("wheel labels", &found);
}

#[test]
fn the_checker_finds_what_is_wrong_in_a_real_export() {
    // A chart title in a character no bundled font has: the checker must say so.
    let mut p = fixtures::load("smallest.ron");
    p.measures[0].chart_title = "Tofu \u{10FFFD} title".into();
    let svg = chart_export::measure_svg(
        &p,
        "one-value",
        &ChartOptions::for_measure(&p.measures[0]),
        800,
        600,
    )
    .unwrap();
    let found = picture_check::check(&svg).unwrap();
    assert!(
        found
            .iter()
            .any(|f| matches!(f, Problem::MissingGlyphs { chars, .. } if chars == &['\u{10FFFD}'])),
        "{found:?}"
    );
}
