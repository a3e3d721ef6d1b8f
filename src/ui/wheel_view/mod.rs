//! The Wheel view: the interactive outcomes wheel, its details panel and export.
//!
//! Geometry comes from [`crate::wheel`] and is cached on (revision, view state,
//! size, theme); the fill mesh and label galleys are cached with it, so an idle
//! frame only re-adds shapes. Each segment also gets a small widget with its name,
//! so screen readers (AccessKit) and tests can find and press segments; the arrow
//! keys move egui's focus between these widgets, so the segment reached is announced.

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
    SegmentKey, SegmentKind, Step, ViewState, export::ExportOptions,
};
use egui::{
    Color32, FontId, Galley, Key, Mesh, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, Vec2, pos2,
    vec2,
};
use std::sync::Arc;

mod cache;
mod canvas;
mod details;
mod edit_menu;
mod interact;
mod keyboard;
mod legend;
mod measurer;
mod paint;
mod toolbar;
mod tooltip;

use cache::Cache;
use measurer::EguiMeasurer;

struct Anim {
    from: (f32, f32),
    to: (f32, f32),
}

/// The Wheel view's state.
#[derive(Default)]
pub struct WheelView {
    selected: Option<String>,
    state: ViewState,
    search: String,
    /// The segment that has keyboard focus.
    kb: Option<SegmentKey>,
    cache: Option<Cache>,
    measurer: Option<(u64, Arc<EguiMeasurer>)>,
    /// What the wheel shows, for the project revision it was made from.
    plan: Option<(u64, Arc<wheel::Plan>)>,
    anim: Option<Anim>,
    export: crate::ui::widgets::ExportSize,
    /// Show the keyboard focus ring (after an arrow key, until the mouse moves).
    kb_visible: bool,
    /// The segment the right-click menu is open for, and the key of the segment's own
    /// widget when it was opened there (None: opened on the wheel).
    menu_for: Option<(Option<SegmentKey>, SegmentKind)>,
    /// What the right-click menu asked to edit, handed to the app after the frame.
    edit_request: Option<NavRequest>,
    /// The labels' size against the window's (None: as the window's), for presenting.
    text_scale: Option<f32>,
}

const ANIM_SECS: f32 = 0.35;

impl WheelView {
    /// Select an outcome (from another view).
    pub fn select_outcome(&mut self, id: &str) {
        self.selected = Some(id.to_string());
        self.kb = Some(SegmentKey::Outcome(id.to_string()));
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
                .matches(&self.search)
                .iter()
                .map(|&i| c.geometry.segments[i].name.clone())
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
        wheel::export::write(p, &self.state, &self.export_options(width, height), path)
    }

    /// The wheel as shown, at the size chosen in the Export menu, for the clipboard.
    pub fn picture(&self, p: &Project) -> crate::ui::clipboard::Picture {
        let opts = self.export_options(self.export.width, self.export.height);
        crate::ui::clipboard::Picture {
            svg: wheel::export::svg(p, &self.state, &opts),
            width: opts.width.max(200),
            height: opts.height.max(200),
            what: "the wheel".into(),
        }
    }

    fn export_options(&self, width: u32, height: u32) -> ExportOptions {
        ExportOptions {
            width,
            height,
            selected: self.selected.clone().map(SegmentKey::Outcome),
        }
    }

    /// The current view state (grouping, colour mode, zoom).
    pub fn state(&self) -> &ViewState {
        &self.state
    }

    /// The wheel alone, as presentation mode shows a slide: `state` with `selected`
    /// outlined, live (hover and keys as in the view), without the toolbar or details.
    pub fn present(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        state: &ViewState,
        selected: Option<&str>,
        text_scale: f32,
    ) {
        self.text_scale = Some(text_scale);
        if self.state != *state {
            self.state = state.clone();
            self.anim = None;
        }
        self.selected = selected.map(str::to_string);
        let ctx = ui.ctx().clone();
        self.wheel(ui, doc, &ctx);
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

    /// The wheel's [`wheel::Plan`] for this revision, grouping and colour mode, made once
    /// for all the layouts (resizes, zooms, animation frames) that use it.
    fn plan(&mut self, doc: &Document) -> Arc<wheel::Plan> {
        let (grouping, colour) = (self.state.grouping, self.state.colour);
        match &self.plan {
            Some((rev, plan)) if *rev == doc.revision() && plan.is_for(grouping, colour) => {
                plan.clone()
            }
            _ => {
                let plan = Arc::new(wheel::Plan::new(doc.project(), grouping, colour));
                self.plan = Some((doc.revision(), plan.clone()));
                plan
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
        if let Some(r) = self.edit_request.take() {
            nav.go(r);
        }
    }
}
