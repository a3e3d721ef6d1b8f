//! The Wheel view: the interactive outcomes wheel, its details panel and export.
//!
//! Geometry comes from [`crate::wheel`] and is cached on (revision, view state,
//! size, theme); the fill mesh and label galleys are cached with it, so an idle
//! frame only re-adds shapes. Each segment also gets a small widget with its name,
//! so screen readers (AccessKit) and tests can find and press segments.

use crate::document::Document;
use crate::format;
use crate::model::{Colour, Project};
use crate::palette;
use crate::status;
use crate::ui::nav::{Nav, NavRequest};
use crate::ui::theme::{self, color};
use crate::ui::widgets::rag_badge;
use crate::wheel::{
    self, BuildOptions, ColourMode, Focus, Geometry, Grouping, Hit, Pattern, Ring, Segment,
    SegmentKind, Step, TextMeasurer, ViewState, export::ExportOptions,
};
use egui::{
    Color32, FontId, Galley, Key, Mesh, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, Vec2, pos2,
    vec2,
};
use std::collections::HashMap;
use std::sync::Arc;

/// Character widths from the fonts egui draws with (falling back to the estimate).
struct EguiMeasurer {
    em: HashMap<char, f32>,
}

impl EguiMeasurer {
    fn new(ctx: &egui::Context, p: &Project) -> Self {
        let mut chars: std::collections::HashSet<char> =
            "…abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ✔✖?–"
                .chars()
                .collect();
        let mut add = |s: &str| chars.extend(s.chars());
        add(&p.programme.vision);
        add(&p.programme.title);
        p.priorities.iter().for_each(|x| add(&x.name));
        p.needs.iter().for_each(|x| add(&x.name));
        p.outcomes.iter().for_each(|x| add(&x.name));
        p.voices.iter().for_each(|x| add(&x.text));
        let font = FontId::proportional(100.0);
        let em = ctx.fonts_mut(|f| {
            chars
                .into_iter()
                .map(|c| {
                    let w = f.glyph_width(&font, c) / 100.0;
                    let w = if w > 0.0 { w } else { wheel::Estimate.em(c) };
                    (c, w * 1.03)
                })
                .collect()
        });
        EguiMeasurer { em }
    }
}

impl TextMeasurer for EguiMeasurer {
    fn em(&self, c: char) -> f32 {
        self.em
            .get(&c)
            .copied()
            .unwrap_or_else(|| wheel::Estimate.em(c))
    }
}

#[derive(Clone, PartialEq)]
struct CacheKey {
    revision: u64,
    state: ViewState,
    size: [i32; 2],
    centre: [i32; 2],
    dark: bool,
}

struct Cache {
    key: CacheKey,
    geometry: Geometry,
    mesh: Arc<Mesh>,
    /// Hatching and dots over the fills.
    patterns: Vec<Shape>,
    /// Galleys of every label line, per segment (empty when it has none).
    galleys: Vec<Vec<Arc<Galley>>>,
    centre_galleys: Vec<Arc<Galley>>,
}

struct Anim {
    from: (f32, f32),
    to: (f32, f32),
}

/// The export menu's choices.
struct ExportChoice {
    width: u32,
    height: u32,
}

/// The Wheel view's state.
pub struct WheelView {
    selected: Option<String>,
    state: ViewState,
    search: String,
    /// Key of the segment that has keyboard focus.
    kb: Option<String>,
    cache: Option<Cache>,
    measurer: Option<(u64, Arc<EguiMeasurer>)>,
    anim: Option<Anim>,
    export: ExportChoice,
    /// Show the keyboard focus ring (after an arrow key, until the mouse moves).
    kb_visible: bool,
}

impl Default for WheelView {
    fn default() -> Self {
        WheelView {
            selected: None,
            state: ViewState::default(),
            search: String::new(),
            kb: None,
            cache: None,
            measurer: None,
            anim: None,
            export: ExportChoice {
                width: 1920,
                height: 1080,
            },
            kb_visible: false,
        }
    }
}

const ANIM_SECS: f32 = 0.35;

fn to_pos(c: Pos2, p: [f32; 2]) -> Pos2 {
    pos2(c.x + p[0], c.y + p[1])
}

fn fill_mesh(g: &Geometry, c: Pos2) -> Mesh {
    let mut mesh = Mesh::default();
    for s in &g.segments {
        let span = s.end - s.start;
        let n = ((span / 0.025).ceil() as usize).max(1);
        let col = color(s.fill);
        let base = mesh.vertices.len() as u32;
        for i in 0..=n {
            let t = s.start + span * i as f32 / n as f32;
            let (sin, cos) = t.sin_cos();
            mesh.colored_vertex(pos2(c.x + s.r1 * sin, c.y - s.r1 * cos), col);
            mesh.colored_vertex(pos2(c.x + s.r0 * sin, c.y - s.r0 * cos), col);
        }
        for i in 0..n as u32 {
            let k = base + 2 * i;
            mesh.add_triangle(k, k + 1, k + 2);
            mesh.add_triangle(k + 1, k + 3, k + 2);
        }
    }
    mesh
}

