//! Which items refer to which: an index made in one pass over the project, and the one
//! place that knows every reference field of every kind of item (to read them for the
//! index, and to rewrite them when an item is renamed or deleted).

use crate::history::{Item, List, Place};
use crate::model::{Measure, Observation, Project, Slide, SlideView, WheelGrouping};
use std::collections::HashMap;

/// An item that refers to another, with how often and whether it can do without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Referrer {
    /// The item holding the reference (a measure for its values' sources, an action in its
    /// plan, a slide in its presentation).
    pub place: Place,
    /// The item cannot exist without the reference (an outcome's priority, a chart slide's
    /// measure): deleting the target deletes or moves it.
    pub required: bool,
    /// How many references it holds (a measure citing a source for 40 values: 40).
    pub count: u32,
}

/// Referrers of every item that is referred to, by (list, id).
#[derive(Debug, Clone, Default)]
pub struct Index {
    by_target: HashMap<(List, String), Vec<Referrer>>,
}

impl Index {
    /// Read every reference in `project` once.
    pub fn build(project: &Project) -> Index {
        let mut ix = Index::default();
        for (i, o) in project.outcomes.iter().enumerate() {
            let mut f = ix.adder(Place::new(List::Outcomes, i));
            f(List::Priorities, &o.priority, true, 1);
            f(List::Needs, &o.need, true, 1);
            o.voices.iter().for_each(|v| f(List::Voices, v, false, 1));
            o.measures
                .iter()
                .for_each(|m| f(List::Measures, m, false, 1));
        }
        for (i, m) in project.measures.iter().enumerate() {
            measure_refs(m, &mut ix.adder(Place::new(List::Measures, i)));
        }
        for (p, plan) in project.action_plans.iter().enumerate() {
            for (i, a) in plan.actions.iter().enumerate() {
                let mut f = ix.adder(Place::new(List::Actions { plan: p }, i));
                a.outcomes
                    .iter()
                    .for_each(|o| f(List::Outcomes, o, false, 1));
            }
        }
        for (i, pl) in project.pledges.iter().enumerate() {
            let mut f = ix.adder(Place::new(List::Pledges, i));
            pl.outcomes
                .iter()
                .for_each(|o| f(List::Outcomes, o, false, 1));
            if let Some(s) = &pl.source {
                f(List::Sources, s, false, 1);
            }
        }
        for (i, m) in project.missions.iter().enumerate() {
            let mut f = ix.adder(Place::new(List::Missions, i));
            m.outcomes
                .iter()
                .for_each(|o| f(List::Outcomes, o, false, 1));
        }
        for (p, deck) in project.presentations.iter().enumerate() {
            for (i, s) in deck.slides.iter().enumerate() {
                let place = Place::new(List::Slides { presentation: p }, i);
                slide_refs(s, &mut ix.adder(place));
            }
        }
        ix
    }

