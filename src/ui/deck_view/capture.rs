//! "Add this view as a slide": the view on screen as a slide's saved view, with a title that
//! names what it shows (to be rewritten as the slide's message).

use crate::chart::LegendItem;
use crate::deck::{starter, views};
use crate::model::{PlanSort, Project, Slide, SlideView};
use crate::ui::actions_view::ActionsView;
use crate::ui::nav::View;
use crate::ui::trends_view::TrendsView;
use crate::ui::wheel_view::WheelView;

fn slide(title: String, view: SlideView) -> Slide {
    Slide {
        title,
        view,
        notes: String::new(),
    }
}

/// The slide for what `view` shows now; `None` when it shows nothing a slide can hold.
pub fn slide_of_view(
    view: View,
    wheel: &WheelView,
    trends: &TrendsView,
    actions: &ActionsView,
    project: &Project,
) -> Option<Slide> {
    match view {
        View::Wheel => {
            let (grouping, colour, focus, focus_sub) = views::wheel_fields(wheel.state());
            let zoom = focus
                .as_deref()
                .and_then(|f| {
                    project
                        .priority(f)
                        .map(|p| &p.name)
                        .or(project.need(f).map(|n| &n.name))
                })
                .map(|name| format!(": {name}"))
                .unwrap_or_default();
            let title = format!(
                "The outcomes wheel{zoom}, coloured by {}",
                wheel.state().colour.label().to_lowercase()
            );
            Some(slide(
                title,
                SlideView::Wheel {
                    grouping,
                    colour,
                    focus,
                    focus_sub,
                    selected: wheel.selected().map(str::to_string),
                },
            ))
        }
        View::Trends => match trends.opened() {
            Some(id) => {
                let m = project.measure(id)?;
                let mut s = starter::chart_slide(project, id)?;
                let shown = trends.options_as_shown().unwrap_or_default();
                let own = crate::chart::ChartOptions::for_measure(m);
                let fit = !shown.start_at_zero;
                let hidden: Vec<&String> = m
                    .comparators
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| shown.hidden.contains(&LegendItem::Comparator(*k)))
                    .map(|(_, c)| &c.name)
                    .collect();
                if let SlideView::Chart {
                    fit_axis,
                    comparators,
                    ..
                } = &mut s.view
                {
                    *fit_axis = (shown.start_at_zero != own.start_at_zero).then_some(fit);
                    *comparators = (!hidden.is_empty()).then(|| {
                        m.comparators
                            .iter()
                            .map(|c| c.name.clone())
                            .filter(|n| !hidden.contains(&n))
                            .collect()
                    });
                }
                if !shown.title.trim().is_empty() {
                    s.title = shown.title.clone();
                }
                Some(s)
            }
            None => Some(slide(
                "The measures at a glance".into(),
                SlideView::Dashboard { measures: vec![] },
            )),
        },
        View::Programme => None,
        View::Actions => {
            let plan = project.plan(actions.plan_id()?)?;
            let filter = views::slide_filter(&actions.filter, actions.today);
            let sort = actions.sort.and_then(|s| {
                Some(PlanSort {
                    by: views::plan_column(s.column)?,
                    descending: s.descending,
                })
            });
            let words = views::filter_words(&filter);
            let title = if words.is_empty() {
                plan.title.clone()
            } else {
                format!("{}: {words}", plan.title)
            };
            Some(slide(
                title,
                SlideView::Actions {
                    plan: plan.id.clone(),
                    filter,
                    sort,
                },
            ))
        }
    }
}