/// Pattern lines and dots over a segment, so that status is not colour alone.
fn pattern_shapes(s: &Segment, c: Pos2, out: &mut Vec<Shape>) {
    let rm = (s.r0 + s.r1) / 2.0;
    let span = s.end - s.start;
    match s.pattern {
        Pattern::Solid => {}
        Pattern::Hatch => {
            // Slanted lines from the inner to the outer edge, every ~9 px along the middle.
            // Stripes that push the fill away from the text colour, so labels stay readable.
            let stroke = if s.text_colour.luminance() > 0.5 {
                Stroke::new(2.5, Color32::from_black_alpha(80))
            } else {
                Stroke::new(2.0, Color32::from_white_alpha(150))
            };
            let step = 9.0 / rm;
            let slant = (s.r1 - s.r0) * 0.6 / rm;
            let mut t = s.start - slant;
            while t < s.end {
                let clip = |u: f32| (t + slant * u).clamp(s.start, s.end);
                let (u0, u1) = (0.0f32, 1.0f32);
                let a = clip(u0);
                let b = clip(u1);
                if b > a {
                    // Radii at which the line enters and leaves the segment's angles.
                    let ra = s.r0 + (s.r1 - s.r0) * ((a - t) / slant).clamp(0.0, 1.0);
                    let rb = s.r0 + (s.r1 - s.r0) * ((b - t) / slant).clamp(0.0, 1.0);
                    out.push(Shape::line_segment(
                        [
                            to_pos(c, [ra * a.sin(), -ra * a.cos()]),
                            to_pos(c, [rb * b.sin(), -rb * b.cos()]),
                        ],
                        stroke,
                    ));
                }
                t += step;
            }
        }
        Pattern::Dots => {
            let col = Color32::from_black_alpha(70);
            let mut r = s.r0 + 5.0;
            let mut row = 0;
            while r < s.r1 - 3.0 {
                let step = 9.0 / r;
                let mut t = s.start + step * (0.5 + 0.5 * (row % 2) as f32);
                while t < s.end - step * 0.3 {
                    out.push(Shape::circle_filled(
                        to_pos(c, [r * t.sin(), -r * t.cos()]),
                        1.4,
                        col,
                    ));
                    t += step;
                }
                r += 8.0;
                row += 1;
            }
            let _ = span;
        }
    }
}

fn outline(s: &Segment, c: Pos2, stroke: Stroke) -> Shape {
    let pts: Vec<Pos2> = s.outline(0.03).into_iter().map(|p| to_pos(c, p)).collect();
    Shape::closed_line(pts, stroke)
}

/// Paint a label's cached galleys.
fn paint_label(
    painter: &egui::Painter,
    c: Pos2,
    l: &wheel::Label,
    galleys: &[Arc<Galley>],
    col: Color32,
) {
    let (sin, cos) = l.angle.sin_cos();
    let u = vec2(cos, sin);
    let v = vec2(-sin, cos);
    for (p, g) in l.line_centres().iter().zip(galleys) {
        let size = g.size();
        let tl = to_pos(c, *p) - u * (size.x / 2.0) - v * (size.y / 2.0);
        painter.add(egui::epaint::TextShape::new(tl, g.clone(), col).with_angle(l.angle));
    }
}

fn swatch(ui: &mut Ui, fill: Colour, pattern: Pattern) {
    let (rect, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
    let p = ui.painter();
    p.rect_filled(rect, 2.0, color(fill));
    match pattern {
        Pattern::Solid => {}
        Pattern::Hatch => {
            for k in 0..3 {
                let x = rect.left() + 2.0 + 6.0 * k as f32;
                p.line_segment(
                    [pos2(x, rect.bottom()), pos2(x + 6.0, rect.top())],
                    Stroke::new(2.0, Color32::from_white_alpha(170)),
                );
            }
        }
        Pattern::Dots => {
            for (dx, dy) in [
                (4.0, 4.0),
                (12.0, 4.0),
                (8.0, 8.0),
                (4.0, 12.0),
                (12.0, 12.0),
            ] {
                p.circle_filled(rect.min + vec2(dx, dy), 1.3, Color32::from_black_alpha(110));
            }
        }
    }
    p.rect_stroke(
        rect,
        2.0,
        Stroke::new(1.0, color(palette::INK_MUTED)),
        egui::StrokeKind::Inside,
    );
}

/// A tiny line chart of a measure's observations.
fn sparkline(ui: &mut Ui, values: &[f64]) {
    let (rect, _) = ui.allocate_exact_size(vec2(90.0, 22.0), Sense::hover());
    if values.len() < 2 {
        return;
    }
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let span = (hi - lo).max(1e-9);
    let n = values.len() - 1;
    let pts: Vec<Pos2> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            pos2(
                rect.left() + rect.width() * i as f32 / n as f32,
                rect.bottom() - 2.0 - (rect.height() - 4.0) * ((v - lo) / span) as f32,
            )
        })
        .collect();
    let col = ui.visuals().text_color();
    ui.painter()
        .add(Shape::line(pts.clone(), Stroke::new(1.5, col)));
    if let Some(last) = pts.last() {
        ui.painter().circle_filled(*last, 2.5, col);
    }
}

