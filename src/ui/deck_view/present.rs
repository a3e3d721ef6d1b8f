//! Presentation mode: full screen, large type, the slide's title on top and a counter, no
//! editing chrome. Charts and the wheel stay live (hover shows a value and its source);
//! other slides show their picture, drawn on another thread when presenting starts so that
//! moving between slides takes one frame. Keys: → ↓ Page Down, Space and Enter move on;
//! ← ↑ Page Up and Backspace move back; Home and End jump; P shows the presenter view; Esc
//! leaves.

use crate::chart::Chart;
use crate::deck::{layout, slide, views};
use crate::document::Document;
use crate::model::{Presentation, SlideView};
use crate::palette;
use crate::ui::theme::color;
use crate::ui::trends_view::TrendsView;
use crate::ui::wheel_view::WheelView;
use egui::{Align2, Color32, FontId, Key, Rect, Ui, pos2, vec2};
use std::collections::HashMap;
use std::sync::{Arc, mpsc};
use std::time::Instant;

/// The logical height presentation mode lays a slide out in; the zoom fills the screen.
const LOGICAL_HEIGHT: f32 = 600.0;

/// The wheel's labels against the window's when presenting. Every other text is as large
/// as the zoom makes it (at least 1/60 of the screen's height); at that size the wheel's
/// names were cut short to fit their segments ("Child-frien…", "Inclusive e…"). At three
/// quarters its smallest text (the vision, in the centre) is 1/90 of the screen's height
/// (12 px at 1080; the window's wheel at 1920×1080 goes down to 10 px), and the Luton
/// sample's priorities and outcomes show whole, as in the window.
const WHEEL_TEXT_SCALE: f32 = 0.75;

type Drawn = (usize, Result<egui::ColorImage, String>);

/// Presentation mode's state.
pub struct Presenting {
    pub deck: usize,
    pub slide: usize,
    started: Instant,
    zoom_before: f32,
    zoom_set: bool,
    wheel: WheelView,
    trends: TrendsView,
    /// Pictures of the slides that are not live, by slide, as they arrive.
    pictures: HashMap<usize, Result<egui::TextureHandle, String>>,
    drawing: Option<mpsc::Receiver<Drawn>>,
    /// The live chart of the slide shown: (slide, revision, chart).
    chart: Option<(usize, u64, Arc<Chart>)>,
    /// The revision the pictures were drawn from.
    revision: u64,
    /// The presenter view (current and next slide, notes, time) is shown.
    pub presenter: bool,
    /// Small pictures of whole slides for the presenter view, drawn when first needed.
    thumbs: HashMap<usize, Result<egui::TextureHandle, String>>,
    thumbs_asked: std::collections::HashSet<usize>,
    thumbs_drawing: Option<(mpsc::Sender<Drawn>, mpsc::Receiver<Drawn>)>,
}

/// The size of the presenter view's pictures of the slides.
const THUMB: (u32, u32) = (960, 540);

/// Rasterise `svg` to an egui image on another thread and send it, tagged `i`, to `tx`.
fn draw_on_thread(tx: mpsc::Sender<Drawn>, jobs: Vec<(usize, String, u32, u32)>) {
    std::thread::spawn(move || {
        for (i, svg, w, h) in jobs {
            let image = crate::export::png::render(&svg, w, h).map(|pm| {
                egui::ColorImage::from_rgba_premultiplied(
                    [pm.width() as usize, pm.height() as usize],
                    pm.data(),
                )
            });
            if tx.send((i, image)).is_err() {
                return;
            }
        }
    });
}

/// What a slide shows in presentation mode.
fn is_live(view: &SlideView) -> bool {
    matches!(view, SlideView::Chart { .. } | SlideView::Wheel { .. })
}

impl Presenting {
    /// Start at slide `slide` of presentation `deck`: full screen, type enlarged.
    pub fn start(ctx: &egui::Context, doc: &Document, deck: usize, slide: usize) -> Presenting {
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        let mut p = Presenting {
            deck,
            slide,
            started: Instant::now(),
            zoom_before: ctx.zoom_factor(),
            zoom_set: false,
            wheel: WheelView::default(),
            trends: TrendsView::default(),
            pictures: HashMap::new(),
            drawing: None,
            chart: None,
            revision: doc.revision(),
            presenter: false,
            thumbs: HashMap::new(),
            thumbs_asked: Default::default(),
            thumbs_drawing: None,
        };
        p.draw_pictures(doc);
        p
    }

