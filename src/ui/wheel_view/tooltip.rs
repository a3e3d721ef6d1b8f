//! What hovering the wheel says: a segment's full name, its path, status and what a click
//! does; or, over the centre, the vision.

use super::*;

/// The tooltip's text for what the pointer is over.
pub(super) fn text(g: &Geometry, hit: Hit, zoomed: bool) -> String {
    match hit {
        Hit::Vision => {
            let mut t = g.centre_text.clone();
            if zoomed {
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
    }
}

/// Show `text` beside the pointer while `host` (the widget under it) is hovered.
pub(super) fn show(host: egui::Response, text: String) {
    host.on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(360.0);
        ui.label(text);
    });
}