impl WheelView {
    /// Select an outcome (from another view).
    pub fn select_outcome(&mut self, id: &str) {
        self.selected = Some(id.to_string());
        self.kb = Some(format!("o:{id}"));
        // Zoom out if the outcome is outside the current zoom.
        self.state.focus = None;
        self.anim = None;
    }

    /// The outcome shown in the details panel, if any.
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// Names of the segments the search box currently highlights.
    pub fn search_matches(&self) -> Vec<String> {
        match &self.cache {
            Some(c) => c
                .geometry
                .search(&self.search)
                .into_iter()
                .map(|i| c.geometry.segments[i].name.clone())
                .collect(),
            None => Vec::new(),
        }
    }

    /// Write the wheel as shown (zoom, colour mode, selection) to `path` (.svg or .png).
    pub fn export_to(
        &self,
        p: &Project,
        path: &std::path::Path,
        width: u32,
        height: u32,
    ) -> Result<(), String> {
        let opts = ExportOptions {
            width,
            height,
            selected: self.selected.as_ref().map(|id| format!("o:{id}")),
        };
        wheel::export::write(p, &self.state, &opts, path)
    }

    /// The current view state (grouping, colour mode, zoom).
    pub fn state(&self) -> &ViewState {
        &self.state
    }

    fn set_focus(&mut self, p: &Project, focus: Option<Focus>, ctx: &egui::Context) {
        let from = match &self.anim {
            Some(a) => a.to,
            None => wheel::window_of(p, &self.state),
        };
        self.state.focus = focus;
        let to = wheel::window_of(p, &self.state);
        if ctx.global_style().animation_time > 0.0 && from != to {
            self.anim = Some(Anim { from, to });
            ctx.animate_value_with_time(egui::Id::unique("wheel-zoom"), 0.0, 0.0);
        } else {
            self.anim = None;
        }
    }

    /// Zoom out one level.
    fn zoom_out(&mut self, p: &Project, ctx: &egui::Context) -> bool {
        let next = match &self.state.focus {
            None => return false,
            Some(f) if f.sub.is_some() => Some(Focus {
                group: f.group.clone(),
                sub: None,
            }),
            Some(_) => None,
        };
        self.set_focus(p, next, ctx);
        true
    }

    /// What clicking (or pressing Enter on) a segment does.
    fn activate(&mut self, p: &Project, seg: &Segment, ctx: &egui::Context) {
        let focus = self.state.focus.clone();
        let full = seg.end - seg.start >= std::f32::consts::TAU - 1e-3;
        self.kb = Some(seg.key.clone());
        match seg.kind {
            SegmentKind::Priority(i) | SegmentKind::Need(i) => {
                let id = match seg.kind {
                    SegmentKind::Priority(_) => p.priorities[i].id.clone(),
                    _ => p.needs[i].id.clone(),
                };
                if full && focus.is_some() {
                    self.set_focus(p, None, ctx);
                } else {
                    self.set_focus(
                        p,
                        Some(Focus {
                            group: id,
                            sub: None,
                        }),
                        ctx,
                    );
                }
            }
            SegmentKind::Pair { priority, need } => {
                let (group, sub) = match self.state.grouping {
                    Grouping::PriorityThenNeed => (&p.priorities[priority].id, &p.needs[need].id),
                    Grouping::NeedThenPriority => (&p.needs[need].id, &p.priorities[priority].id),
                };
                if full && focus.as_ref().is_some_and(|f| f.sub.is_some()) {
                    self.zoom_out(p, ctx);
                } else {
                    self.set_focus(
                        p,
                        Some(Focus {
                            group: group.clone(),
                            sub: Some(sub.clone()),
                        }),
                        ctx,
                    );
                }
            }
            SegmentKind::Outcome(i) | SegmentKind::Voice { outcome: i, .. } => {
                self.selected = Some(p.outcomes[i].id.clone());
            }
        }
    }

