//! The large chart drawn with egui_plot from the chart content the exporters also draw:
//! series, targets, trajectory band, projection, comparators, annotations and hover
//! details. Ticks come from the chart's own rules for whatever range is visible, and
//! labels are placed by the same rule as in the exports.
//!
//! The mouse wheel scrolls the page; Ctrl with the wheel zooms the chart, dragging pans
//! it, and after a click in it the wheel pans it too, until the pointer leaves it.

use super::*;
use crate::chart::geometry::Frame;
use crate::chart::labels::{self, LabelOf, LabelStyle};
use crate::chart::{PointMark, Series, Tick};
use crate::wheel::text::{Estimate, TextMeasurer};
use egui_plot::{
    AxisHints, GridInput, GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoints, PlotTransform,
    PlotUi, Points, Polygon, VLine,
};

/// Text size of tick and chart labels on screen.
const LABEL_SIZE: f32 = 13.0;
/// The plot's smallest grid spacing, in points: what egui_plot scales its base step by.
const GRID_MIN: f32 = 8.0;

/// Colours that depend on the theme: dark text on a light plot, light text on a dark one.
#[derive(Clone, Copy)]
struct Inks {
    target: Color32,
    event: Color32,
    paper: Color32,
    grid: Color32,
    /// The crosshair under the pointer: a light line, not egui_plot's near-black one,
    /// which reads as part of the chart on a projector.
    cursor: Color32,
}

impl Inks {
    fn of(ui: &Ui) -> Inks {
        let v = ui.visuals();
        Inks {
            target: if v.dark_mode {
                v.strong_text_color()
            } else {
                color(chart::TARGET)
            },
            event: theme::muted(ui),
            paper: v.extreme_bg_color,
            grid: if v.dark_mode {
                Color32::from_gray(0x48)
            } else {
                color(crate::palette::GRID)
            },
            cursor: theme::muted(ui).gamma_multiply(0.6),
        }
    }
}

/// Ticks as egui_plot grid marks, only those whose labels fit side by side. Each gets a
/// step as wide as the whole range, so egui_plot draws every label given.
fn marks(ticks: &[Tick], input: &GridInput, horizontal: bool) -> Vec<GridMark> {
    let span = (input.bounds.1 - input.bounds.0)
        .abs()
        .max(f64::MIN_POSITIVE);
    let inside: Vec<Tick> = ticks
        .iter()
        .filter(|t| t.value >= input.bounds.0 && t.value <= input.bounds.1)
        .cloned()
        .collect();
    let kept = if horizontal {
        let per_unit = GRID_MIN as f64 / input.base_step_size.max(f64::MIN_POSITIVE);
        let at = |v: f64| (v - input.bounds.0) * per_unit;
        chart::axis::spaced(
            &inside,
            &at,
            &|t| Estimate.width(t, LABEL_SIZE) as f64,
            LABEL_SIZE as f64,
            (-40.0, span * per_unit + 40.0),
        )
    } else {
        inside
    };
    kept.iter()
        .map(|t| GridMark {
            value: t.value,
            step_size: span,
        })
        .collect()
}

fn label_of(ticks: &[Tick], value: f64) -> String {
    ticks
        .iter()
        .find(|t| (t.value - value).abs() < 1e-6 * value.abs().max(1.0))
        .map(|t| t.label.clone())
        .unwrap_or_default()
}

/// The plot area and the values it shows, as the labels' rule takes them.
fn frame_of(t: &PlotTransform) -> Frame {
    let (r, b) = (t.frame(), t.bounds());
    Frame {
        left: r.left() as f64,
        top: r.top() as f64,
        right: r.right() as f64,
        bottom: r.bottom() as f64,
        x: (b.min()[0], b.max()[0]),
        y: (b.min()[1], b.max()[1]),
    }
}

