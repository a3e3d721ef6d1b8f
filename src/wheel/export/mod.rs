//! The wheel as an SVG picture for slides: title, wheel, legend and source line,
//! all text as `<text>` elements. PNG goes through [`crate::export::write_image`].

mod draw;
mod key;
mod page;

pub use draw::{draw_geometry, sector_path};

use super::text::EmbeddedFonts;
use super::view::{hints, hints_room};
use super::{BuildOptions, Geometry, SegmentKey, ViewState, build, legend};
use crate::export::svg::Svg;
use crate::model::Project;
use page::Page;

/// What to export besides the view state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    pub width: u32,
    pub height: u32,
    /// A selected segment to outline, with its path to the centre.
    pub selected: Option<SegmentKey>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            width: 1920,
            height: 1080,
            selected: None,
        }
    }
}

/// The whole picture as an SVG document.
pub fn svg(project: &Project, state: &ViewState, opts: &ExportOptions) -> String {
    render(project, state, opts, true).0
}

/// The picture without its title (the subtitle stays), for a slide that sets its title apart.
pub fn svg_untitled(project: &Project, state: &ViewState, opts: &ExportOptions) -> String {
    render(project, state, opts, false).0
}

/// The wheel's geometry as laid out in the picture (for checking labels).
pub fn geometry(project: &Project, state: &ViewState, opts: &ExportOptions) -> Geometry {
    render(project, state, opts, true).1
}

fn render(
    project: &Project,
    state: &ViewState,
    opts: &ExportOptions,
    titled: bool,
) -> (String, Geometry) {
    let m = EmbeddedFonts;
    let page = Page::new(opts.width, opts.height);
    let mut doc = Svg::new(page.w as f64, page.h as f64, &page::title(project));
    let top = page.heading(&mut doc, project, state, titled, &m);
    let bottom = page.source_line(&mut doc, project, &m);
    let legend = legend(project, state);
    // Room for the notes the picture may need (voices too many to read, outcomes too many
    // to name); only those that turn out true are drawn.
    let room = hints_room(project);
    let (wheel, _, (kx, ky)) = page.arrange(top, bottom, &legend, &room, &m);
    let g = build(
        project,
        state,
        &BuildOptions {
            markers: false,
            ..BuildOptions::new(wheel.radius)
        },
        &m,
    );
    draw_geometry(&mut doc, &g, wheel.cx, wheel.cy, opts.selected.as_ref());
    let (_, key, _) = page.arrange(top, bottom, &legend, &hints(&g), &m);
    key.draw(&mut doc, kx, ky);
    (doc.finish(), g)
}

/// Write the wheel to `path` as SVG or PNG (by extension).
pub fn write(
    project: &Project,
    state: &ViewState,
    opts: &ExportOptions,
    path: &std::path::Path,
) -> Result<(), String> {
    let format = crate::export::ImageFormat::from_path(path)
        .ok_or_else(|| format!("{} should end in .svg or .png", path.display()))?;
    let doc = svg(project, state, opts);
    crate::export::write_image(
        &doc,
        format,
        (opts.width.max(200), opts.height.max(200)),
        crate::export::png::Compression::Fastest,
        path,
    )
}