    fn measurer(&mut self, ctx: &egui::Context, doc: &Document) -> Arc<EguiMeasurer> {
        match &self.measurer {
            Some((rev, m)) if *rev == doc.revision() => m.clone(),
            _ => {
                let m = Arc::new(EguiMeasurer::new(ctx, doc.project()));
                self.measurer = Some((doc.revision(), m.clone()));
                m
            }
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, doc: &mut Document, nav: &mut Nav) {
        let ctx = ui.ctx().clone();
        // Drop a selection or zoom that no longer exists (after undo, or a new file).
        if let Some(id) = &self.selected
            && doc.project().outcome(id).is_none()
        {
            self.selected = None;
        }
        if let Some(f) = &self.state.focus
            && doc.project().priority(&f.group).is_none()
            && doc.project().need(&f.group).is_none()
        {
            self.state.focus = None;
            self.anim = None;
        }

        self.toolbar(ui, doc, nav);

        if let Some(id) = self.selected.clone() {
            egui::Panel::right("wheel-details")
                .resizable(true)
                .default_size(380.0)
                .size_range(280.0..=(ui.available_width() * 0.5).max(300.0))
                .show(ui, |ui| self.details(ui, doc.project(), &id, nav));
        }

        self.wheel(ui, doc, &ctx);
    }

    fn toolbar(&mut self, ui: &mut Ui, doc: &Document, nav: &mut Nav) {
        let p = doc.project();
        let ctx = ui.ctx().clone();
        ui.horizontal_wrapped(|ui| {
            // Breadcrumb.
            if let Some(f) = self.state.focus.clone() {
                if ui.link("Whole wheel").clicked() {
                    self.set_focus(p, None, &ctx);
                }
                let gname = p
                    .priority(&f.group)
                    .map(|x| x.name.clone())
                    .or_else(|| p.need(&f.group).map(|x| x.name.clone()))
                    .unwrap_or_default();
                ui.label("›");
                if let Some(sub) = &f.sub {
                    if ui.link(&gname).clicked() {
                        self.set_focus(
                            p,
                            Some(Focus {
                                group: f.group.clone(),
                                sub: None,
                            }),
                            &ctx,
                        );
                    }
                    ui.label("›");
                    let sname = p
                        .priority(sub)
                        .map(|x| x.name.clone())
                        .or_else(|| p.need(sub).map(|x| x.name.clone()))
                        .unwrap_or_default();
                    ui.label(RichText::new(sname).strong());
                } else {
                    ui.label(RichText::new(gname).strong());
                }
                ui.separator();
            }
            ui.label("Inner ring:");
            for g in [Grouping::PriorityThenNeed, Grouping::NeedThenPriority] {
                if ui
                    .selectable_label(self.state.grouping == g, g.label())
                    .clicked()
                    && self.state.grouping != g
                {
                    self.state.grouping = g;
                    self.state.focus = None;
                    self.anim = None;
                }
            }
            ui.separator();
            let colour_label = ui.label("Colour by:");
            egui::ComboBox::from_id_salt("wheel-colour")
                .selected_text(self.state.colour.label())
                .show_ui(ui, |ui| {
                    for m in ColourMode::ALL {
                        ui.selectable_value(&mut self.state.colour, m, m.label());
                    }
                })
                .response
                .labelled_by(colour_label.id);
            ui.separator();
            let search_label = ui.label("Search:");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("name or words")
                    .desired_width(160.0),
            )
            .labelled_by(search_label.id);
            ui.separator();
            ui.menu_button("Export…", |ui| self.export_menu(ui, p, nav));
        });
    }

    fn export_menu(&mut self, ui: &mut Ui, p: &Project, nav: &mut Nav) {
        ui.label(RichText::new("Size").strong());
        for (name, w, h) in wheel::export::PRESETS {
            let on = self.export.width == w && self.export.height == h;
            if ui.radio(on, name).clicked() {
                self.export.width = w;
                self.export.height = h;
            }
        }
        ui.horizontal(|ui| {
            let l = ui.label("Width");
            ui.add(egui::DragValue::new(&mut self.export.width).range(200..=8000))
                .labelled_by(l.id);
            let l = ui.label("Height");
            ui.add(egui::DragValue::new(&mut self.export.height).range(200..=8000))
                .labelled_by(l.id);
        });
        ui.label(
            RichText::new("The picture shows the wheel as it is now: zoom, colours and selection.")
                .small()
                .color(theme::muted(ui)),
        );
        for (label, ext) in [("Save as PNG…", "png"), ("Save as SVG…", "svg")] {
            if ui.button(label).clicked() {
                ui.close();
                let name = format!("outcomes-wheel.{ext}");
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter(ext.to_uppercase(), &[ext])
                    .set_file_name(name)
                    .save_file()
                {
                    let path = if crate::export::ImageFormat::from_path(&path).is_none() {
                        path.with_extension(ext)
                    } else {
                        path
                    };
                    match self.export_to(p, &path, self.export.width, self.export.height) {
                        Ok(()) => nav.status = Some(format!("Exported {}", path.display())),
                        Err(e) => nav.error = Some(format!("Could not export the wheel: {e}")),
                    }
                }
            }
        }
    }