    /// A function that records references held by the item at `place`.
    fn adder(&mut self, place: Place) -> impl FnMut(List, &str, bool, u32) + '_ {
        move |list, id, required, count| {
            let v = self.by_target.entry((list, id.to_string())).or_default();
            match v.last_mut() {
                Some(r) if r.place == place && r.required == required => r.count += count,
                _ => v.push(Referrer {
                    place,
                    required,
                    count,
                }),
            }
        }
    }

    /// The items that refer to the item `id` of `list`, in project order.
    pub fn referrers(&self, list: List, id: &str) -> &[Referrer] {
        self.by_target
            .get(&(list, id.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether anything refers to the item `id` of `list`.
    pub fn is_referred_to(&self, list: List, id: &str) -> bool {
        !self.referrers(list, id).is_empty()
    }
}

/// Sources cited by a series, counted without hashing each value: a series cites few.
fn series_sources(observations: &[Observation], f: &mut impl FnMut(List, &str, bool, u32)) {
    let mut counts: Vec<(&str, u32)> = Vec::new();
    for s in observations.iter().filter_map(|o| o.source.as_deref()) {
        match counts.iter_mut().find(|(id, _)| *id == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    for (s, n) in counts {
        f(List::Sources, s, false, n);
    }
}

fn measure_refs(m: &Measure, f: &mut impl FnMut(List, &str, bool, u32)) {
    series_sources(&m.observations, f);
    for c in &m.comparators {
        series_sources(&c.observations, f);
    }
    let optional = m
        .targets
        .iter()
        .filter_map(|t| t.source.as_deref())
        .chain(m.annotations.iter().filter_map(|a| a.source.as_deref()))
        .chain(
            m.disagreements
                .iter()
                .flat_map(|d| d.claims.iter().map(|c| c.source.as_str())),
        );
    for s in optional {
        f(List::Sources, s, false, 1);
    }
}

fn slide_refs(s: &Slide, f: &mut impl FnMut(List, &str, bool, u32)) {
    match &s.view {
        SlideView::Wheel {
            grouping,
            focus,
            focus_sub,
            selected,
            ..
        } => {
            let (inner, middle) = rings(*grouping);
            if let Some(x) = focus {
                f(inner, x, false, 1);
            }
            if let Some(x) = focus_sub {
                f(middle, x, false, 1);
            }
            if let Some(x) = selected {
                f(List::Outcomes, x, false, 1);
            }
        }
        SlideView::Chart { measure, .. } => f(List::Measures, measure, true, 1),
        SlideView::Dashboard { measures } => {
            measures.iter().for_each(|m| f(List::Measures, m, false, 1))
        }
        SlideView::Actions { plan, filter, .. } => {
            f(List::Plans, plan, true, 1);
            if let Some(o) = &filter.outcome {
                f(List::Outcomes, o, false, 1);
            }
        }
        SlideView::Title { .. } | SlideView::Text { .. } | SlideView::Missions => {}
    }
}

/// The lists a wheel's inner and middle rings are drawn from.
fn rings(grouping: WheelGrouping) -> (List, List) {
    match grouping {
        WheelGrouping::PriorityThenNeed => (List::Priorities, List::Needs),
        WheelGrouping::NeedThenPriority => (List::Needs, List::Priorities),
    }
}

/// What becomes of one reference when an item is rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    Keep,
    /// Point it at another id (a rename, or a move to another priority).
    Replace(String),
    /// Remove it (the target is deleted). A reference the item cannot do without makes
    /// [`rewrite`] return false.
    Drop,
}

/// Rewrite every reference `item` holds as `fate(list, id)` says. Returns false when a
/// reference the item cannot do without was dropped (the item must go too).
pub fn rewrite(item: &mut Item, fate: &mut dyn FnMut(List, &str) -> Fate) -> bool {
    let mut one = |list: List, id: &mut String| match fate(list, id) {
        Fate::Keep => true,
        Fate::Replace(new) => {
            *id = new;
            true
        }
        Fate::Drop => false,
    };
    match item {
        Item::Outcome(o) => {
            let kept = one(List::Priorities, &mut o.priority) & one(List::Needs, &mut o.need);
            o.voices.retain_mut(|v| one(List::Voices, v));
            o.measures.retain_mut(|m| one(List::Measures, m));
            kept
        }
        Item::Measure(m) => {
            let mut source = |s: &mut Option<String>| {
                if let Some(id) = s
                    && !one(List::Sources, id)
                {
                    *s = None;
                }
            };
            let series = m.observations.iter_mut().chain(
                m.comparators
                    .iter_mut()
                    .flat_map(|c| c.observations.iter_mut()),
            );
            series.for_each(|o| source(&mut o.source));
            m.targets.iter_mut().for_each(|t| source(&mut t.source));
            m.annotations.iter_mut().for_each(|a| source(&mut a.source));
            for d in &mut m.disagreements {
                d.claims.retain_mut(|c| one(List::Sources, &mut c.source));
            }
            true
        }
        Item::Action(a) => {
            a.outcomes.retain_mut(|o| one(List::Outcomes, o));
            true
        }
        Item::Pledge(p) => {
            p.outcomes.retain_mut(|o| one(List::Outcomes, o));
            if let Some(s) = &mut p.source
                && !one(List::Sources, s)
            {
                p.source = None;
            }
            true
        }
        Item::Mission(m) => {
            m.outcomes.retain_mut(|o| one(List::Outcomes, o));
            true
        }
        Item::Slide(s) => rewrite_slide(s, &mut one),
        Item::Source(_)
        | Item::Priority(_)
        | Item::Need(_)
        | Item::Voice(_)
        | Item::Plan(_)
        | Item::Presentation(_) => true,
    }
}

fn rewrite_slide(s: &mut Slide, one: &mut dyn FnMut(List, &mut String) -> bool) -> bool {
    let mut optional = |list: List, x: &mut Option<String>| {
        if let Some(id) = x
            && !one(list, id)
        {
            *x = None;
        }
    };
    match &mut s.view {
        SlideView::Wheel {
            grouping,
            focus,
            focus_sub,
            selected,
            ..
        } => {
            let (inner, middle) = rings(*grouping);
            optional(inner, focus);
            optional(middle, focus_sub);
            if focus.is_none() {
                // A zoom into a middle-ring item needs its group.
                *focus_sub = None;
            }
            optional(List::Outcomes, selected);
            true
        }
        SlideView::Chart { measure, .. } => one(List::Measures, measure),
        SlideView::Dashboard { measures } => {
            measures.retain_mut(|m| one(List::Measures, m));
            true
        }
        SlideView::Actions { plan, filter, .. } => {
            optional(List::Outcomes, &mut filter.outcome);
            one(List::Plans, plan)
        }
        SlideView::Title { .. } | SlideView::Text { .. } | SlideView::Missions => true,
    }
}

/// "3 outcomes and 2 actions", counting referring items (not references) by kind.
pub fn describe(referrers: &[Referrer]) -> String {
    let mut counts: Vec<(List, usize)> = Vec::new();
    for r in referrers {
        let list = top(r.place.list);
        match counts.iter_mut().find(|(l, _)| *l == list) {
            Some((_, n)) => *n += 1,
            None => counts.push((list, 1)),
        }
    }
    let parts: Vec<String> = counts
        .into_iter()
        .map(|(list, n)| crate::edit::count(n, list.word()))
        .collect();
    crate::edit::join_and(&parts)
}

/// The list's kind without its parent's position (every plan's actions as one).
fn top(list: List) -> List {
    match list {
        List::Actions { .. } => List::Actions { plan: 0 },
        List::Slides { .. } => List::Slides { presentation: 0 },
        other => other,
    }
}
