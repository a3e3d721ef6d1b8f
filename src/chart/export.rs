//! Writing charts to files: one measure, every measure, or the dashboard.

use super::{self as chart, ChartOptions};
use crate::export::png::Compression;
use crate::export::{ImageFormat, write_image};
use crate::model::Project;
use std::path::{Path, PathBuf};

/// Write one measure's chart to `out` (format from its extension).
pub fn export_measure(
    project: &Project,
    measure_id: &str,
    options: &ChartOptions,
    out: &Path,
    width: u32,
    height: u32,
) -> Result<(), String> {
    let format = ImageFormat::from_path(out)
        .ok_or_else(|| format!("{} should end in .svg or .png", out.display()))?;
    let svg = measure_svg(project, measure_id, options, width, height)?;
    write_image(&svg, format, (width, height), Compression::Smaller, out)
}

/// One measure's chart as an SVG document of `width`×`height`.
pub fn measure_svg(
    project: &Project,
    measure_id: &str,
    options: &ChartOptions,
    width: u32,
    height: u32,
) -> Result<String, String> {
    let m = project
        .measure(measure_id)
        .ok_or_else(|| format!("there is no measure {measure_id:?}"))?;
    let c = chart::build(project, m, options);
    Ok(chart::svg::chart(&c, width as f64, height as f64))
}

/// Write every measure's chart into `dir` as `<id>.svg|png`; returns the files written.
pub fn export_all(
    project: &Project,
    dir: &Path,
    format: ImageFormat,
    width: u32,
    height: u32,
) -> Result<Vec<PathBuf>, String> {
    export_all_with(project, dir, format, width, height, None, &|_, _| {})
}

/// [`export_all`] drawn on `threads` threads (one per core when `None`), calling
/// `progress(done, total)` as each chart is written. The files are the same whatever the
/// number of threads.
pub fn export_all_with(
    project: &Project,
    dir: &Path,
    format: ImageFormat,
    width: u32,
    height: u32,
    threads: Option<usize>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let order = project.measures_in_dashboard_order();
    let threads = crate::export::batch::threads(threads, order.len());
    crate::export::batch::run(&order, threads, progress, |&i| {
        let m = &project.measures[i];
        let path = dir.join(format!("{}.{}", m.id, format.extension()));
        let options = ChartOptions::for_measure(m);
        export_measure(project, &m.id, &options, &path, width, height)?;
        Ok(path)
    })
}

/// Write the dashboard (a grid of small charts) to `out`.
pub fn export_dashboard(
    project: &Project,
    out: &Path,
    width: u32,
    height: u32,
) -> Result<(), String> {
    let format = ImageFormat::from_path(out)
        .ok_or_else(|| format!("{} should end in .svg or .png", out.display()))?;
    let svg = dashboard_svg(project, width, height);
    write_image(&svg, format, (width, height), Compression::Smaller, out)
}

/// The dashboard as an SVG document of `width`×`height`.
pub fn dashboard_svg(project: &Project, width: u32, height: u32) -> String {
    let cards: Vec<chart::Card> = project
        .measures_in_dashboard_order()
        .into_iter()
        .map(|i| chart::card(project, i, &project.measures[i]))
        .collect();
    let title = format!("{}: measures", project.programme.title);
    chart::dashboard_svg::dashboard(&title, &cards, width as f64, height as f64)
}
