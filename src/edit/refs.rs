//! Which items refer to which: an index made in one pass over the project, and the one
//! place that knows every reference field of every kind of item (to read them for the
//! index, and to rewrite them when an item is renamed or deleted).

use crate::history::{Item, List, Place};
use crate::model::{Measure, Observation, Project, Slide, SlideView, WheelGrouping};
use rustc_hash::FxHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::{Arc, OnceLock};

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

/// The lists whose items are referred to by id, in the order of [`Index`]'s sections.
const TARGETS: [List; 7] = [
    List::Sources,
    List::Priorities,
    List::Needs,
    List::Outcomes,
    List::Voices,
    List::Measures,
    List::Plans,
];

type Map<V> = HashMap<Box<str>, V, BuildHasherDefault<FxHasher>>;

/// A series of values, known by where its values are in memory and how many there are.
/// Edits replace whole items, so a measure whose values changed has them somewhere else, and
/// the values of the state just before are kept alive by the history: from one state of the
/// project to the next, the same key means the same values.
type SeriesKey = (usize, usize);

/// The sources each series of values cites, and how often.
type SeriesCounts = HashMap<SeriesKey, Vec<(Box<str>, u32)>, BuildHasherDefault<FxHasher>>;

/// Referrers of every item that is referred to, by list and id, for one state of a project.
///
/// Each list's referrers are read from the project the first time they are asked for (an
/// outcome's editor asks only who refers to outcomes), so an index costs only what is used.
/// Always pass the same state of the project the index was made for.
#[derive(Debug, Default)]
pub struct Index {
    sections: [OnceLock<Arc<Map<Vec<Referrer>>>>; 7],
    /// What the sources section read of each series of values (the long part of reading a
    /// project with half a million values), for the next state's index.
    series: OnceLock<SeriesCounts>,
    /// The same, from the index of the state just before this one.
    previous: Option<SeriesCounts>,
}

impl Index {
    /// An index of a state of a project, read from it as it is asked.
    pub fn new() -> Index {
        Index::default()
    }

    /// An index of the state after the one `previous` was made for, where the lists
    /// `changed` changed (None: any may have; see [`crate::history::History::last_change`]).
    /// It keeps what `previous` read that the change cannot have touched: whole lists'
    /// referrers when none of the lists holding them changed, and series of values that
    /// have not changed.
    pub fn after(previous: &Index, changed: Option<&[List]>) -> Index {
        let ix = Index {
            previous: previous.series.get().cloned(),
            ..Index::default()
        };
        let Some(changed) = changed else {
            return ix;
        };
        for (k, target) in TARGETS.iter().enumerate() {
            let untouched = !changed.iter().any(|l| holds_references_to(*l, *target));
            if let (true, Some(section)) = (untouched, previous.sections[k].get()) {
                let _ = ix.sections[k].set(section.clone());
            }
        }
        ix
    }

    /// The items of `project` that refer to the item `id` of `list`, in project order.
    pub fn referrers(&self, project: &Project, list: List, id: &str) -> &[Referrer] {
        let Some(k) = TARGETS.iter().position(|l| *l == list) else {
            return &[];
        };
        self.sections[k]
            .get_or_init(|| Arc::new(self.section(project, list)))
            .get(id)
            .map_or(&[], Vec::as_slice)
    }

    /// Whether anything in `project` refers to the item `id` of `list`.
    pub fn is_referred_to(&self, project: &Project, list: List, id: &str) -> bool {
        !self.referrers(project, list, id).is_empty()
    }

