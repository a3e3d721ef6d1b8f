//! PNG exports: opaque pictures are written as RGB, drawing many charts at once gives the
//! same files as drawing them one by one, and a reused pixmap draws as a fresh one.

mod fixtures;

use outcome_explorer::chart::ChartOptions;
use outcome_explorer::chart::export::{export_all_with, measure_svg};
use outcome_explorer::export::{ImageFormat, png};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Colour type and size from a PNG's header.
fn header(bytes: &[u8]) -> (u8, u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (bytes[25], w, h)
}

const RGB: u8 = 2;
const RGBA: u8 = 6;

#[test]
fn charts_are_written_as_rgb_and_the_same_on_any_number_of_threads() {
    let p = fixtures::load("aberdyffryn-2035.ron");
    let one = tempfile::tempdir().unwrap();
    let many = tempfile::tempdir().unwrap();
    let reports = AtomicUsize::new(0);
    let serial = export_all_with(
        &p,
        one.path(),
        ImageFormat::Png,
        640,
        360,
        Some(1),
        &|_, _| {},
    )
    .unwrap();
    let parallel = export_all_with(
        &p,
        many.path(),
        ImageFormat::Png,
        640,
        360,
        Some(4),
        &|done, total| {
            assert!(done <= total);
            reports.fetch_add(1, Ordering::Relaxed);
        },
    )
    .unwrap();
    assert_eq!(serial.len(), p.measures.len());
    assert_eq!(reports.load(Ordering::Relaxed), p.measures.len());
    for (a, b) in serial.iter().zip(&parallel) {
        assert_eq!(a.file_name(), b.file_name(), "same order");
        let (x, y) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
        assert!(
            x == y,
            "{} differs between one and four threads",
            a.display()
        );
        assert_eq!(header(&x), (RGB, 640, 360), "{}: opaque RGB", a.display());
    }
    // No backup or temporary file is left beside the pictures.
    let names: Vec<String> = std::fs::read_dir(many.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| n.ends_with(".png")), "{names:?}");
}

#[test]
fn a_reused_pixmap_draws_as_a_fresh_one_and_transparency_is_kept() {
    let p = fixtures::load("aberdyffryn-2035.ron");
    let svg = |id: &str| {
        measure_svg(
            &p,
            id,
            &ChartOptions::for_measure(p.measure(id).unwrap()),
            800,
            450,
        )
        .unwrap()
    };
    let (a, b) = (svg("temporary-accommodation"), svg("library-visits"));
    let first = png::rasterise(&a, 800, 450).unwrap();
    let _ = png::rasterise(&b, 800, 450).unwrap();
    assert_eq!(
        png::rasterise(&a, 800, 450).unwrap(),
        first,
        "nothing of b is left"
    );
    // A picture with a transparent background keeps it, as RGBA.
    let clear = r##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect x="2" y="2" width="4" height="4" fill="#123456"/></svg>"##;
    let out = png::rasterise(clear, 10, 10).unwrap();
    assert_eq!(header(&out), (RGBA, 10, 10));
    let pixels = png::render(clear, 10, 10).unwrap();
    assert_eq!(pixels.pixel(0, 0).unwrap().alpha(), 0);
    assert_eq!(pixels.pixel(3, 3).unwrap().alpha(), 255);
}

#[test]
fn the_command_line_draws_n_charts_at_a_time_and_says_so() {
    let file = fixtures::path("aberdyffryn-2035.ron");
    let measures = fixtures::load("aberdyffryn-2035.ron").measures.len();
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
        .args(["export", "charts"])
        .arg(&file)
        .arg("--out-dir")
        .arg(dir.path())
        .args([
            "--format", "png", "--width", "320", "--height", "180", "--jobs", "2",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(&format!("Wrote {measures} charts")) && said.contains("(2 at a time)"),
        "{said}"
    );
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), measures);
    for f in files {
        let bytes = std::fs::read(f.unwrap().path()).unwrap();
        assert_eq!(header(&bytes), (RGB, 320, 180));
    }
}

/// The pixels of a PNG, straight RGB(A), decoded by the `png` crate.
fn pixels(bytes: &[u8]) -> Vec<u8> {
    let mut reader = ::png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    buf
}

/// A chart exported alone is compressed smaller (the sample's temporary accommodation chart
/// within issue 17's 170 KB at 1920×1080) and holds the same pixels as its copy in
/// `export charts`, which is compressed for speed.
#[test]
fn a_chart_exported_alone_is_smaller_with_the_same_pixels() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
    let p = outcome_explorer::file::load(&path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let alone = dir.path().join("alone.png");
    let m = p.measure("ta-households").unwrap();
    outcome_explorer::chart::export::export_measure(
        &p,
        &m.id,
        &ChartOptions::for_measure(m),
        &alone,
        1920,
        1080,
    )
    .unwrap();
    let all = dir.path().join("all");
    export_all_with(&p, &all, ImageFormat::Png, 1920, 1080, Some(2), &|_, _| {}).unwrap();
    let (small, fast) = (
        std::fs::read(&alone).unwrap(),
        std::fs::read(all.join("ta-households.png")).unwrap(),
    );
    assert!(
        pixels(&small) == pixels(&fast),
        "the two files draw different pixels"
    );
    assert!(small.len() <= 170_000, "{} bytes", small.len());
    assert!(
        small.len() * 5 < fast.len() * 4,
        "{} against {}",
        small.len(),
        fast.len()
    );
}
