//! Character widths from the fonts egui draws the wheel's labels with.

use crate::model::Project;
use crate::wheel::{self, TextMeasurer};
use egui::FontId;
use std::collections::HashMap;

/// Character widths from the fonts egui draws with (falling back to the estimate).
pub(super) struct EguiMeasurer {
    /// Widths of the first 512 code points (Latin, with accents), looked up by index: a
    /// relayout of a large wheel asks for millions of widths.
    latin: Box<[f32; 512]>,
    em: HashMap<char, f32>,
}

impl EguiMeasurer {
    pub(super) fn new(ctx: &egui::Context, p: &Project) -> Self {
        let mut chars: std::collections::HashSet<char> =
            "…abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ✔✖?–"
                .chars()
                .collect();
        let mut add = |s: &str| chars.extend(s.chars());
        add(&p.programme.vision);
        add(&p.programme.title);
        p.priorities.iter().for_each(|x| add(&x.name));
        p.needs.iter().for_each(|x| add(&x.name));
        p.outcomes.iter().for_each(|x| add(&x.name));
        p.voices.iter().for_each(|x| add(&x.text));
        let font = FontId::proportional(100.0);
        let em: HashMap<char, f32> = ctx.fonts_mut(|f| {
            chars
                .into_iter()
                .map(|c| {
                    let w = f.glyph_width(&font, c) / 100.0;
                    let w = if w > 0.0 { w } else { wheel::Estimate.em(c) };
                    (c, w * 1.03)
                })
                .collect()
        });
        let mut latin = Box::new([0.0; 512]);
        for (i, w) in latin.iter_mut().enumerate() {
            let c = char::from_u32(i as u32).unwrap_or(' ');
            *w = em.get(&c).copied().unwrap_or_else(|| wheel::Estimate.em(c));
        }
        EguiMeasurer { latin, em }
    }
}

impl TextMeasurer for EguiMeasurer {
    fn em(&self, c: char) -> f32 {
        match self.latin.get(c as usize) {
            Some(w) => *w,
            None => self
                .em
                .get(&c)
                .copied()
                .unwrap_or_else(|| wheel::Estimate.em(c)),
        }
    }
}