    fn legend(&self, ui: &mut Ui, g: &Geometry) {
        ui.label(RichText::new(&g.legend_title).small().strong());
        for e in &g.legend {
            ui.horizontal(|ui| {
                swatch(ui, e.colour, e.pattern);
                let text = if e.marker.is_empty() {
                    e.label.clone()
                } else {
                    format!("{} {}", e.marker, e.label)
                };
                ui.label(RichText::new(text).small());
            });
        }
        ui.label(
            RichText::new(
                "Rings from the centre: vision, inner group, groups, outcomes, residents' voices",
            )
            .small()
            .color(theme::muted(ui)),
        );
    }

    fn wheel(&mut self, ui: &mut Ui, doc: &Document, ctx: &egui::Context) {
        let p = doc.project();
        let avail = ui.available_size();
        let (rect, resp) = ui.allocate_exact_size(avail.max(vec2(100.0, 100.0)), Sense::click());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Outcomes wheel"));
        if p.priorities.is_empty() || p.outcomes.is_empty() {
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Add priorities, areas of need and outcomes to see the wheel.",
                FontId::proportional(18.0),
                theme::muted(ui),
            );
            return;
        }
        // Leave room for the legend on the left on wide areas.
        // The legend gets its own column so it never covers the wheel.
        let legend_w = if rect.width() > rect.height() + 260.0 {
            250.0
        } else if rect.width() >= 520.0 {
            210.0
        } else {
            0.0
        };
        let wheel_rect = Rect::from_min_max(rect.min + vec2(legend_w, 0.0), rect.max);
        let radius = (wheel_rect.width().min(wheel_rect.height()) / 2.0 - 8.0).max(40.0);
        let c = wheel_rect.center();
        let dark = ui.visuals().dark_mode;

        // Zoom animation: a cheap geometry without labels, rebuilt each frame.
        let mut animating: Option<Geometry> = None;
        if let Some(a) = &self.anim {
            let t = ctx.animate_value_with_time(egui::Id::unique("wheel-zoom"), 1.0, ANIM_SECS);
            if t >= 1.0 {
                self.anim = None;
            } else {
                let e = t * t * (3.0 - 2.0 * t);
                let w = (
                    a.from.0 + (a.to.0 - a.from.0) * e,
                    a.from.1 + (a.to.1 - a.from.1) * e,
                );
                let st = ViewState {
                    focus: None,
                    ..self.state.clone()
                };
                let opts = BuildOptions {
                    labels: false,
                    window: Some(w),
                    ..BuildOptions::new(radius)
                };
                animating = Some(wheel::build(p, &st, &opts, &wheel::Estimate));
                ctx.request_repaint();
            }
        }