impl TrendsView {
    fn plot_config(&self, c: &Arc<Chart>, inks: Inks) -> Plot<'static> {
        let (axis, axis2) = (c.time_axis.clone(), c.time_axis.clone());
        let (unit, unit2) = (c.unit.clone(), c.unit.clone());
        let hover_chart = Arc::clone(c);
        Plot::new(("trend-plot", &c.measure_id))
            .id(plot_id(&c.measure_id))
            .height(self.present_height.unwrap_or(440.0))
            .grid_spacing(GRID_MIN..=300.0)
            .grid_color(inks.grid)
            .cursor_color(inks.cursor)
            .default_x_bounds(c.x_range.0, c.x_range.1)
            .default_y_bounds(c.y_range.0, c.y_range.1)
            .allow_scroll(self.plot_active)
            .custom_x_axes(vec![AxisHints::new_x().label_spacing(1.0..=2.0).formatter(
                move |mark, range| {
                    let ticks = chart::time_ticks((*range.start(), *range.end()), &axis2);
                    label_of(&ticks, mark.value)
                },
            )])
            .custom_y_axes(vec![
                AxisHints::new_y()
                    .label(c.y_title.clone())
                    .label_spacing(1.0..=2.0)
                    .formatter(move |mark, range| {
                        let (ticks, _) =
                            chart::value_ticks(*range.start(), *range.end(), &unit2, false);
                        label_of(&ticks, mark.value)
                    }),
            ])
            .x_grid_spacer(move |input| {
                marks(&chart::time_ticks(input.bounds, &axis), &input, true)
            })
            .y_grid_spacer(move |input| {
                let (ticks, _) = chart::value_ticks(input.bounds.0, input.bounds.1, &unit, false);
                marks(&ticks, &input, false)
            })
            .label_formatter(move |pos| {
                let egui_plot::HoverPosition::NearDataPoint { position, .. } = pos else {
                    return None;
                };
                hover_chart.hover_text(position.x, position.y)
            })
    }

    pub(super) fn plot(&mut self, ui: &mut Ui, c: &Arc<Chart>) {
        let inks = Inks::of(ui);
        let mut plot = self.plot_config(c, inks);
        // The view follows the data after an edit or an undo changes what there is to show.
        let ranges = (c.x_range, c.y_range);
        if std::mem::take(&mut self.reset_plot) || self.shown_ranges != Some(ranges) {
            plot = plot.reset();
            self.shown_ranges = Some(ranges);
        }
        let shown = Arc::clone(c);
        let r = plot.show(ui, move |pui| {
            let c = shown;
            trajectory_and_trend(pui, &c);
            for e in &c.events {
                pui.vline(
                    VLine::new("Events", e.x)
                        .color(inks.event)
                        .style(LineStyle::dashed_dense()),
                );
            }
            for s in c.series.iter().rev() {
                series(pui, s, inks);
            }
            targets(pui, &c, inks);
        });
        let frame = frame_of(&r.transform);
        self.shown_plot = Some(ShownPlot {
            rect: *r.transform.frame(),
            x: frame.x,
            y: frame.y,
        });
        let hover = paint_overlay(ui, c, &frame, inks);
        let resp = &r.response;
        if let Some((_, text)) = hover {
            resp.clone().on_hover_text_at_pointer(text);
        }
        if resp.clicked() || resp.drag_started() {
            self.plot_active = true;
        }
        if !resp.contains_pointer() {
            self.plot_active = false;
        } else if self.plot_active {
            // The wheel pans the chart: the page stays where it is.
            ui.input_mut(|i| i.smooth_scroll_delta = egui::Vec2::ZERO);
        }
        if self.present_height.is_some() {
            self.legend_ui(ui, c.as_ref());
            return;
        }
        let hint = if self.plot_active {
            "The mouse wheel now pans the chart; move the pointer off it to scroll the page. \
             Ctrl + wheel zooms, double-click resets."
        } else {
            "Ctrl + mouse wheel zooms the chart, dragging pans it; click it to pan with the \
             wheel. Double-click resets."
        };
        ui.label(RichText::new(hint).small().color(theme::muted(ui)));
        self.legend_ui(ui, c.as_ref());
    }

    /// The legend under the chart: one toggle per entry, named in words, its mark drawn
    /// beside it; switched-off entries are left out of the chart and of its exports.
    fn legend_ui(&mut self, ui: &mut Ui, c: &Chart) {
        let mut toggled = None;
        let inks = Inks::of(ui);
        ui.horizontal_wrapped(|ui| {
            let row_start = ui.cursor().left();
            for e in &c.legend {
                // An entry that would not fit whole in what is left of the row starts the next
                // row (a nested row is never wrapped by egui, only cut).
                let font = egui::TextStyle::Button.resolve(ui.style());
                let text_w = ui
                    .painter()
                    .layout_no_wrap(truncate(&e.name, LEGEND_CHARS), font, Color32::WHITE)
                    .size()
                    .x;
                let need = 26.0 + text_w + 3.0 * ui.spacing().item_spacing.x + 8.0;
                if ui.cursor().left() > row_start + 1.0 && need > ui.available_width() {
                    ui.end_row();
                }
                if legend_button(ui, e, inks).clicked() && !e.item.is_caveat() {
                    toggled = Some(e.item);
                }
            }
        });
        if let Some(item) = toggled {
            if let Some(i) = self.hidden.iter().position(|h| *h == item) {
                self.hidden.remove(i);
            } else {
                self.hidden.push(item);
            }
        }
    }
}

