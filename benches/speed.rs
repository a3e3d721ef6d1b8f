//! The speed suite: `cargo bench` runs every benchmark, prints a table of medians
//! against the budgets and writes `target/bench-report.json` (id → median in ms;
//! `memory/large-mb` is in MB). See docs/performance.md.
//!
//! - `load/<scale>`: `file::parse` (RON + validate) of a synthetic project's text, at the
//!   sample, sample-x10, county (300 measures of monthly values, 3,000 actions) and large scales.
//! - `save/<scale>`: `file::save` (canonical text, atomic write with fsync and .bak).
//! - `frame/<view>/<scale>`: one whole app frame, headless at 1920×1080: egui layout
//!   (`OutcomeApp::ui_root`) plus tessellation. Views: `wheel`, `trends` (dashboard),
//!   `chart` (the headline measure's large chart), `actions` (the largest plan scrolled
//!   to its middle action; `actions-10k`, one plan of 10,000 sorted actions);
//!   `wheel-hover` moves the pointer between two points on the
//!   wheel every frame; `editor` is the Programme view with the headline measure's editor
//!   open, `editor-open` opens another outcome's editor each frame, `editor-apply` applies
//!   an edit to the name of the outcome whose editor is open and draws the frame after it,
//!   `editor-rename` the same with a new id (every reference following); `present-wheel`,
//!   `present-chart` and `present-picture` are presentation mode on the Luton sample's deck
//!   (a live wheel, a live chart, a slide shown as its picture; sample scale only).
//! - `export/…`: the wheel and chart exporters (SVG building, and PNG with resvg) as the
//!   window and the command line call them; `all-charts-*` writes every measure's chart to
//!   a folder, as `export charts` does (PNG at sample scale, SVG at large); `deck-pptx` and
//!   `deck-pdf` write the Luton sample's away-day deck (sample) and a 100-slide deck of the
//!   large project (`deck-pptx-100`, `deck-pdf-100`).
//! - `startup/sample`: the release binary's own "first frame painted" figure in a real
//!   window under Xvfb (median of several runs; left out when Xvfb is missing).
//! - `memory/large-mb`: resident set (VmRSS) of a fresh process that loaded the large
//!   project into an `OutcomeApp` and drew a frame of each view.
//!
//! Under `cargo test --benches` (no `--bench` flag) criterion runs each benchmark once
//! as a smoke test; the large scale, start-up, memory and the report are skipped then.

use criterion::{Criterion, SamplingMode, black_box};
use outcome_explorer::document::Document;
use outcome_explorer::export::svg::{Stroke, Svg, TextStyle};
use outcome_explorer::export::{ImageFormat, png};
use outcome_explorer::file;
use outcome_explorer::model::Project;
use outcome_explorer::synthetic::{self, Scale};
use outcome_explorer::ui::OutcomeApp;
use outcome_explorer::ui::nav::View;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

const WIDTH: f32 = 1920.0;
const HEIGHT: f32 = 1080.0;
const SEED: u64 = 1;
/// Frames drawn before measuring (the first frames build the font atlas and caches).
const WARM_UP_FRAMES: usize = 5;
/// Start-up runs whose median is reported (after one unmeasured run).
const STARTUP_RUNS: usize = 5;

// ---------------------------------------------------------------------------------
// The exporters, as the window and the command line call them.

/// The wheel exporter's SVG of `project` at 1920×1080.
fn wheel_svg(project: &Project) -> Option<String> {
    let opts = outcome_explorer::wheel::export::ExportOptions {
        width: 1920,
        height: 1080,
        selected: None,
    };
    Some(outcome_explorer::wheel::export::svg(
        project,
        &Default::default(),
        &opts,
    ))
}

/// The chart exporter's SVG of measure `measure_id` at 1920×1080.
fn chart_svg(project: &Project, measure_id: &str) -> Option<String> {
    let m = project.measure(measure_id)?;
    let c = outcome_explorer::chart::build(project, m, &Default::default());
    Some(outcome_explorer::chart::svg::chart(&c, 1920.0, 1080.0))
}

// ---------------------------------------------------------------------------------
// Budgets

