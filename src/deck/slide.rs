//! A slide as a picture: the title band, and under it the body drawn by the same code as
//! the single-picture exports (the chart, the wheel, the dashboard), or by the deck's own
//! table and word pictures.

use super::layout::{self, COUNTER_SIZE, Rect, TITLE_SIZE};
use super::{table, views, words};
use crate::chart;
use crate::export::svg::{Anchor, Svg, TextStyle};
use crate::model::{Presentation, Project, Slide, SlideView};
use crate::palette::{INK, INK_MUTED};
use crate::wheel;

/// What a slide is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A cover: the whole slide is the picture, with the title in it.
    Cover,
    /// Words in the body (a PowerPoint body placeholder holds them as text).
    Words,
    /// A picture in the body.
    Picture,
}

/// How `slide` is drawn.
pub fn shape(slide: &Slide) -> Shape {
    match slide.view {
        SlideView::Title { .. } => Shape::Cover,
        SlideView::Text { .. } => Shape::Words,
        _ => Shape::Picture,
    }
}

/// The slide's title, or its kind when it has none.
pub fn title(slide: &Slide) -> String {
    let t = slide.title.trim();
    if t.is_empty() {
        slide.view.kind().to_string()
    } else {
        t.to_string()
    }
}

/// The body of `slide` as an SVG document `w`×`h` units, without the slide's title.
pub fn body_svg(project: &Project, slide: &Slide, w: f64, h: f64) -> String {
    match &slide.view {
        SlideView::Title { subtitle } => {
            words::cover(project, &Presentation::default(), &title(slide), subtitle)
        }
        SlideView::Text { text } => words::text_body(text, w, h),
        SlideView::Wheel {
            grouping,
            colour,
            focus,
            focus_sub,
            selected,
        } => {
            let state =
                views::wheel_state(*grouping, *colour, focus.as_deref(), focus_sub.as_deref());
            let opts = wheel::export::ExportOptions {
                width: w.round() as u32,
                height: h.round() as u32,
                selected: selected.as_deref().map(views::outcome_key),
            };
            wheel::export::svg_untitled(project, &state, &opts)
        }
        SlideView::Chart { measure, .. } => match views::slide_chart(project, &slide.view) {
            Some(mut c) => {
                c.title.clear();
                chart::svg::chart(&c, w, h)
            }
            None => words::missing_body(&format!("measure {measure:?} does not exist"), w, h),
        },
        SlideView::Dashboard { measures } => {
            let cards: Vec<chart::Card> = views::dashboard_measures(project, measures)
                .into_iter()
                .map(|i| chart::card(project, i, &project.measures[i]))
                .collect();
            chart::dashboard_svg::dashboard("", &cards, w, h)
        }
        SlideView::Actions { plan, filter, sort } => match project.plan(plan) {
            Some(p) => table::svg(p, filter, *sort, w, h),
            None => words::missing_body(&format!("plan {plan:?} does not exist"), w, h),
        },
        SlideView::Missions => words::missions_body(project, w, h),
    }
}

/// The slide's picture in words, for its alternative text (screen readers, PowerPoint's
/// accessibility checker): what it shows, its status and its sources.
pub fn describe(project: &Project, slide: &Slide) -> String {
    match &slide.view {
        SlideView::Title { subtitle } => format!("{}. {subtitle}", title(slide)),
        SlideView::Text { text } => text.clone(),
        SlideView::Wheel { colour, focus, .. } => {
            let state = views::wheel_state(Default::default(), *colour, None, None);
            let within = focus
                .as_deref()
                .map(|f| format!(", zoomed into {f}"))
                .unwrap_or_default();
            format!(
                "Outcomes wheel of {} around the vision, coloured by {}{within}.",
                crate::format::count(project.outcomes.len(), "outcome", "outcomes"),
                state.colour.label().to_lowercase()
            )
        }
        SlideView::Chart { measure, .. } => match views::slide_chart(project, &slide.view) {
            Some(c) => format!(
                "Trend chart: {}. {} {}. {}.",
                c.subtitle,
                c.assessment.badge(),
                c.verdict_text,
                c.footnote
            ),
            None => format!("Measure {measure:?} does not exist."),
        },
        SlideView::Dashboard { measures } => {
            let cards: Vec<String> = views::dashboard_measures(project, measures)
                .into_iter()
                .map(|i| {
                    let c = chart::card(project, i, &project.measures[i]);
                    format!("{}: {} {}", c.name, c.latest, c.latest_period)
                })
                .collect();
            format!(
                "Small charts of {} measures. {}.",
                cards.len(),
                cards.join("; ")
            )
        }
        SlideView::Actions { plan, filter, sort } => match project.plan(plan) {
            Some(p) => {
                let rows = views::plan_rows(p, filter, *sort);
                format!("Table of {}: {}.", p.title, table::summary(p, &rows))
            }
            None => format!("Plan {plan:?} does not exist."),
        },
        SlideView::Missions => {
            let m: Vec<&str> = project.missions.iter().map(|m| m.name.as_str()).collect();
            let p: Vec<&str> = project.pledges.iter().map(|p| p.partner.as_str()).collect();
            format!(
                "Missions: {}. Pledges from: {}.",
                m.join("; "),
                p.join("; ")
            )
        }
    }
}