        let key = CacheKey {
            revision: doc.revision(),
            state: self.state.clone(),
            size: [radius.round() as i32, 0],
            centre: [c.x.round() as i32, c.y.round() as i32],
            dark,
        };
        if animating.is_none() && self.cache.as_ref().is_none_or(|k| k.key != key) {
            let m = self.measurer(ctx, doc);
            let geometry = wheel::build(p, &self.state, &BuildOptions::new(radius), m.as_ref());
            let mesh = Arc::new(fill_mesh(&geometry, c));
            let mut patterns = Vec::new();
            for s in &geometry.segments {
                pattern_shapes(s, c, &mut patterns);
            }
            let painter = ui.painter();
            let galleys = geometry
                .segments
                .iter()
                .map(|s| match &s.label {
                    Some(l) => l
                        .lines
                        .iter()
                        .map(|t| {
                            painter.layout_no_wrap(
                                t.clone(),
                                FontId::proportional(l.size),
                                color(s.text_colour),
                            )
                        })
                        .collect(),
                    None => Vec::new(),
                })
                .collect();
            let centre_galleys = geometry
                .centre_label
                .as_ref()
                .map(|l| {
                    l.lines
                        .iter()
                        .map(|t| {
                            painter.layout_no_wrap(
                                t.clone(),
                                FontId::proportional(l.size),
                                ui.visuals().text_color(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            self.cache = Some(Cache {
                key,
                geometry,
                mesh,
                patterns,
                galleys,
                centre_galleys,
            });
        }

        let painter = ui.painter_at(rect);
        let bg = ui.visuals().panel_fill;
        if let Some(g) = &animating {
            painter.add(Shape::Mesh(Arc::new(fill_mesh(g, c))));
            for r in &g.radii[1..] {
                painter.circle_stroke(c, *r, Stroke::new(1.5, bg));
            }
            painter.circle_filled(c, g.radii[1], bg);
            return;
        }
        let Some(cache) = self.cache.take() else {
            return;
        };
        let g = &cache.geometry;

        // Fills, patterns, separators.
        painter.add(Shape::Mesh(cache.mesh.clone()));
        painter.extend(cache.patterns.iter().cloned());
        let sep = Stroke::new(1.5, bg);
        for s in &g.segments {
            if s.end - s.start < std::f32::consts::TAU - 1e-3 {
                let (sin, cos) = s.start.sin_cos();
                painter.line_segment(
                    [
                        pos2(c.x + s.r0 * sin, c.y - s.r0 * cos),
                        pos2(c.x + s.r1 * sin, c.y - s.r1 * cos),
                    ],
                    sep,
                );
            }
        }
        for ring in Ring::SEGMENTED {
            if !g.ring(ring).is_empty() {
                painter.circle_stroke(c, g.radii[ring.index() + 1], sep);
            }
        }
        painter.circle_filled(c, g.radii[1], bg);
        painter.circle_stroke(c, g.radii[1], Stroke::new(1.5, color(palette::GRID)));

        // Hover: hit-test the geometry.
        let pointer = ui
            .input(|i| i.pointer.hover_pos())
            .filter(|pos| rect.contains(*pos) && ctx.layer_id_at(*pos) == Some(ui.layer_id()));
        let hovered = pointer.and_then(|pos| g.hit_test(pos.x - c.x, pos.y - c.y));

        // Search highlights.
        let matches = g.search(&self.search);
        let ink = if dark {
            Color32::WHITE
        } else {
            color(palette::INK)
        };
        for &i in &matches {
            painter.add(outline(&g.segments[i], c, Stroke::new(3.0, ink)));
        }
        // Selection and hover: the segment and its path to the centre.
        let selected = self.selected.as_ref().and_then(|id| g.find_outcome(id));
        if let Some(i) = selected {
            let mut at = Some(i);
            while let Some(k) = at {
                painter.add(outline(&g.segments[k], c, Stroke::new(3.0, ink)));
                at = g.segments[k].parent;
            }
        }
        if let Some(Hit::Segment(i)) = hovered {
            let mut at = Some(i);
            while let Some(k) = at {
                painter.add(outline(
                    &g.segments[k],
                    c,
                    Stroke::new(2.0, ink.gamma_multiply(0.8)),
                ));
                at = g.segments[k].parent;
            }
        }
        let kb = self.kb.as_ref().and_then(|k| g.find_key(k));
        if let Some(i) = kb
            && self.kb_visible
        {
            painter.add(outline(
                &g.segments[i],
                c,
                Stroke::new(3.0, ui.visuals().selection.stroke.color),
            ));
        }

        // Labels.
        for (s, gal) in g.segments.iter().zip(&cache.galleys) {
            if let Some(l) = &s.label {
                paint_label(&painter, c, l, gal, color(s.text_colour));
            }
        }
        if let Some(l) = &g.centre_label {
            paint_label(
                &painter,
                c,
                l,
                &cache.centre_galleys,
                ui.visuals().text_color(),
            );
        }

        // One small named widget per segment (screen readers, keyboard, tests).
        let mut clicked: Option<usize> = None;
        let mut seg_focused = false;
        let with_voices = g.ring(Ring::Voice).len() <= 400;
        for (i, s) in g.segments.iter().enumerate() {
            if s.ring == Ring::Voice && !with_voices {
                continue;
            }
            let a = to_pos(c, s.anchor());
            let r = ui.interact(
                Rect::from_center_size(a, Vec2::splat(6.0)),
                ui.unique_id().with(("wheel-seg", &s.key)),
                Sense::click(),
            );
            // Named only when asked (AccessKit on), so idle frames allocate nothing.
            r.widget_info(|| {
                let name = match s.kind {
                    SegmentKind::Pair { .. } => g.path(i).join(" › "),
                    SegmentKind::Voice { outcome, .. } => {
                        format!("{} (resident voice, {})", s.name, p.outcomes[outcome].name)
                    }
                    _ => s.name.clone(),
                };
                egui::WidgetInfo::labeled(egui::Role::Button, true, name)
            });
            seg_focused |= r.has_focus();
            if r.clicked() {
                clicked = Some(i);
            }
        }
        if clicked.is_none()
            && resp.clicked()
            && let Some(pos) = resp.interact_pointer_pos()
        {
            match g.hit_test(pos.x - c.x, pos.y - c.y) {
                Some(Hit::Segment(i)) => clicked = Some(i),
                Some(Hit::Vision) => {
                    self.zoom_out(p, ctx);
                }
                None => {}
            }
        }

        // Keyboard.
        let mut activate_kb = false;
        // Keys belong to the wheel unless another widget (a text box, a menu) has focus.
        let keys_ours = ctx.memory(|m| m.focused()).is_none() || seg_focused || resp.has_focus();
        if keys_ours && !ctx.text_edit_focused() {
            let (l, r, u, d, enter, esc) = ui.input_mut(|i| {
                let mut k = |key| i.consume_key(egui::Modifiers::NONE, key);
                (
                    k(Key::ArrowLeft),
                    k(Key::ArrowRight),
                    k(Key::ArrowUp),
                    k(Key::ArrowDown),
                    k(Key::Enter),
                    k(Key::Escape),
                )
            });
            let step = if l {
                Some(Step::Prev)
            } else if r {
                Some(Step::Next)
            } else if u {
                Some(Step::Out)
            } else if d {
                Some(Step::In)
            } else {
                None
            };
            if let Some(step) = step {
                self.kb_visible = true;
                let next = match kb {
                    Some(i) => g.neighbour(i, step).unwrap_or(i),
                    None => selected.unwrap_or(g.rings[1].start),
                };
                self.kb = Some(g.segments[next].key.clone());
                ctx.request_repaint();
            }
            if enter && kb.is_some() {
                activate_kb = true;
            }
            if esc && !self.zoom_out(p, ctx) {
                self.selected = None;
            }
        }
        if pointer.is_some() && ui.input(|i| i.pointer.is_moving()) {
            self.kb_visible = false;
        }

        // Tooltip.
        if let Some(hit) = hovered
            && self.anim.is_none()
        {
            let text = match hit {
                Hit::Vision => {
                    let mut t = g.centre_text.clone();
                    if self.state.focus.is_some() {
                        t.push_str("\n\nClick to zoom out");
                    }
                    t
                }
                Hit::Segment(i) => {
                    let s = &g.segments[i];
                    let path = g.path(i);
                    let mut t = s.name.clone();
                    if path.len() > 1 {
                        t.push_str(&format!("\n{}", path[..path.len() - 1].join(" › ")));
                    }
                    if !s.status_line.is_empty() {
                        t.push_str(&format!("\n{}", s.status_line));
                    }
                    match s.ring {
                        Ring::Group | Ring::Subgroup => t.push_str("\nClick to zoom in"),
                        _ => t.push_str("\nClick for details"),
                    }
                    t
                }
            };
            resp.clone().on_hover_ui_at_pointer(|ui| {
                ui.set_max_width(360.0);
                ui.label(text);
            });
        }

        // Legend in the top-left corner.
        let legend_rect = Rect::from_min_size(
            rect.min + vec2(4.0, 4.0),
            vec2(
                if legend_w > 0.0 {
                    legend_w - 8.0
                } else {
                    230.0
                },
                rect.height() - 8.0,
            ),
        );
        if legend_w > 0.0 {
            ui.scope_builder(egui::UiBuilder::new().max_rect(legend_rect), |ui| {
                self.legend(ui, g);
            });
        }

        let to_activate = clicked.or(if activate_kb { kb } else { None });
        let seg = to_activate.map(|i| g.segments[i].clone());
        self.cache = Some(cache);
        if let Some(seg) = seg {
            self.activate(p, &seg, ctx);
            ctx.request_repaint();
        }
    }

    fn details(&mut self, ui: &mut Ui, p: &Project, id: &str, nav: &mut Nav) {
        let Some(o) = p.outcome(id) else {
            return;
        };
        ui.horizontal(|ui| {
            ui.label(RichText::new("Outcome").small().color(theme::muted(ui)));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Close").clicked() {
                    self.selected = None;
                }
            });
        });
        ui.label(RichText::new(&o.name).heading());
        let prio = p
            .priority(&o.priority)
            .map(|x| x.name.as_str())
            .unwrap_or("—");
        let need = p.need(&o.need).map(|x| x.name.as_str()).unwrap_or("—");
        ui.label(RichText::new(format!("{prio} › {need}")).color(theme::muted(ui)));
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                if !o.description.is_empty() {
                    ui.label(&o.description);
                    ui.add_space(6.0);
                }
                ui.label(RichText::new("What residents said").strong());
                if o.voices.is_empty() {
                    ui.label(
                        RichText::new("No resident-voice statements linked yet.")
                            .color(theme::muted(ui)),
                    );
                }
                for v in o.voices.iter().filter_map(|v| p.voice(v)) {
                    ui.label(RichText::new(format!("“{}”", v.text)).italics());
                }
                ui.add_space(6.0);
                ui.label(RichText::new("Measures").strong());
                if o.measures.is_empty() {
                    ui.label(
                        RichText::new("No measures track this outcome yet.")
                            .color(theme::muted(ui)),
                    );
                }
                for m in o.measures.iter().filter_map(|m| p.measure(m)) {
                    let a = status::assess(m);
                    // Cards as wide as the panel, their text wrapped inside it: wider content
                    // would push the panel past its edge.
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(RichText::new(&m.name).strong());
                        // In date order, whatever order the file lists them in.
                        let mut dated: Vec<&crate::model::Observation> = m
                            .observations
                            .iter()
                            .filter(|o| o.value.is_finite())
                            .collect();
                        dated.sort_by(|x, y| {
                            x.period.decimal_year().total_cmp(&y.period.decimal_year())
                        });
                        ui.horizontal(|ui| {
                            let values: Vec<f64> = dated.iter().map(|o| o.value).collect();
                            sparkline(ui, &values);
                            ui.vertical(|ui| {
                                match dated.last() {
                                    Some(last) => {
                                        let kind = match last.status {
                                            crate::model::ValueStatus::Measured => "",
                                            crate::model::ValueStatus::Provisional => {
                                                ", provisional"
                                            }
                                            crate::model::ValueStatus::Estimated => ", estimated",
                                            crate::model::ValueStatus::Illustrative => {
                                                ", illustrative"
                                            }
                                        };
                                        ui.label(format!(
                                            "Latest: {} ({}{kind})",
                                            format::value(last.value, &m.unit),
                                            last.period.label()
                                        ))
                                    }
                                    None => ui.label("No values yet"),
                                };
                                if let Some(t) = m.targets.iter().max_by_key(|t| t.year) {
                                    ui.label(format!(
                                        "Target: {} by {}",
                                        format::value(t.value, &m.unit),
                                        t.year
                                    ));
                                }
                            });
                        });
                        ui.label(RichText::new(a.badge()).strong());
                        ui.label(RichText::new(&a.summary).color(theme::muted(ui)));
                        if ui
                            .add(
                                egui::Button::new(format!("Open chart: {}", m.name))
                                    .wrap_mode(egui::TextWrapMode::Wrap),
                            )
                            .clicked()
                        {
                            nav.go(NavRequest::OpenMeasure(m.id.clone()));
                        }
                    });
                }
                ui.add_space(6.0);
                ui.label(RichText::new("Actions").strong());
                let mut any = false;
                for plan in &p.action_plans {
                    for a in plan
                        .actions
                        .iter()
                        .filter(|a| a.outcomes.iter().any(|x| x == id))
                    {
                        any = true;
                        ui.horizontal_wrapped(|ui| {
                            rag_badge(ui, a.rag);
                            ui.label(RichText::new(&a.reference).strong());
                            ui.label(&a.title);
                        });
                        ui.horizontal_wrapped(|ui| {
                            if !a.owner.is_empty() {
                                ui.label(
                                    RichText::new(format!("Owner: {}", a.owner))
                                        .color(theme::muted(ui)),
                                );
                            }
                            if ui
                                .add(
                                    egui::Button::new(
                                        RichText::new(format!(
                                            "Open action {} in {}",
                                            a.reference, plan.title
                                        ))
                                        .small(),
                                    )
                                    .wrap_mode(egui::TextWrapMode::Wrap),
                                )
                                .clicked()
                            {
                                nav.go(NavRequest::OpenAction {
                                    plan: plan.id.clone(),
                                    reference: a.reference.clone(),
                                });
                            }
                        });
                    }
                }
                if !any {
                    ui.label(RichText::new("No actions linked yet.").color(theme::muted(ui)));
                }
                ui.add_space(6.0);
                ui.label(RichText::new("Partner pledges").strong());
                let pledges: Vec<_> = p
                    .pledges
                    .iter()
                    .filter(|pl| pl.outcomes.iter().any(|x| x == id))
                    .collect();
                if pledges.is_empty() {
                    ui.label(RichText::new("No pledges yet.").color(theme::muted(ui)));
                }
                for pl in pledges {
                    ui.label(format!("{}: {}", pl.partner, pl.commitment));
                }
            });
    }
}
