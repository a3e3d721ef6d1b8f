//! The large chart drawn with egui_plot from the chart content the exporters also draw:
//! series, targets, trajectory band, projection, comparators, annotations and hover
//! details. Ticks come from the chart's own rules for whatever range is visible.

use super::*;
use crate::chart::{Series, Tick};
use egui_plot::{
    AxisHints, GridInput, GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoints, PlotUi, Points,
    Polygon, Text, VLine,
};

/// Ticks as egui_plot grid marks. Each gets a step as wide as the whole range, so egui_plot
/// draws every label given: which ticks fit is decided by the chart's rules.
fn marks(ticks: &[Tick], input: &GridInput) -> Vec<GridMark> {
    let span = (input.bounds.1 - input.bounds.0)
        .abs()
        .max(f64::MIN_POSITIVE);
    ticks
        .iter()
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

impl TrendsView {
    pub(super) fn plot(&mut self, ui: &mut Ui, c: &Arc<Chart>) {
        let time_axis = c.time_axis.clone();
        let time_axis2 = c.time_axis.clone();
        let unit = c.unit.clone();
        let unit2 = c.unit.clone();
        let hover_chart = Arc::clone(c);
        let mut plot = Plot::new(("trend-plot", &c.measure_id))
            .id(plot_id(&c.measure_id))
            .height(440.0)
            .default_x_bounds(c.x_range.0, c.x_range.1)
            .default_y_bounds(c.y_range.0, c.y_range.1)
            .custom_x_axes(vec![AxisHints::new_x().label_spacing(1.0..=2.0).formatter(
                move |mark, range| {
                    label_of(
                        &chart::time_ticks((*range.start(), *range.end()), &time_axis2),
                        mark.value,
                    )
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
            .x_grid_spacer(move |input| marks(&chart::time_ticks(input.bounds, &time_axis), &input))
            .y_grid_spacer(move |input| {
                let (ticks, _) = chart::value_ticks(input.bounds.0, input.bounds.1, &unit, false);
                marks(&ticks, &input)
            })
            .label_formatter(move |pos| {
                let egui_plot::HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } = pos
                else {
                    return None;
                };
                hover_chart
                    .hover_text(position.x, position.y)
                    .or_else(|| Some(plot_name.to_string()))
            });
        if std::mem::take(&mut self.reset_plot) {
            plot = plot.reset();
        }
        let shown = Arc::clone(c);
        plot.show(ui, move |pui| {
            let c = shown;
            trajectory_and_trend(pui, &c);
            events(pui, &c);
            for s in c.series.iter().rev() {
                series(pui, s);
            }
            targets(pui, &c);
        });
        self.legend_ui(ui, c.as_ref());
    }

    /// The legend under the chart: one toggle per entry, named in words, its mark drawn
    /// beside it; switched-off entries are left out of the chart and of its exports.
    fn legend_ui(&mut self, ui: &mut Ui, c: &Chart) {
        let mut toggled = None;
        ui.horizontal_wrapped(|ui| {
            for e in &c.legend {
                if legend_button(ui, e).clicked() {
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

/// One legend entry as a toggle: its mark, then its name (shortened with the full name on
/// hover when long), struck through when switched off.
fn legend_button(ui: &mut Ui, e: &chart::LegendEntry) -> egui::Response {
    let name = truncate(&e.name, 48);
    let mut text = RichText::new(&name);
    if !e.shown {
        text = text.strikethrough().color(theme::muted(ui));
    }
    let r = ui
        .horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(26.0, 16.0), Sense::hover());
            paint_mark(ui, rect, e);
            ui.add(egui::Button::new(text).frame(false).selected(false))
        })
        .inner;
    let state = if e.shown { "shown" } else { "hidden" };
    let r = r.on_hover_text(format!("{} ({state}): click to show or hide", e.name));
    r.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, e.shown, &e.name));
    r
}

fn paint_mark(ui: &Ui, rect: egui::Rect, e: &chart::LegendEntry) {
    use chart::LegendMark;
    let p = ui.painter();
    let col = if e.shown {
        color(e.colour)
    } else {
        theme::muted(ui)
    };
    let c = rect.center();
    let (l, r) = (rect.left() + 2.0, rect.right() - 2.0);
    match e.mark {
        LegendMark::Line => {
            p.line_segment([egui::pos2(l, c.y), egui::pos2(r, c.y)], (2.5, col));
        }
        LegendMark::DashedLine => {
            p.extend(egui::Shape::dashed_line(
                &[egui::pos2(l, c.y), egui::pos2(r, c.y)],
                egui::Stroke::new(2.0, col),
                4.0,
                3.0,
            ));
        }
        LegendMark::HollowPoint => {
            p.circle_stroke(c, 4.5, (1.5, col));
        }
        LegendMark::Band => {
            let band = egui::Rect::from_min_max(egui::pos2(l, c.y - 5.0), egui::pos2(r, c.y + 5.0));
            p.rect_filled(band, 0.0, col.gamma_multiply(0.25));
            p.line_segment([egui::pos2(l, c.y), egui::pos2(r, c.y)], (2.0, col));
        }
        LegendMark::Diamond => {
            let d = 6.0;
            p.add(egui::Shape::convex_polygon(
                vec![
                    egui::pos2(c.x, c.y - d),
                    egui::pos2(c.x + d, c.y),
                    egui::pos2(c.x, c.y + d),
                    egui::pos2(c.x - d, c.y),
                ],
                col,
                egui::Stroke::NONE,
            ));
        }
        LegendMark::Vertical => {
            p.extend(egui::Shape::dashed_line(
                &[egui::pos2(c.x, rect.top()), egui::pos2(c.x, rect.bottom())],
                egui::Stroke::new(1.5, col),
                3.0,
                2.0,
            ));
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

fn events(pui: &mut PlotUi, c: &Chart) {
    for (i, e) in c.events.iter().enumerate() {
        pui.vline(
            VLine::new("Events", e.x)
                .color(color(chart::EVENT))
                .style(LineStyle::dashed_dense()),
        );
        pui.text(
            Text::new(
                "Events",
                egui_plot::PlotPoint::new(
                    e.x,
                    c.y_range.1 - (c.y_range.1 - c.y_range.0) * 0.06 * (i % 3) as f64,
                ),
                RichText::new(format!(" {}", e.label)).size(13.0),
            )
            .anchor(egui::Align2::LEFT_TOP)
            .color(color(chart::EVENT)),
        );
    }
}

/// A series: solid between measured values, dashed where either end is not measured;
/// measured values as filled points, the others hollow.
fn series(pui: &mut PlotUi, s: &Series) {
    let col = color(s.colour);
    let mut run: Vec<[f64; 2]> = Vec::new();
    let mut dashed = Vec::new();
    for w in s.points.windows(2) {
        let seg = [[w[0].x, w[0].y], [w[1].x, w[1].y]];
        if w[0].is_measured() && w[1].is_measured() {
            if run.last() != Some(&seg[0]) {
                if run.len() >= 2 {
                    pui.line(
                        Line::new(&s.name, std::mem::take(&mut run))
                            .color(col)
                            .width(2.5),
                    );
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
        pui.line(
            Line::new(&s.name, seg.to_vec())
                .color(col)
                .width(2.5)
                .style(LineStyle::dashed_loose()),
        );
    }
    let measured: Vec<[f64; 2]> = s
        .points
        .iter()
        .filter(|p| p.is_measured())
        .map(|p| [p.x, p.y])
        .collect();
    pui.points(
        Points::new(&s.name, measured)
            .color(col)
            .radius(if s.main { 4.5 } else { 3.0 })
            .shape(MarkerShape::Circle),
    );
    let others: Vec<[f64; 2]> = s
        .points
        .iter()
        .filter(|p| !p.is_measured())
        .map(|p| [p.x, p.y])
        .collect();
    if !others.is_empty() {
        pui.points(
            Points::new(&s.name, others)
                .color(col)
                .filled(false)
                .radius(5.0)
                .shape(MarkerShape::Circle),
        );
    }
}

fn targets(pui: &mut PlotUi, c: &Chart) {
    for (i, t) in c.targets.iter().enumerate() {
        pui.points(
            Points::new("Targets", vec![[t.x, t.y]])
                .color(color(chart::TARGET))
                .filled(t.kind == TargetKind::Target)
                .radius(7.0)
                .shape(MarkerShape::Diamond),
        );
        pui.text(
            Text::new(
                "Targets",
                egui_plot::PlotPoint::new(t.x, t.y),
                RichText::new(format!("  {}", t.label)).size(13.0),
            )
            .anchor(if i % 2 == 0 {
                egui::Align2::LEFT_BOTTOM
            } else {
                egui::Align2::LEFT_TOP
            })
            .color(color(chart::TARGET)),
        );
    }
}
