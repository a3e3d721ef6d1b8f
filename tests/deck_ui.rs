//! The deck in the window, driven as a user would: add the view as a slide, reorder it,
//! undo, rename it, present, move on with the arrow keys and leave with Esc, save.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use outcome_explorer::document::Document;
use outcome_explorer::file;
use outcome_explorer::model::SlideView;
use outcome_explorer::ui::OutcomeApp;
use outcome_explorer::ui::nav::View;
use std::path::{Path, PathBuf};

fn sample_copy(dir: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
    let to = dir.join("luton.ron");
    std::fs::copy(from, &to).unwrap();
    to
}

fn harness(path: &Path) -> Harness<'static, OutcomeApp> {
    harness_sized(path, (1280.0, 800.0))
}

fn harness_sized(path: &Path, (w, h): (f32, f32)) -> Harness<'static, OutcomeApp> {
    let app = OutcomeApp::new(Document::open(path).unwrap());
    Harness::builder()
        .with_size(egui::vec2(w, h))
        .build_ui_state(|ui, app: &mut OutcomeApp| app.ui_root(ui), app)
}

fn slides(h: &Harness<'_, OutcomeApp>) -> Vec<(String, SlideView)> {
    h.state().doc.project().presentations[0]
        .slides
        .iter()
        .map(|s| (s.title.clone(), s.view.clone()))
        .collect()
}

#[test]
fn add_a_view_reorder_undo_present_and_leave() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let mut h = harness(&path);
    h.run();
    let before = slides(&h).len();

    // The chart of households in temporary accommodation, added as a slide.
    h.state_mut().trends.open_measure("ta-households");
    h.get_by_label("Trends").click();
    h.run();
    assert_eq!(h.state().view, View::Trends);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    h.run();
    let now = slides(&h);
    assert_eq!(now.len(), before + 1);
    assert!(
        matches!(&now[before].1, SlideView::Chart { measure, .. } if measure == "ta-households"),
        "{:?}",
        now[before]
    );
    assert_eq!(h.state().deck.selected, Some(before));
    assert!(h.state().deck.panel_open, "the Slides panel opens");
    assert!(h.query_by_label("Slides").is_some());

    // Alt+↑ moves it up one; the Up button once more; undo puts it back one place.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    assert!(
        matches!(slides(&h)[before - 1].1, SlideView::Chart { ref measure, .. } if measure == "ta-households")
    );
    h.get_by_label("↑ Up").click();
    h.run();
    assert_eq!(h.state().deck.selected, Some(before - 2));
    assert!(
        matches!(slides(&h)[before - 2].1, SlideView::Chart { ref measure, .. } if measure == "ta-households")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        matches!(slides(&h)[before - 1].1, SlideView::Chart { ref measure, .. } if measure == "ta-households")
    );
    assert_eq!(slides(&h).len(), before + 1);

    // Rename the slide: typed into its title field, saved when the field is left.
    h.state_mut().deck.selected = Some(before - 1);
    h.run();
    let title = h.get_by_role_and_label(Role::TextInput, "Title (the slide's message)");
    title.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Title (the slide's message)")
        .type_text("Fewer families in hotels");
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(slides(&h)[before - 1].0, "Fewer families in hotels");

    // Present from the selected slide; → moves on, Home goes to the start, Esc leaves.
    h.key_press(Key::F5);
    h.run();
    let p = h.state().deck.presenting.as_ref().expect("presenting");
    assert_eq!(p.slide, before - 1);
    assert!(
        h.query_by_label("Slides").is_none(),
        "no editing chrome while presenting"
    );
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().deck.presenting.as_ref().unwrap().slide, before);
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(
        h.state().deck.presenting.as_ref().unwrap().slide,
        before,
        "stops at the end"
    );
    h.key_press(Key::Home);
    h.run();
    assert_eq!(h.state().deck.presenting.as_ref().unwrap().slide, 0);
    h.key_press(Key::PageDown);
    h.key_press(Key::Space);
    h.run();
    assert_eq!(h.state().deck.presenting.as_ref().unwrap().slide, 2);
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(h.state().deck.presenting.as_ref().unwrap().slide, 1);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().deck.presenting.is_none());
    assert_eq!(
        h.state().deck.selected,
        Some(1),
        "the panel shows where presenting ended"
    );
    assert!(h.query_by_label("Slides").is_some());

    // Saved with the project.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = file::load(&path).unwrap();
    assert_eq!(saved.presentations[0].slides.len(), before + 1);
    assert_eq!(
        saved.presentations[0].slides[before - 1].title,
        "Fewer families in hotels"
    );
}