/// The budget for `id`, and its unit, when there is one.
fn budget(id: &str) -> Option<f64> {
    let scale = id.rsplit('/').next().unwrap_or("");
    if id.starts_with("frame/") {
        return match scale {
            "sample" => Some(1.0),
            "large" => Some(8.0),
            _ => None,
        };
    }
    if id.starts_with("load/") {
        return match scale {
            "sample" => Some(10.0),
            "county" => Some(50.0),
            "large" => Some(400.0),
            _ => None,
        };
    }
    if id.starts_with("save/") {
        return match scale {
            "sample" => Some(10.0),
            "large" => Some(250.0),
            _ => None,
        };
    }
    match id {
        "export/deck-pdf/sample" | "export/deck-pptx/sample" => Some(1000.0),
        "export/deck-pdf-100/large" | "export/deck-pptx-100/large" => Some(15000.0),
        "startup/sample" => Some(500.0),
        "memory/large-mb" => Some(200.0),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------
// Headless frames

/// An app and its egui context, drawn without a window.
struct Headless {
    ctx: egui::Context,
    app: OutcomeApp,
    frame: u64,
    /// Window size; changing it makes the wheel lay itself out again.
    size: egui::Vec2,
}

impl Headless {
    fn new(project: Project, name: &str) -> Self {
        let doc = Document::new(project, Some(PathBuf::from(name)));
        Headless {
            ctx: egui::Context::default(),
            app: OutcomeApp::new(doc),
            frame: 0,
            size: egui::vec2(WIDTH, HEIGHT),
        }
    }

    fn input(&mut self, events: Vec<egui::Event>) -> egui::RawInput {
        self.frame += 1;
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, self.size)),
            time: Some(self.frame as f64 / 60.0),
            predicted_dt: 1.0 / 60.0,
            focused: true,
            events,
            ..Default::default()
        }
    }

    /// One whole frame: layout and paint commands, then tessellation into meshes.
    /// Returns the number of primitives (so the work cannot be optimised away).
    fn frame(&mut self, events: Vec<egui::Event>) -> usize {
        let input = self.input(events);
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.ui_root(ui));
        // A renderer would upload the font atlas here; headless there is nothing to do.
        output.textures_delta.clear();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives.len()
    }

    fn warm_up(&mut self) {
        for _ in 0..WARM_UP_FRAMES {
            self.frame(Vec::new());
        }
    }

    fn show(&mut self, view: View) {
        self.app.view = view;
        self.warm_up();
    }
}

/// Two points on the wheel: it is drawn in the central panel, so around its middle.
fn hover_points() -> [egui::Pos2; 2] {
    let centre = egui::pos2(WIDTH / 2.0, HEIGHT / 2.0 + 20.0);
    let r = HEIGHT * 0.22;
    [
        centre + egui::vec2(-r * 0.7, -r * 0.7),
        centre + egui::vec2(r * 0.8, r * 0.5),
    ]
}

