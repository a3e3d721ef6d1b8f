//! Slides made of words: the cover, a text slide, the missions and pledges, and the notice
//! shown in place of a view whose measure or plan no longer exists.

use super::layout::{self, BODY_SIZE, MARGIN};
use crate::export::svg::{Anchor, Stroke, Svg, TextStyle};
use crate::model::{Presentation, Project};
use crate::palette::{GRID, INK, INK_MUTED};

/// Size of the source line under a picture of words or a table.
pub const SOURCE_SIZE: f64 = 20.0;

/// The source line at the foot of a `w`×`h` picture (at most two lines); returns its top.
pub fn source_line(s: &mut Svg, text: &str, w: f64, h: f64) -> f64 {
    let lines = layout::wrap(text, w - 2.0 * MARGIN, SOURCE_SIZE, 2);
    let line_h = SOURCE_SIZE * 1.3;
    let first = h - MARGIN * 0.6 - line_h * (lines.len() as f64 - 1.0);
    s.text_lines(
        MARGIN,
        first,
        &lines,
        TextStyle::new(SOURCE_SIZE, INK_MUTED),
        line_h,
    );
    first - SOURCE_SIZE * 1.6
}

/// The cover: the title large, the subtitle, and the organisation and date at the foot.
pub fn cover(project: &Project, deck: &Presentation, title: &str, subtitle: &str) -> String {
    let (w, h) = (layout::WIDTH, layout::HEIGHT);
    let mut s = Svg::new(w, h, title);
    let size = 80.0;
    let lines = layout::wrap_bold(title.trim(), w - 4.0 * MARGIN, size, 3);
    let sub = layout::wrap(subtitle.trim(), w - 4.0 * MARGIN, 40.0, 3);
    let block = lines.len() as f64 * size * 1.2 + sub.len() as f64 * 40.0 * 1.35 + 40.0;
    let mut y = (h - block) / 2.0 + size * 0.9;
    // A band in the colour of the charts' own series, so the cover is not bare.
    s.rect(0.0, 0.0, w, 24.0, Some(crate::chart::MAIN), None);
    for l in &lines {
        s.text(
            w / 2.0,
            y,
            l,
            TextStyle::new(size, INK).bold().anchor(Anchor::Middle),
        );
        y += size * 1.2;
    }
    y += 40.0 * 0.6;
    for l in &sub {
        s.text(
            w / 2.0,
            y,
            l,
            TextStyle::new(40.0, INK_MUTED).anchor(Anchor::Middle),
        );
        y += 40.0 * 1.35;
    }
    let prog = &project.programme;
    let foot: Vec<&str> = [
        prog.organisation.trim(),
        prog.title.trim(),
        deck.title.trim(),
    ]
    .into_iter()
    .filter(|p| !p.is_empty() && *p != title.trim())
    .collect();
    let foot = format!(
        "{}{}Made with Outcome Explorer on {}",
        foot.join(" · "),
        if foot.is_empty() { "" } else { " · " },
        crate::format::date(chrono::Local::now().date_naive())
    );
    for (i, l) in layout::wrap(&foot, w - 2.0 * MARGIN, 26.0, 2)
        .iter()
        .enumerate()
    {
        s.text(
            w / 2.0,
            h - MARGIN * 1.6 + i as f64 * 26.0 * 1.3,
            l,
            TextStyle::new(26.0, INK_MUTED).anchor(Anchor::Middle),
        );
    }
    s.finish()
}

/// A paragraph of a text slide: a bullet ("- " at the start of its line) or plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub bullet: bool,
    pub text: String,
}

/// The paragraphs of a text slide's text: one per non-blank line.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(
            |l| match l.strip_prefix("- ").or_else(|| l.strip_prefix("• ")) {
                Some(rest) => Paragraph {
                    bullet: true,
                    text: rest.trim().to_string(),
                },
                None => Paragraph {
                    bullet: false,
                    text: l.to_string(),
                },
            },
        )
        .collect()
}

/// A text slide's body: paragraphs and bullets, as large as fits (36 down to 24 units).
pub fn text_body(text: &str, w: f64, h: f64) -> String {
    let mut s = Svg::new(w, h, "Text");
    let paras = paragraphs(text);
    let indent = 44.0;
    let fit = [36.0, 32.0, 28.0, 24.0].into_iter().find_map(|size| {
        let laid = lay_out(&paras, w - 2.0 * MARGIN - indent, size);
        let height: f64 = laid
            .iter()
            .map(|(_, l)| l.len() as f64 * size * 1.3 + size * 0.6)
            .sum();
        (height <= h - MARGIN).then_some((size, laid))
    });
    let (size, laid) =
        fit.unwrap_or_else(|| (24.0, lay_out(&paras, w - 2.0 * MARGIN - indent, 24.0)));
    let mut y = MARGIN * 0.5 + size;
    for (p, lines) in laid {
        if y > h - MARGIN * 0.5 {
            break;
        }
        let x = if p.bullet { MARGIN + indent } else { MARGIN };
        if p.bullet {
            s.circle(
                MARGIN + indent * 0.4,
                y - size * 0.33,
                size * 0.14,
                Some(INK),
                None,
            );
        }
        for l in lines {
            s.text(x, y, &l, TextStyle::new(size, INK));
            y += size * 1.3;
        }
        y += size * 0.6;
    }
    s.finish()
}

fn lay_out(paras: &[Paragraph], width: f64, size: f64) -> Vec<(Paragraph, Vec<String>)> {
    paras
        .iter()
        .map(|p| (p.clone(), layout::wrap(&p.text, width, size, 6)))
        .collect()
}

