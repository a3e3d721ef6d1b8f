//! The view state (grouping, colour mode, zoom) and what it alone decides: the legend and
//! the breadcrumb, the same in the window and in every export whatever the wheel's size.

use super::colouring::{self, ColourMode, LegendEntry, Pattern};
use crate::model::{Colour, Id, Project};

/// Which of priority and area of need forms the inner ring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Grouping {
    #[default]
    PriorityThenNeed,
    NeedThenPriority,
}

impl Grouping {
    pub fn label(self) -> &'static str {
        match self {
            Grouping::PriorityThenNeed => "Priority → need",
            Grouping::NeedThenPriority => "Need → priority",
        }
    }
}

/// What the wheel is zoomed into: an inner-ring item and optionally one of its groups.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Focus {
    /// Id of the inner-ring item (a priority or an area of need, per the grouping).
    pub group: Id,
    /// Id of the middle-ring item within it (the other kind).
    pub sub: Option<Id>,
}

/// Everything about the view that changes the picture.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ViewState {
    pub grouping: Grouping,
    pub colour: ColourMode,
    pub focus: Option<Focus>,
}

impl ViewState {
    /// A view zoomed into `id` (a priority or an area of need), with the grouping
    /// that puts it in the inner ring. None if the project has no such item.
    pub fn focused_on(p: &Project, id: &str, colour: ColourMode) -> Option<ViewState> {
        let grouping = if p.priority(id).is_some() {
            Grouping::PriorityThenNeed
        } else if p.need(id).is_some() {
            Grouping::NeedThenPriority
        } else {
            return None;
        };
        Some(ViewState {
            grouping,
            colour,
            focus: Some(Focus {
                group: id.to_string(),
                sub: None,
            }),
        })
    }
}

/// What a zoom shows, by name, as the project has it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zoomed {
    /// The inner-ring item zoomed into.
    pub group: String,
    /// The group within it, when zoomed further and it has outcomes.
    pub sub: Option<String>,
    /// The group asked for within it when it has no outcomes (so the whole of `group`
    /// shows): its name, so that the view can say so.
    pub empty_sub: Option<String>,
}

/// What `state` is zoomed into (None when not zoomed, or when the project has no such
/// priority or area of need).
pub fn zoomed(p: &Project, state: &ViewState) -> Option<Zoomed> {
    let f = state.focus.as_ref()?;
    let (group, sub) = match state.grouping {
        Grouping::PriorityThenNeed => (
            p.priority(&f.group)?.name.clone(),
            f.sub.as_deref().map(|s| p.need(s).map(|x| x.name.clone())),
        ),
        Grouping::NeedThenPriority => (
            p.need(&f.group)?.name.clone(),
            f.sub
                .as_deref()
                .map(|s| p.priority(s).map(|x| x.name.clone())),
        ),
    };
    let (sub, empty_sub) = match (sub, &f.sub) {
        (Some(Some(name)), Some(id)) if pair_has_outcomes(p, state.grouping, &f.group, id) => {
            (Some(name), None)
        }
        (Some(Some(name)), _) => (None, Some(name)),
        (Some(None), Some(id)) => (None, Some(id.clone())),
        _ => (None, None),
    };
    Some(Zoomed {
        group,
        sub,
        empty_sub,
    })
}

/// What to say when the view is zoomed into an area within `group` that has no outcomes
/// (asked for by `--focus`, a slide, or left by deleting its last outcome), so that the
/// whole of `group` shows: "no outcomes yet under Group › Area, so all of Group is shown".
pub fn empty_focus_note(p: &Project, state: &ViewState) -> Option<String> {
    let z = zoomed(p, state)?;
    let sub = z.empty_sub?;
    Some(format!(
        "no outcomes yet under {} › {sub}, so all of {} is shown",
        z.group, z.group
    ))
}

/// Does any outcome sit under both the inner-ring item `group` and `sub` within it?
pub fn pair_has_outcomes(p: &Project, grouping: Grouping, group: &str, sub: &str) -> bool {
    let (priority, need) = match grouping {
        Grouping::PriorityThenNeed => (group, sub),
        Grouping::NeedThenPriority => (sub, group),
    };
    p.outcomes
        .iter()
        .any(|o| o.priority == priority && o.need == need)
}

