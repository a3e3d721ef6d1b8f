//! The large chart drawn with egui_plot from the chart content the exporters also draw:
//! series, targets, trajectory band, projection, comparators, annotations and hover details.

use super::*;

impl TrendsView {
    pub(super) fn plot(&mut self, ui: &mut Ui, c: &Arc<Chart>) {
        use egui_plot::{
            GridMark, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, Polygon,
            Text, VLine,
        };
        let x_ticks = c.x_ticks.clone();
        let x_labels = c.x_ticks.clone();
        let y_ticks = c.y_ticks.clone();
        let unit = c.unit.clone();
        let unit2 = c.unit.clone();
        let hover_chart = Arc::clone(c);
        let mut plot = Plot::new(("trend-plot", &c.measure_id))
            .id(plot_id(&c.measure_id))
            .height(440.0)
            .legend(
                Legend::default()
                    .position(egui_plot::Corner::RightTop)
                    .follow_insertion_order(true),
            )
            .default_x_bounds(c.x_range.0, c.x_range.1)
            .default_y_bounds(c.y_range.0, c.y_range.1)
            .y_axis_label(c.y_title.clone())
            .x_grid_spacer(move |_| {
                // The step is the real gap between ticks, so egui_plot has room for their labels.
                let step = if x_ticks.len() >= 2 {
                    x_ticks[1].value - x_ticks[0].value
                } else {
                    1.0
                };
                x_ticks
                    .iter()
                    .map(|t| GridMark {
                        value: t.value,
                        step_size: step,
                    })
                    .collect()
            })
            .y_grid_spacer(move |input| {
                let span = input.bounds.1 - input.bounds.0;
                let step = chart::nice_step(span, 5.0);
                let mut v = (input.bounds.0 / step).floor() * step;
                let mut out = Vec::new();
                while v <= input.bounds.1 && out.len() < 40 {
                    out.push(GridMark {
                        value: v,
                        step_size: step,
                    });
                    v += step;
                }
                let _ = &y_ticks;
                out
            })
            .x_axis_formatter(move |mark, _| {
                x_labels
                    .iter()
                    .find(|t| (t.value - mark.value).abs() < 1e-6)
                    .map(|t| t.label.clone())
                    .unwrap_or_default()
            })
            .y_axis_formatter(move |mark, _| crate::format::value_short(mark.value, &unit))
            .label_formatter(move |pos| {
                let egui_plot::HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } = pos
                else {
                    return None;
                };
                for s in &hover_chart.series {
                    if let Some(p) = s.points.iter().find(|p| {
                        (p.x - position.x).abs() < 1e-9 && (p.y - position.y).abs() < 1e-9
                    }) {
                        let mut t = format!(
                            "{}\n{}: {}\n{}",
                            s.name,
                            p.period,
                            crate::format::value(p.y, &unit2),
                            chart::value_status_label(p.status)
                        );
                        if s.main {
                            t.push_str(&format!(
                                "\nStatus: {}",
                                badge_text(&hover_chart.assessment)
                            ));
                        }
                        if !p.source.is_empty() {
                            t.push_str(&format!("\nSource: {}", p.source));
                        }
                        if !p.note.is_empty() {
                            t.push_str(&format!("\nNote: {}", p.note));
                        }
                        return Some(t);
                    }
                }
                if let Some(t) = hover_chart
                    .targets
                    .iter()
                    .find(|t| (t.x - position.x).abs() < 1e-9)
                {
                    return Some(t.label.clone());
                }
                Some(plot_name.to_string())
            });
        if std::mem::take(&mut self.reset_plot) {
            plot = plot.reset();
        }
        let c = Arc::clone(c);
        plot.show(ui, move |pui| {
            if let Some([a, b]) = c.trajectory {
                pui.line(
                    Line::new("Trajectory to target", vec![[a.0, a.1], [b.0, b.1]])
                        .color(color(chart::TRAJECTORY))
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
                    .fill_color(color(chart::TRAJECTORY).gamma_multiply(0.18))
                    .stroke(egui::Stroke::new(0.0, color(chart::TRAJECTORY)))
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
            for s in c.series.iter().rev() {
                let col = color(s.colour);
                // Solid between measured values, dashed where either end is not measured.
                let mut run: Vec<[f64; 2]> = Vec::new();
                let mut runs_dashed = Vec::new();
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
                        runs_dashed.push(seg);
                    }
                }
                if run.len() >= 2 {
                    pui.line(Line::new(&s.name, run).color(col).width(2.5));
                }
                for seg in runs_dashed {
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
                for st in [
                    ValueStatus::Provisional,
                    ValueStatus::Estimated,
                    ValueStatus::Illustrative,
                ] {
                    let pts: Vec<[f64; 2]> = s
                        .points
                        .iter()
                        .filter(|p| p.status == st)
                        .map(|p| [p.x, p.y])
                        .collect();
                    if !pts.is_empty() {
                        let name = if s.main {
                            chart::value_status_label(st).to_string()
                        } else {
                            s.name.clone()
                        };
                        pui.points(
                            Points::new(name, pts)
                                .color(col)
                                .filled(false)
                                .radius(5.0)
                                .shape(MarkerShape::Circle),
                        );
                    }
                }
            }
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
                    // To the right of the marker, inside the plot; neighbours alternate above
                    // and below so close targets' labels do not overlap (as on the slides).
                    .anchor(if i % 2 == 0 {
                        egui::Align2::LEFT_BOTTOM
                    } else {
                        egui::Align2::LEFT_TOP
                    })
                    .color(color(chart::TARGET)),
                );
            }
        });
    }
}
