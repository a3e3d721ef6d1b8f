//! Every slide of a starter deck, on projects unlike Luton's (other scripts, long names, 40
//! priorities, one value, an empty plan), is drawn with its text inside the slide, no text
//! over another and every character in a bundled font.

mod fixtures;

use outcome_explorer::deck::{layout, slide, starter};
use outcome_explorer::export::picture_check::{self, Problem};
use outcome_explorer::model::SlideView;

#[test]
fn every_slide_of_every_test_project_reads_cleanly() {
    let mut projects = fixtures::all();
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
    projects.push((
        "luton-2040.ron",
        outcome_explorer::file::load(&sample).unwrap(),
    ));
    let mut found = Vec::new();
    for (name, mut p) in projects {
        let mut deck = starter::starter(&p, "deck");
        // An 80-character title in two scripts, and a text slide, on every project.
        deck.slides[1].title =
            "Cyngor Bwrdeistref Sirol: ein canlyniadau a'n mesurau — ہمارے نتائج اور پیمائشیں 2035"
                .into();
        deck.slides.push(outcome_explorer::model::Slide {
            title: "Beth sy'n bwysig / What matters".into(),
            view: SlideView::Text {
                text: "Pam mae hyn yn bwysig\n- Llai o deuluoedd mewn gwestai\n- 少一些家庭住在酒店\n- ਘੱਟ ਪਰਿਵਾਰ ਹੋਟਲਾਂ ਵਿੱਚ".into(),
            },
            notes: String::new(),
        });
        p.presentations = vec![deck];
        let deck = &p.presentations[0];
        let n = deck.slides.len();
        for (i, s) in deck.slides.iter().enumerate() {
            let svg = slide::slide_svg(&p, deck, s, i + 1, n);
            let picture = picture_check::read(&svg).unwrap();
            let first_line = match s.view {
                SlideView::Title { .. } => None,
                _ => Some(layout::frame(&slide::title(s)).title_lines[0].clone()),
            };
            if let Some(line) = first_line {
                assert!(
                    picture.texts.iter().any(|t| t.text == line),
                    "{name} slide {}: the title {line:?} is drawn",
                    i + 1
                );
            }
            let problems = picture_check::problems(&picture);
            // The chart, wheel and dashboard pictures are checked by their own tests; here
            // the slide's own parts: its title band, its words, its tables.
            let own = matches!(
                s.view,
                SlideView::Title { .. }
                    | SlideView::Text { .. }
                    | SlideView::Actions { .. }
                    | SlideView::Missions
            );
            for pr in problems {
                let about_title = match &pr {
                    Problem::Overlap { a, b, .. } => {
                        deck.slides[i].title.starts_with(a.trim_end_matches('…'))
                            || deck.slides[i].title.starts_with(b.trim_end_matches('…'))
                    }
                    Problem::OutsideCanvas { text, .. } | Problem::MissingGlyphs { text, .. } => {
                        s.title.contains(text.trim_end_matches(['…', ' ']))
                    }
                };
                if own || about_title {
                    found.push(format!("{name} slide {} ({}): {pr}", i + 1, s.view.kind()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