fn frame_benches(c: &mut Criterion, project: &Project, scale: Scale, ids: &mut Vec<Id>) {
    let large = scale == Scale::Large;
    let mut group = c.benchmark_group("frame");
    if large {
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .measurement_time(Duration::from_secs(3));
    }
    let s = scale.name();
    let mut h = Headless::new(project.clone(), &format!("synthetic-{s}.ron"));

    h.show(View::Wheel);
    let f = format!("wheel/{s}");
    group.bench_function(&f, |b| b.iter(|| h.frame(Vec::new())));
    ids.push(Id::criterion("frame", f));

    let points = hover_points();
    let f = format!("wheel-hover/{s}");
    let mut k = 0;
    group.bench_function(&f, |b| {
        b.iter(|| {
            k += 1;
            let at = points[k % 2];
            h.frame(vec![egui::Event::PointerMoved(at)])
        })
    });
    ids.push(Id::criterion("frame", f));
    h.frame(vec![egui::Event::PointerGone]);

    // The frame that lays the wheel out again (after a resize, a new colour mode or
    // grouping, the end of a zoom): the window's size alternates by 40 px each way, so the
    // wheel's radius changes and every frame lays out its geometry and fits its labels
    // again (what the project alone decides, `wheel::Plan`, is kept, as in the app).
    let f = format!("wheel-relayout/{s}");
    let mut k = 0;
    group.bench_function(&f, |b| {
        b.iter(|| {
            k += 1;
            let d = if k % 2 == 0 { 0.0 } else { 40.0 };
            h.size = egui::vec2(WIDTH - d, HEIGHT - d);
            h.frame(Vec::new())
        })
    });
    ids.push(Id::criterion("frame", f));
    h.size = egui::vec2(WIDTH, HEIGHT);

    h.show(View::Trends);
    let f = format!("trends/{s}");
    group.bench_function(&f, |b| b.iter(|| h.frame(Vec::new())));
    ids.push(Id::criterion("frame", f));

    if let Some(m) = synthetic::headline_measure(project) {
        h.app.trends.open_measure(&m);
        h.show(View::Trends);
        let f = format!("chart/{s}");
        group.bench_function(&f, |b| b.iter(|| h.frame(Vec::new())));
        ids.push(Id::criterion("frame", f));
    }

    if let Some((plan, reference)) = synthetic::middle_action(project) {
        h.app.actions.focus_action(&plan, &reference);
        h.show(View::Actions);
        let f = format!("actions/{s}");
        group.bench_function(&f, |b| b.iter(|| h.frame(Vec::new())));
        ids.push(Id::criterion("frame", f));
    }

    // One plan of 10,000 actions (the large project's first 10,000, in one table), scrolled
    // to its middle row, sorted by due date: the table the action-plan request asks about.
    if large {
        let mut p = project.clone();
        let mut all: Vec<_> = p
            .action_plans
            .iter()
            .flat_map(|plan| plan.actions.iter().cloned())
            .take(10_000)
            .collect();
        for (i, a) in all.iter_mut().enumerate() {
            a.reference = format!("A{}", i + 1);
        }
        p.action_plans.truncate(1);
        p.action_plans[0].actions = all;
        let plan = p.action_plans[0].id.clone();
        let mut h = Headless::new(p, "synthetic-10k.ron");
        h.app.actions.sort = Some(outcome_explorer::plan_table::Sort {
            column: outcome_explorer::plan_table::Column::Due,
            descending: false,
        });
        h.app.actions.focus_action(&plan, "A5000");
        h.show(View::Actions);
        let f = format!("actions-10k/{s}");
        group.bench_function(&f, |b| b.iter(|| h.frame(Vec::new())));
        ids.push(Id::criterion("frame", f));
    }
    editor_frames(&mut group, project, s, ids);
    if !large {
        present_frames(&mut group, ids);
    }
    group.finish();
}

/// Presentation mode on the Luton sample's deck at 1920×1080: a live wheel slide, a live
/// chart slide and a slide shown as its picture (drawn on another thread at the start).
fn present_frames(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    ids: &mut Vec<Id>,
) {
    let Ok(p) = file::load(&manifest_dir().join("sample-data/luton-2040.ron")) else {
        return;
    };
    let Some(deck) = p.presentations.first() else {
        return;
    };
    let find = |want: fn(&outcome_explorer::model::SlideView) -> bool| {
        deck.slides.iter().position(|s| want(&s.view))
    };
    use outcome_explorer::model::SlideView;
    let slides = [
        (
            "present-wheel",
            find(|v| matches!(v, SlideView::Wheel { .. })),
        ),
        (
            "present-chart",
            find(|v| matches!(v, SlideView::Chart { .. })),
        ),
        (
            "present-picture",
            find(|v| matches!(v, SlideView::Dashboard { .. })),
        ),
    ];
    for (name, slide) in slides {
        let Some(slide) = slide else { continue };
        let mut h = Headless::new(p.clone(), "luton-2040-present.ron");
        h.warm_up();
        h.app.deck.selected = Some(slide);
        let ctx = h.ctx.clone();
        h.app.present(&ctx);
        // Let the pictures arrive from their thread before measuring.
        for _ in 0..100 {
            h.frame(Vec::new());
            std::thread::sleep(Duration::from_millis(10));
        }
        let f = format!("{name}/sample");
        group.bench_function(&f, |b| b.iter(|| h.frame(Vec::new())));
        ids.push(Id::criterion("frame", f));
    }
}

