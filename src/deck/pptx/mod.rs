//! The deck as a PowerPoint file (.pptx): one 16:9 slide per storyboard slide, the title as
//! real text in the slide's title placeholder, a text slide's words in its body placeholder,
//! every other view as a picture (PNG drawn from the same SVG as the PDF and the pictures),
//! speaker notes in the notes pane, and the picture's sources on the slide with it.
//!
//! Written with the `zip` crate: the PowerPoint writers on crates.io (`ppt-rs` 0.2,
//! `pptx` 0.1) are young and change quickly, and pull in far more than a few XML parts need.

mod package;

use super::layout::{self, Rect};
use super::slide;
use super::words;
use crate::model::{Presentation, Project, Slide, SlideView};
use package::{DECL, NS, TREE_START, xfrm};
use std::io::Write;

/// EMU (English Metric Units) per slide unit: a 1920-unit slide is 12,192,000 EMU (13.333 in).
pub const EMU_PER_UNIT: f64 = 6350.0;

fn emu(units: f64) -> i64 {
    (units * EMU_PER_UNIT).round() as i64
}

/// Escape text for XML, dropping characters XML cannot hold.
pub fn xml_escape(s: &str) -> String {
    crate::export::svg::escape(s)
}

/// How pictures are drawn into the file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PptxOptions {
    /// Pixels per slide unit: 1.0 draws a full-width picture 1920 pixels wide.
    pub scale: f64,
}

impl Default for PptxOptions {
    fn default() -> Self {
        PptxOptions { scale: 1.0 }
    }
}

/// What one slide of the file holds, drawn before the file is put together.
struct Drawn {
    xml: String,
    picture: Option<Vec<u8>>,
    notes: Option<String>,
}

/// The deck as the bytes of a .pptx file. `progress` is told each slide done.
pub fn write(
    project: &Project,
    deck: &Presentation,
    options: PptxOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Vec<u8>, String> {
    let drawn = super::par_map(&deck.slides, |i, s| {
        let d = draw(project, s, options);
        progress(i);
        d
    });
    let drawn: Vec<Drawn> = drawn.into_iter().collect::<Result<_, _>>()?;
    assemble(deck, &drawn).map_err(|e| format!("could not write the PowerPoint file: {e}"))
}

fn draw(project: &Project, s: &Slide, options: PptxOptions) -> Result<Drawn, String> {
    let title = slide::title(s);
    let notes = (!s.notes.trim().is_empty()).then(|| notes_xml(&s.notes));
    let (xml, picture) = match &s.view {
        SlideView::Title { subtitle } => (cover_xml(&title, subtitle), None),
        SlideView::Text { text } => (text_xml(&title, text), None),
        _ => {
            let frame = layout::frame(&title);
            let svg = slide::body_svg(project, s, frame.body.w, frame.body.h);
            let (w, h) = (
                (frame.body.w * options.scale).round() as u32,
                (frame.body.h * options.scale).round() as u32,
            );
            let png = crate::export::png::rasterise(&svg, w, h)?;
            let alt = slide::describe(project, s);
            (picture_xml(&title, frame.body, &alt), Some(png))
        }
    };
    Ok(Drawn {
        xml,
        picture,
        notes,
    })
}

fn run(text: &str) -> String {
    format!(
        r#"<a:r><a:rPr lang="en-GB" dirty="0"/><a:t>{}</a:t></a:r>"#,
        xml_escape(text)
    )
}

fn title_shape(id: u32, ph: &str, text: &str) -> String {
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Title {id}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>{}</a:p></p:txBody></p:sp>"#,
        run(text)
    )
}

fn slide_doc(shapes: &str) -> String {
    format!(
        r#"{DECL}<p:sld {NS}><p:cSld><p:spTree>{TREE_START}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#
    )
}