/// Names from the whole wheel down to what the view shows zoomed in ("Fairness › Health");
/// empty when not zoomed.
pub fn breadcrumb(p: &Project, state: &ViewState) -> Vec<String> {
    match zoomed(p, state) {
        Some(z) => std::iter::once(z.group).chain(z.sub).collect(),
        None => Vec::new(),
    }
}

/// The legend: a heading that states the rule in force, one row per class, and notes on
/// what the rings are.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub title: String,
    pub entries: Vec<LegendEntry>,
    /// The rings from the centre out.
    pub rings: String,
    /// How the voices are shown: the opening they share, said once here.
    pub voices: Option<String>,
}

/// What to say when the voices in view are a thin band without words.
pub const VOICES_HIDDEN: &str =
    "Too many voices to read at this size: zoom into a priority or area of need to read them";

/// What to say when outcomes in view have no room for a readable name.
fn outcomes_unnamed(unnamed: usize, total: usize) -> String {
    if unnamed == total {
        format!(
            "Too many outcomes ({total}) to name at this size: zoom into a priority or area of need to read them"
        )
    } else {
        format!(
            "{unnamed} of {total} outcomes have no room for their names at this size: zoom into a priority or area of need to read them"
        )
    }
}

/// The notes a picture of `g` needs below its legend: how to read voices shown as a band,
/// and how many outcomes in view could not be named (a name is never silently dropped;
/// counted once, when the labels are fitted).
pub fn hints(g: &super::Geometry) -> Vec<String> {
    let mut out = Vec::new();
    if !g.voices_readable && !g.ring(super::Ring::Voice).is_empty() {
        out.push(VOICES_HIDDEN.to_string());
    }
    if let Some((unnamed, total)) = g.unnamed_outcomes
        && unnamed > 0
    {
        out.push(outcomes_unnamed(unnamed, total));
    }
    out
}

/// The text of the longest hints a picture may need, to keep room for them before the
/// wheel is laid out.
pub fn hints_room(p: &Project) -> Vec<String> {
    let mut out = Vec::new();
    if p.outcomes.iter().any(|o| !o.voices.is_empty()) {
        out.push(VOICES_HIDDEN.to_string());
    }
    if !p.outcomes.is_empty() {
        out.push(outcomes_unnamed(p.outcomes.len(), p.outcomes.len() + 1));
    }
    out
}

/// The legend of the wheel of `p` in `state`.
pub fn legend(p: &Project, state: &ViewState) -> Legend {
    let groups: Vec<(String, Colour)> = match state.grouping {
        Grouping::PriorityThenNeed => p
            .priorities
            .iter()
            .map(|x| (x.name.clone(), x.colour))
            .collect(),
        Grouping::NeedThenPriority => p.needs.iter().map(|x| (x.name.clone(), x.colour)).collect(),
    };
    let mut entries = colouring::legend(state.colour, &groups);
    if state.colour == ColourMode::Priority && state.grouping == Grouping::NeedThenPriority {
        // Outcomes are tinted by priority in this arrangement.
        entries.extend(p.priorities.iter().map(|x| LegendEntry {
            colour: x.colour,
            pattern: Pattern::Solid,
            marker: "",
            label: x.name.clone(),
        }));
    }
    let title = match state.colour {
        ColourMode::Priority => match state.grouping {
            Grouping::PriorityThenNeed => "Priorities",
            Grouping::NeedThenPriority => {
                "Areas of need (inner ring), then priorities (their outcomes lighter)"
            }
        },
        m => m.legend_title(),
    };
    let (group, sub) = match state.grouping {
        Grouping::PriorityThenNeed => ("priorities", "areas of need"),
        Grouping::NeedThenPriority => ("areas of need", "priorities"),
    };
    let has_voices = p.outcomes.iter().any(|o| !o.voices.is_empty());
    let rings = format!(
        "Rings from the centre: vision, {group}, {sub}, outcomes{}",
        if has_voices {
            ", residents' voices"
        } else {
            ""
        }
    );
    let voices = has_voices.then(|| match super::voices::shared_opening(p) {
        Some(opening) => format!("Residents' voices, each beginning “{opening} …”"),
        None => "Residents' voices, in their own words".to_string(),
    });
    Legend {
        title: title.to_string(),
        entries,
        rings,
        voices,
    }
}
