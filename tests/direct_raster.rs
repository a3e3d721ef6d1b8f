//! The direct raster (plain text drawn straight from the glyphs) against the reference:
//! resvg drawing the same SVG with its own text layout. Pixel by pixel, within the
//! tolerance two anti-aliasing rasterisers differ by at glyph edges.

mod fixtures;

use outcome_explorer::chart::ChartOptions;
use outcome_explorer::chart::export::{dashboard_svg, measure_svg};
use outcome_explorer::export::raster;
use outcome_explorer::model::Project;
use outcome_explorer::wheel::{self, ColourMode, ViewState, export::ExportOptions};
use resvg::tiny_skia::Pixmap;

fn luton() -> Project {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
    outcome_explorer::file::load(&path).unwrap()
}

/// How far the direct raster is from the reference.
#[derive(Debug)]
struct Difference {
    mean: f64,
    max: u8,
    /// Channels more than 32 levels apart, per million.
    far_per_million: f64,
}

fn compare(name: &str, svg: &str, width: u32, height: u32) -> Difference {
    let mut direct = Pixmap::new(width, height).unwrap();
    let mut reference = Pixmap::new(width, height).unwrap();
    // Whatever the pixmap held before is painted over.
    direct.fill(resvg::tiny_skia::Color::from_rgba8(200, 30, 30, 255));
    raster::draw(svg, &mut direct).unwrap();
    raster::draw_reference(svg, &mut reference).unwrap();
    let (mut sum, mut max, mut far) = (0u64, 0u8, 0usize);
    for (a, b) in direct.data().iter().zip(reference.data()) {
        let d = a.abs_diff(*b);
        sum += d as u64;
        max = max.max(d);
        far += usize::from(d > 32);
    }
    let n = direct.data().len() as f64;
    let diff = Difference {
        mean: sum as f64 / n,
        max,
        far_per_million: far as f64 * 1e6 / n,
    };
    assert!(
        diff.mean < 0.5 && diff.max <= 128 && diff.far_per_million < 200.0,
        "{name}: the direct raster is too far from resvg's: {diff:?}"
    );
    diff
}

#[test]
fn charts_and_the_dashboard_match_resvg_pixel_by_pixel() {
    let p = luton();
    let options = ChartOptions::default();
    for (w, h) in [(1920, 1080), (1280, 720)] {
        let svg = measure_svg(&p, "ta-households", &options, w, h).unwrap();
        assert!(
            raster::direct_text_lines(&svg) > 20,
            "the chart's text is drawn directly"
        );
        compare(&format!("TA chart {w}×{h}"), &svg, w, h);
    }
    let svg = dashboard_svg(&p, 1920, 1080);
    assert!(raster::direct_text_lines(&svg) > 20);
    compare("dashboard", &svg, 1920, 1080);
}

#[test]
fn wheels_of_two_projects_match_resvg_pixel_by_pixel() {
    let opts = ExportOptions {
        width: 1920,
        height: 1080,
        selected: None,
    };
    for (name, p) in [
        ("Luton", luton()),
        ("Aberdyffryn", fixtures::load("aberdyffryn-2035.ron")),
    ] {
        for colour in [ColourMode::Priority, ColourMode::Status] {
            let state = ViewState {
                colour,
                ..ViewState::default()
            };
            let svg = wheel::export::svg(&p, &state, &opts);
            assert!(raster::direct_text_lines(&svg) > 30, "{name}");
            compare(&format!("{name} wheel by {colour:?}"), &svg, 1920, 1080);
        }
    }
}

#[test]
fn text_in_other_scripts_is_left_to_resvg() {
    let p = fixtures::load("aberdyffryn-2035.ron");
    let svg = wheel::export::svg(&p, &ViewState::default(), &ExportOptions::default());
    let texts = svg.lines().filter(|l| l.starts_with("<text ")).count();
    let direct = raster::direct_text_lines(&svg);
    // Urdu, Punjabi and Welsh-with-Urdu names need other fonts or right-to-left order.
    assert!(direct < texts, "{direct} of {texts}");
    assert!(direct > 0);
}

#[test]
fn text_svg_would_collapse_or_trim_is_left_to_resvg_and_still_matches() {
    use outcome_explorer::export::svg::{Anchor, Svg, TextStyle};
    use outcome_explorer::model::Colour;
    let mut s = Svg::new(400.0, 200.0, "spaces");
    let style = TextStyle::new(20.0, Colour::rgb(0x1f, 0x23, 0x28));
    s.text(200.0, 40.0, "  Luton   2040 ", style.anchor(Anchor::Middle));
    s.text(10.0, 80.0, "Plain words", style);
    s.text(
        10.0,
        120.0,
        "Fish & chips: 1,070 (2025)",
        style.bold().rotate(-10.0),
    );
    let svg = s.finish();
    assert_eq!(raster::direct_text_lines(&svg), 2, "{svg}");
    compare("spaces", &svg, 800, 400);
}
