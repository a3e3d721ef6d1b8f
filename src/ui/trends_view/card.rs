//! One dashboard card, painted directly: the measure's full name (wrapped), latest value and
//! period, status (symbol and word on its colour), change with its period (wrapped, never
//! cut), then the line of values with the final target, or for a single value that value
//! as a dot with its date, a word that the line starts with the next, and the target; the
//! source at the foot. Each text painted is a label for screen readers holding what shows,
//! and the card is named by its title as shown.

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

/// What of `g`, painted at `at`, shows inside `clip`: its whole text, or where the row
/// limit or the card's edge cuts it, the rows up to the cut, ending in "…".
fn shown_text(g: &egui::Galley, at: egui::Pos2, clip: egui::Rect) -> String {
    let fits = |r: &egui::epaint::text::PlacedRow| {
        let r = r.rect().translate(at.to_vec2());
        r.bottom() <= clip.bottom() + 0.5 && r.right() <= clip.right() + 0.5
    };
    if !g.elided && g.rows.iter().all(fits) {
        return g.text().to_owned();
    }
    let mut shown: String = g
        .rows
        .iter()
        .take_while(|r| fits(r))
        .map(|r| r.text())
        .collect();
    if !shown.ends_with('…') {
        shown.push('…');
    }
    shown
}

/// Text painted on a card, for screen readers (and tests): a label node holding what is on
/// screen, so a line cut on the card reads cut (egui's own labels give their full text).
fn speak(ui: &Ui, id: egui::Id, g: &egui::Galley, at: egui::Pos2, clip: egui::Rect) {
    let shown = shown_text(g, at, clip);
    let r = egui::Rect::from_min_size(at, g.size()).intersect(clip);
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(egui::accesskit::Role::Label);
        node.set_value(shown);
        node.set_bounds(egui::accesskit::Rect {
            x0: r.left().into(),
            y0: r.top().into(),
            x1: r.right().into(),
            y1: r.bottom().into(),
        });
    });
}

/// One dashboard card `width` wide; clicking it opens the measure.
pub(super) fn card_ui(ui: &mut Ui, c: &Card, width: f32) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(width, CARD.y), Sense::click());
    if !ui.is_rect_visible(rect) {
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &c.name));
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
    let mut line = 0;
    // Paint a text block at x, y and give it to screen readers as shown.
    let mut put = |y: &mut f32, g: Arc<egui::Galley>, x: f32, gap: f32| {
        let at = egui::pos2(x, *y);
        if !g.text().is_empty() {
            speak(ui, resp.id.with(("card-text", line)), &g, at, inner);
        }
        line += 1;
        let h = g.size().y;
        painter.galley(at, g, text);
        *y += h + gap;
    };
    // The card is named by its title as shown: the whole name unless the card cuts it.
    let title = block(&painter, &c.name, 14.0, text, inner.width(), 4);
    let title_id = resp.id.with(("card-text", 0));
    put(&mut y, title, inner.left(), 2.0);
    // The value, and its period at the right when there is room, else under it.
    let value = block(&painter, &c.latest, 20.0, text, inner.width(), 2);
    let period = painter.layout_no_wrap(
        c.latest_period.clone(),
        egui::FontId::proportional(12.5),
        muted,
    );
    let side = value.rows.len() == 1 && value.size().x + period.size().x + 12.0 <= inner.width();
    let value_h = value.size().y;
    if side {
        let (top, x) = (
            y + value_h - period.size().y - 2.0,
            inner.right() - period.size().x,
        );
        let mut at = top;
        put(&mut at, period, x, 0.0);
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
    y += 1.0;
    put(&mut y, badge, inner.left() + 4.0, 0.0);
    y = br.bottom() + 3.0;
    // The change is never cut: it wraps onto as many rows as it needs, the line of values
    // below giving up the room.
    let change = block(&painter, &c.change, 12.5, muted, inner.width(), usize::MAX);
    put(&mut y, change, inner.left(), 2.0);
    let source = block(&painter, &c.source, 12.0, muted, inner.width(), 2);
    let mut foot = inner.bottom() - source.size().y;
    let area = egui::Rect::from_min_max(
        egui::pos2(inner.left(), y + 2.0),
        egui::pos2(inner.right(), foot - 4.0),
    );
    put(&mut foot, source, inner.left(), 0.0);
    if c.points.len() >= 2 && area.height() > 12.0 {
        spark(&painter, c, area, muted);
    } else if c.points.len() == 1 {
        // One value: the value and its date by a dot, and the target, so the card is not
        // left blank where the line would be.
        for (g, at) in one_value(&painter, c, area, muted) {
            let mut top = at.y;
            put(&mut top, g, at.x, 0.0);
        }
    } else if let Some(t) = &c.target_text {
        let g = block(&painter, t, 12.5, muted, area.width(), 2);
        let mut top = area.top();
        put(&mut top, g, area.left(), 0.0);
    }
    resp.widget_info(|| egui::WidgetInfo::new(egui::Role::Button));
    let resp = resp.labelled_by(title_id);
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

/// A measure with one value, in `area`: its value as a dot with the value and date beside
/// it, a word that the line starts with the next value, and the final target (its level
/// dashed, as on the other cards) when there is one. Paints the marks and returns the
/// texts to paint, with where.
fn one_value(
    painter: &egui::Painter,
    c: &Card,
    area: egui::Rect,
    muted: Color32,
) -> Vec<(Arc<egui::Galley>, egui::Pos2)> {
    let mut texts = Vec::new();
    let (dot, indent) = (4.0, 16.0);
    let text_w = (area.width() - indent).max(40.0);
    let mut y = area.top() + 2.0;
    let value = block(
        painter,
        &format!("{}, {}", c.latest, c.latest_period),
        12.5,
        color(chart::MAIN),
        text_w,
        2,
    );
    let row = value.rows.first().map_or(14.0, |r| r.rect().height());
    painter.circle_filled(
        egui::pos2(area.left() + dot + 1.0, y + row / 2.0),
        dot,
        color(chart::MAIN),
    );
    let h = value.size().y;
    texts.push((value, egui::pos2(area.left() + indent, y)));
    y += h + 2.0;
    let next = block(
        painter,
        "The line starts with the next value.",
        12.0,
        muted,
        text_w,
        2,
    );
    let h = next.size().y;
    texts.push((next, egui::pos2(area.left() + indent, y)));
    y += h + 6.0;
    if let Some(t) = &c.target_text {
        let target = block(painter, t, 12.5, muted, text_w, 2);
        let mid = y + target.rows.first().map_or(7.0, |r| r.rect().height() / 2.0);
        painter.add(egui::Shape::dashed_line(
            &[
                egui::pos2(area.left(), mid),
                egui::pos2(area.left() + indent - 4.0, mid),
            ],
            egui::Stroke::new(1.0, muted),
            3.0,
            2.0,
        ));
        texts.push((target, egui::pos2(area.left() + indent, y)));
    }
    texts
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