fn cover_xml(title: &str, subtitle: &str) -> String {
    let sub: String = subtitle
        .lines()
        .map(|l| format!("<a:p>{}</a:p>", run(l.trim())))
        .collect();
    let sub = if sub.is_empty() {
        "<a:p><a:endParaRPr lang=\"en-GB\"/></a:p>".to_string()
    } else {
        sub
    };
    slide_doc(&format!(
        r#"{}<p:sp><p:nvSpPr><p:cNvPr id="3" name="Subtitle 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="subTitle" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{sub}</p:txBody></p:sp>"#,
        title_shape(2, r#"<p:ph type="ctrTitle"/>"#, title)
    ))
}

fn text_xml(title: &str, text: &str) -> String {
    let paras: String = words::paragraphs(text)
        .iter()
        .map(|p| {
            let ppr = if p.bullet {
                ""
            } else {
                r#"<a:pPr marL="0" indent="0"><a:buNone/></a:pPr>"#
            };
            format!("<a:p>{ppr}{}</a:p>", run(&p.text))
        })
        .collect();
    let paras = if paras.is_empty() {
        "<a:p><a:endParaRPr lang=\"en-GB\"/></a:p>".to_string()
    } else {
        paras
    };
    slide_doc(&format!(
        r#"{}<p:sp><p:nvSpPr><p:cNvPr id="3" name="Content 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>{paras}</p:txBody></p:sp>"#,
        title_shape(2, r#"<p:ph type="title"/>"#, title)
    ))
}

fn picture_xml(title: &str, at: Rect, alt: &str) -> String {
    slide_doc(&format!(
        r#"{}<p:pic><p:nvPicPr><p:cNvPr id="3" name="Picture 2" descr="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
        title_shape(2, r#"<p:ph type="title"/>"#, title),
        xml_escape(alt),
        xfrm(at)
    ))
}

fn notes_xml(notes: &str) -> String {
    let paras: String = notes
        .lines()
        .map(|l| {
            if l.trim().is_empty() {
                "<a:p><a:endParaRPr lang=\"en-GB\"/></a:p>".to_string()
            } else {
                format!("<a:p>{}</a:p>", run(l))
            }
        })
        .collect();
    format!(
        r#"{DECL}<p:notes {NS}><p:cSld><p:spTree>{TREE_START}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paras}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#
    )
}

fn presentation_xml(slides: usize) -> String {
    let ids: String = (0..slides)
        .map(|i| format!(r#"<p:sldId id="{}" r:id="rId{}"/>"#, 256 + i, 10 + i))
        .collect();
    format!(
        r#"{DECL}<p:presentation {NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx="{}" cy="{}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#,
        emu(layout::WIDTH),
        emu(layout::HEIGHT)
    )
}

fn assemble(deck: &Presentation, drawn: &[Drawn]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::CompressionMethod::{Deflated, Stored};
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut parts = package_parts(deck, drawn);
    parts.extend(master_parts());
    for (i, d) in drawn.iter().enumerate() {
        parts.extend(slide_parts(i + 1, d));
    }
    for part in parts {
        // Pictures are compressed already: stored as they are.
        let method = if part.picture { Stored } else { Deflated };
        z.start_file(
            part.name,
            SimpleFileOptions::default().compression_method(method),
        )?;
        z.write_all(&part.bytes)?;
    }
    Ok(z.finish()?.into_inner())
}

/// One file inside the package.
struct Part<'a> {
    name: String,
    bytes: std::borrow::Cow<'a, [u8]>,
    picture: bool,
}

fn part(name: impl Into<String>, text: String) -> Part<'static> {
    Part {
        name: name.into(),
        bytes: std::borrow::Cow::Owned(text.into_bytes()),
        picture: false,
    }
}

/// The package's own parts: content types, relationships, properties, the presentation.
fn package_parts(deck: &Presentation, drawn: &[Drawn]) -> Vec<Part<'static>> {
    let notes: Vec<usize> = (0..drawn.len())
        .filter(|&i| drawn[i].notes.is_some())
        .map(|i| i + 1)
        .collect();
    let when = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut pres_rels = vec![
        (
            "rId1".to_string(),
            "slideMaster",
            "slideMasters/slideMaster1.xml".to_string(),
        ),
        (
            "rId2".into(),
            "notesMaster",
            "notesMasters/notesMaster1.xml".into(),
        ),
        ("rId3".into(), "presProps", "presProps.xml".into()),
        ("rId4".into(), "viewProps", "viewProps.xml".into()),
        ("rId5".into(), "theme", "theme/theme1.xml".into()),
        ("rId6".into(), "tableStyles", "tableStyles.xml".into()),
    ];
    for i in 0..drawn.len() {
        pres_rels.push((
            format!("rId{}", 10 + i),
            "slide",
            format!("slides/slide{}.xml", i + 1),
        ));
    }
    vec![
        part(
            "[Content_Types].xml",
            package::content_types(drawn.len(), &notes),
        ),
        part("_rels/.rels", package::root_rels()),
        part("docProps/core.xml", package::core_props(&deck.title, &when)),
        part("docProps/app.xml", package::app_props(drawn.len())),
        part("ppt/presentation.xml", presentation_xml(drawn.len())),
        part("ppt/_rels/presentation.xml.rels", package::rels(&pres_rels)),
        part("ppt/presProps.xml", package::pres_props()),
        part("ppt/viewProps.xml", package::view_props()),
        part("ppt/tableStyles.xml", package::table_styles()),
        part("ppt/theme/theme1.xml", package::theme("Outcome Explorer")),
        part(
            "ppt/theme/theme2.xml",
            package::theme("Outcome Explorer notes"),
        ),
    ]
}

/// The slide master, its three layouts and the notes master, with their relationships.
fn master_parts() -> Vec<Part<'static>> {
    let mut master_rels: Vec<(String, &str, String)> = (1..=3)
        .map(|i| {
            (
                format!("rId{i}"),
                "slideLayout",
                format!("../slideLayouts/slideLayout{i}.xml"),
            )
        })
        .collect();
    master_rels.push(("rId4".into(), "theme", "../theme/theme1.xml".into()));
    let mut parts = vec![
        part("ppt/slideMasters/slideMaster1.xml", package::slide_master()),
        part(
            "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            package::rels(&master_rels),
        ),
    ];
    let to_master = package::rels(&[(
        "rId1".into(),
        "slideMaster",
        "../slideMasters/slideMaster1.xml".into(),
    )]);
    for (i, l) in package::slide_layouts().into_iter().enumerate() {
        parts.push(part(
            format!("ppt/slideLayouts/slideLayout{}.xml", i + 1),
            l,
        ));
        parts.push(part(
            format!("ppt/slideLayouts/_rels/slideLayout{}.xml.rels", i + 1),
            to_master.clone(),
        ));
    }
    parts.push(part(
        "ppt/notesMasters/notesMaster1.xml",
        package::notes_master(),
    ));
    parts.push(part(
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        package::rels(&[("rId1".into(), "theme", "../theme/theme2.xml".into())]),
    ));
    parts
}

/// Slide `n`: its XML, picture, notes and their relationships.
fn slide_parts(n: usize, d: &Drawn) -> Vec<Part<'_>> {
    let layout_no = if d.xml.contains("type=\"ctrTitle\"") {
        1
    } else if d.picture.is_none() {
        2
    } else {
        3
    };
    let mut r = vec![(
        "rId1".to_string(),
        "slideLayout",
        format!("../slideLayouts/slideLayout{layout_no}.xml"),
    )];
    let mut parts = Vec::new();
    if let Some(p) = &d.picture {
        parts.push(Part {
            name: format!("ppt/media/image{n}.png"),
            bytes: std::borrow::Cow::Borrowed(p.as_slice()),
            picture: true,
        });
        r.push(("rId2".into(), "image", format!("../media/image{n}.png")));
    }
    if let Some(notes) = &d.notes {
        r.push((
            "rId3".into(),
            "notesSlide",
            format!("../notesSlides/notesSlide{n}.xml"),
        ));
        parts.push(part(
            format!("ppt/notesSlides/notesSlide{n}.xml"),
            notes.clone(),
        ));
        parts.push(part(
            format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
            package::rels(&[
                (
                    "rId1".into(),
                    "notesMaster",
                    "../notesMasters/notesMaster1.xml".into(),
                ),
                ("rId2".into(), "slide", format!("../slides/slide{n}.xml")),
            ]),
        ));
    }
    parts.push(part(format!("ppt/slides/slide{n}.xml"), d.xml.clone()));
    parts.push(part(
        format!("ppt/slides/_rels/slide{n}.xml.rels"),
        package::rels(&r),
    ));
    parts
}
