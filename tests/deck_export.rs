//! The away-day deck leaves the app: PowerPoint with one slide per storyboard slide, its title
//! and notes as text; PDF with one page per slide; numbered pictures of the requested size;
//! and `check` naming a slide whose measure is missing.

use outcome_explorer::deck::export::{self, DeckFormat};
use outcome_explorer::export::ImageFormat;
use outcome_explorer::model::{Presentation, Project, Slide, SlideView};
use std::io::Read;
use std::path::Path;
use std::process::Command;

fn sample() -> Project {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
    outcome_explorer::file::load(&path).expect("the sample loads")
}

fn part(zip: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str) -> String {
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the package"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn xml_text(s: &str) -> String {
    outcome_explorer::export::svg::escape(s)
}

#[test]
fn pptx_has_a_slide_per_storyboard_slide_with_title_and_notes_as_text() {
    let p = sample();
    let deck = &p.presentations[0];
    let bytes = export::to_bytes(&p, deck, DeckFormat::Pptx, &|_| {}).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let presentation = part(&mut zip, "ppt/presentation.xml");
    assert_eq!(presentation.matches("<p:sldId ").count(), deck.slides.len());
    assert!(
        presentation.contains(r#"<p:sldSz cx="12192000" cy="6858000"/>"#),
        "16:9"
    );
    let types = part(&mut zip, "[Content_Types].xml");
    for (i, s) in deck.slides.iter().enumerate() {
        let n = i + 1;
        let xml = part(&mut zip, &format!("ppt/slides/slide{n}.xml"));
        // The title is text in a title placeholder.
        let ph = if matches!(s.view, SlideView::Title { .. }) {
            r#"<p:ph type="ctrTitle"/>"#
        } else {
            r#"<p:ph type="title"/>"#
        };
        let at = xml
            .find(ph)
            .unwrap_or_else(|| panic!("slide {n} has a title placeholder"));
        let title_run = format!("<a:t>{}</a:t>", xml_text(&s.title));
        assert!(
            xml[at..].contains(&title_run),
            "slide {n}: {title_run} in\n{xml}"
        );
        assert!(types.contains(&format!("/ppt/slides/slide{n}.xml")));
        let rels = part(&mut zip, &format!("ppt/slides/_rels/slide{n}.xml.rels"));
        if !s.notes.trim().is_empty() {
            let notes = part(&mut zip, &format!("ppt/notesSlides/notesSlide{n}.xml"));
            let first_line = s.notes.lines().next().unwrap();
            assert!(notes.contains(&xml_text(first_line)), "slide {n}'s notes");
            assert!(rels.contains("notesSlide"));
        }
        if xml.contains("<p:pic>") {
            // A picture with alternative text, and its PNG of at least full-HD width.
            assert!(xml.contains(" descr=\"") && !xml.contains(" descr=\"\""));
            let mut png = Vec::new();
            zip.by_name(&format!("ppt/media/image{n}.png"))
                .unwrap()
                .read_to_end(&mut png)
                .unwrap();
            let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
            assert!(w >= 1920, "slide {n}'s picture is {w} pixels wide");
        }
    }
}

#[test]
fn text_slides_are_editable_text_and_titles_are_escaped() {
    let mut p = sample();
    p.presentations = vec![Presentation {
        id: "t".into(),
        title: "T".into(),
        slides: vec![Slide {
            title: "Fairness & <growth> in \"Luton\"".into(),
            view: SlideView::Text {
                text: "Why it matters\n- Fewer families in hotels\n- Lower spend".into(),
            },
            notes: "Line one\n\nLine three".into(),
        }],
    }];
    let bytes = export::to_bytes(&p, &p.presentations[0], DeckFormat::Pptx, &|_| {}).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let xml = part(&mut zip, "ppt/slides/slide1.xml");
    assert!(xml.contains("<a:t>Fairness &amp; &lt;growth&gt; in &quot;Luton&quot;</a:t>"));
    assert!(
        xml.contains(r#"<p:ph idx="1"/>"#),
        "words go in the body placeholder"
    );
    assert!(xml.contains("<a:t>Fewer families in hotels</a:t>"));
    assert!(!xml.contains("<p:pic>"));
    let notes = part(&mut zip, "ppt/notesSlides/notesSlide1.xml");
    assert_eq!(notes.matches("<a:p>").count(), 3, "{notes}");
}

/// Page objects in a PDF (`/Type /Page`, not `/Pages`).
fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

#[test]
fn pdf_has_a_page_per_slide_and_the_titles_as_text() {
    let p = sample();
    let deck = &p.presentations[0];
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pdf");
    export::write_file(&p, deck, &out, &|_| {}).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(page_count(&bytes), deck.slides.len());
    assert!(
        String::from_utf8_lossy(&bytes).contains("/FontFile2"),
        "fonts are embedded"
    );
    // The titles as text, read back by an independent reader where the machine has one.
    match Command::new("pdftotext").arg(&out).arg("-").output() {
        Ok(o) if o.status.success() => {
            let raw = String::from_utf8_lossy(&o.stdout);
            // pdftotext ends every page with a form feed.
            assert_eq!(raw.matches('\u{c}').count(), deck.slides.len());
            let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            for s in &deck.slides {
                let words = s
                    .title
                    .split_whitespace()
                    .take(4)
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(text.contains(&words), "{words:?} is not in the PDF's text");
            }
        }
        _ => eprintln!("pdftotext is not installed: titles checked only by page count"),
    }
}

#[test]
fn pictures_are_numbered_and_of_the_requested_size() {
    let p = sample();
    let deck = &p.presentations[0];
    let dir = tempfile::tempdir().unwrap();
    let files = export::write_pictures(&p, deck, dir.path(), ImageFormat::Png, (960, 540), &|_| {})
        .unwrap();
    assert_eq!(files.len(), deck.slides.len());
    for (i, f) in files.iter().enumerate() {
        assert_eq!(
            f.file_name().unwrap().to_str().unwrap(),
            format!("slide-{:02}.png", i + 1)
        );
        let png = std::fs::read(f).unwrap();
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((w, h), (960, 540));
    }
    let svgs = export::write_pictures(
        &p,
        deck,
        &dir.path().join("svg"),
        ImageFormat::Svg,
        (1920, 1080),
        &|_| {},
    )
    .unwrap();
    let first = std::fs::read_to_string(&svgs[1]).unwrap();
    assert!(first.contains(&xml_text(&deck.slides[1].title[..20])));
}

#[test]
fn check_names_a_slide_whose_measure_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron"),
    )
    .unwrap();
    let broken = text.replacen(
        "measure: \"ta-households\",\n          ),",
        "measure: \"ta-households-gone\",\n          ),",
        1,
    );
    assert_ne!(
        broken, text,
        "the sample's deck has a temporary accommodation chart"
    );
    std::fs::write(&path, broken).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("presentations \"away-day\" slide 4 (\"Temporary accommodation")
            && err.contains("measure \"ta-households-gone\" does not exist"),
        "{err}"
    );
}

#[test]
fn the_command_line_writes_pptx_pdf_and_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
            .args(["export", "deck"])
            .arg(&sample)
            .args(args)
            .output()
            .unwrap()
    };
    let pptx = dir.path().join("deck.pptx");
    let o = run(&[
        "--presentation",
        "away-day",
        "--out",
        pptx.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("slides)"));
    assert!(std::fs::read(&pptx).unwrap().starts_with(b"PK"));
    let pics = dir.path().join("pics");
    let o = run(&["--out-dir", pics.to_str().unwrap(), "--format", "svg"]);
    assert!(o.status.success());
    assert!(pics.join("slide-01.svg").exists());
    let o = run(&["--presentation", "nope", "--out", pptx.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no presentation \"nope\""));
    // Another council's file without a presentation: its headline views.
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/aberdyffryn-2035.ron");
    let pdf = dir.path().join("other.pdf");
    let o = Command::new(env!("CARGO_BIN_EXE_outcome-explorer"))
        .args(["export", "deck"])
        .arg(&other)
        .args(["--out", pdf.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("exporting the headline views"));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let o = run(&["--out", dir.path().join("deck.key").to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("should end in .pptx or .pdf"));
}
