//! A first deck for any project, to edit rather than build from nothing: the cover, the wheel
//! by status, each headline measure's chart, the dashboard, each plan's actions not yet green,
//! and the missions and pledges.

use crate::model::{
    PlanColumn, PlanFilter, PlanSort, Presentation, Project, Rag, Slide, SlideView, WheelColour,
};

fn slide(title: String, view: SlideView) -> Slide {
    Slide {
        title,
        view,
        notes: String::new(),
    }
}

/// A chart slide of the measure with this id, titled by the measure's chart title or name.
pub fn chart_slide(project: &Project, measure: &str) -> Option<Slide> {
    let m = project.measure(measure)?;
    let title = if m.chart_title.trim().is_empty() {
        m.name.clone()
    } else {
        m.chart_title.clone()
    };
    Some(slide(
        title,
        SlideView::Chart {
            measure: m.id.clone(),
            fit_axis: None,
            comparators: None,
            from: None,
            to: None,
        },
    ))
}

/// The starter deck, with the id `id`.
pub fn starter(project: &Project, id: &str) -> Presentation {
    let prog = &project.programme;
    let mut slides = vec![slide(
        prog.title.clone(),
        SlideView::Title {
            subtitle: prog.vision.clone(),
        },
    )];
    if !project.outcomes.is_empty() {
        slides.push(slide(
            "The outcomes by the status of their measures".into(),
            SlideView::Wheel {
                grouping: Default::default(),
                colour: WheelColour::Status,
                focus: None,
                focus_sub: None,
                selected: None,
            },
        ));
    }
    let order = project.measures_in_dashboard_order();
    let headline: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| project.measures[i].headline.is_some())
        .collect();
    let charts = if headline.is_empty() {
        order.iter().copied().take(3).collect()
    } else {
        headline
    };
    for i in charts {
        slides.extend(chart_slide(project, &project.measures[i].id));
    }
    if project.measures.len() > 1 {
        slides.push(slide(
            "The measures at a glance".into(),
            SlideView::Dashboard { measures: vec![] },
        ));
    }
    // A plan without actions yet has nothing to show on a slide.
    for plan in project
        .action_plans
        .iter()
        .filter(|p| !p.actions.is_empty())
    {
        slides.push(slide(
            format!("{}: not yet green", plan.title),
            SlideView::Actions {
                plan: plan.id.clone(),
                filter: PlanFilter {
                    rags: vec![Rag::NotStarted, Rag::Red, Rag::Amber],
                    ..Default::default()
                },
                sort: Some(PlanSort {
                    by: PlanColumn::Due,
                    descending: false,
                }),
            },
        ));
    }
    if !project.missions.is_empty() || !project.pledges.is_empty() {
        slides.push(slide("Missions and pledges".into(), SlideView::Missions));
    }
    Presentation {
        id: id.into(),
        title: format!("{}: progress", prog.title),
        slides,
    }
}

/// The starter deck topped up with the charts of the other measures, in dashboard order,
/// until it has `n` slides (or every measure has one): a long deck for timing exports.
pub fn with_slides(project: &Project, id: &str, n: usize) -> Presentation {
    let mut deck = starter(project, id);
    let charted: Vec<String> = deck
        .slides
        .iter()
        .filter_map(|s| match &s.view {
            SlideView::Chart { measure, .. } => Some(measure.clone()),
            _ => None,
        })
        .collect();
    for i in project.measures_in_dashboard_order() {
        if deck.slides.len() >= n {
            break;
        }
        let id = &project.measures[i].id;
        if !charted.contains(id) {
            deck.slides.extend(chart_slide(project, id));
        }
    }
    deck
}

/// A presentation id not yet used in the project: `deck`, `deck-2`, …
pub fn free_id(project: &Project) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                "deck".to_string()
            } else {
                format!("deck-{n}")
            }
        })
        .find(|id| project.presentation(id).is_none())
        .expect("ids run on")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_starter_deck_is_valid_for_any_project() {
        let empty = Project::default();
        let d = starter(&empty, "deck");
        assert_eq!(d.slides.len(), 1, "only the cover");
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
        let mut p = crate::file::load(&path).unwrap();
        let d = starter(&p, &free_id(&p));
        assert_eq!(d.id, "deck");
        assert!(d.slides.len() >= 7, "{}", d.slides.len());
        p.presentations.push(d);
        assert!(crate::deck::check::check(&p).is_empty());
        assert_eq!(free_id(&p), "deck-2");
    }

    #[test]
    fn a_plan_without_actions_gets_no_slide() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/aberdyffryn-2035.ron");
        let p = crate::file::load(&path).unwrap();
        let empty: Vec<&str> = p
            .action_plans
            .iter()
            .filter(|a| a.actions.is_empty())
            .map(|a| a.id.as_str())
            .collect();
        assert!(!empty.is_empty(), "the fixture has a plan without actions");
        let d = starter(&p, "deck");
        assert!(d.slides.iter().all(|s| !matches!(
            &s.view,
            SlideView::Actions { plan, .. } if empty.contains(&plan.as_str())
        )));
        assert!(
            d.slides
                .iter()
                .any(|s| matches!(s.view, SlideView::Actions { .. })),
            "the plan with actions keeps its slide"
        );
    }
}
