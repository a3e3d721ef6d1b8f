//! The wheel itself: painting the cached geometry (fills, patterns, labels, highlight),
//! hover, clicks, keyboard moves and the zoom animation.

use super::*;

impl WheelView {
    pub(super) fn wheel(&mut self, ui: &mut Ui, doc: &Document, ctx: &egui::Context) {
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
                let plan = self.plan(doc);
                animating = Some(wheel::build_from(p, &plan, &st, &opts, &wheel::Estimate));
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
            let plan = self.plan(doc);
            let opts = BuildOptions::new(radius);
            let geometry = wheel::build_from(p, &plan, &self.state, &opts, m.as_ref());
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
                hits: (String::new(), Vec::new()),
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
        let Some(mut cache) = self.cache.take() else {
            return;
        };
        if cache.hits.0 != self.search {
            cache.hits = (self.search.clone(), cache.geometry.search(&self.search));
        }
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
        let matches = &cache.hits.1;
        let ink = if dark {
            Color32::WHITE
        } else {
            color(palette::INK)
        };
        for &i in matches {
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
        // The keyboard cursor moves egui's focus between them, so AccessKit
        // announces the segment it lands on.
        let seg_id = |key: &str| ui.unique_id().with(("wheel-seg", key));
        let mut clicked: Option<usize> = None;
        let mut seg_focused = false;
        let mut tabbed_to: Option<usize> = None;
        // With many voices, those too thin to point at are left out, except the
        // voices of the selected outcome and of the keyboard cursor's outcome; zooming
        // in widens them, so the voices in view are always there.
        let many_voices = g.ring(Ring::Voice).len() > 400;
        let outcome_of = |i: usize| match g.segments[i].kind {
            SegmentKind::Outcome(o) | SegmentKind::Voice { outcome: o, .. } => Some(o),
            _ => None,
        };
        let near = [kb.and_then(outcome_of), selected.and_then(outcome_of)];
        for (i, s) in g.segments.iter().enumerate() {
            if let SegmentKind::Voice { outcome, .. } = s.kind
                && many_voices
                && (s.end - s.start) * (s.r0 + s.r1) / 2.0 < 3.0
                && !near.contains(&Some(outcome))
            {
                continue;
            }
            let a = to_pos(c, s.anchor());
            let r = ui.interact(
                Rect::from_center_size(a, Vec2::splat(6.0)),
                seg_id(&s.key),
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
            if r.gained_focus() && kb != Some(i) {
                // Reached with Tab: the arrow keys go on from here.
                tabbed_to = Some(i);
            }
            if r.clicked() {
                clicked = Some(i);
            }
            // Right-click (or the menu key) on the segment's own widget: its edit menu.
            if r.secondary_clicked() {
                self.menu_for = Some((Some(s.key.clone()), s.kind));
            }
            if let Some((Some(key), kind)) = &self.menu_for
                && *key == s.key
            {
                let kind = *kind;
                r.context_menu(|ui| self.edit_menu(ui, p, kind));
            }
        }
        // Right-click: what the segment shows can be edited, or an outcome added there.
        if resp.secondary_clicked()
            && let Some(pos) = resp.interact_pointer_pos()
            && let Some(Hit::Segment(i)) = g.hit_test(pos.x - c.x, pos.y - c.y)
        {
            self.menu_for = Some((None, g.segments[i].kind));
        }
        if let Some((None, kind)) = self.menu_for {
            resp.context_menu(|ui| self.edit_menu(ui, p, kind));
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
        let kb = match tabbed_to {
            Some(i) => {
                self.kb = Some(g.segments[i].key.clone());
                self.kb_visible = true;
                Some(i)
            }
            None => kb,
        };
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
                // Focus follows the cursor (and egui must not also move focus by
                // position with the same arrow key).
                let id = seg_id(&g.segments[next].key);
                ctx.memory_mut(|m| {
                    m.request_focus(id);
                    m.move_focus(egui::FocusDirection::None);
                });
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
}

pub(super) fn to_pos(c: Pos2, p: [f32; 2]) -> Pos2 {
    pos2(c.x + p[0], c.y + p[1])
}

pub(super) fn fill_mesh(g: &Geometry, c: Pos2) -> Mesh {
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
pub(super) fn pattern_shapes(s: &Segment, c: Pos2, out: &mut Vec<Shape>) {
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

pub(super) fn outline(s: &Segment, c: Pos2, stroke: Stroke) -> Shape {
    let pts: Vec<Pos2> = s.outline(0.03).into_iter().map(|p| to_pos(c, p)).collect();
    Shape::closed_line(pts, stroke)
}

/// Paint a label's cached galleys.
pub(super) fn paint_label(
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
