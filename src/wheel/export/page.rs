//! The page around the wheel: title and subtitle, source line, and the legend beside the
//! wheel on wide pictures or below it on tall and square ones.

use super::super::text::{self, TextMeasurer};
use super::super::{Legend, ViewState, breadcrumb};
use super::draw::swatch;
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

/// The legend as placed: its heading's lines, its columns and where it starts.
pub(super) struct KeyPlace<'a> {
    legend: &'a Legend,
    title_lines: Vec<String>,
    x: f32,
    y: f32,
    width: f32,
    cols: usize,
    rows: usize,
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

    /// Draw the title (up to two lines) and the subtitle (colour mode and zoom); returns
    /// where the space below them starts.
    pub fn heading(
        &self,
        doc: &mut Svg,
        project: &Project,
        state: &ViewState,
        m: &dyn TextMeasurer,
    ) -> f32 {
        let (margin, title_size, sub_size) = (self.margin, self.title_size, self.sub_size);
        let mut y = margin + title_size;
        for line in text::wrap(&title(project), self.w - 2.0 * margin, title_size, m)
            .iter()
            .take(2)
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

    /// Share the space between `top` and `bottom` out between the wheel and its legend.
    pub fn arrange<'a>(
        &self,
        top: f32,
        bottom: f32,
        legend: &'a Legend,
        m: &dyn TextMeasurer,
    ) -> (WheelPlace, KeyPlace<'a>) {
        let (w, margin, body) = (self.w, self.margin, self.body);
        let wide = w / self.h >= 1.3;
        let legend_w = if wide {
            (w * 0.26).max(260.0 * self.unit)
        } else {
            w - 2.0 * margin
        };
        let row = body * 1.6;
        // Bold text is wider than the estimate's regular weight.
        let title_lines = text::wrap(&legend.title, legend_w / 1.2, body, m);
        let cols = if wide { 1 } else { 2 };
        let rows = legend.entries.len().div_ceil(cols);
        let legend_h = title_lines.len() as f32 * body * 1.3 + rows as f32 * row + body;
        let (wheel_box, mut legend_at) = if wide {
            let lx = w - margin - legend_w;
            (
                (margin, top, lx - margin, bottom),
                (lx, top + ((bottom - top) - legend_h).max(0.0) / 2.0),
            )
        } else {
            let ly = bottom - legend_h;
            ((margin, top, w - margin, ly - body), (margin, ly))
        };
        let (x0, y0, x1, y1) = wheel_box;
        let radius = ((x1 - x0).min(y1 - y0) / 2.0).max(40.0);
        let (mut cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        if wide {
            // Keep wheel and legend together, centred as a pair.
            let gap = margin * 1.5;
            let pair = 2.0 * radius + gap + legend_w;
            let left = margin + ((w - 2.0 * margin) - pair).max(0.0) / 2.0;
            cx = left + radius;
            legend_at.0 = left + 2.0 * radius + gap;
        }
        (
            WheelPlace { cx, cy, radius },
            KeyPlace {
                legend,
                title_lines,
                x: legend_at.0,
                y: legend_at.1,
                width: legend_w,
                cols,
                rows,
            },
        )
    }

    /// Draw the legend where [`Page::arrange`] placed it.
    pub fn draw_legend(&self, doc: &mut Svg, key: &KeyPlace, m: &dyn TextMeasurer) {
        let body = self.body;
        let row = body * 1.6;
        let (lx, mut ly) = (key.x, key.y);
        for l in &key.title_lines {
            ly += body;
            doc.text(
                lx as f64,
                ly as f64,
                l,
                TextStyle::new(body as f64, palette::INK).bold(),
            );
            ly += body * 0.3;
        }
        ly += body * 0.5;
        let col_w = key.width / key.cols as f32;
        for (i, e) in key.legend.entries.iter().enumerate() {
            let (c, r) = (i / key.rows, i % key.rows);
            let x = lx + c as f32 * col_w;
            let yy = ly + r as f32 * row;
            swatch(
                doc,
                x as f64,
                yy as f64,
                (body * 1.1) as f64,
                e.colour,
                e.pattern,
            );
            let avail = (col_w - body * 1.8).min(self.w - self.margin - (x + body * 1.6));
            doc.text(
                (x + body * 1.6) as f64,
                (yy + body * 0.9) as f64,
                &fitted(e.label.clone(), avail, body, m),
                TextStyle::new(body as f64, palette::INK),
            );
        }
    }
}
