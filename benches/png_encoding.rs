//! How PNG encoder settings trade time for size on the app's own pictures: the sample's
//! temporary-accommodation chart and its wheel at 1920×1080, drawn once, then encoded with
//! each colour type, compressor and filter the `png` crate offers (median of several runs).
//! `tiny-skia` is the encoder the exports used before (RGBA, zlib level 6, adaptive filter).
//!
//!     cargo bench --bench png_encoding [-- --write DIR]
//!
//! `--write DIR` also saves each picture as `tiny-skia` wrote it, for an optimising encoder
//! (e.g. `optipng -o2`) to give the size to compare with.

use ::png::{ColorType, DeflateCompression, Filter};
use outcome_explorer::chart::ChartOptions;
use outcome_explorer::export::batch;
use outcome_explorer::export::png::{encode as export_encode, rasterise, render};
use resvg::tiny_skia::Pixmap;
use std::time::Instant;

fn encode(rgb: bool, pixmap: &Pixmap, deflate: DeflateCompression, filter: Filter) -> Vec<u8> {
    let data = pixmap.data();
    let pixels: Vec<u8> = if rgb {
        data.chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect()
    } else {
        data.to_vec()
    };
    let mut out = Vec::new();
    let mut e = ::png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    e.set_color(if rgb { ColorType::Rgb } else { ColorType::Rgba });
    e.set_depth(::png::BitDepth::Eight);
    e.set_deflate_compression(deflate);
    e.set_filter(filter);
    let mut w = e.write_header().unwrap();
    w.write_image_data(&pixels).unwrap();
    w.finish().unwrap();
    out
}

/// Median milliseconds of `f` and the size of what it returns.
fn time(runs: usize, f: impl Fn() -> Vec<u8>) -> (f64, usize) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[runs / 2], f().len())
}

fn main() {
    // Under `cargo test --benches` (no `--bench`): one run of the app's own encoder only.
    let benching = std::env::args().any(|a| a == "--bench");
    let runs = if benching { 9 } else { 1 };
    let write_dir = std::env::args()
        .skip_while(|a| a != "--write")
        .nth(1)
        .map(std::path::PathBuf::from);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = outcome_explorer::file::load(&root.join("sample-data/luton-2040.ron"))
        .expect("the sample loads");
    let m = project.measure("ta-households").expect("the TA measure");
    let chart = outcome_explorer::chart::export::measure_svg(
        &project,
        &m.id,
        &ChartOptions::for_measure(m),
        1920,
        1080,
    )
    .unwrap();
    let wheel = outcome_explorer::wheel::export::svg(
        &project,
        &Default::default(),
        &outcome_explorer::wheel::export::ExportOptions::default(),
    );
    pipeline(&project, &[("ta-chart", &chart), ("wheel", &wheel)], runs);
    let filters = [
        ("none", Filter::NoFilter),
        ("sub", Filter::Sub),
        ("up", Filter::Up),
        ("paeth", Filter::Paeth),
        ("adaptive", Filter::Adaptive),
    ];
    let deflates = [
        ("fdeflate", DeflateCompression::FdeflateUltraFast),
        ("zlib-1", DeflateCompression::Level(1)),
        ("zlib-2", DeflateCompression::Level(2)),
        ("zlib-3", DeflateCompression::Level(3)),
        ("zlib-6", DeflateCompression::Level(6)),
    ];
    for (name, svg) in [("ta-chart", &chart), ("wheel", &wheel)] {
        let pixmap = render(svg, 1920, 1080).unwrap();
        println!("\n{name} 1920×1080            ms      bytes");
        let (ms, size) = time(runs, || pixmap.encode_png().unwrap());
        println!("  tiny-skia (before)     {ms:7.1}  {size:9}");
        if let Some(dir) = &write_dir {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(
                dir.join(format!("{name}.png")),
                pixmap.encode_png().unwrap(),
            )
            .unwrap();
        }
        let (ms, size) = time(runs, || export_encode(&pixmap).unwrap());
        println!("  export::png::encode    {ms:7.1}  {size:9}");
        if !benching {
            continue;
        }
        for rgb in [false, true] {
            for (d, deflate) in deflates {
                for (f, filter) in filters {
                    let (ms, size) = time(runs, || encode(rgb, &pixmap, deflate, filter));
                    let colour = if rgb { "rgb " } else { "rgba" };
                    println!("  {colour} {d:9} {f:8} {ms:7.1}  {size:9}");
                }
            }
        }
    }
}

/// SVG text to PNG bytes at 1920×1080, as before (a fresh pixmap and tiny-skia's encoder for
/// each picture, one picture at a time) and now (`export::png::rasterise`, every chart of
/// the sample on every core).
fn pipeline(project: &outcome_explorer::model::Project, one: &[(&str, &String)], runs: usize) {
    let before = |svg: &str| render(svg, 1920, 1080).unwrap().encode_png().unwrap();
    let now = |svg: &str| rasterise(svg, 1920, 1080).unwrap();
    println!("SVG → PNG, 1920×1080                 before ms     now ms");
    for (name, svg) in one {
        let (b, _) = time(runs, || before(svg));
        let (n, _) = time(runs, || now(svg));
        println!("  {name:34} {b:9.1}  {n:9.1}");
    }
    let svgs: Vec<String> = project
        .measures_in_dashboard_order()
        .into_iter()
        .map(|i| {
            let m = &project.measures[i];
            let options = ChartOptions::for_measure(m);
            outcome_explorer::chart::export::measure_svg(project, &m.id, &options, 1920, 1080)
                .unwrap()
        })
        .collect();
    let threads = batch::threads(None, svgs.len());
    let (b, _) = time(runs.min(5), || {
        svgs.iter().for_each(|s| drop(before(s)));
        Vec::new()
    });
    let (n, _) = time(runs.min(5), || {
        batch::run(&svgs, threads, &|_, _| {}, |s| rasterise(s, 1920, 1080)).unwrap();
        Vec::new()
    });
    let label = format!("all {} charts ({threads} threads now)", svgs.len());
    println!("  {label:34} {b:9.1}  {n:9.1}");
}