/// The label sizes on screen.
const STYLE: LabelStyle = LabelStyle {
    size: LABEL_SIZE as f64,
    line_height: 16.0,
    gap: 4.0,
    marker: 7.0,
    point: 5.0,
};

fn pos(p: (f64, f64)) -> egui::Pos2 {
    egui::pos2(p.0 as f32, p.1 as f32)
}

/// What egui_plot cannot draw, painted over the plot area: rings round worked-out values,
/// brackets under values whose period was inferred, dashed outlines of worked-out targets,
/// the marks where sources disagree, and the labels where the shared rule puts them.
fn paint_overlay(ui: &Ui, c: &Chart, f: &Frame, inks: Inks) -> Option<(egui::Pos2, String)> {
    let painter = ui.painter_at(egui::Rect::from_min_max(
        pos((f.left, f.top)),
        pos((f.right, f.bottom)),
    ));
    let dashed = |pts: &[egui::Pos2], col: Color32| {
        painter.extend(egui::Shape::dashed_line(pts, (1.5, col), 3.0, 2.5));
    };
    for s in &c.series {
        let r = if s.main { 5.0 } else { 3.5 };
        for v in s.points.iter().filter(|v| f.holds(f.at(v.x, v.y))) {
            let p = pos(f.at(v.x, v.y));
            if v.worked_out {
                let ring: Vec<egui::Pos2> = (0..=24)
                    .map(|i| {
                        p + egui::Vec2::angled(i as f32 / 24.0 * std::f32::consts::TAU) * r * 1.75
                    })
                    .collect();
                dashed(&ring, inks.target);
            }
            if v.period_inferred.is_some() {
                let (y, w, t) = (p.y + r * 2.0, r * 2.2, r * 0.6);
                let col = color(s.colour);
                painter.line_segment([egui::pos2(p.x - w, y), egui::pos2(p.x + w, y)], (1.5, col));
                for x in [p.x - w, p.x + w] {
                    painter.line_segment([egui::pos2(x, y - t), egui::pos2(x, y + t)], (1.5, col));
                }
            }
        }
    }
    for t in c
        .targets
        .iter()
        .filter(|t| t.worked_out && f.holds(f.at(t.x, t.y)))
    {
        let p = pos(f.at(t.x, t.y));
        let d = 8.0;
        let outline = [
            p + egui::vec2(0.0, -d),
            p + egui::vec2(d, 0.0),
            p + egui::vec2(0.0, d),
            p + egui::vec2(-d, 0.0),
            p + egui::vec2(0.0, -d),
        ];
        dashed(&outline, inks.target);
    }
    let mut hover = None;
    let pointer = ui.ctx().pointer_hover_pos();
    for d in &c.disagreements {
        let p = pos(labels::disagreement_at(d, f, &STYLE));
        if !f.holds((p.x as f64, p.y as f64)) {
            continue;
        }
        painter.circle(p, STYLE.marker as f32, inks.paper, (1.5, inks.target));
        painter.text(
            p,
            egui::Align2::CENTER_CENTER,
            "≠",
            egui::FontId::proportional(12.0),
            inks.target,
        );
        if pointer.is_some_and(|q| q.distance(p) <= STYLE.marker as f32 * 1.5) {
            hover = Some((p, d.hover()));
        }
    }
    for l in labels::place(c, f, &Estimate, &STYLE) {
        let colour = match l.of {
            LabelOf::Target(_) => inks.target,
            LabelOf::Event(_) => inks.event,
            LabelOf::Value(_) => color(chart::MAIN),
        };
        if let Some([a, b]) = l.leader {
            painter.extend(egui::Shape::dashed_line(
                &[pos(a), pos(b)],
                (1.0, colour),
                2.0,
                3.0,
            ));
        }
        for (top, line) in l.line_tops(&STYLE) {
            painter.text(
                egui::pos2(l.area.x0 as f32, top as f32),
                egui::Align2::LEFT_TOP,
                line,
                egui::FontId::proportional(LABEL_SIZE),
                colour,
            );
        }
    }
    hover
}

/// Legend names longer than this are shortened on screen (whole on hover and in the
/// exports' legends); the chart's own caveats are shorter.
const LEGEND_CHARS: usize = 64;