/// The Programme view's editor: a frame with the headline measure's editor open (its fields,
/// values and targets), a frame that opens the editor of another outcome each time, and a
/// frame after an edit applied as the editor applies it (an outcome renamed, with every
/// reference following), when every cache of the view is made again.
fn editor_frames(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    project: &Project,
    s: &str,
    ids: &mut Vec<Id>,
) {
    use outcome_explorer::edit;
    use outcome_explorer::history::{List, Place};
    let mut h = Headless::new(project.clone(), &format!("synthetic-{s}-editor.ron"));
    if let Some(m) = synthetic::headline_measure(project) {
        h.app.programme.edit(&h.app.doc, List::Measures, &m);
    }
    h.show(View::Programme);
    let f = format!("editor/{s}");
    group.bench_function(&f, |b| b.iter(|| h.frame(Vec::new())));
    ids.push(Id::criterion("frame", f));

    let n = project.outcomes.len().max(1);
    let mut k = 0;
    let f = format!("editor-open/{s}");
    group.bench_function(&f, |b| {
        b.iter(|| {
            k += 1;
            let place = Place::new(List::Outcomes, k % n);
            h.app.programme.edit_at(&h.app.doc, place);
            h.frame(Vec::new())
        })
    });
    ids.push(Id::criterion("frame", f));

    // An edit as the editor applies it, then the frame that shows it: the outcome's name
    // changed (the usual edit), or its id (every reference following).
    for (what, rename) in [("editor-apply", false), ("editor-rename", true)] {
        let f = format!("{what}/{s}");
        let mut k = 0;
        group.bench_function(&f, |b| {
            b.iter_custom(|iters| {
                let mut measured = Duration::ZERO;
                for _ in 0..iters {
                    // Not measured: the frame that opens the editor (see editor-open).
                    k += 1;
                    let place = Place::new(List::Outcomes, k % n);
                    h.app.programme.edit_at(&h.app.doc, place);
                    h.frame(Vec::new());
                    let started = Instant::now();
                    let doc = &mut h.app.doc;
                    let mut o = doc.project().outcomes[place.index].clone();
                    if rename {
                        o.id = format!("renamed-{k}");
                    } else {
                        o.name.push('.');
                    }
                    let index = h.app.programme.index(doc);
                    let edit = edit::change(doc.project(), &index, place, o);
                    doc.apply("Edit outcome", edit).expect("a valid edit");
                    black_box(h.frame(Vec::new()));
                    measured += started.elapsed();
                }
                measured
            })
        });
        ids.push(Id::criterion("frame", f));
    }
}

// ---------------------------------------------------------------------------------
// Files

fn file_benches(c: &mut Criterion, project: &Project, text: &str, scale: Scale, ids: &mut Vec<Id>) {
    let s = scale.name();
    let slow = scale == Scale::Large;
    {
        let mut group = c.benchmark_group("load");
        if slow {
            group
                .sample_size(10)
                .sampling_mode(SamplingMode::Flat)
                .measurement_time(Duration::from_secs(5));
        }
        group.bench_function(s, |b| {
            b.iter_with_large_drop(|| {
                file::parse(black_box(text), "bench.ron").expect("synthetic project loads")
            })
        });
        ids.push(Id::criterion("load", s.to_string()));
    }
    {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("bench.ron");
        let mut group = c.benchmark_group("save");
        if slow {
            group
                .sample_size(10)
                .sampling_mode(SamplingMode::Flat)
                .measurement_time(Duration::from_secs(5));
        }
        group.bench_function(s, |b| {
            b.iter(|| file::save(black_box(project), &path).expect("save"))
        });
        ids.push(Id::criterion("save", s.to_string()));
    }
}

// ---------------------------------------------------------------------------------
// Exports

/// A chart-like SVG of the headline measure (axes, gridlines, the series, labels),
/// standing in for the chart exporter's output until it is wired in.
fn stand_in_chart_svg(project: &Project) -> String {
    let (w, h) = (WIDTH as f64, HEIGHT as f64);
    let mut svg = Svg::new(w, h, "Stand-in chart");
    let ink = outcome_explorer::palette::INK;
    let grid = Stroke::solid(outcome_explorer::palette::GRID, 1.0);
    svg.text(
        80.0,
        70.0,
        &project.programme.title,
        TextStyle::new(36.0, ink).bold(),
    );
    let Some(m) = synthetic::headline_measure(project).and_then(|id| project.measure(&id).cloned())
    else {
        return svg.finish();
    };
    svg.text(80.0, 115.0, &m.name, TextStyle::new(26.0, ink));
    let (x0, x1, y0, y1) = (120.0, w - 80.0, h - 120.0, 160.0);
    let (lo, hi) = m
        .observations
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), o| {
            (lo.min(o.value), hi.max(o.value))
        });
    let span = (hi - lo).max(1e-9);
    for k in 0..=5 {
        let y = y0 + (y1 - y0) * k as f64 / 5.0;
        svg.line(x0, y, x1, y, &grid);
        let v = lo + span * k as f64 / 5.0;
        svg.text(
            x0 - 10.0,
            y + 6.0,
            &format!("{v:.0}"),
            TextStyle::new(16.0, ink),
        );
    }
    let n = m.observations.len().max(2) - 1;
    let points: Vec<(f64, f64)> = m
        .observations
        .iter()
        .enumerate()
        .map(|(i, o)| {
            (
                x0 + (x1 - x0) * i as f64 / n as f64,
                y0 + (y1 - y0) * (o.value - lo) / span,
            )
        })
        .collect();
    let line = Stroke::solid(outcome_explorer::palette::CATEGORICAL[0], 3.0);
    svg.polyline(&points, &line);
    for (i, (x, y)) in points.iter().enumerate() {
        svg.circle(
            *x,
            *y,
            5.0,
            Some(outcome_explorer::palette::CATEGORICAL[0]),
            None,
        );
        svg.text(
            *x,
            y0 + 30.0,
            &m.observations[i].period.label(),
            TextStyle::new(14.0, ink),
        );
    }
    svg.finish()
}