#[test]
fn a_project_without_slides_starts_a_deck_from_a_view_and_duplicates_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let mut p = file::load(&path).unwrap();
    p.presentations.clear();
    file::save(&p, &path).unwrap();
    let mut h = harness(&path);
    h.run();
    // The wheel as it is shown becomes the first slide of a new presentation.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    h.run();
    let s = slides(&h);
    assert_eq!(s.len(), 1);
    assert!(matches!(s[0].1, SlideView::Wheel { .. }));
    h.get_by_label("Duplicate").click();
    h.run();
    assert_eq!(slides(&h).len(), 2);
    h.get_by_label("Delete").click();
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    assert!(h.state().doc.project().presentations[0].slides.is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(slides(&h).len(), 2, "undo brings deleted slides back");
}

#[test]
fn the_deck_exports_from_the_window_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let mut h = harness(&path);
    h.run();
    let out = dir.path().join("pictures");
    h.state_mut().deck.panel_open = true;
    h.state_mut().export_deck_to(
        outcome_explorer::ui::deck_view::export_job::Target::Pictures(
            out.clone(),
            outcome_explorer::export::ImageFormat::Svg,
        ),
    );
    assert!(h.state().export.is_some(), "an export under way");
    // The window stays live while the slides are drawn; the status line says where they went.
    let start = std::time::Instant::now();
    while h.state().export.is_some() {
        assert!(start.elapsed().as_secs() < 120, "the export never finished");
        h.run();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let status = h.state().status();
    assert!(status.contains("Exported 9 pictures"), "{status}");
    assert!(out.join("slide-09.svg").exists());
    assert!(!out.join("slide-10.svg").exists());
}

#[test]
fn the_presenter_view_shows_this_slide_the_next_and_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let mut h = harness(&path);
    h.run();
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::P);
    // The pictures are drawn on another thread: give them a few frames.
    for _ in 0..200 {
        h.run();
        if h.query_all_by_label_contains("Drawing").next().is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let deck = &h.state().doc.project().presentations[0];
    let (now, next) = (deck.slides[1].clone(), deck.slides[2].clone());
    assert!(h.state().deck.presenting.as_ref().unwrap().presenter);
    assert!(h.query_by_label("Slide 2 of 9").is_some());
    assert!(h.query_by_label_contains("Elapsed").is_some());
    assert!(h.query_by_label("Speaker notes").is_some());
    assert!(h.query_by_label(&now.notes).is_some(), "this slide's notes");
    // Both slides as pictures, named by their titles.
    for title in [&now.title, &next.title] {
        assert!(
            h.query_by(|n| n.role() == Role::Image && n.label().as_deref() == Some(title.as_str()))
                .is_some(),
            "a picture of {title:?}"
        );
    }
    // P again closes it; presenting goes on.
    h.key_press(Key::P);
    h.run();
    assert!(!h.state().deck.presenting.as_ref().unwrap().presenter);
    assert!(h.query_by_label("Speaker notes").is_none());
}