/// One legend entry as a toggle: its mark, then its name (shortened with the full name on
/// hover when long), struck through when switched off.
fn legend_button(ui: &mut Ui, e: &chart::LegendEntry, inks: Inks) -> egui::Response {
    let name = truncate(&e.name, LEGEND_CHARS);
    let mut text = RichText::new(&name);
    if !e.shown {
        text = text.strikethrough().color(theme::muted(ui));
    }
    let r = ui
        .horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 16.0), Sense::hover());
            paint_mark(ui, rect, e, inks);
            if e.item.is_caveat() {
                ui.label(text)
            } else {
                ui.add(egui::Button::new(text).frame(false))
            }
        })
        .inner;
    if e.item.is_caveat() {
        // A caveat on the figures drawn: always shown, so not a toggle.
        return r.on_hover_text(format!(
            "{}: always shown with the figures it is about",
            e.name
        ));
    }
    let state = if e.shown { "shown" } else { "hidden" };
    let r = r.on_hover_text(format!("{} ({state}): click to show or hide", e.name));
    r.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, e.shown, &e.name));
    r
}

fn paint_mark(ui: &Ui, rect: egui::Rect, e: &chart::LegendEntry, inks: Inks) {
    use chart::LegendMark;
    let p = ui.painter();
    let col = if !e.shown {
        theme::muted(ui)
    } else if e.colour == chart::TARGET {
        inks.target
    } else if e.colour == chart::EVENT {
        inks.event
    } else {
        color(e.colour)
    };
    let c = rect.center();
    let (l, r) = (rect.left() + 2.0, rect.right() - 2.0);
    let across = [egui::pos2(l, c.y), egui::pos2(r, c.y)];
    match e.mark {
        LegendMark::Line => {
            p.line_segment(across, (2.5, col));
            p.circle_filled(c, 4.0, col);
        }
        LegendMark::DashedLine => {
            p.extend(egui::Shape::dashed_line(&across, (2.0, col), 4.0, 3.0));
        }
        LegendMark::Point(m) => paint_point(p, m, c, 4.5, col, inks.paper),
        LegendMark::Band => {
            let band = egui::Rect::from_min_max(egui::pos2(l, c.y - 5.0), egui::pos2(r, c.y + 5.0));
            p.rect_filled(band, 0.0, col.gamma_multiply(0.25));
            p.line_segment(across, (2.0, col));
        }
        LegendMark::Diamond { filled } => {
            let d = 6.0;
            let pts = vec![
                egui::pos2(c.x, c.y - d),
                egui::pos2(c.x + d, c.y),
                egui::pos2(c.x, c.y + d),
                egui::pos2(c.x - d, c.y),
            ];
            let fill = if filled { col } else { inks.paper };
            p.add(egui::Shape::convex_polygon(pts, fill, (1.5, col)));
        }
        LegendMark::Vertical => {
            let down = [egui::pos2(c.x, rect.top()), egui::pos2(c.x, rect.bottom())];
            p.extend(egui::Shape::dashed_line(&down, (1.5, col), 3.0, 2.0));
        }
        LegendMark::WorkedOut { target } => {
            let d = 6.5;
            let outline: Vec<egui::Pos2> = if target {
                [(0.0, -d), (d, 0.0), (0.0, d), (-d, 0.0), (0.0, -d)]
                    .map(|(x, y)| c + egui::vec2(x, y))
                    .to_vec()
            } else {
                p.circle_filled(c, 3.5, color(chart::MAIN));
                (0..=16)
                    .map(|i| c + egui::Vec2::angled(i as f32 / 16.0 * std::f32::consts::TAU) * d)
                    .collect()
            };
            p.extend(egui::Shape::dashed_line(&outline, (1.5, col), 2.5, 2.0));
        }
        LegendMark::Bracket => {
            let y = c.y + 4.0;
            p.circle_filled(c - egui::vec2(0.0, 3.0), 3.0, col);
            p.line_segment(
                [egui::pos2(c.x - 7.0, y), egui::pos2(c.x + 7.0, y)],
                (1.5, col),
            );
            for x in [c.x - 7.0, c.x + 7.0] {
                p.line_segment([egui::pos2(x, y - 2.5), egui::pos2(x, y + 2.5)], (1.5, col));
            }
        }
        LegendMark::Disagreement => {
            p.circle(c, 7.0, inks.paper, (1.5, col));
            p.text(
                c,
                egui::Align2::CENTER_CENTER,
                "≠",
                egui::FontId::proportional(11.0),
                col,
            );
        }
    }
}

fn paint_point(
    p: &egui::Painter,
    mark: PointMark,
    c: egui::Pos2,
    r: f32,
    col: Color32,
    paper: Color32,
) {
    match mark {
        PointMark::Dot => {
            p.circle_filled(c, r, col);
        }
        PointMark::Ring => {
            p.circle(c, r, paper, (1.5, col));
        }
        PointMark::Square => {
            let sq = egui::Rect::from_center_size(c, egui::vec2(r * 1.8, r * 1.8));
            p.rect(sq, 0.0, paper, (1.5, col), egui::StrokeKind::Middle);
        }
        PointMark::Cross => {
            let d = r * 0.9;
            p.line_segment([c + egui::vec2(-d, -d), c + egui::vec2(d, d)], (1.5, col));
            p.line_segment([c + egui::vec2(-d, d), c + egui::vec2(d, -d)], (1.5, col));
        }
    }
}

