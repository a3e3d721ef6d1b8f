//! The page around the wheel: title and subtitle, source line, and the legend beside the
//! wheel on wide pictures or below it on tall and square ones.

use super::super::text::{self, TextMeasurer};
use super::super::{Legend, ViewState, breadcrumb, empty_focus_note};
use super::key::Key;
use crate::export::svg::{Svg, TextStyle};
use crate::model::Project;
use crate::palette;
use std::fmt::Write;

/// The picture's size and its type sizes, in pixels.
pub(super) struct Page {
    pub w: f32,
    pub h: f32,
    unit: f32,
    margin: f32,
    title_size: f32,
    sub_size: f32,
    body: f32,
    small: f32,
}

/// Where the wheel goes.
pub(super) struct WheelPlace {
    pub cx: f32,
    pub cy: f32,
    pub radius: f32,
}

/// The picture's title: the programme's, or a plain one.
pub(super) fn title(project: &Project) -> String {
    let t = project.programme.title.trim();
    if t.is_empty() {
        "Outcomes wheel".to_string()
    } else {
        t.to_string()
    }
}

/// `line`, cut with an ellipsis if it is wider than `max_w`.
fn fitted(line: String, max_w: f32, size: f32, m: &dyn TextMeasurer) -> String {
    if m.width(&line, size) > max_w {
        text::ellipsize(&line, max_w, size, m).unwrap_or(line)
    } else {
        line
    }
}

impl Page {
    pub fn new(width: u32, height: u32) -> Page {
        let (w, h) = (width.max(200) as f32, height.max(200) as f32);
        let unit = w.min(h) / 1080.0;
        Page {
            w,
            h,
            unit,
            margin: 36.0 * unit,
            title_size: 40.0 * unit,
            sub_size: 20.0 * unit,
            body: 18.0 * unit,
            small: 15.0 * unit,
        }
    }

    /// Draw the title (up to two lines, none unless `titled`) and the subtitle (colour
    /// mode and zoom); returns where the space below them starts.
    pub fn heading(
        &self,
        doc: &mut Svg,
        project: &Project,
        state: &ViewState,
        titled: bool,
        m: &dyn TextMeasurer,
    ) -> f32 {
        let (margin, title_size, sub_size) = (self.margin, self.title_size, self.sub_size);
        let mut y = if titled {
            margin + title_size
        } else {
            margin + title_size * 0.15 + sub_size * 0.6
        };
        for line in text::wrap(&title(project), self.w - 2.0 * margin, title_size, m)
            .iter()
            .take(if titled { 2 } else { 0 })
        {
            doc.text(
                margin as f64,
                y as f64,
                line,
                TextStyle::new(title_size as f64, palette::INK).bold(),
            );
            y += title_size * 1.15;
        }
        let mut sub = format!("Outcomes wheel · coloured by {}", state.colour.label());
        let crumbs = breadcrumb(project, state);
        if !crumbs.is_empty() {
            let _ = write!(sub, " · zoomed into {}", crumbs.join(" › "));
        }
        if let Some(note) = empty_focus_note(project, state) {
            let _ = write!(sub, " · {note}");
        }
        doc.text(
            margin as f64,
            (y - title_size * 0.15 + sub_size * 0.4) as f64,
            &fitted(sub, self.w - 2.0 * margin, sub_size, m),
            TextStyle::new(sub_size as f64, palette::INK_MUTED),
        );
        y + sub_size * 1.2
    }

    /// Draw the source line at the foot; returns where the space above it ends.
    pub fn source_line(&self, doc: &mut Svg, project: &Project, m: &dyn TextMeasurer) -> f32 {
        let prog = &project.programme;
        let org = if prog.organisation.trim().is_empty() {
            String::new()
        } else {
            format!("{}. ", prog.organisation.trim())
        };
        let source = format!(
            "Source: {org}{} project file, vision to {}. Made with Outcome Explorer on {}.",
            title(project),
            prog.horizon_year,
            crate::format::date(chrono::Local::now().date_naive())
        );
        let (margin, small) = (self.margin, self.small);
        doc.text(
            margin as f64,
            (self.h - margin * 0.8) as f64,
            &fitted(source, self.w - 2.0 * margin, small, m),
            TextStyle::new(small as f64, palette::INK_MUTED),
        );
        self.h - margin * 0.8 - small * 1.6
    }

    /// Share the space between `top` and `bottom` out between the wheel and its legend:
    /// the legend to the right on wide pictures, below on tall or square ones. Returns
    /// where the wheel goes, the legend laid out, and its top left corner.
    pub fn arrange<'a>(
        &self,
        top: f32,
        bottom: f32,
        legend: &'a Legend,
        hints: &[String],
        m: &dyn TextMeasurer,
    ) -> (WheelPlace, Key<'a>, (f32, f32)) {
        let (w, margin, body) = (self.w, self.margin, self.body);
        if w / self.h >= 1.3 {
            let legend_w = (w * 0.26).max(260.0 * self.unit);
            let key = Key::new(legend, hints, legend_w, bottom - top, body, 1, m);
            let radius = ((w - 3.0 * margin - legend_w).min(bottom - top) / 2.0).max(40.0);
            // Keep wheel and legend together, centred as a pair.
            let gap = margin * 1.5;
            let pair = 2.0 * radius + gap + legend_w;
            let left = margin + ((w - 2.0 * margin) - pair).max(0.0) / 2.0;
            let ky = top + ((bottom - top) - key.height()).max(0.0) / 2.0;
            let wheel = WheelPlace {
                cx: left + radius,
                cy: (top + bottom) / 2.0,
                radius,
            };
            (wheel, key, (left + 2.0 * radius + gap, ky))
        } else {
            let legend_w = w - 2.0 * margin;
            let key = Key::new(legend, hints, legend_w, (bottom - top) * 0.4, body, 2, m);
            let ky = bottom - key.height();
            let (y0, y1) = (top, ky - body);
            let wheel = WheelPlace {
                cx: w / 2.0,
                cy: (y0 + y1) / 2.0,
                radius: ((w - 2.0 * margin).min(y1 - y0) / 2.0).max(40.0),
            };
            (wheel, key, (margin, ky))
        }
    }
}
