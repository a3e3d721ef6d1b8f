//! One dashboard card, painted directly: the measure's full name, latest value and period,
//! status (symbol and word on its colour), change with its period, then the line of
//! values with the final target, or for a single value its target and what it says; the
//! source at the foot.

use super::*;

/// A text block laid out to `width`, at most `rows` rows (cut with "…" beyond).
fn block(
    painter: &egui::Painter,
    text: &str,
    size: f32,
    colour: Color32,
    width: f32,
    rows: usize,
) -> Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple(
        text.to_string(),
        egui::FontId::proportional(size),
        colour,
        width,
    );
    job.wrap.max_rows = rows;
    job.wrap.overflow_character = Some('…');
    painter.layout_job(job)
}

/// One dashboard card `width` wide; clicking it opens the measure.
pub(super) fn card_ui(ui: &mut Ui, c: &Card, width: f32) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(width, CARD.y), Sense::click());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &c.name));
    if !ui.is_rect_visible(rect) {
        return resp;
    }
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let stroke = if resp.hovered() {
        egui::Stroke::new(2.0, visuals.selection.stroke.color)
    } else {
        egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    painter.rect(
        rect.shrink(1.0),
        6.0,
        visuals.extreme_bg_color,
        stroke,
        egui::StrokeKind::Inside,
    );
    let (text, muted) = (visuals.text_color(), theme::muted(ui));
    let inner = rect.shrink(10.0);
    let mut y = inner.top();
    let put = |y: &mut f32, g: Arc<egui::Galley>, x: f32, gap: f32| {
        let h = g.size().y;
        painter.galley(egui::pos2(x, *y), g, text);
        *y += h + gap;
    };
    put(
        &mut y,
        block(&painter, &c.name, 14.0, text, inner.width(), 3),
        inner.left(),
        2.0,
    );
    // The value, and its period at the right when there is room, else under it.
    let value = painter.layout_no_wrap(c.latest.clone(), egui::FontId::proportional(20.0), text);
    let period = painter.layout_no_wrap(
        c.latest_period.clone(),
        egui::FontId::proportional(12.5),
        muted,
    );
    let side = value.size().x + period.size().x + 12.0 <= inner.width();
    let value_h = value.size().y;
    if side {
        painter.galley(
            egui::pos2(
                inner.right() - period.size().x,
                y + value_h - period.size().y - 2.0,
            ),
            period,
            muted,
        );
        put(&mut y, value, inner.left(), 2.0);
    } else {
        put(&mut y, value, inner.left(), 0.0);
        put(&mut y, period, inner.left(), 2.0);
    }
    // Status: symbol and word on the status colour.
    let fill = status_colour(c.assessment.status, c.assessment.rag);
    let badge = painter.layout_no_wrap(
        badge_text(&c.assessment),
        egui::FontId::proportional(12.5),
        color(fill.text_on()),
    );
    let br = egui::Rect::from_min_size(
        egui::pos2(inner.left(), y),
        badge.size() + egui::vec2(8.0, 2.0),
    );
    painter.rect_filled(br, 3.0, color(fill));
    painter.galley(br.min + egui::vec2(4.0, 1.0), badge, Color32::WHITE);
    y = br.bottom() + 3.0;
    put(
        &mut y,
        block(&painter, &c.change, 12.5, muted, inner.width(), 2),
        inner.left(),
        2.0,
    );
    let source = block(&painter, &c.source, 12.0, muted, inner.width(), 1);
    let foot = inner.bottom() - source.size().y;
    painter.galley(egui::pos2(inner.left(), foot), source, muted);
    let area = egui::Rect::from_min_max(
        egui::pos2(inner.left(), y + 2.0),
        egui::pos2(inner.right(), foot - 4.0),
    );
    if c.points.len() >= 2 && area.height() > 12.0 {
        spark(&painter, c, area, muted);
    } else if let Some(t) = &c.target_text {
        painter.galley(
            area.min,
            block(&painter, t, 12.5, muted, area.width(), 2),
            muted,
        );
    }
    let mut hover = format!("{}\n{}", c.name, c.assessment.summary);
    for line in [&c.change, &c.source]
        .into_iter()
        .chain(c.target_text.as_ref())
    {
        if !line.is_empty() {
            hover.push('\n');
            hover.push_str(line);
        }
    }
    resp.on_hover_text(hover)
}

/// The line of values in `area`, with the final target's level dashed.
fn spark(painter: &egui::Painter, c: &Card, area: egui::Rect, muted: Color32) {
    let pts = chart::decimate(&c.points, area.width() as usize);
    let (xa, xb) = (pts[0].0, pts[pts.len() - 1].0);
    let xs = if xb - xa < 1e-9 {
        (xa, xa + 1.0)
    } else {
        (xa, xb)
    };
    let mut ys = pts
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    if let Some((_, ty)) = c.target {
        ys = (ys.0.min(ty), ys.1.max(ty));
    }
    if ys.1 - ys.0 < 1e-9 {
        ys = (ys.0 - 1.0, ys.1 + 1.0);
    }
    let map = |x: f64, y: f64| {
        egui::pos2(
            area.left() + ((x - xs.0) / (xs.1 - xs.0)) as f32 * area.width(),
            area.bottom() - ((y - ys.0) / (ys.1 - ys.0)) as f32 * area.height(),
        )
    };
    let line: Vec<egui::Pos2> = pts.iter().map(|p| map(p.0, p.1)).collect();
    let last = *line.last().expect("two points");
    painter.add(egui::Shape::line(
        line,
        egui::Stroke::new(2.0, color(chart::MAIN)),
    ));
    painter.circle_filled(last, 3.0, color(chart::MAIN));
    if let Some((_, ty)) = c.target {
        let y = map(xs.0, ty).y;
        painter.add(egui::Shape::dashed_line(
            &[egui::pos2(area.left(), y), egui::pos2(area.right(), y)],
            egui::Stroke::new(1.0, muted),
            4.0,
            4.0,
        ));
    }
}
