//! Light (default) and dark themes, sized for projection, and colour conversion from the core.

use crate::model::Colour;
use egui::{Color32, FontFamily, FontId, TextStyle};

pub fn color(c: Colour) -> Color32 {
    Color32::from_rgb(c.r, c.g, c.b)
}

/// Install the bundled fonts: DejaVu Sans first (it has the status symbols), egui's own after,
/// then the fallbacks for other scripts.
pub fn install_fonts(ctx: &egui::Context) {
    use crate::export::fonts;
    let mut defs = egui::FontDefinitions::default();
    defs.font_data.insert(
        "dejavu-sans".into(),
        std::sync::Arc::new(egui::FontData::from_static(fonts::SANS)),
    );
    defs.font_data.insert(
        "dejavu-sans-bold".into(),
        std::sync::Arc::new(egui::FontData::from_static(fonts::SANS_BOLD)),
    );
    defs.families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, "dejavu-sans".into());
    defs.families
        .entry(FontFamily::Monospace)
        .or_default()
        .push("dejavu-sans".into());
    defs.families.insert(
        FontFamily::Name(BOLD.into()),
        vec!["dejavu-sans-bold".into(), "dejavu-sans".into()],
    );
    // Scripts DejaVu Sans lacks (Chinese, Japanese, Korean, Bengali, Devanagari) come from
    // the bundled fallbacks, after egui's own fonts. egui draws Indic scripts letter by
    // letter, without joining; the exports (resvg) shape them properly.
    for (name, data) in fonts::FALLBACKS {
        defs.font_data.insert(
            name.into(),
            std::sync::Arc::new(egui::FontData::from_static(data)),
        );
        for family in [
            FontFamily::Proportional,
            FontFamily::Monospace,
            FontFamily::Name(BOLD.into()),
        ] {
            defs.families.entry(family).or_default().push(name.into());
        }
    }
    ctx.set_fonts(defs);
}

/// The bold font family's name: `FontFamily::Name(BOLD.into())`.
pub const BOLD: &str = "bold";

/// Apply text sizes and spacing suited to a projected screen.
pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(22.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

/// Secondary text colour that keeps WCAG AA contrast in either theme.
pub fn muted(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_gray(0xb4)
    } else {
        color(crate::palette::INK_MUTED)
    }
}
