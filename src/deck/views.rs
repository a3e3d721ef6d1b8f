//! From a slide's saved view to the state the chart, wheel and action-plan code draw from,
//! and back: the same mapping serves the deck's pictures, presentation mode and
//! "Add this view as a slide".

use crate::chart::{self, Chart, ChartOptions};
use crate::model::{
    Action, ActionPlan, Measure, Period, PlanColumn, PlanFilter, PlanSort, Project, SlideView,
    WheelColour, WheelGrouping,
};
use crate::plan_table::{self, Column, Filter, Sort};
use crate::wheel::{ColourMode, Focus, Grouping, SegmentKey, ViewState};

/// The wheel's view state for a wheel slide's fields.
pub fn wheel_state(
    grouping: WheelGrouping,
    colour: WheelColour,
    focus: Option<&str>,
    focus_sub: Option<&str>,
) -> ViewState {
    ViewState {
        grouping: match grouping {
            WheelGrouping::PriorityThenNeed => Grouping::PriorityThenNeed,
            WheelGrouping::NeedThenPriority => Grouping::NeedThenPriority,
        },
        colour: match colour {
            WheelColour::Priority => ColourMode::Priority,
            WheelColour::Status => ColourMode::Status,
            WheelColour::Rag => ColourMode::Rag,
            WheelColour::Coverage => ColourMode::Coverage,
        },
        focus: focus.map(|group| Focus {
            group: group.to_string(),
            sub: focus_sub.map(str::to_string),
        }),
    }
}

/// A wheel view state as a slide's fields: (grouping, colour, focus, focus_sub).
pub fn wheel_fields(
    state: &ViewState,
) -> (WheelGrouping, WheelColour, Option<String>, Option<String>) {
    let grouping = match state.grouping {
        Grouping::PriorityThenNeed => WheelGrouping::PriorityThenNeed,
        Grouping::NeedThenPriority => WheelGrouping::NeedThenPriority,
    };
    let colour = match state.colour {
        ColourMode::Priority => WheelColour::Priority,
        ColourMode::Status => WheelColour::Status,
        ColourMode::Rag => WheelColour::Rag,
        ColourMode::Coverage => WheelColour::Coverage,
    };
    let focus = state.focus.as_ref().map(|f| f.group.clone());
    let sub = state.focus.as_ref().and_then(|f| f.sub.clone());
    (grouping, colour, focus, sub)
}

/// The key the wheel uses for an outcome's segment (what a selection outlines).
pub fn outcome_key(outcome: &str) -> SegmentKey {
    SegmentKey::Outcome(outcome.to_string())
}

/// The measure as a chart slide shows it: only values within `from`..=`to` (by the
/// periods' days), in every series and among the events.
pub fn measure_in_range(m: &Measure, from: Option<Period>, to: Option<Period>) -> Measure {
    let mut m = m.clone();
    if from.is_none() && to.is_none() {
        return m;
    }
    let keep = |p: &Period| {
        from.is_none_or(|f| p.end() >= f.start()) && to.is_none_or(|t| p.start() <= t.end())
    };
    m.observations.retain(|o| keep(&o.period));
    for c in &mut m.comparators {
        c.observations.retain(|o| keep(&o.period));
    }
    m.annotations.retain(|a| keep(&a.period));
    m
}

/// The chart options for a chart slide: the measure's own title is replaced by nothing (the
/// slide has its own), the axis as chosen, comparators not listed hidden.
pub fn chart_options(
    m: &Measure,
    fit_axis: Option<bool>,
    comparators: Option<&[String]>,
) -> ChartOptions {
    let mut o = ChartOptions::for_measure(m);
    if let Some(fit) = fit_axis {
        o.start_at_zero = !fit;
    }
    if let Some(shown) = comparators {
        o.hidden = m
            .comparators
            .iter()
            .enumerate()
            .filter(|(_, c)| !shown.contains(&c.name))
            .map(|(i, _)| chart::LegendItem::Comparator(i))
            .collect();
    }
    o
}

/// The chart a chart slide shows, or `None` when `view` is not a chart or its measure does
/// not exist.
pub fn slide_chart(project: &Project, view: &SlideView) -> Option<Chart> {
    let SlideView::Chart {
        measure,
        fit_axis,
        comparators,
        from,
        to,
    } = view
    else {
        return None;
    };
    let m = project.measure(measure)?;
    let options = chart_options(m, *fit_axis, comparators.as_deref());
    if from.is_none() && to.is_none() {
        return Some(chart::build(project, m, &options));
    }
    let ranged = measure_in_range(m, *from, *to);
    Some(chart::build(project, &ranged, &options))
}

