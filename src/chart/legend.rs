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
    Milestones,
    Trajectory,
    Projection,
    Events,
}

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendMark {
    /// A line with a measured value's dot on it.
    Line,
    /// A value's mark (for values that are not measured).
    Point(PointMark),
    DashedLine,
    Band,
    /// A target's diamond: filled for a target, hollow for a milestone.
    Diamond {
        filled: bool,
    },
    Vertical,
}

/// The mark of a value, by its status: a measured value is a dot; a provisional one a
/// ring, an estimated one a hollow square, an illustrative one a cross (no real figure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointMark {
    Dot,
    Ring,
    Square,
    Cross,
}

impl PointMark {
    pub fn of(status: ValueStatus) -> PointMark {
        match status {
            ValueStatus::Measured => PointMark::Dot,
            ValueStatus::Provisional => PointMark::Ring,
            ValueStatus::Estimated => PointMark::Square,
            ValueStatus::Illustrative => PointMark::Cross,
        }
    }
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
    pub milestones: bool,
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
                LegendMark::Point(PointMark::of(s)),
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
            LegendMark::Diamond { filled: true },
            TARGET,
        );
    }
    if c.milestones {
        push(
            LegendItem::Milestones,
            "Milestones".into(),
            LegendMark::Diamond { filled: false },
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
