//! The wheel in the window, frame by frame: where it goes, the zoom animation, then the
//! cached layout painted, its segments' widgets, the keys, the tooltip and the legend.

use super::*;

/// Where the wheel goes in the space it is given.
pub(super) struct Frame {
    /// The whole area, legend included.
    pub rect: Rect,
    /// The area's response (clicks on the wheel, focus).
    pub response: egui::Response,
    /// Width of the legend's column on the left (0 for none).
    pub legend_w: f32,
    pub radius: f32,
    pub centre: Pos2,
}

impl Frame {
    /// Take the space left in `ui`; None (after saying why) when the project has nothing
    /// to draw.
    fn allocate(ui: &mut Ui, p: &Project) -> Option<Frame> {
        let avail = ui.available_size();
        let (rect, response) =
            ui.allocate_exact_size(avail.max(vec2(100.0, 100.0)), Sense::click());
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Outcomes wheel"));
        if p.priorities.is_empty() || p.outcomes.is_empty() {
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Add priorities, areas of need and outcomes to see the wheel.",
                FontId::proportional(18.0),
                theme::muted(ui),
            );
            return None;
        }
        // The legend gets its own column on the left, so it never covers the wheel.
        let legend_w = if rect.width() > rect.height() + 260.0 {
            250.0
        } else if rect.width() >= 520.0 {
            210.0
        } else {
            0.0
        };
        let wheel_rect = Rect::from_min_max(rect.min + vec2(legend_w, 0.0), rect.max);
        Some(Frame {
            rect,
            response,
            legend_w,
            radius: (wheel_rect.width().min(wheel_rect.height()) / 2.0 - 8.0).max(40.0),
            centre: wheel_rect.center(),
        })
    }

    /// The legend's column.
    fn legend_rect(&self) -> Rect {
        Rect::from_min_size(
            self.rect.min + vec2(4.0, 4.0),
            vec2(self.legend_w - 8.0, self.rect.height() - 8.0),
        )
    }
}

impl WheelView {
    pub(super) fn wheel(&mut self, ui: &mut Ui, doc: &Document, ctx: &egui::Context) {
        let p = doc.project();
        let Some(frame) = Frame::allocate(ui, p) else {
            return;
        };
        if self.animate_zoom(ui, doc, &frame) {
            return;
        }
        self.refresh_cache(ui, doc, &frame);
        let Some(mut cache) = self.cache.take() else {
            return;
        };
        let c = frame.centre;
        let pointer = ui.input(|i| i.pointer.hover_pos()).filter(|pos| {
            frame.rect.contains(*pos) && ctx.layer_id_at(*pos) == Some(ui.layer_id())
        });
        let hovered = pointer.and_then(|pos| cache.geometry.hit_test(pos.x - c.x, pos.y - c.y));
        let selected = self
            .selected
            .as_ref()
            .and_then(|id| cache.geometry.find_outcome(id));
        let kb = self.kb.as_ref().and_then(|k| cache.geometry.find_key(k));

        let matches = cache.hits(&self.search).to_vec();
        let highlights = paint::Highlights {
            matches: &matches,
            selected,
            hovered: match hovered {
                Some(Hit::Segment(i)) => Some(i),
                _ => None,
            },
            cursor: kb.filter(|_| self.kb_visible),
        };
        paint::wheel(ui, &ui.painter_at(frame.rect), &cache, c, &highlights);

        let g = &cache.geometry;
        let menu_key = self.menu_for.as_ref().and_then(|(k, _)| k.as_ref());
        let input = interact::segment_widgets(ui, p, g, c, (kb, selected), menu_key);
        self.edit_menus(p, g, &frame, &input);
        let mut clicked = input.clicked;
        if clicked.is_none()
            && frame.response.clicked()
            && let Some(pos) = frame.response.interact_pointer_pos()
        {
            match g.hit_test(pos.x - c.x, pos.y - c.y) {
                Some(Hit::Segment(i)) => clicked = Some(i),
                Some(Hit::Vision) => {
                    self.zoom_out(p, ctx);
                }
                None => {}
            }
        }

        let kb = match input.tabbed_to {
            Some(i) => {
                self.kb = Some(g.segments[i].key.clone());
                self.kb_visible = true;
                Some(i)
            }
            None => kb,
        };
        let has_focus = input.focused || frame.response.has_focus();
        let entered = self.keyboard(ui, p, g, kb, has_focus);
        if pointer.is_some() && ui.input(|i| i.pointer.is_moving()) {
            self.kb_visible = false;
        }

        if let Some(hit) = hovered
            && self.anim.is_none()
        {
            // The segment's own widget takes the hover at its centre (the middle of its
            // label): the tooltip goes with whichever has it.
            let host = input.hovered.unwrap_or_else(|| frame.response.clone());
            tooltip::show(host, tooltip::text(g, hit, self.state.focus.is_some()));
        }
        let hints = wheel::view::hints(g);
        if frame.legend_w > 0.0 {
            ui.scope_builder(egui::UiBuilder::new().max_rect(frame.legend_rect()), |ui| {
                legend::show(ui, &cache.legend, &hints);
            });
        } else if !hints.is_empty() {
            ui.painter().text(
                frame.rect.left_bottom() + vec2(6.0, -6.0),
                egui::Align2::LEFT_BOTTOM,
                hints.join("\n"),
                FontId::proportional(12.0),
                ui.visuals().text_color(),
            );
        }

        let seg = clicked.or(entered).map(|i| g.segments[i].clone());
        self.cache = Some(cache);
        if let Some(seg) = seg {
            self.activate(p, &seg, ctx);
            ctx.request_repaint();
        }
    }

    /// While a zoom animates, paint a cheap frame of it (fills only, laid out afresh each
    /// frame) and say so.
    fn animate_zoom(&mut self, ui: &Ui, doc: &Document, frame: &Frame) -> bool {
        let Some(a) = &self.anim else {
            return false;
        };
        let ctx = ui.ctx();
        let t = ctx.animate_value_with_time(egui::Id::unique("wheel-zoom"), 1.0, ANIM_SECS);
        if t >= 1.0 {
            self.anim = None;
            return false;
        }
        let e = t * t * (3.0 - 2.0 * t);
        let window = (
            a.from.0 + (a.to.0 - a.from.0) * e,
            a.from.1 + (a.to.1 - a.from.1) * e,
        );
        let state = ViewState {
            focus: None,
            ..self.state.clone()
        };
        let opts = BuildOptions {
            labels: false,
            window: Some(window),
            ..BuildOptions::new(frame.radius)
        };
        let plan = self.plan(doc);
        let g = wheel::build_from(doc.project(), &plan, &state, &opts, &wheel::Estimate);
        paint::animation_frame(ui, &ui.painter_at(frame.rect), &g, frame.centre);
        ctx.request_repaint();
        true
    }
}
