//! Small shared widgets: RAG badges that carry a symbol and a word, not colour alone, a
//! calendar beside fields that take dates, and the size of an exported picture.

use crate::model::{Period, Rag};
use crate::palette;
use crate::ui::theme::color;
use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};

/// The date picker's calendar date for `d`.
pub fn jiff_date(d: NaiveDate) -> jiff::civil::Date {
    jiff::civil::Date::new(d.year() as i16, d.month() as i8, d.day() as i8)
        .unwrap_or(jiff::civil::Date::constant(2025, 1, 1))
}

/// The date the picker chose.
pub fn from_jiff(d: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32)
}

/// A calendar button that writes the chosen day into a period field as `2024-03-31`. The field
/// stays typed text, because a period can also be a month, a quarter or a financial year.
pub fn period_calendar(ui: &mut Ui, salt: &str, text: &mut String) -> egui::Response {
    let shown = match text.trim().parse::<Period>() {
        Ok(Period::Date(d)) => d,
        _ => chrono::Local::now().date_naive(),
    };
    let mut d = jiff_date(shown);
    let r = ui
        .add(
            egui_extras::DatePickerButton::new(&mut d)
                .id_salt(salt)
                .format("Calendar…")
                .show_icon(false)
                .calendar_week(false),
        )
        .on_hover_text("Pick a day; for a month, quarter, financial year or run of years, type it");
    if r.changed()
        && let Some(nd) = from_jiff(d)
    {
        *text = Period::Date(nd).to_string();
    }
    r
}

/// A RAG badge: coloured chip with symbol and word ("✔ Green").
pub fn rag_badge(ui: &mut Ui, rag: Rag) -> egui::Response {
    let fill = palette::rag_colour(rag);
    let text = RichText::new(format!("{} {}", palette::rag_symbol(rag), rag.label()))
        .color(color(fill.text_on()));
    egui::Frame::new()
        .fill(color(fill))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| ui.label(text))
        .inner
}

/// Lay out `add` as one piece inside a `horizontal_wrapped` ui, so that a label never parts
/// from its control: the piece starts a new line when the width it took last frame does not
/// fit on this one (egui cannot wrap a group it has not measured yet).
pub fn keep_together<R>(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let id = ui.scope_id().with(("keep-together", id_salt));
    let last: Option<f32> = ui.data(|d| d.get_temp(id));
    let at_line_start = ui.cursor().min.x <= ui.max_rect().min.x + 0.5;
    if let Some(w) = last
        && !at_line_start
        && ui.available_size_before_wrap().x < w
    {
        ui.end_row();
    }
    let r = ui.horizontal(add);
    ui.data_mut(|d| d.insert_temp(id, r.response.rect.width()));
    r.inner
}

/// A label that always takes the width `widest` would take, so the controls after it do not
/// move when its text changes ("1 match", "3 matches").
pub fn fixed_width_label(ui: &mut Ui, text: RichText, widest: &str) -> egui::Response {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width = ui
        .fonts_mut(|f| f.layout_no_wrap(widest.to_string(), font, egui::Color32::BLACK))
        .size()
        .x;
    let height = ui.spacing().interact_size.y;
    ui.add_sized([width, height], egui::Label::new(text))
}

/// The size of a picture to export, chosen in an export menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportSize {
    pub width: u32,
    pub height: u32,
}

impl Default for ExportSize {
    fn default() -> Self {
        ExportSize {
            width: 1920,
            height: 1080,
        }
    }
}

/// What an export menu was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportChoice {
    /// Save to a file of this extension ("png" or "svg").
    Save(&'static str),
    /// Put the picture on the clipboard.
    Copy,
}

impl ExportSize {
    /// An export menu's body: the size, `note` on what the picture shows, "Copy picture",
    /// "Save as PNG…" and "Save as SVG…". What was chosen, if anything (the menu is then closed).
    pub fn menu(&mut self, ui: &mut Ui, note: &str) -> Option<ExportChoice> {
        self.ui(ui);
        ui.label(
            RichText::new(note)
                .small()
                .color(crate::ui::theme::muted(ui)),
        );
        if ui
            .button("Copy picture")
            .on_hover_text("Put the picture on the clipboard, to paste into a slide")
            .clicked()
        {
            ui.close();
            return Some(ExportChoice::Copy);
        }
        for (label, ext) in [("Save as PNG…", "png"), ("Save as SVG…", "svg")] {
            if ui.button(label).clicked() {
                ui.close();
                return Some(ExportChoice::Save(ext));
            }
        }
        None
    }

    /// The presets and a width and height to type.
    pub fn ui(&mut self, ui: &mut Ui) {
        ui.label(RichText::new("Size").strong());
        for (name, w, h) in crate::export::PRESETS {
            let on = self.width == w && self.height == h;
            if ui.radio(on, name).clicked() {
                (self.width, self.height) = (w, h);
            }
        }
        ui.horizontal(|ui| {
            let l = ui.label("Width");
            ui.add(egui::DragValue::new(&mut self.width).range(200..=8000))
                .labelled_by(l.id);
            let l = ui.label("Height");
            ui.add(egui::DragValue::new(&mut self.height).range(200..=8000))
                .labelled_by(l.id);
        });
    }
}