/// The measures a dashboard slide shows, by index: those it names, in its order, or every
/// measure in dashboard order when it names none.
pub fn dashboard_measures(project: &Project, measures: &[String]) -> Vec<usize> {
    if measures.is_empty() {
        project.measures_in_dashboard_order()
    } else {
        measures
            .iter()
            .filter_map(|id| project.measures.iter().position(|m| &m.id == id))
            .collect()
    }
}

fn column(c: PlanColumn) -> Column {
    match c {
        PlanColumn::Reference => Column::Reference,
        PlanColumn::Theme => Column::Theme,
        PlanColumn::Title => Column::Title,
        PlanColumn::Owner => Column::Owner,
        PlanColumn::Due => Column::Due,
        PlanColumn::Rag => Column::Rag,
        PlanColumn::LastUpdated => Column::LastUpdated,
    }
}

/// The slide's sort column for a table column, if a slide can sort by it.
pub fn plan_column(c: Column) -> Option<PlanColumn> {
    Some(match c {
        Column::Reference => PlanColumn::Reference,
        Column::Theme => PlanColumn::Theme,
        Column::Title => PlanColumn::Title,
        Column::Owner => PlanColumn::Owner,
        Column::Due => PlanColumn::Due,
        Column::Rag => PlanColumn::Rag,
        Column::LastUpdated => PlanColumn::LastUpdated,
        Column::KeyActions | Column::Progress | Column::Outcomes => return None,
    })
}

/// Does `a` pass the slide's filter?
pub fn passes(filter: &PlanFilter, a: &Action) -> bool {
    let table = Filter {
        text: filter.text.clone(),
        rags: filter.rags.clone(),
        owner: filter.owner.clone(),
        theme: filter.theme.clone(),
        outcome: filter.outcome.clone(),
        overdue: false,
        due_within: None,
    };
    // The table's filter has no dated parts left on, so the day does not matter.
    let any_day = chrono::NaiveDate::default();
    table.matches(a, any_day)
        && filter
            .due_from
            .is_none_or(|d| a.due.is_some_and(|due| due >= d))
        && filter
            .due_to
            .is_none_or(|d| a.due.is_some_and(|due| due <= d))
}

/// Indices of the plan's actions an action-plan slide lists, in its order.
pub fn plan_rows(plan: &ActionPlan, filter: &PlanFilter, sort: Option<PlanSort>) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..plan.actions.len())
        .filter(|&i| passes(filter, &plan.actions[i]))
        .collect();
    if let Some(s) = sort {
        let sort = Sort {
            column: column(s.by),
            descending: s.descending,
        };
        rows.sort_by(|&i, &j| {
            let o = plan_table::compare(&plan.actions[i], &plan.actions[j], sort.column);
            if sort.descending { o.reverse() } else { o }
        });
    }
    rows
}

/// The filter in words, for the slide's source line ("RAG: Not started, Red or Amber; due
/// 1 Jan 2025 to 31 Dec 2025"); empty when every action is listed.
pub fn filter_words(filter: &PlanFilter) -> String {
    let mut parts = Vec::new();
    if !filter.rags.is_empty() {
        let words: Vec<&str> = filter.rags.iter().map(|r| r.label()).collect();
        let list = match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => words.join(""),
        };
        parts.push(format!("RAG {list}"));
    }
    let date = crate::format::date;
    match (filter.due_from, filter.due_to) {
        (Some(a), Some(b)) => parts.push(format!("due {} to {}", date(a), date(b))),
        (Some(a), None) => parts.push(format!("due on or after {}", date(a))),
        (None, Some(b)) => parts.push(format!("due by {}", date(b))),
        (None, None) => {}
    }
    if let Some(o) = &filter.owner {
        parts.push(format!("owner {o}"));
    }
    if let Some(t) = &filter.theme {
        parts.push(format!("theme {t}"));
    }
    if let Some(o) = &filter.outcome {
        parts.push(format!("outcome {o}"));
    }
    if !filter.text.trim().is_empty() {
        parts.push(format!("containing “{}”", filter.text.trim()));
    }
    parts.join("; ")
}