/// The whole slide (number `number` of `total`, from 1) as an SVG document of
/// [`layout::WIDTH`]×[`layout::HEIGHT`] units.
pub fn slide_svg(
    project: &Project,
    deck: &Presentation,
    slide: &Slide,
    number: usize,
    total: usize,
) -> String {
    let heading = title(slide);
    if let SlideView::Title { subtitle } = &slide.view {
        return words::cover(project, deck, &heading, subtitle);
    }
    let frame = layout::frame(&heading);
    let mut s = Svg::new(layout::WIDTH, layout::HEIGHT, &heading);
    let body = body_svg(project, slide, frame.body.w, frame.body.h);
    s.raw(&nested(&body, frame.body));
    s.text_lines(
        frame.title.x,
        frame.title.y + TITLE_SIZE,
        &frame.title_lines,
        TextStyle::new(TITLE_SIZE, INK).bold(),
        layout::title_line_height(),
    );
    s.text(
        frame.counter_at.0,
        frame.counter_at.1,
        &format!("{number} / {total}"),
        TextStyle::new(COUNTER_SIZE, INK_MUTED).anchor(Anchor::End),
    );
    s.finish()
}

/// `doc` (a whole SVG document) as an element placed in `r` of another document.
pub fn nested(doc: &str, r: Rect) -> String {
    let start = doc.find("<svg").unwrap_or(0);
    let open_end = doc[start..].find('>').map_or(start, |i| start + i + 1);
    let close = doc.rfind("</svg>").unwrap_or(doc.len());
    let attrs = &doc[start + 4..open_end - 1];
    let view_box = attrs
        .split("viewBox=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .unwrap_or("0 0 1 1");
    format!(
        "<svg x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" viewBox=\"{view_box}\" overflow=\"hidden\">\n{}</svg>",
        r.x,
        r.y,
        r.w,
        r.h,
        &doc[open_end.min(close)..close]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_nests_in_its_place() {
        let mut inner = Svg::new(100.0, 50.0, "inner");
        inner.text(1.0, 2.0, "hello", TextStyle::new(10.0, INK));
        let n = nested(
            &inner.finish(),
            Rect {
                x: 0.0,
                y: 120.0,
                w: 200.0,
                h: 100.0,
            },
        );
        assert!(n.starts_with(
            "<svg x=\"0.00\" y=\"120.00\" width=\"200.00\" height=\"100.00\" viewBox=\"0 0 100 50\""
        ));
        assert!(n.contains(">hello</text>"));
        assert!(!n.contains("<?xml"));
        assert!(n.ends_with("</svg>"));
        assert_eq!(n.matches("<svg").count(), 1);
    }

    fn sample() -> Project {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
        crate::file::load(&path).expect("the sample loads")
    }

    #[test]
    fn every_sample_slide_draws_with_its_title_and_counter() {
        let p = sample();
        let deck = &p.presentations[0];
        let n = deck.slides.len();
        assert!(n >= 8, "the sample tells its story in {n} slides");
        for (i, slide) in deck.slides.iter().enumerate() {
            let svg = slide_svg(&p, deck, slide, i + 1, n);
            let opts = resvg::usvg::Options::default();
            resvg::usvg::Tree::from_str(&svg, &opts)
                .unwrap_or_else(|e| panic!("slide {}: {e}", i + 1));
            let first_words: String = slide.title.chars().take(20).collect();
            let first_words = crate::export::svg::escape(&first_words);
            assert!(
                svg.contains(&first_words),
                "slide {} lacks its title",
                i + 1
            );
            if shape(slide) != Shape::Cover {
                assert!(svg.contains(&format!(">{} / {n}</text>", i + 1)));
            }
        }
    }

    #[test]
    fn a_slide_whose_measure_is_gone_says_so() {
        let p = sample();
        let slide = Slide {
            title: "Gone".into(),
            view: SlideView::Chart {
                measure: "gone".into(),
                fit_axis: None,
                comparators: None,
                from: None,
                to: None,
            },
            notes: String::new(),
        };
        let svg = slide_svg(&p, &Presentation::default(), &slide, 1, 1);
        assert!(
            svg.contains("measure &quot;gone&quot; does not exist"),
            "{svg}"
        );
    }
}
