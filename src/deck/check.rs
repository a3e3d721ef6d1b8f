//! Checks of a project's presentations: ids, and every slide's references to measures,
//! plans, outcomes, priorities and areas of need. Called by [`crate::validate`].
//!
//! A problem names the slide by its position and title:
//! `presentations "away-day" slide 3 ("Temporary accommodation")`.

use crate::model::{Presentation, Project, Slide, SlideView, WheelGrouping};
use crate::validate::{Issue, id_problem};
use std::collections::HashSet;

/// Every problem in the project's presentations (empty when there are none).
pub fn check(project: &Project) -> Vec<Issue> {
    let mut issues = Vec::new();
    let mut seen = HashSet::new();
    for (i, p) in project.presentations.iter().enumerate() {
        let path = presentation_path(i, p);
        if let Some(why) = id_problem(&p.id) {
            issues.push(Issue {
                path: path.clone(),
                message: why,
            });
        } else if !seen.insert(p.id.as_str()) {
            issues.push(Issue {
                path: format!("presentations[{}]", i + 1),
                message: format!("duplicate id {:?}", p.id),
            });
        }
        for (n, slide) in p.slides.iter().enumerate() {
            let at = || slide_path(&path, n, slide);
            for message in slide_problems(project, slide) {
                issues.push(Issue {
                    path: at(),
                    message,
                });
            }
        }
    }
    issues
}

fn presentation_path(index: usize, p: &Presentation) -> String {
    if p.id.is_empty() {
        format!("presentations[{}]", index + 1)
    } else {
        format!("presentations {:?}", p.id)
    }
}

/// `presentations "away-day" slide 3 ("Title")`, 1-based.
fn slide_path(presentation: &str, index: usize, slide: &Slide) -> String {
    let title = slide.title.trim();
    if title.is_empty() {
        format!("{presentation} slide {}", index + 1)
    } else {
        let short: String = title.chars().take(60).collect();
        let more = if short.len() < title.len() { "…" } else { "" };
        format!("{presentation} slide {} ({short:?}{more})", index + 1)
    }
}