fn export_benches(c: &mut Criterion, project: &Project, scale: Scale, ids: &mut Vec<Id>) {
    let s = scale.name();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    if scale == Scale::Large {
        group.sampling_mode(SamplingMode::Flat);
    }
    let (w, h) = (WIDTH as u32, HEIGHT as u32);
    if scale == Scale::Sample {
        let svg = stand_in_chart_svg(project);
        let f = format!("svg-png/{s}");
        group.bench_function(&f, |b| {
            b.iter(|| png::rasterise(black_box(&svg), w, h).unwrap())
        });
        ids.push(Id::criterion("export", f));
    }

    if wheel_svg(project).is_some() {
        let f = format!("wheel-svg/{s}");
        group.bench_function(&f, |b| b.iter(|| wheel_svg(black_box(project))));
        ids.push(Id::criterion("export", f));
        let f = format!("wheel-png/{s}");
        group.bench_function(&f, |b| {
            b.iter(|| png::rasterise(&wheel_svg(black_box(project)).unwrap(), w, h).unwrap())
        });
        ids.push(Id::criterion("export", f));
    }

    if let Some(m) = synthetic::headline_measure(project)
        && chart_svg(project, &m).is_some()
    {
        let f = format!("chart-svg/{s}");
        group.bench_function(&f, |b| b.iter(|| chart_svg(black_box(project), &m)));
        ids.push(Id::criterion("export", f));
        let f = format!("chart-png/{s}");
        group.bench_function(&f, |b| {
            // Compressed as `export chart` does.
            b.iter(|| {
                let svg = chart_svg(black_box(project), &m).unwrap();
                png::rasterise_with(&svg, w, h, png::Compression::Smaller).unwrap()
            })
        });
        ids.push(Id::criterion("export", f));
    }

    // Every measure's chart into a folder, as `export charts` does: PNG for the sample
    // (20 charts), SVG for the large project (500 PNGs would take half a minute a sample).
    let format = match scale {
        Scale::Large => Some(ImageFormat::Svg),
        Scale::Sample => Some(ImageFormat::Png),
        _ => None,
    };
    if let Some(format) = format {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let f = format!("all-charts-{}/{s}", format.extension());
        group.bench_function(&f, |b| {
            b.iter(|| {
                outcome_explorer::chart::export::export_all(
                    black_box(project),
                    dir.path(),
                    format,
                    w,
                    h,
                )
                .unwrap()
            })
        });
        ids.push(Id::criterion("export", f));
    }
    group.finish();
}

/// The away-day deck as PowerPoint and PDF: the Luton sample's own storyboard at the sample
/// scale, a deck of 100 slides (the starter deck and 90-odd charts) of the large project.
fn deck_benches(c: &mut Criterion, project: &Project, scale: Scale, ids: &mut Vec<Id>) {
    use outcome_explorer::deck::{export, starter};
    let s = scale.name();
    let (sample, deck, suffix) = match scale {
        Scale::Sample => {
            let path = manifest_dir().join("sample-data/luton-2040.ron");
            let Ok(p) = file::load(&path) else { return };
            let Some(deck) = p.presentations.first().cloned() else {
                return;
            };
            (Some(p), deck, "")
        }
        Scale::Large => (None, starter::with_slides(project, "deck", 100), "-100"),
        Scale::SampleX10 | Scale::County => return,
    };
    let project = sample.as_ref().unwrap_or(project);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    if scale == Scale::Large {
        group.sampling_mode(SamplingMode::Flat);
    }
    for (format, name) in [
        (export::DeckFormat::Pptx, "deck-pptx"),
        (export::DeckFormat::Pdf, "deck-pdf"),
    ] {
        let f = format!("{name}{suffix}/{s}");
        group.bench_function(&f, |b| {
            b.iter(|| export::to_bytes(black_box(project), &deck, format, &|_| {}).unwrap())
        });
        ids.push(Id::criterion("export", f));
    }
    group.finish();
}

