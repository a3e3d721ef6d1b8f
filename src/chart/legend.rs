//! The legend: one typed entry per kind of thing drawn, so that switching an entry off
//! (on screen) and leaving it out (in exports) never depends on its words.

use super::{EVENT, MAIN, PROJECTION, TARGET, TRAJECTORY, value_status_label};
use crate::model::{Colour, ValueStatus};

/// What a legend entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendItem {
    /// The measure's own values.
    Main,
    /// The measure's values of a status other than measured.
    Status(ValueStatus),
    /// A comparator, by its position in the measure's list.
    Comparator(usize),
    Targets,
    Trajectory,
    Projection,
    Events,
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendMark {
    Line,
    HollowPoint,
    DashedLine,
    Band,
    Diamond,
    Vertical,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub item: LegendItem,
    pub name: String,
    pub mark: LegendMark,
    pub colour: Colour,
    /// False when the user has switched it off.
    pub shown: bool,
}

/// What a chart holds, for its legend.
pub(super) struct Contents<'a> {
    pub main_name: &'a str,
    pub statuses: &'a [ValueStatus],
    pub comparators: Vec<(String, Colour)>,
    pub targets: bool,
    pub trajectory: bool,
    pub projection: bool,
    pub events: bool,
}

/// The legend for `c`, in drawing order, each entry shown unless `hidden` says otherwise.
pub(super) fn entries(c: Contents, hidden: &[LegendItem]) -> Vec<LegendEntry> {
    let mut out = Vec::new();
    let mut push = |item, name: String, mark, colour| {
        out.push(LegendEntry {
            item,
            name,
            mark,
            colour,
            shown: !hidden.contains(&item),
        })
    };
    push(
        LegendItem::Main,
        c.main_name.to_string(),
        LegendMark::Line,
        MAIN,
    );
    for s in [
        ValueStatus::Provisional,
        ValueStatus::Estimated,
        ValueStatus::Illustrative,
    ] {
        if c.statuses.contains(&s) {
            push(
                LegendItem::Status(s),
                value_status_label(s).into(),
                LegendMark::HollowPoint,
                MAIN,
            );
        }
    }
    for (i, (name, colour)) in c.comparators.into_iter().enumerate() {
        push(LegendItem::Comparator(i), name, LegendMark::Line, colour);
    }
    if c.targets {
        push(
            LegendItem::Targets,
            "Targets".into(),
            LegendMark::Diamond,
            TARGET,
        );
    }
    if c.trajectory {
        push(
            LegendItem::Trajectory,
            "Trajectory to target".into(),
            LegendMark::Band,
            TRAJECTORY,
        );
    }
    if c.projection {
        push(
            LegendItem::Projection,
            "Recent trend".into(),
            LegendMark::DashedLine,
            PROJECTION,
        );
    }
    if c.events {
        push(
            LegendItem::Events,
            "Events".into(),
            LegendMark::Vertical,
            EVENT,
        );
    }
    out
}
