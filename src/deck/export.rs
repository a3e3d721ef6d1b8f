//! Writing a presentation to files: PowerPoint or PDF by the file's extension, or a folder
//! of numbered pictures.

use super::{pdf, pptx, slide};
use crate::export::ImageFormat;
use crate::model::{Presentation, Project};
use std::path::{Path, PathBuf};

/// What a deck file is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeckFormat {
    Pptx,
    Pdf,
}

impl DeckFormat {
    /// `pptx` or `pdf` from a path's extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "pptx" => Some(DeckFormat::Pptx),
            "pdf" => Some(DeckFormat::Pdf),
            _ => None,
        }
    }
}

/// The presentation `id` names, or the project's first when `id` is `None`.
pub fn find<'a>(project: &'a Project, id: Option<&str>) -> Result<&'a Presentation, String> {
    match id {
        Some(id) => project.presentation(id).ok_or_else(|| {
            let known: Vec<&str> = project
                .presentations
                .iter()
                .map(|p| p.id.as_str())
                .collect();
            if known.is_empty() {
                format!("there is no presentation {id:?} (the project has none)")
            } else {
                format!(
                    "there is no presentation {id:?} (the project has {})",
                    known.join(", ")
                )
            }
        }),
        None => project.presentations.first().ok_or_else(|| {
            "the project has no presentation: add slides in the window (\"Add this view as a \
             slide\") or write one in the file (see the README's format reference)"
                .to_string()
        }),
    }
}

/// The deck's file as bytes.
pub fn to_bytes(
    project: &Project,
    deck: &Presentation,
    format: DeckFormat,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Vec<u8>, String> {
    match format {
        DeckFormat::Pptx => pptx::write(project, deck, pptx::PptxOptions::default(), progress),
        DeckFormat::Pdf => pdf::write(project, deck, progress),
    }
}

/// Write the deck to `out` (`.pptx` or `.pdf`), atomically.
pub fn write_file(
    project: &Project,
    deck: &Presentation,
    out: &Path,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<(), String> {
    let format = DeckFormat::from_path(out)
        .ok_or_else(|| format!("{} should end in .pptx or .pdf", out.display()))?;
    if deck.slides.is_empty() {
        return Err(format!("presentation {:?} has no slides", deck.id));
    }
    let bytes = to_bytes(project, deck, format, progress)?;
    crate::file::write_atomic(out, &bytes).map_err(|e| e.to_string())
}

/// The file name of slide `number` (from 1) of `total`: `slide-01.png`.
pub fn picture_name(number: usize, total: usize, format: ImageFormat) -> String {
    let digits = total.to_string().len().max(2);
    format!("slide-{number:0digits$}.{}", format.extension())
}

/// Write every slide into `dir` as numbered pictures of `width`×`height` pixels; returns
/// the files written, in order.
pub fn write_pictures(
    project: &Project,
    deck: &Presentation,
    dir: &Path,
    format: ImageFormat,
    (width, height): (u32, u32),
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let n = deck.slides.len();
    let written = super::par_map(&deck.slides, |i, s| {
        let svg = slide::slide_svg(project, deck, s, i + 1, n);
        let path = dir.join(picture_name(i + 1, n, format));
        crate::export::write_image(
            &svg,
            format,
            (width, height),
            crate::export::png::Compression::Fastest,
            &path,
        )?;
        progress(i);
        Ok::<_, String>(path)
    });
    written.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_in_slide_order() {
        assert_eq!(picture_name(3, 9, ImageFormat::Png), "slide-03.png");
        assert_eq!(picture_name(7, 120, ImageFormat::Svg), "slide-007.svg");
    }

    #[test]
    fn a_missing_presentation_is_named_with_those_there_are() {
        let mut p = Project::default();
        assert!(find(&p, None).unwrap_err().contains("no presentation"));
        p.presentations.push(Presentation {
            id: "away-day".into(),
            ..Default::default()
        });
        assert_eq!(find(&p, None).unwrap().id, "away-day");
        let e = find(&p, Some("board")).unwrap_err();
        assert!(e.contains("\"board\"") && e.contains("away-day"), "{e}");
    }
}