/// The missions (left) and the partners' pledges (right), with their sources.
pub fn missions_body(project: &Project, w: f64, h: f64) -> String {
    let mut s = Svg::new(w, h, "Missions and pledges");
    let mut sources: Vec<String> = Vec::new();
    for p in &project.pledges {
        if let Some(src) = p.source.as_deref().and_then(|id| project.source(id))
            && !sources.contains(&src.title)
        {
            sources.push(src.title.clone());
        }
    }
    let source = if sources.is_empty() {
        format!("Source: {} project file", project.programme.title.trim())
    } else {
        format!("Source: {}", sources.join("; "))
    };
    let bottom = source_line(&mut s, &source, w, h);
    let col_w = (w - 3.0 * MARGIN) / 2.0;
    let missions: Vec<(String, String)> = project
        .missions
        .iter()
        .map(|m| {
            let n = m.outcomes.len();
            let outcomes = format!("{n} outcome{}", if n == 1 { "" } else { "s" });
            let detail = if m.description.trim().is_empty() {
                outcomes
            } else {
                format!("{} ({outcomes})", m.description.trim())
            };
            (m.name.clone(), detail)
        })
        .collect();
    let pledges: Vec<(String, String)> = project
        .pledges
        .iter()
        .map(|p| {
            let by =
                p.by.map(|b| format!(" By {}.", b.label()))
                    .unwrap_or_default();
            (p.partner.clone(), format!("{}{by}", p.commitment.trim()))
        })
        .collect();
    column(&mut s, MARGIN, col_w, bottom, "Missions", &missions);
    column(
        &mut s,
        2.0 * MARGIN + col_w,
        col_w,
        bottom,
        "Pledges",
        &pledges,
    );
    s.line(
        1.5 * MARGIN + col_w,
        MARGIN * 0.5,
        1.5 * MARGIN + col_w,
        bottom,
        &Stroke::solid(GRID, 2.0),
    );
    s.finish()
}

/// A headed list of (name, detail) items, as large as fits between the top and `bottom`;
/// items that do not fit are counted at the foot.
fn column(s: &mut Svg, x: f64, w: f64, bottom: f64, heading: &str, items: &[(String, String)]) {
    let top = MARGIN * 0.5;
    s.text(
        x,
        top + BODY_SIZE,
        heading,
        TextStyle::new(BODY_SIZE, INK_MUTED).bold(),
    );
    if items.is_empty() {
        s.text(
            x,
            top + BODY_SIZE * 2.6,
            "None recorded",
            TextStyle::new(BODY_SIZE * 0.8, INK_MUTED),
        );
        return;
    }
    let start = top + BODY_SIZE * 1.8;
    let laid = |size: f64| -> Vec<(Vec<String>, Vec<String>)> {
        items
            .iter()
            .map(|(n, d)| {
                (
                    layout::wrap_bold(n, w, size, 2),
                    layout::wrap(d, w, size * 0.85, 2),
                )
            })
            .collect()
    };
    let height = |size: f64, l: &[(Vec<String>, Vec<String>)]| -> f64 {
        l.iter()
            .map(|(n, d)| n.len() as f64 * size * 1.25 + d.len() as f64 * size * 1.1 + size * 0.7)
            .sum()
    };
    let size = [28.0, 26.0, 24.0, 22.0]
        .into_iter()
        .find(|&z| start + height(z, &laid(z)) <= bottom)
        .unwrap_or(22.0);
    let mut y = start;
    let all = laid(size);
    for (i, (name, detail)) in all.iter().enumerate() {
        let need = name.len() as f64 * size * 1.25 + detail.len() as f64 * size * 1.1;
        if y + need > bottom - size * 1.4 && i + 1 < all.len() {
            let more = all.len() - i;
            s.text(
                x,
                y + size,
                &format!("…and {more} more"),
                TextStyle::new(size * 0.85, INK_MUTED),
            );
            break;
        }
        for l in name {
            y += size * 1.25;
            s.text(x, y, l, TextStyle::new(size, INK).bold());
        }
        for l in detail {
            y += size * 1.1;
            s.text(x, y, l, TextStyle::new(size * 0.85, INK_MUTED));
        }
        y += size * 0.7;
    }
}

/// Shown in place of a view that cannot be drawn ("measure "x" does not exist").
pub fn missing_body(problem: &str, w: f64, h: f64) -> String {
    let mut s = Svg::new(w, h, "Not available");
    s.rect(
        MARGIN,
        MARGIN * 0.5,
        w - 2.0 * MARGIN,
        h - MARGIN,
        None,
        Some(&Stroke::dashed(INK_MUTED, 3.0, "12 8")),
    );
    let lines = layout::wrap(
        &format!(
            "This slide cannot be drawn: {problem}. Choose another view for it in the Slides panel."
        ),
        w - 4.0 * MARGIN,
        BODY_SIZE,
        4,
    );
    let mut y = h / 2.0 - lines.len() as f64 * BODY_SIZE * 0.65 + BODY_SIZE;
    for l in lines {
        s.text(
            w / 2.0,
            y,
            &l,
            TextStyle::new(BODY_SIZE, INK).anchor(Anchor::Middle),
        );
        y += BODY_SIZE * 1.3;
    }
    s.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_paragraphs() {
        let p = paragraphs("Why it matters\n\n- Fewer families in hotels\n• Lower spend\n");
        assert_eq!(p.len(), 3);
        assert!(!p[0].bullet && p[1].bullet && p[2].bullet);
        assert_eq!(p[2].text, "Lower spend");
    }

    #[test]
    fn a_text_body_holds_its_words() {
        let svg = text_body("Intro line\n- First & foremost", 1920.0, 900.0);
        assert!(svg.contains(">Intro line</text>"));
        assert!(svg.contains(">First &amp; foremost</text>"));
        assert!(svg.contains("<circle"));
    }
}