// ---------------------------------------------------------------------------------
// Start-up in a real window

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("target"))
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|d| d.join(program).is_file()))
        .unwrap_or(false)
}

/// Wait for `child` up to `limit`; kill it if it is still running then.
fn wait_with_limit(child: &mut std::process::Child, limit: Duration) -> bool {
    let until = Instant::now() + limit;
    while Instant::now() < until {
        if let Ok(Some(_)) = child.try_wait() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    false
}

/// The median "first frame painted" figure of the release binary under Xvfb, in ms.
fn startup_ms(scratch: &Path) -> Option<f64> {
    if !on_path("Xvfb") {
        println!("note: startup/sample left out: Xvfb is not installed (apt-get install xvfb)");
        return None;
    }
    let binary = option_env!("CARGO_BIN_EXE_outcome-explorer")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("release").join("outcome-explorer"));
    if !binary.is_file() {
        println!(
            "note: startup/sample left out: {} is missing",
            binary.display()
        );
        return None;
    }
    let file = std::env::var_os("OE_BENCH_STARTUP_FILE")
        .map(PathBuf::from)
        .or_else(|| {
            let p = manifest_dir().join("sample-data").join("luton-2040.ron");
            p.is_file().then_some(p)
        })
        .unwrap_or_else(|| {
            let p = scratch.join("synthetic-sample.ron");
            file::save(&synthetic::generate_scale(Scale::Sample, SEED), &p).expect("write sample");
            println!(
                "note: startup/sample uses a synthetic sample (sample-data/luton-2040.ron is missing)"
            );
            p
        });

    let display = (90..200)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .unwrap_or(99);
    let mut xvfb = Command::new("Xvfb")
        .arg(format!(":{display}"))
        .args(["-screen", "0", "1920x1080x24", "-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{display}"));
    let until = Instant::now() + Duration::from_secs(10);
    while !socket.exists() && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(50));
    }
    let home = scratch.join("home");
    let runtime = scratch.join("xdg-runtime");
    let _ = std::fs::create_dir_all(&home);
    let _ = std::fs::create_dir_all(&runtime);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700));
    }

    let mut figures = Vec::new();
    for run in 0..=STARTUP_RUNS {
        let out = scratch.join(format!("startup-{run}.txt"));
        let Ok(stdout) = std::fs::File::create(&out) else {
            break;
        };
        let child = Command::new(&binary)
            .arg(&file)
            .args(["--log-startup", "--exit-after-first-frame"])
            .env("DISPLAY", format!(":{display}"))
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .stdout(stdout)
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = child else { break };
        if !wait_with_limit(&mut child, Duration::from_secs(30)) {
            println!("note: the app did not exit within 30 s under Xvfb");
            break;
        }
        let text = std::fs::read_to_string(&out).unwrap_or_default();
        let figure = text.lines().find_map(|l| {
            l.strip_prefix("startup: first frame painted after ")?
                .strip_suffix(" ms")?
                .parse::<f64>()
                .ok()
        });
        match figure {
            // The first run fills the disk cache; it is not counted.
            Some(ms) if run > 0 => figures.push(ms),
            Some(_) => {}
            None => {
                println!("note: startup run {run} printed no start-up figure");
                break;
            }
        }
    }
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    if figures.is_empty() {
        return None;
    }
    println!("startup/sample runs (ms): {figures:?}");
    Some(median(&mut figures))
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

// ---------------------------------------------------------------------------------
// Memory, measured in a fresh process

const MEMORY_CHILD_ENV: &str = "OE_BENCH_MEMORY_CHILD";

fn status_kb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| {
        l.strip_prefix(field)?
            .trim()
            .strip_suffix("kB")?
            .trim()
            .parse()
            .ok()
    })
}