    /// Leave: the window and the type as they were.
    pub fn stop(&self, ctx: &egui::Context) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        ctx.set_zoom_factor(self.zoom_before);
    }

    fn deck<'a>(&self, doc: &'a Document) -> Option<&'a Presentation> {
        doc.project().presentations.get(self.deck)
    }

    /// Draw every picture slide's body on another thread, the current slide first.
    fn draw_pictures(&mut self, doc: &Document) {
        let Some(deck) = self.deck(doc) else { return };
        let n = deck.slides.len();
        let order = (0..n).map(|k| (self.slide + k) % n);
        let jobs: Vec<(usize, String, u32, u32)> = order
            .filter(|&i| !is_live(&deck.slides[i].view))
            .map(|i| {
                let s = &deck.slides[i];
                if matches!(s.view, SlideView::Title { .. }) {
                    let svg = slide::slide_svg(doc.project(), deck, s, i + 1, n);
                    (i, svg, layout::WIDTH as u32, layout::HEIGHT as u32)
                } else {
                    let f = layout::frame(&slide::title(s));
                    let svg = slide::body_svg(doc.project(), s, f.body.w, f.body.h);
                    (i, svg, f.body.w as u32, f.body.h as u32)
                }
            })
            .collect();
        let (tx, rx) = mpsc::channel();
        draw_on_thread(tx, jobs);
        self.pictures.clear();
        self.drawing = Some(rx);
        self.revision = doc.revision();
        self.thumbs.clear();
        self.thumbs_asked.clear();
        self.thumbs_drawing = None;
    }

    /// Ask for the pictures of whole slides `wanted` that are not drawn or on their way.
    fn ask_thumbs(&mut self, doc: &Document, wanted: &[usize]) {
        let Some(deck) = self.deck(doc) else { return };
        let n = deck.slides.len();
        let jobs: Vec<(usize, String, u32, u32)> = wanted
            .iter()
            .filter(|&&i| i < n && !self.thumbs_asked.contains(&i))
            .map(|&i| {
                let svg = slide::slide_svg(doc.project(), deck, &deck.slides[i], i + 1, n);
                (i, svg, THUMB.0, THUMB.1)
            })
            .collect();
        if jobs.is_empty() {
            return;
        }
        self.thumbs_asked.extend(jobs.iter().map(|j| j.0));
        let (tx, _) = self.thumbs_drawing.get_or_insert_with(mpsc::channel);
        draw_on_thread(tx.clone(), jobs);
    }

    fn receive_thumbs(&mut self, ctx: &egui::Context) {
        let Some((_, rx)) = &self.thumbs_drawing else {
            return;
        };
        while let Ok((i, image)) = rx.try_recv() {
            let tex = image.map(|img| {
                ctx.load_texture(
                    format!("slide-thumb-{i}"),
                    img,
                    egui::TextureOptions::LINEAR,
                )
            });
            self.thumbs.insert(i, tex);
        }
        if self.thumbs_asked.len() > self.thumbs.len() {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
    }

    fn receive_pictures(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.drawing else { return };
        let mut any = false;
        while let Ok((i, image)) = rx.try_recv() {
            let tex = image.map(|img| {
                ctx.load_texture(format!("slide-{i}"), img, egui::TextureOptions::LINEAR)
            });
            self.pictures.insert(i, tex);
            any = true;
        }
        if !any {
            // Look again soon: a picture is on its way.
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
    }

    /// Move by the keys pressed; returns false when the user leaves.
    fn keys(&mut self, ctx: &egui::Context, n: usize) -> bool {
        let pressed = |keys: &[Key]| {
            ctx.input_mut(|i| {
                keys.iter()
                    .any(|&k| i.consume_key(egui::Modifiers::NONE, k))
            })
        };
        if pressed(&[Key::Escape]) {
            return false;
        }
        let last = n.saturating_sub(1);
        if pressed(&[
            Key::ArrowRight,
            Key::ArrowDown,
            Key::PageDown,
            Key::Space,
            Key::Enter,
        ]) {
            self.slide = (self.slide + 1).min(last);
        }
        if pressed(&[Key::ArrowLeft, Key::ArrowUp, Key::PageUp, Key::Backspace]) {
            self.slide = self.slide.saturating_sub(1);
        }
        if pressed(&[Key::Home]) {
            self.slide = 0;
        }
        if pressed(&[Key::End]) {
            self.slide = last;
        }
        if pressed(&[Key::P]) {
            self.presenter = !self.presenter;
        }
        true
    }

    /// Draw one frame into `ui` (the whole window). Returns false when the user leaves.
    pub fn frame(&mut self, ui: &mut Ui, doc: &Document) -> bool {
        let ctx = ui.ctx().clone();
        if !self.zoom_set {
            let h = ctx.content_rect().height() * ctx.zoom_factor();
            ctx.set_zoom_factor((h / LOGICAL_HEIGHT).clamp(1.0, 4.0));
            self.zoom_set = true;
        }
        let Some(deck) = self.deck(doc) else {
            return false;
        };
        let n = deck.slides.len();
        if n == 0 || !self.keys(&ctx, n) {
            return false;
        }
        self.slide = self.slide.min(n - 1);
        if doc.revision() != self.revision {
            self.draw_pictures(doc);
        }
        self.receive_pictures(&ctx);
        let screen = ui.max_rect();
        ui.painter().rect_filled(screen, 0.0, color(palette::PAPER));
        // The slide's 16:9, as large as the screen allows.
        let k =
            (screen.width() / layout::WIDTH as f32).min(screen.height() / layout::HEIGHT as f32);
        let rect = Rect::from_center_size(
            screen.center(),
            vec2(layout::WIDTH as f32, layout::HEIGHT as f32) * k,
        );
        self.slide_ui(ui, doc, rect);
        // The counter in the title band's corner, as on the exported slides, clear of the body.
        ui.painter().text(
            rect.right_top() + vec2(-12.0, 8.0),
            Align2::RIGHT_TOP,
            format!("{} / {n}", self.slide + 1),
            FontId::proportional(14.0),
            color(palette::INK_MUTED),
        );
        if self.presenter {
            self.presenter_view(&ctx, doc);
        }
        true
    }

    /// The slide shown, in `rect`.
    fn slide_ui(&mut self, ui: &mut Ui, doc: &Document, rect: Rect) {
        let Some(deck) = doc.project().presentations.get(self.deck) else {
            return;
        };
        let i = self.slide;
        let s = &deck.slides[i];
        let scale = rect.height() / layout::HEIGHT as f32;
        if matches!(s.view, SlideView::Title { .. }) {
            self.picture(ui, i, rect);
            return;
        }
        let f = layout::frame(&slide::title(s));
        let to_screen = |r: layout::Rect| {
            Rect::from_min_size(
                rect.min + vec2(r.x as f32, r.y as f32) * scale,
                vec2(r.w as f32, r.h as f32) * scale,
            )
        };
        let title_size = layout::TITLE_SIZE as f32 * scale;
        for (k, line) in f.title_lines.iter().enumerate() {
            let y = f.title.y as f32 * scale + title_size * (1.0 + 1.2 * k as f32);
            ui.painter().text(
                pos2(rect.min.x + f.title.x as f32 * scale, rect.min.y + y),
                Align2::LEFT_BOTTOM,
                line,
                FontId::proportional(title_size),
                color(palette::INK),
            );
        }
        let body = to_screen(f.body).shrink2(vec2(12.0, 4.0));
        match &s.view {
            SlideView::Chart { measure, .. } => {
                let rev = doc.revision();
                let fresh = self
                    .chart
                    .as_ref()
                    .is_some_and(|(k, r, _)| *k == i && *r == rev);
                if !fresh {
                    let c = views::slide_chart(doc.project(), &s.view);
                    self.chart = c.map(|c| (i, rev, Arc::new(c)));
                }
                let chart = self.chart.as_ref().map(|(_, _, c)| c.clone());
                let mut child = ui.new_child(egui::UiBuilder::new().max_rect(body));
                match chart {
                    Some(c) => self.trends.present_chart(&mut child, &c),
                    None => {
                        child.label(format!("Measure “{measure}” does not exist."));
                    }
                }
            }
            SlideView::Wheel {
                grouping,
                colour,
                focus,
                focus_sub,
                selected,
            } => {
                let state =
                    views::wheel_state(*grouping, *colour, focus.as_deref(), focus_sub.as_deref());
                let mut child = ui.new_child(egui::UiBuilder::new().max_rect(body));
                self.wheel.present(
                    &mut child,
                    doc,
                    &state,
                    selected.as_deref(),
                    WHEEL_TEXT_SCALE,
                );
            }
            _ => self.picture(ui, i, body),
        }
    }

    /// Slide `i`'s picture fitted into `rect`, or a word while it is drawn.
    fn picture(&self, ui: &mut Ui, i: usize, rect: Rect) {
        match self.pictures.get(&i) {
            Some(Ok(tex)) => {
                let size = tex.size_vec2();
                let k = (rect.width() / size.x).min(rect.height() / size.y);
                let r = Rect::from_center_size(rect.center(), size * k);
                ui.painter().image(
                    tex.id(),
                    r,
                    Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                    Color32::WHITE,
                );
                ui.allocate_rect(r, egui::Sense::hover()).widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Image, true, "Slide picture")
                });
            }
            Some(Err(e)) => {
                ui.painter().text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    format!("This slide could not be drawn: {e}"),
                    FontId::proportional(16.0),
                    color(palette::INK),
                );
            }
            None => {
                ui.painter().text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    "Drawing the slide…",
                    FontId::proportional(16.0),
                    color(palette::INK_MUTED),
                );
            }
        }
    }

    /// The presenter view: the current and next slides (pictures of the whole slides, with
    /// their titles), the notes and the time since presenting began, in a window of its own
    /// where the platform allows (else over the slide).
    fn presenter_view(&mut self, ctx: &egui::Context, doc: &Document) {
        let Some(deck) = doc.project().presentations.get(self.deck) else {
            return;
        };
        let (i, n) = (self.slide, deck.slides.len());
        self.ask_thumbs(doc, &[i, i + 1]);
        self.receive_thumbs(ctx);
        let Some(deck) = doc.project().presentations.get(self.deck) else {
            return;
        };
        let now = &deck.slides[i];
        let next = deck.slides.get(i + 1);
        let secs = self.started.elapsed().as_secs();
        let thumbs = &self.thumbs;
        let mut close = false;
        ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of("presenter-view"),
            egui::ViewportBuilder::default()
                .with_title("Presenter view")
                .with_inner_size([1040.0, 620.0]),
            |ui, _class| {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.heading(format!("Slide {} of {n}", i + 1));
                        ui.separator();
                        ui.heading(format!("Elapsed {:02}:{:02}", secs / 60, secs % 60));
                    });
                    ui.columns(2, |cols| {
                        cols[0].label(egui::RichText::new("Now").strong());
                        thumb(&mut cols[0], thumbs.get(&i), &slide::title(now));
                        cols[1].label(egui::RichText::new("Next").strong());
                        match next {
                            Some(s) => thumb(&mut cols[1], thumbs.get(&(i + 1)), &slide::title(s)),
                            None => {
                                cols[1].label("The end of the deck");
                            }
                        }
                    });
                    ui.separator();
                    ui.label(egui::RichText::new("Speaker notes").strong());
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        ui.label(
                            egui::RichText::new(if now.notes.trim().is_empty() {
                                "No speaker notes."
                            } else {
                                now.notes.as_str()
                            })
                            .size(18.0),
                        );
                    });
                    if ui.input(|inp| inp.viewport().close_requested()) {
                        close = true;
                    }
                });
            },
        );
        if close {
            self.presenter = false;
        }
        ctx.request_repaint_after(std::time::Duration::from_secs(1));
    }
}

/// A slide's picture in the presenter view, as wide as the column (the picture carries the
/// title; it is the picture's text for screen readers too).
fn thumb(ui: &mut Ui, picture: Option<&Result<egui::TextureHandle, String>>, title: &str) {
    let w = ui.available_width();
    let size = vec2(w, w * THUMB.1 as f32 / THUMB.0 as f32);
    match picture {
        Some(Ok(tex)) => {
            ui.add(egui::Image::new((tex.id(), size)).alt_text(title));
        }
        Some(Err(e)) => {
            ui.add_sized(size, egui::Label::new(format!("Could not be drawn: {e}")));
        }
        None => {
            ui.add_sized(size, egui::Label::new(format!("Drawing “{title}”…")));
        }
    }
}
