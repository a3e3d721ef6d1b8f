//! Charts exported for slides: SVG that parses with its text, PNG at the requested size,
//! one file per measure.

use outcome_explorer::chart::{self, ChartOptions};
use outcome_explorer::model::*;
use resvg::usvg;
use std::process::Command;

fn obs(p: &str, v: f64, status: ValueStatus) -> Observation {
    Observation {
        period: p.parse().unwrap(),
        value: v,
        status,
        source: Some("dwp".into()),
        ..Default::default()
    }
}

fn project() -> Project {
    let mut p = Project::default();
    p.programme.title = "Luton 2040".into();
    p.sources.push(Source {
        id: "dwp".into(),
        title: "DWP Children in low income families".into(),
        ..Default::default()
    });
    p.measures.push(Measure {
        id: "child-poverty".into(),
        name: "Children in relative poverty".into(),
        unit: Unit::Percent,
        direction: Direction::LowerIsBetter,
        headline: Some(1),
        observations: vec![
            obs("2019/20", 33.0, ValueStatus::Measured),
            obs("2020/21", 31.5, ValueStatus::Measured),
            obs("2021/22", 32.1, ValueStatus::Measured),
            obs("2022/23", 30.9, ValueStatus::Estimated),
        ],
        targets: vec![
            Target {
                year: 2030,
                value: 25.0,
                kind: TargetKind::Milestone,
                ..Default::default()
            },
            Target {
                year: 2040,
                value: 15.0,
                ..Default::default()
            },
        ],
        tolerance_percent: 10.0,
        comparators: vec![Comparator {
            name: "England".into(),
            observations: vec![obs("2019/20", 20.0, ValueStatus::Measured)],
        }],
        annotations: vec![Annotation {
            period: "2020/21".parse().unwrap(),
            label: "Pandemic".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    p.measures.push(Measure {
        id: "ta".into(),
        name: "Households in temporary accommodation".into(),
        unit: Unit::Households,
        direction: Direction::LowerIsBetter,
        observations: vec![obs("2024-Q1", 1000.0, ValueStatus::Measured)],
        tolerance_percent: 10.0,
        ..Default::default()
    });
    p
}

fn parse(svg: &str) -> usvg::Tree {
    usvg::Tree::from_str(svg, &usvg::Options::default()).expect("SVG parses")
}

#[test]
fn chart_svg_parses_and_holds_title_and_sources() {
    let p = project();
    let c = chart::build(&p, &p.measures[0], &ChartOptions::default());
    let svg = chart::svg::chart(&c, 1920.0, 1080.0);
    parse(&svg);
    assert!(svg.contains(">Children in relative poverty</text>"));
    assert!(svg.contains("Source: DWP Children in low income families"));
    assert!(svg.contains(">2020/21</text>"));
    assert!(svg.contains(">Estimated</text>"));
    // Smallest text is legible when projected: at least 22 px at 1080p.
    for size in svg.split("font-size=\"").skip(1) {
        let v: f64 = size.split('"').next().unwrap().parse().unwrap();
        assert!(v >= 22.0, "font-size {v}");
    }
}

#[test]
fn slides_use_the_badge_words_of_the_screen() {
    let mut p = project();
    // Values but no target: the screen's badge says "○ No target".
    let c = chart::build(&p, &p.measures[1], &ChartOptions::default());
    let svg = chart::svg::chart(&c, 1920.0, 1080.0);
    assert!(svg.contains(">○ No target</text>"), "said once: {svg}");
    assert!(!svg.contains("No data"));
    // A rating says the badge's words ("On track" rather than "Green"), and a
    // status set by hand says so.
    p.measures[0].status_override = Some(StatusOverride {
        rag: Rag::Green,
        reason: "Agreed at board".into(),
        date: None,
    });
    let c = chart::build(&p, &p.measures[0], &ChartOptions::default());
    let badge = c.assessment.badge();
    assert_eq!(badge, "✔ On track (set by hand)");
    let svg = chart::svg::chart(&c, 1920.0, 1080.0);
    assert!(
        svg.contains(&format!(">{badge} · {}", c.verdict_text)),
        "{svg}"
    );
}

#[test]
fn a_comparator_with_one_value_gets_a_point() {
    let p = project();
    let c = chart::build(&p, &p.measures[0], &ChartOptions::default());
    let england = c.series.iter().find(|s| s.name == "England").unwrap();
    assert_eq!(england.points.len(), 1);
    assert!(c.legend.iter().any(|l| l.name == "England"));
    let svg = chart::svg::chart(&c, 1920.0, 1080.0);
    parse(&svg);
    let colour = format!("fill=\"{}\"", england.colour);
    let marks = svg
        .lines()
        .filter(|l| l.starts_with("<circle") && l.contains(&colour))
        .count();
    assert_eq!(marks, 2, "one on the plot, one on its legend line: {svg}");
}

/// The text of each `<text>` element, in order.
fn texts(svg: &str) -> Vec<String> {
    svg.lines()
        .filter(|l| l.starts_with("<text"))
        .map(|l| {
            let start = l.find('>').unwrap() + 1;
            let end = l.rfind("</text>").unwrap();
            l[start..end].to_string()
        })
        .collect()
}

#[test]
fn every_source_is_named_in_full_at_1024_by_768() {
    let mut p = project();
    let titles = [
        "Office for Health Improvement and Disparities Public Health Outcomes Framework",
        "Department for Levelling Up Housing and Communities Statutory Homelessness Statistics",
        "Office for National Statistics Annual Population Survey via Nomis",
        "Luton Borough Council Housing Register and Temporary Accommodation Records",
        "HM Revenue and Customs Children in Low Income Families Local Measure",
    ];
    for (i, t) in titles.iter().enumerate() {
        p.sources.push(Source {
            id: format!("s{i}"),
            title: t.to_string(),
            ..Default::default()
        });
    }
    let m = &mut p.measures[0];
    for (i, o) in m.observations.iter_mut().enumerate() {
        o.source = Some(format!("s{i}"));
    }
    m.comparators[0].observations[0].source = Some("s4".into());
    let c = chart::build(&p, &p.measures[0], &ChartOptions::default());
    let svg = chart::svg::chart(&c, 1024.0, 768.0);
    parse(&svg);
    let texts = texts(&svg);
    let first = texts
        .iter()
        .position(|t| t.starts_with("Sources:"))
        .unwrap();
    let foot = texts[first..].join(" ");
    assert!(
        texts.len() - first > 2,
        "the footnote needs more than two lines"
    );
    for t in titles {
        assert!(foot.contains(t), "{t:?} missing from {foot:?}");
    }
    assert!(!foot.contains('…'), "{foot:?}");
    // The last line of the footnote is inside the picture.
    let last = svg.lines().rfind(|l| l.starts_with("<text")).unwrap();
    let y: f64 = last
        .split("y=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(y < 768.0, "{last}");
}

#[test]
fn png_has_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    let p = project();
    let out = dir.path().join("c.png");
    chart::export::export_measure(
        &p,
        "child-poverty",
        &ChartOptions::default(),
        &out,
        1280,
        720,
    )
    .unwrap();
    let png = std::fs::read(&out).unwrap();
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((w, h), (1280, 720));
}

#[test]
fn dashboard_svg_parses() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("d.svg");
    chart::export::export_dashboard(&project(), &out, 1920, 1080).unwrap();
    let svg = std::fs::read_to_string(&out).unwrap();
    parse(&svg);
    // The words of the picture in order, lines joined (a card's name may wrap).
    let words: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .flat_map(|(inside, _)| inside.split_whitespace())
        .collect();
    let words = words.join(" ");
    assert!(
        words.contains("Households in temporary accommodation"),
        "{words}"
    );
}

#[test]
fn cli_exports_one_chart_and_all_charts() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.ron");
    outcome_explorer::file::save(&project(), &file).unwrap();
    let exe = env!("CARGO_BIN_EXE_outcome-explorer");
    let out = dir.path().join("one.svg");
    let st = Command::new(exe)
        .args(["export", "chart", "ta"])
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(st.success());
    parse(&std::fs::read_to_string(&out).unwrap());
    let all = dir.path().join("all");
    let st = Command::new(exe)
        .args(["export", "charts"])
        .arg(&file)
        .arg("--out-dir")
        .arg(&all)
        .args(["--format", "png", "--width", "640", "--height", "360"])
        .status()
        .unwrap();
    assert!(st.success());
    let mut names: Vec<String> = std::fs::read_dir(&all)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["child-poverty.png", "ta.png"]);
    let bad = Command::new(exe)
        .args(["export", "chart", "nope"])
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(!bad.success());
}

#[test]
fn the_dashboard_picture_shows_each_card_in_full() {
    let mut p = project();
    p.sources[0].publisher = "Department for Work and Pensions".into();
    p.sources[0].published = "March 2024".into();
    let svg = chart::export::dashboard_svg(&p, 1920, 1080);
    parse(&svg);
    let texts = texts(&svg).join(" ");
    for want in [
        "Children in relative poverty",
        "30.9% · 2022/23",
        "−1.2 points since 2021/22",
        "2040 target: 15%",
        "Source: Department for Work and Pensions, March 2024",
        "Households in temporary accommodation",
        "1,000 households · Q1 2024",
        "One value so far",
        "○ No target",
    ] {
        assert!(texts.contains(want), "{want:?} missing from {texts:?}");
    }
    assert!(!texts.contains('…'), "nothing cut: {texts:?}");
}