/// In the child process: open the file into an app, draw each view, print VmRSS.
fn memory_child(path: &Path) {
    let project = file::load(path).expect("large project loads");
    let measure = synthetic::headline_measure(&project);
    let action = synthetic::middle_action(&project);
    let mut h = Headless::new(project, "large.ron");
    h.show(View::Wheel);
    h.show(View::Trends);
    if let Some(m) = measure {
        h.app.trends.open_measure(&m);
        h.show(View::Trends);
    }
    if let Some((plan, reference)) = action {
        h.app.actions.focus_action(&plan, &reference);
        h.show(View::Actions);
    }
    println!(
        "memory: rss_kb={} hwm_kb={}",
        status_kb("VmRSS:").unwrap_or(f64::NAN),
        status_kb("VmHWM:").unwrap_or(f64::NAN)
    );
}

/// VmRSS (and the peak, VmHWM) in MB of a fresh process that opened `path` and drew each view.
fn memory_mb(path: &Path) -> Option<(f64, f64)> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new(exe)
        .env(MEMORY_CHILD_ENV, path)
        .stderr(Stdio::inherit())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("memory: "))?;
    let field = |name: &str| -> Option<f64> {
        line.split_whitespace()
            .find_map(|w| w.strip_prefix(name))?
            .parse::<f64>()
            .ok()
    };
    Some((field("rss_kb=")? / 1024.0, field("hwm_kb=")? / 1024.0))
}

// ---------------------------------------------------------------------------------
// The report

/// A benchmark criterion ran: where its estimates are.
struct Id {
    group: String,
    function: String,
}

impl Id {
    fn criterion(group: &str, function: String) -> Self {
        Id {
            group: group.into(),
            function,
        }
    }

    fn name(&self) -> String {
        format!("{}/{}", self.group, self.function)
    }

    /// Criterion's folder for it (its `make_filename_safe` rule).
    fn estimates(&self, criterion_dir: &Path) -> PathBuf {
        let safe = |s: &str| {
            s.replace(
                &['?', '"', '/', '\\', '*', '<', '>', ':', '|', '^'][..],
                "_",
            )
        };
        criterion_dir
            .join(safe(&self.group))
            .join(safe(&self.function))
            .join("new")
            .join("estimates.json")
    }
}

/// The median in ms from an estimates file written since `since`.
fn criterion_median_ms(path: &Path, since: SystemTime) -> Option<f64> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    if modified < since {
        return None;
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    Some(json["median"]["point_estimate"].as_f64()? / 1e6)
}

fn print_and_write(report: &BTreeMap<String, f64>, path: &Path) {
    println!();
    println!("{:<28} {:>12} {:>12}  ok", "benchmark", "median", "budget");
    println!("{}", "-".repeat(58));
    for (id, v) in report {
        let unit = if id.ends_with("-mb") { "MB" } else { "ms" };
        let (b, ok) = match budget(id) {
            Some(b) => (format!("{b} {unit}"), if *v <= b { "✓" } else { "✗" }),
            None => ("—".into(), ""),
        };
        let figure = if *v < 10.0 {
            format!("{v:.3} {unit}")
        } else {
            format!("{v:.1} {unit}")
        };
        println!("{id:<28} {figure:>12} {b:>12}  {ok}");
    }
    println!("(medians; memory/large-mb is the resident set in MB, not a time)");
    match serde_json::to_string_pretty(report) {
        Ok(json) => match std::fs::write(path, json + "\n") {
            Ok(()) => println!("wrote {}", path.display()),
            Err(e) => println!("could not write {}: {e}", path.display()),
        },
        Err(e) => println!("could not write the report: {e}"),
    }
}

/// The filter given on the command line (`cargo bench -- load/`), if any.
fn filter() -> Option<String> {
    const TAKES_VALUE: &[&str] = &[
        "--save-baseline",
        "--baseline",
        "--baseline-lenient",
        "--load-baseline",
        "--sample-size",
        "--warm-up-time",
        "--measurement-time",
        "--nresamples",
        "--noise-threshold",
        "--confidence-level",
        "--significance-level",
        "--profile-time",
        "--output-format",
        "--color",
        "--plotting-backend",
        "--format",
        "--logfile",
    ];
    let args: Vec<String> = std::env::args().skip(1).collect();
    args.iter()
        .enumerate()
        .find(|(i, a)| {
            !a.starts_with('-') && (*i == 0 || !TAKES_VALUE.contains(&args[i - 1].as_str()))
        })
        .map(|(_, a)| a.clone())
}

/// Whether a benchmark id is wanted (a plain substring match on the filter; criterion
/// itself applies the filter as a regular expression to the benchmarks it runs).
fn wanted(filter: &Option<String>, id: &str) -> bool {
    filter.as_ref().is_none_or(|f| id.contains(f.as_str()))
}

