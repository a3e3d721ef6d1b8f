//! Pictures for slides: a small SVG writer that the wheel and chart exporters draw
//! with, and PNG rasterising of that SVG (resvg, with the app's own fonts so that
//! output is the same on every machine).

pub mod batch;
pub mod deflate_parts;
pub mod fonts;
pub mod picture_check;
pub mod png;
pub mod raster;
pub mod svg;
pub mod text_metrics;

/// Picture sizes offered for exports: a 16:9 slide and a square.
pub const PRESETS: [(&str, u32, u32); 2] = [
    ("Slide 16:9 (1920×1080)", 1920, 1080),
    ("Square (1080×1080)", 1080, 1080),
];

/// Which picture format to write, from a file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    /// `svg` or `png` from a path's extension (case-insensitive).
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(ImageFormat::Svg),
            "png" => Some(ImageFormat::Png),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }
}

/// Write an SVG document as `format` to `path` (atomically, keeping no backup of a picture
/// it replaces), rasterising to `width`×`height` pixels for PNG, compressed for
/// `compression`.
pub fn write_image(
    svg: &str,
    format: ImageFormat,
    (width, height): (u32, u32),
    compression: png::Compression,
    path: &std::path::Path,
) -> Result<(), String> {
    let bytes = match format {
        ImageFormat::Svg => svg.as_bytes().to_vec(),
        ImageFormat::Png => png::rasterise_with(svg, width, height, compression)?,
    };
    crate::file::write_atomic_no_backup(path, &bytes).map_err(|e| e.to_string())
}