    /// Every reference to an item of `target`, read from the kinds of item that can hold one.
    fn section(&self, project: &Project, target: List) -> Map<Vec<Referrer>> {
        let mut section = Section {
            target,
            map: Map::default(),
        };
        if matches!(
            target,
            List::Priorities | List::Needs | List::Voices | List::Measures
        ) {
            for (i, o) in project.outcomes.iter().enumerate() {
                let mut f = section.adder(Place::new(List::Outcomes, i));
                f(List::Priorities, &o.priority, true, 1);
                f(List::Needs, &o.need, true, 1);
                o.voices.iter().for_each(|v| f(List::Voices, v, false, 1));
                o.measures
                    .iter()
                    .for_each(|m| f(List::Measures, m, false, 1));
            }
        }
        if target == List::Sources {
            let mut series = SeriesCounts::default();
            for (i, m) in project.measures.iter().enumerate() {
                let mut f = section.adder(Place::new(List::Measures, i));
                let all = std::iter::once(&m.observations)
                    .chain(m.comparators.iter().map(|c| &c.observations));
                for values in all.filter(|v| !v.is_empty()) {
                    let key = (values.as_ptr() as usize, values.len());
                    let counts = match self.previous.as_ref().and_then(|p| p.get(&key)) {
                        Some(c) => c.clone(),
                        None => series_sources(values),
                    };
                    for (s, n) in &counts {
                        f(List::Sources, s, false, *n);
                    }
                    series.insert(key, counts);
                }
                measure_refs(m, &mut f);
            }
            let _ = self.series.set(series);
        }
        if target == List::Outcomes {
            for (p, plan) in project.action_plans.iter().enumerate() {
                for (i, a) in plan.actions.iter().enumerate() {
                    let mut f = section.adder(Place::new(List::Actions { plan: p }, i));
                    a.outcomes
                        .iter()
                        .for_each(|o| f(List::Outcomes, o, false, 1));
                }
            }
            for (i, m) in project.missions.iter().enumerate() {
                let mut f = section.adder(Place::new(List::Missions, i));
                m.outcomes
                    .iter()
                    .for_each(|o| f(List::Outcomes, o, false, 1));
            }
        }
        if matches!(target, List::Outcomes | List::Sources) {
            for (i, pl) in project.pledges.iter().enumerate() {
                let mut f = section.adder(Place::new(List::Pledges, i));
                pl.outcomes
                    .iter()
                    .for_each(|o| f(List::Outcomes, o, false, 1));
                if let Some(s) = &pl.source {
                    f(List::Sources, s, false, 1);
                }
            }
        }
        for (p, deck) in project.presentations.iter().enumerate() {
            for (i, s) in deck.slides.iter().enumerate() {
                let place = Place::new(List::Slides { presentation: p }, i);
                slide_refs(s, &mut section.adder(place));
            }
        }
        section.map
    }
}

/// Whether items of `list` can refer to items of `target` (so that a change to `list` can
/// change who refers to them). A change to a list also moves its items, so a target's own
/// list never matters: its referrers are found by id.
fn holds_references_to(list: List, target: List) -> bool {
    match list {
        List::Outcomes => matches!(
            target,
            List::Priorities | List::Needs | List::Voices | List::Measures
        ),
        List::Measures => target == List::Sources,
        List::Plans | List::Actions { .. } => target == List::Outcomes,
        List::Pledges => matches!(target, List::Outcomes | List::Sources),
        List::Missions => target == List::Outcomes,
        List::Presentations | List::Slides { .. } => true,
        List::Sources | List::Priorities | List::Needs | List::Voices => false,
    }
}

/// The referrers of one list's items, as they are read.
struct Section {
    target: List,
    map: Map<Vec<Referrer>>,
}

impl Section {
    /// A function that records the references held by the item at `place` (those to the
    /// section's list; others are passed over).
    fn adder(&mut self, place: Place) -> impl FnMut(List, &str, bool, u32) + '_ {
        move |list, id, required, count| {
            if list != self.target {
                return;
            }
            let v = match self.map.get_mut(id) {
                Some(v) => v,
                None => self.map.entry(id.into()).or_default(),
            };
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
}

/// Sources cited by a series and how often, counted without hashing each value: a series
/// cites few.
fn series_sources(observations: &[Observation]) -> Vec<(Box<str>, u32)> {
    let mut counts: Vec<(&str, u32)> = Vec::new();
    for s in observations.iter().filter_map(|o| o.source.as_deref()) {
        match counts.iter_mut().find(|(id, _)| *id == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts.into_iter().map(|(s, n)| (s.into(), n)).collect()
}

/// A measure's references besides its series of values: sources of targets, events and
/// claims.
fn measure_refs(m: &Measure, f: &mut impl FnMut(List, &str, bool, u32)) {
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