/// Whether anything of `scale` is wanted, so that its project need not be built.
fn scale_wanted(filter: &Option<String>, scale: Scale) -> bool {
    let s = scale.name();
    let mut ids = vec![format!("load/{s}"), format!("save/{s}")];
    for v in [
        "wheel",
        "wheel-hover",
        "trends",
        "chart",
        "actions",
        "actions-10k",
        "editor",
        "editor-open",
        "editor-apply",
        "editor-rename",
        "present-wheel",
        "present-chart",
        "present-picture",
    ] {
        ids.push(format!("frame/{v}/{s}"));
    }
    for e in [
        "svg-png",
        "wheel-svg",
        "wheel-png",
        "chart-svg",
        "chart-png",
        "all-charts-png",
        "all-charts-svg",
    ] {
        ids.push(format!("export/{e}/{s}"));
    }
    let hundred = if scale == Scale::Large { "-100" } else { "" };
    for e in ["deck-pptx", "deck-pdf"] {
        ids.push(format!("export/{e}{hundred}/{s}"));
    }
    if scale == Scale::Large {
        ids.push("memory/large-mb".into());
    }
    ids.iter().any(|id| wanted(filter, id))
}

fn main() {
    if let Some(path) = std::env::var_os(MEMORY_CHILD_ENV) {
        memory_child(Path::new(&path));
        return;
    }
    let benching = std::env::args().any(|a| a == "--bench");
    let started = SystemTime::now();
    let criterion_dir = target_dir().join("criterion");
    let mut c = Criterion::default()
        .output_directory(&criterion_dir)
        .sample_size(20)
        .warm_up_time(Duration::from_millis(700))
        .measurement_time(Duration::from_secs(2))
        .nresamples(10_000)
        .configure_from_args();
    let scratch = tempfile::tempdir().expect("temporary folder");
    let mut ids: Vec<Id> = Vec::new();
    let mut extra: BTreeMap<String, f64> = BTreeMap::new();

    let scales: &[Scale] = if benching {
        &[Scale::Sample, Scale::SampleX10, Scale::County, Scale::Large]
    } else {
        println!("note: smoke-test mode (no --bench): only the sample scale runs");
        &[Scale::Sample]
    };
    let filter = filter();
    for &scale in scales {
        if !scale_wanted(&filter, scale) {
            continue;
        }
        let t = Instant::now();
        let project = synthetic::generate_scale(scale, SEED);
        let text = file::to_text(&project);
        let issues = outcome_explorer::validate::validate(&project);
        assert!(
            issues.is_empty(),
            "synthetic {} is invalid: {:?}",
            scale.name(),
            &issues[..1]
        );
        println!(
            "{} scale: {} outcomes, {} measures, {} observations, {} actions, {:.1} MB of text \
             (generated in {:.1} s)",
            scale.name(),
            project.outcomes.len(),
            project.measures.len(),
            project.observation_count(),
            project.action_count(),
            text.len() as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
        file_benches(&mut c, &project, &text, scale, &mut ids);
        if matches!(scale, Scale::Sample | Scale::Large) {
            frame_benches(&mut c, &project, scale, &mut ids);
            export_benches(&mut c, &project, scale, &mut ids);
            deck_benches(&mut c, &project, scale, &mut ids);
        }
        if scale == Scale::Large && wanted(&filter, "memory/large-mb") {
            let path = scratch.path().join("large.ron");
            drop(project);
            if std::fs::write(&path, &text).is_ok() {
                drop(text);
                match memory_mb(&path) {
                    Some((rss, peak)) => {
                        println!(
                            "memory: large project in the app: {rss:.0} MB resident (peak {peak:.0} MB)"
                        );
                        extra.insert("memory/large-mb".into(), rss);
                    }
                    None => println!("note: memory/large-mb could not be measured"),
                }
            }
        }
    }
    if benching
        && wanted(&filter, "startup/sample")
        && let Some(ms) = startup_ms(scratch.path())
    {
        extra.insert("startup/sample".into(), ms);
    }

    c.final_summary();
    if !benching {
        return;
    }
    let mut report = extra;
    for id in &ids {
        if let Some(ms) = criterion_median_ms(&id.estimates(&criterion_dir), started) {
            report.insert(id.name(), ms);
        }
    }
    print_and_write(&report, &target_dir().join("bench-report.json"));
}
