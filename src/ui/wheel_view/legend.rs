//! The legend beside the wheel: the rule in force and a swatch (with its pattern) per class.

use super::*;

/// Draw the legend in `ui`, with `hints` (how to read voices and outcomes the wheel cannot
/// name at this size) under its heading, where they are seen first. Long names wrap; none is
/// cut; a long legend (forty priorities) scrolls.
pub(super) fn show(ui: &mut Ui, legend: &wheel::Legend, hints: &[String]) {
    ui.label(RichText::new(&legend.title).small().strong());
    for hint in hints {
        ui.label(RichText::new(hint).small().strong());
        ui.add_space(2.0);
    }
    egui::ScrollArea::vertical()
        .id_salt("wheel-legend")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for e in &legend.entries {
                ui.horizontal(|ui| {
                    swatch(ui, e.colour, e.pattern);
                    let text = if e.marker.is_empty() {
                        e.label.clone()
                    } else {
                        format!("{} {}", e.marker, e.label)
                    };
                    ui.add(egui::Label::new(RichText::new(text).small()).wrap());
                });
            }
            ui.add_space(4.0);
            for note in std::iter::once(&legend.rings).chain(&legend.voices) {
                ui.label(RichText::new(note).small().color(theme::muted(ui)));
            }
        });
}

pub(super) fn swatch(ui: &mut Ui, fill: Colour, pattern: Pattern) {
    let (rect, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
    let p = ui.painter();
    p.rect_filled(rect, 2.0, color(fill));
    match pattern {
        Pattern::Solid => {}
        Pattern::Hatch => {
            // A key has no text to keep readable: stripes that stand out from the fill.
            let stripe = if fill.luminance() > 0.5 {
                Color32::from_black_alpha(120)
            } else {
                Color32::from_white_alpha(190)
            };
            for k in 0..3 {
                let x = rect.left() + 2.0 + 6.0 * k as f32;
                p.line_segment(
                    [pos2(x, rect.bottom()), pos2(x + 6.0, rect.top())],
                    Stroke::new(2.0, stripe),
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
