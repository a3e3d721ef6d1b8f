//! The deck as a PDF: one 16:9 page per slide, drawn from the slide's SVG by `svg2pdf`
//! (which reads the same `usvg` tree resvg draws the pictures from), so text stays text in
//! the bundled fonts, embedded; titles are searchable and listed as the PDF's bookmarks.

use super::slide;
use crate::model::{Presentation, Project};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use resvg::usvg;
use std::collections::HashMap;

/// Page size in points: 13.333 × 7.5 inches, as a widescreen PowerPoint slide.
const PAGE: (f32, f32) = (960.0, 540.0);

/// The deck as the bytes of a PDF file. `progress` is told each slide done.
pub fn write(
    project: &Project,
    deck: &Presentation,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Vec<u8>, String> {
    let n = deck.slides.len();
    let chunks = super::par_map(&deck.slides, |i, s| {
        let svg = slide::slide_svg(project, deck, s, i + 1, n);
        let tree = usvg::Tree::from_str(&svg, &crate::export::fonts::svg_options())
            .map_err(|e| format!("slide {} could not be drawn: {e}", i + 1))?;
        let chunk = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| format!("slide {} could not be written as PDF: {e}", i + 1))?;
        progress(i);
        Ok::<_, String>(chunk)
    });
    let chunks: Vec<_> = chunks.into_iter().collect::<Result<_, _>>()?;

    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let info = alloc.bump();
    let outline = alloc.bump();
    let mut pdf = Pdf::new();
    let mut pages = Vec::with_capacity(n);
    for (chunk, svg_id) in &chunks {
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let svg_id = map[svg_id];
        let (page_id, content_id) = (alloc.bump(), alloc.bump());
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE.0, PAGE.1));
        page.parent(page_tree);
        page.contents(content_id);
        page.resources().x_objects().pair(Name(b"S1"), svg_id);
        page.finish();
        let mut content = Content::new();
        content
            .transform([PAGE.0, 0.0, 0.0, PAGE.1, 0.0, 0.0])
            .x_object(Name(b"S1"));
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
        pages.push(page_id);
    }
    pdf.pages(page_tree)
        .kids(pages.iter().copied())
        .count(n as i32);
    let items: Vec<Ref> = (0..n).map(|_| alloc.bump()).collect();
    for (i, s) in deck.slides.iter().enumerate() {
        let title = slide::title(s);
        let mut item = pdf.outline_item(items[i]);
        item.title(TextStr(&title)).parent(outline);
        if i > 0 {
            item.prev(items[i - 1]);
        }
        if i + 1 < n {
            item.next(items[i + 1]);
        }
        item.dest().page(pages[i]).fit();
    }
    let mut o = pdf.outline(outline);
    if let (Some(first), Some(last)) = (items.first(), items.last()) {
        o.first(*first).last(*last);
    }
    o.count(n as i32);
    o.finish();
    let mut cat = pdf.catalog(catalog);
    cat.pages(page_tree);
    if n > 0 {
        cat.outlines(outline);
    }
    cat.finish();
    let title = if deck.title.trim().is_empty() {
        project.programme.title.clone()
    } else {
        deck.title.clone()
    };
    pdf.document_info(info)
        .title(TextStr(&title))
        .creator(TextStr("Outcome Explorer"));
    Ok(pdf.finish())
}
