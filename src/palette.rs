//! Colours and symbols shared by the screen and the exports: colour-blind-safe
//! (Okabe–Ito based) and paired with words or shapes so that no status is colour alone.

use crate::model::{Colour, Rag};

/// Okabe–Ito colours, darkened where needed for contrast on white.
pub const CATEGORICAL: [Colour; 8] = [
    Colour::rgb(0x00, 0x72, 0xb2), // blue
    Colour::rgb(0xd5, 0x5e, 0x00), // vermillion
    Colour::rgb(0x00, 0x9e, 0x73), // bluish green
    Colour::rgb(0xcc, 0x79, 0xa7), // reddish purple
    Colour::rgb(0xe6, 0x9f, 0x00), // orange
    Colour::rgb(0x56, 0xb4, 0xe9), // sky blue
    Colour::rgb(0x6b, 0x6b, 0x6b), // grey
    Colour::rgb(0x8c, 0x5a, 0x00), // brown
];

/// Ink for text and lines on a light background.
pub const INK: Colour = Colour::rgb(0x1f, 0x23, 0x28);
/// Secondary text that still meets WCAG AA on white (contrast > 4.5).
pub const INK_MUTED: Colour = Colour::rgb(0x55, 0x5b, 0x63);
pub const PAPER: Colour = Colour::rgb(0xff, 0xff, 0xff);
pub const GRID: Colour = Colour::rgb(0xdd, 0xe1, 0xe6);

/// The fill for a RAG rating.
pub fn rag_colour(rag: Rag) -> Colour {
    match rag {
        Rag::NotStarted => Colour::rgb(0x9a, 0xa0, 0xa6),
        Rag::Red => Colour::rgb(0xc6, 0x28, 0x28),
        Rag::Amber => Colour::rgb(0xf2, 0xa9, 0x00),
        Rag::Green => Colour::rgb(0x1b, 0x7f, 0x3b),
        Rag::Complete => Colour::rgb(0x1f, 0x4e, 0x99),
    }
}

/// A symbol that carries the rating without colour (all present in egui's default fonts).
pub fn rag_symbol(rag: Rag) -> &'static str {
    match rag {
        Rag::NotStarted => "○",
        Rag::Red => "✖",
        Rag::Amber => "▲",
        Rag::Green => "✔",
        Rag::Complete => "★",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_colours_meet_wcag_aa_on_paper() {
        assert!(INK.contrast(PAPER) >= 7.0);
        assert!(INK_MUTED.contrast(PAPER) >= 4.5);
    }

    #[test]
    fn rag_fills_have_readable_text() {
        for rag in Rag::ALL {
            let fill = rag_colour(rag);
            assert!(fill.contrast(fill.text_on()) >= 4.5, "{rag:?}");
        }
    }
}