/// Every piece of text the window paints in `h`'s last frame: its words, its size in screen
/// pixels, and its colour.
fn painted_text(h: &Harness<'_, OutcomeApp>) -> Vec<(String, f32, egui::Color32)> {
    fn walk(shape: &egui::Shape, ppp: f32, out: &mut Vec<(String, f32, egui::Color32)>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, ppp, out)),
            egui::Shape::Text(t) => {
                for s in &t.galley.job.sections {
                    let words = t.galley.job.text[s.byte_range.start.0..s.byte_range.end.0]
                        .trim()
                        .to_string();
                    if words.is_empty() {
                        continue;
                    }
                    let colour = t.override_text_color.unwrap_or(
                        if s.format.color == egui::Color32::PLACEHOLDER {
                            t.fallback_color
                        } else {
                            s.format.color
                        },
                    );
                    out.push((words, s.format.font_id.size * ppp, colour));
                }
            }
            _ => {}
        }
    }
    let output = h.output();
    let mut out = Vec::new();
    for s in &output.shapes {
        walk(&s.shape, output.pixels_per_point, &mut out);
    }
    out
}

/// Presenting at 1920×1080 and at 1280×720, every slide's text drawn by the window (titles,
/// counters, live charts' axes, labels and legends) is at least 1/60 of the screen's height
/// (18 px at 1080, 12 at 720: about 9-point type on a PowerPoint slide) and meets WCAG 2.2
/// AA contrast (4.5:1) on the slide's white. The wheel's names, in their segments, may go
/// down to 1/90 (12 px at 1080, denser than that they are cut short); their contrast with
/// each fill is the wheel's own test (`wheel::colouring`).
#[test]
fn presented_text_is_legible_at_projector_sizes() {
    let paper = egui::Color32::WHITE;
    let contrast = |c: egui::Color32| {
        let to = |c: egui::Color32| outcome_explorer::model::Colour::rgb(c.r(), c.g(), c.b());
        to(c).contrast(to(paper))
    };
    let (mut small, mut faint) = (Vec::new(), Vec::new());
    for (w, h_px) in [(1920.0f32, 1080.0f32), (1280.0, 720.0)] {
        let dir = tempfile::tempdir().unwrap();
        let path = sample_copy(dir.path());
        let mut h = harness_sized(&path, (w, h_px));
        h.run();
        h.key_press(Key::F5);
        let views: Vec<SlideView> = slides(&h).into_iter().map(|(_, v)| v).collect();
        let mut seen = 0;
        for (i, view) in views.iter().enumerate() {
            for _ in 0..100 {
                h.run();
                if h.query_all_by_label_contains("Drawing").next().is_none() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            let wheel = matches!(view, SlideView::Wheel { .. });
            let least = h_px / if wheel { 90.0 } else { 60.0 };
            for (words, size, colour) in painted_text(&h) {
                seen += 1;
                let at = format!("{w}×{h_px}, slide {}: {words:?}", i + 1);
                if size < least - 0.05 {
                    small.push(format!("{at} is {size:.1} px high (least {least:.1})"));
                }
                if !wheel && contrast(colour) < 4.5 {
                    faint.push(format!("{at} in {colour:?}: {:.2}", contrast(colour)));
                }
            }
            h.key_press(Key::ArrowRight);
        }
        assert!(seen > 100, "only {seen} pieces of text were painted");
    }
    assert!(
        small.is_empty(),
        "{} too small:\n{}",
        small.len(),
        small.join("\n")
    );
    assert!(
        faint.is_empty(),
        "{} too faint:\n{}",
        faint.len(),
        faint.join("\n")
    );
}

/// At 1280×800 the Slides panel takes at most half the window, long slide titles are cut to
/// its width (whole on hover) and every control of it is inside the window.
#[test]
fn the_slides_panel_fits_beside_the_view_at_laptop_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let mut h = harness(&path);
    h.run();
    h.state_mut().deck.panel_open = true;
    for _ in 0..4 {
        h.run();
    }
    let window = 1280.0;
    let new = h.get_by_role_and_label(Role::Button, "New").rect();
    assert!(new.max.x <= window, "New is outside the window: {new:?}");
    let present = h.get_by_role_and_label(Role::Button, "▶ Present").rect();
    assert!(
        present.min.x >= window / 2.0 - 1.0,
        "the panel is wider than half the window: it starts at {}",
        present.min.x
    );
    let long = h
        .get_by_label_contains("Five priorities, seven areas")
        .rect();
    assert!(
        long.max.x <= window,
        "a title runs out of the window: {long:?}"
    );
}