fn trajectory_and_trend(pui: &mut PlotUi, c: &Chart) {
    let traj = color(chart::TRAJECTORY);
    if let Some([a, b]) = c.trajectory {
        pui.line(
            Line::new("Trajectory to target", vec![[a.0, a.1], [b.0, b.1]])
                .color(traj)
                .width(2.0)
                .allow_hover(false),
        );
    }
    if let (Some([a, b]), Some(_)) = (c.band, c.trajectory) {
        pui.polygon(
            Polygon::new(
                "Trajectory to target",
                PlotPoints::from(vec![[a.0, a.1], [b.0, b.1], [b.0, b.2], [a.0, a.2]]),
            )
            .fill_color(traj.gamma_multiply(0.18))
            .stroke(egui::Stroke::new(0.0, traj))
            .allow_hover(false),
        );
    }
    if let Some([a, b]) = c.projection {
        pui.line(
            Line::new("Recent trend", vec![[a.0, a.1], [b.0, b.1]])
                .color(color(chart::PROJECTION))
                .style(LineStyle::dashed_loose())
                .width(2.0)
                .allow_hover(false),
        );
    }
}

/// A series: solid between measured values, dashed where either end is not measured;
/// each value with its status's mark.
fn series(pui: &mut PlotUi, s: &Series, inks: Inks) {
    let col = color(s.colour);
    let mut run: Vec<[f64; 2]> = Vec::new();
    let mut dashed = Vec::new();
    for w in s.points.windows(2) {
        let seg = [[w[0].x, w[0].y], [w[1].x, w[1].y]];
        if w[0].is_measured() && w[1].is_measured() {
            if run.last() != Some(&seg[0]) {
                if run.len() >= 2 {
                    let line = Line::new(&s.name, std::mem::take(&mut run));
                    pui.line(line.color(col).width(2.5));
                }
                run = vec![seg[0]];
            }
            run.push(seg[1]);
        } else {
            dashed.push(seg);
        }
    }
    if run.len() >= 2 {
        pui.line(Line::new(&s.name, run).color(col).width(2.5));
    }
    for seg in dashed {
        let line = Line::new(&s.name, seg.to_vec()).color(col).width(2.5);
        pui.line(line.style(LineStyle::dashed_loose()));
    }
    for mark in [
        PointMark::Dot,
        PointMark::Ring,
        PointMark::Square,
        PointMark::Cross,
    ] {
        let pts: Vec<[f64; 2]> = s
            .points
            .iter()
            .filter(|p| PointMark::of(p.status) == mark)
            .map(|p| [p.x, p.y])
            .collect();
        if pts.is_empty() {
            continue;
        }
        let (shape, filled) = match mark {
            PointMark::Dot => (MarkerShape::Circle, true),
            PointMark::Ring => (MarkerShape::Circle, false),
            PointMark::Square => (MarkerShape::Square, false),
            PointMark::Cross => (MarkerShape::Cross, false),
        };
        let r = if s.main { 5.0 } else { 3.5 };
        if !filled && mark != PointMark::Cross {
            // A paper-coloured disc under a hollow mark, so the line does not show through.
            pui.points(
                Points::new(&s.name, pts.clone())
                    .color(inks.paper)
                    .radius(r)
                    .shape(shape)
                    .allow_hover(false),
            );
        }
        pui.points(
            Points::new(&s.name, pts)
                .color(col)
                .filled(filled)
                .radius(r)
                .shape(shape),
        );
    }
}

fn targets(pui: &mut PlotUi, c: &Chart, inks: Inks) {
    for t in &c.targets {
        let filled = t.kind == TargetKind::Target;
        if !filled {
            pui.points(
                Points::new("Targets", vec![[t.x, t.y]])
                    .color(inks.paper)
                    .radius(7.0)
                    .shape(MarkerShape::Diamond)
                    .allow_hover(false),
            );
        }
        let ink = if t.worked_out {
            inks.target.gamma_multiply(0.35)
        } else {
            inks.target
        };
        pui.points(
            Points::new("Targets", vec![[t.x, t.y]])
                .color(ink)
                .filled(filled)
                .radius(7.0)
                .shape(MarkerShape::Diamond),
        );
    }
}