/// What is wrong with one slide, in words.
pub fn slide_problems(project: &Project, slide: &Slide) -> Vec<String> {
    let mut out = Vec::new();
    let missing = |what: &str, id: &str| {
        if id.is_empty() {
            format!("{what} is empty (expected the id of a {what})")
        } else {
            format!("{what} {id:?} does not exist")
        }
    };
    match &slide.view {
        SlideView::Title { .. } | SlideView::Text { .. } | SlideView::Missions => {}
        SlideView::Wheel {
            grouping,
            focus,
            focus_sub,
            selected,
            ..
        } => {
            let is_priority = |id: &str| project.priority(id).is_some();
            let is_need = |id: &str| project.need(id).is_some();
            let ((inner, inner_what), (middle, middle_what)) = match grouping {
                WheelGrouping::PriorityThenNeed => (
                    (&is_priority as &dyn Fn(&str) -> bool, "priority"),
                    (&is_need as &dyn Fn(&str) -> bool, "area of need"),
                ),
                WheelGrouping::NeedThenPriority => (
                    (&is_need as &dyn Fn(&str) -> bool, "area of need"),
                    (&is_priority as &dyn Fn(&str) -> bool, "priority"),
                ),
            };
            if let Some(f) = focus
                && !inner(f)
            {
                out.push(format!("focus: {}", missing(inner_what, f)));
            }
            match (focus, focus_sub) {
                (None, Some(_)) => {
                    out.push("focus_sub is set without a focus (zoom into a group first)".into())
                }
                (Some(_), Some(s)) if !middle(s) => {
                    out.push(format!("focus_sub: {}", missing(middle_what, s)))
                }
                _ => {}
            }
            if let Some(o) = selected
                && project.outcome(o).is_none()
            {
                out.push(format!("selected: {}", missing("outcome", o)));
            }
        }
        SlideView::Chart {
            measure,
            comparators,
            from,
            to,
            ..
        } => match project.measure(measure) {
            None => out.push(missing("measure", measure)),
            Some(m) => {
                for name in comparators.iter().flatten() {
                    if !m.comparators.iter().any(|c| &c.name == name) {
                        out.push(format!(
                            "comparator {name:?} is not one of measure {:?}'s comparators",
                            m.id
                        ));
                    }
                }
                if let (Some(a), Some(b)) = (from, to)
                    && a.start() > b.end()
                {
                    out.push(format!("from {a} is after to {b}"));
                }
            }
        },
        SlideView::Dashboard { measures } => {
            for id in measures {
                if project.measure(id).is_none() {
                    out.push(missing("measure", id));
                }
            }
        }
        SlideView::Actions { plan, filter, .. } => {
            if project.plan(plan).is_none() {
                out.push(missing("plan", plan));
            }
            if let Some(o) = &filter.outcome
                && project.outcome(o).is_none()
            {
                out.push(format!("filter: {}", missing("outcome", o)));
            }
            if let (Some(a), Some(b)) = (filter.due_from, filter.due_to)
                && a > b
            {
                out.push(format!(
                    "filter: due_from {} is after due_to {}",
                    crate::format::date(a),
                    crate::format::date(b)
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PlanFilter, Presentation, Slide, SlideView};

    fn sample() -> Project {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
        let mut p = crate::file::load(&path).expect("the sample loads");
        assert!(check(&p).is_empty(), "the sample's own deck is valid");
        p.presentations.clear();
        p
    }

    fn deck(slides: Vec<Slide>) -> Presentation {
        Presentation {
            id: "away-day".into(),
            title: "Away day".into(),
            slides,
        }
    }

    fn slide(title: &str, view: SlideView) -> Slide {
        Slide {
            title: title.into(),
            view,
            notes: String::new(),
        }
    }

    fn chart(measure: &str) -> SlideView {
        SlideView::Chart {
            measure: measure.into(),
            fit_axis: None,
            comparators: None,
            from: None,
            to: None,
        }
    }

    #[test]
    fn a_missing_measure_is_named_with_the_slide_position() {
        let mut p = sample();
        p.presentations.push(deck(vec![
            slide(
                "Cover",
                SlideView::Title {
                    subtitle: String::new(),
                },
            ),
            slide("Temporary accommodation", chart("ta-households")),
            slide("Gone", chart("no-such-measure")),
        ]));
        let issues = check(&p);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(
            issues[0].path,
            "presentations \"away-day\" slide 3 (\"Gone\")"
        );
        assert_eq!(
            issues[0].message,
            "measure \"no-such-measure\" does not exist"
        );
        // The whole validation reports it too.
        assert!(crate::validate::validate(&p).contains(&issues[0]));
    }

    #[test]
    fn every_reference_of_every_kind_is_checked() {
        let mut p = sample();
        p.presentations.push(deck(vec![
            slide(
                "",
                SlideView::Wheel {
                    grouping: WheelGrouping::NeedThenPriority,
                    colour: Default::default(),
                    // A priority, but the inner ring holds areas of need.
                    focus: Some("net-zero".into()),
                    focus_sub: Some("health".into()),
                    selected: Some("nowhere".into()),
                },
            ),
            slide(
                "Plan",
                SlideView::Actions {
                    plan: "no-plan".into(),
                    filter: PlanFilter {
                        outcome: Some("nothing".into()),
                        due_from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
                        due_to: chrono::NaiveDate::from_ymd_opt(2025, 1, 1),
                        ..Default::default()
                    },
                    sort: None,
                },
            ),
            slide(
                "Dash",
                SlideView::Dashboard {
                    measures: vec!["ta-households".into(), "x".into()],
                },
            ),
            slide(
                "Chart",
                SlideView::Chart {
                    measure: "pupils-good-outstanding-schools".into(),
                    fit_axis: None,
                    comparators: Some(vec!["England".into(), "Mars".into()]),
                    from: Some("2024".parse().unwrap()),
                    to: Some("2020".parse().unwrap()),
                },
            ),
        ]));
        let issues = check(&p);
        let text: Vec<String> = issues
            .iter()
            .map(|i| format!("{}: {}", i.path, i.message))
            .collect();
        let expected = [
            "presentations \"away-day\" slide 1: focus: area of need \"net-zero\" does not exist",
            "presentations \"away-day\" slide 1: focus_sub: priority \"health\" does not exist",
            "presentations \"away-day\" slide 1: selected: outcome \"nowhere\" does not exist",
            "presentations \"away-day\" slide 2 (\"Plan\"): plan \"no-plan\" does not exist",
            "presentations \"away-day\" slide 2 (\"Plan\"): filter: outcome \"nothing\" does not exist",
            "presentations \"away-day\" slide 2 (\"Plan\"): filter: due_from 1 Jan 2026 is after due_to 1 Jan 2025",
            "presentations \"away-day\" slide 3 (\"Dash\"): measure \"x\" does not exist",
            "presentations \"away-day\" slide 4 (\"Chart\"): comparator \"Mars\" is not one of measure \"pupils-good-outstanding-schools\"'s comparators",
            "presentations \"away-day\" slide 4 (\"Chart\"): from 2024 is after to 2020",
        ];
        assert_eq!(text, expected);
    }

    #[test]
    fn presentation_ids_are_checked() {
        let mut p = sample();
        p.presentations.push(deck(vec![]));
        p.presentations.push(deck(vec![]));
        p.presentations.push(Presentation {
            id: "Bad Id".into(),
            ..deck(vec![])
        });
        let issues = check(&p);
        assert_eq!(issues.len(), 2, "{issues:?}");
        assert_eq!(issues[0].path, "presentations[2]");
        assert!(issues[0].message.contains("duplicate id"));
        assert!(issues[1].message.contains("may only contain"));
    }

    #[test]
    fn presentations_round_trip_through_the_file_text() {
        let mut p = sample();
        p.presentations.push(deck(vec![
            slide(
                "Recommendations not yet green",
                SlideView::Actions {
                    plan: "cpc-2024".into(),
                    filter: PlanFilter {
                        rags: vec![crate::model::Rag::NotStarted, crate::model::Rag::Red],
                        ..Default::default()
                    },
                    sort: Some(crate::model::PlanSort {
                        by: crate::model::PlanColumn::Due,
                        descending: true,
                    }),
                },
            ),
            Slide {
                notes: "Say: \"the numbers\"\nsecond line".into(),
                ..slide("Missions", SlideView::Missions)
            },
            slide(
                "TA",
                SlideView::Chart {
                    measure: "ta-households".into(),
                    fit_axis: Some(true),
                    comparators: Some(vec![]),
                    from: Some("2019/20".parse().unwrap()),
                    to: None,
                },
            ),
        ]));
        let text = crate::file::to_text(&p);
        let back = crate::file::parse(&text, "t.ron").expect("reads back");
        assert_eq!(back, p);
        assert_eq!(crate::file::to_text(&back), text);
        assert!(text.contains("view: Missions"), "{text}");
    }
}
