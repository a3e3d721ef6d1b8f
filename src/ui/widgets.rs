//! Small shared widgets: RAG badges that carry a symbol and a word, not colour alone.

use crate::model::Rag;
use crate::palette;
use crate::ui::theme::color;
use egui::{RichText, Ui};

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