/// The slide filter for the table's filter, where a slide can keep it: a filter relative to
/// today ("overdue", "due in the next 30 days") becomes the dates it means on `today`.
pub fn slide_filter(f: &Filter, today: chrono::NaiveDate) -> PlanFilter {
    let mut out = PlanFilter {
        rags: f.rags.clone(),
        owner: f.owner.clone(),
        theme: f.theme.clone(),
        outcome: f.outcome.clone(),
        text: f.text.trim().to_string(),
        ..Default::default()
    };
    if f.overdue {
        out.due_to = today.pred_opt();
    }
    if let Some(n) = f.due_within {
        out.due_from = Some(today);
        out.due_to = today.checked_add_days(chrono::Days::new(u64::from(n)));
    }
    if f.overdue || f.due_within.is_some() {
        // Both leave out what is complete.
        if out.rags.is_empty() {
            out.rags = crate::model::Rag::ALL
                .into_iter()
                .filter(|r| *r != crate::model::Rag::Complete)
                .collect();
        } else {
            out.rags.retain(|r| *r != crate::model::Rag::Complete);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Observation, Rag};
    use chrono::NaiveDate;

    /// A dashboard slide shows the measures it names in its own order (a missing one left
    /// out), or every measure in dashboard order when it names none; the slide's picture and
    /// its alternative text both take this list.
    #[test]
    fn a_dashboard_slide_shows_the_measures_it_names_in_its_order() {
        let mut p = Project::default();
        for id in ["a", "b", "c"] {
            p.measures.push(Measure {
                id: id.into(),
                name: id.into(),
                ..Default::default()
            });
        }
        let named = ["c".to_string(), "gone".to_string(), "a".to_string()];
        assert_eq!(dashboard_measures(&p, &named), vec![2, 0]);
        assert_eq!(dashboard_measures(&p, &[]), p.measures_in_dashboard_order());
        assert!(slide_chart(&p, &SlideView::Missions).is_none());
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn action(r: &str, rag: Rag, due: Option<NaiveDate>) -> Action {
        Action {
            reference: r.into(),
            title: format!("Action {r}"),
            rag,
            due,
            ..Default::default()
        }
    }

    fn plan() -> ActionPlan {
        ActionPlan {
            id: "p".into(),
            title: "Plan".into(),
            actions: vec![
                action("R1", Rag::Green, Some(day(2025, 3, 31))),
                action("R2", Rag::Red, Some(day(2025, 12, 31))),
                action("R3", Rag::Amber, Some(day(2026, 1, 1))),
                action("R10", Rag::NotStarted, None),
                action("R4", Rag::Amber, Some(day(2025, 1, 1))),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn not_yet_green_and_due_in_2025_by_due_date() {
        let filter = PlanFilter {
            rags: vec![Rag::NotStarted, Rag::Red, Rag::Amber],
            due_from: Some(day(2025, 1, 1)),
            due_to: Some(day(2025, 12, 31)),
            ..Default::default()
        };
        let sort = PlanSort {
            by: PlanColumn::Due,
            descending: false,
        };
        assert_eq!(plan_rows(&plan(), &filter, Some(sort)), vec![4, 1]);
        assert_eq!(
            filter_words(&filter),
            "RAG Not started, Red or Amber; due 1 Jan 2025 to 31 Dec 2025"
        );
        // No filter: every row, in natural reference order when sorted by reference.
        let by_ref = PlanSort {
            by: PlanColumn::Reference,
            descending: false,
        };
        assert_eq!(
            plan_rows(&plan(), &PlanFilter::default(), Some(by_ref)),
            vec![0, 1, 2, 4, 3]
        );
        assert_eq!(filter_words(&PlanFilter::default()), "");
    }

    #[test]
    fn todays_filters_become_dates() {
        let today = day(2025, 6, 1);
        let f = Filter {
            due_within: Some(30),
            ..Default::default()
        };
        let s = slide_filter(&f, today);
        assert_eq!(s.due_from, Some(today));
        assert_eq!(s.due_to, Some(day(2025, 7, 1)));
        assert!(!s.rags.contains(&Rag::Complete) && s.rags.len() == 4);
        let overdue = slide_filter(
            &Filter {
                overdue: true,
                rags: vec![Rag::Red, Rag::Complete],
                ..Default::default()
            },
            today,
        );
        assert_eq!(overdue.due_to, Some(day(2025, 5, 31)));
        assert_eq!(overdue.rags, vec![Rag::Red]);
    }

    #[test]
    fn a_range_keeps_only_values_inside_it() {
        let obs = |p: &str| Observation {
            period: p.parse().unwrap(),
            value: 1.0,
            ..Default::default()
        };
        let m = Measure {
            observations: vec![obs("2018/19"), obs("2019/20"), obs("2021"), obs("2023-Q2")],
            ..Default::default()
        };
        let r = measure_in_range(
            &m,
            Some("2020".parse().unwrap()),
            Some("2022/23".parse().unwrap()),
        );
        let kept: Vec<String> = r
            .observations
            .iter()
            .map(|o| o.period.to_string())
            .collect();
        // 2019/20 runs to March 2020, inside "from 2020".
        assert_eq!(kept, ["2019/20", "2021"]);
    }

    #[test]
    fn wheel_fields_round_trip() {
        let s = wheel_state(
            WheelGrouping::NeedThenPriority,
            WheelColour::Rag,
            Some("health"),
            Some("net-zero"),
        );
        assert_eq!(
            wheel_fields(&s),
            (
                WheelGrouping::NeedThenPriority,
                WheelColour::Rag,
                Some("health".into()),
                Some("net-zero".into())
            )
        );
    }
}
